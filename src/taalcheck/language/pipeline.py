"""Choosing and loading the Dutch spaCy pipeline (once per process, and only when needed).

Order: an explicit `--model NAME|PATH` (or config `model`), else `nl_core_news_sm` when installed,
else the pipeline bundled with taalcheck, else spaCy's blank Dutch pipeline with a sentence splitter
and the lookup lemmatizer from spacy-lookups-data. `describe_pipeline` tells which without importing
spaCy, so `taalcheck --version` stays fast.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from taalcheck.errors import ModelError

BLANK = "blank"
INSTALLED_MODEL = "nl_core_news_sm"
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "models" / "nl_taalcheck"


@dataclass(frozen=True)
class PipelineChoice:
    """Which pipeline taalcheck will use, and why."""

    name: str
    source: str  # "gevraagd", "geïnstalleerd", "meegeleverd", "basis"
    location: str | None = None
    version: str | None = None
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def is_blank(self) -> bool:
        return self.name == BLANK

    def describe(self) -> str:
        text = {
            "gevraagd": f"{self.name} (gekozen met --model of de configuratie)",
            "geïnstalleerd": f"{self.name} (geïnstalleerd spaCy-model)",
            "meegeleverd": f"{self.name} (meegeleverd met taalcheck, getraind op Universal Dependencies)",
            "basis": "basis: spaCy's Nederlandse taalklasse met zinssplitser en opzoek-lemmatizer "
            "(geen woordsoorten of zinsontleding)",
        }[self.source]
        if self.version:
            text += f", versie {self.version}"
        return text


def _meta(path: Path) -> dict[str, Any]:
    import json  # only here: a check that describes no pipeline never needs it

    try:
        return json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _scores(meta: dict[str, Any]) -> dict[str, float]:
    performance = meta.get("performance", {})
    keys = ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")
    return {key: float(performance[key]) for key in keys if isinstance(performance.get(key), (int, float))}


def describe_pipeline(model: str | None = None) -> PipelineChoice:
    """Decide which pipeline to use without importing spaCy."""
    if model:
        if model == BLANK:
            return PipelineChoice(BLANK, "basis")
        path = Path(model)
        if path.is_dir():
            meta = _meta(path)
            return PipelineChoice(
                meta.get("name", path.name), "gevraagd", str(path), meta.get("version"), _scores(meta)
            )
        if importlib.util.find_spec(model.replace("-", "_")) is None:
            raise ModelError(
                f"Nederlandse pipeline '{model}' niet gevonden: geef een geïnstalleerd spaCy-model, "
                f"een map met een pipeline, of '{BLANK}'."
            )
        return PipelineChoice(model, "gevraagd", model)
    if importlib.util.find_spec(INSTALLED_MODEL) is not None:
        return PipelineChoice(INSTALLED_MODEL, "geïnstalleerd", INSTALLED_MODEL)
    if (BUNDLED_DIR / "meta.json").is_file():
        meta = _meta(BUNDLED_DIR)
        return PipelineChoice(
            meta.get("name", "nl_taalcheck"),
            "meegeleverd",
            str(BUNDLED_DIR),
            meta.get("version"),
            _scores(meta),
        )
    return PipelineChoice(BLANK, "basis")


class DutchPipeline:
    """A loaded spaCy pipeline with what taalcheck needs from it."""

    def __init__(self, nlp: Any, choice: PipelineChoice) -> None:
        self.nlp = nlp
        self.choice = choice
        self.has_parser = "parser" in nlp.pipe_names
        self.has_tags = any(name in nlp.pipe_names for name in ("morphologizer", "tagger"))

    def analyse(self, text: str) -> Any:
        """A spaCy Doc for a text, tokenized by the pipeline's own tokenizer."""
        return self.nlp(text)

    def analyse_words(self, words: list[str], spaces: list[bool]) -> Any:
        """A spaCy Doc for tokens taalcheck already found (token i of the Doc is word i)."""
        from spacy.tokens import Doc

        return self.nlp(Doc(self.nlp.vocab, words=words, spaces=spaces))

    def analyse_many(self, sentences: list[tuple[list[str], list[bool]]]) -> list[Any]:
        """`analyse_words` for several sentences at once: the pipeline runs them in batches.

        A batch costs far less per sentence than one call per sentence (the network's matrix
        products run over all its words together); the analyses are the same.
        """
        from spacy.tokens import Doc

        vocab = self.nlp.vocab
        docs = (Doc(vocab, words=words, spaces=spaces) for words, spaces in sentences)
        return list(self.nlp.pipe(docs, batch_size=64))


def _blank() -> Any:
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except Exception as error:  # missing spacy-lookups-data: keep tokenizer and sentences
        nlp.remove_pipe("lemmatizer")
        import warnings

        warnings.warn(f"opzoek-lemmatizer niet beschikbaar: {error}", stacklevel=2)
    return nlp


#: What the checker does not need: it asks for sentence structure of words it tokenized itself.
#: Leaving out the tokenizer's thousands of special cases and the lemmatizers' tables makes
#: loading about ten times faster.
_NOT_FOR_PARSING = [
    "ner",
    "lemmatizer",
    "trainable_lemmatizer",
    "lemma_reset",
    "attribute_ruler",
    "tokenizer",
]
_PLAIN_TOKENIZER = "taalcheck.plain_tokenizer.v1"


class _PlainTokenizer:
    """A whitespace tokenizer for pipelines that only ever receive ready-made Docs."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc

        return Doc(self.vocab, words=text.split() or [text])

    def to_disk(self, *args: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, *args: Any, **kwargs: Any) -> _PlainTokenizer:
        return self

    def to_bytes(self, *args: Any, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, *args: Any, **kwargs: Any) -> _PlainTokenizer:
        return self


def _register_plain_tokenizer() -> None:
    from spacy.util import registry

    if _PLAIN_TOKENIZER not in registry.tokenizers:
        registry.tokenizers.register(_PLAIN_TOKENIZER, func=lambda: lambda nlp: _PlainTokenizer(nlp.vocab))


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, parse_only: bool = False) -> DutchPipeline:
    """Load (once per process) the pipeline `describe_pipeline(model)` names.

    `parse_only` is what the checker loads: tagger and parser for words it tokenized itself
    (`analyse_words`), without the tokenizer's special cases and the lemmatizers.
    """
    choice = describe_pipeline(model)
    if choice.is_blank:
        return DutchPipeline(_blank(), choice)
    import spacy

    options: dict[str, Any] = {"exclude": ["ner"]}
    if parse_only:
        _register_plain_tokenizer()
        options = {
            "exclude": _NOT_FOR_PARSING,
            "config": {"nlp": {"tokenizer": {"@tokenizers": _PLAIN_TOKENIZER}}},
        }
    try:
        nlp = spacy.load(choice.location or choice.name, **options)
    except Exception as error:
        raise ModelError(f"Nederlandse pipeline '{choice.name}' kan niet worden geladen: {error}") from None
    return DutchPipeline(nlp, choice)
