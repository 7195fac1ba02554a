"""Boilerplate paragraphs at the edges of a story body, in any raw format.

Pages, wire copy and archives put the same kinds of furniture just before or after the story:
wire credits ("Reporting by …; Editing by …"), editor's notes and corrections, photo captions and
credits, "Read more:" / "Related:" pointers, "Follow us on …" and newsletter promotions, syndication
notes ("This article was first published …"), copyright lines, bylines and "Published: <date>"
lines. ``trim_edge_boilerplate`` drops such paragraphs from the start and the end of the body only:
inside the story the same words are far more likely to be reporting.

Every rule is structural (a label followed by a colon, a credit role followed by "by" and names
only, a short promotional imperative) so that a real paragraph that merely starts with "Read",
"Photo" or "Copyright" stays: a rule that is unsure keeps the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsclaims.readers.common import (
    NAME_PARTICLES,
    ends_sentence,
    is_boilerplate_line,
    is_chrome_paragraph,
    looks_like_name,
    word_list,
)
from newsclaims.readers.dates import find_date

# Longest paragraph any edge rule may drop: furniture is short, story paragraphs often are not.
MAX_BOILERPLATE_WORDS = 45
_MAX_PROMO_WORDS = 30
_MAX_DATE_LINE_WORDS = 12
_MAX_BYLINE_WORDS = 12

# Roles a wire or magazine credit line names ("Reporting by", "additional reporting by").
_CREDIT_ROLE = (
    r"(?:(?:additional|further|extra)\s+)?"
    r"(?:reporting|reported|writing|written|editing|edited|compiled|compilation|research|researched|"
    r"translation|translated|production|produced|photography|photographs?|photos?|pictures?|images?|"
    r"graphics?|illustrations?|video|design|data|fact[-\s]?checking|sub[-\s]?editing)"
)
_CREDIT_SEGMENT = re.compile(
    rf"^{_CREDIT_ROLE}(?:\s*(?:,|and|&)\s*{_CREDIT_ROLE})*\s+by\s+(?P<names>\S.*)$", re.I
)
_CREDIT_SPLIT = re.compile(
    rf"\s*[;|•·]\s*|,\s*(?={_CREDIT_ROLE}\s+by\b)|\.\s+(?={_CREDIT_ROLE}\s+by\b)", re.I
)
# Lower-case words allowed among credited names: places and desks ("in Kathmandu", "for The Ledger").
_CREDIT_CONNECTOR_LIST = "in at from for of the with on"
_CREDIT_CONNECTORS = NAME_PARTICLES | frozenset(_CREDIT_CONNECTOR_LIST.split())

# A labelled note: "Editor's note: …", "Correction: …", "Clarification – …".
_NOTE_LABEL = re.compile(
    r"^(?:editor['’]?s['’]?\s+notes?|editorial\s+note|note\s+to\s+(?:readers|editors)|note|"
    r"corrections?|clarifications?|disclaimer|disclosure)\s*(?::|–|—|-\s)",
    re.IGNORECASE,
)
# Syndication and provenance notes about this very piece.
_ABOUT_THIS_PIECE = re.compile(
    r"^(?:(?:a|an\s+earlier|an\s+edited|a\s+shorter|a\s+longer|the\s+original)\s+version\s+of\s+)?"
    r"this\s+(?:article|story|piece|report|feature|column|interview|content|post)\s+"
    r"(?:(?:was|has\s+been|have\s+been|is|was\s+first)\s+)?(?:(?:first|originally|also)\s+)?"
    r"(?:published|appeared|appears|posted|produced|republished|reproduced|updated|corrected|amended|"
    r"edited|funded|supported|syndicated|translated|adapted|part\s+of|made\s+possible)\b",
    re.IGNORECASE,
)
# "Copyright The Ledger 2024", "Copyright © 2024" (the year or © right after the holder's name).
_COPYRIGHT = re.compile(r"^(?i:copyright)\s+(?:©\s*)?(?:[A-Z][\w&.’'-]*\s+){0,6}(?:\d{4}|©)")
# Pointers to other pages: "Read more: …", "Related: …", "See also – …", "READ MORE »".
_POINTER_LABEL = re.compile(
    r"^(?:read\s+more|read\s+also|also\s+read|more\s+reading|further\s+reading|related(?:\s+\w+)?|"
    r"see\s+also|recommended(?:\s+\w+)?|you\s+may\s+also\s+like|more\s+on\s+this(?:\s+story)?|"
    r"more\s+from\s+\S+|also\s+on\s+\S+|watch|listen)\s*(?::|»|>|\||–|—|-\s)",
    re.IGNORECASE,
)
# Picture captions and credits: "Photo: X", "File photo", "… (Photo: X/Agency)", "(AP Photo/X)".
_PICTURE = r"(?:photo(?:graph)?s?|pictures?|images?|illustrations?|graphics?|videos?|footage)"
_PICTURE_LABEL = re.compile(
    rf"^(?:(?:main|top|header|feature[d]?|file)\s+)?{_PICTURE}"
    r"(?:(?:\s+credits?)?\s*[:|/–—]|\s+(?:source|caption|credits?)\s*,)",
    re.IGNORECASE,
)
_FILE_PICTURE = re.compile(r"^file\s+(?:photo|picture|image|footage)\b", re.IGNORECASE)
_PICTURE_CREDIT_AT_END = re.compile(
    rf"(?:\b{_PICTURE}(?:\s+credits?)?\s*[:/]|\(\s*[^()\s]+(?:\s+[^()\s]+)?\s+{_PICTURE}\s*/)"
    r"\s*(?P<credit>[^.:;!?()]{2,80}?)\)?\.?\s*$",
    re.IGNORECASE,
)
# Reader-directed openers: a strong one is enough ("Subscribe …", "Follow us …", "Click here …"), a
# "Sign up …" needs a promotional word, a weak one ("Get", "Support", "Share") a self-reference.
_PROMO_STRONG = re.compile(
    r"^(?:(?:click|tap|press)\s+here|(?:follow|like|join|find)\s+(?:us|our|@)|subscribe)\b", re.IGNORECASE
)
_PROMO_SIGN_UP = re.compile(r"^sign\s+up\s+(?:to|for|now|here|today)\b", re.IGNORECASE)
_PROMO_WEAK = re.compile(r"^(?:get|receive|support|donate|share|download|register)\b", re.IGNORECASE)
_PROMO_WORD_LIST = (
    "our us here now today free newsletter newsletters app briefing digest alerts updates inbox "
    "journalism facebook twitter x instagram telegram whatsapp linkedin youtube tiktok threads "
    "bluesky mastodon social media email"
)
_PROMO_WORDS = frozenset(_PROMO_WORD_LIST.split())
_SELF_WORD_LIST = (
    "our us newsletter newsletters app inbox briefing digest alerts journalism facebook twitter "
    "instagram telegram whatsapp linkedin youtube tiktok"
)
_SELF_WORDS = frozenset(_SELF_WORD_LIST.split())
_REPORTING_WORD_LIST = "said says say told tell according added"
_REPORTING_WORDS = frozenset(_REPORTING_WORD_LIST.split())
_QUOTE_MARKS = '"“”«»„'
# "Published: 3 March 2024", "Last updated 12 June 2023, 10:05".
_DATE_LABEL = re.compile(
    r"^(?:first\s+|last\s+|originally\s+)?(?:published|posted|updated|modified|date)\b\s*(?:on|at|:)?",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:[-–—]+\s*)?by\s+(?P<names>[^|•·,]+?)(?:\s*(?:[,|•·]|\s[-–—]\s).*)?$", re.IGNORECASE
)
_BYLINE_PLACE = re.compile(r"\s+(?:in|at|from|for)\s+.*?(?=\s+(?:and|&)\s+|$)", re.IGNORECASE)
_WRAPPERS = "()[]{}*_ \t"
# "Associated Press writers A and B contributed to this report."
_CONTRIBUTED = re.compile(
    r"\bcontributed\s+(?:reporting\s+)?(?:to|for)\s+this\s+(?:report|story|article)\W*$", re.IGNORECASE
)
# A lone agency signature: "(AFP)", "— Harbour Wire", "- Staff".
_SIGNATURE = re.compile(r"^(?:[-–—]+\s*|\(\s*)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}\s*\)?\.?$")
# A bare picture credit line: "Sophea Mao/The Tonle Times", "Reuters/A Name".
_MAX_BARE_CREDIT_WORDS = 8
_MAX_CAPTION_WORDS = 45  # a caption is a sentence or two; a longer paragraph ending in a credit is story
# A credit in brackets closing the last paragraph: "… last year. (Reporting by A; Editing by B)".
_TRAILING_BRACKETED = re.compile(r"\s*[(\[](?P<credit>[^()\[\]]+)[)\]]\s*$")


def trim_edge_boilerplate(paragraphs: Sequence[str]) -> list[str]:
    """``paragraphs`` without boilerplate paragraphs at the start and the end, nor credited
    picture captions between them.

    Stops at the first real paragraph from each side; never returns an empty body (when every
    paragraph looks like furniture, the input is returned unchanged for the caller to judge).
    """
    start, end = 0, len(paragraphs)
    while end > start and is_edge_boilerplate(paragraphs[end - 1]):
        end -= 1
    while start < end and is_edge_boilerplate(paragraphs[start]):
        start += 1
    if start >= end:
        return list(paragraphs)
    story = paragraphs[start:end]
    kept = [p for i, p in enumerate(story) if i in (0, len(story) - 1) or not is_inner_caption(p)]
    kept[-1] = _without_trailing_credit(kept[-1])
    return kept


def is_inner_caption(paragraph: str) -> bool:
    """A picture caption left between story paragraphs, known by the credit closing it ("The first
    FIRST Global robotics competition was held this week. Image: United States Navy.")."""
    return len(paragraph.split()) <= _MAX_CAPTION_WORDS and _is_caption_with_credit(paragraph)


def _without_trailing_credit(paragraph: str) -> str:
    """The paragraph without a bracketed wire credit glued to its end, when it has one."""
    match = _TRAILING_BRACKETED.search(paragraph)
    if match is None or match.start() == 0 or not is_credit_line(match["credit"]):
        return paragraph
    return paragraph[: match.start()].rstrip()


def is_edge_boilerplate(paragraph: str) -> bool:
    """Whether a paragraph at the edge of a body is page furniture rather than story text."""
    text = paragraph.strip().strip(_WRAPPERS).strip()
    if not any(ch.isalnum() for ch in text):
        return True  # empty, or a separator such as "___" or "* * *"
    if _SIGNATURE.match(paragraph.strip()):
        return True
    if len(text.split()) > MAX_BOILERPLATE_WORDS:
        return False
    if is_chrome_paragraph(text) or is_boilerplate_line(text):
        return True
    return any(
        rule(text)
        for rule in (
            is_credit_line,
            _is_note,
            _is_pointer,
            _is_picture_credit,
            _is_promotion,
            _is_date_line,
            _is_bare_date,
            _is_byline,
        )
    )


def is_credit_line(text: str) -> bool:
    """A wire credit: "Reporting by A in B; Editing by C" (names only) or "X contributed to this report"."""
    text = text.strip().strip(_WRAPPERS).lstrip("-–— ").rstrip(".").strip()
    if _CONTRIBUTED.search(text):
        return True
    segments = [s for s in _CREDIT_SPLIT.split(text) if s]
    return bool(segments) and all(_is_credit_segment(s) for s in segments)


def _is_credit_segment(segment: str) -> bool:
    match = _CREDIT_SEGMENT.match(segment.strip().rstrip("."))
    if match is None:
        return False
    words = match["names"].replace(",", " ").split()
    return bool(words) and words[0][:1].isupper() and all(_is_credit_word(w) for w in words)


def _is_credit_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in _CREDIT_CONNECTORS or not word[:1].isalpha()


def _is_note(text: str) -> bool:
    return bool(_NOTE_LABEL.match(text) or _ABOUT_THIS_PIECE.match(text) or _COPYRIGHT.match(text))


def _is_pointer(text: str) -> bool:
    return _POINTER_LABEL.match(text) is not None


def _is_picture_credit(text: str) -> bool:
    return bool(
        _PICTURE_LABEL.match(text)
        or _FILE_PICTURE.match(text)
        or _is_caption_with_credit(text)
        or _is_bare_credit(text)
    )


def _is_bare_credit(text: str) -> bool:
    """A few capitalised words around a slash, nothing else: "A Name/The Paper"."""
    words = text.replace("/", " ").split()
    return (
        "/" in text
        and "://" not in text
        and len(words) <= _MAX_BARE_CREDIT_WORDS
        and not ends_sentence(text)
        and all(w[:1].isupper() or w.lower() in _CREDIT_CONNECTORS for w in words)
    )


def _is_caption_with_credit(text: str) -> bool:
    """A caption closing with a picture credit: "A girl at a kiln. Photo: A Name/The Paper"."""
    match = _PICTURE_CREDIT_AT_END.search(text)
    if match is None or _is_reporting(text):
        return False
    words = match["credit"].replace("/", " ").split()
    return bool(words) and words[0][:1].isupper() and all(_is_credit_word(w) for w in words)


def _is_promotion(text: str) -> bool:
    """A short imperative addressed to the reader ("Follow us on X", "Sign up for our newsletter")."""
    words = word_list(text)
    if len(words) > _MAX_PROMO_WORDS or _is_reporting(text):
        return False
    if _PROMO_STRONG.match(text):
        return True
    if _PROMO_SIGN_UP.match(text):
        return any(w in _PROMO_WORDS for w in words)
    return _PROMO_WEAK.match(text) is not None and any(w in _SELF_WORDS for w in words)


def _is_date_line(text: str) -> bool:
    label = _DATE_LABEL.match(text)
    if label is None or len(text.split()) > _MAX_DATE_LINE_WORDS or ends_sentence(text):
        return False
    return find_date(text[label.end() :]) is not None


_DATE_WORD = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
    r"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{1,4}(?:st|nd|rd|th)?)\.?$",
    re.IGNORECASE,
)


def _is_bare_date(text: str) -> bool:
    """A dateline paragraph that is a date and nothing else: "Friday, July 21, 2017", "7 May 2015"."""
    words = text.replace(",", " ").split()
    return 2 <= len(words) <= 5 and all(_DATE_WORD.match(w) for w in words) and find_date(text) is not None


def _is_byline(text: str) -> bool:
    """A lone "By <name>[ in <place>][, role | date]" paragraph."""
    match = _BYLINE.match(text)
    if match is None or len(text.split()) > _MAX_BYLINE_WORDS or ends_sentence(text):
        return False
    names = _BYLINE_PLACE.sub("", match["names"]).strip()
    return looks_like_name(names, max_words=_MAX_BYLINE_WORDS)


def _is_reporting(text: str) -> bool:
    """Quotation marks or a reporting verb: a sentence of the story, whatever its first word."""
    return any(mark in text for mark in _QUOTE_MARKS) or any(w in _REPORTING_WORDS for w in word_list(text))
