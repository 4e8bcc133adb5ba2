"""Verb forms: which token is a verb, which can be finite, and the finite verb of a clause.

Pipeline: a helper of stage 2 (rules), below :mod:`quotecheck.morph`, which asks it for
the finite verb of a clause before deciding its mood.

Everything is surface-based: word forms, lemmas (``doc.lemma``), the irregular finite
forms of ``konjunktiv.tsv`` and the word classes and endings of the lexicon's
:class:`~quotecheck.lexicon.Morph`. A regular form is read by its *shape* relative
to its lemma („sage“ = stem + e, „sagte“ = preterite, „käme“ = strong Konjunktiv II).
"""

from __future__ import annotations

import functools
from typing import Sequence

from quotecheck.analysis.base import Doc, recent_memo
from quotecheck.lexicon import Lexicon, Morph, VerbForm

__all__ = [
    "AMBIG_PART",
    "E_SHAPE",
    "INF",
    "PRESENT",
    "PRET",
    "SUBJ2",
    "clause_initial",
    "find_finite",
    "finite_capable",
    "first_word",
    "is_verb_form",
    "lemma_of",
    "readings_of",
    "shape_of",
    "word_at",
]


def word_at(doc: Doc, index: int) -> str:
    token = doc.tokens[index]
    return token.text if token.kind == "word" else ""


def lemma_of(doc: Doc, index: int) -> str:
    """The lemma, retried in lower case for a capitalised clause-initial verb („Gibt es …“)."""
    lemma = doc.lemma(index)
    text = doc.tokens[index].text
    if text[:1].isupper() and (lemma[:1].isupper() or lemma == text) and doc.lemmatizer is not None:
        lemma = doc.lemmatizer(text.lower())
    return lemma


def is_verb_lemma(lemma: str, morph: Morph) -> bool:
    return (
        lemma[:1].islower()
        and lemma.endswith("n")
        and (lemma.endswith(("en", "ln", "rn")) or lemma in morph.short_verbs)
        and lemma not in morph.nonverbs
    )


def stem_of(lemma: str) -> str:
    return lemma[:-2] if lemma.endswith("en") else lemma[:-1]


def new_umlaut(form: str, lemma: str, morph: Morph) -> bool:
    """True if the form has an umlaut the lemma lacks (käme ← kommen, lägen ← liegen)."""
    return any(u in form and u not in lemma for u in morph.umlauts)


def participle(form: str, lemma: str, morph: Morph) -> bool:
    """True for a past participle or a word built on one (gesagt, angekündigte)."""
    return any(form.count(p) > lemma.count(p) for p in morph.participle_prefix)


# Shapes of a regular word form relative to its lemma.
INF = "inf"  # infinitive or 1st/3rd plural (sagen)
E_SHAPE = "e"  # stem + e: 1sg indicative or Konjunktiv I (sage, wandele, wandle)
PRESENT = "present"  # 2nd/3rd singular or 2nd plural indicative (sagt, gibt, sagst)
PRET = "pret"  # preterite (= weak Konjunktiv II): sagte, kam, gingen
SUBJ2 = "subj2"  # strong Konjunktiv II (käme, ginge)
AMBIG_PART = "part"  # 3sg present or participle of an inseparable verb (vernichtet)


def shape_of(doc: Doc, lexicon: Lexicon, index: int, morph: Morph) -> str | None:
    """The shape of a non-listed finite-verb candidate, or None if it is no finite verb."""
    text = word_at(doc, index)
    if not text or not text[0].isalpha():
        return None
    if text[0].isupper() and not clause_initial(doc, index, morph):
        return None  # a noun
    form = text.lower()
    if form in morph.nonverbs or form in lexicon.closed_words:
        return None
    lemma = lemma_of(doc, index)
    if not is_verb_lemma(lemma, morph):
        fallback = fallback_lemma(doc, index, form, morph) if text[0].islower() else None
        if fallback is None:
            return None
        lemma = fallback
    if participle(form, lemma, morph):
        return None
    stem = stem_of(lemma)
    if form == lemma:
        return INF
    if form == stem + "e" or (lemma.endswith(("ln", "rn")) and form == stem[:-2] + stem[-1] + "e"):
        return E_SHAPE
    if form in (stem + "t", stem + "et"):
        # 3rd singular present; for an inseparable verb also the participle (vernichtet).
        return AMBIG_PART
    if form.endswith(morph.weak_pret):
        return SUBJ2 if new_umlaut(form, lemma, morph) else PRET
    if form.endswith(morph.present):
        return PRESENT
    if form.endswith(("e", "en")):
        if new_umlaut(form, lemma, morph):
            return SUBJ2
        if form.endswith("en"):
            return PRET  # strong preterite plural (gingen) = Konjunktiv II
        if doc.lemmatizer is not None and doc.lemmatizer(form[:-1]) == lemma:
            return SUBJ2  # preterite + e: ginge, bliebe, riefe
        return None
    return PRET  # strong preterite singular: kam, gab, ließ


def fallback_lemma(doc: Doc, index: int, form: str, morph: Morph) -> str | None:
    """A verb lemma for a form simplemma reads as an adjective („weise“, „breite“, „kandidiert“).

    Only for „stem + e“ and „stem + (e)t“ forms whose infinitive is a known word,
    and only where no noun follows (an attributive adjective does: „die breite Straße“).
    """
    following = index + 1
    if following < len(doc.tokens) and doc.tokens[following].kind == "word" and doc.tokens[following].text[:1].isupper():
        return None
    if form.endswith("e"):
        candidate = form + "n"
    elif form.endswith("et"):
        candidate = form[:-2] + "en"
    elif form.endswith("t"):
        candidate = form[:-1] + "en"
    else:
        return None
    return candidate if is_verb_lemma(candidate, morph) and known(candidate) else None


@functools.lru_cache(maxsize=50_000)
def known(word: str) -> bool:
    """True if simplemma's German dictionary knows the word (read from the shared lemma table)."""
    from quotecheck.analysis.lemmas import german_is_known

    return german_is_known()(word)


def readings_of(form: str, lexicon: Lexicon) -> Sequence[VerbForm]:
    """The ``konjunktiv.tsv`` readings of a finite form (none for a regular verb)."""
    return lexicon.konjunktiv.get(form.lower(), ())


def clause_initial(doc: Doc, index: int, morph: Morph) -> bool:
    """True if the token starts its sentence or follows a boundary mark."""
    sentence = doc.sentences[doc.layer.sentence_index(index)]
    j = index - 1
    while j >= sentence.first and doc.tokens[j].kind == "quote":
        j -= 1
    return j < sentence.first or doc.tokens[j].text in morph.boundaries


def is_verb_form(doc: Doc, lexicon: Lexicon, index: int, morph: Morph) -> bool:
    """True for any verb form: finite, infinitive or participle."""
    text = word_at(doc, index)
    if not text:
        return False
    if readings_of(text, lexicon) and (text[0].islower() or clause_initial(doc, index, morph)):
        return True
    if text[0].isupper() or text.lower() in morph.nonverbs or text.lower() in lexicon.closed_words:
        return False
    return is_verb_lemma(doc.lemma(index), morph) or shape_of(doc, lexicon, index, morph) is not None


def finite_capable(doc: Doc, lexicon: Lexicon, index: int, morph: Morph) -> tuple[bool, bool]:
    """``(can be finite, may also be non-finite)`` for the token at ``index``."""
    text = word_at(doc, index)
    if not text:
        return False, False
    readings = readings_of(text, lexicon)
    if readings and (text[0].islower() or clause_initial(doc, index, morph)):
        # Plural forms of the listed verbs are also infinitives (haben, können).
        return True, text.lower() in (r.lemma for r in readings)
    shape = shape_of(doc, lexicon, index, morph)
    if shape is None:
        return False, False
    return True, shape in (INF, AMBIG_PART)


# --- the finite verb of a clause ------------------------------------------------------------


def first_word(doc: Doc, start: int, end: int, morph: Morph) -> int | None:
    """Index of the first word of a clause, skipping a leading coordinating conjunction."""
    for j in range(start, end):
        text = word_at(doc, j)
        if not text:
            continue
        if text.lower() in morph.coordinators:
            continue
        return j
    return None


def find_finite(doc: Doc, lexicon: Lexicon, start: int, end: int) -> int | None:
    """Token index of the finite verb of clause ``[start, end)``, or None.

    After a subordinator or w-word (dass, ob, weil, wie, wer …) the clause is
    verb-final: the finite verb is the last verb form, unless an unambiguously
    finite auxiliary precedes an infinitive cluster („dass er *hätte* kommen
    müssen“). Otherwise the first word that can be finite wins (verb-second or
    verb-first), skipping an infinitive or participle that is followed by another
    verb form („die Akten vernichtet haben *sollen*“).

    Remembered by clause (:func:`~quotecheck.analysis.base.recent_memo`): the
    free-indirect rule asks it of one clause for its cue, its mood and its speech act.
    """
    return recent_memo(doc, ("finite verb", id(lexicon)), (start, end), lambda: _find_finite(doc, lexicon, start, end))


def _find_finite(doc: Doc, lexicon: Lexicon, start: int, end: int) -> int | None:
    morph = lexicon.morph
    first = first_word(doc, start, end, morph)
    if first is None:
        return None
    if word_at(doc, first).lower() in morph.subordinators:
        return _final_finite(doc, lexicon, first + 1, end, morph)
    for j in range(start, end):
        finite, nonfinite = finite_capable(doc, lexicon, j, morph)
        if not finite:
            continue
        if nonfinite and j + 1 < end and is_verb_form(doc, lexicon, j + 1, morph):
            continue
        return j
    return None


def _final_finite(doc: Doc, lexicon: Lexicon, start: int, end: int, morph: Morph) -> int | None:
    last = end - 1
    while last >= start and not is_verb_form(doc, lexicon, last, morph):
        last -= 1
    if last < start:
        return None
    cluster_start = last
    while cluster_start - 1 >= start and is_verb_form(doc, lexicon, cluster_start - 1, morph):
        cluster_start -= 1
    last_text = word_at(doc, last).lower()
    if last_text in morph.modal_inf or last_text in morph.perfect_aux:
        # Ersatzinfinitiv: an unambiguous finite auxiliary before the infinitives.
        for j in range(cluster_start, last):
            finite, nonfinite = finite_capable(doc, lexicon, j, morph)
            if finite and not nonfinite and readings_of(word_at(doc, j), lexicon):
                return j
    for j in range(last, cluster_start - 1, -1):
        finite, _ = finite_capable(doc, lexicon, j, morph)
        if finite:
            return j
    return None
