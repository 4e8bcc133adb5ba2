"""The compiled extensions, only when ``QUOTECHECK_MYPYC=1`` (see build_backend/quotecheck_build.py).

Everything else about the package is in pyproject.toml; without the variable this
adds nothing and the wheel is pure Python.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from setuptools import setup

sys.path.insert(0, str(Path(__file__).resolve().parent / "build_backend"))
from quotecheck_build import MYPYC_MODULES, MYPYC_REQUIREMENTS, compiling  # noqa: E402

#: Commands that build no code: setuptools runs this file for metadata alone first
#: (``egg_info`` when asked for the build requirements, before mypy is installed;
#: ``dist_info``), and a source distribution holds the sources only (``python -m
#: build`` makes it first, in an environment without mypy). No extensions then.
SOURCE_ONLY_COMMANDS = {"egg_info", "dist_info", "sdist"}

#: How many C files the compiler works on at once: ``QUOTECHECK_MYPYC_JOBS=N``, else
#: one per CPU (``build_ext --parallel N`` sets it too, for an in-place build). pip
#: hands no options to build_ext, so the variable is the way through ``pip install``.
JOBS_VARIABLE = "QUOTECHECK_MYPYC_JOBS"


def cpus() -> int:
    """The CPUs this process may run on (its affinity, where the system tells; a container
    or ``taskset`` may allow fewer than the machine has), else the machine's count."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return len(affinity(0)) or 1
    return os.cpu_count() or 1


def jobs() -> int:
    """The number of compiler processes at once: ``QUOTECHECK_MYPYC_JOBS``, else the CPU count."""
    value = os.environ.get(JOBS_VARIABLE, "").strip()
    if not value:
        return cpus()
    if not value.isdigit() or int(value) < 1:
        raise SystemExit(f"{JOBS_VARIABLE} must be a whole number of at least 1, not {value!r}")
    return int(value)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def compile_in_parallel(compile_: Callable[..., list[str]], workers: int) -> Callable[..., list[str]]:
    """``compiler.compile`` that compiles one extension's C files ``workers`` at a time.

    setuptools compiles the sources of an extension one after the other (its
    ``--parallel`` builds whole extensions side by side), and mypyc puts every module
    into one shared library: with ``multi_file`` that library is one C file per
    module plus mypyc's runtime, compiled here side by side. The largest files start
    first, so that the longest one does not start last; the objects come back in the
    order of the sources (the link order). The first failure stops the files not yet
    started and is raised.
    """

    def compile_all(sources: list[str], *args: Any, **kwargs: Any) -> list[str]:
        if workers < 2 or len(sources) < 2:
            return compile_(sources, *args, **kwargs)
        order = sorted(range(len(sources)), key=lambda i: -_size(sources[i]))
        pool = ThreadPoolExecutor(workers)
        try:
            futures = {i: pool.submit(compile_, [sources[i]], *args, **kwargs) for i in order}
            done, _ = wait(futures.values(), return_when=FIRST_EXCEPTION)
            for future in done:
                error = future.exception()
                if error is not None:
                    raise error
            return [obj for i in range(len(sources)) for obj in futures[i].result()]
        finally:
            pool.shutdown(cancel_futures=True)

    return compile_all


def build_ext_command() -> type:
    """setuptools' ``build_ext`` with each extension's C files compiled in parallel (:func:`compile_in_parallel`)."""
    from setuptools.command.build_ext import build_ext

    class ParallelBuildExt(build_ext):  # type: ignore[misc]
        def build_extensions(self) -> None:
            if self.parallel:  # build_ext --parallel N (or -j N): by file here, not by extension
                workers = cpus() if self.parallel is True else int(self.parallel)
                self.parallel = None
            else:
                workers = jobs()
            self.compiler.compile = compile_in_parallel(self.compiler.compile, workers)
            super().build_extensions()

    return ParallelBuildExt


def extensions() -> list:  # type: ignore[type-arg]
    """mypyc's extensions of :data:`MYPYC_MODULES` when this build compiles, else none.

    One C file per module (``multi_file``) so that they compile side by side; the
    compiled code runs as fast as from one C file (README "Faster, compiled build").
    """
    if not compiling() or SOURCE_ONLY_COMMANDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        raise SystemExit(f"QUOTECHECK_MYPYC=1 needs {', '.join(MYPYC_REQUIREMENTS)} in the build environment") from None
    return mypycify(list(MYPYC_MODULES), opt_level="3", multi_file=True)


_extensions = extensions()
setup(ext_modules=_extensions, cmdclass={"build_ext": build_ext_command()} if _extensions else {})
