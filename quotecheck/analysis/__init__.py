"""Analysis backends: turn text into a :class:`~quotecheck.analysis.base.Doc`.

The rules read tokens with lemma, part of speech, morphology, dependencies and
entity labels where a backend provides them, and fall back to surface patterns
where it does not. ``embedded`` (the default) is offline and model-free.
"""

from quotecheck.analysis.base import Doc
from quotecheck.analysis.embedded import EmbeddedBackend

__all__ = ["Doc", "EmbeddedBackend"]
