"""Accuracy of quotecheck against gold quotes, next to a naive baseline.

    python benchmarks/accuracy.py [--dataset DIR] [--corpus PATH] [--json OUT] [--limit N]

With ``--dataset`` it scores every ``*.json`` of a WikiNews quotation dataset folder
(Petersen-Frey & Biemann, LREC-COLING 2024) on the dataset's own tokens; without
it, our corpus ``corpus/gold.jsonl`` on ``quotecheck.text.tokenize`` tokens. The
scoring is ``quotecheck evaluate``'s (:mod:`quotecheck.evaluate`: the exporter and
the published metric, full and simplified); this script runs it for quotecheck and
a naive baseline side by side. For our corpus it also reports speaker-name
accuracy, source accuracy and recall per phenomenon tag. The baseline is
:mod:`benchmarks.baseline`; ``quotecheck evaluate`` gives more figures (source chains
over quotes with sources, relations, sections, per-quote errors).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import baseline  # noqa: E402
from quotecheck.evaluate import Evaluation, GoldDocument, load_gold  # noqa: E402

__all__ = ["evaluate", "main"]

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "corpus" / "gold.jsonl"

System = Callable[[str], list[dict[str, Any]]]


class Run:
    """Scores of one system over all documents: the package's evaluation, plus timing."""

    def __init__(self, name: str, system: System, corpus: bool) -> None:
        self.name = name
        self.system = system
        self.corpus = corpus
        self.evaluation = Evaluation()
        self.seconds = 0.0
        self.errors: list[str] = []

    def add(self, doc: GoldDocument) -> None:
        started = time.perf_counter()
        try:
            predicted = self.system(doc.text)
        except Exception as error:  # keep going: one bad document must not end the run
            self.errors.append(f"{doc.id}: {type(error).__name__}: {error}")
            predicted = []
        self.seconds += time.perf_counter() - started
        self.evaluation.add(doc, predicted)

    def to_dict(self) -> dict[str, Any]:
        """The collected scores as plain values, for ``--json``."""
        report = self.evaluation.report()
        out: dict[str, Any] = {
            "full": report["full"],
            "simplified": report["simplified"],
            "elapsed_seconds": self.seconds,
            "system_quotes": report["system_quotes"],
            "errors": self.errors,
        }
        if self.corpus:
            attribution = report["attribution"]
            out["matched_top_level"] = attribution["matched"]
            out["speaker_name_accuracy"] = attribution["speaker_name"]["accuracy"]
            out["source_accuracy"] = attribution["chain"]["accuracy"]
            out["recall_by_phenomenon"] = {
                tag: {"recall": info["recall"], "gold": info["gold"]}
                for tag, info in report["recall_by_phenomenon"].items()
            }
        return out


def _quotecheck_system() -> System:
    import quotecheck

    extractor = quotecheck.Extractor()
    return lambda text: [quote.to_dict() for quote in extractor.extract(text)]


def evaluate(documents: Sequence[GoldDocument], systems: Mapping[str, System], corpus: bool) -> dict[str, Run]:
    """Score every system on every document."""
    runs = {name: Run(name, system, corpus) for name, system in systems.items()}
    for doc in documents:
        for run in runs.values():
            run.add(doc)
    return runs


def _fmt(value: float | None) -> str:
    return "   –  " if value is None else f"{value:6.3f}"


def _margin(a: float | None, b: float | None) -> str:
    return "      " if a is None or b is None else f"{a - b:+6.3f}"


def render(report: dict[str, Any]) -> str:
    """A readable side-by-side table of the report."""
    names = list(report["systems"])
    runs = [report["systems"][n] for n in names]
    two = len(runs) == 2
    header = f"{'':28}" + "".join(f"{n[:12]:>12}" for n in names) + (f"{'margin':>12}" if two else "")
    lines = [
        f"Accuracy on {report['source']}: {report['documents']} documents, "
        f"{report['gold_quotes']} gold quotes ({report['gold_quotes_top_level']} not nested)",
        "",
        header,
    ]

    def row(label: str, values: list[float | None]) -> None:
        cells = "".join(f"{_fmt(v):>12}" for v in values)
        extra = f"{_margin(values[0], values[1]):>12}" if two else ""
        lines.append(f"{label:28}{cells}{extra}")

    for setting in ("full", "simplified"):
        lines.append(f"-- {setting} --")
        for measure, label in (("message", "Message"), ("roles", "Roles"), ("joint", "Joint")):
            for key, short in (("precision", "P"), ("recall", "R"), ("f1", "F1")):
                row(f"  {label} {short}", [r[setting][measure][key] for r in runs])
        for key, short in (("precision", "P"), ("recall", "R"), ("f1", "F1")):
            row(f"  Type {short}", [r[setting]["type"][key] for r in runs])
    lines.append("-- recall per gold type (pair overlap > 0) --")
    gold_by_type = runs[0]["full"]["gold_by_type"]
    for label, count in gold_by_type.items():
        row(f"  {label} ({count})", [r["full"]["recall_by_type"].get(label) for r in runs])
    if "speaker_name_accuracy" in runs[0]:
        lines.append("-- matched top-level quotes --")
        lines.append(f"{'  matched (count)':28}" + "".join(f"{r['matched_top_level']:>12}" for r in runs))
        row("  speaker name accuracy", [r["speaker_name_accuracy"] for r in runs])
        row("  source accuracy", [r["source_accuracy"] for r in runs])
        lines.append("-- recall per phenomenon --")
        for tag, info in runs[0]["recall_by_phenomenon"].items():
            row(f"  {tag[:20]} ({info['gold']})", [r["recall_by_phenomenon"].get(tag, {}).get("recall") for r in runs])
    lines.append("-- counts --")
    lines.append(f"{'  system quotes':28}" + "".join(f"{r['system_quotes']:>12}" for r in runs))
    row("  elapsed seconds", [r["elapsed_seconds"] for r in runs])
    for name, run in zip(names, runs):
        if run["errors"]:
            lines.append(f"{name}: {len(run['errors'])} documents failed, first: {run['errors'][0]}")
    lines.append(f"total elapsed: {report['elapsed_seconds']:.1f}s")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 on success, 1 when quotecheck could not run, 2 on bad input."""
    parser = argparse.ArgumentParser(description="Score quotecheck and a naive baseline against gold quotes.")
    parser.add_argument("--dataset", type=Path, help="WikiNews quotation dataset folder (*.json)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="our gold.jsonl (default: %(default)s)")
    parser.add_argument("--json", type=Path, help="also write all numbers to this JSON file")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if args.dataset is not None:
        if not args.dataset.is_dir():
            print(f"error: not a folder: {args.dataset}", file=sys.stderr)
            return 2
        source = str(args.dataset)
        documents = load_gold(args.dataset, "wikinews", args.limit)
    else:
        if not args.corpus.is_file():
            print(f"error: no such file: {args.corpus} (build it with corpus/build.py)", file=sys.stderr)
            return 2
        source = str(args.corpus)
        documents = load_gold(args.corpus, "contract", args.limit)
    if not documents:
        print(f"error: no documents in {source}", file=sys.stderr)
        return 2

    systems: dict[str, System] = {}
    status = 0
    try:
        systems["quotecheck"] = _quotecheck_system()
    except Exception:  # report and still score the baseline
        print("quotecheck could not be loaded; scoring the baseline only:", file=sys.stderr)
        traceback.print_exc()
        status = 1
    systems["baseline"] = baseline.extract

    runs = evaluate(documents, systems, corpus=args.dataset is None)
    report = {
        "source": source,
        "documents": len(documents),
        "gold_quotes": sum(len(d.gold) for d in documents),
        "gold_quotes_top_level": sum(1 for d in documents for g in d.gold if not g.nested),
        "systems": {name: run.to_dict() for name, run in runs.items()},
        "elapsed_seconds": time.perf_counter() - started,
    }
    print(render(report))
    if args.json is not None:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
