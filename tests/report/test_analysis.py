import pandas as pd
import pytest

from h20lib.errors import ParameterError
from h20lib.measures import claims
from h20lib.report import analysis


def _sentences(rows):
    """A small scored sentence table; each row gives (sentence_id, group, kind, speaker, text) and optional extras."""
    records = []
    for row in rows:
        sentence_id, group, kind, speaker, text, *extra = row
        extra = extra[0] if extra else {}
        records.append(
            {
                "doc_id": sentence_id.split("-")[0],
                "sentence_id": sentence_id,
                "text": text,
                "kind": kind,
                "source_group": group,
                "outlet": f"{group} outlet",
                "published": "2025-07-16",
                "char_start": 0,
                "char_end": len(text),
                "speaker": speaker,
                "speaker_cue": extra.get("cue", "said" if speaker else ""),
                "polarity": extra.get("polarity", 0.0),
                "vader": extra.get("vader", 0.0),
                "stance_approval": extra.get("approval", 0.0),
                "stance_controls": extra.get("controls", 0.0),
                "stance_approval_label": "none",
                "stance_controls_label": "none",
                "frames": extra.get("frames", ()),
            }
        )
    return pd.DataFrame(records)


TABLE = _sentences(
    [
        ("a-1", "wire", "headline", "", "Chips cleared", {"polarity": 0.5, "frames": ("economic",)}),
        (
            "a-2",
            "wire",
            "body",
            "nvidia",
            "Nvidia said sales resume",
            {"polarity": -0.5, "frames": ("economic", "security")},
        ),
        ("a-3", "wire", "metadata", "", "By a reporter"),
        ("b-1", "opinion", "body", "", "A mistake", {"polarity": 1.0, "frames": ("security",)}),
        ("b-2", "reader_comments", "comment", "", "Nice"),
        ("b-3", "opinion", "caption", "", "A photo"),
    ]
)


@pytest.mark.parametrize(
    ("groups", "group_by", "expected"),
    [
        (None, "source_group", [("a-1", "wire"), ("a-2", "wire"), ("b-1", "opinion")]),
        (["opinion"], "source_group", [("b-1", "opinion")]),
        ("opinion", "source_group", [("b-1", "opinion")]),  # a string names one group, not its letters
        (None, "outlet", [("a-1", "wire outlet"), ("a-2", "wire outlet"), ("b-1", "opinion outlet")]),
    ],
)
def test_select_sentences_keeps_outlet_headlines_and_body(groups, group_by, expected):
    selected = analysis.select_sentences(TABLE, group_by=group_by, groups=groups)
    assert list(zip(selected["sentence_id"], selected["group"])) == expected


@pytest.mark.parametrize(
    ("groups", "group_by", "message"),
    [
        (["nobody"], "source_group", "parameter groups: no group 'nobody' in source_group; groups: opinion, wire"),
        ("wir", "source_group", "parameter groups: no group 'wir' in source_group; groups: opinion, wire"),
        (None, "region", "parameter group_by: no column 'region'; columns: doc_id, sentence_id,"),
    ],
)
def test_select_sentences_names_a_bad_parameter_in_one_line(groups, group_by, message):
    with pytest.raises(ParameterError) as error:
        analysis.select_sentences(TABLE, groups=groups, group_by=group_by)
    assert str(error.value).startswith(message) and "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("group", "kind", "analysed", "n_sentences"),
    [
        ("wire", "headline", True, 1),
        ("wire", "metadata", False, 1),
        ("opinion", "caption", False, 1),
        ("reader_comments", "comment", False, 1),
    ],
)
def test_corpus_overview_counts_every_kind(group, kind, analysed, n_sentences):
    overview = analysis.corpus_overview(TABLE).set_index(["group", "kind"])
    assert (bool(overview.loc[(group, kind), "analysed"]), overview.loc[(group, kind), "n_sentences"]) == (
        analysed,
        n_sentences,
    )


@pytest.mark.parametrize(
    ("measure", "group", "mean", "n_group", "enough"),
    [
        ("TextBlob polarity", "wire", 0.0, 2, True),
        ("TextBlob polarity", "opinion", 1.0, 1, False),
        ("VADER compound", "wire", 0.0, 2, True),
    ],
)
def test_sentiment_by_group_means_per_group(measure, group, mean, n_group, enough):
    data = analysis.sentiment_by_group(analysis.select_sentences(TABLE), min_sentences=2, n_resamples=50)
    rows = data[(data["measure"] == measure) & (data["group"] == group)]
    assert (rows["mean"].iloc[0], rows["n_group"].iloc[0], bool(rows["enough"].iloc[0])) == (mean, n_group, enough)
    assert len(rows) == n_group


@pytest.mark.parametrize(
    ("frame", "group", "n_frame", "share"),
    [
        ("economic", "wire", 2, 1.0),
        ("security", "wire", 1, 0.5),
        ("security", "opinion", 1, 1.0),
        ("political", "wire", 0, 0.0),
    ],
)
def test_frames_by_group_shares(frame, group, n_frame, share):
    data = analysis.frames_by_group(analysis.select_sentences(TABLE)).set_index(["frame", "group"])
    assert (data.loc[(frame, group), "n_frame"], data.loc[(frame, group), "share"]) == (n_frame, share)


VOICED = _sentences(
    [
        ("a-1", "wire", "body", "", "x"),
        ("a-2", "wire", "body", "nvidia", "x"),
        ("a-3", "wire", "body", "nvidia", "x"),
        ("a-4", "wire", "body", "mofcom", "x"),
        ("b-1", "opinion", "body", "", "x"),
        ("b-2", "opinion", "body", "jensen_huang", "x", {"approval": 0.8}),
    ]
)


@pytest.mark.parametrize(
    ("top_n", "expected"),
    [(1, ["nvidia"]), (2, ["nvidia", "jensen_huang"]), (5, ["nvidia", "jensen_huang", "mofcom"])],
)
def test_top_speakers_by_count_then_id(top_n, expected):
    assert analysis.top_speakers(VOICED, top_n=top_n) == expected


@pytest.mark.parametrize(
    ("group", "speaker", "n", "share"),
    [
        ("wire", analysis.OWN_VOICE, 1, 0.25),
        ("wire", "nvidia", 2, 0.5),
        ("wire", analysis.OTHER_SPEAKERS, 1, 0.25),
        ("opinion", "nvidia", 0, 0.0),
        ("opinion", analysis.OTHER_SPEAKERS, 1, 0.5),
    ],
)
def test_voices_shares_of_each_group(group, speaker, n, share):
    data = analysis.voices(analysis.select_sentences(VOICED), top_n=1).set_index(["group", "speaker"])
    assert (data.loc[(group, speaker), "n"], data.loc[(group, speaker), "share"]) == (n, share)


def _labelled(rows):
    """Body sentences of (sentence_id, group, speaker, approval label, controls label = "none", speaker cue)."""
    table = _sentences([(sentence_id, group, "body", speaker, "x") for sentence_id, group, speaker, *_ in rows])
    table["stance_approval_label"] = [row[3] for row in rows]
    table["stance_controls_label"] = [row[4] if len(row) > 4 else "none" for row in rows]
    table["speaker_cue"] = [row[5] if len(row) > 5 else "said" for row in rows]
    return analysis.select_sentences(table)


SPEAKERS = _labelled(
    [
        ("a-1", "wire", "lin_jian", "none", "against"),
        ("a-2", "wire", "lin_jian", "none", "against"),
        ("b-1", "wire", "lin_jian", "none", "none"),
        ("b-2", "wire", "lin_jian", "favor", "none"),
        ("a-3", "wire", "nvidia", "favor", "none"),
        ("a-4", "wire", "nvidia", "none", "none"),
        ("a-5", "wire", "", "against", "against"),
        # an outlet relaying is not an outlet speaking
        ("c-1", "wire", "reuters", "against", "against", "according to"),
        ("c-2", "wire", "reuters", "favor", "none", "quote as reported by"),
        ("c-3", "wire", "global_times", "against", "none", "said in an editorial"),
        ("c-4", "wire", "global_times", "against", "none", "wrote"),
    ]
)


@pytest.mark.parametrize(
    ("speaker", "target", "direction", "share", "n_speaker"),
    [
        # sentences without a stance count in the share, not as a score of 0
        ("lin_jian", "controls", "against", 0.5, 4),
        ("lin_jian", "approval", "favor", 0.25, 4),
        ("lin_jian", "approval", "against", 0.0, 4),
    ],
)
def test_stance_by_actor_gives_shares_per_speaker(speaker, target, direction, share, n_speaker):
    data = analysis.stance_by_actor(SPEAKERS, min_stance=2, n_resamples=200)
    row = data[(data["speaker"] == speaker) & (data["target"] == target) & (data["direction"] == direction)].iloc[0]
    assert (row["share"], row["n_speaker"], row["n_speaker_documents"]) == (pytest.approx(share), n_speaker, 2)


@pytest.mark.parametrize(
    ("min_stance", "speakers"),
    [(1, {"lin_jian", "nvidia", "global_times"}), (2, {"lin_jian", "global_times"}), (4, set())],
)
def test_stance_by_actor_shows_speakers_with_enough_stance(min_stance, speakers):
    data = analysis.stance_by_actor(SPEAKERS, min_stance=min_stance, n_resamples=50)
    assert set(data["speaker"]) == speakers


@pytest.mark.parametrize(
    ("speaker", "cue", "relay"),
    [
        ("reuters", "according to", True),
        ("bloomberg", "reported", True),
        ("reuters", "quote as reported by", True),
        ("reporter", "turn Question", True),
        ("global_times", "said", False),
        ("global_times", "wrote", False),
        ("jensen_huang", "according to", False),
        ("mofcom", "reported", False),
    ],
)
def test_is_relay(speaker, cue, relay):
    assert analysis.is_relay(speaker, cue) is relay


WORDS = _sentences(
    [
        ("a-1", "wire", "body", "", "export controls tighten export controls"),
        ("a-2", "wire", "body", "", "export controls remain"),
        ("b-1", "opinion", "body", "", "national security matters"),
        ("b-2", "opinion", "body", "", "national security first"),
    ]
)


@pytest.mark.parametrize(
    ("group", "first_term"),
    [("wire", "export controls"), ("opinion", "national security")],
)
def test_distinctive_terms_ranks_group_terms_first(group, first_term):
    data = analysis.distinctive_terms(
        analysis.select_sentences(WORDS), top_k=3, ngram_range=(2, 2), min_sentences=1, min_z=0.0
    )
    rows = data[data["group"] == group]
    assert rows["term"].iloc[0] == first_term
    assert rows["rank"].tolist() == list(range(1, len(rows) + 1))


def test_distinctive_terms_needs_two_groups():
    one_group = analysis.select_sentences(WORDS, groups=["wire"])
    assert analysis.distinctive_terms(one_group).empty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Howard Lutnick praised Nvidia.", [("howard_lutnick", "Howard Lutnick", 0, 14), ("nvidia", "Nvidia", 23, 29)]),
        ("Nobody was named.", []),
    ],
)
def test_mention_table_rows(text, expected):
    table = analysis.mention_table(_sentences([("a-1", "wire", "body", "", text)]))
    assert list(zip(table["actor"], table["mention"], table["start"], table["end"])) == expected
    assert set(table["label"]) <= {"positive", "neutral", "negative"}
    assert list(table.columns) == [
        "doc_id",
        "sentence_id",
        "source_group",
        "outlet",
        "actor",
        "mention",
        "start",
        "end",
        "label",
    ]


@pytest.mark.parametrize(
    ("actors", "preferred", "top_n", "expected"),
    [
        (["nvidia", "china", "china", "mofcom"], ("china", "nvidia"), 6, ["china", "nvidia"]),
        (["mofcom", "cctv", "cctv", "xinhua"], ("china", "nvidia"), 2, ["cctv", "mofcom"]),
        ([], ("china",), 3, []),
    ],
)
def test_choose_actors_prefers_main_actors(actors, preferred, top_n, expected):
    mentions = pd.DataFrame({"actor": actors}, dtype=object)
    assert analysis.choose_actors(mentions, preferred=preferred, top_n=top_n) == expected


def test_portrayal_counts_each_label_of_each_actor():
    selected = analysis.select_sentences(
        _sentences(
            [
                ("a-1", "wire", "body", "", "Nvidia posted strong growth."),
                ("a-2", "wire", "body", "", "Nvidia said little."),
                ("b-1", "opinion", "body", "", "China responded."),
            ]
        )
    )
    data = analysis.portrayal(selected, actors_shown=["nvidia"], min_mentions=2)
    wire = data[data["group"] == "wire"]
    assert wire["n"].sum() == 2 and wire["n_mentions"].iloc[0] == 2 and wire["enough"].all()
    assert data.loc[data["group"] == "opinion", "n"].sum() == 0
    assert sorted(wire["label"]) == ["negative", "neutral", "positive"]


@pytest.mark.parametrize(
    ("actor", "surface", "expected"),
    [
        ("howard_lutnick", "Rutenberg", True),
        ("howard_lutnick", "Lutenick", True),
        ("howard_lutnick", "Lutnick", False),
        ("jensen_huang", "Huang Renxun", False),
        ("nvidia", "Nvidia Corp.", False),
        ("nvidia", "Yingweida", True),
        ("amd", "Advanced Micro Devices", False),
        ("nvidia", "英伟达", False),
        ("trump_administration", "the White House", False),
        ("not_in_register", "Someone", False),
    ],
)
def test_is_name_variant(actor, surface, expected):
    assert analysis.is_name_variant(actor, surface) is expected


def test_claims_side_by_side_flags_disagreement_date_conflict_and_name_variant():
    sentences = _sentences(
        [
            ("a-1", "wire", "body", "", "Nvidia earned $17 billion in revenue from China last year."),
            ("a-2", "wire", "body", "", "The expo opens on July 16, 2023 in Beijing."),
            ("b-1", "opinion", "body", "", "Nvidia earned $12 billion in revenue from China last year."),
            ("b-2", "opinion", "body", "", "Secretary Rutenberg spoke."),
        ]
    )
    board = analysis.claims_side_by_side(analysis.select_sentences(sentences))
    flags = {(row.section, row.doc_id, row.flag) for row in board.itertuples()}
    assert ("claim", "a", "date conflict") in flags
    assert {("claim", "a", "disagrees"), ("claim", "b", "disagrees")} <= flags
    assert ("name", "b", "name variant") in flags
    assert board["item"].iloc[0].startswith("expo")  # flagged items come first, date conflicts before others


SEED_CLAIM_FLAGS = {
    ("expo date: China, event from 2023-07-16 (date)", "002", "date conflict"),
    ("reporting period: China, event from 2023-Q2 (date)", "002", "date conflict"),
    ("Howard Lutnick (name)", "004", "name variant"),
}


def test_claims_side_by_side_flags_on_the_seeds(seed_corpus, seed_scores):
    board = analysis.claims_side_by_side(analysis.select_sentences(seed_scores))
    flagged = {(row.item, row.doc_id, row.flag) for row in board.itertuples() if row.flag}
    assert flagged == SEED_CLAIM_FLAGS


@pytest.mark.parametrize(
    ("doc_id", "surface", "item"),
    [
        ("004", "$5.5 billion", "writedown charge: NVIDIA, per quarter (money)"),
        ("004", "$15 billion", "lost sales: NVIDIA (money)"),
        ("004", "145%", "tariff rate: Trump administration (percent)"),
        ("004", "115%", "tariff cut: United States (percent)"),
        ("001", "4%", "share price move: NVIDIA (percent)"),
        ("001", "$17 billion", "china revenue: NVIDIA, per year (money)"),
        ("004", "$17 billion", "china revenue: NVIDIA, per year (money)"),
        ("000", "July 14", "announcement date: NVIDIA, event from 2025-07-14 (date)"),
        ("004", "July 15", "announcement date: Howard Lutnick, event from 2025-07-15 (date)"),
    ],
)
def test_claims_side_by_side_shows_figures_one_document_reports(seed_corpus, seed_scores, doc_id, surface, item):
    board = analysis.claims_side_by_side(analysis.select_sentences(seed_scores))
    cell = board[(board["item"] == item) & (board["doc_id"] == doc_id)]
    assert surface in cell["shown"].item().split("; ")


def test_claims_side_by_side_keeps_every_claim_of_the_seeds(seed_corpus, seed_scores):
    selected = analysis.select_sentences(seed_scores)
    board = analysis.claims_side_by_side(selected, max_rows=3)
    table = claims.claims_table(selected.assign(source_group=selected["group"]), seed_corpus.documents)
    shown = {(row.doc_id, surface) for row in board.itertuples() for surface in row.shown.split("; ")}
    assert set(zip(table["doc_id"], table["surface"])) <= shown
    assert board.drop_duplicates("item")["drawn"].sum() == 3


def test_claims_side_by_side_empty_without_claims():
    sentences = _sentences([("a-1", "wire", "body", "", "Nothing to count here.")])
    assert analysis.claims_side_by_side(analysis.select_sentences(sentences)).empty


STANCED = _labelled(
    [
        ("a-1", "wire", "", "favor"),
        ("a-2", "wire", "", "none"),
        ("b-1", "wire", "", "none"),
        ("b-2", "wire", "", "none"),
        ("b-3", "wire", "nvidia", "against"),
        ("c-1", "opinion", "", "against"),
    ]
)


@pytest.mark.parametrize(
    ("group", "voice", "direction", "share", "low", "high", "n_sentences"),
    [
        # own voice of wire: documents a (1 of 2 favour) and b (0 of 2): pooled 1/4; resampling documents gives
        # 0 (b twice), 1/4 or 1/2 (a twice), never a share a sentence bootstrap would give, such as 3/4
        ("wire", "own voice", "favor", 0.25, 0.0, 0.5, 4),
        ("wire", "own voice", "against", 0.0, 0.0, 0.0, 4),
        ("wire", "quoted voices", "against", 1.0, 1.0, 1.0, 1),
        ("opinion", "own voice", "against", 1.0, 1.0, 1.0, 1),
    ],
)
def test_stance_by_group_shares_resample_documents(group, voice, direction, share, low, high, n_sentences):
    data = analysis.stance_by_group(STANCED, n_resamples=500)
    row = data[
        (data["group"] == group)
        & (data["target"] == "approval")
        & (data["voice"] == voice)
        & (data["direction"] == direction)
    ].iloc[0]
    assert (row["share"], row["low"], row["high"], row["n_sentences"]) == pytest.approx((share, low, high, n_sentences))
    assert (row["n_documents"], row["n_outlets"]) == ((2, 1) if group == "wire" else (1, 1))
    assert row["n_voice_documents"] == (1 if voice == "quoted voices" or group == "opinion" else 2)


def test_stance_by_group_has_no_share_for_a_voice_without_sentences():
    data = analysis.stance_by_group(STANCED, n_resamples=100)
    quoted = data[(data["group"] == "opinion") & (data["voice"] == "quoted voices")]
    assert len(quoted) == 4 and quoted["share"].isna().all() and (quoted["n_sentences"] == 0).all()


TERMS = _sentences(
    [(f"a-{i}", "wire", "body", "", "united states export controls in july 2025") for i in range(60)]
    + [(f"b-{i}", "opinion", "body", "", "chinese ministry welcomed talks in august 2025") for i in range(60)]
)


def test_distinctive_terms_shows_only_terms_past_the_threshold_without_numbers_months_or_parts():
    data = analysis.distinctive_terms(analysis.select_sentences(TERMS), top_k=10, min_sentences=1)
    wire = set(data.loc[data["group"] == "wire", "term"])
    assert "united states" in wire and "export controls" in wire
    assert not wire & {"united", "states", "export", "controls", "july", "2025", "july 2025"}
    assert (data.loc[data["rank"] > 0, "z"] >= analysis.Z_THRESHOLD).all()


def test_a_group_without_distinctive_terms_has_one_empty_row():
    same = _sentences(
        [(f"{d}-1", group, "body", "", "the same words") for d, group in (("a", "wire"), ("b", "opinion"))]
    )
    data = analysis.distinctive_terms(analysis.select_sentences(same), min_sentences=1, min_count=1)
    assert len(data) == 2 and (data["term"] == "").all() and (data["rank"] == 0).all()


def test_coverage_over_time_counts_documents_and_stance_sentences_per_date():
    table = _sentences(
        [
            ("a-1", "wire", "body", "", "x"),
            ("a-2", "wire", "body", "", "x"),
            ("b-1", "wire", "body", "", "x"),
            ("c-1", "opinion", "body", "", "x"),
            ("d-1", "opinion", "body", "", "x"),
        ]
    )
    table["published"] = ["2025-07-15", "2025-07-15", "2025-07-16", "2025-07-15", ""]
    table["stance_controls_label"] = ["against", "none", "favor", "none", "against"]
    data = analysis.coverage_over_time(analysis.select_sentences(table)).set_index(["group", "published"])
    assert data.loc[("wire", "2025-07-15"), ["n_documents", "n_stance_sentences"]].tolist() == [1, 1]
    assert data.loc[("wire", "2025-07-16"), ["n_documents", "n_stance_sentences"]].tolist() == [1, 1]
    assert data.loc[("opinion", "2025-07-15"), ["n_documents", "n_stance_sentences"]].tolist() == [1, 0]
    assert len(data) == 3  # the undated document is left out
    assert data.loc[("wire", "2025-07-15"), "n_group"] == 2


CLUSTERED = _sentences(
    [
        ("a-1", "wire", "body", "nvidia", "x", {"frames": ("economic",)}),
        ("a-2", "wire", "body", "nvidia", "x", {"frames": ("economic",)}),
        ("b-1", "wire", "body", "", "x"),
        ("b-2", "wire", "body", "", "x"),
    ]
)


@pytest.mark.parametrize(
    ("make", "row"),
    [
        (lambda s: analysis.frames_by_group(s, n_resamples=500), lambda d: d[d["frame"] == "economic"]),
        (lambda s: analysis.voices(s, top_n=1, n_resamples=500), lambda d: d[d["speaker"] == "nvidia"]),
    ],
    ids=["frames_by_group", "voices"],
)
def test_share_intervals_resample_documents(make, row):
    # all of one document's sentences have the trait and none of the other's: resampling the two documents puts
    # the share anywhere from 0 to 1, where resampling the four sentences as if independent would not
    chosen = row(make(analysis.select_sentences(CLUSTERED))).iloc[0]
    assert (chosen["share"], chosen["low"], chosen["high"]) == (0.5, 0.0, 1.0)
    assert (chosen["n_documents"], chosen["n_outlets"], chosen["n_group"]) == (2, 1, 4)
