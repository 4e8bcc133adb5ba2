"""quotecheck: who said what, and according to whom, in German news text.

>>> import quotecheck
>>> quote = quotecheck.extract('„Wir streiken weiter“, sagte Gewerkschaftschef Jan Roth.')[0]
>>> quote.content.text, quote.speaker.name, quote.cue.text
('Wir streiken weiter', 'Jan Roth', 'sagte')
"""

from quotecheck.errors import BackendUnavailable, InputError, LexiconError, QuotecheckError
from quotecheck.extractor import Extractor, extract
from quotecheck.model import Cue, DocumentResult, Mention, Quote, Role, Span

#: The distribution's name on PyPI ("quotecheck" there is an unrelated project).
DISTRIBUTION = "quotecheck-de"


def __getattr__(name: str) -> str:
    """``__version__``, looked up on first use: importlib.metadata costs 40 ms at start-up."""
    if name != "__version__":
        raise AttributeError(f"module 'quotecheck' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version(DISTRIBUTION)
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        value = "0.0.0"
    globals()["__version__"] = value
    return value


__all__ = [
    "BackendUnavailable",
    "Cue",
    "DocumentResult",
    "Extractor",
    "InputError",
    "LexiconError",
    "Mention",
    "Quote",
    "QuotecheckError",
    "Role",
    "Span",
    "__version__",
    "extract",
]
