"""The claims between rules: what the rules found so far in a document, and the text they claim.

Pipeline stage 2 (rules): :class:`~quotecheck.extractor.Extractor` runs its rules
in order over one :class:`Claims` (the wiring, and the ``Rule`` protocol, are in
:mod:`~quotecheck.rules.pipeline`, which re-exports it). Every rule asks it, per
sentence, which text an earlier rule took („Kim sagte: „Wir kommen.““: the quote's
characters); it lives apart from the protocol so that the compiled build
(``QUOTECHECK_MYPYC=1``) compiles it, while the protocol users implement stays
pure Python.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Iterator, Sequence

from quotecheck.analysis.base import Doc
from quotecheck.ranges import CharSpan
from quotecheck.rules.candidate import Candidate, char_span
from quotecheck.rules.quotemarks import QuotedSpan
from quotecheck.spanindex import SpanIndex
from quotecheck.text import Sentence

__all__ = ["Claims"]


class Claims:
    """What the rules found so far in one document, and the text they claim.

    A rule asks which claimed spans overlap a sentence (:meth:`by_sentence`) or a
    span (:meth:`overlapping`) and leaves that text alone; :meth:`add` records a
    rule's candidates and claims their contents, and their frames when the rule
    claims frames. ``quoted`` holds the quoted spans direct speech left over (titles,
    scare quotes, fragments: the pieces later rules may find inside their content);
    it stays None when no rule paired the quotation marks.

    >>> from quotecheck.analysis import EmbeddedBackend
    >>> doc = EmbeddedBackend().analyse("„Ja“, sagte sie. Er schwieg.")
    >>> claims = Claims(doc)
    >>> claims.add(Candidate("direct", [(1, 3)], 0), frames=False)
    >>> [len(spans) for _, spans in claims.by_sentence()]
    [1, 0]
    """

    __slots__ = ("doc", "candidates", "quoted", "_spans", "_index", "_content_starts")

    def __init__(self, doc: Doc, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.candidates: list[Candidate] = []
        self.quoted: tuple[QuotedSpan, ...] | None = None
        self._spans: list[CharSpan] = [CharSpan(*s) for s in spans]
        self._index: SpanIndex[CharSpan] | None = None
        self._content_starts: list[tuple[int, int]] | None = None

    @classmethod
    def of(cls, doc: Doc, taken: Claims | Iterable[tuple[int, int]]) -> Claims:
        """``taken`` itself if it is a :class:`Claims`, else the claims of those character spans.

        Lets a rule's function be called with the claims of a pipeline or, in a test,
        with a list of spans.
        """
        return taken if isinstance(taken, Claims) else cls(doc, taken)

    def add(self, found: Candidate | Iterable[Candidate], *, frames: bool) -> None:
        """Record candidates and claim their contents (and frames, with ``frames``)."""
        for candidate in [found] if isinstance(found, Candidate) else found:
            self.candidates.append(candidate)
            self._spans.extend(candidate.content)
            if frames and candidate.frame is not None:
                self._spans.append(char_span(self.doc, *candidate.frame))  # a frame is no content
        self._index = None
        self._content_starts = None

    @property
    def spans(self) -> Sequence[CharSpan]:
        """Every claimed character span, in the order claimed."""
        return self._spans

    def overlapping(self, start: int, end: int) -> list[CharSpan]:
        """The claimed spans that share a character with ``[start, end)``, sorted."""
        if self._index is None:
            self._index = SpanIndex(self._spans)
        return self._index.overlapping(start, end)

    def starting_in(self, start: int, end: int) -> list[Candidate]:
        """The candidates with a content span that starts in ``[start, end)``, in the order found.

        A sorted list of content starts, not a scan of every candidate per
        sentence, keeps a rule that asks this for each sentence linear.
        """
        if self._content_starts is None:
            self._content_starts = sorted(
                (span.start, i) for i, candidate in enumerate(self.candidates) for span in candidate.content
            )
        starts = self._content_starts
        lo = bisect.bisect_left(starts, (start, -1))
        hi = bisect.bisect_left(starts, (end, -1))
        return [self.candidates[i] for i in sorted({i for _, i in starts[lo:hi]})]

    def by_sentence(self) -> Iterator[tuple[Sentence, list[CharSpan]]]:
        """Each sentence with the claimed spans that overlap it, so a rule skips text an earlier rule took.

        A bisection index, not a scan per sentence, keeps the cost linear.
        """
        for sentence in self.doc.sentences:
            yield sentence, self.overlapping(sentence.start, sentence.end)
