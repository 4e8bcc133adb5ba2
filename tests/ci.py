"""Whether a test run is CI's: one answer for the conftest and the browser tests."""

from __future__ import annotations

import os


def in_ci() -> bool:
    """Whether the run is CI's: ``CI=true`` (or 1, yes), as CI services set it for ``.ci/run``."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}
