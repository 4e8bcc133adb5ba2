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

import bisect

from quotecheck.analysis.base import Doc, recent_memo
from quotecheck.lexicon import Lexicon, Morph
from quotecheck.text import Sentence
from quotecheck.verbforms import (
    AMBIG_PART,
    E_SHAPE,
    INF,
    PRESENT,
    PRET,
    SUBJ2,
    clause_initial,
    find_finite,
    first_word,
    is_verb_form,
    lemma_of,
    readings_of,
    shape_of,
    word_at,
)

__all__ = [
    "KONJUNKTIV",
    "clause_at",
    "clause_mood",
    "find_finite",
    "find_subject",
    "finite_mood",
    "is_reportive",
    "mood_at",
    "reported_speech_forms",
    "subject_persons",
]

#: Speech-verb classes whose content turns sollte/sollten into an indirect command.
_COMMAND_CLASSES = frozenset({"demand", "warn", "command"})
#: The Konjunktiv moods of ``finite_mood`` and ``Lexicon.mood`` (I and II: „sei“, „wäre“).
KONJUNKTIV = frozenset({"subj1", "subj2"})


# --- subjects ---------------------------------------------------------------------------------


def _nominative(doc: Doc, lexicon: Lexicon, index: int) -> frozenset[str] | None:
    """Person-numbers of a personal pronoun in the nominative („sie“ → 3sg, 3pl), else None."""
    text = word_at(doc, index).lower()
    readings = [r for r in lexicon.pronouns.get(text, ()) if r.case == "nom"]
    if not readings:
        return None
    possessive = any(r.case == "poss" for r in lexicon.pronouns.get(text, ()))
    if possessive and index + 1 < len(doc.tokens) and doc.tokens[index + 1].text[:1].isupper():
        return None  # a possessive too, before a noun: „ihr Vorsitzender“
    return frozenset(f"{r.person}{r.number}" for r in readings)


def find_subject(doc: Doc, lexicon: Lexicon, start: int, end: int, verb: int) -> tuple[int, int] | None:
    """The token range of the subject of finite verb ``verb`` in clause ``[start, end)``, or None.

    A nominative personal pronoun next to the verb wins („Davon habe *ich* …“,
    „*Ich* gebe zu“); in a verb-final clause the pronoun after the subordinator
    („dass *ich* …“). Otherwise the first constituent before the verb in a
    verb-second clause if it starts with a determiner or a noun; else None.
    """
    morph = lexicon.morph
    first = first_word(doc, start, end, morph)
    candidates = [verb + 1, verb - 1]
    if first is not None and word_at(doc, first).lower() in morph.subordinators:
        candidates.insert(0, first + 1)
    # An only-nominative pronoun (ich, er, wir) first: „Ich finde es gut“ has „es“ after the verb.
    for nominative_only in (True, False):
        for j in candidates:
            if not (start <= j < end and j != verb) or _nominative(doc, lexicon, j) is None:
                continue
            if nominative_only and any(r.case != "nom" for r in lexicon.pronouns.get(word_at(doc, j).lower(), ())):
                continue
            return (j, j + 1)
    if first is not None and first < verb:
        text = word_at(doc, first)
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
    morph = lexicon.morph
    text = word_at(doc, index)
    if not text:
        return None
    persons = subject_persons(doc, lexicon, subject)
    readings = readings_of(text, lexicon)
    if readings and (text[0].islower() or clause_initial(doc, index, morph)):
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
    shape = shape_of(doc, lexicon, index, morph)
    if shape is None:
        return None
    if shape == E_SHAPE:
        if persons is not None and not persons & {"3sg"}:
            return "ind"  # ich gebe, (wir/ihr/sie cannot take this form)
        return "subj1"
    if shape == SUBJ2:
        return "subj2"
    if shape == PRET:
        return _preterite_or_subj2(doc, lexicon, index, lemma_of(doc, index), morph)
    return "ind"


def _preterite_or_subj2(doc: Doc, lexicon: Lexicon, index: int, lemma: str, morph: Morph) -> str:
    """Mood of a form that is both preterite and Konjunktiv II (sagte, gingen, sollte)."""
    sentence = doc.sentences[doc.layer.sentence_index(index)]
    known = _sentence_clauses(doc, lexicon, sentence)
    clauses = known.clauses
    k = known.clause_of(index)
    if _is_frame(doc, lexicon, clauses, k, index, morph):
        return "ind"  # „…, sagte der Politologe“ tells the past
    condition = known.conditions(doc)
    if lemma in morph.advice_modals:
        return _sollte_mood(doc, lexicon, index, clauses[k], k == 0 and not _is_question(doc, sentence), condition[k])
    if lemma in morph.claim_modals:
        return "ind"
    if _conditional_subj2(doc, lexicon, index, clauses, k, condition) or _substitute_subj2(doc, lexicon, index, known, k):
        return "subj2"
    return "ind"


def _sollte_mood(
    doc: Doc, lexicon: Lexicon, index: int, clause: tuple[int, int], sentence_initial: bool, condition: bool
) -> str:
    """sollte/sollten: Konjunktiv II in a condition, as advice or an indirect command; else preterite."""
    morph = lexicon.morph
    start, end = clause
    if condition or (first_word(doc, start, end, morph) == index and sentence_initial):
        return "subj2"  # „Sollte der Streik andauern“, „falls … sollte“
    words = {word_at(doc, j).lower() for j in range(start, end)}
    if words & morph.advice or words & morph.generic_subjects:
        return "subj2"  # advice: „sollte endlich“, „man sollte“
    sentence = doc.sentences[doc.layer.sentence_index(index)]
    if _command_frame(doc, lexicon, sentence, start, end):
        return "subj2"  # indirect command: „…, forderte der Verband“
    return "ind"


def _conditional_subj2(
    doc: Doc, lexicon: Lexicon, index: int, clauses: list[tuple[int, int]], k: int, condition: list[bool]
) -> bool:
    """A conditional: the form in the condition or in the clause next to it, and an
    unambiguous Konjunktiv II in that pair („Es ginge schneller, wenn sie digital arbeiteten“)."""
    for n in (k - 1, k, k + 1):
        if 0 <= n < len(clauses) and condition[n]:
            pair = (n - 1, n, n + 1)  # the condition and the clauses around it
            if any(_has_subj2(doc, lexicon, clauses[m], index, lexicon.morph) for m in pair if 0 <= m < len(clauses)):
                return True
    return False


def _substitute_subj2(doc: Doc, lexicon: Lexicon, index: int, known: _SentenceClauses, k: int) -> bool:
    """Ersatzkonjunktiv: a weak plural preterite in reported speech stands for the
    Konjunktiv I that would equal the indicative („Die Rebellen behaupten, sie
    kontrollierten den Flughafen“): a clause before it is in Konjunktiv I or has a
    speech verb in the present tense."""
    form = word_at(doc, index).lower()
    if k == 0 or not form.endswith("ten") or readings_of(form, lexicon):
        return False
    return known.reported_present_before(doc, k)


class _SentenceClauses:
    """The clauses of one sentence and what the mood rules ask about them, each found once.

    A sentence of many preterite verbs („sagte er, sagte er, …“) asks for every
    verb which clause holds it, which clauses are conditions and whether a clause
    before it is reported speech: answered from here, not by walking the sentence
    again per verb.
    """

    __slots__ = ("lexicon", "sentence", "clauses", "_starts", "_conditions", "_first_reported", "_scanned")

    def __init__(self, doc: Doc, lexicon: Lexicon, sentence: Sentence) -> None:
        self.lexicon = lexicon
        self.sentence = sentence
        self.clauses = _clauses(doc, sentence, lexicon.morph)
        self._starts = [a for a, _ in self.clauses]
        self._conditions: list[bool] | None = None
        self._first_reported: int | None = None  # the first clause with reported present
        self._scanned = 0  # clauses [0, _scanned) looked at for it

    def clause_of(self, index: int) -> int:
        """The number of the clause that holds token ``index``."""
        k = bisect.bisect_right(self._starts, index) - 1
        if k < 0 or not index < self.clauses[k][1]:
            raise StopIteration(f"token {index} is in no clause")  # as next() over the clauses
        return k

    def conditions(self, doc: Doc) -> list[bool]:
        """For each clause, whether it is a condition (:func:`_is_condition`)."""
        if self._conditions is None:
            morph = self.lexicon.morph
            self._conditions = [
                _is_condition(doc, self.lexicon, self.clauses, n, self.sentence, morph) for n in range(len(self.clauses))
            ]
        return self._conditions

    def reported_present_before(self, doc: Doc, k: int) -> bool:
        """Whether a clause before clause ``k`` is reported speech (:func:`_reported_present`)."""
        while self._first_reported is None and self._scanned < k:
            if _reported_present(doc, self.lexicon, self.clauses[self._scanned], self.lexicon.morph):
                self._first_reported = self._scanned
            self._scanned += 1
        return self._first_reported is not None and self._first_reported < k


def _sentence_clauses(doc: Doc, lexicon: Lexicon, sentence: Sentence) -> _SentenceClauses:
    return recent_memo(doc, ("clauses", id(lexicon)), sentence.first, lambda: _SentenceClauses(doc, lexicon, sentence))


def _clauses(doc: Doc, sentence: Sentence, morph: Morph) -> list[tuple[int, int]]:
    """The sentence cut at boundary marks into clauses ``[start, end)`` (empty ones dropped)."""
    clauses = []
    start = sentence.first
    for j in range(sentence.first, sentence.last + 1):
        if j == sentence.last or doc.tokens[j].text in morph.boundaries:
            if any(doc.tokens[i].kind == "word" for i in range(start, j)):
                clauses.append((start, j))
            start = j + 1
    return clauses


def _is_frame(doc: Doc, lexicon: Lexicon, clauses: list[tuple[int, int]], k: int, index: int, morph: Morph) -> bool:
    """True for a verb-first speech-verb clause after the content („…, sagte der Sprecher“)."""
    start, end = clauses[k]
    return k > 0 and first_word(doc, start, end, morph) == index and _speech_lemma(doc, lexicon, index)


def _speech_lemma(doc: Doc, lexicon: Lexicon, index: int) -> bool:
    """Whether token ``index`` is a speech verb, or a frame verb such as „heißen“ (morph.tsv)."""
    return doc.lemma(index) in lexicon.speech_verbs or lemma_of(doc, index) in lexicon.morph.frame_verbs


def _is_condition(doc: Doc, lexicon: Lexicon, clauses: list[tuple[int, int]], n: int, sentence: Sentence, morph: Morph) -> bool:
    """True for a wenn/falls/sofern clause or a sentence-initial verb-first clause."""
    start, end = clauses[n]
    first = first_word(doc, start, end, morph)
    if first is None:
        return False
    if word_at(doc, first).lower() in morph.conditionals:
        return True
    return (
        n == 0
        and len(clauses) > 1
        and not _is_question(doc, sentence)
        and bool(readings_of(word_at(doc, first), lexicon))
        and not word_at(doc, first).lower() in lexicon.closed_words
    )


def _has_subj2(doc: Doc, lexicon: Lexicon, clause: tuple[int, int], skip: int, morph: Morph) -> bool:
    """True if the clause holds an unambiguous Konjunktiv II form other than token ``skip``."""
    for j in range(*clause):
        if j == skip:
            continue
        text = word_at(doc, j)
        if not text:
            continue
        moods = {r.mood for r in readings_of(text, lexicon)}
        if moods == {"subj2"} or (not moods and shape_of(doc, lexicon, j, morph) == SUBJ2):
            return True
    return False


def _reported_present(doc: Doc, lexicon: Lexicon, clause: tuple[int, int], morph: Morph) -> bool:
    """True if the clause's finite verb is Konjunktiv I or a speech verb in the present tense."""
    verb = find_finite(doc, lexicon, *clause)
    if verb is None:
        return False
    readings = readings_of(word_at(doc, verb), lexicon)
    if readings:
        subject = find_subject(doc, lexicon, clause[0], clause[1], verb)
        allowed = subject_persons(doc, lexicon, subject) or frozenset({"3sg", "3pl"})
        return {r.mood for r in readings if r.person_number & allowed} == {"subj1"}
    shape = shape_of(doc, lexicon, verb, morph)
    if shape == E_SHAPE:
        subject = find_subject(doc, lexicon, clause[0], clause[1], verb)
        persons = subject_persons(doc, lexicon, subject)
        return persons is None or "3sg" in persons
    return shape in (INF, AMBIG_PART, PRESENT) and _speech_lemma(doc, lexicon, verb)


def _is_question(doc: Doc, sentence: Sentence) -> bool:
    return doc.tokens[sentence.last - 1].text == "?"


def _command_frame(doc: Doc, lexicon: Lexicon, sentence: Sentence, start: int, end: int) -> bool:
    """True if a speech verb of demanding or warning stands outside the clause in the sentence."""
    for j in range(sentence.first, sentence.last):
        if start <= j < end:
            continue
        text = word_at(doc, j)
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
    morph = lexicon.morph
    sentence = doc.sentences[doc.layer.sentence_index(index)]
    start = index
    while start > sentence.first and doc.tokens[start - 1].text not in morph.boundaries:
        start -= 1
    end = index + 1
    while end < sentence.last and doc.tokens[end].text not in morph.boundaries:
        end += 1
    return start, end


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
    return ("subjunctive" if mood in KONJUNKTIV else "indicative"), verb


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


def reported_speech_forms(lexicon: Lexicon) -> frozenset[str]:
    """The forms of ``konjunktiv.tsv`` that may mark reported speech by themselves.

    A form with a Konjunktiv I reading („sei“, „habe“, „werde“) or a reportive one
    („soll“, „wolle“). Without a backend's morphology a listed form has the mood of
    one of its readings (:func:`finite_mood`), so a clause without these forms
    shows neither a listed Konjunktiv I nor hearsay.
    """
    return lexicon.reported_speech_forms


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
    morph = lexicon.morph
    text = word_at(doc, index)
    if not text or not lexicon.is_reportive(text):
        return False
    start, end = clause_at(doc, lexicon, index)
    for j in range(start, end):
        lower = word_at(doc, j).lower()
        if lower in morph.hearsay:
            return True
        if j - 1 in (index, start - 1) or lower not in morph.perfect_aux:
            continue
        previous = word_at(doc, j - 1)
        if (
            previous[:1].islower()
            and previous not in morph.modal_inf
            and is_verb_form(doc, lexicon, j - 1, morph)
        ):
            return True  # participle + haben/sein: „unterschlagen haben“, „gewesen sein“
    return False
