"""Invisible characters, lookalike letters and wide forms inside a term neither hide it nor shift offsets."""

from __future__ import annotations

import pytest

from taalcheck.api import check_text
from taalcheck.language.lookalikes import fold_lookalikes
from taalcheck.settings import Settings

SENTENCE = "Wij kiezen voor {}."
TERM = "escalatiebeheersing"

INVISIBLE = {
    "zachte afbreekstreep": "\u00ad",
    "nulbreedte-spatie": "\u200b",
    "nulbreedte-niet-verbinder": "\u200c",
    "nulbreedte-verbinder": "\u200d",
    "woordverbinder": "\u2060",
    "BOM midden in de tekst": "\ufeff",
    "links-naar-rechts-teken": "\u200e",
    "rechts-naar-links-override": "\u202e",
    "richtingsisolaat": "\u2066",
    "variantkiezer": "\ufe0f",
    "lettergreepscheider": "\u034f",
}


def found(text: str) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.start, f.end, f.text) for f in check_text(text, settings=Settings(model="blank"))]


@pytest.mark.parametrize("name", INVISIBLE)
@pytest.mark.parametrize("position", [1, 6, 9, 18])
def test_invisible_character_inside_a_term(name, position):
    written = TERM[:position] + INVISIBLE[name] + TERM[position:]
    text = SENTENCE.format(written)
    start = text.index(written)
    assert found(text) == [("escalatiebeheersing", start, start + len(written), written)]


def test_several_invisible_characters_and_at_the_edges():
    written = "\u200bes\u200b\u200dcala\u00adtie\u202ebeheer\u2066sing\u200b"
    text = SENTENCE.format(written)
    start = text.index("es")
    end = text.index("sing") + 4
    assert found(text) == [("escalatiebeheersing", start, end, text[start:end])]


def test_soft_hyphen_in_a_split_verb():
    text = "De instelling legt sanc\u00adties op."
    [(rule, start, end, passage)] = found(text)
    assert rule == "sancties-opleggen" and passage == text[start:end] == "legt sanc\u00adties op"


@pytest.mark.parametrize(
    "written",
    [
        "escal\u0430tiebeheersing",  # Cyrillic a
        "\u0435scalatieb\u0435heersing",  # Cyrillic e
        "escalati\u0435beh\u0435\u0435rsing",
        "escalatiebeheers\u0456ng",  # Cyrillic i
        "escalatiebeheers\u03b9ng",  # Greek iota
        "esc\u03b1latiebeheersing",  # Greek alpha
        "Escalatiebeheersing".replace("E", "\u0415"),  # Cyrillic capital E
    ],
)
def test_lookalike_letters_inside_a_term(written):
    text = SENTENCE.format(written)
    start = text.index(written)
    assert found(text) == [("escalatiebeheersing", start, start + len(written), written)]


@pytest.mark.parametrize(
    "written",
    [
        "ｅｓｃａｌａｔｉｅｂｅｈｅｅｒｓｉｎｇ",  # fullwidth
        "escalatie" + "ｂｅｈｅｅｒｓｉｎｇ",
        "𝐞𝐬𝐜𝐚𝐥𝐚𝐭𝐢𝐞𝐛𝐞𝐡𝐞𝐞𝐫𝐬𝐢𝐧𝐠",  # mathematical bold (one code point each)
    ],
)
def test_wide_and_styled_forms(written):
    text = SENTENCE.format(written)
    start = text.index(written)
    assert found(text) == [("escalatiebeheersing", start, start + len(written), written)]


def test_lines_and_columns_count_the_text_as_written():
    text = "Eerste r\u00adegel.\nWij kiezen voor escala\u200btiebeheersing."
    [finding] = check_text(text, settings=Settings(model="blank"))
    assert (finding.line, finding.column) == (2, 17)
    assert text[finding.start : finding.end] == "escala\u200btiebeheersing"


def test_cyrillic_and_greek_words_stay_as_they_are():
    text = "Мама сказала: всё хорошо. Η μητέρα είπε καλημέρα. Plain escalatie."
    assert fold_lookalikes(text) == text
    assert len(fold_lookalikes("escal\u0430tie ｅｓｃ")) == len("escal\u0430tie ｅｓｃ")
    assert fold_lookalikes("escal\u0430tie ｅｓｃ") == "escalatie esc"


def test_leading_bom_does_not_shift_offsets():
    text = "\ufeffWij kiezen voor escalatiebeheersing."
    [(_rule, start, end, passage)] = found(text)
    assert (start, end, passage) == (text.index(TERM), text.index(TERM) + len(TERM), TERM)
