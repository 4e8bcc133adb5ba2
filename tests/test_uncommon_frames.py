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
    # „Als Grund“ is the prefield of a main clause, not a temporal clause; the particle stands far away
    ("Als Grund gab die Verwaltung in ihrer Antwort an, die Mittel seien erschöpft.",
     "die Mittel seien erschöpft", "gab an", "die Verwaltung"),
    # a reason in Konjunktiv I after a speech act is the reason the speaker gave
    ("Das Amt lehnte den Antrag ab, weil die Unterlagen unvollständig seien.",
     "weil die Unterlagen unvollständig seien", "lehnte ab", "Das Amt"),
    ("Der Minister kritisierte den Plan, da dieser zu teuer sei.", "da dieser zu teuer sei", "kritisierte", "Der Minister"),
    # a relative clause inside the content is no reason to refuse it
    ("Der Plan, den die Stadt vorgelegt habe, sei zu teuer, sagte die Stadträtin.",
     "Der Plan, den die Stadt vorgelegt habe, sei zu teuer", "sagte", "die Stadträtin"),
]


@pytest.mark.parametrize("text, content, cue, speaker", FRAMES)
def test_an_uncommon_frame(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    assert _indirect(ex, text) == [(content, cue, speaker)]


NOT_FRAMES = [
    # an indicative clause before a perfect frame: too often narration
    "Wir fuhren nach Hause, hatten die Kinder gesagt.",
    # no subject right after the auxiliary: the perfect clause is a sentence of its own
    "Der Minister, der seit Mai im Amt sei, hat nun seine Rückkehr angekündigt.",
    # a subject with its apposition before the comma is no content of a postposed frame
    "Hans Maier, Sprecher der Stadtwerke, forderte Aufklärung.",
    "Die Ministerin, die seit Mai im Amt ist, forderte Aufklärung.",
    # the main clause goes on after the relative clause in the indicative
    "Der Mann, der das sagte, wurde noch am Abend verhaftet.",
    # a temporal clause is no frame of the main clause after it
    "Nachdem der Sprecher das erklärt hatte, wurde die Sitzung beendet.",
    "Als er das gesagt hatte, verließ er den Saal.",
    # the indicative reason is the narrator's; Konjunktiv II may be the narrator's irrealis
    "Das Amt lehnte den Antrag ab, weil die Frist abgelaufen war.",
    "Die Ministerin sagte den Termin ab, weil sie sonst krank wäre.",
    # no speech act before the reason
    "Der Spieler fehlte im Training, weil er krank sei.",
]


@pytest.mark.parametrize("text", NOT_FRAMES)
def test_not_a_frame(ex: Extractor, text: str) -> None:
    assert _indirect(ex, text) == []
