#!/usr/bin/env python
"""Evaluate a trained pipeline on UD_Dutch-Alpino dev and package it for taalcheck.

    python training/package.py --model training/output/model-best \
        --out src/taalcheck/models/nl_taalcheck [--lemmatizer trainable|rule] [--train-seconds N]

--lemmatizer rule replaces the trained edit-tree lemmatizer by spaCy's Dutch rule lemmatizer
(tables from spacy-lookups-data, stored inside the pipeline at initialize; relies on the
morphologizer's POS).  --compare evaluates both variants and prints them without packaging.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prepare import DEFAULT_DATA, REPO, TRAIN_FILES, DEV_FILES  # noqa: E402

VERSION = "1.0.0"
DEFAULT_LEMMATIZER = "hybrid"
DEFAULT_RULE_POS = ["NOUN", "VERB"]
KEYS = ["pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f", "sents_p", "sents_r"]


#: Components taalcheck never runs (it matches word forms it generates itself): not shipped.
NOT_SHIPPED = ("trainable_lemmatizer", "lemma_reset", "lemmatizer")


def strip_unused(nlp, meta: dict) -> None:
    """Remove the components taalcheck never loads, and their scores from `meta`."""
    for name in NOT_SHIPPED:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    for key in [key for key in meta.get("performance", {}) if key.startswith("lemma_")]:
        del meta["performance"][key]


def add_rule_lemmatizer(nlp, pos: list[str] | None = None) -> None:
    """Add spaCy's Dutch rule lemmatizer (stock components only, so spacy.load(path) works).

    pos=None: it lemmatizes every token (overwrite).  pos=[...]: hybrid -- an attribute_ruler
    ("lemma_reset") clears the edit-tree lemma of tokens with those predicted POS tags and the
    rule lemmatizer (overwrite=False) fills in only those.
    """
    if pos:
        ar = nlp.add_pipe("attribute_ruler", name="lemma_reset")
        ar.add([[{"POS": {"IN": list(pos)}}]], {"LEMMA": ""})
    lem = nlp.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": not pos})
    lem.initialize()  # lemma_lookup/rules/exc/index from spacy-lookups-data, stored in the pipeline
    # lemma_index is stored as lists and only used for membership tests: dicts give the same
    # answers with O(1) lookups (sets would not serialise; dicts do).
    table = lem.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        table[key] = dict.fromkeys(table[key], 1)


def build(model: Path, lemmatizer: str, rule_pos: list[str] | None = None):
    nlp = spacy.load(model)
    if lemmatizer == "rule":
        if "trainable_lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("trainable_lemmatizer")
        add_rule_lemmatizer(nlp)
    elif lemmatizer == "hybrid":
        add_rule_lemmatizer(nlp, rule_pos or DEFAULT_RULE_POS)
    return nlp


def evaluate(nlp, dev: Path) -> dict:
    examples = list(Corpus(str(dev))(nlp))
    scores = nlp.evaluate(examples)
    out = {k: round(float(scores[k]), 4) for k in KEYS if scores.get(k) is not None}
    out["dep_las_per_type"] = {k: {m: round(float(v), 4) for m, v in d.items()}
                               for k, d in sorted(scores.get("dep_las_per_type", {}).items())}
    # lemma accuracy split by gold POS, and ignoring case (the rule lemmatizer lowercases everything)
    by_pos, tot, ok_ci, ok_no_propn, n_no_propn = Counter(), Counter(), 0, 0, 0
    n = 0
    refs = [eg.reference for eg in examples]
    docs = nlp.pipe([Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
                     for g in refs])
    for g_doc, doc in zip(refs, docs):
        if len(doc) != len(g_doc):
            continue
        for p, g in zip(doc, g_doc):
            n += 1
            tot[g.pos_] += 1
            if p.lemma_ == g.lemma_:
                by_pos[g.pos_] += 1
            if p.lemma_.lower() == g.lemma_.lower():
                ok_ci += 1
            if g.pos_ != "PROPN":
                n_no_propn += 1
                ok_no_propn += p.lemma_ == g.lemma_
    out["lemma_acc_uncased"] = round(ok_ci / n, 4)
    out["lemma_acc_no_propn"] = round(ok_no_propn / n_no_propn, 4)
    out["lemma_acc_by_pos"] = {k: round(by_pos[k] / tot[k], 4) for k in sorted(tot) if tot[k] >= 50}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=REPO / "training" / "output" / "model-best")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "taalcheck" / "models" / "nl_taalcheck")
    ap.add_argument("--dev", type=Path, default=REPO / "training" / "corpus" / "dev.spacy")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--lemmatizer", choices=["trainable", "rule", "hybrid"], default=DEFAULT_LEMMATIZER)
    ap.add_argument("--rule-pos", default=",".join(DEFAULT_RULE_POS),
                    help="hybrid: predicted POS tags lemmatized by the rule lemmatizer")
    ap.add_argument("--train-seconds", type=float, default=None)
    ap.add_argument("--compare", action="store_true", help="evaluate both lemmatizers, do not package")
    args = ap.parse_args(argv)

    rule_pos = [p for p in args.rule_pos.split(",") if p]
    if args.compare:
        res = {}
        for lem in ("trainable", "rule"):
            res[lem] = evaluate(build(args.model, lem), args.dev)
            res[lem].pop("dep_las_per_type")
            print(lem, json.dumps(res[lem]))
        tr, ru = res["trainable"]["lemma_acc_by_pos"], res["rule"]["lemma_acc_by_pos"]
        better = [p for p in tr if ru.get(p, 0) > tr[p]]
        print("POS where the rule lemmatizer is better:", better)
        for pos in {tuple(rule_pos), tuple(better)}:
            if pos:
                sc = evaluate(build(args.model, "hybrid", list(pos)), args.dev)
                sc.pop("dep_las_per_type")
                print("hybrid", ",".join(pos), json.dumps(sc))
        return 0

    nlp = build(args.model, args.lemmatizer, rule_pos)
    man_path = args.dev.parent / "manifest.json"
    manifest = json.loads(man_path.read_text()) if man_path.exists() else {"train": TRAIN_FILES, "dev": DEV_FILES}
    scores = evaluate(nlp, args.dev)
    print(json.dumps({k: v for k, v in scores.items() if k != "dep_las_per_type"}, indent=1))

    meta = nlp.meta
    meta.update({
        "name": "taalcheck",
        "lang": "nl",
        "version": VERSION,
        "description": (
            "Small Dutch CPU pipeline for the taalcheck language-guidance linter: tok2vec (hash-embedding CNN), "
            "morphologizer (UPOS + UD features), "
            + {"trainable": "edit-tree lemmatizer",
               "rule": "rule lemmatizer (spacy-lookups-data tables)",
               "hybrid": "edit-tree lemmatizer with spaCy's rule lemmatizer (spacy-lookups-data tables) for "
                         + "/".join(rule_pos)}[args.lemmatizer]
            + " and dependency parser (also sets sentence boundaries). Trained on "
            + ", ".join(manifest["train"]["files"] if isinstance(manifest["train"], dict) else manifest["train"])
            + "; evaluated on UD_Dutch-Alpino dev."),
        "author": "taalcheck contributors",
        "license": "CC BY-SA 4.0",
        "sources": [
            {"name": "UD_Dutch-Alpino", "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
             "license": "CC BY-SA 4.0",
             "author": "Gosse Bouma, Gertjan van Noord and the Universal Dependencies contributors"},
            {"name": "UD_Dutch-LassySmall", "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
             "license": "CC BY-SA 4.0",
             "author": "Gosse Bouma, Gertjan van Noord and the Universal Dependencies contributors"},
        ] + ([{"name": "spacy-lookups-data (Dutch lemma tables)", "license": "MIT"}]
             if args.lemmatizer != "trainable" else []),
        "performance": {k: v for k, v in scores.items()},
        "taalcheck": {
            "lemmatizer": args.lemmatizer,
            "rule_lemmatizer_pos": rule_pos if args.lemmatizer == "hybrid" else None,
            "data": manifest,
            "train_wall_seconds": args.train_seconds,
            "reproduce": "bash training/train.sh",
        },
    })
    meta["name"] = "nl_taalcheck"  # spacy.load(path) keeps this as given
    strip_unused(nlp, meta)
    nlp.meta.update(meta)

    out = args.out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    nlp.to_disk(out)
    lic = args.data / "UD_Dutch-Alpino.LICENSE.txt"
    (out / "LICENSE").write_text(
        "The nl_taalcheck pipeline is a derived work of the Universal Dependencies treebanks\n"
        "UD_Dutch-Alpino and UD_Dutch-LassySmall (see ATTRIBUTION.md) and is distributed under the\n"
        "same licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0).\n"
        "The full licence text follows.\n\n" + lic.read_text(encoding="utf8"), encoding="utf8")
    shutil.copyfile(Path(__file__).resolve().parent / "ATTRIBUTION.md", out / "ATTRIBUTION.md")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"packaged {out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
