"""Small hand-made articles and extractions for tests that must not depend on a model's parse."""

from __future__ import annotations

from newsclaims.records import (
    Article,
    EntityRef,
    Extraction,
    Figure,
    OrganisationMention,
    PersonMention,
    Quote,
)

BODY_ONE = (
    "Aid workers said 40 women were freed.\n\n"
    "“We found them in a locked room,” said Lina Mor, director of the Harbour Rights Group."
)
BODY_TWO = "Lina Mor said the Harbour Rights Group had counted 12 cases."


def article(body: str, source_file: str) -> Article:
    return Article(
        source_file=source_file, source_sha256="0" * 64, body=body, title=f"Title of {source_file}"
    )


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def extraction_one() -> Extraction:
    quote_text = "We found them in a locked room"
    qs, qe = _span(BODY_ONE, quote_text)
    fs, fe = _span(BODY_ONE, "40 women")
    lina = EntityRef("person", "Lina Mor")
    return Extraction(
        people=(PersonMention("Lina Mor", ("Mor",), 1, "director", "Harbour Rights Group"),),
        organisations=(OrganisationMention("Harbour Rights Group", None, (), "ngo", None, 1),),
        quotes=(Quote("direct", quote_text, qs, qe, 2, lina, "Lina Mor", "said"),),
        figures=(Figure("40 women", fs, fe, 40.0, None, None, "women", None, None),),
    )


def extraction_two() -> Extraction:
    text = "the Harbour Rights Group had counted 12 cases"
    qs, qe = _span(BODY_TWO, text)
    fs, fe = _span(BODY_TWO, "12 cases")
    lina = EntityRef("person", "Lina Mor")
    return Extraction(
        people=(PersonMention("Lina Mor", (), 1, None, None),),
        organisations=(OrganisationMention("Harbour Rights Group", "HRG", (), "ngo", None, 1),),
        quotes=(Quote("indirect", text, qs, qe, 1, lina, "Lina Mor", "said"),),
        figures=(Figure("12 cases", fs, fe, 12.0, None, None, "cases", lina, 0),),
    )


def pairs() -> list[tuple[Article, Extraction]]:
    return [
        (article(BODY_ONE, "one.txt"), extraction_one()),
        (article(BODY_TWO, "two.txt"), extraction_two()),
    ]
