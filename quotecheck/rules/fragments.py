"""Fragments: verbatim pieces in quotation marks inside indirect or reported quotes.

Pipeline stage 2 (rules), last step: before attribution.

„Er sprach von einer „brüderlichen Pflicht““: the quoted piece is not direct
speech of its own (:mod:`quotecheck.rules.direct` left it over), it is a
verbatim fragment of the indirect quote around it.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import attrs

from quotecheck.rules.candidate import Candidate
from quotecheck.rules.quotemarks import QuotedSpan
from quotecheck.spanindex import SpanIndex

__all__ = ["attach_fragments"]


def attach_fragments(candidates: Sequence[Candidate], quoted: Iterable[QuotedSpan]) -> list[Candidate]:
    """The candidates, each non-direct one with the quoted spans inside its content as fragments."""
    pieces = SpanIndex((s.start, s.end) for s in quoted if s.end > s.start)
    out: list[Candidate] = []
    for cand in candidates:
        if cand.kind == "direct" or not pieces:
            out.append(cand)
            continue
        # only pieces near the content are looked at: linear in the document
        inside = tuple(
            p for a, b in cand.content for p in pieces.overlapping(a, b) if a <= p[0] and p[1] <= b
        )
        out.append(attrs.evolve(cand, fragments=cand.fragments + inside) if inside else cand)
    return out
