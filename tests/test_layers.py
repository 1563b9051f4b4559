"""Layers that only look down: documents -> language -> lexicon -> matching -> report -> api -> cli/web.

Every import of a taalcheck module, at the top or inside a function, is checked against the layer
of the importing module. A new top-level module must be given its layer here.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "taalcheck"

#: Layer of each top-level module or subpackage of taalcheck; a module may import from its own
#: layer and the ones below. The package root only re-exports on first use (`__getattr__`).
LAYERS: dict[str, int] = {
    "errors": 0,
    "yamlfile": 0,
    "datacache": 0,  # the cache folder and the parsed form of the bundled data files
    "version": 0,
    "documents": 1,
    "language": 2,  # including language/wordlists.py and its data
    "model": 2,  # severities, principles and the result model shared by the stages above
    "settings": 2,
    "lexicon": 3,
    "matching": 4,
    "deidentify": 2,  # the de-identification library with the lookup lists taalcheck uses
    "anonymise": 4,  # personal details out of a checked result (before any report)
    "comparison": 4,  # two checked versions sorted into resolved, added and kept
    "report": 5,
    "output_guard": 5,  # one guard for every file taalcheck writes
    "api": 6,
    "config": 6,
    "evaluation": 6,
    "cli": 7,
    "click_dutch": 7,  # the command line's Dutch usage messages
    "fastcli": 7,  # `taalcheck check` without Typer, and the helpers the commands share
    "shortcut": 7,  # the fast path of the command line
    "web": 7,
    "__main__": 7,
    "": 7,  # taalcheck/__init__.py
}


def _module(path: Path, root: Path) -> tuple[str, str]:
    """(dotted module name, dotted package the module is in) for a file under `root`."""
    parts = path.relative_to(root.parent).with_suffix("").parts
    module = ".".join(parts).removesuffix(".__init__")
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return module, package


def _imports(path: Path, package: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.append((node.lineno, ".".join([*base, *([node.module] if node.module else [])])))
            else:
                found.append((node.lineno, node.module or ""))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def _layer_of(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1] if len(parts) > 1 else "")


def violations(root: Path) -> list[str]:
    """Every import in the package at `root` that reaches a higher layer, and unplaced modules."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        module, package = _module(path, root)
        own = _layer_of(module)
        if own is None:
            problems.append(f"{module}: geen laag toegewezen in tests/test_layers.py")
            continue
        for line, target in _imports(path, package):
            if target.split(".")[0] != root.name:
                continue
            layer = _layer_of(target)
            if layer is not None and layer > own:
                problems.append(f"{module}:{line} importeert {target} (hogere laag)")
    return problems


def test_every_module_imports_only_from_its_own_layer_or_below():
    assert violations(PACKAGE) == []


def test_an_import_from_a_higher_layer_is_caught(tmp_path):
    root = tmp_path / "taalcheck"
    (root / "lexicon").mkdir(parents=True)
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "lexicon" / "__init__.py").write_text("", encoding="utf-8")
    (root / "lexicon" / "loader.py").write_text(
        "def run():\n    from taalcheck.matching.engine import Checker\n", encoding="utf-8"
    )
    (root / "lexicon" / "model.py").write_text("from ..report import text\n", encoding="utf-8")
    (root / "nieuw.py").write_text("", encoding="utf-8")
    assert violations(root) == [
        "taalcheck.lexicon.loader:2 importeert taalcheck.matching.engine (hogere laag)",
        "taalcheck.lexicon.model:1 importeert taalcheck.report (hogere laag)",
        "taalcheck.nieuw: geen laag toegewezen in tests/test_layers.py",
    ]


@pytest.mark.parametrize("module", ["taalcheck", "taalcheck.api"])
def test_importing_does_not_load_spacy(module):
    code = (
        f"import sys, {module}; print(sorted(m for m in ('spacy', 'thinc', 'starlette') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
