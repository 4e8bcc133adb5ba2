"""Coreference: the entities of one document, and which one a mention refers to.

Pipeline stage 3 (attribution): built once per document before any quote is
attributed; the speaker, addressee and source strategies resolve their noun
phrases with it.

:class:`Coreference` scans the whole document once for named mentions („der
russische Präsident Wladimir Putin“, „Katrin Oswald, Sprecherin der Bahn,“) and
resolves later mentions to one canonical name per entity: a surname to the full
name („Putin“ → „Wladimir Putin“, spelling variants such as „Kim
Jong-un“/„Kim Jong Un“ compared without hyphens), a pronoun to the nearest
compatible entity, a description („der Minister“, „die Behörde“, „der
41-Jährige“) to the last entity with that role. What cannot be resolved stays
``None`` rather than being guessed.
"""

from __future__ import annotations

import bisect
from typing import Callable, Iterable, Iterator

import regex
from attrs import define, field, frozen

from quotecheck.analysis.base import Doc
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
    role_gender,
    text_of,
)
from quotecheck.attribution.nounphrase import NounPhrase, first_conjunct, is_capitalised, parse_noun_phrase
from quotecheck.attribution.words import (
    DEFINITE,
    FEMININE_DETERMINERS,
    INDEFINITE,
    function_word_classes,
    group_heads,
    spokesperson_words,
)
from quotecheck.lexicon import Lexicon

__all__ = ["Entity", "Coreference"]


#: How far back (in sentences) a pronoun or description looks for its entity.
_LOOKBACK_SENTENCES = 12


#: A bare „ein Sprecher“ speaks for an organisation of its own or the previous sentence only.
_BARE_SPOKESPERSON_LOOKBACK = 1


#: … and a description of an institution („das Gericht“), which an article keeps referring to.
_ORGANIZATION_LOOKBACK = 60


#: A bracketed short form of an organisation („(KBA)“, „(RKI)“): at least two capitals.
_SHORT_FORM = regex.compile(r"^(?=(?:.*\p{Lu}){2})[\p{L}\p{N}-]{2,10}$")


#: An organisation noun that is an abbreviation („TSV“, „VfB“, „FC“): part of the name it heads.
_ABBREVIATION = regex.compile(r"^(?=(?:.*\p{Lu}){2})\p{Lu}[\p{L}]{1,3}$")


@define
class Entity:
    """One person or organisation of a document, with what it was called."""

    name: str
    type: str  # person / organization / unknown
    gender: str | None = None  # m / f / None
    roles: set[str] = field(factory=set)
    org_type: str | None = None  # the gazetteer's type for organisations


@frozen
class _Occurrence:
    token: int
    entity: Entity


class Coreference:
    """Entities of one document and their mentions, in text order.

    Built once per document from every named mention (not only speakers), so
    that „Oswald“ finds the „Katrin Oswald“ introduced in an earlier sentence
    and „der Richter“ finds the judge named with that role.
    """

    def __init__(self, doc: Doc, lexicon: Lexicon, skip: Iterable[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.entities: list[Entity] = []
        self.occurrences: list[_Occurrence] = []
        self._by_word: dict[str, list[Entity]] = {}
        self._order: dict[int, int] = {}
        self._places = _places(doc, lexicon)
        self._scan(sorted(skip))

    # --- building -----------------------------------------------------------------

    def _scan(self, skip: list[tuple[int, int]]) -> None:
        """Register named mentions outside quoted content, left to right."""
        doc, lexicon = self.doc, self.lexicon
        tokens = doc.tokens
        skip_index = 0
        for sentence in doc.sentences:
            i = sentence.first
            while i < sentence.last:
                while skip_index < len(skip) and skip[skip_index][1] <= tokens[i].start:
                    skip_index += 1
                if skip_index < len(skip) and skip[skip_index][0] <= tokens[i].start < skip[skip_index][1]:
                    i += 1
                    continue
                tok = tokens[i]
                if tok.kind != "word" or not (tok.text[:1].isupper() or function_word_classes(lexicon, tok.text) & {"det"}):
                    i += 1
                    continue
                np = parse_noun_phrase(doc, lexicon, i, sentence.last, coordination=False)
                if np is None:
                    i += 1
                    continue
                self._register(np)
                i = max(np.end, i + 1)

    def _register(self, np: NounPhrase) -> Entity | None:
        entity = self._entity_of(np)
        if entity is not None:
            self.occurrences.append(_Occurrence(np.start, entity))
            self._apposition(np, entity)
            self._abbreviation(np, entity)
        return entity

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
                entity.roles.add(tokens[k + 1].text)
                self._index(entity, name_key(tokens[k + 1].text))
                return

    def _apposition(self, np: NounPhrase, entity: Entity) -> None:
        """„Katrin Oswald, Sprecherin der Bahn,“: the role after the comma is hers."""
        tokens = self.doc.tokens
        if np.end + 1 < len(tokens) and tokens[np.end].text == "," and entity.type == "person":
            nxt = parse_noun_phrase(self.doc, self.lexicon, np.end + 1, len(tokens), coordination=False)
            if nxt is not None and nxt.role is not None and not nxt.name_tokens and nxt.role_type == "person":
                entity.roles.add(nxt.role)
                entity.gender = entity.gender or role_gender(nxt.role)

    def _entity_of(self, np: NounPhrase) -> Entity | None:
        doc, lexicon = self.doc, self.lexicon
        # „Patrick Georg von der IG Metall“: an organisation after the name is where the person works
        head_end = max(np.name_tokens) + 1 if np.name_tokens else np.end
        organization = organization_in(doc, lexicon, np.start, head_end)
        if organization is not None and not (np.role_type == "person" and np.name_tokens):
            entity = self._add(organization.name, "organization", None, np.role)
            entity.org_type = organization.type
            return entity
        if not np.name_tokens:
            if np.attribute is not None and np.role and np.determiner not in INDEFINITE:
                # „das Bundesamt für Umwelt“, „das Theater am Hafen“: named by noun and attribute
                name = f"{origin_name(doc, lexicon, np, nominative_noun(lexicon, np.role))} {text_of(doc, *np.attribute)}"
                return self._add(name, "organization", None, np.role)
            if np.genitive is not None and np.role_type == "organization" and np.role and np.determiner not in INDEFINITE:
                # „der Fraktion der Freien Wähler“, „vom Bundesverband der Landwirte“
                owner_end = next((k for k in range(*np.genitive) if doc.tokens[k].text == "("), np.genitive[1])
                # „des Zentralverbands der deutschen Seehafenbetriebe (ZDS)“: without the bracket
                name = f"{origin_name(doc, lexicon, np, nominative_noun(lexicon, np.role))} {text_of(doc, np.genitive[0], owner_end)}"
                return self._add(name, "organization", None, np.role)
            if np.role_type == "organization" and np.determiner not in INDEFINITE and np.role:
                # „das Gesundheitsministerium“ names an institution; „die Behörde“ describes one
                entry = lexicon.role_of(np.role)
                noun = nominative_noun(lexicon, np.role)
                if entry is not None and (entry.noun.casefold() != noun.casefold() or compound_institution(noun)):
                    # the same noun, not just the same head: „Rechnungsprüfungsamt“ is no „Landratsamt“
                    earlier = self._recent(np.start, lambda e: _has_role(e, noun, noun.casefold()), _ORGANIZATION_LOOKBACK)
                    if earlier is not None and earlier.type == "organization":
                        return earlier  # „Der Krankenkasse zufolge“ after „der Krankenkasse Nordwest-BKK“
                    name = origin_name(doc, lexicon, np, noun)
                    return self._add(name, "organization", None, name)
            return None
        name = " ".join(doc.tokens[i].text for i in np.name_tokens)
        if np.role_type == "organization" and np.role and _ABBREVIATION.match(np.role):
            # „der TSV Grünwald“, „der VfB Stuttgart“: the club's abbreviation is part of its name
            return self._add(f"{np.role} {name}", "organization", None, np.role)
        noun = nominative_noun(lexicon, np.role) if np.role else None
        if np.role_type == "organization" and noun and len(np.name_tokens) == 1 and (name in self._places or named_by_seat(noun)):
            # „die Stadtwerke Bergheim“, „das Landgericht Kassel“: an institution named by its place
            name = f"{noun} {name}"
            return self._add(name, "organization", None, np.role)
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
            return self._find_name(name_key(name))
        else:
            if first not in lexicon.first_names and (
                self._common_noun_at(np.name_tokens[0])
                or np.start > 0 and "place_prep" in function_word_classes(lexicon, doc.tokens[np.start - 1].text)
            ):
                # „3,4 Millionen Euro“: an inflected common noun opens it; „im Stadtteil Linden“: a place
                return None
            kind = "person"
            surname = self._role_before_surname(np)
            if surname is not None:
                return surname
        return self._add(name, kind, gender or role_gender(np.role), np.role)

    def _role_before_surname(self, np: NounPhrase) -> Entity | None:
        """„Torschütze Vukić“ after „Kapitän Marco Vukić“: an unknown role noun and a surname.

        A capitalised word that is no given name, before the rest of a known
        person's name, is a role the lexicon lacks rather than part of the name.
        """
        doc = self.doc
        if np.role is not None or len(np.name_tokens) < 2 or doc.tokens[np.name_tokens[0]].text in self.lexicon.first_names:
            return None
        rest = name_key(" ".join(doc.tokens[i].text for i in np.name_tokens[1:]))
        for entity in self._candidates(rest):
            other = name_key(entity.name)
            if entity.type == "person" and len(other) > len(rest) and tuple(other[-len(rest):]) == rest:
                entity.roles.add(doc.tokens[np.name_tokens[0]].text)
                return entity
        return None

    def _candidates(self, key: tuple[str, ...]) -> list[Entity]:
        """Entities sharing a name word with ``key``, most recent first.

        Two names can only contain one another if they share a word, so an index
        from words to entities keeps this linear in the document, not quadratic.
        """
        seen: dict[int, Entity] = {}
        for word in key:
            for entity in self._by_word.get(word, ()):
                seen[id(entity)] = entity
        return sorted(seen.values(), key=lambda e: -self._order[id(e)])

    def _find_name(self, key: tuple[str, ...]) -> Entity | None:
        """The most recent entity whose name contains ``key`` or is contained in it.

        Among organisations the first one wins instead: „laut Bahn“ is the article's
        „Deutsche Bahn“, not the „Pro Bahn“ mentioned last.
        """
        found = [e for e in self._candidates(key) if contains(name_key(e.name), key) or contains(key, name_key(e.name))]
        if found and all(e.type == "organization" for e in found):
            return min(found, key=lambda e: self._order[id(e)])
        return found[0] if found else None

    def _add(self, name: str, type: str, gender: str | None, role: str | None) -> Entity:
        key = name_key(name)
        for entity in self._candidates(key):
            other = name_key(entity.name)
            if other == key or (type == entity.type or "unknown" in (type, entity.type)) and (
                contains(other, key) and not (type == "organization" and origin_qualified(entity.name, name))
                or contains(key, other) and not (type == "organization" and origin_qualified(name, entity.name))
            ):
                if len(key) > len(other):
                    entity.name = name  # the longer form is canonical
                    self._index(entity, key)
                if entity.type == "unknown":
                    entity.type = type
                entity.gender = entity.gender or gender
                if role:
                    entity.roles.add(role)
                return entity
        entity = Entity(name, type, gender, {role} if role else set())
        self._order[id(entity)] = len(self.entities)
        self.entities.append(entity)
        self._index(entity, key)
        return entity

    def _index(self, entity: Entity, key: tuple[str, ...]) -> None:
        for word in key:
            bucket = self._by_word.setdefault(word, [])
            if entity not in bucket:
                bucket.append(entity)

    # --- resolving ----------------------------------------------------------------

    def resolve(self, np: NounPhrase, last_speaker: Entity | None = None) -> tuple[Entity | None, str]:
        """The entity a speaker mention refers to (or None) and the mention's type."""
        if np.coordinated is not None:
            first, kind = self.resolve(first_conjunct(np), last_speaker)
            second, _ = self.resolve(np.coordinated, last_speaker)
            if first is not None and second is not None:
                return Entity(f"{first.name} und {second.name}", first.type), first.type
            return None, kind
        if np.pronoun is not None:
            return self._pronoun(np, last_speaker)
        named = self._entity_of(np)
        if named is None and np.name_tokens and np.determiner is None and np.role is None and not self._common_noun(np):
            # a name nobody introduced („sagte Kim“) is its own canonical name
            named = self._add(" ".join(self.doc.tokens[i].text for i in np.name_tokens), "person", None, None)
        if named is not None:
            if named.type == "unknown":
                named.type = "person"  # a name that speaks and is no organisation
            return named, named.type
        kind = "organization" if np.role_type == "organization" else "person" if np.role else "unknown"
        if np.determiner in DEFINITE and np.role_type != "person" and not np.name_tokens and np.genitive is None:
            # „die Bahn“ after „die Deutsche Bahn“, „das Theater“ after „das Theater am Hafen“
            short = self._organization_named(self.doc.tokens[np.end - 1].text)
            if short is not None and (np.role is None or self._by_role(np, None) is None):
                return short, "organization"
        if np.role is not None and np.determiner not in INDEFINITE:
            entity = self._by_role(np, last_speaker)
            if entity is None and np.role_type == "organization" and (np.determiner in DEFINITE or np.determiner is None and np.end - np.start == 1):
                # „die Polizei“, „laut Feuerwehr“ with no antecedent: the institution itself
                name = origin_name(self.doc, self.lexicon, np, nominative_noun(self.lexicon, np.role))
                entity = self._add(name, "organization", None, name if name != np.role else np.role)
            return entity, entity.type if entity is not None else kind
        if np.genitive is not None and np.role_type == "person":
            # „Ein Sprecher des Gesundheitsministeriums“ speaks for the ministry
            owner = parse_noun_phrase(self.doc, self.lexicon, np.genitive[0], np.genitive[1], coordination=False)
            if owner is not None:
                entity = self._entity_of(owner)
                if entity is None and owner.role is not None and owner.role_type == "organization":
                    # „Ein Sprecher des Ministeriums“: the ministry named before
                    entity = self._by_role(owner, None) or self._add(
                        origin_name(self.doc, self.lexicon, owner, nominative_noun(self.lexicon, owner.role)), "organization", None, owner.role
                    )
                if entity is not None and entity.type == "organization":
                    return entity, "organization"
        if np.genitive is None and np.role and _speaks_for(np.role):
            # „Ein Sprecher von Pro Asyl“: a spokesperson's „von“-owner is an organisation
            von = next((k for k in range(np.start, min(np.end + 1, len(self.doc.tokens) - 1))
                        if "source_prep" in function_word_classes(self.lexicon, self.doc.tokens[k].text)), None)
            owner = _von_owner(self.doc, self.lexicon, von) if von is not None else None
            if owner is not None:
                entity = self._entity_of(owner)
                if entity is None or entity.type != "organization":
                    name = " ".join(self.doc.tokens[i].text for i in owner.name_tokens)
                    entity = self._add(name, "organization", None, None) if name else None
                if entity is not None:
                    return entity, "organization"
        if np.genitive is None and np.role_type == "person" and np.role and not np.name_tokens:
            # „ein Polizeisprecher“: the spokesperson of the police named before
            owner_entity = self._spokesperson_of(np)
            if owner_entity is not None:
                return owner_entity, "organization"
        return None, kind

    def _organization_named(self, word: str) -> Entity | None:
        """The first organisation (usually the article's main one) whose multi-word name contains ``word``."""
        folded = name_key(word)
        if len(folded) != 1:
            return None
        found = [e for e in self._by_word.get(folded[0], ()) if e.type == "organization" and len(name_key(e.name)) > 1]
        return min(found, key=lambda e: self._order[id(e)]) if found else None

    def _spokesperson_of(self, np: NounPhrase) -> Entity | None:
        """The organisation a spokesperson speaks for.

        In a compound the first part names it („Polizeisprecher“ → the police); a
        bare „Ein Sprecher“ speaks for the organisation the sentence before was
        about („Das Ministerium rief zur Ruhe auf. …, sagte eine Sprecherin.“).
        """
        role = np.role or ""
        if role.endswith("s") and any(role.casefold()[:-1].endswith(w) for w in spokesperson_words()):
            role = role[:-1]  # „eines Sprechers“
        folded_role = role.casefold()
        head = next((w for w in spokesperson_words() if folded_role.endswith(w)), None)
        if head is None:
            return None
        if folded_role == head:
            found = self._recent(np.start, lambda e: e.type == "organization", _BARE_SPOKESPERSON_LOOKBACK)
            return found or self._institution_before(np.start)
        prefix = role[: len(role) - len(head)]
        if prefix.endswith("s") and len(prefix) > 4:
            prefix = prefix[:-1]  # „Gerichtssprecher“: the linking s is no part of „Gericht“ (but „Reuters-Sprecher“)
        prefix = prefix.rstrip("-")
        if len(prefix) < 3:
            return None
        folded = prefix.casefold()
        found = self._recent(
            np.start,
            lambda e: e.type == "organization"
            and (name_key(e.name)[-1:] == (folded,) or any(r.casefold().endswith(folded) for r in e.roles)
                 or folded in name_key(e.name)),
            _ORGANIZATION_LOOKBACK,
        ) or self._recent(
            # „Konzernsprecher“ after „der Pharmakonzern Veltrion“: an organisation of that kind
            np.start, lambda e: e.type == "organization" and _has_role(e, prefix, folded), _ORGANIZATION_LOOKBACK
        )
        institution = prefix[:1].upper() + prefix[1:]
        entry = self.lexicon.role_of(institution)
        if found is None and entry is not None and entry.type == "organization" and entry.noun.casefold() == folded:
            # „ein Feuerwehrsprecher“ with no fire brigade named before: the institution itself
            found = self._add(institution, "organization", None, institution)
        return found

    def _institution_before(self, before: int) -> Entity | None:
        """An institution named by its bare noun in the sentence before token ``before``.

        „Die Polizei hat die Straße gesperrt. Ein Sprecher sagte …“: a bare
        institution is no entity until something refers to it; this resolves it.
        """
        doc = self.doc
        if not doc.tokens:
            return None
        here = doc.layer.sentence_index(min(before, len(doc.tokens) - 1))
        if here == 0:
            return None
        sentence = doc.sentences[here - 1]
        for i in range(sentence.first, sentence.last):
            if doc.tokens[i].text.lower() not in DEFINITE:
                continue
            np = parse_noun_phrase(doc, self.lexicon, i, sentence.last, coordination=False)
            if np is not None and np.role_type == "organization" and not np.name_tokens and np.genitive is None:
                entity, _ = self.resolve(np)
                if entity is not None and entity.type == "organization":
                    return entity
        return None

    def _common_noun_at(self, i: int) -> bool:
        """A capitalised word that is an inflected form of a shorter noun („Millionen“ → „Million“)."""
        lemma, text = self.doc.lemma(i), self.doc.tokens[i].text
        return lemma != text and lemma[:1].isupper() and len(lemma) < len(text)

    def _common_noun(self, np: NounPhrase) -> bool:
        """„Regierungskreise“, „Medienberichten“: one inflected noun, not a name.

        Names keep their form; a lone word whose lemma differs from it is a common
        noun in the plural or an oblique case, and stays unresolved.
        """
        if len(np.name_tokens) != 1:
            return False
        i = np.name_tokens[0]
        text = self.doc.tokens[i].text
        if text in self.lexicon.first_names:
            return False
        # „Geheimdienstkreise“: a compound the lemmatiser does not know, with a group noun as head
        folded = text.casefold()
        return self.doc.lemma(i) != text or any(folded.endswith(head) for head in group_heads())

    def _pronoun(self, np: NounPhrase, last_speaker: Entity | None) -> tuple[Entity | None, str]:
        if np.pronoun in ("ich", "wir"):
            return None, "unknown"
        genders = {"er": ("m", None), "sie": ("f", None)}.get(np.pronoun, (None,))
        types = ("person",) if np.pronoun == "er" else ("person", "organization")

        def fits(e: Entity) -> bool:
            return e.type in types and e.gender in genders

        entity = self._recent(np.start, fits)
        if last_speaker is not None and entity is not last_speaker and fits(last_speaker) and self._mentioned_lately(last_speaker, np.start):
            # „Der Mann habe Anna Berg betrogen, sagte Ingrid Hollenbach. „…“, sagte sie.“: the speaker goes on
            entity = last_speaker
        if entity is None:
            return None, "person" if np.pronoun == "er" else "unknown"
        return entity, entity.type

    def _mentioned_lately(self, entity: Entity, before: int) -> bool:
        """Whether ``entity`` occurs in the sentence of token ``before`` or the one before it."""
        return any(other is entity for _, other in self._before(before, 1))

    def _by_role(self, np: NounPhrase, last_speaker: Entity | None) -> Entity | None:
        role = np.role or ""
        if np.age:
            gender = "f" if np.determiner in FEMININE_DETERMINERS else "m"
            return self._recent(np.start, lambda e: e.type == "person" and e.gender in (gender, None))
        entry = self.lexicon.role_of(role)
        head = (entry.noun if entry is not None else role).casefold()
        if last_speaker is not None and _has_role(last_speaker, role, head):
            return last_speaker
        # an institution stays the same through an article: „Laut Gericht“ long after „Das Landgericht Kassel“
        lookback = _ORGANIZATION_LOOKBACK if np.role_type == "organization" else _LOOKBACK_SENTENCES
        entity = self._recent(np.start, lambda e: _has_role(e, role, head), lookback)
        if entity is None and np.role_type == "person" and np.determiner in DEFINITE and np.genitive is None:
            # „der GdP-Vorsitzende“ after „Gewerkschaftschef Konrad Freiberg“: a definite
            # description with a role not seen before refers to the previous person (but
            # „Die Kritikerin der ‚Weser-Rundschau‘“ names someone of her own)
            gender = role_gender(role) or ("f" if np.determiner in FEMININE_DETERMINERS else None)
            # no gender from the description („der Vorsitzende“ may be dative feminine): any person
            entity = self._recent(
                np.start, lambda e: e.type == "person" and (gender is None or e.gender in (gender, None))
            )
        return entity

    def _recent(self, before: int, accept: Callable[[Entity], bool], lookback: int = _LOOKBACK_SENTENCES) -> Entity | None:
        """The entity of the nearest earlier sentence that ``accept``s, leftmost first.

        Within a sentence the leftmost mention is usually the subject, and a
        pronoun or description most often continues the previous subject.
        """
        best: Entity | None = None
        best_sentence = -1
        for sentence, entity in self._before(before, lookback):
            if best is not None and sentence < best_sentence:
                break
            if accept(entity):
                best, best_sentence = entity, sentence
        return best

    def _before(self, before: int, lookback: int) -> Iterator[tuple[int, Entity]]:
        """(sentence, entity) of the occurrences before token ``before``, nearest first,
        back to ``lookback`` sentences before its own."""
        if not self.doc.tokens:
            return
        here = self.doc.layer.sentence_index(min(before, len(self.doc.tokens) - 1))
        end = bisect.bisect_left(self.occurrences, before, key=lambda o: o.token)
        for k in range(end - 1, -1, -1):  # no slice copy: this runs for every pronoun
            occurrence = self.occurrences[k]
            sentence = self.doc.layer.sentence_index(occurrence.token)
            if sentence < here - lookback:
                return
            yield sentence, occurrence.entity

    def note(self, np: NounPhrase, entity: Entity) -> None:
        """Record a resolved speaker mention as the entity's latest occurrence."""
        bisect.insort(self.occurrences, _Occurrence(np.start, entity), key=lambda o: o.token)


def _places(doc: Doc, lexicon: Lexicon) -> frozenset[str]:
    """Words the document uses as places: a dateline („Bergheim – …“, „Kassel (dpa) –“)
    or a single capitalised word after a place preposition („in Bergheim“, „aus Kassel“)."""
    tokens = doc.tokens
    found: set[str] = set()
    for i in range(len(tokens) - 2):
        tok, nxt = tokens[i], tokens[i + 1]
        if tok.text.lower() in ("in", "aus") and is_capitalised(doc, i + 1) and not is_capitalised(doc, i + 2):
            if lexicon.organization(nxt.text) is None and nxt.text not in lexicon.first_names:
                found.add(nxt.text)
        elif is_capitalised(doc, i) and nxt.text in ("–", "(") and (i == 0 or "\n" in doc.text[tokens[i - 1].end : tok.start]):
            found.add(tok.text)
    return frozenset(found)


def _speaks_for(role: str) -> bool:
    """Whether a role noun is a bare spokesperson noun („Sprecher“, „Sprecherin“)."""
    return role.casefold() in spokesperson_words()


def _von_owner(doc: Doc, lexicon: Lexicon, i: int) -> NounPhrase | None:
    """The named noun phrase of a „von“ phrase at token ``i`` („von Pro Asyl“), if any."""
    word = doc.tokens[i].text.lower()
    if "source_prep" not in function_word_classes(lexicon, word):
        return None
    owner = parse_noun_phrase(doc, lexicon, i + 1, len(doc.tokens), coordination=False)
    if owner is None or not owner.name_tokens or owner.pronoun is not None:
        return None
    if word == "vom" and organization_in(doc, lexicon, owner.start, owner.end) is None:
        return None  # „vom Bahnhof aus“: the article makes it a common noun, not a name
    return owner


def _has_role(entity: Entity, role: str, head: str) -> bool:
    """Whether the entity was introduced with this role, or a kind of it.

    „das Unternehmen“ (a generic noun) finds „Der Autozulieferer Brenk“: both
    nouns are of the class Unternehmen in ``org_classes.tsv``.
    """
    folded = role.casefold()
    if any(r.casefold() == folded or r.casefold().endswith(head) for r in entity.roles):
        return True
    described = org_class(role)
    if described is None or not described[1] or entity.type != "organization":
        return False
    if any(org_kind(r) == described[0] for r in entity.roles):
        return True
    # „die Stadtwerke Bergheim“, „SV Lahntal“, „IG Metall“: the name says what it is
    return any(org_kind(w) == described[0] for w in (entity.name, *entity.name.split()))
