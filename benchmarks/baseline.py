"""A naive baseline for the accuracy benchmark: quotation marks plus proximity.

It finds direct quotes only: text between paired quotation marks („…“ "…" »…« «…»
“…”) of at least three words. The speaker is the nearest capitalised, name-like
token sequence outside the quote in the same sentence or the one before (a
sentence-initial word from a short list of function words does not count); the
cue is the nearest speech verb from a small list in the same sentence. It emits
contract dicts (shared/quote-json.md) so the benchmark exports and scores it
exactly like quotecheck. It exists to show what quotecheck adds over the obvious.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["SPEECH_VERBS", "extract"]

# One alternative per pair of marks; „…“ and „…” are both common in German text.
_QUOTE = re.compile(
    r"""
      „(?P<a>[^„“”]+)[“”]     # German low-high
    | »(?P<b>[^»«]+)«         # guillemets, German order
    | «(?P<c>[^«»]+)»         # guillemets, French order
    | “(?P<d>[^“”„]+)”        # English curly
    | "(?P<e>[^"]+)"          # straight
    """,
    re.VERBOSE,
)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A sentence ends at . ! ? followed by space and an upper-case letter or an opening mark.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"»«“])|\n\s*\n")

SPEECH_VERBS = frozenset(
    """
    sagte sagten sagt sagen erklärte erklärten erklärt betonte betonten betont
    meinte meinten meint fügte fügten hinzu ergänzte ergänzt berichtete
    berichteten berichtet teilte teilten mit kritisierte kritisierten kritisiert
    warnte warnten warnt forderte forderten fordert äußerte äußerten schrieb
    schrieben schreibt erläuterte versicherte bekräftigte unterstrich so
    """.split()
)

# Capitalised words that start sentences or clauses without naming anyone.
_NOT_NAMES = frozenset(
    """
    Der Die Das Den Dem Des Ein Eine Einer Einen Einem Eines Er Sie Es Wir Ich Ihr
    Man Dies Diese Dieser Dieses Diesen Dem In Im Am An Auf Aus Bei Mit Nach Vor Von
    Zu Zum Zur Für Über Unter Um Seit Bis Wie Was Wer Wo Wann Warum Als Auch Aber
    Und Oder Doch Denn Dann Damit Dass So Noch Nur Schon Jetzt Heute Gestern Morgen
    Nicht Kein Keine Alle Viele Mehr Laut Zudem Außerdem Allerdings Trotzdem Dabei
    Daher Deshalb Dort Hier Nun Sein Seine Ihre Unser Unsere Jeder Jede Jedes Mein
    Meine Gegen Ohne Durch Während Wenn Ob Weil Obwohl
    """.split()
)
_PARTICLES = frozenset({"von", "van", "de", "der", "al", "bin", "da", "di", "zu"})


def _sentences(text: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans; no boundary is placed inside a quotation."""
    bounds = [0]
    for m in _SENTENCE_END.finditer(text):
        if not any(start < m.start() < end for start, end in protected):
            bounds.append(m.end())
    bounds.append(len(text))
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _name_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (name particles allowed inside) in text[start:end].

    Words of _NOT_NAMES never count: they are the capitalised function words that
    open sentences and clauses, not names.
    """
    runs: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # particles waiting for a following name part
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        previous_end = (pending or current)[-1][1] if current else None
        if previous_end is not None and text[previous_end : m.start()] != " ":
            runs.append((current[0][0], current[-1][1]))
            current, pending = [], []
        if word[0].isupper() and word not in _NOT_NAMES:
            current += pending + [m.span()]
            pending = []
        elif current and word in _PARTICLES:
            pending.append(m.span())
        else:
            if current:
                runs.append((current[0][0], current[-1][1]))
            current, pending = [], []
    if current:
        runs.append((current[0][0], current[-1][1]))
    return runs


def _distance(span: tuple[int, int], quote: tuple[int, int]) -> int:
    if span[1] <= quote[0]:
        return quote[0] - span[1]
    return span[0] - quote[1]


def _role(text: str, span: tuple[int, int], **extra: Any) -> dict[str, Any]:
    return {"text": text[span[0] : span[1]], "spans": [list(span)], **extra}


def extract(text: str) -> list[dict[str, Any]]:
    """Direct quotes with a nearest-name speaker and nearest-verb cue, as contract dicts."""
    found = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in "abcde" if m.group(g) is not None)
        start, end = m.span(group)
        if len(_WORD.findall(text, start, end)) >= 3:
            found.append((start, end, m.start(), m.end()))
    protected = [(outer_start, outer_end) for _, _, outer_start, outer_end in found]
    sentences = _sentences(text, protected)
    quotes = []
    for number, (start, end, outer_start, outer_end) in enumerate(found):
        first = next(k for k, (a, b) in enumerate(sentences) if a <= outer_start < b)
        last = next(k for k, (a, b) in enumerate(sentences) if a < outer_end <= b)
        same = (sentences[first][0], sentences[last][1])
        around = (sentences[max(first - 1, 0)][0], same[1])
        outside = lambda s: s[1] <= outer_start or s[0] >= outer_end  # noqa: E731
        names = [r for r in _name_runs(text, *around) if outside(r)]
        verbs = [
            w.span() for w in _WORD.finditer(text, *same)
            if w.group() in SPEECH_VERBS and outside(w.span())
        ]
        speaker = min(names, key=lambda s: _distance(s, (outer_start, outer_end)), default=None)
        cue = min(verbs, key=lambda s: _distance(s, (outer_start, outer_end)), default=None)
        quotes.append(
            {
                "id": f"baseline:q{number}",
                "kind": "direct",
                "mood": None,
                "content": _role(text, (start, end)),
                "cue": _role(text, cue) if cue else None,
                "frame": None,
                "speaker": _role(text, speaker, name=text[speaker[0] : speaker[1]], type="unknown")
                if speaker
                else None,
                "addressee": None,
                "sources": [],
                "fragments": [],
                "sentence": first,
                "confidence": 0.5,
            }
        )
    return quotes
