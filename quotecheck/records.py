"""Reading ``quotecheck extract``'s output back, and checking it against its texts.

Extract's records carry no text: ``{"id", "quotes": [...]}``. Commands that need
the text again (``evaluate --system``, ``view --records``) pair each record with
its document by ``id`` and check that every role's ``text`` is what its spans
cover in that document, so that records extracted from another text (or another
version of it) are refused rather than shown or scored at the wrong place.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from quotecheck.errors import InputError
from quotecheck.model import Quote, Role, join_spans

__all__ = ["check_quotes", "read_records"]


def read_records(path: str | Path) -> dict[str | None, dict[str, Any]]:
    """The records of a JSON-lines file written by ``quotecheck extract``, by ``id``.

    Raises :class:`InputError` (with the line) for a line that is not a JSON object
    with a ``quotes`` list, and for an id that occurs twice (the records could not be
    told apart). Blank lines are skipped.
    """
    where = str(path)
    records: dict[str | None, dict[str, Any]] = {}
    try:
        stream = open(path, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read ({error.strerror or error})", source=where) from None
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                raise InputError(f"not valid JSON ({error})", line=number, source=where) from None
            if not isinstance(record, dict) or not isinstance(record.get("quotes"), list):
                raise InputError("not a quotecheck record (a JSON object with 'quotes')", line=number, source=where)
            doc_id = record.get("id")
            key = doc_id if doc_id is None or isinstance(doc_id, str) else str(doc_id)
            if key in records:
                raise InputError(f"id {key!r} occurs twice; records are matched to documents by id",
                                 line=number, source=where)
            records[key] = record
    return records


def _roles(quote: Quote) -> Iterator[tuple[str, Role]]:
    for name in ("content", "cue", "frame", "speaker", "addressee"):
        role = getattr(quote, name)
        if role is not None:
            yield name, role
    for k, source in enumerate(quote.sources):
        yield f"source {k + 1}", source
    for k, fragment in enumerate(quote.fragments):
        yield f"fragment {k + 1}", fragment


def check_quotes(quotes: Sequence[Mapping[str, Any]], text: str, where: str) -> None:
    """Raise :class:`InputError` unless every quote record is valid and fits ``text``.

    „Fits“: each role's spans lie inside the text and cover exactly its ``text``
    (several spans joined with one space), as the contract promises.
    """
    for number, data in enumerate(quotes, 1):
        label = data.get("id") if isinstance(data, Mapping) else None
        try:
            quote = Quote.from_dict(data)
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise InputError(f"quote {label or number} is not a valid quote record ({error})", source=where) from None
        for name, role in _roles(quote):
            if role.end > len(text) or join_spans(text, role.spans) != role.text:
                spans = [s.to_list() for s in role.spans]
                raise InputError(
                    f"quote {quote.id}: its {name} {role.text!r} is not what spans {spans} cover in the "
                    "text; were the records extracted from another text?",
                    source=where,
                )
