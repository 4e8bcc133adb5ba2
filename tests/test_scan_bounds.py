"""Scans over hostile input shapes grow linearly (issue 18, point 2).

Not timed: each test counts the token reads of a scan (``doc.tokens[i]`` and
slices) on a document whose shape repeats a unit ``n`` times, and checks the
count against a bound linear in the document's size (a logarithm per trigger
where a scan bisects). A scan that walks the sentence once per quotation mark,
cue or piece fails these bounds long before it would fail a stopwatch.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.analysis.embedded import EmbeddedBackend
from quotecheck.rules import reported
from quotecheck.rules.clauses import word_count
from quotecheck.rules.quotemarks import pair_quotation_marks
from quotecheck.text import Token


class CountingTokens(Sequence[Token]):
    """A token sequence that counts the tokens read through it."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self._tokens = tokens
        self.reads = 0

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, index: Any) -> Any:
        found = self._tokens[index]
        self.reads += len(found) if isinstance(index, slice) else 1
        return found

    def __iter__(self) -> Iterator[Token]:
        for token in self._tokens:
            self.reads += 1
            yield token


class CountingDoc:
    """A document whose token reads are counted; everything else is the real document's."""

    def __init__(self, doc: Any) -> None:
        self._doc = doc
        self.tokens = CountingTokens(doc.tokens)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._doc, name)


def _analysed(text: str) -> CountingDoc:
    return CountingDoc(EmbeddedBackend().analyse(text))


def _pieces(doc: CountingDoc) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in pair_quotation_marks(doc.layer) if s.end > s.start]


def _piece_token_reads(text: str) -> tuple[int, int, int]:
    """Token reads of ``_piece_tokens`` over the whole text as one sentence, tokens, pieces."""
    doc = _analysed(text)
    pieces = _pieces(doc)
    doc.tokens.reads = 0
    reported._piece_tokens(doc, 0, len(doc.tokens), pieces)  # type: ignore[arg-type]
    return doc.tokens.reads, len(doc.tokens), len(pieces)


def _reference_piece_tokens(doc: Any, first: int, last: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The definition: every token of the sentence tested against every piece."""
    tokens = doc.tokens
    out = []
    for a, b in pieces:
        inner = [k for k in range(first, last) if a <= tokens[k].start and tokens[k].end <= b]
        if not inner:
            continue
        lo, hi = inner[0], inner[-1] + 1
        if lo > first and tokens[lo - 1].kind == "quote":
            lo -= 1
        if hi < last and tokens[hi].kind == "quote":
            hi += 1
        if 0 < word_count(doc, lo, hi) <= reported.tuning.PIECE_WORDS:
            out.append((lo, hi))
    return out


#: Units whose repetition once made a scan quadratic: alternating marks, „Ja“
#: pieces, every quotation mark, quoted titles, text without spaces.
PIECE_UNITS = ['„"', "„Ja“ ", "„“”‚‘’»«›‹\"'", "„Titel“, ", "Wort,„Zitat“;sagte:er!Anna?Berger.dpa-(so)"]

_quote_heavy = st.text(alphabet=st.sampled_from(list("„“”‚‘’»«\"' ,.JajaWortsagte")), max_size=120)


@settings(max_examples=200, deadline=None)
@given(_quote_heavy)
def test_piece_tokens_are_those_of_the_definition(text: str) -> None:
    doc = _analysed(text)
    pieces = _pieces(doc)
    for sentence in doc.sentences:
        local = [(a, b) for a, b in pieces if a < sentence.end and b > sentence.start]
        assert reported._piece_tokens(doc, sentence.first, sentence.last, local) == _reference_piece_tokens(  # type: ignore[arg-type]
            doc, sentence.first, sentence.last, local
        )


@pytest.mark.parametrize("unit", PIECE_UNITS)
def test_piece_tokens_read_each_token_a_bounded_number_of_times(unit: str) -> None:
    """Reads: one pass for the running word counts, a bisection per piece."""
    reads, tokens, pieces = _piece_token_reads(unit * 400)
    assert reads <= 2 * tokens + pieces * (2 * math.ceil(math.log2(tokens + 1)) + 4)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PIECE_UNITS), st.integers(min_value=20, max_value=200))
def test_piece_token_reads_grow_linearly(unit: str, count: int) -> None:
    """Four times the shape, about four times the reads (a logarithm more per piece); quadratic is 16."""
    small, _, _ = _piece_token_reads(unit * count)
    large, _, _ = _piece_token_reads(unit * (4 * count))
    assert large <= 6 * small
