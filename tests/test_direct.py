"""Direct speech end to end: conventions, frame positions, traps.

Every example sentence was written for these tests. Inputs avoid indirect
speech (no „sagte, dass …“, no Konjunktiv reports) so that the cases keep
testing the direct-speech rule while other rules grow around it.
"""

from __future__ import annotations

import pytest

import quotecheck
from quotecheck.model import Quote
from quotecheck.rules.direct import find_direct

_EXTRACTOR = quotecheck.Extractor()


def direct(text: str) -> list[Quote]:
    return [q for q in _EXTRACTOR.extract(text) if q.kind == "direct"]


def contents(text: str) -> list[str]:
    return [q.content.text for q in direct(text)]


def only(text: str) -> Quote:
    found = direct(text)
    assert len(found) == 1, [q.content.text for q in found]
    return found[0]


def _cue(quote: Quote) -> str | None:
    return None if quote.cue is None else quote.cue.text


def _speaker(quote: Quote) -> str | None:
    return None if quote.speaker is None else quote.speaker.text


# --- every quotation-mark convention ----------------------------------------------

CONVENTIONS = [
    # (convention, text, content)
    ("german", "Anna Berger sagte: „Wir bleiben im Streik.“", "Wir bleiben im Streik."),
    ("german single", "Anna Berger sagte: ‚Wir bleiben im Streik.‘", "Wir bleiben im Streik."),
    ("guillemets", "Anna Berger sagte: »Wir bleiben im Streik.«", "Wir bleiben im Streik."),
    ("swiss guillemets", "Anna Berger sagte: «Wir bleiben im Streik.»", "Wir bleiben im Streik."),
    ("single guillemets", "Anna Berger sagte: ›Wir bleiben im Streik.‹", "Wir bleiben im Streik."),
    ("english", "Anna Berger sagte: “Wir bleiben im Streik.”", "Wir bleiben im Streik."),
    ("straight", 'Anna Berger sagte: "Wir bleiben im Streik."', "Wir bleiben im Streik."),
    ("mixed „…\"", 'Anna Berger sagte: „Wir bleiben im Streik."', "Wir bleiben im Streik."),
    ("mixed „…”", "Anna Berger sagte: „Wir bleiben im Streik.”", "Wir bleiben im Streik."),
    ("mixed \"…“", 'Anna Berger sagte: "Wir bleiben im Streik.“', "Wir bleiben im Streik."),
    ("german after", "„Wir bleiben im Streik“, sagte Anna Berger.", "Wir bleiben im Streik"),
    ("guillemets after", "»Wir bleiben im Streik«, sagte Anna Berger.", "Wir bleiben im Streik"),
    ("swiss after", "«Wir bleiben im Streik», sagte Anna Berger.", "Wir bleiben im Streik"),
    ("english after", "“Wir bleiben im Streik”, sagte Anna Berger.", "Wir bleiben im Streik"),
    ("straight after", '"Wir bleiben im Streik", sagte Anna Berger.', "Wir bleiben im Streik"),
    ("single after", "‚Wir bleiben im Streik‘, sagte Anna Berger.", "Wir bleiben im Streik"),
    ("mixed after", '„Wir bleiben im Streik", sagte Anna Berger.', "Wir bleiben im Streik"),
    ("mixed ” after", "„Wir bleiben im Streik”, sagte Anna Berger.", "Wir bleiben im Streik"),
]


@pytest.mark.parametrize("convention, text, content", CONVENTIONS, ids=[c[0] for c in CONVENTIONS])
def test_every_convention(convention: str, text: str, content: str) -> None:
    quote = only(text)
    assert quote.content.text == content
    assert _speaker(quote) == "Anna Berger"
    assert quote.speaker.name == "Anna Berger"
    assert _cue(quote) == "sagte" and quote.cue.lemma == "sagen"
    # the content excludes the marks: a mark sits right outside it on both sides
    (span,) = quote.content.spans
    assert text[span.start - 1] in quotecheck.text.QUOTE_CHARS
    assert text[span.end] in quotecheck.text.QUOTE_CHARS


# --- frame positions -----------------------------------------------------------------

FRAMES = [
    # (case, text, content, cue, frame, speaker)
    (
        "before with colon",
        "Er fügte hinzu: „Wir werden nicht nachgeben.“",
        "Wir werden nicht nachgeben.",
        "fügte hinzu",
        "Er fügte hinzu:",
        "Er",
    ),
    (
        "before, verb-first",
        "Am Montag erklärte die Bürgermeisterin Eva Lange: „Die Brücke bleibt gesperrt.“",
        "Die Brücke bleibt gesperrt.",
        "erklärte",
        "Am Montag erklärte die Bürgermeisterin Eva Lange:",
        "die Bürgermeisterin Eva Lange",
    ),
    (
        "after",
        "„Die Brücke bleibt gesperrt“, sagte Eva Lange am Montag.",
        "Die Brücke bleibt gesperrt",
        "sagte",
        "sagte Eva Lange am Montag",
        "Eva Lange",
    ),
    (
        "after with particle",
        "„Die Brücke bleibt gesperrt“, fügte Eva Lange hinzu.",
        "Die Brücke bleibt gesperrt",
        "fügte hinzu",
        "fügte Eva Lange hinzu",
        "Eva Lange",
    ),
    (
        "after, question",
        "„Wer soll das bezahlen?“, fragte Eva Lange.",
        "Wer soll das bezahlen?",
        "fragte",
        "fragte Eva Lange",
        "Eva Lange",
    ),
    (
        "colon frame without verb",
        "Merkel: „Wir schaffen das.“",
        "Wir schaffen das.",
        ":",
        "Merkel:",
        "Merkel",
    ),
    (
        "postposed so",
        "„Wir bleiben standhaft“, so Gewerkschaftschef Jan Roth.",
        "Wir bleiben standhaft",
        "so",
        "so Gewerkschaftschef Jan Roth",
        "Gewerkschaftschef Jan Roth",
    ),
    (
        "one-word answer",
        "„Nein“, sagte Jan Roth.",
        "Nein",
        "sagte",
        "sagte Jan Roth",
        "Jan Roth",
    ),
]


@pytest.mark.parametrize("case, text, content, cue, frame, speaker", FRAMES, ids=[f[0] for f in FRAMES])
def test_frame_positions(case: str, text: str, content: str, cue: str, frame: str, speaker: str) -> None:
    quote = only(text)
    assert quote.content.text == content
    assert _cue(quote) == cue
    assert quote.frame is not None and quote.frame.text == frame
    assert _speaker(quote) == speaker
    assert quote.cue.spans[0].start >= quote.frame.start and quote.cue.spans[-1].end <= quote.frame.end


@pytest.mark.parametrize(
    "text, content, cue, speaker",
    [
        # a quote right after a colon opens an utterance, even without a verb there
        ("Der Trainer war zufrieden: „Ein guter Start“, sagte er.", "Ein guter Start", "sagte", "er"),
        # no comma after a question: the quote's own ? separates it from the frame
        ("„Wer kommt mit?“ fragte die Lehrerin Uta Korn.", "Wer kommt mit?", "fragte", "die Lehrerin Uta Korn"),
        # the verb of the source's clause is not the quote's cue
        ("Wie die Zeitung meldete, soll der Minister gesagt haben: „Wir treten nicht zurück.“", "Wir treten nicht zurück.", "gesagt", None),
        # a colon after a clause without a speech verb, but the content is a sentence
        ("Die Ärztin war besorgt: „So etwas haben wir noch nie erlebt.“", "So etwas haben wir noch nie erlebt.", ":", "Die Ärztin"),
        # a so-frame before the colon names the speaker
        ("Das habe Methode, so der Gutachter weiter: „Das ist in vielen Firmen üblich.“", "Das ist in vielen Firmen üblich.", ":",
         "der Gutachter"),
        # a whole sentence right after its verb, without a colon
        ("Der Analyst Robert Halver kommentierte „Die Erwartungen sind zu hoch.“", "Die Erwartungen sind zu hoch.", "kommentierte",
         "Der Analyst Robert Halver"),
        # a participle opening the sentence is an adverb, not the speaker
        ("Ergänzend fügte die Ministerin hinzu: „Wir sind bereit.“", "Wir sind bereit.", "fügte hinzu", "die Ministerin"),
        # a reflexive frame after the quote
        ("„Wir haben vier Punkte“, zeigte sich Trainer Milo Rajevac zufrieden.", "Wir haben vier Punkte", "zeigte",
         "Trainer Milo Rajevac"),
        # „mit den Worten“ right before the quote, no colon: the quoted one speaks
        ("Das Blatt zitierte die Ärztin mit den Worten „Wir arbeiten seit Wochen am Limit.“",
         "Wir arbeiten seit Wochen am Limit.", "zitierte", "die Ärztin"),
    ],
)
def test_harder_frames(text: str, content: str, cue: str, speaker: str | None) -> None:
    quote = only(text)
    assert (quote.content.text, _cue(quote)) == (content, cue)
    if speaker is not None:
        assert _speaker(quote) == speaker


def test_mit_den_worten_without_a_verb_of_saying_frames_nothing() -> None:
    """„schloss seine Rede mit den Worten „…““: no speech verb, so the short quote is no framed direct speech."""
    assert _EXTRACTOR.extract("Der Bürgermeister schloss seine Rede mit den Worten „Danke für alles“.") == []


def test_speaker_between_modal_and_participle() -> None:
    quote = only("Wie die Zeitung meldete, soll der Minister gesagt haben: „Wir treten nicht zurück.“")
    assert _speaker(quote) == "der Minister"


def test_discontinuous_cue_has_two_spans() -> None:
    text = "Er fügte hinzu: „Wir werden nicht nachgeben.“"
    quote = only(text)
    assert [text[s.start : s.end] for s in quote.cue.spans] == ["fügte", "hinzu"]
    assert quote.cue.lemma == "hinzufügen"
    assert quote.speaker.spans[0].start == 0 and quote.speaker.type == "person"
    assert quote.speaker.name is None  # no one named before: not guessed


def test_after_frame_with_news_agency_source() -> None:
    text = "„Wir testen weiter“, sagte Kim laut der AP."
    quote = only(text)
    assert quote.content.text == "Wir testen weiter"
    assert (_speaker(quote), quote.speaker.name, quote.speaker.type) == ("Kim", "Kim", "person")
    assert [(s.text, s.name, s.type) for s in quote.sources] == [("laut der AP", "AP", "news_agency")]
    assert quote.frame.text == "sagte Kim laut der AP"


def test_verb_frame_says_which_words_frame_the_quote() -> None:
    text = "„Wir liefern weiter“, sagte Putin jedoch, „aber nicht umsonst.“"
    quote = only(text)
    assert quote.frame.text == "sagte Putin jedoch,"
    assert quote.content.text == "Wir liefern weiter aber nicht umsonst."


# --- interrupted, multi-sentence, multi-paragraph, nested -------------------------------


@pytest.mark.parametrize(
    "text, parts, speaker",
    [
        ("„Das ist ein Anfang“, sagte er, „aber es reicht nicht.“", ["Das ist ein Anfang", "aber es reicht nicht."], "er"),
        ("»Wir sind bereit«, sagte die Trainerin Lea Vogt, »und wir haben keine Angst.«", ["Wir sind bereit", "und wir haben keine Angst."], "die Trainerin Lea Vogt"),
        ("«Das Wasser steigt», so Pegelwart Urs Frei, «und es regnet weiter.»", ["Das Wasser steigt", "und es regnet weiter."], "Pegelwart Urs Frei"),
        ('"Wir kommen", sagte Tom Hahn, "aber erst morgen."', ["Wir kommen", "aber erst morgen."], "Tom Hahn"),
    ],
)
def test_interrupted_quote_is_one_quote_with_two_spans(text: str, parts: list[str], speaker: str) -> None:
    quote = only(text)
    assert [text[s.start : s.end] for s in quote.content.spans] == parts
    assert quote.content.text == " ".join(parts)
    assert _speaker(quote) == speaker
    # the frame lies between the two pieces
    assert quote.content.spans[0].end < quote.frame.start < quote.frame.end < quote.content.spans[1].start


def test_multi_sentence_quote() -> None:
    text = "Die Ärztin Mara Kühn sagte: „Die Lage ist ernst. Wir haben zu wenig Betten! Wer hilft uns?“"
    quote = only(text)
    assert quote.content.text == "Die Lage ist ernst. Wir haben zu wenig Betten! Wer hilft uns?"
    assert quote.sentence == 0  # the sentence where the content starts


def test_multi_paragraph_quote_reopened_each_paragraph() -> None:
    text = (
        "Die Ärztin Mara Kühn sprach am Abend vor der Presse. Sie sagte:\n\n"
        "„Die Lage ist ernst. Wir haben zu wenig Betten.\n\n"
        "„Die Kollegen arbeiten seit Tagen ohne Pause.\n\n"
        "„Wir brauchen Hilfe aus den Nachbarländern.“\n\n"
        "Das Ministerium prüft den Antrag."
    )
    quotes = direct(text)
    assert len(quotes) == 1
    quote = quotes[0]
    pieces = [text[s.start : s.end] for s in quote.content.spans]
    assert pieces[0].startswith("Die Lage ist ernst.")
    assert pieces[-1].endswith("Nachbarländern.")
    assert "Die Kollegen arbeiten seit Tagen ohne Pause." in quote.content.text
    assert "Das Ministerium" not in quote.content.text
    assert quote.content.start == text.index("Die Lage")
    assert quote.content.end == text.index("“")


@pytest.mark.parametrize(
    "text, content",
    [
        ("Er sagte: „Der Satz ‚Wir schaffen das‘ gilt weiter.“", "Der Satz ‚Wir schaffen das‘ gilt weiter."),
        ("„Er rief ‚Feuer!‘ und rannte los“, sagte die Zeugin Ida Brandt.", "Er rief ‚Feuer!‘ und rannte los"),
        ("Sie sagte: »Das Motto ›Nie wieder‹ gilt.«", "Das Motto ›Nie wieder‹ gilt."),
        ("Sie sagte: «Das Motto ‹Nie wieder› gilt.»", "Das Motto ‹Nie wieder› gilt."),
        ("Er sagte: “Das Motto ‘Yes we can’ gilt.”", "Das Motto ‘Yes we can’ gilt."),
    ],
)
def test_nested_quote_stays_inside(text: str, content: str) -> None:
    assert contents(text) == [content]


# --- speakers across quotes -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "„Wir bleiben hart“, sagte Ministerin Anna Berger.\n\n„Wir geben nicht nach“, fügte sie hinzu.",
            ["Anna Berger", "Anna Berger"],
        ),
        (
            "Jan Roth sagte: „Wir streiken.“ Er fügte hinzu: „Wir bleiben hart.“",
            ["Jan Roth", "Jan Roth"],
        ),
        (
            "„Wir streiken“, sagte Jan Roth. „Das ist zu wenig“, sagte Roth später. Er sagte: „Wir warten.“",
            ["Jan Roth", "Jan Roth", "Jan Roth"],
        ),
    ],
)
def test_pronoun_speaker_resolves_to_last_named_speaker(text: str, names: list[str]) -> None:
    assert [q.speaker.name for q in direct(text)] == names


def test_standalone_quote_continues_previous_speaker() -> None:
    text = "„Der Vertrag ist fair“, sagte Jan Roth. „Wir unterschreiben ihn noch heute Abend.“"
    first, second = direct(text)
    assert second.content.text == "Wir unterschreiben ihn noch heute Abend."
    assert second.cue is None and second.frame is None
    assert second.speaker is not None and second.speaker.name == "Jan Roth"
    assert second.confidence < first.confidence


# --- traps: quoted text that is not speech -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Zeitung „Morning Star“ berichtete über den Streik.",
        "Die Regierung plant den sogenannten „Heizhammer“ für das kommende Jahr.",
        "Die Raumsonde „Shenzhou 6“ startete am Morgen.",
        "Der Film »Das Boot« läuft heute im Ersten.",
        "Die Partei „Die Linke“ verlor Stimmen.",
        'Das Schiff "Nordstern" lag im Hafen.',
        "Das Musical „Cats“ kehrt nach Hamburg zurück.",
        "Die Kampagne “Yes we can” war erfolgreich.",
        # a quoted name as the subject: no comma between the quote and the verb
        "„Tagesschau“ berichtete am Abend ausführlich über den Streik.",
        "„Blaue Stunde“ sahen am ersten Abend mehr als tausend Menschen.",
        # „so“ followed by a verb is an adverb, not the according-to „so“
        "„Gewalt gegen Kinder“, so lautet der Titel der neuen Studie.",
        # a whole clause before the colon, no speech verb, a title after it
        "Am Wochenende findet in Kiel ein Festival statt: „Musik am Meer“.",
        "Die Band stellte am Abend ihr neues Album vor: „Kalte Sonne“.",
    ],
)
def test_titles_names_and_scare_quotes_are_not_direct_speech(text: str) -> None:
    assert direct(text) == []


def test_unbalanced_mark_does_not_swallow_the_next_paragraph() -> None:
    text = (
        "Der Sprecher sagte: „Wir prüfen den Fall und melden uns\n\n"
        "„Das war ein harter Tag“, sagte die Trainerin Lea Vogt.\n\n"
        "Die Spielerin Nina Kamp sagte: „Wir kommen wieder.“"
    )
    quotes = direct(text)
    assert [q.content.text for q in quotes] == [
        "Wir prüfen den Fall und melden uns",
        "Das war ein harter Tag",
        "Wir kommen wieder.",
    ]
    broken, second, third = quotes
    assert broken.content.end == text.index("\n\n")
    assert broken.confidence < second.confidence
    assert second.content.start == text.index("Das war")
    assert (second.speaker.name, third.speaker.name) == ("Lea Vogt", "Nina Kamp")


def test_unbalanced_mark_in_the_middle_of_a_paragraph() -> None:
    text = "Der Trainer nannte das „Spiel ein Desaster. Die Mannschaft reiste ab.\n\n„Wir kommen wieder“, sagte Kapitän Tim Ohm."
    quotes = direct(text)
    assert [q.content.text for q in quotes][-1] == "Wir kommen wieder"
    assert quotes[-1].speaker.name == "Tim Ohm"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Wetter war schön“, und alle gingen heim. „Wir kommen wieder“, sagte Jan Roth.", ["Wir kommen wieder"]),
        ("Der Abend endete ruhig.« Jan Roth sagte: »Wir kommen wieder.«", ["Wir kommen wieder."]),
        ("Alles blieb ruhig.” “Wir kommen wieder”, sagte Jan Roth.", ["Wir kommen wieder"]),
    ],
)
def test_closing_mark_without_opener_is_ignored(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text, content",
    [
        ("Jan Roth sagte: \"So geht's nicht weiter, wir brauchen's jetzt.\"", "So geht's nicht weiter, wir brauchen's jetzt."),
        ("\"Wie geht's weiter?\", fragte Jan Roth.", "Wie geht's weiter?"),
        ("Jan Roth sagte: „Geht’s noch? Wir haben’s versucht.“", "Geht’s noch? Wir haben’s versucht."),
        ("Jan Roth sagte: ‚So geht's nicht.‘", "So geht's nicht."),
    ],
)
def test_apostrophes_are_not_quotation_marks(text: str, content: str) -> None:
    assert contents(text) == [content]


def test_english_quote_inside_german_text() -> None:
    text = "Die Ministerin Ruth Lee sagte: „Die Wahl ist entschieden.“ Oppositionsführer Sam Ortiz sagte: “It is not over yet.”"
    quotes = direct(text)
    assert [q.content.text for q in quotes] == ["Die Wahl ist entschieden.", "It is not over yet."]
    assert [q.speaker.name for q in quotes] == ["Ruth Lee", "Sam Ortiz"]


def test_english_title_inside_a_german_quote_is_part_of_it() -> None:
    text = "Der Sprecher sagte: „Das Motto “Yes we can” gilt weiter.“"
    assert contents(text) == ["Das Motto “Yes we can” gilt weiter."]


# --- the contract of a direct quote ---------------------------------------------------


def test_direct_quote_record() -> None:
    text = "Die Stadt rüstet sich. „Der Deich hält“, sagte Bürgermeister Ole Sand am Morgen."
    quote = only(text)
    assert quote.kind == "direct" and quote.mood is None
    assert quote.content.text == "Der Deich hält"
    assert text[quote.content.start - 1] == "„" and text[quote.content.end] == "“"
    assert quote.cue.text == "sagte" and quote.cue.lemma == "sagen"
    assert quote.frame.text == "sagte Bürgermeister Ole Sand am Morgen"
    assert quote.speaker.text == "Bürgermeister Ole Sand"
    assert (quote.speaker.name, quote.speaker.type) == ("Ole Sand", "person")
    assert quote.sentence == 1
    assert 0.0 <= quote.confidence <= 1.0
    assert quote.addressee is None and quote.sources == () and quote.fragments == ()


def test_framed_quote_is_more_certain_than_unframed() -> None:
    framed = only("„Wir kommen morgen früh wieder“, sagte Jan Roth.")
    bare = only("„Wir kommen morgen früh wieder und bringen Werkzeug mit.“")
    assert 0.0 <= bare.confidence < framed.confidence <= 1.0


def test_quotes_are_in_text_order_with_unique_ids() -> None:
    text = (
        "„Wir beginnen“, sagte Jan Roth. Eva Lange sagte: „Wir auch.“\n\n"
        "„Das dauert“, so Tom Hahn, „noch Wochen.“"
    )
    quotes = _EXTRACTOR.extract(text, "doc-7")
    assert [q.content.text for q in quotes] == ["Wir beginnen", "Wir auch.", "Das dauert noch Wochen."]
    assert [q.id for q in quotes] == ["doc-7:q1", "doc-7:q2", "doc-7:q3"]
    assert [q.sentence for q in quotes] == [0, 1, 2]


def test_rejected_interrupted_quote_leaves_both_parts_to_other_rules() -> None:
    # one word each side of the frame: no direct speech, but both pieces stay
    # available as fragments of other quotes
    doc = _EXTRACTOR.analyse("„Nie“, sagte sie, „wieder“ kam er.")
    result = find_direct(doc, _EXTRACTOR.lexicon)
    assert result.quotes == ()
    assert [doc.text[doc.tokens[s.open].start : doc.tokens[s.close].end] for s in result.other_spans] == [
        "„Nie“",
        "„wieder“",
    ]


def test_an_impersonal_frame_gives_the_lemma_of_rule_words() -> None:
    """„…“, hiess es (Swiss spelling): the cue's lemma is rule_words.tsv's impersonal_lemma, „heißen“."""
    (quote,) = quotecheck.extract("„Wir bleiben bis zum Ende“, hiess es.")
    assert quote.rule == "direct.impersonal_after"
    assert quote.cue is not None and quote.cue.lemma == "heißen"


def test_a_quoted_span_keeps_its_spans_as_a_tuple_whatever_it_is_given() -> None:
    # „Wir kommen“: one span of content; a list given (a user's or a test's) is kept as
    # the tuple the pairing builds, so the two compare and hash alike, pure or compiled
    from quotecheck.rules.quotemarks import QuotedSpan

    given = QuotedSpan(0, 3, [(1, 11)])  # type: ignore[arg-type]
    built = QuotedSpan(0, 3, ((1, 11),))
    assert given.spans == ((1, 11),) and given == built and hash(given) == hash(built)
    assert (given.start, given.end) == (1, 11)
