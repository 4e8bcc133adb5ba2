"""Direct speech: quoted text that is someone's words, with its frame.

Pipeline stage 2 (rules), first rule: its quotes are claimed text for the later rules.

Not every quoted string is speech. A quoted span counts as direct speech when

* a frame introduces it (``Er sagte: „…“``, ``Merkel: „…“``) or follows it
  (``„…“, sagte Kim.``, ``„…“, so der Minister.``), and it is more than a lone
  word; or
* it stands alone at the start of a sentence and is sentence-like (several
  words, or ending in sentence punctuation): then it continues the previous
  speaker.

A short quoted piece inside a clause („Morning Star“, das „moderne neue
Nazismus“) is not direct speech: it is left for the other rules, which make it a
``fragment`` of an indirect or reported quote, or ignore it as a title or scare
quote.
"""

from __future__ import annotations

from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck import tuning
from quotecheck.lexicon import Lexicon
from quotecheck.rules.common import (
    SENTENCE_END,
    Candidate,
    CueMatch,
    char_span,
    find_speech_verb,
    match_speech_verb,
    quoted_titles,
    word_count,
)
from quotecheck.rules.quotemarks import QuotedSpan, pair_quotation_marks

__all__ = ["DirectResult", "find_direct"]

#: Valencies that mark a verb as able to introduce a verbatim quote.
_DIRECT_VALENCY = frozenset({"direct", "colon"})
#: Function-word classes that can start the speaker after „so“.
_SUBJECT_STARTS = frozenset({"det", "possessive", "pronoun"})


@frozen
class DirectResult:
    """Direct quotes found, and the quoted spans that are not direct speech."""

    quotes: tuple[Candidate, ...]
    other_spans: tuple[QuotedSpan, ...]


def _word_count(doc: Doc, span: QuotedSpan) -> int:
    close = span.close if span.close is not None else _last_token(doc, span.end)
    return word_count(doc, span.open + 1, close)


def _last_token(doc: Doc, char: int) -> int:
    index = doc.layer.token_at(max(char - 1, 0))
    return (index + 1) if index is not None else len(doc.tokens)


def _ends_like_a_sentence(doc: Doc, span: QuotedSpan) -> bool:
    content = doc.text[span.start : span.end]
    return bool(content) and content[-1] in SENTENCE_END


def _after_frame(doc: Doc, lexicon: Lexicon, span: QuotedSpan) -> tuple[tuple[int, int], CueMatch | None, tuple[int, int] | None] | None:
    """A postposed frame: „…“, sagte er / „…“, so der Minister / „…“, hieß es.

    Returns the frame's token range, the verb cue (or None) and, for „so“, the
    cue token range.
    """
    if span.close is None:
        return None
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(span.close)]
    i = span.close + 1
    if i < sentence.last and tokens[i].text == ",":
        i += 1
    elif not _ends_like_a_sentence(doc, span):
        # „BBC News“ berichtet …: a quoted name as the subject. Direct speech is
        # separated from its frame by a comma, or ends in ?/!/. itself.
        return None
    if i >= sentence.last or tokens[i].kind != "word":
        return None
    end = i
    # „sagte sie der „Süddeutschen Zeitung““: a title after an article belongs to the frame
    # (a quote after a comma is the second part of an interrupted quote)
    titles = [(a, b) for a, b in quoted_titles(doc, i, sentence.last) if tokens[a - 1].kind == "word"]
    while end < sentence.last and not (
        tokens[end].kind == "quote" and not any(a <= end < b for a, b in titles) or tokens[end].text in SENTENCE_END
    ):
        end += 1
    frame_end = end
    if end < sentence.last and tokens[end].kind == "quote" and end > i and tokens[end - 1].text == ",":
        frame_end = end  # keep the comma before an interruption's second part
    word = tokens[i].text.lower()
    if word in lexicon.rule_words.so_frame:
        if not _so_subject(doc, lexicon, i + 1, end):
            return None
        return (i, frame_end), None, (i, i + 1)
    cue = match_speech_verb(doc, lexicon, i, end)
    if cue is None and word in lexicon.rule_words.impersonal_speech:
        cue = CueMatch((i,), "heißen")
    if cue is None or not _frames_direct_speech(cue):
        return None
    return (i, frame_end), cue, None


def _opens_utterance(doc: Doc, span: QuotedSpan, sentence: int) -> bool:
    """The quote starts its sentence, or follows a colon („… zufrieden: „Gut“, sagte er.“)."""
    first = doc.sentences[sentence].first
    return span.open == first or (span.open > first and doc.tokens[span.open - 1].text == ":")


def _direct_verb(doc: Doc, lexicon: Lexicon, start: int, end: int) -> CueMatch | None:
    """The verb in ``[start, end)`` that introduces the verbatim quote after it.

    The clause next to the colon is searched first: in „Wie die Zeitung meldete,
    soll er gesagt haben: „…““ the first speech verb belongs to the source's
    clause; the quote's verb is „gesagt“. Then the whole range, for „Er sagte,
    sichtlich bewegt: „…““. Weak verbs that cannot introduce a quote are skipped.
    """
    last_comma = next((i for i in range(end - 1, start - 1, -1) if doc.tokens[i].text == ","), None)
    ranges = [(last_comma + 1, end)] if last_comma is not None else []
    for first, stop in (*ranges, (start, end)):
        for i in range(first, stop):
            cue = match_speech_verb(doc, lexicon, i, end)
            if cue is not None and _frames_direct_speech(cue):
                return cue
    return None


def _sentence_like(doc: Doc, span: QuotedSpan) -> bool:
    """Content that reads as an utterance rather than a title or a name."""
    return _ends_like_a_sentence(doc, span) or _word_count(doc, span) >= tuning.EMBEDDED_WORDS


def _label(doc: Doc, start: int, colon: int) -> bool:
    """A short speaker label before a colon: „Merkel:“, „Bundestrainerin Eva Roth:“.

    A whole clause before the colon („… findet ein Festival statt:“) is not a
    label; without a speech verb, only sentence-like content makes it a quote.
    """
    if colon - start > tuning.LABEL_TOKENS or colon <= start:
        return False
    last = doc.tokens[colon - 1]
    return (last.kind == "word" and last.text[:1].isupper()) or last.text == ")"


def _so_subject(doc: Doc, lexicon: Lexicon, i: int, end: int) -> bool:
    """Whether „so“ is followed by its speaker („so der Minister“, „so Roth“, „so er“).

    „…“, so lautet der Titel / so heißt es: a lower-case verb after „so“ makes
    it an adverb, not the according-to „so“.
    """
    if i >= end or doc.tokens[i].kind != "word":
        return False
    word = doc.tokens[i].text
    if word[:1].isupper():
        return True
    classes = lexicon.function_words.get(word.lower(), frozenset())
    return bool(classes & _SUBJECT_STARTS) or word.lower() in lexicon.pronouns


def _frames_direct_speech(cue: CueMatch) -> bool:
    """Whether the verb can introduce a verbatim quote.

    The lexicon says so in its valency (``direct``/``colon``); a verb without it
    still counts when it reliably denotes speech („kritisierte“), but weak
    opinion verbs („finden“, „sehen“) do not: „„A Bigger Bang“ sahen …“.
    """
    verb = cue.verb
    if verb is None:
        return True
    return bool(verb.valency & _DIRECT_VALENCY) or verb.strength >= tuning.RELIABLE_SPEECH


def _before_frame(doc: Doc, lexicon: Lexicon, span: QuotedSpan, floor: int) -> tuple[tuple[int, int], CueMatch | None, tuple[int, int] | None] | None:
    """A preposed frame ending in a colon or comma: Er sagte: „…“ / Merkel: „…“."""
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(span.open)]
    start = max(sentence.first, floor)
    if span.open <= start:
        return None
    last = tokens[span.open - 1]
    if last.text == ":":
        cue = _direct_verb(doc, lexicon, start, span.open - 1)
        if cue is None and not (_sentence_like(doc, span) or _label(doc, start, span.open - 1)):
            return None
        colon = (span.open - 1, span.open)
        return (start, span.open), cue, (None if cue else colon)
    if last.text == ",":
        cue = find_speech_verb(doc, lexicon, start, span.open - 1)
        if cue is not None:
            return (start, span.open), cue, None
    if last.kind == "word" and last.text[:1].islower() and _ends_like_a_sentence(doc, span):
        # „Der Analyst kommentierte „Die Erwartungen sind zu hoch.““: a sentence right after its verb
        cue = match_speech_verb(doc, lexicon, span.open - 1, span.open)
        if cue is not None and cue.verb is not None and "direct" in cue.verb.valency:
            return (start, span.open), cue, None
    return None


def _answer(doc: Doc, span: QuotedSpan, after: tuple[tuple[int, int], CueMatch | None, tuple[int, int] | None]) -> bool:
    """A one-word quote that opens its sentence and is followed by comma + speech verb.

    „Nein“, sagte Roth. is an answer; „Bild“ berichtete … (no comma) is a title,
    and so is a one-word quote followed by anything but a speech verb.
    """
    if span.close is None or after[1] is None:
        return False
    sentence = doc.sentences[doc.layer.sentence_index(span.open)]
    tokens = doc.tokens
    return span.open == sentence.first and span.close + 1 < len(tokens) and tokens[span.close + 1].text == ","


def _interruption(doc: Doc, frame: tuple[int, int], nxt: QuotedSpan | None) -> bool:
    """Whether the next quoted span continues this one after the frame („…“, sagte er, „…“)."""
    if nxt is None or frame[1] >= len(doc.tokens):
        return False
    tokens = doc.tokens
    return nxt.open == frame[1] and tokens[frame[1] - 1].text == ","


def find_direct(doc: Doc, lexicon: Lexicon) -> DirectResult:
    """Direct quotes of a document, and the quoted spans left for other rules."""
    spans = [s for s in pair_quotation_marks(doc.layer) if s.end > s.start]
    top = [s for s in spans if s.depth == 0]
    nested = [s for s in spans if s.depth > 0]
    quotes: list[Candidate] = []
    others: list[QuotedSpan] = []
    floor = 0  # tokens before this belong to an earlier quote's frame
    i = 0
    while i < len(top):
        first = i
        span = top[i]
        nxt = top[i + 1] if i + 1 < len(top) else None
        before = _before_frame(doc, lexicon, span, floor)
        after = _after_frame(doc, lexicon, span)
        words = _word_count(doc, span)
        sentence = doc.layer.sentence_index(span.open)
        at_start = _opens_utterance(doc, span, sentence) or before is not None
        content = list(span.spans)
        frame = cue = cue_spans = None
        if after is not None and at_start:
            frame, cue, cue_spans = after
            if _interruption(doc, frame, nxt):
                content.extend(nxt.spans)
                span = nxt
                i += 1
        elif before is not None:
            frame, cue, cue_spans = before
        framed = frame is not None and (
            words >= 2 or _ends_like_a_sentence(doc, span) or (after is not None and _answer(doc, span, after))
        )
        standalone = (
            frame is None
            and at_start
            and (words >= tuning.STANDALONE_WORDS or (words >= 2 and _ends_like_a_sentence(doc, span)))
        )
        embedded_long = frame is None and words >= tuning.EMBEDDED_WORDS and _ends_like_a_sentence(doc, span)
        if not (framed or standalone or embedded_long):
            others.extend(top[first : i + 1])  # both parts of a rejected interrupted quote
            i += 1
            continue
        if frame is not None:
            floor = frame[1]
        confidence = tuning.DIRECT_FRAMED if framed else tuning.DIRECT_UNFRAMED
        if span.unbalanced:
            confidence -= tuning.UNBALANCED_PENALTY
        quotes.append(
            Candidate(
                kind="direct",
                content=content,
                sentence=sentence,
                cue=cue,
                cue_spans=None if cue_spans is None else (char_span(doc, *cue_spans),),
                frame=frame,
                confidence=confidence,
                inherit_speaker=frame is None,
            )
        )
        i += 1
    return DirectResult(tuple(quotes), tuple(others) + tuple(nested))
