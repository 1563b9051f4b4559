"""Word forms: the forms Dutch has, and no others (each rule with its own case)."""

from __future__ import annotations

import pytest

from taalcheck.lexicon.morphology import (
    adjective_forms,
    finite_forms,
    noun_forms,
    verb_forms,
    verb_participles,
    word_class,
)


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


# -- nouns and adjectives: the word class decides the forms ---------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("strijd", "n"),
        ("perspectiefplan", "n"),
        ("beheersbaar", "a"),  # -baar
        ("veilig", "a"),  # -ig
        ("duidelijk", "a"),  # -lijk
        ("pathologisch", "a"),  # -isch
        ("manipulatief", "a"),  # -ief
        ("conflictueus", "a"),  # -eus
        ("controlerend", "a"),  # -end: a present participle
        ("risicovol", "a"),  # -vol
        ("ig", "n"),  # an ending alone is no adjective
    ],
)
def test_an_unmarked_word_is_an_adjective_by_its_ending(word, expected):
    assert word_class(word) == expected


@pytest.mark.parametrize(
    ("noun", "forms"),
    [
        ("strijd", {"strijd", "strijden", "strijds"}),  # plural -en, genitive -s
        ("moeder", {"moeders"}),  # plural -s
        ("behoefte", {"behoeften", "behoeftes"}),  # -n and -s after -e
        ("risico", {"risicos"}),  # risico's, folded
        ("gesprek", {"gesprekken"}),  # a short stressed vowel doubles the consonant
        ("probleem", {"problemen"}),  # a long vowel is written single in an open syllable
        ("brief", {"brieven"}),  # f -> v between vowels
        ("huis", {"huizen"}),  # s -> z
        ("idee", {"ideeen"}),  # ideeën, folded
    ],
)
def test_noun_plurals(noun, forms):
    assert forms <= noun_forms(noun)


@pytest.mark.parametrize(
    ("noun", "diminutive"),
    [
        ("kind", "kindje"),  # -je after most consonants
        ("deur", "deurtje"),  # -tje after a long vowel and l, n, r
        ("moeder", "moedertje"),  # ... and after an unstressed -er
        ("probleem", "probleempje"),  # -pje after m
        ("plan", "plannetje"),  # -etje after a short vowel, consonant doubled
        ("brug", "bruggetje"),
        ("belang", "belangetje"),  # -etje after ng
        ("koning", "koninkje"),  # -ing -> -inkje
        ("regeling", "regelinkjes"),
        ("ruzie", "ruzietje"),  # -tje after a vowel
        ("risico", "risicootje"),  # a final a, o, u doubles
    ],
)
def test_noun_diminutives(noun, diminutive):
    assert diminutive in noun_forms(noun)


@pytest.mark.parametrize(
    ("noun", "never"),
    [
        ("strijd", "strijder"),  # a person, not a form of strijd
        ("strijd", "strijdste"),
        ("strijd", "strijde"),  # nouns take no adjective -e
        ("ouder", "oudere"),  # 'oudere' is the adjective oud, not the noun ouder
        ("plan", "plantje"),  # a plant; the diminutive of plan is plannetje
        ("plan", "plankje"),  # a plank
        ("plan", "planen"),
        ("kind", "kindpje"),
        ("vermogen", "vermogenen"),  # a noun in -en has its plural in -s
        ("kat", "katen"),  # one syllable: the short vowel always doubles
    ],
)
def test_nouns_get_no_forms_of_other_words(noun, never):
    assert never not in noun_forms(noun)


@pytest.mark.parametrize(
    ("adjective", "forms"),
    [
        ("hard", {"harde", "harder", "hardere", "hardst", "hardste", "hards"}),  # -e, degrees, partitive
        ("strak", {"strakke", "strakker"}),  # doubled consonant
        ("hoog", {"hoge", "hoger"}),  # single vowel in an open syllable
        ("agressief", {"agressieve"}),  # f -> v
        ("boos", {"boze", "boost"}),  # s -> z; superlative of an adjective in -s
        ("duur", {"dure", "duurder"}),  # -der after r
        ("beheersbaar", {"beheersbare", "beheersbaarste"}),
        ("rigide", {"rigider", "rigidere", "rigidest"}),  # an adjective in -e
        ("zwak", {"zwakken"}),  # as a noun: de zwakken
        ("gedwongen", {"gedwongen"}),  # a participle in -en takes no -e
    ],
)
def test_adjective_forms(adjective, forms):
    assert forms <= adjective_forms(adjective)


@pytest.mark.parametrize(
    ("adjective", "never"),
    [
        ("hard", "hardje"),  # adjectives have no diminutive
        ("hard", "hardtje"),
        ("gedwongen", "gedwongene"),
        ("strak", "strake"),  # the short vowel needs its doubled consonant
        ("veilig", "veiligge"),  # an unstressed -ig never doubles
    ],
)
def test_adjectives_get_no_noun_forms(adjective, never):
    assert never not in adjective_forms(adjective)


def test_the_pattern_marker_decides_the_class():
    from taalcheck.lexicon.patterns import parse_pattern

    (noun,), (adjective,), (plain,) = (
        parse_pattern(source).groups[0] for source in ("gareel:n", "hard:a", "strijd")
    )
    assert (noun.kind, adjective.kind, plain.kind) == ("n", "a", "n")
    assert "harder" in adjective.forms and "strijder" not in plain.forms
    assert noun.forms == noun_forms("gareel")


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
