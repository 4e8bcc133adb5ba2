"""A user's data files laid over the packaged lexicon: ``--lexicon DIR``, ``Extractor(lexicon=DIR)``.

Pipeline: no stage of its own; builds the :class:`~quotecheck.lexicon.Lexicon`
that every rule and attribution step is then given.

A newsroom knows words the package does not: a verb its reporters use for
speech („nachlegen“), a role („Landesbischöfin“), a local broadcaster. It
writes them in a folder, one file per kind, in the packaged file's format
(``quotecheck/data/de/``; a first row with the column names is optional)::

    meine-lexik/speech_verbs.tsv
        nachlegen	nach	legen	say	dass,v2,colon,direct	no	0.8

Each file is checked on its own first, with the packaged file's reader, so a
malformed line is a :class:`~quotecheck.errors.LexiconError` naming the user's
file and line. Then it is merged line by line: in a table, a user line replaces
the packaged line with the same key (its first column: the lemma, noun, phrase
or name) and adds one otherwise; a word list (``titles.txt``,
``particles.txt``) gains the user's words. Only the files every rule reads
through the lexicon it is given can be laid over (:data:`OVERLAY_FILES`); any
other file in the folder is an error, so a misspelt file name is not silently
ignored.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any, Callable, Mapping

from quotecheck.errors import LexiconError
from quotecheck.lexicon.core import Lexicon
from quotecheck.lexicon.loading import OPTIONAL_FILES, REQUIRED_FILES, build_lexicon, data_file
from quotecheck.lexicon.readers import (
    parse_according_to,
    parse_first_names,
    parse_organizations,
    parse_roles,
    parse_speech_nouns,
    parse_speech_verbs,
    parse_word_list,
    read_user_file,
)

__all__ = ["OVERLAY_FILES", "overlay_lexicon"]

#: The data files a user folder may hold, with the reader that checks each. Word
#: lists are the ``.txt`` files; every ``.tsv`` file is keyed by its first column.
OVERLAY_FILES: Mapping[str, Callable[[str, str], Any]] = {
    "speech_verbs.tsv": parse_speech_verbs,
    "speech_nouns.tsv": parse_speech_nouns,
    "according_to.tsv": parse_according_to,
    "agencies.tsv": parse_organizations,  # laid over as Extractor(organizations=…) does: user aliases win
    "roles.tsv": parse_roles,
    "titles.txt": parse_word_list,
    "first_names.tsv": parse_first_names,
    "particles.txt": parse_word_list,
}


def overlay_lexicon(directory: str | os.PathLike[str]) -> Lexicon:
    """The packaged lexicon with the data files of ``directory`` laid over it (see the module docstring).

    Raises :class:`~quotecheck.errors.LexiconError` (a ValueError) for a folder
    that cannot be read, a file that is not one of :data:`OVERLAY_FILES`, or a
    malformed line, naming the file and the line.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise LexiconError(f"{folder}: not a lexicon folder (a directory of data files such as speech_verbs.tsv)")
    files = _packaged_files()
    try:
        entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as exc:
        raise LexiconError(f"{folder}: cannot read lexicon folder: {exc}") from exc
    organizations = None
    for path in entries:
        if path.name not in OVERLAY_FILES:
            raise LexiconError(
                f"{path}: not a data file that can be overlaid; expected one of {', '.join(OVERLAY_FILES)}"
            )
        if path.name == "agencies.tsv":
            organizations = path
            continue
        text = read_user_file(path, "lexicon file")
        OVERLAY_FILES[path.name](text, str(path))  # checked alone: errors name the user's file and line
        packaged = files.get(path.name)
        source = f"{packaged[1]} + {path}" if packaged is not None else str(path)
        files[path.name] = (_merge(packaged, text, path.name), source)
    lexicon = build_lexicon(files)
    return lexicon if organizations is None else lexicon.with_organizations(organizations)


def _packaged_files() -> dict[str, tuple[str, str]]:
    """``{name: (text, display name)}`` of the packaged data files, as :func:`load_lexicon` reads them."""
    files = {name: data_file(name) for name in REQUIRED_FILES}
    for name in OPTIONAL_FILES:
        try:
            files[name] = data_file(name)
        except LexiconError:
            continue
    return files


def _merge(packaged: tuple[str, str] | None, user: str, name: str) -> str:
    """The packaged text with the user's lines laid over it.

    A table keeps its column-name row, loses every key the user gives again
    (a line left without keys becomes a comment, so line numbers stay) and ends
    with the user's data lines; a word list simply ends with the user's words.

    >>> _merge(("noun\\tuse\\nAngabe|Angaben\\tx\\nBitte\\ty\\n", ""), "Noun\\tUse\\nAngaben\\tz\\n", "speech_nouns.tsv").splitlines()
    ['noun\\tuse', 'Angabe\\tx', 'Bitte\\ty', 'Angaben\\tz']
    """
    base = packaged[0].splitlines() if packaged is not None else []
    user_rows = [line for line in user.splitlines() if _is_data(line)]
    if not name.endswith(".tsv"):
        return "\n".join(base + user_rows) + "\n"
    header = next((i for i, line in enumerate(base) if _is_data(line)), None)
    if user_rows and header is not None and _lower_fields(user_rows[0]) == _lower_fields(base[header]):
        user_rows = user_rows[1:]  # the user's column-name row
    replaced = {key for line in user_rows for key in _keys(line)}
    kept = [line if i == header or not _is_data(line) else _without(line, replaced) for i, line in enumerate(base)]
    return "\n".join(kept + user_rows) + "\n"


def _is_data(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _lower_fields(line: str) -> list[str]:
    return [f.strip().lower() for f in line.split("\t")]


def _keys(line: str) -> list[str]:
    """The keys a table line defines: its first column, forms joined by | apart, spaces and Unicode normalised.

    „Angabe|Angaben“ (``speech_nouns.tsv``) defines two nouns; „laut  Angaben“ is
    the phrase „laut Angaben“; keys keep their case („Rat“ the role is not „rat“).
    """
    first = line.split("\t", 1)[0]
    return [" ".join(unicodedata.normalize("NFC", form).split()) for form in first.split("|") if form.strip()]


def _without(line: str, replaced: set[str]) -> str:
    """A packaged table line without the keys the user gives again; a comment when none is left."""
    keys = _keys(line)
    if not replaced.intersection(keys):
        return line
    left = [key for key in keys if key not in replaced]
    if not left:
        return f"# {line}"
    first, _, rest = line.partition("\t")
    return "|".join(left) + "\t" + rest
