"""The examples in the integration modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

#: Module and the optional libraries its examples need.
MODULES = {
    "quotecheck.config": (),
    "quotecheck.errors": (),
    "quotecheck.frame": (),
    "quotecheck.spacy": ("spacy",),
}


@pytest.mark.parametrize("name", list(MODULES))
def test_docstring_examples_run(name: str) -> None:
    for module in MODULES[name]:
        pytest.importorskip(module)
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
