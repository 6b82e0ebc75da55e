import pytest

from h20lib.measures.features import add_spans, sentence_words

NEGATORS = frozenset({"not", "never", "no"})


def features(sentence: str, **options) -> dict:
    feats = {}
    add_spans(feats, sentence_words(sentence, stem_letters=6, **options).marked)
    for feature in feats.values():
        assert feature.value == 1.0 and 0 <= feature.start < feature.end <= len(sentence)
    return feats


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        ("Lawmakers did not oppose the decision.", {"word:not_oppose", "word:not_the", "word:did"}, {"word:oppose"}),
        (
            "They never said the curbs failed, but the ban hurts.",
            {"word:not_said", "word:not_curbs", "word:hurts"},
            {"word:not_hurts"},
        ),
        ("It isn't fair.", {"word:isn't", "word:not_fair"}, {"word:fair"}),
        (
            "Lawmakers opposed the decision.",
            {"word:opposed", "stem:oppose", "pair:lawmakers opposed"},
            {"word:not_opposed"},
        ),
        (
            "Sales fell 15% in 2025.",
            {"word:<num>", "word:sales", "pair:in <num>"},
            {"word:15", "word:2025", "stem:<num>"},
        ),
        ("Nvidia’s licence", {"word:nvidia's"}, {"word:nvidia’s"}),
        ("Tariffs rose. Exports fell.", {"pair:tariffs rose", "pair:exports fell"}, {"pair:rose exports"}),
    ],
)
def test_words_stems_pairs_and_negation_scope(sentence, present, absent):
    feats = features(sentence, negators=NEGATORS, negation_scope=3)
    assert present <= set(feats) and not absent & set(feats)


@pytest.mark.parametrize("sentence", ["Lawmakers did not oppose the decision.", "It isn't fair."])
def test_without_negators_no_word_is_marked(sentence):
    assert not any("not_" in name for name in features(sentence))


def test_each_feature_points_at_its_first_occurrence():
    sentence = "Chip sales and chip sales."
    feats = features(sentence)
    assert sentence[feats["word:chip"].start : feats["word:chip"].end] == "Chip"
    assert sentence[feats["pair:chip sales"].start : feats["pair:chip sales"].end] == "Chip sales"


@pytest.mark.parametrize(
    ("feats", "spans", "expected"),
    [
        ({"cue:a": (1.0, 0, 1)}, {"word:b": (1.0, 2, 3)}, [("cue:a", (1.0, 0, 1)), ("word:b", (1.0, 2, 3))]),
        # a feature already there keeps its first value and place
        (
            {"word:b": (2.0, 0, 1)},
            {"word:c": (1.0, 4, 5), "word:b": (1.0, 2, 3)},
            [("word:b", (2.0, 0, 1)), ("word:c", (1.0, 4, 5))],
        ),
        ({}, {}, []),
    ],
)
def test_add_spans_adds_what_is_missing_in_order(feats, spans, expected):
    add_spans(feats, spans)
    assert list(feats.items()) == expected


@pytest.mark.parametrize(
    ("sentence", "shared"),
    [("Lawmakers opposed the decision.", True), ("Lawmakers did not oppose the decision.", False), ("", True)],
)
def test_marked_words_are_the_plain_ones_until_a_negation(sentence, shared):
    words = sentence_words(sentence, negators=NEGATORS, negation_scope=3)
    assert (words.marked is words.plain) == shared
    plain_only = sentence_words(sentence, negators=frozenset(), negation_scope=0).plain
    assert list(words.plain.items()) == list(plain_only.items())  # marking never changes the plain words
