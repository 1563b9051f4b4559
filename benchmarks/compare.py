"""The honest comparison: taalcheck against its yardsticks and peers, as interleaved pairs in one run.

On a shared machine absolute times move by a factor of two from one minute to the next, so every
figure here is a ratio of two measurements taken right after each other (A B A B ...), one ratio
per pair; the table gives the median pair ratio and the range. Nothing is compared across runs.

    bash benchmarks/install_peers.sh        # prh, textlint + prh (npm), proselint (PyPI), once
    python benchmarks/compare.py            # full run (about 15 minutes on 2 shared cores)
    python benchmarks/compare.py --quick    # fewer pairs (about 6 minutes)
    python benchmarks/compare.py --readme   # also put the tables into benchmarks/README.md

Corpora (`diverse.py`): the real domain texts of ../shared/domain/real-dev next to the checkout (read there), and
generated reports of real sentences with a realistic vocabulary (distinct words reported).
Results: a Markdown table on stdout and in results/compare.md, raw pairs in results/compare.json,
each section with the machine's load (/proc/loadavg) before and after it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
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
import diverse  # noqa: E402

from taalcheck.api import make_checker  # noqa: E402
from taalcheck.documents import document_from_text  # noqa: E402
from taalcheck.language.normalize import fold  # noqa: E402

PEERS = Path(os.environ.get("TAALCHECK_PEERS_DIR", HERE / ".peers"))
PRH = PEERS / "node" / "node_modules" / ".bin" / "prh"
TEXTLINT = PEERS / "node" / "node_modules" / ".bin" / "textlint"
PROSELINT_PYTHON = PEERS / "venv" / "bin" / "python"
RESULTS = HERE / "results"
README = HERE / "README.md"
PYTHON = sys.executable
#: A term sentence whose particle reading the parser must confirm ('op' is followed by 'zoals').
PARSER_CANDIDATE = "De gezinsvoogd legt de ouders een sanctie op zoals eerder besproken."
TAALCHECK = [PYTHON, "-m", "taalcheck"]
#: The parts of a run (`--only`): in-process ratios, 1M words, 1,000 pages, text vs JSON, cold start, memory.
SECTIONS = ("in-process", "1m", "pages", "output", "cold", "memory")


def _peer_forms(word: Any) -> list[str]:
    """The base form and the shortest longer form (-s, -e, -n, -t) of a pattern word."""
    longer = sorted(
        (form for form in word.forms if form != word.base and form.startswith(word.base[:-1])),
        key=lambda form: (len(form), form),
    )
    return [word.base, *longer[:1]]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# -- timing -----------------------------------------------------------------------------------


def run_process(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    """Wall time of one fresh process, output discarded.

    A taalcheck command must end as a check does (0: nothing found, 1: findings): a run that
    failed would be timed as if it had done the work.
    """
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    elapsed = time.perf_counter() - start
    if command[: len(TAALCHECK)] == TAALCHECK and done.returncode not in (0, 1):
        message = done.stderr.decode("utf-8", "replace").strip()[-500:]
        raise SystemExit(f"{' '.join(command)} ended with {done.returncode}: {message}")
    return elapsed


def timed(function: Callable[[], object], before: Callable[[], object] | None = None) -> float:
    if before is not None:
        before()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def pairs(
    name: str, a_label: str, b_label: str, a: Callable[[], float], b: Callable[[], float], rounds: int
) -> dict[str, Any]:
    """`rounds` interleaved pairs A B A B ...; the ratio of each pair is time(A) / time(B)."""
    load_before = loadavg()
    a_times, b_times = [], []
    for _ in range(rounds):
        a_times.append(a())
        b_times.append(b())
    ratios = [x / y for x, y in zip(a_times, b_times, strict=True)]
    row = {
        "name": name,
        "a": a_label,
        "b": b_label,
        "a_s": a_times,
        "b_s": b_times,
        "ratios": ratios,
        "load_before": load_before,
        "load_after": loadavg(),
    }
    log(f"{name}: {a_label} / {b_label} = {statistics.median(ratios):.3f} (load {row['load_after']})")
    return row


# -- peers ------------------------------------------------------------------------------------


def peer_terms(checker: Any) -> list[str]:
    """The dictionary the peers get: each control pattern as a person would list it for prh.

    Words in pattern order, each as written and in its shortest inflected form (sanctie/sancties,
    escaleren/escaleert), all combinations. taalcheck itself generates ~60k forms for the lexicon
    (every inflection, diminutive, comparative); no dictionary linter's rule file lists those.
    """
    terms: set[str] = set()
    for compiled in checker.lexicon.compiled.patterns:
        if compiled.entry.kind != "control":
            continue
        words = [word for group in compiled.pattern.groups for word in group]
        forms = [_peer_forms(word) for word in words]
        terms.update(" ".join(combo) for combo in itertools.product(*forms))
    return sorted(terms)


def write_peer_configs(folder: Path, terms: list[str], checker: Any) -> dict[str, Path]:
    """terms.txt (grep, proselint), prh.yml (one rule per control entry) and the textlint config."""
    paths = {"terms": folder / "terms.txt", "prh": folder / "prh.yml", "textlint": folder / "textlintrc.json"}
    paths["terms"].write_text("\n".join(terms) + "\n", encoding="utf-8")
    by_entry: dict[str, set[str]] = {}
    term_set = set(terms)
    for compiled in checker.lexicon.compiled.patterns:
        if compiled.entry.kind != "control":
            continue
        words = [word for group in compiled.pattern.groups for word in group]
        forms = [_peer_forms(word) for word in words]
        phrases = {" ".join(combo) for combo in itertools.product(*forms)} & term_set
        by_entry.setdefault(compiled.entry.id, set()).update(phrases)
    lines = ["version: 1", "rules:"]
    for entry_id, phrases in by_entry.items():
        alternatives = "|".join(sorted((p.replace(" ", r"\s+") for p in phrases), key=lambda p: -len(p)))
        expected = (
            checker.lexicon.entries[entry_id].alternatives[0]
            if checker.lexicon.entries[entry_id].alternatives
            else entry_id
        )
        lines.append(f"  - expected: {json.dumps(expected, ensure_ascii=False)}")
        regex = "/\\b(?:" + alternatives + ")\\b/i"
        lines.append(f"    pattern: {json.dumps(regex, ensure_ascii=False)}")
    paths["prh"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths["textlint"].write_text(
        json.dumps({"rules": {"prh": {"rulePaths": [str(paths["prh"])]}}}), encoding="utf-8"
    )
    return paths


def peers_installed() -> bool:
    return PRH.exists() and TEXTLINT.exists() and PROSELINT_PYTHON.exists()


def peer_commands(configs: dict[str, Path], target: list[str]) -> dict[str, list[str]]:
    """The command of each peer over `target` (files or one folder)."""
    files = target
    if len(target) == 1 and Path(target[0]).is_dir():
        files = [str(path) for path in sorted(Path(target[0]).glob("*.txt"))]
    return {
        "prh": [str(PRH), "--rules", str(configs["prh"]), *files],
        "textlint+prh": [str(TEXTLINT), "--config", str(configs["textlint"]), "--format", "json", *files],
        "proselint": [str(PROSELINT_PYTHON), str(HERE / "peer_proselint.py"), str(configs["terms"]), *target],
        "grep -F": ["env", "LC_ALL=C", "grep", "-F", "-i", "-w", "-o", "-f", str(configs["terms"]), *files],
    }


# -- memory -----------------------------------------------------------------------------------

_PEAK = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def peak_rss_mb(command: list[str], env: dict[str, str]) -> float:
    """Peak RSS of the real CLI process, measured by a small launcher (wait4 of its own child).

    A child of this big benchmark process would inherit its high-water mark over fork and exec;
    the launcher is a bare interpreter, so the figure is the CLI's own. A run that did not end
    as a check does (0 or 1) stops the benchmark: its peak would be that of an error message.
    """
    done = subprocess.run(
        [PYTHON, "-c", _PEAK, *command], capture_output=True, text=True, env=env, check=True
    )
    peak, code = (int(value) for value in done.stdout.split())
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} ended with {code}")
    return peak / 1024


# -- the run ----------------------------------------------------------------------------------


def cli_env(work: Path) -> dict[str, str]:
    """As after `pip install`: bytecode and the compiled lexicon cached (in private folders)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("TAALCHECK_NO_CACHE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["TAALCHECK_CACHE_DIR"] = str(work / "cache")
    env["NO_COLOR"] = "1"
    return env


def tokenizer_pass(nlp: Any, text: str) -> int:
    lines = [line for line in text.split("\n") if line.strip()]
    return sum(len(doc) for doc in nlp.tokenizer.pipe(lines))


def parser_sentence(checker: Any, sentences: list[str]) -> str | None:
    """A term sentence whose finding needs the parser (the CLI then loads the Dutch pipeline)."""
    needed: list[bool] = []

    def probe(sentence: Any) -> Any:
        needed.append(True)
        raise LookupError

    for sentence in sentences:
        needed.clear()
        checker._analysed = probe
        try:
            checker.check_document(document_from_text(sentence))
        except LookupError:
            pass
        finally:
            del checker._analysed
        if needed:
            return sentence
    return None


def run(args: argparse.Namespace) -> dict[str, Any]:
    quick = args.quick
    rounds = 3 if quick else 5
    rounds_big = 1 if quick else 3
    rounds_cold = 5 if quick else 9
    only = set(args.only.split(",")) if args.only else set(SECTIONS)

    def want(section: str) -> bool:
        return section in only

    result: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}",
        "load_at_start": loadavg(),
        "quick": quick,
        "rows": [],
        "facts": {},
    }
    rows: list[dict[str, Any]] = result["rows"]
    facts: dict[str, Any] = result["facts"]
    if not diverse.real_files():
        raise SystemExit(f"no real domain texts in {diverse.REAL_DEV}: the comparison needs them")
    work = Path(tempfile.mkdtemp(prefix="taalcheck-compare-"))
    try:
        log("corpora")
        checker = make_checker()
        real = diverse.real_prose()
        real_100k = "\n".join(itertools.repeat(real, -(-100_000 // len(real.split()))))
        diverse_100k = diverse.generate(100_000, checker, seed=1)
        diverse_1m = diverse.generate(1_000_000, checker, seed=2)
        diverse_10k = diverse.generate(10_000, checker, seed=3)
        pages = diverse.generate_reports(1000, checker, seed=4)
        clean_page = diverse.generate_reports(1, checker, density=0.0, seed=5)[0]
        term_page = diverse.generate_reports(1, checker, density=0.1, seed=6)[0]
        pool = corpus.pools(checker)
        parser_needed = parser_sentence(checker, [PARSER_CANDIDATE, *pool.terms])
        parser_page = (clean_page.rstrip() + " " + parser_needed + "\n") if parser_needed else None
        for name, text in (
            ("real", real),
            ("real 100k", real_100k),
            ("diverse 100k", diverse_100k),
            ("diverse 1M", diverse_1m),
            ("template 100k", corpus.generate(100_000, checker=checker)),
        ):
            facts[f"{name}: words / distinct words"] = (
                f"{len(text.split()):,} / {diverse.distinct_words(text):,}"
            )
        if want("1m"):
            facts["diverse 1M: findings (JSON, full lexicon)"] = len(
                checker.check_document(document_from_text(diverse_1m)).findings
            )
        files: dict[str, Path] = {}
        for name, text in (
            ("real100k", real_100k),
            ("d100k", diverse_100k),
            ("d1m", diverse_1m),
            ("d10k", diverse_10k),
            ("clean_page", clean_page),
            ("term_page", term_page),
            ("parser_page", parser_page or ""),
        ):
            files[name] = work / f"{name}.txt"
            files[name].write_text(text, encoding="utf-8")
        # 1M words (~7M characters) is over the default limit per document (2M characters): the
        # big-file rows raise it the way a user would, in a configuration file.
        limits = work / "limits.toml"
        limits.write_text("[limits]\nmax_text_chars = 20000000\n", encoding="utf-8")
        big = ["--config", str(limits)]
        folder = work / "pages"
        folder.mkdir()
        for index, page in enumerate(pages):
            (folder / f"rapport-{index:04d}.txt").write_text(page, encoding="utf-8")
        env = cli_env(work)
        # 1M words are about 7 million characters: past the default limit of a document's text.
        big_config = work / "taalcheck.toml"
        big_config.write_text("[limits]\nmax_text_chars = 20000000\n", encoding="utf-8")
        big = ["--config", str(big_config)]
        subprocess.run(
            [*TAALCHECK, "check", str(files["clean_page"])], env=env, capture_output=True
        )  # fill caches

        if want("in-process"):
            log("in-process: taalcheck against the spaCy tokenizer (warm and first pass)")
            import spacy

            fresh: list[Any] = []

            def new_tokenizer() -> None:
                fresh.clear()
                fresh.append(spacy.blank("nl"))

            def taalcheck_cold_words() -> None:
                fold.cache_clear()

            warm_nlp = spacy.blank("nl")
            for label, text in (("real prose x12 (100k)", real_100k), ("diverse 100k", diverse_100k)):
                check = lambda text=text: checker.check_document(document_from_text(text))  # noqa: E731
                check()
                tokenizer_pass(warm_nlp, text)
                rows.append(
                    pairs(
                        f"in-process, {label}",
                        "taalcheck (warm)",
                        "spaCy tokenizer (warm)",
                        lambda check=check: timed(check),
                        lambda text=text: timed(lambda: tokenizer_pass(warm_nlp, text)),
                        rounds,
                    )
                )
                rows.append(
                    pairs(
                        f"in-process, {label}",
                        "taalcheck (first pass: word cache cleared)",
                        "spaCy tokenizer (first pass: new tokenizer)",
                        lambda check=check: timed(check, taalcheck_cold_words),
                        lambda text=text: timed(lambda: tokenizer_pass(fresh[0], text), new_tokenizer),
                        rounds,
                    )
                )
            # The real prose once: both really meet every word for the first time in each pair. In
            # the x12 text the tokenizer's "first pass" is one only for the first copy (its cache
            # answers for the other eleven), while taalcheck judges every copy's findings again.
            # Twelve pairs of the 8k words are 100k words of first passes.
            check = lambda: checker.check_document(document_from_text(real))  # noqa: E731
            check()
            rows.append(
                pairs(
                    f"in-process, real prose once ({len(real.split()):,} words, 12 pairs)",
                    "taalcheck (first pass: word cache cleared)",
                    "spaCy tokenizer (first pass: new tokenizer)",
                    lambda: timed(check, taalcheck_cold_words),
                    lambda: timed(lambda: tokenizer_pass(fresh[0], real), new_tokenizer),
                    max(rounds, 12),
                )
            )

        log("command line: 1M words, diverse, JSON output")
        configs = write_peer_configs(work, peer_terms(checker), checker)
        facts["peer dictionary: phrases (grep, proselint) / prh rules"] = (
            f"{len(configs['terms'].read_text().splitlines()):,} / {configs['prh'].read_text().count('- expected')}"
        )
        taalcheck_1m = [*TAALCHECK, "check", str(files["d1m"]), "--format", "json", *big]
        if peers_installed() and want("1m"):
            # Once untimed: the first check of a text fills the cache tables of patterns it meets
            # (as any first use after installing does), which is not the throughput being compared.
            run_process(taalcheck_1m, env)
            for peer, command in peer_commands(configs, [str(files["d1m"])]).items():
                n = 1 if peer == "textlint+prh" else rounds_big
                rows.append(
                    pairs(
                        "1M words (one file)",
                        "taalcheck --format json",
                        peer,
                        lambda: run_process(taalcheck_1m, env),
                        lambda command=command: run_process(command, env, PEERS / "node"),
                        n,
                    )
                )
        elif not peers_installed():
            facts["peers"] = "not installed: run bash benchmarks/install_peers.sh"

        if want("pages"):
            log("command line: 1,000 one-page files")
            jobs = {
                j: [*TAALCHECK, "check", str(folder), "--format", "json", "--jobs", str(j)] for j in (1, 2)
            }
            rows.append(
                pairs(
                    "1,000 pages (a folder)",
                    "taalcheck --jobs 1",
                    "taalcheck --jobs 2",
                    lambda: run_process(jobs[1], env),
                    lambda: run_process(jobs[2], env),
                    rounds_big,
                )
            )
            if peers_installed():
                for peer, command in peer_commands(configs, [str(folder)]).items():
                    rows.append(
                        pairs(
                            "1,000 pages (a folder)",
                            "taalcheck --jobs 2",
                            peer,
                            lambda: run_process(jobs[2], env),
                            lambda command=command: run_process(command, env, PEERS / "node"),
                            rounds_big,
                        )
                    )

        if want("output"):
            log("command line: text output against JSON")
            text_run = [*TAALCHECK, "check", str(files["d100k"])]
            json_run = [*TAALCHECK, "check", str(files["d100k"]), "--format", "json"]
            # Untimed once each first: the first check of a new text fills the pattern tables of
            # the cache folder (kept for later runs), which would otherwise land on the first A.
            run_process(text_run, env)
            run_process(json_run, env)
            rows.append(
                pairs(
                    "diverse 100k, one file",
                    "taalcheck (text output)",
                    "taalcheck --format json",
                    lambda: run_process(text_run, env),
                    lambda: run_process(json_run, env),
                    rounds,
                )
            )

        if want("cold"):
            log("cold start: one page against `python -c 'import spacy'`")
            import_spacy = [PYTHON, "-c", "import spacy"]
            pages_cold = [("page without terms", "clean_page"), ("page with findings", "term_page")]
            if parser_page:
                pages_cold.append(("page that loads the parser", "parser_page"))
            for label, key in pages_cold:
                command = [*TAALCHECK, "check", str(files[key])]
                rows.append(
                    pairs(
                        "cold start",
                        f"taalcheck check, {label}",
                        "python -c 'import spacy'",
                        lambda command=command: run_process(command, env),
                        lambda: run_process(import_spacy, env),
                        rounds_cold,
                    )
                )
            facts["page that loads the parser: added sentence"] = (
                parser_needed or "none found (no term needs the parser)"
            )

        if want("memory"):
            log("peak memory of the command line (10k and 1M words)")
            load_before = loadavg()
            memory = {
                size: peak_rss_mb([*TAALCHECK, "check", str(files[key]), "--format", "json", *big], env)
                for size, key in (("10k", "d10k"), ("1M", "d1m"))
            }
            facts["peak RSS of `taalcheck check FILE --format json`, 10k / 1M words (MB)"] = (
                f"{memory['10k']:.0f} / {memory['1M']:.0f} (ratio {memory['1M'] / memory['10k']:.2f}; load {load_before})"
            )
            result["memory_mb"] = memory
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["load_at_end"] = loadavg()
    return result


# -- report -----------------------------------------------------------------------------------


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"Run: {result['date']}{' (--quick)' if result['quick'] else ''} — {result['machine']}. "
        f"Load (/proc/loadavg 1/5/15 min) at start {result['load_at_start']}, at end {result['load_at_end']}.",
        "",
        "| measured where | A | B | A / B (median of pairs) | range | pairs | median A s | median B s | load before / after |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result["rows"]:
        ratios = row["ratios"]
        lines.append(
            f"| {row['name']} | {row['a']} | {row['b']} | {statistics.median(ratios):.3f} | "
            f"{min(ratios):.3f}-{max(ratios):.3f} | {len(ratios)} | {statistics.median(row['a_s']):.3f} | "
            f"{statistics.median(row['b_s']):.3f} | {row['load_before']} / {row['load_after']} |"
        )
    lines += ["", "| fact | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in result["facts"].items()]
    return "\n".join(lines) + "\n"


def update_readme(text: str) -> None:
    start, end = "<!-- compare:start -->", "<!-- compare:end -->"
    readme = README.read_text(encoding="utf-8")
    if start in readme and end in readme:
        before, rest = readme.split(start, 1)
        README.write_text(f"{before}{start}\n{text}{end}{rest.split(end, 1)[1]}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer pairs")
    parser.add_argument("--readme", action="store_true", help="put the tables into benchmarks/README.md")
    parser.add_argument(
        "--only",
        metavar="SECTIONS",
        help=f"comma-separated sections to run (of {','.join(SECTIONS)}); all by default",
    )
    args = parser.parse_args(argv)
    result = run(args)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "compare.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    text = markdown(result)
    (RESULTS / "compare.md").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    if args.readme:
        update_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
