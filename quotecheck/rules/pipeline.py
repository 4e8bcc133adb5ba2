"""The rule protocol and the claims between rules: how the speech rules are wired.

Pipeline stage 2 (rules): :class:`~quotecheck.extractor.Extractor` runs its rules
in order over one :class:`Claims`.

A rule is any object with a ``name``, the annotations it ``requires`` of the
:class:`~quotecheck.analysis.base.Doc`, whether it ``claims_frames``, and
``__call__(doc, lexicon, claims) -> list[Candidate]``. Precedence between rules is
first come, first served in the order they are given (``DEFAULT_RULES``): each
rule skips text an earlier rule claimed, and :class:`Claims` records what every
rule found and which text it claims. Stanza-style, the extractor checks when it
is built that its backend provides what each rule requires (:func:`check_rules`).
"""

from __future__ import annotations

import bisect
from typing import Iterable, Iterator, Protocol, Sequence, runtime_checkable

from quotecheck.analysis.base import ANNOTATIONS, Doc
from quotecheck.errors import PipelineError
from quotecheck.lexicon import Lexicon
from quotecheck.ranges import CharSpan
from quotecheck.rules.candidate import Candidate, char_span
from quotecheck.rules.quotemarks import QuotedSpan
from quotecheck.spanindex import SpanIndex
from quotecheck.text import Sentence

__all__ = ["Claims", "Rule", "check_rules", "missing_annotations"]


@runtime_checkable
class Rule(Protocol):
    """A speech rule: finds candidate quotes in a document, skipping claimed text.

    ``name`` names the rule in errors and in the output's ``rule`` field prefix;
    ``requires`` is the set of :data:`~quotecheck.analysis.base.ANNOTATIONS` it
    reads („lemmas“, „parse“ …); ``claims_frames`` says whether the frames of its
    candidates („sagte Kim,“, „laut AP“) are claimed besides their contents.
    """

    name: str
    requires: frozenset[str]
    claims_frames: bool

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]: ...


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


def missing_annotations(rule: Rule, provides: frozenset[str]) -> frozenset[str]:
    """What ``rule`` requires of the analysis that ``provides`` lacks."""
    return frozenset(rule.requires) - provides


def check_rules(rules: Sequence[object], provides: frozenset[str] | None, backend: str) -> tuple[Rule, ...]:
    """The rules, checked: each a :class:`Rule`, names unique, requirements met by the backend.

    ``provides`` is what the backend's documents carry (None when the backend does
    not say; each document is then checked as it comes). Raises
    :class:`~quotecheck.errors.PipelineError` saying what is wrong and how to fix it.
    """
    checked: list[Rule] = []
    seen: set[str] = set()
    for rule in rules:
        if not isinstance(rule, Rule) or not isinstance(rule.name, str):
            raise PipelineError(
                f"{rule!r} is not a rule: a rule has a name, a set of required annotations, "
                "claims_frames, and is called as rule(doc, lexicon, claims) -> list[Candidate]"
            )
        unknown = frozenset(rule.requires) - ANNOTATIONS
        if unknown:
            raise PipelineError(
                f"rule {rule.name!r} requires unknown annotation(s) {', '.join(sorted(unknown))}; "
                f"known: {', '.join(sorted(ANNOTATIONS))}"
            )
        if rule.name in seen:
            raise PipelineError(f"rule {rule.name!r} is given twice")
        seen.add(rule.name)
        if provides is not None:
            require(rule, provides, backend)
        checked.append(rule)
    return tuple(checked)


def require(rule: Rule, provides: frozenset[str], backend: str) -> None:
    """Raise :class:`~quotecheck.errors.PipelineError` if ``provides`` lacks what ``rule`` needs."""
    missing = missing_annotations(rule, provides)
    if missing:
        raise PipelineError(
            f"rule {rule.name!r} requires {', '.join(sorted(missing))} from the analysis, which the "
            f"{backend!r} backend does not provide (it provides {', '.join(sorted(provides)) or 'nothing'}); "
            "use a backend that does (backend=\"stanza\" parses) or leave the rule out"
        )
