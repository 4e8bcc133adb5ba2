"""What an extractor is made from, small enough to send to another process.

The integrations run quotecheck where the caller does not hold the
:class:`~quotecheck.extractor.Extractor` itself: in spaCy's worker processes
(``nlp.pipe(texts, n_process=2)``) and on Dask workers, possibly on other
machines. Sending a loaded extractor there would copy its lexica for every task;
sending an :class:`ExtractorConfig` (a few strings) and building the extractor
once per process, on first use, does not. :func:`extractor_for` is that
per-process cache, keyed by configuration, so two pipelines that ask for the
same configuration share one extractor and one that asks for another gets its
own.

>>> config = ExtractorConfig()
>>> extractor_for(config) is extractor_for(ExtractorConfig())
True
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from attrs import field, frozen
from attrs.validators import in_, instance_of, optional

from quotecheck.analysis import BACKENDS
from quotecheck.extractor import Extractor
from quotecheck.model import DocumentResult

__all__ = ["ExtractorConfig", "extractor_for", "process_documents"]


def _path(value: str | os.PathLike[str] | None) -> str | None:
    return None if value is None else os.fspath(value)


@frozen
class ExtractorConfig:
    """The arguments of :class:`~quotecheck.extractor.Extractor`, as plain values.

    ``backend`` is a backend name (not an object: the config must pickle and
    hash); ``organizations``, ``stanza_dir`` and ``lexicon`` (a folder of the
    user's data files, see :func:`~quotecheck.lexicon.overlay.overlay_lexicon`)
    are paths that must exist where the extractor is built (on every worker of
    a cluster).
    """

    backend: str = field(default="embedded", validator=in_(BACKENDS))
    organizations: str | None = field(default=None, converter=_path, validator=optional(instance_of(str)))
    stanza_dir: str | None = field(default=None, converter=_path, validator=optional(instance_of(str)))
    lexicon: str | None = field(default=None, converter=_path, validator=optional(instance_of(str)))

    def build(self) -> Extractor:
        """A new extractor (loads the lexica: use :func:`extractor_for` to share one)."""
        return Extractor(backend=self.backend, organizations=self.organizations, stanza_dir=self.stanza_dir,
                         lexicon=self.lexicon)


_extractors: dict[ExtractorConfig, Extractor] = {}
_lock = threading.Lock()


def extractor_for(config: ExtractorConfig) -> Extractor:
    """This process's extractor for ``config``, built on the first call only.

    Thread-safe: a Dask worker running several tasks at once builds it once.
    """
    extractor = _extractors.get(config)
    if extractor is None:
        with _lock:
            extractor = _extractors.get(config)
            if extractor is None:
                extractor = _extractors[config] = config.build()
    return extractor


def built_here() -> int:
    """How many extractors this process has built through :func:`extractor_for` (for tests)."""
    return len(_extractors)


def process_documents(
    documents: Iterable[Any], config: ExtractorConfig, *, strip_html: bool = False
) -> Iterator[DocumentResult]:
    """:meth:`Extractor.extract_many` with this process's shared extractor.

    Items are texts or ``{"id", "text"}`` mappings; a bad one (text missing or
    not a string) gets its error record, as in the CLI.
    """
    return extractor_for(config).extract_many(documents, strip_html=strip_html)
