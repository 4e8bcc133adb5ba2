"""The German lexica: speech verbs, according-to phrases, organisations, roles …

Pipeline: no stage of its own; loaded once and handed to every rule and to attribution.

The language knowledge lives in plain data files under ``quotecheck/data/de/``
(tab-separated, ``#`` starts a comment line, blank lines are ignored, an optional
first row repeats the column names). This module only reads and checks them:
every value is validated against a fixed vocabulary, and a malformed line raises
:class:`~quotecheck.errors.LexiconError` naming the file and the line.

>>> lexicon = load_lexicon()
>>> lexicon.speech_verbs["hinzufügen"].particle
'hinzu'
>>> lexicon.organization("Associated Press").name
'AP'
>>> lexicon.role_of("Gewerkschaftschef").noun
'Chef'
"""

from __future__ import annotations

import functools
import os
import stat
import unicodedata
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping, Sequence

import attrs
from attrs import field, frozen

from quotecheck.errors import LexiconError

__all__ = [
    "SPEECH_CLASSES",
    "VALENCIES",
    "ORGANIZATION_TYPES",
    "ROLE_TYPES",
    "NOUN_USES",
    "POSITIONS",
    "MOODS",
    "PERSON_NUMBERS",
    "FIRST_NAME_GENDERS",
    "AccordingTo",
    "Lexicon",
    "Organization",
    "Pronoun",
    "RoleNoun",
    "SpeechVerb",
    "VerbForm",
    "build_lexicon",
    "data_file",
    "load_lexicon",
    "load_word_classes",
    "parse_word_classes",
    "parse_word_list",
    "parse_word_variants",
    "read_organizations",
    "words_of_class",
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

_YES_NO = {"yes": True, "no": False}
_NONE = ("", "-")
#: A compound's modifier must have at least this many characters („Ex-“, „Vize“).
_MIN_COMPOUND_PREFIX = 2


# --- records --------------------------------------------------------------------


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
    valency: frozenset[str] = field(converter=frozenset)
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
    aliases: tuple[str, ...] = field(converter=tuple)
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
    person_number: frozenset[str] = field(converter=frozenset)
    reportive: bool = False


# --- reading data files -----------------------------------------------------------


def _error(source: str, line: int, message: str) -> LexiconError:
    error = LexiconError(f"{source}, line {line}: {message}")
    error.source = source  # type: ignore[attr-defined]
    error.line = line  # type: ignore[attr-defined]
    return error


def _rows(
    text: str, source: str, columns: Sequence[str], optional: int = 0
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, fields)`` for each data line of a tab-separated file.

    Comment and blank lines are skipped, as is a first row that repeats the
    column names. The last ``optional`` columns may be left off.
    """
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            header_seen = True
            if [f.lower() for f in fields] == list(columns):
                continue
        if not len(columns) - optional <= len(fields) <= len(columns):
            raise _error(
                source,
                number,
                f"expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), found {len(fields)}: {stripped!r}",
            )
        fields += [""] * (len(columns) - len(fields))
        yield number, fields


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, stripped line)`` for each entry of a one-per-line file."""
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped and not stripped.startswith("#"):
            yield number, stripped


def _choice(value: str, allowed: Iterable[str], what: str, source: str, line: int) -> str:
    allowed = frozenset(allowed)
    if value not in allowed:
        raise _error(source, line, f"unknown {what} {value!r}; expected one of {', '.join(sorted(allowed))}")
    return value


def _flag(value: str, what: str, source: str, line: int) -> bool:
    if value not in _YES_NO:
        raise _error(source, line, f"{what} must be yes or no, not {value!r}")
    return _YES_NO[value]


def _required(value: str, what: str, source: str, line: int) -> str:
    if value in _NONE:
        raise _error(source, line, f"{what} is empty")
    return value


def _optional(value: str) -> str | None:
    return None if value in _NONE else value


GENDERS = frozenset("m f n".split())


def parse_org_classes(text: str, source: str) -> dict[str, OrgClass]:
    """Parse ``org_classes.tsv``: noun, class, generic, gender, seat (the last three optional)."""
    table: dict[str, OrgClass] = {}
    for n, (noun, cls, generic, gender, seat) in _rows(text, source, ("noun", "class", "generic", "gender", "seat"), optional=3):
        noun = _required(noun, "noun", source, n).casefold()
        if noun in table:
            raise _error(source, n, f"duplicate noun {noun!r}")
        gender = _optional(gender)
        table[noun] = OrgClass(
            noun,
            _required(cls, "class", source, n),
            generic not in _NONE and _flag(generic, "generic", source, n),
            _choice(gender, GENDERS, "gender", source, n) if gender is not None else None,
            seat not in _NONE and _flag(seat, "seat", source, n),
        )
    return table


def parse_speech_verbs(text: str, source: str) -> dict[str, SpeechVerb]:
    """Parse ``speech_verbs.tsv``: lemma, particle, base, class, valency, reported, strength."""
    columns = ("lemma", "particle", "base", "class", "valency", "reported", "strength")
    verbs: dict[str, SpeechVerb] = {}
    for n, (lemma, particle, base, cls, valency, reported, strength) in _rows(text, source, columns):
        lemma = _required(lemma, "lemma", source, n)
        base = _required(base, "base", source, n)
        part = _optional(particle)
        words = lemma.split()
        last = words[-1]
        # The lemma must spell out particle + base: „hinzufügen“ = hinzu + fügen;
        # in a phrase the particle may stand as a word of its own („publik machen“).
        if not (last == (part or "") + base or (part is not None and part in words[:-1] and last == base)):
            raise _error(source, n, f"lemma {lemma!r} is not particle {part!r} + base {base!r}")
        _choice(cls, SPEECH_CLASSES, "class", source, n)
        frames = frozenset(v.strip() for v in valency.split(",") if v.strip())
        if not frames:
            raise _error(source, n, "valency is empty")
        for v in frames:
            _choice(v, VALENCIES, "valency", source, n)
        try:
            weight = float(strength)
        except ValueError:
            raise _error(source, n, f"strength must be a number, not {strength!r}") from None
        if not 0.0 < weight <= 1.0:
            raise _error(source, n, f"strength must be in (0, 1], not {weight}")
        if lemma in verbs:
            raise _error(source, n, f"duplicate lemma {lemma!r}")
        verbs[lemma] = SpeechVerb(lemma, part, base, cls, frames, _flag(reported, "reported", source, n), weight)
    return verbs


def parse_speech_nouns(text: str, source: str) -> dict[str, str]:
    """Parse ``speech_nouns.tsv``: noun (one form per line, or forms joined by |), use."""
    nouns: dict[str, str] = {}
    for n, (noun, use) in _rows(text, source, ("noun", "use")):
        _choice(use, NOUN_USES, "use", source, n)
        for form in _required(noun, "noun", source, n).split("|"):
            if form in nouns:
                raise _error(source, n, f"duplicate noun {form!r}")
            nouns[form] = use
    return nouns


def parse_according_to(text: str, source: str) -> tuple[AccordingTo, ...]:
    """Parse ``according_to.tsv``; the result is sorted longest phrase first."""
    phrases: dict[str, AccordingTo] = {}
    for n, (phrase, position, cue) in _rows(text, source, ("phrase", "position", "cue")):
        phrase = " ".join(_required(phrase, "phrase", source, n).split())
        _choice(position, POSITIONS, "position", source, n)
        cue = " ".join(_required(cue, "cue", source, n).split())
        if cue not in phrase:
            raise _error(source, n, f"cue {cue!r} is not part of phrase {phrase!r}")
        if phrase in phrases:
            raise _error(source, n, f"duplicate phrase {phrase!r}")
        phrases[phrase] = AccordingTo(phrase, position, cue)
    return tuple(sorted(phrases.values(), key=lambda a: (-len(a.words), -len(a.phrase), a.phrase)))


def parse_organizations(text: str, source: str) -> tuple[Organization, ...]:
    """Parse a gazetteer in the format of ``agencies.tsv``: name, type, aliases, country.

    ``aliases`` are |-separated surface forms (``-`` or empty for none); the name
    itself is an alias only when listed. Within one file an alias may not name two
    different entries.
    """
    entries: list[Organization] = []
    owner: dict[str, str] = {}
    names: set[str] = set()
    columns = ("name", "type", "aliases", "country")
    for n, (name, type_, aliases, country) in _rows(text, source, columns, optional=2):
        name = _required(name, "name", source, n)
        _choice(type_, ORGANIZATION_TYPES, "type", source, n)
        if name in names:
            raise _error(source, n, f"duplicate name {name!r}")
        names.add(name)
        forms = tuple(dict.fromkeys(a.strip() for a in aliases.split("|") if a.strip() not in _NONE))
        for alias in forms:
            if alias in owner and owner[alias] != name:
                raise _error(source, n, f"alias {alias!r} of {name!r} already names {owner[alias]!r}")
            owner[alias] = name
        code = _optional(country)
        if code is not None and not (len(code) == 2 and code.isalpha()):
            raise _error(source, n, f"country must be a two-letter ISO code or -, not {code!r}")
        entries.append(Organization(name, type_, forms, code.upper() if code else None))
    return tuple(entries)


#: The largest user gazetteer read (the packaged one is about 40 KB).
MAX_USER_FILE_BYTES = 64 * 1024 * 1024


def read_organizations(path: str | os.PathLike[str]) -> tuple[Organization, ...]:
    """Read a user gazetteer file in the format of ``agencies.tsv``.

    Only a regular file of at most :data:`MAX_USER_FILE_BYTES` is read: ``/dev/zero``
    or a mistaken multi-GB dump is a LexiconError, not an exhausted memory.
    """
    path = Path(path)
    try:
        with path.open("rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise LexiconError(f"{path}: cannot read organisations file: not a regular file")
            data = stream.read(MAX_USER_FILE_BYTES + 1)
        if len(data) > MAX_USER_FILE_BYTES:
            raise LexiconError(f"{path}: organisations file larger than {MAX_USER_FILE_BYTES >> 20} MB")
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text does
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read organisations file: {exc}") from exc
    return parse_organizations(text, str(path))


def parse_roles(text: str, source: str) -> dict[str, RoleNoun]:
    """Parse ``roles.tsv``: noun, type, compound_head."""
    roles: dict[str, RoleNoun] = {}
    for n, (noun, type_, head) in _rows(text, source, ("noun", "type", "compound_head")):
        noun = _required(noun, "noun", source, n)
        _choice(type_, ROLE_TYPES, "type", source, n)
        if noun in roles:
            raise _error(source, n, f"duplicate noun {noun!r}")
        roles[noun] = RoleNoun(noun, type_, _flag(head, "compound_head", source, n))
    return roles


def parse_pronouns(text: str, source: str) -> dict[str, tuple[Pronoun, ...]]:
    """Parse ``pronouns.tsv``: form, person, number, gender, case (one reading a line)."""
    readings: dict[str, list[Pronoun]] = {}
    columns = ("form", "person", "number", "gender", "case")
    for n, (form, person, number, gender, case) in _rows(text, source, columns):
        form = _required(form, "form", source, n).lower()
        _choice(person, ("1", "2", "3"), "person", source, n)
        _choice(number, ("sg", "pl"), "number", source, n)
        _choice(gender, PRONOUN_GENDERS, "gender", source, n)
        _choice(case, PRONOUN_CASES, "case", source, n)
        reading = Pronoun(form, int(person), number, gender, case)
        if reading in readings.get(form, ()):
            raise _error(source, n, f"duplicate reading of {form!r}")
        readings.setdefault(form, []).append(reading)
    return {form: tuple(r) for form, r in readings.items()}


def parse_konjunktiv(text: str, source: str) -> dict[str, tuple[VerbForm, ...]]:
    """Parse ``konjunktiv.tsv``: form, lemma, mood, person_number, reportive."""
    readings: dict[str, list[VerbForm]] = {}
    columns = ("form", "lemma", "mood", "person_number", "reportive")
    for n, (form, lemma, mood, pn, reportive) in _rows(text, source, columns, optional=1):
        form = _required(form, "form", source, n).lower()
        lemma = _required(lemma, "lemma", source, n)
        _choice(mood, MOODS, "mood", source, n)
        persons = frozenset(p.strip() for p in _required(pn, "person_number", source, n).split("|"))
        for p in persons:
            _choice(p, PERSON_NUMBERS, "person_number", source, n)
        entry = VerbForm(form, lemma, mood, persons, _flag(reportive or "no", "reportive", source, n))
        if entry in readings.get(form, ()):
            raise _error(source, n, f"duplicate reading of {form!r}")
        readings.setdefault(form, []).append(entry)
    return {form: tuple(r) for form, r in readings.items()}


def parse_word_list(text: str, source: str) -> frozenset[str]:
    """Parse a one-entry-per-line list (``titles.txt``, ``particles.txt``)."""
    return frozenset(entry for _, entry in _lines(text))


def parse_word_variants(text: str, source: str) -> dict[str, str]:
    """Parse ``word_variants.tsv``: a spelling (lower case) and its normal form („zwölf“ → „12“)."""
    variants: dict[str, str] = {}
    for n, (form, normal) in _rows(text, source, ("form", "normal")):
        variants[_required(form, "form", source, n).lower()] = _required(normal, "normal", source, n)
    return variants


def parse_abbreviations(text: str, source: str) -> dict[str, str | None]:
    """Parse ``abbreviations.txt``: an abbreviation, optionally followed by a flag.

    Returns abbreviation → flag (``num``, ``final`` or None). Entries may contain
    spaces („z. B.“); only a trailing known flag is split off.
    """
    entries: dict[str, str | None] = {}
    for _, entry in _lines(text):
        head, _, last = entry.rpartition(" ") if "\t" not in entry else entry.partition("\t")
        head, last = head.strip(), last.strip()
        if head and last in ABBREVIATION_FLAGS:
            entries[head] = last
        else:
            entries[entry] = None
    return entries


def parse_first_names(text: str, source: str) -> dict[str, str]:
    """Parse ``first_names.tsv``: name, gender (m, f or any).

    A name is one word or a hyphenated double name („Hans-Peter“) of letters with
    a capital first letter; it is stored in NFC so that decomposed umlauts in a
    file do not make a second, unreachable entry.
    """
    names: dict[str, str] = {}
    for n, (name, gender) in _rows(text, source, ("name", "gender")):
        name = unicodedata.normalize("NFC", _required(name, "name", source, n))
        if not (name[0].isupper() and all(part.isalpha() for part in name.split("-"))):
            raise _error(source, n, f"name {name!r} is not a capitalised word or double name")
        _choice(gender, FIRST_NAME_GENDERS, "gender", source, n)
        if name in names:
            raise _error(source, n, f"duplicate name {name!r}")
        names[name] = gender
    return names


def parse_word_classes(text: str, source: str) -> dict[str, frozenset[str]]:
    """Parse a word-class file (``function_words.tsv``, ``clause_words.tsv``, ``morph.tsv`` …).

    Columns: word, class; the class may be a comma-separated list and a word may
    have several lines. One parser for every closed-class list, so each list is
    a data file and never a set in code.
    """
    classes: dict[str, set[str]] = {}
    for n, (word, cls) in _rows(text, source, ("word", "class")):
        word = _required(word, "word", source, n)
        for c in cls.split(","):
            c = c.strip()
            if not c or not c.replace("_", "").isalpha():
                raise _error(source, n, f"bad class {cls!r}")
            classes.setdefault(word, set()).add(c)
    return {w: frozenset(c) for w, c in classes.items()}


# --- the lexicon ----------------------------------------------------------------------


def _freeze(mapping: dict) -> Mapping:
    return MappingProxyType(mapping)


def _alias_indexes(
    organizations: Iterable[Organization],
) -> tuple[Mapping[str, Organization], Mapping[str, Organization]]:
    """Exact alias → entry (later entries win) and a case-folded map of the unambiguous."""
    exact: dict[str, Organization] = {}
    for entry in organizations:
        for alias in entry.aliases:
            exact[alias] = entry
    folded: dict[str, Organization | None] = {}
    for alias, entry in exact.items():
        key = alias.casefold()
        if key in folded and folded[key] is not entry:
            folded[key] = None  # two entries share the folded form: no guess
        else:
            folded[key] = entry
    return _freeze(exact), _freeze({k: v for k, v in folded.items() if v is not None})


def _by_base(verbs: Mapping[str, SpeechVerb]) -> Mapping[str, tuple[SpeechVerb, ...]]:
    """Base verb → the single-word lemmas built on it, then reflexives on it.

    „fügen“ → (hinzufügen, anfügen); „beschweren“ → (sich beschweren,). The bare
    verb comes first, then particle verbs, then reflexives. A single-word lemma is
    also keyed by itself („hinzufügen“ → (hinzufügen,)). Other phrases are left out:
    „zu bedenken geben“ must not make every „gab“ a cue.
    """
    singles = [v for v in verbs.values() if not v.is_phrase]
    reflexives = [v for v in verbs.values() if v.reflexive]
    index: dict[str, list[SpeechVerb]] = {}
    for verb in sorted(singles, key=lambda v: v.particle is not None) + reflexives:
        index.setdefault(verb.base, []).append(verb)
    for verb in singles:
        group = index.setdefault(verb.lemma, [])
        if verb not in group:
            group.append(verb)
    return _freeze({base: tuple(group) for base, group in index.items()})


#: Look-up caches of a lexicon are emptied at this size, so that a long stream of
#: documents with ever new words keeps its memory flat.
_CACHE_SIZE = 200_000


def _remember(cache: dict, key: str, value: object) -> None:
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[key] = value


@attrs.define(frozen=True, eq=False)
class Lexicon:
    """All lexica of one language, loaded and checked.

    Build it with :func:`load_lexicon`; add a user gazetteer with
    :meth:`with_organizations`. The mappings are read-only.
    """

    speech_verbs: Mapping[str, SpeechVerb]
    speech_verbs_by_base: Mapping[str, tuple[SpeechVerb, ...]]
    speech_phrases: tuple[SpeechVerb, ...]
    speech_nouns: Mapping[str, str]
    according_to: tuple[AccordingTo, ...]
    organizations: tuple[Organization, ...]
    alias_index: Mapping[str, Organization]
    alias_index_folded: Mapping[str, Organization]
    roles: Mapping[str, RoleNoun]
    titles: frozenset[str]
    pronouns: Mapping[str, tuple[Pronoun, ...]]
    konjunktiv: Mapping[str, tuple[VerbForm, ...]]
    function_words: Mapping[str, frozenset[str]] = field(factory=lambda: _freeze({}))
    particles: frozenset[str] = frozenset()
    #: Given name → usual gender (m, f, any); see ``first_names.tsv``.
    first_names: Mapping[str, str] = field(factory=lambda: _freeze({}))
    _compound_index: Mapping[str, RoleNoun] = field(init=False, repr=False)
    _role_cache: dict[str, RoleNoun | None] = field(init=False, factory=dict, repr=False)
    _organization_cache: dict[str, Organization | None] = field(init=False, factory=dict, repr=False)

    def __attrs_post_init__(self) -> None:
        # Case-folded compound heads; block entries take part so that
        # „Lebensmittelvorrat“ stops at „Vorrat“ instead of reaching „Rat“.
        index = {
            noun.casefold(): entry
            for noun, entry in self.roles.items()
            if entry.compound_head or entry.type == "block"
        }
        object.__setattr__(self, "_compound_index", index)

    # -- roles --

    def role_of(self, word: str) -> RoleNoun | None:
        """The role noun a word is or ends in, or None.

        An exact entry wins („Bundeskanzler“); otherwise the longest compound head
        the word ends in, compared case-insensitively („Gewerkschaftschef“ → Chef,
        „Innenministerin“ → Ministerin, „Gesundheitsministerium“ → Ministerium). A
        genitive -s/-es is stripped when nothing else matches („Ministers“). Only
        capitalised words are read as compounds.
        """
        try:
            return self._role_cache[word]
        except KeyError:
            pass
        result = None
        candidates = [word]
        if len(word) > 3 and word.endswith("s"):
            candidates.append(word[:-1])
            if word.endswith("es"):
                candidates.append(word[:-2])
        for candidate in candidates:
            entry = self._role_entry(candidate)
            if entry is not None:
                result = None if entry.type == "block" else entry
                break
        _remember(self._role_cache, word, result)
        return result

    def _role_entry(self, word: str) -> RoleNoun | None:
        entry = self.roles.get(word)
        if entry is not None or not word[:1].isupper():
            return entry
        folded = word.casefold()
        index = self._compound_index
        # longest suffix first: one dictionary look-up per position, not per head
        for start in range(_MIN_COMPOUND_PREFIX, len(folded)):
            head = index.get(folded[start:])
            if head is not None:
                return head
        return None

    # -- organisations --

    def organization(self, surface: str) -> Organization | None:
        """The gazetteer entry a surface form names, or None.

        Exact alias first („Associated Press“, „Kremls“); then a sentence-initial
        capital on a lower-case alias („Dpa“ → dpa); then, for an all-capitals
        surface („REUTERS“), the case-folded alias when it is unambiguous; then a
        declined multi-word form („der Deutschen Bahn“ → Deutsche Bahn). Answers are
        cached: mention parsing asks about the same words many times per document.
        """
        try:
            return self._organization_cache[surface]
        except KeyError:
            pass
        result = self._find_organization(surface)
        _remember(self._organization_cache, surface, result)
        return result

    def _find_organization(self, surface: str) -> Organization | None:
        surface = " ".join(surface.split())
        entry = self.alias_index.get(surface)
        if entry is not None or not surface:
            return entry
        if surface[0].isupper():
            entry = self.alias_index.get(surface[0].lower() + surface[1:])
            if entry is not None:
                return entry
        if surface.isupper() and sum(c.isalpha() for c in surface) > 1:
            return self.alias_index_folded.get(surface.casefold())
        if " " in surface:
            for variant in _declension_variants(surface):
                entry = self.alias_index.get(variant)
                if entry is not None:
                    return entry
        return None

    def with_organizations(self, path: str | os.PathLike[str]) -> Lexicon:
        """A new lexicon with the entries of a user gazetteer added.

        The file has the format of ``agencies.tsv``. A user entry with the name of
        a packaged entry replaces it, and user aliases win over packaged ones.
        Raises :class:`~quotecheck.errors.LexiconError` (a ValueError) naming the
        file and line of a malformed entry.
        """
        user = read_organizations(path)
        replaced = {entry.name for entry in user}
        merged = tuple(e for e in self.organizations if e.name not in replaced) + user
        exact, folded = _alias_indexes(merged)
        return attrs.evolve(self, organizations=merged, alias_index=exact, alias_index_folded=folded)

    # -- verbs --

    def mood(self, form: str, person_number: str | None = None) -> str | None:
        """The mood a finite form shows: subj1, subj2, ind, ambiguous, or None if unlisted.

        With ``person_number`` („3sg“) only readings for that person count: „habe“ is
        ambiguous alone but subj1 in the 3rd person singular.
        """
        readings = self.konjunktiv.get(form.lower(), ())
        if person_number is not None:
            readings = tuple(r for r in readings if person_number in r.person_number)
        moods = {r.mood for r in readings}
        if not moods:
            return None
        return moods.pop() if len(moods) == 1 else "ambiguous"

    def is_reportive(self, form: str) -> bool:
        """True for a form of reportive sollen/wollen („soll“, „wolle“)."""
        return any(r.reportive for r in self.konjunktiv.get(form.lower(), ()))


# --- loading the packaged data ------------------------------------------------------------

_DATA = ("data", "de")


def _read(name: str) -> tuple[str, str] | None:
    """Text and display name of a packaged data file, or None if it does not exist."""
    resource = resources.files("quotecheck").joinpath(*_DATA, name)
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), "/".join(("quotecheck", *_DATA, name))


def data_file(name: str) -> tuple[str, str]:
    """Text and display name of a packaged data file, for the modules that parse their own.

    Raises :class:`~quotecheck.errors.LexiconError` when the file is missing, so a
    broken installation names the file instead of failing later on an empty list.
    """
    found = _read(name)
    if found is None:
        raise LexiconError(f"quotecheck/{'/'.join(_DATA)}/{name}: packaged data file is missing")
    return found


@functools.cache
def load_word_classes(name: str) -> Mapping[str, frozenset[str]]:
    """The packaged word-class file ``name`` (word → classes), parsed once per process."""
    return _freeze(parse_word_classes(*data_file(name)))


@functools.cache
def words_of_class(name: str, cls: str) -> frozenset[str]:
    """Every word of class ``cls`` in the packaged word-class file ``name``.

    A class with no word is an error: it is a typo in the code or the data file,
    and a silently empty set would switch a rule off.
    """
    words = frozenset(w for w, classes in load_word_classes(name).items() if cls in classes)
    if not words:
        raise LexiconError(f"quotecheck/{'/'.join(_DATA)}/{name}: no word of class {cls!r}")
    return words


def build_lexicon(files: Mapping[str, tuple[str, str]]) -> Lexicon:
    """Build a :class:`Lexicon` from ``{file name: (text, display name)}``.

    Optional files (``function_words.tsv``, ``particles.txt``,
    ``first_names.tsv``) may be absent.
    """

    def parse(name, parser, default=None):
        if name not in files:
            return default
        text, source = files[name]
        return parser(text, source)

    verbs = parse("speech_verbs.tsv", parse_speech_verbs)
    organizations = parse("agencies.tsv", parse_organizations)
    exact, folded = _alias_indexes(organizations)
    return Lexicon(
        speech_verbs=_freeze(verbs),
        speech_verbs_by_base=_by_base(verbs),
        speech_phrases=tuple(v for v in verbs.values() if v.is_phrase),
        speech_nouns=_freeze(parse("speech_nouns.tsv", parse_speech_nouns)),
        according_to=parse("according_to.tsv", parse_according_to),
        organizations=organizations,
        alias_index=exact,
        alias_index_folded=folded,
        roles=_freeze(parse("roles.tsv", parse_roles)),
        titles=parse("titles.txt", parse_word_list),
        pronouns=_freeze(parse("pronouns.tsv", parse_pronouns)),
        konjunktiv=_freeze(parse("konjunktiv.tsv", parse_konjunktiv)),
        function_words=_freeze(parse("function_words.tsv", parse_word_classes, {})),
        particles=parse("particles.txt", parse_word_list, frozenset()),
        first_names=_freeze(parse("first_names.tsv", parse_first_names, {})),
    )


REQUIRED_FILES = (
    "speech_verbs.tsv",
    "speech_nouns.tsv",
    "according_to.tsv",
    "agencies.tsv",
    "roles.tsv",
    "titles.txt",
    "pronouns.tsv",
    "konjunktiv.tsv",
)
OPTIONAL_FILES = ("function_words.tsv", "particles.txt", "first_names.tsv")


#: Adjective endings of a declined name and the endings its alias may have:
#: „der Norddeutsche Rundfunk“, „des Norddeutschen Rundfunks“ → „Norddeutscher Rundfunk“.
_ADJECTIVE_ENDINGS = (("en", ("er", "e", "es")), ("em", ("er", "es")), ("e", ("er", "es")))


def _declension_variants(surface: str) -> Iterator[str]:
    """Nominative forms of a declined multi-word name, for gazetteer look-up.

    Aliases are listed in the nominative; in running text an adjective in the
    name is declined and the noun may carry a genitive -s. Only the ending of
    the first word and a final -s/-es of the last word vary, so the number of
    variants stays tiny.
    """
    words = surface.split(" ")
    firsts = [words[0]]
    for ending, replacements in _ADJECTIVE_ENDINGS:
        if words[0].endswith(ending) and words[0][:1].isupper():
            firsts += [words[0][: -len(ending)] + r for r in replacements]
            break
    lasts = [words[-1]]
    if len(words[-1]) > 4 and words[-1].endswith("es"):
        lasts.append(words[-1][:-2])
    if len(words[-1]) > 3 and words[-1].endswith("s"):
        lasts.append(words[-1][:-1])
    for first in firsts:
        for last in lasts:
            variant = " ".join([first, *words[1:-1], last])
            if variant != surface:
                yield variant


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged German lexicon, loaded and checked once per process."""
    files = {name: data_file(name) for name in REQUIRED_FILES}
    for name in OPTIONAL_FILES:
        found = _read(name)
        if found is not None:
            files[name] = found
    return build_lexicon(files)
