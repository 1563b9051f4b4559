"""A vocabulary-diverse benchmark corpus: real domain prose, and generated text with a realistic vocabulary.

The template corpus (`corpus.py`) repeats about 70 sentence frames, so it has a few hundred distinct
words even at a million words; a tokenizer with a per-word cache then looks far faster than it is
on real reports. This module builds the corpus the comparison (`compare.py`) uses:

* `real_prose()`: the real domain texts of `../shared/domain/real-dev/*.txt` (next to the checkout) (court rulings,
  case descriptions, professional magazines), read from there at run time, never copied.
* `generate()`: reports made of real sentences (from those texts) in which a share of the content
  words become compounds with a first part drawn from the same vocabulary, a different choice per
  report ('omgangsregeling' -> 'vakantieomgangsregeling'), as Dutch reports do. The number of
  distinct words grows with the text as in real prose (Heaps' law: tens of thousands per million
  words), instead of staying at a few hundred. Sentences with a lexicon term are mixed in at
  `density` (share of sentences): real sentences that give a finding and the verified term
  sentences of `corpus.py`.

    python benchmarks/diverse.py --words 100000 --seed 1 -o corpus.txt    # prints the vocabulary size
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

from taalcheck.documents import document_from_text  # noqa: E402
from taalcheck.matching.engine import Checker  # noqa: E402

REAL_DEV = Path(
    os.environ.get(
        "TAALCHECK_REAL_DEV", Path(__file__).resolve().parents[2] / "shared" / "domain" / "real-dev"
    )
)
DEFAULT_DENSITY = 0.05
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(“‘])")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTENT = re.compile(r"\b[a-zà-ÿ]{7,}\b")
#: Share of a report's content-word types that become a compound in that report.
COMPOUND_SHARE = 0.3


def real_files() -> list[Path]:
    """The real domain texts, or an empty list when the shared folder is absent."""
    return sorted(REAL_DEV.glob("*.txt")) if REAL_DEV.is_dir() else []


def real_prose() -> str:
    """All real domain texts, one after another (read at run time)."""
    return "\n\n".join(path.read_text(encoding="utf-8").strip() for path in real_files()) + "\n"


def distinct_words(text: str) -> int:
    return len({word.lower() for word in _WORD.findall(text)})


@dataclass
class SentencePools:
    clean: list[str]
    terms: list[str]
    prefixes: list[str]


_POOLS: dict[int, SentencePools] = {}


def sentence_pools(checker: Checker) -> SentencePools:
    """Real sentences without and with a finding, verified terms from corpus.py, compound first parts."""
    if id(checker) in _POOLS:
        return _POOLS[id(checker)]
    clean: list[str] = []
    real_terms: list[str] = []
    for path in real_files():
        for paragraph in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            for sentence in _SENTENCE.split(" ".join(paragraph.split())):
                if len(sentence.split()) < 4:
                    continue
                findings = checker.check_document(document_from_text(sentence)).findings
                (real_terms if findings else clean).append(sentence)
    prefixes = sorted(
        {
            word
            for sentence in clean
            for word in _CONTENT.findall(sentence)
            if 7 <= len(word) <= 10 and not word.endswith(("en", "de", "te", "ig", "lijk"))
        }
    )
    _POOLS[id(checker)] = SentencePools(clean, real_terms + corpus.pools(checker).terms, prefixes)
    return _POOLS[id(checker)]


def _compounded(sentence: str, mapping: dict[str, str]) -> str:
    return _CONTENT.sub(lambda match: mapping.get(match.group(0), match.group(0)), sentence)


def _report(rng: random.Random, pools: SentencePools, words: int, density: float) -> str:
    mapping: dict[str, str] = {}
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            if pools.terms and rng.random() < density:
                sentence = rng.choice(pools.terms)
            else:
                sentence = rng.choice(pools.clean)
                for word in _CONTENT.findall(sentence):
                    if word not in mapping:
                        compound = rng.random() < COMPOUND_SHARE and pools.prefixes
                        mapping[word] = rng.choice(pools.prefixes) + word if compound else word
                sentence = _compounded(sentence, mapping)
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def generate_reports(
    count: int, checker: Checker, words: int = 400, density: float = DEFAULT_DENSITY, seed: int = 1
) -> list[str]:
    """`count` reports of about `words` words each."""
    pools = sentence_pools(checker)
    rng = random.Random(seed)
    return [_report(rng, pools, words, density) for _ in range(count)]


def generate(words: int, checker: Checker, density: float = DEFAULT_DENSITY, seed: int = 1) -> str:
    """At least `words` words: reports of 400-1,500 words, one after another."""
    pools = sentence_pools(checker)
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < words:
        report = _report(rng, pools, rng.randint(400, 1500), density)
        parts.append(report)
        total += len(report.split())
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    from taalcheck.api import make_checker

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--density", type=float, default=DEFAULT_DENSITY)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    if not real_files():
        print(f"error: no real domain texts in {REAL_DEV}", file=sys.stderr)
        return 2
    checker = make_checker()
    text = generate(args.words, checker, args.density, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    findings = len(checker.check_document(document_from_text(text)).findings)
    print(
        f"{len(text.split())} words, {distinct_words(text)} distinct, {findings} findings "
        f"(real prose: {len(real_prose().split())} words, {distinct_words(real_prose())} distinct)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
