"""Who is who across documents: one canonical speaker for „Putin“, „Wladimir Putin“
and „der russische Präsident“.

Stage: compare (across documents), step 2 — speakers become entities.

The extractor resolves a speaker within its document: „Der Präsident“ three
sentences after „Wladimir Putin“ gets ``name`` „Wladimir Putin“. Across
documents the same person is spelt „Kim Jong-un“ here and „Kim Jong Un“ there,
„Dmitri Sacharow“ by a German and „Dmitry Zakharov“ by a translated wire,
named „Putin“ by one outlet and „Wladimir Putin“ by another, or only
described: „der russische Präsident sagte …“. :class:`NameIndex` links them,
in four steps, each only as far as the documents themselves allow:

1. **Spelling.** A name's words are lower-cased, hyphens and dots read as
   spaces, diacritics dropped (data file ``name_letters.tsv`` for „ı“, „ø“, „ß“
   …), initials left out, and their order ignored (:func:`name_key`):
   „Kim Jong-un“ = „Kim Jong Un“, „Murat Yılmaz“ = „Murat Yilmaz“, „Liang
   Wenhao“ = „Wenhao Liang“, „Dariusz N.“ = „Dariusz“.
2. **Transliteration.** Two name words are one when they sound alike by the
   Kölner Phonetik (Postel 1969, the German Soundex) *and* differ in at most
   40 % of their letters: „Sacharow“ = „Zakharov“, „Lebedewa“ = „Lebedeva“,
   „Wiktor“ = „Viktor“ — but „Roth“ ≠ „Rode“.
3. **Short forms.** A name whose words are all part of a longer name seen in
   the input is that name, when the longer name is unique: „Putin“ → „Wladimir
   Putin“; „Kim“ → „Kim Jong Un“ — unless „Kim Yo Jong“ is in the input too,
   then „Kim“ stays ambiguous and is linked to neither.
4. **Descriptions.** A speaker mention that the extractor resolved to a name
   teaches what the rest of the mention describes: „der russische Präsident
   Wladimir Putin“, or „Der Präsident“ resolved to „Wladimir Putin“, make the
   description „russisch präsident“ an alias of Putin. A mention that is only a
   description in another document („Der russische Präsident sagte …“, no name)
   is that person when exactly one entity carries the alias.

A pronoun or a description nobody names stays unknown: it never causes a
speaker conflict and never links two groups.

Besides identity, a mention can say whom a person **speaks for**:
„Kremlsprecher Dmitri Sacharow“ speaks for the Kreml (role nouns in
``speaks_for.txt``). :meth:`NameIndex.speaks_for` gives those stems, and
:func:`one_side` treats a speaker and the body they speak for as one speaker.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from typing import Iterable, Mapping

from quotecheck.lexicon import load_lexicon
from quotecheck.provenance.words import content_lemmas, surface_words

__all__ = ["NameIndex", "cologne", "description_key", "fold", "name_key", "one_side", "speaks_for_stems"]

#: More longer names than this containing one short name: the short name is
#: too common to link (a bare „Müller“ among hundreds of Müllers).
MAX_SUPERSETS = 50
#: Two name words that sound alike are one word when at most this share of
#: their letters differs (Levenshtein distance over the longer length).
MAX_SPELLING_DISTANCE = 0.4


def _letters() -> Mapping[str, str]:
    return load_lexicon().compare.name_letters


def _speaks_for_heads() -> tuple[str, ...]:
    return load_lexicon().compare.speaks_for


@functools.lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """A word without case and diacritics.

    >>> fold("Yılmaz"), fold("Sørensen"), fold("Hrubý"), fold("Straße")
    ('yilmaz', 'sorensen', 'hruby', 'strasse')
    """
    letters = _letters()
    lowered = "".join(letters.get(c, c) for c in word.lower())
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """The spelling-independent key of a name: folded words, initials left out, sorted.

    >>> name_key("Kim Jong-un") == name_key("Kim Jong Un") == "jong kim un"
    True
    >>> name_key("Liang Wenhao") == name_key("Wenhao Liang"), name_key("Dariusz N."), name_key("Murat Yılmaz")
    (True, 'dariusz', 'murat yilmaz')
    """
    tokens = [fold(w) for w in surface_words(name)]
    kept = [t for t in tokens if len(t) > 1] or tokens
    return " ".join(sorted(set(kept)))


_COLOGNE = {
    **dict.fromkeys("aeijouy", "0"), "b": "1", "f": "3", "v": "3", "w": "3", **dict.fromkeys("gkq", "4"),
    "l": "5", "m": "6", "n": "6", "r": "7", "s": "8", "z": "8",
}


def _cologne_letter(word: str, i: int) -> str:
    """The Kölner Phonetik code of letter ``i`` (Postel 1969; the rules as usually tabulated)."""
    c, before, after = word[i], word[i - 1] if i else "", word[i + 1] if i + 1 < len(word) else ""
    if c == "h":
        return ""
    if c == "p":
        return "3" if after == "h" else "1"
    if c in "dt":
        return "8" if after in ("c", "s", "z") and after else "2"
    if c == "x":
        return "8" if before in ("c", "k", "q") and before else "48"
    if c == "c":
        if i == 0:
            return "4" if after in "ahkloqrux" and after else "8"
        return "4" if after in "ahkoqux" and after and before not in ("s", "z") else "8"
    return _COLOGNE.get(c, "")


@functools.lru_cache(maxsize=100_000)
def cologne(word: str) -> str:
    """The Kölner Phonetik code of a folded word: how it sounds, in digits.

    >>> cologne("sacharow") == cologne("zakharov"), cologne("wiktor") == cologne("viktor"), cologne("roth") == cologne("rode")
    (True, True, True)
    """
    codes = [_cologne_letter(word, i) for i in range(len(word))]
    digits = "".join(codes)
    collapsed = "".join(d for n, d in enumerate(digits) if n == 0 or d != digits[n - 1])
    return collapsed[:1] + collapsed[1:].replace("0", "")


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _same_word(a: str, b: str) -> bool:
    return a == b or (
        cologne(a) == cologne(b) and _distance(a, b) <= MAX_SPELLING_DISTANCE * max(len(a), len(b))
    )


def description_key(mention: str, name: str | None = None) -> str:
    """The content lemmas of a mention without the name in it, sorted and joined.

    >>> description_key("Der russische Präsident")
    'präsident russisch'
    >>> description_key("Nordkoreas Machthaber Kim Jong-un", "Kim Jong-un")
    'machthaber nordkorea'
    >>> description_key("Er", "Wladimir Putin")
    ''
    """
    named = {fold(w) for w in surface_words(name)} if name else set()
    kept = tuple(w for w in surface_words(mention) if fold(w) not in named)
    return " ".join(sorted(content_lemmas(kept)))


def speaks_for_stems(mention: str, name: str | None = None) -> frozenset[str]:
    """Whom a mention says its person speaks for: the modifiers of its spokesperson compounds,
    and the body an affiliation names (:func:`affiliated_body`).

    >>> sorted(speaks_for_stems("Kremlsprecher Dmitri Sacharow")), sorted(speaks_for_stems("Sonnenhof-Sprecherin Carina Voigt"))
    (['kreml'], ['sonnenhof'])
    >>> sorted(speaks_for_stems("eines Gerichtssprechers")), sorted(speaks_for_stems("Ministerin Anna Roth"))
    (['gericht'], [])
    >>> sorted(speaks_for_stems("Verbraucherschützer Jonas Petri von der Initiative Klarer Teller", "Jonas Petri"))
    ['initiative klarer teller']
    """
    heads = _speaks_for_heads()
    stems = set()
    body = affiliated_body(mention, name)
    if body:
        stems.add(body)
    for token in mention.split():
        word = fold(token.strip(".,;:()„“\"'"))
        for ending in ("s", "es", "n", ""):
            base = word[: -len(ending)] if ending and word.endswith(ending) else word
            head = next((h for h in heads if base.endswith(h) and len(base) > len(h)), None)
            if head is not None:
                stem = base[: -len(head)].rstrip("-")
                stem = stem[:-1] if stem.endswith("s") and len(stem) > 4 else stem
                if len(stem) > 2:
                    stems.add(stem)
                break
    return frozenset(stems)


def affiliated_body(mention: str, name: str | None = None) -> str:
    """The body a mention ties its person to with a preposition, or ``""``: its folded words in written order.

    „Jonas Petri von der Initiative Klarer Teller“, „Max Feld vom ADAC“: the
    capitalised words after a preposition of ``affiliations.txt``. The words of
    the person's own name are no body („Ursula von der Leyen“). Without the
    name the bare mention „Ursula von der Leyen“ gives „leyen“: harmless, as
    the only speaker that is one side with it is one whose name is Leyen.
    The order is kept: :func:`one_side` reads the body's first word as its
    head („Polizei Berlin“).

    >>> affiliated_body("Max Feld vom ADAC", "Max Feld"), affiliated_body("Ursula von der Leyen", "Ursula von der Leyen")
    ('adac', '')
    >>> affiliated_body("ein Sprecher von morgen")
    ''
    """
    raw = mention.split()
    tokens = [token.strip(".,;:()„“\"'") for token in raw]
    own = set(name_key(name).split()) if name else set()
    for start in range(len(tokens)):
        for preposition in _affiliations():
            after = start + len(preposition)
            if tuple(t.lower() for t in tokens[start:after]) != preposition:
                continue
            words = []
            for token, written in zip(tokens[after:], raw[after:]):
                if not token[:1].isupper():
                    break
                words.append(token)
                if written[-1:] in ",;:)":  # „von Greenpeace, Max …“: the body ends at the comma
                    break
            key = name_key(" ".join(words)) if words else ""
            if key and not set(key.split()) <= own:
                return _ordered_key(words)
            break
    return ""


def _ordered_key(words: list[str]) -> str:
    """Like :func:`name_key`, but in written order: ``_ordered_key(["Initiative", "Klarer", "Teller"])`` → „initiative klarer teller“."""
    tokens = [fold(w) for w in surface_words(" ".join(words))]
    kept = [t for t in tokens if len(t) > 1] or tokens
    return " ".join(dict.fromkeys(kept))


def _affiliations() -> tuple[tuple[str, ...], ...]:
    return load_lexicon().compare.affiliations


def one_side(name_a: str, stems_a: Iterable[str], name_b: str, stems_b: Iterable[str]) -> bool:
    """Whether two speakers are one for the comparison: the same, or one speaks for the other.

    >>> one_side("Dmitri Sacharow", ["kreml"], "Kreml", [])
    True
    >>> one_side("Bernd Ruhland", ["gericht"], "Verwaltungsgericht Wellingen", [])
    True
    >>> one_side("Bernd Ruhland", ["gericht"], "Lea Sommer", ["autobahn"])
    False
    >>> one_side("Jonas Petri", ["initiative klarer teller"], "Klarer Teller", [])  # „Petri von der Initiative Klarer Teller“
    True
    >>> one_side("Jonas Petri", ["initiative klarer teller"], "Initiative Saubere Luft", [])
    False
    >>> one_side("Jan Berg", ["polizei berlin"], "Berlin", []), one_side("Jan Berg", ["polizei berlin"], "Polizei", [])
    (False, False)
    """
    if name_key(name_a) == name_key(name_b):
        return True
    words_a, words_b = name_key(name_a).split(), name_key(name_b).split()
    return _speaks_for(stems_a, words_b) or _speaks_for(stems_b, words_a)


def _speaks_for(stems: Iterable[str], words: list[str]) -> bool:
    """Whether a stem is part of one of the words, or a body (several words) is named by them.

    A body is named by its own words, or by its words after the first (its
    head) when at least two remain: „Initiative Klarer Teller“ by „Klarer
    Teller“. Not by one remaining word, which is mostly a place: „Polizei
    Berlin“ is not „Berlin“ (the government), „Stadt Köln“ not „Köln“ (the
    football club, the diocese); and not by the head alone: „Polizei“ may be
    another city's police.
    """
    for stem in stems:
        if " " in stem:
            body, named = stem.split(), set(words)
            if named and (named == set(body) or (len(body) > 2 and named == set(body[1:]))):
                return True
        elif any(stem in word for word in words):
            return True
    return False


class NameIndex:
    """Speaker observations in, entities out (see the module docstring).

    Observe every speaker first (:meth:`observe`), then :meth:`link` once;
    :meth:`entity`, :meth:`display` and :meth:`speaks_for` answer afterwards.
    Observations are interned: a million quotes by a thousand speakers cost a
    thousand entries.
    """

    def __init__(self) -> None:
        self._observations: dict[tuple[str, str, str], int] = {}
        self._spellings: dict[str, Counter[str]] = {}
        self._stems: list[frozenset[str]] = []
        self._entity: list[int] = []
        self._names: list[str] = []
        self._linked = False

    def observe(self, name: str | None, mention: str | None) -> int:
        """An id for one speaker: its resolved ``name`` (or None) and the mention text; -1 for nobody."""
        key = name_key(name) if name else ""
        description = description_key(mention or "", name)
        if not key and not description:
            return -1
        if key:
            self._spellings.setdefault(key, Counter())[name or key] += 1
        ident = self._observations.get((key, description, mention or ""))
        if ident is None:
            ident = self._observations[(key, description, mention or "")] = len(self._observations)
            self._stems.append(speaks_for_stems(mention or "", name))
            self._linked = False
        return ident

    def link(self) -> None:
        """Resolve every observation to an entity (steps 1–4 of the module docstring)."""
        respelt = _respelling({w for key in self._spellings for w in key.split()})
        merged: dict[str, Counter[str]] = {}
        for key, spellings in self._spellings.items():
            merged.setdefault(_respell(key, respelt), Counter()).update(spellings)
        canonical = _canonical_names(merged)
        keys = sorted(set(canonical.values()))
        number = {key: i for i, key in enumerate(keys)}
        self._names = [merged[key].most_common(1)[0][0] for key in keys]
        aliases: dict[str, set[int]] = {}
        for key, description, _ in self._observations:
            if key and description:
                aliases.setdefault(description, set()).add(number[canonical[_respell(key, respelt)]])
        unique = _Aliases({d: next(iter(e)) for d, e in aliases.items() if len(e) == 1})
        self._entity = [-1] * len(self._observations)
        for (key, description, _), ident in self._observations.items():
            found = number[canonical[_respell(key, respelt)]] if key else unique.entity(description)
            self._entity[ident] = found
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

    def speaks_for(self, observation: int) -> frozenset[str]:
        """The stems of whom an observed speaker speaks for („kreml“ for a Kremlsprecher)."""
        return self._stems[observation] if observation >= 0 else frozenset()


def _respelling(words: set[str]) -> dict[str, str]:
    """Name word → the word it is a transliteration of (step 2); the most common wins ties by order."""
    by_sound: dict[str, list[str]] = {}
    for word in sorted(words):
        by_sound.setdefault(cologne(word), []).append(word)
    out = {}
    for group in by_sound.values():
        leaders: list[str] = []
        for word in group:
            leader = next((lead for lead in leaders if _same_word(lead, word)), None)
            if leader is None:
                leaders.append(word)
            elif leader != word:
                out[word] = leader
    return out


def _respell(key: str, respelt: dict[str, str]) -> str:
    return " ".join(sorted({respelt.get(w, w) for w in key.split()}))


def _canonical_names(spellings: dict[str, Counter[str]]) -> dict[str, str]:
    """Name key → the key of the unique longest name containing all its words."""
    by_word: dict[str, set[str]] = {}
    for key in spellings:
        for word in key.split():
            by_word.setdefault(word, set()).add(key)
    return {key: _longest_container(key, by_word) for key in spellings}


def _longest_container(key: str, by_word: dict[str, set[str]]) -> str:
    """The unique maximal name whose words include every word of ``key``, else ``key``.

    „putin“ in {„putin wladimir“, „putin wladimir wladimirowitsch“} → the
    latter (the former is inside it); „kim“ in {„jong kim un“, „jong kim yo“}
    → „kim“ (two maximal names: ambiguous).
    """
    tokens = key.split()
    if not tokens:
        return key
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
