"""A user's script: it must type-check under ``mypy --strict`` against the public API.

tests/test_typing.py checks it; it is never run by the test suite itself.
"""

from __future__ import annotations

from collections.abc import Iterator

import quotecheck
from quotecheck import DocumentResult, Extractor, Quote
from quotecheck.model import KINDS, Kind, Mood, Relation


def who_said_what(text: str) -> Iterator[tuple[Kind, str, str | None, list[str | None]]]:
    for quote in quotecheck.extract(text):
        speaker = quote.speaker.name if quote.speaker is not None else None
        yield quote.kind, quote.content.text, speaker, [s.name for s in quote.sources]


def subjunctive(quotes: list[Quote]) -> list[Quote]:
    mood: Mood = "subjunctive"
    return [q for q in quotes if q.mood == mood]


def count(results: Iterator[DocumentResult]) -> dict[Kind, int]:
    counts: dict[Kind, int] = {kind: 0 for kind in KINDS}
    for result in results:
        if result.error is None:
            for quote in result.quotes:
                counts[quote.kind] += 1
    return counts


def main() -> None:
    extractor = Extractor()
    relation: Relation = "reported_by"
    for row in who_said_what("„Wir streiken weiter“, sagte Jan Roth laut dpa."):
        print(*row, relation)
    print(count(extractor.extract_many(["Die Lage sei ernst, sagte sie."])))
    print(quotecheck.__version__)


if __name__ == "__main__":
    main()
