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
from quotecheck.mentions import function_word_classes, parse_noun_phrase, with_seat
from quotecheck.lexicon import DETERMINER_CLASSES, Lexicon
from quotecheck.morph import clause_mood
from quotecheck.rules.common import (
    SENTENCE_END,
    Candidate,
    according_phrase_at,
    char_span,
    claimed_by_sentence,
    overlaps,
    word_count,
)
from quotecheck.rules.indirect import content_end

__all__ = ["find_according"]



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
    speaker: tuple[int, int] | None,
    confidence: float,
    taken: list[tuple[int, int]],
) -> Candidate | None:
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
        speaker_tokens=speaker,
        inherit_speaker=speaker is None,
    )


def _sentence(doc: Doc, lexicon: Lexicon, first: int, last: int, taken: list[tuple[int, int]]) -> Candidate | None:
    tokens = doc.tokens
    for i in range(first, last):
        tok = tokens[i]
        if tok.kind != "word" or overlaps((tok.start, tok.end), taken):
            continue
        low = tok.text.lower()
        if low in lexicon.rule_words.so_frame:
            speaker = _so_frame(doc, lexicon, i, last)
            if speaker is not None:
                end = speaker[1]
                cand = _make(doc, lexicon, first, i - 1, (i - 1, end), (i, i + 1), speaker, tuning.ACCORDING_SO, taken)
                if cand is not None:
                    return cand
            continue
        entry = according_phrase_at(doc, lexicon, i, last)
        if entry is None or entry.position == "parenthetical" and low != "hieß":
            continue
        n = len(entry.words)
        cue_words = entry.cue.split()
        cue_at = next(k for k in range(i, i + n) if tokens[k].text.lower() == cue_words[0].lower())
        cue = (cue_at, cue_at + len(cue_words))
        speaker = None
        if entry.position == "pre":
            if low == "laut" and (i + 1 >= last or not tokens[i + 1].text[:1].isupper()) and (i + 1 >= last or not lexicon.function_words.get(tokens[i + 1].text.lower(), frozenset()) & DETERMINER_CLASSES):
                continue  # „laut“ the adjective: „laut und deutlich“
            speaker = _source_after(doc, lexicon, i + n, last)
            if speaker is None:
                continue
            if low == "gemäß" and not _names_someone(doc, lexicon, i + n, speaker[1]):
                continue  # „gemäß dem neuen Profil“, „gemäß Artikel 5“: no source
            frame = (i, speaker[1])
        elif entry.position == "post":
            if low != "zufolge":
                continue  # „Angaben zufolge“: handled at „zufolge“ with its whole noun phrase
            speaker = _source_before(doc, lexicon, i, first)
            if speaker is None:
                continue
            frame = (speaker[0], i + 1)
        elif entry.position == "circum":
            frame = (i, i + n)
            if entry.words[0].lower() == "aus" and not (i + n < last and tokens[i + n].text.lower() in ("der", "des", "von", "vom")):
                continue  # „aus Kreisen“ needs whose circles
            if entry.words[0].lower() == "nach" and i + n < last and (
                _opens_owner(lexicon, tokens[i + n].text) or tokens[i + n].text[:1].isupper()
            ):
                speaker = _source_after(doc, lexicon, i + n, last)
                if speaker is not None:
                    frame = (i, speaker[1])
        elif entry.position == "anaphoric":
            if low == "wonach":
                continue  # a relative clause of a preceding noun: left to the indirect rule
            frame = (i, i + n)
        else:  # „…, hieß es.“
            if i == first or tokens[i - 1].text != ",":
                continue
            frame = (i - 1, i + n + (1 if i + n < last and tokens[i + n].text.lower() == "es" else 0))
            cand = _make(doc, lexicon, first, i - 1, frame, cue, None, tuning.ACCORDING_IMPERSONAL, taken)
            if cand is not None:
                return cand
            continue
        cand = _make(doc, lexicon, first, last, frame, cue, speaker, tuning.ACCORDING_PHRASE, taken)
        if cand is not None:
            return cand
    return None


def find_according(doc: Doc, lexicon: Lexicon, taken: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Quotes marked by an according-to phrase, one per sentence at most."""
    out = []
    for sentence, local in claimed_by_sentence(doc, taken):
        if local and _covered(sentence, local):
            continue
        cand = _sentence(doc, lexicon, sentence.first, sentence.last, local)
        if cand is not None:
            out.append(cand)
    return out


def _covered(sentence, spans: list[tuple[int, int]]) -> bool:
    """Whether claimed text already covers most of the sentence."""
    covered = sum(min(b, sentence.end) - max(a, sentence.start) for a, b in spans)
    return covered > tuning.CLAIMED_SHARE * (sentence.end - sentence.start)
