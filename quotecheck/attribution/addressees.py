"""Addressee strategies: to whom it was said („gegenüber der Zeitung“, „sagte Voss im ZDF“).

Pipeline stage 3 (attribution): after the speaker strategies, in the words
right after the speaker or the cue.
"""

from __future__ import annotations

from quotecheck.analysis.base import Doc
from quotecheck.attribution.naming import MEDIA_TYPES, is_medium, organization_in
from quotecheck.attribution.nounphrase import NounPhrase, parse_noun_phrase
from quotecheck.attribution.words import (
    DATIVE_MEDIUM_DETERMINERS,
    SOURCE_AFTER,
    function_word_classes,
    is_report_noun,
)
from quotecheck.lexicon import Lexicon

__all__ = ["addressee_after"]


def addressee_after(doc: Doc, lexicon: Lexicon, start: int, end: int) -> NounPhrase | None:
    """„gegenüber der Zeitung“, „vor Journalisten“, „dem Sender“: to whom it was said."""
    tokens = doc.tokens
    for i in range(start, min(end, start + 6)):
        word = tokens[i].text
        classes = function_word_classes(lexicon, word)
        if "addressee_prep" in classes:
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            if np is not None and not np.pronoun:
                return np
        after_prep = i > 0 and "prep" in function_word_classes(lexicon, tokens[i - 1].text)
        if "det_dative" in classes and not after_prep:
            return parse_noun_phrase(doc, lexicon, i, end)  # „laut dem Blatt“ is no addressee
        after_statement = i > 0 and is_report_noun(lexicon, tokens[i - 1].text)  # „nach Angaben der Agentur“
        medium = _medium_after(doc, lexicon, i, end) if word in DATIVE_MEDIUM_DETERMINERS and not after_prep and not after_statement else None
        if medium is not None:
            return medium  # „sagte Sabine Krull der Nachrichtenagentur Reuters“: a feminine dative medium
        if "venue_prep" in classes:
            # „sagte Voss im ZDF“: the medium he spoke to
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            entry = organization_in(doc, lexicon, np.start, np.end) if np else None
            if entry is not None and entry.type in MEDIA_TYPES:
                return np
    return None


def _medium_after(doc: Doc, lexicon: Lexicon, i: int, end: int) -> NounPhrase | None:
    """The noun phrase at ``i`` if it is a news agency or medium (and no „zufolge“ follows)."""
    np = parse_noun_phrase(doc, lexicon, i, end)
    if np is None or np.end < end and doc.tokens[np.end].text.lower() in SOURCE_AFTER:
        return None
    return np if is_medium(doc, lexicon, np) else None
