"""Attribution: speakers, addressees and intermediary sources of candidates.

Where the speaker is looked for, given a candidate's frame and cue:

* passive agent: „wurde **von X** mit den Worten zitiert“;
* before the cue: „**Kim** sagte: …“, „**Der Minister** erklärte am Montag, …“;
* after the cue, inverted: „sagte **der russische Präsident Wladimir Putin**“,
  where a dative noun phrase right after the cue is the addressee, not the
  speaker („sagte **dem Minister** Kroll“);
* a coordinated clause with the subject left out: in „Kim sprach es nicht an,
  sagte Putin jedoch, er werde …“ Kim speaks and Putin is addressed;
* after „so“ („…“, so **der Kreml**), before a colon („**Merkel**: „…““).

Sources are the according-to phrases and reporting clauses of the quote's
sentence outside its content (laut X, X zufolge, unter Berufung auf X, nach
Angaben von X, wie X berichtete, berichtete X), nearest to the text first.
Names are resolved by :class:`~quotecheck.mentions.Coreference`.
"""

from __future__ import annotations

from typing import Sequence

import attrs
from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.lexicon import DETERMINER_CLASSES, Lexicon, SpeechVerb
from quotecheck.mentions import (
    SUBJECT_PRONOUNS,
    Coreference,
    Entity,
    NounPhrase,
    function_word_classes as _classes,
    is_report_noun,
    org_kind,
    organization_in,
    parse_noun_phrase,
    with_attached,
)
from quotecheck.model import SPEAKER_TYPES, Cue, Mention, Quote, Role
from quotecheck.rules import dependency
from quotecheck.rules.common import SO_WORDS, Candidate, according_phrase_at, char_span as _span, clause_end, overlaps, word_classes

__all__ = ["attribute", "find_speaker", "find_sources"]

#: A quote with no frame of its own continues the last speaker only this close.
_INHERIT_PARAGRAPHS = 1
_REPORT_CLASSES = frozenset({"report"})
_MEDIA_TYPES = frozenset({"media", "news_agency"})
_QUOTE_LEMMAS = frozenset({"zitieren"})


def find_speaker(doc: Doc, lexicon: Lexicon, cand: Candidate) -> tuple[NounPhrase | None, NounPhrase | None]:
    """(speaker, addressee) noun phrases of a candidate, from its frame and cue."""
    if cand.speaker_tokens is not None:
        given = _given_speaker(doc, lexicon, *cand.speaker_tokens)
        if cand.cue is None or cand.frame is None or _nominative(given, lexicon) and given.pronoun in (None, *SUBJECT_PRONOUNS):
            return given, None
        # a rule's guess that cannot be a subject („verlangte den Rückzug“): read the clause
        found = _speaker_of_verb(doc, lexicon, cand, *cand.frame)
        return found if found[0] is not None else (given, None)
    if cand.frame is None:
        return None, None
    start, end = cand.frame
    if cand.cue is not None:
        return _speaker_of_verb(doc, lexicon, cand, start, end)
    if cand.cue_spans:
        cue = doc.layer.token_at(cand.cue_spans[0][0])
        if cue is None:
            return None, None
        word = doc.tokens[cue].text
        if word.lower() in SO_WORDS:
            return parse_noun_phrase(doc, lexicon, cue + 1, end), None
        if word == ":":
            return _colon_speaker(doc, lexicon, start, cue), None
    return None, None


def _colon_speaker(doc: Doc, lexicon: Lexicon, start: int, colon: int) -> NounPhrase | None:
    """The speaker of a colon frame without a speech verb.

    „Merkel: „…““ (a noun phrase alone) names the speaker right before the colon;
    a clause („Hier sparte der Bundespräsident nicht mit Kritik: „…““, „Im Kongress
    warb Obama mit den Worten: „…““) names it as its subject, not as the noun
    phrase that happens to end at the colon.
    """
    so = next((k for k in range(colon - 2, start, -1) if doc.tokens[k].text.lower() in SO_WORDS and doc.tokens[k - 1].text == ","), None)
    if so is not None and (np := parse_noun_phrase(doc, lexicon, so + 1, colon)) is not None:
        return np  # „…, so Elshorst weiter: „…““
    verb = _verb_outside_mentions(doc, lexicon, start, colon)
    if verb is None:
        # „Die Kanzlerin Angela Merkel, CDU: „…““, „Der Minister in Berlin: „…““: the first mention
        np = parse_noun_phrase(doc, lexicon, start, colon)
        return _extended(doc, lexicon, np, colon) if np is not None else _np_ending_at(doc, lexicon, colon, start)
    speaker, _ = _subject_in_clause(doc, lexicon, start, colon, verb)
    return speaker if speaker is not None else _np_ending_at(doc, lexicon, colon, start)


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
        if tok.kind == "word" and tok.text[:1].islower() and not _classes(lexicon, tok.text):
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
        return NounPhrase(start, end)
    np = with_attached(doc, lexicon, np, end)  # „Der Bürgermeister von Marathonas, Giorgos Leventis“
    if np.end + 1 < end and doc.tokens[np.end].text == ",":
        apposition = parse_noun_phrase(doc, lexicon, np.end + 1, end)
        if apposition is not None and apposition.name_tokens:
            return attrs.evolve(apposition, start=np.start)
    return np


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
    passive_subject = dependency.passive_subject_of(doc, verb) if _quoting(cand) else None
    speaker = passive_subject if passive_subject is not None else dependency.subject_of(doc, verb)
    return _mention_in(doc, lexicon, speaker), _mention_in(doc, lexicon, dependency.addressee_of(doc, verb))


def _speaker_of_verb(
    doc: Doc, lexicon: Lexicon, cand: Candidate, start: int, end: int
) -> tuple[NounPhrase | None, NounPhrase | None]:
    assert cand.cue is not None
    tokens = doc.tokens
    verb = cand.cue.tokens[0]
    if doc.has_parse:
        speaker, addressee = _speaker_of_parse(doc, lexicon, cand)
        if speaker is not None:
            return speaker, addressee
    passive = _passive(doc, lexicon, start, end)
    if passive and _quoting(cand):
        # „Der Minister wurde von der Zeitung mit den Worten zitiert“: the subject spoke
        np = parse_noun_phrase(doc, lexicon, start, verb)
        if np is not None and np.end < verb and "passive_aux" in _classes(lexicon, tokens[np.end].text):
            return np, None
    elif passive:
        # „wurde von X als … bezeichnet“: the agent speaks (with „zitiert“ it only quotes)
        for i in range(start, end - 1):
            # lower case, or opening the clause („Von der Staatsanwaltschaft wurde bestätigt“)
            if (tokens[i].text.islower() or i == start) and "source_prep" in _classes(lexicon, tokens[i].text.lower()):
                np = parse_noun_phrase(doc, lexicon, i + 1, end)
                if np is not None:
                    return np, None
    elided = _elided_subject(doc, lexicon, cand, verb)
    if elided is not None:
        return elided
    start = _main_clause_start(doc, start, verb)
    speaker, addressee = _subject_in_clause(doc, lexicon, start, end, verb)
    if speaker is None and start > 0:
        speaker = _subject_left_of_frame(doc, lexicon, cand, start)
    if speaker is not None:
        after = max(speaker.end, verb + 1)
        return speaker, addressee or _addressee_after(doc, lexicon, after, end)
    return None, addressee


def _main_clause_start(doc: Doc, start: int, verb: int) -> int:
    """Where the cue's own clause starts when the frame opens with a subordinate clause.

    „Wie die Zeitung meldete, soll der Minister gesagt haben: „…““: the subject of
    „gesagt“ is after the comma; „die Zeitung“ belongs to the wie-clause.
    """
    if not word_classes(doc, start) & {"subordinator", "w_word"}:
        return start
    comma = next((k for k in range(verb - 1, start, -1) if doc.tokens[k].text == ","), None)
    return comma + 1 if comma is not None else start


def _quoting(cand: Candidate) -> bool:
    """Whether the cue is „zitieren“, alone or in a phrase („mit den Worten zitiert“)."""
    cue = cand.cue
    if cue is None:
        return False
    base = cue.verb.base if cue.verb is not None else None
    return cue.lemma in _QUOTE_LEMMAS or base in _QUOTE_LEMMAS


def _nominative(np: NounPhrase, lexicon: Lexicon) -> bool:
    """Whether a noun phrase can be a subject: not dative, accusative or genitive."""
    return not np.dative and "not_nominative" not in _classes(lexicon, np.determiner or "")


def _finite_position(doc: Doc, lexicon: Lexicon, start: int, verb: int) -> int:
    """The finite verb of the cue's clause: an auxiliary before it („hatte … erklärt“) or the cue."""
    tokens = doc.tokens
    for j in range(start, verb):
        if "aux" in _classes(lexicon, tokens[j].text) and tokens[j].text[:1].islower():
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
    tokens = doc.tokens
    finite = _finite_position(doc, lexicon, start, verb)
    if finite > start:
        front = _front_subject(doc, lexicon, start, finite)
        if front is not None:
            pronoun = parse_noun_phrase(doc, lexicon, finite + 1, end) if finite + 1 < end else None
            if not (pronoun is not None and pronoun.pronoun in _NOMINATIVE_PRONOUNS and front.determiner is not None
                    and front.role is None and not front.name_tokens):
                return front, None
    addressee = None
    i = start
    limit = min(end, len(tokens))
    while i < limit:
        tok = tokens[i]
        if i in (finite, verb) or tok.kind != "word":
            if tok.text in (":", ";") or tok.kind == "quote":
                break
            i += 1
            continue
        classes = _classes(lexicon, tok.text)
        phrase = according_phrase_at(doc, lexicon, i, limit)
        if phrase is not None and phrase.position in ("pre", "circum"):
            # „sagte nach Angaben der Nachrichtenagentur Reuters“: the phrase and its source are no subject
            after = i + len(phrase.words)
            np = parse_noun_phrase(doc, lexicon, after, limit, coordination=False) if after < limit else None
            i = np.end if np is not None and np.pronoun is None else after
            continue
        if classes & _PREPOSITIONS:
            np = parse_noun_phrase(doc, lexicon, i + 1, limit, coordination=False)
            i = np.end if np is not None else i + 1
            continue
        if tok.text[:1].islower() and not classes & DETERMINER_CLASSES and tok.text.lower() not in SUBJECT_PRONOUNS:
            i += 1
            continue
        np = parse_noun_phrase(doc, lexicon, i, limit)
        if np is None:
            i += 1
            continue
        if np.dative or "not_nominative" in _classes(lexicon, np.determiner or ""):
            if np.dative and addressee is None and i > verb:
                addressee = np
            i = max(np.end, i + 1)
            continue
        if np.pronoun is not None and np.pronoun not in SUBJECT_PRONOUNS:
            i += 1
            continue
        return _extended(doc, lexicon, np, limit), addressee
    return None, addressee


#: Subject pronouns that cannot be anything else („sie“ may be an accusative).
_NOMINATIVE_PRONOUNS = SUBJECT_PRONOUNS - {"sie"}
_PREPOSITIONS = frozenset({"prep", "addressee_prep", "source_prep"})


def _front_subject(doc: Doc, lexicon: Lexicon, start: int, finite: int) -> NounPhrase | None:
    """The subject filling the whole position before the finite verb, if it is one."""
    tokens = doc.tokens
    word = tokens[start].text
    classes = _classes(lexicon, word)
    if tokens[start].kind != "word" or classes & (_PREPOSITIONS | {"conj", "adverbial", "time"}):
        return None
    if not word[:1].isupper() and not classes & {"det", "possessive"} and word.lower() not in SUBJECT_PRONOUNS:
        return None  # „dankte den Menschen …“: a verb, not a noun phrase
    np = parse_noun_phrase(doc, lexicon, start, finite)
    if np is None or not _nominative(np, lexicon) or (np.pronoun is not None and np.pronoun not in SUBJECT_PRONOUNS):
        return None
    np = _with_apposition(doc, lexicon, np, finite)
    stop = _attributes_end(doc, lexicon, np.end, finite)
    while stop > np.end and tokens[stop - 1].text in (",", "–", "—"):
        stop -= 1
    if np.end >= stop:
        return attrs.evolve(np, end=stop)
    # the rest must be attributes of the noun (prepositional phrases, brackets,
    # a relative clause after a comma), not a clause of its own
    if any(tokens[k].kind == "quote" or tokens[k].text in (":", ";") for k in range(np.end, stop)):
        return np
    comma = next((k for k in range(stop - 2, np.end - 1, -1) if tokens[k].text == ","), None)
    if comma is not None and not np.name_tokens:
        # „Die Verhandlungsführerin der Allianz kleiner Inselstaaten, Mele Tuilagi,“: the name names her
        named = parse_noun_phrase(doc, lexicon, comma + 1, stop, coordination=False)
        if named is not None and named.name_tokens and named.end == stop and named.pronoun is None:
            return attrs.evolve(named, start=np.start, role=named.role or np.role, role_type=named.role_type or np.role_type)
    return attrs.evolve(np, end=stop)


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
        if word == "," and "relative" in word_classes(doc, k + 1):
            return k
        classes = _classes(lexicon, word)
        if "prep" in classes and "article_prep" not in classes and word.islower() and _adverbial_phrase(doc, lexicon, k + 1):
            return k
    return finite


def _adverbial_phrase(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    """A prepositional object with no article and no name: „heiterem Himmel“, „Sicherheitsgründen“."""
    tok = doc.tokens[i]
    if tok.kind != "word" or _classes(lexicon, tok.text):
        return False
    if tok.text[:1].islower():
        return True  # an adjective opens it
    # an inflected common noun keeps no capital-letter lemma of its own form („Gründen“ → „Grund“)
    return doc.lemma(i) != tok.text and tok.text not in lexicon.first_names and lexicon.organization(tok.text) is None


def _with_apposition(doc: Doc, lexicon: Lexicon, np: NounPhrase, limit: int) -> NounPhrase:
    """„Tegaye Mununhe, der Polizeichef der Region,“: one mention over both.

    The name-bearing part decides the entity; the role of the other is kept.
    """
    tokens = doc.tokens
    if np.end + 1 >= limit or tokens[np.end].text != "," or np.pronoun is not None:
        return np
    other = parse_noun_phrase(doc, lexicon, np.end + 1, limit)
    if other is None or other.pronoun is not None or not (other.name_tokens or other.role):
        return np
    if other.end < limit and tokens[other.end].text not in (",", "–", "—"):
        return np  # not closed off: „Kim, Putin sagte …“ is no apposition
    if np.name_tokens or not other.name_tokens:
        return attrs.evolve(np, end=other.end, role=np.role or other.role, role_type=np.role_type or other.role_type)
    return attrs.evolve(other, start=np.start, role=other.role or np.role, role_type=other.role_type or np.role_type)


def _extended(doc: Doc, lexicon: Lexicon, np: NounPhrase, limit: int) -> NounPhrase:
    """The mention with its apposition and the phrases that belong to its noun."""
    np = _with_apposition(doc, lexicon, np, limit)
    tokens = doc.tokens
    if np.pronoun is not None:
        return np
    end = np.end
    while end + 1 < limit:
        word = tokens[end].text.lower()
        institution = np.role_type == "organization" or (not np.name_tokens and np.role is not None and np.role_type != "person")
        classes = _classes(lexicon, word)
        if ("attached_prep" in classes or ("place_prep" in classes and institution)) and not (
            "article_prep" not in classes and _adverbial_phrase(doc, lexicon, end + 1)
        ):
            more = parse_noun_phrase(doc, lexicon, end + 1, limit, coordination=False)
            if more is None or more.pronoun is not None or more.end <= end + 1 and not more.name_tokens:
                break
            end = more.end
            continue
        break
    return attrs.evolve(np, end=end) if end != np.end else np


def _subject_left_of_frame(doc: Doc, lexicon: Lexicon, cand: Candidate, start: int) -> NounPhrase | None:
    """A subject before a frame that starts at its verb.

    „Ahmad Nuristani, der Vorsitzende der Wahlkommission, sagte, …“ and „Einer der
    Putschisten dankte den Menschen und ergänzte, …“: the rule's frame began at
    the verb; the subject opens the sentence, with no quoted text in between.
    """
    tokens = doc.tokens
    sentence = doc.sentences[doc.layer.sentence_index(start)]
    first = sentence.first
    if first >= start or tokens[start - 1].text not in (",", "und"):
        return None
    left, right = tokens[first].start, tokens[start - 1].end
    if overlaps((left, right), cand.content) or any(tokens[k].kind == "quote" for k in range(first, start)):
        return None
    if tokens[start - 1].text == ",":
        return _front_subject(doc, lexicon, first, start - 1) if _no_verb(doc, lexicon, first, start - 1) else None
    np, _ = _subject_in_clause(doc, lexicon, first, start - 1, _first_verb(doc, lexicon, first, start - 1))
    return np


def _no_verb(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """No finite verb outside commas: the range is one noun phrase with appositions."""
    depth = 0
    for k in range(start, end):
        text = doc.tokens[k].text
        if text == ",":
            depth ^= 1
        elif depth == 0 and (text.lower() in lexicon.speech_verbs or "aux" in _classes(lexicon, text)):
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
    if nxt is None or not (nxt.text == "," or "adverbial" in _classes(lexicon, nxt.text)):
        return None
    return subject, named


def _passive(doc: Doc, lexicon: Lexicon, start: int, end: int) -> bool:
    """A form of „werden“ and a „von“ phrase in the frame: a passive with an agent."""
    words = [doc.tokens[i].text.lower() for i in range(start, end)]
    classes = [_classes(lexicon, w) for w in words]
    return any("source_prep" in c for c in classes) and any("passive_aux" in c for c in classes)


def _quoted_by(doc: Doc, lexicon: Lexicon, i: int, end: int) -> bool:
    """„von X … zitiert“ with a form of „werden“ nearby."""
    window = range(i + 1, min(end, i + 10))
    sentence = doc.sentences[doc.layer.sentence_index(i)]
    return any(doc.lemma(k).lower() in _QUOTE_LEMMAS for k in window) and _passive(doc, lexicon, sentence.first, sentence.last)


def _addressee_after(doc: Doc, lexicon: Lexicon, start: int, end: int) -> NounPhrase | None:
    """„gegenüber der Zeitung“, „vor Journalisten“, „dem Sender“: to whom it was said."""
    tokens = doc.tokens
    for i in range(start, min(end, start + 6)):
        word = tokens[i].text
        classes = _classes(lexicon, word)
        if "addressee_prep" in classes:
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            if np is not None and not np.pronoun:
                return np
        after_prep = i > 0 and "prep" in _classes(lexicon, tokens[i - 1].text)
        if "det_dative" in classes and not after_prep:
            return parse_noun_phrase(doc, lexicon, i, end)  # „laut dem Blatt“ is no addressee
        after_statement = i > 0 and is_report_noun(lexicon, tokens[i - 1].text)  # „nach Angaben der Agentur“
        medium = _medium_after(doc, lexicon, i, end) if word in ("der", "einer") and not after_prep and not after_statement else None
        if medium is not None:
            return medium  # „sagte Sabine Krull der Nachrichtenagentur Reuters“: a feminine dative medium
        if "venue_prep" in classes:
            # „sagte Voss im ZDF“: the medium he spoke to
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            entry = organization_in(doc, lexicon, np.start, np.end) if np else None
            if entry is not None and entry.type in _MEDIA_TYPES:
                return np
    return None


def _medium_after(doc: Doc, lexicon: Lexicon, i: int, end: int) -> NounPhrase | None:
    """The noun phrase at ``i`` if it is a news agency or medium (and no „zufolge“ follows)."""
    np = parse_noun_phrase(doc, lexicon, i, end)
    if np is None or np.end < end and doc.tokens[np.end].text.lower() == "zufolge":
        return None
    return np if _is_medium(doc, lexicon, np) else None


def _is_medium(doc: Doc, lexicon: Lexicon, np: NounPhrase) -> bool:
    """A news agency or medium: by the gazetteer, or by its noun („die finnische Zeitung „…““)."""
    entry = organization_in(doc, lexicon, np.start, np.end)
    if entry is not None:
        return entry.type in _MEDIA_TYPES
    if np.name_tokens and np.name_tokens[0] > 0 and doc.tokens[np.name_tokens[0] - 1].kind == "quote":
        return True  # a title in quotation marks („die „Bild““, „der „Nordkurier““) names a publication
    return np.role is not None and org_kind(np.role) == "Medium"


def _np_ending_at(doc: Doc, lexicon: Lexicon, end: int, floor: int) -> NounPhrase | None:
    """The longest noun phrase that ends right before token ``end``.

    It never starts at a verb („sagte Brandt der Zeitung zufolge“: „der Zeitung“).
    """
    for k in range(max(floor, end - 8), end):
        if _is_speech_verb(doc, lexicon, k) or "aux" in _classes(lexicon, doc.tokens[k].text):
            continue
        np = parse_noun_phrase(doc, lexicon, k, end)
        if np is not None and np.end == end:
            return np
    return None


@frozen
class _Source:
    marker: tuple[int, int]  # token range of the whole source phrase („laut der AP“)
    np: NounPhrase


def find_sources(
    doc: Doc, lexicon: Lexicon, start: int, end: int, skip: Sequence[tuple[int, int]], speaker: NounPhrase | None
) -> list[_Source]:
    """Intermediaries in tokens ``[start, end)`` outside the ``skip`` character spans."""
    tokens = doc.tokens
    found: list[_Source] = []

    def inside(i: int) -> bool:
        return any(a <= tokens[i].start < b for a, b in skip)

    i = start
    while i < end:
        if inside(i):
            i += 1
            continue
        word = tokens[i].text.lower()
        source = None
        if word == "laut":
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            source = _Source((i, np.end), np) if np else None
        elif word == "berufung" and i + 1 < end and tokens[i + 1].text == "auf":
            np = parse_noun_phrase(doc, lexicon, i + 2, end)
            first = i - 1 if i > start and tokens[i - 1].text.lower() == "unter" else i
            source = _Source((first, np.end), np) if np else None
        elif word == "zufolge":
            np = _np_ending_at(doc, lexicon, i, start)
            if np is not None and np.determiner is None and np.role is None:
                # „sagte Brandt Reuters zufolge“: the agency alone, not the name before it
                np = next((parse_noun_phrase(doc, lexicon, k, i) for k in range(np.start + 1, i)
                           if organization_in(doc, lexicon, k, i) is not None), None) or np
            source = _Source((np.start, i + 1), np) if np else None
        elif word == "angaben" and i + 1 < end:
            j = i + 2 if tokens[i + 1].text.lower() == "von" else i + 1
            np = parse_noun_phrase(doc, lexicon, j, end)
            first = i - 1 if i > start and tokens[i - 1].text.lower() == "nach" else i
            source = _Source((first, np.end), np) if np else None
        elif word == "wie" and i + 1 < end:
            # „wie die Agentur Interfax berichtete“: only with a speech verb after the phrase
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            if np is not None and any(_is_speech_verb(doc, lexicon, k) for k in range(np.end, clause_end(doc, np.end, end))):
                source = _Source((i, np.end), np)
        elif word == "über" and any(doc.lemma(k).lower() == "lassen" for k in range(max(start, i - 8), i)):
            # „ließ über seinen Anwalt erklären“: the lawyer passes the words on
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            source = _Source((i, np.end), np) if np else None
        elif "source_prep" in _classes(lexicon, word) and _quoted_by(doc, lexicon, i, end):
            # „wurde von KCNA mit den Worten zitiert“: the quoting medium is a source
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            source = _Source((i, np.end), np) if np else None
        elif _is_report_verb(doc, lexicon, i):
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
            if np is not None and organization_in(doc, lexicon, np.start, np.end) is not None:
                source = _Source((np.start, np.end), np)
        if source is not None and (speaker is None or source.np.start != speaker.start):
            found.append(source)
            i = max(source.marker[1], i + 1)
            continue
        i += 1
    return found


def _speech_entry(doc: Doc, lexicon: Lexicon, i: int) -> SpeechVerb | None:
    """The speech-verb entry of a lower-case word at token ``i``, if it is one."""
    tok = doc.tokens[i]
    if tok.kind != "word" or not tok.text[:1].islower():
        return None
    return lexicon.speech_verbs.get(doc.lemma(i).lower())


def _is_speech_verb(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    return _speech_entry(doc, lexicon, i) is not None


def _is_report_verb(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    entry = _speech_entry(doc, lexicon, i)
    return entry is not None and entry.cls in _REPORT_CLASSES


def _source_mention(doc: Doc, lexicon: Lexicon, coref: Coreference, source: _Source) -> Mention:
    np = source.np
    entry = organization_in(doc, lexicon, np.start, np.end)
    span = _span(doc, *source.marker)
    if entry is not None:
        return Mention.from_spans(doc.text, [span], entry.name, entry.type)
    entity, kind = coref.resolve(np)
    if entity is None:
        return Mention.from_spans(doc.text, [span], None, "unknown")
    source_type = entity.org_type or ("person" if entity.type == "person" else "organization" if entity.type == "organization" else "unknown")
    return Mention.from_spans(doc.text, [span], entity.name, source_type)


def _speaker_type(kind: str) -> str:
    return kind if kind in SPEAKER_TYPES else "unknown"


@frozen
class _Previous:
    """What a quote without a frame of its own inherits."""

    speaker: Mention
    entity: Entity | None
    sources: tuple[Mention, ...]
    paragraph: int
    sentence: int


def attribute(doc: Doc, lexicon: Lexicon, candidates: Sequence[Candidate], doc_id: str | None = None) -> list[Quote]:
    """Turn candidates into attributed quotes, in text order."""
    ordered = sorted(candidates, key=lambda c: c.content[0][0])
    direct_spans = [span for c in ordered if c.kind == "direct" for span in c.content]
    coref = Coreference(doc, lexicon, skip=direct_spans)
    previous: _Previous | None = None
    prefix = f"{doc_id}:" if doc_id else ""
    quotes: list[Quote] = []
    for n, cand in enumerate(ordered, start=1):
        paragraph = doc.sentences[cand.sentence].paragraph
        speaker_np, addressee_np = find_speaker(doc, lexicon, cand)
        raw_sources = _raw_sources(doc, lexicon, cand, speaker_np, addressee_np)
        speaker_np, raw_sources = _promote_cited(doc, lexicon, speaker_np, raw_sources)
        report = _report_speaker(doc, lexicon, coref, cand, previous.sentence if previous else None)
        if report is not None:
            speaker_np = report
        author = _author_of_statement(doc, lexicon, speaker_np)
        speaker = addressee = None
        entity: Entity | None = None
        inherited_sources: tuple[Mention, ...] = ()
        phrase = _according_phrase(doc, lexicon, cand)
        last_entity = previous.entity if previous else None
        if speaker_np is not None:
            first, last = speaker_np.start, speaker_np.end
            if phrase is not None and (phrase[0] <= first and last <= phrase[1] or report is not None and cand.inherit_speaker):
                # „Angaben der Polizei“: the statement noun with its owner; „Demnach“ stands
                # for the report's author in this sentence
                first, last = phrase
            if report is None:
                last = _apposition_end(doc, lexicon, cand, last, bool(speaker_np.name_tokens))
            speaker, entity = _resolved(doc, coref, author or speaker_np, (first, last), last_entity)
            if entity is not None:
                coref.note(speaker_np, entity)
        elif phrase is not None and (owner := _reflexive_owner(doc, lexicon, cand, phrase)) is not None:
            # „Die Bahn prüft nach eigenen Angaben …“: the mention stays „eigenen Angaben“,
            # the entity is the clause's subject
            speaker, entity = _resolved(doc, coref, owner, phrase, last_entity)
        elif phrase is not None and (owner := _possessive_owner(doc, lexicon, phrase)) is not None:
            # „seiner Meinung nach“: the possessive is a pronoun for the speaker
            speaker, entity = _resolved(doc, coref, owner, phrase, last_entity)
        elif cand.inherit_speaker and previous is not None and paragraph - previous.paragraph <= _INHERIT_PARAGRAPHS:
            speaker, entity, inherited_sources = previous.speaker, previous.entity, previous.sources
            if phrase is not None:
                # „Demnach“, „nach eigenen Angaben“: the anaphor in this sentence names the speaker
                speaker = Mention.from_spans(doc.text, [_span(doc, *phrase)], speaker.name, speaker.type)
        elif cand.inherit_speaker and phrase is not None:
            speaker = Mention.from_spans(doc.text, [_span(doc, *phrase)], None, "unknown")
        if addressee_np is not None:
            target, kind = coref.resolve(addressee_np)
            addressee = Mention.from_spans(
                doc.text,
                [_span(doc, addressee_np.start, addressee_np.end)],
                target.name if target else None,
                _speaker_type(kind),
            )
        sources = tuple(_source_mention(doc, lexicon, coref, r) for r in raw_sources) or inherited_sources
        quote = _quote(doc, cand, f"{prefix}q{n}", speaker, addressee, sources)
        quotes.append(quote)
        if speaker is not None:
            previous = _Previous(speaker, entity, sources, paragraph, cand.sentence)
    return quotes


def _resolved(
    doc: Doc, coref: Coreference, np: NounPhrase, tokens: tuple[int, int], last: Entity | None
) -> tuple[Mention, Entity | None]:
    """The speaker mention over token range ``tokens``, named after the entity ``np`` refers to."""
    entity, kind = coref.resolve(np, last)
    name = entity.name if entity is not None else None
    return Mention.from_spans(doc.text, [_span(doc, *tokens)], name, _speaker_type(kind)), entity


def _according_phrase(doc: Doc, lexicon: Lexicon, cand: Candidate) -> tuple[int, int] | None:
    """The speaker mention of an according-to frame: the frame without its preposition.

    „nach Angaben der Polizei“ → „Angaben der Polizei“, „einem Bericht des Magazins
    zufolge“ → „einem Bericht des Magazins“, „Demnach“ → „Demnach“: the statement
    (or the anaphor standing for it) is how the sentence names its speaker. Not for
    „so X“, „hieß es“ or a colon, whose frames hold no statement noun.
    """
    if cand.cue is not None or not cand.cue_spans or cand.frame is None:
        return None
    tokens = doc.tokens
    first, last = cand.frame
    cue = doc.layer.token_at(cand.cue_spans[0][0])
    if cue is None or "according_mention" not in _classes(lexicon, tokens[cue].text):
        return None
    while first < last and (tokens[first].kind != "word" or "prep" in _classes(lexicon, tokens[first].text)):
        first += 1
    while last > first and (tokens[last - 1].kind != "word" or "prep" in _classes(lexicon, tokens[last - 1].text)):
        last -= 1
    return (first, last) if first < last else None


def _apposition_end(doc: Doc, lexicon: Lexicon, cand: Candidate, end: int, named: bool) -> int:
    """The end of a mention with the apposition after it („Peter Beck, dem Dekan,“).

    „sagte Mark Keller, der Sprecher des Vereins“, „Nach Angaben von Peter Beck, dem
    Dekan, …“: a noun phrase with a role or name right after the comma, up to the
    next comma, colon or the sentence end, is part of the mention — unless it is
    already the quote's content („sagte Müller, Putin habe …“) or holds a verb.
    """
    tokens = doc.tokens
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return end
    sentence = doc.sentences[doc.layer.sentence_index(end)]
    opener = tokens[end + 1].text
    if not (opener[:1].isupper() or _classes(lexicon, opener) & DETERMINER_CLASSES):
        return end  # „, sagte gegenüber der Zeitung“: a verb, not an apposition
    other = parse_noun_phrase(doc, lexicon, end + 1, sentence.last)
    if other is None or other.pronoun is not None or not (other.role or other.name_tokens):
        return end
    if named and other.role is None:
        return end  # „Gamkrelids, Schuld daran …“: a name after a name is no apposition
    stop = other.end
    while stop < sentence.last and tokens[stop].text not in (",", ":", ";", ".", "!", "?", "(", ")"):
        if tokens[stop].kind == "word" and tokens[stop].text[:1].islower() and _is_speech_verb(doc, lexicon, stop):
            return end
        if stop + 1 < sentence.last and "time" in _classes(lexicon, tokens[stop + 1].text):
            break  # „…, Kommandeur des Einsatzes, am Montag“: the time is no part of it
        stop += 1
    left, right = tokens[end].start, tokens[stop - 1].end
    if overlaps((left, right), cand.content):
        return end
    return stop


def _report_speaker(
    doc: Doc, lexicon: Lexicon, coref: Coreference, cand: Candidate, previous_sentence: int | None
) -> NounPhrase | None:
    """The author of the report that „wonach“ or „Demnach“ points back to, if named.

    „eine Studie des Instituts X, wonach …“ and „Gemäß einer Umfrage des Instituts
    X … Demnach …“: the report's genitive owner speaks, not the clause's subject
    („Umweltverbände verwiesen auf …“) nor the previous quote's speaker. For
    „Demnach“ without such a report the previous quote goes on when it stood in
    the sentence before; otherwise the subject that opens that sentence („Die
    Polizei veröffentlichte eine Täterbeschreibung. Demnach …“) speaks.
    """
    tokens = doc.tokens
    first = doc.layer.token_at(cand.content[0][0])
    if first is not None and tokens[first].text.lower() == "wonach" and first > 0 and tokens[first - 1].text == ",":
        sentence = doc.sentences[doc.layer.sentence_index(first)]
        return _report_owner(doc, lexicon, sentence.first, first - 1)
    if not cand.inherit_speaker or not cand.cue_spans:
        return None
    cue = doc.layer.token_at(cand.cue_spans[0][0])
    if cue is None or "report_anaphor" not in _classes(lexicon, tokens[cue].text) or cand.sentence == 0:
        return None
    before = doc.sentences[cand.sentence - 1]
    owner = _report_owner(doc, lexicon, before.first, before.last)
    if owner is not None or previous_sentence in (cand.sentence - 1, cand.sentence):
        return owner
    return _opening_subject(doc, lexicon, coref, before.first, before.last)


def _report_owner(doc: Doc, lexicon: Lexicon, start: int, end: int) -> NounPhrase | None:
    """The genitive owner of the last report noun in ``[start, end)`` („einer Umfrage **des Instituts X**“)."""
    for k in range(end - 2, start - 1, -1):
        if is_report_noun(lexicon, doc.tokens[k].text) and doc.tokens[k + 1].text in ("des", "der"):
            return _owner_after(doc, lexicon, k, end)
    return None


def _owner_after(doc: Doc, lexicon: Lexicon, noun: int, end: int) -> NounPhrase | None:
    """The genitive author right after the report noun at ``noun``, if it names one."""
    tokens = doc.tokens
    if noun + 1 >= end or tokens[noun + 1].text not in ("des", "der"):
        return None
    owner = parse_noun_phrase(doc, lexicon, noun + 1, end, coordination=False)
    if owner is None or not (owner.role or owner.name_tokens or organization_in(doc, lexicon, owner.start, owner.end)):
        return None
    if is_report_noun(lexicon, tokens[owner.end - 1].text):
        return None  # „der Entwurf der Abschlusserklärung“, „seiner Untersuchung der Stromerzeugung“: no author
    return owner


def _author_of_statement(doc: Doc, lexicon: Lexicon, np: NounPhrase | None) -> NounPhrase | None:
    """„Gemäß den Plänen **der Bundesregierung**“: the author of a statement noun speaker.

    The mention stays the statement („den Plänen der Bundesregierung“); its name
    is the author's.
    """
    if np is None or np.role is not None or np.name_tokens or np.pronoun is not None:
        return None
    head = np.genitive[0] - 1 if np.genitive is not None else np.end - 1
    if not is_report_noun(lexicon, doc.tokens[head].text):
        return None
    return _owner_after(doc, lexicon, head, doc.sentences[doc.layer.sentence_index(head)].last)


def _opening_subject(doc: Doc, lexicon: Lexicon, coref: Coreference, start: int, end: int) -> NounPhrase | None:
    """A named subject opening a sentence, right before its finite verb („Die Polizei veröffentlichte …“)."""
    tokens = doc.tokens
    np = parse_noun_phrase(doc, lexicon, start, end)
    if np is None or np.pronoun is not None or not _nominative(np, lexicon) or np.end >= end:
        return None
    nxt = tokens[np.end]
    if nxt.kind != "word" or not nxt.text[:1].islower():
        return None
    entity, _ = coref.resolve(np)
    return np if entity is not None and entity.type in ("person", "organization") else None


def _possessive_owner(doc: Doc, lexicon: Lexicon, phrase: tuple[int, int]) -> NounPhrase | None:
    """„seiner Meinung nach“, „Ihrer Ansicht nach“: the possessive read as the pronoun „er“/„sie“."""
    word = doc.tokens[phrase[0]].text.lower()
    if phrase[1] - phrase[0] < 2 or "possessive" not in _classes(lexicon, word):
        return None
    pronoun = "er" if word.startswith("sein") else "sie" if word.startswith("ihr") else None
    return NounPhrase(phrase[0], phrase[0] + 1, pronoun=pronoun) if pronoun else None


def _reflexive_owner(doc: Doc, lexicon: Lexicon, cand: Candidate, phrase: tuple[int, int]) -> NounPhrase | None:
    """The subject that „nach eigenen Angaben“ refers back to, when it opens the sentence.

    Only a noun phrase right before a lower-case word (the finite verb): „Die Bahn
    prüft nach eigenen Angaben …“, „Der Konzern hatte nach eigenen Angaben …“.
    """
    tokens = doc.tokens
    if not any("reflexive_owner" in _classes(lexicon, tokens[k].text) for k in range(*phrase)):
        return None
    sentence = doc.sentences[doc.layer.sentence_index(phrase[0])]
    first = sentence.first
    while first < phrase[0] and tokens[first].kind != "word":
        first += 1
    np = parse_noun_phrase(doc, lexicon, first, phrase[0])
    if np is None or not _nominative(np, lexicon) or np.pronoun not in (None, *SUBJECT_PRONOUNS):
        return None
    nxt = tokens[np.end] if np.end < phrase[0] else None
    if nxt is None or nxt.kind != "word" or not nxt.text[:1].islower():
        return None
    return np


def _raw_sources(
    doc: Doc,
    lexicon: Lexicon,
    cand: Candidate,
    speaker_np: NounPhrase | None,
    addressee_np: NounPhrase | None,
) -> list[_Source]:
    """Sources in the sentences of the candidate's frame, outside its content."""
    if cand.frame is None and cand.speaker_tokens is None:
        return []
    first, last = cand.frame if cand.frame is not None else cand.speaker_tokens  # type: ignore[misc]
    sentence_first = doc.sentences[doc.layer.sentence_index(first)]
    sentence_last = doc.sentences[doc.layer.sentence_index(max(first, last - 1))]
    found = find_sources(doc, lexicon, sentence_first.first, sentence_last.last, cand.content, speaker_np)
    if addressee_np is not None:
        found = [s for s in found if not (addressee_np.start <= s.np.start < addressee_np.end)]
    return found


def _promote_cited(
    doc: Doc, lexicon: Lexicon, speaker_np: NounPhrase | None, sources: list[_Source]
) -> tuple[NounPhrase | None, list[_Source]]:
    """„Yonhap berichtete unter Berufung auf Regierungskreise, …“: the cited speak.

    When the grammatical speaker is a news agency or medium that cites someone
    who is not one, the cited party is the speaker and the agency becomes the
    nearest source.
    """
    if speaker_np is None or not _is_medium(doc, lexicon, speaker_np):
        return speaker_np, sources
    for n, source in enumerate(sources):
        if doc.tokens[source.marker[0]].text.lower() not in ("unter", "berufung"):
            continue
        if not _is_medium(doc, lexicon, source.np):
            rest = sources[:n] + sources[n + 1 :]
            return source.np, [_Source((speaker_np.start, speaker_np.end), speaker_np), *rest]
    return speaker_np, sources


def _quote(
    doc: Doc,
    cand: Candidate,
    quote_id: str,
    speaker: Mention | None,
    addressee: Mention | None,
    sources: tuple[Mention, ...],
) -> Quote:
    cue = None
    if cand.cue is not None:
        cue = Cue.from_spans(doc.text, [_span(doc, t, t + 1) for t in cand.cue.tokens], cand.cue.lemma)
    elif cand.cue_spans:
        cue = Cue.from_spans(doc.text, cand.cue_spans, doc.text[slice(*cand.cue_spans[0])].lower())
    return Quote(
        id=quote_id,
        kind=cand.kind,
        mood=cand.mood,
        content=Role.from_spans(doc.text, cand.content),
        cue=cue,
        frame=Role.from_spans(doc.text, [_span(doc, *cand.frame)]) if cand.frame else None,
        speaker=speaker,
        addressee=addressee,
        sources=sources,
        fragments=tuple(Role.from_spans(doc.text, [f]) for f in cand.fragments),
        sentence=cand.sentence,
        confidence=cand.confidence,
    )

