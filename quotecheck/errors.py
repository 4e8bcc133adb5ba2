"""Typed exceptions. Each carries enough context to act on."""

from __future__ import annotations

__all__ = ["QuotecheckError", "InputError", "BackendUnavailable", "LexiconError", "MissingExtra", "PipelineError"]


class QuotecheckError(Exception):
    """Base class of every error quotecheck raises on purpose."""


class InputError(QuotecheckError, ValueError):
    """A document cannot be processed: not text, not decodable, not valid JSON …

    ``line`` is the 1-based input line when the document came from JSON lines.
    """

    def __init__(self, message: str, *, line: int | None = None, source: str | None = None) -> None:
        self.line = line
        self.source = source
        where = ""
        if source is not None:
            where = f"{source} "
        if line is not None:
            where += f"line {line}: "
        elif where:
            where = where.rstrip() + ": "
        super().__init__(where + message)


class BackendUnavailable(QuotecheckError, RuntimeError):
    """An analysis backend cannot be used here; the message says how to fix it."""


class LexiconError(QuotecheckError, ValueError):
    """A lexicon data file is malformed (the message names file and line)."""


class PipelineError(QuotecheckError, ValueError):
    """An extractor cannot be built from these rules: not a rule, a name twice, or a
    rule that needs an annotation the backend does not provide (the message says which)."""


class MissingExtra(QuotecheckError, ImportError):
    """An optional integration needs a library that is not installed.

    >>> str(MissingExtra("pyarrow", "dataframe"))
    'pyarrow is not installed; pip install "quotecheck-de[dataframe]"'
    """

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(f'{module} is not installed; pip install "quotecheck-de[{extra}]"')
