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
