"""A fresh `taalcheck check`: what the caches keep between runs, and that they change nothing.

The tables of `taalcheck.datacache` keep what pure functions made of taalcheck's own strings
(literals of patterns, the code of patterns and of dataclass methods). These tests hold them to
four promises: a run with them gives byte for byte what a run without them gives; they follow a
changed lexicon or configuration; they never hold a document's text; and they live in the cache
folder (a temporary one here).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from taalcheck import datacache
from taalcheck.datacache import Table, compile_regex

REPORT = (
    "Verslag gezin Quintijnvaart\n\n"
    "Xanthippe (9 jaar) vertelt dat ze graag tekent. Moeder Yolarda (36) en vader Zebulonius (38) "
    "zijn het niet eens. De gezinsvoogd heeft een sanctie opgelegd. Vader is een zorgmijder.\n"
    "Volgens moeder is er sprake van drang. Wij bespreken samen met beide ouders wat Xanthippe "
    "nodig heeft. Zie ook https://voorbeeld.nl/Kwispeldoos.pdf voor het plan.\n"
)
#: Words of the report that no lexicon, rule or code holds: none may reach the cache folder.
PRIVATE = ("Quintijnvaart", "Xanthippe", "Yolarda", "Zebulonius", "Kwispeldoos")


def _env(cache: Path | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("TAALCHECK_NO_CACHE",)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache is None:
        env["TAALCHECK_NO_CACHE"] = "1"
    else:
        env["TAALCHECK_CACHE_DIR"] = str(cache)
    env["NO_COLOR"] = "1"
    return env


def _check(cache: Path | None, *arguments: str, cwd: Path | None = None) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "taalcheck", "check", *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(cache),
        cwd=cwd,
    )
    return done.returncode, done.stdout, done.stderr


def test_a_table_is_kept_for_its_code_and_only_in_the_cache_folder(cache, monkeypatch):
    table = Table("proef", b"code 1")
    assert table.get(("a", 1), lambda: frozenset({"x"})) == {"x"}
    table.save()
    [stored] = cache.glob("proef-*.marshal")

    def again() -> None:
        raise AssertionError("computed again")

    assert Table("proef", b"code 1").get(("a", 1), again) == {"x"}
    assert Table("proef", b"code 2").get(("a", 1), lambda: "nieuw") == "nieuw"  # other code: other file
    before = stored.stat().st_mtime_ns
    unchanged = Table("proef", b"code 1")
    unchanged.get(("a", 1), again)
    unchanged.save()  # nothing new: not written again
    assert stored.stat().st_mtime_ns == before
    monkeypatch.setenv("TAALCHECK_NO_CACHE", "1")
    off = Table("proef", b"code 3")
    assert off.get("b", lambda: 2) == 2 and off.get("b", again) == 2  # kept in the process only
    off.save()
    assert len(list(cache.glob("proef-*.marshal"))) == 1


def _rule_patterns() -> list[tuple[str, int]]:
    from taalcheck.api import make_checker
    from taalcheck.lexicon.context_rules import LazyPattern
    from taalcheck.matching import coverage
    from taalcheck.settings import Settings

    found: set[tuple[str, int]] = set()
    for rule in make_checker(Settings(model="blank")).context_rules:
        for value in vars(rule).values():
            for item in value if isinstance(value, tuple) else ():
                if isinstance(item, LazyPattern):
                    found.add((item.pattern, item.flags))
    compiled = coverage._compiled(coverage.load_coverage_rules())
    for cues, *groups in compiled.values():
        found.update((cue.pattern.source, re.IGNORECASE) for cue in cues)
        found.update((group.source, re.IGNORECASE) for group in groups)
    return sorted(found)


def test_a_kept_pattern_is_the_pattern_re_compiles(cache, monkeypatch):
    monkeypatch.setattr(datacache, "_REGEX_CODE", Table("regex", b""))  # reads this test's folder
    patterns = _rule_patterns()
    assert len(patterns) > 100
    for source, flags in patterns:
        assert compile_regex(source, flags) == re.compile(source, flags)
    datacache._REGEX_CODE.save()
    fresh = Table("regex", b"")  # as the next run reads it
    for source, flags in patterns:
        parts = fresh.get((source, flags), lambda: pytest.fail("not kept"))
        kept = datacache._sre_compile(source, *parts)
        expected = re.compile(source, flags)
        assert kept == expected and kept.groupindex == expected.groupindex
        assert kept.pattern == source and kept.flags == expected.flags
    named = compile_regex(r"(?P<c1>[A-Z][a-z]+) zegt", re.IGNORECASE)
    assert named.match("Noa zegt").group("c1") == "Noa"
    with pytest.raises(re.error):
        compile_regex(r"(open", re.IGNORECASE)


def test_the_checklist_patterns_are_written_the_same_in_every_process():
    """Kept by their text, so a set's order (which differs per process) must not reach them."""
    code = (
        "from taalcheck.matching import coverage\n"
        "c = coverage._compiled(coverage.load_coverage_rules())\n"
        "import hashlib\n"
        "print(hashlib.sha256(repr([(k, [x.pattern.source for x in v[0]], [g.source for g in v[1:]])"
        " for k, v in sorted(c.items())]).encode()).hexdigest())"
    )
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_dataclass_methods_come_from_the_cache_and_work_as_compiled(tmp_path):
    code = (
        "import builtins, dataclasses, sys\n"
        "from taalcheck import datacache\n"
        "datacache.cache_dataclass_code()\n"
        "compiled = []\n"
        "real = builtins.compile\n"
        "builtins.compile = lambda *a, **k: (compiled.append(a[0]), real(*a, **k))[1]\n"
        "from taalcheck.model import Severity, Examples, Entry\n"
        "builtins.compile = real\n"
        "e = Examples(flag=('a',), ok=())\n"
        "assert e == Examples(('a',), ()) and hash(e) == hash(Examples(('a',), ()))\n"
        "try:\n    e.flag = ()\nexcept dataclasses.FrozenInstanceError:\n    pass\n"
        "else:\n    raise AssertionError('not frozen')\n"
        "import inspect\n"
        "print(len(compiled), repr(e), inspect.signature(Entry))\n"
    )
    env = _env(tmp_path / "cache")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    plain = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(None), check=True
    )
    assert int(first.stdout.split()[0]) > 0  # the first run compiles the methods
    assert int(second.stdout.split()[0]) == 0  # the next one runs the kept code
    assert first.stdout.split(maxsplit=1)[1] == second.stdout.split(maxsplit=1)[1]
    assert plain.stdout.split(maxsplit=1)[1] == second.stdout.split(maxsplit=1)[1]
    assert list((tmp_path / "cache").glob("dataclass-code-*.marshal"))


@pytest.mark.parametrize("options", [(), ("--format", "json"), ("--format", "concise")])
def test_a_run_with_the_caches_gives_what_a_run_without_them_gives(tmp_path, options):
    page = tmp_path / "rapport.txt"
    page.write_text(REPORT, encoding="utf-8")
    arguments = (str(page), "--model", "blank", *options)
    plain = _check(None, *arguments)
    cold = _check(tmp_path / "cache", *arguments)  # fills the caches
    warm = _check(tmp_path / "cache", *arguments)  # reads them
    assert plain == cold == warm
    assert plain[0] == 1 and "sanctie" in plain[1]


def test_no_report_text_reaches_the_cache_folder(tmp_path):
    folder = tmp_path / "rapporten"
    folder.mkdir()
    for index in range(9):  # with worker processes too
        (folder / f"verslag-{index}.txt").write_text(
            REPORT.replace("9 jaar", f"{index} jaar"), encoding="utf-8"
        )
    cache = tmp_path / "cache"
    for arguments in ((str(folder / "verslag-0.txt"),), (str(folder), "--jobs", "2")):
        for _ in range(2):
            code, out, _ = _check(cache, *arguments, "--model", "blank")
            assert code == 1 and "sanctie" in out
    files = [path for path in cache.rglob("*") if path.is_file()]
    assert any(path.name.startswith(("literals-", "regex-", "dataclass-code-")) for path in files)
    for path in files:
        data = path.read_bytes()
        for word in PRIVATE:
            for encoded in (word.encode(), word.lower().encode(), word.encode("utf-16-le")):
                assert encoded not in data, (path.name, word)


def test_a_changed_lexicon_or_configuration_is_read_anew(tmp_path):
    own = tmp_path / "eigen.yaml"
    config = tmp_path / "taalcheck.toml"
    page = tmp_path / "rapport.txt"
    page.write_text("Wij spreken over de kwispeldoos en de blafkamer.\n", encoding="utf-8")
    cache = tmp_path / "cache"

    def lexicon(term: str) -> None:
        own.write_text(
            f"entries:\n  - id: eigen-woord\n    term: {term}\n    principle: vertrouwen\n"
            f"    severity: warning\n    reason: Eigen term.\n    alternatives: [iets anders]\n"
            f"    examples: {{flag: [Een {term}.]}}\n",
            encoding="utf-8",
        )

    lexicon("kwispeldoos")
    config.write_text('extend_lexicon = ["eigen.yaml"]\nmodel = "blank"\n', encoding="utf-8")
    first = _check(cache, str(page), "--format", "json", cwd=tmp_path)
    assert '"text":"kwispeldoos"' in first[1] and '"text":"blafkamer"' not in first[1]
    lexicon("blafkamer")
    second = _check(cache, str(page), "--format", "json", cwd=tmp_path)
    assert '"text":"blafkamer"' in second[1] and '"text":"kwispeldoos"' not in second[1]
    assert second == _check(None, str(page), "--format", "json", cwd=tmp_path)
    config.write_text('extend_lexicon = ["eigen.yaml"]\nmodel = "blank"\ndisable = ["eigen-woord"]\n')
    third = _check(cache, str(page), "--format", "json", cwd=tmp_path)
    assert '"findings":[]' in third[1] and third[0] == 0
    assert third == _check(None, str(page), "--format", "json", cwd=tmp_path)


@pytest.mark.parametrize(("output_format", "whole"), [("text", False), ("json", False), ("html", True)])
def test_workers_send_back_what_the_output_quotes_only(tmp_path, monkeypatch, output_format, whole):
    """`--jobs`: a worker returns the findings and their lines, not the document, unless the
    format shows whole texts."""
    from taalcheck import api, fastcli
    from taalcheck.model import CheckResult

    seen = {}

    def check_paths(paths, **options):
        seen.update(options)
        return CheckResult([], [])

    monkeypatch.setattr(api, "check_paths", check_paths)
    monkeypatch.chdir(tmp_path)
    fastcli.run_check([str(tmp_path)], output_format=output_format, jobs=2, model="blank")
    assert seen["jobs"] == 2 and seen["full_documents"] is whole


def test_another_projects_pyproject_is_read_once_and_again_when_it_changes(cache, tmp_path, monkeypatch):
    from taalcheck import config

    monkeypatch.setattr(config, "_PYPROJECTS", Table("pyproject", b"test"))
    pyproject = tmp_path / "project" / "pyproject.toml"
    pyproject.parent.mkdir()
    pyproject.write_text("[project]\nname = 'taalcheck-fan'\n", encoding="utf-8")
    assert config.find_config(pyproject.parent) is None
    config._PYPROJECTS.save()
    monkeypatch.setattr(config, "_PYPROJECTS", Table("pyproject", b"test"))  # as the next run

    def no_toml(path):
        raise AssertionError("read as TOML again")

    with monkeypatch.context() as patched:
        patched.setattr(config, "_read_toml", no_toml)
        assert config.find_config(pyproject.parent) is None
    pyproject.write_text(
        "[project]\nname = 'x'\n[tool.taalcheck]\nmin_severity = 'warning'\n", encoding="utf-8"
    )
    assert config.find_config(pyproject.parent) == pyproject
    pyproject.write_text("[tool.taalcheck\n", encoding="utf-8")  # broken: another project's problem
    assert config.find_config(pyproject.parent) is None
    stored = b"".join(path.read_bytes() for path in cache.glob("pyproject-*.marshal"))
    assert b"taalcheck-fan" not in stored and b"min_severity" not in stored  # digests, not files


def test_a_full_table_keeps_what_the_run_used(cache, monkeypatch):
    monkeypatch.setattr(datacache, "MAX_TABLE_ENTRIES", 3)
    table = Table("proef", b"vol")
    for number in range(5):
        table.get(number, lambda number=number: number * 10)
    table.save()
    later = Table("proef", b"vol")
    assert later.lookup(4) == 40 and later.lookup(9) is None
    later.remember(9, 90)  # now over the limit: what this run used stays, the rest goes
    later.save()
    last = Table("proef", b"vol")
    assert last.lookup(4) == 40 and last.lookup(9) == 90 and last.lookup(0) is None


def test_a_table_whose_code_cannot_be_read_keeps_nothing(cache, tmp_path):
    assert datacache.source_of(str(tmp_path / "weg.py")) is None
    table = Table("proef", None)
    assert table.get("a", lambda: 1) == 1 and not table.kept
    table.save()
    assert not list(cache.glob("proef-*.marshal"))
