"""Indirect speech: a speech-verb frame and the clause it introduces.

Pipeline stage 2 (rules), after direct speech; its helpers serve the according-to and reported rules.

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

The helpers at the top (:func:`find_cue`, :func:`content_end`,
:func:`clause_start`) are shared by the other speech rules; :func:`clause_mood`
and :func:`is_reportive` are re-exported from :mod:`quotecheck.morph`.
"""

from __future__ import annotations

from typing import Iterable

import regex

from quotecheck.analysis.base import Doc
from quotecheck import tuning
from quotecheck.mentions import parse_noun_phrase, with_seat
from quotecheck.lexicon import Lexicon, SpeechVerb
from quotecheck.morph import clause_mood, is_reportive
from quotecheck.rules.common import (
    SENTENCE_END,
    Candidate,
    according_phrase_at,
    CueMatch,
    char_span,
    claimed_by_sentence,
    clause_end,
    match_speech_verb,
    overlaps,
    classes_at,
    quoted_titles,
    word_count,
)

__all__ = [
    "clause_mood",
    "is_reportive",
    "find_cue",
    "content_end",
    "clause_start",
    "find_indirect",
]

_BREAKS = frozenset(",;:()–—")
#: Classes of verbs whose agentless passive is the author's own hedge, not a quote.
_HEDGE_CLASSES = frozenset({"estimate", "hope", "speculate"})
#: A participle: optional separable particle, ge-, stem, -t/-et/-en.
_PARTICIPLE = regex.compile(r"^(?P<particle>\p{Ll}*?)ge(?P<stem>\p{Ll}{2,}?)(?:et|t|en)$")
_ZU_INFINITIVE = regex.compile(r"^\p{Ll}+zu\p{Ll}+en$")


# --- shared helpers ------------------------------------------------------------


def clause_start(doc: Doc, index: int, floor: int) -> int:
    """First token of the clause containing ``index`` (after the last break ≥ ``floor``)."""
    tokens = doc.tokens
    i = index
    while i > floor and not (tokens[i - 1].text in _BREAKS or tokens[i - 1].kind == "quote"):
        i -= 1
    return i


def _match_phrase(doc: Doc, lexicon: Lexicon, index: int, lemma: str, limit: int) -> CueMatch | None:
    """A multi-word speech phrase whose verb is at ``index`` („brachte … zum Ausdruck“)."""
    phrases = lexicon.speech_phrases_by_base.get(lemma)
    if not phrases:
        return None
    tokens = doc.tokens
    start = clause_start(doc, index, doc.sentences[doc.layer.sentence_index(index)].first)
    end = clause_end(doc, index + 1, limit)
    window = {}
    for k in range(max(start, index - tuning.PHRASE_WINDOW_BEFORE), min(end, index + tuning.PHRASE_WINDOW_AFTER)):
        if k != index and tokens[k].kind == "word":
            window.setdefault(tokens[k].text.lower(), k)
    word = tokens[index].text.lower()
    for phrase in phrases:
        found = [index]
        ok = True
        for part in phrase.lemma.split()[:-1]:
            low = part.lower()
            if low in window:
                found.append(window[low])
            elif low in lexicon.rule_words.phrase_determiner or low in lexicon.clause.reflexives:
                continue
            elif phrase.particle == part and part in word:
                continue
            else:
                ok = False
                break
        if ok and phrase.particle and phrase.particle not in word and phrase.particle.lower() not in window:
            ok = False
        elif ok and phrase.particle and phrase.particle.lower() in window and window[phrase.particle.lower()] not in found:
            found.append(window[phrase.particle.lower()])
        if ok and len(found) > 1:
            return CueMatch(tuple(sorted(found)), phrase.lemma, phrase)
    return None


def find_cue(doc: Doc, lexicon: Lexicon, index: int, limit: int) -> CueMatch | None:
    """The speech verb or verbal phrase at token ``index``, if any.

    Phrases first („brachte … zum Ausdruck“, „wurde bekannt“), then single verbs
    with their separated particle, then participles the lemmatizer leaves alone
    („angedeutet“ → andeuten).
    """
    tok = doc.tokens[index]
    if tok.kind != "word":
        return None
    lemma = doc.lemma(index).lower()
    word = tok.text
    known = lemma in lexicon.speech_verbs_by_base or lemma in lexicon.speech_verbs or word.lower() in lexicon.speech_verbs
    if not known and lemma not in lexicon.speech_phrases_by_base and not (word.islower() and any(p in word for p in lexicon.morph.participle_prefix)):
        return None  # cheap exit: most words are no verb of saying
    phrase = _match_phrase(doc, lexicon, index, lemma, limit)
    if phrase is not None:
        return phrase
    match = match_speech_verb(doc, lexicon, index, limit)
    if match is not None:
        return match
    far = _particle_after_apposition(doc, lexicon, index, lemma, limit)
    if far is not None:
        return far
    if word.islower():
        m = _PARTICIPLE.match(word)
        if m:
            for candidate in (m["particle"] + m["stem"] + "en", m["particle"] + m["stem"] + "n"):
                entry = lexicon.speech_verbs.get(candidate)
                if entry is not None and not entry.is_phrase:
                    return CueMatch((index,), entry.lemma, entry)
    return None


def _particle_after_apposition(doc: Doc, lexicon: Lexicon, index: int, lemma: str, limit: int) -> CueMatch | None:
    """„gab der Leiter, Andreas Huber, bekannt, dass …“: the particle after an apposition."""
    bases = [v for v in lexicon.speech_verbs_by_base.get(lemma, ()) if v.particle is not None]
    if not bases or not doc.tokens[index].text.islower():
        return None
    tokens = doc.tokens
    commas = 0
    for k in range(index + 1, min(limit, index + tuning.APPOSITION_PARTICLE_TOKENS)):
        text = tokens[k].text
        if text == ",":
            commas += 1
            if commas > 2:
                return None
            continue
        if text in SENTENCE_END or text in (";", ":") or tokens[k].kind == "quote":
            return None
        if commas and k + 1 < limit and tokens[k + 1].text in (",", ":", ".") and text.islower():
            for verb in bases:
                if verb.particle == text:
                    return CueMatch((index, k), verb.lemma, verb)
    return None


def _finite_cue_after(doc: Doc, lexicon: Lexicon, index: int, limit: int) -> bool:
    """Whether a speech verb starts at ``index`` or right after one adverb („sagte er“, „betonte aber“)."""
    tokens = doc.tokens
    for k in (index, index + 1):
        if k < limit and tokens[k].kind == "word":
            cue = match_speech_verb(doc, lexicon, k, limit)
            if cue is not None and (cue.verb is None or cue.verb.strength >= tuning.RELIABLE_SPEECH):
                return True
            if tokens[k].text[:1].isupper():
                return False
    return False


def _prepositional_appendix(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """„in Anspielung auf das Regime“: a verbless prepositional chunk up to ``end``."""
    tokens = doc.tokens
    if start >= end or "preposition" not in classes_at(doc, lexicon, start):
        return False
    for k in range(start, end):
        tok = tokens[k]
        if tok.text in _BREAKS or tok.kind == "quote":
            return False
        low = tok.text.lower()
        if low in lexicon.konjunktiv or _ZU_INFINITIVE.match(low) or low in lexicon.clause.infinitive_markers:
            return False
    return True


def content_end(doc: Doc, lexicon: Lexicon, start: int, limit: int) -> int:
    """Token index where reported content starting at ``start`` ends (exclusive).

    Stops at a semicolon, before a postposed frame („, sagte er“, „, so der
    Minister“, „, wie X mitteilte“), before „und“ + speech verb, before a verbless
    prepositional appendix, and before the sentence-final punctuation.
    """
    tokens = doc.tokens
    i = start
    depth = 0
    while i < limit:
        text = tokens[i].text
        if text == "(":
            depth += 1
        elif text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            if text == ";":
                break
            if text == ",":
                if _finite_cue_after(doc, lexicon, i + 1, limit):
                    break
                nxt = tokens[i + 1].text.lower() if i + 1 < limit else ""
                if nxt in lexicon.rule_words.so_frame and i + 2 < limit and (tokens[i + 2].text[:1].isupper() or tokens[i + 2].text.lower() in lexicon.rule_words.phrase_determiner):
                    break
                if nxt in lexicon.rule_words.wie_frame and wie_frame_end(doc, lexicon, i + 1, limit) is not None:
                    break
                if _prepositional_appendix(doc, lexicon, i + 1, _sentence_core_end(doc, i + 1, limit)):
                    break
            elif text.lower() in lexicon.rule_words.frame_coordinator and i > start and _finite_cue_after(doc, lexicon, i + 1, limit):
                break
        i += 1
    while i > start and (tokens[i - 1].text in SENTENCE_END or tokens[i - 1].text in _BREAKS):
        i -= 1
    return i


def _sentence_core_end(doc: Doc, start: int, limit: int) -> int:
    """``limit`` without the sentence-final punctuation."""
    end = limit
    while end > start and doc.tokens[end - 1].text in SENTENCE_END:
        end -= 1
    return end


def wie_frame_end(doc: Doc, lexicon: Lexicon, wie: int, limit: int) -> tuple[int, CueMatch] | None:
    """„wie X sagte“ / „wie der Kreml angekündigt hatte“: (clause end, cue), else None."""
    tokens = doc.tokens
    end = clause_end(doc, wie + 1, limit, quoted_titles(doc, wie + 1, limit))  # „wie das „Abendblatt“ berichtete“
    if end - wie < 3 or end - wie > tuning.FRAME_GAP_TOKENS:
        return None
    for k in (end - 1, end - 2):
        if k <= wie + 1:
            continue
        if k == end - 2 and tokens[end - 1].text.lower() not in lexicon.konjunktiv:
            continue
        # verb-final particle verb written apart: „wie die Polizei bekannt gab“
        before = tokens[k - 1].text.lower()
        entry = lexicon.speech_verbs.get(before + doc.lemma(k).lower())
        if entry is not None and entry.particle == before and entry.strength >= tuning.RELIABLE_SPEECH:
            return end, CueMatch((wie, k - 1, k), entry.lemma, entry)
        if any(tokens[j].text.lower() in lexicon.clause.reflexives for j in range(wie + 1, end)):
            return None  # „wie sich die Junta nennt“: naming, not saying
        cue = find_cue(doc, lexicon, k, end)
        if cue is not None and (cue.verb is None or cue.verb.strength >= tuning.RELIABLE_SPEECH):
            return end, CueMatch((wie,) + cue.tokens, cue.lemma, cue.verb)
    return None


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


def _zu_content(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether ``[start, end)`` ends in a zu-infinitive („die Steuern zu senken“, „einzulenken“)."""
    tokens = doc.tokens
    if end - start < 2:
        return False
    last = tokens[end - 1].text.lower()
    return tokens[end - 2].text.lower() in lexicon.clause.infinitive_markers or bool(_ZU_INFINITIVE.match(last))


def _candidate(
    doc: Doc,
    content: tuple[int, int],
    cue: CueMatch,
    frame: tuple[int, int],
    mood: str | None,
    confidence: float,
    speaker: tuple[int, int] | None = None,
) -> Candidate:
    return Candidate(
        kind="indirect",
        content=(char_span(doc, *content),),
        sentence=doc.layer.sentence_index(content[0]),
        cue=cue,
        frame=frame,
        mood=mood,
        confidence=confidence,
        speaker_tokens=speaker,
    )


def _preposed(
    doc: Doc, lexicon: Lexicon, cue: CueMatch, frame_start: int, comma: int, limit: int
) -> Candidate | None:
    """Frame clause ending at token ``comma`` („,“ or „:“), complement after it."""
    tokens = doc.tokens
    start = comma + 1
    if start >= limit or tokens[start].kind == "quote":
        return None
    verb = cue.verb
    valency = verb.valency if verb is not None else frozenset({"dass", "v2"})
    classes = classes_at(doc, lexicon, start)
    end = content_end(doc, lexicon, start, limit)
    if end <= start:
        return None
    frame = (frame_start, comma + 1)
    strength = verb.strength if verb is not None else tuning.UNKNOWN_VERB_STRENGTH
    head = clause_start(doc, cue.tokens[0], frame_start)
    head_classes = classes_at(doc, lexicon, head)
    relative = "relative" in head_classes and head > 0 and doc.tokens[head - 1].text == ","
    subordinate = head < cue.tokens[0] and ("subordinator" in head_classes or relative)
    if _generic(doc, lexicon, frame_start, comma):
        return None
    if "complementizer" in classes:
        if not (valency & {"dass", "ob", "w"}) or strength < tuning.MIN_DASS_STRENGTH:
            return None
        mood, _ = clause_mood(doc, lexicon, start, end)
        return _candidate(doc, (start, end), cue, frame, mood, tuning.DASS_BASE + tuning.STRENGTH_WEIGHT * strength)
    if "w_word" in classes and "relative" not in classes:
        if not (valency & {"w", "ob"}):
            return None
        mood, _ = clause_mood(doc, lexicon, start, end)
        return _candidate(doc, (start, end), cue, frame, mood, tuning.OTHER_BASE + tuning.STRENGTH_WEIGHT * strength)
    if subordinate:
        return None  # „nachdem sie es bemerkt hatten, wurde …“: the main clause follows
    first_end = clause_end(doc, start, limit)
    if "zu" in valency and strength >= tuning.RELIABLE_SPEECH and _zu_content(doc, lexicon, start, first_end):
        mood, _ = clause_mood(doc, lexicon, start, end)
        return _candidate(doc, (start, end), cue, frame, mood, tuning.OTHER_BASE + tuning.STRENGTH_WEIGHT * strength)
    if valency & {"v2", "colon"} and strength >= tuning.MIN_V2_STRENGTH:
        ok, mood = _v2_content_ok(doc, lexicon, verb, start, end)
        if ok:
            return _candidate(doc, (start, end), cue, frame, mood, tuning.OTHER_BASE + tuning.STRENGTH_WEIGHT * strength)
    return None


def _postposed_frame(doc: Doc, lexicon: Lexicon, comma: int, limit: int) -> tuple[int, CueMatch] | None:
    """A frame after ``comma``: „…, sagte Kim.“ / „…, wie X mitteilte.“ → (frame end, cue)."""
    tokens = doc.tokens
    i = comma + 1
    if i >= limit or tokens[i].kind != "word":
        return None
    end = clause_end(doc, i, limit, quoted_titles(doc, i, limit))
    if end < limit and tokens[end].text not in SENTENCE_END and tokens[end].text != ",":
        return None
    if tokens[i].text.lower() in lexicon.rule_words.wie_frame:
        return wie_frame_end(doc, lexicon, i, limit)
    cue = find_cue(doc, lexicon, i, end)
    if cue is None or (cue.verb is not None and cue.verb.strength < tuning.RELIABLE_SPEECH):
        return None
    if cue.verb is not None and not (cue.verb.valency & {"v2", "colon", "direct"}):
        return None
    # the inverted subject follows the verb („sagte er“, „betonte der Minister“),
    # after at most one adverb, and little else follows it („…, sagte er am Montag.“)
    subject = _inverted_subject(doc, lexicon, i + 1, end)
    # a quoted title counts as one word of the tail („…, sagte er laut der „Wirtschaftswoche““)
    titles = sum(b - a - 1 for a, b in quoted_titles(doc, subject, end)) if subject is not None else 0
    if subject is None:
        return None
    tail = end - subject - titles
    if tail > tuning.FRAME_TAIL_TOKENS and not (tail <= tuning.ADVERBIAL_TAIL_TOKENS and _adverbial_tail(doc, lexicon, subject, end)):
        return None
    return end, cue


def _adverbial_tail(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """„…, sagte die Richterin am Donnerstag bei der Urteilsverkündung.“: only adverbials follow.

    A coordinated second clause („…, sagte er und verließ den Saal“) is no frame tail.
    """
    return not any("coordinator" in classes_at(doc, lexicon, k) for k in range(start, end))


def _inverted_subject(doc: Doc, lexicon: Lexicon, start: int, end: int) -> int | None:
    """End of the subject noun phrase at ``start`` (or after one adverb), else None."""
    tokens = doc.tokens
    for k in (start, start + 1):
        if k >= end:
            return None
        low = tokens[k].text.lower()
        if low in lexicon.clause.subject_pronouns:
            return k + 1
        np = parse_noun_phrase(doc, lexicon, k, end)
        if np is not None and not np.dative:
            return np.end
        if k == start and "adverb" not in classes_at(doc, lexicon, k):
            return None  # „sagte vor der Presse …“: no subject right after the verb
    return None


def _sentence_candidates(doc: Doc, lexicon: Lexicon, first: int, last: int, taken: list[tuple[int, int]]) -> list[Candidate]:
    tokens = doc.tokens
    found: list[Candidate] = []
    floor = first  # tokens before this belong to an earlier candidate of the sentence
    i = first
    while i < last:
        tok = tokens[i]
        if overlaps((tok.start, tok.end), taken) or tok.kind not in ("word", "punct"):
            i += 1
            continue
        # „Wie der Anwalt mitteilte, brach er zusammen.“
        if tok.text.lower() in lexicon.rule_words.wie_frame and i == floor:
            wie = wie_frame_end(doc, lexicon, i, last)
            if wie is not None and wie[0] < last and tokens[wie[0]].text == ",":
                end, cue = wie
                start = end + 1
                stop = content_end(doc, lexicon, start, last)
                if stop - start >= 2 and not overlaps(char_span(doc, start, stop), taken) and not _speech_act_at(doc, lexicon, start, stop):
                    mood, _ = clause_mood(doc, lexicon, start, stop)
                    found.append(_candidate(doc, (start, stop), cue, (i, end + 1), mood, tuning.INDIRECT_WIE_PREPOSED, _np_range(i + 1, cue.tokens[1])))
                    floor = i = stop
                    continue
        # „Die Lage sei ernst, sagte Kim.“ / „…, wie X mitteilte.“
        if tok.text == "," and i > floor:
            post = _postposed_frame(doc, lexicon, i, last)
            if post is not None:
                end, cue = post
                start = _content_start(doc, floor, i)
                words = word_count(doc, start, i)
                if words >= 3 and not overlaps(char_span(doc, start, i), taken) and not (
                    tokens[i + 1].text.lower() in lexicon.rule_words.wie_frame and _speaker_before_wie(doc, lexicon, start, i)
                ):
                    mood, _ = clause_mood(doc, lexicon, start, i)
                    speaker = _np_range(cue.tokens[0] + 1, cue.tokens[-1]) if tokens[i + 1].text.lower() in lexicon.rule_words.wie_frame else None
                    frame_end = end + 1 if end < last and tokens[end].text in SENTENCE_END else end
                    found.append(_candidate(doc, (start, i), cue, (i, frame_end), mood, tuning.INDIRECT_POSTPOSED, speaker))
                    floor = i = end
                    continue
        noun = _speech_noun(doc, lexicon, i, last)
        if noun is not None:
            found.append(noun)
            stop = doc.layer.token_at(noun.content[0][1] - 1)
            floor = i = (stop + 1) if stop is not None else last
            continue
        cue = find_cue(doc, lexicon, i, last) if tok.kind == "word" and tok.text.lower() not in lexicon.rule_words.wie_frame else None
        if cue is None:
            i += 1
            continue
        comma = clause_end(doc, max(cue.tokens) + 1, last)
        if comma < last and tokens[comma].text in (",", ":") and comma - i <= tuning.FRAME_GAP_TOKENS:
            frame_start = clause_start(doc, i, floor) if _after_content(doc, floor, i) else floor
            if not _is_hedge_passive(doc, lexicon, cue, frame_start, comma) and not _speech_act_at(doc, lexicon, comma + 1, last):
                cand = _preposed(doc, lexicon, cue, frame_start, comma, last)
                if cand is not None and not overlaps(cand.content[0], taken):
                    found.append(cand)
                    stop = doc.layer.token_at(cand.content[0][1] - 1)
                    floor = i = (stop + 1) if stop is not None else last
                    continue
        i += 1
    return found


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
    return _candidate(doc, (start, end), cue, frame, mood, tuning.SPEECH_NOUN)


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
        entry = according_phrase_at(doc, lexicon, k, comma)
        if entry is None or entry.position not in _NAMING_POSITIONS:
            continue
        if tokens[k].text.lower() != "laut" or tokens[k + 1].text[:1].isupper():
            return True  # („laut und deutlich“ is no source)
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


def _np_range(start: int, end: int) -> tuple[int, int] | None:
    return (start, end) if end > start else None


def find_indirect(doc: Doc, lexicon: Lexicon, taken: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Indirect quotes introduced by a speech-verb frame.

    ``taken`` are character spans already claimed (direct quotes); a candidate
    whose content overlaps one is dropped, so direct speech wins.
    """
    out: list[Candidate] = []
    previous_free = False  # the sentence before is unclaimed and gave no quote
    for index, (sentence, local) in enumerate(claimed_by_sentence(doc, taken)):
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
    stop = _sentence_core_end(doc, before.first, before.last)
    if word_count(doc, before.first, stop) < 3:
        return None
    mood, _ = clause_mood(doc, lexicon, before.first, stop)
    frame_end = sentence.last - 1 if tokens[sentence.last - 1].text in SENTENCE_END else sentence.last
    return _candidate(doc, (before.first, stop), cue, (sentence.first, frame_end), mood, tuning.REPORT_OF_PREVIOUS)
