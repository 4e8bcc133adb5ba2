"""What every rule shares: the candidate record and cue-word recognition.

Pipeline stage 2 (rules): shared by every rule; the Candidate is the hand-over to stage 3 (attribution).

Rules find *candidates*: content spans with the token ranges where their cue,
speaker and sources are to be looked for. Attribution turns candidates into
:class:`~quotecheck.model.Quote` objects; keeping the two apart means a new rule
never has to know how speakers are resolved.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from attrs import field, frozen

from quotecheck.analysis.base import Doc
from quotecheck import tuning
from quotecheck.lexicon import AccordingTo, Lexicon, SpeechVerb, load_lexicon
from quotecheck.spanindex import SpanIndex
from quotecheck.text import Sentence

__all__ = [
    "Candidate",
    "CueMatch",
    "CLAUSE_BREAKS",
    "SENTENCE_END",
    "char_span",
    "claimed_by_sentence",
    "classes_at",
    "clause_end",
    "is_word",
    "overlaps",
    "word_classes",
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
    confidence: float = tuning.CANDIDATE_DEFAULT
    fragments: tuple[tuple[int, int], ...] = ()
    speaker_tokens: tuple[int, int] | None = None  # token range fixed by the rule itself
    inherit_speaker: bool = False  # no frame of its own: take the previous speaker


def is_word(doc: Doc, index: int) -> bool:
    """Whether token ``index`` is a word: only words can be verbs, particles or names."""
    return doc.tokens[index].kind == "word"


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span of the token range ``[start, end)``: rules work on tokens, quotes on characters."""
    return doc.tokens[start].start, doc.tokens[end - 1].end


def overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    """Whether ``span`` shares a character with any of ``others`` (text another rule claimed)."""
    return any(span[0] < b and a < span[1] for a, b in others)


def claimed_by_sentence(
    doc: Doc, taken: Iterable[tuple[int, int]]
) -> Iterator[tuple[Sentence, list[tuple[int, int]]]]:
    """Each sentence with the claimed spans that overlap it, so a rule skips text an earlier rule took.

    A bisection index, not a scan per sentence, keeps the cost linear.
    """
    claimed = SpanIndex(taken)
    for sentence in doc.sentences:
        yield sentence, claimed.overlapping(sentence.start, sentence.end)


def classes_at(doc: Doc, lexicon: Lexicon, index: int) -> frozenset[str]:
    """The ``clause_words.tsv`` classes of token ``index`` (empty for other words).

    The exact spelling is tried before the lower-case one, so a capitalised
    entry („Das“ as a demonstrative) does not match its lower-case homograph.
    """
    return lexicon.clause.classes(doc.tokens[index].text)


def word_classes(doc: Doc, index: int) -> frozenset[str]:
    """:func:`classes_at` with the packaged lexicon.

    A shim for :mod:`quotecheck.attribution`, which does not take the lexicon's
    clause words yet; the rules call :func:`classes_at` with their lexicon.
    """
    return classes_at(doc, load_lexicon(), index)


def clause_end(doc: Doc, start: int, limit: int, keep: Sequence[tuple[int, int]] = ()) -> int:
    """First token index ≥ ``start`` (and < ``limit``) that ends the clause.

    A clause ends at a quotation mark or a clause-breaking punctuation mark,
    except inside the token ranges ``keep``: a quoted piece with its marks and
    commas is part of the clause around it.
    """
    tokens = doc.tokens
    i = start
    while i < limit:
        tok = tokens[i]
        if (tok.kind == "quote" or tok.kind == "punct" and tok.text in CLAUSE_BREAKS) and not any(
            lo <= i < hi for lo, hi in keep
        ):
            break
        i += 1
    return i




def quoted_titles(doc: Doc, start: int, limit: int) -> list[tuple[int, int]]:
    """Token ranges [open mark, after close mark) of short quoted titles in ``[start, limit)``.

    Passed as ``keep`` to :func:`clause_end`, they let a frame run over a medium's
    name („sagte Brandt der „Wirtschaftswoche“ zufolge“).
    """
    tokens = doc.tokens
    found = []
    i = start
    while i < limit:
        if tokens[i].kind == "quote":
            j = i + 1
            while j < min(limit, i + tuning.TITLE_WORDS + 2) and tokens[j].kind == "word":
                j += 1
            if i + 1 < j < limit and tokens[j].kind == "quote" and tokens[j].start == tokens[j - 1].end:
                found.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return found


def word_count(doc: Doc, start: int, end: int) -> int:
    """Words and numbers in the token range ``[start, end)`` (punctuation and marks do not count)."""
    return sum(1 for k in range(start, end) if doc.tokens[k].kind in ("word", "number"))


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
    bases = lexicon.speech_verbs_by_base.get(lemma, ())
    if entry is None and not bases:
        return None  # most words: no need to look for a particle at the clause end
    end = clause_end(doc, index + 1, limit)
    particle_index = end - 1 if end - 1 > index and is_word(doc, end - 1) else None
    particle = doc.tokens[particle_index].text.lower() if particle_index is not None else None
    if particle and particle in lexicon.particles:
        for verb in bases:
            if verb.particle == particle:
                return CueMatch((index, particle_index), verb.lemma, verb)
        if entry is None or entry.particle is None:
            # „sagte … ab“, „gab … auf“: the particle makes another verb.
            if lexicon.speech_verbs.get(particle + lemma) is None:
                return None
    if index + 1 < limit and doc.tokens[index + 1].text.lower() in lexicon.clause.reflexives:
        # „zeigte sich zufrieden“, „äußerte sich“: the reflexive verb is its own entry
        reflexive = lexicon.speech_verbs.get(f"sich {lemma}")
        if reflexive is not None and reflexive.particle is None:
            return CueMatch((index,), reflexive.lemma, reflexive)
    if entry is not None and (entry.particle is None or entry.particle in word):
        return CueMatch((index,), entry.lemma, entry)
    for verb in bases:
        if verb.particle is None:
            return CueMatch((index,), verb.lemma, verb)
    return None


def find_speech_verb(doc: Doc, lexicon: Lexicon, start: int, end: int) -> CueMatch | None:
    """The first speech verb in the token range ``[start, end)``: the cue of a preposed frame."""
    for i in range(start, end):
        match = match_speech_verb(doc, lexicon, i, end)
        if match is not None:
            return match
    return None


def according_phrase_at(doc: Doc, lexicon: Lexicon, i: int, last: int) -> AccordingTo | None:
    """The longest according-to phrase (``according_to.tsv``) starting at token ``i``, if any."""
    tokens = doc.tokens
    for entry in lexicon.according_index.get(tokens[i].text.lower(), ()):
        words = entry.words
        if i + len(words) > last:
            continue
        if all(tokens[i + k].text.lower() == w.lower() for k, w in enumerate(words)):
            return entry
    return None


def __getattr__(name: str) -> frozenset[str]:
    """``SO_WORDS``, read from the packaged lexicon when asked for (a shim).

    :mod:`quotecheck.attribution` still imports it; the rules read
    ``lexicon.rule_words.so_frame`` of the lexicon they are given.
    """
    if name == "SO_WORDS":
        return load_lexicon().rule_words.so_frame
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
