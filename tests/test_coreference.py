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


# --- the noted speakers: an append-only log that versions share -------------------------------


def _occ(token: int, entity: int = 0):
    from quotecheck.attribution.occurrences import Occurrence

    return Occurrence(token, entity)


def test_a_noted_speaker_leaves_the_earlier_version_as_it_was() -> None:
    from quotecheck.attribution.occurrences import NotedLog

    first = NotedLog().with_occurrence(_occ(5))
    second = first.with_occurrence(_occ(9))
    assert list(first) == [_occ(5)] and list(second) == [_occ(5), _occ(9)]


def test_two_versions_grown_from_one_do_not_see_each_other() -> None:
    from quotecheck.attribution.occurrences import NotedLog

    base = NotedLog().with_occurrence(_occ(5))
    left, right = base.with_occurrence(_occ(7, 1)), base.with_occurrence(_occ(8, 2))
    assert list(left) == [_occ(5), _occ(7, 1)] and list(right) == [_occ(5), _occ(8, 2)]


def test_a_speaker_noted_before_the_last_one_goes_in_text_order() -> None:
    from quotecheck.attribution.occurrences import NotedLog

    log = NotedLog().with_occurrence(_occ(5)).with_occurrence(_occ(20)).with_occurrence(_occ(9, 1))
    assert [o.token for o in log] == [5, 9, 20] and log[-1] == _occ(20)


def test_occurrences_before_merge_named_mentions_and_noted_speakers_nearest_first() -> None:
    """At one token the noted speaker comes first: it was added after the named mention there."""
    from quotecheck.attribution.occurrences import NotedLog, occurrences_before

    named = (_occ(2, 0), _occ(6, 1), _occ(12, 2))
    noted = NotedLog().with_occurrence(_occ(6, 3)).with_occurrence(_occ(10, 4))
    assert [(o.token, o.entity) for o in occurrences_before(named, noted, 12)] == [(10, 4), (6, 3), (6, 1), (2, 0)]


# --- the named mentions: occurrences kept as columns -------------------------------------


def test_occurrences_keep_tokens_and_entities_as_columns_and_read_as_occurrences() -> None:
    """„Anna Berger (token 3) … Kim Roth (token 17)“: two named mentions, read back as Occurrence values."""
    from quotecheck.attribution.occurrences import Occurrences

    found = Occurrences([_occ(3, 0), _occ(17, 1)])
    assert list(found.tokens) == [3, 17] and list(found.entities) == [0, 1]
    assert list(found) == [_occ(3, 0), _occ(17, 1)] and found[-1] == _occ(17, 1)


def test_a_copy_of_occurrences_grows_without_changing_the_original() -> None:
    from quotecheck.attribution.occurrences import Occurrences

    original = Occurrences([_occ(3, 0)])
    copy = original.copy()
    copy.append(_occ(17, 1))
    assert list(original) == [_occ(3, 0)] and list(copy) == [_occ(3, 0), _occ(17, 1)]


def test_occurrences_read_past_the_end_raise_index_error() -> None:
    from quotecheck.attribution.occurrences import Occurrences

    with pytest.raises(IndexError):
        Occurrences([_occ(3, 0)])[1]


def test_the_built_table_keeps_its_named_mentions_as_columns() -> None:
    """„Anna Berger kam. Später sprach Berger.“: both mentions name one entity."""
    from quotecheck.attribution.occurrences import Occurrences

    coref = _coreference("Anna Berger kam. Später sprach Berger.")
    occurrences = coref.table.occurrences
    assert isinstance(occurrences, Occurrences)
    assert list(occurrences.tokens) == [0, 6] and len(set(occurrences.entities)) == 1


def test_the_build_reads_the_token_codes_it_is_given() -> None:
    """„in Bergheim“ is a place by its codes; codes that mark no capital find none."""
    from quotecheck.attribution.entities import document_places, token_codes

    doc = EmbeddedBackend().analyse("Die Feier fand in Bergheim statt.")
    lexicon = load_lexicon()
    assert document_places(doc, lexicon, token_codes(doc, lexicon)) == {"Bergheim"}
    assert document_places(doc, lexicon, bytes(len(doc.tokens))) == frozenset()


def test_a_table_handed_out_by_a_draft_keeps_its_mentions_when_the_draft_goes_on() -> None:
    """„Anna Berger kam.“ is in the table; „Berger“ recorded later is only in the next one."""
    from quotecheck.attribution.entities import Entity, EntityTable, TableDraft

    berger = Entity(0, "Anna Berger", "person", "f", frozenset())
    draft = TableDraft(EntityTable((berger,)))
    draft.occur(0, berger)
    first = draft.table()
    draft.occur(6, berger)
    assert [o.token for o in first.occurrences] == [0]
    assert [o.token for o in draft.table().occurrences] == [0, 6]


def test_a_draft_of_a_users_table_with_a_tuple_of_occurrences_records_in_a_copy() -> None:
    """A table built by hand with a tuple: the draft grows a copy, the tuple stays."""
    from quotecheck.attribution.entities import Entity, EntityTable, TableDraft

    berger = Entity(0, "Anna Berger", "person", "f", frozenset())
    given = (_occ(0),)
    draft = TableDraft(EntityTable((berger,), occurrences=given))
    draft.occur(6, berger)
    assert [o.token for o in draft.table().occurrences] == [0, 6] and given == (_occ(0),)
