"""Closed word classes, one typed sub-lexicon per data file.

Pipeline: no stage of its own; parts of the :class:`~quotecheck.lexicon.Lexicon`.

Every closed-class list is a ``word <TAB> class`` file (one parser,
:func:`~quotecheck.lexicon.readers.parse_word_classes`); this module turns each
into a typed object whose attributes are the sets the code asks for, with one
sentence each on what the class is for. A class a file uses but the code does not
know, and a class the code needs but the file leaves empty, are errors: a typo
must not silently switch a rule off.

>>> from quotecheck.lexicon import load_lexicon
>>> clause = load_lexicon().clause
>>> sorted(clause.classes("während"))
['preposition', 'subordinator']
>>> "dass" in clause.verb_final, "während" in clause.verb_final
(True, False)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

import attrs
from attrs import frozen

from quotecheck.errors import LexiconError
from quotecheck.lexicon.readers import parse_abbreviations, parse_word_classes

__all__ = [
    "ATTRIBUTION_CLASSES",
    "CLAUSE_CLASSES",
    "FUNCTION_CLASSES",
    "MORPH_CLASSES",
    "ORDINAL_CLASSES",
    "RULE_CLASSES",
    "AttributionWords",
    "ClauseWords",
    "FunctionWords",
    "Morph",
    "RuleWords",
    "TextWords",
    "class_index",
]

_EMPTY: frozenset[str] = frozenset()

#: Classes of ``clause_words.tsv`` (its header documents each).
CLAUSE_CLASSES = frozenset(
    "subordinator complementizer w_word relative_adverb conditional relative preposition "
    "coordinator subject_pronoun passive_aux adverb negation modal generic report_demonstrative "
    "polar_question infinitive_marker reflexive".split()
)
#: Classes of ``function_words.tsv`` (its header documents each).
FUNCTION_CLASSES = frozenset(
    "addressee_prep adverbial article_prep attached_prep aux conj coord "
    "definite det det_dative feminine group_head indefinite name_link not_nominative "
    "passive_aux place_prep possessive prep pronoun reflexive_owner report_anaphor "
    "report_noun source_prep spokesperson time venue_prep".split()
)
#: Classes of ``rule_words.tsv`` (its header documents each).
RULE_CLASSES = frozenset(
    "addressee_case so_frame impersonal_speech impersonal_lemma legal_reference source_attachment "
    "not_reported subject_particle genitive genitive_or_dative agent_preposition "
    "phrase_determiner wie_frame frame_coordinator act_subject_pronoun toll_verb act_auxiliary prep_object_verb dated_preposition "
    "report_adverb written_report intention_noun authoring_verb authoring_preposition content_copula normative_verb time_preposition impersonal_subject quote_introducer".split()
)
#: Classes of ``attribution_words.tsv`` (its header documents each).
ATTRIBUTION_CLASSES = frozenset(
    "speaker_pronoun ambiguous_pronoun first_person_pronoun masculine_pronoun feminine_pronoun "
    "possessive_masculine possessive_feminine name_link_article age_unit "
    "name_attribute_preposition dative_plural_article neuter_article interview_noun interview_preposition quantity reflexive citing_preposition citing_verb continuation station_word origin_verb origin_preposition document_noun "
    "place_name_preposition quote_verb "
    ""
    "relay_preposition relay_verb".split()
)
#: Classes of ``morph.tsv`` (its header documents each).
MORPH_CLASSES = frozenset(
    "boundary nonverb advice hearsay frame_verb perfect_aux modal_inf advice_modal claim_modal short_verb "
    "ending_weak_pret ending_present participle_prefix inseparable_prefix umlaut".split()
)
#: Classes of ``ordinals.tsv`` (its header documents each).
ORDINAL_CLASSES = frozenset("month ordinal_introducer truncation_coordinator".split())


def sizes(obj: Any) -> str:
    """``Name(field=size, …)``: a repr that counts entries instead of printing thousands of words."""
    parts = []
    for a in attrs.fields(type(obj)):
        if a.name.startswith("_"):
            continue
        value = getattr(obj, a.name)
        shown = len(value) if isinstance(value, (Mapping, frozenset, tuple, set)) else value
        parts.append(f"{a.name}={shown}")
    return f"{type(obj).__name__}({', '.join(parts)})"


def class_index(
    by_word: Mapping[str, frozenset[str]], allowed: frozenset[str], source: str
) -> Mapping[str, frozenset[str]]:
    """Class → its words, for every class of ``allowed``; an unknown or empty class is an error."""
    index: dict[str, set[str]] = {cls: set() for cls in allowed}
    for word, classes in by_word.items():
        unknown = classes - allowed
        if unknown:
            raise LexiconError(
                f"{source}: unknown class {', '.join(sorted(unknown))} for {word!r}; "
                f"expected one of {', '.join(sorted(allowed))}"
            )
        for cls in classes:
            index[cls].add(word)
    empty = sorted(cls for cls, words in index.items() if not words)
    if empty:
        raise LexiconError(f"{source}: no word of class {', '.join(empty)}")
    return MappingProxyType({cls: frozenset(words) for cls, words in index.items()})


def _parsed(text: str, source: str, allowed: frozenset[str]) -> tuple[Mapping[str, frozenset[str]], Mapping[str, frozenset[str]]]:
    by_word = MappingProxyType(parse_word_classes(text, source))
    return by_word, class_index(by_word, allowed, source)


@frozen(repr=False)
class ClauseWords:
    """``clause_words.tsv``: the words that mark clause edges („dass“, „weil“, „und“, „nicht“ …).

    The frame rules ask :meth:`classes` of a token; the mood rules read the sets.
    """

    by_word: Mapping[str, frozenset[str]]
    by_class: Mapping[str, frozenset[str]]
    #: Opens a verb-final clause, whose finite verb is its last verb form („dass“,
    #: „weil“, „wer“, „wonach“); not a word that is also a preposition („während“).
    verb_final: frozenset[str]
    #: Opens a condition („wenn“, „falls“): Konjunktiv II is read around it.
    conditionals: frozenset[str]
    #: Joins clauses („und“, „aber“); skipped at the start of a clause.
    coordinators: frozenset[str]
    #: The generic subject („man“): with a modal the author's hedge, with sollte advice.
    generic_subjects: frozenset[str]
    #: A pronoun that can be the subject of a content clause or of a postposed frame („er“, „man“).
    subject_pronouns: frozenset[str]
    #: Forms of „werden“ that make a passive with a participle.
    passive_auxiliaries: frozenset[str]
    #: The reflexive pronoun („sich“): „äußerte sich“ is one verb of saying.
    reflexives: frozenset[str]
    #: „zu“ before an infinitive („die Steuern zu senken“).
    infinitive_markers: frozenset[str]

    @classmethod
    def parse(cls, text: str, source: str) -> ClauseWords:
        by_word, by_class = _parsed(text, source, CLAUSE_CLASSES)
        openers = by_class["subordinator"] | by_class["complementizer"] | by_class["w_word"] | by_class["relative_adverb"]
        return cls(
            by_word,
            by_class,
            verb_final=openers - by_class["preposition"],
            conditionals=by_class["conditional"],
            coordinators=by_class["coordinator"],
            generic_subjects=by_class["generic"],
            subject_pronouns=by_class["subject_pronoun"],
            passive_auxiliaries=by_class["passive_aux"],
            reflexives=by_class["reflexive"],
            infinitive_markers=by_class["infinitive_marker"],
        )

    def classes(self, word: str) -> frozenset[str]:
        """The classes of a token's text: the exact spelling first, then lower case.

        A capitalised entry („Das“ as report_demonstrative) does not match its
        lower-case homograph, and a capitalised sentence start finds its entry.
        """
        return self.by_word.get(word) or self.by_word.get(word.lower(), _EMPTY)


@frozen(repr=False)
class FunctionWords:
    """``function_words.tsv``: the closed classes of noun-phrase grammar („der“, „von“, „im“ …).

    The noun-phrase grammar asks :attr:`by_word` for a word's classes; the sets
    below are the classes attribution reads as a whole.
    """

    by_word: Mapping[str, frozenset[str]]
    by_class: Mapping[str, frozenset[str]]
    #: Determiners that make a description definite („der Minister“ refers back).
    definite: frozenset[str]
    #: … or indefinite („ein Sprecher“ stays unresolved).
    indefinite: frozenset[str]
    #: Determiners that can only be feminine here („die 41-Jährige“, „die Hamburger Hochbahn“).
    feminine: frozenset[str]
    #: Coordinators joining two speakers or two nouns of a name („Putin und Kim“,
    #: „für Erziehung und Soziales“); compared case-sensitively.
    coordinators: frozenset[str]
    #: Lower-case particles inside a name („Ursula von der Leyen“, „Baschar al-Assad“).
    name_links: frozenset[str]
    #: Weekdays, months, times of day („Montag“, „Abend“): also in compounds („Sonntagabend“).
    time: frozenset[str]
    #: Plural heads of anonymous sources („Regierungskreise“, „Geheimdienstquellen“).
    group_heads: frozenset[str]
    #: Spokesperson nouns, longest first („sprecherin“ before „sprecher“), matched as compound heads.
    spokesperson: tuple[str, ...]
    #: A „von“ fused with an article („vom“): a source preposition that is also an article preposition.
    fused_source_prepositions: frozenset[str]

    @classmethod
    def parse(cls, text: str, source: str) -> FunctionWords:
        by_word, by_class = _parsed(text, source, FUNCTION_CLASSES)
        return cls(
            by_word,
            by_class,
            definite=by_class["definite"],
            indefinite=by_class["indefinite"],
            feminine=by_class["feminine"],
            coordinators=by_class["coord"],
            name_links=by_class["name_link"],
            time=by_class["time"],
            group_heads=by_class["group_head"],
            spokesperson=tuple(sorted(by_class["spokesperson"], key=len, reverse=True)),
            fused_source_prepositions=by_class["source_prep"] & by_class["article_prep"],
        )

    def classes(self, word: str) -> frozenset[str]:
        """The classes of a word, compared in lower case (empty for other words)."""
        return self.by_word.get(word.lower(), _EMPTY)


@frozen(repr=False)
class RuleWords:
    """``rule_words.tsv``: the small lists one speech rule needs beyond the clause and function words."""

    by_word: Mapping[str, frozenset[str]]
    #: Starts a verbless postposed frame after a quote („…“, so der Minister).
    so_frame: frozenset[str]
    #: A form of „heißen“ that frames a quote with no speaker („…“, hieß es); case-sensitive.
    impersonal_speech: frozenset[str]
    #: The cue lemma of those forms („heißen“).
    impersonal_lemma: frozenset[str]
    #: After „gemäß“, a legal reference rather than a source („gemäß Artikel 5“).
    legal_reference: frozenset[str]
    #: Attaches more to a source noun phrase („Oberst Polzer vom LKA“).
    source_attachment: frozenset[str]
    #: A speech verb whose bare object use is usually no speech act („bestreitet sein Spiel“).
    not_reported: frozenset[str]
    #: A particle that may follow the subject in the prefield („Riedmüller selbst lobte …“).
    subject_particle: frozenset[str]
    #: After a noun, only the start of its genitive attribute („Sprecher des Ministeriums“).
    genitive: frozenset[str]
    #: After a noun, the start of a genitive or a dative („Sprecherin der Bahn“, „sagte Krull
    #: der Agentur Reuters“).
    genitive_or_dative: frozenset[str]
    #: Either: what may open a genitive attribute, the author of a report among them
    #: („einer Umfrage des Instituts X“).
    genitive_openers: frozenset[str]
    #: Introduces the agent of a passive: then it is someone's report, not a hedge („von“).
    agent_preposition: frozenset[str]
    #: A preposition whose noun phrase under a speech verb is the addressee („gegenüber“).
    addressee_case: frozenset[str]
    #: A determiner a multi-word speech phrase may leave out or change („seine Sorge zum Ausdruck“).
    phrase_determiner: frozenset[str]
    #: Opens a frame clause that names the speaker („…, wie der Kreml mitteilte“).
    wie_frame: frozenset[str]
    #: After it a speech verb starts a second frame and ends the content („…, und warnte …“).
    frame_coordinator: frozenset[str]
    #: A personal pronoun that can be the inverted subject of a speech act („Am Montag lobte er …“).
    act_subject_pronoun: frozenset[str]
    #: A speech verb that tells a toll when its object's first noun is a toll noun („forderte 92 Menschenleben“).
    toll_verb: frozenset[str]
    #: The perfect auxiliary (lemma) of a speech act in the perfect („hatte … zurückgewiesen“).
    act_auxiliary: frozenset[str]
    #: A verb (lemma) whose prepositional object „nach“ opens („suchte nach Informationen“).
    prep_object_verb: frozenset[str]
    #: A preposition attaching a date to a noun of saying before „zufolge“ („Angaben vom Montag“).
    dated_preposition: frozenset[str]
    #: An anaphoric according-to word that is mostly a time adverb („danach“): guarded, not indexed.
    report_adverb: frozenset[str]
    #: A written report a report adverb may point back to („Bilanz“, „Studie“; not „Rede“).
    written_report: frozenset[str]
    #: A noun of intention that is nobody's words after „so“ („…, so die Hoffnung, …“).
    intention_noun: frozenset[str]
    #: A verb (lemma) that makes its subject the author of a noun of saying („gab die Erlaubnis“).
    authoring_verb: frozenset[str]
    #: A preposition before a noun of saying that makes the subject its author („mit der Begründung“).
    authoring_preposition: frozenset[str]
    #: A verb after a noun of saying as subject that gives the noun's content as predicate („Die These ist, …“).
    content_copula: frozenset[str]
    #: A finite verb form after „nach“ + a law or plan that says what must or will be („Nach dem Gesetz müssen …“).
    normative_verb: frozenset[str]
    #: An according-to preposition that also tells a time („Nach dem Plan kam …“).
    time_preposition: frozenset[str]
    #: The subject of an impersonal wie-frame that names no speaker („wie es hieß“).
    impersonal_subject: frozenset[str]
    #: A noun right before a quote that introduces it as the frame verb's words („mit den Worten „…““).
    quote_introducer: frozenset[str]

    @classmethod
    def parse(cls, text: str, source: str) -> RuleWords:
        by_word, by_class = _parsed(text, source, RULE_CLASSES)
        genitive_openers = by_class["genitive"] | by_class["genitive_or_dative"]
        return cls(by_word, genitive_openers=genitive_openers, **{name: by_class[name] for name in sorted(RULE_CLASSES)})


@frozen(repr=False)
class AttributionWords:
    """``attribution_words.tsv``: the small lists of the attribution package (pronouns, name links, source words)."""

    by_word: Mapping[str, frozenset[str]]
    #: Personal pronouns that are a speaker mention on their own („…“, sagte er).
    speaker_pronouns: frozenset[str]
    #: A speaker pronoun that may be an accusative too („Die Entscheidung begrüßte sie“).
    ambiguous_pronouns: frozenset[str]
    #: Speaker pronouns that cannot be anything but a subject (not the ambiguous ones).
    nominative_pronouns: frozenset[str]
    #: Pronouns that never refer back („ich“, „wir“).
    first_person_pronouns: frozenset[str]
    #: Refers back to a male person only („er“).
    masculine_pronouns: frozenset[str]
    #: Refers back to a female person or an organisation („sie“).
    feminine_pronouns: frozenset[str]
    #: The pronoun a masculine possessive stands for („seiner Meinung nach“ → „er“): one word.
    masculine_pronoun: str
    #: … a feminine one („ihrer Ansicht nach“ → „sie“).
    feminine_pronoun: str
    #: Stems of possessives standing for „er“ („sein“) and for „sie“ („ihr“), matched at a word's start.
    possessive_masculine: tuple[str, ...]
    possessive_feminine: tuple[str, ...]
    #: „von der Leyen“: the article („der“) inside a name after a name link (function words' ``name_link``).
    name_link_articles: frozenset[str]
    #: The unit of an age before a noun („Der 29 Jahre alte Techniker“); case-sensitive.
    age_units: frozenset[str]
    #: Prepositions whose nouns complete an institution's name („Bundesamt für Umwelt“); case-sensitive.
    name_attribute_prepositions: frozenset[str]
    #: An article that is dative after a plural noun in -n („sagte den Journalisten“).
    dative_plural_articles: frozenset[str]
    #: An article that makes an unlisted institution noun neuter („das“; feminine ones are the
    #: function words' ``feminine``).
    neuter_articles: frozenset[str]
    #: Before a town that makes it a place of the document („in Bergheim“).
    place_name_prepositions: frozenset[str]
    #: A lemma whose agent only passes the words on („zitieren“).
    quote_verbs: frozenset[str]
    #: „ließ über seinen Anwalt erklären“: the preposition and the verb (a lemma).
    relay_prepositions: frozenset[str]
    relay_verbs: frozenset[str]
    #: „im Gespräch mit dem NDR“: the conversation noun and the preposition naming its partner.
    interview_nouns: frozenset[str] = frozenset()
    interview_prepositions: frozenset[str] = frozenset()
    #: Number words that open a noun phrase like a determiner („zwei Diplomaten“).
    quantities: frozenset[str] = frozenset()
    #: „…, die sich auf Sicherheitskreise beruft“: the reflexive, the preposition and the verbs (lemmas).
    reflexives: frozenset[str] = frozenset()
    citing_prepositions: frozenset[str] = frozenset()
    citing_verbs: frozenset[str] = frozenset()
    #: „so die Agentur weiter“: a medium going on with the report it relayed.
    continuations: frozenset[str] = frozenset()
    #: „Radio SRF“: a medium noun that is part of a programme's name (case-sensitive).
    station_words: frozenset[str] = frozenset()
    #: „Aus dem Kreml hieß es“: verbs (lemmas) telling where words came from, and the preposition naming it.
    origin_verbs: frozenset[str] = frozenset()
    origin_prepositions: frozenset[str] = frozenset()
    #: Documents the words can stand in („Anklageschrift“, „Stellungnahme“), matched at a word's end.
    document_nouns: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, text: str, source: str) -> AttributionWords:
        by_word, c = _parsed(text, source, ATTRIBUTION_CLASSES)
        return cls(
            by_word,
            speaker_pronouns=c["speaker_pronoun"],
            ambiguous_pronouns=c["ambiguous_pronoun"],
            nominative_pronouns=c["speaker_pronoun"] - c["ambiguous_pronoun"],
            first_person_pronouns=c["first_person_pronoun"],
            masculine_pronouns=c["masculine_pronoun"],
            feminine_pronouns=c["feminine_pronoun"],
            masculine_pronoun=_the_word(c, "masculine_pronoun", source),
            feminine_pronoun=_the_word(c, "feminine_pronoun", source),
            possessive_masculine=tuple(sorted(c["possessive_masculine"])),
            possessive_feminine=tuple(sorted(c["possessive_feminine"])),
            name_link_articles=c["name_link_article"],
            age_units=c["age_unit"],
            name_attribute_prepositions=c["name_attribute_preposition"],
            dative_plural_articles=c["dative_plural_article"],
            neuter_articles=c["neuter_article"],
            place_name_prepositions=c["place_name_preposition"],
            quote_verbs=c["quote_verb"],
            relay_prepositions=c["relay_preposition"],
            relay_verbs=c["relay_verb"],
            interview_nouns=c["interview_noun"],
            interview_prepositions=c["interview_preposition"],
            quantities=c["quantity"],
            reflexives=c["reflexive"],
            citing_prepositions=c["citing_preposition"],
            citing_verbs=c["citing_verb"],
            continuations=c["continuation"],
            station_words=c["station_word"],
            origin_verbs=c["origin_verb"],
            origin_prepositions=c["origin_preposition"],
            document_nouns=c["document_noun"],
        )


def _the_word(by_class: Mapping[str, frozenset[str]], cls: str, source: str) -> str:
    """The one word of a class that must hold exactly one („er“)."""
    words = by_class[cls]
    if len(words) != 1:
        raise LexiconError(f"{source}: class {cls!r} must hold one word, not {sorted(words)}")
    return next(iter(words))


def _endings(written: frozenset[str]) -> tuple[str, ...]:
    """Endings without their hyphen, longest first („-eten“ before „-ten“)."""
    return tuple(sorted((e.lstrip("-") for e in written), key=len, reverse=True))


@frozen(repr=False)
class Morph:
    """``morph.tsv`` with the clause words the mood rules need, indexed for constant-time look-ups.

    The subordinators, conditionals, coordinators and the generic subject are the
    clause words' (``clause_words.tsv``): one list for the frame and the mood rules.
    """

    classes: Mapping[str, frozenset[str]]
    subordinators: frozenset[str]
    conditionals: frozenset[str]
    coordinators: frozenset[str]
    boundaries: frozenset[str]
    nonverbs: frozenset[str]
    advice: frozenset[str]
    generic_subjects: frozenset[str]
    frame_verbs: frozenset[str]
    hearsay: frozenset[str]
    perfect_aux: frozenset[str]
    modal_inf: frozenset[str]
    #: „sollen“: its Konjunktiv-looking forms are advice, hearsay or a condition.
    advice_modals: frozenset[str]
    #: „wollen“: the modal of a claim, read as indicative.
    claim_modals: frozenset[str]
    #: Verb lemmas in -n without -en/-ln/-rn („tun“, „sein“).
    short_verbs: frozenset[str]
    #: Endings without their hyphen, longest first so that „-eten“ wins over „-ten“.
    weak_pret: tuple[str, ...]
    present: tuple[str, ...]
    participle_prefix: tuple[str, ...]
    #: Prefixes of inseparable verbs, whose participle has no ge- („erklärt“, „verkündet“).
    inseparable_prefixes: tuple[str, ...]
    umlauts: frozenset[str]

    def may_be_participle(self, word: str) -> bool:
        """Whether ``word`` holds a participle prefix („gesagt“, „angekündigt“): a cheap first test."""
        for prefix in self.participle_prefix:
            if prefix in word:
                return True
        return False

    @classmethod
    def parse(cls, text: str, source: str, clause: ClauseWords) -> Morph:
        by_word, by_class = _parsed(text, source, MORPH_CLASSES)
        return cls(
            classes=by_word,
            subordinators=clause.verb_final,
            conditionals=clause.conditionals,
            coordinators=clause.coordinators,
            # "-" cannot be written in the data file (it means "empty" there).
            boundaries=by_class["boundary"] | {"-"},
            nonverbs=by_class["nonverb"],
            advice=by_class["advice"],
            generic_subjects=clause.generic_subjects,
            frame_verbs=by_class["frame_verb"],
            hearsay=by_class["hearsay"],
            perfect_aux=by_class["perfect_aux"],
            modal_inf=by_class["modal_inf"],
            advice_modals=by_class["advice_modal"],
            claim_modals=by_class["claim_modal"],
            short_verbs=by_class["short_verb"],
            weak_pret=_endings(by_class["ending_weak_pret"]),
            present=_endings(by_class["ending_present"]),
            participle_prefix=tuple(sorted(by_class["participle_prefix"])),
            inseparable_prefixes=tuple(sorted(by_class["inseparable_prefix"])),
            umlauts=by_class["umlaut"],
        )


@frozen(repr=False)
class TextWords:
    """What the tokenizer reads: ``abbreviations.txt`` and ``ordinals.tsv``."""

    #: Every abbreviation token kept whole → ``plain``, ``num`` (only before a number) or ``final``.
    abbreviations: Mapping[str, str]
    #: Month names after „<number>.“ („am 18. Juni“); case-sensitive.
    months: frozenset[str]
    #: Words after which „<number>. <Word>“ is an ordinal („der 3. Liga“).
    ordinal_introducers: frozenset[str]
    #: Coordinators after a truncated compound („Ein- und Ausfuhr“).
    truncation_coordinators: frozenset[str]

    @classmethod
    def parse(cls, abbreviations: tuple[str, str], ordinals: tuple[str, str]) -> TextWords:
        _, by_class = _parsed(*ordinals, ORDINAL_CLASSES)
        return cls(
            _abbreviation_table(parse_abbreviations(*abbreviations)),
            by_class["month"],
            by_class["ordinal_introducer"],
            by_class["truncation_coordinator"],
        )


def _abbreviation_table(entries: Mapping[str, str | None]) -> Mapping[str, str]:
    """Every abbreviation token the tokenizer keeps whole, mapped to its flag.

    A multi-part entry („z. B.“) contributes each part („z.“, „B.“) and its
    spaceless spelling („z.B.“); its flag applies to the last part and the
    spaceless form. When a part occurs in several entries, ``plain`` wins over
    ``num`` and ``final``: never splitting is the safer error inside a quote.
    """
    table: dict[str, str] = {}

    def add(form: str, flag: str) -> None:
        if table.get(form) != "plain":
            table[form] = flag

    for entry, given in entries.items():
        parts = entry.split()
        flag = given or "plain"
        for part in parts[:-1]:
            add(part, "plain")
        add(parts[-1], flag)
        if len(parts) > 1:
            add("".join(parts), flag)
    return MappingProxyType(table)


for _cls in (ClauseWords, FunctionWords, RuleWords, AttributionWords, Morph, TextWords):
    _cls.__repr__ = sizes  # type: ignore[method-assign]
