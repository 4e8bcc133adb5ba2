"""Speakers, addressees and sources: who said it, and who says so.

Each case is a German text written for these tests and what its first (or only)
quote must be attributed to. The texts use direct speech so that the frame is
unambiguous; the indirect-speech rules have tests of their own.
"""

from __future__ import annotations

import pytest

import quotecheck
from quotecheck import Quote


def only_quote(text: str) -> Quote:
    quotes = [q for q in quotecheck.extract(text) if q.kind == "direct"]
    assert len(quotes) == 1, [q.content.text for q in quotes]
    return quotes[0]


def last_quote(text: str) -> Quote:
    quotes = quotecheck.extract(text)
    assert quotes
    return quotes[-1]


@pytest.mark.parametrize(
    ("text", "mention", "name", "type"),
    [
        # after the cue, inverted, with the whole mention as the text gives it
        ("„Wir helfen“, sagte der russische Präsident Wladimir Putin am Montag.", "der russische Präsident Wladimir Putin", "Wladimir Putin", "person"),
        ("„Das ist ein Skandal“, sagte Gewerkschaftschef Konrad Freiberg.", "Gewerkschaftschef Konrad Freiberg", "Konrad Freiberg", "person"),
        ("„Die Lage ist ernst“, sagte ein Sprecher des Gesundheitsministeriums.", "ein Sprecher des Gesundheitsministeriums", "Gesundheitsministerium", "organization"),
        ("„Wir streiken“, erklärte Anna Berger am Abend in Köln.", "Anna Berger", "Anna Berger", "person"),
        # before the cue
        ("Die offizielle nordkoreanische Nachrichtenagentur KCNA meldete: „Der Start war erfolgreich.“", "Die offizielle nordkoreanische Nachrichtenagentur KCNA", "KCNA", "organization"),
        ("Innenministerin Petra Albers sagte am Dienstag: „Wir prüfen alles.“", "Innenministerin Petra Albers", "Petra Albers", "person"),
        # colon frame without a verb, and „so X“
        ("Merkel: „Wir schaffen das.“", "Merkel", "Merkel", "person"),
        ("„Wir lehnen das ab“, so der Kreml.", "der Kreml", "Kreml", "organization"),
        # a name never introduced is its own canonical name
        ("„Das ist eine Provokation“, sagte Kim laut der AP.", "Kim", "Kim", "person"),
        # names with particles and brackets
        ("„Europa muss handeln“, sagte Ursula von der Leyen.", "Ursula von der Leyen", "Ursula von der Leyen", "person"),
        ("„Wir investieren“, sagte Wirtschaftsminister Tobias Brandt (CDU).", "Wirtschaftsminister Tobias Brandt (CDU)", "Tobias Brandt", "person"),
    ],
)
def test_speaker_mention_name_and_type(text: str, mention: str, name: str, type: str) -> None:
    speaker = only_quote(text).speaker
    assert speaker is not None
    assert (speaker.text, speaker.name, speaker.type) == (mention, name, type)


def test_coordinated_speakers_are_one_mention() -> None:
    speaker = only_quote("„Wir fordern Aufklärung“, erklärten Anna Müller und Jens Schmidt.").speaker
    assert speaker is not None
    assert speaker.text == "Anna Müller und Jens Schmidt"
    assert speaker.name == "Anna Müller und Jens Schmidt"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # surname → full name introduced earlier
        ("Der russische Präsident Wladimir Putin traf Kim Jong Un. „Wir sind Freunde“, sagte Putin.", "Wladimir Putin"),
        # spelling variants of one name
        ("Kim Jong-un besuchte eine Fabrik. „Wir brauchen mehr Raketen“, sagte Kim Jong Un.", "Kim Jong-un"),
        # a description resolved across sentences
        ("Der russische Präsident Wladimir Putin traf am Montag Kim Jong Un. „Wir sind Freunde“, sagte der russische Präsident.", "Wladimir Putin"),
        ("Gewerkschaftschef Konrad Freiberg kritisierte die Pläne. „Das ist ein Skandal“, sagte der GdP-Vorsitzende.", "Konrad Freiberg"),
        # a pronoun resolved across sentences to the nearest compatible entity
        ("Kim Jong-un besuchte eine Fabrik. „Der Feind zittert“, sagte er.", "Kim Jong-un"),
        ("Gewerkschaftschefin Sabine Kroll kam am Morgen. „Wir bleiben hart“, sagte sie.", "Sabine Kroll"),
        # the role named after a comma belongs to the person before it
        ("Katrin Oswald, Sprecherin der Stadtwerke, bestätigte den Ausfall. „Wir arbeiten daran“, sagte die Sprecherin.", "Katrin Oswald"),
    ],
)
def test_speaker_resolves_within_the_document(text: str, name: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    "text",
    [
        "„Es gab zwei Explosionen“, sagte ein Augenzeuge.",
        "„Das war knapp“, sagte ein Passant.",
        "„Wir haben Angst“, sagte eine Anwohnerin.",
    ],
)
def test_indefinite_speaker_stays_unresolved(text: str) -> None:
    speaker = only_quote(text).speaker
    assert speaker is not None
    assert speaker.name is None


def test_pronoun_with_no_antecedent_stays_unresolved() -> None:
    speaker = only_quote("„Wir kommen wieder“, sagte er.").speaker
    assert speaker is not None and speaker.text == "er" and speaker.name is None


@pytest.mark.parametrize(
    ("text", "speaker", "addressee"),
    [
        # the dative after the cue is spoken to, not speaking
        ("„Wir helfen“, sagte Putin dem nordkoreanischen Machthaber.", "Putin", "dem nordkoreanischen Machthaber"),
        ("„Wir helfen“, sagte dem Minister die Gewerkschaftschefin Sabine Kroll.", "die Gewerkschaftschefin Sabine Kroll", "dem Minister"),
        ("„Ich bleibe“, sagte Kroll gegenüber der Zeitung.", "Kroll", "der Zeitung"),
        # the addressee trap: Kim speaks, Putin is addressed
        ("Kim sprach das Thema nicht an, sagte Putin jedoch: „Wir stehen an eurer Seite.“", "Kim", "Putin"),
    ],
)
def test_addressee_is_not_the_speaker(text: str, speaker: str, addressee: str) -> None:
    quote = only_quote(text)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.addressee is not None and quote.addressee.text == addressee


@pytest.mark.parametrize(
    ("text", "speaker", "sources"),
    [
        ("„Das ist eine Provokation“, sagte Kim laut der AP.", "Kim", [("laut der AP", "AP", "news_agency")]),
        # a lower-case agency name
        ("„Wir streiken weiter“, sagte Hellwig laut der dpa.", "Hellwig", [("laut der dpa", "dpa", "news_agency")]),
        ("„Das ist eine Provokation“, sagte Kim laut The Associated Press.", "Kim", [("laut The Associated Press", "AP", "news_agency")]),
        (
            "„Wir lehnen das ab“, so der Kreml in den sozialen Medien, laut The Associated Press.",
            "Kreml",
            [("laut The Associated Press", "AP", "news_agency")],
        ),
        (
            "„Wir lehnen das ab“, sagte Peskow der Agentur Interfax zufolge.",
            "Peskow",
            [("der Agentur Interfax zufolge", "Interfax", "news_agency")],
        ),
        # two-level chain, from the speaker outwards (issue 12): TASS had it first, Interfax cites TASS
        (
            "„Wir lehnen das ab“, so der Kreml, wie die Agentur Interfax unter Berufung auf TASS berichtete.",
            "Kreml",
            [("unter Berufung auf TASS", "TASS", "news_agency"), ("wie die Agentur Interfax", "Interfax", "news_agency")],
        ),
        # no intermediary: empty list
        ("„Wir helfen“, sagte Putin.", "Putin", []),
    ],
)
def test_sources_chain(text: str, speaker: str, sources: list[tuple[str, str, str]]) -> None:
    quote = only_quote(text)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert [(s.text, s.name, s.type) for s in quote.sources] == sources


def test_passive_quoting_medium_is_a_source() -> None:
    quote = only_quote("Der Minister wurde von der Zeitung „Kurier“ mit den Worten zitiert: „Ich trete nicht zurück.“")
    assert quote.speaker is not None and quote.speaker.text == "Der Minister"
    assert [s.text for s in quote.sources] == ["von der Zeitung „Kurier“"]


def test_speaker_of_a_frameless_quote_is_inherited() -> None:
    text = "„Wir kommen“, sagte Verdi-Chef Frank Werneke. „Und wir bleiben, bis es eine Einigung gibt.“"
    quotes = quotecheck.extract(text)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Frank Werneke", "Frank Werneke"]


def test_user_organizations_file(tmp_path) -> None:
    path = tmp_path / "orgs.tsv"
    path.write_text("name\ttype\taliases\tcountry\nLokalblatt\tmedia\tLokalblatt|Das Lokalblatt\tDE\n", encoding="utf-8")
    extractor = quotecheck.Extractor(organizations=path)
    quote = extractor.extract("„Wir bauen“, sagte Bürgermeister Jan Holm laut dem Lokalblatt.")[0]
    assert [(s.name, s.type) for s in quote.sources] == [("Lokalblatt", "media")]


def quote_with(text: str, content_start: str) -> Quote:
    """The quote whose content starts with ``content_start``."""
    found = [q for q in quotecheck.extract(text) if q.content.text.startswith(content_start)]
    assert len(found) == 1, [q.content.text for q in quotecheck.extract(text)]
    return found[0]


def first_quote(text: str) -> Quote:
    quotes = quotecheck.extract(text)
    assert quotes, text
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # the subject after a finite auxiliary, the participle cue at the end
        ("Am Freitag hatte Verlagsleiterin Jana Roth den Mitarbeitern erklärt, die Zeitung werde eingestellt.", "Verlagsleiterin Jana Roth", "Jana Roth"),
        ("Die Kreisverwaltung hatte erklärt, die Straße bleibe gesperrt.", "Die Kreisverwaltung", "Kreisverwaltung"),
        # a sentence-initial adverb is no mention; the subject follows the verb
        ("Offiziell erklärte die Stadtverwaltung, die Brücke sei sicher.", "die Stadtverwaltung", "Stadtverwaltung"),
        # the whole position before the verb, with the phrase that belongs to the noun
        ("Das Umweltamt in Kassel erklärte, das Wasser sei sauber.", "Das Umweltamt in Kassel", "Umweltamt"),
        # a name with its apposition before a frame that starts at the verb
        ("Tom Weber, der Vorsitzende des Vereins, sagte am Abend, man werde klagen.", "Tom Weber, der Vorsitzende des Vereins", "Tom Weber"),
        # according-to: the statement noun with its owner is the mention
        ("Nach Angaben der Feuerwehr brannte die Lagerhalle vollständig aus.", "Angaben der Feuerwehr", "Feuerwehr"),
    ],
)
def test_subject_of_the_frame(text: str, mention: str, name: str) -> None:
    speaker = first_quote(text).speaker
    assert speaker is not None
    assert (speaker.text, speaker.name) == (mention, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a generic description finds the company named with a more specific noun
        ("Der Autozulieferer Brenk baut Stellen ab. Nach Angaben des Unternehmens sank der Umsatz um elf Prozent.", "Brenk"),
        # a spokesperson of a ministry named before speaks for it
        ("Das Bundesverkehrsministerium prüft den Fall. Ein Sprecher des Ministeriums sagte, eine Schlichtung sei nicht vorgesehen.", "Bundesverkehrsministerium"),
        # „demnach“ continues the previous speaker, written as the anaphor
        ("Nach Angaben der Feuerwehr brannte die Lagerhalle aus. Demnach sei niemand verletzt worden.", "Feuerwehr"),
    ],
)
def test_description_resolves_to_the_named_organisation(text: str, name: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and speaker.name == name


def test_plural_common_noun_stays_unresolved() -> None:
    speaker = first_quote("Regierungskreisen zufolge sei der Minister bereits zurückgetreten.").speaker
    assert speaker is not None and speaker.text == "Regierungskreisen" and speaker.name is None


def test_object_of_the_cue_is_not_the_speaker() -> None:
    quote = first_quote("Die Vereinten Nationen im Sudan verlangten den Rückzug aller Truppen.")
    assert quote.speaker is not None and quote.speaker.text.startswith("Die Vereinten Nationen")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a role noun the lexicon lacks, after a determiner, before a two-word name
        ("Gezeigt wurde ein Stück der Liedermacherin Wiebke Ohlsen. „Ich bin glücklich“, sagte Ohlsen.", "Wiebke Ohlsen"),
        # a name particle after a known given name that follows a role noun
        ("Der Trainer, der Belgier Joost van Acker, war zufrieden. „Wir haben gekämpft“, sagte van Acker.", "Joost van Acker"),
        # an unknown role noun before the surname of a person named before
        ("Kapitän Jonas Brück traf zweimal. „Das war mein Abend“, sagte Doppeltorschütze Brück.", "Jonas Brück"),
        # a kind of club (org_classes.tsv) names the club; „der Verein“ finds it
        ("Der Zweitligist FC Auental hat seinen Trainer entlassen. Wie der Verein mitteilte, übernimmt der Co-Trainer.", "FC Auental"),
        # the name says what kind of organisation it is
        ("Die IG Metall weitet ihre Streiks aus. Nach Angaben der Gewerkschaft streikten 9000 Beschäftigte.", "IG Metall"),
        # a short form of the article's organisation
        ("Die Deutsche Bahn erhöht die Preise. Wie die Bahn mitteilte, steigen die Kosten für Energie.", "Deutsche Bahn"),
    ],
)
def test_names_introduced_with_unknown_roles_and_short_forms(text: str, name: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an adjective of origin stays in the canonical name, in the nominative
        ("Das ungarische Außenministerium wies die Vorwürfe zurück. „Das ist falsch“, sagte ein Sprecher des Ministeriums.", "Ungarisches Außenministerium"),
        ("„Die Lage ist unter Kontrolle“, sagte ein Sprecher des chilenischen Militärs.", "Chilenisches Militär"),
        ("„Wir suchen Zeugen“, sagte ein Sprecher der portugiesischen Polizei.", "Portugiesische Polizei"),
        ("„Die Übung ist beendet“, teilte der litauische Generalstab mit.", "Litauischer Generalstab"),
    ],
)
def test_organisation_named_with_its_origin(text: str, name: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    ("text", "speaker", "sources"),
    [
        # „mit den Worten zitiert“ in the passive: the subject spoke, the agent is a source
        ("Ministerin Vera Lund wurde von Reuters mit den Worten zitiert, man werde nicht nachgeben.", "Vera Lund", ["Reuters"]),
        ("Der Sprecher der Armee, Oberst Li Qiang, wurde von Xinhua mit den Worten zitiert, die Truppen seien bereit.", "Li Qiang", ["Xinhua"]),
    ],
)
def test_passive_quoting_phrase_keeps_the_quoted_speaker(text: str, speaker: str, sources: list[str]) -> None:
    quote = first_quote(text)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert [s.name for s in quote.sources] == sources


def test_own_statement_belongs_to_the_subject() -> None:
    text = "Der Energieversorger Nordstrom hat Verluste gemacht. Nordstrom prüft nach eigenen Angaben einen Verkauf des Netzes."
    speaker = last_quote(text).speaker
    assert speaker is not None
    # the mention is the according-to phrase; the entity is the clause's subject
    assert (speaker.text, speaker.name) == ("eigenen Angaben", "Nordstrom")


@pytest.mark.parametrize(
    ("text", "start", "mention", "name"),
    [
        # „wonach“: the report's author speaks, not the subject that cites the report
        ("Naturschützer verwiesen auf eine Studie des Instituts Aquavita, wonach die Fischbestände im See stark geschrumpft seien.",
         "wonach", "des Instituts Aquavita", "Aquavita"),
        # „Demnach“ after a report with a named author: that author, not the last speaker
        ("„Wir sind zufrieden“, sagte Bürgermeisterin Ilse Brandner. Laut einer Umfrage des Instituts Demoskop "
         "befürworten 58 Prozent den Umbau. Demnach lehnen vor allem ältere Einwohner das Projekt ab.",
         "lehnen", "Demnach", "Demoskop"),
        # „Demnach“ after a sentence whose subject published something: that subject
        ("„Sie waren sehr schnell“, sagte eine Kassiererin. Die Polizei veröffentlichte am Montag eine Täterbeschreibung. "
         "Demnach ist einer der Männer etwa 30 Jahre alt.",
         "ist einer", "Demnach", "Polizei"),
        # „seiner Meinung nach“: the possessive stands for the nearest man named before
        ("„Das Bad muss bleiben“, sagte Stadtrat Jörg Lindemann. Eine Sanierung wäre seiner Meinung nach billiger als ein Neubau.",
         "Eine Sanierung", "seiner Meinung", "Jörg Lindemann"),
    ],
)
def test_report_anaphors_and_possessives(text: str, start: str, mention: str, name: str) -> None:
    speaker = quote_with(text, start).speaker
    assert speaker is not None
    assert (speaker.text, speaker.name) == (mention, name)


def test_demnach_without_a_named_author_keeps_the_previous_speaker() -> None:
    text = "Wie die Feuerwehr mitteilte, sind drei Häuser beschädigt worden. Demnach wurde niemand verletzt."
    speaker = quote_with(text, "wurde niemand").speaker
    assert speaker is not None and speaker.name == "Feuerwehr"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an institution named by the document's place keeps its noun: „Stadtwerke Bergheim“
        ("Lindenau – Die Stadtwerke Lindenau erhöhen die Preise. „Die Kosten sind gestiegen“, sagte das Unternehmen.", "Stadtwerke Lindenau"),
        ("Das Landgericht Kassel hat den Angeklagten verurteilt. In Kassel war der Prozess stark beachtet worden. "
         "„Die Beweise sind eindeutig“, teilte das Landgericht Kassel mit.", "Landgericht Kassel"),
        # a name after an organisation noun that is no place stays the name alone
        ("Der Autozulieferer Brenk baut Stellen ab. „Wir haben keine Wahl“, sagte das Unternehmen.", "Brenk"),
    ],
)
def test_institution_named_by_its_place(text: str, name: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and speaker.name == name


def test_cited_group_with_a_numeral_speaks_through_the_newspaper() -> None:
    # „unter Berufung auf zwei Diplomaten“: the diplomats speak, the newspaper is the source
    text = "Die Zeitung „Iswestija“ berichtete unter Berufung auf zwei Diplomaten, dass die Gespräche bereits begonnen hätten."
    quote = last_quote(text)
    assert quote.speaker is not None and quote.speaker.text == "zwei Diplomaten" and quote.speaker.name is None
    assert [s.name for s in quote.sources] == ["Iswestija"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # „für …“/„am …“ after an institution noun is part of its name; a later short
        # description („das Schauspielhaus“, „der Gewerkschaft“) finds the full name
        ("Das Schauspielhaus am Markt zeigt ein neues Stück. Wie das Schauspielhaus mitteilte, sind alle Karten verkauft.",
         "Schauspielhaus am Markt"),
        ("Die Gewerkschaft für Pflege und Gesundheit ruft zum Streik auf. Nach Angaben der Gewerkschaft beteiligten sich 3000 Beschäftigte.",
         "Gewerkschaft für Pflege und Gesundheit"),
        # a time word is no part of the name: „die Feuerwehr am Montag“
        ("Wie die Feuerwehr am Montag mitteilte, wurde niemand verletzt.", "Feuerwehr"),
    ],
)
def test_institution_named_with_its_attribute(text: str, name: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a nationality noun describes the person named before, like a role
        ("Ihr Trainer Luis Herrera lobte die Mannschaft. „Wir haben gekämpft“, sagte der Spanier.", "Luis Herrera"),
        ("Die Norwegerin Ingrid Dahl siegte im Sprint. „Ich bin überglücklich“, sagte die Norwegerin nach dem Rennen.", "Ingrid Dahl"),
        # gazetteer forms after a definite article: „der Deutsche Wetterdienst“
        ("„Der Sommer war zu trocken“, teilte der Deutsche Wetterdienst mit.", "Deutscher Wetterdienst"),
    ],
)
def test_nationality_descriptions_and_inflected_gazetteer_names(text: str, name: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a plural role with coordinated names in apposition: the names are the speaker
        ("Die Anwälte der Familie, Tom Becker und Lea Wolff, erklärten, man werde in Berufung gehen.", "Tom Becker und Lea Wolff"),
        # an institution without article or antecedent, and its spokesperson
        ("Laut Feuerwehr waren mehr als 200 Einsatzkräfte vor Ort.", "Feuerwehr"),
        ("Ein Feuerwehrsprecher sagte, der Brand sei unter Kontrolle.", "Feuerwehr"),
        # an institution description far from the institution's introduction
        ("Pforzheim – Das Landgericht Pforzheim hat einen Mann verurteilt. " + "Der Prozess dauerte lange. " * 14
         + "Laut Gericht ist das Urteil noch nicht rechtskräftig.", "Landgericht Pforzheim"),
    ],
)
def test_plural_appositions_and_bare_institutions(text: str, name: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # an apposition after the name belongs to the mention; the name stays the person's
        ("„Wir sind vorbereitet“, sagte Jonas Riedel, der Sprecher des Katastrophenschutzes.",
         "Jonas Riedel, der Sprecher des Katastrophenschutzes", "Jonas Riedel"),
        ("„Das Wasser steigt weiter“, so Marta Klein, Leiterin des Hochwasserzentrums.",
         "Marta Klein, Leiterin des Hochwasserzentrums", "Marta Klein"),
        # a verb after the comma ends the mention; so does a time word
        ("„Wir bleiben“, sagte Jonas Riedel, Leiter des Einsatzes, am Montag.", "Jonas Riedel, Leiter des Einsatzes", "Jonas Riedel"),
    ],
)
def test_apposition_after_the_name_is_part_of_the_mention(text: str, mention: str, name: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and (speaker.text, speaker.name) == (mention, name)


def test_indirect_content_after_the_name_is_no_apposition() -> None:
    quote = last_quote("Im Gespräch sagte Jonas Riedel, Putin habe keine Wahl gehabt.")
    assert quote.speaker is not None and quote.speaker.text == "Jonas Riedel"


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        # the seat after an authority is part of its name; a company's name stands alone
        ("„Wir ermitteln in alle Richtungen“, sagte ein Sprecher der Staatsanwaltschaft Lüneburg.", "Wir ermitteln", "Staatsanwaltschaft Lüneburg"),
        # a capitalised adjective belongs to the name, in the nominative; the place phrase does not
        ("Der Vereinigte Generalstab in Manila teilte mit, die Übung sei beendet.", "die Übung", "Vereinigter Generalstab"),
        # a place adjective and a preposed genitive stay as written
        ("Nach Angaben des Bremer Instituts für Meeresforschung steigt der Pegel weiter an.", "steigt", "Bremer Institut für Meeresforschung"),
        ("Polens Verteidigungsministerium teilte mit, die Übung sei beendet.", "die Übung", "Polens Verteidigungsministerium"),
        # a genitive complement that names the institution
        ("Die Fraktion der Linken erklärte, man werde gegen den Haushalt klagen.", "man werde", "Fraktion der Linken"),
        ("Laut Bundesamt für Strahlenschutz ist die Belastung in der Region gering.", "ist die Belastung", "Bundesamt für Strahlenschutz"),
        # a compound of an institution noun names one institution
        ("Der Kreiselternbeirat forderte die Stadt auf, die Schulen rasch zu sanieren.", "die Schulen", "Kreiselternbeirat"),
        ("Das Landesamt teilte mit, die Werte seien unbedenklich.", "die Werte", "Landesamt"),
    ],
)
def test_institution_names_are_built_from_the_text(text: str, start: str, name: str) -> None:
    speaker = quote_with(text, start).speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, "organization")


def test_passive_agent_speaks_in_a_reported_act() -> None:
    text = "Der Entwurf wurde dagegen von Bürgermeisterin Jana Wolff als „Luftschloss“ bezeichnet."
    quote = quote_with(text, "Der Entwurf")
    assert quote.kind == "reported"
    assert quote.speaker is not None and (quote.speaker.text, quote.speaker.name) == ("Bürgermeisterin Jana Wolff", "Jana Wolff")
    # the subject and the material after the agent, without the agent
    assert [text[span.start : span.end] for span in quote.content.spans] == ["Der Entwurf", "als „Luftschloss“"]


def test_sentence_initial_passive_agent_speaks() -> None:
    quote = quote_with("Von der Staatsanwaltschaft Lüneburg wurde bestätigt, dass ein Verfahren läuft.", "dass")
    assert quote.speaker is not None and quote.speaker.name == "Staatsanwaltschaft Lüneburg"


def test_so_frame_before_a_wie_clause_names_the_speaker() -> None:
    text = (
        "Die Sanktionen seien unrechtmäßig, so das Außenministerium in Minsk, "
        "wie die Agentur Interfax unter Berufung auf die Staatsagentur TASS meldete."
    )
    quote = quote_with(text, "Die Sanktionen")
    assert quote.content.text == "Die Sanktionen seien unrechtmäßig"
    assert quote.speaker is not None and quote.speaker.name == "Außenministerium"
    assert [s.name for s in quote.sources] == ["TASS", "Interfax"]  # from the speaker outwards (issue 12)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a bare spokesperson speaks for the organisation of the sentence before
        ("Das Umweltministerium rief zur Vorsicht auf. „Die Werte sind zu hoch“, sagte eine Sprecherin.", "Umweltministerium"),
        # with a linking s in the compound: Gerichts|sprecher → the court named before
        ("Der Prozess vor dem Kieler Landgericht beginnt im Mai. Ein Urteil wird im Juni erwartet, so ein Gerichtssprecher.", "Kieler Landgericht"),
        # an institution named only by its bare noun in the sentence before
        ("Die Polizei hat die Straße gesperrt. Ein Sprecher sagte, die Sperre gelte bis 18 Uhr.", "Polizei"),
        # no organisation before: the spokesperson stays unresolved
        ("Der Minister reiste nach Rom. „Er ist müde“, sagte ein Sprecher.", None),
    ],
)
def test_spokesperson_speaks_for_the_organisation(text: str, name: str | None) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and speaker.name == name


def test_statement_noun_is_named_after_its_author() -> None:
    quote = quote_with("Gemäß den Plänen der Bundesregierung sollen die Schulen länger öffnen.", "sollen")
    assert quote.speaker is not None and (quote.speaker.text, quote.speaker.name) == ("den Plänen der Bundesregierung", "Bundesregierung")


@pytest.mark.parametrize(
    ("text", "start", "mention", "name"),
    [
        # „Dessen“ opens a subject, not a genitive object
        ("Kritik kam vom Naturschutzbund. Dessen Vorsitzende Ines Brandt sagte, der Plan sei falsch.", "der Plan",
         "Dessen Vorsitzende Ines Brandt", "Ines Brandt"),
        # an age phrase inside the mention
        ("Der 34 Jahre alte Lehrer Tim Becker sagte, er sei unschuldig.", "er sei", "Der 34 Jahre alte Lehrer Tim Becker", "Tim Becker"),
        # a dateline is no part of the subject
        ("Kiel (dpa) – Die Ministerin Lena Holm sagte, sie sei zufrieden.", "sie sei", "Die Ministerin Lena Holm", "Lena Holm"),
    ],
)
def test_subject_mentions_with_determiners_ages_and_datelines(text: str, start: str, mention: str, name: str) -> None:
    speaker = quote_with(text, start).speaker
    assert speaker is not None and (speaker.text, speaker.name) == (mention, name)


def test_lawyer_who_passes_the_words_on_is_a_source() -> None:
    quote = quote_with("Die Sängerin Mia Lorenz ließ über ihren Anwalt Jan Roth erklären, sie sei unschuldig.", "sie sei")
    assert quote.speaker is not None and quote.speaker.name == "Mia Lorenz"
    assert [(s.text, s.name) for s in quote.sources] == [("über ihren Anwalt Jan Roth", "Jan Roth")]


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        # a bare institution is not the one of another country named later
        ("Das Außenministerium in Minsk erklärte, die Grenze bleibe offen. Chinas Außenministerium rief zur Ruhe auf.",
         "die Grenze", "Außenministerium"),
        # a description finds the institution introduced with that noun and a name
        ("Die Krankenkasse Nordstern hat Daten verloren. Der Krankenkasse zufolge sind alle Kunden informiert.",
         "sind alle", "Nordstern"),
        # a bare name word is the article's first organisation that has it, not the latest
        ("Die Deutsche Bahn hat den Fahrplan geändert. Der Verband Pro Bahn protestierte. "
         "Laut Bahn fahren am Wochenende deutlich weniger Züge.", "fahren", "Deutsche Bahn"),
    ],
)
def test_institution_coreference(text: str, start: str, name: str) -> None:
    speaker = quote_with(text, start).speaker
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # a colon frame with a verb: its subject speaks, not the noun phrase before the colon
        ("Hier sparte der Bundespräsident nicht mit Kritik: „Jeder muss sich bewegen.“", "der Bundespräsident", None),
        ("Im Landtag warb Malte Rehberg für das Gesetz mit den Worten: „Wir bauen neue Schulen.“", "Malte Rehberg", "Malte Rehberg"),
        # without a verb the whole mention before the colon speaks
        ("Die Vorsitzende des Hausärzteverbands, Ingrid Wolff: „Viele Patienten sind krank.“",
         "Die Vorsitzende des Hausärzteverbands, Ingrid Wolff", "Ingrid Wolff"),
        # „Als Begründung“ is no subject
        ("Als Begründung sagte ein Forscher aus Utrecht: „Das Feld ist sehr breit.“", "ein Forscher aus Utrecht", None),
    ],
)
def test_speaker_of_a_colon_frame(text: str, mention: str, name: str | None) -> None:
    speaker = only_quote(text).speaker
    assert speaker is not None and (speaker.text, speaker.name) == (mention, name)


@pytest.mark.parametrize(
    ("text", "start", "mention", "name"),
    [
        # the owner of „Angaben“ with a possessive, and a quoted title in the genitive
        ("Nach Angaben seines Anwalts ist der Sänger wieder gesund.", "ist der", "Angaben seines Anwalts", None),
        ("Laut einem Bericht der „Weser-Post“ ist der Plan gescheitert.", "ist der Plan",
         "einem Bericht der „Weser-Post“", "Weser-Post"),
        ("Dem Bericht des Fachmagazins „Autowelt“ zufolge steigt der Absatz stark.", "steigt",
         "Dem Bericht des Fachmagazins „Autowelt“", "Autowelt"),
    ],
)
def test_statement_owners_in_according_phrases(text: str, start: str, mention: str, name: str | None) -> None:
    quote = quote_with(text, start)
    assert quote.speaker is not None and (quote.speaker.text, quote.speaker.name) == (mention, name)


def test_description_with_its_own_genitive_is_not_the_previous_person() -> None:
    text = ("Die Schauspielerin Mira Holt spielte die Hauptrolle. "
            "Die Kritikerin der „Weser-Post“ nannte den Abend einen „großen Wurf“.")
    speaker = quote_with(text, "den Abend").speaker
    assert speaker is not None and speaker.name is None


@pytest.mark.parametrize(
    ("text", "mention", "name", "type"),
    [
        # a relative clause after the subject is no part of the mention
        ("Wendt, der sich am Wochenende zu dem Schritt entschlossen hatte, sagte, er trete zurück.", "Wendt", "Wendt", "person"),
        # an adverbial without article is no attribute; a phrase with a fused article is
        ("Am Freitag hatte Verlagsleiter Lutz Schumacher aus heiterem Himmel erklärt, die Zeitung werde eingestellt.",
         "Verlagsleiter Lutz Schumacher", "Lutz Schumacher", "person"),
        ("Das Exilparlament im indischen Dharamshala erklärte, man sei besorgt.",
         "Das Exilparlament im indischen Dharamshala", "Exilparlament", "organization"),
        # „von der IG Metall“ after a name is the employer, not a name particle
        ("Patrick Georg von der IG Metall sagte, man werde weiter streiken.", "Patrick Georg von der IG Metall", "Patrick Georg", "person"),
        ("Ursula von der Leyen sagte, die Lage sei ernst.", "Ursula von der Leyen", "Ursula von der Leyen", "person"),
    ],
)
def test_mention_boundaries_of_subjects(text: str, mention: str, name: str, type: str) -> None:
    speaker = last_quote(text).speaker
    assert speaker is not None and (speaker.text, speaker.name, speaker.type) == (mention, name, type)


def test_pronoun_continues_the_previous_speaker_over_a_name_in_its_content() -> None:
    text = "Der Mann habe Anna Berg betrogen, sagte Richterin Ingrid Hollenbach. „Sie haben Vertrauen missbraucht“, sagte sie."
    assert last_quote(text).speaker.name == "Ingrid Hollenbach"


def test_an_amount_is_no_person() -> None:
    text = "Der Mann habe 3,4 Millionen Euro veruntreut, sagte die Richterin. „Das war Betrug“, sagte sie."
    assert last_quote(text).speaker.name != "Millionen Euro"


def test_frame_with_adverbials_after_the_speaker() -> None:
    quote = last_quote("Der Angeklagte habe Anleger betrogen, sagte die Richterin Ingrid Hollenbach am Donnerstag bei der Urteilsverkündung.")
    assert quote.kind == "indirect" and quote.speaker.name == "Ingrid Hollenbach"
    assert quote.content.text == "Der Angeklagte habe Anleger betrogen"


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        # a description of an authority finds the prosecutor's office; a spokesperson in the genitive
        ("Die Staatsanwaltschaft Oldenburg ermittelt. Ein Sprecher der Behörde kündigte an, man werde das Urteil prüfen.",
         "man werde", "Staatsanwaltschaft Oldenburg"),
        ("Der Deutsche Fußball-Bund (DFB) will die Szene nach Angaben eines Sprechers nicht weiter prüfen.", "Der Deutsche", "DFB"),
        # a passive agent after a fused article, in the nominative
        ("Der Entwurf wurde vom Deutschen Richterbund als „mangelhaft“ bezeichnet.", "Der Entwurf", "Deutscher Richterbund"),
        # a club's abbreviation is part of its name; a bracketed abbreviation is not
        ("Der TSV Grünwald gewann. Wie der Verein mitteilte, fällt der Stürmer zwei Wochen aus.", "fällt", "TSV Grünwald"),
        ("Der Zentralverband der deutschen Seehafenbetriebe (ZDS) tagte. Ein Sprecher des Verbands sagte, man sei enttäuscht.",
         "man sei", "Zentralverband der deutschen Seehafenbetriebe"),
    ],
)
def test_organisations_named_through_descriptions_and_abbreviations(text: str, start: str, name: str) -> None:
    speaker = quote_with(text, start).speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, "organization")


@pytest.mark.parametrize(
    ("text", "start", "name", "sources"),
    [
        # an according-to phrase before a wie-clause keeps the speaker; the wie-clause is a source
        ("Dem Kreml zufolge sind weitere Gespräche geplant, wie AFP meldete.", "sind", "Kreml", ["AFP"]),
        ("Nach Schätzungen des Instituts für Weltwirtschaft in Kiel entsteht ein Schaden von 40 Millionen Euro, "
         "wie das „Hamburger Abendblatt“ berichtete.", "entsteht", "Institut für Weltwirtschaft", ["Hamburger Abendblatt"]),
        # a newspaper after the speaker's name is a source, with or without article and marks
        ("Der Vorstand erwäge den Verkauf, sagte Finanzchef Erik Brandt der „Wirtschaftswoche“ zufolge.", "Der Vorstand",
         "Erik Brandt", ["Wirtschaftswoche"]),
        ("Der Vorstand erwäge den Verkauf, sagte Finanzchef Erik Brandt laut „Wirtschaftswoche“.", "Der Vorstand",
         "Erik Brandt", ["Wirtschaftswoche"]),
        ("Der Vorstand erwäge den Verkauf, sagte Finanzchef Erik Brandt Reuters zufolge.", "Der Vorstand", "Erik Brandt", ["Reuters"]),
    ],
)
def test_speaker_and_sources_in_one_sentence(text: str, start: str, name: str, sources: list[str]) -> None:
    quote = quote_with(text, start)
    assert quote.speaker is not None and quote.speaker.name == name
    assert [s.name for s in quote.sources] == sources


def test_dative_medium_after_the_name_is_the_addressee() -> None:
    """The medium spoken to is also the first source (issue 12: ``told_to``)."""
    quote = only_quote("„Wir streiken weiter“, sagte Bahnchefin Sabine Krull der Nachrichtenagentur Reuters.")
    assert quote.speaker is not None and (quote.speaker.text, quote.speaker.name) == ("Bahnchefin Sabine Krull", "Sabine Krull")
    assert quote.addressee is not None and quote.addressee.name == "Reuters"
    assert [(s.name, s.relation) for s in quote.sources] == [("Reuters", "told_to")]


@pytest.mark.parametrize(
    ("text", "start", "speaker", "sources"),
    [
        # a newspaper outside the gazetteer that cites someone is the source, by its noun
        ("Zuvor hatte die finnische Zeitung „Helsingin Sanomat“ unter Berufung auf Geheimdienstkreise berichtet, "
         "Russland habe Truppen verlegt.", "Russland", None, ["Helsingin Sanomat"]),
        ("Die Zeitung „Nordkurier“ berichtete unter Berufung auf Regierungskreise, es gebe Streit.", "es gebe", None, ["Nordkurier"]),
        # the author of an indictment speaks for it; the indictment is the document it stands in (issue 12)
        ("Laut der Anklage der Staatsanwaltschaft hatte der Mann Anleger getäuscht.", "hatte", "Staatsanwaltschaft", ["Anklage"]),
    ],
)
def test_cited_sources_and_document_authors(text: str, start: str, speaker: str | None, sources: list[str]) -> None:
    quote = quote_with(text, start)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert [s.name for s in quote.sources] == sources


def test_club_description_is_not_the_federation() -> None:
    text = ("Der TSV Grünwald gewann gegen den SC Ried. Der Deutsche Fußball-Bund (DFB) prüft die Szene nicht. "
            "Wie der Verein mitteilte, fällt der Stürmer zwei Wochen aus.")
    assert quote_with(text, "fällt").speaker.name == "TSV Grünwald"


@pytest.mark.parametrize(
    ("text", "start", "name", "sources"),
    [
        # an according-to phrase inside a speech act or frame with its own subject is a source
        ("Igor Malenkow nannte die Forderungen laut Interfax „unrealistisch“.", "die Forderungen", "Igor Malenkow", ["Interfax"]),
        ("Die Sprecherin der Inselstaaten, Mele Tuilagi, sagte nach Angaben der Nachrichtenagentur Reuters, "
         "ihre Länder könnten nicht länger warten.", "ihre Länder", "Mele Tuilagi", ["Reuters"]),
        ("Bürgermeister Giorgos Leventis sprach laut AFP unter Berufung auf den Sender ERT von einer „Katastrophe“.",
         "von einer", "Giorgos Leventis", ["ERT", "AFP"]),  # ERT had it first, AFP cites it (issue 12)
        # a wie-clause before a speech act told as an event is its source
        ("Wie die Polizei mitteilte, lobte Innenminister Karl Brandt die Helfer für ihren Einsatz.", "die Helfer",
         "Karl Brandt", ["Polizei"]),
    ],
)
def test_relayed_speech_acts_keep_their_speaker(text: str, start: str, name: str, sources: list[str]) -> None:
    quote = quote_with(text, start)
    assert quote.speaker is not None and quote.speaker.name == name
    assert [s.name for s in quote.sources] == sources


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        # a time word after an institution is no part of its name
        ("Der SV Westfalia Hagen hat Trainer Jens Brandt entlassen. Das teilte der Verein am Sonntagabend mit.",
         "Der SV", "SV Westfalia Hagen"),
        # a hospital is named with its seat; a description of it finds it
        ("Das Klinikum Bremen-Nord meldete Ausfälle. Nach Angaben des Klinikums mussten 40 Operationen verschoben werden.",
         "mussten", "Klinikum Bremen-Nord"),
        # a place after „im“ is no person for a description to find
        ("Der Überfall geschah im Stadtteil Linden. „Einer hat geschrien“, sagte die 64-Jährige.", "Einer", None),
    ],
)
def test_names_of_institutions_and_places(text: str, start: str, name: str | None) -> None:
    speaker = quote_with(text, start).speaker
    assert speaker is not None and speaker.name == name


def test_medium_in_quotation_marks_after_the_frame_is_the_addressee() -> None:
    quote = only_quote("„Wir brauchen mehr Personal“, sagte Kaltenbach der „Süddeutschen Zeitung“.")
    assert quote.speaker.text == "Kaltenbach"
    assert quote.addressee is not None and quote.addressee.text == "der „Süddeutschen Zeitung“"


@pytest.mark.parametrize(
    ("text", "start", "name", "sources"),
    [
        # a name after the comma names a subject whose description has a genitive attribute
        ("Die Verhandlungsführerin der Allianz kleiner Inselstaaten, Mele Tuilagi, sagte, ihre Länder könnten nicht warten.",
         "ihre Länder", "Mele Tuilagi", []),
        # a newspaper in quotation marks that cites someone is the source
        ("Wie die „Bild“-Zeitung unter Berufung auf Ermittlerkreise berichtete, soll es sich um dieselben Täter handeln.",
         "soll", None, ["Bild"]),
        # a plural group noun names no one
        ("Patientenschützer kritisierten den Streik dagegen scharf.", "den Streik", None, []),
    ],
)
def test_subjects_sources_and_groups(text: str, start: str, name: str | None, sources: list[str]) -> None:
    quote = quote_with(text, start)
    assert quote.speaker is not None and quote.speaker.name == name
    assert [s.name for s in quote.sources] == sources


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        # a spokesperson's „von“-owner is an organisation; an abbreviation before the noun is in the name
        ("Ein Sprecher von Pro Asyl sagte der Nachrichtenagentur AFP, man prüfe rechtliche Schritte.", "man prüfe", "Pro Asyl"),
        ("„Die Zahlen sind stark“, sagte ein Analyst der DZ Bank.", "Die Zahlen", "DZ Bank"),
        # a compound spokesperson finds an organisation introduced with that noun, not the latest one
        ("Der Pharmakonzern Veltrion meldete Gewinne. Die DZ Bank lobte die Zahlen. "
         "Ein Konzernsprecher sagte, die Studie laufe planmäßig.", "die Studie", "Veltrion"),
        # an authority in the genitive keeps its seat
        ("Nach Angaben des Regierungspräsidiums Kassel muss der Haushalt geändert werden.", "muss", "Regierungspräsidium Kassel"),
        # „von Marathonas“ belongs to the role; the name after the comma speaks
        ("Der Bürgermeister von Marathonas, Giorgos Leventis, sprach von einer „Katastrophe“.", "von einer", "Giorgos Leventis"),
    ],
)
def test_owners_of_spokespeople_and_roles(text: str, start: str, name: str) -> None:
    speaker = quote_with(text, start).speaker
    assert speaker is not None and speaker.name == name


# A prepositional phrase before the finite verb keeps its genitive attribute: the
# subject after the verb speaks, not the genitive („der Praxis“).
PREFIELD_GENITIVE = [
    # (text, speaker mention)
    ("Auf der Internetseite der Praxis wird der Arzt Peter Lang wie folgt zitiert: „Wir haben alles getan.“",
     "der Arzt Peter Lang"),
    ("Am Rande der Konferenz der Innenminister sagte die Senatorin, die Lage sei ernst.", "die Senatorin"),
    ("Nach der Sitzung des Ausschusses erklärte der Vorsitzende, man habe sich geeinigt.", "der Vorsitzende"),
    # after the verb „der“ opens the subject, not a genitive
    ("Am Montag erklärte in Berlin der Vorsitzende, man habe sich geeinigt.", "der Vorsitzende"),
]


@pytest.mark.parametrize("text, speaker", PREFIELD_GENITIVE)
def test_the_genitive_of_a_prefield_phrase_is_not_the_speaker(text: str, speaker: str) -> None:
    quotes = [q for q in quotecheck.extract(text) if q.parent is None]
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == speaker
