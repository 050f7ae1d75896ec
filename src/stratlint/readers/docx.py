"""Word (.docx) reader: python-docx gives the body's paragraphs and tables, in order.

A Word file has no lines of its own, so the Document's text is synthetic: one line for each
paragraph of the body and each table cell, in reading order (empty paragraphs count too).
A finding on line N is therefore on paragraph N, counting cells as paragraphs.

Headings come from the heading styles ("Title", "Heading 1" ... "Heading 9", or a style based
on one, or an outline level); when the document uses "Title", it is level 1 and "Heading N" is
level N + 1, as "#" and "## " are in Markdown. Many strategies are typed without heading
styles: a short paragraph that is all bold and not a sentence ("3. Infrastructure") is a
heading too, its level read from its number. List paragraphs are those with a "List ..."
style, Word numbering, or a typed bullet ("\u2022 ", "- "). A table's first row is its header.
"Quote" styles are quoted text, and a table of contents is not read as prose.
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
# A bold paragraph read as a heading: a few words, not a sentence or a "Label: text" line.
_BOLD_HEADING_WORDS = 12
_NUMBERED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
_TYPED_BULLET = re.compile(r"^\s*[\u2022\u25cf\u25aa\u25e6\-\u2013*]\s+(?=\S)")


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
        _check_package(data)
        document = docx.Document(io.BytesIO(data))
    except ReadError:
        raise
    except Exception as exc:   # BadZipFile, missing parts, wrong content type, bad XML
        raise ReadError(f"not a valid Word .docx file ({_reason(exc)})") from None
    paragraphs = sum(1 for _ in document.element.body.iter(_qn("w:p")))
    if paragraphs > MAX_PARAGRAPHS:
        raise ReadError(f"too large to check ({paragraphs:,} paragraphs and table cells; the "
                        f"limit is {MAX_PARAGRAPHS:,})")
    return document


# A zip's directory says how large each part is once unpacked, and Python's zipfile never
# unpacks more than that, so checking the directory first bounds the work: a 341 KB file
# that unpacks to gigabytes is refused before anything is unpacked.
MAX_UNPACKED = 256 * 1024 * 1024    # the whole package, pictures included
MAX_XML_PART = 32 * 1024 * 1024     # one XML part (the body of a long strategy is ~1 MB)
# A strategy has hundreds of paragraphs; beyond this a file is a data dump, and reading it
# would take longer than a CI check should.
MAX_PARAGRAPHS = 20_000
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"),
                "<!DOCTYPE".encode("utf-16-be"))


def _check_package(data: bytes) -> None:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = package.infolist()
        total = sum(part.file_size for part in parts)
        if total > MAX_UNPACKED:
            raise ReadError(f"too large to check (unpacks to {total / 1e6:,.0f} MB; the limit "
                            f"is {MAX_UNPACKED / 1e6:,.0f} MB)")
        for part in parts:
            if not part.filename.lower().endswith((".xml", ".rels")):
                continue
            if part.file_size > MAX_XML_PART:
                raise ReadError(f"too large to check ({part.filename} unpacks to "
                                f"{part.file_size / 1e6:,.0f} MB; the limit is "
                                f"{MAX_XML_PART / 1e6:,.0f} MB)")
            content = package.read(part)
            # Word never writes a DTD. The XML parser leaves declared entities unexpanded
            # (no entity bombs), but the text after each would then be lost in silence.
            if any(marker in content for marker in _DTD_MARKERS):
                raise ReadError(f"{part.filename} declares a DTD or entities, which Word never "
                                "writes; save the document again from Word")


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


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


def _style_heading_level(styles) -> int:
    """_TITLE, a heading level, or 0 for body text, as the paragraph's styles say."""
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


def _style_list_level(styles) -> int:
    for style in styles:
        name = (style.name or "").strip()
        if "list" in name.lower() and name.lower() != "no list":
            match = _TRAILING_DIGIT.search(name)
            return int(match.group(1)) if match else 1
        level = _numbering_level(style.element)
        if level is not None:
            return level
    return 0


def _bold_heading_level(paragraph, style_bold: bool) -> int:
    """The level of a paragraph typed as a heading in bold Normal text, or 0."""
    text = paragraph.text.strip()
    words = text.split()
    if not words or len(words) > _BOLD_HEADING_WORDS or text[-1] in ".,;!" \
            or ":" in text.rstrip(":") or _TYPED_BULLET.match(text):
        return 0
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs or not all(run.bold or (run.bold is None and style_bold) for run in runs):
        return 0
    numbered = _NUMBERED.match(text)
    return numbered.group(1).count(".") + 1 if numbered else 1


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


def _bold_style(style) -> bool:
    try:
        return bool(style.font.bold)
    except Exception:   # a style without run properties
        return False


def _cell_text(cell) -> str:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    return " ".join(Paragraph(p, cell).text for p in cell._tc.iter(qn("w:p")))


def read(data: bytes, path: str) -> Document:
    from docx.table import Table

    document = _open(data)
    # (line, kind, options) records first: heading levels depend on whether "Title" is used.
    records: list[tuple[str, str | None, dict]] = []
    style_chains: dict[str | None, tuple[list[str], int, int]] = {}
    row_id = -1
    for item in _body_items(document.element.body, document._body):
        if isinstance(item, Table):
            held: list = []   # the cells' XML elements, held so that their ids stay unique
            seen: set[int] = set()
            for row_index, row in enumerate(item.rows):
                row_id += 1
                col = -1
                for cell in row.cells:
                    if id(cell._tc) in seen:   # merged cells: read once
                        continue
                    held.append(cell._tc)
                    seen.add(id(cell._tc))
                    col += 1
                    records.append((_cell_text(cell), TABLE_CELL,
                                    {"row": row_id, "col": col, "header": row_index == 0}))
            continue
        # Looking a style up walks every style in the file: once per style, not per paragraph.
        style_id = item._p.style
        if style_id not in style_chains:
            chain = list(_styles(item))
            style_chains[style_id] = ([(s.name or "").strip().lower() for s in chain],
                                      _style_heading_level(chain), _style_list_level(chain),
                                      any(_bold_style(s) for s in chain))
        names, style_heading, style_list, style_bold = style_chains[style_id]
        if any(name.startswith("toc") for name in names):
            records.append((item.text, None, {}))   # a table of contents entry
            continue
        level = _outline_level(item._p) or style_heading
        if level:
            records.append((item.text, HEADING, {"level": level}))
            continue
        depth = _numbering_level(item._p)
        depth = style_list if depth is None else depth
        quoted = any(name in _QUOTE_STYLES for name in names)
        typed = _TYPED_BULLET.match(item.text)
        if depth:
            records.append((item.text, LIST_ITEM, {"level": depth, "quoted": quoted}))
        elif typed:   # the bullet is typed, not Word's: the item starts after it
            records.append((item.text, LIST_ITEM, {"level": 1, "quoted": quoted,
                                                   "skip": typed.end()}))
        elif not quoted and (level := _bold_heading_level(item, style_bold)):
            records.append((item.text, HEADING, {"level": level}))
        else:
            records.append((item.text, PARAGRAPH, {"quoted": quoted}))

    shift = 1 if any(kind == HEADING and opts["level"] == _TITLE
                     for _text, kind, opts in records) else 0
    lines: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for raw, kind, options in records:
        line = one_line(raw)
        skip = options.pop("skip", 0)
        span = trimmed(line[skip:], offset + skip) if kind else None
        if span:
            if kind == HEADING:
                level = options["level"]
                options = {"level": 1 if level == _TITLE else level + shift}
            blocks.append(Block(kind, span[1], span[0], **options))
        lines.append(line)
        offset += len(line) + 1
    if not blocks:   # never "no problems found" for a document nobody could read
        raise ReadError("no readable text (no paragraph or table cell holds any words)")
    return Document(path=path, text="\n".join(lines), format="docx", blocks=tuple(blocks))
