import gc

import pytest

from h20lib import resources


@pytest.mark.parametrize("name", ["stance_model.json", "frames_model.json", "portrayal_model.json"])
def test_model_weights_are_tuples_the_garbage_collector_stops_tracking(name):
    model = resources.model(name)
    weights = []
    stack = [model]
    while stack:  # every array of numbers in the model, however deep
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)) and value and all(isinstance(v, (int, float)) for v in value):
            weights.append(value)
        elif isinstance(value, list):
            stack.extend(value)
    gc.collect()
    assert weights
    assert all(type(w) is tuple for w in weights)
    assert not any(gc.is_tracked(w) for w in weights)


def test_arrays_of_text_stay_lists():
    assert resources._numbers_as_tuples({"labels": ["favor", "against"], "w": [[1, 2.5], []]}) == {
        "labels": ["favor", "against"],
        "w": [(1, 2.5), ()],
    }
