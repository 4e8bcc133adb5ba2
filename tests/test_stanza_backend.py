"""The stanza backend: errors that name the fix, and the Document → Doc adapter.

The adapter is tested on hand-written UD parses in tests/conllu/ (read with
stanza's CoNLL reader, which needs no model). Tests that need stanza skip when
it is not installed; the error-message tests and the checks of the CoNLL-U
files themselves run everywhere.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from quotecheck.analysis import BACKENDS, EmbeddedBackend, get_backend
from quotecheck.analysis.stanza_backend import (
    PROCESSORS,
    StanzaBackend,
    check_models,
    entity_label,
    parse_feats,
)
from quotecheck.errors import BackendUnavailable

CONLLU = Path(__file__).parent / "conllu"


# ---------------------------------------------------------------------------
# Reading the hand parses (plain Python, no stanza needed).
# ---------------------------------------------------------------------------


def _blocks(path: Path) -> list[str]:
    return [b.strip() + "\n\n" for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]


def _comment(block: str, key: str) -> str | None:
    for line in block.splitlines():
        if line.startswith(f"# {key} = "):
            return line.split(" = ", 1)[1]
    return None


def _sentences() -> list[tuple[str, str, str]]:
    """(sent_id, text, block) of every single-sentence example."""
    found = []
    for path in sorted(CONLLU.glob("*.conllu")):
        if path.stem == "document":
            continue
        for block in _blocks(path):
            found.append((_comment(block, "sent_id"), _comment(block, "text"), block))
    return found


SENTENCES = _sentences()
SENTENCE_IDS = [s[0] for s in SENTENCES]


def _document() -> tuple[str, str]:
    """The multi-paragraph document: its text (sentences joined by a space, paragraphs
    by a blank line) and its CoNLL-U."""
    path = CONLLU / "document.conllu"
    text = ""
    for n, block in enumerate(_blocks(path)):
        if n:
            text += "\n\n" if "# newpar" in block else " "
        text += _comment(block, "text")
    return text, path.read_text(encoding="utf-8")


def _misc_offsets(block: str) -> list[tuple[str, int, int]]:
    rows = []
    for line in block.splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        misc = dict(item.split("=", 1) for item in cols[9].split("|") if "=" in item)
        if "start_char" in misc:
            rows.append((cols[1], int(misc["start_char"]), int(misc["end_char"])))
    return rows


def test_there_are_enough_hand_parses():
    assert len(SENTENCES) + len(_blocks(CONLLU / "document.conllu")) >= 22
    assert len(set(SENTENCE_IDS)) == len(SENTENCE_IDS)


@pytest.mark.parametrize("sent_id,text,block", SENTENCES, ids=SENTENCE_IDS)
def test_conllu_offsets_match_the_sentence_text(sent_id, text, block):
    rows = _misc_offsets(block)
    assert rows, "every surface token carries start_char/end_char"
    for form, start, end in rows:
        assert text[start:end] == form
    # Between tokens there is only whitespace: the offsets cover the whole text.
    covered = set()
    for _, start, end in rows:
        covered.update(range(start, end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_document_offsets_match_the_document_text():
    text, conllu = _document()
    for block in _blocks(CONLLU / "document.conllu"):
        for form, start, end in _misc_offsets(block):
            assert text[start:end] == form


# ---------------------------------------------------------------------------
# Pure helpers.
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "feats,expected",
    [
        ("Mood=Sub|Number=Sing", {"Mood": "Sub", "Number": "Sing"}),
        ("Case=Dat|Definite=Def|Gender=Masc", {"Case": "Dat", "Definite": "Def", "Gender": "Masc"}),
        ("_", {}),
        ("", {}),
        (None, {}),
    ],
)
def test_parse_feats(feats, expected):
    assert parse_feats(feats) == expected


@pytest.mark.parametrize(
    "tag,expected",
    [
        ("S-PER", "PER"),
        ("B-PER", "PER"),
        ("E-ORG", "ORG"),
        ("I-LOC", "LOC"),
        ("S-GPE", "LOC"),
        ("S-MISC", "MISC"),
        ("B-OTH", "MISC"),
        ("S-LOCderiv", "MISC"),
        ("O", None),
        (None, None),
    ],
)
def test_entity_label(tag, expected):
    assert entity_label(tag) == expected


# ---------------------------------------------------------------------------
# Backend selection and errors (run without stanza).
# ---------------------------------------------------------------------------


def test_get_backend_embedded():
    assert isinstance(get_backend("embedded"), EmbeddedBackend)
    assert isinstance(get_backend("embedded", stanza_dir=None), EmbeddedBackend)


def test_get_backend_unknown_lists_the_backends():
    with pytest.raises(ValueError) as info:
        get_backend("spacy")
    assert "spacy" in str(info.value)
    for name in BACKENDS:
        assert name in str(info.value)


def test_missing_stanza_names_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "stanza", None)  # import stanza → ImportError
    with pytest.raises(BackendUnavailable) as info:
        get_backend("stanza")
    message = str(info.value)
    assert 'pip install "quotecheck-de[stanza]"' in message
    assert "pip install torch --index-url https://download.pytorch.org/whl/cpu" in message
    assert message.index("torch --index-url") < message.index("quotecheck-de[stanza]")


@pytest.mark.parametrize("version", ["1.9.2", "1.12.1", "1.10.0rc1"])
def test_stanza_that_may_unpickle_models_is_refused(monkeypatch, version: str) -> None:
    """Before 1.12.2 stanza fell back to torch.load(weights_only=False): a model file could run code."""
    fake = _FakeStanza()
    fake.__version__ = version
    monkeypatch.setitem(sys.modules, "stanza", fake)
    with pytest.raises(BackendUnavailable) as info:
        get_backend("stanza")
    assert "stanza 1.12.2 or newer" in str(info.value) and "weights_only=True" in str(info.value)
    assert f"this is stanza {version}" in str(info.value)


class _FakeStanza(types.ModuleType):
    """A stand-in for the stanza module that records Pipeline construction."""

    def __init__(self, result=None):
        super().__init__("stanza")
        self.__version__ = "1.15.0"
        self.calls: list[tuple[str, dict]] = []
        self.result = result
        fake = self

        class Pipeline:
            def __init__(self, lang, **options):
                fake.calls.append((lang, options))

            def __call__(self, text):
                return fake.result

        self.Pipeline = Pipeline


def _assert_names_download(message: str, directory: Path) -> None:
    assert "import stanza; stanza.download('de', model_dir=" in message
    assert str(directory) in message
    assert "never downloads" in message


def test_missing_models_name_the_download_command(monkeypatch, tmp_path):
    fake = _FakeStanza()
    monkeypatch.setitem(sys.modules, "stanza", fake)
    with pytest.raises(BackendUnavailable) as info:
        StanzaBackend(stanza_dir=tmp_path)
    _assert_names_download(str(info.value), tmp_path)
    assert fake.calls == []  # no pipeline, so no download attempt


def test_models_without_german_folder_are_missing(tmp_path):
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    with pytest.raises(BackendUnavailable) as info:
        check_models(tmp_path)
    _assert_names_download(str(info.value), tmp_path)
    assert str(tmp_path / "de") in str(info.value)


def _fake_models(root: Path) -> Path:
    (root / "resources.json").write_text("{}", encoding="utf-8")
    (root / "de" / "tokenize").mkdir(parents=True)
    (root / "de" / "tokenize" / "model.pt").write_bytes(b"")
    return root


def test_pipeline_is_built_lazily_and_never_downloads(monkeypatch, tmp_path):
    fake = _FakeStanza()
    monkeypatch.setitem(sys.modules, "stanza", fake)
    backend = get_backend("stanza", stanza_dir=_fake_models(tmp_path))
    assert fake.calls == []
    backend.pipeline
    backend.pipeline
    assert len(fake.calls) == 1
    lang, options = fake.calls[0]
    assert lang == "de"
    assert options["processors"] == PROCESSORS == "tokenize,mwt,pos,lemma,depparse,ner"
    assert options["download_method"] is None
    assert options["dir"] == str(tmp_path)


def test_pipeline_failure_is_a_clear_error(monkeypatch, tmp_path):
    fake = _FakeStanza()

    def broken(lang, **options):
        raise FileNotFoundError("de/pos/gsd.pt")

    fake.Pipeline = broken
    monkeypatch.setitem(sys.modules, "stanza", fake)
    backend = StanzaBackend(stanza_dir=_fake_models(tmp_path))
    with pytest.raises(BackendUnavailable) as info:
        backend.analyse("Er sagte, es regne.")
    assert "de/pos/gsd.pt" in str(info.value)
    _assert_names_download(str(info.value), tmp_path)


# ---------------------------------------------------------------------------
# The adapter on the hand parses (needs stanza's CoNLL reader).
# ---------------------------------------------------------------------------


def _doc(block: str, text: str):
    stanza_conll = pytest.importorskip("stanza.utils.conll")
    from quotecheck.analysis.stanza_backend import doc_from_stanza

    document = stanza_conll.CoNLL.conll2doc(input_str=block)
    return document, doc_from_stanza(text, document)


@pytest.mark.parametrize("sent_id,text,block", SENTENCES, ids=SENTENCE_IDS)
def test_adapter_offsets_and_tokens(sent_id, text, block):
    document, doc = _doc(block, text)
    surface = [tok.text for sent in document.sentences for tok in sent.tokens]
    assert [t.text for t in doc.tokens] == surface  # one quotecheck token per surface token
    previous_end = 0
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end
        assert not text[previous_end : t.start].strip()
        previous_end = t.end
    assert not text[previous_end:].strip()
    assert len(doc.sentences) == 1 and doc.sentences[0].start == 0
    assert doc.backend == "stanza" and doc.has_parse
    for t, upos in zip(doc.tokens, doc.upos):
        if t.text in "„“":
            assert t.kind == "quote"
        elif upos == "PUNCT":
            assert t.kind == "punct"
        else:
            assert t.kind == "word"


@pytest.mark.parametrize("sent_id,text,block", SENTENCES, ids=SENTENCE_IDS)
def test_adapter_heads_deprels_lemmas(sent_id, text, block):
    document, doc = _doc(block, text)
    (sent,) = document.sentences
    token_of_word = {}
    for index, tok in enumerate(sent.tokens):
        for word in tok.words:
            token_of_word[word.id] = index
    for index, tok in enumerate(sent.tokens):
        if len(tok.words) != 1:
            continue
        (word,) = tok.words
        assert doc.lemmas[index] == word.lemma
        assert doc.deprels[index] == word.deprel
        assert doc.upos[index] == word.upos
        assert doc.feats[index] == parse_feats(word.feats)
        if word.head == 0:
            assert doc.heads[index] is None
        else:
            assert doc.heads[index] == token_of_word[word.head]


MWT_CASES = [
    # sent_id, surface, lemma, upos, deprel, text of the head token
    ("mwt-1", "Am", "an", "ADP", "case", "Montag"),
    ("mwt-1", "zum", "zu", "ADP", "case", "Abschluss"),
    ("mwt-2", "im", "in", "ADP", "case", "Interview"),
    ("according-3", "Im", "in", "ADP", "case", "Regionalverkehr"),
    ("passive-2", "vom", "von", "ADP", "case", "Sender"),
]


@pytest.mark.parametrize("sent_id,surface,lemma,upos,deprel,head", MWT_CASES)
def test_multi_word_tokens_are_one_token_annotated_as_their_head_word(
    sent_id, surface, lemma, upos, deprel, head
):
    _, text, block = SENTENCES[SENTENCE_IDS.index(sent_id)]
    _, doc = _doc(block, text)
    (index,) = [i for i, t in enumerate(doc.tokens) if t.text == surface]
    tok = doc.tokens[index]
    assert text[tok.start : tok.end] == surface and tok.kind == "word"
    assert (doc.lemma(index), doc.upos[index], doc.deprels[index]) == (lemma, upos, deprel)
    assert doc.tokens[doc.heads[index]].text == head
    # The article inside the MWT leaves no token of its own behind.
    assert "dem" not in [t.text for t in doc.tokens if t.start == tok.start]


FEATURE_CASES = [
    ("indirect-2", "habe", "Mood", "Sub"),
    ("indirect-4", "sei", "Mood", "Sub"),
    ("indirect-6", "prüfe", "Mood", "Sub"),
    ("indirect-1", "weitergehen", "Mood", "Ind"),
    ("addressee-1", "Minister", "Case", "Dat"),
]


@pytest.mark.parametrize("sent_id,word,feature,value", FEATURE_CASES)
def test_features_are_dicts(sent_id, word, feature, value):
    _, text, block = SENTENCES[SENTENCE_IDS.index(sent_id)]
    _, doc = _doc(block, text)
    index = [t.text for t in doc.tokens].index(word)
    assert doc.feats[index][feature] == value


ENTITY_CASES = [
    ("direct-2", {"Anna": "PER", "Berger": "PER"}),
    ("mwt-2", {"Tom": "PER", "Kaiser": "PER", "ZDF": "ORG"}),
    ("according-3", {"Bahn": "ORG"}),
    ("passive-1", {"Polizei": "ORG"}),
    ("indirect-2", {"Kim": "PER"}),
]


@pytest.mark.parametrize("sent_id,expected", ENTITY_CASES)
def test_entities_per_token(sent_id, expected):
    _, text, block = SENTENCES[SENTENCE_IDS.index(sent_id)]
    _, doc = _doc(block, text)
    found = {t.text: e for t, e in zip(doc.tokens, doc.entities) if e is not None}
    assert found == expected


def test_document_sentences_and_paragraphs():
    text, conllu = _document()
    _, doc = _doc(conllu, text)
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1]
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "Berlin meldete Regen.",
        "„Es bleibt nass“, sagte die Meteorologin.",
        "Sie rechne mit Gewittern.",
    ]
    assert [(p.first, p.last) for p in doc.layer.paragraphs] == [(0, 1), (1, 3)]
    assert text[doc.layer.paragraphs[1].start :].startswith("„Es")
    # Heads stay inside their sentence: „sagte“ hangs on „bleibt“ of sentence 2.
    sagte = [t.text for t in doc.tokens].index("sagte")
    assert doc.tokens[doc.heads[sagte]].text == "bleibt"
    assert doc.entities[0] == "LOC"


GLUED = """# text = „Ja“, sagte sie.
1\t„Ja\tja\tPART\tPTKANT\t_\t0\troot\t_\t_
2\t“\t“\tPUNCT\t$(\t_\t1\tpunct\t_\t_
3\t,\t,\tPUNCT\t$,\t_\t4\tpunct\t_\t_
4\tsagte\tsagen\tVERB\tVVFIN\tMood=Ind\t1\tparataxis\t_\t_
5\tsie\tsie\tPRON\tPPER\tCase=Nom\t4\tnsubj\t_\t_
6\t.\t.\tPUNCT\t$.\t_\t1\tpunct\t_\t_

"""


def test_glued_quote_marks_and_uncovered_characters_become_tokens():
    """No offsets in MISC: tokens are aligned with the text; a quotation mark glued
    to a word is split off, and a character no token covers („–“) becomes a token."""
    text = "„Ja“ – , sagte sie."
    document, doc = _doc(GLUED, text)
    assert [(t.text, t.kind) for t in doc.tokens] == [
        ("„", "quote"), ("Ja", "word"), ("“", "quote"), ("–", "punct"),
        (",", "punct"), ("sagte", "word"), ("sie", "word"), (".", "punct"),
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in doc.tokens)
    assert doc.lemmas[0] is None and doc.deprels[3] is None
    assert doc.lemmas[1] == "ja" and doc.deprels[1] == "root"
    assert doc.tokens[doc.heads[5]].text == "Ja"  # „sagte“ → the token of word 1


def test_text_that_does_not_match_the_document_is_an_error():
    with pytest.raises(ValueError, match="cannot map"):
        _doc(GLUED, "„Nein“, sagte sie.")


def test_backend_analyse_maps_the_pipeline_output(monkeypatch, tmp_path):
    _, text, block = SENTENCES[SENTENCE_IDS.index("indirect-2")]
    stanza_conll = pytest.importorskip("stanza.utils.conll")
    fake = _FakeStanza(result=stanza_conll.CoNLL.conll2doc(input_str=block))
    monkeypatch.setitem(sys.modules, "stanza", fake)
    doc = StanzaBackend(stanza_dir=_fake_models(tmp_path)).analyse(text)
    assert doc.backend == "stanza" and doc.has_parse
    assert doc.lemma(1) == "sagen"
    assert StanzaBackend(stanza_dir=tmp_path).analyse("  ").tokens == ()


@pytest.mark.parametrize(
    ("processors", "provides"),
    [
        ("tokenize,mwt,pos,lemma,depparse,ner", {"tokens", "lemmas", "upos", "feats", "parse", "entities"}),
        ("tokenize,mwt,pos,lemma", {"tokens", "lemmas", "upos", "feats"}),
    ],
)
def test_stanza_backend_provides_what_its_processors_add(processors: str, provides: set[str]) -> None:
    # built without stanza: only the processors matter for what the Doc carries
    backend = object.__new__(StanzaBackend)
    backend.processors = processors
    assert backend.provides == provides
