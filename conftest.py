"""Collection settings for the whole repository (doctests of the package included).

The doctests of :mod:`quotecheck` run with the test suite (``--doctest-modules`` in
pyproject.toml). A module of an optional extra is collected only when its extra
is installed, so that a core install runs the suite cleanly.
"""

from __future__ import annotations

import importlib.util

#: Modules that need an optional extra, with the package that extra installs.
_OPTIONAL = {
    "quotecheck/analysis/stanza_backend.py": "stanza",
    "quotecheck/spacy.py": "spacy",
    "quotecheck/dask.py": "dask",
}

collect_ignore = [path for path, package in _OPTIONAL.items() if importlib.util.find_spec(package) is None]
