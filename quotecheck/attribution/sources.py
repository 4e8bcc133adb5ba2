"""Source strategies: the intermediaries through which a quote reached the text.

Pipeline stage 3 (attribution): after the speaker strategies, in the sentences
of the candidate's frame, outside its content.

Sources are the according-to phrases and reporting clauses of the quote's
sentence outside its content (laut X, X zufolge, unter Berufung auf X, nach
Angaben von X, wie X berichtete, berichtete X), nearest to the text first.
"""

from __future__ import annotations

from typing import Sequence

from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.attribution.coreference import Coreference
from quotecheck.attribution.naming import is_medium, organization_in
from quotecheck.attribution.nounphrase import NounPhrase, np_ending_at, parse_noun_phrase
from quotecheck.attribution.speakers import is_passive
from quotecheck.attribution.words import QUOTE_LEMMAS, function_word_classes, is_report_verb, is_speech_verb
from quotecheck.lexicon import Lexicon
from quotecheck.model import Mention
from quotecheck.rules.common import Candidate, char_span, clause_end

__all__ = ["Source", "find_sources", "raw_sources", "promote_cited", "source_mention"]


@frozen
class Source:
    marker: tuple[int, int]  # token range of the whole source phrase („laut der AP“)
    np: NounPhrase


def find_sources(
    doc: Doc, lexicon: Lexicon, start: int, end: int, skip: Sequence[tuple[int, int]], speaker: NounPhrase | None
) -> list[Source]:
    """Intermediaries in tokens ``[start, end)`` outside the ``skip`` character spans."""
    tokens = doc.tokens
    found: list[Source] = []

    def inside(i: int) -> bool:
        return any(a <= tokens[i].start < b for a, b in skip)

    i = start
    while i < end:
        if inside(i):
            i += 1
            continue
        word = tokens[i].text.lower()
        source = None
        if word == "laut":
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            source = Source((i, np.end), np) if np else None
        elif word == "berufung" and i + 1 < end and tokens[i + 1].text == "auf":
            np = parse_noun_phrase(doc, lexicon, i + 2, end)
            first = i - 1 if i > start and tokens[i - 1].text.lower() == "unter" else i
            source = Source((first, np.end), np) if np else None
        elif word == "zufolge":
            np = np_ending_at(doc, lexicon, i, start)
            if np is not None and np.determiner is None and np.role is None:
                # „sagte Brandt Reuters zufolge“: the agency alone, not the name before it
                np = next((parse_noun_phrase(doc, lexicon, k, i) for k in range(np.start + 1, i)
                           if organization_in(doc, lexicon, k, i) is not None), None) or np
            source = Source((np.start, i + 1), np) if np else None
        elif word == "angaben" and i + 1 < end:
            j = i + 2 if tokens[i + 1].text.lower() == "von" else i + 1
            np = parse_noun_phrase(doc, lexicon, j, end)
            first = i - 1 if i > start and tokens[i - 1].text.lower() == "nach" else i
            source = Source((first, np.end), np) if np else None
        elif word == "wie" and i + 1 < end:
            # „wie die Agentur Interfax berichtete“: only with a speech verb after the phrase
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            if np is not None and any(is_speech_verb(doc, lexicon, k) for k in range(np.end, clause_end(doc, np.end, end))):
                source = Source((i, np.end), np)
        elif word == "über" and any(doc.lemma(k).lower() == "lassen" for k in range(max(start, i - 8), i)):
            # „ließ über seinen Anwalt erklären“: the lawyer passes the words on
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            source = Source((i, np.end), np) if np else None
        elif "source_prep" in function_word_classes(lexicon, word) and _quoted_by(doc, lexicon, i, end):
            # „wurde von KCNA mit den Worten zitiert“: the quoting medium is a source
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            source = Source((i, np.end), np) if np else None
        elif is_report_verb(doc, lexicon, i):
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            if np is not None and organization_in(doc, lexicon, np.start, np.end) is not None:
                source = Source((np.start, np.end), np)
        if source is not None and (speaker is None or source.np.start != speaker.start):
            found.append(source)
            i = max(source.marker[1], i + 1)
            continue
        i += 1
    return found


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
    found = find_sources(doc, lexicon, sentence_first.first, sentence_last.last, cand.content, speaker_np)
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
        if doc.tokens[source.marker[0]].text.lower() not in ("unter", "berufung"):
            continue
        if not is_medium(doc, lexicon, source.np):
            rest = sources[:n] + sources[n + 1 :]
            return source.np, [Source((speaker_np.start, speaker_np.end), speaker_np), *rest]
    return speaker_np, sources
