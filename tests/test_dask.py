"""quotecheck on Dask (extra ``quotecheck-de[dask]``): the same records as the CLI, byte for byte.

The quick tests run Dask's synchronous scheduler in this process; the slow
one starts a real ``LocalCluster`` with two worker processes and sends it over
10,000 documents made from the corpus articles.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quotecheck import cli
from quotecheck.frame import COLUMNS

dask = pytest.importorskip("dask", reason="needs quotecheck-de[dask]")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

import quotecheck
from benchmarks.dask_speedup import documents
from quotecheck.config import built_here
from quotecheck.dask import extract_bag, extract_frame, to_json_line

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "gold.jsonl"


def write_jsonl(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def cli_lines(path: Path, tmp_path: Path, *options: str) -> list[bytes]:
    """The lines ``quotecheck extract`` writes for ``path``."""
    out = tmp_path / "cli.jsonl"
    cli.main(["extract", str(path), "-o", str(out), "-q", *options])
    return out.read_bytes().splitlines(keepends=True)


def by_id(lines: list[bytes]) -> list[bytes]:
    return sorted(lines, key=lambda line: json.loads(line)["id"])


@pytest.fixture
def synchronous() -> Any:
    with dask.config.set(scheduler="synchronous"):
        yield


@pytest.fixture(scope="module")
def corpus_docs() -> list[dict[str, Any]]:
    return [{"id": d["id"], "text": d["text"]} for d in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())]


def test_a_bag_gives_the_cli_records_in_order(
    synchronous: Any, corpus_docs: list[dict[str, Any]], corpus_cli_lines: list[bytes]
) -> None:
    records = extract_bag(db.from_sequence(corpus_docs, npartitions=5)).compute()
    lines = [(to_json_line(r) + "\n").encode("utf-8") for r in records]
    assert lines == corpus_cli_lines


def test_bad_documents_get_error_records_as_in_the_cli(synchronous: Any, tmp_path: Path) -> None:
    docs = [{"id": "ok", "text": "„Ja“, sagte Berger."}, {"id": "leer"}, {"id": 7, "text": 3}, {"id": None, "text": None}]
    records = extract_bag(db.from_sequence(docs, npartitions=2)).compute()
    assert [(r["id"], (r.get("error") or {}).get("type")) for r in records] == [
        ("ok", None), ("leer", "InputError"), ("7", "InputError"), (None, "InputError")
    ]
    assert [r["quotes"] for r in records[1:]] == [[], [], []]


def test_plain_texts_are_documents_without_id(synchronous: Any) -> None:
    (record,) = extract_bag(db.from_sequence(["„Ja“, sagte Berger."])).compute()
    assert record["id"] is None and record["quotes"][0]["speaker"]["name"] == "Berger"


def test_a_frame_gives_to_frame_of_the_cli_records(
    synchronous: Any, corpus_docs: list[dict[str, Any]], corpus_cli_records: list[dict[str, Any]]
) -> None:
    ddf = dd.from_pandas(pd.DataFrame(corpus_docs), npartitions=4)
    frame = extract_frame(ddf, text_column="text", id_column="id").compute().reset_index(drop=True)
    expected = quotecheck.to_frame(corpus_cli_records)
    pd.testing.assert_frame_equal(frame, expected)


def test_a_frame_keeps_documents_without_quotes_when_asked(synchronous: Any) -> None:
    source = pd.DataFrame({"key": [1, 2, 3], "body": ["Es regnet.", None, "„Ja“, sagte Berger."]})
    frame = extract_frame(dd.from_pandas(source, npartitions=2), text_column="body", id_column="key", keep_empty=True)
    rows = frame.compute()[["doc_id", "quote_id", "error_type"]].astype(object).where(lambda f: f.notna(), None)
    assert rows.values.tolist() == [["1", None, None], ["2", None, "InputError"], ["3", "3:q1", None]]


def test_without_an_id_column_the_index_is_the_id(synchronous: Any) -> None:
    source = pd.DataFrame({"text": ["„Ja“, sagte Berger."]}, index=["art-9"])
    frame = extract_frame(dd.from_pandas(source, npartitions=1), id_column=None).compute()
    assert frame["doc_id"].tolist() == ["art-9"]


def test_the_frame_has_the_documented_columns_before_computing() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": ["Es regnet."]}), npartitions=1)
    assert list(extract_frame(ddf).columns) == [c.name for c in COLUMNS]


def test_a_missing_column_is_named() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "body": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'text'"):
        extract_frame(ddf)


@pytest.mark.slow
def test_a_two_process_cluster_equals_the_cli_on_ten_thousand_documents(tmp_path: Path) -> None:
    """A real LocalCluster: one extractor per worker, the CLI's bytes after sorting by id."""
    distributed = pytest.importorskip("distributed")  # imported here: the quick tests need only dask
    docs = documents(10_000, longest=1)  # paragraph-sized news items: 10,000 of them in about 11 s of CPU
    assert len({d["id"] for d in docs}) == len(docs)
    source = write_jsonl(tmp_path / "docs.jsonl", docs)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        bag = db.read_text(str(source), blocksize=100_000).map(json.loads)
        assert bag.npartitions >= 20
        extract_bag(bag).map(to_json_line).to_textfiles(
            str(tmp_path / "out" / "*.jsonl"), encoding="utf-8", last_endline=True
        )
        loads = client.run(built_here)
    assert sorted(loads.values()) == [1, 1], "one extractor per worker, not per partition"
    written = [line for part in sorted((tmp_path / "out").glob("*.jsonl")) for line in part.read_bytes().splitlines(keepends=True)]
    expected = cli_lines(source, tmp_path, "--jobs", "2")
    assert len(written) == len(expected) == 10_000
    assert by_id(written) == by_id(expected)
