#!/usr/bin/env python
"""Convert the Dutch UD treebanks (CoNLL-U) into spaCy DocBin files for training.

Splits
  train = UD_Dutch-LassySmall train (Feb-2017 split) + LassySmall dev + LassySmall test + UD_Dutch-Alpino test
          (without the 2017 split with --with-2017 0 / TRAIN_2017=0)
  dev   = UD_Dutch-Alpino dev   (never trained on; the 2017 LassySmall train split may overlap
                                 current LassySmall dev/test, so LassySmall is never used for evaluation)

Fixes applied while converting
  * Alpino-style lemmas join compound parts and separable particles with "_"
    (grond_wet, af_leggen, ontwikkeling_land).  spaCy (and spacy-lookups-data) writes
    grondwet, afleggen, ontwikkelingsland.  Verbs and other words: the parts are
    concatenated (af_leggen -> afleggen; a hyphen or slash is kept where the word form
    has one: kabinet_Kok -> kabinet-Kok).  Nouns/proper nouns/adjectives: the lemma is
    rebuilt from the word form so that linking elements stay (ontwikkelingslanden ->
    ontwikkelingsland, not ontwikkelingland) when the form contains the parts.
  * The 2017 LassySmall split uses older (UD v2.0) conventions; harmonised where this
    is mechanical: possessive determiners DET/det -> PRON/nmod:poss with
    Person=..|Poss=Yes|PronType=Prs (taken from the current treebanks),
    flat:name -> flat, Foreign=yes -> Foreign=Yes, passive "door" obl -> obl:agent,
    and a split separable verb gets its particle in the lemma as in the current
    treebanks ("trok ... terug": trekken -> terugtrekken).
  * Empty nodes (enhanced UD, ids like 8.1) are skipped.  Multiword tokens (ids like
    3-4) are expanded into their syntactic words; the surface token's SpaceAfter is
    put on its last word.

Usage: python training/prepare.py [--data DIR] [--out DIR] [--n-sents 10]
DIR defaults to $TAALCHECK_UD_DIR or <repo>/../shared/data/ud .
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud"

TRAIN_FILES = [
    "nl_lassysmall-ud-train-2017.conllu",
    "nl_lassysmall-ud-dev.conllu",
    "nl_lassysmall-ud-test.conllu",
    "nl_alpino-ud-test.conllu",
]
DEV_FILES = ["nl_alpino-ud-dev.conllu"]
OLD_STYLE = {"nl_lassysmall-ud-train-2017.conllu"}


# --------------------------------------------------------------------------- reading
def read_conllu(path: Path):
    """Yield sentences as lists of word dicts (syntactic words only)."""
    sent: list[dict] = []
    mwt_end = None  # (last id, space_after) of a pending multiword token
    with path.open(encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent, mwt_end = [], None
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                continue
            tid = cols[0]
            if "." in tid:  # empty node
                continue
            misc = cols[9]
            space_after = "SpaceAfter=No" not in misc.split("|")
            if "-" in tid:  # multiword token: words follow; spacing comes from here
                start, end = (int(x) for x in tid.split("-"))
                mwt_end = (end, space_after)
                continue
            i = int(tid)
            if mwt_end is not None:
                end, sp = mwt_end
                space_after = sp if i == end else False
                if i >= end:
                    mwt_end = None
            sent.append({
                "id": i, "form": cols[1], "lemma": cols[2], "upos": cols[3],
                "feats": cols[5], "head": int(cols[6]) if cols[6] not in ("_", "") else None,
                "deprel": cols[7], "space": space_after,
            })
    if sent:
        yield sent


# --------------------------------------------------------------------------- lemma fix
def _join(parts: list[str], form: str) -> str:
    """Concatenate lemma parts; keep a hyphen/slash where the form has one at the junction."""
    low = form.lower()
    out = parts[0]
    for a, b in zip(parts, parts[1:]):
        sep = ""
        for s in ("-", "/"):
            if s in low and (a[-3:] + s + b[:3]).lower() in low:
                sep = s
                break
        out += sep + b
    return out


def fix_lemma(form: str, lemma: str, upos: str) -> str:
    if "_" not in lemma or "_" in form or lemma == "_":
        return lemma
    parts = [p for p in lemma.split("_") if p]
    if not parts:
        return lemma
    if len(parts) == 1:
        return parts[0]
    joined = _join(parts, form)
    if upos in ("NOUN", "PROPN", "ADJ"):
        # rebuild from the form to keep linking elements (-s-, -en-, -e-): the head
        # (last part) is located in the form and the form's prefix is kept.
        last = parts[-1]
        low = form.lower()
        for k in range(len(last), 2, -1):
            p = low.rfind(last[:k].lower())
            if p > 0:
                break
        else:
            p = -1
        if p > 0:
            prefix = form[:p]
            head_len = len("".join(parts[:-1]))
            ok = (prefix.lower().startswith(parts[0][:3].lower())
                  and head_len - 2 <= len(prefix.replace("-", "").replace("/", "")) <= head_len + 3)
            if ok:
                if parts[0][:1].islower():
                    prefix = prefix[:1].lower() + prefix[1:]
                return prefix + last
    return joined


# --------------------------------------------------------------------------- 2017 harmonisation
def possessive_table(paths: list[Path]) -> dict[str, tuple[str, str]]:
    """lowercased form -> (lemma, feats) for possessive pronouns in the current treebanks."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in paths:
        for sent in read_conllu(path):
            for w in sent:
                if w["upos"] == "PRON" and "Poss=Yes" in w["feats"] and w["deprel"] == "nmod:poss":
                    counts[w["form"].lower()][(w["lemma"], w["feats"])] += 1
    table = {}
    for form, c in counts.items():
        (lemma_feats, n), = c.most_common(1)
        if n >= 3:
            table[form] = lemma_feats
    return table


def harmonise_old(sent: list[dict], poss: dict[str, tuple[str, str]], stats: Counter) -> None:
    children = defaultdict(list)
    for w in sent:
        if w["head"]:
            children[w["head"]].append(w)
    for w in sent:
        if w["feats"] != "_":
            w["feats"] = w["feats"].replace("Foreign=yes", "Foreign=Yes")
        if w["deprel"] == "flat:name":
            w["deprel"] = "flat"
            stats["flat:name->flat"] += 1
        low = w["form"].lower()
        if w["upos"] == "DET" and w["deprel"] == "det" and low in poss:
            w["upos"] = "PRON"
            w["deprel"] = "nmod:poss"
            w["lemma"], w["feats"] = poss[low]
            stats["possessive DET->PRON"] += 1
        if w["deprel"] == "compound:prt" and w["head"]:
            # 2017 split: "trok ... terug" has lemma trekken; current treebanks: terugtrekken
            h = sent[w["head"] - 1]
            prt = w["form"].lower()
            if h["upos"] in ("VERB", "AUX") and not h["lemma"].lower().startswith(prt) and prt.isalpha():
                h["lemma"] = prt + h["lemma"]
                stats["separable verb lemma + particle"] += 1
        if w["deprel"] == "obl" and w["head"]:
            case_door = any(c["deprel"] == "case" and c["lemma"].lower() == "door" for c in children[w["id"]])
            passive = any(c["deprel"] == "aux:pass" for c in children[w["head"]])
            if case_door and passive:
                w["deprel"] = "obl:agent"
                stats["obl->obl:agent"] += 1


# --------------------------------------------------------------------------- docs
def sent_words(sent):
    words = [w["form"] for w in sent]
    spaces = [w["space"] for w in sent]
    spaces[-1] = True  # sentences are joined with a space inside a doc
    return words, spaces


def make_doc(vocab, sents: list[list[dict]]) -> Doc:
    words, spaces, pos, morphs, lemmas, heads, deps, starts = [], [], [], [], [], [], [], []
    offset = 0
    for sent in sents:
        w_, s_ = sent_words(sent)
        words += w_
        spaces += s_
        for j, w in enumerate(sent):
            pos.append(w["upos"] if w["upos"] != "_" else "")
            morphs.append("" if w["feats"] == "_" else w["feats"])
            lemmas.append(w["lemma"])
            if w["head"] is None:
                heads.append(offset + j)
                deps.append("dep")
            elif w["head"] == 0:
                heads.append(offset + j)
                deps.append("ROOT")
            else:
                heads.append(offset + w["head"] - 1)
                deps.append(w["deprel"])
            starts.append(j == 0)
        offset += len(sent)
    spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, pos=pos, morphs=morphs, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=starts)


def convert(files, data: Path, out: Path, n_sents: int, poss, nlp, stats: Counter) -> dict:
    db = DocBin(store_user_data=False)
    n_tok = n_sent = 0
    for name in files:
        path = data / name
        buf: list[list[dict]] = []
        for sent in read_conllu(path):
            for w in sent:
                new = fix_lemma(w["form"], w["lemma"], w["upos"])
                if new != w["lemma"]:
                    stats["lemma '_' joins rewritten"] += 1
                    if stats["lemma '_' joins rewritten"] % 700 == 1:
                        print(f"   lemma fix example: {w['form']}: {w['lemma']} -> {new}")
                    w["lemma"] = new
            if name in OLD_STYLE:
                harmonise_old(sent, poss, stats)
            buf.append(sent)
            n_tok += len(sent)
            n_sent += 1
            if len(buf) == n_sents:
                db.add(make_doc(nlp.vocab, buf))
                buf = []
        if buf:
            db.add(make_doc(nlp.vocab, buf))
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    print(f"{out}: {n_sent} sentences, {n_tok} tokens, {len(db)} docs from {', '.join(files)}")
    return {"files": list(files), "sentences": n_sent, "tokens": n_tok}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("TAALCHECK_UD_DIR", DEFAULT_DATA)))
    ap.add_argument("--out", type=Path, default=REPO / "training" / "corpus")
    ap.add_argument("--n-sents", type=int, default=10)
    ap.add_argument("--with-2017", type=int, choices=[0, 1], default=int(os.environ.get("TRAIN_2017", "1")),
                    help="1 (default): add the 2017 LassySmall train split (older conventions, harmonised) to "
                         "train; 0: current treebanks only (env TRAIN_2017; see training/README.md)")
    args = ap.parse_args(argv)
    train_files = TRAIN_FILES if args.with_2017 else [f for f in TRAIN_FILES if f not in OLD_STYLE]
    data = args.data.resolve()
    missing = [f for f in TRAIN_FILES + DEV_FILES if not (data / f).exists()]
    if missing:
        print(f"UD data not found in {data}: missing {missing}. Use --data or TAALCHECK_UD_DIR.", file=sys.stderr)
        return 2
    nlp = spacy.blank("nl")
    poss = possessive_table([data / f for f in TRAIN_FILES + DEV_FILES if f not in OLD_STYLE])
    stats: Counter = Counter()
    manifest = {
        "train": convert(train_files, data, args.out / "train.spacy", args.n_sents, poss, nlp, stats),
        "dev": convert(DEV_FILES, data, args.out / "dev.spacy", args.n_sents, poss, nlp, stats),
    }
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}")
    manifest["fixes"] = dict(sorted(stats.items()))
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
