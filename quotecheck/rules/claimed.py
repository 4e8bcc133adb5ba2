"""Token ranges as characters, and which tokens other rules claimed: what every rule asks of a candidate.

Pipeline stage 2 (rules): :mod:`~quotecheck.rules.candidate` re-exports these
(``from quotecheck.rules.candidate import char_span`` as ever). They live apart
from the candidate's attrs classes so that the compiled build
(``QUOTECHECK_MYPYC=1``) compiles them, while ``rules.candidate`` stays pure
(build_backend/quotecheck_build.py says why); the rules call these at every
token („Kim sagte: „Wir kommen.““: which of its tokens a quote already holds).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from quotecheck.analysis.base import Doc
from quotecheck.ranges import CharSpan

__all__ = ["char_span", "claimed_tokens", "overlaps"]


def char_span(doc: Doc, start: int, end: int) -> CharSpan:
    """Character span of the token range ``[start, end)``: rules work on tokens, quotes on characters."""
    return CharSpan(doc.tokens[start].start, doc.tokens[end - 1].end)


def overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    """Whether ``span`` shares a character with any of ``others`` (text another rule claimed)."""
    a0, b0 = span
    return any(a0 < b and a < b0 for a, b in others)


def claimed_tokens(doc: Doc, first: int, last: int, spans: Sequence[tuple[int, int]]) -> list[int]:
    """The tokens of ``[first, last)`` that share a character with a claimed span, in order.

    ``spans`` come sorted by start (:meth:`~quotecheck.rules.claims.Claims.overlapping`).
    One walk over the tokens beside the merged spans, not a test of every span per
    token: „Kim sagte: „Wir kommen.““ has its quote's tokens claimed.
    """
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    claimed: list[int] = []
    at = 0
    for k in range(first, last):
        token = doc.tokens[k]
        while at < len(merged) and merged[at][1] <= token.start:
            at += 1
        if at == len(merged):
            break
        if merged[at][0] < token.end:
            claimed.append(k)
    return claimed
