"""What every rule shares: the candidate record and cue-word recognition.

Rules find *candidates*: content spans with the token ranges where their cue,
speaker and sources are to be looked for. Attribution turns candidates into
:class:`~quotecheck.model.Quote` objects; keeping the two apart means a new rule
never has to know how speakers are resolved.
"""

from __future__ import annotations

from attrs import field, frozen

from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon, SpeechVerb

__all__ = [
    "Candidate",
    "CueMatch",
    "CLAUSE_BREAKS",
    "SENTENCE_END",
    "clause_end",
    "is_word",
    "match_speech_verb",
    "find_speech_verb",
]

#: Punctuation that ends a clause for the purpose of finding a verb's particle.
CLAUSE_BREAKS = frozenset(",;:.!?…()[]–—")
SENTENCE_END = frozenset(".!?…")


@frozen
class CueMatch:
    """A speech verb found in the text: its token(s) and lexicon entry."""

    tokens: tuple[int, ...]
    lemma: str
    verb: SpeechVerb | None = None


@frozen
class Candidate:
    """A quote before attribution.

    ``frame`` is the token range ``[start, end)`` of the introducing clause
    (where the speaker and sources are sought); ``frame_extra`` holds further
    ranges for quotes whose frame is split (interrupted quotes).
    """

    kind: str
    content: tuple[tuple[int, int], ...] = field(converter=tuple)  # character spans
    sentence: int
    cue: CueMatch | None = None
    cue_spans: tuple[tuple[int, int], ...] | None = None  # for cues that are not verbs (colon, laut …)
    frame: tuple[int, int] | None = None  # token range
    mood: str | None = None
    confidence: float = 0.8
    fragments: tuple[tuple[int, int], ...] = ()
    speaker_tokens: tuple[int, int] | None = None  # token range fixed by the rule itself
    inherit_speaker: bool = False  # no frame of its own: take the previous speaker


def is_word(doc: Doc, index: int) -> bool:
    return doc.tokens[index].kind == "word"


def clause_end(doc: Doc, start: int, limit: int) -> int:
    """First token index ≥ ``start`` (and < ``limit``) that ends the clause."""
    tokens = doc.tokens
    i = start
    while i < limit and not (tokens[i].kind in ("punct", "quote") and tokens[i].text in CLAUSE_BREAKS) and tokens[i].kind != "quote":
        i += 1
    return i


def _lower_candidate(doc: Doc, index: int) -> bool:
    """Verbs are lower case, except at the start of a sentence or after a quote mark."""
    tok = doc.tokens[index]
    if tok.kind != "word":
        return False
    if tok.text[:1].islower():
        return True
    sent = doc.sentences[doc.layer.sentence_index(index)]
    previous = index - 1
    return index == sent.first or (previous >= 0 and doc.tokens[previous].kind in ("quote", "punct"))


def match_speech_verb(doc: Doc, lexicon: Lexicon, index: int, limit: int) -> CueMatch | None:
    """The speech verb at token ``index``, with its separated particle if any.

    „fügte … hinzu“ is found by looking for the particle at the end of the clause
    (before ``limit``); a particle that makes a verb outside the lexicon („sagte
    den Termin ab“) means the word is not a speech verb here.
    """
    if not _lower_candidate(doc, index):
        return None
    word = doc.tokens[index].text.lower()
    lemma = doc.lemma(index).lower()
    entry = lexicon.speech_verbs.get(lemma) or lexicon.speech_verbs.get(word)
    end = clause_end(doc, index + 1, limit)
    particle_index = end - 1 if end - 1 > index and is_word(doc, end - 1) else None
    particle = doc.tokens[particle_index].text.lower() if particle_index is not None else None
    bases = lexicon.speech_verbs_by_base.get(lemma, ())
    if particle and particle in lexicon.particles:
        for verb in bases:
            if verb.particle == particle:
                return CueMatch((index, particle_index), verb.lemma, verb)
        if entry is None or entry.particle is None:
            # „sagte … ab“, „gab … auf“: the particle makes another verb.
            if lexicon.speech_verbs.get(particle + lemma) is None:
                return None
    if entry is not None and (entry.particle is None or entry.particle in word):
        return CueMatch((index,), entry.lemma, entry)
    for verb in bases:
        if verb.particle is None:
            return CueMatch((index,), verb.lemma, verb)
    return None


def find_speech_verb(
    doc: Doc, lexicon: Lexicon, start: int, end: int, limit: int | None = None
) -> CueMatch | None:
    """The first speech verb in the token range ``[start, end)``."""
    limit = end if limit is None else limit
    for i in range(start, end):
        match = match_speech_verb(doc, lexicon, i, limit)
        if match is not None:
            return match
    return None
