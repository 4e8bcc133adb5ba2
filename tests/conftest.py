"""Shared test configuration: hypothesis settings profiles and the extractor fixture.

``ci`` (the default) runs about a hundred examples per property with no
deadline, because the first call of a property loads the lexica and a shared CI
machine can be slow; ``dev`` runs few examples for a quick edit-test loop. Pick
one with ``HYPOTHESIS_PROFILE=dev python -m pytest`` or ``--hypothesis-profile``.
"""

from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import HealthCheck, settings

from quotecheck.extractor import Extractor

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=20, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    """The lemma table (quotecheck.analysis.lemmas) goes to pytest's cache, not the user's.

    Built once per checkout (a few seconds); CLI subprocesses inherit the variable.
    """
    if not os.environ.get("QUOTECHECK_CACHE_DIR"):
        cache = getattr(config, "cache", None)
        folder = cache.mkdir("quotecheck") if cache is not None else tempfile.mkdtemp(prefix="quotecheck-")
        os.environ["QUOTECHECK_CACHE_DIR"] = str(folder)


@pytest.fixture(scope="session")
def ex() -> Extractor:
    """One extractor with the packaged lexicon, shared by the rule tests."""
    return Extractor()
