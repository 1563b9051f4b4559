"""The fast path (candidate sentences only) finds exactly what the straightforward approach finds.

The straightforward approach runs the Dutch pipeline over every sentence and tries every pattern;
the fast path skips sentences whose letters contain no key of any pattern. Compared on every example,
every lexicon example sentence, the development corpus and a generated text.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import REPO, SHARED
from taalcheck.api import make_checker
from taalcheck.documents import document_from_text, iter_document_paths, read_document


def signature(result):
    return [(f.rule, f.start, f.end, f.spans, f.severity.key, f.context) for f in result.findings] + [
        ("silenced", f.rule, f.start, f.end) for f in result.silenced
    ]


@pytest.fixture(scope="module")
def checkers():
    return make_checker(), make_checker(exhaustive=True)


def assert_equivalent(checkers, document):
    fast, reference = checkers
    assert signature(fast.check_document(document)) == signature(reference.check_document(document))


@pytest.mark.parametrize("path", iter_document_paths([REPO / "examples"]), ids=lambda p: p.name)
def test_examples(checkers, path: Path):
    assert_equivalent(checkers, read_document(path))


def test_lexicon_example_sentences(checkers):
    fast, _ = checkers
    sentences = [
        s for entry in fast.lexicon.entries.values() for s in (*entry.examples.flag, *entry.examples.ok)
    ]
    assert sentences
    assert_equivalent(checkers, document_from_text("\n\n".join(sentences)))


def test_development_corpus(checkers):
    corpus = SHARED / "domain" / "dev-corpus.yaml"
    if not corpus.exists():
        pytest.skip(f"gedeelde data ontbreekt: {corpus}")
    import yaml

    data = yaml.safe_load(corpus.read_text(encoding="utf-8"))
    passages = [p["text"] for key in ("control_passages", "legitimate_passages") for p in data.get(key, [])]
    assert_equivalent(checkers, document_from_text("\n\n".join(passages)))


def test_generated_text_with_split_forms(checkers):
    fast, _ = checkers
    rng = random.Random(7)
    words = []
    for entry in fast.lexicon.entries.values():
        words.extend(entry.examples.flag)
    filler = [
        "De ouders spraken met de school.",
        "Noor gaat graag naar voetbal.",
        "Het gesprek verliep rustig,",
        "en vader legde uit wat hij nodig heeft.",
        "Moeder",
        "zei:",
        '"',
        "dat",
        "niet",
    ]
    pieces = [rng.choice(words) if rng.random() < 0.3 else rng.choice(filler) for _ in range(400)]
    text = " ".join(pieces).replace(" . ", ". ")
    assert_equivalent(checkers, document_from_text(text))
