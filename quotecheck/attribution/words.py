"""Word questions the attribution package asks of the lexicon it is given.

Pipeline stage 3 (attribution): no stage of its own; the noun-phrase grammar,
naming, coreference and the strategies ask these, never a word literal.

Every word list lives in a data file under ``quotecheck/data/de/`` and is read
into the :class:`~quotecheck.lexicon.Lexicon` (``lexicon.attribution`` holds
``attribution_words.tsv``, ``lexicon.words`` the function words …), so
``Extractor(lexicon=…)`` decides what attribution knows. This module only
combines classes into the questions several modules ask.

>>> from quotecheck.lexicon import load_lexicon
>>> lexicon = load_lexicon()
>>> is_time_word(lexicon, "Sonntagabend"), is_report_noun(lexicon, "Nachbefragung")
(True, True)
"""

from __future__ import annotations


from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon, SpeechVerb

__all__ = [
    "REPORT_CLASSES",
    "function_word_classes",
    "is_report_noun",
    "is_report_verb",
    "is_speech_verb",
    "is_time_word",
    "speech_entry",
    "words_of_class",
]

#: Speech-verb classes (the ``class`` column of ``speech_verbs.tsv``) whose subject
#: reports what others said („berichten“).
REPORT_CLASSES = frozenset({"report"})


#: The classes of a word that is no function word.
_NO_CLASSES: frozenset[str] = frozenset()


def function_word_classes(lexicon: Lexicon, word: str) -> frozenset[str]:
    """The ``function_words.tsv`` classes of a word (lower-cased); empty for other words."""
    return lexicon.function_words.get(word.lower(), _NO_CLASSES)


def words_of_class(lexicon: Lexicon, cls: str) -> frozenset[str]:
    """The words whose :func:`function_word_classes` hold ``cls`` („det“ → „der“, „die“, „zwei“ …).

    ``word.lower() in words_of_class(lexicon, "det")`` answers as ``"det" in
    function_word_classes(lexicon, word)`` does, with one set look-up: for a
    loop that asks it of every word of a document.
    """
    return lexicon.words_by_class.get(cls, frozenset())


def is_time_word(lexicon: Lexicon, word: str) -> bool:
    """A weekday, month or time of day, alone or compounded („Sonntagabend“)."""
    return lexicon.is_time_word(word)


def is_report_noun(lexicon: Lexicon, word: str) -> bool:
    """A report or statement noun, or a compound ending in one („Nachbefragung“ ends in „befragung“)."""
    folded = word.casefold()
    if not word[:1].isupper():
        return False
    return any("report_noun" in function_word_classes(lexicon, folded[k:]) for k in range(len(folded) - 4))


def speech_entry(doc: Doc, lexicon: Lexicon, i: int) -> SpeechVerb | None:
    """The speech-verb entry of a lower-case word at token ``i``, if it is one."""
    tok = doc.tokens[i]
    if tok.kind != "word" or not tok.text[:1].islower():
        return None
    return lexicon.speech_verbs.get(doc.lemma(i).lower())


def is_speech_verb(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    """Whether token ``i`` is a lower-case form of a speech verb („sagte“, „meldete“).

    A verb that speaks only through a weak frame of ``piece_frames.tsv`` and is
    too weak to frame a piece alone is none here: „hält“ and „sieht“ are no
    speech verbs in „wie die Polizei die Lage sieht“ or „der Minister, der den
    Schirm hält“; only „hält den Plan für „verfehlt““ makes them one.
    """
    entry = speech_entry(doc, lexicon, i)
    return entry is not None and not (entry.lemma in lexicon.pieces.weak_lemmas and entry.strength < tuning.MIN_PIECE_STRENGTH)


def is_report_verb(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    """Whether token ``i`` is a verb of reporting others' words („berichtete“, „meldete“)."""
    entry = speech_entry(doc, lexicon, i)
    return entry is not None and entry.cls in REPORT_CLASSES
