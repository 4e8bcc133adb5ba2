"""Attribution: speakers, addressees and intermediary sources of candidates.

Pipeline stage 3 (attribution): gets the rules' candidates, gives quotes.

The package, in reading order:

* :mod:`~quotecheck.attribution.nounphrase`: the noun-phrase grammar;
* :mod:`~quotecheck.attribution.naming`: canonical names of persons and institutions;
* :mod:`~quotecheck.attribution.coreference`: the entity table and resolution;
* :mod:`~quotecheck.attribution.speakers`, :mod:`~quotecheck.attribution.statements`,
  :mod:`~quotecheck.attribution.addressees`, :mod:`~quotecheck.attribution.sources`:
  the strategies that find who spoke, to whom, and through whom.
"""

from __future__ import annotations

from typing import Sequence

from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.attribution.coreference import Coreference, Entity
from quotecheck.attribution.nounphrase import NounPhrase
from quotecheck.attribution.sources import promote_cited, raw_sources, source_mention
from quotecheck.attribution.speakers import find_speaker
from quotecheck.attribution.statements import (
    according_phrase,
    apposition_end,
    author_of_statement,
    possessive_owner,
    reflexive_owner,
    report_speaker,
)
from quotecheck.lexicon import Lexicon
from quotecheck.model import SPEAKER_TYPES, Cue, Mention, Quote, Role
from quotecheck.rules.common import Candidate, char_span

__all__ = ["attribute"]


#: A quote with no frame of its own continues the last speaker only this close.
_INHERIT_PARAGRAPHS = 1


def _speaker_type(kind: str) -> str:
    return kind if kind in SPEAKER_TYPES else "unknown"


@frozen
class _Previous:
    """What a quote without a frame of its own inherits."""

    speaker: Mention
    entity: Entity | None
    sources: tuple[Mention, ...]
    paragraph: int
    sentence: int


def attribute(doc: Doc, lexicon: Lexicon, candidates: Sequence[Candidate], doc_id: str | None = None) -> list[Quote]:
    """Turn candidates into attributed quotes, in text order."""
    ordered = sorted(candidates, key=lambda c: c.content[0][0])
    direct_spans = [span for c in ordered if c.kind == "direct" for span in c.content]
    coref = Coreference.build(doc, lexicon, skip=direct_spans)
    previous: _Previous | None = None
    prefix = f"{doc_id}:" if doc_id else ""
    quotes: list[Quote] = []
    for n, cand in enumerate(ordered, start=1):
        paragraph = doc.sentences[cand.sentence].paragraph
        speakers = find_speaker(doc, lexicon, cand)
        speaker_np, addressee_np = speakers.speaker, speakers.addressee
        found = raw_sources(doc, lexicon, cand, speaker_np, addressee_np)
        speaker_np, found = promote_cited(doc, lexicon, speaker_np, found)
        report, coref = report_speaker(doc, lexicon, coref, cand, previous.sentence if previous else None)
        if report is not None:
            speaker_np = report
        author = author_of_statement(doc, lexicon, speaker_np)
        speaker = addressee = None
        entity: Entity | None = None
        inherited_sources: tuple[Mention, ...] = ()
        phrase = according_phrase(doc, lexicon, cand)
        last_entity = previous.entity if previous else None
        if speaker_np is not None:
            first, last = speaker_np.start, speaker_np.end
            if phrase is not None and (phrase[0] <= first and last <= phrase[1] or report is not None and cand.inherit_speaker):
                # „Angaben der Polizei“: the statement noun with its owner; „Demnach“ stands
                # for the report's author in this sentence
                first, last = phrase
            if report is None:
                last = apposition_end(doc, lexicon, cand, last, bool(speaker_np.name_tokens))
            speaker, entity, coref = _resolved(doc, coref, author or speaker_np, (first, last), last_entity)
            if entity is not None:
                coref = coref.noted(speaker_np, entity)
        elif phrase is not None and (owner := reflexive_owner(doc, lexicon, cand, phrase)) is not None:
            # „Die Bahn prüft nach eigenen Angaben …“: the mention stays „eigenen Angaben“,
            # the entity is the clause's subject
            speaker, entity, coref = _resolved(doc, coref, owner, phrase, last_entity)
        elif phrase is not None and (owner := possessive_owner(doc, lexicon, phrase)) is not None:
            # „seiner Meinung nach“: the possessive is a pronoun for the speaker
            speaker, entity, coref = _resolved(doc, coref, owner, phrase, last_entity)
        elif cand.inherit_speaker and previous is not None and paragraph - previous.paragraph <= _INHERIT_PARAGRAPHS:
            speaker, entity, inherited_sources = previous.speaker, previous.entity, previous.sources
            if phrase is not None:
                # „Demnach“, „nach eigenen Angaben“: the anaphor in this sentence names the speaker
                speaker = Mention.from_spans(doc.text, [char_span(doc, *phrase)], speaker.name, speaker.type)
        elif cand.inherit_speaker and phrase is not None:
            speaker = Mention.from_spans(doc.text, [char_span(doc, *phrase)], None, "unknown")
        if addressee_np is not None:
            resolution = coref.resolve(addressee_np)
            coref = resolution.coreference
            addressee = Mention.from_spans(
                doc.text,
                [char_span(doc, addressee_np.start, addressee_np.end)],
                resolution.entity.name if resolution.entity else None,
                _speaker_type(resolution.kind),
            )
        mentions = []
        for source in found:
            mention, coref = source_mention(doc, lexicon, coref, source)
            mentions.append(mention)
        sources = tuple(mentions) or inherited_sources
        quote = _quote(doc, cand, f"{prefix}q{n}", speaker, addressee, sources)
        quotes.append(quote)
        if speaker is not None:
            previous = _Previous(speaker, entity, sources, paragraph, cand.sentence)
    return quotes


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
        kind=cand.kind,
        mood=cand.mood,
        content=Role.from_spans(doc.text, cand.content),
        cue=cue,
        frame=Role.from_spans(doc.text, [char_span(doc, *cand.frame)]) if cand.frame else None,
        speaker=speaker,
        addressee=addressee,
        sources=sources,
        fragments=tuple(Role.from_spans(doc.text, [f]) for f in cand.fragments),
        sentence=cand.sentence,
        confidence=cand.confidence,
    )
