"""``quotecheck extract``: documents in, one JSON record per document out.

Inputs (any number, processed in the order given):
  FILE.jsonl, FILE.ndjson  one {"id": ..., "text": ...} object per line
  FILE (any other name)    one plain-text document; its id is the path
  FOLDER                   its .jsonl, .ndjson and .txt files, recursively, sorted
                           by path (hidden files and folders are skipped)
  -                        JSON lines on standard input

Output: one JSON object per line, {"id": ..., "quotes": [...]}, on standard
output or in -o FILE (see the quote-record contract in the README). There is
exactly one output record per input line of a JSON-lines input (and per
plain-text file), in input order. Input and output are streamed: memory stays
flat however long the input is.

A document that cannot be processed still gets its record, with "quotes": []
and "error": {"type", "message", "line", "source"}; processing goes on. Errors:
  - a line that is not valid JSON, or not a JSON object
  - "text" missing, null, or not a string (numbers are not converted)
  - bytes that are not valid UTF-8 (policy: strict by default; with
    --encoding-errors replace they are decoded as U+FFFD and the document is
    processed, offsets then index the decoded text)
  - an empty or whitespace-only line: it is not a document, but it is reported
    so that input and output line counts always match
The "id" of a record is the input's "id" (converted to a string if it is not
one; null when missing). Duplicate ids are kept, each in its place; a warning
goes to standard error. An empty or whitespace-only "text" is a valid document
with no quotes. A byte-order mark at the start of a file is ignored.

Offsets index the document text exactly as given (Python string indices). With
--strip-html the rules read a clean text (tags removed, entities decoded,
script/style/nav/aside/footer/form contents dropped, block elements as
paragraph breaks); spans are mapped back to the original text, and each role's
"text" is what its spans cover there (markup included).

Exit status: 0 when every document succeeded, 1 when some failed (all are still
reported), 2 for usage errors (unknown option, missing input, unwritable
output). A closed output pipe (quotecheck ... | head) ends the run quietly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, NamedTuple, Sequence

from quotecheck.errors import InputError, QuotecheckError
from quotecheck.extractor import BACKENDS, Extractor
from quotecheck.model import DocumentResult

__all__ = ["main", "read_documents", "Document"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt",)
_BOM = "\ufeff"
#: Duplicate-id warnings printed before they are only counted.
MAX_DUPLICATE_WARNINGS = 10
#: Ids remembered for the duplicate check (as hashes); beyond this the check stops,
#: so memory stays bounded on endless streams.
MAX_TRACKED_IDS = 1_000_000

#: How an error message names the JSON type of a non-string "text".
_JSON_KINDS = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}

#: What the reader hands on: an ``(id, text)`` pair, or a finished error record.
Document = tuple[Any, str] | DocumentResult


class _UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotecheck",
        description="Find who said what, and according to whom, in German news text.",
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    ex = commands.add_parser(
        "extract",
        help="extract attributed quotes as JSON lines",
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl/.ndjson, a text file, a folder, or - for stdin")
    ex.add_argument("-o", "--output", metavar="FILE", help="write records to FILE instead of standard output")
    ex.add_argument(
        "--backend", choices=BACKENDS, default="embedded",
        help="analysis backend: 'embedded' (default, offline, no models) or 'stanza' "
        "(needs pip install \"quotecheck-de[stanza]\" and stanza's German models; see README)",
    )
    ex.add_argument(
        "--stanza-dir", metavar="DIR",
        help="folder with stanza's downloaded models (default: stanza's own); never downloads",
    )
    ex.add_argument("--organizations", metavar="TSV", help="extra news agencies/media/government bodies (see README)")
    ex.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N",
        help="worker processes (default: 1); output is identical and in input order for any N",
    )
    ex.add_argument(
        "--strip-html", action="store_true",
        help="read documents as HTML: analyse their clean text, report offsets into the original",
    )
    ex.add_argument(
        "--encoding-errors", choices=("strict", "replace"), default="strict",
        help="undecodable bytes: 'strict' (default) gives the document an error record, "
        "'replace' decodes them as U+FFFD and processes the document",
    )
    ex.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress line and no warnings on standard error (the progress line only ever "
        "appears when standard error is a terminal)",
    )
    _add_commands(commands)
    return parser


def _add_commands(commands: Any) -> None:
    """Subcommands that live in their own modules; each sets ``run`` on its parsed arguments."""
    from quotecheck.evaluate.command import register as register_evaluate
    from quotecheck.view.command import register as register_view

    register_evaluate(commands)
    register_view(commands)


def _version() -> str:
    from quotecheck import __version__

    return __version__


class _VersionAction(argparse.Action):
    """``--version``: argparse's own action, but the version is looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option_string: str | None = None) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


# ---------------------------------------------------------------------------
# Reading.
# ---------------------------------------------------------------------------


def _error(doc_id: Any, error: InputError) -> DocumentResult:
    detail: dict[str, Any] = {"type": "InputError", "message": str(error)}
    if error.line is not None:
        detail["line"] = error.line
    if error.source is not None:
        detail["source"] = error.source
    return DocumentResult(doc_id, (), detail)


def _salvage_id(raw: bytes) -> Any:
    """The id of an undecodable line, if the rest of it is readable JSON (for the error record)."""
    try:
        record = json.loads(raw.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        return None
    doc_id = record.get("id") if isinstance(record, dict) else None
    return doc_id if doc_id is None or isinstance(doc_id, str) else str(doc_id)


def _line_document(raw: bytes, number: int, where: str, errors: str) -> Document:
    """One JSON line as a document or an error record; never raises."""
    try:
        line = raw.decode("utf-8", errors)
    except UnicodeDecodeError as error:
        reason = f"not valid UTF-8 (byte {error.start} of the line); --encoding-errors replace decodes it"
        return _error(_salvage_id(raw), InputError(reason, line=number, source=where))
    if number == 1 and line.startswith(_BOM):
        line = line[1:]
    if not line.strip():
        return _error(None, InputError("empty line", line=number, source=where))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return _error(None, InputError(f"not valid JSON ({error.msg})", line=number, source=where))
    except (ValueError, RecursionError) as error:  # too deeply nested, too long a number …
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        return _error(None, InputError(f"not usable JSON ({reason})", line=number, source=where))
    if not isinstance(record, dict):
        kind = "an array" if isinstance(record, list) else type(record).__name__
        return _error(None, InputError(f"not a JSON object but {kind}", line=number, source=where))
    doc_id = record.get("id")
    if doc_id is not None and not isinstance(doc_id, str):
        doc_id = json.dumps(doc_id, ensure_ascii=False) if isinstance(doc_id, (list, dict)) else str(doc_id)
    text = record.get("text")
    if text is None:
        missing = "missing" if "text" not in record else "null"
        return _error(doc_id, InputError(f"'text' is {missing}", line=number, source=where))
    if not isinstance(text, str):
        reason = f"'text' must be a string, not {_JSON_KINDS.get(type(text), type(text).__name__)}"
        return _error(doc_id, InputError(reason, line=number, source=where))
    return doc_id, text


def _json_lines(stream: IO[bytes], where: str, errors: str) -> Iterator[Document]:
    """Documents of a JSON-lines stream, read one line at a time."""
    for number, raw in enumerate(stream, start=1):
        yield _line_document(raw.rstrip(b"\r\n"), number, where, errors)


def _text_document(name: str, errors: str) -> Document:
    try:
        with open(name, "rb") as stream:
            data = stream.read()
    except OSError as error:
        return _error(name, InputError(f"cannot read ({error.strerror or error})", source=name))
    try:
        text = data.decode("utf-8", errors)
    except UnicodeDecodeError as error:
        reason = f"not valid UTF-8 (byte {error.start}); --encoding-errors replace decodes it"
        return _error(name, InputError(reason, source=name))
    return name, text[1:] if text.startswith(_BOM) else text


def _files(inputs: Sequence[str]) -> Iterator[str]:
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            children = (
                child for child in path.rglob("*")
                if child.is_file()
                and child.suffix.lower() in JSONL_SUFFIXES + TEXT_SUFFIXES
                and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
            for child in sorted(children):
                yield str(child)
        else:
            yield item


def read_documents(
    inputs: Sequence[str], stdin: IO[bytes] | None = None, *, encoding_errors: str = "strict"
) -> Iterator[Document]:
    """Every input's documents, in order: ``(id, text)`` pairs or error records.

    Exactly one item per JSON line and per text file; nothing is read ahead.
    """
    for name in _files(inputs):
        if name == "-":
            yield from _json_lines(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", encoding_errors)
        elif name.lower().endswith(JSONL_SUFFIXES):
            try:
                stream = open(name, "rb")
            except OSError as error:
                yield _error(None, InputError(f"cannot read ({error.strerror or error})", source=name))
                continue
            with stream:
                yield from _json_lines(stream, name, encoding_errors)
        else:
            yield _text_document(name, encoding_errors)


class _Duplicates:
    """Warns about repeated ids on stderr; remembers id hashes only, up to a limit."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.seen: set[int] = set()
        self.count = 0

    def check(self, documents: Iterable[Document]) -> Iterator[Document]:
        for item in documents:
            doc_id = item.id if isinstance(item, DocumentResult) else item[0]
            if self.enabled and doc_id is not None and len(self.seen) < MAX_TRACKED_IDS:
                key = hash(doc_id)
                if key in self.seen:
                    self.count += 1
                    if self.count <= MAX_DUPLICATE_WARNINGS:
                        _warn(f"duplicate id {doc_id!r}; both records are kept, in input order")
                else:
                    self.seen.add(key)
            yield item

    def close(self) -> None:
        if self.enabled and self.count > MAX_DUPLICATE_WARNINGS:
            _warn(f"{self.count} duplicate ids in all")


def _warn(message: str) -> None:
    try:
        sys.stderr.write(f"quotecheck: warning: {message}\n")
    except (OSError, ValueError):
        pass


# ---------------------------------------------------------------------------
# Writing.
# ---------------------------------------------------------------------------


def encode_record(result: DocumentResult) -> bytes:
    """One output line as UTF-8 bytes.

    JSON may carry lone surrogates (``"\\ud800"``), which UTF-8 cannot encode;
    such a record is written with ASCII escapes instead, still valid JSON.
    """
    record = result.to_dict()
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record, ensure_ascii=True) + "\n").encode("ascii")


class _Encoded(NamedTuple):
    """A serialised record plus what the parent needs to know about it."""

    line: bytes
    failed: bool
    quotes: int


def _encode(result: DocumentResult) -> _Encoded:
    """Runs in the worker processes, so the parent only writes bytes."""
    return _Encoded(encode_record(result), result.error is not None, len(result.quotes))


class _Progress:
    """A progress line on a terminal's stderr, at most four times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = self.last = time.monotonic()
        self.documents = self.quotes = 0
        self.shown = False

    def update(self, quotes: int) -> None:
        self.documents += 1
        self.quotes += quotes
        if self.enabled:
            now = time.monotonic()
            if now - self.last >= 0.25:
                self.last = now
                self._write(now)

    def _write(self, now: float) -> None:
        rate = self.documents / max(now - self.start, 1e-9)
        try:
            sys.stderr.write(f"\r{self.documents} documents, {self.quotes} quotes, {rate:.0f} documents/s")
            sys.stderr.flush()
            self.shown = True
        except (OSError, ValueError):
            self.enabled = False

    def close(self) -> None:
        if self.enabled and self.shown:
            self._write(time.monotonic())
            try:
                sys.stderr.write("\n")
            except (OSError, ValueError):
                pass


def _check_output(output: str, inputs: Sequence[str]) -> None:
    out = Path(output)
    if out.is_dir():
        raise _UsageError(f"output {output} is a folder")
    if out.exists():
        for name in inputs:
            if name != "-" and Path(name).is_file() and out.samefile(name):
                raise _UsageError(f"output {output} is also an input")


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush stays silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 1 or 2)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error (argparse printed it)
        return stop.code if isinstance(stop.code, int) else 2
    if getattr(args, "run", None) is not None:
        return int(args.run(args))
    if args.command != "extract":
        parser.print_help(sys.stderr)
        return 2
    try:
        return _extract(args)
    except _UsageError as error:
        print(f"quotecheck extract: error: {error}", file=sys.stderr)
        return 2


def _extract(args: argparse.Namespace) -> int:
    missing = [name for name in args.inputs if name != "-" and not os.path.exists(name)]
    if missing:
        raise _UsageError(f"no such file or folder: {', '.join(missing)}")
    if args.jobs < 1:
        raise _UsageError("--jobs must be at least 1")
    if args.output:
        _check_output(args.output, args.inputs)
    try:
        if args.stanza_dir and args.backend != "stanza":
            raise _UsageError("--stanza-dir needs --backend stanza")
        extractor = Extractor(backend=args.backend, organizations=args.organizations, stanza_dir=args.stanza_dir)
    except (QuotecheckError, ValueError, OSError) as error:
        raise _UsageError(str(error)) from None
    try:
        out: IO[bytes] = open(args.output, "wb") if args.output else sys.stdout.buffer
    except OSError as error:
        raise _UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
    # Records reach a pipe reader as soon as they are ready when input comes
    # from stdin (interactive use, tail -f); otherwise writes are buffered.
    eager = "-" in args.inputs
    progress = _Progress(enabled=not args.quiet and _isatty(sys.stderr))
    duplicates = _Duplicates(enabled=not args.quiet)
    documents = duplicates.check(read_documents(args.inputs, encoding_errors=args.encoding_errors))
    results = extractor.process_many(documents, jobs=args.jobs, strip_html=args.strip_html, then=_encode)
    failed = False
    try:
        for record in results:
            failed = failed or record.failed
            out.write(record.line)
            if eager:
                out.flush()
            progress.update(record.quotes)
        out.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        _quiet_stdout()
    except KeyboardInterrupt:
        _warn("interrupted")
        return 130
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the worker processes if the run ended early
        progress.close()
        duplicates.close()
        if args.output:
            try:
                out.close()
            except OSError:
                pass
    return 1 if failed else 0


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
