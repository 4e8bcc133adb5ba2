"""Reported speech acts: „Putin lobte die Soldaten für ihre Tapferkeit.“

Pipeline stage 2 (rules), after direct, indirect and according-to quotes.

A speech act told as an event: a speech verb whose lexicon entry says that its
bare object use is itself a speech act (``reported`` = yes: loben, kritisieren,
bekräftigen, fordern, warnen …), used as the finite verb of a main clause with a
subject before it and an object after it, and no complement clause of its own.
The content is the act's object material (from after the verb to the end of the
clause); the frame is the clause.

Precision first: only unambiguous speech verbs (strength 1.0), only in verb-second
position after a subject noun phrase or an adverbial with the subject right after
the verb, and never when a comma + complement clause follows (that is indirect
speech, found by :mod:`quotecheck.rules.indirect`).

Speech acts around a quoted piece („Der Trainer nannte die Absage einen
„Vertrauensbruch““, „sprach von einer „Gefahr für Leib und Leben““, „warf der
Regierung „Wortbruch“ vor“, „hatte den Bericht als „falsch“ zurückgewiesen“):
the verbatim piece is the evidence that words were reported, so weaker speech
verbs qualify (nennen, bezeichnen, sprechen von, warnen vor: strength ≥ 0.6,
with an np valency, ``reported`` = yes, or the preposition of
``piece_frames.tsv``), provided the piece lies in the verb's object material and
is short (longer quoted text is direct speech of its own). The piece becomes a
``fragment`` in :mod:`quotecheck.rules.fragments`. In the WikiNews training data
such clauses are the most frequent home of short quoted pieces (about 105
top-level Direct pieces with the clause's speaker and cue).
"""

from __future__ import annotations

import bisect
import enum
import itertools
from typing import Iterable, Sequence

from attrs import frozen

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon, SpeechVerb
from quotecheck.attribution.nounphrase import NounPhrase, function_word_classes, parse_noun_phrase, with_attached
from quotecheck.ranges import CharSpan, TokenRange
from quotecheck.rules.candidate import Candidate, CueMatch, Evidence, char_span
from quotecheck.rules.clauses import CLAUSE_BREAKS, SENTENCE_END, classes_at, clause_end, clause_start, relative_antecedent, word_count
from quotecheck.rules.content import content_end, wie_frame_end
from quotecheck.rules.cues import match_speech_verb
from quotecheck.rules.pipeline import Claims
from quotecheck.rules.source_phrases import SourcePhrase, opens_according_relative, source_phrase_at
from quotecheck.rules.quotemarks import QuotedSpan, pair_quotation_marks
from quotecheck.spanindex import SpanIndex
from quotecheck.text import KIND_CODES, Sentence

__all__ = ["ReportedRule", "find_reported"]


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


def _perfect(doc: Doc, lexicon: Lexicon, first: int, last: int) -> Candidate | None:
    """„Brenneisen hatte die Vorwürfe zurückgewiesen“: a speech act in the perfect.

    The finite auxiliary stands second, after the subject; the participle of an
    unambiguous reporting verb closes the clause; its object is the content.
    """
    tokens = doc.tokens
    aux = next(
        (k for k in range(first + 1, min(last, first + tuning.AUXILIARY_TOKENS))
         if tokens[k].kind == "word" and tokens[k].text.islower() and doc.lemma(k).lower() in lexicon.rule_words.act_auxiliary),
        None,
    )
    if aux is None:
        return None
    subject = _subject_before(doc, lexicon, first, aux)
    end = clause_end(doc, aux + 1, last)
    participle = end - 1
    # The subject must open the clause: with an inverted one („Am Montag hat der Minister …
    # kritisiert“) the rule found more false reports than true ones on both benchmarks.
    if subject is None or participle <= aux + 1 or end < last and tokens[end].text not in SENTENCE_END:
        return None  # only a whole main clause: „…, dass er … zurückgewiesen hatte“ is indirect speech
    start = aux + 1
    cue = match_speech_verb(doc, lexicon, participle, participle + 1)
    if cue is None or cue.verb is None:
        return None
    entry = cue.verb
    marker = None if _reports_act(lexicon, entry) else _marker(doc, lexicon.frames.markers_of(entry.lemma), start, participle)
    if not _reports_act(lexicon, entry) and marker is None:
        return None
    if _base_form(doc, participle) or _negated(doc, lexicon, first, end):
        return None  # an infinitive („hatte … zu kritisieren“), or no act took place
    if entry.lemma in lexicon.rule_words.toll_verb and _toll(doc, lexicon, start, participle):
        return None  # „Die Flut hat 92 Menschenleben gefordert“
    if word_count(doc, start, participle) < tuning.OBJECT_WORDS:
        return None
    cue = CueMatch((participle,), cue.lemma, entry)
    if marker is not None:
        cue = _with_marker(doc, lexicon, cue, marker)  # „hatte von … gesprochen“
    return _act(doc, lexicon, first, [(start, participle)], cue, (first, end), subject, "reported.perfect")


def _passive(doc: Doc, lexicon: Lexicon, first: int, last: int) -> Candidate | None:
    """„Von der Opposition wurde der Besuch als Wahlkampfshow kritisiert.“: a speech act in the passive.

    The indicative passive auxiliary stands second, the participle of an act verb
    (or of an act frame with its marker: „wurde … als … bezeichnet“) closes the
    main clause, „worden“ may follow („war befürchtet worden“). The „von“ agent
    — opening the sentence or right after the auxiliary — is the speaker and
    must be there: the agentless passive („Dem Vorstand wurde Untreue
    vorgeworfen.“, „Außerdem wurde mehr Geld gefordert.“) was a quote in only 4
    of 12 sentences on WikiNews train. The content is the rest of the clause.
    """
    clause = _passive_clause(doc, lexicon, first, last)
    if clause is None:
        return None
    aux, participle, end = clause
    cue = match_speech_verb(doc, lexicon, participle, participle + 1)
    if cue is None or cue.verb is None or _base_form(doc, participle):
        return None  # no speech verb, or a future („wird … kritisieren“)
    agent = _agent_after(doc, lexicon, aux, participle) or _leading_agent(doc, lexicon, first, aux)
    if agent is None:
        return None  # agentless („Außerdem wurde mehr Geld gefordert“): on WikiNews train more often no quote than one
    marker = None if _reports_act(lexicon, cue.verb) else _marker(doc, lexicon.frames.markers_of(cue.verb.lemma), first, participle)
    if not _reports_act(lexicon, cue.verb) and marker is None:
        return None
    content = _without_agent([(first, aux), (aux + 1, participle)], agent)
    if sum(word_count(doc, a, b) for a, b in content) < tuning.OBJECT_WORDS:
        return None
    act_cue = CueMatch((participle,), cue.lemma, cue.verb)
    speaker = (agent.start, agent.end)
    return _act(doc, lexicon, first, content, act_cue if marker is None else _with_marker(doc, lexicon, act_cue, marker), (first, end), speaker, "reported.passive", "passive_act")


def _passive_clause(doc: Doc, lexicon: Lexicon, first: int, last: int) -> tuple[int, int, int] | None:
    """``(auxiliary, participle, clause end)`` of a passive main clause starting at ``first``, if it is one.

    The indicative auxiliary stands second after one constituent („Von der
    Opposition **wurde** … **kritisiert**“); „ist“/„war“ make a passive only with
    „worden“; the clause ends the sentence and is not negated.
    """
    tokens = doc.tokens
    aux = next((k for k in range(first + 1, min(last, first + tuning.PREFIELD_TOKENS)) if _passive_aux(doc, lexicon, k)), None)
    if aux is None or not _one_constituent(doc, lexicon, first, aux):
        return None
    end = clause_end(doc, aux + 1, last)
    worden = tokens[end - 1].text.lower() in lexicon.frames.passive_participles
    if not worden and tokens[aux].text.lower() not in lexicon.clause.passive_auxiliaries:
        return None  # „ist“, „war“ make a passive only with „worden“
    participle = end - 2 if worden else end - 1
    if participle <= aux + 1 or end < last and tokens[end].text not in SENTENCE_END or _negated(doc, lexicon, first, end):
        return None
    return aux, participle, end


def _without_agent(content: list[tuple[int, int]], agent: NounPhrase) -> list[tuple[int, int]]:
    """The content ranges without the „von“ agent phrase („Der Plan wurde **von der Opposition** kritisiert“)."""
    agent_start = agent.start - 1  # the preposition („von“) belongs to the agent phrase
    cut = [(a, agent_start) if a < agent_start < b else (agent.end, b) if a <= agent_start < agent.end <= b else (a, b) for a, b in content]
    return [(a, b) for a, b in cut if not (agent_start <= a and b <= agent.end)]


def _passive_aux(doc: Doc, lexicon: Lexicon, k: int) -> bool:
    """An indicative passive auxiliary („wurde“, „wird“, „war“ … „worden“; not „würde“, „werde“: Konjunktiv)."""
    word = doc.tokens[k].text.lower()
    auxiliaries = lexicon.clause.passive_auxiliaries | lexicon.frames.statal_auxiliaries
    return word in auxiliaries and word not in lexicon.frames.passive_participles and lexicon.mood(word) not in ("subj1", "subj2")


def _leading_agent(doc: Doc, lexicon: Lexicon, first: int, aux: int) -> NounPhrase | None:
    """„Von der Opposition wurde …“: the „von“ agent filling the prefield."""
    if "source_prep" not in function_word_classes(lexicon, doc.tokens[first].text.lower()):
        return None
    np = parse_noun_phrase(doc, lexicon, first + 1, aux)
    return np if np is not None and np.end == aux else None


def _sentence(doc: Doc, lexicon: Lexicon, first: int, last: int) -> Candidate | None:
    """The speech act of the sentence's first speech verb in the prefield, if it reports one."""
    lead = _wie_lead(doc, lexicon, first, last)
    if lead is not None:
        # „Wie Reuters meldete, wies die Delegation die Darstellung zurück“: the wie-clause is
        # the prefield (and a source); the act's verb follows it
        return _inverted_act(doc, lexicon, first, lead, last)
    for verb in range(first + 1, min(last, first + tuning.PREFIELD_TOKENS)):
        tok = doc.tokens[verb]
        if tok.kind != "word" or not tok.text[:1].islower():
            continue
        limit = _second_act_at(doc, lexicon, verb, last) or last
        cue = match_speech_verb(doc, lexicon, verb, limit)
        if cue is not None and cue.verb is not None:
            act = _act_at(doc, lexicon, first, limit, verb, cue, cue.verb)
            if act is not None or not _in_relative_clause(doc, lexicon, first, verb):
                return act
    return None


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
    doc: Doc, lexicon: Lexicon, first: int, last: int, verb: int, cue: CueMatch, entry: SpeechVerb
) -> Candidate | None:
    """„Putin lobte die Soldaten für ihre Tapferkeit“: the act of the speech verb at ``verb``, if it is one."""
    markers = lexicon.frames.markers_of(entry.lemma)
    if not (_reports_act(lexicon, entry) or markers):
        return None  # a weak verb
    subject = _subject_before(doc, lexicon, first, verb)
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
        # the marker follows the verb, or opens the prefield before an inverted subject
        # („Als Grund nannte die Behörde …“)
        marker = _marker(doc, markers, start if subject is not None else first, stop)
        if marker is None:
            return None  # „sprach mit den Helfern“ is no act; „sprach von einem Erfolg“ is one
        cue = _with_marker(doc, lexicon, cue, marker)  # the cue „sprach von“
        if marker < verb and doc.tokens[marker].text.lower() not in lexicon.frames.predicative_markers:
            # „Von einer Kampagne sprach der Abgeordnete am Montag“: the prefield is the act's object
            if _negated(doc, lexicon, verb, stop):
                return None  # „Ein Datum nannte der Sprecher nicht.“
            start, stop = first, verb
    if not _object_of_an_act(doc, lexicon, entry, first, start, stop):
        return None
    parts = [(start, stop)]
    predicate_first = start > verb and cue.tokens[0] < verb  # the act-frame marker opens the prefield („Als … nannte X …“)
    if predicate_first and any(doc.tokens[k].kind == "quote" for k in range(first, verb)):
        parts.insert(0, (first, verb))  # „Als „verpasste Chance“ bezeichnete X die Reise“: the predicate holds the speaker's words
    return _act(doc, lexicon, first, parts, cue, (first, max(stop, cue.tokens[-1] + 1)), speaker, "reported.act")


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


def _piece_tokens(doc: Doc, first: int, last: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges [open mark, after close mark) of the short quoted pieces (sorted) in the sentence.

    Tokens are ordered and never overlap, so a piece's tokens are found by
    bisection and its words counted from running totals: a sentence of ten
    thousand pieces („Ja“ „Nein“ „Ja“ …) costs its length plus a logarithm per
    piece, not its length per piece.
    """
    tokens = doc.tokens
    columns = doc.layer.columns  # bisected as arrays: no token is made for a probe
    words = _running_word_counts(columns.kinds, first, last)
    out = []
    for a, b in pieces:
        # inner tokens: a <= start and end <= b, a run [lo, hi) since starts and ends ascend
        lo = bisect.bisect_left(columns.starts, a, first, last)
        hi = bisect.bisect_right(columns.ends, b, lo, last)
        if lo >= hi:
            continue
        if lo > first and tokens[lo - 1].kind == "quote":
            lo -= 1
        if hi < last and tokens[hi].kind == "quote":
            hi += 1
        count = words[hi - first] - words[lo - first]  # the marks are no words
        if 0 < count <= tuning.PIECE_WORDS:
            out.append((lo, hi))
    return out


#: The kind codes of words and numbers (:data:`~quotecheck.text.KIND_CODES`): what :func:`word_count` counts.
_WORD_CODES = frozenset((KIND_CODES["word"], KIND_CODES["number"]))


def _running_word_counts(kinds: bytes, first: int, last: int) -> list[int]:
    """``counts[k - first]``: the words and numbers in ``[first, k)`` (as :func:`word_count`), from the kind column."""
    return list(itertools.accumulate(map(_WORD_CODES.__contains__, kinds[first:last]), initial=0))


def _inside(k: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(lo <= k < hi for lo, hi in ranges)


def _piece_cue(doc: Doc, lexicon: Lexicon, verb: int, end: int, ranges: list[tuple[int, int]]) -> CueMatch | None:
    """The speech verb at ``verb`` with the particle at the clause end („warf … „Wortbruch“ vor“)."""
    lemma = doc.lemma(verb).lower()
    last_word = end - 1
    if last_word > verb and doc.tokens[last_word].kind == "word" and not _inside(last_word, ranges):
        particle = doc.tokens[last_word].text.lower()
        if particle in lexicon.particles:
            for entry in lexicon.speech_verbs_by_base.get(lemma, ()):
                if entry.particle == particle:
                    return CueMatch((verb, last_word), entry.lemma, entry)
            if lexicon.speech_verbs.get(particle + lemma) is None and lemma not in lexicon.speech_verbs:
                return None
    return match_speech_verb(doc, lexicon, verb, verb + 1)


def _one_constituent(doc: Doc, lexicon: Lexicon, first: int, verb: int) -> bool:
    """Whether the prefield [first, verb) can be one constituent (no comma, no coordinated clause)."""
    return not any(
        doc.tokens[k].text in (",", ";", ":") or "coordinator" in classes_at(doc, lexicon, k) for k in range(first, verb)
    )


def _preposed_piece(
    doc: Doc, lexicon: Lexicon, first: int, verb: int, end: int, cue: CueMatch, ranges: list[tuple[int, int]]
) -> Candidate | None:
    """„Von einem „Skandal“ sprach der Abgeordnete“: the prepositional object with the piece opens the sentence."""
    tokens = doc.tokens
    entry = cue.verb
    if entry is None or (entry.lemma, tokens[first].text.lower()) not in lexicon.pieces.prepositional:
        return None
    if not any(first < lo and hi <= verb for lo, hi in ranges) or not _one_constituent(doc, lexicon, first, verb):
        return None
    np = parse_noun_phrase(doc, lexicon, verb + 1, end)
    if np is None or np.dative:
        return None
    if _negated(doc, lexicon, first, end, ranges):
        return None
    if tokens[first].text.lower() in lexicon.pieces.cue_prepositions:
        cue = CueMatch(tuple(sorted((*cue.tokens, first))), cue.lemma, entry)
    return _act(doc, lexicon, first, [(first, verb)], cue, (first, max(end, np.end)), (np.start, np.end), "reported.piece_before")


def _passive_agent(doc: Doc, lexicon: Lexicon, aux: int, limit: int) -> NounPhrase | None:
    """The „von“ agent between a passive auxiliary and ``limit`` („wurde dagegen von X …“)."""
    if doc.tokens[aux].text.lower() not in lexicon.clause.passive_auxiliaries:
        return None
    return _agent_after(doc, lexicon, aux, limit)


def _agent_after(doc: Doc, lexicon: Lexicon, aux: int, limit: int) -> NounPhrase | None:
    """The „von“ agent after the auxiliary ``aux``, with only words between („ist dagegen von X …“)."""
    for k in range(aux + 1, limit):
        if "source_prep" in function_word_classes(lexicon, doc.tokens[k].text.lower()):
            return parse_noun_phrase(doc, lexicon, k + 1, limit)
        if doc.tokens[k].kind != "word":
            return None
    return None


def _piece_sentence(doc: Doc, lexicon: Lexicon, first: int, last: int, pieces: list[tuple[int, int]]) -> Candidate | None:
    """A speech act whose object material holds a quoted piece (see the module docstring)."""
    ranges = _piece_tokens(doc, first, last, pieces)
    if not ranges:
        return None
    for verb in range(first + 1, min(last, first + tuning.PREFIELD_TOKENS)):
        tok = doc.tokens[verb]
        if tok.kind != "word" or not tok.text[:1].islower() or _inside(verb, ranges):
            continue
        found = _piece_cue_at(doc, lexicon, verb, last, ranges)
        if found is _Verdict.NEXT_WORD:
            continue
        if found is None:
            break
        act = _piece_act(doc, lexicon, first, last, verb, found, ranges)
        if act is not None:
            return act
        break
    return next((act for lo, _ in ranges if (act := _verb_final_piece(doc, lexicon, first, last, lo, ranges)) is not None), None)


def _verb_final_piece(
    doc: Doc, lexicon: Lexicon, first: int, last: int, piece: int, ranges: list[tuple[int, int]]
) -> Candidate | None:
    """A piece frame in a relative or subordinate clause, its verb at the end.

    „…, der die Entscheidung als „Verirrung“ bezeichnete, …“ (the antecedent
    spoke), „…, weil die Regierung das Land als „junge Demokratie“ bezeichnet hat“
    (the subject after the subordinator spoke), „…, den der Verband als
    „Kapitulation“ sieht“ (a relative pronoun that is no subject: the subject
    after it spoke). The verb must take the piece as in a main clause: through
    its act-frame marker or its preposition before the piece, or as its object.
    """
    tokens = doc.tokens
    head = clause_start(doc, piece, first)
    classes = classes_at(doc, lexicon, head)
    relative = "relative" in classes and head > first and tokens[head - 1].text == ","
    if not (relative or "subordinator" in classes) or head >= piece:
        return None
    end = clause_end(doc, piece, last, ranges)
    verb = end - 1
    while verb > piece and (tokens[verb].text.lower() in lexicon.frames.passive_participles or "aux" in function_word_classes(lexicon, tokens[verb].text.lower())):
        verb -= 1  # „bezeichnet hat“, „beschrieben worden war“
    cue = _final_piece_cue(doc, lexicon, head, piece, verb, ranges)
    if cue is None or _negated(doc, lexicon, head, end, ranges):
        return None  # no verb of saying, or no act took place
    if any(tokens[k].text.lower() in lexicon.clause.reflexives for k in range(head + 1, piece)):
        return None  # a name given to oneself („die sich „die Wächter“ nennt“)
    if any(_passive_aux(doc, lexicon, k) or tokens[k].text.lower() in lexicon.frames.passive_participles for k in range(verb + 1, end)):
        # „die als „nebelartig“ beschrieben wurden“: the pronoun is what was described; the agent is unnamed
        start = max((k + 1 for k in range(head + 1, piece) if "coordinator" in classes_at(doc, lexicon, k)), default=head + 1)
        return _act(doc, lexicon, head, [(start, verb)], cue, (head, end), None, "reported.piece_final", "passive_act")
    speaker, start = _final_clause_speaker(doc, lexicon, head, relative, piece)
    if start >= verb:
        return None
    return _act(doc, lexicon, head, [(start, verb)], cue, (head, end), speaker, "reported.piece_final")


def _final_piece_cue(doc: Doc, lexicon: Lexicon, head: int, piece: int, verb: int, ranges: list[tuple[int, int]]) -> CueMatch | None:
    """The cue of a verb-final piece frame: the verb at ``verb``, with its act-frame marker if one stands before the piece.

    The verb takes the piece as in a main clause (:func:`_piece_act`): „sprach mit
    dem „Paten““ reports no words, „sprach von einem „Skandal““ does.
    """
    tokens = doc.tokens
    if _inside(verb, ranges) or tokens[verb].kind != "word" or not tokens[verb].text[:1].islower():
        return None
    cue = match_speech_verb(doc, lexicon, verb, verb + 1)
    if cue is None or cue.verb is None or cue.verb.strength < tuning.MIN_PIECE_STRENGTH or cue.verb.is_phrase:
        return None
    entry = cue.verb
    if entry.lemma in lexicon.rule_words.not_reported:
        return None
    marker = _marker(doc, lexicon.frames.markers_of(entry.lemma), head + 1, piece + 1)
    if marker is not None:
        return _with_marker(doc, lexicon, cue, marker)
    preposition = any((entry.lemma, tokens[k].text.lower()) in lexicon.pieces.prepositional for k in range(head + 1, piece))
    if not preposition and (entry.lemma in lexicon.pieces.preposition_only or "np" not in entry.valency and not entry.reported):
        return None
    return cue


def _final_clause_speaker(doc: Doc, lexicon: Lexicon, head: int, relative: bool, piece: int) -> tuple[tuple[int, int] | None, int]:
    """Who speaks in the verb-final clause opened at ``head``, and where the content starts.

    A relative pronoun that can be a subject („der“, „die“, „welche“) stands for
    its antecedent; after one that cannot („den“, „dessen“) or after a
    subordinator the subject is the noun phrase that follows.
    """
    word = doc.tokens[head].text.lower()
    if relative and not function_word_classes(lexicon, word) & {"not_nominative", "possessive"}:
        return relative_antecedent(doc, lexicon, head), head + 1
    np = parse_noun_phrase(doc, lexicon, head + 1, piece)
    if np is None or np.dative or "not_nominative" in function_word_classes(lexicon, doc.tokens[np.start].text.lower()):
        return None, head + 1
    return (np.start, np.end), np.end


class _Verdict(enum.Enum):
    """What a look at one word of the prefield says when it finds no cue."""

    NEXT_WORD = "the word is no verb of saying: look at the next one"


@frozen
class _PieceCue:
    """The speech verb of a piece frame: the cue, where it stands, and the clause end."""

    cue: CueMatch
    at: int  # the finite verb, or the participle that closes a perfect or passive clause
    end: int

    @property
    def entry(self) -> SpeechVerb:
        assert self.cue.verb is not None
        return self.cue.verb


def _piece_cue_at(
    doc: Doc, lexicon: Lexicon, verb: int, last: int, ranges: list[tuple[int, int]]
) -> _PieceCue | _Verdict | None:
    """The speech verb whose clause starts at the word ``verb``; None when the sentence has none.

    „hatte den Bericht als „falsch“ zurückgewiesen“: after an auxiliary the participle
    closing the clause is the cue.
    """
    tokens = doc.tokens
    end = clause_end(doc, verb + 1, last, ranges)
    cue_at = verb
    if doc.lemma(verb).lower() in lexicon.pieces.auxiliaries:
        cue_at = end - 1
        if cue_at <= verb or tokens[cue_at].kind != "word" or _inside(cue_at, ranges):
            return None
    cue = _piece_cue(doc, lexicon, cue_at, end, ranges) if cue_at == verb else match_speech_verb(doc, lexicon, cue_at, cue_at + 1)
    if cue is None or cue.verb is None:
        return _Verdict.NEXT_WORD if cue_at == verb else None
    entry = cue.verb
    if entry.strength < tuning.MIN_PIECE_STRENGTH or entry.is_phrase or entry.lemma in lexicon.rule_words.not_reported:
        return None
    if cue_at == verb and _base_form(doc, verb):
        return None  # an infinitive or a plural present form in a subordinate clause
    return _PieceCue(cue, cue_at, end)


def _piece_act(
    doc: Doc, lexicon: Lexicon, first: int, last: int, verb: int, found: _PieceCue, ranges: list[tuple[int, int]]
) -> Candidate | None:
    """The speech act of the verb at ``verb`` around the quoted pieces after it, if it is one."""
    tokens = doc.tokens
    entry, end = found.entry, found.end
    inner = [r for r in ranges if verb < r[0] and r[1] <= end]
    if not inner:
        return _preposed_piece(doc, lexicon, first, verb, end, found.cue, ranges)
    preposition = next(
        (k for k in range(verb + 1, inner[0][0]) if (entry.lemma, tokens[k].text.lower()) in lexicon.pieces.prepositional), None
    )
    if preposition is None and (entry.lemma in lexicon.pieces.preposition_only or "np" not in entry.valency and not entry.reported):
        return None  # „sprach mit dem „Paten““: only „sprechen von“ reports words
    subject = _subject_before(doc, lexicon, first, verb)
    speaker = subject if subject is not None else _inverted_piece_speaker(doc, lexicon, first, last, verb, inner[0][0])
    if speaker is None or _negated(doc, lexicon, first, end, ranges):
        return None
    start = verb + 1 if subject is not None else speaker[1]
    stop = _piece_content_end(doc, lexicon, start, verb, found, ranges, inner[-1][1])
    if stop <= start:
        return None
    cue = found.cue
    if preposition is not None and tokens[preposition].text.lower() in lexicon.pieces.cue_prepositions:
        cue = CueMatch(tuple(sorted((*cue.tokens, preposition))), cue.lemma, entry)
    frame = (first, max(stop, cue.tokens[-1] + 1))
    agent = _passive_agent(doc, lexicon, verb, inner[0][0]) if subject is not None and found.at != verb else None
    if agent is not None and subject is not None:
        # „Der Sieg wurde von X als „Meilenstein“ bezeichnet“: the agent spoke, the subject is material
        return _act(doc, lexicon, first, [subject, (agent.end, stop)], cue, frame, (agent.start, agent.end), "reported.passive_agent")
    return _act(doc, lexicon, first, [(start, stop)], cue, frame, speaker, "reported.piece")


def _inverted_piece_speaker(
    doc: Doc, lexicon: Lexicon, first: int, last: int, verb: int, piece: int
) -> tuple[int, int] | None:
    """„Als „falsch“ bezeichnete der Minister …“: the subject right after the verb, before the piece."""
    np = parse_noun_phrase(doc, lexicon, verb + 1, last)
    if np is None or np.dative or np.end > piece or not _one_constituent(doc, lexicon, first, verb):
        return None
    return np.start, np.end


def _piece_content_end(
    doc: Doc, lexicon: Lexicon, start: int, verb: int, found: _PieceCue, ranges: list[tuple[int, int]], last_piece: int
) -> int:
    """Where the content of a piece frame ends: before the particle or participle and a final break.

    „nannte sie „fahrlässig“ und verwies auf Studien“: a second act is not content.
    """
    tokens = doc.tokens
    stop = found.end
    if found.at == verb and len(found.cue.tokens) > 1 and found.cue.tokens[-1] == stop - 1:
        stop -= 1
    elif found.at != verb:
        stop = found.at
    while stop > start and tokens[stop - 1].text in CLAUSE_BREAKS and not _inside(stop - 1, ranges):
        stop -= 1
    shorter = content_end(doc, lexicon, start, stop)
    return shorter if shorter >= last_piece else stop


def find_reported(
    doc: Doc,
    lexicon: Lexicon,
    taken: Claims | Iterable[tuple[int, int]] = (),
    quoted: Iterable[QuotedSpan] | None = None,
) -> list[Candidate]:
    """Reported speech acts, at most one per sentence and a second coordinated one.

    A sentence with claimed text (``taken``: the :class:`Claims` of the earlier
    rules, or character spans) is skipped whole. ``quoted`` are the quoted
    spans :func:`~quotecheck.rules.direct.find_direct` left over
    (``DirectResult.other_spans``): the pieces a speech act may hold. Without
    them the marks are paired here, once per document and only when a
    sentence needs it.
    """
    out = []
    pieces: SpanIndex[tuple[int, int]] | None = None
    claims = Claims.of(doc, taken)
    for sentence, local in claims.by_sentence():
        first, last = sentence.first, sentence.last
        if local:
            last = _unclaimed_lead(doc, lexicon, claims, sentence, local)
            if last - first < tuning.LEAD_TOKENS:
                continue
        cand = _sentence(doc, lexicon, first, last) or _perfect(doc, lexicon, first, last) or _passive(doc, lexicon, first, last)
        if cand is None and any(doc.tokens[k].kind == "quote" for k in range(first, last)):
            if pieces is None:
                spans = quoted if quoted is not None else pair_quotation_marks(doc.layer)
                pieces = SpanIndex((s.start, s.end) for s in spans if s.end > s.start)
            found = pieces.overlapping(sentence.start, doc.tokens[last - 1].end)
            if found:
                cand = _piece_sentence(doc, lexicon, first, last, found)
        if cand is None:
            cand, last = _later_clause_act(doc, lexicon, sentence, local) or (None, last)
        if cand is not None:
            out.append(cand)
            second = _coordinated_act(doc, lexicon, cand, last)
            if second is not None:
                out.append(second)
    return out


def _later_clause_act(doc: Doc, lexicon: Lexicon, sentence: Sentence, local: Sequence[CharSpan]) -> tuple[Candidate, int] | None:
    """An act in a main clause after a comma or semicolon, and where that clause's material ends.

    „Die Veranstalter zählten 7.000 Teilnehmer, die Polizei sprach von 4.000.“, „Nach
    Angaben der Veranstalter kamen 7.000 Menschen, die Polizei spricht von 4.000.“:
    the clause has its own subject before a speech verb in second place (as a
    sentence would, :func:`_sentence`), and no earlier quote took any of it. A
    relative clause („…, die von Erschütterungen sprachen“) has its verb last and
    no object after it, so it is none.
    """
    tokens = doc.tokens
    claimed = [k for k in range(sentence.first, sentence.last) if any(s.start < tokens[k].end and tokens[k].start < s.end for s in local)]
    for k in range(sentence.first + 1, sentence.last - tuning.LEAD_TOKENS):
        if tokens[k].text not in (",", ";") or k + 1 in claimed:
            continue
        start = k + 1
        if classes_at(doc, lexicon, start) & {"complementizer", "subordinator", "w_word"}:
            continue  # „…, dass es die geforderten Reformen angegangen ist“: no main clause
        end = next((c for c in claimed if c > start), sentence.last)
        while end < sentence.last and end > start and (tokens[end - 1].text in CLAUSE_BREAKS or tokens[end - 1].text.lower() in lexicon.morph.coordinators):
            end -= 1
        if end - start < tuning.LEAD_TOKENS:
            continue
        cand = _sentence(doc, lexicon, start, end) or _after_subordinate_clause(doc, lexicon, sentence.first, start, end)
        if cand is not None:
            return cand, end
    return None


def _after_subordinate_clause(doc: Doc, lexicon: Lexicon, first: int, start: int, end: int) -> Candidate | None:
    """„Während die Zeitung von 100.000 sprach, sprach die Agentur von 50.000“: the main clause after a fronted subordinate one.

    The main clause opens with its finite verb, the subject right after it.
    """
    if "subordinator" not in classes_at(doc, lexicon, first) or not doc.tokens[start].text[:1].islower():
        return None
    cue = match_speech_verb(doc, lexicon, start, end)
    if cue is None or cue.verb is None:
        return None
    return _act_at(doc, lexicon, start, end, start, cue, cue.verb)


def _unclaimed_lead(doc: Doc, lexicon: Lexicon, claims: Claims, sentence: Sentence, local: Sequence[CharSpan]) -> int:
    """The end token of the sentence's lead that no earlier quote took (``sentence.first`` when none).

    „Der Präsident nannte die Bewerbung „sehr respektabel“, stellte aber fest, dass
    …“, „Die Ministerin bezeichnete das Unglück als „Tragödie“ und erklärte, ihr
    Land helfe“: the indirect quote after it holds the lead's act in its frame at
    most, so the lead ends at the first claimed content or cue; a frame's other
    words (the shared subject) stay open. Commas and coordinators before that
    point are no part of the lead.
    """
    tokens = doc.tokens
    in_sentence = [c for c in claims.candidates if any(sentence.start <= s.start < sentence.end for s in c.content)]
    frames = {char_span(doc, *c.frame) for c in in_sentence if c.frame is not None}
    starts = [s.start for s in local if s not in frames]
    cues = [_cue_start(doc, c) for c in in_sentence if c.frame is not None]
    edge = min(starts + cues, default=sentence.start)
    last = next((k for k in range(sentence.first, sentence.last) if tokens[k].end > edge), sentence.last)
    if last > sentence.first and tokens[last - 1].kind == "quote" and edge not in cues:
        last -= 1  # the opening mark of a direct quote („… einen „Skandal“: „Wir …“)
    while last > sentence.first and (tokens[last - 1].text in CLAUSE_BREAKS or tokens[last - 1].text.lower() in lexicon.morph.coordinators):
        last -= 1
    return last


def _cue_start(doc: Doc, candidate: Candidate) -> int:
    """Where the cue of a framed candidate starts: its verb, its other cue („:“, „laut“), else its frame."""
    if candidate.cue is not None:
        return doc.tokens[min(candidate.cue.tokens)].start
    if candidate.cue_spans:
        return min(s.start for s in candidate.cue_spans)
    assert candidate.frame is not None
    return char_span(doc, *candidate.frame).start


class ReportedRule:
    """Reported speech acts (:func:`find_reported`): after indirect speech, before according-to phrases.

    It reads the quoted spans direct speech left over (``claims.quoted``) as the
    pieces a speech act may hold, and claims its frames with its contents.
    """

    name = "reported"
    requires = frozenset({"lemmas"})
    claims_frames = True

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]:
        return find_reported(doc, lexicon, claims, quoted=claims.quoted)
