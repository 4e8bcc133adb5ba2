"""The generator and the scorer of ``benchmarks/compare_scale.py`` (its timings are not tested)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.compare_scale import generate, score, write_records

pytestmark = pytest.mark.slow  # reads simplemma's dictionary for the vocabulary (a few seconds)


def test_generated_records_are_compare_input_ten_quotes_a_document() -> None:
    records = list(generate(2_000))  # documents fill up in a window of open ones: the last are partial
    assert sum(len(r["quotes"]) for r in records) == 2_000
    assert all(len(r["quotes"]) <= 10 for r in records)
    assert Counter(len(r["quotes"]) for r in records).most_common(1)[0][0] == 10
    assert all(q["id"].startswith(r["id"] + ":q") for r in records for q in r["quotes"])


def test_the_zipf_mix_has_many_singletons_and_a_heavy_tail() -> None:
    statements = Counter(q["id"].rsplit(":s", 1)[1] for r in generate(5_000) for q in r["quotes"])
    sizes = Counter(statements.values())
    assert sizes[1] / len(statements) > 0.6  # most statements are quoted once
    assert max(statements.values()) >= 10  # and some are syndicated widely
    uniform = Counter(q["id"].rsplit(":s", 1)[1] for r in generate(5_000, mix="uniform") for q in r["quotes"])
    assert max(uniform.values()) <= 5


def test_score_is_b_cubed_against_the_generated_statements(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    write_records(500, str(path))
    scored = score(str(path))
    assert 0.9 <= scored["bcubed_p"] <= 1.0 and 0.9 <= scored["bcubed_r"] <= 1.0
    strict = score(str(path), {"threshold": 1.0, "other_speaker_threshold": 1.0})
    assert strict["bcubed_r"] < scored["bcubed_r"]  # only identical wordings joined: renderings are missed
