import json

import pytest

from h20lib import config
from h20lib.measures import portrayal

CONTRASTIVE = "Protesters condemned Governor Hart, but the union praised Mayor Lin for her generous support."
RIVALS = "Brightway Energy thrived while its rival, Dunmore Oil, collapsed under mounting debts."


def span(sentence: str, mention: str) -> tuple[int, int]:
    start = sentence.index(mention)
    return start, start + len(mention)


@pytest.mark.parametrize(
    "sentence, mention, expected",
    [
        (
            "Regulators fined Orbital Dynamics $40 million for misleading investors about its safety record.",
            "Orbital Dynamics",
            "negative",
        ),
        ("Senator Maria Lopez was accused of accepting bribes from a defence contractor.", "Maria Lopez", "negative"),
        ("Critics slammed Helix Pharma for raising the price of insulin by 300 percent.", "Helix Pharma", "negative"),
        ("Mayor Tom Grady has failed to deliver on his promises, and residents are furious.", "Tom Grady", "negative"),
        (
            "The scandal-plagued chief executive, John Reyes, resigned after the fraud was exposed.",
            "John Reyes",
            "negative",
        ),
        ("Dr. Amy Chen was praised by colleagues for her brilliant work on the vaccine.", "Amy Chen", "positive"),
        (
            "Analysts hailed Brightway Energy's record profits as a triumph of smart management.",
            "Brightway Energy",
            "positive",
        ),
        (
            "Governor Paul Hart won widespread admiration for his calm and effective leadership during the floods.",
            "Paul Hart",
            "positive",
        ),
        ("Fans celebrated as striker Leo Marsh scored a stunning winning goal.", "Leo Marsh", "positive"),
        (
            "Veteran diplomat Sarah Klein has been widely credited with helping to secure the peace agreement.",
            "Sarah Klein",
            "positive",
        ),
        ("Nvidia will report its quarterly earnings on Wednesday.", "Nvidia", "neutral"),
        (
            "Lena Park, a spokeswoman for the ministry, said the meeting would take place in Geneva.",
            "Lena Park",
            "neutral",
        ),
        (
            "The Commerce Department published the new export rules on its website on Friday.",
            "Commerce Department",
            "neutral",
        ),
        (
            "Howard Lutnick told reporters in Washington that talks would continue next week.",
            "Howard Lutnick",
            "neutral",
        ),
        ("Acme Corp is headquartered in Ohio and employs about 2,000 people.", "Acme Corp", "neutral"),
        (RIVALS, "Dunmore Oil", "negative"),
        (CONTRASTIVE, "Mayor Lin", "positive"),
        pytest.param(
            RIVALS,
            "Brightway Energy",
            "positive",
            marks=pytest.mark.xfail(strict=True, reason="'thrived' is not a VADER word; two-target contrast"),
        ),
        pytest.param(
            CONTRASTIVE,
            "Governor Hart",
            "negative",
            marks=pytest.mark.xfail(strict=True, reason="praise in the other clause outweighs 'condemned'"),
        ),
    ],
)
def test_target_sentiment(sentence, mention, expected):
    assert portrayal.target_sentiment(sentence, *span(sentence, mention)) == expected


@pytest.mark.parametrize(
    "sentence, first, second",
    [
        (RIVALS, "Dunmore Oil", "Brightway Energy"),
        (CONTRASTIVE, "Governor Hart", "Mayor Lin"),
    ],
)
def test_batch_matches_single(sentence, first, second):
    items = [(sentence, *span(sentence, first)), (sentence, *span(sentence, second))]
    assert portrayal.target_sentiment_batch(items) == [portrayal.target_sentiment(*item) for item in items]


@pytest.mark.parametrize(
    "sentence, mention, cue",
    [
        (
            "Senator Maria Lopez was accused of accepting bribes from a defence contractor.",
            "Maria Lopez",
            "word:accused",
        ),
        ("Dr. Amy Chen was praised by colleagues for her brilliant work on the vaccine.", "Amy Chen", "vader_clause+"),
    ],
)
def test_explanation_shows_cues(sentence, mention, cue):
    explanation = portrayal.explain_target_sentiment(sentence, *span(sentence, mention), top=15)
    assert cue in dict(explanation)
    assert dict(explanation)[cue] > 0
    magnitudes = [abs(weight) for _, weight in explanation]
    assert magnitudes == sorted(magnitudes, reverse=True)


@pytest.mark.parametrize("start, end", [(-1, 5), (0, 0), (5, 3), (0, 200), (60, 61)])
def test_offsets_out_of_range(start, end):
    sentence = "Nvidia will report its quarterly earnings on Wednesday."
    with pytest.raises(ValueError):
        portrayal.target_sentiment(sentence, start, end)
    with pytest.raises(ValueError):
        portrayal.explain_target_sentiment(sentence, start, end)
    with pytest.raises(ValueError):
        portrayal.target_sentiment_batch([(sentence, start, end)])


@pytest.mark.parametrize(
    "sentence, mention, expected",
    [
        ("He said “Acme Corp is failing” yesterday.", "Acme Corp", {"mention_inside_quote", "sentence_has_quote"}),
        (
            "She praised Acme Corp.",
            "She",
            {"mention_pronoun", "mention_sentence_start", "right1:praised", "near_positive"},
        ),
        ("Acme Corp did not fail, but Beta Inc did.", "Acme Corp", {"negation_in_clause", "bigram:<T> did"}),
    ],
)
def test_featurize_cues(sentence, mention, expected):
    assert expected <= set(portrayal.featurize(sentence, *span(sentence, mention)))


@pytest.mark.parametrize(
    "gold, predicted, macro_f1, confusion_neg_neu",
    [
        (["negative", "negative", "neutral", "positive"], ["negative", "neutral", "neutral", "positive"], 77.8, 1),
        (["negative", "neutral", "positive"], ["negative", "neutral", "positive"], 100.0, 0),
        (["negative", "neutral", "positive"], ["positive", "positive", "negative"], 0.0, 0),
    ],
)
def test_classification_report(gold, predicted, macro_f1, confusion_neg_neu):
    report = portrayal.classification_report(gold, predicted)
    assert report["macro_f1"] == macro_f1
    assert report["confusion"]["negative"]["neutral"] == confusion_neg_neu


def test_a_batch_of_a_thousand_items_labels_every_item():
    sentence = "Critics accused Nvidia of putting profits ahead of national security, lawmakers said on Tuesday."
    items = [(sentence, *span(sentence, "Nvidia"))] * 1000
    labels = portrayal.target_sentiment_batch(items)
    assert labels == ["negative"] * 1000


def test_model_file_is_documented_and_small():
    path = config.MODELS_DIR / portrayal.MODEL_FILE
    model = json.loads(path.read_text(encoding="utf-8"))
    assert {"source", "trained_on", "dev_scores", "hyperparameters"} <= set(model)
    assert model["labels"] == list(portrayal.LABELS)
    assert path.stat().st_size < 5_000_000


@pytest.mark.skipif(not config.NEWSMTSC_DIR.is_dir(), reason=f"NewsMTSC data not found at {config.NEWSMTSC_DIR}")
@pytest.mark.parametrize("split", ["rw-dev", "mt-dev", "dev"])
def test_newsmtsc_dev_macro_f1(split):
    result = portrayal.evaluate_newsmtsc(split)
    print(
        f"{split}: macro-F1 {result['macro_f1']:.1f} (TextBlob baseline {result['baseline_textblob']['macro_f1']:.1f},"
        f" n={result['n']})"
    )
    assert result["macro_f1"] >= 60
    assert result["macro_f1"] > result["baseline_textblob"]["macro_f1"]


def test_evaluate_without_data(monkeypatch, tmp_path):
    monkeypatch.setattr(config, "NEWSMTSC_DIR", tmp_path / "missing")
    with pytest.raises(FileNotFoundError, match="NewsMTSC"):
        portrayal.evaluate_newsmtsc("dev")


def test_unknown_split():
    with pytest.raises(ValueError):
        portrayal.load_newsmtsc("test")
