"""Coreference: which entity of the document a mention refers to.

Pipeline stage 3 (attribution): the table of entities is built once per
document before any quote is attributed (:func:`~quotecheck.attribution.entities.build_table`);
the speaker, addressee and source strategies then resolve their noun phrases
against it.

Later mentions resolve to one canonical name per entity: a surname to the full
name („Putin“ → „Wladimir Putin“, spelling variants such as „Kim Jong-un“/„Kim
Jong Un“ compared without hyphens), a pronoun to the nearest compatible entity, a
description („der Minister“, „die Behörde“, „der 41-Jährige“) to the last entity
with that role. What cannot be resolved stays ``None`` rather than being guessed.

Resolving changes nothing: :meth:`Coreference.resolve` answers with a
:class:`Resolution` that holds the table with what the resolution introduced
(„sagte Kim“ names a „Kim“ nobody named before), and the caller keeps it.
"""

from __future__ import annotations

from typing import Callable, Sequence

import attrs
from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.attribution.entities import (
    LOOKBACK_SENTENCES,
    ORIGIN_MARK,
    ORGANIZATION_LOOKBACK,
    Entity,
    EntityTable,
    Namer,
    TableDraft,
    build_table,
    document_places,
    has_role,
    token_codes,
)
from quotecheck.attribution.naming import demonym_fits, name_key, nominative_noun, organization_in, origin_name, role_gender
from quotecheck.attribution.nounphrase import NounPhrase, first_conjunct, parse_noun_phrase
from quotecheck.attribution.words import (
    function_word_classes,
)
from quotecheck.lexicon import Lexicon

__all__ = ["Entity", "Coreference", "Resolution"]

#: A bare „ein Sprecher“ speaks for an organisation of its own or the previous sentence only.
_BARE_SPOKESPERSON_LOOKBACK = 1
#: How far before „(61)“ the name of the person of that age may start („Trainer Jens Ott (61)“).
_AGE_AFTER_NAME_TOKENS = 4
#: How far back „der 71-Jährige“ looks for „Paolo Neri (71)“: an article's length, so
#: that a document of thousands of such descriptions stays linear.
_AGE_LOOKBACK_TOKENS = 5_000
#: How many sentences back a pronoun with no person to refer to looks for a spokesperson („Er verwies …“).
_PRONOUN_SPOKESPERSON_LOOKBACK = 2


@frozen(eq=False)
class Coreference:
    """The entities of one document and their mentions, in text order: a value.

    Build it with :meth:`build`; :meth:`resolve` and :meth:`noted` return new
    values and leave this one as it is.
    """

    doc: Doc
    lexicon: Lexicon
    places: frozenset[str]  # words the document uses as places („Bergheim“)
    table: EntityTable

    @classmethod
    def build(cls, doc: Doc, lexicon: Lexicon, skip: Sequence[tuple[int, int]] = ()) -> Coreference:
        """The entity table of ``doc``, from every named mention outside the ``skip`` character spans."""
        codes = token_codes(doc, lexicon)  # read by the build only, and let go after it
        places = document_places(doc, lexicon, codes)
        return cls(doc, lexicon, places, build_table(doc, lexicon, places, skip, codes))

    def resolve(self, np: NounPhrase, last_speaker: Entity | None = None) -> Resolution:
        """The entity a mention refers to (or None), the mention's type, and the table after it.

        ``last_speaker`` is the previous quote's speaker: a pronoun or a role noun
        goes on with it („…“, sagte sie.).
        """
        draft = TableDraft(self.table)
        entity, kind = _Resolver(self.doc, self.lexicon, self.places, draft).resolve(np, last_speaker)
        table = draft.table()
        current = table.entity(entity.id) if entity is not None else None
        return Resolution(current, kind, self if table is self.table else attrs.evolve(self, table=table))

    def noted(self, np: NounPhrase, entity: Entity) -> Coreference:
        """The coreference with a resolved speaker mention as the entity's latest occurrence."""
        return attrs.evolve(self, table=self.table.with_occurrence(np.start, entity))


@frozen(eq=False)
class Resolution:
    """What a mention refers to, and the coreference that knows what the resolution introduced."""

    entity: Entity | None
    kind: str  # person / organization / unknown
    coreference: Coreference


#: The answer of a resolution strategy: the entity (or None) and the mention's type.
_Answer = tuple[Entity | None, str]


class _Resolver(Namer):
    """One resolution on a draft of the table: the strategies for descriptions, pronouns and names."""

    def resolve(self, np: NounPhrase, last_speaker: Entity | None) -> _Answer:
        last = self.draft.entity(last_speaker.id) if last_speaker is not None else None
        if np.coordinated is not None:
            return self._coordinated(np, last)
        if np.pronoun is not None:
            return self._pronoun(np, last)
        named = self._named_speaker(np)
        if named is not None:
            return named, named.type
        for strategy in _DESCRIPTION_STRATEGIES:
            answer = strategy(self, np, last)
            if answer is not None:
                return answer
        return None, _description_kind(np)

    def _coordinated(self, np: NounPhrase, last: Entity | None) -> _Answer:
        """„Putin und Kim“: one group mention, named after both when both resolve."""
        first, kind = self.resolve(first_conjunct(np), last)
        second, _ = self.resolve(np.coordinated, last)  # type: ignore[arg-type]
        if first is None or second is None:
            return None, kind
        first, second = self.draft.entity(first.id), self.draft.entity(second.id)
        group = self.draft.new(f"{first.name} und {second.name}", first.type, None, frozenset(), indexed=False)
        return group, first.type

    def _pronoun(self, np: NounPhrase, last: Entity | None) -> _Answer:
        """„er“ is the nearest male person, „sie“ the nearest female person or an organisation.

        The previous speaker goes on when mentioned lately: „Der Mann habe Anna Berg
        betrogen, sagte Ingrid Hollenbach. „…“, sagte sie.“ „ich“ and „wir“ stay unresolved.
        """
        if np.pronoun in self.lexicon.attribution.first_person_pronouns:
            return None, "unknown"
        masculine = np.pronoun in self.lexicon.attribution.masculine_pronouns
        genders = ("m", None) if masculine else ("f", None) if np.pronoun in self.lexicon.attribution.feminine_pronouns else (None,)
        types = ("person",) if masculine else ("person", "organization")

        def fits(e: Entity) -> bool:
            # „er“ is one man: never a group („Putin und Kim“); „sie“ may be several
            return e.type in types and e.gender in genders and not (masculine and e.group)

        entity = self.recent(np.start, fits)
        if last is not None and (entity is None or entity.id != last.id) and fits(last) and self._mentioned_lately(last, np.start):
            entity = last
        if entity is None and np.pronoun in self.lexicon.attribution.speaker_pronouns:
            entity = self._spokesperson_before(np.start, "m" if masculine else "f")
        if entity is None:
            return None, "person" if masculine else "unknown"
        return entity, entity.type

    def _spokesperson_before(self, before: int, gender: str) -> Entity | None:
        """The institution of a spokesperson the pronoun points back to when no person fits it.

        „Ein Sprecher des Ministeriums wollte sich nicht äußern. Er verwies auf einen
        Bericht.“: the spokesperson said nothing quoted, so no entity was noted for
        him, yet „er“ speaks for the ministry. Only a spokesperson of the pronoun's
        gender without a name of his own, in the two sentences before.
        """
        doc = self.doc
        here = doc.layer.sentence_index(min(before, len(doc.tokens) - 1))
        for index in range(here - 1, max(-1, here - 1 - _PRONOUN_SPOKESPERSON_LOOKBACK), -1):
            sentence = doc.sentences[index]
            for i in range(sentence.first, sentence.last):
                folded = doc.tokens[i].text.casefold()
                if not folded.endswith(self.lexicon.words.spokesperson) or (role_gender(doc.tokens[i].text) == "f") != (gender == "f"):
                    continue
                start = i - 1 if i > sentence.first and doc.tokens[i - 1].text.lower() in self.lexicon.words.indefinite else i
                np = parse_noun_phrase(doc, self.lexicon, start, sentence.last, coordination=False)
                if np is None or np.name_tokens or np.role_type != "person":
                    continue
                for strategy in (_Resolver.spokesperson_with_genitive, _Resolver.spokesperson_of_organization):
                    answer = strategy(self, np, None)
                    if answer is not None and answer[0] is not None:
                        return answer[0]
        return None

    def _mentioned_lately(self, entity: Entity, before: int) -> bool:
        """Whether ``entity`` occurs in the sentence of token ``before`` or the one before it."""
        return any(other.id == entity.id for _, other in self.before(before, 1))

    def _named_speaker(self, np: NounPhrase) -> Entity | None:
        """The entity a name refers to; a name nobody introduced („sagte Kim“) is its own canonical name."""
        named = self.entity_of(np)
        if named is None and np.name_tokens and np.determiner is None and np.role is None and not self._common_noun(np) and not self._genitive_of_known(np):
            named = self.draft.add(" ".join(self.doc.tokens[i].text for i in np.name_tokens), "person", None, None)
        return named

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
        return self.doc.lemma(i) != text or any(folded.endswith(head) for head in self.lexicon.words.group_heads)

    # --- descriptions, tried in order (see _DESCRIPTION_STRATEGIES) ---------------------

    def short_organization_name(self, np: NounPhrase, last: Entity | None) -> _Answer | None:
        """„die Bahn“ after „die Deutsche Bahn“, „das Theater“ after „das Theater am Hafen“.

        A definite description that is the last word of an organisation's longer
        name refers to it, unless its role noun finds an entity of its own.
        """
        if np.determiner not in self.lexicon.words.definite or np.role_type == "person" or np.name_tokens or np.genitive is not None:
            return None
        short = self.draft.organization_named(self.doc.tokens[np.end - 1].text)
        if short is not None and (np.role is None or self._by_role(np, None) is None):
            return short, "organization"
        return None

    def definite_description(self, np: NounPhrase, last: Entity | None) -> _Answer | None:
        """„der Minister“, „die Behörde“, „der 41-Jährige“: the last entity with that role.

        Answers for every description that is not indefinite. „die Polizei“ or
        „laut Feuerwehr“ with no antecedent is the institution itself.
        """
        if np.role is None or np.determiner in self.lexicon.words.indefinite:
            return None
        entity = self._by_role(np, last)
        bare = np.determiner in self.lexicon.words.definite or (np.determiner is None and np.end - np.start == 1)
        if entity is None and np.role_type == "organization" and bare:
            name = origin_name(self.doc, self.lexicon, np, nominative_noun(self.lexicon, np.role))
            entity = self.draft.add(name, "organization", None, name if name != np.role else np.role)
        return entity, entity.type if entity is not None else _description_kind(np)

    def spokesperson_with_genitive(self, np: NounPhrase, last: Entity | None) -> _Answer | None:
        """„Ein Sprecher des Gesundheitsministeriums“ speaks for the ministry (named before, or now)."""
        if np.genitive is None or np.role_type != "person":
            return None
        owner = parse_noun_phrase(self.doc, self.lexicon, np.genitive[0], np.genitive[1], coordination=False)
        if owner is None:
            return None
        entity = self.entity_of(owner)
        if entity is None and owner.role is not None and owner.role_type == "organization":
            # „Ein Sprecher des Ministeriums“: the ministry named before
            entity = self._by_role(owner, None) or self.draft.add(
                origin_name(self.doc, self.lexicon, owner, nominative_noun(self.lexicon, owner.role)), "organization", None, owner.role
            )
        if entity is None and np.role and np.role.casefold().endswith(self.lexicon.words.spokesperson):
            entity = self._unlisted_institution(owner)
        return (entity, "organization") if entity is not None and entity.type == "organization" else None

    def _unlisted_institution(self, owner: NounPhrase) -> Entity | None:
        """„einen Sprecher der Küstenwache“: a spokesperson speaks for an institution, even one the lexicon lacks.

        Only a definite noun without a name of its own („der Küstenwache“, „des
        Hafenamts“); the name is the noun in the nominative.
        """
        if owner.determiner not in self.lexicon.words.definite or owner.role is not None or owner.end - owner.start != 2:
            return None
        head = owner.end - 1
        word = self.doc.tokens[head].text
        if not word[:1].isupper() or word in self.lexicon.first_names or self.common_noun_at(head):
            return None
        name = nominative_noun(self.lexicon, word)
        if word.endswith("s") and owner.determiner in self.lexicon.rule_words.genitive and not word.endswith("ss"):
            name = word[:-2] if word.endswith("es") and len(word) > 5 else word[:-1]
        return self.draft.add(name, "organization", None, name)

    def spokesperson_with_von(self, np: NounPhrase, last: Entity | None) -> _Answer | None:
        """„Ein Sprecher von Pro Asyl“: a spokesperson's „von“-owner is an organisation."""
        if np.genitive is not None or not np.role or np.role.casefold() not in self.lexicon.words.spokesperson:
            return None
        tokens = self.doc.tokens
        von = next(
            (k for k in range(np.start, min(np.end + 1, len(tokens) - 1)) if "source_prep" in function_word_classes(self.lexicon, tokens[k].text)),
            None,
        )
        owner = _von_owner(self.doc, self.lexicon, von) if von is not None else None
        if owner is None:
            return None
        entity = self.entity_of(owner)
        if entity is None or entity.type != "organization":
            name = " ".join(tokens[i].text for i in owner.name_tokens)
            entity = self.draft.add(name, "organization", None, None) if name else None
        return (entity, "organization") if entity is not None else None

    def spokesperson_of_organization(self, np: NounPhrase, last: Entity | None) -> _Answer | None:
        """„ein Polizeisprecher“, „eine Sprecherin“: the organisation named before (see :meth:`_spokesperson_of`)."""
        if np.genitive is not None or np.role_type != "person" or not np.role or np.name_tokens:
            return None
        owner = self._spokesperson_of(np)
        return (owner, "organization") if owner is not None else None

    # --- helpers of the strategies ----------------------------------------------------

    def _by_role(self, np: NounPhrase, last: Entity | None) -> Entity | None:
        """The last entity introduced with the role of ``np`` (or the previous speaker, when it has it)."""
        if np.age:
            return self._by_age(np)
        role = np.role or ""
        entry = self.lexicon.role_of(role)
        head = (entry.noun if entry is not None else role).casefold()
        if last is not None and has_role(self.lexicon, last, role, head):
            return last
        if np.role_type == "person":
            # „die Finnin“ after „die finnische Ministerin Aino Virtanen“: the one described so, not the last named
            described = self.recent(np.start, lambda e: _of_origin(e, role))
            if described is not None:
                return described
        # an institution stays the same through an article: „Laut Gericht“ long after „Das Landgericht Kassel“
        lookback = ORGANIZATION_LOOKBACK if np.role_type == "organization" else LOOKBACK_SENTENCES
        entity = self.recent(np.start, lambda e: has_role(self.lexicon, e, role, head), lookback)
        if entity is None and np.role_type == "person" and np.determiner in self.lexicon.words.definite and np.genitive is None:
            # „…, so der Sprecher weiter“ after „Ein Sprecher der Hafenbehörde sagte …“: no person was
            # introduced as spokesperson, so the one speaking for the institution goes on
            return self._spokesperson_of(np) or self._previous_person(np, role)
        return entity

    def _by_age(self, np: NounPhrase) -> Entity | None:
        """„der 41-Jährige“, „die 29-Jährige“: the person introduced with that age, else the last of that gender.

        „Landwirt Paolo Neri (71) sagte …“ … „Der 71-Jährige“ is Neri even when
        other men were named in between.
        """
        gender = "f" if np.determiner in self.lexicon.words.feminine else "m"
        return self._introduced_with_age(np) or self.recent(np.start, lambda e: e.type == "person" and e.gender in (gender, None))

    def _introduced_with_age(self, np: NounPhrase) -> Entity | None:
        """The person whose name stands right before „(N)“, N the age of ``np`` („Jens Ott (61)“)."""
        tokens = self.doc.tokens
        age = tokens[np.end - 1].text.split("-", 1)[0]
        for k in range(np.start - 2, max(0, np.start - _AGE_LOOKBACK_TOKENS), -1):
            if tokens[k].text != age or tokens[k - 1].text != "(" or tokens[k + 1].text != ")":
                continue
            named = next(self.draft.occurrences_before(k - 1), None)
            near = named is not None and named.token >= k - 1 - _AGE_AFTER_NAME_TOKENS
            entity = self.draft.entity(named.entity) if named is not None and near else None
            return entity if entity is not None and entity.type == "person" else None
        return None

    def _previous_person(self, np: NounPhrase, role: str) -> Entity | None:
        """„der GdP-Vorsitzende“ after „Gewerkschaftschef Konrad Freiberg“: the previous person.

        A definite description with a role not seen before refers to the previous
        person of its gender (but „Die Kritikerin der ‚Weser-Rundschau‘“ names someone
        of her own: no genitive). Without a gender from the description („der
        Vorsitzende“ may be dative feminine) any person.
        """
        gender = role_gender(role) or ("f" if np.determiner in self.lexicon.words.feminine else None)
        return self.recent(np.start, lambda e: e.type == "person" and (gender is None or e.gender in (gender, None)))

    def _spokesperson_of(self, np: NounPhrase) -> Entity | None:
        """The organisation a spokesperson speaks for.

        In a compound the first part names it („Polizeisprecher“ → the police); a
        bare „Ein Sprecher“ speaks for the organisation the sentence before was
        about („Das Ministerium rief zur Ruhe auf. …, sagte eine Sprecherin.“).
        """
        found = _spokesperson_head(self.lexicon, np.role or "")
        if found is None:
            return None
        role, head = found
        if role.casefold() == head:
            bare = self.recent(np.start, lambda e: e.type == "organization", _BARE_SPOKESPERSON_LOOKBACK)
            return bare or self._institution_before(np.start)
        prefix = role[: len(role) - len(head)]
        if prefix.endswith("s") and len(prefix) > 4:
            prefix = prefix[:-1]  # „Gerichtssprecher“: the linking s is no part of „Gericht“ (but „Reuters-Sprecher“)
        prefix = prefix.rstrip("-")
        return self._organization_of_prefix(np, prefix) if len(prefix) >= 3 else None

    def _organization_of_prefix(self, np: NounPhrase, prefix: str) -> Entity | None:
        """„Polizeisprecher“ → the police named before, or the institution „Polizei“ itself."""
        folded = prefix.casefold()

        def named_so(e: Entity) -> bool:
            key = name_key(e.name)
            return e.type == "organization" and (
                key[-1:] == (folded,) or any(r.casefold().endswith(folded) for r in e.roles) or folded in key
            )

        found = self.recent(np.start, named_so, ORGANIZATION_LOOKBACK) or self.recent(
            # „Konzernsprecher“ after „der Pharmakonzern Veltrion“: an organisation of that kind
            np.start, lambda e: e.type == "organization" and has_role(self.lexicon, e, prefix, folded), ORGANIZATION_LOOKBACK
        )
        institution = prefix[:1].upper() + prefix[1:]
        entry = self.lexicon.role_of(institution)
        if found is None and entry is not None and entry.type == "organization" and entry.noun.casefold() == folded:
            # „ein Feuerwehrsprecher“ with no fire brigade named before: the institution itself
            found = self.draft.add(institution, "organization", None, institution)
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
            if doc.tokens[i].text.lower() not in self.lexicon.words.definite:
                continue
            np = parse_noun_phrase(doc, self.lexicon, i, sentence.last, coordination=False)
            if np is not None and np.role_type == "organization" and not np.name_tokens and np.genitive is None:
                entity, _ = self.resolve(np, None)
                if entity is not None and entity.type == "organization":
                    return entity
        return None


#: How descriptions resolve, tried in order; the first that answers wins.
_DESCRIPTION_STRATEGIES: tuple[Callable[[_Resolver, NounPhrase, Entity | None], _Answer | None], ...] = (
    _Resolver.short_organization_name,
    _Resolver.definite_description,
    _Resolver.spokesperson_with_genitive,
    _Resolver.spokesperson_with_von,
    _Resolver.spokesperson_of_organization,
)


def _of_origin(entity: Entity, noun: str) -> bool:
    """Whether the entity was introduced with an origin the nationality noun names („die Finnin“)."""
    return entity.type == "person" and any(
        r.startswith(ORIGIN_MARK) and demonym_fits(noun, r[len(ORIGIN_MARK) :]) for r in entity.roles
    )


def _description_kind(np: NounPhrase) -> str:
    """The type a description gives its mention when it resolves to nothing („ein Sprecher“ → person)."""
    return "organization" if np.role_type == "organization" else "person" if np.role else "unknown"


def _spokesperson_head(lexicon: Lexicon, role: str) -> tuple[str, str] | None:
    """The role without a genitive -s („eines Sprechers“) and the spokesperson noun it ends in, if any."""
    if role.endswith("s") and any(role.casefold()[:-1].endswith(w) for w in lexicon.words.spokesperson):
        role = role[:-1]
    folded = role.casefold()
    head = next((w for w in lexicon.words.spokesperson if folded.endswith(w)), None)
    return (role, head) if head is not None else None


def _von_owner(doc: Doc, lexicon: Lexicon, i: int) -> NounPhrase | None:
    """The named noun phrase of a „von“ phrase at token ``i`` („von Pro Asyl“), if any."""
    word = doc.tokens[i].text.lower()
    if "source_prep" not in function_word_classes(lexicon, word):
        return None
    owner = parse_noun_phrase(doc, lexicon, i + 1, len(doc.tokens), coordination=False)
    if owner is None or not owner.name_tokens or owner.pronoun is not None:
        return None
    if word in lexicon.words.fused_source_prepositions and organization_in(doc, lexicon, owner.start, owner.end) is None:
        return None  # „vom Bahnhof aus“: the article makes it a common noun, not a name
    return owner
