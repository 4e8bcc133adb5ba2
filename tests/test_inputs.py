"""What new users feed ``quotecheck extract`` (issue 15, point 5; issue 18, defects 1, 5, 7, 9)."""

from __future__ import annotations

import gzip
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from quotecheck import Extractor
from quotecheck.cli import main
from quotecheck.inputs import Inputs, ReadOptions
from test_cli import ARTICLE, SECOND, jsonl, run

ROOT = Path(__file__).absolute().parents[1]


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def speakers(record: dict) -> list[str | None]:
    """The speaker names of the record's quotes, nested ones (``parent`` set) left out."""
    return [q["speaker"]["name"] if q["speaker"] else None for q in record["quotes"] if q["parent"] is None]


# --- compressed, encoded and array inputs ----------------------------------------


def test_gzip_json_lines_and_text_files(tmp_path: Path, capsys) -> None:
    lines = tmp_path / "a.jsonl.gz"
    lines.write_bytes(gzip.compress(jsonl({"id": "g1", "text": ARTICLE}, {"id": "g2", "text": SECOND}).encode()))
    text = tmp_path / "b.txt.gz"
    text.write_bytes(gzip.compress(SECOND.encode()))
    status, records, _ = run(["extract", str(lines), str(text)], capsys)
    assert status == 0
    assert [r["id"] for r in records] == ["g1", "g2", str(text)]
    assert speakers(records[0]) == ["Anna Berger"]
    assert [q["content"] for q in records[2]["quotes"]] == [q["content"] for q in records[1]["quotes"]]


def test_gzip_files_in_folders(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(jsonl({"id": "g", "text": ARTICLE}).encode()))
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "c.tar.gz").write_bytes(gzip.compress(b"kein Dokument"))
    _, records, _ = run(["extract", str(tmp_path)], capsys)
    assert [r["id"] for r in records] == ["g", str(tmp_path / "b.txt")]


@pytest.mark.slow  # a large input: a hundred long articles before the cut
def test_corrupt_gzip_keeps_what_was_read_and_goes_on(tmp_path: Path, capsys) -> None:
    data = gzip.compress(jsonl(*({"id": f"g{i}", "text": ARTICLE * 20} for i in range(200))).encode())
    broken = tmp_path / "a.jsonl.gz"
    broken.write_bytes(data[: len(data) // 2])  # cut off in the middle
    after = tmp_path / "b.jsonl"
    after.write_text(jsonl({"id": "danach", "text": SECOND}), encoding="utf-8")
    status, records, _ = run(["extract", str(broken), str(after)], capsys)
    assert status == 1
    assert records[-1]["id"] == "danach" and records[-1]["quotes"]
    error = records[-2]["error"]
    assert error["type"] == "InputError" and "cannot read further" in error["message"]
    assert [r["id"] for r in records[:-2]] == [f"g{i}" for i in range(len(records) - 2)]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_encoding_reads_old_archives(tmp_path: Path, capsys, encoding: str) -> None:
    text = "„Grüße aus Köln“, sagte Anna Berger." if encoding == "cp1252" else "»Grüße aus Köln«, sagte Anna Berger."
    path = tmp_path / "archiv.jsonl"
    path.write_bytes(jsonl({"id": "alt", "text": text}).encode(encoding))
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 1 and "--encoding cp1252" in records[0]["error"]["message"]
    status, records, _ = run(["extract", "--encoding", encoding, str(path)], capsys)
    assert status == 0
    (quote,) = records[0]["quotes"]
    start, end = quote["content"]["spans"][0]
    assert text[start:end] == quote["content"]["text"] == "Grüße aus Köln"


def test_encoding_applies_to_text_files(tmp_path: Path, capsys) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("„Grüße“, sagte Anna Berger.".encode("cp1252"))
    status, records, _ = run(["extract", "--encoding", "cp1252", str(path)], capsys)
    assert status == 0 and records[0]["quotes"][0]["content"]["text"] == "Grüße"


def test_json_file_holds_an_array_of_documents(tmp_path: Path, capsys) -> None:
    path = tmp_path / "docs.json"
    path.write_text(
        '[\n  {"id": "j1", "text": "%s"},\n  "nur Text",\n  {"id": 7, "text": "%s"},\n  {"id": "ohne"}\n]\n'
        % (ARTICLE.replace('"', '\\"'), SECOND.replace('"', '\\"')),
        encoding="utf-8",
    )
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 1
    assert [r["id"] for r in records] == ["j1", None, "7", "ohne"]
    assert speakers(records[0]) == ["Anna Berger"] and records[2]["quotes"]
    assert records[1]["error"]["line"] == 3 and "not a JSON object but a string" in records[1]["error"]["message"]
    assert records[3]["error"]["line"] == 5 and "'text' is missing" in records[3]["error"]["message"]


def test_json_file_with_one_document(tmp_path: Path, capsys) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "eins", "text": ARTICLE}), encoding="utf-8")
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 0 and records[0]["id"] == "eins" and records[0]["quotes"]


@pytest.mark.slow  # a large input: over 2 MiB of JSON
def test_large_json_array_is_read_element_by_element(tmp_path: Path) -> None:
    """Elements and numbers that straddle the reader's 1 MiB reads come out whole and in order."""
    docs = [{"id": i * 1000003, "text": f"Dokument {i}: " + "x" * (i % 1700)} for i in range(3000)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(docs), encoding="utf-8")
    assert path.stat().st_size > 2 * (1 << 20)
    read = list(Inputs([str(path)]))
    assert read == [(str(d["id"]), d["text"]) for d in docs]


@pytest.mark.parametrize(
    ("content", "ids", "message"),
    [
        ('[{"id": "a", "text": "A."}, {"id": "b", "text": "B."}', ["a", "b", None], "the array is not closed"),
        ('[{"id": "a", "text": "A."} {"id": "b", "text": "B."}]', ["a", None], "expected , or ]"),
        ('[{"id": "a", "text": "A."}, {"id": "b", "text": }]', ["a", None], "not valid JSON"),
        ("Das ist kein JSON", [None], "a .json file holds an array of documents"),
        ("[]", [], None),
    ],
)
def test_broken_json_files_give_error_records(tmp_path: Path, content: str, ids: list, message: str | None) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    read = list(Inputs([str(path)]))
    assert [item.id if hasattr(item, "id") else item[0] for item in read] == ids
    if message is not None:
        assert message in read[-1].error["message"]


def test_html_files_in_folders_with_strip_html(tmp_path: Path, capsys) -> None:
    page = "<html><body><p>&bdquo;Wir bleiben hart&ldquo;, sagte <b>Anna Berger</b>.</p></body></html>"
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    (tmp_path / "notiz.txt").write_text(SECOND, encoding="utf-8")
    status, records, err = run(["extract", str(tmp_path)], capsys)
    assert [r["id"] for r in records] == [str(tmp_path / "notiz.txt")]
    assert "1 .html file(s)" in err and "--strip-html" in err
    status, records, _ = run(["extract", "--strip-html", str(tmp_path)], capsys)
    assert status == 0 and [r["id"] for r in records] == [str(tmp_path / "notiz.txt"), str(tmp_path / "seite.html")]
    (quote,) = records[1]["quotes"]
    start, end = quote["speaker"]["spans"][0]
    assert page[start:end] == quote["speaker"]["text"] == "Anna Berger"


# --- blank lines and standard input --------------------------------------------------


@pytest.mark.parametrize("ending", ["\n", "\n\n", "\r\n", "\n  \n"])
def test_valid_file_ending_in_newlines_exits_0(tmp_path: Path, capsys, ending: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes((json.dumps({"id": "a", "text": ARTICLE}) + ending).encode())
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 0 and len(records) == 1


def test_blank_lines_are_skipped_and_counted(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl({"id": "a", "text": ARTICLE}, "", "\t", {"id": "b", "text": SECOND}, ""), encoding="utf-8")
    status, records, err = run(["extract", str(path)], capsys)
    assert status == 0 and [r["id"] for r in records] == ["a", "b"]
    assert "3 blank lines skipped" in err


def test_plain_text_on_standard_input_is_detected(monkeypatch, capsys) -> None:
    stdin(monkeypatch, (ARTICLE + "\n\n" + SECOND + "\n").encode())
    status, records, _ = run(["extract", "-"], capsys)
    assert status == 0 and len(records) == 1
    assert records[0]["id"] == "<stdin>" and speakers(records[0]) == ["Anna Berger", None] or len(records[0]["quotes"]) == 2


def test_json_lines_on_standard_input_after_blank_lines(monkeypatch, capsys) -> None:
    stdin(monkeypatch, ("\n  \n" + jsonl({"id": "s", "text": ARTICLE})).encode())
    status, records, _ = run(["extract", "-"], capsys)
    assert status == 0 and [r["id"] for r in records] == ["s"]


def test_text_option_forces_plain_text(monkeypatch, capsys) -> None:
    text = '{Kein JSON} „Wir bleiben hart“, sagte Anna Berger.'
    stdin(monkeypatch, text.encode())
    status, records, _ = run(["extract", "-"], capsys)
    assert status == 1 and "not valid JSON" in records[0]["error"]["message"]
    stdin(monkeypatch, text.encode())
    status, records, _ = run(["extract", "--text", "-"], capsys)
    assert status == 0 and records[0]["id"] == "<stdin>" and speakers(records[0]) == ["Anna Berger"]


def test_gzip_on_standard_input(monkeypatch, capsys) -> None:
    stdin(monkeypatch, gzip.compress(jsonl({"id": "z", "text": ARTICLE}).encode()))
    status, records, _ = run(["extract", "-"], capsys)
    assert status == 0 and [r["id"] for r in records] == ["z"]


# --- bounded lines (defect 5) ------------------------------------------------------


def test_line_over_max_line_bytes_is_an_error_record_and_reading_goes_on(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        jsonl({"id": "a", "text": ARTICLE}, {"id": "riesig", "text": "x" * 5000}, {"id": "b", "text": SECOND}),
        encoding="utf-8",
    )
    status, records, _ = run(["extract", "--max-line-bytes", "1K", str(path)], capsys)
    assert status == 1
    assert [r["id"] for r in records] == ["a", "riesig", "b"]
    error = records[1]["error"]
    assert error["line"] == 2 and "bytes is longer than --max-line-bytes (1,024)" in error["message"]
    assert records[2]["quotes"]


def test_default_line_bound_applies_without_the_option(tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write(jsonl({"id": "a", "text": ARTICLE}))
        out.write('{"id": "gross", "text": "' + "x" * (17 << 20) + '"}\n')
        out.write(jsonl({"id": "b", "text": SECOND}))
    status, records, _ = run(["extract", str(path)], capsys)
    assert status == 1 and [r["id"] for r in records] == ["a", "gross", "b"]
    assert "longer than --max-line-bytes (16,777,216)" in records[1]["error"]["message"]


def test_text_file_and_array_element_over_the_bound(tmp_path: Path, capsys) -> None:
    text = tmp_path / "lang.txt"
    text.write_text(ARTICLE * 100, encoding="utf-8")
    array = tmp_path / "docs.json"
    docs = [{"id": "k", "text": SECOND}, {"id": "l", "text": ARTICLE * 100}, {"id": "m", "text": SECOND}]
    array.write_text(json.dumps(docs), encoding="utf-8")
    status, records, _ = run(["extract", "--max-line-bytes", "2K", str(text), str(array)], capsys)
    assert status == 1
    assert [r["id"] for r in records] == [str(text), "k", "l", "m"]
    assert "longer than --max-line-bytes" in records[0]["error"]["message"]
    assert f"array element of {len(json.dumps(docs[1])):,} bytes" in records[2]["error"]["message"]
    assert "longer than --max-line-bytes" in records[2]["error"]["message"]
    assert records[3]["quotes"]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS")
def test_200_megabyte_line_under_a_1_gigabyte_limit_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write(jsonl({"id": "a", "text": ARTICLE}))
        out.write('{"id": "riesig", "text": "' + "Satz. " * ((200 << 20) // 6) + '"}\n')
        out.write(jsonl({"id": "b", "text": SECOND}))

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    result = subprocess.run(
        [sys.executable, "-m", "quotecheck", "extract", "-q", str(path)], cwd=ROOT, capture_output=True,
        preexec_fn=limit, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1, result.stderr[-2000:]
    assert [r["id"] for r in records] == ["a", "riesig", "b"] and records[2]["quotes"]


def test_memory_error_in_one_document_is_its_error_record(monkeypatch) -> None:
    extractor = Extractor()
    real = Extractor.extract

    def greedy(self, text, doc_id=None):
        if "RIESIG" in text:
            raise MemoryError
        return real(self, text, doc_id)

    monkeypatch.setattr(Extractor, "extract", greedy)
    results = list(extractor.extract_many([ARTICLE, "RIESIG " + ARTICLE, SECOND]))
    assert results[1].error == {"type": "MemoryError", "message": "out of memory while processing this document (90 characters)"}
    assert results[0].quotes and results[2].quotes


# --- the output is never an input (defect 1) ----------------------------------------


def _folder_with_output(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.jsonl").write_text(jsonl({"id": "a", "text": ARTICLE}), encoding="utf-8")
    out = folder / "z.jsonl"
    out.write_text(jsonl({"id": "alt", "text": SECOND}) * 3, encoding="utf-8")  # a previous run's output
    return folder, out


def test_output_inside_an_input_folder_is_not_read(tmp_path: Path, capsys) -> None:
    folder, out = _folder_with_output(tmp_path)
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a"]
    assert "it is the output being written" in capsys.readouterr().err


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_output_reached_through_a_link_is_not_read(tmp_path: Path, capsys, link: str) -> None:
    folder, out = _folder_with_output(tmp_path)
    other = folder / "y.jsonl"
    (os.symlink if link == "symlink" else os.link)(out, other)
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a"]


@pytest.mark.slow  # a CLI subprocess
def test_redirected_standard_output_is_not_read(tmp_path: Path) -> None:
    folder, out = _folder_with_output(tmp_path)
    with out.open("ab") as sink:  # quotecheck extract d >> d/z.jsonl
        result = subprocess.run(
            [sys.executable, "-m", "quotecheck", "extract", str(folder)], cwd=ROOT, stdout=sink,
            stderr=subprocess.PIPE, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    assert result.returncode == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["alt"] * 3 + ["a"]


def test_hard_link_of_an_input_as_output_is_refused(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl({"id": "a", "text": ARTICLE}), encoding="utf-8")
    os.link(src, tmp_path / "out.jsonl")
    assert main(["extract", str(src), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "is also the input" in capsys.readouterr().err
    assert src.read_text(encoding="utf-8") == jsonl({"id": "a", "text": ARTICLE})


def test_dash_output_is_standard_output(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl({"id": "a", "text": ARTICLE}), encoding="utf-8")
    status, records, _ = run(["extract", str(src), "-o", "-"], capsys)
    assert status == 0 and [r["id"] for r in records] == ["a"]
    assert not (Path.cwd() / "-").exists()


# --- write errors (defect 7) -----------------------------------------------------------


def _cli(args: list[str], **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quotecheck", "extract", *args], cwd=ROOT, capture_output=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, **options,
    )


@pytest.fixture
def many(tmp_path: Path) -> Path:
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(*({"id": f"d{i}", "text": ARTICLE} for i in range(300))), encoding="utf-8")
    return src


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(("jobs", "args"), [("1", ["-o", "/dev/full"]), ("2", [])])
@pytest.mark.slow  # a CLI subprocess each
def test_full_disk_is_one_line_and_exit_2(many: Path, jobs: str, args: list[str]) -> None:
    """-o /dev/full, and standard output redirected to it."""
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "quotecheck", "extract", str(many), "--jobs", jobs, *args], cwd=ROOT,
            stdout=full, stderr=subprocess.PIPE, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.strip().splitlines()[-1].endswith("No space left on device")
    assert "Traceback" not in err and "Exception ignored" not in err


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="RLIMIT_FSIZE")
@pytest.mark.slow  # a CLI subprocess under a file-size limit
def test_file_size_limit_is_a_write_error(many: Path, tmp_path: Path) -> None:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = _cli([str(many), "-o", str(tmp_path / "out.jsonl")], preexec_fn=limit)
    err = result.stderr.decode()
    assert result.returncode == 2 and "File too large" in err and "Traceback" not in err


def test_unwritable_output_is_exit_2(many: Path, tmp_path: Path, capsys) -> None:
    assert main(["extract", str(many), "-o", str(many / "out.jsonl")]) == 2  # a file is no folder
    assert "cannot write" in capsys.readouterr().err


# --- options that must not hang or crash (defect 9) ---------------------------------------


def test_organizations_that_are_no_regular_file_or_too_big_exit_2(many: Path, tmp_path: Path, capsys) -> None:
    assert main(["extract", "--organizations", "/dev/zero", str(many)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    huge = tmp_path / "huge.tsv"
    with huge.open("wb") as out:
        out.truncate(65 << 20)  # sparse: no disk used
    assert main(["extract", "--organizations", str(huge), str(many)]) == 2
    assert "larger than 64 MB" in capsys.readouterr().err


def test_read_options_reject_encodings_that_break_lines() -> None:
    with pytest.raises(ValueError, match="ASCII-compatible"):
        ReadOptions(encoding="utf-16")
    with pytest.raises(ValueError, match="unknown encoding"):
        ReadOptions(encoding="klingonisch")


@pytest.mark.parametrize(
    ("value", "expected"), [(True, "true"), (7, "7"), (None, None), ("x", "x"), ([1, "ä"], '[1, "ä"]')]
)
def test_process_spells_ids_as_json(ex: Extractor, value, expected) -> None:
    assert ex.process(value, "Der Rat tagte.").id == expected


@pytest.mark.parametrize("value", [float("nan"), float("inf"), [float("-inf")]])
def test_process_refuses_ids_json_cannot_spell(ex: Extractor, value) -> None:
    result = ex.process(value, "Der Rat tagte.")
    assert result.id is None and result.error is not None and result.error["type"] == "InputError"


def test_inputs_know_their_total_size_and_position(tmp_path: Path) -> None:
    first = tmp_path / "a.jsonl"
    first.write_text(jsonl(*({"id": str(i), "text": ARTICLE} for i in range(100))), encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text(SECOND, encoding="utf-8")
    inputs = Inputs([str(first), str(second)])
    total = first.stat().st_size + second.stat().st_size
    assert inputs.total_bytes == total and inputs.position == 0
    assert len(list(inputs)) == 101 and inputs.position == total
