"""Lower case with the same offsets, also for a long text lowered piece by piece."""

from __future__ import annotations

import pytest

from taalcheck.language import normalize
from taalcheck.language.normalize import lower_keeping_offsets


def _whole(text: str) -> str:
    """What lowering the text in one go gives (the growing 'İ' kept as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


@pytest.mark.parametrize(
    "text",
    [
        "Vader ZEGT: ‘De Ideeën van Moeder’.\n" * 40,
        "ΟΔΟΣ ΟΔΟΣ\nΣΑΣ Ναι " * 300,  # a final sigma depends on the next letter
        "İbrahim (8 jaar) vertelt. Büşra zegt niets.\n" * 200,  # 'İ' grows when lowered: kept
        "Één" + "x" * 3000 + "ÉÉN",  # no space or line break to cut at
        "",
        "ASCII ONLY " * 500,
    ],
)
def test_a_long_text_lowers_as_in_one_go(monkeypatch, text):
    monkeypatch.setattr(normalize, "_LOWER_PIECE", 64)  # many pieces even for these short texts
    lowered = lower_keeping_offsets(text)
    assert lowered == _whole(text)
    assert len(lowered) == len(text)
