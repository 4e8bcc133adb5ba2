"""Source strategies: the intermediaries through which a quote reached the text.

Pipeline stage 3 (attribution): after the speaker strategies, in the sentences
of the candidate's frame, outside its content.

Sources are the according-to phrases and reporting clauses of the quote's
sentence outside its content (laut X, X zufolge, unter Berufung auf X, nach
Angaben von X, wie X berichtete, berichtete X), nearest to the text first.
"""

from __future__ import annotations

from typing import Callable, Sequence

import attrs
from attrs import frozen

from quotecheck import tuning
from quotecheck.analysis.base import Doc, document_memo
from quotecheck.attribution.coreference import Coreference
from quotecheck.attribution.naming import is_medium, organization_in
from quotecheck.attribution.nounphrase import NounPhrase, np_ending_at, parse_noun_phrase
from quotecheck.attribution.speakers import is_passive
from quotecheck.attribution.words import (
    CITATION_NOUNS,
    CITATION_OPENERS,
    CITATION_PREPOSITIONS,
    QUOTE_LEMMAS,
    RELAY_PREPOSITIONS,
    RELAY_VERBS,
    REPORT_CLAUSE_OPENERS,
    SOURCE_AFTER,
    SOURCE_BEFORE,
    STATEMENT_LINKS,
    STATEMENT_NOUNS,
    STATEMENT_OPENERS,
    function_word_classes,
    is_report_verb,
    is_speech_verb,
)
from quotecheck.lexicon import Lexicon
from quotecheck.model import Mention
from quotecheck.rules.common import Candidate, char_span, clause_end

__all__ = ["Source", "SOURCE_STRATEGIES", "find_sources", "raw_sources", "promote_cited", "source_mention"]


@frozen
class Source:
    """A source phrase found in a candidate's sentences, and the noun phrase that names the source."""

    marker: tuple[int, int]  # token range of the whole source phrase („laut der AP“)
    np: NounPhrase
    strategy: str = ""  # the name of the strategy that found it („source_after_laut“)


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
    token is remembered for the document (:func:`~quotecheck.analysis.base.document_memo`),
    since the candidates of one sentence search the same tokens.
    """
    starts = doc.layer.columns.starts  # read as an array: no token is made per step
    window = _Window(start, end)
    answers: dict[int, Source | None] = document_memo(doc, ("sources", id(lexicon), start, end), dict)
    found: list[Source] = []
    i, stop = start, end
    if near is not None:
        i, stop = max(start, near[0] - tuning.SOURCE_WINDOW_TOKENS), min(end, near[1] + tuning.SOURCE_WINDOW_TOKENS)
    while i < stop:
        if any(a <= starts[i] < b for a, b in skip):
            i += 1
            continue
        try:
            source = answers[i]
        except KeyError:
            source = answers[i] = _source_at(doc, lexicon, i, window)
        if source is not None and (speaker is None or source.np.start != speaker.start):
            found.append(source)
            i = max(source.marker[1], i + 1)
            continue
        i += 1
    return found


def _source_at(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    for strategy in SOURCE_STRATEGIES:
        source = strategy(doc, lexicon, i, window)
        if source is not None:
            return attrs.evolve(source, strategy=strategy.__name__)
    return None


def _word(doc: Doc, i: int) -> str:
    return doc.tokens[i].text.lower()


def source_after_laut(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„laut der Nachrichtenagentur AP“: the noun phrase after the preposition."""
    if _word(doc, i) not in SOURCE_BEFORE:
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, window.end)
    return Source((i, np.end), np) if np else None


def source_cited(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„unter Berufung auf Regierungskreise“: whom the speaker cites (see :func:`promote_cited`)."""
    if _word(doc, i) not in CITATION_NOUNS or i + 1 >= window.end or doc.tokens[i + 1].text not in CITATION_PREPOSITIONS:
        return None
    np = parse_noun_phrase(doc, lexicon, i + 2, window.end)
    first = i - 1 if i > window.start and _word(doc, i - 1) in CITATION_OPENERS else i
    return Source((first, np.end), np) if np else None


def source_before_zufolge(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„der Zeitung zufolge“: the noun phrase before the postposition.

    „sagte Brandt Reuters zufolge“: of a bare name run, the agency alone.
    """
    if _word(doc, i) not in SOURCE_AFTER:
        return None
    np = np_ending_at(doc, lexicon, i, window.start)
    if np is not None and np.determiner is None and np.role is None:
        np = next(
            (parse_noun_phrase(doc, lexicon, k, i) for k in range(np.start + 1, i) if organization_in(doc, lexicon, k, i) is not None),
            None,
        ) or np
    return Source((np.start, i + 1), np) if np else None


def source_of_statement(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„nach Angaben der Polizei“, „nach Angaben von Peter Beck“: the statement's owner."""
    if _word(doc, i) not in STATEMENT_NOUNS or i + 1 >= window.end:
        return None
    j = i + 2 if _word(doc, i + 1) in STATEMENT_LINKS else i + 1
    np = parse_noun_phrase(doc, lexicon, j, window.end)
    first = i - 1 if i > window.start and _word(doc, i - 1) in STATEMENT_OPENERS else i
    return Source((first, np.end), np) if np else None


def source_in_wie_clause(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„wie die Agentur Interfax berichtete“: only with a speech verb after the noun phrase."""
    if _word(doc, i) not in REPORT_CLAUSE_OPENERS or i + 1 >= window.end:
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, window.end)
    if np is None:
        return None
    if any(is_speech_verb(doc, lexicon, k) for k in range(np.end, clause_end(doc, np.end, window.end))):
        return Source((i, np.end), np)
    return None


def source_relaying(doc: Doc, lexicon: Lexicon, i: int, window: _Window) -> Source | None:
    """„ließ über seinen Anwalt erklären“: the lawyer passes the words on."""
    if _word(doc, i) not in RELAY_PREPOSITIONS:
        return None
    if not any(doc.lemma(k).lower() in RELAY_VERBS for k in range(max(window.start, i - 8), i)):
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
    source_after_laut,
    source_cited,
    source_before_zufolge,
    source_of_statement,
    source_in_wie_clause,
    source_relaying,
    source_quoting,
    source_reporting,
)


def _quoted_by(doc: Doc, lexicon: Lexicon, i: int, end: int) -> bool:
    """„von X … zitiert“ with a form of „werden“ nearby."""
    window = range(i + 1, min(end, i + 10))
    sentence = doc.sentences[doc.layer.sentence_index(i)]
    return any(doc.lemma(k).lower() in QUOTE_LEMMAS for k in window) and is_passive(doc, lexicon, sentence.first, sentence.last)


def source_mention(doc: Doc, lexicon: Lexicon, coref: Coreference, source: Source) -> tuple[Mention, Coreference]:
    """The source's mention, named by the gazetteer or by coreference, and the coreference after it."""
    np = source.np
    entry = organization_in(doc, lexicon, np.start, np.end)
    span = char_span(doc, *source.marker)
    if entry is not None:
        return Mention.from_spans(doc.text, [span], entry.name, entry.type), coref
    resolution = coref.resolve(np)
    entity = resolution.entity
    if entity is None:
        return Mention.from_spans(doc.text, [span], None, "unknown"), resolution.coreference
    source_type = entity.org_type or ("person" if entity.type == "person" else "organization" if entity.type == "organization" else "unknown")
    return Mention.from_spans(doc.text, [span], entity.name, source_type), resolution.coreference


def raw_sources(
    doc: Doc,
    lexicon: Lexicon,
    cand: Candidate,
    speaker_np: NounPhrase | None,
    addressee_np: NounPhrase | None,
) -> list[Source]:
    """Sources in the sentences of the candidate's frame, outside its content."""
    if cand.frame is None and cand.speaker_tokens is None:
        return []
    first, last = cand.frame if cand.frame is not None else cand.speaker_tokens  # type: ignore[misc]
    sentence_first = doc.sentences[doc.layer.sentence_index(first)]
    sentence_last = doc.sentences[doc.layer.sentence_index(max(first, last - 1))]
    found = find_sources(doc, lexicon, sentence_first.first, sentence_last.last, cand.content, speaker_np, (first, last))
    if addressee_np is not None:
        found = [s for s in found if not (addressee_np.start <= s.np.start < addressee_np.end)]
    return found


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
        if _word(doc, source.marker[0]) not in CITATION_OPENERS | CITATION_NOUNS:
            continue
        if not is_medium(doc, lexicon, source.np):
            rest = sources[:n] + sources[n + 1 :]
            return source.np, [Source((speaker_np.start, speaker_np.end), speaker_np), *rest]
    return speaker_np, sources
