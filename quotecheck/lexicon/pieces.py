"""``piece_frames.tsv``: the words around a verbatim quoted piece (split out of :mod:`quotecheck.lexicon.words`).

Speech-act frames around a piece („sprach von einem „…““), the weak frames
(„sieht … als „…““), the nouns that make a piece a name or a slogan, and the
verbs that chant or write a slogan; read by :mod:`quotecheck.rules.reported_pieces`,
:mod:`quotecheck.rules.names` and :mod:`quotecheck.rules.slogans`.
"""

from __future__ import annotations

from typing import Iterable

from attrs import frozen

from quotecheck.errors import LexiconError
from quotecheck.lexicon.words import _parsed, sizes

__all__ = ["PIECE_CLASSES", "PieceFrames"]

#: Case and plural endings tried when a noun is looked up by its stem („Actionspiels“ → „actionspiel“).
_NOUN_ENDINGS = ("es", "en", "s", "n")

#: Classes of ``piece_frames.tsv`` (its header documents each).
PIECE_CLASSES = frozenset(
    "prepositional_frame cue_preposition auxiliary name_noun name_marker not_name_noun slogan_noun slogan_link slogan_verb weak_frame weak_frame_beside setting_noun self_naming".split()
)


@frozen(repr=False)
class PieceFrames:
    """``piece_frames.tsv``: speech-act frames around a verbatim quoted piece („sprach von einem „…““)."""

    #: (verb lemma, preposition) pairs that report a speech act through the preposition.
    prepositional: frozenset[tuple[str, str]]
    #: Verbs of those pairs: they take a piece only through their preposition.
    preposition_only: frozenset[str]
    #: Prepositions that belong to the cue („sprach von“).
    cue_prepositions: frozenset[str]
    #: Lemmas of finite auxiliaries of a perfect or passive frame („hatte … zurückgewiesen“).
    auxiliaries: frozenset[str]
    #: Nouns before a quoted name or title („die Zeitung „…““), longest first: a compound
    #: ending in one counts too.
    name_nouns: tuple[str, ...] = ()
    #: Words before a quoted short name or translation („kurz „GTA““).
    name_markers: frozenset[str] = frozenset()
    #: Words ending in a name noun that name nothing („Beispiel“).
    not_name_nouns: frozenset[str] = frozenset()
    #: Nouns before a quoted slogan or inscription („Parolen“, „Aufschrift“): a compound
    #: ending in one counts too.
    slogan_nouns: frozenset[str] = frozenset()
    #: Words between a slogan noun and its slogan („wie zum Beispiel“).
    slogan_links: frozenset[str] = frozenset()
    #: Lemmas by which a subject voices, writes or carries a slogan („skandieren“, „tragen“).
    slogan_verbs: frozenset[str] = frozenset()
    #: (verb lemma, marker) pairs by which a verb too weak to frame a piece alone frames
    #: one: the marker opens the piece's phrase („sieht die Reform als „Irrweg““).
    weak_frames: frozenset[tuple[str, str]] = frozenset()
    #: As :attr:`weak_frames`, the marker's phrase beside the piece („sieht in X einen „…““).
    weak_frames_beside: frozenset[tuple[str, str]] = frozenset()
    #: Nouns (lower case) that make the marker's phrase of a :attr:`weak_frames_beside`
    #: pair a place or time of seeing („sahen in der Ferne einen „Riesen““), not what is seen in.
    setting_nouns: frozenset[str] = frozenset()

    #: Verbs (lemmas) that name their subject when a reflexive pronoun is their object
    #: („Der Verein nannte sich „die Teufel““): a name, no speech act.
    self_naming: frozenset[str] = frozenset()

    @property
    def weak_lemmas(self) -> frozenset[str]:
        """The verbs of :attr:`weak_frames` and :attr:`weak_frames_beside`."""
        return frozenset(lemma for lemma, _ in self.weak_frames | self.weak_frames_beside)

    def names_a_piece(self, word: str) -> bool:
        """Whether ``word`` before a quoted piece makes the piece a name („Vereinssender „…““).

        >>> from quotecheck.lexicon import load_lexicon
        >>> pieces = load_lexicon().pieces
        >>> pieces.names_a_piece("Actionspiels"), pieces.names_a_piece("kurz"), pieces.names_a_piece("Plan")
        (True, True, False)
        """
        lower = word.lower()
        if lower in self.name_markers:
            return True
        if lower in self.not_name_nouns:
            return False
        forms = [lower] + [lower[: -len(e)] for e in _NOUN_ENDINGS if lower.endswith(e) and len(lower) > len(e) + 2]
        return any(form.endswith(noun) for form in forms for noun in self.name_nouns)

    def names_a_slogan(self, word: str) -> bool:
        """Whether ``word`` before a quoted piece makes the piece a slogan or inscription („Hassparolen „…““).

        >>> from quotecheck.lexicon import load_lexicon
        >>> pieces = load_lexicon().pieces
        >>> pieces.names_a_slogan("Hassparolen"), pieces.names_a_slogan("Aufschrift"), pieces.names_a_slogan("Motto")
        (True, True, False)
        """
        lower = word.lower()
        return word[:1].isupper() and any(lower.endswith(noun) for noun in self.slogan_nouns)

    @classmethod
    def parse(cls, text: str, source: str) -> PieceFrames:
        _, by_class = _parsed(text, source, PIECE_CLASSES)
        pairs = _lemma_pairs(by_class["prepositional_frame"], "prepositional_frame", source)
        return cls(
            frozenset(pairs),
            frozenset(lemma for lemma, _ in pairs),
            by_class["cue_preposition"],
            by_class["auxiliary"],
            tuple(sorted(by_class["name_noun"], key=lambda noun: (-len(noun), noun))),
            by_class["name_marker"],
            by_class["not_name_noun"],
            by_class["slogan_noun"],
            by_class["slogan_link"],
            by_class["slogan_verb"],
            frozenset(_lemma_pairs(by_class["weak_frame"], "weak_frame", source)),
            frozenset(_lemma_pairs(by_class["weak_frame_beside"], "weak_frame_beside", source)),
            by_class["setting_noun"],
            by_class["self_naming"],
        )


def _lemma_pairs(entries: Iterable[str], cls: str, source: str) -> list[tuple[str, str]]:
    """„lemma word“ entries of a ``piece_frames.tsv`` class as pairs."""
    pairs = []
    for entry in entries:
        words = entry.split()
        if len(words) != 2:
            raise LexiconError(f"{source}: {cls} {entry!r} is not „lemma preposition“")
        pairs.append((words[0], words[1]))
    return pairs


PieceFrames.__repr__ = sizes  # type: ignore[method-assign]
