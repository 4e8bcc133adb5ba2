"""Slogans and inscriptions (quotecheck.rules.slogans): the quoted words of whoever chanted, wrote or carried them."""

from __future__ import annotations

import pytest

from quotecheck.extractor import Extractor


SLOGANS = [
    # (text, the slogans joined by " | ", speaker mention or None, cue or None)
    ("Die Demonstranten skandierten Parolen wie „Nie wieder Krieg“ und „Frieden jetzt“.",
     "Nie wieder Krieg | Frieden jetzt", "Die Demonstranten", "skandierten"),
    ("Die Fans riefen Parolen wie zum Beispiel „Wir sind die Stadt“ oder „Nie mehr zweite Liga“.",
     "Wir sind die Stadt | Nie mehr zweite Liga", "Die Fans", "riefen"),
    ("Einige Eltern trugen Schilder mit der Aufschrift „Schulen statt Straßen“ vor dem Rathaus.",
     "Schulen statt Straßen", "Einige Eltern", "trugen"),
    ("Die Täter hatten Hassparolen wie „Raus aus unserem Dorf“ an die Tür gesprüht.",
     "Raus aus unserem Dorf", "Die Täter", "gesprüht"),
    ("Auf dem vordersten Transparent war die Parole „Mieten runter“ zu lesen.", "Mieten runter", None, None),
    ("Die Partei warb mit dem Slogan „Mehr Mut“ um junge Wähler.", "Mehr Mut", "Die Partei", "warb"),
    # the subject after the verb, right before the slogan noun
    ("Vor dem Landtag skandierten die Studierenden Parolen wie „Bildung statt Banken“.",
     "Bildung statt Banken", "die Studierenden", "skandierten"),
    ("Dabei riefen die Fans Parolen wie „Nie mehr zweite Liga“.", "Nie mehr zweite Liga", "die Fans", "riefen"),
    # a short prepositional phrase between the slogan noun and „wie“
    ("Die Täter sprühten Hassparolen auf Englisch wie „Go home“ und „We will be back“ an die Mauer.",
     "Go home | We will be back", "Die Täter", "sprühten"),
]


@pytest.mark.parametrize("text, slogans, speaker, cue", SLOGANS)
def test_a_slogan_is_a_direct_quote_of_the_group_that_chanted_or_carried_it(
    ex: Extractor, text: str, slogans: str, speaker: str | None, cue: str | None
) -> None:
    quotes = [q for q in ex.extract(text) if q.rule == "direct.slogan"]
    assert " | ".join(q.content.text for q in quotes) == slogans
    for q in quotes:
        assert q.kind == "direct"
        assert (q.speaker.text if q.speaker is not None else None) == speaker
        assert (q.cue.text if q.cue is not None else None) == cue


NO_SPEAKER = [
    # the subject does something else with the slogan: the words are not its own
    "Der Minister verurteilte Parolen wie „Ausländer raus“ scharf.",
    "Er kritisierte die Parole „Wir schaffen das“ als naiv.",
    "Die Polizei entfernte Transparente mit der Aufschrift „Bullen raus“.",
    "Die Polizei berichtete, Demonstranten hätten Parolen wie „Nie wieder“ gerufen.",  # the reporter is no chanter
    "Schilder mit der Aufschrift „Wir bleiben“ hingen am Zaun.",  # the sign is no speaker, „mit“ no cue
    "Am Abend verurteilte der Bürgermeister Parolen wie „Ausländer raus“.",  # inverted subject, no verb of chanting
    # inverted subject and object read as one noun phrase: no speaker is safer than „viele Eltern Schilder“
    "Vor der Schule trugen viele Eltern Schilder mit der Aufschrift „Mehr Lehrer“.",
    "Nach dem Spiel, als es dunkel wurde, riefen die Fans Parolen wie „Trainer raus“.",  # the prefield is a clause
]


@pytest.mark.parametrize("text", NO_SPEAKER)
def test_a_slogan_has_no_speaker_unless_the_subject_chants_writes_or_carries_it(ex: Extractor, text: str) -> None:
    (quote,) = [q for q in ex.extract(text) if q.rule == "direct.slogan"]
    assert quote.speaker is None and quote.cue is None


def test_coordinated_slogans_share_the_noun_and_speaker_of_the_first() -> None:
    text = "Die Eltern trugen Schilder mit den Aufschriften „Mehr Lehrer“, „Kleinere Klassen“ und „Schulen sanieren“."
    quotes = [q for q in Extractor().extract(text) if q.rule == "direct.slogan"]
    assert [q.content.text for q in quotes] == ["Mehr Lehrer", "Kleinere Klassen", "Schulen sanieren"]
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["Die Eltern"] * 3
    assert {q.frame.text for q in quotes if q.frame is not None} == {"Die Eltern trugen Schilder mit den Aufschriften"}


NOT_SLOGANS = [
    "Unter dem Motto „Freiheit statt Angst“ zogen am Samstag Tausende durch die Innenstadt.",  # a motto names the event
    "Der Verein erhob Einspruch gegen das Urteil „im Namen der Mitglieder“.",  # „Einspruch“ is no slogan
    "Die Auslosung „der ersten Runde“ findet am Sonntag statt.",
    "Die Zeitung „Neue Presse“ berichtete über die Parolen der Demonstranten.",  # no quoted piece after „Parolen“
    "Hätte die Menge Parolen gerufen, wäre die Polizei eingeschritten.",  # irrealis, nothing quoted
    "Die Plakate in der Innenstadt „Wir bleiben hier“ fielen auf.",  # a phrase after the noun, but no „wie“
]


@pytest.mark.parametrize("text", NOT_SLOGANS)
def test_no_slogan_without_a_slogan_noun_right_before_the_quoted_piece(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.rule == "direct.slogan"] == []


def test_a_quoted_piece_after_a_framed_slogan_coordinator_must_follow_a_slogan(ex: Extractor) -> None:
    text = "Die Menge rief Parolen wie „Wir sind mehr“, die Zeitung „Abendblatt“ berichtete live."
    quotes = [q.content.text for q in ex.extract(text) if q.rule == "direct.slogan"]
    assert quotes == ["Wir sind mehr"]
