"""The tokenizer's regular expression, built from the lexicon's text words.

One verbose pattern with a named group per token kind (URLs and e-mail addresses
whole, abbreviations with their period — „z. B.“, „Dr.“ from
``data/de/abbreviations.txt`` —, every quotation mark a token of its own), plus
the fast paths for the commonest tokens in front of it. :class:`quotecheck.text.Segmenter`
compiles them once per lexicon.
"""

from __future__ import annotations

from typing import Iterable, Mapping

import regex

from quotecheck.lexicon import TextWords, load_lexicon

__all__ = ["QUOTE_CHARS", "abbreviations"]

#: Every quotation mark the tokenizer recognises. The straight single quote
#: ``'`` and ``’`` are apostrophes, not marks, between two letters („geht's“,
#: „Kim's“, „geht’s“); everywhere else they are quotation-mark tokens.
QUOTE_CHARS = "„“”‚‘’»«›‹\"'"


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
    return "|".join(regex.escape(w) for w in _longest_first(words))


def _longest_first(words: Iterable[str]) -> list[str]:
    """The distinct words, longest first (ties alphabetical): „Abs.“ before „Ab.“ wins."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def _alternation_by_first_character(words: Iterable[str]) -> str:
    """:func:`_alternation` with the words that share a first character gathered under it.

    „Abg.|Abt.|Anm.|Bez.“ becomes „A(?:bg\\.|bt\\.|nm\\.)|B(?:ez\\.)“: the regex module
    tries a flat alternation word by word at every word glued to a period
    („gesagt.“, some 250 abbreviations), a gathered one only under the first
    character that is there. The same word wins: at a position only the words
    beginning with the character there can match, and among them the order is
    :func:`_alternation`'s (longest first). Case-sensitive only: under ``(?i)``
    „D…“ and „d…“ would both match, in another order than before.
    """
    ordered = _longest_first(words)
    if "" in ordered:
        return _alternation(ordered)  # the empty word has no first character (and matches everywhere)
    by_first: dict[str, list[str]] = {}
    for word in ordered:
        by_first.setdefault(word[0], []).append(regex.escape(word[1:]))
    return "|".join(f"{regex.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())


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
    # (The digit is asked first: the look behind then runs at digits only, not at every token.)
    (?=\p{{Nd}})(?<![\p{{Nd}}:])(?P<score>\p{{Nd}}{{1,2}}:\p{{Nd}}{{1,2}})(?![{_WORD_CHAR}:])
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
      | (?P<abbr>(?:{_alternation_by_first_character(always)})
             | (?:{_alternation_by_first_character(before_number)})(?=[{_WS}]*+(?:\p{{N}}|[IVX]+\b)))
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


def _fast_paths() -> str:
    """Alternatives tried before :func:`_token_pattern`'s: the commonest tokens, cheaply.

    Each one matches only where the full pattern would make the very same token
    (same span, same kind), so putting them first changes no token; it saves the
    regex engine the slower alternatives for most tokens (a fifth of the scan).
    ``tests/test_text.py`` checks this on random text against the full pattern alone.
    """
    return r"""
    # A plain word („Regierung“, „über“): letters and marks, followed by nothing
    # that could extend it (a digit, hyphen, apostrophe) or turn it into an
    # abbreviation, initial, URL or e-mail address (. @ : / _ + %). At a letter
    # only the word alternatives of the full pattern can match, and they stop here.
    # (No letter or mark can follow: the possessive run took them all.)
      (?P<plain>\p{L}[\p{L}\p{M}]*+)(?![\p{N}\-‐‑'’.@:/_+%])
    # Sentence punctuation and brackets: at these only `punct` matches; a period
    # is one only when no second period (an ellipsis) follows, and none of them
    # when a combining mark follows (punct takes the marks along).
    | (?P<mark>[,;:!?()]|\.(?!\.))(?!\p{M})
    |"""


#: Token kind by the name of the regex group that matched (``Match.lastgroup``).
_KIND_OF_GROUP: dict[str | None, str] = {
    "plain": "word",
    "mark": "punct",
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
