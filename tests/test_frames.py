import pytest

from h20lib.frames import FRAME_DIMENSIONS, FRAMES, frame_evidence, score_frames
from h20lib.validate import validation_report


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nvidia reported $17 billion in revenue from China, roughly 13% of its total sales.", {"economic"}),
        ("Smuggling of restricted chips through third countries worries officials.", {"security", "regulation"}),
        ("Lutnick said the chips were part of the trade deal on rare earth magnets.", {"trade_deal"}),
        ("Huawei is pushing domestically-produced alternatives to reach self-reliance.", {"tech_competition"}),
        ("Rep. Raja Krishnamoorthi, the ranking Democrat on the committee, criticised the reversal.", {"political"}),
        ("The company said licences would be granted.", {"regulation"}),
        ("Huang met the vice premier and spoke of deepening cooperation.", {"diplomacy"}),
        ("China opposes suppression and containment under unfounded pretexts.", {"sovereignty"}),
        ("The weather in Beijing was mild on Thursday.", set()),
    ],
)
def test_frames(sentence, expected):
    assert set(score_frames(sentence)["frames"]) == expected


def test_every_frame_has_a_policy_frames_dimension():
    assert set(FRAME_DIMENSIONS) == set(FRAMES) and len(FRAMES) == 8
    assert FRAME_DIMENSIONS["economic"] == "Economic"
    assert FRAME_DIMENSIONS["sovereignty"] == "Fairness and equality"


def test_evidence_lists_the_words_behind_each_frame():
    evidence = frame_evidence("Tariffs of 145% hit Chinese goods.")
    assert evidence == {"trade_deal": ("Tariffs",)}
    assert score_frames("Tariffs of 145% hit Chinese goods.")["frame_cues"] == ("trade_deal:Tariffs",)


def test_frames_against_gold():
    report = validation_report(include_newsmtsc=False)
    for sample, result in report["frames"].items():
        print(f"\nframes, {sample}: micro-F1 {result['method']['micro_f1']:.2f} (baseline {result['baseline']['micro_f1']:.2f}, n={result['n']})")
        assert result["method"]["micro_f1"] > result["baseline"]["micro_f1"]
    assert report["frames"]["seed sentences"]["method"]["micro_f1"] >= 0.7
