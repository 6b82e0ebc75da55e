"""The tables the figures plot: one pure function per figure, from the scored sentence table.

Every figure analyses the same sentences (:func:`select_sentences`): headlines and body text of the outlets,
never reader comments. Each table has a ``group`` column and ``n_group``, the units (sentences, mentions,
claims) the figure counts in that group, which the captions report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from h20lib import resources
from h20lib.errors import ParameterError
from h20lib.measures import actors, claims
from h20lib.measures.frames import frame_dimensions, frame_names
from h20lib.measures.portrayal import LABELS, target_sentiment_batch
from h20lib.measures.scoring import ANALYSED_KINDS
from h20lib.measures.stance import TARGETS
from h20lib.parse.corpus import COMMENT_GROUP
from h20lib.patterns import CHINESE_CHARACTER
from h20lib.report import stats

# The actors the study compares in the seed corpus; another corpus falls back to its most-mentioned actors.
MAIN_ACTORS = ("jensen_huang", "nvidia", "howard_lutnick", "trump_administration", "china", "united_states")
SENTIMENT_MEASURES = {"polarity": "TextBlob polarity", "vader": "VADER compound"}
OWN_VOICE = "(own voice)"
VOICES = ("own voice", "quoted voices")  # stance_by_group: the outlet's own voice, and the speakers it quotes
DIRECTIONS = ("favor", "against")
OTHER_SPEAKERS = "(other speakers)"
# Register types whose names are personal or brand names, so that a mention sharing no word with the
# canonical name is a variant spelling or another name, not a title or a metonym ("the White House").
NAMED_TYPES = frozenset({"person", "legislator", "company"})
FLAG_ORDER = ("date conflict", "name variant", "disagrees", "")

_WORD = re.compile(r"[^\W_]+")


def select_sentences(
    scored: pd.DataFrame, *, group_by: str = "source_group", groups: str | Sequence[str] | None = None
) -> pd.DataFrame:
    """The analysed sentences: headlines and body text, never reader comments; ``group`` is ``scored[group_by]``.

    ``groups`` keeps only those groups (None: all; a string names one group). Rows keep their order. ParameterError
    names a ``group_by`` that is no column, or a group that is not in the table, with what is there.
    """
    if group_by not in scored.columns:
        raise ParameterError("group_by", f"no column {group_by!r}; columns: {', '.join(map(str, scored.columns))}")
    kept = scored[scored["kind"].isin(ANALYSED_KINDS) & (scored["source_group"] != COMMENT_GROUP)]
    kept = kept.assign(group=kept[group_by].astype(str))
    if groups is not None:
        wanted = [groups] if isinstance(groups, str) else [str(g) for g in groups]
        present = sorted(set(kept["group"]))
        unknown = [group for group in wanted if group not in present]
        if unknown:
            raise ParameterError(
                "groups", f"no group {', '.join(map(repr, unknown))} in {group_by}; groups: {', '.join(present)}"
            )
        kept = kept[kept["group"].isin(wanted)]
    return kept.reset_index(drop=True)


def sample_size(sentences: pd.DataFrame) -> dict[str, int]:
    """How many documents, outlets and sentences a table holds: what a figure drawn from it rests on."""
    return {
        "documents": int(sentences["doc_id"].nunique()),
        "outlets": int(sentences["outlet"].nunique()),
        "sentences": len(sentences),
    }


def with_group_counts(data: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """``data`` with ``n_documents`` and ``n_outlets``: the documents and outlets of each ``group`` in ``sentences``,
    which captions report."""
    counts = sentences.groupby("group").agg(n_documents=("doc_id", "nunique"), n_outlets=("outlet", "nunique"))
    extended = data.drop(columns=["n_documents", "n_outlets"], errors="ignore")
    extended = extended.assign(
        n_documents=extended["group"].map(counts["n_documents"]), n_outlets=extended["group"].map(counts["n_outlets"])
    )
    return extended.astype({"n_documents": "int64", "n_outlets": "int64"}) if len(extended) else extended


def corpus_overview(
    scored: pd.DataFrame, *, group_by: str = "source_group", groups: Sequence[str] | None = None
) -> pd.DataFrame:
    """Sentences per group and kind over the whole corpus; ``analysed`` marks what the other figures use."""
    table = scored.assign(group=scored[group_by].astype(str))
    if groups is not None:
        table = table[table["group"].isin([str(g) for g in groups])]
    counts = table.groupby(["group", "kind"], sort=True).size().rename("n_sentences").reset_index()
    analysed_ids = set(select_sentences(table.drop(columns="group"), group_by=group_by)["sentence_id"])
    analysed = table.assign(analysed=table["sentence_id"].isin(analysed_ids))
    counts = counts.merge(
        analysed.groupby(["group", "kind"], sort=True)["analysed"].any().reset_index(), on=["group", "kind"]
    )
    counts["n_group"] = counts.groupby("group")["n_sentences"].transform("sum").astype("int64")
    return with_group_counts(counts[["group", "kind", "analysed", "n_sentences", "n_group"]], table)


def coverage_over_time(selected: pd.DataFrame) -> pd.DataFrame:
    """Per group and publication date: the documents published that day and their sentences taking a stance on
    either target. Sentences without a date are left out (``n_group`` counts the dated documents)."""
    columns = ["group", "published", "n_documents", "n_stance_sentences", "n_sentences", "n_group"]
    dated = selected[selected["published"].astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}")]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    takes = (dated[[f"stance_{target}_label" for target in TARGETS]] != "none").any(axis=1)
    table = (
        dated.assign(takes=takes)
        .groupby(["group", "published"], sort=True)
        .agg(n_documents=("doc_id", "nunique"), n_stance_sentences=("takes", "sum"), n_sentences=("doc_id", "size"))
        .reset_index()
    )
    table["n_group"] = table["group"].map(dated.groupby("group")["doc_id"].nunique()).astype("int64")
    table["n_stance_sentences"] = table["n_stance_sentences"].astype("int64")
    return table[columns]


def _jitter(n: int, *, seed: int, width: float = 0.28) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-width, width, size=n)


def sentiment_by_group(
    selected: pd.DataFrame, *, seed: int = 0, min_sentences: int = 5, n_resamples: int = 2000
) -> pd.DataFrame:
    """One row per sentence and measure (TextBlob polarity, VADER compound) with the group's mean and its 95%
    interval from a bootstrap that resamples the group's documents, and the group's documents and outlets."""
    frames = []
    for column, measure in SENTIMENT_MEASURES.items():
        for group, rows in selected.sort_values(["group", "sentence_id"]).groupby("group", sort=True):
            mean, low, high = stats.document_mean_ci(rows[column], rows["doc_id"], n_resamples=n_resamples, seed=seed)
            frames.append(
                pd.DataFrame(
                    {
                        "measure": measure,
                        "group": group,
                        "sentence_id": rows["sentence_id"].to_numpy(),
                        "score": rows[column].to_numpy(dtype=float),
                        "jitter": _jitter(len(rows), seed=seed),
                        "mean": mean,
                        "ci_low": low,
                        "ci_high": high,
                        "n_group": len(rows),
                        "n_documents": rows["doc_id"].nunique(),
                        "n_outlets": rows["outlet"].nunique(),
                        "enough": len(rows) >= min_sentences,
                    }
                )
            )
    columns = ["measure", "group", "sentence_id", "score", "jitter", "mean", "ci_low", "ci_high", "n_group"]
    columns += ["n_documents", "n_outlets", "enough"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def frame_label(frame: str) -> str:
    """ "economic (Economic)": the frame id and its Policy Frames Codebook dimension."""
    return f"{frame} ({frame_dimensions()[frame]})"


def _group_counts(sentences: pd.DataFrame) -> dict[str, int]:
    """A group's :func:`sample_size` under the column names the figures' tables use."""
    size = sample_size(sentences)
    return {"n_group": size["sentences"], "n_documents": size["documents"], "n_outlets": size["outlets"]}


def _document_share(hits: pd.Series, documents: pd.Series, *, n_resamples: int, seed: int) -> dict[str, float]:
    """The share of True in ``hits`` with its 95% interval from a bootstrap resampling ``documents``."""
    share, low, high = stats.document_mean_ci(hits.astype(float), documents, n_resamples=n_resamples, seed=seed)
    return {"share": share, "low": low, "high": high}


def frames_by_group(
    selected: pd.DataFrame, *, min_sentences: int = 5, n_resamples: int = 2000, seed: int = 0
) -> pd.DataFrame:
    """Share of each group's sentences invoking each frame, with a 95% interval from a bootstrap that resamples the
    group's documents, and the group's sentences, documents and outlets."""
    rows = []
    for group, sentences in selected.groupby("group", sort=True):
        counts = _group_counts(sentences)
        for frame in frame_names():
            hits = sentences["frames"].map(lambda found, frame=frame: frame in found)
            rows.append(
                {
                    "frame": frame,
                    "label": frame_label(frame),
                    "group": group,
                    "n_frame": int(hits.sum()),
                    **_document_share(hits, sentences["doc_id"], n_resamples=n_resamples, seed=seed),
                    **counts,
                    "enough": len(sentences) >= min_sentences,
                }
            )
    columns = ["frame", "label", "group", "n_frame", "share", "low", "high", "n_group", "n_documents", "n_outlets"]
    return pd.DataFrame(rows, columns=[*columns, "enough"])


def top_speakers(selected: pd.DataFrame, *, top_n: int) -> list[str]:
    """The ``top_n`` speakers with most attributed sentences (ties by id), the outlets' own voice left out."""
    quoted = selected.loc[selected["speaker"] != "", "speaker"]
    counts = quoted.value_counts().rename_axis("speaker").reset_index(name="n")
    counts = counts.sort_values(["n", "speaker"], ascending=[False, True], kind="mergesort")
    return counts["speaker"].head(top_n).tolist()


def is_relay(speaker: str, cue: str) -> bool:
    """Whether a sentence attributed to ``speaker`` by ``cue`` (the ``speaker_cue`` column) is a news outlet passing
    on others' words or its own reporting ("according to Reuters", "Bloomberg reported"), not the outlet speaking."""
    if actors.actor_type(speaker) != "media_outlet":
        return False
    words = cue.split()
    while words and words[0] in ("quote", "continued"):
        words = words[1:]
    return " ".join(words) in resources.lexicon("speech_cues.toml")["relay_cues"]


def stance_by_actor(
    selected: pd.DataFrame, *, top_n: int = 10, min_stance: int = 3, n_resamples: int = 2000, seed: int = 0
) -> pd.DataFrame:
    """Per speaker, target and direction: the share of the speaker's attributed sentences labelled favor or against,
    with a 95% interval from a bootstrap that resamples the documents quoting the speaker. Only speakers with at
    least ``min_stance`` sentences taking a stance on either target are shown, the ``top_n`` with most of them; a
    sentence with no stance counts in the denominator, never as a score of 0. A news outlet counts as a speaker only
    where it speaks, not where it relays (:func:`is_relay`)."""
    quoted = selected[selected["speaker"] != ""]
    quoted = quoted[[not is_relay(speaker, cue) for speaker, cue in zip(quoted["speaker"], quoted["speaker_cue"])]]
    takes = (quoted[[f"stance_{target}_label" for target in TARGETS]] != "none").any(axis=1)
    counts = takes.groupby(quoted["speaker"]).sum().rename_axis("speaker").reset_index(name="n_stance")
    counts = counts[counts["n_stance"] >= min_stance]
    counts = counts.sort_values(["n_stance", "speaker"], ascending=[False, True], kind="mergesort").head(top_n)
    columns = ["speaker", "speaker_name", "target", "direction", "share", "low", "high", "n_speaker", "n_stance"]
    columns += ["n_speaker_documents", "rank", "group", "n_group", "n_documents", "n_outlets"]
    rows = []
    for rank, (speaker, n_stance) in enumerate(zip(counts["speaker"], counts["n_stance"])):
        own = quoted[quoted["speaker"] == speaker]
        for target in TARGETS:
            for direction in DIRECTIONS:
                hits = own[f"stance_{target}_label"] == direction
                rows.append(
                    {
                        "speaker": speaker,
                        "speaker_name": actors.display_name(speaker),
                        "target": target,
                        "direction": direction,
                        **_document_share(hits, own["doc_id"], n_resamples=n_resamples, seed=seed),
                        "n_speaker": len(own),
                        "n_stance": int(n_stance),
                        "n_speaker_documents": int(own["doc_id"].nunique()),
                        "rank": rank,
                    }
                )
    table = pd.DataFrame(rows, columns=columns)
    # the caption counts the shown speakers' attributed sentences, all quoting groups together
    shown = quoted[quoted["speaker"].isin(counts["speaker"])]
    table["group"] = "all groups"
    table["n_group"] = len(shown)
    table["n_documents"] = shown["doc_id"].nunique()
    table["n_outlets"] = shown["outlet"].nunique()
    return table


def stance_by_group(selected: pd.DataFrame, *, n_resamples: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Per group, target, voice (the outlet's own, or the speakers it quotes) and direction: the share of the group's
    sentences in that voice labelled favor or against, with a 95% interval from a bootstrap that resamples the group's
    documents (sentences of one document move together), and the documents, outlets and sentences counted."""
    voiced = selected.assign(voice=np.where(selected["speaker"] != "", VOICES[1], VOICES[0]))
    rows = []
    for group, in_group in voiced.groupby("group", sort=True):
        for target in TARGETS:
            for voice in VOICES:
                part = in_group[in_group["voice"] == voice]
                for direction in DIRECTIONS:
                    hits = part[f"stance_{target}_label"] == direction
                    rows.append(
                        {
                            "group": group,
                            "target": target,
                            "voice": voice,
                            "direction": direction,
                            **_document_share(hits, part["doc_id"], n_resamples=n_resamples, seed=seed),
                            "n_labelled": int(hits.sum()),
                            "n_sentences": len(part),
                            "n_voice_documents": int(part["doc_id"].nunique()),
                            **_group_counts(in_group),
                        }
                    )
    columns = ["group", "target", "voice", "direction", "share", "low", "high", "n_labelled", "n_sentences"]
    return pd.DataFrame(rows, columns=[*columns, "n_voice_documents", "n_group", "n_documents", "n_outlets"])


def voices(
    selected: pd.DataFrame, *, top_n: int = 8, min_sentences: int = 5, n_resamples: int = 2000, seed: int = 0
) -> pd.DataFrame:
    """Share of each group's sentences in its own voice, attributed to each of the ``top_n`` speakers, or to others,
    with a 95% interval from a bootstrap that resamples the group's documents."""
    speakers = top_speakers(selected, top_n=top_n)
    voice = selected["speaker"].where(selected["speaker"].isin(speakers), OTHER_SPEAKERS)
    voice = voice.mask(selected["speaker"] == "", OWN_VOICE)
    order = [OWN_VOICE, *speakers, OTHER_SPEAKERS]
    rows = []
    for group, sentences in selected.assign(voice=voice).groupby("group", sort=True):
        counts = _group_counts(sentences)
        for position, speaker in enumerate(order):
            hits = sentences["voice"] == speaker
            rows.append(
                {
                    "group": group,
                    "speaker": speaker,
                    "order": position,
                    "speaker_name": speaker if speaker in (OWN_VOICE, OTHER_SPEAKERS) else actors.display_name(speaker),
                    "n": int(hits.sum()),
                    **_document_share(hits, sentences["doc_id"], n_resamples=n_resamples, seed=seed),
                    **counts,
                    "enough": len(sentences) >= min_sentences,
                }
            )
    columns = ["group", "speaker", "order", "speaker_name", "n", "share", "low", "high"]
    return pd.DataFrame(rows, columns=[*columns, "n_group", "n_documents", "n_outlets", "enough"])


Z_THRESHOLD = 1.96  # a log-odds z-score past this is distinctive at the 5% level (two-sided)


def _shown_term(term: str) -> bool:
    """A term worth showing: no token is a number or a calendar word ("2025", "july", "tuesday")."""
    calendar = resources.word_list("calendar_words.txt")
    return not any(token[:1].isdigit() or token in calendar for token in term.split())


def _contained(term: str, others: Sequence[str]) -> bool:
    """Whether ``term`` is a run of whole words inside a longer term of ``others`` ("states" in "united states")."""
    padded = f" {term} "
    return any(other != term and padded in f" {other} " for other in others)


def distinctive_terms(
    selected: pd.DataFrame,
    *,
    top_k: int = 10,
    min_count: int = 2,
    ngram_range: tuple[int, int] = (1, 2),
    min_sentences: int = 5,
    min_z: float = Z_THRESHOLD,
) -> pd.DataFrame:
    """Up to ``top_k`` terms of each group whose log-odds z-score against all other groups (Monroe et al. 2008)
    reaches ``min_z``, leaving out numbers, calendar words and a term contained in another term that reaches it. A
    group with no such term has one row with an empty ``term`` (rank 0), so that the figure can say so.

    Empty when fewer than two groups are selected.
    """
    columns = ["group", "rank", "term", "z", "delta", "count", "n_group", "enough"]
    sizes = selected.groupby("group", sort=True).size()
    if len(sizes) < 2:
        return pd.DataFrame(columns=columns)
    texts = {group: rows["text"].tolist() for group, rows in selected.groupby("group", sort=True)}
    counts = stats.term_counts(texts, ngram_range=ngram_range, min_count=min_count)
    scored = stats.log_odds_dirichlet(counts)
    parts = []
    for group in sizes.index:
        past = scored[(scored["group"] == group) & (scored["z"] >= min_z) & scored["term"].map(_shown_term)]
        terms = past["term"].tolist()
        kept = past[[not _contained(term, terms) for term in terms]].head(top_k).copy()
        if kept.empty:
            kept = pd.DataFrame([{"group": group, "term": "", "z": np.nan, "delta": np.nan, "count": 0}])
            kept["rank"] = 0
        else:
            kept["rank"] = range(1, len(kept) + 1)
        parts.append(kept)
    top = pd.concat(parts, ignore_index=True)
    top["n_group"] = top["group"].map(sizes).astype("int64")
    top["enough"] = top["n_group"] >= min_sentences
    top["rank"] = top["rank"].astype("int64")
    return with_group_counts(top[columns].reset_index(drop=True), selected)


def mention_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per register-actor mention, with the portrayal label (target sentiment) of that mention."""
    rows = []
    for sentence in sentences.itertuples(index=False):
        for mention in actors.find_mentions(sentence.text):
            rows.append(
                {
                    "doc_id": sentence.doc_id,
                    "sentence_id": sentence.sentence_id,
                    "source_group": sentence.source_group,
                    "outlet": sentence.outlet,
                    "actor": mention.actor,
                    "mention": mention.surface,
                    "start": mention.start,
                    "end": mention.end,
                    "text": sentence.text,
                }
            )
    columns = ["doc_id", "sentence_id", "source_group", "outlet", "actor", "mention", "start", "end", "label"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows)
    table["label"] = target_sentiment_batch(list(zip(table["text"], table["start"], table["end"])))
    return table[columns]


def choose_actors(mentions: pd.DataFrame, *, preferred: Sequence[str] = MAIN_ACTORS, top_n: int = 6) -> list[str]:
    """The ``preferred`` actors that are mentioned, in that order; when none is, the ``top_n`` most mentioned."""
    mentioned = set(mentions["actor"])
    chosen = [actor for actor in preferred if actor in mentioned]
    if chosen:
        return chosen[:top_n]
    counts = mentions["actor"].value_counts().rename_axis("actor").reset_index(name="n")
    counts = counts.sort_values(["n", "actor"], ascending=[False, True], kind="mergesort")
    return counts["actor"].head(top_n).tolist()


def portrayal(
    selected: pd.DataFrame,
    *,
    actors_shown: Sequence[str] | None = None,
    top_n: int = 6,
    min_mentions: int = 3,
    n_resamples: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Mentions of each shown actor per group by portrayal label: counts and shares, each share with a 95% interval
    from a bootstrap that resamples the documents mentioning the actor in the group.

    ``actors_shown`` None: :data:`MAIN_ACTORS` where mentioned, else the most-mentioned actors.
    ``n_group``: mentions of the shown actors in the group; ``enough``: the actor has ``min_mentions`` there.
    ``n_documents`` and ``n_outlets`` count the group's documents and outlets.
    """
    columns = ["group", "actor", "actor_name", "label", "n", "n_mentions", "share", "low", "high", "n_group"]
    columns += ["n_documents", "n_outlets", "enough"]
    mentions = mention_table(selected)
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    by_sentence = selected.set_index("sentence_id")
    mentions["group"] = mentions["sentence_id"].map(by_sentence["group"])
    mentions["doc_id"] = mentions["sentence_id"].map(by_sentence["doc_id"])
    shown = choose_actors(mentions, top_n=top_n) if actors_shown is None else list(actors_shown)
    mentions = mentions[mentions["actor"].isin(shown)]
    rows = []
    for group, sentences in selected.groupby("group", sort=True):
        in_group = mentions[mentions["group"] == group]
        counts = {key: value for key, value in _group_counts(sentences).items() if key != "n_group"}
        for actor in shown:
            of_actor = in_group[in_group["actor"] == actor]
            for label in LABELS:
                hits = of_actor["label"] == label
                rows.append(
                    {
                        "group": group,
                        "actor": actor,
                        "actor_name": actors.display_name(actor),
                        "label": label,
                        "n": int(hits.sum()),
                        "n_mentions": len(of_actor),
                        **_document_share(hits, of_actor["doc_id"], n_resamples=n_resamples, seed=seed),
                        "n_group": len(in_group),
                        **counts,
                        "enough": len(of_actor) >= min_mentions,
                    }
                )
    return pd.DataFrame(rows, columns=columns)


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def is_name_variant(actor_id: str, surface: str) -> bool:
    """Whether ``surface`` names a person or company in Latin script with no word of its canonical name ("Rutenberg"
    for Lutnick). A name in Chinese characters is a translation, and a full name whose initials are the canonical
    name ("Advanced Micro Devices" for AMD) an expansion: neither is a variant."""
    actor = actors.register().get(actor_id)
    if actor is None or actor.type not in NAMED_TYPES or CHINESE_CHARACTER.search(surface):
        return False
    initials = "".join(word[0] for word in _WORD.findall(surface) if word[0].isupper())
    return not _words(surface) & _words(actor.name) and initials.casefold() != actor.name.casefold()


def name_variants(selected: pd.DataFrame) -> pd.DataFrame:
    """Every actor mention with its canonical name and whether the surface is a non-standard variant."""
    rows = [
        {
            "doc_id": s.doc_id,
            "group": s.group,
            "actor": m.actor,
            "name": actors.display_name(m.actor),
            "surface": m.surface,
            "variant": is_name_variant(m.actor, m.surface),
        }
        for s in selected.itertuples(index=False)
        for m in actors.find_mentions(s.text)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "group", "actor", "name", "surface", "variant"])


def _value_text(kind: str, value: float | str) -> str:
    if kind == "money":
        return f"${float(value) / 1e9:g} bn" if float(value) >= 1e8 else f"${float(value):,.0f}"
    if kind == "percent":
        return f"{float(value):g}%"
    return str(value)


def _claim_item(kind: str, topic: str, subject: str, scope: str) -> str:
    """The row label of a measure: what it measures, whose, and over which period (money, percent) or which event
    (dates: the event's earliest date)."""
    what = "other figure" if topic == claims.NO_TOPIC else topic.replace("_", " ")
    whose = actors.display_name(subject) if subject else "no subject named"
    if not scope:
        return f"{what}: {whose} ({kind})"
    return f"{what}: {whose}, " + (f"event from {scope}" if kind == "date" else f"per {scope}") + f" ({kind})"


CLAIM_BOARD_COLUMNS = ["item", "section", "doc_id", "group", "shown", "value", "flag", "drawn", "n_group"]


def claims_side_by_side(selected: pd.DataFrame, *, max_rows: int = 40) -> pd.DataFrame:
    """Every figure and date each document reports, and actor names, one row per (item, document), with flags.

    Claim items are measures (:func:`h20lib.measures.claims.compare_claims`): kind, topic, subject and period, so
    only like is compared with like. Name items are actors named with a non-standard variant somewhere. ``flag``:
    "date conflict", "name variant", "disagrees" (documents report different values for one measure) or "".
    ``shown`` lists the document's values in order. ``drawn``: the item is among the ``max_rows`` the figure draws
    (flagged first, then those more documents report, then money, percentages, dates); the table keeps every item.
    """
    doc_group = selected.groupby("doc_id", sort=True)["group"].first()
    documents = selected.drop_duplicates("doc_id")[["doc_id", "published"]]
    table = claims.claims_table(selected.assign(source_group=selected["group"]), documents)
    compared = claims.compare_claims(table)
    rows = []
    for row in compared.itertuples(index=False):
        conflict = bool(row.conflicts)
        rows.append(
            {
                "item": _claim_item(row.kind, row.topic, row.subject, row.scope),
                "section": "claim",
                "doc_id": row.doc_id,
                "shown": "; ".join(row.surfaces),
                "value": "; ".join(_value_text(row.kind, value) for value in dict.fromkeys(row.values))
                or _value_text(row.kind, row.value),
                "flag": "date conflict" if conflict else ("disagrees" if row.disagrees else ""),
            }
        )
    names = name_variants(selected)
    for actor in sorted(set(names.loc[names["variant"], "actor"])):
        for doc_id, used in names[names["actor"] == actor].groupby("doc_id", sort=True):
            rows.append(
                {
                    "item": f"{actors.display_name(actor)} (name)",
                    "section": "name",
                    "doc_id": doc_id,
                    "shown": "; ".join(sorted(set(used["surface"]))),
                    "value": actors.display_name(actor),
                    "flag": "name variant" if used["variant"].any() else "",
                }
            )
    board = pd.DataFrame(rows, columns=[c for c in CLAIM_BOARD_COLUMNS if c not in ("group", "drawn", "n_group")])
    if board.empty:
        return pd.DataFrame(columns=CLAIM_BOARD_COLUMNS)
    board["group"] = board["doc_id"].map(doc_group)
    worst = board.groupby("item")["flag"].agg(lambda flags: min(FLAG_ORDER.index(f) for f in flags))
    spread = board.groupby("item")["doc_id"].nunique()
    kind_order = {f"({kind})": position for position, kind in enumerate(("money", "percent", "date", "name"))}
    items = sorted(
        board["item"].unique(),
        key=lambda item: (worst[item], -spread[item], kind_order.get(item.rpartition(" ")[2], 0), item),
    )
    board["item_order"] = board["item"].map({item: position for position, item in enumerate(items)})
    board["drawn"] = board["item_order"] < max_rows
    board["n_group"] = board.groupby("group")["item"].transform("size").astype("int64")
    board = board.sort_values(["item_order", "group", "doc_id"], kind="mergesort")
    return with_group_counts(board[CLAIM_BOARD_COLUMNS].reset_index(drop=True), selected)
