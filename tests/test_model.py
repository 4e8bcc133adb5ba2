"""The quote model: validation, the contract's JSON form, and the round trip."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import assume, given

from quotecheck.model import (
    KINDS,
    MOODS,
    SOURCE_TYPES,
    RELATIONS,
    SPEAKER_TYPES,
    Cue,
    DocumentResult,
    Mention,
    Quote,
    Role,
    Span,
    join_spans,
)
from tests.strategies import quote_and_text

TEXT = "Kim sagte laut der AP, er werde „alles tun“. Er fügte hinzu: „Wir helfen.“"


def _quote() -> Quote:
    return Quote(
        id="doc:q1",
        kind="indirect",
        mood="subjunctive",
        content=Role.from_spans(TEXT, [(23, 43)]),
        cue=Cue.from_spans(TEXT, [(4, 9)], "sagen"),
        frame=Role.from_spans(TEXT, [(0, 22)]),
        speaker=Mention.from_spans(TEXT, [(0, 3)], "Kim Jong Un", "person"),
        addressee=None,
        sources=[Mention.from_spans(TEXT, [(10, 21)], "AP", "news_agency")],
        fragments=[Role.from_spans(TEXT, [(33, 42)])],
        sentence=0,
        confidence=0.8234,
        rule="indirect.v2_konjunktiv",
    )


# --- validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    "build, error",
    [
        (lambda: Span(-1, 3), ValueError),
        (lambda: Span(5, 4), ValueError),
        (lambda: Span(1.0, 3), TypeError),
        (lambda: Span("1", 3), TypeError),
        (lambda: Role("x", []), ValueError),  # a role needs a span
        (lambda: Role(3, [(0, 1)]), TypeError),
        (lambda: Cue("sagte", [(0, 5)], 7), TypeError),
        (lambda: Mention("Kim", [(0, 3)], "Kim", "alien"), ValueError),
        (lambda: Mention("Kim", [(0, 3)], 42, "person"), TypeError),
        (lambda: attrs.evolve(_quote(), kind="quoted"), ValueError),
        (lambda: attrs.evolve(_quote(), mood="imperative"), ValueError),
        (lambda: attrs.evolve(_quote(), confidence=1.5), ValueError),
        (lambda: attrs.evolve(_quote(), confidence=-0.1), ValueError),
        (lambda: attrs.evolve(_quote(), content="alles tun"), TypeError),
        (lambda: attrs.evolve(_quote(), cue=Role("sagte", [(4, 9)])), TypeError),
        (lambda: attrs.evolve(_quote(), speaker=Role("Kim", [(0, 3)])), TypeError),
        (lambda: attrs.evolve(_quote(), sentence="0"), TypeError),
        (lambda: attrs.evolve(_quote(), id=None), TypeError),
    ],
)
def test_invalid_values_are_rejected(build, error) -> None:
    with pytest.raises(error):
        build()


def test_model_is_frozen_and_hashable() -> None:
    quote = _quote()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.kind = "direct"  # type: ignore[misc]
    assert hash(quote) == hash(_quote())
    assert quote.evolve(kind="direct").kind == "direct" and quote.kind == "indirect"


def test_role_spans_are_sorted_and_joined_with_one_space() -> None:
    text = "Er fügte am Montag hinzu"
    cue = Cue.from_spans(text, [(19, 24), (3, 8)], "hinzufügen")
    assert cue.spans == (Span(3, 8), Span(19, 24))
    assert cue.text == "fügte hinzu" == join_spans(text, cue.spans)
    assert (cue.start, cue.end) == (3, 24)


def test_a_role_from_spans_is_the_role_with_its_text_given() -> None:
    """The pipeline's roles read their text from the document; nothing else tells them apart."""
    made = Mention.from_spans(TEXT, [(0, 3)], "Kim Jong Un", "person")
    given = Mention("Kim", [(0, 3)], "Kim Jong Un", "person")
    assert made.text == "Kim" and made.spans == (Span(0, 3),)
    assert made == given and hash(made) == hash(given) and repr(made) == repr(given)
    assert made != Mention("Kim", [(0, 3)], "Kim", "person")  # the other fields still count
    assert Role.from_spans(TEXT, [(0, 3)]) != Role("Kim", [(0, 4)])  # and the spans


def test_a_role_evolves_and_pickles_as_one_with_its_text() -> None:
    import pickle

    made = Cue.from_spans(TEXT, [(4, 9)], "sagen")
    assert attrs.evolve(made, lemma="erklären") == Cue("sagte", [(4, 9)], "erklären")
    assert attrs.evolve(made, text="sagt", spans=[(4, 8)]) == Cue("sagt", [(4, 8)], "sagen")
    data = pickle.dumps(made)
    assert TEXT.encode() not in data  # the role's own text travels, not the document's
    assert pickle.loads(data) == made


def test_a_role_needs_its_text_or_its_document() -> None:
    with pytest.raises(TypeError):
        Role(None, [(0, 3)])  # type: ignore[arg-type]
    assert Role.from_spans("x" * 10, [(2, 5)]).text == "xxx"


def test_a_span_beyond_the_packed_range_is_kept_as_given() -> None:
    far = 1 << 32
    role = Role("Ja", [(far, far + 2)])
    assert role.spans == (Span(far, far + 2),) and (role.start, role.end) == (far, far + 2)
    assert attrs.evolve(role, text="ja") == Role("ja", [(far, far + 2)])


def test_a_role_of_several_spans_reads_them_back_in_text_order() -> None:
    """„teilte … mit“: a cue in two pieces keeps both spans, its text joined with one space."""
    text = "Die Firma teilte am Montag mit, dass sie schließt."
    made = Cue.from_spans(text, [(27, 30), (10, 16)], "mitteilen")
    assert made.spans == (Span(10, 16), Span(27, 30)) and made.text == "teilte mit"
    assert (made.start, made.end) == (10, 30)


def test_a_role_of_several_spans_is_the_role_with_its_text_given() -> None:
    import pickle

    text = "Die Firma teilte am Montag mit, dass sie schließt."
    made = Cue.from_spans(text, [(10, 16), (27, 30)], "mitteilen")
    given = Cue("teilte mit", [(10, 16), (27, 30)], "mitteilen")
    assert made == given and hash(made) == hash(given) and repr(made) == repr(given)
    assert made != Cue("teilte mit", [(10, 16), (27, 31)], "mitteilen")  # a different last span
    assert attrs.evolve(made, lemma="teilen") == Cue("teilte mit", [(10, 16), (27, 30)], "teilen")
    assert pickle.loads(pickle.dumps(made)) == made


def test_several_spans_beyond_the_packed_range_are_kept_as_given() -> None:
    far = 1 << 32
    role = Role("Ja ja", [(3, 5), (far, far + 2)])
    assert role.spans == (Span(3, 5), Span(far, far + 2)) and (role.start, role.end) == (3, far + 2)


def test_a_plain_int_is_no_spans() -> None:
    """Only a role's own kept span passes as a number; a record's ``"spans": 17179869184`` is refused."""
    with pytest.raises(TypeError):
        Role("Kim", 3 << 32)  # type: ignore[arg-type]
    made = Role.from_spans(TEXT, [(0, 3)])
    assert attrs.evolve(made) == made  # evolve passes the kept span on


def test_a_role_matches_by_its_public_attributes() -> None:
    match Mention.from_spans(TEXT, [(0, 3)], "Kim Jong Un", "person"):
        case Mention(text, spans, name, kind):
            assert (text, spans, name, kind) == ("Kim", (Span(0, 3),), "Kim Jong Un", "person")
        case _:
            pytest.fail("no match")
    assert Cue.__match_args__ == ("text", "spans", "lemma")


def test_a_users_subclass_compares_and_shows_text_and_spans() -> None:
    @attrs.frozen
    class Note(Role):
        note: str = ""

    kim, sagte = Note("Kim", [(0, 3)], "n"), Note("sagte", [(4, 9)], "n")
    assert kim != sagte and kim == Note("Kim", [(0, 3)], "n") and hash(kim) == hash(Note("Kim", [(0, 3)], "n"))
    assert repr(kim) == "Note(text='Kim', spans=(Span(start=0, end=3),), note='n')"


def test_a_role_pickled_by_version_0_2_0_loads() -> None:
    """0.2.0 pickled a role's fields by name (attrs' slotted state): text and spans."""
    old_state = {"text": "Kim", "spans": (Span(0, 3),), "name": "Kim Jong Un", "type": "person", "relation": None}
    role = Mention.__new__(Mention)
    role.__setstate__(old_state)
    assert role == Mention("Kim", [(0, 3)], "Kim Jong Un", "person")


# --- the contract's JSON form -------------------------------------------------------

QUOTE_FIELDS = [
    "id", "kind", "mood", "content", "cue", "frame", "speaker",
    "addressee", "sources", "fragments", "sentence", "confidence", "rule", "parent",
]  # fmt: skip


def test_to_dict_is_the_contract_record() -> None:
    record = _quote().to_dict()
    assert list(record) == QUOTE_FIELDS
    assert record == {
        "id": "doc:q1",
        "kind": "indirect",
        "mood": "subjunctive",
        "content": {"text": "er werde „alles tun“", "spans": [[23, 43]]},
        "cue": {"text": "sagte", "spans": [[4, 9]], "lemma": "sagen"},
        "frame": {"text": "Kim sagte laut der AP,", "spans": [[0, 22]]},
        "speaker": {"text": "Kim", "spans": [[0, 3]], "name": "Kim Jong Un", "type": "person"},
        "addressee": None,
        "sources": [{"text": "laut der AP", "spans": [[10, 21]], "name": "AP", "type": "news_agency"}],
        "fragments": [{"text": "alles tun", "spans": [[33, 42]]}],
        "sentence": 0,
        "confidence": 0.823,
        "rule": "indirect.v2_konjunktiv",
        "parent": None,
    }
    # role objects keep the contract's key order too
    assert list(record["content"]) == ["text", "spans"]
    assert list(record["cue"]) == ["text", "spans", "lemma"]
    assert list(record["speaker"]) == ["text", "spans", "name", "type"]
    assert list(record["sources"][0]) == ["text", "spans", "name", "type"]
    json.dumps(record, ensure_ascii=False, allow_nan=False)  # plain JSON types only


def test_minimal_direct_quote_has_nulls_and_empty_lists() -> None:
    text = "„Wir helfen.“"
    quote = Quote("q1", "direct", Role.from_spans(text, [(1, 12)]))
    assert quote.to_dict() == {
        "id": "q1",
        "kind": "direct",
        "mood": None,
        "content": {"text": "Wir helfen.", "spans": [[1, 12]]},
        "cue": None,
        "frame": None,
        "speaker": None,
        "addressee": None,
        "sources": [],
        "fragments": [],
        "sentence": None,
        "confidence": 1.0,
        "rule": None,
        "parent": None,
    }


def test_multi_span_cue_serialises_both_spans() -> None:
    start = TEXT.index("fügte")
    end = TEXT.index("hinzu")
    cue = Cue.from_spans(TEXT, [(start, start + 5), (end, end + 5)], "hinzufügen")
    assert cue.to_dict() == {
        "text": "fügte hinzu",
        "spans": [[start, start + 5], [end, end + 5]],
        "lemma": "hinzufügen",
    }


def test_from_dict_ignores_extra_fields_and_fills_defaults() -> None:
    record = _quote().to_dict() | {"phenomena": ["chain:1"]}
    assert Quote.from_dict(record) == attrs.evolve(_quote(), confidence=0.823)
    bare = {"id": "q", "kind": "direct", "content": {"text": "x", "spans": [[0, 1]]}}
    assert Quote.from_dict(bare) == Quote("q", "direct", Role("x", [(0, 1)]))


def _has_surrogate_pair(text: str) -> bool:
    return any("\ud800" <= a <= "\udbff" and "\udc00" <= b <= "\udfff" for a, b in zip(text, text[1:]))


@given(quote_and_text())
def test_round_trip_through_json(pair: tuple[str, Quote]) -> None:
    text, quote = pair
    # JSON cannot tell a high+low surrogate pair of code points from the astral
    # character they encode („\ud800\udc00“ reads back as U+10000); such strings
    # cannot come from decoded JSON or UTF-8 input, only from Python callers.
    assume(not _has_surrogate_pair(json.dumps(quote.to_dict(), ensure_ascii=False)))
    record = json.loads(json.dumps(quote.to_dict()))
    assert Quote.from_dict(record) == quote
    assert Quote.from_dict(record).to_dict() == record
    for role in (quote.content, quote.cue, quote.frame, quote.speaker, *quote.sources):
        if role is not None:
            assert role.text == " ".join(text[s.start : s.end] for s in role.spans)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("mood", (None, *MOODS))
def test_every_kind_and_mood_is_accepted(kind: str, mood: str | None) -> None:
    assert Quote("q", kind, Role("x", [(0, 1)]), mood=mood).to_dict()["kind"] == kind


@pytest.mark.parametrize("kind", sorted(set(SPEAKER_TYPES + SOURCE_TYPES)))
def test_every_mention_type_is_accepted(kind: str) -> None:
    assert Mention("AP", [(0, 2)], "AP", kind).to_dict()["type"] == kind


@pytest.mark.parametrize("relation", RELATIONS)
def test_a_source_relation_is_written_and_read_back(relation: str) -> None:
    source = Mention("der Agentur Reuters", [(10, 29)], "Reuters", "news_agency", relation)
    assert source.to_dict()["relation"] == relation
    assert Mention.from_dict(source.to_dict()) == source


def test_a_mention_without_relation_has_no_relation_key() -> None:
    """Speakers and addressees carry no relation: the record stays as it was."""
    assert "relation" not in Mention("Kim", [(0, 3)], "Kim", "person").to_dict()


def test_an_unknown_relation_is_rejected() -> None:
    with pytest.raises(ValueError):
        Mention("AP", [(0, 2)], "AP", "news_agency", "overheard")


def test_a_document_may_be_the_speaker() -> None:
    """„…, heißt es in dem Gutachten“: a document that names no author originated the words."""
    assert "document" in SPEAKER_TYPES


# --- one record per document ----------------------------------------------------------


def test_document_result_with_quotes() -> None:
    record = DocumentResult("kcna-1", [_quote()]).to_dict()
    assert list(record) == ["id", "quotes"]
    assert record["id"] == "kcna-1" and record["quotes"] == [_quote().to_dict()]


def test_document_result_with_error_has_no_quotes() -> None:
    error = {"type": "InputError", "message": "line 7: not valid JSON"}
    record = DocumentResult("broken-doc", (), error).to_dict()
    assert record == {"id": "broken-doc", "quotes": [], "error": error}
    assert list(record) == ["id", "quotes", "error"]
    # the record owns its error: changing the caller's dict afterwards has no effect
    error["message"] = "changed"
    assert record["error"]["message"] == "line 7: not valid JSON"
