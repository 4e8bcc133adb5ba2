"""Write quotecheck's predictions for a WikiNews dataset folder in the dataset's format.

    python benchmarks/export.py --dataset DIR --out DIR [--limit N]

One output file per dataset file (same name), for the dataset authors' own scorer
(``eval/eval.py`` of ``uhh-lt/german-news-quotation-attribution-2024``). The mapping
from our quote records to their scheme is :mod:`quotecheck.evaluate.export`
(documented in its docstring); ``quotecheck evaluate`` scores with our port of
their metric directly.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotecheck.evaluate.export import export_document, read_dataset, strip_private  # noqa: E402

__all__ = ["export_dataset", "main"]


def export_dataset(dataset: Path, out: Path, limit: int | None = None) -> int:
    """Run quotecheck on every dataset file and write its annotations to ``out``."""
    import quotecheck  # deferred: the exporter's functions work without the library

    extractor = quotecheck.Extractor()
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path, doc in read_dataset(dataset, limit):
        count += 1
        text = doc["originalText"]
        quotes = [q.to_dict() for q in extractor.extract(text)]
        annotations = strip_private(export_document(quotes, doc["tokens"], text))
        record = {"documentName": doc["documentName"], "annotations": annotations}
        (out / path.name).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return count


def main(argv: Sequence[str] | None = None) -> int:
    """``python benchmarks/export.py --dataset DIR --out DIR``."""
    parser = argparse.ArgumentParser(
        description="Write quotecheck's predictions for a WikiNews quotation dataset folder "
        "in the dataset's own format (same file names), for the authors' eval/eval.py."
    )
    parser.add_argument("--dataset", type=Path, required=True, help="folder of dataset *.json files")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    args = parser.parse_args(argv)
    if not args.dataset.is_dir():
        print(f"error: not a folder: {args.dataset}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    count = export_dataset(args.dataset, args.out, args.limit)
    print(f"wrote {count} files to {args.out} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
