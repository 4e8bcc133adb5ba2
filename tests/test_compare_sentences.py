"""``quotecheck.compare``: a quote of several sentences against outlets that quote them one by one."""

from __future__ import annotations

import pytest

from quotecheck import CompareConfig, compare
from quotecheck.provenance.words import sentence_starts
from tests.compare_records import q, record

# Three sentences in one piece (the press release), one of them elsewhere: against the whole
# the single sentence shares too few content words, against its own sentence nearly all.
RELEASE_QUOTE = ("Wir senken die Ticketpreise zum Sommer deutlich. Außerdem fahren die Busse künftig alle zehn "
                 "Minuten. Die neuen Linien verbinden endlich alle Stadtteile mit dem Bahnhof.")
RELEASE = f"„{RELEASE_QUOTE}“, sagte Verkehrsdezernentin Lea Sommer."


def test_a_sentence_quoted_on_its_own_joins_the_quote_of_several_sentences() -> None:
    paper = "Die Busse führen künftig alle zehn Minuten, kündigte Bürgermeister Jan Kraft an."
    groups = compare([
        record("pressestelle", RELEASE, q(RELEASE_QUOTE, speaker=("Verkehrsdezernentin Lea Sommer", "Lea Sommer"))),
        record("zeitung", paper, q("Die Busse führen künftig alle zehn Minuten", "indirect",
                                   speaker=("Bürgermeister Jan Kraft", "Jan Kraft"))),
    ])
    assert len(groups) == 1
    conflict = groups[0].conflict("speaker")  # the sentence given to another person is flagged, not lost
    assert conflict is not None and conflict.values == ("Lea Sommer", "Jan Kraft")


def test_the_whole_quote_alone_would_not_have_joined_them() -> None:
    """The same pair without sentence ends in the long quote stays apart: the sentences make the difference."""
    run_on = RELEASE_QUOTE.replace(". ", ", ")
    release = f"„{run_on}“, sagte Verkehrsdezernentin Lea Sommer."
    paper = "Die Busse führen künftig alle zehn Minuten, kündigte Bürgermeister Jan Kraft an."
    groups = compare([
        record("pressestelle", release, q(run_on, speaker=("Verkehrsdezernentin Lea Sommer", "Lea Sommer"))),
        record("zeitung", paper, q("Die Busse führen künftig alle zehn Minuten", "indirect",
                                   speaker=("Bürgermeister Jan Kraft", "Jan Kraft"))),
    ])
    assert len(groups) == 2


def test_each_sentence_quoted_separately_joins_one_group() -> None:
    paper = ("Sommer sagte, man senke die Ticketpreise zum Sommer deutlich. Die neuen Linien verbänden "
             "endlich alle Stadtteile mit dem Bahnhof.")
    groups = compare([
        record("pressestelle", RELEASE, q(RELEASE_QUOTE, speaker=("Verkehrsdezernentin Lea Sommer", "Lea Sommer"))),
        record("zeitung", paper,
               q("man senke die Ticketpreise zum Sommer deutlich", "indirect", speaker=("Sommer", "Lea Sommer")),
               q("Die neuen Linien verbänden endlich alle Stadtteile mit dem Bahnhof.", "free_indirect",
                 speaker=("Sommer", "Lea Sommer"))),
    ])
    assert len(groups) == 1 and len(groups[0].renderings) == 3


def test_a_short_sentence_of_one_speaker_joins_by_its_content_word() -> None:
    """„vor einem Handelskrieg“ has one content word: it joins the sentence that has just that word, same speaker."""
    agency = "„Wir wollen keinen Handelskrieg. Zölle können nur das letzte Mittel sein“, sagte Ministerin Anna Roth."
    paper = "Ministerin Roth warnte vor einem Handelskrieg."
    groups = compare([
        record("agentur", agency, q("Wir wollen keinen Handelskrieg. Zölle können nur das letzte Mittel sein",
                                    speaker=("Ministerin Anna Roth", "Anna Roth"))),
        record("zeitung", paper, q("vor einem Handelskrieg", "reported", speaker=("Ministerin Roth", "Roth"))),
    ])
    assert len(groups) == 1


def test_a_short_sentence_of_another_speaker_joins_nothing() -> None:
    agency = "„Wir wollen keinen Handelskrieg. Zölle können nur das letzte Mittel sein“, sagte Ministerin Anna Roth."
    paper = "Verbandschef Paul Brandt warnte vor einem Handelskrieg."
    groups = compare([
        record("agentur", agency, q("Wir wollen keinen Handelskrieg. Zölle können nur das letzte Mittel sein",
                                    speaker=("Ministerin Anna Roth", "Anna Roth"))),
        record("zeitung", paper, q("vor einem Handelskrieg", "reported", speaker=("Verbandschef Paul Brandt", "Paul Brandt"))),
    ])
    assert len(groups) == 2


def test_an_identical_short_sentence_of_two_people_does_not_join_their_quotes() -> None:
    a_quote = "Das ist falsch. Die Stadt hat die Brücke jahrelang nicht geprüft."
    b_quote = "Das ist falsch. Unsere Ingenieure haben jede Schraube kontrolliert."
    groups = compare([
        record("a", f"„{a_quote}“, sagte Stadtrat Jonas Weber.", q(a_quote, speaker=("Stadtrat Jonas Weber", "Jonas Weber"))),
        record("b", f"„{b_quote}“, sagte Baudezernentin Katrin Oswald.",
               q(b_quote, speaker=("Baudezernentin Katrin Oswald", "Katrin Oswald"))),
    ])
    assert len(groups) == 2


def test_a_sentence_on_the_same_topic_by_another_person_stays_apart() -> None:
    paper = "Die Busse seien viel zu selten pünktlich, sagte Fahrgastsprecher Tom Berg."
    groups = compare([
        record("pressestelle", RELEASE, q(RELEASE_QUOTE, speaker=("Verkehrsdezernentin Lea Sommer", "Lea Sommer"))),
        record("zeitung", paper, q("Die Busse seien viel zu selten pünktlich", "indirect",
                                   speaker=("Fahrgastsprecher Tom Berg", "Tom Berg"))),
    ])
    assert len(groups) == 2


def test_the_sentence_score_is_the_rendering_score() -> None:
    paper = "Die Busse führen künftig alle zehn Minuten, sagte Sommer."
    groups = compare([
        record("pressestelle", RELEASE, q(RELEASE_QUOTE, speaker=("Verkehrsdezernentin Lea Sommer", "Lea Sommer"))),
        record("zeitung", paper, q("Die Busse führen künftig alle zehn Minuten", "indirect", speaker=("Sommer", "Lea Sommer"))),
    ], config=CompareConfig())
    assert [r.score for r in groups[0].renderings][1] >= 0.8


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Der Rückruf kommt zu spät. Beschwerden gab es schon vor zwei Wochen.", (5,)),
        ("„Ja.“ Und dann: Nein!", (1,)),
        ("Betroffen sind Gläser mit dem Datum 14. August.", ()),  # an ordinal
        ("Das sagte Dr. Müller gestern.", ()),  # an abbreviation
        ("Wir kommen, und wir bleiben.", ()),
        ("Es reicht … und zwar endgültig.", ()),  # a lowercase word continues the sentence
    ],
)
def test_sentence_starts_follow_the_document_splitter(text: str, starts: tuple[int, ...]) -> None:
    assert sentence_starts(text) == starts


# --- a quotation its frame interrupts -------------------------------------------------

INTERRUPTED = ("„Die Stadt verkauft die Stadtwerke nicht“, betonte Kämmerin Anna Roth, „die Einnahmen brauchen wir "
               "für Schulen, Kitas, Schwimmbäder und den Nahverkehr im ganzen Kreis.“")
PIECES = ("Die Stadt verkauft die Stadtwerke nicht",
          "die Einnahmen brauchen wir für Schulen, Kitas, Schwimmbäder und den Nahverkehr im ganzen Kreis.")


def _interrupted_record() -> dict:
    """The quotation as the extractor gives it: two spans, the content their text joined with one space."""
    out = record("agentur", INTERRUPTED, q(PIECES[0], speaker=("Kämmerin Anna Roth", "Anna Roth")))
    starts = [INTERRUPTED.index(piece) for piece in PIECES]
    out["quotes"][0]["content"] = {"text": " ".join(PIECES),
                                   "spans": [[start, start + len(piece)] for start, piece in zip(starts, PIECES)]}
    return out


def test_one_span_of_an_interrupted_quote_quoted_alone_joins_it() -> None:
    paper = "Die Stadt wolle die Stadtwerke keinesfalls verkaufen, sagte Bürgermeister Jan Kraft."
    groups = compare([
        _interrupted_record(),
        record("zeitung", paper, q("Die Stadt wolle die Stadtwerke keinesfalls verkaufen", "indirect",
                                   speaker=("Bürgermeister Jan Kraft", "Jan Kraft"))),
    ])
    assert len(groups) == 1 and groups[0].conflict("speaker") is not None


def test_a_piece_sharing_one_word_with_another_quote_joins_nothing() -> None:
    """„Die Stadt verkauft die Stadtwerke nicht“ and „Die Stadt baue ein Hallenbad“ share only „Stadt“ (Ochiai 0.33)."""
    paper = "Die Stadt baue ein Hallenbad, hieß es."
    groups = compare([
        _interrupted_record(),
        record("zeitung", paper, q("Die Stadt baue ein Hallenbad", "indirect", speaker=None)),
    ])
    assert len(groups) == 2


# --- whom a person speaks for ------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "body", "conflict"),
    [
        ("Sprecherin Lea Sommer vom Mieterbund Nordstadt", "Mieterbund Nordstadt", False),
        ("Lea Sommer von der Initiative Grüne Gleise", "Grüne Gleise", False),
        ("Lea Sommer von der Initiative Grüne Gleise", "Initiative Saubere Luft", True),
        ("Ursula von der Heide", "Heide Kliniken", True),  # a nobility particle names no body
    ],
)
def test_a_person_of_a_named_body_and_the_body_are_one_speaker(mention: str, body: str, conflict: bool) -> None:
    words = "Die Mieten in der Nordstadt steigen schneller als die Löhne der Beschäftigten"
    name = mention.split(" vom ")[0].split(" von der Initiative")[0].replace("Sprecherin ", "")
    a = f"„{words}“, sagte {mention}."
    b = f"„{words}“, erklärte {body}."
    groups = compare([
        record("a", a, q(words, speaker=(mention, name))),
        record("b", b, q(words, speaker=(body, body))),
    ])
    assert len(groups) == 1
    assert (groups[0].conflict("speaker") is not None) is conflict


# --- one shared word ----------------------------------------------------------------------


def test_two_quotes_sharing_one_content_word_stay_apart_without_a_common_speaker() -> None:
    """„Freigabe“ alone (Ochiai 0.35) is chance when nobody, or two people, say it."""
    a = "Die Reederei forderte die Freigabe des Frachters. Die Behörde sprach von „einer schnellen Freigabe“."
    groups = compare([
        record("a", a, q("die Freigabe des Frachters", "reported", speaker=None)),
        record("b", a, q("einer schnellen Freigabe", "reported", speaker=None)),
    ])
    assert len(groups) == 2


def test_two_quotes_sharing_one_content_word_join_when_one_person_says_both() -> None:
    a = "Kapitän Olaf Brink forderte die Freigabe des Frachters."
    b = "Brink sprach von „einer schnellen Freigabe“."
    groups = compare([
        record("a", a, q("die Freigabe des Frachters", "reported", speaker=("Kapitän Olaf Brink", "Olaf Brink"))),
        record("b", b, q("einer schnellen Freigabe", "reported", speaker=("Brink", "Olaf Brink"))),
    ])
    assert len(groups) == 1


def test_a_closing_sentence_two_people_share_does_not_join_their_different_quotes() -> None:
    """„Das ist ein Skandal für die Stadt.“ ends both; the rest differs (wholes: Ochiai 0.27): two statements."""
    a_quote = "Die Mieten steigen seit Jahren schneller als die Löhne. Das ist ein Skandal für die Stadt."
    b_quote = "Der neue Busbahnhof wird im Herbst fertig, weil Baufirmen fehlen. Das ist ein Skandal für die Stadt."
    groups = compare([
        record("a", f"„{a_quote}“, sagte Stadtrat Jonas Weber.", q(a_quote, speaker=("Stadtrat Jonas Weber", "Jonas Weber"))),
        record("b", f"„{b_quote}“, sagte Baudezernentin Katrin Oswald.",
               q(b_quote, speaker=("Baudezernentin Katrin Oswald", "Katrin Oswald"))),
    ])
    assert len(groups) == 2


def test_a_pair_is_scored_once_per_band_however_many_sentences_meet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each sentence row of the long quote meets the short one in the same bucket: one score, one rejection."""
    from quotecheck.provenance.grouping import Comparison
    sentence = "Die Reform kommt bestimmt."
    comparison = Comparison(CompareConfig(bands=2))  # fewer bands than max_rejected: the cap does not hide repeats
    comparison.add(record("a", f"„{sentence}“, sagte Roth.", q(sentence, speaker=("Roth", "Anna Roth"))))
    long_quote = " ".join([sentence] * 4)
    comparison.add(record("b", f"„{long_quote}“, sagte Roth.", q(long_quote, speaker=("Roth", "Anna Roth"))))
    scored: list[tuple[int, int]] = []

    def rejecting(i: int, j: int, entity: object) -> bool:
        scored.append((i, j))
        return False

    monkeypatch.setattr(comparison, "_same", rejecting)
    assert len(list(comparison.groups())) == 2
    assert 0 < len(scored) <= 2  # at most once per band; before: once per row of the long quote (5 per band)
