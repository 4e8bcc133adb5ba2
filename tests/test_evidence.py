"""Candidates name their construction and carry the evidence their rule saw.

One German example per construction of ``RULE_NAMES``: the output's ``rule`` field
says which rule found a quote, and the candidate's evidence keeps the frame kind,
the speaker phrase and the according-to phrases so that attribution need not parse
the frame again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import attrs

from quotecheck import DEFAULT_RULES, Extractor
from quotecheck.rules.candidate import FRAME_KINDS, RULE_NAMES, Candidate

DOCS = Path(__file__).resolve().parents[1] / "docs" / "output-format.md"


def _quote(ex: Extractor, text: str, content: str):
    quotes = [q for q in ex.extract(text) if content in q.content.text]
    assert len(quotes) == 1, [(q.kind, q.content.text) for q in ex.extract(text)]
    return quotes[0]


def _candidate(ex: Extractor, text: str, content: str) -> tuple[Candidate, object]:
    doc = ex.analyse(text)
    found = [c for c in ex.candidates(doc) if content in " ".join(doc.text[a:b] for a, b in c.content)]
    assert len(found) == 1
    return found[0], doc


@pytest.mark.parametrize(
    ("text", "content", "rule"),
    [
        ("Roth sagte: „Wir bleiben hart, das ist klar.“", "Wir bleiben hart", "direct.frame_before"),
        ("„Wir bleiben hart“, sagte Roth.", "Wir bleiben hart", "direct.frame_after"),
        ("„Wir bleiben“, sagte Roth, „bis zum Ende.“", "Wir bleiben", "direct.interrupted"),
        ("„Wir bleiben hart“, so der Minister.", "Wir bleiben hart", "direct.so_after"),
        ("Roth: „Wir bleiben hart, das ist klar.“", "Wir bleiben hart", "direct.label"),
        ("Roth sagte, man verhandle. „Wir bleiben hart bis zum Ende.“", "bis zum Ende", "direct.continued"),
        ("Roth sagte, dass die Lage ernst sei.", "die Lage ernst sei", "indirect.dass"),
        ("Roth fragte, ob die Lage ernst sei.", "die Lage ernst sei", "indirect.ob"),
        ("Roth versprach, die Steuern zu senken.", "die Steuern zu senken", "indirect.zu_infinitive"),
        ("Roth sagte, die Lage sei ernst.", "die Lage sei ernst", "indirect.v2_konjunktiv"),
        ("Die Lage sei ernst, sagte Roth.", "Die Lage sei ernst", "indirect.frame_after"),
        ("Die Lage sei sehr ernst, wie der Kreml mitteilte.", "Die Lage sei sehr ernst", "indirect.wie_after"),
        ("Wie der Anwalt mitteilte, brach er zusammen.", "brach er zusammen", "indirect.wie_before"),
        ("Putin lobte die Soldaten für ihre Tapferkeit.", "die Soldaten", "reported.act"),
        ("Roth hatte die Vorwürfe scharf zurückgewiesen.", "die Vorwürfe", "reported.perfect"),
        ("Laut der Polizei blieb es in der Nacht ruhig.", "blieb es in der Nacht ruhig", "according.preposition"),
        ("Der Polizei zufolge blieb es in der Nacht ruhig.", "blieb es in der Nacht ruhig", "according.postposition"),
        ("Nach Angaben der Polizei blieb es in der Nacht ruhig.", "blieb es in der Nacht ruhig", "according.noun_phrase"),
        ("Die Lage sei ernst, so der Minister.", "Die Lage sei ernst", "according.so"),
        ("Roth sagte, man verhandle. Die Lage sei sehr ernst.", "Die Lage sei sehr ernst", "free_indirect.konjunktiv"),
    ],
)
def test_each_construction_names_itself_in_the_output(ex: Extractor, text: str, content: str, rule: str) -> None:
    quote = _quote(ex, text, content)
    assert quote.rule == rule
    assert quote.to_dict()["rule"] == rule


def test_every_rule_name_is_documented_in_the_output_format() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in docs for name in RULE_NAMES)


def test_rule_names_start_with_their_rule() -> None:
    rules = {"direct", "indirect", "reported", "according", "free_indirect"}
    assert {name.split(".")[0] for name in RULE_NAMES} == rules


def test_an_according_to_quote_keeps_its_phrase_and_speaker(ex: Extractor) -> None:
    cand, doc = _candidate(ex, "Nach Angaben der Polizei blieb es in der Nacht ruhig.", "ruhig")
    assert cand.evidence.frame_kind == "according"
    assert cand.evidence.according is not None and cand.evidence.according.phrase == "nach Angaben"
    start, end = cand.evidence.speaker
    assert [t.text for t in doc.tokens[start:end]] == ["der", "Polizei"]


def test_a_postposed_frame_keeps_its_inverted_subject(ex: Extractor) -> None:
    cand, doc = _candidate(ex, "Die Lage sei ernst, sagte der Minister am Montag.", "Die Lage")
    assert cand.evidence.frame_kind == "verb"
    start, end = cand.evidence.speaker
    assert [t.text for t in doc.tokens[start:end]] == ["der", "Minister"]


def test_a_reported_act_keeps_the_source_phrase_it_cut_from_its_content(ex: Extractor) -> None:
    text = "Putin lobte laut Interfax die Soldaten für ihre Tapferkeit."
    cand, doc = _candidate(ex, text, "die Soldaten")
    assert cand.rule == "reported.act" and cand.evidence.frame_kind == "act"
    (source,) = cand.evidence.sources
    assert [t.text for t in doc.tokens[source.cue.start : source.cue.end]] == ["laut"]
    assert source.owner is not None and doc.tokens[source.owner.start].text == "Interfax"


def test_a_speaker_label_is_evidence_of_its_colon_frame(ex: Extractor) -> None:
    cand, doc = _candidate(ex, "Bundestrainerin Eva Roth: „Wir bleiben hart, das ist klar.“", "Wir bleiben")
    assert cand.evidence.frame_kind == "colon"
    start, end = cand.evidence.speaker
    assert [t.text for t in doc.tokens[start:end]] == ["Bundestrainerin", "Eva", "Roth"]


def test_frame_kinds_are_checked() -> None:
    from quotecheck.rules.candidate import Evidence

    assert set(FRAME_KINDS) >= {"verb", "colon", "so", "wie", "according"}
    with pytest.raises(ValueError):
        Evidence("sentence")


def test_attribution_passes_each_candidates_rule_to_its_quote(ex: Extractor) -> None:
    # the rule travels with the candidate, not by matching contents afterwards
    text = (
        "Roth sagte: „Wir bleiben hart.“ Die Lage sei ernst, so der Minister. "
        "Laut der Polizei wurde niemand verletzt. Putin lobte die Soldaten für ihre Tapferkeit."
    )
    doc = ex.analyse(text)
    ordered = sorted(ex.candidates(doc), key=lambda c: c.content[0][0])
    assert [q.rule for q in ex.extract(text)] == [c.rule for c in ordered]
    assert None not in [q.rule for q in ex.extract(text)]


class _Relabelled:
    """The direct rule, with every frame kind it saw replaced: what attribution reads is the evidence."""

    name = "direct"
    requires = DEFAULT_RULES[0].requires
    claims_frames = DEFAULT_RULES[0].claims_frames

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, doc, lexicon, claims):
        found = DEFAULT_RULES[0](doc, lexicon, claims)
        return [attrs.evolve(c, evidence=attrs.evolve(c.evidence, frame_kind=self.kind)) for c in found]


def test_attribution_reads_the_frame_kind_not_the_cue_word() -> None:
    text = "„Wir bleiben hart“, so der Minister."
    assert Extractor().extract(text)[0].speaker.text == "der Minister"
    relabelled = Extractor(rules=[_Relabelled("impersonal"), *DEFAULT_RULES[1:]])
    assert relabelled.extract(text)[0].speaker is None  # „so“ is still there; the evidence says no so-frame
