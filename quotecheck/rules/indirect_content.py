"""Indirect speech, the complement: what a speech-verb frame introduces and whether it is a quote.

Used by :mod:`quotecheck.rules.indirect` and its frame modules. It holds

* the complement of a frame, by construction: „Kim sagte, dass …“ / „…, ob …“ /
  „…, wer …“, the verb-second clause „Kim sagte, die Lage sei ernst“ (recognised
  finite verb; Konjunktiv unless the verb always denotes speech) and the
  zu-infinitive „Er versicherte, die Politik zu unterstützen“;
* the reason clause in Konjunktiv I after a speech act („Das Amt lehnte den
  Antrag ab, weil die Unterlagen unvollständig seien“) and the content after a
  relative frame („…, der betonte, die Lage sei ernst“);
* the frames that are the author's own voice, not a quote: the agentless
  passive of estimating or hoping („Es wird geschätzt, dass …“) and the generic
  „man kann sagen, dass …“;
* :func:`_candidate`, which builds the candidate of every construction.
"""

from __future__ import annotations

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon, SpeechVerb
from quotecheck.morph import KONJUNKTIV, clause_mood, finite_mood, mood_at
from quotecheck.rules.candidate import Candidate, CueMatch, Evidence, char_span
from quotecheck.rules.clauses import (
    FRAME_BREAKS,
    classes_at,
    clause_end,
    clause_end_over_titles,
    clause_start,
    word_count,
)
from quotecheck.rules.content import ends_in_zu_infinitive


#: Classes of verbs whose agentless passive is the author's own hedge or rule, not a quote
#: („Es wird geschätzt, dass …“, „Es ist verboten, im Wald zu rauchen“).
_HEDGE_CLASSES = frozenset({"estimate", "hope", "speculate", "command"})


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
    mood_from = start
    if classes & {"complementizer", "subordinator", "coordinator", "w_word"} and "subject_pronoun" not in classes:
        if not _adverb_before_finite(doc, lexicon, lead, end):
            return False, None
        mood_from = lead + 1  # the mood rules would read the word as a subordinator
    first = doc.tokens[lead]
    if first.kind != "word" and first.kind != "number":
        return False, None
    if lead + 1 < end and classes_at(doc, lexicon, lead + 1) & {"complementizer", "subordinator"}:
        return False, None  # „…, so dass …“
    mood, finite = clause_mood(doc, lexicon, mood_from, end)
    if finite is None:
        return False, None
    if "relative" in classes and "subject_pronoun" not in classes and finite >= end - 1:
        return False, None  # „…, der seit Jahren im Amt ist“: verb-final relative clause
    if mood == "subjunctive":
        return True, mood
    strong = verb is not None and verb.strength >= tuning.ALWAYS_SPEECH and "v2" in verb.valency
    return strong and _main_clause_order(doc, lexicon, start, end, finite, verb_first), mood


def _adverb_before_finite(doc: Doc, lexicon: Lexicon, lead: int, end: int) -> bool:
    """„…, damit solle ein Machtvakuum vermieden werden“: a correlative right before a finite verb is an adverb.

    As a subordinator („damit die Wahl stattfinden kann“) the word puts its verb
    last; followed at once by a finite form of ``konjunktiv.tsv`` it fills the
    position before the verb of a main clause.
    """
    tokens = doc.tokens
    return (
        tokens[lead].text.lower() in lexicon.frames.correlatives
        and lead + 1 < end
        and lexicon.mood(tokens[lead + 1].text) is not None
    )


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
        lexicon.mood(doc.tokens[k].text) in KONJUNKTIV for k in range(finite, end)
    )


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


#: Classes of verbs that tell what was decided or found rather than said („beschloss, …“).
_ACT_CLASSES = frozenset({"decide", "plan", "command", "find"})


def _conditional_frame(doc: Doc, lexicon: Lexicon, cue: CueMatch, frame_start: int) -> bool:
    """Whether the frame is a condition with its finite verb first („Hätte der Sprecher etwas mitgeteilt, …“).

    A sentence that opens with a finite form of ``konjunktiv.tsv`` before the cue
    is an irrealis or a question, not a report: what follows the comma is its
    consequence.
    """
    return _opens_condition(doc, lexicon, frame_start) and cue.tokens[0] > frame_start


def _opens_condition(doc: Doc, lexicon: Lexicon, index: int) -> bool:
    """Whether token ``index`` opens its sentence with a finite Konjunktiv form: a verb-first condition.

    „Wäre er gefragt worden, …“, „Hätte man sie gefragt, …“: an irrealis, not a report.
    """
    sentence = doc.sentences[doc.layer.sentence_index(index)]
    tok = doc.tokens[index]
    return index == sentence.first and tok.kind == "word" and lexicon.mood(tok.text.lower()) in KONJUNKTIV


def _irrealis_consequence(doc: Doc, lexicon: Lexicon, frame_start: int) -> bool:
    """Whether the frame at ``frame_start`` is the consequence of a verb-first condition opening the sentence.

    „Wäre er gefragt worden, hätte die Ministerin erklärt, sie trete zurück.“: the
    frame right after the condition's comma, itself in Konjunktiv II, tells what
    would have been said, so nothing was said. Not „Würde der Plan umgesetzt, sagte
    die Ministerin, drohe ein Chaos.“: the frame is real speech and the condition
    part of what was said.
    """
    sentence = doc.sentences[doc.layer.sentence_index(frame_start)]
    if not _opens_condition(doc, lexicon, sentence.first) or finite_mood(doc, lexicon, frame_start) != "subj2":
        return False
    comma = next((k for k in range(sentence.first + 1, frame_start) if doc.tokens[k].text == ","), None)
    return comma is not None and frame_start == comma + 1


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
    if _conditional_frame(doc, lexicon, cue, frame_start) or _irrealis_consequence(doc, lexicon, frame_start):
        return None  # „Hätte der Sprecher etwas mitgeteilt, wäre …“, „Wäre er gefragt worden, hätte sie erklärt, …“
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


#: The evidence of a speech-verb frame whose speaker the rule does not parse.
_VERB_FRAME = Evidence("verb")
