"""Canonical names of persons and institutions, and what an institution noun is.

Pipeline stage 3 (attribution): the coreference table names every entity with
these functions; the noun-phrase grammar asks them what a noun is.

* organisation classes (``org_classes.tsv``, :meth:`Lexicon.org_suffixes
  <quotecheck.lexicon.Lexicon.org_suffixes>`): „Autozulieferer“ is an
  Unternehmen, „Außenministerium“ a compound of „Ministerium“ (neuter), and a
  one-word name after „Landgericht“ is its seat („Landgericht Kassel“);
* name keys: „Kim Jong-un“ and „Kim Jong Un“ compare equal;
* institution names built from the text: „das südkoreanische Militär“ →
  „Südkoreanisches Militär“.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Sequence

import regex

from quotecheck.analysis.base import Doc
from quotecheck.attribution.words import (
    function_word_classes,
)
from quotecheck.lexicon import Lexicon, Organization

if TYPE_CHECKING:
    from quotecheck.attribution.nounphrase import NounPhrase

__all__ = [
    "org_class",
    "org_kind",
    "org_gender",
    "named_by_seat",
    "organization_in",
    "origin_name",
    "name_key",
    "is_medium",
    "station_name",
    "as_written",
    "nominative_title",
    "origin_stem",
    "demonym_fits",
    "MEDIA_TYPES",
    "MEDIUM_CLASSES",
]

_NAME_SEPARATORS = regex.compile(r"[\s\-]+")
MEDIA_TYPES = frozenset({"media", "news_agency"})
#: The org_classes.tsv classes of media nouns: agencies and broadcasters, and the press („das Blatt“).
MEDIUM_CLASSES = frozenset({"Medium", "Presse"})


def org_gender(lexicon: Lexicon, noun: str) -> str | None:
    """The gender of an institution noun or compound („Außenministerium“ → n), if listed."""
    return next((entry.gender for _, entry in lexicon.org_suffixes(noun) if entry.gender), None)


def named_by_seat(lexicon: Lexicon, noun: str) -> bool:
    """Whether a one-word name after this institution noun is its seat („Staatsanwaltschaft Ravensburg“)."""
    found = lexicon.org_suffixes(noun)
    return found[0][1].seat if found else False


def compound_institution(lexicon: Lexicon, noun: str) -> bool:
    """„Außenministerium“, „Stadtverwaltung“: a compound of an institution noun names one institution.

    The bare noun („das Ministerium“, „die Verwaltung“) only describes one.
    """
    return any(2 <= k < len(noun.casefold()) - 2 for k, _ in lexicon.org_suffixes(noun))


def origin_qualified(longer: str, shorter: str) -> bool:
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


def org_class(lexicon: Lexicon, noun: str) -> tuple[str, bool] | None:
    """The organisation class of a role noun or compound („Autozulieferer“ → Unternehmen)."""
    found = lexicon.org_suffixes(noun)
    if found and found[0][0] == 0:
        return found[0][1].cls, found[0][1].generic
    folded = noun.casefold()
    table = lexicon.org_classes
    for suffix in ("es", "s", "n"):  # a genitive or plural form of a listed noun („Verbands“)
        if folded.endswith(suffix) and folded[: -len(suffix)] in table:
            entry = table[folded[: -len(suffix)]]
            return entry.cls, entry.generic
    return (found[0][1].cls, False) if found else None


def org_kind(lexicon: Lexicon, noun: str) -> str | None:
    """Just the class of :func:`org_class` („Zeitung“ → Medium), or None."""
    found = org_class(lexicon, noun)
    return found[0] if found is not None else None


def text_of(doc: Doc, start: int, end: int) -> str:
    return doc.text[doc.tokens[start].start : doc.tokens[end - 1].end]


def organization_in(doc: Doc, lexicon: Lexicon, start: int, end: int) -> Organization | None:
    """The gazetteer entry a token run names, longest alias first (leftmost among equals).

    Only spans opened by a word that may begin an alias are looked up: most
    capitalised words („Montag“, „Bürgermeisterin“) begin none. Every span from a
    token has it as its first word when a space (or the text's end) follows it;
    otherwise („dpa-Chef“ written as several tokens) the first word depends on the
    span, and it may open one. A token with a space inside is left to
    :meth:`~quotecheck.lexicon.Lexicon.may_open_organization`. Asked of every
    mention, so the test of a token is kept to local names.
    """
    tokens, text = doc.tokens, doc.text
    size = len(text)
    may_open = lexicon.may_open_organization
    openers = [
        i for i, (_, after, word, _) in enumerate(tokens[start:end], start) if (after < size and not text[after].isspace()) or may_open(word)
    ]
    if not openers:
        return None
    organization = lexicon.organization
    for length in range(min(5, end - start), 0, -1):
        for i in openers:
            if i > end - length:
                break
            entry = organization(text[tokens[i].start : tokens[i + length - 1].end])
            if entry is not None:
                return entry
    return None


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[str, ...]:
    """Comparison key of a name: case-folded words, hyphens as spaces."""
    return tuple(w for w in _NAME_SEPARATORS.split(name.casefold()) if w)


def contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(tuple(longer[k : k + n]) == tuple(shorter) for k in range(len(longer) - n + 1))


def nominative_noun(lexicon: Lexicon, word: str) -> str:
    """„Gesundheitsministeriums“ → „Gesundheitsministerium“ (genitive -s/-es dropped)."""
    for suffix in ("es", "s"):
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        entry = lexicon.role_of(stem)
        if entry is not None and stem.casefold().endswith(entry.noun.casefold()):
            return stem
    return word


_ORIGIN_ADJECTIVE = regex.compile(r"^(\p{Ll}[\p{Ll}-]*isch)(?:e|en|er|es|em)$")


#: „Hamburger“, „Cottbuser“: an adjective from a place name, never declined.
_PLACE_ADJECTIVE = regex.compile(r"^\p{Lu}\p{Ll}+er$")


#: „Vereinigte“, „Deutschen“: a capitalised, declined adjective is part of a proper name.
_NAME_ADJECTIVE = regex.compile(r"^(\p{Lu}\p{Ll}+?)(?:e|en|es|em)$")


_ADJECTIVE_ENDING = {"m": "er", "f": "e", "n": "es"}


def origin_name(doc: Doc, lexicon: Lexicon, np: NounPhrase, noun: str) -> str:
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
    gender = org_gender(lexicon, noun) or _article_gender(lexicon, np.determiner)
    # „vom Deutschen Richterbund“: the article is fused with the preposition before
    article = np.determiner is not None or (
        np.start > 0 and "article_prep" in function_word_classes(lexicon, tokens[np.start - 1].text)
    )
    words = []
    for i in range(np.start + (np.determiner is not None), head):
        stem = _declined_stem(tokens[i].text, article)
        if stem is not None:
            if gender is None:
                return noun
            words.append(f"{stem[:1].upper()}{stem[1:]}{_ADJECTIVE_ENDING[gender]}")
        elif _kept_as_written(tokens[i].text, i == np.start, i == head - 1):
            words.append(tokens[i].text)
    return " ".join([*words, noun])


def _declined_stem(text: str, article: bool) -> str | None:
    """The stem of an adjective of origin („südkoreanische“) or, after an article, of a proper name („Vereinigte“)."""
    origin = _ORIGIN_ADJECTIVE.match(text)
    if origin is not None:
        return str(origin.group(1))
    proper = _NAME_ADJECTIVE.match(text) if article else None
    return str(proper.group(1)) if proper is not None else None


def _kept_as_written(text: str, first: bool, last: bool) -> bool:
    """„Hamburger“ (a place adjective), „Taiwans“ (a preposed genitive), „DZ“ before „Bank“ (an abbreviation)."""
    if _PLACE_ADJECTIVE.match(text) or first and text[:1].isupper() and text.endswith("s"):
        return True
    return text.isupper() and len(text) > 1 and last


def _article_gender(lexicon: Lexicon, determiner: str | None) -> str | None:
    """The gender an article gives a noun the organisation classes do not list („das“ → n)."""
    if determiner in lexicon.attribution.neuter_articles:
        return "n"
    return "f" if determiner in lexicon.words.feminine else None


def role_gender(role: str | None) -> str | None:
    if not role:
        return None
    return "f" if role.endswith("in") and not role.endswith(("ein", "ain")) else None


def is_medium(doc: Doc, lexicon: Lexicon, np: NounPhrase) -> bool:
    """A news agency or medium: by the gazetteer, or by its noun („die finnische Zeitung „…““)."""
    entry = organization_in(doc, lexicon, np.start, np.end)
    if entry is not None:
        return entry.type in MEDIA_TYPES
    if np.name_tokens and np.name_tokens[0] > 0 and doc.tokens[np.name_tokens[0] - 1].kind == "quote":
        return True  # a title in quotation marks („die „Bild““, „der „Nordkurier““) names a publication
    return np.role is not None and org_kind(lexicon, np.role) in MEDIUM_CLASSES


def station_name(doc: Doc, lexicon: Lexicon, np: NounPhrase, name: str) -> str:
    """A broadcaster's programme named with more than its gazetteer alias: „NDR Info“, „TRT Haber“, „ORF-Radio Ö1“.

    The name as written is kept when the noun phrase's name runs on past the
    gazetteer's alias; „der Nachrichtenagentur Reuters“ stays „Reuters“.
    """
    if not np.name_tokens:
        return name
    first = np.name_tokens[0]
    before = doc.tokens[first - 1].text if first > np.start else ""
    if before and before == np.role and (before in lexicon.attribution.station_words or _names_broadcaster(lexicon, before)):
        first -= 1  # „Radio SRF“, „ORF-Radio Ö1“: the noun is part of the programme's name
    written = " ".join(doc.tokens[i].text for i in range(first, np.name_tokens[-1] + 1))
    if first < np.name_tokens[0]:
        return written
    entry = organization_in(doc, lexicon, np.name_tokens[0], np.name_tokens[-1] + 1)
    if entry is None or entry.type != "media" or lexicon.organization(written) is not None:
        return name
    return written if len(name_key(written)) > 1 and len(written) > len(name) else name


def _names_broadcaster(lexicon: Lexicon, word: str) -> bool:
    """„ORF-Radio“: a compound whose first part is a gazetteer medium."""
    head, hyphen, _ = word.partition("-")
    entry = lexicon.organization(head) if hyphen else None
    return entry is not None and entry.type in MEDIA_TYPES


def origin_stem(word: str) -> str | None:
    """„finnische“ → „finnisch“: the stem of an adjective of origin, if ``word`` is one."""
    found = _ORIGIN_ADJECTIVE.match(word)
    return str(found.group(1)) if found is not None else None


#: Endings that make a demonym of a stem („Finn-in“, „Chilen-e“, „Norweg-er“, „Brasilian-er-in“), longest first.
_DEMONYM_ENDINGS = ("erin", "in", "er", "e")


def demonym_fits(noun: str, stem: str) -> bool:
    """Whether a nationality noun fits an adjective of origin: „Finnin“ – „finnisch“, „Jordanier“ – „jordanisch“."""
    folded = noun.casefold()
    base = next((folded[: -len(e)] for e in _DEMONYM_ENDINGS if folded.endswith(e) and len(folded) - len(e) >= 3), folded)
    shared = 0
    for a, b in zip(base, stem):
        if a != b:
            break
        shared += 1
    return shared >= max(3, len(base) - 1)


def as_written(doc: Doc, start: int, end: int, name: str) -> str:
    """The gazetteer's name as the text spells it, when it differs only in case („Ansa“ for ANSA, „UNIAN“ for Unian).

    The canonical name is the one the document uses; the gazetteer only decides
    which organisation it is.
    """
    folded = name.casefold()
    return next((doc.tokens[k].text for k in range(start, end) if doc.tokens[k].text.casefold() == folded), name)


def nominative_title(lexicon: Lexicon, determiner: str | None, words: Sequence[str]) -> str:
    """„der „Hanseatischen Rundschau““ → „Hanseatische Rundschau“: a publication's title in the nominative.

    After a declined article a capitalised adjective opening the title takes the
    strong nominative ending of the title noun's gender (``org_classes.tsv``);
    without a known gender the title stays as written.
    """
    if determiner is None or len(words) < 2:
        return " ".join(words)
    gender = org_gender(lexicon, words[-1])
    proper = _NAME_ADJECTIVE.match(words[0])
    if gender is None or proper is None or not words[0].endswith("en"):
        return " ".join(words)
    stem = str(proper.group(1))
    return " ".join([f"{stem}{_ADJECTIVE_ENDING[gender]}", *words[1:]])
