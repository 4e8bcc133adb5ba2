"""Frames in uncommon shapes (issue 13, point 3). Every example is written for these tests."""

from __future__ import annotations

import pytest

from quotecheck.extractor import Extractor


def _indirect(ex: Extractor, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.content.text, q.cue.text if q.cue else "", q.speaker.text if q.speaker else None)
        for q in ex.extract(text)
        if q.kind == "indirect"
    ]


FRAMES = [
    # (text, content, cue, speaker)
    # the pluperfect or perfect frame after a Konjunktiv message: the participle is the cue
    ("Die Brücke werde im Mai gesperrt, hatte die Sprecherin am Morgen gesagt.",
     "Die Brücke werde im Mai gesperrt", "gesagt", "die Sprecherin"),
    ("Die Lage sei ernst, hat der Bürgermeister erklärt.", "Die Lage sei ernst", "erklärt", "der Bürgermeister"),
    # a relative clause ending in its speech verb frames a Konjunktiv content; the antecedent speaks
    ("Am Unfallort war auch ein Sanitäter, der betonte, niemand sei verletzt worden.",
     "niemand sei verletzt worden", "betonte", "ein Sanitäter"),
    ("Die Ministerin, die am Montag sagte, die Lage sei ernst, reiste am Abend ab.",
     "die Lage sei ernst", "sagte", "Die Ministerin"),
]


@pytest.mark.parametrize("text, content, cue, speaker", FRAMES)
def test_an_uncommon_frame(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    assert _indirect(ex, text) == [(content, cue, speaker)]


NOT_FRAMES = [
    # an indicative clause before a perfect frame: too often narration
    "Wir fuhren nach Hause, hatten die Kinder gesagt.",
    # no subject right after the auxiliary: the perfect clause is a sentence of its own
    "Der Minister, der seit Mai im Amt sei, hat nun seine Rückkehr angekündigt.",
    # the main clause goes on after the relative clause in the indicative
    "Der Mann, der das sagte, wurde noch am Abend verhaftet.",
    # a temporal clause is no frame of the main clause after it
    "Nachdem der Sprecher das erklärt hatte, wurde die Sitzung beendet.",
]


@pytest.mark.parametrize("text", NOT_FRAMES)
def test_not_a_frame(ex: Extractor, text: str) -> None:
    assert _indirect(ex, text) == []
