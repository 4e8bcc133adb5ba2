"""Where the renderings of one statement disagree: speaker, chain, wording, kind.

Stage: compare (across documents), step 5 — flags on a finished group.

Each check is a small function from the group's renderings to a
:class:`~quotecheck.provenance.model.Conflict` or None; :data:`CHECKS` lists them
in the order they are reported.

``speaker``
    The same words given to different people: two renderings whose speakers
    are known and resolve to different entities across the documents („sagte
    Ministerin Roth“ here, „sagte Staatssekretär Brandt“ there). A pronoun or
    a description nobody names is unknown and disagrees with no one.
``chain``
    Different intermediaries: the sources of one rendering, read as a chain
    from the speaker outwards, do not fit into the other's chain followed by
    its outlet, nor the other way round. „Kim → KCNA“ in an AP dispatch and
    „Kim → AP“ in a paper fit (Kim → KCNA → AP → paper); „via Reuters“ and
    „laut einer Mitteilung des Ministeriums“ do not. A rendering that names no
    intermediary fits every chain.
``wording``
    Quoted words that differ between outlets: every verbatim piece (a direct
    quote, or a quoted fragment of an indirect one) is diffed word by word
    against the reference wording (:mod:`quotecheck.provenance.diff`).
``kind``
    Quoted verbatim in one document, only paraphrased (indirect, free
    indirect, reported) in another.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

from attrs import define, field

from quotecheck.provenance.diff import Piece, diff_words, piece_of
from quotecheck.provenance.model import Conflict, Rendering, WordDiff
from quotecheck.provenance.names import name_key

__all__ = ["CHECKS", "Group", "chain_conflict", "find_conflicts", "kind_conflict", "reference_of",
           "speaker_conflict", "wording_conflict"]


@define
class Group:
    """A group's renderings under check, with their verbatim pieces computed once."""

    renderings: Sequence[Rendering]
    _pieces: dict[int, list[Piece]] = field(factory=dict, init=False)
    reference: int | None = field(default=None, init=False)

    def __attrs_post_init__(self) -> None:
        self.reference = self._reference()

    def pieces(self, i: int) -> list[Piece]:
        """The verbatim pieces of rendering ``i``: its content if direct, else its quoted fragments."""
        if i not in self._pieces:
            rendering = self.renderings[i]
            found = [rendering.content] if rendering.verbatim else list(rendering.fragments)
            self._pieces[i] = [piece_of(role) for role in found]
        return self._pieces[i]

    def _reference(self) -> int | None:
        """The rendering whose wording the others are diffed against.

        The most frequent wording among the direct renderings (normalised
        words), then the longest, then the first; without a direct rendering,
        the same among quoted fragments. None when nothing is verbatim.
        """
        candidates = [i for i, r in enumerate(self.renderings) if r.verbatim]
        if not candidates:
            candidates = [i for i, r in enumerate(self.renderings) if r.fragments]
        if len(candidates) < 2:
            return candidates[0] if candidates else None
        wordings = {i: tuple(w for piece in self.pieces(i) for w in piece[0]) for i in candidates}
        counts = Counter(wordings.values())
        return min(candidates, key=lambda i: (-counts[wordings[i]], -len(wordings[i]), i))


def reference_of(renderings: Sequence[Rendering]) -> int | None:
    """The position of the group's reference wording (see :class:`Group`)."""
    return Group(renderings).reference


def speaker_conflict(group: Group) -> Conflict | None:
    """Known speakers that are different entities."""
    known = [(i, r.speaker_entity) for i, r in enumerate(group.renderings) if r.speaker_entity is not None]
    if len({name for _, name in known}) < 2:
        return None
    return Conflict("speaker", [i for i, _ in known], [name for _, name in known if name is not None])


def _intermediaries(rendering: Rendering) -> tuple[str, ...]:
    """The source keys of a rendering, speaker side first, repeats and its own outlet left out."""
    own = name_key(rendering.outlet) if rendering.outlet else None
    keys: list[str] = []
    for source in rendering.sources:
        key = name_key(source.name or source.text)
        if key and key != own and (not keys or keys[-1] != key):
            keys.append(key)
    return tuple(keys)


def _fits(inner: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    """Whether ``inner`` is a subsequence of ``outer`` (in order, gaps allowed)."""
    rest = iter(outer)
    return all(any(key == other for other in rest) for key in inner)


def chain_conflict(group: Group) -> Conflict | None:
    """Two renderings whose intermediaries cannot be one chain."""
    renderings = group.renderings
    distinct = list({(c, c + ((name_key(r.outlet),) if r.outlet else ())) for r in renderings
                     for c in (_intermediaries(r),)})
    clash = any(
        not (_fits(a[0], b[1]) or _fits(b[0], a[1]))
        for n, a in enumerate(distinct)
        for b in distinct[n + 1 :]
    )
    if not clash:
        return None
    return Conflict("chain", range(len(renderings)), [" → ".join(r.chain) for r in renderings])


def kind_conflict(group: Group) -> Conflict | None:
    """Verbatim in one document, only paraphrased in another."""
    renderings = group.renderings
    verbatim: dict[str | None, bool] = {}
    for r in renderings:
        verbatim[r.document] = verbatim.get(r.document, False) or r.verbatim
    if len(set(verbatim.values())) < 2:
        return None
    return Conflict("kind", range(len(renderings)), [r.kind for r in renderings])


def wording_conflict(group: Group) -> Conflict | None:
    """Verbatim pieces whose words differ from the reference's."""
    renderings, reference = group.renderings, group.reference
    if reference is None:
        return None
    base = group.pieces(reference)
    if not base:
        return None
    diffs = []
    for i in range(len(renderings)):
        if i == reference:
            continue
        ops = tuple(op for piece in group.pieces(i) for op in diff_words(base[0], piece))
        if ops:
            diffs.append(WordDiff(i, reference, ops))
    if not diffs:
        return None
    values = [" ".join(renderings[d.rendering].content.text.split()) for d in diffs]
    return Conflict("wording", [d.rendering for d in diffs], values, diffs)


Check = Callable[[Group], "Conflict | None"]

#: The conflict checks, in the order their conflicts are listed.
CHECKS: tuple[Check, ...] = (speaker_conflict, chain_conflict, wording_conflict, kind_conflict)


def find_conflicts(group: Group) -> tuple[Conflict, ...]:
    """Every conflict of a group (none for a group of one)."""
    if len(group.renderings) < 2:
        return ()
    found = (check(group) for check in CHECKS)
    return tuple(c for c in found if c is not None)
