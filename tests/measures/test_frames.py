import math
import random

import numpy as np
import pytest

from h20lib import resources
from h20lib.measures import frames
from h20lib.measures.features import Feature
from h20lib.measures.frames import (
    MODEL_FILE,
    NO_FRAMES,
    cue_matches,
    feature_values,
    featurize,
    frame_dimensions,
    frame_evidence,
    frame_names,
    is_invoked,
    model_probabilities,
    score_frames,
)
from h20lib.measures.linear import label_scores, softmax


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nvidia reported $17 billion in revenue from China, roughly 13% of its total sales.", {"economic"}),
        ("Lutnick said the chips were part of the trade deal on rare earth magnets.", {"trade_deal"}),
        ("Huawei is pushing domestically-produced alternatives to reach self-reliance.", {"tech_competition"}),
        ("Rep. Raja Krishnamoorthi, the ranking Democrat on the committee, criticised the reversal.", {"political"}),
        ("Huang met the vice premier and spoke of deepening cooperation.", {"diplomacy"}),
        ("China opposes suppression and containment under unfounded pretexts.", {"sovereignty"}),
        # wording no cue pattern lists: the model finds the frame
        ("Cambricon's newest accelerator nearly matches the H20 on inference benchmarks.", {"tech_competition"}),
        ("Gross margins widened to 61% as data-centre orders surged.", {"economic"}),
        ("Smuggling of restricted chips through third countries worries officials.", {"security", "regulation"}),
        ("The company said licences would be granted.", {"regulation"}),
        (
            "The senators want the Commerce Department to revoke the permits before shipments begin.",
            {"political", "regulation"},
        ),
        # no issue content: no frame
        ("The weather in Beijing was mild on Thursday.", set()),
        ("Answer:", set()),
        ("Posted 16 July, 2025", set()),
        ("The company declined to comment.", set()),
        ("", set()),
    ],
)
def test_frames(sentence, expected):
    assert set(score_frames(sentence)["frames"]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # smuggling told without the words of the security cues or the training sentences
        ("Customs agents in Singapore seized crates of accelerators bound for a shell company.", {"security"}),
        # talks about the next round of talks: the models trained on real coverage, where such talks are most often
        # trade talks, add trade_deal
        ("The two delegations agreed to meet again in Stockholm next month.", {"diplomacy"}),
    ],
)
@pytest.mark.xfail(
    strict=True, reason="known errors: wording the frame models did not meet in training, or read another way there"
)
def test_known_frame_errors(sentence, expected):
    assert set(score_frames(sentence)["frames"]) == expected


def test_every_frame_has_a_policy_frames_dimension():
    assert set(frame_dimensions()) == set(frame_names()) and len(frame_names()) == 8
    assert frame_dimensions()["economic"] == "Economic"
    assert frame_dimensions()["sovereignty"] == "Fairness and equality"


@pytest.mark.parametrize(
    ("has_cue", "probability", "rule", "min_probability", "expected"),
    [
        (True, 0.0, "cues_or_model", 0.5, True),
        (False, 0.6, "cues_or_model", 0.5, True),
        (False, 0.4, "cues_or_model", 0.5, False),
        (True, 0.4, "model", 0.5, False),
        (False, 0.5, "model", 0.5, True),
    ],
)
def test_is_invoked(has_cue, probability, rule, min_probability, expected):
    assert is_invoked(has_cue=has_cue, probability=probability, rule=rule, min_probability=min_probability) is expected


def test_an_unknown_rule_is_an_error():
    with pytest.raises(ValueError, match="unknown frame rule"):
        is_invoked(has_cue=True, probability=1.0, rule="cues", min_probability=0.5)


@pytest.mark.parametrize("sentence", ["Tariffs of 145% hit Chinese goods.", "Lawmakers met the ambassador.", ""])
def test_model_probabilities_are_each_frame_models_softmax(sentence):
    values = feature_values(sentence)
    probabilities = model_probabilities(featurize(sentence))
    for frame, model in resources.model(MODEL_FILE)["frames"].items():
        expected = softmax(label_scores(values, model))[model["labels"].index("invoked")]
        assert math.isclose(probabilities[frame], expected, abs_tol=1e-9)


def test_cue_matches_list_each_match_with_its_offsets():
    sentence = "Tariffs of 145% hit Chinese goods."
    assert [(e.cue, e.matched, e.start, e.end) for e in cue_matches(sentence)["trade_deal"]] == [
        ("trade_deal#3", "Tariffs", 0, 7)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tariffs of 145% hit Chinese goods.",
        "Cambricon's newest accelerator nearly matches the H20 on inference benchmarks.",
        "Beijing said Washington's containment of Chinese firms would backfire on American chipmakers' revenue.",
    ],
)
def test_every_frame_has_evidence_pointing_into_the_sentence(sentence):
    evidence = frame_evidence(sentence)
    assert evidence and tuple(evidence) == score_frames(sentence)["frames"]
    for frame, items in evidence.items():
        assert items
        for item in items:
            assert item.frame == frame and item.weight > 0
            assert sentence[item.start : item.end] == item.matched


@pytest.mark.parametrize(
    "sentence",
    [
        "China opposes suppression and containment under unfounded pretexts.",
        "Tariffs of 145% hit Chinese goods.",
        "Cambricon's newest accelerator nearly matches the H20 on inference benchmarks.",
    ],
)
def test_frame_cues_name_the_frame_and_the_words(sentence):
    scored = score_frames(sentence)
    assert scored["frame_cues"]
    for cue in scored["frame_cues"]:
        frame, rest = cue.split(":", 1)
        assert frame in scored["frames"]
        words = rest.split(":", 2)[2] if rest.startswith("model ") else rest
        assert words in sentence


def test_uncoded_sentences_have_the_scored_columns():
    assert list(NO_FRAMES) == list(score_frames("The ban stays."))


@pytest.mark.parametrize("seed", range(5))
def test_a_limit_on_the_evidence_only_cuts_the_full_ranking(seed):
    """Pushes tie once rounded to 4 decimals; the limited ranking is the first of the full one, ties included."""
    rng = random.Random(seed)
    text = " ".join(f"w{index}" for index in range(40))
    feats = {f"word:w{index}": Feature(1.0, 4 * index, 4 * index + 2) for index in range(40)}
    pushes = np.array([rng.choice([0.12344, 0.12346, 0.1235, 0.2, -0.1]) + rng.random() * 1e-6 for _ in feats])
    names = list(feats)
    shown = frames._pushes(text, feats, names, pushes, "economic", limit=5)
    assert shown == frames._pushes(text, feats, names, pushes, "economic", limit=None)[:5]
    assert len(shown) == 5
