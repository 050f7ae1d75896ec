"""Word, PDF and HTML input. Every test document is written here, by the test that reads it:
python-docx writes the .docx files, fpdf2 the PDFs, and the HTML is a string."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import docx
import fpdf
import pytest

from stratlint import lint_paths, lint_text
from stratlint.document import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Document
from stratlint.errors import ReadError
from stratlint.readers import read_path, read_text

REPO = Path(__file__).resolve().parents[2]
WEAK = REPO / "examples" / "weak-hillcrest-trust.md"
STRONG = REPO / "examples" / "strong-riverside-trust.md"
VAGUE = {"select": ["vague-language"]}
HEADER = "Riverside Community Trust - board paper, part 1"


def assert_offsets(document: Document) -> None:
    """Each block's text stands at its offset in the document text (line breaks and blanked
    running headers may read as spaces)."""
    assert document.blocks
    for block in document.blocks:
        source = document.text[block.start:block.end]
        assert len(source) == len(block.text), block
        for char, original in zip(block.text, source):
            assert char == original or char == " ", (block, char, original)


def kinds(document: Document) -> list[tuple]:
    return [(b.kind, b.level, b.title) for b in document.blocks]


# -- writing test documents -------------------------------------------------------------------

def make_docx(path: Path, items) -> Path:
    """items: (style, text) paragraphs, or ("table", rows)."""
    document = docx.Document()
    for style, content in items:
        if style == "table":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            for r, row in enumerate(content):
                for c, text in enumerate(row):
                    if text is not None:
                        table.cell(r, c).text = text
        else:
            document.add_paragraph(content, style=style)
    document.save(str(path))
    return path


def make_pdf(path: Path, pages, header: str | None = HEADER, footer: bool = True) -> Path:
    """pages: lists of (kind, text) with kind title, h (heading), p (paragraph), li (bullet),
    or "cut" (a paragraph line with no space after it: the next page carries it on)."""

    class Paper(fpdf.FPDF):
        def header(self):
            if header:
                self.set_font("Helvetica", "", 8)
                self.cell(0, 5, header, new_x="LMARGIN", new_y="NEXT")
                self.ln(3)

        def footer(self):
            if footer:
                self.set_y(-12)
                self.set_font("Helvetica", "", 8)
                self.cell(0, 5, f"Page {self.page_no()} of {{nb}}")

    pdf = Paper()
    for page in pages:
        pdf.add_page()
        previous = None
        for kind, text in page:
            size, height, style, space = {"title": (18, 9, "B", 2), "h": (14, 7, "B", 1),
                                          "p": (11, 5.5, "", 3), "li": (11, 5.5, "", 0),
                                          "cut": (11, 5.5, "", 0)}[kind]
            if previous == "li" and kind != "li":
                pdf.ln(3)   # the space after a list
            previous = kind
            pdf.set_font("Helvetica", style, size)
            pdf.multi_cell(0, height, ("- " if kind == "li" else "") + text,
                           new_x="LMARGIN", new_y="NEXT")
            pdf.ln(space)
    pdf.output(str(path))
    return path


def markdown_blocks(text: str):
    """The examples' Markdown as (kind, level, text): headings, paragraphs, bullets, tables."""
    blocks, paragraph = [], []

    def end():
        if paragraph:
            blocks.append(("p", 0, " ".join(paragraph)))
            paragraph.clear()

    for line in text.replace("**", "").splitlines():
        heading = re.match(r"^(#+)\s+(.*)", line)
        bullet = re.match(r"^\s*[-*]\s+(.*)", line)
        if not line.strip():
            end()
        elif heading:
            end()
            blocks.append(("h", len(heading.group(1)), heading.group(2)))
        elif bullet:
            end()
            blocks.append(("li", 1, bullet.group(1)))
        elif line.startswith("|"):
            end()
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if all(set(cell) <= set("-: ") for cell in cells):
                continue
            if blocks and blocks[-1][0] == "table":
                blocks[-1][2].append(cells)
            else:
                blocks.append(("table", 0, [cells]))
        else:
            paragraph.append(line.strip())
    end()
    return blocks


def markdown_to_docx(source: Path, path: Path) -> Path:
    items = []
    for kind, level, content in markdown_blocks(source.read_text(encoding="utf-8")):
        if kind == "h":
            items.append(("Title" if level == 1 else f"Heading {level - 1}", content))
        elif kind == "table":
            items.append(("table", content))
        else:
            items.append(({"li": "List Bullet", "p": None}[kind], content))
    return make_docx(path, items)


def markdown_to_pdf(source: Path, path: Path) -> Path:
    """The Markdown as a board paper; tables become rows of text, as PDFs have no tables.
    fpdf2's built-in fonts are Latin-1, so an em dash is written as a hyphen."""
    text = source.read_text(encoding="utf-8").replace("\u2014", "-")
    page = []
    for kind, level, content in markdown_blocks(text):
        if kind == "h":
            page.append(("title" if level == 1 else "h", content))
        elif kind == "table":
            page.extend(("p", "   ".join(row)) for row in content)
        else:
            page.append((kind, content))
    return make_pdf(path, [page], header="Board paper - for approval")


# -- Word -------------------------------------------------------------------------------------

WORD_ITEMS = [
    ("Title", "Riverside Digital Strategy 2025 to 2028"),
    ("Heading 1", "Our approach"),
    (None, "Patients told us that booking is hard."),
    (None, ""),
    (None, "We will leverage the shared care record."),
    ("List Bullet", "Publish waiting times every month."),
    ("List Bullet 2", "Start with outpatients."),
    ("List Number", "Review the plan every quarter."),
    ("Quote", "The NHS will harness data for everyone."),
    ("Heading 2", "Measures"),
    ("table", [["Aim", "Measure"], ["Faster booking", "90% online"], ["Shorter waits", None]]),
    (None, "Our board will harness theatre data."),
]


@pytest.fixture
def word(tmp_path):
    return make_docx(tmp_path / "strategy.docx", WORD_ITEMS)


def test_docx_headings_lists_quotes_and_tables_become_blocks(word):
    document = read_path(word)
    assert document.format == "docx"
    assert_offsets(document)
    assert kinds(document) == [
        (HEADING, 1, "Riverside Digital Strategy 2025 to 2028"),
        (HEADING, 2, "Our approach"),   # "Title" is used, so Heading 1 is level 2
        (PARAGRAPH, 0, "Patients told us that booking is hard."),
        (PARAGRAPH, 0, "We will leverage the shared care record."),
        (LIST_ITEM, 1, "Publish waiting times every month."),
        (LIST_ITEM, 2, "Start with outpatients."),
        (LIST_ITEM, 1, "Review the plan every quarter."),
        (PARAGRAPH, 0, "The NHS will harness data for everyone."),
        (HEADING, 3, "Measures"),
        (TABLE_CELL, 0, "Aim"), (TABLE_CELL, 0, "Measure"),
        (TABLE_CELL, 0, "Faster booking"), (TABLE_CELL, 0, "90% online"),
        (TABLE_CELL, 0, "Shorter waits"),
        (PARAGRAPH, 0, "Our board will harness theatre data."),
    ]
    quote = document.blocks[7]
    assert quote.quoted and not any(b.quoted for b in document.blocks if b is not quote)
    cells = [(b.text, b.row, b.col, b.header) for b in document.blocks if b.kind == TABLE_CELL]
    assert cells == [("Aim", 0, 0, True), ("Measure", 0, 1, True),
                     ("Faster booking", 1, 0, False), ("90% online", 1, 1, False),
                     ("Shorter waits", 2, 0, False)]
    # One line per paragraph or cell, the empty paragraph and the empty cell included.
    assert document.text.count("\n") + 1 == 11 + 6


def test_docx_vague_word_in_paragraph_n_is_reported_at_line_n(word):
    findings = lint_paths([word], VAGUE)
    assert [(f.line, f.column, f.excerpt, f.page) for f in findings] == [
        (5, 9, "leverage", None),     # paragraph 5: the empty paragraph 4 counts
        (17, 16, "harness", None),    # after 9 paragraphs and the table's 6 cells
    ]                                  # ("harness" in the Quote style is quoted: not flagged)


def test_docx_numbering_merged_cells_and_heading_without_title(tmp_path):
    document = docx.Document()
    document.add_paragraph("Plan", style="Heading 1")
    numbered = document.add_paragraph("A numbered paragraph in the Normal style.")
    num_pr = numbered._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 1
    num_pr.get_or_add_numId().val = 1
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Merged header"
    table.cell(0, 2).text = "Owner"
    table.cell(1, 0).text = "Book online"
    table.cell(1, 2).text = "Head of Therapies"
    path = tmp_path / "numbered.docx"
    document.save(str(path))

    doc = read_path(path)
    assert_offsets(doc)
    assert kinds(doc)[:2] == [(HEADING, 1, "Plan"),
                              (LIST_ITEM, 2, "A numbered paragraph in the Normal style.")]
    cells = [(b.text, b.row, b.col, b.header) for b in doc.blocks if b.kind == TABLE_CELL]
    assert cells == [("Merged header", 0, 0, True), ("Owner", 0, 1, True),
                     ("Book online", 1, 0, False), ("Head of Therapies", 1, 2, False)]


def test_docx_typed_headings_and_bullets_in_the_normal_style(tmp_path):
    """Strategies typed without heading or list styles: bold numbered lines are headings,
    typed bullets are list items; bold sentences and bold "Label: text" lines are not."""
    document = docx.Document()

    def typed(text, bold=False):
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = bold

    typed("3. Infrastructure", bold=True)
    typed("The council will move its servers to the cloud.")
    typed("\u2022 replacing the Wi-Fi in the council offices;")
    typed("- upgrading every laptop before support ends")
    typed("3.1 Networks", bold=True)
    typed("Our vision: modern ICT for a digital council", bold=True)
    typed("This sentence is bold but it is a sentence.", bold=True)
    path = tmp_path / "typed.docx"
    document.save(str(path))

    doc = read_path(path)
    assert_offsets(doc)
    assert kinds(doc) == [
        (HEADING, 1, "3. Infrastructure"),
        (PARAGRAPH, 0, "The council will move its servers to the cloud."),
        (LIST_ITEM, 1, "replacing the Wi-Fi in the council offices;"),
        (LIST_ITEM, 1, "upgrading every laptop before support ends"),
        (HEADING, 2, "3.1 Networks"),
        (PARAGRAPH, 0, "Our vision: modern ICT for a digital council"),
        (PARAGRAPH, 0, "This sentence is bold but it is a sentence."),
    ]


# -- PDF --------------------------------------------------------------------------------------

PDF_PAGES = [
    [("title", "Riverside Digital Strategy 2025 to 2028"),
     ("p", "Patients told us that booking is hard, so this plan starts there."),
     ("h", "Our approach"),
     ("p", "We will publish waiting times every month."),
     ("li", "Outpatient booking online by March 2026."),
     ("li", "Shorter therapy waits by March 2027."),
     ("cut", "We will put the shared care record in the hands of")],
    [("p", "district nurses by June 2026."),
     ("h", "Delivery"),
     ("p", "Our board reviews progress every quarter."),
     ("p", "We will harness theatre data by March 2026.")],
    [("h", "Risks"),
     ("p", "Our biggest risk is a cyber attack; we test our recovery every year.")],
]


@pytest.fixture
def paper(tmp_path):
    return make_pdf(tmp_path / "paper.pdf", PDF_PAGES)


def test_pdf_pages_lines_and_running_header_and_footer(paper):
    document = read_path(paper)
    assert document.format == "pdf"
    assert_offsets(document)
    assert len(document.page_starts) == 3
    text = " ".join(b.text for b in document.blocks)
    assert "board paper" not in text and "Page" not in text   # header and footer not read
    assert "board paper" not in document.text and "of 3" not in document.text
    # Every page keeps its line count: the header is line 1 of each page, blanked.
    for page, start in enumerate(document.page_starts, 1):
        assert document.page_position(start) == (page, 1)
        assert document.line_text(start) == ""
    assert kinds(document) == [
        (HEADING, 1, "Riverside Digital Strategy 2025 to 2028"),
        (PARAGRAPH, 0, "Patients told us that booking is hard, so this plan starts there."),
        (HEADING, 2, "Our approach"),
        (PARAGRAPH, 0, "We will publish waiting times every month."),
        (LIST_ITEM, 1, "Outpatient booking online by March 2026."),
        (LIST_ITEM, 1, "Shorter therapy waits by March 2027."),
        # Cut by the end of page 1, carried on at the top of page 2.
        (PARAGRAPH, 0, "We will put the shared care record in the hands of district nurses "
                       "by June 2026."),
        (HEADING, 2, "Delivery"),
        (PARAGRAPH, 0, "Our board reviews progress every quarter."),
        (PARAGRAPH, 0, "We will harness theatre data by March 2026."),
        (HEADING, 2, "Risks"),
        (PARAGRAPH, 0, "Our biggest risk is a cyber attack; we test our recovery every year."),
    ]


def test_pdf_findings_carry_page_and_line(paper):
    findings = lint_paths([paper], VAGUE)
    assert len(findings) == 1
    finding = findings[0]
    document = read_path(paper)
    # Page 2: the blanked header (1), the carried-over line (2), "Delivery" (3), the
    # paragraph (4), and then the sentence with the vague word (5).
    assert (finding.page, finding.page_line, finding.column) == (2, 5, 9)
    assert finding.line == document.page_starts[1] + 4
    assert document.line_text(finding.line) == "We will harness theatre data by March 2026."
    assert finding.to_dict()["page"] == 2 and finding.to_dict()["page_line"] == 5


def test_pdf_page_and_line_in_text_and_json_output(paper, run_cli):
    import jsonschema

    result = run_cli("check", paper, "--select", "vague-language", "--format", "text")
    assert "(page 2, line 5) Vague wording 'harness'" in result.output
    assert re.search(r"paper\.pdf:\d+:9: SL\d+ vague-language \[warning\] \(page 2, line 5\)",
                     result.output)
    result = run_cli("check", paper, "--select", "vague-language", "--format", "json")
    data = json.loads(result.output)
    schema = json.loads((REPO / "schemas" / "output.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert [(f["page"], f["page_line"]) for f in data["findings"]] == [(2, 5)]


def test_pdf_single_page_keeps_its_only_header(tmp_path):
    """A header is only 'running' when it recurs; on one page it is text like any other."""
    sentence = "We will publish the waiting times of every outpatient service each month."
    path = make_pdf(tmp_path / "one.pdf", [[("p", sentence)]], footer=False)
    document = read_path(path)
    assert document.page_starts == (1,)
    assert kinds(document) == [(PARAGRAPH, 0, HEADER), (PARAGRAPH, 0, sentence)]


# -- HTML -------------------------------------------------------------------------------------

HTML = """\
<!DOCTYPE html>
<html><head><title>Ignored title: leverage</title>
<style>p::before { content: "harness"; }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/x">Transform</a></nav>
<h1>Riverside Digital Strategy</h1>
<p>We will <strong>leverage</strong> the
shared care record &amp; publish waiting times.
<h2>What others say</h2>
<blockquote><p>The NHS will harness data for everyone.</p></blockquote>
<ul><li>Book online<li>Shorter waits <ul><li>Therapy first</li></ul></li></ul>
<table><thead><tr><th>Aim<th>Measure</thead>
<tr><td>Faster booking<td>90% online</tr></table>
<script>const word = "harness"; document.title = "leverage";</script>
<!-- stratlint-disable-next-line vague-language -->
<p>We will harness <script>var x = "leverage";</script>theatre data.</p>
<footer>Transform your world-class experience</footer>
</body></html>
"""


def test_html_blocks_skip_script_style_nav_footer_and_quote_blockquotes():
    document = read_text(HTML, "strategy.html")
    assert document.format == "html"
    assert len(document.text) == len(HTML)
    assert_offsets(document)
    assert kinds(document) == [
        (HEADING, 1, "Riverside Digital Strategy"),
        (PARAGRAPH, 0, "We will leverage the shared care record & publish waiting times."),
        (HEADING, 2, "What others say"),
        (PARAGRAPH, 0, "The NHS will harness data for everyone."),
        (LIST_ITEM, 1, "Book online"),
        (LIST_ITEM, 1, "Shorter waits"),
        (LIST_ITEM, 2, "Therapy first"),
        (TABLE_CELL, 0, "Aim"), (TABLE_CELL, 0, "Measure"),
        (TABLE_CELL, 0, "Faster booking"), (TABLE_CELL, 0, "90% online"),
        (PARAGRAPH, 0, "We will harness theatre data."),   # the script in it is not read
    ]
    assert [b.quoted for b in document.blocks].count(True) == 1 and document.blocks[3].quoted
    assert [(b.row, b.col, b.header) for b in document.blocks if b.kind == TABLE_CELL] == [
        (0, 0, True), (0, 1, True), (1, 0, False), (1, 1, False)]
    for hidden in ("Home", "Transform", "const", "content", "Ignored", "<strong>"):
        assert hidden not in document.text


def test_html_findings_point_at_the_source_and_comments_suppress():
    findings = lint_text(HTML, "strategy.html", VAGUE)
    lines = HTML.split("\n")
    # Only 'leverage' in the paragraph: the script's, the title's, the footer's and the nav's
    # words are not read, the block quote is someone else's, and the comment silences line 16.
    assert [(f.line, f.column, f.excerpt) for f in findings] == [
        (7, lines[6].index("leverage") + 1, "leverage")]


# -- Finding folders, and files that cannot be read --------------------------------------------

def test_check_folder_finds_word_pdf_and_html(tmp_path, run_cli, paper, word):
    folder = tmp_path / "strategies"
    folder.mkdir()
    word.rename(folder / "plan.docx")
    paper.rename(folder / "paper.pdf")
    (folder / "site.html").write_text(HTML, encoding="utf-8")
    (folder / "old.htm").write_text("<p>We will leverage AI.</p>", encoding="utf-8")
    result = run_cli("check", "strategies", "--select", "vague-language", "--format", "json",
                     cwd=tmp_path)
    data = json.loads(result.output)
    assert data["files_checked"] == 4
    found = Counter(Path(f["path"]).name for f in data["findings"])
    assert found == {"plan.docx": 2, "paper.pdf": 1, "site.html": 1, "old.htm": 1}


def test_corrupt_docx_and_fake_pdf_are_unreadable_and_the_rest_is_checked(tmp_path, run_cli,
                                                                          word):
    folder = tmp_path / "board"
    folder.mkdir()
    word.rename(folder / "good.docx")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this zip stops here")
    (folder / "renamed.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an old .doc")
    (folder / "notes.pdf").write_text("These are just notes, not a PDF.\n", encoding="utf-8")
    result = run_cli("check", "board", "--select", "vague-language,unreadable-file",
                     "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    unreadable = {Path(f["path"]).name: f["message"] for f in findings
                  if f["rule"] == "unreadable-file"}
    assert set(unreadable) == {"broken.docx", "renamed.docx", "notes.pdf"}
    for message in unreadable.values():
        assert "\n" not in message and message.startswith("cannot read: ")
    assert "not a PDF" in unreadable["notes.pdf"]
    assert "password-protected Word file or an old .doc" in unreadable["renamed.docx"]
    assert [f["excerpt"] for f in findings if Path(f["path"]).name == "good.docx"] == [
        "leverage", "harness"]
    assert "Traceback" not in result.output + (result.stderr or "")


def test_password_protected_and_textless_pdfs_are_unreadable(tmp_path, paper):
    from pypdf import PdfReader, PdfWriter

    locked = PdfWriter(clone_from=PdfReader(paper))
    locked.encrypt(user_password="secret", owner_password="board", algorithm="RC4-128")
    locked.write(str(tmp_path / "locked.pdf"))
    with pytest.raises(ReadError, match="password-protected"):
        read_path(tmp_path / "locked.pdf")

    # Only an owner password (printing restrictions): opened with the empty user password.
    restricted = PdfWriter(clone_from=PdfReader(paper))
    restricted.encrypt(user_password="", owner_password="board", algorithm="RC4-128")
    restricted.write(str(tmp_path / "restricted.pdf"))
    assert read_path(tmp_path / "restricted.pdf").blocks

    blank = fpdf.FPDF()
    blank.add_page()
    blank.output(str(tmp_path / "scanned.pdf"))
    with pytest.raises(ReadError, match="no text"):
        read_path(tmp_path / "scanned.pdf")

    (tmp_path / "damaged.pdf").write_bytes(b"%PDF-1.7\n" + b"x" * 500)
    findings = lint_paths([tmp_path / "damaged.pdf"])
    assert [f.rule for f in findings] == ["unreadable-file"]
    assert "not a valid PDF" in findings[0].message


def test_binary_formats_cannot_be_given_as_text():
    with pytest.raises(ReadError, match="must be read from its file"):
        read_text("We will leverage AI.", "pasted.docx")
    assert [f.rule for f in lint_text("We will leverage AI.", "pasted.pdf")] == [
        "unreadable-file"]


# -- The same strategy, in every format, gives the same rules ----------------------------------

@pytest.mark.parametrize("example", [WEAK, STRONG], ids=["weak", "strong"])
def test_word_pdf_and_html_versions_give_the_markdown_rule_names(example, tmp_path):
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(example.read_text(encoding="utf-8"))
    (tmp_path / "strategy.html").write_text(f"<html><body>{html}</body></html>",
                                            encoding="utf-8")
    markdown_to_docx(example, tmp_path / "strategy.docx")
    markdown_to_pdf(example, tmp_path / "strategy.pdf")

    expected = Counter(f.rule for f in lint_paths([example]))
    for name in ("strategy.docx", "strategy.pdf", "strategy.html"):
        findings = lint_paths([tmp_path / name])
        assert Counter(f.rule for f in findings) == expected, name
        if name.endswith(".pdf"):
            assert all(f.page >= 1 and f.page_line >= 1 for f in findings)
            assert len({f.page for f in findings}) > 1 or not expected
        else:
            assert {f.page for f in findings} <= {None}
