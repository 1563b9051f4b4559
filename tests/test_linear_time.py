"""The text stages are linear in the input: texts that were quadratic (or worse) end, with findings.

Each case builds its text inside a subprocess and checks it through the public API there; the
harness kills the subprocess after a generous time budget, so a regression fails instead of
hanging CI. No timing figure is asserted beyond that budget.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
#: Budget per case: far above what the linear code needs on a busy machine, far below what the
#: quadratic code took (minutes to hours at these sizes).
BUDGET_SECONDS = 90
MAX_MB = 500

_PRELUDE = """
import json, resource, sys
from taalcheck.api import check_text_result
from taalcheck.settings import Settings

def check(text):
    return check_text_result(text, settings=Settings(model="blank"))

def peak_mb():
    # VmHWM is this program's own peak; ru_maxrss on Linux keeps the peak of the process that
    # forked it (pytest, which may hold the de-identification lists) across exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def report(**values):
    values["peak_mb"] = peak_mb()
    print(json.dumps(values))
"""


def run_bounded(code: str, tmp_path: Path) -> dict:
    """Run `code` (after the prelude) in a fresh interpreter within the budget; its report as a dict."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "TAALCHECK_NO_CACHE": "1", "HOME": str(tmp_path)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PRELUDE + textwrap.dedent(code)],
            capture_output=True,
            text=True,
            timeout=BUDGET_SECONDS,
            env=env,
            cwd=tmp_path,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not end within {BUDGET_SECONDS} s")
    assert done.returncode == 0, done.stderr
    values = json.loads(done.stdout.strip().splitlines()[-1])
    assert values["peak_mb"] < MAX_MB, f"peak memory {values['peak_mb']:.0f} MB"
    return values


FINDING = "De instelling kiest voor escalatiebeheersing."


def test_unterminated_suppression_comments(tmp_path):
    # Thousands of comments without '-->': each used to be scanned to the end of the text.
    values = run_bounded(
        f"""
        text = "<!-- taalcheck: negeer geen-bekend-id en nog wat woorden " * 10000 + "\\n\\n{FINDING}"
        result = check(text)
        report(findings=[f.rule for f in result.findings], notices=result.notices)
        """,
        tmp_path,
    )
    # Not comments (never closed): no notice about unknown ids, and the finding after them is found.
    assert values == {**values, "findings": ["escalatiebeheersing"], "notices": []}


def test_unterminated_comment_before_a_long_paragraph(tmp_path):
    values = run_bounded(
        f"""
        text = "<!-- taalcheck: negeer escalatiebeheersing " + "{FINDING} " * 2000
        result = check(text)
        report(count=len(result.findings), ok=all(text[f.start:f.end] == f.text for f in result.findings))
        """,
        tmp_path,
    )
    assert values["count"] == 2001 and values["ok"]  # the unterminated comment is text: its id counts


def test_two_megabyte_word_without_spaces(tmp_path):
    values = run_bounded(
        f"""
        text = "x" * 1_000_000 + "escalatiebeheersing" + "x" * 1_000_000 + " {FINDING}"
        result = check(text)
        report(count=len(result.findings), start=result.findings[-1].start, length=len(text))
        """,
        tmp_path,
    )
    # The giant run is no word (no finding inside it); the sentence after it gives its finding.
    assert values["count"] == 1
    assert values["start"] == values["length"] - len(FINDING) + len("De instelling kiest voor ")


def test_very_long_words_around_terms(tmp_path):
    values = run_bounded(
        """
        text = ("x" * 50_000 + " escalatiebeheersing " + "y" * 50_000 + "escalatiebeheersing ") * 20
        result = check(text)
        report(passages=sorted({f.text for f in result.findings}), count=len(result.findings))
        """,
        tmp_path,
    )
    assert values == {**values, "passages": ["escalatiebeheersing"], "count": 20}


def test_many_suppression_comments(tmp_path):
    # 20k comments each silencing the finding after it: linear, where it used to be 20k x 20k.
    values = run_bounded(
        """
        from taalcheck.api import make_checker
        from taalcheck.matching.suppression import apply_suppressions
        from taalcheck.model import Finding, Severity

        comment = "<!-- taalcheck: negeer escalatiebeheersing -->\\n"
        block = comment + "escalatiebeheersing\\n\\n"
        text = block * 20000
        starts = [index * len(block) + len(comment) for index in range(20000)]
        findings = [
            Finding("escalatiebeheersing", Severity.WARNING, "taal", start, start + 19, ((start, start + 19),),
                    1, 1, 1, 20, "escalatiebeheersing", "", ())
            for start in starts
        ]
        kept, notices, suppressed = apply_suppressions(text, findings, make_checker().lexicon.entries)
        report(kept=len(kept), suppressed=len(suppressed), notices=len(notices))
        """,
        tmp_path,
    )
    assert values["kept"] == 0 and values["suppressed"] == 20000 and values["notices"] == 0


def test_suppression_comments_in_a_checked_text(tmp_path):
    values = run_bounded(
        """
        comment = "<!-- taalcheck: negeer escalatiebeheersing -->"
        text = (comment + "\\nescalatiebeheersing.\\n\\n") * 3000 + "escalatiebeheersing.\\n" + comment
        result = check(text)
        report(kept=[f.line for f in result.findings], silenced=len(result.silenced), notices=result.notices)
        """,
        tmp_path,
    )
    assert values["kept"] == [3 * 3000 + 1]
    assert values["silenced"] == 3000
    assert values["notices"] == [
        f"regel {3 * 3000 + 2}: taalcheck-opmerking 'negeer escalatiebeheersing' onderdrukt geen enkele melding"
    ]


def test_single_line_text(tmp_path):
    # Issue 16: a whole document on one line. Prose with a finding every few sentences, 2 MB.
    values = run_bounded(
        f"""
        prose = "De moeder vertelt dat zij het kind graag elke week wil zien. " * 9 + "{FINDING} "
        text = prose * 1000
        result = check(text)
        report(count=len(result.findings), lines={{f.line for f in result.findings}} == {{1}},
               ok=all(text[f.start:f.end] == f.text for f in result.findings))
        """,
        tmp_path,
    )
    assert values["count"] == 1000 and values["lines"] and values["ok"]


def test_single_line_without_sentence_ends(tmp_path):
    values = run_bounded(
        """
        text = ("de moeder vertelt dat zij het kind graag ziet en de instelling kiest voor "
                "escalatiebeheersing ") * 1000
        result = check(text)
        report(count=len(result.findings), ok=all(text[f.start:f.end] == f.text for f in result.findings))
        """,
        tmp_path,
    )
    assert values["count"] == 1000 and values["ok"]


@pytest.mark.parametrize("mark", [".", "!", "?", "…"])
def test_long_runs_of_sentence_marks(tmp_path, mark):
    values = run_bounded(
        f"""
        text = "{FINDING} " + {mark!r} * 300_000 + " en verder" + {mark!r} * 300_000 + "x {FINDING}"
        result = check(text)
        report(count=len(result.findings))
        """,
        tmp_path,
    )
    assert values["count"] == 2


def test_many_findings(tmp_path):
    values = run_bounded(
        """
        text = "escalatiebeheersing.\\n\\n" * 5000
        result = check(text)
        report(count=len(result.findings), last_line=result.findings[-1].line)
        """,
        tmp_path,
    )
    assert values["count"] == 5000 and values["last_line"] == 2 * 4999 + 1
