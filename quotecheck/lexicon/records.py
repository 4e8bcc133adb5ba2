"""The entries of the lexica, and the fixed vocabularies every data value is checked against.

Pipeline: no stage of its own; the typed records :mod:`quotecheck.lexicon` hands out.
"""

from __future__ import annotations

from typing import Iterable

import attrs
from attrs import field, frozen

__all__ = [
    "SPEECH_CLASSES",
    "VALENCIES",
    "ORGANIZATION_TYPES",
    "ROLE_TYPES",
    "NOUN_USES",
    "POSITIONS",
    "OWNERS",
    "OWNERS_BY_POSITION",
    "PHRASE_NAMES",
    "SOURCE_RELATIONS",
    "MOODS",
    "PERSON_NUMBERS",
    "PRONOUN_CASES",
    "PRONOUN_GENDERS",
    "DETERMINER_CLASSES",
    "ABBREVIATION_FLAGS",
    "FIRST_NAME_GENDERS",
    "GENDERS",
    "AccordingTo",
    "OrgClass",
    "Organization",
    "Pronoun",
    "RoleNoun",
    "SpeechNoun",
    "SpeechVerb",
    "VerbForm",
]

# --- fixed vocabularies: every data value is checked against these ---------------

SPEECH_CLASSES = frozenset(
    "say announce report claim demand criticise deny estimate hope ask warn promise "
    "praise complain confirm admit explain write quote argue agree reject threaten "
    "speculate".split()
)
VALENCIES = frozenset("dass ob w v2 zu np colon direct".split())
ORGANIZATION_TYPES = frozenset("news_agency media government organization".split())
#: ``block`` marks a word that merely ends like a role noun („Vorrat“ is no „Rat“).
ROLE_TYPES = frozenset("person organization block".split())
NOUN_USES = frozenset("according_to frame both".split())
POSITIONS = frozenset("pre post circum anaphoric parenthetical".split())
#: How an according-to phrase's owner is found, by position (``according_to.tsv``'s header).
OWNERS_BY_POSITION = {
    "pre": frozenset("noun someone any".split()),
    "post": frozenset({"any"}),
    "circum": frozenset("optional required none".split()),
    "anaphoric": frozenset({"none"}),
    "parenthetical": frozenset({"none"}),
}
OWNERS = frozenset().union(*OWNERS_BY_POSITION.values())
#: What an according-to phrase's owner is: the speaker, a source, or whom the subject cites.
PHRASE_NAMES = frozenset("speaker source cited".split())
#: The relations a source phrase can give its source (the output's ``relation``, less
#: ``told_to``, which no phrase gives: it is the addressee's).
SOURCE_RELATIONS = frozenset("reported_by published_in".split())
MOODS = frozenset("subj1 subj2 ind ambiguous".split())
PERSON_NUMBERS = frozenset("1sg 2sg 3sg 1pl 2pl 3pl".split())
PRONOUN_CASES = frozenset("nom gen dat acc poss".split())
PRONOUN_GENDERS = frozenset("m f n any".split())
#: ``function_words.tsv`` classes of words that open a noun phrase („der“, „dem“, „seine“).
DETERMINER_CLASSES = frozenset({"det", "det_dative", "possessive"})
ABBREVIATION_FLAGS = frozenset("num final".split())
FIRST_NAME_GENDERS = frozenset("m f any".split())
GENDERS = frozenset("m f n".split())


def _string_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _string_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@frozen
class SpeechVerb:
    """A verb or verbal phrase of saying („hinzufügen“, „zum Ausdruck bringen“).

    ``particle`` is the separable particle that stands apart in a main clause
    („fügte … hinzu“), ``base`` the finite verb seen in the text, ``cls`` the
    semantic class, ``valency`` the complements it takes, ``reported`` whether a
    bare object use („lobte die Soldaten“) is itself a reported speech act, and
    ``strength`` how reliably the verb denotes speech (1.0 = always).
    """

    lemma: str
    particle: str | None
    base: str
    cls: str = field(validator=attrs.validators.in_(SPEECH_CLASSES))
    valency: frozenset[str] = field(converter=_string_set)
    reported: bool
    strength: float

    @property
    def is_phrase(self) -> bool:
        """True for a multi-word lemma („darauf hinweisen“, „sich äußern“)."""
        return " " in self.lemma

    @property
    def reflexive(self) -> bool:
        """True for a reflexive verb written „sich X“ („sich äußern“)."""
        return self.lemma.startswith("sich ") and self.lemma.count(" ") == 1


@frozen
class SpeechNoun:
    """A noun of saying („Erklärung“, „Angaben“, „Hoffnung“), one inflected form.

    ``use`` says where it marks reported material (``according_to``: „nach Angaben
    von X“; ``frame``: „in einer Erklärung hieß es“; ``both``); ``content`` whether it
    introduces its content after a comma („die Hoffnung, dass …“).
    """

    form: str
    use: str = field(validator=attrs.validators.in_(NOUN_USES))
    content: bool = False


@frozen
class AccordingTo:
    """An according-to phrase („laut“, „X zufolge“, „nach Angaben von X“): a line of ``according_to.tsv``.

    ``owner`` says how the speaker or source it names is found, ``names`` whether
    that owner is a speaker, a source or a cited party, ``relation`` the relation a
    source through it has (None when it names no source), ``mention`` whether a
    quote it frames has the phrase without its preposition as speaker mention.
    """

    phrase: str
    position: str = field(validator=attrs.validators.in_(POSITIONS))
    cue: str
    owner: str = field(default="none", validator=attrs.validators.in_(OWNERS))
    names: str = field(default="speaker", validator=attrs.validators.in_(PHRASE_NAMES))
    relation: str | None = field(default=None, validator=attrs.validators.optional(attrs.validators.in_(SOURCE_RELATIONS)))
    mention: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        """The phrase split into words."""
        return tuple(self.phrase.split())

    @property
    def cue_words(self) -> tuple[str, ...]:
        """The words of the phrase that are the quote's cue („Meinung nach“ of „seiner Meinung nach“)."""
        return tuple(self.cue.split())

    @property
    def cue_offset(self) -> int:
        """Where the cue words start within the phrase (1 for „Meinung nach“ in „seiner Meinung nach“)."""
        words, cue = self.words, self.cue_words
        return next((k for k in range(len(words) - len(cue) + 1) if words[k : k + len(cue)] == cue), 0)


@frozen
class Organization:
    """A gazetteer entry: a news agency, medium, government body or organisation."""

    name: str
    type: str = field(validator=attrs.validators.in_(ORGANIZATION_TYPES))
    aliases: tuple[str, ...] = field(converter=_string_tuple)
    country: str | None = None


@frozen
class OrgClass:
    """What kind of organisation a noun names (``org_classes.tsv``)."""

    noun: str  # lower case; also the head of compounds („zulieferer“ in „Autozulieferer“)
    cls: str  # the hypernym a description uses for it („Unternehmen“)
    generic: bool = False  # „das Unternehmen“ describes any organisation of its class
    gender: str | None = None  # m / f / n, to put an adjective of origin in the nominative
    seat: bool = False  # a one-word name after it is its seat („Staatsanwaltschaft Ravensburg“)


@frozen
class RoleNoun:
    """A role noun („Präsidentin“, „Ministerium“) and the speaker type it makes."""

    noun: str
    type: str = field(validator=attrs.validators.in_(ROLE_TYPES))
    compound_head: bool = False


@frozen
class Pronoun:
    """One reading of a pronoun form („sie“: 3 sg f nom, 3 pl any nom, …)."""

    form: str
    person: int
    number: str
    gender: str
    case: str


@frozen
class VerbForm:
    """One reading of a finite verb form („habe“: haben, subj1, 1sg|3sg)."""

    form: str
    lemma: str
    mood: str = field(validator=attrs.validators.in_(MOODS))
    person_number: frozenset[str] = field(converter=_string_set)
    reportive: bool = False
