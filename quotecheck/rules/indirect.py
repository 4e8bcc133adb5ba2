"""Indirect speech: a speech-verb frame and the clause it introduces.

Pipeline stage 2 (rules), after direct speech (:class:`IndirectRule`).

Constructions (surface patterns over one sentence; Zifonun et al. 1997,
*Grammatik der deutschen Sprache*, ch. on „Redewiedergabe“):

* preposed frame + complement clause: „Kim sagte, dass …“ / „…, ob …“ /
  „…, wer …“; + verb-second clause „Kim sagte, die Lage sei ernst“; +
  zu-infinitive „Er versicherte, die Politik zu unterstützen“; + colon
  without quotation marks;
* postposed frame: „Die Lage sei ernst, sagte Kim.“ and the wie-clause „…, wie
  der Kreml mitteilte.“; the preposed wie-clause „Wie der Anwalt mitteilte,
  brach er zusammen.“

The content ends where the reported clause ends: at a semicolon, before a
following frame („…, sagte er“, „und warnte …“) or a verbless
prepositional appendix of the narrator („…, in Anspielung auf das Regime“);
relative and subordinate clauses that continue the content stay in it.

Precision first: a verb-second complement counts only when its finite verb is
recognised and, unless the verb is an unambiguous verb of saying, in
Konjunktiv; an agentless passive of a verb of estimating or hoping („Es wird
geschätzt, dass …“) is the author's statement, not a quote.

The helpers it shares with the other rules live in :mod:`quotecheck.rules.clauses`,
:mod:`quotecheck.rules.cues` and :mod:`quotecheck.rules.content`.
"""

from __future__ import annotations

from typing import Iterable

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon, SpeechVerb
from quotecheck.attribution.nounphrase import parse_noun_phrase, with_seat
from quotecheck.morph import clause_mood
from quotecheck.ranges import CharSpan, TokenRange
from quotecheck.rules.candidate import Candidate, CueMatch, Evidence, char_span, overlaps
from quotecheck.rules.clauses import SENTENCE_END, classes_at, clause_end, clause_start, quoted_titles, sentence_core_end, word_count
from quotecheck.rules.content import content_end, ends_in_zu_infinitive, wie_frame_end
from quotecheck.rules.cues import find_cue, match_speech_verb
from quotecheck.rules.pipeline import Claims
from quotecheck.rules.source_phrases import source_phrase_at

__all__ = ["IndirectRule", "find_indirect"]

#: Classes of verbs whose agentless passive is the author's own hedge, not a quote.
_HEDGE_CLASSES = frozenset({"estimate", "hope", "speculate"})


# --- the rule ---------------------------------------------------------------


def _is_hedge_passive(doc: Doc, lexicon: Lexicon, cue: CueMatch, start: int, end: int) -> bool:
    """„Es wird geschätzt, dass …“: an agentless passive of estimating or hoping."""
    if cue.verb is None or cue.verb.cls not in _HEDGE_CLASSES:
        return False
    tokens = doc.tokens
    has_aux = any("passive_aux" in classes_at(doc, lexicon, k) for k in range(start, end) if k not in cue.tokens)
    participle = tokens[cue.tokens[0]].text.lower() != doc.lemma(cue.tokens[0]).lower() and tokens[cue.tokens[0]].text.lower().startswith(lexicon.morph.participle_prefix + lexicon.morph.inseparable_prefixes)
    agent = any(tokens[k].text.lower() in lexicon.rule_words.agent_preposition for k in range(start, end))
    return has_aux and participle and not agent


def _generic(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """„Alles in allem kann man sagen, dass …“, „darf festgehalten werden“: the author's voice."""
    classes = [classes_at(doc, lexicon, k) for k in range(start, end)]
    modal = any("modal" in c for c in classes)
    if not modal:
        return False
    generic = any("generic" in c for c in classes)
    passive = any("passive_aux" in c for c in classes)
    agent = any(doc.tokens[k].text.lower() in lexicon.rule_words.agent_preposition for k in range(start, end))
    return generic or (passive and not agent)


def _v2_content_ok(doc: Doc, lexicon: Lexicon, verb: SpeechVerb | None, start: int, end: int) -> tuple[bool, str | None]:
    """Whether ``[start, end)`` reads as a verb-second content clause, and its mood."""
    if end - start < 2:
        return False, None
    classes = classes_at(doc, lexicon, start)
    if classes & {"complementizer", "subordinator", "coordinator", "w_word"} and "subject_pronoun" not in classes:
        return False, None
    first = doc.tokens[start]
    if first.kind != "word" and first.kind != "number":
        return False, None
    if classes_at(doc, lexicon, start + 1) & {"complementizer", "subordinator"}:
        return False, None  # „…, so dass …“
    mood, finite = clause_mood(doc, lexicon, start, end)
    if finite is None:
        return False, None
    if "relative" in classes and "subject_pronoun" not in classes and finite >= end - 1:
        return False, None  # „…, der seit Jahren im Amt ist“: verb-final relative clause
    if mood == "subjunctive":
        return True, mood
    strong = verb is not None and verb.strength >= tuning.ALWAYS_SPEECH and "v2" in verb.valency
    return strong, mood


def _candidate(
    doc: Doc,
    content: tuple[int, int],
    cue: CueMatch,
    frame: tuple[int, int],
    mood: str | None,
    confidence: float,
    rule: str,
    evidence: Evidence,
    speaker: tuple[int, int] | None = None,
) -> Candidate:
    """An indirect candidate for the token ranges ``content`` and ``frame``."""
    return Candidate(
        kind="indirect",
        content=(char_span(doc, *content),),
        sentence=doc.layer.sentence_index(content[0]),
        cue=cue,
        frame=frame,
        mood=mood,
        confidence=confidence,
        speaker_tokens=speaker,
        rule=rule,
        evidence=evidence,
    )


def _preposed(
    doc: Doc, lexicon: Lexicon, cue: CueMatch, frame_start: int, comma: int, limit: int
) -> Candidate | None:
    """Frame clause ending at token ``comma`` („,“ or „:“), complement after it."""
    start = comma + 1
    if start >= limit or doc.tokens[start].kind == "quote":
        return None
    end = content_end(doc, lexicon, start, limit)
    if end <= start or _generic(doc, lexicon, frame_start, comma):
        return None
    read = _complement(doc, lexicon, cue, frame_start, start, end, limit)
    if read is None:
        return None
    base, mood, rule = read
    strength = cue.verb.strength if cue.verb is not None else tuning.UNKNOWN_VERB_STRENGTH
    confidence = base + tuning.STRENGTH_WEIGHT * strength
    return _candidate(doc, (start, end), cue, (frame_start, comma + 1), mood, confidence, rule, _VERB_FRAME)


def _complement(
    doc: Doc, lexicon: Lexicon, cue: CueMatch, frame_start: int, start: int, end: int, limit: int
) -> tuple[float, str | None, str] | None:
    """The complement ``[start, end)`` of the cue's frame: confidence base, mood and construction, if the verb takes it.

    „dass …“/„ob …“ (a dass valency), „wer …“ (a w valency), a zu-infinitive (a zu
    valency, a reliable verb), a verb-second clause (in Konjunktiv, or after a verb
    that always denotes speech).
    """
    verb = cue.verb
    valency = verb.valency if verb is not None else frozenset({"dass", "v2"})
    strength = verb.strength if verb is not None else tuning.UNKNOWN_VERB_STRENGTH
    classes = classes_at(doc, lexicon, start)
    if "complementizer" in classes:
        if not (valency & {"dass", "ob", "w"}) or strength < tuning.MIN_DASS_STRENGTH:
            return None
        rule = "indirect.ob" if "polar_question" in classes else "indirect.dass"
        return tuning.DASS_BASE, clause_mood(doc, lexicon, start, end)[0], rule
    if "w_word" in classes and "relative" not in classes:
        if not (valency & {"w", "ob"}):
            return None
        return tuning.OTHER_BASE, clause_mood(doc, lexicon, start, end)[0], "indirect.w_clause"
    if _subordinate_frame(doc, lexicon, cue, frame_start):
        return None  # „nachdem sie es bemerkt hatten, wurde …“: the main clause follows
    zu = "zu" in valency and strength >= tuning.RELIABLE_SPEECH
    if zu and ends_in_zu_infinitive(doc, lexicon, start, clause_end(doc, start, limit)):
        return tuning.OTHER_BASE, clause_mood(doc, lexicon, start, end)[0], "indirect.zu_infinitive"
    if valency & {"v2", "colon"} and strength >= tuning.MIN_V2_STRENGTH:
        ok, mood = _v2_content_ok(doc, lexicon, verb, start, end)
        if ok:
            rule = "indirect.v2_konjunktiv" if mood == "subjunctive" else "indirect.v2_indicative"
            return tuning.OTHER_BASE, mood, rule
    return None


def _subordinate_frame(doc: Doc, lexicon: Lexicon, cue: CueMatch, frame_start: int) -> bool:
    """Whether the cue stands in a subordinate or relative clause („nachdem sie es bemerkt hatten,“)."""
    head = clause_start(doc, cue.tokens[0], frame_start)
    head_classes = classes_at(doc, lexicon, head)
    relative = "relative" in head_classes and head > 0 and doc.tokens[head - 1].text == ","
    return head < cue.tokens[0] and ("subordinator" in head_classes or relative)


def _postposed_frame(doc: Doc, lexicon: Lexicon, comma: int, limit: int) -> tuple[int, CueMatch, TokenRange | None] | None:
    """A frame after ``comma``: „…, sagte Kim.“ / „…, wie X mitteilte.“ → (frame end, cue, inverted subject)."""
    tokens = doc.tokens
    i = comma + 1
    if i >= limit or tokens[i].kind != "word":
        return None
    end = clause_end(doc, i, limit, quoted_titles(doc, i, limit))
    if end < limit and tokens[end].text not in SENTENCE_END and tokens[end].text != ",":
        return None
    if tokens[i].text.lower() in lexicon.rule_words.wie_frame:
        wie = wie_frame_end(doc, lexicon, i, limit)
        return None if wie is None else (*wie, None)
    cue = find_cue(doc, lexicon, i, end)
    if cue is None or (cue.verb is not None and cue.verb.strength < tuning.RELIABLE_SPEECH):
        return None
    if cue.verb is not None and not (cue.verb.valency & {"v2", "colon", "direct"}):
        return None
    # the inverted subject follows the verb („sagte er“, „betonte der Minister“),
    # after at most one adverb, and little else follows it („…, sagte er am Montag.“)
    found = _inverted_subject(doc, lexicon, i + 1, end)
    if found is None:
        return None
    subject = found.end
    # a quoted title counts as one word of the tail („…, sagte er laut der „Wirtschaftswoche““)
    titles = sum(b - a - 1 for a, b in quoted_titles(doc, subject, end))
    tail = end - subject - titles
    if tail > tuning.FRAME_TAIL_TOKENS and not (tail <= tuning.ADVERBIAL_TAIL_TOKENS and _adverbial_tail(doc, lexicon, subject, end)):
        return None
    return end, cue, found


def _adverbial_tail(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """„…, sagte die Richterin am Donnerstag bei der Urteilsverkündung.“: only adverbials follow.

    A coordinated second clause („…, sagte er und verließ den Saal“) is no frame tail.
    """
    return not any("coordinator" in classes_at(doc, lexicon, k) for k in range(start, end))


def _inverted_subject(doc: Doc, lexicon: Lexicon, start: int, end: int) -> TokenRange | None:
    """The subject noun phrase at ``start`` (or after one adverb), else None."""
    tokens = doc.tokens
    for k in (start, start + 1):
        if k >= end:
            return None
        low = tokens[k].text.lower()
        if low in lexicon.clause.subject_pronouns:
            return TokenRange(k, k + 1)
        np = parse_noun_phrase(doc, lexicon, k, end)
        if np is not None and not np.dative:
            return TokenRange(k, np.end)
        if k == start and "adverb" not in classes_at(doc, lexicon, k):
            return None  # „sagte vor der Presse …“: no subject right after the verb
    return None


def _sentence_candidates(doc: Doc, lexicon: Lexicon, first: int, last: int, taken: list[CharSpan]) -> list[Candidate]:
    """The indirect quotes of the sentence ``[first, last)``, left to right, outside the claimed text."""
    tokens = doc.tokens
    found: list[Candidate] = []
    floor = first  # tokens before this belong to an earlier candidate of the sentence
    i = first
    while i < last:
        tok = tokens[i]
        hit = None
        # a frame starts at a word, or at the comma before a postposed frame
        if (tok.kind == "word" or tok.kind == "punct" and tok.text == ",") and not overlaps((tok.start, tok.end), taken):
            hit = _construction_at(doc, lexicon, i, floor, last, taken)
        if hit is None:
            i += 1
            continue
        cand, after = hit
        found.append(cand)
        floor = i = after
    return found


#: A candidate and the token after it, where the search goes on.
_Hit = tuple[Candidate, int]


def _construction_at(doc: Doc, lexicon: Lexicon, i: int, floor: int, last: int, taken: list[CharSpan]) -> _Hit | None:
    """The indirect quote whose frame starts at token ``i``, trying each construction in turn."""
    tok = doc.tokens[i]
    wie = tok.text.lower() in lexicon.rule_words.wie_frame
    hit = None
    if wie and i == floor:
        hit = _preposed_wie(doc, lexicon, i, last, taken)
    if hit is None and tok.text == "," and i > floor:
        hit = _postposed(doc, lexicon, i, floor, last, taken)
    if hit is None and tok.text in lexicon.content_nouns:  # the cheap test first: most words are no noun of saying
        hit = _after(doc, _speech_noun(doc, lexicon, i, last), last)
    if hit is None and tok.kind == "word" and not wie:
        cue = find_cue(doc, lexicon, i, last)
        cand = _verb_frame(doc, lexicon, cue, i, floor, last, taken) if cue is not None else None
        if cand is not None:
            hit = _after(doc, cand, last)
    return hit


def _after(doc: Doc, cand: Candidate | None, last: int) -> _Hit | None:
    """``cand`` with the token after its content, or None."""
    if cand is None:
        return None
    stop = doc.layer.token_at(cand.content[0][1] - 1)
    return cand, (stop + 1) if stop is not None else last


def _preposed_wie(doc: Doc, lexicon: Lexicon, i: int, last: int, taken: list[CharSpan]) -> _Hit | None:
    """„Wie der Anwalt mitteilte, brach er zusammen.“: a wie-frame at ``i`` opens the sentence's content."""
    tokens = doc.tokens
    wie = wie_frame_end(doc, lexicon, i, last)
    if wie is None or wie[0] >= last or tokens[wie[0]].text != ",":
        return None
    end, cue = wie
    start = end + 1
    stop = content_end(doc, lexicon, start, last)
    if stop - start < 2 or overlaps(char_span(doc, start, stop), taken) or _speech_act_at(doc, lexicon, start, stop):
        return None
    mood, _ = clause_mood(doc, lexicon, start, stop)
    speaker = _np_range(i + 1, cue.tokens[1])
    evidence = Evidence("wie", speaker)
    confidence = tuning.INDIRECT_WIE_PREPOSED
    return _candidate(doc, (start, stop), cue, (i, end + 1), mood, confidence, "indirect.wie_before", evidence, speaker), stop


def _postposed(doc: Doc, lexicon: Lexicon, comma: int, floor: int, last: int, taken: list[CharSpan]) -> _Hit | None:
    """„Die Lage sei ernst, sagte Kim.“ / „…, wie X mitteilte.“: a frame after the comma at ``comma``."""
    tokens = doc.tokens
    post = _postposed_frame(doc, lexicon, comma, last)
    if post is None:
        return None
    end, cue, subject = post
    start = _content_start(doc, floor, comma)
    wie = tokens[comma + 1].text.lower() in lexicon.rule_words.wie_frame
    if word_count(doc, start, comma) < 3 or overlaps(char_span(doc, start, comma), taken):
        return None
    if wie and _speaker_before_wie(doc, lexicon, start, comma):
        return None
    mood, _ = clause_mood(doc, lexicon, start, comma)
    speaker = _np_range(cue.tokens[0] + 1, cue.tokens[-1]) if wie else None
    frame_end = end + 1 if end < last and tokens[end].text in SENTENCE_END else end
    rule, evidence = ("indirect.wie_after", Evidence("wie", speaker)) if wie else ("indirect.frame_after", Evidence("verb", subject))
    confidence = tuning.INDIRECT_POSTPOSED
    return _candidate(doc, (start, comma), cue, (comma, frame_end), mood, confidence, rule, evidence, speaker), end


def _verb_frame(
    doc: Doc, lexicon: Lexicon, cue: CueMatch, i: int, floor: int, last: int, taken: list[CharSpan]
) -> Candidate | None:
    """„Kim sagte, die Lage sei ernst“: the speech verb ``cue`` at ``i`` whose frame ends in a comma or colon."""
    tokens = doc.tokens
    comma = clause_end(doc, max(cue.tokens) + 1, last)
    if comma >= last or tokens[comma].text not in (",", ":") or comma - i > tuning.FRAME_GAP_TOKENS:
        return None
    frame_start = clause_start(doc, i, floor) if _after_content(doc, floor, i) else floor
    if _is_hedge_passive(doc, lexicon, cue, frame_start, comma) or _speech_act_at(doc, lexicon, comma + 1, last):
        return None
    cand = _preposed(doc, lexicon, cue, frame_start, comma, last)
    if cand is None or overlaps(cand.content[0], taken):
        return None
    return cand


def _speech_noun(doc: Doc, lexicon: Lexicon, i: int, last: int) -> Candidate | None:
    """„die Hoffnung, dass …“ / „der Vorwurf, er habe …“: a noun of saying with its content."""
    tokens = doc.tokens
    if tokens[i].text not in lexicon.content_nouns or i + 2 >= last or tokens[i + 1].text != ",":
        return None
    start = i + 2
    # the matrix clause usually goes on after the content: „Die Hoffnung, …, erfüllte sich nicht“
    end = min(content_end(doc, lexicon, start, last), clause_end(doc, start, last))
    if end - start < 3:
        return None
    mood, _ = clause_mood(doc, lexicon, start, end)
    opener = classes_at(doc, lexicon, start)
    if "complementizer" not in opener or "polar_question" in opener:
        ok, mood = _v2_content_ok(doc, lexicon, None, start, end)
        if not ok or mood != "subjunctive":
            return None
    cue = CueMatch((i,), doc.tokens[i].text)
    frame = (clause_start(doc, i, doc.sentences[doc.layer.sentence_index(i)].first), i + 2)
    return _candidate(doc, (start, end), cue, frame, mood, tuning.SPEECH_NOUN, "indirect.speech_noun", Evidence("noun"))


def _speech_act_at(doc: Doc, lexicon: Lexicon, verb: int, stop: int) -> bool:
    """„Wie Reuters meldete, wies die Delegation die Darstellung zurück“: the clause is itself a speech act.

    Its verb (right after the wie-clause) reports an act of its own subject; the
    wie-clause is then only a source of that act, found by the reported rule.
    """
    if verb >= stop:
        return False
    cue = match_speech_verb(doc, lexicon, verb, stop)
    return cue is not None and cue.verb is not None and cue.verb.reported and cue.verb.strength >= tuning.ALWAYS_SPEECH


def _speaker_before_wie(doc: Doc, lexicon: Lexicon, start: int, comma: int) -> bool:
    """Whether the content before a wie-clause names its own speaker.

    „…, so das Ministerium, wie Interfax berichtete“ and „Nordkorea hat nach Angaben
    des Generalstabs eine Rakete abgefeuert, wie Yonhap meldete“: the so-frame or
    according-to phrase names the speaker and the wie-clause is only a source, so
    the quote is left to :mod:`quotecheck.rules.according`.
    """
    tokens = doc.tokens
    for k in range(comma - 2, start, -1):
        if tokens[k].text == "," and tokens[k + 1].text.lower() in lexicon.rule_words.so_frame:
            np = parse_noun_phrase(doc, lexicon, k + 2, comma)
            return np is not None and with_seat(doc, lexicon, np, comma).end == comma
    for k in range(start, comma - 1):
        match = source_phrase_at(doc, lexicon, k, start, comma)  # („laut und deutlich“ is none)
        if match is not None and match.entry.position in _NAMING_POSITIONS:
            return True
    return False


#: According-to phrases that name a speaker of their own (``according_to.tsv`` positions).
_NAMING_POSITIONS = frozenset({"pre", "post", "circum"})


def _after_content(doc: Doc, floor: int, index: int) -> bool:
    """Whether an earlier clause of the sentence lies between ``floor`` and ``index``."""
    return any(doc.tokens[k].text in (",", ";") for k in range(floor, index))


def _content_start(doc: Doc, floor: int, comma: int) -> int:
    """Start of the content before a postposed frame: after a colon, else ``floor``."""
    for k in range(comma - 1, floor - 1, -1):
        if doc.tokens[k].text in (":", ";"):
            return k + 1
    return floor


def _np_range(start: int, end: int) -> TokenRange | None:
    """The tokens between a frame's first word and its verb, if any („wie [der Kreml] mitteilte“)."""
    return TokenRange(start, end) if end > start else None


#: The evidence of a speech-verb frame whose speaker the rule does not parse.
_VERB_FRAME = Evidence("verb")


def find_indirect(doc: Doc, lexicon: Lexicon, taken: Claims | Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Indirect quotes introduced by a speech-verb frame.

    ``taken`` is the text already claimed (the :class:`Claims` of the earlier rules,
    or character spans); a candidate whose content overlaps it is dropped, so
    direct speech wins.
    """
    out: list[Candidate] = []
    previous_free = False  # the sentence before is unclaimed and gave no quote
    for index, (sentence, local) in enumerate(Claims.of(doc, taken).by_sentence()):
        found = _sentence_candidates(doc, lexicon, sentence.first, sentence.last, local)
        if not found and not local and previous_free:
            anaphoric = _report_of_previous(doc, lexicon, index)
            if anaphoric is not None:
                out.append(anaphoric)
                previous_free = False
                continue
        out.extend(found)
        previous_free = not found and not local
    return out


def _report_of_previous(doc: Doc, lexicon: Lexicon, index: int) -> Candidate | None:
    """„… Das teilte die Notenbank am Donnerstag mit.“: the sentence before is what was said.

    A short sentence opened by a demonstrative („Das“, „Dies“) with a speech verb
    right after it reports the previous sentence of the same paragraph as a whole.
    """
    tokens = doc.tokens
    sentence, before = doc.sentences[index], doc.sentences[index - 1] if index > 0 else None
    if before is None or before.paragraph != sentence.paragraph or sentence.last - sentence.first < 3:
        return None
    if "report_demonstrative" not in classes_at(doc, lexicon, sentence.first):
        return None
    cue = find_cue(doc, lexicon, sentence.first + 1, sentence.last)
    if cue is None or cue.tokens[0] != sentence.first + 1 or cue.verb is None or cue.verb.strength < tuning.RELIABLE_SPEECH:
        return None
    clause_words = {"complementizer", "subordinator", "w_word"}
    if any(tokens[k].kind == "quote" or classes_at(doc, lexicon, k) & clause_words for k in range(sentence.first + 1, sentence.last)):
        return None  # „Das sagte er, weil …“, „Das nannte er „absurd““: not a report of the sentence before
    stop = sentence_core_end(doc, before.first, before.last)
    if word_count(doc, before.first, stop) < 3:
        return None
    mood, _ = clause_mood(doc, lexicon, before.first, stop)
    frame_end = sentence.last - 1 if tokens[sentence.last - 1].text in SENTENCE_END else sentence.last
    frame = (sentence.first, frame_end)
    rule = "indirect.report_of_previous"
    return _candidate(doc, (before.first, stop), cue, frame, mood, tuning.REPORT_OF_PREVIOUS, rule, _VERB_FRAME)


class IndirectRule:
    """Indirect speech (:func:`find_indirect`): after direct speech, before reported acts.

    Its frames are claimed with its contents: „Kim sagte,“ is no according-to
    content of its own.
    """

    name = "indirect"
    requires = frozenset({"lemmas"})
    claims_frames = True

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]:
        return find_indirect(doc, lexicon, claims)
