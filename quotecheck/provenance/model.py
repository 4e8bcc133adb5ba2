"""What the comparison hands back: statement groups, their renderings and conflicts.

Frozen value classes, kept apart from their JSON form (``to_dict``); the JSON
lines contract is documented in ``docs/compare-format.md``.
"""

from __future__ import annotations

from typing import Any, Iterable

from attrs import field, frozen
from attrs.validators import in_, instance_of, optional

from quotecheck.model import KINDS, MOODS, Mention, Role

__all__ = ["CONFLICT_TYPES", "DIFF_OPS", "Conflict", "DiffOp", "Rendering", "StatementGroup", "WordDiff"]

CONFLICT_TYPES = ("speaker", "chain", "wording", "kind")

# Typed ``tuple`` converters: mypy's attrs plugin cannot type ``converter=tuple``.


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _ints(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


def _pairs(values: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in values)


def _mentions(values: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(values)


def _roles(values: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(values)

def _ops(values: Iterable[DiffOp]) -> tuple[DiffOp, ...]:
    return tuple(values)


def _diffs(values: Iterable[WordDiff]) -> tuple[WordDiff, ...]:
    return tuple(values)


def _renderings(values: Iterable[Rendering]) -> tuple[Rendering, ...]:
    return tuple(values)


def _conflicts(values: Iterable[Conflict]) -> tuple[Conflict, ...]:
    return tuple(values)
DIFF_OPS = ("added", "dropped", "changed")


@frozen
class Rendering:
    """One document's rendering of a statement: a quote, where it came from, who said it.

    ``chain`` is the attribution as a reader follows it, speaker first and the
    document last: „Kim Jong Un → KCNA → AP → zeitung-1“. ``speaker_entity``
    is the speaker's canonical name across all documents of the comparison
    („Wladimir Putin“ for a mention „Putin“ or „der russische Präsident“), None
    when the speaker is unknown or only a pronoun nobody resolved.
    ``speaks_for`` are the stems of whom the speaker mention says they speak
    for („kreml“ for „Kremlsprecher Dmitri Sacharow“). ``score`` is the
    similarity to the group's reference rendering (1.0 for the reference).
    """

    document: str | None
    quote: str
    kind: str = field(validator=in_(KINDS))
    content: Role = field(validator=instance_of(Role))
    mood: str | None = field(default=None, validator=optional(in_(MOODS)))
    speaker: Mention | None = None
    speaker_entity: str | None = None
    speaks_for: tuple[str, ...] = field(default=(), converter=_strs)
    sources: tuple[Mention, ...] = field(default=(), converter=_mentions)
    fragments: tuple[Role, ...] = field(default=(), converter=_roles)
    outlet: str | None = None
    sentence: int | None = None
    chain: tuple[str, ...] = field(default=(), converter=_strs)
    score: float = 1.0

    @property
    def verbatim(self) -> bool:
        """True for a direct quote: the words are the speaker's, in quotation marks."""
        return self.kind == "direct"

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "outlet": self.outlet,
            "quote": self.quote,
            "kind": self.kind,
            "mood": self.mood,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "speaker_entity": self.speaker_entity,
            "speaks_for": list(self.speaks_for),
            "sources": [s.to_dict() for s in self.sources],
            "chain": list(self.chain),
            "content": self.content.to_dict(),
            "fragments": [f.to_dict() for f in self.fragments],
            "sentence": self.sentence,
            "score": round(self.score, 3),
        }


@frozen
class DiffOp:
    """One difference in quoted words: ``added``, ``dropped`` or ``changed``.

    ``reference`` are the reference rendering's words, ``words`` this
    rendering's, as written (one side is empty for added/dropped; the
    comparison itself ignores case, punctuation and spelling variants). ``spans`` are the
    document offsets of ``words`` in this rendering's text, ``reference_spans``
    those of ``reference`` in the reference's document.
    """

    op: str = field(validator=in_(DIFF_OPS))
    reference: tuple[str, ...] = field(converter=_strs)
    words: tuple[str, ...] = field(converter=_strs)
    spans: tuple[tuple[int, int], ...] = field(default=(), converter=_pairs)
    reference_spans: tuple[tuple[int, int], ...] = field(default=(), converter=_pairs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "reference": list(self.reference),
            "words": list(self.words),
            "spans": [list(s) for s in self.spans],
            "reference_spans": [list(s) for s in self.reference_spans],
        }


@frozen
class WordDiff:
    """How one rendering's quoted words differ from the reference rendering's."""

    rendering: int
    reference: int
    ops: tuple[DiffOp, ...] = field(converter=_ops)

    def to_dict(self) -> dict[str, Any]:
        return {"rendering": self.rendering, "reference": self.reference, "ops": [o.to_dict() for o in self.ops]}


@frozen
class Conflict:
    """A disagreement between the renderings of one statement.

    ``renderings`` are positions in the group's rendering list; ``values`` name
    what disagrees, one per rendering in the same order (the speaker, the chain
    „KCNA → AP“, the kind); ``diffs`` carry the word-level diff of a
    ``wording`` conflict.
    """

    type: str = field(validator=in_(CONFLICT_TYPES))
    renderings: tuple[int, ...] = field(converter=_ints)
    values: tuple[str, ...] = field(converter=_strs)
    diffs: tuple[WordDiff, ...] = field(default=(), converter=_diffs)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"type": self.type, "renderings": list(self.renderings), "values": list(self.values)}
        if self.type == "wording":
            record["diffs"] = [d.to_dict() for d in self.diffs]
        return record


@frozen
class StatementGroup:
    """Every rendering of one statement across the documents, and where they disagree.

    A statement found in one document only is a group of one, with no conflicts.
    ``speaker`` is the group's canonical speaker: the entity most renderings
    give it to. ``reference`` is the position of the rendering whose quoted
    words the others are diffed against (None when no rendering is verbatim).
    """

    id: str
    speaker: str | None
    renderings: tuple[Rendering, ...] = field(converter=_renderings)
    conflicts: tuple[Conflict, ...] = field(default=(), converter=_conflicts)
    reference: int | None = None

    @property
    def documents(self) -> tuple[str | None, ...]:
        """The documents with a rendering, each once, in input order."""
        return tuple(dict.fromkeys(r.document for r in self.renderings))

    def conflict(self, type: str) -> Conflict | None:
        """The conflict of one type, or None."""
        return next((c for c in self.conflicts if c.type == type), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.id,
            "speaker": self.speaker,
            "size": len(self.renderings),
            "documents": list(self.documents),
            "reference": self.reference,
            "renderings": [r.to_dict() for r in self.renderings],
            "conflicts": [c.to_dict() for c in self.conflicts],
        }

