"""'Partijen' speaks of parents as opponents only where the text is about parents.

Where neither the sentence nor the two sentences before it name a parent, 'partijen' is nearly
always something else (political parties, sides in a negotiation, the organisations that arrange
care): the finding drops to a hint and says why. 'Beide partijen', a parent nearby (also in a
compound the list names: 'pleegouders') and 'tegenpartij' keep the finding; 'wethouder' is no
parent for all that it ends in 'ouder'.
"""

from __future__ import annotations

import pytest

from taalcheck.api import make_checker
from taalcheck.documents import document_from_text
from taalcheck.lexicon.context_rules import LexiconError, parse_rule

NOTE = "lager: gaat hier niet over ouders"


def partijen_findings(text: str):
    result = make_checker().check_document(document_from_text(text))
    return [f for f in result.findings if f.rule == "tegenpartij"]


@pytest.mark.parametrize(
    "text",
    [
        "In deze productgroep draait het om de partijen die de zorg- en hulpverlening voor kinderen organiseren.",
        "Grote christen-democratische partijen zijn er ook in Nederland.",
        "De wethouder sprak met de partijen in de gemeenteraad. De partijen willen meer geld voor jeugdhulp.",
    ],
)
def test_partijen_without_parents_nearby_drops_to_a_hint(text):
    findings = partijen_findings(text)
    assert findings
    assert all(f.severity.key == "hint" and NOTE in f.context for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "Beide partijen willen dat Eva bij hen komt wonen.",
        "Vader en moeder zijn het al jaren oneens. De partijen spreken elkaar alleen via hun advocaten.",
        "De pleegouders en de gezinsvoogd praten samen. Partijen hebben afgesproken dat Sem blijft.",
        "Moeder wil niet samen in een ruimte zijn met de tegenpartij.",
    ],
)
def test_partijen_about_parents_keeps_its_finding(text):
    (finding,) = partijen_findings(text)
    assert finding.severity.key == "suggestion"
    assert NOTE not in finding.context


def test_the_rule_kind_validates_its_keys():
    with pytest.raises(LexiconError, match="onbekende sleutel"):
        parse_rule({"id": "x", "kind": "not-about-parents", "parent": ["vader"]}, "context.yaml")
