"""JSON documents as the reader meets them: ids, error records, arrays read element by element.

:mod:`quotecheck.inputs` decides *what* to read; this module turns JSON values into
documents (``{"id": 7, "text": "…"}`` → ``("7", "…")``) or into error records that
name the file and line (``not a JSON object but an array``), and reads a ``.json``
array one element at a time, so a 2 GB export of ``[{"id": …}, …]`` never sits in
memory whole.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any

from quotecheck.errors import InputError
from quotecheck.model import DocumentResult

if TYPE_CHECKING:
    from quotecheck.inputs import ReadOptions

__all__ = [
    "Document",
    "READ_SIZE",
    "JsonArrayReader",
    "error_record",
    "json_id",
    "json_kind",
    "leading_id",
    "record_document",
    "salvage_id",
    "undecodable",
]

#: What the reader hands on: an ``(id, text)`` pair, or a finished error record.
Document = tuple[Any, str] | DocumentResult

READ_SIZE = 1 << 20
_BOM = "\ufeff"

#: The id at the start of an over-long line, kept for its error record.
_LEADING_ID = re.compile(rb'\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.){0,1000}"|-?[0-9][0-9.eE+-]{0,40}|true|false|null)')


def json_kind(value: Any) -> str:
    """How an error message names a value's type: in JSON's words (``null``, ``a string``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def json_id(value: Any) -> str | None:
    """A document id as output: strings as they are, anything else spelled as JSON.

    ``7`` → ``"7"``, ``true`` → ``"true"``, ``["a"]`` → ``'["a"]'``. NaN and
    infinite numbers (``NaN``, ``1e999999``) have no JSON spelling: InputError.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(f"'id' must be a string or a finite number, not {value}")
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise InputError("'id' holds NaN or an infinite number, which JSON cannot spell") from None
    except TypeError:  # not a JSON value (an API caller's object)
        return str(value)


class JsonArrayReader:
    """Elements of a JSON array, decoded one at a time from a stream."""

    def __init__(self, stream: IO[bytes], options: ReadOptions, where: str) -> None:
        self.stream = stream
        self.options = options
        self.where = where
        self.decoder = codecs.getincrementaldecoder(options.encoding)(options.errors)
        self.buffer = ""
        self.pos = 0
        self.line = 1  # line number of buffer[0]
        self.chunk_start = 0  # file offset of the last read
        self.eof = False

    def documents(self) -> Iterator[Document]:
        try:
            yield from self._documents()
        except UnicodeDecodeError as error:
            position = f"near byte {self.chunk_start + error.start:,} of the file"
            yield error_record(None, undecodable(self.options.encoding, position), source=self.where)

    def _documents(self) -> Iterator[Document]:
        first = self._next_char()
        if first == _BOM:
            self.pos += 1
            first = self._next_char()
        if first != "[":  # one object, or not a document at all
            yield from self._single()
            return
        self.pos += 1
        if self._next_char() == "]":
            return
        while True:
            if self._next_char() is None:
                yield self._syntax("the array is not closed")
                return
            value = self._element()
            if isinstance(value, DocumentResult):  # reading cannot go on
                yield value
                return
            record, line = value
            yield record if isinstance(record, DocumentResult) else record_document(record, line, self.where)
            char = self._next_char()
            if char == "]":
                return
            if char != ",":
                yield self._syntax("expected , or ] after a document" if char else "the array is not closed")
                return
            self.pos += 1

    def _single(self) -> Iterator[Document]:
        while not self.eof and len(self.buffer) <= self.options.max_line_bytes:
            self._more()
        if not self.eof:
            yield error_record(None, f"a .json file that is not an array is read whole, and this one is longer than --max-line-bytes ({self.options.max_line_bytes:,})", source=self.where)
            return
        text = self.buffer[self.pos:]
        try:
            record = json.loads(text)
        except (ValueError, RecursionError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply or a number too long"
            yield error_record(None, f"not valid JSON ({reason}); a .json file holds an array of documents or one document", source=self.where)
            return
        yield record_document(record, self.line, self.where)

    def _element(self) -> tuple[Any, int] | DocumentResult:
        """The value at ``pos`` and its line number, or an error record (reading then stops)."""
        start = self.pos
        line = self.line + self.buffer.count("\n", 0, start)
        while True:
            try:
                value, end = json.JSONDecoder().raw_decode(self.buffer, start)
            except RecursionError:
                return error_record(None, "not usable JSON (nested too deeply)", line, self.where)
            except ValueError as error:
                if self.eof:
                    reason = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
                    return error_record(None, f"not valid JSON ({reason})", line, self.where)
                end = -1
            if end != -1 and (end < len(self.buffer) or self.eof):  # a number may go on in the next read
                self.pos = end
                size = self._bytes(start, end)
                if size > self.options.max_line_bytes:  # read whole after all: report it, go on
                    doc_id = leading_id(self.buffer[start : start + 2000].encode("utf-8", "replace"))
                    return error_record(doc_id, self._too_long(f"{size:,}"), line, self.where), line
                return value, line
            if len(self.buffer) - start > self.options.max_line_bytes:
                doc_id = leading_id(self.buffer[start : start + 2000].encode("utf-8", "replace"))
                message = self._too_long(f"more than {len(self.buffer) - start:,}") + "; the rest of the file is not read"
                return error_record(doc_id, message, line, self.where)
            start = self._more(keep_from=start)

    def _bytes(self, start: int, end: int) -> int:
        """The size in the file of ``buffer[start:end]`` (measured only when it may matter)."""
        if end - start <= self.options.max_line_bytes // 4:  # no character takes more than 4 bytes
            return end - start
        return len(self.buffer[start:end].encode(self.options.encoding, "replace"))

    def _too_long(self, size: str) -> str:
        return f"array element of {size} bytes is longer than --max-line-bytes ({self.options.max_line_bytes:,})"

    def _syntax(self, reason: str) -> DocumentResult:
        return error_record(None, f"not valid JSON ({reason})", self.line + self.buffer.count("\n", 0, self.pos), self.where)

    def _next_char(self) -> str | None:
        """The next non-blank character (not consumed), or None at the end."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if self.eof:
                return None
            self._more(keep_from=self.pos)

    def _more(self, keep_from: int | None = None) -> int:
        """Read on; drop the buffer before ``keep_from``; returns ``keep_from``'s new index."""
        keep = self.pos if keep_from is None else keep_from
        if keep > 0:
            self.line += self.buffer.count("\n", 0, keep)
            self.buffer = self.buffer[keep:]
            self.pos -= keep
        self.chunk_start = self.stream.tell() if self.stream.seekable() else self.chunk_start
        data = self.stream.read(READ_SIZE)
        self.eof = not data
        self.buffer += self.decoder.decode(data, final=self.eof)
        return 0


def error_record(doc_id: Any, message: str, line: int | None = None, source: str | None = None) -> DocumentResult:
    error = InputError(message, line=line, source=source)
    detail: dict[str, Any] = {"type": "InputError", "message": str(error)}
    if line is not None:
        detail["line"] = line
    if source is not None:
        detail["source"] = source
    return DocumentResult(doc_id, (), detail)


def undecodable(encoding: str, position: str) -> str:
    hint = "--encoding-errors replace reads such bytes as U+FFFD"
    name = codecs.lookup(encoding).name
    if name == "utf-8":
        hint = "--encoding cp1252 reads Windows/Latin-1 archives, " + hint
    return f"not valid {'UTF-8' if name == 'utf-8' else encoding} ({position}); {hint}"


def record_document(record: Any, number: int, where: str) -> Document:
    """A parsed JSON value as a document: an object with a string ``text``."""
    if not isinstance(record, dict):
        return error_record(None, f"not a JSON object but {json_kind(record)}", number, where)
    try:
        doc_id = json_id(record.get("id"))
    except InputError as error:
        return error_record(None, str(error), number, where)
    text = record.get("text")
    if text is None:
        return error_record(doc_id, f"'text' is {'missing' if 'text' not in record else 'null'}", number, where)
    if not isinstance(text, str):
        return error_record(doc_id, f"'text' must be a string, not {json_kind(text)}", number, where)
    return doc_id, text


def salvage_id(raw: bytes) -> str | None:
    """The id of an undecodable line, if the rest of it is readable JSON (for the error record)."""
    try:
        record = json.loads(raw.decode("utf-8", "replace"))
        return json_id(record.get("id")) if isinstance(record, dict) else None
    except (ValueError, RecursionError):
        return None


def leading_id(prefix: bytes) -> str | None:
    """The id at the start of an over-long line (``{"id": "x", "text": …``), if it comes first."""
    match = _LEADING_ID.match(prefix)
    if match is None:
        return None
    try:
        return json_id(json.loads(match.group(1).decode("utf-8", "replace")))
    except (ValueError, InputError):
        return None
