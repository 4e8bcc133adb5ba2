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
extractor uses; language knowledge is in the two data files (read into the lexicon,
``lexicon.compare``), not here.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Iterator, Mapping, Sequence

import regex

from quotecheck.analysis.embedded import lemmatize
from quotecheck.lexicon import load_lexicon

__all__ = ["WordToken", "content_lemma", "content_lemmas", "normal_word", "sentence_starts", "stop_words", "surface_words",
           "word_tokens", "words"]

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


def stop_words() -> frozenset[str]:
    """The stop-word list of the packaged lexicon (``lexicon.compare.stop_words``, ``stop_words.txt``)."""
    return load_lexicon().compare.stop_words


def _variants() -> Mapping[str, str]:
    return load_lexicon().compare.word_variants


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


def surface_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as written, a hyphenated word split into its parts.

    >>> surface_words("Kim Jong-un sagte: „12 %“")
    ('Kim', 'Jong', 'un', 'sagte', '12', '%')
    """
    out: list[str] = []
    for piece in _WORD.findall(text):
        if piece[0].isdigit() or _HYPHEN.search(piece) is None:
            out.append(piece)
        else:
            out.extend(part for part in _HYPHEN.split(piece) if part)
    return tuple(out)


#: A possible sentence end inside a quotation: ``. ! ? …`` (closing marks glued on), then space and more
#: text. Only a quotation that has one is given to the sentence splitter.
_INNER_END = regex.compile(r"[.!?…][\"'“”»«’)\]]*\s+\S")


def sentence_starts(text: str, breaks: Sequence[int] = ()) -> tuple[int, ...]:
    """The word positions (as :func:`word_tokens` counts) where a further sentence of ``text`` begins.

    One outlet quotes two sentences in one piece, „Der Rückruf kommt zu spät.
    Beschwerden gab es schon vor zwei Wochen.“, another gives them as two
    quotes; each of those renders one sentence of the first. Sentences are
    cut as :func:`quotecheck.text.segment` cuts a document (no cut after
    abbreviations, initials or ordinals: „am 14. August“). ``breaks`` are
    character offsets in ``text`` where a piece begins whatever the
    punctuation: the further spans of a quotation its frame interrupts
    („Der Staat steigt nicht ein“, betonte sie, „die Bürgschaft ist an
    Bedingungen geknüpft“), each of which another outlet may quote alone.
    Empty for a quotation of one sentence and one span.

    >>> sentence_starts("Der Rückruf kommt zu spät. Beschwerden gab es schon vor zwei Wochen.")
    (5,)
    >>> sentence_starts("Betroffen sind Gläser mit dem Datum 14. August.")
    ()
    >>> sentence_starts("Der Staat steigt nicht ein die Bürgschaft ist an Bedingungen geknüpft", breaks=(27,))
    (5,)
    """
    starts = sorted(breaks)
    if _INNER_END.search(text) is not None:
        from quotecheck.text import segment  # the document splitter, needed only for quotations of several sentences

        starts = sorted({*starts, *(sentence.start for sentence in segment(text).sentences[1:])})
    if not starts:
        return ()
    cuts: list[int] = []
    pending = 0
    for index, (_, start, _) in enumerate(word_tokens(text)):
        while pending < len(starts) and start >= starts[pending]:
            pending += 1
            if index > 0 and (not cuts or cuts[-1] != index):
                cuts.append(index)
    return tuple(cuts)


def words(text: str) -> tuple[str, ...]:
    """Just the normalised words of ``text``: :func:`word_tokens` without the offsets.

    >>> words("Kim Jong-un sagte: „12 %“") == tuple(w for w, _, _ in word_tokens("Kim Jong-un sagte: „12 %“"))
    True
    """
    return tuple(map(normal_word, surface_words(text)))


#: Endings stripped from a long word simplemma does not know (a compound it has
#: never seen, „Feststofftriebwerks“), so that its inflected forms meet.
_OOV_ENDINGS = ("es", "s", "en", "n", "e")
_OOV_MIN_LENGTH = 8


@functools.lru_cache(maxsize=200_000)
def content_lemma(surface: str) -> str | None:
    """The lemma key of a word as written, or None for a stop word.

    The lemma is looked up for the word as written (so „Schiff“ is a noun and
    „verletzt“ a verb), then lower-cased; a number is its own lemma, a word
    written all in capitals is looked up lower-cased too. A long word that
    simplemma does not know loses a final inflection ending
    („Fischtrawlers“ → „fischtrawler“), so that the forms of a compound it has
    never seen still meet.

    >>> content_lemma("Gesprächen"), content_lemma("verloren"), content_lemma("die"), content_lemma("Fischtrawlers")
    ('gespräch', 'verloren', None, 'fischtrawler')
    """
    lowered = normal_word(surface)
    stops = stop_words()
    if lowered in stops:
        return None
    if lowered[0].isdigit() or lowered != surface.lower():
        return lowered  # a number, or a spelling variant already in its normal form („%“ → „prozent“)
    lemma = lemmatize(surface).lower()
    if lemma == lowered and surface.isupper():
        lemma = lemmatize(lowered).lower()
    if lemma == lowered and len(lowered) >= _OOV_MIN_LENGTH and not _known(surface):
        lemma = _strip_ending(lowered)
    return None if lemma in stops else lemma


def _known(word: str) -> bool:
    """Whether simplemma's German dictionary has the word (read from the shared lemma table, as the backend does)."""
    from quotecheck.analysis.lemmas import german_is_known

    return german_is_known()(word)


def _strip_ending(word: str) -> str:
    for ending in _OOV_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _OOV_MIN_LENGTH - 1:
            return word[: -len(ending)]
    return word


def content_lemmas(surfaces: tuple[str, ...]) -> frozenset[str]:
    """The content lemmas of words as written: stop words left out.

    >>> sorted(content_lemmas(surface_words("Wir haben die Geduld verloren")))
    ['geduld', 'verloren']
    >>> sorted(content_lemmas(surface_words("die Gewerkschaft habe die Geduld verloren")))
    ['geduld', 'gewerkschaft', 'verloren']
    """
    return frozenset(lemma for lemma in map(content_lemma, surfaces) if lemma is not None)
