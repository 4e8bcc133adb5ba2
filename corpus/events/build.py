#!/usr/bin/env python3
"""Build corpus/events/gold.jsonl and conflicts.json from the event clusters in corpus/events/src/.

Each event is a folder ``src/<event-id>/`` with one source file per article (the
corpus source format of corpus/README.md plus ``outlet``, ``style``, a
``statement`` on every quote and a ``relation`` on every source) and an
``event.json`` that names the event's entities, its statements and the gold
conflicts between their renderings. The substrings are resolved to offsets by
corpus/build.py's own functions (imported, not copied); this script adds the
cross-article checks and writes:

- ``gold.jsonl``: one article per line in the quote contract, each quote with its
  ``statement``, each source with its ``relation``, the article with ``event``,
  ``outlet`` and ``style``;
- ``conflicts.json``: per event the statements (canonical speaker, gloss, the quote
  ids that render it) and the gold conflicts, with each rendering's compared value.

    python corpus/events/build.py --check            # validate only; exit 1 on problems
    python corpus/events/build.py                    # validate and write both files
    python corpus/events/build.py --show ev03        # statements side by side, with conflicts
    python corpus/events/build.py --update-readme    # also rewrite the counts in README.md

Standard library only (Python 3.11). The conflict definitions are in README.md
("Gold conflicts"); ``derive_conflicts`` is their executable form.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
GOLD = HERE / "gold.jsonl"
CONFLICTS = HERE / "conflicts.json"
README = HERE / "README.md"
START, END = "<!-- events:start -->", "<!-- events:end -->"


def _load(name: str, path: Path) -> ModuleType:
    """Import a sibling script by path (corpus/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _load_stats(build: ModuleType) -> ModuleType:
    """Import corpus/stats.py, whose ``from build import …`` must get corpus/build.py.

    The module is lent under that name only while stats.py loads, and sys.path is
    put back, so an installed package called ``build`` is neither shadowed nor used.
    """
    saved_path, saved_build = list(sys.path), sys.modules.get("build")
    sys.modules["build"] = build
    try:
        return _load("quotecheck_corpus_stats", HERE.parent / "stats.py")
    finally:
        sys.path[:] = saved_path
        if saved_build is None:
            del sys.modules["build"]
        else:
            sys.modules["build"] = saved_build


# corpus/build.py resolves and checks every quote; its vocabulary is ours.
cb = _load("quotecheck_corpus_build", HERE.parent / "build.py")
stats = _load_stats(cb)
AnnotationError = cb.AnnotationError

STYLES = ("agency", "newspaper", "broadcaster", "translated_wire", "press_release")
RELATIONS = ("told_to", "reported_by", "published_in")
CONFLICT_TYPES = ("speaker", "chain", "wording", "kind")
ARTICLE_KEYS = {"outlet", "style"}  # what an event article adds to a corpus article
EVENT_KEYS = {"id", "title", "date", "summary", "entities", "statements", "conflicts", "note"}
STATEMENT_ID = re.compile(r"^(?P<event>[a-z0-9-]+):s[1-9][0-9]*$")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")

Rendering = tuple[str, int]  # (article id, 1-based quote number as in "<article>:q<N>")


# --------------------------------------------------------------------------- articles


def _split_extras(raw: dict[str, Any], name: str) -> tuple[dict[str, Any], list[str]]:
    """Take the statement ids off the quotes so corpus/build.py sees its own format.

    Returns the cleaned article and each quote's statement id, to be put back on the
    built record. Source relations stay on the sources: corpus/build.py checks them.
    """
    quotes = raw.get("quotes")
    if not isinstance(quotes, list):
        raise AnnotationError(f"{name}: 'quotes' must be a list")
    statements: list[str] = []
    clean_quotes = []
    for i, q in enumerate(quotes):
        where = f"{name} quote {i} ({raw.get('id')}:q{i + 1})"
        if not isinstance(q, dict):
            raise AnnotationError(f"{where}: a quote must be an object")
        q = dict(q)
        sid = q.pop("statement", None)
        if not isinstance(sid, str):
            raise AnnotationError(f"{where}: every quote needs a 'statement' id")
        statements.append(sid)
        clean_quotes.append(q)
    clean = {k: v for k, v in raw.items() if k not in ARTICLE_KEYS}
    clean["quotes"] = clean_quotes
    return clean, statements


def build_article(path: Path, event_id: str, scratch: Path) -> tuple[dict[str, Any], list[str]]:
    """Build one article with corpus/build.py and put the event fields back on it."""
    name = f"{path.parent.name}/{path.name}"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AnnotationError(f"{name}: cannot read JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise AnnotationError(f"{name}: top level must be an object")
    outlet, style = raw.get("outlet"), raw.get("style")
    if not isinstance(outlet, str) or not outlet.strip():
        raise AnnotationError(f"{name}: needs a non-empty 'outlet'")
    if style not in STYLES:
        raise AnnotationError(f"{name}: style {style!r} not in {STYLES}")
    clean, statements = _split_extras(raw, name)
    # corpus/build.py reads a file whose stem is the id; give it the cleaned copy.
    tmp = scratch / path.name
    tmp.write_text(json.dumps(clean, ensure_ascii=False), encoding="utf-8")
    try:
        doc, warnings = cb.build_doc(tmp)
    except AnnotationError as exc:
        raise AnnotationError(f"{path.parent.name}/{exc}") from None
    for i, (quote, sid) in enumerate(zip(doc["quotes"], statements)):
        m = STATEMENT_ID.match(sid)
        if not m or m["event"] != event_id:
            raise AnnotationError(f"{name} quote {i} ({quote['id']}): statement {sid!r} must be '{event_id}:s<N>'")
        quote["statement"] = sid
    record = {
        "id": doc["id"], "event": event_id, "outlet": outlet, "style": style,
        "text": doc["text"], "quotes": doc["quotes"], "non_quotes": doc["non_quotes"],
    }
    return record, [f"{path.parent.name}/{w}" for w in warnings]


# --------------------------------------------------------------------------- entities


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass
class Entities:
    """The event's people and organisations: canonical name -> aliases.

    An alias is either a canonical name another document uses („Ri Chol Ho“ for
    „Ri Chol-ho“) or a mention text that names no one in its own document
    („Nordkoreas Verteidigungsminister“); the mention text decides before the
    name. An entry is a list of aliases, or ``{"aliases": [...], "speaks_for":
    ENTITY}`` for a spokesperson or a body that speaks for another:
    „Kremlsprecher Dmitri Sacharow“ speaks for the Kreml, so „Der Kreml verlangte
    …“ and „…, sagte Sacharow“ give a statement to the same speaker. The relation
    is followed upwards (a ministry's spokesman speaks for the ministry, which
    speaks for its country), never sideways: two spokespeople of one ministry are
    two speakers.
    """

    by_text: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    speaks_for: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, raw: Any, where: str) -> Entities:
        if not isinstance(raw, dict) or not raw:
            raise AnnotationError(f"{where}: 'entities' must be an object canonical name -> [aliases]")
        ents = cls()
        for canonical, entry in raw.items():
            aliases = entry
            if isinstance(entry, dict):
                if set(entry) - {"aliases", "speaks_for"} or not isinstance(entry.get("speaks_for"), str):
                    raise AnnotationError(f"{where}: {canonical!r} needs 'speaks_for' (and optional 'aliases')")
                aliases = entry.get("aliases", [])
                ents.speaks_for[canonical] = entry["speaks_for"]
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                raise AnnotationError(f"{where}: aliases of {canonical!r} must be a list of strings")
            for alias in [canonical, *aliases]:
                for table, key in ((ents.by_name, alias), (ents.by_text, _norm(alias))):
                    if table.get(key, canonical) != canonical:
                        raise AnnotationError(f"{where}: {alias!r} is an alias of both {table[key]!r} and {canonical!r}")
                    table[key] = canonical
        for person, org in ents.speaks_for.items():
            if ents.by_name.get(org) != org:
                raise AnnotationError(f"{where}: {person!r} speaks for {org!r}, which is not a canonical entity")
            if person in ents.principals(person):
                raise AnnotationError(f"{where}: {person!r} speaks for itself through a cycle")
        return ents

    def principals(self, entity: str) -> tuple[str, ...]:
        """Whom an entity speaks for, nearest first: Liang → Handelsministerium → China."""
        chain: list[str] = []
        current = self.speaks_for.get(entity)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.speaks_for.get(current)
        return tuple(chain)

    def canonical(self, role: dict[str, Any], where: str) -> str:
        found = self.by_text.get(_norm(role["text"]))
        if found is None and role.get("name") is not None:
            found = self.by_name.get(role["name"])
        if found is None:
            raise AnnotationError(
                f"{where}: {role['text']!r} (name {role.get('name')!r}) is not in the event's entities; "
                "add its name (or its mention text, when the name is null) to event.json"
            )
        return found


# --------------------------------------------------------------------------- renderings


@dataclass(frozen=True)
class Values:
    """What the four conflict types compare, for one rendering."""

    doc: str
    quote_id: str
    speaker: str | None
    principals: tuple[str, ...]  # whom the speaker speaks for (speaks_for, followed upwards)
    chain: tuple[str, ...]
    kind: str
    pieces: tuple[tuple[str, ...], ...]  # verbatim words: direct content parts, else fragments

    def value(self, ctype: str) -> Any:
        if ctype == "speaker":
            return self.speaker
        if ctype == "chain":
            return " → ".join(self.chain) if self.chain else "(none)"
        if ctype == "kind":
            return self.kind
        return [" ".join(p) for p in self.pieces]


def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens, punctuation dropped: „Wir werden – sofort!“ → (wir, werden, sofort)."""
    return tuple(WORD.findall(text.lower()))


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i:i + n] == small for i in range(len(big) - n + 1))


Pieces = tuple[tuple[str, ...], ...]


def compatible(a: Pieces, b: Pieces) -> bool:
    """True when one side's verbatim words could all be cut from the other's.

    Every piece of one side must occur, as a contiguous run of tokens, in the
    other side's pieces joined in text order: the fragment „mit jedem Test
    stärker“ fits the direct quote „Unsere Abschreckung wird mit jedem Test
    stärker“; „Geduld und Augenmaß“ and „Augenmaß und Ausdauer“ do not fit.
    """
    joined_a = tuple(t for p in a for t in p)
    joined_b = tuple(t for p in b for t in p)
    return all(_contains(joined_b, p) for p in a) or all(_contains(joined_a, p) for p in b)


# Function words that do not make two verbatim pieces "the same part of a statement".
STOPWORDS = frozenset(
    "aber alle als auch auf aus bei das dass dem den der des die diese dieser dieses doch ein eine einem "
    "einen einer eines es für haben hat ich ihr im in ist kann man mit nach nicht noch nur oder sein "
    "sich sie sind so und uns unsere unser vom von vor wir wird werden wie zu zum zur".split()
)


def overlapping(a: Pieces, b: Pieces) -> bool:
    """Both sides render the same part: a shared content word (4+ letters, not a
    function word) or a shared run of two tokens. Two outlets that quote different
    sentences of one statement do not disagree about its wording."""
    ta = {t for p in a for t in p}
    tb = {t for p in b for t in p}
    if any(len(t) >= 4 and t not in STOPWORDS for t in ta & tb):
        return True

    def bigrams(pieces: Pieces) -> set[tuple[str, ...]]:
        return {p[i:i + 2] for p in pieces for i in range(len(p) - 1)}

    return bool(bigrams(a) & bigrams(b))


def rendering_values(doc: dict[str, Any], n: int, quote: dict[str, Any], ents: Entities) -> Values:
    where = f"{doc['id']}:q{n}"
    speaker = ents.canonical(quote["speaker"], f"{where} speaker") if quote["speaker"] else None
    chain = tuple(ents.canonical(s, f"{where} source {i + 1}") for i, s in enumerate(quote["sources"]))
    text = doc["text"]
    if quote["kind"] == "direct":
        pieces = tuple(tokens(text[a:b]) for a, b in quote["content"]["spans"])
    else:
        pieces = tuple(tokens(f["text"]) for f in quote["fragments"])
    return Values(
        doc["id"], quote["id"], speaker, ents.principals(speaker) if speaker else (), chain, quote["kind"],
        tuple(p for p in pieces if p),
    )


def _differ(ctype: str, a: Values, b: Values) -> bool:
    if ctype == "speaker":
        if a.speaker is None or b.speaker is None:
            return False
        return a.speaker != b.speaker and a.speaker not in b.principals and b.speaker not in a.principals
    if ctype == "chain":
        return a.chain != b.chain
    return (a.kind == "direct") != (b.kind == "direct")


def _wording_conflicts(renderings: list[Values]) -> set[str]:
    """Documents are compared as wholes: all verbatim words one document gives the
    statement (in text order) against all another gives it, so an outlet that
    splits a quote in two, or shortens it in the headline, is not at odds with one
    that quotes it in one piece."""
    docs: dict[str, list[Values]] = {}
    for v in renderings:
        if v.pieces:
            docs.setdefault(v.doc, []).append(v)
    hit: set[str] = set()
    names = list(docs)
    for i, da in enumerate(names):
        for db in names[i + 1:]:
            pa = tuple(p for v in docs[da] for p in v.pieces)
            pb = tuple(p for v in docs[db] for p in v.pieces)
            if not compatible(pa, pb) and overlapping(pa, pb):
                hit |= {v.quote_id for v in docs[da] + docs[db]}
    return hit


def derive_conflicts(renderings: list[Values], ctype: str) -> list[str]:
    """Quote ids of the renderings that take part in a ctype conflict, in corpus order.

    speaker, chain, kind: renderings in at least one pair from two different
    documents that differ: different canonical speakers unless one speaks for the other
    (speaks_for, followed upwards); different ordered source lists (canonical names,
    relations not compared, the empty chain included); one verbatim (direct) and one
    not. wording: the verbatim renderings of two documents whose words disagree
    (`_wording_conflicts`). Renderings within one document are never compared.
    """
    if ctype == "wording":
        hit = _wording_conflicts(renderings)
    else:
        hit = set()
        for i, a in enumerate(renderings):
            for b in renderings[i + 1:]:
                if a.doc != b.doc and _differ(ctype, a, b):
                    hit |= {a.quote_id, b.quote_id}
    return [r.quote_id for r in renderings if r.quote_id in hit]


# --------------------------------------------------------------------------- events


@dataclass
class Event:
    id: str
    meta: dict[str, Any]
    entities: Entities
    articles: list[dict[str, Any]]
    renderings: dict[str, list[Values]]  # statement id -> renderings in article and quote order
    conflicts: list[dict[str, Any]]


def _check_statements(raw: Any, event_id: str, ents: Entities, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(raw, dict) or not raw:
        raise AnnotationError(f"{where}: 'statements' must be an object id -> {{speaker, gloss}}")
    for sid, st in raw.items():
        m = STATEMENT_ID.match(sid)
        if not m or m["event"] != event_id:
            raise AnnotationError(f"{where}: statement id {sid!r} must be '{event_id}:s<N>'")
        if not isinstance(st, dict) or set(st) != {"speaker", "gloss"}:
            raise AnnotationError(f"{where}: statement {sid} needs exactly 'speaker' and 'gloss'")
        if st["speaker"] not in ents.by_name or ents.by_name[st["speaker"]] != st["speaker"]:
            raise AnnotationError(f"{where}: statement {sid}: speaker {st['speaker']!r} is not a canonical entity")
        if not isinstance(st["gloss"], str) or not st["gloss"].strip():
            raise AnnotationError(f"{where}: statement {sid}: empty gloss")
    return raw


def _listed_renderings(rends: Any, sid: str, ev: Event, by_rendering: dict[Rendering, Values], w: str) -> list[Values]:
    """The renderings a conflict lists, each an existing quote of the statement, in two documents at least."""
    if not isinstance(rends, list) or len(rends) < 2:
        raise AnnotationError(f"{w}: 'renderings' must list at least two [article-id, quote-number] pairs")
    vals = []
    for r in rends:
        if not (isinstance(r, list) and len(r) == 2 and isinstance(r[0], str) and isinstance(r[1], int)):
            raise AnnotationError(f"{w}: rendering {r!r} must be [article-id, quote-number]")
        v = by_rendering.get((r[0], r[1]))
        if v is None:
            raise AnnotationError(f"{w}: rendering {r!r} is not a quote of this event")
        if v not in ev.renderings[sid]:
            raise AnnotationError(f"{w}: rendering {r!r} renders another statement, not {sid}")
        vals.append(v)
    if len({v.quote_id for v in vals}) != len(vals):
        raise AnnotationError(f"{w}: a rendering is listed twice")
    if len({v.doc for v in vals}) < 2:
        raise AnnotationError(f"{w}: a conflict needs renderings from two documents")
    return vals


def _check_conflict(c: Any, i: int, ev: Event, by_rendering: dict[Rendering, Values], where: str) -> dict[str, Any]:
    """One annotated conflict, checked against the derived one and put in output form."""
    w = f"{where} conflict {i}"
    if not isinstance(c, dict) or set(c) - {"statement", "type", "renderings", "note"}:
        raise AnnotationError(f"{w}: expected {{statement, type, renderings, note}}")
    sid, ctype = c.get("statement"), c.get("type")
    if not isinstance(sid, str) or sid not in ev.renderings:
        raise AnnotationError(f"{w}: statement {sid!r} has no renderings in this event")
    if ctype not in CONFLICT_TYPES:
        raise AnnotationError(f"{w}: type {ctype!r} not in {CONFLICT_TYPES}")
    if not isinstance(c.get("note"), str) or not c["note"].strip():
        raise AnnotationError(f"{w}: every conflict needs a 'note' saying what differs")
    listed = [v.quote_id for v in _listed_renderings(c.get("renderings"), sid, ev, by_rendering, w)]
    derived = derive_conflicts(ev.renderings[sid], ctype)
    if sorted(listed) != sorted(derived):
        raise AnnotationError(f"{w}: renderings {sorted(listed)} but the {ctype} values differ for {sorted(derived)}")
    ordered = [v for v in ev.renderings[sid] if v.quote_id in listed]
    return {
        "statement": sid, "type": ctype, "quotes": [v.quote_id for v in ordered],
        "renderings": [[v.doc, int(v.quote_id.rsplit(":q", 1)[1])] for v in ordered],
        "values": {v.quote_id: v.value(ctype) for v in ordered},
        "note": c["note"],
    }


def _completeness(ev: Event, annotated: set[tuple[str, str]]) -> list[str]:
    """Errors for conflicts the renderings show but event.json does not list."""
    return [
        f"{ev.id}: statement {sid} has a {ctype} conflict that event.json does not list "
        f"({', '.join(derive_conflicts(rends, ctype))})"
        for sid, rends in ev.renderings.items()
        for ctype in CONFLICT_TYPES
        if derive_conflicts(rends, ctype) and (sid, ctype) not in annotated
    ]


def build_event(folder: Path, scratch: Path) -> tuple[Event, list[str]]:
    where = f"{folder.name}/event.json"
    try:
        meta = json.loads((folder / "event.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AnnotationError(f"{where}: cannot read JSON: {exc}") from exc
    if not isinstance(meta, dict) or set(meta) - EVENT_KEYS:
        raise AnnotationError(f"{where}: unknown keys {sorted(set(meta) - EVENT_KEYS)}")
    if meta.get("id") != folder.name:
        raise AnnotationError(f"{where}: id {meta.get('id')!r} must equal the folder name")
    for key in ("title", "date", "summary"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise AnnotationError(f"{where}: needs a non-empty {key!r}")
    ents = Entities.parse(meta.get("entities"), where)
    statements = _check_statements(meta.get("statements"), folder.name, ents, where)

    warnings: list[str] = []
    articles = []
    for path in sorted(p for p in folder.glob("*.json") if p.name != "event.json"):
        record, warn = build_article(path, folder.name, scratch)
        articles.append(record)
        warnings.extend(warn)
    if not 3 <= len(articles) <= 5:
        raise AnnotationError(f"{folder.name}: an event has 3 to 5 articles, not {len(articles)}")
    if len({a["style"] for a in articles}) < 3:
        raise AnnotationError(f"{folder.name}: the articles need at least three different styles")

    ev = Event(folder.name, meta, ents, articles, {sid: [] for sid in statements}, [])
    by_rendering: dict[Rendering, Values] = {}
    for doc in articles:
        for n, quote in enumerate(doc["quotes"], 1):
            if quote["statement"] not in statements:
                raise AnnotationError(f"{doc['id']}:q{n}: statement {quote['statement']} is not in {where}")
            v = rendering_values(doc, n, quote, ents)
            ev.renderings[quote["statement"]].append(v)
            by_rendering[(doc["id"], n)] = v
    unused = [sid for sid, rends in ev.renderings.items() if not rends]
    if unused:
        raise AnnotationError(f"{where}: statements without any rendering: {unused}")

    raw_conflicts = meta.get("conflicts")
    if not isinstance(raw_conflicts, list):
        raise AnnotationError(f"{where}: 'conflicts' must be a list")
    seen: set[tuple[str, str]] = set()
    for i, c in enumerate(raw_conflicts):
        built = _check_conflict(c, i, ev, by_rendering, where)
        pair = (built["statement"], built["type"])
        if pair in seen:
            raise AnnotationError(f"{where} conflict {i}: {pair} is listed twice")
        seen.add(pair)
        ev.conflicts.append(built)
    errors = _completeness(ev, seen)
    if errors:
        raise AnnotationError("; ".join(errors))
    return ev, warnings


# --------------------------------------------------------------------------- output


def conflicts_json(events: list[Event]) -> dict[str, Any]:
    out = []
    for ev in events:
        out.append({
            "id": ev.id,
            "title": ev.meta["title"],
            "date": ev.meta["date"],
            "articles": [a["id"] for a in ev.articles],
            "entities": ev.meta["entities"],
            "statements": [
                {"id": sid, **st, "quotes": [v.quote_id for v in ev.renderings[sid]]}
                for sid, st in ev.meta["statements"].items()
            ],
            "conflicts": ev.conflicts,
        })
    return {"version": 1, "conflict_types": list(CONFLICT_TYPES), "events": out}


def counts(events: list[Event]) -> str:
    """The counts table of README.md."""
    arts = [a for ev in events for a in ev.articles]
    quotes = [q for a in arts for q in a["quotes"]]
    sizes = Counter(len({v.doc for v in rends}) for ev in events for rends in ev.renderings.values())
    n_statements = sum(len(ev.renderings) for ev in events)
    ctypes = Counter(c["type"] for ev in events for c in ev.conflicts)
    styles = Counter(a["style"] for a in arts)
    lines = ["| events | count |", "|---|---:|"]
    lines += [
        f"| events | {len(events)} |", f"| articles | {len(arts)} |",
        f"| words | {sum(len(a['text'].split()) for a in arts)} |", f"| quotes (renderings) | {len(quotes)} |",
        f"| statements | {n_statements} |",
    ]
    lines += [f"| statements rendered in {k} article{'s' if k > 1 else ''} | {sizes[k]} |" for k in sorted(sizes)]
    lines += [f"| conflicts: `{t}` | {ctypes[t]} |" for t in CONFLICT_TYPES]
    lines += [f"| conflicts, all types | {sum(ctypes.values())} |"]
    lines += ["", "| style | articles |", "|---|---:|"] + [f"| `{s}` | {styles[s]} |" for s in STYLES]
    lines += ["", "| event | articles | quotes | statements | speaker | chain | wording | kind |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for ev in events:
        per = Counter(c["type"] for c in ev.conflicts)
        lines.append(
            f"| `{ev.id}` | {len(ev.articles)} | {sum(len(a['quotes']) for a in ev.articles)} | "
            f"{len(ev.renderings)} | " + " | ".join(str(per[t]) for t in CONFLICT_TYPES) + " |"
        )
    phenomena: str = stats.table(arts)
    return "\n".join(lines) + "\n\n" + phenomena


def update_readme(text: str) -> None:
    old = README.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(old):
        raise SystemExit(f"{README}: no {START} … {END} block found")
    block = f"{START}\n<!-- generated by `python corpus/events/build.py --update-readme`; do not edit -->\n\n{text}\n\n{END}"
    README.write_text(pattern.sub(lambda _: block, old, count=1), encoding="utf-8")


def show(ev: Event) -> None:
    print(f"== {ev.id}: {ev.meta['title']} ({len(ev.articles)} articles)")
    conflicts = {(c["statement"], c["type"]): c for c in ev.conflicts}
    for sid, rends in ev.renderings.items():
        st = ev.meta["statements"][sid]
        flags = [t for t in CONFLICT_TYPES if (sid, t) in conflicts]
        print(f"{sid} [{st['speaker']}] {st['gloss']}  conflicts: {', '.join(flags) or '-'}")
        for v in rends:
            words = " | ".join(" ".join(p) for p in v.pieces)
            print(f"   {v.quote_id:28} {v.kind:13} {v.speaker!s:28} {v.value('chain'):24} {words}")


def load_events(src: Path) -> tuple[list[Event], list[str], list[str]]:
    events, errors, warnings = [], [], []
    ids: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted(p for p in src.iterdir() if p.is_dir()):
            try:
                ev, warn = build_event(folder, Path(tmp))
            except AnnotationError as exc:
                errors.append(str(exc))
                continue
            dup = ids & {a["id"] for a in ev.articles}
            if dup:
                errors.append(f"{folder.name}: article ids used in another event: {sorted(dup)}")
                continue
            ids |= {a["id"] for a in ev.articles}
            events.append(ev)
            warnings.extend(warn)
    return events, errors, warnings


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="validate only, write nothing")
    ap.add_argument("--show", metavar="PREFIX", help="print the statements of events whose id starts with PREFIX")
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    ap.add_argument("--update-readme", action="store_true", help=f"rewrite the counts block in {README.name}")
    ap.add_argument("--src", type=Path, default=SRC, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, default=HERE, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    events, errors, warnings = load_events(args.src)
    if args.show:
        for ev in events:
            if ev.id.startswith(args.show):
                show(ev)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    n_articles = sum(len(ev.articles) for ev in events)
    n_quotes = sum(len(a["quotes"]) for ev in events for a in ev.articles)
    n_conflicts = sum(len(ev.conflicts) for ev in events)
    summary = (
        f"{len(events)} events, {n_articles} articles, {n_quotes} quotes, {n_conflicts} conflicts, "
        f"{len(errors)} errors, {len(warnings)} warnings"
    )
    if errors or not events or (args.strict and warnings):
        print(summary + "; nothing written", file=sys.stderr)
        return 1
    if args.update_readme:
        update_readme(counts(events))
    if args.check or args.show:
        print(summary)
        return 0
    write_jsonl(args.out / GOLD.name, (a for ev in events for a in ev.articles))
    (args.out / CONFLICTS.name).write_text(
        json.dumps(conflicts_json(events), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{summary}; wrote {args.out / GOLD.name} and {args.out / CONFLICTS.name}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head & co.: exit quietly
        sys.stderr.close()
        sys.exit(0)
