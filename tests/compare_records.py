"""Hand-made ``quotecheck extract`` records for the compare tests: quotes written by substring.

``record("tagesblatt", TEXT, q("mit Augenmaß und Ausdauer", "direct", speaker=("Roth", "Anna Roth")))``
builds a contract record whose spans are the substrings' offsets in ``TEXT``,
so a test states what a document says and who says it, not offsets.
"""

from __future__ import annotations

from typing import Any, Sequence


def _span(text: str, piece: str, after: int = 0) -> list[int]:
    start = text.index(piece, after)
    return [start, start + len(piece)]


def q(
    content: str,
    kind: str = "direct",
    *,
    speaker: tuple[str, str | None] | None = None,
    sources: Sequence[str | tuple[str, str]] = (),
    fragments: Sequence[str] = (),
    mood: str | None = None,
    parent: str | None = None,
) -> dict[str, Any]:
    """A quote spec: content substring, kind, (mention, name) of the speaker, source names."""
    return {
        "content": content, "kind": kind, "speaker": speaker, "sources": sources,
        "fragments": fragments, "mood": mood if kind != "direct" else None, "parent": parent,
    }


def record(doc_id: str, text: str, *quotes: dict[str, Any], outlet: str | None = None) -> dict[str, Any]:
    """A contract record for ``text`` with the given quote specs."""
    out = []
    for n, spec in enumerate(quotes, start=1):
        content = _span(text, spec["content"])
        quote: dict[str, Any] = {
            "id": f"{doc_id}:q{n}",
            "kind": spec["kind"],
            "mood": spec["mood"] if spec["kind"] != "direct" else None,
            "content": {"text": spec["content"], "spans": [content]},
            "speaker": None,
            "sources": [],
            "fragments": [{"text": f, "spans": [_span(text, f)]} for f in spec["fragments"]],
            "sentence": 0,
            "confidence": 1.0,
        }
        if spec["kind"] != "direct" and quote["mood"] is None:
            quote["mood"] = "subjunctive"
        if spec["speaker"] is not None:
            mention, name = spec["speaker"]
            quote["speaker"] = {"text": mention, "spans": [_span(text, mention)], "name": name, "type": "person"}
        for source in spec["sources"]:
            mention, name = source if isinstance(source, tuple) else (source, source)
            quote["sources"].append(
                {"text": mention, "spans": [_span(text, mention)], "name": name, "type": "news_agency"}
            )
        if spec["parent"] is not None:
            quote["parent"] = spec["parent"]
        out.append(quote)
    result: dict[str, Any] = {"id": doc_id, "quotes": out}
    if outlet is not None:
        result["outlet"] = outlet
    return result
