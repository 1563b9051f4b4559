"""The lexicon loader names file, entry and key for every kind of mistake."""

from __future__ import annotations

import textwrap

import pytest

from taalcheck.errors import LexiconError
from taalcheck.lexicon.loader import load_entries, load_file

VALID = """
entries:
  - id: voorbeeld
    term: voorbeeld
    principle: taal
    severity: hint
    reason: Een reden.
    alternatives: [iets anders]
    examples: {flag: [Een voorbeeld.]}
"""


def write(tmp_path, text, name="lex.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_for(tmp_path, text) -> str:
    with pytest.raises(LexiconError) as caught:
        load_file(write(tmp_path, text))
    return str(caught.value)


def test_valid_file_loads(tmp_path):
    (entry,) = load_file(write(tmp_path, VALID))
    assert entry.id == "voorbeeld" and entry.patterns == ("voorbeeld",)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("severity: hint", "severity: fout"), "item 'voorbeeld', veld 'severity': onbekende ernst 'fout'"),
        (("principle: taal", "principle: geluk"), "veld 'principle': onbekend principe 'geluk'"),
        (("    reason: Een reden.\n", ""), "veld 'reason': ontbreekt"),
        (("severity: hint", "severity: hint\n    colour: rood"), "veld 'colour': onbekend veld"),
        (("alternatives: [iets anders]", "alternatives: iets"), None),
        (
            ("alternatives: [iets anders]", "alternatives: [a, b, c, d]"),
            "veld 'alternatives': mag hoogstens 3 items",
        ),
        (
            ("alternatives: [iets anders]", "alternatives: 3"),
            "veld 'alternatives': moet een lijst met tekst zijn",
        ),
        (("id: voorbeeld", "id: Voor Beeld"), "veld 'id': moet bestaan uit kleine letters"),
        (
            ("term: voorbeeld", "term: voorbeeld\n    patterns: ['op|leggen']"),
            "veld 'patterns': ongeldig patroon 'op|leggen'",
        ),
        (("term: voorbeeld", "term: voorbeeld\n    tags: [geheim]"), "veld 'tags': onbekend label 'geheim'"),
    ],
)
def test_mistakes_are_named(tmp_path, change, expected):
    text = VALID.replace(*change)
    if expected is None:  # a single string is accepted as a one-item list
        assert load_file(write(tmp_path, text))[0].alternatives == ("iets",)
        return
    message = error_for(tmp_path, text)
    assert str(tmp_path / "lex.yaml") in message
    assert expected in message


def test_duplicate_ids_across_files(tmp_path):
    first = write(tmp_path, VALID, "a.yaml")
    second = write(tmp_path, VALID, "b.yaml")
    with pytest.raises(
        LexiconError, match=r"b\.yaml, item 'voorbeeld', veld 'id': dubbel id \(staat ook in .*a\.yaml\)"
    ):
        load_entries([first, second])


def test_broken_yaml_and_wrong_shape(tmp_path):
    assert "ongeldige YAML (regel 2)" in error_for(tmp_path, "entries:\n\t- id: tab\n")
    assert "verwacht een mapping met de sleutel 'entries'" in error_for(tmp_path, "- gewoon een lijst\n")
    with pytest.raises(LexiconError, match="bestand niet gevonden"):
        load_file(tmp_path / "bestaat-niet.yaml")


def test_trust_entries_need_no_reason(tmp_path):
    (entry,) = load_file(
        write(tmp_path, "kind: trust\nentries:\n  - {id: samen, term: samenwerking, principle: vertrouwen}\n")
    )
    assert entry.kind == "trust"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("principle: taal", "principle: [taal, conflict]"),
            "veld 'principle': verwacht een tekst (een van: ",
        ),
        (("principle: taal", "principle: 3"), "niet een getal"),
        (("severity: hint", "severity: hint\n    compound: [both]"), "veld 'compound': verwacht een tekst"),
        (
            ("severity: hint", "severity: hint\n    3: drie"),
            "item 'voorbeeld': een sleutel moet een tekst zijn",
        ),
        (
            ("entries:", "kind: [control]\nentries:"),
            "veld 'kind': verwacht een tekst (een van: control, trust)",
        ),
        (
            ("examples: {flag: [Een voorbeeld.]}", "examples: {flag: " + "[" * 40 + "]" * 40 + "}"),
            "te diep genest",
        ),
    ],
)
def test_wrong_types_are_named_with_the_expected_type(tmp_path, change, expected):
    message = error_for(tmp_path, VALID.replace(*change))
    assert str(tmp_path / "lex.yaml") in message
    assert expected in message


ALIAS_BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "entries: [*i]\n"
)


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    message = error_for(tmp_path, ALIAS_BOMB)
    assert "YAML-ankers en -verwijzingen (& en *) zijn niet toegestaan (regel 1)" in message


def test_an_alias_bomb_in_lexicon_test_is_one_clear_line(tmp_path):
    import subprocess
    import sys

    path = write(tmp_path, ALIAS_BOMB, "eigen.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "taalcheck", "lexicon", "test", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"taalcheck: fout: {path}: YAML-ankers")
    assert result.stderr.count("\n") == 1


def test_an_oversized_lexicon_file_is_refused(tmp_path):
    from taalcheck.yamlfile import MAX_BYTES

    message = error_for(tmp_path, "entries: []\n# " + "x" * MAX_BYTES + "\n")
    assert "bestand is te groot" in message


def test_an_extension_lexicon_that_is_a_fifo_is_refused_not_waited_for(tmp_path):
    import os
    import subprocess
    import sys

    fifo = tmp_path / "eigen.yaml"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "taalcheck", "lexicon", "test", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "geen gewoon bestand" in result.stderr and "Traceback" not in result.stderr


def test_tags_at_the_top_of_a_file_apply_to_every_entry(tmp_path):
    (entry,) = load_file(
        write(
            tmp_path,
            "tags: [label]\n" + VALID.replace("severity: hint", "severity: hint\n    tags: [monitoring]"),
        )
    )
    assert entry.tags == ("label", "monitoring")
    assert "onbekend label 'geheim'" in error_for(tmp_path, "tags: [geheim]\n" + VALID)
