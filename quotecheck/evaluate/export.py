"""Convert quotecheck output to the WikiNews quotation dataset's annotation format.

The dataset (Petersen-Frey & Biemann, LREC-COLING 2024) annotates each quote as
``{"type", "quote", "cue", "frame", "speaker", "addressee", "isNested",
"hasNested", "medium"}`` where every role is ``{"spans": [{"charBegin", "charEnd",
"begin", "end"}], "text", "tokenIds"}`` over the document's own tokens. This
module maps our contract dicts (``Quote.to_dict()``, docs/output-format.md) onto it
so that both our scorer (:mod:`quotecheck.evaluate.metric`) and the authors'
``eval/eval.py`` can score quotecheck (``benchmarks/export.py`` writes a dataset
folder of our predictions for the latter).

Mapping rules, and why:

- Token ids of a role are the tokens whose character range overlaps the role's
  spans; ``begin``/``end`` of a span are its first token id and last token id + 1
  (as in the dataset).
- kind → type: direct → Direct, indirect → Indirect, reported → Reported. The
  dataset splits our ``free_indirect`` in two: in the training split
  ``IndirectFreeIndirect`` (316 quotes) is framed-less reported speech in
  Konjunktiv continuing someone's statement (89 % contain a common Konjunktiv
  form such as sei/habe/werde/hätte; none has a cue or frame), while
  ``FreeIndirect`` (119) is reportive *sollen/wollen* ("soll ... geholfen haben";
  all but one contain a form of sollen/wollen, mostly indicative). So free_indirect with mood ``subjunctive`` →
  IndirectFreeIndirect, any other mood → FreeIndirect.
- Reported quotes: the dataset annotates a reported speech act as the whole
  clause that tells it, speaker and verb included („Der Wetterdienst warnte vor
  Sturm.“), with no cue and no frame (training split: 297 Reported quotes, 6 with
  a cue, none with a frame). Our contract keeps the act's object material as
  ``content`` and the clause as ``frame``; so the exported quote span is the
  frame and content together (from the start of the first to the end of the
  last), and cue and frame are left empty.
- Direct quotes: the dataset's quote span includes the quotation marks, our
  ``content`` excludes them, so the span is extended over one quotation-mark
  character directly before its start and one directly after its end, when present.
- According-to phrases: our cue is the phrase („nach Angaben“, „Meinung nach“,
  „dem Bericht zufolge“), the dataset's is its adposition alone, with the rest of
  the phrase as the speaker („Nach“ + „Angaben der Polizei“); so the cue of an
  according-to quote becomes its one adposition and the speaker the frame without
  it (:func:`_according_roles`; not when scoring against our contract's gold).
- Nested direct quotes (``parent`` set: the verbatim pieces of an indirect,
  free-indirect or reported quote, see :mod:`quotecheck.nesting`) are exported with
  their parent, as its pieces; a quote without such children has its
  ``fragments`` exported the same way (our gold corpus records the pieces as
  fragments only). A child whose parent is not among the quotes is an ordinary
  Direct quote.
- The pieces of an indirect or free-indirect quote become extra Direct
  annotations with ``isNested`` true (marks included, as above), beside the
  enclosing quote. In the training split, nested Direct quotes copy the enclosing
  quote's roles in most cases (speaker, cue and frame identical to the enclosing
  quote's for 174 of 238), so the fragment gets the parent's speaker, cue, frame
  and addressee. Counted on the training split for short quoted pieces (≤ 15
  tokens, inside a sentence, not after a colon or comma): 113 are nested in an
  Indirect quote (105 with its cue and frame), 34 in an IndirectFreeIndirect one.
- The pieces of a reported quote replace it: the dataset annotates a speech-act
  clause with a verbatim piece („X nannte die Absage einen „Vertrauensbruch““,
  „sprach von einer „Gefahr …““) as the Direct piece alone, not nested, with the
  clause's speaker, cue („nannte“, „bezeichnete als“, „sprach von“) and frame (the
  clause without the piece), and no Reported annotation: 105 such top-level
  pieces against 21 pieces nested in a Reported clause (those without cue or
  frame). So a reported quote with fragments is exported as one non-nested Direct
  annotation per fragment, with the quote's speaker, cue and addressee and its
  frame minus the fragments; the clause itself is not exported. The first piece
  stands for the quote in our bookkeeping (``"fragment"`` false, see below).
- Nesting of top-level quotes: a quote whose token set is a proper subset of
  another exported quote's token set is ``isNested`` and that other quote
  ``hasNested`` (the dataset's meaning: a quote reported inside another quote).
- ``sources`` have no place in the dataset format and are dropped, except a source
  that cites the speaker: a quote whose cue is a quoting verb (``quote_verb`` of
  ``attribution_words.tsv``, „wird von der Zeitung mit den Worten zitiert“, „zitiert
  die Agentur den Minister“) is in the dataset two annotations over the same
  tokens, one with the speaker and one with the citing medium as speaker, each
  marked nested in the other (training split: 5 of the 6 such quotes quotecheck
  finds; 22 pairs of equal spans in all). So such a quote is exported a second
  time over its tokens, as a nested annotation whose speaker is its
  ``reported_by`` source (else its ``published_in`` one); in our bookkeeping it is
  not the quote's first annotation (``"fragment"`` true). ``medium`` is null
  (quotecheck does not predict it).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from quotecheck.evaluate.metric import ROLES
from quotecheck.lexicon import load_lexicon

__all__ = [
    "QUOTE_MARKS",
    "ROLE_NAMES",
    "TokenIndex",
    "dataset_type",
    "export_document",
    "read_dataset",
    "strip_private",
    "tokens_from_quotecheck",
]

#: Characters that may open or close a direct quote.
QUOTE_MARKS = frozenset("„“”\"«»‚‘’'‹›")
#: Roles of the dataset format, besides the quote span (the metric's roles).
ROLE_NAMES: tuple[str, ...] = ROLES

_KIND_TO_TYPE = {"direct": "Direct", "indirect": "Indirect", "reported": "Reported"}


def dataset_type(kind: str | None, mood: str | None = None) -> str | None:
    """The dataset's quote type for one of our kinds (see the module docstring)."""
    if kind == "free_indirect":
        return "IndirectFreeIndirect" if mood == "subjunctive" else "FreeIndirect"
    return _KIND_TO_TYPE.get(kind or "")


class TokenIndex:
    """Finds the tokens overlapping a character span (binary search over starts)."""

    def __init__(self, tokens: Iterable[Mapping[str, Any]]) -> None:
        ordered = sorted(tokens, key=lambda t: (t["charBegin"], t["charEnd"]))
        self._begins = [t["charBegin"] for t in ordered]
        self._ends = [t["charEnd"] for t in ordered]
        self._ids = [t["id"] for t in ordered]
        # Tokens never overlap one another, so ends are sorted as well.

    def overlapping(self, start: int, end: int) -> list[int]:
        """Ids of the tokens with charBegin < end and charEnd > start."""
        if end <= start:
            return []
        lo = bisect.bisect_right(self._ends, start)
        hi = bisect.bisect_left(self._begins, end)
        return self._ids[lo:hi]


def tokens_from_quotecheck(tokens: Iterable[Any]) -> list[dict[str, int]]:
    """Dataset-style token dicts from ``quotecheck.text.tokenize`` tokens (.start/.end)."""
    return [{"charBegin": t.start, "charEnd": t.end, "id": k} for k, t in enumerate(tokens)]


def _role(spans: Sequence[Sequence[int]], text: str, index: TokenIndex, label: str | None = None) -> dict[str, Any]:
    out_spans = []
    token_ids: list[int] = []
    for start, end in spans:
        ids = index.overlapping(start, end)
        begin = ids[0] if ids else None
        out_spans.append(
            {"charBegin": start, "charEnd": end, "begin": begin, "end": ids[-1] + 1 if ids else begin}
        )
        token_ids.extend(ids)
    if label is None:
        label = " ".join(text[start:end] for start, end in spans)
    return {"spans": out_spans, "text": label, "tokenIds": sorted(set(token_ids))}


def _spans(role: Mapping[str, Any] | None) -> list[list[int]]:
    if not role:
        return []
    return [[int(start), int(end)] for start, end in role.get("spans", ())]


def _with_marks(spans: list[list[int]], text: str) -> list[list[int]]:
    """Extend a direct quote over one adjacent quotation mark on each side."""
    if not spans:
        return spans
    spans = [list(s) for s in sorted(spans)]
    start = spans[0][0]
    if start > 0 and text[start - 1] in QUOTE_MARKS:
        spans[0][0] = start - 1
    end = spans[-1][1]
    if end < len(text) and text[end] in QUOTE_MARKS:
        spans[-1][1] = end + 1
    return spans


#: Our bookkeeping keys on an exported annotation (see :func:`export_document`).
_PRIVATE = ("ref", "fragment", "quote_ref")


def _annotation(
    type_: str | None,
    quote: dict[str, Any],
    roles: Mapping[str, dict[str, Any]],
    *,
    nested: bool,
    ref: int,
    fragment: bool,
    quote_ref: int | None,
) -> dict[str, Any]:
    """One dataset-format annotation (each role dict copied) plus our bookkeeping keys."""
    return {
        "type": type_,
        "quote": quote,
        **{name: dict(role) for name, role in roles.items()},
        "isNested": nested,
        "hasNested": False,
        "medium": None,
        "ref": ref,
        "fragment": fragment,
        "quote_ref": quote_ref,
    }


def _pieces(
    quote: Mapping[str, Any], children: Sequence[tuple[int, Mapping[str, Any]]], text: str
) -> list[tuple[int | None, list[list[int]]]]:
    """``(index of the nested quote or None, spans with marks)`` of each verbatim piece of ``quote``.

    Its nested direct quotes when it has any, else its ``fragments`` (gold records
    and output of a version before ``parent``).
    """
    if children:
        return [(k, _with_marks(_spans(child.get("content")), text)) for k, child in children]
    return [(None, _with_marks(_spans(f), text)) for f in quote.get("fragments") or ()]


def _children(quotes: Sequence[Mapping[str, Any]]) -> dict[int, list[tuple[int, Mapping[str, Any]]]]:
    """The nested quotes of each quote (by index), when the parent is among ``quotes``."""
    index = {q.get("id"): k for k, q in enumerate(quotes) if q.get("id") is not None}
    out: dict[int, list[tuple[int, Mapping[str, Any]]]] = {}
    for k, quote in enumerate(quotes):
        parent = index.get(quote.get("parent"))
        if parent is not None and parent != k:
            out.setdefault(parent, []).append((k, quote))
    return out


def _clause(spans: list[list[int]]) -> list[list[int]]:
    """One span from the start of the first to the end of the last of ``spans``."""
    if not spans:
        return spans
    return [[min(s[0] for s in spans), max(s[1] for s in spans)]]


#: Relations of a source that cites the speaker, in the order the citing annotation prefers them.
_CITING_RELATIONS = ("reported_by", "published_in")


def _citing_source(quote: Mapping[str, Any], quoting: frozenset[str]) -> list[list[int]] | None:
    """The spans of the source that cites the quote's speaker („von der „Netzeitung““), if its cue quotes."""
    cue = quote.get("cue") or {}
    if cue.get("lemma") not in quoting:
        return None
    sources = quote.get("sources") or ()
    for relation in _CITING_RELATIONS:
        for source in sources:
            if source.get("relation") == relation and source.get("spans"):
                return _spans(source)
    return None


def export_document(
    quotes: Iterable[Mapping[str, Any]],
    tokens: Iterable[Mapping[str, Any]],
    text: str,
    quoting: frozenset[str] | None = None,
    *,
    dataset_roles: bool = True,
) -> list[dict[str, Any]]:
    """Dataset-format annotations for one document's contract quote dicts.

    ``quoting`` are the quoting verbs (lemmas) whose citing source becomes a second
    annotation (see the module docstring); the lexicon's ``quote_verb`` words by default,
    as the dataset has it. Scoring against our contract-format gold passes none:
    there the citing medium is a source, as in the contract.

    ``tokens`` are the document's tokens as dicts with ``charBegin``, ``charEnd``
    and ``id``; ``text`` is the document text the quotes' offsets point into.
    Each annotation carries an extra ``"ref"``: the index of the contract quote it
    came from (for pieces, of their parent), ``"fragment"``: true for an
    annotation that is not the quote itself but one of its pieces (a nested piece,
    or a reported quote's second and later pieces), and ``"quote_ref"``: the index
    of the nested quote a piece renders (None for a fragment without one); all
    three are ignored by the dataset's scorer.

    ``dataset_roles`` gives an according-to phrase the dataset's cue and speaker
    (:func:`_according_roles`); scoring against our contract-format gold passes
    False: there the roles are the contract's on both sides.
    """
    quotes = list(quotes)
    lexicon = load_lexicon()
    if quoting is None:
        quoting = lexicon.attribution.quote_verbs
    adpositions = _adpositions(lexicon.function_words) if dataset_roles else frozenset()
    index = TokenIndex(tokens)
    children = _children(quotes)
    nested = {k for found in children.values() for k, _ in found}
    out: list[dict[str, Any]] = []
    for ref, quote in enumerate(quotes):
        if ref in nested:
            continue  # exported with its parent
        kind = quote.get("kind")
        content = _spans(quote.get("content"))
        if kind == "direct":
            content = _with_marks(content, text)
        role_spans = {name: _spans(quote.get(name)) for name in ROLE_NAMES}
        if adpositions:
            role_spans.update(_according_roles(quote, role_spans, text, adpositions))
        roles = {name: _role(role_spans[name], text, index) for name in ROLE_NAMES}
        pieces = _pieces(quote, children.get(ref, ()), text)
        if kind == "reported" and pieces:
            out.extend(_pieces_of_reported(quote, pieces, text, index, ref))
            continue
        if kind == "reported":
            content = _clause(content + _spans(quote.get("frame")))
            roles["cue"] = _role([], text, index)
            roles["frame"] = _role([], text, index)
        type_ = dataset_type(kind, quote.get("mood"))
        out.append(
            _annotation(type_, _role(content, text, index), roles, nested=False, ref=ref, fragment=False, quote_ref=ref)
        )
        citing = _citing_source(quote, quoting)
        if citing is not None:
            cited = {**roles, "speaker": _role(citing, text, index)}
            out.append(_annotation(type_, _role(content, text, index), cited, nested=True, ref=ref, fragment=True, quote_ref=ref))
        for child, spans in pieces:
            out.append(
                _annotation(
                    "Direct", _role(spans, text, index), roles, nested=True, ref=ref, fragment=True, quote_ref=child
                )
            )
    _mark_nesting(out)
    out.sort(key=lambda a: (min(a["quote"]["tokenIds"], default=-1), a["isNested"]))
    for k, annotation in enumerate(out):
        annotation["id"] = k
    return out


#: The rules of according-to phrases whose adposition is the dataset's cue („nach“, „laut“,
#: „zufolge“); not „…, so X“ nor „…, hieß es“, whose cue is the whole word(s).
_ADPOSITION_CUE_RULES = frozenset({
    "according.preposition", "according.postposition", "according.noun_phrase",
    "according.anaphoric", "according.relative",
})
#: Characters trimmed off the edges of a speaker cut out of a frame.
_EDGE_PUNCTUATION = ",;:–—"


def _adpositions(function_words: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The prepositions and postpositions of ``function_words.tsv`` (class ``prep``), lower case."""
    return frozenset(word for word, classes in function_words.items() if "prep" in classes)


def _according_roles(
    quote: Mapping[str, Any], spans: Mapping[str, list[list[int]]], text: str, adpositions: frozenset[str]
) -> dict[str, list[list[int]]]:
    """The dataset's cue and speaker of an according-to quote, else nothing.

    Our contract's cue is the phrase („nach Angaben“, „Meinung nach“, „dem Bericht
    zufolge“) and the speaker mention the frame without its adposition („Angaben der
    Polizei“; the owner it names is the speaker's ``name``), or the owner alone
    where the phrase has no noun („laut der Polizei“ → „der Polizei“); the dataset
    annotates the adposition alone as the cue and the rest of the phrase as the speaker
    („Nach“ + „Angaben der Polizei“, „nach“ + „Seiner Meinung“, „zufolge“ + „dem
    Bericht“: so in 451 of the training split's according-to quotes that
    quotecheck finds, its cue differed for 159). So a cue with exactly one
    adposition, first or last, becomes that word, and the speaker becomes the frame
    without it. A cue without one („Demnach“) or of several („unter Berufung
    auf“) keeps its roles.
    """
    if quote.get("rule") not in _ADPOSITION_CUE_RULES or not spans["cue"] or not spans["frame"]:
        return {}
    words = [
        [start + m.start(), start + m.end()] for start, end in spans["cue"] for m in re.finditer(r"\w+", text[start:end])
    ]
    marked = [k for k, (a, b) in enumerate(words) if text[a:b].lower() in adpositions]
    if len(words) < 2 or len(marked) != 1 or marked[0] not in (0, len(words) - 1):
        return {}
    cue = [words[marked[0]]]
    speaker = _trimmed(_minus(spans["frame"], cue), text, _EDGE_PUNCTUATION)
    return {"cue": cue, "speaker": speaker} if speaker else {}


def _minus(spans: list[list[int]], holes: list[list[int]]) -> list[list[int]]:
    """``spans`` without the characters of ``holes`` (the frame of a piece without the piece)."""
    out = [list(s) for s in spans]
    for a, b in holes:
        cut: list[list[int]] = []
        for start, end in out:
            if b <= start or end <= a:
                cut.append([start, end])
                continue
            if start < a:
                cut.append([start, a])
            if b < end:
                cut.append([b, end])
        out = cut
    return out


def _trimmed(spans: list[list[int]], text: str, also: str = "") -> list[list[int]]:
    """Spans without surrounding white space (and the characters of ``also``), empty ones dropped."""
    out = []
    for start, end in spans:
        while start < end and (text[start].isspace() or text[start] in also):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in also):
            end -= 1
        if end > start:
            out.append([start, end])
    return out


def _pieces_of_reported(
    quote: Mapping[str, Any],
    pieces: list[tuple[int | None, list[list[int]]]],
    text: str,
    index: TokenIndex,
    ref: int,
) -> list[dict[str, Any]]:
    """A reported quote with pieces as the dataset has it: its pieces as top-level Direct quotes."""
    holes = [span for _, piece in pieces for span in piece]
    frame_spans = _trimmed(_minus(_clause(_spans(quote.get("content")) + _spans(quote.get("frame"))), holes), text)
    roles = {name: _role(_spans(quote.get(name)), text, index) for name in ("addressee", "cue", "speaker")}
    roles["frame"] = _role(frame_spans, text, index)
    return [
        _annotation(
            "Direct", _role(spans, text, index), roles, nested=False, ref=ref, fragment=k > 0, quote_ref=child
        )
        for k, (child, spans) in enumerate(pieces)
    ]


def _mark_nesting(annotations: list[dict[str, Any]]) -> None:
    token_sets = [frozenset(a["quote"]["tokenIds"]) for a in annotations]
    for inner, inner_ids in enumerate(token_sets):
        if not inner_ids:
            continue
        for outer, outer_ids in enumerate(token_sets):
            if inner == outer or not inner_ids <= outer_ids:
                continue
            proper = inner_ids < outer_ids or (
                annotations[inner]["fragment"] and not annotations[outer]["fragment"]
            )
            if proper:
                annotations[inner]["isNested"] = True
                annotations[outer]["hasNested"] = True


def strip_private(annotations: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The annotations without our bookkeeping keys (``ref``, ``fragment``, ``quote_ref``)."""
    return [{k: v for k, v in a.items() if k not in _PRIVATE} for a in annotations]


def read_dataset(folder: Path, limit: int | None = None) -> Iterator[tuple[Path, dict[str, Any]]]:
    """``(path, parsed JSON)`` of the first ``limit`` ``*.json`` files of a dataset folder, by name."""
    for path in sorted(folder.glob("*.json"))[:limit]:
        yield path, json.loads(path.read_text(encoding="utf-8"))
