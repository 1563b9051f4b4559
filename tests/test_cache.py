"""The compiled-lexicon cache: keyed on every input, bounded, and never in the user's home in tests."""

from __future__ import annotations

import os
import pickle

import pytest

from conftest import FIXTURES
from taalcheck import lexicon as lexicon_module
from taalcheck.lexicon import MAX_CACHE_FILES, load_lexicon


def write_lexicon(path, term):
    path.write_text(
        f"entries:\n  - id: eigen-{term}\n    term: {term}\n    principle: vertrouwen\n    severity: hint\n"
        f"    reason: Eigen term.\n    alternatives: [iets anders]\n    examples: {{flag: [Een {term}.]}}\n",
        encoding="utf-8",
    )
    return path


def test_tests_use_a_temporary_cache():
    assert os.environ["TAALCHECK_CACHE_DIR"] != ""
    assert not os.environ["TAALCHECK_CACHE_DIR"].startswith(os.path.expanduser("~/.cache"))


def test_a_compiled_lexicon_is_reused(cache):
    files = (FIXTURES / "engine-lexicon.yaml",)
    first = load_lexicon(files, include_bundled=False)
    [stored] = cache.glob("lexicon-*.pickle")
    assert set(pickle.loads(stored.read_bytes()).entries) == set(first.entries)
    assert set(load_lexicon(files, include_bundled=False).entries) == set(first.entries)
    assert list(cache.glob("lexicon-*.pickle")) == [stored]


def test_the_key_covers_the_normaliser(cache, monkeypatch, tmp_path):
    files = (FIXTURES / "engine-lexicon.yaml",)
    load_lexicon(files, include_bundled=False)
    normaliser = tmp_path / "normalize.py"
    normaliser.write_text("# a changed normaliser\n", encoding="utf-8")
    inputs = lexicon_module._compiler_inputs()
    assert any(path.name == "normalize.py" and path.parent.name == "language" for path in inputs)
    # the entries in the cache are instances of the result model's classes
    assert any(path.name == "model.py" and path.parent.name == "taalcheck" for path in inputs)
    monkeypatch.setattr(lexicon_module, "_compiler_inputs", lambda: [*inputs, normaliser])
    load_lexicon(files, include_bundled=False)
    assert len(list(cache.glob("lexicon-*.pickle"))) == 2  # another key: compiled again


def test_old_cache_files_are_removed(cache, tmp_path):
    for number in range(MAX_CACHE_FILES + 3):
        load_lexicon(
            (write_lexicon(tmp_path / f"eigen{number}.yaml", f"woord{number}"),), include_bundled=False
        )
    assert len(list(cache.glob("lexicon-*.pickle"))) == MAX_CACHE_FILES


def test_an_empty_lexicon_is_a_loud_error(tmp_path):
    from taalcheck.errors import LexiconError

    empty = tmp_path / "leeg.yaml"
    empty.write_text("entries: []\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"leeg\.yaml"):
        load_lexicon((empty,), include_bundled=False)


def test_a_missing_bundled_lexicon_is_a_loud_error(tmp_path, monkeypatch):
    from taalcheck.errors import LexiconError
    from taalcheck.lexicon import loader

    monkeypatch.setattr(loader, "_PACKAGED", tmp_path / "lexicon_data")
    monkeypatch.setattr(loader, "_CHECKOUT", tmp_path / "lexicon")
    with pytest.raises(LexiconError, match="het meegeleverde lexicon ontbreekt"):
        load_lexicon()


def test_bundled_data_is_parsed_once_and_again_when_it_changes(cache, tmp_path, monkeypatch):
    from taalcheck import yamlfile

    data = tmp_path / "woorden.yaml"
    data.write_text("woorden: [een, twee]\n", encoding="utf-8")
    assert yamlfile.read_yaml(data, cache=True) == {"woorden": ["een", "twee"]}
    [stored] = cache.glob("data-*.marshal")

    def no_parsing(*_):
        raise AssertionError("parsed again")

    with monkeypatch.context() as patched:
        patched.setattr(yamlfile, "parse_yaml", no_parsing)
        assert yamlfile.read_yaml(data, cache=True) == {"woorden": ["een", "twee"]}
    data.write_text("woorden: [drie]\n", encoding="utf-8")
    assert yamlfile.read_yaml(data, cache=True) == {"woorden": ["drie"]}
    assert len(list(cache.glob("data-*.marshal"))) == 2
    assert stored.exists()


def test_no_data_is_cached_when_caching_is_off(tmp_path, monkeypatch):
    from taalcheck import yamlfile

    monkeypatch.setenv("TAALCHECK_NO_CACHE", "1")
    monkeypatch.setenv("TAALCHECK_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "woorden.yaml"
    data.write_text("woorden: [een]\n", encoding="utf-8")
    assert yamlfile.read_yaml(data, cache=True) == {"woorden": ["een"]}
    assert not (tmp_path / "cache").exists()


def test_cached_context_rules_compile_their_patterns_on_first_use():
    from taalcheck.lexicon.context_rules import LazyPattern

    pattern = pickle.loads(pickle.dumps(LazyPattern(r"\bzegt\b")))
    assert "search" not in vars(pattern)  # nothing compiled by loading
    assert pattern.search("Moeder ZEGT het.").group() == "ZEGT"  # case-insensitive, as in the rules
    assert pattern.match("zegt") and not pattern.match("niet zegt")
    assert [m.start() for m in pattern.finditer("zegt, zegt")] == [0, 6]
    assert pattern == LazyPattern(r"\bzegt\b") and len({pattern, LazyPattern(r"\bzegt\b")}) == 1
