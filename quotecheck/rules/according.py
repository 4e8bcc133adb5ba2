"""According-to phrases: „laut X“, „X zufolge“, „nach Angaben der X“, „…, so X.“

Pipeline stage 2 (rules), after direct and indirect speech.

The phrase list is data (``data/de/according_to.tsv``); its ``position`` column
says where the source X stands:

* ``pre``: after the phrase („laut der Polizei“, „unter Berufung auf Kreise“);
* ``post``: before it („der Polizei zufolge“);
* ``circum``: after the phrase when a genitive or von-phrase follows („nach
  Angaben der Polizei“), else nowhere („nach eigenen Angaben“, „seiner Meinung
  nach“: the speaker is the one talked about before);
* ``anaphoric``: never named („demnach“, „dem Bericht zufolge“): the speaker is
  inherited from the previous quote;
* ``parenthetical``: „…, so der Minister.“ and „…, hieß es.“ after the content.

The content is the rest of the clause the phrase stands in: the whole sentence
without the phrase (two spans when the phrase stands inside it). A phrase inside
a speech-verb frame („berichtete unter Berufung auf X, dass …“) names a source of
that quote; such text is ``taken`` and skipped here.
"""

from __future__ import annotations

from typing import Iterable

from quotecheck.analysis.base import Doc
from quotecheck import tuning
from quotecheck.lexicon import DETERMINER_CLASSES, AccordingTo, Lexicon
from quotecheck.attribution.nounphrase import function_word_classes, parse_noun_phrase, with_seat
from quotecheck.morph import clause_mood
from quotecheck.ranges import CharSpan, TokenRange
from quotecheck.rules.candidate import Candidate, Evidence, char_span, overlaps
from quotecheck.rules.clauses import SENTENCE_END, word_count
from quotecheck.rules.content import content_end
from quotecheck.rules.cues import according_phrase_at
from quotecheck.rules.pipeline import Claims
from quotecheck.text import Sentence

__all__ = ["AccordingRule", "find_according"]


def _opens_owner(lexicon: Lexicon, word: str) -> bool:
    """Whether ``word`` after „nach Angaben“ opens its owner („der Polizei“, „seines Anwalts“, „von“)."""
    low = word.lower()
    words = lexicon.rule_words
    return "source_prep" in lexicon.words.classes(low) or low in words.genitive or low in words.genitive_or_dative


def _source_after(doc: Doc, lexicon: Lexicon, start: int, last: int) -> tuple[int, int] | None:
    """The source noun phrase starting at ``start``, with von-/genitive attachments."""
    tokens = doc.tokens
    if start < last and "source_prep" in function_word_classes(lexicon, tokens[start].text):
        start += 1
    np = parse_noun_phrase(doc, lexicon, start, last)
    if np is None:
        return None
    end = with_seat(doc, lexicon, np, last).end  # „des Instituts für Weltwirtschaft in Kiel“
    # „Oberst Franz Polzer vom niederösterreichischen Landeskriminalamt“
    while end < last and tokens[end].text.lower() in lexicon.rule_words.source_attachment:
        more = parse_noun_phrase(doc, lexicon, end + 1, last) if tokens[end].text.lower() not in ("der", "des") else parse_noun_phrase(doc, lexicon, end, last)
        if more is None or more.end <= end + 1:
            break
        end = more.end
    return start, end


def _source_before(doc: Doc, lexicon: Lexicon, end: int, floor: int) -> tuple[int, int] | None:
    """The longest noun phrase ending right before token ``end`` („der Polizei“ zufolge)."""
    for k in range(max(floor, end - tuning.SOURCE_BEFORE_TOKENS), end):
        np = parse_noun_phrase(doc, lexicon, k, end)
        if np is not None and np.end == end:
            return k, end
    return None


def _names_someone(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether the noun phrase at ``start`` names a person, a role or an organisation."""
    np = parse_noun_phrase(doc, lexicon, start, end)
    if np is None:
        return False
    if np.name_tokens or np.role is not None:
        return doc.tokens[start].text.lower() not in lexicon.rule_words.legal_reference
    return any(lexicon.organization(doc.tokens[k].text) is not None for k in range(start, end))


def _so_frame(doc: Doc, lexicon: Lexicon, i: int, last: int) -> tuple[int, int] | None:
    """„…, so der Minister.“: ``i`` is „so“ after a comma; returns the speaker range."""
    tokens = doc.tokens
    if i == 0 or tokens[i - 1].text != ",":
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, last)
    if np is None:
        return None
    np = with_seat(doc, lexicon, np, last)  # „so das Präsidialamt in Taipeh, wie …“
    rest = np.end
    while rest < last and tokens[rest].text in SENTENCE_END:
        rest += 1
    # the frame must end the sentence or run into another parenthetical
    if rest < last and tokens[rest].text not in (",", ";"):
        tail = [t for t in tokens[np.end:last] if t.kind == "word"]
        if len(tail) > tuning.SO_FRAME_TAIL_WORDS or any(t.text.lower() in lexicon.konjunktiv for t in tail):
            return None
    return i + 1, np.end


def _content_spans(doc: Doc, lexicon: Lexicon, first: int, last: int, frame: tuple[int, int]) -> list[tuple[int, int]]:
    """Token ranges of the sentence's content around the frame."""
    ranges = []
    if frame[0] > first:
        end = frame[0]
        while end > first and doc.tokens[end - 1].text in (",", "(", "–", "—"):
            end -= 1
        if end > first:
            ranges.append((first, end))
    start = frame[1]
    while start < last and doc.tokens[start].text in (",", ")", "–", "—"):
        start += 1
    if start < last:
        stop = content_end(doc, lexicon, start, last)
        if stop > start:
            ranges.append((start, stop))
    return ranges


def _make(
    doc: Doc,
    lexicon: Lexicon,
    first: int,
    last: int,
    frame: tuple[int, int],
    cue: tuple[int, int],
    confidence: float,
    rule: str,
    evidence: Evidence,
    taken: list[CharSpan],
) -> Candidate | None:
    """The quote of the frame: the rest of the clause around it, unless too short or claimed.

    The speaker is the one the evidence names; without one it is inherited.
    """
    ranges = _content_spans(doc, lexicon, first, last, frame)
    words = sum(word_count(doc, a, b) for a, b in ranges)
    if words < 3:
        return None
    spans = [char_span(doc, a, b) for a, b in ranges]
    if any(overlaps(s, taken) for s in spans):
        return None
    mood, _ = clause_mood(doc, lexicon, ranges[-1][0], ranges[-1][1])
    if mood is None and len(ranges) > 1:
        mood, _ = clause_mood(doc, lexicon, ranges[0][0], ranges[0][1])
    return Candidate(
        kind="indirect",
        content=spans,
        sentence=doc.layer.sentence_index(ranges[0][0]),
        cue_spans=(char_span(doc, *cue),),
        frame=frame,
        mood=mood,
        confidence=confidence,
        speaker_tokens=evidence.speaker,
        inherit_speaker=evidence.speaker is None,
        rule=rule,
        evidence=evidence,
    )


def _sentence(doc: Doc, lexicon: Lexicon, first: int, last: int, taken: list[CharSpan]) -> Candidate | None:
    """The first according-to quote of the sentence ``[first, last)``, outside the claimed text."""
    tokens = doc.tokens
    so_words, first_words = lexicon.rule_words.so_frame, lexicon.according_index
    for i in range(first, last):
        tok = tokens[i]
        if tok.kind != "word" or overlaps((tok.start, tok.end), taken):
            continue
        low = tok.text.lower()
        if low in so_words:
            cand = _so_quote(doc, lexicon, i, first, last, taken)
        elif low in first_words:  # the first word of an according-to phrase: most words are none
            cand = _phrase_quote(doc, lexicon, i, first, last, taken)
        else:
            continue
        if cand is not None:
            return cand
    return None


def _so_quote(doc: Doc, lexicon: Lexicon, i: int, first: int, last: int, taken: list[CharSpan]) -> Candidate | None:
    """„Die Lage sei ernst, so der Minister.“: the content before the so-frame at ``i``."""
    speaker = _so_frame(doc, lexicon, i, last)
    if speaker is None:
        return None
    evidence = Evidence("so", TokenRange(*speaker))
    return _make(doc, lexicon, first, i - 1, (i - 1, speaker[1]), (i, i + 1), tuning.ACCORDING_SO, "according.so", evidence, taken)


def _phrase_quote(doc: Doc, lexicon: Lexicon, i: int, first: int, last: int, taken: list[CharSpan]) -> Candidate | None:
    """The quote of an according-to phrase (``according_to.tsv``) starting at token ``i``, if any."""
    tokens = doc.tokens
    entry = according_phrase_at(doc, lexicon, i, last)
    if entry is None:
        return None
    n = len(entry.words)
    cue_words = entry.cue.split()
    cue_at = next(k for k in range(i, i + n) if tokens[k].text.lower() == cue_words[0].lower())
    cue = (cue_at, cue_at + len(cue_words))
    if entry.position == "parenthetical":
        return _impersonal_quote(doc, lexicon, entry, i, first, last, cue, taken)
    found = _READ_AT[entry.position](doc, lexicon, entry, i, first, last)
    if found is None:
        return None
    frame, speaker = found
    evidence = Evidence("according", None if speaker is None else TokenRange(*speaker), entry)
    rule = _RULE_OF_POSITION[entry.position]
    return _make(doc, lexicon, first, last, frame, cue, tuning.ACCORDING_PHRASE, rule, evidence, taken)


#: A frame (token range) and the speaker named in it, if any.
_Frame = tuple[tuple[int, int], tuple[int, int] | None]


def _source_first(doc: Doc, lexicon: Lexicon, entry: AccordingTo, i: int, first: int, last: int) -> _Frame | None:
    """Position ``pre``: the source follows („laut der Polizei“, „unter Berufung auf Kreise“)."""
    tokens = doc.tokens
    low = tokens[i].text.lower()
    n = len(entry.words)
    if low == "laut" and (i + 1 >= last or not tokens[i + 1].text[:1].isupper()) and (
        i + 1 >= last or not lexicon.function_words.get(tokens[i + 1].text.lower(), frozenset()) & DETERMINER_CLASSES
    ):
        return None  # „laut“ the adjective: „laut und deutlich“
    speaker = _source_after(doc, lexicon, i + n, last)
    if speaker is None:
        return None
    if low == "gemäß" and not _names_someone(doc, lexicon, i + n, speaker[1]):
        return None  # „gemäß dem neuen Profil“, „gemäß Artikel 5“: no source
    return (i, speaker[1]), speaker


def _source_last(doc: Doc, lexicon: Lexicon, entry: AccordingTo, i: int, first: int, last: int) -> _Frame | None:
    """Position ``post``: the source precedes („der Polizei zufolge“)."""
    if doc.tokens[i].text.lower() != "zufolge":
        return None  # „Angaben zufolge“: handled at „zufolge“ with its whole noun phrase
    speaker = _source_before(doc, lexicon, i, first)
    if speaker is None:
        return None
    return (speaker[0], i + 1), speaker


def _source_around(doc: Doc, lexicon: Lexicon, entry: AccordingTo, i: int, first: int, last: int) -> _Frame | None:
    """Position ``circum``: an owner may follow („nach Angaben der Polizei“, „nach eigenen Angaben“)."""
    tokens = doc.tokens
    n = len(entry.words)
    frame = (i, i + n)
    if entry.words[0].lower() == "aus" and not (i + n < last and tokens[i + n].text.lower() in ("der", "des", "von", "vom")):
        return None  # „aus Kreisen“ needs whose circles
    if entry.words[0].lower() == "nach" and i + n < last and (
        _opens_owner(lexicon, tokens[i + n].text) or tokens[i + n].text[:1].isupper()
    ):
        speaker = _source_after(doc, lexicon, i + n, last)
        if speaker is not None:
            return (i, speaker[1]), speaker
    return frame, None


def _no_source(doc: Doc, lexicon: Lexicon, entry: AccordingTo, i: int, first: int, last: int) -> _Frame | None:
    """Position ``anaphoric``: no source named („demnach“, „dem Bericht zufolge“)."""
    if doc.tokens[i].text.lower() == "wonach":
        return None  # a relative clause of a preceding noun: left to the indirect rule
    return (i, i + len(entry.words)), None


#: The construction name of each position of ``according_to.tsv``.
_RULE_OF_POSITION = {
    "pre": "according.preposition",
    "post": "according.postposition",
    "circum": "according.noun_phrase",
    "anaphoric": "according.anaphoric",
}
#: How each position of ``according_to.tsv`` reads a phrase's frame and source.
_READ_AT = {
    "pre": _source_first,
    "post": _source_last,
    "circum": _source_around,
    "anaphoric": _no_source,
}


def _impersonal_quote(
    doc: Doc,
    lexicon: Lexicon,
    entry: AccordingTo,
    i: int,
    first: int,
    last: int,
    cue: tuple[int, int],
    taken: list[CharSpan],
) -> Candidate | None:
    """Position ``parenthetical``: „…, hieß es.“ after the content, no speaker."""
    tokens = doc.tokens
    if tokens[i].text.lower() != "hieß" or i == first or tokens[i - 1].text != ",":
        return None
    n = len(entry.words)
    frame = (i - 1, i + n + (1 if i + n < last and tokens[i + n].text.lower() == "es" else 0))
    evidence = Evidence("impersonal", None, entry)
    return _make(doc, lexicon, first, i - 1, frame, cue, tuning.ACCORDING_IMPERSONAL, "according.impersonal", evidence, taken)


def find_according(doc: Doc, lexicon: Lexicon, taken: Claims | Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Quotes marked by an according-to phrase, one per sentence at most.

    ``taken`` is the text earlier rules claimed (their :class:`Claims`, or character spans).
    """
    out = []
    for sentence, local in Claims.of(doc, taken).by_sentence():
        if local and _covered(sentence, local):
            continue
        cand = _sentence(doc, lexicon, sentence.first, sentence.last, local)
        if cand is not None:
            out.append(cand)
    return out


def _covered(sentence: Sentence, spans: list[CharSpan]) -> bool:
    """Whether claimed text already covers most of the sentence."""
    covered = sum(min(b, sentence.end) - max(a, sentence.start) for a, b in spans)
    return covered > tuning.CLAIMED_SHARE * (sentence.end - sentence.start)


class AccordingRule:
    """According-to phrases (:func:`find_according`): after reported acts.

    A speech act told as an event claims its sentence before an according-to phrase
    in it does („Malenkow nannte die Forderungen laut Interfax „unrealistisch““:
    Malenkow speaks, Interfax is a source), so this rule comes after
    :class:`~quotecheck.rules.reported.ReportedRule`.
    """

    name = "according"
    requires = frozenset({"lemmas"})
    claims_frames = True

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]:
        return find_according(doc, lexicon, claims)
