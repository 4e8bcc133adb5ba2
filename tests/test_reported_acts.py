"""Speech acts told through their frame (issue 13, point 2): „sprach von …“, „bezeichnete … als …“.

A verb whose bare object is no speech act („sprach mit den Helfern“) reports one
when its object is opened by the marker of an act frame in ``frame_words.tsv``
(„sprach von einem Erfolg“). The marker belongs to the cue. Every example is
written for these tests.
"""

from __future__ import annotations

import pytest

from quotecheck.extractor import Extractor


def _reported(ex: Extractor, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.content.text, q.cue.text if q.cue else "", q.speaker.text if q.speaker else None)
        for q in ex.extract(text)
        if q.kind == "reported"
    ]


ACT_FRAMES = [
    # (text, content, cue, speaker)
    ("Der Landrat sprach am Abend von einem schweren Rückschlag für die Region.",
     "am Abend von einem schweren Rückschlag für die Region", "sprach von", "Der Landrat"),
    ("Die Bürgermeisterin bezeichnete den Plan als unrealistisch.", "den Plan als unrealistisch", "bezeichnete als", "Die Bürgermeisterin"),
    ("Der Wetterdienst warnte vor heftigen Gewittern am Nachmittag.", "vor heftigen Gewittern am Nachmittag", "warnte vor", "Der Wetterdienst"),
    ("Die Ministerin warnte die Bürger vor gefälschten Briefen.", "die Bürger vor gefälschten Briefen", "warnte vor", "Die Ministerin"),
    ("Die Polizei geht von Brandstiftung aus.", "von Brandstiftung", "geht von aus", "Die Polizei"),
    ("Die Ärztin wies auf die Gefahren des Rauchens hin.", "auf die Gefahren des Rauchens", "wies auf hin", "Die Ärztin"),
    ("Die Behörde schätzt den Schaden auf zehn Millionen Euro.", "den Schaden auf zehn Millionen Euro", "schätzt auf", "Die Behörde"),
    ("Der Bürgermeister sprach sich für einen Neubau der Brücke aus.",
     "sich für einen Neubau der Brücke", "sprach für aus", "Der Bürgermeister"),
    ("Die Polizei rief die Anwohner zur Vorsicht auf.", "die Anwohner zur Vorsicht", "rief zur auf", "Die Polizei"),
    # „nennen“ with a second object opened by an indefinite article (no part of the cue)
    ("Der Kommissar nannte den Beschluss einen fairen Kompromiss.",
     "den Beschluss einen fairen Kompromiss", "nannte", "Der Kommissar"),
    ("Der Trainer begründete den Wechsel mit der sportlichen Lage.", "den Wechsel mit der sportlichen Lage", "begründete mit", "Der Trainer"),
    ("Die Ärztin riet den Eltern zur Geduld.", "den Eltern zur Geduld", "riet zur", "Die Ärztin"),
    # the perfect: the marker joins the participle
    ("Der Minister hatte von einem großen Erfolg gesprochen.", "von einem großen Erfolg", "von gesprochen", "Der Minister"),
    # the subject after the verb
    ("Am Montag sprach die Kanzlerin von einer historischen Einigung.",
     "von einer historischen Einigung", "sprach von", "die Kanzlerin"),
    # a threat is a speech act, after its subject
    ("Die Gewerkschaft droht mit einem unbefristeten Streik.", "mit einem unbefristeten Streik", "droht mit", "Die Gewerkschaft"),
    ("Mieterbund droht mit Klage", "mit Klage", "droht mit", "Mieterbund"),
    # a pronoun or a name can threaten as well as a role noun
    ("Sie drohte mit einer Beschwerde beim Ombudsmann.", "mit einer Beschwerde beim Ombudsmann", "drohte mit", "Sie"),
    ("Anna Berger drohte mit ihrem Austritt aus dem Verein.", "mit ihrem Austritt aus dem Verein", "drohte mit", "Anna Berger"),
    # a plural role noun, known by its lemma
    ("Die Schulbehörden drohten mit Bußgeldern.", "mit Bußgeldern", "drohten mit", "Die Schulbehörden"),
    # a quoted object after the marker: the marker is no particle, the particle follows the quote
    ("Der Wetterdienst rechnet mit „heftigen Sturmböen“.", "mit „heftigen Sturmböen“", "rechnet mit", "Der Wetterdienst"),
    ("Die Prüferin wies auf „gravierende Mängel“ hin.", "auf „gravierende Mängel“", "wies auf hin", "Die Prüferin"),
]


@pytest.mark.parametrize("text, content, cue, speaker", ACT_FRAMES)
def test_an_act_frame_reports_a_speech_act(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    assert _reported(ex, text) == [(content, cue, speaker)]


NOT_ACTS = [
    # the verb without the frame's marker: no act
    "Der Minister sprach mit den Helfern im Lager.",
    "Am Montag sprach der Kanzler vor dem Parlament.",
    "Die Ministerin warnte die Bürger eindringlich.",
    # a zu-infinitive is a complement clause (indirect speech), not an act frame
    "Die Polizei forderte die Anwohner auf, die Fenster geschlossen zu halten.",
    # no act took place
    "Der Minister sprach nicht von einem Erfolg.",
    "Ein genaues Datum für das Treffen nannte der Sprecher nicht.",
    # „nennen“ with a name, no indefinite second object
    "Die Eltern nannten ihren Sohn Max.",
    # a subordinate clause is no act of its own
    "Das Gesetz, das er als unrealistisch bezeichnete, tritt im Mai in Kraft.",
    # „drohen mit“ without a subject before the verb: something looms
    "Mit dem Sturm droht den Küstenorten eine Katastrophe.",
    "Den Bauern droht mit der Dürre ein großer Ernteausfall.",
    # „drohen mit“ after a subject that cannot speak: weather and nature only loom
    "Der Himmel drohte am Nachmittag mit Gewitter.",
    "Das Tief droht mit Sturmböen und Schnee.",
    # „drohen“ with a zu-infinitive: something is about to happen
    "Der Damm droht mit der Schneeschmelze zu brechen.",
    "Die Koalition droht mit dem Streit um den Haushalt zu zerbrechen.",
    # a weak frame in Konjunktiv I: a view inside someone's reported speech, not the narrator's report of an act
    "Ein großes Risiko gehe von der Bastelsoftware „Lumo“ aus.",
    "Der Bäckerverband rechne mit „deutlich teureren Brötchen“.",
]


@pytest.mark.parametrize("text", NOT_ACTS)
def test_no_act_without_its_frame(ex: Extractor, text: str) -> None:
    assert _reported(ex, text) == []


TOLLS = [
    # (text, is a speech act): „fordern“ with a count of victims tells a toll
    ("Die Gewerkschaft forderte 7 Prozent mehr Gehalt.", True),
    ("Der Verband forderte Hilfe für die Opfer der Flut.", True),
    ("Die Flut forderte 92 Menschenleben.", False),
    ("Das Unglück forderte mindestens fünf Tote.", False),
    ("Die Überschwemmungen haben im Norden mehr als 100 Todesopfer gefordert.", False),
]


@pytest.mark.parametrize("text, act", TOLLS)
def test_a_number_may_open_a_demand_but_a_toll_is_none(ex: Extractor, text: str, act: bool) -> None:
    assert bool(_reported(ex, text)) is act


MORE_ACTS = [
    # (text, content, cue, speaker)
    # a plural present right after its subject is the main clause's verb
    ("Die Behörden warnen vor einem erhöhten Risiko in der Hauptstadt.",
     "vor einem erhöhten Risiko in der Hauptstadt", "warnen vor", "Die Behörden"),
    ("Die Gewerkschaften kritisieren die geplanten Kürzungen scharf.", "die geplanten Kürzungen scharf", "kritisieren", "Die Gewerkschaften"),
    # the marker opens the prefield, the subject follows the verb
    ("Als Grund nannte die Behörde die mangelnde Sicherheit der Maschinen.",
     "die mangelnde Sicherheit der Maschinen", "Als nannte", "die Behörde"),
    # the passive with its „von“ agent: the agent speaks
    ("Von der Opposition wurde der Besuch als Wahlkampfshow kritisiert.", "der Besuch als Wahlkampfshow", "kritisiert", "der Opposition"),
    ("Der Besuch wurde von der Opposition als Wahlkampfshow kritisiert.", "Der Besuch als Wahlkampfshow", "kritisiert", "der Opposition"),
    ("Der Plan ist von allen Fraktionen kritisiert worden.", "Der Plan", "kritisiert", "allen Fraktionen"),
    # a subject with an apposition that has its own attribute
    ("Lars Brandt, Manager von Energie Nord, bezeichnete die Entscheidung als mutig.",
     "die Entscheidung als mutig", "bezeichnete als", "Lars Brandt, Manager von Energie Nord"),
    ("Hans Maier, Sprecher der Stadtwerke, kritisierte die Entscheidung scharf.",
     "die Entscheidung scharf", "kritisierte", "Hans Maier, Sprecher der Stadtwerke"),
    # a subject with a relative clause
    ("Die Ministerin, die seit Mai im Amt ist, kritisierte den Plan scharf.", "den Plan scharf", "kritisierte", "Die Ministerin"),
    # a speech verb ending the relative clause is not the act's verb: the main clause's verb is
    ("Die Firma, die den Schaden noch beziffert, spricht von mehreren tausend gestohlenen Geräten.",
     "von mehreren tausend gestohlenen Geräten", "spricht von", "Die Firma"),
]


@pytest.mark.parametrize("text, content, cue, speaker", MORE_ACTS)
def test_acts_in_the_plural_inverted_and_passive(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    assert _reported(ex, text) == [(content, cue, speaker)]


NOT_MORE_ACTS = [
    # a plural verb at the end of a subordinate clause
    "Wenn die Medien von einem Skandal sprechen, reagiert die Partei.",
    # an infinitive after a modal verb, a future
    "Die Minister wollen die Regierung kritisieren.",
    "Die Partei wird den Plan kritisieren.",
    # „als“ before a verb that has no act frame with it
    "Als Kind nannte man ihn Max.",
    # the agentless passive: no one is named as speaking
    "Außerdem wurde eine bessere Ausstattung der Schulen gefordert.",
    # the passive subject of „informieren“ was told, and no act took place without the agent
    "Die Anwohner wurden über die Sperrung informiert.",
    # no act took place
    "Der Plan wurde von der Opposition nicht kritisiert.",
    # Konjunktiv II: no passive of a fact
    "Der Plan würde von der Opposition sicher kritisiert.",
    # no speech verb
    "Der Fahrer wurde von einem Lastwagen erfasst.",
]


@pytest.mark.parametrize("text", NOT_MORE_ACTS)
def test_no_act_in_these_plurals_and_passives(ex: Extractor, text: str) -> None:
    assert _reported(ex, text) == []


COORDINATED = [
    # (text, [(content, cue)]): two acts of one subject are two quotes
    ("Der Verband forderte höhere Löhne und kündigte weitere Streiks an.",
     [("höhere Löhne", "forderte"), ("weitere Streiks", "kündigte an")]),
    ("Die Ministerin lobte die Helfer und warnte vor weiteren Unwettern.",
     [("die Helfer", "lobte"), ("vor weiteren Unwettern", "warnte vor")]),
    # a quoted piece in the first act; the second is no part of its content
    ("Der Verbandschef nannte die Zahlen „frei erfunden“ und verwies auf eigene Studien.",
     [("die Zahlen „frei erfunden“", "nannte"), ("auf eigene Studien", "verwies auf")]),
    # a coordinated object is one act
    ("Der Verband forderte höhere Löhne und mehr Urlaub.", [("höhere Löhne und mehr Urlaub", "forderte")]),
    # a second verb that is no act („bat um …“ has no act frame) adds nothing
    ("Die Polizei sprach von einem Unfall und bat die Zeugen um Geduld.", [("von einem Unfall", "sprach von")]),
]


@pytest.mark.parametrize("text, acts", COORDINATED)
def test_coordinated_acts(ex: Extractor, text: str, acts: list[tuple[str, str]]) -> None:
    found = _reported(ex, text)
    assert [(content, cue) for content, cue, _ in found] == acts
    assert len({speaker for _, _, speaker in found}) == 1


def test_an_act_whose_object_is_cited_by_an_according_relative_clause_is_no_act(ex: Extractor) -> None:
    """„verwies auf Umfragen, nach denen …“: the relative clause is the statement, the object its source."""
    quotes = ex.extract("Die Partei verwies auf Meinungsumfragen, nach denen zwei Drittel der Wähler den Plan ablehnen.")
    assert [(q.kind, q.rule) for q in quotes] == [("indirect", "according.relative")]


def test_an_act_whose_object_is_followed_by_a_plain_relative_clause_stays_an_act(ex: Extractor) -> None:
    """„verwies auf die Umfragen, die …“: no according-to preposition, the act stays."""
    quotes = ex.extract("Die Gewerkschaft verwies auf die schlechten Arbeitsbedingungen, die seit Jahren bestehen.")
    assert [q.rule for q in quotes] == ["reported.act"]


LEADS = [
    # (text, content, cue, kind of the other quote): an act in the sentence's lead, before
    # another quote's cue, is a quote of its own
    ("Die Ministerin bezeichnete das Unglück als „schwere Tragödie“ und erklärte, ihr Land helfe.",
     "das Unglück als „schwere Tragödie“", "bezeichnete als", "indirect"),
    ("Der Präsident nannte die Bewerbung „sehr respektabel“, stellte aber fest, dass andere an der Reihe seien.",
     "die Bewerbung „sehr respektabel“", "nannte", "indirect"),
    ("Die Gewerkschaft kritisierte die Schließungspläne und kündigte an, notfalls zu streiken.",
     "die Schließungspläne", "kritisierte", "indirect"),
    ("Der Trainer nannte die Absage einen „Skandal“: „Wir wurden nicht gefragt.“",
     "die Absage einen „Skandal“", "nannte", "direct"),
]


@pytest.mark.parametrize("text, content, cue, other", LEADS)
def test_an_act_before_another_quote_is_found(ex: Extractor, text: str, content: str, cue: str, other: str) -> None:
    quotes = ex.extract(text)
    assert [(q.content.text, q.cue.text if q.cue else "") for q in quotes if q.kind == "reported"] == [(content, cue)]
    assert [q.kind for q in quotes if q.parent is None and q.kind != "reported"] == [other]


NO_LEADS = [
    # the verb of the other quote's frame is no act of its own
    "Der Minister sagte am Montag, die Lage sei ernst.",
    # the lead is the frame of the direct quote („kritisierte … scharf:“), not a second act
    "Der Verband kritisierte die Pläne scharf: „Das ist ein Angriff auf uns alle.“",
    # a title in quotes in the lead is no piece of anyone's words
    "Im Film „Der Pate“ spielte er die Hauptrolle, sagte die Kritikerin.",
    # a narrator's lead without a verb of saying
    "Der Minister besuchte am Montag die Unglücksstelle und sagte, man werde helfen.",
]


@pytest.mark.parametrize("text", NO_LEADS)
def test_no_act_in_a_lead_without_one(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "reported"] == []


VERB_FINAL_PIECES = [
    # (text, content, cue, speaker): a piece frame in a relative or subordinate clause
    ("Die Kritik kam von der Kommentatorin, die den Beschluss als „peinliche Fehlentscheidung“ bezeichnete.",
     "den Beschluss als „peinliche Fehlentscheidung“", "als bezeichnete", "der Kommentatorin"),
    ("Der Streit wuchs, weil die Ministerin den Plan am Freitag als „reine Geldverschwendung“ bezeichnet hatte.",
     "den Plan am Freitag als „reine Geldverschwendung“", "als bezeichnet", "die Ministerin"),
    # a relative pronoun that is no subject: the subject after it spoke
    ("Das ist der Plan, den die Ministerin gestern „völlig unausgegoren“ nannte.",
     "gestern „völlig unausgegoren“", "nannte", "die Ministerin"),
    # an agentless passive: nobody is named
    ("Die Wolken, die von Anwohnern als „gelblich“ beschrieben wurden, verzogen sich.",
     "von Anwohnern als „gelblich“", "als beschrieben", None),
]


@pytest.mark.parametrize("text, content, cue, speaker", VERB_FINAL_PIECES)
def test_a_piece_frame_in_a_verb_final_clause(ex: Extractor, text: str, content: str, cue: str, speaker: str | None) -> None:
    assert _reported(ex, text) == [(content, cue, speaker)]


NOT_VERB_FINAL_PIECES = [
    # a title in a relative clause whose verb is no verb of saying
    "Sie sah den Film, der „Der Pate“ heißt, zum dritten Mal.",
    "Er kam zu spät, weil er „Der Pate“ noch zu Ende sehen wollte.",
    # scare quotes in the narrator's relative clause
    "Die Gruppe, die sich selbst „die Wächter“ nennt, trat nicht auf.",
    # no act took place
    "Der Sprecher, der den Plan nie als „Fehler“ bezeichnet hatte, schwieg.",
]


@pytest.mark.parametrize("text", NOT_VERB_FINAL_PIECES)
def test_no_piece_frame_in_these_verb_final_clauses(ex: Extractor, text: str) -> None:
    assert _reported(ex, text) == []


LATER_CLAUSES = [
    # (text, content, cue, speaker): an act in a main clause after a comma
    ("Die Veranstalter zählten 9.000 Teilnehmer, die Polizei sprach von knapp 5.000 Demonstranten.",
     "von knapp 5.000 Demonstranten", "sprach von", "die Polizei"),
    ("Der Umsatz stieg um zwei Prozent; der Vorstand lobte die Belegschaft ausdrücklich.",
     "die Belegschaft ausdrücklich", "lobte", "der Vorstand"),
]


@pytest.mark.parametrize("text, content, cue, speaker", LATER_CLAUSES)
def test_an_act_in_a_later_main_clause(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    assert _reported(ex, text) == [(content, cue, speaker)]


NOT_LATER_CLAUSES = [
    # a relative clause: its verb is last, nothing follows it
    "Bei der Polizei gingen Anrufe von Anwohnern ein, die von lauten Knallgeräuschen sprachen.",
    # a subordinate clause with a participle of a speech verb used as an adjective
    "Der Minister erklärte sich zufrieden, weil das Land die lange geforderten Reformen endlich umsetzt.",
    # a title in quotes after the comma, no verb of saying
    "Das Kino war voll, der Film „Der Pate“ lief zum dritten Mal.",
]


@pytest.mark.parametrize("text", NOT_LATER_CLAUSES)
def test_no_act_in_these_later_clauses(ex: Extractor, text: str) -> None:
    assert _reported(ex, text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        # a quoted predicate opening the sentence is the speaker's words: part of the content
        ("Als „verpasste Chance“ bezeichnete der Abgeordnete die Reise des Kanzlers.",
         "Als „verpasste Chance“ … die Reise des Kanzlers"),
        # without a quote the predicate stays out („Als Grund nannte …“)
        ("Als Grund nannte die Behörde die hohen Kosten.", "die hohen Kosten"),
        # a title in the prefield of an act verb is no predicate of it
        ("Im Film „Der Pate“ lobte der Kritiker vor allem die Musik.", "vor allem die Musik"),
    ],
)
def test_a_quoted_predicate_before_the_verb(ex: Extractor, text: str, content: str) -> None:
    (quote,) = [q for q in ex.extract(text) if q.kind == "reported"]
    assert " … ".join(text[s.start:s.end] for s in quote.content.spans) == content


AFTER_SUBORDINATE = [
    # (text, content, cue, speaker): the main clause after a fronted subordinate clause
    ("Nachdem die Firma die Zahlen vorgelegt hatte, kritisierte der Betriebsrat die Kürzungen scharf.",
     "die Kürzungen scharf", "kritisierte", "der Betriebsrat"),
    ("Während die Veranstalter 9.000 Teilnehmer zählten, sprach die Polizei von knapp 5.000.",
     "von knapp 5.000", "sprach von", "die Polizei"),
]


@pytest.mark.parametrize("text, content, cue, speaker", AFTER_SUBORDINATE)
def test_an_act_after_a_fronted_subordinate_clause(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    quotes = ex.extract(text)
    assert [(q.content.text, q.cue.text if q.cue else "", q.speaker.text if q.speaker else None) for q in quotes] == [
        (content, cue, speaker)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the fronted clause is no content and „sprach mit“ is no act
        "Als der Minister ankam, sprach er mit den Helfern.",
        "Nachdem der Film „Der Pate“ gelaufen war, sprach sie mit den Gästen.",
    ],
)
def test_a_fronted_subordinate_clause_is_no_content(ex: Extractor, text: str) -> None:
    assert ex.extract(text) == []


def test_a_quoted_object_before_the_particle_keeps_the_frame_of_a_clause_after_it(ex: Extractor) -> None:
    """„teilte mit „großem Bedauern“ mit, dass …“: the particle after the quote makes „mitteilen“."""
    quotes = ex.extract("Der Präsident teilte mit „tiefem Bedauern“ mit, dass er zurücktrete.")
    assert [(q.kind, q.content.text, q.cue.text if q.cue else "") for q in quotes] == [
        ("indirect", "dass er zurücktrete", "teilte mit")
    ]
