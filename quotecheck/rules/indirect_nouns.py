"""Indirect speech after a noun of saying: „die Hoffnung, dass …“, „der Vorwurf, er habe …“.

Used by :mod:`quotecheck.rules.indirect`. It holds the noun construction
(„die Forderung der Eltern, die Schule früher zu öffnen“): the noun, the
attribute that names who said it („der Vorwurf der Opposition, …“) and the
content clause the noun takes (dass-, ob-, verb-second or zu-infinitive clause).
"""

from __future__ import annotations

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.attribution.nounphrase import can_be_subject, function_word_classes, parse_noun_phrase, with_apposition
from quotecheck.attribution.words import is_time_word
from quotecheck.morph import clause_mood, finite_mood
from quotecheck.verbforms import is_verb_form, participle
from quotecheck.ranges import TokenRange
from quotecheck.rules.candidate import Candidate, CueMatch, Evidence
from quotecheck.rules.clauses import classes_at, clause_end_over_titles, clause_start
from quotecheck.rules.content import content_end, ends_in_zu_infinitive
from quotecheck.rules.cues import find_cue
from quotecheck.rules.indirect_content import _candidate, _reported_frame, _v2_content_ok


def _speech_noun(doc: Doc, lexicon: Lexicon, i: int, last: int) -> Candidate | None:
    """„die Hoffnung, dass …“ / „der Vorwurf, er habe …“ / „die Forderung der Eltern, … zu …“.

    A noun of saying (``speech_nouns.tsv``), its attribute naming who said it („der
    Eltern“, „von Minister Kim“, „Frankreichs“) if any, a comma, and a content the
    noun takes: a dass- or ob-clause, a verb-second clause in Konjunktiv or a
    zu-infinitive. The attribute is the speaker.
    """
    tokens = doc.tokens
    noun = lexicon.speech_nouns.get(tokens[i].text)
    if noun is None or not noun.valency:
        return None
    owner = _noun_owner(doc, lexicon, i + 1, last)
    opening = clause_start(doc, i, doc.sentences[doc.layer.sentence_index(i)].first)
    after = owner.end if owner is not None else i + 1
    if not _opens_clause(doc, lexicon, opening, i, last):
        after = _past_date_and_verb(doc, lexicon, after, last)
    comma = _after_noun_link(doc, lexicon, after, last)
    if comma + 2 >= last or tokens[comma].text != ",":
        return None
    start = comma + 1
    read = _noun_content(doc, lexicon, noun.valency, start, last)
    if read is None:
        return None
    end, mood = read
    cue = CueMatch((i,), tokens[i].text)
    frame = (opening, start)
    if _reported_frame(doc, lexicon, None, frame[0], comma):
        return None
    speaker = owner if owner is not None else _subject_holding(doc, lexicon, frame[0], i, comma)
    evidence = Evidence("noun", speaker)
    return _candidate(doc, (start, end), cue, frame, mood, tuning.SPEECH_NOUN, "indirect.speech_noun", evidence, speaker)


def _opens_clause(doc: Doc, lexicon: Lexicon, opening: int, noun: int, last: int) -> bool:
    """Whether the noun of saying at ``noun`` heads the noun phrase that opens its clause, so is its subject.

    „Die Hoffnung wächst, dass …“, „Der Verdacht besteht, dass …“: the verb before
    the comma is the noun's own, and the clause after it is no content of a frame.
    Not before a copula (``content_copula``): „Seine These ist, dass …“ gives the
    noun's content as its predicate.
    """
    np = parse_noun_phrase(doc, lexicon, opening, last)
    if np is None or not np.start <= noun < np.end:
        return False
    return np.end >= last or doc.lemma(np.end).lower() not in lexicon.rule_words.content_copula


def _subject_holding(doc: Doc, lexicon: Lexicon, start: int, noun: int, comma: int) -> TokenRange | None:
    """The subject of the clause whose object is the noun of saying, when the noun has no owner.

    „Die Stadt lehnte mit der Begründung ab, …“, „Am Freitag erteilte die Ärztin
    die Erlaubnis, …“: who gave the reason or the permission said it. Only when the
    clause makes the subject the noun's author (``authoring_verb``: geben, erheben,
    sein („ist der Meinung“) …; ``authoring_preposition``: „mit der Begründung“):
    who receives, follows, reports or backs a demand did not make it („Die Polizei
    erhielt den Hinweis, …“, „Die Eltern unterstützen die Forderung, …“). A noun
    phrase before the finite verb (the prefield) or right after it; none when the
    noun is the subject itself or no finite verb is found.
    """
    _, verb = clause_mood(doc, lexicon, start, comma)
    if verb is None or not _authors(doc, lexicon, verb, noun, comma) or _countered(doc, lexicon, start, noun, comma):
        return None
    for k in (start, verb + 1):
        if k == noun or k >= comma:
            continue
        np = parse_noun_phrase(doc, lexicon, k, comma)
        if np is None or not can_be_subject(np, lexicon) or np.start <= noun < np.end:
            continue
        if (k == start and np.end == verb) or (k == verb + 1 and np.end <= noun and (np.pronoun or np.determiner or np.name_tokens)):
            return TokenRange(np.start, np.end)
    return None


def _authors(doc: Doc, lexicon: Lexicon, verb: int, noun: int, comma: int) -> bool:
    """Whether the clause of the finite ``verb`` makes its subject the author of the noun at ``noun``.

    An ``authoring_preposition`` just before the noun („mit der Begründung“), or a
    main verb of ``authoring_verb``: after an auxiliary the verb form that ends the
    clause („hat die Forderung erhoben“; not „ist der Einschätzung gefolgt“), else
    the finite verb („gab die Erlaubnis“, „ist der Meinung“).
    """
    tokens = doc.tokens
    words = lexicon.rule_words
    if any(tokens[k].text.lower() in words.authoring_preposition for k in range(max(0, noun - _PREPOSITION_REACH), noun)):
        return True
    final = comma - 1
    auxiliary = "aux" in function_word_classes(lexicon, tokens[verb].text.lower())
    if auxiliary and final > verb and tokens[final].text[:1].islower() and is_verb_form(doc, lexicon, final, lexicon.morph):
        verb = final  # the participle or infinitive after an auxiliary is the main verb
    return doc.lemma(verb).lower() in words.authoring_verb


#: How far before a noun of saying its preposition may stand („mit der klaren Begründung“).
_PREPOSITION_REACH = 3


def _past_date_and_verb(doc: Doc, lexicon: Lexicon, i: int, last: int) -> int:
    """Skip a date and a clause-final verb between a noun of saying (with its owner) and its comma.

    „die Forderung der Eltern vom Montag, …“ (``dated_preposition`` and a time word
    within a few tokens), „Die Behörde ist der Einschätzung gefolgt, dass …“ (one
    verb form right before the comma). Returns where the comma may stand.
    """
    tokens = doc.tokens
    k = i
    if k < last and tokens[k].text.lower() in lexicon.rule_words.dated_preposition:
        date_end = next(
            (j + 1 for j in range(k + 1, min(last, k + 1 + tuning.SOURCE_DATE_TOKENS))
             if tokens[j].kind == "word" and is_time_word(lexicon, tokens[j].text)),
            None,
        )
        k = date_end if date_end is not None else k
    if k + 1 < last and tokens[k + 1].text == "," and tokens[k].kind == "word" and tokens[k].text[:1].islower():
        if _clause_final_verb(doc, lexicon, k):
            return k + 1
    return k


def _clause_final_verb(doc: Doc, lexicon: Lexicon, k: int) -> bool:
    """Whether token ``k`` is a participle or a finite verb, not a zu-infinitive („Hinweise fernzubleiben“ is content)."""
    if not is_verb_form(doc, lexicon, k, lexicon.morph) or ends_in_zu_infinitive(doc, lexicon, k - 1, k + 1):
        return False
    return participle(doc.tokens[k].text, doc.lemma(k), lexicon.morph) or finite_mood(doc, lexicon, k) is not None


def _countered(doc: Doc, lexicon: Lexicon, start: int, noun: int, comma: int) -> bool:
    """Whether the clause rejects or denies what the noun names („Er wies den Vorwurf zurück, …“).

    Then its subject answers someone else's words and is not their speaker; a noun
    in a prepositional phrase stays the subject's own („lehnte mit der Begründung
    ab, …“).
    """
    cues = (find_cue(doc, lexicon, k, comma) for k in range(start, comma) if k != noun)
    if not any(cue is not None and cue.verb is not None and cue.verb.cls in _COUNTERING for cue in cues):
        return False
    return not any("prep" in function_word_classes(lexicon, doc.tokens[k].text) for k in range(max(start, noun - _PREPOSITION_REACH), noun))


#: Speech-verb classes whose subject answers the words its object names („weist den Vorwurf zurück“).
_COUNTERING = frozenset({"deny", "reject", "criticise", "argue"})


def _after_noun_link(doc: Doc, lexicon: Lexicon, i: int, last: int) -> int:
    """Skip one correlative or clause-final particle between a noun of saying and its comma.

    „Hinweise darauf, dass …“, „Es lagen Hinweise vor, dass …“: the word stands
    between the noun and its content clause.
    """
    if i + 1 < last and doc.tokens[i + 1].text == ",":
        word = doc.tokens[i].text
        if word in lexicon.frames.correlatives or word in lexicon.particles:
            return i + 1
    return i


def _noun_owner(doc: Doc, lexicon: Lexicon, i: int, last: int) -> TokenRange | None:
    """Who said what a noun of saying names: its attribute right after it, if any.

    „der Eltern“, „des Ministers, Hans Maier“, „von Minister Kim“, „Frankreichs“;
    None when a comma or anything else follows the noun.
    """
    tokens = doc.tokens
    if i >= last or tokens[i].kind != "word":
        return None
    words = lexicon.rule_words
    low = tokens[i].text.lower()
    opens = low in words.genitive or low in words.genitive_or_dative or tokens[i].text[:1].isupper()
    start = i + 1 if low in words.agent_preposition else i
    if not opens and start == i or start >= last:
        return None
    np = parse_noun_phrase(doc, lexicon, start, last)
    if np is None or np.pronoun is not None or not (np.name_tokens or np.role or np.determiner):
        return None
    np = with_apposition(doc, lexicon, np, last)
    return TokenRange(start, np.end)


def _noun_content(doc: Doc, lexicon: Lexicon, valency: frozenset[str], start: int, last: int) -> tuple[int, str | None] | None:
    """(end, mood) of the content after a noun of saying, if the noun takes what follows.

    The matrix clause usually goes on after the content („Die Hoffnung, …,
    erfüllte sich nicht“), so the content ends at the clause's comma.
    """
    end = min(content_end(doc, lexicon, start, last), clause_end_over_titles(doc, start, last))
    if end - start < 3:
        return None
    opener = classes_at(doc, lexicon, start)
    mood, _ = clause_mood(doc, lexicon, start, end)
    if "complementizer" in opener:
        wanted = "ob" if "polar_question" in opener else "dass"
        return (end, mood) if wanted in valency else None
    if "zu" in valency and ends_in_zu_infinitive(doc, lexicon, start, end):
        # „Pläne, um die Kosten zu senken“: an infinitive of purpose is no content of the noun
        purpose = any(doc.tokens[k].text.lower() in lexicon.frames.infinitive_conjunctions for k in range(start, end))
        return None if purpose else (end, mood)
    if "v2" in valency:
        ok, mood = _v2_content_ok(doc, lexicon, None, start, end)
        if ok and mood == "subjunctive":
            return end, mood
    return None
