"""Would a learned step after the speaker rules name more speakers right? An experiment on the hand-labelled real
pages, run by ``python -m h20lib.train.speakers`` (needs scikit-learn, dev extra); it ships no model.

On the development and read pages about half of the body units whose speaker the rules miss have the right speaker
among two kinds of candidate, each of a body sentence the rules leave without a speaker:

- ``carried``: the last speaker the rules found earlier in the document (a speaker's words going on without a cue);
- ``named``: an actor the sentence names (a speaker whose verb or construction the rules do not know).

Each candidate is described by features of kinds of text (how far back the carried speaker spoke, whether the
sentence opens with a pronoun or a quotation mark, speaks in the first person, names the candidate; for a named
actor, where the mention stands and the words either side of it). A logistic regression gives the probability that
the candidate is the sentence's speaker, and the sentence takes its likeliest candidate at or above a threshold.

It is evaluated as a shipped step would have to be: with 10-fold document cross-validation on the development and
read pages, and fit on those pages and applied once to the check pages. The table (config.LEARNED_SPEAKER_STEP) gives
per evaluation and threshold the named-speaker units the rules and the step get right and the own-voice units they
leave unattributed. A step that gains fewer named units than it loses own-voice ones would not be worth shipping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from h20lib import config
from h20lib.measures.actors import Mention, actor_type, find_mentions
from h20lib.measures.scoring import score
from h20lib.parse.corpus import load_corpus
from h20lib.patterns import CHINESE_CHARACTER
from h20lib.report.gold import covering_positions, real_units, same_actor
from h20lib.train.common import fit, matrix, vocabulary
from h20lib.train.real import document_folds

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
STRENGTH = 1.0  # the logistic regression's C
MIN_COUNT = 2  # a feature seen in fewer candidates has no column
_PRONOUN_START = re.compile(r"\W*(?:he|she|they|we|i|it|his|her|their|our)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b|[我咱]")
_MODAL = re.compile(r"\b(?:would|could|will|should|must|may|might|can)\b", re.IGNORECASE)
_QUOTE_START = re.compile(r"\W*[\"“”‘’「『]")
_CONNECTIVE_START = re.compile(r"\W*(?:also|and|but|however|still|moreover)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z’']+|[\u3400-\u9fff]")


def carried_features(text: str, *, actors: tuple[str, ...], is_quote: bool, last: Mapping) -> dict[str, float]:
    """Features of carrying ``last`` (the ``speaker``, ``distance`` in body sentences, ``paragraph_gap`` and
    ``is_quote`` of the last body sentence the rules attributed) to a sentence they left without a speaker."""
    distance, gap = last["distance"], last["paragraph_gap"]
    flags = {
        f"distance={min(distance, 3)}": True,
        "distance>=6": distance >= 6,
        f"paragraph_gap={min(gap, 2)}": True,
        "pronoun_start": bool(_PRONOUN_START.match(text)),
        "first_person": bool(_FIRST_PERSON.search(text)),
        "modal": bool(_MODAL.search(text)),
        "quotation_start": bool(_QUOTE_START.match(text)),
        "in_quotation": is_quote,
        "last_in_quotation": bool(last["is_quote"]),
        "connective_start": bool(_CONNECTIVE_START.match(text)),
        "names_speaker": last["speaker"] in actors,
        "names_no_one": not actors,
        "chinese": bool(CHINESE_CHARACTER.search(text)),
        "digits": any(char.isdigit() for char in text),
        "question": "?" in text or "？" in text,
        f"speaker_type={actor_type(last['speaker'])}": True,
    }
    return {f"carried:{name}": 1.0 for name, on in flags.items() if on}


def named_features(text: str, mention: Mention, *, first: bool, is_quote: bool) -> dict[str, float]:
    """Features of an actor the sentence names being its speaker: where the mention stands, the actor's type, and
    the three words after it and the two before it (lower-cased)."""
    flags = {
        "at_start": mention.start < 5,
        "first_mention": first,
        f"type={actor_type(mention.actor)}": True,
        "chinese": bool(CHINESE_CHARACTER.search(text)),
        "in_quotation": is_quote,
    }
    after = _WORD.findall(text[mention.end : mention.end + 40])[:3]
    before = _WORD.findall(text[max(0, mention.start - 30) : mention.start])[-2:]
    flags.update({f"after{k}={word.lower()}": True for k, word in enumerate(after)})
    flags.update({f"before={word.lower()}": True for word in before})
    return {f"named:{name}": 1.0 for name, on in flags.items() if on}


def candidates(document: pd.DataFrame) -> pd.DataFrame:
    """One row per candidate speaker (``position`` of the sentence in ``document``, ``actor``, ``kind``,
    ``features``) of each body sentence of one scored document that the rules leave without a speaker."""
    rows: list[dict] = []
    last: dict | None = None
    for position, sentence in enumerate(document.itertuples(index=False)):
        if sentence.kind != "body":
            continue
        if last is not None:
            last["distance"] += 1
        if sentence.speaker:
            last = {
                "speaker": sentence.speaker,
                "distance": 0,
                "paragraph": sentence.paragraph,
                "is_quote": sentence.is_quote,
            }
            continue
        if last is not None:
            carried = {**last, "paragraph_gap": sentence.paragraph - last["paragraph"]}
            feats = carried_features(sentence.text, actors=sentence.actors, is_quote=sentence.is_quote, last=carried)
            rows.append({"position": position, "actor": last["speaker"], "kind": "carried", "features": feats})
        for k, mention in enumerate(find_mentions(sentence.text)):
            feats = named_features(sentence.text, mention, first=k == 0, is_quote=sentence.is_quote)
            rows.append({"position": position, "actor": mention.actor, "kind": "named", "features": feats})
    return pd.DataFrame(rows, columns=["position", "actor", "kind", "features"])


def labelled_candidates(scored: pd.DataFrame, units: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The hand-labelled body ``units`` with the rules' speaker of the sentence covering each (``rule_speaker``), and
    the candidates of those sentences, one row per unit and candidate, with ``unit`` (the unit's row) and ``right``
    (the candidate is the unit's hand-labelled speaker)."""
    units = units.reset_index(drop=True).assign(rule_speaker="")
    parts = []
    for doc_id, doc_units in units.groupby("doc_id", sort=False):
        document = scored[scored["doc_id"] == doc_id].reset_index(drop=True)
        positions = covering_positions(document, doc_units)
        covered = positions >= 0
        units.loc[doc_units.index[covered], "rule_speaker"] = document["speaker"].to_numpy()[positions[covered]]
        options = candidates(document)
        by_unit = pd.DataFrame({"unit": doc_units.index, "position": positions}).merge(options, on="position")
        parts.append(by_unit)
    found = pd.concat(parts, ignore_index=True)
    gold = units.loc[found["unit"], "speaker"].reset_index(drop=True)
    found["right"] = (gold != "") & same_actor(found["actor"], gold)
    return units, found


def step_speakers(found: pd.DataFrame, probability: np.ndarray, *, threshold: float) -> pd.Series:
    """Per unit with a candidate, the likeliest candidate's actor where its probability is at least ``threshold``."""
    chosen = found.assign(probability=probability).sort_values("probability", ascending=False, kind="stable")
    chosen = chosen.drop_duplicates("unit")
    chosen = chosen[chosen["probability"] >= threshold]
    return chosen.set_index("unit")["actor"]


def outcomes(units: pd.DataFrame, speakers: pd.Series) -> dict[str, int]:
    """Named-speaker units right and own-voice units left unattributed, by the rules and with the step's
    ``speakers`` (indexed by unit) given to the units the rules leave without one."""
    with_step = units["rule_speaker"].where(units["rule_speaker"] != "", speakers.reindex(units.index).fillna(""))
    named = units["speaker"] != ""
    return {
        "units_given_a_speaker": int((with_step != units["rule_speaker"]).sum()),
        "named_units": int(named.sum()),
        "named_right_rules": int(same_actor(units.loc[named, "rule_speaker"], units.loc[named, "speaker"]).sum()),
        "named_right_step": int(same_actor(with_step[named], units.loc[named, "speaker"]).sum()),
        "own_units": int((~named).sum()),
        "own_kept_rules": int((units.loc[~named, "rule_speaker"] == "").sum()),
        "own_kept_step": int((with_step[~named] == "").sum()),
    }


def _probabilities(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
    columns = vocabulary(list(train["features"]), min_count=MIN_COUNT)
    fitted = fit(matrix(list(train["features"]), columns), list(train["right"]), c=STRENGTH, class_weight=None)
    return fitted.predict_proba(matrix(list(test["features"]), columns))[:, list(fitted.classes_).index(True)]


def experiment(units: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """The outcomes per threshold, cross-validated by document on the development and read pages, and fit on them
    and applied to the check pages."""
    split = units.loc[found["unit"], "split"].to_numpy()
    fitted_on = found[split != "check"].reset_index(drop=True)
    held_out = found[split == "check"].reset_index(drop=True)
    probability = np.zeros(len(fitted_on))
    for train_rows, test_rows in document_folds(units.loc[fitted_on["unit"], "doc_id"]):
        probability[test_rows] = _probabilities(fitted_on.iloc[train_rows], fitted_on.iloc[test_rows])
    evaluations = [
        ("cross-validated, development and read pages", units[units["split"] != "check"], fitted_on, probability),
        ("fit on development and read, check pages", units[units["split"] == "check"], held_out, None),
    ]
    rows = []
    for name, sample, sample_found, sample_probability in evaluations:
        if sample_probability is None:
            sample_probability = _probabilities(fitted_on, sample_found) if len(sample_found) else np.zeros(0)
        for threshold in THRESHOLDS:
            speakers = step_speakers(sample_found, sample_probability, threshold=threshold)
            rows.append({"evaluation": name, "threshold": threshold, **outcomes(sample, speakers)})
    return pd.DataFrame(rows)


def main() -> None:
    corpus = load_corpus(config.REAL_CORPUS_DIR)
    scored = score(corpus)
    units = real_units()
    units, found = labelled_candidates(scored, units[units["kind"] == "body"])
    table = experiment(units, found)
    config.VALIDATION_DIR.mkdir(exist_ok=True)
    table.to_csv(config.LEARNED_SPEAKER_STEP, index=False, lineterminator="\n")
    fitted_on = units["split"] != "check"
    missed = units[fitted_on & (units["speaker"] != "") & ~same_actor(units["rule_speaker"], units["speaker"])]
    reachable = found[found["right"]]["unit"].unique()
    print(
        f"named units the rules miss on the development and read pages: {len(missed)}; with the right speaker among "
        f"the candidates: {len(set(missed.index) & set(reachable))}"
    )
    print(table.to_string(index=False))
    print(f"-> {config.LEARNED_SPEAKER_STEP}")


if __name__ == "__main__":
    main()
