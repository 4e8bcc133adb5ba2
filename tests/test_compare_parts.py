"""The parts of ``quotecheck.compare``: words, names, hashing, diff, highlighting; and their doctests."""

from __future__ import annotations

import doctest
import importlib
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.model import Role
from quotecheck.provenance.diff import diff_words, piece_of
from quotecheck.provenance.lsh import band_keys, candidate_pairs
from quotecheck.provenance.names import NameIndex, name_key, one_side, speaks_for_stems
from quotecheck.provenance.report import _marked
from quotecheck.provenance.words import content_lemmas, surface_words, words

MODULES = ["words", "names", "similarity", "lsh", "diff", "conflicts", "grouping", "model", "report"]


@pytest.mark.parametrize("module", MODULES)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(f"quotecheck.provenance.{module}"))
    assert result.failed == 0


@pytest.mark.parametrize(
    ("direct", "paraphrase"),
    [
        ("Wir haben die Geduld verloren", "die Gewerkschaft habe die Geduld verloren"),  # pronoun and mood shift
        ("Wir werden alles Mögliche tun", "man werde alles Mögliche tun"),
        ("Eine Erhöhung um zwölf Prozent ist zu viel", "eine Erhöhung um 12 % sei zu viel"),  # spelling variants
    ],
)
def test_reporting_changes_no_content_lemma(direct: str, paraphrase: str) -> None:
    assert content_lemmas(surface_words(direct)) <= content_lemmas(surface_words(paraphrase))


def test_hyphenated_names_split_into_their_words() -> None:
    assert words("Kim Jong-un") == words("Kim Jong Un") == ("kim", "jong", "un")


def test_speakers_link_across_documents_only_as_far_as_the_input_allows() -> None:
    index = NameIndex()
    full = index.observe("Wladimir Putin", "der russische Präsident Wladimir Putin")
    short = index.observe("Putin", "Putin")
    described = index.observe(None, "Der russische Präsident")
    pronoun = index.observe(None, "Er")
    index.link()
    assert index.entity(full) == index.entity(short) == index.entity(described) >= 0
    assert pronoun == -1 and index.entity(pronoun) == -1
    assert index.display(index.entity(short)) == "Wladimir Putin"


@given(st.lists(st.sampled_from(["Kim", "Jong-un", "Jong", "Un", "Putin", "Wladimir", "W."]), min_size=1, max_size=4))
def test_name_keys_ignore_order_case_and_hyphens(parts: list[str]) -> None:
    name = " ".join(parts)
    assert name_key(name) == name_key(" ".join(reversed(parts))) == name_key(name.upper().replace("-", " "))


def test_identical_shingles_share_every_band() -> None:
    a = band_keys(["geduld", "augenmaß", "reform"], 16, 2)
    assert a == band_keys(["reform", "geduld", "augenmaß"], 16, 2)
    assert len(set(a)) == 16


def test_candidate_pairs_are_bounded_by_the_window() -> None:
    count, bands, window = 100, 2, 4
    keys = [array("q", [7] * count) for _ in range(bands)]  # everything in one bucket
    pairs = list(candidate_pairs(keys, window))
    assert len(pairs) <= count * bands * window
    assert all(j < i and i - j <= window for j, i in pairs)  # each joins the ones just before it
    assert {(i - 1, i) for i in range(1, count)} <= set(pairs)


def test_renderings_without_shingles_are_never_candidates() -> None:
    keys = [array("q", [0, 0]), array("q", [0, 0])]
    assert list(candidate_pairs(keys, 4)) == []


def test_diff_offsets_point_into_both_documents() -> None:
    reference_text = "„Wir werden die Reform mit Geduld und Augenmaß umsetzen“, sagte Roth."
    text = "Roth will die Reform „mit Augenmaß und Ausdauer“ umsetzen."
    reference = Role.from_spans(reference_text, [(1, 55)])
    fragment = Role.from_spans(text, [(text.index("mit"), text.index("“"))])
    ops = diff_words(piece_of(reference), piece_of(fragment))
    assert [(text[s:e], reference_text[rs:re]) for op in ops for (s, e), (rs, re) in zip(op.spans, op.reference_spans)] \
        == [("Augenmaß", "Geduld"), ("Ausdauer", "Augenmaß")]


def test_pieces_of_discontinuous_content_map_each_word_to_its_span() -> None:
    text = "„Wir bleiben“, sagte Roth, „hart und geschlossen.“"
    role = Role.from_spans(text, [(1, 12), (text.index("hart"), text.index(".“"))])
    surface, spans = piece_of(role)[1], piece_of(role)[2]
    assert [text[s:e] for s, e in spans] == list(surface) == ["Wir", "bleiben", "hart", "und", "geschlossen"]


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45), st.sampled_from(["a", "b"])),
                                      max_size=6))
def test_highlighting_never_changes_the_text(text: str, marks: list[tuple[int, int, str]]) -> None:
    import html
    import re

    shown = re.sub(r"<[^>]+>", "", _marked(text, 0, marks))
    assert html.unescape(shown) == text


@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from(["direct", "indirect", "reported"])), max_size=12))
def test_conflicts_are_the_pairs_of_two_documents_that_differ(items: list[tuple[str, str]]) -> None:
    """The linear-time kind check agrees with its definition over all pairs."""
    from quotecheck.provenance.conflicts import Group, kind_conflict
    from quotecheck.provenance.model import Rendering

    renderings = [Rendering(document=d, quote=f"{d}:q{n}", kind=k, content=Role("x", [(0, 1)]))
                  for n, (d, k) in enumerate(items)]
    expected = sorted({i for i, a in enumerate(renderings) for j, b in enumerate(renderings)
                       if a.document != b.document and a.verbatim != b.verbatim})
    conflict = kind_conflict(Group(renderings))
    assert (list(conflict.renderings) if conflict else []) == expected


def test_the_window_counts_quotes_not_their_sentence_rows() -> None:
    """Quote 1 has seven rows in the bucket (its whole and six sentences): quote 2 still meets quote 0."""
    owner = array("l", [0, 1, 1, 1, 1, 1, 1, 1, 2])
    keys = [array("q", [7] * len(owner))]
    assert sorted(candidate_pairs(keys, 2, owner)) == [(0, 1), (0, 2), (1, 2)]  # each pair once, no (1, 1)


@pytest.mark.parametrize(
    ("mention", "name", "other", "one"),
    [
        ("Verbraucherschützer Jonas Petri von der Initiative Klarer Teller", "Jonas Petri", "Klarer Teller", True),
        ("Anna Schmidt von der Stadt Köln", "Anna Schmidt", "Stadt Köln", True),
        ("Anna Schmidt von der Stadt Köln", "Anna Schmidt", "Köln", False),  # a place, not the body
        ("Anna Schmidt von der Stadt Köln", "Anna Schmidt", "Stadt", False),  # a head, not the body
        ("Jan Berg von der Polizei Berlin", "Jan Berg", "Berlin", False),
        ("Jan Berg von der Polizei Berlin", "Jan Berg", "Polizei", False),
    ],
)
def test_an_affiliated_person_speaks_for_the_named_body_only(mention: str, name: str, other: str, one: bool) -> None:
    assert one_side(name, speaks_for_stems(mention, name), other, []) is one
