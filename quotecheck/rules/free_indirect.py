"""Free indirect speech: Konjunktiv sentences that continue someone's reported speech.

Pipeline stage 2 (rules), after all frame-based rules: it continues their quotes.

German news continues an indirect quote over several sentences without repeating
the frame: „Kim sagte, die Zusammenarbeit habe sich verstärkt. Man werde sie
ausbauen.“ The second sentence is a quote of Kim because of its Konjunktiv
alone. A sentence qualifies when

* it has no quote candidate of its own,
* its first finite verb is in Konjunktiv (or it has reportive sollen/wollen),
* and it follows, in the same or the next paragraph, a sentence that holds a
  quote or another free-indirect sentence, with no indicative narration in
  between.

Reportive sollen/wollen („Der Täter soll geflohen sein“) attributes hearsay by
itself, without a Konjunktiv: such a sentence is free indirect speech even when
no quote precedes it (its speaker is then unknown), and it continues a chain
like a Konjunktiv one.
The speaker is inherited (``inherit_speaker``).
"""

from __future__ import annotations

from typing import Sequence

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.morph import clause_mood, is_reportive
from quotecheck.rules.candidate import Candidate, char_span
from quotecheck.rules.cues import find_cue
from quotecheck.rules.pipeline import Claims

__all__ = ["FreeIndirectRule", "find_free_indirect"]



def _has_reportive(doc: Doc, lexicon: Lexicon, first: int, last: int) -> bool:
    """Whether the sentence has hearsay sollen/wollen („Der Täter soll geflohen sein“)."""
    return any(doc.tokens[k].kind == "word" and is_reportive(doc, lexicon, k) for k in range(first, last))


def _has_cue(doc: Doc, lexicon: Lexicon, first: int, last: int) -> bool:
    """Whether the sentence has a strong speech verb of its own (a frame we did not take)."""
    for k in range(first, last):
        cue = find_cue(doc, lexicon, k, last)
        if cue is not None and cue.verb is not None and cue.verb.strength >= tuning.ALWAYS_SPEECH:
            return True
    return False


def find_free_indirect(doc: Doc, lexicon: Lexicon, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Free-indirect continuation sentences after the given candidates."""
    quoted = {c.sentence for c in candidates}
    for c in candidates:
        for a, b in c.content:
            first = doc.layer.token_at(a)
            last = doc.layer.token_at(max(a, b - 1))
            if first is not None and last is not None:
                quoted.update(range(doc.layer.sentence_index(first), doc.layer.sentence_index(last) + 1))
    out: list[Candidate] = []
    active_paragraph: int | None = None
    for n, sentence in enumerate(doc.sentences):
        if n in quoted:
            active_paragraph = sentence.paragraph
            continue
        chained = active_paragraph is not None and sentence.paragraph - active_paragraph <= 1
        words = sum(1 for t in doc.tokens[sentence.first : sentence.last] if t.kind == "word")
        if words < tuning.FREE_INDIRECT_WORDS or doc.tokens[sentence.first].kind == "quote":
            active_paragraph = None
            continue
        reportive = _has_reportive(doc, lexicon, sentence.first, sentence.last)
        if not chained and not reportive:
            active_paragraph = None
            continue
        mood, _ = clause_mood(doc, lexicon, sentence.first, sentence.last)
        if mood != "subjunctive" and not reportive:
            active_paragraph = None
            continue
        if _has_cue(doc, lexicon, sentence.first, sentence.last):
            active_paragraph = None
            continue
        out.append(
            Candidate(
                kind="free_indirect",
                content=(char_span(doc, sentence.first, sentence.last),),
                sentence=n,
                mood="subjunctive" if mood == "subjunctive" else "indicative",
                confidence=tuning.FREE_INDIRECT_SUBJUNCTIVE if mood == "subjunctive" else tuning.FREE_INDIRECT_REPORTIVE,
                inherit_speaker=True,
                rule="free_indirect.konjunktiv" if mood == "subjunctive" else "free_indirect.reportive",
            )
        )
        active_paragraph = sentence.paragraph
    return out


class FreeIndirectRule:
    """Free indirect speech (:func:`find_free_indirect`): the last rule, as it continues the others' quotes.

    It reads every candidate found so far (``claims.candidates``), not only the
    claimed text: a sentence holding any quote's content is no continuation.
    """

    name = "free_indirect"
    requires = frozenset({"lemmas"})
    claims_frames = False

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]:
        return find_free_indirect(doc, lexicon, claims.candidates)
