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
from quotecheck.attribution.nounphrase import parse_noun_phrase, with_apposition, with_seat
from quotecheck.morph import clause_mood, mood_at
from quotecheck.ranges import CharSpan, TokenRange
from quotecheck.rules.candidate import Candidate, CueMatch, Evidence, char_span, overlaps
from quotecheck.rules.clauses import (
    FRAME_BREAKS,
    SENTENCE_END,
    classes_at,
    clause_end,
    clause_end_over_titles,
    clause_start,
    quoted_titles,
    relative_antecedent,
    sentence_core_end,
    word_count,
)
from quotecheck.rules.content import content_end, ends_in_zu_infinitive, piece_opens_clause, wie_frame_end
from quotecheck.rules.cues import find_cue, match_speech_verb
from quotecheck.rules.pipeline import Claims
from quotecheck.rules.source_phrases import source_phrase_at

__all__ = ["IndirectRule", "find_indirect"]

#: Classes of verbs whose agentless passive is the author's own hedge or rule, not a quote
#: („Es wird geschätzt, dass …“, „Es ist verboten, im Wald zu rauchen“).
_HEDGE_CLASSES = frozenset({"estimate", "hope", "speculate", "command"})


# --- the rule ---------------------------------------------------------------


def _is_hedge_passive(doc: Doc, lexicon: Lexicon, cue: CueMatch, start: int, end: int) -> bool:
    """„Es wird geschätzt, dass …“, „Es ist verboten, …“: an agentless passive (with
    „werden“ or a statal „sein“) of estimating, hoping or ordering."""
    if cue.verb is None or cue.verb.cls not in _HEDGE_CLASSES:
        return False
    tokens = doc.tokens
    statal = lexicon.frames.statal_auxiliaries
    has_aux = any(
        "passive_aux" in classes_at(doc, lexicon, k) or doc.tokens[k].text.lower() in statal for k in range(start, end) if k not in cue.tokens
    )
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


def _v2_content_ok(
    doc: Doc, lexicon: Lexicon, verb: SpeechVerb | None, start: int, end: int, *, verb_first: bool = False
) -> tuple[bool, str | None]:
    """Whether ``[start, end)`` reads as a verb-second content clause, and its mood.

    ``verb_first``: the frame is a preposed wie-clause, after which the content
    opens with its verb („Wie X mitteilte, sieht der Konzern …“).
    """
    if end - start < 2:
        return False, None
    lead = start + 1 if doc.tokens[start].kind == "quote" else start  # „Er sagte, „Sperrzonen“ dürfe es nicht geben.“
    classes = classes_at(doc, lexicon, lead)
    if classes & {"complementizer", "subordinator", "coordinator", "w_word"} and "subject_pronoun" not in classes:
        return False, None
    first = doc.tokens[lead]
    if first.kind != "word" and first.kind != "number":
        return False, None
    if lead + 1 < end and classes_at(doc, lexicon, lead + 1) & {"complementizer", "subordinator"}:
        return False, None  # „…, so dass …“
    mood, finite = clause_mood(doc, lexicon, start, end)
    if finite is None:
        return False, None
    if "relative" in classes and "subject_pronoun" not in classes and finite >= end - 1:
        return False, None  # „…, der seit Jahren im Amt ist“: verb-final relative clause
    if mood == "subjunctive":
        return True, mood
    strong = verb is not None and verb.strength >= tuning.ALWAYS_SPEECH and "v2" in verb.valency
    return strong and _main_clause_order(doc, lexicon, start, end, finite, verb_first), mood


def _main_clause_order(doc: Doc, lexicon: Lexicon, start: int, end: int, finite: int, verb_first: bool) -> bool:
    """Whether an indicative clause ``[start, end)`` reads as a main clause of its own.

    Without a Konjunktiv only the word order tells a content clause („die Lage ist
    ernst“) from the narrator's text after a frame: a clause opened by its verb
    („unterstützte ihn in alltäglichen Belangen“, except after a wie-clause), a
    noun phrase whose first verb follows a comma („Kopf einer Gruppe, die … hatten“)
    or two words („Frank-Jürgen Weise“) are none. A Konjunktiv form or a final
    zu-infinitive further on still makes it content.
    """
    if word_count(doc, start, end) < 3 or finite <= start and not verb_first:
        return False
    if not any(doc.tokens[k].text in FRAME_BREAKS for k in range(start, finite)):
        return True
    return ends_in_zu_infinitive(doc, lexicon, start, end) or any(
        lexicon.mood(doc.tokens[k].text) in _KONJUNKTIV for k in range(finite, end)
    )


#: Moods of ``konjunktiv.tsv`` that only a Konjunktiv form shows.
_KONJUNKTIV = frozenset({"subj1", "subj2"})


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
    if start >= limit or doc.tokens[start].kind == "quote" and not piece_opens_clause(doc, lexicon, start):
        return None  # a quote after the comma is direct speech, unless its clause goes on
    end = content_end(doc, lexicon, start, limit)
    if end <= start or _generic(doc, lexicon, frame_start, comma) or _reported_frame(doc, lexicon, cue.verb, frame_start, comma):
        return None
    read = _complement(doc, lexicon, cue, frame_start, start, end, limit)
    if read is None:
        return None
    base, mood, rule = read
    strength = cue.verb.strength if cue.verb is not None else tuning.UNKNOWN_VERB_STRENGTH
    confidence = base + tuning.STRENGTH_WEIGHT * strength
    relative = _relative_head(doc, lexicon, cue, frame_start)
    if relative is None or rule != "indirect.v2_konjunktiv":
        return _candidate(doc, (start, end), cue, (frame_start, comma + 1), mood, confidence, rule, _VERB_FRAME)
    # „…, ein Sanitäter, der betonte, niemand sei verletzt worden, …“: the content ends with its
    # clause, where the sentence goes on; the relative pronoun's antecedent speaks
    end = min(end, clause_end(doc, start, limit))
    speaker = relative_antecedent(doc, lexicon, relative)
    evidence = Evidence("verb", None if speaker is None else TokenRange(*speaker))
    return _candidate(doc, (start, end), cue, (relative, comma + 1), mood, confidence, rule, evidence, speaker)


#: Classes of verbs that tell what was decided or found rather than said („beschloss, …“).
_ACT_CLASSES = frozenset({"decide", "plan", "command", "find"})


def _reported_frame(doc: Doc, lexicon: Lexicon, verb: SpeechVerb | None, start: int, end: int) -> bool:
    """Whether a frame that is no plain verb of saying is itself in Konjunktiv („Beide Seiten hätten vereinbart, …“).

    Such a frame continues someone's reported speech: the whole sentence is that
    speech (free indirect speech), not a new quote framed by a decision, a
    finding or a noun („Es gebe Hinweise, dass …“).
    """
    if verb is not None and verb.cls not in _ACT_CLASSES and verb.strength >= tuning.RELIABLE_SPEECH:
        return False
    return clause_mood(doc, lexicon, start, end)[0] == "subjunctive"


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
    if doc.tokens[start].text.lower() in lexicon.frames.reason_conjunctions:
        return _reason(doc, lexicon, cue, start, end)
    if _subordinate_frame(doc, lexicon, cue, frame_start):
        # „nachdem sie es bemerkt hatten, wurde …“: the main clause follows; but a relative
        # clause may frame a content in Konjunktiv („ein Sanitäter, der betonte, niemand sei verletzt“)
        return _relative_frame_content(doc, lexicon, cue, frame_start, start, end)
    zu = "zu" in valency and strength >= tuning.RELIABLE_SPEECH
    clause = clause_end_over_titles(doc, start, limit)  # „die Mannschaft „mit …“ zu stabilisieren“
    if zu and ends_in_zu_infinitive(doc, lexicon, start, clause):
        return tuning.OTHER_BASE, clause_mood(doc, lexicon, start, end)[0], "indirect.zu_infinitive"
    # „bezweifelte die Eignung des Ministers: Er habe …“: after a colon a clause in Konjunktiv is
    # what the speech act said, whatever the verb's valency
    colon = verb is not None and doc.tokens[start - 1].text == ":"
    if (valency & {"v2", "colon"} or colon) and strength >= tuning.MIN_V2_STRENGTH:
        wie = doc.tokens[frame_start].text.lower() in lexicon.rule_words.wie_frame
        ok, mood = _v2_content_ok(doc, lexicon, verb, start, end, verb_first=wie)
        if ok and (valency & {"v2", "colon"} or mood == "subjunctive"):
            rule = "indirect.v2_konjunktiv" if mood == "subjunctive" else "indirect.v2_indicative"
            return tuning.OTHER_BASE, mood, rule
    return None


def _reason(doc: Doc, lexicon: Lexicon, cue: CueMatch, start: int, end: int) -> tuple[float, str | None, str] | None:
    """A reason clause in Konjunktiv I after a speech act: the reason the speaker gave.

    „Das Amt lehnte den Antrag ab, weil die Unterlagen unvollständig seien.“ Only
    Konjunktiv I: „weil er krank wäre“ may be the narrator's irrealis, and the
    indicative („…, weil die Frist abgelaufen war“) is the narrator's reason.
    """
    if cue.verb is None:
        return None
    _, finite = clause_mood(doc, lexicon, start, end)
    if finite is None or mood_at(doc, lexicon, finite) != "subj1":
        return None
    return tuning.OTHER_BASE, "subjunctive", "indirect.reason"


def _relative_frame_content(
    doc: Doc, lexicon: Lexicon, cue: CueMatch, frame_start: int, start: int, end: int
) -> tuple[float, str | None, str] | None:
    """A verb-second content in Konjunktiv after a relative clause that ends in its speech verb.

    „…, ein Sanitäter, der betonte, niemand sei verletzt worden.“ The indicative
    stays out: after a relative clause it is the main clause going on („Der Mann,
    der das sagte, wurde verhaftet.“).
    """
    verb = cue.verb
    if verb is None or "v2" not in verb.valency or _relative_head(doc, lexicon, cue, frame_start) is None or max(cue.tokens) != start - 2:
        return None
    ok, mood = _v2_content_ok(doc, lexicon, verb, start, end)
    return (tuning.OTHER_BASE, mood, "indirect.v2_konjunktiv") if ok and mood == "subjunctive" else None


def _relative_head(doc: Doc, lexicon: Lexicon, cue: CueMatch, frame_start: int) -> int | None:
    """The relative pronoun opening the cue's clause after a comma („…, der betonte, …“), if any."""
    head = clause_start(doc, cue.tokens[0], frame_start)
    if head == 0 or head >= cue.tokens[0] or doc.tokens[head - 1].text != ",":
        return None
    return head if "relative" in classes_at(doc, lexicon, head) else None


def _subordinate_frame(doc: Doc, lexicon: Lexicon, cue: CueMatch, frame_start: int) -> bool:
    """Whether the cue stands in a subordinate or relative clause („nachdem sie es bemerkt hatten,“)."""
    head = clause_start(doc, cue.tokens[0], frame_start)
    head_classes = classes_at(doc, lexicon, head)
    relative = "relative" in head_classes and head > 0 and doc.tokens[head - 1].text == ","
    return head < cue.tokens[0] and ("subordinator" in head_classes or relative) and _verb_final(doc, lexicon, cue)


def _verb_final(doc: Doc, lexicon: Lexicon, cue: CueMatch) -> bool:
    """Whether only auxiliaries follow the cue's verb in its clause, as in a subordinate clause.

    „Als er das gesagt hatte, …“ is one; „Als Grund gab die Verwaltung in ihrer
    Antwort an, …“ is none: „Als Grund“ is the prefield of a main clause.
    """
    end = clause_end(doc, max(cue.tokens) + 1, len(doc.tokens))
    return all(k in cue.tokens or "aux" in lexicon.function_words.get(doc.tokens[k].text.lower(), frozenset()) for k in range(cue.tokens[0] + 1, end))


def _postposed_frame(doc: Doc, lexicon: Lexicon, comma: int, limit: int) -> tuple[int, CueMatch, TokenRange | None] | None:
    """A frame after ``comma``: „…, sagte Kim.“ / „…, wie X mitteilte.“ / „…, hatte Kim gesagt.“ → (frame end, cue, inverted subject)."""
    tokens = doc.tokens
    i = comma + 1
    if i >= limit or tokens[i].kind != "word":
        return None
    end = clause_end_over_titles(doc, i, limit)
    if end < limit and tokens[end].text not in SENTENCE_END and tokens[end].text != ",":
        return None
    if tokens[i].text.lower() in lexicon.rule_words.wie_frame:
        wie = wie_frame_end(doc, lexicon, i, limit)
        return None if wie is None else (*wie, None)
    # „…, hatte die Sprecherin am Morgen gesagt.“: the perfect auxiliary first, the participle last
    perfect = doc.lemma(i).lower() in lexicon.rule_words.act_auxiliary and end - 1 > i + 1
    cue = find_cue(doc, lexicon, end - 1, end) if perfect else find_cue(doc, lexicon, i, end)
    if cue is None or (cue.verb is not None and cue.verb.strength < tuning.RELIABLE_SPEECH):
        return None
    if cue.verb is not None and not (cue.verb.valency & {"v2", "colon", "direct"}):
        return None
    # the inverted subject follows the verb („sagte er“, „betonte der Minister“),
    # after at most one adverb, and little else follows it („…, sagte er am Montag.“)
    tail_end = end - 1 if perfect else end
    found = _inverted_subject(doc, lexicon, i + 1, tail_end)
    if found is None or perfect and found.start != i + 1:
        return None  # „…, hat nun seine Rückkehr angekündigt“: no subject right after the auxiliary
    subject = found.end
    # a quoted title counts as one word of the tail („…, sagte er laut der „Wirtschaftswoche““)
    titles = sum(b - a - 1 for a, b in quoted_titles(doc, subject, tail_end))
    tail = tail_end - subject - titles
    if tail > tuning.FRAME_TAIL_TOKENS and (perfect or not (tail <= tuning.ADVERBIAL_TAIL_TOKENS and _adverbial_tail(doc, lexicon, subject, tail_end))):
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
    if _frame_of_its_own(doc, lexicon, start, last, taken):
        return None  # „Wie AFP meldete, sagte Ostrowski, …“: the wie-clause relays the frame after it
    mood, _ = clause_mood(doc, lexicon, start, stop)
    speaker = _np_range(i + 1, cue.tokens[1])
    evidence = Evidence("wie", speaker)
    confidence = tuning.INDIRECT_WIE_PREPOSED
    return _candidate(doc, (start, stop), cue, (i, end + 1), mood, confidence, "indirect.wie_before", evidence, speaker), stop


def _frame_of_its_own(doc: Doc, lexicon: Lexicon, start: int, last: int, taken: list[CharSpan]) -> bool:
    """Whether the clause after a preposed wie-clause opens with a speech-verb frame of its own.

    „Wie die Agentur AFP meldete, sagte der Berater, ein Treffen sei nicht
    vereinbart“: the content is the adviser's, after „sagte der Berater,“; the
    wie-clause stays a source of that frame.
    """
    cue = find_cue(doc, lexicon, start, last)
    return cue is not None and _verb_frame(doc, lexicon, cue, start, start, last, taken) is not None


def _only_a_wie_clause(doc: Doc, lexicon: Lexicon, start: int, comma: int) -> bool:
    """Whether ``[start, comma)`` is nothing but a wie-frame („Wie die Agentur AFP meldete“)."""
    if doc.tokens[start].text.lower() not in lexicon.rule_words.wie_frame:
        return False
    wie = wie_frame_end(doc, lexicon, start, comma + 1)
    return wie is not None and wie[0] == comma


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
    if not wie and _only_a_wie_clause(doc, lexicon, start, comma):
        return None  # „Wie AFP meldete, sagte Ostrowski, …“: a wie-clause is no content of the frame after it
    mood, finite = clause_mood(doc, lexicon, start, comma)
    if not wie and (finite is None or _noun_with_relative(doc, lexicon, start, comma)):
        # „Hans Maier, Sprecher der Stadtwerke, kritisierte …“, „Die Ministerin, die seit Mai im Amt
        # ist, kritisierte …“: the subject with its apposition or relative clause, no content
        return None
    if not wie and mood != "subjunctive" and _adverbial_clause(doc, lexicon, start, comma):
        return None  # „Als der Minister ankam, sprach er …“: a fronted adverbial clause, no content
    if cue.tokens[0] > comma + 1 and not wie and mood != "subjunctive":
        return None  # a perfect frame („…, hatte er gesagt“) only after Konjunktiv: the indicative is too often narration
    speaker = _np_range(cue.tokens[0] + 1, cue.tokens[-1]) if wie else None
    frame_end = end + 1 if end < last and tokens[end].text in SENTENCE_END else end
    rule, evidence = ("indirect.wie_after", Evidence("wie", speaker)) if wie else ("indirect.frame_after", Evidence("verb", subject))
    confidence = tuning.INDIRECT_POSTPOSED
    return _candidate(doc, (start, comma), cue, (comma, frame_end), mood, confidence, rule, evidence, speaker), end


def _adverbial_clause(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is one subordinate clause („Nachdem die Firma die Zahlen vorgelegt hatte“).

    Before a verb-first main clause („…, kritisierte der Betriebsrat …“) it is the
    main clause's adverbial, not what was said; with a main clause after it („Weil
    das Geld fehlt, kann man nicht bauen, sagte sie.“) the whole is content.
    """
    return "subordinator" in classes_at(doc, lexicon, start) and not any(doc.tokens[k].text in FRAME_BREAKS for k in range(start, end))


def _noun_with_relative(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a verbless phrase and a relative clause up to ``end`` („Die Ministerin, die …“).

    Not „Der Plan, den die Stadt vorgelegt habe, sei zu teuer“: the main clause goes on.
    """
    commas = [k for k in range(start, end) if doc.tokens[k].text == ","]
    if len(commas) != 1 or commas[0] + 1 >= end or "relative" not in classes_at(doc, lexicon, commas[0] + 1):
        return False
    comma = commas[0]
    return clause_mood(doc, lexicon, start, comma)[1] is None


def _verb_frame(
    doc: Doc, lexicon: Lexicon, cue: CueMatch, i: int, floor: int, last: int, taken: list[CharSpan]
) -> Candidate | None:
    """„Kim sagte, die Lage sei ernst“: the speech verb ``cue`` at ``i`` whose frame ends in a comma or colon."""
    tokens = doc.tokens
    after = max(cue.tokens) + 1
    # The frame's comma comes within FRAME_GAP_TOKENS of the verb, so the walk stops
    # there: a sentence of a thousand clauses without a comma is not walked per verb.
    reach = min(last, i + tuning.FRAME_GAP_TOKENS + 1)
    comma = clause_end_over_titles(doc, after, reach)  # „sagte der „Zeitung“, …“
    if comma >= reach or tokens[comma].text not in (",", ":") or comma - i > tuning.FRAME_GAP_TOKENS:
        return None
    frame_start = clause_start(doc, i, floor) if _after_content(doc, floor, i) else floor
    if frame_start > floor and tokens[frame_start - 1].text == "," and _only_a_wie_clause(doc, lexicon, floor, frame_start - 1):
        frame_start = floor  # „Wie AFP meldete, sagte Ostrowski, …“: the wie-clause belongs to the frame
    if _is_hedge_passive(doc, lexicon, cue, frame_start, comma) or _speech_act_at(doc, lexicon, comma + 1, last):
        return None
    if tokens[frame_start].text.lower() in lexicon.rule_words.wie_frame and _frame_of_its_own(doc, lexicon, comma + 1, last, taken):
        return None  # „Wie AFP meldete, sagte Ostrowski, …“: the wie-clause relays the frame after it
    cand = _preposed(doc, lexicon, cue, frame_start, comma, last)
    if cand is None or overlaps(cand.content[0], taken):
        return None
    return cand


def _speech_noun(doc: Doc, lexicon: Lexicon, i: int, last: int) -> Candidate | None:
    """„die Hoffnung, dass …“ / „der Vorwurf, er habe …“ / „die Forderung der Eltern, … zu …“.

    A noun of saying (``speech_nouns.tsv``), its attribute naming who said it („der
    Eltern“, „von Minister Kim“, „Frankreichs“) if any, a comma, and a content the
    noun takes: a dass- or ob-clause, a verb-second clause in Konjunktiv or a
    zu-infinitive. The attribute is the speaker.
    """
    tokens = doc.tokens
    noun = lexicon.speech_nouns.get(tokens[i].text)
    if noun is None or not noun.valency:
        return None
    owner = _noun_owner(doc, lexicon, i + 1, last)
    comma = _after_noun_link(doc, lexicon, owner.end if owner is not None else i + 1, last)
    if comma + 2 >= last or tokens[comma].text != ",":
        return None
    start = comma + 1
    read = _noun_content(doc, lexicon, noun.valency, start, last)
    if read is None:
        return None
    end, mood = read
    cue = CueMatch((i,), tokens[i].text)
    frame = (clause_start(doc, i, doc.sentences[doc.layer.sentence_index(i)].first), start)
    if _reported_frame(doc, lexicon, None, frame[0], comma):
        return None
    evidence = Evidence("noun", owner)
    return _candidate(doc, (start, end), cue, frame, mood, tuning.SPEECH_NOUN, "indirect.speech_noun", evidence, owner)


def _after_noun_link(doc: Doc, lexicon: Lexicon, i: int, last: int) -> int:
    """Skip one correlative or clause-final particle between a noun of saying and its comma.

    „Hinweise darauf, dass …“, „Es lagen Hinweise vor, dass …“: the word stands
    between the noun and its content clause.
    """
    if i + 1 < last and doc.tokens[i + 1].text == ",":
        word = doc.tokens[i].text
        if word in lexicon.frames.correlatives or word in lexicon.particles:
            return i + 1
    return i


def _noun_owner(doc: Doc, lexicon: Lexicon, i: int, last: int) -> TokenRange | None:
    """Who said what a noun of saying names: its attribute right after it, if any.

    „der Eltern“, „des Ministers, Hans Maier“, „von Minister Kim“, „Frankreichs“;
    None when a comma or anything else follows the noun.
    """
    tokens = doc.tokens
    if i >= last or tokens[i].kind != "word":
        return None
    words = lexicon.rule_words
    low = tokens[i].text.lower()
    opens = low in words.genitive or low in words.genitive_or_dative or tokens[i].text[:1].isupper()
    start = i + 1 if low in words.agent_preposition else i
    if not opens and start == i or start >= last:
        return None
    np = parse_noun_phrase(doc, lexicon, start, last)
    if np is None or np.pronoun is not None or not (np.name_tokens or np.role or np.determiner):
        return None
    np = with_apposition(doc, lexicon, np, last)
    return TokenRange(start, np.end)


def _noun_content(doc: Doc, lexicon: Lexicon, valency: frozenset[str], start: int, last: int) -> tuple[int, str | None] | None:
    """(end, mood) of the content after a noun of saying, if the noun takes what follows.

    The matrix clause usually goes on after the content („Die Hoffnung, …,
    erfüllte sich nicht“), so the content ends at the clause's comma.
    """
    end = min(content_end(doc, lexicon, start, last), clause_end_over_titles(doc, start, last))
    if end - start < 3:
        return None
    opener = classes_at(doc, lexicon, start)
    mood, _ = clause_mood(doc, lexicon, start, end)
    if "complementizer" in opener:
        wanted = "ob" if "polar_question" in opener else "dass"
        return (end, mood) if wanted in valency else None
    if "zu" in valency and ends_in_zu_infinitive(doc, lexicon, start, end):
        # „Pläne, um die Kosten zu senken“: an infinitive of purpose is no content of the noun
        purpose = any(doc.tokens[k].text.lower() in lexicon.frames.infinitive_conjunctions for k in range(start, end))
        return None if purpose else (end, mood)
    if "v2" in valency:
        ok, mood = _v2_content_ok(doc, lexicon, None, start, end)
        if ok and mood == "subjunctive":
            return end, mood
    return None


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
        if not local and previous_free:
            anaphoric = _report_of_previous(doc, lexicon, index, relayed_only=bool(found))
            if anaphoric is not None:  # „… Das teilte X mit, wie Y meldete.“: the wie-clause is no content
                out.append(anaphoric)
                previous_free = False
                continue
        out.extend(found)
        previous_free = not found and not local
    return out


def _report_of_previous(doc: Doc, lexicon: Lexicon, index: int, *, relayed_only: bool = False) -> Candidate | None:
    """„… Das teilte die Notenbank am Donnerstag mit.“: the sentence before is what was said.

    A short sentence opened by a demonstrative („Das“, „Dies“) with a speech verb
    right after it reports the previous sentence of the same paragraph as a whole.
    It may end in a wie-clause that relays it („Das kündigte der Minister an, wie
    die Agentur Y meldete.“): that clause stays in the frame, where attribution
    reads its medium as a source, and is no content of its own. With
    ``relayed_only`` (another construction already read the sentence) only that
    relayed form is taken.
    """
    tokens = doc.tokens
    sentence, before = doc.sentences[index], doc.sentences[index - 1] if index > 0 else None
    if before is None or before.paragraph != sentence.paragraph or sentence.last - sentence.first < 3:
        return None
    if "report_demonstrative" not in classes_at(doc, lexicon, sentence.first):
        return None
    frame_end = sentence.last - 1 if tokens[sentence.last - 1].text in SENTENCE_END else sentence.last
    core_end = _relaying_wie_clause(doc, lexicon, sentence.first + 1, frame_end)
    if relayed_only and core_end == frame_end:
        return None
    limit = core_end + 1 if core_end < frame_end else sentence.last  # the punctuation after a particle closes it
    cue = find_cue(doc, lexicon, sentence.first + 1, limit)
    if cue is None or cue.tokens[0] != sentence.first + 1 or cue.verb is None or cue.verb.strength < tuning.RELIABLE_SPEECH:
        return None
    clause_words = {"complementizer", "subordinator", "w_word"}
    if any(tokens[k].kind == "quote" or classes_at(doc, lexicon, k) & clause_words for k in range(sentence.first + 1, core_end)):
        return None  # „Das sagte er, weil …“, „Das nannte er „absurd““: not a report of the sentence before
    stop = sentence_core_end(doc, before.first, before.last)
    if word_count(doc, before.first, stop) < 3:
        return None
    mood, _ = clause_mood(doc, lexicon, before.first, stop)
    frame = (sentence.first, frame_end)
    rule = "indirect.report_of_previous"
    return _candidate(doc, (before.first, stop), cue, frame, mood, tuning.REPORT_OF_PREVIOUS, rule, _VERB_FRAME)


def _relaying_wie_clause(doc: Doc, lexicon: Lexicon, start: int, end: int) -> int:
    """Where a final „…, wie die Agentur Y berichtete“ of ``[start, end)`` begins (its comma), else ``end``."""
    tokens = doc.tokens
    for comma in range(end - 2, start, -1):
        if tokens[comma].text != "," or tokens[comma + 1].text.lower() not in lexicon.rule_words.wie_frame:
            continue
        wie = wie_frame_end(doc, lexicon, comma + 1, end)
        return comma if wie is not None and wie[0] == end else end
    return end


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
