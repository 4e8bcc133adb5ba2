"""Running an evaluation: system output from records or from the extractor, then scoring."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from quotecheck.errors import InputError
from quotecheck.evaluate.gold import GoldDocument
from quotecheck.evaluate.score import Evaluation
from quotecheck.records import check_quotes

if TYPE_CHECKING:
    from quotecheck.extractor import Extractor

__all__ = ["evaluate"]

#: How many missing ids an error message lists.
_SHOWN = 5


def evaluate(
    gold: Iterable[GoldDocument],
    system: Mapping[str | None, Mapping[str, Any]] | None = None,
    *,
    extractor: Extractor | None = None,
    errors: bool = False,
) -> Evaluation:
    """Score system output against gold documents.

    ``system`` maps document ids to records as ``quotecheck extract`` writes them
    (``{"id", "quotes"}``, see :func:`quotecheck.records.read_records`); without it
    the ``extractor`` (default: ``Extractor()``) runs on each gold text. A record
    with ``error`` set, or a document the extractor fails on, is scored as having
    no quotes and listed in :attr:`Evaluation.failed`. Raises :class:`InputError`
    when a gold document has no record, or a record does not fit its gold text.
    """
    documents = list(gold)
    evaluation = Evaluation(keep_errors=errors)
    if system is not None:
        _check_ids(documents, system)
        predict = _from_records(system)
    else:
        if extractor is None:
            from quotecheck.extractor import Extractor

            extractor = Extractor()
        predict = _from_extractor(extractor)
    for doc in documents:
        predicted, failure = predict(doc)
        if failure is not None:
            evaluation.fail(doc.id, failure)
        evaluation.add(doc, predicted)
    return evaluation


#: A document's system quotes, and why the system failed on it (``None`` when it did not).
_Prediction = tuple[Sequence[Mapping[str, Any]], str | None]


def _from_records(system: Mapping[str | None, Mapping[str, Any]]) -> Callable[[GoldDocument], _Prediction]:
    def predict(doc: GoldDocument) -> _Prediction:
        record = system[doc.id]
        quotes: Sequence[Mapping[str, Any]] = record["quotes"]
        check_quotes(quotes, doc.text, f"system record {doc.id!r}")
        error = record.get("error")
        return quotes, None if not error else str(error.get("message", error) if isinstance(error, dict) else error)

    return predict


def _from_extractor(extractor: Extractor) -> Callable[[GoldDocument], _Prediction]:
    def predict(doc: GoldDocument) -> _Prediction:
        result = extractor.process(doc.id, doc.text)
        failure = None if result.error is None else str(result.error.get("message"))
        return [quote.to_dict() for quote in result.quotes], failure

    return predict


def _check_ids(documents: Sequence[GoldDocument], system: Mapping[str | None, Any]) -> None:
    ids = [doc.id for doc in documents]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise InputError(f"gold ids occur more than once ({', '.join(twice[:_SHOWN])}); "
                         "system records are matched to gold documents by id")
    missing = [i for i in ids if i not in system]
    if missing:
        more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
        raise InputError(f"{len(missing)} gold documents have no system record: "
                         f"{', '.join(map(repr, missing[:_SHOWN]))}{more}")
