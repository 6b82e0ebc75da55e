"""Stage 4, train: fitting the shipped models (stance, frames, portrayal) from hand labels; the only stage that
imports scikit-learn, and never at score time. Run ``python -m h20lib.train.stance`` and the like."""
