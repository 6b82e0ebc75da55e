"""One plotting function per figure id: each takes its table from :mod:`h20lib.report.analysis` and returns a Figure.

Every figure is drawn in the house style (:mod:`h20lib.report.plotting`); a group with too few observations shows a
note in its place. :func:`caption` writes the caption: what is shown, the method, and n per group.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from h20lib.measures.portrayal import LABELS
from h20lib.report import plotting
from h20lib.report.analysis import OTHER_SPEAKERS, OWN_VOICE, Z_THRESHOLD

# Above this many sentences a group's sentiment is drawn as a distribution (violin), not as one point each.
MAX_POINTS = 400
# Above this many documents the claims figure compares groups, not documents (the CSV keeps every document).
MAX_CLAIM_DOCUMENTS = 12

KIND_COLORS = {
    "headline": "#0072B2",
    "body": "#56B4E9",
    "comment": "#CC79A7",
    "caption": "#999999",
    "boilerplate": "#BBBBBB",
    "metadata": "#DDDDDD",
}
PORTRAYAL_COLORS = {"negative": "#D55E00", "neutral": "#BBBBBB", "positive": "#0072B2"}
FLAG_COLORS = {"date conflict": "#F4A582", "name variant": "#C2A5CF", "disagrees": "#FFF2AE", "": "#F2F2F2"}
STANCE_TITLES = {
    "approval": "approval of the sales",
    "controls": "export controls",
}

# What each figure shows and how it was measured; caption() adds n per group.
DESCRIPTIONS = {
    "corpus_overview": (
        "Sentences per group by kind of text. Only headlines and body text of the outlets are analysed in the "
        "other figures; reader comments never count as any outlet's voice.",
        "sentences",
    ),
    "coverage_over_time": (
        "Coverage over time: per group and publication date, the documents published (top) and their sentences that "
        "take a stance on either target (bottom; stance labels agree with hand labels on real articles at macro-F1 "
        "0.46 and 0.50). Every group-date with a document is a point; documents without a date are left out.",
        "dated documents",
    ),
    "sentiment_by_group": (
        "Sentence sentiment per group: every sentence is a point (jittered vertically), or, for a group of more than "
        f"{MAX_POINTS} sentences, the shape of their distribution; black diamonds are "
        "group means with 95% intervals from a bootstrap that resamples the group's documents (2,000 resamples), so "
        "sentences of one document move together. Left: TextBlob polarity; "
        "right: VADER compound score. Sentiment measures tone, not stance: a warm sentence can oppose the decision.",
        "sentences",
    ),
    "frames_by_group": (
        "Share of each group's sentences that invoke each issue frame (codebook.toml), with 95% intervals from a "
        "bootstrap that resamples the group's documents (2,000 resamples): per frame, cue patterns and a trained "
        "model (frames_model.json) decide, with the rule chosen by cross-validation; a sentence can invoke several "
        "frames. On real articles the frame labels agree with hand labels at micro-F1 0.75 (h20lib validate). "
        "Frames refine dimensions of the Policy Frames Codebook (Boydstun et al. 2014).",
        "sentences",
    ),
    "stance_by_actor": (
        "For each speaker with enough sentences taking a stance (attribution rules), the share of all its "
        "attributed sentences that favour or oppose the decision (approval) and US export controls (controls), with "
        "95% intervals from a bootstrap that resamples the documents quoting it (2,000 resamples); sentences without "
        "a stance count in the share's denominator. A news outlet counts as a speaker only where it speaks, not where "
        "it relays (according to Reuters, Bloomberg reported). On real articles the stance labels agree with hand labels at "
        "macro-F1 0.46 (approval) and 0.50 (controls) (document cross-validation; h20lib validate): read the figure as "
        "indicative.",
        "attributed sentences",
    ),
    "stance_by_group": (
        "Share of each group's sentences that favour or oppose the decision (approval) and US export controls "
        "(controls), in the outlet's own voice and in the voices it quotes (attribution rules), each with a 95% "
        "interval from a bootstrap that resamples the group's documents (2,000 resamples). Stance labels come from "
        "the stance models; on real articles they agree with hand labels at macro-F1 0.46 (approval) and 0.50 "
        "(controls), lower for Chinese state media on approval (0.36) and for trade press on controls (0.40), so "
        "differences between groups are indicative, not measured precisely (h20lib validate).",
        "sentences",
    ),
    "voices": (
        "Whose voice each group's sentences carry: the share attributed to each of the most-quoted speakers by "
        "the attribution rules (quotation marks and speech verbs), to other speakers, and the share in the outlet's "
        "own voice, with 95% intervals from a bootstrap that resamples the group's documents (2,000 resamples). On "
        "real articles the rules name the right speaker for 79% of the sentences that carry a named actor's words, "
        "and leave 92% of the outlet's own sentences unattributed (h20lib validate).",
        "sentences",
    ),
    "distinctive_terms": (
        "Words and two-word phrases (stopwords removed) that distinguish each group from all other groups: "
        "z-scores of the log-odds ratio with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), "
        "prior from the pooled counts. Only terms past z = 1.96 (the dashed line; 5% level, not corrected for the "
        "number of terms tested) are shown, up to ten per group; numbers, month and weekday names, and a word "
        "contained in a longer term shown are left out.",
        "sentences",
    ),
    "portrayal": (
        "How sentences portray the main actors: target-dependent sentiment of each mention (positive, neutral "
        "or negative), from a logistic regression trained on NewsMTSC; points are shares of the actor's mentions in "
        "the group, with 95% intervals from a bootstrap that resamples the documents (2,000 resamples).",
        "mentions",
    ),
    "claims": (
        "Figures, dates and names each document reports, side by side. A row is one measure: what a figure "
        "measures (topic, from cue words), whose it is (the actor named nearest before it in its sentence, of the "
        "kinds the topic allows) and, for money and percentages, the period; a document's cell lists every value it "
        "reports for the measure. Only like is compared with like: 'disagrees' marks a document whose values "
        "match none of another document's values for the same measure (money within 3%, percentages within 0.5 "
        "points, dates within a day; dates more than 14 days apart are taken as different events). 'date conflict' "
        "marks a date that clashes with the publication date; 'name variant' an actor named with a non-standard "
        "variant. Figures without a named subject or topic are shown but never compared. With more than "
        f"{MAX_CLAIM_DOCUMENTS} documents the columns are groups, each cell giving how many of the group's documents "
        "report the measure, its most reported value and how many are flagged; the CSV lists every document. "
        "A name in a script the "
        "figure's font lacks is shown as [Chinese]; the CSV gives it in full.",
        "cells",
    ),
}


# What a minimum count applies to, for the figures that mark too few observations.
MINIMUM_NOTES = {
    "portrayal": "An actor with fewer than {minimum} mentions in a group is marked as too few instead of plotted.",
}
DEFAULT_MINIMUM_NOTE = "Groups with fewer than {minimum} {unit} are marked as too few instead of plotted."


def caption(figure_id: str, data: pd.DataFrame, *, minimum: int | None = None) -> str:
    """The caption of a figure: what it shows, the method, and n overall and per group (from ``n_group``).

    ``minimum``: the count below which the figure marks a group (or cell) as too few.
    """
    description, unit = DESCRIPTIONS[figure_id]
    counts = data.drop_duplicates("group").sort_values("group") if len(data) else data
    if {"n_documents", "n_outlets"} <= set(data.columns):
        per_group = "; ".join(
            f"{row.group} {int(row.n_group)} in {_count(int(row.n_documents), 'document')} from "
            f"{_count(int(row.n_outlets), 'outlet')}"
            for row in counts.itertuples()
        )
    else:
        per_group = "; ".join(
            f"{group} {int(n)}" for group, n in zip(counts.get("group", []), counts.get("n_group", []))
        )
    total = int(counts["n_group"].sum()) if len(data) else 0
    text = f"{description} n = {total} {unit}" + (f" ({per_group})." if per_group else ".")
    if "drawn" in data.columns and not data["drawn"].all():
        drawn, total = data.loc[data["drawn"], "item"].nunique(), data["item"].nunique()
        text += (
            f" The figure draws {drawn} of {total} items (flagged ones and those more documents report first); "
            "the CSV lists all."
        )
    if minimum is not None:
        text += " " + MINIMUM_NOTES.get(figure_id, DEFAULT_MINIMUM_NOTE).format(minimum=minimum, unit=unit)
    return text


def _group_label(group: str, n: int) -> str:
    return f"{_wrap(plotting.group_name(group), 14)}\n(n={n})"


def _empty(message: str) -> Figure:
    fig, ax = plt.subplots(figsize=(6.5, 2.0))
    plotting.too_few(ax, message)
    return fig


def corpus_overview(data: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: sentences per group by kind."""
    with plotting.house_style():
        groups = sorted(data["group"].unique())
        kinds = [kind for kind in KIND_COLORS if kind in set(data["kind"])]
        kinds += sorted(set(data["kind"]) - set(kinds))
        fig, ax = plt.subplots(figsize=(6.5, 1.0 + 0.45 * len(groups)))
        left = np.zeros(len(groups))
        table = data.pivot_table(index="group", columns="kind", values="n_sentences", aggfunc="sum").reindex(groups)
        for kind in kinds:
            values = table[kind].fillna(0).to_numpy() if kind in table else np.zeros(len(groups))
            analysed = data.loc[data["kind"] == kind, "analysed"].any()
            ax.barh(
                [plotting.group_name(group) for group in groups],
                values,
                left=left,
                color=KIND_COLORS.get(kind, "#777777"),
                label=kind if analysed else f"{kind} (not analysed)",
                edgecolor="white",
                linewidth=0.5,
            )
            left += values
        for position, total in enumerate(left):
            ax.text(total, position, f" {int(total)}", va="center", fontsize=9)
        ax.invert_yaxis()
        ax.set_xlabel("sentences (count)")
        ax.set_ylabel("group")
        ax.set_xlim(0, left.max() * 1.12 if left.max() else 1)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title="kind of text")
        return fig


def coverage_over_time(data: pd.DataFrame) -> Figure:
    """Two panels over publication dates: documents per group, and their stance-taking sentences; each group's
    points set a little apart on the day so that none hides another."""
    if data.empty:
        return _empty("no document has a publication date")
    with plotting.house_style():
        groups = sorted(data["group"].unique())
        colors = plotting.group_colors(groups)
        days = mdates.date2num(pd.to_datetime(data["published"]))
        fig, axes = plt.subplots(2, 1, figsize=(6.5, 5.2))
        for ax, column, label in (
            (axes[0], "n_documents", "documents (count)"),
            (axes[1], "n_stance_sentences", "sentences taking a stance (count)"),
        ):
            for position, group in enumerate(groups):
                rows = (data["group"] == group).to_numpy()
                offset = (position - (len(groups) - 1) / 2) * 0.12
                ax.scatter(
                    days[rows] + offset,
                    data.loc[rows, column],
                    s=22,
                    color=colors[group],
                    label=plotting.group_name(group),
                )
            ax.set_ylabel(label)
            ax.set_ylim(bottom=-0.4)  # a count of 0 is drawn whole, above the axis
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
            ax.set_xlim(days.min() - 0.6, days.max() + 0.6)
            ax.set_xlabel("publication date")
            ax.tick_params(axis="x", labelrotation=30)
        axes[0].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title="group")
        fig.tight_layout()
        return fig


def sentiment_by_group(data: pd.DataFrame) -> Figure:
    """Two panels (TextBlob, VADER): every sentence a point per group, with the mean and bootstrap 95% interval."""
    if data.empty:
        return _empty("no analysed sentences")
    with plotting.house_style():
        groups = sorted(data["group"].unique())
        colors = plotting.group_colors(groups)
        measures = list(dict.fromkeys(data["measure"]))
        fig, axes = plt.subplots(1, len(measures), figsize=(6.5, 1.2 + 0.6 * len(groups)), sharey=True)
        for ax, measure in zip(np.atleast_1d(axes), measures):
            rows = data[data["measure"] == measure]
            for position, group in enumerate(groups):
                points = rows[rows["group"] == group]
                if not points["enough"].iloc[0]:
                    ax.text(
                        0,
                        position,
                        f"too few sentences (n={len(points)})",
                        ha="center",
                        va="center",
                        color="#555555",
                        fontstyle="italic",
                        fontsize=8,
                    )
                    continue
                if len(points) > MAX_POINTS:  # a cloud this dense hides its shape: draw the distribution
                    parts = ax.violinplot(
                        points["score"].to_numpy(dtype=float),
                        positions=[position],
                        orientation="horizontal",
                        widths=0.7,
                        showextrema=False,
                    )
                    for body in parts["bodies"]:
                        body.set_facecolor(colors[group])
                        body.set_alpha(0.45)
                        body.set_linewidth(0)
                else:
                    ax.scatter(
                        points["score"], position + points["jitter"], s=9, color=colors[group], alpha=0.55, linewidths=0
                    )
                mean, low, high = points[["mean", "ci_low", "ci_high"]].iloc[0]
                one_document = int(points["n_documents"].iloc[0]) < 2
                ax.errorbar(
                    [mean],
                    [position],
                    xerr=None if one_document else [[mean - low], [high - mean]],
                    fmt="D",
                    color="black",
                    markersize=5,
                    capsize=3,
                    linewidth=1.2,
                )
                if one_document:  # resampling one document gives no interval, not a precise mean
                    ax.annotate(
                        "1 document:\nno interval",
                        (mean, position),
                        xytext=(6, -4),
                        textcoords="offset points",
                        fontsize=7,
                        color="#333333",
                        va="top",
                    )
            ax.axvline(0, color="#888888", linewidth=0.8, zorder=0)
            ax.set_xlim(-1.05, 1.05)
            ax.set_xlabel(f"{measure} (score, -1 to 1)")
            ax.set_title(measure)
        first = np.atleast_1d(axes)[0]
        sizes = data.drop_duplicates("group").set_index("group")["n_group"]
        first.set_yticks(range(len(groups)), [_group_label(g, sizes[g]) for g in groups])
        first.set_ylim(len(groups) - 0.5, -0.5)
        first.set_ylabel("group")
        fig.tight_layout()
        return fig


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _group_dots(
    data: pd.DataFrame, *, row_column: str, rows: list[str], row_labels: list[str], xlabel: str, unit: str
) -> tuple[Figure, Axes]:
    """Rows of categories; in each, one point per group at its share (in %) with its interval bar, groups set apart
    within the row. A group with too few observations (``enough`` False) is named in the legend, not drawn."""
    groups = sorted(data["group"].unique())
    colors = plotting.group_colors(groups)
    step = 0.72 / max(len(groups), 1)
    fig, ax = plt.subplots(figsize=(6.5, 1.6 + (0.22 + 0.1 * len(groups)) * len(rows)))
    for position, group in enumerate(groups):
        part = data[data["group"] == group].set_index(row_column).reindex(rows)
        info = part.iloc[0]
        counts = f"{_documents_note(int(info['n_documents']))}, {_count(int(info['n_group']), unit)}"
        y = np.arange(len(rows)) + (position - (len(groups) - 1) / 2) * step
        if not info["enough"]:
            ax.plot([], [], " ", label=f"{plotting.group_name(group)}: too few ({counts})")
            continue
        shares = 100 * part["share"].to_numpy(dtype=float)
        ax.errorbar(
            shares,
            y,
            xerr=[shares - 100 * part["low"].to_numpy(dtype=float), 100 * part["high"].to_numpy(dtype=float) - shares],
            fmt="o",
            color=colors[group],
            markersize=4,
            elinewidth=1.1,
            capsize=1.5,
            label=f"{plotting.group_name(group)} ({counts})",
        )
    for boundary in range(1, len(rows)):
        ax.axhline(boundary - 0.5, color="#E5E5E5", linewidth=0.8, zorder=0)
    high = data.loc[data["enough"].astype(bool), "high"].to_numpy(dtype=float)
    ax.set_xlim(0, min(100.0, max(5.0, 105 * float(np.nanmax(high)))) if high.size and np.isfinite(high).any() else 5)
    ax.set_yticks(range(len(rows)), row_labels, fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlabel(xlabel)
    legend_rows = -(-len(groups) // 2)
    fig.legend(loc="lower center", ncol=2, fontsize=8, bbox_to_anchor=(0.5, 0.0))
    fig.tight_layout(rect=(0, 0.1 * legend_rows / (1.0 + 0.3 * len(rows)) + 0.01, 1, 1))
    return fig, ax


def frames_by_group(data: pd.DataFrame) -> Figure:
    """Per frame (rows), each group's share of sentences invoking it, with its interval."""
    if data.empty:
        return _empty("no analysed sentences")
    with plotting.house_style():
        labels = list(dict.fromkeys(data["label"]))
        fig, ax = _group_dots(
            data,
            row_column="label",
            rows=labels,
            row_labels=[_wrap(label, 34) for label in labels],
            xlabel="% of the group's sentences invoking the frame",
            unit="sentence",
        )
        ax.set_ylabel("frame (Policy Frames Codebook dimension)")
        return fig


DIRECTION_STYLE = {"favor": ("o", "#0072B2", "favour"), "against": ("s", "#D55E00", "oppose")}


def _direction_points(ax: Axes, part: pd.DataFrame, y: np.ndarray, *, direction: str) -> None:
    """The shares (in %) of ``part`` that favour or oppose, at heights ``y``, with their intervals."""
    marker, color, label = DIRECTION_STYLE[direction]
    shares = 100 * part["share"].to_numpy(dtype=float)
    ax.errorbar(
        shares,
        y,
        xerr=[shares - 100 * part["low"].to_numpy(dtype=float), 100 * part["high"].to_numpy(dtype=float) - shares],
        fmt=marker,
        color=color,
        markersize=5,
        elinewidth=1.2,
        capsize=2,
        label=label,
    )


def _direction_panels(
    data: pd.DataFrame,
    *,
    rows_of: Callable[[pd.DataFrame], np.ndarray],
    labels: list[str],
    ylabel: str,
    xlabel: str,
    xmax: float,
    height: float,
) -> tuple[Figure, np.ndarray]:
    """One panel per target: in each labelled row (``rows_of`` gives a part's row positions), the share favouring and
    the share opposing with their intervals, set a little apart; the directions' legend below the panels."""
    targets = list(dict.fromkeys(data["target"]))
    fig, axes = plt.subplots(1, len(targets), figsize=(7.0, height), sharey=True, squeeze=False)
    for ax, target in zip(axes[0], targets):
        for offset, direction in zip((-0.12, 0.12), DIRECTION_STYLE):
            part = data[(data["target"] == target) & (data["direction"] == direction) & data["share"].notna()]
            _direction_points(ax, part, rows_of(part) + offset, direction=direction)
        ax.set_xlim(0, xmax)
        ax.set_xlabel(xlabel)
        ax.set_title(STANCE_TITLES.get(target, target), fontsize=10)
    first = axes[0][0]
    first.set_yticks(range(len(labels)), labels, fontsize=8)
    first.set_ylim(len(labels) - 0.5, -0.5)
    first.set_ylabel(ylabel)
    handles, legend_labels = first.get_legend_handles_labels()
    fig.legend(handles, legend_labels, loc="lower center", ncol=2, bbox_to_anchor=(0.5, -0.01))
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig, axes


def _highest_share(data: pd.DataFrame) -> float:
    return float(np.nanmax(data["high"].to_numpy(dtype=float))) if data["high"].notna().any() else 0.1


def stance_by_group(data: pd.DataFrame) -> Figure:
    """Per target a panel: for each group and voice, the share favouring and the share opposing, with intervals."""
    if data.empty:
        return _empty("no analysed sentences")
    with plotting.house_style():
        rows = data.drop_duplicates(["group", "voice"])[["group", "voice", "n_sentences", "n_voice_documents"]]
        rows = rows.reset_index(drop=True)
        position = {(row.group, row.voice): index for index, row in enumerate(rows.itertuples())}
        fig, axes = _direction_panels(
            data,
            rows_of=lambda part: np.array([position[(g, v)] for g, v in zip(part["group"], part["voice"])]),
            labels=[
                f"{plotting.group_name(row.group)}, {row.voice}\n"
                f"({_count(row.n_sentences, 'sentence')} in {_documents_note(row.n_voice_documents)})"
                for row in rows.itertuples()
            ],
            ylabel="group and voice",
            xlabel="% of those sentences",
            xmax=max(5.0, 100 * _highest_share(data) * 1.1),
            height=1.4 + 0.42 * len(rows),
        )
        for ax in axes[0]:
            for boundary in range(2, len(rows), 2):  # a line between groups
                ax.axhline(boundary - 0.5, color="#DDDDDD", linewidth=0.8, zorder=0)
        return fig


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _documents_note(n: int) -> str:
    """ "3 documents"; "1 document: no interval" (resampling one document gives none)."""
    return _count(n, "document") + (": no interval" if n == 1 else "")


def stance_by_actor(data: pd.DataFrame) -> Figure:
    """Per target a panel: for each speaker, the share of its attributed sentences favouring and opposing, with
    intervals."""
    if data.empty:
        return _empty("no speaker has enough sentences taking a stance")
    with plotting.house_style():
        speakers = data.drop_duplicates("speaker").sort_values("rank")
        fig, _ = _direction_panels(
            data,
            rows_of=lambda part: part["rank"].to_numpy(),
            labels=[
                f"{plotting.drawable(row.speaker_name)}\n({_count(row.n_speaker, 'sentence')}, {row.n_stance} with a stance,\n"
                f"{_documents_note(row.n_speaker_documents)})"
                for row in speakers.itertuples()
            ],
            ylabel="speaker",
            xlabel="% of the speaker's sentences",
            xmax=min(100.0, max(10.0, 100 * _highest_share(data) * 1.1)),
            height=1.5 + 0.42 * len(speakers),
        )
        return fig


def voices(data: pd.DataFrame) -> Figure:
    """Per voice (rows: the outlet's own, each top speaker, other speakers), each group's share of sentences in it,
    with its interval."""
    if data.empty:
        return _empty("no analysed sentences")
    with plotting.house_style():
        order = data.drop_duplicates("speaker").sort_values("order")
        fig, ax = _group_dots(
            data,
            row_column="speaker",
            rows=list(order["speaker"]),
            row_labels=[plotting.drawable(name) for name in order["speaker_name"]],
            xlabel="% of the group's sentences in that voice",
            unit="sentence",
        )
        for row, speaker in enumerate(order["speaker"]):
            if speaker in (OWN_VOICE, OTHER_SPEAKERS):
                ax.axhline(row + (0.5 if speaker == OWN_VOICE else -0.5), color="#999999", linewidth=1.0)
        ax.set_ylabel("voice (speaker the sentence is attributed to)")
        return fig


def distinctive_terms(data: pd.DataFrame) -> Figure:
    """One panel per group: its terms past the z-score threshold, with the threshold marked, or a note that none is."""
    if data.empty:
        return _empty("distinctive terms need at least two groups with shared vocabulary")
    with plotting.house_style():
        groups = sorted(data["group"].unique())
        colors = plotting.group_colors(groups)
        ncols = 2 if len(groups) > 1 else 1
        nrows = -(-len(groups) // ncols)
        top_k = max(int(data["rank"].max()), 1)
        fig, axes = plt.subplots(nrows, ncols, figsize=(6.5, 0.6 + nrows * (0.6 + 0.2 * top_k)), squeeze=False)
        high = max(float(np.nanmax(data["z"].to_numpy(dtype=float))) if data["z"].notna().any() else 0.0, 2.5) * 1.05
        for ax, group in zip(axes.flat, groups):
            rows = data[data["group"] == group].sort_values("rank")
            n = int(rows["n_group"].iloc[0])
            ax.set_title(f"{plotting.group_name(group)} (n={n} sentences)", fontsize=10)
            if not rows["enough"].iloc[0]:
                plotting.too_few(ax, f"too few sentences (n={n})")
                continue
            if (rows["rank"] == 0).all():
                plotting.too_few(ax, f"no term reaches z = {Z_THRESHOLD}")
                continue
            ax.barh(rows["rank"], rows["z"], color=colors[group])
            ax.set_yticks(rows["rank"], [plotting.drawable(term) for term in rows["term"]], fontsize=8)
            ax.set_ylim(top_k + 0.5, 0.5)
            ax.set_xlim(0, high)
            ax.axvline(Z_THRESHOLD, color="#444444", linewidth=0.9, linestyle="--")
            ax.set_xlabel(f"z-score of log-odds ratio (dashed: {Z_THRESHOLD})")
        for ax in list(axes.flat)[len(groups) :]:
            ax.set_visible(False)
        fig.tight_layout()
        return fig


PORTRAYAL_MARKERS = {"negative": "s", "neutral": "D", "positive": "o"}


def portrayal(data: pd.DataFrame) -> Figure:
    """Per group a panel: for each actor, the shares of its mentions portrayed negatively, neutrally and positively,
    each with its interval; an actor with too few mentions in the group is marked instead."""
    if data.empty:
        return _empty("no actor mentions")
    with plotting.house_style():
        groups = sorted(data["group"].unique())
        actor_names = list(dict.fromkeys(data["actor_name"]))
        ncols = 2 if len(groups) > 1 else 1
        nrows = -(-len(groups) // ncols)
        fig, axes = plt.subplots(
            nrows, ncols, figsize=(6.5, 0.9 + nrows * (0.8 + 0.36 * len(actor_names))), sharex=True, squeeze=False
        )
        for ax, group in zip(axes.flat, groups):
            rows = data[data["group"] == group]
            info = rows.drop_duplicates("actor_name").set_index("actor_name").reindex(actor_names)
            for offset, label in zip((-0.22, 0.0, 0.22), LABELS):
                part = rows[(rows["label"] == label) & rows["enough"].astype(bool)]
                y = np.array([actor_names.index(name) for name in part["actor_name"]]) + offset
                shares = 100 * part["share"].to_numpy(dtype=float)
                ax.errorbar(
                    shares,
                    y,
                    xerr=[
                        shares - 100 * part["low"].to_numpy(dtype=float),
                        100 * part["high"].to_numpy(dtype=float) - shares,
                    ],
                    fmt=PORTRAYAL_MARKERS[label],
                    color=PORTRAYAL_COLORS[label],
                    markersize=3.5,
                    elinewidth=1.0,
                    capsize=1.5,
                    label=label,
                )
            for position, name in enumerate(actor_names):
                n = int(info.loc[name, "n_mentions"])
                if not info.loc[name, "enough"]:
                    ax.text(2, position, f"too few (n={n})" if n else "not mentioned", va="center", fontsize=7.5)
            ax.set_yticks(
                range(len(actor_names)),
                [f"{plotting.drawable(name)} (n={int(info.loc[name, 'n_mentions'])})" for name in actor_names],
                fontsize=8,
            )
            ax.set_ylim(len(actor_names) - 0.5, -0.5)
            ax.set_xlim(0, 100)
            first = rows.iloc[0]
            ax.set_title(
                f"{plotting.group_name(group)}\n({_documents_note(int(first['n_documents']))}, "
                f"{int(first['n_group'])} mentions)",
                fontsize=9,
            )
            ax.set_xlabel("% of the actor's mentions")
            ax.tick_params(axis="x", labelbottom=True)
        for ax in list(axes.flat)[len(groups) :]:
            ax.set_visible(False)
        handles, labels = axes.flat[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="lower center", ncol=3, bbox_to_anchor=(0.5, 0.0), title="portrayal")
        fig.tight_layout(rect=(0, 0.08, 0.97, 1))
        return fig


def claims(data: pd.DataFrame) -> Figure:
    """A grid of items (rows) by documents (columns): what each document reports, coloured by flag. Above
    :data:`MAX_CLAIM_DOCUMENTS` documents the columns are groups: per item, how many of the group's documents report
    it, its most reported value and how many of them are flagged."""
    data = data[data["drawn"]] if "drawn" in data.columns else data
    if data.empty:
        return _empty("no document reports a figure, a date or a name variant")
    with plotting.house_style():
        if data["doc_id"].nunique() > MAX_CLAIM_DOCUMENTS:
            return _claim_grid(_claims_by_group(data), xlabel="group (documents reporting; most reported value)")
        docs = data.drop_duplicates("doc_id").sort_values(["group", "doc_id"])
        cells = data.assign(
            column=data["doc_id"], text=data["shown"].map(lambda shown: _wrap(plotting.drawable(shown), 16))
        )
        labels = {
            d: f"{plotting.drawable(d)}\n{_wrap(plotting.group_name(g), 14)}"
            for d, g in zip(docs["doc_id"], docs["group"])
        }
        return _claim_grid(cells, xlabel="document (id and group)", column_labels=labels)


def _claims_by_group(data: pd.DataFrame) -> pd.DataFrame:
    """One cell per item and group: documents reporting, the value most of them report, and the worst flag."""
    rows = []
    for (item, group), part in data.groupby(["item", "group"], sort=False):
        flagged = part[part["flag"] != ""]
        # a document reporting several values lists them all ("$54 bn; $53.46 bn"): each counts once
        top = part["value"].str.split("; ").explode().value_counts().index[0]
        text = plotting.drawable(_wrap(f"{_count(len(part), 'document')}: {top}", 20))
        if len(flagged):
            text += f"\n{len(flagged)} flagged"
        worst = min(part["flag"], key=lambda flag: list(FLAG_COLORS).index(flag))
        rows.append({"item": item, "column": group, "text": text, "flag": worst})
    return pd.DataFrame(rows)


def _claim_grid(cells: pd.DataFrame, *, xlabel: str, column_labels: dict[str, str] | None = None) -> Figure:
    """Cells (item, column, text, flag) drawn as a coloured grid, items in their order of appearance."""
    items = list(dict.fromkeys(cells["item"]))
    columns = list(column_labels) if column_labels else sorted(cells["column"].unique())
    position = {column: index for index, column in enumerate(columns)}
    width = max(1.1, 4.6 / len(columns))
    fig, ax = plt.subplots(figsize=(1.9 + width * len(columns), 1.3 + 0.42 * len(items)))
    for row in cells.itertuples(index=False):
        x, y = position[row.column], items.index(row.item)
        ax.add_patch(Rectangle((x - 0.48, y - 0.45), 0.96, 0.9, color=FLAG_COLORS[row.flag], linewidth=0))
        ax.text(x, y, row.text, ha="center", va="center", fontsize=7)
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(len(items) - 0.5, -0.5)
    labels = (
        [column_labels[c] for c in columns] if column_labels else [_wrap(plotting.group_name(c), 14) for c in columns]
    )
    ax.set_xticks(range(len(columns)), labels, fontsize=8)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_yticks(range(len(items)), [plotting.drawable(_wrap(item, 40)) for item in items], fontsize=8)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("measure: topic, subject, period (kind); or actor name")
    handles = [Patch(color=FLAG_COLORS[flag], label=flag or "no flag") for flag in FLAG_COLORS]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=4, fontsize=8)
    return fig


def reliability(data: pd.DataFrame, *, title: str) -> Figure:
    """One panel per target: the mean predicted P(any stance) of each probability bin against the share of its units
    labelled with a stance by hand, marker area by the bin's n (written beside it), and the diagonal of a perfectly
    calibrated model. ``data`` holds reliability tables (h20lib.report.agreement) with a ``target`` column."""
    with plotting.house_style():
        targets = list(dict.fromkeys(data["target"]))
        fig, axes = plt.subplots(1, len(targets), figsize=(3.4 * len(targets), 3.7), sharey=True, squeeze=False)
        for ax, target in zip(axes[0], targets):
            table = data[(data["target"] == target) & (data["n"] > 0)]
            ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", linewidth=1)
            ax.plot(table["mean_predicted"], table["observed"], color="#0072B2", linewidth=1)
            ax.scatter(table["mean_predicted"], table["observed"], s=8 + 2 * np.sqrt(table["n"]), color="#0072B2")
            for row in table.itertuples():
                ax.annotate(
                    f"{row.n}",
                    (row.mean_predicted, row.observed),
                    fontsize=7,
                    xytext=(4, -10),
                    textcoords="offset points",
                )
            ax.set_xlim(0, 1)
            ax.set_ylim(0, 1)
            ax.set_title(target)
            ax.set_xlabel("predicted P(any stance), bin mean")
        axes[0][0].set_ylabel("share hand-labelled with a stance")
        fig.suptitle(title, fontsize=9, y=1.06)
        return fig
