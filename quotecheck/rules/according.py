"""According-to phrases: „laut X“, „X zufolge“, „nach Angaben der X“, „…, so X.“

Pipeline stage 2 (rules), after direct and indirect speech.

The phrases and what they name are data (``data/de/according_to.tsv``), matched
by the source grammar (:mod:`~quotecheck.rules.source_phrases`), which attribution
uses too; the ``position`` column says where the speaker X stands:

* ``pre``: after the phrase („laut der Polizei“, „unter Berufung auf Kreise“);
* ``post``: before it („der Polizei zufolge“);
* ``circum``: after the phrase when a genitive or von-phrase follows („nach
  Angaben der Polizei“, „aus Kreisen der Partei“), else nowhere („nach eigenen
  Angaben“, „seiner Meinung nach“: the speaker is the one talked about before);
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

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.attribution.nounphrase import function_word_classes, np_ending_at, parse_noun_phrase, with_seat
from quotecheck.lexicon import Lexicon
from quotecheck.morph import KONJUNKTIV, clause_mood, finite_mood, is_reportive
from quotecheck.ranges import CharSpan, TokenRange
from quotecheck.rules.candidate import Candidate, Evidence, char_span, overlaps
from quotecheck.rules.clauses import SENTENCE_END, tokens_between, word_count
from quotecheck.rules.content import content_end
from quotecheck.rules.pipeline import Claims
from quotecheck.rules.source_phrases import SourcePhrase, names_statement, report_slots, saying_class, source_phrase_at
from quotecheck.text import Sentence

__all__ = ["AccordingRule", "find_according"]


def _so_frame(doc: Doc, lexicon: Lexicon, i: int, last: int) -> tuple[int, int] | None:
    """„…, so der Minister.“: ``i`` is „so“ after a comma; returns the speaker range."""
    tokens = doc.tokens
    if i == 0 or tokens[i - 1].text != ",":
        return None
    np = parse_noun_phrase(doc, lexicon, i + 1, last)
    if np is None:
        return None
    if _names_intention(doc, lexicon, np.start, np.genitive[0] if np.genitive else np.end):
        return None  # „Die Kinder, so die Hoffnung, werden …“: nobody's words
    np = with_seat(doc, lexicon, np, last)  # „so das Präsidialamt in Taipeh, wie …“
    if _parenthesis_close(doc, lexicon, np.end, last) is not None:
        return i + 1, np.end  # „Die Lage, so der Minister weiter, sei ernst.“
    rest = np.end
    while rest < last and tokens[rest].text in SENTENCE_END:
        rest += 1
    # the frame must end the sentence or run into another parenthetical
    if rest < last and tokens[rest].text not in (",", ";"):
        tail = [t for t in tokens[np.end:last] if t.kind == "word"]
        if len(tail) > tuning.SO_FRAME_TAIL_WORDS or any(t.text.lower() in lexicon.konjunktiv for t in tail):
            return None
    return i + 1, np.end


def _names_intention(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether the noun phrase ``[start, end)`` before any genitive is headed by a noun of
    intention (``intention_noun``: „so die Hoffnung“, „so das Ziel der Stadt“)."""
    tokens = doc.tokens
    return any(tokens[k].text.lower() in lexicon.rule_words.intention_noun for k in range(start, end) if tokens[k].text[:1].isupper())


def _parenthesis_close(doc: Doc, lexicon: Lexicon, end: int, last: int) -> int | None:
    """The comma that closes a so-frame in mid-clause, after its speaker (ending at ``end``) and any adverbs.

    „Der Neubau, so die Stadträtin weiter, werde …“: „weiter“ and then the comma; not
    „…, so der Minister am Montag in Berlin.“ (no comma follows) nor a comma that
    ends the sentence.
    """
    tokens = doc.tokens
    k = end
    while k < last and function_word_classes(lexicon, tokens[k].text) & _ADVERBIAL_CLASSES:
        k += 1
    return k if k + 1 < last and tokens[k].text == "," and tokens[k + 1].kind == "word" else None


#: Function-word classes of adverbs that may follow the speaker of a so-frame („so der Minister weiter“).
_ADVERBIAL_CLASSES = frozenset({"adverbial"})
#: Speech-noun classes of laws, drafts, decrees and plans: they vouch only for what must or will be.
_NORM_CLASSES = frozenset({"decide", "plan", "command"})
#: The digits of a year after „von“ („das Gesetz von 2010“).
_YEAR_DIGITS = 4
#: The shortest written-report word a compound may end in („Studie“ in „UNO-Studie“).
_MIN_REPORT_HEAD = 6


def _content_spans(doc: Doc, lexicon: Lexicon, first: int, last: int, frame: tuple[int, int]) -> list[tuple[int, int]]:
    """Token ranges of the sentence's content around the frame.

    A frame that opens a main clause of its own after a comma („Zwei Menschen
    starben, nach Angaben der Behörden wurden fünf verletzt.“) frames that clause
    alone; in mid-clause („Der Fahrer war nach Polizeiangaben betrunken“) or
    between commas the content lies on both sides.
    """
    ranges = []
    if frame[0] > first and not _opens_second_clause(doc, lexicon, frame, last):
        end = frame[0]
        while end > first and doc.tokens[end - 1].text in (",", "(", "–", "—"):
            end -= 1
        if end > first:
            ranges.append((first, end))
    start = _past_relative_clause(doc, lexicon, frame[1], last)
    while start < last and doc.tokens[start].text in (",", ")", "–", "—"):
        start += 1
    if start < last:
        stop = content_end(doc, lexicon, start, last)
        if stop > start:
            ranges.append((start, stop))
    return ranges


def _opens_second_clause(doc: Doc, lexicon: Lexicon, frame: tuple[int, int], last: int) -> bool:
    """Whether the frame stands first in a main clause after a comma: a finite verb follows it („…, laut Polizei wurden …“).

    Not „…, laut Polizei wegen Einsturzgefahr“ (no verb) nor „…, so die Polizei, …“.
    """
    tokens = doc.tokens
    start, end = frame
    if start == 0 or tokens[start - 1].text not in _CLAUSE_SEPARATORS or end >= last:
        return False
    verb = tokens[end]
    classes = function_word_classes(lexicon, verb.text)
    return verb.kind == "word" and verb.text[:1].islower() and (not classes or bool(classes & _VERB_CLASSES))


#: What separates two main clauses of one sentence.
_CLAUSE_SEPARATORS = frozenset({",", ";"})
#: Function-word classes of finite verbs („wurden“, „ist“, „soll“).
_VERB_CLASSES = frozenset({"aux", "passive_aux"})


def _own_clause(doc: Doc, lexicon: Lexicon, first: int, last: int, frame: tuple[int, int]) -> tuple[int, int]:
    """The verb-final clause the frame stands in right after its opener, else the whole range.

    „Der Fahrer, der nach Polizeiangaben betrunken war, floh.“ → „der … betrunken
    war“; „…, weil nach Angaben der Stadt das Geld fehlt.“ → „weil … das Geld
    fehlt“: the phrase vouches for that clause, not for the sentence around it.
    """
    opener = frame[0] - 1
    if opener < first or not lexicon.clause.classes(doc.tokens[opener].text) & _CLAUSE_OPENERS:
        return first, last
    if opener > first and doc.tokens[opener - 1].text != ",":
        return first, last
    end = next((k for k in range(frame[1], last) if doc.tokens[k].text == ","), last)
    return opener, end


#: Clause-word classes (``clause_words.tsv``) that open a verb-final clause.
_CLAUSE_OPENERS = frozenset({"relative", "subordinator"})


def _past_relative_clause(doc: Doc, lexicon: Lexicon, end: int, last: int) -> int:
    """After a relative clause on the frame's noun („Laut einem Bericht der Zeitung, die sich auf Kreise beruft, …“).

    The clause describes the source, it is not what was said: the content starts
    after the comma that closes it.
    """
    tokens = doc.tokens
    if end + 1 >= last or tokens[end].text != "," or "relative" not in lexicon.clause.classes(tokens[end + 1].text.lower()):
        return end
    close = next((k for k in range(end + 2, last) if tokens[k].text == ","), None)
    return close if close is not None else end


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
    first, last = _own_clause(doc, lexicon, first, last, frame)
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
    so_words, first_words = lexicon.rule_words.so_frame, lexicon.according_index
    for i, (start, end, text, kind) in enumerate(tokens_between(doc, first, last), first):  # unpacked: read once, not by name
        if kind != "word":
            continue
        low = text.lower()
        if i == first and low in lexicon.report_adverbs:
            cand = _report_adverb_quote(doc, lexicon, first, last, taken)
            if cand is not None:
                return cand
            continue
        if low not in so_words and low not in first_words or overlaps((start, end), taken):
            continue  # the word lists first: most words start no frame, and overlaps is a call
        if low in so_words:
            cand = _so_quote(doc, lexicon, i, first, last, taken)
        else:  # the first word of an according-to phrase
            cand = _phrase_quote(doc, lexicon, i, first, last, taken) or _relative_quote(doc, lexicon, i, first, last, taken)
        if cand is not None:
            return cand
    return None


def _so_quote(doc: Doc, lexicon: Lexicon, i: int, first: int, last: int, taken: list[CharSpan]) -> Candidate | None:
    """„Die Lage sei ernst, so der Minister.“: the content before the so-frame at ``i``."""
    speaker = _so_frame(doc, lexicon, i, last)
    if speaker is None:
        return None
    evidence = Evidence("so", TokenRange(*speaker))
    close = _parenthesis_close(doc, lexicon, speaker[1], last)
    if close is not None and clause_mood(doc, lexicon, first, i - 1)[1] is None:
        # „Der Neubau, so die Stadträtin weiter, werde …“: the frame stands inside the clause, the content around it
        frame = (i - 1, close)  # the closing comma stays outside: a relative clause on the speaker may follow it
        return _make(doc, lexicon, first, last, frame, (i, i + 1), tuning.ACCORDING_SO, "according.so", evidence, taken)
    return _make(doc, lexicon, first, i - 1, (i - 1, speaker[1]), (i, i + 1), tuning.ACCORDING_SO, "according.so", evidence, taken)


def _report_adverb_quote(doc: Doc, lexicon: Lexicon, first: int, last: int, taken: list[CharSpan]) -> Candidate | None:
    """„Das Institut legte seine Studie vor. Danach seien die Preise gestiegen.“: a guarded anaphor opening the sentence.

    „Danach“ (``report_adverb``) is far more often a time adverb („Danach ging er
    nach Hause.“, „Danach beginnt das Spiel.“). It points back to a report only
    right after a sentence of the same paragraph that names a written one
    (``written_report``: „Studie“, „Bilanz“, „Quartalsbericht“; not an event such
    as „Rede“ or „Pressekonferenz“), and only when its finite verb, right after it,
    says so itself: Konjunktiv („Danach hätten …“) or reportive sollen/wollen
    („Danach soll es … gegeben haben“). An indicative present is as often the next
    step of a timeline („Die Polizei legte ihren Bericht vor. Danach gibt es …“).
    """
    tokens = doc.tokens
    index = doc.layer.sentence_index(first)
    before = doc.sentences[index - 1] if index > 0 else None
    if before is None or before.paragraph != doc.sentences[index].paragraph or first + 1 >= last:
        return None
    if not any(_names_written_report(lexicon, tokens[k].text) for k in range(before.first, before.last)):
        return None
    verb = first + 1
    if finite_mood(doc, lexicon, verb) not in KONJUNKTIV and not is_reportive(doc, lexicon, verb):
        return None
    entry = lexicon.report_adverbs[tokens[first].text.lower()]
    evidence = Evidence("according", None, entry)
    frame = (first, first + 1)
    return _make(doc, lexicon, first, last, frame, frame, tuning.ACCORDING_PHRASE, "according.anaphoric", evidence, taken)


def _names_written_report(lexicon: Lexicon, word: str) -> bool:
    """A written report (``written_report``) or a compound ending in one („Jahresbilanz“, „UNO-Studie“)."""
    if not word[:1].isupper():
        return False
    folded = word.casefold()
    return any(folded[k:] in lexicon.rule_words.written_report for k in range(len(folded) - _MIN_REPORT_HEAD + 1))


def _phrase_quote(doc: Doc, lexicon: Lexicon, i: int, first: int, last: int, taken: list[CharSpan]) -> Candidate | None:
    """The quote of an according-to phrase (``according_to.tsv``) starting at token ``i``, if any.

    The phrase and its owner are the frame; the owner, when the phrase names one,
    is the speaker (:mod:`~quotecheck.rules.source_phrases`); without one the
    speaker is inherited („nach eigenen Angaben“, „demnach“).
    """
    match = source_phrase_at(doc, lexicon, i, first, last)
    if match is None or match.entry.position == "parenthetical" and not _impersonal(doc, lexicon, match, first):
        return None
    cue = match.cue
    if match.entry.position == "parenthetical":
        evidence = Evidence("impersonal", None, match.entry)
        frame = (i - 1, match.phrase.end)
        return _make(doc, lexicon, first, i - 1, frame, cue, tuning.ACCORDING_IMPERSONAL, "according.impersonal", evidence, taken)
    span = TokenRange(match.span.start, _past_year(doc, lexicon, match.span.end, last))
    if _names_norm(doc, lexicon, match) and not _normative_content(doc, lexicon, first, last, span):
        return None
    evidence = Evidence("according", match.owner, match.entry)
    rule = _RULE_OF_POSITION[match.entry.position]
    return _make(doc, lexicon, first, last, span, cue, tuning.ACCORDING_PHRASE, rule, evidence, taken)


def _past_year(doc: Doc, lexicon: Lexicon, end: int, last: int) -> int:
    """After a year attached to the phrase's owner („Nach dem Gesetz von 2010 müssen …“): it is no content."""
    tokens = doc.tokens
    if end + 1 < last and tokens[end].text.lower() in lexicon.rule_words.dated_preposition:
        year = tokens[end + 1]
        if year.kind == "number" and year.text.isdigit() and len(year.text) == _YEAR_DIGITS:
            return end + 2
    return end


def _names_norm(doc: Doc, lexicon: Lexicon, match: SourcePhrase) -> bool:
    """Whether a preposition that also tells a time (``time_preposition``: „nach“) opens a phrase
    naming a law, a draft, a decree or a plan (speech-noun class decide, plan, command).

    „Nach dem Gesetz“, „nach einem Plan der Stadt“: such a text vouches for a rule
    or a plan, not for what happened after it („Nach dem Plan kam die Ernüchterung.“).
    """
    span = match.span
    if doc.tokens[match.phrase.start].text.lower() not in lexicon.rule_words.time_preposition:
        return False
    return any(saying_class(lexicon, doc.tokens[k].text) in _NORM_CLASSES for k in range(span.start, span.end))


def _normative_content(doc: Doc, lexicon: Lexicon, first: int, last: int, frame: tuple[int, int]) -> bool:
    """Whether the clause a law or plan vouches for says what must, may or will be: its finite
    verb is Konjunktiv or a form of ``normative_verb`` (a modal, present „wird“, „ist“).

    „Nach dem Gesetz müssen Vermieter …“, „Nach dem Plan wird das Bad abgerissen“,
    „Nach dem Grundgesetz ist der Präsident …“; not a preterite or perfect („Nach
    dem Dekret kam es zu Protesten.“, „Nach dem Entwurf wurde das Haus gebaut.“,
    „Nach der Verordnung hat sich die Lage beruhigt.“).
    """
    first, last = _own_clause(doc, lexicon, first, last, frame)
    for start, end in _content_spans(doc, lexicon, first, last, frame):
        mood, verb = clause_mood(doc, lexicon, start, end)
        if verb is not None:
            return mood == "subjunctive" or doc.tokens[verb].text.lower() in lexicon.rule_words.normative_verb
    return False


def _relative_quote(doc: Doc, lexicon: Lexicon, i: int, first: int, last: int, taken: list[CharSpan]) -> Candidate | None:
    """„Studien der Charité, nach denen Homöopathie wirke“: a relative clause opened by an according-to preposition.

    After a comma, the preposition of a slot line of ``according_to.tsv`` („nach“,
    „laut“) and a relative pronoun, the relative clause is the content and the
    statement noun it refers to is the speaker („Gerüchte, nach denen …“, „ein
    Gutachten …, laut dem …“). Not „die Pause, nach der …“: no statement.
    """
    tokens = doc.tokens
    rel = i + 1
    if i - 1 <= first or tokens[i - 1].text != "," or rel >= last or not report_slots(lexicon, tokens[i].text):
        return None
    if "relative" not in lexicon.clause.classes(tokens[rel].text.lower()):
        return None
    end = i - 1
    if end - 1 > first and tokens[end - 1].text in lexicon.particles:
        end -= 1  # „liegt ein Gutachten vor, laut dem …“
    antecedent = np_ending_at(doc, lexicon, end, first)
    if antecedent is None or not any(names_statement(lexicon, tokens[k].text) for k in range(antecedent.start, antecedent.end)):
        return None
    stop = content_end(doc, lexicon, rel + 1, last)
    if word_count(doc, rel + 1, stop) < 3:
        return None
    span = char_span(doc, rel + 1, stop)
    if overlaps(span, taken):
        return None
    mood, _ = clause_mood(doc, lexicon, rel + 1, stop)
    entry = report_slots(lexicon, tokens[i].text)[0]
    return Candidate(
        kind="indirect",
        content=[span],
        sentence=doc.layer.sentence_index(rel + 1),
        cue_spans=(char_span(doc, i, i + 1),),
        frame=(i, rel + 1),
        mood=mood,
        confidence=tuning.ACCORDING_PHRASE,
        speaker_tokens=TokenRange(antecedent.start, antecedent.end),
        inherit_speaker=False,
        rule="according.relative",
        evidence=Evidence("according", TokenRange(antecedent.start, antecedent.end), entry),
    )


def _impersonal(doc: Doc, lexicon: Lexicon, match: SourcePhrase, first: int) -> bool:
    """„…, hieß es.“: a parenthetical phrase that opens with an impersonal speech verb, after a comma.

    Not „…, so X“ (the so-frame's own construction) nor „…, wie es hieß“, whose
    wie-clause is the indirect rule's.
    """
    i = match.phrase.start
    return i > first and doc.tokens[i - 1].text == "," and doc.tokens[i].text in lexicon.rule_words.impersonal_speech


#: The construction name of each position of ``according_to.tsv``.
_RULE_OF_POSITION = {
    "pre": "according.preposition",
    "post": "according.postposition",
    "circum": "according.noun_phrase",
    "anaphoric": "according.anaphoric",
}


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
