"""Konjunktiv recognition against the labelled finite verbs of ``tests/data/mood_gold.tsv``.

    python benchmarks/mood.py [--gold PATH] [--errors]

Each gold row names a finite verb in a sentence written for the project and its
mood (subj1, subj2, ind). The verb's mood is predicted as in real use by
:func:`quotecheck.morph.mood_at` (its clause, its subject found by position, then
:func:`~quotecheck.morph.finite_mood`); :func:`~quotecheck.morph.clause_mood` is
scored separately on whether it finds the gold verb as its clause's finite verb and
gives the right binary mood. Prints the confusion matrix, precision/recall/F1 per
label and for the binary task subjunctive (subj1+subj2) against indicative.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterator, NamedTuple, Sequence

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotecheck.analysis import EmbeddedBackend  # noqa: E402
from quotecheck.lexicon import load_lexicon  # noqa: E402
from quotecheck.morph import clause_at, clause_mood, mood_at  # noqa: E402

__all__ = ["GoldVerb", "Prediction", "evaluate", "load_gold", "main", "scores"]

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "tests" / "data" / "mood_gold.tsv"
LABELS = ("subj1", "subj2", "ind")


class GoldVerb(NamedTuple):
    """One labelled finite verb: the ``occurrence``-th word token ``verb`` of ``sentence``."""

    line: int
    sentence: str
    verb: str
    occurrence: int
    label: str


class Prediction(NamedTuple):
    """What the mood rules said about one gold verb, kept to list the errors."""

    gold: GoldVerb
    mood: str | None  # finite_mood via mood_at: subj1 / subj2 / ind / None
    clause_verb_found: bool  # clause_mood picked the gold verb
    clause_mood: str | None  # "subjunctive" / "indicative" / None


def load_gold(path: Path = DEFAULT_GOLD) -> list[GoldVerb]:
    """Read the gold TSV (``#`` comments, a header row); raise ValueError on a bad line."""
    rows: list[GoldVerb] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if fields == ["sentence", "verb", "occurrence", "label"]:
            continue
        if len(fields) != 4 or fields[3] not in LABELS or not fields[2].isdigit():
            raise ValueError(f"{path}, line {number}: expected sentence, verb, occurrence, label: {raw!r}")
        rows.append(GoldVerb(number, fields[0], fields[1], int(fields[2]), fields[3]))
    return rows


def _token_index(doc, verb: str, occurrence: int) -> int:
    seen = 0
    for i, token in enumerate(doc.tokens):
        if token.text == verb:
            seen += 1
            if seen == occurrence:
                return i
    raise ValueError(f"{verb!r} does not occur {occurrence} times")


def evaluate(gold: Sequence[GoldVerb]) -> Iterator[Prediction]:
    """Predict every gold verb; sentences are analysed once each."""
    backend = EmbeddedBackend()
    lexicon = load_lexicon()
    docs = {}
    for row in gold:
        doc = docs.get(row.sentence)
        if doc is None:
            doc = docs[row.sentence] = backend.analyse(row.sentence)
        index = _token_index(doc, row.verb, row.occurrence)
        start, end = clause_at(doc, lexicon, index)
        binary, verb = clause_mood(doc, lexicon, start, end)
        yield Prediction(row, mood_at(doc, lexicon, index), verb == index, binary)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(predictions: Sequence[Prediction]) -> dict[str, tuple[float, float, float]]:
    """P/R/F1 per label and for ``"subjunctive"`` (subj1+subj2 against ind); None counts as ind."""
    result = {}
    for label in LABELS:
        tp = sum(p.gold.label == label and p.mood == label for p in predictions)
        fp = sum(p.gold.label != label and p.mood == label for p in predictions)
        fn = sum(p.gold.label == label and p.mood != label for p in predictions)
        result[label] = _prf(tp, fp, fn)
    subj = ("subj1", "subj2")
    tp = sum(p.gold.label in subj and p.mood in subj for p in predictions)
    fp = sum(p.gold.label not in subj and p.mood in subj for p in predictions)
    fn = sum(p.gold.label in subj and p.mood not in subj for p in predictions)
    result["subjunctive"] = _prf(tp, fp, fn)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Print the confusion matrix and scores; 0 on success, 2 on a bad gold file."""
    parser = argparse.ArgumentParser(description="Score Konjunktiv recognition on the labelled verbs.")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold TSV (default: %(default)s)")
    parser.add_argument("--errors", action="store_true", help="list every wrongly labelled verb")
    args = parser.parse_args(argv)
    try:
        gold = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    predictions = list(evaluate(gold))
    elapsed = time.perf_counter() - started

    columns = LABELS + ("None",)
    confusion = Counter((p.gold.label, p.mood or "None") for p in predictions)
    print(f"{len(predictions)} finite verbs in {len({g.sentence for g in gold})} sentences ({args.gold})")
    print("\nconfusion (rows = gold, columns = predicted)")
    print(f"{'':8}" + "".join(f"{c:>8}" for c in columns))
    for label in LABELS:
        print(f"{label:8}" + "".join(f"{confusion[(label, c)]:>8}" for c in columns))
    print(f"\n{'':12}{'P':>7}{'R':>7}{'F1':>7}")
    for label, (p, r, f) in scores(predictions).items():
        print(f"{label:12}{p:7.3f}{r:7.3f}{f:7.3f}")
    found = sum(p.clause_verb_found for p in predictions)
    binary_ok = sum(
        p.clause_verb_found and p.clause_mood == ("subjunctive" if p.gold.label != "ind" else "indicative")
        for p in predictions
    )
    print(f"\nclause_mood finds the gold verb: {found}/{len(predictions)} ({found / len(predictions):.3f}); "
          f"and its binary mood is right: {binary_ok}/{found}")
    print(f"time: {elapsed * 1000:.0f} ms including analysis")
    if args.errors:
        print("\nerrors (line, gold, predicted, verb, sentence)")
        for p in predictions:
            if p.mood != p.gold.label:
                print(f"{p.gold.line}\t{p.gold.label}\t{p.mood}\t{p.gold.verb}\t{p.gold.sentence}")
        print("\nclause_mood misses (line, verb, sentence)")
        for p in predictions:
            if not p.clause_verb_found:
                print(f"{p.gold.line}\t{p.gold.verb}\t{p.gold.sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
