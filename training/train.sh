#!/usr/bin/env bash
# Reproduce the shipped Dutch pipeline src/taalcheck/models/nl_taalcheck/ in one command:
#
#     bash training/train.sh
#
# Steps: prepare (CoNLL-U -> DocBin, lemma fix) -> spacy train -> compare lemmatizers on UD_Dutch-Alpino dev
#        -> package into src/taalcheck/models/nl_taalcheck/ (meta.json with scores, LICENSE, ATTRIBUTION.md)
#        -> benchmark (disk size, load time, speed, hard lemma forms).
# Run from anywhere, with the project's virtualenv active (spacy 3.8 + spacy-lookups-data).
# About 30 minutes on one core of a 2-core machine; logs and numbers go to training/output/.
# Environment:
#   TAALCHECK_UD_DIR  UD data folder (default: <repo>/../shared/data/ud)
#   TRAIN_2017=0      leave out the 2017 LassySmall train split (default 1: used; see training/README.md)
#   TRAIN_THREADS     BLAS/OpenMP threads (default 1: leave the other core free)
#   TRAIN_TIMEOUT     safety limit for `spacy train` (default 70m); on timeout model-best is used
#   SKIP_TRAIN=1      reuse training/output/ (only compare + package + benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
THREADS=${TRAIN_THREADS:-1}
export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS BLIS_NUM_THREADS=$THREADS
OUT=training/output
MODEL_DIR=src/taalcheck/models/nl_taalcheck

if [ "${SKIP_TRAIN:-0}" != "1" ]; then
  nice -n 10 "$PY" training/prepare.py
  mkdir -p "$OUT"
  start=$(date +%s)
  rc=0
  nice -n 10 timeout "${TRAIN_TIMEOUT:-70m}" "$PY" -m spacy train training/config.cfg --output "$OUT" 2>&1 \
    | tee "$OUT/train.log" || rc=$?
  end=$(date +%s)
  if [ "$rc" != "0" ] && [ ! -d "$OUT/model-best" ]; then echo "training failed ($rc)" >&2; exit "$rc"; fi
  echo "$((end - start))" > "$OUT/train_seconds.txt"
  echo "training wall time: $((end - start)) s"
fi

nice -n 10 "$PY" training/package.py --model "$OUT/model-best" --compare | tee "$OUT/lemmatizer_compare.txt"
nice -n 10 "$PY" training/package.py --model "$OUT/model-best" --out "$MODEL_DIR" \
  --train-seconds "$(cat "$OUT/train_seconds.txt")"
nice -n 10 "$PY" training/benchmark.py "$MODEL_DIR" | tee "$OUT/benchmark.txt"
