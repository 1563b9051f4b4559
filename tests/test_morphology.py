"""Word forms: the forms Dutch has, and no others (each rule with its own case)."""

from __future__ import annotations

import pytest

from taalcheck.lexicon.morphology import finite_forms, nominal_forms, verb_forms, verb_participles


@pytest.mark.parametrize(
    ("infinitive", "participle"),
    [
        ("toelaten", "toegelaten"),  # strong verb after a separable particle: 'ge' after the particle
        ("opvolgen", "opgevolgd"),  # weak verb after a separable particle
        ("aanpakken", "aangepakt"),
        ("afdwingen", "afgedwongen"),
        ("voorbereiden", "voorbereid"),  # particle + inseparable prefix: no 'ge'
        ("bespreken", "besproken"),  # inseparable prefix on a strong verb
        ("controleren", "gecontroleerd"),
        ("inspecteren", "geinspecteerd"),  # -eren after 'in': no particle after all (folded ï)
        ("ondersteunen", "ondersteund"),  # ambiguous particle: the inseparable reading
        ("overleggen", "overgelegd"),  # ... and the separable one
        ("overleggen", "overlegd"),
    ],
)
def test_participles(infinitive, participle):
    assert participle in verb_participles(infinitive)
    assert participle in verb_forms(infinitive)
    assert participle not in finite_forms(infinitive)


@pytest.mark.parametrize(
    ("infinitive", "never"),
    [
        ("opvolgen", "geopvolgd"),
        ("toelaten", "toelaten" + "e"),
        ("aanpakken", "geaanpakt"),
        ("ondersteunen", "geondersteund"),
        ("toetsen", "toegetst"),  # 'toe' + 'tsen' is no particle verb
    ],
)
def test_forms_dutch_does_not_have_are_not_generated(infinitive, never):
    assert never not in verb_forms(infinitive)


def test_a_particle_verb_written_without_bar_keeps_its_finite_forms():
    assert {"volgt", "volgde"} <= {form.removeprefix("op") for form in verb_forms("opvolgen")}
    assert "toeliet" in verb_forms("toelaten")


def test_nouns_get_no_comparative():
    forms = nominal_forms("strijd")
    assert {"strijd", "strijden", "strijdje", "strijdjes"} <= forms
    assert "strijder" not in forms and "strijdste" not in forms


@pytest.mark.parametrize(("base", "degree"), [("beheersbaar", "beheersbaarste"), ("hard", "harder")])
def test_adjectives_keep_their_degrees(base, degree):
    assert degree in nominal_forms(base)


@pytest.mark.parametrize(("noun", "diminutive"), [("koning", "koninkje"), ("regeling", "regelinkjes")])
def test_diminutive_of_ing(noun, diminutive):
    assert diminutive in nominal_forms(noun)


def test_strijder_is_not_reported_under_strijd():
    import taalcheck

    def rules(text: str) -> set[str]:
        return {finding.rule for finding in taalcheck.check_text(text, model="blank")}

    assert "strijd" not in rules("De advocaat is een echte strijder.")
    assert "strijd" in rules("Er is veel strijd tussen de ouders.")


def test_toegelaten_is_found_for_an_entry_written_without_bar(tmp_path):
    from taalcheck.documents import document_from_text
    from taalcheck.lexicon import load_lexicon
    from taalcheck.matching.engine import Checker
    from taalcheck.settings import Settings

    entry = tmp_path / "eigen.yaml"
    entry.write_text(
        "entries:\n  - id: toelaten\n    term: toelaten\n    principle: vertrouwen\n    severity: hint\n"
        "    reason: Eigen term.\n    alternatives: [iets anders]\n    patterns: ['toelaten:v']\n"
        "    examples: {flag: [Hij wordt toegelaten.]}\n",
        encoding="utf-8",
    )
    checker = Checker(load_lexicon((entry,), include_bundled=False), Settings(model="blank"))
    result = checker.check_document(document_from_text("Vader is niet toegelaten tot de zitting."))
    assert [finding.text for finding in result.findings] == ["toegelaten"]
