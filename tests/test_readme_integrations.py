"""The README's integration sections run as written.

Each section's ``python`` and ``sh`` blocks are executed in order, in one
namespace per section, in a fresh folder holding a copy of ``examples/``. A
``text`` block right after a code block is that block's expected standard
output. A block preceded by ``<!-- readme-test: skip … -->`` (a multi-machine
cluster, an object-store bucket) is not run. A section skips when its extra is
not installed.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from quotecheck.frame import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

#: The sections that must run, and the modules each needs.
SECTIONS = {
    "Data frames": ("pandas", "pyarrow"),
    "spaCy": ("spacy",),
    "On a Dask cluster": ("dask", "distributed", "pandas", "pyarrow"),
}


class Block(NamedTuple):
    language: str
    code: str
    expected: str | None  # the text block that follows, if any
    skip: bool


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.MULTILINE | re.DOTALL)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def blocks(text: str) -> list[Block]:
    """The fenced code blocks of ``text``, each with the output block after it."""
    fence = re.compile(r"(?P<skip><!-- readme-test: skip[^>]*-->\n)?```(?P<lang>\w*)\n(?P<code>.*?)```\n", re.DOTALL)
    found = list(fence.finditer(text))
    result = []
    for i, match in enumerate(found):
        if match.group("lang") not in ("python", "sh"):
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        expected = None
        if following and following.group("lang") == "text" and not text[match.end() : following.start()].strip():
            expected = following.group("code")
        result.append(Block(match.group("lang"), match.group("code"), expected, bool(match.group("skip"))))
    return result


def run_python(code: str, namespace: dict[str, object]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    return out.getvalue()


def run_sh(code: str) -> str:
    """Shell lines, with ``quotecheck`` run by this interpreter (the venv need not be on PATH)."""
    output = []
    for line in code.splitlines():
        command = line.split("  #")[0].strip()
        if not command:
            continue
        command = re.sub(r"^quotecheck ", f"{sys.executable} -m quotecheck ", command)
        done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, f"{line}\n{done.stderr}"
        output.append(done.stdout)
    return "".join(output)


@pytest.mark.parametrize(
    "title",
    # the data-frame and Dask sections start CLI subprocesses and a local cluster: slow
    [pytest.param(t, marks=pytest.mark.slow) if t != "spaCy" else t for t in SECTIONS],
)
def test_readme_section_runs_as_written(title: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for module in SECTIONS[title]:
        pytest.importorskip(module, reason=f"the README's {title!r} section needs {module}")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    namespace: dict[str, object] = {"__name__": "readme"}
    ran = 0
    for block in blocks(section(title)):
        if block.skip:
            continue
        output = run_python(block.code, namespace) if block.language == "python" else run_sh(block.code)
        ran += 1
        if block.expected is not None:
            assert output == block.expected, f"README block:\n{block.code}"
    assert ran >= 1


def test_readme_blocks_that_are_skipped_still_compile() -> None:
    for block in blocks(section("On a Dask cluster")):
        if block.skip and block.language == "python":
            compile(block.code, "README.md", "exec")


def test_readme_column_table_matches_the_frame() -> None:
    rows = re.findall(r"^\| `(\w+)` \| `([^`]+)` \| (.*) \|$", section("Data frames"), re.MULTILINE)
    assert rows == [(c.name, c.type, c.doc) for c in COLUMNS]
