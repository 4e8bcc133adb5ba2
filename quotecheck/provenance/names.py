"""Who is who across documents: one canonical speaker for „Putin“, „Wladimir Putin“
and „der russische Präsident“.

Stage: compare (across documents), step 2 — speakers become entities.

The extractor resolves a speaker within its document: „Der Präsident“ three
sentences after „Wladimir Putin“ gets ``name`` „Wladimir Putin“. Across
documents the same person is spelt „Kim Jong-un“ here and „Kim Jong Un“ there,
named „Putin“ by one outlet and „Wladimir Putin“ by another, or only described:
„der russische Präsident sagte …“. :class:`NameIndex` links them, in three
steps, each only as far as the documents themselves allow:

1. **Spelling.** A name's key is its words, lower-cased, hyphens and dots as
   spaces (:func:`name_key`): „Kim Jong-un“ = „Kim Jong Un“ = „kim jong un“.
2. **Short forms.** A name whose words are all part of a longer name seen in
   the input is that name, when the longer name is unique: „Putin“ → „Wladimir
   Putin“; „Kim“ → „Kim Jong Un“ — unless „Kim Yo Jong“ is in the input too,
   then „Kim“ stays ambiguous and is linked to neither.
3. **Descriptions.** A speaker mention that the extractor resolved to a name
   teaches what the rest of the mention describes: „der russische Präsident
   Wladimir Putin“, or „Der Präsident“ resolved to „Wladimir Putin“, make the
   description „russisch präsident“ an alias of Putin. A mention that is only a
   description in another document („Der russische Präsident sagte …“, no name)
   is that person when exactly one entity carries the alias.

A pronoun or a description nobody names stays unknown: it never causes a
speaker conflict and never links two groups.
"""

from __future__ import annotations

from collections import Counter
from quotecheck.provenance.words import content_lemmas, words

__all__ = ["NameIndex", "description_key", "name_key"]

#: More longer names than this containing one short name: the short name is
#: too common to link (a bare „Müller“ among hundreds of Müllers).
MAX_SUPERSETS = 50


def name_key(name: str) -> str:
    """The spelling-independent key of a name.

    >>> name_key("Kim Jong-un") == name_key("Kim Jong Un") == "kim jong un"
    True
    >>> name_key("W. Putin")
    'w putin'
    """
    return " ".join(words(name))


def description_key(mention: str, name: str | None = None) -> str:
    """The content lemmas of a mention without the name in it, sorted and joined.

    >>> description_key("Der russische Präsident")
    'präsident russisch'
    >>> description_key("Nordkoreas Machthaber Kim Jong-un", "Kim Jong-un")
    'machthaber nordkorea'
    >>> description_key("Er", "Wladimir Putin")
    ''
    """
    named = set(words(name)) if name else set()
    return " ".join(sorted(content_lemmas(tuple(w for w in words(mention) if w not in named))))


class NameIndex:
    """Speaker observations in, entities out (see the module docstring).

    Observe every speaker first (:meth:`observe`), then :meth:`link` once;
    :meth:`entity` and :meth:`display` answer afterwards. Observations are
    interned: a million quotes by a thousand speakers cost a thousand entries.
    """

    def __init__(self) -> None:
        self._observations: dict[tuple[str, str], int] = {}
        self._spellings: dict[str, Counter[str]] = {}
        self._entity: list[int] = []
        self._names: list[str] = []
        self._linked = False

    def observe(self, name: str | None, mention: str | None) -> int:
        """An id for one speaker: its resolved ``name`` (or None) and the mention text."""
        key = name_key(name) if name else ""
        description = description_key(mention or "", name)
        if not key and not description:
            return -1
        if key:
            self._spellings.setdefault(key, Counter())[name or key] += 1
        ident = self._observations.setdefault((key, description), len(self._observations))
        self._linked = False
        return ident

    def link(self) -> None:
        """Resolve every observation to an entity (steps 1–3 of the module docstring)."""
        canonical = _canonical_names(self._spellings)
        keys = sorted(set(canonical.values()))
        number = {key: i for i, key in enumerate(keys)}
        self._names = [self._spellings[key].most_common(1)[0][0] for key in keys]
        aliases: dict[str, set[int]] = {}
        for key, description in self._observations:
            if key and description:
                aliases.setdefault(description, set()).add(number[canonical[key]])
        unique = _Aliases({d: next(iter(e)) for d, e in aliases.items() if len(e) == 1})
        self._entity = [-1] * len(self._observations)
        for (key, description), ident in self._observations.items():
            self._entity[ident] = number[canonical[key]] if key else unique.entity(description)
        self._linked = True

    def entity(self, observation: int) -> int:
        """The entity of an observation id, or -1 when unknown."""
        if observation < 0:
            return -1
        if not self._linked:
            self.link()
        return self._entity[observation]

    def display(self, entity: int) -> str | None:
        """The name shown for an entity: its most frequent spelling in the input."""
        if entity < 0:
            return None
        if not self._linked:
            self.link()
        return self._names[entity]


def _canonical_names(spellings: dict[str, Counter[str]]) -> dict[str, str]:
    """Name key → the key of the unique longest name containing all its words."""
    by_word: dict[str, set[str]] = {}
    for key in spellings:
        for word in key.split():
            by_word.setdefault(word, set()).add(key)
    return {key: _longest_container(key, by_word) for key in spellings}


def _longest_container(key: str, by_word: dict[str, set[str]]) -> str:
    """The unique maximal name whose words include every word of ``key``, else ``key``.

    „putin“ in {„wladimir putin“, „wladimir wladimirowitsch putin“} → the
    latter (the former is inside it); „kim“ in {„kim jong un“, „kim yo jong“}
    → „kim“ (two maximal names: ambiguous).
    """
    tokens = key.split()
    containers = set.intersection(*(by_word[w] for w in tokens))
    containers.discard(key)
    if not containers or len(containers) > MAX_SUPERSETS:
        return key
    sets = {c: set(c.split()) for c in containers}
    maximal = [c for c in containers if not any(sets[c] < sets[o] for o in containers)]
    return maximal[0] if len(maximal) == 1 else key


class _Aliases:
    """Descriptions that name exactly one entity, indexed by their words."""

    def __init__(self, aliases: dict[str, int]) -> None:
        self.aliases = aliases
        self.by_word: dict[str, list[str]] = {}
        for description in aliases:
            for word in description.split():
                self.by_word.setdefault(word, []).append(description)

    def entity(self, description: str) -> int:
        """The entity of an unnamed description: its own alias, else the one alias inside it.

        „präsident russisch“ is Putin's alias itself; „präsident russisch“ also
        finds the alias „präsident“ (from „Der Präsident“ resolved to Putin
        elsewhere) when no other entity has an alias inside it.
        """
        if description in self.aliases:
            return self.aliases[description]
        lemmas = set(description.split())
        inside = {
            self.aliases[alias]
            for word in lemmas
            for alias in self.by_word.get(word, ())
            if set(alias.split()) <= lemmas
        }
        return inside.pop() if len(inside) == 1 else -1
