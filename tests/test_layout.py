"""The engine's layout (blocks and their sentences, kept as arrays) reads as the lists it replaces."""

from __future__ import annotations

import pytest

from taalcheck.documents import document_from_text
from taalcheck.language.text import iter_blocks, iter_sentences
from taalcheck.matching.engine import _layout


@pytest.mark.parametrize(
    "text",
    [
        "Moeder zegt dat het goed gaat. Vader niet.\n\nEen nieuwe alinea! En nog een zin?\nEinde",
        "Eén zin zonder punt",
        "",
        "\n\n\n",
        "Kort. " * 200 + "\n\n" + "Lang " * 300,
    ],
)
def test_the_layout_gives_each_block_with_its_sentences(text):
    document = document_from_text(text)
    expected = [
        (block, list(iter_sentences(text, *block)))
        for segment in document.segments
        for block in iter_blocks(text, segment.start, segment.end)
    ]
    layout = _layout(document, text)
    assert list(layout) == expected
    assert list(layout) == expected  # iterated again: the same
    every = [sentence for _, sentences in expected for sentence in sentences]
    view = layout.sentences()
    assert len(view) == len(every)
    assert list(view) == every
    assert [view[index] for index in range(len(view))] == every
    if every:
        assert view[-1] == every[-1]
    with pytest.raises(IndexError):
        view[len(every)]
