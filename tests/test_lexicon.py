"""Tests for the lexica in quotecheck/data/de/ and their loader."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.errors import LexiconError
from quotecheck.lexicon import (
    FIRST_NAME_GENDERS,
    OPTIONAL_FILES,
    ORGANIZATION_TYPES,
    REQUIRED_FILES,
    SPEECH_CLASSES,
    VALENCIES,
    ClauseWords,
    FunctionWords,
    Lexicon,
    PieceFrames,
    RuleWords,
    build_lexicon,
    load_word_classes,
    words_of_class,
    load_lexicon,
    parse_according_to,
    parse_first_names,
    parse_konjunktiv,
    parse_org_classes,
    parse_organizations,
    parse_roles,
    parse_speech_verbs,
)


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def _data(name: str) -> str:
    return resources.files("quotecheck").joinpath("data", "de", name).read_text(encoding="utf-8")


def _data_lines(name: str) -> list[str]:
    return [l for l in _data(name).splitlines() if l.strip() and not l.lstrip().startswith("#")]


# --- every file parses; the loader is cached -------------------------------------


def test_load_is_cached(lex):
    assert load_lexicon() is lex


@pytest.mark.parametrize("name", REQUIRED_FILES + OPTIONAL_FILES)
def test_every_file_is_utf8_and_tab_separated(name):
    lines = _data_lines(name)
    assert lines, name
    if name.endswith(".tsv"):
        widths = {len(l.split("\t")) for l in lines}
        # org_classes.tsv may leave off its last three columns (generic, gender, seat)
        assert len(widths) == 1 or name == "org_classes.tsv" and widths <= {2, 3, 4, 5}, (name, widths)


# --- counts ------------------------------------------------------------------------


def test_counts(lex):
    assert len(lex.speech_verbs) >= 220
    assert len(lex.organizations) >= 230
    role_lines = [l for l in _data_lines("roles.tsv")[1:] if l.split("\t")[1] != "block"]
    assert len(role_lines) >= 250
    assert len(lex.titles) >= 50
    assert len(lex.according_to) >= 30
    assert len(lex.speech_nouns) >= 40


# --- speech verbs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "lemma",
    """sagen erklären betonen hinzufügen mitteilen berichten bekräftigen versichern
    ankündigen bestätigen warnen fordern kritisieren einräumen dementieren schätzen
    zitieren bekanntgeben melden unterstreichen behaupten verkünden erläutern sprechen
    antworten entgegnen erwidern fragen meinen vermuten glauben hoffen befürchten
    beklagen bemängeln loben verurteilen appellieren zurückweisen bestreiten leugnen
    zugeben gestehen verraten verlauten twittern posten schreiben mahnen drohen
    versprechen zusagen ablehnen begrüßen""".split(),
)
def test_required_speech_verbs(lex, lemma):
    assert lemma in lex.speech_verbs


@pytest.mark.parametrize(
    "lemma",
    ["sich äußern", "sich zeigen", "sich beschweren", "darauf hinweisen", "die Hoffnung äußern",
     "zum Ausdruck bringen", "mit den Worten zitieren", "in Aussicht stellen",
     "zu bedenken geben", "Kritik üben"],
)
def test_speech_phrases(lex, lemma):
    verb = lex.speech_verbs[lemma]
    assert verb.is_phrase
    assert verb in lex.speech_phrases


def test_separable_verb(lex):
    verb = lex.speech_verbs["hinzufügen"]
    assert (verb.particle, verb.base, verb.cls) == ("hinzu", "fügen", "say")
    assert verb in lex.speech_verbs_by_base["fügen"]
    assert lex.speech_verbs_by_base["hinzufügen"] == (verb,)
    assert lex.speech_verbs["bekanntgeben"].particle == "bekannt"
    assert lex.speech_verbs["zurückweisen"].base == "weisen"


def test_by_base_puts_bare_verb_first_and_skips_phrases(lex):
    sagen = lex.speech_verbs_by_base["sagen"]
    assert sagen[0].lemma == "sagen"
    assert {v.lemma for v in sagen} >= {"zusagen", "aussagen"}
    geben = {v.lemma for v in lex.speech_verbs_by_base["geben"]}
    assert "zu bedenken geben" not in geben
    assert [v.lemma for v in lex.speech_verbs_by_base["beschweren"]] == ["sich beschweren"]


def test_speech_verb_fields(lex):
    for verb in lex.speech_verbs.values():
        assert verb.cls in SPEECH_CLASSES
        assert verb.valency and verb.valency <= VALENCIES
        assert 0 < verb.strength <= 1
    assert lex.speech_verbs["sagen"].valency >= {"dass", "ob", "w", "v2", "np", "colon", "direct"}
    assert lex.speech_verbs["fordern"].valency >= {"dass", "zu", "np"}
    assert lex.speech_verbs["sagen"].strength == 1.0
    assert lex.speech_verbs["meinen"].strength < 1.0
    assert lex.speech_verbs["loben"].reported
    assert lex.speech_verbs["zurückweisen"].reported
    assert not lex.speech_verbs["glauben"].reported


def test_particles_include_speech_verb_particles(lex):
    assert {"hinzu", "mit", "an", "ab", "zurück", "ein"} <= lex.particles
    # adverbs that end clauses must not veto „sagte er weiter“
    assert "weiter" not in lex.particles


# --- nouns and according-to phrases -----------------------------------------------------


@pytest.mark.parametrize("noun", ["Angaben", "Informationen", "Darstellung", "Ansicht", "Worten", "Erklärung"])
def test_speech_nouns(lex, noun):
    assert lex.speech_nouns[noun].use in {"according_to", "frame", "both"}


@pytest.mark.parametrize("noun", ["Hoffnung", "Vorwurf", "Forderungen", "Verdacht"])
def test_nouns_with_content_after_a_comma(lex, noun):
    # „die Hoffnung, dass …“, „der Vorwurf, er habe …“: one list, speech_nouns.tsv
    assert noun in lex.content_nouns and lex.speech_nouns[noun].content


def test_a_noun_without_content_is_no_content_noun(lex):
    assert "Angaben" not in lex.content_nouns


def test_according_to(lex):
    by_phrase = {a.phrase: a for a in lex.according_to}
    assert by_phrase["laut"].position == "pre"
    assert by_phrase["zufolge"].position == "post"
    assert by_phrase["nach Angaben"].position == "circum"
    assert by_phrase["seiner Meinung nach"].position == "circum"
    assert by_phrase["demnach"].position == "anaphoric"
    assert by_phrase["so"].position == "parenthetical"
    lengths = [len(a.words) for a in lex.according_to]
    assert lengths == sorted(lengths, reverse=True)
    for a in lex.according_to:
        assert a.cue in a.phrase


# --- organisations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "surface, name, type_",
    [
        ("Associated Press", "AP", "news_agency"),
        ("The Associated Press", "AP", "news_agency"),
        ("AP", "AP", "news_agency"),
        ("Kreml", "Kreml", "government"),
        ("Kremls", "Kreml", "government"),
        ("dpa", "dpa", "news_agency"),
        ("Dpa", "dpa", "news_agency"),
        ("REUTERS", "Reuters", "news_agency"),
        ("KCNA", "KCNA", "news_agency"),
        ("Yonhap", "Yonhap", "news_agency"),
        ("Spiegels", "Spiegel", "media"),
        ("Weißen Hauses", "Weißes Haus", "government"),
        ("Auswärtigen Amt", "Auswärtiges Amt", "government"),
        ("Vereinten Nationen", "UN", "organization"),
    ],
)
def test_organization_lookup(lex, surface, name, type_):
    entry = lex.organization(surface)
    assert entry is not None and (entry.name, entry.type) == (name, type_)


@pytest.mark.parametrize("word", ["Welt", "Zeit", "Bild", "Stern", "Mehr", "Union", "kreml"])
def test_common_words_are_not_organizations(lex, word):
    assert lex.organization(word) is None


def test_no_alias_names_two_entries():
    owners: dict[str, set[str]] = defaultdict(set)
    for line in _data_lines("agencies.tsv")[1:]:
        name, _, aliases, _ = line.split("\t")
        for alias in aliases.split("|"):
            if alias != "-":
                owners[alias].add(name)
    clashes = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert not clashes


def test_organization_fields(lex):
    assert len({o.name for o in lex.organizations}) == len(lex.organizations)
    for entry in lex.organizations:
        assert entry.type in ORGANIZATION_TYPES
        assert entry.country is None or len(entry.country) == 2
        for alias in entry.aliases:
            assert lex.alias_index[alias] is entry


def test_user_organizations_round_trip(lex, tmp_path):
    path = tmp_path / "orgs.tsv"
    path.write_text(
        "# my gazetteer\n"
        "name\ttype\taliases\tcountry\n"
        "Lokalblatt\tmedia\tLokalblatt|Lokalblatts|Der Lokalblatt\tde\n"
        "Agentur X\tnews_agency\tAX|AP\t-\n"
        "\n"
        "Ohne Land\torganization\tOhne Land\n",
        encoding="utf-8",
    )
    extended = lex.with_organizations(path)
    assert extended is not lex
    assert extended.organization("Lokalblatts").name == "Lokalblatt"
    assert extended.organization("Lokalblatt").country == "DE"
    assert extended.organization("Ohne Land").country is None
    # user entries win on alias conflicts; the original lexicon is unchanged
    assert extended.organization("AP").name == "Agentur X"
    assert lex.organization("AP").name == "AP"
    assert lex.organization("Lokalblatt") is None
    assert extended.organization("Associated Press").name == "AP"
    assert len(extended.organizations) == len(lex.organizations) + 3
    assert extended.speech_verbs is lex.speech_verbs
    assert extended.role_of("Gewerkschaftschef") == lex.role_of("Gewerkschaftschef")


@pytest.mark.parametrize(
    "body, line, needle",
    [
        ("Gut\tmedia\tGut\tde\nSchlecht\tzeitung\tSchlecht\tde\n", 2, "zeitung"),
        ("# comment\n\nNurName\n", 3, "columns"),
        ("A\tmedia\tX\tde\nB\tmedia\tX\tde\n", 2, "already names"),
        ("A\tmedia\tX\tdeutsch\n", 1, "country"),
        ("A\tmedia\tX\tde\tzuviel\n", 1, "columns"),
    ],
)
def test_user_organizations_malformed(lex, tmp_path, body, line, needle):
    path = tmp_path / "bad.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        lex.with_organizations(path)
    assert isinstance(info.value, LexiconError)
    message = str(info.value)
    assert str(path) in message and f"line {line}" in message and needle in message
    assert info.value.line == line


def test_user_organizations_missing_file(lex, tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        lex.with_organizations(tmp_path / "nope.tsv")


# --- roles and titles --------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, noun, type_",
    [
        ("Präsident", "Präsident", "person"),
        ("Präsidentin", "Präsidentin", "person"),
        ("Gewerkschaftschef", "Chef", "person"),
        ("Bildungsministerin", "Ministerin", "person"),
        ("Landwirtschaftsministerium", "Ministerium", "organization"),
        ("Gesundheitsministerium", "Gesundheitsministerium", "organization"),
        ("EU-Kommissarin", "Kommissarin", "person"),
        ("Ministers", "Minister", "person"),
        ("Wirtschaftsexperten", "Experten", "person"),
        ("Landgericht", "Gericht", "organization"),
    ],
)
def test_role_of(lex, word, noun, type_):
    role = lex.role_of(word)
    assert role is not None and (role.noun, role.type) == (noun, type_)


@pytest.mark.parametrize("word", ["Vorrat", "Lebensmittelvorrat", "Insgesamt", "Lautsprecher", "Datenbank", "Hauptgericht", "Haus", "sprecher"])
def test_not_roles(lex, word):
    assert lex.role_of(word) is None


def test_role_of_is_cached(lex):
    assert lex.role_of("Gewerkschaftschefin") is lex.role_of("Gewerkschaftschefin")


def test_titles(lex):
    assert {"Dr.", "Prof.", "Herr", "Frau", "Sir", "Graf", "Pfarrer", "Kardinal", "Papst", "König", "Königin", "Prinz", "Scheich", "Imam"} <= lex.titles


# --- pronouns ----------------------------------------------------------------------------


def test_pronouns(lex):
    sie = lex.pronouns["sie"]
    assert {(p.number, p.gender) for p in sie if p.case == "nom"} == {("sg", "f"), ("pl", "any")}
    assert any(p.case == "nom" and p.gender == "m" for p in lex.pronouns["er"])
    for form in ["es", "ihm", "ihr", "ihnen", "sein", "seiner", "ihrer", "seinerseits", "ihrerseits", "dieser", "diese", "jener", "man"]:
        assert form in lex.pronouns, form


# --- Konjunktiv ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form, person, mood",
    [
        ("wäre", None, "subj2"),
        ("sei", None, "subj1"),
        ("habe", None, "ambiguous"),
        ("habe", "3sg", "subj1"),
        ("habe", "1sg", "ambiguous"),
        ("hätte", "3sg", "subj2"),
        ("würde", "3sg", "subj2"),
        ("käme", "3sg", "subj2"),
        ("stünde", "3sg", "subj2"),
        ("stände", "3sg", "subj2"),
        ("gingen", "3pl", "ambiguous"),
        ("kämen", "3pl", "subj2"),
        ("hat", "3sg", "ind"),
        ("könne", "3sg", "subj1"),
        ("sollte", "3sg", "ambiguous"),
        ("Wäre", None, "subj2"),
        ("lief", None, None),
    ],
)
def test_mood(lex, form, person, mood):
    assert lex.mood(form, person) == mood


def test_konjunktiv_readings(lex):
    habe = lex.konjunktiv["habe"]
    assert {(r.mood, frozenset(r.person_number)) for r in habe} == {
        ("ind", frozenset({"1sg"})),
        ("subj1", frozenset({"1sg", "3sg"})),
    }
    lemmas = {r.lemma for readings in lex.konjunktiv.values() for r in readings}
    assert {"sein", "haben", "werden", "können", "müssen", "dürfen", "sollen", "wollen", "mögen", "wissen"} <= lemmas
    subj2_lemmas = {r.lemma for readings in lex.konjunktiv.values() for r in readings if r.mood == "subj2"}
    assert len(subj2_lemmas) >= 80
    for form in "wäre hätte würde käme gäbe ginge ließe stünde fände hielte läge sähe bliebe nähme bräuchte dächte brächte wüsste täte".split():
        assert any(r.mood == "subj2" for r in lex.konjunktiv[form]), form


def test_reportive(lex):
    for form in ["soll", "sollen", "solle", "will", "wollen", "wolle"]:
        assert lex.is_reportive(form), form
    for form in ["sollte", "kann", "sei", "muss"]:
        assert not lex.is_reportive(form), form


# --- first names ------------------------------------------------------------------------


def test_first_name_counts(lex):
    counts = defaultdict(int)
    for gender in lex.first_names.values():
        assert gender in FIRST_NAME_GENDERS
        counts[gender] += 1
    assert len(lex.first_names) >= 2500
    assert counts["m"] >= 1000 and counts["f"] >= 1000 and counts["any"] >= 20


@pytest.mark.parametrize(
    "name, gender",
    [
        ("Katrin", "f"), ("Jürgen", "m"), ("Ursula", "f"), ("Olaf", "m"), ("Annalena", "f"),
        ("Hans-Peter", "m"), ("Karl-Heinz", "m"), ("Jan-Hendrik", "m"), ("Anna-Lena", "f"),
        ("Marie-Agnes", "f"), ("Frank-Walter", "m"), ("Heinz-Christian", "m"),
        ("Wladimir", "m"), ("Sergej", "m"), ("Jewgeni", "m"), ("Dmitri", "m"), ("Wolodymyr", "m"),
        ("Julija", "f"), ("Recep", "m"), ("Ayşe", "f"), ("Cem", "m"), ("Łukasz", "m"),
        ("Viktor", "m"), ("Giorgia", "f"), ("Emmanuel", "m"), ("François", "m"), ("Kamala", "f"),
        ("Benjamin", "m"), ("Mohammed", "m"), ("Narges", "f"), ("Beat", "m"), ("Reto", "m"),
        ("Frank", "m"), ("Otto", "m"), ("Hans", "m"), ("Luca", "m"),
        ("Andrea", "any"), ("Kim", "any"), ("Sascha", "any"), ("Nicola", "any"),
        ("Robin", "any"), ("Toni", "any"), ("Simone", "any"), ("Deniz", "any"),
    ],
)
def test_first_name_lookup(lex, name, gender):
    assert lex.first_names[name] == gender


@pytest.mark.parametrize(
    "word",
    # common German words that would start sentences or nouns; East Asian surnames
    """Will Mark Ernst Christ Wolf Golf Berg Adler Hell Klar Lob Gott Friede Frieden Heil
    Hoffnung Sonne Roman Rose August Mai Nur Anders Davor Tor Tore Mine Tal Marine Israel
    Xi Jinping Jong Un Lee Wang Li Park""".split(),
)
def test_words_and_surnames_are_not_first_names(lex, word):
    assert word not in lex.first_names


def test_first_names_do_not_shadow_other_lexica(lex):
    closed = {w.casefold() for w in lex.function_words} | {p.casefold() for p in lex.particles}
    for name in lex.first_names:
        assert name.casefold() not in closed, name
        assert name.lower() not in lex.speech_verbs and name.lower() not in lex.pronouns, name
        assert name not in lex.roles and name not in lex.titles, name
        assert lex.organization(name) is None, name


def _name_order(name: str) -> tuple[str, str]:
    """Alphabetical order ignoring case and diacritics, as the file header says."""
    plain = name.translate(str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ð": "d",
                                          "æ": "ae", "ß": "ss", "ı": "i"}))
    bare = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
    return bare.casefold(), name


def test_first_names_file_is_sorted():
    names = [line.split("\t")[0] for line in _data_lines("first_names.tsv")[1:]]
    assert names == sorted(names, key=_name_order)


def test_first_names_are_nfc_and_read_only(lex):
    assert parse_first_names("name\tgender\nJu\u0308rgen\tm\n", "t.tsv") == {"Jürgen": "m"}
    with pytest.raises(LexiconError, match="duplicate"):
        parse_first_names("Jürgen\tm\nJu\u0308rgen\tm\n", "t.tsv")
    with pytest.raises(TypeError):
        lex.first_names["Neu"] = "m"  # type: ignore[index]


_NAME = st.from_regex(r"[A-ZÄÖÜ][a-zäöüßé]{1,8}(-[A-ZÄÖÜ][a-zäöüé]{1,8})?", fullmatch=True)


@given(st.dictionaries(_NAME, st.sampled_from(sorted(FIRST_NAME_GENDERS)), max_size=20))
def test_first_names_round_trip(entries):
    text = "# comment\nname\tgender\n" + "".join(f"{n}\t{g}\n" for n, g in entries.items())
    assert parse_first_names(text, "t.tsv") == entries


# --- malformed package data is reported with file and line -----------------------------------


@pytest.mark.parametrize(
    "parser, text, needle",
    [
        (parse_speech_verbs, "sagen\t-\tsagen\tsay\tdass\tno\t1.0\nrufen\t-\trufen\tshout\tdass\tno\t1.0\n", "class"),
        (parse_speech_verbs, "hinzufügen\tmit\tfügen\tsay\tdass\tno\t1.0\n", "particle"),
        (parse_speech_verbs, "sagen\t-\tsagen\tsay\tdass,maybe\tno\t1.0\n", "valency"),
        (parse_speech_verbs, "sagen\t-\tsagen\tsay\tdass\tvielleicht\t1.0\n", "yes or no"),
        (parse_speech_verbs, "sagen\t-\tsagen\tsay\tdass\tno\t2\n", "strength"),
        (parse_speech_verbs, "sagen\t-\tsagen\tsay\tdass\tno\t1\nsagen\t-\tsagen\tsay\tdass\tno\t1\n", "duplicate"),
        (parse_roles, "Chef\tperson\tyes\nChefin\tperon\tyes\n", "type"),
        (parse_according_to, "laut\tbefore\tlaut\n", "position"),
        (parse_according_to, "laut\tpre\tzufolge\n", "cue"),
        (parse_konjunktiv, "wäre\tsein\tsubj3\t3sg\tno\n", "mood"),
        (parse_konjunktiv, "wäre\tsein\tsubj2\t4sg\tno\n", "person_number"),
        (parse_organizations, "X\tagency\tX\t-\n", "type"),
        (parse_first_names, "Katrin\tf\nJürgen\tmale\n", "gender"),
        (parse_first_names, "Katrin\tf\nKatrin\tany\n", "duplicate"),
        (parse_first_names, "Katrin\tf\nKim Jong\tm\n", "name"),
        (parse_first_names, "Katrin\tf\nkatrin\tf\n", "name"),
        (parse_first_names, "Katrin\tf\nHans-\tm\n", "name"),
        (parse_first_names, "Katrin\tf\nJürgen\n", "columns"),
    ],
)
def test_malformed_data(parser, text, needle):
    with pytest.raises(LexiconError) as info:
        parser(text, "test.tsv")
    assert "test.tsv, line" in str(info.value) and needle in str(info.value)


def test_build_lexicon_without_optional_files():
    files = {name: (_data(name), name) for name in REQUIRED_FILES}
    lexicon = build_lexicon(files)
    assert lexicon.particles == frozenset()
    assert dict(lexicon.first_names) == {}
    assert lexicon.organization("AP").name == "AP"


def test_build_lexicon_names_a_missing_file():
    files = {name: (_data(name), name) for name in REQUIRED_FILES if name != "rule_words.tsv"}
    with pytest.raises(LexiconError, match="rule_words.tsv"):
        build_lexicon(files)


# --- closed word classes: one typed sub-lexicon per file -----------------------------


@pytest.mark.parametrize(
    ("parse", "line", "message"),
    [
        (ClauseWords.parse, "weil\tsubordinater", "unknown class subordinater"),
        (RuleWords.parse, "so\tso_frame", "no word of class"),  # the other classes are empty
        (FunctionWords.parse, "der\tdet,artikel", "unknown class artikel"),
    ],
)
def test_word_class_files_reject_unknown_and_empty_classes(parse, line, message):
    with pytest.raises(LexiconError, match=message):
        parse(f"word\tclass\n{line}\n", "t.tsv")


def test_piece_frames_need_a_lemma_and_a_preposition():
    text = _data("piece_frames.tsv") + "sprechen\tprepositional_frame\n"
    with pytest.raises(LexiconError, match="lemma preposition"):
        PieceFrames.parse(text, "t.tsv")


def test_clause_words_are_looked_up_exactly_first(lex):
    assert "report_demonstrative" in lex.clause.classes("Das")  # „… Das teilte die Polizei mit.“
    assert "report_demonstrative" not in lex.clause.classes("das")
    assert "relative" not in lex.clause.classes("Das")  # the lower-case entry is not reached …
    assert "subordinator" in lex.clause.classes("Weil")  # … unless the spelling has none


def test_the_mood_rules_read_the_frame_rules_subordinators(lex):
    # one list: a subordinator is verb-final for the mood rules unless it is also a preposition
    assert {"weil", "dass", "wer", "wonach"} <= lex.morph.subordinators
    assert "während" not in lex.morph.subordinators and "subordinator" in lex.clause.classes("während")
    assert lex.morph.coordinators == lex.clause.coordinators


def test_the_word_class_shims_are_views_of_the_lexicon(lex):
    assert load_word_classes("function_words.tsv") is lex.words.by_word
    assert words_of_class("rule_words.tsv", "so_frame") == lex.rule_words.so_frame
    with pytest.raises(LexiconError):
        words_of_class("rule_words.tsv", "no_such_class")


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Norddeutsche Rundfunk", "NDR"),  # „berichtete der Norddeutsche Rundfunk“
        ("Norddeutschen Rundfunks", "NDR"),  # „nach Angaben des Norddeutschen Rundfunks“
        ("Deutschen Presse-Agentur", "dpa"),
    ],
)
def test_declined_organisation_names_are_found(surface: str, name: str) -> None:
    entry = load_lexicon().organization(surface)
    assert entry is not None and entry.name == name


def test_declension_does_not_invent_matches() -> None:
    assert load_lexicon().organization("Norddeutsche Zeitungen") is None


def test_org_classes_parse_with_optional_columns() -> None:
    table = parse_org_classes("noun\tclass\tgeneric\tgender\tseat\nverband\tVerband\tyes\tm\nAmt\tBehörde\tno\t-\tyes\n", "t.tsv")
    assert (table["verband"].cls, table["verband"].generic, table["verband"].gender, table["verband"].seat) == ("Verband", True, "m", False)
    assert (table["amt"].gender, table["amt"].seat) == (None, True)


@pytest.mark.parametrize(
    ("line", "message"),
    [("bund\tVerband\tja", "generic must be yes or no"), ("bund\tVerband\tno\tx", "unknown gender"), ("bund\t\tno", "class is empty")],
)
def test_org_classes_report_bad_lines(line: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_org_classes(f"noun\tclass\tgeneric\tgender\tseat\n{line}\n", "t.tsv")
