"""The quote record: frozen value classes and their JSON form.

The field names and meanings follow the project's quote-record contract
(``shared/quote-json.md``): every role is ``None`` or an object whose ``spans``
are ``[start, end)`` offsets into the caller's text, exactly as given, and whose
``text`` is what those spans cover, joined with one space.

The model is kept apart from the wire format: :meth:`Quote.to_dict` and
:meth:`Quote.from_dict` convert explicitly instead of ``Quote(**json)``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Iterable, Literal, Mapping, Sequence, get_args

import attrs
from attrs import field, frozen
from attrs.validators import ge, in_, instance_of, le, optional

__all__ = [
    "KINDS",
    "MOODS",
    "RELATIONS",
    "SPEAKER_TYPES",
    "SOURCE_TYPES",
    "Kind",
    "MentionType",
    "Mood",
    "Relation",
    "SourceType",
    "SpeakerType",
    "Span",
    "Role",
    "Cue",
    "Mention",
    "Quote",
    "DocumentResult",
]

#: What kind of speech a quote is (the contract's ``kind``).
Kind = Literal["direct", "indirect", "free_indirect", "reported"]
#: The verb mood of reported content; direct quotes have none (``None``).
Mood = Literal["subjunctive", "indicative"]
#: The ``type`` of a speaker or addressee. ``document`` (a project addition to the
#: contract's three) is a speaker only: a text that names no author and so is
#: itself the originator („…, heißt es in dem Gutachten“).
SpeakerType = Literal["person", "organization", "unknown", "document"]
#: The ``type`` of an intermediary source.
SourceType = Literal["news_agency", "media", "government", "organization", "person", "document", "unknown"]
#: Any mention's ``type``: speakers, addressees and sources share :class:`Mention`.
MentionType = Literal[SpeakerType, SourceType]
#: How a source passed the words on: the medium the speaker spoke to
#: („sagte X der Agentur Reuters“ → ``told_to``), an outlet that reports or quotes
#: them („laut Reuters“ → ``reported_by``), or a document they appeared in („heißt es
#: in der Anklageschrift“ → ``published_in``).
Relation = Literal["told_to", "reported_by", "published_in"]

KINDS: tuple[Kind, ...] = get_args(Kind)
MOODS: tuple[Mood, ...] = get_args(Mood)
SPEAKER_TYPES: tuple[SpeakerType, ...] = get_args(SpeakerType)
SOURCE_TYPES: tuple[SourceType, ...] = get_args(SourceType)
RELATIONS: tuple[Relation, ...] = get_args(Relation)


@frozen(order=True)
class Span:
    """A half-open character range ``[start, end)`` into the caller's text."""

    start: int = field(validator=[instance_of(int), ge(0)])
    end: int = field(validator=[instance_of(int), ge(0)])

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]


def _spans(value: Iterable[Span | Sequence[int]]) -> tuple[Span, ...]:
    spans = tuple(v if isinstance(v, Span) else Span(int(v[0]), int(v[1])) for v in value)
    if not spans:
        raise ValueError("a role needs at least one span")
    return tuple(sorted(spans))


#: Offsets below this pack into one int (see :func:`_bounds`).
_PACKABLE = 1 << 31
_LOW = _PACKABLE * 2 - 1


class _Packed(int):
    """One span kept as ``start + (end << 32)`` (:func:`_bounds`); a type of its own, so that
    only a role's kept value (passed on by :func:`attrs.evolve`) is read so, never a caller's int."""

    __slots__ = ()


class _PackedMany(int):
    """Several spans kept in one int (:func:`_bounds`): span ``k`` as ``start + (end << 32)`` at bit
    ``64 * k``, and a marker bit above the last, which tells how many there are."""

    __slots__ = ()


#: The kept forms of spans packed into an int.
_PACKED_TYPES = (_Packed, _PackedMany)


def _bounds(value: Iterable[Span | Sequence[int]] | _Packed | _PackedMany) -> tuple[Span, ...] | _Packed | _PackedMany:
    """A role's spans as kept: packed into one int while every offset is below 2**31, else a tuple of :class:`Span`.

    A single span is the int ``start + (end << 32)`` (:class:`_Packed`); several,
    such as a cue „teilte … mit“ or a quote „„Wir streiken“, sagte Roth, „bis
    Freitag““ in two parts, are one int of 64 bits a span (:class:`_PackedMany`).
    A tuple holding a :class:`Span` and its two offsets costs some 160 bytes a span,
    the int 32 for one span and 48 for two; most roles have one span („sagte“,
    „Anna Berger“). A packed value given is such a kept value
    (:func:`attrs.evolve` passes the kept value on); a plain int is no spans at
    all, as before (``Role("Anna", 4)`` raises).
    """
    if type(value) in _PACKED_TYPES:
        return value  # type: ignore[return-value]
    spans = _spans(value)  # type: ignore[arg-type]
    if any(s.end >= _PACKABLE for s in spans):
        return spans
    if len(spans) == 1:
        return _Packed(spans[0].start + (spans[0].end << 32))
    packed = 1 << (64 * len(spans))
    for k, span in enumerate(spans):
        packed |= (span.start + (span.end << 32)) << (64 * k)
    return _PackedMany(packed)


def _unpacked(bounds: tuple[Span, ...] | _Packed | _PackedMany) -> tuple[Span, ...]:
    if type(bounds) is _Packed:
        return (Span(bounds & _LOW, bounds >> 32),)
    if type(bounds) is _PackedMany:
        return tuple(
            Span((bounds >> shift) & _LOW, (bounds >> (shift + 32)) & _LOW)
            for shift in range(0, bounds.bit_length() - 1, 64)
        )
    return bounds  # type: ignore[return-value]


def join_spans(text: str, spans: Sequence[Span]) -> str:
    """The contract's role text: the spans' text joined with a single space."""
    return " ".join(s.slice(text) for s in spans)


def _text_or_none(role: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``instance_of(str)``'s check and message for the ``text`` a role is given (None: read on access)."""
    if value is not None and not isinstance(value, str):
        raise TypeError(f"'text' must be {str!r} (got {value!r} that is a {type(value)!r}).", attribute, str, value)


#: A role class's fields besides text and spans that equality compares and ``repr`` shows: a subclass's own.
_COMPARED: dict[type, tuple[str, ...]] = {}


def _compared(cls: type) -> tuple[str, ...]:
    try:
        return _COMPARED[cls]
    except KeyError:
        names = _COMPARED[cls] = tuple(a.name for a in attrs.fields(cls) if a.eq)
        return names


@frozen(eq=False, repr=False, match_args=False)
class Role:
    """A piece of text playing a part in a quote (content, frame, fragment).

    ``Role(text, spans)``. A role made by :meth:`from_spans` keeps no text of its
    own: ``text`` is read from the document on access (a 10 MB document has some
    80,000 quotes, and copies of their texts took 3.5 bytes per character of it at
    the peak). Either way ``text``, equality, ``repr``, pickling and
    :func:`attrs.evolve` are those of a role with the text given. A role made so
    keeps its document's text alive.
    """

    _text: str | None = field(alias="text", validator=_text_or_none, eq=False, repr=False)
    #: The spans (:attr:`spans`), a single one packed into an int (:func:`_bounds`).
    _bounds: tuple[Span, ...] | _Packed | _PackedMany = field(alias="spans", converter=_bounds, eq=False, repr=False)
    #: The document the spans index, for a role whose ``text`` is read on access.
    _source: str | None = field(
        default=None, alias="source", kw_only=True, validator=optional(instance_of(str)), eq=False, repr=False
    )

    #: ``case Role(text, spans)`` matches the public attributes, not the kept fields.
    __match_args__: ClassVar[tuple[str, ...]] = ("text", "spans")

    @classmethod
    def __attrs_init_subclass__(cls) -> None:
        """A subclass compares, hashes, shows, matches and unpickles as a role does, with its own fields.

        attrs would give ``@attrs.frozen class Note(Role): note: str`` an ``__eq__``
        of ``note`` alone (text and spans are kept in fields that equality skips).
        """
        cls.__eq__ = Role.__eq__  # type: ignore[method-assign]
        cls.__hash__ = Role.__hash__  # type: ignore[method-assign]
        cls.__repr__ = Role.__repr__  # type: ignore[method-assign]
        cls.__setstate__ = Role.__setstate__  # type: ignore[method-assign]
        own = (a.name for a in attrs.fields(cls) if a.init and not a.kw_only and not a.name.startswith("_"))
        cls.__match_args__ = ("text", "spans", *own)  # type: ignore[misc]

    def __attrs_post_init__(self) -> None:
        if self._text is None:
            if self._source is None:
                raise TypeError(f"{type(self).__name__} needs its text (or the source text its spans index)")
        elif self._source is not None:
            object.__setattr__(self, "_source", None)  # given text wins (attrs.evolve(role, text=…))

    @property
    def text(self) -> str:
        """What the spans cover, joined with one space („Wir bleiben hart“)."""
        text = self._text
        if text is not None:
            return text
        bounds = self._bounds
        if type(bounds) is _Packed:
            return self._source[bounds & _LOW : bounds >> 32]  # type: ignore[index]
        return join_spans(self._source, _unpacked(bounds))  # type: ignore[arg-type]

    @property
    def spans(self) -> tuple[Span, ...]:
        """The ``[start, end)`` character ranges, in text order."""
        return _unpacked(self._bounds)

    @classmethod
    def from_spans(cls, text: str, spans: Iterable[Span | Sequence[int]]) -> "Role":
        return cls(None, spans, source=text)

    def _values(self) -> tuple[Any, ...]:
        return (self.text, self.spans, *(getattr(self, name) for name in _compared(type(self))))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._bounds == other._bounds and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), *self._values()))

    def __repr__(self) -> str:
        shown = "".join(f", {name}={getattr(self, name)!r}" for name in _compared(type(self)))
        return f"{type(self).__name__}(text={self.text!r}, spans={self.spans!r}{shown})"

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        """A role pickled by quotecheck 0.2.0 (its state ``{"text": …, "spans": …}`` and the subclass's fields)."""
        state = dict(state)
        if "text" in state:
            state["_text"], state["_bounds"], state["_source"] = state.pop("text"), _bounds(state.pop("spans")), None
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its text (not the document's): ``Cue(text, spans, lemma)``."""
        return type(self), self._values()

    @property
    def start(self) -> int:
        bounds = self._bounds
        return bounds & _LOW if type(bounds) in _PACKED_TYPES else bounds[0].start  # type: ignore[index, operator]

    @property
    def end(self) -> int:
        bounds = self._bounds
        if type(bounds) is _Packed:
            return bounds >> 32
        if type(bounds) is _PackedMany:
            return (bounds >> (bounds.bit_length() - 33)) & _LOW  # the last span's end, below the marker bit
        return bounds[-1].end  # type: ignore[index]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spans": [s.to_list() for s in self.spans]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Role":
        return cls(data["text"], data["spans"])


@frozen(eq=False, repr=False, match_args=False)
class Cue(Role):
    """The words that mark the attribution (speech verb, ``laut``, colon …)."""

    lemma: str | None = field(default=None, validator=optional(instance_of(str)))

    @classmethod
    def from_spans(
        cls, text: str, spans: Iterable[Span | Sequence[int]], lemma: str | None = None
    ) -> "Cue":
        return cls(None, spans, lemma, source=text)

    def to_dict(self) -> dict[str, Any]:
        return {**Role.to_dict(self), "lemma": self.lemma}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Cue":
        return cls(data["text"], data["spans"], data.get("lemma"))


@frozen(eq=False, repr=False, match_args=False)
class Mention(Role):
    """A mention of an entity: speaker, addressee or intermediary source.

    ``name`` is the canonical name the mention resolves to within the document
    (``None`` when it cannot be resolved rather than guessed); ``type`` is one of
    :data:`SPEAKER_TYPES` for speakers and addressees, :data:`SOURCE_TYPES` for
    sources.
    """

    name: str | None = field(default=None, validator=optional(instance_of(str)))
    type: MentionType = field(default="unknown", validator=in_(get_args(MentionType)))
    #: How a source passed the words on (:data:`RELATIONS`); ``None`` on speakers and addressees.
    relation: Relation | None = field(default=None, validator=optional(in_(get_args(Relation))))

    @classmethod
    def from_spans(
        cls,
        text: str,
        spans: Iterable[Span | Sequence[int]],
        name: str | None = None,
        type: MentionType = "unknown",
        relation: Relation | None = None,
    ) -> "Mention":
        return cls(None, spans, name, type, relation, source=text)

    def to_dict(self) -> dict[str, Any]:
        """The contract's object; ``relation`` only when the mention has one (a source)."""
        data = {**Role.to_dict(self), "name": self.name, "type": self.type}
        if self.relation is not None:
            data["relation"] = self.relation
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Mention":
        return cls(data["text"], data["spans"], data.get("name"), data.get("type", "unknown"), data.get("relation"))


def _mentions(items: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(items)


def _roles(items: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(items)


def _quotes(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(items)


def _opt(cls: type[Role], data: Mapping[str, Any] | None) -> Any:
    return None if data is None else cls.from_dict(data)


@frozen
class Quote:
    """One attributed quotation: what was said, by whom, and according to whom."""

    id: str = field(validator=instance_of(str))
    kind: Kind = field(validator=in_(KINDS))
    content: Role = field(validator=instance_of(Role))
    mood: Mood | None = field(default=None, validator=optional(in_(MOODS)))
    cue: Cue | None = field(default=None, validator=optional(instance_of(Cue)))
    frame: Role | None = field(default=None, validator=optional(instance_of(Role)))
    speaker: Mention | None = field(default=None, validator=optional(instance_of(Mention)))
    addressee: Mention | None = field(default=None, validator=optional(instance_of(Mention)))
    sources: tuple[Mention, ...] = field(default=(), converter=_mentions)
    fragments: tuple[Role, ...] = field(default=(), converter=_roles)
    sentence: int | None = field(default=None, validator=optional(instance_of(int)))
    confidence: float = field(default=1.0, converter=float, validator=[ge(0.0), le(1.0)])
    #: The construction that found the quote („indirect.v2_konjunktiv“, „direct.frame_after“ …;
    #: the list is in docs/output-format.md), for filtering and debugging.
    rule: str | None = field(default=None, validator=optional(instance_of(str)))
    #: The ``id`` of the enclosing quote when this one is a verbatim piece of it: „Die
    #: Stadträtin sagte, der Neubau sei „ein teurer Irrweg““ gives an indirect quote and,
    #: nested in it, the direct quote „ein teurer Irrweg“ with the indirect one's id here.
    parent: str | None = field(default=None, validator=optional(instance_of(str)))

    def spans(self) -> Iterable[Span]:
        """Every span of every role (for checks and offset shifting)."""
        for role in (self.content, self.cue, self.frame, self.speaker, self.addressee):
            if role is not None:
                yield from role.spans
        for role in (*self.sources, *self.fragments):
            yield from role.spans

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object for this quote."""

        def opt(role: Role | None) -> Any:
            return None if role is None else role.to_dict()

        return {
            "id": self.id,
            "kind": self.kind,
            "mood": self.mood,
            "content": self.content.to_dict(),
            "cue": opt(self.cue),
            "frame": opt(self.frame),
            "speaker": opt(self.speaker),
            "addressee": opt(self.addressee),
            "sources": [s.to_dict() for s in self.sources],
            "fragments": [f.to_dict() for f in self.fragments],
            "sentence": self.sentence,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "parent": self.parent,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Quote":
        """Inverse of :meth:`to_dict`; unknown extra fields are ignored."""
        return cls(
            id=data["id"],
            kind=data["kind"],
            mood=data.get("mood"),
            content=Role.from_dict(data["content"]),
            cue=_opt(Cue, data.get("cue")),
            frame=_opt(Role, data.get("frame")),
            speaker=_opt(Mention, data.get("speaker")),
            addressee=_opt(Mention, data.get("addressee")),
            sources=tuple(Mention.from_dict(s) for s in data.get("sources") or ()),
            fragments=tuple(Role.from_dict(f) for f in data.get("fragments") or ()),
            sentence=data.get("sentence"),
            confidence=data.get("confidence", 1.0),
            rule=data.get("rule"),
            parent=data.get("parent"),
        )

    def evolve(self, **changes: Any) -> "Quote":
        return attrs.evolve(self, **changes)

    def __repr__(self) -> str:
        """One line: ``<Quote doc:q1 direct „Wir legen …“ speaker='Marion Hellwig' sources=['dpa']>``."""
        speaker = None if self.speaker is None else self.speaker.name or self.speaker.text
        sources = [s.name or s.text for s in self.sources]
        return (
            f"<Quote {self.id} {self.kind} „{_short(self.content.text)}“ speaker={speaker!r}"
            + (f" sources={sources!r}" if sources else "")
            + ">"
        )

    def _repr_html_(self) -> str:
        """A card for notebooks: content, cue, speaker, addressee, chain."""
        from quotecheck.view import quotes_html

        return quotes_html([self.to_dict()])


def _short(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@frozen
class DocumentResult:
    """One output record per input document: its quotes, or why it failed."""

    id: str | None
    quotes: tuple[Quote, ...] = field(default=(), converter=_quotes)
    error: Mapping[str, str] | None = None

    def __repr__(self) -> str:
        """One line: ``<DocumentResult 'hafenstreik' 3 quotes>`` (or its error)."""
        if self.error is not None:
            return f"<DocumentResult {self.id!r} error: {_short(str(self.error.get('message')), 60)}>"
        return f"<DocumentResult {self.id!r} {len(self.quotes)} quotes>"

    def _repr_html_(self) -> str:
        """The document's quotes as cards for notebooks (the text is not part of the result)."""
        from quotecheck.view import quotes_html

        error = None if self.error is None else str(self.error.get("message"))
        return quotes_html([q.to_dict() for q in self.quotes], title=str(self.id), error=error)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"id": self.id, "quotes": [q.to_dict() for q in self.quotes]}
        if self.error is not None:
            record["error"] = dict(self.error)
        return record
