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

import attrs
import regex

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.attribution.naming import organization_in
from quotecheck.attribution.words import is_report_noun, is_time_word
from quotecheck.attribution.nounphrase import (
    NounPhrase,
    function_word_classes,
    np_ending_at,
    parse_noun_phrase,
    skip_adjectives,
    with_seat,
)
from quotecheck.lexicon import DETERMINER_CLASSES, DOCUMENT_SLOT, AccordingTo, Lexicon
from quotecheck.ranges import TokenRange
from quotecheck.rules.candidate import SourcePhrase
from quotecheck.rules.cues import according_phrases_at

__all__ = [
    "SourcePhrase",
    "compound_modifier",
    "names_statement",
    "opens_according_relative",
    "opens_owner",
    "report_head",
    "report_slots",
    "saying_class",
    "source_phrase_at",
    "text_of",
]


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
    return _report_phrase_at(doc, lexicon, i, first, last)


def _report_phrase_at(doc: Doc, lexicon: Lexicon, i: int, first: int, last: int) -> SourcePhrase | None:
    """A preposition and any report noun: „Nach Polizeiangaben“, „nach einer Umfrage des Instituts“.

    The lines of ``according_to.tsv`` with the slot ``<noun>`` („nach <noun>“)
    take any noun of saying of ``speech_nouns.tsv`` (use ``according_to`` or
    ``both``) or a compound ending in one („Polizeiangaben“, „UNHCR-Angaben“,
    „Medienberichten“), after a determiner and adjectives („nach den bisherigen
    Ermittlungen“). The compound's modifier is how the sentence names the owner,
    so the phrase is the speaker mention. A line for the head noun itself („nach
    Angaben“, „nach Meinung“) says what the owner is; else the slot line does.
    Not „nach dem Spiel“, „nach Berlin“: no noun of saying.
    """
    for slot in report_slots(lexicon, doc.tokens[i].text):
        head = report_head(doc, lexicon, i + 1, last, documents=slot.words[1] == DOCUMENT_SLOT)
        if head is None or _object_of_verb(doc, lexicon, i, head[0] + 1, first, last):
            continue
        entry = _line_of_head(lexicon, slot, head)
        phrase = TokenRange(i, head[0] + 1)
        found = _OWNER_READERS[entry.owner](doc, lexicon, entry, phrase, first, last)
        if found is not _MISSING:
            return SourcePhrase(entry, phrase, found)
    return None


def _object_of_verb(doc: Doc, lexicon: Lexicon, start: int, end: int, first: int, last: int) -> bool:
    """Whether the phrase ``[start, end)`` is the object of a verb next to it („suchte nach weiteren Informationen“).

    The verb stands up to :data:`~quotecheck.tuning.PREP_OBJECT_VERB_REACH` words
    before it („suchte weiterhin nach …“, „erkundigte sich nach …“) or right after it
    („…, die nach Informationen suchten“).
    """
    verbs = lexicon.rule_words.prep_object_verb
    before = range(max(first, start - tuning.PREP_OBJECT_VERB_REACH), start)
    near = [k for k in before if doc.tokens[k].kind == "word"] + ([end] if end < last and doc.tokens[end].kind == "word" else [])
    return any(doc.tokens[k].text[:1].islower() and doc.lemma(k).lower() in verbs for k in near)


def report_head(doc: Doc, lexicon: Lexicon, start: int, last: int, documents: bool = False) -> tuple[int, str] | None:
    """The head noun of a report noun phrase at ``start`` and the noun of saying it is or ends in.

    „den bisherigen Ermittlungen“ → „Ermittlungen“, „Polizeiangaben“ →
    „Angaben“, „einem EU-Dokument“ → „Dokument“; a genitive name may stand
    before it („Grupps Meinung“). With ``documents`` a report noun of
    ``function_words.tsv`` heads it too („der Anklageschrift“, „der Quartalsbilanz“).
    """
    tokens = doc.tokens
    i = start
    determiner = i < last and bool(function_word_classes(lexicon, tokens[i].text) & DETERMINER_CLASSES)
    if determiner:
        i += 1
    j = skip_adjectives(doc, lexicon, i, last)
    for k in (j, j + 1):
        if k >= last or tokens[k].kind != "word" or not tokens[k].text.rsplit("-", 1)[-1][:1].isupper():
            break
        noun = _noun_of_saying(lexicon, tokens[k].text, documents)
        if noun is not None:
            return k, noun
    return _head_after_attribute(doc, lexicon, i, last, documents) if determiner else None


def _head_after_attribute(doc: Doc, lexicon: Lexicon, start: int, last: int, documents: bool) -> tuple[int, str] | None:
    """The noun of saying after an extended attribute: „einer am Dienstag veröffentlichten Mitteilung“.

    Between the determiner and the noun stand only words and numbers, the last an
    inflected participle („veröffentlichten“, „erschienenen“), within
    :data:`~quotecheck.tuning.REPORT_ATTRIBUTE_TOKENS` tokens.
    """
    tokens = doc.tokens
    for k in range(start + 1, min(last, start + tuning.REPORT_ATTRIBUTE_TOKENS + 1)):
        if tokens[k].kind not in ("word", "number"):
            return None
        if _PARTICIPLE.match(tokens[k - 1].text) and tokens[k].text[:1].isupper():
            noun = _noun_of_saying(lexicon, tokens[k].text, documents)
            if noun is not None:
                return k, noun
    return None


def _noun_of_saying(lexicon: Lexicon, word: str, documents: bool = False) -> str | None:
    """The noun of saying a word is or ends in: „Angaben“, „Polizeiangaben“ → „Angaben“, „dpa-Meldung“ → „Meldung“.

    Not a noun derived with a verb particle („Auszählung“, „Nachberechnung“).
    """
    tail = word.rsplit("-", 1)[-1]
    for k in range(len(tail) - _MIN_HEAD):
        form = tail[k:] if k == 0 else tail[k].upper() + tail[k + 1 :]
        noun = lexicon.speech_nouns.get(form)
        if noun is not None and noun.use in _ACCORDING_USES and (k == 0 or _compound_modifier(lexicon, tail[:k])):
            return form
    return tail if documents and is_report_noun(lexicon, tail) else None


def saying_class(lexicon: Lexicon, word: str) -> str | None:
    """The class (``speech_nouns.tsv``) of the according-to noun a word is or ends in: „Landesgesetz“ → decide."""
    head = _noun_of_saying(lexicon, word) if word[:1].isupper() else None
    return lexicon.speech_nouns[head].cls if head is not None else None


def compound_modifier(lexicon: Lexicon, word: str) -> str | None:
    """What a compound noun of saying begins with: „Polizeiangaben“ → „Polizei“, „UN-Angaben“ → „UN“.

    None for a noun of saying that is no compound („Angaben“) and for a word that
    ends in none („Nachbarn“).
    """
    head = _noun_of_saying(lexicon, word)
    if head is None or len(head) >= len(word):
        return None
    return word[: len(word) - len(head)].rstrip("-") or None


#: An inflected past participle before its noun („veröffentlichten“, „erschienenen“,
#: „vorgelegte“): a morphological ending, not a word.
_PARTICIPLE = regex.compile(r"^\p{Ll}\p{L}+[tn](?:e|en|er|es|em)$")

def names_statement(lexicon: Lexicon, word: str) -> bool:
    """Whether a noun names something said or written: any noun of ``speech_nouns.tsv`` („Gerüchte“,
    „Studien“), a compound ending in one („Meinungsumfragen“), or a report noun („Gutachten“)."""
    if not word[:1].isupper():
        return False
    if word in lexicon.speech_nouns or _noun_of_saying(lexicon, word) is not None or is_report_noun(lexicon, word):
        return True
    tail = word.rsplit("-", 1)[-1]
    return any(tail[k].upper() + tail[k + 1 :] in lexicon.speech_nouns for k in range(_MIN_MODIFIER, len(tail) - _MIN_HEAD))


def opens_according_relative(doc: Doc, lexicon: Lexicon, comma: int, last: int) -> bool:
    """Whether a relative clause opened by an according-to preposition follows the comma at ``comma``.

    „Umfragen, nach denen zwei Drittel den Plan ablehnen“, „ein Gutachten, laut dem
    …“: what comes before the comma is the statement's source, and the relative
    clause is what it says (the according rule's ``according.relative``).
    """
    tokens = doc.tokens
    if comma + 2 >= last or tokens[comma].text != ",":
        return False
    return bool(report_slots(lexicon, tokens[comma + 1].text)) and "relative" in lexicon.clause.classes(tokens[comma + 2].text.lower())


def report_slots(lexicon: Lexicon, word: str) -> tuple[AccordingTo, ...]:
    """The slot lines of ``according_to.tsv`` („nach <noun>“, „laut <document>“) that start with ``word``.

    Asked at every „nach“, „der“, „mit“ a rule reads; sorted out once per lexicon
    (:attr:`~quotecheck.lexicon.Lexicon.report_slot_phrases`), not from the 35 lines
    that start with „nach“ each time.
    """
    return lexicon.report_slot_phrases.get(word.lower(), ())


def _compound_modifier(lexicon: Lexicon, start: str) -> bool:
    """Whether a word's start before a noun of saying is a noun, not a prefix („Polizei|angaben“, not „Aus|zählung“)."""
    return len(start) >= _MIN_MODIFIER and start.lower() not in lexicon.particles


#: The uses of a noun of saying (``speech_nouns.tsv``) that head an according-to phrase.
_ACCORDING_USES = frozenset({"according_to", "both"})
#: The shortest head and modifier of a compound of a noun of saying („Polizei|angaben“):
#: shorter tails are word endings, not nouns.
_MIN_HEAD, _MIN_MODIFIER = 3, 3


def _line_of_head(lexicon: Lexicon, slot: AccordingTo, head: tuple[int, str]) -> AccordingTo:
    """The line for the slot filled with the head noun („nach Angaben“ for „nach Polizeiangaben“), with the slot's cue and phrase."""
    words = (slot.words[0], head[1])
    own = next((e for e in lexicon.according_index.get(words[0].lower(), ()) if e.words == words), None)
    if own is None:
        return slot
    return attrs.evolve(own, phrase=slot.phrase, cue=slot.cue)


#: The answer of an owner reader when the phrase needs an owner and has none.
_MISSING = TokenRange(-1, -1)

#: How an owner is read (``according_to.tsv``'s ``owner`` column): its range, None, or _MISSING.
_OwnerReader = Callable[[Doc, Lexicon, AccordingTo, TokenRange, int, int], "TokenRange | None"]


def _noun_after(doc: Doc, lexicon: Lexicon, entry: AccordingTo, phrase: TokenRange, first: int, last: int) -> TokenRange | None:
    """``noun``: „laut der Polizei“, „laut Reuters“, „laut „Kurier““, „laut dpa“: a capital, a determiner or an agency opens the owner.

    A web address is an owner of its own („laut tagesschau.de“), and so are
    adjectives before a noun („laut israelischen Medien“).

    „laut und deutlich“ has none: there „laut“ is an adjective.
    """
    nxt = phrase.end
    while nxt < last and doc.tokens[nxt].kind == "quote":
        nxt += 1  # a title in quotation marks
    if nxt >= last:
        return _MISSING
    if doc.tokens[nxt].kind == _URL:  # „laut tagesschau.de“, „laut „bildblog.de““
        end = nxt + 1
        while end < last and end - nxt <= nxt - phrase.end and doc.tokens[end].kind == "quote":
            end += 1
        return TokenRange(phrase.end, end)
    word = doc.tokens[nxt].text
    if not (word[:1].isupper() or function_word_classes(lexicon, word) & DETERMINER_CLASSES or lexicon.organization(word) or _adjective_before_noun(doc, lexicon, nxt, last)):
        return _MISSING
    return _required(owner_after(doc, lexicon, phrase.end, last))


#: The token kind of a web address (:mod:`quotecheck.text`): a website is a medium of its own.
_URL = "url"


def _adjective_before_noun(doc: Doc, lexicon: Lexicon, i: int, last: int) -> bool:
    """„laut israelischen Medien“, „laut aktueller Statistik“: adjectives at ``i`` and a noun after them.

    Not „laut und deutlich“, „laut genug“: no adjective ending, or no noun follows.
    """
    end = skip_adjectives(doc, lexicon, i, last)
    return i < end < last and doc.tokens[end].kind == "word" and doc.tokens[end].text[:1].isupper()


def _someone_after(doc: Doc, lexicon: Lexicon, entry: AccordingTo, phrase: TokenRange, first: int, last: int) -> TokenRange | None:
    """``someone``: „gemäß dem Sprecher“ names someone; „gemäß Artikel 5“, „gemäß dem Plan“ nobody."""
    owner = owner_after(doc, lexicon, phrase.end, last)
    if owner is None or not _names_someone(doc, lexicon, phrase.end, owner.end):
        return _MISSING
    return owner


def _any(doc: Doc, lexicon: Lexicon, entry: AccordingTo, phrase: TokenRange, first: int, last: int) -> TokenRange | None:
    """``any``: „unter Berufung auf Kreise“ (after a pre phrase), „der Zeitung zufolge“ (before a post phrase)."""
    if entry.position == "post":
        end = phrase.start
        return _required(
            owner_before(doc, lexicon, end, first)
            or _noun_of_saying_before(doc, lexicon, end, first)
            or _pronoun_before(doc, lexicon, end, first)
            or _dated_report_before(doc, lexicon, end, first)
        )
    return _required(owner_after(doc, lexicon, phrase.end, last))


def _pronoun_before(doc: Doc, lexicon: Lexicon, end: int, first: int) -> TokenRange | None:
    """„Ihm zufolge“, „Ihnen zufolge“: a dative personal pronoun is the owner; coreference names it.

    Not the reflexive „sich“, which never stands before „zufolge“ as its owner.
    """
    k = end - 1
    if k < first or doc.tokens[k].kind != "word":
        return None
    word = doc.tokens[k].text.lower()
    if word in lexicon.attribution.reflexives or not any(r.case == "dat" for r in lexicon.pronouns.get(word, ())):
        return None
    return TokenRange(k, end)


def _dated_report_before(doc: Doc, lexicon: Lexicon, end: int, first: int) -> TokenRange | None:
    """„Ersten Angaben vom gestrigen Mittwoch zufolge“: a date stands between the noun of saying and „zufolge“.

    The date is a preposition of ``dated_preposition`` and at most
    :data:`~quotecheck.tuning.SOURCE_DATE_TOKENS` tokens ending in a weekday, month or
    time of day; before it stands a noun phrase with a noun of saying („Angaben“,
    „einem Bericht der Behörde“), which with the date is the owner. „Dem Bericht vom Montag zufolge“ alike; not
    „dem Spiel vom Montag zufolge“: no noun of saying.
    """
    tokens = doc.tokens
    k = end - 1
    if k <= first or tokens[k].kind != "word" or not is_time_word(lexicon, tokens[k].text):
        return None
    for p in range(k - 1, max(first, k - tuning.SOURCE_DATE_TOKENS - 1), -1):
        if tokens[p].text.lower() not in lexicon.rule_words.dated_preposition:
            continue
        owner = owner_before(doc, lexicon, p, first) or _noun_of_saying_before(doc, lexicon, p, first)
        if owner is None or not any(names_statement(lexicon, tokens[j].text) for j in range(owner.start, owner.end)):
            return None
        return TokenRange(owner.start, end)
    return None


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


def _noun_of_saying_before(doc: Doc, lexicon: Lexicon, end: int, first: int) -> TokenRange | None:
    """„Berichten zufolge“, „Schätzungen zufolge“: a bare noun of saying, even where it could be a verb opening the sentence."""
    k = end - 1
    if k < first or doc.tokens[k].kind != "word" or not doc.tokens[k].text[:1].isupper():
        return None
    return TokenRange(k, end) if _noun_of_saying(lexicon, doc.tokens[k].text) is not None else None


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
        return i + 1 >= last or doc.tokens[i + 1].kind != "number"  # „nach dem Gesetz von 2010“: a date
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
    zufolge“: „der Zeitung“), with its seat („Dem Innenministerium in Wien
    zufolge“: Wien is the ministry's seat); of a bare run of names, the organisation alone
    („sagte Brandt Reuters zufolge“: Reuters).
    """
    np = np_ending_at(doc, lexicon, end, floor, reach=tuning.SOURCE_BEFORE_TOKENS, seat=True)
    if np is not None and np.determiner is None and np.role is None:
        np = next(
            (parse_noun_phrase(doc, lexicon, k, end) for k in range(np.start + 1, end) if organization_in(doc, lexicon, k, end) is not None),
            None,
        ) or np
    return TokenRange(np.start, end) if np is not None else None


def _names_someone(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether the noun phrase at ``start`` names a person, a role or an organisation, not a legal text."""
    np = parse_noun_phrase(doc, lexicon, start, end)
    if np is None:
        return False
    if np.name_tokens or np.role is not None:
        return doc.tokens[start].text.lower() not in lexicon.rule_words.legal_reference
    return any(lexicon.organization(doc.tokens[k].text) is not None for k in range(start, end))
