import numpy as np
import pandas as pd
import pytest

from h20lib.train.speakers import candidates, carried_features, outcomes, step_speakers

LAST = {"speaker": "jensen_huang", "distance": 1, "paragraph_gap": 0, "is_quote": False}


@pytest.mark.parametrize(
    ("text", "actors", "last", "present", "absent"),
    [
        (
            "We are patient about it.",
            (),
            LAST,
            {"distance=1", "paragraph_gap=0", "first_person", "pronoun_start"},
            set(),
        ),
        (
            "Nvidia shares rose 3% on Monday.",
            ("nvidia",),
            {**LAST, "distance": 7, "paragraph_gap": 4},
            {"distance=3", "distance>=6", "paragraph_gap=2", "digits"},
            {"first_person", "names_speaker", "names_no_one"},
        ),
        ("“It is amazing.”", (), {**LAST, "is_quote": True}, {"quotation_start", "last_in_quotation"}, {"modal"}),
        ("黄仁勋认为我们会继续支持。", ("jensen_huang",), LAST, {"chinese", "first_person", "names_speaker"}, set()),
        ("Still, the ban could last.", (), LAST, {"connective_start", "modal", "speaker_type=person"}, {"question"}),
    ],
)
def test_carried_features(text, actors, last, present, absent):
    names = {name.removeprefix("carried:") for name in carried_features(text, actors=actors, is_quote=False, last=last)}
    assert present <= names
    assert not absent & names


def _document(rows):
    return pd.DataFrame(rows, columns=["kind", "text", "speaker", "paragraph", "is_quote", "actors"])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the sentence after Huang's is offered Huang, carried, and the actor it names
        (
            [
                ("body", "Jensen Huang said sales would resume.", "jensen_huang", 0, False, ("jensen_huang",)),
                ("body", "Nvidia expects approval soon.", "", 0, False, ("nvidia",)),
            ],
            [(1, "jensen_huang", "carried"), (1, "nvidia", "named")],
        ),
        # no speaker before it: only the named actor; an attributed sentence offers nothing
        (
            [
                ("body", "Nvidia expects approval soon.", "", 0, False, ("nvidia",)),
                ("body", "Nvidia said so.", "nvidia", 0, False, ("nvidia",)),
            ],
            [(0, "nvidia", "named")],
        ),
        # a headline is no candidate's sentence and does not carry a speaker
        (
            [
                ("headline", "Nvidia said to resume sales", "nvidia", 0, False, ("nvidia",)),
                ("body", "The chips ship soon.", "", 1, False, ()),
            ],
            [],
        ),
    ],
)
def test_candidates_of_sentences_the_rules_leave_without_a_speaker(rows, expected):
    found = candidates(_document(rows))
    assert list(zip(found["position"], found["actor"], found["kind"])) == expected


def test_carried_distance_counts_body_sentences_since_the_speaker():
    rows = [("body", "Jensen Huang said it.", "jensen_huang", 0, False, ("jensen_huang",))]
    rows += [("body", "More text here.", "", 0, False, ())] * 3
    found = candidates(_document(rows))
    distances = [next(name for name in feats if name.startswith("carried:distance=")) for feats in found["features"]]
    assert distances == ["carried:distance=1", "carried:distance=2", "carried:distance=3"]


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(0.5, {0: "b", 1: "c"}), (0.7, {0: "b"}), (0.95, {})],
)
def test_step_takes_each_units_likeliest_candidate_at_the_threshold(threshold, expected):
    found = pd.DataFrame({"unit": [0, 0, 1], "actor": ["a", "b", "c"]})
    speakers = step_speakers(found, np.array([0.4, 0.8, 0.6]), threshold=threshold)
    assert speakers.to_dict() == expected


def test_outcomes_count_the_step_only_where_the_rules_gave_no_speaker():
    units = pd.DataFrame(
        {
            "speaker": ["nvidia", "nvidia", "", "", "lin_jian"],
            "rule_speaker": ["", "nvidia", "", "", "mofcom"],
        }
    )
    # unit 0 gains its speaker, unit 2 loses its own voice, unit 4 keeps the rules' (wrong) speaker
    speakers = pd.Series({0: "nvidia", 2: "nvidia", 4: "lin_jian"})
    assert outcomes(units, speakers) == {
        "units_given_a_speaker": 2,
        "named_units": 3,
        "named_right_rules": 1,
        "named_right_step": 2,
        "own_units": 2,
        "own_kept_rules": 2,
        "own_kept_step": 1,
    }
