"""quotecheck: who said what, and according to whom, in German news text.

>>> import quotecheck
>>> quote = quotecheck.extract('„Wir streiken weiter“, sagte Gewerkschaftschef Jan Roth.')[0]
>>> quote.content.text, quote.speaker.name, quote.cue.text
('Wir streiken weiter', 'Jan Roth', 'sagte')
"""

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from quotecheck.errors import (
    BackendUnavailable,
    InputError,
    LexiconError,
    MissingExtra,
    PipelineError,
    QuotecheckError,
)
from quotecheck.extractor import Extractor, extract
from quotecheck.model import Cue, DocumentResult, Mention, Quote, Role, Span
from quotecheck.provenance import CompareConfig, Comparison, Conflict, Rendering, StatementGroup, compare
from quotecheck.rules import DEFAULT_RULES, Rule

#: The distribution's name on PyPI ("quotecheck" there is an unrelated project).
DISTRIBUTION = "quotecheck-de"

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "DEFAULT_RULES",
    "BackendUnavailable",
    "CompareConfig",
    "Comparison",
    "Conflict",
    "Cue",
    "DocumentResult",
    "Extractor",
    "InputError",
    "LexiconError",
    "Mention",
    "MissingExtra",
    "PipelineError",
    "Quote",
    "QuotecheckError",
    "Rendering",
    "Role",
    "Rule",
    "Span",
    "StatementGroup",
    "__version__",
    "compare",
    "extract",
    "to_frame",
]


def __getattr__(name: str) -> Any:
    """``to_frame`` is imported on first use, so ``import quotecheck`` never imports pandas."""
    if name == "to_frame":
        from quotecheck.frame import to_frame

        return to_frame
    raise AttributeError(f"module 'quotecheck' has no attribute {name!r}")
