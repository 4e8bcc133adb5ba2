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

This module walks the sentences and tries each construction in turn; the
constructions live in :mod:`quotecheck.rules.indirect_frames` (preposed and
postposed frames, wie-clauses), :mod:`quotecheck.rules.indirect_content` (the
complement and whether it is a quote) and :mod:`quotecheck.rules.indirect_nouns`
(„die Hoffnung, dass …“). The helpers it shares with the other rules live in
:mod:`quotecheck.rules.clauses`, :mod:`quotecheck.rules.cues` and
:mod:`quotecheck.rules.content`.
"""

from __future__ import annotations

from typing import Iterable

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.morph import clause_mood
from quotecheck.ranges import CharSpan
from quotecheck.rules.candidate import Candidate, claimed_tokens
from quotecheck.rules.clauses import SENTENCE_END, classes_at, sentence_core_end, tokens_between, word_count
from quotecheck.rules.content import wie_frame_end
from quotecheck.rules.cues import cue_positions, find_cue
from quotecheck.rules.pipeline import Claims
from quotecheck.rules.indirect_content import _VERB_FRAME, _candidate
from quotecheck.rules.indirect_frames import _Hit, _after, _comma_within_reach, _postposed, _preposed_wie, _verb_frame
from quotecheck.rules.indirect_nouns import _speech_noun


__all__ = ["IndirectRule", "find_indirect"]


def _sentence_candidates(doc: Doc, lexicon: Lexicon, number: int, taken: list[CharSpan]) -> list[Candidate]:
    """The indirect quotes of sentence ``number``, left to right, outside the claimed text."""
    floor, last = doc.sentences[number].first, doc.sentences[number].last
    found: list[Candidate] = []  # tokens before ``floor`` belong to an earlier candidate of the sentence
    for i in _starts(doc, lexicon, number, taken):
        if i < floor:
            continue
        hit = _construction_at(doc, lexicon, i, floor, last, taken)
        if hit is not None:
            cand, floor = hit
            found.append(cand)
    return found


def _starts(doc: Doc, lexicon: Lexicon, number: int, taken: list[CharSpan]) -> list[int]:
    """Where a construction of :func:`_construction_at` may start in sentence ``number``, outside the claimed text, in order.

    The comma before a postposed frame, a „wie“ of a preposed one, a noun of
    saying („die Forderung, …“) or a word where :func:`find_cue` may find a cue
    (:func:`~quotecheck.rules.cues.cue_positions`, found once per sentence); about
    one token in ten. The other words are not visited at all; in a sentence with
    claimed text, the words of a direct quote are not even tested (they need no lemma).
    """
    sentence = doc.sentences[number]
    wie, nouns = lexicon.rule_words.wie_frame, lexicon.content_nouns
    tokens = tokens_between(doc, sentence.first, sentence.last)
    if taken:
        cues = cue_positions(doc, lexicon)
        claimed = set(claimed_tokens(doc, sentence.first, sentence.last, taken))
        return [
            i
            for i, tok in enumerate(tokens, sentence.first)
            if (tok.kind == "word" or tok.text == "," and tok.kind == "punct")
            and i not in claimed
            and (tok.kind == "punct" or tok.text in nouns or tok.text.lower() in wie or cues.has(doc, i, tok))
        ]
    # the tokens unpacked, not read by name: every token of every unclaimed sentence passes here
    starts = [
        i
        for i, (_, _, text, kind) in enumerate(tokens, sentence.first)
        if text == "," and kind == "punct" or kind == "word" and (text in nouns or text.lower() in wie)
    ]
    verbs = cue_positions(doc, lexicon).in_sentence(doc, number)
    if not verbs:
        return starts
    return sorted({*starts, *verbs}) if starts else verbs


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
    if hit is None and tok.kind == "word" and not wie and _comma_within_reach(doc, i, last):
        cue = find_cue(doc, lexicon, i, last)
        cand = _verb_frame(doc, lexicon, cue, i, floor, last, taken) if cue is not None else None
        if cand is not None:
            hit = _after(doc, cand, last)
    return hit


def find_indirect(doc: Doc, lexicon: Lexicon, taken: Claims | Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Indirect quotes introduced by a speech-verb frame.

    ``taken`` is the text already claimed (the :class:`Claims` of the earlier rules,
    or character spans); a candidate whose content overlaps it is dropped, so
    direct speech wins.
    """
    out: list[Candidate] = []
    previous_free = False  # the sentence before is unclaimed and gave no quote
    for index, (sentence, local) in enumerate(Claims.of(doc, taken).by_sentence()):
        found = _sentence_candidates(doc, lexicon, index, local)
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
