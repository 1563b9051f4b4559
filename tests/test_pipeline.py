"""Choosing and using the Dutch pipeline: bundled by default, only what is loaded is shipped, lazy loading."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from taalcheck.errors import ModelError
from taalcheck.language.pipeline import BUNDLED_DIR, describe_pipeline, load_pipeline
from taalcheck.settings import Settings

HAS_BUNDLED = (BUNDLED_DIR / "meta.json").is_file()
needs_bundled = pytest.mark.skipif(
    not HAS_BUNDLED, reason="meegeleverde pipeline ontbreekt in deze installatie"
)


@needs_bundled
def test_bundled_pipeline_is_the_default_when_nothing_else_is_installed():
    if importlib.util.find_spec("nl_core_news_sm") is not None:
        pytest.skip("nl_core_news_sm is geïnstalleerd en gaat dan voor")
    choice = describe_pipeline()
    assert choice.source == "meegeleverd" and choice.name == "nl_taalcheck"
    assert choice.scores.get("pos_acc", 0) > 0.9


def test_blank_and_unknown_models():
    assert describe_pipeline("blank").is_blank
    with pytest.raises(ModelError, match="niet gevonden"):
        describe_pipeline("nl_bestaat_niet")


@needs_bundled
def test_the_bundled_pipeline_ships_only_what_is_loaded():
    """No lemmatizer tables: the checker matches word forms the lexicon generates itself."""
    shipped = {path.name for path in BUNDLED_DIR.iterdir()} - {
        "LICENSE",
        "ATTRIBUTION.md",
        "config.cfg",
        "meta.json",
    }
    full = load_pipeline(None)  # what `exhaustive` mode loads
    parse = load_pipeline(None, parse_only=True)  # what a check loads
    assert shipped == {*full.nlp.pipe_names, "tokenizer", "vocab"}
    assert set(parse.nlp.pipe_names) == set(full.nlp.pipe_names) == {"tok2vec", "morphologizer", "parser"}


class _ParsedAs:
    """A stand-in for a parsed Doc: token i has label labels[i] and head heads[i]."""

    def __init__(self, labels, heads):
        self.labels, self.heads = labels, heads

    def __getitem__(self, index):
        from types import SimpleNamespace

        return SimpleNamespace(dep_=self.labels[index], head=SimpleNamespace(i=self.heads[index]))


@pytest.mark.parametrize(
    ("label", "head", "found"),
    [("compound:prt", "legt", True), ("case", "legt", False), ("compound:prt", "sanctie", False)],
)
def test_parser_decides_where_the_word_order_heuristic_cannot(engine_lexicon, label, head, found):
    """'legt ... op morgen': a particle followed by an adverb; only the parse can tell.

    The particle must be attached to the matched verb itself.
    """
    from taalcheck.documents import document_from_text
    from taalcheck.language.pipeline import PipelineChoice
    from taalcheck.matching.engine import Checker

    sentence = "De gezinsvoogd legt vader een sanctie op morgen."
    checker = Checker(engine_lexicon, Settings(model="blank"))
    checker.pipeline_choice = PipelineChoice("test", "gevraagd")

    class Parser:
        has_parser = True

        def analyse_words(self, words, spaces):
            labels = [label if word == "op" else "dep" for word in words]
            return _ParsedAs(labels, [words.index(head)] * len(words))

    checker._pipeline = Parser()
    rules = [f.rule for f in checker.check_document(document_from_text(sentence)).findings]
    assert ("sancties-opleggen" in rules) is found


@needs_bundled
def test_bundled_parser_marks_a_separable_particle():
    pipeline = load_pipeline(None, parse_only=True)
    assert pipeline.has_parser and pipeline.nlp.pipe_names == ["tok2vec", "morphologizer", "parser"]
    words = ["Hij", "legt", "een", "sanctie", "op", "."]
    doc = pipeline.analyse_words(words, [True, True, True, True, False, False])
    assert doc[4].dep_ == "compound:prt"


def test_clean_text_does_not_load_spacy():
    code = (
        "import sys, taalcheck\n"
        "assert taalcheck.check_text('De ouders maken samen afspraken over de vakantie.') == []\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "False", result.stderr
