"""Matching as a Dutch reader expects it: inflection, spelling, compounds, split verbs."""

from __future__ import annotations

import pytest


def rules(result) -> list[str]:
    return [finding.rule for finding in result.findings]


def texts(result, rule: str) -> list[str]:
    return [finding.text for finding in result.findings if finding.rule == rule]


@pytest.mark.parametrize(
    ("sentence", "rule", "passage"),
    [
        ("Er kwamen sancties en sancties werden opgelegd.", "sancties-opleggen", "sancties werden opgelegd"),
        ("Er volgen controles en wij controleren moeder.", "controleren", "controleren"),
        ("De jeugdbeschermer controleerde de school.", "controleren", "controleerde"),
        ("De omgang wordt gecontroleerd.", "controleren", "gecontroleerd"),
        ("Het gecontroleerde contact liep goed.", "controleren", "gecontroleerde"),
        ("Vader forceerde het contact.", "forceren", "forceerde"),
        ("De situatie wordt beheerst.", "beheersing", "beheerst"),
        ("Zij beheerste de gesprekken.", "beheersing", "beheerste"),
        ("Wij kiezen een risicogestuurde aanpak.", "risicogestuurd-werken", "risicogestuurde"),
        ("Beide partijen zijn gehoord.", "partijen", "partijen"),
    ],
)
def test_inflections_are_found_without_listing_them(check, sentence, rule, passage):
    assert passage in texts(check(sentence), rule)


def test_plural_and_diminutive(check):
    assert texts(check("Er kwamen twee vechtscheidingen voorbij."), "vechtscheiding") == ["vechtscheidingen"]
    assert texts(check("Het leek een klein vechtscheidinkje."), "vechtscheiding") == ["vechtscheidinkje"]


@pytest.mark.parametrize(
    "written",
    [
        "risico-gestuurd",
        "risico gestuurd",
        "risicogestuurd",
        "Risicogestuurd",
        "RISICO-GESTUURD",
        "risico–gestuurd",
    ],
)
def test_spelling_variants_hyphen_space_case(check, written):
    assert texts(check(f"Wij werken {written}."), "risicogestuurd-werken") == [written]


def test_line_break_inside_a_phrase(check):
    result = check("Wij werken risico-\ngestuurd en escalatie\nbeheersing staat voorop.")
    assert texts(result, "risicogestuurd-werken") == ["risico-\ngestuurd"]
    assert texts(result, "escalatiebeheersing") == ["escalatie\nbeheersing"]


def test_missing_diaeresis(check):
    assert texts(check("Het contact is geescaleerd en daarna geëscaleerd."), "escaleren") == [
        "geescaleerd",
        "geëscaleerd",
    ]


@pytest.mark.parametrize("written", ["risico's", "risico’s", "risicos", "Risico's"])
def test_apostrophes(check, written):
    assert texts(check(f"De {written} zijn besproken."), "risicos") == [written]


@pytest.mark.parametrize(
    ("sentence", "rule", "passage"),
    [
        ("Er lopen kinderbeschermingsmaatregelen.", "beschermingsmaatregel", "kinderbeschermingsmaatregelen"),
        ("Het escalatiebeheersingsplan ligt klaar.", "escalatiebeheersing", "escalatiebeheersingsplan"),
        ("Het is een vechtscheidingszaak.", "vechtscheiding", "vechtscheidingszaak"),
        ("De vechtscheidingenproblematiek groeit.", "vechtscheiding", "vechtscheidingenproblematiek"),
        (
            "Een dader-slachtofferdynamiek ontstaat snel.",
            "dader-slachtofferdynamiek",
            "dader-slachtofferdynamiek",
        ),
        (
            "Een dader slachtofferdynamiek ontstaat snel.",
            "dader-slachtofferdynamiek",
            "dader slachtofferdynamiek",
        ),
    ],
)
def test_compounds(check, sentence, rule, passage):
    assert texts(check(sentence), rule) == [passage]


@pytest.mark.parametrize(
    "sentence",
    [
        "Zijn taalbeheersing is goed.",
        "Zij toont veel zelfbeheersing.",
        "Door zelfbeheersingsproblemen lukt het niet.",
    ],
)
def test_false_friends_stay_quiet(check, sentence):
    assert "beheersing" not in rules(check(sentence))


def test_short_prefix_is_not_a_compound(check):
    # 'ver' + 'partijen' and 'be' + 'heersing' are derivations, not compounds with the term.
    assert rules(check("Zij verpartijen niets en de heersing is voorbij.")) == []


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        ("De gezinsvoogd legt vader een sanctie op.", ["legt", "sanctie op"]),
        ("Sancties worden opgelegd als het misgaat.", ["Sancties", "opgelegd"]),
        ("Het opleggen van sancties helpt niet.", ["opleggen", "sancties"]),
        ("Zij besloot sancties op te leggen.", ["sancties op te leggen"]),
        ("Daarna legde de gezinsvoogd sancties op.", ["legde", "sancties op"]),
    ],
)
def test_split_verbs_and_collocations(check, sentence, parts):
    (finding,) = [f for f in check(sentence).findings if f.rule == "sancties-opleggen"]
    assert [sentence[s:e] for s, e in finding.spans] == parts
    assert finding.text == sentence[finding.start : finding.end]


def test_separable_verb_alone(check):
    result = check(
        "Vader dwingt het contact af. De Raad adviseert de omgang af te dwingen. Het is afgedwongen."
    )
    assert texts(result, "afdwingen") == ["dwingt het contact af", "af te dwingen", "afgedwongen"]


def test_verb_with_prepositional_object(check):
    result = check("Ik sprak moeder aan op haar gedrag. Moeder wordt hierop aangesproken.")
    assert texts(result, "aanspreken-op") == ["sprak moeder aan op", "hierop aangesproken"]


def test_split_verb_stays_inside_its_clause(check):
    assert "sancties-opleggen" not in rules(
        check("Er waren sancties, maar de ouders legden de nadruk op samenwerking.")
    )
    assert "sancties-opleggen" not in rules(check("Hij legt het boek met een sanctie op de tafel."))


def test_offsets_refer_to_the_text_as_given(check):
    text = "Titel\r\n\r\nWij werken ﬂexibel en risico-gestuurd."
    (finding,) = check(text).findings
    assert text[finding.start : finding.end] == "risico-gestuurd"
    assert (finding.line, finding.column) == (3, 23)  # 'ﬂ' is one character
    assert (finding.end_line, finding.end_column) == (3, 38)


def test_ligature_damage_from_pdf_extraction(check):
    text = "De con� ictsituatie is lang. Er is een dader-\nslachto� erdynamiek."
    result = check(text)
    assert texts(result, "conflictsituatie") == ["con� ictsituatie"]
    assert texts(result, "dader-slachtofferdynamiek") == ["dader-\nslachto� erdynamiek"]


def test_more_specific_entry_wins(check):
    assert rules(check("Escalatiebeheersing is het doel.")) == ["escalatiebeheersing"]
    assert rules(check("Vader legt sancties op.")) == ["sancties-opleggen"]


def test_trust_wording_is_counted_not_reported(check):
    result = check("De samenwerking tussen de ouders groeit; zij werken samen en nemen eigen regie.")
    assert result.findings == []
    assert sorted(p.rule for p in result.positives) == ["eigen-regie", "samenwerking", "samenwerking"]


def test_short_parenthetical_does_not_end_the_clause(check):
    result = check("Vader (42) dwingt het contact af.")
    assert texts(result, "afdwingen") == ["dwingt het contact af"]


def test_coordinated_clause_with_its_own_subject_is_separate(check):
    # 'dwingt' and 'af' belong to different clauses: nothing to flag for afdwingen.
    assert "afdwingen" not in rules(check("Vader dwingt niets en wij zetten de afspraak af."))


def test_no_cap_on_findings_in_one_sentence(check):
    # A sentence (or a long run without full stops) with many occurrences reports every one of them.
    text = "Er was sprake van " + ", ".join(["escalatiebeheersing"] * 70) + "."
    result = check(text)
    assert texts(result, "escalatiebeheersing") == ["escalatiebeheersing"] * 70
    assert all(text[f.start : f.end] == f.text for f in result.findings)


def test_many_two_part_matches_in_one_sentence(check):
    # Each 'legt ... sancties op' pair is found once, also past the old limit of 64 per sentence.
    text = "Zij " + ", ".join(["legt sancties op"] * 80) + "."
    assert len(text) < 1500  # one sentence (longer ones are cut into pieces)
    result = check(text)
    assert texts(result, "sancties-opleggen") == ["legt sancties op"] * 80
