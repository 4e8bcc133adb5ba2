"""Typing: the whole package stays ``mypy --strict`` clean, and so does a user's script.

What is checked is ``[tool.mypy]`` in pyproject.toml (``files = ["quotecheck"]``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

mypy = pytest.importorskip("mypy.api", reason="mypy is part of the test extra")

#: Each test runs mypy over the package (seconds without its cache): slow, run by CI.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CONFIG = str(ROOT / "pyproject.toml")


def run_mypy(*args: str) -> tuple[int, str]:
    out, err, status = mypy.run(["--config-file", CONFIG, "--no-error-summary", *args])
    return status, out + err


def test_strict_modules_pass_mypy_strict():
    status, report = run_mypy()
    assert status == 0, report


def test_a_user_script_passes_mypy_strict_against_the_api():
    status, report = run_mypy("--strict", str(ROOT / "tests" / "data" / "api_user.py"))
    assert status == 0, report


def test_mypy_catches_a_wrong_kind(tmp_path):
    script = tmp_path / "wrong.py"
    script.write_text(
        "from quotecheck.model import Kind\n"
        "kind: Kind = 'zitat'\n",
        encoding="utf-8",
    )
    status, report = run_mypy("--strict", str(script))
    assert status == 1 and "zitat" in report
