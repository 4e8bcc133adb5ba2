"""``quotecheck extract``: JSON lines in, one JSON record per document out.

Input: ``.jsonl``/``.ndjson`` files (one ``{"id": …, "text": …}`` per line),
any other file as one plain-text document whose id is its path, folders (their
``.jsonl``, ``.ndjson`` and ``.txt`` files, sorted), and ``-`` for JSON lines on
standard input. Every input document gives exactly one output line, in input
order; a document that cannot be processed gives a record with ``error`` set.

Exit status: 0 when every document succeeded, 1 when some failed (all are still
reported), 2 for usage errors (unknown option, missing file).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

from quotecheck.errors import InputError, QuotecheckError
from quotecheck.extractor import BACKENDS, Extractor
from quotecheck.model import DocumentResult

__all__ = ["main", "read_documents"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt",)
_BOM = "\ufeff"


class _Bad:
    """A document that failed before extraction (bad JSON, bad bytes …)."""

    __slots__ = ("id", "error")

    def __init__(self, doc_id: Any, error: InputError) -> None:
        self.id = doc_id
        self.error = error


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotecheck",
        description="Find who said what, and according to whom, in German news text.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    ex = commands.add_parser(
        "extract",
        help="extract attributed quotes as JSON lines",
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("inputs", nargs="+", metavar="FILE", help=".jsonl/.ndjson, .txt, a folder, or - for stdin")
    ex.add_argument("-o", "--output", metavar="FILE", help="write records here instead of standard output")
    ex.add_argument("--backend", choices=BACKENDS, default="embedded", help="analysis backend (default: embedded)")
    ex.add_argument("--organizations", metavar="TSV", help="extra news agencies/media/government bodies (see README)")
    ex.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress line on stderr")
    return parser


def _decode(data: bytes, where: str, line: int | None = None) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 (byte {error.start})", line=line, source=where) from None
    return text[1:] if text.startswith(_BOM) else text


def _json_lines(stream: IO[bytes], where: str) -> Iterator[tuple[Any, Any] | _Bad]:
    for number, raw in enumerate(stream, start=1):
        raw = raw.rstrip(b"\r\n")
        try:
            line = _decode(raw, where, number)
            if not line.strip():
                raise InputError("empty line", line=number, source=where)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"not valid JSON ({error.msg})", line=number, source=where) from None
            if not isinstance(record, dict):
                raise InputError("not a JSON object", line=number, source=where)
            doc_id = record.get("id")
            if "text" not in record or record["text"] is None:
                yield _Bad(doc_id, InputError("'text' is missing or null", line=number, source=where))
            elif not isinstance(record["text"], str):
                kind = type(record["text"]).__name__
                yield _Bad(doc_id, InputError(f"'text' must be a string, not {kind}", line=number, source=where))
            else:
                yield (None if doc_id is None else str(doc_id) if not isinstance(doc_id, str) else doc_id), record["text"]
        except InputError as error:
            yield _Bad(None, error)


def _files(inputs: Sequence[str]) -> Iterator[str]:
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in JSONL_SUFFIXES + TEXT_SUFFIXES:
                    yield str(child)
        else:
            yield item


def read_documents(inputs: Sequence[str], stdin: IO[bytes] | None = None) -> Iterator[tuple[Any, Any] | _Bad]:
    """Documents of every input, in order: ``(id, text)`` pairs or failures."""
    for name in _files(inputs):
        if name == "-":
            yield from _json_lines(stdin if stdin is not None else sys.stdin.buffer, "<stdin>")
        elif name.lower().endswith(JSONL_SUFFIXES):
            with open(name, "rb") as stream:
                yield from _json_lines(stream, name)
        else:
            with open(name, "rb") as stream:
                data = stream.read()
            try:
                yield name, _decode(data, name)
            except InputError as error:
                yield _Bad(name, error)


def _results(extractor: Extractor, documents: Iterable[tuple[Any, Any] | _Bad], jobs: int) -> Iterator[DocumentResult]:
    """Results in input order; failures found while reading pass straight through."""
    pending: collections.deque[_Bad | None] = collections.deque()

    def good() -> Iterator[dict[str, Any]]:
        for item in documents:
            if isinstance(item, _Bad):
                pending.append(item)
                yield {"id": None, "text": None, "__bad__": True}
            else:
                pending.append(None)
                yield {"id": item[0], "text": item[1]}

    for result in extractor.extract_many(good(), jobs=jobs):
        bad = pending.popleft() if pending else None
        if bad is not None:
            yield DocumentResult(bad.id, (), {"type": "InputError", "message": str(bad.error)})
        else:
            yield result


class _Progress:
    """A progress line on a terminal's stderr, at most a few times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = self.last = time.monotonic()
        self.documents = self.quotes = 0

    def update(self, result: DocumentResult) -> None:
        self.documents += 1
        self.quotes += len(result.quotes)
        now = time.monotonic()
        if self.enabled and now - self.last >= 0.25:
            self.last = now
            self._write(now)

    def _write(self, now: float) -> None:
        rate = self.documents / max(now - self.start, 1e-9)
        sys.stderr.write(f"\r{self.documents} documents, {self.quotes} quotes, {rate:.0f} documents/s")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.documents:
            self._write(time.monotonic())
            sys.stderr.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "extract":
        parser.print_help(sys.stderr)
        return 2
    missing = [name for name in args.inputs if name != "-" and not os.path.exists(name)]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")  # exits with 2
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    try:
        extractor = Extractor(backend=args.backend, organizations=args.organizations)
    except (QuotecheckError, OSError) as error:
        print(f"quotecheck: error: {error}", file=sys.stderr)
        return 2
    out: IO[str]
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    progress = _Progress(enabled=not args.quiet and sys.stderr.isatty())
    failed = False
    try:
        for result in _results(extractor, read_documents(args.inputs), args.jobs):
            failed = failed or result.error is not None
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            progress.update(result)
        out.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1 if failed else 0
    finally:
        progress.close()
        if args.output:
            out.close()
    return 1 if failed else 0
