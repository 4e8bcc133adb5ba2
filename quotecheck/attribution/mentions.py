"""Mentions of a quote: the speaker mention, the addressee mention and the Quote itself.

:mod:`quotecheck.attribution` reads a candidate's evidence and hands it here,
where the speaker mention is made by the first strategy that answers: a named
speaker („Der Minister erklärte …“), a reflexive or possessive one („seinen
Worten zufolge“), a compound („Regierungssprecher“), or the speaker inherited by
a quote with no frame of its own („„…“ „…““ after „Merkel sagte: …“). The
addressee („sagte **dem Minister**“) is resolved the same way, and
:func:`_quote` builds the offset-exact :class:`~quotecheck.model.Quote`.
"""

from __future__ import annotations

from typing import Callable, cast

from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.attribution.coreference import Coreference, Entity
from quotecheck.attribution.nounphrase import NounPhrase
from quotecheck.attribution.words import function_word_classes
from quotecheck.attribution.sources import Source
from quotecheck.attribution.statements import (
    compound_owner,
    apposition_end,
    possessive_owner,
    reflexive_owner,
)
from quotecheck.lexicon import Lexicon
from quotecheck.model import SPEAKER_TYPES, Cue, Kind, Mention, Mood, Quote, Role, SpeakerType
from quotecheck.rules.candidate import Candidate, char_span


#: A quote with no frame of its own continues the last speaker only this close.
_INHERIT_PARAGRAPHS = 1


def _speaker_type(kind: str) -> SpeakerType:
    """A resolution's kind as a speaker type: one of SPEAKER_TYPES, else ``unknown``."""
    return kind if kind in SPEAKER_TYPES else "unknown"


@frozen
class _Previous:
    """What a quote without a frame of its own inherits."""

    speaker: Mention
    entity: Entity | None
    sources: tuple[Mention, ...]
    paragraph: int
    sentence: int
    addressee: Mention | None = None  # a medium spoken to goes on with the chain („sagte X der Agentur Reuters“)


@frozen
class _Evidence:
    """What the strategies read from one candidate's frame, before anything is resolved."""

    cand: Candidate
    speaker: NounPhrase | None  # after a cited party and a report's author took over
    addressee: NounPhrase | None
    sources: list[Source]
    report: NounPhrase | None  # the author of the report „Demnach“ or „wonach“ points to
    author: NounPhrase | None  # the author of a statement noun that is the speaker („den Plänen der Regierung“)
    phrase: tuple[int, int] | None  # the according-to frame without its preposition („Angaben der Polizei“)
    paragraph: int
    relayed: _Previous | None = None  # „so die Agentur weiter“: the quote whose speaker goes on, through the medium


@frozen
class _Said:
    """The speaker mention of a quote, its entity, and the sources it inherits with it."""

    speaker: Mention | None = None
    entity: Entity | None = None
    inherited_sources: tuple[Mention, ...] = ()
    inherited_addressee: Mention | None = None


#: How the speaker mention is made, tried in order; the first that answers wins.
_MentionStrategy = Callable[
    [Doc, Lexicon, _Evidence, "_Previous | None", Coreference], "tuple[_Said, Coreference] | None"
]


def _speaker_mention(
    doc: Doc, lexicon: Lexicon, evidence: _Evidence, previous: _Previous | None, coref: Coreference
) -> tuple[_Said, Coreference]:
    for strategy in _SPEAKER_MENTIONS:
        found = strategy(doc, lexicon, evidence, previous, coref)
        if found is not None:
            return found
    return _Said(), coref


def _found_speaker(
    doc: Doc, lexicon: Lexicon, evidence: _Evidence, previous: _Previous | None, coref: Coreference
) -> tuple[_Said, Coreference] | None:
    """The speaker the strategies found, with its apposition („sagte Mark Keller, der Sprecher des Vereins“).

    The mention is the according-to frame when the speaker lies inside it
    („Angaben der Polizei“: the statement noun with its owner) or when „Demnach“
    stands for the report's author in this sentence.
    """
    speaker_np, phrase, cand = evidence.speaker, evidence.phrase, evidence.cand
    if speaker_np is None:
        return None
    first, last = speaker_np.start, speaker_np.end
    if phrase is not None and (phrase[0] <= first and last <= phrase[1] or evidence.report is not None and cand.inherit_speaker):
        first, last = phrase
    if evidence.report is None:
        last = apposition_end(doc, lexicon, cand, last, bool(speaker_np.name_tokens))
    speaker, entity, coref = _resolved(doc, coref, evidence.author or speaker_np, (first, last), _last_entity(previous))
    if entity is not None:
        coref = coref.noted(speaker_np, entity)
    return _Said(speaker, entity), coref


def _reflexive_speaker(
    doc: Doc, lexicon: Lexicon, evidence: _Evidence, previous: _Previous | None, coref: Coreference
) -> tuple[_Said, Coreference] | None:
    """„Die Bahn prüft nach eigenen Angaben …“: the mention stays „eigenen Angaben“, the entity is the subject."""
    phrase = evidence.phrase
    owner = reflexive_owner(doc, lexicon, evidence.cand, phrase) if phrase is not None else None
    return _said_by_owner(doc, coref, owner, phrase, previous)


def _possessive_speaker(
    doc: Doc, lexicon: Lexicon, evidence: _Evidence, previous: _Previous | None, coref: Coreference
) -> tuple[_Said, Coreference] | None:
    """„seiner Meinung nach“: the possessive is a pronoun for the speaker."""
    phrase = evidence.phrase
    owner = possessive_owner(doc, lexicon, phrase) if phrase is not None else None
    return _said_by_owner(doc, coref, owner, phrase, previous)


def _said_by_owner(
    doc: Doc, coref: Coreference, owner: NounPhrase | None, phrase: tuple[int, int] | None, previous: _Previous | None
) -> tuple[_Said, Coreference] | None:
    """The according-to phrase as the mention, named after the owner it refers to."""
    if owner is None or phrase is None:
        return None
    speaker, entity, coref = _resolved(doc, coref, owner, phrase, _last_entity(previous))
    return _Said(speaker, entity), coref


def _compound_speaker(
    doc: Doc, lexicon: Lexicon, evidence: _Evidence, previous: _Previous | None, coref: Coreference
) -> tuple[_Said, Coreference] | None:
    """„Nach Polizeiangaben …“: the compound's modifier names the speaker („Polizei“), the phrase is the mention.

    Not the previous quote's speaker: the compound names its own.
    """
    owner = compound_owner(doc, lexicon, evidence.cand)
    if owner is None or evidence.phrase is None:
        return None
    name, kind = owner
    return _Said(Mention.from_spans(doc.text, [char_span(doc, *evidence.phrase)], name, _speaker_type(kind))), coref


def _inherited_speaker(
    doc: Doc, lexicon: Lexicon, evidence: _Evidence, previous: _Previous | None, coref: Coreference
) -> tuple[_Said, Coreference] | None:
    """A quote without a frame of its own continues the previous speaker, in the same or the next paragraph.

    It keeps the chain and a medium spoken to („sagte sie dem Sender, … . Man werde …“).

    „Demnach“, „nach eigenen Angaben“: the anaphor in this sentence names the speaker.
    """
    if not evidence.cand.inherit_speaker or previous is None or evidence.paragraph - previous.paragraph > _INHERIT_PARAGRAPHS:
        return None
    speaker = previous.speaker
    if evidence.phrase is not None and _points_to_report(lexicon, evidence.cand) and previous.sources:
        # „Demnach“: the preceding report's speaker and chain, written as there
        return _Said(speaker, previous.entity, tuple(s for s in previous.sources if s.relation != "told_to")), coref
    if evidence.phrase is not None:
        # „Ihrer Meinung nach“, „Demnach“: a frame of its own, no longer said to the medium
        speaker = Mention.from_spans(doc.text, [char_span(doc, *evidence.phrase)], speaker.name, speaker.type)
        reported = tuple(s for s in previous.sources if s.relation != "told_to")
        return _Said(speaker, previous.entity, reported), coref
    return _Said(speaker, previous.entity, previous.sources, previous.addressee), coref


def _points_to_report(lexicon: Lexicon, cand: Candidate) -> bool:
    """„Demnach“, „Dem Bericht zufolge“: an according-to phrase that points back to a report."""
    entry = cand.evidence.according
    return entry is not None and "report_anaphor" in function_word_classes(lexicon, entry.cue_words[0])


def _anaphor_only(
    doc: Doc, lexicon: Lexicon, evidence: _Evidence, previous: _Previous | None, coref: Coreference
) -> tuple[_Said, Coreference] | None:
    """„Demnach …“ with no speaker to continue: the anaphor is the mention, unresolved."""
    if not evidence.cand.inherit_speaker or evidence.phrase is None:
        return None
    return _Said(Mention.from_spans(doc.text, [char_span(doc, *evidence.phrase)], None, "unknown")), coref


def _relayed_speaker(
    doc: Doc, lexicon: Lexicon, evidence: _Evidence, previous: _Previous | None, coref: Coreference
) -> tuple[_Said, Coreference] | None:
    """„…, so die Agentur weiter“: the speaker the medium relayed before goes on."""
    relayed = evidence.relayed
    if relayed is None:
        return None
    return _Said(relayed.speaker, relayed.entity), coref


_SPEAKER_MENTIONS: tuple[_MentionStrategy, ...] = (
    _relayed_speaker,
    _found_speaker,
    _reflexive_speaker,
    _possessive_speaker,
    _compound_speaker,
    _inherited_speaker,
    _anaphor_only,
)


def _last_entity(previous: _Previous | None) -> Entity | None:
    return previous.entity if previous is not None else None


def _addressee_mention(doc: Doc, np: NounPhrase | None, coref: Coreference) -> tuple[Mention | None, Coreference]:
    """The addressee's mention, named after the entity it refers to."""
    if np is None:
        return None, coref
    resolution = coref.resolve(np)
    name = resolution.entity.name if resolution.entity else None
    mention = Mention.from_spans(doc.text, [char_span(doc, np.start, np.end)], name, _speaker_type(resolution.kind))
    return mention, resolution.coreference


def _resolved(
    doc: Doc, coref: Coreference, np: NounPhrase, tokens: tuple[int, int], last: Entity | None
) -> tuple[Mention, Entity | None, Coreference]:
    """The speaker mention over token range ``tokens``, named after the entity ``np`` refers to."""
    resolution = coref.resolve(np, last)
    entity = resolution.entity
    name = entity.name if entity is not None else None
    return Mention.from_spans(doc.text, [char_span(doc, *tokens)], name, _speaker_type(resolution.kind)), entity, resolution.coreference


def _quote(
    doc: Doc,
    cand: Candidate,
    quote_id: str,
    speaker: Mention | None,
    addressee: Mention | None,
    sources: tuple[Mention, ...],
) -> Quote:
    cue = None
    if cand.cue is not None:
        cue = Cue.from_spans(doc.text, [char_span(doc, t, t + 1) for t in cand.cue.tokens], cand.cue.lemma)
    elif cand.cue_spans:
        cue = Cue.from_spans(doc.text, cand.cue_spans, doc.text[slice(*cand.cue_spans[0])].lower())
    return Quote(
        id=quote_id,
        kind=cast(Kind, cand.kind),  # the rules make only the four kinds (tests/test_pipeline.py)
        mood=cast("Mood | None", cand.mood),
        content=Role.from_spans(doc.text, cand.content),
        cue=cue,
        frame=Role.from_spans(doc.text, [char_span(doc, *cand.frame)]) if cand.frame else None,
        speaker=speaker,
        addressee=addressee,
        sources=sources,
        fragments=tuple(Role.from_spans(doc.text, [f]) for f in cand.fragments),
        sentence=cand.sentence,
        confidence=cand.confidence,
        rule=cand.rule,
    )
