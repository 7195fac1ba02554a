"""Extraction: pure functions from clean article text (or its spaCy Doc) to records.

Nothing here reads files or touches SQLite, so it runs in a process pool and is tested with
a string. The caller loads the spaCy pipeline once (``load_nlp``) and passes it in.
"""
