"""The German lexica: speech verbs, according-to phrases, organisations, roles, closed word classes …

Pipeline: no stage of its own; loaded once and handed to every rule and to attribution.

The language knowledge lives in plain data files under ``quotecheck/data/de/``
(tab-separated, ``#`` starts a comment line, blank lines are ignored, an optional
first row repeats the column names). This package only reads, checks and indexes
them: every value is validated against a fixed vocabulary, and a malformed line
raises :class:`~quotecheck.errors.LexiconError` naming the file and the line.

=================  ==========================================================
module             what
=================  ==========================================================
``records``        the entries (speech verbs, according-to phrases …) and the
                   vocabularies their values come from
``readers``        one parser per file format
``words``          the closed word classes, one typed sub-lexicon per file
                   (``lexicon.clause``, ``lexicon.morph``, ``lexicon.rule_words``,
                   ``lexicon.attribution`` …)
``frames``         the words of the less common frames and speech acts
                   (``lexicon.frames``, ``frame_words.tsv``)
``indexes``        derived look-up tables, built once from the entries
``core``           :class:`Lexicon`, with its role and organisation look-ups
``loading``        :func:`load_lexicon` and :func:`build_lexicon`
=================  ==========================================================

>>> lexicon = load_lexicon()
>>> lexicon.speech_verbs["hinzufügen"].particle
'hinzu'
>>> lexicon.organization("Associated Press").name
'AP'
>>> lexicon.role_of("Gewerkschaftschef").noun
'Chef'
>>> "so" in lexicon.rule_words.so_frame
True
"""

from __future__ import annotations

from quotecheck.lexicon.core import Lexicon
from quotecheck.lexicon.frames import FRAME_CLASSES, FrameWords
from quotecheck.lexicon.loading import (
    OPTIONAL_FILES,
    REQUIRED_FILES,
    build_lexicon,
    data_file,
    load_lexicon,
)
from quotecheck.lexicon.readers import (
    MAX_USER_FILE_BYTES,
    parse_abbreviations,
    parse_according_to,
    parse_first_names,
    parse_konjunktiv,
    parse_org_classes,
    parse_organizations,
    parse_pronouns,
    parse_roles,
    parse_speech_nouns,
    parse_speech_verbs,
    parse_word_classes,
    parse_word_list,
    parse_word_variants,
    read_organizations,
)
from quotecheck.lexicon.records import (
    ABBREVIATION_FLAGS,
    DETERMINER_CLASSES,
    REPORT_NOUN_SLOT,
    DOCUMENT_SLOT,
    REPORT_SLOTS,
    FIRST_NAME_GENDERS,
    GENDERS,
    MOODS,
    NOUN_USES,
    NOUN_VALENCIES,
    ORGANIZATION_TYPES,
    OWNERS,
    OWNERS_BY_POSITION,
    PERSON_NUMBERS,
    PHRASE_NAMES,
    POSITIONS,
    PRONOUN_CASES,
    PRONOUN_GENDERS,
    ROLE_TYPES,
    SOURCE_RELATIONS,
    SPEECH_CLASSES,
    VALENCIES,
    AccordingTo,
    OrgClass,
    Organization,
    Pronoun,
    RoleNoun,
    SpeechNoun,
    SpeechVerb,
    VerbForm,
)
from quotecheck.lexicon.pieces import PIECE_CLASSES, PieceFrames
from quotecheck.lexicon.words import (
    ATTRIBUTION_CLASSES,
    CLAUSE_CLASSES,
    FUNCTION_CLASSES,
    MORPH_CLASSES,
    ORDINAL_CLASSES,
    RULE_CLASSES,
    AttributionWords,
    ClauseWords,
    FunctionWords,
    Morph,
    RuleWords,
    TextWords,
)

__all__ = [
    "ABBREVIATION_FLAGS",
    "ATTRIBUTION_CLASSES",
    "CLAUSE_CLASSES",
    "FRAME_CLASSES",
    "DETERMINER_CLASSES",
    "REPORT_NOUN_SLOT",
    "DOCUMENT_SLOT",
    "REPORT_SLOTS",
    "FIRST_NAME_GENDERS",
    "FUNCTION_CLASSES",
    "GENDERS",
    "MAX_USER_FILE_BYTES",
    "MOODS",
    "MORPH_CLASSES",
    "NOUN_USES",
    "NOUN_VALENCIES",
    "OPTIONAL_FILES",
    "ORDINAL_CLASSES",
    "ORGANIZATION_TYPES",
    "OWNERS",
    "OWNERS_BY_POSITION",
    "PERSON_NUMBERS",
    "PHRASE_NAMES",
    "PIECE_CLASSES",
    "POSITIONS",
    "PRONOUN_CASES",
    "PRONOUN_GENDERS",
    "REQUIRED_FILES",
    "ROLE_TYPES",
    "SOURCE_RELATIONS",
    "RULE_CLASSES",
    "SPEECH_CLASSES",
    "VALENCIES",
    "AccordingTo",
    "AttributionWords",
    "ClauseWords",
    "FrameWords",
    "FunctionWords",
    "Lexicon",
    "Morph",
    "OrgClass",
    "Organization",
    "PieceFrames",
    "Pronoun",
    "RoleNoun",
    "RuleWords",
    "SpeechNoun",
    "SpeechVerb",
    "TextWords",
    "VerbForm",
    "build_lexicon",
    "data_file",
    "load_lexicon",
    "parse_abbreviations",
    "parse_according_to",
    "parse_first_names",
    "parse_konjunktiv",
    "parse_org_classes",
    "parse_organizations",
    "parse_pronouns",
    "parse_roles",
    "parse_speech_nouns",
    "parse_speech_verbs",
    "parse_word_classes",
    "parse_word_list",
    "parse_word_variants",
    "read_organizations",
]
