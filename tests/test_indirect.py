"""Indirect speech frames: speech verb + complement clause, postposed and wie-frames."""

from __future__ import annotations

import pytest

from quotecheck.extractor import Extractor
from quotecheck.lexicon import load_lexicon
from quotecheck.morph import clause_mood
from quotecheck.rules.content import content_end
from quotecheck.rules.cues import find_cue
from quotecheck.rules.indirect import find_indirect


def _indirect(ex: Extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.content.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None)
        for q in ex.extract(text)
        if q.kind == "indirect"
    ]


POSITIVE = [
    # dass / ob / w-clauses
    ("Die Ministerin erklärte am Dienstag, dass der Etat gekürzt werde.", "dass der Etat gekürzt werde", "erklärte", "Die Ministerin"),
    ("Südkorea schätzt, dass 300 Soldaten gefallen sind.", "dass 300 Soldaten gefallen sind", "schätzt", "Südkorea"),
    ("Der Trainer ließ offen, ob er bleibt, und fragte, wer das bezahlen solle.", "wer das bezahlen solle", "fragte", None),
    # verb-second clause in Konjunktiv
    ("Kim sagte, die Zusammenarbeit habe sich verstärkt.", "die Zusammenarbeit habe sich verstärkt", "sagte", "Kim"),
    ("Der Bürgermeister betonte, man werde das Bad nicht schließen.", "man werde das Bad nicht schließen", "betonte", "Der Bürgermeister"),
    # zu-infinitive
    ("Er versicherte, die Politik der Regierung zu unterstützen.", "die Politik der Regierung zu unterstützen", "versicherte", "Er"),
    # separable particle, also after an apposition
    ("Die Sprecherin fügte hinzu, der Streik könne noch Tage dauern.", "der Streik könne noch Tage dauern", "fügte hinzu", "Die Sprecherin"),
    ("Jetzt gab der Leiter der Feuerwehr, Jan Kolb, bekannt, dass zwei Häuser abgebrannt seien.", "dass zwei Häuser abgebrannt seien", "gab bekannt", None),
    # multi-word phrases and passive forms
    ("Die Gewerkschaft brachte zum Ausdruck, dass sie streiken werde.", "dass sie streiken werde", "brachte zum Ausdruck", "Die Gewerkschaft"),
    ("Am Abend wurde bekannt, dass der Trainer zurücktritt.", "dass der Trainer zurücktritt", "wurde bekannt", None),
    # postposed frame and wie-clauses
    ("Der Staatschef habe seine Dankbarkeit gezeigt, berichtete die Agentur Yonhap.", "Der Staatschef habe seine Dankbarkeit gezeigt", "berichtete", "die Agentur Yonhap"),
    ("Die Lage sei unter Kontrolle, sagte ein Polizeisprecher am Morgen.", "Die Lage sei unter Kontrolle", "sagte", "ein Polizeisprecher"),
    ("Wie der Anwalt mitteilte, brach sein Mandant auf der Straße zusammen.", "brach sein Mandant auf der Straße zusammen", "Wie mitteilte", "der Anwalt"),
    ("Das Werk wird geschlossen, wie der Konzern angekündigt hatte.", "Das Werk wird geschlossen", "wie angekündigt", "der Konzern"),
    ("Wie das Landratsamt bekannt gab, bleiben die Schulen zu.", "bleiben die Schulen zu", "Wie bekannt gab", "das Landratsamt"),
    # nouns of saying with their content
    ("Die von der Ärztin geäußerte Hoffnung, das Kind werde bald gesund, erfüllte sich.", "das Kind werde bald gesund", "Hoffnung", None),
    # „Das“ + speech verb reports the whole sentence before
    ("Die Zentralbank senkt den Leitzins um 0,25 Punkte. Das teilte die Notenbank am Donnerstag mit.",
     "Die Zentralbank senkt den Leitzins um 0,25 Punkte", "teilte mit", "die Notenbank"),
    ("Auf der Insel brennen drei Dörfer. Dies berichtete die Agentur AFP.", "Auf der Insel brennen drei Dörfer", "berichtete",
     "die Agentur AFP"),
]


@pytest.mark.parametrize("text, content, cue, speaker", POSITIVE)
def test_indirect_frames(ex: Extractor, text: str, content: str, cue: str, speaker: str | None) -> None:
    found = _indirect(ex, text)
    assert found, text
    got_content, got_cue, got_speaker = found[0]
    assert got_content == content
    assert got_cue == cue
    if speaker is not None:
        assert got_speaker == speaker


CONTENT_ENDS = [
    # relative and comparative clauses belong to the content …
    ("Er sagte, dass der Krieg weitergehe, was Europa niemals vergessen werde.", "dass der Krieg weitergehe, was Europa niemals vergessen werde"),
    # … a verbless appendix of the narrator does not
    ("Er sagte, dass der Krieg weitergehe, in Anspielung auf die Nachbarn.", "dass der Krieg weitergehe"),
    # nor does a following frame
    ("Die Behörde teilte mit, dass der Regen anhalte und warnte vor Hochwasser.", "dass der Regen anhalte"),
    ("Sie erklärte, der Etat sei knapp; die Opposition widersprach.", "der Etat sei knapp"),
]


@pytest.mark.parametrize("text, content", CONTENT_ENDS)
def test_content_ends_with_the_reported_clause(ex: Extractor, text: str, content: str) -> None:
    assert _indirect(ex, text)[0][0] == content


NEGATIVE = [
    "Es ist erwähnenswert, dass 300 Menschen starben.",
    "Es wird geschätzt, dass 300 Menschen starben.",
    "Er sagte den Termin am Montag ab.",
    "Alles in allem kann man sagen, dass das Fest ein Erfolg war.",
    "Nachdem sie den Fehler bemerkt hatten, wurde eine Notbremsung eingeleitet.",
    "Der Pilot meldete dem Tower einen Schaden, so dass ein Großalarm ausgelöst wurde.",
    "Das Problem besteht darin, dass viele Menschen kein Auto haben.",
    "Roger Barrett, wie er sich selbst gerne nannte, war ein Musiker.",
    "Anna Berg, die Vorsitzende des Vereins, sagte vor der Presse nur wenig.",
    # a demonstrative that does not report the sentence before
    "Der Zug kam spät. Das ärgerte die Fahrgäste sehr.",
    "Er kam spät. Das sagte er, weil er müde war.",
    "Der Plan scheiterte.\n\nDas teilte die Stadt am Montag mit.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_indirect_quote(ex: Extractor, text: str) -> None:
    assert _indirect(ex, text) == []


def test_direct_quote_wins_and_fragments_attach(ex: Extractor) -> None:
    text = "Der Präsident sprach davon, dass die Hilfe eine „brüderliche Pflicht“ sei."
    quotes = ex.extract(text)
    assert [(q.kind, q.parent) for q in quotes] == [("indirect", None), ("direct", quotes[0].id)]
    assert [f.text for f in quotes[0].fragments] == ["brüderliche Pflicht"]


def test_mood_is_set(ex: Extractor) -> None:
    quotes = ex.extract("Kim sagte, die Zusammenarbeit habe sich verstärkt.")
    assert quotes[0].mood == "subjunctive"


@pytest.mark.parametrize(
    "text, index, lemma",
    [
        ("Er hatte angedeutet, dass er geht.", 2, "andeuten"),
        ("Sie wies darauf hin, dass es regnet.", 1, "darauf hinweisen"),
        ("Er gab bekannt, dass es regnet.", 1, "bekanntgeben"),
    ],
)
def test_find_cue(text: str, index: int, lemma: str) -> None:
    ex = Extractor()
    doc = ex.analyse(text)
    cue = find_cue(doc, ex.lexicon, index, len(doc.tokens))
    assert cue is not None and cue.lemma == lemma


def test_content_end_is_linear_and_inside_the_sentence() -> None:
    ex = Extractor()
    doc = ex.analyse("Er sagte, es gehe gut, sagte sie.")
    end = content_end(doc, ex.lexicon, 3, doc.sentences[0].last)
    assert doc.tokens[end - 1].text == "gut"


def test_clause_mood_finds_the_finite_verb() -> None:
    ex = Extractor()
    doc = ex.analyse("die Lage sei ernst")
    mood, index = clause_mood(doc, load_lexicon(), 0, len(doc.tokens))
    assert mood == "subjunctive" and doc.tokens[index].text == "sei"


def test_find_indirect_respects_taken_spans() -> None:
    ex = Extractor()
    text = "Kim sagte, die Lage sei ernst."
    doc = ex.analyse(text)
    assert find_indirect(doc, ex.lexicon, [(0, len(text))]) == []
    assert len(find_indirect(doc, ex.lexicon, [])) == 1


COLON_KONJUNKTIV = [
    # (text, content, cue, speaker): after a colon a Konjunktiv clause is what the act said,
    # even when the verb takes no clause of its own
    ("Die Abgeordnete bezweifelte offen die Eignung des Ministers: Er habe nicht das nötige Gespür.",
     "Er habe nicht das nötige Gespür", "bezweifelte", "Die Abgeordnete"),
    ("Der Trainer lobte seine Mannschaft: Sie habe bis zuletzt gekämpft.",
     "Sie habe bis zuletzt gekämpft", "lobte", "Der Trainer"),
]


@pytest.mark.parametrize("text, content, cue, speaker", COLON_KONJUNKTIV)
def test_a_konjunktiv_clause_after_a_colon_frame(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    assert _indirect(ex, text) == [(content, cue, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        # the indicative after a colon stays the narrator's, unless the verb takes a colon
        "Die Abgeordnete bezweifelte die Zahlen: Sie stammen aus dem Jahr 1990.",
        # no verb of saying before the colon
        "Der Minister besuchte die Stadt: Sie habe schwer gelitten.",
    ],
)
def test_no_indirect_quote_after_these_colons(ex: Extractor, text: str) -> None:
    assert _indirect(ex, text) == []


def test_a_subordinate_clause_with_a_main_clause_before_a_postposed_frame_stays_content(ex: Extractor) -> None:
    text = "Weil das Geld fehlt, kann man nicht bauen, sagte der Bürgermeister."
    assert _indirect(ex, text) == [("Weil das Geld fehlt, kann man nicht bauen", "sagte", "der Bürgermeister")]


# Frames with an apposition between commas, a bracketed aside before the particle,
# and a content clause opened by the adverb „damit“.
FRAME_SHAPES = [
    # (text, content, cue, speaker)
    ("Wie Jan Berg, Sprecher der Stadtwerke, in Kiel mitteilte, hat die Stadt nur sechs Busse im Einsatz.",
     "hat die Stadt nur sechs Busse im Einsatz", "Wie mitteilte", "Jan Berg, Sprecher der Stadtwerke"),
    ("Die Brücke sei sicher, wie die Sprecherin der Stadt, Anna Roth, am Montag betonte.",
     "Die Brücke sei sicher", "wie betonte", "die Sprecherin der Stadt, Anna Roth"),
    ("Vor dem Start wurde kein Notsignal gesendet, teilte später der Direktor der Behörde, Jan Berg, mit.",
     "Vor dem Start wurde kein Notsignal gesendet", "teilte mit", "der Direktor der Behörde, Jan Berg"),
    ("Die Bürgermeisterin, Eva Lenz, teilte am Abend (Ortszeit) mit, dass niemand verletzt worden sei.",
     "dass niemand verletzt worden sei", "teilte mit", "Die Bürgermeisterin, Eva Lenz"),
    ("Der General erklärte hingegen, damit solle ein Machtvakuum vermieden werden.",
     "damit solle ein Machtvakuum vermieden werden", "erklärte", "Der General"),
]


@pytest.mark.parametrize("text, content, cue, speaker", FRAME_SHAPES)
def test_frames_over_appositions_brackets_and_an_adverb_opening_the_content(
    ex: Extractor, text: str, content: str, cue: str, speaker: str
) -> None:
    (q,) = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert q.content.text == content
    assert q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister reiste nach Paris, damit die Verhandlungen weitergehen könnten.",  # „damit“ the subordinator
        "Die Firma sagte den Termin (geplant war der Montag) ab, weil der Saal fehlte.",  # „absagen“ is no speech verb
        "Der Sprecher, Jan Berg, war am Abend (Ortszeit) nicht zu erreichen.",  # narration, no verb of saying
    ],
)
def test_no_indirect_quote_in_these_frames(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Hätte der Sprecher am Abend etwas mitgeteilt, wäre die Lage klarer.",  # irrealis: nothing was said
        "Hätte der Trainer gesagt, dass er geht, wäre der Verein vorbereitet gewesen.",
        "Würde die Stadt zustimmen, dass der Markt bleibt, könnten die Händler planen.",
    ],
)
def test_a_verb_first_condition_frames_no_content(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect"] == []


def test_a_frame_after_a_condition_still_frames_its_content(ex: Extractor) -> None:
    text = "Der Sprecher teilte am Abend mit, die Lage sei klar."
    (q,) = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert q.content.text == "die Lage sei klar"


# The postposed frame opened by „so“: „…, so betonte die Polizei.“ („so“ is part of the cue).
SO_VERB_FRAMES = [
    # (text, content, cue, speaker)
    ("Die Brücke sei nicht mehr sicher, so erklärte der Baudezernent am Montag.",
     "Die Brücke sei nicht mehr sicher", "so erklärte", "der Baudezernent"),
    ("Die Vorwürfe sind haltlos, so betont auch die Anwältin des Vereins.",
     "Die Vorwürfe sind haltlos", "so betont", "die Anwältin des Vereins"),
]


@pytest.mark.parametrize("text, content, cue, speaker", SO_VERB_FRAMES)
def test_so_verb_frame_after_the_content(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    [q] = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert q.content.text == content
    assert q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


SO_VERB_NEGATIVE = [
    "Die Kasse war leer, so kamen keine neuen Spieler.",  # „so kamen“: a consequence, no speech verb
    "Der Plan ist gescheitert, so hatte es der Minister gesagt.",  # a perfect frame after the indicative is narration
    "Es regnete stark, so dass das Spiel ausfiel.",  # „so dass“
]


@pytest.mark.parametrize("text", SO_VERB_NEGATIVE)
def test_no_so_verb_frame(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect"] == []


# The impersonal wie-frame: „Wie es hieß, …“ frames its clause and names no speaker.
IMPERSONAL_WIE = [
    # (text, content, cue)
    ("Wie es hieß, will der Vorstand das Werk im Frühjahr schließen.",
     "will der Vorstand das Werk im Frühjahr schließen", "Wie hieß"),
    ("Die Firma erhalte zwei Millionen Euro Überbrückungsgeld, wie es in Stuttgart hieß.",
     "Die Firma erhalte zwei Millionen Euro Überbrückungsgeld", "wie hieß"),
]


@pytest.mark.parametrize("text, content, cue", IMPERSONAL_WIE)
def test_impersonal_wie_frame(ex: Extractor, text: str, content: str, cue: str) -> None:
    [q] = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert q.content.text == content
    assert q.cue.text == cue
    assert q.speaker is None


IMPERSONAL_WIE_NEGATIVE = [
    "Wie das Dorf früher hieß, weiß heute niemand mehr.",  # naming: the subject is no impersonal pronoun
    "Wie es ihm ging, fragte niemand.",  # no form of „heißen“
]


@pytest.mark.parametrize("text", IMPERSONAL_WIE_NEGATIVE)
def test_no_impersonal_wie_frame(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect"] == []


# A Konjunktiv clause after a postposed frame is said too, and is no apposition of the speaker.
CLAUSE_AFTER_FRAME = [
    # (text, content spans joined by " | ", speaker)
    ("Die Lage sei ernst, sagte der Minister, Europa brauche jetzt Hilfe.",
     "Die Lage sei ernst | Europa brauche jetzt Hilfe", "der Minister"),
    ("Der Neubau werde teurer, erklärte die Stadträtin, die Kosten lägen bei vier Millionen.",
     "Der Neubau werde teurer | die Kosten lägen bei vier Millionen", "die Stadträtin"),
    # a verb-first condition before a frame in the indicative is said, with the clause after the frame
    ("Würde der Plan umgesetzt, sagte die Ministerin, drohe ein Chaos.",
     "Würde der Plan umgesetzt | drohe ein Chaos", "die Ministerin"),
    ("Käme es zu einem Streik, erklärte der Verband, sei die Versorgung gefährdet.",
     "Käme es zu einem Streik | sei die Versorgung gefährdet", "der Verband"),
    ("Wäre das Geld da, sagte der Bürgermeister, könne man sofort bauen.",
     "Wäre das Geld da | könne man sofort bauen", "der Bürgermeister"),
    # an article, not a relative pronoun: a noun follows it
    ("Die Lage sei ernst, sagte der Minister, die Kinder seien in Gefahr.",
     "Die Lage sei ernst | die Kinder seien in Gefahr", "der Minister"),
]


@pytest.mark.parametrize("text, content, speaker", CLAUSE_AFTER_FRAME)
def test_konjunktiv_clause_after_a_postposed_frame(ex: Extractor, text: str, content: str, speaker: str) -> None:
    [q] = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert " | ".join(text[s.start : s.end] for s in q.content.spans) == content
    assert q.speaker is not None and q.speaker.text == speaker


APPOSITION_AFTER_FRAME = [
    # (text, content, speaker): the clause after the frame is an apposition or told by the narrator
    ("Die Lage sei ernst, sagte Mark Keller, der Sprecher des Vereins.", "Die Lage sei ernst",
     "Mark Keller, der Sprecher des Vereins"),
    ("Die Lage sei ernst, sagte der Minister, dann verließ er den Saal.", "Die Lage sei ernst", "der Minister"),
    # a relative clause on the speaker, even in Konjunktiv
    ("Die Lage sei ernst, sagte der Minister, der gestern in Brüssel gewesen sei.", "Die Lage sei ernst", "der Minister"),
    ("Der Zug komme später, erklärte die Sprecherin, deren Büro in Kassel liege.", "Der Zug komme später", "die Sprecherin"),
]


@pytest.mark.parametrize("text, content, speaker", APPOSITION_AFTER_FRAME)
def test_no_clause_after_the_frame_when_none_is_said(ex: Extractor, text: str, content: str, speaker: str) -> None:
    [q] = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert q.content.text == content
    assert q.speaker is not None and q.speaker.text == speaker


IRREALIS_CONSEQUENCE = [
    # what would have been said is no quote: the frame is the consequence of a verb-first condition
    "Wäre er gefragt worden, hätte die Ministerin erklärt, sie trete zurück.",
    "Hätte man sie gefragt, hätte die Sprecherin gesagt, das Werk bleibe offen.",
]


@pytest.mark.parametrize("text", IRREALIS_CONSEQUENCE)
def test_no_quote_in_an_irrealis_consequence(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect"] == []


def test_a_condition_with_its_main_clause_before_a_postposed_frame_is_content(ex: Extractor) -> None:
    text = "Wäre das Geld da, könnte die Stadt sofort bauen, sagte der Bürgermeister."
    [q] = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert q.content.text == "Wäre das Geld da, könnte die Stadt sofort bauen"


def test_a_question_before_a_postposed_frame_belongs_to_the_frame(ex: Extractor) -> None:
    """„Auf die Frage, ob …, sagte X, …“: the answer after the frame is said, the question is its frame."""
    text = "Auf die Frage, ob die Stadt vermitteln werde, sagte die Ministerin im Landtag, dafür sei es zu früh."
    [q] = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert q.content.text == "dafür sei es zu früh"
    assert q.frame.text == "Auf die Frage, ob die Stadt vermitteln werde, sagte die Ministerin im Landtag"
    assert q.speaker is not None and q.speaker.text == "die Ministerin"


def test_a_question_alone_is_no_content_of_the_frame_after_it(ex: Extractor) -> None:
    text = "Auf die Frage, ob die Stadt vermitteln werde, sagte die Ministerin nichts."
    assert all("vermitteln" not in q.content.text for q in ex.extract(text) if q.kind == "indirect")
