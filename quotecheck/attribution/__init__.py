"""Attribution: speakers, addressees and intermediary sources of candidates.

Pipeline stage 3 (attribution): gets the rules' candidates, gives quotes.

The package, in reading order:

* :mod:`~quotecheck.attribution.nounphrase`: the noun-phrase grammar;
* :mod:`~quotecheck.attribution.naming`: canonical names of persons and institutions;
* :mod:`~quotecheck.attribution.coreference`: the entity table and resolution;
* :mod:`~quotecheck.attribution.speakers`, :mod:`~quotecheck.attribution.statements`,
  :mod:`~quotecheck.attribution.addressees`, :mod:`~quotecheck.attribution.sources`:
  the strategies that find who spoke, to whom, and through whom
  (:mod:`~quotecheck.attribution.clause_subjects` holds the speaker strategies' clause helpers);
* :mod:`~quotecheck.attribution.mentions`: the speaker and addressee mentions and the Quote.
"""

from __future__ import annotations

from typing import Callable, Sequence, cast

import attrs
from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.attribution.coreference import Coreference
from quotecheck.attribution.mentions import _INHERIT_PARAGRAPHS, _Evidence, _Previous, _addressee_mention, _quote, _speaker_mention
from quotecheck.attribution.naming import MEDIA_TYPES, MEDIUM_CLASSES, is_medium, org_kind, nominative_noun, organization_in, origin_name, station_name
from quotecheck.attribution.nounphrase import NounPhrase, parse_noun_phrase
from quotecheck.attribution.words import is_report_noun, words_of_class
from quotecheck.attribution.sources import Source, placed, promote_cited, raw_sources, source_mention
from quotecheck.attribution.speakers import Speakers, find_speaker
from quotecheck.attribution.statements import (
    according_phrase,
    cited_by_report,
    medium_of_report,
    author_of_statement,
    report_speaker,
)
from quotecheck.lexicon import Lexicon
from quotecheck.model import RELATIONS, Mention, Quote, Relation, SourceType
from quotecheck.rules.candidate import Candidate

__all__ = ["attribute"]



def attribute(
    doc: Doc, lexicon: Lexicon, candidates: Sequence[Candidate], doc_id: str | None = None, *, consume: bool = False
) -> list[Quote]:
    """Turn candidates into attributed quotes, in text order.

    The coreference table is built first, from every named mention outside
    direct speech; each candidate's resolutions then add to it in text order
    (a speaker is the latest mention of its entity for the next „sagte er“).
    A document without candidates (a quarter of news texts: „Der Bund hat den
    Haushalt beschlossen.“) builds no table at all: nothing would read it.

    With ``consume`` the list ``candidates`` is emptied and each candidate let go
    once its quote is made: a long document's candidates (their evidence, cue
    matches, token ranges) take about as much memory as its quotes, and need
    not be held beside them (:meth:`~quotecheck.extractor.Extractor.extract`).
    """
    if not candidates:
        return []
    ordered = sorted(candidates, key=lambda c: c.content[0][0])
    if consume and isinstance(candidates, list):
        candidates.clear()
    direct_spans = [span for c in ordered if c.kind == "direct" for span in c.content]
    coref = Coreference.build(doc, lexicon, skip=direct_spans)
    previous: _Previous | None = None
    prefix = f"{doc_id}:" if doc_id else ""
    quotes: list[Quote] = []
    ordered.reverse()  # taken from the end, in text order, so that each is let go once attributed
    while ordered:
        cand = ordered.pop()
        quote, previous, coref = _attribute_one(doc, lexicon, cand, f"{prefix}q{len(quotes) + 1}", previous, coref)
        quotes.append(quote)
    return quotes


def _attribute_one(
    doc: Doc, lexicon: Lexicon, cand: Candidate, quote_id: str, previous: _Previous | None, coref: Coreference
) -> tuple[Quote, _Previous | None, Coreference]:
    """One candidate's quote, what the next candidate inherits, and the coreference after it."""
    evidence, coref = _evidence(doc, lexicon, cand, previous, coref)
    said, coref = _speaker_mention(doc, lexicon, evidence, previous, coref)
    addressee, coref = _addressee_mention(doc, evidence.addressee, coref)
    mentions = [told] if (told := _told_to(doc, lexicon, evidence.addressee, addressee)) is not None else []
    if told is not None and addressee is not None and addressee.name is None:
        addressee = attrs.evolve(addressee, name=told.name)
    for source in evidence.sources:
        mention, coref = source_mention(doc, lexicon, coref, source)
        mention = _report_named_before(lexicon, doc, source, mention, previous)
        if source.strategy == "document" and mention.name is None:
            # „in einer schriftlichen Stellungnahme“ → Stellungnahme: a document is named by its noun
            head_end = source.np.genitive[0] if source.np.genitive is not None else source.np.end
            mention = attrs.evolve(mention, name=doc.tokens[head_end - 1].text, type="document")
        mentions.append(attrs.evolve(mention, relation=_relation(mention, source.relation)))
    if evidence.relayed is not None and mentions:
        # the medium's new mention takes the place of its earlier one in the chain
        medium = mentions[-1]
        earlier = [s for s in evidence.relayed.sources if s.relation != "told_to"]
        mentions = [medium if s.name is not None and s.name == medium.name else s for s in earlier]
        if medium not in mentions:
            mentions = [medium, *earlier]
    sources = tuple(mentions) or said.inherited_sources
    if addressee is None and not mentions:
        addressee = said.inherited_addressee
    quote = _quote(doc, cand, quote_id, said.speaker, addressee, sources)
    if said.speaker is not None:
        kept = addressee if told is not None or addressee is said.inherited_addressee else None
        previous = _Previous(said.speaker, said.entity, sources, evidence.paragraph, cand.sentence, kept)
    return quote, previous, coref


def _report_named_before(lexicon: Lexicon, doc: Doc, source: Source, mention: Mention, previous: _Previous | None) -> Mention:
    """„Dem Bericht zufolge“ after a quote a newspaper passed on: the report is that newspaper's.

    A bare report noun („dem Bericht“, „der Meldung“) that names no outlet takes
    the name of the outlet that passed the previous quote on.
    """
    np = source.np
    if mention.name is not None or previous is None or np.name_tokens or np.genitive is not None or np.role is not None:
        return mention
    if np.determiner not in lexicon.words.definite:
        return mention  # „in einer Mitteilung“: a new document, not the report before
    if not any(is_report_noun(lexicon, doc.tokens[k].text) for k in range(np.start, np.end)):
        return mention
    outlet = next((s for s in reversed(previous.sources) if s.relation != "told_to" and s.name is not None), None)
    return attrs.evolve(mention, name=outlet.name, type=outlet.type) if outlet is not None else mention


#: The relations by name, so that a phrase's relation string becomes a :data:`~quotecheck.model.Relation`.
_RELATIONS: dict[str, Relation] = {relation: relation for relation in RELATIONS}


def _relation(source: Mention, given: str | None) -> Relation:
    """How the source passed the words on: as its phrase says, else a document prints them, anyone else reports them.

    A report of a news outlet is that outlet reporting („nach einem Bericht der
    Agentur Anadolu“ → ``reported_by``); only a document publishes („nach einem
    Bericht des Rechnungshofs“ → ``published_in``).
    """
    if source.type in MEDIA_TYPES:
        return "reported_by"
    if given in _RELATIONS:
        return _RELATIONS[given]
    return "published_in" if source.type == "document" else "reported_by"


def _told_to(doc: Doc, lexicon: Lexicon, np: NounPhrase | None, addressee: Mention | None) -> Mention | None:
    """The medium the speaker spoke to is also the first source: „sagte Kim der Agentur Reuters“ → [Reuters (told_to)].

    A person or an audience addressed („sagte sie den Delegierten“) passes nothing on.
    """
    if np is None or addressee is None or not is_medium(doc, lexicon, np):
        return None
    entry = organization_in(doc, lexicon, np.start, np.end)
    source_type = entry.type if entry is not None else "media"
    name = station_name(doc, lexicon, np, addressee.name) if addressee.name is not None else None
    if name is None and np.role is not None and not np.name_tokens:
        # „im moldauischen Fernsehen“: a medium named by its noun and origin
        name = origin_name(doc, lexicon, np, nominative_noun(lexicon, np.role))
    return attrs.evolve(addressee, name=name, type=cast(SourceType, source_type), relation="told_to")


@frozen
class _Chain:
    """A candidate's speaker and sources while the :data:`_CHAIN_STEPS` work on them.

    ``relayed`` set by a step: the previous quote's speaker goes on through these
    sources („…, so die Agentur weiter“), and no later step runs.
    """

    speaker: NounPhrase | None
    sources: tuple[Source, ...]
    relayed: _Previous | None = None


def _evidence(
    doc: Doc, lexicon: Lexicon, cand: Candidate, previous: _Previous | None, coref: Coreference
) -> tuple[_Evidence, Coreference]:
    """The speaker, addressee and sources of a candidate, as noun phrases.

    The speaker strategies read the frame; the :data:`_CHAIN_STEPS` then order the
    intermediaries and let a cited party or a document's author speak; „Demnach“:
    the report's author speaks (:func:`~quotecheck.attribution.statements.report_speaker`).
    """
    speakers = find_speaker(doc, lexicon, cand)
    addressee_np = speakers.addressee
    paragraph = doc.sentences[cand.sentence].paragraph
    chain = _Chain(speakers.speaker, tuple(_quoted_first(speakers, raw_sources(doc, lexicon, cand, speakers.speaker, addressee_np))))
    for step in _CHAIN_STEPS:
        chain = step(doc, lexicon, cand, chain, previous, coref)
        if chain.relayed is not None:
            return _Evidence(cand, None, addressee_np, list(chain.sources), None, None, None, paragraph, chain.relayed), coref
    speaker_np = chain.speaker
    report, coref = report_speaker(doc, lexicon, coref, cand, previous.sentence if previous else None)
    if report is not None and _passed_on_before(coref, report, previous):
        report = speaker_np = None  # „Demnach“ after „X berichtete unter Berufung auf Y“: Y goes on, through X
    if report is not None:
        speaker_np = report
    evidence = _Evidence(
        cand,
        speaker_np,
        addressee_np,
        placed(list(chain.sources), speaker_np),
        report,
        author_of_statement(doc, lexicon, speaker_np),
        according_phrase(doc, lexicon, cand),
        paragraph,
    )
    return evidence, coref


def _quoted_first(speakers: Speakers, found: list[Source]) -> list[Source]:
    """„TASS zitierte Peskow …, wie Reuters berichtete“: the quoting medium is nearest the speaker."""
    relay = speakers.relay
    if relay is None:
        return found
    return [Source((relay.start, relay.end), relay, "quoted_object", "reported_by"), *(s for s in found if s.np.start != relay.start)]


#: A step on the chain: the candidate's speaker and sources after its construction, if it is there.
_ChainStep = Callable[[Doc, Lexicon, Candidate, _Chain, "_Previous | None", Coreference], _Chain]


def _cited_by_medium(doc: Doc, lexicon: Lexicon, cand: Candidate, chain: _Chain, previous: _Previous | None, coref: Coreference) -> _Chain:
    """„Yonhap berichtete unter Berufung auf Regierungskreise“ (:func:`~quotecheck.attribution.sources.promote_cited`)."""
    speaker, found = promote_cited(doc, lexicon, chain.speaker, list(chain.sources))
    return _Chain(speaker, tuple(found))


def _cited_by_report(doc: Doc, lexicon: Lexicon, cand: Candidate, chain: _Chain, previous: _Previous | None, coref: Coreference) -> _Chain:
    """„Laut einem Bericht der Zeitung, die sich auf Sicherheitskreise beruft“; „…, der der Agentur Reuters vorliegt“."""
    speaker_np, found = chain.speaker, list(chain.sources)
    if speaker_np is None:
        return chain
    phrase_end = _phrase_end(cand, speaker_np)
    cited = cited_by_report(doc, lexicon, speaker_np, phrase_end)
    if cited is not None:
        report_np = _report_author(doc, lexicon, speaker_np)
        marker = cand.frame if cand.frame is not None and cand.frame[0] <= speaker_np.start < cand.frame[1] else (speaker_np.start, speaker_np.end)
        return _Chain(cited, (Source((marker[0], marker[1]), report_np, "cited_by_report", "reported_by"), *found))
    medium = medium_of_report(doc, lexicon, speaker_np, phrase_end)
    if medium is not None and all(not (s.np.start <= medium.start < s.marker[1] or s.marker[0] <= medium.start < s.marker[1]) for s in found):
        return _Chain(speaker_np, (Source((medium.start, medium.end), medium, "medium_of_report", "reported_by"), *found))
    return chain


def _medium_relays(doc: Doc, lexicon: Lexicon, cand: Candidate, chain: _Chain, previous: _Previous | None, coref: Coreference) -> _Chain:
    """„…, so die Agentur weiter“ after the agency quoted Ri: Ri goes on, through the agency (:func:`_medium_goes_on`)."""
    speaker_np = chain.speaker
    relayed = _medium_goes_on(doc, lexicon, coref, cand, speaker_np, previous)
    if relayed is None or speaker_np is None:
        return chain
    marker = (cand.frame[0], cand.frame[1]) if cand.frame is not None else (speaker_np.start, speaker_np.end)
    return _Chain(None, (Source(marker, speaker_np, "medium_goes_on", "reported_by"),), relayed)


def _outwards(doc: Doc, lexicon: Lexicon, cand: Candidate, chain: _Chain, previous: _Previous | None, coref: Coreference) -> _Chain:
    """The sources from the speaker outwards (:func:`_speaker_outwards`)."""
    return _Chain(chain.speaker, tuple(_speaker_outwards(list(chain.sources))))


def _in_document(doc: Doc, lexicon: Lexicon, cand: Candidate, chain: _Chain, previous: _Previous | None, coref: Coreference) -> _Chain:
    """„Im Versorgungsbericht des Bundesamts heißt es“, „In einer Stellungnahme hieß es weiter“ (:func:`_document_of`).

    Someone wrote the document (its genitive author, the clause's subject, the
    institution that spoke before): it is a ``published_in`` source. A document
    without author speaks itself („Laut einem Entwurf …“).
    """
    speaker_np, found = chain.speaker, chain.sources
    document = _document_of(doc, lexicon, cand, speaker_np)
    if document is None:
        return chain
    marker, doc_np = document
    owner = _document_author(doc, lexicon, cand, doc_np)
    goes_on = owner is None and _document_goes_on(doc, lexicon, cand, speaker_np, doc_np, previous)
    if (owner is not None or goes_on or (speaker_np is not None and speaker_np.start != doc_np.start)) and not any(
        s.marker[0] <= doc_np.start < s.marker[1] for s in found
    ):
        found = (Source(marker, doc_np, "document", "published_in"), *found)
    if goes_on:
        return _Chain(None, found, previous)
    if owner is None and speaker_np is None:
        # „Im Bericht heißt es, …“ with no author and no one speaking before: the document speaks itself
        return _Chain(doc_np, found)
    return _Chain(owner if owner is not None else speaker_np, found)


def _document_author(doc: Doc, lexicon: Lexicon, cand: Candidate, doc_np: NounPhrase) -> NounPhrase | None:
    """The genitive author of a document („des Bundesamts für Energie“); not a genitive that names nobody („des Vertrags“)."""
    if doc_np.genitive is None:
        return None
    frame_end = cand.frame[1] if cand.frame is not None else doc_np.end
    owner = parse_noun_phrase(doc, lexicon, doc_np.genitive[0], frame_end, coordination=False)
    if owner is None or not (owner.role or owner.name_tokens or organization_in(doc, lexicon, owner.start, owner.end)):
        return None
    return owner


#: The chain constructions, in order: each takes the speaker and sources of the step before.
_CHAIN_STEPS: tuple[_ChainStep, ...] = (
    _cited_by_medium,
    _cited_by_report,
    _medium_relays,
    _outwards,
    _in_document,
)


#: Frames in which a medium reports as the subject: „so die Agentur“, „wie das Blatt schrieb“, „berichtete der Sender“.
_RELAY_FRAMES = frozenset({"so", "wie", "verb"})


def _medium_goes_on(
    doc: Doc, lexicon: Lexicon, coref: Coreference, cand: Candidate, np: NounPhrase | None, previous: _Previous | None
) -> _Previous | None:
    """The previous quote, when this frame's medium passed it on and now goes on passing its speaker's words.

    „KCNA zitierte Ri … . …, so die Agentur.“, „Wie das Blatt weiter schrieb, …“: a
    medium that was a source of the previous quote, named by its noun alone or
    going on („weiter“), still relays; „Die Agentur TASS berichtete zudem …“ with its
    name is a report of its own.
    """
    if np is None or previous is None or not previous.sources or cand.evidence.frame_kind not in _RELAY_FRAMES:
        return None  # „laut der Zeitung“ names the paper's own report
    if not is_medium(doc, lexicon, np):
        return None
    if doc.sentences[cand.sentence].paragraph - previous.paragraph > _INHERIT_PARAGRAPHS:
        return None
    frame = cand.frame or (np.start, np.end)
    going_on = any(doc.tokens[k].text.lower() in lexicon.attribution.continuations for k in range(frame[0], frame[1]))
    if np.name_tokens and not going_on:
        return None
    entity = coref.resolve(np).entity
    if entity is None or entity.name == previous.speaker.name:
        return None
    return previous if any(s.name == entity.name and s.relation != "told_to" for s in previous.sources) else None


def _document_goes_on(
    doc: Doc, lexicon: Lexicon, cand: Candidate, speaker: NounPhrase | None, document: NounPhrase, previous: _Previous | None
) -> bool:
    """Whether the previous speaker is the author of a document named without one.

    „In einer Stellungnahme hieß es weiter“ (impersonal, ``origin_verb``) and
    „Gemäß der Anklageschrift“ after the prosecutors spoke: the institution
    speaking before wrote it. Not a medium („Laut dieser Studie“ after dpa
    reported: dpa wrote no study) and not a subject of the clause („schrieb diese
    in einer Stellungnahme“).
    """
    if previous is None or previous.entity is None or not _close(doc, cand, previous):
        return False
    if speaker is not None and speaker.start != document.start:
        return False
    impersonal = cand.cue is not None and cand.cue.lemma in lexicon.attribution.origin_verbs
    listed = lexicon.organization(previous.entity.name)
    medium = (
        previous.entity.org_type in MEDIA_TYPES
        or (listed is not None and listed.type in MEDIA_TYPES)
        or org_kind(lexicon, previous.entity.name.split()[-1]) in MEDIUM_CLASSES  # „Deutsche Presseagentur“
    )
    institution = previous.entity.type == "organization" and not medium
    return impersonal or (speaker is not None and institution)


def _close(doc: Doc, cand: Candidate, previous: _Previous) -> bool:
    """Whether the previous quote is near enough to go on (the same or the previous paragraph)."""
    return doc.sentences[cand.sentence].paragraph - previous.paragraph <= _INHERIT_PARAGRAPHS


#: How an according-to phrase names a document as its own object („laut“, „gemäß“ + noun), not as a statement's owner.
_DOCUMENT_OWNERS = frozenset({"noun", "someone"})


def _document_of(doc: Doc, lexicon: Lexicon, cand: Candidate, speaker: NounPhrase | None) -> tuple[tuple[int, int], NounPhrase] | None:
    """The document the words stand in: „hieß es in einer Mitteilung“, „teilte in einer Erklärung mit“, „Gemäß der Anklageschrift“.

    A report noun after a venue preposition in the frame, or the speaker mention
    itself when it is a report with no outlet named (a document, ``published_in``).
    Returns the source phrase's token range and the document's noun phrase.
    """
    if cand.frame is None:
        return None
    start, end = cand.frame
    entry = cand.evidence.according
    if speaker is not None and entry is not None and entry.owner in _DOCUMENT_OWNERS and _is_document(doc, lexicon, speaker):
        return (start, end), speaker  # „Gemäß der Anklageschrift“, not „Nach Angaben des Berichts“
    venue_preps = words_of_class(lexicon, "venue_prep")  # one set look-up a word of the frame, not a call
    for k in range(start, end - 1):
        if doc.tokens[k].text.lower() not in venue_preps:
            continue
        np = parse_noun_phrase(doc, lexicon, k + 1, end, coordination=False)
        if np is not None and _is_document(doc, lexicon, np):
            return (k, np.genitive[0] if np.genitive is not None else np.end), np
    return None


def _is_document(doc: Doc, lexicon: Lexicon, np: NounPhrase) -> bool:
    """A document noun heads the phrase („einer schriftlichen Stellungnahme“) and no outlet wrote it.

    Nouns for the information itself („Angaben“, „Aussagen“, „Daten“) are no documents.
    """
    head_end = np.genitive[0] if np.genitive is not None else np.end
    if np.pronoun is not None or head_end <= np.start or any(k != head_end - 1 for k in np.name_tokens):
        return False  # „dem Bericht X“ names something; a lone unknown compound („Jahresbericht“) may be the head
    head = doc.tokens[head_end - 1].text.casefold()
    if not any(head.endswith(noun) for noun in lexicon.attribution.document_nouns) or is_medium(doc, lexicon, np):
        return False
    owner = _report_author(doc, lexicon, np) if np.genitive is not None else None
    return owner is None or not is_medium(doc, lexicon, owner)  # „dem Bericht des Fachmagazins“ is the magazine reporting


def _speaker_outwards(sources: list[Source]) -> list[Source]:
    """The sources ordered from the speaker outwards: whom an outlet cites comes before the outlet.

    „…, wie die Agentur Interfax unter Berufung auf TASS berichtete“ → [TASS,
    Interfax]: TASS had the words first. Otherwise the text order holds
    („sagte X nach Angaben von Y, wie Z berichtete“ → [Y, Z]).
    """
    ordered = list(sources)
    for n in range(1, len(ordered)):
        phrase = ordered[n].phrase
        if phrase is not None and phrase.entry.names == "cited" and ordered[n - 1].relation != "told_to":
            ordered[n - 1], ordered[n] = ordered[n], ordered[n - 1]
    return ordered


def _phrase_end(cand: Candidate, np: NounPhrase | None) -> int:
    """Where the speaker's phrase ends: the according-to frame holding it („Nach Angaben des Stabs in Seoul“), or the mention."""
    if np is None:
        return 0
    if cand.frame is not None and cand.evidence.according is not None and cand.frame[0] <= np.start < cand.frame[1]:
        return max(np.end, cand.frame[1])
    return np.end


def _report_author(doc: Doc, lexicon: Lexicon, np: NounPhrase) -> NounPhrase:
    """„einem Bericht der ‚Sport-Rundschau‘“ → „der ‚Sport-Rundschau‘“: the report's genitive author, if named."""
    if np.genitive is None:
        return np
    return parse_noun_phrase(doc, lexicon, np.genitive[0], np.genitive[1], coordination=False) or np


def _passed_on_before(coref: Coreference, report: NounPhrase, previous: _Previous | None) -> bool:
    """Whether the author of the report „Demnach“ points to passed the previous quote on.

    „Die Zeitung X berichtete unter Berufung auf Vertraute, … . Demnach …“: the
    report is the paper's, but the paper was the previous quote's source, so its
    speaker (the Vertraute) and chain go on.
    """
    if previous is None or not previous.sources:
        return False
    entity = coref.resolve(report).entity
    return entity is not None and any(source.name == entity.name for source in previous.sources)
