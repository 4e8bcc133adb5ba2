"""The text layer's storage: tokens, sentences and paragraphs as columns.

A document's tokens are kept as offsets in arrays and kinds as bytes (about 9
bytes a token where a :class:`Token` object costs 200); :class:`Token`,
:class:`Sentence` and :class:`Paragraph` values are made from the columns, all at
once for a document of up to :data:`MATERIALISE_LIMIT` tokens, by block on access
beyond. „Die Lage sei ernst“, sagte er. is 9 tokens: ``starts`` and ``ends`` hold
their offsets, ``kinds`` one code of :data:`TOKEN_KINDS` each.
:mod:`quotecheck.text` segments the text into these columns.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import gc
import operator
from array import array
from typing import Callable, ClassVar, Iterable, Iterator, NamedTuple, Sequence, TypeVar, overload

__all__ = [
    "TOKEN_KINDS",
    "KIND_CODES",
    "MATERIALISE_LIMIT",
    "Token",
    "Columns",
    "Tokens",
    "Sentences",
    "Paragraphs",
    "Sentence",
    "Paragraph",
]

TOKEN_KINDS = ("word", "number", "punct", "quote", "url", "other")

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
#: Token blocks kept at once: 8 blocks of 2,048 tokens (16,384 tokens, about 100 KB
#: of text around where the rules read), about 3 MB whatever the document's size.
_CACHED_BLOCKS = 8


class Columns(Sequence[_T]):
    """A sequence of named tuples stored as columns; the tuples are made on access.

    The rows are read from the columns by block of 2,048 (C-level ``zip`` over
    the column slices) and the last blocks read stay cached (8 of tokens, 4 of sentences), so that rules
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
    #: How many blocks stay cached (see :data:`_CACHED_BLOCKS`).
    _cached_blocks: ClassVar[int] = _CACHED_BLOCKS

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
            if len(self._made) >= self._cached_blocks:
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

    >>> from quotecheck.text import tokenize
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
    #: A block of 2,048 sentences covers some 200 KB of text: 2 blocks (about 1 MB of rows) are
    #: a window wider than any rule or attribution reads at once (they read near the sentence
    #: at hand; the second block serves a look back over a block's edge).
    _cached_blocks = 2

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
    #: A block of 2,048 paragraphs covers more text still, and paragraphs are read in order
    #: (the pairing of quotation marks): one block, not the 1.5 MB of rows that 4 held.
    _cached_blocks = 1

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
