"""Speaker strategies: who said it, read from a candidate's frame and cue.

Pipeline stage 3 (attribution): the first step for every candidate.

Where the speaker is looked for, given a candidate's frame and cue:

* passive agent: „wurde **von X** mit den Worten zitiert“;
* before the cue: „**Kim** sagte: …“, „**Der Minister** erklärte am Montag, …“;
* after the cue, inverted: „sagte **der russische Präsident Wladimir Putin**“,
  where a dative noun phrase right after the cue is the addressee, not the
  speaker („sagte **dem Minister** Kroll“);
* a coordinated clause with the subject left out: in „Kim sprach es nicht an,
  sagte Putin jedoch, er werde …“ Kim speaks and Putin is addressed;
* after „so“ („…“, so **der Kreml**), before a colon („**Merkel**: „…““).
"""

from __future__ import annotations

from typing import Callable

import attrs
from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.attribution.addressees import addressee_after
from quotecheck.attribution.naming import is_medium
from quotecheck.attribution.clause_subjects import (
    object_pronoun,
    _colon_speaker,
    _elided_subject,
    _given_speaker,
    _main_clause_start,
    _phrase_end,
    _quoting,
    _speaker_of_parse,
    _subject_in_clause,
    _subject_left_of_frame,
    _verb_frame,
    _verbless_cue,
    is_passive,
)
from quotecheck.attribution.nounphrase import NounPhrase, can_be_subject, parse_noun_phrase
from quotecheck.attribution.words import (
    function_word_classes,
)
from quotecheck.lexicon import DETERMINER_CLASSES, Lexicon
from quotecheck.rules.candidate import Candidate

__all__ = ["Speakers", "SPEAKER_STRATEGIES", "find_speaker", "is_passive"]


@frozen
class Speakers:
    """The speaker and addressee noun phrases read from a candidate, and the strategy that read them."""

    speaker: NounPhrase | None
    addressee: NounPhrase | None = None
    strategy: str = ""  # the name of the strategy that answered („subject_of_clause“)
    relay: NounPhrase | None = None  # the medium that quoted the speaker („zitierte KCNA den Funktionär“)


#: A speaker strategy: the speakers of a candidate if its construction is the strategy's, else None.
SpeakerStrategy = Callable[[Doc, Lexicon, Candidate], "Speakers | None"]


def find_speaker(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers:
    """The speaker and addressee of a candidate: the first of :data:`SPEAKER_STRATEGIES` that answers."""
    for strategy in SPEAKER_STRATEGIES:
        found = strategy(doc, lexicon, cand)
        if found is not None:
            return attrs.evolve(found, strategy=strategy.__name__)
    return Speakers(None)


def quoted_object(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """„KCNA zitierte den Funktionär mit den Worten …“, „…, zitierte ihn die Agentur UNIAN“: the quoted one speaks.

    With an active „zitieren“ the medium among the clause's noun phrases only
    passes the words on (``relay``, a source); the other noun phrase, the object,
    is the speaker: a name, a description („den Politiker“) or a pronoun („ihn“).
    """
    frame = _verb_frame(cand)
    if frame is None or not _quoting(lexicon, cand) or is_passive(doc, lexicon, frame[0], frame[1]):
        return None
    start, end, verb = frame
    phrases = _clause_noun_phrases(doc, lexicon, start, end, verb)
    medium = next((np for np in phrases if np.pronoun is None and is_medium(doc, lexicon, np)), None)
    quoted = next((np for np in phrases if np is not medium), None)  # „den Vizeminister“: accusative, whatever its ending says
    if medium is None or quoted is None:
        return None
    if quoted.pronoun is None and not quoted.name_tokens:
        quoted = _named_apposition(doc, lexicon, quoted) or quoted
    return Speakers(quoted, relay=medium)


#: How far after a description its naming apposition may begin („die Abteilungsleiterin im Zentralkomitee der Partei, Ri Hyon Suk“).
_APPOSITION_WORDS = 8


def _named_apposition(doc: Doc, lexicon: Lexicon, np: NounPhrase) -> NounPhrase | None:
    """„den Präfekten des Dikasteriums, Kardinal Miguel de Almeida“: the name after the comma names the description.

    The apposition may follow the rule's frame; it ends the sentence or is closed
    by a comma, a dash or what follows the quoted one („mit den Worten“).
    """
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(np.start)]
    comma = next((k for k in range(np.end, min(sentence.last, np.end + _APPOSITION_WORDS)) if tokens[k].text == ","), None)
    if comma is None or any(tokens[k].kind == "quote" or doc.lemma(k).lower() in lexicon.speech_verbs for k in range(np.end, comma)):
        return None
    named = parse_noun_phrase(doc, lexicon, comma + 1, sentence.last, coordination=False)
    if named is None or named.pronoun is not None or named.determiner is not None or not named.name_tokens:
        return None
    closed = named.end >= sentence.last or tokens[named.end].text in (",", "–", "—", ".", ":") or tokens[named.end].text.islower()
    # the mention is the name alone when commas part it from its title (corpus convention)
    return attrs.evolve(named, role=named.role or np.role, role_type=named.role_type or np.role_type) if closed else None


def _clause_noun_phrases(doc: Doc, lexicon: Lexicon, start: int, end: int, verb: int) -> list[NounPhrase]:
    """The noun phrases of the cue's clause outside prepositional phrases („mit den Worten“), in order."""
    found: list[NounPhrase] = []
    i = start
    limit = min(end, len(doc.tokens))
    while i < limit:
        tok = doc.tokens[i]
        if i == verb or tok.kind != "word":
            if tok.text in (":", ";") or tok.kind == "quote":
                break
            i += 1
            continue
        skipped = _phrase_end(doc, lexicon, i, limit)
        if skipped is not None:
            i = skipped
            continue
        np = object_pronoun(lexicon, tok.text, i, "acc") or parse_noun_phrase(doc, lexicon, i, limit, coordination=False)
        if np is None or (tok.text[:1].islower() and np.pronoun is None and not function_word_classes(lexicon, tok.text) & DETERMINER_CLASSES):
            i += 1
            continue
        found.append(np)
        i = max(np.end, i + 1)
    return found


def said_from(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """„Aus dem Kreml hieß es“, „Aus Parteikreisen verlautete“, „Aus Ermittlerkreisen erfuhr die APA“: the origin speaks.

    With a verb that tells where words came from (``origin_verb``), the noun phrase
    after „aus“ (``origin_preposition``) in the frame is the speaker; a medium that
    is the clause's subject („erfuhr die APA“) is whom it was told.
    """
    frame = _verb_frame(cand)
    if frame is None or cand.cue is None or cand.cue.lemma not in lexicon.attribution.origin_verbs:
        return None
    start, end, verb = frame
    words = lexicon.attribution
    origin = next(
        (parse_noun_phrase(doc, lexicon, k + 1, end) for k in range(start, end - 1) if doc.tokens[k].text.lower() in words.origin_prepositions),
        None,
    )
    if origin is None or origin.pronoun is not None:
        return None
    told = next((np for np in _clause_noun_phrases(doc, lexicon, start, end, verb) if np.start != origin.start and np.pronoun is None and is_medium(doc, lexicon, np)), None)
    return Speakers(origin, told)


def speaker_marked_by_rule(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """The noun phrase the rule marked as the speaker, when it can be a subject.

    „Die Polizei teilte am Sonntag mit, …“: the rule's speaker range holds the
    mention. A range that cannot be a subject („verlangte den Rückzug“, an
    accusative) is only a guess when the frame has a speech verb: the clause is
    read first (see :func:`speaker_guessed_by_rule`). The owner of a noun of
    saying is no subject and still speaks („die Forderung **der Eltern**, …“); a
    noun without one names no speaker; nor does a passive act without its „von“
    agent („Dem Vorstand wurde Untreue vorgeworfen“).
    """
    if cand.evidence.frame_kind in ("noun", "passive_act"):
        # „die Forderung der Eltern, …“, „wurde von X kritisiert“: the owner or agent the rule
        # read, or nobody („Es gebe Hinweise, dass …“, „Dem Vorstand wurde Untreue vorgeworfen“)
        return Speakers(None if cand.speaker_tokens is None else _given_speaker(doc, lexicon, *cand.speaker_tokens))
    if cand.speaker_tokens is None:
        return None
    given = _given_speaker(doc, lexicon, *cand.speaker_tokens)
    if cand.cue is None or cand.frame is None:
        return Speakers(given)
    # no pronoun, or a speaker's („er“, „sie“); not `in (None, *pronouns)`, which mypyc 2.4 fails to compile
    if can_be_subject(given, lexicon) and (given.pronoun is None or given.pronoun in lexicon.attribution.speaker_pronouns):
        return Speakers(given, _fronted_addressee(doc, lexicon, cand.frame[0], given.start))
    return None


def _fronted_addressee(doc: Doc, lexicon: Lexicon, start: int, speaker: int) -> NounPhrase | None:
    """„Gegenüber dem „Tageblatt“ sprach Ott von …“: a medium addressed at the frame's opening, before the speaker.

    Not „Vor Gericht sagte er“ nor „vor einer Woche“: before the verb only a medium is read so.
    """
    if start >= speaker or "addressee_prep" not in function_word_classes(lexicon, doc.tokens[start].text):
        return None
    np = parse_noun_phrase(doc, lexicon, start + 1, speaker, coordination=False)
    return np if np is not None and np.pronoun is None and is_medium(doc, lexicon, np) else None


def subject_from_parse(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """With a parse: the speech verb's subject and dative („Der Minister sagte der Zeitung, …“)."""
    frame = _verb_frame(cand)
    if frame is None or not doc.has_parse:
        return None
    speaker, addressee = _speaker_of_parse(doc, lexicon, cand)
    return Speakers(speaker, addressee) if speaker is not None else None


def passive_quoted_subject(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """„Der Minister wurde von der Zeitung mit den Worten zitiert“: the quoted subject spoke.

    The agent of „zitieren“ only passes the words on; it is a source.
    """
    frame = _verb_frame(cand)
    if frame is None or not _quoting(lexicon, cand) or not is_passive(doc, lexicon, frame[0], frame[1]):
        return None
    start, _, verb = frame
    np = parse_noun_phrase(doc, lexicon, start, verb)
    if np is not None and np.end < verb and "passive_aux" in function_word_classes(lexicon, doc.tokens[np.end].text):
        return Speakers(np)
    return None


def passive_agent(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """„wurde von der Staatsanwaltschaft als haltlos bezeichnet“: the agent of a passive speaks.

    The „von“ is lower case, or opens the clause („Von der Staatsanwaltschaft wurde
    bestätigt“).
    """
    frame = _verb_frame(cand)
    if frame is None or _quoting(lexicon, cand) or not is_passive(doc, lexicon, frame[0], frame[1]):
        return None
    start, end, _ = frame
    tokens = doc.tokens
    for i in range(start, end - 1):
        if (tokens[i].text.islower() or i == start) and "source_prep" in function_word_classes(lexicon, tokens[i].text.lower()):
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            if np is not None:
                return Speakers(np)
    return None


def elided_subject(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """„Kim sprach es nicht an, sagte Putin jedoch, er werde …“: Kim speaks, Putin is addressed.

    See :func:`_elided_subject`.
    """
    frame = _verb_frame(cand)
    found = _elided_subject(doc, lexicon, cand, frame[2]) if frame is not None else None
    return Speakers(*found) if found is not None else None


def subject_of_clause(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """The subject of the speech verb's clause on the surface, and to whom it was said.

    „Der Minister erklärte am Montag, …“, „…, sagte der russische Präsident
    Wladimir Putin der Zeitung“, „Wie die Zeitung meldete, soll der Minister gesagt
    haben: …“ (the clause after the wie-clause). A frame that begins at its verb
    looks left for the subject („Ahmad Nuristani, der Vorsitzende der
    Wahlkommission, sagte, …“). Without a subject the answer is the addressee
    alone, unless the rule guessed a speaker (:func:`speaker_guessed_by_rule`).
    """
    frame = _verb_frame(cand)
    if frame is None:
        return None
    start, end, verb = frame
    start = _main_clause_start(doc, lexicon, start, verb)
    speaker, addressee = _subject_in_clause(doc, lexicon, start, end, verb)
    if speaker is None and start > 0:
        speaker = _subject_left_of_frame(doc, lexicon, cand, start)
    if speaker is not None:
        after = max(speaker.end, verb + 1)
        return Speakers(speaker, addressee or addressee_after(doc, lexicon, after, _apposition_limit(doc, after, end)))
    return Speakers(None, addressee) if cand.speaker_tokens is None else None


def _apposition_limit(doc: Doc, after: int, end: int) -> int:
    """Where an addressee may be looked for: past the frame when it ends at an apposition's comma.

    „…, sagte Tom Brix, der seit 2019 im Stadtrat sitzt, dem Radiosender Antenne
    Nord.“: the rule's frame ends at „Brix“, the addressee follows the apposition.
    """
    tokens = doc.tokens
    if after != end or end >= len(tokens) or tokens[end].text != ",":
        return end
    return doc.sentences[doc.layer.sentence_index(end)].last


def speaker_guessed_by_rule(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """The rule's speaker range even when it cannot be a subject, if the clause named none."""
    if cand.speaker_tokens is None:
        return None
    return Speakers(_given_speaker(doc, lexicon, *cand.speaker_tokens))


def speaker_after_so(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """„„…“, so der Kreml.“: the noun phrase after „so“ speaks (the rule saw a so-frame)."""
    cue = _verbless_cue(doc, cand) if cand.evidence.frame_kind == "so" else None
    if cue is None or cand.frame is None:
        return None
    np = parse_noun_phrase(doc, lexicon, cue + 1, cand.frame[1])
    return Speakers(np) if np is not None else None


def speaker_before_colon(doc: Doc, lexicon: Lexicon, cand: Candidate) -> Speakers | None:
    """„Merkel: „…““ and „Im Kongress warb Obama mit den Worten: „…““: see :func:`_colon_speaker`."""
    cue = _verbless_cue(doc, cand) if cand.evidence.frame_kind == "colon" else None
    if cue is None or cand.frame is None:
        return None
    np = _colon_speaker(doc, lexicon, cand.frame[0], cue)
    return Speakers(np) if np is not None else None


#: Where a candidate's speaker is looked for, in order; the first strategy that answers wins.
SPEAKER_STRATEGIES: tuple[SpeakerStrategy, ...] = (
    quoted_object,
    said_from,
    speaker_marked_by_rule,
    subject_from_parse,
    passive_quoted_subject,
    passive_agent,
    elided_subject,
    subject_of_clause,
    speaker_guessed_by_rule,
    speaker_after_so,
    speaker_before_colon,
)
