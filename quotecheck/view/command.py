"""``quotecheck view INPUT... -o page.html``: look at what quotecheck found."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from quotecheck.errors import InputError, QuotecheckError
from quotecheck.model import DocumentResult
from quotecheck.records import check_quotes, read_records
from quotecheck.view.render import PageDocument, write_page

if TYPE_CHECKING:
    from quotecheck.extractor import Extractor

__all__ = ["DESCRIPTION", "register", "run"]

DESCRIPTION = """\
Write one self-contained HTML page (inline style and script, nothing fetched from
the network) with every document and its quotes: the text with each quote's
content highlighted by kind (direct, indirect, free indirect, reported), quotes
inside quotes drawn inside them, and the cue, speaker, addressee and sources
marked; beside it one card per quote with the speaker's name, the addressee and
the chain of sources (speaker → nearest source → …). Quotes with a "parent" are
shown inside their parent's card.

INPUT: the same inputs as "quotecheck extract" (.jsonl/.ndjson files of
{"id", "text"}, text files, folders, - for standard input); the extractor runs on
them (embedded backend). Records from "quotecheck extract" carry no text: to show
records you already have (another backend, other options), give them with
--records FILE and the documents they came from as INPUT; they are matched by id
and checked against the texts.

Keys on the page: j or the down arrow for the next quote, k or the up arrow for
the previous one; Tab moves between quotes too; clicking a highlight shows its
quote.

Exit status: 0 all documents shown, 1 some documents could not be read or had no
fitting record (they are on the page with the reason), 2 usage errors.
"""


def register(commands: Any) -> None:
    """Add the ``view`` subcommand to the CLI's subparsers."""
    parser = commands.add_parser(
        "view",
        help="write one HTML page showing documents with their quotes",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="documents, as for extract")
    parser.add_argument("-o", "--output", metavar="PAGE", required=True, help="the HTML file to write (- for stdout)")
    parser.add_argument(
        "--records", metavar="FILE",
        help="show these records of 'quotecheck extract' (matched to INPUT documents by id) instead of extracting",
    )
    parser.add_argument("--title", help="the page's title (default: quotecheck and the inputs)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the page; the exit status (0, 1 or 2)."""
    missing = [name for name in args.inputs if name != "-" and not os.path.exists(name)]
    if missing:
        return _usage(f"no such file or folder: {', '.join(missing)}")
    try:
        records = read_records(args.records) if args.records else None
        extractor = None if records is not None else _extractor()
    except (QuotecheckError, OSError) as error:
        return _usage(str(error))
    title = args.title or "quotecheck: " + ", ".join(args.inputs)
    used: set[str | None] = set()
    pair = _extracted(extractor) if extractor is not None else _recorded(records or {}, args.records, used)
    failed = [0]
    try:
        if args.output == "-":
            write_page(_documents(args.inputs, pair, failed), sys.stdout, title)
        else:
            with open(args.output, "w", encoding="utf-8") as out:
                write_page(_documents(args.inputs, pair, failed), out, title)
    except OSError as error:
        return _usage(f"cannot write {args.output}: {error.strerror or error}")
    if records is not None and len(used) < len(records):
        _warn(f"{len(records) - len(used)} records of {args.records} match no input document")
    return 1 if failed[0] else 0


#: Makes the page document of one input document ``(id, text)``.
_Pair = Callable[[Any, str], PageDocument]


def _documents(inputs: Sequence[str], pair: _Pair, failed: list[int]) -> Iterator[PageDocument]:
    """The page documents of the inputs, in order; ``failed[0]`` counts those with an error."""
    from quotecheck.cli import read_documents

    for item in read_documents(inputs):
        if isinstance(item, DocumentResult):  # the input could not be read
            page = PageDocument(item.id, "", (), (item.error or {}).get("message", "unreadable document"))
        else:
            page = pair(*item)
        failed[0] += page.error is not None
        yield page


def _extractor() -> Extractor:
    from quotecheck.extractor import Extractor

    return Extractor()


def _extracted(extractor: Extractor) -> _Pair:
    def pair(doc_id: Any, text: str) -> PageDocument:
        result = extractor.process(doc_id, text)
        error = None if result.error is None else result.error.get("message")
        return PageDocument(doc_id, text, [quote.to_dict() for quote in result.quotes], error)

    return pair


def _recorded(records: Mapping[str | None, Mapping[str, Any]], name: str, used: set[str | None]) -> _Pair:
    def pair(doc_id: Any, text: str) -> PageDocument:
        record = records.get(doc_id)
        if record is None:
            return PageDocument(doc_id, text, (), f"no record with this id in {name}")
        used.add(doc_id)
        quotes = record["quotes"]
        try:
            check_quotes(quotes, text, f"record {doc_id!r}")
        except InputError as error:
            return PageDocument(doc_id, text, (), str(error))
        failure = record.get("error")
        if failure:
            message = failure.get("message", failure) if isinstance(failure, dict) else failure
            return PageDocument(doc_id, text, quotes, str(message))
        return PageDocument(doc_id, text, quotes)

    return pair


def _usage(message: str) -> int:
    print(f"quotecheck view: error: {message}", file=sys.stderr)
    return 2


def _warn(message: str) -> None:
    try:
        sys.stderr.write(f"quotecheck: warning: {message}\n")
    except (OSError, ValueError):
        pass

