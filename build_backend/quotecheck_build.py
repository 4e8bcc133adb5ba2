"""The build backend: setuptools' own, plus an opt-in mypyc-compiled build.

``pip install .`` builds a pure-Python wheel with setuptools alone: no compiler,
no mypy. ``QUOTECHECK_MYPYC=1 pip install .`` compiles the modules of
:data:`MYPYC_MODULES` with mypyc into C extensions (about 1.2x to 1.4x the
extraction throughput; a C compiler and the Python headers needed), as black's
wheels are built. Only here does the build ask for mypy: the hooks below add
:data:`MYPYC_REQUIREMENTS` to what the build environment installs when the
variable is set. ``setup.py`` reads the list from here, so it lives in one place.

A module joins the list when it is pure logic that mypyc compiles without a change
of behaviour. Left out: the public model (``quotecheck.model``: users pickle, evolve
and match its classes), ``quotecheck.rules.pipeline`` (the runtime-checkable
``Rule`` protocol that users implement; the ``Claims`` it hands every rule live in
the compiled ``rules.claims``, re-exported there), and ``quotecheck.rules.candidate``, whose
attrs classes declare ``field(converter=…)`` and ``field(validator=…)``: mypyc
checks such a ``field(...)`` placeholder against the declared type when it builds
the class, and fails at import (its functions, called at every token, live in the
compiled ``rules.claimed``). The compiled modules avoid that placeholder: a cache
starts in ``__attrs_post_init__`` (``lexicon.core``), a factory is typed ``Any``
(``attribution.entities``). A span type bound by ``tuple[int, ...]`` rather than
``tuple[int, int]`` (``spanindex``) keeps a ``CharSpan`` whole: mypyc unboxes a
fixed pair and boxes it back as a plain tuple.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - the standard hooks, unchanged

#: The environment variable that opts in; "1" compiles, anything else does not.
MYPYC_VARIABLE = "QUOTECHECK_MYPYC"

#: What the compiled build needs beside setuptools: mypyc, and what mypy must read to
#: type-check the package as ``mypy quotecheck`` does (attrs for its plugin, simplemma's
#: types, the stubs of regex and tqdm). Tested with mypy 2.4.
MYPYC_REQUIREMENTS = ("mypy[mypyc]>=2.4,<3", "attrs>=24.1", "simplemma>=1.1", "types-regex", "types-tqdm")

#: The modules compiled, relative to the project root: the hot, function-heavy ones.
MYPYC_MODULES = (
    "quotecheck/text.py",
    "quotecheck/columns.py",
    "quotecheck/morph.py",
    "quotecheck/token_pattern.py",
    "quotecheck/verbforms.py",
    "quotecheck/analysis/base.py",
    "quotecheck/analysis/lemmas.py",
    "quotecheck/spanindex.py",
    "quotecheck/lexicon/core.py",
    "quotecheck/lexicon/indexes.py",
    "quotecheck/lexicon/pieces.py",
    "quotecheck/lexicon/words.py",
    "quotecheck/attribution/__init__.py",
    "quotecheck/attribution/addressees.py",
    "quotecheck/attribution/clause_subjects.py",
    "quotecheck/attribution/coreference.py",
    "quotecheck/attribution/entities.py",
    "quotecheck/attribution/mentions.py",
    "quotecheck/attribution/naming.py",
    "quotecheck/attribution/nounphrase.py",
    "quotecheck/attribution/nounphrase_parts.py",
    "quotecheck/attribution/occurrences.py",
    "quotecheck/attribution/sources.py",
    "quotecheck/attribution/speakers.py",
    "quotecheck/attribution/statements.py",
    "quotecheck/attribution/words.py",
    "quotecheck/rules/__init__.py",
    "quotecheck/rules/according.py",
    "quotecheck/rules/claimed.py",
    "quotecheck/rules/claims.py",
    "quotecheck/rules/clauses.py",
    "quotecheck/rules/content.py",
    "quotecheck/rules/cues.py",
    "quotecheck/rules/dependency.py",
    "quotecheck/rules/direct.py",
    "quotecheck/rules/fragments.py",
    "quotecheck/rules/free_indirect.py",
    "quotecheck/rules/indirect.py",
    "quotecheck/rules/indirect_content.py",
    "quotecheck/rules/indirect_frames.py",
    "quotecheck/rules/indirect_nouns.py",
    "quotecheck/rules/names.py",
    "quotecheck/rules/quotemarks.py",
    "quotecheck/rules/reported.py",
    "quotecheck/rules/reported_acts.py",
    "quotecheck/rules/reported_passive.py",
    "quotecheck/rules/reported_pieces.py",
    "quotecheck/rules/slogans.py",
    "quotecheck/rules/source_phrases.py",
)


def compiling() -> bool:
    """Whether this build compiles with mypyc (``QUOTECHECK_MYPYC=1``)."""
    return os.environ.get(MYPYC_VARIABLE, "") == "1"


def _extra() -> list[str]:
    return list(MYPYC_REQUIREMENTS) if compiling() else []


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    """setuptools' requirements, and mypyc's when the build compiles."""
    return [*_setuptools.get_requires_for_build_wheel(config_settings), *_extra()]


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    """As for a wheel: an editable install compiles too when asked to."""
    return [*_setuptools.get_requires_for_build_editable(config_settings), *_extra()]
