"""Quoted names and titles: text in quotation marks that is no one's words.

Pipeline stage 2 (rules): the direct rule hands the quoted spans it did not take
to the later rules (``Claims.quoted``) without the names among them, so that a
name never becomes a ``fragment``, a nested direct quote or the evidence of a
reported speech act.

German news puts names of media, works, operations and things in quotation
marks: „die Zeitung „Ruhr Nachrichten““, „die Operation „Cast Lead““, „das
Flugzeug „Virgin Atlantic GlobalFlyer““. In the WikiNews training split such
pieces inside a reported quote are not annotated as nested Direct quotes, while
the words of speakers are („sei ein „teurer Irrweg““). A quoted span is a name
here when

* the word before it names what follows (``name_noun`` of ``piece_frames.tsv``,
  also as the end of a compound: „Vereinssender“, „Actionspiels“), or introduces a
  short form (``name_marker``: „kurz „GTA““);
* an abbreviation or translation in parentheses follows it („„Space Telescope
  Science Institute“ (STSI)“);
* the gazetteer knows it as an organisation („„Figaro““);
* it is the medium a speaker talks to: a dative determiner right after a speech
  verb and its subject („sagte der „Rijnmond Courant““, „sagte Kessler dem
  „Kurier““).
"""

from __future__ import annotations

from typing import Iterable

from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.rules.cues import match_speech_verb
from quotecheck.rules.quotemarks import QuotedSpan

__all__ = ["is_quoted_name", "without_names"]

#: Rule-word classes of a determiner that marks the dative medium („sagte der „Zeitung““).
_DATIVE_CLASSES = frozenset({"dative_medium_determiner"})
#: Function-word classes of the same („sagte dem „Kurier““).
_DATIVE_FUNCTION_CLASSES = frozenset({"det_dative"})
#: Capitalised words allowed between the speech verb and the determiner („sagte Kessler dem …“).
_SUBJECT_WORDS = 3


def without_names(doc: Doc, lexicon: Lexicon, spans: Iterable[QuotedSpan]) -> tuple[QuotedSpan, ...]:
    """``spans`` without the quoted names and titles (:func:`is_quoted_name`)."""
    return tuple(s for s in spans if not is_quoted_name(doc, lexicon, s))


def is_quoted_name(doc: Doc, lexicon: Lexicon, span: QuotedSpan) -> bool:
    """Whether the quoted ``span`` is a name or title rather than someone's words (see the module docstring).

    >>> from quotecheck import Extractor
    >>> from quotecheck.rules.quotemarks import pair_quotation_marks
    >>> ex = Extractor()
    >>> doc = ex.analyse("Er sagte dem Sender „Radio Nord“, es sei ein „teurer Irrweg“.")
    >>> [is_quoted_name(doc, ex.lexicon, s) for s in pair_quotation_marks(doc.layer)]
    [True, False]
    """
    tokens = doc.tokens
    before = span.open - 1
    if before >= 0 and tokens[before].kind == "word" and lexicon.pieces.names_a_piece(tokens[before].text):
        return True
    after = span.close + 1 if span.close is not None else None
    if after is not None and after < len(tokens) and tokens[after].text == "(":
        return True
    short = span.end - span.start <= lexicon.max_organization_chars  # no slice of a paragraph per quote
    if short and lexicon.organization(doc.text[span.start : span.end]) is not None:
        return True
    return before >= 0 and _medium_addressed(doc, lexicon, before)


def _medium_addressed(doc: Doc, lexicon: Lexicon, determiner: int) -> bool:
    """Whether the determiner at ``determiner`` opens the dative medium of a speech verb before it."""
    word = doc.tokens[determiner].text.lower()
    dative = lexicon.rule_words.by_word.get(word, frozenset()) & _DATIVE_CLASSES or lexicon.function_words.get(
        word, frozenset()
    ) & _DATIVE_FUNCTION_CLASSES
    if not dative:
        return False
    k = determiner - 1
    while k >= 0 and determiner - k <= _SUBJECT_WORDS and doc.tokens[k].kind == "word" and doc.tokens[k].text[:1].isupper():
        k -= 1  # the inverted subject („sagte Kessler dem …“)
    if k < 0 or doc.tokens[k].kind != "word":
        return False
    return match_speech_verb(doc, lexicon, k, k + 1) is not None
