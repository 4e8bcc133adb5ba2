"""``quotecheck.compare``: which renderings are one statement, and where outlets disagree."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotecheck
from quotecheck import CompareConfig, Comparison, DocumentResult, InputError, compare
from tests.compare_records import q, record
from tests.strategies import examples

# --- grouping ---------------------------------------------------------------------

AGENCY = "„Wir haben die Geduld mit dem Konzern verloren“, sagte Gewerkschaftschef Ralf Brenner."
PAPER = "Brenner sagte, die Gewerkschaft habe die Geduld mit dem Konzern verloren."
OTHER = "Brenner kündigte zudem Warnstreiks im Güterverkehr für die kommende Woche an."


def multi(groups):
    return [g for g in groups if len(g.renderings) > 1]


def test_direct_and_indirect_konjunktiv_renderings_are_one_statement() -> None:
    groups = compare([
        record("agentur", AGENCY, q("Wir haben die Geduld mit dem Konzern verloren", speaker=("Ralf Brenner", "Ralf Brenner"))),
        record("zeitung", PAPER, q("die Gewerkschaft habe die Geduld mit dem Konzern verloren", "indirect",
                                   speaker=("Brenner", "Brenner"))),
    ])
    assert len(groups) == 1
    assert [r.document for r in groups[0].renderings] == ["agentur", "zeitung"]
    assert groups[0].speaker == "Ralf Brenner"


def test_different_statements_of_one_speaker_stay_apart() -> None:
    text = AGENCY + " " + OTHER
    groups = compare([
        record("agentur", text, q("Wir haben die Geduld mit dem Konzern verloren", speaker=("Ralf Brenner", "Ralf Brenner")),
               q("Warnstreiks im Güterverkehr für die kommende Woche", "reported", speaker=("Brenner", "Ralf Brenner"))),
        record("zeitung", PAPER, q("die Gewerkschaft habe die Geduld mit dem Konzern verloren", "indirect",
                                   speaker=("Brenner", "Brenner"))),
    ])
    assert sorted(len(g.renderings) for g in groups) == [1, 2]


def test_a_statement_found_once_is_a_group_of_one_without_conflicts() -> None:
    groups = compare([record("a", OTHER, q("Warnstreiks im Güterverkehr für die kommende Woche", "reported",
                                           speaker=("Brenner", "Ralf Brenner")))])
    assert len(groups) == 1 and len(groups[0].renderings) == 1 and groups[0].conflicts == ()


def test_a_shared_verbatim_piece_groups_a_partial_quote() -> None:
    full = "„Wir werden nicht nachgeben, und wir streiken so lange, bis ein faires Angebot auf dem Tisch liegt“, sagte Roth."
    part = "Man streike so lange, „bis ein faires Angebot auf dem Tisch liegt“, sagte Roth."
    groups = compare([
        record("a", full, q("Wir werden nicht nachgeben, und wir streiken so lange, bis ein faires Angebot auf dem Tisch liegt",
                            speaker=("Roth", "Anna Roth"))),
        record("b", part, q("bis ein faires Angebot auf dem Tisch liegt", speaker=("Roth", "Anna Roth"))),
    ])
    assert len(groups) == 1
    assert groups[0].conflicts == ()  # quoting less is not quoting differently


def test_two_people_on_the_same_topic_are_not_one_statement() -> None:
    a = "„Die Bahn muss endlich mehr in das Schienennetz investieren“, sagte Jonas Weber."
    b = "„Die Bahn investiert bereits Milliarden in das Netz“, sagte Bahnchefin Katrin Oswald."
    groups = compare([
        record("a", a, q("Die Bahn muss endlich mehr in das Schienennetz investieren", speaker=("Jonas Weber", "Jonas Weber"))),
        record("b", b, q("Die Bahn investiert bereits Milliarden in das Netz", speaker=("Katrin Oswald", "Katrin Oswald"))),
    ])
    assert len(groups) == 2


def test_the_same_words_given_to_another_person_are_grouped_and_flagged() -> None:
    a = "„Wir werden die Reform mit Geduld und Augenmaß umsetzen“, sagte Ministerin Anna Roth."
    b = "„Wir werden die Reform mit Geduld und Augenmaß umsetzen“, sagte Staatssekretär Paul Brandt."
    groups = compare([
        record("a", a, q("Wir werden die Reform mit Geduld und Augenmaß umsetzen", speaker=("Ministerin Anna Roth", "Anna Roth"))),
        record("b", b, q("Wir werden die Reform mit Geduld und Augenmaß umsetzen", speaker=("Staatssekretär Paul Brandt", "Paul Brandt"))),
    ])
    assert len(groups) == 1
    conflict = groups[0].conflict("speaker")
    assert conflict is not None and conflict.values == ("Anna Roth", "Paul Brandt")


# --- names across documents ---------------------------------------------------------

KIM_A = "„Unsere Armee hat Mut und Treue bewiesen“, sagte Machthaber Kim Jong-un laut KCNA."
KIM_B = "„Unsere Armee hat Mut und Treue bewiesen“, sagte Kim Jong Un nach Angaben von KCNA."


def test_name_spellings_are_one_speaker() -> None:
    groups = compare([
        record("a", KIM_A, q("Unsere Armee hat Mut und Treue bewiesen", speaker=("Machthaber Kim Jong-un", "Kim Jong-un"))),
        record("b", KIM_B, q("Unsere Armee hat Mut und Treue bewiesen", speaker=("Kim Jong Un", "Kim Jong Un"))),
    ])
    assert len(groups) == 1 and groups[0].conflict("speaker") is None
    assert len({r.speaker_entity for r in groups[0].renderings}) == 1


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Putin", "Putin"),  # a short form of the full name another document uses
        ("Der russische Präsident", None),  # a description another document gives the name of
    ],
)
def test_short_names_and_described_speakers_resolve_across_documents(mention: str, name: str | None) -> None:
    a = "„Wir sind zu Verhandlungen über einen Waffenstillstand bereit“, sagte der russische Präsident Wladimir Putin."
    b = f"„Wir sind zu Verhandlungen über einen Waffenstillstand bereit“, sagte {mention}."
    groups = compare([
        record("a", a, q("Wir sind zu Verhandlungen über einen Waffenstillstand bereit",
                          speaker=("der russische Präsident Wladimir Putin", "Wladimir Putin"))),
        record("b", b, q("Wir sind zu Verhandlungen über einen Waffenstillstand bereit", speaker=(mention, name))),
    ])
    assert [r.speaker_entity for r in groups[0].renderings] == ["Wladimir Putin", "Wladimir Putin"]
    assert groups[0].conflict("speaker") is None


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Dmitri Sacharow", "Dmitry Zakharov"),  # German and English transliteration
        ("Murat Yılmaz", "Murat Yilmaz"),
        ("Mikkel Sørensen", "Mikkel Sörensen"),
        ("Liang Wenhao", "Wenhao Liang"),  # family name first or last
        ("Dariusz Nowak", "Dariusz N."),  # a surname cut to its initial
    ],
)
def test_spellings_of_one_name_across_outlets(one: str, other: str) -> None:
    a = f"„Wir fordern die sofortige Freigabe des Schiffes“, sagte {one}."
    b = f"„Wir fordern die sofortige Freigabe des Schiffes“, sagte {other}."
    (group,) = compare([
        record("a", a, q("Wir fordern die sofortige Freigabe des Schiffes", speaker=(one, one))),
        record("b", b, q("Wir fordern die sofortige Freigabe des Schiffes", speaker=(other, other))),
    ])
    assert group.conflict("speaker") is None
    assert len({r.speaker_entity for r in group.renderings}) == 1


def test_names_that_only_sound_alike_stay_apart() -> None:
    a = "„Wir fordern die sofortige Freigabe des Schiffes“, sagte Anna Roth."
    b = "„Wir fordern die sofortige Freigabe des Schiffes“, sagte Anna Rode."
    (group,) = compare([
        record("a", a, q("Wir fordern die sofortige Freigabe des Schiffes", speaker=("Anna Roth", "Anna Roth"))),
        record("b", b, q("Wir fordern die sofortige Freigabe des Schiffes", speaker=("Anna Rode", "Anna Rode"))),
    ])
    assert group.conflict("speaker") is not None


def test_an_ambiguous_short_name_links_to_no_one() -> None:
    texts = [
        ("a", "„Der Test war ein voller Erfolg für unser Land“, sagte Kim Jong Un."),
        ("b", "„Der Test war ein voller Erfolg für unser Land“, sagte Kim."),
        ("c", "„Die Feinde sollen sich vor unserer Stärke fürchten“, sagte Kim Yo Jong."),
    ]
    speakers = {"a": ("Kim Jong Un", "Kim Jong Un"), "b": ("Kim", "Kim"), "c": ("Kim Yo Jong", "Kim Yo Jong")}
    contents = {"a": "Der Test war ein voller Erfolg für unser Land", "b": "Der Test war ein voller Erfolg für unser Land",
                "c": "Die Feinde sollen sich vor unserer Stärke fürchten"}
    groups = compare([record(d, t, q(contents[d], speaker=speakers[d])) for d, t in texts])
    first = groups[0]
    assert [r.speaker_entity for r in first.renderings] == ["Kim Jong Un", "Kim"]


# --- conflicts ----------------------------------------------------------------------

ROTH_AGENCY = "Berlin (dpa) – „Wir werden die Reform mit Geduld und Augenmaß umsetzen“, sagte Ministerin Anna Roth."
ROTH_PAPER = "Roth sagte laut Reuters, man werde die Reform „mit Augenmaß und Ausdauer“ umsetzen."


def roth_groups():
    return compare([
        record("agentur", ROTH_AGENCY, q("Wir werden die Reform mit Geduld und Augenmaß umsetzen",
                                         speaker=("Ministerin Anna Roth", "Anna Roth")), outlet="dpa"),
        record("zeitung", ROTH_PAPER, q("man werde die Reform „mit Augenmaß und Ausdauer“ umsetzen", "indirect",
                                        speaker=("Roth", "Roth"), sources=[("laut Reuters", "Reuters")],
                                        fragments=["mit Augenmaß und Ausdauer"]), outlet="Tagesblatt"),
    ])


def test_wording_conflict_carries_a_word_level_diff_with_offsets() -> None:
    (group,) = roth_groups()
    conflict = group.conflict("wording")
    assert conflict is not None and conflict.renderings == (1,)
    (diff,) = conflict.diffs
    assert diff.reference == 0 and group.reference == 0
    changes = [(op.op, op.reference, op.words) for op in diff.ops]
    assert changes == [("changed", ("Geduld",), ("Augenmaß",)), ("changed", ("Augenmaß",), ("Ausdauer",))]
    for op in diff.ops:
        assert [ROTH_PAPER[s:e] for s, e in op.spans] == list(op.words)
        assert [ROTH_AGENCY[s:e] for s, e in op.reference_spans] == list(op.reference)


def test_kind_conflict_verbatim_here_paraphrase_there() -> None:
    (group,) = roth_groups()
    assert group.conflict("kind").values == ("direct", "indirect")


def test_chains_are_drawn_from_speaker_to_outlet() -> None:
    (group,) = roth_groups()
    assert [r.chain for r in group.renderings] == [("Anna Roth", "dpa"), ("Anna Roth", "Reuters", "Tagesblatt")]
    # dpa names no intermediary, the paper names Reuters: different intermediaries
    assert group.conflict("chain").renderings == (0, 1)


@pytest.mark.parametrize(
    ("chain_a", "chain_b", "conflict"),
    [
        (["KCNA"], ["KCNA"], False),
        (["KCNA"], ["KCNA", "AP"], True),  # one more intermediary
        (["Reuters"], ["Ministerium"], True),  # two different routes
        ([], ["Reuters"], True),  # no intermediary named here, one there
        ([], [], False),
    ],
)
def test_chain_conflict_when_the_ordered_intermediaries_differ(chain_a, chain_b, conflict) -> None:
    def text(chain):
        return "„Unsere Armee hat Mut und Treue bewiesen“, sagte Kim" + "".join(f" laut {s}" for s in chain) + "."

    groups = compare([
        record("a", text(chain_a), q("Unsere Armee hat Mut und Treue bewiesen", speaker=("Kim", "Kim Jong Un"),
                                     sources=[(f"laut {s}", s) for s in chain_a]), outlet="AP"),
        record("b", text(chain_b), q("Unsere Armee hat Mut und Treue bewiesen", speaker=("Kim", "Kim Jong Un"),
                                     sources=[(f"laut {s}", s) for s in chain_b]), outlet="Tagesblatt"),
    ])
    assert (groups[0].conflict("chain") is not None) is conflict


def test_how_a_source_relates_is_not_compared() -> None:
    a = "„Wir fordern die sofortige Freigabe des Schiffes“, sagte Sacharow der Agentur Reuters."
    b = "„Wir fordern die sofortige Freigabe des Schiffes“, sagte Sacharow laut Reuters."
    groups = compare([
        record("a", a, q("Wir fordern die sofortige Freigabe des Schiffes", speaker=("Sacharow", "Dmitri Sacharow"),
                          sources=[("der Agentur Reuters", "Reuters")])),
        record("b", b, q("Wir fordern die sofortige Freigabe des Schiffes", speaker=("Sacharow", "Dmitri Sacharow"),
                          sources=[("laut Reuters", "Reuters")])),
    ])
    assert groups[0].conflict("chain") is None


@pytest.mark.parametrize(
    ("reference", "rendering", "ops"),
    [
        ("Wir werden nicht nachgeben", "Wir werden nachgeben", [("dropped", ("nicht",), ())]),
        ("Wir streiken bis Freitag weiter", "Wir streiken bis Freitag unbefristet weiter", [("added", (), ("unbefristet",))]),
        ("Eine Lohnerhöhung von zwölf Prozent ist nicht bezahlbar", "Eine Lohnerhöhung von 12 % ist nicht bezahlbar", []),
        ("Wir werden nicht nachgeben, wir streiken weiter", "Wir werden nicht nachgeben … weiter", []),
    ],
)
def test_wording_diff_against_the_majority_wording(reference: str, rendering: str, ops) -> None:
    a, b = f"„{reference}“, sagte Roth.", f"„{rendering}“, sagte Roth."
    groups = compare([
        record("a", a, q(reference, speaker=("Roth", "Anna Roth"))),
        record("b", a, q(reference, speaker=("Roth", "Anna Roth"))),
        record("c", b, q(rendering, speaker=("Roth", "Anna Roth"))),
    ])
    (group,) = groups
    assert group.reference == 0
    wording = group.conflict("wording")
    found = [] if wording is None else [(o.op, o.reference, o.words) for d in wording.diffs for o in d.ops]
    assert found == ops


def test_one_document_never_disagrees_with_itself() -> None:
    text = ("Roth kündigte an, man werde die Reform „mit Geduld“ umsetzen. "
            "„Wir setzen die Reform mit Geduld und Augenmaß um“, sagte sie.")
    groups = compare([
        record("a", text, q("man werde die Reform „mit Geduld“ umsetzen", "indirect", speaker=("Roth", "Anna Roth"),
                            fragments=["mit Geduld"]),
               q("Wir setzen die Reform mit Geduld und Augenmaß um", speaker=("sie", "Anna Roth"))),
    ])
    assert len(groups) == 1 and groups[0].conflicts == ()


def test_kind_conflict_pairs_renderings_of_two_documents() -> None:
    text = "Roth kündigte an, man werde die Reform mit Geduld umsetzen. „Wir setzen die Reform mit Geduld um“, sagte sie."
    groups = compare([
        record("a", text, q("man werde die Reform mit Geduld umsetzen", "indirect", speaker=("Roth", "Anna Roth")),
               q("Wir setzen die Reform mit Geduld um", speaker=("sie", "Anna Roth"))),
        record("b", "„Wir setzen die Reform mit Geduld um“, sagte Roth.",
               q("Wir setzen die Reform mit Geduld um", speaker=("Roth", "Anna Roth"))),
    ])
    assert groups[0].conflict("kind").renderings == (0, 2)  # a's paraphrase against b's verbatim quote


@pytest.mark.parametrize(
    ("spokesperson", "name", "body", "conflict"),
    [
        ("Kremlsprecher Dmitri Sacharow", "Dmitri Sacharow", "Kreml", False),
        ("Gerichtssprecher Bernd Ruhland", "Bernd Ruhland", "Verwaltungsgericht Wellingen", False),
        ("Sonnenhof-Sprecherin Carina Voigt", "Carina Voigt", "Sonnenhof", False),
        ("Kremlsprecher Dmitri Sacharow", "Dmitri Sacharow", "Verwaltungsgericht Wellingen", True),
    ],
)
def test_a_spokesperson_and_the_body_they_speak_for_are_one_speaker(spokesperson, name, body, conflict) -> None:
    a = f"„Wir fordern die sofortige Freigabe des Schiffes und seiner Besatzung“, sagte {spokesperson}."
    b = f"„Wir fordern die sofortige Freigabe des Schiffes und seiner Besatzung“, erklärte {body}."
    groups = compare([
        record("a", a, q("Wir fordern die sofortige Freigabe des Schiffes und seiner Besatzung", speaker=(spokesperson, name))),
        record("b", b, q("Wir fordern die sofortige Freigabe des Schiffes und seiner Besatzung", speaker=(body, body))),
    ])
    assert (groups[0].conflict("speaker") is not None) is conflict


# --- the API --------------------------------------------------------------------------


def test_compare_takes_document_results_from_the_extractor() -> None:
    extractor = quotecheck.Extractor()
    a = DocumentResult("a", extractor.extract(AGENCY, "a"))
    b = DocumentResult("b", extractor.extract(PAPER, "b"))
    (group,) = compare([a, b])
    assert group.speaker == "Ralf Brenner"
    assert [r.quote for r in group.renderings] == ["a:q1", "b:q1"]


def test_parent_pieces_belong_to_their_quote() -> None:
    text = "Roth sagte, man werde die Reform „mit Geduld und Augenmaß“ umsetzen."
    groups = compare([record("a", text,
                             q("man werde die Reform „mit Geduld und Augenmaß“ umsetzen", "indirect", speaker=("Roth", "Anna Roth")),
                             q("mit Geduld und Augenmaß", parent="a:q1", speaker=("Roth", "Anna Roth")))])
    assert [r.quote for g in groups for r in g.renderings] == ["a:q1"]


def test_thresholds_are_parameters() -> None:
    records = [
        record("agentur", AGENCY, q("Wir haben die Geduld mit dem Konzern verloren", speaker=("Ralf Brenner", "Ralf Brenner"))),
        record("zeitung", PAPER, q("die Gewerkschaft habe die Geduld mit dem Konzern verloren", "indirect",
                                   speaker=("Brenner", "Brenner"))),
    ]
    assert len(compare(records, config=CompareConfig(threshold=1.0))) == 2


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "x", "quotes": "keine Liste"},
        {"id": "x", "quotes": [{"kind": "direct"}]},
        {"id": "x", "quotes": [{"id": "x:q1", "kind": "gesungen", "content": {"text": "a", "spans": [[0, 1]]}}]},
        ["keine", "Abbildung"],
    ],
)
def test_a_record_outside_the_contract_is_an_input_error(bad) -> None:
    with Comparison() as comparison:
        with pytest.raises(InputError):
            comparison.add(bad)
        assert len(comparison) == 0


def test_documents_with_an_error_add_nothing() -> None:
    with Comparison() as comparison:
        assert comparison.add({"id": "kaputt", "quotes": [], "error": {"type": "InputError", "message": "x"}}) == 0


def test_groups_serialise_to_the_documented_json() -> None:
    (group,) = roth_groups()
    data = json.loads(json.dumps(group.to_dict(), ensure_ascii=False))
    assert set(data) == {"group", "speaker", "size", "documents", "reference", "renderings", "conflicts"}
    assert data["size"] == 2 and data["documents"] == ["agentur", "zeitung"]
    rendering = data["renderings"][1]
    assert set(rendering) == {"document", "outlet", "quote", "kind", "mood", "speaker", "speaker_entity", "speaks_for",
                              "sources", "chain", "content", "fragments", "sentence", "score"}
    assert {c["type"] for c in data["conflicts"]} == {"chain", "wording", "kind"}


# --- properties -----------------------------------------------------------------------

WORDS = ["Reform", "Geduld", "Augenmaß", "Streik", "Angebot", "Bahn", "wir", "werden", "nicht", "die", "mit", "und"]


@st.composite
def records(draw):
    documents = []
    for d in range(draw(st.integers(1, 5))):
        sentences = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), max_size=4))
        text = ". ".join(" ".join(s) for s in sentences) + ". Roth, Brandt."
        quotes = [q(" ".join(s), draw(st.sampled_from(["direct", "indirect"])),
                    speaker=draw(st.sampled_from([None, ("Roth", "Anna Roth"), ("Brandt", "Paul Brandt")])))
                  for s in sentences]
        documents.append(record(f"d{d}", text, *quotes))
    return documents


@settings(max_examples=examples(50))
@given(records())
def test_every_quote_is_in_exactly_one_group_in_input_order(documents) -> None:
    groups = compare(documents)
    seen = [(r.document, r.quote) for g in groups for r in g.renderings]
    expected = [(d["id"], quote["id"]) for d in documents for quote in d["quotes"]]
    assert sorted(seen) == sorted(expected) and len(seen) == len(set(seen))
    firsts = [expected.index((g.renderings[0].document, g.renderings[0].quote)) for g in groups]
    assert firsts == sorted(firsts)
    assert [g.id for g in groups] == [f"g{n}" for n in range(1, len(groups) + 1)]
    for group in groups:
        for conflict in group.conflicts:
            assert all(0 <= i < len(group.renderings) for i in conflict.renderings)


@settings(max_examples=examples(25))
@given(records())
def test_comparison_is_deterministic(documents) -> None:
    first = [json.dumps(g.to_dict()) for g in compare(documents)]
    assert first == [json.dumps(g.to_dict()) for g in compare(documents)]


def _same_calls(records: list[dict], config: CompareConfig, monkeypatch: pytest.MonkeyPatch) -> int:
    """How often the comparison asks the measure about a pair, grouping ``records``."""
    calls = 0
    original = Comparison._same

    def counting(self: Comparison, i: int, j: int, entity: object) -> bool:
        nonlocal calls
        calls += 1
        return original(self, i, j, entity)  # type: ignore[arg-type]

    monkeypatch.setattr(Comparison, "_same", counting)
    compare(records, config=config)
    return calls


def test_chance_candidates_cost_at_most_max_rejected_comparisons_per_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    # Thirty statements on one topic: every quote shares „Bahn“ and „Schienennetz“ with every
    # other (so they meet in the buckets), and none is the same statement as another.
    topics = ["Pünktlichkeit", "Fahrpreise", "Personal", "Brücken", "Stellwerke", "Güterverkehr"]
    verbs = ["verbessern", "senken", "erhöhen", "sanieren", "modernisieren", "ausbauen"]
    records = []
    for n in range(30):
        text = f"Die Bahn müsse das Schienennetz und die {topics[n % 6]} {verbs[n // 6 % 6]} im Jahr {2030 + n}."
        records.append(record(f"d{n}", text, q(text)))
    config = dict(bands=4, rows=1, bucket_window=30, threshold=0.9, other_speaker_threshold=0.9)
    capped = _same_calls(records, CompareConfig(**config, max_rejected=2), monkeypatch)
    free = _same_calls(records, CompareConfig(**config, max_rejected=255), monkeypatch)
    assert capped <= 2 * len(records) < free
    assert len(compare(records, config=CompareConfig(**config, max_rejected=2))) == len(records)
