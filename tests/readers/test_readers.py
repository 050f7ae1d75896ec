"""Readers: Markdown and plain text become Documents whose blocks point back at the source."""
from __future__ import annotations

import codecs

import pytest

from stratlint import lint_paths, lint_text
from stratlint.document import FRONT_MATTER, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL
from stratlint.errors import ReadError
from stratlint.readers import decode, read_path, read_text

VAGUE = {"select": ["vague-language"]}


def assert_offsets(document):
    """The invariant in document.py: every non-space character of a block's text is the
    source character at the same offset."""
    assert document.blocks, "expected at least one block"
    for block in document.blocks:
        source = document.text[block.start:block.end]
        assert len(source) == len(block.text), block
        for index, char in enumerate(block.text):
            if char != " ":
                assert source[index] == char, (block, index, char, source[index])


def position_of(document, needle, occurrence=1):
    """1-based (line, column) of the n-th occurrence of needle in the source."""
    offset = -1
    for _ in range(occurrence):
        offset = document.text.index(needle, offset + 1)
    return document.position(offset)


def block_position(document, block, word):
    return document.position(block.start + block.text.index(word))


STRATEGY_MD = """\
---
title: Riverside Digital Strategy 2024 to 2027
owner: Chief Digital Information Officer
period: 2024-2027
---

# Riverside Digital Strategy

## Our mission

We will **cut** waiting times for *outpatient* appointments &amp; make
[online booking](https://www.riverside.nhs.uk/book) the easiest way to book.

> The NHS Long Term Plan expects every trust to offer digital-first primary care.

### What we will deliver

- Give 90% of patients online access to their letters by March 2026.
  - Connect pathology results to the shared care record by June 2025.
- Close the last fax machine by December 2024.

| Service | Yearly volume | Owner |
|---------|--------------:|-------|
| Outpatients &amp; clinics | 310,000 | Chief Operating Officer |
| Emergency department | 85,000 | Medical Director |

```
leverage world-class synergies across the enterprise
```

    indented code: harness cutting-edge paradigm shifts

Our board reviews progress every quarter.
"""


@pytest.fixture(scope="module")
def md_doc():
    return read_text(STRATEGY_MD, "riverside.md")


def test_markdown_offset_invariant(md_doc):
    assert_offsets(md_doc)


def test_markdown_block_kinds_in_order(md_doc):
    kinds = [b.kind for b in md_doc.blocks]
    assert kinds[0] == FRONT_MATTER
    assert kinds[1:] == [
        HEADING, HEADING, PARAGRAPH, PARAGRAPH, HEADING, LIST_ITEM, LIST_ITEM, LIST_ITEM,
        TABLE_CELL, TABLE_CELL, TABLE_CELL,
        TABLE_CELL, TABLE_CELL, TABLE_CELL,
        TABLE_CELL, TABLE_CELL, TABLE_CELL,
        PARAGRAPH,
    ]


def test_markdown_headings_have_levels_and_positions(md_doc):
    headings = [b for b in md_doc.blocks if b.kind == HEADING]
    assert [(h.title, h.level) for h in headings] == [
        ("Riverside Digital Strategy", 1),
        ("Our mission", 2),
        ("What we will deliver", 3),
    ]
    # The heading text starts after the '## ' marker, on the line it is written on.
    assert md_doc.position(headings[1].start) == (9, 4)
    assert md_doc.position(headings[2].start) == (16, 5)


def test_markdown_list_items_and_nesting(md_doc):
    items = [b for b in md_doc.blocks if b.kind == LIST_ITEM]
    assert [i.level for i in items] == [1, 2, 1]
    assert items[0].title == "Give 90% of patients online access to their letters by March 2026."
    assert items[1].title.startswith("Connect pathology results")
    # Bullet markers are not part of the text: the item starts at its first word.
    assert md_doc.position(items[2].start) == position_of(md_doc, "Close the last fax")
    assert all("-" not in item.text.split()[0] for item in items)
    assert md_doc.position(items[1].start) == position_of(md_doc, "Connect pathology")


def test_markdown_table_cells(md_doc):
    cells = [b for b in md_doc.blocks if b.kind == TABLE_CELL]
    assert [c.title for c in cells] == [
        "Service", "Yearly volume", "Owner",
        "Outpatients & clinics", "310,000", "Chief Operating Officer",
        "Emergency department", "85,000", "Medical Director",
    ]
    assert [c.header for c in cells] == [True] * 3 + [False] * 6
    rows = [c.row for c in cells]
    assert rows[0:3] == [rows[0]] * 3 and rows[3:6] == [rows[3]] * 3
    assert len({rows[0], rows[3], rows[6]}) == 3
    assert md_doc.position(cells[5].start) == position_of(md_doc, "Chief Operating Officer")
    assert md_doc.position(cells[7].start) == position_of(md_doc, "85,000")


def test_markdown_emphasis_links_and_entities_keep_positions(md_doc):
    para = next(b for b in md_doc.blocks if b.kind == PARAGRAPH and "cut" in b.text)
    assert para.title == ("We will cut waiting times for outpatient appointments & make "
                          "online booking the easiest way to book.")
    # Markup is blanked, never removed: each word sits where it is in the file.
    assert block_position(md_doc, para, "cut") == position_of(md_doc, "cut")
    assert block_position(md_doc, para, "outpatient") == position_of(md_doc, "outpatient")
    assert block_position(md_doc, para, "&") == position_of(md_doc, "&amp;")
    assert block_position(md_doc, para, "make") == position_of(md_doc, "make")
    assert block_position(md_doc, para, "online") == position_of(md_doc, "online")
    assert block_position(md_doc, para, "easiest") == position_of(md_doc, "easiest")
    # The link destination is not prose.
    assert "riverside.nhs.uk" not in para.text


def test_markdown_block_quote_is_marked_quoted(md_doc):
    quoted = [b for b in md_doc.blocks if b.quoted]
    assert len(quoted) == 1
    assert quoted[0].kind == PARAGRAPH
    assert quoted[0].title.startswith("The NHS Long Term Plan")
    assert md_doc.position(quoted[0].start) == position_of(md_doc, "The NHS Long Term Plan")
    assert not any(b.quoted for b in md_doc.blocks if "board reviews" in b.text)


def test_markdown_code_blocks_are_skipped(md_doc):
    everything = " ".join(b.text for b in md_doc.blocks)
    for word in ("synergies", "enterprise", "indented", "paradigm"):
        assert word not in everything
    # ...so no rule sees the words in them either, while prose after them is still read.
    findings = lint_text(STRATEGY_MD, "riverside.md", VAGUE)
    assert findings == []
    last = md_doc.blocks[-1]
    assert last.title == "Our board reviews progress every quarter."
    assert md_doc.position(last.start) == position_of(md_doc, "Our board reviews")


def test_markdown_front_matter_parsed(md_doc):
    assert md_doc.front_matter == {
        "title": "Riverside Digital Strategy 2024 to 2027",
        "owner": "Chief Digital Information Officer",
        "period": "2024-2027",
    }
    assert md_doc.problems == ()
    front = md_doc.blocks[0]
    assert front.start == 0
    assert "owner: Chief Digital Information Officer" in front.text


def test_markdown_without_front_matter():
    doc = read_text("# Our mission\n\nPatients book appointments online by 2026.\n", "m.md")
    assert doc.front_matter is None
    assert [b.kind for b in doc.blocks] == [HEADING, PARAGRAPH]


@pytest.mark.parametrize("front, line, column", [
    # A key indented under a scalar: the YAML error is on the third line of the file.
    ("title: Riverside Digital Strategy\n  owner: Chief Digital Officer\n", 3, 8),
    # An unclosed quotation: reported on the line where it starts (column left to YAML).
    ("title: Riverside Digital Strategy\nperiod: 2024-2027\nowner: 'Chief Digital Officer\n",
     4, None),
])
def test_malformed_front_matter_is_schema_violation_at_its_line(front, line, column):
    text = f"---\n{front}---\n\n# Our mission\n\nWe will publish waiting times every month.\n"
    findings = lint_text(text, "fm.md", {"select": ["schema-violation"]})
    assert len(findings) == 1
    finding = findings[0]
    assert finding.rule == "schema-violation"
    assert finding.line == line
    if column is not None:
        assert finding.column == column
    assert "front matter" in finding.message and "\n" not in finding.message
    # The body is still read.
    doc = read_text(text, "fm.md")
    assert doc.front_matter is None
    assert [b.title for b in doc.blocks if b.kind == HEADING] == ["Our mission"]


def test_front_matter_that_is_not_a_mapping_is_schema_violation():
    text = ("---\n- Riverside Digital Strategy\n- 2024-2027\n---\n\n# Our mission\n\n"
            "We will publish waiting times every month.\n")
    findings = lint_text(text, "fm.md", {"select": ["schema-violation"]})
    assert [(f.rule, f.line) for f in findings] == [("schema-violation", 2)]
    assert "mapping" in findings[0].message


@pytest.mark.parametrize("construct", [
    "[our data plan](https://intranet.example.org/how-we-leverage-data):",
    '[our data plan](https://intranet.example.org/plan "we leverage data"):',
    "[our data plan][we leverage data]",
    "![chart of results](charts/we-leverage-data.png)",
    '<img src="charts/we-leverage-data.png" alt="chart">',
])
def test_link_image_and_html_words_are_not_taken_for_prose(construct):
    # Regression: when the text after a link, image or inline HTML held an entity, its words
    # were searched for word by word from the previous text onwards, and could be placed on
    # the same words inside the URL, title, label or tag.
    text = (f"# Data\n\nSee {construct} we leverage data &amp; skills.\n\n"
            "[we leverage data]: https://intranet.example.org/plan\n")
    doc = read_text(text, "data.md")
    assert_offsets(doc)
    prose = text.index(" we leverage data &amp;") + 1
    para = doc.blocks[1]
    assert para.text.index("we leverage data") + para.start == prose
    findings = lint_text(text, "data.md", VAGUE)
    assert [(f.line, f.column) for f in findings] == [doc.position(prose + len("we "))]


# Plain text -----------------------------------------------------------------------------

STRATEGY_TXT = """\
RIVERSIDE DIGITAL STRATEGY

1. Introduction

This strategy sets out how we will make outpatient booking easier.
It covers the three years from April 2024.

2. Our mission

Patients book, change and cancel appointments online by 2026.

2.1 Digital foundations

WHAT WE WILL NOT DO
We will not build our own patient app this year.

- Close the last fax machine by December 2024.
* Move pathology results to the shared care record.
\u2022 Publish service volumes every quarter.
"""


@pytest.fixture(scope="module")
def txt_doc():
    return read_text(STRATEGY_TXT, "riverside.txt")


def test_plain_text_offset_invariant(txt_doc):
    assert_offsets(txt_doc)
    assert txt_doc.format == "text"


def test_plain_text_headings_by_look(txt_doc):
    headings = [(b.title, b.level) for b in txt_doc.blocks if b.kind == HEADING]
    assert headings == [
        ("RIVERSIDE DIGITAL STRATEGY", 1),
        ("1. Introduction", 1),
        ("2. Our mission", 1),
        ("2.1 Digital foundations", 2),
        ("WHAT WE WILL NOT DO", 1),
    ]


def test_plain_text_paragraphs_and_caps_heading_over_its_paragraph(txt_doc):
    paragraphs = [b for b in txt_doc.blocks if b.kind == PARAGRAPH]
    assert [p.title for p in paragraphs] == [
        "This strategy sets out how we will make outpatient booking easier. "
        "It covers the three years from April 2024.",
        "Patients book, change and cancel appointments online by 2026.",
        "We will not build our own patient app this year.",
    ]
    assert txt_doc.position(paragraphs[2].start) == (15, 1)
    # Sentences ending in a full stop are never headings, even when short and capitalised.
    assert all(not b.title.endswith(".") for b in txt_doc.blocks if b.kind == HEADING)


def test_plain_text_bullets(txt_doc):
    items = [b for b in txt_doc.blocks if b.kind == LIST_ITEM]
    assert [i.title for i in items] == [
        "Close the last fax machine by December 2024.",
        "Move pathology results to the shared care record.",
        "Publish service volumes every quarter.",
    ]
    assert [txt_doc.position(i.start) for i in items] == [(17, 3), (18, 3), (19, 3)]


def test_plain_text_numbered_list_is_not_a_heading():
    text = ("Our priorities\n\n1. Cut outpatient waiting times by a fifth.\n"
            "2. Close the last fax machine by December 2024.\n")
    doc = read_text(text, "p.txt")
    assert_offsets(doc)
    assert [(b.kind, b.title) for b in doc.blocks] == [
        (HEADING, "Our priorities"),
        (LIST_ITEM, "Cut outpatient waiting times by a fifth."),
        (LIST_ITEM, "Close the last fax machine by December 2024."),
    ]


def test_plain_text_findings_located():
    text = "OUR APPROACH\n\n\u2022 We will leverage the shared care record by 2026.\n"
    findings = lint_text(text, "a.txt", VAGUE)
    assert [(f.line, f.column, f.excerpt) for f in findings] == [(3, 11, "leverage")]


# Encodings and line endings -------------------------------------------------------------

BODY = ("---\ntitle: Riverside Digital Strategy\n---\n\n# Our mission\n\n"
        "Patients told us booking is hard.\nWe will leverage the shared care record to cut "
        "repeat tests by 2026.\n")


def _vague(path):
    return [(f.line, f.column, f.end_line, f.end_column, f.excerpt)
            for f in lint_paths([path], VAGUE)]


EXPECTED = [(8, 9, 8, 17, "leverage")]


def test_lf_baseline(tmp_path, write):
    assert _vague(write(tmp_path, "lf.md", BODY)) == EXPECTED


def test_utf8_bom_read(tmp_path, write):
    path = write(tmp_path, "bom.md", codecs.BOM_UTF8 + BODY.encode("utf-8"))
    assert _vague(path) == EXPECTED
    doc = read_path(path)
    assert not doc.text.startswith("\ufeff")
    # The BOM does not hide the front matter.
    assert doc.front_matter == {"title": "Riverside Digital Strategy"}


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE),
                                        ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom_read(tmp_path, write, codec, bom):
    path = write(tmp_path, "u16.md", bom + BODY.encode(codec))
    assert _vague(path) == EXPECTED
    assert read_path(path).front_matter == {"title": "Riverside Digital Strategy"}


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("name", ["strategy.md", "strategy.txt"])
def test_crlf_and_cr_give_same_positions_as_lf(tmp_path, write, newline, name):
    body = BODY if name.endswith(".md") else BODY.split("---\n\n", 1)[1]
    lf = _vague(write(tmp_path / "lf", name, body))
    other = _vague(write(tmp_path / "other", name, body.replace("\n", newline)))
    assert lf and other == lf


def test_crlf_text_output_shows_clean_source_line(tmp_path, write, run_cli):
    path = write(tmp_path, "crlf.md", BODY.replace("\n", "\r\n"))
    result = run_cli("check", "--select", "vague-language", "--no-color", path)
    assert result.exit_code == 1
    assert "\r" not in result.stdout
    assert "    We will leverage the shared care record to cut repeat tests by 2026.\n" \
        in result.stdout


def test_invalid_utf8_is_unreadable_file(tmp_path, write):
    text = "# Our mission\n\nCaf\u00e9 staff will use the shared care record.\n"
    path = write(tmp_path, "latin1.md", text, encoding="latin-1")
    findings = lint_paths([path])
    assert [(f.rule, f.line, f.column) for f in findings] == [("unreadable-file", 1, 1)]
    assert "UTF-8" in findings[0].message
    assert "\n" not in findings[0].message
    with pytest.raises(ReadError):
        decode(path.read_bytes())


def test_binary_file_is_unreadable_file(tmp_path, write):
    path = write(tmp_path, "scan.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    findings = lint_paths([path])
    assert [f.rule for f in findings] == ["unreadable-file"]
    assert "binary" in findings[0].message
    assert "\n" not in findings[0].message


def test_broken_utf16_is_unreadable_file(tmp_path, write):
    path = write(tmp_path, "odd.md", codecs.BOM_UTF16_LE + b"#\x00 ")
    findings = lint_paths([path])
    assert [f.rule for f in findings] == ["unreadable-file"]
    assert "UTF-16" in findings[0].message


def test_html_findings_quote_the_file_not_the_blanked_markup():
    from stratlint import lint_text

    html = ("<h1>Plan</h1>\n<p>We will <em>leverage</em> our <!-- draft --> data and deliver "
            "digital <b>transformation</b>.</p>\n")
    findings = lint_text(html, "plan.html", {"select": ["vague-language"]})
    line = html.splitlines()[1]
    assert findings
    for finding in findings:
        assert line[finding.column - 1:].startswith(finding.excerpt)
    assert {f.excerpt for f in findings} >= {"leverage"}
