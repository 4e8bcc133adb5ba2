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
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

import quotecheck
from quotecheck import tuning
from quotecheck.analysis.embedded import EmbeddedBackend
from quotecheck.rules import reported
from quotecheck.rules.clauses import word_count
from quotecheck.rules.quotemarks import pair_quotation_marks
from quotecheck.text import Token, tokenize
from tests.strategies import examples


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


#: The read-counting tests hand the rules a stand-in for a Doc (:class:`CountingDoc`); in a
#: compiled build (``quotecheck.compiled``) mypyc checks the arguments' types and refuses it.
pure_python_only = pytest.mark.skipif(quotecheck.compiled, reason="counts token reads through a stand-in Doc, "
                                      "which mypyc-compiled rules refuse (they check argument types)")


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


@pure_python_only
@settings(max_examples=examples(200), deadline=None)
@given(_quote_heavy)
def test_piece_tokens_are_those_of_the_definition(text: str) -> None:
    doc = _analysed(text)
    pieces = _pieces(doc)
    for sentence in doc.sentences:
        local = [(a, b) for a, b in pieces if a < sentence.end and b > sentence.start]
        assert reported._piece_tokens(doc, sentence.first, sentence.last, local) == _reference_piece_tokens(  # type: ignore[arg-type]
            doc, sentence.first, sentence.last, local
        )


@pure_python_only
@pytest.mark.parametrize("unit", PIECE_UNITS)
def test_piece_tokens_read_each_token_a_bounded_number_of_times(unit: str) -> None:
    """Reads: one pass for the running word counts, a bisection per piece."""
    reads, tokens, pieces = _piece_token_reads(unit * 400)
    assert reads <= 2 * tokens + pieces * (2 * math.ceil(math.log2(tokens + 1)) + 4)


@pure_python_only
@settings(max_examples=10, deadline=None)
@given(st.sampled_from(PIECE_UNITS), st.integers(min_value=20, max_value=200))
def test_piece_token_reads_grow_linearly(unit: str, count: int) -> None:
    """Four times the shape, about four times the reads (a logarithm more per piece); quadratic is 16."""
    small, _, _ = _piece_token_reads(unit * count)
    large, _, _ = _piece_token_reads(unit * (4 * count))
    assert large <= 6 * small


# --- the whole pipeline over the hostile shapes of issue 18 -----------------------------------

#: One unit of each hostile shape (``benchmarks/reliability.py`` builds them to a size).
SHAPE_UNITS = {
    "prose": "„Wir lassen uns nicht erpressen“, sagte Gewerkschaftschefin Marion Hellwig am Montag. "
    "Nach Angaben der Polizei wurden drei Menschen leicht verletzt. ",
    "no sentence end": "die Regierung sagte am Montag in Berlin die Gespräche gingen weiter und ",
    "no spaces": "Wort,„Zitat“;sagte:er!Anna?Berger.dpa-(so)",
    "alternating marks": '„"',
    "every quotation mark": "„“”‚‘’»«›‹\"'",
    "quoted titles": "„Titel“, ",
    "„Ja“ repeated": "„Ja“ ",
    "„sagte er“ repeated": "sagte er, ",
    "„so der Minister“ repeated": "so der Minister, ",
    "names in a row": "Anna Berger, Max Roth, Lea Weber, Tom Krull, ",
    "one quote over paragraphs": "Der Rat tagte bis in die Nacht, und niemand wusste, wie es weitergeht.\n\n",
    "„Von X sagte“ repeated": "Von Hallberg sagte, es sei gut. ",
}


def _pipeline_reads(text: str) -> int:
    """Token reads of the rules and attribution on ``text`` (the analysis itself is not counted)."""
    from quotecheck.attribution import attribute

    extractor = _extractor()
    doc = CountingDoc(extractor.analyse(text))
    attribute(doc, extractor.lexicon, extractor.candidates(doc))  # type: ignore[arg-type]
    return doc.tokens.reads


def _extractor() -> Any:
    from quotecheck import Extractor

    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


_EXTRACTOR: Any = None


def _shape(name: str, count: int) -> str:
    unit = SHAPE_UNITS[name]
    if name == "one quote over paragraphs":
        return "„" + unit * count + "“, sagte Anna Berger."
    return unit * count


#: Enough for the smaller text to pass the longest window of the rules
#: (:data:`~quotecheck.tuning.CONTENT_TOKENS`): below it a window still grows with the text.
#: A single shape counts it in characters; a mixture counts tokens, since its windows fill
#: only at several times the content window („die Regierung sagte … und Von Hallberg
#: sagte, es sei gut. so der Minister, “: 550 reads a unit at ×12, 1,170 at ×96, 1,250 at ×768).
_BEYOND_WINDOWS = 8 * tuning.CONTENT_TOKENS


@pure_python_only
@pytest.mark.parametrize("name", SHAPE_UNITS)
def test_pipeline_reads_grow_linearly_with_each_shape(name: str) -> None:
    """Four times the shape, at most five times the token reads; a scan per trigger over the sentence gives 16."""
    count = max(8, _BEYOND_WINDOWS // len(SHAPE_UNITS[name]))
    small = _pipeline_reads(_shape(name, count))
    large = _pipeline_reads(_shape(name, 4 * count))
    assert large <= 5 * small, (small, large)


# Shrinking runs the pipeline twice per step over texts of thousands of tokens: a
# failure is reported as found (the units are short and readable as they are)
# rather than after an hour of shrinking.
@pure_python_only
@settings(max_examples=8, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.lists(st.sampled_from(sorted(SHAPE_UNITS.values())), min_size=1, max_size=3), st.integers(min_value=1, max_value=12))
# A run-on sentence with quoted titles: the frame after each quote walked to the sentence end.
@example([SHAPE_UNITS["no sentence end"], SHAPE_UNITS["quoted titles"]], 1)
# Never-closed marks after each sentence: every piece ran to the paragraph end and each
# later sentence weighed them all as pieces of its own (reported speech).
@example([SHAPE_UNITS["„Von X sagte“ repeated"], SHAPE_UNITS["quoted titles"], SHAPE_UNITS["every quotation mark"]], 2)
# A sentence that never ends („gut. so der Minister“: no capital after the full stop): each
# frame's subject search read for quotation marks from the sentence start (attribution).
@example([SHAPE_UNITS["„Von X sagte“ repeated"], SHAPE_UNITS["„so der Minister“ repeated"], SHAPE_UNITS["„so der Minister“ repeated"]], 7)
# The same sentence, a frame at its verb after every unit: its subject was looked for by
# reading the sentence from its start for a finite verb (attribution, FRONT_SUBJECT_TOKENS).
@example([SHAPE_UNITS["„Von X sagte“ repeated"], SHAPE_UNITS["„so der Minister“ repeated"]], 12)
# Linear, but its windows fill late: counted in characters, the smaller text was still inside them.
@example([SHAPE_UNITS["no sentence end"], SHAPE_UNITS["„Von X sagte“ repeated"], SHAPE_UNITS["„so der Minister“ repeated"]], 12)
def test_pipeline_reads_grow_linearly_with_mixed_shapes(units: list[str], count: int) -> None:
    """Any mixture of the hostile units, repeated: four times as long, at most five times the reads."""
    text = "".join(units)
    count = max(count, _BEYOND_WINDOWS // len(tokenize(text)))
    small = _pipeline_reads(text * count)
    large = _pipeline_reads(text * (4 * count))
    assert large <= 5 * small + 200, (small, large)


# --- memory: what a document leaves in the lexicon's caches, what its extraction allocates -----


def test_quoted_paragraphs_are_not_looked_up_as_organisation_names() -> None:
    """„"„"…: every span between two marks is checked for a name; none may be cached whole."""
    extractor = _extractor()
    extractor.extract(_shape("alternating marks", 5_000))
    longest = max(map(len, extractor.lexicon._organization_cache), default=0)
    assert longest <= extractor.lexicon.max_organization_chars


def test_a_surface_longer_than_any_name_is_no_organisation() -> None:
    lexicon = _extractor().lexicon
    assert lexicon.organization("Reuters") is not None
    assert lexicon.organization("Reuters " * 100) is None


def _peak_bytes(text: str) -> int:
    import tracemalloc

    extractor = _extractor()
    tracemalloc.start()
    try:
        extractor.extract(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["alternating marks", "every quotation mark", "„Ja“ repeated", "quoted titles"])
def test_memory_grows_linearly_with_quote_heavy_shapes(name: str) -> None:
    """Four times the shape, at most five times the allocated peak (a slice or cache key per quote gives 16)."""
    count = 20_000 // len(SHAPE_UNITS[name])
    small, large = _peak_bytes(_shape(name, count)), _peak_bytes(_shape(name, 4 * count))
    assert large <= 5 * small, (small, large)
