"""Source strategies: the intermediaries through which a quote reached the text.

Pipeline stage 3 (attribution): after the speaker strategies, in the sentences
of the candidate's frame, outside its content.

Sources are the according-to phrases of the quote's sentence outside its content
that name a source or a cited party (``according_to.tsv``, matched by the one
source grammar of :mod:`quotecheck.rules.source_phrases`: „laut X“, „X zufolge“,
„unter Berufung auf X“, „nach Angaben von X“, „gemäß X“ …), reporting clauses
(„wie X berichtete“, „berichtete X“), someone who relays („ließ über X
erklären“) and a quoting medium („wurde von X zitiert“), in text order;
attribution then orders them from the speaker outwards. The phrases a rule already matched (a reported act's „laut Interfax“) are
read from the candidate's evidence, not matched again. Each source knows the
``relation`` the grammar gives it and on which side of the speaker it stands.
"""

from __future__ import annotations

from typing import Callable, Sequence, cast

import attrs
from attrs import frozen

from quotecheck import tuning
from quotecheck.analysis.base import Doc, TokenAnswers, recent_memo
from quotecheck.attribution.coreference import Coreference
from quotecheck.attribution.naming import as_written, is_medium, organization_in, station_name
from quotecheck.attribution.nounphrase import NounPhrase, parse_noun_phrase
from quotecheck.attribution.speakers import is_passive
from quotecheck.attribution.words import (
    function_word_classes,
    is_report_verb,
    is_speech_verb,
)
from quotecheck.lexicon import Lexicon
from quotecheck.model import Mention, MentionType
from quotecheck.rules.candidate import Candidate, SourcePhrase, char_span
from quotecheck.rules.clauses import clause_end
from quotecheck.rules.cues import according_phrase_at
from quotecheck.rules.source_phrases import source_phrase_at

__all__ = ["SIDES", "Source", "SOURCE_STRATEGIES", "find_sources", "raw_sources", "placed", "promote_cited", "source_mention", "source_of_phrase"]


#: Where a source phrase stands relative to the speaker mention (``Source.side``).
SIDES = ("before", "after")


@frozen
class Source:
    """A source phrase found in a candidate's sentences, and the noun phrase that names the source.

    ``relation`` is how the source passed the words on, as the grammar of its
    phrase says (``reported_by``, ``published_in``; None where no phrase says);
    ``phrase`` the according-to phrase that named it, if one did; ``side`` whether
    it stands before or after the speaker mention (None without a speaker).
    """

    marker: tuple[int, int]  # token range of the whole source phrase („laut der AP“)
    np: NounPhrase
    strategy: str = ""  # the name of the strategy that found it („source_phrase“)
    relation: str | None = None
    phrase: SourcePhrase | None = None
    side: str | None = None


@frozen
class _Window:
    """The token range ``[start, end)`` searched for sources."""

    start: int
    end: int


#: A source strategy: the source whose phrase opens (or ends) at token ``i``, if its construction is there.
SourceStrategy = Callable[[Doc, Lexicon, int, _Window], "Source | None"]


def find_sources(
    doc: Doc,
    lexicon: Lexicon,
    start: int,
    end: int,
    skip: Sequence[tuple[int, int]],
    speaker: NounPhrase | None,
    near: tuple[int, int] | None = None,
) -> list[Source]:
    """Intermediaries in tokens ``[start, end)`` outside the ``skip`` character spans, left to right.

    At each token the :data:`SOURCE_STRATEGIES` are tried in order and the first
    that answers wins; each answers only at its own word. A source at the
    speaker's own noun phrase is the speaker, not a source. With ``near`` (a
    frame's tokens) only the tokens within :data:`~quotecheck.tuning.SOURCE_WINDOW_TOKENS`
    of it are tried: a run-on sentence of a thousand frames („sagte er, sagte
    er, …“) is not searched whole for each. What the strategies answer at a
    token is remembered per window, for the latest windows searched
    (:func:`~quotecheck.analysis.base.recent_memo`): the candidates of one sentence
    search the same tokens, and attribution reads the candidates in text order
    (a memo of every window held a byte per character of a long document).
    """
    starts = doc.layer.columns.starts  # read as an array: no token is made per step
    window = _Window(start, end)
    answers: TokenAnswers[Source | None] = recent_memo(doc, ("sources", id(lexicon)), (start, end), lambda: TokenAnswers(start))
    found: list[Source] = []
    i, stop = start, end
    if near is not None:
        i, stop = max(start, near[0] - tuning.SOURCE_WINDOW_TOKENS), min(end, near[1] + tuning.SOURCE_WINDOW_TOKENS)
    while i < stop:
        if _inside(starts[i], skip):
            i += 1
            continue
        source = answers.get(i, _UNASKED)  # most tokens are asked once: no KeyError raised for each
        if source is _UNASKED:
            source = answers[i] = _source_at(doc, lexicon, i, window)
        if source is not None and (speaker is None or source.np.start != speaker.start):
            found.append(source)
            i = max(source.marker[1], i + 1)
            continue
        i += 1
    return found


#: What :func:`find_sources` reads from its memo for a token not tried yet (None is an
#: answer there: no source), compared by identity; a source of no phrase.
_UNASKED = Source((-1, -1), NounPhrase(-1, -1), "unasked")


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a character ``offset`` lies in one of the ``spans`` (a quote's content, say).

    A plain loop, not ``any()`` over a generator made for every token tried: in
    „„Wir kommen“, sagte Kim laut dpa.“ the source search skips the quote's words.
    """
    for start, end in spans:
        if start <= offset < end:
            return True
    return False


def _source_at(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    for strategy in SOURCE_STRATEGIES:
        source = strategy(doc, lexicon, i, window)
        if source is not None:
            return attrs.evolve(source, strategy=strategy.__name__)
    return None


def _word(doc: Doc, i: int) -> str:
    return doc.tokens[i].text.lower()


def source_phrase(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„laut der AP“, „der Zeitung zufolge“, „unter Berufung auf Kreise“, „nach Angaben von X“, „gemäß X“.

    An according-to phrase (``according_to.tsv``) that names a source or a cited
    party; one that names a view („nach Ansicht von Experten“) is no intermediary.
    """
    match = source_phrase_at(doc, lexicon, i, window.start, window.end)
    return source_of_phrase(doc, lexicon, match) if match is not None and match.names_source else None


def source_of_phrase(doc: Doc, lexicon: Lexicon, phrase: SourcePhrase) -> Source:
    """The source an according-to phrase names, with the relation its table line gives."""
    owner = phrase.owner
    assert owner is not None, "only a phrase with an owner names a source"
    np = parse_noun_phrase(doc, lexicon, owner.start, owner.end) or NounPhrase(owner.start, owner.end)
    return Source(phrase.span, np, "source_phrase", phrase.relation, phrase)


def source_in_wie_clause(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„wie die Agentur Interfax berichtete“: only with a speech verb after the noun phrase."""
    if _word(doc, i) not in lexicon.rule_words.wie_frame or i + 1 >= window.end:
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, window.end)
    if np is None:
        return None
    if any(is_speech_verb(doc, lexicon, k) for k in range(np.end, clause_end(doc, np.end, window.end))):
        entry = according_phrase_at(doc, lexicon, i, i + 1)  # the table's line for the wie-clause gives its relation
        return Source((i, np.end), np, relation=entry.relation if entry is not None else None)
    return None


def source_relaying(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„ließ über seinen Anwalt erklären“: the lawyer passes the words on."""
    if _word(doc, i) not in lexicon.attribution.relay_prepositions:
        return None
    if not any(doc.lemma(k).lower() in lexicon.attribution.relay_verbs for k in range(max(window.start, i - 8), i)):
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, window.end)
    return Source((i, np.end), np) if np else None


def source_quoting(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„wurde von KCNA mit den Worten zitiert“: the quoting medium is a source."""
    if "source_prep" not in function_word_classes(lexicon, _word(doc, i)) or not _quoted_by(doc, lexicon, i, window.end):
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, window.end)
    return Source((i, np.end), np) if np else None


def source_reporting(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„…, berichtete die Nachrichtenagentur AFP“: a gazetteer organisation after a report verb."""
    if not is_report_verb(doc, lexicon, i):
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, window.end)
    if np is not None and organization_in(doc, lexicon, np.start, np.end) is not None:
        return Source((np.start, np.end), np)
    return None


#: The source phrases looked for at each token, in order; the first that answers wins.
SOURCE_STRATEGIES: tuple[SourceStrategy, ...] = (
    source_phrase,
    source_in_wie_clause,
    source_relaying,
    source_quoting,
    source_reporting,
)


def _quoted_by(doc: Doc, lexicon: Lexicon, i: int, end: int) -> bool:
    """„von X … zitiert“ with a form of „werden“ nearby."""
    window = range(i + 1, min(end, i + 10))
    sentence = doc.sentences[doc.layer.sentence_index(i)]
    return any(doc.lemma(k).lower() in lexicon.attribution.quote_verbs for k in window) and is_passive(doc, lexicon, sentence.first, sentence.last)


def source_mention(doc: Doc, lexicon: Lexicon, coref: Coreference, source: Source) -> tuple[Mention, Coreference]:
    """The source's mention, named by the gazetteer or by coreference, and the coreference after it."""
    np = source.np
    entry = organization_in(doc, lexicon, np.start, np.end)
    span = char_span(doc, *source.marker)
    if entry is not None:
        name = station_name(doc, lexicon, np, as_written(doc, np.start, np.end, entry.name))
        return Mention.from_spans(doc.text, [span], name, cast(MentionType, entry.type)), coref  # checked when agencies.tsv loads
    resolution = coref.resolve(np)
    entity = resolution.entity
    if entity is None:
        return Mention.from_spans(doc.text, [span], None, "unknown"), resolution.coreference
    source_type = entity.org_type or ("person" if entity.type == "person" else "organization" if entity.type == "organization" else "unknown")
    return Mention.from_spans(doc.text, [span], entity.name, cast(MentionType, source_type)), resolution.coreference


def raw_sources(
    doc: Doc,
    lexicon: Lexicon,
    cand: Candidate,
    speaker_np: NounPhrase | None,
    addressee_np: NounPhrase | None,
) -> list[Source]:
    """Sources in the sentences of the candidate's frame, outside its content, in text order.

    The source phrases the rule matched itself (``cand.evidence.sources``) are
    taken as they are; the rest of the sentences is searched.
    """
    if cand.frame is None and cand.speaker_tokens is None:
        return []
    first, last = cand.frame if cand.frame is not None else cand.speaker_tokens  # type: ignore[misc]
    sentence_first = doc.sentences[doc.layer.sentence_index(first)]
    sentence_last = doc.sentences[doc.layer.sentence_index(max(first, last - 1))]
    given = [source_of_phrase(doc, lexicon, p) for p in cand.evidence.sources if p.names_source]
    seen = [char_span(doc, *p.span) for p in cand.evidence.sources]
    searched = find_sources(doc, lexicon, sentence_first.first, sentence_last.last, [*cand.content, *seen], speaker_np, (first, last))
    found = sorted(
        (s for s in [*given, *searched] if speaker_np is None or s.np.start != speaker_np.start),
        key=lambda s: s.marker[0],
    )
    if addressee_np is not None:
        found = [s for s in found if not (addressee_np.start <= s.np.start < addressee_np.end)]
    return found


def placed(sources: list[Source], speaker_np: NounPhrase | None) -> list[Source]:
    """The sources with the side of the (final) speaker mention each stands on („laut Reuters“ after „sagte Kim“)."""
    if speaker_np is None:
        return sources
    return [attrs.evolve(s, side="before" if s.marker[0] < speaker_np.start else "after") for s in sources]


def promote_cited(
    doc: Doc, lexicon: Lexicon, speaker_np: NounPhrase | None, sources: list[Source]
) -> tuple[NounPhrase | None, list[Source]]:
    """„Yonhap berichtete unter Berufung auf Regierungskreise, …“: the cited speak.

    When the grammatical speaker is a news agency or medium that cites someone
    who is not one, the cited party is the speaker and the agency becomes the
    nearest source.
    """
    if speaker_np is None or not is_medium(doc, lexicon, speaker_np):
        return speaker_np, sources
    for n, source in enumerate(sources):
        if source.phrase is None or source.phrase.entry.names != "cited":
            continue
        if not is_medium(doc, lexicon, source.np):
            rest = sources[:n] + sources[n + 1 :]
            medium = Source((speaker_np.start, speaker_np.end), speaker_np, relation=source.relation)
            return source.np, [medium, *rest]
    return speaker_np, sources
