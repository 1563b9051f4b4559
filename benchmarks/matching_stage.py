"""CPU time of checking 100k words of real domain prose in-process, and of its matching stage.

Prints one line of JSON: the CPU seconds of `check_document` (whole check, after a warm-up check
of the same text), of the per-sentence matching stage inside it (`Checker._sentence_matches`:
candidates, tokens, matcher, particle checks) and of the matcher alone (`match_sentence`), each
per check (the mean of `--repeat` checks), with the numbers of findings and trust matches. Run
it alternately against two source trees and compare the pairs (A B A B ...), e.g.

    for i in 1 2 3 4; do
      for tree in /path/to/main /path/to/branch; do
        PYTHONPATH=$tree/src TAALCHECK_NO_CACHE=1 python benchmarks/matching_stage.py --label $tree
      done
    done

The real prose is read from `../shared/domain/real-dev/` next to the checkout, or from
`TAALCHECK_REAL_DEV` (see diverse.py); without it the script says so.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import diverse

from taalcheck.api import make_checker
from taalcheck.documents import document_from_text
from taalcheck.matching import engine
from taalcheck.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default="")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=12, help="times the real prose is repeated")
    parser.add_argument("--model", default=None, help="e.g. 'blank' to leave the parser out")
    args = parser.parse_args()
    real = diverse.real_prose()
    if not real.strip():
        print(json.dumps({"skipped": f"no real prose in {diverse.REAL_DEV}"}))
        return
    text = "\n".join(itertools.repeat(real, args.copies))
    checker = make_checker(Settings(model=args.model) if args.model else None)
    document = document_from_text(text)
    stage = [0.0, 0.0]
    original_stage = engine.Checker._sentence_matches
    original_matcher = engine.match_sentence

    def timed_stage(self, *arguments):  # the matching stage, timed in place
        started = time.process_time()
        try:
            return original_stage(self, *arguments)
        finally:
            stage[0] += time.process_time() - started

    def timed_matcher(*arguments, **options):  # the matcher alone (after candidates and tokens)
        started = time.process_time()
        try:
            return original_matcher(*arguments, **options)
        finally:
            stage[1] += time.process_time() - started

    engine.Checker._sentence_matches = timed_stage
    engine.match_sentence = timed_matcher
    first = checker.check_document(document)  # warm-up: pipeline, caches
    stage[:] = [0.0, 0.0]
    started = time.process_time()
    for _ in range(args.repeat):
        result = checker.check_document(document)
    total = time.process_time() - started
    assert len(result.findings) == len(first.findings)
    print(
        json.dumps(
            {
                "label": args.label,
                "words": len(text.split()),
                "findings": len(result.findings),
                "positives": len(result.positives),
                "check_cpu": round(total / args.repeat, 4),
                "matching_cpu": round(stage[0] / args.repeat, 4),
                "matcher_cpu": round(stage[1] / args.repeat, 4),
            }
        )
    )


if __name__ == "__main__":
    main()
