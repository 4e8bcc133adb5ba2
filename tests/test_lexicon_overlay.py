"""A user's lexicon folder laid over the packaged data files: ``Extractor(lexicon=DIR)``, ``--lexicon DIR``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotecheck import Extractor
from quotecheck.cli import main
from quotecheck.errors import LexiconError
from quotecheck.lexicon import load_lexicon
from quotecheck.lexicon.overlay import OVERLAY_FILES, overlay_lexicon

VERB_HEADER = "lemma\tparticle\tbase\tclass\tvalency\treported\tstrength\n"
#: „simsen“ (to text someone) is not a packaged speech verb.
SIMSEN = "simsen\t-\tsimsen\twrite\tdass,v2,colon,direct\tno\t1.0\n"
INDIRECT = "Die Abgeordnete Anna Berger simste, der Plan sei ein Skandal."
DIRECT = "„Das ist ein Skandal“, simste die Abgeordnete Anna Berger."


def _folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "lexik"
    folder.mkdir()
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return folder


def _found(extractor: Extractor, text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.content.text, q.speaker.name if q.speaker else None) for q in extractor.extract(text)]


def test_a_user_speech_verb_finds_indirect_speech_the_packaged_lexicon_misses(tmp_path: Path) -> None:
    folder = _folder(tmp_path, speech_verbs__tsv=VERB_HEADER + SIMSEN)
    assert _found(Extractor(), INDIRECT) == []
    assert _found(Extractor(lexicon=folder), INDIRECT) == [("indirect", "der Plan sei ein Skandal", "Anna Berger")]


def test_a_user_speech_verb_gives_a_direct_quote_its_speaker(tmp_path: Path) -> None:
    folder = _folder(tmp_path, speech_verbs__tsv=SIMSEN)  # the column-name row is optional
    assert _found(Extractor(), DIRECT) == [("direct", "Das ist ein Skandal", None)]
    assert _found(Extractor(lexicon=folder), DIRECT) == [("direct", "Das ist ein Skandal", "Anna Berger")]


def test_the_packaged_lexicon_keeps_everything_the_user_does_not_give(tmp_path: Path) -> None:
    lexicon = overlay_lexicon(_folder(tmp_path, speech_verbs__tsv=SIMSEN))
    assert set(load_lexicon().speech_verbs) | {"simsen"} == set(lexicon.speech_verbs)
    assert _found(Extractor(lexicon=lexicon), "„Wir bleiben hart“, sagte Anna Berger.") == [
        ("direct", "Wir bleiben hart", "Anna Berger")
    ]


def test_a_user_line_replaces_the_packaged_line_with_its_key(tmp_path: Path) -> None:
    assert load_lexicon().speech_verbs["bloggen"].cls != "report"
    line = "bloggen\t-\tbloggen\treport\tdass,v2\tyes\t0.5\n"
    lexicon = overlay_lexicon(_folder(tmp_path, speech_verbs__tsv=line))
    assert (lexicon.speech_verbs["bloggen"].cls, lexicon.speech_verbs["bloggen"].strength) == ("report", 0.5)


def test_a_form_of_a_packaged_line_with_several_forms_is_replaced_alone(tmp_path: Path) -> None:
    packaged = load_lexicon().speech_nouns
    assert packaged["Angaben"].use == "according_to" and "Angabe" in packaged
    lexicon = overlay_lexicon(_folder(tmp_path, speech_nouns__tsv="Angaben\tframe\treport\t-\n"))
    assert (lexicon.speech_nouns["Angaben"].use, lexicon.speech_nouns["Angabe"]) == ("frame", packaged["Angabe"])


def test_user_roles_titles_and_organisations_are_added(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        roles__tsv="noun\ttype\tcompound_head\nKirchenälteste\tperson\tno\n",
        titles__txt="# Anreden\nHochwürden\n",
        agencies__tsv="Radio Nordheide\tmedia\tRadio Nordheide|RNH\tDE\n",
    )
    lexicon = overlay_lexicon(folder)
    assert lexicon.role_of("Kirchenälteste") is not None and load_lexicon().role_of("Kirchenälteste") is None
    assert "Hochwürden" in lexicon.titles and "Herr" in lexicon.titles
    entry = lexicon.organization("RNH")
    assert entry is not None and entry.name == "Radio Nordheide"


def test_a_malformed_line_names_the_users_file_and_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, speech_verbs__tsv=VERB_HEADER + SIMSEN + "brüllen\t-\tbrüllen\tshout\tdass\tno\t1.0\n")
    with pytest.raises(LexiconError, match=r"lexik/speech_verbs\.tsv, line 3: unknown class 'shout'"):
        Extractor(lexicon=folder)


@pytest.mark.parametrize("name", ["speech_verb.tsv", "function_words.tsv", "notizen.md"])
def test_a_file_that_cannot_be_overlaid_is_an_error_not_ignored(tmp_path: Path, name: str) -> None:
    folder = _folder(tmp_path)
    (folder / name).write_text(SIMSEN, encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"{name}: not a data file that can be overlaid; expected one of speech_verbs\.tsv"):
        overlay_lexicon(folder)


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not a lexicon folder"):
        overlay_lexicon(tmp_path / "fehlt")


def test_every_overlay_file_is_a_packaged_data_file() -> None:
    packaged = Path(__file__).resolve().parents[1] / "quotecheck" / "data" / "de"
    assert all((packaged / name).is_file() for name in OVERLAY_FILES)


def test_cli_lexicon_changes_the_extraction(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, speech_verbs__tsv=SIMSEN)
    source = tmp_path / "artikel.txt"
    source.write_text(INDIRECT, encoding="utf-8")
    assert main(["extract", str(source), "--quiet"]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"] == []
    assert main(["extract", str(source), "--quiet", "--lexicon", str(folder)]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    assert [(q["kind"], q["speaker"]["name"]) for q in quotes] == [("indirect", "Anna Berger")]


@pytest.mark.slow
def test_cli_malformed_lexicon_exits_2_with_one_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, roles__tsv="Kirchenälteste\tengel\tno\n")
    source = tmp_path / "artikel.txt"
    source.write_text(INDIRECT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "quotecheck", "extract", str(source), "--lexicon", str(folder)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert "roles.tsv, line 1: unknown type 'engel'" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
