"""Reported speech acts told as events."""

from __future__ import annotations

import pytest

from quotecheck.extractor import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


POSITIVE = [
    # (text, content = the act's object material, cue, speaker)
    ("Putin lobte die Soldaten für ihre Tapferkeit.", "die Soldaten für ihre Tapferkeit", "lobte", "Putin"),
    ("Die Gewerkschaft kritisierte die geplanten Kürzungen scharf.", "die geplanten Kürzungen scharf", "kritisierte", "Die Gewerkschaft"),
    ("Am Montag bekräftigte der Kanzler seine Unterstützung für die Ukraine.", "seine Unterstützung für die Ukraine", "bekräftigte", "der Kanzler"),
    ("Der Verein wies die Vorwürfe des Verbands zurück.", "die Vorwürfe des Verbands", "wies zurück", "Der Verein"),
]


@pytest.mark.parametrize("text, content, cue, speaker", POSITIVE)
def test_reported(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    quotes = ex.extract(text)
    assert [q.kind for q in quotes] == ["reported"]
    q = quotes[0]
    assert q.content.text == content
    assert q.cue.text == cue
    assert q.speaker.text == speaker
    assert q.frame.text.startswith(text.split()[0])


NEGATIVE = [
    "Er sagte den Termin ab.",  # a particle verb outside the lexicon
    "Die Flut forderte 92 Menschenleben.",  # claimed lives, not a demand
    "Die Behörde gab die Identität des Kindes nicht bekannt.",  # negated: no act
    "Die Mannschaft bestreitet am Sonntag ihr zweites Gruppenspiel.",  # to contest a match
    "Der Zug erreichte den Bahnhof pünktlich.",  # no speech verb
    "Die Ministerin äußerte sich nicht.",  # nothing said
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_reported(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "reported"] == []


def test_complement_clause_makes_it_indirect(ex: Extractor) -> None:
    quotes = ex.extract("Die Ministerin kritisierte, dass die Mittel fehlten.")
    assert [q.kind for q in quotes] == ["indirect"]
