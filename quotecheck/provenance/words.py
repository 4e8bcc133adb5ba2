"""Words of a quotation, as the comparison sees them.

Stage: compare (across documents), step 1 — what two renderings can share.

Two outlets render one statement with different words around the same core:
„Wir haben die Geduld verloren“ (direct) and „die Gewerkschaft habe die Geduld
verloren“ (indirect, Konjunktiv) share the content words *Geduld* and
*verlieren*; the pronouns, the auxiliary and its mood are what reporting changes.
So a rendering is reduced to

- its **words**: every word token, lower-cased, a spelling variant read as its
  normal form („zwölf“ → „12“, „%“ → „prozent“, data file ``word_variants.tsv``)
  and a hyphenated word split („Jong-un“ → „jong“, „un“: Kim Jong-un = Kim Jong
  Un). The verbatim comparison and the word-level diff read these;
- its **content lemmas**: the lemmas of those words that are not stop words
  (``stop_words.txt``), the set the similarity and the hashing read.

Lemmas come from the embedded backend's cached simplemma look-up, the same the
extractor uses; language knowledge is in the two data files, not here.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Iterator

import regex

from quotecheck.analysis.embedded import lemmatize
from quotecheck.lexicon import data_file, parse_word_list, parse_word_variants

__all__ = ["WordToken", "content_lemmas", "normal_word", "stop_words", "word_tokens", "words"]

#: A word as the comparison reads it: numbers with their separators („12,5“),
#: words with inner hyphens or apostrophes („Jong-un“, „geht's“), and the unit
#: signs the variants table knows („%“, „€“, „$“).
_WORD = regex.compile(
    r"""
    \d+(?:[.,]\d+)*           # 12 / 12,5 / 1.000
    | \w+(?:[-'’]\w+)*        # Augenmaß / Jong-un / geht's
    | [%€$]                   # unit signs, normalised through word_variants.tsv
    """,
    regex.VERBOSE,
)
_HYPHEN = regex.compile(r"[-'’]")

WordToken = tuple[str, int, int]
"""A normalised word and its ``[start, end)`` offsets in the text it was read from."""


@functools.cache
def stop_words() -> frozenset[str]:
    """The packaged stop-word list (``data/de/stop_words.txt``), read once."""
    return parse_word_list(*data_file("stop_words.txt"))


@functools.cache
def _variants() -> dict[str, str]:
    return parse_word_variants(*data_file("word_variants.tsv"))


@functools.lru_cache(maxsize=200_000)
def normal_word(form: str) -> str:
    """The comparable form of one word: NFC, lower case, spelling variants normalised.

    >>> normal_word("Zwölf"), normal_word("%"), normal_word("Augenmaß")
    ('12', 'prozent', 'augenmaß')
    """
    lowered = unicodedata.normalize("NFC", form).lower()
    return _variants().get(lowered, lowered)


def word_tokens(text: str) -> Iterator[WordToken]:
    """The words of ``text`` with their offsets; a hyphenated word yields its parts.

    >>> [w for w, _, _ in word_tokens("Kim Jong-un sagte: „12 %“")]
    ['kim', 'jong', 'un', 'sagte', '12', 'prozent']
    """
    for match in _WORD.finditer(text):
        start = match.start()
        piece = match.group()
        if _HYPHEN.search(piece) is None or piece[0].isdigit():
            yield normal_word(piece), start, match.end()
            continue
        offset = 0
        for part in _HYPHEN.split(piece):
            if part:
                yield normal_word(part), start + offset, start + offset + len(part)
            offset += len(part) + 1


def words(text: str) -> tuple[str, ...]:
    """Just the normalised words of ``text``: :func:`word_tokens` without the offsets, faster.

    >>> words("Kim Jong-un sagte: „12 %“") == tuple(w for w, _, _ in word_tokens("Kim Jong-un sagte: „12 %“"))
    True
    """
    out: list[str] = []
    for piece in _WORD.findall(text):
        if piece[0].isdigit() or _HYPHEN.search(piece) is None:
            out.append(normal_word(piece))
        else:
            out.extend(normal_word(part) for part in _HYPHEN.split(piece) if part)
    return tuple(out)


@functools.lru_cache(maxsize=200_000)
def _content_lemma(word: str) -> str | None:
    """The lemma key of a normalised word, or None for a stop word.

    The comparison has lost the case, so the lemma is looked up for the
    lower-case form first (right for verbs and adjectives: „russischen“ →
    „russisch“), then capitalised (nouns: „Gesprächen“ → „Gespräch“); the first
    that simplemma changes wins, else the word itself.
    """
    stops = stop_words()
    if word in stops:
        return None
    if word[0].isdigit():
        return word
    for form in (word, word.capitalize()):
        lemma = lemmatize(form).lower()
        if lemma != word:
            break
    return None if lemma in stops else lemma


def content_lemmas(tokens: tuple[str, ...]) -> frozenset[str]:
    """The content lemmas of normalised words: stop words left out.

    >>> sorted(content_lemmas(words("Wir haben die Geduld verloren")))
    ['geduld', 'verloren']
    >>> sorted(content_lemmas(words("die Gewerkschaft habe die Geduld verloren")))
    ['geduld', 'gewerkschaft', 'verloren']
    """
    return frozenset(lemma for lemma in map(_content_lemma, tokens) if lemma is not None)
