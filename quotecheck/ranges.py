"""Two kinds of half-open range, kept apart: token ranges and character spans.

Pipeline: no stage of its own; the rules (stage 2) and attribution (stage 3) hand these on.

Rules walk tokens; quotes point into characters. A bare ``tuple[int, int]`` that
means either is a bug waiting: ``doc.text[3:7]`` of a token range is nonsense
that type-checks. :class:`TokenRange` and :class:`CharSpan` are distinct
``NamedTuple`` types: as cheap as a tuple on the hot path, unpackable
(``start, end = span``), and told apart by mypy.

>>> TokenRange(2, 5).length, CharSpan(10, 14).length
(3, 4)
>>> TokenRange(2, 5) == (2, 5)  # still a tuple, for code that compares with one
True
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

__all__ = ["CharSpan", "TokenRange", "char_spans"]


class TokenRange(NamedTuple):
    """Tokens ``[start, end)`` of a :class:`~quotecheck.analysis.base.Doc` (token indices)."""

    start: int
    end: int

    @property
    def length(self) -> int:
        """How many tokens the range holds."""
        return self.end - self.start


class CharSpan(NamedTuple):
    """Characters ``[start, end)`` of the caller's text: ``text[start:end]`` is the span's text."""

    start: int
    end: int

    @property
    def length(self) -> int:
        """How many characters the span holds."""
        return self.end - self.start


def char_spans(spans: Iterable[tuple[int, int]]) -> tuple[CharSpan, ...]:
    """``spans`` as a tuple of :class:`CharSpan` (a converter for record fields)."""
    return tuple(s if type(s) is CharSpan else CharSpan(*s) for s in spans)
