"""Make docs/spacy-spans.png, the README's picture of displaCy's span view of quotes.

    python docs/make_spans_picture.py            # needs quotecheck-de[spacy] and Chromium
    python docs/make_spans_picture.py --html out.html   # the HTML only, no browser

Renders ``displacy.render(doc, style="span", options={"spans_key": "quotes"})``
(with :data:`quotecheck.spacy.DISPLACY_COLORS`) for the README's example text and screenshots it with headless Chromium
(Debian: ``apt-get install chromium``). The picture is committed; run this
again when the example or the component's labels change.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: The README's spaCy example text.
TEXT = (
    "Gewerkschaftschefin Anna Berger sagte der Nachrichtenagentur dpa: „Wir bleiben hart.“ "
    "Die Gespräche seien gescheitert, fügte sie hinzu. "
    "Laut Reuters will der Vorstand am Montag beraten."
)
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--force-device-scale-factor=1",
]


def render_html() -> str:
    """The displaCy span page of the example text."""
    import spacy
    from spacy import displacy

    from quotecheck.spacy import DISPLACY_COLORS

    nlp = spacy.blank("de")
    nlp.add_pipe("quotecheck")
    options = {"spans_key": "quotes", "colors": DISPLACY_COLORS}
    html = displacy.render(nlp(TEXT), style="span", options=options, page=True)
    return str(html)


def screenshot(html: str, out: Path, size: str) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        sys.exit("no Chromium found; on Debian: apt-get install chromium")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as pages:
        page = Path(pages) / "spans.html"
        page.write_text(html, encoding="utf-8")
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
                   f"--screenshot={out}", page.as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=120)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=HERE / "spacy-spans.png")
    parser.add_argument("--size", default="1100,250", help="browser window WIDTH,HEIGHT in pixels")
    parser.add_argument("--html", type=Path, help="write the HTML here and stop")
    args = parser.parse_args(argv)
    html = render_html()
    if args.html:
        args.html.write_text(html, encoding="utf-8")
        return 0
    screenshot(html, args.output.resolve(), args.size)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
