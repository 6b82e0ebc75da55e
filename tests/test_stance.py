import pytest

from h20lib.stance import TARGETS, carry_reported_stance, score_stance, stance_evidence, stance_label
from h20lib.validate import validation_report


@pytest.mark.parametrize(
    ("sentence", "approval", "controls"),
    [
        # criticism of the decision, on security grounds
        ("The Trump Administration's misguided decision to allow Nvidia to resume H20 chip sales to China would not only "
         "hand our foreign adversaries our most advanced technologies, but is also dangerously inconsistent.", "against", "favor"),
        ("Some U.S. lawmakers criticized the reversal.", "against", "none"),
        ("The approval drew immediate scrutiny from lawmakers concerned about national security.", "against", "favor"),
        ("Not all stakeholders endorse this trade development.", "against", "none"),
        # defence and welcome of the decision
        ("Beijing welcomed the decision.", "favor", "none"),
        ("I am very excited to ship H20 soon, and this is really very good news.", "favor", "none"),
        ("We don't sell them the best, not even the second or third best.", "favor", "none"),
        # the examples of wording the cues must generalise to
        ("The United States should abandon its zero-sum thinking.", "none", "against"),
        ("The United States should abandon a zero-sum mentality.", "none", "against"),
        ("Beijing urged Washington to drop its unreasonable restrictions.", "none", "against"),
        ("The ministry called the restrictions unwarranted and discriminatory.", "none", "against"),
        ("It was the right call in banning sales of the most powerful processors.", "none", "favor"),
        ("Huang said the U.S. chip ban was a failure.", "none", "against"),
        ("The restrictions have cost the company $15 billion in sales.", "none", "against"),
        ("China firmly opposes the politicisation and weaponisation of trade.", "none", "against"),
        ("It is crucial that the U.S. maintain its lead and keep advanced AI out of the hands of the CCP.", "none", "favor"),
        # neutral reporting stays "none" on both targets
        ("In early July, the United States lifted the restrictions that had been discussed during those talks.", "none", "none"),
        ("Shares of Nvidia rose more than 4% in midday trading Tuesday.", "none", "none"),
        ("The Trump administration officially repealed Biden's AI dissemination rules in May.", "none", "none"),
        ("Nvidia announced that the U.S. government had approved the sale of the H20.", "none", "none"),
        # positive tone is not a favourable stance
        ("Huang praised the country's innovation ecosystem during a cheerful visit.", "none", "none"),
    ],
)
def test_stance_labels(sentence, approval, controls):
    scores = score_stance(sentence)
    assert (scores["stance_approval_label"], scores["stance_controls_label"]) == (approval, controls)
    for target in TARGETS:
        assert -1.0 <= scores[f"stance_{target}"] <= 1.0
        assert bool(scores[f"stance_{target}_cues"]) or scores[f"stance_{target}_label"] == "none"


def test_negation_reverses_a_negatable_cue():
    assert score_stance("Lawmakers endorse the decision.")["stance_approval_label"] == "favor"
    assert score_stance("Lawmakers do not endorse the decision.")["stance_approval_label"] == "against"


def test_evidence_offsets_point_at_the_cue():
    sentence = "Beijing believes Washington should abandon a zero-sum mentality."
    evidence = stance_evidence(sentence)
    assert [(e.target, e.cue) for e in evidence] == [("controls", "zero_sum")]
    assert sentence[evidence[0].start : evidence[0].end] == evidence[0].matched == "zero-sum mentality"


@pytest.mark.parametrize(("score", "label"), [(0.9, "favor"), (0.4, "favor"), (0.39, "none"), (0.0, "none"), (-0.39, "none"), (-0.4, "against")])
def test_stance_label_thresholds(score, label):
    assert stance_label(score) == label


def test_reported_statement_carries_stance_to_its_continuation():
    rows = [
        {"kind": "body", "speaker": "lin_jian", "speaker_cue": "stated", "stance_approval": 0.0, "stance_approval_label": "none",
         "stance_approval_cues": (), "stance_controls": -0.76, "stance_controls_label": "against", "stance_controls_cues": ("zero_sum",)},
        {"kind": "body", "speaker": "lin_jian", "speaker_cue": "continued stated", "stance_approval": 0.0, "stance_approval_label": "none",
         "stance_approval_cues": (), "stance_controls": 0.0, "stance_controls_label": "none", "stance_controls_cues": ()},
        {"kind": "body", "speaker": "", "speaker_cue": "", "stance_approval": 0.0, "stance_approval_label": "none",
         "stance_approval_cues": (), "stance_controls": 0.0, "stance_controls_label": "none", "stance_controls_cues": ()},
    ]
    carry_reported_stance(rows)
    assert [row["stance_controls_label"] for row in rows] == ["against", "against", "none"]
    assert rows[1]["stance_controls_cues"] == ("continues_previous_statement",)


@pytest.fixture(scope="module")
def report():
    return validation_report(include_newsmtsc=False)


@pytest.mark.parametrize("target", TARGETS)
def test_seed_stance_against_gold(report, target):
    result = report["stance"][("seed sentences", target)]
    print(f"\n{target}: macro-F1 {result['method']['macro_f1']:.2f} vs TextBlob-polarity baseline {result['baseline']['macro_f1']:.2f} "
          f"on {result['n']} seed sentences")
    assert result["method"]["macro_f1"] >= 0.8
    assert result["method"]["macro_f1"] > result["baseline"]["macro_f1"]


def test_written_sentences_are_reported_per_round(report):
    rounds = sorted({sample for sample, _ in report["stance"] if sample.startswith("written")})
    assert rounds == ["written, round 1", "written, round 2", "written, round 3", "written, round 4"]
    for sample in rounds:
        for target in TARGETS:
            result = report["stance"][(sample, target)]
            print(f"\n{sample} {target}: macro-F1 {result['method']['macro_f1']:.2f} (baseline {result['baseline']['macro_f1']:.2f}, n={result['n']})")
            # no round may label a neutral sentence with a stance more often than the polarity baseline does
            confusion = result["method"]["confusion"]
            baseline_confusion = result["baseline"]["confusion"]
            assert confusion.loc["none", ["favor", "against"]].sum() <= baseline_confusion.loc["none", ["favor", "against"]].sum()
