"""Raw bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

Decoding is strict: a file that is neither valid UTF-8 nor valid Windows-1252 (which leaves
0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined) is refused rather than read with replacement
characters, so no article silently carries mojibake. Line endings become ``\\n`` and the text NFC.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from newsclaims.readers.common import FormatProblem

BINARY_SIGNATURES = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx or .odt"),
    (b"\xd0\xcf\x11\xe0", "old Microsoft Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
)
# Above this share of C0 control characters (other than tab, newline, CR, form feed) the
# bytes are not text even if they happen to decode.
_MAX_CONTROL_SHARE = 0.01
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # C0 controls other than \t \n \v \f \r


def decode_text(raw: bytes) -> str:
    """Decode a raw article file; returns NFC text with ``\\n`` line endings.

    :raises FormatProblem: empty or whitespace-only, binary (NUL bytes, known binary formats,
        control characters) or undecodable input.
    """
    if not raw:
        raise FormatProblem("empty file")
    for magic, kind in BINARY_SIGNATURES:
        if raw.startswith(magic):
            raise FormatProblem(f"binary file ({kind}), not article text")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(raw)
    elif b"\x00" in raw:
        raise FormatProblem("binary file (NUL bytes)")
    else:
        text = _decode_utf8_or_cp1252(raw)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise FormatProblem("binary file (control characters)")
    if not text.strip():
        raise FormatProblem("empty file (only whitespace)")
    return text


def _decode_utf16(raw: bytes) -> str:
    try:
        return raw.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise FormatProblem(
            f"cannot decode as UTF-16 although it starts with a UTF-16 BOM ({exc.reason})"
        ) from exc


def _decode_utf8_or_cp1252(raw: bytes) -> str:
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(raw) - len(body))
        raise FormatProblem(
            f"cannot decode as UTF-8 or Windows-1252 (byte 0x{body[exc.start]:02X} at offset {offset})"
        ) from exc
