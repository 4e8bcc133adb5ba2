"""The stanza backend: neural German analysis when the user has the models.

Pipeline stage 1 (analysis): the optional parsing backend.

Stanza (Qi et al. 2020, "Stanza: A Python Natural Language Processing Toolkit
for Many Human Languages") gives tokens, sentences, lemmas, UD part of speech
and morphology (``Mood=Sub`` marks Konjunktiv), a UD dependency tree and named
entities. This module maps its ``Document`` onto quotecheck's :class:`Doc` so
the same rules run on it, and the dependency-aware rules
(:mod:`quotecheck.rules.dependency`) get their tree.

Nothing here downloads anything. The pipeline is built with
``download_method=None`` and only after checking that the German models are on
disk; when they are not, :class:`~quotecheck.errors.BackendUnavailable` says
which command fetches them on a machine with internet.

Mapping choices (see :func:`doc_from_stanza`):

- **Offsets.** Every quotecheck token is ``text[start:end]`` of the caller's
  text, taken from stanza's ``start_char``/``end_char`` (or, when a Document
  has none, found by aligning the token texts with ``text``).
- **Multi-word tokens.** „zum“ = „zu dem“, „im“ = „in dem“: stanza splits the
  surface token into syntactic words; quotecheck keeps ONE token with the
  surface offsets, because rules and offsets speak about surface text. Its
  annotations come from the MWT's *syntactic head word*: the word whose head
  lies outside the MWT (or that is the root); when several do -- „zu“ and
  „dem“ both depend on the noun -- the first one. So „zum“ is ``ADP``/``case``
  with lemma „zu“, which is what the dependency rules ask of a preposition
  (the article's ``Case=Dat`` is not kept). Dependencies that point at any word
  of the MWT point at its token.
- **Quotation marks** are tokens of their own with kind ``quote`` even if the
  tokenizer glued one to a word („„Wir“): the quote-mark rules pair them. Such
  split-off marks and any non-space character stanza left out of every token
  become extra tokens without annotations (``None`` in every tuple).
- **Sentences** are stanza's; **paragraphs** start at a blank line (or U+2029)
  in the text, as in :func:`quotecheck.text.segment`. A sentence belongs to the
  paragraph where it starts (stanza's tokenizer never lets a sentence cross a
  blank line).
- **Features** „Mood=Sub|Number=Sing“ become ``{"Mood": "Sub", "Number": "Sing"}``
  (an empty dict for a word without features).
- **Entities**: BIOES/BIO tags („B-PER“, „S-ORG“) become PER/ORG/LOC/MISC per
  token; GermEval's OTH and its „deriv“/„part“ variants („deutschen“ is
  LOCderiv) become MISC, since they do not name the entity itself.
"""

from __future__ import annotations

import bisect
import itertools
import os
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from attrs import frozen

from quotecheck.analysis.base import Doc
from quotecheck.errors import BackendUnavailable
from quotecheck.text import (
    QUOTE_CHARS,
    Paragraph,
    Sentence,
    TextLayer,
    Token,
    break_runs,
    paragraph_over,
    tokenize,
)

__all__ = [
    "PROCESSORS",
    "StanzaBackend",
    "doc_from_stanza",
    "parse_feats",
    "entity_label",
    "default_stanza_dir",
    "check_models",
]

#: The processors quotecheck asks stanza for, in pipeline order.
PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
#: What each processor adds to the Doc (:data:`~quotecheck.analysis.base.ANNOTATIONS`).
_PROVIDED_BY = {"pos": ("upos", "feats"), "lemma": ("lemmas",), "depparse": ("parse",), "ner": ("entities",)}

_INSTALL_HINT = (
    "install it with: pip install torch --index-url https://download.pytorch.org/whl/cpu "
    "(PyTorch's CPU build, from PyTorch's own index; install torch first so pip does not pull "
    "a multi-GB CUDA build) and then: pip install \"quotecheck-de[stanza]\""
)

#: The first stanza that loads its models with ``torch.load(weights_only=True)``
#: only, never falling back to unpickling arbitrary objects (1.12.1 still did).
MIN_STANZA_VERSION = (1, 12, 2)

_ENTITY_TYPES = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}


# ---------------------------------------------------------------------------
# Small pure helpers.
# ---------------------------------------------------------------------------


def parse_feats(feats: str | None) -> dict[str, str]:
    """UD features „Mood=Sub|Number=Sing“ as a dict; ``_``/empty/None give ``{}``."""
    if not feats or feats == "_":
        return {}
    result: dict[str, str] = {}
    for item in feats.split("|"):
        key, sep, value = item.partition("=")
        if sep and key:
            result[key] = value
    return result


def entity_label(tag: str | None) -> str | None:
    """PER/ORG/LOC/MISC from one BIOES or BIO tag („S-PER“ → PER, „O“ → None)."""
    if not tag or tag in ("O", "_", "-"):
        return None
    prefix, sep, kind = tag.partition("-")
    if not sep:
        kind = prefix
    kind = kind.upper()
    if kind in _ENTITY_TYPES:
        return _ENTITY_TYPES[kind]
    return "MISC"


def _is_quote_mark(text: str, i: int) -> bool:
    """A quotation-mark character at ``i``; ' and ’ between two letters are apostrophes."""
    ch = text[i]
    if ch not in QUOTE_CHARS:
        return False
    if ch in "'’" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
        return False
    return True


def _kind(surface: str) -> str:
    """quotecheck's token kind for a stanza token's surface text."""
    pieces = tokenize(surface)
    if len(pieces) == 1 and pieces[0].start == 0 and pieces[0].end == len(surface):
        return pieces[0].kind
    if any(ch.isalpha() for ch in surface):
        return "word"
    if all(ch.isdigit() or ch in ".,-" for ch in surface if not ch.isspace()):
        return "number"
    if all(unicodedata.category(ch)[0] in "PS" or ch.isspace() for ch in surface):
        return "punct"
    return "other"


# ---------------------------------------------------------------------------
# The adapter.
# ---------------------------------------------------------------------------


@frozen
class _Annotation:
    """The annotation of one quotecheck token, taken from one stanza word."""

    lemma: str | None
    upos: str | None
    feats: Mapping[str, str] | None
    head: int | None  # stanza word id within the sentence, 0 for the root
    deprel: str | None
    entity: str | None


def _head_word(words: Sequence[Any]) -> Any:
    """The syntactic head of a multi-word token: the first word whose head is outside it."""
    ids = {w.id for w in words}
    for word in words:
        if word.head is None or word.head == 0 or word.head not in ids:
            return word
    return words[0]


def _token_spans(text: str, tokens: Sequence[Any]) -> list[tuple[int, int]]:
    """Character span of every stanza token of a document, in the caller's text.

    Stanza's own offsets are used when they fit the text; a token without
    offsets is found after the previous one, skipping only whitespace.
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    for tok in tokens:
        surface = tok.text or ""
        start, end = tok.start_char, tok.end_char
        if start is not None and end is not None and 0 <= start <= end <= len(text) and start >= cursor:
            spans.append((start, end))
            cursor = end
            continue
        found = _find_surface(text, surface, cursor)
        if found is None:
            raise ValueError(
                f"cannot map stanza token {surface!r} onto the text after offset {cursor}"
            )
        spans.append(found)
        cursor = found[1]
    return spans


def _find_surface(text: str, surface: str, cursor: int) -> tuple[int, int] | None:
    """Where ``surface`` is in ``text`` after ``cursor``.

    Preferably right after whitespace (whitespace inside the surface ignored);
    else its next occurrence, leaving the skipped characters to become tokens
    of their own.
    """
    found = _find_after_space(text, surface, cursor)
    if found is None and surface and not any(ch.isspace() for ch in surface):
        start = text.find(surface, cursor)
        if start >= 0:
            found = (start, start + len(surface))
    return found


def _find_after_space(text: str, surface: str, cursor: int) -> tuple[int, int] | None:
    chars = [ch for ch in surface if not ch.isspace()]
    i = cursor
    while i < len(text) and text[i].isspace():
        i += 1
    start = i
    for ch in chars:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text) or text[i] != ch:
            return None
        i += 1
    return (start, i) if chars else None


def _split_quotes(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """``[start, end)`` as pieces ``(start, end, is_core)``: quotation marks glued to its edges split off."""
    left, right = start, end
    while left < right and _is_quote_mark(text, left):
        left += 1
    while right > left and _is_quote_mark(text, right - 1):
        right -= 1
    if left == right:  # only quotation marks: one token per mark, the first one annotated
        return [(i, i + 1, i == start) for i in range(start, end)]
    return (
        [(i, i + 1, False) for i in range(start, left)]
        + [(left, right, True)]
        + [(i, i + 1, False) for i in range(right, end)]
    )


def _gap_tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokens for non-space characters between two stanza tokens (normally none)."""
    return [Token(t.start + start, t.end + start, t.text, t.kind) for t in tokenize(text[start:end])]


def _word_annotation(word: Any, ner: str | None) -> _Annotation:
    return _Annotation(
        lemma=word.lemma,
        upos=word.upos,
        feats=parse_feats(word.feats),
        head=word.head,
        deprel=word.deprel,
        entity=entity_label(ner),
    )


def doc_from_stanza(text: str, document: Any) -> Doc:
    """quotecheck's :class:`Doc` for a stanza ``Document`` analysed from ``text``.

    ``text`` is the caller's string; the Document's offsets must point into it
    (stanza's pipeline output does; a Document read from CoNLL-U needs
    ``start_char``/``end_char`` in MISC, else its tokens are aligned with the
    text). Raises ValueError when a token cannot be found in ``text``. The
    mapping rules are in the module docstring.
    """
    stanza_tokens = [tok for sent in document.sentences for tok in sent.tokens]
    spans = iter(_token_spans(text, stanza_tokens))

    tokens: list[Token] = []
    annotations: list[_Annotation | None] = []
    sentence_ranges: list[tuple[int, int]] = []
    # Per token: (sentence number, stanza word id of the annotated word); and
    # per sentence: stanza word id → quotecheck token index.
    word_token: list[dict[int, int]] = []
    cursor = 0

    def add(token: Token, annotation: _Annotation | None) -> None:
        tokens.append(token)
        annotations.append(annotation)

    for sent in document.sentences:
        first = len(tokens)
        ids: dict[int, int] = {}
        for tok in sent.tokens:
            start, end = next(spans)
            for gap in _gap_tokens(text, cursor, start):
                add(gap, None)
            words = list(tok.words)
            head = _head_word(words) if words else None
            for piece_start, piece_end, core in _split_quotes(text, start, end):
                surface = text[piece_start:piece_end]
                kind = "quote" if not core or all(
                    _is_quote_mark(text, i) for i in range(piece_start, piece_end)
                ) else _kind(surface)
                if core:
                    for word in words:
                        ids[word.id] = len(tokens)
                add(
                    Token(piece_start, piece_end, surface, kind),
                    _word_annotation(head, tok.ner) if core and head is not None else None,
                )
            cursor = end
        if len(tokens) > first:  # an empty stanza sentence leaves nothing to keep
            sentence_ranges.append((first, len(tokens)))
            word_token.append(ids)
    trailing = _gap_tokens(text, cursor, len(text))
    if trailing:
        if sentence_ranges:
            last_first, _ = sentence_ranges[-1]
            sentence_ranges[-1] = (last_first, len(tokens) + len(trailing))
        else:
            sentence_ranges.append((0, len(trailing)))
            word_token.append({})
        for gap in trailing:
            add(gap, None)

    # Sentence ranges are contiguous and sorted, so a token's sentence is found by bisection.
    firsts = [first for first, _ in sentence_ranges]
    heads: list[int | None] = []
    for index, annotation in enumerate(annotations):
        if annotation is None or annotation.head is None or annotation.head == 0:
            heads.append(None)
            continue
        sentence_number = bisect.bisect_right(firsts, index) - 1
        heads.append(word_token[sentence_number].get(annotation.head))

    layer = _layer(text, tokens, sentence_ranges)
    analysed = any(a is not None for a in annotations)

    def column(name: str) -> tuple[Any, ...] | None:
        if not analysed:
            return None
        return tuple(getattr(a, name) if a is not None else None for a in annotations)

    return Doc(
        layer=layer,
        backend="stanza",
        lemmas=column("lemma"),
        upos=column("upos"),
        feats=column("feats"),
        heads=tuple(heads) if analysed else None,
        deprels=column("deprel"),
        entities=column("entity"),
    )




def _layer(text: str, tokens: Sequence[Token], ranges: Iterable[tuple[int, int]]) -> TextLayer:
    """Sentences and paragraphs over ``tokens``; paragraphs break at blank lines."""
    # Offsets where a new paragraph's text may begin: after each blank line,
    # as in quotecheck.text.segment.
    breaks = [end for end, is_paragraph in break_runs(text) if is_paragraph]
    sentences: list[Sentence] = []
    paragraphs: list[Paragraph] = []
    para_first = 0
    next_break = 0
    for first, last in ranges:
        start = tokens[first].start
        new_paragraph = False
        while next_break < len(breaks) and breaks[next_break] <= start:
            next_break += 1
            new_paragraph = True
        if new_paragraph and sentences:
            paragraphs.append(paragraph_over(sentences, para_first, len(sentences)))
            para_first = len(sentences)
        sentences.append(Sentence(start, tokens[last - 1].end, first, last, len(paragraphs)))
    if sentences:
        paragraphs.append(paragraph_over(sentences, para_first, len(sentences)))
    return TextLayer(text, tuple(tokens), tuple(sentences), tuple(paragraphs))


# ---------------------------------------------------------------------------
# The backend.
# ---------------------------------------------------------------------------


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as error:
        raise BackendUnavailable(
            f"the stanza backend needs the stanza package, which is not installed ({error}); "
            + _INSTALL_HINT
        ) from None
    version = getattr(stanza, "__version__", "0")
    if _version_tuple(version) < MIN_STANZA_VERSION:
        raise BackendUnavailable(
            f"the stanza backend needs stanza {'.'.join(map(str, MIN_STANZA_VERSION))} or newer, which loads "
            f"models with torch.load(weights_only=True) only (a model file cannot run code); "
            f"this is stanza {version}: pip install -U \"stanza>={'.'.join(map(str, MIN_STANZA_VERSION))}\""
        )
    return stanza


def _version_tuple(version: str) -> tuple[int, ...]:
    """``"1.12.2"`` → ``(1, 12, 2)``; a pre-release suffix is ignored."""
    numbers = []
    for part in version.split(".")[:3]:
        digits = "".join(itertools.takewhile(str.isdigit, part))
        numbers.append(int(digits) if digits else 0)
    return tuple(numbers)


def default_stanza_dir() -> str:
    """Where ``stanza.download('de')`` puts models by default (honours STANZA_RESOURCES_DIR)."""
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR

        return str(DEFAULT_MODEL_DIR)
    except ImportError:
        return os.environ.get("STANZA_RESOURCES_DIR", str(Path.home() / "stanza_resources"))


def check_models(stanza_dir: str | os.PathLike[str]) -> None:
    """Raise BackendUnavailable unless ``stanza_dir`` holds resources.json and German models.

    Checked before the pipeline is built, so a missing model is a clear message
    instead of a stack trace or an attempt to download.
    """
    root = Path(stanza_dir).expanduser()
    missing = []
    if not (root / "resources.json").is_file():
        missing.append(f"{root / 'resources.json'}")
    german = root / "de"
    if not german.is_dir() or not any(german.iterdir()):
        missing.append(f"{german}{os.sep}")
    if missing:
        raise BackendUnavailable(
            "the stanza backend needs stanza's German models, which are not in "
            f"{root} (missing: {', '.join(missing)}). quotecheck never downloads anything "
            "by itself; on a machine with internet run:\n"
            f"    python -c \"import stanza; stanza.download('de', model_dir='{root}')\"\n"
            "and copy that folder here if needed, then pass it with --stanza-dir "
            "(or Extractor(backend=\"stanza\", stanza_dir=...))."
        )


class StanzaBackend:
    """stanza's German pipeline behind quotecheck's backend interface.

    The pipeline is built on the first :meth:`analyse`, not at construction,
    because loading the models takes seconds and a lot of memory. Construction
    already checks that stanza is installed and the models are present, so an
    Extractor fails early with a message that says how to fix it.
    """

    name = "stanza"

    def __init__(
        self,
        stanza_dir: str | os.PathLike[str] | None = None,
        *,
        processors: str = PROCESSORS,
        use_gpu: bool | None = None,
    ) -> None:
        self._stanza = _import_stanza()
        self.stanza_dir = str(Path(stanza_dir).expanduser()) if stanza_dir else default_stanza_dir()
        check_models(self.stanza_dir)
        self.processors = processors
        self.use_gpu = use_gpu
        self._pipeline: Any = None

    @property
    def provides(self) -> frozenset[str]:
        """What its documents carry (:data:`~quotecheck.analysis.base.ANNOTATIONS`), by its processors."""
        given = {"tokens"}
        for processor, added in _PROVIDED_BY.items():
            if processor in self.processors.split(","):
                given.update(added)
        return frozenset(given)

    @property
    def pipeline(self) -> Any:
        """The stanza Pipeline, loaded on first use; never downloads."""
        if self._pipeline is None:
            options: dict[str, Any] = {
                "processors": self.processors,
                "download_method": None,
                "dir": self.stanza_dir,
                "logging_level": "WARN",
            }
            if self.use_gpu is not None:
                options["use_gpu"] = self.use_gpu
            try:
                self._pipeline = self._stanza.Pipeline("de", **options)
            except Exception as error:  # stanza reports a missing model file in many ways
                raise BackendUnavailable(
                    f"stanza could not load its German pipeline from {self.stanza_dir}: {error}. "
                    "quotecheck never downloads anything by itself; on a machine with internet run:\n"
                    f"    python -c \"import stanza; stanza.download('de', model_dir='{self.stanza_dir}')\""
                ) from error
        return self._pipeline

    def analyse(self, text: str) -> Doc:
        """The parsed :class:`Doc` of ``text``; blank text skips the pipeline (stanza rejects it)."""
        if not text.strip():
            return Doc(layer=TextLayer(text, (), (), ()), backend=self.name)
        return doc_from_stanza(text, self.pipeline(text))
