"""Clause helpers of the speaker strategies: frames, clause subjects, passives.

The strategies in :mod:`~quotecheck.attribution.speakers` ask these helpers
where a frame's verb is, which noun phrase is the subject of its clause and
whether the clause is passive. In „Der Minister erklärte am Montag, …“
:func:`_subject_in_clause` finds „Der Minister“; in „Kim wurde von der Zeitung
mit den Worten zitiert“ :func:`is_passive` is true; in „Merkel: „…““
:func:`_colon_speaker` reads „Merkel“ before the colon.
"""

from __future__ import annotations

import bisect
from array import array

import attrs
from attrs import frozen

from quotecheck import tuning
from quotecheck.analysis.base import Doc, document_memo
from quotecheck.attribution.naming import is_medium
from quotecheck.attribution.nounphrase import NounPhrase, can_be_subject, is_capitalised, name_link_at, extended, np_ending_at, parse_noun_phrase, with_apposition, with_attached, adverbial_phrase
from quotecheck.attribution.words import (
    function_word_classes,
)
from quotecheck.lexicon import DETERMINER_CLASSES, Lexicon
from quotecheck.rules import dependency
from quotecheck.rules.candidate import Candidate, overlaps
from quotecheck.rules.clauses import classes_at
from quotecheck.rules.source_phrases import source_phrase_at


def _verb_frame(cand: Candidate) -> tuple[int, int, int] | None:
    """(start, end, verb token) of a frame with a speech verb, or None for verbless frames."""
    if cand.cue is None or cand.frame is None:
        return None
    return cand.frame[0], cand.frame[1], cand.cue.tokens[0]


def _verbless_cue(doc: Doc, cand: Candidate) -> int | None:
    """The cue token of a frame without a speech verb („so“, a colon), if there is one."""
    if cand.cue is not None or cand.frame is None or not cand.cue_spans:
        return None
    return doc.layer.token_at(cand.cue_spans[0][0])


def _colon_speaker(doc: Doc, lexicon: Lexicon, start: int, colon: int) -> NounPhrase | None:
    """The speaker of a colon frame without a speech verb.

    „Merkel: „…““ (a noun phrase alone) names the speaker right before the colon;
    a clause („Hier sparte der Bundespräsident nicht mit Kritik: „…““, „Im Kongress
    warb Obama mit den Worten: „…““) names it as its subject, not as the noun
    phrase that happens to end at the colon.
    """
    so = next((k for k in range(colon - 2, start, -1) if doc.tokens[k].text.lower() in lexicon.rule_words.so_frame and doc.tokens[k - 1].text == ","), None)
    if so is not None and (np := parse_noun_phrase(doc, lexicon, so + 1, colon)) is not None:
        return np  # „…, so Elshorst weiter: „…““
    verb = _verb_outside_mentions(doc, lexicon, start, colon)
    if verb is None:
        # „Die Kanzlerin Angela Merkel, CDU: „…““, „Der Minister in Berlin: „…““: the first mention
        np = parse_noun_phrase(doc, lexicon, start, colon)
        return extended(doc, lexicon, np, colon) if np is not None else np_ending_at(doc, lexicon, colon, start)
    speaker, _ = _subject_in_clause(doc, lexicon, start, colon, verb)
    return speaker if speaker is not None else np_ending_at(doc, lexicon, colon, start)


def _verb_outside_mentions(doc: Doc, lexicon: Lexicon, start: int, end: int) -> int | None:
    """The first lower-case word in ``[start, end)`` that is no part of a noun phrase: a verb."""
    tokens = doc.tokens
    i = start
    while i < end:
        np = parse_noun_phrase(doc, lexicon, i, end, coordination=False)
        if np is not None and np.end > i:
            i = np.end
            continue
        tok = tokens[i]
        if tok.kind == "word" and tok.text[:1].islower() and not function_word_classes(lexicon, tok.text):
            return i
        i += 1
    return None


def _given_speaker(doc: Doc, lexicon: Lexicon, start: int, end: int) -> NounPhrase:
    """The mention in a token range a rule marked as the speaker.

    The rule's range may run on („die Polizei am Sonntag“): the noun phrase at its
    start is the mention. An apposition after a comma names the entity („Die
    Regierungschefs Italiens und Griechenlands, Paolo Ferri und Eleni Mavrou“).
    """
    np = parse_noun_phrase(doc, lexicon, start, end)
    if np is None:
        # „Ihm zufolge“: a dative pronoun the according-to rule marked, resolved as „er“
        pronoun = object_pronoun(lexicon, doc.tokens[start].text, start, "dat") if end - start == 1 else None
        return pronoun or NounPhrase(start, end)
    np = with_attached(doc, lexicon, np, end)  # „Der Bürgermeister von Marathonas, Giorgos Leventis“
    if np.end + 1 < end and doc.tokens[np.end].text == ",":
        apposition = parse_noun_phrase(doc, lexicon, np.end + 1, end)
        if apposition is not None and apposition.name_tokens:
            return attrs.evolve(apposition, start=np.start)
    return np


def object_pronoun(lexicon: Lexicon, word: str, i: int, case: str) -> NounPhrase | None:
    """A third-person object pronoun, as the subject pronoun it stands for.

    „zitierte ihn die Agentur“ (``case`` „acc“): „ihn“ is „er“; „Ihm zufolge“,
    „Ihnen zufolge“ („dat“): „er“ and „sie“. „es“ and the reflexive „sich“ stand
    for no speaker.
    """
    lower = word.lower()
    readings = [r for r in lexicon.pronouns.get(lower, ()) if r.case == case and r.person == 3]
    if not readings or lower in lexicon.attribution.reflexives:
        return None
    genders = {r.gender for r in readings}
    words = lexicon.attribution
    if "m" in genders:
        pronoun = words.masculine_pronoun
    elif "f" in genders or any(r.number == "pl" for r in readings):
        pronoun = words.feminine_pronoun
    else:
        return None
    return NounPhrase(i, i + 1, pronoun=pronoun)


def _mention_in(doc: Doc, lexicon: Lexicon, found: tuple[int, int] | None) -> NounPhrase | None:
    """A noun phrase over a token range a parse gave (keeping the parse's range)."""
    if found is None:
        return None
    start, end = found
    np = parse_noun_phrase(doc, lexicon, start, end)
    return attrs.evolve(np, end=end) if np is not None else NounPhrase(start, end)


def _speaker_of_parse(
    doc: Doc, lexicon: Lexicon, cand: Candidate
) -> tuple[NounPhrase | None, NounPhrase | None]:
    """Speaker and addressee from the dependency tree: the cue's subject and dative.

    With „zitieren“ in the passive the quoted person is the passive subject and
    the agent („von der Zeitung“) is a source, found by :func:`find_sources`.
    """
    assert cand.cue is not None
    verb = cand.cue.tokens[0]
    passive_subject = dependency.passive_subject_of(doc, verb) if _quoting(lexicon, cand) else None
    speaker = passive_subject if passive_subject is not None else dependency.subject_of(doc, verb, lexicon)
    return _mention_in(doc, lexicon, speaker), _mention_in(doc, lexicon, dependency.addressee_of(doc, verb, lexicon))


#: Words that open a verb-final clause embedded in a frame („, ob …“, „, wann …“, „, weil …“).
_CLAUSE_OPENERS = frozenset({"subordinator", "complementizer", "w_word"})


def _main_clause_start(doc: Doc, lexicon: Lexicon, start: int, verb: int) -> int:
    """Where the cue's own clause starts when the frame opens with a subordinate clause.

    „Wie die Zeitung meldete, soll der Minister gesagt haben: „…““: the subject of
    „gesagt“ is after the comma; „die Zeitung“ belongs to the wie-clause. So too
    after a clause embedded in the frame („Auf die Frage, ob …, antwortete sie“).
    """
    comma = next((k for k in range(verb - 1, start, -1) if doc.tokens[k].text == ","), None)
    if comma is None:
        return start
    if classes_at(doc, lexicon, start) & {"subordinator", "w_word"}:
        return comma + 1
    # „Auf die Frage, ob auch Reis geliefert werde, antwortete sie“: the question is no subject
    opened = any(
        doc.tokens[k].text == "," and classes_at(doc, lexicon, k + 1) & _CLAUSE_OPENERS for k in range(start, comma)
    )
    return comma + 1 if opened else start


def _quoting(lexicon: Lexicon, cand: Candidate) -> bool:
    """Whether the cue is „zitieren“, alone or in a phrase („mit den Worten zitiert“)."""
    cue = cand.cue
    if cue is None:
        return False
    base = cue.verb.base if cue.verb is not None else None
    return cue.lemma in lexicon.attribution.quote_verbs or base in lexicon.attribution.quote_verbs


def _finite_position(doc: Doc, lexicon: Lexicon, start: int, verb: int) -> int:
    """The finite verb of the cue's clause: an auxiliary before it („hatte … erklärt“) or the cue."""
    tokens = doc.tokens
    for j in range(start, verb):
        if "aux" in function_word_classes(lexicon, tokens[j].text) and tokens[j].text[:1].islower():
            if not any(tokens[k].text == "," for k in range(j + 1, verb)):
                return j
    return verb


def _subject_in_clause(
    doc: Doc, lexicon: Lexicon, start: int, end: int, verb: int
) -> tuple[NounPhrase | None, NounPhrase | None]:
    """(subject, dative addressee) of the cue's clause ``[start, end)`` on the surface.

    German puts one constituent before the finite verb: when it is a nominative
    noun phrase it is the subject, with everything up to the verb („Das tibetische
    Exilparlament im indischen Dharamshala erklärte“). Otherwise (an adverb, a
    prepositional phrase, an object) the subject is the first nominative noun
    phrase of the clause after it, past prepositional phrases and datives
    („Am Freitag hatte Verlagsleiter Lutz Schumacher den Mitarbeitern erklärt“,
    „Der Politik schlug er vor“).
    """
    finite = _finite_position(doc, lexicon, start, verb)
    front = _subject_before_finite(doc, lexicon, start, end, finite)
    if front is not None:
        return front, None
    addressee = None
    i = start
    limit = min(end, len(doc.tokens))
    while i < limit:
        step = _clause_step(doc, lexicon, i, limit, (finite, verb))
        if step is None:
            break
        if step.subject is not None:
            return extended(doc, lexicon, step.subject, limit), addressee
        if step.dative is not None and addressee is None and (i > verb or is_medium(doc, lexicon, step.dative)):
            addressee = step.dative  # „Dem estnischen Rundfunk ERR sagte Lepik“: a medium before the verb too
        i = step.next
    return None, addressee


def _subject_before_finite(doc: Doc, lexicon: Lexicon, start: int, end: int, finite: int) -> NounPhrase | None:
    """The subject before the finite verb, unless a pronoun after the verb is the subject.

    „Die Entscheidung begrüßte er“: a description without role or name before
    the verb and an unambiguous subject pronoun after it make the description
    the object.
    """
    if finite <= start:
        return None
    front = _front_subject(doc, lexicon, start, finite)
    if front is None:
        return None
    pronoun = parse_noun_phrase(doc, lexicon, finite + 1, end) if finite + 1 < end else None
    if pronoun is not None and pronoun.pronoun in lexicon.attribution.nominative_pronouns and front.determiner is not None and (
        front.role is None and not front.name_tokens
    ):
        return None
    return front


@frozen
class _Step:
    """What the word at a position of a clause is, and where the next one starts."""

    next: int
    subject: NounPhrase | None = None
    dative: NounPhrase | None = None


def _clause_step(doc: Doc, lexicon: Lexicon, i: int, limit: int, verbs: tuple[int, int]) -> _Step | None:
    """The constituent at ``i`` while looking for a subject: skipped, a dative, or the subject.

    None at a colon, semicolon or quotation mark, where the clause ends.
    """
    tok = doc.tokens[i]
    if tok.text == "(":
        # „teilte am Abend (Ortszeit) mit“: a bracketed aside holds no constituent of the clause
        return _Step(next((k + 1 for k in range(i + 1, limit) if doc.tokens[k].text == ")"), limit))
    if i in verbs or tok.kind != "word":
        return None if tok.text in (":", ";") or tok.kind == "quote" else _Step(i + 1)
    if "addressee_prep" in function_word_classes(lexicon, tok.text):
        # „Gegenüber dem Blatt sprach Ott von …“ (before the verb only a medium: „Vor Gericht sagte er“)
        np = parse_noun_phrase(doc, lexicon, i + 1, limit, coordination=False)
        if np is not None and np.pronoun is None:
            return _Step(np.end, dative=np)
    skipped = _phrase_end(doc, lexicon, i, limit, prefield=i < verbs[0])
    if skipped is not None:
        return _Step(skipped)
    classes = function_word_classes(lexicon, tok.text)
    if tok.text[:1].islower() and not classes & DETERMINER_CLASSES and tok.text.lower() not in lexicon.attribution.speaker_pronouns:
        return _Step(i + 1)
    # no noun phrase runs over the finite verb: „Das kündigte Minister Ole Berg an“ is no „das kündigte …“
    np = parse_noun_phrase(doc, lexicon, i, verbs[0] if i < verbs[0] else limit)
    if np is None:
        return _Step(i + 1)
    if np.dative or "not_nominative" in function_word_classes(lexicon, np.determiner or ""):
        return _Step(max(np.end, i + 1), dative=np if np.dative else None)
    if np.pronoun is not None and np.pronoun not in lexicon.attribution.speaker_pronouns:
        return _Step(i + 1)
    return _Step(np.end, subject=np)


def _phrase_end(doc: Doc, lexicon: Lexicon, i: int, limit: int, prefield: bool = False) -> int | None:
    """The end of an according-to or prepositional phrase at ``i``: no subject is inside.

    „sagte nach Angaben der Nachrichtenagentur Reuters“, „erklärte am Montag in Berlin“.
    The genitive attribute of its noun belongs to it: „des Vereins“ anywhere, and in
    the prefield (``prefield``: before the finite verb, where only one constituent
    stands) „der Praxis“ too („Auf der Internetseite der Praxis wird Lang zitiert“);
    after the verb „der“ may open the subject („erklärte am Montag der Minister“).
    """
    phrase = source_phrase_at(doc, lexicon, i, i, limit)
    if phrase is not None and phrase.entry.position in _OWNER_AFTER:
        return phrase.span.end
    if function_word_classes(lexicon, doc.tokens[i].text) & _PREPOSITIONS:
        np = parse_noun_phrase(doc, lexicon, i + 1, limit, coordination=False)
        if np is None:
            return i + 1
        end = np.end
        openers = lexicon.rule_words.genitive_openers if prefield else lexicon.rule_words.genitive
        while end < limit and doc.tokens[end].text.lower() in openers:  # „am Rande der Konferenz der Minister“
            genitive = parse_noun_phrase(doc, lexicon, end, limit, coordination=False)
            if genitive is None or genitive.end <= end:
                break
            end = genitive.end
        return end
    return None


_PREPOSITIONS = frozenset({"prep", "addressee_prep", "source_prep"})
#: Positions of ``according_to.tsv`` whose owner follows the phrase („nach Angaben der Polizei“).
_OWNER_AFTER = frozenset({"pre", "circum"})


def _front_subject(doc: Doc, lexicon: Lexicon, start: int, finite: int) -> NounPhrase | None:
    """The subject filling the whole position before the finite verb, if it is one."""
    np = _front_noun_phrase(doc, lexicon, start, finite)
    if np is None:
        return None
    tokens = doc.tokens
    np = with_apposition(doc, lexicon, np, finite)
    stop = _attributes_end(doc, lexicon, np.end, finite)
    while stop > np.end and tokens[stop - 1].text in (",", "–", "—"):
        stop -= 1
    if np.end >= stop:
        return attrs.evolve(np, end=stop)
    # the rest must be attributes of the noun (prepositional phrases, brackets,
    # a relative clause after a comma), not a clause of its own
    if any(tokens[k].kind == "quote" or tokens[k].text in (":", ";") for k in range(np.end, stop)):
        return np
    return _named_after_comma(doc, lexicon, np, stop) or attrs.evolve(np, end=stop)


def _front_noun_phrase(doc: Doc, lexicon: Lexicon, start: int, finite: int) -> NounPhrase | None:
    """A nominative noun phrase opening the clause („Der Minister“, „Er“), not an adverb or a verb."""
    word = doc.tokens[start].text
    classes = function_word_classes(lexicon, word)
    if _capitalised_particle_name(doc, lexicon, start, finite):
        return NounPhrase(start, start + 2, name_tokens=(start, start + 1))
    if doc.tokens[start].kind != "word" or classes & (_PREPOSITIONS | {"conj", "adverbial", "time"}):
        return None
    if not word[:1].isupper() and not classes & {"det", "possessive"} and word.lower() not in lexicon.attribution.speaker_pronouns:
        return None  # „dankte den Menschen …“: a verb, not a noun phrase
    np = parse_noun_phrase(doc, lexicon, start, finite)
    if np is None or not can_be_subject(np, lexicon) or (np.pronoun is not None and np.pronoun not in lexicon.attribution.speaker_pronouns):
        return None
    return np


def _capitalised_particle_name(doc: Doc, lexicon: Lexicon, start: int, finite: int) -> bool:
    """„Von Hallberg sagte …“ after „Clemens von Hallberg“: the particle opens the sentence, capitalised.

    Only a surname the text has written with its lower-case particle before
    („von Hallberg“), and only right before the finite verb: „Von Berlin aus
    sagte er“ is a prepositional phrase.
    """
    tokens = doc.tokens
    if finite != start + 2 or not is_capitalised(doc, start) or not is_capitalised(doc, start + 1):
        return False
    link, surname = tokens[start].text.lower(), tokens[start + 1].text
    if link not in lexicon.words.name_links:
        return False
    first = document_memo(doc, ("particle surnames", id(lexicon)), lambda: _particle_surnames(doc, lexicon)).get((link, surname))
    return first is not None and first < start - 1


def _particle_surnames(doc: Doc, lexicon: Lexicon) -> dict[tuple[str, str], int]:
    """Where each lower-case particle and surname after a capitalised word („Clemens von Hallberg“) first stands.

    Read once per document and only when a sentence opens with a capitalised
    particle: asking the text before each such sentence afresh read a document
    of „Von Hallberg sagte …“ sentences quadratically.
    """
    tokens = doc.tokens
    links = lexicon.words.name_links
    first: dict[tuple[str, str], int] = {}
    for k in range(1, len(tokens) - 1):
        text = tokens[k].text
        if text in links and is_capitalised(doc, k - 1):
            first.setdefault((text, tokens[k + 1].text), k)
    return first


def _named_after_comma(doc: Doc, lexicon: Lexicon, np: NounPhrase, stop: int) -> NounPhrase | None:
    """„Die Verhandlungsführerin der Allianz kleiner Inselstaaten, Mele Tuilagi,“: the name names her."""
    comma = next((k for k in range(stop - 2, np.end - 1, -1) if doc.tokens[k].text == ","), None)
    if comma is None or np.name_tokens:
        return None
    named = parse_noun_phrase(doc, lexicon, comma + 1, stop, coordination=False)
    if named is not None and named.name_tokens and named.end == stop and named.pronoun is None:
        return attrs.evolve(named, start=np.start, role=named.role or np.role, role_type=named.role_type or np.role_type)
    return None


def _attributes_end(doc: Doc, lexicon: Lexicon, start: int, finite: int) -> int:
    """Where the attributes of a subject before the finite verb end.

    Prepositional phrases and brackets belong to the mention („Das Exilparlament
    im indischen Dharamshala“); a relative clause („Deiss, der sich zu diesem
    Schritt entschlossen hatte,“) and an adverbial without article („aus heiterem
    Himmel“, „aus Sicherheitsgründen“) do not.
    """
    tokens = doc.tokens
    for k in range(start, finite - 1):
        word = tokens[k].text
        if word == "," and "relative" in classes_at(doc, lexicon, k + 1):
            return k
        classes = function_word_classes(lexicon, word)
        if "prep" in classes and "article_prep" not in classes and word.islower() and adverbial_phrase(doc, lexicon, k + 1):
            return k
    return finite


def _subject_left_of_frame(doc: Doc, lexicon: Lexicon, cand: Candidate, start: int) -> NounPhrase | None:
    """A subject before a frame that starts at its verb.

    „Ahmad Nuristani, der Vorsitzende der Wahlkommission, sagte, …“ and „Einer der
    Putschisten dankte den Menschen und ergänzte, …“: the rule's frame began at
    the verb; the subject opens the sentence, with no quoted text in between.
    """
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(start)]
    first = sentence.first
    if first >= start or start - first > tuning.FRONT_SUBJECT_TOKENS:
        return None
    if not (tokens[start - 1].text == "," or tokens[start - 1].text in lexicon.words.coordinators):
        return None
    left, right = tokens[first].start, tokens[start - 1].end
    if overlaps((left, right), cand.content) or _quote_between(doc, first, start):
        return None
    if tokens[start - 1].text == ",":
        return _front_subject(doc, lexicon, first, start - 1) if _no_verb(doc, lexicon, first, start - 1) else None
    np, _ = _subject_in_clause(doc, lexicon, first, start - 1, _first_verb(doc, lexicon, first, start - 1))
    return np


def _quote_between(doc: Doc, first: int, end: int) -> bool:
    """Whether a quotation mark is among the tokens ``[first, end)``.

    Looked up in the document's quotation-mark positions, found once: a sentence
    that never ends („… gut. so der Minister, so der Minister, Von Hallberg
    sagte, …“, no capital after the full stop) would otherwise be read from its
    start again at every frame in it.
    """
    marks = document_memo(doc, "quotation mark tokens", lambda: array("I", (k for k, tok in enumerate(doc.tokens) if tok.kind == "quote")))
    return bisect.bisect_left(marks, first) < bisect.bisect_left(marks, end)


def _no_verb(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """No finite verb outside commas: the range is one noun phrase with appositions."""
    depth = 0
    for k in range(start, end):
        text = doc.tokens[k].text
        if text == ",":
            depth ^= 1
        elif depth == 0 and (text.lower() in lexicon.speech_verbs or "aux" in function_word_classes(lexicon, text)):
            return False
    return True


def _first_verb(doc: Doc, lexicon: Lexicon, start: int, end: int) -> int:
    """The first word after the first noun phrase: the finite verb of a verb-second clause."""
    np = parse_noun_phrase(doc, lexicon, start, end)
    return np.end if np is not None and np.end < end else start


def _elided_subject(
    doc: Doc, lexicon: Lexicon, cand: Candidate, verb: int
) -> tuple[NounPhrase, NounPhrase] | None:
    """„Kim sprach es nicht an, sagte Putin jedoch, er werde …“ → (Kim, Putin).

    The cue opens a second main clause after a comma, its content follows, and
    the sentence began with a subject and a verb of its own: the subject is
    shared, and the name after the cue is the (dative) addressee.
    """
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(verb)]
    if verb - 1 <= sentence.first or tokens[verb - 1].text != "," or cand.content[0][0] < tokens[verb].end:
        return None
    subject = parse_noun_phrase(doc, lexicon, sentence.first, verb)
    if subject is None or subject.end >= verb - 1 or subject.dative:
        return None
    after_subject = tokens[subject.end]
    if after_subject.kind != "word" or not after_subject.text[:1].islower():
        return None
    named = parse_noun_phrase(doc, lexicon, verb + 1, len(tokens), coordination=False)
    if named is None or named.pronoun is not None or named.determiner is not None or not named.name_tokens:
        return None
    nxt = tokens[named.end] if named.end < len(tokens) else None
    if nxt is None or not (nxt.text == "," or "adverbial" in function_word_classes(lexicon, nxt.text)):
        return None
    return subject, named


def is_passive(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """A passive with an agent in ``[start, end)``: a form of „werden“, an agent „von“ and a participle after it.

    „wurde von der Zeitung zitiert“, „…, die von ANP zitiert wurde“. Not a „von“
    inside a name („Ursula von der Leyen wird sagen“) nor a future with an
    infinitive („wird von Kiel aus sagen“): the participle must follow the agent.
    """
    tokens = doc.tokens
    if not any("passive_aux" in function_word_classes(lexicon, tokens[k].text.lower()) for k in range(start, end)):
        return False
    for k in range(start, end):
        if "source_prep" not in function_word_classes(lexicon, tokens[k].text.lower()) or (k > start and name_link_at(doc, lexicon, k, end)):
            continue
        if any(_participle(doc, lexicon, p) for p in range(k + 2, end)):
            return True
    return False


def _participle(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    """„zitiert“, „bestätigt“, „bezeichnet“, „gesagt“: a past participle of a speech verb, not its infinitive."""
    word = doc.tokens[i].text
    if not word.islower() or not word.endswith(("t", "en")):
        return False
    lemma = doc.lemma(i).lower()
    speech = lemma in lexicon.speech_verbs or lemma in lexicon.attribution.quote_verbs
    return speech and (word != lemma or lexicon.morph.may_be_participle(word))
