"""The word lists the attribution package reads, each under one name.

Pipeline stage 3 (attribution): no stage of its own; the noun-phrase grammar,
naming, coreference and the strategies look words up here, never as literals.

Every list comes from a data file under ``quotecheck/data/de/`` (the header of
each file explains its classes), read once through :mod:`quotecheck.lexicon`.
"""

from __future__ import annotations

import functools

from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon, SpeechVerb, words_of_class

__all__ = [
    "SUBJECT_PRONOUNS",
    "function_word_classes",
    "is_time_word",
    "is_report_noun",
    "is_speech_verb",
    "is_report_verb",
]


#: Personal pronouns that can stand for a speaker (a noun phrase on their own).
SUBJECT_PRONOUNS = frozenset({"er", "sie", "ich", "wir"})


INDEFINITE = words_of_class("function_words.tsv", "indefinite")


DEFINITE = words_of_class("function_words.tsv", "definite")


FEMININE_DETERMINERS = words_of_class("function_words.tsv", "feminine")


#: Determiners that can only open a genitive after a noun („des“, „seines“) …
GENITIVE_ONLY = words_of_class("rule_words.tsv", "genitive")


#: … and those that can also open a dative or a new phrase („der“, „einer“).
GENITIVE_OR_DATIVE = words_of_class("rule_words.tsv", "genitive_or_dative")


REPORT_CLASSES = frozenset({"report"})


QUOTE_LEMMAS = frozenset({"zitieren"})


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


def is_report_noun(lexicon: Lexicon, word: str) -> bool:
    """A report or statement noun, or a compound ending in one („Nachbefragung“ ends in „befragung“)."""
    folded = word.casefold()
    if not word[:1].isupper():
        return False
    return any("report_noun" in function_word_classes(lexicon, folded[k:]) for k in range(len(folded) - 4))


@functools.cache
def group_heads() -> frozenset[str]:
    """Plural nouns that head anonymous sources („Regierungskreise“, „Geheimdienstquellen“)."""
    return words_of_class("function_words.tsv", "group_head")


@functools.cache
def spokesperson_words() -> tuple[str, ...]:
    """Spokesperson nouns of the function-word list, longest first („sprecherin“ before „sprecher“)."""
    return tuple(sorted(words_of_class("function_words.tsv", "spokesperson"), key=len, reverse=True))


def speech_entry(doc: Doc, lexicon: Lexicon, i: int) -> SpeechVerb | None:
    """The speech-verb entry of a lower-case word at token ``i``, if it is one."""
    tok = doc.tokens[i]
    if tok.kind != "word" or not tok.text[:1].islower():
        return None
    return lexicon.speech_verbs.get(doc.lemma(i).lower())


def is_speech_verb(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    return speech_entry(doc, lexicon, i) is not None


def is_report_verb(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    entry = speech_entry(doc, lexicon, i)
    return entry is not None and entry.cls in REPORT_CLASSES
