"""The lemma table: simplemma's German lemmas from a memory-mapped file, exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import simplemma
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.analysis import lemmas
from quotecheck.analysis.lemmas import LemmaTable, build_table, german_lemmatizer, load_table
from quotecheck.text import tokenize
from tests.strategies import examples

ROOT = Path(__file__).resolve().parents[1]

_words = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30)


# --- the table file -----------------------------------------------------------------


@settings(max_examples=examples(50), deadline=None)
@given(st.dictionaries(_words, _words, max_size=300), st.lists(_words, max_size=20))
def test_a_table_holds_exactly_its_entries(entries: dict[str, str], others: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "de.table"
        build_table(entries.items(), path)
        table = LemmaTable.open(path)
        assert {key: table[key] for key in entries} == entries
        assert len(table) == len(entries) and set(table) == set(entries)
        for word in others:
            assert table.get(word) == entries.get(word)
            assert (word in table) == (word in entries)


def test_a_missing_word_is_a_key_error(tmp_path: Path) -> None:
    build_table([("sagte", "sagen")], tmp_path / "de.table")
    with pytest.raises(KeyError):
        LemmaTable.open(tmp_path / "de.table")["sagt"]


def test_values_are_stored_as_what_they_add_to_the_word(tmp_path: Path) -> None:
    """„Regierungen“ → „Regierung“ costs two bytes, not the lemma again."""
    build_table([("Regierungen", "Regierung"), ("wäre", "sein"), ("Mütter", "Mutter")], tmp_path / "de.table")
    table = LemmaTable.open(tmp_path / "de.table")
    assert [table[w] for w in ("Regierungen", "wäre", "Mütter")] == ["Regierung", "sein", "Mutter"]


def test_long_word_forms_and_lemmas_are_held(tmp_path: Path) -> None:
    """No length byte limits an entry: a 300-letter „Wort“ is held like „sagte“."""
    long_word = "Donaudampfschifffahrts" * 14
    build_table([(long_word, long_word[:-1]), ("sagte", "sagen")], tmp_path / "de.table")
    table = LemmaTable.open(tmp_path / "de.table")
    assert table[long_word] == long_word[:-1] and table["sagte"] == "sagen"


def test_a_lemma_that_is_the_word_itself_is_stored_as_the_word(tmp_path: Path) -> None:
    """„sagen“ → „sagen“ stores no lemma; „sagen“ → „“ (empty) is another entry."""
    build_table([("sagen", "sagen"), ("leer", "")], tmp_path / "de.table")
    table = LemmaTable.open(tmp_path / "de.table")
    assert table["sagen"] == "sagen" and table["leer"] == ""
    assert (tmp_path / "de.table").stat().st_size < 24 + 4 * 2 + len("\xffsagen\xfe\xffleer\xfe\x00") + 1


def test_a_table_of_another_format_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "de.table"
    build_table([("sagte", "sagen")], path)
    path.write_bytes(b"QCLEMMA1" + path.read_bytes()[8:])
    with pytest.raises(ValueError):
        LemmaTable.open(path)


@pytest.mark.parametrize(
    "content",
    [
        b"QCLEMMA2",  # shorter than the header: written by something else, or cut off
        lemmas._HEADER.pack(b"QCLEMMA2", 1_000, 1, lemmas._HEADER.size + 8),  # more buckets than the file holds
    ],
)
def test_a_file_that_is_no_table_is_a_value_error(tmp_path: Path, content: bytes) -> None:
    """A ValueError is what makes the lemmatizer build the table again or fall back to simplemma;
    any other error would leave every word unlemmatized („sagte“ → „sagte“)."""
    path = tmp_path / "de.table"
    path.write_bytes(content + bytes(8))  # 16 bytes; a header that counts 8 bytes after it
    with pytest.raises(ValueError):
        LemmaTable.open(path)


def test_an_incomplete_table_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "de.table"
    build_table([("sagte", "sagen"), ("meinte", "meinen")], path)
    path.write_bytes(path.read_bytes()[:-3])  # a disk that filled up, an older layout
    with pytest.raises(ValueError):
        LemmaTable.open(path)
    monkeypatch.setattr(lemmas, "_simplemma_dictionary", lambda: {"sagte": "sagen", "meinte": "meinen"})
    assert load_table(path).get("meinte") == "meinen"


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUOTECHECK_CACHE_DIR", str(tmp_path / "q"))
    assert lemmas.cache_folder() == tmp_path / "q"
    monkeypatch.delenv("QUOTECHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert lemmas.cache_folder() == tmp_path / "xdg" / "quotecheck"
    assert lemmas.table_path().name.startswith(f"de-simplemma-{simplemma.__version__}-")


# --- the lemmas are simplemma's -------------------------------------------------------


def _outcome(lemmatize: object, word: str) -> str:
    """The lemma, or the name of the exception (the embedded backend turns it into lower case)."""
    try:
        return str(lemmatize(word))  # type: ignore[operator]
    except Exception as error:  # noqa: BLE001 - compared, not hidden
        return type(error).__name__


def _simplemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="de")


def _corpus_words() -> list[str]:
    words: set[str] = set()
    for line in (ROOT / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.update(t.text for t in tokenize(json.loads(line)["text"]) if t.kind in ("word", "number"))
    return sorted(words)


def test_every_word_of_the_corpus_gets_simplemmas_lemma() -> None:
    words = _corpus_words()
    assert len(words) > 3000
    table = german_lemmatizer()
    assert [table(w) for w in words] == [_simplemma(w) for w in words]


@pytest.mark.parametrize(
    "word",
    ["fügte", "wäre", "sagte", "Häuser", "Regierungssprecherin", "hinzugefügt", "geht's", "Jong-un", "GdP-Chef",
     "18-Jährige", "ẞ", "İstanbul", "e\u0301", "ﬁ", "", " ", "\ud800", "a\ud800b", "x" * 300],
)
def test_awkward_words_get_simplemmas_lemma_or_error(word: str) -> None:
    assert _outcome(german_lemmatizer(), word) == _outcome(_simplemma, word)


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(st.text(max_size=25), st.text(alphabet="aäbcdeEfgGhiklmnoöprsStuüßz-'’.", max_size=15)))
def test_any_word_gets_simplemmas_lemma_or_error(word: str) -> None:
    assert _outcome(german_lemmatizer(), word) == _outcome(_simplemma, word)


@pytest.mark.slow  # loads simplemma's whole dictionary, then tries to build the table from it
def test_an_unwritable_cache_falls_back_to_simplemmas_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUOTECHECK_CACHE_DIR", str(blocker / "cache"))
    german_lemmatizer.cache_clear()
    lemmas.german_is_known.cache_clear()
    try:
        fallback = german_lemmatizer()
        assert [fallback(w) for w in ("fügte", "Häuser")] == ["fügen", "Haus"]
        assert [lemmas.german_is_known()(w) for w in ("fügte", "Xyzzyq")] == [True, False]
        assert not (blocker / "cache").exists()
    finally:
        german_lemmatizer.cache_clear()
        lemmas.german_is_known.cache_clear()


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads the mappings from /proc")
def test_lemmas_and_known_words_read_one_mapping_of_the_table() -> None:
    """„sagte“ lemmatized and „sagte“ known: one mapping, so each page is faulted in and counted once."""
    assert german_lemmatizer()("sagte") == "sagen" and lemmas.german_is_known()("sagte")
    name = lemmas.table_path().name
    mappings = [line for line in Path("/proc/self/maps").read_text().splitlines() if line.endswith(name)]
    assert len(mappings) == 1


def test_known_words_are_simplemmas() -> None:
    words = _corpus_words()[:3000] + ["sagten", "Sagten", "Häuserx", "e\u0301", "\ud800"]
    known = lemmas.german_is_known()
    assert [_outcome(known, w) for w in words] == [_outcome(lambda w: simplemma.is_known(w, lang="de"), w) for w in words]


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=20))
def test_any_word_is_known_as_simplemma_knows_it(word: str) -> None:
    assert _outcome(lemmas.german_is_known(), word) == _outcome(lambda w: simplemma.is_known(w, lang="de"), word)


# --- the dictionary look-up that needs no simplemma -------------------------------------


def _first(entries: dict[str, str], tmp_path: Path) -> object:
    path = tmp_path / "t.table"
    build_table(entries.items(), path)
    return lemmas._dictionary_first(LemmaTable.open(path), lambda word: f"simplemma({word})")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("sagte", "sagen"),  # found as it is
        ("Sagte", "sagen"),  # found with the first letter's case swapped
        ("Haus", "Haus"),
        ("haus", "Haus"),
        ("Häuser", "simplemma(Häuser)"),  # not in the table: simplemma's other strategies
        ("Leer", "simplemma(Leer)"),  # an empty lemma: simplemma goes on to its other strategies
        ("geht's", "simplemma(geht's)"),  # an apostrophe: simplemma's apostrophe variants
        ("2024", "simplemma(2024)"),  # numeric: simplemma answers the number itself
        ("", "simplemma()"),  # simplemma raises on an empty word
    ],
)
def test_words_in_the_table_are_answered_without_simplemma(word: str, expected: str, tmp_path: Path) -> None:
    lemmatize = _first({"sagte": "sagen", "Haus": "Haus", "Leer": "", "geht's": "gehen", "2024": "2024"}, tmp_path)
    assert lemmatize(word) == expected  # type: ignore[operator]


def test_the_table_is_found_without_importing_simplemma() -> None:
    assert lemmas._simplemma_release()[1] == simplemma.__version__
