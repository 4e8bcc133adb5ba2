"""The evaluation report as readable text (``quotecheck evaluate`` without ``--json``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["render", "render_errors"]

_MEASURES = (("message", "Message"), ("roles", "Roles"), ("joint", "Joint"), ("type", "Type"))


def _num(value: float | None) -> str:
    return "    –" if value is None else f"{value:.3f}"


def _figure(label: str, figure: Mapping[str, Any]) -> str:
    count = f"({figure['correct']}/{figure['total']})" if figure["total"] else "(none counted)"
    return f"  {label:<42}{_num(figure['accuracy'])}  {count}"


def _metric(report: Mapping[str, Any]) -> list[str]:
    lines = [f"{'':20}{'P':>7}{'R':>7}{'F1':>7}"]
    for setting, prefix in (("full", ""), ("simplified", "simplified ")):
        for key, label in _MEASURES:
            if setting == "simplified" and key not in ("message", "joint"):
                continue
            prf = report[setting][key]
            lines.append(
                f"{prefix + label:<20}{_num(prf['precision']):>7}{_num(prf['recall']):>7}{_num(prf['f1']):>7}"
            )
    return lines


def _attribution(report: Mapping[str, Any]) -> list[str]:
    attribution = report["attribution"]
    if attribution is None:
        return ["Attribution: the gold names no speakers and has no sources (WikiNews format);",
                "  speaker and source chain accuracy need contract-format gold."]
    lines = [f"Attribution over {attribution['matched']} matched top-level quotes:"]
    lines.append(_figure("speaker name accuracy", attribution["speaker_name"]))
    lines.append(_figure("source chain accuracy, all", attribution["chain"]))
    lines.append(_figure("source chain accuracy, gold has sources", attribution["chain_with_sources"]))
    relation = attribution["relation"]
    if relation["total"]:
        lines.append(_figure("relation accuracy (sources both relate)", relation))
    else:
        lines.append("  relation accuracy                             –  (no source has a relation on both sides)")
    sections = report.get("sections") or {}
    if sections:
        lines += ["", "Per section:", f"  {'section':<22}{'matched':>8}{'speaker':>9}{'chain':>8}{'chain*':>8}"]
        for name, figures in sections.items():
            lines.append(
                f"  {name[:22]:<22}{figures['matched']:>8}{_num(figures['speaker_name']['accuracy']):>9}"
                f"{_num(figures['chain']['accuracy']):>8}{_num(figures['chain_with_sources']['accuracy']):>8}"
            )
        lines.append("  (chain* = over matched quotes whose gold has at least one source)")
    return lines


def _recall(title: str, table: Mapping[str, Mapping[str, Any]]) -> list[str]:
    lines = [title]
    for label, info in table.items():
        count = f"({info['found']}/{info['gold']})" if info["found"] is not None else f"({info['gold']} gold)"
        lines.append(f"  {label[:30]:<32}{_num(info['recall'])}  {count}")
    return lines


def render(report: Mapping[str, Any]) -> str:
    """The report's figures as text, one block per question."""
    lines = [
        f"Evaluation of {report['system']} against {report['gold']} ({report['format']} format): "
        f"{report['documents']} documents, {report['gold_quotes']} gold quotes "
        f"({report['gold_quotes_top_level']} not nested), {report['system_quotes']} system quotes",
        "",
        *_metric(report),
        "",
        *_attribution(report),
        "",
        *_recall("Recall per kind (gold quotes matched with token overlap > 0):", report["recall_by_kind"]),
    ]
    if report.get("recall_by_phenomenon"):
        lines += ["", *_recall("Recall per phenomenon tag:", report["recall_by_phenomenon"])]
    failed = report.get("failed_documents") or ()
    if failed:
        lines += ["", f"{len(failed)} documents had no system output (scored as no quotes); first: {failed[0]}"]
    if "errors" in report:
        lines += ["", *render_errors(report["errors"])]
    return "\n".join(lines)


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_errors(errors: list[Mapping[str, Any]]) -> list[str]:
    """One line per quote error: document, error, kind, where, the quote, and gold vs system."""
    lines = [f"Errors ({len(errors)}):"]
    for error in errors:
        where = "" if error["start"] is None else f"@{error['start']}"
        line = f"  {error['document']}{where}  {error['error']}  {error['kind']}  „{_short(error['text'])}“"
        if error["error"] not in ("missed", "spurious"):
            line += f"  gold: {error['gold']!r}  system: {error['system']!r}"
        lines.append(line)
    return lines
