"""Where the entities of a document occur: the named mentions and the speakers noted since.

Pipeline stage 3 (attribution): :mod:`~quotecheck.attribution.entities` keeps
both in its table; a pronoun or a description („er“, „der 71-Jährige“) looks
back through them, nearest first (:func:`occurrences_before`).
"""

from __future__ import annotations

import bisect
from typing import Iterator, Sequence, overload

from attrs import frozen

__all__ = ["NotedLog", "Occurrence", "occurrences_before"]


@frozen
class Occurrence:
    """A mention of an entity at a token, outside quoted content."""

    token: int
    entity: int  # Entity.id


class NotedLog(Sequence[Occurrence]):
    """The speakers attribution noted, in text order, as an append-only log that versions share.

    Every quote adds its speaker to the table („…“, sagte Berger. → Berger at
    that token), and each version of the table must keep what it saw. Copying
    every occurrence per quote made a document of 25,000 quotes quadratic; a
    version here is the shared list and a length, and a speaker after the last
    one noted (the usual case: quotes come in text order) appends in place. One
    before it copies the noted speakers only, never the document's mentions.
    """

    __slots__ = ("_items", "_length")

    def __init__(self, items: list[Occurrence] | None = None, length: int | None = None) -> None:
        self._items = items if items is not None else []
        self._length = len(self._items) if length is None else length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Occurrence: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Occurrence]: ...

    def __getitem__(self, index: int | slice) -> Occurrence | Sequence[Occurrence]:
        if isinstance(index, slice):
            return self._items[: self._length][index]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("occurrence index out of range")
        return self._items[index]

    def with_occurrence(self, occurrence: Occurrence) -> NotedLog:
        """The log with ``occurrence`` added after those at or before its token."""
        if self._length and occurrence.token < self._items[self._length - 1].token:
            items = self._items[: self._length]
            bisect.insort(items, occurrence, key=lambda o: o.token)
            return NotedLog(items)
        if self._length != len(self._items):  # another version appended here already
            return NotedLog([*self._items[: self._length], occurrence])
        self._items.append(occurrence)
        return NotedLog(self._items, self._length + 1)


def occurrences_before(named: Sequence[Occurrence], noted: Sequence[Occurrence], before: int) -> Iterator[Occurrence]:
    """The occurrences before token ``before``, nearest first: the named mentions and the noted speakers merged.

    At one token a noted speaker comes first: it was added after the mention the
    build found there („sagte Anna Berger“ is both).
    """
    i = bisect.bisect_left(named, before, key=lambda o: o.token) - 1
    j = bisect.bisect_left(noted, before, key=lambda o: o.token) - 1
    while i >= 0 or j >= 0:
        if j >= 0 and (i < 0 or noted[j].token >= named[i].token):
            yield noted[j]
            j -= 1
        else:
            yield named[i]
            i -= 1
