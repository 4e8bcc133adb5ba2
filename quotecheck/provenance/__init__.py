"""Provenance across documents: the same statement in every outlet, and where they disagree.

>>> from quotecheck import compare, extract
>>> from quotecheck.model import DocumentResult
>>> a = DocumentResult("a", extract("„Wir haben die Geduld verloren“, sagte Gewerkschaftschef Ralf Brenner."))
>>> b = DocumentResult("b", extract("Brenner sagte, die Gewerkschaft habe die Geduld verloren."))
>>> [(g.speaker, len(g.renderings)) for g in compare([a, b])]
[('Ralf Brenner', 2)]

The modules, in the order the data flows: :mod:`~quotecheck.provenance.words`
(content lemmas, normalised words), :mod:`~quotecheck.provenance.names` (speakers
across documents), :mod:`~quotecheck.provenance.similarity` (the measure and its
thresholds), :mod:`~quotecheck.provenance.lsh` (candidate pairs),
:mod:`~quotecheck.provenance.grouping` (the engine), :mod:`~quotecheck.provenance.conflicts`
and :mod:`~quotecheck.provenance.diff` (what disagrees), :mod:`~quotecheck.provenance.report`
(the HTML page) and :mod:`~quotecheck.provenance.command` (``quotecheck compare``).
"""

from quotecheck.provenance.grouping import Comparison, compare
from quotecheck.provenance.model import CONFLICT_TYPES, Conflict, DiffOp, Rendering, StatementGroup, WordDiff
from quotecheck.provenance.similarity import CompareConfig

__all__ = [
    "CONFLICT_TYPES",
    "CompareConfig",
    "Comparison",
    "Conflict",
    "DiffOp",
    "Rendering",
    "StatementGroup",
    "WordDiff",
    "compare",
]
