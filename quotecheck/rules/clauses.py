"""Where a clause starts and ends: the token arithmetic every speech rule shares.

Pipeline stage 2 (rules): helpers of every rule; they know punctuation and the
clause words of the lexicon (``clause_words.tsv``), not speech verbs (those are in
:mod:`quotecheck.rules.cues`).

All positions are token indices of a :class:`~quotecheck.analysis.base.Doc`;
a range ``[start, end)`` is a :class:`~quotecheck.ranges.TokenRange`.
"""

from __future__ import annotations

from typing import Sequence

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.attribution.nounphrase import parse_noun_phrase
from quotecheck.ranges import TokenRange

__all__ = [
    "CLAUSE_BREAKS",
    "FRAME_BREAKS",
    "SENTENCE_END",
    "classes_at",
    "clause_end",
    "clause_start",
    "is_word",
    "quoted_titles",
    "relative_antecedent",
    "sentence_core_end",
    "word_count",
]

#: Punctuation that ends a clause for the purpose of finding a verb's particle.
CLAUSE_BREAKS = frozenset(",;:.!?…()[]–—")
#: Punctuation that separates a frame from its content („Kim sagte, …“, „(…)“, „– …“).
FRAME_BREAKS = frozenset(",;:()–—")
#: Punctuation that ends a sentence.
SENTENCE_END = frozenset(".!?…")


def is_word(doc: Doc, index: int) -> bool:
    """Whether token ``index`` is a word: only words can be verbs, particles or names."""
    return doc.tokens[index].kind == "word"


def classes_at(doc: Doc, lexicon: Lexicon, index: int) -> frozenset[str]:
    """The ``clause_words.tsv`` classes of token ``index`` (empty for other words).

    The exact spelling is tried before the lower-case one, so a capitalised
    entry („Das“ as a demonstrative) does not match its lower-case homograph.
    """
    return lexicon.clause.classes(doc.tokens[index].text)


def word_count(doc: Doc, start: int, end: int) -> int:
    """Words and numbers in the token range ``[start, end)`` (punctuation and marks do not count)."""
    return sum(1 for k in range(start, end) if doc.tokens[k].kind in ("word", "number"))


def clause_start(doc: Doc, index: int, floor: int) -> int:
    """First token of the clause containing ``index`` (after the last break ≥ ``floor``)."""
    tokens = doc.tokens
    i = index
    while i > floor and not (tokens[i - 1].text in FRAME_BREAKS or tokens[i - 1].kind == "quote"):
        i -= 1
    return i


def clause_end(doc: Doc, start: int, limit: int, keep: Sequence[tuple[int, int]] = ()) -> int:
    """First token index ≥ ``start`` (and < ``limit``) that ends the clause.

    A clause ends at a quotation mark or a clause-breaking punctuation mark,
    except inside the token ranges ``keep``: a quoted piece with its marks and
    commas is part of the clause around it.
    """
    tokens = doc.tokens
    i = start
    while i < limit:
        tok = tokens[i]
        if (tok.kind == "quote" or tok.kind == "punct" and tok.text in CLAUSE_BREAKS) and not any(
            lo <= i < hi for lo, hi in keep
        ):
            break
        i += 1
    return i


def quoted_titles(doc: Doc, start: int, limit: int) -> list[TokenRange]:
    """Token ranges [open mark, after close mark) of short quoted titles in ``[start, limit)``.

    Passed as ``keep`` to :func:`clause_end`, they let a frame run over a medium's
    name („sagte Brandt der „Wirtschaftswoche“ zufolge“).
    """
    tokens = doc.tokens
    found = []
    i = start
    while i < limit:
        if tokens[i].kind == "quote":
            j = i + 1
            while j < min(limit, i + tuning.TITLE_WORDS + 2) and tokens[j].kind == "word":
                j += 1
            if i + 1 < j < limit and tokens[j].kind == "quote" and tokens[j].start == tokens[j - 1].end:
                found.append(TokenRange(i, j + 1))
                i = j + 1
                continue
        i += 1
    return found


def sentence_core_end(doc: Doc, start: int, limit: int) -> int:
    """``limit`` without the sentence-final punctuation."""
    end = limit
    while end > start and doc.tokens[end - 1].text in SENTENCE_END:
        end -= 1
    return end


def relative_antecedent(doc: Doc, lexicon: Lexicon, relative: int) -> tuple[int, int] | None:
    """The noun phrase that ends at the comma before the relative pronoun („ein Sanitäter, der …“)."""
    comma = relative - 1
    first = doc.sentences[doc.layer.sentence_index(relative)].first
    for k in range(max(first, comma - tuning.PREFIELD_TOKENS), comma):
        np = parse_noun_phrase(doc, lexicon, k, comma)
        if np is not None and np.end == comma and np.pronoun is None:
            return k, comma
    return None
