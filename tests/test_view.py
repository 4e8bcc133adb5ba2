"""``quotecheck view`` without a browser: the markup, the cards, the command, the reprs."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck import Extractor, extract
from quotecheck.cli import main
from quotecheck.model import DocumentResult, Quote, Role
from quotecheck.view import quotes_html
from quotecheck.view.render import _Mark, highlight

TEXT = "„Wir streiken weiter“, sagte Gewerkschaftschef Jan Roth laut dpa. Die Arbeitgeber seien am Zug, fügte er hinzu."


class Pieces(HTMLParser):
    """Collects the text under every open span, keyed by (q, role, span), and checks nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.by_mark: dict[tuple[str, str, str], str] = {}

    def handle_starttag(self, tag, attrs):
        assert tag == "span"
        a = dict(attrs)
        self.stack.append((a["data-q"], a["data-role"], a.get("data-span", "")))

    def handle_endtag(self, tag):
        assert tag == "span" and self.stack
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for key in set(self.stack):
            self.by_mark[key] = self.by_mark.get(key, "") + data


def parse(markup: str) -> Pieces:
    pieces = Pieces()
    pieces.feed(markup)
    pieces.close()
    assert pieces.stack == []
    return pieces


@st.composite
def text_and_marks(draw):
    text = draw(st.text(alphabet="ab <&>\"\n„“", max_size=30))
    marks = []
    for q in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        marks.append(_Mark(start, end, q, draw(st.sampled_from(["content", "speaker", "cue"])), "direct"))
    return text, marks


@given(text_and_marks())
def test_highlighting_keeps_the_text_and_each_mark_covers_exactly_its_characters(case):
    text, marks = case
    pieces = parse(highlight(text, marks, {m.q: "t" for m in marks}))
    assert "".join(pieces.text) == text
    for mark in marks:
        if mark.start < mark.end:
            assert pieces.by_mark[(str(mark.q), mark.role, "0" if mark.role == "content" else "")] == text[
                mark.start : mark.end
            ]


def test_crossing_marks_are_split_into_pieces():
    text = "eins zwei drei"
    markup = highlight(text, [_Mark(0, 9, 0, "content", "direct"), _Mark(5, 14, 1, "speaker", "direct")], {0: "", 1: ""})
    assert markup.count('data-q="1"') == 2  # the speaker goes on after the content closes
    pieces = parse(markup)
    assert pieces.by_mark[("1", "speaker", "")] == "zwei drei"


def test_markup_escapes_the_text():
    assert "&lt;script&gt;" in highlight("<script>", [], {})


# --- cards ------------------------------------------------------------------------------


def record(qid, content, parent=None, kind="direct"):
    start = TEXT.index(content)
    return {"id": qid, "kind": kind, "content": {"text": content, "spans": [[start, start + len(content)]]},
            "speaker": None, "parent": parent}


def test_a_quote_with_a_parent_is_a_card_inside_its_parent():
    page = quotes_html([record("q1", "Wir streiken weiter"), record("q2", "streiken", parent="q1")])
    inner = page.index('data-id="q2"')
    assert page.index('data-id="q1"') < page.index('<ol class="children">') < inner


@pytest.mark.parametrize(
    "quotes",
    [
        [record("q2", "streiken", parent="q9")],  # unknown parent
        [record("q1", "Wir", parent="q2"), record("q2", "streiken", parent="q1")],  # a cycle
    ],
)
def test_quotes_without_a_usable_parent_stay_at_the_top(quotes):
    page = quotes_html(quotes)
    assert '<ol class="children">' not in page
    assert all(f'data-id="{q["id"]}"' in page for q in quotes)


def test_card_shows_speaker_addressee_and_chain():
    [quote] = extract("Die Arbeitgeber seien am Zug, sagte der Minister Jan Roth der Agentur Reuters laut dpa.")
    card = quote._repr_html_()
    assert "Jan Roth" in card and "chain" in card and "dpa" in card


def test_cards_escape_quote_text():
    page = quotes_html([{"id": "x", "kind": "direct", "content": {"text": "<b>laut</b>", "spans": [[0, 11]]}}])
    assert "<b>laut</b>" not in page and html.escape("<b>laut</b>") in page


# --- reprs ------------------------------------------------------------------------------


def test_quote_repr_is_one_short_line():
    [quote] = extract("„Wir streiken weiter, bis die Arbeitgeber endlich ein neues Angebot vorlegen“, sagte Jan Roth.")
    text = repr(quote)
    assert "\n" not in text and len(text) < 120
    assert text.startswith("<Quote q1 direct „Wir streiken weiter") and "speaker='Jan Roth'" in text


def test_quote_repr_without_speaker():
    text = "Die Lage sei ernst."
    quote = Quote(id="q1", kind="free_indirect", content=Role.from_spans(text, [(0, 18)]), mood="subjunctive")
    assert repr(quote) == "<Quote q1 free_indirect „Die Lage sei ernst“ speaker=None>"


def test_document_result_repr_and_html():
    result = Extractor().process("streik", TEXT)
    assert repr(result) == f"<DocumentResult 'streik' {len(result.quotes)} quotes>"
    assert "streik" in result._repr_html_() and "Jan Roth" in result._repr_html_()
    failed = DocumentResult("kaputt", (), {"type": "InputError", "message": "not valid JSON"})
    assert repr(failed) == "<DocumentResult 'kaputt' error: not valid JSON>"
    assert "not valid JSON" in failed._repr_html_()


# --- the command ------------------------------------------------------------------------


@pytest.fixture
def docs(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "streik", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_view_writes_one_page_with_every_quote(docs, tmp_path):
    page = tmp_path / "page.html"
    assert main(["view", str(docs), "-o", str(page)]) == 0
    content = page.read_text(encoding="utf-8")
    for quote in Extractor().extract(TEXT, doc_id="streik"):
        assert f'data-id="{quote.id}"' in content
    assert content.startswith("<!DOCTYPE html>") and "<script>" in content


def test_page_refers_to_nothing_outside(docs, tmp_path):
    page = tmp_path / "page.html"
    main(["view", str(docs), "-o", str(page)])
    content = page.read_text(encoding="utf-8")
    for outside in ("http://", "https://", "src=", "<link", "@import", "url("):
        assert outside not in content


def test_view_shows_records_with_the_texts(docs, tmp_path):
    records = tmp_path / "records.jsonl"
    assert main(["extract", str(docs), "-o", str(records)]) == 0
    page = tmp_path / "page.html"
    assert main(["view", str(docs), "--records", str(records), "-o", str(page)]) == 0
    assert 'data-id="streik:q1"' in page.read_text(encoding="utf-8")


def test_view_refuses_records_of_another_text(docs, tmp_path, capsys):
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "streik", "text": "Ganz anders: " + TEXT}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    records = tmp_path / "records.jsonl"
    main(["extract", str(other), "-o", str(records)])
    page = tmp_path / "page.html"
    assert main(["view", str(docs), "--records", str(records), "-o", str(page)]) == 1
    content = page.read_text(encoding="utf-8")
    assert "were the records extracted from another text?" in content
    assert 'data-q="0"' not in content


def test_view_marks_documents_without_a_record(docs, tmp_path, capsys):
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "anders", "quotes": []}) + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["view", str(docs), "--records", str(records), "-o", str(page)]) == 1
    assert "no record with this id" in page.read_text(encoding="utf-8")
    assert "1 records of" in capsys.readouterr().err


def test_view_to_standard_output(docs, capsys):
    assert main(["view", str(docs), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_view_unreadable_document_is_shown_with_its_error(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "a", "text": "Gut."}\nkein json\n', encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["view", str(docs), "-o", str(page)]) == 1
    assert "not valid JSON" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["view", "nichts.jsonl", "-o", "x.html"], "no such file or folder"),
        (["view", "{docs}", "--records", "nichts.jsonl", "-o", "x.html"], "cannot read"),
        (["view", "{docs}", "-o", "{tmp}/no/such/folder/x.html"], "cannot write"),
    ],
)
def test_view_usage_errors_exit_2(docs, tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    argv = [a.format(docs=docs, tmp=tmp_path) for a in argv]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
