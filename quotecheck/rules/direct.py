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

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.ranges import TokenRange
from quotecheck.rules.candidate import NO_EVIDENCE, Candidate, CueMatch, Evidence, char_span
from quotecheck.rules.clauses import SENTENCE_END, title_after, word_count
from quotecheck.rules.content import piece_opens_clause
from quotecheck.rules.cues import find_speech_verb, match_speech_verb
from quotecheck.rules.names import without_names
from quotecheck.rules.pipeline import Claims
from quotecheck.rules.quotemarks import QuotedSpan, pair_quotation_marks
from quotecheck.rules.slogans import find_slogans

__all__ = ["DirectResult", "DirectRule", "find_direct"]

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


@frozen
class _Frame:
    """A frame of direct speech: its tokens, its verb, and a cue that is no verb („so“, a colon).

    ``name`` is its construction (:data:`~quotecheck.rules.candidate.RULE_NAMES`),
    ``kind`` its frame kind; ``speaker`` a speaker label the rule read („Merkel:“).
    """

    range: TokenRange
    name: str
    kind: str
    cue: CueMatch | None = None
    cue_range: TokenRange | None = None
    speaker: TokenRange | None = None


def _after_frame(doc: Doc, lexicon: Lexicon, span: QuotedSpan) -> _Frame | None:
    """A postposed frame: „…“, sagte er / „…“, so der Minister / „…“, hieß es."""
    found = _after_frame_tokens(doc, span)
    if found is None:
        return None
    i, end = found
    word = doc.tokens[i].text.lower()
    if word in lexicon.rule_words.so_frame:
        if not _so_subject(doc, lexicon, i + 1, end):
            return None
        return _Frame(TokenRange(i, end), "direct.so_after", "so", None, TokenRange(i, i + 1))
    cue = match_speech_verb(doc, lexicon, i, end)
    if cue is None and word in lexicon.rule_words.impersonal_speech:
        return _Frame(TokenRange(i, end), "direct.impersonal_after", "impersonal", CueMatch((i,), min(lexicon.rule_words.impersonal_lemma, default=doc.lemma(i))))
    if cue is None or not _frames_direct_speech(cue):
        return None
    return _Frame(TokenRange(i, end), "direct.frame_after", "verb", cue)


def _after_frame_tokens(doc: Doc, span: QuotedSpan) -> tuple[int, int] | None:
    """The first word after the closing mark (and a comma) and the end of the clause it opens.

    The clause ends at a quotation mark (the second part of an interrupted quote,
    its comma kept in the frame), at sentence punctuation or after
    :data:`~quotecheck.tuning.FRAME_AFTER_TOKENS` tokens; a short quoted title
    after a word belongs to the frame („sagte sie der „Süddeutschen Zeitung““).
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
    # Up to the sentence end or a quotation mark, over quoted titles after a word
    # („sagte er der „Zeit““); titles are looked for only as far as the walk goes
    # (as :func:`quoted_titles` would find them from ``i``), not to the sentence
    # end for every quote of a sentence of quotes.
    end = i
    last = min(sentence.last, i + tuning.FRAME_AFTER_TOKENS)
    while end < last:
        tok = tokens[end]
        if tok.kind == "quote":
            after = title_after(doc, end, last)
            if after is None or tokens[end - 1].kind != "word":
                break
            end = after
            continue
        if tok.text in SENTENCE_END:
            break
        end += 1
    return i, end


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


def _before_frame(doc: Doc, lexicon: Lexicon, span: QuotedSpan, floor: int) -> _Frame | None:
    """A preposed frame ending in a colon or comma: Er sagte: „…“ / Merkel: „…“."""
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(span.open)]
    start = max(sentence.first, floor)
    if span.open <= start:
        return None
    last = tokens[span.open - 1]
    if last.text == ":":
        cue = _direct_verb(doc, lexicon, start, span.open - 1)
        if cue is not None:
            return _Frame(TokenRange(start, span.open), "direct.frame_before", "verb", cue)
        label = _label(doc, start, span.open - 1)
        if not (_sentence_like(doc, span) or label):
            return None
        colon = TokenRange(span.open - 1, span.open)
        speaker = TokenRange(start, span.open - 1) if label else None
        return _Frame(TokenRange(start, span.open), "direct.label", "colon", None, colon, speaker)
    if last.text == "," and not piece_opens_clause(doc, lexicon, span.open):
        cue = find_speech_verb(doc, lexicon, start, span.open - 1)
        if cue is not None:
            return _Frame(TokenRange(start, span.open), "direct.frame_before", "verb", cue)
    if last.kind == "word" and last.text.lower() in lexicon.rule_words.quote_introducer and _sentence_like(doc, span):
        # „Die Zeitung zitierte den Minister mit den Worten „…““: as after a colon
        cue = _direct_verb(doc, lexicon, start, span.open - 1)
        if cue is not None:
            return _Frame(TokenRange(start, span.open), "direct.frame_before", "verb", cue)
    if last.kind == "word" and last.text[:1].islower() and _ends_like_a_sentence(doc, span):
        # „Der Analyst kommentierte „Die Erwartungen sind zu hoch.““: a sentence right after its verb
        cue = match_speech_verb(doc, lexicon, span.open - 1, span.open)
        if cue is not None and cue.verb is not None and "direct" in cue.verb.valency:
            return _Frame(TokenRange(start, span.open), "direct.frame_before", "verb", cue)
    return None


def _answer(doc: Doc, span: QuotedSpan, after: _Frame) -> bool:
    """A one-word quote that opens its sentence and is followed by comma + speech verb.

    „Nein“, sagte Roth. is an answer; „Bild“ berichtete … (no comma) is a title,
    and so is a one-word quote followed by anything but a speech verb.
    """
    if span.close is None or after.cue is None:
        return False
    sentence = doc.sentences[doc.layer.sentence_index(span.open)]
    tokens = doc.tokens
    return span.open == sentence.first and span.close + 1 < len(tokens) and tokens[span.close + 1].text == ","


def _interruption(doc: Doc, frame: TokenRange, nxt: QuotedSpan | None) -> bool:
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
        quote, parts = _read_quote(doc, lexicon, top[i], top[i + 1] if i + 1 < len(top) else None, floor)
        if quote is None:
            others.extend(top[i : i + parts])  # both parts of a rejected interrupted quote
        else:
            quotes.append(quote)
            if quote.frame is not None:
                floor = quote.frame.end
        i += parts
    return DirectResult(tuple(quotes), tuple(others) + tuple(nested))


def _read_quote(
    doc: Doc, lexicon: Lexicon, span: QuotedSpan, nxt: QuotedSpan | None, floor: int
) -> tuple[Candidate | None, int]:
    """The direct quote of ``span`` (None if it is none) and how many quoted spans it takes (2 when interrupted)."""
    before = _before_frame(doc, lexicon, span, floor)
    after = _after_frame(doc, lexicon, span)
    words = _word_count(doc, span)
    sentence = doc.layer.sentence_index(span.open)
    at_start = _opens_utterance(doc, span, sentence) or before is not None
    content = list(span.spans)
    parts = 1
    frame = None
    if after is not None and at_start:
        frame = after
        if _interruption(doc, after.range, nxt):
            assert nxt is not None
            content.extend(nxt.spans)
            span = nxt
            parts = 2
    elif before is not None:
        frame = before
    name = _directness(doc, span, words, frame, after, at_start)
    if name is None:
        return None, parts
    confidence = tuning.DIRECT_FRAMED if frame is not None else tuning.DIRECT_UNFRAMED
    if span.unbalanced:
        confidence -= tuning.UNBALANCED_PENALTY
    evidence = NO_EVIDENCE if frame is None else Evidence(frame.kind, frame.speaker)
    quote = Candidate(
        kind="direct",
        content=content,
        sentence=sentence,
        cue=frame.cue if frame is not None else None,
        cue_spans=None if frame is None or frame.cue_range is None else (char_span(doc, *frame.cue_range),),
        frame=frame.range if frame is not None else None,
        confidence=confidence,
        inherit_speaker=frame is None,
        rule="direct.interrupted" if parts == 2 else name,
        evidence=evidence,
    )
    return quote, parts


def _directness(
    doc: Doc, span: QuotedSpan, words: int, frame: _Frame | None, after: _Frame | None, at_start: bool
) -> str | None:
    """The construction of a direct quote, or None when the quoted span is none.

    Framed: more than a lone word, or a sentence, or an answer („„Nein“, sagte Roth“).
    Unframed: a sentence-like quote opening its sentence (the speaker goes on), or a
    long sentence inside one.
    """
    sentence_like = _ends_like_a_sentence(doc, span)
    if frame is not None:
        framed = words >= 2 or sentence_like or (after is not None and _answer(doc, span, after))
        return frame.name if framed else None
    if at_start and (words >= tuning.STANDALONE_WORDS or (words >= 2 and sentence_like)):
        return "direct.continued"
    if words >= tuning.EMBEDDED_WORDS and sentence_like:
        return "direct.embedded"
    return None


class DirectRule:
    """Direct speech (:func:`find_direct`): the first rule; the others skip its quotes.

    It claims the contents of its quotes, not their frames: a frame may go on with
    a quote of its own („„…“, sagte Kim, Europa brauche die Engländer“), which the
    indirect rule finds there (claiming the frames loses such quotes in 8 of the
    740 corpus and WikiNews documents). The quoted spans that are no direct speech
    are left in ``claims.quoted`` for the reported rule and the fragments, except
    the names and titles among them (:mod:`quotecheck.rules.names`) and the slogans,
    which are quotes of their own (:mod:`quotecheck.rules.slogans`). Run after
    another rule, it drops a quote whose content is already claimed.
    """

    name = "direct"
    requires = frozenset({"lemmas"})
    claims_frames = False

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]:
        result = find_direct(doc, lexicon)
        slogans, others = find_slogans(doc, lexicon, result.other_spans)
        claims.quoted = without_names(doc, lexicon, others)
        quotes = sorted((*result.quotes, *slogans), key=lambda c: c.content[0].start)
        return [c for c in quotes if not any(claims.overlapping(*span) for span in c.content)]
