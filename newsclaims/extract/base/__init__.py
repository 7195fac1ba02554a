"""What every extraction layer shares: the spaCy pipeline, the word lists (``Rules``), the
dependency and entity labels, the Doc's text and paragraph index, and the English lexicon."""
