"""What the analyses beyond word lists cost: who decides (agency) and 'In dit verslag' (coverage).

Interleaved pairs on the same text, in one process, after a warm-up: the engine as shipped, then the
same engine with both analyses switched off (a subclass below), again and again. The ratio of the
medians (with / without) is the cost; interleaving keeps a busy shared machine from favouring one
side, and CPU time (not wall time) is what is compared. Also reports what the analyses found, and on the user-trial reports when they are present.

    python benchmarks/analyses.py              # 100k words of generated report prose, 7 pairs
    python benchmarks/analyses.py --words 20000 --pairs 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

from taalcheck.api import make_checker  # noqa: E402
from taalcheck.documents import document_from_text, read_document  # noqa: E402
from taalcheck.language.text import count_words  # noqa: E402
from taalcheck.matching.engine import Checker  # noqa: E402
from taalcheck.model import FileResult  # noqa: E402

RESULTS = HERE / "results"
USER_TRIAL = HERE.parents[1] / "shared" / "domain" / "user-trial"


class WordListsOnly(Checker):
    """The engine without the two analyses: what taalcheck cost before them."""

    def _who_decides(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return []

    def _coverage(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return []


def _check(checker: Checker, text: str) -> FileResult:
    return checker.check_document(document_from_text(text))


def pairs(with_: Checker, without: Checker, text: str, count: int) -> tuple[list[float], list[float]]:
    """CPU seconds per check, alternating with and without the analyses."""
    timings: tuple[list[float], list[float]] = ([], [])
    for index in range(count):
        order = [(0, with_), (1, without)] if index % 2 == 0 else [(1, without), (0, with_)]
        for side, checker in order:
            start = time.process_time()  # CPU time: less swayed by other work on a shared machine
            _check(checker, text)
            timings[side].append(time.process_time() - start)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--pairs", type=int, default=7)
    args = parser.parse_args(argv)
    with_ = make_checker()
    without = WordListsOnly(with_.lexicon, with_.settings)
    text = corpus.generate(args.words, seed=1, checker=with_)
    words = count_words(text)
    for checker in (with_, without):  # warm-up: pipeline, lexicon, regexes
        _check(checker, text[:20_000])
    timed_with, timed_without = pairs(with_, without, text, args.pairs)
    result = _check(with_, text)
    median_with, median_without = statistics.median(timed_with), statistics.median(timed_without)
    summary: dict[str, Any] = {
        "words": words,
        "pairs": args.pairs,
        "load_average": os.getloadavg()[0],
        "pipeline": with_.pipeline_choice.describe(),
        "with_s": timed_with,
        "without_s": timed_without,
        "median_with_s": median_with,
        "median_without_s": median_without,
        "ratio": median_with / median_without,
        "pair_ratios": [a / b for a, b in zip(timed_with, timed_without, strict=True)],
        "who_decides_findings": sum(1 for f in result.findings if f.rule == with_.agency.entry.id),
        "coverage_passages": {item.key: len(item.passages) for item in result.coverage},
    }
    if USER_TRIAL.is_dir():
        trial = {}
        for path in sorted(USER_TRIAL.glob("*")):
            if path.suffix not in (".md", ".docx"):
                continue
            document = read_document(path)
            with_.check_document(document)  # warm-up for this document
            timings = ([], [])
            for _ in range(5):
                for side, checker in ((0, with_), (1, without)):
                    start = time.process_time()
                    checker.check_document(document)
                    timings[side].append(time.process_time() - start)
            trial[path.name] = {
                "with_s": statistics.median(timings[0]),
                "without_s": statistics.median(timings[1]),
                "who_decides": sum(
                    1 for f in with_.check_document(document).findings if f.rule == with_.agency.entry.id
                ),
            }
        summary["user_trial"] = trial
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "analyses.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(
        f"{words} words, {args.pairs} interleaved pairs (load {summary['load_average']:.1f}): "
        f"with the analyses {median_with:.3f} s, without {median_without:.3f} s, "
        f"ratio {summary['ratio']:.3f} (pairs {min(summary['pair_ratios']):.3f}-{max(summary['pair_ratios']):.3f}); "
        f"{summary['who_decides_findings']} who-decides hints, coverage {summary['coverage_passages']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
