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
    """An according-to phrase („laut“, „X zufolge“, „nach Angaben von X“)."""

    phrase: str
    position: str = field(validator=attrs.validators.in_(POSITIONS))
    cue: str

    @property
    def words(self) -> tuple[str, ...]:
        """The phrase split into words."""
        return tuple(self.phrase.split())


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
