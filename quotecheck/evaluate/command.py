"""``quotecheck evaluate``: score quotecheck against your own annotated quotes."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from quotecheck.errors import InputError
from quotecheck.evaluate import FORMATS, detect_format, evaluate, load_gold, render
from quotecheck.records import read_records

__all__ = ["DESCRIPTION", "register", "run"]

DESCRIPTION = """\
Score quote extraction against gold annotations with the published metric of the
German news quotation-attribution dataset (Petersen-Frey & Biemann, LREC-COLING
2024): quotes are paired one-to-one by token overlap, then Message (the quote span),
Roles (cue, frame, speaker, addressee) and Joint precision, recall and F1 are
token-level macro averages over the pairs.

GOLD, --format contract (the default for any file but .json): JSON lines, one
document per line, as quotecheck extract writes them plus the text:
  {"id": ..., "text": ..., "quotes": [QUOTE, ...], "section": ... (optional)}
Over the matched top-level quotes it also reports speaker name accuracy (equal
canonical "name") and source chain accuracy (the list of source names equal, in
order), over all matched quotes and over those whose gold has a source; relation
accuracy where both sides give a source "relation"; all of them per "section" too
when gold records carry one. Recall is given per kind (and per "phenomena" tag).

GOLD, --format wikinews (the default for a folder or a .json file): the dataset's
own files (originalText, tokens, annotations), scored on their tokens; the id of a
document is its file name. That format names no speakers and has no sources.

System output: by default the extractor runs on the gold texts (embedded backend);
--system FILE takes records written by "quotecheck extract" instead (for any
backend or options), matched to gold documents by id and checked against the gold
texts. --errors lists every missed and spurious quote, wrong speaker (WikiNews:
speaker tokens not overlapping the gold's), wrong chain and wrong relation.

Exit status: 0 done, 1 done but the system failed on some documents (scored as
having no quotes), 2 unreadable gold or system records.
"""


def register(commands: Any) -> None:
    """Add the ``evaluate`` subcommand to the CLI's subparsers."""
    parser = commands.add_parser(
        "evaluate",
        help="score quote extraction against your own gold annotations",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", metavar="GOLD", help="gold JSON lines (contract) or a WikiNews folder / .json file")
    parser.add_argument(
        "--format", choices=FORMATS,
        help="gold format (default: wikinews for a folder or .json file, contract otherwise)",
    )
    parser.add_argument(
        "--system", metavar="FILE",
        help="records from 'quotecheck extract' run on the gold texts (default: run the extractor now)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("--errors", action="store_true", help="list every quote error after the figures")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Evaluate and print the report; the exit status (0, 1 or 2)."""
    gold_path = Path(args.gold)
    format = args.format or detect_format(gold_path)
    try:
        gold = load_gold(gold_path, format)
        if not gold:
            raise InputError("no gold documents", source=args.gold)
        system = read_records(args.system) if args.system else None
        evaluation = evaluate(gold, system, errors=args.errors)
    except InputError as error:
        print(f"quotecheck evaluate: error: {error}", file=sys.stderr)
        return 2
    report: dict[str, Any] = {
        "gold": args.gold,
        "format": format,
        "system": args.system or f"quotecheck {_version()}",
        **evaluation.report(),
    }
    text = json.dumps(report, ensure_ascii=False, indent=2) if args.json else render(report)
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # | head: stop quietly
        _quiet_stdout()
    return 1 if evaluation.failed else 0


def _version() -> str:
    from quotecheck import __version__

    return str(__version__)


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush stays silent."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
