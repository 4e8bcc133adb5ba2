"""The noun-phrase grammar: where a mention of a person or organisation begins and ends.

Pipeline stage 3 (attribution), and the rules of stage 2: a grammar on the
surface (a parsing backend only adds to it) that knows nothing of coreference.

:func:`parse_noun_phrase` reads the noun phrase at a token: determiner,
adjectives, role nouns („Präsident“, „Gewerkschaftschef“), a proper name and at
most one genitive attribute („Ein Sprecher des Gesundheitsministeriums“).
:func:`with_attached`, :func:`with_seat`, :func:`with_apposition` and
:func:`extended` widen a mention by the phrases that belong to it („Der
Bürgermeister von Marathonas“, „das Präsidialamt in Taipeh“, „Katrin Oswald,
Sprecherin der Bahn,“). The small parts it steps over (adjectives, „zwei“,
„29 Jahre alte“, quoted titles) are in :mod:`~quotecheck.attribution.nounphrase_parts`.
"""

from __future__ import annotations

import attrs
import regex
from attrs import frozen

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.attribution.naming import MEDIUM_CLASSES, org_class, org_kind, organization_in
from quotecheck.attribution.nounphrase_parts import _quoted_title, _skip_age, _skip_quantity, is_capitalised, skip_adjectives
from quotecheck.attribution.words import (
    function_word_classes,
    is_report_noun,
    is_speech_verb,
    is_time_word,
)
from quotecheck.lexicon import DETERMINER_CLASSES, Lexicon
from quotecheck.text import Token

__all__ = [
    "NounPhrase",
    "function_word_classes",
    "parse_noun_phrase",
    "skip_adjectives",
    "is_capitalised",
    "with_attached",
    "with_seat",
    "with_apposition",
    "extended",
    "np_ending_at",
    "can_be_subject",
    "MAX_NP_TOKENS",
]


_CAPITALISED_ADJECTIVE = regex.compile(r"^\p{Lu}\p{Ll}+(?:e|en|er|es|em)$")


_INITIAL = regex.compile(r"^\p{Lu}\.$")


_AGE = regex.compile(r"^\d+-[Jj]ährige[nr]?$")


#: The most tokens a noun phrase spans: :func:`parse_noun_phrase` never ends one
#: further than this from where it starts, so a search for a phrase ending at a
#: token need not start further back.
MAX_NP_TOKENS = 12


#: Function-word classes that nouns or name parts carry: they may open a noun phrase.
_NOUN_CLASSES = frozenset({"name_link", "not_nominative", "spokesperson", "report_noun"})


@frozen
class NounPhrase:
    """A noun phrase by token range ``[start, end)``, with what attribution needs."""

    start: int
    end: int
    determiner: str | None = None
    name_tokens: tuple[int, ...] = ()  # the proper name inside it, if any
    role: str | None = None  # the role noun as written („Innenministerin“)
    role_type: str | None = None  # person / organization
    pronoun: str | None = None
    dative: bool = False
    genitive: tuple[int, int] | None = None  # „des Gesundheitsministeriums“
    age: bool = False  # „der 41-Jährige“
    coordinated: "NounPhrase | None" = None  # „Putin und Kim“: the second conjunct
    attribute: tuple[int, int] | None = None  # „für Umwelt“, „am Hafen“: part of an institution's name


def _is_link(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    word = doc.tokens[i].text
    if "name_link" in function_word_classes(lexicon, word):
        return True
    return word in lexicon.attribution.name_link_articles and i > 0 and doc.tokens[i - 1].text.lower() in lexicon.words.name_links


def _name_link(doc: Doc, lexicon: Lexicon, i: int, limit: int, head_start: int) -> bool:
    """„von der“, „al“ … inside a name („Ursula von der Leyen“).

    Only right after a first name (one capitalised word, or a known given name),
    and only before a
    capitalised word that is not an organisation, so that „Anna Müller von der
    SPD“ is not read as one name.
    """
    if not _is_link(doc, lexicon, i) or not is_capitalised(doc, i - 1):
        return False
    if lexicon.role_of(doc.tokens[i - 1].text) is not None:
        return False  # „Ein Sprecher von Pro Asyl“: after a role noun „von“ attaches, it links no name
    if i - head_start != 1 and doc.tokens[i - 1].text not in lexicon.first_names:
        return False  # „der Niederländer Ruud van Dam“: a given name after a role noun
    j = i + 1
    while j < limit and _is_link(doc, lexicon, j):
        j += 1
    if j >= limit or not is_capitalised(doc, j):
        return False
    k = j
    while k < limit and is_capitalised(doc, k):
        k += 1
    return organization_in(doc, lexicon, j, k) is None  # „von der IG Metall“ names an employer


def name_link_at(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> bool:
    """Whether token ``i`` is a particle inside a name („Ursula **von** der Leyen“), not a preposition."""
    return i > 0 and _name_link(doc, lexicon, i, limit, i - 1)


def _skip_extended_attribute(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> int:
    """„zwei mit den Verhandlungen vertraute Personen“: past a prepositional phrase inside an adjective.

    Only after a determiner or a number, and only when an adjective and a noun
    follow the phrase; otherwise ``i`` stays where it was.
    """
    tokens = doc.tokens
    if i + 2 >= limit or not tokens[i].text.islower() or "prep" not in function_word_classes(lexicon, tokens[i].text):
        return i
    inner = parse_noun_phrase(doc, lexicon, i + 1, limit, coordination=False)
    if inner is None or inner.pronoun is not None:
        return i
    after = skip_adjectives(doc, lexicon, inner.end, limit)
    if after == inner.end or after >= limit or not is_capitalised(doc, after):
        return i
    return inner.end


def _inflected_noun(doc: Doc, i: int, text: str) -> bool:
    """An inflected common noun at ``i`` („Notmaßnahmen“ → „Notmaßnahme“), not a name.

    Names do not inflect but for a genitive -s; a plural noun whose lemma is
    shorter ends a name run (see :func:`_capitalised_run`).
    """
    if text.endswith("s"):
        return False
    lemma = doc.lemma(i)
    return lemma != text and lemma[:1].isupper() and len(lemma) < len(text)


def _capitalised_run(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> int:
    """The end of the run of name and role words at ``i`` („Präsident Wladimir Putin“).

    After a given name the run ends at a gazetteer organisation („Erik Brandt
    Reuters zufolge“: the agency is no part of his name) and, one word later, at
    an inflected common noun („kündigte Regierungschefin Elena Vrabie
    Notmaßnahmen an“: the object is no part of her name). Where the run's first
    given name is, is kept as the run grows rather than sought again at each word.
    A capitalised word, the usual part, is taken without asking :func:`_name_part_end`.
    """
    start = i
    tokens = doc.tokens
    time_forms = lexicon.time_forms  # lexicon.is_time_word, without a call per word
    first_names = lexicon.first_names
    given = limit  # the first token of the run that is a given name (limit: none yet)
    while i < limit:
        tok = tokens[i]
        text = tok.text
        if text.lower() in time_forms:
            break  # „am Montag Kim Jong Un“: the weekday is no part of the name
        word = tok.kind == "word"
        if given < i and word and lexicon.organization(text) is not None:
            break  # „Erik Brandt Reuters zufolge“
        if given < i - 1 and _inflected_noun(doc, i, text):
            break  # „Elena Vrabie Notmaßnahmen“
        if word and text[:1].isupper():  # capitalised(tok): one part of one word
            if given == limit and text in first_names:
                given = i
            i += 1
            continue
        after = _name_part_end(doc, lexicon, i, start, limit, tok)
        if after is None:
            break
        if given == limit:
            given = next((k for k in range(i, after) if tokens[k].text in first_names), limit)
        i = after
    return i


def _name_part_end(doc: Doc, lexicon: Lexicon, i: int, start: int, limit: int, tok: Token) -> int | None:
    """The end of one part of a name at ``i`` (a run began at ``start``), or None where the run ends.

    An initial or an age („41-Jährige“); a lower-case agency („laut der dpa“, „die
    taz“); a name link („von der“ in „Ursula von der Leyen“); a party or age in
    brackets after the name („Tobias Brandt (CDU)“). ``tok`` is the token at ``i``.
    """
    tokens = doc.tokens
    text = tok.text
    word = tok.kind == "word"
    # the patterns need a full stop („A.“) or a hyphen („41-Jährige“): most words have neither (a capital is never asked)
    if ("." in text and _INITIAL.match(text)) or ("-" in text and _AGE.match(text)):
        return i + 1
    if word and lexicon.organization(text) is not None:
        return i + 1
    if i > start and "-" in text and _particle_compound(lexicon, text):
        return i + 1  # „Faisal al-Masri“: the particle is written onto the surname
    if _name_link(doc, lexicon, i, limit, start):
        while i < limit and _is_link(doc, lexicon, i):
            i += 1
        return i
    if text == "(" and i + 2 < limit and tokens[i + 2].text == ")" and i > start:
        return i + 3
    return None


def _particle_compound(lexicon: Lexicon, text: str) -> bool:
    """„al-Masri“, „el-Sayed“, „bin-Laden“: a lower-case name link hyphenated to a capitalised name."""
    link, hyphen, rest = text.partition("-")
    return bool(hyphen) and link in lexicon.words.name_links and rest[:1].isupper()


def parse_noun_phrase(
    doc: Doc, lexicon: Lexicon, start: int, limit: int, *, coordination: bool = True
) -> NounPhrase | None:
    """The noun phrase beginning at token ``start`` (not beyond ``limit``), if any.

    Grammar (surface): [determiner] adjective* capitalised-word+ (with name
    links such as „von der“ and a bracketed party), then at most one genitive
    attribute („des Ministeriums“), then optionally „und“ + a second phrase. A
    personal pronoun on its own is a noun phrase too, and so is a quoted title
    („laut „Wirtschaftswoche““).
    """
    tokens = doc.tokens
    limit = min(limit, len(tokens), start + MAX_NP_TOKENS)
    if start < limit and tokens[start].kind == "quote":
        return _quoted_medium(doc, start, start, limit, None)
    if start >= limit or tokens[start].kind not in ("word", "number"):
        return None
    lower = tokens[start].text.lower()
    if lower in lexicon.attribution.speaker_pronouns and lower in lexicon.pronouns:
        return NounPhrase(start, start + 1, pronoun=lower)
    opening = _opening(doc, lexicon, start)
    if opening is None:
        return None
    determiner, i = opening
    head_start = _head_start(doc, lexicon, determiner is not None, start, i, limit)
    i = _capitalised_run(doc, lexicon, head_start, limit)
    if i == head_start:
        # „der „Bild““, „des „Kurier““: a quoted title is the name of a medium; „einen „Arbeitsstand““
        # (indefinite) is a quoted word, not a title
        if determiner is None or determiner in lexicon.words.indefinite:
            return None
        return _quoted_medium(doc, start, i, limit, determiner)
    role, role_type, names, age = _split_head(doc, lexicon, head_start, i, determiner)
    title = _quoted_title(doc, i, limit) if role_type == "organization" else None
    if title is not None:
        # „die Zeitung „Kurier““: the quoted title is the medium's name
        names, i = tuple(range(title[0], title[1])), title[1] + 1
    genitive = _genitive(doc, lexicon, role, bool(names), i, limit)
    i = genitive[1] if genitive is not None else i
    attribute = _name_attribute(doc, lexicon, i, limit) if role_type == "organization" and not names and genitive is None else None
    i = attribute[1] if attribute is not None else i
    dative = _dative(doc, lexicon, determiner, role, i) if determiner is not None else False
    coordinated = _second_conjunct(doc, lexicon, i, limit) if coordination else None
    i = coordinated.end if coordinated is not None else i
    return NounPhrase(start, i, determiner, names, role, role_type, None, dative, genitive, age, coordinated, attribute)


def _head_start(doc: Doc, lexicon: Lexicon, determined: bool, start: int, i: int, limit: int) -> int:
    """Where the head of a noun phrase opened at ``start`` begins: past an age („Der 29 Jahre alte“), else
    a quantity („zwei“) and an extended attribute („mit den Verhandlungen vertraute“), then adjectives."""
    tokens = doc.tokens
    tok = tokens[i] if i < limit else None
    if tok is not None and tok.kind == "word" and tok.text[:1].isupper() and tok.text.lower() not in lexicon.attribution.quantities:
        return i  # „der Minister“, „Wladimir Putin“: no age or number, and adjectives stop at a capital
    # the number of an age, the preposition of an extended attribute: most phrases have neither
    aged = _skip_age(doc, lexicon, i, limit) if i + 2 < limit and tokens[i].kind == "number" else i
    if aged == i:
        after = _skip_quantity(doc, lexicon, i, limit)
        if (determined or after > start) and after + 2 < limit and tokens[after].text.islower():
            after = _skip_extended_attribute(doc, lexicon, after, limit)
        if after != i:  # where nothing was skipped the age was sought already
            aged = _skip_age(doc, lexicon, after, limit)
    return skip_adjectives(doc, lexicon, aged, limit)


def _quoted_medium(doc: Doc, start: int, i: int, limit: int, determiner: str | None) -> NounPhrase | None:
    """„laut „Wirtschaftswoche““, „der „Bild““: a quoted title at ``i`` alone names a medium."""
    title = _quoted_title(doc, i, limit)
    if title is None:
        return None
    return NounPhrase(start, title[1] + 1, determiner, tuple(range(title[0], title[1])), role_type="organization")


def _opening(doc: Doc, lexicon: Lexicon, start: int) -> tuple[str | None, int] | None:
    """(determiner, first token after it) of a noun phrase at ``start``, or None where none opens.

    „Am Montag“, „Zudem“, „Dabei“, „Montag“ open no mention, nor does a word
    capitalised only by its position („Offiziell geht …“, „Bislang gingen …“).
    """
    lower = doc.tokens[start].text.lower()
    classes = lexicon.function_words.get(lower)  # function_word_classes of a word in lower case
    if classes is not None and not classes.isdisjoint(DETERMINER_CLASSES):
        return lower, start + 1
    if classes is not None and not classes <= _NOUN_CLASSES or _sentence_initial_non_noun(doc, lexicon, start):
        return None
    return None, start


def _genitive(doc: Doc, lexicon: Lexicon, role: str | None, named: bool, i: int, limit: int) -> tuple[int, int] | None:
    """The genitive attribute at ``i`` („des Gesundheitsministeriums“), if one follows the head.

    „des“ always opens a genitive; „der“ only after a role without a name or a
    statement noun („Sprecherin der Bahn“, „Angaben der Feuerwehr“), since
    elsewhere it may open a dative addressee („sagte Kim der Zeitung“, „Sabine
    Krull der Nachrichtenagentur“).
    """
    tokens = doc.tokens
    if i >= limit:
        return None
    word = tokens[i].text
    if not (word in lexicon.rule_words.genitive or word in lexicon.rule_words.genitive_or_dative and (role is not None and not named or is_report_noun(lexicon, tokens[i - 1].text))):
        return None
    j = skip_adjectives(doc, lexicon, i + 1, limit)
    k = _capitalised_run(doc, lexicon, j, limit)
    title = _quoted_title(doc, k, limit)
    if title is not None:
        k = title[1] + 1  # „eines Berichts der „Frankfurter Allgemeinen Zeitung““
    if k > j and not _spokesperson_to_medium(doc, lexicon, role, i, j, k):
        return (i, k)
    return None


def _dative(doc: Doc, lexicon: Lexicon, determiner: str | None, role: str | None, end: int) -> bool:
    """A dative determiner („dem Minister“), or „den“ before a plural role noun in -n („den Journalisten“)."""
    if "det_dative" in function_word_classes(lexicon, determiner or ""):
        return True
    return determiner in lexicon.attribution.dative_plural_articles and doc.tokens[end - 1].text.endswith("n") and role is not None


def _second_conjunct(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> NounPhrase | None:
    """„Putin und Kim“: the named or described noun phrase after a coordinating „und“ at ``i``."""
    if i + 1 >= limit or "coord" not in function_word_classes(lexicon, doc.tokens[i].text):
        return None
    second = parse_noun_phrase(doc, lexicon, i + 1, limit, coordination=False)
    if second is not None and second.pronoun is None and (second.name_tokens or second.role):
        return second
    return None


def with_attached(doc: Doc, lexicon: Lexicon, np: NounPhrase, limit: int) -> NounPhrase:
    """The mention with the „von“/„aus“ phrases that belong to its noun („Der Bürgermeister von Marathonas“)."""
    while np.end + 1 < limit and "attached_prep" in function_word_classes(lexicon, doc.tokens[np.end].text):
        attached = parse_noun_phrase(doc, lexicon, np.end + 1, limit, coordination=False)
        if attached is None or attached.pronoun is not None:
            break
        np = attrs.evolve(np, end=attached.end)
    return np


def with_seat(doc: Doc, lexicon: Lexicon, np: NounPhrase, limit: int) -> NounPhrase:
    """An institution's mention with the place phrase after it („das Präsidialamt in Taipeh“)."""
    end = np.end
    if end + 1 >= limit or np.role_type != "organization":
        return np
    if "place_prep" not in function_word_classes(lexicon, doc.tokens[end].text.lower()):
        return np
    seat = parse_noun_phrase(doc, lexicon, end + 1, limit, coordination=False)
    if seat is None or not seat.name_tokens or seat.role is not None:
        return np
    return attrs.evolve(np, end=seat.end)


def _name_attribute(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> tuple[int, int] | None:
    """„für Umwelt“, „für Erziehung und Soziales“, „am Hafen“ after an institution noun: its name.

    Only nouns (capitalised, no time words such as „am Montag“), joined by „und“.
    """
    tokens = doc.tokens
    if i + 1 >= limit or tokens[i].text not in lexicon.attribution.name_attribute_prepositions:
        return None
    j = i + 1
    while j < limit and is_capitalised(doc, j) and not is_time_word(lexicon, tokens[j].text):
        j += 1
        if j + 1 < limit and tokens[j].text in lexicon.words.coordinators and is_capitalised(doc, j + 1):
            j += 1
    return (i, j) if j > i + 1 and tokens[j - 1].text not in lexicon.words.coordinators else None


def _sentence_initial_non_noun(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    """A word capitalised only because it opens a sentence: its lemma is lower case.

    Names and nouns keep their capital in the lemma („Merkel“, „Regierungskreis“);
    adverbs and adjectives lose it („Offiziell“ → „offiziell“).
    """
    tokens = doc.tokens
    if i > 0 and tokens[i - 1].kind not in ("punct", "quote"):
        return False
    text = tokens[i].text
    if not text[:1].isupper() or text in lexicon.first_names or lexicon.organization(text) is not None:
        return False
    if _PARTICIPLE_ADVERB.match(text):
        return True  # „Relativierend fügte er hinzu“, „Abschließend sagte sie“
    return doc.lemma(i)[:1].islower()


#: A present participle used as an adverb („Ergänzend“, „Zusammenfassend“); nouns
#: ending in -end are short („Abend“, „Jugend“, „Dutzend“).
_PARTICIPLE_ADVERB = regex.compile(r"^\p{Lu}\p{Ll}{4,}end$")


def _spokesperson_to_medium(doc: Doc, lexicon: Lexicon, role: str | None, det: int, start: int, end: int) -> bool:
    """„sagte ein Unternehmenssprecher der Nachrichtenagentur Reuters“: a dative, not „of Reuters“.

    Spokespeople speak to agencies and newspapers far more often than for them;
    after a spokesperson noun, „der“ + a medium is read as the addressee. So too
    after an age („sagte die 53-Jährige der „Zwickauer Tagespost““): nobody is a
    53-year-old of a newspaper.
    """
    if role is None or doc.tokens[det].text not in lexicon.rule_words.genitive_or_dative:
        return False
    if not _AGE.match(role) and not any(role.casefold().endswith(w) for w in lexicon.words.spokesperson):
        return False
    entry = organization_in(doc, lexicon, start, end)
    if entry is not None:
        return entry.type in ("media", "news_agency")
    if doc.tokens[start].kind == "quote":
        return True  # „der „Zwickauer Tagespost““: a title in quotation marks names a publication
    return org_kind(lexicon, doc.tokens[start].text) in MEDIUM_CLASSES


def _split_head(
    doc: Doc, lexicon: Lexicon, start: int, end: int, determiner: str | None
) -> tuple[str | None, str | None, tuple[int, ...], bool]:
    """Role noun and name tokens of a capitalised run („Präsident Wladimir Putin“)."""
    role = role_type = None
    last_role = start - 1
    age = False
    run = doc.tokens[start:end]  # a run is short (MAX_NP_TOKENS): read it once
    role_of = lexicon.role_of
    for i, tok in enumerate(run, start):
        text = tok.text
        if not text[:1].isupper() and _AGE.match(text):  # an age begins with a digit, never a capital
            role, role_type, last_role, age = text, "person", i, True
            continue
        entry = role_of(text)
        if entry is not None:
            role, role_type, last_role = text, entry.type, i
    given = _first_given_name(doc, lexicon, last_role + 1, end) if end - last_role > 2 else None  # needs a surname after it
    if given is not None and given > last_role + 1:
        # „Regisseur Jakob Wendt“, „Torhüter Lukas Herzig“: a capitalised word before a
        # given name is a role or title the lexicon does not know
        if role is None and doc.tokens[given - 1].text not in lexicon.titles:
            role, role_type = doc.tokens[given - 1].text, "person"
        last_role = given - 1
    unknown = _unknown_role(doc, lexicon, start, end) if role is None and determiner is not None else None
    if role is None and determiner is not None and unknown is None:
        return None, None, (), age  # „die Kanadier“, „die Polizei“: a description, not a name
    titles = lexicon.titles
    rest = enumerate(run[last_role + 1 - start :], last_role + 1)
    names = tuple([i for i, tok in rest if tok.kind == "word" and tok.text not in "()" and tok.text not in titles])
    # drop a bracketed party: „Tobias Brandt (CDU)“ names Tobias Brandt
    names = _before_bracket(doc, names) if names else names
    if unknown is not None:
        return doc.tokens[start].text, unknown, names[1:], age
    return role, role_type, names, age


def _unknown_role(doc: Doc, lexicon: Lexicon, start: int, end: int) -> str | None:
    """The type of a role noun the lexicon lacks, heading a name after a determiner.

    „der Dramatikerin Lene Paulsen“, „der Fußball-Bundesligist SV Lahntal“: after a
    determiner, a capitalised noun followed by a name of two or more words (or by
    any name when the noun is a kind of organisation in ``org_classes.tsv``) is a
    role. A capitalised adjective („der Deutsche Wetterdienst“) is part of the name.
    """
    first = doc.tokens[start].text
    if end - start < 2 or lexicon.organization(first) is not None:
        return None
    if not all(doc.tokens[i].kind == "word" and doc.tokens[i].text[:1].isupper() for i in range(start, end)):
        return None
    if org_class(lexicon, first) is not None:
        return "organization"  # „Der Autobauer Kessler Motoren“ (not an adjective, though it ends in -er)
    if _CAPITALISED_ADJECTIVE.match(first):
        return None
    return "person" if end - start >= 3 else None


def _first_given_name(doc: Doc, lexicon: Lexicon, start: int, end: int) -> int | None:
    """Index of the first given name in a capitalised run that a surname follows."""
    for i in range(start, end - 1):
        if doc.tokens[i].text in lexicon.first_names and (
            doc.tokens[i + 1].text[:1].isupper() or _is_link(doc, lexicon, i + 1)
        ):
            return i
    return None


def _before_bracket(doc: Doc, names: tuple[int, ...]) -> tuple[int, ...]:
    for n, i in enumerate(names):
        if i > 0 and doc.tokens[i - 1].text == "(":
            return names[:n]
    return names


def first_conjunct(np: NounPhrase) -> NounPhrase:
    """The first conjunct of a coordinated noun phrase."""
    end = np.coordinated.start - 1 if np.coordinated is not None else np.end
    return attrs.evolve(np, end=end, coordinated=None)


def can_be_subject(np: NounPhrase, lexicon: Lexicon) -> bool:
    """Whether a noun phrase can be a subject: not dative, accusative or genitive."""
    return not np.dative and "not_nominative" not in function_word_classes(lexicon, np.determiner or "")


def with_apposition(doc: Doc, lexicon: Lexicon, np: NounPhrase, limit: int) -> NounPhrase:
    """„Tegaye Mununhe, der Polizeichef der Region,“: one mention over both.

    The name-bearing part decides the entity; the role of the other is kept.
    """
    tokens = doc.tokens
    if np.end + 1 >= limit or tokens[np.end].text != "," or np.pronoun is not None:
        return np
    other = parse_noun_phrase(doc, lexicon, np.end + 1, limit)
    if other is None or other.pronoun is not None or not (other.name_tokens or other.role):
        return np
    if other.end < limit and tokens[other.end].text not in (",", "–", "—"):
        return np  # not closed off: „Kim, Putin sagte …“ is no apposition
    if np.name_tokens or not other.name_tokens:
        return attrs.evolve(np, end=other.end, role=np.role or other.role, role_type=np.role_type or other.role_type)
    return attrs.evolve(other, start=np.start, role=other.role or np.role, role_type=other.role_type or np.role_type)


def extended(doc: Doc, lexicon: Lexicon, np: NounPhrase, limit: int) -> NounPhrase:
    """The mention with its apposition and the phrases that belong to its noun.

    „Der Bürgermeister von Marathonas“, „die Provinzregierung in Helmand“ (a
    place phrase after an institution), but not „aus heiterem Himmel“ (an
    adverbial without article).
    """
    np = with_apposition(doc, lexicon, np, limit)
    if np.pronoun is not None:
        return np
    institution = np.role_type == "organization" or (not np.name_tokens and np.role is not None and np.role_type != "person")
    end = np.end
    while end + 1 < limit:
        more = _attached_phrase(doc, lexicon, end, limit, institution)
        if more is None:
            break
        end = more.end
    return attrs.evolve(np, end=end) if end != np.end else np


def _attached_phrase(doc: Doc, lexicon: Lexicon, i: int, limit: int, institution: bool) -> NounPhrase | None:
    """The noun phrase of a prepositional phrase at ``i`` that belongs to the noun before it, if any."""
    classes = function_word_classes(lexicon, doc.tokens[i].text.lower())
    if not ("attached_prep" in classes or ("place_prep" in classes and institution)):
        return None
    if "article_prep" not in classes and adverbial_phrase(doc, lexicon, i + 1):
        return None
    more = parse_noun_phrase(doc, lexicon, i + 1, limit, coordination=False)
    if more is None or more.pronoun is not None or more.end <= i + 1 and not more.name_tokens:
        return None
    return more


def adverbial_phrase(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    """A prepositional object with no article and no name: „heiterem Himmel“, „Sicherheitsgründen“."""
    tok = doc.tokens[i]
    if tok.kind != "word" or function_word_classes(lexicon, tok.text):
        return False
    if tok.text[:1].islower():
        return True  # an adjective opens it
    # an inflected common noun keeps no capital-letter lemma of its own form („Gründen“ → „Grund“)
    return doc.lemma(i) != tok.text and tok.text not in lexicon.first_names and lexicon.organization(tok.text) is None


def np_ending_at(
    doc: Doc, lexicon: Lexicon, end: int, floor: int, reach: int = tuning.NP_BEFORE_TOKENS, seat: bool = False
) -> NounPhrase | None:
    """The longest noun phrase that ends right before token ``end``, starting at most ``reach`` tokens before it.

    It never starts at a verb („sagte Brandt der Zeitung zufolge“: „der Zeitung“).
    With ``seat`` an organisation's seat belongs to it („Dem Innenministerium in
    Wien zufolge“: „Dem Innenministerium in Wien“, Wien its seat).
    """
    for k in range(max(floor, end - reach), end):
        if is_speech_verb(doc, lexicon, k) or "aux" in function_word_classes(lexicon, doc.tokens[k].text):
            continue
        np = parse_noun_phrase(doc, lexicon, k, end)
        if seat and np is not None and np.end < end:
            np = with_seat(doc, lexicon, np, end)
        if np is not None and np.end == end:
            return np
    return None
