#!/usr/bin/env python3
"""Build corpus/gold.jsonl from the hand-written sources in corpus/src/*.json.

Every role in a source file is written as a substring of the article text; this
script resolves each substring to ``[start, end)`` character offsets, checks the
annotation against the fixed vocabulary (see corpus/README.md) and writes one
JSON line per article in the quote contract of shared/quote-json.md. Every source
carries a ``relation`` (issue 12) and articles of the chain section carry
``"section": "chain"``; both are written through to gold.jsonl.

    python corpus/build.py            # validate and write corpus/gold.jsonl
    python corpus/build.py --check    # validate only; exit 1 on problems
    python corpus/build.py --show c03 # print every quote of matching ids in context

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "gold.jsonl"

KINDS = ("direct", "indirect", "free_indirect", "reported")
MOODS = ("subjunctive", "indicative", None)
# The contract's entity types; a speaker may also be a document that names no author
# („heißt es in dem Gutachten, aus dem die Zeitung zitierte“), a project addition.
ADDRESSEE_TYPES = ("person", "organization", "unknown")
SPEAKER_TYPES = (*ADDRESSEE_TYPES, "document")
SOURCE_TYPES = (
    "news_agency", "media", "government", "organization", "person", "document", "unknown",
)
# How a source passed the words on (issue 12): the medium the speaker spoke to, an
# outlet that reports or quotes it, or a document or publication the words appeared in.
SOURCE_RELATIONS = ("told_to", "reported_by", "published_in")
# The source types each relation allows: the speaker talks to an agency or outlet; anyone
# can pass words on (an agency, a lawyer, unnamed diplomats); a document, or a paper that
# printed the speaker's own text, publishes them.
RELATION_TYPES = {
    "told_to": ("news_agency", "media"),
    "reported_by": SOURCE_TYPES,
    "published_in": ("document", "media"),
}
# Article sections the benchmark reports separately; an article without the key belongs
# to the base corpus (c01-c40), written before issue 12 and migrated to its chain semantics.
SECTIONS = ("chain",)
PHENOMENA = (
    # direct quotations: which marks, and how the quote is laid out
    "direct:german", "direct:german_single", "direct:guillemets", "direct:guillemets_swiss",
    "direct:english", "direct:straight", "direct:mixed",
    "interrupted", "multi_paragraph", "colon_frame", "frame_before", "frame_after",
    "nested_quote",
    # indirect speech
    "indirect:dass", "indirect:ob_w", "indirect:v2_konjunktiv", "indirect:zu_infinitive",
    "preposed_report",
    # according-to forms
    "according_to:laut", "according_to:zufolge", "according_to:nach_angaben",
    "according_to:gemaess", "according_to:so", "according_to:wie", "according_to:demnach",
    "according_to:wonach", "according_to:meinung_nach", "according_to:unter_berufung",
    # other kinds and attribution phenomena
    "free_indirect", "reported", "fragment", "pronoun_speaker", "description_speaker",
    "coordinated_speakers", "addressee", "addressee_trap", "chain:1", "chain:2", "chain:3",
    "unresolved_speaker", "passive_agent", "subjunctive_ii",
    # attribution chains (issue 12): one tag per construction, see corpus/README.md
    "chain:zitierte", "chain:stacked", "chain:report_cites", "chain:circles",
    "chain:medium_addressed", "chain:report_pointer", "chain:question", "chain:sprach_von",
    "coref:origin", "coref:age", "coref:spokesperson", "coref:no_cataphora",
    "name:particle", "name:seat",
)
NON_QUOTE_PHENOMENA = ("title", "scare_quote", "name")

# Characters that open or close a quotation; every one of them in an article must
# belong to an annotated direct quote, fragment or non-quote (completeness check).
# The right single quotation mark ’ is left out: it is the typographic apostrophe.
QUOTE_MARKS = "„“”‚‘»«\""
OPENING_MARKS = "„‚»«“\"‘"
CLOSING_MARKS = "“”‘«»\"’"

QUOTE_KEYS = {
    "kind", "mood", "content", "cue", "frame", "speaker", "addressee", "sources",
    "fragments", "phenomena", "note",
}


class AnnotationError(Exception):
    """A problem in one source file; the message names the file and the quote."""


Span = tuple[int, int]


def _gap(span: Span, anchors: list[Span]) -> int:
    """Distance in characters between span and the nearest anchor span (0 if they overlap)."""
    best = None
    for a0, a1 in anchors:
        if span[1] <= a0:
            d = a0 - span[1]
        elif a1 <= span[0]:
            d = span[0] - a1
        else:
            d = 0
        best = d if best is None else min(best, d)
    return best or 0


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


def _inside(span: Span, others: list[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in others)


def _occurrences(text: str, sub: str) -> list[Span]:
    spans, i = [], text.find(sub)
    while i != -1:
        spans.append((i, i + len(sub)))
        i = text.find(sub, i + 1)
    return spans


def _whole_word(text: str, span: Span) -> bool:
    """True unless the span cuts a word in two (so "ab" does not match inside "Abend")."""
    a, b = span
    if a > 0 and text[a].isalnum() and text[a - 1].isalnum():
        return False
    if b < len(text) and text[b - 1].isalnum() and text[b].isalnum():
        return False
    return True


def _parts(spec: Any, where: str) -> list[tuple[str, int | None]]:
    """Normalise a substring spec to a list of (substring, occurrence-or-None)."""
    if isinstance(spec, str):
        return [(spec, None)]
    if isinstance(spec, dict):
        if set(spec) - {"text", "occurrence"} or not isinstance(spec.get("text"), str):
            raise AnnotationError(f"{where}: a substring object needs 'text' (and optional 'occurrence'), got {spec!r}")
        occ = spec.get("occurrence")
        if occ is not None and (not isinstance(occ, int) or occ < 1):
            raise AnnotationError(f"{where}: 'occurrence' must be an integer >= 1, got {occ!r}")
        return [(spec["text"], occ)]
    if isinstance(spec, list) and spec:
        out: list[tuple[str, int | None]] = []
        for item in spec:
            if isinstance(item, list):
                raise AnnotationError(f"{where}: nested lists are not allowed: {spec!r}")
            out.extend(_parts(item, where))
        return out
    raise AnnotationError(f"{where}: expected a substring, a {{text, occurrence}} object or a list, got {spec!r}")


def resolve(
    text: str,
    spec: Any,
    where: str,
    *,
    anchors: list[Span] | None = None,
    prefer_within: list[Span] | None = None,
    avoid: list[Span] | None = None,
    require_within: list[Span] | None = None,
    unique: bool = False,
) -> list[Span]:
    """Resolve a substring spec to spans.

    An explicit occurrence (1-based, counted over the whole text) wins. Otherwise
    ``unique`` demands exactly one occurrence (used for the first part of content);
    else the candidate is chosen by: inside ``require_within`` (mandatory), inside
    ``prefer_within``, not overlapping ``avoid``, nearest to ``anchors``, earliest.
    Parts after the first of a multi-part spec must start after the previous part
    ends whenever such a candidate exists.
    """
    spans: list[Span] = []
    for n, (sub, occ) in enumerate(_parts(spec, where)):
        label = f"{where} part {n + 1} {sub!r}" if isinstance(spec, list) else f"{where} {sub!r}"
        if not sub:
            raise AnnotationError(f"{label}: empty substring")
        cands = _occurrences(text, sub)
        if not cands:
            raise AnnotationError(f"{label}: not found in text")
        if occ is not None:
            if occ > len(cands):
                raise AnnotationError(f"{label}: occurrence {occ} requested but the text has only {len(cands)}")
            spans.append(cands[occ - 1])
            continue
        # Substrings match whole words when they can; a cut-off match is a last resort.
        cands = [c for c in cands if _whole_word(text, c)] or cands
        if require_within is not None:
            cands = [c for c in cands if _inside(c, require_within)]
            if not cands:
                raise AnnotationError(f"{label}: not found inside the quote content")
        if spans:
            after = [c for c in cands if c[0] >= spans[-1][1]]
            cands = after or cands
        elif unique and len(cands) > 1:
            raise AnnotationError(
                f"{label}: occurs {len(cands)} times (at {', '.join(str(c[0]) for c in cands)}); "
                "add 'occurrence' or make it unambiguous"
            )
        if len(cands) > 1:
            def key(c: Span) -> tuple:
                return (
                    0 if prefer_within and _inside(c, prefer_within) else 1,
                    1 if avoid and _overlaps(c, avoid) else 0,
                    _gap(c, anchors) if anchors else 0,
                    c[0],
                )
            cands.sort(key=key)
        spans.append(cands[0])
    return spans


def _joined(text: str, spans: list[Span]) -> str:
    return " ".join(text[a:b] for a, b in spans)


def _span_obj(text: str, spans: list[Span]) -> dict:
    return {"text": _joined(text, spans), "spans": [list(s) for s in spans]}


def _entity(
    text: str, raw: Any, where: str, types: tuple, *, keys: frozenset[str] = frozenset(), **kw: Any
) -> dict | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or "text" not in raw:
        raise AnnotationError(f"{where}: expected an object with text/name/type, got {raw!r}")
    extra = set(raw) - {"text", "name", "type", "occurrence"} - keys
    if extra:
        raise AnnotationError(f"{where}: unknown keys {sorted(extra)}")
    spec = raw["text"]
    if "occurrence" in raw:
        if not isinstance(spec, str):
            raise AnnotationError(f"{where}: 'occurrence' needs a plain string text")
        spec = {"text": spec, "occurrence": raw["occurrence"]}
    spans = resolve(text, spec, where, **kw)
    name = raw.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise AnnotationError(f"{where}: name must be a non-empty string or null")
    typ = raw.get("type")
    if typ not in types:
        raise AnnotationError(f"{where}: type {typ!r} not in {types}")
    obj = _span_obj(text, spans)
    obj["name"] = name
    obj["type"] = typ
    return obj


def _source(text: str, raw: Any, where: str, **kw: Any) -> dict:
    """A source entity with its ``relation``, which every source needs.

    „TASS zitierte Starkow …, wie Reuters berichtete“: TASS ``reported_by``, Reuters
    ``reported_by``; „sagte Starkow der Agentur TASS“: TASS ``told_to``; „hieß es in
    einer Mitteilung“: the Mitteilung ``published_in``.
    """
    obj = _entity(text, raw, where, SOURCE_TYPES, keys=frozenset({"relation"}), **kw)
    if obj is None:
        raise AnnotationError(f"{where}: a source cannot be null")
    relation = raw.get("relation")
    if relation not in SOURCE_RELATIONS:
        raise AnnotationError(f"{where}: relation {relation!r} not in {SOURCE_RELATIONS} (every source needs one)")
    if obj["type"] not in RELATION_TYPES[relation]:
        raise AnnotationError(f"{where}: a {relation} source has a type in {RELATION_TYPES[relation]}, got {obj['type']!r}")
    obj["relation"] = relation
    return obj


PARAGRAPH_BREAK = "\n\n"

# According-to tags and how the phrase shows up in a quote's own attribution: as the
# cue (speaker marker) or at the start/end of a source text (source marker).
CUE_TAGS = {
    "laut": "according_to:laut", "zufolge": "according_to:zufolge", "so": "according_to:so",
    "nach angaben": "according_to:nach_angaben", "nach eigenen angaben": "according_to:nach_angaben",
    "gemäß": "according_to:gemaess", "gemäss": "according_to:gemaess", "demnach": "according_to:demnach", "wonach": "according_to:wonach",
    "meinung nach": "according_to:meinung_nach", "nach meinung": "according_to:meinung_nach",
}
SOURCE_PREFIX_TAGS = {
    "laut ": "according_to:laut", "unter berufung auf ": "according_to:unter_berufung",
    "nach angaben ": "according_to:nach_angaben", "wie ": "according_to:wie", "so ": "according_to:so",
    "gemäß ": "according_to:gemaess", "gemäss ": "according_to:gemaess",
}
SOURCE_SUFFIX_TAGS = {" zufolge": "according_to:zufolge"}


def _check_direct_parts(text: str, content: list[Span], ps: set[str], where: str) -> None:
    """Each part of a direct quote lies between its own marks; gaps are frames or paragraph breaks.

    A quote over several paragraphs is a list of parts, one per paragraph, so no
    part contains the reopening mark of the next paragraph (German convention: the
    paragraph ends without a closing mark and the next one reopens).
    """
    frame_gap = para_gap = False
    for i, (a, b) in enumerate(content):
        if PARAGRAPH_BREAK in text[a:b]:
            raise AnnotationError(f"{where}: a direct content part spans a paragraph break; give one part per paragraph")
        if a == 0 or text[a - 1] not in OPENING_MARKS:
            raise AnnotationError(f"{where}: direct content part {i + 1} must start right after an opening quotation mark")
        at_para_end = text.startswith(PARAGRAPH_BREAK, b)
        if i + 1 < len(content) and at_para_end:
            gap = text[b:content[i + 1][0]]
            if gap.strip() and not (gap.startswith(PARAGRAPH_BREAK) and len(gap) == 3 and gap[2] in OPENING_MARKS):
                raise AnnotationError(f"{where}: paragraph part {i + 1} must be followed by the reopening mark of the next part")
            para_gap = True
            continue
        if b >= len(text) or text[b] not in CLOSING_MARKS:
            raise AnnotationError(f"{where}: direct content part {i + 1} must end right before a closing quotation mark")
        if i + 1 < len(content):
            if PARAGRAPH_BREAK in text[b:content[i + 1][0]]:
                para_gap = True
            frame_gap = True
    if ("interrupted" in ps) != frame_gap:
        raise AnnotationError(f"{where}: tag interrupted <=> direct quote split by its frame")
    if ("multi_paragraph" in ps) != para_gap:
        raise AnnotationError(f"{where}: tag multi_paragraph <=> direct quote with parts in several paragraphs")


def _check_according_to(kind: str, cue: str | None, sources: list[dict], ps: set[str], where: str) -> None:
    """according_to:* tags sit exactly on quotes whose own cue or source marker uses the phrase."""
    if kind == "free_indirect":
        bad = sorted(p for p in ps if p.startswith("according_to:"))
        if bad:
            raise AnnotationError(f"{where}: free indirect continuations carry no according_to tags: {bad}")
        return
    need = set()
    if cue and cue.lower() in CUE_TAGS:
        need.add(CUE_TAGS[cue.lower()])
    for s in sources:
        low = s["text"].lower()
        need |= {t for p, t in SOURCE_PREFIX_TAGS.items() if low.startswith(p)}
        need |= {t for p, t in SOURCE_SUFFIX_TAGS.items() if low.endswith(p)}
        if "unter berufung auf " in low:
            need.add("according_to:unter_berufung")
    missing = need - ps
    if missing:
        raise AnnotationError(f"{where}: the attribution uses {sorted(missing)} but the quote lacks the tag")


def _check_chain_tags(sources: list[dict], addressee: dict | None, ps: set[str], where: str) -> None:
    """Chain tags agree with the sources: relations, told_to media, constructions that need a source."""
    told = [s for s in sources if s.get("relation") == "told_to"]
    for s in told:
        if addressee is None or addressee["spans"] != s["spans"]:
            raise AnnotationError(
                f"{where}: a told_to source is also the addressee (same text and spans): {s['text']!r}"
            )
    if bool(told) != ("chain:medium_addressed" in ps):
        raise AnnotationError(f"{where}: tag chain:medium_addressed <=> a told_to source")
    for tag in ("chain:zitierte", "chain:stacked", "chain:report_cites"):
        if tag in ps and not sources:
            raise AnnotationError(f"{where}: tag {tag} needs at least one source")
    for tag in ("coref:origin", "coref:age", "coref:spokesperson"):
        if tag in ps and "description_speaker" not in ps:
            raise AnnotationError(f"{where}: tag {tag} is a kind of description_speaker; add that tag")
    if "coref:no_cataphora" in ps and "pronoun_speaker" not in ps:
        raise AnnotationError(f"{where}: tag coref:no_cataphora needs a pronoun speaker (pronoun_speaker)")


def _check_document_speaker(speaker: dict | None, where: str) -> None:
    """A document is the speaker only when the text names no author (name null).

    „heißt es in dem Gutachten“ with no author: speaker „dem Gutachten“, type document;
    „hieß es in einer Mitteilung des Ministeriums“: the Ministerium speaks and the
    Mitteilung is a ``published_in`` source.
    """
    if speaker is not None and speaker["type"] == "document" and speaker["name"] is not None:
        raise AnnotationError(
            f"{where}: a document speaks only when the text names no author (name null); "
            "a named author is the speaker, the document a published_in source"
        )


def build_quote(
    doc_id: str, text: str, n: int, q: dict, where: str
) -> tuple[dict, list[Span]]:
    if not isinstance(q, dict):
        raise AnnotationError(f"{where}: a quote must be an object")
    unknown = set(q) - QUOTE_KEYS
    if unknown:
        raise AnnotationError(f"{where}: unknown keys {sorted(unknown)}")
    kind = q.get("kind")
    if kind not in KINDS:
        raise AnnotationError(f"{where}: kind {kind!r} not in {KINDS}")
    mood = q.get("mood")
    if mood not in MOODS:
        raise AnnotationError(f"{where}: mood {mood!r} not in {MOODS}")
    if (kind == "direct") != (mood is None):
        raise AnnotationError(f"{where}: mood must be null for direct quotes and only for them (kind {kind}, mood {mood})")
    if "content" not in q:
        raise AnnotationError(f"{where}: missing content")

    content = resolve(text, q["content"], f"{where} content", unique=True)
    for a, b in zip(content, content[1:]):
        if b[0] < a[1]:
            raise AnnotationError(f"{where} content: parts overlap or are out of order")
    whole = [(content[0][0], content[-1][1])]

    frame_spans = None
    if q.get("frame") is not None:
        frame_spans = resolve(text, q["frame"], f"{where} frame", anchors=content, avoid=content)
    near: dict[str, Any] = dict(anchors=content, avoid=content, prefer_within=frame_spans)
    cue_spans = resolve(text, q["cue"], f"{where} cue", **near) if q.get("cue") is not None else None
    speaker = _entity(text, q.get("speaker"), f"{where} speaker", SPEAKER_TYPES, **near)
    addressee = _entity(text, q.get("addressee"), f"{where} addressee", ADDRESSEE_TYPES, **near)
    sources_raw = q.get("sources") or []
    if not isinstance(sources_raw, list):
        raise AnnotationError(f"{where}: sources must be a list")
    sources = [
        _source(text, s, f"{where} source {i + 1}", **near)
        for i, s in enumerate(sources_raw)
    ]
    frags_raw = q.get("fragments") or []
    if not isinstance(frags_raw, list):
        raise AnnotationError(f"{where}: fragments must be a list")
    fragments = []
    for i, f in enumerate(frags_raw):
        fs = resolve(text, f, f"{where} fragment {i + 1}", require_within=whole)
        fragments.append(_span_obj(text, fs))

    phen = q.get("phenomena")
    if not isinstance(phen, list) or not phen:
        raise AnnotationError(f"{where}: phenomena must be a non-empty list")
    bad = [p for p in phen if p not in PHENOMENA]
    if bad:
        raise AnnotationError(f"{where}: unknown phenomena {bad}")
    if len(set(phen)) != len(phen):
        raise AnnotationError(f"{where}: duplicate phenomena")

    # Consistency between tags and annotation, so the counts in README mean something.
    ps = set(phen)
    checks = [
        (kind == "free_indirect", "free_indirect" in ps, "tag free_indirect <=> kind free_indirect"),
        (kind == "reported", "reported" in ps, "tag reported <=> kind reported"),
        (bool(fragments), "fragment" in ps, "tag fragment <=> non-empty fragments"),
        (addressee is not None, "addressee" in ps, "tag addressee <=> addressee given"),
        (len(sources) == 1, "chain:1" in ps, "tag chain:1 <=> exactly one source"),
        (len(sources) == 2, "chain:2" in ps, "tag chain:2 <=> exactly two sources"),
        (len(sources) >= 3, "chain:3" in ps, "tag chain:3 <=> three or more sources"),
        (speaker is not None and speaker["name"] is None, "unresolved_speaker" in ps,
         "tag unresolved_speaker <=> speaker with name null"),
    ]
    for cond, tagged, msg in checks:
        if cond != tagged:
            raise AnnotationError(f"{where}: inconsistent: {msg}")
    if kind == "free_indirect" and (cue_spans or frame_spans):
        raise AnnotationError(f"{where}: free_indirect quotes have cue and frame null")
    if kind != "direct" and any(p.startswith("direct:") for p in ps):
        raise AnnotationError(f"{where}: direct:* tag on a {kind} quote")
    if kind == "direct" and not any(p.startswith("direct:") for p in ps):
        raise AnnotationError(f"{where}: a direct quote needs one direct:* tag for its marks")
    if kind == "direct" and fragments:
        raise AnnotationError(f"{where}: direct quotes have no fragments (inner quotes are nested_quote)")
    if kind == "direct":
        _check_direct_parts(text, content, ps, where)
    elif "interrupted" in ps or "multi_paragraph" in ps:
        raise AnnotationError(f"{where}: interrupted/multi_paragraph are tags of direct quotes")
    if kind in ("indirect", "reported") and (not cue_spans or not frame_spans):
        raise AnnotationError(f"{where}: {kind} quotes need a cue and a frame")
    if kind == "reported" and not _inside((content[0][0], content[-1][1]), frame_spans or []):
        raise AnnotationError(f"{where}: the frame of a reported quote covers its content (speaker + cue + material)")
    _check_according_to(kind, _joined(text, cue_spans) if cue_spans else None, sources, ps, where)
    _check_chain_tags(sources, addressee, ps, where)
    if cue_spans and frame_spans and not all(_inside(c, frame_spans) for c in cue_spans):
        raise AnnotationError(f"{where}: the cue must lie inside the frame")
    if speaker is None and kind != "direct":
        raise AnnotationError(f"{where}: only a direct quote may lack a speaker")
    _check_document_speaker(speaker, where)

    cue = None
    if cue_spans:
        cue = {"text": _joined(text, cue_spans), "lemma": None, "spans": [list(s) for s in cue_spans]}
    quote = {
        "id": f"{doc_id}:q{n}",
        "kind": kind,
        "mood": mood,
        "content": _span_obj(text, content),
        "cue": cue,
        "frame": _span_obj(text, frame_spans) if frame_spans else None,
        "speaker": speaker,
        "addressee": addressee,
        "sources": sources,
        "fragments": fragments,
        "sentence": None,
        "confidence": 1.0,
        "phenomena": list(phen),
    }
    covered = list(content) + [tuple(f["spans"][0]) for f in fragments]
    return quote, covered


def build_doc(path: Path) -> tuple[dict, list[str]]:
    """Return the gold record of one source file and a list of warnings."""
    name = path.name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AnnotationError(f"{name}: cannot read JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise AnnotationError(f"{name}: top level must be an object")
    extra = set(raw) - {"id", "section", "text", "quotes", "non_quotes", "note"}
    if extra:
        raise AnnotationError(f"{name}: unknown top-level keys {sorted(extra)}")
    doc_id, text = raw.get("id"), raw.get("text")
    if not isinstance(doc_id, str) or not isinstance(text, str) or not text:
        raise AnnotationError(f"{name}: needs string 'id' and non-empty 'text'")
    if path.stem != doc_id:
        raise AnnotationError(f"{name}: id {doc_id!r} must equal the file name stem {path.stem!r}")
    section = raw.get("section")
    if section is not None and section not in SECTIONS:
        raise AnnotationError(f"{name}: section {section!r} not in {SECTIONS} (leave it out for the base corpus)")
    quotes_raw = raw.get("quotes")
    if not isinstance(quotes_raw, list):
        raise AnnotationError(f"{name}: 'quotes' must be a list")

    quotes: list[dict] = []
    covered: list[Span] = []
    seen: dict[tuple, int] = {}
    for i, q in enumerate(quotes_raw):
        where = f"{name} quote {i} ({doc_id}:q{i + 1})"
        quote, cov = build_quote(doc_id, text, i + 1, q, where)
        key = (quote["kind"], tuple(map(tuple, quote["content"]["spans"])))
        if key in seen:
            raise AnnotationError(f"{where}: same kind and content as quote {seen[key]}")
        seen[key] = i
        quotes.append(quote)
        covered.extend(cov)

    non_quotes = []
    for i, nq in enumerate(raw.get("non_quotes") or []):
        where = f"{name} non_quote {i}"
        if not isinstance(nq, dict) or "text" not in nq:
            raise AnnotationError(f"{where}: expected {{text, phenomena}}")
        spec = nq["text"]
        if "occurrence" in nq:
            spec = {"text": spec, "occurrence": nq["occurrence"]}
        spans = resolve(text, spec, where, unique=True)
        phen = nq.get("phenomena")
        if not isinstance(phen, list) or not phen or any(p not in NON_QUOTE_PHENOMENA for p in phen):
            raise AnnotationError(f"{where}: phenomena must be a non-empty list from {NON_QUOTE_PHENOMENA}")
        non_quotes.append({**_span_obj(text, spans), "phenomena": list(phen)})
        covered.extend(spans)

    # Completeness: every quotation mark must open/close something annotated, or sit
    # inside a direct quote (nested quotes, paragraph openers of multi-paragraph quotes).
    warnings = []
    direct = [
        (q["content"]["spans"][0][0], q["content"]["spans"][-1][1])
        for q in quotes if q["kind"] == "direct"
    ]
    for pos, ch in enumerate(text):
        if ch not in QUOTE_MARKS:
            continue
        if any(a - 1 <= pos <= b for a, b in covered) or any(a <= pos < b for a, b in direct):
            continue
        ctx = text[max(0, pos - 30): pos + 30].replace("\n", " ")
        warnings.append(f"{name}: quotation mark {ch!r} at {pos} belongs to no annotated quote or non-quote: …{ctx}…")

    record: dict[str, Any] = {"id": doc_id}
    if section is not None:
        record["section"] = section
    record |= {"text": text, "quotes": quotes, "non_quotes": non_quotes}
    return record, warnings


def show(doc: dict) -> None:
    text = doc["text"]
    print(f"== {doc['id']} ({len(text.split())} words, {len(doc['quotes'])} quotes)")
    for q in doc["quotes"]:
        def fmt(role: dict | None) -> str:
            if role is None:
                return "-"
            extra = f" => {role.get('name')} [{role.get('type')}]" if "type" in role else ""
            return f"{role['text']!r}@{role['spans'][0][0]}{extra}"
        print(f"{q['id']} {q['kind']}/{q['mood']} {q['phenomena']}")
        print(f"   content : {q['content']['text']!r}")
        print(f"   cue     : {fmt(q['cue'])}   frame: {fmt(q['frame'])}")
        print(f"   speaker : {fmt(q['speaker'])}   addressee: {fmt(q['addressee'])}")
        for s in q["sources"]:
            print(f"   source  : {fmt(s)} ({s.get('relation', '-')})")
        for f in q["fragments"]:
            print(f"   fragment: {f['text']!r}")
    for nq in doc["non_quotes"]:
        print(f"   non-quote: {nq['text']!r} {nq['phenomena']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="validate only, do not write gold.jsonl")
    ap.add_argument("--show", metavar="PREFIX", help="print the resolved quotes of ids starting with PREFIX")
    ap.add_argument("--strict", action="store_true", help="treat warnings (unannotated quotation marks) as errors")
    ap.add_argument("--src", type=Path, default=SRC, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, default=OUT, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    files = sorted(args.src.glob("*.json"))
    if not files:
        print(f"no source files in {args.src}", file=sys.stderr)
        return 1
    docs, errors, warnings, ids = [], [], [], set()
    for path in files:
        try:
            doc, warn = build_doc(path)
        except AnnotationError as exc:
            errors.append(str(exc))
            continue
        if doc["id"] in ids:
            errors.append(f"{path.name}: duplicate id {doc['id']}")
            continue
        ids.add(doc["id"])
        docs.append(doc)
        warnings.extend(warn)

    if args.show:
        for doc in docs:
            if doc["id"].startswith(args.show):
                show(doc)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    n_quotes = sum(len(d["quotes"]) for d in docs)
    failed = bool(errors) or (args.strict and bool(warnings))
    summary = (
        f"{len(files)} files, {len(docs)} valid, {n_quotes} quotes, "
        f"{len(errors)} errors, {len(warnings)} warnings"
    )
    if failed:
        print(summary + "; gold.jsonl not written", file=sys.stderr)
        return 1
    if args.check or args.show:
        print(summary)
        return 0
    with args.out.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{summary}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head & co.: exit quietly
        sys.stderr.close()
        sys.exit(0)
