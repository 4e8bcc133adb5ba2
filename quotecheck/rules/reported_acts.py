"""Reported speech acts in the active voice: „Putin lobte die Soldaten für ihre Tapferkeit.“

Part of :mod:`quotecheck.rules.reported` (split out of it unchanged). Holds the
active-voice constructions and the clause helpers every reported-speech
construction shares:

* the verb-second act after a subject („Putin lobte die Soldaten …“,
  :func:`_act_at`), after an adverbial with the subject right after the verb
  („Am Montag kritisierte die Opposition den Besuch …“, :func:`_inverted_act`)
  or after a „wie“ lead („Wie der Sprecher bekräftigte, …“, :func:`_wie_lead`);
* the second of two coordinated acts („Er lobte die Helfer und kritisierte die
  Behörden“, :func:`_coordinated_act`);
* the shared pieces: the candidate itself (:func:`_act`), the subject before
  the verb, negation, verb-particle markers, the object test and source-phrase
  trimming.
"""

from __future__ import annotations

from typing import Sequence

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.attribution.naming import organization_in
from quotecheck.attribution.nounphrase import function_word_classes, parse_noun_phrase, with_attached
from quotecheck.lexicon import Lexicon, SpeechVerb
from quotecheck.morph import finite_mood
from quotecheck.ranges import TokenRange
from quotecheck.rules.candidate import Candidate, CueMatch, Evidence, char_span
from quotecheck.rules.clauses import classes_at, clause_end, word_count
from quotecheck.rules.content import content_end, ends_in_zu_infinitive, wie_frame_end
from quotecheck.rules.cues import match_speech_verb, speech_verb_positions
from quotecheck.rules.source_phrases import SourcePhrase, opens_according_relative, source_phrase_at


def _subject_before(doc: Doc, lexicon: Lexicon, first: int, verb: int) -> tuple[int, int] | None:
    """A subject noun phrase filling the whole prefield [first, verb) (a particle may follow it)."""
    if verb - first == 1 and classes_at(doc, lexicon, first) & {"adverb", "subordinator"}:
        return None  # „Unterdessen verlangte …“: an adverb fills the prefield
    np = parse_noun_phrase(doc, lexicon, first, verb)
    if np is not None:
        np = with_attached(doc, lexicon, np, verb)  # „Der Bürgermeister von Marathonas, Giorgos Leventis, sprach …“
    if np is not None and not np.dative and (
        np.end == verb or np.end == verb - 1 and doc.tokens[np.end].text.lower() in lexicon.rule_words.subject_particle
    ):
        return first, np.end  # „Riedmüller selbst lobte …“
    # „Der Sprecher der Regierung, Hans Maier, lobte …“: NP, apposition
    if np is not None and np.end < verb and doc.tokens[np.end].text == "," and doc.tokens[verb - 1].text == ",":
        inner = parse_noun_phrase(doc, lexicon, np.end + 1, verb - 1)
        if inner is not None:
            inner = with_attached(doc, lexicon, inner, verb - 1)  # „Manager von Energie Cottbus“
        if inner is not None and inner.end == verb - 1:
            return first, verb - 1
    # „Die Geschäftsführung, die den Schaden noch beziffert, spricht von …“: NP, relative clause
    if np is not None and np.end + 1 < verb - 1 and doc.tokens[np.end].text == "," == doc.tokens[verb - 1].text:
        if "relative" in classes_at(doc, lexicon, np.end + 1) and not any(doc.tokens[k].text == ";" for k in range(np.end, verb)):
            return first, np.end
    return None


def _relative_clauses(doc: Doc, lexicon: Lexicon, first: int, stop: int) -> frozenset[int]:
    """The tokens of the relative clauses in ``[first, stop)``, their commas included.

    „Der Stürmer, der wegen eines Fouls Rot sah, nannte …“: the verb of the
    relative clause („sah“) is not the verb of the sentence.
    """
    tokens = doc.tokens
    inside: set[int] = set()
    k = first + 1
    while k < stop:
        if tokens[k - 1].text == "," and "relative" in classes_at(doc, lexicon, k):
            close = next((j for j in range(k + 1, stop) if tokens[j].text == ","), None)
            if close is None:
                break
            inside.update(range(k - 1, close + 1))
            k = close + 1
            continue
        k += 1
    return frozenset(inside)


def _opening_subject(doc: Doc, lexicon: Lexicon, first: int, stop: int, embedded: frozenset[int]) -> tuple[int, int] | None:
    """The subject noun phrase that opens the sentence right before its finite verb (a relative clause may follow it)."""
    np = parse_noun_phrase(doc, lexicon, first, stop)
    if np is None or np.dative or "not_nominative" in function_word_classes(lexicon, doc.tokens[np.start].text.lower()):
        return None
    verb = np.end
    while verb in embedded:
        verb += 1
    if verb >= stop or doc.tokens[verb].kind != "word" or not doc.tokens[verb].text[:1].islower():
        return None
    return np.start, np.end


def _negated(doc: Doc, lexicon: Lexicon, start: int, end: int, pieces: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether a negation outside the quoted pieces stands in ``[start, end)``: then no act took place."""
    return any("negation" in classes_at(doc, lexicon, k) for k in range(start, end) if not _inside(k, pieces))


def _act(
    doc: Doc,
    lexicon: Lexicon,
    first: int,
    content: Sequence[tuple[int, int]],
    cue: CueMatch,
    frame: tuple[int, int],
    speaker: tuple[int, int] | None,
    rule: str,
    frame_kind: str = "act",
) -> Candidate | None:
    """The reported-speech candidate of the sentence starting at token ``first``.

    ``content`` are token ranges: one, or several for material split by the speaker
    („**Der Sieg** wurde von X **als „Meilenstein“** bezeichnet“). The according-to
    phrases in them are no content; they are the evidence's sources. None when
    nothing is left once the source phrases are cut out („Er sagte laut
    „Kurier“, …“: „laut „Kurier““ is a source, not what was said).
    """
    parts: list[tuple[int, int]] = []
    sources: list[SourcePhrase] = []
    for a, b in content:
        _without_source_phrase(doc, lexicon, a, b, parts, sources)
    spans = tuple(char_span(doc, a, b) for a, b in parts if b > a)
    if not spans:
        return None
    return Candidate(
        kind="reported",
        content=spans,
        sentence=doc.layer.sentence_index(first),
        cue=cue,
        frame=frame,
        mood="indicative",
        confidence=tuning.REPORTED,
        speaker_tokens=speaker,
        rule=rule,
        evidence=Evidence(frame_kind, None if speaker is None else TokenRange(*speaker), sources=tuple(sources)),
    )


def _wie_lead(doc: Doc, lexicon: Lexicon, first: int, last: int) -> int | None:
    """The token after the comma of a wie-clause opening the sentence („Wie X meldete, …“)."""
    if doc.tokens[first].text.lower() not in lexicon.rule_words.wie_frame:
        return None
    lead = wie_frame_end(doc, lexicon, first, last)
    if lead is None or lead[0] + 1 >= last or doc.tokens[lead[0]].text != ",":
        return None
    return lead[0] + 1


def _inverted_act(doc: Doc, lexicon: Lexicon, first: int, verb: int, last: int) -> Candidate | None:
    """A speech act whose finite verb stands at ``verb``, its subject right after it."""
    cue = match_speech_verb(doc, lexicon, verb, last)
    if cue is None or cue.verb is None:
        return None
    entry = cue.verb
    if not _reports_act(lexicon, entry):
        return None
    np = parse_noun_phrase(doc, lexicon, verb + 1, last)
    if np is None or np.dative or np.pronoun is not None and np.pronoun not in lexicon.rule_words.act_subject_pronoun:
        return None
    end = clause_end(doc, verb + 1, last)
    stop = content_end(doc, lexicon, np.end, last)
    if len(cue.tokens) > 1 and cue.tokens[-1] == stop - 1:
        stop -= 1
    if _negated(doc, lexicon, verb, end):
        return None
    if word_count(doc, np.end, stop) < tuning.OBJECT_WORDS:
        return None
    return _act(doc, lexicon, first, [(np.end, stop)], cue, (verb, max(stop, cue.tokens[-1] + 1)), (np.start, np.end), "reported.act")


def _without_source_phrase(
    doc: Doc, lexicon: Lexicon, start: int, end: int, parts: list[tuple[int, int]], sources: list[SourcePhrase]
) -> None:
    """Add to ``parts`` the token range ``[start, end)`` without its according-to phrases, to ``sources`` those.

    „nannte die Forderungen laut Interfax „unrealistisch““: „laut Interfax“ names
    who passed the act on (a source, found by attribution), not what was said.
    Phrases are matched by the source grammar (:func:`~quotecheck.rules.source_phrases.source_phrase_at`).
    """
    for k in range(start, end):
        match = source_phrase_at(doc, lexicon, k, start, end)
        if match is None or match.owner is None or match.entry.position not in _NAMING_POSITIONS:
            continue
        span = match.span
        parts.append((start, span.start))
        sources.append(match)
        _without_source_phrase(doc, lexicon, span.end, end, parts, sources)  # „laut AFP unter Berufung auf ERT“
        return
    parts.append((start, end))


#: Positions of ``according_to.tsv`` whose phrases name an owner of their own.
_NAMING_POSITIONS = frozenset({"pre", "post", "circum"})


def _reports_act(lexicon: Lexicon, entry: SpeechVerb) -> bool:
    """A verb whose bare object is itself a speech act, unambiguously („lobte die Helfer“)."""
    return entry.reported and entry.strength >= tuning.ALWAYS_SPEECH and not entry.is_phrase and entry.lemma not in lexicon.rule_words.not_reported


def _base_form(doc: Doc, i: int) -> bool:
    """An infinitive or a plural present form („kritisieren“): no finite verb of a main clause."""
    return doc.tokens[i].text.lower() == doc.lemma(i).lower()


def _sentence(doc: Doc, lexicon: Lexicon, first: int, last: int, *, asyndetic: bool = True) -> Candidate | None:
    """The speech act of the sentence's first speech verb in the prefield, if it reports one.

    ``asyndetic``: end the act at a comma before a main clause with a speech act
    of its own (:func:`_asyndetic_act_at`); without it the act runs on over that
    clause, for when the cut act is none („Die Kommission forderte Reformen, die
    Regierung lehnte ab“: „Reformen“ alone is too short an object).
    """
    return _sentence_act(doc, lexicon, first, last, asyndetic)[0]


def _sentence_act(doc: Doc, lexicon: Lexicon, first: int, last: int, asyndetic: bool) -> tuple[Candidate | None, bool]:
    """:func:`_sentence`, and whether a main clause after a comma cut an act short (with ``asyndetic``).

    Only a cut act can differ from the act uncut: the reported rule asks for that
    only then, not again for every sentence without an act („Es regnete am Montag.“).
    """
    lead = _wie_lead(doc, lexicon, first, last)
    if lead is not None:
        # „Wie Reuters meldete, wies die Delegation die Darstellung zurück“: the wie-clause is
        # the prefield (and a source); the act's verb follows it
        return _inverted_act(doc, lexicon, first, lead, last), False
    verbs = speech_verb_positions(doc, lexicon)
    cut = False
    for verb in range(first + 1, min(last, first + tuning.PREFIELD_TOKENS)):
        tok = doc.tokens[verb]
        if tok.kind != "word" or not tok.text[:1].islower() or not verbs.has(doc, verb, tok):
            continue  # no speech verb here, whatever the limit: no need to look for a second act
        limit = _second_act_at(doc, lexicon, verb, last)
        if limit is None and asyndetic:
            limit = _asyndetic_act_at(doc, lexicon, verb, last)
            cut = cut or limit is not None
        if limit is None:
            limit = last
        cue = match_speech_verb(doc, lexicon, verb, limit)
        if cue is not None and cue.verb is not None:
            if doc.tokens[verb - 1].text.lower() in lexicon.rule_words.frame_coordinator:
                # „Die Rektorin besuchte die Mensa und lobte das Essen“: the subject that opens the sentence speaks
                shared = _opening_subject(doc, lexicon, first, verb, frozenset())
                return (None if shared is None else _act_at(doc, lexicon, verb, limit, verb, cue, cue.verb, shared)), cut
            act = _act_at(doc, lexicon, first, limit, verb, cue, cue.verb)
            if act is not None or not _in_relative_clause(doc, lexicon, first, verb):
                return act, cut
    return None, cut


def _in_relative_clause(doc: Doc, lexicon: Lexicon, first: int, verb: int) -> bool:
    """Whether ``verb`` ends a relative clause after the subject („Die Firma, die den Schaden beziffert, spricht …“)."""
    tokens = doc.tokens
    comma = next((k for k in range(verb - 1, first, -1) if tokens[k].text == ","), None)
    return comma is not None and "relative" in classes_at(doc, lexicon, comma + 1) and verb + 1 < len(tokens) and tokens[verb + 1].text == ","


def _second_act_at(doc: Doc, lexicon: Lexicon, verb: int, last: int) -> int | None:
    """The coordinator before a second speech act of the same subject („forderte X und kündigte Y an“).

    A ``frame_coordinator`` of ``rule_words.tsv`` followed by a lower-case speech
    verb with the separated particle, if any, before the sentence end.
    """
    tokens = doc.tokens
    for k in range(verb + 2, last - 2):
        if tokens[k].text in (",", ";", ":"):
            return None  # only within the first act's clause
        if tokens[k].text.lower() in lexicon.rule_words.frame_coordinator and tokens[k + 1].text[:1].islower():
            if match_speech_verb(doc, lexicon, k + 1, last) is not None:
                return k
    return None


def _asyndetic_act_at(doc: Doc, lexicon: Lexicon, verb: int, last: int) -> int | None:
    """The comma before a main clause with a speech verb of its own subject („…, der Trainer bezeichnete …“).

    „Der Stürmer nannte den Platzverweis „überzogen“, der Trainer bezeichnete die
    Karten als „übertrieben“.“: the first act ends at the comma. The clause opens
    with a nominative noun phrase and a finite speech verb right after it; only the
    first break after the verb is looked at.
    """
    tokens = doc.tokens
    # only the first break after the verb, as in _second_act_at: one look per act, whatever the sentence's length
    k = next((k for k in range(verb + 2, last - 2) if tokens[k].text in (",", ";", ":")), None)
    return k if k is not None and _asyndetic_clause(doc, lexicon, k, last) else None


def _asyndetic_clause(doc: Doc, lexicon: Lexicon, k: int, last: int) -> bool:
    """Whether the comma at ``k`` opens a main clause: a nominative noun phrase, then a finite speech verb."""
    tokens = doc.tokens
    if k + 2 >= last or tokens[k].text != ",":
        return False
    np = parse_noun_phrase(doc, lexicon, k + 1, last)
    if np is None or np.dative or np.pronoun is not None or np.end >= last:
        return False
    if "not_nominative" in function_word_classes(lexicon, tokens[np.start].text.lower()):
        return False
    if classes_at(doc, lexicon, k + 1) & {"subordinator", "complementizer", "w_word"}:
        return False
    after = np.end
    if tokens[after].kind != "word" or not tokens[after].text[:1].islower() or _base_form(doc, after):
        return False
    if match_speech_verb(doc, lexicon, after, last) is None:
        return False
    return not _relative_clause_at(doc, lexicon, k + 1, after, last)


def _relative_clause_at(doc: Doc, lexicon: Lexicon, opener: int, verb: int, last: int) -> bool:
    """Whether the clause opened at ``opener`` is a relative clause with its verb last, not a main clause.

    „Der Trainer lobte die Spielerin, die Fragen beantwortete“: „die“ may be a
    relative pronoun, and the verb ends the clause; „…, die Regierung kündigte
    Widerstand an“ has its verb in second place, with more after it.
    """
    if "relative" not in classes_at(doc, lexicon, opener):
        return False
    return verb + 1 >= last or doc.tokens[verb + 1].kind == "punct"


def _coordinated_act(doc: Doc, lexicon: Lexicon, act: Candidate, last: int) -> Candidate | None:
    """The second act of „Der Verband forderte höhere Löhne und kündigte weitere Streiks an“.

    Its subject is the first act's; it must be an act of its own (an act verb, or
    an act frame with its marker), with an object and no negation.
    """
    tokens = doc.tokens
    if act.frame is None or act.speaker_tokens is None:
        return None
    coordinator = act.frame[1]
    if coordinator + 1 >= last or tokens[coordinator].text.lower() not in lexicon.rule_words.frame_coordinator:
        return None
    verb = coordinator + 1
    cue = match_speech_verb(doc, lexicon, verb, last)
    if cue is None or cue.verb is None or _base_form(doc, verb) or _has_complement(doc, lexicon, verb, last):
        return None
    entry = cue.verb
    start = verb + 1
    stop = content_end(doc, lexicon, start, last)
    if len(cue.tokens) > 1 and cue.tokens[-1] == stop - 1:
        stop -= 1
    if not _reports_act(lexicon, entry):
        marker = _marker(doc, lexicon.frames.markers_of(entry.lemma), start, stop)
        if marker is None:
            return None
        cue = _with_marker(doc, lexicon, cue, marker)
    if not _object_of_an_act(doc, lexicon, entry, verb, start, stop):
        return None
    speaker = (act.speaker_tokens.start, act.speaker_tokens.end)
    return _act(doc, lexicon, verb, [(start, stop)], cue, (verb, max(stop, cue.tokens[-1] + 1)), speaker, "reported.act")


def _act_at(
    doc: Doc,
    lexicon: Lexicon,
    first: int,
    last: int,
    verb: int,
    cue: CueMatch,
    entry: SpeechVerb,
    shared: tuple[int, int] | None = None,
) -> Candidate | None:
    """„Putin lobte die Soldaten für ihre Tapferkeit“: the act of the speech verb at ``verb``, if it is one.

    ``shared``: the subject of the first clause when the verb opens a coordinated one.
    """
    markers = lexicon.frames.markers_of(entry.lemma)
    if not (_reports_act(lexicon, entry) or markers):
        return None  # a weak verb
    subject = shared or _subject_before(doc, lexicon, first, verb)
    if subject is None and _base_form(doc, verb):
        # an infinitive or a verb-final plural in a subordinate clause; a plural present right
        # after its subject is the finite verb of the main clause („Die Behörden warnen vor …“)
        return None
    speaker = subject if subject is not None else _inverted_speaker(doc, lexicon, first, last, verb)
    if speaker is None or _has_complement(doc, lexicon, verb, last):
        return None
    start = verb + 1 if subject is not None else speaker[1]
    if start < last and doc.tokens[start].kind == "punct":
        return None  # „Als Grund nannte die Verwaltung, die Mittel …“: a clause follows, no object
    stop = content_end(doc, lexicon, start, last)
    if len(cue.tokens) > 1 and cue.tokens[-1] == stop - 1:
        stop -= 1  # the separated particle („wies … zurück“) is no content
    if not _reports_act(lexicon, entry):
        framed = _framed_act(doc, lexicon, entry, cue, first, verb, (start, stop), subject)
        if framed is None:
            return None
        cue, (start, stop) = framed
    if not _object_of_an_act(doc, lexicon, entry, first, start, stop):
        return None
    parts = [(start, stop)]
    predicate_first = start > verb and cue.tokens[0] < verb  # the act-frame marker opens the prefield („Als … nannte X …“)
    if predicate_first and any(doc.tokens[k].kind == "quote" for k in range(first, verb)):
        parts.insert(0, (first, verb))  # „Als „verpasste Chance“ bezeichnete X die Reise“: the predicate holds the speaker's words
    return _act(doc, lexicon, first, parts, cue, (first, max(stop, cue.tokens[-1] + 1)), speaker, "reported.act")


def _framed_act(
    doc: Doc,
    lexicon: Lexicon,
    entry: SpeechVerb,
    cue: CueMatch,
    first: int,
    verb: int,
    content: tuple[int, int],
    subject: tuple[int, int] | None,
) -> tuple[CueMatch, tuple[int, int]] | None:
    """The cue with its act-frame marker and the act's content, for a verb whose bare object is no act.

    The marker follows the verb („sprach von einem Erfolg“; „sprach mit den
    Helfern“ is no act), or opens the prefield before an inverted subject („Als
    Grund nannte die Behörde …“); a fronted prepositional object is then the
    content („Von einer Kampagne sprach der Abgeordnete“).
    """
    start, stop = content
    marker = _marker(doc, lexicon.frames.markers_of(entry.lemma), start if subject is not None else first, stop)
    if marker is None or _no_act_here(doc, lexicon, entry, verb, marker, subject, stop):
        return None
    cue = _with_marker(doc, lexicon, cue, marker)  # the cue „sprach von“
    if marker < verb and doc.tokens[marker].text.lower() not in lexicon.frames.predicative_markers:
        # „Von einer Kampagne sprach der Abgeordnete am Montag“: the prefield is the act's object
        if _negated(doc, lexicon, verb, stop):
            return None  # „Ein Datum nannte der Sprecher nicht.“
        start, stop = first, verb
    return cue, (start, stop)


def _no_act_here(
    doc: Doc, lexicon: Lexicon, entry: SpeechVerb, verb: int, marker: int, subject: tuple[int, int] | None, stop: int
) -> bool:
    """Whether an act frame with its marker is still no act here.

    In Konjunktiv I a weak frame is someone's reported view, left to the
    free-indirect run („Eine Bedrohung gehe von X aus“); a ``subject_first_frame``
    without its subject before the verb tells what looms („Den Bauern droht mit
    der Dürre ein Ausfall“), and so it does when its subject cannot speak („Der
    Himmel drohte mit Regen“) or a zu-infinitive ends its clause („Der Fluss
    droht über die Ufer zu treten“: is about to).
    """
    if entry.strength < tuning.RELIABLE_SPEECH and finite_mood(doc, lexicon, verb) == "subj1":
        return True
    if (entry.lemma.removeprefix("sich "), doc.tokens[marker].text.lower()) not in lexicon.frames.subject_first:
        return False
    if subject is None or "not_nominative" in function_word_classes(lexicon, doc.tokens[subject[0]].text.lower()):
        return True
    return not _names_a_speaker(doc, lexicon, subject) or ends_in_zu_infinitive(doc, lexicon, marker, stop)


def _names_a_speaker(doc: Doc, lexicon: Lexicon, subject: tuple[int, int]) -> bool:
    """Whether the subject names someone who can speak: a person or organisation by name or role noun, or a pronoun.

    „Die Gewerkschaft“, „Der Minister“, „Die Behörden“ (a role noun by its
    lemma), „Sie“, „Anna Berger“, „Die SPD“ can threaten; „Der Himmel“, „Das
    Unwetter“ cannot.
    """
    np = parse_noun_phrase(doc, lexicon, subject[0], subject[1])
    if np is None:
        return False
    if np.name_tokens or np.role or np.pronoun or lexicon.role_of(doc.lemma(np.end - 1)) is not None:
        return True
    return organization_in(doc, lexicon, np.start, np.end) is not None


def _marker(doc: Doc, markers: frozenset[str], start: int, stop: int) -> int | None:
    """The first marker of the verb's act frame (``frame_words.tsv``) that opens a phrase in its object.

    „Der Minister sprach am Abend von einem Erfolg“: „von“ in the object of
    „sprechen“; „bezeichnete den Plan als unrealistisch“: „als“.
    """
    return next((k for k in range(start, stop - 1) if doc.tokens[k].text.lower() in markers), None)


def _with_marker(doc: Doc, lexicon: Lexicon, cue: CueMatch, marker: int) -> CueMatch:
    """The cue with its act-frame marker („sprach von“, „bezeichnete als“); an article marker stays out („nannte … einen …“)."""
    if "indefinite" in function_word_classes(lexicon, doc.tokens[marker].text):
        return cue
    return CueMatch(tuple(sorted((*cue.tokens, marker))), cue.lemma, cue.verb)


def _inverted_speaker(doc: Doc, lexicon: Lexicon, first: int, last: int, verb: int) -> tuple[int, int] | None:
    """„Am Montag lobte der Präsident …“: the subject right after the verb of a one-constituent prefield."""
    np = parse_noun_phrase(doc, lexicon, verb + 1, last)
    if np is None or np.dative or any(doc.tokens[k].text in (",", ";", ":") for k in range(first, verb)):
        return None
    return np.start, np.end


def _has_complement(doc: Doc, lexicon: Lexicon, verb: int, last: int) -> bool:
    """A comma or colon + complement clause or quote after the verb's clause: indirect or direct speech."""
    tokens = doc.tokens
    end = clause_end(doc, verb + 1, last)
    if end < last and tokens[end].text in (",", ":") and end + 1 < last:
        nxt = classes_at(doc, lexicon, end + 1)
        return "complementizer" in nxt or "w_word" in nxt or tokens[end + 1].kind == "quote"
    return False


def _toll(doc: Doc, lexicon: Lexicon, start: int, stop: int) -> bool:
    """Whether ``[start, stop)`` counts victims („forderte 92 Menschenleben“, „… mindestens fünf Tote“).

    A toll noun (``frame_words.tsv``) that no article or preposition governs: a
    number alone is no toll („forderte 7 Prozent mehr Gehalt“ is a demand), nor
    are the victims a demand is for („forderte Hilfe für die Opfer“).
    """
    tokens = doc.tokens
    governed = {"det", "definite", "indefinite", "possessive", "prep", "article_prep"}
    return any(
        tokens[k].text.lower() in lexicon.frames.toll_nouns and not function_word_classes(lexicon, tokens[k - 1].text) & governed
        for k in range(max(start, 1), stop)
    )


def _object_of_an_act(doc: Doc, lexicon: Lexicon, entry: SpeechVerb, first: int, start: int, stop: int) -> bool:
    """Whether ``[start, stop)`` is the object of a speech act that took place.

    Not „die Flut forderte 92 Menschenleben“ (claimed lives, not a demand), not „gab
    die Behörde nicht bekannt“ (no act took place), not a bare reflexive, not the
    cited source of a statement („verwies auf Umfragen, nach denen …“: the relative
    clause is the statement).
    """
    tokens = doc.tokens
    if stop < len(tokens) and opens_according_relative(doc, lexicon, stop, len(tokens)):
        return False
    if entry.lemma in lexicon.rule_words.toll_verb and _toll(doc, lexicon, start, stop):
        return False
    if _negated(doc, lexicon, first, stop):
        return False
    reflexives = lexicon.clause.reflexives
    words = sum(1 for k in range(start, stop) if tokens[k].kind in ("word", "number") and tokens[k].text.lower() not in reflexives)
    return words >= tuning.OBJECT_WORDS


def _inside(k: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(lo <= k < hi for lo, hi in ranges)


def _one_constituent(doc: Doc, lexicon: Lexicon, first: int, verb: int) -> bool:
    """Whether the prefield [first, verb) can be one constituent (no comma, no coordinated clause)."""
    return not any(
        doc.tokens[k].text in (",", ";", ":") or "coordinator" in classes_at(doc, lexicon, k) for k in range(first, verb)
    )
