"""Accuracy of quotecheck against gold quotes, next to a naive baseline.

    python benchmarks/accuracy.py [--dataset DIR] [--corpus PATH] [--json OUT] [--limit N]

With ``--dataset`` it scores every ``*.json`` of a WikiNews quotation dataset folder
(Petersen-Frey & Biemann, LREC-COLING 2024) on the dataset's own tokens; without
it, our corpus ``corpus/gold.jsonl`` on ``quotecheck.text.tokenize`` tokens. Both
gold and predictions go through the same exporter (:mod:`benchmarks.export`) and
the published metric (:mod:`benchmarks.metric`), full and simplified. For our
corpus it also reports speaker-name accuracy, source accuracy and recall per
phenomenon tag. The baseline is :mod:`benchmarks.baseline`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import baseline  # noqa: E402
from benchmarks.export import export_document, read_dataset, tokens_from_quotecheck  # noqa: E402
from benchmarks.metric import Annotation, DocumentResult, Scorer, from_dataset  # noqa: E402

__all__ = ["Document", "evaluate", "main"]

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "corpus" / "gold.jsonl"

System = Callable[[str], list[dict[str, Any]]]


class Document:
    """One gold document: text, tokens (dataset-style dicts) and gold annotations."""

    def __init__(
        self,
        name: str,
        text: str,
        tokens: list[dict[str, Any]],
        gold: list[Annotation],
        contract: list[dict[str, Any]] | None = None,
    ) -> None:
        self.name = name
        self.text = text
        self.tokens = tokens
        self.gold = gold
        #: Our corpus only: the gold contract quotes (with "phenomena").
        self.contract = contract


def load_dataset(folder: Path, limit: int | None = None) -> Iterator[Document]:
    """Documents of a WikiNews dataset folder, in file-name order."""
    for path, doc in read_dataset(folder, limit):
        gold = [from_dataset(a) for a in doc["annotations"]]
        yield Document(path.name, doc["originalText"], doc["tokens"], gold)


def load_corpus(path: Path, limit: int | None = None) -> Iterator[Document]:
    """Documents of our gold.jsonl, tokenised by quotecheck."""
    from quotecheck.text import tokenize

    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if limit is not None and number > limit:
                break
            if not line.strip():
                continue
            record = json.loads(line)
            text = record["text"]
            tokens = tokens_from_quotecheck(tokenize(text))
            quotes = record.get("quotes", [])
            gold = _annotations(export_document(quotes, tokens, text))
            yield Document(record.get("id", f"line {number}"), text, tokens, gold, quotes)


def _annotations(exported: list[dict[str, Any]]) -> list[Annotation]:
    return [from_dataset(a, ref=(a["ref"], a["fragment"])) for a in exported]


class Run:
    """Scores of one system over all documents."""

    def __init__(self, name: str, system: System, corpus: bool) -> None:
        self.name = name
        self.system = system
        self.corpus = corpus
        self.full = Scorer()
        self.simplified = Scorer(simplified=True)
        self.seconds = 0.0
        self.errors: list[str] = []
        self.system_quotes = 0
        self.matched = 0
        self.speaker_name_ok = 0
        self.sources_ok = 0
        self.phenomena: dict[str, list[int]] = {}  # tag -> [found, total]

    def add(self, doc: Document) -> None:
        started = time.perf_counter()
        try:
            predicted = self.system(doc.text)
        except Exception as error:  # keep going: one bad document must not end the run
            self.errors.append(f"{doc.name}: {type(error).__name__}: {error}")
            predicted = []
        self.seconds += time.perf_counter() - started
        self.system_quotes += len(predicted)
        system = _annotations(export_document(predicted, doc.tokens, doc.text))
        result = self.full.add(system, doc.gold)
        self.simplified.add(system, doc.gold)
        if doc.contract is not None:
            self._corpus_checks(result, predicted, doc.contract)

    def _corpus_checks(
        self, result: DocumentResult, predicted: list[dict[str, Any]], gold: list[dict[str, Any]]
    ) -> None:
        found: set[int] = set()
        for pair in result.pairs:
            if pair.system is None or pair.gold is None or pair.overlap <= 0.0:
                continue
            (sys_ref, sys_fragment), (gold_ref, gold_fragment) = pair.system.ref, pair.gold.ref
            if sys_fragment or gold_fragment:
                continue
            found.add(gold_ref)
            ours, theirs = predicted[sys_ref], gold[gold_ref]
            self.matched += 1
            self.speaker_name_ok += _speaker_name(ours) == _speaker_name(theirs)
            self.sources_ok += _source_names(ours) == _source_names(theirs)
        for number, quote in enumerate(gold):
            for tag in quote.get("phenomena") or ():
                counts = self.phenomena.setdefault(tag, [0, 0])
                counts[0] += number in found
                counts[1] += 1

    def to_dict(self) -> dict[str, Any]:
        """The collected scores as plain values, for ``--json``."""
        out: dict[str, Any] = {
            "full": self.full.result().to_dict(),
            "simplified": self.simplified.result().to_dict(),
            "elapsed_seconds": self.seconds,
            "system_quotes": self.system_quotes,
            "errors": self.errors,
        }
        if self.corpus:
            out["matched_top_level"] = self.matched
            out["speaker_name_accuracy"] = _ratio(self.speaker_name_ok, self.matched)
            out["source_accuracy"] = _ratio(self.sources_ok, self.matched)
            out["recall_by_phenomenon"] = {
                tag: {"recall": _ratio(hit, total), "gold": total}
                for tag, (hit, total) in sorted(self.phenomena.items())
            }
        return out


def _speaker_name(quote: Mapping[str, Any]) -> str | None:
    speaker = quote.get("speaker")
    return speaker.get("name") if speaker else None


def _source_names(quote: Mapping[str, Any]) -> list[str | None]:
    return [source.get("name") for source in quote.get("sources") or ()]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _quotecheck_system() -> System:
    import quotecheck

    extractor = quotecheck.Extractor()
    return lambda text: [quote.to_dict() for quote in extractor.extract(text)]


def evaluate(documents: Sequence[Document], systems: Mapping[str, System], corpus: bool) -> dict[str, Run]:
    """Score every system on every document."""
    runs = {name: Run(name, system, corpus) for name, system in systems.items()}
    for doc in documents:
        for run in runs.values():
            run.add(doc)
    return runs


def _fmt(value: float | None) -> str:
    return "   –  " if value is None else f"{value:6.3f}"


def _margin(a: float | None, b: float | None) -> str:
    return "      " if a is None or b is None else f"{a - b:+6.3f}"


def render(report: dict[str, Any]) -> str:
    """A readable side-by-side table of the report."""
    names = list(report["systems"])
    runs = [report["systems"][n] for n in names]
    two = len(runs) == 2
    header = f"{'':28}" + "".join(f"{n[:12]:>12}" for n in names) + (f"{'margin':>12}" if two else "")
    lines = [
        f"Accuracy on {report['source']}: {report['documents']} documents, "
        f"{report['gold_quotes']} gold quotes ({report['gold_quotes_top_level']} not nested)",
        "",
        header,
    ]

    def row(label: str, values: list[float | None]) -> None:
        cells = "".join(f"{_fmt(v):>12}" for v in values)
        extra = f"{_margin(values[0], values[1]):>12}" if two else ""
        lines.append(f"{label:28}{cells}{extra}")

    for setting in ("full", "simplified"):
        lines.append(f"-- {setting} --")
        for measure, label in (("message", "Message"), ("roles", "Roles"), ("joint", "Joint")):
            for key, short in (("precision", "P"), ("recall", "R"), ("f1", "F1")):
                row(f"  {label} {short}", [r[setting][measure][key] for r in runs])
        for key, short in (("precision", "P"), ("recall", "R"), ("f1", "F1")):
            row(f"  Type {short}", [r[setting]["type"][key] for r in runs])
    lines.append("-- recall per gold type (pair overlap > 0) --")
    gold_by_type = runs[0]["full"]["gold_by_type"]
    for label, count in gold_by_type.items():
        row(f"  {label} ({count})", [r["full"]["recall_by_type"].get(label) for r in runs])
    if "speaker_name_accuracy" in runs[0]:
        lines.append("-- matched top-level quotes --")
        lines.append(f"{'  matched (count)':28}" + "".join(f"{r['matched_top_level']:>12}" for r in runs))
        row("  speaker name accuracy", [r["speaker_name_accuracy"] for r in runs])
        row("  source accuracy", [r["source_accuracy"] for r in runs])
        lines.append("-- recall per phenomenon --")
        for tag, info in runs[0]["recall_by_phenomenon"].items():
            row(f"  {tag[:20]} ({info['gold']})", [r["recall_by_phenomenon"].get(tag, {}).get("recall") for r in runs])
    lines.append("-- counts --")
    lines.append(f"{'  system quotes':28}" + "".join(f"{r['system_quotes']:>12}" for r in runs))
    row("  elapsed seconds", [r["elapsed_seconds"] for r in runs])
    for name, run in zip(names, runs):
        if run["errors"]:
            lines.append(f"{name}: {len(run['errors'])} documents failed, first: {run['errors'][0]}")
    lines.append(f"total elapsed: {report['elapsed_seconds']:.1f}s")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 on success, 1 when quotecheck could not run, 2 on bad input."""
    parser = argparse.ArgumentParser(description="Score quotecheck and a naive baseline against gold quotes.")
    parser.add_argument("--dataset", type=Path, help="WikiNews quotation dataset folder (*.json)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="our gold.jsonl (default: %(default)s)")
    parser.add_argument("--json", type=Path, help="also write all numbers to this JSON file")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if args.dataset is not None:
        if not args.dataset.is_dir():
            print(f"error: not a folder: {args.dataset}", file=sys.stderr)
            return 2
        source = str(args.dataset)
        documents = list(load_dataset(args.dataset, args.limit))
    else:
        if not args.corpus.is_file():
            print(f"error: no such file: {args.corpus} (build it with corpus/build.py)", file=sys.stderr)
            return 2
        source = str(args.corpus)
        documents = list(load_corpus(args.corpus, args.limit))
    if not documents:
        print(f"error: no documents in {source}", file=sys.stderr)
        return 2

    systems: dict[str, System] = {}
    status = 0
    try:
        systems["quotecheck"] = _quotecheck_system()
    except Exception:  # report and still score the baseline
        print("quotecheck could not be loaded; scoring the baseline only:", file=sys.stderr)
        traceback.print_exc()
        status = 1
    systems["baseline"] = baseline.extract

    runs = evaluate(documents, systems, corpus=args.dataset is None)
    report = {
        "source": source,
        "documents": len(documents),
        "gold_quotes": sum(len(d.gold) for d in documents),
        "gold_quotes_top_level": sum(1 for d in documents for g in d.gold if not g.nested),
        "systems": {name: run.to_dict() for name, run in runs.items()},
        "elapsed_seconds": time.perf_counter() - started,
    }
    print(render(report))
    if args.json is not None:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
