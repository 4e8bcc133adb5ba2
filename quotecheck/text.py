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
import collections
import contextlib
import functools
import gc
import itertools
import operator
from array import array
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence, TypeVar, overload

import regex
from attrs import field, frozen

from quotecheck.lexicon import TextWords, load_lexicon

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

TOKEN_KINDS = ("word", "number", "punct", "quote", "url", "other")

#: Every quotation mark the tokenizer recognises. The straight single quote
#: ``'`` and ``’`` are apostrophes, not marks, between two letters („geht's“,
#: „Kim's“, „geht’s“); everywhere else they are quotation-mark tokens.
QUOTE_CHARS = "„“”‚‘’»«›‹\"'"

# ---------------------------------------------------------------------------
# Language knowledge: data/de/abbreviations.txt and data/de/ordinals.tsv, in the lexicon.
# ---------------------------------------------------------------------------


def abbreviations(words: TextWords | None = None) -> Mapping[str, str]:
    """Every abbreviation token the tokenizer keeps whole, mapped to its flag.

    A multi-part entry („z. B.“) contributes each part („z.“, „B.“) and its
    spaceless spelling („z.B.“); its flag (``plain``, ``num``, ``final``) applies
    to the last part and the spaceless form. ``words`` defaults to the packaged
    lexicon's (:attr:`quotecheck.lexicon.Lexicon.text`).
    """
    return (words if words is not None else load_lexicon().text).abbreviations


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words``, longest first so longer entries win."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# ---------------------------------------------------------------------------
# The token regex.
# ---------------------------------------------------------------------------

# Python's str.isspace() is the reference for "whitespace": it also counts the
# information separators \x1c-\x1f, which the regex module's \s does not.
_WS = r"\s\x1c-\x1f"
_WORD_CHAR = r"\p{L}\p{M}\p{N}"
_QUOTES = regex.escape(QUOTE_CHARS)
# Characters a URL never contains (whitespace, angle brackets, quotation marks)
# and characters it does not end with (sentence punctuation, closing brackets).
_URL_CHAR = rf"[^{_WS}<>{_QUOTES}]"
_URL_END = rf"[^{_WS}<>{_QUOTES}.,;:!?()\[\]{{}}]"
_TLDS = "de|at|ch|com|org|net|eu|info|io|gov|edu|int|uk|fr|it|nl|tv"


def _token_pattern(words: TextWords) -> str:
    """The verbose token regex for the abbreviations, months … of ``words``."""
    table = words.abbreviations
    always = [a for a, flag in table.items() if flag != "num"]
    before_number = [a for a, flag in table.items() if flag == "num"]
    months = _alternation(words.months)
    introducers = _alternation(words.ordinal_introducers)
    coordinators = _alternation(words.truncation_coordinators)
    # Words: letters with optional digits („G7“, „5G“), internal hyphens and
    # apostrophes („Jong-un“, „GdP-Vorsitzende“, „geht's“), a numeric first part
    # („18-Jährige“, „3,5-fach“), and a truncated first compound part kept with
    # its hyphen („Ein- und Ausfuhr“).
    word = rf"""
        (?:\p{{Nd}}+(?:[.,]\p{{Nd}}+)*[-‐‑])?
        \p{{N}}*+\p{{L}}[{_WORD_CHAR}]*+
        (?:[-‐‑'’][{_WORD_CHAR}]++)*+
        (?:[-‐‑](?=[{_WS}]*+,|[{_WS}]++(?:{coordinators})[{_WS}]))?
    """
    return rf"""
    # Scores and clock times („2:1“, „18:30“) are one number, not a colon frame.
    (?<![\p{{Nd}}:])(?P<score>\p{{Nd}}{{1,2}}:\p{{Nd}}{{1,2}})(?![{_WORD_CHAR}:])
    # Fast path for numbers not glued to a letter, hyphen or period: 2024,
    # 11.000, 3,5, 1.234,56, 18.30, 18.06.2024 (the rest is decided below).
  | (?P<number>\p{{Nd}}++(?:[.,]\p{{Nd}}++)*+)(?![{_WORD_CHAR}.‐‑-])
    # Fast path, most tokens: a word not glued to . @ : / _ + %.
  | (?P<word>{word})(?![.@:/_+%])
    # Text glued to . @ : / may be a URL, an e-mail address, an abbreviation or
    # an initial; the guard lets plain words skip these alternatives.
  | (?=[{_WORD_CHAR}][{_WORD_CHAR}_%+-]*+[.@:/])
    (?:
        (?P<url>(?:https?|ftp)://{_URL_CHAR}*{_URL_END}          # http://…, https://…
              | www\.{_URL_CHAR}*{_URL_END})                      # www.…
        # Bounded repetitions keep failed attempts short, so the cost stays
        # linear even for „a.a.a.a…“.
      | (?P<email>[{_WORD_CHAR}._%+-]{{1,64}}+@[{_WORD_CHAR}-]++(?:\.[{_WORD_CHAR}-]++)+)
      | (?P<domain>(?:[{_WORD_CHAR}-]{{1,63}}+\.){{1,6}}(?:{_TLDS})  # tagesschau.de
              (?![{_WORD_CHAR}])(?:/{_URL_CHAR}*{_URL_END})?)     # … with an optional path
        # Abbreviations keep their period (data/de/abbreviations.txt). „Art.“
        # and its kind count only before a number („Art. 5 GG“), else „Art“ is
        # a noun at the end of a sentence.
      | (?P<abbr>(?:{_alternation(always)})
             | (?:{_alternation(before_number)})(?=[{_WS}]*+(?:\p{{N}}|[IVX]+\b)))
        # Initials: a capital letter and a period („J. R. R. Tolkien“, „J.R.R.“).
      | (?P<initial>\p{{Lu}}\p{{M}}*+\.(?:(?![{_WORD_CHAR}])|(?=\p{{Lu}}\p{{M}}*+\.)))
    )
    # Every quotation mark is a token of its own, also when glued to a word.
  | (?P<quote>[{_QUOTES}])
    # A word glued to a period that is none of the above („gesagt.“).
  | (?P<word_>{word})
    # Ordinals: a number with its period when the context shows it is not a
    # sentence end (see segment() for the heuristic).
  | (?P<ordinal>
        \p{{Nd}}{{1,2}}\.\p{{Nd}}{{1,2}}\.(?![{_WORD_CHAR}])            # date without year: 18.6.
      | \p{{Nd}}{{1,4}}+\.                                            # the number and its period,
        (?:                                                          # then its context:
            (?<=(?<!\p{{Nd}})\p{{Nd}}{{1,2}}\.)
            (?=[{_WS}]++(?:{months})(?![{_WORD_CHAR}]))             # 18. Juni, 1. Jan.
          | (?<=(?<!\p{{Nd}})\p{{Nd}}{{1,2}}\.)
            (?=[{_WS}]*+[-–/][{_WS}]*+\p{{Nd}}{{1,2}}\.)              # 18.–20. Juni, 18./19.
          | (?<=(?<!\p{{Nd}})\p{{Nd}}{{1,3}}\.)
            (?=[{_WS}]++\p{{Ll}})                                    # am 3. und 4. Mai
          | (?=[{_WS}]++\p{{Lu}})
            (?<=(?<![{_WORD_CHAR}])(?i:{introducers})[{_WS}]+\p{{Nd}}{{1,4}}\.)  # der 3. Liga
          | (?=[{_WS}]++\p{{Lu}})
            (?<=(?:^|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029(])
                [^\S\n\r\v\f\x85\u2028\u2029]*\p{{Nd}}{{1,2}}\.)            # list item: „1. Mehr Geld“
        )
    )
    # Numbers: 2024, 11.000, 3,5, 1.234,56, 18.30, 18.06.2024.
  | (?P<number_>\p{{Nd}}++(?:[.,]\p{{Nd}}++)*+)
    # „...“ and „…“ are one token each.
  | (?P<ellipsis>\.{{2,}}+|…)
    # Emoji with skin-tone modifiers and zero-width-joiner sequences („👍🏽“, „👨‍👩‍👧“).
  | (?P<emoji>\p{{ExtPict}}(?:[\p{{M}}\p{{Emoji_Modifier}}]|\u200d\p{{ExtPict}})*+)
    # Any other punctuation or symbol, one character (with its combining marks).
  | (?P<punct>[\p{{P}}\p{{S}}]\p{{M}}*+)
    # Anything else that is not whitespace: controls, lone surrogates, stray marks.
  | (?P<other>[^{_WS}]\p{{M}}*+)
    """


def _fast_paths() -> str:
    """Alternatives tried before :func:`_token_pattern`'s: the commonest tokens, cheaply.

    Each one matches only where the full pattern would make the very same token
    (same span, same kind), so putting them first changes no token; it saves the
    regex engine the slower alternatives for most tokens (a fifth of the scan).
    ``tests/test_text.py`` checks this on random text against the full pattern alone.
    """
    return r"""
    # A plain word („Regierung“, „über“): letters and marks, followed by nothing
    # that could extend it (a digit, hyphen, apostrophe) or turn it into an
    # abbreviation, initial, URL or e-mail address (. @ : / _ + %). At a letter
    # only the word alternatives of the full pattern can match, and they stop here.
      (?P<plain>\p{L}[\p{L}\p{M}]*+)(?![\p{L}\p{M}\p{N}\-‐‑'’.@:/_+%])
    # Sentence punctuation and brackets: at these only `punct` matches; a period
    # is one only when no second period (an ellipsis) follows, and none of them
    # when a combining mark follows (punct takes the marks along).
    | (?P<mark>[,;:!?()]|\.(?!\.))(?!\p{M})
    |"""


#: Token kind by the name of the regex group that matched (``Match.lastgroup``).
_KIND_OF_GROUP: dict[str | None, str] = {
    "plain": "word",
    "mark": "punct",
    "url": "url",
    "email": "url",
    "domain": "url",
    "abbr": "word",
    "initial": "word",
    "word": "word",
    "word_": "word",
    "ordinal": "number",
    "score": "number",
    "number": "number",
    "number_": "number",
    "quote": "quote",
    "ellipsis": "punct",
    "emoji": "other",
    "punct": "punct",
    "other": "other",
}

#: A run of whitespace that starts with a line break; it is a paragraph break
#: when it holds two line breaks (a blank line) or a PARAGRAPH SEPARATOR.
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


# ---------------------------------------------------------------------------
# Value classes.
# ---------------------------------------------------------------------------


class Token(NamedTuple):
    """One token: ``text == document[start:end]``; ``kind`` is one of :data:`TOKEN_KINDS`.

    A named tuple (immutable, hashable, compared by value) rather than an attrs
    class so that the columns of :class:`Tokens` turn into tokens without a
    Python-level call per token (``tuple.__new__`` driven by ``map``).
    """

    start: int
    end: int
    text: str
    kind: str


class Sentence(NamedTuple):
    """Tokens ``[first, last)``; characters ``[start, end)`` from first token start to last token end."""

    start: int
    end: int
    first: int
    last: int
    paragraph: int


class Paragraph(NamedTuple):
    """Sentences ``[first, last)``; characters ``[start, end)`` of their tokens."""

    start: int
    end: int
    first: int
    last: int


#: A token's kind as stored in :attr:`Tokens.kinds`: its index in TOKEN_KINDS.
KIND_CODES: dict[str, int] = {kind: code for code, kind in enumerate(TOKEN_KINDS)}

_T = TypeVar("_T")


def _offsets(limit: int, values: Iterable[int] = ()) -> array[int]:
    """An array of offsets below ``limit``: 4 bytes each, 8 from 2**31 on."""
    return array("i" if limit < 2**31 else "q", values)


#: Items of a :class:`Columns` sequence are made and cached by block of 2**_BLOCK_BITS.
_BLOCK_BITS = 11
_BLOCK_MASK = (1 << _BLOCK_BITS) - 1
#: Blocks kept at once: 16 blocks of 2,048 tokens, about 6 MB, whatever the document's size.
_CACHED_BLOCKS = 16


class Columns(Sequence[_T]):
    """A sequence of named tuples stored as columns; the tuples are made on access.

    The rows are read from the columns by block of 2,048 (C-level ``zip`` over
    the column slices) and the last 16 blocks read stay cached, so that rules
    walking a sentence back and forth pay one list and one tuple look-up and the
    making of one named tuple per access. The cached rows are plain tuples of ints
    and strings, which the garbage collector stops tracking: cached named tuples
    would pile up in its oldest generation and make its full collections, each
    over every live object, ever more frequent in a long document. A slice is a
    tuple of named tuples. Subclasses name their columns and how rows are read.
    """

    __slots__ = ("_blocks", "_made")
    #: Makes one item from one row: ``tuple.__new__`` of the named tuple class.
    _new: Callable[[tuple[object, ...]], _T]

    def __init__(self, length: int) -> None:
        # Block number -> its rows, None until read or once dropped; the numbers
        # of the blocks read, oldest first.
        self._blocks: list[tuple[tuple[object, ...], ...] | None] = [None] * ((length + _BLOCK_MASK) >> _BLOCK_BITS)
        self._made: collections.deque[int] = collections.deque()

    def _rows(self, first: int, last: int) -> Iterator[tuple[object, ...]]:
        """Rows ``[first, last)`` read from the columns, lazily."""
        raise NotImplementedError

    def _columns(self) -> tuple[object, ...]:
        """The columns, which equality compares."""
        raise NotImplementedError

    def _made_items(self, first: int, last: int) -> tuple[_T, ...]:
        with _gc_paused():
            return tuple(map(self._new, self._rows(first, last)))

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[_T, ...]: ...

    def __getitem__(self, index: int | slice) -> _T | tuple[_T, ...]:
        # The hot path, called for every ``doc.tokens[i]`` of a long document. A
        # slice, or a block not read, raises TypeError (``slice >= 0``,
        # ``None[...]``); an index past the end raises IndexError as it should.
        try:
            if index >= 0:  # type: ignore[operator]
                return self._new(self._blocks[index >> _BLOCK_BITS][index & _BLOCK_MASK])  # type: ignore[index, operator]
        except TypeError:
            pass
        return self._get(index)

    def _get(self, index: int | slice) -> _T | tuple[_T, ...]:
        """The slow path of ``__getitem__``: slices, negative indices, blocks not read."""
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step == 1:
                return self._made_items(start, max(start, stop))
            return tuple(self[i] for i in range(start, stop, step))
        position = operator.index(index)
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(f"index {index} out of range for {len(self)} items")
        number = position >> _BLOCK_BITS
        block = self._blocks[number]
        if block is None:
            block = tuple(self._rows(number << _BLOCK_BITS, min(len(self), (number + 1) << _BLOCK_BITS)))
            if len(self._made) >= _CACHED_BLOCKS:
                self._blocks[self._made.popleft()] = None
            self._blocks[number] = block
            self._made.append(number)
        return self._new(block[position & _BLOCK_MASK])

    def __iter__(self) -> Iterator[_T]:
        return map(self._new, self._rows(0, len(self)))

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._columns() == other._columns()
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self)} items>"


class Tokens(Columns[Token]):
    """The tokens of one text, stored as columns: offsets in arrays, kinds as bytes.

    A :class:`Token` object costs about 200 bytes (the tuple, two ints, its
    string); here a token costs 9 bytes, and Token objects are made on access
    (see :class:`Columns`); their texts are sliced from the text then.

    >>> tokens = tokenize("Er sagte: „Ja.“")
    >>> tokens[1]
    Token(start=3, end=8, text='sagte', kind='word')
    >>> tokens.starts[1], tokens.ends[1], TOKEN_KINDS[tokens.kinds[1]]
    (3, 8, 'word')
    >>> [t.text for t in tokens[-3:]]
    ['Ja', '.', '“']
    """

    __slots__ = ("text", "starts", "ends", "kinds")
    _new = functools.partial(tuple.__new__, Token)

    def __init__(self, text: str, starts: array[int], ends: array[int], kinds: bytes) -> None:
        if not len(starts) == len(ends) == len(kinds):
            raise ValueError(f"columns differ in length: {len(starts)}, {len(ends)}, {len(kinds)}")
        super().__init__(len(starts))
        self.text = text
        #: Character offset where each token starts, and where it ends.
        self.starts = starts
        self.ends = ends
        #: Each token's kind as its index in TOKEN_KINDS (see KIND_CODES).
        self.kinds = kinds

    @classmethod
    def of(cls, text: str, tokens: Iterable[Token]) -> Tokens:
        """The columns of ``tokens`` of ``text`` (each token must be ``text[start:end]``)."""
        starts, ends, kinds = _offsets(len(text)), _offsets(len(text)), bytearray()
        for token in tokens:
            starts.append(token.start)
            ends.append(token.end)
            kinds.append(KIND_CODES[token.kind])
        return cls(text, starts, ends, bytes(kinds))

    def __len__(self) -> int:
        return len(self.starts)

    def _rows(self, first: int, last: int) -> Iterator[tuple[object, ...]]:
        whole = first == 0 and last == len(self)
        starts = self.starts if whole else self.starts[first:last]
        ends = self.ends if whole else self.ends[first:last]
        kinds = self.kinds if whole else self.kinds[first:last]
        texts = map(self.text.__getitem__, map(slice, starts, ends))
        return zip(starts, ends, texts, map(TOKEN_KINDS.__getitem__, kinds))

    def _columns(self) -> tuple[object, ...]:
        return self.starts, self.ends, self.kinds

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):  # equal offsets and kinds, then the texts they cover
            return self._columns() == other._columns() and (
                self.text is other.text or all(map(operator.eq, self, other))
            )
        return super().__eq__(other)

    __hash__ = Columns.__hash__

    def __repr__(self) -> str:
        return f"<Tokens: {len(self)} tokens of a text of {len(self.text)} characters>"


class Sentences(Columns[Sentence]):
    """Sentences stored as columns (five arrays of ints); Sentence objects made on access."""

    __slots__ = ("starts", "ends", "firsts", "lasts", "paragraphs")
    _new = functools.partial(tuple.__new__, Sentence)

    def __init__(self, starts: array[int], ends: array[int], firsts: array[int], lasts: array[int],
                 paragraphs: array[int]) -> None:
        super().__init__(len(starts))
        self.starts, self.ends, self.firsts, self.lasts, self.paragraphs = starts, ends, firsts, lasts, paragraphs

    @classmethod
    def of(cls, sentences: Iterable[Sentence], limit: int) -> Sentences:
        """The columns of ``sentences`` whose offsets and indices are below ``limit``."""
        columns: tuple[array[int], ...] = tuple(_offsets(limit) for _ in Sentence._fields)
        for sentence in sentences:
            for column, value in zip(columns, sentence):
                column.append(value)
        return cls(*columns)

    def __len__(self) -> int:
        return len(self.starts)

    def _rows(self, first: int, last: int) -> Iterator[tuple[object, ...]]:
        columns = (self.starts, self.ends, self.firsts, self.lasts, self.paragraphs)
        return zip(*(column[first:last] for column in columns))

    def _columns(self) -> tuple[object, ...]:
        return self.starts, self.ends, self.firsts, self.lasts, self.paragraphs


class Paragraphs(Columns[Paragraph]):
    """Paragraphs stored as columns (four arrays of ints); Paragraph objects made on access."""

    __slots__ = ("starts", "ends", "firsts", "lasts")
    _new = functools.partial(tuple.__new__, Paragraph)

    def __init__(self, starts: array[int], ends: array[int], firsts: array[int], lasts: array[int]) -> None:
        super().__init__(len(starts))
        self.starts, self.ends, self.firsts, self.lasts = starts, ends, firsts, lasts

    @classmethod
    def of(cls, paragraphs: Iterable[Paragraph], limit: int) -> Paragraphs:
        """The columns of ``paragraphs`` whose offsets and indices are below ``limit``."""
        columns: tuple[array[int], ...] = tuple(_offsets(limit) for _ in Paragraph._fields)
        for paragraph in paragraphs:
            for column, value in zip(columns, paragraph):
                column.append(value)
        return cls(*columns)

    def __len__(self) -> int:
        return len(self.starts)

    def _rows(self, first: int, last: int) -> Iterator[tuple[object, ...]]:
        columns = (self.starts, self.ends, self.firsts, self.lasts)
        return zip(*(column[first:last] for column in columns))

    def _columns(self) -> tuple[object, ...]:
        return self.starts, self.ends, self.firsts, self.lasts


#: Documents up to this many tokens (about 400 KB of text) hand out their tokens,
#: sentences and paragraphs as tuples of objects made once: today's rules index
#: ``doc.tokens[i]`` in their hot loops, and nothing is faster than a tuple there.
#: Longer documents hand out their :class:`Columns`, whose memory does not grow
#: with Python objects.
MATERIALISE_LIMIT = 1 << 16


def _handed_out(columns: Columns[_T], materialise: bool) -> Sequence[_T]:
    """All items in a tuple when ``materialise``, else the columns themselves."""
    return columns._made_items(0, len(columns)) if materialise else columns


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
        if not 0 <= token_index < len(self.columns):
            raise IndexError(f"token index {token_index} out of range 0..{len(self.columns) - 1}")
        return bisect.bisect_right(self._sentence_firsts, token_index) - 1

    def token_at(self, char_offset: int) -> int | None:
        """Index of the token covering ``char_offset``; ``None`` in whitespace or outside the text."""
        i = bisect.bisect_right(self.columns.starts, char_offset) - 1
        if i >= 0 and char_offset < self.columns.ends[i]:
            return i
        return None


# ---------------------------------------------------------------------------
# Tokenisation.
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many Token objects are made.

    Tokens hold only ints and strings and cannot form cycles, but each one is
    tracked, and the collections that their sheer number triggers cost a third
    of the time of making them for a 10 MB document. The previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_LAST_GROUP = operator.attrgetter("lastgroup")
_CODE_OF_GROUP = {group: KIND_CODES[kind] for group, kind in _KIND_OF_GROUP.items()}
#: Regex matches are turned into columns this many at a time: a batch is read
#: with C-level ``map`` calls, and never more matches than this are alive.
_BATCH = 1 << 14


class Segmenter:
    """Tokenizer and sentence splitter for one set of text words (abbreviations, months …).

    Built once per lexicon (the token regex, fast paths in front, is compiled
    here, not per call); :func:`tokenize` and :func:`segment` use the packaged
    lexicon's.

    >>> [t.text for t in default_segmenter().tokenize("Dr. Roth kam am 3. Mai.")]
    ['Dr.', 'Roth', 'kam', 'am', '3.', 'Mai', '.']
    """

    __slots__ = ("words", "_token_re")

    def __init__(self, words: TextWords) -> None:
        self.words = words
        self._token_re = regex.compile(_fast_paths() + _token_pattern(words), regex.VERBOSE | regex.V0)

    def tokenize(self, text: str) -> Tokens:
        """Tokens of ``text`` in order; see the module docstring for the guarantees."""
        starts, ends, kinds = _offsets(len(text)), _offsets(len(text)), bytearray()
        matches = self._token_re.finditer(text)
        while batch := list(itertools.islice(matches, _BATCH)):
            starts.extend(map(regex.Match.start, batch))
            ends.extend(map(regex.Match.end, batch))
            kinds.extend(map(_CODE_OF_GROUP.__getitem__, map(_LAST_GROUP, batch)))
        return Tokens(text, starts, ends, bytes(kinds))

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
_TERMINAL_RE = regex.compile(r"[.!?…]")
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
