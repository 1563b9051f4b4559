"""Run proselint's own engine with one Existence check over the benchmark's term list.

Runs in the peers' virtualenv (benchmarks/.peers/venv, see install_peers.sh), not taalcheck's:

    .peers/venv/bin/python peer_proselint.py TERMS_FILE PATH...

PATH may be a file or a folder (its .txt files). Prints the number of hits per file on stderr
and the total on stdout, as proselint's command line would report them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from proselint.registry import CheckRegistry
from proselint.registry.checks import Check, types
from proselint.tools import LintFile


def main(argv: list[str]) -> int:
    terms = tuple(line for line in Path(argv[0]).read_text(encoding="utf-8").splitlines() if line)
    registry = CheckRegistry()
    registry.register(Check(check_type=types.Existence(items=terms), path="taalcheck", message="term"))
    config = {"max_errors": 10**9, "checks": {"taalcheck": True}}
    paths: list[Path] = []
    for argument in argv[1:]:
        path = Path(argument)
        paths.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    total = 0
    for path in paths:
        total += len(LintFile(path).lint(config))  # type: ignore[arg-type]
    print(total)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
