"""The entity table and resolution of quotecheck.attribution.coreference.

The behaviour (which name a mention gets) is specified in test_attribution.py;
these tests pin down the shape: the table is built first, and resolving a
mention never changes the coreference it was asked.
"""

from __future__ import annotations

import pytest

from quotecheck.analysis import EmbeddedBackend
from quotecheck.attribution.coreference import Coreference
from quotecheck.attribution.nounphrase import parse_noun_phrase
from quotecheck.lexicon import load_lexicon


def _coreference(text: str) -> Coreference:
    return Coreference.build(EmbeddedBackend().analyse(text), load_lexicon())


def _mention(coref: Coreference, words: str):
    doc = coref.doc
    start = next(i for i, tok in enumerate(doc.tokens) if doc.text[tok.start :].startswith(words))
    np = parse_noun_phrase(doc, coref.lexicon, start, len(doc.tokens))
    assert np is not None, words
    return np


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Der russische Präsident Wladimir Putin reiste ab. Putin sagte nichts.", "Putin sagte", "Wladimir Putin"),
        ("Die Deutsche Bahn prüft den Fall. Laut Bahn ist alles in Ordnung.", "Bahn ist", "Deutsche Bahn"),
        ("Katrin Oswald, Sprecherin der Bahn, war dort. Die Sprecherin schwieg.", "Sprecherin schwieg", "Katrin Oswald"),
    ],
)
def test_the_table_is_built_before_any_resolution(text: str, mention: str, name: str) -> None:
    coref = _coreference(text)
    resolution = coref.resolve(_mention(coref, mention))
    assert resolution.entity is not None and resolution.entity.name == name
    assert resolution.coreference.table is coref.table  # found, nothing introduced


def test_resolving_an_unknown_name_introduces_it_in_a_new_value_only() -> None:
    coref = _coreference("Das Treffen war kurz. Schmolke sagte nichts.")
    assert coref.table.entities == ()  # a lone surname is no entity until it speaks
    resolution = coref.resolve(_mention(coref, "Schmolke sagte"))
    assert resolution.entity is not None and resolution.entity.name == "Schmolke"
    assert coref.table.entities == ()  # the coreference asked is unchanged
    assert resolution.coreference.table.entity(resolution.entity.id) == resolution.entity
    again = coref.resolve(_mention(coref, "Schmolke sagte"))
    assert again.entity == resolution.entity  # the same question, the same answer


def test_a_noted_speaker_is_found_by_a_later_pronoun() -> None:
    coref = _coreference("Das Treffen war kurz. Schmolke kam an. Danach sagte er nichts.")
    resolution = coref.resolve(_mention(coref, "Schmolke kam"))
    assert resolution.entity is not None
    pronoun = _mention(coref, "er nichts")
    assert resolution.coreference.resolve(pronoun).entity is None  # introduced, but never mentioned as a speaker
    noted = resolution.coreference.noted(_mention(coref, "Schmolke kam"), resolution.entity)
    assert noted.resolve(pronoun).entity == resolution.entity
