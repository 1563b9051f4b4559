"""Organisation configuration: files, keys, errors, and their effect on findings."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from taalcheck.config import find_config, load_config, validate_ids
from taalcheck.documents import document_from_text
from taalcheck.errors import ConfigError
from taalcheck.matching.engine import Checker
from taalcheck.model import Severity


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_taalcheck_toml_is_found_in_a_parent_folder(tmp_path):
    config = write(tmp_path / "taalcheck.toml", "min_severity = 'suggestion'\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == config
    assert load_config(config).min_severity == Severity.SUGGESTION


def test_pyproject_tool_table(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        "[project]\nname='x'\n[tool.taalcheck]\ndisable = ['partijen']\nallow = ['OTS']\n",
    )
    settings = load_config(find_config(tmp_path))
    assert settings.disable == frozenset({"partijen"}) and settings.allow == ("OTS",)


def test_pyproject_without_table_is_ignored(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    assert find_config(tmp_path) is None or find_config(tmp_path).parent != tmp_path


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("kleur = 'rood'\n", "sleutel 'kleur': onbekende sleutel"),
        ("disable = 'partijen'\n", "sleutel 'disable': moet een lijst"),
        ("min_severity = 'hoog'\n", "sleutel 'min_severity': onbekende ernst 'hoog'"),
        ("[severity]\npartijen = 'luid'\n", "sleutel 'severity.partijen'"),
        ("extend_lexicon = ['ontbreekt.yaml']\n", "sleutel 'extend_lexicon': lexiconbestand"),
        ("disable = [\n", "ongeldige TOML"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path, text, fragment):
    config = write(tmp_path / "taalcheck.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(config) in str(caught.value) and fragment in str(caught.value)


def test_unknown_ids_are_rejected(tmp_path):
    settings = load_config(write(tmp_path / "taalcheck.toml", "disable = ['bestaat-niet']\n"))
    with pytest.raises(ConfigError, match="sleutel 'disable': onbekend id 'bestaat-niet'"):
        validate_ids(settings, {"partijen"})


def test_settings_change_findings(tmp_path):
    write(
        tmp_path / "eigen.yaml",
        "entries:\n  - id: dossier-sluiten\n    term: dossier sluiten\n    principle: vertrouwen\n    severity: hint\n"
        "    reason: Eigen term.\n    alternatives: [afronden]\n    patterns: ['dossier sluiten:v']\n"
        "    examples: {flag: [We sluiten het dossier.]}\n",
    )
    config = write(
        tmp_path / "taalcheck.toml",
        "model = 'blank'\ndisable = ['partijen']\nallow = ['risico-gestuurd']\nextend_lexicon = ['eigen.yaml']\n"
        "[severity]\nvechtscheiding = 'hint'\n",
    )
    settings = load_config(config)
    from taalcheck.lexicon import load_lexicon

    lexicon = load_lexicon(
        (FIXTURES / "engine-lexicon.yaml", *settings.extend_lexicon), include_bundled=False
    )
    checker = Checker(lexicon, settings)
    text = "Beide partijen werken risico-gestuurd in een vechtscheiding. We sluiten het dossier. Ook risicogestuurd."
    result = checker.check_document(document_from_text(text))
    found = {(f.rule, f.text, f.severity.key) for f in result.findings}
    assert found == {
        ("vechtscheiding", "vechtscheiding", "hint"),
        ("dossier-sluiten", "sluiten het dossier", "hint"),
    }  # 'allow' compares folded words: both spellings of risico-gestuurd are approved
    notes = {f.rule: f.context for f in result.silenced}
    assert notes["partijen"] == ("niet gemeld: uitgezet in de configuratie",)
    assert notes["risicogestuurd-werken"] == ("niet gemeld: toegestaan in de configuratie",)


def test_min_severity_is_a_view_that_leaves_the_balance_alone():
    from dataclasses import replace

    from taalcheck.lexicon import load_lexicon
    from taalcheck.settings import Settings

    lexicon = load_lexicon((FIXTURES / "engine-lexicon.yaml",), include_bundled=False)
    text = "Beide partijen werken risicogestuurd in een vechtscheiding."
    everything = Checker(lexicon, Settings(model="blank")).check_document(document_from_text(text))
    severities = sorted({f.severity for f in everything.findings})
    assert len(severities) > 1  # the view below hides some findings
    view = replace(Settings(model="blank"), min_severity=severities[-1])
    filtered = Checker(lexicon, view).check_document(document_from_text(text))
    assert len(filtered.findings) < len(everything.findings)
    assert filtered.balance == everything.balance
    assert filtered.balance.control == len(everything.findings)


@pytest.mark.parametrize("key", ["disable", "severity"])
def test_unknown_ids_are_an_error_in_the_python_api_too(tmp_path, key):
    import taalcheck

    line = "disable = ['bestaat-niet']\n" if key == "disable" else "[severity]\nbestaat-niet = 'hint'\n"
    settings = load_config(write(tmp_path / "taalcheck.toml", line))
    with pytest.raises(ConfigError, match=f"taalcheck.toml, sleutel '{key}': onbekend id 'bestaat-niet'"):
        taalcheck.check_text("Wij werken risicogestuurd.", settings=settings)


def test_unknown_ids_are_an_error_on_the_command_line(tmp_path):
    import subprocess
    import sys

    write(tmp_path / "taalcheck.toml", "disable = ['bestaat-niet']\n")
    result = subprocess.run(
        [sys.executable, "-m", "taalcheck", "check", "-"],
        input="Wij werken risicogestuurd.\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2
    assert "sleutel 'disable': onbekend id 'bestaat-niet'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "pyproject.toml",
            "[tool]\ntaalcheck = 3\n",
            "sleutel 'tool.taalcheck': verwacht een tabel met instellingen, niet een getal",
        ),
        (
            "pyproject.toml",
            "[tool]\ntaalcheck = 'aan'\n",
            "sleutel 'tool.taalcheck': verwacht een tabel met instellingen, niet een tekst",
        ),
        ("pyproject.toml", "tool = [1, 2]\n", "sleutel 'tool': verwacht een tabel, niet een lijst"),
        (
            "taalcheck.toml",
            "disable = 'partijen'\n",
            "sleutel 'disable': moet een lijst met tekst zijn, niet een tekst",
        ),
        (
            "taalcheck.toml",
            "min_severity = ['hint']\n",
            "sleutel 'min_severity': verwacht een tekst (hint, suggestion of warning), niet een lijst",
        ),
        (
            "taalcheck.toml",
            "[severity]\nvechtscheiding = 3\n",
            "sleutel 'severity.vechtscheiding': verwacht een tekst",
        ),
        ("taalcheck.toml", "allow = " + "[" * 900 + "]" * 900 + "\n", "ongeldige TOML (te diep genest)"),
        ("taalcheck.toml", "allow = [[[[[['x']]]]]]\n", "sleutel 'allow': te diep genest"),
        ("taalcheck.toml", "x = '" + "a" * 1_000_001 + "'\n", "configuratiebestand is te groot"),
    ],
)
def test_malformed_configuration_is_one_clear_line(tmp_path, name, content, expected):
    path = write(tmp_path / name, content)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and expected in message
    assert "\n" not in message


def test_a_broken_pyproject_elsewhere_is_not_taken_for_configuration(tmp_path):
    write(tmp_path / "pyproject.toml", "tool = 3\n")
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") is None


def test_deeply_nested_configuration_on_the_command_line_is_no_unexpected_error(tmp_path):
    import subprocess
    import sys

    write(tmp_path / "taalcheck.toml", "allow = " + "[" * 5000 + "]" * 5000 + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "taalcheck", "check", "-"],
        input="Tekst.\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2
    assert "taalcheck.toml: ongeldige TOML (te diep genest)" in result.stderr
    assert "onverwachte fout" not in result.stderr
