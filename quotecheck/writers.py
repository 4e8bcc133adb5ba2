"""Output formats of ``quotecheck extract``: JSON lines, CSV and Parquet.

Each format is split in two so that the expensive half runs where the result
is computed (in the worker processes of ``--jobs N``): an *encoder*, a
module-level function from a :class:`~quotecheck.model.DocumentResult` to a
payload, and a *writer* in the parent that appends payloads to the output.

- ``jsonl``: one JSON record per document (``docs/output-format.md``).
- ``csv``: the quote table (:data:`quotecheck.frame.COLUMNS`), one row per quote
  and one row for each document without quotes (``error_type`` and
  ``error_message`` say why, when it failed), so no document is lost. Null is an
  empty field; list columns are JSON arrays (``["KCNA", "AP"]``). Standard
  library only. A lone surrogate (``"\\ud800"`` in the JSON input), which UTF-8
  cannot hold, is written as the six characters ``\\ud800`` in CSV and Parquet.
- ``parquet``: the same table with its Arrow types, in row groups of
  :data:`PARQUET_ROW_GROUP` rows (needs ``quotecheck-de[dataframe]``).

Every writer streams: memory stays flat however many documents pass.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Protocol

from quotecheck.errors import MissingExtra
from quotecheck.frame import COLUMNS, LIST_COLUMNS, rows
from quotecheck.model import DocumentResult

__all__ = ["FORMATS", "Writer", "check_available", "encoder", "format_for", "json_line", "open_writer", "read_csv"]

FORMATS = ("jsonl", "csv", "parquet")
#: Output file suffixes that choose a format when ``--format`` is not given.
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
#: Rows per Parquet row group: large enough for good compression, small enough to stream.
PARQUET_ROW_GROUP = 20_000


def format_for(given: str | None, output: str | None) -> str:
    """The output format: the one asked for, else the output file's suffix, else ``jsonl``."""
    if given is not None:
        if given not in FORMATS:
            raise ValueError(f"unknown format {given!r}; choose one of {', '.join(FORMATS)}")
        return given
    if output is not None:
        return SUFFIXES.get(Path(output).suffix.lower(), "jsonl")
    return "jsonl"


# ---------------------------------------------------------------------------
# Encoders: run in the worker processes, so they are module-level functions.
# ---------------------------------------------------------------------------


def json_line(record: Mapping[str, Any]) -> bytes:
    """One JSON-lines record as UTF-8 bytes, newline included.

    JSON may carry lone surrogates (``"\\ud800"``), which UTF-8 cannot encode;
    such a record is written with ASCII escapes instead, still valid JSON.
    """
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record, ensure_ascii=True) + "\n").encode("ascii")


def _jsonl(result: DocumentResult) -> bytes:
    return json_line(result.to_dict())


def _csv_value(name: str, value: Any) -> Any:
    if value is None:
        return ""
    if name in LIST_COLUMNS:
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv(result: DocumentResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows([result], keep_empty=True):
        writer.writerow([_csv_value(c.name, row[c.name]) for c in COLUMNS])
    return buffer.getvalue().encode("utf-8", "backslashreplace")


def _parquet(result: DocumentResult) -> list[dict[str, Any]]:
    return list(rows([result], keep_empty=True))


_ENCODERS: dict[str, Callable[[DocumentResult], Any]] = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet}


def check_available(fmt: str) -> None:
    """Raise :class:`~quotecheck.errors.MissingExtra` if ``fmt`` needs a library that is not installed."""
    import importlib.util

    if fmt == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise MissingExtra("pyarrow", "dataframe")


def encoder(fmt: str) -> Callable[[DocumentResult], Any]:
    """The function that turns one result into the payload its writer takes."""
    return _ENCODERS[fmt]


# ---------------------------------------------------------------------------
# Writers: run in the parent, in input order.
# ---------------------------------------------------------------------------


class Writer(Protocol):
    """Appends encoded results to a binary stream; :meth:`close` finishes the file."""

    def write(self, payload: Any) -> None: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


class _BytesWriter:
    """JSON lines and CSV: payloads are bytes, written as they come."""

    def __init__(self, out: IO[bytes], header: bytes = b"") -> None:
        self.out = out
        if header:
            out.write(header)

    def write(self, payload: bytes) -> None:
        self.out.write(payload)

    def flush(self) -> None:
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class _ParquetWriter:
    """Parquet: rows are collected into row groups; :meth:`close` writes the footer."""

    def __init__(self, out: IO[bytes]) -> None:
        import pyarrow.parquet as pq

        from quotecheck.frame import arrow_schema, arrow_table

        self.table = arrow_table
        self.writer = pq.ParquetWriter(out, arrow_schema())
        self.pending: list[dict[str, Any]] = []

    def write(self, payload: list[dict[str, Any]]) -> None:
        self.pending.extend(payload)
        if len(self.pending) >= PARQUET_ROW_GROUP:
            self._row_group()

    def flush(self) -> None:
        """Nothing: a Parquet file is readable only once closed, and tiny row groups would bloat it."""

    def _row_group(self) -> None:
        if self.pending:
            self.writer.write_table(self.table(self.pending))
            self.pending = []

    def close(self) -> None:
        self._row_group()
        self.writer.close()


def _csv_header() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([c.name for c in COLUMNS])
    return buffer.getvalue().encode("utf-8")


def open_writer(fmt: str, out: IO[bytes]) -> Writer:
    """A writer of ``fmt`` onto ``out`` (the CSV header is written at once)."""
    if fmt == "jsonl":
        return _BytesWriter(out)
    if fmt == "csv":
        return _BytesWriter(out, _csv_header())
    if fmt == "parquet":
        return _ParquetWriter(out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def read_csv(stream: IO[str]) -> Iterator[dict[str, Any]]:
    """Rows of a CSV written by ``--format csv``, typed as :data:`~quotecheck.frame.COLUMNS` say.

    The inverse of the writer: empty fields are null, list columns are parsed
    from JSON, offsets and sentences are ints, confidence a float. Open the
    file with ``newline=""`` (fields may hold line breaks).
    """
    types = {c.name: c.type for c in COLUMNS}
    reader = csv.DictReader(stream)
    for raw in reader:
        row: dict[str, Any] = {}
        for name, value in raw.items():
            kind = types.get(name, "string")
            if value == "":
                row[name] = None
            elif kind.startswith("list"):
                row[name] = json.loads(value)
            elif kind == "int64":
                row[name] = int(value)
            elif kind == "double":
                row[name] = float(value)
            else:
                row[name] = value
        yield row
