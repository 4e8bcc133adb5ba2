"""Markup and boilerplate removal for scraped pages, with offsets kept.

Pipeline stage 0 (optional, ``strip_html``): before analysis; spans are mapped back after attribution.

Scraped news dumps hold HTML: tags, entities, scripts, navigation. The rules
must see prose, but the output contract says every span indexes *the input
text exactly as given*. Two designs keep that promise:

* blank the markup out with spaces of the same length — cheap, but an entity
  cannot be decoded in place („Stra&szlig;e“ would become „Straß     e“ and
  split the word), and newlines inside a ``<p>`` would fake paragraph breaks;
* build a clean text for the analysis and map every span back through an
  offset map — what :func:`strip_html` does.

So the pipeline analyses :attr:`Cleaned.text` (tags removed, entities
decoded, source line breaks folded into spaces, block elements turned into
paragraph breaks), and :meth:`Cleaned.restore` moves each span back to the
original: a span starts where its first clean character came from and ends
where its last one did (an entity or a ``<br>`` maps to its whole markup).
Consequences, documented in the CLI help too:

* ``spans`` index the original input, as the contract demands;
* a role's ``text`` is what its spans cover in the original, as everywhere
  (so it may hold markup: „Stra&szlig;e“); the canonical ``name`` of a speaker
  or source is read from the clean text.

Boilerplate removal is structural, not statistical: the contents of
``script``, ``style``, ``head``, ``nav``, ``aside``, ``footer``, ``form`` and
similar elements (:data:`DROPPED_ELEMENTS`) and comments are dropped. A
document without any tag keeps its line breaks (only entities are decoded).

Every pattern is bounded or anchored so that hostile input (thousands of
``<`` without ``>``, an unclosed ``<script``) is handled in linear time.
"""

from __future__ import annotations

import bisect
import html as _stdlib_html
from typing import Iterator, TypeVar

import attrs
import regex
from attrs import frozen

from quotecheck.model import Quote, Role, Span, join_spans

__all__ = ["Cleaned", "strip_html", "DROPPED_ELEMENTS", "BLOCK_ELEMENTS"]

#: Any role class (Role, Cue, Mention): moving its spans keeps its class.
R = TypeVar("R", bound=Role)

#: Elements whose whole content is page furniture, not article text.
DROPPED_ELEMENTS = (
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
    "nav", "aside", "footer", "form", "button", "select", "textarea", "menu", "dialog",
)

#: Elements that end a paragraph: their tags become a blank line.
BLOCK_ELEMENTS = (
    "p", "div", "section", "article", "main", "header", "blockquote", "pre", "figure",
    "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr", "address",
    "details", "summary", "title", "body", "html",
)

_MAX_TAG = 4096  # longest tag we accept; bounds every match attempt

_MARKUP_RE = regex.compile(
    rf"""
      (?P<comment><!--.*?(?:-->|\Z))                          # comment (an unclosed one runs to the end)
    | (?P<dropped><(?P<dname>{'|'.join(DROPPED_ELEMENTS)})\b[^<>]{{0,{_MAX_TAG}}}>
          .*?(?:</(?P=dname)\s*>|\Z))                         # furniture element with its content
    | (?P<decl><[!?][^<>]{{0,{_MAX_TAG}}}>)                     # <!DOCTYPE …>, <?xml …?>, CDATA
    | (?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9:-]{{0,64}})
          (?:[^<>"']|"[^<"]{{0,{_MAX_TAG}}}"|'[^<']{{0,{_MAX_TAG}}}'){{0,{_MAX_TAG}}}>)  # no '<' inside
    | (?P<entity>&(?:\#[0-9]{{1,7}}|\#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});)
    | (?P<space>(?<!\s)[^\S\n\r\f\v\x1c-\x1e\x85\u2028\u2029]*+
          [\n\r\f\v\x1c-\x1e\x85\u2028\u2029]\s*+)       # a whitespace run with a line break
    """,
    regex.VERBOSE | regex.DOTALL | regex.IGNORECASE,
)
_ANY_TAG_RE = regex.compile(r"</?[A-Za-z][A-Za-z0-9:-]{0,64}[\s/>]")
_BLOCKS = frozenset(BLOCK_ELEMENTS)


@frozen
class Cleaned:
    """The clean text of a document and the way back to the original offsets.

    The clean text is a sequence of pieces. A *copied* piece maps character
    for character to the original; a *replaced* piece (a decoded entity, the
    space or paragraph break standing for markup) maps each of its characters
    to the whole original range it replaced.
    """

    text: str
    original_length: int
    _starts: tuple[int, ...]  # clean offset where each piece starts (sorted)
    _origins: tuple[int, ...]  # original offset where each piece starts
    _ends: tuple[int, ...]  # original end of a replaced piece, -1 for a copied one

    def _piece(self, i: int) -> int:
        return bisect.bisect_right(self._starts, i) - 1

    def original_start(self, i: int) -> int:
        """Original offset where clean character ``i`` came from."""
        if i >= len(self.text):
            return self.original_length
        p = self._piece(i)
        if self._ends[p] >= 0:
            return self._origins[p]
        return self._origins[p] + (i - self._starts[p])

    def original_end(self, i: int) -> int:
        """Original offset just after the source of clean character ``i``."""
        p = self._piece(i)
        if self._ends[p] >= 0:
            return self._ends[p]
        return self._origins[p] + (i - self._starts[p]) + 1

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` of the clean text as a range of the original."""
        begin = self.original_start(start)
        if end <= start:
            return begin, begin
        return begin, max(begin, self.original_end(end - 1))

    def restore(self, quote: Quote, original: str) -> Quote:
        """``quote`` with every span moved to ``original`` and its text read from there.

        The house rule holds after stripping too: ``original[start:end]`` is the
        role's text (it may contain markup, „Stra&szlig;e“); canonical names of
        speakers and sources stay clean.
        """

        def role(r: R) -> R:
            spans = tuple(Span(*self.original_span(s.start, s.end)) for s in r.spans)
            return attrs.evolve(r, spans=spans, text=join_spans(original, spans))

        def optional(r: R | None) -> R | None:
            return None if r is None else role(r)

        return attrs.evolve(
            quote,
            content=role(quote.content),
            cue=optional(quote.cue),
            frame=optional(quote.frame),
            speaker=optional(quote.speaker),
            addressee=optional(quote.addressee),
            sources=tuple(role(s) for s in quote.sources),
            fragments=tuple(role(f) for f in quote.fragments),
        )


def _decode_entity(entity: str) -> str:
    decoded = _stdlib_html.unescape(entity)
    return decoded if decoded != entity else ""


def _events(text: str, has_tags: bool) -> Iterator[tuple[int, int, str | None]]:
    """``(start, end, replacement)`` for every stretch of markup, in order.

    ``replacement`` is the clean text for the stretch: ``""`` to drop it,
    ``"\\n\\n"`` for a paragraph break, ``None`` to keep the stretch as it is.
    """
    for m in _MARKUP_RE.finditer(text):
        if m.group("comment") is not None or m.group("dropped") is not None or m.group("decl") is not None:
            yield m.start(), m.end(), ""
        elif m.group("tag") is not None:
            name = m.group("name").lower()
            if name == "br":
                yield m.start(), m.end(), "\n"
            elif name in _BLOCKS:
                yield m.start(), m.end(), "\n\n"
            else:
                yield m.start(), m.end(), ""
        elif m.group("entity") is not None:
            decoded = _decode_entity(m.group())
            if decoded:
                yield m.start(), m.end(), decoded
        elif m.group("space") is not None and has_tags:
            yield m.start(), m.end(), " "


def strip_html(text: str) -> Cleaned:
    """The clean text of an HTML document or fragment, with its offset map.

    >>> c = strip_html('<p>&bdquo;Wir <b>bleiben</b>&ldquo;, sagte sie.</p>')
    >>> c.text
    '„Wir bleiben“, sagte sie.'
    >>> c.original_span(1, 12)  # "Wir bleiben" in the original
    (10, 24)
    """
    has_tags = _ANY_TAG_RE.search(text) is not None
    parts: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    ends: list[int] = []
    clean = 0  # length of the clean text so far
    pos = 0  # original offset copied up to
    pending_break: tuple[int, int, str] | None = None  # a break waits for the next text

    def emit(piece: str, origin: int, end: int) -> None:
        nonlocal clean
        if not piece:
            return
        parts.append(piece)
        starts.append(clean)
        origins.append(origin)
        ends.append(end)
        clean += len(piece)

    def flush_break() -> None:
        nonlocal pending_break
        if pending_break is not None:
            if clean:  # no break before the first text
                emit(pending_break[2], pending_break[0], pending_break[1])
            pending_break = None

    for start, end, replacement in _events(text, has_tags):
        if start > pos:
            flush_break()
            emit(text[pos:start], pos, -1)
        pos = end
        if replacement in ("\n", "\n\n"):
            if pending_break is None:
                pending_break = (start, end, replacement)
            elif len(replacement) > len(pending_break[2]):
                pending_break = (pending_break[0], end, replacement)
            else:
                pending_break = (pending_break[0], end, pending_break[2])
        elif replacement == " ":
            if pending_break is not None:  # whitespace next to a break is absorbed
                pending_break = (pending_break[0], end, pending_break[2])
            elif clean:
                emit(" ", start, end)
        elif replacement:
            flush_break()
            emit(replacement, start, end)
    if pos < len(text):
        flush_break()
        emit(text[pos:], pos, -1)
    return Cleaned("".join(parts), len(text), tuple(starts), tuple(origins), tuple(ends))
