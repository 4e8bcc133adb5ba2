"""Analysis backends: turn text into a :class:`~quotecheck.analysis.base.Doc`.

Pipeline stage 1 (analysis): chooses the backend that makes the Doc all rules read.

The rules read tokens with lemma, part of speech, morphology, dependencies and
entity labels where a backend provides them, and fall back to surface patterns
where it does not. ``embedded`` (the default) is offline and model-free;
``stanza`` needs the optional stanza package and its German models
(:mod:`quotecheck.analysis.stanza_backend`, imported only when asked for).
"""

from __future__ import annotations

from typing import Any

from quotecheck.analysis.base import Doc
from quotecheck.analysis.embedded import EmbeddedBackend
from quotecheck.lexicon import Lexicon

__all__ = ["BACKENDS", "Doc", "EmbeddedBackend", "get_backend"]

#: Names accepted by :func:`get_backend`.
BACKENDS = ("embedded", "stanza")


def get_backend(name: str, *, lexicon: Lexicon | None = None, **options: Any) -> Any:
    """The analysis backend called ``name``.

    ``lexicon`` gives the embedded tokenizer its abbreviations and month names
    (default: the packaged lexicon; stanza tokenizes with its own model).
    ``embedded`` takes no other options (None-valued ones are ignored, so callers
    can pass ``stanza_dir=None`` whatever the backend); ``stanza`` takes ``stanza_dir`` (default:
    stanza's own model folder) and raises
    :class:`~quotecheck.errors.BackendUnavailable` when stanza or its German
    models are missing. An unknown name is a ValueError listing the backends.
    """
    if name == "embedded":
        given = sorted(key for key, value in options.items() if value is not None)
        if given:
            raise TypeError(f"the embedded backend takes no options, got {', '.join(given)}")
        return EmbeddedBackend(lexicon)
    if name == "stanza":
        from quotecheck.analysis.stanza_backend import StanzaBackend

        return StanzaBackend(**options)
    raise ValueError(f"unknown backend {name!r}; available: {', '.join(BACKENDS)}")
