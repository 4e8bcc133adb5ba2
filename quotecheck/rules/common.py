"""Names :mod:`quotecheck.attribution` still imports from here (a compatibility module).

Pipeline stage 2 (rules): nothing of its own. What every rule shares lives in
:mod:`~quotecheck.rules.candidate` (the hand-over record),
:mod:`~quotecheck.rules.clauses` (clause edges), :mod:`~quotecheck.rules.cues`
(speech verbs, according-to phrases), :mod:`~quotecheck.rules.content` (where
content ends) and :mod:`~quotecheck.rules.pipeline` (rules and their claims).
This module goes when attribution imports those and takes its clause words from
the lexicon it is given.
"""

from __future__ import annotations

from quotecheck.analysis.base import Doc
from quotecheck.lexicon import load_lexicon
from quotecheck.rules.candidate import Candidate, CueMatch, char_span, overlaps
from quotecheck.rules.clauses import CLAUSE_BREAKS, SENTENCE_END, classes_at, clause_end, is_word, quoted_titles, word_count
from quotecheck.rules.cues import according_phrase_at, find_speech_verb, match_speech_verb

__all__ = [
    "CLAUSE_BREAKS",
    "SENTENCE_END",
    "Candidate",
    "CueMatch",
    "according_phrase_at",
    "char_span",
    "classes_at",
    "clause_end",
    "find_speech_verb",
    "is_word",
    "match_speech_verb",
    "overlaps",
    "quoted_titles",
    "word_classes",
    "word_count",
]


def word_classes(doc: Doc, index: int) -> frozenset[str]:
    """:func:`~quotecheck.rules.clauses.classes_at` with the packaged lexicon.

    Attribution does not take the lexicon's clause words yet; the rules call
    ``classes_at`` with the lexicon they are given.
    """
    return classes_at(doc, load_lexicon(), index)


def __getattr__(name: str) -> frozenset[str]:
    """``SO_WORDS``, read from the packaged lexicon when asked for.

    Attribution still imports it; the rules read ``lexicon.rule_words.so_frame``
    of the lexicon they are given.
    """
    if name == "SO_WORDS":
        return load_lexicon().rule_words.so_frame
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
