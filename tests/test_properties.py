"""Properties of the public API for any text (hypothesis, a bounded number of examples).

Findings lie inside the text, `text[start:end]` is the passage, spans are ordered and inside
start..end, line and column agree with the offsets, a paragraph's findings do not depend on
unrelated paragraphs before it, and invisible characters inside a term neither hide it nor
shift its offsets.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taalcheck.api import check_text
from taalcheck.settings import Settings

BLANK = Settings(model="blank")
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

TERMS = [
    "escalatiebeheersing",
    "sancties opleggen",
    "legt sancties op",
    "zorgmijder",
    "risicogestuurd",
    "vechtscheiding",
    "beschermingsmaatregel",
]
NEUTRAL = ["de", "moeder", "vertelt", "dat", "het", "kind", "graag", "naar", "school", "gaat", "en", "speelt"]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "'", '"', "(", ")", "-", "…"]
ODD = ["\u00ad", "\u200b", "\u200d", "\u202e", "\t", "\r\n", "\x1b", "ｅ", "\u0430", "é", "\ufeff", "  "]
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u202e", "\u2066", "\ufe0f"]

pieces = st.sampled_from(TERMS + NEUTRAL + PUNCTUATION + ODD + [" ", "\n", "\n\n"])
texts = st.lists(pieces, max_size=40).map(" ".join) | st.text(max_size=120)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


@EXAMPLES
@given(texts)
def test_findings_lie_in_the_text_and_agree_with_it(text):
    for finding in check_text(text, settings=BLANK):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        spans = list(finding.spans)
        assert spans == sorted(spans) and spans[0][0] == finding.start and spans[-1][1] == finding.end
        assert all(start < end for start, end in spans)
        assert all(previous[1] <= following[0] for previous, following in pairwise(spans))
        assert (finding.line, finding.column) == _line_column(text, finding.start)
        assert (finding.end_line, finding.end_column) == _line_column(text, finding.end)


neutral_paragraphs = st.lists(st.sampled_from(NEUTRAL), min_size=1, max_size=25).map(
    lambda words: " ".join(words).capitalize() + "."
)
paragraphs = st.lists(st.sampled_from(TERMS + NEUTRAL + [",", "."]), min_size=1, max_size=25).map(
    lambda words: " ".join(words).capitalize() + "."
)


@EXAMPLES
@given(st.lists(neutral_paragraphs, max_size=4), paragraphs)
def test_a_paragraph_does_not_depend_on_unrelated_paragraphs_before_it(before, paragraph):
    alone = check_text(paragraph, settings=BLANK)
    prefix = "".join(text + "\n\n" for text in before)
    together = check_text(prefix + paragraph, settings=BLANK)
    shift = len(prefix)

    def key(findings, offset):
        return [(f.rule, f.start - offset, f.end - offset, f.severity, f.context) for f in findings]

    assert key([f for f in together if f.start >= shift], shift) == key(alone, 0)


@EXAMPLES
@given(
    st.sampled_from(["escalatiebeheersing", "zorgmijder", "vechtscheiding", "beschermingsmaatregel"]),
    st.data(),
)
def test_invisible_characters_inside_a_term_neither_hide_it_nor_shift_it(term, data):
    position = data.draw(st.integers(1, len(term) - 1))
    invisible = data.draw(st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=3).map("".join))
    written = term[:position] + invisible + term[position:]
    plain = check_text(f"Wij noemen dit {term} in het verslag.", settings=BLANK)
    hidden_text = f"Wij noemen dit {written} in het verslag."
    hidden = check_text(hidden_text, settings=BLANK)
    assert [f.rule for f in hidden] == [f.rule for f in plain] != []
    start = hidden_text.index(written)
    assert [(f.start, f.end, f.text) for f in hidden] == [(start, start + len(written), written)]
