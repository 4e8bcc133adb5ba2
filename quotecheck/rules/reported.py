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

Speech acts around a quoted piece („Der Trainer nannte die Absage einen
„Vertrauensbruch““, „sprach von einer „Gefahr für Leib und Leben““, „warf der
Regierung „Wortbruch“ vor“, „hatte den Bericht als „falsch“ zurückgewiesen“):
the verbatim piece is the evidence that words were reported, so weaker speech
verbs qualify (nennen, bezeichnen, sprechen von, warnen vor: strength ≥ 0.6,
with an np valency, ``reported`` = yes, or the preposition of
``piece_frames.tsv``), provided the piece lies in the verb's object material and
is short (longer quoted text is direct speech of its own). The piece becomes a
``fragment`` in :mod:`quotecheck.rules.fragments`. In the WikiNews training data
such clauses are the most frequent home of short quoted pieces (about 105
top-level Direct pieces with the clause's speaker and cue).

This module holds the rule and the per-sentence driver; the constructions live in
:mod:`quotecheck.rules.reported_acts` (active voice), :mod:`quotecheck.rules.reported_passive`
(perfect and passive) and :mod:`quotecheck.rules.reported_pieces` (quoted pieces).
"""

from __future__ import annotations

import bisect
from typing import Iterable, Sequence

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.ranges import CharSpan
from quotecheck.rules.candidate import Candidate, char_span, claimed_tokens
from quotecheck.rules.clauses import CLAUSE_BREAKS, classes_at, tokens_between
from quotecheck.rules.cues import match_speech_verb
from quotecheck.rules.pipeline import Claims
from quotecheck.rules.quotemarks import QuotedSpan, pair_quotation_marks
from quotecheck.rules.reported_acts import _act_at, _asyndetic_clause, _coordinated_act, _sentence, _sentence_act
from quotecheck.rules.reported_passive import _passive, _perfect
from quotecheck.rules.reported_pieces import _piece_sentence, _piece_tokens
from quotecheck.spanindex import SpanIndex
from quotecheck.text import Sentence

__all__ = ["ReportedRule", "find_reported"]

#: The piece finder moved to reported_pieces and stays reachable as
#: ``reported._piece_tokens`` (tests/test_scan_bounds.py counts its reads).
_REEXPORTED = (_piece_tokens,)


def find_reported(
    doc: Doc,
    lexicon: Lexicon,
    taken: Claims | Iterable[tuple[int, int]] = (),
    quoted: Iterable[QuotedSpan] | None = None,
) -> list[Candidate]:
    """Reported speech acts, at most one per sentence and a second coordinated one.

    A sentence with claimed text (``taken``: the :class:`Claims` of the earlier
    rules, or character spans) is skipped whole. ``quoted`` are the quoted
    spans :func:`~quotecheck.rules.direct.find_direct` left over
    (``DirectResult.other_spans``): the pieces a speech act may hold. Without
    them the marks are paired here, once per document and only when a
    sentence needs it.
    """
    out = []
    pieces: SpanIndex[tuple[int, int]] | None = None
    claims = Claims.of(doc, taken)
    for sentence, local in claims.by_sentence():
        first, last = sentence.first, sentence.last
        if local:
            last = _unclaimed_lead(doc, lexicon, claims, sentence, local)
            if last - first < tuning.LEAD_TOKENS:
                continue
        found: list[tuple[int, int]] = []
        if any(tok.kind == "quote" for tok in tokens_between(doc, first, last)):
            if pieces is None:
                spans = quoted if quoted is not None else pair_quotation_marks(doc.layer)
                pieces = SpanIndex((s.start, s.end) for s in spans if s.end > s.start)
            found = pieces.overlapping(sentence.start, doc.tokens[last - 1].end)
            found = _one_cover(found, doc.tokens[sentence.first].start, doc.tokens[sentence.last - 1].end)
        cand, cut = _sentence_act(doc, lexicon, first, last, True)
        if cand is None:
            cand = _other_act(doc, lexicon, first, last, found)
        if cand is None:
            cand, last = _later_clause_act(doc, lexicon, sentence, local) or (None, last)
        if cand is None and cut:
            cand = _sentence(doc, lexicon, first, last, asyndetic=False)  # the act uncut when cut it was too short
        if cand is not None:
            out.append(cand)
            second = _coordinated_act(doc, lexicon, cand, last) or _asyndetic_act(doc, lexicon, cand, last, found)
            if second is not None:
                out.append(second)
    return out


def _one_cover(found: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """``found`` with only the first of the pieces that cover the whole sentence ``[start, end)``.

    Such pieces give the same token range in any clause of the sentence (all of
    it), so one stands for all. Never-closed marks run to the paragraph's end
    („Titel“, „“”‚‘’ … repeated): each covers every later sentence, and each
    sentence would weigh every earlier mark again.
    """
    out: list[tuple[int, int]] = []
    covered = False
    for a, b in found:
        if a <= start and end <= b:
            if covered:
                continue
            covered = True
        out.append((a, b))
    return out


def _clause_act(doc: Doc, lexicon: Lexicon, first: int, last: int, found: list[tuple[int, int]]) -> Candidate | None:
    """The act of the clause ``[first, last)``: verb-second, perfect, passive, or around a quoted piece of ``found``."""
    return _sentence(doc, lexicon, first, last) or _other_act(doc, lexicon, first, last, found)


def _other_act(doc: Doc, lexicon: Lexicon, first: int, last: int, found: list[tuple[int, int]]) -> Candidate | None:
    """The act of a clause without a verb-second one (:func:`_clause_act`): perfect, passive, or around a quoted piece."""
    cand = _perfect(doc, lexicon, first, last) or _passive(doc, lexicon, first, last)
    if cand is None and found:
        cand = _piece_sentence(doc, lexicon, first, last, found)
    return cand


def _asyndetic_act(doc: Doc, lexicon: Lexicon, act: Candidate, last: int, found: list[tuple[int, int]]) -> Candidate | None:
    """The act of a main clause after the first act's comma, with a subject of its own.

    „Der Stürmer nannte den Platzverweis „überzogen“, der Trainer bezeichnete die
    Karten als „übertrieben“.“ (:func:`~quotecheck.rules.reported_acts._asyndetic_act_at`).
    """
    if act.frame is None or not _asyndetic_clause(doc, lexicon, act.frame[1], last):
        return None
    return _clause_act(doc, lexicon, act.frame[1] + 1, last, found)


def _later_clause_act(doc: Doc, lexicon: Lexicon, sentence: Sentence, local: Sequence[CharSpan]) -> tuple[Candidate, int] | None:
    """An act in a main clause after a comma or semicolon, and where that clause's material ends.

    „Die Veranstalter zählten 7.000 Teilnehmer, die Polizei sprach von 4.000.“, „Nach
    Angaben der Veranstalter kamen 7.000 Menschen, die Polizei spricht von 4.000.“:
    the clause has its own subject before a speech verb in second place (as a
    sentence would, :func:`_sentence`), and no earlier quote took any of it. A
    relative clause („…, die von Erschütterungen sprachen“) has its verb last and
    no object after it, so it is none.
    """
    tokens = doc.tokens
    claimed = claimed_tokens(doc, sentence.first, sentence.last, local)
    taken = set(claimed)
    for k in range(sentence.first + 1, sentence.last - tuning.LEAD_TOKENS):
        if tokens[k].text not in (",", ";") or k + 1 in taken:
            continue
        start = k + 1
        if classes_at(doc, lexicon, start) & {"complementizer", "subordinator", "w_word"}:
            continue  # „…, dass es die geforderten Reformen angegangen ist“: no main clause
        after = bisect.bisect_right(claimed, start)
        end = claimed[after] if after < len(claimed) else sentence.last
        while end < sentence.last and end > start and (tokens[end - 1].text in CLAUSE_BREAKS or tokens[end - 1].text.lower() in lexicon.morph.coordinators):
            end -= 1
        if end - start < tuning.LEAD_TOKENS:
            continue
        cand = _sentence(doc, lexicon, start, end) or _after_subordinate_clause(doc, lexicon, sentence.first, start, end)
        if cand is not None:
            return cand, end
    return None


def _after_subordinate_clause(doc: Doc, lexicon: Lexicon, first: int, start: int, end: int) -> Candidate | None:
    """„Während die Zeitung von 100.000 sprach, sprach die Agentur von 50.000“: the main clause after a fronted subordinate one.

    The main clause opens with its finite verb, the subject right after it.
    """
    if "subordinator" not in classes_at(doc, lexicon, first) or not doc.tokens[start].text[:1].islower():
        return None
    cue = match_speech_verb(doc, lexicon, start, end)
    if cue is None or cue.verb is None:
        return None
    return _act_at(doc, lexicon, start, end, start, cue, cue.verb)


def _unclaimed_lead(doc: Doc, lexicon: Lexicon, claims: Claims, sentence: Sentence, local: Sequence[CharSpan]) -> int:
    """The end token of the sentence's lead that no earlier quote took (``sentence.first`` when none).

    „Der Präsident nannte die Bewerbung „sehr respektabel“, stellte aber fest, dass
    …“, „Die Ministerin bezeichnete das Unglück als „Tragödie“ und erklärte, ihr
    Land helfe“: the indirect quote after it holds the lead's act in its frame at
    most, so the lead ends at the first claimed content or cue; a frame's other
    words (the shared subject) stay open. Commas and coordinators before that
    point are no part of the lead.
    """
    tokens = doc.tokens
    in_sentence = claims.starting_in(sentence.start, sentence.end)
    frames = {char_span(doc, *c.frame) for c in in_sentence if c.frame is not None}
    starts = [s.start for s in local if s not in frames]
    cues = [_cue_start(doc, c) for c in in_sentence if c.frame is not None]
    edge = min(starts + cues, default=sentence.start)
    last = next((k for k in range(sentence.first, sentence.last) if tokens[k].end > edge), sentence.last)
    if last > sentence.first and tokens[last - 1].kind == "quote" and edge not in cues:
        last -= 1  # the opening mark of a direct quote („… einen „Skandal“: „Wir …“)
    while last > sentence.first and (tokens[last - 1].text in CLAUSE_BREAKS or tokens[last - 1].text.lower() in lexicon.morph.coordinators):
        last -= 1
    return last


def _cue_start(doc: Doc, candidate: Candidate) -> int:
    """Where the cue of a framed candidate starts: its verb, its other cue („:“, „laut“), else its frame."""
    if candidate.cue is not None:
        return doc.tokens[min(candidate.cue.tokens)].start
    if candidate.cue_spans:
        return min(s.start for s in candidate.cue_spans)
    assert candidate.frame is not None
    return char_span(doc, *candidate.frame).start


class ReportedRule:
    """Reported speech acts (:func:`find_reported`): after indirect speech, before according-to phrases.

    It reads the quoted spans direct speech left over (``claims.quoted``) as the
    pieces a speech act may hold, and claims its frames with its contents.
    """

    name = "reported"
    requires = frozenset({"lemmas"})
    claims_frames = True

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]:
        return find_reported(doc, lexicon, claims, quoted=claims.quoted)
