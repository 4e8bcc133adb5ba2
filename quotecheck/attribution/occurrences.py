"""Where the entities of a document occur: the named mentions and the speakers noted since.

Pipeline stage 3 (attribution): :mod:`~quotecheck.attribution.entities` keeps
both in its table; a pronoun or a description („er“, „der 71-Jährige“) looks
back through them, nearest first (:func:`occurrences_before`).

Both are kept as two arrays, the tokens and the entity ids (16 bytes an
occurrence, where an :class:`Occurrence` object with its ints took about 100:
a 10 MB document has some 80,000 named mentions); an :class:`Occurrence` is made
when one is read.
"""

from __future__ import annotations

import bisect
from array import array
from typing import Iterable, Iterator, Self, Sequence, overload

from attrs import frozen

__all__ = ["NotedLog", "Occurrence", "Occurrences", "occurrences_before", "own_copy"]


@frozen
class Occurrence:
    """A mention of an entity at a token, outside quoted content."""

    token: int
    entity: int  # Entity.id


class Occurrences(Sequence[Occurrence]):
    """Occurrences in text order, kept as a column of tokens and a column of entity ids.

    >>> found = Occurrences([Occurrence(3, 0), Occurrence(17, 1)])  # „Anna Berger …, Kim Roth …“
    >>> found[1], list(found.tokens)
    (Occurrence(token=17, entity=1), [3, 17])
    """

    __slots__ = ("tokens", "entities", "_length")

    def __init__(self, occurrences: Iterable[Occurrence] = (), *, length: int | None = None) -> None:
        #: The token of each occurrence, and the id of the entity it names.
        self.tokens: array[int] = array("q")
        self.entities: array[int] = array("q")
        for occurrence in occurrences:
            self.append(occurrence)
        self._length = len(self.tokens) if length is None else length

    @classmethod
    def _sharing(cls, tokens: array[int], entities: array[int], length: int) -> Self:
        """A view of the first ``length`` items of ``tokens`` and ``entities``, which it shares."""
        shared = cls.__new__(cls)
        shared.tokens, shared.entities, shared._length = tokens, entities, length
        return shared

    def copy(self) -> Occurrences:
        """An own copy (of the first ``len(self)`` items)."""
        return Occurrences._sharing(self.tokens[: self._length], self.entities[: self._length], self._length)

    def append(self, occurrence: Occurrence) -> None:
        """Add ``occurrence`` at the end (of an own copy: the columns must not be shared)."""
        self.tokens.append(occurrence.token)
        self.entities.append(occurrence.entity)
        self._length = len(self.tokens)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Occurrence: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Occurrence]: ...

    def __getitem__(self, index: int | slice) -> Occurrence | Sequence[Occurrence]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("occurrence index out of range")
        return Occurrence(self.tokens[index], self.entities[index])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


def own_copy(occurrences: Sequence[Occurrence]) -> Occurrences:
    """An own copy of ``occurrences`` that may grow: a built table's columns, or a user's tuple.

    ``EntityTable(…, occurrences=(Occurrence(3, 0),))`` holds a tuple; a draft of it
    records „Berger“ at token 9 in a copy, never in the caller's sequence.
    """
    return occurrences.copy() if isinstance(occurrences, Occurrences) else Occurrences(occurrences)


class NotedLog(Occurrences):
    """The speakers attribution noted, in text order, as an append-only log that versions share.

    Every quote adds its speaker to the table („…“, sagte Berger. → Berger at
    that token), and each version of the table must keep what it saw. Copying
    every occurrence per quote made a document of 25,000 quotes quadratic; a
    version here is the shared columns and a length, and a speaker after the last
    one noted (the usual case: quotes come in text order) appends in place. One
    before it copies the noted speakers only, never the document's mentions.
    """

    __slots__ = ()

    def with_occurrence(self, occurrence: Occurrence) -> NotedLog:
        """The log with ``occurrence`` added after those at or before its token."""
        length = self._length
        if length and occurrence.token < self.tokens[length - 1]:
            at = bisect.bisect_right(self.tokens, occurrence.token, 0, length)
            log = NotedLog._sharing(self.tokens[:length], self.entities[:length], length + 1)
            log.tokens.insert(at, occurrence.token)
            log.entities.insert(at, occurrence.entity)
            return log
        if length != len(self.tokens):  # another version appended here already
            log = NotedLog._sharing(self.tokens[:length], self.entities[:length], length)
            log.append(occurrence)
            return log
        self.tokens.append(occurrence.token)
        self.entities.append(occurrence.entity)
        return NotedLog._sharing(self.tokens, self.entities, length + 1)


def _columns(occurrences: Sequence[Occurrence]) -> tuple[Sequence[int], Sequence[int], int]:
    """The tokens, the entity ids and the length of ``occurrences`` (columns as kept, or read from a sequence)."""
    if isinstance(occurrences, Occurrences):
        return occurrences.tokens, occurrences.entities, len(occurrences)
    return [o.token for o in occurrences], [o.entity for o in occurrences], len(occurrences)


def occurrences_before(named: Sequence[Occurrence], noted: Sequence[Occurrence], before: int) -> Iterator[Occurrence]:
    """The occurrences before token ``before``, nearest first: the named mentions and the noted speakers merged.

    At one token a noted speaker comes first: it was added after the mention the
    build found there („sagte Anna Berger“ is both).
    """
    named_tokens, named_entities, named_length = _columns(named)
    noted_tokens, noted_entities, noted_length = _columns(noted)
    i = bisect.bisect_left(named_tokens, before, 0, named_length) - 1
    j = bisect.bisect_left(noted_tokens, before, 0, noted_length) - 1
    while i >= 0 or j >= 0:
        if j >= 0 and (i < 0 or noted_tokens[j] >= named_tokens[i]):
            yield Occurrence(noted_tokens[j], noted_entities[j])
            j -= 1
        else:
            yield Occurrence(named_tokens[i], named_entities[i])
            i -= 1
