import math

import pytest

from h20lib.measures.stance import (
    NO_STANCE,
    TARGETS,
    carry_reported_stance,
    cue_evidence,
    cue_label,
    model_label,
    score_stance,
    stance_evidence,
    stance_probabilities,
)
from h20lib.validate import written_comparison


@pytest.mark.parametrize(
    ("sentence", "approval", "controls"),
    [
        # criticism of the decision, on security grounds
        (
            "The Trump Administration's misguided decision to allow Nvidia to resume H20 chip sales to China would not only "
            "hand our foreign adversaries our most advanced technologies, but is also dangerously inconsistent.",
            "against",
            "favor",
        ),
        ("Some U.S. lawmakers criticized the reversal.", "against", "none"),
        ("The approval drew immediate scrutiny from lawmakers concerned about national security.", "against", "favor"),
        # defence and welcome of the decision
        ("Beijing welcomed the decision.", "favor", "none"),
        ("I am very excited to ship H20 soon, and this is really very good news.", "favor", "none"),
        ("We don't sell them the best, not even the second or third best.", "favor", "none"),
        ("It was the right call in banning sales of the most powerful processors.", "none", "favor"),
        # the examples of wording the cues must generalise to
        ("The United States should abandon its zero-sum thinking.", "none", "against"),
        ("The United States should abandon a zero-sum mentality.", "none", "against"),
        ("Huang said the U.S. chip ban was a failure.", "none", "against"),
        ("The restrictions have cost the company $15 billion in sales.", "none", "against"),
        ("China firmly opposes the politicisation and weaponisation of trade.", "none", "against"),
        ("The ministry called the restrictions unwarranted and discriminatory.", "none", "against"),
        (
            "It is crucial that the U.S. maintain its lead and keep advanced AI out of the hands of the CCP.",
            "none",
            "favor",
        ),
        # neutral reporting stays "none" on both targets
        ("Shares of Nvidia rose more than 4% in midday trading Tuesday.", "none", "none"),
        ("The Trump administration officially repealed Biden's AI dissemination rules in May.", "none", "none"),
        ("Nvidia announced that the U.S. government had approved the sale of the H20.", "none", "none"),
        # positive tone is not a favourable stance
        ("Huang praised the country's innovation ecosystem during a cheerful visit.", "none", "none"),
        (
            "In early July, the United States lifted the restrictions that had been discussed during those talks.",
            "none",
            "none",
        ),
        # a negated endorsement with no target phrase; a call to lift controls is no verdict on the decision
        ("Not all stakeholders endorse this trade development.", "against", "none"),
        ("Beijing urged Washington to drop its unreasonable restrictions.", "none", "against"),
    ],
)
def test_stance_labels(sentence, approval, controls):
    scores = score_stance(sentence)
    assert (scores["stance_approval_label"], scores["stance_controls_label"]) == (approval, controls)
    for target in TARGETS:
        assert -1.0 <= scores[f"stance_{target}"] <= 1.0
        assert bool(scores[f"stance_{target}_cues"]) or scores[f"stance_{target}_label"] == "none"


def _explicit_cues(sentence: str, target: str) -> set[tuple[str, float]]:
    """(cue, weight) of the explicit verdict cues on ``target``, without the evaluation words near it."""
    return {
        (e.cue, e.weight)
        for e in cue_evidence(sentence)
        if e.target == target and not e.cue.startswith("evaluation_near_")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verdict on the decision after a phrase saying what it was about
        (
            "Frankly, the administration's reversal on chip exports is a grave mistake.",
            {("negative_verdict_on_decision", -1.0)},
        ),
        # the sales themselves as the subject of a verdict
        (
            "Shipping those accelerators to Beijing would be a terrible idea, the senator said.",
            {("selling_to_china_is_a_mistake", -1.0)},
        ),
        ("Not letting them sell the chips to China was the real mistake.", {("selling_to_china_is_a_mistake", 1.0)}),
        # a denied giveaway defends the decision
        (
            "The approval is neither a concession nor a giveaway, a spokesman said.",
            {("decision_called_a_giveaway", 1.0)},
        ),
        ("Critics called the move a giveaway to Beijing.", {("decision_called_a_giveaway", -1.0)}),
        # the same verdicts in Chinese, simplified and traditional
        ("批评者认为此举是对北京的重大让步。", {("criticism_of_decision", -1.0), ("decision_called_a_giveaway", -1.0)}),
        ("國會鷹派對這一決定表達強烈不滿。", {("scrutiny_from_lawmakers", -1.0)}),
        ("有评论称，这笔交易无异于向政府缴纳保护费。", {("negative_verdict_on_decision", -1.0)}),
        ("业界普遍欢迎美国政府的解禁决定。", {("endorses_decision", 1.0)}),
        ("这对英伟达来说是个好消息。", {("good_news", 1.0)}),
        ("他敦促华盛顿进一步放宽芯片出口限制。", {("wants_more_loosening", 1.0), ("wants_more_capable_sales", 1.0)}),
        # no verdict: no cue
        ("美国商务部上周批准了英伟达的出口许可。", set()),
        ("The reversal on the licence requirement was announced on Friday.", set()),
        ("Exporting chips to China was a lucrative business for years.", set()),
        ("Selling the older parts to Chinese customers is a routine matter for distributors.", set()),
    ],
)
def test_explicit_approval_cues(sentence, expected):
    assert _explicit_cues(sentence, "approval") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # controls said not to work, put in several ways
        ("These export controls just don't work the way Washington hoped.", {("controls_did_not_work", -1.0)}),
        (
            "Three years of restrictions, and I have not seen any evidence that they set back Huawei.",
            {("controls_did_not_work", -1.0)},
        ),
        (
            "I don't think banning a cut-down chip was ever going to stop China's AI labs.",
            {("controls_did_not_work", -1.0)},
        ),
        ("The ban didn't stop anything.", {("controls_did_not_work", -1.0)}),
        ("The curbs haven't slowed Huawei at all.", {("controls_did_not_work", -1.0)}),
        # controls said to help Chinese rivals
        (
            "Restricting sales only pushes Chinese customers toward domestic rivals.",
            {("restrictions_help_chinese_rivals", -1.0)},
        ),
        ("The curbs have only accelerated China's own chip industry.", {("restrictions_help_chinese_rivals", -1.0)}),
        # calls to undo controls or to sell more than the decision allowed
        (
            "The US side should correspondingly cancel a series of restrictive measures against China.",
            {("calls_to_loosen_controls", -1.0)},
        ),
        (
            "The group hoped the licences were the first of many steps to restore US access to the Chinese market.",
            {("calls_to_loosen_controls", -1.0)},
        ),
        (
            "The chief executive urged Washington to let the company sell more advanced products there.",
            {("wants_more_capable_sales", -1.0)},
        ),
        (
            "The senator does not want to let chipmakers sell more powerful processors to China.",
            {("wants_more_capable_sales", 1.0)},
        ),
        # no evaluation of controls: no cue
        ("China will continue to firmly safeguard the legitimate rights and interests of its enterprises.", set()),
        ("The chipmaker regained access to the Chinese market in July.", set()),
        ("There is evidence that the ban slowed Chinese model development.", set()),
        ("The rules work by requiring a licence for each shipment.", set()),
        ("Lawmakers asked whether the administration would let the company sell more advanced chips.", set()),
        ("The department will revoke licences if diversion is found.", set()),
        ("The ban took effect in April and was expected to stop shipments to three customers.", set()),
        ("The restrictions do not stop at chips; they cover tools too.", set()),
        ("Shipments did not stop after the ban.", set()),
        # the same cues in Chinese official wording, simplified and traditional
        (
            "美方应摒弃零和思维，停止无理打压中国企业。",
            {("zero_sum", -1.0), ("suppression_and_containment", -1.0), ("unjustified_restrictions", -1.0)},
        ),
        # urging looser export limits also wants more sales (see test_explicit_approval_cues)
        (
            "他呼籲美國政府放寬對華芯片出口限制。",
            {("calls_to_loosen_controls", -1.0), ("wants_more_capable_sales", -1.0)},
        ),
        (
            "中方对此坚决反对，敦促美方纠正错误做法。",
            {("opposes_controls", -1.0), ("correct_erroneous_practices", -1.0)},
        ),
        ("美国商务部于周一发布了新的出口管制规则。", set()),
    ],
)
def test_explicit_controls_cues(sentence, expected):
    assert _explicit_cues(sentence, "controls") == expected


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [("Lawmakers endorse the decision.", 1.0), ("Lawmakers do not endorse the decision.", -1.0)],
)
def test_negation_reverses_a_negatable_cue(sentence, sign):
    weights = [e.weight for e in cue_evidence(sentence) if e.target == "approval" and e.cue == "endorses_decision"]
    assert weights and all(weight * sign > 0 for weight in weights)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lawmakers endorse the decision.",
        "Beijing urged Washington to drop its unreasonable restrictions.",
        "Shares of Nvidia rose more than 4% in midday trading Tuesday.",
        "中方坚决反对美方将经贸问题政治化、武器化。",
    ],
)
def test_probabilities_are_distributions_and_the_score_is_no_surer_than_any_stance(sentence):
    scores = score_stance(sentence)
    for target, p in stance_probabilities(sentence).items():
        assert math.isclose(p["favor"] + p["against"] + p["none"], 1.0)
        assert 0.0 <= p["any"] <= 1.0 and 0.0 <= p["favor_if_any"] <= 1.0
        assert abs(p["favor"] - p["against"]) <= p["any"] + 1e-12
        if scores[f"stance_{target}_cues"] and not scores[f"stance_{target}_cues"][0].startswith("model "):
            continue  # decided by explicit cues: the score is theirs
        assert scores[f"stance_{target}"] == pytest.approx(p["favor"] - p["against"])


def test_explicit_cues_decide_and_every_evidence_offset_points_at_its_text():
    sentence = "Beijing believes Washington should abandon a zero-sum mentality."
    evidence = stance_evidence(sentence)
    controls = [e for e in evidence if e.target == "controls"]
    assert [(e.cue, e.matched) for e in controls] == [("zero_sum", "zero-sum mentality")]
    assert all(sentence[e.start : e.end] == e.matched for e in evidence)
    assert score_stance(sentence)["stance_controls_cues"] == ("zero_sum:zero-sum mentality",)


def test_model_decisions_name_the_model_features_behind_them():
    scores = score_stance("Beijing urged Washington to stop abusing export controls.")
    assert scores["stance_controls_label"] == "against"
    assert scores["stance_controls_cues"] and all(cue.startswith("model ") for cue in scores["stance_controls_cues"])


@pytest.mark.parametrize(
    ("score", "label"),
    [(0.9, "favor"), (0.4, "favor"), (0.39, "none"), (0.0, "none"), (-0.39, "none"), (-0.4, "against")],
)
def test_cue_label_thresholds(score, label):
    assert cue_label(score) == label


@pytest.mark.parametrize(
    ("any_stance", "favor_if_any", "label"),
    [
        (0.95, 0.9, "favor"),
        (0.95, 0.1, "against"),
        (0.40, 0.5, "favor"),  # at the threshold; an even direction goes to favor
        (0.39, 0.99, "none"),  # sure of the direction, not that there is a stance
        (0.05, 0.5, "none"),
    ],
)
def test_model_label_needs_min_probability_of_any_stance(any_stance, favor_if_any, label):
    assert model_label({"any": any_stance, "favor_if_any": favor_if_any}, min_probability=0.4) == label


def test_uncoded_sentences_have_the_scored_columns():
    assert list(NO_STANCE) == list(score_stance("The ban stays."))


def test_reported_statement_carries_stance_to_its_continuation():
    rows = [
        {
            "kind": "body",
            "speaker": "lin_jian",
            "speaker_cue": "stated",
            "stance_approval": 0.0,
            "stance_approval_label": "none",
            "stance_approval_cues": (),
            "stance_controls": -0.76,
            "stance_controls_label": "against",
            "stance_controls_cues": ("zero_sum",),
        },
        {
            "kind": "body",
            "speaker": "lin_jian",
            "speaker_cue": "continued stated",
            "stance_approval": 0.0,
            "stance_approval_label": "none",
            "stance_approval_cues": (),
            "stance_controls": 0.0,
            "stance_controls_label": "none",
            "stance_controls_cues": (),
        },
        {
            "kind": "body",
            "speaker": "",
            "speaker_cue": "",
            "stance_approval": 0.0,
            "stance_approval_label": "none",
            "stance_approval_cues": (),
            "stance_controls": 0.0,
            "stance_controls_label": "none",
            "stance_controls_cues": (),
        },
    ]
    carry_reported_stance(rows)
    assert [row["stance_controls_label"] for row in rows] == ["against", "against", "none"]
    assert rows[1]["stance_controls_cues"] == ("continues_previous_statement",)


def test_every_stance_label_has_evidence():
    written = written_comparison()
    for target in TARGETS:
        labelled = written[written[f"pred_stance_{target}_label"] != "none"]
        assert not labelled.empty
        assert labelled[f"pred_stance_{target}_cues"].map(len).gt(0).all()
