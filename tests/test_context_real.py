"""Context as a Dutch reader sees it, with the bundled lexicon: each class lowers where it must and
stays out where it must not. The sentences come from the kinds of errors found on real texts
(court decisions, reports, blogs); they are written here, not copied from those texts."""

from __future__ import annotations

import pytest

from taalcheck.api import check_text_result
from taalcheck.model import FileResult, Finding, Severity
from taalcheck.settings import Settings

SETTINGS = Settings()


def run(text: str) -> FileResult:
    return check_text_result(text, settings=SETTINGS)


def finding(text: str, rule: str) -> Finding:
    found = [f for f in run(text).findings if f.rule == rule]
    assert len(found) == 1, (text, [(f.rule, f.text) for f in run(text).findings])
    return found[0]


def silenced(text: str, rule: str) -> Finding:
    result = run(text)
    assert rule not in {f.rule for f in result.findings}, text
    found = [f for f in result.silenced if f.rule == rule]
    assert found, (text, [(f.rule, f.text) for f in result.findings])
    return found[0]


# -- negation and refusal ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Wij dwingen de omgang niet af.", "afdwingen"),
        ("De raad adviseert de omgang niet af te dwingen.", "afdwingen"),
        ("Het is niet nodig om sancties op te leggen.", "sancties-opleggen"),
        ("Wij zullen vader geen sanctie opleggen.", "sancties-opleggen"),
        ("De gezinsvoogd werkt zonder dwang.", "dwingen"),
        ("Er is geen reden om de omgang af te dwingen.", "afdwingen"),
        ("Wij willen niet dat de omgang wordt afgedwongen.", "afdwingen"),
    ],
)
def test_the_writer_refusing_a_control_action_gets_at_most_a_hint(text, rule):
    found = finding(text, rule)
    assert found.severity == Severity.HINT
    assert "lager: de schrijver wijst dit af" in found.context


@pytest.mark.parametrize(
    ("text", "rule", "severity"),
    [
        ("Wij dwingen de omgang af.", "afdwingen", Severity.WARNING),
        ("Vader werkt niet mee, dus dwingen wij de omgang af.", "afdwingen", Severity.WARNING),
        (
            "Wij leggen niet alleen sancties op, maar praten ook met vader.",
            "sancties-opleggen",
            Severity.WARNING,
        ),
        ("Zonder dwang verandert er niets, zegt de gezinsvoogd.", "dwingen", Severity.SUGGESTION),
        ("De ouders laten zich niet begeleiden en sturen.", "aansturen", Severity.SUGGESTION),
    ],
)
def test_a_negation_of_something_else_leaves_the_finding(text, rule, severity):
    assert finding(text, rule).severity == severity


def test_a_negation_that_is_the_term_itself_is_still_found():
    assert (
        finding("Vader is een niet-meewerkende ouder.", "niet-meewerkende-ouder").severity == Severity.WARNING
    )
    assert finding("Moeder heeft geen probleembesef.", "geen-probleembesef").severity == Severity.SUGGESTION


# -- attribution ---------------------------------------------------------------------------


def test_words_named_as_someone_elses_are_theirs():
    found = finding("Vader spreekt van ouderverstoting.", "ouderverstoting")
    assert found.severity == Severity.HINT and "lager: woorden van vader" in found.context
    found = finding("Volgens moeder is dit een vechtscheiding.", "vechtscheiding")
    assert "lager: woorden van moeder" in found.context
    found = finding("Moeder noemt het een vechtscheiding.", "vechtscheiding")
    assert found.severity == Severity.HINT


def test_an_institutions_reported_view_is_lowered_a_parents_summary_is_not():
    found = finding("De kinderombudsman schreef dat de wijkteams dwang toepassen.", "dwingen")
    assert (
        found.severity == Severity.HINT
        and "lager: weergave van het standpunt van de kinderombudsman" in found.context
    )
    # In a report the writer summarises a parent's view in the writer's own words.
    found = finding("Vader vertelt dat Sem het contact weigert.", "kind-weigert-contact")
    assert found.severity == Severity.SUGGESTION


def test_the_writers_own_words_are_not_attributed():
    assert finding("Wij spreken van een vechtscheiding.", "vechtscheiding").severity == Severity.WARNING
    assert (
        finding("Het blijft een vechtscheiding, zegt vader niet.", "vechtscheiding").severity
        == Severity.WARNING
    )


# -- quotes --------------------------------------------------------------------------------


def test_a_quote_over_a_line_break_is_a_quote():
    text = "Moeder zegt: “Ik word behandeld alsof ik een zorgmijder ben, terwijl ik gewoon\nrust wil.”"
    found = finding(text, "zorgmijder")
    assert found.severity == Severity.HINT and "lager: citaat van moeder" in found.context


@pytest.mark.parametrize(
    "text",
    [
        "Vader zei: `Dit is een vechtscheiding en niemand luistert naar mij.'",
        "Vader zei: „Dit is een vechtscheiding en niemand luistert naar mij.”",
        "Vader zei: «Dit is een vechtscheiding en niemand luistert naar mij.»",
        "Vader zei: ‘Dit is een vechtscheiding en niemand luistert naar mij.”",
        "Vader zegt: “Dit is een vechtscheiding\nen niemand luistert\nnaar mij",
    ],
)
def test_every_quote_style_and_an_unclosed_quote_after_a_speaker(text):
    assert finding(text, "vechtscheiding").severity == Severity.HINT


def test_a_stray_quote_mark_does_not_turn_the_writers_text_into_a_quote():
    found = finding("“Bij een vechtscheiding lijden de kinderen het meest.", "vechtscheiding")
    assert found.severity == Severity.WARNING


# -- legal acts and names ------------------------------------------------------------------


def test_a_measure_named_as_the_courts_decision_in_the_sentence_before():
    text = (
        "Bij beschikking van 12 maart 2024 heeft de kinderrechter Noa onder toezicht gesteld. "
        "Deze beschermingsmaatregel loopt af op 12 maart 2025."
    )
    assert silenced(text, "beschermingsmaatregel").context


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("De kinderrechter legt een jeugdbeschermingsmaatregel op.", "opleggen"),
        ("Het kan zo zijn dat de rechter dwangmaatregelen oplegt aan de moeder.", "opleggen"),
        ("De ondertoezichtstelling is door de kinderrechter uitgesproken, met een sanctie.", "sanctie"),
    ],
)
def test_a_court_as_the_actor_makes_it_a_legal_fact(text, rule):
    assert silenced(text, rule).context


def test_the_measure_as_a_lever_stays_a_finding():
    text = "Wij zetten de beschermingsmaatregel in om moeder te laten meewerken."
    assert finding(text, "beschermingsmaatregel").severity == Severity.SUGGESTION
    # A request to the court is not the court's decision.
    assert (
        finding("Vader probeert via de rechter de omgang af te dwingen.", "afdwingen").severity
        == Severity.WARNING
    )


def test_statutory_names_are_legal_facts_an_indefinite_measure_is_not():
    found = finding("U kunt te maken krijgen met een kinderbeschermingsmaatregel.", "beschermingsmaatregel")
    assert found.severity == Severity.HINT
    found = finding("Wij overwegen een beschermingsmaatregel.", "beschermingsmaatregel")
    assert found.severity == Severity.SUGGESTION


def test_names_titles_addresses_and_file_names_are_not_the_writers_wording():
    assert silenced("Wij gebruiken het Licht Instrument Risicotaxatie Kindveiligheid.", "risicotaxatie")
    text = "Arum, S. (2016). Eerst samenwerken, dan samenwerken voor risicogestuurde zorg. Utrecht."
    assert silenced(text, "risicogestuurd-werken")
    assert silenced("Zie www.voorbeeld.nl/vechtscheiding voor meer.", "vechtscheiding")
    assert silenced("Het bestand heet rapport-vechtscheiding.docx en staat klaar.", "vechtscheiding")
    # A capitalised word at the start of a sentence is not a name.
    assert (
        finding("Vechtscheidingen vragen veel van kinderen.", "vechtscheiding").severity == Severity.WARNING
    )


# -- register per paragraph ----------------------------------------------------------------


def test_a_legal_header_does_not_switch_off_the_rest_of_the_report():
    header = (
        "Zaaknummer rechtbank: C/15/1234. Bij beschikking heeft de rechtbank de raad verzocht te onderzoeken."
    )
    body = "De ouders zijn niet in staat om de belangen van de kinderen voorop te stellen."
    alone = {f.rule for f in run(body).findings}
    together = {f.rule for f in run(f"{header}\n\n{body}").findings}
    assert "niet-in-staat" in alone and alone <= together


def test_legal_register_in_the_same_paragraph_still_counts():
    text = "De rechtbank overweegt dat het verzoek van de vader niet in het belang van het kind is."
    assert silenced(text, "belang-van-het-kind-leeg")


# -- word sense ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("De raad adviseert de huidige omgangsregeling voor Lotte te handhaven.", "handhaven"),
        ("Ondertoezichtstelling is een ingrijpende maatregel.", "ingrijpen"),
        ("Het verzoek is in strijd met de wet.", "strijd"),
        ("De advocaten van partijen schrijven elkaar.", "tegenpartij"),
        ("In de wijk werken verschillende partijen samen aan opvoedsteun.", "tegenpartij"),
        ("Alle partijen in de jeugdketen delen hun informatie.", "tegenpartij"),
        ("De leerkracht zag toe hoe het gesprek op een ruzie uitliep.", "toezicht-houden"),
        ("Het monitoren van de groei op populatieniveau hoort bij de jeugdarts.", "monitoren"),
        ("De monitoring van de wachtlijsten gebeurt elk kwartaal.", "monitoren"),
        ("Het team werkt met een door de inspectie gesanctioneerd protocol.", "sanctie"),
        ("De huisarts is verplicht een medisch dossier aan te leggen.", "dossier-opbouwen"),
    ],
)
def test_a_word_in_another_sense_is_not_reported(text, rule):
    assert silenced(text, rule)


@pytest.mark.parametrize(
    ("text", "rule", "severity"),
    [
        ("De gezinsvoogd gaat de afspraken streng handhaven.", "handhaven", Severity.SUGGESTION),
        ("Ouders zijn verwikkeld in een strijd met elkaar.", "strijd", Severity.HINT),
        ("Beide partijen willen dat Eva bij hen komt wonen.", "tegenpartij", Severity.SUGGESTION),
        ("De gezinsvoogd ziet toe op de omgang.", "toezicht-houden", Severity.HINT),
        ("De thuissituatie wordt gemonitord door de jeugdbeschermer.", "monitoren", Severity.SUGGESTION),
        ("Wij monitoren of vader zijn medicatie gebruikt.", "monitoren", Severity.SUGGESTION),
        ("Bij herhaling volgen sancties.", "sanctie", Severity.SUGGESTION),
        ("Wij leggen een dossier aan over de overdrachten.", "dossier-opbouwen", Severity.SUGGESTION),
        ("Wij zullen vader dwingen om mee te doen aan de cursus.", "dwingen", Severity.SUGGESTION),
    ],
)
def test_the_control_sense_is_still_reported(text, rule, severity):
    assert finding(text, rule).severity == severity


@pytest.mark.parametrize(
    "text",
    [
        "Moeder voelde zich gedwongen om de afspraak af te zeggen.",
        "Ik heb mezelf gedwongen om rustig te blijven.",
    ],
)
def test_feeling_forced_is_an_experience_not_the_writers_coercion(text):
    found = finding(text, "dwingen")
    assert found.severity == Severity.HINT
    assert any("zich gedwongen" in note for note in found.context)


# -- mentions and definitions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Ik maak een onderscheid tussen oudervervreemding en ouderverstoting.", "ouderverstoting"),
        ("Het wordt vaak opgevat als multiprobleemgezin.", "multiprobleemgezin"),
        ("We spreken pas van een vechtscheiding als de ruzie jaren duurt.", "vechtscheiding"),
        ("Drang is dreigen met een ondertoezichtstelling.", "dreigen-met"),
        ("De zogeheten vechtscheiding is geen diagnose.", "vechtscheiding"),
    ],
)
def test_mentioned_or_defined_words_get_at_most_a_hint(text, rule):
    found = [f for f in run(text).findings if f.rule == rule]
    assert found and all(f.severity == Severity.HINT for f in found)


def test_using_a_term_is_not_mentioning_it():
    found = finding(
        "Als we het hebben over hoog-conflictscheidingen, gaat het om veel kinderen.", "hoogconflictscheiding"
    )
    assert found.severity == Severity.SUGGESTION
    assert finding("Vader is manipulatief.", "manipulatief").severity == Severity.WARNING


# -- safety --------------------------------------------------------------------------------


def test_firm_wording_in_acute_danger_is_lowered_and_a_hint_is_dropped_with_a_note():
    text = "Na een melding van huiselijk geweld is acuut ingegrepen door de politie."
    dropped = silenced(text, "ingrijpen")
    assert any(note.startswith("niet gemeld: veiligheid") for note in dropped.context)
    found = finding("Bij acute onveiligheid monitoren wij de situatie dagelijks.", "monitoren")
    assert found.severity == Severity.HINT


def test_labels_are_not_lowered_by_danger_nearby():
    found = finding("Bij acuut gevaar blijft moeder manipulatief.", "manipulatief")
    assert found.severity == Severity.WARNING
    assert finding("Wij monitoren de ouders.", "monitoren").severity == Severity.SUGGESTION


# -- trust wording follows the same rules --------------------------------------------------


def test_negated_and_quoted_trust_wording_does_not_count():
    assert run("Wij bouwen vertrouwen op met moeder.").balance.trust == 1
    assert run("Moeder heeft geen enkel vertrouwen meer in de hulpverlening.").balance.trust == 0
    assert run("Er is geen samenwerking mogelijk met vader.").balance.trust == 0
    assert run('Vader zei: "Wij hebben een goede samenwerking, echt waar."').balance.trust == 0
    assert run("Er is een gebrek aan vertrouwen in de vader.").balance.trust == 0
    assert run("Er is geen gebrek aan vertrouwen.").balance.trust == 1


def test_what_the_child_shows_counts_what_a_parent_shows_does_not():
    assert run("Sem laat zien dat hij het moeilijk vindt.").balance.trust == 1
    assert run("De vader heeft laten zien dat hij de afspraken nakomt.").balance.trust == 0


# -- what context kept back is shown in every format ---------------------------------------


def test_dropped_passages_are_listed_with_their_reason_in_json_text_html_and_sarif():
    import json

    from taalcheck.model import CheckResult
    from taalcheck.report.html import render_html
    from taalcheck.report.json_output import render_json
    from taalcheck.report.sarif import render_sarif
    from taalcheck.report.text import dropped_line

    result = CheckResult(
        [run("Bij beschikking van 3 maart heeft de rechter een beschermingsmaatregel uitgesproken.")]
    )
    assert not result.findings
    data = json.loads(render_json(result))
    (dropped,) = data["files"][0]["dropped"]
    assert dropped["rule"] == "beschermingsmaatregel" and dropped["context"][0].startswith("niet gemeld")
    assert data["summary"]["dropped"] == 1
    assert "Niet gemeld: 1 passage" in dropped_line(result)
    page = render_html(result)
    assert "Niet gemeld (1)" in page and "beschermingsmaatregel" in page
    (suppressed,) = json.loads(render_sarif(result))["runs"][0]["results"]
    assert suppressed["suppressions"][0]["justification"].startswith("niet gemeld")


def test_a_quote_that_runs_over_a_pdf_page_break_is_still_a_quote(tmp_path):
    from fpdf import FPDF

    from taalcheck.api import check_file_result

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for page in ('Moeder zegt: "Het is allemaal een grote', 'vechtscheiding en niemand luistert naar mij."'):
        pdf.add_page()
        pdf.multi_cell(0, 8, page)
    pdf.output(str(tmp_path / "verslag.pdf"))
    result = check_file_result(tmp_path / "verslag.pdf", settings=SETTINGS)
    (found,) = [f for f in result.findings if f.rule == "vechtscheiding"]
    assert found.severity == Severity.HINT and any(note.startswith("lager: citaat") for note in found.context)


def test_a_claim_reported_with_zou_is_lowered_advice_with_zou_is_not():
    found = finding("Vader zou de omgang hebben gefrustreerd.", "frustreren-omgang")
    assert found.severity == Severity.HINT and "lager: weergegeven als bewering ('zou')" in found.context
    assert (
        finding("Het zou beter zijn om sancties op te leggen.", "sancties-opleggen").severity
        == Severity.WARNING
    )
    assert finding("Wij zouden de omgang afdwingen.", "afdwingen").severity == Severity.WARNING


def test_a_capitalised_name_mid_sentence_is_a_name():
    assert silenced("Het kader Risicogestuurde zorg wordt in de regio ingevoerd.", "risicogestuurd-werken")
    found = finding("Samenvatting\nVechtscheidingen vragen veel van kinderen.", "vechtscheiding")
    assert found.severity == Severity.WARNING


def test_more_reported_words_and_rejections():
    found = finding("Hulpverleners spreken in zulke gevallen vaak van een vechtscheiding.", "vechtscheiding")
    assert "lager: woorden van hulpverleners" in found.context
    text = "De vader verzoekt de rechtbank om een dwangsom. De moeder voert aan dat de vader de omgang frustreert."
    assert finding(text, "frustreren-omgang").severity == Severity.HINT
    assert finding("Dwang werkt averechts, zo blijkt uit onderzoek.", "dwingen").severity == Severity.HINT
    assert (
        finding("Sancties opleggen helpt niet, daarom praten we.", "sancties-opleggen").severity
        == Severity.HINT
    )
    # A negation that belongs to another phrase ends at 'en'.
    found = finding("Moeder heeft geen probleembesef en werkt de hulpverlening tegen.", "tegenwerken")
    assert found.severity == Severity.WARNING
    # 'volgens de wet' is a legal fact, not somebody's words.
    result = run("Volgens de Jeugdwet kan de gemeente een jeugdbeschermingsmaatregel verzoeken.")
    assert not any("woorden van" in note for f in result.findings + result.silenced for note in f.context)


# -- the court in a subordinate clause or reporting a decision -----------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Jeugdbescherming is een maatregel die de rechter dwingend oplegt.", "opleggen"),
        ("Er zijn drie maatregelen die de kinderrechter kan opleggen.", "opleggen"),
        ("Sinds de kinderrechter in maart de maatregel heeft opgelegd, gaat het beter.", "opleggen"),
    ],
)
def test_a_court_acting_in_a_relative_or_time_clause_is_a_legal_fact(text, rule):
    assert silenced(text, rule)


@pytest.mark.parametrize(
    "text",
    [
        "Het hof heeft benadrukt dat de GI de regie zal houden over de zorgregeling.",
        "De rechter heeft bepaald dat de gezinsvoogd de regie houdt over de omgang.",
    ],
)
def test_what_the_court_decided_in_its_own_words_is_lowered(text):
    found = finding(text, "regie-nemen")
    assert found.severity == Severity.HINT
    assert "lager: weergave van wat de rechter besliste of overwoog" in found.context


@pytest.mark.parametrize(
    ("text", "rule", "severity"),
    [
        (
            "Als moeder de omgang blijft frustreren, kan de rechter een dwangsom opleggen.",
            "frustreren-omgang",
            Severity.WARNING,
        ),
        ("De gezinsvoogd houdt de regie over de omgang.", "regie-nemen", Severity.SUGGESTION),
        (
            "Wij vragen de rechter om een maatregel, zodat de gezinsvoogd de regie houdt over de omgang.",
            "regie-nemen",
            Severity.SUGGESTION,
        ),
    ],
)
def test_the_writers_clause_next_to_a_court_stays_the_writers(text, rule, severity):
    assert finding(text, rule).severity == severity


def test_monitoring_as_a_task_of_the_municipality_is_policy_not_control():
    assert silenced("Rol van de opdrachtgever: aansturing, inkoop, monitoring en evaluatie.", "monitoren")
    assert silenced("De gemeenten monitoren de kwaliteit van de dienstverlening.", "monitoren")
    assert finding("De jeugdbeschermer monitort de thuissituatie van Noor.", "monitoren")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Moeder kan Sem niet in het gareel houden.", "in-het-gareel"),
        ("De vader heeft zonder geldige reden iedere medewerking geweigerd.", "niet-meewerkende-ouder"),
    ],
)
def test_inability_or_a_negation_of_something_else_is_not_a_rejection(text, rule):
    found = finding(text, rule)
    assert found.severity == Severity.WARNING
    assert "lager: de schrijver wijst dit af" not in found.context


@pytest.mark.parametrize(
    "text",
    [
        "Wij kunnen vader niet dwingen om mee te doen.",
        "Wij werken zonder enige vorm van dwang.",
    ],
)
def test_the_writers_own_limit_or_refusal_still_counts_as_a_rejection(text):
    found = finding(text, "dwingen")
    assert found.severity == Severity.HINT
    assert "lager: de schrijver wijst dit af" in found.context


def test_a_match_does_not_run_into_a_clause_opened_by_voor_het_geval():
    result = run(
        "Er is een dwangsom opgelegd aan moeder voor het geval zij niet voldoet aan de omgangsregeling."
    )
    assert all("voor het geval" not in f.text for f in result.findings)


# -- oversight of organisations, newspaper quotes, pressure on a child, legal definitions ----


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Het toezicht op de kinderopvang is risicogestuurd.", "risicogestuurd-werken"),
        ("Dit zijn de regels waar de inspectie op controleert.", "controleren-ouder"),
        ("Toezicht, inspectie en handhaving in de jeugdhulp.", "handhaven"),
        # A 'toezichthouder' or 'wethouder' is no 'ouder', whatever its last letters.
        ("De toezichthouder werkt risicogestuurd bij de kinderopvang.", "risicogestuurd-werken"),
    ],
)
def test_oversight_of_organisations_is_not_control_of_a_family(text, rule):
    assert "toezicht op organisaties" in silenced(text, rule).context[0]


def test_control_of_a_family_next_to_an_organisation_stays():
    assert finding("De instelling werkt risicogestuurd met ouders.", "risicogestuurd-werken")
    assert finding("In de jeugdbescherming werken wij risicogestuurd.", "risicogestuurd-werken")
    assert finding("De instelling legt sancties op.", "sancties-opleggen")
    assert finding(
        "Het toezicht op pleeggezinnen bij de aanbieder is risicogestuurd.", "risicogestuurd-werken"
    )


def test_a_newspaper_quote_opened_with_two_commas_is_a_quote():
    found = finding(",,Dit is een vechtscheiding en dat duurt lang'', zegt de wethouder.", "vechtscheiding")
    assert found.severity == Severity.HINT
    assert "lager: citaat" in found.context


@pytest.mark.parametrize(
    "text",
    [
        "Het kind is door deze ouder zo ver onder druk gezet dat het contact stopte.",
        "Moeder zet veel druk op de kinderen om niet naar vader te gaan.",
    ],
)
def test_pressure_on_a_child_described_is_not_a_professionals_lever(text):
    assert finding(text, "drukmiddel").severity == Severity.HINT


def test_pressure_on_a_parent_stays_a_warning():
    assert (
        finding("De gezinsvoogd zet flink druk op vader om mee te doen.", "drukmiddel").severity
        == Severity.WARNING
    )


def test_a_measure_explained_by_what_it_means_is_a_legal_fact():
    assert silenced(
        "Een ondertoezichtstelling betekent dat ouders gedwongen worden hulp te aanvaarden.", "dwingen"
    )


def test_cooperation_between_organisations_is_not_counted_as_trust_wording():
    assert run("De samenwerking tussen de gemeente en de instellingen verloopt goed.").balance.trust == 0
    assert run("De samenwerking met de ouders verloopt goed.").balance.trust == 1


def test_a_court_that_is_merely_the_subject_does_not_make_a_label_its_decision():
    assert finding(
        "De rechtbank heeft voor vechtscheidingen afspraken gemaakt.", "vechtscheiding"
    ).severity == (Severity.WARNING)


def test_keeping_a_child_in_line_is_about_upbringing_not_about_parents():
    assert finding(
        "Ouders die hem niet in het gareel kunnen houden, vragen om hulp.", "in-het-gareel"
    ).severity == (Severity.HINT)
    assert finding("Wij houden moeder in het gareel.", "in-het-gareel").severity == Severity.WARNING


def test_a_need_for_control_is_not_the_childs_need():
    assert run("Vader heeft een grote behoefte aan controle.").balance.trust == 0
    assert run("Sem heeft behoefte aan rust.").balance.trust == 1


def test_statutory_incapacity_in_a_court_decision_is_a_legal_term():
    text = (
        "De raad stelt dat moeder ongeschikt is. De rechtbank overweegt als volgt. Gelet op artikel 1:266 BW "
        "kan de rechtbank het gezag beeindigen. Zij is dan ook blijvend pedagogisch onmachtig."
    )
    assert silenced(text, "pedagogische-onmacht")
    assert finding("Vader lijkt pedagogisch onmachtig bij driftbuien van Tim.", "pedagogische-onmacht")


def test_a_court_in_a_coordinated_clause_or_named_as_voorzieningenrechter_reports_a_decision():
    text = "De beslissing is uitvoerbaar verklaard, en het hof heeft benadrukt dat de GI de regie houdt."
    assert finding(text, "regie-nemen").severity == Severity.HINT
    text = "De voorzieningenrechter oordeelde dat moeder zonder geldige reden haar medewerking weigerde."
    assert finding(text, "niet-meewerkende-ouder").severity == Severity.HINT


def test_a_speaker_named_after_the_words_makes_them_reported():
    found = finding("Het gezin is een multiprobleemgezin, aldus de inspectie.", "multiprobleemgezin")
    assert found.severity == Severity.HINT
    assert "lager: weergave van het standpunt van de inspectie" in found.context
    assert finding(
        "Het gezin is een multiprobleemgezin, en wij zien dat elke dag.", "multiprobleemgezin"
    ).severity == (Severity.WARNING)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Deze plicht dwingt de gezinsvoogd tot het zien aankomen van bedreigingen.", "dwingen"),
        ("Sommige professionele partijen zijn vooral voor een globale regeling.", "tegenpartij"),
    ],
)
def test_coercion_of_professionals_and_professional_parties_are_other_senses(text, rule):
    assert silenced(text, rule)


def test_a_court_in_inversion_after_its_verb_reports_a_decision():
    text = "In deze zaak acht de kinderrechter verlenging noodzakelijk om de GI regie te laten voeren."
    assert finding(text, "regie-nemen").severity == Severity.HINT


def test_a_forced_move_is_a_measure_named():
    assert (
        finding("Of een boete of een gedwongen verhuizing van het kind.", "dwingen").severity == Severity.HINT
    )


def test_a_label_said_to_harm_is_used_a_practice_said_to_harm_is_rejected():
    assert finding("Ouderverstoting schaadt kinderen.", "ouderverstoting").severity == Severity.WARNING
    assert finding("Dwang werkt averechts.", "dwingen").severity == Severity.HINT


# -- classes found on a held-out probe of real texts (inspections, courts, advice sites) ---------


@pytest.mark.parametrize(
    "text",
    [
        "Je begrijpt dat dwang en ook drang uiterste redmiddelen zijn.",
        "Dwang komt pas als allerlaatste maatregel in beeld.",
    ],
)
def test_a_last_resort_in_the_plural_lowers_coercion(text):
    found = finding(text, "dwingen")
    assert found.severity == Severity.HINT
    assert "lager: veiligheid of laatste redmiddel" in found.context


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Belangrijk is het onderscheid dat wij hanteren tussen oudervervreemding en ouderverstoting.",
            "ouderverstoting",
        ),
        ("Er is nogal wat te doen over dwang en drang in de jeugdhulp.", "drang"),
        ("Er is veel discussie over ouderverstoting.", "ouderverstoting"),
        ("Kenmerkend voor drang is: vrijwillig maar niet vrijblijvend.", "drang"),
    ],
)
def test_a_distinction_a_debate_or_a_definition_mentions_the_word(text, rule):
    found = [f for f in run(text).findings if f.rule == rule]
    assert found
    assert all(f.severity == Severity.HINT for f in found), [(f.text, f.severity) for f in found]


def test_using_the_word_next_to_a_debate_elsewhere_still_counts():
    assert finding("De hulp is vrijwillig maar niet vrijblijvend.", "drang").severity == Severity.SUGGESTION
    assert (
        finding("Moeder zet ouderverstoting in tegen vader.", "ouderverstoting").severity == Severity.WARNING
    )


@pytest.mark.parametrize(
    "text",
    [
        "Uiteindelijk kan er gedwongen hulp ingezet worden vanuit het gedwongen kader, dwang dus.",
        "Het is ingewikkeld werk, waarbij de hulp vaak onder dwang plaatsvindt.",
    ],
)
def test_the_compulsory_framework_named_is_not_a_professional_forcing(text):
    for found in run(text).findings:
        if found.rule == "dwingen":
            assert found.severity == Severity.HINT
            assert "lager: het gedwongen kader (hulp die de rechter oplegt)" in found.context


def test_a_professional_forcing_a_parent_stays():
    assert finding("Wij zullen vader dwingen om mee te doen aan de cursus.", "dwingen").severity == (
        Severity.SUGGESTION
    )


def test_a_legally_enforceable_right_is_not_the_writer_enforcing():
    found = finding("Sinds 1991 hebben gescheiden ouders een afdwingbaar recht op omgang.", "afdwingen")
    assert found.severity == Severity.HINT
    assert finding("Vader wil het contact met Sem afdwingen.", "afdwingen").severity == Severity.WARNING


def test_zij_after_an_institution_reports_the_institutions_view():
    text = (
        "Dit kondigden de twee inspecties dinsdag aan. Zij zeggen dat, na jaren van waarschuwen en "
        "maatregelen opleggen, hun mogelijkheden zijn uitgeput."
    )
    found = finding(text, "opleggen")
    assert found.severity == Severity.HINT
    assert "lager: weergave van het standpunt van inspecties" in found.context
    # 'zij' after the parents is not an institution: the writer's summary stays.
    text = "Moeder en vader kwamen op gesprek. Zij zeggen dat de gezinsvoogd maatregelen oplegt."
    assert finding(text, "opleggen").severity == Severity.SUGGESTION


def test_a_passive_naming_verb_gives_the_words_to_its_agent():
    found = finding(
        "Daarnaast is oudervervreemding in 2019 door Rechtbank Limburg gekwalificeerd als geestelijk geweld.",
        "ouderverstoting",
    )
    assert found.severity == Severity.HINT
    assert "lager: woorden van Rechtbank Limburg" in found.context
    found = finding("Vader wordt door de school omschreven als manipulatief.", "manipulatief")
    assert "lager: woorden van de school" in found.context


def test_die_partijen_after_partijen_in_the_region_are_organisations():
    text = (
        "De inspecties vroegen om een aanpak van alle betrokken partijen in de regio. "
        "Die partijen moeten elk kind op tijd passende hulp bieden."
    )
    assert silenced(text, "tegenpartij")
    # Parties as the parents stay a finding, also with 'die'.
    text = "Vader en moeder staan tegenover elkaar. Die partijen praten niet meer met elkaar."
    assert finding(text, "tegenpartij").severity == Severity.SUGGESTION


def test_the_courts_findings_go_on_after_it_reports_in_a_court_text():
    text = (
        "In deze zaak heeft de rechtbank Limburg op 11 februari 2025 een beschikking gegeven over "
        "[minderjarige 1]. De rechtbank heeft vastgesteld dat de ouders de verantwoordelijkheid niet "
        "kunnen dragen. De ouders hebben onvoldoende medewerking verleend aan de hulpverlening."
    )
    found = finding(text, "niet-meewerkende-ouder")
    assert found.severity == Severity.HINT
    assert "lager: weergave van wat de rechter besliste of overwoog" in found.context


def test_a_report_sentence_after_a_court_decision_stays_the_writers():
    # Not a court text (one legal cue), and a report writer: the finding stays.
    text = (
        "De rechter heeft bepaald dat de ondertoezichtstelling wordt verlengd. "
        "Moeder heeft onvoldoende medewerking verleend aan de hulpverlening."
    )
    assert finding(text, "niet-meewerkende-ouder").severity == Severity.WARNING
    text = (
        "De rechtbank heeft in de beschikking vastgesteld dat de OTS nodig is. "
        "Wij zien dat moeder onvoldoende medewerking verleent."
    )
    assert finding(text, "niet-meewerkende-ouder").severity == Severity.WARNING


def test_contrary_to_the_law_is_another_sense_a_fight_with_a_parent_is_not():
    assert silenced("Ik betoog dat de huidige praktijk in strijd is met internationaal recht.", "strijd")
    assert finding("Vader is al jaren in strijd met de moeder over de omgang.", "strijd")
    assert finding("Nu ouders voortdurend in strijd met elkaar blijven, is er zorg.", "strijd")


def test_the_defined_term_of_a_court_text_is_not_the_writer_calling_parents_opponents():
    text = (
        "Partijen worden hierna verkort aangeduid als de vader respectievelijk de moeder. "
        "De vader en de moeder worden hierna gezamenlijk aangeduid als ‘partijen’."
    )
    assert silenced(text, "tegenpartij")
    assert finding("Beide partijen willen dat Eva bij hen komt wonen.", "tegenpartij").severity == (
        Severity.SUGGESTION
    )


def test_a_view_named_before_a_colon_is_the_speakers():
    text = "De ambitie van toenmalig wethouder Leonard Geluk: alle risicogezinnen moeten in beeld zijn."
    found = finding(text, "probleemouder")
    assert found.severity == Severity.HINT
    assert "lager: weergave van het standpunt van Leonard Geluk" in found.context
    assert finding("Het standpunt van moeder: vader frustreert de omgang.", "frustreren-omgang").severity == (
        Severity.HINT
    )
    # The writer's own conclusion after a colon stays the writer's.
    assert finding("Onze conclusie: moeder frustreert de omgang.", "frustreren-omgang").severity == (
        Severity.WARNING
    )


def test_the_placeholders_of_a_published_decision_make_a_court_paragraph():
    text = (
        "Partijen zijn met elkaar gehuwd geweest van [huwelijksdatum] 2010 tot [echtscheidingsdatum] 2014. "
        "Zij zijn de ouders van [naam minderjarige], geboren op [geboortedatum] 2010."
    )
    assert silenced(text, "tegenpartij")
    # One placeholder of a report template does not make a court text.
    text = "Beide partijen willen dat [naam kind] bij hen komt wonen."
    assert finding(text, "tegenpartij").severity == Severity.SUGGESTION


@pytest.mark.parametrize(
    "text",
    [
        "Moeder belast het kind met volwassenenzaken en zet haar loyaliteit naar vader onder druk.",
        "Een scheiding tussen deze ouders zet die vanzelfsprekende band onder druk.",
    ],
)
def test_strain_on_a_bond_is_not_a_professionals_lever(text):
    found = finding(text, "drukmiddel")
    assert found.severity == Severity.HINT
    assert (
        "lager: beschrijft druk op een band of relatie, geen drukmiddel van een hulpverlener" in found.context
    )


def test_pressure_on_a_parent_by_the_writer_stays_a_lever():
    assert (
        finding("Wij zetten moeder onder druk om mee te werken.", "drukmiddel").severity == Severity.WARNING
    )


def test_a_word_in_a_list_of_words_with_what_it_is_used_for_is_mentioned():
    text = "7. Pupillen. Wordt regelmatig gebruikt door jeugdbeschermers als ze het over kinderen hebben."
    found = finding(text, "pupil")
    assert found.severity == Severity.HINT
    assert "lager: genoemd als woord" in found.context
    # Using the word, with more after it in the sentence, is not a mention.
    text = "De pupillen van de voogdij worden gebruikt als proefgroep."
    assert finding(text, "pupil").severity == Severity.SUGGESTION


def test_feeling_pressured_is_an_experience_not_a_lever():
    text = "De kinderen voelen zich door een van hen, bedoeld of onbedoeld, onder druk gezet om partij te kiezen."
    found = finding(text, "drukmiddel")
    assert found.severity == Severity.HINT


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Ze zijn bang voor de afkeuring door de binnenouder, die hen subtiel maar zeker onder druk zet.",
            "drukmiddel",
        ),
        (
            "De coalitieouder is overtuigend. Hij of zij probeert een dossier tegen de andere ouder op te bouwen.",
            "dossier-opbouwen",
        ),
        ("Het doet zich voor wanneer een kind gedwongen wordt de kant van een ouder te kiezen.", "dwingen"),
        ("Het vervreemde kind wordt in een onmogelijke positie gedwongen.", "dwingen"),
    ],
)
def test_what_a_parent_does_to_a_child_is_not_a_professionals_control(text, rule):
    found = finding(text, rule)
    assert found.severity == Severity.HINT
    assert any("niet het handelen van een hulpverlener" in note for note in found.context)


@pytest.mark.parametrize(
    ("text", "rule", "severity"),
    [
        ("Het kind wordt door de gezinsvoogd gedwongen naar vader te gaan.", "dwingen", Severity.SUGGESTION),
        ("Wij bouwen een dossier op over moeder.", "dossier-opbouwen", Severity.SUGGESTION),
    ],
)
def test_a_professional_forcing_a_child_or_building_a_file_stays(text, rule, severity):
    assert finding(text, rule).severity == severity


def test_partijen_in_the_execution_are_organisations():
    text = "De inspecties kijken welke resultaten partijen in de uitvoering behalen."
    assert silenced(text, "tegenpartij")


def test_a_parent_asked_about_forcing_their_own_child_is_not_a_professionals_coercion():
    text = "Wat doe je als ouder? Dwing jij je kind om naar de andere ouder te gaan?"
    assert finding(text, "dwingen").severity == Severity.HINT


def test_a_negation_on_the_next_line_after_a_heading_is_not_about_the_heading():
    text = "Voorbeeldzaak: verhoging dwangsommen tegen weigerachtige moeder afgewezen\nEen moeder werkt niet mee."
    assert finding(text, "weigerachtig").severity == Severity.WARNING
    # A hard-wrapped sentence goes on in lower case: the negation still counts.
    text = "De raad adviseert de omgang tussen Sem en vader\nniet af te dwingen, maar op te bouwen."
    assert finding(text, "afdwingen").severity == Severity.HINT
