"""``quotecheck compare``: documents or records in, groups out, error records, exit status."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from quotecheck.cli import main
from tests.test_cli import jsonl, run
from tests.compare_records import q, record

AGENCY = "Berlin (dpa) – „Wir werden die Reform mit Geduld und Augenmaß umsetzen“, sagte Ministerin Anna Roth."
PAPER = "Die Reform werde man „mit Augenmaß und Ausdauer“ umsetzen, sagte Ministerin Anna Roth."
RADIO = "„Wir werden die Reform mit Geduld und Augenmaß umsetzen“, sagte Staatssekretär Paul Brandt."


def shown(page: Path) -> str:
    """The text a reader sees on a page (tags removed)."""
    return re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    path = tmp_path / "event.jsonl"
    path.write_text(jsonl({"id": "dpa", "text": AGENCY}, {"id": "tagesblatt", "text": PAPER},
                          {"id": "radio", "text": RADIO}), encoding="utf-8")
    return path


def test_documents_are_extracted_then_grouped(documents: Path, capsys) -> None:
    status, lines, _ = run(["compare", str(documents)], capsys)
    assert status == 0
    (group,) = [g for g in lines if g["size"] > 1]
    assert group["documents"] == ["dpa", "tagesblatt", "radio"]
    assert {c["type"] for c in group["conflicts"]} == {"speaker", "wording", "kind"}
    assert all("group" in line for line in lines)


def test_every_quote_of_the_input_is_in_one_group(documents: Path, tmp_path: Path, capsys) -> None:
    main(["extract", str(documents), "-o", str(tmp_path / "records.jsonl")])
    quotes = [(r["id"], x["id"]) for r in map(json.loads, (tmp_path / "records.jsonl").read_text().splitlines())
              for x in r["quotes"]]
    _, lines, _ = run(["compare", str(documents)], capsys)
    assert sorted((r["document"], r["quote"]) for g in lines for r in g["renderings"]) == sorted(quotes)


def test_records_from_extract_give_the_same_groups(documents: Path, tmp_path: Path, capsys) -> None:
    records = tmp_path / "records.jsonl"
    assert main(["extract", str(documents), "-o", str(records)]) == 0
    _, from_documents, _ = run(["compare", str(documents)], capsys)
    status, from_records, _ = run(["compare", "--records", str(records)], capsys)
    assert status == 0 and from_records == from_documents


def test_records_may_name_their_outlet(tmp_path: Path, capsys) -> None:
    path = tmp_path / "records.jsonl"
    text = "„Unsere Armee hat Mut und Treue bewiesen“, sagte Kim laut KCNA."
    path.write_text(jsonl(record("ap-1", text, q("Unsere Armee hat Mut und Treue bewiesen", speaker=("Kim", "Kim Jong Un"),
                                                 sources=[("laut KCNA", "KCNA")]), outlet="AP")), encoding="utf-8")
    _, (group,), _ = run(["compare", "--records", str(path)], capsys)
    assert group["renderings"][0]["chain"] == ["Kim Jong Un", "KCNA", "AP"]


BAD_RECORDS = [
    ("kein JSON", "not valid JSON"),
    ("[1, 2]", "not a JSON object"),
    ("", "empty line"),
    ('{"id": "t", "text": "Ein Dokument, kein Datensatz."}', "a document, not a record"),
    ('{"id": "k", "quotes": [{"kind": "direct"}]}', "not a contract quote"),
    ('{"id": "e", "quotes": [], "error": {"type": "InputError", "message": "line 3: not valid JSON"}}', "not valid JSON"),
]


@pytest.mark.parametrize(("line", "message"), BAD_RECORDS)
def test_a_bad_record_line_gives_an_error_record_and_the_rest_goes_on(tmp_path: Path, capsys, line, message) -> None:
    path = tmp_path / "records.jsonl"
    good = record("a", AGENCY, q("Wir werden die Reform mit Geduld und Augenmaß umsetzen", speaker=("Anna Roth", "Anna Roth")))
    path.write_text(jsonl(good, line, good | {"id": "b"}), encoding="utf-8")
    status, lines, _ = run(["compare", "--records", str(path)], capsys)
    assert status == 1
    errors = [x for x in lines if "error" in x]
    assert len(errors) == 1 and lines[0] is errors[0]  # error records come first
    assert message in errors[0]["error"]["message"]
    if "quotes" not in line or "contract" in message:
        assert errors[0]["error"]["line"] == 2 and errors[0]["error"]["source"] == str(path)
    (group,) = [x for x in lines if "group" in x]
    assert group["documents"] == ["a", "b"]


def test_a_bad_document_line_gives_an_error_record(tmp_path: Path, capsys) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(jsonl({"id": "dpa", "text": AGENCY}, '{"id": "x"}', {"id": "radio", "text": RADIO}), encoding="utf-8")
    status, lines, _ = run(["compare", str(path)], capsys)
    assert status == 1
    assert lines[0]["id"] == "x" and "'text' is missing" in lines[0]["error"]["message"]
    assert lines[0]["error"]["line"] == 2
    assert [g["documents"] for g in lines[1:] if g["size"] > 1] == [["dpa", "radio"]]


def test_stdin_and_output_file(tmp_path: Path, monkeypatch, capsys) -> None:
    data = jsonl({"id": "dpa", "text": AGENCY}, {"id": "radio", "text": RADIO}).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / "groups.jsonl"
    assert main(["compare", "-", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    (group,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert group["documents"] == ["dpa", "radio"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["compare", "fehlt.jsonl"], "no such file"),
        (["compare", "{docs}", "--texts", "{docs}"], "--texts goes with --records"),
        (["compare", "--records", "{docs}", "--texts", "{docs}"], "only read for the --html report"),
        (["compare", "{docs}", "--threshold", "2"], "bad threshold"),
        (["compare", "{docs}", "-o", "{tmp}"], "is a folder"),
    ],
)
def test_usage_errors_exit_2(documents: Path, tmp_path: Path, capsys, argv, message) -> None:
    argv = [a.format(docs=documents, tmp=tmp_path) for a in argv]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_html_from_documents_shows_their_sentences(documents: Path, tmp_path: Path, capsys) -> None:
    page = tmp_path / "report.html"
    assert main(["compare", str(documents), "--html", str(page)]) == 0
    assert "sagte Staatssekretär" in shown(page)  # the sentence around the quote, not only the quote
    html = page.read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html and "http" not in html


def test_html_from_records_uses_texts_when_given(documents: Path, tmp_path: Path, capsys) -> None:
    records, page = tmp_path / "records.jsonl", tmp_path / "report.html"
    main(["extract", str(documents), "-o", str(records)])
    assert main(["compare", "--records", str(records), "--html", str(page)]) == 0
    assert "sagte Staatssekretär" not in shown(page)  # no texts: the quoted words only
    assert main(["compare", "--records", str(records), "--html", str(page), "--texts", str(documents)]) == 0
    assert "sagte Staatssekretär" in shown(page)
