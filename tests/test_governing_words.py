"""Governing words beyond plain verbs of saying (issue 13, point 4).

Nouns of saying with their complement clause, and verbs of deciding, planning,
ordering and finding whose complement clause the WikiNews gold annotates as
reported speech. Every example is written for these tests.
"""

from __future__ import annotations

import pytest

from quotecheck.extractor import Extractor
from quotecheck.lexicon import SPEECH_CLASSES, FrameWords, load_lexicon, parse_speech_nouns
from quotecheck.errors import LexiconError


def _indirect(ex: Extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.content.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None)
        for q in ex.extract(text)
        if q.kind == "indirect"
    ]


# --- nouns of saying -------------------------------------------------------------------------

NOUNS = [
    # (text, content, cue, speaker): the noun's attribute names who said it
    ("Die Forderung der Eltern, den Unterricht später beginnen zu lassen, lehnte die Schule ab.",
     "den Unterricht später beginnen zu lassen", "Forderung", "der Eltern"),
    ("Die Warnung des Wetterdienstes, der Sturm werde am Abend die Küste erreichen, kam spät.",
     "der Sturm werde am Abend die Küste erreichen", "Warnung", "des Wetterdienstes"),
    ("Trotz der Ankündigung ihrer Trainerin, Jana Roth, den Verein im Sommer zu verlassen, blieb die Stimmung gut.",
     "den Verein im Sommer zu verlassen", "Ankündigung", "ihrer Trainerin, Jana Roth"),
    ("Der Stadtrat wies den Vorwurf von Bürgermeister Kessler, die Fraktion blockiere den Haushalt, entschieden zurück.",
     "die Fraktion blockiere den Haushalt", "Vorwurf", "Bürgermeister Kessler"),
    # no owner: the noun names no speaker
    ("Den Ermittlern lagen Hinweise vor, dass der Täter das Haus kannte.", "dass der Täter das Haus kannte", "Hinweise", None),
    ("Die Pläne, das Freibad im Winter zu überdachen, stießen auf Kritik.", "das Freibad im Winter zu überdachen", "Pläne", None),
    ("Sie reagierte gelassen auf die Frage des Reporters, ob sie zurücktrete.", None, None, None),
]


@pytest.mark.parametrize("text, content, cue, speaker", [n for n in NOUNS if n[1] is not None])
def test_noun_of_saying_with_its_content(ex: Extractor, text: str, content: str, cue: str, speaker: str | None) -> None:
    found = _indirect(ex, text)
    assert found, text
    assert found[0] == (content, cue, speaker)


NOUN_NEGATIVES = [
    # the narrator's own nouns of fact or question take no reported content
    "Die Tatsache, dass das Bad schließt, überrascht niemanden.",
    "Die Frage, ob die Brücke saniert wird, ist weiter offen.",
    # a purpose clause is no content of the plan
    "Es gab Pläne, um die Kosten zu senken.",
    # a noun whose content it does not take: „Hinweise“ take no zu-infinitive
    "Es gab Hinweise, die Straße zu sperren.",
    # a question after the noun is the narrator's address, not its content
    "All diese Drohungen, glauben Sie das dient nur dazu um Geld zu bekommen?",
    # inside free indirect speech the noun's clause is itself reported: the whole sentence is the quote
    "Der Minister sagte, die Lage sei ernst. Es gebe Hinweise, dass weitere Anschläge geplant seien.",
]


@pytest.mark.parametrize("text", NOUN_NEGATIVES)
def test_no_noun_content(ex: Extractor, text: str) -> None:
    assert all(q.cue is None or q.cue.text not in load_lexicon().speech_nouns for q in ex.extract(text))


# --- verbs of deciding, planning, ordering and finding ------------------------------------------------

VERBS = [
    ("Der Stadtrat hat entschieden, das Hallenbad im Herbst zu schließen.", "das Hallenbad im Herbst zu schließen", "entschieden"),
    ("Der Vorstand beschloss am Montag, die Dividende zu kürzen.", "die Dividende zu kürzen", "beschloss"),
    ("Die Landrätin ordnete an, die Turnhalle sofort zu räumen.", "die Turnhalle sofort zu räumen", "ordnete an"),
    ("Die Reederei erwägt, die Fähre im Winter stillzulegen.", "die Fähre im Winter stillzulegen", "erwägt"),
    ("Die Ermittlungen ergaben, dass der Fahrer zu schnell gefahren war.", "dass der Fahrer zu schnell gefahren war", "ergaben"),
    ("Aus dem Gutachten geht hervor, dass die Brücke marode ist.", "dass die Brücke marode ist", "geht hervor"),
    ("Der Mann wird verdächtigt, das Feuer gelegt zu haben.", "das Feuer gelegt zu haben", "verdächtigt"),
    ("Die Richterin sah es als erwiesen an, dass der Angeklagte gelogen hatte.", "dass der Angeklagte gelogen hatte", "sah es als an"),
    ("Die Behörde hält es für unwahrscheinlich, dass das Wasser verseucht ist.", "dass das Wasser verseucht ist", "hält es für"),
    ("Der Anwalt hielt dagegen, dass sein Mandant nicht vor Ort gewesen sei.", "dass sein Mandant nicht vor Ort gewesen sei", "hielt dagegen"),
    ("Ein Sprecher schränkte ein, dass die Zahlen vorläufig seien.", "dass die Zahlen vorläufig seien", "schränkte ein"),
    ("Dem Verein wird nachgesagt, Spieler mit Geld gelockt zu haben.", "Spieler mit Geld gelockt zu haben", "nachgesagt"),
]


@pytest.mark.parametrize("text, content, cue", VERBS)
def test_governing_verb_with_its_content(ex: Extractor, text: str, content: str, cue: str) -> None:
    found = _indirect(ex, text)
    assert found, text
    assert found[0][:2] == (content, cue)


VERB_NEGATIVES = [
    # a decision or order without a complement clause is no speech act in the gold
    "Der Stadtrat beschloss den Haushalt für das kommende Jahr.",
    "Die Behörde ordnete die Räumung des Lagers an.",
    # an agentless rule is the narrator's statement
    "Es ist verboten, im Wald zu rauchen.",
    # a decision question is no content of what was said
    "Der Richter entscheidet, ob der Mann in Haft bleibt.",
    # a decision told inside free indirect speech: the sentence is the quote, not a frame
    "Der Sprecher sagte, die Gespräche seien gut verlaufen. Beide Seiten hätten vereinbart, sich im Mai wieder zu treffen.",
]


@pytest.mark.parametrize("text", VERB_NEGATIVES)
def test_no_governing_verb_frame(ex: Extractor, text: str) -> None:
    governing = {"beschließen", "anordnen", "verbieten", "entscheiden", "vereinbaren"}
    assert all(q.cue is None or q.cue.lemma not in governing for q in ex.extract(text))


# --- the lexicon ----------------------------------------------------------------------------------


def test_the_lexicon_is_large_and_classed() -> None:
    lexicon = load_lexicon()
    verbs = [v for v in lexicon.speech_verbs.values() if not v.is_phrase]
    assert len(verbs) >= 400
    nouns = {noun.lemma for noun in lexicon.speech_nouns.values()}
    assert len(nouns) >= 150
    assert {v.cls for v in lexicon.speech_verbs.values()} | {n.cls for n in lexicon.speech_nouns.values()} <= SPEECH_CLASSES


@pytest.mark.parametrize(
    "form, lemma, cls, valency",
    [
        ("Vorwürfe", "Vorwurf", "criticise", {"dass", "v2", "zu"}),
        ("Beschluss", "Beschluss", "decide", {"dass", "zu"}),
        ("Angaben", "Angabe", "report", set()),
    ],
)
def test_a_noun_has_its_lemma_class_and_content(form: str, lemma: str, cls: str, valency: set[str]) -> None:
    noun = load_lexicon().speech_nouns[form]
    assert (noun.lemma, noun.cls, set(noun.valency)) == (lemma, cls, valency)
    assert noun.content == bool(valency)


@pytest.mark.parametrize(
    "line, message",
    [
        ("Plan\tframe\tdream\tzu", "class"),
        ("Plan\tframe\tplan\tnp", "content"),
        ("Plan|Pläne\tframe\tplan\tzu\nPläne\tframe\tplan\tzu", "duplicate"),
    ],
)
def test_a_bad_noun_line_is_refused(line: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_speech_nouns(line + "\n", "speech_nouns.tsv")


@pytest.mark.parametrize("lemma, cls", [("beschließen", "decide"), ("erwägen", "plan"), ("anordnen", "command"), ("ergeben", "find")])
def test_verbs_of_deciding_and_finding_have_their_class(lemma: str, cls: str) -> None:
    verb = load_lexicon().speech_verbs[lemma]
    assert verb.cls == cls and not verb.reported


@pytest.mark.parametrize(
    "line, message",
    [
        ("entschieden\tparticiple", "not two words"),
        ("darauf\tcorrelate", "class"),
    ],
)
def test_a_bad_frame_word_line_is_refused(line: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        good = "darauf\tcorrelative\num\tinfinitive_conjunction\nweil\treason_conjunction\nist\tstatal_auxiliary\ngesagt sagen\tparticiple\nsprechen von\tact_frame\nals\tpredicative_marker\ntote\ttoll_noun\nworden\tpassive_participle\ndrohen mit\tsubject_first_frame\n"
        FrameWords.parse("word\tclass\n" + good + line + "\n", "frame_words.tsv")


def test_frame_words_are_read() -> None:
    frames = load_lexicon().frames
    assert frames.participles["entschieden"] == "entscheiden"
    assert {"darauf", "um", "ist"} <= frames.correlatives | frames.infinitive_conjunctions | frames.statal_auxiliaries


NOUNS_WITH_MATERIAL_BEFORE_THE_COMMA = [
    # (text, content, cue, speaker): a date or a clause-final verb between the noun and its comma;
    # without an owner the subject of the noun's clause said it when the clause makes it the
    # author (authoring_verb, authoring_preposition of rule_words.tsv)
    ("Die Schule prüft die Forderung der Eltern vom Montag, den Unterricht später beginnen zu lassen.",
     "den Unterricht später beginnen zu lassen", "Forderung", "der Eltern"),
    ("Am Freitag hatte die Ärztin die Erlaubnis gegeben, das Krankenhaus zu verlassen.",
     "das Krankenhaus zu verlassen", "Erlaubnis", "die Ärztin"),
    ("Die Gewerkschaft hat die Forderung erhoben, die Löhne zu erhöhen.",
     "die Löhne zu erhöhen", "Forderung", "Die Gewerkschaft"),
    ("Der Verein lehnte den Antrag mit der Begründung ab, der Platz sei zu klein.",
     "der Platz sei zu klein", "Begründung", "Der Verein"),
    ("Der Trainer ist der Meinung, dass die Mannschaft stärker geworden sei.",
     "dass die Mannschaft stärker geworden sei", "Meinung", "Der Trainer"),
    ("Die Mehrheit teilt die Meinung, dass die Renten zu niedrig seien.",
     "dass die Renten zu niedrig seien", "Meinung", "Die Mehrheit"),
    # who rejects an accusation is not its speaker
    ("Der Trainer wies den Vorwurf zurück, er habe die Spieler überfordert.",
     "er habe die Spieler überfordert", "Vorwurf", None),
    # who follows, receives, reports, backs or reads out someone's words did not say them
    # (the WikiNews gold names no clause subject for „ist der Einschätzung gefolgt“ either)
    ("Das Sozialgericht ist der Einschätzung gefolgt, dass die Kasse zahlen müsse.",
     "dass die Kasse zahlen müsse", "Einschätzung", None),
    ("Die Polizei erhielt den Hinweis, dass der Täter geflohen sei.",
     "dass der Täter geflohen sei", "Hinweis", None),
    ("Der Minister erhielt die Warnung, dass die Brücke einsturzgefährdet sei.",
     "dass die Brücke einsturzgefährdet sei", "Warnung", None),
    ("Die Feuerwehr folgte dem Hinweis, dass im Keller noch Menschen seien.",
     "dass im Keller noch Menschen seien", "Hinweis", None),
    ("Die Eltern unterstützen die Forderung, die Schule früher zu öffnen.",
     "die Schule früher zu öffnen", "Forderung", None),
    ("Der Journalist las die Erklärung vor, dass die Firma schließen werde.",
     "dass die Firma schließen werde", "Erklärung", None),
]


@pytest.mark.parametrize("text, content, cue, speaker", NOUNS_WITH_MATERIAL_BEFORE_THE_COMMA)
def test_noun_content_after_a_date_or_verb_and_the_clause_subject(
    ex: Extractor, text: str, content: str, cue: str, speaker: str | None
) -> None:
    found = _indirect(ex, text)
    assert found and found[0] == (content, cue, speaker), text


def test_a_zu_infinitive_after_the_noun_is_its_content_not_a_verb_to_skip(ex: Extractor) -> None:
    """„auf die Bitte mitzuhelfen, nicht geantwortet hätten“: „mitzuhelfen“ is the noun's content, no clause-final verb."""
    text = "Viele Nachbarn seien enttäuscht, die auf die Bitte mitzuhelfen, nicht geantwortet hätten."
    assert all(q.cue is None or q.cue.text != "Bitte" for q in ex.extract(text))


NOUN_AS_SUBJECT = [
    # the verb before the comma is the noun's own: the noun is its clause's subject, no frame
    "Die Hoffnung wächst, dass die Geiseln bald frei kommen.",
    "Der Verdacht besteht, dass das Geld veruntreut wurde.",
    "Die Sorge bleibt, dass der Damm bricht.",
]


def test_a_noun_of_saying_before_a_copula_gives_its_content(ex: Extractor) -> None:
    """„Ihre wichtigste These ist, dass …“: the predicate clause is what the noun names."""
    found = _indirect(ex, "Ihre wichtigste These ist, dass die Städte zu schnell wachsen.")
    assert found and found[0][:2] == ("dass die Städte zu schnell wachsen", "These")


@pytest.mark.parametrize("text", NOUN_AS_SUBJECT)
def test_no_noun_content_when_the_noun_is_the_subject_of_the_verb_before_the_comma(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.rule == "indirect.speech_noun"] == []


def test_no_noun_content_after_two_verb_words(ex: Extractor) -> None:
    """„Der Vorwurf wurde laut, …“: two words after the noun end its reach (the passive clause is the narrator's)."""
    text = "Die Forderung wurde abgelehnt, die Schule früher zu öffnen."
    assert all(q.cue is None or q.cue.text != "Forderung" for q in ex.extract(text))
