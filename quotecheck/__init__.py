"""quotecheck: who said what, and according to whom, in German news text.

>>> import quotecheck
>>> quote = quotecheck.extract('„Wir streiken weiter“, sagte Gewerkschaftschef Jan Roth.')[0]
>>> quote.content.text, quote.speaker.name, quote.cue.text
('Wir streiken weiter', 'Jan Roth', 'sagte')
"""

from importlib.metadata import PackageNotFoundError, version

from quotecheck.errors import BackendUnavailable, InputError, LexiconError, PipelineError, QuotecheckError
from quotecheck.extractor import Extractor, extract
from quotecheck.model import Cue, DocumentResult, Mention, Quote, Role, Span
from quotecheck.rules import DEFAULT_RULES, Rule

try:
    __version__ = version("quotecheck")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "DEFAULT_RULES",
    "BackendUnavailable",
    "Cue",
    "DocumentResult",
    "Extractor",
    "InputError",
    "LexiconError",
    "Mention",
    "PipelineError",
    "Quote",
    "QuotecheckError",
    "Role",
    "Rule",
    "Span",
    "__version__",
    "extract",
]
