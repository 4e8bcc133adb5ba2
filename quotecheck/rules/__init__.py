"""The speech rules: each finds candidate quotes of one construction.

Pipeline stage 2 (rules): text analysed (a :class:`~quotecheck.analysis.base.Doc`)
→ candidate quotes (:class:`~quotecheck.rules.candidate.Candidate`) for attribution.

=====================  ====================================================  ==================
rule                   finds                                                 module
=====================  ====================================================  ==================
``direct``             quoted speech with its frame („„…“, sagte Kim“)        :mod:`.direct`
``indirect``           a speech-verb frame and its clause („Kim sagte, …“)    :mod:`.indirect`
``reported``           a speech act told as an event („Kim lobte X“)          :mod:`.reported`
``according``          „laut X“, „X zufolge“, „…, so X“                       :mod:`.according`
``free_indirect``      Konjunktiv sentences continuing a quote                :mod:`.free_indirect`
=====================  ====================================================  ==================

They run in the order of :data:`DEFAULT_RULES`, which is their precedence: each
skips text an earlier one claimed (:class:`~quotecheck.rules.claims.Claims`).
Direct speech wins over everything; a frame claims its clause before an
according-to phrase in it is read; free indirect speech continues what the
others found. ``Extractor(rules=…)`` takes any sequence of objects that follow
the :class:`~quotecheck.rules.pipeline.Rule` protocol.

>>> [rule.name for rule in DEFAULT_RULES]
['direct', 'indirect', 'reported', 'according', 'free_indirect']
"""

from __future__ import annotations

from quotecheck.rules.according import AccordingRule
from quotecheck.rules.candidate import Candidate, CueMatch
from quotecheck.rules.direct import DirectRule
from quotecheck.rules.free_indirect import FreeIndirectRule
from quotecheck.rules.indirect import IndirectRule
from quotecheck.rules.pipeline import Claims, Rule, check_rules
from quotecheck.rules.reported import ReportedRule

__all__ = [
    "DEFAULT_RULES",
    "AccordingRule",
    "Candidate",
    "Claims",
    "CueMatch",
    "DirectRule",
    "FreeIndirectRule",
    "IndirectRule",
    "ReportedRule",
    "Rule",
    "check_rules",
]

#: The rules of :class:`~quotecheck.extractor.Extractor`, in order of precedence.
DEFAULT_RULES: tuple[Rule, ...] = (DirectRule(), IndirectRule(), ReportedRule(), AccordingRule(), FreeIndirectRule())
