"""The opt-in compiled build (``QUOTECHECK_MYPYC=1 pip install .``): its module list and what it reports.

The build itself takes minutes (mypy and a C compiler), so it is not run here: the
tests keep its module list honest, the plain build free of mypy, and
``quotecheck.compiled`` truthful in either install.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from importlib.machinery import ExtensionFileLoader
from pathlib import Path
from types import ModuleType

import pytest

import quotecheck
import quotecheck.text

ROOT = Path(__file__).resolve().parents[1]


def _backend() -> ModuleType:
    """build_backend/quotecheck_build.py, the one place the module list lives."""
    spec = importlib.util.spec_from_file_location("quotecheck_build", ROOT / "build_backend" / "quotecheck_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_module_of_the_compiled_build_exists_once() -> None:
    modules = _backend().MYPYC_MODULES
    assert len(set(modules)) == len(modules)
    assert [m for m in modules if not (m.startswith("quotecheck/") and m.endswith(".py") and (ROOT / m).is_file())] == []


def test_the_public_model_and_the_rule_protocol_stay_pure_python() -> None:
    # Users pickle, evolve and match Quote and its parts, and implement Rule.
    modules = _backend().MYPYC_MODULES
    assert "quotecheck/model.py" not in modules
    assert "quotecheck/rules/pipeline.py" not in modules
    assert "quotecheck/text.py" in modules


def test_the_plain_build_asks_for_no_mypy(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = _backend()
    monkeypatch.delenv("QUOTECHECK_MYPYC", raising=False)
    assert backend._extra() == []
    monkeypatch.setenv("QUOTECHECK_MYPYC", "0")
    assert backend._extra() == []


def test_the_opted_in_build_asks_for_mypyc(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = _backend()
    monkeypatch.setenv("QUOTECHECK_MYPYC", "1")
    assert any(r.startswith("mypy[mypyc]") for r in backend._extra())


def test_compiled_says_whether_the_running_modules_are_extensions() -> None:
    assert quotecheck.compiled is isinstance(quotecheck.text.__loader__, ExtensionFileLoader)


def test_the_version_names_a_compiled_install_and_only_it() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "quotecheck", "--version"], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    assert ("compiled with mypyc" in out.stdout) is quotecheck.compiled


def _setup_extensions(monkeypatch: pytest.MonkeyPatch, command: str) -> list[object]:
    """The ext_modules setup.py hands setuptools for ``command`` under QUOTECHECK_MYPYC=1, mypyc stood in for."""
    import runpy
    import types

    import setuptools

    def mypycify(modules: list[str], **options: object) -> list[object]:
        return [f"compiled {len(modules)} modules"]

    fake = types.ModuleType("mypyc.build")
    fake.mypycify = mypycify  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mypyc", types.ModuleType("mypyc"))
    monkeypatch.setitem(sys.modules, "mypyc.build", fake)
    monkeypatch.setenv("QUOTECHECK_MYPYC", "1")
    monkeypatch.setattr(sys, "argv", ["setup.py", command, "--dist-dir", "dist"])
    monkeypatch.setattr(sys, "path", list(sys.path))  # setup.py puts build_backend/ first
    handed: list[list[object]] = []
    monkeypatch.setattr(setuptools, "setup", lambda **kwargs: handed.append(kwargs["ext_modules"]))
    runpy.run_path(str(ROOT / "setup.py"), run_name="__main__")
    return handed[0]


@pytest.mark.parametrize("command", ["egg_info", "dist_info", "sdist"])
def test_the_opted_in_build_compiles_nothing_for_metadata_or_a_source_distribution(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    # `QUOTECHECK_MYPYC=1 python -m build` makes the sdist first, where mypy is not installed
    assert _setup_extensions(monkeypatch, command) == []


def test_the_opted_in_build_compiles_the_modules_for_a_wheel(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _setup_extensions(monkeypatch, "bdist_wheel") == [f"compiled {len(_backend().MYPYC_MODULES)} modules"]
