"""A headless Chromium for tests, driven over the DevTools protocol on a pipe.

No test dependency beyond the browser itself: Chromium started with
``--remote-debugging-pipe`` reads protocol commands (JSON, each ended by a NUL
byte) on file descriptor 3 and writes replies and events on descriptor 4, the way
Playwright and Puppeteer talk to it. Only the handful of commands the page tests
need are wrapped: open a page, evaluate JavaScript, press a key, take a screenshot.

Chromium is Debian's ``chromium`` package (``/usr/bin/chromium``) or whatever
``QUOTECHECK_CHROMIUM`` names. The fixture :func:`chromium` gives a test one
browser (per module) and skips when there is none — except under ``CI=true``,
where a missing browser fails the test, so a browser test cannot pass by not
running. Use it with ``from tests.browser import chromium``.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.ci import in_ci

__all__ = ["Browser", "BrowserError", "chromium", "find_chromium"]

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
)

#: Keys the tests press: DevTools key event fields (key, code, virtual key code, text).
KEYS = {
    "j": ("j", "KeyJ", 74, "j"),
    "k": ("k", "KeyK", 75, "k"),
    "ArrowDown": ("ArrowDown", "ArrowDown", 40, ""),
    "ArrowUp": ("ArrowUp", "ArrowUp", 38, ""),
    "Tab": ("Tab", "Tab", 9, ""),
}


class BrowserError(RuntimeError):
    """The browser answered a command with an error, or did not answer in time."""


def find_chromium() -> str | None:
    """The Chromium binary: ``$QUOTECHECK_CHROMIUM``, else chromium on the PATH."""
    named = os.environ.get("QUOTECHECK_CHROMIUM")
    if named:
        return named if os.access(named, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _high_fd(fd: int) -> int:
    """A duplicate of ``fd`` numbered 10 or above, so that the child's dup2 onto 3 and 4 cannot clobber it."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class Browser:
    """One headless Chromium with one page (tab); use as a context manager."""

    def __init__(self, binary: str, profile: Path, timeout: float = 60.0) -> None:
        child_in, self._to_child = os.pipe()
        self._from_child, child_out = os.pipe()
        child_in, child_out = _high_fd(child_in), _high_fd(child_out)

        def pipes_on_3_and_4() -> None:  # runs in the child, before exec
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=pipes_on_3_and_4,
            close_fds=False,  # keep 3 and 4; Python's own descriptors are not inheritable anyway
        )
        os.close(child_in)
        os.close(child_out)
        self.timeout = timeout
        self._buffer = b""
        self._id = 0
        self.session: str | None = None

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- protocol ---------------------------------------------------------------------

    def send(self, method: str, params: dict[str, Any] | None = None, *, page: bool = True) -> dict[str, Any]:
        """Send one command (to the page's session when ``page``) and return its result."""
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if page and self.session is not None:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._next_message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def _next_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_child], [], [], max(remaining, 0))
            if not ready:
                raise BrowserError("no answer from the browser in time")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise BrowserError("the browser closed its pipe (did it start?)")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    # -- page -------------------------------------------------------------------------

    def open(self, url: str, width: int = 1280, height: int = 900) -> None:
        """Open ``url`` in a fresh tab of the given size and wait until it has loaded."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, page=False)["targetId"]
        attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, page=False)
        self.session = attached["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + self.timeout
        while self.evaluate("document.readyState") != "complete":
            if time.monotonic() > deadline:
                raise BrowserError(f"{url} did not finish loading")
            time.sleep(0.05)

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"JavaScript error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def press(self, name: str) -> None:
        """Press and release one key of :data:`KEYS` (sent to the focused element)."""
        key, code, virtual, text = KEYS[name]
        event = {"key": key, "code": code, "windowsVirtualKeyCode": virtual, "nativeVirtualKeyCode": virtual}
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", "text": text, **event} if text else
                  {"type": "rawKeyDown", **event})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **event})

    def screenshot(self, path: Path) -> Path:
        """A PNG of the visible page, written to ``path``."""
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        """Close the browser and its pipes; kill it if it does not stop."""
        try:
            self.send("Browser.close", page=False)
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One headless Chromium for a test module; skipped without one, failed under CI=true."""
    binary = find_chromium()
    if binary is None:
        if in_ci():
            pytest.fail("CI=true but no Chromium found: .ci/run installs Debian's chromium")
        pytest.skip("no Chromium installed (apt-get install chromium); the page tests need a real browser")
    with Browser(binary, tmp_path_factory.mktemp("chromium-profile")) as browser:
        yield browser
