"""h20lib: how US media, Chinese state media and trade press framed the July 2025 H20 export decision."""
from h20lib.corpus import Corpus, load_corpus, parse_document
from h20lib.errors import InputError

__version__ = "0.1.0"
__all__ = ["Corpus", "InputError", "load_corpus", "parse_document", "__version__"]
