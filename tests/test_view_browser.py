"""``quotecheck view`` in a real headless Chromium: every quote is on the page, keys work.

Skips when no Chromium is installed, except under ``CI=true``, where it fails:
``.ci/run`` installs Debian's chromium. ``QUOTECHECK_SCREENSHOT=docs/view.png``
also writes the screenshot there (that is how the README's picture is made).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from quotecheck.cli import main, read_documents
from quotecheck.extractor import Extractor
from tests.browser import Browser, find_chromium
from tests.ci import in_ci

#: Each test drives a headless Chromium: slow, run by CI (`-m "slow or not slow"`).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
#: The page shows the longer example article first (it has every kind of quote), then
#: the example articles; every quote of both must be on it.
#: Paths relative to the repository (a text file's id is its path, and shows on the page).
INPUTS = ["examples/hafenstreik.txt", "examples/articles.jsonl"]

#: For each card: its quote id and the text of its content highlights, span by span.
HIGHLIGHTS_JS = """
Array.from(document.querySelectorAll('.card[data-q]')).map(card => {
  const spans = {};
  document.querySelectorAll('.text .m[data-role="content"][data-q="' + card.dataset.q + '"]')
    .forEach(piece => { spans[piece.dataset.span] = (spans[piece.dataset.span] || '') + piece.textContent; });
  const keys = Object.keys(spans).sort((a, b) => a - b);
  return {id: card.dataset.id, content: keys.map(k => spans[k]).join(' '), card: card.textContent};
})
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    binary = find_chromium()
    if binary is None:
        if in_ci():
            pytest.fail("CI=true but no Chromium found: .ci/run installs Debian's chromium")
        pytest.skip("no Chromium installed (apt-get install chromium); the page tests need a real browser")
    with Browser(binary, tmp_path_factory.mktemp("chromium-profile")) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def example_quotes():
    """(document text, quote records) of every example article, as the extractor finds them."""
    extractor = Extractor()
    out = []
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        for doc_id, text in read_documents(INPUTS):
            out.append((text, [q.to_dict() for q in extractor.process(doc_id, text).quotes]))
    return out


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("view") / "page.html"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert main(["view", *INPUTS, "-o", str(path), "--title", "quotecheck view: examples"]) == 0
    return path


def missing_quotes(browser, documents):
    """Quotes of ``documents`` with no card, or whose highlights in the text are not their content."""
    shown = {item["id"]: item for item in browser.evaluate(HIGHLIGHTS_JS)}
    missing = []
    for _, quotes in documents:
        for quote in quotes:
            item = shown.get(quote["id"])
            speaker = (quote["speaker"] or {}).get("name") or ""
            if item is None or item["content"] != quote["content"]["text"] or speaker not in item["card"]:
                missing.append(quote["id"])
    return missing


def test_every_example_quote_is_on_the_page(browser, page, example_quotes, tmp_path):
    browser.open(page.as_uri(), width=1200, height=760)
    assert sum(len(quotes) for _, quotes in example_quotes) >= 10
    assert missing_quotes(browser, example_quotes) == []
    assert browser.evaluate("document.querySelectorAll('.card[data-q]').length") == sum(
        len(quotes) for _, quotes in example_quotes
    )
    browser.press("j")  # the picture shows a focused quote
    shot = browser.screenshot(tmp_path / "view.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    target = os.environ.get("QUOTECHECK_SCREENSHOT")
    if target:
        shutil.copyfile(shot, target)


def test_the_text_on_the_page_is_the_document_text(browser, page, example_quotes):
    browser.open(page.as_uri())
    texts = browser.evaluate("Array.from(document.querySelectorAll('.text')).map(t => t.textContent)")
    assert texts == [text for text, _ in example_quotes]


def test_a_quote_missing_from_the_page_is_noticed(browser, page, example_quotes):
    browser.open(page.as_uri())
    first = example_quotes[0][1][0]["id"]
    browser.evaluate(f"""
        const card = document.querySelector('.card[data-id={json.dumps(first)}]');
        document.querySelectorAll('.m[data-q="' + card.dataset.q + '"]').forEach(m => m.replaceWith(...m.childNodes));
        card.remove();
    """)
    assert missing_quotes(browser, example_quotes) == [first]


def test_page_loads_nothing_from_outside(browser, page):
    browser.open(page.as_uri())
    assert browser.evaluate("performance.getEntriesByType('resource').map(r => r.name)") == []


def test_j_and_k_move_between_quotes_with_visible_focus(browser, page):
    browser.open(page.as_uri())
    steps = []
    for key in ("j", "j", "k", "ArrowDown", "ArrowDown", "ArrowUp"):
        browser.press(key)
        steps.append(browser.evaluate("document.activeElement.id"))
    assert steps == ["card-0", "card-1", "card-0", "card-1", "card-2", "card-1"]
    outline = browser.evaluate(
        "(s => [s.outlineStyle, s.outlineWidth])(getComputedStyle(document.activeElement))"
    )
    assert outline[0] != "none" and outline[1] != "0px"


def test_focused_quote_lights_up_its_highlights(browser, page):
    browser.open(page.as_uri())
    browser.press("j")
    lit = browser.evaluate("Array.from(document.querySelectorAll('.text .m.active')).map(m => m.dataset.q)")
    assert lit and set(lit) == {"0"}


def test_clicking_a_highlight_focuses_its_quote(browser, page):
    browser.open(page.as_uri())
    browser.evaluate("document.querySelector('.text .m[data-role=\"content\"][data-q=\"2\"]').click()")
    assert browser.evaluate("document.activeElement.id") == "card-2"


NESTED_TEXT = "Der Sprecher sagte, man nenne das „Wortbruch“ und „Verrat“."


def test_a_quote_with_a_parent_is_drawn_inside_it(browser, tmp_path):
    text = NESTED_TEXT
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "n", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")

    def role(sub):
        start = text.index(sub)
        return {"text": sub, "spans": [[start, start + len(sub)]]}

    outer = {"id": "n:q1", "kind": "indirect", "mood": "subjunctive", "content": role("man nenne das „Wortbruch“ und „Verrat“"),
             "speaker": {**role("Der Sprecher"), "name": None, "type": "person"}, "parent": None}
    inner = {"id": "n:q2", "kind": "direct", "content": role("Wortbruch"), "parent": "n:q1",
             "speaker": {**role("Der Sprecher"), "name": None, "type": "person"}}
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "n", "quotes": [outer, inner]}, ensure_ascii=False) + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["view", str(docs), "--records", str(records), "-o", str(page)]) == 0
    browser.open(page.as_uri())
    assert browser.evaluate(
        "document.querySelector('.card[data-id=\"n:q1\"] .children .card[data-id=\"n:q2\"]') !== null"
    )
    assert browser.evaluate(
        "document.querySelector('.text .m[data-q=\"0\"][data-role=\"content\"] .m[data-q=\"1\"][data-role=\"content\"]')"
        ".textContent"
    ) == "Wortbruch"
