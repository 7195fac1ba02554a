"""A family name written alone after the full name is that person, even where a place is near:
"Crowds in Ohio and Ostrander" does not make every later "Ostrander" a place (one such reading
once spread through a whole story, so "His opponent, Biden," spoke for nobody). And a whole
clause in quote marks completing a verb of accusing is the accuser's, as a fragment would be."""

from __future__ import annotations

from newsclaims.extract.pipeline import extract


def _people(nlp, text: str) -> dict[str, int]:
    return {p.name: p.mentions for p in extract(nlp(text)).people}


def _speakers(nlp, text: str) -> dict[str, str | None]:
    return {q.text: q.speaker.name if q.speaker else None for q in extract(nlp(text)).quotes}


def test_a_surname_listed_beside_a_place_stays_the_person(nlp):
    text = "Governor Maria Ostrander toured Ohio on Monday. Crowds in Ohio and Ostrander waited in the rain."
    assert _people(nlp, text) == {"Maria Ostrander": 2}


def test_the_surname_in_apposition_after_a_place_reading_speaks(nlp):
    text = (
        "Governor Maria Ostrander toured the flooded towns on Monday. Neither Ohio nor Ostrander had "
        "asked for federal help, an aide said. His rival, Ostrander, in a letter to donors, accused "
        'the state of "leaving farmers to drown in paperwork."'
    )
    quotes = _speakers(nlp, text)
    assert quotes == {"leaving farmers to drown in paperwork.": "Maria Ostrander"}
    assert _people(nlp, text) == {"Maria Ostrander": 3}


def test_a_quoted_clause_completing_accused_of_is_the_accusers(nlp):
    text = 'Senator Dana Whitlock accused the ministry of "hiding the real numbers from the public."'
    quotes = _speakers(nlp, text)
    assert quotes == {"hiding the real numbers from the public.": "Dana Whitlock"}


def test_a_quote_closing_a_reported_clause_speaks_with_the_clauses_speaker(nlp):
    """When the quote's own attribution lies in another sentence (the next one's "indicated"), the
    reported clause around the quote names its speaker; one found in the quote's sentence stays."""
    from newsclaims.extract.pipeline import _Candidate, _clause_speakers

    text = (
        'She argued that if the levee fails, "whole streets will be under water by spring." '
        "Analysts indicated the race was close."
    )
    doc = nlp(text)
    she, analysts = doc[0], next(t for t in doc if t.text == "Analysts")
    start = text.index("whole")
    end = text.index('spring."') + len("spring.")
    clause = _Candidate("indirect", text.index("if the"), end + 1, 1, she, "argued")
    elsewhere = _Candidate("direct", start, end, 1, analysts, "indicated")
    levee = next(t for t in doc if t.text == "levee")  # any word of the quote's own sentence
    own = _Candidate("direct", start, end, 1, levee, "said")
    _clause_speakers(text, [elsewhere, own], [clause])
    assert (elsewhere.speaker_tok, elsewhere.cue) == (she, "argued")
    assert (own.speaker_tok, own.cue) == (levee, "said")
