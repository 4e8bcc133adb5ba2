"""Accuracy of ``quotecheck.compare`` on the event clusters: grouping and conflicts.

    python benchmarks/compare_accuracy.py [--gold corpus/events/gold.jsonl]
        [--conflicts corpus/events/conflicts.json] [--json OUT] [--errors]

The gold (``corpus/events/``, annotated before the tool ran) has, per article,
the quote contract's records plus ``statement`` on every quote and the
article's ``outlet``; ``conflicts.json`` lists the gold conflicts as
``{"statement", "type", "renderings", "note"}``. Two runs are scored:

``system``
    ``extract`` on the article texts, then ``compare`` (each article's outlet
    given, as a user would know who published it). System quotes are mapped to
    gold quotes of the same article by content overlap (:func:`match_quotes`):
    one to one, greedily by character Dice, a pair counting when the shared
    characters cover at least half of the shorter content.
``gold quotes``
    ``compare`` on the gold quotes themselves: grouping and conflict detection
    without extraction errors.

Grouping is scored with B-cubed precision, recall and F1 over the gold quotes
(Bagga & Baldwin 1998; Amigó et al. 2009): a gold quote's system cluster is
the set of gold quotes mapped into the same system group (just itself when no
system quote matched it). Conflicts are scored as (statement, type) pairs: a
system group stands for the gold statement most of its matched quotes render;
a conflict of a group with no matched quote counts as a false positive of its
own. Precision and recall per type and over all types.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotecheck import CompareConfig, Extractor, StatementGroup, compare  # noqa: E402
from quotecheck.provenance.model import CONFLICT_TYPES  # noqa: E402

__all__ = ["b_cubed", "conflict_pairs", "gold_conflicts", "main", "match_quotes", "score", "score_conflicts"]

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "corpus" / "events" / "gold.jsonl"
DEFAULT_CONFLICTS = REPO / "corpus" / "events" / "conflicts.json"

QuoteKey = tuple[str, str]
"""(document id, quote id)."""


def read_gold(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def gold_conflicts(path: Path) -> list[dict[str, Any]]:
    """The gold conflicts: a JSON list, or an object with a "conflicts" list."""
    with open(path, encoding="utf-8") as stream:
        data = json.load(stream)
    return list(data["conflicts"] if isinstance(data, Mapping) else data)


def _chars(quote: Mapping[str, Any]) -> set[int]:
    return {i for start, end in quote["content"]["spans"] for i in range(start, end)}


def match_quotes(gold: Sequence[Mapping[str, Any]], system: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """System quote id → gold quote id for one document, one to one, by content overlap."""
    gold_chars = [(_chars(g), g["id"]) for g in gold]
    pairs = []
    for s in system:
        s_chars = _chars(s)
        for g_chars, g_id in gold_chars:
            shared = len(s_chars & g_chars)
            if shared and 2 * shared >= min(len(s_chars), len(g_chars)):
                pairs.append((2 * shared / (len(s_chars) + len(g_chars)), s["id"], g_id))
    matched: dict[str, str] = {}
    used: set[str] = set()
    for _, s_id, g_id in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if s_id not in matched and g_id not in used:
            matched[s_id] = g_id
            used.add(g_id)
    return matched


def b_cubed(gold_of: Mapping[QuoteKey, str], group_of: Mapping[QuoteKey, str]) -> dict[str, float]:
    """B-cubed P/R/F1 over the gold quotes; ``group_of`` maps matched gold quotes to system groups."""
    by_statement: dict[str, set[QuoteKey]] = {}
    for key, statement in gold_of.items():
        by_statement.setdefault(statement, set()).add(key)
    by_group: dict[str, set[QuoteKey]] = {}
    for key, group in group_of.items():
        by_group.setdefault(group, set()).add(key)
    precision = recall = 0.0
    for key, statement in gold_of.items():
        gold_cluster = by_statement[statement]
        system_cluster = by_group[group_of[key]] if key in group_of else {key}
        both = len(gold_cluster & system_cluster)
        precision += both / len(system_cluster)
        recall += both / len(gold_cluster)
    n = len(gold_of) or 1
    p, r = precision / n, recall / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def conflict_pairs(
    groups: Iterable[StatementGroup], gold_of: Mapping[QuoteKey, str], to_gold: Mapping[QuoteKey, QuoteKey]
) -> set[tuple[str, str]]:
    """The system's (statement, type) pairs: each group stands for its majority gold statement."""
    found = set()
    for group in groups:
        if not group.conflicts:
            continue
        statements = Counter(
            gold_of[to_gold[key]]
            for key in ((r.document or "", r.quote) for r in group.renderings)
            if key in to_gold
        )
        statement = min(statements, key=lambda s: (-statements[s], s)) if statements else f"?{group.id}"
        found.update((statement, c.type) for c in group.conflicts)
    return found


def score_conflicts(found: set[tuple[str, str]], gold: set[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Precision and recall per conflict type and over all types."""
    result = {}
    for kind in (*CONFLICT_TYPES, "all"):
        f = {p for p in found if kind == "all" or p[1] == kind}
        g = {p for p in gold if kind == "all" or p[1] == kind}
        hit = len(f & g)
        result[kind] = {
            "precision": hit / len(f) if f else (1.0 if not g else 0.0),
            "recall": hit / len(g) if g else 1.0,
            "system": len(f),
            "gold": len(g),
            "correct": hit,
        }
    return result


def score(
    groups: Sequence[StatementGroup],
    gold_records: Sequence[Mapping[str, Any]],
    gold_pairs: set[tuple[str, str]],
    to_gold: Mapping[QuoteKey, QuoteKey],
) -> dict[str, Any]:
    """B-cubed grouping and conflict P/R for one run."""
    gold_of = {(r["id"], q["id"]): q["statement"] for r in gold_records for q in r["quotes"]}
    group_of = {}
    for group in groups:
        for rendering in group.renderings:
            key = to_gold.get((rendering.document or "", rendering.quote))
            if key is not None:
                group_of[key] = group.id
    found = conflict_pairs(groups, gold_of, to_gold)
    return {
        "grouping": b_cubed(gold_of, group_of),
        "conflicts": score_conflicts(found, gold_pairs),
        "matched": len(group_of),
        "gold_quotes": len(gold_of),
        "groups": len(groups),
        "missed": sorted(gold_pairs - found),
        "spurious": sorted(found - gold_pairs),
    }


def run_gold(records: Sequence[Mapping[str, Any]], config: CompareConfig) -> tuple[list[StatementGroup], dict]:
    groups = compare(records, config=config)
    identity = {(r["id"], q["id"]): (r["id"], q["id"]) for r in records for q in r["quotes"]}
    return groups, identity


def run_system(records: Sequence[Mapping[str, Any]], config: CompareConfig) -> tuple[list[StatementGroup], dict]:
    extractor = Extractor()
    results = [extractor.process(r["id"], r["text"]) for r in records]
    outlets = {r["id"]: r["outlet"] for r in records if r.get("outlet")}
    groups = compare(results, config=config, outlets=outlets)
    to_gold = {}
    for record, result in zip(records, results):
        matched = match_quotes(record["quotes"], [q.to_dict() for q in result.quotes])
        to_gold.update({(record["id"], s): (record["id"], g) for s, g in matched.items()})
    return groups, to_gold


def _gold_pairs(records: Sequence[Mapping[str, Any]], conflicts: Sequence[Mapping[str, Any]]) -> set[tuple[str, str]]:
    statements = {q["statement"] for r in records for q in r["quotes"]}
    pairs = {(c["statement"], c["type"]) for c in conflicts}
    unknown = {s for s, _ in pairs if s not in statements}
    if unknown:
        raise SystemExit(f"conflicts name statements no quote has: {sorted(unknown)}")
    return pairs


def _print(name: str, result: Mapping[str, Any], errors: bool) -> None:
    g = result["grouping"]
    print(f"\n{name}: {result['matched']}/{result['gold_quotes']} gold quotes matched, {result['groups']} groups")
    print(f"  grouping B-cubed  P {g['precision']:.3f}  R {g['recall']:.3f}  F1 {g['f1']:.3f}")
    print("  conflicts           P      R    system gold correct")
    for kind, c in result["conflicts"].items():
        print(f"  {kind:<12} {c['precision']:6.3f} {c['recall']:6.3f} {c['system']:6d} {c['gold']:5d} {c['correct']:5d}")
    if errors:
        for pair in result["missed"]:
            print(f"  missed   {pair[0]} {pair[1]}")
        for pair in result["spurious"]:
            print(f"  spurious {pair[0]} {pair[1]}")


def main(argv: Sequence[str] | None = None) -> int:
    """Score both runs and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="event gold (default: %(default)s)")
    parser.add_argument("--conflicts", type=Path, default=DEFAULT_CONFLICTS, help="gold conflicts (default: %(default)s)")
    parser.add_argument("--json", type=Path, help="also write all numbers to this JSON file")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious conflicts")
    parser.add_argument("--threshold", type=float, help="override CompareConfig.threshold")
    args = parser.parse_args(argv)
    records = read_gold(args.gold)
    pairs = _gold_pairs(records, gold_conflicts(args.conflicts))
    config = CompareConfig() if args.threshold is None else CompareConfig(threshold=args.threshold)
    events = len({r.get("event") for r in records})
    print(f"{len(records)} articles, {events} events, "
          f"{sum(len(r['quotes']) for r in records)} gold quotes, {len(pairs)} gold conflicts")
    report = {}
    for name, runner in (("system (extract + compare)", run_system), ("gold quotes (compare only)", run_gold)):
        start = time.perf_counter()
        groups, to_gold = runner(records, config)
        result = score(groups, records, pairs, to_gold)
        result["seconds"] = round(time.perf_counter() - start, 3)
        _print(name, result, args.errors)
        report[name] = result
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
