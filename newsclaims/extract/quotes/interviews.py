"""Interview answers: the question-and-answer part of an interview story, printed as paragraphs.

Interviews are often printed with no quotation marks: a question paragraph (ending with "?"), then
the interviewee's answer, one or more paragraphs, then the next question. Some label the turns
("((WN)) What …?" / "((Jane Doe)) I …" / "JD I …" / "A: I …"), many do not. Every answer paragraph is the
interviewee's words, a direct quote of them. The interviewee is the person an answer label names,
else the person the introduction before the first question names most.

A story counts as an interview only when at least ``MIN_QUESTIONS`` question paragraphs are each
followed by an answer: a news story with a rhetorical question paragraph or two is not one. Answer
paragraphs holding quotation marks are left to the quote readers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..base.marks import DOUBLE_QUOTE_MARKS
from ..base.textindex import SpanIndex, doc_text
from ..entities.entity_index import Entity, EntityIndex
from .quotes import paragraph_bounds

MIN_QUESTIONS = 3
MIN_ANSWER_WORDS = 4  # shorter lines between turns are credits and captions ("—Professor Siegel")

# "((WN))", "((Jane Doe))": a turn label in double brackets; "Q:" / "A:" one letter and a colon.
_BRACKET_LABEL = re.compile(r"\(\(([^()\n]{1,60})\)\)\s*")
_LETTER_LABEL = re.compile(r"([QA]):\s+")


@dataclass(frozen=True)
class Answer:
    """One answer paragraph, without its label (char offsets), and a token naming the interviewee."""

    start: int
    end: int
    speaker_token: int


@dataclass(frozen=True)
class _Paragraph:
    start: int  # after any label
    end: int
    label: str | None
    question: bool


def _initials(entity: Entity) -> str:
    return "".join(w[0] for w in entity.words if w[:1].isupper())


def _name_label(text: str, start: int, people: Sequence[Entity]) -> tuple[str, int] | None:
    """A turn opened, with no brackets, by a person's name or initials and a capital ("MS Although
    …", "Michael Siegel I am …")."""
    for person in people:
        for label in (person.name, _initials(person)):
            if len(label) < 2 or not text.startswith(label + " ", start):
                continue
            after = start + len(label) + 1
            if after < len(text) and text[after].isupper():
                return label, after
    return None


def _paragraphs(text: str, people: Sequence[Entity]) -> list[_Paragraph]:
    found = []
    for start, end in paragraph_bounds(text):
        body = text[start:end].strip()
        if not body:
            continue
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end = start + len(body)
        label = None
        match = _BRACKET_LABEL.match(text, start)
        letter = _LETTER_LABEL.match(text, start)
        if match is not None:
            label, start = match.group(1).strip(), match.end()
        elif letter is not None:
            start = letter.end()  # "A: …" is the interviewee's, "Q: …" ends with its question mark
        else:
            named = _name_label(text, start, people)
            if named is not None:
                label, start = named
        found.append(_Paragraph(start, end, label, text[start:end].rstrip().endswith("?")))
    return found


def _labelled_person(label: str | None, people: Sequence[Entity]) -> Entity | None:
    if label is None:
        return None
    return next((p for p in people if label in (p.name, _initials(p), *p.aliases)), None)


def _interviewee(paras: list[_Paragraph], first_question: int, people: Sequence[Entity]) -> Entity | None:
    """The person answer labels name, else the one the introduction names most (first named on a tie)."""
    labelled = Counter(
        people.index(p)
        for para in paras
        if not para.question
        if (p := _labelled_person(para.label, people)) is not None
    )
    if labelled:
        return people[labelled.most_common(1)[0][0]]
    intro_end = paras[first_question].start
    counts = [sum(m < intro_end for m in p.mentions) for p in people]
    ranked = sorted(
        (i for i in range(len(people)) if counts[i]), key=lambda i: (-counts[i], min(people[i].mentions))
    )
    return people[ranked[0]] if ranked else None


def iter_interview_answers(
    doc: Doc, index: EntityIndex, quoted: Sequence[tuple[int, int]]
) -> Iterator[Answer]:
    """The answer paragraphs of the interview part of ``doc``, in text order (none for most stories)."""
    text = doc_text(doc)
    if text.count("?") < MIN_QUESTIONS:
        return  # most stories: no interview
    people = index.people()
    paras = _paragraphs(text, people)
    asked = [
        i for i, p in enumerate(paras) if p.question and i + 1 < len(paras) and not paras[i + 1].question
    ]
    if len(asked) < MIN_QUESTIONS:
        return
    default = _interviewee(paras, asked[0], people)
    inside = SpanIndex(quoted)
    current = default
    for para in paras[asked[0] + 1 :]:
        if para.question:
            current = default  # a question asks the interviewee
            continue
        if para.label is not None:
            current = _labelled_person(para.label, people)  # None: the interviewer, or a guest unnamed
        if current is None or len(text[para.start : para.end].split()) < MIN_ANSWER_WORDS:
            continue
        if any(c in DOUBLE_QUOTE_MARKS for c in text[para.start : para.end]) or inside.overlapping(
            para.start, para.end
        ):
            continue
        mention = doc.char_span(current.mentions[0], current.mentions[0] + 1, alignment_mode="expand")
        if mention is not None:
            yield Answer(para.start, para.end, mention[0].i)
