"""The word lists the attribution package reads, each under one name.

Pipeline stage 3 (attribution): no stage of its own; the noun-phrase grammar,
naming, coreference and the strategies look words up here, never as literals.

Every list comes from a data file under ``quotecheck/data/de/`` (the header of
each file explains its classes), read once through :mod:`quotecheck.lexicon`.
"""

from __future__ import annotations

import functools

from quotecheck.analysis.base import Doc
from quotecheck.errors import LexiconError
from quotecheck.lexicon import Lexicon, SpeechVerb, words_of_class

__all__ = [
    "SUBJECT_PRONOUNS",
    "function_word_classes",
    "is_time_word",
    "is_report_noun",
    "is_speech_verb",
    "is_report_verb",
]


def _rule_words(cls: str) -> frozenset[str]:
    """The words of one class of ``rule_words.tsv`` (its header explains each class)."""
    return words_of_class("rule_words.tsv", cls)


def _the_word(cls: str) -> str:
    """The one word of a class that must hold exactly one („er“)."""
    words = _rule_words(cls)
    if len(words) != 1:
        raise LexiconError(f"quotecheck/data/de/rule_words.tsv: class {cls!r} must hold one word, not {sorted(words)}")
    return next(iter(words))


# --- pronouns ------------------------------------------------------------------------------

#: Personal pronouns that can stand for a speaker (a noun phrase on their own): „er“, „sie“ …
SUBJECT_PRONOUNS = _rule_words("speaker_pronoun")
#: A speaker pronoun that may be an accusative too („sie“).
AMBIGUOUS_PRONOUNS = _rule_words("ambiguous_pronoun")
#: Pronouns that never refer back („ich“, „wir“).
FIRST_PERSON_PRONOUNS = _rule_words("first_person_pronoun")
#: „er“: a male person.
MASCULINE_PRONOUNS = _rule_words("masculine_pronoun")
#: „sie“: a female person or an organisation.
FEMININE_PRONOUNS = _rule_words("feminine_pronoun")
#: The pronoun a possessive stands for („seiner Meinung nach“ → „er“), one word each.
MASCULINE_PRONOUN = _the_word("masculine_pronoun")
FEMININE_PRONOUN = _the_word("feminine_pronoun")
#: Stems of possessives standing for „er“ („seiner Meinung nach“) and for „sie“ („ihrer Ansicht nach“).
POSSESSIVE_MASCULINE = _rule_words("possessive_masculine")
POSSESSIVE_FEMININE = _rule_words("possessive_feminine")

# --- determiners ---------------------------------------------------------------------------

INDEFINITE = words_of_class("function_words.tsv", "indefinite")
DEFINITE = words_of_class("function_words.tsv", "definite")
FEMININE_DETERMINERS = words_of_class("function_words.tsv", "feminine")
#: Determiners that can only open a genitive after a noun („des“, „seines“) …
GENITIVE_ONLY = _rule_words("genitive")
#: … and those that can also open a dative or a new phrase („der“, „einer“).
GENITIVE_OR_DATIVE = _rule_words("genitive_or_dative")
#: „den“ after a plural noun in -n is a dative („sagte den Journalisten“).
DATIVE_PLURAL_ARTICLES = _rule_words("dative_plural_article")
#: Articles that give an unlisted institution noun its gender („das“ → neuter, „die“ → feminine).
NEUTER_ARTICLES = _rule_words("neuter_article")
FEMININE_ARTICLES = _rule_words("feminine_article")
#: „des“, „der“ after a report noun open its author („einer Umfrage des Instituts X“).
REPORT_GENITIVES = _rule_words("report_genitive")
#: „der“, „einer“ before a medium spoken to („sagte Krull der Nachrichtenagentur Reuters“).
DATIVE_MEDIUM_DETERMINERS = _rule_words("dative_medium_determiner")

# --- inside names --------------------------------------------------------------------------

#: „von der Leyen“: the article „der“ after one of the link words „von“, „van“, „de“.
NAME_LINK_ARTICLES = _rule_words("name_link_article")
NAME_LINKS_BEFORE_ARTICLE = _rule_words("name_link_before_article")
#: „Der 29 Jahre alte Techniker“ (case-sensitive).
AGE_UNITS = _rule_words("age_unit")
#: „das Bundesamt für Umwelt“, „das Theater am Hafen“ (case-sensitive).
NAME_ATTRIBUTE_PREPOSITIONS = _rule_words("name_attribute_preposition")
#: „für Erziehung und Soziales“; „dankte … und ergänzte“ (case-sensitive).
CONJUNCTION_AND = _rule_words("conjunction_and")
#: „in Bergheim“, „aus Kassel“: the town is a place of the document.
PLACE_NAME_PREPOSITIONS = _rule_words("place_name_preposition")
#: „vom“: its noun is a common noun unless the gazetteer knows it („vom Bahnhof aus“).
FUSED_SOURCE_PREPOSITIONS = _rule_words("fused_source_preposition")

# --- speech and sources --------------------------------------------------------------------

#: Speech-verb classes (``speech_verbs.tsv``) whose subject reports what others said („berichten“).
REPORT_CLASSES = frozenset({"report"})
#: „zitieren“: the agent only passes the words on.
QUOTE_LEMMAS = _rule_words("quote_verb")
#: „…, wonach …“: a report's author speaks.
REPORT_RELATIVES = _rule_words("report_relative")
#: „laut X“ and „X zufolge“.
SOURCE_BEFORE = _rule_words("source_before")
SOURCE_AFTER = _rule_words("source_after")
#: „unter Berufung auf X“.
CITATION_NOUNS = _rule_words("citation_noun")
CITATION_PREPOSITIONS = _rule_words("citation_preposition")
CITATION_OPENERS = _rule_words("citation_opener")
#: „nach Angaben von X“.
STATEMENT_NOUNS = _rule_words("statement_noun")
STATEMENT_LINKS = _rule_words("statement_link")
STATEMENT_OPENERS = _rule_words("statement_opener")
#: „wie die Agentur Interfax berichtete“.
REPORT_CLAUSE_OPENERS = _rule_words("report_clause_opener")
#: „ließ über seinen Anwalt erklären“ (the verb is a lemma).
RELAY_PREPOSITIONS = _rule_words("relay_preposition")
RELAY_VERBS = _rule_words("relay_verb")


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
