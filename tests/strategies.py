"""Hypothesis strategies shared by the property tests.

* :func:`texts` -- German-ish news text: sentence pieces, speech frames and
  every kind of quotation mark, shuffled together with random Unicode
  (surrogates, NUL, ``\\r\\n``, combining marks, right-to-left script);
* :func:`spans_in` / :func:`roles` / :func:`quotes` -- model objects whose spans
  really point into a given text, for serialisation round trips;
* :func:`examples` -- the example count of a property that sets its own, scaled
  to the loaded hypothesis profile (see tests/conftest.py).

The pieces are written for these tests (no text from any dataset).
"""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

from quotecheck.model import KINDS, MOODS, RELATIONS, SOURCE_TYPES, SPEAKER_TYPES, Cue, Mention, Quote, Role, Span
from quotecheck.rules.candidate import RULE_NAMES

__all__ = [
    "examples",
    "QUOTATION_MARKS",
    "GERMAN_PIECES",
    "awkward_characters",
    "texts",
    "spans_in",
    "roles",
    "cues",
    "mentions",
    "quotes",
    "quote_and_text",
]

#: Every mark the tokenizer knows, plus look-alikes it must not trip over.
QUOTATION_MARKS = ("„", "“", "”", "‚", "‘", "’", "»", "«", "›", "‹", '"', "'", "`", "´", "″")

#: Sentence pieces, frames and boundaries of German agency copy.
GERMAN_PIECES = (
    "Der Minister sagte am Montag in Berlin",
    "Wir werden nicht nachgeben",
    "sagte Anna Berger",
    ", sagte er",
    ", so der Sprecher des Ministeriums.",
    "Er fügte hinzu:",
    "Merkel:",
    "laut der AP",
    "der Agentur dpa zufolge",
    "Die Zeitung",
    "Morning Star",
    "der sogenannte",
    "Heizhammer",
    "geht's",
    "z. B.",
    "am 18. Juni 2024",
    "11.000 bis 14.000",
    "3,5 Millionen",
    "Dr. Kim",
    "https://example.org/a?b=c",
    "Das ist falsch.",
    "Die Lage sei ernst.",
    "hieß es",
    "Yes we can",
    "…",
    ".",
    ",",
    ":",
    "!",
    "?",
    "–",
    "(",
    ")",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\t",
)


def examples(full: int) -> int:
    """``full`` examples under the ``ci`` profile; under another, the same share as its count.

    ``@settings(max_examples=examples(300))``: 300 under CI, 60 in a plain run
    (profile ``dev``, 20 of 100), 3000 under ``thorough``. Never fewer than ten
    (or ``full``, if that is less): a property keeps a real search in every run.
    Read when the test module is imported, after the profile is loaded.
    """
    scaled = full * settings().max_examples // settings.get_profile("ci").max_examples
    return max(scaled, min(full, 10))


def awkward_characters() -> st.SearchStrategy[str]:
    """Single characters that break naive text code."""
    return st.one_of(
        st.characters(categories=["Cs"]),  # lone surrogates
        st.sampled_from(["\x00", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\ufeff", "\u200b"]),
        st.characters(categories=["Mn", "Me"]),  # combining marks
        st.sampled_from(["ש", "ل", "\u202e", "😀", "👍🏽", "ß", "ẞ", "İ", "ﬁ"]),
    )


def texts(max_pieces: int = 40) -> st.SearchStrategy[str]:
    """German-ish text mixed with quotation marks and random Unicode."""
    piece = st.one_of(
        st.sampled_from(GERMAN_PIECES),
        st.sampled_from(GERMAN_PIECES),  # weighted: mostly German
        st.sampled_from(QUOTATION_MARKS),
        st.sampled_from(QUOTATION_MARKS),
        awkward_characters(),
        st.text(max_size=6),
    )
    separator = st.sampled_from(["", " ", " ", "\n", "\n\n"])
    return st.lists(st.tuples(piece, separator), max_size=max_pieces).map(
        lambda parts: "".join(p + s for p, s in parts)
    )


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary Unicode, surrogates included."""
    return st.text(alphabet=st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=200)


def spans_in(text: str, min_size: int = 1, max_size: int = 3) -> st.SearchStrategy[list[Span]]:
    """Up to ``max_size`` valid spans of ``text`` (possibly empty or overlapping)."""
    bound = st.integers(0, len(text))
    span = st.tuples(bound, bound).map(lambda ab: Span(min(ab), max(ab)))
    return st.lists(span, min_size=min_size, max_size=max_size)


def roles(text: str) -> st.SearchStrategy[Role]:
    return spans_in(text).map(lambda spans: Role.from_spans(text, spans))


def cues(text: str) -> st.SearchStrategy[Cue]:
    return st.builds(
        lambda spans, lemma: Cue.from_spans(text, spans, lemma),
        spans_in(text, max_size=2),
        st.none() | st.sampled_from(["sagen", "hinzufügen", "laut", ":", "so"]),
    )


def mentions(text: str, types: tuple[str, ...], relations: tuple[str | None, ...] = (None,)) -> st.SearchStrategy[Mention]:
    """A mention in ``text``; sources pass ``relations`` (their ``relation`` field)."""
    return st.builds(
        lambda spans, name, kind, relation: Mention.from_spans(text, spans, name, kind, relation),
        spans_in(text, max_size=1),
        st.none() | st.text(max_size=20),
        st.sampled_from(types),
        st.sampled_from(relations),
    )


def quotes(text: str) -> st.SearchStrategy[Quote]:
    """A quote whose every role points into ``text``."""
    return st.builds(
        Quote,
        id=st.text(max_size=12),
        kind=st.sampled_from(KINDS),
        content=roles(text),
        mood=st.none() | st.sampled_from(MOODS),
        cue=st.none() | cues(text),
        frame=st.none() | roles(text),
        speaker=st.none() | mentions(text, SPEAKER_TYPES),
        addressee=st.none() | mentions(text, tuple(t for t in SPEAKER_TYPES if t != "document")),
        sources=st.lists(mentions(text, SOURCE_TYPES, (None, *RELATIONS)), max_size=3),
        fragments=st.lists(roles(text), max_size=2),
        sentence=st.none() | st.integers(0, 10_000),
        # the JSON form keeps three decimals; use values that survive that
        confidence=st.integers(0, 1000).map(lambda n: n / 1000),
        rule=st.none() | st.sampled_from(sorted(RULE_NAMES)),
        parent=st.none() | st.text(max_size=12),
    )


@st.composite
def quote_and_text(draw: st.DrawFn) -> tuple[str, Quote]:
    """A text and a quote into it."""
    text = draw(texts(max_pieces=12))
    return text, draw(quotes(text))
