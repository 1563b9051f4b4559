"""Lemma accuracy of a Dutch pipeline on the word forms taalcheck's lexicon generates.

For every noun/adjective and verb word in every lexicon pattern, each generated form is analysed
on its own and in a short carrier sentence; the pipeline's lemma (separable verbs closed, folded)
is compared with the word's base form. Generated forms include deliberate over-generation
(spellings that never occur), so the figure over forms seen in the lexicon's own example sentences
is reported as well.

    python training/lexicon_lemmas.py [--model NAME|PATH|blank]
"""

from __future__ import annotations

import argparse
import re

from taalcheck.language.normalize import fold
from taalcheck.language.pipeline import DutchPipeline, load_pipeline
from taalcheck.lexicon.loader import bundled_lexicon_files, load_entries
from taalcheck.lexicon.patterns import parse_pattern


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="pipeline (default: what taalcheck would choose)")
    args = parser.parse_args()
    pipeline = load_pipeline(args.model)
    entries = load_entries(bundled_lexicon_files())
    example_words = {
        fold(word) for entry in entries for sentence in entry.examples.flag for word in re.findall(r"\w+", sentence)
    }
    pairs: set[tuple[str, str, str]] = set()
    for entry in entries:
        for source in entry.patterns:
            for group in parse_pattern(source).groups:
                for word in group:
                    if word.kind == "v":
                        base = (word.particle or "") + (word.infinitive or word.base)
                        forms = word.forms | word.split_forms
                        pairs |= {("v", form, base) for form in forms}
                    elif word.kind == "n" and " " not in word.base:
                        pairs |= {("n", form, word.base) for form in word.forms}
    results = {"all": [0, 0], "in examples": [0, 0]}
    by_kind: dict[str, list[int]] = {"n": [0, 0], "v": [0, 0]}
    for kind, form, base in sorted(pairs):
        doc = pipeline.analyse(form)
        lemma = fold(DutchPipeline.lemma(doc[0])) if len(doc) else ""
        right = lemma == base or (kind == "n" and lemma in (base, base.rstrip("e")))
        for key in ["all", "in examples"] if form in example_words else ["all"]:
            results[key][0] += right
            results[key][1] += 1
        by_kind[kind][0] += right
        by_kind[kind][1] += 1
    print(f"pipeline: {pipeline.choice.describe()}")
    for key, (right, total) in results.items():
        print(f"lemma accuracy, {key} generated forms: {right / total:.3f} ({right}/{total})")
    for kind, (right, total) in by_kind.items():
        label = "verbs" if kind == "v" else "nouns/adjectives"
        print(f"  {label}: {right / total:.3f} ({right}/{total})")


if __name__ == "__main__":
    main()
