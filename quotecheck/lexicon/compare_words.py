"""The word lists of ``quotecheck compare``, one typed sub-lexicon (``lexicon.compare``).

Pipeline: no stage of its own; read with the rest of the lexicon, used by
:mod:`quotecheck.provenance` (compare, across documents).
"""

from __future__ import annotations

from typing import Mapping

from attrs import frozen

from quotecheck.lexicon.indexes import freeze
from quotecheck.lexicon.readers import parse_word_list, parse_word_variants
from quotecheck.lexicon.words import sizes

__all__ = ["COMPARE_FILES", "CompareWords"]

#: The data files of :class:`CompareWords`, in the order :meth:`CompareWords.parse` takes them.
COMPARE_FILES = ("stop_words.txt", "word_variants.tsv", "name_letters.tsv", "speaks_for.txt", "affiliations.txt")


@frozen(repr=False)
class CompareWords:
    """What two renderings of one statement may differ in, and how names are spelt.

    >>> from quotecheck.lexicon import load_lexicon
    >>> words = load_lexicon().compare
    >>> "die" in words.stop_words, words.word_variants["zwölf"], words.name_letters["ß"]
    (True, '12', 'ss')
    """

    #: Words that carry no content of a statement („die“, „haben“, „wir“): ``stop_words.txt``.
    stop_words: frozenset[str]
    #: A spelling → its normal form („zwölf“ → „12“, „%“ → „prozent“): ``word_variants.tsv``.
    word_variants: Mapping[str, str]
    #: A letter → its plain spelling in names („ı“ → „i“, „ß“ → „ss“): ``name_letters.tsv``.
    name_letters: Mapping[str, str]
    #: Role nouns whose holder speaks for a body („Kremlsprecher“ → Kreml), longest first: ``speaks_for.txt``.
    speaks_for: tuple[str, ...]
    #: Prepositions that tie a person to a body after the name („von der“, „vom“), as word tuples,
    #: longest first: ``affiliations.txt``.
    affiliations: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, *files: tuple[str, str]) -> CompareWords:
        """Read the files of :data:`COMPARE_FILES`, each as ``(text, display name)``, in that order."""
        stops, variants, letters, heads, affiliations = files
        return cls(
            parse_word_list(*stops),
            freeze(parse_word_variants(*variants)),
            freeze(parse_word_variants(*letters)),
            tuple(sorted(parse_word_list(*heads), key=len, reverse=True)),
            tuple(sorted((tuple(a.split()) for a in parse_word_list(*affiliations)), key=lambda a: (-len(a), a))),
        )

    def __repr__(self) -> str:
        return sizes(self)
