"""Reported speech acts: „Putin lobte die Soldaten für ihre Tapferkeit.“

Pipeline stage 2 (rules), after direct, indirect and according-to quotes.

A speech act told as an event: a speech verb whose lexicon entry says that its
bare object use is itself a speech act (``reported`` = yes: loben, kritisieren,
bekräftigen, fordern, warnen …), used as the finite verb of a main clause with a
subject before it and an object after it, and no complement clause of its own.
The content is the act's object material (from after the verb to the end of the
clause); the frame is the clause.

Precision first: only unambiguous speech verbs (strength 1.0), only in verb-second
position after a subject noun phrase or an adverbial with the subject right after
the verb, and never when a comma + complement clause follows (that is indirect
speech, found by :mod:`quotecheck.rules.indirect`).
"""

from __future__ import annotations

from typing import Iterable

from quotecheck.analysis.base import Doc
from quotecheck.mentions import parse_noun_phrase
from quotecheck.lexicon import Lexicon, words_of_class
from quotecheck.rules.common import Candidate, char_span, claimed_by_sentence, clause_end, match_speech_verb, overlaps, word_classes
from quotecheck.rules.indirect import content_end

__all__ = ["find_reported"]

_MIN_OBJECT_WORDS = 2
#: Speech verbs whose bare object use is usually not speech („forderte 92 Menschenleben“,
#: „bestreitet sein Gruppenspiel“).
_POLYSEMOUS = words_of_class("rule_words.tsv", "not_reported")


def _subject_before(doc: Doc, lexicon: Lexicon, first: int, verb: int) -> tuple[int, int] | None:
    """A subject noun phrase filling the whole prefield [first, verb)."""
    if verb - first == 1 and word_classes(doc, first) & {"adverb", "subordinator"}:
        return None  # „Unterdessen verlangte …“: an adverb fills the prefield
    np = parse_noun_phrase(doc, lexicon, first, verb)
    if np is not None and np.end == verb and not np.dative:
        return first, verb
    # „Der Sprecher der Regierung, Hans Maier, lobte …“: NP, apposition
    if np is not None and np.end < verb and doc.tokens[np.end].text == "," and doc.tokens[verb - 1].text == ",":
        inner = parse_noun_phrase(doc, lexicon, np.end + 1, verb - 1)
        if inner is not None and inner.end == verb - 1:
            return first, verb - 1
    return None


def _sentence(doc: Doc, lexicon: Lexicon, first: int, last: int, taken: list[tuple[int, int]]) -> Candidate | None:
    tokens = doc.tokens
    for verb in range(first + 1, min(last, first + 14)):
        tok = tokens[verb]
        if tok.kind != "word" or not tok.text[:1].islower():
            continue
        cue = match_speech_verb(doc, lexicon, verb, last)
        if cue is None or cue.verb is None:
            continue
        entry = cue.verb
        if not entry.reported or entry.strength < 1.0 or entry.is_phrase or entry.lemma in _POLYSEMOUS:
            return None
        if tok.text.lower() == doc.lemma(verb).lower():
            return None  # an infinitive or a plural present form in a subordinate clause
        subject = _subject_before(doc, lexicon, first, verb)
        speaker = subject
        if subject is None:
            # inverted: „Am Montag lobte der Präsident …“
            np = parse_noun_phrase(doc, lexicon, verb + 1, last)
            if np is None or np.dative or any(tokens[k].text in (",", ";", ":") for k in range(first, verb)):
                return None
            speaker = (np.start, np.end)
        end = clause_end(doc, verb + 1, last)
        if end < last and tokens[end].text in (",", ":") and end + 1 < last:
            nxt = word_classes(doc, end + 1)
            if "complementizer" in nxt or "w_word" in nxt or tokens[end + 1].kind == "quote":
                return None
        start = verb + 1 if subject is not None else speaker[1]
        stop = content_end(doc, lexicon, start, last)
        particle = cue.tokens[-1] if len(cue.tokens) > 1 else None
        if particle is not None and particle == stop - 1:
            stop -= 1
        if entry.lemma == "fordern" and any(tokens[k].kind == "number" for k in range(start, min(stop, start + 2))):
            return None  # „die Flut forderte 92 Menschenleben“: claimed lives, not a demand
        if any("negation" in word_classes(doc, k) for k in range(first, stop)):
            return None  # „gab die Behörde nicht bekannt“: no speech act took place
        words = sum(
            1 for k in range(start, stop) if tokens[k].kind in ("word", "number") and tokens[k].text.lower() != "sich"
        )
        if words < _MIN_OBJECT_WORDS:
            return None
        content = char_span(doc, start, stop)
        frame = (first, max(stop, cue.tokens[-1] + 1))
        if overlaps(char_span(doc, first, frame[1]), taken):
            return None
        return Candidate(
            kind="reported",
            content=(content,),
            sentence=doc.layer.sentence_index(first),
            cue=cue,
            frame=frame,
            mood="indicative",
            confidence=0.6,
            speaker_tokens=speaker,
        )
    return None


def find_reported(doc: Doc, lexicon: Lexicon, taken: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Reported speech acts, at most one per sentence."""
    out = []
    for sentence, local in claimed_by_sentence(doc, taken):
        if local:
            continue
        cand = _sentence(doc, lexicon, sentence.first, sentence.last, local)
        if cand is not None:
            out.append(cand)
    return out
