"""The built package: sdist -> wheel with every lexicon file, licences named, and a build that
cannot silently lose its lexicon (no symlink: `lexicon/` is mapped into the package)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

_SOURCES = ("src", "lexicon", "tests", "examples", "docs", "setup.py", "pyproject.toml", "MANIFEST.in")
_SOURCES_FILES = ("README.md", "LICENSE", ".pre-commit-hooks.yaml")


def _source_tree(target: Path, lexicon: bool = True) -> Path:
    """A copy of the checkout without caches, virtualenvs or build output."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", "*.egg-info", "build", "dist")
    for name in _SOURCES:
        source = REPO / name
        if name == "lexicon" and not lexicon:
            continue
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore, symlinks=True)
        elif source.is_file():
            shutil.copy2(source, target / name)
    for name in _SOURCES_FILES:
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, target / name)
    return target


def _build(tree: Path, *what: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", *what, "--outdir", str(tree / "dist"), str(tree)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(sdist, wheel), the wheel built from the sdist as `python -m build` does."""
    tree = _source_tree(tmp_path_factory.mktemp("bron"))
    result = _build(tree)
    assert result.returncode == 0, result.stderr[-2000:]
    [sdist] = (tree / "dist").glob("*.tar.gz")
    [wheel] = (tree / "dist").glob("*.whl")
    return sdist, wheel


def test_the_source_has_no_symlinks():
    links = [path for path in (REPO / "src").rglob("*") if path.is_symlink()]
    assert links == []


def test_the_wheel_holds_every_lexicon_file_and_names_both_licences(built):
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        [metadata] = [name for name in names if name.endswith(".dist-info/METADATA")]
        meta = archive.read(metadata).decode()
    shipped = {name.removeprefix("taalcheck/lexicon_data/") for name in names if "lexicon_data/" in name}
    expected = {path.name for path in (REPO / "lexicon").iterdir() if path.suffix in (".yaml", ".md")}
    assert expected and shipped == expected
    assert "License-Expression: MIT AND CC-BY-SA-4.0" in meta
    assert not any("lemmatizer" in name for name in names)  # the model ships only what is loaded
    assert "taalcheck/language/data/dutch.yaml" in names  # the word lists


def test_the_sdist_holds_what_builds_and_tests_the_package(built):
    import tarfile

    sdist, _ = built
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"setup.py", "pyproject.toml", "lexicon/context.yaml", "tests/conftest.py"} <= names
    assert "tests/fixtures/engine-lexicon.yaml" in names


def test_the_installed_wheel_checks_text_outside_the_checkout(built, tmp_path):
    _, wheel = built
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with zipfile.ZipFile(wheel) as archive:  # what pip does for a pure-Python wheel
        archive.extractall(site)
    # The dependencies come from this environment, after the fresh site-packages (a .pth entry is
    # appended to the path), so the installed wheel is the taalcheck that runs.
    (Path(site) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    environment = {
        "TAALCHECK_NO_CACHE": "1",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [python, "-m", "taalcheck", "check", "-", "--model", "blank", "--format", "concise"],
        input="Wij werken risicogestuurd.\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=180,
    )
    assert result.returncode == 1, result.stderr
    assert "risicogestuurd-werken" in result.stdout
    info = subprocess.run(
        [
            python,
            "-c",
            "from taalcheck.lexicon.loader import bundled_lexicon_dir; print(bundled_lexicon_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=60,
    )
    assert info.stdout.strip().startswith(site)


def test_a_build_without_the_lexicon_folder_fails_loudly(tmp_path):
    tree = _source_tree(tmp_path / "bron", lexicon=False)
    result = _build(tree, "--wheel")
    assert result.returncode != 0
    assert "geen lexiconbestanden" in result.stdout + result.stderr
    assert not list((tree / "dist").glob("*.whl"))
