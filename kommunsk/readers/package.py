"""A Word file's zip package, opened defensively: sizes checked before anything is unpacked.

A .docx is a zip of XML parts. A hostile one can be a zip bomb (3.8 MB that
unpacks to 1.1 GB of XML), can declare XML entities that expand without end,
or can be no zip at all: an encrypted Word file and the old .doc format are
OLE compound files. Everything is checked against the zip directory first,
only the parts the reader needs are unpacked (never images), and XML is
parsed with entities, DTDs and network access off.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any

from kommunsk.errors import ReadError
from kommunsk.readers.document import shown

# At most this much unpacked in all, as the zip directory declares it.
MAX_UNPACKED = 100_000_000
# A part that unpacks to more than RATIO_FLOOR bytes may be at most MAX_RATIO times its
# packed size; real Word XML packs 5-20 times, zip bombs hundreds or thousands of times.
MAX_RATIO = 100
RATIO_FLOOR = 1_000_000
MAX_PARTS = 10_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_CONTENT_TYPES = "[Content_Types].xml"
_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
MACROS = (
    "filen indeholder makroer (.docm); gem den i Word som 'Word-dokument (*.docx)' uden makroer"
)


def damaged(path: str, why: str = "filen er beskadiget") -> ReadError:
    """The one-line error for a Word file that cannot be read."""
    return ReadError(f"kan ikke læse Word-filen {shown(path)}: {why}")


class Package:
    """The parts of an opened .docx, unpacked on demand within the limits."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        if data.startswith(OLE_MAGIC):
            raise damaged(path, _ole_reason(data))
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
            raise damaged(path, "filen er beskadiget (ikke en gyldig zip-fil)") from error
        _check_directory(infos, path)
        self.names = {info.filename: info for info in infos}
        self._refuse_macros()

    def xml(self, name: str) -> Any:
        """The root element of part `name` (without a leading "/"), parsed safely."""
        info = self.names.get(name)
        if info is None:
            raise damaged(self.path, f"delen {name} mangler")
        try:
            with self.archive.open(info) as handle:
                data = handle.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise damaged(self.path, f"delen {name} kan ikke pakkes ud") from error
        if len(data) > info.file_size:
            raise damaged(self.path, f"delen {name} er større end zip-kataloget angiver")
        return parse_xml(data, self.path, name)

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """The relationships of `part` ("" for the package): id -> (type, target part name)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self.names:
            return {}
        found: dict[str, tuple[str, str]] = {}
        for element in self.xml(rels).iter(_RELATIONSHIPS):
            if element.get("TargetMode") == "External":
                continue
            target = element.get("Target", "")
            joined = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
            found[element.get("Id", "")] = (
                element.get("Type", ""),
                posixpath.normpath(joined.lstrip("/")),
            )
        return found

    def _refuse_macros(self) -> None:
        """A macro-enabled document (.docm, even named .docx) is refused: it is not a plain .docx."""
        if _CONTENT_TYPES not in self.names:
            return
        for override in self.xml(_CONTENT_TYPES).iter(_OVERRIDE):
            if "macroenabled" in override.get("ContentType", "").lower():
                raise damaged(self.path, MACROS)

    def main_part(self) -> str:
        """The name of the main document part (word/document.xml in every Word file seen)."""
        for kind, target in self.relationships("").values():
            if kind.endswith(_OFFICE_DOCUMENT):
                return target
        return "word/document.xml"


def _ole_reason(data: bytes) -> str:
    """Why an OLE compound file is not a .docx: a password, or an older Office format."""
    if _ENCRYPTED in data:
        return "filen er beskyttet med adgangskode; fjern adgangskoden i Word, og gem den igen"
    return "filen er i det gamle Word-format (.doc) eller et andet Office-format; gem den som .docx"


def _check_directory(infos: list[zipfile.ZipInfo], path: str) -> None:
    """Refuse a zip bomb from its directory alone: too many parts, too large, packed too tightly."""
    if len(infos) > MAX_PARTS:
        raise damaged(path, f"filen har {len(infos):,} dele; grænsen er {MAX_PARTS:,}")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED:
        raise damaged(
            path,
            f"udpakket fylder filen {_bytes(total)} bytes; grænsen er {_bytes(MAX_UNPACKED)} bytes",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise damaged(
                path,
                f"delen {info.filename} pakkes {ratio:,.0f} gange ud (grænsen er {MAX_RATIO}); "
                "filen ligner en zip-bombe",
            )


def _bytes(count: int) -> str:
    """A byte count with Danish thousands separators."""
    return f"{count:,}".replace(",", ".")


def parse_xml(data: bytes, path: str, name: str) -> Any:
    """Parse one part with entities, DTDs and the network off; a DOCTYPE is refused outright."""
    # lazy: lxml is loaded only when a Word file is read
    from lxml import etree  # type: ignore[import-untyped]

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise damaged(path, f"delen {name} er ikke gyldig XML") from error
    if root is None or root.getroottree().docinfo.doctype:
        raise damaged(path, f"delen {name} indeholder en DTD, hvad Word-filer aldrig gør")
    return root
