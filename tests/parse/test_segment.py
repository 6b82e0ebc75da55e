import pytest

from h20lib.parse.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nvidia rose. Shares fell.", ["Nvidia rose.", "Shares fell."]),
        # a quotation opened right after a sentence's end, the space lost in scraping; not inside a word or a number
        ("“We ship soon,” she said.“Demand is strong.”", ["“We ship soon,” she said.", "“Demand is strong.”"]),
        ("He said it was “fine.”“Really fine,” she added.", ["He said it was “fine.”", "“Really fine,” she added."]),
        ("The U.S.“first” policy held.", ["The U.S.“first” policy held."]),
        ("Rep. John Moolenaar spoke. He left.", ["Rep. John Moolenaar spoke.", "He left."]),
        ("Nvidia Corp. has approval. It ships soon.", ["Nvidia Corp. has approval.", "It ships soon."]),
        (
            "Jensen H. Huang met Dr. Lee in Washington D.C. on Monday.",
            ["Jensen H. Huang met Dr. Lee in Washington D.C. on Monday."],
        ),
        ("Chips sold in the U.S. The company said so.", ["Chips sold in the U.S.", "The company said so."]),
        ("The U.S. Commerce Department agreed.", ["The U.S. Commerce Department agreed."]),
        ('"We are happy." Huang said that.', ['"We are happy."', "Huang said that."]),
        ("“It is good news,” he said. Shares rose.", ["“It is good news,” he said.", "Shares rose."]),
        ("War against China…try again.", ["War against China…try again."]),
        ("Is it over? No! It is not.", ["Is it over?", "No!", "It is not."]),
        (
            "Revenue was $17.5 billion. Margins rose 2.3 points.",
            ["Revenue was $17.5 billion.", "Margins rose 2.3 points."],
        ),
        ("商务部表示。美方应当纠正错误做法。", ["商务部表示。", "美方应当纠正错误做法。"]),
        ("one sentence without a full stop", ["one sentence without a full stop"]),
        ("  padded sentence.  ", ["padded sentence."]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_spans_respect_bounds_and_point_into_text():
    text = "Header line\nFirst one. Second one.\n"
    start = text.index("First")
    spans = split_sentences(text, start, len(text) - 1)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert all(start <= s < e <= len(text) for s, e in spans)
