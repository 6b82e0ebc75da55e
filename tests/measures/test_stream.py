import json

import distributed
import pandas as pd
import pytest

from h20lib import InputError, load_corpus, score
from h20lib.measures import stream

ARTICLE = (
    "Nvidia to resume H20 sales to China\n"
    "Nvidia said on Monday it would resume sales of its H20 chip to China after Washington approved licences. "
    "Lawmakers criticised the decision, calling it a mistake that weakens export controls.\n"
    '"This is a win for American companies," Commerce Secretary Howard Lutnick told CNBC.\n'
)


@pytest.fixture(scope="module")
def table_corpus(tmp_path_factory):
    """A JSON Lines corpus of 23 documents, one of them empty, with a column of the user's own."""
    path = tmp_path_factory.mktemp("corpus") / "stories.jsonl"
    rows = [
        {
            "doc_id": f"d{n:02d}",
            "source_group": ["us_media", "trade_press"][n % 2],
            "text": ARTICLE,
            "region": f"r{n % 3}",
        }
        for n in range(22)
    ]
    rows.insert(5, {"doc_id": "empty", "text": " "})
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("jobs", "chunk_documents"), [(1, 200), (1, 4), (2, 4), (2, 1)])
def test_streamed_scoring_equals_the_serial_table(tmp_path, table_corpus, jobs, chunk_documents):
    expected = score(load_corpus(table_corpus))
    summary = stream.score_corpus(table_corpus, tmp_path / "scored.parquet", jobs=jobs, chunk_documents=chunk_documents)
    pd.testing.assert_frame_equal(stream.read_scored(tmp_path / "scored.parquet"), expected)
    assert (summary.n_documents, summary.n_sentences) == (22, len(expected))
    assert [skip.reason for skip in summary.skipped] == ["empty text"]
    assert [path.name for path in tmp_path.iterdir()] == ["scored.parquet"]


def test_streamed_scoring_of_the_seed_folder_equals_the_serial_table(tmp_path, seed_scores):
    stream.score_corpus(None, tmp_path / "seeds.parquet", jobs=2, chunk_documents=2)
    pd.testing.assert_frame_equal(stream.read_scored(tmp_path / "seeds.parquet"), seed_scores)


def test_streamed_csv_joins_lists_like_write_table(tmp_path, table_corpus):
    stream.score_corpus(table_corpus, tmp_path / "scored.csv", jobs=1, chunk_documents=3)
    written = pd.read_csv(tmp_path / "scored.csv", keep_default_na=False)
    expected = score(load_corpus(table_corpus))
    assert written["sentence_id"].tolist() == expected["sentence_id"].tolist()
    assert written["actors"].tolist() == [";".join(actors) for actors in expected["actors"]]
    assert written["region"].tolist() == expected["region"].tolist()


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("scored.txt", "output must end in .csv or .parquet"),
        ("missing/scored.parquet", "does not exist"),
        ("notes", "is a folder with other files in it"),  # a dataset never goes into a folder of other files
    ],
)
def test_bad_output_is_refused_before_scoring(tmp_path, output, reason):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "draft.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        stream.score_corpus(None, tmp_path / output, jobs=1)
    assert not list(tmp_path.rglob("*.part"))


def test_a_failed_run_leaves_no_partial_file_and_the_old_output(tmp_path, monkeypatch, table_corpus):
    output = tmp_path / "scored.parquet"
    output.write_bytes(b"earlier table")

    def interrupted(items, *, root):
        raise KeyboardInterrupt

    monkeypatch.setattr(stream, "score_chunk", interrupted)
    with pytest.raises(KeyboardInterrupt):
        stream.score_corpus(table_corpus, output, jobs=1)
    assert output.read_bytes() == b"earlier table"
    assert [path.name for path in tmp_path.iterdir()] == ["scored.parquet"]


def test_a_folder_output_is_a_parquet_dataset_of_parts(tmp_path, monkeypatch, table_corpus):
    monkeypatch.setattr(stream, "ROWS_PER_PART", 10)
    output = tmp_path / "scored"
    stream.score_corpus(table_corpus, output, jobs=1, chunk_documents=4)
    parts = sorted(path.name for path in output.iterdir())
    assert len(parts) > 2 and parts == [f"part-{n:05d}.parquet" for n in range(len(parts))]
    pd.testing.assert_frame_equal(stream.read_scored(output), score(load_corpus(table_corpus)))
    monkeypatch.setattr(stream, "ROWS_PER_PART", 10_000)  # a second run replaces the parts of the first
    stream.score_corpus(table_corpus, output, jobs=1)
    assert [path.name for path in output.iterdir()] == ["part-00000.parquet"]
    pd.testing.assert_frame_equal(stream.read_scored(output), score(load_corpus(table_corpus)))


def test_an_interrupted_dataset_leaves_nothing_behind(tmp_path, monkeypatch, table_corpus):
    def interrupted(items, *, root):
        raise KeyboardInterrupt

    monkeypatch.setattr(stream, "score_chunk", interrupted)
    with pytest.raises(KeyboardInterrupt):
        stream.score_corpus(table_corpus, tmp_path / "scored", jobs=1)
    assert list(tmp_path.iterdir()) == []


def test_the_cache_scores_a_corpus_once(monkeypatch, table_corpus, scored_cache):
    first = stream.scored_table(table_corpus, jobs=1)
    assert len(list(scored_cache.glob("scored-*.parquet"))) >= 1

    def must_not_score(*args, **kwargs):
        raise AssertionError("scored again")

    monkeypatch.setattr(stream, "score_corpus", must_not_score)
    pd.testing.assert_frame_equal(stream.scored_table(table_corpus), first)


def test_a_scored_file_is_used_as_it_is(tmp_path, table_corpus):
    stream.score_corpus(table_corpus, tmp_path / "mine.parquet", jobs=1)
    table = stream.scored_table(None, scored=tmp_path / "mine.parquet")
    assert set(table["doc_id"]) == {f"d{n:02d}" for n in range(22)}
    assert isinstance(table["frames"].iloc[0], tuple)


def test_scoring_on_a_dask_cluster_equals_the_local_table(tmp_path, table_corpus):
    expected = score(load_corpus(table_corpus))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        summary = stream.score_corpus(
            table_corpus, tmp_path / "scored.parquet", chunk_documents=3, scheduler=cluster.scheduler_address
        )
    pd.testing.assert_frame_equal(stream.read_scored(tmp_path / "scored.parquet"), expected)
    assert summary.n_documents == 22
