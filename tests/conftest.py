"""Shared test configuration: hypothesis settings profiles and the shared fixtures.

Hypothesis profiles (``HYPOTHESIS_PROFILE=NAME`` or ``--hypothesis-profile NAME``
picks one; without either, ``CI`` in the environment decides):

* ``ci`` -- the full strength, a hundred examples per property; the profile of
  a run with ``CI=true`` (``.ci/run``).
* ``dev`` -- a fifth of that, the profile of a plain ``python -m pytest``: every
  property still runs, with fewer examples, so that the default run stays quick.
* ``thorough`` -- a thousand examples, for a property you are working on.

No profile has a deadline (the first call of a property loads the lexica, and a
shared machine can be slow). A property that asks for its own count says
``@settings(max_examples=examples(300))`` (:func:`tests.strategies.examples`),
which is 300 under ``ci`` and the same share of it as the profile's under the
others.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from quotecheck import cli
from quotecheck.extractor import Extractor
from tests.ci import in_ci

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "gold.jsonl"


_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "print_blob": True}
settings.register_profile("ci", max_examples=100, **_COMMON)
settings.register_profile("dev", max_examples=20, **_COMMON)
settings.register_profile("thorough", max_examples=1000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev"))


def pytest_configure(config: pytest.Config) -> None:
    """The lemma table (quotecheck.analysis.lemmas) goes to pytest's cache, not the user's.

    Built once per checkout (a few seconds); CLI subprocesses inherit the variable.
    """
    if not os.environ.get("QUOTECHECK_CACHE_DIR"):
        cache = getattr(config, "cache", None)
        folder = cache.mkdir("quotecheck") if cache is not None else tempfile.mkdtemp(prefix="quotecheck-")
        os.environ["QUOTECHECK_CACHE_DIR"] = str(folder)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the tests marked ``slow`` out of a plain run; CI (``CI=true``) and ``-m`` choose for themselves.

    So ``python -m pytest`` is quick where someone edits, and the same command under
    ``CI=true`` runs everything (as does ``-m "slow or not slow"`` anywhere).
    """
    if config.getoption("markexpr") or in_ci():
        return
    kept = [item for item in items if item.get_closest_marker("slow") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker("slow") is not None])
        items[:] = kept


@pytest.fixture(scope="session")
def ex() -> Extractor:
    """One extractor with the packaged lexicon, shared by the rule tests."""
    return Extractor()


@pytest.fixture(scope="session")
def corpus_cli_output(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """What ``quotecheck extract corpus/gold.jsonl -q`` writes, made once per run.

    The integrations (Dask, data frames, spaCy, the writers) are each checked
    against the CLI's records on the corpus; running the CLI over all of it once
    for all of them, instead of once per test, saves most of a second each.
    """
    out = tmp_path_factory.mktemp("corpus-cli") / "gold.out.jsonl"
    assert cli.main(["extract", str(CORPUS), "-o", str(out), "-q"]) == 0
    return out.read_bytes()


@pytest.fixture
def corpus_cli_lines(corpus_cli_output: bytes) -> list[bytes]:
    """The CLI's output lines on ``corpus/gold.jsonl`` (a fresh list for each test)."""
    return corpus_cli_output.splitlines(keepends=True)


@pytest.fixture
def corpus_cli_records(corpus_cli_output: bytes) -> list[dict[str, Any]]:
    """The CLI's records on ``corpus/gold.jsonl``, parsed afresh for each test, in input order."""
    return [json.loads(line) for line in corpus_cli_output.splitlines()]
