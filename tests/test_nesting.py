"""Mixed quotation: verbatim pieces of reported speech are direct quotes nested in it (``parent``).

„Die Stadträtin sagte, der Neubau sei „ein teurer Irrweg“ und müsse „sofort
gestoppt“ werden.“ is one indirect quote and, nested in it, two direct ones; names
and titles in quotation marks are neither fragments nor nested quotes.
"""

from __future__ import annotations

import pytest

from quotecheck import Extractor
from quotecheck.model import Quote

MIXED = [
    # (text, the enclosing quote's kind, the nested pieces)
    ("Die Stadträtin sagte, der Neubau sei „ein teurer Irrweg“ und müsse „sofort gestoppt“ werden.",
     "indirect", ["ein teurer Irrweg", "sofort gestoppt"]),
    ("Der Bürgermeister erklärte, dass die Stadt „keinen Cent mehr“ zahlen werde.",
     "indirect", ["keinen Cent mehr"]),
    ("Die Trainerin kündigte an, die Mannschaft „mit einfachen Mitteln“ zu stabilisieren.",
     "indirect", ["mit einfachen Mitteln"]),
    ("Laut der Feuerwehr war die Lage „zu keinem Zeitpunkt unter Kontrolle“.",
     "indirect", ["zu keinem Zeitpunkt unter Kontrolle"]),
    ("Die Kanzlerin sagte, man verhandle weiter. Eine Einigung sei „in greifbarer Nähe“.",
     "free_indirect", ["in greifbarer Nähe"]),
    # short quoted phrases as object or predicate of a speech verb
    ("Der Minister nannte den Plan „unrealistisch“.", "reported", ["unrealistisch"]),
    ("Die Ministerin sprach von einem „Fenster der Gelegenheit“.", "reported", ["Fenster der Gelegenheit"]),
    ("Der Verband bezeichnete die Reform als „Etikettenschwindel“.", "reported", ["Etikettenschwindel"]),
    # a piece that opens the clause after a comma frame: the clause is the quote, not the piece
    ("Die Abgeordnete warf dem Minister vor, „die Daten aller Bürger“ zu sammeln.",
     "indirect", ["die Daten aller Bürger"]),
    ("Der Betriebsrat forderte die Leitung auf, „ohne weitere Verzögerung“ zu verhandeln.",
     "indirect", ["ohne weitere Verzögerung"]),
    # a piece that opens a verb-second content clause
    ("Die Ministerin sagte, „Sperrzonen“ dürfe es in der Stadt nicht geben.",
     "indirect", ["Sperrzonen"]),
    ("Der Anwalt betonte, „rein private Gründe“ hätten seinen Mandanten geleitet.",
     "indirect", ["rein private Gründe"]),
]

DIRECT_AFTER_COMMA = [
    # a quote after a comma frame that ends its clause stays direct speech
    ("Der Sprecher sagte, „die Lage ist ernst“.", "die Lage ist ernst"),
    ("Der Sprecher sagte, „die Lage ist ernst“, und verließ den Saal.", "die Lage ist ernst"),
    ("Die Trainerin sagte, „wir kommen wieder“ und ging.", "wir kommen wieder"),
    ("Die Trainerin sagte, „Wir kommen wieder.“ Dann ging sie.", "Wir kommen wieder."),
]


@pytest.mark.parametrize("text, content", DIRECT_AFTER_COMMA)
def test_a_quote_that_ends_its_clause_after_a_comma_frame_is_direct(ex: Extractor, text: str, content: str) -> None:
    quotes = ex.extract(text)
    assert [(q.kind, q.content.text, q.parent) for q in quotes] == [("direct", content, None)]


def _nested(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.parent is not None]


@pytest.mark.parametrize("text, kind, pieces", MIXED)
def test_each_verbatim_piece_is_a_direct_quote_nested_in_its_clause(
    ex: Extractor, text: str, kind: str, pieces: list[str]
) -> None:
    quotes = ex.extract(text)
    (parent,) = [q for q in quotes if q.kind == kind]
    nested = _nested(quotes)
    assert [q.content.text for q in nested] == pieces
    assert all(q.kind == "direct" and q.parent == parent.id and q.rule == "direct.piece" for q in nested)
    # the enclosing clause is output too, and keeps its pieces as fragments
    assert [f.text for f in parent.fragments] == pieces


SHARED_FRAME = [
    # (text, indirect content, its pieces, the direct quote): one frame introduces an indirect
    # clause with a verbatim piece and then a direct quote; both come out, the piece nested
    ("Die Stadträtin sagte am Montag, der Neubau sei ein „teurer Irrweg“: „Wir stoppen das jetzt.“",
     "der Neubau sei ein „teurer Irrweg“", ["teurer Irrweg"], "Wir stoppen das jetzt."),
    ("Der Trainer erklärte, die Mannschaft sei „müde und leer“ und alle müssten wissen, „dass wir zurückkommen.“",
     "die Mannschaft sei „müde und leer“ und alle müssten wissen", ["müde und leer"], "dass wir zurückkommen."),
]


@pytest.mark.parametrize("text, content, pieces, direct", SHARED_FRAME)
def test_an_indirect_clause_before_a_direct_quote_of_the_same_frame_is_kept(
    ex: Extractor, text: str, content: str, pieces: list[str], direct: str
) -> None:
    quotes = ex.extract(text)
    (indirect,) = [q for q in quotes if q.kind == "indirect"]
    assert indirect.content.text == content
    assert [q.content.text for q in _nested(quotes)] == pieces
    assert [q.content.text for q in quotes if q.kind == "direct" and q.parent is None] == [direct]


@pytest.mark.parametrize(
    "text",
    [
        # the direct quote follows the comma at once: no indirect clause before it
        "Die Stadträtin sagte am Montag, „Wir stoppen das jetzt.“",
        # a relative clause after the frame's noun is no content of its own
        "Sie schrieb in einem Brief, der im Internet stand, sie wolle „allen Kollegen eine lange und quälende Abstimmung über mich ersparen.“",
        # too short to be a clause
        "Er sagte nur, „gut“: „Wir stoppen das jetzt.“",
    ],
)
def test_no_indirect_clause_cut_out_of_these_frames(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect"] == []


NAMES = [
    # (text, the quoted name): titles and names are no one's words
    ("Der Staatssekretär sagte der Zeitung „Ruhr-Kurier“, die Pläne seien gescheitert.", "Ruhr-Kurier"),
    ("Der Sprecher sagte der „Lahntal Post“, die Pläne seien gescheitert.", "Lahntal Post"),
    ("Die Armee teilte mit, die Operation „Wüstensturm“ sei beendet.", "Wüstensturm"),
    ("Der Hersteller kündigte an, sein Actionspiel „Graue Stadt“ im Mai zu veröffentlichen.", "Graue Stadt"),
    ("Die Forscher berichteten, das „Institut für Meeresbiologie“ (IfM) habe die Proben geprüft.",
     "Institut für Meeresbiologie"),
    ("Der Verband erklärte, er werde die Kampagne „Sauberes Wasser“ fortsetzen.", "Sauberes Wasser"),
    # a title opening the verb-second clause, named as one
    ("Der Regisseur sagte, der Film „Die letzte Fähre“ sei sein persönlichster.", "Die letzte Fähre"),
]


@pytest.mark.parametrize("text, name", NAMES)
def test_a_quoted_name_is_neither_fragment_nor_nested_quote(ex: Extractor, text: str, name: str) -> None:
    quotes = ex.extract(text)
    assert quotes, "the clause itself is still a quote"
    assert _nested(quotes) == []
    assert all(name not in [f.text for f in q.fragments] for q in quotes)


def test_a_name_in_the_frame_does_not_hide_the_clause(ex: Extractor) -> None:
    quotes = ex.extract("Der Sprecher sagte der „Lahntal Post“, die Preise würden „deutlich steigen“.")
    (indirect,) = [q for q in quotes if q.kind == "indirect"]
    assert indirect.content.text == "die Preise würden „deutlich steigen“"
    assert [q.content.text for q in _nested(quotes)] == ["deutlich steigen"]


def test_a_nested_quote_has_its_parents_speaker_cue_frame_and_sources(ex: Extractor) -> None:
    text = "Der Minister sagte laut der Agentur Reuters, das Abkommen sei „ein historischer Schritt“."
    quotes = ex.extract(text, doc_id="d1")
    parent, child = quotes
    assert child.id == "d1:q1.1" and child.parent == parent.id == "d1:q1"
    assert (child.speaker, child.addressee, child.cue, child.frame) == (
        parent.speaker, parent.addressee, parent.cue, parent.frame
    )
    assert child.sources == parent.sources and [s.name for s in child.sources] == ["Reuters"]
    assert child.mood is None and child.fragments == () and child.sentence == parent.sentence
    assert text[child.content.start : child.content.end] == "ein historischer Schritt"


def test_nested_quotes_follow_their_parent_in_text_order(ex: Extractor) -> None:
    text = (
        "Die Stadträtin sagte, der Neubau sei „ein teurer Irrweg“. "
        "Der Kämmerer erklärte, die Rücklagen seien „aufgebraucht“."
    )
    quotes = ex.extract(text)
    assert [(q.id, q.parent) for q in quotes] == [("q1", None), ("q1.1", "q1"), ("q2", None), ("q2.1", "q2")]
    assert [q.content.start for q in quotes] == sorted(q.content.start for q in quotes)


def test_a_direct_quote_nests_nothing(ex: Extractor) -> None:
    quotes = ex.extract("„Wir nennen das einen „Neuanfang“, sagte die Sprecherin.")
    assert [q.kind for q in quotes] == ["direct"]


def test_parent_round_trips_through_json(ex: Extractor) -> None:
    quotes = ex.extract("Der Minister nannte den Plan „unrealistisch“.")
    records = [q.to_dict() for q in quotes]
    assert [r["parent"] for r in records] == [None, "q1"]
    assert [Quote.from_dict(r) for r in records] == quotes
