"""Word-level diff of quoted words: what one outlet added, dropped or changed.

Stage: compare (across documents), step 6 — the detail of a ``wording`` conflict.

One outlet has the minister praise „Geduld und Augenmaß“, another „Augenmaß und
Ausdauer“. The diff runs on normalised words (:mod:`quotecheck.provenance.words`:
lower case, spelling variants, no punctuation, so „12 %“ = „zwölf Prozent“ and a
moved comma is no difference) with :class:`difflib.SequenceMatcher`, and reports
each difference with the words on both sides and their offsets in both
documents, so a report can highlight them.

Quoting less is not quoting differently: an outlet that quotes only the second
half of a sentence has its words aligned to that half, and the reference's
words before and after it are not „dropped“. Only differences *inside* the
stretch both renderings quote count. An ellipsis („…“, „[…]“) in a rendering
marks an omission the outlet admits to; the words it stands for are not
reported as dropped.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Sequence

from quotecheck.provenance.model import DiffOp
from quotecheck.provenance.words import WordToken, word_tokens
from quotecheck.model import Role

__all__ = ["Piece", "diff_words", "piece_of"]

_ELLIPSIS = ("…", "...", "[…]", "[...]", "(…)", "(...)")

Piece = tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[int, int], ...], tuple[int, ...]]
"""Quoted words: the normalised words (compared), the words as written (reported),
their document spans, and the positions (word indices) just after which the text
has an ellipsis."""


def piece_of(role: Role) -> Piece:
    """The normalised words of a role with their document offsets.

    The role's text is its spans' text joined with one space (the quote
    contract), so an offset in the text maps back to a document offset by
    walking the spans.
    """
    tokens: list[WordToken] = list(word_tokens(role.text))
    starts: list[int] = []
    position = 0
    for span in role.spans:
        starts.append(position)
        position += span.end - span.start + 1
    spans = tuple(_to_document(role, starts, start, end) for _, start, end in tokens)
    gaps = _ellipses(role.text, tokens)
    surface = tuple(role.text[start:end] for _, start, end in tokens)
    return tuple(w for w, _, _ in tokens), surface, spans, gaps


def _to_document(role: Role, starts: list[int], start: int, end: int) -> tuple[int, int]:
    for span, base in zip(reversed(role.spans), reversed(starts)):
        if start >= base:
            return span.start + start - base, span.start + min(end - base, span.end - span.start)
    return role.spans[0].start + start, role.spans[0].start + end


def _ellipses(text: str, tokens: list[WordToken]) -> tuple[int, ...]:
    """Word positions after which ``text`` has an ellipsis mark."""
    gaps = []
    previous_end = 0
    for index, (_, start, end) in enumerate(tokens + [("", len(text), len(text))]):
        between = text[previous_end:start]
        if any(mark in between for mark in _ELLIPSIS):
            gaps.append(index)
        previous_end = end
    return tuple(gaps)


def _inside(codes: Sequence[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """The opcodes of the stretch both sides quote.

    Leading and trailing deletions and insertions are partial quotation; a
    leading or trailing replacement keeps as many words on each side as the
    shorter side has there („… mit Augenmaß und Ausdauer“ against „… mit Geduld
    und Augenmaß um“: „Ausdauer“ replaces „Augenmaß“, „um“ lies beyond).
    """
    codes = list(codes)
    while codes and codes[0][0] in ("delete", "insert"):
        codes = codes[1:]
    while codes and codes[-1][0] in ("delete", "insert"):
        codes = codes[:-1]
    if not codes:
        return codes
    tag, i1, i2, j1, j2 = codes[0]
    if tag == "replace":
        n = min(i2 - i1, j2 - j1)
        codes = [(tag, i2 - n, i2, j2 - n, j2), *codes[1:]]
    tag, i1, i2, j1, j2 = codes[-1]
    if tag == "replace":
        n = min(i2 - i1, j2 - j1)
        codes = [*codes[:-1], (tag, i1, i1 + n, j1, j1 + n)]
    return codes


def diff_words(reference: Piece, rendering: Piece) -> tuple[DiffOp, ...]:
    """The differences of ``rendering`` against ``reference`` inside the stretch both quote.

    Words of the reference before or after the stretch the rendering quotes
    (and the rendering's words before or after the reference's) are partial
    quotation, not differences. A rendering whose words mostly do not occur in
    the reference at all (fewer than half in order) quotes another part of
    the statement and is not compared.

    >>> def piece(text):
    ...     words = tuple(text.split())
    ...     return tuple(w.lower() for w in words), words, tuple((i, i + 1) for i in range(len(words))), ()
    >>> [(o.op, o.reference, o.words) for o in diff_words(piece("mit Geduld und Augenmaß"), piece("mit Augenmaß und Ausdauer"))]
    [('changed', ('Geduld',), ('Augenmaß',)), ('changed', ('Augenmaß',), ('Ausdauer',))]
    >>> diff_words(piece("wir werden nicht nachgeben und weiter streiken"), piece("weiter streiken"))
    ()
    >>> [(o.op, o.reference) for o in diff_words(piece("wir werden nicht nachgeben"), piece("wir werden nachgeben"))]
    [('dropped', ('nicht',))]
    """
    ref_words, ref_surface, ref_spans, _ = reference
    words, surface, spans, gaps = rendering
    if not ref_words or not words:
        return ()
    matcher = SequenceMatcher(None, ref_words, words, autojunk=False)
    if 2 * sum(block.size for block in matcher.get_matching_blocks()) < len(words):
        return ()
    codes = _inside(matcher.get_opcodes())
    ops = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" or (tag == "delete" and j1 in gaps):
            continue
        op = {"replace": "changed", "delete": "dropped", "insert": "added"}[tag]
        ops.append(DiffOp(op, ref_surface[i1:i2], surface[j1:j2], spans[j1:j2], ref_spans[i1:i2]))
    return tuple(ops)
