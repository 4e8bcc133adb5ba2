"""Indirect speech, the frames: where the speech-verb frame stands relative to its content.

Used by :mod:`quotecheck.rules.indirect`. It holds

* the preposed verb frame: „Kim sagte, die Lage sei ernst“ / „Kim sagte: …“
  (:func:`_verb_frame`, :func:`_preposed`);
* the postposed frame: „Die Lage sei ernst, sagte Kim.“, „…, hatte Kim gesagt.“
  and the postposed wie-clause „Die Lage sei ernst, wie der Kreml mitteilte.“
  (:func:`_postposed`, :func:`_postposed_frame`);
* the preposed wie-clause: „Wie der Anwalt mitteilte, brach er zusammen.“
  (:func:`_preposed_wie`), and the checks on what surrounds a wie-clause.
"""

from __future__ import annotations

import attrs

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.attribution.nounphrase import function_word_classes, parse_noun_phrase, with_apposition, with_seat
from quotecheck.morph import clause_mood, finite_mood
from quotecheck.ranges import CharSpan, TokenRange
from quotecheck.rules.candidate import Candidate, CueMatch, Evidence, char_span, overlaps
from quotecheck.rules.clauses import (
    FRAME_BREAKS,
    SENTENCE_END,
    classes_at,
    clause_end,
    clause_end_over_appositions,
    clause_end_over_titles,
    clause_start,
    quoted_titles,
    relative_antecedent,
    word_count,
)
from quotecheck.rules.content import content_end, is_impersonal_wie, piece_opens_clause, wie_frame_end
from quotecheck.rules.cues import cue_positions, find_cue, match_speech_verb
from quotecheck.rules.source_phrases import source_phrase_at
from quotecheck.rules.indirect_content import (
    _VERB_FRAME,
    _candidate,
    _complement,
    _generic,
    _is_hedge_passive,
    _opens_condition,
    _relative_head,
    _reported_frame,
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


def _postposed_frame(doc: Doc, lexicon: Lexicon, comma: int, limit: int) -> tuple[int, CueMatch, TokenRange | None] | None:
    """A frame after ``comma``: „…, sagte Kim.“ / „…, wie X mitteilte.“ / „…, hatte Kim gesagt.“ → (frame end, cue, inverted subject)."""
    tokens = doc.tokens
    i = _verb_after_so(doc, lexicon, comma + 1, limit)
    if not _may_open_frame(doc, lexicon, i, limit):
        return None  # the cheap test first: no walk over appositions after most commas
    end, _ = clause_end_over_appositions(doc, lexicon, i, limit)  # „teilte der Direktor, Jan Berg, mit“
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
    if i > comma + 1:
        cue = CueMatch((comma + 1,) + cue.tokens, cue.lemma, cue.verb)  # „so betonte“: the so-word is part of the cue
    # the inverted subject follows the verb („sagte er“, „betonte der Minister“),
    # after at most one adverb, and little else follows it („…, sagte er am Montag.“)
    tail_end = end - 1 if perfect else end
    found = _subject_after_verb(doc, lexicon, i + 1, tail_end)
    if found is None or perfect and found.start != i + 1:
        return None  # „…, hat nun seine Rückkehr angekündigt“: no subject right after the auxiliary
    subject = found.end
    # a quoted title counts as one word of the tail („…, sagte er laut der „Wirtschaftswoche““)
    titles = sum(b - a - 1 for a, b in quoted_titles(doc, subject, tail_end))
    tail = tail_end - subject - titles
    if tail > tuning.FRAME_TAIL_TOKENS and (perfect or not (tail <= tuning.ADVERBIAL_TAIL_TOKENS and _adverbial_tail(doc, lexicon, subject, tail_end))):
        return None
    return end, cue, found


def _may_open_frame(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> bool:
    """Whether the word at ``i`` (before ``limit``) may open a postposed frame: a wie-word („…, wie Kim sagte“),
    a cue („…, sagte Kim“) or a perfect auxiliary whose participle ends the frame („…, hatte Kim gesagt“).

    Most words after a comma are none of these, and need no walk over appositions.
    """
    if i >= limit or doc.tokens[i].kind != "word":
        return False
    if doc.tokens[i].text.lower() in lexicon.rule_words.wie_frame or cue_positions(doc, lexicon).has(doc, i):
        return True
    return doc.lemma(i).lower() in lexicon.rule_words.act_auxiliary


def _verb_after_so(doc: Doc, lexicon: Lexicon, i: int, limit: int) -> int:
    """Past a so-frame word at ``i`` when a lower-case verb follows it („…, so betonte die Polizei.“), else ``i``.

    The verb-first so-frame is the postposed frame with „so“ before it: „Die Lage
    sei ernst, so erklärte der Minister am Montag.“ The verbless one („…, so der
    Minister.“) is the according-to rule's; there no speech verb follows „so“.
    """
    tokens = doc.tokens
    if i + 1 < limit and tokens[i].text.lower() in lexicon.rule_words.so_frame and tokens[i + 1].kind == "word":
        return i + 1
    return i


def _adverbial_tail(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """„…, sagte die Richterin am Donnerstag bei der Urteilsverkündung.“: only adverbials follow.

    A coordinated second clause („…, sagte er und verließ den Saal“) is no frame tail.
    """
    return not any("coordinator" in classes_at(doc, lexicon, k) for k in range(start, end))


def _subject_after_verb(doc: Doc, lexicon: Lexicon, start: int, end: int) -> TokenRange | None:
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
            return TokenRange(k, with_apposition(doc, lexicon, np, end).end)  # „der Direktor, Jan Berg,“
        if k == start and "adverb" not in classes_at(doc, lexicon, k):
            return None  # „sagte vor der Presse …“: no subject right after the verb
    return None


#: A candidate and the token after it, where the search goes on.
_Hit = tuple[Candidate, int]


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
    speaker = _wie_speaker(doc, lexicon, cue)
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
    verb = _verb_after_so(doc, lexicon, comma + 1, last)
    if not _may_be_content(doc, lexicon, start, comma, taken) or _condition_alone(doc, lexicon, start, comma, verb, end, last, taken):
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
    speech_word = cue.tokens[verb - comma - 1]  # the cue's word at the finite verb's place, past „so“
    if speech_word > verb and not wie and mood != "subjunctive":
        return None  # a perfect frame („…, hatte er gesagt“) only after Konjunktiv: the indicative is too often narration
    speaker = _wie_speaker(doc, lexicon, cue) if wie else None
    frame_end = end + 1 if end < last and tokens[end].text in SENTENCE_END else end
    rule, evidence = ("indirect.wie_after", Evidence("wie", speaker)) if wie else ("indirect.frame_after", Evidence("verb", subject))
    confidence = tuning.INDIRECT_POSTPOSED
    if _asked_before(doc, lexicon, start):
        # „Auf die Frage, ob …, sagte er, man werde …“: the question belongs to the frame, the answer is said
        after = _clause_after_frame(doc, lexicon, end, last, taken)
        if after is None:
            return None
        mood, _ = clause_mood(doc, lexicon, *after)
        return _candidate(doc, after, cue, (start, end), mood, confidence, rule, evidence, speaker), after[1]
    cand = _candidate(doc, (start, comma), cue, (comma, frame_end), mood, confidence, rule, evidence, speaker)
    return _with_clause_after(doc, lexicon, cand, end, last, taken)


def _asked_before(doc: Doc, lexicon: Lexicon, start: int) -> bool:
    """Whether the text before a postposed frame opens with a preposition and a noun of asking („Auf die Frage, ob …“)."""
    tokens = doc.tokens
    if "prep" not in function_word_classes(lexicon, tokens[start].text):
        return False
    np = parse_noun_phrase(doc, lexicon, start + 1, len(tokens))
    if np is None:
        return False
    nouns = (lexicon.speech_nouns.get(tokens[k].text) for k in range(np.start, np.end))
    return any(noun is not None and noun.cls == "ask" for noun in nouns)


def _may_be_content(doc: Doc, lexicon: Lexicon, start: int, comma: int, taken: list[CharSpan]) -> bool:
    """Whether ``[start, comma)`` before a postposed frame may be its content: three words, unclaimed."""
    return word_count(doc, start, comma) >= 3 and not overlaps(char_span(doc, start, comma), taken)


def _condition_alone(doc: Doc, lexicon: Lexicon, start: int, comma: int, verb: int, end: int, last: int, taken: list[CharSpan]) -> bool:
    """Whether ``[start, comma)`` is a bare verb-first condition that is no content of the frame after it.

    „Wäre er gefragt worden, hätte die Ministerin erklärt, …“: a frame in Konjunktiv
    II tells what would have been said. A condition is content only with its main
    clause: before the frame („Wäre das Geld da, könnte man bauen, sagte er.“) or
    after a frame in the indicative („Würde der Plan umgesetzt, sagte die
    Ministerin, drohe ein Chaos.“).
    """
    if not _opens_condition(doc, lexicon, start) or any(doc.tokens[k].text == "," for k in range(start, comma)):
        return False
    return finite_mood(doc, lexicon, verb) == "subj2" or _clause_after_frame(doc, lexicon, end, last, taken) is None


def _with_clause_after(doc: Doc, lexicon: Lexicon, cand: Candidate, end: int, last: int, taken: list[CharSpan]) -> _Hit:
    """The candidate and where the search goes on, with a Konjunktiv clause after its frame as a second span.

    „Die Lage sei ernst, sagte der Minister, Europa brauche Hilfe.“: the clause
    after the frame is said too.
    """
    more = _clause_after_frame(doc, lexicon, end, last, taken) if cand.mood == "subjunctive" else None
    if more is None:
        return cand, end
    return attrs.evolve(cand, content=(*cand.content, char_span(doc, *more))), more[1]


def _clause_after_frame(doc: Doc, lexicon: Lexicon, comma: int, last: int, taken: list[CharSpan]) -> tuple[int, int] | None:
    """The Konjunktiv clause after a postposed frame that ends at ``comma``, else None.

    „…, sagte der Minister, Europa brauche Hilfe.“ → „Europa brauche Hilfe“. Not an
    indicative clause („…, sagte er, dann ging er.“) nor one an earlier rule claimed.
    """
    tokens = doc.tokens
    start = comma + 1
    if comma >= last or tokens[comma].text != "," or start >= last or tokens[start].kind != "word":
        return None
    stop = content_end(doc, lexicon, start, last)
    if word_count(doc, start, stop) < 3 or overlaps(char_span(doc, start, stop), taken) or _opens_relative(doc, lexicon, start, stop):
        return None
    mood, _ = clause_mood(doc, lexicon, start, stop)
    return (start, stop) if mood == "subjunctive" else None


def _opens_relative(doc: Doc, lexicon: Lexicon, start: int, stop: int) -> bool:
    """Whether ``[start, stop)`` is a relative clause on the speaker before it, not content.

    „…, sagte der Minister, der gestern in Brüssel gewesen sei.“ A relative form
    that is also the definite article opens one only when no noun follows it: not
    „…, sagte er, die Kinder seien in Gefahr.“
    """
    if "relative" not in classes_at(doc, lexicon, start):
        return False
    if "definite" not in function_word_classes(lexicon, doc.tokens[start].text.lower()):
        return True  # „denen“, „deren“, „welcher“
    after = doc.tokens[start + 1] if start + 1 < stop else None
    return after is None or not after.text[:1].isupper()


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


def _comma_within_reach(doc: Doc, i: int, last: int) -> bool:
    """Whether a comma or colon follows token ``i`` within the reach of :func:`_verb_frame`'s frame.

    Without one no speech verb at ``i`` has a preposed frame, so its cue need not
    be read („Die Polizei sagte am Montag nichts.“): most cues of a sentence.
    """
    tokens = doc.tokens
    reach = min(last, i + tuning.FRAME_GAP_TOKENS + 1)
    if reach <= i + 1:
        return False
    window = doc.text[tokens[i + 1].start : tokens[reach - 1].end]
    if "," not in window and ":" not in window:
        return False  # the text first: a comma token is a comma in the text
    return any(tok.text == "," or tok.text == ":" for tok in tokens[i + 1 : reach])


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
    if cand is not None and overlaps(cand.content[0], taken):
        # „Er sagte, die Reform sei ein „Opfer …“ und die Länder müssten wissen, „dass …““: the
        # content ends before the direct quote the frame also introduces
        cut = _before_claimed(doc, lexicon, comma + 1, last, taken)
        cand = None if cut is None else _preposed(doc, lexicon, cue, frame_start, comma, cut)
    if cand is None or overlaps(cand.content[0], taken):
        return None
    return cand


def _before_claimed(doc: Doc, lexicon: Lexicon, start: int, last: int, taken: list[CharSpan]) -> int | None:
    """The end of the content from ``start`` before the first claimed token, its opening mark, a break and „und“ left out.

    None when a claimed token comes first, when more than one clause is left (a comma),
    or fewer than ``CUT_CONTENT_WORDS`` words.
    """
    tokens = doc.tokens
    cut = next((k for k in range(start, last) if overlaps((tokens[k].start, tokens[k].end), taken)), None)
    if cut is None:
        return None
    if cut > start and tokens[cut - 1].kind == "quote":
        cut -= 1  # the direct quote's opening mark
    while cut > start and (tokens[cut - 1].text in (",", ":", ";") or "coordinator" in classes_at(doc, lexicon, cut - 1)):
        cut -= 1
    if any(tokens[k].text == "," for k in range(start, cut)):
        return None  # one clause only: „…, die auf ihrer Seite stand, sie wolle „…““ is no content
    return cut if word_count(doc, start, cut) >= tuning.CUT_CONTENT_WORDS else None


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


def _wie_speaker(doc: Doc, lexicon: Lexicon, cue: CueMatch) -> TokenRange | None:
    """The speaker of a wie-frame: the words between „wie“ and its verb; none in „wie es hieß“."""
    if is_impersonal_wie(doc, lexicon, cue.tokens[0], cue.tokens[-1]):
        return None
    return _np_range(cue.tokens[0] + 1, cue.tokens[1])


def _np_range(start: int, end: int) -> TokenRange | None:
    """The tokens between a frame's first word and its verb, if any („wie [der Kreml] mitteilte“)."""
    return TokenRange(start, end) if end > start else None
