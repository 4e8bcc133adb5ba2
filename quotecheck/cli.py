"""The ``quotecheck`` command line: ``main(argv) -> exit status``.

Each subcommand is one ``_add_NAME(commands)`` function that declares its
options and sets ``run`` to the function that carries it out; :func:`main`
parses, dispatches and turns :class:`UsageError` into exit status 2. Reading
inputs lives in :mod:`quotecheck.inputs`, the output file, progress and
summary in :mod:`quotecheck.cli_output`, worker processes in
:mod:`quotecheck.parallel`.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import signal
import sys
import threading
import time
from types import FrameType
from typing import Any, Callable, Iterable, Iterator, Sequence

from quotecheck import writers
from quotecheck.errors import QuotecheckError
from quotecheck.extractor import BACKENDS, Extractor
from quotecheck.inputs import (
    DEFAULT_MAX_LINE_BYTES,
    STDIN,
    Document,
    Inputs,
    ReadOptions,
    read_documents,
)
from quotecheck.model import DocumentResult
from quotecheck.cli_output import (
    Duplicates,
    Encoded,
    Output,
    Progress,
    Tally,
    UsageError,
    isatty,
    no_warnings,
    warn,
)
from quotecheck.parallel import resolve_jobs

__all__ = ["main", "read_documents", "Document", "UsageError"]

#: Seconds one document may take before it gets a Timeout record (--max-seconds-per-doc).
DEFAULT_MAX_SECONDS = 120.0

EXTRACT_DESCRIPTION = """\
Inputs (any number, processed in the order given; a name ending in .gz is
decompressed on the fly):
  FILE.jsonl, FILE.ndjson  one {"id": ..., "text": ...} object per line
  FILE.json                an array of such objects (or a single one)
  FILE (any other name)    one plain-text document; its id is the path
  FOLDER                   its .jsonl, .ndjson, .json and .txt files (with
                           --strip-html also .html and .htm), recursively,
                           sorted by path; hidden files and folders are skipped
  -                        standard input: JSON lines if its first non-blank
                           character is "{", otherwise one plain-text document
                           with the id "<stdin>" (--text: always plain text);
                           gzip data is recognised
The output file is never read as an input, whatever name or link reaches it.

Output: one JSON object per line, {"id": ..., "quotes": [...]}, on standard
output or in -o FILE (-o - is standard output); the record format is in the
README and docs/output-format.md. With --format csv or parquet (or an -o FILE
ending in .csv, .parquet), a table instead: one row per quote, and one row for
each document without quotes (error_type and error_message say why when it
failed); the columns are listed in the README under "Data frames". There is
exactly one output record per input document (per non-blank JSON line, per
array element, per text file), in input order. Input and output are streamed: memory stays flat however long the input.

A document that cannot be processed still gets its record, with "quotes": []
and "error": {"type", "message", "line", "source"}; processing goes on:
  InputError     a line that is not valid JSON or not a JSON object; "text"
                 missing, null, or not a string (numbers are not converted);
                 an "id" that is NaN or infinite; bytes that are not valid in
                 --encoding (strict by default; with --encoding-errors replace
                 they are decoded as U+FFFD and the document is processed,
                 offsets then index the decoded text); a line, array element
                 or text file longer than --max-line-bytes (skipped unread)
  Timeout        the document took longer than --max-seconds-per-doc
  MemoryError    the document needed more memory than there is
  WorkerDied     its worker process died (killed, out of memory)
  InternalError  a bug in quotecheck (please report it)
Blank lines in JSON lines are not documents: they are skipped, and counted in
the summary. The "id" of a record is the input's "id": a string as it is, any
other value spelled as JSON (7 -> "7", true -> "true"), null when missing.
Duplicate ids are kept, each in its place; a warning goes to standard error. An
empty or whitespace-only "text" is a valid document with no quotes. A
byte-order mark at the start of a file is ignored.

Offsets index the document text exactly as given (Python string indices). With
--strip-html the rules read a clean text (tags removed, entities decoded,
script/style/nav/aside/footer/form contents dropped, block elements as
paragraph breaks); spans are mapped back to the original text, and each role's
"text" is what its spans cover there (markup included).

Standard error gets warnings, a progress bar when it is a terminal (with total,
rate and time left when the input size is known) and a one-line summary at the
end; --quiet silences all three.

Exit status: 0 when every document succeeded, 1 when some failed (all are still
reported), 2 for usage errors (unknown option, missing input, unavailable
backend, unreadable --organizations or --lexicon) and when the output cannot be written
(full disk, unwritable file): one line on standard error says why. 130 after
Ctrl-C, 143 after SIGTERM: the records written so far are whole lines, and no
worker process is left behind. A closed output pipe (quotecheck ... | head)
ends the run quietly.
"""


class _Terminated(BaseException):
    """SIGTERM arrived: stop like Ctrl-C (a BaseException, so no ``except Exception`` keeps going)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 1 or 2; 130/143 when interrupted)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error (argparse printed it)
        return stop.code if isinstance(stop.code, int) else 2
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return run(args)
    except UsageError as error:
        print(f"quotecheck {args.command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # before or after the records were written
        return 130
    except _Terminated:
        return 143


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotecheck",
        description="Find who said what, and according to whom, in German news text.",
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_extract, _add_evaluate, _add_view, _add_compare):
        add(commands)
    return parser


def _add_evaluate(commands: Any) -> None:
    """``quotecheck evaluate``: lives in :mod:`quotecheck.evaluate.command`."""
    from quotecheck.evaluate.command import register

    register(commands)


def _add_view(commands: Any) -> None:
    """``quotecheck view``: lives in :mod:`quotecheck.view.command`."""
    from quotecheck.view.command import register

    register(commands)


def _add_compare(commands: Any) -> None:
    """``quotecheck compare``: lives in :mod:`quotecheck.provenance.command`."""
    from quotecheck.provenance.command import register

    register(commands)


def _version() -> str:
    """The version, and whether the install is compiled („0.2.0 (compiled with mypyc)“)."""
    from quotecheck import __version__, compiled

    return f"{__version__} (compiled with mypyc)" if compiled else str(__version__)


# ---------------------------------------------------------------------------
# quotecheck extract
# ---------------------------------------------------------------------------


def _add_extract(commands: Any) -> None:
    ex = commands.add_parser(
        "extract",
        help="extract attributed quotes as JSON lines",
        description=EXTRACT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.set_defaults(run=_run_extract)
    ex.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help=".jsonl/.ndjson/.json (also .gz), a text file, a folder, or - for standard input",
    )
    ex.add_argument("-o", "--output", metavar="FILE", help="write records to FILE instead of standard output (-o -: standard output)")
    ex.add_argument(
        "--format", choices=writers.FORMATS, default=None,
        help="output format: jsonl, csv or parquet (a table, one row per quote; parquet needs "
        "pip install \"quotecheck-de[dataframe]\"); default: from -o FILE's suffix, else jsonl",
    )
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
    ex.add_argument("--lexicon", metavar="DIR", help="a folder of your own data files (speech_verbs.tsv, roles.tsv, "
                    "agencies.tsv …) laid over the packaged lexicon: lines add or replace (see README)")
    ex.add_argument(
        "-j", "--jobs", type=_jobs_value, default=1, metavar="N",
        help="worker processes (default: 1; 0 or 'auto': one per CPU; more than the CPUs are capped "
        "with a warning); output is identical and in input order for any N",
    )
    ex.add_argument(
        "--strip-html", action="store_true",
        help="read documents as HTML: analyse their clean text, report offsets into the original; "
        "folders then also give their .html/.htm files",
    )
    ex.add_argument(
        "--text", action="store_true",
        help="standard input (-) is one plain-text document, even if it starts with '{'",
    )
    ex.add_argument(
        "--encoding", default="utf-8", metavar="NAME",
        help="encoding of every input (default: utf-8; latin-1 or cp1252 for old archives; "
        "must be ASCII-compatible)",
    )
    ex.add_argument(
        "--encoding-errors", choices=("strict", "replace"), default="strict",
        help="undecodable bytes: 'strict' (default) gives the document an error record, "
        "'replace' decodes them as U+FFFD and processes the document",
    )
    ex.add_argument(
        "--max-line-bytes", type=_byte_size, default=DEFAULT_MAX_LINE_BYTES, metavar="N",
        help="longest JSON line, array element or text file read, in bytes (K, M, G allowed; "
        f"default {DEFAULT_MAX_LINE_BYTES // (1 << 20)}M): a longer one gets an error record unread "
        "(a 1 MB article needs about 100 MB of memory to analyse)",
    )
    ex.add_argument(
        "--max-seconds-per-doc", type=_seconds, default=DEFAULT_MAX_SECONDS, metavar="S",
        help=f"time budget per document (default {DEFAULT_MAX_SECONDS:g}; 0: none): a document still "
        "running after S seconds gets a Timeout error record and the stream goes on (prose takes "
        "2-4 s per MB; the stanza backend is slower). A worker process (--jobs 2 or more) stuck in "
        "one long call into C code is killed 5 s later; with --jobs 1 such a call ends first",
    )
    ex.add_argument(
        "-q", "--quiet", action="store_true",
        help="nothing on standard error but fatal errors: no warnings, progress bar or summary",
    )


def _jobs_value(value: str) -> int:
    if value.strip().lower() == "auto":
        return 0
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number or 'auto', not {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return jobs


_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)i?b?\s*", re.IGNORECASE)


def _byte_size(value: str) -> int:
    match = _SIZE.fullmatch(value)
    if match is None or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of bytes such as 1000000 or 64M, not {value!r}")
    return int(match.group(1)) << {"": 0, "k": 10, "m": 20, "g": 30}[match.group(2).lower()]


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {value!r}") from None
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError("must be 0 (no limit) or a positive number of seconds")
    return seconds


def _run_extract(args: argparse.Namespace) -> int:
    say = no_warnings if args.quiet else warn
    try:
        options = ReadOptions(
            encoding=args.encoding, errors=args.encoding_errors, max_line_bytes=args.max_line_bytes,
            stdin_text=args.text or None, html=args.strip_html,
        )
    except ValueError as error:
        raise UsageError(f"--encoding: {error}") from None
    missing = [name for name in args.inputs if name != STDIN and not os.path.exists(name)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    jobs, capped = resolve_jobs(args.jobs)
    if capped:
        say(capped)
    extractor = _extractor(args)
    fmt = _output_format(args)
    with Output.open(args.output, args.inputs, fmt) as output, _signals():
        inputs = Inputs(args.inputs, options, exclude=output.ids, warn=say)
        duplicates = Duplicates(say)
        results = extractor.process_many(
            duplicates.check(inputs), jobs=jobs, strip_html=args.strip_html,
            then=functools.partial(_encode, writers.encoder(fmt)),
            max_seconds=args.max_seconds_per_doc or None,
        )
        tally = Tally(time.monotonic())
        progress = Progress(inputs, tally, enabled=not args.quiet and isatty(sys.stderr))
        try:
            status = _write_all(results, output, tally, progress, eager=STDIN in args.inputs)
        finally:
            _close(results)  # stops the worker processes if the run ended early
            progress.close()
            duplicates.close()
        if not args.quiet:
            warn(tally.summary(inputs.blank_lines), prefix="")
        return status


def _extractor(args: argparse.Namespace) -> Extractor:
    if args.stanza_dir and args.backend != "stanza":
        raise UsageError("--stanza-dir needs --backend stanza")
    try:
        return Extractor(backend=args.backend, organizations=args.organizations, stanza_dir=args.stanza_dir,
                         lexicon=args.lexicon)
    except (QuotecheckError, ValueError, OSError) as error:
        raise UsageError(str(error)) from None


def _output_format(args: argparse.Namespace) -> str:
    """``--format``, else the suffix of ``-o FILE``, else jsonl; a missing library is a usage error."""
    try:
        fmt = writers.format_for(args.format, args.output)
        writers.check_available(fmt)
    except (QuotecheckError, ValueError) as error:
        raise UsageError(str(error)) from None
    return fmt


def _write_all(results: Iterable[Encoded], output: Output, tally: Tally, progress: Progress, eager: bool) -> int:
    """Write every record; the exit status (1 when some document failed)."""
    try:
        for record in results:
            output.write(record.payload)
            if eager:  # input from a pipe (tail -f): each record as soon as it is ready
                output.flush()
            tally.add(record)
            progress.update()
        output.flush()
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly, as Unix tools do
        output.broken()
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except _Terminated:
        warn("terminated")
        return 143
    return 1 if tally.failed else 0


def _close(results: Any) -> None:
    close = getattr(results, "close", None)
    if close is not None:
        close()


class _VersionAction(argparse.Action):
    """``--version``: argparse's own action, but the version is looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option_string: str | None = None) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


# ---------------------------------------------------------------------------
# Records, counts and progress.
# ---------------------------------------------------------------------------


def encode_record(result: DocumentResult) -> bytes:
    """One output line as UTF-8 bytes (see :func:`quotecheck.writers.json_line`)."""
    return writers.json_line(result.to_dict())


def _encode(encode: Callable[[DocumentResult], Any], result: DocumentResult) -> Encoded:
    """Runs in the worker processes, so the parent only writes what ``encode`` made."""
    error = str(result.error.get("type", "Error")) if result.error is not None else None
    return Encoded(encode(result), error, len(result.quotes))


@contextlib.contextmanager
def _signals() -> Iterator[None]:
    """SIGTERM stops the run like Ctrl-C; a file-size limit is a write error, not a crash."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise _Terminated

    previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, terminate)}
    if hasattr(signal, "SIGXFSZ"):
        previous[signal.SIGXFSZ] = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
