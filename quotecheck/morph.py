"""Finite verbs and their mood: Konjunktiv I, Konjunktiv II or indicative.

Pipeline: a helper of stage 2 (rules): indirect, according-to and free-indirect ask it for moods.

Reported speech in German news is marked by the Konjunktiv („Der Minister sagte,
die Regierung *habe* keine Fehler gemacht“), so the frame and free-indirect rules
ask this module for the mood of a clause. Everything is surface-based and model
free: word forms, simplemma lemmas (``doc.lemma``) and two data files,
``data/de/konjunktiv.tsv`` (irregular and ambiguous finite forms with person and
number) and ``data/de/morph.tsv`` (subordinators, endings, cue words).

How a mood is decided (see Duden-Grammatik §§ 745–760 on the Konjunktiv forms
and the substitution rule „Ersatzkonjunktiv“):

* A listed form (sei, habe, hätte, würde, käme …) takes the readings of
  ``konjunktiv.tsv`` that fit the subject's person and number. Where Konjunktiv I
  and indicative coincide for that person (ich habe, sie haben, wir werden) the
  form carries no mood and is ``ind``: German writers then switch to Konjunktiv
  II (sie hätten) precisely because the form is unmarked.
* A regular form „stem + e“ (er gebe, sie wandele/wandle, es ändere, man komme)
  is Konjunktiv I unless the subject is „ich“ (ich gebe = indicative).
* A strong Konjunktiv II is recognised from an umlaut the lemma lacks (beträfe,
  lägen) or from „preterite + e“ (ginge, bliebe, riefe).
* The weak Konjunktiv II equals the preterite (sagte, arbeiteten). It is read as
  ``ind`` except (a) in a condition or next to one when that pair of clauses also
  shows an unambiguous Konjunktiv II („Es ginge schneller, wenn die Behörden
  digital arbeiteten“), and (b) a weak plural in -ten after a clause in
  Konjunktiv I or with a present-tense speech verb, where it substitutes for the
  unmarked Konjunktiv I („Die Rebellen behaupten, sie kontrollierten den
  Flughafen“). A verb-first speech-verb frame („…, sagte der Politologe“) is
  always ``ind``. Strong plurals listed as ambiguous (gingen, blieben) follow (a).
* sollte/sollten and wollte/wollten are preterite or Konjunktiv II. They are
  ``subj2`` in a condition („Sollte der Streik andauern“, „falls … sollte“),
  with an advice adverb („sollte endlich“), with generic „man“, or in the
  content of a demand or warning („…, forderte der Verband“); otherwise ``ind``.
  Precision first: an unmarked sollte is told as past.

Known limits: a weak singular Konjunktiv II outside a conditional, and a weak
plural after a past-tense frame („Er sagte, die Opfer stammten …“), are read as
``ind``; a form simplemma lemmatises as an adjective is rescued only before a
non-noun („Das Feuer breite sich aus“) and only for -e/-t forms; subjects are found by position, not by a parse, and only the
person matters („ich“ against the rest) because the form itself shows number.

All functions run in time linear in the clause length; the data are loaded once.
"""

from __future__ import annotations

import functools
from typing import Mapping

from quotecheck.analysis.base import Doc
from quotecheck.errors import LexiconError
from quotecheck.lexicon import DETERMINER_CLASSES, Lexicon, data_file, parse_word_classes

__all__ = [
    "MORPH_CLASSES",
    "clause_at",
    "clause_mood",
    "find_finite",
    "find_subject",
    "finite_mood",
    "is_reportive",
    "load_morph",
    "mood_at",
    "subject_persons",
]

#: Every class ``morph.tsv`` may use (the file header documents each).
MORPH_CLASSES = frozenset(
    "subordinator conditional coordinator boundary nonverb advice generic_subject hearsay "
    "frame_verb perfect_aux modal_inf ending_weak_pret ending_present participle_prefix umlaut".split()
)

#: Speech-verb classes whose content turns sollte/sollten into an indirect command.
_COMMAND_CLASSES = frozenset({"demand", "warn"})
_SUBJ = frozenset({"subj1", "subj2"})


class Morph:
    """The word classes of ``morph.tsv``, indexed for constant-time lookups."""

    def __init__(self, classes: Mapping[str, frozenset[str]]) -> None:
        by_class: dict[str, set[str]] = {c: set() for c in MORPH_CLASSES}
        for word, found in classes.items():
            for cls in found:
                by_class[cls].add(word)
        self.classes = classes
        self.subordinators = frozenset(by_class["subordinator"])
        self.conditionals = frozenset(by_class["conditional"])
        self.coordinators = frozenset(by_class["coordinator"])
        # "-" cannot be written in the data file (it means "empty" there).
        self.boundaries = frozenset(by_class["boundary"]) | {"-"}
        self.nonverbs = frozenset(by_class["nonverb"])
        self.advice = frozenset(by_class["advice"])
        self.generic_subjects = frozenset(by_class["generic_subject"])
        self.frame_verbs = frozenset(by_class["frame_verb"])
        self.hearsay = frozenset(by_class["hearsay"])
        self.perfect_aux = frozenset(by_class["perfect_aux"])
        self.modal_inf = frozenset(by_class["modal_inf"])
        # Longest ending first so that „-eten“ wins over „-ten“.
        self.weak_pret = tuple(sorted((e.lstrip("-") for e in by_class["ending_weak_pret"]), key=len, reverse=True))
        self.present = tuple(sorted((e.lstrip("-") for e in by_class["ending_present"]), key=len, reverse=True))
        self.participle_prefix = tuple(by_class["participle_prefix"])
        self.umlauts = frozenset(by_class["umlaut"])


def parse_morph(text: str, source: str) -> Morph:
    """Parse ``morph.tsv`` (word, class), checking every class against :data:`MORPH_CLASSES`."""
    classes = parse_word_classes(text, source)
    for word, found in classes.items():
        unknown = found - MORPH_CLASSES
        if unknown:
            raise LexiconError(
                f"{source}: unknown class {', '.join(sorted(unknown))} for {word!r}; "
                f"expected one of {', '.join(sorted(MORPH_CLASSES))}"
            )
    return Morph(classes)


@functools.cache
def load_morph() -> Morph:
    """The packaged ``data/de/morph.tsv``, parsed once per process."""
    return parse_morph(*data_file("morph.tsv"))


# --- word-level analysis ---------------------------------------------------------------


def _word(doc: Doc, index: int) -> str:
    token = doc.tokens[index]
    return token.text if token.kind == "word" else ""


def _lemma(doc: Doc, index: int) -> str:
    """The lemma, retried in lower case for a capitalised clause-initial verb („Gibt es …“)."""
    lemma = doc.lemma(index)
    text = doc.tokens[index].text
    if text[:1].isupper() and (lemma[:1].isupper() or lemma == text) and doc.lemmatizer is not None:
        lemma = doc.lemmatizer(text.lower())
    return lemma


def _is_verb_lemma(lemma: str, morph: Morph) -> bool:
    return (
        lemma[:1].islower()
        and lemma.endswith("n")
        and (lemma.endswith(("en", "ln", "rn")) or lemma in ("tun", "sein"))
        and lemma not in morph.nonverbs
    )


def _stem(lemma: str) -> str:
    return lemma[:-2] if lemma.endswith("en") else lemma[:-1]


def _new_umlaut(form: str, lemma: str, morph: Morph) -> bool:
    """True if the form has an umlaut the lemma lacks (käme ← kommen, lägen ← liegen)."""
    return any(u in form and u not in lemma for u in morph.umlauts)


def _participle(form: str, lemma: str, morph: Morph) -> bool:
    """True for a past participle or a word built on one (gesagt, angekündigte)."""
    return any(form.count(p) > lemma.count(p) for p in morph.participle_prefix)


# Shapes of a regular word form relative to its lemma.
_INF = "inf"  # infinitive or 1st/3rd plural (sagen)
_E = "e"  # stem + e: 1sg indicative or Konjunktiv I (sage, wandele, wandle)
_PRESENT = "present"  # 2nd/3rd singular or 2nd plural indicative (sagt, gibt, sagst)
_PRET = "pret"  # preterite (= weak Konjunktiv II): sagte, kam, gingen
_SUBJ2 = "subj2"  # strong Konjunktiv II (käme, ginge)
_AMBIG_PART = "part"  # 3sg present or participle of an inseparable verb (vernichtet)


def _shape(doc: Doc, lexicon: Lexicon, index: int, morph: Morph) -> str | None:
    """The shape of a non-listed finite-verb candidate, or None if it is no finite verb."""
    text = _word(doc, index)
    if not text or not text[0].isalpha():
        return None
    if text[0].isupper() and not _clause_initial(doc, index, morph):
        return None  # a noun
    form = text.lower()
    if form in morph.nonverbs or form in _closed_words(lexicon):
        return None
    lemma = _lemma(doc, index)
    if not _is_verb_lemma(lemma, morph):
        lemma = _fallback_lemma(doc, index, form, morph) if text[0].islower() else None
        if lemma is None:
            return None
    if _participle(form, lemma, morph):
        return None
    stem = _stem(lemma)
    if form == lemma:
        return _INF
    if form == stem + "e" or (lemma.endswith(("ln", "rn")) and form == stem[:-2] + stem[-1] + "e"):
        return _E
    if form in (stem + "t", stem + "et"):
        # 3rd singular present; for an inseparable verb also the participle (vernichtet).
        return _AMBIG_PART
    if form.endswith(morph.weak_pret):
        return _SUBJ2 if _new_umlaut(form, lemma, morph) else _PRET
    if form.endswith(morph.present):
        return _PRESENT
    if form.endswith(("e", "en")):
        if _new_umlaut(form, lemma, morph):
            return _SUBJ2
        if form.endswith("en"):
            return _PRET  # strong preterite plural (gingen) = Konjunktiv II
        if doc.lemmatizer is not None and doc.lemmatizer(form[:-1]) == lemma:
            return _SUBJ2  # preterite + e: ginge, bliebe, riefe
        return None
    return _PRET  # strong preterite singular: kam, gab, ließ


def _fallback_lemma(doc: Doc, index: int, form: str, morph: Morph) -> str | None:
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
    return candidate if _is_verb_lemma(candidate, morph) and _known(candidate) else None


@functools.lru_cache(maxsize=50_000)
def _known(word: str) -> bool:
    """True if simplemma's German dictionary knows the word (read from the shared lemma table)."""
    from quotecheck.analysis.lemmas import german_is_known

    return german_is_known()(word)


@functools.lru_cache(maxsize=8)
def _closed_words(lexicon: Lexicon) -> frozenset[str]:
    """Determiners, possessives and pronouns of the lexicon: never verbs („seinen“ ← sein)."""
    closed = DETERMINER_CLASSES
    return frozenset(w for w, c in lexicon.function_words.items() if c & closed) | frozenset(lexicon.pronouns)


def _readings(form: str, lexicon: Lexicon):
    return lexicon.konjunktiv.get(form.lower(), ())


def _clause_initial(doc: Doc, index: int, morph: Morph) -> bool:
    """True if the token starts its sentence or follows a boundary mark."""
    sentence = doc.sentences[doc.layer.sentence_index(index)]
    j = index - 1
    while j >= sentence.first and doc.tokens[j].kind == "quote":
        j -= 1
    return j < sentence.first or doc.tokens[j].text in morph.boundaries


def _is_verb_form(doc: Doc, lexicon: Lexicon, index: int, morph: Morph) -> bool:
    """True for any verb form: finite, infinitive or participle."""
    text = _word(doc, index)
    if not text:
        return False
    if _readings(text, lexicon) and (text[0].islower() or _clause_initial(doc, index, morph)):
        return True
    if text[0].isupper() or text.lower() in morph.nonverbs or text.lower() in _closed_words(lexicon):
        return False
    return _is_verb_lemma(doc.lemma(index), morph) or _shape(doc, lexicon, index, morph) is not None


def _finite_capable(doc: Doc, lexicon: Lexicon, index: int, morph: Morph) -> tuple[bool, bool]:
    """``(can be finite, may also be non-finite)`` for the token at ``index``."""
    text = _word(doc, index)
    if not text:
        return False, False
    readings = _readings(text, lexicon)
    if readings and (text[0].islower() or _clause_initial(doc, index, morph)):
        # Plural forms of the listed verbs are also infinitives (haben, können).
        return True, text.lower() in (r.lemma for r in readings)
    shape = _shape(doc, lexicon, index, morph)
    if shape is None:
        return False, False
    return True, shape in (_INF, _AMBIG_PART)


# --- subjects ---------------------------------------------------------------------------------


def _nominative(doc: Doc, lexicon: Lexicon, index: int) -> frozenset[str] | None:
    """Person-numbers of a personal pronoun in the nominative („sie“ → 3sg, 3pl), else None."""
    text = _word(doc, index).lower()
    readings = [r for r in lexicon.pronouns.get(text, ()) if r.case == "nom"]
    if not readings:
        return None
    if text == "ihr" and index + 1 < len(doc.tokens) and doc.tokens[index + 1].text[:1].isupper():
        return None  # possessive: „ihr Vorsitzender“
    return frozenset(f"{r.person}{r.number}" for r in readings)


def find_subject(doc: Doc, lexicon: Lexicon, start: int, end: int, verb: int) -> tuple[int, int] | None:
    """The token range of the subject of finite verb ``verb`` in clause ``[start, end)``, or None.

    A nominative personal pronoun next to the verb wins („Davon habe *ich* …“,
    „*Ich* gebe zu“); in a verb-final clause the pronoun after the subordinator
    („dass *ich* …“). Otherwise the first constituent before the verb in a
    verb-second clause if it starts with a determiner or a noun; else None.
    """
    morph = load_morph()
    first = _first_word(doc, start, end, morph)
    candidates = [verb + 1, verb - 1]
    if first is not None and _word(doc, first).lower() in morph.subordinators:
        candidates.insert(0, first + 1)
    # An only-nominative pronoun (ich, er, wir) first: „Ich finde es gut“ has „es“ after the verb.
    for nominative_only in (True, False):
        for j in candidates:
            if not (start <= j < end and j != verb) or _nominative(doc, lexicon, j) is None:
                continue
            if nominative_only and any(r.case != "nom" for r in lexicon.pronouns.get(_word(doc, j).lower(), ())):
                continue
            return (j, j + 1)
    if first is not None and first < verb:
        text = _word(doc, first)
        dets = lexicon.function_words
        if text and (text[0].isupper() or "det" in dets.get(text.lower(), ())):
            return (first, verb)
    return None


def subject_persons(doc: Doc, lexicon: Lexicon, subject: tuple[int, int] | None) -> frozenset[str] | None:
    """Person-numbers a subject allows: a pronoun's readings, a noun phrase 3sg/3pl; None if unknown."""
    if subject is None:
        return None
    start, end = subject
    if end - start == 1:
        found = _nominative(doc, lexicon, start)
        if found is not None:
            return found
    return frozenset({"3sg", "3pl"})


# --- mood of one finite verb ----------------------------------------------------------------


def finite_mood(doc: Doc, lexicon: Lexicon, index: int, subject: tuple[int, int] | None = None) -> str | None:
    """``"subj1"``, ``"subj2"``, ``"ind"``, or None when token ``index`` is not a finite verb form.

    ``subject`` is the token range of the clause's subject if the caller knows it;
    its person tells „habe“ 3sg Konjunktiv I from „habe“ 1sg indicative. Without a
    subject a 3rd-person reading is assumed, as news text is told in the 3rd person.
    """
    morph = load_morph()
    text = _word(doc, index)
    if not text:
        return None
    persons = subject_persons(doc, lexicon, subject)
    readings = _readings(text, lexicon)
    if readings and (text[0].islower() or _clause_initial(doc, index, morph)):
        fitting = [r for r in readings if persons is None or r.person_number & persons] or list(readings)
        if persons is None:
            third = [r for r in fitting if r.person_number & {"3sg", "3pl"}]
            fitting = third or fitting
        moods = {r.mood for r in fitting}
        if moods == {"ind", "subj2"} or "ambiguous" in moods:
            return _preterite_or_subj2(doc, lexicon, index, fitting[0].lemma, morph)
        if "ind" in moods:
            return "ind"  # Konjunktiv I = indicative for this person: no mood shown
        return moods.pop() if len(moods) == 1 else "subj1"
    shape = _shape(doc, lexicon, index, morph)
    if shape is None:
        return None
    if shape == _E:
        if persons is not None and not persons & {"3sg"}:
            return "ind"  # ich gebe, (wir/ihr/sie cannot take this form)
        return "subj1"
    if shape == _SUBJ2:
        return "subj2"
    if shape == _PRET:
        return _preterite_or_subj2(doc, lexicon, index, _lemma(doc, index), morph)
    return "ind"


def _preterite_or_subj2(doc: Doc, lexicon: Lexicon, index: int, lemma: str, morph: Morph) -> str:
    """Mood of a form that is both preterite and Konjunktiv II (sagte, gingen, sollte)."""
    sentence = doc.sentences[doc.layer.sentence_index(index)]
    clauses = _clauses(doc, sentence, morph)
    k = next(n for n, (a, b) in enumerate(clauses) if a <= index < b)
    start, end = clauses[k]
    if _is_frame(doc, lexicon, clauses, k, index, morph):
        return "ind"  # „…, sagte der Politologe“ tells the past
    condition = [_is_condition(doc, lexicon, clauses, n, sentence, morph) for n in range(len(clauses))]
    if lemma == "sollen":
        first = _first_word(doc, start, end, morph)
        if condition[k] or (first == index and k == 0 and not _is_question(doc, sentence)):
            return "subj2"  # „Sollte der Streik andauern“, „falls … sollte“
        words = {_word(doc, j).lower() for j in range(start, end)}
        if words & morph.advice or words & morph.generic_subjects:
            return "subj2"  # advice: „sollte endlich“, „man sollte“
        if _command_frame(doc, lexicon, sentence, start, end):
            return "subj2"  # indirect command: „…, forderte der Verband“
        return "ind"
    if lemma == "wollen":
        return "ind"
    # A conditional: the form in the condition or in the clause next to it, and an
    # unambiguous Konjunktiv II in that pair („Es ginge schneller, wenn sie digital arbeiteten“).
    for n in (k - 1, k, k + 1):
        if 0 <= n < len(clauses) and condition[n]:
            pair = (n - 1, n, n + 1)  # the condition and the clauses around it
            if any(_has_subj2(doc, lexicon, clauses[m], index, morph) for m in pair if 0 <= m < len(clauses)):
                return "subj2"
    # Ersatzkonjunktiv: a weak plural preterite in reported speech stands for the
    # Konjunktiv I that would equal the indicative („Die Rebellen behaupten, sie
    # kontrollierten den Flughafen“): a clause before it is in Konjunktiv I or has a
    # speech verb in the present tense.
    form = _word(doc, index).lower()
    if k > 0 and form.endswith("ten") and not _readings(form, lexicon):
        for m in range(k):
            if _reported_present(doc, lexicon, clauses[m], morph):
                return "subj2"
    return "ind"


def _clauses(doc: Doc, sentence, morph: Morph) -> list[tuple[int, int]]:
    """The sentence cut at boundary marks into clauses ``[start, end)`` (empty ones dropped)."""
    clauses = []
    start = sentence.first
    for j in range(sentence.first, sentence.last + 1):
        if j == sentence.last or doc.tokens[j].text in morph.boundaries:
            if any(doc.tokens[i].kind == "word" for i in range(start, j)):
                clauses.append((start, j))
            start = j + 1
    return clauses


def _is_frame(doc: Doc, lexicon: Lexicon, clauses, k: int, index: int, morph: Morph) -> bool:
    """True for a verb-first speech-verb clause after the content („…, sagte der Sprecher“)."""
    start, end = clauses[k]
    return k > 0 and _first_word(doc, start, end, morph) == index and _speech_lemma(doc, lexicon, index)


def _speech_lemma(doc: Doc, lexicon: Lexicon, index: int) -> bool:
    """Whether token ``index`` is a speech verb, or a frame verb such as „heißen“ (morph.tsv)."""
    return doc.lemma(index) in lexicon.speech_verbs or _lemma(doc, index) in load_morph().frame_verbs


def _is_condition(doc: Doc, lexicon: Lexicon, clauses, n: int, sentence, morph: Morph) -> bool:
    """True for a wenn/falls/sofern clause or a sentence-initial verb-first clause."""
    start, end = clauses[n]
    first = _first_word(doc, start, end, morph)
    if first is None:
        return False
    if _word(doc, first).lower() in morph.conditionals:
        return True
    return (
        n == 0
        and len(clauses) > 1
        and not _is_question(doc, sentence)
        and bool(_readings(_word(doc, first), lexicon))
        and not _word(doc, first).lower() in _closed_words(lexicon)
    )


def _has_subj2(doc: Doc, lexicon: Lexicon, clause: tuple[int, int], skip: int, morph: Morph) -> bool:
    """True if the clause holds an unambiguous Konjunktiv II form other than token ``skip``."""
    for j in range(*clause):
        if j == skip:
            continue
        text = _word(doc, j)
        if not text:
            continue
        moods = {r.mood for r in _readings(text, lexicon)}
        if moods == {"subj2"} or (not moods and _shape(doc, lexicon, j, morph) == _SUBJ2):
            return True
    return False


def _reported_present(doc: Doc, lexicon: Lexicon, clause: tuple[int, int], morph: Morph) -> bool:
    """True if the clause's finite verb is Konjunktiv I or a speech verb in the present tense."""
    verb = find_finite(doc, lexicon, *clause)
    if verb is None:
        return False
    readings = _readings(_word(doc, verb), lexicon)
    if readings:
        subject = find_subject(doc, lexicon, clause[0], clause[1], verb)
        persons = subject_persons(doc, lexicon, subject) or frozenset({"3sg", "3pl"})
        return {r.mood for r in readings if r.person_number & persons} == {"subj1"}
    shape = _shape(doc, lexicon, verb, morph)
    if shape == _E:
        subject = find_subject(doc, lexicon, clause[0], clause[1], verb)
        persons = subject_persons(doc, lexicon, subject)
        return persons is None or "3sg" in persons
    return shape in (_INF, _AMBIG_PART, _PRESENT) and _speech_lemma(doc, lexicon, verb)


def _is_question(doc: Doc, sentence) -> bool:
    return doc.tokens[sentence.last - 1].text == "?"


def _command_frame(doc: Doc, lexicon: Lexicon, sentence, start: int, end: int) -> bool:
    """True if a speech verb of demanding or warning stands outside the clause in the sentence."""
    for j in range(sentence.first, sentence.last):
        if start <= j < end:
            continue
        text = _word(doc, j)
        if not text or text[0].isupper():
            continue
        verb = lexicon.speech_verbs.get(doc.lemma(j))
        if verb is not None and verb.cls in _COMMAND_CLASSES:
            return True
    return False


# --- clauses ----------------------------------------------------------------------------------


def clause_at(doc: Doc, lexicon: Lexicon, index: int) -> tuple[int, int]:
    """The clause ``[start, end)`` around token ``index``: the stretch between boundary marks.

    Clauses are delimited by commas, colons, semicolons, dashes, brackets and
    quotation marks within the sentence; an embedded relative clause splits its
    host clause in two.
    """
    morph = load_morph()
    sentence = doc.sentences[doc.layer.sentence_index(index)]
    start = index
    while start > sentence.first and doc.tokens[start - 1].text not in morph.boundaries:
        start -= 1
    end = index + 1
    while end < sentence.last and doc.tokens[end].text not in morph.boundaries:
        end += 1
    return start, end


def _first_word(doc: Doc, start: int, end: int, morph: Morph) -> int | None:
    """Index of the first word of a clause, skipping a leading coordinating conjunction."""
    for j in range(start, end):
        text = _word(doc, j)
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
    """
    morph = load_morph()
    first = _first_word(doc, start, end, morph)
    if first is None:
        return None
    if _word(doc, first).lower() in morph.subordinators:
        return _final_finite(doc, lexicon, first + 1, end, morph)
    for j in range(start, end):
        finite, nonfinite = _finite_capable(doc, lexicon, j, morph)
        if not finite:
            continue
        if nonfinite and j + 1 < end and _is_verb_form(doc, lexicon, j + 1, morph):
            continue
        return j
    return None


def _final_finite(doc: Doc, lexicon: Lexicon, start: int, end: int, morph: Morph) -> int | None:
    last = end - 1
    while last >= start and not _is_verb_form(doc, lexicon, last, morph):
        last -= 1
    if last < start:
        return None
    cluster_start = last
    while cluster_start - 1 >= start and _is_verb_form(doc, lexicon, cluster_start - 1, morph):
        cluster_start -= 1
    last_text = _word(doc, last).lower()
    if last_text in morph.modal_inf or last_text in morph.perfect_aux:
        # Ersatzinfinitiv: an unambiguous finite auxiliary before the infinitives.
        for j in range(cluster_start, last):
            finite, nonfinite = _finite_capable(doc, lexicon, j, morph)
            if finite and not nonfinite and _readings(_word(doc, j), lexicon):
                return j
    for j in range(last, cluster_start - 1, -1):
        finite, _ = _finite_capable(doc, lexicon, j, morph)
        if finite:
            return j
    return None


#: UD ``Mood`` values and the contract's mood they mean.
_PARSED_MOODS = {"Sub": "subjunctive", "Ind": "indicative", "Imp": "indicative"}


def clause_mood(doc: Doc, lexicon: Lexicon, start: int, end: int) -> tuple[str | None, int | None]:
    """``("subjunctive" | "indicative" | None, index of the finite verb)`` for clause ``[start, end)``.

    A backend with morphology (stanza: ``VerbForm=Fin``, ``Mood=Sub``) decides
    first; the surface rules below answer when it has no finite verb there.
    """
    if doc.feats is not None:
        found = _parsed_mood(doc, start, end)
        if found is not None:
            return found
    verb = find_finite(doc, lexicon, start, end)
    if verb is None:
        return None, None
    subject = find_subject(doc, lexicon, start, end, verb)
    mood = finite_mood(doc, lexicon, verb, subject)
    if mood is None:
        return None, verb
    return ("subjunctive" if mood in _SUBJ else "indicative"), verb


def _parsed_mood(doc: Doc, start: int, end: int) -> tuple[str, int] | None:
    """Mood of the first finite verb the backend marked in ``[start, end)``."""
    assert doc.feats is not None
    for i in range(start, min(end, len(doc.feats))):
        feats = doc.feats[i]
        if feats and feats.get("VerbForm") == "Fin" and feats.get("Mood") in _PARSED_MOODS:
            return _PARSED_MOODS[feats["Mood"]], i
    return None


def mood_at(doc: Doc, lexicon: Lexicon, index: int) -> str | None:
    """The mood of the finite verb at ``index``, with its clause and subject found as in real use."""
    start, end = clause_at(doc, lexicon, index)
    subject = find_subject(doc, lexicon, start, end, index)
    return finite_mood(doc, lexicon, index, subject)


# --- reportive sollen / wollen ---------------------------------------------------------------


def is_reportive(doc: Doc, lexicon: Lexicon, index: int) -> bool:
    """True if token ``index`` is hearsay sollen/wollen („Er *soll* das Geld unterschlagen haben“).

    Heuristic, precision first: the form must be a reportive reading in
    ``konjunktiv.tsv`` (soll, sollen, will, wollen, solle, wolle …) and its clause
    must hold a perfect infinitive — a participle followed by haben/sein
    („unterschlagen haben“, „gewesen sein“, „verhaftet worden sein“) — or a
    hearsay adverb (angeblich, mutmaßlich). A bare infinitive („Das Gesetz soll im
    Mai in Kraft treten“) is read as a plan or duty, not hearsay, even without a
    speech frame: in news that reading is far more common.
    """
    morph = load_morph()
    text = _word(doc, index)
    if not text or not lexicon.is_reportive(text):
        return False
    start, end = clause_at(doc, lexicon, index)
    for j in range(start, end):
        lower = _word(doc, j).lower()
        if lower in morph.hearsay:
            return True
        if j - 1 in (index, start - 1) or lower not in morph.perfect_aux:
            continue
        previous = _word(doc, j - 1)
        if (
            previous[:1].islower()
            and previous not in morph.modal_inf
            and _is_verb_form(doc, lexicon, j - 1, morph)
        ):
            return True  # participle + haben/sein: „unterschlagen haben“, „gewesen sein“
    return False
