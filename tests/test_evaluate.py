"""``quotecheck evaluate``: the metric plus speaker, chain and relation checks on your own gold."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from quotecheck.cli import main
from quotecheck.errors import InputError
from quotecheck.evaluate import detect_format, evaluate, load_gold

TEXT = (
    "„Die Verhandlungen sind gescheitert“, sagte Gewerkschaftschef Jan Roth laut Interfax "
    "unter Berufung auf TASS. Die Arbeitgeber seien am Zug, so die Ministerin. "
    "Ein Sprecher wies die Vorwürfe zurück."
)


def role(text, sub):
    start = text.index(sub)
    return {"text": sub, "spans": [[start, start + len(sub)]]}


def mention(text, sub, name, type="person", relation=None):
    out = {**role(text, sub), "name": name, "type": type}
    if relation is not None:
        out["relation"] = relation
    return out


def quote(qid, kind, content, speaker=None, name=None, sources=(), mood=None, frame=None, text=TEXT):
    return {
        "id": qid,
        "kind": kind,
        "mood": mood,
        "content": role(text, content),
        "cue": None,
        "frame": role(text, frame) if frame else None,
        "speaker": mention(text, speaker, name) if speaker else None,
        "addressee": None,
        "sources": [mention(text, sub, sub, "news_agency", rel) for sub, rel in sources],
        "fragments": [],
        "sentence": None,
        "confidence": 1.0,
    }


GOLD_QUOTES = [
    quote("q1", "direct", "Die Verhandlungen sind gescheitert", "Jan Roth", "Jan Roth",
          sources=[("Interfax", "reported_by"), ("TASS", "reported_by")]),
    quote("q2", "indirect", "Die Arbeitgeber seien am Zug", "die Ministerin", None, mood="subjunctive"),
    quote("q3", "reported", "die Vorwürfe", "Ein Sprecher", None, mood="indicative",
          frame="Ein Sprecher wies die Vorwürfe zurück"),
]


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def gold_file(tmp_path):
    return write_jsonl(tmp_path / "gold.jsonl", [{"id": "streik", "text": TEXT, "quotes": GOLD_QUOTES}])


def system(quotes, doc_id="streik"):
    return {doc_id: {"id": doc_id, "quotes": quotes}}


def report_for(gold_file, quotes, **kwargs):
    return evaluate(load_gold(gold_file), system(quotes), **kwargs).report()


# --- figures ----------------------------------------------------------------------------


def test_gold_against_itself_scores_one_everywhere(gold_file):
    report = report_for(gold_file, GOLD_QUOTES)
    assert report["full"]["joint"]["f1"] == pytest.approx(1.0)
    assert report["attribution"]["matched"] == 3
    for figure in ("speaker_name", "chain", "chain_with_sources", "relation"):
        assert report["attribution"][figure]["accuracy"] == 1.0
    assert report["recall_by_kind"]["reported"] == {"recall": 1.0, "found": 1, "gold": 1}


def test_speaker_name_must_be_equal(gold_file):
    wrong = copy.deepcopy(GOLD_QUOTES)
    wrong[0]["speaker"]["name"] = "Roth"
    figure = report_for(gold_file, wrong)["attribution"]["speaker_name"]
    assert (figure["correct"], figure["total"]) == (2, 3)


def test_unnamed_speaker_on_both_sides_is_right(gold_file):
    # q2 and q3 have speakers without a name in the gold; so does the system.
    figure = report_for(gold_file, GOLD_QUOTES)["attribution"]["speaker_name"]
    assert figure["correct"] == 3


def test_source_chain_is_ordered(gold_file):
    swapped = copy.deepcopy(GOLD_QUOTES)
    swapped[0]["sources"].reverse()  # [TASS, Interfax]: the same names, the wrong order
    attribution = report_for(gold_file, swapped)["attribution"]
    assert (attribution["chain"]["correct"], attribution["chain"]["total"]) == (2, 3)
    assert (attribution["chain_with_sources"]["correct"], attribution["chain_with_sources"]["total"]) == (0, 1)


def test_a_source_the_gold_does_not_have_is_a_wrong_chain(gold_file):
    extra = copy.deepcopy(GOLD_QUOTES)
    extra[1]["sources"] = [mention(TEXT, "TASS", "TASS", "news_agency")]
    attribution = report_for(gold_file, extra)["attribution"]
    assert attribution["chain"]["correct"] == 2
    assert attribution["chain_with_sources"] == {"accuracy": 1.0, "correct": 1, "total": 1}


def test_relation_is_scored_where_both_sides_have_one(gold_file):
    ours = copy.deepcopy(GOLD_QUOTES)
    ours[0]["sources"][0]["relation"] = "told_to"  # Interfax: wrong
    del ours[0]["sources"][1]["relation"]  # TASS: no relation, not counted
    relation = report_for(gold_file, ours)["attribution"]["relation"]
    assert (relation["correct"], relation["total"]) == (0, 1)


def test_relation_is_not_counted_when_the_gold_has_none(tmp_path):
    plain = copy.deepcopy(GOLD_QUOTES)
    for source in plain[0]["sources"]:
        del source["relation"]
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "streik", "text": TEXT, "quotes": plain}])
    relation = report_for(gold, GOLD_QUOTES)["attribution"]["relation"]
    assert relation == {"accuracy": None, "correct": 0, "total": 0}


def test_missing_quote_lowers_recall_of_its_kind(gold_file):
    report = report_for(gold_file, GOLD_QUOTES[:2])
    assert report["recall_by_kind"]["reported"]["recall"] == 0.0
    assert report["recall_by_kind"]["direct"]["recall"] == 1.0
    assert report["full"]["message"]["recall"] < 1.0


def test_figures_per_section(tmp_path):
    other = "„Wir bleiben hart“, sagte Jan Roth."
    other_quotes = [quote("r1", "direct", "Wir bleiben hart", "Jan Roth", "Jan Roth", text=other)]
    gold = write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "streik", "text": TEXT, "quotes": GOLD_QUOTES, "section": "chain"},
        {"id": "kurz", "text": other, "quotes": other_quotes, "section": "main"},
    ])
    wrong = copy.deepcopy(other_quotes)
    wrong[0]["speaker"]["name"] = "Roth"
    records = {**system(GOLD_QUOTES), **system(wrong, "kurz")}
    report = evaluate(load_gold(gold), records).report()
    assert report["sections"]["chain"]["speaker_name"]["accuracy"] == 1.0
    assert report["sections"]["main"]["speaker_name"]["accuracy"] == 0.0
    assert report["attribution"]["speaker_name"]["correct"] == 3


def test_no_sections_without_section_keys(gold_file):
    assert report_for(gold_file, GOLD_QUOTES)["sections"] == {}


# --- errors -----------------------------------------------------------------------------


def test_errors_list_missed_spurious_wrong_speaker_and_chain(gold_file):
    ours = copy.deepcopy(GOLD_QUOTES[:2])
    ours[0]["speaker"]["name"] = "Roth"
    ours[0]["sources"].reverse()
    ours.append(quote("x", "indirect", "Gewerkschaftschef Jan Roth", mood="indicative"))
    errors = report_for(gold_file, ours, errors=True)["errors"]
    kinds = sorted(e["error"] for e in errors)
    assert kinds == ["missed", "spurious", "wrong_chain", "wrong_speaker"]
    speaker = next(e for e in errors if e["error"] == "wrong_speaker")
    assert (speaker["gold"], speaker["system"]) == ("Jan Roth", "Roth")
    missed = next(e for e in errors if e["error"] == "missed")
    assert (missed["kind"], missed["text"], missed["start"]) == ("reported", "die Vorwürfe", TEXT.index("die Vorwürfe"))


def test_no_errors_when_everything_is_right(gold_file):
    assert report_for(gold_file, GOLD_QUOTES, errors=True)["errors"] == []


PIECE_TEXT = "Die Ministerin sagte, die Arbeitgeber seien „am Zug“. Man sah sich „im Plan“."


def test_a_nested_quote_is_judged_by_its_piece(tmp_path):
    gold = copy.deepcopy(quote("q1", "indirect", "die Arbeitgeber seien „am Zug“", "Die Ministerin", None,
                               mood="subjunctive", text=PIECE_TEXT))
    gold["fragments"] = [role(PIECE_TEXT, "am Zug")]
    gold_file = write_jsonl(tmp_path / "gold.jsonl", [{"id": "streik", "text": PIECE_TEXT, "quotes": [gold]}])
    # ours: the same quote, its piece nested in it, and a nested quote the gold does not have
    ours = [{**gold, "id": "q1", "parent": None}]
    ours.append({**gold, "id": "q1.1", "kind": "direct", "mood": None, "fragments": [],
                 "content": role(PIECE_TEXT, "am Zug"), "parent": "q1"})
    ours.append({**gold, "id": "q2", "kind": "indirect", "content": role(PIECE_TEXT, "Man sah sich „im Plan“"),
                 "fragments": [role(PIECE_TEXT, "im Plan")], "parent": None})
    ours.append({**ours[2], "id": "q2.1", "kind": "direct", "mood": None, "fragments": [],
                 "content": role(PIECE_TEXT, "im Plan"), "parent": "q2"})
    errors = report_for(gold_file, ours, errors=True)["errors"]
    assert sorted((e["error"], e["text"]) for e in errors) == [("spurious", "Man sah sich „im Plan“"), ("spurious", "im Plan")]


# --- system records ---------------------------------------------------------------------


def test_missing_system_record_is_an_error(gold_file):
    with pytest.raises(InputError, match="no system record: 'streik'"):
        evaluate(load_gold(gold_file), system(GOLD_QUOTES, "anderes"))


def test_system_record_from_another_text_is_refused(gold_file):
    shifted = copy.deepcopy(GOLD_QUOTES)
    shifted[0]["content"]["spans"] = [[s + 3, e + 3] for s, e in shifted[0]["content"]["spans"]]
    with pytest.raises(InputError, match="another text"):
        evaluate(load_gold(gold_file), system(shifted))


def test_failed_system_record_counts_as_no_quotes(gold_file):
    records = {"streik": {"id": "streik", "quotes": [], "error": {"type": "InputError", "message": "kaputt"}}}
    evaluation = evaluate(load_gold(gold_file), records)
    assert evaluation.failed == ["streik: kaputt"]
    assert evaluation.report()["full"]["message"]["recall"] == 0.0


def test_default_system_is_the_extractor(gold_file):
    report = evaluate(load_gold(gold_file)).report()
    assert report["system_quotes"] >= 2
    assert report["attribution"]["matched"] >= 2


# --- gold formats -----------------------------------------------------------------------


def wikinews_file(path: Path) -> Path:
    """A WikiNews-format file for TEXT: whitespace/punctuation tokens, one Direct annotation."""
    import re

    tokens = [{"charBegin": m.start(), "charEnd": m.end(), "id": k}
              for k, m in enumerate(re.finditer(r"\w+|[^\w\s]", TEXT))]

    def ids(sub):
        start = TEXT.index(sub)
        return {"spans": [{"charBegin": start, "charEnd": start + len(sub)}], "text": sub,
                "tokenIds": [t["id"] for t in tokens if t["charBegin"] < start + len(sub) and t["charEnd"] > start]}

    empty = {"spans": [], "text": "", "tokenIds": []}
    annotation = {"type": "Direct", "quote": ids("„Die Verhandlungen sind gescheitert“"), "cue": ids("sagte"),
                  "frame": ids("sagte Gewerkschaftschef Jan Roth"), "speaker": ids("Gewerkschaftschef Jan Roth"),
                  "addressee": empty, "isNested": False, "hasNested": False, "medium": "Speech"}
    doc = {"documentName": "1 - Streik", "originalText": TEXT, "tokens": tokens, "annotations": [annotation]}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_wikinews_gold_is_scored_on_its_tokens(tmp_path):
    gold = load_gold(wikinews_file(tmp_path / "1.json"))
    assert [doc.id for doc in gold] == ["1.json"]
    report = evaluate(gold, system(GOLD_QUOTES[:1], "1.json")).report()
    assert report["full"]["message"]["f1"] == 1.0
    assert report["attribution"] is None  # the format names no speakers
    assert report["recall_by_kind"] == {"Direct": {"recall": 1.0, "found": None, "gold": 1}}


def test_wikinews_errors_compare_speaker_tokens(tmp_path):
    gold = load_gold(wikinews_file(tmp_path / "1.json"))
    ours = copy.deepcopy(GOLD_QUOTES[:1])
    ours[0]["speaker"] = mention(TEXT, "Interfax", "Interfax", "organization")
    errors = evaluate(gold, system(ours, "1.json"), errors=True).report()["errors"]
    assert [(e["error"], e["gold"], e["system"]) for e in errors] == [
        ("wrong_speaker", "Gewerkschaftschef Jan Roth", "Interfax")
    ]


@pytest.mark.parametrize(
    ("name", "folder", "expected"),
    [("gold.jsonl", False, "contract"), ("gold.ndjson", False, "contract"), ("1.json", False, "wikinews"),
     ("train", True, "wikinews")],
)
def test_format_is_detected_from_the_path(tmp_path, name, folder, expected):
    path = tmp_path / name
    if folder:
        path.mkdir()
    assert detect_format(path) == expected


def test_contract_gold_needs_the_text(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "a", "quotes": []}])
    with pytest.raises(InputError, match="line 1: gold records need their document 'text'"):
        load_gold(gold)


def test_malformed_gold_quote_names_its_line(tmp_path):
    bad = copy.deepcopy(GOLD_QUOTES[:1])
    bad[0]["kind"] = "gesagt"
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "a", "text": TEXT, "quotes": bad}])
    with pytest.raises(InputError, match="line 1: gold quote 'q1' is malformed"):
        load_gold(gold)


# --- the command ------------------------------------------------------------------------


def test_command_prints_the_figures(gold_file, tmp_path, capsys):
    records = write_jsonl(tmp_path / "out.jsonl", [{"id": "streik", "quotes": GOLD_QUOTES}])
    assert main(["evaluate", str(gold_file), "--system", str(records)]) == 0
    out = capsys.readouterr().out
    assert "Joint" in out and "speaker name accuracy" in out
    assert "source chain accuracy, gold has sources" in out
    assert "reported" in out


def test_command_json_and_errors(gold_file, tmp_path, capsys):
    records = write_jsonl(tmp_path / "out.jsonl", [{"id": "streik", "quotes": GOLD_QUOTES[:2]}])
    assert main(["evaluate", str(gold_file), "--system", str(records), "--json", "--errors"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "contract"
    assert [e["error"] for e in report["errors"]] == ["missed"]


def test_command_error_listing_as_text(gold_file, tmp_path, capsys):
    records = write_jsonl(tmp_path / "out.jsonl", [{"id": "streik", "quotes": GOLD_QUOTES[:2]}])
    assert main(["evaluate", str(gold_file), "--system", str(records), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "Errors (1):" in out
    assert "streik@" in out and "missed  reported  „die Vorwürfe“" in out


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([{"id": "anderes", "quotes": []}], "no system record"),
        ([{"id": "streik", "quotes": []}, {"id": "streik", "quotes": []}], "occurs twice"),
        (["kein Objekt"], "not a quotecheck record"),
    ],
)
def test_command_bad_system_records_exit_2(gold_file, tmp_path, capsys, records, message):
    path = write_jsonl(tmp_path / "out.jsonl", records)
    assert main(["evaluate", str(gold_file), "--system", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quotecheck evaluate: error:") and message in err


def test_command_missing_gold_exits_2(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "nichts.jsonl")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_command_failed_documents_exit_1(gold_file, tmp_path, capsys):
    records = write_jsonl(tmp_path / "out.jsonl", [{"id": "streik", "quotes": [], "error": {"message": "x"}}])
    assert main(["evaluate", str(gold_file), "--system", str(records)]) == 1
    assert "1 documents had no system output" in capsys.readouterr().out


def test_wikinews_nested_direct_found_by_a_nested_quote_is_not_missed(tmp_path):
    import re

    text = PIECE_TEXT
    tokens = [{"charBegin": m.start(), "charEnd": m.end(), "id": k} for k, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))]

    def ids(sub):
        start = text.index(sub)
        return {"spans": [{"charBegin": start, "charEnd": start + len(sub)}], "text": sub,
                "tokenIds": [t["id"] for t in tokens if t["charBegin"] < start + len(sub) and t["charEnd"] > start]}

    empty = {"spans": [], "text": "", "tokenIds": []}
    roles = {"cue": ids("sagte"), "frame": ids("Die Ministerin sagte"), "speaker": ids("Die Ministerin"),
             "addressee": empty, "medium": "Speech"}
    annotations = [
        {"type": "Indirect", "quote": ids("die Arbeitgeber seien „am Zug“"), **roles, "isNested": False, "hasNested": True},
        {"type": "Direct", "quote": ids("„am Zug“"), **roles, "isNested": True, "hasNested": False},
    ]
    path = tmp_path / "1.json"
    path.write_text(json.dumps({"documentName": "1", "originalText": text, "tokens": tokens,
                                "annotations": annotations}, ensure_ascii=False), encoding="utf-8")
    parent = quote("q1", "indirect", "die Arbeitgeber seien „am Zug“", "Die Ministerin", None,
                   mood="subjunctive", text=text)
    parent["fragments"] = [role(text, "am Zug")]
    piece = {**parent, "id": "q1.1", "kind": "direct", "mood": None, "fragments": [],
             "content": role(text, "am Zug"), "parent": "q1"}
    records = {"1.json": {"id": "1.json", "quotes": [{**parent, "parent": None}, piece]}}
    report = evaluate(load_gold(path), records, errors=True).report()
    assert report["full"]["recall_by_type"] == {"Direct": 1.0, "Indirect": 1.0}
    assert [e for e in report["errors"] if e["error"] == "missed"] == []
