"""The rule protocol and the claims between rules: how the speech rules are wired.

Pipeline stage 2 (rules): :class:`~quotecheck.extractor.Extractor` runs its rules
in order over one :class:`Claims` (:mod:`~quotecheck.rules.claims`, re-exported here).

A rule is any object with a ``name``, the annotations it ``requires`` of the
:class:`~quotecheck.analysis.base.Doc`, whether it ``claims_frames``, and
``__call__(doc, lexicon, claims) -> list[Candidate]``. Precedence between rules is
first come, first served in the order they are given (``DEFAULT_RULES``): each
rule skips text an earlier rule claimed, and :class:`Claims` records what every
rule found and which text it claims. Stanza-style, the extractor checks when it
is built that its backend provides what each rule requires (:func:`check_rules`).
"""

from __future__ import annotations

from typing import Protocol, Sequence, runtime_checkable

from quotecheck.analysis.base import ANNOTATIONS, Doc
from quotecheck.errors import PipelineError
from quotecheck.lexicon import Lexicon
from quotecheck.rules.candidate import Candidate
from quotecheck.rules.claims import Claims

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
