"""Context rules: each one lowers (or silences) where it should, and stays out where it should not."""

from __future__ import annotations

from taalcheck.model import Severity


def only(result, rule):
    (finding,) = [f for f in result.findings if f.rule == rule]
    return finding


def silenced_rules(result):
    return [f.rule for f in result.silenced]


def test_quotation_of_someone_else_is_at_most_a_hint(check):
    finding = only(check('Vader zei: "Dit is een vechtscheiding en dat blijft zo."'), "vechtscheiding")
    assert finding.severity == Severity.HINT and finding.mention
    assert "lager: citaat van vader" in finding.context
    finding = only(check("Moeder schreef: het is een vechtscheiding en niemand helpt."), "vechtscheiding")
    assert finding.severity == Severity.HINT and "lager: citaat van moeder" in finding.context


def test_authors_own_words_after_a_quote_are_not_lowered(check):
    finding = only(check('Vader zei: "Ik wil rust." Het blijft een vechtscheiding.'), "vechtscheiding")
    assert finding.severity == Severity.WARNING and not finding.mention


def test_scare_quotes_and_mentions(check):
    finding = only(check("In eerdere rapporten stond 'vechtscheiding' zonder uitleg."), "vechtscheiding")
    assert finding.severity == Severity.HINT and finding.mention
    assert "lager: tussen aanhalingstekens" in finding.context
    finding = only(check("De term vechtscheiding past niet bij deze ouders."), "vechtscheiding")
    assert finding.severity == Severity.HINT and "lager: genoemd als woord" in finding.context
    finding = only(check("Woorden als risicogestuurd werken zeggen weinig."), "risicogestuurd-werken")
    assert finding.mention


def test_apostrophe_of_a_plural_is_not_a_quotation(check):
    finding = only(check("De risico's van 'bezorgde' ouders worden beheerst."), "beheersing")
    assert finding.severity == Severity.SUGGESTION and not finding.mention


def test_rejection_by_the_writer(check):
    finding = only(check("Wij kiezen bewust niet voor escalatiebeheersing."), "escalatiebeheersing")
    assert finding.severity == Severity.HINT and "lager: de schrijver wijst dit af" in finding.context
    finding = only(check("Er is geen sprake van een vechtscheiding."), "vechtscheiding")
    assert finding.severity == Severity.HINT


def test_negation_of_something_else_does_not_hide_a_finding(check):
    finding = only(check("Zonder escalatiebeheersing zal er niets veranderen."), "escalatiebeheersing")
    assert finding.severity == Severity.WARNING
    finding = only(check("Het is niet eenvoudig, maar dit is een vechtscheiding."), "vechtscheiding")
    assert finding.severity == Severity.WARNING


def test_legal_term_named_as_court_decision_is_not_reported(check):
    result = check(
        "Bij beschikking van 3 maart 2025 heeft de kinderrechter een beschermingsmaatregel uitgesproken."
    )
    assert result.findings == []
    assert silenced_rules(result) == ["beschermingsmaatregel"]
    assert "niet gemeld" in result.silenced[0].context[0]


def test_legal_term_without_court_decision_is_reported(check):
    finding = only(
        check("Wij zetten een beschermingsmaatregel in om moeder te sturen."), "beschermingsmaatregel"
    )
    assert finding.severity == Severity.WARNING


def test_legal_sense_in_a_court_decision(check):
    decision = (
        "ECLI:NL:RBAMS:2025:1234. De rechtbank overweegt als volgt. Verzoeker stelt dat de zorgregeling niet werkt. "
        "Partijen zijn ter zitting gehoord."
    )
    result = check(decision)
    assert "partijen" not in [f.rule for f in result.findings]
    assert "partijen" in silenced_rules(result)


def test_legal_sense_in_a_report_is_reported(check):
    assert only(check("Beide partijen willen hun gelijk halen."), "partijen").severity == Severity.SUGGESTION


def test_safety_cues_lower_enforcement_wording(check):
    finding = only(check("Bij acuut gevaar legt de gezinsvoogd sancties op."), "sancties-opleggen")
    assert finding.severity == Severity.SUGGESTION and finding.original_severity == Severity.WARNING
    assert "lager: veiligheid of laatste redmiddel" in finding.context
    finding = only(
        check("Sancties worden pas opgelegd als laatste redmiddel, in een plan voor alle leefdomeinen."),
        "sancties-opleggen",
    )
    assert finding.severity == Severity.SUGGESTION


def test_safety_cues_leave_other_wording_alone(check):
    finding = only(check("Bij acuut gevaar blijft het een vechtscheiding."), "vechtscheiding")
    assert finding.severity == Severity.WARNING
    finding = only(check("Vader legt sancties op omdat hij boos is."), "sancties-opleggen")
    assert finding.severity == Severity.WARNING


def test_suppression_comments(check):
    text = "<!-- taalcheck: negeer vechtscheiding -->\nHet is een vechtscheiding. Nog een vechtscheiding."
    result = check(text)
    assert [f.text for f in result.findings] == ["vechtscheiding"]
    assert result.findings[0].start == text.rindex("vechtscheiding")
    result = check(
        "<!-- taalcheck: negeer-bestand vechtscheiding, onbestaand -->\nEen vechtscheiding, twee vechtscheidingen."
    )
    assert result.findings == []
    assert result.notices == ["regel 1: onbekend id 'onbestaand' in taalcheck-opmerking"]


def test_balance_leaves_quotes_out(check):
    result = check(
        'De samenwerking groeit. Moeder zei: "Het is een vechtscheiding en een strijd." Wij werken risicogestuurd.'
    )
    assert result.balance.control == 1  # the quoted vechtscheiding does not count
    assert result.balance.trust == 1
    assert result.balance.words == 15
    assert result.balance.ratio == 1.0


def test_names_of_programmes_are_not_the_writers_wording():
    from taalcheck.api import check_text

    text = "Het gezin is aangemeld bij het Expertteam ouderverstoting. Moeder spreekt van ouderverstoting."
    findings = check_text(text)
    assert [f.start for f in findings if f.rule == "ouderverstoting"] == [text.rindex("ouderverstoting")]


def test_geen_directly_before_the_term(check):
    assert only(check("Er is geen vechtscheiding."), "vechtscheiding").severity == Severity.HINT
    # 'geen' further away says something else
    assert (
        only(check("Geen van beide ouders ziet dat dit een vechtscheiding is."), "vechtscheiding").severity
        == Severity.WARNING
    )
