"""Properties of :func:`quotecheck.extract` that hold for any input text."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

import quotecheck
from quotecheck.model import KINDS, MOODS, SOURCE_TYPES, SPEAKER_TYPES, Quote, Role
from tests.strategies import any_text, texts

_EXTRACTOR = quotecheck.Extractor()


def _roles(quote: Quote) -> list[tuple[str, Role]]:
    named = [
        ("content", quote.content),
        ("cue", quote.cue),
        ("frame", quote.frame),
        ("speaker", quote.speaker),
        ("addressee", quote.addressee),
    ]
    named += [("source", s) for s in quote.sources]
    named += [("fragment", f) for f in quote.fragments]
    return [(name, role) for name, role in named if role is not None]


def check_invariants(text: str, found: list[Quote]) -> None:
    """Everything the contract promises about a document's quotes."""
    assert all(isinstance(q, Quote) for q in found)
    ids = [q.id for q in found]
    assert len(ids) == len(set(ids)), ids
    starts = [q.content.start for q in found]
    assert starts == sorted(starts)
    for quote in found:
        assert quote.kind in KINDS
        assert quote.mood is None or quote.mood in MOODS
        if quote.kind == "direct":
            assert quote.mood is None
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.sentence is None or quote.sentence >= 0
        for who in (quote.speaker, quote.addressee):
            assert who is None or who.type in SPEAKER_TYPES
        for source in quote.sources:
            assert source.type in SOURCE_TYPES
        for name, role in _roles(quote):
            assert role.spans, name
            for span in role.spans:
                assert 0 <= span.start <= span.end <= len(text), (name, span)
            if len(role.spans) == 1:
                span = role.spans[0]
                assert text[span.start : span.end] == role.text, name
            else:
                assert " ".join(text[s.start : s.end] for s in role.spans) == role.text, name
        assert quote.content.end > quote.content.start, "empty content"
        json.dumps(quote.to_dict(), allow_nan=False)


@given(texts())
@example("")
@example("„")
@example("“")
@example("„„„„“")
@example('"' * 7)
@example("„Wir bleiben hart“, sagte er, „und")
@example("Er sagte:\r\n\r\n„Ja.\r\n\r\n„Nein.“")
@example("„\x00“, sagte \ud800 Kim.")
@example("„A\u0301b\u0301c“, so e\u0308r.")
@example("\n\n„\n\n“\n\n")
@example("„Wir’s“ ’ ‚ ‘ ' \" ‘ ’")
def test_extract_on_german_like_text(text: str) -> None:
    check_invariants(text, _EXTRACTOR.extract(text))


@given(any_text())
def test_extract_on_any_unicode(text: str) -> None:
    check_invariants(text, quotecheck.extract(text))


@given(st.lists(texts(max_pieces=10), min_size=1, max_size=4))
def test_paragraphs_are_independent_of_a_broken_neighbour(paragraphs: list[str]) -> None:
    """A quote after a paragraph whose „ is never closed is found as if alone.

    The broken paragraph ends without sentence punctuation, so its open mark is
    a missing closer, not the start of a quote over several paragraphs.
    """
    tail = "„Wir bleiben hart“, sagte Anna Berger."
    alone = quotecheck.extract(tail)
    text = "\n\n".join(p.replace("\n", " ") for p in paragraphs) + "\n\nEr sagte: „Das bleibt offen\n\n" + tail
    found = quotecheck.extract(text)
    check_invariants(text, found)
    offset = len(text) - len(tail)
    shifted = [(q.content.text, q.content.start - offset, q.speaker and q.speaker.text) for q in found if q.content.start >= offset]
    assert shifted == [(q.content.text, q.content.start, q.speaker and q.speaker.text) for q in alone]


@given(texts(max_pieces=15))
def test_extract_is_deterministic(text: str) -> None:
    first = [q.to_dict() for q in _EXTRACTOR.extract(text)]
    assert first == [q.to_dict() for q in quotecheck.Extractor().extract(text)]
