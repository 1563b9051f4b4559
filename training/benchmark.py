#!/usr/bin/env python
"""Benchmark a packaged pipeline: disk size, cold load time, speed, and lemmas of hard forms.

    python training/benchmark.py src/taalcheck/models/nl_taalcheck [--dev training/corpus/dev.spacy]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

REPO = Path(__file__).resolve().parents[1]

# (sentence, {form: expected lemma(s)})
HARD = [
    ("De ouders van de kinderen werken samen.", {"ouders": ["ouder"], "kinderen": ["kind"]}),
    ("De boete werd hem gisteren opgelegd.", {"opgelegd": ["opleggen"]}),
    ("Het systeem werkt goed.", {"werkt": ["werken"]}),
    ("Hij legde een sanctie op.", {"legde": ["leggen", "opleggen"]}),
    ("Zij beheerste de situatie volledig.", {"beheerste": ["beheersen"]}),
    ("Alle uitgaven worden gecontroleerd.", {"gecontroleerd": ["controleren"]}),
    ("De politie forceerde de deur.", {"forceerde": ["forceren"]}),
    ("Het conflict is geëscaleerd.", {"geëscaleerd": ["escaleren"]}),
    ("De sancties en maatregelen zijn streng.", {"sancties": ["sanctie"], "maatregelen": ["maatregel"]}),
]


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def load_time(path: Path) -> float:
    code = f"import spacy,time; t=time.time(); spacy.load({str(path)!r}); print(time.time()-t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout.strip()) for _ in range(3)]
    return statistics.median(times)


def speed(nlp, texts, disable=()):
    n_words = 0
    t = time.perf_counter()
    with nlp.select_pipes(disable=list(disable)):
        for doc in nlp.pipe(texts, batch_size=64):
            n_words += len(doc)
    return n_words / (time.perf_counter() - t)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("--dev", type=Path, default=REPO / "training" / "corpus" / "dev.spacy")
    ap.add_argument("--lemmatizer", choices=["trainable", "rule", "hybrid"], default=None,
                    help="rebuild the lemmatizer in memory (as training/package.py does) before measuring "
                         "speed and hard forms; the model should then be the trained model-best")
    ap.add_argument("--rule-pos", default="NOUN,VERB")
    args = ap.parse_args(argv)
    if args.lemmatizer:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from package import build
        nlp = build(args.model, args.lemmatizer, args.rule_pos.split(","))
        print(f"pipeline: {nlp.pipe_names} (lemmatizer: {args.lemmatizer})")
        return report(nlp, args)
    print(f"disk size: {size_mb(args.model):.1f} MB")
    print(f"cold load time (median of 3, new process): {load_time(args.model):.2f} s")
    nlp = spacy.load(args.model)
    print(f"pipeline: {nlp.pipe_names}")
    return report(nlp, args)


def report(nlp, args) -> int:
    if args.dev.exists():
        texts = [d.text for d in DocBin().from_disk(args.dev).get_docs(nlp.vocab)]
        speed(nlp, texts[:5])  # warm-up
        wps = speed(nlp, texts)
        wps_np = speed(nlp, texts, disable=["parser"])
        print(f"speed on Alpino dev text (1 process): {wps:,.0f} words/s full pipeline, "
              f"{wps_np:,.0f} words/s without parser")
    print("hard forms:")
    ok = total = 0
    for sent, expect in HARD:
        doc = nlp(sent)
        for tok in doc:
            if tok.text in expect:
                total += 1
                good = tok.lemma_ in expect[tok.text]
                ok += good
                print(f"  {'OK ' if good else 'BAD'} {tok.text:14} -> {tok.lemma_:14} {tok.pos_:5} "
                      f"(expected {'/'.join(expect[tok.text])})   [{sent}]")
        if "legde" in expect:
            prt = [t for t in doc if t.text == "op"]
            for t in prt:
                print(f"      'op': dep={t.dep_} head={t.head.text}  "
                      f"{'(particle attached as compound:prt)' if t.dep_ == 'compound:prt' and t.head.text == 'legde' else ''}")
    print(f"hard forms correct: {ok}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
