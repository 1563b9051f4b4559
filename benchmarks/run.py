"""taalcheck benchmarks: throughput, cold start, memory, scaling, parallel files and equivalence.

Everything is measured in one run, side by side, on corpora from `benchmarks/corpus.py`:

    python benchmarks/run.py               # full run (~5-10 minutes on 2 cores)
    python benchmarks/run.py --quick       # fewer repetitions (~3-4 minutes)
    python benchmarks/run.py --profile     # also write cProfile reports to benchmarks/results/
    python benchmarks/run.py --readme      # also put the table into benchmarks/README.md

Results: a table on the terminal and JSON in benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

from taalcheck.api import make_checker  # noqa: E402
from taalcheck.documents import document_from_text  # noqa: E402
from taalcheck.language.text import count_words  # noqa: E402
from taalcheck.matching.engine import Checker  # noqa: E402
from taalcheck.model import Finding  # noqa: E402

RESULTS = HERE / "results"
README = HERE / "README.md"
PYTHON = sys.executable
TAALCHECK = shutil.which("taalcheck", path=str(Path(PYTHON).parent)) or "taalcheck"
#: Run 100k / 1M words through the exhaustive reference only when all its runs are expected to take
#: less than this (estimated from the timed 20k-word equivalence check).
EXHAUSTIVE_BUDGET = 90.0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(function: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def cold_env(work: Path) -> dict[str, str]:
    """The environment for cold starts: bytecode cached (as after `pip install`) in a private folder.

    PYTHONDONTWRITEBYTECODE may be set (it is on the development machine); then every start
    compiles taalcheck from source, which an installed package never does. The cache goes to a
    temporary folder (PYTHONPYCACHEPREFIX), so the source tree is not touched.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def cold(
    command: list[str], runs: int, env: dict[str, str] | None = None, warm_up: bool = True
) -> list[float]:
    """Wall time of a fresh process (stdout and stderr discarded); one untimed warm-up run first."""
    if warm_up:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - start)
    return times


def cold_cpu(
    command: list[str], runs: int, env: dict[str, str] | None = None
) -> tuple[list[float], list[float]]:
    """Wall time and CPU time (user + system, all child processes) of fresh processes."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return walls, cpus


SPIN = "x = 0\nfor i in range(8_000_000):\n    x += i\n"


def parallel_capacity() -> float:
    """How much faster two pure-Python processes finish side by side than one after the other.

    The ceiling for `--jobs 2` on this machine right now (2.0 on two idle cores).
    """
    command = [PYTHON, "-c", SPIN]
    start = time.perf_counter()
    for _ in range(2):
        subprocess.run(command, check=True)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    processes = [subprocess.Popen(command) for _ in range(2)]
    for process in processes:
        process.wait()
    return serial / (time.perf_counter() - start)


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": os.getloadavg(),
    }


# -- measurements -----------------------------------------------------------------------------


def check(checker: Checker, text: str) -> list[Finding]:
    return checker.check_document(document_from_text(text)).findings


def tokenizer_pass(nlp: Any, text: str) -> int:
    lines = [line for line in text.split("\n") if line.strip()]
    return sum(len(doc) for doc in nlp.tokenizer.pipe(lines))


def finding_key(finding: Finding) -> tuple[object, ...]:
    return (finding.rule, finding.start, finding.end, int(finding.severity), finding.spans)


def equivalence(fast: Checker, exhaustive: Checker, text: str) -> dict[str, Any]:
    """Compare the findings of both paths on `text` (and time the exhaustive check, one run)."""
    started = time.perf_counter()
    b = sorted(map(finding_key, check(exhaustive, text)))
    exhaustive_time = time.perf_counter() - started
    a = sorted(map(finding_key, check(fast, text)))
    only_fast = sorted(set(a) - set(b))
    only_exhaustive = sorted(set(b) - set(a))
    same = a == b
    return {
        "ok": same,
        "findings": len(a),
        "only_fast": [list(map(str, key)) for key in only_fast[:20]],
        "only_exhaustive": [list(map(str, key)) for key in only_exhaustive[:20]],
        "count_fast": len(a),
        "count_exhaustive": len(b),
        "exhaustive_s": exhaustive_time,
    }


MEMORY_CHILD = """
import json, resource, sys
from taalcheck.api import make_checker
from taalcheck.documents import document_from_text

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return None

checker = make_checker()
if sys.argv[1] == "pipeline":
    checker.pipeline  # load the Dutch pipeline so the numbers compare
before = status("VmRSS")
peak_load = status("VmHWM")
try:  # reset the high-water mark: VmHWM then is the peak during the check
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    reset = True
except OSError:
    reset = False
path = sys.argv[2] if len(sys.argv) > 2 else ""
text = open(path, encoding="utf-8").read() if path else ""
result = checker.check_document(document_from_text(text)) if text else None
print(json.dumps({
    "findings": len(result.findings) if result else 0,
    "pipeline_loaded": checker.pipeline_loaded,
    "peak_mb": max(peak_load, status("VmHWM")),
    "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "rss_before_check_mb": before,
    "peak_during_check_mb": status("VmHWM") if reset else None,
}))
"""


def peak_rss(path: Path | None, pipeline: bool = True) -> dict[str, Any]:
    """Peak memory of a fresh process that loads the checker (and pipeline) and checks `path`.

    The peak is VmHWM from /proc/self/status. ru_maxrss (and so RUSAGE_CHILDREN) is not used for
    the verdict: Linux carries the parent's high-water mark over fork and exec, so every child of
    this (large) benchmark process would report at least the parent's size.
    """
    arguments = [PYTHON, "-c", MEMORY_CHILD, "pipeline" if pipeline else "lazy"] + (
        [str(path)] if path else []
    )
    done = subprocess.run(arguments, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def imports_spacy(arguments: list[str]) -> dict[str, Any]:
    """Does `taalcheck ARGS` import spaCy? (python -X importtime)"""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "taalcheck", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    modules = [
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    ]
    spacy = [name for name in modules if name == "spacy" or name.startswith("spacy.")]
    return {"imports_spacy": bool(spacy), "modules": len(modules)}


def import_profile(
    arguments: list[str], env: dict[str, str] | None = None, top: int = 15
) -> list[tuple[str, float]]:
    """The slowest imports (cumulative, top-level packages first) of `taalcheck ARGS`."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "taalcheck", *arguments],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s+)(\S+)", line)
        if match and len(match.group(3)) <= 3:  # top-level imports only
            rows.append((match.group(4), int(match.group(2)) / 1e6))
    return sorted(rows, key=lambda row: -row[1])[:top]


def profile_text(function: Callable[[], object], limit: int = 25) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    function()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    out.write("== by internal time (tottime) ==\n")
    stats.sort_stats("tottime").print_stats(limit)
    out.write("== by cumulative time ==\n")
    stats.sort_stats("cumulative").print_stats(limit)
    return out.getvalue()


def profile_cold(page: Path, env: dict[str, str] | None = None, limit: int = 30) -> str:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "cold.prof"
        subprocess.run(
            [PYTHON, "-m", "cProfile", "-o", str(output), "-m", "taalcheck", "check", str(page)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            check=False,
        )
        out = io.StringIO()
        stats = pstats.Stats(str(output), stream=out).strip_dirs()
        out.write("== by cumulative time ==\n")
        stats.sort_stats("cumulative").print_stats(limit)
        out.write("== by internal time (tottime) ==\n")
        stats.sort_stats("tottime").print_stats(limit)
        return out.getvalue()


# -- the run ----------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    quick = args.quick
    runs_100k, runs_1m = (3, 1) if quick else (5, 3)
    runs_cold = 3 if quick else 5
    runs_files = 1 if quick else 3
    result: dict[str, Any] = {"machine": machine(), "quick": quick, "lexicon": {}}
    work = Path(tempfile.mkdtemp(prefix="taalcheck-bench-"))
    try:
        log("loading checker and generating corpora")
        checker = make_checker()
        pool = corpus.pools(checker)
        result["lexicon"] = {
            "entries": len(checker.lexicon.entries),
            "patterns": len(checker.lexicon.compiled.patterns),
            "pipeline": checker.pipeline_choice.describe(),
            "term_sentences": len(pool.terms),
            "flag_examples": len(pool.examples),
            "clean_templates": len(pool.clean),
            "dropped_clean_templates": len(pool.dropped_clean),
        }
        text_100k = corpus.generate(100_000, seed=1, checker=checker)
        text_1m = corpus.generate(1_000_000, seed=2, checker=checker)
        text_20k = corpus.generate(20_000, seed=3, checker=checker)
        text_10k = corpus.generate(10_000, seed=4, checker=checker)
        clean_100k = corpus.generate_clean(100_000, seed=5, checker=checker)
        clean_5k = corpus.generate_clean(5_000, seed=6, checker=checker)
        page_terms = corpus.generate_reports(1, seed=7, density=0.08, checker=checker)[0]
        page_clean = corpus.generate_reports(1, seed=8, density=0.0, checker=checker)[0]
        files_count = 1000
        reports = corpus.generate_reports(files_count, seed=9, checker=checker)
        words = {
            name: count_words(text)
            for name, text in [("20k", text_20k), ("100k", text_100k), ("1M", text_1m)]
        }
        result["corpus"] = {
            "words_20k": words["20k"],
            "words_100k": words["100k"],
            "words_1M": words["1M"],
            "words_page_terms": count_words(page_terms),
            "words_page_clean": count_words(page_clean),
            "density": corpus.DEFAULT_DENSITY,
        }
        paths = {}
        for name, text in [
            ("10k", text_10k),
            ("1M", text_1m),
            ("page_terms", page_terms),
            ("page_clean", page_clean),
        ]:
            paths[name] = work / f"{name}.txt"
            paths[name].write_text(text, encoding="utf-8")
        folder = work / "reports"
        folder.mkdir()
        for index, report in enumerate(reports):
            (folder / f"rapport-{index:04d}.txt").write_text(report, encoding="utf-8")

        # Correctness first: equivalence and clean text.
        log("equivalence: fast path vs exhaustive on ~20k words; clean text")
        exhaustive = Checker(checker.lexicon, checker.settings, exhaustive=True)
        check(exhaustive, page_terms)  # warm-up: loads the pipeline
        result["equivalence"] = equivalence(checker, exhaustive, text_20k)
        result["clean"] = {
            "fast_100k_findings": len(check(checker, clean_100k)),
            "exhaustive_5k_findings": len(check(exhaustive, clean_5k)),
            "page_clean_findings": len(check(checker, page_clean)),
            "page_terms_findings": len(check(checker, page_terms)),
        }

        # Throughput after start-up (warm: the checker and any pipeline are loaded).
        log("throughput: fast path")
        check(checker, page_terms)
        fast_20k = timed(lambda: check(checker, text_20k), runs_100k)
        fast_100k = timed(lambda: check(checker, text_100k), runs_100k)
        fast_1m = timed(lambda: check(checker, text_1m), runs_1m)
        result["fast"] = {
            "20k": fast_20k,
            "100k": fast_100k,
            "1M": fast_1m,
            "findings_100k": len(check(checker, text_100k)),
            "pipeline_loaded": checker.pipeline_loaded,
        }

        log("throughput: exhaustive reference")
        exhaustive_20k = [result["equivalence"]["exhaustive_s"]]
        per_word = exhaustive_20k[0] / words["20k"]
        estimate_100k, estimate_1m = per_word * words["100k"], per_word * words["1M"]
        runs_exhaustive = 1 if quick else 3
        exhaustive_100k: list[float] = []
        exhaustive_1m: list[float] = []
        if estimate_100k * runs_exhaustive <= EXHAUSTIVE_BUDGET:
            exhaustive_100k = timed(lambda: check(exhaustive, text_100k), runs_exhaustive)
        if not quick and estimate_1m <= EXHAUSTIVE_BUDGET:
            exhaustive_1m = timed(lambda: check(exhaustive, text_1m), 1)
        result["exhaustive"] = {
            "20k": exhaustive_20k,
            "100k": exhaustive_100k,
            "1M": exhaustive_1m,
            "100k_estimate_s": estimate_100k,
            "1M_estimate_s": estimate_1m,
            "100k_note": "" if exhaustive_100k else f"not run: ~{estimate_100k:.0f} s per run (estimated)",
            "1M_note": "" if exhaustive_1m else f"not run: ~{estimate_1m:.0f} s per run (estimated)",
        }

        log("throughput: bare spaCy tokenizer")
        import spacy

        nlp = spacy.blank("nl")
        tokenizer_pass(nlp, page_terms)
        result["tokenizer"] = {
            "100k": timed(lambda: tokenizer_pass(nlp, text_100k), runs_100k),
            "1M": timed(lambda: tokenizer_pass(nlp, text_1m), runs_1m),
        }

        log("cold starts")
        env = cold_env(work)
        result["cold"] = {
            "import_spacy": cold([PYTHON, "-c", "import spacy"], runs_cold, env),
            "check_page_terms": cold([TAALCHECK, "check", str(paths["page_terms"])], runs_cold, env),
            "check_page_clean": cold([TAALCHECK, "check", str(paths["page_clean"])], runs_cold, env),
            "version": cold([TAALCHECK, "--version"], runs_cold, env),
            "help": cold([TAALCHECK, "--help"], runs_cold, env),
            "python_startup": cold([PYTHON, "-c", "pass"], runs_cold, env),
            "check_page_clean_without_bytecode_cache": cold(
                [TAALCHECK, "check", str(paths["page_clean"])], runs_cold, None, warm_up=False
            ),
            "bytecode_cache_disabled_in_environment": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
        }
        result["imports"] = {
            "version": imports_spacy(["--version"]),
            "help": imports_spacy(["--help"]),
            "check_page_clean": imports_spacy(["check", str(paths["page_clean"])]),
        }

        log("peak memory (fresh processes, pipeline loaded in each)")
        result["memory"] = {
            "pipeline_only": peak_rss(None),
            "10k": peak_rss(paths["10k"]),
            "1M": peak_rss(paths["1M"]),
            "1M_lazy_pipeline": peak_rss(paths["1M"], pipeline=False),
        }

        log(f"many files: {files_count} one-page reports, --jobs 1 vs --jobs 2")
        base = [TAALCHECK, "check", str(folder), "--format", "json"]
        result["files"] = {
            "count": files_count,
            "load_average_before": os.getloadavg(),
        }
        for jobs in (1, 2):
            walls, cpus = cold_cpu([*base, "--jobs", str(jobs)], runs_files, env)
            result["files"][f"jobs{jobs}"] = walls
            result["files"][f"jobs{jobs}_cpu"] = cpus
        result["files"]["machine_parallel_capacity"] = parallel_capacity()

        if args.profile:
            log("profiling: fast path over 100k words; cold check of a page without terms")
            RESULTS.mkdir(exist_ok=True)
            (RESULTS / "profile_fast_100k.txt").write_text(profile_text(lambda: check(checker, text_100k)))
            cold_report = profile_cold(paths["page_clean"], env)
            imports = import_profile(["check", str(paths["page_clean"])], env)
            cold_report += "\n== slowest top-level imports (python -X importtime, cumulative s) ==\n"
            cold_report += "".join(f"{seconds:8.3f}  {name}\n" for name, seconds in imports)
            (RESULTS / "profile_cold_clean_page.txt").write_text(cold_report)
            result["profile"] = {
                "fast_100k": "results/profile_fast_100k.txt",
                "cold_clean_page": "results/profile_cold_clean_page.txt",
                "cold_imports": imports,
            }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


# -- summary ----------------------------------------------------------------------------------


def summarise(result: dict[str, Any]) -> tuple[list[list[str]], list[list[str]]]:
    """Rows for the measurement table and the targets table."""
    words_20k = result["corpus"]["words_20k"]
    words_100k, words_1m = result["corpus"]["words_100k"], result["corpus"]["words_1M"]

    def wps(times: list[float], words: int) -> str:
        return f"{words / median(times):,.0f}" if times else "—"

    def sec(times: list[float]) -> str:
        return f"{median(times):.3f}" if times else "—"

    fast, exh, tok, cold_ = result["fast"], result["exhaustive"], result["tokenizer"], result["cold"]
    measurements = [
        ["fast path, 100k words", sec(fast["100k"]), wps(fast["100k"], words_100k), f"{len(fast['100k'])}"],
        ["fast path, 1M words", sec(fast["1M"]), wps(fast["1M"], words_1m), f"{len(fast['1M'])}"],
        ["fast path, 20k words", sec(fast["20k"]), wps(fast["20k"], words_20k), f"{len(fast['20k'])}"],
        ["(a) exhaustive, 20k words", sec(exh["20k"]), wps(exh["20k"], words_20k), f"{len(exh['20k'])}"],
        [
            "(a) exhaustive, 100k words",
            sec(exh["100k"]),
            wps(exh["100k"], words_100k) if exh["100k"] else exh["100k_note"],
            f"{len(exh['100k'])}",
        ],
        [
            "(a) exhaustive, 1M words",
            sec(exh["1M"]),
            wps(exh["1M"], words_1m) if exh["1M"] else exh["1M_note"],
            f"{len(exh['1M'])}",
        ],
        [
            "(b) spaCy tokenizer, 100k words",
            sec(tok["100k"]),
            wps(tok["100k"], words_100k),
            f"{len(tok['100k'])}",
        ],
        ["(b) spaCy tokenizer, 1M words", sec(tok["1M"]), wps(tok["1M"], words_1m), f"{len(tok['1M'])}"],
        [
            "(c) python -c 'import spacy' (cold)",
            sec(cold_["import_spacy"]),
            "",
            f"{len(cold_['import_spacy'])}",
        ],
        ["python -c pass (cold)", sec(cold_["python_startup"]), "", f"{len(cold_['python_startup'])}"],
        [
            "taalcheck check page, with findings",
            sec(cold_["check_page_terms"]),
            "",
            f"{len(cold_['check_page_terms'])}",
        ],
        [
            "taalcheck check page, no terms",
            sec(cold_["check_page_clean"]),
            "",
            f"{len(cold_['check_page_clean'])}",
        ],
        [
            "taalcheck check page, no terms, no bytecode cache",
            sec(cold_["check_page_clean_without_bytecode_cache"]),
            "",
            f"{len(cold_['check_page_clean_without_bytecode_cache'])}",
        ],
        ["taalcheck --version", sec(cold_["version"]), "", f"{len(cold_['version'])}"],
        ["taalcheck --help", sec(cold_["help"]), "", f"{len(cold_['help'])}"],
        [
            f"{result['files']['count']} files, --jobs 1",
            sec(result["files"]["jobs1"]),
            "",
            f"{len(result['files']['jobs1'])}",
        ],
        [
            f"{result['files']['count']} files: CPU s (all processes) --jobs 1 / --jobs 2",
            f"{median(result['files']['jobs1_cpu']):.1f} / {median(result['files']['jobs2_cpu']):.1f}",
            "",
            f"{len(result['files']['jobs1_cpu'])}",
        ],
        [
            f"{result['files']['count']} files, --jobs 2",
            sec(result["files"]["jobs2"]),
            "",
            f"{len(result['files']['jobs2'])}",
        ],
    ]
    memory = result["memory"]

    def mb(value: float | None) -> str:
        return f"{value:.0f}" if value is not None else "—"

    def during(row: dict[str, Any]) -> str:
        return f"{mb(row['rss_before_check_mb'])} / {mb(row['peak_during_check_mb'])}"

    measurements += [
        ["peak RSS, pipeline only (MB)", mb(memory["pipeline_only"]["peak_mb"]), "", "1"],
        ["peak RSS, 10k words (MB)", mb(memory["10k"]["peak_mb"]), "", "1"],
        ["peak RSS, 1M words (MB)", mb(memory["1M"]["peak_mb"]), "", "1"],
        ["  of which: RSS before / peak during the 1M check (MB)", during(memory["1M"]), "", "1"],
        [
            "peak RSS, 1M words, pipeline loaded only if needed (MB)",
            mb(memory["1M_lazy_pipeline"]["peak_mb"]),
            "",
            "1",
        ],
    ]

    def target(name: str, value: float, limit: float, higher: bool, unit: str = "x") -> list[str]:
        ok = value >= limit if higher else value <= limit
        sign = "≥" if higher else "≤"
        return [name, f"{value:.2f}{unit}", f"{sign} {limit:g}{unit}", "OK" if ok else "MISS"]

    fast_100k = median(fast["100k"])
    targets = [
        target("speed-up vs exhaustive (same 20k words)", median(exh["20k"]) / median(fast["20k"]), 20, True),
        target("fast time / tokenizer time (100k)", fast_100k / median(tok["100k"]), 3, False),
        target(
            "cold check no terms / import spacy",
            median(cold_["check_page_clean"]) / median(cold_["import_spacy"]),
            0.25,
            False,
        ),
        target(
            "cold check findings / import spacy",
            median(cold_["check_page_terms"]) / median(cold_["import_spacy"]),
            2,
            False,
        ),
        [
            "--version / --help import spaCy",
            f"{result['imports']['version']['imports_spacy']} / {result['imports']['help']['imports_spacy']}",
            "False / False",
            "OK"
            if not (
                result["imports"]["version"]["imports_spacy"] or result["imports"]["help"]["imports_spacy"]
            )
            else "MISS",
        ],
        target(
            "peak RSS 1M / 10k (pipeline loaded)",
            memory["1M"]["peak_mb"] / memory["10k"]["peak_mb"],
            1.5,
            False,
        ),
        target("time(1M) / time(100k)", median(fast["1M"]) / fast_100k, 11, False),
        target(
            "--jobs 1 / --jobs 2",
            median(result["files"]["jobs1"]) / median(result["files"]["jobs2"]),
            1.6,
            True,
        ),
        [
            "  machine ceiling now: 2 pure-Python processes, serial / side by side",
            f"{result['files']['machine_parallel_capacity']:.2f}x",
            "2x when idle",
            "info",
        ],
        [
            "fast == exhaustive (20k words)",
            f"{result['equivalence']['count_fast']} / {result['equivalence']['count_exhaustive']} findings",
            "identical",
            "OK" if result["equivalence"]["ok"] else "DIFF",
        ],
        [
            "clean text: no findings",
            f"{result['clean']['fast_100k_findings']} (fast 100k), {result['clean']['exhaustive_5k_findings']} (exh. 5k)",
            "0",
            "OK"
            if not (result["clean"]["fast_100k_findings"] or result["clean"]["exhaustive_5k_findings"])
            else "MISS",
        ],
    ]
    return measurements, targets


MEASUREMENT_HEADER = ["measurement", "median s", "words/s", "runs"]
TARGET_HEADER = ["target", "measured", "goal", "status"]


def print_tables(result: dict[str, Any], measurements: list[list[str]], targets: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    m = result["machine"]
    console.print(
        f"taalcheck benchmark — {m['date']} — {m['nproc']} cores, {m['cpu']}, Python {m['python']}",
        markup=False,
    )
    console.print(
        f"lexicon: {result['lexicon']['entries']} entries, {result['lexicon']['patterns']} patterns; pipeline: {result['lexicon']['pipeline']}",
        markup=False,
    )
    for title, header, rows in (
        ("Measurements", MEASUREMENT_HEADER, measurements),
        ("Targets", TARGET_HEADER, targets),
    ):
        table = Table(title=title)
        for column in header:
            table.add_column(column, justify="left" if column in ("measurement", "target") else "right")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    equivalence_ = result["equivalence"]
    if equivalence_["ok"]:
        console.print(
            f"Equivalence: OK ({equivalence_['findings']} identical findings on ~20k words)", markup=False
        )
    else:
        console.print("Equivalence: DIFF", markup=False)
        for key in equivalence_["only_fast"]:
            console.print(f"  only fast path:  {key}", markup=False)
        for key in equivalence_["only_exhaustive"]:
            console.print(f"  only exhaustive: {key}", markup=False)


def markdown(result: dict[str, Any], measurements: list[list[str]], targets: list[list[str]]) -> str:
    m = result["machine"]
    lines = [
        f"Run: {m['date']}{' (--quick)' if result['quick'] else ''} — {m['nproc']} cores, {m['cpu']}, "
        f"Python {m['python']}; lexicon {result['lexicon']['entries']} entries / "
        f"{result['lexicon']['patterns']} patterns; pipeline: {result['lexicon']['pipeline']}. "
        f"Load average (1 min) at start {m['load_average_at_start'][0]:.1f}, at end "
        f"{m.get('load_average_at_end', [0.0])[0]:.1f}, before the --jobs runs "
        f"{result['files']['load_average_before'][0]:.1f}; run took {result.get('duration_s', 0):.0f} s.",
        "",
    ]
    for header, rows in ((MEASUREMENT_HEADER, measurements), (TARGET_HEADER, targets)):
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def update_readme(text: str) -> None:
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    readme = README.read_text(encoding="utf-8")
    if start in readme and end in readme:
        before, rest = readme.split(start, 1)
        after = rest.split(end, 1)[1]
        README.write_text(f"{before}{start}\n{text}\n{end}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about 3-4 minutes)")
    parser.add_argument(
        "--profile", action="store_true", help="write cProfile reports to benchmarks/results/"
    )
    parser.add_argument("--readme", action="store_true", help="put the tables into benchmarks/README.md")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = run(args)
    result["duration_s"] = round(time.perf_counter() - started, 1)
    result["machine"]["load_average_at_end"] = os.getloadavg()
    measurements, targets = summarise(result)
    result["table"] = {"measurements": measurements, "targets": targets}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_tables(result, measurements, targets)
    text = markdown(result, measurements, targets)
    (args.output.parent / "latest.md").write_text(text + "\n", encoding="utf-8")
    if args.readme:
        update_readme(text)
    log(f"done in {result['duration_s']} s; JSON in {args.output}")
    return 0 if result["equivalence"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
