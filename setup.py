"""The compiled extensions, only when ``QUOTECHECK_MYPYC=1`` (see build_backend/quotecheck_build.py).

Everything else about the package is in pyproject.toml; without the variable this
adds nothing and the wheel is pure Python.
"""

import sys
from pathlib import Path

from setuptools import setup

sys.path.insert(0, str(Path(__file__).resolve().parent / "build_backend"))
from quotecheck_build import MYPYC_MODULES, MYPYC_REQUIREMENTS, compiling  # noqa: E402

#: Commands that build no code: setuptools runs this file for metadata alone first
#: (``egg_info`` when asked for the build requirements, before mypy is installed;
#: ``dist_info``), and a source distribution holds the sources only (``python -m
#: build`` makes it first, in an environment without mypy). No extensions then.
SOURCE_ONLY_COMMANDS = {"egg_info", "dist_info", "sdist"}


def extensions() -> list:  # type: ignore[type-arg]
    """mypyc's extensions of :data:`MYPYC_MODULES` when this build compiles, else none."""
    if not compiling() or SOURCE_ONLY_COMMANDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        raise SystemExit(f"QUOTECHECK_MYPYC=1 needs {', '.join(MYPYC_REQUIREMENTS)} in the build environment") from None
    return mypycify(list(MYPYC_MODULES), opt_level="3")


setup(ext_modules=extensions())
