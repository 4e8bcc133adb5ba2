"""The default backend: offline, model-free.

Pipeline stage 1 (analysis): the default backend.

Tokens, sentences and paragraphs come from :mod:`quotecheck.text` (with the
abbreviations and month names of the lexicon it is given); lemmas come lazily
from simplemma's German dictionary (MIT), read through the memory-mapped table of
:mod:`quotecheck.analysis.lemmas` and cached per word form because news text
repeats its vocabulary.
"""

from __future__ import annotations

import functools

from quotecheck.analysis.base import Doc, pure_lemmatizer
from quotecheck.analysis.lemmas import german_lemmatizer
from quotecheck.lexicon import Lexicon, load_lexicon
from quotecheck.text import Segmenter, default_segmenter

__all__ = ["EmbeddedBackend", "lemmatize"]


@pure_lemmatizer
@functools.lru_cache(maxsize=200_000)
def lemmatize(word: str) -> str:
    """German lemma of one word form („fügte“ → „fügen“, „wäre“ → „sein“): simplemma's."""
    try:
        return german_lemmatizer()(word)
    except Exception:  # simplemma is robust, but a lemma is never worth a crash
        return word.lower()


class EmbeddedBackend:
    """Surface analysis only: what needs no model.

    ``lexicon`` gives the tokenizer its abbreviations and month names (default:
    the packaged lexicon).
    """

    name = "embedded"
    #: What its documents carry (:data:`~quotecheck.analysis.base.ANNOTATIONS`).
    provides = frozenset({"tokens", "lemmas"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        if lexicon is None or lexicon.text is load_lexicon().text:
            self._segmenter = default_segmenter()
        else:
            self._segmenter = Segmenter(lexicon.text)

    def analyse(self, text: str) -> Doc:
        """The :class:`Doc` of ``text``: segmentation now, lemmas on demand."""
        return Doc(layer=self._segmenter.segment(text), backend=self.name, lemmatizer=lemmatize)
