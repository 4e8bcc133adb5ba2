"""The report page of ``quotecheck compare --html``: one self-contained HTML file.

Stage: compare (across documents), the end — what a reader looks at.

One page, no network and no external assets (the style and the small filter
script are inline). Each statement group is a section; its renderings stand
side by side, one card per document: the outlet's sentence with the quoted
words highlighted, the words that differ from the reference wording marked
(changed, added; the reference card marks what others changed or dropped),
the chain drawn „Kim Jong Un → KCNA → AP → zeitung“, and the group's
conflicts flagged above the cards. A select box filters the groups by
canonical speaker, a check box keeps only groups with conflicts.

The DOM is the report's interface, and the browser test reads it:
``section.group[data-group][data-speaker][data-conflicts]`` per group,
``article.rendering[data-document][data-quote]`` per rendering,
``li.conflict[data-type]`` per conflict, ``ol.chain > li`` per chain link and
``span.hl.<class>`` per highlight (``content``, ``fragment``, ``speaker``,
``source``, ``diff-changed``, ``diff-added``, ``diff-reference``).
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Iterable, Mapping, Sequence

from quotecheck.model import Span
from quotecheck.provenance.model import Conflict, DiffOp, Rendering, StatementGroup
from quotecheck.text import segment

__all__ = ["render"]

#: How a conflict is named on the page.
CONFLICT_LABELS = {
    "speaker": "speaker differs",
    "chain": "chain differs",
    "wording": "wording differs",
    "kind": "verbatim vs. paraphrase",
}

Highlight = tuple[int, int, str]
"""A document range ``[start, end)`` and the class it is shown with."""

_STYLE = """
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dde5; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       background: var(--bg); margin: 0; padding: 1.5rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: baseline; margin-bottom: 1rem; }
h1 { font-size: 1.35rem; margin: 0; }
.summary { color: var(--muted); }
.filters { display: flex; gap: 1rem; align-items: center; }
section.group { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem;
                margin-bottom: 1rem; }
section.group[hidden] { display: none; }
.group h2 { font-size: 1.05rem; margin: 0 0 .4rem; }
.group h2 .count { color: var(--muted); font-weight: normal; }
ul.conflicts { list-style: none; padding: 0; margin: 0 0 .75rem; display: flex; flex-direction: column; gap: .25rem; }
li.conflict { border-left: 4px solid #c0392b; background: #fdf0ee; padding: .2rem .6rem; border-radius: 3px; }
li.conflict .type { font-weight: 600; margin-right: .5rem; }
li.conflict[data-type=chain] { border-color: #8e44ad; background: #f6eefa; }
li.conflict[data-type=wording] { border-color: #d35400; background: #fdf3ea; }
li.conflict[data-type=kind] { border-color: #2c7da0; background: #eaf4f8; }
.renderings { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: .75rem; }
article.rendering { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .75rem; }
article.rendering.reference { border-color: #7f8c8d; box-shadow: inset 0 0 0 1px #7f8c8d; }
.meta { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; font-size: .85rem; color: var(--muted); }
.outlet { font-weight: 600; color: var(--ink); }
.badge { border: 1px solid var(--line); border-radius: 10px; padding: 0 .45rem; }
ol.chain { list-style: none; padding: 0; margin: .35rem 0; display: flex; flex-wrap: wrap; font-size: .9rem; }
ol.chain li + li::before { content: " → "; color: var(--muted); white-space: pre; }
ol.chain li:first-child { font-weight: 600; }
p.sentence { margin: .35rem 0 0; }
span.hl.content { background: #fff3b0; }
span.hl.fragment { background: #ffe066; }
span.hl.speaker { text-decoration: underline 2px #2c7da0; }
span.hl.source { text-decoration: underline 2px #8e44ad; }
span.hl.diff-changed, span.hl.diff-added { background: #f5b7b1; outline: 1px solid #c0392b; }
span.hl.diff-reference { background: #d5f5e3; outline: 1px dashed #1e8449; }
.score { margin-left: auto; }
.legend span { margin-right: .75rem; }
"""

_SCRIPT = """
(function () {
  var speaker = document.getElementById('speaker-filter');
  var conflicts = document.getElementById('conflicts-only');
  function apply() {
    var groups = document.querySelectorAll('section.group');
    var shown = 0;
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      var ok = (!speaker.value || g.dataset.speaker === speaker.value)
        && (!conflicts.checked || g.dataset.conflicts !== '');
      g.hidden = !ok;
      if (ok) shown++;
    }
    document.getElementById('shown').textContent = shown;
  }
  speaker.addEventListener('change', apply);
  conflicts.addEventListener('change', apply);
  apply();
})();
"""


def render(groups: Sequence[StatementGroup], texts: Mapping[str, str] | None = None, title: str = "quotecheck compare") -> str:
    """The report page for ``groups``; ``texts`` maps document ids to their text.

    With a document's text each card shows the sentence(s) around the quote;
    without it, the quote's own words.
    """
    texts = texts or {}
    sentences = _Sentences(texts)
    conflicts = Counter(c.type for g in groups for c in g.conflicts)
    speakers = sorted({g.speaker for g in groups if g.speaker is not None})
    parts = [
        "<!DOCTYPE html>",
        '<html lang="de"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
        "<header>",
        f"<h1>{_e(title)}</h1>",
        _summary(groups, conflicts),
        _filters(speakers),
        "</header>",
        '<p class="legend">'
        '<span><span class="hl content">quoted or paraphrased words</span></span>'
        '<span><span class="hl fragment">verbatim piece</span></span>'
        '<span><span class="hl diff-changed">differs from the reference</span></span>'
        '<span><span class="hl diff-reference">reference words changed or dropped elsewhere</span></span>'
        "</p>",
        "<main>",
        *(_group(g, sentences) for g in groups),
        "</main>",
        f"<script>{_SCRIPT}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _summary(groups: Sequence[StatementGroup], conflicts: Counter[str]) -> str:
    renderings = sum(len(g.renderings) for g in groups)
    documents = len({r.document for g in groups for r in g.renderings})
    shared = sum(1 for g in groups if len(g.documents) > 1)
    flagged = ", ".join(f"{n} {CONFLICT_LABELS[t]}" for t, n in sorted(conflicts.items())) or "no conflicts"
    return (
        f'<p class="summary"><span id="shown">{len(groups)}</span> of {len(groups)} statements shown · '
        f"{renderings} quotes in {documents} documents · {shared} statements in more than one document · "
        f"{_e(flagged)}</p>"
    )


def _filters(speakers: Iterable[str]) -> str:
    options = "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in speakers)
    return (
        '<div class="filters">'
        '<label>Speaker <select id="speaker-filter"><option value="">all speakers</option>'
        f"{options}</select></label>"
        '<label><input type="checkbox" id="conflicts-only"> only statements with conflicts</label>'
        "</div>"
    )


def _group(group: StatementGroup, sentences: "_Sentences") -> str:
    types = " ".join(c.type for c in group.conflicts)
    count = f"{len(group.renderings)} quote{'s' if len(group.renderings) != 1 else ''}, " \
        f"{len(group.documents)} document{'s' if len(group.documents) != 1 else ''}"
    marks = _diff_marks(group)
    cards = "".join(
        _card(i, r, group.reference == i, marks.get(i, []), sentences) for i, r in enumerate(group.renderings)
    )
    conflicts = "".join(_conflict(c, group) for c in group.conflicts)
    return (
        f'<section class="group" id="{_e(group.id)}" data-group="{_e(group.id)}" '
        f'data-speaker="{_e(group.speaker or "")}" data-conflicts="{_e(types)}">'
        f'<h2>{_e(group.speaker or "unknown speaker")} <span class="count">· {_e(group.id)} · {count}</span></h2>'
        f'<ul class="conflicts">{conflicts}</ul>'
        f'<div class="renderings">{cards}</div>'
        "</section>"
    )


def _conflict(conflict: Conflict, group: StatementGroup) -> str:
    label = CONFLICT_LABELS[conflict.type]
    if conflict.type == "wording":
        detail = "; ".join(_describe_diff(group, d.rendering, d.ops) for d in conflict.diffs)
    else:
        counts = Counter(conflict.values)
        detail = " · ".join(f"{value} ({n}×)" if n > 1 else value for value, n in counts.items())
    return (
        f'<li class="conflict" data-type="{_e(conflict.type)}" '
        f'data-renderings="{_e(" ".join(map(str, conflict.renderings)))}">'
        f'<span class="type">{_e(label)}</span>{_e(detail)}</li>'
    )


def _describe_diff(group: StatementGroup, index: int, ops: Sequence[DiffOp]) -> str:
    who = _outlet(group.renderings[index])
    changes = []
    for op in ops:
        before, after = " ".join(op.reference), " ".join(op.words)
        if op.op == "changed":
            changes.append(f"„{before}“ → „{after}“")
        elif op.op == "dropped":
            changes.append(f"drops „{before}“")
        else:
            changes.append(f"adds „{after}“")
    return f"{who}: " + ", ".join(changes)


def _outlet(rendering: Rendering) -> str:
    return rendering.outlet or rendering.document or "?"


def _diff_marks(group: StatementGroup) -> dict[int, list[Highlight]]:
    """Per rendering position, the diff highlights it shows (its own ops, and the reference's side)."""
    marks: dict[int, list[Highlight]] = {}
    wording = group.conflict("wording")
    for diff in wording.diffs if wording is not None else ():
        for op in diff.ops:
            marks.setdefault(diff.rendering, []).extend((s, e, f"diff-{op.op}") for s, e in op.spans)
            marks.setdefault(diff.reference, []).extend((s, e, "diff-reference") for s, e in op.reference_spans)
    return marks


def _card(index: int, rendering: Rendering, reference: bool, marks: list[Highlight], sentences: "_Sentences") -> str:
    highlights: list[Highlight] = [(s.start, s.end, "content") for s in rendering.content.spans]
    highlights += [(s.start, s.end, "fragment") for f in rendering.fragments for s in f.spans]
    if rendering.speaker is not None:
        highlights += [(s.start, s.end, "speaker") for s in rendering.speaker.spans]
    highlights += [(s.start, s.end, "source") for m in rendering.sources for s in m.spans]
    highlights += [m for m in marks if m[2] != "diff-dropped"]
    chain = "".join(f"<li>{_e(link)}</li>" for link in rendering.chain)
    mood = f'<span class="badge mood">{_e(rendering.mood)}</span>' if rendering.mood else ""
    classes = "rendering reference" if reference else "rendering"
    return (
        f'<article class="{classes}" data-rendering="{index}" data-document="{_e(rendering.document or "")}" '
        f'data-quote="{_e(rendering.quote)}" data-kind="{_e(rendering.kind)}">'
        f'<div class="meta"><span class="outlet">{_e(_outlet(rendering))}</span>'
        f'<span class="badge kind">{_e(rendering.kind)}</span>{mood}'
        f'{"<span class=badge>reference wording</span>" if reference else ""}'
        f'<span class="score" title="similarity to the reference">{rendering.score:.2f}</span></div>'
        f'<ol class="chain" title="speaker → intermediaries → outlet">{chain}</ol>'
        f'<p class="sentence">{sentences.snippet(rendering, highlights)}</p>'
        "</article>"
    )


class _Sentences:
    """The sentences around a rendering, from its document's text when there is one."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.texts = texts
        self.layers: dict[str, list[tuple[int, int]]] = {}

    def _bounds(self, document: str) -> list[tuple[int, int]]:
        if document not in self.layers:
            layer = segment(self.texts[document])
            self.layers[document] = [(s.start, s.end) for s in layer.sentences]
        return self.layers[document]

    def snippet(self, rendering: Rendering, highlights: list[Highlight]) -> str:
        """The highlighted HTML of the rendering's sentences, or of its content alone."""
        text = self.texts.get(rendering.document or "")
        if text is None:
            return " … ".join(
                _marked(piece, span.start, highlights)
                for piece, span in zip(_span_texts(rendering.content.text, rendering.content.spans),
                                       rendering.content.spans)
            )
        starts = [s for s, _, _ in highlights if s < len(text)]
        ends = [e for _, e, _ in highlights if e <= len(text)]
        if not starts or not ends:
            return _e(rendering.content.text)
        first, last = min(starts), max(ends)
        bounds = self._bounds(rendering.document or "")
        start = min((s for s, e in bounds if s <= first < e), default=first)
        end = max((e for s, e in bounds if s < last <= e), default=last)
        return _marked(text[start:end], start, highlights)


def _span_texts(joined: str, spans: Sequence[Span]) -> list[str]:
    """The text of each span of a role whose text is its spans' text joined with one space."""
    pieces, position = [], 0
    for span in spans:
        length = span.end - span.start
        pieces.append(joined[position : position + length])
        position += length + 1
    return pieces


def _marked(text: str, offset: int, highlights: list[Highlight]) -> str:
    """``text`` (which starts at document offset ``offset``) as HTML with its highlights.

    Highlights may nest and overlap: the text is cut at every boundary and each
    piece carries the classes of every highlight covering it.
    """
    end = offset + len(text)
    inside = [(max(s, offset), min(e, end), c) for s, e, c in highlights if s < end and e > offset and s < e]
    cuts = sorted({offset, end, *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = _e(text[a - offset : b - offset])
        classes = sorted({c for s, e, c in inside if s <= a and b <= e})
        out.append(f'<span class="hl {" ".join(classes)}">{piece}</span>' if classes else piece)
    return "".join(out)
