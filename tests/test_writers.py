"""``quotecheck extract --format``: which format, and the CSV table (standard library only).

Parquet's content is tested against pyarrow in test_dataframe.py; here only
what the core install does, including the error when pyarrow is missing.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from quotecheck import cli
from quotecheck.frame import COLUMNS, rows
from quotecheck.writers import format_for, read_csv

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "gold.jsonl"


@pytest.mark.parametrize(
    ("given", "output", "expected"),
    [
        (None, None, "jsonl"),
        (None, "out.csv", "csv"),
        (None, "out.PARQUET", "parquet"),
        (None, "out.pq", "parquet"),
        (None, "out.ndjson", "jsonl"),
        (None, "out.txt", "jsonl"),
        ("csv", None, "csv"),
        ("jsonl", "out.csv", "jsonl"),
    ],
)
def test_the_format_is_the_one_asked_for_else_the_output_suffix(given: str | None, output: str | None, expected: str) -> None:
    assert format_for(given, output) == expected


def test_an_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", str(CORPUS), "--format", "xlsx"]) == 2
    assert "invalid choice: 'xlsx'" in capsys.readouterr().err


def write_inputs(path: Path) -> Path:
    lines = [
        json.dumps({"id": "zitat", "text": "„Wir bleiben hart“, sagte Anna Berger. Sie sei enttäuscht, fügte sie hinzu."}),
        json.dumps({"id": "leer", "text": "Es regnet."}),
        "kein JSON",
        json.dumps({"id": "zahl", "text": 5}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_csv_has_a_row_per_quote_and_per_document_without_quotes(tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    assert cli.main(["extract", str(write_inputs(tmp_path / "in.jsonl")), "-o", str(out), "-q"]) == 1
    with out.open(encoding="utf-8", newline="") as stream:
        table = list(csv.reader(stream))
    assert table[0] == [c.name for c in COLUMNS]
    body = [dict(zip(table[0], row)) for row in table[1:]]
    assert [(r["doc_id"], r["quote_id"], r["error_type"]) for r in body] == [
        ("zitat", "zitat:q1", ""),
        ("zitat", "zitat:q2", ""),
        ("leer", "", ""),
        ("", "", "InputError"),
        ("zahl", "", "InputError"),
    ]
    assert "line 3" in body[3]["error_message"]
    assert json.loads(body[0]["chain"]) == ["Anna Berger"]


def test_csv_reads_back_to_the_rows_it_was_written_from(tmp_path: Path, corpus_cli_records: list[dict]) -> None:
    """The CSV of the corpus reads back to the rows of the JSON lines the CLI writes for it."""
    out = tmp_path / "q.csv"
    assert cli.main(["extract", str(CORPUS), "--format", "csv", "-o", str(out), "-q"]) == 0
    expected = list(rows(corpus_cli_records, keep_empty=True))
    with out.open(encoding="utf-8", newline="") as stream:
        assert list(read_csv(stream)) == expected


@pytest.mark.slow  # the corpus twice, once through worker processes
def test_csv_is_the_same_with_worker_processes(tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert cli.main(["extract", str(CORPUS), "-o", str(one), "-q"]) == 0
    assert cli.main(["extract", str(CORPUS), "-o", str(two), "-q", "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_parquet_without_pyarrow_is_a_usage_error_that_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an absent package looks like to import
    out = tmp_path / "q.parquet"
    assert cli.main(["extract", str(CORPUS), "-o", str(out)]) == 2
    assert 'pip install "quotecheck-de[dataframe]"' in capsys.readouterr().err
    assert not out.exists()


def test_jsonl_stays_the_default(tmp_path: Path) -> None:
    out = tmp_path / "q.out"
    source = write_inputs(tmp_path / "in.jsonl")
    assert cli.main(["extract", str(source), "-o", str(out), "-q"]) == 1  # one input is not JSON
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["zitat", "leer", None, "zahl"]


def test_csv_has_the_parent_of_a_nested_quote(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    text = "Die Stadträtin sagte, der Neubau sei „ein teurer Irrweg“ und müsse „sofort gestoppt“ werden."
    source.write_text(json.dumps({"id": "rat", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "q.csv"
    assert cli.main(["extract", str(source), "-o", str(out), "-q"]) == 0
    with out.open(encoding="utf-8", newline="") as stream:
        body = list(csv.DictReader(stream))
    assert [(r["quote_id"], r["kind"], r["parent"], r["content_text"]) for r in body] == [
        ("rat:q1", "indirect", "", "der Neubau sei „ein teurer Irrweg“ und müsse „sofort gestoppt“ werden"),
        ("rat:q1.1", "direct", "rat:q1", "ein teurer Irrweg"),
        ("rat:q1.2", "direct", "rat:q1", "sofort gestoppt"),
    ]
