"""Dump quotecheck's output on the corpus and a WikiNews folder, for byte comparison.

    python benchmarks/dump.py [--dataset DIR] [--drop FIELD ...] -o OUT.jsonl

A refactor must not change behaviour: dump before, dump after, ``cmp`` the two
files. The output holds one record per document (``corpus/gold.jsonl`` texts
first, then the ``*.json`` files of ``--dataset`` in file-name order), exactly as
``quotecheck extract`` writes them. ``--drop rule`` removes a field from every
quote (and from every role inside it) so that a version that adds a field can be
compared with one that does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotecheck import Extractor  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "corpus" / "gold.jsonl"


def documents(corpus: Path, dataset: Path | None) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of every corpus article, then of every dataset file."""
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                yield record["id"], record["text"]
    if dataset is not None:
        for path in sorted(dataset.glob("*.json")):
            yield path.name, json.loads(path.read_text(encoding="utf-8"))["originalText"]


def _drop(value: Any, fields: frozenset[str]) -> Any:
    """``value`` without the keys ``fields`` at any depth."""
    if isinstance(value, dict):
        return {k: _drop(v, fields) for k, v in value.items() if k not in fields}
    if isinstance(value, list):
        return [_drop(v, fields) for v in value]
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, help="a WikiNews dataset folder (e.g. its train split)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--drop", action="append", default=[], help="a quote field to leave out (repeatable)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    extractor = Extractor()
    fields = frozenset(args.drop)
    with args.output.open("w", encoding="utf-8") as out:
        for doc_id, text in documents(args.corpus, args.dataset):
            record = extractor.process(doc_id, text).to_dict()
            record["quotes"] = [_drop(q, fields) for q in record["quotes"]]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
