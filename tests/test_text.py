"""Spec tables for the text layer: tokens, sentences, paragraphs and offsets."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck import columns as columns_module
from quotecheck import text as text_module
from quotecheck.lexicon import load_lexicon
from quotecheck.text import (
    MATERIALISE_LIMIT,
    QUOTE_CHARS,
    TOKEN_KINDS,
    Paragraph,
    Paragraphs,
    Sentence,
    Sentences,
    TextLayer,
    Token,
    Tokens,
    abbreviations,
    segment,
    tokenize,
)
from tests.strategies import examples


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def sentences(text: str) -> list[str]:
    layer = segment(text)
    return [text[s.start : s.end] for s in layer.sentences]


def check_invariants(text: str, layer: TextLayer) -> None:
    """The offset guarantees every later stage relies on."""
    covered = [False] * len(text)
    previous_end = 0
    for tok in layer.tokens:
        assert text[tok.start : tok.end] == tok.text
        assert tok.kind in TOKEN_KINDS
        assert previous_end <= tok.start < tok.end
        previous_end = tok.end
        for i in range(tok.start, tok.end):
            covered[i] = True
    for i, char in enumerate(text):
        assert covered[i] or char.isspace(), f"{char!r} at {i} not covered"
    previous = 0
    for index, sent in enumerate(layer.sentences):
        assert sent.first == previous and sent.first < sent.last
        assert sent.start == layer.tokens[sent.first].start
        assert sent.end == layer.tokens[sent.last - 1].end
        assert 0 <= sent.start < sent.end <= len(text)
        assert layer.paragraphs[sent.paragraph].first <= index < layer.paragraphs[sent.paragraph].last
        for t in range(sent.first, sent.last):
            assert layer.sentence_index(t) == index
        previous = sent.last
    assert previous == len(layer.tokens)
    previous = 0
    for para in layer.paragraphs:
        assert para.first == previous and para.first < para.last
        previous = para.last
    assert previous == len(layer.sentences)


# --- tokens -----------------------------------------------------------------

ABBREVIATIONS = [
    ("Dr. Müller kam.", ["Dr.", "Müller", "kam", "."]),
    ("Das gilt z. B. für Kinder.", ["Das", "gilt", "z.", "B.", "für", "Kinder", "."]),
    ("Das gilt z.B. für Kinder.", ["Das", "gilt", "z.B.", "für", "Kinder", "."]),
    ("Er traf u. a. Scholz.", ["Er", "traf", "u.", "a.", "Scholz", "."]),
    ("St. Pauli gewann.", ["St.", "Pauli", "gewann", "."]),
    ("Haus Nr. 5 brennt.", ["Haus", "Nr.", "5", "brennt", "."]),
    ("Äpfel bzw. Birnen", ["Äpfel", "bzw.", "Birnen"]),
    ("ca. 300 Mio. Euro", ["ca.", "300", "Mio.", "Euro"]),
    ("Prof. Dr. Weber", ["Prof.", "Dr.", "Weber"]),
    ("nach Art. 5 Abs. 3 GG", ["nach", "Art.", "5", "Abs.", "3", "GG"]),
    ("eine neue Art. Die", ["eine", "neue", "Art", ".", "Die"]),
    ("Obst, Gemüse usw.", ["Obst", ",", "Gemüse", "usw."]),
    ("vgl. S. 4", ["vgl.", "S.", "4"]),
    ("Dipl.-Ing. Frank", ["Dipl.-Ing.", "Frank"]),
    ("im 3. Jh. v. Chr.", ["im", "3.", "Jh.", "v.", "Chr."]),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_abbreviations_keep_their_period(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_abbreviation_list_is_large_and_parsed() -> None:
    table = abbreviations()
    assert len(table) >= 150
    assert table["usw."] == "final"
    assert table["Art."] == "num"
    assert table["Dr."] == "plain"
    assert {"z.", "B.", "z.B."} <= table.keys()


ORDINALS = [
    ("am 18. Juni 2024", ["am", "18.", "Juni", "2024"]),
    ("Am 1. Mai", ["Am", "1.", "Mai"]),
    ("des 80. Jahrestages", ["des", "80.", "Jahrestages"]),
    ("der 3. Liga", ["der", "3.", "Liga"]),
    ("zum 70. Geburtstag", ["zum", "70.", "Geburtstag"]),
    ("am 3. und 4. Mai", ["am", "3.", "und", "4.", "Mai"]),
    ("vom 18.–20. Juni", ["vom", "18.", "–", "20.", "Juni"]),
    ("am 1. Jan. 2025", ["am", "1.", "Jan.", "2025"]),
    ("am 18.6. in Berlin", ["am", "18.6.", "in", "Berlin"]),
    ("waren es 2024. Danach", ["waren", "es", "2024", ".", "Danach"]),
    ("auf Platz 3. Der Verein", ["auf", "Platz", "3", ".", "Der", "Verein"]),
]


@pytest.mark.parametrize(("text", "expected"), ORDINALS)
def test_ordinals_and_dates(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


NUMBERS = [
    ("11.000 Menschen", [("11.000", "number"), ("Menschen", "word")]),
    ("3,5 Prozent", [("3,5", "number"), ("Prozent", "word")]),
    ("1.234,56 Euro", [("1.234,56", "number"), ("Euro", "word")]),
    ("um 18.30 Uhr", [("um", "word"), ("18.30", "number"), ("Uhr", "word")]),
    ("am 18.06.2024", [("am", "word"), ("18.06.2024", "number")]),
    ("2024,", [("2024", "number"), (",", "punct")]),
    ("18-Jährige", [("18-Jährige", "word")]),
    ("G7 und 5G", [("G7", "word"), ("und", "word"), ("5G", "word")]),
    ("3,5-fach", [("3,5-fach", "word")]),
    ("Covid-19", [("Covid-19", "word")]),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.kind) for t in tokenize(text)] == expected


WORDS = [
    ("Kim Jong-un", ["Kim", "Jong-un"]),
    ("Der GdP-Vorsitzende", ["Der", "GdP-Vorsitzende"]),
    ("Wie geht's?", ["Wie", "geht's", "?"]),
    ("Wie geht’s?", ["Wie", "geht’s", "?"]),
    ("Kim's Rakete", ["Kim's", "Rakete"]),
    ("Ein- und Ausfuhr", ["Ein-", "und", "Ausfuhr"]),
    ("Straße über Ärger", ["Straße", "über", "Ärger"]),
    ("Wirklich?!", ["Wirklich", "?", "!"]),
    ("Nun ja...", ["Nun", "ja", "..."]),
    ("Nun ja…", ["Nun", "ja", "…"]),
    ("(dpa) –", ["(", "dpa", ")", "–"]),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_words_and_punctuation(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


INITIALS = [
    ("J. R. R. Tolkien schrieb", ["J.", "R.", "R.", "Tolkien", "schrieb"]),
    ("George W. Bush sagte", ["George", "W.", "Bush", "sagte"]),
    ("J.R.R. Tolkien", ["J.", "R.", "R.", "Tolkien"]),
]


@pytest.mark.parametrize(("text", "expected"), INITIALS)
def test_initials(text: str, expected: list[str]) -> None:
    assert texts(text) == expected
    assert len(segment(text).sentences) == 1


URLS = [
    ("Siehe https://www.tagesschau.de/inland/abc-123.html.", "https://www.tagesschau.de/inland/abc-123.html"),
    ("Quelle: www.spiegel.de, gestern", "www.spiegel.de"),
    ("auf bild.de.", "bild.de"),
    ("Mail an presse@polizei-berlin.de.", "presse@polizei-berlin.de"),
    ("(http://example.com/a?b=1&c=2)", "http://example.com/a?b=1&c=2"),
]


@pytest.mark.parametrize(("text", "url"), URLS)
def test_urls_and_email_are_one_token(text: str, url: str) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens if t.kind == "url"] == [url]
    assert len(sentences(text)) == 1


QUOTES = [
    ("„Hallo“", ["„", "Hallo", "“"]),
    ("»Hallo«", ["»", "Hallo", "«"]),
    ("«Hallo»", ["«", "Hallo", "»"]),
    ("‚Hallo‘", ["‚", "Hallo", "‘"]),
    ("›Hallo‹", ["›", "Hallo", "‹"]),
    ("“Hello”", ["“", "Hello", "”"]),
    ('"Hallo"', ['"', "Hallo", '"']),
    ("'Hallo'", ["'", "Hallo", "'"]),
    ("„Wir kommen!“, sagte er", ["„", "Wir", "kommen", "!", "“", ",", "sagte", "er"]),
    ("Hans' Freund", ["Hans", "'", "Freund"]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_quotation_marks_are_tokens(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    for tok in tokens:
        assert (tok.kind == "quote") == (tok.text in QUOTE_CHARS)


# --- sentences and paragraphs ----------------------------------------------------

SENTENCES = [
    ("Er kam. Sie ging.", ["Er kam.", "Sie ging."]),
    ("„Wir kommen!“, sagte er.", ["„Wir kommen!“, sagte er."]),
    ("„Wir kommen.“ Sagte er es?", ["„Wir kommen.“", "Sagte er es?"]),
    ("„Wir streiken. Das ist klar“, sagte er.", ["„Wir streiken.", "Das ist klar“, sagte er."]),
    ("Er sagte: „Ja.“ „Nein.“", ["Er sagte: „Ja.“", "„Nein.“"]),
    ("Am 18. Juni 2024 kam er.", ["Am 18. Juni 2024 kam er."]),
    ("Es ist der 3. Liga-Sieg.", ["Es ist der 3. Liga-Sieg."]),
    ("Das war des 80. Jahrestages wegen.", ["Das war des 80. Jahrestages wegen."]),
    ("Im Jahr waren es 2024. Danach nicht.", ["Im Jahr waren es 2024.", "Danach nicht."]),
    ("Sie ist auf Platz 3. Der Verein jubelt.", ["Sie ist auf Platz 3.", "Der Verein jubelt."]),
    ("Dr. Weber u. a. kamen. 2025 kommt er.", ["Dr. Weber u. a. kamen.", "2025 kommt er."]),
    ("Äpfel, Birnen usw. Das reicht.", ["Äpfel, Birnen usw.", "Das reicht."]),
    ("Das kostet 3 Mio. Euro.", ["Das kostet 3 Mio. Euro."]),
    ("Wirklich?! Ja… Nein.", ["Wirklich?!", "Ja…", "Nein."]),
    ("Er kam (spät.) Dann ging er.", ["Er kam (spät.)", "Dann ging er."]),
    ("Papst Leo XIV. sagte das.", ["Papst Leo XIV. sagte das."]),
    ("Hallo.Welt", ["Hallo.Welt"]),
    ("Siehe www.zdf.de. Dort steht es.", ["Siehe www.zdf.de.", "Dort steht es."]),
    ("Ende\n\nneuer Absatz", ["Ende", "neuer Absatz"]),
    ("Er kam.\nund ging", ["Er kam.", "und ging"]),
    ("Sie sagte\nnichts dazu.", ["Sie sagte\nnichts dazu."]),
    ("Landtag streitet\nDresden (dpa) – Heute.", ["Landtag streitet", "Dresden (dpa) –", "Heute."]),
    # a dateline is no part of the first sentence's grammar
    ("Berlin – Der Minister sagte, er komme.", ["Berlin –", "Der Minister sagte, er komme."]),
    ("Frankfurt/Main (AFP/Reuters) – Die Bank wächst.", ["Frankfurt/Main (AFP/Reuters) –", "Die Bank wächst."]),
    ("Titel\n\nDen Haag (dpa) – Das Gericht tagt.", ["Titel", "Den Haag (dpa) –", "Das Gericht tagt."]),
    # not datelines: a dash inside a sentence, a lower-case word, no space after the dash
    ("Er kam – und ging.", ["Er kam – und ging."]),
    ("Überfall auf Juwelier in Wiesbaden – Polizei sucht Täter", ["Überfall auf Juwelier in Wiesbaden – Polizei sucht Täter"]),
    ("Nord-Süd-Gipfel beginnt.", ["Nord-Süd-Gipfel beginnt."]),
    ("Forderungen:\n1. Mehr Geld\n2. Weniger Arbeit", ["Forderungen:", "1. Mehr Geld", "2. Weniger Arbeit"]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


PARAGRAPHS = [
    ("", 0, 0),
    ("   \n\n  \t", 0, 0),
    ("Eins.", 1, 1),
    ("Eins. Zwei.\nDrei.", 1, 3),
    ("Eins.\n\nZwei.", 2, 2),
    ("Eins.\r\n\r\nZwei.", 2, 2),
    ("Eins.\n   \n\n\nZwei.\n\nDrei", 3, 3),
    ("Eins\u2029Zwei", 2, 2),
    ("\n\nEins.\n\n", 1, 1),
]


@pytest.mark.parametrize(("text", "n_paragraphs", "n_sentences"), PARAGRAPHS)
def test_paragraphs(text: str, n_paragraphs: int, n_sentences: int) -> None:
    layer = segment(text)
    assert len(layer.paragraphs) == n_paragraphs
    assert len(layer.sentences) == n_sentences
    check_invariants(text, layer)


def test_sentence_paragraph_indices() -> None:
    text = "Erster Satz. Zweiter Satz.\n\nDritter Satz."
    layer = segment(text)
    assert [s.paragraph for s in layer.sentences] == [0, 0, 1]
    assert [(p.first, p.last) for p in layer.paragraphs] == [(0, 2), (2, 3)]
    assert text[layer.paragraphs[1].start : layer.paragraphs[1].end] == "Dritter Satz."


def test_lookups() -> None:
    text = "Er kam. Sie ging."
    layer = segment(text)
    assert layer.token_at(0) == 0
    assert layer.token_at(1) == 0
    assert layer.token_at(2) is None  # the space
    assert layer.token_at(3) == 1
    assert layer.token_at(len(text)) is None
    assert layer.token_at(-1) is None
    assert [layer.sentence_index(i) for i in range(len(layer.tokens))] == [0, 0, 0, 1, 1, 1]
    with pytest.raises(IndexError):
        layer.sentence_index(len(layer.tokens))


# --- offsets on weird input ----------------------------------------------------

WEIRD = [
    "",
    " ",
    "\n",
    "\r\n\r\n",
    "\x00",
    "\ud800",
    "a\ud800b",
    "e\u0301",
    "\u0301 Anfang mit Kombinationszeichen",
    "👨‍👩‍👧 👍🏽",
    "שלום עולם. مرحبا",
    "Zeile\u2028Zeile\u2029Absatz",
    "\x1c\x1d\x1e\x1f",
    "\ufeffBOM",
    "„“„“„“",
    "....!!!???",
    "http://",
    "a@b@c.de",
    "x" * 5000,
    "a." * 1000,
    "1." * 1000,
    "„" * 1000,
]


@pytest.mark.parametrize("text", WEIRD)
def test_offsets_on_weird_input(text: str) -> None:
    check_invariants(text, segment(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a\u0308b", [("a\u0308b", "word")]), ("\x00", [("\x00", "other")]), ("€", [("€", "punct")])],
)
def test_token_kinds_on_weird_input(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.kind) for t in tokenize(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # scores and clock times are one number, so their colon frames nothing
        ("nach dem 2:1", ["nach", "dem", "2:1"]),
        ("um 18:30 Uhr", ["um", "18:30", "Uhr"]),
        # a colon after a word or before a longer number stays a colon
        ("Merkel: 2 Punkte", ["Merkel", ":", "2", "Punkte"]),
        ("Stand 10:30:15", ["Stand", "10", ":", "30", ":", "15"]),
    ],
)
def test_scores_and_times(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == expected


# --- properties --------------------------------------------------------------------

_news_alphabet = st.sampled_from(list("aäbBcdeEfgGhiIjJkmnNoöpPrsStTuüvVwWxzZß019 .,!?…:;-–\n\t'\"()@/") + list(QUOTE_CHARS))


@settings(max_examples=examples(300), deadline=None)
@given(st.text())
def test_any_text_keeps_offsets(text: str) -> None:
    check_invariants(text, segment(text))


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=_news_alphabet, max_size=200))
def test_news_like_text_keeps_offsets(text: str) -> None:
    check_invariants(text, segment(text))


# --- the fast paths change no token ------------------------------------------------

#: The full token pattern without the fast paths in front: the reference they must agree with.
_FULL_PATTERN = regex.compile(text_module._token_pattern(load_lexicon().text), regex.VERBOSE | regex.V0)

#: Characters around which the fast paths stop: letters, marks, digits, hyphens,
#: apostrophes, the characters of URLs and e-mail addresses, periods, brackets.
_edge_alphabet = st.sampled_from(
    list("aäZßİe\u0301\u0308\u0903১٣09 -‐‑'’.…@:/_+%,;!?()[]\n\t€😀") + list(QUOTE_CHARS)
)


def _reference_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), text_module._KIND_OF_GROUP[m.lastgroup]) for m in _FULL_PATTERN.finditer(text)]


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(st.text(alphabet=_edge_alphabet, max_size=60), st.text(alphabet=_news_alphabet, max_size=200), st.text()))
def test_fast_paths_make_the_tokens_of_the_full_pattern(text: str) -> None:
    assert [(t.start, t.end, t.kind) for t in tokenize(text)] == _reference_tokens(text)


@pytest.mark.parametrize(
    "text",
    ["Regierung.", "Jong-un", "G7", "geht's", "z.B.", "Kim's", "Dr. Kim", "a.a.a.", "u. a.", "...", "„Ja.“",
     "e\u0301.", "(ja)", "Satz.\u0301", "ja?!", "info@example.de", "tagesschau.de", "Ein- und Ausfuhr"],
)
def test_fast_paths_on_their_edges(text: str) -> None:
    assert [(t.start, t.end, t.kind) for t in tokenize(text)] == _reference_tokens(text)


# --- tokens stored as columns ---------------------------------------------------------

_SAMPLE = "Der Minister sagte: „Wir kommen.“ Dann ging er (nach Hause) – am 18. Juni 2024."


def test_tokens_are_columns_with_the_token_api() -> None:
    tokens = tokenize(_SAMPLE)
    assert isinstance(tokens, Tokens)
    assert tokens[1] == Token(4, 12, "Minister", "word")
    assert (tokens.starts[1], tokens.ends[1], TOKEN_KINDS[tokens.kinds[1]]) == (4, 12, "word")
    assert tokens[-1] == tokens[len(tokens) - 1] == Token(len(_SAMPLE) - 1, len(_SAMPLE), ".", "punct")
    assert list(tokens) == [tokens[i] for i in range(len(tokens))]


@pytest.mark.parametrize("piece", [slice(2, 5), slice(None, 3), slice(-4, None), slice(None, None, 3), slice(5, 2), slice(1, 100)])
def test_token_slices_are_tuples_like_a_tuples_slices(piece: slice) -> None:
    tokens = tokenize(_SAMPLE)
    assert tokens[piece] == tuple(tokens)[piece]
    assert isinstance(tokens[piece], tuple)


@pytest.mark.parametrize("index", [10_000, -10_000])
def test_a_token_index_out_of_range_raises_index_error(index: int) -> None:
    with pytest.raises(IndexError):
        tokenize(_SAMPLE)[index]


def test_tokens_compare_with_token_sequences() -> None:
    tokens = tokenize(_SAMPLE)
    assert tokens == tuple(tokens) and tokens == list(tokens)
    assert tokens == tokenize(_SAMPLE) and hash(tokens) == hash(tuple(tokens))
    assert tokens != tokenize(_SAMPLE + " Ja.")
    assert tokens != tokenize(_SAMPLE.replace("Juni", "Juli"))


def test_a_layer_of_backend_tokens_equals_the_segmented_layer() -> None:
    """A backend (stanza) builds a layer from Token objects: the same tokens make the same layer."""
    layer = segment(_SAMPLE)
    rebuilt = TextLayer(_SAMPLE, list(layer.tokens), layer.sentences, layer.paragraphs)
    assert rebuilt == layer
    assert rebuilt.tokens == layer.tokens


def test_long_documents_hand_out_columns_short_ones_tuples() -> None:
    short = segment(_SAMPLE)
    assert isinstance(short.tokens, tuple) and isinstance(short.sentences, tuple) and isinstance(short.paragraphs, tuple)
    long_text = "Er sagte: „Wir kommen morgen.“\n\n" * (MATERIALISE_LIMIT // 8 + 1)
    layer = segment(long_text)
    assert isinstance(layer.tokens, Tokens) and len(layer.tokens) > MATERIALISE_LIMIT
    assert isinstance(layer.sentences, Sentences) and isinstance(layer.paragraphs, Paragraphs)
    assert layer.tokens[-2] == Token(len(long_text) - 4, len(long_text) - 3, ".", "punct")
    assert layer.sentences[-1] == Sentence(len(long_text) - 32, len(long_text) - 2, len(layer.tokens) - 9,
                                           len(layer.tokens), len(layer.paragraphs) - 1)
    assert layer.paragraphs[3] == Paragraph(32 * 3, 32 * 3 + 30, 3, 4)


def test_sentence_and_paragraph_columns_behave_like_tuples() -> None:
    layer = segment("Erster Satz. Zweiter Satz.\n\nDritter Satz. Vierter.\n\nFünfter Satz.")
    sentences = text_module.Sentences.of(layer.sentences, 100)
    paragraphs = text_module.Paragraphs.of(layer.paragraphs, 100)
    assert sentences == layer.sentences and list(sentences) == list(layer.sentences)
    assert sentences[1:3] == layer.sentences[1:3] and sentences[-1] == layer.sentences[-1]
    assert paragraphs == layer.paragraphs and paragraphs[::2] == layer.paragraphs[::2]
    assert sentences != text_module.Sentences.of(layer.sentences[:-1], 100)


def test_token_blocks_are_made_again_after_being_dropped() -> None:
    """A long document keeps a bounded number of token blocks; a dropped one is made again."""
    tokens = tokenize("Wort " * ((1 << 11) * (columns_module._CACHED_BLOCKS + 3)))
    expected = Token(5 * 7, 5 * 7 + 4, "Wort", "word")
    assert tokens[7] == expected
    for block in range(1, columns_module._CACHED_BLOCKS + 2):
        assert tokens[block << 11].text == "Wort"
    assert tokens[7] == expected


@settings(max_examples=examples(200), deadline=None)
@given(st.one_of(st.text(alphabet=_news_alphabet, max_size=300), st.text(max_size=100)))
def test_token_columns_segment_as_token_tuples(text: str) -> None:
    """Sentences and paragraphs do not depend on how tokens are handed out."""
    as_columns = text_module._segment(tokenize(text), abbreviations(), materialise_limit=0)
    as_tuples = segment(text)
    assert as_columns == as_tuples
    assert list(as_columns.tokens) == list(as_tuples.tokens)
    assert list(as_columns.sentences) == list(as_tuples.sentences)
    assert list(as_columns.paragraphs) == list(as_tuples.paragraphs)
    if as_tuples.paragraphs:
        assert TextLayer(text, list(as_tuples.tokens), list(as_tuples.sentences), list(as_tuples.paragraphs)) == as_columns


@pytest.mark.parametrize("text", ["Abg. Roth", "Abt.", "Dipl.-Ing. Kim", "Dipl. Kim", "Dr.", "Dt.", "gesagt.", "z.B.", "A."])
def test_abbreviations_gathered_by_first_character_match_as_the_flat_alternation(text: str) -> None:
    """„Dipl.-Ing.“ before „Dipl.“, as in the flat alternation: the gathered one only reads the first character once."""
    import regex

    from quotecheck.lexicon import load_lexicon
    from quotecheck.token_pattern import _alternation, _alternation_by_first_character

    words = load_lexicon().text.abbreviations
    flat = regex.compile(f"(?:{_alternation(words)})")
    gathered = regex.compile(f"(?:{_alternation_by_first_character(words)})")
    found = flat.match(text)
    assert (found and found.group()) == ((m := gathered.match(text)) and m.group())
