"""Mentions of people and organisations, and which entity each refers to.

Two jobs, both on surface patterns (a parsing backend only adds to them):

* :func:`parse_noun_phrase` reads the noun phrase at a token: determiner,
  adjectives, role nouns („Präsident“, „Gewerkschaftschef“), a proper name and
  at most one genitive attribute („Ein Sprecher des Gesundheitsministeriums“).
* :class:`Coreference` scans the whole document once for named mentions
  („der russische Präsident Wladimir Putin“, „Katrin Oswald, Sprecherin der
  Bahn,“) and resolves later mentions to one canonical name per entity: a
  surname to the full name („Putin“ → „Wladimir Putin“, spelling variants such
  as „Kim Jong-un“/„Kim Jong Un“ compared without hyphens), a pronoun to the
  nearest compatible entity, a description („der Minister“, „die Behörde“,
  „der 41-Jährige“) to the last entity with that role. What cannot be resolved
  stays ``None`` rather than being guessed.
"""

from __future__ import annotations

import bisect
import functools
from typing import Callable, Iterable, Iterator, Sequence

import attrs
import regex
from attrs import define, field, frozen

from quotecheck.analysis.base import Doc
from quotecheck.lexicon import DETERMINER_CLASSES, Lexicon, OrgClass, Organization, data_file, parse_org_classes, words_of_class

__all__ = [
    "SUBJECT_PRONOUNS",
    "NounPhrase",
    "Entity",
    "Coreference",
    "function_word_classes",
    "parse_noun_phrase",
    "organization_in",
]

_ADJECTIVE = regex.compile(r"^\p{Ll}[\p{L}-]*(?:e|en|er|es|em)$|^\d+\.$")
_CAPITALISED_ADJECTIVE = regex.compile(r"^\p{Lu}\p{Ll}+(?:e|en|er|es|em)$")
_INITIAL = regex.compile(r"^\p{Lu}\.$")
_AGE = regex.compile(r"^\d+-[Jj]ährige[nr]?$")
_MAX_NP = 12
_NAME_SEPARATORS = regex.compile(r"[\s\-]+")
#: Personal pronouns that can stand for a speaker (a noun phrase on their own).
SUBJECT_PRONOUNS = frozenset({"er", "sie", "ich", "wir"})
_INDEFINITE = words_of_class("function_words.tsv", "indefinite")
_FEMININE_DETERMINERS = words_of_class("function_words.tsv", "feminine")
_DEFINITE = words_of_class("function_words.tsv", "definite")
#: Function-word classes that nouns or name parts carry: they may open a noun phrase.
_NOUN_CLASSES = frozenset({"name_link", "not_nominative", "spokesperson", "report_noun"})
#: How far back (in sentences) a pronoun or description looks for its entity.
_LOOKBACK_SENTENCES = 12
#: A bare „ein Sprecher“ speaks for an organisation of its own or the previous sentence only.
_BARE_SPOKESPERSON_LOOKBACK = 1
#: … and a description of an institution („das Gericht“), which an article keeps referring to.
_ORGANIZATION_LOOKBACK = 60


@functools.cache
def _org_table() -> dict[str, OrgClass]:
    """``org_classes.tsv``, read once: noun (lower case) → its organisation class."""
    return parse_org_classes(*data_file("org_classes.tsv"))


@functools.lru_cache(maxsize=8192)
def _org_suffixes(noun: str) -> tuple[tuple[int, OrgClass], ...]:
    """Every ``org_classes.tsv`` noun the word ends in, longest first, with where it starts.

    „Außenministerium“ → ((0, aussenministerium), (5, ministerium)): the word itself,
    then its compound heads. All the org-class questions below read this one scan.
    """
    folded = noun.casefold()
    table = _org_table()
    return tuple((k, table[folded[k:]]) for k in range(len(folded)) if folded[k:] in table)


def org_gender(noun: str) -> str | None:
    """The gender of an institution noun or compound („Außenministerium“ → n), if listed."""
    return next((entry.gender for _, entry in _org_suffixes(noun) if entry.gender), None)


def named_by_seat(noun: str) -> bool:
    """Whether a one-word name after this institution noun is its seat („Staatsanwaltschaft Ravensburg“)."""
    found = _org_suffixes(noun)
    return found[0][1].seat if found else False


def _compound_institution(noun: str) -> bool:
    """„Außenministerium“, „Stadtverwaltung“: a compound of an institution noun names one institution.

    The bare noun („das Ministerium“, „die Verwaltung“) only describes one.
    """
    return any(2 <= k < len(noun.casefold()) - 2 for k, _ in _org_suffixes(noun))


def _origin_qualified(longer: str, shorter: str) -> bool:
    """„Chinas Aussenministerium“ is not „das Aussenministerium“ (in Pjöngjang).

    An institution named with its origin („Chinas“, „Südkoreanisches“,
    „Hamburger“) is one of many of its kind; a bare mention refers to it only as
    a description, which :meth:`Coreference._by_role` resolves, not by name.
    """
    extra = longer.split()[: len(longer.split()) - len(shorter.split())]
    if not extra or longer.split()[len(extra):] != shorter.split():
        return False
    return all(_ORIGIN_WORD.match(word) for word in extra)


#: A capitalised adjective of origin („Südkoreanisches“), of place („Hamburger“), or a genitive („Chinas“).
_ORIGIN_WORD = regex.compile(r"^\p{Lu}\p{Ll}+(?:isch(?:e|er|es|en|em)?|er|s)$")


@functools.lru_cache(maxsize=8192)
def org_class(noun: str) -> tuple[str, bool] | None:
    """The organisation class of a role noun or compound („Autozulieferer“ → Unternehmen)."""
    found = _org_suffixes(noun)
    if found and found[0][0] == 0:
        return found[0][1].cls, found[0][1].generic
    folded = noun.casefold()
    table = _org_table()
    for suffix in ("es", "s", "n"):  # a genitive or plural form of a listed noun („Verbands“)
        if folded.endswith(suffix) and folded[: -len(suffix)] in table:
            entry = table[folded[: -len(suffix)]]
            return entry.cls, entry.generic
    return (found[0][1].cls, False) if found else None


def org_kind(noun: str) -> str | None:
    """Just the class of :func:`org_class` („Zeitung“ → Medium), or None."""
    found = org_class(noun)
    return found[0] if found is not None else None


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


def function_word_classes(lexicon: Lexicon, word: str) -> frozenset[str]:
    """The ``function_words.tsv`` classes of a word (lower-cased); empty for other words."""
    return lexicon.function_words.get(word.lower(), frozenset())


@functools.lru_cache(maxsize=4096)
def _compound_time(word: str) -> bool:
    """„Sonntagabend“, „Montagmorgen“: two time words in one."""
    times = words_of_class("function_words.tsv", "time")
    return any(word[:k] in times and word[k:] in times for k in range(3, len(word) - 3))


def is_time_word(lexicon: Lexicon, word: str) -> bool:
    """A weekday, month or time of day, alone or compounded („Sonntagabend“)."""
    return "time" in function_word_classes(lexicon, word) or _compound_time(word.lower())


def _capitalised(doc: Doc, i: int) -> bool:
    tok = doc.tokens[i]
    return tok.kind == "word" and tok.text[:1].isupper()


def _is_link(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    word = doc.tokens[i].text
    if "name_link" in function_word_classes(lexicon, word):
        return True
    return word == "der" and i > 0 and doc.tokens[i - 1].text.lower() in ("von", "van", "de")


def _name_link(doc: Doc, lexicon: Lexicon, i: int, limit: int, head_start: int) -> bool:
    """„von der“, „al“ … inside a name („Ursula von der Leyen“).

    Only right after a first name (one capitalised word, or a known given name),
    and only before a
    capitalised word that is not an organisation, so that „Anna Müller von der
    SPD“ is not read as one name.
    """
    if not _is_link(doc, lexicon, i) or not _capitalised(doc, i - 1):
        return False
    if lexicon.role_of(doc.tokens[i - 1].text) is not None:
        return False  # „Ein Sprecher von Pro Asyl“: after a role noun „von“ attaches, it links no name
    if i - head_start != 1 and doc.tokens[i - 1].text not in lexicon.first_names:
        return False  # „der Niederländer Ruud van Dam“: a given name after a role noun
    j = i + 1
    while j < limit and _is_link(doc, lexicon, j):
        j += 1
    if j >= limit or not _capitalised(doc, j):
        return False
    k = j
    while k < limit and _capitalised(doc, k):
        k += 1
    return organization_in(doc, lexicon, j, k) is None  # „von der IG Metall“ names an employer


def _skip_adjectives(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> int:
    """Past the attributive adjectives at ``i``: words with an adjective ending.

    A determiner („die“) or a speech verb („teilte“) ends like one but opens no
    attribute: „Das teilte die Notenbank mit“ has no noun phrase at „Das“.
    """
    tokens = doc.tokens
    while i < limit and tokens[i].kind in ("word", "number") and _ADJECTIVE.match(tokens[i].text):
        word = tokens[i].text
        if function_word_classes(lexicon, word) & DETERMINER_CLASSES or doc.lemma(i).lower() in lexicon.speech_verbs:
            break
        i += 1
    return i


_AGE_ADJECTIVE = regex.compile(r"^alt(?:e|en|er|es|em)?$")


def _skip_age(doc: Doc, i: int, limit: int) -> int:
    """„Der 29 Jahre alte IT-Techniker“: the age phrase before the noun is an adjective."""
    tokens = doc.tokens
    if i + 2 < limit and tokens[i].kind == "number" and tokens[i + 1].text == "Jahre" and _AGE_ADJECTIVE.match(tokens[i + 2].text):
        return i + 3
    return i


def _agency_after_person(doc: Doc, lexicon: Lexicon, start: int, i: int) -> bool:
    """A gazetteer organisation at ``i`` right after a run holding a given name."""
    if not any(doc.tokens[k].text in lexicon.first_names for k in range(start, i)):
        return False
    return lexicon.organization(doc.tokens[i].text) is not None


def _capitalised_run(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> int:
    start = i
    tokens = doc.tokens
    while i < limit:
        if is_time_word(lexicon, tokens[i].text):
            break  # „am Montag Kim Jong Un“: the weekday is no part of the name
        if i > start and tokens[i].kind == "word" and _agency_after_person(doc, lexicon, start, i):
            break  # „Erik Brandt Reuters zufolge“: the agency is no part of his name
        if _capitalised(doc, i) or _INITIAL.match(tokens[i].text) or _AGE.match(tokens[i].text):
            i += 1
        elif tokens[i].kind == "word" and lexicon.organization(tokens[i].text) is not None:
            i += 1  # a lower-case agency name: „laut der dpa“, „die taz“
        elif _name_link(doc, lexicon, i, limit, start):
            while i < limit and _is_link(doc, lexicon, i):
                i += 1
        elif tokens[i].text == "(" and i + 2 < limit and tokens[i + 2].text == ")" and i > start:
            i += 3  # party or age in brackets: „Tobias Brandt (CDU)“
        else:
            break
    return i


def parse_noun_phrase(
    doc: Doc, lexicon: Lexicon, start: int, limit: int, *, coordination: bool = True
) -> NounPhrase | None:
    """The noun phrase beginning at token ``start`` (not beyond ``limit``), if any.

    Grammar (surface): [determiner] adjective* capitalised-word+ (with name
    links such as „von der“ and a bracketed party), then at most one genitive
    attribute („des Ministeriums“), then optionally „und“ + a second phrase. A
    personal pronoun on its own is a noun phrase too.
    """
    tokens = doc.tokens
    limit = min(limit, len(tokens), start + _MAX_NP)
    if start < limit and tokens[start].kind == "quote":
        title = _quoted_title(doc, start, limit)
        if title is None:
            return None
        # „laut „Wirtschaftswoche““: a quoted title alone names a medium
        return NounPhrase(start, title[1] + 1, None, tuple(range(title[0], title[1])), role_type="organization")
    if start >= limit or tokens[start].kind not in ("word", "number"):
        return None
    lower = tokens[start].text.lower()
    if lower in SUBJECT_PRONOUNS and lower in lexicon.pronouns:
        return NounPhrase(start, start + 1, pronoun=lower)
    i = start
    determiner = None
    classes = function_word_classes(lexicon, lower)
    if classes & DETERMINER_CLASSES:
        determiner = lower
        i += 1
    elif classes - _NOUN_CLASSES:
        return None  # „Am Montag“, „Zudem“, „Dabei“, „Montag“: not the start of a mention
    elif _sentence_initial_non_noun(doc, lexicon, start):
        return None  # „Offiziell geht …“, „Bislang gingen …“: capitalised only by position
    i = _skip_adjectives(doc, lexicon, _skip_age(doc, i, limit), limit)
    head_start = i
    i = _capitalised_run(doc, lexicon, i, limit)
    if i == head_start:
        title = _quoted_title(doc, i, limit) if determiner is not None else None
        if title is None:
            return None
        # „der „Bild““, „des „Kurier““: a quoted title is the name of a medium
        return NounPhrase(start, title[1] + 1, determiner, tuple(range(title[0], title[1])), role_type="organization")
    role, role_type, names, age = _split_head(doc, lexicon, head_start, i, determiner)
    title = _quoted_title(doc, i, limit)
    if title is not None and role_type == "organization":
        # „die Zeitung „Kurier““: the quoted title is the medium's name
        names, i = tuple(range(title[0], title[1])), title[1] + 1
    genitive = None
    # „des“ always opens a genitive; „der“ only after a role without a name or a statement
    # noun („Sprecherin der Bahn“, „Angaben der Feuerwehr“), since elsewhere it may open a
    # dative addressee („sagte Kim der Zeitung“, „Sabine Krull der Nachrichtenagentur“)
    if i < limit and (
        tokens[i].text in _GENITIVE_ONLY
        or tokens[i].text in _GENITIVE_AMBIGUOUS and (role is not None and not names or is_report_noun(lexicon, tokens[i - 1].text))
    ):
        j = _skip_adjectives(doc, lexicon, i + 1, limit)
        k = _capitalised_run(doc, lexicon, j, limit)
        title = _quoted_title(doc, k, limit)
        if title is not None:
            k = title[1] + 1  # „eines Berichts der „Frankfurter Allgemeinen Zeitung““
        if k > j and not _spokesperson_to_medium(doc, lexicon, role, i, j, k):
            genitive = (i, k)
            i = k
    attribute = None
    if role_type == "organization" and not names and genitive is None:
        attribute = _name_attribute(doc, lexicon, i, limit)
        i = attribute[1] if attribute is not None else i
    dative = "det_dative" in function_word_classes(lexicon, determiner or "") or (
        determiner == "den" and tokens[i - 1].text.endswith("n") and role is not None
    )
    coordinated = None
    if coordination and i + 1 < limit and "coord" in function_word_classes(lexicon, tokens[i].text):
        second = parse_noun_phrase(doc, lexicon, i + 1, limit, coordination=False)
        if second is not None and second.pronoun is None and (second.name_tokens or second.role):
            coordinated = second
            i = second.end
    return NounPhrase(start, i, determiner, names, role, role_type, None, dative, genitive, age, coordinated, attribute)


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
    if i + 1 >= limit or tokens[i].text not in ("für", "am"):
        return None
    j = i + 1
    while j < limit and _capitalised(doc, j) and not is_time_word(lexicon, tokens[j].text):
        j += 1
        if j + 1 < limit and tokens[j].text == "und" and _capitalised(doc, j + 1):
            j += 1
    return (i, j) if j > i + 1 and tokens[j - 1].text != "und" else None


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


#: Determiners that can only open a genitive after a noun („des“, „seines“) …
_GENITIVE_ONLY = words_of_class("rule_words.tsv", "genitive")
#: … and those that can also open a dative or a new phrase („der“, „einer“).
_GENITIVE_AMBIGUOUS = words_of_class("rule_words.tsv", "genitive_or_dative")


def _spokesperson_to_medium(doc: Doc, lexicon: Lexicon, role: str | None, det: int, start: int, end: int) -> bool:
    """„sagte ein Unternehmenssprecher der Nachrichtenagentur Reuters“: a dative, not „of Reuters“.

    Spokespeople speak to agencies and newspapers far more often than for them;
    after a spokesperson noun, „der“ + a medium is read as the addressee.
    """
    if role is None or doc.tokens[det].text not in _GENITIVE_AMBIGUOUS:
        return False
    if not any(role.casefold().endswith(w) for w in _spokesperson_words()):
        return False
    entry = organization_in(doc, lexicon, start, end)
    if entry is not None:
        return entry.type in ("media", "news_agency")
    return org_kind(doc.tokens[start].text) == "Medium"


def is_report_noun(lexicon: Lexicon, word: str) -> bool:
    """A report or statement noun, or a compound ending in one („Nachbefragung“ ends in „befragung“)."""
    folded = word.casefold()
    if not word[:1].isupper():
        return False
    return any("report_noun" in function_word_classes(lexicon, folded[k:]) for k in range(len(folded) - 4))


def _quoted_title(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """Token range of a short quoted title right at ``i`` („„Kurier““), if any."""
    tokens = doc.tokens
    if i >= limit or tokens[i].kind != "quote":
        return None
    for j in range(i + 1, min(limit, i + 6)):
        if tokens[j].kind == "quote":
            return (i + 1, j) if j > i + 1 else None
        if tokens[j].kind != "word":
            return None
    return None


def _split_head(
    doc: Doc, lexicon: Lexicon, start: int, end: int, determiner: str | None
) -> tuple[str | None, str | None, tuple[int, ...], bool]:
    """Role noun and name tokens of a capitalised run („Präsident Wladimir Putin“)."""
    role = role_type = None
    last_role = start - 1
    age = False
    for i in range(start, end):
        text = doc.tokens[i].text
        if _AGE.match(text):
            role, role_type, last_role, age = text, "person", i, True
            continue
        entry = lexicon.role_of(text)
        if entry is not None:
            role, role_type, last_role = text, entry.type, i
    given = _first_given_name(doc, lexicon, last_role + 1, end)
    if given is not None and given > last_role + 1:
        # „Regisseur Jakob Wendt“, „Torhüter Lukas Herzig“: a capitalised word before a
        # given name is a role or title the lexicon does not know
        if role is None and doc.tokens[given - 1].text not in lexicon.titles:
            role, role_type = doc.tokens[given - 1].text, "person"
        last_role = given - 1
    names = tuple(
        i
        for i in range(last_role + 1, end)
        if doc.tokens[i].kind == "word" and doc.tokens[i].text not in "()" and doc.tokens[i].text not in lexicon.titles
    )
    # drop a bracketed party: „Tobias Brandt (CDU)“ names Tobias Brandt
    names = _before_bracket(doc, names)
    if role is None and determiner is not None:
        unknown = _unknown_role(doc, lexicon, start, end)
        if unknown is not None:
            return doc.tokens[start].text, unknown, names[1:], age
        names = ()  # „die Kanadier“, „die Polizei“: a description, not a name
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
    if org_class(first) is not None:
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


def text_of(doc: Doc, start: int, end: int) -> str:
    return doc.text[doc.tokens[start].start : doc.tokens[end - 1].end]


def organization_in(doc: Doc, lexicon: Lexicon, start: int, end: int) -> Organization | None:
    """The gazetteer entry a token run names, longest alias first."""
    for length in range(min(5, end - start), 0, -1):
        for i in range(start, end - length + 1):
            entry = lexicon.organization(text_of(doc, i, i + length))
            if entry is not None:
                return entry
    return None


@functools.lru_cache(maxsize=65536)
def _key(name: str) -> tuple[str, ...]:
    """Comparison key of a name: case-folded words, hyphens as spaces."""
    return tuple(w for w in _NAME_SEPARATORS.split(name.casefold()) if w)


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(tuple(longer[k : k + n]) == tuple(shorter) for k in range(len(longer) - n + 1))


@define
class Entity:
    """One person or organisation of a document, with what it was called."""

    name: str
    type: str  # person / organization / unknown
    gender: str | None = None  # m / f / None
    roles: set[str] = field(factory=set)
    org_type: str | None = None  # the gazetteer's type for organisations


@frozen
class _Occurrence:
    token: int
    entity: Entity


class Coreference:
    """Entities of one document and their mentions, in text order.

    Built once per document from every named mention (not only speakers), so
    that „Oswald“ finds the „Katrin Oswald“ introduced in an earlier sentence
    and „der Richter“ finds the judge named with that role.
    """

    def __init__(self, doc: Doc, lexicon: Lexicon, skip: Iterable[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.entities: list[Entity] = []
        self.occurrences: list[_Occurrence] = []
        self._by_word: dict[str, list[Entity]] = {}
        self._order: dict[int, int] = {}
        self._places = _places(doc, lexicon)
        self._scan(sorted(skip))

    # --- building -----------------------------------------------------------------

    def _scan(self, skip: list[tuple[int, int]]) -> None:
        """Register named mentions outside quoted content, left to right."""
        doc, lexicon = self.doc, self.lexicon
        tokens = doc.tokens
        skip_index = 0
        for sentence in doc.sentences:
            i = sentence.first
            while i < sentence.last:
                while skip_index < len(skip) and skip[skip_index][1] <= tokens[i].start:
                    skip_index += 1
                if skip_index < len(skip) and skip[skip_index][0] <= tokens[i].start < skip[skip_index][1]:
                    i += 1
                    continue
                tok = tokens[i]
                if tok.kind != "word" or not (tok.text[:1].isupper() or function_word_classes(lexicon, tok.text) & {"det"}):
                    i += 1
                    continue
                np = parse_noun_phrase(doc, lexicon, i, sentence.last, coordination=False)
                if np is None:
                    i += 1
                    continue
                self._register(np)
                i = max(np.end, i + 1)

    def _register(self, np: NounPhrase) -> Entity | None:
        entity = self._entity_of(np)
        if entity is not None:
            self.occurrences.append(_Occurrence(np.start, entity))
            self._apposition(np, entity)
            self._abbreviation(np, entity)
        return entity

    def _abbreviation(self, np: NounPhrase, entity: Entity) -> None:
        """„das Kraftfahrt-Bundesamt (KBA)“: the bracketed short form names the same organisation.

        It becomes one of the entity's roles, so that „eine KBA-Sprecherin“ and „das
        KBA“ find it.
        """
        if entity.type != "organization":
            return
        tokens = self.doc.tokens
        end = min(np.end + 3, len(tokens))
        for k in range(np.start, end - 2):
            if tokens[k].text == "(" and tokens[k + 2].text == ")" and _SHORT_FORM.match(tokens[k + 1].text):
                entity.roles.add(tokens[k + 1].text)
                self._index(entity, _key(tokens[k + 1].text))
                return

    def _apposition(self, np: NounPhrase, entity: Entity) -> None:
        """„Katrin Oswald, Sprecherin der Bahn,“: the role after the comma is hers."""
        tokens = self.doc.tokens
        if np.end + 1 < len(tokens) and tokens[np.end].text == "," and entity.type == "person":
            nxt = parse_noun_phrase(self.doc, self.lexicon, np.end + 1, len(tokens), coordination=False)
            if nxt is not None and nxt.role is not None and not nxt.name_tokens and nxt.role_type == "person":
                entity.roles.add(nxt.role)
                entity.gender = entity.gender or _role_gender(nxt.role)

    def _entity_of(self, np: NounPhrase) -> Entity | None:
        doc, lexicon = self.doc, self.lexicon
        # „Patrick Georg von der IG Metall“: an organisation after the name is where the person works
        head_end = max(np.name_tokens) + 1 if np.name_tokens else np.end
        organization = organization_in(doc, lexicon, np.start, head_end)
        if organization is not None and not (np.role_type == "person" and np.name_tokens):
            entity = self._add(organization.name, "organization", None, np.role)
            entity.org_type = organization.type
            return entity
        if not np.name_tokens:
            if np.attribute is not None and np.role and np.determiner not in _INDEFINITE:
                # „das Bundesamt für Umwelt“, „das Theater am Hafen“: named by noun and attribute
                name = f"{_origin_name(doc, lexicon, np, _nominative(lexicon, np.role))} {text_of(doc, *np.attribute)}"
                return self._add(name, "organization", None, np.role)
            if np.genitive is not None and np.role_type == "organization" and np.role and np.determiner not in _INDEFINITE:
                # „der Fraktion der Freien Wähler“, „vom Bundesverband der Landwirte“
                owner_end = next((k for k in range(*np.genitive) if doc.tokens[k].text == "("), np.genitive[1])
                # „des Zentralverbands der deutschen Seehafenbetriebe (ZDS)“: without the bracket
                name = f"{_origin_name(doc, lexicon, np, _nominative(lexicon, np.role))} {text_of(doc, np.genitive[0], owner_end)}"
                return self._add(name, "organization", None, np.role)
            if np.role_type == "organization" and np.determiner not in _INDEFINITE and np.role:
                # „das Gesundheitsministerium“ names an institution; „die Behörde“ describes one
                entry = lexicon.role_of(np.role)
                noun = _nominative(lexicon, np.role)
                if entry is not None and (entry.noun.casefold() != noun.casefold() or _compound_institution(noun)):
                    # the same noun, not just the same head: „Rechnungsprüfungsamt“ is no „Landratsamt“
                    earlier = self._recent(np.start, lambda e: _has_role(e, noun, noun.casefold()), _ORGANIZATION_LOOKBACK)
                    if earlier is not None and earlier.type == "organization":
                        return earlier  # „Der Krankenkasse zufolge“ after „der Krankenkasse Nordwest-BKK“
                    name = _origin_name(doc, lexicon, np, noun)
                    return self._add(name, "organization", None, name)
            return None
        name = " ".join(doc.tokens[i].text for i in np.name_tokens)
        if np.role_type == "organization" and np.role and _ABBREVIATION.match(np.role):
            # „der TSV Grünwald“, „der VfB Stuttgart“: the club's abbreviation is part of its name
            return self._add(f"{np.role} {name}", "organization", None, np.role)
        noun = _nominative(lexicon, np.role) if np.role else None
        if np.role_type == "organization" and noun and len(np.name_tokens) == 1 and (name in self._places or named_by_seat(noun)):
            # „die Stadtwerke Bergheim“, „das Landgericht Kassel“: an institution named by its place
            name = f"{noun} {name}"
            return self._add(name, "organization", None, np.role)
        first = doc.tokens[np.name_tokens[0]].text
        gender = lexicon.first_names.get(first)
        gender = gender if gender in ("m", "f") else None
        if np.role_type == "organization":
            kind = "organization"
        elif np.role is not None or first in lexicon.first_names:
            kind = "person"
        elif len(np.name_tokens) == 1:
            # a lone capitalised word is a name only if it matches a known entity
            # (resolve() names it when it speaks: „sagte Kim“)
            return self._find_name(_key(name))
        else:
            if first not in lexicon.first_names and (
                self._common_noun_at(np.name_tokens[0])
                or np.start > 0 and "place_prep" in function_word_classes(lexicon, doc.tokens[np.start - 1].text)
            ):
                # „3,4 Millionen Euro“: an inflected common noun opens it; „im Stadtteil Linden“: a place
                return None
            kind = "person"
            surname = self._role_before_surname(np)
            if surname is not None:
                return surname
        return self._add(name, kind, gender or _role_gender(np.role), np.role)

    def _role_before_surname(self, np: NounPhrase) -> Entity | None:
        """„Torschütze Vukić“ after „Kapitän Marco Vukić“: an unknown role noun and a surname.

        A capitalised word that is no given name, before the rest of a known
        person's name, is a role the lexicon lacks rather than part of the name.
        """
        doc = self.doc
        if np.role is not None or len(np.name_tokens) < 2 or doc.tokens[np.name_tokens[0]].text in self.lexicon.first_names:
            return None
        rest = _key(" ".join(doc.tokens[i].text for i in np.name_tokens[1:]))
        for entity in self._candidates(rest):
            other = _key(entity.name)
            if entity.type == "person" and len(other) > len(rest) and tuple(other[-len(rest):]) == rest:
                entity.roles.add(doc.tokens[np.name_tokens[0]].text)
                return entity
        return None

    def _candidates(self, key: tuple[str, ...]) -> list[Entity]:
        """Entities sharing a name word with ``key``, most recent first.

        Two names can only contain one another if they share a word, so an index
        from words to entities keeps this linear in the document, not quadratic.
        """
        seen: dict[int, Entity] = {}
        for word in key:
            for entity in self._by_word.get(word, ()):
                seen[id(entity)] = entity
        return sorted(seen.values(), key=lambda e: -self._order[id(e)])

    def _find_name(self, key: tuple[str, ...]) -> Entity | None:
        """The most recent entity whose name contains ``key`` or is contained in it.

        Among organisations the first one wins instead: „laut Bahn“ is the article's
        „Deutsche Bahn“, not the „Pro Bahn“ mentioned last.
        """
        found = [e for e in self._candidates(key) if _contains(_key(e.name), key) or _contains(key, _key(e.name))]
        if found and all(e.type == "organization" for e in found):
            return min(found, key=lambda e: self._order[id(e)])
        return found[0] if found else None

    def _add(self, name: str, type: str, gender: str | None, role: str | None) -> Entity:
        key = _key(name)
        for entity in self._candidates(key):
            other = _key(entity.name)
            if other == key or (type == entity.type or "unknown" in (type, entity.type)) and (
                _contains(other, key) and not (type == "organization" and _origin_qualified(entity.name, name))
                or _contains(key, other) and not (type == "organization" and _origin_qualified(name, entity.name))
            ):
                if len(key) > len(other):
                    entity.name = name  # the longer form is canonical
                    self._index(entity, key)
                if entity.type == "unknown":
                    entity.type = type
                entity.gender = entity.gender or gender
                if role:
                    entity.roles.add(role)
                return entity
        entity = Entity(name, type, gender, {role} if role else set())
        self._order[id(entity)] = len(self.entities)
        self.entities.append(entity)
        self._index(entity, key)
        return entity

    def _index(self, entity: Entity, key: tuple[str, ...]) -> None:
        for word in key:
            bucket = self._by_word.setdefault(word, [])
            if entity not in bucket:
                bucket.append(entity)

    # --- resolving ----------------------------------------------------------------

    def resolve(self, np: NounPhrase, last_speaker: Entity | None = None) -> tuple[Entity | None, str]:
        """The entity a speaker mention refers to (or None) and the mention's type."""
        if np.coordinated is not None:
            first, kind = self.resolve(_first_conjunct(np), last_speaker)
            second, _ = self.resolve(np.coordinated, last_speaker)
            if first is not None and second is not None:
                return Entity(f"{first.name} und {second.name}", first.type), first.type
            return None, kind
        if np.pronoun is not None:
            return self._pronoun(np, last_speaker)
        named = self._entity_of(np)
        if named is None and np.name_tokens and np.determiner is None and np.role is None and not self._common_noun(np):
            # a name nobody introduced („sagte Kim“) is its own canonical name
            named = self._add(" ".join(self.doc.tokens[i].text for i in np.name_tokens), "person", None, None)
        if named is not None:
            if named.type == "unknown":
                named.type = "person"  # a name that speaks and is no organisation
            return named, named.type
        kind = "organization" if np.role_type == "organization" else "person" if np.role else "unknown"
        if np.determiner in _DEFINITE and np.role_type != "person" and not np.name_tokens and np.genitive is None:
            # „die Bahn“ after „die Deutsche Bahn“, „das Theater“ after „das Theater am Hafen“
            short = self._organization_named(self.doc.tokens[np.end - 1].text)
            if short is not None and (np.role is None or self._by_role(np, None) is None):
                return short, "organization"
        if np.role is not None and np.determiner not in _INDEFINITE:
            entity = self._by_role(np, last_speaker)
            if entity is None and np.role_type == "organization" and (np.determiner in _DEFINITE or np.determiner is None and np.end - np.start == 1):
                # „die Polizei“, „laut Feuerwehr“ with no antecedent: the institution itself
                name = _origin_name(self.doc, self.lexicon, np, _nominative(self.lexicon, np.role))
                entity = self._add(name, "organization", None, name if name != np.role else np.role)
            return entity, entity.type if entity is not None else kind
        if np.genitive is not None and np.role_type == "person":
            # „Ein Sprecher des Gesundheitsministeriums“ speaks for the ministry
            owner = parse_noun_phrase(self.doc, self.lexicon, np.genitive[0], np.genitive[1], coordination=False)
            if owner is not None:
                entity = self._entity_of(owner)
                if entity is None and owner.role is not None and owner.role_type == "organization":
                    # „Ein Sprecher des Ministeriums“: the ministry named before
                    entity = self._by_role(owner, None) or self._add(
                        _origin_name(self.doc, self.lexicon, owner, _nominative(self.lexicon, owner.role)), "organization", None, owner.role
                    )
                if entity is not None and entity.type == "organization":
                    return entity, "organization"
        if np.genitive is None and np.role and _speaks_for(np.role):
            # „Ein Sprecher von Pro Asyl“: a spokesperson's „von“-owner is an organisation
            von = next((k for k in range(np.start, min(np.end + 1, len(self.doc.tokens) - 1))
                        if "source_prep" in function_word_classes(self.lexicon, self.doc.tokens[k].text)), None)
            owner = _von_owner(self.doc, self.lexicon, von) if von is not None else None
            if owner is not None:
                entity = self._entity_of(owner)
                if entity is None or entity.type != "organization":
                    name = " ".join(self.doc.tokens[i].text for i in owner.name_tokens)
                    entity = self._add(name, "organization", None, None) if name else None
                if entity is not None:
                    return entity, "organization"
        if np.genitive is None and np.role_type == "person" and np.role and not np.name_tokens:
            # „ein Polizeisprecher“: the spokesperson of the police named before
            owner_entity = self._spokesperson_of(np)
            if owner_entity is not None:
                return owner_entity, "organization"
        return None, kind

    def _organization_named(self, word: str) -> Entity | None:
        """The first organisation (usually the article's main one) whose multi-word name contains ``word``."""
        folded = _key(word)
        if len(folded) != 1:
            return None
        found = [e for e in self._by_word.get(folded[0], ()) if e.type == "organization" and len(_key(e.name)) > 1]
        return min(found, key=lambda e: self._order[id(e)]) if found else None

    def _spokesperson_of(self, np: NounPhrase) -> Entity | None:
        """The organisation a spokesperson speaks for.

        In a compound the first part names it („Polizeisprecher“ → the police); a
        bare „Ein Sprecher“ speaks for the organisation the sentence before was
        about („Das Ministerium rief zur Ruhe auf. …, sagte eine Sprecherin.“).
        """
        role = np.role or ""
        if role.endswith("s") and any(role.casefold()[:-1].endswith(w) for w in _spokesperson_words()):
            role = role[:-1]  # „eines Sprechers“
        folded_role = role.casefold()
        head = next((w for w in _spokesperson_words() if folded_role.endswith(w)), None)
        if head is None:
            return None
        if folded_role == head:
            found = self._recent(np.start, lambda e: e.type == "organization", _BARE_SPOKESPERSON_LOOKBACK)
            return found or self._institution_before(np.start)
        prefix = role[: len(role) - len(head)]
        if prefix.endswith("s") and len(prefix) > 4:
            prefix = prefix[:-1]  # „Gerichtssprecher“: the linking s is no part of „Gericht“ (but „Reuters-Sprecher“)
        prefix = prefix.rstrip("-")
        if len(prefix) < 3:
            return None
        folded = prefix.casefold()
        found = self._recent(
            np.start,
            lambda e: e.type == "organization"
            and (_key(e.name)[-1:] == (folded,) or any(r.casefold().endswith(folded) for r in e.roles)
                 or folded in _key(e.name)),
            _ORGANIZATION_LOOKBACK,
        ) or self._recent(
            # „Konzernsprecher“ after „der Pharmakonzern Veltrion“: an organisation of that kind
            np.start, lambda e: e.type == "organization" and _has_role(e, prefix, folded), _ORGANIZATION_LOOKBACK
        )
        institution = prefix[:1].upper() + prefix[1:]
        entry = self.lexicon.role_of(institution)
        if found is None and entry is not None and entry.type == "organization" and entry.noun.casefold() == folded:
            # „ein Feuerwehrsprecher“ with no fire brigade named before: the institution itself
            found = self._add(institution, "organization", None, institution)
        return found

    def _institution_before(self, before: int) -> Entity | None:
        """An institution named by its bare noun in the sentence before token ``before``.

        „Die Polizei hat die Straße gesperrt. Ein Sprecher sagte …“: a bare
        institution is no entity until something refers to it; this resolves it.
        """
        doc = self.doc
        if not doc.tokens:
            return None
        here = doc.layer.sentence_index(min(before, len(doc.tokens) - 1))
        if here == 0:
            return None
        sentence = doc.sentences[here - 1]
        for i in range(sentence.first, sentence.last):
            if doc.tokens[i].text.lower() not in _DEFINITE:
                continue
            np = parse_noun_phrase(doc, self.lexicon, i, sentence.last, coordination=False)
            if np is not None and np.role_type == "organization" and not np.name_tokens and np.genitive is None:
                entity, _ = self.resolve(np)
                if entity is not None and entity.type == "organization":
                    return entity
        return None

    def _common_noun_at(self, i: int) -> bool:
        """A capitalised word that is an inflected form of a shorter noun („Millionen“ → „Million“)."""
        lemma, text = self.doc.lemma(i), self.doc.tokens[i].text
        return lemma != text and lemma[:1].isupper() and len(lemma) < len(text)

    def _common_noun(self, np: NounPhrase) -> bool:
        """„Regierungskreise“, „Medienberichten“: one inflected noun, not a name.

        Names keep their form; a lone word whose lemma differs from it is a common
        noun in the plural or an oblique case, and stays unresolved.
        """
        if len(np.name_tokens) != 1:
            return False
        i = np.name_tokens[0]
        text = self.doc.tokens[i].text
        if text in self.lexicon.first_names:
            return False
        # „Geheimdienstkreise“: a compound the lemmatiser does not know, with a group noun as head
        folded = text.casefold()
        return self.doc.lemma(i) != text or any(folded.endswith(head) for head in _group_heads())

    def _pronoun(self, np: NounPhrase, last_speaker: Entity | None) -> tuple[Entity | None, str]:
        if np.pronoun in ("ich", "wir"):
            return None, "unknown"
        genders = {"er": ("m", None), "sie": ("f", None)}.get(np.pronoun, (None,))
        types = ("person",) if np.pronoun == "er" else ("person", "organization")

        def fits(e: Entity) -> bool:
            return e.type in types and e.gender in genders

        entity = self._recent(np.start, fits)
        if last_speaker is not None and entity is not last_speaker and fits(last_speaker) and self._mentioned_lately(last_speaker, np.start):
            # „Der Mann habe Anna Berg betrogen, sagte Ingrid Hollenbach. „…“, sagte sie.“: the speaker goes on
            entity = last_speaker
        if entity is None:
            return None, "person" if np.pronoun == "er" else "unknown"
        return entity, entity.type

    def _mentioned_lately(self, entity: Entity, before: int) -> bool:
        """Whether ``entity`` occurs in the sentence of token ``before`` or the one before it."""
        return any(other is entity for _, other in self._before(before, 1))

    def _by_role(self, np: NounPhrase, last_speaker: Entity | None) -> Entity | None:
        role = np.role or ""
        if np.age:
            gender = "f" if np.determiner in _FEMININE_DETERMINERS else "m"
            return self._recent(np.start, lambda e: e.type == "person" and e.gender in (gender, None))
        entry = self.lexicon.role_of(role)
        head = (entry.noun if entry is not None else role).casefold()
        if last_speaker is not None and _has_role(last_speaker, role, head):
            return last_speaker
        # an institution stays the same through an article: „Laut Gericht“ long after „Das Landgericht Kassel“
        lookback = _ORGANIZATION_LOOKBACK if np.role_type == "organization" else _LOOKBACK_SENTENCES
        entity = self._recent(np.start, lambda e: _has_role(e, role, head), lookback)
        if entity is None and np.role_type == "person" and np.determiner in _DEFINITE and np.genitive is None:
            # „der GdP-Vorsitzende“ after „Gewerkschaftschef Konrad Freiberg“: a definite
            # description with a role not seen before refers to the previous person (but
            # „Die Kritikerin der ‚Weser-Rundschau‘“ names someone of her own)
            gender = _role_gender(role) or ("f" if np.determiner in _FEMININE_DETERMINERS else None)
            # no gender from the description („der Vorsitzende“ may be dative feminine): any person
            entity = self._recent(
                np.start, lambda e: e.type == "person" and (gender is None or e.gender in (gender, None))
            )
        return entity

    def _recent(self, before: int, accept: Callable[[Entity], bool], lookback: int = _LOOKBACK_SENTENCES) -> Entity | None:
        """The entity of the nearest earlier sentence that ``accept``s, leftmost first.

        Within a sentence the leftmost mention is usually the subject, and a
        pronoun or description most often continues the previous subject.
        """
        best: Entity | None = None
        best_sentence = -1
        for sentence, entity in self._before(before, lookback):
            if best is not None and sentence < best_sentence:
                break
            if accept(entity):
                best, best_sentence = entity, sentence
        return best

    def _before(self, before: int, lookback: int) -> Iterator[tuple[int, Entity]]:
        """(sentence, entity) of the occurrences before token ``before``, nearest first,
        back to ``lookback`` sentences before its own."""
        if not self.doc.tokens:
            return
        here = self.doc.layer.sentence_index(min(before, len(self.doc.tokens) - 1))
        end = bisect.bisect_left(self.occurrences, before, key=lambda o: o.token)
        for k in range(end - 1, -1, -1):  # no slice copy: this runs for every pronoun
            occurrence = self.occurrences[k]
            sentence = self.doc.layer.sentence_index(occurrence.token)
            if sentence < here - lookback:
                return
            yield sentence, occurrence.entity

    def note(self, np: NounPhrase, entity: Entity) -> None:
        """Record a resolved speaker mention as the entity's latest occurrence."""
        bisect.insort(self.occurrences, _Occurrence(np.start, entity), key=lambda o: o.token)


def _places(doc: Doc, lexicon: Lexicon) -> frozenset[str]:
    """Words the document uses as places: a dateline („Bergheim – …“, „Kassel (dpa) –“)
    or a single capitalised word after a place preposition („in Bergheim“, „aus Kassel“)."""
    tokens = doc.tokens
    found: set[str] = set()
    for i in range(len(tokens) - 2):
        tok, nxt = tokens[i], tokens[i + 1]
        if tok.text.lower() in ("in", "aus") and _capitalised(doc, i + 1) and not _capitalised(doc, i + 2):
            if lexicon.organization(nxt.text) is None and nxt.text not in lexicon.first_names:
                found.add(nxt.text)
        elif _capitalised(doc, i) and nxt.text in ("–", "(") and (i == 0 or "\n" in doc.text[tokens[i - 1].end : tok.start]):
            found.add(tok.text)
    return frozenset(found)


def _speaks_for(role: str) -> bool:
    """Whether a role noun is a bare spokesperson noun („Sprecher“, „Sprecherin“)."""
    return role.casefold() in _spokesperson_words()


def _von_owner(doc: Doc, lexicon: Lexicon, i: int) -> NounPhrase | None:
    """The named noun phrase of a „von“ phrase at token ``i`` („von Pro Asyl“), if any."""
    word = doc.tokens[i].text.lower()
    if "source_prep" not in function_word_classes(lexicon, word):
        return None
    owner = parse_noun_phrase(doc, lexicon, i + 1, len(doc.tokens), coordination=False)
    if owner is None or not owner.name_tokens or owner.pronoun is not None:
        return None
    if word == "vom" and organization_in(doc, lexicon, owner.start, owner.end) is None:
        return None  # „vom Bahnhof aus“: the article makes it a common noun, not a name
    return owner


@functools.cache
def _group_heads() -> frozenset[str]:
    """Plural nouns that head anonymous sources („Regierungskreise“, „Geheimdienstquellen“)."""
    return words_of_class("function_words.tsv", "group_head")


@functools.cache
def _spokesperson_words() -> tuple[str, ...]:
    """Spokesperson nouns of the function-word list, longest first („sprecherin“ before „sprecher“)."""
    return tuple(sorted(words_of_class("function_words.tsv", "spokesperson"), key=len, reverse=True))


def _first_conjunct(np: NounPhrase) -> NounPhrase:
    """The first conjunct of a coordinated noun phrase."""
    end = np.coordinated.start - 1 if np.coordinated is not None else np.end
    return attrs.evolve(np, end=end, coordinated=None)


def _nominative(lexicon: Lexicon, word: str) -> str:
    """„Gesundheitsministeriums“ → „Gesundheitsministerium“ (genitive -s/-es dropped)."""
    for suffix in ("es", "s"):
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        entry = lexicon.role_of(stem)
        if entry is not None and stem.casefold().endswith(entry.noun.casefold()):
            return stem
    return word


#: A bracketed short form of an organisation („(KBA)“, „(RKI)“): at least two capitals.
_SHORT_FORM = regex.compile(r"^(?=(?:.*\p{Lu}){2})[\p{L}\p{N}-]{2,10}$")
#: An organisation noun that is an abbreviation („TSV“, „VfB“, „FC“): part of the name it heads.
_ABBREVIATION = regex.compile(r"^(?=(?:.*\p{Lu}){2})\p{Lu}[\p{L}]{1,3}$")
_ORIGIN_ADJECTIVE = regex.compile(r"^(\p{Ll}[\p{Ll}-]*isch)(?:e|en|er|es|em)$")
#: „Hamburger“, „Cottbuser“: an adjective from a place name, never declined.
_PLACE_ADJECTIVE = regex.compile(r"^\p{Lu}\p{Ll}+er$")
#: „Vereinigte“, „Deutschen“: a capitalised, declined adjective is part of a proper name.
_NAME_ADJECTIVE = regex.compile(r"^(\p{Lu}\p{Ll}+?)(?:e|en|es|em)$")
_ADJECTIVE_ENDING = {"m": "er", "f": "e", "n": "es"}


def _origin_name(doc: Doc, lexicon: Lexicon, np: NounPhrase, noun: str) -> str:
    """„das südkoreanische Militär“ → „Südkoreanisches Militär“: the words that name it, nominative.

    An institution's name keeps what the text writes with its noun (the corpus
    convention): an adjective of origin („südkoreanische“), a place adjective
    („Cottbuser“, „Hamburger“), a capitalised adjective of a proper name („Der
    Vereinigte Generalstab“) and a preposed genitive („Taiwans
    Verteidigungsministerium“). Declined adjectives take the strong nominative
    ending of the noun's gender (``org_classes.tsv``), or of the article when the
    noun is not listed; without a gender the noun stays alone.
    """
    tokens = doc.tokens
    head = next((k for k in range(np.start, np.end) if tokens[k].text == np.role), None)
    if head is None:
        return noun
    gender = org_gender(noun) or {"das": "n", "die": "f", "eine": "f"}.get(np.determiner or "")
    # „vom Deutschen Richterbund“: the article is fused with the preposition before
    article = np.determiner is not None or (
        np.start > 0 and "article_prep" in function_word_classes(lexicon, tokens[np.start - 1].text)
    )
    words = []
    for i in range(np.start, head):
        text = tokens[i].text
        if i == np.start and np.determiner is not None:
            continue
        origin = _ORIGIN_ADJECTIVE.match(text)
        proper = _NAME_ADJECTIVE.match(text) if article else None
        if origin is not None or proper is not None:
            if gender is None:
                return noun
            stem = origin.group(1) if origin is not None else proper.group(1)  # type: ignore[union-attr]
            words.append(f"{stem[:1].upper()}{stem[1:]}{_ADJECTIVE_ENDING[gender]}")
        elif _PLACE_ADJECTIVE.match(text) or i == np.start and text[:1].isupper() and text.endswith("s"):
            words.append(text)
        elif text.isupper() and len(text) > 1 and i == head - 1:
            words.append(text)  # „der DZ Bank“: an abbreviation before the noun is part of the name
    return " ".join([*words, noun])


def _role_gender(role: str | None) -> str | None:
    if not role:
        return None
    return "f" if role.endswith("in") and not role.endswith(("ein", "ain")) else None


def _has_role(entity: Entity, role: str, head: str) -> bool:
    """Whether the entity was introduced with this role, or a kind of it.

    „das Unternehmen“ (a generic noun) finds „Der Autozulieferer Brenk“: both
    nouns are of the class Unternehmen in ``org_classes.tsv``.
    """
    folded = role.casefold()
    if any(r.casefold() == folded or r.casefold().endswith(head) for r in entity.roles):
        return True
    described = org_class(role)
    if described is None or not described[1] or entity.type != "organization":
        return False
    if any(org_kind(r) == described[0] for r in entity.roles):
        return True
    # „die Stadtwerke Bergheim“, „SV Lahntal“, „IG Metall“: the name says what it is
    return any(org_kind(w) == described[0] for w in (entity.name, *entity.name.split()))
