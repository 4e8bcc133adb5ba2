"""Addressee strategies: to whom it was said („gegenüber der Zeitung“, „sagte Voss im ZDF“).

Pipeline stage 3 (attribution): after the speaker strategies, in the words
right after the speaker or the cue.
"""

from __future__ import annotations

from typing import Callable

from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.attribution.naming import is_medium
from quotecheck.attribution.nounphrase import NounPhrase, parse_noun_phrase
from quotecheck.attribution.words import (
    function_word_classes,
    is_report_noun,
)
from quotecheck.lexicon import Lexicon
from quotecheck.rules.cues import according_phrase_at

__all__ = ["ADDRESSEE_STRATEGIES", "addressee_after"]


@frozen
class _Answer:
    """A strategy's answer: the addressee, or that there is none („laut dem Blatt“ ends the search)."""

    np: NounPhrase | None


#: An addressee strategy: its answer at token ``i`` (before ``end``), or None where its construction is not.
AddresseeStrategy = Callable[[Doc, Lexicon, int, int], "_Answer | None"]


def addressee_after(doc: Doc, lexicon: Lexicon, start: int, end: int) -> NounPhrase | None:
    """„gegenüber der Zeitung“, „vor Journalisten“, „dem Sender“: to whom it was said.

    Looked for in the few words after the speaker or the cue: at each, the
    :data:`ADDRESSEE_STRATEGIES` are tried in order and the first that answers wins.
    An apposition or relative clause between commas right after the speaker is
    passed over („sagte Lena Vogt, Professorin an der Universität Kiel, der
    Agentur epd“).
    """
    start = _past_apposition(doc, start, end)
    for i in range(start, min(end, start + _ADDRESSEE_WORDS)):
        for strategy in ADDRESSEE_STRATEGIES:
            answer = strategy(doc, lexicon, i, end)
            if answer is not None:
                return answer.np
    return None


#: How many words after the speaker (or its apposition) an addressee may start.
_ADDRESSEE_WORDS = 6


def _past_apposition(doc: Doc, start: int, end: int) -> int:
    """After the comma closing an apposition that opens at ``start`` („, die seit 2021 im Ausschuss sitzt,“)."""
    tokens = doc.tokens
    if start >= end or tokens[start].text != ",":
        return start
    close = next((k for k in range(start + 1, end) if tokens[k].text == "," or tokens[k].kind == "quote"), None)
    if close is None or tokens[close].text != "," or close + 1 >= end:
        return start
    return close + 1


def addressee_of_preposition(doc: Doc, lexicon: Lexicon, i: int, end: int) -> _Answer | None:
    """„sagte gegenüber der Zeitung“: the noun phrase after an addressee preposition."""
    if "addressee_prep" not in function_word_classes(lexicon, doc.tokens[i].text):
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, end)
    return _Answer(np) if np is not None and not np.pronoun else None


def dative_addressee(doc: Doc, lexicon: Lexicon, i: int, end: int) -> _Answer | None:
    """„sagte dem Sender“: a dative noun phrase, not after a preposition („laut dem Blatt“ is no addressee)."""
    if "det_dative" not in function_word_classes(lexicon, doc.tokens[i].text) or _after_preposition(doc, lexicon, i):
        return None
    np = parse_noun_phrase(doc, lexicon, i, end)
    return _Answer(np) if np is not None else None  # nothing parses: a later „gegenüber der Zeitung“ may still


def dative_medium(doc: Doc, lexicon: Lexicon, i: int, end: int) -> _Answer | None:
    """„sagte Sabine Krull der Nachrichtenagentur Reuters“: a feminine dative medium.

    Not after a preposition or a statement noun („nach Angaben der Agentur“: a genitive).
    """
    tokens = doc.tokens
    if tokens[i].text not in lexicon.rule_words.genitive_or_dative or _after_preposition(doc, lexicon, i):
        return None
    if i > 0 and is_report_noun(lexicon, tokens[i - 1].text):
        return None
    medium = _medium_after(doc, lexicon, i, end)
    return _Answer(medium) if medium is not None else None


def bare_medium(doc: Doc, lexicon: Lexicon, i: int, end: int) -> _Answer | None:
    """„Ein Sprecher sagte Radio Bremen, …“: a medium named without article right after the verb.

    Only at the verb (the speaker already stands before it); „sagte Radio Bremen
    zufolge“ names a source instead.
    """
    if i == 0 or doc.tokens[i].kind != "word" or doc.lemma(i - 1).lower() not in lexicon.speech_verbs:
        return None
    np = parse_noun_phrase(doc, lexicon, i, end)
    if np is None or np.determiner is not None or np.pronoun is not None or not np.name_tokens:
        return None
    return _Answer(np) if _medium_after(doc, lexicon, i, end) is not None else None


def medium_as_venue(doc: Doc, lexicon: Lexicon, i: int, end: int) -> _Answer | None:
    """„sagte Voss im ZDF“, „im moldauischen Fernsehen“, „im Sender Rai 3“: the medium he spoke to.

    By the gazetteer or by its noun (:func:`~quotecheck.attribution.naming.is_medium`);
    „im Bericht“ or „in der Stadt“ is no medium.
    """
    if "venue_prep" not in function_word_classes(lexicon, doc.tokens[i].text):
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, end)
    return _Answer(np) if np is not None and np.pronoun is None and is_medium(doc, lexicon, np) else None


def partner_of_interview(doc: Doc, lexicon: Lexicon, i: int, end: int) -> _Answer | None:
    """„im Gespräch mit dem MDR“, „in einem Interview mit der „Welt““: the partner of the conversation."""
    words = lexicon.attribution
    if doc.tokens[i].text.lower() not in words.interview_nouns or i + 2 >= end or not _in_venue(doc, lexicon, i):
        return None  # „nach einem Gespräch mit Greiner sagte sie“: after the talk, not in it
    if doc.tokens[i + 1].text.lower() not in words.interview_prepositions:
        return None
    np = parse_noun_phrase(doc, lexicon, i + 2, end)
    return _Answer(np) if np is not None and np.pronoun is None else None


def _in_venue(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    """„im Gespräch“, „in einem Interview“: a venue preposition (with at most an article) before token ``i``."""
    for k in (i - 1, i - 2):
        if k >= 0 and "venue_prep" in function_word_classes(lexicon, doc.tokens[k].text):
            return True
    return False


#: The constructions of an addressee, tried in order at each word; the first that answers wins.
ADDRESSEE_STRATEGIES: tuple[AddresseeStrategy, ...] = (
    addressee_of_preposition,
    dative_addressee,
    dative_medium,
    bare_medium,
    medium_as_venue,
    partner_of_interview,
)


def _after_preposition(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    return i > 0 and "prep" in function_word_classes(lexicon, doc.tokens[i - 1].text)


def _postposition_at(doc: Doc, lexicon: Lexicon, i: int, end: int) -> bool:
    """Whether an according-to phrase whose owner precedes it starts at ``i`` („zufolge“)."""
    entry = according_phrase_at(doc, lexicon, i, end)
    return entry is not None and entry.position == "post"


def _medium_after(doc: Doc, lexicon: Lexicon, i: int, end: int) -> NounPhrase | None:
    """The noun phrase at ``i`` if it is a news agency or medium, and no postposition makes it a source („der Zeitung zufolge“)."""
    np = parse_noun_phrase(doc, lexicon, i, end)
    if np is None or np.end < end and _postposition_at(doc, lexicon, np.end, end):
        return None
    return np if is_medium(doc, lexicon, np) else None
