"""The report of ``quotecheck compare --html``: the page's content, and the page in a real browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quotecheck.cli import main
from quotecheck.provenance.report import _marked, render
from tests.browser import chromium  # noqa: F401 - a fixture
from tests.compare_records import q, record

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "event-ev02-stahlwerk.jsonl"


def page_url(path: Path) -> str:
    return path.resolve().as_uri()


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


#: What the page shows, read from its DOM: per group its id, speaker, visibility,
#: cards (quote id, chain links, highlighted content), conflict types and diff marks.
PAGE_JS = """
Array.from(document.querySelectorAll('section.group')).map(s => ({
  id: s.dataset.group, speaker: s.dataset.speaker, shown: !s.hidden && s.offsetParent !== null,
  cards: Array.from(s.querySelectorAll('article.rendering')).map(c => ({
    quote: c.dataset.quote,
    chain: Array.from(c.querySelectorAll('ol.chain > li')).map(l => l.textContent),
    content: Array.from(c.querySelectorAll('span.hl.content')).map(e => e.textContent).join(''),
  })),
  conflicts: Array.from(s.querySelectorAll('li.conflict')).map(l => l.dataset.type),
  marked: Array.from(s.querySelectorAll('span.hl.diff-changed, span.hl.diff-added')).map(e => e.textContent),
}))
"""


def _choose(browser, element: str, value: object) -> None:
    """Set a filter control as a user would and fire its change event."""
    prop = "checked" if isinstance(value, bool) else "value"
    browser.evaluate(
        f"(() => {{ const e = document.getElementById({json.dumps(element)}); e.{prop} = {json.dumps(value)};"
        " e.dispatchEvent(new Event('change')); })()"
    )


@pytest.mark.slow  # a real Chromium
def test_the_page_shows_every_group_rendering_chain_and_conflict(chromium, report, tmp_path: Path) -> None:  # noqa: F811
    page, groups = report
    chromium.open(page_url(page), width=1300, height=1000)
    shown = chromium.evaluate(PAGE_JS)
    assert [s["id"] for s in shown] == [g["group"] for g in groups]
    for section, group in zip(shown, groups):
        assert section["speaker"] == (group["speaker"] or "")
        assert [c["quote"] for c in section["cards"]] == [r["quote"] for r in group["renderings"]]
        for card, rendering in zip(section["cards"], group["renderings"]):
            assert card["chain"] == rendering["chain"]
            # the highlighted characters are the content's, span after span (whitespace aside)
            assert "".join(card["content"].split()) == "".join(rendering["content"]["text"].split())
        assert section["conflicts"] == [c["type"] for c in group["conflicts"]]
        wording = next((c for c in group["conflicts"] if c["type"] == "wording"), None)
        expected = [w for d in wording["diffs"] for op in d["ops"] for w in op["words"]] if wording else []
        assert section["marked"] == expected
    shot = chromium.screenshot(tmp_path / "compare-report.png")
    assert shot.stat().st_size > 10_000


@pytest.mark.slow  # a real Chromium
def test_the_speaker_filter_shows_only_that_speakers_groups(chromium, report) -> None:  # noqa: F811
    page, groups = report
    chromium.open(page_url(page))
    speaker = next(g["speaker"] for g in groups if g["conflicts"])
    _choose(chromium, "speaker-filter", speaker)
    visible = [s["id"] for s in chromium.evaluate(PAGE_JS) if s["shown"]]
    assert visible == [g["group"] for g in groups if g["speaker"] == speaker]
    _choose(chromium, "conflicts-only", True)
    visible = [s["id"] for s in chromium.evaluate(PAGE_JS) if s["shown"]]
    assert visible == [g["group"] for g in groups if g["speaker"] == speaker and g["conflicts"]]
    assert chromium.evaluate("document.getElementById('shown').textContent") == str(len(visible))


@pytest.mark.slow  # a real Chromium
def test_the_page_asks_for_nothing_from_the_network(chromium, report) -> None:  # noqa: F811
    page, _ = report
    chromium.open(page_url(page))
    assert chromium.evaluate("performance.getEntriesByType('resource').map(e => e.name)") == []
