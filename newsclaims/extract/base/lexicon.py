"""English dictionary words, from the word index the spaCy pipeline's lemmatizer ships with.

Some name splits need to know whether a capitalised word is an English word ("Affairs",
"Province") or most likely part of a personal name ("Nguyễn", "Thắng"); the tagger cannot tell
inside a run of proper nouns. The lemmatizer's WordNet index (nouns, verbs, adjectives, adverbs)
answers without another download. Without the model the set is empty and the splits are skipped.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .nlp import MODEL_NAMES

LOOKUPS = Path("lemmatizer") / "lookups"
INDEX_TABLE = "lemma_index"


def _lookups_dir() -> Path | None:
    import spacy.util

    for name in MODEL_NAMES:
        try:
            root = spacy.util.get_package_path(name)
        except (ImportError, OSError):
            continue
        found = sorted(root.glob(f"*/{LOOKUPS}")) or sorted(root.glob(str(LOOKUPS)))
        if found:
            return found[0]
    return None


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words and lemmas the pipeline's lemmatizer knows (empty without it)."""
    from spacy.lookups import Lookups

    path = _lookups_dir()
    if path is None:
        return frozenset()
    lookups = Lookups().from_disk(path)
    if not lookups.has_table(INDEX_TABLE):
        return frozenset()
    table = lookups.get_table(INDEX_TABLE)
    return frozenset(word for words in table.values() for word in words)


def is_english_word(text: str) -> bool:
    """``text`` (any case) or its plural-stripped form is an English dictionary word."""
    low = text.lower()
    words = english_words()
    return low in words or (low.endswith("s") and low[:-1] in words)
