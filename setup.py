"""Packaging glue that pyproject.toml cannot express: the top-level `lexicon/` folder becomes the
package `taalcheck.lexicon_data`, so no symlink is needed. A build without lexicon files fails."""

from pathlib import Path

from setuptools import find_packages, setup

LEXICON = Path(__file__).resolve().parent / "lexicon"
if not sorted(LEXICON.glob("*.yaml")):
    raise SystemExit(f"taalcheck: fout: geen lexiconbestanden (*.yaml) in {LEXICON}; de build stopt")

setup(
    packages=[*find_packages("src"), "taalcheck.lexicon_data"],
    package_dir={"": "src", "taalcheck.lexicon_data": "lexicon"},
)
