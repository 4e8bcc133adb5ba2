"""Loading the packaged data files into one :class:`~quotecheck.lexicon.Lexicon`.

Pipeline: no stage of its own; :func:`load_lexicon` runs once per process.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Callable, Mapping, TypeVar

from quotecheck.errors import LexiconError
from quotecheck.lexicon.compare_words import COMPARE_FILES, CompareWords
from quotecheck.lexicon.core import Lexicon
from quotecheck.lexicon.frames import FrameWords
from quotecheck.lexicon.indexes import alias_indexes, freeze, verbs_by_base
from quotecheck.lexicon.readers import (
    parse_according_to,
    parse_first_names,
    parse_konjunktiv,
    parse_org_classes,
    parse_organizations,
    parse_pronouns,
    parse_roles,
    parse_speech_nouns,
    parse_speech_verbs,
    parse_word_list,
)
from quotecheck.lexicon.pieces import PieceFrames
from quotecheck.lexicon.words import AttributionWords, ClauseWords, FunctionWords, Morph, RuleWords, TextWords

__all__ = [
    "OPTIONAL_FILES",
    "REQUIRED_FILES",
    "build_lexicon",
    "data_file",
    "load_lexicon",
]

T = TypeVar("T")

#: Every data file a lexicon is built from.
REQUIRED_FILES = (
    "speech_verbs.tsv",
    "speech_nouns.tsv",
    "according_to.tsv",
    "agencies.tsv",
    "roles.tsv",
    "titles.txt",
    "pronouns.tsv",
    "konjunktiv.tsv",
    "function_words.tsv",
    "clause_words.tsv",
    "rule_words.tsv",
    "attribution_words.tsv",
    "piece_frames.tsv",
    "frame_words.tsv",
    "morph.tsv",
    "abbreviations.txt",
    "ordinals.tsv",
    "org_classes.tsv",
    *COMPARE_FILES,
)
#: Data files a lexicon can do without (no separable particles, no given names).
OPTIONAL_FILES = ("particles.txt", "first_names.tsv")

_DATA = ("data", "de")


def _read(name: str) -> tuple[str, str] | None:
    """Text and display name of a packaged data file, or None if it does not exist."""
    resource = resources.files("quotecheck").joinpath(*_DATA, name)
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), "/".join(("quotecheck", *_DATA, name))


def data_file(name: str) -> tuple[str, str]:
    """Text and display name of a packaged data file.

    Raises :class:`~quotecheck.errors.LexiconError` when the file is missing, so a
    broken installation names the file instead of failing later on an empty list.
    """
    found = _read(name)
    if found is None:
        raise LexiconError(f"quotecheck/{'/'.join(_DATA)}/{name}: packaged data file is missing")
    return found


def build_lexicon(files: Mapping[str, tuple[str, str]]) -> Lexicon:
    """Build a :class:`Lexicon` from ``{file name: (text, display name)}``.

    Every file of :data:`REQUIRED_FILES` must be given; those of
    :data:`OPTIONAL_FILES` may be absent.
    """
    missing = [name for name in REQUIRED_FILES if name not in files]
    if missing:
        raise LexiconError(f"missing data file(s): {', '.join(missing)}")

    def parse(name: str, parser: Callable[[str, str], T]) -> T:
        return parser(*files[name])

    def optional(name: str, parser: Callable[[str, str], T], default: T) -> T:
        return parser(*files[name]) if name in files else default

    verbs = parse("speech_verbs.tsv", parse_speech_verbs)
    organizations = parse("agencies.tsv", parse_organizations)
    exact, folded = alias_indexes(organizations)
    clause = parse("clause_words.tsv", ClauseWords.parse)
    return Lexicon(
        speech_verbs=freeze(verbs),
        speech_verbs_by_base=verbs_by_base(verbs),
        speech_phrases=tuple(v for v in verbs.values() if v.is_phrase),
        speech_nouns=freeze(parse("speech_nouns.tsv", parse_speech_nouns)),
        according_to=parse("according_to.tsv", parse_according_to),
        organizations=organizations,
        alias_index=exact,
        alias_index_folded=folded,
        roles=freeze(parse("roles.tsv", parse_roles)),
        titles=parse("titles.txt", parse_word_list),
        pronouns=freeze(parse("pronouns.tsv", parse_pronouns)),
        konjunktiv=freeze(parse("konjunktiv.tsv", parse_konjunktiv)),
        words=parse("function_words.tsv", FunctionWords.parse),
        clause=clause,
        rule_words=parse("rule_words.tsv", RuleWords.parse),
        attribution=parse("attribution_words.tsv", AttributionWords.parse),
        pieces=parse("piece_frames.tsv", PieceFrames.parse),
        frames=parse("frame_words.tsv", FrameWords.parse),
        morph=Morph.parse(*files["morph.tsv"], clause),
        text=TextWords.parse(files["abbreviations.txt"], files["ordinals.tsv"]),
        org_classes=freeze(parse("org_classes.tsv", parse_org_classes)),
        compare=CompareWords.parse(*(files[name] for name in COMPARE_FILES)),
        particles=optional("particles.txt", parse_word_list, frozenset()),
        first_names=freeze(optional("first_names.tsv", parse_first_names, {})),
    )


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged German lexicon, loaded and checked once per process."""
    files = {name: data_file(name) for name in REQUIRED_FILES}
    for name in OPTIONAL_FILES:
        found = _read(name)
        if found is not None:
            files[name] = found
    return build_lexicon(files)
