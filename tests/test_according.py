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


# „nach“ + any noun of saying (speech_nouns.tsv) or a compound ending in one, after a
# determiner and adjectives; the phrase without „nach“ is the speaker mention.
REPORT_NOUN_CASES = [
    # (text, content spans joined by " | ", cue, speaker mention)
    ("Nach Polizeiangaben wurde der Fahrer schwer verletzt.", "wurde der Fahrer schwer verletzt", "nach", "Polizeiangaben"),
    ("Nach Regierungsangaben stehen die Wahlen im Herbst an.", "stehen die Wahlen im Herbst an", "nach", "Regierungsangaben"),
    ("Nach Medienberichten ist die Fusion geplatzt.", "ist die Fusion geplatzt", "nach", "Medienberichten"),
    ("Nach WHO-Schätzungen erkranken jährlich Millionen Menschen.", "erkranken jährlich Millionen Menschen", "nach",
     "WHO-Schätzungen"),
    ("Nach einer Umfrage des Instituts lehnen zwei Drittel der Befragten den Plan ab.",
     "lehnen zwei Drittel der Befragten den Plan ab", "nach", "einer Umfrage des Instituts"),
    ("Nach den bisherigen Ermittlungen war der Fahrer zu schnell unterwegs.", "war der Fahrer zu schnell unterwegs", "nach",
     "den bisherigen Ermittlungen"),
    ("Nach israelischen Angaben wurden zwölf Raketen abgefeuert.", "wurden zwölf Raketen abgefeuert", "nach",
     "israelischen Angaben"),
    ("Der Fahrer wurde nach Polizeiangaben schwer verletzt.", "Der Fahrer wurde | schwer verletzt", "nach", "Polizeiangaben"),
    ("Die Schule bleibt nach einer Mitteilung der Stadt bis Freitag geschlossen.", "Die Schule bleibt | bis Freitag geschlossen",
     "nach", "einer Mitteilung der Stadt"),
    # the lines for the phrase's own noun stay as they were
    ("Nach Informationen der Zeitung hat der Konzern die Verhandlungen abgebrochen.",
     "hat der Konzern die Verhandlungen abgebrochen", "nach informationen", "Informationen der Zeitung"),
    ("Nach Darstellung der Anklage hatte der Kassierer das Geld veruntreut.", "hatte der Kassierer das Geld veruntreut",
     "nach darstellung", "Darstellung der Anklage"),
    ("Nach Einschätzung von Fachleuten wird der Bau deutlich teurer.", "wird der Bau deutlich teurer", "nach einschätzung",
     "Einschätzung von Fachleuten"),
]


OTHER_SHAPES = [
    # bare „Berichten zufolge“ (where „Berichten“ could be a verb opening the sentence)
    ("Berichten zufolge wurde das Werk bereits im Mai geschlossen.", "wurde das Werk bereits im Mai geschlossen", "zufolge",
     "Berichten"),
    ("Schätzungen zufolge leben dort etwa dreitausend Menschen.", "leben dort etwa dreitausend Menschen", "zufolge", "Schätzungen"),
    # a quoted name after „laut“
    ("Laut „Spiegel“ plant die Regierung neue Steuern.", "plant die Regierung neue Steuern", "laut", "„Spiegel“"),
    ("Die Regierung plant laut „Handelsblatt“ neue Steuern.", "Die Regierung plant | neue Steuern", "laut", "„Handelsblatt“"),
    # adjectives before the owner after „laut“
    ("Laut israelischen Medien gab es zehn Tote.", "gab es zehn Tote", "laut", "israelischen Medien"),
    ("Laut aktueller Statistik stieg die Zahl der Fahrgäste deutlich.", "stieg die Zahl der Fahrgäste deutlich", "laut",
     "aktueller Statistik"),
]


@pytest.mark.parametrize("text, content, cue, speaker", REPORT_NOUN_CASES + OTHER_SHAPES)
def test_nach_and_any_noun_of_saying_and_other_shapes(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    quotes = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert len(quotes) == 1, text
    q = quotes[0]
    assert " | ".join(text[s.start : s.end] for s in q.content.spans) == content
    assert q.cue.text.lower() == cue
    assert q.speaker is not None and q.speaker.text == speaker


NOT_REPORT_NOUNS = [
    "Nach dem Spiel feierten die Fans auf dem Marktplatz.",  # no noun of saying
    "Die Delegation reiste nach Berlin und traf dort den Minister.",
    "Er sprach laut und deutlich über die Pläne der Stadt.",  # „laut“ the adverb
    "Die Musik war laut genug, um die ganze Nachbarschaft zu wecken.",
    "Die Polizei sucht weiterhin nach neuen Informationen über den Täter.",  # the object of „suchen“
    "Der Reporter erkundigte sich nach den Angaben zur Zahl der Opfer.",  # the object of „sich erkundigen“
    "Nach Feierabend treffen sich die Kollegen im Biergarten am Fluss.",  # „Abend“ is no noun of saying
    "Nach der Auszählung aller Stimmen lag die Partei knapp vorn.",  # „aus“ is a prefix, „Auszählung“ no compound
]


@pytest.mark.parametrize("text", NOT_REPORT_NOUNS)
def test_not_a_report_noun_phrase(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.rule.startswith("according")] == []


LAUT_SHAPES = [
    # a noun of saying after „laut“, and its owner after it
    ("Laut Angaben des Magazins stieg die Zahl der Anträge deutlich.", "stieg die Zahl der Anträge deutlich",
     "Angaben des Magazins"),
    ("Laut Aussage des Ministeriums lebte der Mann seit Jahren im Land.", "lebte der Mann seit Jahren im Land",
     "Aussage des Ministeriums"),
    ("Laut einer dpa-Meldung steigt der Konzern bei dem Hersteller ein.", "steigt der Konzern bei dem Hersteller ein",
     "einer dpa-Meldung"),
    # a website, with or without quotation marks
    ("Laut tagesschau.de blieben viele Demonstranten in der Stadt.", "blieben viele Demonstranten in der Stadt", "tagesschau.de"),
    ("Laut „heise.de“ wird das Gerät im Herbst ausgeliefert.", "wird das Gerät im Herbst ausgeliefert", "„heise.de“"),
]


GEMAESS_SHAPES = [
    # after „gemäß“ and „laut“ a document vouches too (<document>: report nouns of function_words.tsv)
    ("Gemäß der Anklageschrift hatte der Unternehmer hohe Schulden bei dem Opfer.",
     "hatte der Unternehmer hohe Schulden bei dem Opfer", "der Anklageschrift"),
    ("Gemäß der im Mai vorgelegten Jahresbilanz stieg der Umsatz um zwölf Prozent.", "stieg der Umsatz um zwölf Prozent",
     "der im Mai vorgelegten Jahresbilanz"),
    ("Gemäß seiner Aussage werden die neuen Codes eine größere Auswahl erlauben.",
     "werden die neuen Codes eine größere Auswahl erlauben", "seiner Aussage"),
    ("Gemäß einer Umfrage des Instituts lehnen die meisten Befragten den Plan ab.", "lehnen die meisten Befragten den Plan ab",
     "einer Umfrage des Instituts"),
]


@pytest.mark.parametrize("text, content, speaker", GEMAESS_SHAPES)
def test_gemaess_and_a_noun_of_saying(ex: Extractor, text: str, content: str, speaker: str) -> None:
    (quote,) = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert quote.content.text == content
    assert quote.cue.text.lower() == "gemäß"
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    ["Die Geräte arbeiten gemäß dem neuen Profil schneller.", "Gemäß der Entscheidung des Gerichts muss die Fabrik schließen."],
)
def test_gemaess_without_a_noun_of_saying_frames_nothing(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.rule.startswith("according")] == []


@pytest.mark.parametrize("text, content, speaker", LAUT_SHAPES)
def test_laut_and_a_noun_of_saying_or_a_website(ex: Extractor, text: str, content: str, speaker: str) -> None:
    quotes = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert len(quotes) == 1, text
    assert quotes[0].content.text == content
    assert quotes[0].cue.text.lower() == "laut"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


@pytest.mark.parametrize("phrase", ["Laut Mitteilung", "Laut Bericht", "Demnach"])
def test_a_bare_report_noun_points_back_to_the_organisation_in_context(ex: Extractor, phrase: str) -> None:
    # the mention is the phrase's noun, the name the organisation the text spoke of
    text = f"Die Feuerwehr rückte am Abend mit vier Fahrzeugen aus. {phrase} wurden drei Menschen verletzt."
    (quote,) = ex.extract(text)
    assert quote.content.text == "wurden drei Menschen verletzt"
    assert quote.speaker is not None
    assert quote.speaker.text == phrase.split()[-1]
    assert (quote.speaker.name, quote.speaker.type) == ("Feuerwehr", "organization")


@pytest.mark.parametrize(
    "compound, name, kind",
    [
        ("Polizeiangaben", "Polizei", "organization"),  # an institution of org_classes.tsv
        ("Regierungsangaben", "Regierung", "organization"),  # with the linking „s“
        ("UN-Angaben", "UN", "organization"),  # a gazetteer entry
        ("Zeugenaussagen", None, "unknown"),  # no organisation: no name, and none inherited
    ],
)
def test_a_compound_names_its_owner_and_does_not_point_back(ex: Extractor, compound: str, name: str | None, kind: str) -> None:
    text = f"„Wir sind vorbereitet“, sagte die Bürgermeisterin. Nach {compound} wurden drei Menschen verletzt."
    quote = ex.extract(text)[-1]
    assert quote.content.text == "wurden drei Menschen verletzt"
    assert quote.speaker is not None and quote.speaker.text == compound
    assert (quote.speaker.name, quote.speaker.type) == (name, kind)


@pytest.mark.parametrize(
    "text, content, cue",
    [
        ("Dem Vernehmen nach treffen sich dort jeden Abend laute Gruppen.", "treffen sich dort jeden Abend laute Gruppen",
         "dem vernehmen nach"),
        ("Der Bruder war nach eigenem Bekunden seit langem in die Pläne eingeweiht.",
         "Der Bruder war | seit langem in die Pläne eingeweiht", "nach eigenem bekunden"),
    ],
)
def test_fixed_phrases_of_hearsay_and_own_account(ex: Extractor, text: str, content: str, cue: str) -> None:
    (quote,) = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert " | ".join(text[s.start : s.end] for s in quote.content.spans) == content
    assert quote.cue.text.lower() == cue


MID_CLAUSE = [
    # (text, content spans joined by " | ")
    # a frame that opens a second main clause frames that clause alone
    ("Zwei Menschen starben, nach Angaben der Behörden wurden fünf weitere verletzt.", "wurden fünf weitere verletzt"),
    ("Der Umsatz stieg, nach Schätzungen der Branche wuchs auch der Gewinn.", "wuchs auch der Gewinn"),
    # inside its clause or between commas, the content lies on both sides
    ("Der Fahrer war, nach Angaben der Polizei, stark betrunken.", "Der Fahrer war | stark betrunken"),
    ("Die Regierung hat nach Angaben der Opposition die Wahl manipuliert.", "Die Regierung hat | die Wahl manipuliert"),
    ("Die Brücke wurde gesperrt, laut Polizei wegen Einsturzgefahr am Pfeiler.",
     "Die Brücke wurde gesperrt | wegen Einsturzgefahr am Pfeiler"),
    # right after the opener of a verb-final clause, the phrase frames that clause alone
    ("Der Fahrer, der nach Polizeiangaben betrunken war, floh vom Unfallort.", "der | betrunken war"),
    ("Das Bad wird geschlossen, weil nach Angaben der Stadt das Geld fehlt.", "weil | das Geld fehlt"),
    ("Die Polizei nahm den Mann fest, der laut Zeugen zuvor randaliert hatte.", "der | zuvor randaliert hatte"),
    # an extended attribute before the noun of saying
    ("Nach einer vom Institut veröffentlichten Studie schlafen Jugendliche zu wenig.", "schlafen Jugendliche zu wenig"),
    ("Laut einer am Dienstag verbreiteten Mitteilung des Programms wurden zweitausend Menschen versorgt.",
     "wurden zweitausend Menschen versorgt"),
]


@pytest.mark.parametrize("text, content", MID_CLAUSE)
def test_the_content_is_the_clause_the_phrase_stands_in(ex: Extractor, text: str, content: str) -> None:
    (quote,) = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert " | ".join(text[s.start : s.end] for s in quote.content.spans) == content


@pytest.mark.parametrize(
    "text",
    [
        "Nach einer langen Sitzung im Rathaus gingen die Abgeordneten nach Hause.",  # no noun of saying
        "Nach dem Spiel gab es neue Ausschreitungen vor dem Stadion.",
    ],
)
def test_no_noun_of_saying_after_an_attribute(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.rule.startswith("according")] == []


RELATIVE = [
    # (text, content, cue, speaker mention)
    ("Es gibt auch Gerüchte, nach denen der Sänger schwer krank war.", "der Sänger schwer krank war", "nach", "Gerüchte"),
    ("Dem Gericht liegt ein Gutachten vor, laut dem das Kind misshandelt worden war.", "das Kind misshandelt worden war",
     "laut", "ein Gutachten"),
    ("Die Partei verwies auf Meinungsumfragen, nach denen zwei Drittel der Wähler den Plan ablehnen.",
     "zwei Drittel der Wähler den Plan ablehnen", "nach", "Meinungsumfragen"),
]


@pytest.mark.parametrize("text, content, cue, speaker", RELATIVE)
def test_a_relative_clause_after_a_statement_noun(ex: Extractor, text: str, content: str, cue: str, speaker: str) -> None:
    (quote,) = [q for q in ex.extract(text) if q.rule == "according.relative"]
    assert quote.content.text == content
    assert quote.cue.text.lower() == cue
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Das Spiel ging in die Pause, nach der die Gäste deutlich stärker wurden.",  # no statement
        "Sie besuchten die Stadt, nach der die Straße benannt worden war.",
    ],
)
def test_no_relative_according_to_without_a_statement_noun(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.rule.startswith("according")] == []


# More nouns of saying after „nach“: statements, plans, results and the state of knowledge.
MORE_REPORT_NOUNS = [
    # (text, content, speaker mention)
    ("Nach einer Stellungnahme des Landratsamts war das Wasser zu keiner Zeit belastet.",
     "war das Wasser zu keiner Zeit belastet", "einer Stellungnahme des Landratsamts"),
    ("Nach den aktuellen Planungen soll die neue Brücke im Sommer eröffnet werden.",
     "soll die neue Brücke im Sommer eröffnet werden", "den aktuellen Planungen"),
    ("Nach dem amtlichen Endergebnis kam die Liste auf knapp zwölf Prozent.", "kam die Liste auf knapp zwölf Prozent",
     "dem amtlichen Endergebnis"),
    ("Nach bisherigem Kenntnisstand löste ein defektes Kabel das Feuer aus.", "löste ein defektes Kabel das Feuer aus",
     "bisherigem Kenntnisstand"),
    ("Nach der Idee des Bürgermeisters sollen Anwohner kostenlos parken.", "sollen Anwohner kostenlos parken",
     "der Idee des Bürgermeisters"),
    ("Der Trainer hatte nach eigenem Bekunden nie an einen Abschied gedacht.", "Der Trainer hatte | nie an einen Abschied gedacht",
     "eigenem Bekunden"),
]


@pytest.mark.parametrize("text, content, speaker", MORE_REPORT_NOUNS)
def test_nach_a_statement_a_plan_a_result_or_the_state_of_knowledge(ex: Extractor, text: str, content: str, speaker: str) -> None:
    (q,) = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert " | ".join(text[s.start : s.end] for s in q.content.spans) == content
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Nach dem Ergebnis der Wahl trat der gesamte Vorstand zurück.",  # „Ergebnis“ alone is a time, not a source
        "Nach der Ankündigung des Konzerns fiel der Kurs der Aktie deutlich.",  # after the announcement
        "Nach dem Spiel vom Samstag feierten die Fans bis in die Nacht.",
    ],
)
def test_nach_an_event_is_a_time_not_a_source(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.rule.startswith("according")] == []


# „zufolge“ after a dative pronoun (its antecedent is the speaker) or after a noun of
# saying with a date („Angaben vom Montag zufolge“).
ZUFOLGE_SHAPES = [
    # (text, content, speaker mention)
    ("Die Forscher legten am Montag ihre Messungen vor. Ihnen zufolge ist der Gletscher um ein Drittel geschrumpft.",
     "ist der Gletscher um ein Drittel geschrumpft", "Ihnen"),
    ("Ein Anwohner hatte den Knall gehört. Ihm zufolge sei der Wagen mit hoher Geschwindigkeit gefahren.",
     "sei der Wagen mit hoher Geschwindigkeit gefahren", "Ihm"),
    ("Die Ärztin untersuchte die Kinder sofort. Ihr zufolge war keines von ihnen ernsthaft verletzt.",
     "war keines von ihnen ernsthaft verletzt", "Ihr"),
    ("Ersten Angaben vom Dienstag zufolge gehörte das Boot einem Fischer aus Husum.",
     "gehörte das Boot einem Fischer aus Husum", "Ersten Angaben vom Dienstag"),
    ("Einem Bericht der Hafenbehörde vom gestrigen Abend zufolge lief der Frachter auf Grund.",
     "lief der Frachter auf Grund", "Einem Bericht der Hafenbehörde vom gestrigen Abend"),
]


@pytest.mark.parametrize("text, content, speaker", ZUFOLGE_SHAPES)
def test_zufolge_after_a_pronoun_or_a_dated_report(ex: Extractor, text: str, content: str, speaker: str) -> None:
    (q,) = [q for q in ex.extract(text) if q.rule == "according.postposition"]
    assert q.content.text == content
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Dem Spiel vom Sonntag zufolge steht der Verein nun auf dem dritten Platz.",  # no noun of saying before the date
        "Der Plan vom Montag sieht vor, die Halle im Herbst zu schließen.",  # no „zufolge“
        "Wer sich zufolge der neuen Regeln verhält, zahlt nichts.",  # the reflexive owns nothing
    ],
)
def test_no_zufolge_source_without_a_noun_of_saying_or_a_pronoun(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.rule == "according.postposition"] == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Die Ministerin Helga Brandt reiste am Montag nach Wien. Ihr zufolge ist der Vertrag bereits unterschrieben.",
         "Helga Brandt"),
        ("Der Pilot Jonas Weber landete sicher. Ihm zufolge war das Fahrwerk blockiert.", "Jonas Weber"),
    ],
)
def test_a_pronoun_before_zufolge_is_resolved_like_a_subject_pronoun(ex: Extractor, text: str, name: str) -> None:
    (q,) = [q for q in ex.extract(text) if q.rule == "according.postposition"]
    assert q.speaker is not None and q.speaker.name == name


# A so-frame inside the clause it vouches for: the content lies on both sides of it.
SO_PARENTHESIS = [
    # (text, content spans joined by " | ", frame, speaker)
    ("Der Neubau, so die Stadträtin, werde deutlich teurer.",
     "Der Neubau | werde deutlich teurer", ", so die Stadträtin", "die Stadträtin"),
    ("Die Pläne des Vereins, so der Vorsitzende weiter, seien längst überholt.",
     "Die Pläne des Vereins | seien längst überholt", ", so der Vorsitzende weiter", "der Vorsitzende"),
    # a relative clause on the speaker is no content
    ("Im Mai, so der Bericht einer Richterin, die den Fall seit Jahren prüft, seien die Akten verschwunden.",
     "Im Mai | seien die Akten verschwunden", ", so der Bericht einer Richterin", "der Bericht einer Richterin"),
]


@pytest.mark.parametrize("text, content, frame, speaker", SO_PARENTHESIS)
def test_so_frame_in_mid_clause(ex: Extractor, text: str, content: str, frame: str, speaker: str) -> None:
    [q] = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert " | ".join(text[s.start : s.end] for s in q.content.spans) == content
    assert q.frame.text == frame
    assert q.speaker is not None and q.speaker.text == speaker


SO_PARENTHESIS_NEGATIVE = [
    "Die Halle, so schien es, war leer.",  # „so schien es“: no speaker
    "Er lief, so schnell er konnte, zum Bahnhof.",  # „so schnell“: a comparison
    # a noun of intention after „so“ is nobody's words
    "Die Kinder, so die Hoffnung, werden bald zurückkehren.",
    "Die Mannschaft, so das Ziel, soll aufsteigen.",
    "Der Hafen, so die Idee, werde zum Park.",
    "Die Brücke soll im Herbst fertig sein, so der Plan der Stadt.",
]


@pytest.mark.parametrize("text", SO_PARENTHESIS_NEGATIVE)
def test_no_so_frame_without_a_speaker(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect"] == []


# „nach“ + a law, a draft, a decree or a plan: the text vouches for what follows.
LEGAL_TEXTS = [
    # (text, content, speaker mention)
    ("Nach dem Landesgesetz müssen alle Gemeinden einen Lärmschutzplan vorlegen.",
     "müssen alle Gemeinden einen Lärmschutzplan vorlegen", "dem Landesgesetz"),
    ("Nach dem Gesetzentwurf der Regierung sollen Vermieter die Kosten tragen.",
     "sollen Vermieter die Kosten tragen", "dem Gesetzentwurf der Regierung"),
    ("Nach einem Dekret des Präsidenten dürfen Händler sonntags öffnen.",
     "dürfen Händler sonntags öffnen", "einem Dekret des Präsidenten"),
    ("Nach einem Plan der Stadtwerke wird das Freibad im Herbst abgerissen.",
     "wird das Freibad im Herbst abgerissen", "einem Plan der Stadtwerke"),
    ("Nach dem Entwurf der Kommission könnten Fischer bald mehr fangen.",
     "könnten Fischer bald mehr fangen", "dem Entwurf der Kommission"),
    # a year after „von“ belongs to the law, not to the content
    ("Nach dem Gesetz von 2010 müssen Vermieter die Kaution verzinsen.",
     "müssen Vermieter die Kaution verzinsen", "dem Gesetz von 2010"),
]


@pytest.mark.parametrize("text, content, speaker", LEGAL_TEXTS)
def test_nach_a_law_or_plan_vouches_for_the_clause(ex: Extractor, text: str, content: str, speaker: str) -> None:
    [q] = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert q.content.text == content
    assert q.cue.text == "Nach"
    assert q.speaker is not None and q.speaker.text == speaker


LEGAL_NEGATIVE = [
    "Nach der Verabschiedung des Gesetzes reiste die Ministerin ab.",  # a point in time: the head is no law
    "Das neue Gesetz tritt im Mai in Kraft.",  # no according-to phrase
    "Nach dem Spiel feierten die Fans bis in die Nacht.",
    # after a law or plan a clause told in the past is a time, not what the text says
    "Nach dem Plan kam die Ernüchterung.",
    "Nach dem Dekret kam es in mehreren Städten zu Protesten.",
    "Nach der Verordnung hat sich die Lage beruhigt.",
    "Nach dem Entwurf wurde das Haus gebaut.",
    "Nach dem Gesetz von 2010 stiegen die Mieten stark an.",
]


@pytest.mark.parametrize("text", LEGAL_NEGATIVE)
def test_no_law_source_without_nach_and_a_law_head(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect"] == []


# „Danach“ right after a written report vouches for its clause when that clause says so
# itself (Konjunktiv, reportive sollen/wollen); as a time adverb it frames nothing.
REPORT_ADVERB = [
    # (text, content)
    ("Die Gewerkschaft legte am Montag eine Studie vor. Danach würden Frauen im Handel weniger verdienen.",
     "würden Frauen im Handel weniger verdienen"),
    ("Der Rechnungshof veröffentlichte seinen Jahresbericht. Danach hätten drei Ämter Geld verschwendet.",
     "hätten drei Ämter Geld verschwendet"),
    ("Die Stiftung stellte ihre Bilanz vor. Danach seien die Spenden um ein Drittel gesunken.",
     "seien die Spenden um ein Drittel gesunken"),
    ("Das Institut hat eine Umfrage unter Lehrern gemacht. Danach soll jeder Dritte schon einmal bedroht worden sein.",
     "soll jeder Dritte schon einmal bedroht worden sein"),
]


@pytest.mark.parametrize("text, content", REPORT_ADVERB)
def test_danach_after_a_report(ex: Extractor, text: str, content: str) -> None:
    [q] = [q for q in ex.extract(text) if q.kind == "indirect"]
    assert q.content.text == content
    assert q.cue.text == "Danach"
    assert q.rule == "according.anaphoric"


REPORT_ADVERB_NEGATIVE = [
    "Der Minister stellte den Bericht vor. Danach ging er zum Essen.",  # told in the past: a time
    "Der Minister stellte den Bericht vor. Danach ist er zum Essen gegangen.",  # perfect: a time
    # the present tells the next step as often as a report's finding
    "Die Stadt legte ihren Bericht vor. Danach gibt es keine Verletzten.",
    "Die Studie wurde im Mai veröffentlicht. Danach folgt eine Pressekonferenz.",
    "Das Amt legte die Statistik vor. Danach soll eine Debatte im Landtag folgen.",  # a plan, not hearsay
    # an event, not a written report, before it
    "Die Bürgermeisterin hielt eine Rede. Danach geht sie nach Hause.",
    "Der Trainer gab eine Erklärung ab. Danach sei die Sitzung beendet gewesen.",
    "Zuerst gab es eine Pressekonferenz des Vereins. Danach beginnt das Turnier um 18 Uhr.",
    "Die Feier begann um acht. Danach tanzen die Gäste bis zum Morgen.",  # no report before it
    "Danach verdienen Frauen im Handel weniger.",  # no sentence before it
    "Die Gewerkschaft legte eine Studie vor.\n\nDanach verdienen Frauen weniger.",  # another paragraph
    "Die Gewerkschaft legte eine Studie vor. Sie verdienen danach weniger.",  # not opening the sentence
]


@pytest.mark.parametrize("text", REPORT_ADVERB_NEGATIVE)
def test_danach_as_a_time_adverb(ex: Extractor, text: str) -> None:
    assert [q for q in ex.extract(text) if q.kind == "indirect" and q.rule == "according.anaphoric"] == []
