"""PDF reader: pypdf extracts each page's lines; findings give the page and the line on it.

The Document's text is the extracted lines of every page, page after page, and
`Document.page_starts` holds the line each page begins on, so the engine can turn a line into
"page P, line L". Running headers and footers (a line among the first or last two of a page
that recurs, digits aside, on most pages) are blanked, keeping the line count, so their words
are never read as the author's.

Structure comes from the geometry pypdf reports to a text visitor: lines set larger than the
body text are headings (the largest size is level 1), a short bold line on its own is a
heading below those, a wider gap or a change of size or weight starts a new paragraph, and a
line starting with a bullet or "1." starts a list item. Where pypdf reports no usable
geometry, paragraphs end at a line that ends a sentence. A paragraph cut by the end of a page
goes on at the top of the next, and a block's line breaks read as spaces: they are where the
page wrapped, not the author's breaks.
"""
from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

from ..document import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from ..errors import ReadError
from .common import one_line

_BULLET = re.compile(
    r"^(\s*)([-*\u2022\u25cf\u25aa\u25e6\u2013\u2043\u2219\uf0b7\uf0a7]|\(?[0-9a-z]{1,2}[.)])"
    r"\s+(?=\S)")
_TERMINAL = (".", "!", "?", ":", ";")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@dataclass
class _Line:
    text: str
    size: float | None = None   # effective font size, in points
    y: float | None = None      # baseline height on the page
    bold: bool = False


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


@contextmanager
def _quiet():
    """pypdf logs every oddity of a damaged file as a warning; the user sees one line."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _open(data: bytes):
    if b"%PDF-" not in data[:1024]:
        raise ReadError("not a PDF file (no %PDF- header)")
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:
        raise ReadError(f"not a valid PDF ({_reason(exc)})") from None
    if encrypted:
        try:
            opened = reader.decrypt("")   # restrictions only, with an empty user password
        except Exception as exc:   # e.g. AES without a crypto library installed
            raise ReadError(f"encrypted PDF that cannot be opened ({_reason(exc)})") from None
        if not opened:
            raise ReadError("the PDF is password-protected")
    return reader


def _geometry(chunks, line_count: int) -> list[tuple[float, float, bool] | None]:
    """(size, y, bold) of each output line, from the visitor's chunks."""
    found: list[list] = [[] for _ in range(line_count)]
    index = 0
    for text, cm, tm, font, size in chunks:
        for part_no, part in enumerate(text.split("\n")):
            if part_no:
                index += 1
            if not part.strip() or index >= line_count:
                continue
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont", "")) if hasattr(font, "get") else ""
            found[index].append((round((size or 0) * (scale or 1), 1), y,
                                 bool(_BOLD.search(name)), len(part.strip())))
    result: list[tuple[float, float, bool] | None] = []
    for parts in found:
        if not parts:
            result.append(None)
            continue
        result.append((max(p[0] for p in parts), parts[0][1], all(p[2] for p in parts)))
    return result


def _page_lines(page, number: int) -> list[_Line]:
    chunks: list = []
    try:
        text = page.extract_text(
            visitor_text=lambda t, cm, tm, font, size: chunks.append((t, cm, tm, font, size)))
    except Exception as exc:
        raise ReadError(f"cannot extract the text of page {number} ({_reason(exc)})") from None
    raw = text.split("\n")
    usable = "".join(chunk[0] for chunk in chunks) == text
    geometry = _geometry(chunks, len(raw)) if usable else [None] * len(raw)
    lines = []
    for line, geo in zip(raw, geometry):
        line = one_line(line).rstrip()
        if geo and geo[0] > 0:
            lines.append(_Line(line, geo[0], geo[1], geo[2]))
        else:
            lines.append(_Line(line))
    return lines


def _running_key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text).split()).casefold()


# Headers and footers are titles, dates and page numbers: short, and never a sentence.
_MAX_RUNNING_WORDS = 12


def _may_run(text: str) -> bool:
    """Whether a line could be a running header or footer. A sentence, or a long line, is
    the author's text even when it recurs on every page: blanking it would let a document
    hide whatever it repeats at the top of its pages."""
    return not _ends_sentence(text) and len(text.split()) <= _MAX_RUNNING_WORDS


def _mark_running(pages: list[list[_Line]]) -> None:
    """Blank the header and footer lines that recur on most pages."""
    if len(pages) < 2:
        return
    edges = []
    for lines in pages:
        filled = [i for i, line in enumerate(lines) if line.text.strip()]
        edges.append(sorted(set(filled[:2] + filled[-2:])))
    counts = Counter(key for lines, indices in zip(pages, edges)
                     for key in {_running_key(lines[i].text) for i in indices
                                 if _may_run(lines[i].text)})
    repeated = {key for key, count in counts.items() if count >= 2 and count * 2 > len(pages)}
    for lines, indices in zip(pages, edges):
        for i in indices:
            if _running_key(lines[i].text) in repeated:
                lines[i].text = ""


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


class _Layout:
    """What the whole document's geometry says: body size, heading sizes, line spacing."""

    def __init__(self, lines: list[_Line]):
        weights: Counter = Counter()
        for line in lines:
            if line.size and line.text.strip():
                weights[line.size] += len(line.text)
        self.body = weights.most_common(1)[0][0] if weights else None
        gaps: dict[float, list[float]] = {}
        for before, after in zip(lines, lines[1:]):
            if before.size and before.size == after.size and before.y is not None \
                    and after.y is not None and before.y > after.y:
                gaps.setdefault(before.size, []).append(before.y - after.y)
        # The usual distance between the lines of one paragraph: the lower quartile of the
        # gaps (paragraph gaps are the larger ones), and never more than 1.5 times the size,
        # for documents whose paragraphs are mostly one line long.
        self.spacing = {size: min(sorted(values)[len(values) // 4], size * 1.5)
                        for size, values in gaps.items()}
        big = {line.size for line in lines if self._large(line) and len(line.text.split()) <= 20}
        self.levels = {size: rank + 1 for rank, size in enumerate(sorted(big, reverse=True))}

    def _large(self, line: _Line) -> bool:
        return bool(self.body and line.size and line.size > self.body * 1.15)

    def breaks(self, before: _Line, after: _Line) -> bool:
        """Does `after` start a new block?"""
        if _BULLET.match(after.text):
            return True
        if before.size is None or after.size is None or before.y is None or after.y is None:
            return _ends_sentence(before.text) and after.text.lstrip()[:1].isupper()
        if abs(before.size - after.size) > 0.5 or before.bold != after.bold:
            return True
        gap = before.y - after.y
        if gap <= 0:   # back up the page: a new column or a new text box
            return True
        usual = self.spacing.get(after.size) or after.size * 1.2
        return gap > usual * 1.3

    def continues(self, before: _Line, after: _Line) -> bool:
        """Does the first line of a page carry on the block that ended the page before?"""
        if _BULLET.match(after.text):
            return False
        if before.size is not None and after.size is not None \
                and (abs(before.size - after.size) > 0.5 or before.bold != after.bold):
            return False
        return after.text.lstrip()[:1].islower() or not _ends_sentence(before.text)

    def heading_level(self, run: list[_Line]) -> int:
        words = sum(len(line.text.split()) for line in run)
        first = run[0]
        if first.size in self.levels and len(run) <= 3 and words <= 20:
            return self.levels[first.size]
        if (first.bold and first.size is not None and not self._large(first) and len(run) <= 2
                and words <= 12 and not _ends_sentence(run[-1].text)
                and not _BULLET.match(first.text)):
            return len(self.levels) + 1
        return 0


def _blocks(lines: list[_Line], offsets: list[int], text: str,
            pages: list[range]) -> list[Block]:
    layout = _Layout(lines)
    runs: list[list[int]] = []
    for span in pages:
        carried = runs[-1] if runs else None   # the previous page's last block, if any
        current: list[int] = []
        for index in span:
            line = lines[index]
            if not line.text.strip():
                if current:
                    runs.append(current)
                current = []
                continue
            if current and layout.breaks(lines[current[-1]], line):
                runs.append(current)
                current = []
            elif not current and carried is not None:
                # The page's first words may finish the last paragraph of the page before.
                if layout.continues(lines[carried[-1]], line) \
                        and not layout.heading_level([lines[i] for i in carried]):
                    current = runs.pop()
            carried = None
            current.append(index)
        if current:
            runs.append(current)

    blocks: list[Block] = []
    for run in runs:
        first, last = lines[run[0]], lines[run[-1]]
        level = layout.heading_level([lines[i] for i in run])
        marker = _BULLET.match(first.text)
        skip = marker.end() if marker and not level else len(first.text) - len(first.text.lstrip())
        start = offsets[run[0]] + skip
        end = offsets[run[-1]] + len(last.text)   # lines are right-stripped
        # Line breaks (and blanked headers and footers) inside a block are only where the
        # page wrapped or ended: they read as spaces, keeping every position.
        body = text[start:end].replace("\n", " ")
        if not body.strip():
            continue
        if level:
            blocks.append(Block(HEADING, body, start, level=level))
        elif marker:
            blocks.append(Block(LIST_ITEM, body, start, level=1))
        else:
            blocks.append(Block(PARAGRAPH, body, start))
    return blocks


# A board paper or strategy runs to tens of pages, an annual report to a few hundred. Text
# extraction costs time and memory per page, so a longer file is refused, not read for minutes.
MAX_PAGES = 2_000


def _too_many_pages() -> ReadError:
    return ReadError(f"too large to check (more than {MAX_PAGES:,} pages)")


def _pages(reader):
    """The pages, refusing a file with too many: first by the count the file states, then
    by the pages actually found (the stated count can be false)."""
    try:   # the count the page tree states, read without loading every page to count them
        stated = int(reader.root_object["/Pages"].get("/Count", 0))
    except Exception:   # no usable count: the pages found still decide
        stated = 0
    if stated > MAX_PAGES:
        raise _too_many_pages()
    for number, page in enumerate(reader.pages, 1):
        if number > MAX_PAGES:
            raise _too_many_pages()
        yield page


def read(data: bytes, path: str) -> Document:
    with _quiet():
        reader = _open(data)
        try:
            pages = []
            for number, page in enumerate(_pages(reader), 1):
                pages.append(_page_lines(page, number))
        except ReadError:
            raise
        except Exception as exc:   # a broken page tree
            raise ReadError(f"not a valid PDF ({_reason(exc)})") from None
    if not any(line.text.strip() for lines in pages for line in lines):
        raise ReadError("the PDF has no text to read (a scanned image? run OCR on it first)")
    _mark_running(pages)

    lines: list[_Line] = []
    offsets: list[int] = []
    spans: list[range] = []
    page_starts: list[int] = []
    offset = 0
    for page in pages:
        page_starts.append(len(lines) + 1)
        spans.append(range(len(lines), len(lines) + len(page)))
        for line in page:
            lines.append(line)
            offsets.append(offset)
            offset += len(line.text) + 1
    text = "\n".join(line.text for line in lines)
    blocks = _blocks(lines, offsets, text, spans)
    return Document(path=path, text=text, format="pdf", blocks=tuple(blocks),
                    page_starts=tuple(page_starts))
