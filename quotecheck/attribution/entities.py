"""The entity table of one document: who was named, by which words, and where.

Pipeline stage 3 (attribution): :mod:`~quotecheck.attribution.coreference`
builds the table once per document and resolves mentions against it.

The table is a value. :class:`EntityTable` never changes; a :class:`TableDraft`
collects the changes of one build or one resolution („sagte Kim“ introduces a
„Kim“ nobody named before) and :meth:`TableDraft.table` hands back a new table.
An entity keeps its :attr:`Entity.id` through every version, so that „der
Minister“ and a later „er“ are known to be the same person even after the table
learned the minister's full name.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator, Mapping, Sequence

import attrs
import regex
from attrs import field, frozen

from quotecheck.analysis.base import Doc
from quotecheck.attribution.occurrences import NotedLog, Occurrence, Occurrences, occurrences_before, own_copy
from quotecheck.attribution.naming import (
    compound_institution,
    contains,
    name_key,
    named_by_seat,
    nominative_noun,
    org_class,
    org_kind,
    organization_in,
    origin_name,
    origin_qualified,
    origin_stem,
    as_written,
    nominative_title,
    role_gender,
    text_of,
)
from quotecheck.attribution.nounphrase import NounPhrase, parse_noun_phrase
from quotecheck.attribution.words import (
    function_word_classes,
    words_of_class,
)
from quotecheck.lexicon import Lexicon

__all__ = ["ORIGIN_MARK", "Entity", "Occurrence", "EntityTable", "TableDraft", "Namer", "build_table", "document_places", "has_role", "token_codes"]

#: Marks an origin among an entity's roles („~finnisch“): no role noun starts with it.
ORIGIN_MARK = "~"

#: How far back (in sentences) a pronoun or description looks for its entity.
LOOKBACK_SENTENCES = 12
#: … and a description of an institution („das Gericht“), which an article keeps referring to.
ORGANIZATION_LOOKBACK = 60
#: A bracketed short form of an organisation („(KBA)“, „(RKI)“): at least two capitals.
_SHORT_FORM = regex.compile(r"^(?=(?:.*\p{Lu}){2})[\p{L}\p{N}-]{2,10}$")
#: An organisation noun that is an abbreviation („TSV“, „VfB“, „FC“): part of the name it heads.
_ABBREVIATION = regex.compile(r"^(?=(?:.*\p{Lu}){2})\p{Lu}[\p{L}]{1,3}$")


@frozen
class Entity:
    """One person or organisation of a document, with what it was called so far."""

    id: int  # the same in every version of the entity
    name: str  # canonical: the longest form the text used („Wladimir Putin“)
    type: str  # person / organization
    gender: str | None = None  # m / f / None
    roles: frozenset[str] = frozenset()  # role nouns and short forms („Präsident“, „KBA“)
    org_type: str | None = None  # the gazetteer's type for organisations
    group: bool = False  # „Putin und Kim“: several, never „er“


def _empty_log() -> Any:
    """An empty :class:`NotedLog`, typed ``Any`` for the compiled build, where
    ``field(factory=NotedLog)`` fails at import (build_backend/quotecheck_build.py)."""
    return NotedLog()


@frozen(eq=False)
class EntityTable:
    """Entities by id, an index from name words to ids, and occurrences in text order.

    ``occurrences`` are the named mentions the build found, ``noted`` the speakers
    attribution resolved since (:meth:`with_occurrence`); read both through
    :func:`occurrences_before`. The build keeps both as columns
    (:class:`~quotecheck.attribution.occurrences.Occurrences`).
    """

    entities: tuple[Entity, ...] = ()
    by_word: Mapping[str, tuple[int, ...]] = field(factory=dict)
    occurrences: Sequence[Occurrence] = field(factory=Occurrences)
    noted: NotedLog = field(factory=_empty_log)

    def entity(self, entity_id: int) -> Entity:
        """The current version of an entity."""
        return self.entities[entity_id]

    def with_occurrence(self, token: int, entity: Entity) -> EntityTable:
        """The table with one more occurrence (a resolved speaker), in text order."""
        return attrs.evolve(self, noted=self.noted.with_occurrence(Occurrence(token, entity.id)))


class TableDraft:
    """The changes one build or one resolution makes to a table, and what it reads meanwhile.

    The table's lists are copied at the first change only: most resolutions
    („der Minister“ after „Minister Kroll“) find an entity and change nothing.
    """

    def __init__(self, table: EntityTable) -> None:
        self._base = table
        self._entities: list[Entity] | None = None
        self._by_word: dict[str, tuple[int, ...]] | None = None
        self._occurrences: Occurrences | None = None

    # --- reading -------------------------------------------------------------------

    def entity(self, entity_id: int) -> Entity:
        """The current version of an entity."""
        return self._entities[entity_id] if self._entities is not None else self._base.entities[entity_id]

    def occurrences_before(self, before: int) -> Iterator[Occurrence]:
        """The occurrences before token ``before``, nearest first (:func:`occurrences_before`)."""
        named = self._occurrences if self._occurrences is not None else self._base.occurrences
        return occurrences_before(named, self._base.noted, before)

    def candidates(self, key: tuple[str, ...]) -> list[Entity]:
        """Entities sharing a name word with ``key``, most recently introduced first.

        Two names can only contain one another if they share a word, so an index
        from words to entities keeps this linear in the document, not quadratic.
        """
        by_word = self._by_word if self._by_word is not None else self._base.by_word
        ids = {entity_id for word in key for entity_id in by_word.get(word, ())}
        entities = self._entities if self._entities is not None else self._base.entities  # as entity() reads them
        return [entities[entity_id] for entity_id in sorted(ids, reverse=True)]

    def find_name(self, key: tuple[str, ...]) -> Entity | None:
        """The most recent entity whose name contains ``key`` or is contained in it.

        Among organisations the first one wins instead: „laut Bahn“ is the article's
        „Deutsche Bahn“, not the „Pro Bahn“ mentioned last.
        """
        found = [e for e in self.candidates(key) if contains(name_key(e.name), key) or contains(key, name_key(e.name))]
        if found and all(e.type == "organization" for e in found):
            return min(found, key=lambda e: e.id)
        return found[0] if found else None

    def organization_named(self, word: str) -> Entity | None:
        """The first organisation (usually the article's main one) whose multi-word name contains ``word``."""
        key = name_key(word)
        if len(key) != 1:
            return None
        found = [e for e in self.candidates(key) if e.type == "organization" and len(name_key(e.name)) > 1]
        return min(found, key=lambda e: e.id) if found else None

    # --- changing ------------------------------------------------------------------

    def add(self, name: str, type: str, gender: str | None, role: str | None) -> Entity:
        """The entity ``name`` refers to, merged into a known one that contains it or is contained in it.

        „Putin“ after „Wladimir Putin“ is the same person; „Wladimir Putin“ after
        „Putin“ makes the longer form canonical. „Chinas Außenministerium“ and „das
        Außenministerium“ stay apart (:func:`~quotecheck.attribution.naming.origin_qualified`).
        """
        key = name_key(name)
        for entity in self.candidates(key):
            if _same_name(entity, key, name, type):
                return self._merge(entity, key, name, gender, role)
        return self.new(name, type, gender, frozenset({role}) if role else frozenset(), indexed=True)

    def _merge(self, entity: Entity, key: tuple[str, ...], name: str, gender: str | None, role: str | None) -> Entity:
        if len(key) > len(name_key(entity.name)):
            entity = self.update(entity, name=name)  # the longer form is canonical
            self.index(entity, key)
        return self.update(entity, gender=entity.gender or gender, roles=entity.roles | {role} if role else entity.roles)

    def new(self, name: str, type: str, gender: str | None, roles: frozenset[str], *, indexed: bool) -> Entity:
        """A new entity; ``indexed`` ones can be found by their name words (a group „Putin und Kim“ cannot, and is a group)."""
        entities = self._own_entities()
        entity = Entity(len(entities), name, type, gender, roles, group=not indexed)
        entities.append(entity)
        if indexed:
            self.index(entity, name_key(name))
        return entity

    def update(self, entity: Entity, **changes: Any) -> Entity:
        """A new version of ``entity`` with ``changes`` (a role learned, a longer name)."""
        current = self.entity(entity.id)
        changed = attrs.evolve(current, **changes)
        if changed != current:
            self._own_entities()[entity.id] = changed
        return changed

    def index(self, entity: Entity, key: tuple[str, ...]) -> None:
        """Make ``entity`` findable by each word of ``key``."""
        if self._by_word is None:
            self._by_word = dict(self._base.by_word)
        for word in key:
            bucket = self._by_word.get(word, ())
            if entity.id not in bucket:
                self._by_word[word] = (*bucket, entity.id)

    def occur(self, token: int, entity: Entity) -> None:
        """Record a mention of ``entity`` at ``token`` (the build scans in text order)."""
        if self._occurrences is None:
            self._occurrences = own_copy(self._base.occurrences)
        self._occurrences.append(Occurrence(token, entity.id))

    def _own_entities(self) -> list[Entity]:
        if self._entities is None:
            self._entities = list(self._base.entities)
        return self._entities

    def table(self) -> EntityTable:
        """The table with every change so far, a value: the draft goes on from it, copying what it changes next."""
        if self._entities is None and self._by_word is None and self._occurrences is None:
            return self._base
        self._base = EntityTable(
            tuple(self._entities) if self._entities is not None else self._base.entities,
            self._by_word if self._by_word is not None else self._base.by_word,
            self._occurrences if self._occurrences is not None else self._base.occurrences,
            self._base.noted,
        )
        self._entities = self._by_word = self._occurrences = None
        return self._base


def _same_name(entity: Entity, key: tuple[str, ...], name: str, type: str) -> bool:
    """Whether ``name`` (of type ``type``) names ``entity``: the same words, or one containing the other."""
    other = name_key(entity.name)
    if other == key:
        return True
    if type != entity.type:
        return False
    organization = type == "organization"
    return (contains(other, key) and not (organization and origin_qualified(entity.name, name))) or (
        contains(key, other) and not (organization and origin_qualified(name, entity.name))
    )


# --- building the table: which entity a mention names ---------------------------------------


def build_table(
    doc: Doc, lexicon: Lexicon, places: frozenset[str], skip: Sequence[tuple[int, int]], codes: bytes | None = None
) -> EntityTable:
    """Every named mention of the document outside the ``skip`` character spans, in one table.

    Built before any quote is attributed (not only from speakers), so that
    „Oswald“ finds the „Katrin Oswald“ introduced in an earlier sentence and „der
    Richter“ finds the judge named with that role. ``codes`` are the document's
    :func:`token_codes`, made here unless given.
    """
    draft = TableDraft(EntityTable())
    namer = Namer(doc, lexicon, places, draft)
    codes = token_codes(doc, lexicon) if codes is None else codes
    for np in _named_mentions(doc, lexicon, sorted(skip), codes):
        namer.register(np)
    return draft.table()


def _named_mentions(doc: Doc, lexicon: Lexicon, skip: list[tuple[int, int]], codes: bytes) -> Iterator[NounPhrase]:
    """The noun phrases outside quoted content, left to right, each opening at a capital or an article.

    The words that may open one are found by a search of the document's token
    codes (:func:`token_codes`), not by a test of every token.
    """
    tokens = doc.tokens
    skip_index, skips = 0, len(skip)
    for sentence in doc.sentences:
        after, last = sentence.first, sentence.last  # the next phrase opens at ``after`` or later
        for opener in _MAY_OPEN.finditer(codes, after, last):
            i = opener.start()
            if i < after:
                continue  # a word inside the phrase before
            start = tokens[i].start
            while skip_index < skips and skip[skip_index][1] <= start:
                skip_index += 1
            # after the loop above the span at skip_index ends after the token: inside it if it began before
            if skip_index < skips and skip[skip_index][0] <= start:
                continue
            np = parse_noun_phrase(doc, lexicon, i, last, coordination=False)
            if np is not None:
                yield np
                after = np.end


class Namer:
    """Which entity a mention names, adding it to a draft table when it is new.

    The table build calls it for every named mention; a resolution calls it for
    the mention it resolves, on a draft of its own.
    """

    def __init__(self, doc: Doc, lexicon: Lexicon, places: frozenset[str], draft: TableDraft) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.places = places
        self.draft = draft

    def register(self, np: NounPhrase) -> None:
        """Record a mention found by the build, with what its apposition and short form say."""
        entity = self.entity_of(np)
        if entity is not None:
            self.draft.occur(np.start, entity)
            entity = self._apposition(np, entity)
            self._abbreviation(np, entity)
            self._origin(np, entity)

    def _origin(self, np: NounPhrase, entity: Entity) -> None:
        """„die finnische Ministerin Aino Virtanen“: her origin, for a later „die Finnin“.

        Kept among the roles as ``ORIGIN_MARK`` + the adjective's stem („~finnisch“).
        """
        if entity.type != "person" or not np.name_tokens:
            return
        stems = {origin_stem(self.doc.tokens[k].text) for k in range(np.start, np.name_tokens[0])} - {None}
        if stems:
            self.draft.update(entity, roles=entity.roles | {f"{ORIGIN_MARK}{stem}" for stem in stems if stem})

    def _abbreviation(self, np: NounPhrase, entity: Entity) -> None:
        """„das Kraftfahrt-Bundesamt (KBA)“: the bracketed short form names the same organisation.

        It becomes one of the entity's roles, so that „eine KBA-Sprecherin“ and „das
        KBA“ find it.
        """
        if entity.type != "organization":
            return
        tokens = self.doc.tokens
        end = min(np.end + 3, len(tokens))
        for k in range(np.start, end - 2):
            if tokens[k].text == "(" and tokens[k + 2].text == ")" and _SHORT_FORM.match(tokens[k + 1].text):
                entity = self.draft.update(entity, roles=entity.roles | {tokens[k + 1].text})
                self.draft.index(entity, name_key(tokens[k + 1].text))
                return

    def _apposition(self, np: NounPhrase, entity: Entity) -> Entity:
        """„Katrin Oswald, Sprecherin der Bahn,“: the role after the comma is hers."""
        tokens = self.doc.tokens
        if np.end + 1 < len(tokens) and tokens[np.end].text == "," and entity.type == "person":
            nxt = parse_noun_phrase(self.doc, self.lexicon, np.end + 1, len(tokens), coordination=False)
            if nxt is not None and nxt.role is not None and not nxt.name_tokens and nxt.role_type == "person":
                return self.draft.update(entity, roles=entity.roles | {nxt.role}, gender=entity.gender or role_gender(nxt.role))
        return entity

    def entity_of(self, np: NounPhrase) -> Entity | None:
        """The entity a mention names, by the gazetteer, its description or its proper name; None for a mere description."""
        found = self._gazetteer_organization(np)
        if found is not None:
            return found
        if not np.name_tokens:
            return self._described_institution(np)
        return self._named(np)

    def _gazetteer_organization(self, np: NounPhrase) -> Entity | None:
        """„die Nachrichtenagentur Reuters“, „der ADAC“: an organisation of the gazetteer.

        An organisation after a person's name is where the person works („Patrick
        Georg von der IG Metall“), not the mention's entity.
        """
        if np.role_type == "person" and np.name_tokens:
            return None  # what the gazetteer answered would be dropped: it is not asked
        head_end = np.name_tokens[-1] + 1 if np.name_tokens else np.end  # name tokens ascend
        organization = organization_in(self.doc, self.lexicon, np.start, head_end)
        if organization is None:
            return None
        entity = self.draft.add(as_written(self.doc, np.start, head_end, organization.name), "organization", None, np.role)
        return self.draft.update(entity, org_type=organization.type)

    def _described_institution(self, np: NounPhrase) -> Entity | None:
        """An institution named by its noun, with an attribute or genitive if it has one.

        „das Bundesamt für Umwelt“, „der Fraktion der Freien Wähler“ and „das
        Gesundheitsministerium“ name an institution; „die Behörde“ and „ein
        Ministerium“ only describe one (None).
        """
        if not np.role or np.determiner in self.lexicon.words.indefinite:
            return None
        doc, lexicon = self.doc, self.lexicon
        if np.attribute is not None:
            # „das Bundesamt für Umwelt“, „das Theater am Hafen“: named by noun and attribute
            name = f"{origin_name(doc, lexicon, np, nominative_noun(lexicon, np.role))} {text_of(doc, *np.attribute)}"
            return self.draft.add(name, "organization", None, np.role)
        if np.role_type != "organization":
            return None
        if np.genitive is not None:
            # „der Fraktion der Freien Wähler“, „vom Bundesverband der Landwirte“; without a
            # bracket: „des Zentralverbands der deutschen Seehafenbetriebe (ZDS)“
            owner_end = next((k for k in range(*np.genitive) if doc.tokens[k].text == "("), np.genitive[1])
            name = f"{origin_name(doc, lexicon, np, nominative_noun(lexicon, np.role))} {text_of(doc, np.genitive[0], owner_end)}"
            return self.draft.add(name, "organization", None, np.role)
        return self._institution_noun(np, np.role)

    def _institution_noun(self, np: NounPhrase, role: str) -> Entity | None:
        """„das Gesundheitsministerium“ names an institution; „die Behörde“ describes one (None).

        A noun longer than the role noun it ends in is a name (the same noun, not
        just the same head: „Rechnungsprüfungsamt“ is no „Landratsamt“); „Der
        Krankenkasse zufolge“ after „der Krankenkasse Nordwest-BKK“ is the one named before.
        """
        entry = self.lexicon.role_of(role)
        noun = nominative_noun(self.lexicon, role)
        if entry is None or (entry.noun.casefold() == noun.casefold() and not compound_institution(self.lexicon, noun)):
            return None
        earlier = self.recent(np.start, lambda e: has_role(self.lexicon, e, noun, noun.casefold()), ORGANIZATION_LOOKBACK)
        if earlier is not None and earlier.type == "organization":
            return earlier
        name = origin_name(self.doc, self.lexicon, np, noun)
        return self.draft.add(name, "organization", None, name)

    def _named(self, np: NounPhrase) -> Entity | None:
        """The entity of a mention with a proper name: an institution, a person, or a known name."""
        doc, lexicon = self.doc, self.lexicon
        name = " ".join([doc.tokens[i].text for i in np.name_tokens])
        if np.name_tokens and np.name_tokens[0] > 0 and doc.tokens[np.name_tokens[0] - 1].kind == "quote":
            # „der „Hanseatischen Rundschau““: a title in quotation marks, named in the nominative
            name = nominative_title(lexicon, np.determiner, [doc.tokens[i].text for i in np.name_tokens])
        institution = self._named_institution(np, name)
        if institution is not None:
            return institution
        first = doc.tokens[np.name_tokens[0]].text
        gender = lexicon.first_names.get(first)
        gender = gender if gender in ("m", "f") else None
        if np.role_type == "organization":
            kind = "organization"
        elif np.role is not None or first in lexicon.first_names:
            kind = "person"
        elif len(np.name_tokens) == 1:
            # a lone capitalised word is a name only if it matches a known entity
            # (resolve() names it when it speaks: „sagte Kim“)
            return self.draft.find_name(name_key(name))
        elif self._no_name(np) or self._genitive_of_known(np):
            return None
        else:
            kind = "person"
            surname = self._role_before_surname(np)
            if surname is not None:
                return surname
        return self.draft.add(name, kind, gender or role_gender(np.role), np.role)

    def _named_institution(self, np: NounPhrase, name: str) -> Entity | None:
        """„der TSV Grünwald“ (an abbreviation heads the name), „das Landgericht Kassel“ (named by its place)."""
        if np.role_type != "organization" or not np.role:
            return None
        if _ABBREVIATION.match(np.role):
            return self.draft.add(f"{np.role} {name}", "organization", None, np.role)
        noun = nominative_noun(self.lexicon, np.role)
        if noun and len(np.name_tokens) == 1 and (name in self.places or named_by_seat(self.lexicon, noun)):
            return self.draft.add(f"{noun} {name}", "organization", None, np.role)
        return None

    def _no_name(self, np: NounPhrase) -> bool:
        """„3,4 Millionen Euro“ (an inflected common noun opens it), „im Stadtteil Linden“ (a place)."""
        doc = self.doc
        if doc.tokens[np.name_tokens[0]].text in self.lexicon.first_names:
            return False
        place = np.start > 0 and "place_prep" in function_word_classes(self.lexicon, doc.tokens[np.start - 1].text)
        return self.common_noun_at(np.name_tokens[0]) or place

    def _genitive_of_known(self, np: NounPhrase) -> bool:
        """„Vertraute Hubers“, „Anhänger Kims“: a noun with the genitive of a person named before, no name.

        The last word is a known person's surname with a genitive -s; the words
        before it are no given name.
        """
        doc = self.doc
        last = doc.tokens[np.name_tokens[-1]].text
        if len(np.name_tokens) < 2 or not last.endswith("s") or doc.tokens[np.name_tokens[0]].text in self.lexicon.first_names:
            return False
        key = name_key(last[:-1])
        return any(e.type == "person" and name_key(e.name)[-1:] == key for e in self.draft.candidates(key))

    def _role_before_surname(self, np: NounPhrase) -> Entity | None:
        """„Torschütze Vukić“ after „Kapitän Marco Vukić“: an unknown role noun and a surname.

        A capitalised word that is no given name, before the rest of a known
        person's name, is a role the lexicon lacks rather than part of the name.
        """
        doc = self.doc
        if np.role is not None or len(np.name_tokens) < 2 or doc.tokens[np.name_tokens[0]].text in self.lexicon.first_names:
            return None
        rest = name_key(" ".join(doc.tokens[i].text for i in np.name_tokens[1:]))
        for entity in self.draft.candidates(rest):
            other = name_key(entity.name)
            if entity.type == "person" and len(other) > len(rest) and tuple(other[-len(rest):]) == rest:
                return self.draft.update(entity, roles=entity.roles | {doc.tokens[np.name_tokens[0]].text})
        return None

    def common_noun_at(self, i: int) -> bool:
        """A capitalised word that is an inflected form of a shorter noun („Millionen“ → „Million“)."""
        lemma, text = self.doc.lemma(i), self.doc.tokens[i].text
        return lemma != text and lemma[:1].isupper() and len(lemma) < len(text)

    # --- what was mentioned lately --------------------------------------------------------

    def recent(self, before: int, accept: Callable[[Entity], bool], lookback: int = LOOKBACK_SENTENCES) -> Entity | None:
        """The entity of the nearest earlier sentence that ``accept``s, leftmost first.

        Within a sentence the leftmost mention is usually the subject, and a
        pronoun or description most often continues the previous subject.
        """
        best: Entity | None = None
        best_sentence = -1
        for sentence, entity in self.before(before, lookback):
            if best is not None and sentence < best_sentence:
                break
            if accept(entity):
                best, best_sentence = entity, sentence
        return best

    def before(self, before: int, lookback: int) -> Iterator[tuple[int, Entity]]:
        """(sentence, entity) of the occurrences before token ``before``, nearest first,
        back to ``lookback`` sentences before its own."""
        doc = self.doc
        if not doc.tokens:
            return
        here = doc.layer.sentence_index(min(before, len(doc.tokens) - 1))
        for occurrence in self.draft.occurrences_before(before):
            sentence = doc.layer.sentence_index(occurrence.token)
            if sentence < here - lookback:
                return
            yield sentence, self.draft.entity(occurrence.entity)


#: How :func:`token_codes` codes a token: a capitalised word, a lower-case determiner,
#: a dateline mark („–“, „(“), anything else.
_CAPITAL, _DETERMINER, _DATELINE_MARK = b"\x01", b"\x02", b"\x03"
#: A word that may open a named mention: a capital or an article („Berlin“, „der“).
_MAY_OPEN = re.compile(b"[" + _CAPITAL + _DETERMINER + b"]")
#: A capitalised word and what follows it (no capital), for :func:`document_places`.
_CAPITAL_ALONE = re.compile(b"(?=" + _CAPITAL + b"[^" + _CAPITAL + b"])")
#: A capitalised word before „–“ or „(“.
_CAPITAL_DATELINE = re.compile(b"(?=" + _CAPITAL + _DATELINE_MARK + b")")


def token_codes(doc: Doc, lexicon: Lexicon) -> bytes:
    """One byte a token, for the set-up of the entity table to search rather than read token by token.

    ``_CAPITAL`` a word with a capital („Berlin“, „Die“), ``_DETERMINER`` another
    word of the ``det`` class („der“, „zwei“), ``_DATELINE_MARK`` „–“ or „(“.
    :meth:`~quotecheck.attribution.coreference.Coreference.build` makes them once
    and hands them to :func:`document_places` and :func:`build_table`; nothing
    keeps them after the build (a byte a token, alive to the end of attribution
    in the document's memo before).
    """
    determiners = words_of_class(lexicon, "det")
    return bytes(
        1 if kind == "word" and text[:1].isupper()
        else 2 if kind == "word" and text.lower() in determiners
        else 3 if text in ("–", "(")
        else 0
        for _, _, text, kind in doc.tokens
    )


def document_places(doc: Doc, lexicon: Lexicon, codes: bytes | None = None) -> frozenset[str]:
    """Words the document uses as places: a dateline („Bergheim – …“, „Kassel (dpa) –“)
    or a single capitalised word after a place preposition („in Bergheim“, „aus Kassel“).

    The two patterns are searched in the token codes (:func:`token_codes`, made
    here unless given), so that only the places they find are read word by word.
    """
    tokens = doc.tokens
    count = len(tokens)
    if count < 3:
        return frozenset()
    prepositions = lexicon.attribution.place_name_prepositions
    codes = token_codes(doc, lexicon) if codes is None else codes
    found: set[str] = set()
    # „in Bergheim“: a preposition, a capitalised word, no capital after it
    for match in _CAPITAL_ALONE.finditer(codes, 1, count):
        word = match.start()
        nxt = tokens[word]
        if tokens[word - 1].text.lower() in prepositions:
            if lexicon.organization(nxt.text) is None and nxt.text not in lexicon.first_names:
                found.add(nxt.text)
    # „Bergheim – …“, „Kassel (dpa) –“: a capitalised word opening a line (or the text)
    for match in _CAPITAL_DATELINE.finditer(codes, 0, count - 1):
        i = match.start()
        tok = tokens[i]
        if i == 0 or "\n" in doc.text[tokens[i - 1].end : tok.start]:
            found.add(tok.text)
    return frozenset(found)


def has_role(lexicon: Lexicon, entity: Entity, role: str, head: str) -> bool:
    """Whether the entity was introduced with this role, or a kind of it.

    „das Unternehmen“ (a generic noun) finds „Der Autozulieferer Brenk“: both
    nouns are of the class Unternehmen in ``org_classes.tsv``.
    """
    folded = role.casefold()
    if any(r.casefold() == folded or r.casefold().endswith(head) for r in entity.roles):
        return True
    described = org_class(lexicon, role)
    if described is None or not described[1] or entity.type != "organization":
        return False
    if any(org_kind(lexicon, r) == described[0] for r in entity.roles):
        return True
    # „die Stadtwerke Bergheim“, „SV Lahntal“, „IG Metall“: the name says what it is
    return any(org_kind(lexicon, w) == described[0] for w in (entity.name, *entity.name.split()))
