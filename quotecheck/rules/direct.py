"""Direct speech: quoted text that is someone's words, with its frame.

Not every quoted string is speech. A quoted span counts as direct speech when

* a frame introduces it (``Er sagte: „…“``, ``Merkel: „…“``) or follows it
  (``„…“, sagte Kim.``, ``„…“, so der Minister.``), and it is more than a lone
  word; or
* it stands alone at the start of a sentence and is sentence-like (several
  words, or ending in sentence punctuation): then it continues the previous
  speaker.

A short quoted piece inside a clause („Morning Star“, das „moderne neue
Nazismus“) is not direct speech: it is left for the other rules, which make it a
``fragment`` of an indirect or reported quote, or ignore it as a title or scare
quote.
"""

from __future__ import annotations

from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.rules.common import (
    SENTENCE_END,
    Candidate,
    CueMatch,
    find_speech_verb,
    match_speech_verb,
)
from quotecheck.rules.quotemarks import QuotedSpan, pair_quotation_marks

__all__ = ["DirectResult", "find_direct"]

_MIN_STANDALONE_WORDS = 4
_MIN_EMBEDDED_WORDS = 8
#: Words that can follow a closing mark as a postposed cue without being verbs.
_SO = frozenset({"so"})
_IMPERSONAL = frozenset({"heißt", "hieß", "hiess"})


@frozen
class DirectResult:
    """Direct quotes found, and the quoted spans that are not direct speech."""

    quotes: tuple[Candidate, ...]
    other_spans: tuple[QuotedSpan, ...]


def _word_count(doc: Doc, span: QuotedSpan) -> int:
    close = span.close if span.close is not None else _last_token(doc, span.end)
    return sum(1 for t in doc.tokens[span.open + 1 : close] if t.kind in ("word", "number"))


def _last_token(doc: Doc, char: int) -> int:
    index = doc.layer.token_at(max(char - 1, 0))
    return (index + 1) if index is not None else len(doc.tokens)


def _ends_like_a_sentence(doc: Doc, span: QuotedSpan) -> bool:
    content = doc.text[span.start : span.end]
    return bool(content) and content[-1] in SENTENCE_END


def _after_frame(doc: Doc, lexicon: Lexicon, span: QuotedSpan) -> tuple[tuple[int, int], CueMatch | None, tuple[int, int] | None] | None:
    """A postposed frame: „…“, sagte er / „…“, so der Minister / „…“, hieß es.

    Returns the frame's token range, the verb cue (or None) and, for „so“, the
    cue token range.
    """
    if span.close is None:
        return None
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(span.close)]
    i = span.close + 1
    if i < sentence.last and tokens[i].text == ",":
        i += 1
    if i >= sentence.last or tokens[i].kind != "word":
        return None
    end = i
    while end < sentence.last and not (tokens[end].kind == "quote" or tokens[end].text in SENTENCE_END):
        end += 1
    frame_end = end
    if end < sentence.last and tokens[end].kind == "quote" and end > i and tokens[end - 1].text == ",":
        frame_end = end  # keep the comma before an interruption's second part
    word = tokens[i].text.lower()
    if word in _SO:
        return (i, frame_end), None, (i, i + 1)
    cue = match_speech_verb(doc, lexicon, i, end)
    if cue is None and word in _IMPERSONAL:
        cue = CueMatch((i,), "heißen")
    if cue is None:
        return None
    return (i, frame_end), cue, None


def _before_frame(doc: Doc, lexicon: Lexicon, span: QuotedSpan, floor: int) -> tuple[tuple[int, int], CueMatch | None, tuple[int, int] | None] | None:
    """A preposed frame ending in a colon or comma: Er sagte: „…“ / Merkel: „…“."""
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(span.open)]
    start = max(sentence.first, floor)
    if span.open <= start:
        return None
    last = tokens[span.open - 1]
    if last.text == ":":
        cue = find_speech_verb(doc, lexicon, start, span.open - 1)
        colon = (span.open - 1, span.open)
        return (start, span.open), cue, (None if cue else colon)
    if last.text == ",":
        cue = find_speech_verb(doc, lexicon, start, span.open - 1)
        if cue is not None:
            return (start, span.open), cue, None
    return None


def _interruption(doc: Doc, frame: tuple[int, int], nxt: QuotedSpan | None) -> bool:
    """Whether the next quoted span continues this one after the frame („…“, sagte er, „…“)."""
    if nxt is None or frame[1] >= len(doc.tokens):
        return False
    tokens = doc.tokens
    return nxt.open == frame[1] and tokens[frame[1] - 1].text == ","


def find_direct(doc: Doc, lexicon: Lexicon) -> DirectResult:
    """Direct quotes of a document, and the quoted spans left for other rules."""
    spans = [s for s in pair_quotation_marks(doc.layer) if s.end > s.start]
    top = [s for s in spans if s.depth == 0]
    nested = [s for s in spans if s.depth > 0]
    quotes: list[Candidate] = []
    others: list[QuotedSpan] = []
    floor = 0  # tokens before this belong to an earlier quote's frame
    i = 0
    while i < len(top):
        span = top[i]
        nxt = top[i + 1] if i + 1 < len(top) else None
        before = _before_frame(doc, lexicon, span, floor)
        after = _after_frame(doc, lexicon, span)
        words = _word_count(doc, span)
        sentence = doc.layer.sentence_index(span.open)
        at_start = span.open == doc.sentences[sentence].first or before is not None
        content = list(span.spans)
        frame = cue = cue_spans = None
        if after is not None and at_start:
            frame, cue, cue_spans = after
            if _interruption(doc, frame, nxt):
                content.extend(nxt.spans)
                span = nxt
                i += 1
        elif before is not None:
            frame, cue, cue_spans = before
        framed = frame is not None and (words >= 2 or _ends_like_a_sentence(doc, span))
        standalone = (
            frame is None
            and at_start
            and (words >= _MIN_STANDALONE_WORDS or (words >= 2 and _ends_like_a_sentence(doc, span)))
        )
        embedded_long = frame is None and words >= _MIN_EMBEDDED_WORDS and _ends_like_a_sentence(doc, span)
        if not (framed or standalone or embedded_long):
            others.append(top[i])
            i += 1
            continue
        if frame is not None:
            floor = frame[1]
        confidence = 0.9 if framed else 0.6
        if span.unbalanced:
            confidence -= 0.2
        quotes.append(
            Candidate(
                kind="direct",
                content=content,
                sentence=sentence,
                cue=cue,
                cue_spans=None if cue_spans is None else (_char_range(doc, cue_spans),),
                frame=frame,
                confidence=confidence,
                inherit_speaker=frame is None,
            )
        )
        i += 1
    return DirectResult(tuple(quotes), tuple(others) + tuple(nested))


def _char_range(doc: Doc, token_range: tuple[int, int]) -> tuple[int, int]:
    return doc.tokens[token_range[0]].start, doc.tokens[token_range[1] - 1].end
