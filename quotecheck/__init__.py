"""quotecheck: who said what, and according to whom, in German news text.

>>> import quotecheck
>>> quote = quotecheck.extract('„Wir streiken weiter“, sagte Gewerkschaftschef Jan Roth.')[0]
>>> quote.content.text, quote.speaker.name, quote.cue.text
('Wir streiken weiter', 'Jan Roth', 'sagte')
"""

from importlib.machinery import ExtensionFileLoader
from typing import TYPE_CHECKING, Any

from quotecheck import text as _text
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
from quotecheck.rules import DEFAULT_RULES, Rule

if TYPE_CHECKING:
    from quotecheck.provenance import CompareConfig, Comparison, Conflict, Rendering, StatementGroup, compare

#: The distribution's name on PyPI ("quotecheck" there is an unrelated project).
DISTRIBUTION = "quotecheck-de"

#: Whether this install runs the mypyc-compiled modules (``QUOTECHECK_MYPYC=1 pip
#: install``, README "Faster, compiled build") or pure Python: the same results either
#: way, the compiled build faster. ``quotecheck --version`` says so too.
compiled: bool = isinstance(_text.__loader__, ExtensionFileLoader)

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
    "compiled",
    "extract",
    "to_frame",
]

#: The public names :func:`__getattr__` imports from :mod:`quotecheck.provenance` on first use.
_PROVENANCE = frozenset({"CompareConfig", "Comparison", "Conflict", "Rendering", "StatementGroup", "compare"})


def __getattr__(name: str) -> Any:
    """What is costly to import, looked up on first use.

    ``__version__``: importlib.metadata costs 40 ms at start-up. ``to_frame``: so
    that ``import quotecheck`` never imports pandas. The comparison API
    (``compare`` …): :mod:`quotecheck.provenance` with hashlib and difflib costs
    about 25 ms that ``quotecheck extract`` never needs.
    """
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version(DISTRIBUTION)
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0"
        globals()["__version__"] = value
        return value
    if name == "to_frame":
        from quotecheck.frame import to_frame

        return to_frame
    if name in _PROVENANCE:
        from quotecheck import provenance

        value = getattr(provenance, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'quotecheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names with the lazy public ones, before their first use.

    Without it ``dir(quotecheck)`` (and a shell's completion) would not show
    ``compare`` or ``to_frame`` until something had looked them up.
    """
    return sorted(set(globals()) | set(__all__))
