import pytest
from textblob import TextBlob

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
    ],
)
def test_polarity_and_subjectivity_are_textblobs(sentence):
    """The analyser with its lexicon loaded up front gives exactly TextBlob's numbers: negation, intensifiers,
    exclamation marks and emoticons included."""
    scores = score_sentiment(sentence)
    assert (scores["polarity"], scores["subjectivity"]) == tuple(TextBlob(sentence).sentiment)
