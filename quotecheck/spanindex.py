"""Which claimed character spans overlap a range: without a scan per query.

Pipeline: a helper of stage 2 (rules): the indirect, according-to and reported rules skip claimed text with it.

The rules skip text that an earlier rule already claimed, asking once per
sentence which claimed spans overlap it. A list comprehension over every
claimed span makes that O(sentences x quotes): a 2 MB page with 26,000 quotes
took minutes. :class:`SpanIndex` answers each query from a sorted index.
"""

from __future__ import annotations

import bisect
import itertools
from typing import Generic, Iterable, TypeVar

__all__ = ["SpanIndex"]

#: The span type kept (a :class:`~quotecheck.ranges.CharSpan` or a plain pair). Bound by
#: ``tuple[int, ...]``, not ``tuple[int, int]``: mypyc unboxes a fixed pair into a C struct and
#: boxes it back as a plain tuple, so a CharSpan would come out without its ``.start``.
S = TypeVar("S", bound=tuple[int, ...])

#: Spans longer than this are few (a never-closed quotation mark, a long
#: quote) and are checked one by one; shorter ones are found by bisection.
LONG_SPAN = 4096


class SpanIndex(Generic[S]):
    """Sorted ``(start, end)`` spans; :meth:`overlapping` finds those crossing a range.

    >>> SpanIndex([(30, 40), (0, 10), (5, 50_000)]).overlapping(8, 31)
    [(0, 10), (5, 50000), (30, 40)]
    """

    __slots__ = ("_short", "_starts", "_reach", "_long")

    def __init__(self, spans: Iterable[S]) -> None:
        ordered = sorted(spans)
        self._short = [s for s in ordered if s[1] - s[0] <= LONG_SPAN]
        self._starts = [s[0] for s in self._short]
        #: The furthest end of the short spans up to each: no span before the first
        #: that reaches past ``start`` overlaps, so a query reads from there, not
        #: from every span of the LONG_SPAN characters before it (a news text's all).
        self._reach = list(itertools.accumulate((s[1] for s in self._short), max))
        self._long = [s for s in ordered if s[1] - s[0] > LONG_SPAN]

    def overlapping(self, start: int, end: int) -> list[S]:
        """Spans ``s`` with ``s.start < end`` and ``start < s.end``, sorted."""
        lo = bisect.bisect_right(self._reach, start)
        hi = bisect.bisect_left(self._starts, end)
        found = [s for s in self._short[lo:hi] if start < s[1]]
        if self._long:
            found += [s for s in self._long if s[0] < end and start < s[1]]
            found.sort()
        return found
