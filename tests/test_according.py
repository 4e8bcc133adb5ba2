"""According-to phrases: laut X, X zufolge, nach Angaben der X, so X, demnach …"""

from __future__ import annotations

import pytest

from quotecheck.extractor import Extractor


CASES = [
    # (text, content spans joined by " | ", cue, frame, speaker)
    ("Laut Oberst Franz Huber vom Landeskriminalamt hatten die Piloten genug Erfahrung.",
     "hatten die Piloten genug Erfahrung", "laut", "Laut Oberst Franz Huber vom Landeskriminalamt", "Oberst Franz Huber"),
    ("Laut einem Bericht der Lokalzeitung brannte die Halle vollständig aus.",
     "brannte die Halle vollständig aus", "laut", "Laut einem Bericht der Lokalzeitung", None),
    ("Der Feuerwehr zufolge wurden drei Menschen verletzt.",
     "wurden drei Menschen verletzt", "zufolge", "Der Feuerwehr zufolge", "Der Feuerwehr"),
    ("Nach Angaben der Bundesanwaltschaft bestehe kein Tatverdacht mehr.",
     "bestehe kein Tatverdacht mehr", "nach angaben", "Nach Angaben der Bundesanwaltschaft", "Angaben der Bundesanwaltschaft"),
    ("Die Brücke wurde laut Polizei am Morgen gesperrt.",
     "Die Brücke wurde | am Morgen gesperrt", "laut", "laut Polizei", "Polizei"),
    ("Die Lage sei ernst, so der Innenminister.",
     "Die Lage sei ernst", "so", ", so der Innenminister", "der Innenminister"),
    ("Der Bau soll demnach im Herbst beginnen.",
     "Der Bau soll | im Herbst beginnen", "demnach", "demnach", None),
    ("Drei Viertel der Fälle entfallen auf Südasien, hieß es.",
     "Drei Viertel der Fälle entfallen auf Südasien", "hieß", ", hieß es", None),
]


@pytest.mark.parametrize("text, content, cue, frame, speaker", CASES)
def test_according_to(ex: Extractor, text: str, content: str, cue: str, frame: str, speaker: str | None) -> None:
    quotes = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert len(quotes) == 1, text
    q = quotes[0]
    assert " | ".join(text[s.start : s.end] for s in q.content.spans) == content
    assert q.cue.text.lower() == cue
    assert q.frame.text == frame
    if speaker is not None:
        assert q.speaker is not None and q.speaker.text.startswith(speaker)


NEGATIVE = [
    "Die Musik war laut und die Gäste tanzten.",  # „laut“ the adjective
    "Gemäß Artikel 5 des Vertrags haften die Mitglieder gemeinsam.",  # a legal reference
    "Die Geräte arbeiten gemäß dem neuen Profil schneller.",
    "Er war so müde, dass er einschlief.",  # „so“ the adverb
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_according_to(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect"] == []


def test_source_inside_a_speech_frame_is_not_a_second_quote(ex: Extractor) -> None:
    text = "Die Zeitung berichtete unter Berufung auf Regierungskreise, dass der Minister zurücktrete."
    quotes = ex.extract(text)
    assert len(quotes) == 1
    assert quotes[0].content.text == "dass der Minister zurücktrete"
