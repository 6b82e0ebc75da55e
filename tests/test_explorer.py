from h20lib import explorer


def test_the_sentence_view_names_the_speaker_and_marks_the_sentence(seed_scores):
    row = seed_scores[(seed_scores["speaker"] != "") & (seed_scores["kind"] == "body")].iloc[0]
    view = explorer.sentence_view(seed_scores, row["sentence_id"])
    assert f"<b>{row['sentence_id']}</b>" in view
    assert "P(any stance)" in view
    assert view.count("<li>") >= 2


def test_the_explorer_follows_its_filters(seed_exploration, seed_scores):
    view = explorer.Explorer(seed_exploration, seed_scores)
    assert len(view.shown) == len(seed_exploration)
    view.groups.value = ("trade_press",)
    assert set(view.shown["group"]) == {"trade_press"}
    assert view.count.value.startswith(f"<b class='h20lib-count'>{len(view.shown)} sentences</b>")
    view.term.value = "no such words here"
    assert view.shown.empty
    assert isinstance(view.widget().children, tuple)
