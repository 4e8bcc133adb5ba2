"""Quotes as a table: one row per quote, flat columns with fixed types.

Analysts want a data frame, not nested JSON. :func:`to_frame` flattens the
quote records (``docs/output-format.md``) into the columns of :data:`COLUMNS`,
as a pyarrow ``Table`` or a pandas ``DataFrame`` (extra ``quotecheck-de[dataframe]``).
:func:`rows` does the flattening with the standard library only, so the CSV
writer of the command line needs neither pandas nor pyarrow.

>>> import quotecheck
>>> result = quotecheck.Extractor().process("a1", '„Wir bleiben hart“, sagte Anna Berger.')
>>> row = next(rows([result]))
>>> row["doc_id"], row["kind"], row["content_text"], row["speaker_name"], row["chain_text"]
('a1', 'direct', 'Wir bleiben hart', 'Anna Berger', 'Anna Berger')

Fields that other parts of quotecheck add to the record later (a quote's
``parent`` and ``rule``, a source's ``relation``) are read with ``.get``:
the columns are always there, null while the record does not carry them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    NamedTuple,
)

from quotecheck.errors import MissingExtra
from quotecheck.model import DocumentResult, Quote

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas
    import pyarrow

__all__ = ["COLUMNS", "LIST_COLUMNS", "Column", "arrow_schema", "rows", "to_frame"]

#: Separator of ``chain_text``: „Kim Jong Un → KCNA → AP“.
CHAIN_ARROW = " → "
#: How ``chain_text`` writes a speaker the record does not name.
UNKNOWN = "?"


class Column(NamedTuple):
    """One column of the quote table: its name, Arrow type and meaning."""

    name: str
    type: Literal["string", "int64", "double", "list<string>"]
    doc: str


#: The columns of :func:`to_frame`, in order. Roles that are absent give nulls.
#: ``*_start``/``*_end`` are the role's extent: the start of its first span and
#: the end of its last (a discontinuous cue „fügte … hinzu“ has two spans; its
#: ``text`` joins them with one space, the JSON record has every span).
COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "string", "the document's id"),
    Column("quote_id", "string", "the quote's id, unique in the document (`doc:q3`)"),
    Column("kind", "string", "`direct`, `indirect`, `free_indirect` or `reported`"),
    Column("mood", "string", "`subjunctive`, `indicative`, or null (direct quotes)"),
    Column("sentence", "int64", "index of the sentence where the content starts"),
    Column("confidence", "double", "in [0, 1]"),
    Column("rule", "string", "the rule that found the quote (null until the record carries `rule`)"),
    Column("parent", "string", "id of the enclosing quote of a nested one (null until the record carries `parent`)"),
    Column("content_text", "string", "what was said"),
    Column("content_start", "int64", "start of the content (of its first span)"),
    Column("content_end", "int64", "end of the content (of its last span)"),
    Column("cue_text", "string", "the attribution's cue (speech verb, `laut`, colon …)"),
    Column("cue_lemma", "string", "its lemma (`sagen`)"),
    Column("cue_start", "int64", "start of the cue (of its first span)"),
    Column("cue_end", "int64", "end of the cue (of its last span)"),
    Column("frame_text", "string", "the introducing clause"),
    Column("frame_start", "int64", "start of the frame (of its first span)"),
    Column("frame_end", "int64", "end of the frame (of its last span)"),
    Column("speaker_text", "string", "the speaker's mention as written (`sie`, `der Minister`)"),
    Column("speaker_name", "string", "its canonical name in the document, null when unresolved"),
    Column("speaker_type", "string", "`person`, `organization` or `unknown`"),
    Column("speaker_start", "int64", "start of the speaker mention (of its first span)"),
    Column("speaker_end", "int64", "end of the speaker mention (of its last span)"),
    Column("addressee_text", "string", "to whom it was said, as written"),
    Column("addressee_name", "string", "its canonical name"),
    Column("addressee_type", "string", "`person`, `organization` or `unknown`"),
    Column("addressee_start", "int64", "start of the addressee mention (of its first span)"),
    Column("addressee_end", "int64", "end of the addressee mention (of its last span)"),
    Column("source_names", "list<string>", "each source's name (its text when it has none), in `sources` order"),
    Column("source_types", "list<string>", "each source's type (`news_agency`, `media` …)"),
    Column("source_relations", "list<string>", "each source's `relation` (null items until the record carries it)"),
    Column(
        "chain", "list<string>",
        "who said it, then who passed it on: the speaker's name (or text; null when there is no speaker "
        "but there are sources), then `source_names`; empty when there is neither",
    ),
    Column("chain_text", "string", "`chain` joined with ` → ` (`?` for a null speaker): „Kim Jong Un → KCNA → AP“"),
    Column("fragments", "list<string>", "verbatim quoted pieces inside an indirect or reported quote"),
    Column("error_type", "string", "why the document failed (`InputError` …): only in a `keep_empty` row"),
    Column("error_message", "string", "the error's message, with line and file when known"),
)

#: Columns holding lists (written as JSON arrays in CSV).
LIST_COLUMNS = tuple(c.name for c in COLUMNS if c.type.startswith("list"))

_ROLES = ("cue", "frame", "speaker", "addressee")
_EMPTY_QUOTE: dict[str, Any] = {c.name: None for c in COLUMNS}


def _label(mention: Mapping[str, Any]) -> str:
    """A mention's name, or its text when the name is unknown („ein Augenzeuge“)."""
    name = mention.get("name")
    return name if name is not None else str(mention.get("text"))


def _extent(role: Mapping[str, Any] | None) -> tuple[int | None, int | None]:
    spans = role.get("spans") if role else None
    if not spans:
        return None, None
    return spans[0][0], spans[-1][1]


def quote_row(doc_id: str | None, quote: Mapping[str, Any]) -> dict[str, Any]:
    """One table row for one quote record (``Quote.to_dict()``)."""
    row: dict[str, Any] = dict(_EMPTY_QUOTE)
    row.update(
        doc_id=doc_id,
        quote_id=quote.get("id"),
        kind=quote.get("kind"),
        mood=quote.get("mood"),
        sentence=quote.get("sentence"),
        confidence=quote.get("confidence"),
        rule=quote.get("rule"),
        parent=quote.get("parent"),
    )
    content = quote.get("content") or {}
    row["content_text"] = content.get("text")
    row["content_start"], row["content_end"] = _extent(content)
    for name in _ROLES:
        role = quote.get(name)
        if role is None:
            continue
        row[f"{name}_text"] = role.get("text")
        row[f"{name}_start"], row[f"{name}_end"] = _extent(role)
        for key in ("lemma", "name", "type"):
            if f"{name}_{key}" in row:
                row[f"{name}_{key}"] = role.get(key)
    sources = quote.get("sources") or []
    row["source_names"] = [_label(s) for s in sources]
    row["source_types"] = [s.get("type") for s in sources]
    row["source_relations"] = [s.get("relation") for s in sources]
    speaker = quote.get("speaker")
    if speaker or sources:  # an unknown speaker of relayed words is a null first link („? → AP“)
        row["chain"] = [_label(speaker) if speaker else None] + row["source_names"]
        row["chain_text"] = CHAIN_ARROW.join(UNKNOWN if link is None else link for link in row["chain"])
    else:
        row["chain"] = []
    row["fragments"] = [f.get("text") for f in quote.get("fragments") or []]
    return row


def _document_row(doc_id: str | None, error: Mapping[str, Any] | None) -> dict[str, Any]:
    row = dict(_EMPTY_QUOTE, doc_id=doc_id)
    if error is not None:
        row["error_type"] = error.get("type")
        row["error_message"] = error.get("message")
    return row


Result = DocumentResult | Quote | Mapping[str, Any]


def _record(item: Result) -> Mapping[str, Any]:
    """The JSON record of a result: a document (``{"id", "quotes"}``) or one bare quote."""
    if isinstance(item, (DocumentResult, Quote)):
        item = item.to_dict()
    if "quotes" not in item:  # a bare quote (``quotecheck.extract`` gives those): no document id
        return {"id": None, "quotes": [item]}
    return item


def rows(results: Iterable[Result], *, keep_empty: bool = False) -> Iterator[dict[str, Any]]:
    """Table rows for results: :class:`DocumentResult`\\ s, their JSON records, or :class:`Quote`\\ s.

    One row per quote, in order. With ``keep_empty`` a document without quotes
    (or one that failed) still gets one row, with null quote columns and
    ``error_type``/``error_message`` when it failed: the command line writes
    its tables so, keeping one entry per input document.
    """
    for item in results:
        record = _record(item)
        doc_id = record.get("id")
        quotes = record.get("quotes") or []
        for quote in quotes:
            yield quote_row(doc_id, quote)
        if keep_empty and not quotes:
            yield _document_row(doc_id, record.get("error"))


def _import(module: str, extra: str) -> Any:
    """An optional library, or :class:`MissingExtra` saying how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtra(module, extra) from error


def arrow_schema() -> pyarrow.Schema:
    """The Arrow schema of :data:`COLUMNS`."""
    pa = _import("pyarrow", "dataframe")
    types = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64(), "list<string>": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, types[c.type]) for c in COLUMNS])


def arrow_table(row_list: Sequence[Mapping[str, Any]]) -> pyarrow.Table:
    """Rows (from :func:`rows`) as an Arrow table with :func:`arrow_schema`."""
    pa = _import("pyarrow", "dataframe")
    try:
        return pa.Table.from_pylist(list(row_list), schema=arrow_schema())
    except UnicodeEncodeError:  # a lone surrogate, which Arrow's UTF-8 cannot hold
        return pa.Table.from_pylist([_escaped(row) for row in row_list], schema=arrow_schema())


def _escape(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list):
        return [_escape(item) for item in value]
    return value


def _escaped(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row whose lone surrogates are written out as ``\\ud800`` (six characters)."""
    return {name: _escape(value) for name, value in row.items()}


def pandas_frame(table: pyarrow.Table) -> pandas.DataFrame:
    """An Arrow table as pandas, every column an ``ArrowDtype`` (nulls are ``<NA>``, lists stay lists)."""
    pd = _import("pandas", "dataframe")
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def to_frame(
    results: Iterable[Result],
    backend: Literal["pandas", "arrow"] = "pandas",
    *,
    keep_empty: bool = False,
) -> Any:
    """One row per quote, flat columns (:data:`COLUMNS`), as pandas or Arrow.

    ``results`` are :class:`DocumentResult`\\ s (``Extractor.extract_many``),
    their JSON records (the lines of ``quotecheck extract``), or :class:`Quote`\\ s
    (``quotecheck.extract``; ``doc_id`` is then null). ``backend="pandas"``
    gives a ``pandas.DataFrame`` whose columns are ``pandas.ArrowDtype``\\ s of
    the schema's types; ``backend="arrow"`` a ``pyarrow.Table``. Both need
    ``pip install "quotecheck-de[dataframe]"``.
    """
    if backend not in ("pandas", "arrow"):
        raise ValueError(f"backend must be 'pandas' or 'arrow', not {backend!r}")
    table = arrow_table(list(rows(results, keep_empty=keep_empty)))
    return table if backend == "arrow" else pandas_frame(table)
