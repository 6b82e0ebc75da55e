"""Stage 2, measures: per-sentence actors and speakers, sentiment, stance, frames, and per-mention portrayal and
per-document claims, each a pure function of one document or sentence, with the evidence behind it."""
