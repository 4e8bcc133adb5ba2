"""Where a clause starts and ends: the token arithmetic every speech rule shares.

Pipeline stage 2 (rules): helpers of every rule; they know punctuation and the
clause words of the lexicon (``clause_words.tsv``), not speech verbs (those are in
:mod:`quotecheck.rules.cues`).

All positions are token indices of a :class:`~quotecheck.analysis.base.Doc`;
a range ``[start, end)`` is a :class:`~quotecheck.ranges.TokenRange`.
"""

from __future__ import annotations

import bisect
from array import array
from typing import Iterable, Iterator, Sequence

from quotecheck import tuning
from quotecheck.analysis.base import Doc, document_memo
from quotecheck.lexicon import Lexicon
from quotecheck.attribution.nounphrase import MAX_NP_TOKENS, parse_noun_phrase, with_apposition
from quotecheck.ranges import TokenRange
from quotecheck.text import Token

__all__ = [
    "CLAUSE_BREAKS",
    "FRAME_BREAKS",
    "SENTENCE_END",
    "classes_at",
    "clause_end",
    "clause_end_over_appositions",
    "clause_end_over_brackets",
    "clause_end_over_titles",
    "clause_start",
    "has_words",
    "is_word",
    "quoted_titles",
    "relative_antecedent",
    "sentence_core_end",
    "title_after",
    "tokens_between",
    "word_count",
]

#: How many tokens :func:`tokens_between` reads at once.
_TOKEN_CHUNK = 512


def tokens_between(doc: Doc, first: int, last: int) -> Iterable[Token]:
    """The tokens ``[first, last)`` in order, read by slices of :data:`_TOKEN_CHUNK`.

    For a rule that looks at every token of a sentence once: a slice of the
    token columns costs less than a look-up per token, and a sentence of a
    million tokens (a text without full stops) is never held whole. A sentence
    of one slice („Kim kam.“: nearly all) is that slice, iterated without a
    generator step per token. Iterate it once.
    """
    if last - first <= _TOKEN_CHUNK:
        return doc.tokens[first:last]
    return _chunked(doc.tokens, first, last)


def _chunked(tokens: Sequence[Token], first: int, last: int) -> Iterator[Token]:
    """The tokens ``[first, last)`` slice by slice: a sentence of a million tokens is never copied whole."""
    for chunk in range(first, last, _TOKEN_CHUNK):
        yield from tokens[chunk : min(last, chunk + _TOKEN_CHUNK)]


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


def has_words(doc: Doc, start: int, end: int, count: int) -> bool:
    """Whether the token range ``[start, end)`` holds at least ``count`` words, counted only that far („Ja.“ has one)."""
    tokens = doc.tokens
    seen = 0
    for k in range(start, end):
        if seen >= count:
            return True
        if tokens[k].kind == "word":
            seen += 1
    return seen >= count


def clause_start(doc: Doc, index: int, floor: int) -> int:
    """First token of the clause containing ``index`` (after the last break ≥ ``floor``)."""
    if index <= floor:
        return index
    breaks = _breaks(doc).frame
    k = bisect.bisect_right(breaks, index - 1) - 1
    return breaks[k] + 1 if k >= 0 and breaks[k] >= floor else floor


def clause_end(doc: Doc, start: int, limit: int, keep: Sequence[tuple[int, int]] = ()) -> int:
    """First token index ≥ ``start`` (and < ``limit``) that ends the clause.

    A clause ends at a quotation mark or a clause-breaking punctuation mark,
    except inside the token ranges ``keep``: a quoted piece with its marks and
    commas is part of the clause around it.
    """
    if start >= limit:
        return start
    breaks = _breaks(doc).clause
    first = bisect.bisect_left(breaks, start)
    if not keep:  # nearly every call: the first break, with no generator per break
        return breaks[first] if first < len(breaks) and breaks[first] < limit else limit
    for k in range(first, len(breaks)):
        i = breaks[k]
        if i >= limit:
            break
        if not any(lo <= i < hi for lo, hi in keep):
            return i
    return limit


def clause_end_over_brackets(doc: Doc, start: int, limit: int) -> int:
    """:func:`clause_end`, walking over a short bracketed aside („teilte am Abend (Ortszeit) mit“).

    The aside closes within :data:`~quotecheck.tuning.BRACKET_ASIDE_TOKENS` tokens
    and holds no sentence end; otherwise the bracket ends the clause as before.
    """
    tokens = doc.tokens
    while True:
        end = clause_end(doc, start, limit)
        if end >= limit or tokens[end].text != "(":
            return end
        close = next(
            (j for j in range(end + 1, min(limit, end + tuning.BRACKET_ASIDE_TOKENS + 1)) if tokens[j].text in (")", "(") or tokens[j].text in SENTENCE_END),
            None,
        )
        if close is None or tokens[close].text != ")":
            return end
        start = close + 1


class _Breaks:
    """Where the document's clauses may break, found once: rules ask at every cue.

    ``clause``: the tokens :func:`clause_end` stops at (quotation marks and
    :data:`CLAUSE_BREAKS` punctuation); ``frame``: those :func:`clause_start` stops
    after (quotation marks and :data:`FRAME_BREAKS`). A sentence without a full
    stop („die Regierung sagte am Montag … und die Regierung sagte …“) no longer
    costs a walk to its end per speech verb.
    """

    __slots__ = ("clause", "frame")

    def __init__(self, tokens: Sequence[Token]) -> None:
        # One walk over the tokens, unpacked rather than read by name (every document
        # pays it once: about 1 % of extraction as two generators); FRAME_BREAKS is
        # part of CLAUSE_BREAKS, so a token that is neither is passed by one look-up.
        clause: list[int] = []
        frame: list[int] = []
        for i, (_, _, text, kind) in enumerate(tokens):
            if kind == "quote":
                clause.append(i)
                frame.append(i)
            elif text in CLAUSE_BREAKS:
                if kind == "punct":
                    clause.append(i)
                if text in FRAME_BREAKS:
                    frame.append(i)
        # arrays, not lists: a list holds an int object per break (36 bytes, not 4); 4-byte
        # items below 2**31 tokens (this memo is alive at the peak, the end of attribution)
        code = "i" if len(tokens) < 2**31 else "q"
        self.clause = array(code, clause)
        self.frame = array(code, frame)


def _breaks(doc: Doc) -> _Breaks:
    return document_memo(doc, "clause breaks", lambda: _Breaks(doc.tokens))


def clause_end_over_titles(doc: Doc, start: int, limit: int) -> int:
    """:func:`clause_end` with :func:`quoted_titles` kept, walking no further than the clause.

    The same answer as ``clause_end(doc, start, limit, quoted_titles(doc, start,
    limit))`` („wie das „Abendblatt“ berichtete“ runs over the title), but the
    titles are looked for only up to the clause end: a sentence of a thousand
    commas („so der Minister, so der Minister, …“) is not searched for titles to
    its end at every comma. A title holds only words between its marks, so the
    first mark that opens no title, or the first breaking punctuation, ends the clause.
    """
    tokens = doc.tokens
    i = start
    while i < limit:
        tok = tokens[i]
        if tok.kind == "quote":
            after = title_after(doc, i, limit)
            if after is None:
                return i
            i = after
            continue
        if tok.kind == "punct" and tok.text in CLAUSE_BREAKS:
            return i
        i += 1
    return i


def clause_end_over_appositions(doc: Doc, lexicon: Lexicon, start: int, limit: int) -> tuple[int, int]:
    """:func:`clause_end_over_titles`, walking over the apposition of a name or role between commas.

    „wie Jan Berg, Sprecher der Stadtwerke, mitteilte“, „teilte der Direktor der
    Behörde, Jan Berg, mit“: the commas around the apposition end no clause. Returns
    the clause end and how many tokens the appositions (with their commas) took. An
    apposition names someone (a name or a role) and is closed off by a comma or
    dash; „sagte Kim, Europa brauche …“ has none.
    """
    tokens = doc.tokens
    end = clause_end_over_titles(doc, start, limit)
    skipped = 0
    for _ in range(tuning.APPOSITIONS_IN_FRAME):
        if end + 1 >= limit or tokens[end].text != ",":
            break
        # a phrase starting further back than MAX_NP_TOKENS cannot reach the comma
        first = max(start, end - MAX_NP_TOKENS)
        np = next((np for k in range(first, end) if (np := parse_noun_phrase(doc, lexicon, k, end)) is not None and np.end == end), None)
        if np is None:
            break
        apposition = with_apposition(doc, lexicon, np, limit)
        if apposition.end == np.end or apposition.end >= limit or tokens[apposition.end].text != ",":
            break
        skipped += apposition.end + 1 - end
        end = clause_end_over_titles(doc, apposition.end + 1, limit)
    return end, skipped


def title_after(doc: Doc, i: int, limit: int) -> int | None:
    """After the closing mark of the quoted title that opens at mark ``i``, or None (see :func:`quoted_titles`)."""
    tokens = doc.tokens
    j = i + 1
    while j < min(limit, i + tuning.TITLE_WORDS + 2) and tokens[j].kind == "word":
        j += 1
    if i + 1 < j < limit and tokens[j].kind == "quote" and tokens[j].start == tokens[j - 1].end:
        return j + 1
    return None


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
            after = title_after(doc, i, limit)
            if after is not None:
                found.append(TokenRange(i, after))
                i = after
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
