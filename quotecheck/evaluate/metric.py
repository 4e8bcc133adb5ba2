"""The published quotation-attribution metric, in pure Python.

Reimplements the scorer of Petersen-Frey & Biemann, "Dataset of Quotation
Attribution in German News Articles" (LREC-COLING 2024): repository
``uhh-lt/german-news-quotation-attribution-2024``, file ``eval/eval.py``
(the same code ships as ``eval_quotes.py`` in ``uhh-lt/seq2seq-quotation-attribution``).
Numbers from :class:`Scorer` are meant to equal that script's on the same input.
What it does, step by step:

1. Per document, every gold quote is paired with at most one system quote by a
   maximum-weight linear sum assignment. The weight is the token-overlap F1 of the
   two quote spans, plus 0.01 when the overlap is > 0 and the types are equal, plus
   0.001 when the overlap is > 0 and the media (Speech, Writing, ...) are equal.
   As with ``scipy.optimize.linear_sum_assignment``, exactly min(#gold, #system)
   pairs are formed, so a pair may have zero overlap (its roles can still match).
   :func:`linear_sum_assignment` is a port of scipy's algorithm (Crouse 2016,
   shortest augmenting path) including its tie-breaking, so zero-weight pairs come
   out as they would with scipy.
2. Every pair, and every unpaired quote (paired with an empty quote), is one
   "group". Per group and per part (quote, addressee, cue, frame, speaker) token
   TP/FP/FN are counted; precision = TP/(TP+FP) and recall = TP/(TP+FN) are
   *undefined* (skipped, not zero) when their denominator is 0. So an unpaired
   system quote adds precision 0 and no recall; an unpaired gold quote adds recall 0
   and no precision; a role empty on both sides adds nothing.
3. Message P (R) = mean of the defined quote precisions (recalls) over all groups
   of all documents; Roles = mean over the pooled defined values of the four roles;
   Joint = mean over the pooled defined values of all five parts. F1 = harmonic
   mean of the averaged P and R.
4. Type P/R/F1 is micro-averaged over groups: a group with equal types is a TP of
   that type; otherwise the system type (if any) is a FP and the gold type (if any)
   a FN. Zero-overlap pairs count too, as in the original.

Choices where the original is silent or crashes (documented, deliberate):

- No defined value at all (e.g. an empty system output: no precision is defined)
  gives 0.0 rather than the original's ZeroDivisionError; this matches the
  ``seq2seq-quotation-attribution`` variant of the script.
- An empty quote span gets overlap 0 (the original divides by zero).
- "Simplified" (``simplified=True``): the original's ``nested = False`` switch,
  which drops nested quotes from gold *and* system, plus scoring the speaker role
  only (Roles = speaker; Joint = quote + speaker), as described for the paper's
  simplified setting. The original has no speaker-only switch; this is our reading.
- Per-type recall (``recall_by_type``) is our addition, not in the original: the
  share of gold quotes of a type whose pair has token overlap > 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from attrs import field, frozen

__all__ = [
    "PARTS",
    "ROLES",
    "TYPES",
    "Annotation",
    "DocumentResult",
    "Pair",
    "PRF",
    "Scorer",
    "Scores",
    "as_annotation",
    "assign",
    "from_dataset",
    "linear_sum_assignment",
    "score",
    "token_f1",
]

#: Roles scored besides the quote span, in the original's order.
ROLES: tuple[str, ...] = ("addressee", "cue", "frame", "speaker")
#: All scored parts: the quote span ("Message") first, then the roles.
PARTS: tuple[str, ...] = ("quote", *ROLES)
#: The dataset's quote types.
TYPES: tuple[str, ...] = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")

_EMPTY: frozenset[int] = frozenset()


def _ids(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


@frozen
class Annotation:
    """One quote as the scorer sees it: a type and token-id sets per part."""

    type: str | None
    quote: frozenset[int] = field(converter=_ids, factory=frozenset)
    addressee: frozenset[int] = field(converter=_ids, factory=frozenset)
    cue: frozenset[int] = field(converter=_ids, factory=frozenset)
    frame: frozenset[int] = field(converter=_ids, factory=frozenset)
    speaker: frozenset[int] = field(converter=_ids, factory=frozenset)
    nested: bool = False
    medium: str | None = None
    #: Anything the caller wants to find the quote again by; never scored.
    ref: Any = field(default=None, eq=False, repr=False)

    def part(self, name: str) -> frozenset[int]:
        """The token ids of one part ("quote" or a role)."""
        ids: frozenset[int] = getattr(self, name)
        return ids


_NO_QUOTE = Annotation(type=None)


def as_annotation(value: Annotation | Mapping[str, Any]) -> Annotation:
    """Accept an :class:`Annotation` or a plain dict with the same keys."""
    if isinstance(value, Annotation):
        return value
    return Annotation(
        type=value.get("type"),
        quote=value.get("quote", ()),
        addressee=value.get("addressee", ()),
        cue=value.get("cue", ()),
        frame=value.get("frame", ()),
        speaker=value.get("speaker", ()),
        nested=bool(value.get("nested", False)),
        medium=value.get("medium"),
        ref=value.get("ref"),
    )


def from_dataset(annotation: Mapping[str, Any], ref: Any = None) -> Annotation:
    """Convert one annotation of the WikiNews dataset format to an :class:`Annotation`."""

    def ids(role: str) -> frozenset[int]:
        part = annotation.get(role) or {}
        # The README's example has a bare list for an empty role.
        return frozenset(part.get("tokenIds", ())) if isinstance(part, Mapping) else _EMPTY

    return Annotation(
        type=annotation.get("type"),
        quote=ids("quote"),
        addressee=ids("addressee"),
        cue=ids("cue"),
        frame=ids("frame"),
        speaker=ids("speaker"),
        nested=bool(annotation.get("isNested", False)),
        medium=annotation.get("medium"),
        ref=ref,
    )


def token_f1(gold: frozenset[int] | set[int], system: frozenset[int] | set[int]) -> float:
    """Token-overlap F1 of two token-id sets; 0.0 when either is empty."""
    both = len(gold & system)
    if both == 0:
        return 0.0
    return 2.0 * both / (len(gold) + len(system))


def linear_sum_assignment(
    weights: Sequence[Sequence[float]], maximize: bool = True
) -> list[tuple[int, int]]:
    """Optimal one-to-one assignment on a rectangular matrix: (row, column) pairs.

    A port of scipy's ``rectangular_lsap.cpp`` (shortest augmenting path, Crouse
    2016, a Hungarian-family algorithm), with the same transposition and tie-breaking,
    so that equal-weight alternatives are resolved as scipy resolves them. Returns
    min(rows, columns) pairs sorted by row.
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return []
    transpose = n_cols < n_rows
    sign = -1.0 if maximize else 1.0
    if transpose:
        cost = [[sign * weights[i][j] for i in range(n_rows)] for j in range(n_cols)]
    else:
        cost = [[sign * w for w in row] for row in weights]
    for row in cost:
        if any(math.isnan(c) or c == -math.inf for c in row):
            raise ValueError("weight matrix contains NaN or an infinite weight")
    col4row = _ShortestAugmentingPath(cost).solve()
    if transpose:
        return sorted((col4row[r], r) for r in range(len(cost)))
    return [(r, col4row[r]) for r in range(len(cost))]


class _ShortestAugmentingPath:
    """scipy's solver state for a cost matrix with no more rows than columns.

    One row at a time is added to the assignment along the shortest augmenting path
    (:meth:`_shortest_path`), then the dual variables are updated and the path is
    flipped (:meth:`_augment`).
    """

    def __init__(self, cost: list[list[float]]) -> None:
        self.cost = cost
        self.nr, self.nc = len(cost), len(cost[0])
        self.u = [0.0] * self.nr
        self.v = [0.0] * self.nc
        self.col4row = [-1] * self.nr
        self.row4col = [-1] * self.nc
        self.path = [-1] * self.nc

    def solve(self) -> list[int]:
        """The column assigned to each row."""
        for cur_row in range(self.nr):
            sink, min_val, shortest, in_sr, in_sc = self._shortest_path(cur_row)
            self._update_duals(cur_row, min_val, shortest, in_sr, in_sc)
            self._augment(cur_row, sink)
        return self.col4row

    def _shortest_path(self, cur_row: int) -> tuple[int, float, list[float], list[bool], list[bool]]:
        """The sink column of the shortest augmenting path from ``cur_row``, and its bookkeeping."""
        shortest = [math.inf] * self.nc
        in_sr = [False] * self.nr
        in_sc = [False] * self.nc
        remaining = list(range(self.nc - 1, -1, -1))  # reversed, as in scipy (#11602)
        min_val = 0.0
        i = cur_row
        sink = -1
        while sink == -1:
            in_sr[i] = True
            index, min_val = self._nearest_column(i, min_val, remaining, shortest)
            if min_val == math.inf:
                raise ValueError("cost matrix is infeasible")
            j = remaining[index]
            if self.row4col[j] == -1:
                sink = j
            else:
                i = self.row4col[j]
            in_sc[j] = True
            remaining[index] = remaining[-1]
            remaining.pop()
        return sink, min_val, shortest, in_sr, in_sc

    def _nearest_column(
        self, i: int, min_val: float, remaining: list[int], shortest: list[float]
    ) -> tuple[int, float]:
        """Relax the path lengths through row ``i``; the index (in ``remaining``) and
        length of the nearest column."""
        index = -1
        lowest = math.inf
        cost_i = self.cost[i]
        u_i = self.u[i]
        v = self.v
        for it, j in enumerate(remaining):
            r = min_val + cost_i[j] - u_i - v[j]
            if r < shortest[j]:
                self.path[j] = i
                shortest[j] = r
            # On equal cost prefer a column that ends the path (a new sink).
            if shortest[j] < lowest or (shortest[j] == lowest and self.row4col[j] == -1):
                lowest = shortest[j]
                index = it
        return index, lowest

    def _update_duals(
        self, cur_row: int, min_val: float, shortest: list[float], in_sr: list[bool], in_sc: list[bool]
    ) -> None:
        self.u[cur_row] += min_val
        for i in range(self.nr):
            if in_sr[i] and i != cur_row:
                self.u[i] += min_val - shortest[self.col4row[i]]
        for j in range(self.nc):
            if in_sc[j]:
                self.v[j] -= min_val - shortest[j]

    def _augment(self, cur_row: int, sink: int) -> None:
        """Flip the assignment along the path that ends in ``sink``."""
        j = sink
        while True:
            i = self.path[j]
            self.row4col[j] = i
            self.col4row[i], j = j, self.col4row[i]
            if i == cur_row:
                break


def assign(
    system: Sequence[Annotation], gold: Sequence[Annotation]
) -> list[tuple[int, int, float]]:
    """Pair system and gold quotes: (system index, gold index, quote token F1)."""
    if not system or not gold:
        return []
    overlaps = [[token_f1(g.quote, s.quote) for s in system] for g in gold]
    weights = [
        [
            f1
            + (0.01 if f1 > 0.0 and g.type == s.type else 0.0)
            + (0.001 if f1 > 0.0 and g.medium == s.medium else 0.0)
            for f1, s in zip(row, system)
        ]
        for row, g in zip(overlaps, gold)
    ]
    return [(si, gi, overlaps[gi][si]) for gi, si in linear_sum_assignment(weights)]


@frozen
class PRF:
    """Precision, recall and their harmonic mean."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        """Build from P and R; F1 is 0.0 when both are 0."""
        total = precision + recall
        return cls(precision, recall, 2 * precision * recall / total if total else 0.0)

    def to_dict(self) -> dict[str, float]:
        """The scores as plain numbers, for the JSON report."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@frozen
class Pair:
    """One scored group: a system and/or a gold quote (None when unpaired)."""

    system: Annotation | None
    gold: Annotation | None
    overlap: float


@frozen
class DocumentResult:
    """What one document contributed: its groups, after any simplification."""

    pairs: tuple[Pair, ...]
    system: tuple[Annotation, ...]
    gold: tuple[Annotation, ...]


@frozen
class Scores:
    """The metric's result for a set of documents."""

    message: PRF
    roles: PRF
    joint: PRF
    type: PRF
    recall_by_type: dict[str, float]
    gold_by_type: dict[str, int]
    documents: int
    gold_quotes: int
    system_quotes: int
    pairs: int
    matched: int

    def to_dict(self) -> dict[str, Any]:
        """All scores as nested plain values, for the JSON report."""
        return {
            "message": self.message.to_dict(),
            "roles": self.roles.to_dict(),
            "joint": self.joint.to_dict(),
            "type": self.type.to_dict(),
            "recall_by_type": dict(self.recall_by_type),
            "gold_by_type": dict(self.gold_by_type),
            "documents": self.documents,
            "gold_quotes": self.gold_quotes,
            "system_quotes": self.system_quotes,
            "pairs": self.pairs,
            "matched": self.matched,
        }


class Scorer:
    """Accumulates documents one at a time; :meth:`result` gives the scores.

    Sums and counts are kept instead of the original's per-token lists, so memory
    stays constant and the 700-file training split scores in well under a second.
    """

    def __init__(self, simplified: bool = False) -> None:
        self.simplified = simplified
        self.roles: tuple[str, ...] = ("speaker",) if simplified else ROLES
        self.parts: tuple[str, ...] = ("quote", *self.roles)
        # Per part: [sum of defined precisions, their count, sum of recalls, count].
        self._macro = {part: [0.0, 0, 0.0, 0] for part in self.parts}
        self._type_tp = 0
        self._type_fp = 0
        self._type_fn = 0
        self._gold_by_type: dict[str, int] = {}
        self._found_by_type: dict[str, int] = {}
        self._documents = 0
        self._gold = 0
        self._system = 0
        self._pairs = 0
        self._matched = 0

    def add(
        self,
        system: Iterable[Annotation | Mapping[str, Any]],
        gold: Iterable[Annotation | Mapping[str, Any]],
    ) -> DocumentResult:
        """Score one document and return its groups (pairs first, then unpaired)."""
        sys_quotes = tuple(as_annotation(a) for a in system)
        gold_quotes = tuple(as_annotation(a) for a in gold)
        if self.simplified:
            sys_quotes = tuple(a for a in sys_quotes if not a.nested)
            gold_quotes = tuple(a for a in gold_quotes if not a.nested)
        assigned = assign(sys_quotes, gold_quotes)
        pairs = [Pair(sys_quotes[si], gold_quotes[gi], f1) for si, gi, f1 in assigned]
        paired_sys = {si for si, _, _ in assigned}
        paired_gold = {gi for _, gi, _ in assigned}
        pairs += [Pair(s, None, 0.0) for k, s in enumerate(sys_quotes) if k not in paired_sys]
        pairs += [Pair(None, g, 0.0) for k, g in enumerate(gold_quotes) if k not in paired_gold]
        for pair in pairs:
            self._score_group(pair.system or _NO_QUOTE, pair.gold or _NO_QUOTE)
        for g in gold_quotes:
            if g.type is not None:
                self._gold_by_type[g.type] = self._gold_by_type.get(g.type, 0) + 1
        for _, gi, f1 in assigned:
            if f1 > 0.0:
                self._matched += 1
                label = gold_quotes[gi].type
                if label is not None:
                    self._found_by_type[label] = self._found_by_type.get(label, 0) + 1
        self._documents += 1
        self._gold += len(gold_quotes)
        self._system += len(sys_quotes)
        self._pairs += len(assigned)
        return DocumentResult(tuple(pairs), sys_quotes, gold_quotes)

    def _score_group(self, system: Annotation, gold: Annotation) -> None:
        for part in self.parts:
            s = system.part(part)
            g = gold.part(part)
            tp = len(s & g)
            acc = self._macro[part]
            if s:  # TP + FP > 0: precision is defined
                acc[0] += tp / len(s)
                acc[1] += 1
            if g:  # TP + FN > 0: recall is defined
                acc[2] += tp / len(g)
                acc[3] += 1
        if system.type == gold.type:
            self._type_tp += 1
        else:
            self._type_fp += system.type is not None
            self._type_fn += gold.type is not None

    def _macro_prf(self, parts: Sequence[str]) -> PRF:
        p_sum = sum(self._macro[p][0] for p in parts)
        p_n = sum(self._macro[p][1] for p in parts)
        r_sum = sum(self._macro[p][2] for p in parts)
        r_n = sum(self._macro[p][3] for p in parts)
        return PRF.of(p_sum / p_n if p_n else 0.0, r_sum / r_n if r_n else 0.0)

    def result(self) -> Scores:
        """The scores over all documents added so far."""
        tp, fp, fn = self._type_tp, self._type_fp, self._type_fn
        type_prf = PRF.of(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)
        return Scores(
            message=self._macro_prf(("quote",)),
            roles=self._macro_prf(self.roles),
            joint=self._macro_prf(self.parts),
            type=type_prf,
            recall_by_type={
                t: self._found_by_type.get(t, 0) / n for t, n in sorted(self._gold_by_type.items())
            },
            gold_by_type=dict(sorted(self._gold_by_type.items())),
            documents=self._documents,
            gold_quotes=self._gold,
            system_quotes=self._system,
            pairs=self._pairs,
            matched=self._matched,
        )


def score(
    documents: Iterable[tuple[Iterable[Annotation | Mapping[str, Any]], Iterable[Annotation | Mapping[str, Any]]]],
    simplified: bool = False,
) -> Scores:
    """Score (system, gold) annotation lists, one tuple per document."""
    scorer = Scorer(simplified=simplified)
    for system, gold in documents:
        scorer.add(system, gold)
    return scorer.result()
