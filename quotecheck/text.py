"""The text layer: tokens, sentences and paragraphs with exact character offsets.

Pipeline stage 1 (analysis): the embedded backend's segmentation; every other stage reads its offsets.

Every later stage (quotation-mark pairing, speech-verb frames, attribution)
points back into the caller's text, so offsets are sacred: for every token
``text[t.start:t.end] == t.text``, tokens are ordered, never overlap and cover
every non-whitespace character. :func:`tokenize` and :func:`segment` accept any
Python string -- empty, control characters, lone surrogates, combining marks,
emoji, right-to-left script -- and never raise.

Tokenisation is one verbose regular expression, compiled once per lexicon by a
:class:`Segmenter` and run with ``finditer`` (linear time, no per-token regex
work). The rules follow SoMaJo
(Proisl & Uhrig 2016, "SoMaJo: State-of-the-art tokenization for German web and
social media texts"): URLs and e-mail addresses stay whole, abbreviations keep
their period (the list is data, ``data/de/abbreviations.txt``, read into the
lexicon's :class:`~quotecheck.lexicon.TextWords`), every quotation
mark is a token of its own because the quote detector pairs them.

Sentence splitting is deliberately rule-based and conservative; the heuristics
and their known failures are documented at :func:`segment`.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
from operator import attrgetter
from typing import Iterable, Iterator, Mapping, Sequence

import regex
from attrs import field, frozen

from quotecheck.lexicon import TextWords, load_lexicon

__all__ = [
    "TOKEN_KINDS",
    "QUOTE_CHARS",
    "Token",
    "Sentence",
    "Paragraph",
    "TextLayer",
    "Segmenter",
    "default_segmenter",
    "tokenize",
    "segment",
    "abbreviations",
    "break_runs",
    "paragraph_over",
]

TOKEN_KINDS = ("word", "number", "punct", "quote", "url", "other")

#: Every quotation mark the tokenizer recognises. The straight single quote
#: ``'`` and ``’`` are apostrophes, not marks, between two letters („geht's“,
#: „Kim's“, „geht’s“); everywhere else they are quotation-mark tokens.
QUOTE_CHARS = "„“”‚‘’»«›‹\"'"

# ---------------------------------------------------------------------------
# Language knowledge: data/de/abbreviations.txt and data/de/ordinals.tsv, in the lexicon.
# ---------------------------------------------------------------------------


def abbreviations(words: TextWords | None = None) -> Mapping[str, str]:
    """Every abbreviation token the tokenizer keeps whole, mapped to its flag.

    A multi-part entry („z. B.“) contributes each part („z.“, „B.“) and its
    spaceless spelling („z.B.“); its flag (``plain``, ``num``, ``final``) applies
    to the last part and the spaceless form. ``words`` defaults to the packaged
    lexicon's (:attr:`quotecheck.lexicon.Lexicon.text`).
    """
    return (words if words is not None else load_lexicon().text).abbreviations


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words``, longest first so longer entries win."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# ---------------------------------------------------------------------------
# The token regex.
# ---------------------------------------------------------------------------

# Python's str.isspace() is the reference for "whitespace": it also counts the
# information separators \x1c-\x1f, which the regex module's \s does not.
_WS = r"\s\x1c-\x1f"
_WORD_CHAR = r"\p{L}\p{M}\p{N}"
_QUOTES = regex.escape(QUOTE_CHARS)
# Characters a URL never contains (whitespace, angle brackets, quotation marks)
# and characters it does not end with (sentence punctuation, closing brackets).
_URL_CHAR = rf"[^{_WS}<>{_QUOTES}]"
_URL_END = rf"[^{_WS}<>{_QUOTES}.,;:!?()\[\]{{}}]"
_TLDS = "de|at|ch|com|org|net|eu|info|io|gov|edu|int|uk|fr|it|nl|tv"


def _token_pattern(words: TextWords) -> str:
    """The verbose token regex for the abbreviations, months … of ``words``."""
    table = words.abbreviations
    always = [a for a, flag in table.items() if flag != "num"]
    before_number = [a for a, flag in table.items() if flag == "num"]
    months = _alternation(words.months)
    introducers = _alternation(words.ordinal_introducers)
    coordinators = _alternation(words.truncation_coordinators)
    # Words: letters with optional digits („G7“, „5G“), internal hyphens and
    # apostrophes („Jong-un“, „GdP-Vorsitzende“, „geht's“), a numeric first part
    # („18-Jährige“, „3,5-fach“), and a truncated first compound part kept with
    # its hyphen („Ein- und Ausfuhr“).
    word = rf"""
        (?:\p{{Nd}}+(?:[.,]\p{{Nd}}+)*[-‐‑])?
        \p{{N}}*+\p{{L}}[{_WORD_CHAR}]*+
        (?:[-‐‑'’][{_WORD_CHAR}]++)*+
        (?:[-‐‑](?=[{_WS}]*+,|[{_WS}]++(?:{coordinators})[{_WS}]))?
    """
    return rf"""
    # Scores and clock times („2:1“, „18:30“) are one number, not a colon frame.
    (?<![\p{{Nd}}:])(?P<score>\p{{Nd}}{{1,2}}:\p{{Nd}}{{1,2}})(?![{_WORD_CHAR}:])
    # Fast path for numbers not glued to a letter, hyphen or period: 2024,
    # 11.000, 3,5, 1.234,56, 18.30, 18.06.2024 (the rest is decided below).
  | (?P<number>\p{{Nd}}++(?:[.,]\p{{Nd}}++)*+)(?![{_WORD_CHAR}.‐‑-])
    # Fast path, most tokens: a word not glued to . @ : / _ + %.
  | (?P<word>{word})(?![.@:/_+%])
    # Text glued to . @ : / may be a URL, an e-mail address, an abbreviation or
    # an initial; the guard lets plain words skip these alternatives.
  | (?=[{_WORD_CHAR}][{_WORD_CHAR}_%+-]*+[.@:/])
    (?:
        (?P<url>(?:https?|ftp)://{_URL_CHAR}*{_URL_END}          # http://…, https://…
              | www\.{_URL_CHAR}*{_URL_END})                      # www.…
        # Bounded repetitions keep failed attempts short, so the cost stays
        # linear even for „a.a.a.a…“.
      | (?P<email>[{_WORD_CHAR}._%+-]{{1,64}}+@[{_WORD_CHAR}-]++(?:\.[{_WORD_CHAR}-]++)+)
      | (?P<domain>(?:[{_WORD_CHAR}-]{{1,63}}+\.){{1,6}}(?:{_TLDS})  # tagesschau.de
              (?![{_WORD_CHAR}])(?:/{_URL_CHAR}*{_URL_END})?)     # … with an optional path
        # Abbreviations keep their period (data/de/abbreviations.txt). „Art.“
        # and its kind count only before a number („Art. 5 GG“), else „Art“ is
        # a noun at the end of a sentence.
      | (?P<abbr>(?:{_alternation(always)})
             | (?:{_alternation(before_number)})(?=[{_WS}]*+(?:\p{{N}}|[IVX]+\b)))
        # Initials: a capital letter and a period („J. R. R. Tolkien“, „J.R.R.“).
      | (?P<initial>\p{{Lu}}\p{{M}}*+\.(?:(?![{_WORD_CHAR}])|(?=\p{{Lu}}\p{{M}}*+\.)))
    )
    # Every quotation mark is a token of its own, also when glued to a word.
  | (?P<quote>[{_QUOTES}])
    # A word glued to a period that is none of the above („gesagt.“).
  | (?P<word_>{word})
    # Ordinals: a number with its period when the context shows it is not a
    # sentence end (see segment() for the heuristic).
  | (?P<ordinal>
        \p{{Nd}}{{1,2}}\.\p{{Nd}}{{1,2}}\.(?![{_WORD_CHAR}])            # date without year: 18.6.
      | \p{{Nd}}{{1,4}}+\.                                            # the number and its period,
        (?:                                                          # then its context:
            (?<=(?<!\p{{Nd}})\p{{Nd}}{{1,2}}\.)
            (?=[{_WS}]++(?:{months})(?![{_WORD_CHAR}]))             # 18. Juni, 1. Jan.
          | (?<=(?<!\p{{Nd}})\p{{Nd}}{{1,2}}\.)
            (?=[{_WS}]*+[-–/][{_WS}]*+\p{{Nd}}{{1,2}}\.)              # 18.–20. Juni, 18./19.
          | (?<=(?<!\p{{Nd}})\p{{Nd}}{{1,3}}\.)
            (?=[{_WS}]++\p{{Ll}})                                    # am 3. und 4. Mai
          | (?=[{_WS}]++\p{{Lu}})
            (?<=(?<![{_WORD_CHAR}])(?i:{introducers})[{_WS}]+\p{{Nd}}{{1,4}}\.)  # der 3. Liga
          | (?=[{_WS}]++\p{{Lu}})
            (?<=(?:^|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029(])
                [^\S\n\r\v\f\x85\u2028\u2029]*\p{{Nd}}{{1,2}}\.)            # list item: „1. Mehr Geld“
        )
    )
    # Numbers: 2024, 11.000, 3,5, 1.234,56, 18.30, 18.06.2024.
  | (?P<number_>\p{{Nd}}++(?:[.,]\p{{Nd}}++)*+)
    # „...“ and „…“ are one token each.
  | (?P<ellipsis>\.{{2,}}+|…)
    # Emoji with skin-tone modifiers and zero-width-joiner sequences („👍🏽“, „👨‍👩‍👧“).
  | (?P<emoji>\p{{ExtPict}}(?:[\p{{M}}\p{{Emoji_Modifier}}]|\u200d\p{{ExtPict}})*+)
    # Any other punctuation or symbol, one character (with its combining marks).
  | (?P<punct>[\p{{P}}\p{{S}}]\p{{M}}*+)
    # Anything else that is not whitespace: controls, lone surrogates, stray marks.
  | (?P<other>[^{_WS}]\p{{M}}*+)
    """


#: Token kind by the name of the regex group that matched (``Match.lastgroup``).
_KIND_OF_GROUP: dict[str | None, str] = {
    "url": "url",
    "email": "url",
    "domain": "url",
    "abbr": "word",
    "initial": "word",
    "word": "word",
    "word_": "word",
    "ordinal": "number",
    "score": "number",
    "number": "number",
    "number_": "number",
    "quote": "quote",
    "ellipsis": "punct",
    "emoji": "other",
    "punct": "punct",
    "other": "other",
}

#: A run of whitespace that starts with a line break; it is a paragraph break
#: when it holds two line breaks (a blank line) or a PARAGRAPH SEPARATOR.
_LINE_BREAK = r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]"
_BREAK_RUN_RE = regex.compile(rf"(?:{_LINE_BREAK})[{_WS}]*+")
_LINE_BREAK_RE = regex.compile(_LINE_BREAK)


def break_runs(text: str) -> Iterator[tuple[int, bool]]:
    """``(end offset, is paragraph break)`` of every whitespace run that starts with a line break.

    Shared with the stanza backend so that both backends break paragraphs alike.
    """
    for m in _BREAK_RUN_RE.finditer(text):
        run = m.group()
        yield m.end(), "\u2029" in run or len(_LINE_BREAK_RE.findall(run)) >= 2


# ---------------------------------------------------------------------------
# Value classes.
# ---------------------------------------------------------------------------


# Token has no validators on purpose: it is built once per match in the hot
# loop of tokenize(), whose regex guarantees the invariants.
@frozen
class Token:
    """One token: ``text == document[start:end]``; ``kind`` is one of :data:`TOKEN_KINDS`."""

    start: int
    end: int
    text: str
    kind: str


@frozen
class Sentence:
    """Tokens ``[first, last)``; characters ``[start, end)`` from first token start to last token end."""

    start: int
    end: int
    first: int
    last: int
    paragraph: int


@frozen
class Paragraph:
    """Sentences ``[first, last)``; characters ``[start, end)`` of their tokens."""

    start: int
    end: int
    first: int
    last: int


def _tokens(items: Iterable[Token]) -> tuple[Token, ...]:
    return tuple(items)


def _sentences(items: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(items)


def _paragraphs(items: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(items)


@frozen
class TextLayer:
    """A document's tokens, sentences and paragraphs, with lookups by index and offset."""

    text: str
    tokens: tuple[Token, ...] = field(converter=_tokens)
    sentences: tuple[Sentence, ...] = field(converter=_sentences)
    paragraphs: tuple[Paragraph, ...] = field(converter=_paragraphs)
    # Precomputed sort keys for bisect, so lookups are O(log n).
    _token_starts: tuple[int, ...] = field(init=False, repr=False, eq=False)
    _sentence_firsts: tuple[int, ...] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_token_starts", tuple(map(attrgetter("start"), self.tokens)))
        object.__setattr__(self, "_sentence_firsts", tuple(map(attrgetter("first"), self.sentences)))

    def sentence_index(self, token_index: int) -> int:
        """Index of the sentence containing token ``token_index``.

        Raises IndexError for an index outside the token sequence.
        """
        if not 0 <= token_index < len(self.tokens):
            raise IndexError(f"token index {token_index} out of range 0..{len(self.tokens) - 1}")
        return bisect.bisect_right(self._sentence_firsts, token_index) - 1

    def token_at(self, char_offset: int) -> int | None:
        """Index of the token covering ``char_offset``; ``None`` in whitespace or outside the text."""
        i = bisect.bisect_right(self._token_starts, char_offset) - 1
        if i >= 0 and char_offset < self.tokens[i].end:
            return i
        return None


# ---------------------------------------------------------------------------
# Tokenisation.
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of tokens are built.

    Tokens hold only ints and strings and cannot form cycles, but each one is
    tracked, and the collections that their sheer number triggers cost a third
    of the tokenizer's time on a 10 MB document. The previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Segmenter:
    """Tokenizer and sentence splitter for one set of text words (abbreviations, months …).

    Built once per lexicon (the token regex is compiled here, not per call);
    :func:`tokenize` and :func:`segment` use the packaged lexicon's.

    >>> [t.text for t in default_segmenter().tokenize("Dr. Roth kam am 3. Mai.")]
    ['Dr.', 'Roth', 'kam', 'am', '3.', 'Mai', '.']
    """

    __slots__ = ("words", "_token_re")

    def __init__(self, words: TextWords) -> None:
        self.words = words
        self._token_re = regex.compile(_token_pattern(words), regex.VERBOSE | regex.V0)

    def tokenize(self, text: str) -> tuple[Token, ...]:
        """Tokens of ``text`` in order; see the module docstring for the guarantees."""
        kinds = _KIND_OF_GROUP
        with _gc_paused():
            return tuple(
                [Token(m.start(), m.end(), m.group(), kinds[m.lastgroup]) for m in self._token_re.finditer(text)]
            )

    def segment(self, text: str) -> TextLayer:
        """Tokens, sentences and paragraphs of ``text`` (see :func:`segment`)."""
        with _gc_paused():
            return _segment(text, self.tokenize(text), self.words.abbreviations)


@functools.cache
def default_segmenter() -> Segmenter:
    """The :class:`Segmenter` of the packaged lexicon, built once per process."""
    return Segmenter(load_lexicon().text)


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of ``text`` in order, with the packaged lexicon's abbreviations."""
    return default_segmenter().tokenize(text)


# ---------------------------------------------------------------------------
# Sentences and paragraphs.
# ---------------------------------------------------------------------------

_TERMINAL_CHARS = frozenset(".!?…")
_TERMINAL_RE = regex.compile(r"[.!?…]")
#: Tokens glued to sentence punctuation that still belong to the sentence:
#: closing quotation marks („kommen.“) and brackets („(siehe oben.)“).
_CLOSING_PUNCT = frozenset(")]}")
#: A line ending in one of these continues on the next line.
_CONTINUING = frozenset(",;:-–—/&+(„‚»«‹›")
_BULLETS = frozenset("-–—•·*▪►")


def _is_terminal(tok: Token, flags: Mapping[str, str]) -> bool:
    """Sentence punctuation, or an abbreviation that may end a sentence („usw.“)."""
    if tok.kind == "punct":
        return tok.text[-1] in _TERMINAL_CHARS
    return tok.kind == "word" and flags.get(tok.text) == "final"


def _starts_sentence(tok: Token) -> bool:
    """Whether a token can begin a sentence: uppercase letter, digit or quotation mark."""
    if tok.kind == "quote" or tok.kind == "number":
        return True
    first = tok.text[0]
    return first.isupper() or first.istitle() or first.isdigit()


def _is_list_marker(tok: Token) -> bool:
    """A bullet or a numbered list item („1.“) at the start of a line."""
    return tok.text in _BULLETS or (tok.kind == "number" and tok.text[-1] == ".")


def _terminal_end(tokens: tuple[Token, ...], i: int) -> int:
    """Index after a terminal token and the marks glued to it („kommen!“ → after “).

    Further sentence punctuation („?!“) and closing quotation marks or brackets
    belong to the sentence when nothing separates them from the punctuation.
    """
    n = len(tokens)
    j = i + 1
    while j < n and tokens[j].start == tokens[j - 1].end:
        tok = tokens[j]
        if tok.kind == "quote" or tok.text in _CLOSING_PUNCT or (
            tok.kind == "punct" and tok.text[-1] in _TERMINAL_CHARS
        ):
            j += 1
        else:
            break
    return j


def _line_breaks(text: str, starts: list[int]) -> tuple[set[int], set[int]]:
    """Token indices that begin a new paragraph, and those that begin a new line."""
    paragraphs: set[int] = set()
    lines: set[int] = set()
    n = len(starts)
    for end, is_paragraph in break_runs(text):
        i = bisect.bisect_left(starts, end)
        if i == 0 or i >= n:
            continue
        if is_paragraph:
            paragraphs.add(i)
        else:
            lines.add(i)
    return paragraphs, lines


def _boundaries(text: str, tokens: tuple[Token, ...], flags: Mapping[str, str]) -> tuple[list[int], set[int]]:
    """Sorted token indices where sentences start, and the subset starting paragraphs."""
    starts = list(map(attrgetter("start"), tokens))
    paragraph_starts, line_starts = _line_breaks(text, starts)
    boundaries = {0} | paragraph_starts
    # Sentence punctuation followed by whitespace and a sentence start. Only
    # tokens containing . ! ? … can end a sentence; a regex over the text finds
    # them without a Python-level loop over every token.
    n = len(tokens)
    previous = -1
    for m in _TERMINAL_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i == previous:
            continue
        previous = i
        tok = tokens[i]
        if not _is_terminal(tok, flags):
            continue
        j = _terminal_end(tokens, i)
        if j >= n or tokens[j].start == tokens[j - 1].end:
            continue  # end of text, or glued on („Hallo.Welt“, „kommen!“,)
        if j in line_starts or _starts_sentence(tokens[j]):
            boundaries.add(j)
    # Single line breaks: after sentence punctuation (done above, whatever the
    # next line starts with) and after a heading -- a line that starts a
    # sentence, ends without punctuation, and is followed by a line starting
    # with an uppercase letter, digit or quotation mark.
    # List items („1. Mehr Geld“, „• Mehr Geld“) after a line ending in a colon
    # or after another list item are sentences of their own.
    line_first = 0
    for i in sorted(line_starts | paragraph_starts):
        last = tokens[i - 1]
        if i not in boundaries and (
            (
                line_first in boundaries
                and last.text not in _CONTINUING
                and _starts_sentence(tokens[i])
            )
            or (
                _is_list_marker(tokens[i])
                and (last.text == ":" or _is_list_marker(tokens[line_first]))
            )
        ):
            boundaries.add(i)
        line_first = i
    for i in sorted({0} | paragraph_starts | line_starts):
        after = _dateline_end(tokens, i)
        if after is not None:
            boundaries.add(after)
    return sorted(boundaries), paragraph_starts


#: A dateline at the start of a line: up to three place words („Frankfurt/Main“,
#: „Den Haag“), an optional bracket with the agency („(dpa)“, „(AFP/Reuters)“),
#: then a dash.
_DATELINE_WORDS = 3
_DATELINE_BRACKET = 6
_DASHES = frozenset("–—-")


def _dateline_end(tokens: tuple[Token, ...], i: int) -> int | None:
    """The token after the dash of a dateline starting at token ``i``, if there is one.

    „Berlin (dpa) – Der Minister sagte …“: the dateline names where and through
    whom the story came, and is no part of the first sentence's grammar; left in,
    it would be read as the start of the subject („Berlin (dpa) – Der Minister“).
    """
    n = len(tokens)
    j = i
    words = 0
    while j < n and words < _DATELINE_WORDS and tokens[j].kind == "word" and tokens[j].text[:1].isupper():
        words += 1
        j += 1
        if j < n and tokens[j].text == "/" and j + 1 < n and tokens[j + 1].kind == "word":
            j += 1
    if words == 0 or j >= n:
        return None
    if tokens[j].text == "(":
        close = next((k for k in range(j + 1, min(n, j + _DATELINE_BRACKET)) if tokens[k].text == ")"), None)
        if close is None:
            return None
        j = close + 1
    if j + 1 < n and tokens[j].text in _DASHES and _starts_sentence(tokens[j + 1]) and tokens[j + 1].start > tokens[j].end:
        return j + 1
    return None


def segment(text: str) -> TextLayer:
    """Tokens, sentences and paragraphs of ``text``.

    Paragraphs are separated by a blank line (a line break, optional
    whitespace, a line break) or U+2029 PARAGRAPH SEPARATOR. A paragraph break
    always ends a sentence.

    A sentence ends after ``. ! ? …`` (plus glued closing quotation marks and
    brackets: „Wir kommen.“ ends after “) when whitespace follows and the next
    token is a capitalised word, a number or a quotation mark, or the
    punctuation ends a line. A lowercase word or a comma continues the sentence
    („„Wir kommen!“, sagte er.“ is one sentence). Punctuation inside a quote
    splits like any other: the quote detector works across sentences.

    No split after abbreviations (data file; ``final`` entries such as „usw.“
    may end a sentence), initials („George W. Bush“) or ordinals. A number
    with a period is an ordinal -- and its period part of the number token --
    when it is followed by a month name („am 18. Juni“), a lowercase word („am
    3. und 4. Mai“), a range („18.–20. Juni“), or a capitalised word and it
    either follows an article, a contracted preposition or a possessive („der
    3. Liga“, „des 80. Jahrestages“, „zum 70. Geburtstag“) or starts a line
    (list items „1. Mehr Geld“). Otherwise „… waren es 2024. Danach …“ and
    „… auf Platz 3. Der Verein …“ split.

    A dateline at the start of a line („Berlin (dpa) –“, „Frankfurt/Main –“: up to
    three capitalised words, an optional bracket, a dash, then a capitalised word)
    is a sentence of its own, so that it is never read as part of a subject.

    A single line break ends a sentence after sentence punctuation, or after a
    line that looks like a heading: it starts a sentence, does not end in a
    comma, colon, dash or similar, and the next line starts with an uppercase
    letter, a digit or a quotation mark. Hard-wrapped prose is therefore
    over-split where a wrapped line is followed by a capitalised noun and the
    line itself began a sentence; unwrap such text first.
    """
    return default_segmenter().segment(text)


def _segment(text: str, tokens: tuple[Token, ...], flags: Mapping[str, str]) -> TextLayer:
    if not tokens:
        return TextLayer(text, (), (), ())
    boundaries, paragraph_starts = _boundaries(text, tokens, flags)
    sentences: list[Sentence] = []
    paragraphs: list[Paragraph] = []
    para_first = 0
    ends = [*boundaries[1:], len(tokens)]
    for first, last in zip(boundaries, ends):
        if first in paragraph_starts and sentences:
            paragraphs.append(paragraph_over(sentences, para_first, len(sentences)))
            para_first = len(sentences)
        sentences.append(
            Sentence(tokens[first].start, tokens[last - 1].end, first, last, len(paragraphs))
        )
    paragraphs.append(paragraph_over(sentences, para_first, len(sentences)))
    return TextLayer(text, tokens, tuple(sentences), tuple(paragraphs))


def paragraph_over(sentences: Sequence[Sentence], first: int, last: int) -> Paragraph:
    """The paragraph of ``sentences[first:last]`` (shared with the stanza backend)."""
    return Paragraph(sentences[first].start, sentences[last - 1].end, first, last)
