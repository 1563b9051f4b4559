#!/usr/bin/env bash
# Install the peer linters the benchmark compares against, from the package registries, into
# benchmarks/.peers/ (gitignored): prh and textlint + textlint-rule-prh from npm, proselint from PyPI.
# grep is the system's. Re-running is cheap: installed tools are kept.
#
#     bash benchmarks/install_peers.sh            # then: python benchmarks/compare.py
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
peers="${TAALCHECK_PEERS_DIR:-$here/.peers}"
mkdir -p "$peers/node"
python="${PYTHON:-python3}"

if ! command -v npm >/dev/null; then
    echo "npm is needed for prh and textlint (apt-get install -y npm)" >&2
    exit 2
fi
if [ ! -x "$peers/node/node_modules/.bin/prh" ] || [ ! -x "$peers/node/node_modules/.bin/textlint" ]; then
    (cd "$peers/node" && [ -f package.json ] || echo '{"private": true}' > package.json)
    npm install --prefix "$peers/node" --no-audit --no-fund --silent \
        prh@^5.4.4 textlint@^15.8.0 textlint-rule-prh@^6.1.0
fi
if [ ! -x "$peers/venv/bin/proselint" ]; then
    "$python" -m venv "$peers/venv"
    "$peers/venv/bin/pip" install --quiet "proselint>=0.16,<0.17"
fi
echo "peers installed in $peers:"
"$peers/node/node_modules/.bin/prh" --version 2>/dev/null | sed 's/^/  prh /' || true
"$peers/node/node_modules/.bin/textlint" --version | sed 's/^/  textlint /'
"$peers/venv/bin/pip" show proselint | sed -n 's/^Version: /  proselint /p'
