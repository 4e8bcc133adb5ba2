"""Hostile and huge input: nothing crashes, nothing is lost or reordered, offsets stay inside.

The properties run the real CLI (``quotecheck.cli.main``) on generated
JSON-lines streams that mix valid records with every kind of bad line.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck import Extractor
from quotecheck.cli import main
from quotecheck.markup import strip_html
from tests.strategies import examples

QUOTE_MARKS = "„“”‚‘’»«›‹\"'"
GERMAN = "Wir bleiben hart sagte Anna Berger laut dpa Die Regierung erklärte dass sie "

# Text that looks like news often enough to produce quotes, and hostile often enough to hurt.
texts = st.one_of(
    st.lists(st.sampled_from(list(QUOTE_MARKS + ",.:;!? \n") + GERMAN.split()), max_size=60).map("".join),
    st.lists(st.sampled_from(GERMAN.split() + list(QUOTE_MARKS) + [",", ".", ":", "\n\n"]), max_size=80).map(" ".join),
    st.text(max_size=200),  # any Unicode, control characters, lone surrogates
    st.sampled_from(["", " ", "\n\t ", "\x00\x1b\x7f", "„" * 50, "“" * 50, '"' * 51]),
)

ok_record = st.tuples(st.just("ok"), texts)
bad_lines = st.sampled_from(
    [
        b"kein json",
        b"{",
        b"[1, 2]",
        b"42",
        b"null",
        b'"text"',
        b'{"id": "m"}',
        b'{"id": "n", "text": null}',
        b'{"id": "z", "text": 3.5}',
        b'{"id": "o", "text": {"a": 1}}',
        b"",
        b"   ",
        b'{"id": "u", "text": "\xff\xfe kaputt"}',
        b"\xc3\x28\xa0\xa1",
        b'{"id": "s", "text": "\\ud800 \xe2\x80\x9eHallo\xe2\x80\x9c"}',
        b"[" * 5000,
    ]
)
lines = st.lists(st.one_of(ok_record, bad_lines), max_size=12)


def _encode(index: int, item: tuple[str, str] | bytes) -> tuple[bytes, str | None, str | None]:
    """The input line, the id the output must carry, the text when the line is a valid document."""
    if isinstance(item, bytes):
        try:
            record = json.loads(item.decode("utf-8"))
        except (ValueError, RecursionError):  # undecodable ids are salvaged for the error record
            expected = json.loads(item.decode("utf-8", "replace")).get("id") if item.startswith(b'{"id"') else None
            return item, expected, None
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            return item, record.get("id"), record["text"]
        return item, record.get("id") if isinstance(record, dict) else None, None
    doc_id = f"doc-{index}"
    line = json.dumps({"id": doc_id, "text": item[1]}, ensure_ascii=index % 2 == 0)
    return line.encode("utf-8", "surrogatepass"), doc_id, item[1]


def _check_spans(record: dict, text: str) -> None:
    for quote in record["quotes"]:
        roles = [quote[k] for k in ("content", "cue", "frame", "speaker", "addressee")]
        for role in [r for r in roles if r is not None] + quote["sources"] + quote["fragments"]:
            pieces = []
            for start, end in role["spans"]:
                assert 0 <= start <= end <= len(text)
                pieces.append(text[start:end])
            assert " ".join(pieces) == role["text"]


def _run(tmp_path: Path, data: bytes, *argv: str) -> tuple[int, bytes]:
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    src.write_bytes(data)
    status = main(["extract", "-q", *argv, str(src), "-o", str(out)])
    return status, out.read_bytes()


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stream=lines, trailing_newline=st.booleans())
def test_hostile_stream_gives_one_valid_record_per_line_in_order(tmp_path: Path, stream, trailing_newline) -> None:
    encoded = [_encode(i, item) for i, item in enumerate(stream)]
    data = b"".join(line + b"\n" for line, _, _ in encoded)
    if not trailing_newline and encoded and encoded[-1][0]:
        data = data[:-1]  # a last line without its newline is still a line (an empty one is not)
    status, output = _run(tmp_path, data)
    records = [json.loads(line) for line in output.decode("utf-8").splitlines()]
    encoded = [item for item in encoded if item[0].strip()]  # blank lines are skipped, not documents
    assert len(records) == len(encoded)
    for record, (_, expected_id, text) in zip(records, encoded):
        assert record["id"] == expected_id
        assert set(record) <= {"id", "quotes", "error"}
        if text is None:
            assert record["quotes"] == [] and record["error"]["type"] == "InputError"
        else:
            assert "error" not in record
            _check_spans(record, text)
    assert status == (1 if any(text is None for _, _, text in encoded) else 0)


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash_with_either_encoding_policy(tmp_path: Path, data: bytes) -> None:
    lines = data.split(b"\n")[: -1 if data.endswith(b"\n") else None] if data else []
    expected_lines = sum(1 for i, line in enumerate(lines) if (line[3:] if i == 0 and line.startswith(b"\xef\xbb\xbf") else line).strip())
    for policy in ("strict", "replace"):
        status, output = _run(tmp_path, data, "--encoding-errors", policy)
        records = [json.loads(line) for line in output.decode("utf-8").splitlines()]
        assert len(records) == expected_lines
        assert status in (0, 1)


@pytest.mark.slow  # worker processes for every example
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stream=st.lists(st.one_of(ok_record, bad_lines), min_size=40, max_size=80))
def test_jobs_2_is_byte_identical_to_jobs_1(tmp_path: Path, stream) -> None:
    data = b"\n".join(line for line, _, _ in (_encode(i, item) for i, item in enumerate(stream))) + b"\n"
    assert _run(tmp_path, data, "--jobs", "1") == _run(tmp_path, data, "--jobs", "2")


def _article(n: int) -> str:
    return f"„Wir bleiben hart, Runde {n}“, sagte Gewerkschafterin Anna Berger laut dpa. "


@pytest.mark.slow
def test_two_megabyte_document_finishes_with_offsets_inside(tmp_path: Path) -> None:
    text = "".join(_article(i) for i in range(30_000))[: 2_000_000]
    src = json.dumps({"id": "big", "text": text}).encode() + b"\n"
    status, output = _run(tmp_path, src)
    (record,) = [json.loads(line) for line in output.splitlines()]
    assert status == 0 and len(record["quotes"]) > 20_000
    _check_spans(record, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("„Ja“ " * 10_000, marks=pytest.mark.slow),  # 20,000 marks, all paired
        "„" * 20_000,  # 20,000 openings, never closed
        '"' * 20_001,  # straight marks, odd count
        "„Das ist nie geschlossen, sagte sie. " + "Der Rat tagte. " * 5_000,  # one mark never closed
    ],
)
def test_thousands_of_quotation_marks_finish(text: str) -> None:
    result = Extractor().process("marks", text)
    assert result.error is None
    _check_spans(result.to_dict(), text)


def test_never_closed_mark_does_not_swallow_the_document() -> None:
    text = "„Wir kommen wieder, sagte er. " + " ".join(
        f"„Satz {i} bleibt“, sagte Anna Berger." for i in range(50)
    )
    quotes = Extractor().extract(text)
    assert len(quotes) >= 49
    assert all(len(q.content.text) < 100 for q in quotes)


def test_extract_many_streams_with_a_bounded_window() -> None:
    """An endless input: the first results arrive, and only a window of input was read."""
    consumed = itertools.count()

    def endless():
        for i in itertools.count():
            next(consumed)
            yield {"id": str(i), "text": _article(i)}

    extractor = Extractor()
    for jobs in (1, 2):
        consumed = itertools.count()
        results = extractor.extract_many(endless(), jobs=jobs)
        first = list(itertools.islice(results, 5))
        results.close()
        assert [r.id for r in first] == ["0", "1", "2", "3", "4"]
        assert next(consumed) < 1_000  # read ahead is bounded, not the whole stream


@pytest.mark.parametrize("item", [None, 3, b"bytes", {"id": 1}, {"text": ["x"]}, "", "„x"])
def test_extract_many_reports_bad_items_in_place(item) -> None:
    results = list(Extractor().extract_many(["„Wir bleiben hart“, sagte Anna Berger.", item, "„Wir machen weiter“, sagte Max Roth."]))
    assert len(results) == 3
    assert results[0].quotes and results[2].quotes
    if not isinstance(item, str):
        assert results[1].error is not None and results[1].error["type"] == "InputError"


# --- markup: the offset map -------------------------------------------------

html_pieces = st.sampled_from(
    ["<p>", "</p>", "<br>", "<b>", "</b>", '<a href="x>y">', "<script>x<p>y</script>", "<!-- c -->",
     "&amp;", "&bdquo;", "&ldquo;", "&szlig;", "&#8222;", "&#x201C;", "&nosuch;", "&", "<", ">",
     "\n", "  ", "\n\n", "Wir", "bleiben", "hart", ",", "sagte", "Anna", "Berger", ".", "<nav>Menü</nav>",
     "<div class='a'>", "</div>", "<style>", "<a title=\"", "„", "“"]
)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(html_pieces, max_size=40).map("".join))
def test_strip_html_offset_map_is_monotone_and_exact_for_copied_text(page: str) -> None:
    cleaned = strip_html(page)
    previous = 0
    for i, char in enumerate(cleaned.text):
        start, end = cleaned.original_span(i, i + 1)
        assert previous <= start < end <= len(page)
        previous = start
        if end - start == 1 and page[start] not in "&<>":
            assert page[start] == char or char in " \n"


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(html_pieces, max_size=60).map("".join))
def test_strip_html_results_have_spans_inside_the_original(page: str) -> None:
    result = Extractor().process("h", page, strip_html=True)
    assert result.error is None
    for quote in result.quotes:
        for span in quote.spans():
            assert 0 <= span.start <= span.end <= len(page)


@pytest.mark.parametrize(
    ("page", "clean"),
    [
        ("<p>Erster Absatz.</p><p>Zweiter.</p>", "Erster Absatz.\n\nZweiter."),
        ("Zeile<br>Zeile", "Zeile\nZeile"),
        ("Stra&szlig;e &amp; Platz", "Straße & Platz"),
        ("Ohne\n\nTags bleibt das so.", "Ohne\n\nTags bleibt das so."),
        ("<p>Im\n   Quelltext\numbrochen</p>", "Im Quelltext umbrochen"),
        ("<head><title>T</title></head><body>Text</body>", "Text"),
        ("<nav>Menü</nav><article>Text</article><footer>Impressum</footer>", "Text"),
        ("a < b und c > d", "a < b und c > d"),
        ("<script>nie geschlossen", ""),
        ("&nosuch; bleibt", "&nosuch; bleibt"),
    ],
)
def test_strip_html_examples(page: str, clean: str) -> None:
    assert strip_html(page).text == clean
