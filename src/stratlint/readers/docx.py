"""Word (.docx) reader: python-docx gives the body's paragraphs and tables, in order.

A Word file has no lines of its own, so the Document's text is synthetic: one line for each
paragraph of the body and each table cell, in reading order (empty paragraphs count too).
A finding on line N is therefore on paragraph N, counting cells as paragraphs.

Headings come from the heading styles ("Title", "Heading 1" ... "Heading 9", or a style based
on one, or an outline level); when the document uses "Title", it is level 1 and "Heading N" is
level N + 1, as "#" and "## " are in Markdown. List paragraphs are those with a "List ..."
style or Word numbering. A table's first row is its header. "Quote" styles are quoted text,
and a table of contents is not read as prose.
"""
from __future__ import annotations

import io
import re

from ..document import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document
from ..errors import ReadError
from .common import one_line, trimmed

# Office writes password-protected files (and old .doc files) as OLE compound files.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_TRAILING_DIGIT = re.compile(r"\s([1-9])$")
_QUOTE_STYLES = frozenset({"quote", "intense quote"})
_TITLE = -1   # the outline level of the "Title" style


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


def _open(data: bytes):
    if data.startswith(_OLE_MAGIC):
        raise ReadError("not a .docx package: a password-protected Word file or an old .doc;"
                        " save it as a .docx without a password")
    if not data.startswith(b"PK"):
        raise ReadError("not a Word .docx file (it is not a zip package)")
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:   # BadZipFile, missing parts, wrong content type, bad XML
        raise ReadError(f"not a valid Word .docx file ({_reason(exc)})") from None


def _styles(paragraph):
    """The paragraph's style and the styles it is based on, nearest first."""
    try:
        style = paragraph.style
    except Exception:   # a dangling style reference
        return
    for _ in range(12):   # base_style chains are short; never loop on a cycle
        if style is None:
            return
        yield style
        style = style.base_style


def _ppr_child(element, name: str):
    from docx.oxml.ns import qn

    ppr = element.find(qn("w:pPr")) if element is not None else None
    return ppr.find(qn(f"w:{name}")) if ppr is not None else None


def _val(element) -> str | None:
    from docx.oxml.ns import qn

    return element.get(qn("w:val")) if element is not None else None


def _outline_level(element) -> int | None:
    value = _val(_ppr_child(element, "outlineLvl"))
    if value is not None and value.isdigit() and int(value) < 9:
        return int(value) + 1
    return None


def _heading_level(paragraph, styles) -> int:
    """_TITLE, a heading level, or 0 for body text."""
    direct = _outline_level(paragraph._p)
    if direct:
        return direct
    for style in styles:
        name = (style.name or "").strip()
        if name.lower() == "title":
            return _TITLE
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        level = _outline_level(style.element)
        if level:
            return level
    return 0


def _numbering_level(element) -> int | None:
    """ilvl + 1 when the paragraph (or style) element is numbered, 0 when numbering is
    switched off (numId 0), None when it says nothing."""
    from docx.oxml.ns import qn

    num_pr = _ppr_child(element, "numPr")
    if num_pr is None:
        return None
    if _val(num_pr.find(qn("w:numId"))) == "0":
        return 0
    ilvl = _val(num_pr.find(qn("w:ilvl")))
    return int(ilvl) + 1 if ilvl and ilvl.isdigit() else 1


def _list_level(paragraph, styles) -> int:
    direct = _numbering_level(paragraph._p)
    if direct is not None:
        return direct
    for style in styles:
        name = (style.name or "").strip()
        if "list" in name.lower() and name.lower() != "no list":
            match = _TRAILING_DIGIT.search(name)
            return int(match.group(1)) if match else 1
        level = _numbering_level(style.element)
        if level is not None:
            return level
    return 0


def _body_items(element, parent):
    """Paragraphs and tables in document order, looking inside content controls."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_items(content, parent)


def _cell_text(cell) -> str:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    return " ".join(Paragraph(p, cell).text for p in cell._tc.iter(qn("w:p")))


def read(data: bytes, path: str) -> Document:
    from docx.table import Table

    document = _open(data)
    # (line, kind, options) records first: heading levels depend on whether "Title" is used.
    records: list[tuple[str, str | None, dict]] = []
    row_id = -1
    for item in _body_items(document.element.body, document._body):
        if isinstance(item, Table):
            seen: list = []   # the cells' XML elements (held, so identity is stable)
            for row_index, row in enumerate(item.rows):
                row_id += 1
                col = -1
                for cell in row.cells:
                    if any(cell._tc is done for done in seen):   # merged cells: read once
                        continue
                    seen.append(cell._tc)
                    col += 1
                    records.append((_cell_text(cell), TABLE_CELL,
                                    {"row": row_id, "col": col, "header": row_index == 0}))
            continue
        styles = list(_styles(item))
        names = [(s.name or "").strip().lower() for s in styles]
        if any(name.startswith("toc") for name in names):
            records.append((item.text, None, {}))   # a table of contents entry
            continue
        level = _heading_level(item, styles)
        if level:
            records.append((item.text, HEADING, {"level": level}))
            continue
        depth = _list_level(item, styles)
        quoted = any(name in _QUOTE_STYLES for name in names)
        if depth:
            records.append((item.text, LIST_ITEM, {"level": depth, "quoted": quoted}))
        else:
            records.append((item.text, PARAGRAPH, {"quoted": quoted}))

    shift = 1 if any(kind == HEADING and opts["level"] == _TITLE
                     for _text, kind, opts in records) else 0
    lines: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for raw, kind, options in records:
        line = one_line(raw)
        span = trimmed(line, offset) if kind else None
        if span:
            if kind == HEADING:
                level = options["level"]
                options = {"level": 1 if level == _TITLE else level + shift}
            blocks.append(Block(kind, span[1], span[0], **options))
        lines.append(line)
        offset += len(line) + 1
    return Document(path=path, text="\n".join(lines), format="docx", blocks=tuple(blocks))
