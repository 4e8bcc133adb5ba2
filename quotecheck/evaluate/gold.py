"""Gold documents for evaluation, from our contract JSON lines or the WikiNews format.

Two formats are read:

- ``contract``: JSON lines, one document per line, in the shape of ``quotecheck
  extract``'s records plus the document text: ``{"id", "text", "quotes": [QUOTE, …]}``
  (``corpus/gold.jsonl`` is such a file). A record may carry ``"section"`` (a name
  the figures are also broken down by) and a quote ``"phenomena"`` (tags its recall
  is reported by). Tokens come from ``quotecheck.text.tokenize``.
- ``wikinews``: the WikiNews quotation dataset of Petersen-Frey & Biemann
  (LREC-COLING 2024): a folder of ``*.json`` files (or one such file), each with
  ``originalText``, ``tokens`` and ``annotations``; scored on the dataset's own
  tokens. The document id is the file name („10022.json“).

Both become :class:`GoldDocument`: text, dataset-style tokens and the gold quotes as
:class:`~quotecheck.evaluate.metric.Annotation` for the metric.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from attrs import frozen

from quotecheck.errors import InputError
from quotecheck.evaluate.export import export_document, read_dataset, tokens_from_quotecheck
from quotecheck.evaluate.metric import Annotation, from_dataset

__all__ = [
    "FORMATS",
    "Format",
    "GoldDocument",
    "detect_format",
    "load_contract",
    "load_gold",
    "load_wikinews",
    "to_annotations",
]

#: The gold formats ``quotecheck evaluate`` reads.
Format = Literal["contract", "wikinews"]
FORMATS: tuple[Format, ...] = ("contract", "wikinews")


@frozen
class GoldDocument:
    """One gold document: its text, tokens (dataset-style dicts) and gold quotes.

    ``gold`` are the quotes as the metric sees them (their ``ref`` is ``(index into
    records, is a fragment piece)``); ``records`` are the gold quotes as read: quote
    records of our contract, or the WikiNews file's annotations.
    """

    id: str
    text: str
    tokens: list[dict[str, Any]]
    gold: list[Annotation]
    format: Format
    records: list[dict[str, Any]]
    section: str | None = None

    @property
    def contract(self) -> list[dict[str, Any]] | None:
        """The gold quote records when the gold is in our contract format (with names and
        sources); ``None`` for WikiNews gold, which names no speakers and has no sources."""
        return self.records if self.format == "contract" else None


def to_annotations(exported: Sequence[Mapping[str, Any]]) -> list[Annotation]:
    """Exported dataset-format annotations as metric annotations, keeping ``(ref, fragment, quote_ref)``.

    See :func:`~quotecheck.evaluate.export.export_document` for the three keys.
    """
    return [from_dataset(a, ref=(a["ref"], a["fragment"], a.get("quote_ref"))) for a in exported]


def detect_format(path: Path) -> Format:
    """``wikinews`` for a folder or a ``.json`` file, ``contract`` otherwise (JSON lines)."""
    return "wikinews" if path.is_dir() or path.suffix.lower() == ".json" else "contract"


def load_wikinews(path: Path, limit: int | None = None) -> Iterator[GoldDocument]:
    """Documents of a WikiNews dataset folder in file-name order, or of one dataset file."""
    if path.is_dir():
        files = read_dataset(path, limit)
    else:
        files = iter([(path, _read_json(path))])
    for file, doc in files:
        if not isinstance(doc, dict) or not isinstance(doc.get("originalText"), str):
            raise InputError("not a WikiNews dataset file ('originalText' missing)", source=str(file))
        records = list(doc.get("annotations") or ())
        try:
            gold = [from_dataset(a, ref=(k, False, k)) for k, a in enumerate(records)]
        except (AttributeError, TypeError) as error:
            raise InputError(f"malformed 'annotations' ({error})", source=str(file)) from None
        yield GoldDocument(file.name, doc["originalText"], list(doc.get("tokens") or ()), gold, "wikinews", records)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise InputError(f"not valid JSON ({error})", source=str(path)) from None


def load_contract(path: Path, limit: int | None = None) -> Iterator[GoldDocument]:
    """Documents of a contract-format gold file (JSON lines with ``text``), tokenised by quotecheck."""
    from quotecheck.model import Quote
    from quotecheck.text import tokenize

    with path.open(encoding="utf-8") as lines:
        count = 0
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            count += 1
            if limit is not None and count > limit:
                break
            record = _contract_record(line, number, str(path))
            text = record["text"]
            quotes = list(record.get("quotes") or ())
            for quote in quotes:
                try:
                    Quote.from_dict(quote)  # validates kind, mood, spans, types
                except (KeyError, TypeError, ValueError) as error:
                    raise InputError(f"gold quote {quote.get('id')!r} is malformed ({error})",
                                     line=number, source=str(path)) from None
            tokens = tokens_from_quotecheck(tokenize(text))
            gold = to_annotations(export_document(quotes, tokens, text, frozenset(), dataset_roles=False))
            section = record.get("section")
            doc_id = record.get("id")
            yield GoldDocument(
                f"line {number}" if doc_id is None else str(doc_id),
                text,
                tokens,
                gold,
                "contract",
                quotes,
                None if section is None else str(section),
            )


def _contract_record(line: str, number: int, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError as error:
        raise InputError(f"not valid JSON ({error})", line=number, source=where) from None
    if not isinstance(record, dict):
        raise InputError("not a JSON object", line=number, source=where)
    if not isinstance(record.get("text"), str):
        raise InputError("gold records need their document 'text'", line=number, source=where)
    if not isinstance(record.get("quotes", []), list):
        raise InputError("'quotes' must be a list", line=number, source=where)
    return record


def load_gold(path: Path, format: Format | None = None, limit: int | None = None) -> list[GoldDocument]:
    """All gold documents of ``path`` (format detected when not given); InputError when unreadable."""
    chosen = format or detect_format(path)
    if not path.exists():
        raise InputError("no such file or folder", source=str(path))
    if chosen == "contract" and path.is_dir():
        raise InputError("is a folder; contract gold is one JSON-lines file (use --format wikinews "
                         "for a WikiNews dataset folder)", source=str(path))
    loader = load_contract if chosen == "contract" else load_wikinews
    return list(loader(path, limit))
