"""Scoring system quotes against gold documents: the metric plus attribution checks.

:class:`Evaluation` takes one gold document and the system's quote records for it
at a time. Every document goes through the published metric
(:mod:`quotecheck.evaluate.metric`, full and simplified) on the gold document's
tokens. On top of it, over the *matched* top-level quotes (a gold and a system
quote paired by the metric with token overlap > 0, neither a fragment piece), it
checks what the metric cannot see, when the gold is in our contract format:

- speaker name: the canonical ``name`` of the speakers is equal (both ``None``
  counts as equal: „ein Augenzeuge“ stays unnamed on both sides);
- source chain: the list of source names is equal, in order („laut Interfax unter
  Berufung auf TASS“ → [Interfax, TASS] is not [TASS, Interfax]); counted over all
  matched quotes and over those whose gold quote has at least one source;
- relation: for every gold source with a ``relation`` whose name the system quote
  also has as a source with a ``relation``, whether the two are equal;
- recall per kind and per phenomenon tag; all attribution figures per ``section``
  as well, when gold documents carry one.

With ``errors=True`` it also keeps a per-quote error list: missed and spurious
quotes, wrong speakers, wrong chains and wrong relations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from attrs import define, field, frozen

from quotecheck.evaluate.export import export_document
from quotecheck.evaluate.gold import GoldDocument, to_annotations
from quotecheck.evaluate.metric import Annotation, DocumentResult, Scorer

__all__ = ["Attribution", "ErrorKind", "Evaluation", "QuoteError", "ratio"]

ErrorKind = Literal["missed", "spurious", "wrong_speaker", "wrong_chain", "wrong_relation"]
#: The section name of gold documents without one, when others have one.
NO_SECTION = "(no section)"


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or ``None`` when nothing was counted."""
    return part / whole if whole else None


@define
class Attribution:
    """Counts of the attribution checks over matched top-level quotes."""

    matched: int = 0
    speaker_ok: int = 0
    chain_ok: int = 0
    sourced: int = 0
    sourced_chain_ok: int = 0
    relations: int = 0
    relations_ok: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The counts and their ratios (``None`` when nothing was counted)."""

        def figure(ok: int, total: int) -> dict[str, Any]:
            return {"accuracy": ratio(ok, total), "correct": ok, "total": total}

        return {
            "matched": self.matched,
            "speaker_name": figure(self.speaker_ok, self.matched),
            "chain": figure(self.chain_ok, self.matched),
            "chain_with_sources": figure(self.sourced_chain_ok, self.sourced),
            "relation": figure(self.relations_ok, self.relations),
        }


@frozen
class QuoteError:
    """One quote the system got wrong, for ``--errors``.

    ``kind`` is the gold quote's (the system quote's for a spurious one); ``gold``
    and ``system`` are what each side has for the checked field (speaker name,
    source names, relations), ``None`` for missed and spurious quotes.
    """

    document: str
    error: ErrorKind
    kind: str | None
    text: str
    start: int | None
    gold: Any = None
    system: Any = None

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON object."""
        return {
            "document": self.document,
            "error": self.error,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "gold": self.gold,
            "system": self.system,
        }


@define
class _Counts:
    found: int = 0
    total: int = 0


def _speaker_name(quote: Mapping[str, Any]) -> str | None:
    speaker = quote.get("speaker")
    return speaker.get("name") if speaker else None


def _source_names(quote: Mapping[str, Any]) -> list[str | None]:
    return [source.get("name") for source in quote.get("sources") or ()]


def _relation_pairs(gold: Mapping[str, Any], system: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """``(name, gold relation, system relation)`` for sources both sides relate, matched by name."""
    unused = [s for s in system.get("sources") or () if s.get("relation")]
    pairs = []
    for source in gold.get("sources") or ():
        if not source.get("relation"):
            continue
        for k, candidate in enumerate(unused):
            if candidate.get("name") == source.get("name"):
                pairs.append((str(source.get("name")), str(source["relation"]), str(candidate["relation"])))
                del unused[k]
                break
    return pairs


def _content(quote: Mapping[str, Any]) -> tuple[str, int | None]:
    """A quote record's content text and start offset."""
    content = quote.get("content") or {}
    spans = content.get("spans") or ()
    return str(content.get("text", "")), (int(spans[0][0]) if spans else None)


def _dataset_quote(annotation: Mapping[str, Any]) -> tuple[str, int | None]:
    """A WikiNews annotation's quote text and start offset."""
    quote = annotation.get("quote") or {}
    spans = quote.get("spans") or ()
    return str(quote.get("text", "")), (int(spans[0]["charBegin"]) if spans else None)


@define
class Evaluation:
    """Accumulates gold documents and system output; :meth:`report` gives all figures."""

    keep_errors: bool = False
    full: Scorer = field(factory=Scorer)
    simplified: Scorer = field(factory=lambda: Scorer(simplified=True))
    attribution: Attribution | None = None
    sections: dict[str, Attribution] = field(factory=dict)
    kinds: dict[str, _Counts] = field(factory=dict)
    phenomena: dict[str, _Counts] = field(factory=dict)
    errors: list[QuoteError] = field(factory=list)
    documents: int = 0
    gold_quotes: int = 0
    gold_top_level: int = 0
    system_quotes: int = 0
    failed: list[str] = field(factory=list)

    def add(self, doc: GoldDocument, predicted: Sequence[Mapping[str, Any]]) -> DocumentResult:
        """Score one document: ``predicted`` are the system's quote records for ``doc.text``."""
        # the dataset's conventions only against its own gold: a citing source is a quote of its own
        # and an according-to quote's cue its adposition; our contract's gold keeps both as we give them
        wikinews = doc.format == "wikinews"
        quoting: frozenset[str] | None = None if wikinews else frozenset()
        system = to_annotations(export_document(predicted, doc.tokens, doc.text, quoting, dataset_roles=wikinews))
        result = self.full.add(system, doc.gold)
        self.simplified.add(system, doc.gold)
        self.documents += 1
        self.gold_quotes += len(doc.gold)
        self.gold_top_level += sum(1 for g in doc.gold if not g.nested)
        self.system_quotes += len(predicted)
        matched = _matched(result)
        if doc.contract is not None:
            self._contract_checks(doc, doc.contract, predicted, matched)
        if self.keep_errors:
            self._unmatched_errors(doc, predicted, matched, result)
            if doc.contract is None:
                self._span_speaker_errors(doc, predicted, system, matched)
        return result

    def fail(self, document: str, message: str) -> None:
        """Note a document the system could not process (it is scored with no quotes)."""
        self.failed.append(f"{document}: {message}")

    def _contract_checks(
        self,
        doc: GoldDocument,
        gold: Sequence[Mapping[str, Any]],
        predicted: Sequence[Mapping[str, Any]],
        matched: list[tuple[int, int]],
    ) -> None:
        overall = self.attribution = self.attribution or Attribution()
        section = self.sections.setdefault(doc.section or NO_SECTION, Attribution())
        for sys_ref, gold_ref in matched:
            ours, theirs = predicted[sys_ref], gold[gold_ref]
            for counts in (overall, section):
                _check(counts, ours, theirs)
            if self.keep_errors:
                self._attribution_errors(doc.id, ours, theirs)
        found = {gold_ref for _, gold_ref in matched}
        for number, quote in enumerate(gold):
            kind = self.kinds.setdefault(str(quote.get("kind")), _Counts())
            kind.found += number in found
            kind.total += 1
            for tag in quote.get("phenomena") or ():
                tagged = self.phenomena.setdefault(tag, _Counts())
                tagged.found += number in found
                tagged.total += 1

    def _attribution_errors(self, document: str, ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
        text, start = _content(theirs)
        kind = theirs.get("kind")

        def error(name: ErrorKind, gold: Any, system: Any) -> None:
            self.errors.append(QuoteError(document, name, kind, text, start, gold, system))

        if _speaker_name(ours) != _speaker_name(theirs):
            error("wrong_speaker", _speaker_name(theirs), _speaker_name(ours))
        if _source_names(ours) != _source_names(theirs):
            error("wrong_chain", _source_names(theirs), _source_names(ours))
        for name, gold_relation, system_relation in _relation_pairs(theirs, ours):
            if gold_relation != system_relation:
                error("wrong_relation", {name: gold_relation}, {name: system_relation})

    def _unmatched_errors(
        self,
        doc: GoldDocument,
        predicted: Sequence[Mapping[str, Any]],
        matched: list[tuple[int, int]],
        result: DocumentResult,
    ) -> None:
        found_gold = {g for _, g in matched}
        found_system = {s for s, _ in matched} | _found_pieces(result)
        if doc.contract is not None:
            for number, quote in enumerate(doc.contract):
                if number not in found_gold:
                    text, start = _content(quote)
                    self.errors.append(QuoteError(doc.id, "missed", quote.get("kind"), text, start))
        else:
            found_gold |= _gold_of_pieces(result)
            for number, annotation in enumerate(doc.records):
                if number not in found_gold:
                    text, start = _dataset_quote(annotation)
                    self.errors.append(QuoteError(doc.id, "missed", annotation.get("type"), text, start))
        for number, ours in enumerate(predicted):
            if number not in found_system:
                text, start = _content(ours)
                self.errors.append(QuoteError(doc.id, "spurious", ours.get("kind"), text, start))

    def _span_speaker_errors(
        self,
        doc: GoldDocument,
        predicted: Sequence[Mapping[str, Any]],
        system: Sequence[Annotation],
        matched: list[tuple[int, int]],
    ) -> None:
        """WikiNews gold names no speakers: a speaker is wrong when its tokens miss the gold's."""
        speakers = {a.ref[0]: a.speaker for a in system if not a.ref[1]}
        for sys_ref, gold_ref in matched:
            gold_speaker = doc.gold[gold_ref].speaker
            ours = speakers.get(sys_ref, frozenset())
            if (gold_speaker or ours) and not gold_speaker & ours:
                annotation = doc.records[gold_ref]
                text, start = _dataset_quote(annotation)
                self.errors.append(QuoteError(
                    doc.id, "wrong_speaker", annotation.get("type"), text, start,
                    (annotation.get("speaker") or {}).get("text") or None,
                    ((predicted[sys_ref].get("speaker")) or {}).get("text"),
                ))

    def report(self) -> dict[str, Any]:
        """Every figure as plain values (the ``--json`` report)."""
        full = self.full.result()
        out: dict[str, Any] = {
            "documents": self.documents,
            "gold_quotes": self.gold_quotes,
            "gold_quotes_top_level": self.gold_top_level,
            "system_quotes": self.system_quotes,
            "full": full.to_dict(),
            "simplified": self.simplified.result().to_dict(),
            "attribution": None if self.attribution is None else self.attribution.to_dict(),
            "sections": {},
            "recall_by_kind": {},
            "recall_by_phenomenon": {},
            "failed_documents": list(self.failed),
        }
        if self.attribution is not None:
            out["recall_by_kind"] = _recall(self.kinds)
            out["recall_by_phenomenon"] = _recall(self.phenomena)
            if set(self.sections) != {NO_SECTION}:
                out["sections"] = {name: counts.to_dict() for name, counts in sorted(self.sections.items())}
        else:
            out["recall_by_kind"] = {
                label: {"recall": full.recall_by_type.get(label), "found": None, "gold": count}
                for label, count in full.gold_by_type.items()
            }
        if self.keep_errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out


def _recall(counts: Mapping[str, _Counts]) -> dict[str, dict[str, Any]]:
    return {
        tag: {"recall": ratio(c.found, c.total), "found": c.found, "gold": c.total}
        for tag, c in sorted(counts.items())
    }


def _matched(result: DocumentResult) -> list[tuple[int, int]]:
    """``(system ref, gold ref)`` of the pairs with overlap > 0 where neither side is a fragment piece."""
    out = []
    for pair in result.pairs:
        if pair.system is None or pair.gold is None or pair.overlap <= 0.0:
            continue
        if not (pair.system.ref[1] or pair.gold.ref[1]):
            out.append((pair.system.ref[0], pair.gold.ref[0]))
    return out


def _piece_pairs(result: DocumentResult) -> list[tuple[int, int]]:
    """``(gold ref, system quote)`` of the pairs with overlap > 0 whose system side renders a quote (a piece too)."""
    return [
        (pair.gold.ref[0], pair.system.ref[2])
        for pair in result.pairs
        if pair.system is not None and pair.gold is not None and pair.overlap > 0.0 and pair.system.ref[2] is not None
    ]


def _found_pieces(result: DocumentResult) -> set[int]:
    """The nested system quotes (``parent`` set) whose piece was paired with a gold quote, overlap > 0.

    They are exported as pieces of their parent, so :func:`_matched` never names them.
    """
    return {system for _, system in _piece_pairs(result)}


def _gold_of_pieces(result: DocumentResult) -> set[int]:
    """The gold annotations paired with a system quote or piece, overlap > 0: found, as per-type recall counts them.

    A WikiNews nested Direct quote („„volle Verantwortung““ inside an Indirect one)
    is found by our nested direct quote, which :func:`_matched` leaves out.
    """
    return {gold for gold, _ in _piece_pairs(result)}


def _check(counts: Attribution, ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
    counts.matched += 1
    counts.speaker_ok += _speaker_name(ours) == _speaker_name(theirs)
    chain_ok = _source_names(ours) == _source_names(theirs)
    counts.chain_ok += chain_ok
    if theirs.get("sources"):
        counts.sourced += 1
        counts.sourced_chain_ok += chain_ok
    for _, gold_relation, system_relation in _relation_pairs(theirs, ours):
        counts.relations += 1
        counts.relations_ok += gold_relation == system_relation

