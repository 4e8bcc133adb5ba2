"""Collection settings for the whole repository (doctests of the package included).

The doctests of :mod:`quotecheck` run with the test suite (``--doctest-modules`` in
pyproject.toml). A module of an optional extra is collected only when its extra
is installed, so that a core install runs the suite cleanly. In a tree whose
modules sit beside their mypyc extensions (a compiled build, README "Faster,
compiled build"), those modules' doctests are not collected: the import finds the
extension, not the file, and pytest stops on the mismatch; the pure run has them.
"""

from __future__ import annotations

import importlib.util
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

#: Modules that need an optional extra, with the package that extra installs.
_OPTIONAL = {
    "quotecheck/analysis/stanza_backend.py": "stanza",
    "quotecheck/spacy.py": "spacy",
    "quotecheck/dask.py": "dask",
}

collect_ignore = [path for path, package in _OPTIONAL.items() if importlib.util.find_spec(package) is None]


def _compiled_beside_source(root: Path) -> list[str]:
    """The package's modules with a compiled extension beside them (``text.py`` beside ``text.cpython-311-….so``)."""
    return [str(path.relative_to(root)) for path in sorted((root / "quotecheck").rglob("*.py"))
            if any(path.with_name(path.stem + suffix).exists() for suffix in EXTENSION_SUFFIXES)]


collect_ignore += _compiled_beside_source(Path(__file__).resolve().parent)
