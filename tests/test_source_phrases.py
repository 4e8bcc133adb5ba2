"""The source grammar: one table (according_to.tsv), one matcher, the same answer for rules and attribution.

„unter Verweis auf X“, „gemäß X“ and „nach Informationen von X“ were sources for
the according-to rule and not for attribution; now every stage asks
:func:`~quotecheck.rules.source_phrases.source_phrase_at`.
"""

from __future__ import annotations

import pytest

from quotecheck import Extractor
from quotecheck.attribution.sources import placed, raw_sources
from quotecheck.attribution.speakers import find_speaker
from quotecheck.errors import LexiconError
from quotecheck.lexicon import data_file, parse_according_to
from quotecheck.rules.source_phrases import source_phrase_at, text_of


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _match_at(ex: Extractor, text: str, word: str):
    doc = ex.analyse(text)
    i = next(k for k, t in enumerate(doc.tokens) if t.text == word)
    return doc, source_phrase_at(doc, ex.lexicon, i, 0, len(doc.tokens))


# (the phrase's first word in the sentence, the phrase and its owner, what the owner is, its relation)
PHRASES = [
    ("Laut der Polizei wurde niemand verletzt.", "Laut", "Laut der Polizei", "source", "reported_by"),
    ("Der Polizei zufolge wurde niemand verletzt.", "zufolge", "Der Polizei zufolge", "source", "reported_by"),
    ("Die Lage sei ernst, sagte Roth unter Verweis auf die Agentur Reuters.", "unter",
     "unter Verweis auf die Agentur Reuters", "cited", "reported_by"),
    ("Gemäß der Nachrichtenagentur dpa wurde niemand verletzt.", "Gemäß", "Gemäß der Nachrichtenagentur dpa", "source", "reported_by"),
    ("Nach Informationen von Reuters wurde niemand verletzt.", "Nach", "Nach Informationen von Reuters", "source", "reported_by"),
    ("Nach Informationen des Senders NDR wurde niemand verletzt.", "Nach", "Nach Informationen des Senders NDR", "source", "reported_by"),
    ("Nach einem Bericht der Zeitung „Kurier“ wurde niemand verletzt.", "Nach",
     "Nach einem Bericht der Zeitung „Kurier“", "source", "published_in"),
    ("Nach Ansicht von Experten ist die Lage ernst.", "Nach", "Nach Ansicht von Experten", "speaker", None),
    ("Laut dem Bericht der „Welt“ wurde niemand verletzt.", "Laut", "Laut dem Bericht der „Welt“", "source", "reported_by"),
]


@pytest.mark.parametrize(("text", "word", "span", "names", "relation"), PHRASES)
def test_a_phrase_names_its_owner_with_what_it_is(ex: Extractor, text: str, word: str, span: str, names: str, relation) -> None:
    doc, match = _match_at(ex, text, word)
    assert match is not None
    assert (text_of(doc, match.span), match.entry.names, match.relation) == (span, names, relation)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Er sang laut und deutlich.", "laut"),  # „laut“ the adjective
        ("Gemäß Artikel 5 muss die Fabrik schließen.", "Gemäß"),  # a legal reference
        ("Die Nachricht kam aus Kreisen und Verbänden.", "aus"),  # „aus Kreisen“ needs whose
    ],
)
def test_no_phrase_without_the_owner_its_line_requires(ex: Extractor, text: str, word: str) -> None:
    _, match = _match_at(ex, text, word)
    assert match is None


def test_an_anaphoric_phrase_with_an_owner_is_a_phrase_of_its_own(ex: Extractor) -> None:
    # „Demnach“ and „laut dem Bericht“ point back; „laut dem Bericht der Zeitung“ names its owner
    doc, match = _match_at(ex, "Laut dem Bericht wurde niemand verletzt.", "Laut")
    assert match is not None and match.entry.position == "anaphoric" and match.owner is None
    doc, match = _match_at(ex, "Geplant ist demnach der 13. Juli.", "demnach")
    assert match is not None and match.entry.position == "anaphoric"


# The three phrases the rules and attribution disagreed on, in the three places a phrase can stand.
AGREEING = [
    ("unter Verweis auf die Agentur Reuters", "Reuters"),
    ("gemäß der Nachrichtenagentur dpa", "dpa"),
    ("nach Informationen des Senders NDR", "NDR"),
]


@pytest.mark.parametrize(("phrase", "name"), AGREEING)
def test_framing_a_sentence_alone_the_phrase_names_its_speaker(ex: Extractor, phrase: str, name: str) -> None:
    # the according-to rule: „Gemäß der Nachrichtenagentur dpa wurden …“ → speaker dpa
    text = f"{phrase[:1].upper()}{phrase[1:]} wurden drei Menschen verletzt."
    (quote,) = ex.extract(text)
    assert quote.rule.startswith("according.") and quote.speaker.name == name and quote.sources == ()


@pytest.mark.parametrize(("phrase", "name"), AGREEING)
def test_in_a_speech_verb_frame_the_phrase_names_a_source(ex: Extractor, phrase: str, name: str) -> None:
    (quote,) = ex.extract(f"Die Fabrik werde geschlossen, sagte der Betriebsrat {phrase}.")
    assert quote.speaker.text == "der Betriebsrat"
    assert [(s.text, s.name) for s in quote.sources] == [(phrase, name)]


@pytest.mark.parametrize(("phrase", "name"), AGREEING)
def test_the_reported_rule_and_attribution_see_the_same_source(ex: Extractor, phrase: str, name: str) -> None:
    # the rule cuts the phrase out of the act's content and hands it on; attribution names it
    text = f"Der Kanzler lobte {phrase} die Helfer."
    doc = ex.analyse(text)
    (cand,) = ex.candidates(doc)
    (seen,) = cand.evidence.sources
    (quote,) = ex.extract(text)
    assert quote.content.text == "die Helfer"
    assert [(s.text, s.name) for s in quote.sources] == [(text_of(doc, seen.span), name)]


def test_a_medium_citing_someone_is_the_source_of_whom_it_cites(ex: Extractor) -> None:
    (quote,) = ex.extract("Die Agentur Yonhap meldete unter Verweis auf Regierungskreise, der Test sei gescheitert.")
    assert quote.speaker.text == "Regierungskreise"
    assert [s.name for s in quote.sources] == ["Yonhap"]


def test_a_view_is_no_source(ex: Extractor) -> None:
    (quote,) = ex.extract("Die Fabrik werde geschlossen, sagte der Betriebsrat nach Ansicht von Experten.")
    assert quote.sources == ()


def test_each_source_knows_its_relation_and_its_side_of_the_speaker(ex: Extractor) -> None:
    # ready for the ordered chain: „laut Reuters“ after the speaker, a report before it
    text = "Nach einem Bericht der Zeitung „Kurier“ sagte der Minister laut Reuters, die Lage sei ernst."
    doc = ex.analyse(text)
    (cand,) = ex.candidates(doc)
    speaker = find_speaker(doc, ex.lexicon, cand).speaker
    sources = placed(raw_sources(doc, ex.lexicon, cand, speaker, None), speaker)
    assert [(text_of(doc, s.phrase.span), s.relation, s.side) for s in sources if s.phrase] == [
        ("Nach einem Bericht der Zeitung „Kurier“", "published_in", "before"),
        ("laut Reuters", "reported_by", "after"),
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("laut X\tpre\tlaut X\toptional\tsource\treported_by\tno", "owner of a pre phrase"),
        ("nach X\tcircum\tnach X\tnone\tsource\t-\tno", "needs a relation"),
        ("nach Y\tcircum\tnach Y\tnone\tspeaker\treported_by\tno", "needs a relation"),
        ("nach Z\tcircum\tnach Z\tnone\tspeaker\t-\tperhaps", "mention"),
    ],
)
def test_the_table_refuses_lines_that_contradict_themselves(line: str, message: str) -> None:
    text, source = data_file("according_to.tsv")
    with pytest.raises(LexiconError, match=message):
        parse_according_to(f"{text}\n{line}\n", source)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Forscher Urs Ammann stellte die Studie vor. Nach Meinung von Ammann reicht das nicht.", "Urs Ammann"),
        ("Die Forscherin Eva Roth stellte die Studie vor. Nach Angaben von Roth reicht das nicht.", "Eva Roth"),
    ],
)
def test_the_noun_of_a_phrase_is_never_part_of_a_name(ex: Extractor, text: str, name: str) -> None:
    """„Meinung von Ammann“ is no name: the nouns of according_to.tsv's phrases are closed words."""
    (quote,) = [q for q in ex.extract(text) if q.rule.startswith("according")]
    assert quote.speaker is not None and quote.speaker.name == name


def test_the_nouns_of_the_phrases_are_derived_function_words(ex: Extractor) -> None:
    assert "according_noun" in ex.lexicon.function_words["meinung"]
    assert "according_noun" in ex.lexicon.function_words["berufung"]
    assert "according_noun" not in ex.lexicon.function_words.get("laut", frozenset())
