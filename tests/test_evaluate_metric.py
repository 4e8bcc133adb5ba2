"""Tests for quotecheck.evaluate.metric, the published quotation-attribution metric."""

from __future__ import annotations

import itertools
import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.evaluate.metric import (
    Annotation,
    Scorer,
    assign,
    from_dataset,
    linear_sum_assignment,
    score,
    token_f1,
)
from tests.strategies import examples

DATASET = Path(
    os.environ.get(
        "QUOTECHECK_WIKINEWS",
        Path(__file__).resolve().parents[2] / "shared" / "datasets" / "wikinews-quotes-de" / "train",
    )
)


def q(quote, type="Indirect", speaker=(), cue=(), frame=(), addressee=(), nested=False):
    return Annotation(
        type=type,
        quote=set(quote),
        speaker=set(speaker),
        cue=set(cue),
        frame=set(frame),
        addressee=set(addressee),
        nested=nested,
    )


def prf(scores, measure):
    value = getattr(scores, measure)
    return value.precision, value.recall, value.f1


GOLD_DOC = [
    q(range(1, 11), speaker={20, 21}, cue={22}, frame={20, 21, 22}),
    q(range(30, 36), type="Direct", speaker={40}, cue={41}, frame={40, 41}, addressee={42}),
    q({32, 33}, type="Direct", speaker={40}, nested=True),
]


# --- perfect, empty ---------------------------------------------------------------------


@pytest.mark.parametrize("simplified", [False, True])
@pytest.mark.parametrize("measure", ["message", "roles", "joint", "type"])
def test_perfect_prediction_scores_one(simplified, measure):
    scores = score([(GOLD_DOC, GOLD_DOC)], simplified=simplified)
    assert prf(scores, measure) == pytest.approx((1.0, 1.0, 1.0))


@pytest.mark.parametrize("measure", ["message", "roles", "joint", "type"])
def test_empty_prediction_has_zero_recall_and_undefined_precision_as_zero(measure):
    # No system quote: no precision is defined anywhere. The original script divides
    # by zero here; we report 0.0 (as its seq2seq variant does).
    scores = score([([], GOLD_DOC)])
    assert prf(scores, measure) == (0.0, 0.0, 0.0)
    assert scores.pairs == 0 and scores.gold_quotes == 3


def test_no_gold_and_no_system_is_all_zero_not_an_error():
    scores = score([([], [])])
    assert prf(scores, "joint") == (0.0, 0.0, 0.0)


# --- hand-computed partial overlap ------------------------------------------------------

PARTIAL_GOLD = [q(range(1, 11), speaker={20, 21}, cue={22}, frame={20, 21, 22})]
# quote 5..12: 6 of 8 tokens right, 6 of 10 found; speaker half found; cue exact;
# frame missed (precision undefined); addressee spurious (recall undefined).
PARTIAL_SYS = [q(range(5, 13), speaker={21}, cue={22}, addressee={30})]


@pytest.mark.parametrize(
    "measure, expected",
    [
        ("message", (0.75, 0.6, 2 * 0.75 * 0.6 / 1.35)),
        # precision: addressee 0, cue 1, speaker 1; recall: cue 1, frame 0, speaker 0.5
        ("roles", (2 / 3, 0.5, 4 / 7)),
        # pooled with the quote: P (0.75 + 0 + 1 + 1) / 4, R (0.6 + 1 + 0 + 0.5) / 4
        ("joint", (0.6875, 0.525, 2 * 0.6875 * 0.525 / (0.6875 + 0.525))),
        ("type", (1.0, 1.0, 1.0)),
    ],
)
def test_partial_overlap_hand_computed(measure, expected):
    scores = score([(PARTIAL_SYS, PARTIAL_GOLD)])
    assert prf(scores, measure) == pytest.approx(expected)


def test_macro_average_runs_over_pairs_of_all_documents():
    # doc 1 perfect, doc 2 the partial case: message P = (1 + 0.75) / 2
    scores = score([(PARTIAL_GOLD, PARTIAL_GOLD), (PARTIAL_SYS, PARTIAL_GOLD)])
    assert scores.message.precision == pytest.approx(0.875)
    assert scores.message.recall == pytest.approx(0.8)
    assert scores.documents == 2


# --- unpaired quotes --------------------------------------------------------------------


@pytest.mark.parametrize("measure", ["message", "roles", "joint", "type"])
def test_unpaired_system_quote_lowers_precision_only(measure):
    gold = [q({1, 2, 3}, speaker={5}, cue={6})]
    system = gold + [q({40, 41}, speaker={42}, cue={43})]
    scores = score([(system, gold)])
    precision, recall, _ = prf(scores, measure)
    assert precision == pytest.approx(0.5)
    assert recall == pytest.approx(1.0)


def test_unpaired_gold_quote_lowers_recall_only():
    gold = [q({1, 2, 3}, speaker={5}), q({40, 41}, speaker={42})]
    scores = score([(gold[:1], gold)])
    assert scores.message.precision == 1.0
    assert scores.message.recall == pytest.approx(0.5)
    assert scores.roles.recall == pytest.approx(0.5)


def test_zero_overlap_quotes_are_still_paired_like_scipy():
    # linear_sum_assignment always forms min(#gold, #system) pairs; the original
    # therefore scores a zero-overlap pair, whose roles may still match.
    gold = [q({1, 2}, speaker={9})]
    system = [q({5, 6}, speaker={9})]
    scorer = Scorer()
    result = scorer.add(system, gold)
    assert [(p.overlap, p.system is not None, p.gold is not None) for p in result.pairs] == [(0.0, True, True)]
    scores = scorer.result()
    assert prf(scores, "message")[:2] == (0.0, 0.0)
    assert prf(scores, "roles")[:2] == (1.0, 1.0)
    assert scores.matched == 0  # matched = paired with overlap > 0


# --- pairing ----------------------------------------------------------------------------


def test_same_type_breaks_ties():
    system = [q({1, 2, 3, 4}, type="Direct"), q({1, 2, 3, 4}, type="Indirect")]
    gold = [q({1, 2, 3, 4}, type="Indirect"), q({1, 2, 3, 4}, type="Direct")]
    pairs = {(system[s].type, gold[g].type) for s, g, _ in assign(system, gold)}
    assert pairs == {("Direct", "Direct"), ("Indirect", "Indirect")}
    assert prf(score([(system, gold)]), "type") == pytest.approx((1.0, 1.0, 1.0))


def test_type_only_breaks_ties_it_does_not_beat_overlap():
    system = [q({1, 2, 3, 4}, type="Direct")]
    gold = [q({1, 2, 3, 4}, type="Indirect"), q({1, 2, 3}, type="Direct")]
    [(_, g, f1)] = assign(system, gold)
    assert (g, f1) == (0, 1.0)


def test_type_bonus_needs_overlap():
    system = [q({1, 2}, type="Direct"), q({10, 11}, type="Indirect")]
    gold = [q({10, 11}, type="Indirect")]
    [(s, g, f1)] = assign(system, gold)
    assert (s, f1) == (1, 1.0)


@pytest.mark.parametrize(
    "gold, system, expected",
    [
        ({1, 2, 3, 4}, {1, 2, 3, 4}, 1.0),
        ({1, 2, 3, 4}, {3, 4, 5, 6}, 0.5),
        ({1, 2, 3, 4}, {4}, 0.4),
        ({1, 2}, {3}, 0.0),
        (set(), {3}, 0.0),
    ],
)
def test_token_f1(gold, system, expected):
    assert token_f1(gold, system) == pytest.approx(expected)


# --- simplified -------------------------------------------------------------------------


def test_simplified_drops_nested_quotes_and_non_speaker_roles():
    gold = [
        q(range(1, 10), speaker={20}, cue={21}, frame={20, 21}, addressee={22}),
        q({3, 4}, type="Direct", speaker={20}, cue={21}, nested=True),
    ]
    # right quote and speaker; wrong cue, frame and addressee; nested quote missed
    system = [q(range(1, 10), speaker={20}, cue={30}, frame={30}, addressee={31})]
    full = score([(system, gold)])
    simple = score([(system, gold)], simplified=True)
    assert full.message.recall == pytest.approx(0.5)
    assert full.roles.precision < 1.0
    for measure in ("message", "roles", "joint", "type"):
        assert prf(simple, measure) == pytest.approx((1.0, 1.0, 1.0))
    assert simple.gold_quotes == 1


def test_simplified_drops_nested_system_quotes_too():
    # as the original's nested=False switch does
    gold = [q(range(1, 10), speaker={20})]
    system = gold + [q({3, 4}, type="Direct", speaker={20}, nested=True)]
    assert score([(system, gold)], simplified=True).message.precision == 1.0
    assert score([(system, gold)]).message.precision == pytest.approx(0.5)


# --- per-type recall --------------------------------------------------------------------


def test_recall_by_type_counts_pairs_with_overlap():
    gold = [q({1, 2}, type="Direct"), q({5, 6}, type="Indirect"), q({8, 9}, type="Indirect")]
    system = [q({2, 3}, type="Indirect"), q({50}, type="Indirect")]
    scores = score([(system, gold)])
    assert scores.recall_by_type == {"Direct": 1.0, "Indirect": 0.0}
    assert scores.gold_by_type == {"Direct": 1, "Indirect": 2}


# --- assignment -------------------------------------------------------------------------


def _brute_force(weights):
    rows, cols = len(weights), len(weights[0])
    best = -math.inf
    if rows <= cols:
        for perm in itertools.permutations(range(cols), rows):
            best = max(best, sum(weights[r][c] for r, c in enumerate(perm)))
    else:
        for perm in itertools.permutations(range(rows), cols):
            best = max(best, sum(weights[r][c] for c, r in enumerate(perm)))
    return best


matrices = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda cols: st.lists(
            st.lists(
                st.one_of(st.sampled_from([0.0, 0.01, 0.5, 1.0, 1.011]), st.floats(0, 1.02)),
                min_size=cols,
                max_size=cols,
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=examples(300), deadline=None)
@given(matrices)
def test_assignment_matches_brute_force(weights):
    pairs = linear_sum_assignment(weights)
    rows, cols = len(weights), len(weights[0])
    assert len(pairs) == min(rows, cols)
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    total = sum(weights[r][c] for r, c in pairs)
    assert total == pytest.approx(_brute_force(weights), abs=1e-9)


@settings(max_examples=examples(100), deadline=None)
@given(matrices)
def test_assignment_minimise_is_maximise_of_negation(weights):
    negated = [[-w for w in row] for row in weights]
    low = sum(weights[r][c] for r, c in linear_sum_assignment(weights, maximize=False))
    assert low == pytest.approx(-_brute_force(negated), abs=1e-9)


def test_assignment_of_constant_matrix_is_identity_like_scipy():
    assert linear_sum_assignment([[1.0] * 3] * 3) == [(0, 0), (1, 1), (2, 2)]


def test_assignment_of_empty_matrix():
    assert linear_sum_assignment([]) == []
    assert linear_sum_assignment([[]]) == []


# --- inputs -----------------------------------------------------------------------------


def test_plain_dicts_are_accepted():
    gold = [{"type": "Direct", "quote": {1, 2}, "speaker": {3}, "nested": False}]
    assert score([(gold, gold)]).joint.f1 == 1.0


def test_from_dataset_reads_token_ids_and_tolerates_bare_empty_roles():
    annotation = {
        "type": "Indirect",
        "quote": {"spans": [], "text": "x", "tokenIds": [4, 3, 3]},
        "speaker": {"spans": [], "text": "", "tokenIds": [1]},
        "addressee": [],
        "isNested": True,
        "medium": "Speech",
    }
    a = from_dataset(annotation)
    assert (a.quote, a.speaker, a.addressee, a.nested, a.medium) == ({3, 4}, {1}, set(), True, "Speech")


@pytest.mark.skipif(not DATASET.is_dir(), reason="WikiNews quotation dataset not available")
def test_dataset_gold_against_itself_scores_one():
    docs = []
    for path in sorted(DATASET.glob("*.json"))[:50]:
        gold = [from_dataset(a) for a in json.loads(path.read_text(encoding="utf-8"))["annotations"]]
        docs.append((gold, gold))
    scores = score(docs)
    assert (scores.joint.f1, scores.type.f1) == pytest.approx((1.0, 1.0))
