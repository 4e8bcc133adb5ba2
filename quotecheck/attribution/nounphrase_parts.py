"""Small parts of the noun-phrase grammar: capitals, adjectives, quantities, ages, quoted titles.

:func:`~quotecheck.attribution.nounphrase.parse_noun_phrase` steps over these
before it reaches the head noun: the attributive adjectives of „die
**russische** Regierung“, the number of „**zwei** Diplomaten“ or „**mehrere**
Insider“, the age phrase of „Der **29 Jahre alte** IT-Techniker“, and the short
quoted title of „die Zeitung **„Kurier“**“. None of them reads a whole noun
phrase, so this module needs nothing from :mod:`~quotecheck.attribution.nounphrase`.
"""

from __future__ import annotations

import regex

from quotecheck.analysis.base import Doc
from quotecheck.attribution.words import function_word_classes
from quotecheck.lexicon import DETERMINER_CLASSES, Lexicon
from quotecheck.text import Token


_ADJECTIVE = regex.compile(r"^\p{Ll}[\p{L}-]*(?:e|en|er|es|em)$|^\d+\.$")


def capitalised(tok: Token) -> bool:
    """Whether a token is a word with a capital („Berlin“, „Die“), for a caller that holds the token."""
    return tok.kind == "word" and tok.text[:1].isupper()


def is_capitalised(doc: Doc, i: int) -> bool:
    """Whether token ``i`` of ``doc`` is a word with a capital (:func:`capitalised`)."""
    return capitalised(doc.tokens[i])


def skip_adjectives(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> int:
    """Past the attributive adjectives at ``i``: words with an adjective ending.

    A determiner („die“) or a speech verb („teilte“) ends like one but opens no
    attribute: „Das teilte die Notenbank mit“ has no noun phrase at „Das“.
    """
    tokens = doc.tokens
    while i < limit:
        tok = tokens[i]
        # _ADJECTIVE needs a lower-case letter or a digit first, never a capital: most words asked
        # („Berlin“) have one, and are turned away before the pattern
        if tok.text[:1].isupper() or tok.kind not in ("word", "number") or not _ADJECTIVE.match(tok.text):
            break
        if function_word_classes(lexicon, tok.text) & DETERMINER_CLASSES or doc.lemma(i).lower() in lexicon.speech_verbs:
            break
        i += 1
    return i


def _skip_quantity(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> int:
    """„zwei Diplomaten“, „mehrere Insider“, „3 Beamte“: past a number before the noun."""
    if i < limit and (doc.tokens[i].kind == "number" or doc.tokens[i].text.lower() in lexicon.attribution.quantities):
        return i + 1
    return i


_AGE_ADJECTIVE = regex.compile(r"^alt(?:e|en|er|es|em)?$")


def _skip_age(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> int:
    """„Der 29 Jahre alte IT-Techniker“: the age phrase before the noun is an adjective."""
    tokens = doc.tokens
    if i + 2 < limit and tokens[i].kind == "number" and tokens[i + 1].text in lexicon.attribution.age_units and _AGE_ADJECTIVE.match(tokens[i + 2].text):
        return i + 3
    return i


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
