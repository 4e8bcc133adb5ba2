"""A real headless Chromium for the tests of the HTML pages (``compare --html``, ``view``).

The fixture ``chromium`` yields a Selenium WebDriver for Debian's ``chromium``
driven by ``/usr/bin/chromedriver`` (packages ``chromium`` and
``chromium-driver``; ``.ci/run`` installs them). It skips the test when the
browser, the driver or selenium is missing — except under CI (``CI=true``),
where a missing browser is a failure, so a browser test can never pass by not
running. Import it from a test module with ``from tests.browser import chromium``
or register it in ``conftest.py``.

Chromium is started as the workplace requires: headless, no sandbox (we run as
root), no GPU, no background networking (the machine has no network), and a
fresh profile per test. Pages are loaded from ``file://`` URLs: the pages under
test are self-contained, and a request for anything else would fail.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = os.environ.get("QUOTECHECK_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("QUOTECHECK_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)


def _missing() -> str | None:
    """Why no browser test can run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def chromium() -> Iterator[object]:
    """A headless Chromium WebDriver with a fresh profile, quit after the test."""
    reason = _missing()
    if reason is not None:
        _skip_or_fail(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="quotecheck-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def page_url(path: Path) -> str:
    """The ``file://`` URL of a page on disk."""
    return path.resolve().as_uri()


def full_page_screenshot(driver: object, path: Path) -> Path:
    """A screenshot of the whole page (the window is grown to the page's height first)."""
    height = driver.execute_script("return document.documentElement.scrollHeight")  # type: ignore[attr-defined]
    driver.set_window_size(1400, min(max(int(height), 600), 16000))  # type: ignore[attr-defined]
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    return path
