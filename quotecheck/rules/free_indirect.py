"""Free indirect speech: Konjunktiv sentences that continue someone's reported speech.

Pipeline stage 2 (rules), after all frame-based rules: it continues their quotes.

German news continues an indirect quote over several sentences without repeating
the frame: „Kim sagte, die Zusammenarbeit habe sich verstärkt. Man werde sie
ausbauen.“ The second sentence is a quote of Kim because of its Konjunktiv
alone. The rule reads the document as *runs*: a run starts at a sentence that
holds a quote, or at a speech act told without a content clause („Der
Bürgermeister zeigte sich erleichtert.“, „Der Trainer redete anerkennend über die
Konkurrenz.“: its subject is the speaker of the run), and goes on, in the same or
the next paragraph, through every sentence whose main clause is in Konjunktiv.

What a sentence is, is read from its *main clause* (:func:`read_sentence`): a
sentence may open with a subordinate clause in the indicative („Erst als die
Polizei eintraf, habe sich die Menge zerstreut.“, „Ob …, sei offen.“, „Wer jetzt
spare, zahle …“), with a participle („Verletzt worden sei keiner der Gäste.“) or
an infinitive („Entschuldigen wolle er sich nicht.“). Then:

* Konjunktiv I or II in the main clause continues the run;
* a preterite form that may be Konjunktiv II („Die Pflegekräfte leisteten längst
  Überstunden und schliefen zu wenig.“) continues it only when the next sentence
  does: inside a run the Ersatzkonjunktiv of the plural looks like the past;
* one sentence whose mood cannot be read (no finite verb found) is passed over
  and does not end the run;
* an indicative main clause ends it, and a narrator's past counterfactual („Hätte
  der Verein früher reagiert, wäre der Abstieg vermeidbar gewesen.“) ends it too:
  it comments, it does not report.

A main clause whose verb is a listed Konjunktiv I form („sei“, „habe“, „werde“,
„müsse“: ``konjunktiv.tsv``) starts a run by itself, with no quote before it
(:data:`~quotecheck.tuning.KONJUNKTIV_I_STARTS_RUN`): in news text that mood is
the mark of reported speech („Der Vorstand tagte bis in die Nacht. Man habe keine
Wahl gehabt.“); its speaker is inherited. Konjunktiv II („hätte“, „würde“) and
forms only guessed from their shape do not start one.

Inside a run, a main clause with sollen/wollen reports a plan or an intention
(„Die Ministerin sagte, die Reform komme. Die Schulen sollen mehr Geld
erhalten.“; :data:`~quotecheck.tuning.MODAL_CONTINUES_RUN`): it continues the run
in the indicative; outside a run it is the narrator's.

Reportive sollen/wollen („Der Täter soll geflohen sein“, „Er soll resistent gegen
Medikamente sein“) attributes hearsay by itself, without a Konjunktiv: such a
sentence is free indirect speech even when no quote precedes it (its speaker is
then unknown), and it continues a run like a Konjunktiv one. An indicative
sentence is never labelled subjunctive: its quote's ``mood`` is ``indicative``.
"""

from __future__ import annotations

from typing import Sequence

from attrs import frozen

from quotecheck import tuning
from quotecheck.analysis.base import Doc, recent_memo
from quotecheck.lexicon import DETERMINER_CLASSES, Lexicon
from quotecheck.morph import clause_mood, find_finite, find_subject, finite_mood, is_reportive, reported_speech_forms
from quotecheck.ranges import TokenRange
from quotecheck.rules.candidate import Candidate, CueMatch, char_span
from quotecheck.rules.clauses import classes_at, has_words, tokens_between
from quotecheck.rules.cues import cue_positions, find_cue_among
from quotecheck.rules.pipeline import Claims
from quotecheck.text import Sentence
from quotecheck.verbforms import (
    PRET,
    finite_capable,
    first_word,
    is_verb_form,
    lemma_of,
    readings_of,
    shape_of,
    stem_of,
    word_at,
)

__all__ = ["FreeIndirectRule", "SentenceReading", "find_free_indirect", "read_sentence"]

#: Clause-word classes that open a subordinate clause („Ob …“, „Wenn …“, „Wer …“, „Erst als …“).
_SUBORDINATE = frozenset({"subordinator", "complementizer", "w_word", "relative_adverb", "conditional"})


@frozen
class SentenceReading:
    """What the verbs of one sentence say about it (see :func:`read_sentence`).

    ``mood`` is the main clause's: ``subjunctive``, ``indicative`` or None when no
    finite verb was found; ``past_like`` marks an indicative main clause whose
    verb is a preterite form that may be Konjunktiv II („leisteten“, „schliefen“);
    ``irrealis`` a past counterfactual condition with its consequence („Hätte …
    reagiert, wäre …“); ``reportive`` hearsay sollen/wollen; ``konjunktiv_i`` a
    main clause whose verb is a listed Konjunktiv I form (``konjunktiv.tsv``: „Er
    habe sich gestellt.“), the mood of reported speech itself; ``modal`` a main
    clause whose verb is sollen/wollen without a hearsay reading („Die Schulen
    sollen mehr Geld erhalten.“): a plan, reported inside a run.
    """

    mood: str | None
    past_like: bool = False
    irrealis: bool = False
    reportive: bool = False
    konjunktiv_i: bool = False
    modal: bool = False


def _clauses(doc: Doc, lexicon: Lexicon, sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """The sentence cut at boundary marks (commas, dashes, quotation marks …) into clauses with words.

    Read once per sentence (the cue test, the speech act and the reading of a
    sentence each ask): „Er kam, sah und siegte.“ is ``((0, 2), (3, 6))``.
    """
    return recent_memo(doc, ("free indirect clauses", id(lexicon)), sentence.first, lambda: _cut(doc, lexicon, sentence))


def _cut(doc: Doc, lexicon: Lexicon, sentence: Sentence) -> tuple[tuple[int, int], ...]:
    boundaries = lexicon.morph.boundaries
    out = []
    start = sentence.first
    words = False  # whether [start, j) holds a word
    for j, tok in enumerate(tokens_between(doc, sentence.first, sentence.last), sentence.first):
        if tok.text in boundaries or tok.kind == "quote":
            if words:
                out.append((start, j))
            start = j + 1
            words = False
        elif tok.kind == "word":
            words = True
    if words:
        out.append((start, sentence.last))
    return tuple(out)


def _verb_first_condition(doc: Doc, lexicon: Lexicon, clause: tuple[int, int], n: int, count: int) -> bool:
    """„Hätte der Verein früher reagiert, …“: a sentence-initial verb-first clause before another clause."""
    first = first_word(doc, *clause, lexicon.morph)
    if n != 0 or count < 2 or first is None or doc.tokens[doc.sentences[doc.layer.sentence_index(first)].last - 1].text == "?":
        return False
    word = word_at(doc, first)
    return bool(readings_of(word, lexicon)) and word.lower() not in lexicon.closed_words


def _subordinate(doc: Doc, lexicon: Lexicon, clause: tuple[int, int], n: int, count: int) -> bool:
    """Whether the clause is subordinate: opened by a subordinator or a w-word (after a
    particle, too: „Erst als …“), a relative word with the verb at the end, or a verb-first condition."""
    first = first_word(doc, *clause, lexicon.morph)
    if first is None:
        return False
    classes = classes_at(doc, lexicon, first)
    if classes & _SUBORDINATE or _verb_first_condition(doc, lexicon, clause, n, count):
        return True
    if first + 1 < clause[1] and classes_at(doc, lexicon, first + 1) & _SUBORDINATE and _adverb(lexicon, first, doc):
        return True  # an adverb before the subordinator: „Erst als …“, „Auch wenn …“
    relative = "relative" in classes or (
        "preposition" in classes and first + 1 < clause[1] and "relative" in classes_at(doc, lexicon, first + 1)
    )  # „…, für die BASF eine Genehmigung erwirken möchte, …“
    if relative and n > 0:
        verb = find_finite(doc, lexicon, *clause)
        last_word = max((j for j in range(*clause) if doc.tokens[j].kind == "word"), default=None)
        return verb is not None and verb == last_word
    return False


def _adverb(lexicon: Lexicon, index: int, doc: Doc) -> bool:
    """Whether the word is a sentence adverb („Erst“, „Auch“, „Dabei“: ``adverbial`` in function_words.tsv)."""
    return "adverbial" in lexicon.function_words.get(word_at(doc, index).lower(), frozenset())


def _fronted_finite(doc: Doc, lexicon: Lexicon, start: int, end: int, verb: int) -> int:
    """The finite verb after a fronted participle or infinitive: the last listed form of the verb run.

    „Verletzt worden sei keiner der Gäste.“: the surface finder stops at „worden“;
    „Entschuldigen wolle er sich nicht.“: the finite verb closes the run of verb forms
    that follows the fronted one.
    """
    morph = lexicon.morph
    first = first_word(doc, start, end, morph)
    if first is None or verb <= first or not word_at(doc, first)[:1].isupper():
        return verb
    if not finite_capable(doc, lexicon, first, morph)[1]:
        return verb  # the first word is no participle or infinitive
    if any(not is_verb_form(doc, lexicon, j, morph) for j in range(first + 1, verb + 1)):
        return verb
    j = verb
    while j + 1 < end and readings_of(word_at(doc, j + 1), lexicon) and is_verb_form(doc, lexicon, j + 1, morph):
        j += 1
    return j


#: Endings of an inflected adjective between a determiner and its noun.
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _attributive(doc: Doc, lexicon: Lexicon, index: int, end: int) -> bool:
    """Whether a guessed verb form is an adjective in a noun phrase („das achte Land“, „die letzte große Pandemie“).

    It follows a determiner and is no listed verb form („das sei“ stays a verb);
    after a determiner that may be a subject pronoun („das“, „dies“:
    ``subject_pronoun`` in clause_words.tsv) the words after it up to a capitalised
    noun must look like inflected adjectives („Das bedeute nicht …“, „Dies bedeute
    eine Wende“ stay verbs).
    """
    text = word_at(doc, index)
    if readings_of(text, lexicon) or index == 0 or not text[:1].islower():
        return False
    if text.lower().startswith(lemma_of(doc, index) + "d"):
        return True  # a present participle: „die als repräsentativ geltende Studie“
    if _before_noun(doc, lexicon, index, end):
        return True  # „explizit antisemitische Äußerungen“
    before = word_at(doc, index - 1).lower()
    if not lexicon.function_words.get(before, frozenset()) & DETERMINER_CLASSES:
        return False
    if "subject_pronoun" not in lexicon.clause.classes(before):
        return True  # „die sogenannte „…““, „Die zweite folgte“: no verb right after an article
    return _adjectives_to_noun(doc, lexicon, index + 1, end)


def _before_noun(doc: Doc, lexicon: Lexicon, index: int, end: int) -> bool:
    """A guessed form between a lower-case word that is no pronoun and a capitalised noun: an adjective.

    „Diese und andere explizit antisemitische Äußerungen sind …“; a verb in second
    place follows its subject or a capitalised first word („Die Regierung fordere
    Reformen“, „Zudem bedauere Müller …“), or precedes a pronoun („Dann fordere er …“).
    """
    before = word_at(doc, index - 1)
    if not before[:1].islower() or lexicon.pronouns.get(before.lower()) or doc.tokens[index - 1].kind != "word":
        return False
    return _adjectives_to_noun(doc, lexicon, index + 1, end)


def _adjectives_to_noun(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """Whether the words from ``start`` are inflected adjectives up to a capitalised noun („große Pandemie“)."""
    for j in range(start, end):
        word = word_at(doc, j)
        if word[:1].isupper():
            return True
        if not word.endswith(_ADJECTIVE_ENDINGS) or word.lower() in lexicon.closed_words:
            return False
    return False


def _main_finite(doc: Doc, lexicon: Lexicon, start: int, end: int) -> int | None:
    """The finite verb of a main clause, read more carefully than :func:`find_finite` alone.

    * an adverb that doubles as a subordinator, with a listed verb right after it,
      opens a main clause („Damit ist Chile …“, „Da war …“), and so does a sentence
      adverb with any verb form after it („Dabei kommen …“);
    * a sentence-initial noun that looks like a verb form is passed over when a
      finite verb follows it: „Hinweise nimmt die Polizei entgegen.“;
    * an adjective after a determiner or a present participle is no verb („Die
      letzte große Pandemie war …“, „die als repräsentativ geltende Studie“), nor
      is a subordinator („Umweltorganisationen wie der WWF …“);
    * after a fronted participle or infinitive, the finite verb closes the verb run
      (:func:`_fronted_finite`).
    """
    morph = lexicon.morph
    first = first_word(doc, start, end, morph)
    if first is None:
        return None
    if first + 1 < end and (word_at(doc, first).lower() in morph.subordinators or _adverb(lexicon, first, doc)):
        if finite_capable(doc, lexicon, first + 1, morph)[0] and (_adverb(lexicon, first, doc) or readings_of(word_at(doc, first + 1), lexicon)):
            return first + 1  # „Damit ist …“, „Dabei kommen …“
    begin = start
    while begin < end:
        verb = find_finite(doc, lexicon, begin, end)
        if verb is None:
            return None
        if verb == first and word_at(doc, verb)[:1].isupper() and not readings_of(word_at(doc, verb), lexicon):
            begin = verb + 1  # a sentence-initial noun („Versuche, …“, „Hinweise nimmt …“), not a verb-first clause
            continue
        if word_at(doc, verb).lower() not in morph.subordinators and not _attributive(doc, lexicon, verb, end):
            return _fronted_finite(doc, lexicon, start, end, verb)
        begin = verb + 1
    return None


def _clause_mood(doc: Doc, lexicon: Lexicon, clause: tuple[int, int]) -> tuple[str | None, int | None]:
    """``(subj1 | subj2 | ind | None, finite verb)`` of one clause.

    A backend with morphology (stanza) tells indicative from subjunctive first;
    the surface form tells Konjunktiv I from II.
    """
    start, end = clause
    if doc.feats is not None:
        parsed, verb = clause_mood(doc, lexicon, start, end)
        if parsed is not None and verb is not None:
            if parsed == "indicative":
                return "ind", verb
            mood = finite_mood(doc, lexicon, verb, find_subject(doc, lexicon, start, end, verb))
            return (mood if mood in ("subj1", "subj2") else "subj1"), verb
    verb = _main_finite(doc, lexicon, start, end)
    if verb is None:
        return None, None
    return finite_mood(doc, lexicon, verb, find_subject(doc, lexicon, start, end, verb)), verb


#: Stem vowels of a strong preterite whose Konjunktiv II takes an umlaut (traten → träten).
_UMLAUTABLE = ("a", "o", "u")


def _past_like(doc: Doc, lexicon: Lexicon, verb: int) -> bool:
    """Whether a verb read as indicative is a plural preterite that equals its Konjunktiv II.

    In a run of reported speech the Ersatzkonjunktiv of the plural is a weak
    preterite („leisteten“, „fehlten“) or a strong one without umlaut
    („schliefen“, „blieben“); „traten“, „kamen“ have a Konjunktiv II of their own
    („träten“, „kämen“), so they tell the past.
    """
    form = word_at(doc, verb).lower()
    if not form.endswith("en"):
        return False
    moods = {r.mood for r in readings_of(form, lexicon)}
    if moods:
        return moods >= {"ind", "subj2"} or "ambiguous" in moods
    if shape_of(doc, lexicon, verb, lexicon.morph) != PRET:
        return False
    stem = stem_of(lemma_of(doc, verb))
    if form.startswith(stem) and form[len(stem) :] in {ending + "n" for ending in lexicon.morph.weak_pret}:
        return True  # weak: leisteten (the plural of morph.tsv's ending_weak_pret)
    return not any(vowel in form[:-2] for vowel in _UMLAUTABLE)


def _counterfactual(doc: Doc, lexicon: Lexicon, clause: tuple[int, int], mood: str | None, verb: int | None) -> bool:
    """A condition in Konjunktiv II of a perfect auxiliary („Hätte der Verein früher reagiert“)."""
    if mood != "subj2" or verb is None:
        return False
    return any(r.lemma in lexicon.morph.perfect_aux for r in readings_of(word_at(doc, verb), lexicon))


def read_sentence(doc: Doc, lexicon: Lexicon, sentence: Sentence) -> SentenceReading:
    """The mood of a sentence's main clause, and whether it is past-like, counterfactual or reportive.

    >>> from quotecheck import Extractor
    >>> ex = Extractor()
    >>> doc = ex.analyse("Erst als die Polizei eintraf, habe sich die Menge zerstreut.")
    >>> read_sentence(doc, ex.lexicon, doc.sentences[0]).mood
    'subjunctive'
    """
    clauses = _clauses(doc, lexicon, sentence)
    # the lexicon's cheap test first: most words are no „soll“
    reportive = any(
        tok.kind == "word" and lexicon.is_reportive(tok.text) and is_reportive(doc, lexicon, k)
        for k, tok in enumerate(tokens_between(doc, sentence.first, sentence.last), sentence.first)
    )
    main: tuple[str | None, int | None] = (None, None)
    fallback: tuple[str | None, int | None] = (None, None)
    condition: tuple[str | None, int | None] = (None, None)
    for n, clause in enumerate(clauses):
        mood, verb = _clause_mood(doc, lexicon, clause)
        if mood is None:
            continue
        if not _subordinate(doc, lexicon, clause, n, len(clauses)):
            main = (mood, verb)
            break
        if fallback[0] is None:
            fallback = (mood, verb)
        if condition[0] is None and (_verb_first_condition(doc, lexicon, clause, n, len(clauses)) or _conditional(doc, lexicon, clause)):
            condition = (mood, verb)
    mood, verb = main if main[0] is not None else fallback
    if mood is None:
        return SentenceReading(None, reportive=reportive)
    if mood in ("subj1", "subj2"):
        irrealis = mood == "subj2" and _counterfactual(doc, lexicon, clauses[0], *condition)
        listed = verb is not None and bool(readings_of(word_at(doc, verb), lexicon))
        return SentenceReading("subjunctive", irrealis=irrealis, reportive=reportive, konjunktiv_i=mood == "subj1" and listed)
    past_like = verb is not None and _past_like(doc, lexicon, verb)
    modal = verb is not None and lexicon.is_reportive(word_at(doc, verb))
    if modal and verb is not None and tuning.SOLL_SEIN_IS_HEARSAY:
        reportive = reportive or _copula_last(doc, lexicon, verb, sentence)
    return SentenceReading("indicative", past_like=past_like, reportive=reportive, modal=modal)


def _copula_last(doc: Doc, lexicon: Lexicon, verb: int, sentence: Sentence) -> bool:
    """Whether bare „sein“ closes the clause of sollen/wollen: „Das Motiv soll Eifersucht sein.“ says what
    is claimed to be so (hearsay, or a plan someone announced: „Die Brücke soll im Mai fertig sein.“).

    „sein“ is the perfect auxiliary of morph.tsv that is no „haben“; with a
    participle before it („soll geflohen sein“) :func:`~quotecheck.morph.is_reportive`
    has already said so.
    """
    start, end = next(((a, b) for a, b in _clauses(doc, lexicon, sentence) if a <= verb < b), (verb, verb + 1))
    last = max((j for j in range(verb + 1, end) if doc.tokens[j].kind == "word"), default=None)
    return last is not None and word_at(doc, last) in lexicon.morph.perfect_aux and word_at(doc, last) != "haben"


def _conditional(doc: Doc, lexicon: Lexicon, clause: tuple[int, int]) -> bool:
    first = first_word(doc, *clause, lexicon.morph)
    return first is not None and word_at(doc, first).lower() in lexicon.clause.conditionals


def _speech_act(doc: Doc, lexicon: Lexicon, sentence: Sentence) -> TokenRange | None:
    """The subject of a sentence that tells a speech act, when it has one: the speaker of the run it starts.

    „Der Bürgermeister zeigte sich erleichtert.“, „Der Trainer redete anerkennend
    über die Konkurrenz.“: the finite speech verb of the main clause (strength of
    ``speech_verbs.tsv`` at least :data:`~quotecheck.tuning.RUN_ACT_STRENGTH`) with a
    subject that can speak (:func:`_may_speak`).
    """
    positions = cue_positions(doc, lexicon)
    if next(positions.within(doc, sentence.first, sentence.last), None) is None:
        return None  # no cue in the whole sentence („Der Zug hielt in Bonn.“): its clauses need not be told apart
    clauses = _clauses(doc, lexicon, sentence)
    for n, clause in enumerate(clauses):
        if _subordinate(doc, lexicon, clause, n, len(clauses)):
            continue
        start, end = clause
        for k in positions.within(doc, start, end):
            cue = find_cue_among(doc, lexicon, k, end, positions)
            if cue is None or not _run_cue(cue):
                continue
            verb = find_finite(doc, lexicon, start, end)  # only for a clause with a cue (remembered by clause)
            if verb is None or verb not in cue.tokens:
                continue
            subject = find_subject(doc, lexicon, start, end, verb)
            if subject is not None:
                subject = _after_fronted_object(doc, lexicon, subject, verb, end)
            return TokenRange(*subject) if subject is not None and _may_speak(doc, lexicon, subject) else None
        break  # only the first main clause tells the act
    return None


def _after_fronted_object(doc: Doc, lexicon: Lexicon, subject: tuple[int, int], verb: int, end: int) -> tuple[int, int]:
    """The subject after the verb when the word before it may be a fronted object.

    „Das kündigte Vorstandschef Tim Berger am Montag an.“: „Das“ is the object,
    the name after the verb is the speaker; „Er kündigte …“ keeps its pronoun.
    """
    first, last = subject
    word = word_at(doc, first).lower()
    readings = lexicon.pronouns.get(word, ())
    if last - first != 1 or word not in lexicon.closed_words or (readings and all(r.case == "nom" for r in readings)):
        return subject
    j = verb + 1
    while j < end and DETERMINER_CLASSES & lexicon.function_words.get(word_at(doc, j).lower(), frozenset()):
        j += 1
    k = j
    while k < end and doc.tokens[k].kind == "word" and word_at(doc, k)[:1].isupper() and not lexicon.pronouns.get(word_at(doc, k).lower()):
        k += 1
    return (verb + 1, k) if k > j else subject


def _run_cue(cue: CueMatch) -> bool:
    """A speech verb strong enough to start a run (a speech noun or an according-to phrase is not)."""
    return cue.verb is not None and cue.verb.strength >= tuning.RUN_ACT_STRENGTH


#: Clause-word classes that open an adverbial, not a subject („In vielen Teilen …“, „Zudem …“).
_NO_SUBJECT = frozenset({"preposition", "adverb"})


def _may_speak(doc: Doc, lexicon: Lexicon, subject: tuple[int, int]) -> bool:
    """Whether the first constituent can be a speaker: no prepositional phrase or adverb
    („Vor zwei Jahren warnte …“, „Zudem kritisierte …“ have their subject after the verb)."""
    first = subject[0]
    if classes_at(doc, lexicon, first) & _NO_SUBJECT:
        return False
    return "adverbial" not in lexicon.function_words.get(word_at(doc, first).lower(), frozenset())


def _has_cue(doc: Doc, lexicon: Lexicon, sentence: Sentence) -> bool:
    """Whether the sentence's finite verb is a strong speech verb: a frame of its own, no continuation.

    A speech verb under a modal is what was said („Entschuldigen wolle er sich nicht.“).
    """
    clauses = _clauses(doc, lexicon, sentence)
    positions = cue_positions(doc, lexicon)
    for start, end in clauses:
        for k in positions.within(doc, start, end):
            cue = find_cue_among(doc, lexicon, k, end, positions)
            if cue is not None and cue.verb is not None and cue.verb.strength >= tuning.ALWAYS_SPEECH:
                if find_finite(doc, lexicon, start, end) in cue.tokens:
                    return True
    return False


@frozen
class _Run:
    """A run of reported speech in progress: where it is, who started it, what is pending."""

    paragraph: int
    speaker: TokenRange | None = None  # set when a speech act without a quote started it
    pending: tuple[tuple[int, SentenceReading], ...] = ()  # a past-like sentence, kept until the run goes on
    passed: int = 0  # sentences passed over without ending the run


def _sentences_with_quotes(doc: Doc, candidates: Sequence[Candidate]) -> set[int]:
    quoted = {c.sentence for c in candidates}
    for c in candidates:
        for a, b in c.content:
            first = doc.layer.token_at(a)
            last = doc.layer.token_at(max(a, b - 1))
            if first is not None and last is not None:
                quoted.update(range(doc.layer.sentence_index(first), doc.layer.sentence_index(last) + 1))
    return quoted


def _candidate(doc: Doc, n: int, reading: SentenceReading, speaker: TokenRange | None) -> Candidate:
    """The free-indirect candidate of sentence ``n``; ``speaker`` when a speech act started its run."""
    sentence = doc.sentences[n]
    subjunctive = reading.mood == "subjunctive" or reading.past_like
    return Candidate(
        kind="free_indirect",
        content=(char_span(doc, sentence.first, sentence.last),),
        sentence=n,
        mood="subjunctive" if subjunctive else "indicative",
        confidence=tuning.FREE_INDIRECT_SUBJUNCTIVE if subjunctive else tuning.FREE_INDIRECT_REPORTIVE,
        speaker_tokens=speaker,
        inherit_speaker=speaker is None,
        rule="free_indirect.konjunktiv" if subjunctive else "free_indirect.reportive",
    )


def find_free_indirect(doc: Doc, lexicon: Lexicon, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Free-indirect sentences: the runs after the given candidates and after speech acts (module docstring)."""
    quoted = _sentences_with_quotes(doc, candidates)
    out: list[Candidate] = []
    run: _Run | None = None
    for n, sentence in enumerate(doc.sentences):
        if run is not None and sentence.paragraph - run.paragraph > 1:
            run = None
        if n in quoted:
            run = _Run(sentence.paragraph)
            continue
        if not has_words(doc, sentence.first, sentence.last, tuning.FREE_INDIRECT_WORDS) or doc.tokens[sentence.first].kind == "quote":
            run = _passed(run, sentence)
            continue
        found, run = _step(doc, lexicon, n, run)
        out.extend(found)
    return out


def _step(doc: Doc, lexicon: Lexicon, n: int, run: _Run | None) -> tuple[list[Candidate], _Run | None]:
    """The candidates sentence ``n`` gives (with pending ones before it) and the run after it."""
    sentence = doc.sentences[n]
    if run is None and doc.feats is None and not _may_start_run(doc, lexicon, sentence):
        return [], _started(doc, lexicon, sentence)  # as with a cue of its own: neither reading nor cue changes anything here
    if _has_cue(doc, lexicon, sentence):
        return [], _started(doc, lexicon, sentence)
    reading = read_sentence(doc, lexicon, sentence)
    if reading.reportive:
        return [_candidate(doc, n, reading, None)], _Run(sentence.paragraph)
    if run is None and not (reading.konjunktiv_i and tuning.KONJUNKTIV_I_STARTS_RUN):
        return [], _started(doc, lexicon, sentence)
    if run is None:
        return [_candidate(doc, n, reading, None)], _Run(sentence.paragraph)
    if reading.mood == "subjunctive" and not reading.irrealis:
        sentences = [*run.pending, (n, reading)]
        found = [_candidate(doc, k, r, run.speaker if i == 0 else None) for i, (k, r) in enumerate(sentences)]
        return found, _Run(sentence.paragraph)
    if reading.modal and tuning.MODAL_CONTINUES_RUN and not run.pending:
        return [_candidate(doc, n, reading, run.speaker)], _Run(sentence.paragraph)
    if reading.past_like and not run.pending:
        return [], _Run(sentence.paragraph, run.speaker, ((n, reading),), run.passed)
    if reading.mood is None:
        return [], _passed(run, sentence)
    return [], _started(doc, lexicon, sentence)


def _may_start_run(doc: Doc, lexicon: Lexicon, sentence: Sentence) -> bool:
    """Whether a sentence outside a run may start one by itself: it holds a listed form with a Konjunktiv I
    or a reportive reading (``konjunktiv.tsv``: „sei“, „habe“, „soll“).

    Without one, :func:`read_sentence` finds no listed Konjunktiv I and no hearsay
    (without a backend's morphology, the mood of a listed form is one of its
    readings), and only a speech act starts a run: „Der Zug hielt in Bonn.“ is read
    no further. Most sentences of a news text are such.
    """
    forms = reported_speech_forms(lexicon)
    return any(tok.kind == "word" and tok.text.lower() in forms for tok in tokens_between(doc, sentence.first, sentence.last))


def _passed(run: _Run | None, sentence: Sentence) -> _Run | None:
    """The run after a sentence that cannot be read: one is passed over, a second ends the run."""
    if run is None or run.passed >= tuning.FREE_INDIRECT_PASSED or run.pending:
        return None
    return _Run(sentence.paragraph, run.speaker, (), run.passed + 1)


def _started(doc: Doc, lexicon: Lexicon, sentence: Sentence) -> _Run | None:
    """A run started by a speech act without a quote („zeigte sich erleichtert.“), else no run."""
    speaker = _speech_act(doc, lexicon, sentence)
    return _Run(sentence.paragraph, speaker) if speaker is not None else None


class FreeIndirectRule:
    """Free indirect speech (:func:`find_free_indirect`): the last rule, as it continues the others' quotes.

    It reads every candidate found so far (``claims.candidates``), not only the
    claimed text: a sentence holding any quote's content is no continuation.
    """

    name = "free_indirect"
    requires = frozenset({"lemmas"})
    claims_frames = False

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]:
        return find_free_indirect(doc, lexicon, claims.candidates)
