"""Reading documents for the command line: files, folders, standard input.

Everything a user may point ``quotecheck extract`` at becomes a stream of
:data:`Document` items, one per document and in input order: an ``(id, text)``
pair, or a finished error record (a :class:`~quotecheck.model.DocumentResult`)
when the document cannot even be read. Nothing is read ahead and nothing is held
longer than one document, however large the input.

What is read, by name (``.gz`` after any of them: decompressed on the fly):

- ``.jsonl`` / ``.ndjson``: one ``{"id": …, "text": …}`` object per line;
  blank lines are skipped (and counted), as other JSON-lines tools do;
- ``.json``: an array of such objects (read element by element), or one object;
- a folder: its files of the kinds above and ``.txt`` (with ``html=True`` also
  ``.html``/``.htm``), recursively, sorted by path, hidden ones left out;
- any other file: one plain-text document whose id is its path;
- ``-``: standard input, JSON lines if its first non-blank character is ``{``,
  else one plain-text document (``stdin_text=True`` forces text); gzip
  data is recognised by its magic bytes.

A line, text file or array element longer than ``max_line_bytes`` is not read
into memory: it gets an error record and reading goes on. A file whose identity
(device and inode) is in ``exclude`` (the output being written) is never read.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import math
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, cast

import attrs

from quotecheck.errors import InputError
from quotecheck.model import DocumentResult

__all__ = [
    "DEFAULT_MAX_LINE_BYTES",
    "Document",
    "FileId",
    "Inputs",
    "ReadOptions",
    "file_id",
    "json_id",
    "json_kind",
    "read_documents",
]

#: What the reader hands on: an ``(id, text)`` pair, or a finished error record.
Document = tuple[Any, str] | DocumentResult
#: A file's identity, whatever name reaches it: ``(st_dev, st_ino)``.
FileId = tuple[int, int]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
GZIP_SUFFIX = ".gz"
STDIN = "-"
STDIN_NAME = "<stdin>"
#: The longest line, text file or array element read (a 1 MB article needs about
#: 100 MB of memory to analyse; 16 MiB covers any news page with HTML).
DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024
_BOM = "\ufeff"
_GZIP_MAGIC = b"\x1f\x8b"
_READ_SIZE = 1 << 20
#: The id at the start of an over-long line, kept for its error record.
_LEADING_ID = re.compile(rb'\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.){0,1000}"|-?[0-9][0-9.eE+-]{0,40}|true|false|null)')


@attrs.frozen
class ReadOptions:
    """How inputs are read; the command line's reading options."""

    #: The encoding of every input (ASCII-compatible: utf-8, latin-1, cp1252 …).
    encoding: str = attrs.field(default="utf-8")
    #: ``strict``: undecodable bytes make the document an error record;
    #: ``replace``: they are read as U+FFFD.
    errors: str = attrs.field(default="strict", validator=attrs.validators.in_(("strict", "replace")))
    max_line_bytes: int = attrs.field(default=DEFAULT_MAX_LINE_BYTES, validator=attrs.validators.ge(1))
    #: Standard input is one plain-text document (None: detect it).
    stdin_text: bool | None = None
    #: Folders also give their ``.html``/``.htm`` files.
    html: bool = False

    @encoding.validator
    def _ascii_compatible(self, attribute: Any, value: str) -> None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise ValueError(f"unknown encoding {value!r}") from None
        if "{\"id\": 1}\n".encode(value, "replace") != b'{"id": 1}\n':
            raise ValueError(f"encoding {value!r} is not ASCII-compatible (use utf-8, latin-1, cp1252 …)")


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


def file_id(path: str | os.PathLike[str] | int) -> FileId | None:
    """The identity of a file (following symlinks), or of an open descriptor; None if it has none."""
    try:
        info = os.fstat(path) if isinstance(path, int) else os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def read_documents(
    inputs: Sequence[str],
    stdin: IO[bytes] | None = None,
    *,
    encoding_errors: str = "strict",
    **options: Any,
) -> Iterator[Document]:
    """Every input's documents, in order (see :class:`Inputs`)."""
    return iter(Inputs(inputs, ReadOptions(errors=encoding_errors, **options), stdin=stdin))


class Inputs:
    """The documents of a list of inputs, with what was skipped on the way.

    Iterate once. ``total_bytes`` is the size of all inputs when it is known
    (None when standard input is a pipe), ``position`` how far reading has got
    (compressed bytes for gzip files), for a progress display; ``blank_lines``
    counts skipped blank JSON lines.
    """

    def __init__(
        self,
        names: Sequence[str],
        options: ReadOptions | None = None,
        *,
        stdin: IO[bytes] | None = None,
        exclude: Collection[FileId] = (),
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.options = options if options is not None else ReadOptions()
        self.stdin = stdin
        self.exclude = set(exclude)
        self.warn = warn if warn is not None else (lambda message: None)
        self.blank_lines = 0
        self.files = list(self._expand(names))
        self.total_bytes = self._total()
        self._done_bytes = 0
        self._last_position = 0
        self._current: IO[bytes] | None = None

    # -- which files --

    def _expand(self, names: Sequence[str]) -> Iterator[str]:
        for name in names:
            if name != STDIN and os.path.isdir(name):
                yield from self._folder(name)
            elif name != STDIN and file_id(name) in self.exclude:
                self.warn(f"skipping {name}: it is the output being written")
            else:
                yield name

    def _folder(self, folder: str) -> Iterator[str]:
        root = Path(folder)
        found: list[Path] = []
        html_skipped = 0
        for directory, subfolders, files in os.walk(folder):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")]
            for name in files:
                if name.startswith("."):
                    continue
                kind = _kind(name)
                if kind == "html" and not self.options.html:
                    html_skipped += 1
                elif kind != "other":
                    found.append(Path(directory, name))
        for path in sorted(found, key=lambda p: p.relative_to(root).parts):
            if file_id(path) in self.exclude:
                self.warn(f"skipping {path}: it is the output being written")
            elif path.is_file():
                yield str(path)
        if html_skipped:
            self.warn(f"{html_skipped} .html file(s) in {folder} skipped; --strip-html reads them")

    def _total(self) -> int | None:
        total = 0
        for name in self.files:
            try:
                info = os.fstat(self._stdin().fileno()) if name == STDIN else os.stat(name)
            except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
                return None
            if not stat.S_ISREG(info.st_mode):
                return None
            total += info.st_size
        return total

    @property
    def position(self) -> int:
        """Input bytes read so far (approximately: reading is buffered)."""
        if self._current is not None:
            try:
                self._last_position = self._done_bytes + self._current.tell()
            except (OSError, ValueError, AttributeError):  # a pipe, or closed when reading stopped
                pass
        return max(self._last_position, self._done_bytes)

    # -- reading --

    def __iter__(self) -> Iterator[Document]:
        for name in self.files:
            if name == STDIN:
                yield from self._from_stdin()
                continue
            try:
                raw = open(name, "rb")
            except OSError as error:
                doc_id = None if _kind(name) in ("jsonl", "json") else name
                yield _error(doc_id, f"cannot read ({error.strerror or error})", source=name)
                continue
            with raw:
                self._current = raw
                yield from self._from_file(name, raw)
                self._current = None
                self._done_bytes += _size(raw)

    def _from_file(self, name: str, raw: IO[bytes]) -> Iterator[Document]:
        kind = _kind(name)
        stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb")) if name.lower().endswith(GZIP_SUFFIX) else raw
        if kind == "jsonl":
            yield from self._guarded(self._json_lines(stream, name), name)
        elif kind == "json":
            yield from self._guarded(self._json_file(stream, name), name)
        else:
            yield from self._guarded(self._one_text(stream, name), name)

    def _guarded(self, documents: Iterator[Document], name: str) -> Iterator[Document]:
        """Corrupt gzip data or a read error mid-file: one error record, then the next input."""
        try:
            yield from documents
        except (OSError, EOFError, zlib.error) as error:
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            yield _error(None, f"cannot read further ({reason})", source=name)

    def _one_text(self, stream: IO[bytes], name: str) -> Iterator[Document]:
        yield self._text(stream, name, name)

    def _stdin(self) -> IO[bytes]:
        return self.stdin if self.stdin is not None else sys.stdin.buffer

    def _from_stdin(self) -> Iterator[Document]:
        source = self._stdin()
        self._current = source
        yield from self._guarded(self._stdin_documents(source), STDIN_NAME)
        self._current = None

    def _stdin_documents(self, source: IO[bytes]) -> Iterator[Document]:
        """Standard input: gzip or not by its magic bytes, then JSON lines or text by its first character."""
        stream = io.BufferedReader(_Prefixed(b"", source))
        if stream.peek(2)[:2] == _GZIP_MAGIC:
            stream = io.BufferedReader(_Prefixed(b"", cast(IO[bytes], gzip.GzipFile(fileobj=stream, mode="rb"))))
        if self.options.stdin_text:
            yield self._text(stream, STDIN_NAME, STDIN_NAME)
            return
        head = self._head(stream)
        stream = io.BufferedReader(_Prefixed(head, stream))
        if head.removeprefix(_BOM.encode()).lstrip().startswith(b"{") or not head.strip():
            yield from self._json_lines(stream, STDIN_NAME)
        else:
            yield self._text(stream, STDIN_NAME, STDIN_NAME)

    def _head(self, stream: IO[bytes]) -> bytes:
        """Standard input up to its first non-blank line (to tell JSON lines from text)."""
        head = b""
        while True:
            line = stream.readline(self.options.max_line_bytes + 1)
            head += line
            if not line or line.strip():
                return head

    def _json_lines(self, stream: IO[bytes], where: str) -> Iterator[Document]:
        limit = self.options.max_line_bytes
        for number, (line, length) in enumerate(_bounded_lines(stream, limit), start=1):
            if length > limit:
                doc_id = _leading_id(line)
                yield _error(doc_id, f"line of {length:,} bytes is longer than --max-line-bytes ({limit:,})", number, where)
            elif not line.strip() or (number == 1 and not line.removeprefix(b"\xef\xbb\xbf").strip()):
                self.blank_lines += 1
            else:
                yield self._line_document(line, number, where)

    def _line_document(self, raw: bytes, number: int, where: str) -> Document:
        """One JSON line as a document or an error record; never raises."""
        try:
            line = raw.decode(self.options.encoding, self.options.errors)
        except UnicodeDecodeError as error:
            position = f"byte {error.start:,} of the line"
            return _error(_salvage_id(raw), _undecodable(self.options.encoding, position), number, where)
        if number == 1 and line.startswith(_BOM):
            line = line[1:]
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            return _error(None, f"not valid JSON ({error.msg})", number, where)
        except (ValueError, RecursionError) as error:  # too deeply nested, too long a number …
            reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            return _error(None, f"not usable JSON ({reason})", number, where)
        return _record_document(record, number, where)

    def _text(self, stream: IO[bytes], doc_id: str, where: str) -> Document:
        limit = self.options.max_line_bytes
        data = stream.read(limit + 1)
        if len(data) > limit:
            length = len(data) + _skip(stream)
            return _error(doc_id, f"document of {length:,} bytes is longer than --max-line-bytes ({limit:,})", source=where)
        try:
            text = data.decode(self.options.encoding, self.options.errors)
        except UnicodeDecodeError as error:
            return _error(doc_id, _undecodable(self.options.encoding, f"byte {error.start:,}"), source=where)
        return doc_id, text.removeprefix(_BOM)

    def _json_file(self, stream: IO[bytes], where: str) -> Iterator[Document]:
        """A ``.json`` file: an array of documents, read element by element, or one document."""
        reader = _JsonArrayReader(stream, self.options, where)
        yield from reader.documents()


class _JsonArrayReader:
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
            yield _error(None, _undecodable(self.options.encoding, position), source=self.where)

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
            yield record if isinstance(record, DocumentResult) else _record_document(record, line, self.where)
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
            yield _error(None, f"a .json file that is not an array is read whole, and this one is longer than --max-line-bytes ({self.options.max_line_bytes:,})", source=self.where)
            return
        text = self.buffer[self.pos:]
        try:
            record = json.loads(text)
        except (ValueError, RecursionError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply or a number too long"
            yield _error(None, f"not valid JSON ({reason}); a .json file holds an array of documents or one document", source=self.where)
            return
        yield _record_document(record, self.line, self.where)

    def _element(self) -> tuple[Any, int] | DocumentResult:
        """The value at ``pos`` and its line number, or an error record (reading then stops)."""
        start = self.pos
        line = self.line + self.buffer.count("\n", 0, start)
        while True:
            try:
                value, end = json.JSONDecoder().raw_decode(self.buffer, start)
            except RecursionError:
                return _error(None, "not usable JSON (nested too deeply)", line, self.where)
            except ValueError as error:
                if self.eof:
                    reason = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
                    return _error(None, f"not valid JSON ({reason})", line, self.where)
                end = -1
            if end != -1 and (end < len(self.buffer) or self.eof):  # a number may go on in the next read
                self.pos = end
                size = self._bytes(start, end)
                if size > self.options.max_line_bytes:  # read whole after all: report it, go on
                    doc_id = _leading_id(self.buffer[start : start + 2000].encode("utf-8", "replace"))
                    return _error(doc_id, self._too_long(f"{size:,}"), line, self.where), line
                return value, line
            if len(self.buffer) - start > self.options.max_line_bytes:
                doc_id = _leading_id(self.buffer[start : start + 2000].encode("utf-8", "replace"))
                message = self._too_long(f"more than {len(self.buffer) - start:,}") + "; the rest of the file is not read"
                return _error(doc_id, message, line, self.where)
            start = self._more(keep_from=start)

    def _bytes(self, start: int, end: int) -> int:
        """The size in the file of ``buffer[start:end]`` (measured only when it may matter)."""
        if end - start <= self.options.max_line_bytes // 4:  # no character takes more than 4 bytes
            return end - start
        return len(self.buffer[start:end].encode(self.options.encoding, "replace"))

    def _too_long(self, size: str) -> str:
        return f"array element of {size} bytes is longer than --max-line-bytes ({self.options.max_line_bytes:,})"

    def _syntax(self, reason: str) -> DocumentResult:
        return _error(None, f"not valid JSON ({reason})", self.line + self.buffer.count("\n", 0, self.pos), self.where)

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
        data = self.stream.read(_READ_SIZE)
        self.eof = not data
        self.buffer += self.decoder.decode(data, final=self.eof)
        return 0


# ---------------------------------------------------------------------------
# Helpers.
# ---------------------------------------------------------------------------


def _kind(name: str) -> str:
    """``jsonl``, ``json``, ``text``, ``html`` or ``other`` by a file's name (``.gz`` looked through)."""
    lower = name.lower().removesuffix(GZIP_SUFFIX)
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(JSON_SUFFIXES):
        return "json"
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    return "other"


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[bytes, int]]:
    """``(line, length)`` without the line end; a line over ``limit`` bytes is cut there and skipped."""
    while True:
        line = stream.readline(limit + 2)  # room for the line end
        if not line:
            return
        if line.endswith(b"\n") or len(line) < limit + 2:  # all of it (the last line may lack its newline)
            content = line.rstrip(b"\r\n")
            yield content, len(content)
        else:
            yield line, len(line) + _skip_line(stream)


def _skip_line(stream: IO[bytes]) -> int:
    """Read to the end of the line without keeping it; returns the bytes skipped (newline not counted)."""
    skipped = 0
    while True:
        piece = stream.readline(_READ_SIZE)
        if not piece:
            return skipped
        if piece.endswith(b"\n"):
            return skipped + len(piece) - 1
        skipped += len(piece)


def _skip(stream: IO[bytes]) -> int:
    skipped = 0
    while piece := stream.read(_READ_SIZE):
        skipped += len(piece)
    return skipped


def _size(raw: IO[bytes]) -> int:
    try:
        return os.fstat(raw.fileno()).st_size
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return 0


def _error(doc_id: Any, message: str, line: int | None = None, source: str | None = None) -> DocumentResult:
    error = InputError(message, line=line, source=source)
    detail: dict[str, Any] = {"type": "InputError", "message": str(error)}
    if line is not None:
        detail["line"] = line
    if source is not None:
        detail["source"] = source
    return DocumentResult(doc_id, (), detail)


def _undecodable(encoding: str, position: str) -> str:
    hint = "--encoding-errors replace reads such bytes as U+FFFD"
    name = codecs.lookup(encoding).name
    if name == "utf-8":
        hint = "--encoding cp1252 reads Windows/Latin-1 archives, " + hint
    return f"not valid {'UTF-8' if name == 'utf-8' else encoding} ({position}); {hint}"


def _record_document(record: Any, number: int, where: str) -> Document:
    """A parsed JSON value as a document: an object with a string ``text``."""
    if not isinstance(record, dict):
        return _error(None, f"not a JSON object but {json_kind(record)}", number, where)
    try:
        doc_id = json_id(record.get("id"))
    except InputError as error:
        return _error(None, str(error), number, where)
    text = record.get("text")
    if text is None:
        return _error(doc_id, f"'text' is {'missing' if 'text' not in record else 'null'}", number, where)
    if not isinstance(text, str):
        return _error(doc_id, f"'text' must be a string, not {json_kind(text)}", number, where)
    return doc_id, text


def _salvage_id(raw: bytes) -> str | None:
    """The id of an undecodable line, if the rest of it is readable JSON (for the error record)."""
    try:
        record = json.loads(raw.decode("utf-8", "replace"))
        return json_id(record.get("id")) if isinstance(record, dict) else None
    except (ValueError, RecursionError):
        return None


def _leading_id(prefix: bytes) -> str | None:
    """The id at the start of an over-long line (``{"id": "x", "text": …``), if it comes first."""
    match = _LEADING_ID.match(prefix)
    if match is None:
        return None
    try:
        return json_id(json.loads(match.group(1).decode("utf-8", "replace")))
    except (ValueError, InputError):
        return None


class _Prefixed(io.RawIOBase):
    """A byte stream with some bytes put back in front (what was read to look ahead)."""

    def __init__(self, prefix: bytes, stream: IO[bytes]) -> None:
        super().__init__()
        self.prefix = prefix
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self.prefix:
            n = min(len(view), len(self.prefix))
            view[:n] = self.prefix[:n]
            self.prefix = self.prefix[n:]
            return n
        read = getattr(self.stream, "read1", self.stream.read)  # what is there, without waiting for more
        data = read(len(view))
        view[: len(data)] = data
        return len(data)
