"""Free indirect speech: Konjunktiv continuations and reportive sollen/wollen."""

from __future__ import annotations

import pytest

from quotecheck.extractor import Extractor


CHAINS = [
    # (text, kinds in order, speaker of the last quote)
    ("Kim sagte, die Zusammenarbeit habe sich verstärkt. Man werde sie weiter ausbauen.",
     ["indirect", "free_indirect"], "Kim"),
    ("Die Polizei teilte mit, dass der Täter gefasst sei. Er habe sich gestellt. Die Beute sei gefunden worden.",
     ["indirect", "free_indirect", "free_indirect"], "Die Polizei"),
    # narration in the indicative ends the chain
    ("Die Polizei teilte mit, dass der Täter gefasst sei. Das Wetter war schön. Er habe sich gestellt.",
     ["indirect"], "Die Polizei"),
    # a Konjunktiv sentence with nothing reported before it is no quote
    ("Das Wetter war schön. Er habe sich gestellt.", [], None),
]


@pytest.mark.parametrize("text, kinds, speaker", CHAINS)
def test_chains(ex: Extractor, text: str, kinds: list[str], speaker: str | None) -> None:
    quotes = ex.extract(text)
    assert [q.kind for q in quotes] == kinds
    if quotes:
        assert quotes[-1].speaker is not None and quotes[-1].speaker.text == speaker
        assert all(q.mood == "subjunctive" for q in quotes if q.kind == "free_indirect")


def test_free_indirect_has_no_frame(ex: Extractor) -> None:
    quotes = ex.extract("Kim sagte, die Lage sei ernst. Man werde handeln.")
    free = [q for q in quotes if q.kind == "free_indirect"]
    assert free and free[0].frame is None and free[0].cue is None
    assert free[0].content.text == "Man werde handeln."


def test_reportive_sollen_is_hearsay(ex: Extractor) -> None:
    quotes = ex.extract("Der Täter soll über die Grenze geflohen sein.")
    assert [q.kind for q in quotes] == ["free_indirect"]
    assert quotes[0].mood == "indicative"


def test_deontic_sollen_is_not(ex: Extractor) -> None:
    assert ex.extract("Die Brücke soll im Herbst gebaut werden.") == []
