"""h20lib: how US media, Chinese state media and trade press framed the July 2025 H20 export decision."""
from h20lib.corpus import Corpus, load_corpus, parse_document
from h20lib.errors import InputError
from h20lib.explain import explain
from h20lib.portrayal import target_sentiment
from h20lib.scoring import quotes, score

__version__ = "0.1.0"
__all__ = ["Corpus", "InputError", "explain", "load_corpus", "parse_document", "quotes", "score", "target_sentiment", "__version__"]

