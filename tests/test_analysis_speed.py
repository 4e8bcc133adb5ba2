"""The analysis stage's shortcuts answer exactly as the plain way: lemmas remembered by token, tokens by kind."""

from __future__ import annotations

import gc
import weakref
from collections import Counter
from typing import Callable, Iterator

import pytest

from quotecheck.analysis import base
from quotecheck.analysis.base import Doc, lemma_at
from quotecheck.analysis.embedded import EmbeddedBackend
from quotecheck.text import TextLayer, segment

SENTENCE = "Die Ministerin sagte, die Häuser seien alt, und sagte es zweimal."


@pytest.fixture
def counting() -> Iterator[tuple[Callable[[str], str], Counter[str]]]:
    """A lemmatizer that counts the words it is asked about (not declared pure)."""
    asked: Counter[str] = Counter()

    def lemmatizer(word: str) -> str:
        asked[word] += 1
        return word.lower()

    yield lemmatizer, asked
    base._PURE_LEMMATIZERS.pop(id(lemmatizer), None)


def _ask_twice(doc: Doc) -> list[str]:
    return [doc.lemma(i) for i in range(len(doc.tokens))] + [doc.lemma(i) for i in range(len(doc.tokens))]


def test_a_pure_lemmatizer_is_asked_once_per_token(counting: tuple[Callable[[str], str], Counter[str]]) -> None:
    lemmatizer, asked = counting
    base.pure_lemmatizer(lemmatizer)
    _ask_twice(Doc(layer=segment(SENTENCE), lemmatizer=lemmatizer))
    assert asked["sagte"] == 2  # two tokens „sagte“, each asked once
    assert asked["Ministerin"] == 1


def test_a_users_lemmatizer_is_asked_every_time(counting: tuple[Callable[[str], str], Counter[str]]) -> None:
    lemmatizer, asked = counting
    _ask_twice(Doc(layer=segment(SENTENCE), lemmatizer=lemmatizer))
    assert asked["sagte"] == 4
    assert asked["Ministerin"] == 2


def test_an_unhashable_lemmatizer_is_asked_every_time() -> None:
    class Table(dict[str, str]):  # a dict: unhashable
        def __call__(self, word: str) -> str:
            self[word] = self.get(word, "") + "+"
            return self[word]

    doc = Doc(layer=segment("Sie sagte es."), lemmatizer=Table())
    assert [doc.lemma(1), doc.lemma(1)] == ["+", "++"]


def test_a_document_of_columns_asks_even_a_pure_lemmatizer_again(counting: tuple[Callable[[str], str], Counter[str]]) -> None:
    lemmatizer, asked = counting
    base.pure_lemmatizer(lemmatizer)
    layer = segment(SENTENCE)
    columns = TextLayer(SENTENCE, layer.columns, layer.sentences, layer.paragraphs, materialise_limit=0)
    _ask_twice(Doc(layer=columns, lemmatizer=lemmatizer))
    assert asked["Ministerin"] == 2  # no memo that would grow with a long document


def test_remembered_lemmas_are_those_asked_afresh() -> None:
    doc = EmbeddedBackend().analyse(SENTENCE)
    indices = list(range(-len(doc.tokens), len(doc.tokens)))
    assert [doc.lemma(i) for i in indices] == [lemma_at(doc.tokens, None, doc.lemmatizer, i) for i in indices]
    assert doc.lemma(2) == "sagen" and doc.lemma(5) == "Haus"


def test_given_lemmas_come_first_and_an_empty_one_falls_back_to_lower_case() -> None:
    layer = segment("Sie sagte es.")
    doc = Doc(layer=layer, lemmas=("sie", "sagen", "", None))
    assert [doc.lemma(i) for i in range(4)] == ["sie", "sagen", "es", "."]


def test_a_lemma_beyond_the_tokens_raises_index_error_each_time() -> None:
    doc = EmbeddedBackend().analyse("Sie sagte es.")
    for _ in range(2):
        with pytest.raises(IndexError):
            doc.lemma(4)


def test_a_document_with_remembered_lemmas_is_freed_without_the_collector() -> None:
    doc = EmbeddedBackend().analyse(SENTENCE)
    doc.lemma(2)
    gone = weakref.ref(doc)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del doc
        assert gone() is None  # no reference cycle through the memo
    finally:
        if was_enabled:
            gc.enable()
