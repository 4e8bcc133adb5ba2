"""HTML for quotes: a self-contained page of documents, and cards for notebooks.

Everything works on quote *records* (``Quote.to_dict()``, docs/output-format.md),
so a page can show records read back from ``quotecheck extract`` as well as fresh
results, including fields a newer version adds (``parent``, a source's
``relation``, ``rule``).

The text of a document is drawn with its quotes highlighted: each quote's content
by kind, its cue, speaker, addressee and sources marked. Highlights are nested
HTML elements; where two of them cross (a speaker inside one quote's content and
another's frame), the later one is split into pieces, so each piece still covers
exactly its characters and the text reads the same as the original. Every
highlight carries ``data-q`` (the quote's number on the page), ``data-role`` and,
for content, ``data-span`` (which of the content's spans it belongs to).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import IO, Any

from attrs import frozen

__all__ = ["PageDocument", "card_css", "document_html", "quote_card", "quotes_html", "write_page"]

#: Role marks drawn inside the text, in the order they nest when they cover the same characters.
_ROLES = ("content", "fragment", "cue", "speaker", "addressee", "source")
_KIND_LABELS = {"direct": "direct", "indirect": "indirect", "free_indirect": "free indirect", "reported": "reported"}


@frozen
class PageDocument:
    """One document of a page: its text and quote records, or why it has none."""

    id: str | None
    text: str
    quotes: Sequence[Mapping[str, Any]] = ()
    error: str | None = None


@frozen
class _Mark:
    """One highlight: ``[start, end)`` of the text for one role of one quote."""

    start: int
    end: int
    q: int
    role: str
    kind: str
    span: int = 0


@cache
def _asset(name: str) -> str:
    return resources.files("quotecheck.view").joinpath(name).read_text(encoding="utf-8")


def card_css() -> str:
    """The style sheet of quote cards (``.qc`` scope): pages and notebooks share it."""
    return _asset("page.css")


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


# ---------------------------------------------------------------------------
# Cards: one quote, with everything the record says about it.
# ---------------------------------------------------------------------------


def _mention(mention: Mapping[str, Any] | None) -> str:
    """„Name“ (or the words, when unnamed), then the words the text uses and the type."""
    if not mention:
        return "–"
    text = str(mention.get("text", ""))
    name = mention.get("name")
    shown = f"<b>{_e(name)}</b>" if name else f"<i>unnamed</i> <b>{_e(text)}</b>"
    said = f" <span class=\"said\">„{_e(text)}“</span>" if name and name != text else ""
    kind = mention.get("type")
    return shown + said + (f" <span class=\"rel\">{_e(kind)}</span>" if kind else "")


def _chain(quote: Mapping[str, Any]) -> str:
    """The speaker, then each source outwards: „Peskow → TASS (reported_by) → Reuters“."""
    speaker = quote.get("speaker") or {}
    links = [f"<li>{_e(speaker.get('name') or speaker.get('text') or '?')}</li>"]
    for source in quote.get("sources") or ():
        relation = source.get("relation")
        rel = f" <span class=\"rel\">{_e(relation)}</span>" if relation else ""
        links.append(f"<li>{_e(source.get('name') or source.get('text'))}{rel}</li>")
    return f"<ol class=\"chain\">{''.join(links)}</ol>"


def _rows(quote: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    cue = quote.get("cue")
    if cue:
        lemma = f" <span class=\"said\">({_e(cue['lemma'])})</span>" if cue.get("lemma") else ""
        yield "cue", f"<b>{_e(cue.get('text'))}</b>{lemma}"
    yield "speaker", _mention(quote.get("speaker"))
    if quote.get("addressee"):
        yield "addressee", _mention(quote.get("addressee"))
    if quote.get("sources"):
        yield "chain", _chain(quote)
    for fragment in quote.get("fragments") or ():
        yield "fragment", f"„{_e(fragment.get('text'))}“"
    if quote.get("mood"):
        yield "mood", _e(quote["mood"])
    if quote.get("rule"):
        yield "rule", f"<code>{_e(quote['rule'])}</code>"


def quote_card(quote: Mapping[str, Any], q: int | None = None, children: str = "") -> str:
    """One quote as a card (``<li>``); focusable and linked to its highlights when ``q`` is given."""
    kind = str(quote.get("kind"))
    content = str((quote.get("content") or {}).get("text", ""))
    speaker = quote.get("speaker") or {}
    who = speaker.get("name") or speaker.get("text") or "unknown speaker"
    attrs = f' class="card k-{_e(kind)}" data-id="{_e(quote.get("id", ""))}"'
    if q is not None:
        attrs += f' id="card-{q}" data-q="{q}" tabindex="0"'
    label = f"{_KIND_LABELS.get(kind, kind)} quote by {who}: {content}"
    confidence = quote.get("confidence")
    rows = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in _rows(quote))
    return (
        f'<li{attrs} aria-label="{_e(label)}">'
        f'<div class="head"><span class="badge">{_e(_KIND_LABELS.get(kind, kind))}</span>'
        f'<span>{_e(quote.get("id", ""))}</span>'
        + (f"<span>confidence {float(confidence):.2f}</span>" if confidence is not None else "")
        + f'</div><div class="quote-text" lang="de">„{_e(content)}“</div><dl lang="de">{rows}</dl>'
        + (f'<ol class="children">{children}</ol>' if children else "")
        + "</li>"
    )


def _forest(quotes: Sequence[Mapping[str, Any]]) -> tuple[list[int], dict[int, list[int]]]:
    """Roots and children (indices) by ``parent`` ids; a parent that is missing, or a
    cycle, leaves the quote at the top level."""
    index = {q.get("id"): k for k, q in enumerate(quotes) if q.get("id") is not None}
    children: dict[int, list[int]] = {}
    roots = []
    for k, quote in enumerate(quotes):
        parent = index.get(quote.get("parent"))
        if parent is None or _cycles(quotes, index, k):
            roots.append(k)
        else:
            children.setdefault(parent, []).append(k)
    return roots, children


def _cycles(quotes: Sequence[Mapping[str, Any]], index: Mapping[Any, int], start: int) -> bool:
    seen = {start}
    k: int | None = index.get(quotes[start].get("parent"))
    while k is not None:
        if k in seen:
            return True
        seen.add(k)
        k = index.get(quotes[k].get("parent"))
    return False


def _cards(quotes: Sequence[Mapping[str, Any]], first: int | None) -> str:
    """The cards of one document's quotes, children inside their parent; ``first`` numbers them."""
    roots, children = _forest(quotes)

    def card(k: int) -> str:
        inner = "".join(card(c) for c in children.get(k, ()))
        return quote_card(quotes[k], None if first is None else first + k, inner)

    return "".join(card(k) for k in roots)


def quotes_html(quotes: Sequence[Mapping[str, Any]], title: str | None = None, error: str | None = None) -> str:
    """Quote cards with their style, for a notebook (``Quote._repr_html_`` and friends)."""
    head = f"<div class=\"head\"><b>{_e(title)}</b> {len(quotes)} quotes</div>" if title is not None else ""
    failed = f"<p class=\"error\">{_e(error)}</p>" if error else ""
    return (
        f"<div class=\"qc\"><style>{card_css()}</style>{head}{failed}"
        f"<ol class=\"cards\">{_cards(quotes, None)}</ol></div>"
    )


# ---------------------------------------------------------------------------
# The text with its highlights.
# ---------------------------------------------------------------------------


def _spans(role: Mapping[str, Any] | None) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in (role or {}).get("spans") or ()]


def _marks(quote: Mapping[str, Any], q: int) -> Iterator[_Mark]:
    kind = str(quote.get("kind"))
    for k, (start, end) in enumerate(_spans(quote.get("content"))):
        yield _Mark(start, end, q, "content", kind, k)
    for fragment in quote.get("fragments") or ():
        for start, end in _spans(fragment):
            yield _Mark(start, end, q, "fragment", kind)
    for name in ("cue", "speaker", "addressee"):
        for start, end in _spans(quote.get(name)):
            yield _Mark(start, end, q, name, kind)
    for source in quote.get("sources") or ():
        for start, end in _spans(source):
            yield _Mark(start, end, q, "source", kind)


def _open(mark: _Mark, titles: Mapping[int, str]) -> str:
    classes = f"m {mark.role}" + (f" k-{mark.kind}" if mark.role == "content" else "")
    span = f' data-span="{mark.span}"' if mark.role == "content" else ""
    title = f' title="{_e(titles[mark.q])}"' if mark.role == "content" else ""
    return f'<span class="{_e(classes)}" data-q="{mark.q}" data-role="{mark.role}"{span}{title}>'


def highlight(text: str, marks: Iterable[_Mark], titles: Mapping[int, str]) -> str:
    """``text`` escaped, with each mark as a ``<span>``, split where marks cross (see module doc)."""
    starts: dict[int, list[_Mark]] = {}
    positions = {0, len(text)}
    for mark in marks:
        end = min(mark.end, len(text))
        if mark.start < end:
            starts.setdefault(mark.start, []).append(mark)
            positions.update((mark.start, end))
    out: list[str] = []
    stack: list[_Mark] = []
    previous = 0
    for position in sorted(positions):
        out.append(html.escape(text[previous:position], quote=False))
        previous = position
        ending = [k for k, mark in enumerate(stack) if min(mark.end, len(text)) <= position]
        if ending:
            keep = [mark for mark in stack[ending[0]:] if min(mark.end, len(text)) > position]
            out.append("</span>" * (len(stack) - ending[0]))
            del stack[ending[0]:]
            for mark in keep:  # crossing marks go on in a new piece
                out.append(_open(mark, titles))
                stack.append(mark)
        opening = sorted(starts.get(position, ()), key=lambda m: (-m.end, _ROLES.index(m.role), m.q))
        for mark in opening:
            out.append(_open(mark, titles))
            stack.append(mark)
    out.append("</span>" * len(stack))
    return "".join(out)


def _title(quote: Mapping[str, Any]) -> str:
    speaker = quote.get("speaker") or {}
    who = speaker.get("name") or speaker.get("text") or "unknown speaker"
    kind = str(quote.get("kind"))
    return f"{_KIND_LABELS.get(kind, kind)} · {who}"


def document_html(doc: PageDocument, number: int, first: int) -> str:
    """One document's section: heading, highlighted text, cards; quotes numbered from ``first``."""
    heading = _e(doc.id if doc.id is not None else "(no id)")
    head = f'<h2 id="doc-{number}-h">{heading} <small>{len(doc.quotes)} quotes</small></h2>'
    if doc.error is not None:
        return (
            f'<section class="doc failed" aria-labelledby="doc-{number}-h">{head}'
            f'<p class="error">{_e(doc.error)}</p></section>'
        )
    marks = [mark for k, quote in enumerate(doc.quotes) for mark in _marks(quote, first + k)]
    titles = {first + k: _title(quote) for k, quote in enumerate(doc.quotes)}
    return (
        f'<section class="doc" id="doc-{number}" aria-labelledby="doc-{number}-h">{head}'
        f'<div class="cols"><div class="text" lang="de">{highlight(doc.text, marks, titles)}</div>'
        f'<ol class="cards" aria-label="quotes of {heading}">{_cards(doc.quotes, first)}</ol></div></section>'
    )


_LEGEND = (
    '<ul class="legend">'
    + "".join(
        f'<li><span class="m content k-{kind}">{label}</span></li>' for kind, label in _KIND_LABELS.items()
    )
    + '<li><span class="m cue">cue</span></li><li><span class="m speaker">speaker</span></li>'
    '<li><span class="m addressee">addressee</span></li><li><span class="m source">source</span></li></ul>'
)
_KEYS = (
    '<p class="keys"><kbd>j</kbd>/<kbd>↓</kbd> next quote, <kbd>k</kbd>/<kbd>↑</kbd> previous, '
    "<kbd>Tab</kbd> moves too; click a highlight to show its quote.</p>"
)


def write_page(documents: Iterable[PageDocument], out: IO[str], title: str = "quotecheck") -> tuple[int, int]:
    """Write one self-contained HTML page (inline style and script, nothing fetched).

    Documents are written as they come, so memory stays flat over long inputs.
    Returns ``(documents, quotes)`` written.
    """
    from quotecheck import __version__

    out.write(
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="quotecheck {_e(__version__)}">'
        f"<title>{_e(title)}</title><style>{card_css()}{_asset('layout.css')}</style></head>\n"
        f'<body class="qc"><header><h1>{_e(title)}</h1>{_LEGEND}{_KEYS}</header><main>\n'
    )
    count = quotes = 0
    for doc in documents:
        count += 1
        out.write(document_html(doc, count, quotes) + "\n")
        quotes += len(doc.quotes)
    out.write(
        f"</main><footer><p>{count} documents, {quotes} quotes; quotecheck {_e(__version__)}.</p></footer>"
        f"<script>{_asset('page.js')}</script></body></html>\n"
    )
    return count, quotes
