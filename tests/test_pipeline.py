"""The declared pipeline: rules in order of precedence, their claims, and the checks at build time.

``Extractor(rules=…)`` takes any objects that follow the rule protocol; it refuses
what cannot work when it is built, and says why (as stanza's pipeline does).
"""

from __future__ import annotations

from typing import Callable

import pytest

from quotecheck import Extractor
from quotecheck.analysis import EmbeddedBackend
from quotecheck.analysis.base import Doc
from quotecheck.errors import PipelineError
from quotecheck.lexicon import Lexicon
from quotecheck.ranges import CharSpan, TokenRange
from quotecheck.rules import DEFAULT_RULES, Candidate, Claims, DirectRule, IndirectRule, Rule

TEXT = "„Wir bleiben hart“, sagte Anna Berger. Die Gewerkschaft erklärte, der Streik werde fortgesetzt."


class ParseRule:
    """A rule that reads the dependency tree (the embedded backend has none)."""

    name = "needs_parse"
    requires = frozenset({"parse"})
    claims_frames = True

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]:
        return []


class WholeSentences:
    """A toy rule: every unclaimed sentence is a quote (to watch precedence)."""

    name = "whole_sentences"
    requires = frozenset({"tokens"})
    claims_frames = False

    def __call__(self, doc: Doc, lexicon: Lexicon, claims: Claims) -> list[Candidate]:
        return [
            Candidate("free_indirect", [(s.start, s.end)], n, inherit_speaker=True)
            for n, (s, taken) in enumerate(claims.by_sentence())
            if not taken
        ]


def test_the_default_rules_follow_the_protocol_in_their_order() -> None:
    assert all(isinstance(rule, Rule) for rule in DEFAULT_RULES)
    assert [r.name for r in Extractor().rules] == ["direct", "indirect", "reported", "according", "free_indirect"]


def test_a_rule_the_backend_cannot_feed_is_refused_when_the_extractor_is_built() -> None:
    with pytest.raises(PipelineError, match=r"'needs_parse' requires parse .* 'embedded' backend"):
        Extractor(rules=[DirectRule(), ParseRule()])


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ([DirectRule(), "indirect"], "is not a rule"),
        ([DirectRule(), DirectRule()], "given twice"),
    ],
)
def test_bad_rule_lists_are_refused(rules: list[object], message: str) -> None:
    with pytest.raises(PipelineError, match=message):
        Extractor(rules=rules)  # type: ignore[arg-type]


def test_an_unknown_annotation_is_named() -> None:
    class Odd(ParseRule):
        requires = frozenset({"coreference"})

    with pytest.raises(PipelineError, match="unknown annotation.*coreference"):
        Extractor(rules=[Odd()])


def test_a_backend_that_does_not_say_what_it_provides_is_checked_per_document() -> None:
    class Quiet:
        name = "quiet"

        def analyse(self, text: str) -> Doc:
            return EmbeddedBackend().analyse(text)

    extractor = Extractor(backend=Quiet(), rules=[ParseRule()])
    result = extractor.process("d1", TEXT)
    assert result.error is not None and "needs_parse" in result.error["message"]


def test_only_the_rules_given_run() -> None:
    quotes = Extractor(rules=[DirectRule()]).extract(TEXT)
    assert [q.kind for q in quotes] == ["direct"]


def test_an_earlier_rule_wins_the_text_it_claims() -> None:
    # direct speech claims the first sentence: the toy rule only gets the second
    quotes = Extractor(rules=[DirectRule(), WholeSentences()]).extract(TEXT)
    assert [(q.kind, q.content.text[:14]) for q in quotes] == [
        ("direct", "Wir bleiben ha"),
        ("free_indirect", "Die Gewerkscha"),
    ]


def test_a_later_rule_skips_claimed_text_in_any_order() -> None:
    # run first, the toy rule claims both sentences: nothing is left for the indirect rule
    quotes = Extractor(rules=[WholeSentences(), IndirectRule()]).extract(TEXT)
    assert {q.kind for q in quotes if q.parent is None} == {"free_indirect"}


def test_direct_speech_run_late_drops_quotes_in_claimed_text() -> None:
    quotes = Extractor(rules=[WholeSentences(), DirectRule()]).extract(TEXT)
    assert {q.kind for q in quotes} == {"free_indirect"}


def test_claims_record_contents_and_frames() -> None:
    doc = EmbeddedBackend().analyse(TEXT)
    claims = Claims(doc)
    candidate = Candidate("indirect", [(67, 96)], 1, frame=(9, 13))
    claims.add(candidate, frames=True)
    assert claims.candidates == [candidate]
    assert CharSpan(67, 96) in claims.spans and len(claims.spans) == 2
    assert claims.overlapping(0, 10) == []


def test_claims_find_the_candidates_whose_content_starts_in_a_range() -> None:
    """A rule asks per sentence which earlier quotes start in it; found in the order added."""
    doc = EmbeddedBackend().analyse(TEXT)
    claims = Claims(doc)
    late, early, spanning = (Candidate("indirect", [(67, 96)], 1), Candidate("direct", [(1, 20)], 0),
                             Candidate("direct", [(30, 40), (50, 60)], 0))
    claims.add([late, early], frames=False)
    claims.add(spanning, frames=False)
    assert claims.starting_in(0, 55) == [early, spanning]
    assert claims.starting_in(60, 100) == [late]
    assert claims.starting_in(21, 29) == []


def test_candidates_carry_typed_ranges() -> None:
    candidate = Candidate("indirect", [(67, 96)], 1, frame=(9, 13), speaker_tokens=(10, 12))
    assert type(candidate.content[0]) is CharSpan and type(candidate.frame) is TokenRange
    assert type(candidate.speaker_tokens) is TokenRange


def test_the_embedded_backend_provides_tokens_and_lemmas() -> None:
    doc = EmbeddedBackend().analyse(TEXT)
    assert doc.provides == EmbeddedBackend.provides == frozenset({"tokens", "lemmas"})


def test_the_extractors_lexicon_reaches_the_tokenizer() -> None:
    # „Obm.“ (Obmann) is no packaged abbreviation: a lexicon that lists it keeps it whole
    from quotecheck.lexicon import OPTIONAL_FILES, REQUIRED_FILES, build_lexicon, data_file

    files = {name: data_file(name) for name in (*REQUIRED_FILES, *OPTIONAL_FILES)}
    text, source = files["abbreviations.txt"]
    files["abbreviations.txt"] = (text + "\nObm.\n", source)
    custom = Extractor(lexicon=build_lexicon(files))
    words = lambda ex: [t.text for t in ex.analyse("Obm. Roth kam.").tokens]  # noqa: E731
    assert words(custom) == ["Obm.", "Roth", "kam", "."]
    assert words(Extractor()) == ["Obm", ".", "Roth", "kam", "."]


def test_the_extractors_lexicon_reaches_the_rules() -> None:
    # a lexicon that lists „loben“ as no bare speech act: „lobte die Soldaten“ is no quote with it
    from quotecheck.lexicon import OPTIONAL_FILES, REQUIRED_FILES, build_lexicon, data_file

    files = {name: data_file(name) for name in (*REQUIRED_FILES, *OPTIONAL_FILES)}
    text, source = files["rule_words.tsv"]
    files["rule_words.tsv"] = (text + "\nloben\tnot_reported\n", source)
    sentence = "Putin lobte die Soldaten für ihre Tapferkeit."
    assert [q.rule for q in Extractor().extract(sentence)] == ["reported.act"]
    assert Extractor(lexicon=build_lexicon(files)).extract(sentence) == []


def _packaged_files_with(name: str, edit: Callable[[str], str]) -> dict[str, tuple[str, str]]:
    """The packaged data files, one of them changed by ``edit``."""
    from quotecheck.lexicon import OPTIONAL_FILES, REQUIRED_FILES, data_file

    files = {file: data_file(file) for file in (*REQUIRED_FILES, *OPTIONAL_FILES)}
    text, source = files[name]
    files[name] = (edit(text), source)
    return files


def test_the_extractors_lexicon_reaches_attribution_word_lists() -> None:
    # without „er“ as a speaker pronoun, „sagte er“ names no speaker
    from quotecheck.lexicon import build_lexicon

    files = _packaged_files_with(
        "attribution_words.tsv", lambda t: t.replace("er\tspeaker_pronoun,masculine_pronoun\n", "er\tmasculine_pronoun\n")
    )
    text = "Der Techniker Jan Roth kam. „Wir streiken“, sagte er."
    assert [q.speaker.name for q in Extractor().extract(text) if q.speaker] == ["Jan Roth"]
    assert [q.speaker for q in Extractor(lexicon=build_lexicon(files)).extract(text)] == [None]


def test_the_extractors_lexicon_reaches_the_organisation_classes() -> None:
    # „das Unternehmen“ finds „Der Autozulieferer Brenk“ only while „zulieferer“ is an Unternehmen
    from quotecheck.lexicon import build_lexicon

    files = _packaged_files_with("org_classes.tsv", lambda t: t.replace("zulieferer\tUnternehmen\tno\n", ""))
    text = "Der Autozulieferer Brenk baut Stellen ab. Die Lage sei ernst, teilte das Unternehmen mit."
    assert [q.speaker.name for q in Extractor().extract(text)] == ["Brenk"]
    assert [q.speaker.name for q in Extractor(lexicon=build_lexicon(files)).extract(text)] == ["Unternehmen"]
