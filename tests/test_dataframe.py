"""The quote table as Arrow and pandas frames, and the CLI's CSV and Parquet (extra ``quotecheck-de[dataframe]``).

Real pandas and pyarrow, no mocks: the frame has one row per quote of the CLI
output, the documented types, and survives Parquet and CSV round trips.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotecheck
from quotecheck import cli
from quotecheck.extractor import Extractor
from quotecheck.frame import COLUMNS, LIST_COLUMNS, to_frame

pa = pytest.importorskip("pyarrow", reason="needs quotecheck-de[dataframe]")
pd = pytest.importorskip("pandas", reason="needs quotecheck-de[dataframe]")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "gold.jsonl"


@pytest.fixture(scope="module")
def corpus_records(corpus_cli_output: bytes) -> list[dict[str, Any]]:
    """What ``quotecheck extract corpus/gold.jsonl`` writes (run once, tests/conftest.py), parsed."""
    return [json.loads(line) for line in corpus_cli_output.splitlines()]




def test_to_frame_is_re_exported_lazily() -> None:
    assert quotecheck.to_frame is to_frame
    assert "to_frame" in quotecheck.__all__


def test_the_frame_has_one_row_per_quote_of_the_cli_output(corpus_records: list[dict[str, Any]]) -> None:
    quotes = [(r["id"], q) for r in corpus_records for q in r["quotes"]]
    assert len(quotecheck.to_frame(corpus_records)) == len(quotes) > 400
    table = quotecheck.to_frame(corpus_records, backend="arrow").to_pydict()
    assert table["quote_id"] == [q["id"] for _, q in quotes]
    assert table["doc_id"] == [doc_id for doc_id, _ in quotes]
    assert table["kind"] == [q["kind"] for _, q in quotes]
    assert table["content_text"] == [q["content"]["text"] for _, q in quotes]
    assert table["content_start"] == [q["content"]["spans"][0][0] for _, q in quotes]
    assert table["speaker_name"] == [(q["speaker"] or {}).get("name") for _, q in quotes]
    assert table["source_names"] == [[s["name"] or s["text"] for s in q["sources"]] for _, q in quotes]
    assert table["confidence"] == [q["confidence"] for _, q in quotes]
    assert table["parent"] == [q["parent"] for _, q in quotes]
    assert any(parent is not None for parent in table["parent"])  # the corpus has nested pieces


def test_pandas_and_arrow_frames_have_the_documented_types(corpus_records: list[dict[str, Any]]) -> None:
    types = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64(), "list<string>": pa.list_(pa.string())}
    table = quotecheck.to_frame(corpus_records, backend="arrow")
    assert [(f.name, f.type) for f in table.schema] == [(c.name, types[c.type]) for c in COLUMNS]
    frame = quotecheck.to_frame(corpus_records, backend="pandas")
    assert list(frame.dtypes) == [pd.ArrowDtype(types[c.type]) for c in COLUMNS]
    direct = frame[frame["kind"] == "direct"].iloc[0]
    assert direct["mood"] is pd.NA and isinstance(direct["chain"], list)


def test_an_empty_result_list_gives_an_empty_frame_with_all_columns() -> None:
    frame = quotecheck.to_frame([])
    assert (len(frame), list(frame.columns)) == (0, [c.name for c in COLUMNS])


def test_an_unknown_backend_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="'pandas' or 'arrow'"):
        quotecheck.to_frame([], backend="polars")  # type: ignore[arg-type]


def test_a_lone_surrogate_is_written_out_not_lost(ex: Extractor) -> None:
    (row,) = quotecheck.to_frame([ex.process("d", "„Ja \ud800“, sagte Anna Berger.")]).to_dict("records")
    assert row["content_text"] == "Ja \\ud800"


def test_pandas_frame_round_trips_through_parquet(corpus_records: list[dict[str, Any]], tmp_path: Path) -> None:
    frame = quotecheck.to_frame(corpus_records)
    frame.to_parquet(tmp_path / "q.parquet")
    back = pd.read_parquet(tmp_path / "q.parquet", dtype_backend="pyarrow")
    pd.testing.assert_frame_equal(back, frame)


def test_cli_tables_round_trip_and_agree_with_to_frame(corpus_records: list[dict[str, Any]], tmp_path: Path) -> None:
    """CSV read back, Parquet read back and to_frame of the JSON lines: one table."""
    from quotecheck.frame import arrow_table
    from quotecheck.writers import read_csv

    assert cli.main(["extract", str(CORPUS), "-o", str(tmp_path / "q.parquet"), "-q"]) == 0
    assert cli.main(["extract", str(CORPUS), "-o", str(tmp_path / "q.csv"), "-q", "--jobs", "2"]) == 0
    expected = quotecheck.to_frame(corpus_records, backend="arrow", keep_empty=True)
    assert pq.read_table(tmp_path / "q.parquet").equals(expected)
    with open(tmp_path / "q.csv", encoding="utf-8", newline="") as stream:
        assert arrow_table(list(read_csv(stream))).equals(expected)


def test_list_columns_are_lists_in_pandas(corpus_records: list[dict[str, Any]]) -> None:
    frame = quotecheck.to_frame(corpus_records)
    for name in LIST_COLUMNS:
        assert all(isinstance(value, list) for value in frame[name])


@pytest.mark.slow  # a CLI subprocess
def test_parquet_can_go_to_standard_output(tmp_path: Path) -> None:
    """``quotecheck extract … --format parquet > file`` (or into a pipe): the footer comes at the end."""
    import subprocess
    import sys

    out = tmp_path / "q.parquet"
    with out.open("wb") as stream:
        subprocess.run([sys.executable, "-m", "quotecheck", "extract", str(CORPUS), "--format", "parquet", "-q"],
                       stdout=stream, check=True)
    records = [json.loads(line) for line in cli_lines_of(CORPUS, tmp_path)]
    assert pq.read_table(out).equals(quotecheck.to_frame(records, backend="arrow", keep_empty=True))


def cli_lines_of(path: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(path), "-o", str(out), "-q"]) == 0
    return out.read_text(encoding="utf-8").splitlines()
