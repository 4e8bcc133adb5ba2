"""Grouping quotes that render the same statement, across any number of documents.

Stage: compare (across documents) — the engine: documents in, statement groups out.

:class:`Comparison` reads documents one at a time (:meth:`Comparison.add`) and
keeps only what grouping needs in memory — per quote its word numbers, its
speaker observation and ``bands`` bucket keys (a quote of several sentences or
spans: also its pieces' numbers and one more row of keys per piece, each row
owned by its quote); the quote itself goes to a
spill file (in memory up to 1 MB, a temporary file beyond). :meth:`Comparison.groups`
then

1. links speakers across documents (:class:`~quotecheck.provenance.names.NameIndex`),
2. walks the candidate pairs of the MinHash bands
   (:func:`~quotecheck.provenance.lsh.candidate_pairs`), scores each pair not yet
   in one group (:mod:`~quotecheck.provenance.similarity`) and joins the pairs
   that render one statement (union–find: grouping is transitive; a join that
   would grow a group beyond ``anchor_size`` is checked against the groups'
   first quotes, :meth:`Comparison._anchored`),
3. yields the groups in input order of their first quote, each with its
   renderings, canonical speaker, reference wording and conflicts.

Time is linear in the number of quotes: a bounded number of candidates per
quote and band, and at most ``max_rejected`` of them scored in vain per quote. Memory per million quotes is measured by
``benchmarks/compare_scale.py`` (see ``docs/compare-format.md``).

A quote that is a verbatim piece of another quote of its document (``parent``
set) is part of that quote's rendering, not a rendering of its own.
"""

from __future__ import annotations

import gc
import json
import tempfile
from array import array
from collections import Counter
from typing import Any, Iterable, Iterator, Mapping

from quotecheck.provenance.conflicts import Group, find_conflicts
from quotecheck.provenance.lsh import band_keys, candidate_pairs
from quotecheck.provenance.model import Rendering, StatementGroup
from quotecheck.provenance.names import NameIndex, one_side
from quotecheck.provenance.similarity import (
    OTHER, SAME, UNKNOWN, CompareConfig, Piece, lemma_score, same_sentence, same_statement, sentence_similarity, similarity,
)
from quotecheck.provenance.words import content_lemma, normal_word, sentence_starts, surface_words
from quotecheck.errors import InputError
from quotecheck.model import DocumentResult, Mention, Quote, Role

__all__ = ["Comparison", "compare"]

#: The spill file stays in memory up to this size (a few hundred quotes), then
#: moves to a temporary file, which the operating system's page cache keeps
#: fast; the resident memory is then only the grouping's.
SPILL_IN_MEMORY = 1024 * 1024


class Comparison:
    """Documents in, statement groups out; see the module docstring.

    >>> from quotecheck import extract
    >>> a = "„Wir haben die Geduld verloren“, sagte Gewerkschaftschef Ralf Brenner."
    >>> b = "Gewerkschaftschef Brenner sagte, man habe die Geduld verloren."
    >>> with Comparison() as comparison:
    ...     _ = comparison.add(DocumentResult("a", extract(a)))
    ...     _ = comparison.add(DocumentResult("b", extract(b)))
    ...     groups = list(comparison.groups())
    >>> [(len(g.renderings), g.speaker, [c.type for c in g.conflicts]) for g in groups]
    [(2, 'Ralf Brenner', ['kind'])]
    """

    def __init__(self, config: CompareConfig | None = None) -> None:
        self.config = config if config is not None else CompareConfig()
        self._spill = tempfile.SpooledTemporaryFile(max_size=SPILL_IN_MEMORY, mode="w+b")
        self._offsets = array("q")
        self._words: list[array[int]] = []
        self._lemma_ids: list[array[int]] = []
        self._sentences: dict[int, tuple[Piece, ...]] = {}  # only quotes of several sentences
        self._speakers = array("l")
        self._keys = [array("q") for _ in range(self.config.bands)]  # one column per band, one row per key set
        self._owner = array("l")  # per row of the key columns: its quote (a quote of several sentences has more rows)
        self._vocabulary: dict[str, int] = {}
        self._lemma_of: dict[str, int] = {}
        self._lemmas: dict[str, int] = {}
        self._lemma_names: list[str] = []
        self._names = NameIndex()
        self._documents: list[tuple[str | None, str | None]] = []
        self._done = False

    def __enter__(self) -> "Comparison":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the spill file."""
        self._spill.close()

    def __len__(self) -> int:
        """The number of quotes added so far."""
        return len(self._offsets)

    # -- reading ---------------------------------------------------------------

    def add(self, result: DocumentResult | Mapping[str, Any], *, outlet: str | None = None) -> int:
        """Add one document's quotes; returns how many were added.

        ``result`` is a :class:`~quotecheck.model.DocumentResult` or an output
        record of ``quotecheck extract`` (``{"id", "quotes"}``, optionally
        ``"outlet"``). ``outlet`` names who published the document (the last
        link of every chain; default: the record's ``"outlet"``, else its id).
        A result with ``error`` set has no quotes and adds nothing. Raises
        :class:`~quotecheck.errors.InputError` for a record that is not in the
        quote contract; then nothing of it is added.
        """
        if self._done:
            raise RuntimeError("Comparison.groups() has run; add documents to a new Comparison")
        doc_id, record_outlet, quotes = _document(result)
        kept = [q for q in quotes if q.get("parent") is None]
        parsed = _parse_quotes(kept)
        number = len(self._documents)
        self._documents.append((doc_id, outlet if outlet is not None else record_outlet))
        for data, quote in zip(kept, parsed):
            self._add_quote(number, data, quote)
        return len(kept)

    def _add_quote(self, document: int, data: Mapping[str, Any], quote: Quote) -> None:
        line = json.dumps([document, data], ensure_ascii=False, separators=(",", ":"))
        self._offsets.append(self._spill.tell())
        self._spill.write(line.encode("utf-8", "surrogatepass") + b"\n")
        surfaces = surface_words(quote.content.text)
        numbers = array("I", map(self._word_number, map(normal_word, surfaces)))
        per_word = [self._lemma_number(surface) for surface in surfaces]
        number = len(self._words)
        self._words.append(numbers)
        lemmas = sorted({n for n in per_word if n >= 0})
        self._lemma_ids.append(array("I", lemmas))
        speaker = quote.speaker
        self._speakers.append(self._names.observe(speaker.name, speaker.text) if speaker is not None else -1)
        self._add_keys(number, lemmas)
        cuts = sentence_starts(quote.content.text, _span_breaks(quote))
        if cuts:
            bounds = list(zip((0, *cuts), (*cuts, len(numbers))))
            sentences = tuple((frozenset(n for n in per_word[a:b] if n >= 0), numbers[a:b]) for a, b in bounds)
            self._sentences[number] = sentences
            for sentence_lemmas, _ in sentences:
                if sentence_lemmas:
                    self._add_keys(number, sorted(sentence_lemmas))

    def _add_keys(self, number: int, lemmas: list[int]) -> None:
        """One row of bucket keys for quote ``number``: of its content lemmas, or of one of its sentences'.

        A sentence quoted on its own elsewhere shares few lemmas with a long
        quote of several sentences, and would seldom meet it in a bucket; its
        own row meets it as one sentence meets another.
        """
        names = self._lemma_names
        keys = band_keys([names[n] for n in lemmas], self.config.bands, self.config.rows) or [0] * self.config.bands
        for column, key in zip(self._keys, keys):
            column.append(key)
        self._owner.append(number)

    def _word_number(self, word: str) -> int:
        number = self._vocabulary.get(word)
        if number is None:
            number = self._vocabulary[word] = len(self._vocabulary)
        return number

    def _lemma_number(self, surface: str) -> int:
        """The number of a word's content lemma (-1 for a stop word), looked up once per spelling."""
        number = self._lemma_of.get(surface)
        if number is None:
            lemma = content_lemma(surface)
            if lemma is None:
                number = -1
            elif lemma in self._lemmas:
                number = self._lemmas[lemma]
            else:
                number = self._lemmas[lemma] = len(self._lemma_names)
                self._lemma_names.append(lemma)
            self._lemma_of[surface] = number
        return number

    # -- grouping --------------------------------------------------------------

    def groups(self) -> Iterator[StatementGroup]:
        """Every statement group, in input order of its first quote (see the module docstring)."""
        self._done = True
        paused = gc.isenabled()
        gc.disable()  # millions of small arrays: the cyclic collector would make this quadratic
        try:
            self._names.link()
            entity = array("l", (self._names.entity(o) for o in self._speakers))
            parent = self._join(entity)
            yield from self._build(parent, entity)
        finally:
            if paused:
                gc.enable()

    def _lemma_set(self, i: int) -> frozenset[int]:
        return frozenset(self._lemma_ids[i])

    def _pieces(self, i: int) -> tuple[Piece, ...]:
        """Quote ``i``'s sentences, or the whole quote as its one piece."""
        return self._sentences.get(i) or ((self._lemma_set(i), self._words[i]),)

    def score(self, i: int, j: int) -> float:
        """The similarity of quotes ``i`` and ``j`` (numbers in input order): as wholes or sentence by sentence."""
        whole = similarity(self._lemma_set(i), self._words[i], self._lemma_set(j), self._words[j], self.config)
        if i not in self._sentences and j not in self._sentences:
            return whole
        return max(whole, sentence_similarity(self._pieces(i), self._pieces(j), self.config))

    def _join(self, entity: array[int]) -> array[int]:
        """Union–find over the candidate pairs; every root is its group's first quote.

        A rendering is scored against at most ``max_rejected`` candidates that
        fail the measure; its later candidates are skipped. Chance meetings in
        a bucket grow with the input (more quotes share some pair of common
        words), a statement's true renderings meet in many bands and are found
        first: without the cap the comparisons per quote grew about fourfold
        from 10,000 to 100,000 generated quotes. A pair met again within one
        band (a quote of several sentences has a row per sentence) is scored
        and counted once; met again in a later band, it is scored again.
        """
        count = len(self._offsets)
        parent = array("l", range(count))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        config = self.config
        size = array("l", [1]) * count
        rejected = bytearray(count)  # per rendering: candidates that failed the measure so far
        budget = config.max_rejected
        tried: set[int] = set()  # the earlier quotes scored against the current j in this band
        current = -1
        for i, j in candidate_pairs(self._keys, config.bucket_window, self._owner):
            if j != current:  # j's rows are consecutive: its pairs of one band come in one run
                current = j
                tried.clear()
            if i in tried:
                continue
            tried.add(i)
            root_i, root_j = find(i), find(j)
            if root_i == root_j or rejected[j] >= budget:
                continue
            if not self._same(i, j, entity):
                rejected[j] += 1
                continue
            if size[root_i] + size[root_j] > config.anchor_size and not self._anchored(i, j, root_i, root_j, entity):
                continue
            low, high = min(root_i, root_j), max(root_i, root_j)
            parent[high] = low
            size[low] += size[high]
        for i in range(count):
            parent[i] = find(i)
        return parent

    def _same(self, i: int, j: int, entity: array[int]) -> bool:
        """Whether quotes ``i`` and ``j`` render one statement (the measure's decision rule)."""
        speakers = self._speakers_of(i, j, entity)
        if same_statement(self._lemma_set(i), self._words[i], self._lemma_set(j), self._words[j], speakers, self.config):
            return True
        if i not in self._sentences and j not in self._sentences:
            return False
        whole = lemma_score(self._lemma_set(i), self._lemma_set(j))
        return same_sentence(self._pieces(i), self._pieces(j), speakers, self.config, whole)

    def _anchored(self, i: int, j: int, root_i: int, root_j: int, entity: array[int]) -> bool:
        """Whether each of a pair also renders one statement with the other group's first quote.

        Asked when joining would make a group larger than ``anchor_size``:
        without it grouping is single-linkage, and in a large input a chain of
        pairs, each a little alike, drifts from one statement to the next and
        ends in one giant group of unrelated quotes. Small groups (one event's
        three to five outlets) join on the pair alone, so a headline that only
        resembles the lead still finds its statement.
        """
        return (root_j == j or self._same(i, root_j, entity)) and (root_i == i or self._same(root_i, j, entity))

    def _speakers_of(self, i: int, j: int, entity: array[int]) -> str:
        """How the speakers of quotes ``i`` and ``j`` relate: one side, other sides, or unknown."""
        a, b = entity[i], entity[j]
        if a < 0 or b < 0:
            return UNKNOWN
        if a == b:
            return SAME
        names = self._names
        stems_a, stems_b = names.speaks_for(self._speakers[i]), names.speaks_for(self._speakers[j])
        if (stems_a or stems_b) and one_side(names.display(a) or "", stems_a, names.display(b) or "", stems_b):
            return SAME
        return OTHER

    def _build(self, parent: array[int], entity: array[int]) -> Iterator[StatementGroup]:
        order = sorted(range(len(parent)), key=parent.__getitem__)
        start = 0
        for number, stop in enumerate(_runs(order, parent), start=1):
            members = order[start:stop]
            start = stop
            yield self._group(f"g{number}", members, entity)

    def _load(self, i: int) -> tuple[int, dict[str, Any]]:
        self._spill.seek(self._offsets[i])
        document, data = json.loads(self._spill.readline().decode("utf-8", "surrogatepass"))
        return document, data

    def _group(self, ident: str, members: list[int], entity: array[int]) -> StatementGroup:
        renderings = [self._rendering(i, entity[i], self._names.speaks_for(self._speakers[i])) for i in members]
        group = Group(renderings)
        reference = group.reference
        if len(members) > 1:
            anchor = members[reference if reference is not None else 0]
            renderings = [
                r if i == anchor else _with_score(r, self.score(anchor, i)) for r, i in zip(renderings, members)
            ]
            group.renderings = renderings  # scores change no wording: the pieces stay valid
        speakers = Counter(r.speaker_entity for r in renderings if r.speaker_entity is not None)
        speaker = min(speakers, key=lambda s: (-speakers[s], s)) if speakers else None
        return StatementGroup(ident, speaker, renderings, find_conflicts(group), reference)

    def _rendering(self, i: int, entity: int, speaks_for: frozenset[str]) -> Rendering:
        document, data = self._load(i)
        doc_id, outlet = self._documents[document]
        quote = Quote.from_dict(data)
        name = self._names.display(entity)
        speaker = quote.speaker
        who = name or (speaker.name or speaker.text if speaker is not None else None) or "?"
        chain = (who, *(s.name or s.text for s in quote.sources), outlet or doc_id or "?")
        return Rendering(
            document=doc_id, quote=quote.id, kind=quote.kind, content=quote.content, mood=quote.mood,
            speaker=speaker, speaker_entity=name, speaks_for=sorted(speaks_for), sources=quote.sources, fragments=quote.fragments,
            outlet=outlet, sentence=quote.sentence, chain=chain,
        )


def _span_breaks(quote: Quote) -> list[int]:
    """Where each further span of a discontinuous content begins in its text (the spans joined with one space)."""
    breaks, offset = [], 0
    for span in quote.content.spans[:-1]:
        offset += span.end - span.start + 1
        breaks.append(offset)
    return breaks


def _with_score(rendering: Rendering, score: float) -> Rendering:
    import attrs

    return attrs.evolve(rendering, score=score)


def _runs(order: list[int], parent: array[int]) -> Iterator[int]:
    """End positions of the runs of equal roots in ``order``."""
    for position in range(1, len(order)):
        if parent[order[position]] != parent[order[position - 1]]:
            yield position
    if order:
        yield len(order)


def _document(result: DocumentResult | Mapping[str, Any]) -> tuple[str | None, str | None, list[dict[str, Any]]]:
    """Id, outlet and quote dicts of a result or a record; InputError if it is neither."""
    if isinstance(result, DocumentResult):
        return result.id, None, [q.to_dict() for q in result.quotes]
    if not isinstance(result, Mapping):
        raise InputError(f"expected a DocumentResult or a record, not {type(result).__name__}")
    doc_id = result.get("id")
    if doc_id is not None and not isinstance(doc_id, str):
        doc_id = str(doc_id)
    outlet = result.get("outlet")
    quotes = result.get("quotes", [])
    if "error" in result and result["error"] is not None and not quotes:
        return doc_id, None, []
    if not isinstance(quotes, list) or not all(isinstance(q, Mapping) for q in quotes):
        raise InputError("'quotes' must be a list of quote objects")
    return doc_id, outlet if isinstance(outlet, str) else None, [dict(q) for q in quotes]


def _parse_quotes(quotes: list[dict[str, Any]]) -> list[Quote]:
    """The quotes as :class:`Quote` objects; InputError naming the first one that is not one."""
    parsed = []
    for number, data in enumerate(quotes, start=1):
        try:
            parsed.append(Quote.from_dict(data))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
            reason = f"missing {error}" if isinstance(error, KeyError) else str(error)
            raise InputError(f"quote {number} is not a contract quote ({reason})") from None
    return parsed


def compare(
    results: Iterable[DocumentResult | Mapping[str, Any]],
    *,
    config: CompareConfig | None = None,
    outlets: Mapping[str, str] | None = None,
) -> list[StatementGroup]:
    """Group the quotes of many documents by the statement they render.

    ``results`` are :class:`~quotecheck.model.DocumentResult` objects or
    ``quotecheck extract`` records; ``outlets`` maps a document id to the
    outlet that published it (the last link of each chain). Every quote ends
    up in exactly one group; a statement found once is a group of one.

    >>> from quotecheck import extract
    >>> from quotecheck.model import DocumentResult
    >>> texts = {
    ...     "agentur": "Roth sagte, man werde die Reform „mit Geduld und Augenmaß“ umsetzen.",
    ...     "zeitung": "Die Reform werde man „mit Augenmaß und Ausdauer“ umsetzen, sagte Ministerin Anna Roth.",
    ... }
    >>> groups = compare(DocumentResult(i, extract(t)) for i, t in texts.items())
    >>> [(g.speaker, [c.type for c in g.conflicts]) for g in groups if len(g.renderings) > 1]
    [('Anna Roth', ['wording'])]
    """
    with Comparison(config) as comparison:
        for result in results:
            doc_id = result.id if isinstance(result, DocumentResult) else result.get("id")
            outlet = outlets.get(doc_id) if outlets is not None and isinstance(doc_id, str) else None
            comparison.add(result, outlet=outlet)
        return list(comparison.groups())
