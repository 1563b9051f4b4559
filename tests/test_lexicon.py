"""The bundled lexicon: every entry's examples run as tests, and the lexicon meets its standards."""

from __future__ import annotations

from collections import Counter

import pytest

from taalcheck.api import make_checker, rules_in
from taalcheck.lexicon.examples import run_examples
from taalcheck.lexicon.loader import bundled_lexicon_files, load_entries
from taalcheck.model import PRINCIPLES

ENTRIES = load_entries(bundled_lexicon_files())
CONTROL = [entry for entry in ENTRIES if entry.kind == "control"]
TRUST = [entry for entry in ENTRIES if entry.kind == "trust"]


@pytest.fixture(scope="module")
def checker():
    return make_checker()


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.id)
def test_examples(checker, entry):
    _, failures = run_examples([entry], rules_in(checker))
    assert not failures, "\n".join(failure.describe() for failure in failures)


def test_size_and_balance_over_principles():
    assert len(CONTROL) >= 90
    per_principle = Counter(entry.principle for entry in CONTROL)
    assert set(per_principle) == set(PRINCIPLES)
    assert min(per_principle.values()) >= 10, per_principle
    trust = Counter(entry.principle for entry in TRUST)
    assert set(trust) == set(PRINCIPLES), trust


@pytest.mark.parametrize("entry", CONTROL, ids=lambda entry: entry.id)
def test_every_entry_is_complete(entry):
    assert len(entry.examples.flag) >= 2, "minstens twee flag-voorbeelden"
    assert len(entry.examples.ok) >= 1, "minstens één ok-voorbeeld"
    assert 1 <= len(entry.alternatives) <= 3
    assert entry.reason.endswith((".", "?", "!")), "de reden is een volzin"


def test_founding_document_terms_are_covered(checker):
    from taalcheck.documents import document_from_text

    text = (
        "Wij werken risico-gestuurd. Het doel is escalatiebeheersing. Er komt een beschermingsmaatregel. "
        "De gezinsvoogd legt sancties op. Er is een dader-slachtofferdynamiek. De handhaving is streng. "
        "Alles draait om controle en beheersing."
    )
    found = {finding.text.lower() for finding in checker.check_document(document_from_text(text)).findings}
    for phrase in (
        "risico-gestuurd",
        "escalatiebeheersing",
        "beschermingsmaatregel",
        "dader-slachtofferdynamiek",
        "handhaving",
    ):
        assert any(phrase in text_found for text_found in found), phrase
    assert any("sancties op" in text_found for text_found in found)
    assert any("controle en beheersing" in text_found for text_found in found)


COURT_DECISION = """
ECLI:NL:RBMNE:2025:4321
Rechtbank Midden-Nederland, familie- en jeugdrecht, zaaknummer C/16/123456.
De rechtbank overweegt als volgt. Partijen zijn op 12 mei 2025 ter zitting verschenen.
Het verzoek van de vader is onvoldoende gemotiveerd en wordt afgewezen.
De kinderrechter heeft bij beschikking van 3 maart 2025 een maatregel opgelegd: de minderjarige is onder toezicht gesteld.
Gelet op artikel 1:255 BW bepaalt de rechtbank dat de ondertoezichtstelling met een jaar wordt verlengd.
"""


def test_legal_register_is_left_alone(checker):
    from taalcheck.documents import document_from_text

    result = checker.check_document(document_from_text(COURT_DECISION))
    assert [(f.rule, f.text) for f in result.findings if f.severity.key != "hint"] == []
