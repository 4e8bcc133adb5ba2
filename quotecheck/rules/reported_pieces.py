"""Reported speech acts around a short quoted piece.

Part of :mod:`quotecheck.rules.reported` (split out of it unchanged). The
verbatim piece is the evidence that words were reported, so weaker speech verbs
qualify (nennen, bezeichnen, sprechen von, warnen vor). Holds:

* finding the short quoted pieces of a sentence (:func:`_piece_tokens`);
* the piece in the object of a verb-second act („Der Trainer nannte die
  Absage einen „Vertrauensbruch““, :func:`_piece_sentence`, :func:`_piece_act`);
* the piece before the verb („Von einem „Skandal“ sprach der Abgeordnete“,
  :func:`_preposed_piece`);
* the piece in a verb-final clause („…, der die Absage als „Vertrauensbruch“
  bezeichnet hatte“, :func:`_verb_final_piece`).
"""

from __future__ import annotations

import bisect
import enum
import itertools

from attrs import frozen

from quotecheck import tuning
from quotecheck.analysis.base import Doc
from quotecheck.attribution.nounphrase import function_word_classes, parse_noun_phrase, with_attached
from quotecheck.lexicon import Lexicon, SpeechVerb
from quotecheck.morph import finite_mood
from quotecheck.rules.candidate import Candidate, CueMatch
from quotecheck.rules.clauses import CLAUSE_BREAKS, classes_at, clause_end, clause_start, relative_antecedent
from quotecheck.rules.content import content_end
from quotecheck.rules.cues import match_speech_verb
from quotecheck.rules.reported_acts import (
    _act,
    _base_form,
    _inside,
    _marker,
    _negated,
    _one_constituent,
    _opening_subject,
    _relative_clauses,
    _subject_before,
    _with_marker,
)
from quotecheck.rules.reported_passive import _passive_agent, _passive_aux
from quotecheck.text import KIND_CODES
from quotecheck.verbforms import find_finite


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


def _preposed_piece(
    doc: Doc, lexicon: Lexicon, first: int, verb: int, end: int, cue: CueMatch, ranges: list[tuple[int, int]]
) -> Candidate | None:
    """„Von einem „Skandal“ sprach der Abgeordnete“: the prepositional object with the piece opens the sentence."""
    tokens = doc.tokens
    entry = cue.verb
    if entry is None or (entry.lemma, tokens[first].text.lower()) not in lexicon.pieces.prepositional:
        return None
    if not any(first < lo and hi <= verb for lo, hi in ranges) or not _one_piece_constituent(doc, lexicon, first, verb, ranges):
        return None
    np = parse_noun_phrase(doc, lexicon, verb + 1, end)
    if np is None or np.dative:
        return None
    if _negated(doc, lexicon, first, end, ranges):
        return None
    if tokens[first].text.lower() in lexicon.pieces.cue_prepositions:
        cue = CueMatch(tuple(sorted((*cue.tokens, first))), cue.lemma, entry)
    return _act(doc, lexicon, first, [(first, verb)], cue, (first, max(end, np.end)), (np.start, np.end), "reported.piece_before")


def _piece_sentence(doc: Doc, lexicon: Lexicon, first: int, last: int, pieces: list[tuple[int, int]]) -> Candidate | None:
    """A speech act whose object material holds a quoted piece (see the module docstring)."""
    ranges = _piece_tokens(doc, first, last, pieces)
    if not ranges:
        return None
    embedded = _relative_clauses(doc, lexicon, first, min(last, ranges[0][0]))
    for verb in range(first + 1, min(last, first + tuning.PREFIELD_TOKENS + len(embedded))):
        tok = doc.tokens[verb]
        if tok.kind != "word" or not tok.text[:1].islower() or _inside(verb, ranges) or verb in embedded:
            continue
        found = _piece_cue_at(doc, lexicon, verb, last, ranges, first)
        if found is _Verdict.NEXT_WORD:
            continue
        if found is None:
            break
        act = _piece_act(doc, lexicon, first, last, verb, found, ranges)
        if act is not None:
            return act
        break
    final = next((act for lo, _ in ranges if (act := _verb_final_piece(doc, lexicon, first, last, lo, ranges)) is not None), None)
    return final or _coordinated_piece(doc, lexicon, first, last, ranges, embedded)


def _coordinated_piece(
    doc: Doc, lexicon: Lexicon, first: int, last: int, ranges: list[tuple[int, int]], embedded: frozenset[int]
) -> Candidate | None:
    """„Die Regierung zeigte sich bestürzt und verurteilte den Angriff als „feige““: the second verb shares the subject.

    The sentence opens with its subject and a finite verb that frames no piece, or
    with an adverbial, the finite verb and the subject („Im Rathaus zeigte sich die
    Regierung bestürzt und verurteilte …“); a coordinator (``frame_coordinator``)
    before the first piece opens a verb-first clause whose verb frames the piece
    as in a main clause (:func:`_piece_act`).
    """
    tokens = doc.tokens
    subject = _opening_subject(doc, lexicon, first, ranges[0][0], embedded) or _subject_after_prefield(doc, lexicon, first, ranges[0][0])
    if subject is None:
        return None
    for k in range(subject[1] + 1, ranges[0][0] - 1):
        if tokens[k].text.lower() not in lexicon.rule_words.frame_coordinator or k in embedded:
            continue
        found = _piece_cue_at(doc, lexicon, k + 1, last, ranges)
        if isinstance(found, _PieceCue) and found.at == k + 1:
            return _piece_act(doc, lexicon, k + 1, last, k + 1, found, ranges, subject)
    return None


def _subject_after_prefield(doc: Doc, lexicon: Lexicon, first: int, stop: int) -> tuple[int, int] | None:
    """The subject right after the finite verb of a one-constituent prefield („Am Abend lobte die Ministerin …“).

    A reflexive pronoun may stand between them („Im Rathaus zeigte sich die Regierung …“).
    """
    verb = find_finite(doc, lexicon, first, stop)
    if verb is None or verb <= first or not doc.tokens[verb].text[:1].islower() or not _one_constituent(doc, lexicon, first, verb):
        return None
    start = verb + 1
    if start < stop and doc.tokens[start].text.lower() in lexicon.clause.reflexives:
        start += 1  # „Im Rathaus zeigte sich die Regierung bestürzt …“
    np = parse_noun_phrase(doc, lexicon, start, stop)
    if np is None or np.dative or np.start != start or "not_nominative" in function_word_classes(lexicon, doc.tokens[np.start].text.lower()):
        return None
    return np.start, np.end


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
    if cue is None or cue.verb is None or _too_weak(lexicon, cue.verb) or cue.verb.is_phrase:
        return None
    entry = cue.verb
    if entry.lemma in lexicon.rule_words.not_reported:
        return None
    if entry.strength < tuning.MIN_PIECE_STRENGTH:
        weak = _weak_marker(doc, lexicon, entry, head + 1, head + 1, piece)
        return None if weak is None else _with_marker(doc, lexicon, cue, weak[0]) if weak[1] else cue
    marker = _marker(doc, lexicon.frames.markers_of(entry.lemma), head + 1, piece + 1)
    if marker is not None:
        return _with_marker(doc, lexicon, cue, marker)
    preposition = any((entry.lemma, tokens[k].text.lower()) in lexicon.pieces.prepositional for k in range(head + 1, piece))
    if not preposition and (entry.lemma in lexicon.pieces.preposition_only or "np" not in entry.valency and not entry.reported):
        return None
    return cue


def _too_weak(lexicon: Lexicon, entry: SpeechVerb) -> bool:
    """A verb too weak to frame a piece, even through a ``weak_frame`` marker."""
    return entry.strength < tuning.MIN_PIECE_STRENGTH and entry.lemma not in lexicon.pieces.weak_lemmas


def _weak_marker(doc: Doc, lexicon: Lexicon, entry: SpeechVerb, first: int, verb: int, piece: int) -> tuple[int, bool] | None:
    """The marker of a weak verb's frame before the (last) piece, and whether it joins the cue.

    A ``weak_frame`` marker after the verb opens the piece's phrase („sieht die
    Reform als „Irrweg““, „hält den Plan für „verfehlt““). A ``weak_frame_beside``
    marker after the verb or opening the prefield („In der Reform sieht der
    Verband einen „Irrweg““) needs the piece opened by an indefinite article: „sah
    eine Zugabe der in Schwarz gekleideten „Nachtfalter““ is none; nor is a phrase
    of place or time („sahen in der Ferne einen „Drachen““).
    """
    tokens = doc.tokens
    pieces = lexicon.pieces
    words = [(k, (entry.lemma, tokens[k].text.lower())) for k in range(verb + 1, piece)]
    opening = next((k for k, pair in words if pair in pieces.weak_frames), None)
    if opening is not None:
        return opening, True
    beside = next((k for k, pair in words if pair in pieces.weak_frames_beside), None)
    if beside is None and first < verb and (entry.lemma, tokens[first].text.lower()) in pieces.weak_frames_beside:
        beside = first
    if beside is None or piece == 0 or "indefinite" not in function_word_classes(lexicon, tokens[piece - 1].text.lower()):
        return None
    if _sets_the_scene(doc, lexicon, beside, piece):
        return None
    return beside, False


def _sets_the_scene(doc: Doc, lexicon: Lexicon, marker: int, piece: int) -> bool:
    """Whether the marker's phrase is where or when one sees („sahen in der Ferne einen „Riesen““): its noun is a ``setting_noun``."""
    tokens = doc.tokens
    noun = next((k for k in range(marker + 1, min(piece, marker + 4)) if tokens[k].text[:1].isupper()), None)
    return noun is not None and tokens[noun].text.lower() in lexicon.pieces.setting_nouns


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
    doc: Doc, lexicon: Lexicon, verb: int, last: int, ranges: list[tuple[int, int]], first: int | None = None
) -> _PieceCue | _Verdict | None:
    """The speech verb whose clause starts at the word ``verb``; None when the sentence has none.

    „hatte den Bericht als „falsch“ zurückgewiesen“: after an auxiliary the participle
    closing the clause is the cue. A plural present form is finite after the
    verb's prepositional object with the piece, from ``first`` on („Von einem
    „Skandal“ sprechen die Zeitungen“).
    """
    tokens = doc.tokens
    end = _past_apposition(doc, lexicon, clause_end(doc, verb + 1, last, ranges), last, ranges)
    cue_at = verb
    if doc.lemma(verb).lower() in lexicon.pieces.auxiliaries:
        cue_at = end - 1
        if cue_at <= verb or tokens[cue_at].kind != "word" or _inside(cue_at, ranges):
            return None
    cue = _piece_cue(doc, lexicon, cue_at, end, ranges) if cue_at == verb else match_speech_verb(doc, lexicon, cue_at, cue_at + 1)
    if cue is None or cue.verb is None:
        return _Verdict.NEXT_WORD if cue_at == verb else None
    entry = cue.verb
    if _too_weak(lexicon, entry) or entry.is_phrase or entry.lemma in lexicon.rule_words.not_reported:
        return None
    if cue_at == verb and _base_form(doc, verb) and not _preposed_object(doc, lexicon, entry, first, verb, ranges):
        return None  # an infinitive or a plural present form in a subordinate clause
    return _PieceCue(cue, cue_at, end)


def _past_apposition(doc: Doc, lexicon: Lexicon, end: int, last: int, ranges: list[tuple[int, int]]) -> int:
    """The clause end past an apposition between commas („nannte Anna Kurz, Sprecherin des Verbandes, den Plan …“)."""
    tokens = doc.tokens
    if end + 1 >= last or tokens[end].text != "," or not tokens[end - 1].text[:1].isupper():
        return end
    closing = _apposition_closed_at(doc, lexicon, end, last)
    return end if closing is None else clause_end(doc, closing + 1, last, ranges)


def _apposition_closed_at(doc: Doc, lexicon: Lexicon, comma: int, limit: int) -> int | None:
    """The comma that closes an apposition opened by the comma at ``comma``, before ``limit``.

    „Anna Kurz, Sprecherin des Verbandes, …“: a noun phrase (with what attaches
    to it), neither dative nor a pronoun, between two commas.
    """
    np = parse_noun_phrase(doc, lexicon, comma + 1, limit)
    if np is not None:
        np = with_attached(doc, lexicon, np, limit)
    if np is None or np.dative or np.pronoun is not None or np.end >= limit or doc.tokens[np.end].text != ",":
        return None
    return np.end


def _preposed_object(
    doc: Doc, lexicon: Lexicon, entry: SpeechVerb, first: int | None, verb: int, ranges: list[tuple[int, int]]
) -> bool:
    """Whether ``[first, verb)`` is the verb's prepositional object holding a piece („Von „Betrug“ sprechen …“)."""
    if first is None or (entry.lemma, doc.tokens[first].text.lower()) not in lexicon.pieces.prepositional:
        return False
    return any(first < lo and hi <= verb for lo, hi in ranges) and _one_piece_constituent(doc, lexicon, first, verb, ranges)


def _one_piece_constituent(doc: Doc, lexicon: Lexicon, first: int, verb: int, ranges: list[tuple[int, int]]) -> bool:
    """:func:`_one_constituent`, where a coordinator right after a piece joins two pieces („von „A“ oder „B““)."""
    ends = {hi for _, hi in ranges}
    tokens = doc.tokens
    return not any(
        tokens[k].text in (",", ";", ":") or "coordinator" in classes_at(doc, lexicon, k) and k not in ends
        for k in range(first, verb)
    )


def _piece_act(
    doc: Doc,
    lexicon: Lexicon,
    first: int,
    last: int,
    verb: int,
    found: _PieceCue,
    ranges: list[tuple[int, int]],
    shared: tuple[int, int] | None = None,
) -> Candidate | None:
    """The speech act of the verb at ``verb`` around the quoted pieces after it, if it is one.

    ``shared`` is the subject of a first clause the verb's clause is coordinated with
    („zeigte sich bestürzt und verurteilte …“, :func:`_coordinated_piece`).
    """
    tokens = doc.tokens
    entry, end = found.entry, found.end
    inner = [r for r in ranges if verb < r[0] and r[1] <= end]
    if not inner:
        return None if entry.strength < tuning.MIN_PIECE_STRENGTH else _preposed_piece(doc, lexicon, first, verb, end, found.cue, ranges)
    cue = _piece_frame_cue(doc, lexicon, first, verb, found, inner)
    if cue is None:
        return None
    subject = shared or _subject_before(doc, lexicon, first, verb)
    speaker = subject if subject is not None else _inverted_piece_speaker(doc, lexicon, first, last, verb, inner[0][0])
    if speaker is None or _negated(doc, lexicon, first, end, ranges):
        return None
    start = verb + 1 if subject is not None else speaker[1] + (tokens[speaker[1]].text == ",")
    stop = _piece_content_end(doc, lexicon, start, verb, found, ranges, inner[-1][1])
    if stop <= start:
        return None
    frame = (first, max(stop, cue.tokens[-1] + 1))
    agent = _passive_agent(doc, lexicon, verb, inner[0][0]) if subject is not None and found.at != verb else None
    if agent is not None and subject is not None:
        # „Der Sieg wurde von X als „Meilenstein“ bezeichnet“: the agent spoke, the subject is material
        return _act(doc, lexicon, first, [subject, (agent.end, stop)], cue, frame, (agent.start, agent.end), "reported.passive_agent")
    return _act(doc, lexicon, first, [(start, stop)], cue, frame, speaker, "reported.piece")


def _piece_frame_cue(
    doc: Doc, lexicon: Lexicon, first: int, verb: int, found: _PieceCue, inner: list[tuple[int, int]]
) -> CueMatch | None:
    """The cue of a verb framing the pieces ``inner`` after it, with its marker or preposition; None if it frames none.

    A weak verb needs its marker (:func:`_weak_marker`) and the indicative; a
    verb of ``prepositional_frame`` its preposition („sprach von“, not „sprach
    mit dem „Paten““); a self-naming verb with a reflexive object names a name.
    """
    tokens = doc.tokens
    entry, cue = found.entry, found.cue
    preposition = next(
        (k for k in range(verb + 1, inner[0][0]) if (entry.lemma, tokens[k].text.lower()) in lexicon.pieces.prepositional), None
    )
    if entry.strength < tuning.MIN_PIECE_STRENGTH:
        weak = _weak_marker(doc, lexicon, entry, first, verb, inner[-1][0])
        if weak is None:
            return None  # „sah einen „Tatort““: a weak verb frames a piece only through its marker
        if finite_mood(doc, lexicon, verb) == "subj1":
            return None  # „Außerdem halte die Fraktion den Schritt für „…““: someone's reported view, in a run
        if weak[1]:
            cue = _with_marker(doc, lexicon, cue, weak[0])  # „sieht … als“, as „bezeichnete … als“
    elif preposition is None and (entry.lemma in lexicon.pieces.preposition_only or "np" not in entry.valency and not entry.reported):
        return None  # „sprach mit dem „Paten““: only „sprechen von“ reports words
    if _names_itself(doc, lexicon, entry, verb, inner[0][0]):
        return None  # „Der Verein nannte sich „die Teufel““: a name
    if preposition is not None and tokens[preposition].text.lower() in lexicon.pieces.cue_prepositions:
        cue = CueMatch(tuple(sorted((*cue.tokens, preposition))), cue.lemma, entry)
    return cue


def _names_itself(doc: Doc, lexicon: Lexicon, entry: SpeechVerb, verb: int, piece: int) -> bool:
    """Whether a ``self_naming`` verb has a reflexive pronoun object before the piece („nannte sich „…““)."""
    if entry.lemma not in lexicon.pieces.self_naming:
        return False
    return any(doc.tokens[k].text.lower() in lexicon.clause.reflexives for k in range(verb + 1, piece))


def _inverted_piece_speaker(
    doc: Doc, lexicon: Lexicon, first: int, last: int, verb: int, piece: int
) -> tuple[int, int] | None:
    """„Als „falsch“ bezeichnete der Minister …“: the subject right after the verb, before the piece.

    An apposition between commas belongs to it („Am Montag nannte Anna Kurz,
    Sprecherin des Verbandes, den Plan „überflüssig““); the content starts after it.
    """
    np = parse_noun_phrase(doc, lexicon, verb + 1, last)
    if np is None or np.dative or np.end > piece or not _one_constituent(doc, lexicon, first, verb):
        return None
    if np.end + 1 < piece and doc.tokens[np.end].text == ",":
        closing = _apposition_closed_at(doc, lexicon, np.end, piece)
        if closing is not None:
            return np.start, closing
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
