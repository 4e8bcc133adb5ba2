"""The candidate quote: what a rule hands to attribution.

Pipeline stage 2 (rules) → stage 3 (attribution): the hand-over record.

Rules find *candidates*: content spans with the token ranges where their cue,
speaker and sources are to be looked for. Attribution turns candidates into
:class:`~quotecheck.model.Quote` objects; keeping the two apart means a new rule
never has to know how speakers are resolved. Token positions are
:class:`~quotecheck.ranges.TokenRange`, character positions
:class:`~quotecheck.ranges.CharSpan`, never a bare tuple that could be either.
"""

from __future__ import annotations

from typing import Iterable

from attrs import field, frozen

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import SpeechVerb
from quotecheck.ranges import CharSpan, TokenRange, char_spans

__all__ = ["Candidate", "CueMatch", "char_span", "overlaps"]


@frozen
class CueMatch:
    """A speech verb found in the text: its token(s) and lexicon entry."""

    tokens: tuple[int, ...]
    lemma: str
    verb: SpeechVerb | None = None


def _token_range(value: tuple[int, int] | None) -> TokenRange | None:
    if value is None or type(value) is TokenRange:
        return value
    return TokenRange(*value)


def _char_spans_or_none(value: Iterable[tuple[int, int]] | None) -> tuple[CharSpan, ...] | None:
    return None if value is None else char_spans(value)


@frozen
class Candidate:
    """A quote before attribution.

    ``content`` are the character spans of what was said; ``frame`` is the token
    range of the introducing clause (where the speaker and sources are sought);
    ``cue_spans`` the characters of a cue that is no verb (a colon, „laut“ …);
    ``speaker_tokens`` a speaker the rule fixed itself; ``inherit_speaker`` marks a
    quote without a frame of its own, whose speaker is the previous one.
    """

    kind: str
    content: tuple[CharSpan, ...] = field(converter=char_spans)
    sentence: int
    cue: CueMatch | None = None
    cue_spans: tuple[CharSpan, ...] | None = field(default=None, converter=_char_spans_or_none)
    frame: TokenRange | None = field(default=None, converter=_token_range)
    mood: str | None = None
    confidence: float = tuning.CANDIDATE_DEFAULT
    fragments: tuple[CharSpan, ...] = field(default=(), converter=char_spans)
    speaker_tokens: TokenRange | None = field(default=None, converter=_token_range)
    inherit_speaker: bool = False


def char_span(doc: Doc, start: int, end: int) -> CharSpan:
    """Character span of the token range ``[start, end)``: rules work on tokens, quotes on characters."""
    return CharSpan(doc.tokens[start].start, doc.tokens[end - 1].end)


def overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    """Whether ``span`` shares a character with any of ``others`` (text another rule claimed)."""
    a0, b0 = span
    return any(a0 < b and a < b0 for a, b in others)
