"""Exploring a scored corpus: a sentence table with the stories' links, filters, the context of one sentence,
headlines side by side, and interactive group comparisons (Vega-Lite, through Altair) that list the sentences
behind a mark and save as standalone HTML pages.

The tables and charts here are pure functions of the scored table; ``h20lib.explorer`` wires them to
widgets for JupyterLab.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from h20lib.errors import ParameterError
from h20lib.measures import actors
from h20lib.measures.frames import frame_names
from h20lib.measures.stance import TARGETS
from h20lib.parse.corpus import document_metadata
from h20lib.report import analysis

ANY = "(any)"
STANCES = ("favor", "against", "none")
MEASURES = ("stance", "frames", "sentiment")
SENTENCES_PER_MARK = 12  # sentences a chart keeps behind each mark, to list when the mark is clicked
POINTS_PER_GROUP = 400  # sentences a sentiment chart draws per group; the summary uses them all
DIRECTION_COLORS = {"favor": "#0072B2", "against": "#D55E00"}


def offline_charts() -> None:
    """Show charts as Vega-Lite 5 specifications, which JupyterLab draws itself: Altair's default page loads Vega's
    scripts from the network, and nothing may be downloaded here."""
    alt.renderers.enable("mimetype", embed_options={"renderer": "svg"})  # SVG: the text of a chart can be found


def stories(corpus: str | Path | None, *, scored_file: str | Path | None = None) -> pd.DataFrame:
    """The corpus's documents with their titles and URLs (``parse.corpus.document_metadata``); none when only a
    scored table is given, which does not hold them."""
    if corpus is None and scored_file is not None:
        return pd.DataFrame(columns=["doc_id", "title", "outlet", "source_group", "published", "url"])
    return document_metadata(corpus)


def sentence_table(
    scored: pd.DataFrame,
    stories: pd.DataFrame,
    *,
    group_by: str = "source_group",
    groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The analysed sentences (headlines and body text; of ``groups`` only, when given) as a reader browses them:
    group, outlet, date, kind, speaker (by name), whether quoted, each stance label and score, the frames, TextBlob
    polarity, the text and the story's URL (from ``stories``)."""
    selected = analysis.select_sentences(scored, group_by=group_by, groups=groups)
    urls = stories.set_index("doc_id")["url"] if len(stories) else pd.Series(dtype=str)
    return pd.DataFrame(
        {
            "sentence_id": selected["sentence_id"],
            "doc_id": selected["doc_id"],
            "group": selected["group"],
            "outlet": selected["outlet"],
            "published": selected["published"],
            "kind": selected["kind"],
            "speaker": selected["speaker"].map(lambda s: actors.display_name(s) if s else analysis.OWN_VOICE),
            "quote": selected["is_quote"].astype(bool),
            "mentions": selected["actors"].map(lambda ids: "; ".join(map(actors.display_name, ids))),
            "approval": selected["stance_approval_label"],
            "stance_approval": selected["stance_approval"].round(2),
            "controls": selected["stance_controls_label"],
            "stance_controls": selected["stance_controls"].round(2),
            "frames": selected["frames"].map("; ".join),
            "polarity": selected["polarity"].round(2),
            "text": selected["text"],
            "url": selected["doc_id"].map(urls).fillna(""),
        }
    )


def choices(table: pd.DataFrame) -> dict[str, list[str]]:
    """What the filters offer: the groups, outlets, speakers and actors mentioned in ``table`` (most sentences
    first), the targets, stances and the codebook's frames."""

    def by_size(column: str) -> list[str]:
        return table[column].value_counts().index.astype(str).tolist()

    return {
        "groups": by_size("group"),
        "outlets": by_size("outlet"),
        "speakers": by_size("speaker"),
        "mentions": table["mentions"]
        .str.split("; ")
        .explode()
        .loc[lambda names: names != ""]
        .value_counts()
        .index.tolist(),
        "targets": list(TARGETS),
        "stances": [ANY, *STANCES],
        "frames": [ANY, *frame_names()],
    }


def filter_sentences(
    table: pd.DataFrame,
    *,
    groups: Sequence[str] = (),
    outlets: Sequence[str] = (),
    speakers: Sequence[str] = (),
    mentions: Sequence[str] = (),
    target: str = "approval",
    stance: str = ANY,
    frame: str = ANY,
    term: str = "",
) -> pd.DataFrame:
    """The rows of ``table`` that pass every filter; an empty choice (or ``ANY``) passes everything. ``stance`` is
    the label on ``target``; ``mentions`` keeps sentences naming any of those actors; ``term`` is found in the text
    without regard to case."""
    if target not in TARGETS:
        raise ParameterError("target", f"must be one of {', '.join(TARGETS)}, got {target!r}")
    keep = pd.Series(True, index=table.index)
    for column, wanted in (("group", groups), ("outlet", outlets), ("speaker", speakers)):
        if wanted:
            keep &= table[column].isin(list(wanted))
    if mentions:
        wanted_actors = set(mentions)
        keep &= table["mentions"].str.split("; ").map(lambda names: not wanted_actors.isdisjoint(names))
    if stance != ANY:
        keep &= table[target] == stance
    if frame != ANY:
        keep &= table["frames"].str.split("; ").map(lambda names: frame in names)
    if term.strip():
        keep &= table["text"].str.contains(term.strip(), case=False, regex=False)
    return table[keep]


def first_with_stance(table: pd.DataFrame, *, target: str) -> str:
    """The id of the first sentence of ``table`` that takes a stance on ``target``, else of its first sentence."""
    if table.empty:
        raise ParameterError("groups", "no sentences to explore")
    taking = table[table[target] != "none"]
    return str((taking if len(taking) else table)["sentence_id"].iloc[0])


def sentence_context(scored: pd.DataFrame, sentence_id: str, *, around: int = 2) -> pd.DataFrame:
    """The sentence ``sentence_id`` with the ``around`` sentences before and after it in its document (any kind),
    their kind and speaker; ``chosen`` marks the sentence itself."""
    found = scored.index[scored["sentence_id"] == sentence_id]
    if len(found) != 1:
        raise ParameterError("sentence_id", f"no sentence {sentence_id!r} in the table")
    document = scored[scored["doc_id"] == scored.at[found[0], "doc_id"]].reset_index(drop=True)
    position = int(document.index[document["sentence_id"] == sentence_id][0])
    window = document.iloc[max(0, position - around) : position + around + 1]
    return pd.DataFrame(
        {
            "chosen": window["sentence_id"] == sentence_id,
            "sentence_id": window["sentence_id"],
            "kind": window["kind"],
            "speaker": window["speaker"].map(lambda s: actors.display_name(s) if s else ""),
            "text": window["text"],
        }
    ).reset_index(drop=True)


def headlines_by_group(table: pd.DataFrame, *, stories_per_group: int = 10, first_sentences: int = 1) -> pd.DataFrame:
    """Each group's stories side by side, newest first: one column per group, each cell the headline, the first
    body sentences, the outlet and date. Groups with fewer stories have empty cells below."""
    columns: dict[str, list[str]] = {}
    for group, part in table.groupby("group", sort=True):
        cells = []
        stories = part.drop_duplicates("doc_id").sort_values(["published", "doc_id"], ascending=[False, True])
        for doc_id in stories["doc_id"].head(stories_per_group):
            story = part[part["doc_id"] == doc_id]
            headlines = story.loc[story["kind"] == "headline", "text"]
            body = " ".join(story.loc[story["kind"] == "body", "text"].head(first_sentences))
            first = story.iloc[0]
            headline = headlines.iloc[0] if len(headlines) else "(no headline)"
            cells.append(
                f"{headline}\n{body}\n({first['outlet'] or 'outlet unknown'}, {first['published'] or 'undated'})"
            )
        columns[str(group)] = cells
    length = max((len(cells) for cells in columns.values()), default=0)
    return pd.DataFrame({group: cells + [""] * (length - len(cells)) for group, cells in columns.items()})


def side_by_side(headlines: pd.DataFrame) -> Styler:
    """``headlines_by_group`` for display: each cell's lines kept, cells aligned at the top."""
    return headlines.style.hide(axis="index").set_properties(
        **{"white-space": "pre-line", "vertical-align": "top", "text-align": "left", "width": "30em"}
    )


def _marks(table: pd.DataFrame, *, measure: str, target: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per group and category, a group without such sentences included: n, share of the group's
    sentences; the sentences behind each mark, at most SENTENCES_PER_MARK, in table order)."""
    if measure == "stance":
        labelled = table.assign(category=table[target])
        labelled = labelled[labelled["category"].isin(DIRECTION_COLORS)]
        categories = list(DIRECTION_COLORS)
    else:
        exploded = table.assign(category=table["frames"].str.split("; ")).explode("category")
        labelled = exploded[exploded["category"].fillna("") != ""]
        categories = [frame for frame in frame_names() if frame in set(labelled["category"])]
    sizes = table.groupby("group").size()
    every = pd.MultiIndex.from_product([sizes.index, categories], names=["group", "category"])
    counts = labelled.groupby(["group", "category"]).size().reindex(every, fill_value=0)
    marks = counts.rename("n").reset_index()
    marks["n_group"] = marks["group"].map(sizes)
    marks["share"] = (100 * marks["n"] / marks["n_group"]).round(1)
    marks["label"] = [f"{group} (n={n})" for group, n in zip(marks["group"], marks["n_group"])]
    behind = labelled.groupby(["group", "category"], sort=False).head(SENTENCES_PER_MARK)
    return marks, behind[["group", "category", "sentence_id", "outlet", "text"]]


def comparison_chart(
    table: pd.DataFrame, *, measure: str, target: str = "approval", seed: int = 0
) -> alt.TopLevelMixin:
    """An interactive comparison of the groups in ``table``: for ``stance`` the share of sentences favouring and
    opposing ``target``, for ``frames`` the share invoking each frame, for ``sentiment`` every sentence's TextBlob
    polarity (up to POINTS_PER_GROUP a group, drawn at random with ``seed``) beside the group's mean. Hovering a mark
    shows its numbers or sentence; clicking a share lists the sentences behind it below the chart."""
    if measure not in MEASURES:
        raise ParameterError("measure", f"must be one of {', '.join(MEASURES)}, got {measure!r}")
    counts = table.groupby("group").size()
    sample = (len(table), "sentence"), (table["doc_id"].nunique(), "document"), (table["outlet"].nunique(), "outlet")
    title = ", ".join(f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in sample)
    if measure == "sentiment":
        shown = table.sample(frac=1.0, random_state=seed).groupby("group").head(POINTS_PER_GROUP)
        rng = np.random.default_rng(seed)
        points = shown[["group", "sentence_id", "outlet", "polarity", "text"]].assign(
            jitter=rng.uniform(-0.3, 0.3, len(shown)), label=shown["group"].map(lambda g: f"{g} (n={counts[g]})")
        )
        base = alt.Chart(points).encode(y=alt.Y("label:N", title="group"))
        dots = base.mark_circle(size=18, opacity=0.5).encode(
            x=alt.X("polarity:Q", title="TextBlob polarity (-1 to 1)", scale=alt.Scale(domain=[-1, 1])),
            yOffset=alt.YOffset("jitter:Q", scale=alt.Scale(domain=[-0.5, 0.5])),
            color=alt.Color("group:N", legend=None),
            tooltip=["group:N", "outlet:N", "sentence_id:N", "polarity:Q", "text:N"],
        )
        means = (
            alt.Chart(table.assign(label=table["group"].map(lambda g: f"{g} (n={counts[g]})")))
            .mark_tick(color="black", thickness=3, size=30)
            .encode(
                x="mean(polarity):Q", y="label:N", tooltip=["label:N", alt.Tooltip("mean(polarity):Q", format=".3f")]
            )
        )
        chart = (dots + means).properties(width=560, height=alt.Step(60))
        return chart.properties(title=f"Sentence sentiment by group, black tick: mean ({title})")
    marks, behind = _marks(table, measure=measure, target=target)
    pick = alt.selection_point(fields=["group", "category"], name="pick", empty=False)
    color = (
        alt.Color(
            "category:N",
            title="stance",
            legend=alt.Legend(orient="top"),
            scale=alt.Scale(domain=list(DIRECTION_COLORS), range=list(DIRECTION_COLORS.values())),
        )
        if measure == "stance"
        else alt.Color("label:N", title="group (sentences)", legend=alt.Legend(orient="top", columns=2))
    )
    rows = "label:N" if measure == "stance" else "category:N"
    offset = alt.YOffset("category:N", sort=list(DIRECTION_COLORS)) if measure == "stance" else alt.YOffset("group:N")
    shares = (
        alt.Chart(marks)
        .mark_bar()
        .encode(
            x=alt.X("share:Q", title="% of the group's sentences"),
            y=alt.Y(rows, title=None),
            yOffset=offset,
            color=color,
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.75)),
            tooltip=["group:N", "category:N", "n:Q", "n_group:Q", "share:Q"],
        )
        .add_params(pick)
        .properties(width=480, title=f"{'Stance on ' + target if measure == 'stance' else 'Frames'} by group ({title})")
    )
    listed = (
        alt.Chart(behind)
        .transform_filter(pick)
        .transform_window(row="row_number()")
        .mark_text(align="left", limit=640)
        .encode(
            # Fixed places, one line each from the top: the panel keeps its size whatever the click selects.
            y=alt.Y("row:Q", axis=None, scale=alt.Scale(domain=[0.5, SENTENCES_PER_MARK + 0.5], reverse=True)),
            x=alt.value(0),
            text=alt.Text("line:N"),
            tooltip=["outlet:N", "sentence_id:N", "text:N"],
        )
        .transform_calculate(line="datum.outlet + ': ' + datum.text")
        .properties(
            width=640,
            height=18 * SENTENCES_PER_MARK,
            title=f"Click a bar to list its sentences (up to {SENTENCES_PER_MARK}) here",
        )
    )
    return alt.vconcat(shares, listed)


def save_html(chart: alt.TopLevelMixin, path: str | Path) -> Path:
    """``chart`` as a standalone HTML page with Vega's scripts inside it, which opens in a browser without Python or
    a network."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    chart.save(str(target), format="html", inline=True)
    return target
