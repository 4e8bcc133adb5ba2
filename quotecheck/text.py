"""The text layer: tokens, sentences and paragraphs with exact character offsets.

Pipeline stage 1 (analysis): the embedded backend's segmentation; every other stage reads its offsets.

Every later stage (quotation-mark pairing, speech-verb frames, attribution)
points back into the caller's text, so offsets are sacred: for every token
``text[t.start:t.end] == t.text``, tokens are ordered, never overlap and cover
every non-whitespace character. :func:`tokenize` and :func:`segment` accept any
Python string -- empty, control characters, lone surrogates, combining marks,
emoji, right-to-left script -- and never raise.

Tokenisation is one verbose regular expression, compiled once per lexicon by a
:class:`Segmenter` and run with ``finditer`` (linear time, no per-token regex
work); the commonest tokens take fast paths in front of it (:func:`_fast_paths`).
The rules follow SoMaJo
(Proisl & Uhrig 2016, "SoMaJo: State-of-the-art tokenization for German web and
social media texts"): URLs and e-mail addresses stay whole, abbreviations keep
their period (the list is data, ``data/de/abbreviations.txt``, read into the
lexicon's :class:`~quotecheck.lexicon.TextWords`), every quotation
mark is a token of its own because the quote detector pairs them.

Tokens are stored as columns (:class:`Tokens`: offsets in arrays, kinds as
bytes, about 9 bytes a token where a Token object costs 200); Token objects are
made from them, all at once for a document of up to :data:`MATERIALISE_LIMIT`
tokens, by block on access beyond.

Sentence splitting is deliberately rule-based and conservative; the heuristics
and their known failures are documented at :func:`segment`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from array import array
from typing import Iterable, Iterator, Mapping, Sequence

import regex
from attrs import field, frozen

from quotecheck.columns import (
    KIND_CODES,
    MATERIALISE_LIMIT,
    TOKEN_KINDS,
    Columns,
    Paragraph,
    Paragraphs,
    Sentence,
    Sentences,
    Token,
    Tokens,
    _gc_paused,
    _handed_out,
    _offsets,
)
from quotecheck.lexicon import TextWords, load_lexicon
from quotecheck.token_pattern import _KIND_OF_GROUP, _WS, QUOTE_CHARS, _fast_paths, _token_pattern, abbreviations

__all__ = [
    "TOKEN_KINDS",
    "KIND_CODES",
    "MATERIALISE_LIMIT",
    "QUOTE_CHARS",
    "Token",
    "Columns",
    "Tokens",
    "Sentences",
    "Paragraphs",
    "Sentence",
    "Paragraph",
    "TextLayer",
    "Segmenter",
    "default_segmenter",
    "tokenize",
    "segment",
    "abbreviations",
    "break_runs",
    "paragraph_over",
]


# ---------------------------------------------------------------------------
# Language knowledge: data/de/abbreviations.txt and data/de/ordinals.tsv, in the lexicon.
# ---------------------------------------------------------------------------


_LINE_BREAK = r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]"
_BREAK_RUN_RE = regex.compile(rf"(?:{_LINE_BREAK})[{_WS}]*+")
_LINE_BREAK_RE = regex.compile(_LINE_BREAK)


def break_runs(text: str) -> Iterator[tuple[int, bool]]:
    """``(end offset, is paragraph break)`` of every whitespace run that starts with a line break.

    Shared with the stanza backend so that both backends break paragraphs alike.
    """
    for m in _BREAK_RUN_RE.finditer(text):
        run = m.group()
        yield m.end(), "\u2029" in run or len(_LINE_BREAK_RE.findall(run)) >= 2


_bisect_right = bisect.bisect_right


@frozen(init=False)
class TextLayer:
    """A document's tokens, sentences and paragraphs, with lookups by index and offset.

    ``TextLayer(text, tokens, sentences, paragraphs)`` takes any iterables of
    :class:`Token`, :class:`Sentence` and :class:`Paragraph` (a backend's own)
    or the :class:`Columns` of :func:`segment`. ``columns`` keeps the tokens
    compactly; ``tokens``, ``sentences`` and ``paragraphs`` are what rules read:
    tuples for a document of up to ``materialise_limit`` tokens
    (:data:`MATERIALISE_LIMIT`), the :class:`Columns` beyond. Equality compares
    the text, the tokens, the sentences and the paragraphs.
    """

    text: str
    columns: Tokens
    sentences: Sequence[Sentence]
    paragraphs: Sequence[Paragraph]
    tokens: Sequence[Token] = field(eq=False, repr=False)
    # Sort keys for bisect, so sentence_index is O(log n).
    _sentence_firsts: array[int] = field(eq=False, repr=False)
    # How many tokens: sentence_index checks its argument without a call of Tokens.__len__.
    _token_count: int = field(eq=False, repr=False)

    def __init__(
        self,
        text: str,
        tokens: Iterable[Token],
        sentences: Iterable[Sentence],
        paragraphs: Iterable[Paragraph],
        *,
        materialise_limit: int = MATERIALISE_LIMIT,
    ) -> None:
        columns = tokens if isinstance(tokens, Tokens) and tokens.text is text else Tokens.of(text, tokens)
        limit = max(len(text), len(columns)) + 1
        sentence_columns = sentences if isinstance(sentences, Sentences) else Sentences.of(sentences, limit)
        paragraph_columns = paragraphs if isinstance(paragraphs, Paragraphs) else Paragraphs.of(paragraphs, limit)
        materialise = len(columns) <= materialise_limit
        self._init(columns, _handed_out(columns, materialise), sentence_columns, paragraph_columns, materialise)

    def _init(self, columns: Tokens, tokens: Sequence[Token], sentences: Sentences, paragraphs: Paragraphs,
              materialise: bool) -> None:
        self.__attrs_init__(
            columns.text,
            columns,
            _handed_out(sentences, materialise),
            _handed_out(paragraphs, materialise),
            tokens,
            sentences.firsts,
            len(columns),
        )

    @classmethod
    def _of_columns(cls, columns: Tokens, tokens: Sequence[Token], sentences: Sentences, paragraphs: Paragraphs,
                    materialise: bool) -> TextLayer:
        """A layer whose token sequence :func:`segment` has made already."""
        layer = cls.__new__(cls)
        layer._init(columns, tokens, sentences, paragraphs, materialise)
        return layer

    def sentence_index(self, token_index: int) -> int:
        """Index of the sentence containing token ``token_index``.

        Raises IndexError for an index outside the token sequence.
        """
        if 0 <= token_index < self._token_count:
            return _bisect_right(self._sentence_firsts, token_index) - 1
        raise IndexError(f"token index {token_index} out of range 0..{self._token_count - 1}")

    def token_at(self, char_offset: int) -> int | None:
        """Index of the token covering ``char_offset``; ``None`` in whitespace or outside the text."""
        i = bisect.bisect_right(self.columns.starts, char_offset) - 1
        if i >= 0 and char_offset < self.columns.ends[i]:
            return i
        return None


# ---------------------------------------------------------------------------
# Tokenisation.
# ---------------------------------------------------------------------------


_LAST_INDEX = operator.attrgetter("lastindex")
_GROUP_NAME = regex.compile(r"\(\?P<(\w+)>")


def _groups_by_kind(pattern: str) -> str:
    """The token pattern with each group named by its token kind („plain“ and „word_“ both „word“).

    The regex module lets groups share a name, and a match of 6 groups is made
    faster than one of 18 (a tenth of the scan); the alternatives and so the
    tokens stay the same, and a match's ``lastindex`` then says its kind.
    """
    return _GROUP_NAME.sub(lambda m: f"(?P<{_KIND_OF_GROUP[m[1]]}>", pattern)


def _codes_of_groups(compiled: regex.Pattern[str]) -> bytes:
    """``bytes.translate`` table from a group's number (``lastindex``) to its :data:`KIND_CODES`."""
    table = bytearray(range(256))
    for name, number in compiled.groupindex.items():
        table[number] = KIND_CODES[name]
    return bytes(table)

#: Regex matches are turned into columns this many at a time: a batch is read
#: with C-level ``map`` calls, and never more matches than this are alive (a
#: match of the token pattern costs over a kilobyte: 16,384 matches of the old
#: 18-group pattern were 26 MB, more than the rest of a 1 MB document's analysis).
_BATCH = 1 << 11


class Segmenter:
    """Tokenizer and sentence splitter for one set of text words (abbreviations, months …).

    Built once per lexicon (the token regex, fast paths in front, is compiled
    here, not per call); :func:`tokenize` and :func:`segment` use the packaged
    lexicon's.

    >>> [t.text for t in default_segmenter().tokenize("Dr. Roth kam am 3. Mai.")]
    ['Dr.', 'Roth', 'kam', 'am', '3.', 'Mai', '.']
    """

    __slots__ = ("words", "_token_re", "_kind_codes")

    def __init__(self, words: TextWords) -> None:
        self.words = words
        self._token_re = regex.compile(_groups_by_kind(_fast_paths() + _token_pattern(words)), regex.VERBOSE | regex.V0)
        self._kind_codes = _codes_of_groups(self._token_re)

    def tokenize(self, text: str) -> Tokens:
        """Tokens of ``text`` in order; see the module docstring for the guarantees."""
        starts, ends, kinds = _offsets(len(text)), _offsets(len(text)), bytearray()
        # concurrent=False: the regex module would release the GIL for every token
        # matched on a str and take it back, a lock round trip per token (a tenth of
        # the scan) that lets no other thread run for longer than a match; the
        # matches are the same either way
        matches = self._token_re.finditer(text, concurrent=False)
        while batch := list(itertools.islice(matches, _BATCH)):
            starts.extend(map(regex.Match.start, batch))
            ends.extend(map(regex.Match.end, batch))
            kinds.extend(map(_LAST_INDEX, batch))
        return Tokens(text, starts, ends, bytes(kinds).translate(self._kind_codes))

    def segment(self, text: str) -> TextLayer:
        """Tokens, sentences and paragraphs of ``text`` (see :func:`segment`)."""
        with _gc_paused():
            return _segment(self.tokenize(text), self.words.abbreviations)


@functools.cache
def default_segmenter() -> Segmenter:
    """The :class:`Segmenter` of the packaged lexicon, built once per process."""
    return Segmenter(load_lexicon().text)


def tokenize(text: str) -> Tokens:
    """Tokens of ``text`` in order, with the packaged lexicon's abbreviations."""
    return default_segmenter().tokenize(text)


# ---------------------------------------------------------------------------
# Sentences and paragraphs.
# ---------------------------------------------------------------------------

_TERMINAL_CHARS = frozenset(".!?…")
#: Four literal characters: the standard library's engine finds them in a text with a
#: bitmap test per character, the regex module's with a set look-up (same matches).
_TERMINAL_RE = re.compile(r"[.!?…]")
#: Tokens glued to sentence punctuation that still belong to the sentence:
#: closing quotation marks („kommen.“) and brackets („(siehe oben.)“).
_CLOSING_PUNCT = frozenset(")]}")
#: A line ending in one of these continues on the next line.
_CONTINUING = frozenset(",;:-–—/&+(„‚»«‹›")
_BULLETS = frozenset("-–—•·*▪►")


def _is_terminal(tok: Token, flags: Mapping[str, str]) -> bool:
    """Sentence punctuation, or an abbreviation that may end a sentence („usw.“)."""
    if tok.kind == "punct":
        return tok.text[-1] in _TERMINAL_CHARS
    return tok.kind == "word" and flags.get(tok.text) == "final"


def _starts_sentence(tok: Token) -> bool:
    """Whether a token can begin a sentence: uppercase letter, digit or quotation mark."""
    if tok.kind == "quote" or tok.kind == "number":
        return True
    first = tok.text[0]
    return first.isupper() or first.istitle() or first.isdigit()


def _is_list_marker(tok: Token) -> bool:
    """A bullet or a numbered list item („1.“) at the start of a line."""
    return tok.text in _BULLETS or (tok.kind == "number" and tok.text[-1] == ".")


def _terminal_end(tokens: Sequence[Token], i: int) -> int:
    """Index after a terminal token and the marks glued to it („kommen!“ → after “).

    Further sentence punctuation („?!“) and closing quotation marks or brackets
    belong to the sentence when nothing separates them from the punctuation.
    """
    n = len(tokens)
    j = i + 1
    while j < n and tokens[j].start == tokens[j - 1].end:
        tok = tokens[j]
        if tok.kind == "quote" or tok.text in _CLOSING_PUNCT or (
            tok.kind == "punct" and tok.text[-1] in _TERMINAL_CHARS
        ):
            j += 1
        else:
            break
    return j


def _line_breaks(text: str, starts: Sequence[int]) -> tuple[set[int], set[int]]:
    """Token indices that begin a new paragraph, and those that begin a new line."""
    paragraphs: set[int] = set()
    lines: set[int] = set()
    n = len(starts)
    for end, is_paragraph in break_runs(text):
        i = bisect.bisect_left(starts, end)
        if i == 0 or i >= n:
            continue
        if is_paragraph:
            paragraphs.add(i)
        else:
            lines.add(i)
    return paragraphs, lines


def _boundaries(
    text: str, tokens: Sequence[Token], starts: Sequence[int], flags: Mapping[str, str]
) -> tuple[list[int], set[int]]:
    """Sorted token indices where sentences start, and the subset starting paragraphs."""
    paragraph_starts, line_starts = _line_breaks(text, starts)
    boundaries = {0} | paragraph_starts
    # Sentence punctuation followed by whitespace and a sentence start. Only
    # tokens containing . ! ? … can end a sentence; a regex over the text finds
    # them without a Python-level loop over every token.
    n = len(tokens)
    previous = -1
    for m in _TERMINAL_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i == previous:
            continue
        previous = i
        tok = tokens[i]
        if not _is_terminal(tok, flags):
            continue
        j = _terminal_end(tokens, i)
        if j >= n or tokens[j].start == tokens[j - 1].end:
            continue  # end of text, or glued on („Hallo.Welt“, „kommen!“,)
        if j in line_starts or _starts_sentence(tokens[j]):
            boundaries.add(j)
    # Single line breaks: after sentence punctuation (done above, whatever the
    # next line starts with) and after a heading -- a line that starts a
    # sentence, ends without punctuation, and is followed by a line starting
    # with an uppercase letter, digit or quotation mark.
    # List items („1. Mehr Geld“, „• Mehr Geld“) after a line ending in a colon
    # or after another list item are sentences of their own.
    line_first = 0
    for i in sorted(line_starts | paragraph_starts):
        last = tokens[i - 1]
        if i not in boundaries and (
            (
                line_first in boundaries
                and last.text not in _CONTINUING
                and _starts_sentence(tokens[i])
            )
            or (
                _is_list_marker(tokens[i])
                and (last.text == ":" or _is_list_marker(tokens[line_first]))
            )
        ):
            boundaries.add(i)
        line_first = i
    for i in sorted({0} | paragraph_starts | line_starts):
        after = _dateline_end(tokens, i)
        if after is not None:
            boundaries.add(after)
    return sorted(boundaries), paragraph_starts


#: A dateline at the start of a line: up to three place words („Frankfurt/Main“,
#: „Den Haag“), an optional bracket with the agency („(dpa)“, „(AFP/Reuters)“),
#: then a dash.
_DATELINE_WORDS = 3
_DATELINE_BRACKET = 6
_DASHES = frozenset("–—-")


def _dateline_end(tokens: Sequence[Token], i: int) -> int | None:
    """The token after the dash of a dateline starting at token ``i``, if there is one.

    „Berlin (dpa) – Der Minister sagte …“: the dateline names where and through
    whom the story came, and is no part of the first sentence's grammar; left in,
    it would be read as the start of the subject („Berlin (dpa) – Der Minister“).
    """
    n = len(tokens)
    j = i
    words = 0
    while j < n and words < _DATELINE_WORDS and tokens[j].kind == "word" and tokens[j].text[:1].isupper():
        words += 1
        j += 1
        if j < n and tokens[j].text == "/" and j + 1 < n and tokens[j + 1].kind == "word":
            j += 1
    if words == 0 or j >= n:
        return None
    if tokens[j].text == "(":
        close = next((k for k in range(j + 1, min(n, j + _DATELINE_BRACKET)) if tokens[k].text == ")"), None)
        if close is None:
            return None
        j = close + 1
    if j + 1 < n and tokens[j].text in _DASHES and _starts_sentence(tokens[j + 1]) and tokens[j + 1].start > tokens[j].end:
        return j + 1
    return None


def segment(text: str) -> TextLayer:
    """Tokens, sentences and paragraphs of ``text``.

    Paragraphs are separated by a blank line (a line break, optional
    whitespace, a line break) or U+2029 PARAGRAPH SEPARATOR. A paragraph break
    always ends a sentence.

    A sentence ends after ``. ! ? …`` (plus glued closing quotation marks and
    brackets: „Wir kommen.“ ends after “) when whitespace follows and the next
    token is a capitalised word, a number or a quotation mark, or the
    punctuation ends a line. A lowercase word or a comma continues the sentence
    („„Wir kommen!“, sagte er.“ is one sentence). Punctuation inside a quote
    splits like any other: the quote detector works across sentences.

    No split after abbreviations (data file; ``final`` entries such as „usw.“
    may end a sentence), initials („George W. Bush“) or ordinals. A number
    with a period is an ordinal -- and its period part of the number token --
    when it is followed by a month name („am 18. Juni“), a lowercase word („am
    3. und 4. Mai“), a range („18.–20. Juni“), or a capitalised word and it
    either follows an article, a contracted preposition or a possessive („der
    3. Liga“, „des 80. Jahrestages“, „zum 70. Geburtstag“) or starts a line
    (list items „1. Mehr Geld“). Otherwise „… waren es 2024. Danach …“ and
    „… auf Platz 3. Der Verein …“ split.

    A dateline at the start of a line („Berlin (dpa) –“, „Frankfurt/Main –“: up to
    three capitalised words, an optional bracket, a dash, then a capitalised word)
    is a sentence of its own, so that it is never read as part of a subject.

    A single line break ends a sentence after sentence punctuation, or after a
    line that looks like a heading: it starts a sentence, does not end in a
    comma, colon, dash or similar, and the next line starts with an uppercase
    letter, a digit or a quotation mark. Hard-wrapped prose is therefore
    over-split where a wrapped line is followed by a capitalised noun and the
    line itself began a sentence; unwrap such text first.
    """
    return default_segmenter().segment(text)


def _segment(columns: Tokens, flags: Mapping[str, str], materialise_limit: int = MATERIALISE_LIMIT) -> TextLayer:
    text, count = columns.text, len(columns)
    if not count:
        return TextLayer(text, columns, (), ())
    materialise = count <= materialise_limit
    tokens = _handed_out(columns, materialise)
    boundaries, paragraph_starts = _boundaries(text, tokens, columns.starts, flags)
    limit = max(len(text), count) + 1
    firsts = _offsets(limit, boundaries)
    lasts = _offsets(limit, boundaries[1:])
    lasts.append(count)
    # every sentence's paragraph, and every paragraph's first sentence
    paragraph_of, paragraph_firsts = _offsets(limit), _offsets(limit, (0,))
    for index, first in enumerate(boundaries):
        if index and first in paragraph_starts:
            paragraph_firsts.append(index)
        paragraph_of.append(len(paragraph_firsts) - 1)
    sentence_starts = _offsets(limit, map(columns.starts.__getitem__, firsts))
    sentence_ends = _offsets(limit, (columns.ends[last - 1] for last in lasts))
    sentences = Sentences(sentence_starts, sentence_ends, firsts, lasts, paragraph_of)
    paragraph_lasts = _offsets(limit, paragraph_firsts[1:])
    paragraph_lasts.append(len(boundaries))
    paragraphs = Paragraphs(
        _offsets(limit, map(sentence_starts.__getitem__, paragraph_firsts)),
        _offsets(limit, (sentence_ends[last - 1] for last in paragraph_lasts)),
        paragraph_firsts,
        paragraph_lasts,
    )
    return TextLayer._of_columns(columns, tokens, sentences, paragraphs, materialise)


def paragraph_over(sentences: Sequence[Sentence], first: int, last: int) -> Paragraph:
    """The paragraph of ``sentences[first:last]`` (shared with the stanza backend)."""
    return Paragraph(sentences[first].start, sentences[last - 1].end, first, last)
