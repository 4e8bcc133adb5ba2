"""``frame_words.tsv``: the words of the less common frames and speech acts.

Pipeline: no stage of its own; the indirect and reported rules read
``lexicon.frames`` (a :class:`FrameWords`).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from attrs import frozen

from quotecheck.errors import LexiconError
from quotecheck.lexicon.readers import parse_word_classes
from quotecheck.lexicon.words import class_index

__all__ = ["FRAME_CLASSES", "FrameWords"]

#: Classes of ``frame_words.tsv`` (its header documents each).
FRAME_CLASSES = frozenset(
    "correlative infinitive_conjunction reason_conjunction statal_auxiliary participle act_frame subject_first_frame "
    "predicative_marker toll_noun passive_participle".split()
)


def _pairs(entries: frozenset[str], cls: str, source: str) -> frozenset[tuple[str, str]]:
    """„first second“ entries of a class as pairs; anything else is an error."""
    pairs = []
    for entry in sorted(entries):
        words = entry.split()
        if len(words) != 2:
            raise LexiconError(f"{source}: {cls} {entry!r} is not two words")
        pairs.append((words[0], words[1]))
    return frozenset(pairs)


def _by_first(pairs: frozenset[tuple[str, str]]) -> Mapping[str, frozenset[str]]:
    """The second words of the pairs, by first word."""
    index: dict[str, set[str]] = {}
    for first, second in pairs:
        index.setdefault(first, set()).add(second)
    return MappingProxyType({first: frozenset(seconds) for first, seconds in index.items()})


@frozen(repr=False)
class FrameWords:
    """The words of ``frame_words.tsv``, by use."""

    #: „darauf“, „dafür“: announce a complement clause („Hinweise darauf, dass …“).
    correlatives: frozenset[str]
    #: „um“, „ohne“: open an infinitive of purpose, no content of a noun of saying.
    infinitive_conjunctions: frozenset[str]
    #: „weil“, „da“: open a reason clause; in Konjunktiv I after a speech act it is the speaker's reason.
    reason_conjunctions: frozenset[str]
    #: „ist“, „war“: the auxiliary of a statal passive („Es ist verboten, …“).
    statal_auxiliaries: frozenset[str]
    #: Participle → verb lemma, where the lemmatizer leaves the participle alone („entschieden“).
    participles: Mapping[str, str]
    #: Verb lemma (without „sich“) → the markers whose phrase is its reported act („sprechen“ → {„von“, „über“}).
    act_markers: Mapping[str, frozenset[str]]
    #: (lemma, marker) act frames that are acts only after their subject („Die Gewerkschaft droht
    #: mit Streik“; „Den Bauern droht mit der Dürre ein Ausfall“ is something that looms).
    subject_first: frozenset[tuple[str, str]]
    #: „als“: an act-frame marker of a predicate to the object, not of the object itself.
    predicative_markers: frozenset[str]
    #: „worden“: closes a passive in the perfect („ist … kritisiert worden“).
    passive_participles: frozenset[str]
    #: „Menschenleben“, „Tote“: the object of a toll, not of a demand („forderte 92 Menschenleben“).
    toll_nouns: frozenset[str]

    @classmethod
    def parse(cls, text: str, source: str) -> FrameWords:
        by_word = parse_word_classes(text, source)
        by_class = class_index(by_word, FRAME_CLASSES, source)
        return cls(
            correlatives=by_class["correlative"],
            infinitive_conjunctions=by_class["infinitive_conjunction"],
            reason_conjunctions=by_class["reason_conjunction"],
            statal_auxiliaries=by_class["statal_auxiliary"],
            participles=MappingProxyType(dict(_pairs(by_class["participle"], "participle", source))),
            act_markers=_by_first(_pairs(by_class["act_frame"] | by_class["subject_first_frame"], "act_frame", source)),
            subject_first=_pairs(by_class["subject_first_frame"], "subject_first_frame", source),
            predicative_markers=by_class["predicative_marker"],
            toll_nouns=by_class["toll_noun"],
            passive_participles=by_class["passive_participle"],
        )

    def __repr__(self) -> str:
        return (
            f"FrameWords(correlatives={len(self.correlatives)}, participles={len(self.participles)}, "
            f"act_frames={sum(map(len, self.act_markers.values()))})"
        )

    def markers_of(self, lemma: str) -> frozenset[str]:
        """The markers whose phrase is a reported act of the verb ``lemma`` („sich aussprechen“ → {für, gegen})."""
        return self.act_markers.get(lemma.removeprefix("sich "), frozenset())
