"""Compact per-document storage answers like the dicts and lists it replaced (issue 17, point 3).

A long document's memory is mostly per-token memos: the verdicts of the cheap
speech-verb test, the source answers, the clause breaks. Each test here builds
the old form (a dict, a list) beside the new one on German sentences of our own
and checks that every answer is the same.
"""

from __future__ import annotations

from array import array
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.analysis.base import TokenAnswers
from quotecheck.analysis.embedded import EmbeddedBackend
from quotecheck.attribution import sources
from quotecheck.extractor import Extractor
from quotecheck.rules import clauses, cues

TEXT = (
    "„Wir bleiben hart“, sagte die Gewerkschaftschefin Anna Berger am Montag in Kiel. "
    "Laut der Deutschen Presse-Agentur will der Vorstand am Mittwoch beraten. "
    "Der Minister erklärte, die Lage sei ernst; nach Angaben der Polizei blieb es ruhig. "
    "Sie fügte hinzu: „Wir warten ab.“ Der Sprecher äußerte sich nicht, wie die Zeitung berichtete.\n\n"
    "Ein Gutachten (vom März) kommt zu dem Schluss, der Bau sei zu teuer, heißt es in dem Bericht."
)

#: Any value a memo may hold: the three stored as a byte, and others kept as they are.
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-2, 2), st.text(max_size=2))


@given(st.integers(0, 20), st.lists(st.tuples(st.integers(-5, 60), VALUES), max_size=40), st.integers(-5, 60))
def test_token_answers_answer_like_a_dict(first: int, writes: list[tuple[int, Any]], probe: int) -> None:
    answers: TokenAnswers[Any] = TokenAnswers(first)
    expected: dict[int, Any] = {}
    for index, value in writes:
        answers[index] = value
        expected[index] = value
    for index in [*expected, probe]:
        assert (index in answers) == (index in expected)
        assert answers.get(index, "unasked") == expected.get(index, "unasked")
        if index in expected:
            assert answers[index] is expected[index] or answers[index] == expected[index] and type(answers[index]) is type(expected[index])


def test_token_answers_keep_zero_and_one_apart_from_false_and_true() -> None:
    answers: TokenAnswers[object] = TokenAnswers()
    answers[0], answers[1], answers[2], answers[3] = 0, 1, False, True
    assert [type(answers[i]) for i in range(4)] == [int, int, bool, bool]


def test_token_answers_raise_key_error_for_a_token_not_asked() -> None:
    answers: TokenAnswers[bool] = TokenAnswers(10)
    answers[12] = True
    with pytest.raises(KeyError):
        answers[11]
    with pytest.raises(KeyError):
        answers[3]


@pytest.fixture(scope="module")
def doc_and_lexicon(ex: Extractor) -> tuple[Any, Any]:
    return EmbeddedBackend(ex.lexicon).analyse(TEXT), ex.lexicon


@pytest.mark.parametrize("positions, test", [
    (cues.cue_positions, cues._may_be_cue),
    (cues.speech_verb_positions, cues._may_be_speech_verb),
])
def test_trigger_positions_answer_the_test_of_every_token(doc_and_lexicon: tuple[Any, Any], positions: Any, test: Any) -> None:
    doc, lexicon = doc_and_lexicon
    found = positions(doc, lexicon)
    expected = [i for i in range(len(doc.tokens)) if test(doc, lexicon, i)]
    assert [i for i in range(len(doc.tokens)) if found.has(doc, i)] == expected  # asked, then remembered
    assert [i for i in range(len(doc.tokens)) if found.has(doc, i)] == expected
    assert list(found.within(doc, 0, len(doc.tokens))) == expected
    assert {doc.tokens[i].text for i in expected} >= {"sagte", "erklärte", "fügte", "berichtete"}


def test_a_sentence_asked_after_its_list_went_gets_its_positions_from_the_marks(doc_and_lexicon: tuple[Any, Any]) -> None:
    """„sagte“, „erklärte“ … found once per sentence: asked again later, the marks answer, no test runs."""
    doc, lexicon = doc_and_lexicon
    tested: list[int] = []

    def counted(d: Any, lex: Any, i: int) -> bool:
        tested.append(i)
        return cues._may_be_cue(d, lex, i)

    found = cues.Positions(lexicon, counted)
    first = [found.in_sentence(doc, n) for n in range(len(doc.sentences))]
    assert len(tested) == len(doc.tokens)  # every token tested once
    found._by_sentence.clear()  # as when the sentences left the recent lists
    assert [found.in_sentence(doc, n) for n in range(len(doc.sentences))] == first
    assert len(tested) == len(doc.tokens) and any(first)


def test_clause_breaks_are_the_tokens_a_list_held(doc_and_lexicon: tuple[Any, Any]) -> None:
    doc, _ = doc_and_lexicon
    breaks = clauses._Breaks(doc.tokens)
    tokens = doc.tokens
    assert isinstance(breaks.clause, array) and isinstance(breaks.frame, array)
    assert list(breaks.clause) == [
        i for i, t in enumerate(tokens) if t.kind == "quote" or t.kind == "punct" and t.text in clauses.CLAUSE_BREAKS
    ]
    assert list(breaks.frame) == [i for i, t in enumerate(tokens) if t.text in clauses.FRAME_BREAKS or t.kind == "quote"]


def test_remembered_sources_are_those_found_afresh(doc_and_lexicon: tuple[Any, Any]) -> None:
    doc, lexicon = doc_and_lexicon
    end = len(doc.tokens)
    first = sources.find_sources(doc, lexicon, 0, end, [], None)
    again = sources.find_sources(doc, lexicon, 0, end, [], None)  # answered from the memo
    window = sources._Window(0, end)
    fresh = []
    i = 0
    while i < end:  # the dict-free reading: every strategy asked at every token
        source = sources._source_at(doc, lexicon, i, window)
        if source is not None:
            fresh.append(source)
            i = max(source.marker[1], i + 1)
        else:
            i += 1
    assert first == again == fresh
    assert {doc.text[doc.tokens[s.marker[0]].start:doc.tokens[s.marker[1] - 1].end].split()[0] for s in first} >= {"Laut"}


def test_nothing_a_document_memo_holds_outlives_its_extraction(ex: Extractor) -> None:
    from quotecheck.analysis import base

    quotes = ex.extract(TEXT)
    assert quotes and getattr(base._memo, "values", {}) == {}


def test_forgetting_a_memo_drops_only_that_documents_values_and_answers_stay_alike(ex: Extractor) -> None:
    from quotecheck.analysis import base

    doc, other = ex.analyse(TEXT), ex.analyse(TEXT)
    first = list(cues.cue_positions(doc, ex.lexicon).within(doc, 0, len(doc.tokens)))
    base.forget_document_memo(other)  # not the document remembered: nothing happens
    assert base._memo.values
    base.forget_document_memo(doc)
    assert base._memo.values == {}
    assert list(cues.cue_positions(doc, ex.lexicon).within(doc, 0, len(doc.tokens))) == first


def test_sentence_columns_keep_two_blocks_and_answer_alike_after_dropping() -> None:
    from quotecheck.columns import Sentence, Sentences

    rows = [Sentence(10 * i, 10 * i + 9, 3 * i, 3 * i + 3, i // 7) for i in range(10 * 2048)]
    columns = Sentences.of(rows, 10 * len(rows))
    assert [columns[i] for i in range(0, len(rows), 97)] == rows[::97]
    assert len(columns._made) == Sentences._cached_blocks == 2
    assert [columns[i] for i in range(len(rows) - 1, -1, -389)] == rows[::-389]  # blocks made again


def test_paragraph_columns_keep_one_block_and_answer_alike_after_dropping() -> None:
    from quotecheck.columns import Paragraph, Paragraphs

    rows = [Paragraph(100 * i, 100 * i + 90, 4 * i, 4 * i + 4) for i in range(3 * 2048)]
    columns = Paragraphs.of(rows, 100 * len(rows))
    assert [columns[i] for i in range(0, len(rows), 53)] == rows[::53]
    assert len(columns._made) == Paragraphs._cached_blocks == 1
    assert [columns[i] for i in range(len(rows) - 1, -1, -211)] == rows[::-211]


def test_attribution_consuming_its_candidates_makes_the_same_quotes(ex: Extractor) -> None:
    from quotecheck.attribution import attribute

    doc = ex.analyse(TEXT)
    kept, consumed = ex.candidates(doc), ex.candidates(doc)
    quotes = attribute(doc, ex.lexicon, kept, "d")
    assert kept  # left as given
    assert attribute(doc, ex.lexicon, consumed, "d", consume=True) == quotes
    assert consumed == [] and [q.id for q in quotes] == [f"d:q{n}" for n in range(1, len(quotes) + 1)]


def test_a_recent_memo_keeps_the_last_answers_stored() -> None:
    from quotecheck.analysis.base import RecentMemo

    memo: RecentMemo[int, int] = RecentMemo(3)
    for k in range(10):
        memo[k] = k * k
    memo[8] = -1  # stored again: nothing goes
    assert dict(memo) == {7: 49, 8: -1, 9: 81}


def test_sentence_clauses_from_a_recent_memo_are_those_cut_afresh(ex: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotecheck.analysis import base
    from quotecheck.rules import free_indirect

    monkeypatch.setattr(base, "RECENT_ANSWERS", 2)  # every answer soon forgotten and cut again
    doc = EmbeddedBackend(ex.lexicon).analyse(TEXT * 3)
    sentences = list(doc.sentences)
    for sentence in [*sentences, *reversed(sentences), *sentences]:
        assert free_indirect._clauses(doc, ex.lexicon, sentence) == free_indirect._cut(doc, ex.lexicon, sentence)


def test_quotes_are_alike_when_every_recent_memo_forgets_at_once(ex: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotecheck.analysis import base

    text = TEXT * 4
    remembered = ex.extract(text)
    monkeypatch.setattr(base, "RECENT_ANSWERS", 1)
    monkeypatch.setattr(cues, "CUE_ANSWERS", 1)  # read when a document's cue positions are made
    assert ex.extract(text) == remembered


def test_a_memo_keeps_at_least_one_answer() -> None:
    from quotecheck.analysis.base import RecentMemo

    with pytest.raises(ValueError, match="at least one"):
        RecentMemo(0)


def test_a_document_memo_is_dropped_when_its_extraction_fails(ex: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotecheck.analysis import base

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("attribution failed")

    monkeypatch.setattr("quotecheck.extractor.attribute", fail)
    with pytest.raises(RuntimeError, match="attribution failed"):
        ex.extract(TEXT)
    assert getattr(base._memo, "values", {}) == {}
