"""The source grammar: according-to phrases and the speaker or source they name.

Pipeline stage 2 (rules) and stage 3 (attribution): one matcher for both. The
according-to rule frames a quote with a phrase („Laut der Polizei …“), the
reported rule cuts one out of a speech act's content („nannte … laut Interfax
„unrealistisch““), the indirect rule asks whether a sentence names its own
speaker before a wie-clause, and attribution finds a quote's intermediaries
(„sagte Roth der Zeitung zufolge“) — all with :func:`source_phrase_at`, so that
a phrase is a source for all of them or for none.

Every phrase and what it names is a line of ``data/de/according_to.tsv``
(:class:`~quotecheck.lexicon.AccordingTo`): its ``position`` says where the owner
stands, ``owner`` how it is found, ``names`` whether it is a speaker, a source or
a cited party, ``relation`` how a source through it passed the words on.

>>> from quotecheck import Extractor
>>> ex = Extractor()
>>> doc = ex.analyse("Die Lage sei ernst, sagte Roth unter Verweis auf die Agentur Reuters.")
>>> match = source_phrase_at(doc, ex.lexicon, 7, 0, len(doc.tokens))
>>> match.entry.phrase, match.entry.names, match.relation, text_of(doc, match.span)
('unter Verweis auf', 'cited', 'reported_by', 'unter Verweis auf die Agentur Reuters')
"""

from __future__ import annotations

from typing import Callable

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.attribution.naming import organization_in
from quotecheck.attribution.nounphrase import NounPhrase, function_word_classes, parse_noun_phrase, with_seat
from quotecheck.attribution.words import is_speech_verb
from quotecheck.lexicon import DETERMINER_CLASSES, AccordingTo, Lexicon
from quotecheck.ranges import TokenRange
from quotecheck.rules.candidate import SourcePhrase
from quotecheck.rules.cues import according_phrases_at

__all__ = ["SourcePhrase", "opens_owner", "source_phrase_at", "text_of"]


def text_of(doc: Doc, tokens: TokenRange) -> str:
    """The text of a token range (for examples and messages)."""
    return doc.text[doc.tokens[tokens.start].start : doc.tokens[tokens.end - 1].end]


def source_phrase_at(doc: Doc, lexicon: Lexicon, i: int, first: int, last: int) -> SourcePhrase | None:
    """The according-to phrase starting at token ``i`` with its owner, within tokens ``[first, last)``.

    The longest phrase whose owner is as its line requires wins; none when no
    phrase starts there or none has its owner („laut und deutlich“, „gemäß
    Artikel 5“, „aus Kreisen“ alone). An anaphoric phrase followed by an owner is
    none („laut dem Bericht der Zeitung“ is „laut“ with the owner „dem Bericht der
    Zeitung“).
    """
    for entry in according_phrases_at(doc, lexicon, i, last):
        phrase = TokenRange(i, i + len(entry.words))
        found = _OWNER_READERS[entry.owner](doc, lexicon, entry, phrase, first, last)
        if found is not _MISSING:
            return SourcePhrase(entry, phrase, found)
    return None


#: The answer of an owner reader when the phrase needs an owner and has none.
_MISSING = TokenRange(-1, -1)

#: How an owner is read (``according_to.tsv``'s ``owner`` column): its range, None, or _MISSING.
_OwnerReader = Callable[[Doc, Lexicon, AccordingTo, TokenRange, int, int], "TokenRange | None"]


def _noun_after(doc: Doc, lexicon: Lexicon, entry: AccordingTo, phrase: TokenRange, first: int, last: int) -> TokenRange | None:
    """``noun``: „laut der Polizei“, „laut Reuters“, „laut „Kurier““, „laut dpa“: a capital, a determiner or an agency opens the owner.

    „laut und deutlich“ has none: there „laut“ is an adjective.
    """
    nxt = phrase.end
    while nxt < last and doc.tokens[nxt].kind == "quote":
        nxt += 1  # a title in quotation marks
    if nxt >= last:
        return _MISSING
    word = doc.tokens[nxt].text
    if not (word[:1].isupper() or function_word_classes(lexicon, word) & DETERMINER_CLASSES or lexicon.organization(word)):
        return _MISSING
    return _required(owner_after(doc, lexicon, phrase.end, last))


def _someone_after(doc: Doc, lexicon: Lexicon, entry: AccordingTo, phrase: TokenRange, first: int, last: int) -> TokenRange | None:
    """``someone``: „gemäß dem Sprecher“ names someone; „gemäß Artikel 5“, „gemäß dem Plan“ nobody."""
    owner = owner_after(doc, lexicon, phrase.end, last)
    if owner is None or not _names_someone(doc, lexicon, phrase.end, owner.end):
        return _MISSING
    return owner


def _any(doc: Doc, lexicon: Lexicon, entry: AccordingTo, phrase: TokenRange, first: int, last: int) -> TokenRange | None:
    """``any``: „unter Berufung auf Kreise“ (after a pre phrase), „der Zeitung zufolge“ (before a post phrase)."""
    if entry.position == "post":
        return _required(owner_before(doc, lexicon, phrase.start, first))
    return _required(owner_after(doc, lexicon, phrase.end, last))


def _optional(doc: Doc, lexicon: Lexicon, entry: AccordingTo, phrase: TokenRange, first: int, last: int) -> TokenRange | None:
    """``optional``: „nach Angaben der Polizei“ or „nach Angaben Kiews“ has an owner, „nach Angaben“ alone none."""
    nxt = phrase.end
    if nxt >= last or not (opens_owner(doc, lexicon, nxt, last) or doc.tokens[nxt].text[:1].isupper()):
        return None
    return owner_after(doc, lexicon, nxt, last)


def _genitive_after(doc: Doc, lexicon: Lexicon, entry: AccordingTo, phrase: TokenRange, first: int, last: int) -> TokenRange | None:
    """``required``: „aus Kreisen der Partei“: a genitive or von-phrase must name whose circles."""
    nxt = phrase.end
    if not opens_owner(doc, lexicon, nxt, last):
        return _MISSING
    return _required(owner_after(doc, lexicon, nxt, last))


def _no_owner(doc: Doc, lexicon: Lexicon, entry: AccordingTo, phrase: TokenRange, first: int, last: int) -> TokenRange | None:
    """``none``: „seiner Meinung nach“, „demnach“, „hieß es“ name no owner of their own.

    An anaphoric phrase that ends in its noun points back only when no owner
    follows that noun („laut dem Bericht“, but not „laut dem Bericht der
    Zeitung“); „demnach der 13. Juli“ is an adverb before the subject.
    """
    ends_in_noun = entry.words[-1][:1].isupper()
    if entry.position == "anaphoric" and ends_in_noun and opens_owner(doc, lexicon, phrase.end, last):
        return _MISSING
    return None


_OWNER_READERS: dict[str, _OwnerReader] = {
    "noun": _noun_after,
    "someone": _someone_after,
    "any": _any,
    "optional": _optional,
    "required": _genitive_after,
    "none": _no_owner,
}


def _required(owner: TokenRange | None) -> TokenRange:
    return owner if owner is not None else _MISSING


def opens_owner(doc: Doc, lexicon: Lexicon, i: int, last: int) -> bool:
    """Whether token ``i`` after „nach Angaben“ opens its owner: a genitive or a von-phrase.

    A genitive article or „von“ („der Polizei“, „seines Anwalts“, „von Peter
    Beck“), or a genitive plural without article: an adjective before a noun
    („informierter Kreise“, „beider Seiten“).
    """
    if i >= last:
        return False
    word = doc.tokens[i].text
    low = word.lower()
    if "source_prep" in lexicon.words.classes(low) or low in lexicon.rule_words.genitive_openers:
        return True
    return (
        word.endswith(_GENITIVE_PLURAL_ENDING)
        and word.islower()
        and not lexicon.words.classes(low)
        and not lexicon.clause.classes(low)
        and i + 1 < last
        and doc.tokens[i + 1].text[:1].isupper()
    )


#: The strong genitive plural ending of an adjective or determiner without article
#: („informierter Kreise“, „beider Seiten“): a morphological suffix, not a word.
_GENITIVE_PLURAL_ENDING = "er"


def owner_after(doc: Doc, lexicon: Lexicon, start: int, last: int) -> TokenRange | None:
    """The owner noun phrase starting at ``start``, after a „von“, with its seat and attachments.

    „laut Oberst Franz Polzer vom niederösterreichischen Landeskriminalamt“,
    „nach Angaben des Instituts für Weltwirtschaft in Kiel“.
    """
    tokens = doc.tokens
    if start < last and "source_prep" in function_word_classes(lexicon, tokens[start].text):
        start += 1
    np = parse_noun_phrase(doc, lexicon, start, last)
    if np is None:
        return None
    end = with_seat(doc, lexicon, np, last).end
    while end < last and tokens[end].text.lower() in lexicon.rule_words.source_attachment:
        # a genitive article opens the attached phrase itself („der Polizei“), a preposition precedes it („vom LKA“)
        at = end if tokens[end].text.lower() in lexicon.rule_words.genitive_openers else end + 1
        more = parse_noun_phrase(doc, lexicon, at, last)
        if more is None or more.end <= end + 1 or _quoted_piece(doc, lexicon, more):
            break
        end = more.end
    return TokenRange(start, end)


def _quoted_piece(doc: Doc, lexicon: Lexicon, np: NounPhrase) -> bool:
    """An indefinite noun phrase with quotation marks is what was said, not an affiliation.

    „sprach laut AFP von einer „Katastrophe““; but „von „BBC News““ and „der „New
    York Times““ name a publication.
    """
    quoted = any(doc.tokens[k].kind == "quote" for k in range(np.start, np.end))
    return quoted and (np.determiner or "").lower() in lexicon.words.indefinite


def owner_before(doc: Doc, lexicon: Lexicon, end: int, floor: int) -> TokenRange | None:
    """The owner noun phrase ending right before token ``end`` („der Polizei“ zufolge).

    The longest one that does not start at a verb („sagte Brandt der Zeitung
    zufolge“: „der Zeitung“); of a bare run of names, the organisation alone
    („sagte Brandt Reuters zufolge“: Reuters).
    """
    np = _longest_ending_at(doc, lexicon, end, floor)
    if np is not None and np.determiner is None and np.role is None:
        np = next(
            (parse_noun_phrase(doc, lexicon, k, end) for k in range(np.start + 1, end) if organization_in(doc, lexicon, k, end) is not None),
            None,
        ) or np
    return TokenRange(np.start, end) if np is not None else None


def _longest_ending_at(doc: Doc, lexicon: Lexicon, end: int, floor: int) -> NounPhrase | None:
    for k in range(max(floor, end - tuning.SOURCE_BEFORE_TOKENS), end):
        if is_speech_verb(doc, lexicon, k) or "aux" in function_word_classes(lexicon, doc.tokens[k].text):
            continue
        np = parse_noun_phrase(doc, lexicon, k, end)
        if np is not None and np.end < end:
            np = with_seat(doc, lexicon, np, end)  # „Dem Innenministerium in Wien zufolge“: Wien is its seat
        if np is not None and np.end == end:
            return np
    return None


def _names_someone(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether the noun phrase at ``start`` names a person, a role or an organisation, not a legal text."""
    np = parse_noun_phrase(doc, lexicon, start, end)
    if np is None:
        return False
    if np.name_tokens or np.role is not None:
        return doc.tokens[start].text.lower() not in lexicon.rule_words.legal_reference
    return any(lexicon.organization(doc.tokens[k].text) is not None for k in range(start, end))
