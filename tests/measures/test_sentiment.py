import pytest
from textblob import TextBlob

from h20lib import config
from h20lib.measures import sentiment
from h20lib.measures.sentiment import score_sentiment


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("I am very happy with that very, very good news.", 1),
        ("This behavior harms others and is a terrible failure.", -1),
        ("The company filed its application on Tuesday.", 0),
    ],
)
def test_sentiment_sign_and_range(sentence, sign):
    scores = score_sentiment(sentence)
    assert -1 <= scores["polarity"] <= 1 and 0 <= scores["subjectivity"] <= 1 and -1 <= scores["vader"] <= 1
    for measure in ("polarity", "vader"):
        assert (scores[measure] > 0) - (scores[measure] < 0) == sign


def test_textblob_misreads_the_lawmakers_criticism():
    """The reason stance is measured separately: TextBlob reads this criticism as slightly positive."""
    sentence = (
        "The Trump Administration's misguided decision to allow Nvidia to resume H20 chip sales to China would not only "
        "hand our foreign adversaries our most advanced technologies, but is also dangerously inconsistent."
    )
    assert score_sentiment(sentence)["polarity"] > 0


@pytest.mark.parametrize(
    "sentence",
    [
        "I am very happy with that very, very good news.",
        "It is not a good deal, and not really fair either!",
        "The chips are never going to be great :)",
        "A really terrible, truly awful outcome (!)",
        "Shares rose 4% on Monday.",
        "",
        "Cruz turned to Trump: > Well I will say this.",  # an emoticon across TextBlob's token spaces (":>")
        "They don't like it, and it isn't their call.",  # "n't" split off a word
        "The ex-GOOD Corp. unit (naïve) said so.",
        "İstanbul traders said nothing of note.",  # lower-casing lengthens the text: not screened
        "Officials met in Geneva on Tuesday.",  # no word TextBlob scores: not tokenised
    ],
)
def test_polarity_and_subjectivity_are_textblobs(sentence):
    """The analyser with its lexicon loaded up front gives exactly TextBlob's numbers: negation, intensifiers,
    exclamation marks and emoticons included."""
    scores = score_sentiment(sentence)
    assert (scores["polarity"], scores["subjectivity"]) == tuple(TextBlob(sentence).sentiment)


def test_the_screen_gives_textblobs_numbers_on_every_real_line():
    """Lines without a word TextBlob scores are answered (0, 0) without tokenising them; on the real articles that
    is TextBlob's own answer for every line, and the screen is used."""
    lines = [line for path in sorted(config.REAL_CORPUS_DIR.glob("*.txt")) for line in path.read_text().splitlines()]
    differing = [line for line in lines if tuple(TextBlob(line).sentiment) != _textblob_numbers(line)]
    assert differing == []
    screened = [line for line in lines if not sentiment._analysers()[0].may_score(line)]
    assert len(screened) > len(lines) / 10


def _textblob_numbers(text: str) -> tuple[float, float]:
    scores = score_sentiment(text)
    return scores["polarity"], scores["subjectivity"]
