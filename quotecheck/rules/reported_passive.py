"""Reported speech acts in the perfect and the passive.

Part of :mod:`quotecheck.rules.reported` (split out of it unchanged). Holds:

* the perfect with the participle at the clause end („Brenneisen hatte die
  Vorwürfe zurückgewiesen“, :func:`_perfect`);
* the passive with „werden“ and an optional „von“ agent, before or after the
  auxiliary („Von der Opposition wurde der Besuch als Wahlkampfshow
  kritisiert“, „Der Sieg wurde von X als „Meilenstein“ bezeichnet“,
  :func:`_passive`, :func:`_passive_agent`).
"""

from __future__ import annotations

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.attribution.nounphrase import NounPhrase, function_word_classes, parse_noun_phrase
from quotecheck.lexicon import Lexicon
from quotecheck.rules.candidate import Candidate, CueMatch
from quotecheck.rules.clauses import SENTENCE_END, clause_end, word_count
from quotecheck.rules.cues import match_speech_verb
from quotecheck.rules.reported_acts import _act, _base_form, _marker, _negated, _one_constituent, _reports_act, _subject_before, _toll, _with_marker


def _perfect(doc: Doc, lexicon: Lexicon, first: int, last: int) -> Candidate | None:
    """„Brenneisen hatte die Vorwürfe zurückgewiesen“: a speech act in the perfect.

    The finite auxiliary stands second, after the subject; the participle of an
    unambiguous reporting verb closes the clause; its object is the content.
    """
    tokens = doc.tokens
    auxiliaries = lexicon.rule_words.act_auxiliary
    aux = None  # the first words of every sentence: each token read once, unpacked (no slice: a long document's is dearer)
    for k in range(first + 1, min(last, first + tuning.AUXILIARY_TOKENS)):
        _, _, text, kind = tokens[k]
        if kind == "word" and text.islower() and doc.lemma(k).lower() in auxiliaries:
            aux = k
            break
    if aux is None:
        return None
    end = clause_end(doc, aux + 1, last)
    participle = end - 1
    if participle <= aux + 1 or end < last and tokens[end].text not in SENTENCE_END:
        return None  # only a whole main clause: „…, dass er … zurückgewiesen hatte“ is indirect speech
    start = aux + 1
    cue = match_speech_verb(doc, lexicon, participle, participle + 1)
    if cue is None or cue.verb is None:
        return None  # the cheap test before the subject's noun phrase: most clauses end in no speech verb
    # The subject must open the clause: with an inverted one („Am Montag hat der Minister …
    # kritisiert“) the rule found more false reports than true ones on both benchmarks.
    subject = _subject_before(doc, lexicon, first, aux)
    if subject is None:
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
    auxiliaries = _passive_auxiliaries(lexicon)
    aux = next((k for k in range(first + 1, min(last, first + tuning.PREFIELD_TOKENS)) if tokens[k].text.lower() in auxiliaries), None)
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
    return doc.tokens[k].text.lower() in _passive_auxiliaries(lexicon)


def _passive_auxiliaries(lexicon: Lexicon) -> frozenset[str]:
    """The words :func:`_passive_aux` accepts: a prefield is scanned with one look-up a word.

    The passive and statal auxiliaries of the lexicon without the participle
    („worden“) and the Konjunktiv forms („würde“, „werde“).
    """
    return lexicon.indicative_passive_auxiliaries


def _leading_agent(doc: Doc, lexicon: Lexicon, first: int, aux: int) -> NounPhrase | None:
    """„Von der Opposition wurde …“: the „von“ agent filling the prefield."""
    if "source_prep" not in function_word_classes(lexicon, doc.tokens[first].text.lower()):
        return None
    np = parse_noun_phrase(doc, lexicon, first + 1, aux)
    return np if np is not None and np.end == aux else None


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
