#!/usr/bin/env python3
"""Score statement groups and their conflicts against the event gold.

This is the executable form of the scoring rules in corpus/events/README.md
("Scoring"). A benchmark converts its own output to the small input format below
and calls `score`; the numbers it reports are then comparable across tools.

Input, one JSON object per line (one predicted group):

    {"quotes": [{"document": "ev02c-dpa", "spans": [[412, 471]]}, ...],
     "conflicts": ["speaker", "wording"]}

``spans`` are the predicted quote's content spans in that document's text;
``conflicts`` are the conflict types the tool flags on the group.

    python corpus/events/score.py predicted.jsonl       # print the scores
    python corpus/events/score.py --gold-as-prediction  # sanity check: all 1.0

Standard library only (Python 3.11). Run corpus/events/build.py first.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold.jsonl"
CONFLICTS = HERE / "conflicts.json"
CONFLICT_TYPES = ("speaker", "chain", "wording", "kind")

Span = tuple[int, int]
T = TypeVar("T")


@dataclass(frozen=True)
class PredictedQuote:
    document: str
    spans: tuple[Span, ...]


@dataclass
class PredictedGroup:
    quotes: list[PredictedQuote]
    conflicts: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class GoldQuote:
    id: str
    document: str
    spans: tuple[Span, ...]
    statement: str


@dataclass
class Gold:
    quotes: list[GoldQuote]
    conflicts: set[tuple[str, str]]  # (statement id, conflict type)

    @classmethod
    def load(cls, gold: Path = GOLD, conflicts: Path = CONFLICTS) -> Gold:
        quotes = []
        with gold.open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                for q in doc["quotes"]:
                    spans = tuple((a, b) for a, b in q["content"]["spans"])
                    quotes.append(GoldQuote(q["id"], doc["id"], spans, q["statement"]))
        data = json.loads(conflicts.read_text(encoding="utf-8"))
        pairs = {(c["statement"], c["type"]) for ev in data["events"] for c in ev["conflicts"]}
        return cls(quotes, pairs)


def overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters two span lists share."""
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


def _best(candidates: Iterable[tuple[int, int, T]]) -> T | None:
    """The candidate with the largest overlap, then the earliest start; None if nothing overlaps."""
    best = max(((o, -start, obj) for o, start, obj in candidates if o > 0), default=None, key=lambda t: t[:2])
    return None if best is None else best[2]


def match_gold(gold: Gold, groups: Sequence[PredictedGroup]) -> dict[str, int]:
    """Gold quote id -> index of the predicted group holding its best-overlapping predicted quote."""
    by_doc: dict[str, list[tuple[PredictedQuote, int]]] = {}
    for gi, group in enumerate(groups):
        for q in group.quotes:
            by_doc.setdefault(q.document, []).append((q, gi))
    out = {}
    for g in gold.quotes:
        cands = by_doc.get(g.document, [])
        hit = _best((overlap(g.spans, q.spans), q.spans[0][0], gi) for q, gi in cands)
        if hit is not None:
            out[g.id] = hit
    return out


def bcubed(gold: Gold, groups: Sequence[PredictedGroup]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the gold quotes.

    Each gold quote's predicted cluster is the group of its best-matching predicted
    quote; a gold quote no predicted quote overlaps is a cluster of its own.
    Predicted quotes that match no gold quote are extraction errors and do not
    enter the grouping score.
    """
    assignment = match_gold(gold, groups)
    pred_cluster = {g.id: assignment.get(g.id, f"alone:{g.id}") for g in gold.quotes}
    gold_members = Counter(g.statement for g in gold.quotes)
    pred_members = Counter(pred_cluster.values())
    both = Counter((g.statement, pred_cluster[g.id]) for g in gold.quotes)
    n = len(gold.quotes)
    p = sum(both[(g.statement, pred_cluster[g.id])] / pred_members[pred_cluster[g.id]] for g in gold.quotes) / n
    r = sum(both[(g.statement, pred_cluster[g.id])] / gold_members[g.statement] for g in gold.quotes) / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def label_groups(gold: Gold, groups: Sequence[PredictedGroup]) -> list[str | None]:
    """Each predicted group's gold statement: the one most of its quotes render.

    A predicted quote renders the statement of the gold quote in its document that it
    overlaps most. Ties go to the statement met first in the group; a group none of
    whose quotes overlaps a gold quote gets no statement.
    """
    by_doc: dict[str, list[GoldQuote]] = {}
    for g in gold.quotes:
        by_doc.setdefault(g.document, []).append(g)
    labels: list[str | None] = []
    for group in groups:
        votes: Counter[str] = Counter()
        order: list[str] = []
        for q in group.quotes:
            hit = _best((overlap(q.spans, g.spans), g.spans[0][0], g) for g in by_doc.get(q.document, []))
            if hit is not None:
                votes[hit.statement] += 1
                if hit.statement not in order:
                    order.append(hit.statement)
        labels.append(max(order, key=lambda s: (votes[s], -order.index(s))) if order else None)
    return labels


def conflict_scores(gold: Gold, groups: Sequence[PredictedGroup]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per conflict type over (statement, type) pairs, and all types together.

    A flag on a group with no gold statement is a false positive of its own; two
    groups with the same statement flagging the same type count once.
    """
    predicted: set[tuple[str, str]] = set()
    for i, (group, label) in enumerate(zip(groups, label_groups(gold, groups))):
        for ctype in group.conflicts:
            predicted.add((label if label is not None else f"unlabelled:{i}", ctype))
    out = {}
    for ctype in (*CONFLICT_TYPES, "all"):
        pred = {p for p in predicted if ctype in ("all", p[1])}
        ref = {p for p in gold.conflicts if ctype in ("all", p[1])}
        tp = len(pred & ref)
        p = tp / len(pred) if pred else 0.0
        r = tp / len(ref) if ref else 0.0
        out[ctype] = {
            "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "predicted": len(pred), "gold": len(ref), "correct": tp,
        }
    return out


def score(groups: Sequence[PredictedGroup], gold: Gold | None = None) -> dict[str, Any]:
    gold = gold or Gold.load()
    return {"grouping": bcubed(gold, groups), "conflicts": conflict_scores(gold, groups)}


def gold_as_prediction(gold: Gold) -> list[PredictedGroup]:
    """The gold statements as predicted groups, with their gold conflicts."""
    groups: dict[str, PredictedGroup] = {}
    for g in gold.quotes:
        groups.setdefault(g.statement, PredictedGroup([])).quotes.append(PredictedQuote(g.document, g.spans))
    for statement, ctype in gold.conflicts:
        groups[statement].conflicts.add(ctype)
    return list(groups.values())


def read_groups(path: Path) -> list[PredictedGroup]:
    groups = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                quotes = [
                    PredictedQuote(q["document"], tuple((int(a), int(b)) for a, b in q["spans"]))
                    for q in raw["quotes"]
                ]
                conflicts = set(raw.get("conflicts", []))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise SystemExit(f"{path}:{n}: not a predicted group ({exc})") from None
            unknown = conflicts - set(CONFLICT_TYPES)
            if unknown:
                raise SystemExit(f"{path}:{n}: unknown conflict types {sorted(unknown)}")
            groups.append(PredictedGroup(quotes, conflicts))
    return groups


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("predicted", nargs="?", type=Path, help="predicted groups, JSON lines")
    ap.add_argument("--gold-as-prediction", action="store_true", help="score the gold against itself")
    args = ap.parse_args(argv)
    if not GOLD.exists() or not CONFLICTS.exists():
        print("gold files missing; run corpus/events/build.py first", file=sys.stderr)
        return 1
    gold = Gold.load()
    if args.gold_as_prediction:
        groups = gold_as_prediction(gold)
    elif args.predicted:
        groups = read_groups(args.predicted)
    else:
        ap.error("give a predicted file or --gold-as-prediction")
    print(json.dumps(score(groups, gold), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
