"""Slogans and inscriptions: quoted words a group chanted, wrote or carried.

Pipeline stage 2 (rules), part of :class:`~quotecheck.rules.direct.DirectRule`.
„Die Demonstranten skandierten Parolen wie „Frieden jetzt“ und „Nie wieder
Krieg“.“, „Sie trugen Schilder mit der Aufschrift „Wir bleiben““: no speech verb
frames the quoted piece, yet it is the group's words, and the WikiNews gold
annotates it as direct speech. A quoted span is a slogan when a slogan noun of
``piece_frames.tsv`` stands right before it (with a few ``slogan_link`` words
between, „Parolen wie zum Beispiel „…““), or when it is coordinated with a slogan
(„„…“ und „…““). The speaker is the subject that opens the clause („Die
Demonstranten skandierten …“), the cue its verb; without one („Auf dem Transparent
war die Parole „…“ zu lesen“) the slogan has no speaker. A motto („unter dem Motto
„…““) names an event and stays a name (:mod:`quotecheck.rules.names`).
"""

from __future__ import annotations

from typing import Sequence

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.attribution.nounphrase import can_be_subject, parse_noun_phrase
from quotecheck.lexicon import Lexicon
from quotecheck.ranges import TokenRange
from quotecheck.rules.candidate import Candidate, CueMatch, Evidence
from quotecheck.rules.clauses import classes_at
from quotecheck.rules.quotemarks import QuotedSpan
from quotecheck.verbforms import find_finite

__all__ = ["find_slogans"]


def find_slogans(doc: Doc, lexicon: Lexicon, spans: Sequence[QuotedSpan]) -> tuple[list[Candidate], tuple[QuotedSpan, ...]]:
    """The slogans among the quoted spans direct speech left over, and the spans that are none.

    >>> from quotecheck import Extractor
    >>> from quotecheck.rules.quotemarks import pair_quotation_marks
    >>> ex = Extractor()
    >>> doc = ex.analyse("Die Fans riefen Parolen wie „Wir sind die Stadt“ und „Nie mehr zweite Liga“.")
    >>> found, rest = find_slogans(doc, ex.lexicon, pair_quotation_marks(doc.layer))
    >>> [doc.text[c.content[0].start : c.content[0].end] for c in found], rest
    (['Wir sind die Stadt', 'Nie mehr zweite Liga'], ())
    """
    found: list[Candidate] = []
    rest: list[QuotedSpan] = []
    previous: tuple[QuotedSpan, int] | None = None  # the last slogan and its noun
    for span in sorted(spans, key=lambda s: s.open):
        noun = _slogan_noun_before(doc, lexicon, span) if span.depth == 0 and span.close is not None else None
        if noun is None and previous is not None and span.depth == 0 and _coordinated(doc, lexicon, previous[0], span):
            noun = previous[1]  # „Parolen wie „A“ und „B““: B is a slogan of the same noun
        if noun is None:
            rest.append(span)
            previous = None
            continue
        found.append(_slogan(doc, lexicon, span, noun))
        previous = span, noun
    return found, tuple(rest)


def _slogan_noun_before(doc: Doc, lexicon: Lexicon, span: QuotedSpan) -> int | None:
    """The slogan noun before the opening mark („Parolen wie „…““), past its link words."""
    tokens = doc.tokens
    k = span.open - 1
    links = 0
    while k >= 0 and links < tuning.SLOGAN_LINK_TOKENS and tokens[k].text.lower() in lexicon.pieces.slogan_links:
        k -= 1
        links += 1
    if k >= 0 and tokens[k].kind == "word" and lexicon.pieces.names_a_slogan(tokens[k].text):
        return k
    return _slogan_noun_before_phrase(doc, lexicon, k) if links else None


def _slogan_noun_before_phrase(doc: Doc, lexicon: Lexicon, k: int) -> int | None:
    """„Parolen auf Arabisch wie „…““: the slogan noun before a short prepositional phrase ending at ``k``.

    Only after a link word („wie“): without one, „Plakate in der Stadt „…““ is no list of examples.
    """
    tokens = doc.tokens
    for j in range(k, max(k - tuning.SLOGAN_LINK_TOKENS, 0), -1):
        if tokens[j].kind != "word":
            return None
        if "preposition" in classes_at(doc, lexicon, j):
            noun = j - 1
            return noun if tokens[noun].kind == "word" and lexicon.pieces.names_a_slogan(tokens[noun].text) else None
    return None


def _coordinated(doc: Doc, lexicon: Lexicon, previous: QuotedSpan, span: QuotedSpan) -> bool:
    """„„Frieden jetzt“ und „Nie wieder Krieg““: one coordinator or comma between a slogan and the next span."""
    if previous.close is None or span.open != previous.close + 2:
        return False
    between = doc.tokens[previous.close + 1].text
    return between == "," or between.lower() in lexicon.morph.coordinators


def _slogan(doc: Doc, lexicon: Lexicon, span: QuotedSpan, noun: int) -> Candidate:
    """The direct quote of a slogan; its speaker the subject that opens the clause, if one does."""
    sentence = doc.layer.sentence_index(span.open)
    first = doc.sentences[sentence].first
    found = _slogan_subject(doc, lexicon, first, noun, span)
    subject, cue = found if found is not None else (None, None)
    return Candidate(
        kind="direct",
        content=span.spans,
        sentence=sentence,
        cue=cue,
        frame=TokenRange(first, noun + 1),
        confidence=tuning.DIRECT_SLOGAN,
        speaker_tokens=subject,
        rule="direct.slogan",
        evidence=Evidence(speaker=subject),
    )


def _slogan_subject(doc: Doc, lexicon: Lexicon, first: int, noun: int, span: QuotedSpan) -> tuple[TokenRange, CueMatch] | None:
    """„Die Demonstranten skandierten …“: the noun phrase opening the sentence, and its verb of chanting or writing.

    None for a sentence that opens otherwise („Auf dem Transparent war …“: a
    preposition), whose first noun phrase is no subject, or whose verb does
    something else with the slogan („Der Minister verurteilte Parolen wie „…““:
    the minister's words are not the slogan).
    """
    np = parse_noun_phrase(doc, lexicon, first, noun)
    if np is None or not can_be_subject(np, lexicon) or np.end >= noun:
        return _slogan_subject_after_verb(doc, lexicon, first, noun, span)
    verb = doc.tokens[np.end]
    if verb.kind != "word" or not verb.text[:1].islower():
        return None
    cue = _slogan_verb(doc, lexicon, np.end, span)
    return (TokenRange(np.start, np.end), CueMatch((cue,), doc.lemma(cue))) if cue is not None else None


def _slogan_subject_after_verb(doc: Doc, lexicon: Lexicon, first: int, noun: int, span: QuotedSpan) -> tuple[TokenRange, CueMatch] | None:
    """„Dabei skandierten die Demonstranten Parolen wie „…““: an adverbial, the verb, then its subject.

    The prefield is one constituent (no comma), the finite verb voices, writes or
    carries the slogan, and the subject follows it right before the slogan noun
    („trugen viele Teilnehmer Schilder mit der Aufschrift „…““ reads as one noun
    phrase „viele Teilnehmer Schilder“: no speaker).
    """
    verb = find_finite(doc, lexicon, first, noun)
    if verb is None or verb <= first or any(doc.tokens[k].text in (",", ";", ":") for k in range(first, verb)):
        return None
    cue = _slogan_verb(doc, lexicon, verb, span)
    np = parse_noun_phrase(doc, lexicon, verb + 1, noun) if cue is not None else None
    if cue is None or np is None or np.start != verb + 1 or np.end != noun or not can_be_subject(np, lexicon):
        return None  # the subject stands right before the slogan noun, or the parse is not to be trusted
    return TokenRange(np.start, np.end), CueMatch((cue,), doc.lemma(cue))


def _slogan_verb(doc: Doc, lexicon: Lexicon, finite: int, span: QuotedSpan) -> int | None:
    """The verb that voices, writes or carries the slogan (``slogan_verb``): the finite one, or after a
    finite auxiliary the participle after the slogan („hatten Parolen wie „…“ an die Wand gesprüht“)."""
    pieces = lexicon.pieces
    if doc.lemma(finite) in pieces.slogan_verbs:
        return finite
    if doc.lemma(finite) not in pieces.auxiliaries or span.close is None:
        return None
    last = doc.sentences[doc.layer.sentence_index(span.open)].last
    after = range(span.close + 1, min(last, span.close + 1 + tuning.SLOGAN_VERB_TOKENS))
    return next((k for k in after if doc.tokens[k].kind == "word" and doc.lemma(k) in pieces.slogan_verbs), None)
