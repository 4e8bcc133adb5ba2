"""The report of ``quotecheck compare --html``: the page's content, and the page in a real browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quotecheck.cli import main
from quotecheck.provenance.report import _marked, render
from tests.browser import chromium, full_page_screenshot, page_url  # noqa: F401 - chromium is a fixture
from tests.compare_records import q, record

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "event-ev02-stahlwerk.jsonl"


def test_highlights_cover_exactly_their_offsets() -> None:
    text = "Roth sagte: „Wir bleiben hart.“"
    start = text.index("bleiben")
    html = _marked(text, 0, [(13, 29, "content"), (start, start + 7, "diff-changed"), (0, 4, "speaker")])
    assert re.sub(r"<[^>]+>", "", html) == text
    assert '<span class="hl speaker">Roth</span>' in html
    assert '<span class="hl content diff-changed">bleiben</span>' in html


def test_text_from_the_documents_is_escaped() -> None:
    text = "„<script>alert(1)</script> ist gefährlich“, sagte Roth."
    from quotecheck import compare

    groups = compare([record("a", text, q("<script>alert(1)</script> ist gefährlich", speaker=("Roth", "Anna Roth")))])
    page = render(groups, {"a": text})
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page


def test_without_texts_the_card_shows_the_quoted_words() -> None:
    from quotecheck import compare

    text = "„Wir bleiben hart“, sagte Roth am Montag."
    groups = compare([record("a", text, q("Wir bleiben hart", speaker=("Roth", "Anna Roth")))])
    shown = re.sub(r"<[^>]+>", "", render(groups, {}))
    assert "Wir bleiben hart" in shown and "am Montag" not in shown


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """The example event cluster compared: the page and the groups it must show."""
    folder = tmp_path_factory.mktemp("report")
    page, groups = folder / "report.html", folder / "groups.jsonl"
    assert main(["compare", str(EXAMPLE), "-o", str(groups), "--html", str(page)]) == 0
    lines = [json.loads(line) for line in groups.read_text(encoding="utf-8").splitlines()]
    assert any(g["conflicts"] for g in lines), "the example must show conflicts"
    return page, lines


def test_the_page_shows_every_group_rendering_chain_and_conflict(chromium, report, tmp_path: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    page, groups = report
    chromium.get(page_url(page))
    sections = chromium.find_elements(By.CSS_SELECTOR, "section.group")
    assert [s.get_attribute("data-group") for s in sections] == [g["group"] for g in groups]
    for section, group in zip(sections, groups):
        assert section.get_attribute("data-speaker") == (group["speaker"] or "")
        cards = section.find_elements(By.CSS_SELECTOR, "article.rendering")
        assert [c.get_attribute("data-quote") for c in cards] == [r["quote"] for r in group["renderings"]]
        for card, rendering in zip(cards, group["renderings"]):
            links = [li.text for li in card.find_elements(By.CSS_SELECTOR, "ol.chain > li")]
            assert links == rendering["chain"]
            content = " ".join(e.text for e in card.find_elements(By.CSS_SELECTOR, "span.hl.content"))
            assert content.split() == rendering["content"]["text"].split() or all(
                word in content for word in rendering["content"]["text"].split()[:3]
            )
        shown = [li.get_attribute("data-type") for li in section.find_elements(By.CSS_SELECTOR, "li.conflict")]
        assert shown == [c["type"] for c in group["conflicts"]]
        wording = next((c for c in group["conflicts"] if c["type"] == "wording"), None)
        if wording is not None:
            marked = [e.text for e in section.find_elements(By.CSS_SELECTOR, "span.hl.diff-changed, span.hl.diff-added")]
            expected = [w for d in wording["diffs"] for op in d["ops"] for w in op["words"]]
            assert marked == expected
    shot = full_page_screenshot(chromium, tmp_path / "compare-report.png")
    assert shot.stat().st_size > 10_000


def test_the_speaker_filter_shows_only_that_speakers_groups(chromium, report) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page, groups = report
    chromium.get(page_url(page))
    speaker = next(g["speaker"] for g in groups if g["conflicts"])
    Select(chromium.find_element(By.ID, "speaker-filter")).select_by_value(speaker)
    visible = [s.get_attribute("data-group") for s in chromium.find_elements(By.CSS_SELECTOR, "section.group")
               if s.is_displayed()]
    assert visible == [g["group"] for g in groups if g["speaker"] == speaker]
    chromium.find_element(By.ID, "conflicts-only").click()
    visible = [s.get_attribute("data-group") for s in chromium.find_elements(By.CSS_SELECTOR, "section.group")
               if s.is_displayed()]
    assert visible == [g["group"] for g in groups if g["speaker"] == speaker and g["conflicts"]]
    assert chromium.find_element(By.ID, "shown").text == str(len(visible))


def test_the_page_asks_for_nothing_from_the_network(chromium, report) -> None:  # noqa: F811
    page, _ = report
    chromium.get(page_url(page))
    resources = chromium.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == []
