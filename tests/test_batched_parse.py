"""Sentences whose context needs the parse are parsed in batches, with the same outcome.

Whether a court acts in a sentence, where word order leaves its role open ('Op 12 maart heeft de
kinderrechter de beschermingsmaatregel verlengd'), is decided by the parse. The engine parses such sentences together, `PARSE_BATCH` at a time, and judges their matches again once
the batch is parsed: a long report must get exactly the findings, notes and trust wording that each
paragraph gets when checked on its own.
"""

from __future__ import annotations

import pytest

from taalcheck.api import make_checker
from taalcheck.documents import document_from_text
from taalcheck.matching import engine

# Each paragraph holds a sentence whose judgement needs the parse, next to ones that do not.
PARAGRAPHS = [
    "Op 12 maart heeft de kinderrechter de beschermingsmaatregel verlengd. Vader wil samenwerken met de school.",
    "Ouders niet informeren over het welzijn van het kind valt onder ouderverstoting.",
    "De gezinsvoogd legt moeder een sanctie op. Wij bespreken samen wat de kinderen nodig hebben.",
]


def signature(result, shift: int = 0):
    findings = [
        (f.rule, f.start - shift, f.end - shift, f.severity.key, f.context, f.mention)
        for f in result.findings
    ]
    silenced = [("stil", f.rule, f.start - shift, f.context) for f in result.silenced]
    positives = [(p.rule, p.start - shift, p.quoted, p.context) for p in result.positives]
    return findings + silenced + positives


@pytest.fixture(scope="module")
def checker():
    return make_checker()


def test_long_report_gets_what_each_paragraph_gets(checker, monkeypatch):
    if checker.pipeline_choice.is_blank or not checker.pipeline.has_parser:
        pytest.skip("de Nederlandse pipeline met parser is niet geïnstalleerd")
    repeats = engine.PARSE_BATCH + 10  # more parse-needing sentences than one batch holds
    paragraphs = [PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(repeats * len(PARAGRAPHS))]
    text = "\n\n".join(paragraphs)
    batches: list[int] = []
    original = engine.Checker._analyse_together

    def counted(self, sentences):
        batches.append(len(sentences))
        return original(self, sentences)

    monkeypatch.setattr(engine.Checker, "_analyse_together", counted)
    whole = checker.check_document(document_from_text(text))
    whole_batches = [size for size in batches if size]

    expected = []
    offset = 0
    for paragraph in paragraphs:
        alone = checker.check_document(document_from_text(paragraph))
        expected.extend(signature(alone, -offset))
        offset += len(paragraph) + 2
    assert sorted(signature(whole)) == sorted(expected)
    # In every copy the parse makes the court the one who decides: the measure is not reported.
    decided = [f for f in whole.silenced if f.rule == "beschermingsmaatregel"]
    assert len(decided) == repeats
    assert not [f for f in whole.findings if f.rule == "beschermingsmaatregel"]
    # The long report needed several full batches, not one pipeline call per sentence.
    assert max(whole_batches) == engine.PARSE_BATCH
    assert len(whole_batches) < repeats
