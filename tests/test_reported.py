"""Reported speech acts told as events."""

from __future__ import annotations

import pytest

from quotecheck.attribution.words import is_speech_verb
from quotecheck.extractor import Extractor
from quotecheck.model import Quote


def _only_reported(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> Quote:
    """The text's one quote, a reported act with this content, cue and speaker (its nested pieces aside)."""
    quotes = [q for q in ex.extract(text) if q.parent is None]
    assert [q.kind for q in quotes] == ["reported"]
    q = quotes[0]
    assert q.content.text == content
    assert q.cue.text == cue
    assert q.speaker.text == speaker
    return q


POSITIVE = [
    # (text, content = the act's object material, cue, speaker)
    ("Putin lobte die Soldaten für ihre Tapferkeit.", "die Soldaten für ihre Tapferkeit", "lobte", "Putin"),
    ("Die Gewerkschaft kritisierte die geplanten Kürzungen scharf.", "die geplanten Kürzungen scharf", "kritisierte", "Die Gewerkschaft"),
    ("Am Montag bekräftigte der Kanzler seine Unterstützung für die Ukraine.", "seine Unterstützung für die Ukraine", "bekräftigte", "der Kanzler"),
    ("Der Verein wies die Vorwürfe des Verbands zurück.", "die Vorwürfe des Verbands", "wies zurück", "Der Verein"),
    # a particle after the subject
    ("Die Ministerin selbst lobte die Helfer für ihren Einsatz.", "die Helfer für ihren Einsatz", "lobte", "Die Ministerin"),
    # the perfect: the participle at the end of the clause is the cue
    ("Der Angeklagte hatte die Vorwürfe stets zurückgewiesen.", "die Vorwürfe stets", "zurückgewiesen", "Der Angeklagte"),
    ("Die Gewerkschaft hat die Kürzungen scharf kritisiert.", "die Kürzungen scharf", "kritisiert", "Die Gewerkschaft"),
]


@pytest.mark.parametrize("text, content, cue, speaker", POSITIVE)
def test_reported(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    q = _only_reported(ex, text, content, cue, speaker)
    assert q.frame.text.startswith(text.split()[0])


NEGATIVE = [
    "Er sagte den Termin ab.",  # a particle verb outside the lexicon
    "Die Flut forderte 92 Menschenleben.",  # claimed lives, not a demand
    "Die Behörde gab die Identität des Kindes nicht bekannt.",  # negated: no act
    "Die Mannschaft bestreitet am Sonntag ihr zweites Gruppenspiel.",  # to contest a match
    "Der Zug erreichte den Bahnhof pünktlich.",  # no speech verb
    "Die Ministerin äußerte sich nicht.",  # nothing said
    "Sie hat die Vorwürfe nicht zurückgewiesen.",  # negated perfect
    "Er hatte nichts zu kritisieren.",  # an infinitive, no act
    "Der Trainer hat die Mannschaft gestern aufgestellt.",  # no speech verb
]


def test_complement_clause_makes_it_indirect(ex: Extractor) -> None:
    quotes = ex.extract("Die Ministerin kritisierte, dass die Mittel fehlten.")
    assert [q.kind for q in quotes] == ["indirect"]


PIECES = [
    # (text, content, cue, speaker, fragments): a speech act around a verbatim piece
    ("Die Trainerin nannte die Absage einen „Vertrauensbruch“.", "die Absage einen „Vertrauensbruch“", "nannte", "Die Trainerin", ["Vertrauensbruch"]),
    ("Der Bundestrainer bezeichnete zehn Gelbe Karten als „völlig übertrieben“.", "zehn Gelbe Karten als „völlig übertrieben“", "bezeichnete als", "Der Bundestrainer", ["völlig übertrieben"]),
    ("Der Ordnungsdezernent sprach von einer „Gefahr für die Anwohner“.", "von einer „Gefahr für die Anwohner“", "sprach von", "Der Ordnungsdezernent", ["Gefahr für die Anwohner"]),
    ("Die Opposition warf dem Senat „Wortbruch“ vor.", "dem Senat „Wortbruch“", "warf vor", "Die Opposition", ["Wortbruch"]),
    ("Die Ärztekammer warnte vor einer „Zwei-Klassen-Medizin“.", "vor einer „Zwei-Klassen-Medizin“", "warnte vor", "Die Ärztekammer", ["Zwei-Klassen-Medizin"]),
    ("Am Abend nannte der Bürgermeister den Beschluss »kurzsichtig«.", "den Beschluss »kurzsichtig«", "nannte", "der Bürgermeister", ["kurzsichtig"]),
    ("Das Ministerium hatte den Bericht am Freitag als „haltlos“ zurückgewiesen.", "den Bericht am Freitag als „haltlos“", "zurückgewiesen", "Das Ministerium", ["haltlos"]),
    ("Sie riet den Eltern zu „Geduld und Gelassenheit“.", "den Eltern zu „Geduld und Gelassenheit“", "riet", "Sie", ["Geduld und Gelassenheit"]),
    # the prepositional object with the piece opens the sentence
    ("Von einer „gezielten Kampagne“ sprach der Abgeordnete am Montag.", "Von einer „gezielten Kampagne“", "Von sprach", "der Abgeordnete", ["gezielten Kampagne"]),
    # a plural present form after the fronted object with the piece; two pieces joined by „oder“
    ("Von einem „Kahlschlag“ sprechen die Gewerkschaften.", "Von einem „Kahlschlag“", "Von sprechen", "die Gewerkschaften", ["Kahlschlag"]),
    ("Von „fahrlässiger“ oder „grob fahrlässiger Planung“ sprechen Kritiker.",
     "Von „fahrlässiger“ oder „grob fahrlässiger Planung“", "Von sprechen", "Kritiker", ["fahrlässiger", "grob fahrlässiger Planung"]),
    # two pieces in one act
    ("Die Gewerkschaft nannte das Angebot „dürftig“ und „respektlos“.", "das Angebot „dürftig“ und „respektlos“", "nannte", "Die Gewerkschaft", ["dürftig", "respektlos"]),
    # the subject after the verb, with an apposition between commas
    ("Nach der Sitzung nannte Jana Roth, Sprecherin des Mieterbundes, die Erhöhung „maßlos“.",
     "die Erhöhung „maßlos“", "nannte", "Jana Roth, Sprecherin des Mieterbundes", ["maßlos"]),
    ("Im Ausschuss nannte Paul Berger, Leiter der Feuerwehr von Grünau, den Umbau „längst überfällig“.",
     "den Umbau „längst überfällig“", "nannte", "Paul Berger, Leiter der Feuerwehr von Grünau", ["längst überfällig"]),
]


@pytest.mark.parametrize("text, content, cue, speaker, fragments", PIECES)
def test_reported_with_quoted_piece(ex: Extractor, text: str, content: str, cue: str, speaker: str, fragments: list[str]) -> None:
    q = _only_reported(ex, text, content, cue, speaker)
    assert [f.text for f in q.fragments] == fragments


PIECE_NEGATIVES = [
    "Am Sonntag sah die Familie den „Tatort“ im Ersten.",  # a title after a verb that is not speech
    "Die Zeitung „Morgenpost“ erschien am Montag nicht.",  # a name, no speech verb
    "Der Kommissar sprach mit dem „Paten“ über das Wetter.",  # sprechen without „von“: a conversation
    "Die Ärztin warnte die Patienten nicht vor der „Nebenwirkung“.",  # negated
    "Von einem „Skandal“ sprach niemand.",  # negated subject: no act
    "Spät nach Hause kam er und nannte die Sache „erledigt“.",  # no subject opens the sentence
    "Die Kinder sehen am Abend den „Tatort“.",  # an infinitive-like plural form, and not speech
    "Der Kegelclub nannte sich damals „die Pudel“.",  # a name the subject gives itself, no speech act
    "Seit dem Umzug nennt sich die Band „Nachtfalter“.",
    "Von einem „Kahlschlag“ sprechen die Gewerkschaften nicht.",  # negated
    "Über den „Kahlschlag“ sprechen die Gewerkschaften heute.",  # „sprechen über“ is talk, no act frame
    "Nach der Sitzung traf Jana Roth, Sprecherin des Mieterbundes, den Autor von „Mietwahnsinn“.",  # an apposition, no verb of saying
]


@pytest.mark.parametrize("text", NEGATIVE + PIECE_NEGATIVES)
def test_not_reported(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "reported"] == []


def test_long_quoted_text_stays_direct_speech(ex: Extractor) -> None:
    text = "Der Minister warnte: „Wir werden diese Entscheidung nicht hinnehmen, auf keinen Fall.“"
    assert [q.kind for q in ex.extract(text)] == ["direct"]


@pytest.mark.parametrize(
    "text",
    [
        "Er sagte laut „Kurier“, man erwarte mehr Schiffe.",
        "Die Reederin bestätigte laut „Abendblatt“ den Verkauf.",
    ],
)
def test_a_source_phrase_alone_is_no_reported_content(ex: Extractor, text: str) -> None:
    # „laut „Kurier““ is cut out of the act as a source; nothing may be left as an
    # empty quote (this crashed the whole document with an IndexError before)
    result = ex.process("d", text)
    assert result.error is None
    assert all(q.content.text.strip() for q in result.quotes)


# A verb-first clause after „und“ frames the piece; its subject opens the sentence.
COORDINATED_PIECES = [
    # (text, content, cue, speaker, fragments)
    ("Die Stadt zeigte sich erschüttert über die Tat und verurteilte sie als „feigen Anschlag“.",
     "sie als „feigen Anschlag“", "verurteilte", "Die Stadt", ["feigen Anschlag"]),
    ("Er kam spät nach Hause und nannte die Sache „erledigt“.", "die Sache „erledigt“", "nannte", "Er", ["erledigt"]),
    ("Die Rektorin besuchte die neue Mensa und lobte das Essen als „überraschend gut“.",
     "das Essen als „überraschend gut“", "lobte", "Die Rektorin", ["überraschend gut"]),
    # an adverbial opens the sentence, the subject follows the first verb (a reflexive may stand between)
    ("Im Rathaus zeigte sich die Bürgermeisterin bestürzt und verurteilte den Brand als „feige Tat“.",
     "den Brand als „feige Tat“", "verurteilte", "die Bürgermeisterin", ["feige Tat"]),
    ("Nach dem Einsatz besuchte der Senator die Wache und nannte die Arbeit der Helfer „vorbildlich“.",
     "die Arbeit der Helfer „vorbildlich“", "nannte", "der Senator", ["vorbildlich"]),
    # a relative clause after the subject has a verb of its own („sah“), not the sentence's
    ("Der Stürmer, der wegen eines Fouls Rot sah, nannte den Platzverweis „überzogen“.",
     "den Platzverweis „überzogen“", "nannte", "Der Stürmer", ["überzogen"]),
]


@pytest.mark.parametrize("text, content, cue, speaker, fragments", COORDINATED_PIECES)
def test_a_piece_after_a_coordinated_verb_or_a_relative_clause(
    ex: Extractor, text: str, content: str, cue: str, speaker: str, fragments: list[str]
) -> None:
    q = _only_reported(ex, text, content, cue, speaker)
    assert [f.text for f in q.fragments] == fragments


@pytest.mark.parametrize(
    "text",
    [
        "Die Band spielte ihr Lied „Sommerregen“ und verließ dann die Bühne.",  # a title, no verb of saying after „und“
        "Am Abend las die Autorin aus „Nachtzug“ und signierte danach Bücher.",
        "Der Minister kam nicht und nannte auch keinen „Grund“.",  # negated
        "Im Kino sah die Familie den Film und las danach das Buch „Momo“.",  # inverted subject, no verb of saying
        "Am Abend kam der Minister nicht und nannte auch keinen „Grund“.",  # inverted subject, negated
        "Hätte der Trainer geschwiegen und den Platzverweis nicht „überzogen“ genannt, wäre nichts passiert.",  # irrealis, verb last
    ],
)
def test_no_coordinated_piece_act_without_a_verb_of_saying(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "reported"] == []


# „sehen“ and „halten“ are too weak to frame a piece alone; with „als“ or „für“ before the piece,
# or „in“ + a second object, they report an evaluation.
WEAK_FRAMES = [
    # (text, content, cue, speaker, fragments)
    ("Der Mieterbund sieht die Reform als „Mogelpackung“.", "die Reform als „Mogelpackung“", "sieht als", "Der Mieterbund", ["Mogelpackung"]),
    ("Die Opposition sieht in dem Gesetz einen „Angriff auf die Pressefreiheit“.",
     "in dem Gesetz einen „Angriff auf die Pressefreiheit“", "sieht", "Die Opposition", ["Angriff auf die Pressefreiheit"]),
    ("In der neuen Gebührenordnung sieht der Elternbeirat einen „Schlag gegen Familien“.",
     "einen „Schlag gegen Familien“", "sieht", "der Elternbeirat", ["Schlag gegen Familien"]),
    ("Der Imkerverband sah in dem Spritzmittel einen „Feind der Bienen“.",
     "in dem Spritzmittel einen „Feind der Bienen“", "sah", "Der Imkerverband", ["Feind der Bienen"]),
    # „halten … für“: pieces before and after the marker
    ("Der Mieterbund hält die Reform für „reine Kosmetik“.", "die Reform für „reine Kosmetik“", "hält für", "Der Mieterbund", ["reine Kosmetik"]),
    ("Die Statikerin hält die Brücke „bei Frost“ für „kaum belastbar“.",
     "die Brücke „bei Frost“ für „kaum belastbar“", "hält für", "Die Statikerin", ["bei Frost", "kaum belastbar"]),
    # verb-final, after a relative pronoun that is the subject
    ("Kritik kam vom Imkerverband, der das Spritzmittel als „Gift“ für die Bienenvölker sieht.",
     "das Spritzmittel als „Gift“ für die Bienenvölker", "als sieht", "Imkerverband", ["Gift"]),
]


@pytest.mark.parametrize("text, expected", [(text, tuple(rest)) for text, *rest in WEAK_FRAMES])
def test_a_weak_verb_frames_a_piece_through_its_marker(ex: Extractor, text: str, expected: tuple[object, ...]) -> None:
    found = [
        (q.content.text, q.cue.text if q.cue else "", q.speaker.text if q.speaker else None, [f.text for f in q.fragments])
        for q in ex.extract(text)
        if q.parent is None and q.kind == "reported"
    ]
    assert found == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Am Abend sahen die Gäste einen „Tatort“ aus Köln.",  # no marker: a film
        "Der Elternbeirat sieht einen „Schlag gegen Familien“.",  # no marker: not an evaluation of anything
        "Das Publikum sah zum Schluss eine Zugabe der in Schwarz gekleideten „Nachtfalter“.",  # „in“ opens no second object
        # „in“ opens a place or time of seeing (a setting_noun), not what one sees something in
        "Im Morgengrauen sahen die Fischer in der Ferne einen „Drachen“ aus Wolken.",
        "In der Dunkelheit sah der Wanderer einen „Bären“ am Wegrand.",
        "Die Schüler sahen in der Nacht einen „Kometen“ über dem Dorf.",
        "Der Mieterbund sieht die Reform nicht als „Mogelpackung“.",  # negated
        "Die Schauspielerin hält das Buch „Momo“ in die Kamera.",  # „halten“ without „für“: holding
        "Der Mieterbund hält die Reform nicht für „reine Kosmetik“.",  # negated
        # Konjunktiv I: a reported view in a run of free indirect speech, not an act of the narrator's report
        "Der Mieterbund sprach von Fehlern. Außerdem halte der Verband die Reform für „reine Kosmetik“.",
    ],
)
def test_no_weak_frame_without_its_marker(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "reported" and q.cue is not None and q.cue.text != "sprach von"] == []


@pytest.mark.parametrize(
    "text, word, speech",
    [
        ("Die Trainerin sagte nichts dazu.", "sagte", True),
        # a verb that speaks only through its weak frame is no speech verb of its own
        ("Die Polizistin hält den Schirm über das Kind.", "hält", False),
        ("Die Kinder sehen den Zug im Tal.", "sehen", False),
    ],
)
def test_a_weak_frame_verb_is_no_speech_verb_of_its_own(ex: Extractor, text: str, word: str, speech: bool) -> None:
    doc = ex.analyse(text)
    at = next(k for k, tok in enumerate(doc.tokens) if tok.text == word)
    assert is_speech_verb(doc, ex.lexicon, at) is speech


# A main clause after the first act's comma, with a subject and a speech verb of its own, is a second act.
ASYNDETIC = [
    # (text, [(content, cue, speaker)])
    ("Die Torhüterin nannte die Rote Karte „hart“, der Trainer bezeichnete das Spiel als „Lehrstunde“.",
     [("die Rote Karte „hart“", "nannte", "Die Torhüterin"), ("das Spiel als „Lehrstunde“", "bezeichnete als", "der Trainer")]),
    ("Die Opposition kritisierte den Haushalt, die Regierung lobte die neuen Schulden als „Investition“.",
     [("den Haushalt", "kritisierte", "Die Opposition"), ("die neuen Schulden als „Investition“", "lobte", "die Regierung")]),
]


@pytest.mark.parametrize("text, acts", ASYNDETIC)
def test_a_second_main_clause_after_a_comma_is_a_second_act(ex: Extractor, text: str, acts: list[tuple[str, str, str]]) -> None:
    found = [(q.content.text, q.cue.text, q.speaker.text) for q in ex.extract(text) if q.kind == "reported"]
    assert found == acts


@pytest.mark.parametrize(
    "text, content",
    [
        # a relative clause after the object is part of it, not a second clause
        ("Die Ministerin lobte die Helfer, die seit Tagen im Einsatz sind.", "die Helfer, die seit Tagen im Einsatz sind"),
        # … also when its verb is a verb of saying: the relative pronoun agrees, the verb is last
        ("Die Dirigentin lobte die Sängerin, die Zugaben ankündigte.", "die Sängerin, die Zugaben ankündigte"),
        ("Der Verein kritisierte den Schiedsrichter, der Fehler einräumte.", "den Schiedsrichter, der Fehler einräumte"),
        # the second clause has no verb of saying (the content runs on over it: nothing marks where it ends)
        ("Der Trainer kritisierte den Rasen, die Spieler kamen trotzdem zurecht.", "den Rasen, die Spieler kamen trotzdem zurecht"),
        # a subordinate clause after the comma
        ("Die Ministerin lobte die Helfer, weil die Feuerwehr sofort reagierte.", "die Helfer, weil die Feuerwehr sofort reagierte"),
    ],
)
def test_no_second_act_without_a_clause_of_saying(ex: Extractor, text: str, content: str) -> None:
    assert [q.content.text for q in ex.extract(text) if q.kind == "reported"] == [content]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        # cut at the comma, „Ampeln“ alone is too short an object, and the second clause has none either
        ("Der Bürgerverein forderte Ampeln, die Stadt lehnte ab.", "Ampeln, die Stadt lehnte ab", "Der Bürgerverein"),
        ("Der Bürgerverein forderte Ampeln, die Stadt kündigte Widerstand an.", "Ampeln, die Stadt kündigte Widerstand an", "Der Bürgerverein"),
        # the second clause's act stands: it is found, the first (too short) is not
        ("Der Bürgerverein forderte Ampeln, die Stadt kündigte heftigen Widerstand an.", "heftigen Widerstand", "die Stadt"),
    ],
)
def test_a_first_act_too_short_when_cut_runs_on_uncut(ex: Extractor, text: str, content: str, speaker: str) -> None:
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in ex.extract(text) if q.kind == "reported"] == [(content, speaker)]


@pytest.mark.parametrize("text", ["Die Gewerkschaft kritisiert den Plan", "Der Trainer nannte die Absage „peinlich“"])
def test_an_act_that_ends_the_document_without_a_full_stop(ex: Extractor, text: str) -> None:
    """A headline: the act's frame ends at the last token, where no second clause can follow."""
    assert [q.kind for q in ex.extract(text) if q.parent is None] == ["reported"]
