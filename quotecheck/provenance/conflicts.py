"""Where the renderings of one statement disagree: speaker, chain, wording, kind.

Stage: compare (across documents), step 5 — flags on a finished group.

Renderings are compared **across documents** only: an article that renders a
statement twice, in its headline and in its body, does not disagree with
itself. Each check is a small function from a :class:`Group` to a
:class:`~quotecheck.provenance.model.Conflict` or None; :data:`CHECKS` lists
them in the order they are reported. A conflict's ``renderings`` are those
that take part in at least one disagreeing pair.

``speaker``
    The same words given to different people: two renderings whose speakers
    are known and resolve to different entities across the documents („sagte
    Ministerin Roth“ here, „sagte Staatssekretär Brandt“ there) — unless one
    speaks for the other („Kremlsprecher Sacharow“ and „der Kreml“). A pronoun
    or a description nobody names is unknown and disagrees with no one.
``chain``
    Different intermediaries: the ordered lists of the renderings' sources
    differ („via Reuters“ here, „laut einer Mitteilung des Ministeriums“ or no
    intermediary at all there). Sources are compared by their canonical name,
    not by how they relate („sagte X der Agentur Reuters“ = „laut Reuters“).
``wording``
    Quoted words that differ between outlets: every verbatim piece (a direct
    quote, or a quoted fragment of an indirect one) is diffed word by word
    against the reference wording (:mod:`quotecheck.provenance.diff`).
``kind``
    Quoted verbatim (``direct``) in one document, only paraphrased
    (``indirect``, ``free_indirect``, ``reported``) in another.

These are the definitions of the event corpus (``corpus/events/README.md``),
against which ``benchmarks/compare_accuracy.py`` measures them.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Sequence

from attrs import define, field

from quotecheck.provenance.diff import Piece, diff_words, piece_of
from quotecheck.provenance.model import Conflict, Rendering, WordDiff
from quotecheck.provenance.names import name_key, one_side

__all__ = ["CHECKS", "Group", "chain_conflict", "chain_key", "find_conflicts", "kind_conflict", "reference_of",
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


def _classes(group: Group, key: Callable[[Rendering], object]) -> list[int]:
    """Positions of renderings whose ``key`` differs from that of a rendering in another document.

    Linear in the group's size, however often a statement was syndicated: a
    rendering (document d, key k) takes part in a disagreeing pair exactly
    when some other document has a key other than k — that is, when not every
    other document has k as its only key.
    """
    keys_of: dict[str | None, set[object]] = {}
    for r in group.renderings:
        keys_of.setdefault(r.document, set()).add(key(r))
    only = Counter(next(iter(keys)) for keys in keys_of.values() if len(keys) == 1)
    involved = []
    for i, r in enumerate(group.renderings):
        k = key(r)
        others = len(keys_of) - only[k] - (0 if keys_of[r.document] == {k} else 1)
        if others > 0:
            involved.append(i)
    return involved


def speaker_conflict(group: Group) -> Conflict | None:
    """Known speakers in two documents that are different entities, neither speaking for the other.

    Pairs are tested between the group's distinct speakers, not its
    renderings, so a statement syndicated a thousand times costs no more than
    its speakers.
    """
    Speaker = tuple[str, tuple[str, ...]]
    documents: dict[Speaker, set[str | None]] = {}
    for r in group.renderings:
        if r.speaker_entity is not None:
            documents.setdefault((r.speaker_entity, r.speaks_for), set()).add(r.document)
    speakers = list(documents)
    clash: dict[Speaker, list[Speaker]] = {s: [] for s in speakers}
    for n, a in enumerate(speakers):
        for b in speakers[n + 1 :]:
            if not one_side(a[0], a[1], b[0], b[1]):
                clash[a].append(b)
                clash[b].append(a)
    involved = [
        i for i, r in enumerate(group.renderings)
        if r.speaker_entity is not None
        and any(documents[other] - {r.document} for other in clash[(r.speaker_entity, r.speaks_for)])
    ]
    if not involved:
        return None
    return Conflict("speaker", involved, [group.renderings[i].speaker_entity or "" for i in involved])


def chain_key(rendering: Rendering) -> tuple[str, ...]:
    """The ordered canonical names of a rendering's sources."""
    return tuple(name_key(s.name or s.text) for s in rendering.sources)


def chain_conflict(group: Group) -> Conflict | None:
    """Renderings in two documents whose ordered intermediaries differ."""
    involved = _classes(group, chain_key)
    if not involved:
        return None
    return Conflict("chain", involved, [" → ".join(group.renderings[i].chain) for i in involved])


def kind_conflict(group: Group) -> Conflict | None:
    """Verbatim in one document, only paraphrased in another."""
    involved = _classes(group, lambda r: r.verbatim)
    if not involved:
        return None
    return Conflict("kind", involved, [group.renderings[i].kind for i in involved])


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
        if renderings[i].document == renderings[reference].document:
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
