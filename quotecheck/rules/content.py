"""Where reported content ends, and the wie-clause that frames it.

Pipeline stage 2 (rules): helpers of the indirect, according-to and reported rules.

Reported content runs to the end of its clause, but not over a following frame
(„…, sagte er“, „…, so der Minister“, „…, wie X mitteilte“, „… und warnte …“) or a
verbless prepositional appendix of the narrator („…, in Anspielung auf das Regime“).
"""

from __future__ import annotations

import regex

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.rules.candidate import CueMatch
from quotecheck.rules.clauses import FRAME_BREAKS, SENTENCE_END, classes_at, clause_end_over_appositions, sentence_core_end
from quotecheck.rules.cues import find_cue, match_speech_verb

__all__ = ["content_end", "ends_in_zu_infinitive", "piece_opens_clause", "wie_frame_end"]

_ZU_INFINITIVE = regex.compile(r"^\p{Ll}+zu\p{Ll}+en$")


def piece_opens_clause(doc: Doc, lexicon: Lexicon, opening: int) -> bool:
    """Whether the quoted piece opened at token ``opening`` is the start of a longer clause.

    „Sie warf ihm vor, „die Daten aller Bürger“ zu missbrauchen.“, „Er sagte,
    „Sperrzonen“ dürfe es nicht geben.“: the clause goes on after the closing mark,
    in the same sentence, with a word that is no coordinator; the quoted words are a
    piece of indirect speech, not a direct quote. A piece that ends like a sentence
    („„Wir kommen.“ …“) or is followed by a mark or „und“ is none.
    """
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(opening)]
    close = next((k for k in range(opening + 1, sentence.last) if tokens[k].kind == "quote"), None)
    if close is None or close + 1 >= sentence.last or tokens[close - 1].text in SENTENCE_END:
        return False
    nxt = tokens[close + 1]
    return nxt.kind == "word" and nxt.text.lower() not in lexicon.morph.coordinators


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
        if tok.text in FRAME_BREAKS or tok.kind == "quote":
            return False
        low = tok.text.lower()
        if low in lexicon.konjunktiv or _ZU_INFINITIVE.match(low) or low in lexicon.clause.infinitive_markers:
            return False
    return True


def content_end(doc: Doc, lexicon: Lexicon, start: int, limit: int) -> int:
    """Token index where reported content starting at ``start`` ends (exclusive).

    Stops at a semicolon, before a postposed frame („, sagte er“, „, so der
    Minister“, „, wie X mitteilte“), before „und“ + speech verb, before a verbless
    prepositional appendix, and before the sentence-final punctuation; and after
    :data:`~quotecheck.tuning.CONTENT_TOKENS` at most, so that a run-on sentence
    (a list of names, text without a full stop) is not walked to its end for
    every cue in it.
    """
    tokens = doc.tokens
    coordinators = lexicon.rule_words.frame_coordinator
    limit = min(limit, start + tuning.CONTENT_TOKENS)
    i = start
    depth = 0
    while i < limit:
        text = tokens[i].text
        if text == "(":
            depth += 1
        elif text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            if text == ";" or text == "," and _frame_after_comma(doc, lexicon, i, limit):
                break
            if text.lower() in coordinators and i > start and _finite_cue_after(doc, lexicon, i + 1, limit):
                break  # „… und warnte, …“: a second frame
        i += 1
    while i > start and (tokens[i - 1].text in SENTENCE_END or tokens[i - 1].text in FRAME_BREAKS):
        i -= 1
    return i


def _frame_after_comma(doc: Doc, lexicon: Lexicon, comma: int, limit: int) -> bool:
    """Whether a frame or the narrator's appendix follows the comma at ``comma``: the content ends there.

    „…, sagte er“, „…, so der Minister“, „…, wie X mitteilte“, „…, in Anspielung auf …“.
    """
    tokens = doc.tokens
    if _finite_cue_after(doc, lexicon, comma + 1, limit):
        return True
    nxt = tokens[comma + 1].text.lower() if comma + 1 < limit else ""
    words = lexicon.rule_words
    if nxt in words.so_frame and comma + 2 < limit:
        after = tokens[comma + 2].text
        if after[:1].isupper() or after.lower() in words.phrase_determiner:
            return True
    if nxt in words.wie_frame and wie_frame_end(doc, lexicon, comma + 1, limit) is not None:
        return True
    return _prepositional_appendix(doc, lexicon, comma + 1, sentence_core_end(doc, comma + 1, limit))


def wie_frame_end(doc: Doc, lexicon: Lexicon, wie: int, limit: int) -> tuple[int, CueMatch] | None:
    """„wie X sagte“ / „wie der Kreml angekündigt hatte“: (clause end, cue), else None."""
    tokens = doc.tokens
    # „wie das „Abendblatt“ berichtete“, „wie Jan Berg, Sprecher der Stadtwerke, mitteilte“
    end, apposition = clause_end_over_appositions(doc, lexicon, wie + 1, limit)
    if end - wie < 3 or end - wie - apposition > tuning.FRAME_GAP_TOKENS:
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
        if k == end - 1 and is_impersonal_wie(doc, lexicon, wie, k):
            # „wie es hieß“, „wie es aus Kreisen der Partei hieß“: impersonal, no speaker named
            return end, CueMatch((wie, k), min(lexicon.rule_words.impersonal_lemma, default=doc.lemma(k)))
        cue = find_cue(doc, lexicon, k, end)
        if cue is not None and (cue.verb is None or cue.verb.strength >= tuning.RELIABLE_SPEECH):
            return end, CueMatch((wie,) + cue.tokens, cue.lemma, cue.verb)
    return None


def is_impersonal_wie(doc: Doc, lexicon: Lexicon, wie: int, verb: int) -> bool:
    """Whether the wie-clause from ``wie`` to its verb at ``verb`` is impersonal: „wie es (in Berlin) hieß“.

    Its subject is the impersonal pronoun right after „wie“ and its verb a form of
    „heißen“ (``impersonal_speech``); it names no speaker. Not „wie das Kind hieß“.
    """
    tokens = doc.tokens
    return (
        tokens[verb].text in lexicon.rule_words.impersonal_speech
        and tokens[wie + 1].text.lower() in lexicon.rule_words.impersonal_subject
    )


def ends_in_zu_infinitive(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether ``[start, end)`` ends in a zu-infinitive („die Steuern zu senken“, „einzulenken“)."""
    tokens = doc.tokens
    if end - start < 2:
        return False
    last = tokens[end - 1].text.lower()
    return tokens[end - 2].text.lower() in lexicon.clause.infinitive_markers or bool(_ZU_INFINITIVE.match(last))
