"""A heading on a line of its own is a sentence of its own, also without a full stop.

Text from a PDF or a plain-text report often has headings without punctuation ('Hulpverlening of
dwang'), followed by a paragraph on the next line. Read as one sentence, the heading's words would
be judged with the next sentence's words: a negation there, a court named there.
"""

from __future__ import annotations

from taalcheck.api import make_checker
from taalcheck.documents import document_from_text
from taalcheck.language.text import iter_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in iter_sentences(text, 0, len(text))]


def test_a_heading_line_ends_its_sentence():
    text = "Hulpverlening of dwang\nAls de zorgen groot zijn, werkt moeder niet mee aan de hulp."
    assert sentences(text) == [
        "Hulpverlening of dwang",
        "Als de zorgen groot zijn, werkt moeder niet mee aan de hulp.",
    ]


def test_a_heading_after_a_paragraph():
    text = "Vader woont in Utrecht.\nZorgen om de kinderen\nDe school meldt dat Sem vaak moe is."
    assert sentences(text) == [
        "Vader woont in Utrecht.",
        "Zorgen om de kinderen",
        "De school meldt dat Sem vaak moe is.",
    ]


def test_lines_of_a_narrow_column_or_a_wrapped_paragraph_stay_one_sentence():
    column = "Het gesprek was rustig.\nDe ouders hebben samen met de\nRaad afgesproken dat het zo gaat."
    assert sentences(column)[1] == "De ouders hebben samen met de\nRaad afgesproken dat het zo gaat."
    wrapped = (
        "De gezinsvoogd heeft met beide ouders gesproken over de overdracht van de kinderen op\n"
        "zaterdag. Moeder vertelt dat het rustiger gaat."
    )
    assert len(sentences(wrapped)) == 2
    # A line in the middle of a sentence ('... gesproken met') is no heading, even when short.
    middle = "Op school is gesproken met\nMeester Jan en de intern begeleider."
    assert len(sentences(middle)) == 1


def test_a_negation_under_a_heading_does_not_lower_the_heading():
    result = make_checker().check_document(
        document_from_text("Escalatiebeheersing in de thuissituatie\nVader komt niet naar de gesprekken.")
    )
    (finding,) = [f for f in result.findings if f.rule == "escalatiebeheersing"]
    assert not finding.context and finding.severity.key == "warning"
