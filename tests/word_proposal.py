"""A realistic proposal to a municipality as a .docx, built with python-docx and lxml.

It has what real proposals have: headings, a bulleted list, a table with a
table nested in a cell, a header and a footer, a footnote, a text box (as Word
writes it: a DrawingML shape with a VML copy for older programs), a hyperlink,
a word spread over two runs with different formatting ("stake" bold +
"holders"), and tracked changes someone already made (a deletion and an
insertion). The jargon in it is chosen so each kind of place holds a finding.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

HEADER = "Tilbud om onboarding"
FOOTER = "Kontakt jeres key account manager."
FOOTNOTE = "Vores stakeholders er beskrevet i bilag 1."
TEXT_BOX = "Vores stakeholders er glade for et hurtigt setup."
CELL = "Kortlægning af stakeholders i forvaltningen"
NESTED = "Vi laver en customer journey."

# The text kommunsk reads, paragraph by paragraph, and where a Word user finds each one.
PARAGRAPHS = [
    ("Indledning", "Indledning"),
    ("Vi glæder os til samarbejdet.", "Indledning › afsnit 1"),
    ("Prisen dækker de løbende omkostninger.", "Indledning › afsnit 2"),
    ("Økonomi", "Økonomi"),
    ("Prisen er fast.", "Økonomi › afsnit 1"),
    ("Vores stakeholders får en fast pris.", "Økonomi › afsnit 2"),
    ("Vi laver en customer journey for hver målgruppe.", "Økonomi › afsnit 3"),
    ("Vores go-to-market er enkel.", "Økonomi › afsnit 4"),
    ("Se vores customer journey på nettet.", "Økonomi › afsnit 5"),
    ("Der er en fodnote her.", "Økonomi › afsnit 6"),
    ("Se tekstboksen.", "Økonomi › afsnit 7"),
    (TEXT_BOX, "Økonomi › afsnit 7 › tekstboks 1 › afsnit 1"),
    ("Vi har nye stakeholders på plads.", "Økonomi › afsnit 8"),
    ("Plan", "Plan"),
    ("Aktivitet", "Plan › tabel 1, række 1, celle 1 › afsnit 1"),
    ("Beskrivelse", "Plan › tabel 1, række 1, celle 2 › afsnit 1"),
    ("Analyse", "Plan › tabel 1, række 2, celle 1 › afsnit 1"),
    (CELL, "Plan › tabel 1, række 2, celle 2 › afsnit 1"),
    (NESTED, "Plan › tabel 1, række 2, celle 2 › tabel 1, række 1, celle 1 › afsnit 1"),
    ("", "Plan › tabel 1, række 2, celle 2 › afsnit 1"),
    ("Afslutning.", "Plan › afsnit 1"),
    (HEADER, "sidehoved › afsnit 1"),
    (FOOTER, "sidefod › afsnit 1"),
    (f" {FOOTNOTE}", "fodnote 1 › afsnit 1"),
]


def copy_of(
    folder: Path, output: str, write: Callable[[str, str], object]
) -> tuple[Path, Path, object]:
    """Build the proposal in `folder`, let `write` make its copy `output`, and check that the
    original was not touched: (original, copy, what `write` returned)."""
    source = build(folder / "tilbud.docx")
    before = source.read_bytes()
    result = write(str(source), str(folder / output))
    assert source.read_bytes() == before  # the original is never written
    return source, folder / output, result


def build(path: Path) -> Path:
    """Write the proposal to `path` and return it."""
    word = docx.Document()
    section = word.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = FOOTER
    word.add_heading("Indledning", level=1)
    word.add_paragraph("Vi glæder os til samarbejdet.")
    word.add_paragraph("Prisen dækker de løbende omkostninger.")
    word.add_heading("Økonomi", level=1)
    word.add_paragraph("Prisen er fast.")
    split = word.add_paragraph("Vores ")
    split.add_run("stake").bold = True
    split.add_run("holders")
    split.add_run(" får en fast pris.")
    word.add_paragraph("Vi laver en customer journey for hver målgruppe.", style="List Bullet")
    word.add_paragraph("Vores go-to-market er enkel.", style="List Bullet")
    _hyperlink(word, word.add_paragraph("Se vores "), "customer journey", "https://example.dk")
    _footnote(word, word.add_paragraph("Der er en fodnote her."), FOOTNOTE)
    _text_box(word.add_paragraph("Se tekstboksen."), TEXT_BOX)
    _revisions(word.add_paragraph("Vi har "))
    word.add_heading("Plan", level=1)
    table = word.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for (row, column), text in {
        (0, 0): "Aktivitet",
        (0, 1): "Beskrivelse",
        (1, 0): "Analyse",
        (1, 1): CELL,
    }.items():
        table.cell(row, column).text = text
    table.cell(1, 1).add_table(rows=1, cols=1).cell(0, 0).text = NESTED
    word.add_paragraph("Afslutning.")
    word.save(str(path))
    return path


def _hyperlink(word: docx.document.Document, paragraph: object, text: str, url: str) -> None:
    rel_id = word.part.relate_to(url, RT.HYPERLINK, is_external=True)
    paragraph._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:hyperlink {NAMESPACES} r:id="{rel_id}"><w:r><w:rPr><w:color w:val="0563C1"/>'
            f'<w:u w:val="single"/></w:rPr><w:t>{text}</w:t></w:r></w:hyperlink>'
        )
    )
    paragraph.add_run(" på nettet.")  # type: ignore[attr-defined]


def _footnote(word: docx.document.Document, paragraph: object, text: str) -> None:
    notes = (
        f"<w:footnotes {NAMESPACES}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, notes.encode(), word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:r {NAMESPACES}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )


def _text_box(paragraph: object, text: str) -> None:
    content = f'<w:txbxContent><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:txbxContent>'
    paragraph._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:r {NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
            'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="4000000" cy="700000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            '<wp:wrapTopAndBottom/><wp:docPr id="10" name="Tekstboks 1"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
            '<a:ext cx="4000000" cy="700000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
            f"<wps:txbx>{content}</wps:txbx>"
            '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" '
            'bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
            "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            '<mc:Fallback><w:pict><v:shape id="Tekstboks 1" o:spid="_x0000_s1026" type="#_x0000_t202" '
            'style="position:absolute;width:315pt;height:55pt">'
            f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )


def _revisions(paragraph: object) -> None:
    """ "Vi har " + deleted "gamle " + inserted "nye stakeholders " + "på plads."."""
    paragraph._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:del {NAMESPACES} w:id="901" w:author="Kollega" w:date="2026-11-30T10:00:00Z">'
            '<w:r><w:delText xml:space="preserve">gamle </w:delText></w:r></w:del>'
        )
    )
    paragraph._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:ins {NAMESPACES} w:id="902" w:author="Kollega" w:date="2026-11-30T10:00:00Z">'
            '<w:r><w:t xml:space="preserve">nye stakeholders </w:t></w:r></w:ins>'
        )
    )
    paragraph.add_run("på plads.")  # type: ignore[attr-defined]


# --- reading the output back ---

W = f"{{{W_NS}}}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_HIDDEN = {f"{W}txbxContent", f"{MC}Fallback"}


def part(path: Path, name: str) -> object:
    """The root element of one part of a .docx."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def _visible(element: object, boxes: bool = False) -> bool:
    """Not inside a text box (unless `boxes`) or a shape's fallback copy."""
    hidden = _HIDDEN - {f"{W}txbxContent"} if boxes else _HIDDEN
    parent = element.getparent()  # type: ignore[attr-defined]
    while parent is not None:
        if parent.tag in hidden:
            return False
        parent = parent.getparent()
    return True


def anchored(root: object) -> list[str]:
    """The text between each commentRangeStart and its commentRangeEnd, in document order."""
    texts: dict[str, str] = {}
    order: list[str] = []
    open_ids: set[str] = set()
    for element in root.iter():  # type: ignore[attr-defined]
        if element.tag == f"{W}commentRangeStart":
            comment = element.get(f"{W}id")
            texts[comment] = ""
            order.append(comment)
            open_ids.add(comment)
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        elif element.tag == f"{W}t" and _visible(element):
            for comment in open_ids:
                texts[comment] += element.text or ""
    return [texts[c] for c in order]


def comment_ids(root: object) -> list[str]:
    """The ids of the comment ranges, in document order."""
    return [e.get(f"{W}id") for e in root.iter(f"{W}commentRangeStart")]  # type: ignore[attr-defined]


def comment_texts(path: Path) -> dict[str, str]:
    """Comment id -> (author, initials, text) as python-docx reads the comments back."""
    return {
        str(c.comment_id): f"{c.author}|{c.initials}|{c.text}"
        for c in docx.Document(str(path)).comments
    }


def revisions(
    root: object, author: str = "kommunsk", *, boxes: bool = False
) -> list[tuple[str, str]]:
    """("del", text) and ("ins", text) of `author`'s tracked changes, in document order
    (with `boxes`, those in text boxes too)."""
    found = []
    for element in root.iter(f"{W}del", f"{W}ins"):  # type: ignore[attr-defined]
        if element.get(f"{W}author") != author or not _visible(element, boxes):
            continue
        tag = "delText" if element.tag == f"{W}del" else "t"
        text = "".join(t.text or "" for t in element.iter(f"{W}{tag}"))
        found.append(("del" if tag == "delText" else "ins", text))
    return found
