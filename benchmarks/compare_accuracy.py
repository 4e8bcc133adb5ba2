"""Accuracy of ``quotecheck.compare`` on the event clusters: grouping and conflicts.

    python benchmarks/compare_accuracy.py [--json OUT] [--errors]

The gold is ``corpus/events/`` (eight events, 34 articles, annotated before the
tool ran; definitions in ``corpus/events/README.md``), scored with that
corpus's own scorer, ``corpus/events/score.py``: B-cubed precision, recall and
F1 of the grouping over the gold quotes, and precision and recall of conflict
detection per type and over all types, as (statement, type) pairs. Two runs:

``system``
    ``extract`` on the 34 article texts, then one ``compare`` over all of them
    (each article's outlet given, as a user would know who published it).
    The scorer matches predicted quotes to gold quotes by content overlap.
``gold quotes``
    ``compare`` on the gold quotes themselves (their statement ids hidden from
    it, of course): grouping and conflict detection without extraction errors.

For the system run the script also prints the **extraction bound**: the
B-cubed score of a perfect grouping of the quotes the extractor found (each
extracted quote put in the group of the gold statement it overlaps most) —
what any grouping can reach on that extraction. ``--errors`` lists, per run,
the gold conflicts missed and the flags that are not in the gold.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotecheck import CompareConfig, Extractor, StatementGroup, compare  # noqa: E402

__all__ = ["load_scorer", "main", "predicted", "run_gold", "run_system"]

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "corpus" / "events" / "gold.jsonl"
SCORER = REPO / "corpus" / "events" / "score.py"


def load_scorer() -> ModuleType:
    """``corpus/events/score.py``, the gold's own scorer (a script, not a package)."""
    spec = importlib.util.spec_from_file_location("events_score", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SCORER}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def read_gold(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def predicted(scorer: ModuleType, groups: Sequence[StatementGroup]) -> list[Any]:
    """The groups in the scorer's form: each quote's document and content spans, the conflict types."""
    return [
        scorer.PredictedGroup(
            [scorer.PredictedQuote(r.document, tuple((s.start, s.end) for s in r.content.spans)) for r in g.renderings],
            {c.type for c in g.conflicts},
        )
        for g in groups
    ]


def errors(scorer: ModuleType, gold: Any, groups: Sequence[Any]) -> tuple[list, list]:
    """(missed gold conflicts, flags not in the gold) as sorted (statement, type) pairs."""
    flagged = set()
    for i, (group, label) in enumerate(zip(groups, scorer.label_groups(gold, groups))):
        flagged.update((label or f"unlabelled:{i}", t) for t in group.conflicts)
    return sorted(gold.conflicts - flagged), sorted(flagged - gold.conflicts)


def extraction_bound(scorer: ModuleType, gold: Any, records: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """B-cubed of the perfect grouping of the extracted quotes (see the module docstring)."""
    extractor = Extractor()
    singles = [
        scorer.PredictedGroup([scorer.PredictedQuote(r["id"], tuple((s.start, s.end) for s in q.content.spans))])
        for r in records
        for q in extractor.process(r["id"], r["text"]).quotes
    ]
    merged: dict[object, Any] = {}
    for n, (group, label) in enumerate(zip(singles, scorer.label_groups(gold, singles))):
        merged.setdefault(label if label is not None else n, scorer.PredictedGroup([])).quotes.extend(group.quotes)
    return dict(scorer.bcubed(gold, list(merged.values())))


def _hidden(record: Mapping[str, Any]) -> dict[str, Any]:
    """A gold record as compare may see it: no statement ids."""
    quotes = [{k: v for k, v in q.items() if k != "statement"} for q in record["quotes"]]
    return {"id": record["id"], "outlet": record.get("outlet"), "quotes": quotes}


def run_gold(records: Sequence[Mapping[str, Any]], config: CompareConfig) -> list[StatementGroup]:
    """``compare`` on the gold quotes."""
    return compare([_hidden(r) for r in records], config=config)


def run_system(records: Sequence[Mapping[str, Any]], config: CompareConfig) -> list[StatementGroup]:
    """``extract`` on the texts, then ``compare``."""
    extractor = Extractor()
    results = [extractor.process(r["id"], r["text"]) for r in records]
    outlets = {r["id"]: r["outlet"] for r in records if r.get("outlet")}
    return compare(results, config=config, outlets=outlets)


def _print(name: str, result: Mapping[str, Any], missed: list, spurious: list, show: bool) -> None:
    g = result["grouping"]
    print(f"\n{name}: {result['groups']} groups, {result['seconds']:.1f} s")
    print(f"  grouping B-cubed  P {g['precision']:.3f}  R {g['recall']:.3f}  F1 {g['f1']:.3f}")
    print("  conflicts      P      R     F1  flagged gold correct")
    for kind, c in result["conflicts"].items():
        print(f"  {kind:<8} {c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} {c['predicted']:8d} {c['gold']:4d} "
              f"{c['correct']:7d}")
    if show:
        for pair in missed:
            print(f"  missed    {pair[1]:<8} {pair[0]}")
        for pair in spurious:
            print(f"  spurious  {pair[1]:<8} {pair[0]}")


def main(argv: Sequence[str] | None = None) -> int:
    """Score both runs and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write all numbers to this JSON file")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious conflicts")
    parser.add_argument("--threshold", type=float, help="override CompareConfig.threshold")
    args = parser.parse_args(argv)
    scorer = load_scorer()
    gold = scorer.Gold.load()
    records = read_gold(GOLD)
    config = CompareConfig() if args.threshold is None else CompareConfig(threshold=args.threshold)
    print(f"{len(records)} articles, {len({r['id'].split('-')[0][:4] for r in records})} events, "
          f"{len(gold.quotes)} gold quotes, {len(gold.conflicts)} gold conflicts")
    bound = extraction_bound(scorer, gold, records)
    print(f"extraction bound (perfect grouping of the extracted quotes): B-cubed P {bound['precision']:.3f}  "
          f"R {bound['recall']:.3f}  F1 {bound['f1']:.3f}")
    report: dict[str, Any] = {"extraction bound": bound}
    for name, runner in (("system (extract + compare)", run_system), ("gold quotes (compare only)", run_gold)):
        start = time.perf_counter()
        groups = predicted(scorer, runner(records, config))
        result = scorer.score(groups, gold)
        result["groups"] = len(groups)
        result["seconds"] = round(time.perf_counter() - start, 2)
        missed, spurious = errors(scorer, gold, groups)
        _print(name, result, missed, spurious, args.errors)
        report[name] = {**result, "missed": missed, "spurious": spurious}
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
