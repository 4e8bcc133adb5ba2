"""The quote table's rows: one flat row per quote, from every kind of result.

:func:`quotecheck.frame.rows` needs only the standard library, so these tests
run everywhere; the Arrow and pandas frames are tested in test_dataframe.py.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given

import quotecheck
from quotecheck.extractor import Extractor
from quotecheck.frame import COLUMNS, rows, to_frame
from tests.strategies import quote_and_text, texts


def row_of(ex: Extractor, text: str, content: str) -> dict[str, Any]:
    """The row of the quote whose content is ``content``."""
    found = [r for r in rows([ex.process("d", text)]) if r["content_text"] == content]
    assert len(found) == 1, [r["content_text"] for r in rows([ex.process("d", text)])]
    return found[0]


# ---------------------------------------------------------------------------
# Rows (standard library only).
# ---------------------------------------------------------------------------


def test_a_row_has_every_column_in_order(ex: Extractor) -> None:
    row = row_of(ex, "„Wir bleiben hart“, sagte Anna Berger.", "Wir bleiben hart")
    assert list(row) == [c.name for c in COLUMNS]


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        (
            "„Wir bleiben hart“, sagte Gewerkschaftschefin Anna Berger laut dpa.",
            "Wir bleiben hart",
            {"kind": "direct", "mood": None, "speaker_name": "Anna Berger", "speaker_type": "person",
             "cue_text": "sagte", "cue_lemma": "sagen", "source_names": ["dpa"],
             "source_types": ["news_agency"], "chain": ["Anna Berger", "dpa"], "chain_text": "Anna Berger → dpa"},
        ),
        (
            "Die Lage sei ernst, sagte ein Augenzeuge.",
            "Die Lage sei ernst",
            {"kind": "indirect", "mood": "subjunctive", "speaker_text": "ein Augenzeuge", "speaker_name": None,
             "chain": ["ein Augenzeuge"], "chain_text": "ein Augenzeuge", "source_names": []},
        ),
        (
            "Laut Reuters sind die Verhandlungen gescheitert.",
            "sind die Verhandlungen gescheitert",
            {"kind": "indirect", "speaker_name": "Reuters", "chain": ["Reuters"], "chain_text": "Reuters"},
        ),
    ],
)
def test_row_values_by_construction(ex: Extractor, text: str, content: str, expected: dict[str, Any]) -> None:
    row = row_of(ex, text, content)
    assert {key: row[key] for key in expected} == expected


def test_offsets_are_each_roles_extent_in_the_text(ex: Extractor) -> None:
    text = "„Wir bleiben hart“, sagte Anna Berger. Die Gespräche seien gescheitert, fügte sie hinzu."
    for row in rows([ex.process("d", text)]):
        assert text[row["content_start"] : row["content_end"]] == row["content_text"]
        assert text[row["speaker_start"] : row["speaker_end"]] == row["speaker_text"]
    fuegte = row_of(ex, text, "Die Gespräche seien gescheitert")
    assert (fuegte["cue_text"], text[fuegte["cue_start"] : fuegte["cue_end"]]) == ("fügte hinzu", "fügte sie hinzu")


def test_fields_added_to_the_record_later_fill_their_columns() -> None:
    """``rule``, ``parent`` and a source's ``relation`` are read when the record has them."""
    quote = {
        "id": "d:q2", "kind": "direct", "mood": None, "rule": "direct.colon", "parent": "d:q1",
        "content": {"text": "Nein", "spans": [[10, 14]]},
        "speaker": {"text": "Peskow", "spans": [[0, 6]], "name": "Dmitri Peskow", "type": "person"},
        "sources": [
            {"text": "TASS", "spans": [[20, 24]], "name": "TASS", "type": "news_agency", "relation": "reported_by"},
            {"text": "wie Reuters berichtete", "spans": [[26, 48]], "name": "Reuters", "type": "news_agency",
             "relation": "reported_by"},
        ],
    }
    (row,) = rows([{"id": "d", "quotes": [quote]}])
    assert (row["rule"], row["parent"]) == ("direct.colon", "d:q1")
    assert row["source_relations"] == ["reported_by", "reported_by"]
    assert row["chain_text"] == "Dmitri Peskow → TASS → Reuters"


def test_fields_the_record_lacks_are_null() -> None:
    quote = {"id": "q1", "kind": "direct", "content": {"text": "Ja", "spans": [[1, 3]]},
             "sources": [{"text": "laut AP", "spans": [[5, 12]], "name": "AP", "type": "news_agency"}]}
    (row,) = rows([quote])
    assert (row["doc_id"], row["rule"], row["parent"], row["speaker_name"], row["cue_start"]) == (None,) * 5
    assert row["source_relations"] == [None]
    assert (row["chain"], row["chain_text"]) == ([None, "AP"], "? → AP"), "relayed words of no named speaker"


def test_a_quote_with_neither_speaker_nor_source_has_an_empty_chain() -> None:
    (row,) = rows([{"id": "q1", "kind": "direct", "content": {"text": "Ja", "spans": [[1, 3]]}}])
    assert (row["chain"], row["chain_text"]) == ([], None)


def test_every_kind_of_result_gives_the_same_rows(ex: Extractor) -> None:
    text = "„Wir bleiben hart“, sagte Anna Berger. Sie sei enttäuscht, sagte Berger."
    result = ex.process("d", text)
    from_result = list(rows([result]))
    assert list(rows([result.to_dict()])) == from_result
    assert [dict(r, doc_id="d") for r in rows(ex.extract(text, "d"))] == from_result


def test_documents_without_quotes_have_no_rows_unless_kept(ex: Extractor) -> None:
    results = [ex.process("leer", "Es regnet."), ex.process("kaputt", None), ex.process("q", "„Ja“, sagte Berger.")]
    assert [r["doc_id"] for r in rows(results)] == ["q"]
    kept = list(rows(results, keep_empty=True))
    assert [(r["doc_id"], r["quote_id"], r["error_type"]) for r in kept] == [
        ("leer", None, None),
        ("kaputt", None, "InputError"),
        ("q", "q:q1", None),
    ]
    assert "missing or null" in kept[1]["error_message"]


@pytest.mark.slow  # a fresh interpreter
def test_importing_quotecheck_does_not_import_pandas() -> None:
    code = "import sys, quotecheck; quotecheck.extract('„Ja“, sagte Berger.'); print(sorted({'pandas', 'pyarrow'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_to_frame_without_pyarrow_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an absent package looks like to import
    with pytest.raises(quotecheck.MissingExtra, match=r'pip install "quotecheck-de\[dataframe\]"'):
        to_frame([])


# ---------------------------------------------------------------------------
# Properties.
# ---------------------------------------------------------------------------

@given(texts())
def test_any_text_gives_one_row_per_quote_with_exact_offsets(ex: Extractor, text: str) -> None:
    result = ex.process("d", text)
    table = list(rows([result]))
    assert [r["quote_id"] for r in table] == [q.id for q in result.quotes]
    for row, quote in zip(table, result.quotes):
        assert (row["content_start"], row["content_end"]) == (quote.content.start, quote.content.end)
        if len(quote.content.spans) == 1:
            assert text[row["content_start"] : row["content_end"]] == row["content_text"]


@given(quote_and_text())
def test_any_quote_record_flattens_to_its_own_values(pair: tuple[str, Any]) -> None:
    _, quote = pair
    (row,) = rows([quote])
    assert (row["quote_id"], row["kind"], row["mood"], row["content_text"]) == (
        quote.id, quote.kind, quote.mood, quote.content.text
    )
    assert row["source_names"] == [s.name if s.name is not None else s.text for s in quote.sources]
    assert len(row["chain"]) == (len(quote.sources) + 1 if quote.speaker or quote.sources else 0)
    assert row["fragments"] == [f.text for f in quote.fragments]
