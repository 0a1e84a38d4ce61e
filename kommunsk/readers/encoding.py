"""Bytes to text: refuse what is not text, then find the encoding without guessing wildly.

Letters to a municipality arrive as UTF-8 (sometimes with a BOM from Notepad)
or as Windows-1252 from older Word and Outlook installations. Strict UTF-8 is
tried first because it almost never decodes anything else by accident; only
then is charset-normalizer asked, and its answer is accepted only when it is a
Western single-byte encoding that yields text that looks like Danish. A wrong
guess would put findings on the wrong letters, so "unsure" is an error.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath

from kommunsk.errors import ReadError
from kommunsk.readers.document import shown

SNIFF_BYTES = 8192

_BINARY_TYPES: dict[str, str] = {
    ".pdf": "PDF-filer læses ikke; gem teksten som .docx, .md eller .txt",
    ".doc": "det gamle Word-format (.doc) læses ikke; gem filen som .docx",
    **dict.fromkeys(
        (".docm", ".dotm", ".dot", ".dotx"),
        "Word-skabeloner og filer med makroer læses ikke; gem filen som .docx",
    ),
    ".rtf": "RTF-filer læses ikke; gem filen som .docx",
    ".odt": "OpenDocument-filer læses ikke; gem filen som .docx",
    **dict.fromkeys((".xls", ".xlsx", ".ods"), "regneark læses ikke"),
    **dict.fromkeys((".ppt", ".pptx", ".odp"), "præsentationer læses ikke"),
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".ico", ".heic"),
        "billedfiler indeholder ingen tekst at læse",
    ),
    **dict.fromkeys(
        (".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".jar"),
        "arkiver læses ikke; pak filerne ud først",
    ),
    **dict.fromkeys(
        (".mp3", ".mp4", ".wav", ".mov", ".avi", ".m4a", ".ogg", ".webm"),
        "lyd og video indeholder ingen tekst at læse",
    ),
    **dict.fromkeys(
        (".exe", ".dll", ".so", ".dylib", ".bin", ".class", ".pyc", ".o", ".a", ".wasm"),
        "programfiler læses ikke",
    ),
    **dict.fromkeys(
        (".ttf", ".otf", ".woff", ".woff2", ".sqlite", ".db", ".iso", ".dmg", ".msg"),
        "binære filer læses ikke",
    ),
}

# charset-normalizer's names for the encodings Danish text is plausibly saved in.
_WESTERN: dict[str, str] = {"cp1252": "cp1252", "latin_1": "latin-1", "iso8859_15": "iso8859-15"}
# How much more "chaos" than the detector's favourite a Western candidate may show.
_CHAOS_SLACK = 0.1
# Non-ASCII characters that turn up in Danish (and Faroese) prose. Mojibake
# markers such as "Ã" and "Â" are deliberately absent.
_DANISH_EXTRA = frozenset(
    "æøåÆØÅéÉèÈáÁàÀüÜöÖäÄóÓíÍúÚýÝñÑçÇëËêÊôÔîÎûÛïÏßðÐþÞ"
    "«»–—‘’‚“”„…•€§°½¼¾·´×÷©®™²³µ¹±£¤¢¥\u00a0\u00ad"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Decoded:
    """A decoded file: the text exactly as stored (newlines untouched) and how it was stored."""

    text: str
    encoding: str
    bom: bool
    newline: str
    byte_order: str = ""  # "little" or "big" for UTF-16, whose codec name does not say


def binary_reason(
    path: str, data: bytes, *, by_name: bool = True, sniff: bool = True
) -> str | None:
    """Why `data` is not text kommunsk reads, or None; the extension decides before the bytes do.

    A NUL byte near the start is the classic sign of a binary file (git uses the
    same test); UTF-16 text has NULs too, but announces itself with a BOM.
    """
    reason = _BINARY_TYPES.get(PurePath(path).suffix.lower()) if by_name else None
    if reason is not None:
        return reason
    announced = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if sniff and not announced and b"\x00" in data[:SNIFF_BYTES]:
        return "binær fil (indeholder NUL-bytes)"
    return None


def decode(data: bytes, path: str) -> Decoded:
    """Decode `data` without translating newlines; ReadError when the encoding is uncertain."""
    text, encoding, bom = _decode(data, path)
    if "\x00" in text:
        raise _unsure(path)
    order = (
        "" if encoding != "utf-16" else "big" if data.startswith(codecs.BOM_UTF16_BE) else "little"
    )
    return Decoded(text, encoding, bom, dominant_newline(text), order)


def encode(text: str, encoding: str, *, bom: bool, byte_order: str = "") -> bytes:
    """`text` stored the way its file was: the same encoding, byte order and byte order mark.

    Raises UnicodeEncodeError when a character has no place in the encoding (cp1252 has no "ő").
    """
    if encoding == "utf-16":
        big = byte_order == "big"
        mark = codecs.BOM_UTF16_BE if big else codecs.BOM_UTF16_LE
        return mark + text.encode("utf-16-be" if big else "utf-16-le")
    if encoding == "utf-8-sig" or (bom and encoding == "utf-8"):
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)


def dominant_newline(text: str) -> str:
    """'\\r\\n' when most line endings are CRLF, else '\\n' (so rewrites keep the file's style)."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf > text.count("\n") - crlf else "\n"


def _decode(data: bytes, path: str) -> tuple[str, str, bool]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig", path), "utf-8-sig", True
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16", True
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    text, encoding = _detect(data, path)
    return text, encoding, False


def _strict(data: bytes, encoding: str, path: str) -> str:
    """A file that announces its encoding with a BOM must honour it; anything else is corrupt."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _unsure(path) from error


def _detect(data: bytes, path: str) -> tuple[str, str]:
    """Ask charset-normalizer, but accept only a Western encoding whose text looks Danish.

    The detector's favourite is often a Central European code page for short
    Danish texts ("på" and "ĺ" share a byte), so its ranking is a filter, not an answer.
    """
    from charset_normalizer import from_bytes  # lazy: only for files that are not UTF-8

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise _unsure(path)
    for match in results:
        # Encodings that decode these bytes identically are folded into one match.
        names = [_WESTERN[n] for n in match.could_be_from_charset if n in _WESTERN]
        if not names or match.chaos > best.chaos + _CHAOS_SLACK:
            continue
        name = "cp1252" if "cp1252" in names else names[0]
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if looks_danish(text):
            return text, name
    raise _unsure(path)


def looks_danish(text: str) -> bool:
    """True when `text` could be Danish prose: no control characters, only familiar accents.

    Cyrillic or Greek bytes read as Windows-1252 become runs of accented Latin
    letters; the share of non-ASCII letters gives them away.
    """
    if _CONTROL.search(text):
        return False
    letters = 0
    foreign = 0
    for char in text:
        if char.isascii():
            letters += char.isalpha()
            continue
        if char not in _DANISH_EXTRA:
            return False
        if char.isalpha():
            letters += 1
            foreign += 1
    return letters < 20 or foreign <= letters // 4


def _unsure(path: str) -> ReadError:
    return ReadError(f"kunne ikke afgøre tegnsættet i {shown(path)}; gem filen som UTF-8")
