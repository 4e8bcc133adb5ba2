"""The ``quotecheck extract`` command: inputs, output, error records, exit status."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotecheck import cli
from quotecheck.cli import main

ARTICLE = "„Wir bleiben hart“, sagte Gewerkschafterin Anna Berger. Die Gespräche gehen weiter."
SECOND = "Der Bürgermeister sagte: „Die Brücke wird im Mai fertig.“"


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict], str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, [json.loads(line) for line in captured.out.splitlines()], captured.err


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl({"id": "a1", "text": ARTICLE}, {"id": "a2", "text": SECOND}), encoding="utf-8")
    return path


def test_jsonl_file_gives_one_contract_record_per_line(articles: Path, capsys) -> None:
    status, records, _ = run(["extract", str(articles)], capsys)
    assert status == 0
    assert [r["id"] for r in records] == ["a1", "a2"]
    quote = records[0]["quotes"][0]
    assert quote["kind"] == "direct"
    assert quote["content"]["text"] == "Wir bleiben hart"
    assert quote["speaker"]["name"] == "Anna Berger"
    start, end = quote["content"]["spans"][0]
    assert ARTICLE[start:end] == quote["content"]["text"]
    assert "error" not in records[0]


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".JSONL"])
def test_json_lines_suffixes(tmp_path: Path, capsys, suffix: str) -> None:
    path = tmp_path / f"in{suffix}"
    path.write_text(jsonl({"id": "x", "text": ARTICLE}), encoding="utf-8")
    status, records, _ = run(["extract", str(path)], capsys)
    assert (status, [r["id"] for r in records]) == (0, ["x"])


def test_text_file_is_one_document_named_by_its_path(tmp_path: Path, capsys) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE + "\n\n" + SECOND, encoding="utf-8")
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 0 and len(records) == 1
    assert records[0]["id"] == str(path)
    assert len(records[0]["quotes"]) == 2


def test_folder_is_read_recursively_in_path_order(tmp_path: Path, capsys) -> None:
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(jsonl({"id": "c1", "text": ARTICLE}), encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    status, records, _ = run(["extract", str(tmp_path)], capsys)
    assert status == 0
    assert [r["id"] for r in records] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "c1"]


def test_stdin_dash_reads_json_lines(monkeypatch, capsys) -> None:
    data = jsonl({"id": "s1", "text": ARTICLE}, "kein json").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, records, _ = run(["extract", "-"], capsys)
    assert status == 1
    assert records[0]["id"] == "s1" and records[0]["quotes"]
    assert records[1]["error"]["line"] == 2 and records[1]["error"]["source"] == "<stdin>"


def test_inputs_are_processed_in_the_order_given(articles: Path, tmp_path: Path, capsys) -> None:
    text = tmp_path / "t.txt"
    text.write_text(SECOND, encoding="utf-8")
    _, records, _ = run(["extract", str(text), str(articles), str(text)], capsys)
    assert [r["id"] for r in records] == [str(text), "a1", "a2", str(text)]


def test_output_file(articles: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    status = main(["extract", str(articles), "-o", str(out)])
    assert status == 0
    assert capsys.readouterr().out == ""
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a1", "a2"]


# (line as written to the file, expected id, expected message fragment)
BAD_LINES = [
    ("das ist kein JSON", None, "not valid JSON"),
    ('{"id": "x", "text": "offen', None, "not valid JSON"),
    ("[1, 2, 3]", None, "not a JSON object but an array"),
    ('"nur ein String"', None, "not a JSON object but a string"),
    ("42", None, "not a JSON object but a number"),
    ("null", None, "not a JSON object but null"),
    ("true", None, "not a JSON object but a boolean"),
    ('{"id": "m"}', "m", "'text' is missing"),
    ('{"id": "n", "text": null}', "n", "'text' is null"),
    ('{"id": "z", "text": 17}', "z", "'text' must be a string, not a number"),
    ('{"id": "l", "text": ["Satz"]}', "l", "'text' must be a string, not an array"),
    ('{"id": "b", "text": true}', "b", "'text' must be a string, not a boolean"),
    ('{"id": NaN, "text": "Satz."}', None, "'id' must be a string or a finite number"),
    ('{"id": 1e999999, "text": "Satz."}', None, "'id' must be a string or a finite number"),
    ('{"id": [Infinity], "text": "Satz."}', None, "NaN or an infinite number"),
    ("[" * 100_000 + "]" * 100_000, None, "nested too deeply"),
]


@pytest.mark.parametrize(("line", "doc_id", "message"), BAD_LINES)
def test_bad_line_gives_error_record_with_line_number(tmp_path: Path, capsys, line: str, doc_id, message) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl({"id": "ok", "text": ARTICLE}, line, {"id": "ok2", "text": SECOND}), encoding="utf-8")
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 1
    assert [r["id"] for r in records] == ["ok", doc_id, "ok2"]
    error = records[1]["error"]
    assert error["type"] == "InputError"
    assert error["line"] == 2 and error["source"] == str(path)
    assert message in error["message"] and "line 2" in error["message"]
    assert records[1]["quotes"] == []
    assert records[0]["quotes"] and records[2]["quotes"]


def test_undecodable_bytes_strict_and_replace(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    bad = '{"id": "kaputt", "text": "„Wir bleiben hart“, sagte Anna Berger. '.encode() + b"\xff\xfe" + b'"}\n'
    path.write_bytes(jsonl({"id": "ok", "text": SECOND}).encode() + bad)
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 1
    assert records[1]["id"] == "kaputt"  # salvaged for the error record
    assert "not valid UTF-8" in records[1]["error"]["message"] and records[1]["error"]["line"] == 2
    status, records, _ = run(["extract", "--encoding-errors", "replace", str(path)], capsys)
    assert status == 0
    assert "error" not in records[1] and records[1]["quotes"][0]["speaker"]["name"] == "Anna Berger"


def test_undecodable_text_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("„Grüße“, sagte er.".encode("latin-1", "replace"))
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 1 and records[0]["id"] == str(path) and "UTF-8" in records[0]["error"]["message"]


def test_byte_order_mark_is_ignored(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + jsonl({"id": "a", "text": ARTICLE}).encode())
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 0 and records[0]["quotes"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\x00\x01\x1b[31m\x7f"])
def test_empty_and_control_texts_are_valid_documents_without_quotes(tmp_path: Path, capsys, text: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl({"id": "leer", "text": text}), encoding="utf-8")
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 0 and records == [{"id": "leer", "quotes": []}]


def test_duplicate_ids_are_kept_in_order_with_a_warning(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl({"id": "d", "text": ARTICLE}, {"id": "d", "text": SECOND}), encoding="utf-8")
    status, records, err = run(["extract", str(path)], capsys)
    assert status == 0
    assert [r["id"] for r in records] == ["d", "d"]
    assert records[0]["quotes"][0]["content"]["text"] == "Wir bleiben hart"
    assert "duplicate id 'd'" in err
    _, _, err = run(["extract", "-q", str(path)], capsys)
    assert err == ""


@pytest.mark.parametrize(
    ("raw_id", "expected"),
    [(7, "7"), (None, None), (1.5, "1.5"), (["a"], '["a"]'), (True, "true"), (False, "false"), ({"n": 1}, '{"n": 1}')],
)
def test_ids_become_strings(tmp_path: Path, capsys, raw_id, expected) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl({"id": raw_id, "text": ARTICLE}), encoding="utf-8")
    _, records, _ = run(["extract", str(path)], capsys)
    assert records[0]["id"] == expected
    assert all(q["id"].startswith(f"{expected}:") or expected is None for q in records[0]["quotes"])


def test_lone_surrogate_in_input_gives_valid_json(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "s\\ud800", "text": "„Wir bleiben hart\\udc00“, sagte Anna Berger."}\n', encoding="utf-8")
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 0
    assert records[0]["id"] == "s\ud800"
    assert records[0]["quotes"][0]["content"]["text"] == "Wir bleiben hart\udc00"


def test_strip_html_maps_offsets_back_to_the_original(tmp_path: Path, capsys) -> None:
    page = (
        "<html><head><title>Hafen</title><script>var s = '„Falsch“, sagte Max Muster.';</script></head>"
        "<body><nav>Startseite | „Login“</nav><article><p>&bdquo;Wir <b>bleiben</b> hart&ldquo;, sagte"
        "\n Gewerkschafterin Anna Berger.</p></article></body></html>"
    )
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl({"id": "h", "text": page}), encoding="utf-8")
    status, records, _ = run(["extract", "--strip-html", str(path)], capsys)
    assert status == 0
    (quote,) = records[0]["quotes"]
    start, end = quote["content"]["spans"][0]
    # offsets index the page as given, and the text is what they cover there
    assert page[start:end] == quote["content"]["text"] == "Wir <b>bleiben</b> hart"
    start, end = quote["speaker"]["spans"][0]
    assert page[start:end] == quote["speaker"]["text"] == "Gewerkschafterin Anna Berger"
    assert quote["speaker"]["name"] == "Anna Berger"


@pytest.mark.parametrize(
    "argv",
    [
        ["extract"],
        ["extract", "no/such/file.jsonl"],
        ["extract", "--jobs", "-1", "-"],
        ["extract", "--jobs", "viele", "-"],
        ["extract", "--encoding", "utf-16", "-"],
        ["extract", "--encoding", "keine", "-"],
        ["extract", "--max-line-bytes", "0", "-"],
        ["extract", "--max-line-bytes", "10X", "-"],
        ["extract", "--max-seconds-per-doc", "-1", "-"],
        ["extract", "--max-seconds-per-doc", "nan", "-"],
        ["extract", "--no-such-option", "-"],
        ["extract", "--encoding-errors", "ignore", "-"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().out == ""


def test_output_that_is_also_an_input_is_refused(articles: Path, capsys) -> None:
    before = articles.read_bytes()
    assert main(["extract", str(articles), "-o", str(articles)]) == 2
    assert articles.read_bytes() == before


def test_unwritable_output_is_a_usage_error(articles: Path, tmp_path: Path, capsys) -> None:
    assert main(["extract", str(articles), "-o", str(tmp_path / "missing-dir" / "out.jsonl")]) == 2


def test_help_documents_the_contract(capsys) -> None:
    assert main(["extract", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for phrase in [
        ".jsonl", ".ndjson", ".json", ".gz", "folder", "standard input", "-o FILE", "-o -", "--jobs",
        "--strip-html", "--text", "--encoding", "--encoding-errors", "--max-line-bytes",
        "--max-seconds-per-doc", "Timeout", "WorkerDied", "--quiet", "Exit status",
        "exactly one output record per input document", "Blank lines", "summary", "Duplicate ids",
        "U+FFFD", "Offsets index", "143 after SIGTERM", "never read as an input",
    ]:
        assert phrase in help_text, phrase


def test_jobs_2_output_is_byte_identical(tmp_path: Path) -> None:
    corpus = Path(cli.__file__).absolute().parents[1] / "corpus" / "gold.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines[:12] + ["kaputt"] + lines[12:24]) + "\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert main(["extract", "-q", "--jobs", jobs, str(path), "-o", str(out)]) == 1
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") == 25


@pytest.mark.slow  # a CLI subprocess on 3,000 documents
def test_python_dash_m_and_closed_pipe(tmp_path: Path) -> None:
    """``python -m quotecheck`` works, and a reader that goes away ends the run quietly."""
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(*({"id": f"d{i}", "text": ARTICLE * 20} for i in range(3000))), encoding="utf-8")
    root = Path(cli.__file__).absolute().parents[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "quotecheck", "extract", str(path)],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert process.stdout is not None and process.stderr is not None
    first = json.loads(process.stdout.readline())
    process.stdout.close()  # like `| head -1`
    err = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert first["id"] == "d0" and first["quotes"]
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_progress_bar_only_on_a_terminal_with_total_rate_and_failures(articles: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)
    main(["extract", str(articles)])
    err = capsys.readouterr().err
    size = articles.stat().st_size
    assert f"{size}/{size}" in err.replace(".00", "")  # done of the known total, in bytes
    assert "B/s" in err and "2 docs, 0 failed" in err
    main(["extract", "--quiet", str(articles)])
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(cli, "_isatty", lambda stream: False)
    main(["extract", str(articles)])
    assert "B/s" not in capsys.readouterr().err


def test_progress_counts_documents_when_the_size_is_unknown(monkeypatch, capsys) -> None:
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl({"id": "s", "text": ARTICLE}, "kaputt").encode())))
    main(["extract", "-"])
    err = capsys.readouterr().err
    assert "2 docs" in err and "1 failed" in err


def test_summary_line_names_documents_failures_and_skipped_blank_lines(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl({"id": "a", "text": ARTICLE}, "", "kaputt", "  ", {"id": "b", "text": SECOND}), encoding="utf-8")
    status, records, err = run(["extract", str(path)], capsys)
    assert status == 1 and [r["id"] for r in records] == ["a", None, "b"]
    assert "quotecheck: 3 documents, 2 quotes, 1 failed (1 InputError), 2 blank lines skipped" in err
    _, _, err = run(["extract", "-q", str(path)], capsys)
    assert err == ""
