"""Reading the data files: one tab-separated format, checked line by line.

Pipeline: no stage of its own; :mod:`quotecheck.lexicon` builds the lexicon with these.

Every data file under ``quotecheck/data/de/`` is tab-separated (``#`` starts a
comment line, blank lines are ignored, an optional first row repeats the column
names) or one entry per line. Each parser checks every value against the fixed
vocabularies of :mod:`quotecheck.lexicon.records` and raises
:class:`~quotecheck.errors.LexiconError` naming the file and the line.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path
from typing import Collection, Iterator, Sequence

from quotecheck.errors import LexiconError
from quotecheck.lexicon.records import (
    ABBREVIATION_FLAGS,
    FIRST_NAME_GENDERS,
    GENDERS,
    MOODS,
    NOUN_USES,
    NOUN_VALENCIES,
    ORGANIZATION_TYPES,
    PERSON_NUMBERS,
    OWNERS_BY_POSITION,
    PHRASE_NAMES,
    POSITIONS,
    SOURCE_RELATIONS,
    PRONOUN_CASES,
    PRONOUN_GENDERS,
    ROLE_TYPES,
    SPEECH_CLASSES,
    VALENCIES,
    AccordingTo,
    OrgClass,
    Organization,
    Pronoun,
    RoleNoun,
    SpeechNoun,
    SpeechVerb,
    VerbForm,
)

__all__ = [
    "MAX_USER_FILE_BYTES",
    "parse_abbreviations",
    "parse_according_to",
    "parse_first_names",
    "parse_konjunktiv",
    "parse_org_classes",
    "parse_organizations",
    "parse_pronouns",
    "parse_roles",
    "parse_speech_nouns",
    "parse_speech_verbs",
    "parse_word_classes",
    "parse_word_list",
    "parse_word_variants",
    "read_organizations",
    "read_user_file",
]

_YES_NO = {"yes": True, "no": False}
#: What an empty optional field may be written as.
_NONE = ("", "-")



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
    for number, line in enumerate(text.splitlines(), start=1):  # splitlines drops the line ends
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


def _choice(value: str, allowed: Collection[str], what: str, source: str, line: int) -> str:
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


def parse_org_classes(text: str, source: str) -> dict[str, OrgClass]:
    """Parse ``org_classes.tsv``: noun, class, generic, gender, seat (the last three optional)."""
    table: dict[str, OrgClass] = {}
    for n, (noun, cls, generic, gender, seat) in _rows(text, source, ("noun", "class", "generic", "gender", "seat"), optional=3):
        noun = _required(noun, "noun", source, n).casefold()
        if noun in table:
            raise _error(source, n, f"duplicate noun {noun!r}")
        given = _optional(gender)
        table[noun] = OrgClass(
            noun,
            _required(cls, "class", source, n),
            generic not in _NONE and _flag(generic, "generic", source, n),
            _choice(given, GENDERS, "gender", source, n) if given is not None else None,
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


def parse_speech_nouns(text: str, source: str) -> dict[str, SpeechNoun]:
    """Parse ``speech_nouns.tsv``: noun (its forms joined by |, the lemma first), use, class, content.

    ``content`` is a valency list of :data:`NOUN_VALENCIES` or - for none.
    """
    nouns: dict[str, SpeechNoun] = {}
    for n, (noun, use, cls, content) in _rows(text, source, ("noun", "use", "class", "content")):
        _choice(use, NOUN_USES, "use", source, n)
        _choice(cls, SPEECH_CLASSES, "class", source, n)
        valency = frozenset() if content in _NONE else frozenset(v.strip() for v in content.split(",") if v.strip())
        for v in valency:
            _choice(v, NOUN_VALENCIES, "content", source, n)
        forms = _required(noun, "noun", source, n).split("|")
        for form in forms:
            if form in nouns:
                raise _error(source, n, f"duplicate noun {form!r}")
            nouns[form] = SpeechNoun(form, use, cls, valency, forms[0])
    return nouns


def parse_according_to(text: str, source: str) -> tuple[AccordingTo, ...]:
    """Parse ``according_to.tsv``; the result is sorted longest phrase first.

    Columns: phrase, position, cue, owner, names, relation, mention (the file's
    header explains each). The owner must suit the position, a phrase that names a
    source must say its relation, and one that names a speaker gives none.
    """
    phrases: dict[str, AccordingTo] = {}
    columns = ("phrase", "position", "cue", "owner", "names", "relation", "mention")
    for n, (phrase, position, cue, owner, names, relation, mention) in _rows(text, source, columns):
        phrase = " ".join(_required(phrase, "phrase", source, n).split())
        _choice(position, POSITIONS, "position", source, n)
        cue = " ".join(_required(cue, "cue", source, n).split())
        if f" {cue} " not in f" {phrase} ":
            raise _error(source, n, f"cue {cue!r} is not part of phrase {phrase!r}")
        if phrase in phrases:
            raise _error(source, n, f"duplicate phrase {phrase!r}")
        _choice(owner, OWNERS_BY_POSITION[position], f"owner of a {position} phrase", source, n)
        _choice(names, PHRASE_NAMES, "names", source, n)
        given = _optional(relation)
        if (given is None) != (names == "speaker"):
            raise _error(source, n, f"a phrase that names a {names} needs a relation exactly when it names a source")
        if given is not None:
            _choice(given, SOURCE_RELATIONS, "relation", source, n)
        _choice(mention, ("yes", "no"), "mention", source, n)
        phrases[phrase] = AccordingTo(phrase, position, cue, owner, names, given, mention == "yes")
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


def read_user_file(path: str | os.PathLike[str], what: str = "data file") -> str:
    """The text of a user's data file (UTF-8, line ends normalised as ``read_text`` does).

    Only a regular file of at most :data:`MAX_USER_FILE_BYTES` is read: ``/dev/zero``
    or a mistaken multi-GB dump is a LexiconError, not an exhausted memory.
    """
    path = Path(path)
    try:
        with path.open("rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise LexiconError(f"{path}: cannot read {what}: not a regular file")
            data = stream.read(MAX_USER_FILE_BYTES + 1)
        if len(data) > MAX_USER_FILE_BYTES:
            raise LexiconError(f"{path}: {what} larger than {MAX_USER_FILE_BYTES >> 20} MB")
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read {what}: {exc}") from exc


def read_organizations(path: str | os.PathLike[str]) -> tuple[Organization, ...]:
    """Read a user gazetteer file in the format of ``agencies.tsv`` (see :func:`read_user_file`)."""
    return parse_organizations(read_user_file(path, "organisations file"), str(Path(path)))


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
