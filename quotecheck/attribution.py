"""Attribution: speakers, addressees and intermediary sources of candidates.

Mentions are found by surface patterns on the frame's tokens (a backend with a
dependency parse can do better; see :mod:`quotecheck.analysis`):

* after the cue, inverted: „sagte **der russische Präsident Wladimir Putin**“;
  a dative noun phrase right after the cue is the addressee, not the speaker
  („sagte **dem Minister** Kroll“);
* before the cue: „**Kim** sagte: …“; before a colon with no verb: „**Merkel**: „…““;
* passive agent: „wurde **von X** mit den Worten zitiert“;
* sources: „laut **X**“, „**X** zufolge“, „unter Berufung auf **X**“, „wie **X** berichtete“.

Names are made canonical within a document: the longest name that contains a
shorter one („Putin“ → „Wladimir Putin“), a pronoun resolves to the last named
speaker, a description („der Minister“) to the last entity with that role. A
mention that cannot be resolved keeps ``name=None`` rather than a guess.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import regex
from attrs import define, field, frozen

from quotecheck.analysis.base import Doc
from quotecheck.lexicon import Lexicon
from quotecheck.model import Cue, Mention, Quote, Role
from quotecheck.rules.common import Candidate

__all__ = ["NounPhrase", "parse_noun_phrase", "attribute"]

_ADJECTIVE = regex.compile(r"^\p{Ll}[\p{L}-]*(?:e|en|er|es|em)$|^\d+\.$")
_INITIAL = regex.compile(r"^\p{Lu}\.$")
_MAX_NP = 12


@frozen
class NounPhrase:
    """A noun phrase by token range, with the parts attribution cares about."""

    start: int
    end: int  # exclusive
    determiner: str | None = None
    name_tokens: tuple[int, ...] = ()  # tokens of the proper name, if any
    role: str | None = None  # the role noun's lemma entry („Präsident“), if any
    role_type: str | None = None
    pronoun: str | None = None
    dative: bool = False


def _classes(lexicon: Lexicon, word: str) -> frozenset[str]:
    return lexicon.function_words.get(word.lower(), frozenset())


def _capitalised(doc: Doc, i: int) -> bool:
    tok = doc.tokens[i]
    return tok.kind == "word" and tok.text[:1].isupper()


def parse_noun_phrase(doc: Doc, lexicon: Lexicon, start: int, limit: int) -> NounPhrase | None:
    """The noun phrase beginning at token ``start`` (not beyond ``limit``), if any.

    Grammar (surface): [determiner] adjective* capitalised-word+ with name links
    („von der“), then at most one genitive attribute („des Ministeriums“).
    A personal pronoun on its own is a noun phrase too.
    """
    tokens = doc.tokens
    limit = min(limit, len(tokens), start + _MAX_NP)
    if start >= limit or tokens[start].kind != "word":
        return None
    first = tokens[start].text
    lower = first.lower()
    if lower in lexicon.pronouns and any(p.case == "nom" for p in lexicon.pronouns[lower]):
        if lower in ("er", "sie", "ich", "wir"):
            return NounPhrase(start, start + 1, pronoun=lower)
    i = start
    determiner = None
    classes = _classes(lexicon, first)
    if classes & {"det", "det_dative", "possessive"}:
        determiner = lower
        i += 1
    while i < limit and tokens[i].kind == "word" and _ADJECTIVE.match(tokens[i].text):
        i += 1
    head_start = i
    while i < limit:
        if _capitalised(doc, i) or _INITIAL.match(tokens[i].text):
            i += 1
        elif _name_link(doc, lexicon, i, limit, head_start):
            while i < limit and _is_link(doc, lexicon, i):
                i += 1
        else:
            break
    if i == head_start:
        return None
    head_end = i
    role, role_type, name_tokens = _split_head(doc, lexicon, head_start, head_end, determiner)
    # one genitive attribute: „Ein Sprecher des Gesundheitsministeriums“
    if i < limit and (tokens[i].text == "des" or (tokens[i].text == "der" and role is not None)):
        j = i + 1
        while j < limit and tokens[j].kind == "word" and _ADJECTIVE.match(tokens[j].text):
            j += 1
        k = j
        while k < limit and _capitalised(doc, k):
            k += 1
        if k > j:
            i = k
    dative = determiner in ("dem", "einem", "diesem", "seinem", "ihrem")
    return NounPhrase(start, i, determiner, name_tokens, role, role_type, dative=dative)


def _is_link(doc: Doc, lexicon: Lexicon, i: int) -> bool:
    word = doc.tokens[i].text
    if "name_link" in _classes(lexicon, word):
        return True
    return word == "der" and i > 0 and doc.tokens[i - 1].text.lower() in ("von", "van", "de")


def _name_link(doc: Doc, lexicon: Lexicon, i: int, limit: int, head_start: int) -> bool:
    """„von der“, „al-“ … inside a name („Ursula von der Leyen“).

    Only right after a first name (one capitalised word), and only before a
    capitalised word that is not an organisation, so that „Anna Müller von der
    SPD“ is not read as one name.
    """
    if not _is_link(doc, lexicon, i) or i - head_start != 1 or not _capitalised(doc, i - 1):
        return False
    j = i + 1
    while j < limit and _is_link(doc, lexicon, j):
        j += 1
    return j < limit and _capitalised(doc, j) and lexicon.organization(doc.tokens[j].text) is None


def _split_head(
    doc: Doc, lexicon: Lexicon, start: int, end: int, determiner: str | None
) -> tuple[str | None, str | None, tuple[int, ...]]:
    """Role noun and name tokens of a capitalised run („Präsident Wladimir Putin“)."""
    role = role_type = None
    last_role = start - 1
    for i in range(start, end):
        entry = lexicon.role_of(doc.tokens[i].text)
        if entry is not None:
            role, role_type, last_role = entry.noun, entry.type, i
    names = tuple(i for i in range(last_role + 1, end))
    if role is None and determiner is not None:
        # „die Kanadier“, „die Polizei“: a description, not a name
        names = ()
    return role, role_type, names


def _text(doc: Doc, start: int, end: int) -> str:
    return doc.text[doc.tokens[start].start : doc.tokens[end - 1].end]


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc.tokens[start].start, doc.tokens[end - 1].end


def _normal(name: str) -> tuple[str, ...]:
    return tuple(regex.split(r"[\s\-]+", name.casefold()))


@define
class _Entity:
    name: str
    type: str
    roles: set[str] = field(factory=set)


@define
class EntityRegistry:
    """The entities a document's speakers refer to, in order of mention."""

    entities: list[_Entity] = field(factory=list)

    def add_name(self, name: str, type: str, role: str | None) -> _Entity:
        key = _normal(name)
        for entity in reversed(self.entities):
            other = _normal(entity.name)
            if _contains(other, key):
                if role:
                    entity.roles.add(role)
                return entity
            if _contains(key, other):
                entity.name = name  # the longer form is canonical
                if role:
                    entity.roles.add(role)
                return entity
        entity = _Entity(name, type, {role} if role else set())
        self.entities.append(entity)
        return entity

    def by_role(self, role: str) -> _Entity | None:
        for entity in reversed(self.entities):
            if role in entity.roles:
                return entity
        return None

    def last(self, types: Iterable[str]) -> _Entity | None:
        wanted = set(types)
        for entity in reversed(self.entities):
            if entity.type in wanted:
                return entity
        return None


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """Whether ``shorter`` occurs as a contiguous run inside ``longer``."""
    n = len(shorter)
    return any(tuple(longer[k : k + n]) == tuple(shorter) for k in range(len(longer) - n + 1))


def _resolve(doc: Doc, lexicon: Lexicon, np: NounPhrase, registry: EntityRegistry, last_speaker: _Entity | None) -> tuple[str | None, str]:
    """Canonical name and type of a speaker mention."""
    organization = _organization_in(doc, lexicon, np.start, np.end)
    if organization is not None:
        entity = registry.add_name(organization.name, "organization", None)
        return entity.name, "organization"
    if np.pronoun is not None:
        if np.pronoun in ("ich", "wir"):
            return None, "unknown"
        target = last_speaker or registry.last(("person", "organization"))
        if target is None:
            return None, "person" if np.pronoun == "er" else "unknown"
        return target.name, target.type
    kind = "person" if np.role_type in (None, "person") else "organization"
    if np.name_tokens:
        name = _text(doc, np.name_tokens[0], np.name_tokens[-1] + 1)
        entity = registry.add_name(name, kind, np.role)
        return entity.name, entity.type
    if np.role is not None:
        if np.determiner in ("ein", "eine", "einer", "eines", "einem", "einen"):
            return None, kind
        entity = registry.by_role(np.role)
        if entity is not None:
            return entity.name, entity.type
        return None, kind
    return None, "unknown"


def _organization_in(doc: Doc, lexicon: Lexicon, start: int, end: int):
    """The gazetteer entry a token run names, longest alias first."""
    for length in range(min(4, end - start), 0, -1):
        for i in range(start, end - length + 1):
            entry = lexicon.organization(_text(doc, i, i + length))
            if entry is not None:
                return entry
    return None


def _find_speaker(doc: Doc, lexicon: Lexicon, cand: Candidate) -> tuple[NounPhrase | None, NounPhrase | None]:
    """(speaker, addressee) noun phrases inside the candidate's frame."""
    if cand.frame is None:
        return None, None
    start, end = cand.frame
    tokens = doc.tokens
    if cand.cue is not None:
        verb = cand.cue.tokens[0]
        # passive agent: „wurde von X zitiert“
        for i in range(start, end - 1):
            if tokens[i].text == "von" and cand.cue.lemma in ("zitieren",):
                np = parse_noun_phrase(doc, lexicon, i + 1, end)
                if np is not None:
                    return np, None
        # preverbal subject: „Kim sagte“, „Der Minister erklärte am Montag“
        if verb > start and "adverbial" not in _classes(lexicon, tokens[start].text):
            np = parse_noun_phrase(doc, lexicon, start, verb)
            if np is not None and np.end == verb and not np.dative:
                return np, _addressee_after(doc, lexicon, verb + 1, end)
        # inverted subject: „sagte (dem Minister) der Präsident“
        i = verb + 1
        addressee = None
        np = parse_noun_phrase(doc, lexicon, i, end)
        if np is not None and np.dative:
            addressee = np
            np = parse_noun_phrase(doc, lexicon, np.end, end)
        if np is not None:
            return np, addressee or _addressee_after(doc, lexicon, np.end, end)
        return None, addressee
    if cand.cue_spans is not None:
        cue_start = doc.layer.token_at(cand.cue_spans[0][0])
        if cue_start is not None and tokens[cue_start].text.lower() == "so":
            return parse_noun_phrase(doc, lexicon, cue_start + 1, end), None
        if cue_start is not None and tokens[cue_start].text == ":":
            for k in range(max(start, cue_start - 8), cue_start):
                np = parse_noun_phrase(doc, lexicon, k, cue_start)
                if np is not None and np.end == cue_start:
                    return np, None
    return None, None


def _addressee_after(doc: Doc, lexicon: Lexicon, start: int, end: int) -> NounPhrase | None:
    """„gegenüber der Zeitung“, „dem Sender“: to whom it was said."""
    for i in range(start, min(end, start + 6)):
        word = doc.tokens[i].text
        if "addressee_prep" in _classes(lexicon, word) and word.lower() == "gegenüber":
            return parse_noun_phrase(doc, lexicon, i + 1, end)
        if "det_dative" in _classes(lexicon, word):
            return parse_noun_phrase(doc, lexicon, i, end)
    return None


def _find_sources(doc: Doc, lexicon: Lexicon, start: int, end: int, speaker: NounPhrase | None) -> list[NounPhrase]:
    """Intermediaries in a token range: laut X, X zufolge, unter Berufung auf X, wie X berichtete."""
    tokens = doc.tokens
    found: list[NounPhrase] = []
    i = start
    while i < end:
        word = tokens[i].text.lower()
        np = None
        if word == "laut":
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
        elif word == "berufung" and i + 1 < end and tokens[i + 1].text == "auf":
            np = parse_noun_phrase(doc, lexicon, i + 2, end)
        elif word == "zufolge":
            np = _np_ending_at(doc, lexicon, i, start)
        elif word == "wie" and speaker is not None:
            np = parse_noun_phrase(doc, lexicon, i + 1, end)
        if np is not None and (speaker is None or np.start != speaker.start):
            found.append(np)
            i = max(np.end, i + 1)
            continue
        i += 1
    return found


def _np_ending_at(doc: Doc, lexicon: Lexicon, end: int, floor: int) -> NounPhrase | None:
    for k in range(max(floor, end - 8), end):
        np = parse_noun_phrase(doc, lexicon, k, end)
        if np is not None and np.end == end:
            return np
    return None


def _source_mention(doc: Doc, lexicon: Lexicon, np: NounPhrase) -> Mention:
    entry = _organization_in(doc, lexicon, np.start, np.end)
    span = _char_span(doc, np.start, np.end)
    if entry is not None:
        return Mention.from_spans(doc.text, [span], entry.name, entry.type)
    kind = "person" if np.name_tokens and np.role_type in (None, "person") else "unknown"
    name = _text(doc, np.name_tokens[0], np.name_tokens[-1] + 1) if np.name_tokens else None
    return Mention.from_spans(doc.text, [span], name, kind)


def attribute(doc: Doc, lexicon: Lexicon, candidates: Sequence[Candidate], doc_id: str | None = None) -> list[Quote]:
    """Turn candidates (in text order) into attributed quotes."""
    registry = EntityRegistry()
    quotes: list[Quote] = []
    last_speaker: Mention | None = None
    last_entity: _Entity | None = None
    last_sources: tuple[Mention, ...] = ()
    last_paragraph = -1
    prefix = f"{doc_id}:" if doc_id else ""
    for n, cand in enumerate(sorted(candidates, key=lambda c: c.content[0][0]), start=1):
        paragraph = doc.sentences[cand.sentence].paragraph
        speaker_np, addressee_np = _find_speaker(doc, lexicon, cand)
        speaker = addressee = None
        sources: tuple[Mention, ...] = ()
        if speaker_np is not None:
            name, kind = _resolve(doc, lexicon, speaker_np, registry, last_entity)
            speaker = Mention.from_spans(doc.text, [_char_span(doc, speaker_np.start, speaker_np.end)], name, kind)
            if name is not None:
                last_entity = next((e for e in reversed(registry.entities) if e.name == name), last_entity)
        elif cand.inherit_speaker and last_speaker is not None and paragraph - last_paragraph <= 1:
            speaker = last_speaker
            sources = last_sources
        if addressee_np is not None:
            name, kind = _resolve(doc, lexicon, addressee_np, registry, None)
            addressee = Mention.from_spans(doc.text, [_char_span(doc, addressee_np.start, addressee_np.end)], name, kind)
        if cand.frame is not None:
            sources = tuple(_source_mention(doc, lexicon, np) for np in _find_sources(doc, lexicon, *cand.frame, speaker_np))
        cue = None
        if cand.cue is not None:
            cue = Cue.from_spans(doc.text, [_char_span(doc, t, t + 1) for t in cand.cue.tokens], cand.cue.lemma)
        elif cand.cue_spans:
            cue = Cue.from_spans(doc.text, cand.cue_spans, doc.text[slice(*cand.cue_spans[0])].lower())
        frame = Role.from_spans(doc.text, [_char_span(doc, *cand.frame)]) if cand.frame else None
        quotes.append(
            Quote(
                id=f"{prefix}q{n}",
                kind=cand.kind,
                mood=cand.mood,
                content=Role.from_spans(doc.text, cand.content),
                cue=cue,
                frame=frame,
                speaker=speaker,
                addressee=addressee,
                sources=sources,
                fragments=tuple(Role.from_spans(doc.text, [f]) for f in cand.fragments),
                sentence=cand.sentence,
                confidence=cand.confidence,
            )
        )
        if speaker is not None:
            last_speaker, last_sources, last_paragraph = speaker, sources, paragraph
    return quotes
