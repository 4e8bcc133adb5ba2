"""Who stands behind a statement: according-to frames, report anaphors and their authors.

Pipeline stage 3 (attribution): after the speaker strategies, for frames whose
speaker is a statement („nach Angaben der Polizei“), an anaphor for one
(„Demnach“, „…, wonach …“) or a reflexive or possessive owner („nach eigenen
Angaben“, „seiner Meinung nach“).
"""

from __future__ import annotations

from quotecheck.analysis.base import Doc
from quotecheck.attribution.coreference import Coreference
from quotecheck.attribution.nounphrase import NounPhrase, can_be_subject, parse_noun_phrase
from quotecheck.attribution.naming import is_medium, org_class, organization_in
from quotecheck.attribution.words import (
    function_word_classes,
    is_report_noun,
    is_speech_verb,
)
from quotecheck.lexicon import DETERMINER_CLASSES, REPORT_SLOTS, Lexicon
from quotecheck.morph import KONJUNKTIV, finite_mood
from quotecheck.rules.candidate import Candidate, overlaps
from quotecheck.rules.source_phrases import compound_modifier

__all__ = [
    "according_phrase",
    "cited_by_report",
    "compound_owner",
    "medium_of_report",
    "apposition_end",
    "report_speaker",
    "author_of_statement",
    "reflexive_owner",
    "possessive_owner",
]


def according_phrase(doc: Doc, lexicon: Lexicon, cand: Candidate) -> tuple[int, int] | None:
    """The speaker mention of an according-to frame: the frame without its preposition.

    „nach Angaben der Polizei“ → „Angaben der Polizei“, „einem Bericht des Magazins
    zufolge“ → „einem Bericht des Magazins“, „Demnach“ → „Demnach“: the statement
    (or the anaphor standing for it) is how the sentence names its speaker. Not for
    „so X“, „hieß es“ or a colon, whose frames hold no statement noun.
    """
    entry = cand.evidence.according
    if entry is None or cand.frame is None or not entry.mention:
        return None
    tokens = doc.tokens
    first, last = cand.frame
    while first < last and (tokens[first].kind != "word" or "prep" in function_word_classes(lexicon, tokens[first].text)):
        first += 1
    while last > first and (tokens[last - 1].kind not in _MENTION_KINDS or "prep" in function_word_classes(lexicon, tokens[last - 1].text)):
        last -= 1  # a year stays: „nach dem Gesetz von 2010“
    return (first, last) if first < last else None


#: Token kinds that may end an according-to mention: words and a year („dem Gesetz von 2010“).
_MENTION_KINDS = frozenset({"word", "number"})


def compound_owner(doc: Doc, lexicon: Lexicon, cand: Candidate) -> tuple[str | None, str] | None:
    """„Nach Polizeiangaben“, „Nach UN-Angaben“: the name and type the modifier of a compound noun of saying gives.

    The phrase's compound names its owner, so the speaker is neither the previous
    quote's nor unknown: „UN“ (a gazetteer entry), „Polizei“ (an institution of
    ``org_classes.tsv``, also with a linking „s“: „Regierungsangaben“ →
    „Regierung“); a modifier that names no organisation („Zeugenaussagen“) gives
    no name. None when the frame holds no such compound.
    """
    entry, frame = cand.evidence.according, cand.frame
    if entry is None or frame is None or cand.speaker_tokens is not None or not REPORT_SLOTS.intersection(entry.words):
        return None
    modifier = compound_modifier(lexicon, doc.tokens[frame[1] - 1].text)
    if modifier is None:
        return None
    stem = modifier[: -len(_LINKING_S)] if modifier.endswith(_LINKING_S) and len(modifier) > len(_LINKING_S) else modifier
    known = lexicon.organization(modifier) or lexicon.organization(stem)
    if known is not None:
        return known.name, _ORGANIZATION
    for form in dict.fromkeys((stem, modifier)):  # „Regierung“ before the genitive-looking „Regierungs“
        found = org_class(lexicon, form)
        if found is not None and not found[1]:
            return form, _ORGANIZATION
    return None, _UNKNOWN


#: The linking „s“ of a compound („Regierung|s|angaben“): a morpheme, not a word.
_LINKING_S = "s"
_ORGANIZATION, _UNKNOWN = "organization", "unknown"


def apposition_end(doc: Doc, lexicon: Lexicon, cand: Candidate, end: int, named: bool) -> int:
    """The end of a mention with the apposition after it („Peter Beck, dem Dekan,“).

    „sagte Mark Keller, der Sprecher des Vereins“, „Nach Angaben von Peter Beck, dem
    Dekan, …“: a noun phrase with a role or name right after the comma, up to the
    next comma, colon or the sentence end, is part of the mention — unless it is
    already the quote's content („sagte Müller, Putin habe …“) or holds a verb.
    """
    tokens = doc.tokens
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return end
    sentence = doc.sentences[doc.layer.sentence_index(end)]
    other = _apposition_at(doc, lexicon, end + 1, sentence.last, named)
    if other is None:
        return end
    stop = _apposition_stop(doc, lexicon, other.end, sentence.last)
    if stop is None or overlaps((tokens[end].start, tokens[stop - 1].end), cand.content):
        return end
    return stop


def _apposition_at(doc: Doc, lexicon: Lexicon, i: int, limit: int, named: bool) -> NounPhrase | None:
    """A noun phrase with a role or a name at ``i`` after a comma: an apposition's start.

    Not a verb („, sagte gegenüber der Zeitung“), and after a name only a role
    („Gamkrelids, Schuld daran …“: a name after a name is no apposition).
    """
    opener = doc.tokens[i].text
    if not (opener[:1].isupper() or function_word_classes(lexicon, opener) & DETERMINER_CLASSES):
        return None
    other = parse_noun_phrase(doc, lexicon, i, limit)
    if other is None or other.pronoun is not None or not (other.role or other.name_tokens):
        return None
    return None if named and other.role is None else other


def _apposition_stop(doc: Doc, lexicon: Lexicon, stop: int, limit: int) -> int | None:
    """Where an apposition ends: at the next comma, colon or bracket; None when it holds a speech verb
    or a verb in Konjunktiv.

    „…, Kommandeur des Einsatzes, am Montag“: a time word ends it too. „…, sagte
    der Minister, Europa brauche Hilfe.“: „Europa brauche Hilfe“ is a clause of
    what was said, no apposition.
    """
    tokens = doc.tokens
    while stop < limit and tokens[stop].text not in (",", ":", ";", ".", "!", "?", "(", ")"):
        if tokens[stop].kind == "word" and tokens[stop].text[:1].islower() and _verb_of_clause(doc, lexicon, stop):
            return None
        if stop + 1 < limit and "time" in function_word_classes(lexicon, tokens[stop + 1].text):
            break
        stop += 1
    return stop


def _verb_of_clause(doc: Doc, lexicon: Lexicon, k: int) -> bool:
    """Whether token ``k`` is a speech verb or a finite verb in Konjunktiv: no apposition holds one."""
    return is_speech_verb(doc, lexicon, k) or finite_mood(doc, lexicon, k) in KONJUNKTIV



def report_speaker(
    doc: Doc, lexicon: Lexicon, coref: Coreference, cand: Candidate, previous_sentence: int | None
) -> tuple[NounPhrase | None, Coreference]:
    """The author of the report that „wonach“ or „Demnach“ points back to, if named.

    „eine Studie des Instituts X, wonach …“ and „Gemäß einer Umfrage des Instituts
    X … Demnach …“: the report's genitive owner speaks, not the clause's subject
    („Umweltverbände verwiesen auf …“) nor the previous quote's speaker. For
    „Demnach“ without such a report the previous quote goes on when it stood in
    the sentence before; otherwise the subject that opens that sentence („Die
    Polizei veröffentlichte eine Täterbeschreibung. Demnach …“) speaks. The
    coreference comes back with what resolving that subject introduced.
    """
    tokens = doc.tokens
    first = doc.layer.token_at(cand.content[0][0])
    if first is not None and "relative_adverb" in lexicon.clause.classes(tokens[first].text) and first > 0 and tokens[first - 1].text == ",":
        sentence = doc.sentences[doc.layer.sentence_index(first)]
        return _report_owner(doc, lexicon, sentence.first, first - 1), coref
    entry = cand.evidence.according
    if not cand.inherit_speaker or entry is None or cand.sentence == 0:
        return None, coref
    if "report_anaphor" not in function_word_classes(lexicon, entry.cue_words[0]) and not _bare_report_noun(doc, lexicon, cand):
        return None, coref
    before = doc.sentences[cand.sentence - 1]
    owner = _report_owner(doc, lexicon, before.first, before.last)
    if owner is not None or previous_sentence in (cand.sentence - 1, cand.sentence):
        return owner, coref
    return _named_opening_subject(doc, lexicon, coref, before.first, before.last)


def _bare_report_noun(doc: Doc, lexicon: Lexicon, cand: Candidate) -> bool:
    """„Laut Mitteilung …“, „Laut Bericht …“: a noun of saying alone after the preposition points back like „Demnach“.

    Its author is the one the text spoke of: „Die Feuerwehr rückte aus. Laut
    Mitteilung …“ (the Feuerwehr). Not „Nach Polizeiangaben“ (the compound names
    its owner) nor „nach ersten Angaben“.
    """
    entry, frame = cand.evidence.according, cand.frame
    if entry is None or frame is None or frame[1] - frame[0] != _BARE_PHRASE_TOKENS:
        return False
    if not REPORT_SLOTS.intersection(entry.words) and entry.position != "anaphoric":
        return False
    return doc.tokens[frame[0] + 1].text in lexicon.speech_nouns


#: A preposition and a noun: „Laut Mitteilung“.
_BARE_PHRASE_TOKENS = 2


def _report_owner(doc: Doc, lexicon: Lexicon, start: int, end: int) -> NounPhrase | None:
    """The genitive owner of the last report noun in ``[start, end)`` („einer Umfrage **des Instituts X**“)."""
    for k in range(end - 2, start - 1, -1):
        if is_report_noun(lexicon, doc.tokens[k].text) and doc.tokens[k + 1].text in lexicon.rule_words.genitive_openers:
            return _owner_after(doc, lexicon, k, end)
    return None


def _owner_after(doc: Doc, lexicon: Lexicon, noun: int, end: int) -> NounPhrase | None:
    """The genitive author right after the report noun at ``noun``, if it names one."""
    tokens = doc.tokens
    if noun + 1 >= end or tokens[noun + 1].text not in lexicon.rule_words.genitive_openers:
        return None
    owner = parse_noun_phrase(doc, lexicon, noun + 1, end, coordination=False)
    if owner is None or not (owner.role or owner.name_tokens or organization_in(doc, lexicon, owner.start, owner.end)):
        return None
    if is_report_noun(lexicon, tokens[owner.end - 1].text):
        return None  # „der Entwurf der Abschlusserklärung“, „seiner Untersuchung der Stromerzeugung“: no author
    return owner


def author_of_statement(doc: Doc, lexicon: Lexicon, np: NounPhrase | None) -> NounPhrase | None:
    """„Gemäß den Plänen **der Bundesregierung**“: the author of a statement noun speaker.

    The mention stays the statement („den Plänen der Bundesregierung“); its name
    is the author's.
    """
    if np is None or np.role is not None or np.name_tokens or np.pronoun is not None:
        return None
    head = np.genitive[0] - 1 if np.genitive is not None else np.end - 1
    if not is_report_noun(lexicon, doc.tokens[head].text):
        return None
    return _owner_after(doc, lexicon, head, doc.sentences[doc.layer.sentence_index(head)].last)


def _named_opening_subject(
    doc: Doc, lexicon: Lexicon, coref: Coreference, start: int, end: int
) -> tuple[NounPhrase | None, Coreference]:
    """A named subject opening a sentence, right before its finite verb („Die Polizei veröffentlichte …“)."""
    tokens = doc.tokens
    np = parse_noun_phrase(doc, lexicon, start, end)
    if np is None or np.pronoun is not None or not can_be_subject(np, lexicon) or np.end >= end:
        return None, coref
    nxt = tokens[np.end]
    if nxt.kind != "word" or not nxt.text[:1].islower():
        return None, coref
    resolution = coref.resolve(np)
    return (np if resolution.entity is not None else None), resolution.coreference


def possessive_owner(doc: Doc, lexicon: Lexicon, phrase: tuple[int, int]) -> NounPhrase | None:
    """„seiner Meinung nach“, „Ihrer Ansicht nach“: the possessive read as the pronoun „er“/„sie“."""
    word = doc.tokens[phrase[0]].text.lower()
    if phrase[1] - phrase[0] < 2 or "possessive" not in function_word_classes(lexicon, word):
        return None
    pronoun = (
        lexicon.attribution.masculine_pronoun
        if word.startswith(lexicon.attribution.possessive_masculine)
        else lexicon.attribution.feminine_pronoun
        if word.startswith(lexicon.attribution.possessive_feminine)
        else None
    )
    return NounPhrase(phrase[0], phrase[0] + 1, pronoun=pronoun) if pronoun else None


def reflexive_owner(doc: Doc, lexicon: Lexicon, cand: Candidate, phrase: tuple[int, int]) -> NounPhrase | None:
    """The subject that „nach eigenen Angaben“ refers back to, when it opens the sentence.

    Only a noun phrase right before a lower-case word (the finite verb): „Die Bahn
    prüft nach eigenen Angaben …“, „Der Konzern hatte nach eigenen Angaben …“.
    """
    tokens = doc.tokens
    if not any("reflexive_owner" in function_word_classes(lexicon, tokens[k].text) for k in range(*phrase)):
        return None
    sentence = doc.sentences[doc.layer.sentence_index(phrase[0])]
    first = sentence.first
    while first < phrase[0] and tokens[first].kind != "word":
        first += 1
    np = parse_noun_phrase(doc, lexicon, first, phrase[0])
    # no pronoun, or a speaker's („er“, „sie“); not `in (None, *pronouns)`, which mypyc 2.4 fails to compile
    if np is None or not can_be_subject(np, lexicon) or (np.pronoun is not None and np.pronoun not in lexicon.attribution.speaker_pronouns):
        return None
    nxt = tokens[np.end] if np.end < phrase[0] else None
    if nxt is None or nxt.kind != "word" or not nxt.text[:1].islower():
        return None
    return np


def cited_by_report(doc: Doc, lexicon: Lexicon, speaker: NounPhrase, end: int) -> NounPhrase | None:
    """„Laut einem Bericht der Zeitung, die sich auf Sicherheitskreise beruft, …“: whom the report cites.

    A relative clause right after the speaker mention whose verb cites („sich auf
    X berufen / beziehen / stützen“, ``citing_verb`` in attribution_words.tsv)
    names the party behind the report: that party speaks, the report's author
    passes the words on. The clause's own noun phrase after the preposition is the
    cited one. ``end`` is where the speaker's phrase ends (its frame, with a seat).
    """
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(speaker.start)]
    i = end
    if i + 4 >= sentence.last or tokens[i].text != "," or "relative" not in lexicon.clause.classes(tokens[i + 1].text.lower()):
        return None
    words = lexicon.attribution
    if tokens[i + 2].text.lower() not in words.reflexives or tokens[i + 3].text.lower() not in words.citing_prepositions:
        return None
    cited = parse_noun_phrase(doc, lexicon, i + 4, sentence.last)
    if cited is None or cited.pronoun is not None:
        return None
    verb = cited.end
    while verb < sentence.last and tokens[verb].text not in (",", ".") and doc.lemma(verb).lower() not in words.citing_verbs:
        verb += 1  # „… auf Sicherheitskreise in Berlin beruft“: attributes before the verb
    return cited if verb < sentence.last and doc.lemma(verb).lower() in words.citing_verbs else None


def medium_of_report(doc: Doc, lexicon: Lexicon, speaker: NounPhrase, end: int) -> NounPhrase | None:
    """„Laut einem Entwurf, der der Agentur Reuters vorliegt, …“, „…, die von ANP verbreitet wurden“: the medium.

    A medium named inside a relative clause right after the speaker mention
    passed the statement on (it holds the document, spread or quoted it).
    """
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(speaker.start)]
    i = end
    if i + 2 >= sentence.last or tokens[i].text != "," or "relative" not in lexicon.clause.classes(tokens[i + 1].text.lower()):
        return None
    k = i + 2
    while k < sentence.last and tokens[k].text not in (",", ".", ":", ";"):
        np = parse_noun_phrase(doc, lexicon, k, sentence.last, coordination=False)
        if np is not None and np.pronoun is None and is_medium(doc, lexicon, np):
            return np
        k = np.end if np is not None and np.end > k else k + 1
    return None
