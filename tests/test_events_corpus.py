"""The event clusters (corpus/events) validate, their gold is current, and the scoring rules hold.

The event gold is what `quotecheck compare` is scored against, so a conflict that
the renderings do not show, a stale gold.jsonl or a scorer that rewards a wrong
grouping would make every comparison number meaningless. Nothing here runs the
extractor: the gold was annotated before the tool saw these articles, and these
tests only check the annotation and the scorer.
"""

from __future__ import annotations

import json
import runpy
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "corpus" / "events"
BUILD = runpy.run_path(str(EVENTS / "build.py"), run_name="events_build")
SCORE = runpy.run_path(str(EVENTS / "score.py"), run_name="events_score")
AnnotationError = BUILD["AnnotationError"]
tokens, compatible, overlapping = BUILD["tokens"], BUILD["compatible"], BUILD["overlapping"]
Gold, PredictedGroup, PredictedQuote = SCORE["Gold"], SCORE["PredictedGroup"], SCORE["PredictedQuote"]

GOLD_DOCS = [json.loads(line) for line in (EVENTS / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
CONFLICTS = json.loads((EVENTS / "conflicts.json").read_text(encoding="utf-8"))


def _pieces(*texts: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tokens(t) for t in texts)


# --------------------------------------------------------------------------- the build


def test_build_check_strict_passes() -> None:
    proc = subprocess.run(
        [sys.executable, str(EVENTS / "build.py"), "--check", "--strict"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "0 errors, 0 warnings" in proc.stdout


def test_generated_files_are_current(tmp_path: Path) -> None:
    """gold.jsonl and conflicts.json equal what build.py makes of the sources."""
    assert BUILD["main"](["--out", str(tmp_path)]) == 0
    for name in ("gold.jsonl", "conflicts.json"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (EVENTS / name).read_text(encoding="utf-8"), name


def test_readme_counts_are_current() -> None:
    events, errors, _ = BUILD["load_events"](BUILD["SRC"])
    assert not errors
    readme = (EVENTS / "README.md").read_text(encoding="utf-8")
    assert BUILD["counts"](events) in readme


def test_example_cluster_is_the_gold_text() -> None:
    lines = (ROOT / "examples" / "event-ev02-stahlwerk.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines]
    gold = [{"id": d["id"], "text": d["text"]} for d in GOLD_DOCS if d["event"] == "ev02-stahlwerk"]
    assert docs == gold


# --------------------------------------------------------------------------- what issue 14 asks of the clusters


def test_at_least_eight_events_of_three_to_five_outlets() -> None:
    events = CONFLICTS["events"]
    assert len(events) >= 8
    by_event = Counter(d["event"] for d in GOLD_DOCS)
    for ev in events:
        assert 3 <= by_event[ev["id"]] <= 5, ev["id"]
        assert len({d["style"] for d in GOLD_DOCS if d["event"] == ev["id"]}) >= 3, ev["id"]


def test_every_event_has_a_misattribution_and_the_corpus_every_variant() -> None:
    for ev in CONFLICTS["events"]:
        assert any(c["type"] == "speaker" for c in ev["conflicts"]), ev["id"]
    types = Counter(c["type"] for ev in CONFLICTS["events"] for c in ev["conflicts"])
    assert all(types[t] >= 8 for t in ("speaker", "chain", "wording", "kind")), types


def test_groups_of_one_exist() -> None:
    sizes = [len(st["quotes"]) for ev in CONFLICTS["events"] for st in ev["statements"]]
    assert 1 in sizes and max(sizes) >= 5


def test_every_quote_has_a_statement_of_its_event_and_every_source_a_relation() -> None:
    for doc in GOLD_DOCS:
        for q in doc["quotes"]:
            assert q["statement"].startswith(doc["event"] + ":s"), q["id"]
            assert all(s["relation"] in ("told_to", "reported_by", "published_in") for s in q["sources"]), q["id"]


# --------------------------------------------------------------------------- the conflict definitions


@pytest.mark.parametrize(("a", "b"), [
    (("mit jedem Test stärker",), ("Unsere Abschreckung wird mit jedem Test stärker, und niemand kann sie aufhalten",)),
    (("Ein guter Tag für Duisburg",), ("Diese Einigung ist ein guter Tag für Duisburg und für den Industriestandort Deutschland",)),
    # one outlet splits the quote in two, the other quotes its first half
    (("Für unsere Stadt ist das eine Katastrophe", "Die Umleitung führt mitten durch die Innenstadt, an zwei Schulen vorbei."),
     ("Für unsere Stadt ist das eine Katastrophe. Die Umleitung führt mitten durch die Innenstadt",)),
])
def test_shortened_or_split_quotes_fit_the_full_one(a: tuple[str, ...], b: tuple[str, ...]) -> None:
    assert compatible(_pieces(*a), _pieces(*b))


@pytest.mark.parametrize(("a", "b"), [
    (("Geduld und Augenmaß",), ("Ich danke allen Beteiligten für Augenmaß und Ausdauer in schwierigen Wochen",)),
    (("Wir haben jetzt eine Perspektive bis 2032",), ("Wir haben jetzt eine Perspektive bis mindestens 2032",)),
    (("Ich hab einfach draufgehalten.",), ("Ich habe einfach draufgehalten.",)),
])
def test_changed_dropped_or_swapped_words_disagree(a: tuple[str, ...], b: tuple[str, ...]) -> None:
    pa, pb = _pieces(*a), _pieces(*b)
    assert not compatible(pa, pb) and overlapping(pa, pb)


def test_different_sentences_of_one_statement_are_not_a_wording_conflict() -> None:
    pa, pb = _pieces("Wir waren 40 Sekunden von der Meisterschaft entfernt."), _pieces("brutal weh")
    assert not compatible(pa, pb)
    assert not overlapping(pa, pb)


def _values(doc: str, n: int, speaker: str, principals: tuple[str, ...] = (), kind: str = "direct") -> object:
    return BUILD["Values"](doc, f"{doc}:q{n}", speaker, principals, (), kind, ())


def test_a_spokesman_and_the_body_he_speaks_for_are_one_speaker() -> None:
    derive = BUILD["derive_conflicts"]
    liang = _values("a", 1, "Liang Wenhao", ("Chinesisches Handelsministerium", "China"))
    china = _values("b", 1, "China")
    zhou = _values("c", 1, "Zhou Lan", ("Chinesisches Außenministerium", "China"))
    assert derive([liang, china], "speaker") == []
    assert derive([zhou, china], "speaker") == []
    assert derive([liang, china, zhou], "speaker") == ["a:q1", "c:q1"]


def test_renderings_within_one_document_are_never_compared() -> None:
    derive = BUILD["derive_conflicts"]
    assert derive([_values("a", 1, "X", kind="reported"), _values("a", 2, "Y")], "kind") == []
    assert derive([_values("a", 1, "X", kind="reported"), _values("b", 1, "X")], "kind") == ["a:q1", "b:q1"]


def _errors_after_editing(tmp_path: Path, file: str, edit: Callable[[dict[str, Any]], None]) -> list[str]:
    """Copy ev02-stahlwerk, apply edit to one of its JSON files, and build the copy."""
    src = tmp_path / "src"
    shutil.copytree(EVENTS / "src" / "ev02-stahlwerk", src / "ev02-stahlwerk")
    path = src / "ev02-stahlwerk" / file
    raw = json.loads(path.read_text(encoding="utf-8"))
    edit(raw)
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    _, errors, _ = BUILD["load_events"](src)
    return list(errors)


def test_an_unlisted_conflict_is_an_error(tmp_path: Path) -> None:
    def drop_misattribution(meta: dict[str, Any]) -> None:
        meta["conflicts"] = [c for c in meta["conflicts"] if (c["statement"], c["type"]) != ("ev02-stahlwerk:s2", "speaker")]

    errors = _errors_after_editing(tmp_path, "event.json", drop_misattribution)
    assert any("ev02-stahlwerk:s2 has a speaker conflict that event.json does not list" in e for e in errors)


def test_a_conflict_the_renderings_do_not_show_is_an_error(tmp_path: Path) -> None:
    def add_spelling_as_misattribution(meta: dict[str, Any]) -> None:
        meta["conflicts"].append({
            "statement": "ev02-stahlwerk:s5", "type": "speaker",
            "renderings": [["ev02c-dpa", 5], ["ev02e-ruhrort-kurier", 1]],
            "note": "Murat Yilmaz and Murat Yılmaz are one person",
        })

    errors = _errors_after_editing(tmp_path, "event.json", add_spelling_as_misattribution)
    assert any("but the speaker values differ for []" in e for e in errors)


def test_a_quote_without_a_statement_is_an_error(tmp_path: Path) -> None:
    def drop_statement(article: dict[str, Any]) -> None:
        del article["quotes"][0]["statement"]

    errors = _errors_after_editing(tmp_path, "ev02c-dpa.json", drop_statement)
    assert any("every quote needs a 'statement' id" in e for e in errors)


# --------------------------------------------------------------------------- the scorer


@pytest.fixture(scope="module")
def gold() -> object:
    return Gold.load()


def test_the_gold_scores_one(gold: object) -> None:
    result = SCORE["score"](SCORE["gold_as_prediction"](gold), gold)
    assert result["grouping"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert all(v["precision"] == v["recall"] == 1.0 for v in result["conflicts"].values())


def test_singletons_have_full_precision_and_low_recall(gold: object) -> None:
    singles = [PredictedGroup([PredictedQuote(g.document, g.spans)]) for g in gold.quotes]
    scores = SCORE["bcubed"](gold, singles)
    assert scores["precision"] == 1.0
    assert scores["recall"] < 0.5


def test_splitting_a_statement_costs_recall_not_precision(gold: object) -> None:
    groups = SCORE["gold_as_prediction"](gold)
    big = max(groups, key=lambda g: len(g.quotes))
    half = len(big.quotes) // 2
    groups.append(PredictedGroup(big.quotes[half:]))
    big.quotes[:] = big.quotes[:half]
    scores = SCORE["bcubed"](gold, groups)
    assert scores["precision"] == 1.0 and scores["recall"] < 1.0


def test_a_missed_flag_costs_recall_and_a_flag_on_nothing_costs_precision(gold: object) -> None:
    groups = SCORE["gold_as_prediction"](gold)
    flagged = next(g for g in groups if "wording" in g.conflicts)
    flagged.conflicts.discard("wording")
    groups.append(PredictedGroup([PredictedQuote("no-such-doc", ((0, 5),))], {"wording"}))
    wording = SCORE["conflict_scores"](gold, groups)["wording"]
    assert wording["recall"] == (wording["gold"] - 1) / wording["gold"]
    assert wording["precision"] == (wording["gold"] - 1) / wording["gold"]


def test_predicted_quotes_are_matched_by_character_overlap(gold: object) -> None:
    g = gold.quotes[0]
    (a, b), *rest = g.spans
    shifted = PredictedQuote(g.document, ((a + 2, b + 3), *rest))  # a tool that cut the span differently
    assert SCORE["label_groups"](gold, [PredictedGroup([shifted])]) == [g.statement]


# --------------------------------------------------------------------------- properties

WORDS = st.lists(st.sampled_from(["wir", "werden", "Geduld", "und", "Augenmaß", "brauchen", "jetzt", "2032"]), min_size=1, max_size=12)


@given(WORDS, st.data())
def test_any_cut_from_a_quote_fits_it(words: list[str], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    full, cut = _pieces(" ".join(words)), _pieces(" ".join(words[i:j]))
    assert compatible(cut, full) and compatible(full, cut)


@given(WORDS, WORDS)
def test_compatibility_is_symmetric(a: list[str], b: list[str]) -> None:
    pa, pb = _pieces(" ".join(a)), _pieces(" ".join(b))
    assert compatible(pa, pb) == compatible(pb, pa)
