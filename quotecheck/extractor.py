"""The pipeline: text → analysis → candidate quotes → attribution → quotes (with nested ones).

An :class:`Extractor` loads the lexica and the backend once and is reused for
any number of documents; :func:`extract` is the one-call convenience.
"""

from __future__ import annotations

import functools
import os
import warnings
from typing import Any, Callable, Iterable, Iterator, Mapping, Protocol, Sequence

import attrs

from quotecheck.analysis.base import Doc, forget_document_memo
from quotecheck.analysis import BACKENDS, get_backend
from quotecheck.attribution import attribute
from quotecheck import parallel
from quotecheck.budget import DocumentTimeout, time_budget
from quotecheck.errors import InputError
from quotecheck.inputs import json_id, json_kind
from quotecheck.lexicon import Lexicon, load_lexicon
from quotecheck.lexicon.overlay import overlay_lexicon
from quotecheck.model import DocumentResult, Mention, MentionType, Quote
from quotecheck.nesting import nest_pieces
from quotecheck.rules import DEFAULT_RULES, dependency
from quotecheck.rules.candidate import Candidate
from quotecheck.rules.fragments import attach_fragments
from quotecheck.rules.names import without_names
from quotecheck.rules.pipeline import Claims, Rule, check_rules, require
from quotecheck.rules.quotemarks import pair_quotation_marks

__all__ = ["Extractor", "extract", "BACKENDS"]



class Backend(Protocol):
    """What an analysis backend offers the pipeline."""

    name: str

    def analyse(self, text: str) -> Doc: ...



class Extractor:
    """Finds and attributes the quotes of German news texts.

    >>> ex = Extractor()
    >>> [q.speaker.name for q in ex.extract('„Wir bleiben hart“, sagte Anna Berger.')]
    ['Anna Berger']

    ``backend`` is ``"embedded"`` (default: offline, no models), ``"stanza"``
    (needs ``pip install "quotecheck-de[stanza]"`` and stanza's German models in
    ``stanza_dir``; see the README) or any object with ``analyse(text) -> Doc``.
    ``organizations`` is a TSV file of extra news agencies, media and government
    bodies (same columns as the packaged ``agencies.tsv``); user entries win.
    ``lexicon`` is a :class:`~quotecheck.lexicon.Lexicon`, or a folder of the
    user's data files (``speech_verbs.tsv``, ``roles.tsv``, ``agencies.tsv`` …)
    laid over the packaged ones: their lines add to and replace the packaged
    lines (:func:`~quotecheck.lexicon.overlay.overlay_lexicon`).
    ``rules`` are the speech rules in order of precedence (default
    :data:`~quotecheck.rules.DEFAULT_RULES`); a rule that needs an annotation the
    backend does not provide („parse“ from the embedded backend) is a
    :class:`~quotecheck.errors.PipelineError` here, not a surprise later.
    """

    def __init__(
        self,
        *,
        backend: str | Backend = "embedded",
        organizations: str | os.PathLike[str] | None = None,
        stanza_dir: str | os.PathLike[str] | None = None,
        lexicon: Lexicon | str | os.PathLike[str] | None = None,
        rules: Sequence[Rule] = DEFAULT_RULES,
    ) -> None:
        if lexicon is None:
            lexicon = load_lexicon()
        elif not isinstance(lexicon, Lexicon):
            lexicon = overlay_lexicon(lexicon)
        if organizations is not None:
            lexicon = lexicon.with_organizations(organizations)
        self.lexicon = lexicon
        if isinstance(backend, str):
            self.backend = get_backend(backend, stanza_dir=stanza_dir, lexicon=lexicon)
        else:
            self.backend = backend  # any object with analyse(text) -> Doc
        #: What the backend's documents carry, if it says (else each document is checked).
        self._provides: frozenset[str] | None = getattr(self.backend, "provides", None)
        self.rules = check_rules(rules, self._provides, self._backend_name)

    @property
    def _backend_name(self) -> str:
        return str(getattr(self.backend, "name", type(self.backend).__name__))

    def analyse(self, text: str) -> Doc:
        """The backend's analysis of ``text`` (tokens, sentences, lemmas …)."""
        doc: Doc = self.backend.analyse(text)
        return doc

    def extract(self, text: str, doc_id: str | None = None) -> list[Quote]:
        """All quotes of one document, in text order.

        Raises :class:`~quotecheck.errors.InputError` if ``text`` is not a string.
        """
        if not isinstance(text, str):
            raise InputError(f"text must be a string, not {type(text).__name__}")
        doc = self.analyse(text)
        try:
            candidates = self.candidates(doc)
            forget_document_memo(doc)  # each stage's memos end with it (see forget_document_memo)
            quotes = attribute(doc, self.lexicon, candidates, doc_id, consume=True)
            forget_document_memo(doc)
            if doc.entities is not None:
                quotes = [_typed_by_entities(doc, q) for q in quotes]
            return nest_pieces(doc, quotes)
        finally:  # also after a timeout or an error: nothing of the document is kept
            forget_document_memo(doc)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """The candidate quotes of an analysed document: every rule in order, then refined.

        Each rule skips the text the rules before it claimed (:class:`Claims`); the
        tree refines contents where the backend parses, and the quoted pieces inside
        indirect and reported contents become their fragments.
        """
        if self._provides is None:
            for rule in self.rules:
                require(rule, doc.provides, self._backend_name)
        claims = Claims(doc)
        for rule in self.rules:
            claims.add(rule(doc, self.lexicon, claims), frames=rule.claims_frames)
        candidates = claims.candidates
        if doc.has_parse:
            candidates = [dependency.refine_content(doc, c, self.lexicon) for c in candidates]
        quoted = claims.quoted
        if quoted is None:
            quoted = without_names(doc, self.lexicon, pair_quotation_marks(doc.layer))
        return attach_fragments(candidates, quoted)

    def process(
        self, doc_id: Any, text: Any, *, strip_html: bool = False, max_seconds: float | None = None
    ) -> DocumentResult:
        """One output record for one document; never raises for bad input.

        ``strip_html`` analyses the document's clean text
        (:func:`quotecheck.markup.strip_html`) and moves every span back to
        the original offsets; role texts are what the spans cover there.

        ``max_seconds`` is a time budget: a document still being analysed after
        that long gets a ``{"type": "Timeout"}`` error record instead of its
        quotes (see :mod:`quotecheck.budget` for how it is enforced; None, the
        default, means no limit). A document that exhausts memory gets a
        ``MemoryError`` record; any other failure an ``InternalError`` record.
        A non-string ``doc_id`` is spelled as JSON (``True`` → ``"true"``).
        """
        try:
            doc_id = json_id(doc_id)
        except InputError as error:
            return DocumentResult(None, (), {"type": "InputError", "message": str(error)})
        try:
            with time_budget(max_seconds):
                return DocumentResult(doc_id, self._quotes(doc_id, text, strip_html))
        except DocumentTimeout:
            message = f"processing took longer than {max_seconds:g} s (the per-document time budget)"
            return DocumentResult(doc_id, (), {"type": "Timeout", "message": message})
        except InputError as error:
            return DocumentResult(doc_id, (), {"type": "InputError", "message": str(error)})
        except MemoryError:
            size = f"{len(text):,} characters" if isinstance(text, str) else "it"
            message = f"out of memory while processing this document ({size})"
            return DocumentResult(doc_id, (), {"type": "MemoryError", "message": message})
        except Exception as error:  # a bug must not lose the record: report it in place
            message = f"{type(error).__name__}: {error}"
            return DocumentResult(doc_id, (), {"type": "InternalError", "message": message})

    def _quotes(self, doc_id: str | None, text: Any, strip_html: bool) -> list[Quote]:
        if text is None:
            raise InputError("'text' is missing or null")
        if not isinstance(text, str):
            raise InputError(f"'text' must be a string, not {json_kind(text)}")
        if strip_html:
            from quotecheck.markup import strip_html as _strip

            cleaned = _strip(text)
            return [cleaned.restore(q, text) for q in self.extract(cleaned.text, doc_id)]
        return self.extract(text, doc_id)

    def extract_many(
        self,
        documents: Iterable[Mapping[str, Any] | str],
        *,
        jobs: int = 1,
        strip_html: bool = False,
        max_seconds: float | None = None,
    ) -> Iterator[DocumentResult]:
        """Stream results for many documents, in input order.

        Each item is a text or a mapping with ``id`` and ``text``. The input is
        consumed lazily: with ``jobs`` > 1 the documents are processed in that
        many worker processes (0: one per CPU; more than the CPUs are capped),
        but only a bounded window of them is in flight, so memory stays flat for
        an endless stream. Results come back in input order and are identical to
        ``jobs=1``. If the input iterator raises, every document read before is
        yielded first. ``max_seconds`` is :meth:`process`'s time budget per
        document. See :mod:`quotecheck.parallel`.
        """
        return self.process_many(
            (_as_pair(item) for item in documents), jobs=jobs, strip_html=strip_html, max_seconds=max_seconds
        )

    def process_many(
        self,
        items: Iterable[tuple[Any, Any] | DocumentResult],
        *,
        jobs: int = 1,
        strip_html: bool = False,
        then: Callable[[DocumentResult], Any] | None = None,
        max_seconds: float | None = None,
    ) -> Iterator[Any]:
        """:meth:`process` over ``(id, text)`` pairs, streaming and in order.

        A :class:`DocumentResult` among the items (a failure found while
        reading, say) passes through unchanged at its place, which lets the
        CLI keep one record per input line without sending bad lines to the
        workers. ``then`` (a module-level function, so workers can receive it)
        is applied to every result where it is computed: the CLI serialises
        in the workers, keeping the parent process light.
        """
        task = parallel.Task(strip_html=strip_html, max_seconds=max_seconds, then=then)
        if jobs != 1:
            jobs, warning = parallel.resolve_jobs(jobs)
            if warning is not None:
                warnings.warn(warning.replace("--jobs", "jobs="), RuntimeWarning, stacklevel=2)
        if jobs <= 1:
            return (parallel.finish(item, self, task) for item in items)
        return parallel.ordered_map(self, items, jobs, task)



#: Named-entity labels of a backend and the speaker type they mean.
_ENTITY_TYPES: dict[str, MentionType] = {"PER": "person", "ORG": "organization"}


def _typed_by_entities(doc: Doc, quote: Quote) -> Quote:
    """Speaker and addressee types from the backend's named entities.

    The surface rules guess a type from role nouns, the gazetteer and the shape
    of a name („Bahn“ looks like a surname); a tagger that labels the whole
    mention PER or ORG knows better.
    """

    def typed(mention: Mention | None) -> Mention | None:
        if mention is None or doc.entities is None:
            return mention
        entities = doc.entities
        labels = {entities[i] for span in mention.spans for i in _tokens_in(doc, span.start, span.end)}
        found = {label for label in labels if label is not None and label in _ENTITY_TYPES}
        if len(found) == 1:
            return attrs.evolve(mention, type=_ENTITY_TYPES[found.pop()])
        return mention

    return attrs.evolve(quote, speaker=typed(quote.speaker), addressee=typed(quote.addressee))


def _tokens_in(doc: Doc, start: int, end: int) -> Iterator[int]:
    """Indices of the tokens that start inside ``[start, end)``."""
    i = doc.layer.token_at(start)
    while i is not None and i < len(doc.tokens) and doc.tokens[i].start < end:
        yield i
        i += 1


def _as_pair(item: Mapping[str, Any] | str) -> tuple[Any, Any]:
    """``(id, text)`` of one :meth:`Extractor.extract_many` item; bad values go on to :meth:`process`."""
    if isinstance(item, str):
        return None, item
    if isinstance(item, Mapping):
        return item.get("id"), item.get("text")
    return None, item


@functools.cache
def _default() -> Extractor:
    return Extractor()


def extract(text: str) -> list[Quote]:
    """Quotes of one German text with the default extractor (loaded once)."""
    return _default().extract(text)
