"""Pairing quotation marks: which mark opens, which closes, and what lies between.

Pipeline stage 2 (rules), first step: the direct-speech rule pairs the marks.

German news uses every convention at once: „…“ and ‚…‘, »…« and «…», English
“…”, straight "…", and mixed pairs („…" or „…”). Whether an ambiguous mark such
as “ or » opens or closes is decided by its flanks (whitespace on the left and a
word on the right opens; the reverse closes) and by what is open on the stack,
the way CommonMark decides emphasis delimiters.

Recovery rules, so that one odd mark never spoils a document:

* an opening mark still open at the end of its paragraph continues the quote
  only if the paragraph ends like a finished sentence and the next paragraph
  starts with the same mark (the typographic convention for quotes over several
  paragraphs), and only if the quote opened where a sentence can start (at a
  sentence start, after a colon, comma or dash): otherwise it is closed at the
  paragraph end and marked ``unbalanced``. A paragraph that stops mid-sentence
  („Er sagte: „Das bleibt offen“ + blank line) lost its closing mark, and a
  mark opened inside a clause („nannte das „Spiel …“) starts a fragment, which
  never runs over paragraphs; reading on would swallow the next paragraph's
  own quote;
* a closing mark with no opener is ignored;
* the stack is searched only a few levels deep, so the cost stays linear even
  for texts with thousands of marks.
"""

from __future__ import annotations

from typing import Iterator

from attrs import frozen

from quotecheck.columns import KIND_CODES
from quotecheck.text import TextLayer

__all__ = ["QuotedSpan", "CLOSERS_OF", "pair_quotation_marks"]

#: For each opening mark, the marks that may close it.
CLOSERS_OF: dict[str, frozenset[str]] = {
    "„": frozenset("“”\""),
    "‚": frozenset("‘’'"),
    "»": frozenset("«»"),
    "«": frozenset("»«"),
    "“": frozenset("”\"“"),
    "”": frozenset("”"),
    "‘": frozenset("’'"),
    '"': frozenset('"“”'),
    "'": frozenset("'’"),
    "›": frozenset("‹›"),
    "‹": frozenset("›‹"),
}
#: Marks that can close something (every closer above).
_CAN_CLOSE = frozenset().union(*CLOSERS_OF.values())
#: Marks that never open (they only close, typographically).
_ONLY_CLOSE = frozenset("’")
#: The code of a quotation mark in the tokens' kinds column.
_QUOTE = KIND_CODES["quote"]
_MAX_SEARCH = 3
_OPEN_CONTEXT = frozenset("([{/–—-")
#: A paragraph of a multi-paragraph quote ends in one of these (before the break).
_PARAGRAPH_FINAL = frozenset(".!?…:;)")
#: Tokens after which a quote may be a whole sentence (Er sagte: „…“ / „…“, sagte er, „…“).
_SENTENCE_OPENERS = frozenset(":,–—-(")


@frozen
class QuotedSpan:
    """A stretch of text between a pair of quotation marks.

    ``spans`` are the content's character ranges without the marks; a quote over
    several paragraphs has one span per paragraph (the repeated opening marks
    at paragraph starts are left out). ``close`` is ``None`` when no closing mark
    was found and the span was cut at the paragraph end.
    """

    open: int  # token index of the opening mark
    close: int | None  # token index of the closing mark
    #: Kept as a tuple, whatever sequence is given (:meth:`__attrs_post_init__`).
    spans: tuple[tuple[int, int], ...]
    depth: int = 0  # 0 for top-level quotes, 1 for a quote inside a quote …
    unbalanced: bool = False

    def __attrs_post_init__(self) -> None:
        # the spans as a tuple, so that the span hashes and compares as one the pairing
        # below built; here, not by a converter (the compiled build: see
        # build_backend/quotecheck_build.py), and read untyped, or compiled code would
        # refuse a list before it could be converted
        spans = object.__getattribute__(self, "spans")
        if not isinstance(spans, tuple):
            object.__setattr__(self, "spans", tuple(spans))

    @property
    def start(self) -> int:
        """First character inside the marks, so the span compares with content spans."""
        return self.spans[0][0]

    @property
    def end(self) -> int:
        """End of the last piece inside the marks (before the closing mark)."""
        return self.spans[-1][1]


@frozen
class _Open:
    token: int
    char: str
    spans_before: tuple[tuple[int, int], ...] = ()  # finished paragraphs of a multi-paragraph quote
    content_start: int = 0


def _flanks(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(can open, can close) from the characters around a mark."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left_open = before.isspace() or before in _OPEN_CONTEXT or before in CLOSERS_OF
    right_open = after.isspace() or not (after.isalnum() or after in CLOSERS_OF or after in "([…")
    return (left_open and not after.isspace(), not before.isspace() and right_open)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def pair_quotation_marks(layer: TextLayer) -> list[QuotedSpan]:
    """All quoted spans of a document, in order of their opening marks."""
    return sorted(_pair(layer), key=lambda q: (q.start, q.depth))


def _pair(layer: TextLayer) -> Iterator[QuotedSpan]:
    text = layer.text
    tokens = layer.tokens
    carried: list[_Open] = []
    carried_to, skip = -1, -1
    for p_index, paragraph in enumerate(layer.paragraphs):
        if paragraph.first >= paragraph.last:
            continue
        first_tok = layer.sentences[paragraph.first].first
        last_tok = layer.sentences[paragraph.last - 1].last
        stack: list[_Open] = carried if carried_to == p_index else []
        carried, carried_to = [], -1
        for i in _quote_marks(layer, first_tok, last_tok):
            tok = tokens[i]
            if i == skip:
                continue
            char = tok.text
            can_open, can_close = _flanks(text, tok.start, tok.end)
            if char in _CAN_CLOSE and (can_close or not can_open) and stack:
                matched = _find_opener(stack, char)
                if matched is not None:
                    for _ in range(len(stack) - 1 - matched):
                        yield _cut(text, stack.pop(), tokens[i].start, len(stack))
                    opener = stack.pop()
                    spans = (*opener.spans_before, _strip(text, opener.content_start, tok.start))
                    yield QuotedSpan(opener.token, i, spans, depth=len(stack))
                    continue
            if char in CLOSERS_OF and char not in _ONLY_CLOSE and (can_open or not can_close):
                if stack and stack[-1].char == char:
                    # The same mark opening again inside its own quote: the earlier one
                    # was never closed (quotes nest with the other kind of mark). Cut it
                    # here, so that it cannot swallow every later quote of the paragraph.
                    yield _cut(text, stack.pop(), tok.start, len(stack))
                stack.append(_Open(i, char, content_start=tok.end))
        if not stack:
            continue
        end = tokens[last_tok - 1].end
        continuation = None
        if text[end - 1] in _PARAGRAPH_FINAL and _opens_sentence(layer, stack[0].token):
            continuation = _continuation(layer, p_index + 1, stack[0].char)
        if continuation is not None and len(stack) == 1:
            opener = stack[0]
            spans = (*opener.spans_before, _strip(text, opener.content_start, end))
            carried = [_Open(opener.token, opener.char, spans, tokens[continuation].end)]
            carried_to, skip = p_index + 1, continuation
            continue
        while stack:
            yield _cut(text, stack.pop(), end, len(stack))


def _quote_marks(layer: TextLayer, first: int, last: int) -> Iterator[int]:
    """The tokens of ``[first, last)`` that are quotation marks, found in the kinds column (a C-level scan)."""
    kinds = layer.columns.kinds
    i = kinds.find(_QUOTE, first, last)
    while i != -1:
        yield i
        i = kinds.find(_QUOTE, i + 1, last)


def _opens_sentence(layer: TextLayer, index: int) -> bool:
    """Whether the mark at token ``index`` opens where a sentence may begin."""
    sentence = layer.sentences[layer.sentence_index(index)]
    if index <= sentence.first:
        return True
    before = layer.tokens[index - 1]
    return before.text in _SENTENCE_OPENERS or before.kind == "quote"


def _find_opener(stack: list[_Open], char: str) -> int | None:
    for depth in range(len(stack) - 1, max(-1, len(stack) - 1 - _MAX_SEARCH), -1):
        if char in CLOSERS_OF[stack[depth].char]:
            return depth
    return None


def _cut(text: str, opener: _Open, end: int, depth: int) -> QuotedSpan:
    spans = (*opener.spans_before, _strip(text, opener.content_start, end))
    return QuotedSpan(opener.token, None, spans, depth=depth, unbalanced=True)


def _continuation(layer: TextLayer, p_index: int, char: str) -> int | None:
    """Token index of the mark that reopens a quote at the start of paragraph ``p_index``."""
    if p_index >= len(layer.paragraphs):
        return None
    paragraph = layer.paragraphs[p_index]
    if paragraph.first >= paragraph.last:
        return None
    first = layer.sentences[paragraph.first].first
    tok = layer.tokens[first] if first < len(layer.tokens) else None
    if tok is not None and tok.kind == "quote" and tok.text == char:
        return first
    return None
