"""simplemma's German lemmas, from a table that opens in a millisecond and is shared.

Pipeline stage 1 (analysis): the lemmatizer behind the embedded backend's lemmas.

simplemma (Barbaresi, MIT) keeps its German dictionary -- 1.1 million word forms --
as a Python dict: decoding it costs most of a second and about 105 MiB, in every
process, every time (``--jobs`` workers each load their own). Here the same
entries are written once into a flat file -- hash buckets of key and value
bytes -- and memory-mapped: opening it costs a millisecond, pages
are read as look-ups touch them, and every process of the machine shares them
through the page cache.

The lemmas stay simplemma's exactly: simplemma's own ``Lemmatizer`` and strategies
run unchanged, only the dictionary they consult is the table (through the
``dictionary_factory`` simplemma provides for this). The table is built from
simplemma's dictionary on first use (a few seconds, once) and cached in
``$QUOTECHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/quotecheck``, else
``~/.cache/quotecheck``; its name carries simplemma's version and the dictionary
file's size and time, so an upgrade builds a new one. ``python -m
quotecheck.analysis.lemmas`` builds it ahead of time (for an image or a read-only
deployment). Where the folder cannot be written, the dictionary is loaded into
memory as simplemma does.

File layout (native byte order, which the name records)::

    header   b"QCLEMMA2", buckets (u32), entries (u32), file size (u64)
    ends     buckets + 1 × u32: where each bucket's entries start in the file, then
             where the last ends (bucket = crc32 of the key modulo buckets, ~16 entries each)
    entries  0xFF, key (UTF-8), 0xFE, then nothing when the lemma is the key itself,
             else how many bytes the lemma shares with the key's start (u8, below 0xFE)
             and the rest of the lemma

A look-up reads one bucket's two ends and finds ``0xFF key 0xFE`` in the bucket's
bytes (``mmap.find``, in C): the bytes 0xFE and 0xFF never occur in UTF-8, so the
marks cannot match inside a key or a lemma. The entries lie with their bucket, so
a look-up touches the page of the ends and the page of its bucket, and no slot
array of offsets is needed: the table is 18 MB where slots and entries were 27.
"""

from __future__ import annotations

import functools
import importlib.util
import mmap
import os
import re
import struct
import sys
import tempfile
import unicodedata
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sized
from pathlib import Path
from typing import Any, BinaryIO, Callable, TypeVar, overload

__all__ = ["LemmaTable", "build_table", "cache_folder", "german_is_known", "german_lemmatizer", "load_table", "table_path"]

_MAGIC = b"QCLEMMA2"
_HEADER = struct.Struct("=8sIIQ")
#: Bump when the layout changes: the number is part of the file name.
_FORMAT = 2
_LANGUAGE = "de"
#: Entries per bucket on average: a look-up searches about this many in C.
_BUCKET_ENTRIES = 16
#: The marks around a key in the entries (never bytes of UTF-8); a lemma's shared count stays below them.
_KEY_START, _KEY_END = b"\xff", b"\xfe"
_MAX_SHARED = 0xFD
_T = TypeVar("_T")


class LemmaTable(Mapping[str, str]):
    """A read-only ``word form -> lemma`` mapping over a memory-mapped table file.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.table"
    >>> build_table({"sagte": "sagen", "Häuser": "Haus"}.items(), path)
    >>> table = LemmaTable.open(path)
    >>> table.get("sagte"), table.get("Häuser"), table.get("sagt")
    ('sagen', 'Haus', None)
    """

    __slots__ = ("_map", "_ends", "_buckets", "_count")

    def __init__(self, data: mmap.mmap) -> None:
        if len(data) < _HEADER.size:
            raise ValueError("not a complete lemma table")
        magic, buckets, count, size = _HEADER.unpack_from(data)
        if magic != _MAGIC or size != len(data) or not buckets or _HEADER.size + 4 * (buckets + 1) > size:
            raise ValueError("not a complete lemma table")
        self._map = data
        self._buckets: int = buckets
        self._count: int = count
        self._ends = memoryview(data)[_HEADER.size : _HEADER.size + 4 * (buckets + 1)].cast("I")

    @classmethod
    def open(cls, path: Path) -> LemmaTable:
        """Map the table file at ``path`` (ValueError if it is not a complete table)."""
        with path.open("rb") as file:
            return cls(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))

    @overload
    def get(self, key: str, /) -> str | None: ...

    @overload
    def get(self, key: str, default: str | _T, /) -> str | _T: ...

    def get(self, key: str, default: object = None, /) -> object:
        """The lemma of ``key``, else ``default``; the hot path of simplemma's look-ups."""
        # str.encode raises for lone surrogates exactly as simplemma's own mapping does
        wanted = key.encode()
        data, ends = self._map, self._ends
        bucket = zlib.crc32(wanted) % self._buckets
        end = ends[bucket + 1]
        found = data.find(b"\xff" + wanted + b"\xfe", ends[bucket], end)  # _KEY_START, _KEY_END
        if found < 0:
            return default
        value = found + len(wanted) + 2
        stop = data.find(b"\xff", value, end)
        if stop < 0:
            stop = end
        if stop == value:  # nothing after the key: the lemma is the word itself („sagen“)
            return key
        return (wanted[: data[value]] + data[value + 1 : stop]).decode()

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        data, ends = self._map, self._ends
        for bucket in range(self._buckets):
            for entry in data[ends[bucket] : ends[bucket + 1]].split(_KEY_START)[1:]:
                yield entry[: entry.index(_KEY_END)].decode()

    def __len__(self) -> int:
        return self._count


def build_table(items: Iterable[tuple[str, str]], path: Path) -> None:
    """Write the ``(word form, lemma)`` pairs as a table file at ``path``, atomically.

    The file appears complete or not at all (a temporary file renamed over
    ``path``), so processes building the same table at once do no harm. The
    temporary file is made first: a folder that cannot be written fails at once,
    before a second is spent reading the pairs.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            _write_table(items, out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_table(items: Iterable[tuple[str, str]], out: BinaryIO) -> None:
    """The table file's bytes (see the module docstring for the layout)."""
    pairs = items if isinstance(items, Sized) else list(items)
    buckets = max(1, len(pairs) // _BUCKET_ENTRIES)
    contents = [bytearray() for _ in range(buckets)]
    for key, value in pairs:
        key_bytes = key.encode()
        contents[zlib.crc32(key_bytes) % buckets] += _entry(key_bytes, value.encode())
    ends = array("I", [_HEADER.size + 4 * (buckets + 1)])
    for content in contents:
        ends.append(ends[-1] + len(content))
    size = ends[-1]
    if size >= 1 << 32:
        raise ValueError("lemma table too large for 32-bit offsets")
    out.write(_HEADER.pack(_MAGIC, buckets, len(pairs), size))
    out.write(ends.tobytes())
    for content in contents:
        out.write(content)


def _entry(key: bytes, value: bytes) -> bytes:
    """One entry: „Regierungen“ → „Regierung“ is 0xFF, „Regierungen“, 0xFE and 9 (the bytes shared), nothing more."""
    if value == key:
        return _KEY_START + key + _KEY_END
    shared = min(len(os.path.commonprefix([key, value])), _MAX_SHARED)
    return _KEY_START + key + _KEY_END + bytes((shared,)) + value[shared:]


def cache_folder() -> Path:
    """Where tables are cached: ``$QUOTECHECK_CACHE_DIR``, ``$XDG_CACHE_HOME/quotecheck`` or ``~/.cache/quotecheck``."""
    if os.environ.get("QUOTECHECK_CACHE_DIR"):
        return Path(os.environ["QUOTECHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "quotecheck"


@functools.cache
def _simplemma_release() -> tuple[Path, str]:
    """simplemma's package folder and version, read without importing simplemma where possible.

    Importing simplemma compiles the lemmatization rules of all its languages
    (about 70 ms); finding the table and answering the words the table holds need
    neither. The version is read from ``__metadata__.py`` (``__version__ = "2.0.0"``);
    where that file does not say, simplemma is imported and asked.
    """
    spec = importlib.util.find_spec("simplemma")
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).parent
        try:
            found = _VERSION_LINE.search((folder / "__metadata__.py").read_text(encoding="utf-8"))
        except OSError:
            found = None
        if found is not None:
            return folder, found[1]
    import simplemma

    return Path(simplemma.__file__).parent, getattr(simplemma, "__version__", "unknown")


def table_path() -> Path:
    """The table file for the installed simplemma: its version and dictionary file in the name."""
    folder, version = _simplemma_release()
    source = next(folder.rglob(f"{_LANGUAGE}.plzma"), None)
    stamp = f"{source.stat().st_size}-{source.stat().st_mtime_ns}" if source is not None else "0"
    name = f"{_LANGUAGE}-simplemma-{version}-{stamp}-{sys.byteorder}-v{_FORMAT}.table"
    return cache_folder() / name


def _simplemma_dictionary() -> Mapping[str, str]:
    """simplemma's German dictionary, loaded by a factory of its own (so not kept afterwards)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary(_LANGUAGE)


def load_table(path: Path | None = None) -> LemmaTable:
    """The table at ``path`` (default :func:`table_path`), built from simplemma's dictionary when missing.

    Raises OSError when it can neither be read nor written.
    """
    path = path or table_path()
    try:
        return LemmaTable.open(path)
    except (OSError, ValueError):
        pass  # missing, or left incomplete by an older format: build it
    build_table(_simplemma_dictionary().items(), path)
    return LemmaTable.open(path)


@functools.cache
def _shared_table(path: Path) -> LemmaTable:
    """The table at ``path``, mapped once per process for every reader.

    :func:`german_lemmatizer` and :func:`german_is_known` both read the table: two
    mappings of one file would fault each page in twice and count it twice in the
    resident set (a 10 MB document touches almost every page of both).
    """
    return load_table(path)


class _TableFactory:
    """simplemma's ``DictionaryFactory`` protocol, answered from one table."""

    def __init__(self, table: LemmaTable) -> None:
        self._table = table

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != _LANGUAGE:
            raise ValueError(f"the lemma table holds {_LANGUAGE!r}, not {lang!r}")
        return self._table


@functools.cache
def german_lemmatizer() -> Callable[[str], str]:
    """``word -> lemma`` exactly as ``simplemma.lemmatize(word, lang="de")``, from the table.

    Falls back to simplemma's in-memory dictionary when the table can be neither
    read nor written (a read-only home folder, say). A word the table holds is
    answered without simplemma (:func:`_dictionary_first`); simplemma itself is
    imported for the first word it is not.
    """
    try:
        table = _shared_table(table_path())
    except (OSError, ValueError):  # cannot be cached here, or simplemma's data does not fit the layout
        import simplemma

        return functools.partial(simplemma.lemmatize, lang=_LANGUAGE)
    full = _SimplemmaOnTable(table)
    if _simplemma_release()[1].startswith(_DICTIONARY_FIRST_RELEASES):
        return _dictionary_first(table, full)
    return full


class _SimplemmaOnTable:
    """simplemma's own ``Lemmatizer`` and ``DefaultStrategy`` on the table, set up on the first word."""

    __slots__ = ("_table", "_lemmatize")

    def __init__(self, table: LemmaTable) -> None:
        self._table = table
        self._lemmatize: Callable[[str], str] | None = None

    def __call__(self, word: str) -> str:
        if self._lemmatize is None:
            import simplemma
            from simplemma.strategies import DefaultStrategy

            lemmatizer: Any = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_TableFactory(self._table)))
            self._lemmatize = functools.partial(lemmatizer.lemmatize, lang=_LANGUAGE)
        return self._lemmatize(word)


#: simplemma releases whose German lemmatization starts as :func:`_dictionary_first`
#: assumes (simplemma 2.0: ``DefaultStrategy._search_pipeline``, German being neither
#: an apostrophe-boundary nor a canonicalised language, no greedy round by default).
_DICTIONARY_FIRST_RELEASES = ("2.0.",)
_VERSION_LINE = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.MULTILINE)
#: The apostrophes simplemma's look-up folds (``simplemma.utils.has_apostrophe``),
#: searched for by one regex rather than a generator over them.
_APOSTROPHES = ("'", "\u2019", "\u02bc")
_HAS_APOSTROPHE = re.compile("|".join(map(re.escape, _APOSTROPHES))).search


def _dictionary_first(table: LemmaTable, full: Callable[[str], str]) -> Callable[[str], str]:
    """simplemma's first answer for a German word found in its dictionary, without simplemma.

    simplemma 2.0 lemmatizes an NFC word that is not numeric and has no
    apostrophe by looking it up as it is („sagte“ → „sagen“), then with its first
    letter's case swapped („Wir“ → „wir“), and returns the first non-empty
    lemma found; only then do its other strategies (hyphens, affixes, rules) run.
    This does the look-ups itself and leaves every other word to ``full``.
    """

    def lemmatize(word: str) -> str:
        token = unicodedata.normalize("NFC", word) if isinstance(word, str) else ""
        if token and not token.isnumeric() and not _HAS_APOSTROPHE(token):
            lemma = table.get(token)
            if lemma is None:
                lemma = table.get(token.lower() if token[:1].isupper() else token.capitalize())
            if lemma:
                return lemma
        return full(word)

    return lemmatize


@functools.cache
def german_is_known() -> Callable[[str], bool]:
    """``word -> bool`` exactly as ``simplemma.is_known(word, lang="de")``, from the table.

    simplemma's ``is_known`` has no dictionary parameter: this is its body (check
    the input, NFC, dictionary look-up with simplemma's own strategy) run on the
    table. Where simplemma's internals differ (another major version) or the table
    is unavailable, simplemma's own function answers, from its in-memory dictionary.
    """
    import simplemma

    try:
        from simplemma.lemmatizer import _control_input_type
        from simplemma.strategies import DictionaryLookupStrategy
        from simplemma.utils import normalize_token

        lookup = DictionaryLookupStrategy(_TableFactory(_shared_table(table_path())))
    except (ImportError, OSError, ValueError):
        return functools.partial(simplemma.is_known, lang=_LANGUAGE)

    def is_known(word: str) -> bool:
        _control_input_type(word)
        return lookup.get_lemma(normalize_token(word), _LANGUAGE) is not None

    return is_known


def main() -> int:
    """Build the table now (``python -m quotecheck.analysis.lemmas``) and print where it is."""
    path = table_path()
    table = load_table(path)
    print(f"{path} ({len(table):,} word forms, {path.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
