"""Speaker, addressee and content of a speech verb, read off a dependency tree.

Pipeline stage 2 (rules) and 3 (attribution), with a parse only: refines content, finds speakers and addressees.

Used when the backend gives a parse (``doc.has_parse``, the stanza backend);
the surface rules stay the fallback. Every function is pure, takes token
indices of ``doc`` and answers with token ranges ``[start, end)`` inside one
sentence (or None), so callers turn them into character spans the usual way.

UD German conventions relied on (Universal Dependencies v2, German GSD/HDT;
de Marneffe et al. 2021, "Universal Dependencies", Computational Linguistics):

- The lexical verb heads its clause; auxiliaries and modals are ``aux``,
  the passive auxiliary „wurde“ is ``aux:pass``, „sein“ as copula is ``cop``
  and depends on the predicate („ernst“ in „die Lage sei ernst“). A cue given
  as an auxiliary is therefore moved to its head first.
- Subjects: ``nsubj``; passive subjects ``nsubj:pass``; the „von X“ agent of a
  passive is ``obl:agent`` (older releases: ``obl`` with ``case`` „von“ under a
  verb that has ``aux:pass``; both are read).
- Objects: the dative addressee „sagte dem Minister“ is ``iobj`` (sometimes
  ``obj``/``obl`` with ``Case=Dat``); „gegenüber der Zeitung“ / „zu ihm“ are
  ``obl`` with the preposition as ``case`` child.
- Reported content after the verb is ``ccomp`` („sagte, dass …“, „sagte, die
  Lage sei ernst“), ``parataxis`` (often after a colon: „sagte: „…““) or, for
  zu-infinitives, ``xcomp`` with a ``mark`` „zu“ („versprach, die Steuern zu
  senken“; a bare xcomp is a predicative, „bleibt nass“, never content). The
  complementiser „dass“/„ob“ is a ``mark`` child of the content verb, so it is
  inside the subtree.
- A report clause after or inside its content („Die Lage sei ernst, sagte der
  Minister.“, „„Wir kommen“, sagte er.“) is ``parataxis`` attached to the
  content's head: the content is the head's subtree minus the report clause.
- Punctuation attaches to the head of the adjacent clause, so the comma before
  a ccomp is inside its subtree and is trimmed; the sentence-final period
  belongs to the root.
- „laut“ is an ADP ``case`` of its noun, „zufolge“ a postposed ADP ``case``;
  the noun is ``obl`` of the clause it qualifies.
- Multi-word tokens („zum“ = „zu dem“) are one quotecheck token annotated as
  their head word (see :mod:`quotecheck.analysis.stanza_backend`).

Content ranges follow the corpus convention (corpus/README.md): the reported
clause with its subordinator, without the separating comma or the final
punctuation; for content inside quotation marks, the text inside the marks
(its own final punctuation included).
"""

from __future__ import annotations

from typing import Callable, Iterator

import attrs

from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon, load_lexicon
from quotecheck.rules.candidate import Candidate, char_span

__all__ = [
    "children",
    "subtree",
    "predicate_of",
    "subject_of",
    "agent_of",
    "passive_subject_of",
    "addressee_of",
    "content_of",
    "content_parts",
    "speech_verb_of",
    "according_to",
]

Range = tuple[int, int]

#: Relations of an auxiliary-like word that is not the head of its clause.
_AUX_RELATIONS = frozenset({"aux", "aux:pass", "cop"})
#: Relations that attach reported content to the speech verb, in order of preference.
_CONTENT_RELATIONS = ("ccomp", "parataxis", "xcomp")
_NOMINAL_RELATIONS = frozenset({"obj", "obl", "iobj"})


# ---------------------------------------------------------------------------
# Tree access.
# ---------------------------------------------------------------------------


def _require_parse(doc: Doc) -> None:
    if not doc.has_parse:
        raise ValueError("this Doc has no dependency parse (use the stanza backend)")


def _sentence_range(doc: Doc, index: int) -> range:
    sent = doc.sentences[doc.layer.sentence_index(index)]
    return range(sent.first, sent.last)


def _deprel(doc: Doc, index: int) -> str:
    assert doc.deprels is not None
    return doc.deprels[index] or ""


def _head(doc: Doc, index: int) -> int | None:
    assert doc.heads is not None
    return doc.heads[index]


def children(doc: Doc, index: int) -> list[int]:
    """Token indices whose head is ``index``, in text order."""
    _require_parse(doc)
    assert doc.heads is not None
    return [i for i in _sentence_range(doc, index) if doc.heads[i] == index]


def _children_with(doc: Doc, index: int, relations: frozenset[str] | tuple[str, ...]) -> Iterator[int]:
    for child in children(doc, index):
        if _deprel(doc, child) in relations:
            yield child


def _is_descendant(doc: Doc, index: int, ancestor: int) -> bool:
    """Whether ``ancestor`` dominates ``index`` (or is it); safe against cycles."""
    seen = set()
    node: int | None = index
    while node is not None and node not in seen:
        if node == ancestor:
            return True
        seen.add(node)
        node = _head(doc, node)
    return False


def subtree(doc: Doc, index: int) -> Range:
    """Token range ``[start, end)`` spanned by ``index`` and all its descendants.

    German subtrees are nearly always contiguous; the range is from the first
    to the last descendant either way.
    """
    _require_parse(doc)
    members = [i for i in _sentence_range(doc, index) if _is_descendant(doc, i, index)]
    return min(members), max(members) + 1


def predicate_of(doc: Doc, index: int) -> int:
    """The clause head for a cue given as an auxiliary or copula („hat“ in „hat gesagt“)."""
    _require_parse(doc)
    seen = set()
    while _deprel(doc, index) in _AUX_RELATIONS and index not in seen:
        seen.add(index)
        head = _head(doc, index)
        if head is None:
            break
        index = head
    return index


# ---------------------------------------------------------------------------
# Range trimming.
# ---------------------------------------------------------------------------


def _is_punct(doc: Doc, index: int) -> bool:
    return doc.tokens[index].kind == "punct"


def _is_quote(doc: Doc, index: int) -> bool:
    return doc.tokens[index].kind == "quote"


def _strip_punct(doc: Doc, start: int, end: int) -> Range:
    while start < end and _is_punct(doc, start):
        start += 1
    while end > start and _is_punct(doc, end - 1):
        end -= 1
    return start, end


def _trim_content(doc: Doc, start: int, end: int) -> Range | None:
    """Content without separating punctuation; inside its quotation marks if it has them."""
    start, end = _strip_punct(doc, start, end)
    if end - start >= 2 and _is_quote(doc, start) and _is_quote(doc, end - 1):
        start, end = start + 1, end - 1  # the marks go, the quote's own punctuation stays
    else:
        while start < end and (_is_quote(doc, start) or _is_punct(doc, start)):
            start += 1
        while end > start and (_is_quote(doc, end - 1) or _is_punct(doc, end - 1)):
            end -= 1
    return (start, end) if start < end else None


def _case_children(doc: Doc, nominal: int) -> list[int]:
    return list(_children_with(doc, nominal, ("case",)))


def _noun_phrase(doc: Doc, nominal: int) -> Range | None:
    """The subtree of ``nominal`` without its preposition(s) and edge punctuation."""
    start, end = subtree(doc, nominal)
    cases = set(_case_children(doc, nominal))
    while start < end and (start in cases or _is_punct(doc, start)):
        start += 1
    while end > start and (end - 1 in cases or _is_punct(doc, end - 1)):
        end -= 1
    return (start, end) if start < end else None


def _case_lemmas(doc: Doc, nominal: int) -> set[str]:
    return {doc.lemma(c).lower() for c in _case_children(doc, nominal)}


def _case_forms(doc: Doc, nominal: int) -> set[str]:
    return {doc.tokens[c].text.lower() for c in _case_children(doc, nominal)}


def _is_dative(doc: Doc, nominal: int) -> bool:
    """Case=Dat on the noun or on one of its determiners/adjectives."""
    if doc.feats is None:
        return False
    candidates = [nominal, *_children_with(doc, nominal, ("det", "amod", "det:poss"))]
    return any((doc.feats[i] or {}).get("Case") == "Dat" for i in candidates)


# ---------------------------------------------------------------------------
# Roles.
# ---------------------------------------------------------------------------


def _relative_antecedent(doc: Doc, verb: int, subject: int) -> Range | None:
    """„Der Minister, der sagte, …“: the noun a relative-pronoun subject stands for."""
    feats = (doc.feats[subject] or {}) if doc.feats is not None else {}
    if feats.get("PronType") != "Rel" or not _deprel(doc, verb).startswith("acl"):
        return None
    noun = _head(doc, verb)
    if noun is None:
        return None
    start, _ = subtree(doc, noun)
    clause_start, _ = subtree(doc, verb)
    return _strip_punct(doc, start, clause_start) if start < clause_start else None


def _first_child_range(doc: Doc, verb: int, relations: tuple[str, ...]) -> tuple[int, Range] | None:
    for child in _children_with(doc, verb, relations):
        span = _noun_phrase(doc, child)
        if span is not None:
            return child, span
    return None


def agent_of(doc: Doc, verb_index: int) -> Range | None:
    """The „von X“ agent of a passive cue („wurde von der Zeitung zitiert“ → „der Zeitung“)."""
    _require_parse(doc)
    verb = predicate_of(doc, verb_index)
    found = _first_child_range(doc, verb, ("obl:agent",))
    if found is not None:
        return found[1]
    if any(_children_with(doc, verb, ("aux:pass",))):
        for child in _children_with(doc, verb, ("obl",)):
            if "von" in _case_lemmas(doc, child):
                return _noun_phrase(doc, child)
    return None


def passive_subject_of(doc: Doc, verb_index: int) -> Range | None:
    """The ``nsubj:pass`` of a passive cue („Der Minister wurde … zitiert“ → „Der Minister“)."""
    _require_parse(doc)
    found = _first_child_range(doc, predicate_of(doc, verb_index), ("nsubj:pass",))
    return found[1] if found else None


def subject_of(doc: Doc, verb_index: int) -> Range | None:
    """The speaker's token range: ``nsubj``, else the passive agent, else ``nsubj:pass``.

    The agent outranks the passive subject because it is who speaks in „Die
    Zahl wurde von der Polizei genannt“; with „zitieren“ (the quoted person is
    the passive subject, the agent the source) callers use
    :func:`passive_subject_of` and :func:`agent_of` directly. A relative
    pronoun subject is replaced by its antecedent; a verb without a subject of
    its own in a coordination („lachte und sagte“) or a zu-infinitive
    („versuchte zu erklären“) takes its head's subject.
    """
    _require_parse(doc)
    verb = predicate_of(doc, verb_index)
    seen = set()
    while verb not in seen:
        seen.add(verb)
        found = _first_child_range(doc, verb, ("nsubj",))
        if found is not None:
            return _relative_antecedent(doc, verb, found[0]) or found[1]
        agent = agent_of(doc, verb)
        if agent is not None:
            return agent
        found = _first_child_range(doc, verb, ("nsubj:pass",))
        if found is not None:
            return _relative_antecedent(doc, verb, found[0]) or found[1]
        head = _head(doc, verb)
        if head is None or _deprel(doc, verb) not in ("conj", "xcomp"):
            return None
        verb = predicate_of(doc, head)
    return None


def addressee_of(doc: Doc, verb_index: int, lexicon: Lexicon | None = None) -> Range | None:
    """To whom it was said: ``iobj``; an ``obl``/``obj`` with „gegenüber“/„zu“; a dative NP.

    The preposition is not part of the range („gegenüber der Zeitung“ → „der
    Zeitung“), as in the corpus. Its surface forms are the lexicon's
    ``rule_words.addressee_case`` (default: the packaged lexicon).
    """
    _require_parse(doc)
    verb = predicate_of(doc, verb_index)
    found = _first_child_range(doc, verb, ("iobj",))
    if found is not None:
        return found[1]
    cases = (lexicon if lexicon is not None else load_lexicon()).rule_words.addressee_case
    for child in _children_with(doc, verb, _NOMINAL_RELATIONS):
        if _case_forms(doc, child) & cases:
            return _noun_phrase(doc, child)
    for child in _children_with(doc, verb, ("obj", "obl")):
        if not _case_children(doc, child) and _is_dative(doc, child):
            return _noun_phrase(doc, child)
    return None


def content_parts(doc: Doc, verb_index: int) -> tuple[Range, ...]:
    """The reported content of the cue verb ``verb_index``, as one or two token ranges.

    Ask only for cues: any verb with a ``parataxis`` child would otherwise
    report that child as its content.

    A ``ccomp``/``parataxis``/``xcomp`` child gives its subtree. A cue that is
    itself ``parataxis`` (a report after or inside its content) gives the
    subtree of its head minus the report clause: one range for „Die Lage sei
    ernst, sagte der Minister.“, two for „„Wir kommen“, sagte er, „morgen.““.
    Empty when the verb has no content in the tree.
    """
    _require_parse(doc)
    verb = predicate_of(doc, verb_index)
    own = list(_children_with(doc, verb, _CONTENT_RELATIONS))
    for relation in _CONTENT_RELATIONS:
        for child in own:
            if _deprel(doc, child) == relation and _is_content(doc, child):
                span = _trim_content(doc, *subtree(doc, child))
                if span is not None:
                    return (span,)
    head = _head(doc, verb)
    if _deprel(doc, verb) == "parataxis" and head is not None:
        start, end = subtree(doc, head)
        cut_start, cut_end = subtree(doc, verb)
        parts = (_trim_content(doc, start, cut_start), _trim_content(doc, cut_end, end))
        return tuple(part for part in parts if part is not None)
    return ()


def content_of(doc: Doc, verb_index: int) -> Range | None:
    """The first (usually only) range of :func:`content_parts`, or None."""
    parts = content_parts(doc, verb_index)
    return parts[0] if parts else None


def _is_content(doc: Doc, index: int) -> bool:
    """Attached as reported content: ccomp, parataxis, or an xcomp that is a zu-infinitive.

    A bare xcomp is a predicative („bleibt nass“, „nannte ihn einen Lügner“),
    not something said.
    """
    relation = _deprel(doc, index)
    if relation == "xcomp":
        return any(doc.tokens[m].text.lower() == "zu" for m in _children_with(doc, index, ("mark",)))
    return relation in _CONTENT_RELATIONS


def _is_verb(doc: Doc, index: int) -> bool:
    return doc.upos is not None and doc.upos[index] in ("VERB", "AUX")


def speech_verb_of(
    doc: Doc, token_index: int, is_cue: Callable[[int], bool] | None = None
) -> int | None:
    """The verb that governs ``token_index`` as reported content, or None.

    Walks up from the token: a clause attached as ``ccomp``/``parataxis``/
    ``xcomp`` is content of its head; a clause with a ``parataxis`` verb child
    outside the token's own subtree is content of that verb (the report after
    its content: „Die Lage sei ernst, sagte der Minister.“). ``is_cue``
    (default: the word is a VERB) filters candidates, e.g. by the speech-verb
    lexicon, so that „sei“ or „kommen“ are not mistaken for the cue.
    """
    _require_parse(doc)
    accept = is_cue if is_cue is not None else (lambda i: _is_verb(doc, i))
    seen = set()
    node: int | None = token_index
    previous: int | None = None
    while node is not None and node not in seen:
        seen.add(node)
        for child in _children_with(doc, node, ("parataxis",)):
            if child != previous and not _is_descendant(doc, token_index, child) and accept(child):
                return child
        head = _head(doc, node)
        if head is not None and _is_content(doc, node):
            candidate = predicate_of(doc, head)
            if accept(candidate):
                return candidate
        previous, node = node, head
    return None


def according_to(doc: Doc, cue_index: int) -> tuple[Range | None, tuple[Range, ...]]:
    """Source and content of „laut X …“ / „X zufolge …“ given the index of laut/zufolge.

    The cue is the ``case`` child of the source noun; the source range is that
    noun phrase without the cue; the content is the clause the noun qualifies,
    without the according-to phrase (two ranges when it sits in the middle).
    """
    _require_parse(doc)
    noun = _head(doc, cue_index)
    if noun is None or _deprel(doc, cue_index) != "case":
        return None, ()
    source = _noun_phrase(doc, noun)
    clause = _head(doc, noun)
    if clause is None:
        return source, ()
    start, end = subtree(doc, clause)
    cut_start, cut_end = subtree(doc, noun)
    parts = (_trim_content(doc, start, cut_start), _trim_content(doc, cut_end, end))
    return source, tuple(part for part in parts if part is not None)


def refine_content(doc: Doc, candidate: Candidate) -> Candidate:
    """An indirect candidate whose content is the cue's clause in the tree.

    The surface rules guess where reported content ends; with a parse the
    ``ccomp``/``parataxis``/``xcomp`` subtree of the cue says it. The tree's
    answer is taken only when it overlaps the surface content, so a parse that
    attached the clause elsewhere does not move the quote.
    """
    if candidate.kind != "indirect" or candidate.cue is None or not doc.has_parse:
        return candidate
    parts = content_parts(doc, candidate.cue.tokens[0])
    if not parts:
        return candidate
    spans = tuple(char_span(doc, a, b) for a, b in parts if b > a)
    overlap = any(s < e2 and s2 < e for s, e in spans for s2, e2 in candidate.content)
    return attrs.evolve(candidate, content=spans) if spans and overlap else candidate
