"""Derived indexes of the lexicon: built once from the entries, so look-ups are one dictionary get.

Pipeline: no stage of its own; :class:`~quotecheck.lexicon.Lexicon` holds these.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Iterable, Iterator, Mapping, TypeVar

from quotecheck.lexicon.records import DETERMINER_CLASSES, AccordingTo, Organization, Pronoun, SpeechVerb

__all__ = [
    "ACCORDING_NOUN",
    "with_according_nouns",
    "according_by_first_word",
    "alias_indexes",
    "closed_words",
    "declension_variants",
    "freeze",
    "phrases_by_base",
    "verbs_by_base",
]

K = TypeVar("K")
V = TypeVar("V")


def freeze(mapping: Mapping[K, V]) -> Mapping[K, V]:
    """A read-only view of ``mapping``: the lexicon's mappings cannot be changed in place."""
    return MappingProxyType(dict(mapping))


def alias_indexes(
    organizations: Iterable[Organization],
) -> tuple[Mapping[str, Organization], Mapping[str, Organization]]:
    """Exact alias → entry (later entries win) and a case-folded map of the unambiguous."""
    exact: dict[str, Organization] = {}
    for entry in organizations:
        for alias in entry.aliases:
            exact[alias] = entry
    folded: dict[str, Organization | None] = {}
    for alias, entry in exact.items():
        key = alias.casefold()
        if key in folded and folded[key] is not entry:
            folded[key] = None  # two entries share the folded form: no guess
        else:
            folded[key] = entry
    return freeze(exact), freeze({k: v for k, v in folded.items() if v is not None})


def verbs_by_base(verbs: Mapping[str, SpeechVerb]) -> Mapping[str, tuple[SpeechVerb, ...]]:
    """Base verb → the single-word lemmas built on it, then reflexives on it.

    „fügen“ → (hinzufügen, anfügen); „beschweren“ → (sich beschweren,). The bare
    verb comes first, then particle verbs, then reflexives. A single-word lemma is
    also keyed by itself („hinzufügen“ → (hinzufügen,)). Other phrases are left out:
    „zu bedenken geben“ must not make every „gab“ a cue.
    """
    singles = [v for v in verbs.values() if not v.is_phrase]
    reflexives = [v for v in verbs.values() if v.reflexive]
    index: dict[str, list[SpeechVerb]] = {}
    for verb in sorted(singles, key=lambda v: v.particle is not None) + reflexives:
        index.setdefault(verb.base, []).append(verb)
    for verb in singles:
        group = index.setdefault(verb.lemma, [])
        if verb not in group:
            group.append(verb)
    return freeze({base: tuple(group) for base, group in index.items()})


def phrases_by_base(phrases: Iterable[SpeechVerb]) -> Mapping[str, tuple[SpeechVerb, ...]]:
    """Base verb → the multi-word phrases built on it, longest first („brachte … zum Ausdruck“).

    Reflexive verbs („sich äußern“) are left out: :func:`verbs_by_base` has them.
    """
    index: dict[str, list[SpeechVerb]] = {}
    for verb in phrases:
        if not verb.reflexive:
            index.setdefault(verb.base, []).append(verb)
    return freeze({k: tuple(sorted(v, key=lambda p: -len(p.lemma.split()))) for k, v in index.items()})


def according_by_first_word(entries: Iterable[AccordingTo]) -> Mapping[str, tuple[AccordingTo, ...]]:
    """First word (lower case) → the according-to phrases starting with it, longest first.

    ``entries`` are already sorted longest first (:func:`~quotecheck.lexicon.readers.parse_according_to`).
    """
    index: dict[str, list[AccordingTo]] = {}
    for entry in entries:
        index.setdefault(entry.words[0].lower(), []).append(entry)
    return freeze({k: tuple(v) for k, v in index.items()})


def according_words_by_first_word(
    entries: Iterable[AccordingTo],
) -> Mapping[str, tuple[tuple[AccordingTo, tuple[str, ...]], ...]]:
    """:func:`according_by_first_word` with each phrase's words in lower case („nach Angaben von“ →
    („nach“, „angaben“, „von“)): the matcher compares them with every capitalised or lower-case word."""
    return freeze(
        {first: tuple((e, tuple(w.lower() for w in e.words)) for e in found) for first, found in according_by_first_word(entries).items()}
    )


#: An according-to phrase with its words in lower case (:func:`according_words_by_first_word`).
PhraseWords = tuple[AccordingTo, tuple[str, ...]]
#: The phrases of one first word by their second word (with the one-word phrases among them, in
#: their order), and the one-word phrases alone for any other second word.
PhrasesAfter = tuple[Mapping[str, tuple[PhraseWords, ...]], tuple[PhraseWords, ...]]


def according_words_by_two(by_first: Mapping[str, tuple[PhraseWords, ...]]) -> Mapping[str, PhrasesAfter]:
    """:func:`according_words_by_first_word` indexed by the second word too.

    „nach“ opens 35 phrases („nach Angaben“, „nach eigenen Worten“ …); the word
    after it leaves one or two to compare, not all of them at every „nach“.
    """
    index = {}
    for first, phrases in by_first.items():
        seconds = {words[1] for _, words in phrases if len(words) > 1}
        by_second = {second: tuple(p for p in phrases if len(p[1]) == 1 or p[1][1] == second) for second in seconds}
        index[first] = (freeze(by_second), tuple(p for p in phrases if len(p[1]) == 1))
    return freeze(index)


def report_slot_phrases(according_index: Mapping[str, tuple[AccordingTo, ...]], slots: frozenset[str]) -> Mapping[str, tuple[AccordingTo, ...]]:
    """The slot lines of ``according_to.tsv`` („nach <noun>“, „laut <document>“) by their first word."""
    return freeze(
        {
            first: found
            for first, entries in according_index.items()
            if (found := tuple(e for e in entries if len(e.words) == 2 and e.words[1] in slots))
        }
    )


def words_by_class(function_words: Mapping[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
    """Each ``function_words.tsv`` class → the (lower-case) words that carry it („det“ → „der“, „die“ …)."""
    found: dict[str, set[str]] = {}
    for word, classes in function_words.items():
        for cls in classes:
            found.setdefault(cls, set()).add(word)
    return freeze({cls: frozenset(words) for cls, words in found.items()})


def with_according_nouns(
    function_words: Mapping[str, frozenset[str]], entries: Iterable[AccordingTo]
) -> Mapping[str, frozenset[str]]:
    """The function-word classes, with class ``according_noun`` for the nouns of according-to phrases.

    „Angaben“, „Meinung“, „Bericht“, „Berufung“ (the capitalised words of
    ``according_to.tsv``'s phrases) open a statement, never a name: „Nach Meinung
    von Ammann“ is no name „Meinung von Ammann“. They are listed once, in the
    phrases, and the noun-phrase grammar sees them as closed words from here.
    """
    merged = {word: set(classes) for word, classes in function_words.items()}
    for entry in entries:
        for word in entry.words:
            if word[:1].isupper():
                merged.setdefault(word.lower(), set()).add(ACCORDING_NOUN)
    return freeze({word: frozenset(classes) for word, classes in merged.items()})


#: The derived function-word class of a noun in an according-to phrase (see :func:`with_according_nouns`).
ACCORDING_NOUN = "according_noun"


def closed_words(
    function_words: Mapping[str, frozenset[str]], pronouns: Mapping[str, tuple[Pronoun, ...]]
) -> frozenset[str]:
    """Determiners, possessives and pronouns: never verbs, though some end like one („seinen“)."""
    return frozenset(w for w, c in function_words.items() if c & DETERMINER_CLASSES) | frozenset(pronouns)


#: Adjective endings of a declined name and the endings its alias may have:
#: „der Norddeutsche Rundfunk“, „des Norddeutschen Rundfunks“ → „Norddeutscher Rundfunk“.
_ADJECTIVE_ENDINGS = (("en", ("er", "e", "es")), ("em", ("er", "es")), ("e", ("er", "es")))


def declension_variants(surface: str) -> Iterator[str]:
    """Nominative forms of a declined multi-word name, for gazetteer look-up.

    Aliases are listed in the nominative; in running text an adjective in the
    name is declined and the noun may carry a genitive -s. Only the ending of
    the first word and a final -s/-es of the last word vary, so the number of
    variants stays tiny.
    """
    words = surface.split(" ")
    firsts = first_word_variants(words[0])
    lasts = [words[-1]]
    if len(words[-1]) > 4 and words[-1].endswith("es"):
        lasts.append(words[-1][:-2])
    if len(words[-1]) > 3 and words[-1].endswith("s"):
        lasts.append(words[-1][:-1])
    for first in firsts:
        for last in lasts:
            variant = " ".join([first, *words[1:-1], last])
            if variant != surface:
                yield variant


def first_word_variants(word: str) -> list[str]:
    """The first word of a declined name and the nominative endings it may have in an alias.

    „Norddeutschen“ → „Norddeutschen“, „Norddeutscher“, „Norddeutsche“,
    „Norddeutsches“; a word without an adjective ending stays alone.
    """
    firsts = [word]
    for ending, replacements in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and word[:1].isupper():
            firsts += [word[: -len(ending)] + r for r in replacements]
            break
    return firsts


def alias_first_words(aliases: Iterable[str]) -> frozenset[str]:
    """The first words of the gazetteer's aliases („Deutsche“ of „Deutsche Bahn“), for
    :meth:`~quotecheck.lexicon.Lexicon.may_open_organization`.

    Split on single spaces, as :func:`declension_variants` splits: a normalised
    surface equal to an alias has the alias's first word.
    """
    return frozenset(alias.split(" ")[0] for alias in aliases)
