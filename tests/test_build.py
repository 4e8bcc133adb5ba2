"""The opt-in compiled build (``QUOTECHECK_MYPYC=1 pip install .``): its module list and what it reports.

The build itself takes minutes (mypy and a C compiler), so it is not run here (CI
builds it and runs the default run against it: .ci/run): the tests keep its module
list honest, the plain build free of mypy, its parallel compile correct with a
stand-in compiler, and ``quotecheck.compiled`` truthful in either install.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from importlib.machinery import ExtensionFileLoader
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import quotecheck
import quotecheck.rules.direct
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


@pytest.mark.skipif(os.environ.get("QUOTECHECK_EXPECT_COMPILED") != "1", reason="only in CI's run against the compiled build (.ci/run)")
def test_the_compiled_run_of_ci_imports_the_compiled_modules() -> None:
    # .ci/run sets QUOTECHECK_EXPECT_COMPILED=1 for it: a tree that fell back to the
    # pure modules would pass every other test and prove nothing
    assert quotecheck.compiled
    assert isinstance(quotecheck.rules.direct.__loader__, ExtensionFileLoader)


def test_the_version_names_a_compiled_install_and_only_it() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "quotecheck", "--version"], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    assert ("compiled with mypyc" in out.stdout) is quotecheck.compiled


def _run_setup(monkeypatch: pytest.MonkeyPatch, command: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """What setup.py hands setuptools for ``command`` under QUOTECHECK_MYPYC=1, mypyc stood in for; and its globals."""
    import runpy
    import types

    import setuptools

    def mypycify(modules: list[str], **options: object) -> list[object]:
        return [f"compiled {len(modules)} modules", options]

    fake = types.ModuleType("mypyc.build")
    fake.mypycify = mypycify  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mypyc", types.ModuleType("mypyc"))
    monkeypatch.setitem(sys.modules, "mypyc.build", fake)
    monkeypatch.setenv("QUOTECHECK_MYPYC", "1")
    monkeypatch.setattr(sys, "argv", ["setup.py", command, "--dist-dir", "dist"])
    monkeypatch.setattr(sys, "path", list(sys.path))  # setup.py puts build_backend/ first
    handed: list[dict[str, Any]] = []
    monkeypatch.setattr(setuptools, "setup", lambda **kwargs: handed.append(kwargs))
    names = runpy.run_path(str(ROOT / "setup.py"), run_name="__main__")
    return handed[0], names


def _setup_extensions(monkeypatch: pytest.MonkeyPatch, command: str) -> list[object]:
    """The ext_modules setup.py hands setuptools for ``command`` under QUOTECHECK_MYPYC=1, mypyc stood in for."""
    return list(_run_setup(monkeypatch, command)[0]["ext_modules"])


@pytest.mark.parametrize("command", ["egg_info", "dist_info", "sdist"])
def test_the_opted_in_build_compiles_nothing_for_metadata_or_a_source_distribution(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    # `QUOTECHECK_MYPYC=1 python -m build` makes the sdist first, where mypy is not installed
    assert _setup_extensions(monkeypatch, command) == []
    assert _run_setup(monkeypatch, command)[0]["cmdclass"] == {}


def test_the_opted_in_build_compiles_the_modules_for_a_wheel(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _setup_extensions(monkeypatch, "bdist_wheel")[0] == f"compiled {len(_backend().MYPYC_MODULES)} modules"


def test_the_opted_in_build_writes_one_c_file_per_module_and_compiles_them_in_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    from setuptools.command.build_ext import build_ext

    handed, _ = _run_setup(monkeypatch, "bdist_wheel")
    assert handed["ext_modules"][1] == {"opt_level": "3", "multi_file": True}
    assert issubclass(handed["cmdclass"]["build_ext"], build_ext)
    assert handed["cmdclass"]["build_ext"] is not build_ext


def _jobs(monkeypatch: pytest.MonkeyPatch, value: str | None) -> int:
    jobs = _run_setup(monkeypatch, "egg_info")[1]["jobs"]
    if value is None:
        monkeypatch.delenv("QUOTECHECK_MYPYC_JOBS", raising=False)
    else:
        monkeypatch.setenv("QUOTECHECK_MYPYC_JOBS", value)
    return int(jobs())


def test_the_compiler_runs_once_per_cpu_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    assert _jobs(monkeypatch, None) == 6
    assert _jobs(monkeypatch, "3") == 3
    assert _jobs(monkeypatch, "1") == 1


def test_the_compiler_runs_once_per_cpu_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    # `taskset -c 0` or a container's CPU set: the machine's 64 CPUs are not this build's
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert _jobs(monkeypatch, None) == 2


@pytest.mark.parametrize("value", ["0", "zwei", "-2", "1.5"])
def test_a_number_of_jobs_that_is_no_positive_whole_number_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    with pytest.raises(SystemExit, match="QUOTECHECK_MYPYC_JOBS must be a whole number"):
        _jobs(monkeypatch, value)


def _compile_in_parallel(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Callable[..., list[str]]]:
    return _run_setup(monkeypatch, "egg_info")[1]["compile_in_parallel"]  # type: ignore[no-any-return]


def test_the_c_files_compile_side_by_side_and_link_in_their_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sources = []
    for name, size in [("runtime.c", 10), ("__native_ab12.c", 3000), ("text.c", 500)]:
        (tmp_path / name).write_text("x" * size)
        sources.append(str(tmp_path / name))
    started: list[str] = []
    together = threading.Barrier(2, timeout=10)  # fails unless two files are compiled at once

    def compile_(files: list[str], output_dir: str = "", **options: object) -> list[str]:
        assert options == {"debug": False}
        started.append(Path(files[0]).name)
        if len(started) <= 2:
            together.wait()
        return [str(Path(output_dir) / Path(f).with_suffix(".o").name) for f in files]

    objects = _compile_in_parallel(monkeypatch)(compile_, 2)(sources, output_dir="build", debug=False)
    assert objects == ["build/runtime.o", "build/__native_ab12.o", "build/text.o"]
    assert sorted(started[:2]) == ["__native_ab12.c", "text.c"]  # the largest first, the smallest last
    assert started[2] == "runtime.c"


def test_one_job_compiles_the_files_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []

    def compile_(files: list[str], **options: object) -> list[str]:
        calls.append(files)
        return [f[:-2] + ".o" for f in files]

    assert _compile_in_parallel(monkeypatch)(compile_, 1)(["a.c", "b.c"]) == ["a.o", "b.o"]
    assert calls == [["a.c", "b.c"]]


def test_a_c_file_that_does_not_compile_fails_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    from setuptools.errors import CompileError

    def compile_(files: list[str], **options: object) -> list[str]:
        if files == ["broken.c"]:
            raise CompileError("broken.c:1: error: expected ';'")
        return [f[:-2] + ".o" for f in files]

    with pytest.raises(CompileError, match="expected ';'"):
        _compile_in_parallel(monkeypatch)(compile_, 2)(["fine.c", "broken.c", "also_fine.c"])


def _build_extensions(monkeypatch: pytest.MonkeyPatch, parallel: int | None, sources: list[str], compile_: Callable[..., list[str]]) -> tuple[object, list[str]]:
    """What setup.py's build_ext hands setuptools' own: its ``parallel``, and the objects its compiler makes of ``sources``."""
    import types

    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext

    command = _run_setup(monkeypatch, "egg_info")[1]["build_ext_command"]()(Distribution())
    command.compiler = types.SimpleNamespace(compile=compile_)
    command.parallel = parallel
    seen: list[tuple[object, list[str]]] = []
    monkeypatch.setattr(build_ext, "build_extensions", lambda self: seen.append((self.parallel, self.compiler.compile(sources))))
    command.build_extensions()
    return seen[0]


def test_build_ext_parallel_n_compiles_n_c_files_at_once_instead_of_n_extensions(monkeypatch: pytest.MonkeyPatch) -> None:
    together = threading.Barrier(3, timeout=10)  # fails unless all three are compiled at once

    def compile_(files: list[str], **options: object) -> list[str]:
        together.wait()
        return [f[:-2] + ".o" for f in files]

    monkeypatch.setenv("QUOTECHECK_MYPYC_JOBS", "1")  # --parallel wins over the variable
    assert _build_extensions(monkeypatch, 3, ["a.c", "b.c", "c.c"], compile_) == (None, ["a.o", "b.o", "c.o"])


def test_without_parallel_the_variable_says_how_many_c_files_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []

    def compile_(files: list[str], **options: object) -> list[str]:
        calls.append(files)
        return [f[:-2] + ".o" for f in files]

    monkeypatch.setenv("QUOTECHECK_MYPYC_JOBS", "1")
    assert _build_extensions(monkeypatch, None, ["a.c", "b.c"], compile_) == (None, ["a.o", "b.o"])
    assert calls == [["a.c", "b.c"]]
