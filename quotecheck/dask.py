"""quotecheck on a Dask cluster (extra ``quotecheck-de[dask]``).

A news archive of millions of articles does not fit one machine. These two
functions add quotecheck to a Dask collection; the work runs wherever its
scheduler sends it: threads, processes, or the workers of a
``dask.distributed`` cluster on many machines.

- :func:`extract_bag`: a bag of ``{"id", "text"}`` mappings (or texts) → a bag
  of records, exactly the ones ``quotecheck extract`` writes (one per document,
  ``error`` set when it failed). :func:`to_json_line` turns a record into the
  CLI's line, byte for byte.
- :func:`extract_frame`: a dataframe with a text column → the quote table of
  :func:`quotecheck.to_frame` (one row per quote, the columns of
  :data:`quotecheck.frame.COLUMNS`).

Each worker process builds one :class:`~quotecheck.extractor.Extractor` per
configuration, on its first partition, and keeps it for every later one
(:func:`quotecheck.config.extractor_for`); a task carries only the
configuration, a few strings. The rules are pure Python and hold the GIL, so
give each worker process one thread (``dask worker --nthreads 1``,
``LocalCluster(threads_per_worker=1)``) and scale with processes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from quotecheck.config import ExtractorConfig, process_documents
from quotecheck.errors import MissingExtra
from quotecheck.frame import arrow_table, pandas_frame, rows
from quotecheck.writers import json_line

if TYPE_CHECKING:  # pragma: no cover - typing only
    import dask.bag
    import dask.dataframe
    import pandas

try:
    import dask
except ImportError as error:  # pragma: no cover - exercised only without dask
    raise MissingExtra("dask", "dask") from error

__all__ = ["extract_bag", "extract_frame", "to_json_line"]


def _config(
    backend: str, organizations: str | os.PathLike[str] | None, stanza_dir: str | os.PathLike[str] | None
) -> ExtractorConfig:
    return ExtractorConfig(backend, organizations, stanza_dir)


def _records(documents: Iterable[Any], config: ExtractorConfig, strip_html: bool) -> list[dict[str, Any]]:
    """One partition: the CLI's record for every document, in order."""
    return [result.to_dict() for result in process_documents(documents, config, strip_html=strip_html)]


def extract_bag(
    bag: dask.bag.Bag,
    *,
    backend: str = "embedded",
    organizations: str | os.PathLike[str] | None = None,
    stanza_dir: str | os.PathLike[str] | None = None,
    strip_html: bool = False,
) -> dask.bag.Bag:
    """The quote records of a bag of documents, lazily; order and partitions are kept.

    Items are ``{"id": …, "text": …}`` mappings (a JSON-lines file read with
    ``dask.bag.read_text(path).map(json.loads)``) or plain texts. Each item
    yields one record, ``{"id", "quotes"}``, or ``{"id", "quotes": [], "error"}``
    when its text is missing or not a string: the records of
    ``quotecheck extract``. The settings are :class:`~quotecheck.extractor.Extractor`'s;
    paths must exist on every worker.
    """
    config = _config(backend, organizations, stanza_dir)
    return cast("dask.bag.Bag", bag.map_partitions(_records, config, strip_html))  # type: ignore[no-untyped-call,unused-ignore]


def to_json_line(record: Mapping[str, Any]) -> str:
    """A record as the CLI writes it, without the newline (for ``Bag.to_textfiles``).

    Write with ``encoding="utf-8"`` and ``last_endline=True`` to get the CLI's
    bytes.
    """
    return json_line(record).decode("utf-8")[:-1]


def _value(value: Any) -> Any:
    """A cell as the extractor takes it: pandas' missing values (None, NaN, NA, NaT) become None."""
    import pandas as pd

    return None if pd.api.types.is_scalar(value) and pd.isna(value) else value


def _frame(
    partition: pandas.DataFrame,
    config: ExtractorConfig,
    text_column: str,
    id_column: str | None,
    strip_html: bool,
    keep_empty: bool,
) -> pandas.DataFrame:
    """One partition: its documents' quote table."""
    texts = [_value(v) for v in partition[text_column].tolist()]
    ids = partition[id_column].tolist() if id_column is not None else [str(i) for i in partition.index]
    documents = [{"id": _value(i), "text": t} for i, t in zip(ids, texts)]
    results = process_documents(documents, config, strip_html=strip_html)
    return pandas_frame(arrow_table(list(rows(results, keep_empty=keep_empty))))


def extract_frame(
    ddf: dask.dataframe.DataFrame,
    text_column: str = "text",
    id_column: str | None = "id",
    *,
    keep_empty: bool = False,
    backend: str = "embedded",
    organizations: str | os.PathLike[str] | None = None,
    stanza_dir: str | os.PathLike[str] | None = None,
    strip_html: bool = False,
) -> dask.dataframe.DataFrame:
    """The quote table of a dataframe's documents, lazily: one row per quote.

    ``text_column`` holds the texts, ``id_column`` the document ids
    (``None``: the index, as text). The result has the columns and types of
    :func:`quotecheck.to_frame` (``pandas.ArrowDtype``), partition by
    partition, each with its own 0-based index. ``keep_empty`` adds one row
    for each document without quotes, with ``error_type``/``error_message``
    when it failed (a null or non-string text), as ``quotecheck extract
    --format parquet`` does.
    """
    missing = [c for c in (text_column, id_column) if c is not None and c not in ddf.columns]
    if missing:
        raise KeyError(f"no column {', '.join(map(repr, missing))}; the frame has {list(ddf.columns)}")
    config = _config(backend, organizations, stanza_dir)
    meta = pandas_frame(arrow_table([]))
    frame = ddf.map_partitions(  # type: ignore[no-untyped-call,unused-ignore]
        _frame, config, text_column, id_column, strip_html, keep_empty, meta=meta
    )
    return cast("dask.dataframe.DataFrame", frame)
