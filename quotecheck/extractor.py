"""The pipeline: text → analysis → candidate quotes → attribution → quotes.

An :class:`Extractor` loads the lexica and the backend once and is reused for
any number of documents; :func:`extract` is the one-call convenience.
"""

from __future__ import annotations

import functools
import os
from typing import Any, Iterable, Iterator, Mapping

from quotecheck.analysis.base import Doc
from quotecheck.analysis.embedded import EmbeddedBackend
from quotecheck.attribution import attribute
from quotecheck.errors import InputError
from quotecheck.lexicon import Lexicon, load_lexicon
from quotecheck.model import DocumentResult, Quote
from quotecheck.rules.according import find_according
from quotecheck.rules.direct import find_direct
from quotecheck.rules.fragments import attach_fragments
from quotecheck.rules.free_indirect import find_free_indirect
from quotecheck.rules.indirect import find_indirect
from quotecheck.rules.reported import find_reported

__all__ = ["Extractor", "extract", "BACKENDS"]

BACKENDS = ("embedded",)


class Extractor:
    """Finds and attributes the quotes of German news texts.

    >>> ex = Extractor()
    >>> [q.speaker.name for q in ex.extract('„Wir bleiben hart“, sagte Anna Berger.')]
    ['Anna Berger']

    ``organizations`` is a TSV file of extra news agencies, media and government
    bodies (same columns as the packaged ``agencies.tsv``); user entries win.
    """

    def __init__(
        self,
        *,
        backend: str = "embedded",
        organizations: str | os.PathLike[str] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}; available: {', '.join(BACKENDS)}")
        lexicon = lexicon if lexicon is not None else load_lexicon()
        if organizations is not None:
            lexicon = lexicon.with_organizations(organizations)
        self.lexicon = lexicon
        self.backend = EmbeddedBackend()
        self._options = {"backend": backend, "organizations": organizations}

    def analyse(self, text: str) -> Doc:
        """The backend's analysis of ``text`` (tokens, sentences, lemmas …)."""
        return self.backend.analyse(text)

    def extract(self, text: str, doc_id: str | None = None) -> list[Quote]:
        """All quotes of one document, in text order.

        Raises :class:`~quotecheck.errors.InputError` if ``text`` is not a string.
        """
        if not isinstance(text, str):
            raise InputError(f"text must be a string, not {type(text).__name__}")
        doc = self.analyse(text)
        direct = find_direct(doc, self.lexicon)
        candidates = list(direct.quotes)
        # Direct speech wins: later rules skip text already claimed.
        taken = [span for c in candidates for span in c.content]
        for rule in (find_indirect, find_according, find_reported):
            found = rule(doc, self.lexicon, taken)
            candidates.extend(found)
            taken.extend(span for c in found for span in c.content)
            taken.extend(_frame_span(doc, c) for c in found if c.frame is not None)
        candidates.extend(find_free_indirect(doc, self.lexicon, candidates))
        candidates = attach_fragments(candidates, direct.other_spans)
        return attribute(doc, self.lexicon, candidates, doc_id)

    def process(self, doc_id: Any, text: Any) -> DocumentResult:
        """One output record for one document; never raises for bad input."""
        try:
            if doc_id is not None and not isinstance(doc_id, str):
                doc_id = str(doc_id)
            if text is None:
                raise InputError("'text' is missing or null")
            return DocumentResult(doc_id, self.extract(text, doc_id))
        except InputError as error:
            return DocumentResult(doc_id, (), {"type": "InputError", "message": str(error)})
        except Exception as error:  # a bug must not lose the record: report it in place
            message = f"{type(error).__name__}: {error}"
            return DocumentResult(doc_id, (), {"type": "InternalError", "message": message})

    def extract_many(
        self, documents: Iterable[Mapping[str, Any] | str], *, jobs: int = 1
    ) -> Iterator[DocumentResult]:
        """Stream results for many documents, in input order.

        Each item is a text or a mapping with ``id`` and ``text``. With ``jobs``
        > 1 the documents are processed in that many worker processes; results
        still come back in input order.
        """
        pairs = (_as_pair(item, n) for n, item in enumerate(documents))
        if jobs <= 1:
            for doc_id, text in pairs:
                yield self.process(doc_id, text)
            return
        import multiprocessing

        context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
        with context.Pool(jobs, initializer=_init_worker, initargs=(self._options,)) as pool:
            yield from pool.imap(_work, pairs, chunksize=16)


def _frame_span(doc: Doc, cand) -> tuple[int, int]:
    start, end = cand.frame
    return doc.tokens[start].start, doc.tokens[end - 1].end


def _as_pair(item: Mapping[str, Any] | str, n: int) -> tuple[Any, Any]:
    if isinstance(item, str):
        return None, item
    if isinstance(item, Mapping):
        return item.get("id"), item.get("text")
    return None, item


_worker: Extractor | None = None


def _init_worker(options: Mapping[str, Any]) -> None:
    global _worker
    _worker = Extractor(**options)


def _work(pair: tuple[Any, Any]) -> DocumentResult:
    assert _worker is not None
    return _worker.process(*pair)


@functools.cache
def _default() -> Extractor:
    return Extractor()


def extract(text: str) -> list[Quote]:
    """Quotes of one German text with the default extractor (loaded once)."""
    return _default().extract(text)
