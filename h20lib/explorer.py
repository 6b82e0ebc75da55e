"""The exploration notebook's controls: filters that update a searchable sentence table and an interactive group
comparison, and a view of one sentence's context, speaker and evidence. Widgets (ipywidgets, itables) around the
pure functions of ``h20lib.report.explore``."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import display
from itables.widget import ITable

from h20lib.explanation import explain
from h20lib.report import explore

TABLE_ROWS = 2000  # rows the table holds at once: the first of the filtered sentences; the filters narrow them
EVIDENCE_ROWS = 6  # pieces of evidence shown per label beside its probabilities, strongest first


def _select(name: str, options: list[str]) -> widgets.SelectMultiple:
    return widgets.SelectMultiple(
        options=options, description=name, rows=min(6, max(2, len(options))), layout=widgets.Layout(width="250px")
    )


class Explorer:
    """The controls, the table and the chart, and what they show: ``shown`` is the filtered table."""

    def __init__(self, table: pd.DataFrame, scored: pd.DataFrame, *, seed: int = 0) -> None:
        self.table, self.scored, self.seed = table, scored, seed
        options = explore.choices(table)
        self.groups = _select("groups", options["groups"])
        self.outlets = _select("outlets", options["outlets"])
        self.speakers = _select("speakers", options["speakers"])
        self.mentions = _select("mentions", options["mentions"])
        narrow = {"layout": widgets.Layout(width="250px")}
        self.target = widgets.Dropdown(options=options["targets"], description="target", **narrow)
        self.stance = widgets.Dropdown(options=options["stances"], description="stance", **narrow)
        self.frame = widgets.Dropdown(options=options["frames"], description="frame", **narrow)
        self.term = widgets.Text(description="term", placeholder="a word or phrase", continuous_update=False, **narrow)
        self.measure = widgets.ToggleButtons(options=list(explore.MEASURES), description="compare")
        self.count = widgets.HTML()
        self.grid = ITable(pd.DataFrame(), select=True, maxBytes=2**22, pageLength=10, scrollX=True, showIndex=False)
        self.chart = widgets.Output()
        self.detail = widgets.Output()
        self.shown = table
        self.filters = (self.groups, self.outlets, self.speakers, self.mentions)
        for control in (*self.filters, self.target, self.stance, self.frame, self.term):
            control.observe(self.update, names="value")
        self.measure.observe(self.update_chart, names="value")
        self.grid.observe(self.show_selected, names="selected_rows")
        self.update()

    def widget(self) -> widgets.VBox:
        filters = widgets.VBox(
            [widgets.HBox(list(self.filters)), widgets.HBox([self.target, self.stance, self.frame, self.term])]
        )
        selected = widgets.HTML("<b>Selected sentence</b>")
        return widgets.VBox([filters, self.count, self.grid, self.measure, self.chart, selected, self.detail])

    def update(self, change: Any = None) -> None:
        self.shown = explore.filter_sentences(
            self.table,
            groups=self.groups.value,
            outlets=self.outlets.value,
            speakers=self.speakers.value,
            mentions=self.mentions.value,
            target=self.target.value,
            stance=self.stance.value,
            frame=self.frame.value,
            term=self.term.value,
        )
        held = f"; the table holds the first {TABLE_ROWS}" if len(self.shown) > TABLE_ROWS else ""
        self.count.value = (
            f"<b class='h20lib-count'>{len(self.shown)} sentences</b> from {self.shown['doc_id'].nunique()} "
            f"documents and {self.shown['outlet'].nunique()} outlets{held}. Select a row to see its context."
        )
        self.grid.update(self.shown.head(TABLE_ROWS).drop(columns=["doc_id"]).reset_index(drop=True), selected_rows=[])
        self.update_chart()

    def update_chart(self, change: Any = None) -> None:
        with self.chart:
            self.chart.clear_output(wait=True)
            if self.shown.empty:
                print("No sentence passes the filters.")
            else:
                chart = explore.comparison_chart(
                    self.shown, measure=self.measure.value, target=self.target.value, seed=self.seed
                )
                display(chart)

    def show_selected(self, change: Any = None) -> None:
        with self.detail:
            self.detail.clear_output(wait=True)
            if self.grid.selected_rows:
                sentence_id = self.shown["sentence_id"].iloc[self.grid.selected_rows[0]]
                display(widgets.HTML(sentence_view(self.scored, sentence_id)))


def sentence_view(scored: pd.DataFrame, sentence_id: str) -> str:
    """HTML for one sentence: the sentences around it (it in bold), its speaker and the cue that named them, and
    the labels ``score()`` gave with their evidence (``h20lib.explain``)."""
    context = explore.sentence_context(scored, sentence_id)
    row = scored[scored["sentence_id"] == sentence_id].iloc[0]
    lines = [
        f"<li>{'<b>' if chosen else ''}[{html.escape(kind)}] {html.escape(text)}{'</b>' if chosen else ''}</li>"
        for chosen, kind, text in zip(context["chosen"], context["kind"], context["text"])
    ]
    evidence = explain(row, table=scored)
    probability = evidence["cue"].str.startswith("P(")
    strongest = evidence[~probability].reindex(
        evidence.loc[~probability, "weight"].abs().sort_values(ascending=False).index
    )
    pieces = strongest.groupby(["measure", "label"], sort=False).head(EVIDENCE_ROWS)
    shown = pd.concat([evidence[probability], pieces]).sort_values(
        ["measure"], key=lambda m: m == "frame", kind="stable"
    )
    shown = shown.assign(matched=shown["matched"].where(~shown["cue"].str.startswith("P("), "(the sentence)"))
    shown = shown[["measure", "label", "cue", "matched", "weight", "context"]]
    speaker = row["speaker"] or "the outlet's own voice"
    return (
        f"<p><b>{html.escape(sentence_id)}</b>, {html.escape(str(row['outlet']))}: speaker "
        f"<b>{html.escape(str(speaker))}</b> (cue: {html.escape(str(row['speaker_cue']) or 'none')})</p>"
        f"<ul>{''.join(lines)}</ul>" + shown.to_html(index=False, classes="h20lib-evidence")
    )
