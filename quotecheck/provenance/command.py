"""``quotecheck compare``: the same statement in every outlet, as JSON lines and a report.

Inputs (any number, in the order given) follow the rules of ``quotecheck
extract``: ``.jsonl``/``.ndjson`` files of {"id", "text"} documents, plain-text
files, folders (their .jsonl, .ndjson and .txt files, recursively), ``-`` for
standard input. The documents are extracted first, then compared.

With --records the inputs are instead output files of ``quotecheck extract``
(one {"id", "quotes"} record per line; an "outlet" field, when a record has
one, names the publisher and ends each chain, otherwise the document id
does). Records carry no text: give the documents with --texts for the
report's sentences; without them the report shows each quote's own words.

Output: one JSON object per line (docs/compare-format.md). A line with
"group" is a statement group — its renderings, canonical speaker, and
conflicts (speaker, chain, wording with a word-level diff, kind); every quote
is in exactly one group, a statement found once is a group of one. A line
with "error" is an input document that could not be used (a bad input line,
a record that is not in the quote contract, a document whose extraction
failed): it has "id" and "error" {"type", "message", "line", "source"}, and
the rest goes on. Error lines come first, in input order, then the groups in
input order of their first quote.

--html FILE writes one self-contained page (no network, no external assets):
the groups side by side, each outlet's sentence with the quoted words
highlighted and differing words marked, the chain drawn „Kim → KCNA → AP →
Zeitung“, conflicts flagged, and a filter by speaker.

Exit status: 0 when every input document was used, 1 when some were not
(they are still reported), 2 for usage errors. A closed output pipe ends the
run quietly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO, Any, Iterator, Mapping, Sequence

from quotecheck.errors import InputError, QuotecheckError
from quotecheck.model import DocumentResult
from quotecheck.provenance.grouping import Comparison
from quotecheck.provenance.model import StatementGroup
from quotecheck.provenance.similarity import CompareConfig

__all__ = ["main", "read_records", "register", "run"]

_BOM = "\ufeff"


class UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


def register(commands: Any) -> None:
    """Add the ``compare`` subcommand to the CLI's subparsers (it sets ``run``)."""
    parser = commands.add_parser(
        "compare",
        help="group the quotes of many documents by statement and flag where outlets disagree",
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="documents (as for extract), or records with --records")
    parser.add_argument("-o", "--output", metavar="FILE", help="write groups to FILE instead of standard output")
    parser.add_argument("--html", metavar="FILE", help="also write the report page to FILE")
    parser.add_argument("--records", action="store_true", help="inputs are output records of quotecheck extract")
    parser.add_argument(
        "--texts", nargs="+", metavar="INPUT",
        help="with --records: the documents (as for extract) whose sentences the report shows",
    )
    defaults = CompareConfig()
    parser.add_argument(
        "--threshold", type=float, default=defaults.threshold, metavar="X",
        help=f"similarity at which two quotes render one statement (default {defaults.threshold})",
    )
    parser.add_argument(
        "--other-speaker-threshold", type=float, default=defaults.other_speaker_threshold, metavar="X",
        help="similarity needed when the two speakers are known to differ "
        f"(default {defaults.other_speaker_threshold})",
    )
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="extraction worker processes")
    parser.set_defaults(run=main)


def run(args: argparse.Namespace, stdin: IO[bytes] | None = None) -> int:
    """Run ``quotecheck compare``; returns the exit status (raises :class:`UsageError`)."""
    _check_arguments(args)
    try:
        config = CompareConfig(threshold=args.threshold, other_speaker_threshold=args.other_speaker_threshold)
    except (TypeError, ValueError) as error:
        raise UsageError(f"bad threshold: {error}") from None
    try:
        out: IO[bytes] = open(args.output, "wb") if args.output else sys.stdout.buffer
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
    texts: dict[str, str] | None = {} if args.html and not args.records else None
    failed = False
    try:
        with Comparison(config) as comparison:
            for result in _results(args, texts, stdin):
                failed = _add(comparison, result, out) or failed
            groups = comparison.groups()
            kept: list[StatementGroup] | None = [] if args.html else None
            for group in groups:
                out.write(_line(group.to_dict()))
                if kept is not None:
                    kept.append(group)
        out.flush()
    except BrokenPipeError:
        from quotecheck.cli import _quiet_stdout

        _quiet_stdout()
        return 1 if failed else 0
    finally:
        if args.output:
            out.close()
    if args.html:
        _write_report(args, kept or [], texts, stdin)
    return 1 if failed else 0


def _check_arguments(args: argparse.Namespace) -> None:
    names = list(args.inputs) + list(args.texts or [])
    missing = [name for name in names if name != "-" and not os.path.exists(name)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if args.texts and not args.records:
        raise UsageError("--texts goes with --records (documents carry their own text)")
    if args.texts and not args.html:
        raise UsageError("--texts is only read for the --html report")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    for target in (args.output, args.html):
        if target and os.path.isdir(target):
            raise UsageError(f"output {target} is a folder")
        if target and not os.path.isdir(os.path.dirname(os.path.abspath(target))):
            raise UsageError(f"cannot write {target}: no such folder")
    if args.output and args.html and os.path.abspath(args.output) == os.path.abspath(args.html):
        raise UsageError("-o and --html name the same file")


def _results(
    args: argparse.Namespace, texts: dict[str, str] | None, stdin: IO[bytes] | None
) -> Iterator[DocumentResult | Mapping[str, Any]]:
    """The documents to compare: extracted from texts, or records as read."""
    if args.records:
        yield from read_records(args.inputs, stdin)
        return
    from quotecheck.inputs import read_documents
    from quotecheck.extractor import Extractor

    documents = read_documents(args.inputs, stdin)
    if texts is not None:
        documents = _remember_texts(documents, texts)
    yield from Extractor().process_many(documents, jobs=args.jobs)


def _remember_texts(documents: Iterator[Any], texts: dict[str, str]) -> Iterator[Any]:
    for item in documents:
        if not isinstance(item, DocumentResult) and isinstance(item[0], str):
            texts.setdefault(item[0], item[1])
        yield item


def _add(comparison: Comparison, result: DocumentResult | Mapping[str, Any], out: IO[bytes]) -> bool:
    """Add one document; write its error record instead when it cannot be used. True on error."""
    doc_id = result.id if isinstance(result, DocumentResult) else result.get("id")
    error = result.error if isinstance(result, DocumentResult) else result.get("error")
    if error is not None:
        out.write(_line({"id": doc_id, "error": dict(error)}))
        return True
    try:
        comparison.add(result)
    except InputError as problem:
        if isinstance(result, Mapping) and "_source" in result:
            detail = _error(str(problem), result.get("_line"), result["_source"])
        else:
            detail = {"type": "InputError", "message": str(problem)}
        out.write(_line({"id": doc_id, "error": detail}))
        return True
    return False


def _line(record: Mapping[str, Any]) -> bytes:
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record, ensure_ascii=True) + "\n").encode("ascii")


# -- records -------------------------------------------------------------------


def read_records(inputs: Sequence[str], stdin: IO[bytes] | None = None) -> Iterator[dict[str, Any]]:
    """The records of ``quotecheck extract`` output files, one per line, in order.

    Same file rules as ``extract`` (folders, ``-``). A line that is not a JSON
    object with a "quotes" list comes back as ``{"id", "error"}``; every record
    also carries ``_line`` and ``_source`` for error messages.
    """
    from quotecheck.inputs import Inputs  # extract's input rules: one implementation

    for name in Inputs(inputs).files:
        if name == "-":
            yield from _record_lines(stdin if stdin is not None else sys.stdin.buffer, "<stdin>")
            continue
        try:
            stream = open(name, "rb")
        except OSError as error:
            yield {"id": None, "error": _error(f"cannot read ({error.strerror or error})", None, name)}
            continue
        with stream:
            yield from _record_lines(stream, name)


def _record_lines(stream: IO[bytes], source: str) -> Iterator[dict[str, Any]]:
    for number, raw in enumerate(stream, start=1):
        yield _record(raw.rstrip(b"\r\n"), number, source)


def _record(raw: bytes, number: int, source: str) -> dict[str, Any]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return {"id": None, "error": _error(f"not valid UTF-8 (byte {error.start} of the line)", number, source)}
    if number == 1 and line.startswith(_BOM):
        line = line[1:]
    if not line.strip():
        return {"id": None, "error": _error("empty line", number, source)}
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        reason = error.msg if isinstance(error, json.JSONDecodeError) else "not usable JSON"
        return {"id": None, "error": _error(f"not valid JSON ({reason})", number, source)}
    if not isinstance(record, dict):
        return {"id": None, "error": _error(f"not a JSON object but {type(record).__name__}", number, source)}
    if "quotes" not in record and record.get("error") is None:
        reason = "has 'text' but no 'quotes': a document, not a record (leave out --records)" if "text" in record \
            else "has no 'quotes': not a record of quotecheck extract"
        return {"id": record.get("id"), "error": _error(reason, number, source)}
    record["_line"], record["_source"] = number, source
    return record


def _error(message: str, line: int | None, source: str) -> dict[str, Any]:
    where = f"{source} line {line}: " if line is not None else f"{source}: "
    detail: dict[str, Any] = {"type": "InputError", "message": where + message, "source": source}
    if line is not None:
        detail["line"] = line
    return detail


# -- the report ------------------------------------------------------------------


def _write_report(
    args: argparse.Namespace, groups: list[StatementGroup], texts: dict[str, str] | None, stdin: IO[bytes] | None
) -> None:
    from quotecheck.provenance.report import render

    if texts is None and args.texts:
        texts = _read_texts(args.texts, stdin)
    page = render(groups, texts or {})
    try:
        with open(args.html, "w", encoding="utf-8") as stream:
            stream.write(page)
    except OSError as error:
        raise UsageError(f"cannot write {args.html}: {error.strerror or error}") from None


def _read_texts(inputs: Sequence[str], stdin: IO[bytes] | None) -> dict[str, str]:
    from quotecheck.inputs import read_documents

    texts: dict[str, str] = {}
    for item in read_documents(inputs, stdin):
        if not isinstance(item, DocumentResult) and isinstance(item[0], str):
            texts.setdefault(item[0], item[1])
    return texts


def main(args: argparse.Namespace) -> int:
    """``run`` with usage errors printed the CLI's way (exit status 2)."""
    try:
        return run(args)
    except (UsageError, QuotecheckError) as error:
        print(f"quotecheck compare: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quotecheck compare: interrupted", file=sys.stderr)
        return 130
