"""Attribution chains (issue 12): who said it, who passed it on, in order.

Each table is one construction of docs/output-format.md („sources“, „relation“):
German sentences written for these tests, positives beside negatives. A chain is
written as the list of ``(source name, relation)`` pairs, nearest the speaker first.
"""

from __future__ import annotations

import pytest

import quotecheck
from quotecheck import Quote


def quote_of(text: str, content: str) -> Quote:
    """The quote whose content starts with ``content``."""
    quotes = [q for q in quotecheck.extract(text) if q.content.text.startswith(content)]
    assert quotes, [q.content.text for q in quotecheck.extract(text)]
    return quotes[0]


def chain(quote: Quote) -> list[tuple[str | None, str | None]]:
    return [(s.name, s.relation) for s in quote.sources]


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker is not None else None


# --- 5. media addressed: the medium spoken to is addressee and first source ------------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "addressee", "sources"),
    [
        # dative after the verb
        (
            "„Wir bauen keine Stellen ab“, sagte Firmenchefin Helga Rauch der Nachrichtenagentur Reuters.",
            "Wir bauen",
            "Helga Rauch",
            "der Nachrichtenagentur Reuters",
            [("Reuters", "told_to")],
        ),
        # „gegenüber“
        (
            "Der Bürgermeister Olaf Senger sagte gegenüber dem NDR: „Die Brücke bleibt gesperrt.“",
            "Die Brücke",
            "Olaf Senger",
            "dem NDR",
            [("NDR", "told_to")],
        ),
        # after a long apposition between commas
        (
            "„Die Zahlen sind alarmierend“, sagte Lena Vogt, Professorin an der Universität Kiel, der Agentur epd.",
            "Die Zahlen",
            "Lena Vogt",
            "der Agentur epd",
            [("epd", "told_to")],
        ),
        (
            "Die Lage sei ernst, sagte Tom Brix, der seit 2019 im Stadtrat sitzt, dem Radiosender Antenne Nord.",
            "Die Lage",
            "Tom Brix",
            "dem Radiosender Antenne Nord",
            [("Antenne Nord", "told_to")],
        ),
        # the medium as venue, by its noun
        (
            "Der Minister Ivan Petrow sagte im Staatsfernsehen, die Lieferungen gingen weiter.",
            "die Lieferungen",
            "Ivan Petrow",
            "Staatsfernsehen",
            [("Staatsfernsehen", "told_to")],
        ),
        # in a conversation or an interview with the medium
        (
            "Die Landrätin Eva Krug sagte im Gespräch mit dem MDR, die Schule bleibe offen.",
            "die Schule",
            "Eva Krug",
            "dem MDR",
            [("MDR", "told_to")],
        ),
        # a medium without article right after the verb
        (
            "Ein Sprecher der Stadtwerke sagte Radio Bremen, man prüfe die Preise.",
            "man prüfe",
            "Stadtwerke",
            "Radio Bremen",
            [("Radio Bremen", "told_to")],
        ),
        # a medium before the verb, as a dative or after „gegenüber“
        (
            "Dem Rundfunksender ERR sagte Außenministerin Kadri Lepik, Tallinn sei bereit.",
            "Tallinn sei",
            "Kadri Lepik",
            "Dem Rundfunksender ERR",
            [("ERR", "told_to")],
        ),
        (
            "Gegenüber dem „Stralsunder Tageblatt“ sprach Trainer Jens Ott von einer „überhasteten Entscheidung“.",
            "von einer",
            "Jens Ott",
            "dem „Stralsunder Tageblatt“",
            [("Stralsunder Tageblatt", "told_to")],
        ),
        # after an age description „der“ + a publication is the addressee, not a genitive
        (
            "Die Betriebsrätin Sandra Kühnel kam. „Wir erfahren es aus der Zeitung“, sagte die 53-Jährige der „Zwickauer Tagespost“.",
            "Wir erfahren",
            "Sandra Kühnel",
            "der „Zwickauer Tagespost“",
            [("Zwickauer Tagespost", "told_to")],
        ),
        # a newspaper in quotation marks
        (
            "„Ich bleibe im Amt“, sagte der Landrat Peter Kunz der „Lausitzer Abendpost“.",
            "Ich bleibe",
            "Peter Kunz",
            "der „Lausitzer Abendpost“",
            [("Lausitzer Abendpost", "told_to")],
        ),
    ],
)
def test_a_medium_spoken_to_is_addressee_and_told_to_source(
    text: str, content: str, speaker: str, addressee: str, sources: list[tuple[str, str]]
) -> None:
    quote = quote_of(text, content)
    assert speaker_name(quote) == speaker
    assert quote.addressee is not None and quote.addressee.text == addressee
    assert chain(quote) == sources


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a person or an audience addressed passes nothing on
        ("Die Trainerin Jana Kühl sagte gegenüber den Spielerinnen: „Wir schaffen das.“", "Wir schaffen"),
        ("„Der Haushalt steht“, sagte Kämmerer Rolf Brink dem Stadtrat.", "Der Haushalt"),
        # a conversation partner who is no medium
        ("Die Ministerin Eva Krug sagte im Gespräch mit Landwirten: „Wir helfen.“", "Wir helfen"),
    ],
)
def test_an_addressee_that_is_no_medium_is_no_source(text: str, content: str) -> None:
    quote = quote_of(text, content)
    assert quote.addressee is not None
    assert chain(quote) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a place or a document after „in“ is no medium
        ("Der Minister Ivan Petrow sagte in der Hauptstadt, die Lieferungen gingen weiter.", "die Lieferungen"),
        ("Der Minister Ivan Petrow sagte im Parlament, die Lieferungen gingen weiter.", "die Lieferungen"),
        # „vor“ before the verb is a place or a time, not an audience
        ("Vor Gericht sagte der Zeuge Paul Horn, er habe nichts gesehen.", "er habe"),
        ("Vor einer Woche sagte der Zeuge Paul Horn, er habe nichts gesehen.", "er habe"),
    ],
)
def test_a_venue_that_is_no_medium_is_neither_addressee_nor_source(text: str, content: str) -> None:
    quote = quote_of(text, content)
    assert quote.addressee is None
    assert chain(quote) == []


def test_after_a_talk_is_not_in_a_talk() -> None:
    """„nach einem Gespräch mit X sagte sie“: X is whom she met before, not whom she told."""
    quote = quote_of("Die Ministerin Eva Krug sagte nach einem Gespräch mit dem MDR-Intendanten Jan Roth, das Land helfe.", "das Land")
    assert quote.addressee is None
    assert chain(quote) == []


def test_a_continuation_keeps_the_medium_spoken_to() -> None:
    """Free indirect speech goes on with the speaker, the addressee and the chain."""
    text = (
        "Die Ministerin Karla Wendt sagte dem Deutschlandfunk, die Reform komme im Frühjahr. "
        "Der Entwurf sei bereits fertig."
    )
    quote = quote_of(text, "Der Entwurf")
    assert speaker_name(quote) == "Karla Wendt"
    assert chain(quote) == [("Deutschlandfunk", "told_to")]
    assert quote.addressee is not None and quote.addressee.text == "dem Deutschlandfunk"


def test_a_new_frame_without_a_medium_starts_a_fresh_chain() -> None:
    text = (
        "Die Ministerin Karla Wendt sagte dem Deutschlandfunk, die Reform komme im Frühjahr. "
        "Der Oppositionsführer Bernd Lohse sagte dagegen, der Entwurf sei unfertig."
    )
    quote = quote_of(text, "der Entwurf")
    assert speaker_name(quote) == "Bernd Lohse"
    assert chain(quote) == []
    assert quote.addressee is None


# --- relations of reporting sources ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "sources"),
    [
        ("Die Lage sei ernst, sagte der Bürgermeister Udo Kamp laut dpa.", "Die Lage", [("dpa", "reported_by")]),
        ("Die Brücke sei marode, sagte der Ingenieur Malte Voss nach Angaben der AFP.", "Die Brücke", [("AFP", "reported_by")]),
    ],
)
def test_a_reporting_outlet_is_reported_by(text: str, content: str, sources: list[tuple[str, str]]) -> None:
    assert chain(quote_of(text, content)) == sources


# --- 7. questions: the question is not the answerer's subject --------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Ministerin Hanna Lenz sagte, das Land helfe. Auf die Frage, ob auch Getreide geliefert werde, antwortete sie: „Darüber reden wir später.“",
            "Darüber reden",
            "Hanna Lenz",
        ),
        (
            "Auf die Frage, wann der Bau beginne, sagte Bürgermeister Olaf Senger: „Im Mai.“",
            "Im Mai",
            "Olaf Senger",
        ),
        (
            "Auf die Frage, warum Direktor Paul Fink fehle, sagte die Sprecherin Mia Roth: „Er ist krank.“",
            "Er ist krank",
            "Mia Roth",
        ),
        # negative: a relative clause in the subject leaves the subject where it is
        (
            "Der Minister Uwe Kranz, der gestern aus Rom zurückkam, sagte: „Wir sind bereit.“",
            "Wir sind bereit",
            "Uwe Kranz",
        ),
    ],
)
def test_the_answerer_of_a_question_speaks(text: str, content: str, speaker: str) -> None:
    assert speaker_name(quote_of(text, content)) == speaker


# --- 9. coreference: name particles ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a particle hyphenated to the surname stays in the name
        ("„Wir handeln“, sagte Generalsekretär Karim bin Nasser al-Hamadi.", "Wir handeln", "Karim bin Nasser al-Hamadi"),
        ("„Das Wasser reicht nicht“, sagte Außenminister Faisal al-Masri.", "Das Wasser", "Faisal al-Masri"),
        # … and the sentence-initial surname with its particle capitalised finds the person
        (
            "Der Minister Tarek al-Sayed kam am Morgen. „Wir sind bereit“, sagte er. Al-Sayed sprach von einem „Wendepunkt“.",
            "von einem",
            "Tarek al-Sayed",
        ),
        (
            "Der Bischof Clemens von Hallberg begrüßte die Pläne. Von Hallberg sagte der Zeitung, die Vorschläge seien gut.",
            "die Vorschläge",
            "Clemens von Hallberg",
        ),
        ("„Wir streiken“, sagte der Hafenarbeiter Jaap van der Meulen.", "Wir streiken", "Jaap van der Meulen"),
    ],
)
def test_name_particles_stay_in_the_name(text: str, content: str, speaker: str) -> None:
    assert speaker_name(quote_of(text, content)) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised „Von“ before a place is a preposition, not a name
        "Die Ministerin Olga Brandt besuchte Kassel. Von Kassel aus sagte sie, die Lage sei ruhig.",
        # „Von Hallberg“ with no „von Hallberg“ written before: no name to continue
        "Die Ministerin Olga Brandt war in Hallberg. Von Hallberg sagte sie, die Lage sei ruhig.",
    ],
)
def test_a_capitalised_preposition_is_no_name(text: str) -> None:
    assert speaker_name(quote_of(text, "die Lage")) == "Olga Brandt"


# --- 1. „zitierte MEDIUM PERSON“: the quoted one speaks, the medium passes it on ---------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention", "sources"),
    [
        (
            "Die Agentur Interfax zitierte den Vizeminister Oleg Sorin mit den Worten: „Die Gespräche gehen weiter.“",
            "Die Gespräche",
            "Oleg Sorin",
            "den Vizeminister Oleg Sorin",
            [("Interfax", "reported_by")],
        ),
        (
            "Der Gouverneur Pavel Lysenko besuchte das Lager. „Niemand wird vergessen“, zitierte ihn die Agentur Ukrinform.",
            "Niemand wird",
            "Pavel Lysenko",
            "ihn",
            [("Ukrinform", "reported_by")],
        ),
        (
            "Die Ministerin Irma Kask reiste nach Riga. „Wir stehen zusammen“, zitierte sie der Sender ERR.",
            "Wir stehen",
            "Irma Kask",
            "sie",
            [("ERR", "reported_by")],
        ),
        # a description named by an apposition: the mention is the name alone
        (
            "Die Agentur Yonhap zitierte die Sprecherin im Vereinigungsministerium, Lee Su-min, mit den Worten: „Wir warten.“",
            "Wir warten",
            "Lee Su-min",
            "Lee Su-min",
            [("Yonhap", "reported_by")],
        ),
        # stacked: the quoting medium is nearest the speaker, the reporting agency after it
        (
            "Die Preise würden steigen, zitierte die Agentur TASS den Minister Boris Orlow, wie Reuters berichtete.",
            "Die Preise",
            "Boris Orlow",
            "den Minister Boris Orlow",
            [("TASS", "reported_by"), ("Reuters", "reported_by")],
        ),
    ],
)
def test_the_quoted_person_speaks_and_the_quoting_medium_is_a_source(
    text: str, content: str, speaker: str, mention: str, sources: list[tuple[str, str]]
) -> None:
    quote = quote_of(text, content)
    assert quote.speaker is not None and (quote.speaker.name, quote.speaker.text) == (speaker, mention)
    assert chain(quote) == sources


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # „zitieren“ with no medium: someone quotes someone else's words as their own point
        ("„Wer rastet, der rostet“, zitierte der Trainer Ole Brandt ein Sprichwort.", "Wer rastet", "Ole Brandt"),
        # the passive keeps its own reading: the subject was quoted, the agent is the source
        ("Der Minister Boris Orlow wurde von der Agentur TASS mit den Worten zitiert: „Die Preise steigen.“", "Die Preise", "Boris Orlow"),
    ],
)
def test_zitieren_without_an_active_medium(text: str, content: str, speaker: str) -> None:
    assert speaker_name(quote_of(text, content)) == speaker


# --- 6. pointers back to a report: „Demnach“ goes on with the report's chain -------------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "sources"),
    [
        (
            "Die Zeitung „Nordkurier“ berichtete unter Berufung auf zwei mit den Plänen vertraute Personen, "
            "die Werft werde verkauft. Demnach soll der Käufer aus Norwegen kommen.",
            "soll der Käufer",
            "zwei mit den Plänen vertraute Personen",
            [("Nordkurier", "reported_by")],
        ),
        (
            "Die Agentur Kyodo meldete unter Berufung auf Regierungskreise, der Gipfel werde verschoben. "
            "Demnach ist ein neuer Termin im Mai geplant.",
            "ist ein neuer",
            "Regierungskreise",
            [("Kyodo", "reported_by")],
        ),
    ],
)
def test_demnach_continues_the_cited_speaker_and_the_chain(text: str, content: str, speaker: str, sources: list[tuple[str, str]]) -> None:
    quote = quote_of(text, content)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert chain(quote) == sources


def test_demnach_after_a_report_of_an_authority_names_the_authority() -> None:
    """No chain before: „Demnach“ points to the report's author, who speaks."""
    text = "Das Landesamt für Statistik veröffentlichte am Montag einen Bericht. Demnach stieg die Zahl der Geburten."
    quote = quote_of(text, "stieg die Zahl")
    assert speaker_name(quote) == "Landesamt für Statistik"
    assert chain(quote) == []


# --- noun phrases of unnamed sources -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Zwei Diplomaten sagten, der Vertrag sei fertig.", "der Vertrag", "Zwei Diplomaten"),
        ("Mehrere mit dem Fall vertraute Beamte sagten, die Akte sei verschwunden.", "die Akte", "Mehrere mit dem Fall vertraute Beamte"),
        # an age is no quantity
        ("Der 29 Jahre alte Techniker Jan Bode sagte, er sei unschuldig.", "er sei", "Der 29 Jahre alte Techniker Jan Bode"),
    ],
)
def test_quantities_and_extended_attributes_open_a_speaker(text: str, content: str, speaker: str) -> None:
    quote = quote_of(text, content)
    assert quote.speaker is not None and quote.speaker.text == speaker


# --- 3. a report that cites someone: the cited speak, the report's author passes it on ----


@pytest.mark.parametrize(
    ("text", "content", "speaker", "sources"),
    [
        (
            "Laut einem Bericht der „Lausitzer Rundschau“, die sich auf Sicherheitskreise beruft, ist die Anlage stillgelegt.",
            "ist die Anlage",
            "Sicherheitskreise",
            [("Lausitzer Rundschau", "reported_by")],
        ),
        (
            "Nach einem Bericht der Agentur Kyodo, die sich auf Regierungskreise stützt, soll der Gipfel verschoben werden.",
            "soll der Gipfel",
            "Regierungskreise",
            [("Kyodo", "reported_by")],
        ),
    ],
)
def test_a_report_citing_someone(text: str, content: str, speaker: str, sources: list[tuple[str, str]]) -> None:
    quote = quote_of(text, content)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert chain(quote) == sources
    assert not quote.content.text.startswith("die sich")


def test_a_report_whose_relative_clause_cites_nobody() -> None:
    """„…, die am Montag erschien, …“: the clause describes the report; its author speaks, as before."""
    quote = quote_of("Laut einem Bericht der Agentur Kyodo, die am Montag erschien, soll der Gipfel verschoben werden.", "soll der Gipfel")
    assert speaker_name(quote) == "Kyodo"
    assert not quote.content.text.startswith("die am")


@pytest.mark.parametrize(
    ("text", "content", "sources"),
    [
        # a medium inside a relative clause on the frame's noun passed the statement on
        ("Laut einem Entwurf des Vertrags, der der Agentur Reuters vorliegt, sollen die Zölle fallen.", "sollen die Zölle", [("Reuters", "reported_by")]),
        ("Nach Angaben des Generalstabs in Seoul, die von der Agentur Yonhap verbreitet wurden, sind Truppen verlegt worden.", "sind Truppen", [("Yonhap", "reported_by")]),
        # negative: a relative clause without a medium adds no source
        ("Nach Angaben des Generalstabs in Seoul, die am Montag veröffentlicht wurden, sind Truppen verlegt worden.", "sind Truppen", []),
    ],
)
def test_a_medium_that_holds_or_spread_the_statement(text: str, content: str, sources: list[tuple[str, str]]) -> None:
    assert chain(quote_of(text, content)) == sources


@pytest.mark.parametrize(
    ("text", "content", "speaker", "sources"),
    [
        # „so die Agentur“ after the agency quoted someone: the quoted one goes on, through it
        (
            "Die Agentur KCNA zitierte den Funktionär Pak Chol mit den Worten: „Wir sind bereit.“ "
            "Der nächste Start folge bald, so die Agentur.",
            "Der nächste Start",
            "Pak Chol",
            [("KCNA", "reported_by")],
        ),
        (
            "Die Zeitung „Nordkurier“ berichtete unter Berufung auf Werftkreise, die Werft werde verkauft. "
            "Wie das Blatt weiter schrieb, soll der Käufer aus Norwegen kommen.",
            "soll der Käufer",
            None,
            [("Nordkurier", "reported_by")],
        ),
    ],
)
def test_a_medium_going_on_relays_the_same_speaker(text: str, content: str, speaker: str | None, sources: list[tuple[str, str]]) -> None:
    quote = quote_of(text, content)
    assert speaker_name(quote) == speaker
    assert chain(quote) == sources


def test_a_named_agency_reporting_again_speaks_itself() -> None:
    """„Die Agentur TASS berichtete zudem …“: with its name and no „weiter“ the agency reports on its own."""
    text = (
        "Die Agentur TASS zitierte den Minister Oleg Sorin mit den Worten: „Wir liefern.“ "
        "Die Agentur TASS berichtete zudem, die Preise seien gestiegen."
    )
    quote = quote_of(text, "die Preise")
    assert speaker_name(quote) == "TASS"
    assert chain(quote) == []


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # „das Blatt“ is the newspaper named before, whatever its name ends in
        ("Die „Hanseatische Rundschau“ berichtete über die Werft. Die Lage sei ernst, schreibt das Blatt.", "Die Lage", "Hanseatische Rundschau"),
        ("Das „Oberwalliser Tagblatt“ berichtete am Montag. Die Route sei gefährlich, sagte Bergführer Jon Imboden laut dem Blatt.", "Die Route", "Oberwalliser Tagblatt"),
    ],
)
def test_the_paper_is_the_paper_named_before(text: str, content: str, source: str) -> None:
    quote = quote_of(text, content)
    names = [s.name for s in quote.sources] + [speaker_name(quote)]
    assert source in names


# --- 2. stacked chains: ordered from the speaker outwards --------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "sources"),
    [
        # „wie Y unter Berufung auf Z“: Z had the words first
        (
            "Die Preise würden steigen, sagte Minister Oleg Sorin, wie die Agentur Interfax unter Berufung auf TASS berichtete.",
            "Die Preise",
            "Oleg Sorin",
            [("TASS", "reported_by"), ("Interfax", "reported_by")],
        ),
        # „…, so X, laut Y“
        (
            "Die Grenze bleibe offen, so der Kreml, laut der Agentur AP.",
            "Die Grenze",
            "Kreml",
            [("AP", "reported_by")],
        ),
        # „sagte X nach Angaben von Y, wie Z berichtete“: text order
        (
            "Die Lage sei stabil, sagte Minister Jun Park nach Angaben von Yonhap, wie die Agentur AFP berichtete.",
            "Die Lage",
            "Jun Park",
            [("Yonhap", "reported_by"), ("AFP", "reported_by")],
        ),
        # „X zufolge, wie Y meldete“
        (
            "Dem Ministerium zufolge sind zwei Dörfer evakuiert worden, wie die Agentur Reuters meldete.",
            "sind zwei",
            "Ministerium",
            [("Reuters", "reported_by")],
        ),
    ],
)
def test_stacked_chains(text: str, content: str, speaker: str, sources: list[tuple[str, str]]) -> None:
    quote = quote_of(text, content)
    assert speaker_name(quote) == speaker
    assert chain(quote) == sources


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # a programme of a broadcaster keeps the name it is given
        ("Die Ministerin Eva Krug sagte dem Radiosender NDR Info, die Schule bleibe offen.", "die Schule", "NDR Info"),
        ("Der Bürgermeister Urs Kälin sagte gegenüber Radio SRF, die Straße bleibe zu.", "die Straße", "Radio SRF"),
        # an agency keeps its gazetteer name
        ("Der Bürgermeister Urs Kälin sagte der Nachrichtenagentur Reuters, die Straße bleibe zu.", "die Straße", "Reuters"),
    ],
)
def test_the_name_of_a_medium_spoken_to(text: str, content: str, name: str) -> None:
    assert [s.name for s in quote_of(text, content).sources] == [name]


# --- 4. circles and „hieß es“ ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Aus dem Kanzleramt hieß es am Abend, der Termin stehe fest.", "der Termin", "dem Kanzleramt"),
        ("Aus Regierungskreisen hieß es, der Termin stehe fest.", "der Termin", "Regierungskreisen"),
    ],
)
def test_the_origin_after_aus_speaks(text: str, content: str, speaker: str) -> None:
    quote = quote_of(text, content)
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_hiess_es_without_an_origin_is_not_the_origin_strategy() -> None:
    """„hieß es“ with no „aus“: the previous speaker or the institution named before, not a noun of the clause."""
    text = "Das Ministerium Sachsens kündigte neue Regeln an. Die Regeln sollen ab Mai gelten, hieß es."
    assert speaker_name(quote_of(text, "Die Regeln")) != "Mai"


def test_dem_bericht_zufolge_is_the_report_of_the_outlet_before() -> None:
    text = (
        "Die Zeitung „Isar-Bote“ berichtete unter Berufung auf Parteikreise, der Vorsitzende trete zurück. "
        "Dem Bericht zufolge soll der Parteitag im Mai stattfinden."
    )
    quote = quote_of(text, "soll der Parteitag")
    assert [s.name for s in quote.sources] == ["Isar-Bote"]
    assert quote.speaker is not None and quote.speaker.text == "Parteikreise"


@pytest.mark.parametrize(
    ("text", "content", "speaker", "sources"),
    [
        (
            "Die Stadtwerke erhöhen den Gaspreis zum Januar um zwölf Prozent. "
            "Das kündigte Geschäftsführerin Petra Lindqvist am Mittwoch an, wie die Agentur dpa meldete.",
            "Die Stadtwerke erhöhen",
            "Petra Lindqvist",
            [("dpa", "reported_by")],
        ),
        (
            "Die Regierung will das Rentenalter nicht weiter anheben. "
            "Dies sagte der Arbeitsminister des Landes, Tomasz Wierzbicki, am Rande eines Treffens, "
            "wie die Nachrichtenagentur PAP berichtete.",
            "Die Regierung will",
            "Tomasz Wierzbicki",
            [("PAP", "reported_by")],
        ),
        (
            "Der Konzern streicht in Europa rund 4000 Stellen. "
            "Das teilte die Konzernleitung in Turin mit, wie die Agentur Ansa berichtete.",
            "Der Konzern streicht",
            None,
            [("Ansa", "reported_by")],
        ),
    ],
)
def test_a_cataphoric_report_relayed_by_a_medium(text: str, content: str, speaker: str | None, sources: list[tuple[str, str]]) -> None:
    """„… Das kündigte X an, wie Y meldete.“: the sentence before is X's, Y relays it."""
    quote = quote_of(text, content)
    if speaker is not None:
        assert speaker_name(quote) == speaker
    assert chain(quote) == sources
    assert not any(q.content.text.startswith(("Das ", "Dies ", "wie ")) for q in quotecheck.extract(text))


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("Die Fähre fällt bis Freitag aus. Das kündigte Reedereichef Ole Brandvik am Morgen an.", "Reedereichef Ole Brandvik"),
        ("Die Fähre fällt bis Freitag aus. Dies teilte Hafenmeisterin Jana Koski mit.", "Hafenmeisterin Jana Koski"),
        ("Die Fähre fällt bis Freitag aus. Das erklärte die Reederei am Morgen.", "die Reederei"),
    ],
)
def test_the_speaker_of_a_cataphoric_report_starts_after_the_verb(text: str, speaker_text: str) -> None:
    """„Das kündigte Reedereichef X an“: the fronted „Das“ and the verb are no part of the speaker's mention."""
    quote = quote_of(text, "Die Fähre")
    assert quote.speaker is not None and quote.speaker.text == speaker_text


@pytest.mark.parametrize(
    "text",
    [
        # the wie-clause compares, it relays nothing: no quote of the sentence before
        "Die Brücke bleibt bis Mai gesperrt. Das kam so, wie alle es erwartet hatten.",
        # the demonstrative sentence goes on with a clause of its own
        "Die Brücke bleibt bis Mai gesperrt. Das sagte er, weil die Gutachter Risse fanden, wie die Zeitung meldete.",
    ],
)
def test_no_cataphoric_report_without_a_speech_frame(text: str) -> None:
    quotes = quotecheck.extract(text)
    assert not any(q.content.text.startswith("Die Brücke") and q.sources for q in quotes), [
        (q.content.text, [s.name for s in q.sources]) for q in quotes
    ]


# --- 6. documents: the words stand in a text (``published_in``) --------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "sources"),
    [
        # the document's genitive author speaks
        (
            "Im aktuellen Jahresbericht des Bundesamts für Energie heißt es, die Versorgung sei gesichert.",
            "die Versorgung",
            "Bundesamt für Energie",
            [("Jahresbericht", "published_in")],
        ),
        # the subject wrote it
        (
            "Die Firma Holtex teilte in einer schriftlichen Erklärung mit, man kooperiere mit den Behörden.",
            "man kooperiere",
            "Holtex",
            [("Erklärung", "published_in")],
        ),
        # impersonal „hieß es“: the institution that spoke before goes on, in the document
        (
            "Der Hersteller Aerolux Systems wies die Vorwürfe zurück. In einer Stellungnahme hieß es weiter, Ersatzteile seien lieferbar.",
            "Ersatzteile seien",
            "Aerolux Systems",
            [("Stellungnahme", "published_in")],
        ),
    ],
)
def test_the_document_the_words_stand_in(text: str, content: str, speaker: str, sources: list[tuple[str, str]]) -> None:
    quote = quote_of(text, content)
    assert speaker_name(quote) == speaker
    assert chain(quote) == sources


def test_a_study_after_an_agency_report_is_not_the_agencys() -> None:
    """„Laut dieser Studie“ after dpa reported about it: dpa wrote no study."""
    text = (
        "Wie die Agentur dpa meldete, liegt dem Ministerium eine neue Studie vor. "
        "Laut dieser Studie würden viele Abiturienten auf ein Studium verzichten."
    )
    assert speaker_name(quote_of(text, "würden viele")) != "dpa"


def test_information_is_no_document() -> None:
    """„Nach Angaben des Berichts“: the information of the report, no document source of its own."""
    quote = quote_of("Nach Angaben des Berichts waren im System 400 Personen gespeichert.", "waren im System")
    assert all(s.relation != "published_in" or s.text != "Nach Angaben des Berichts" for s in quote.sources) or speaker_name(quote) is None


# --- 8. „sprach von“, „nannte“, „bezeichnete als“: the subject's quoted words ------------


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        ("Die Ministerin Eva Krug sprach von einem „schwarzen Tag“ für die Region.", "Eva Krug", "schwarzen Tag"),
        ("Der Trainer Jens Ott nannte die Niederlage „eine Katastrophe“.", "Jens Ott", "eine Katastrophe"),
        ("Oppositionschefin Mia Roth bezeichnete den Plan als „verfrüht“.", "Mia Roth", "verfrüht"),
        # the passive: the agent speaks
        ("Der Plan wurde von Oppositionschefin Mia Roth als „verfrüht“ bezeichnet.", "Mia Roth", "verfrüht"),
        # with a medium spoken to: still the subject's words, the medium is the chain
        ("Oppositionschefin Mia Roth bezeichnete den Plan im Sender MBC als „verfrüht“.", "Mia Roth", "verfrüht"),
    ],
)
def test_the_subject_speaks_the_quoted_words(text: str, speaker: str, fragment: str) -> None:
    """One reported act of the subject; its verbatim piece is a nested direct quote of the same speaker."""
    quotes = quotecheck.extract(text)
    [act] = [q for q in quotes if q.parent is None]
    assert speaker_name(act) == speaker
    assert fragment in [f.text for f in act.fragments]
    pieces = [q for q in quotes if q.parent == act.id]
    assert [(q.kind, q.content.text, speaker_name(q)) for q in pieces] == [("direct", fragment, speaker)]


def test_without_quotation_marks_an_act_has_no_verbatim_piece() -> None:
    """„sprach von einem Erfolg“ is a reported act, but nothing in it is the speaker's own words."""
    quotes = quotecheck.extract("Die Zeitung sprach von einem Erfolg.")
    assert [q.kind for q in quotes] == ["reported"]
    assert quotes[0].fragments == ()


def test_naming_is_no_speech() -> None:
    """„nennen“ naming a child, not speaking."""
    assert quotecheck.extract("Die Eltern nannten ihren Sohn Paul.") == []


# --- 9. coreference: origin descriptions ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the one described by that origin, not the last person of the gender
        (
            "Die finnische Ministerin Aino Virtanen traf die Kollegin Eva Berg. „Wir sind bereit“, sagte die Finnin.",
            "Wir sind",
            "Aino Virtanen",
        ),
        (
            "Die brasilianische Ministerin Luiza Andrade traf Ministerin Katharina Wolff. Die Brasilianerin kündigte an, eine Konferenz auszurichten.",
            "eine Konferenz",
            "Luiza Andrade",
        ),
        (
            "Der jordanische Außenminister Faisal al-Masri traf den Minister Karl Huber. Der Jordanier forderte eine „faire Lösung“.",
            "eine „faire",
            "Faisal al-Masri",
        ),
        # a nationality noun introduced as a role („der Litauer Tomas Vaitkus“)
        (
            "Der Litauer Tomas Vaitkus kam mit Minister Jan Novak. „Einstimmigkeit bleibt die Hürde“, sagte der Litauer.",
            "Einstimmigkeit",
            "Tomas Vaitkus",
        ),
    ],
)
def test_an_origin_description_finds_the_person_described_so(text: str, content: str, speaker: str) -> None:
    assert speaker_name(quote_of(text, content)) == speaker


def test_an_origin_nobody_had_falls_back_to_the_last_person() -> None:
    """„der Chilene“ with nobody introduced as Chilean: the previous man, as any description."""
    text = "Der Trainer Pablo Rojas kam am Montag. „Wir gewinnen“, sagte der Chilene."
    assert speaker_name(quote_of(text, "Wir gewinnen")) == "Pablo Rojas"


# --- known bugs: passive detection, coordinated groups, cataphora --------------------------


@pytest.mark.parametrize(
    ("text", "passive"),
    [
        ("Der Minister wurde von der Zeitung mit den Worten zitiert.", True),
        ("Von der Staatsanwaltschaft wurde zudem bestätigt, dass der Mann gestanden hat.", True),
        ("Die Zahlen, die von der Agentur verbreitet wurden, sind alt.", True),
        # a „von“ inside a name and a „werden“ of the future: no passive
        ("Ursula von der Leyen wird morgen eine Rede halten.", False),
        ("Der Minister wird von Kiel aus eine Rede halten.", False),
    ],
)
def test_is_passive_needs_agent_and_participle(text: str, passive: bool) -> None:
    from quotecheck.attribution.speakers import is_passive

    extractor = quotecheck.Extractor()
    doc = extractor.analyse(text)
    assert is_passive(doc, extractor.lexicon, 0, len(doc.tokens)) is passive


def test_er_is_never_a_coordinated_group() -> None:
    text = "Der Präsident Wladimir Putin traf Kim Jong Un. „Wir sind Freunde“, sagten Putin und Kim. „Das ist gut“, sagte er."
    quote = quote_of(text, "Das ist gut")
    assert speaker_name(quote) in ("Wladimir Putin", "Kim Jong Un")


def test_sie_may_still_be_a_group() -> None:
    """„sie“ may stand for several: the group goes on."""
    text = "„Wir fordern Aufklärung“, erklärten Anna Müller und Jens Schmidt. „Wir warten“, sagten sie."
    assert speaker_name(quote_of(text, "Wir warten")) == "Anna Müller und Jens Schmidt"


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun before anyone is named stays unresolved: no cataphora
        "„Das ist gut“, sagte er. Der Minister Paul Roth kam später.",
        "„Wir warten ab“, sagte sie am Montag. Die Ministerin Eva Krug reiste am Dienstag an.",
    ],
)
def test_a_pronoun_never_resolves_to_someone_named_later(text: str) -> None:
    assert speaker_name(quotecheck.extract(text)[0]) is None


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the seat after an institution is part of its mention, not the speaker
        ("Dem Innenministerium in Wien zufolge handelt es sich um einen gezielten Angriff.", "handelt es sich", "Innenministerium"),
        ("Der Polizei in Kassel zufolge wurde bei dem Unfall niemand verletzt.", "wurde bei", "Polizei"),
    ],
)
def test_a_seat_is_no_speaker(text: str, content: str, speaker: str) -> None:
    quote = quote_of(text, content)
    assert speaker_name(quote) == speaker
    assert quote.content.text.startswith(content)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a spokesperson speaks for the institution of the genitive, listed or not
        ("„Wir wahren unsere Rechte“, sagte ein Sprecher der Küstenwache.", "Küstenwache"),
        ("„Wir prüfen das“, sagte ein Sprecher des Hafenamts.", "Hafenamt"),
        ("„Die Lage ist ernst“, sagte ein Sprecher des Gesundheitsministeriums.", "Gesundheitsministerium"),
    ],
)
def test_a_spokesperson_links_to_the_institution(text: str, name: str) -> None:
    speaker = quotecheck.extract(text)[0].speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, "organization")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Gewerkschaftschef Tom Brink sagte dem Sender NOS, die Arbeiter forderten mehr Lohn. "
            "Eine Sprecherin der Stadtwerke sagte der Zeitung, der Ausfall koste Geld. "
            "Die Reparatur dauere bis Montag, so die Sprecherin weiter.",
            "Die Reparatur",
            "Stadtwerke",
        ),
        (
            "Die Polizei sperrte die Brücke. Ein Polizeisprecher sagte, der Verkehr werde umgeleitet. "
            "Die Sperre gelte bis Mitternacht, sagte der Sprecher.",
            "Die Sperre",
            "Polizei",
        ),
        # negative: a spokesperson introduced by name stays that person
        (
            "Gewerkschaftschef Tom Brink sagte, die Arbeiter forderten mehr Lohn. "
            "Regierungssprecher Lars Holm sagte, man prüfe die Forderung. Eine Einigung sei möglich, so der Sprecher weiter.",
            "Eine Einigung",
            "Lars Holm",
        ),
    ],
)
def test_the_spokesperson_goes_on_for_the_institution(text: str, content: str, speaker: str) -> None:
    """„so der Sprecher weiter“ after „Ein Sprecher der Hafenbehörde“: the institution, not the last person named."""
    assert speaker_name(quote_of(text, content)) == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Ein Sprecher des Umweltamts wollte sich zu den Messwerten nicht äußern. "
            "Die Proben würden noch ausgewertet, sagte er dem Sender SWR.",
            "Die Proben",
            "Umweltamt",
        ),
        (
            "Eine Sprecherin der Bahn wollte den Bericht nicht kommentieren. Sie verwies auf laufende Gespräche. "
            "Eine Lösung sei in Sicht, sagte sie.",
            "Eine Lösung",
            "Bahn",
        ),
        # negatives: a person to refer to wins; „sie“ is no male spokesperson
        (
            "Ein Sprecher des Umweltamts wollte sich nicht äußern. Landrat Uwe Krahl kam am Abend. "
            "Die Proben würden ausgewertet, sagte er.",
            "Die Proben",
            "Uwe Krahl",
        ),
        (
            "Ein Sprecher des Umweltamts wollte sich nicht äußern. Die Proben würden ausgewertet, sagte sie.",
            "Die Proben",
            None,
        ),
    ],
)
def test_a_pronoun_after_a_silent_spokesperson_speaks_for_the_institution(text: str, content: str, speaker: str | None) -> None:
    """„Ein Sprecher des Ministeriums wollte sich nicht äußern. … sagte er“: „er“ speaks for the ministry."""
    assert speaker_name(quote_of(text, content)) == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Landwirt Paolo Neri (71) aus Lugo sagte der Agentur Ansa, das Wasser habe seinen Hof überflutet. "
            "Minister Marco Bassi kündigte Soforthilfen an. Die Ernte sei verloren, sagte der 71-Jährige.",
            "Die Ernte",
            "Paolo Neri",
        ),
        (
            "Die Anwohnerin Greta Lund (64) hatte den Brand bemerkt. Feuerwehrchef Ole Sand sagte, das Haus sei unbewohnbar. "
            "Sie habe nur noch ihre Katze retten können, sagte die 64-Jährige.",
            "Sie habe",
            "Greta Lund",
        ),
        # negatives: another age, or no age in brackets, is the last person of that gender
        (
            "Landwirt Paolo Neri (71) aus Lugo sagte, das Wasser habe seinen Hof überflutet. "
            "Minister Marco Bassi kündigte Soforthilfen an. Die Hilfe komme schnell, sagte der 58-Jährige.",
            "Die Hilfe",
            "Marco Bassi",
        ),
        (
            "Landwirt Paolo Neri sagte, das Wasser habe seinen Hof überflutet. "
            "Minister Marco Bassi kündigte Soforthilfen an. Die Hilfe komme schnell, sagte der 71-Jährige.",
            "Die Hilfe",
            "Marco Bassi",
        ),
    ],
)
def test_an_age_description_finds_the_person_introduced_with_that_age(text: str, content: str, speaker: str) -> None:
    """„Paolo Neri (71)“ … „der 71-Jährige“: the person of that age, not the last man named."""
    assert speaker_name(quote_of(text, content)) == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker", "sources"),
    [
        (
            "Wie die Agentur AFP unter Berufung auf die Agentur Tass meldete, sagte der Berater Ilja Sorin, "
            "ein Treffen sei noch nicht vereinbart.",
            "ein Treffen",
            "Ilja Sorin",
            [("Tass", "reported_by"), ("AFP", "reported_by")],
        ),
        (
            "Wie die Agentur Reuters meldete, erklärte die Ministerin Ana Ruiz am Abend, die Grenze bleibe offen.",
            "die Grenze",
            "Ana Ruiz",
            [("Reuters", "reported_by")],
        ),
        # negative: without a frame of its own the clause after the wie-clause is the content
        (
            "Wie die Agentur Reuters meldete, bleibt die Grenze bis Freitag geschlossen.",
            "bleibt die Grenze",
            "Reuters",
            [],
        ),
    ],
)
def test_a_preposed_wie_clause_relays_the_frame_after_it(
    text: str, content: str, speaker: str, sources: list[tuple[str, str]]
) -> None:
    """„Wie AFP meldete, sagte X, …“: X speaks, AFP relays; „sagte X“ is no content of AFP's."""
    quote = quote_of(text, content)
    assert (speaker_name(quote), chain(quote)) == (speaker, sources)
    assert not any(q.content.text.startswith(("sagte", "erklärte", "Wie")) for q in quotecheck.extract(text))


def test_a_plural_genitive_is_no_institution() -> None:
    """„ein Sprecher der Angehörigen“: people, not an institution; unresolved."""
    speaker = quotecheck.extract("„Ja“, sagte ein Sprecher der Angehörigen.")[0].speaker
    assert speaker is not None and speaker.name is None


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # the document's spelling of a listed agency is its name
        ("Die Lage sei ernst, sagte der Bürgermeister Luca Neri laut Ansa.", "Die Lage", "Ansa"),
        ("Die Lage sei ernst, sagte der Bürgermeister Luca Neri laut ANSA.", "Die Lage", "ANSA"),
        # another form is still the gazetteer's canonical name
        ("Die Lage sei ernst, sagte der Bürgermeister Udo Kamp laut der Deutschen Presse-Agentur.", "Die Lage", "dpa"),
    ],
)
def test_a_listed_medium_is_named_as_the_text_spells_it(text: str, content: str, name: str) -> None:
    assert [s.name for s in quote_of(text, content).sources] == [name]


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        ("Nach Angaben des Zivilschutzes starben drei Menschen.", "starben", "Zivilschutz"),
        ("Die Zeitung „Il Resto“ berichtete unter Berufung auf den regionalen Wetterdienst, es regne weiter.", "es regne", "Wetterdienst"),
        ("Wie die Agentur Ansa unter Berufung auf die Bergrettung berichtete, sind zwei Bergsteiger tot.", "sind zwei", "Bergrettung"),
    ],
)
def test_rescue_and_weather_services_are_institutions(text: str, content: str, name: str) -> None:
    assert speaker_name(quote_of(text, content)) == name


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Die Elterninitiative „Sichere Schulwege“ hat 3000 Unterschriften gesammelt. "
            "Der Umbau der Kreuzung sei überfällig, teilte die Initiative mit.",
            "Der Umbau",
            "Sichere Schulwege",
        ),
        (
            "Die Bürgerinitiative „Grüner Hafen“ lehnt das Terminal ab. Der Lärm werde unerträglich, so die Initiative weiter.",
            "Der Lärm",
            "Grüner Hafen",
        ),
        # negatives: „Initiative“ as a proposal or an occasion names nobody
        (
            "Auf Initiative von Bürgermeisterin Anke Roth beriet der Rat über den Umbau. Die Kreuzung sei gefährlich, sagte sie.",
            "Die Kreuzung",
            "Anke Roth",
        ),
        ("Die Initiative der Regierung sei gescheitert, sagte Oppositionschef Lars Moe.", "Die Initiative", "Lars Moe"),
    ],
)
def test_a_citizens_initiative_is_an_organisation(text: str, content: str, speaker: str) -> None:
    """„die Initiative“ after „Die Bürgerinitiative „X““ is X, like „der Verein“ after „Der Verein „X““."""
    assert speaker_name(quote_of(text, content)) == speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an object after the name is no part of it
        ("In Chisinau kündigte Regierungschefin Elena Vrabie Notmaßnahmen an. „Wir lassen uns nicht erpressen“, sagte Vrabie.", "Elena Vrabie"),
        # a genitive -s stays a name („Wladimir Putins“ is no object)
        ("„Wir helfen“, sagte Präsident Wladimir Putin.", "Wladimir Putin"),
    ],
)
def test_an_object_noun_ends_the_name(text: str, name: str) -> None:
    assert speaker_name(quotecheck.extract(text)[-1]) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a title in quotation marks is named in the nominative
        ("Die Lage sei ernst, sagte Paul Roth der „Hanseatischen Rundschau“.", "Hanseatische Rundschau"),
        ("Die Lage sei ernst, sagte Paul Roth dem „Bayerischen Kurier“.", "Bayerischer Kurier"),
        # a title without a declined adjective stays as written
        ("Die Lage sei ernst, sagte Paul Roth dem „Nordkurier“.", "Nordkurier"),
    ],
)
def test_a_quoted_title_is_named_in_the_nominative(text: str, name: str) -> None:
    assert [s.name for s in quote_of(text, "Die Lage").sources] == [name]


def test_the_genitive_of_a_known_person_is_no_name() -> None:
    """„Vertraute Hubers“: people close to Huber, unnamed; not a person called „Vertraute Hubers“."""
    text = "Der Landeschef Korbinian Huber schweigt. Die Zeitung „Isar-Bote“ berichtete unter Berufung auf Vertraute Hubers, er trete zurück."
    quote = quote_of(text, "er trete")
    assert quote.speaker is not None and (quote.speaker.text, quote.speaker.name) == ("Vertraute Hubers", None)


def test_a_two_word_name_ending_in_s_is_still_a_name() -> None:
    """„Thomas Haas“: a given name first, so a name, even if someone called Haa were known."""
    assert speaker_name(quotecheck.extract("„Wir sind bereit“, sagte Thomas Haas.")[0]) == "Thomas Haas"


def test_an_indefinite_quoted_word_is_no_organisation() -> None:
    """„einen „Arbeitsstand““ is a quoted word: the bare spokesperson speaks for the ministry before."""
    text = (
        "Das Verkehrsministerium bestätigte die Existenz des Gutachtens. "
        "Es handele sich um einen „Arbeitsstand“, sagte eine Sprecherin der Deutschen Presse-Agentur."
    )
    assert speaker_name(quote_of(text, "Es handele")) == "Verkehrsministerium"


@pytest.mark.parametrize(
    "text, content, mention",
    [
        # no author, no one spoke before: the document speaks itself, as after „laut“
        ("Das Turnier beginnt im Mai. In einer Stellungnahme hieß es, die Karten seien ausverkauft.",
         "die Karten seien ausverkauft", "einer Stellungnahme"),
        ("In dem Gutachten hieß es, die Kosten seien zu hoch.", "die Kosten seien zu hoch", "dem Gutachten"),
    ],
)
def test_a_document_without_author_or_previous_speaker_speaks_itself(text: str, content: str, mention: str) -> None:
    quote = quote_of(text, content)
    assert quote.speaker is not None and quote.speaker.text == mention
    assert chain(quote) == []
