"""Tab- or pipe-separated columns in a plain-text file (a table pasted from a spreadsheet, or
flattened from a PDF) are read as table rows, not as one long sentence."""
from __future__ import annotations

from stratlint.api import lint_text
from stratlint.document import TABLE_CELL
from stratlint.readers import read_text

ROWS = [
    ("Online booking for outpatients", "Chief operating officer", "March 2026",
     "60% of bookings made online"),
    ("Shared care record for partners", "Chief digital officer", "June 2027",
     "All partners using it"),
    ("Electronic prescribing on every ward", "Chief pharmacist", "December 2026",
     "No paper charts left"),
    ("Patient portal for test results", "Medical director", "September 2027",
     "Half of patients registered"),
]
TABLE = "Commitment\tOwner\tDate\tMeasure\n" + "".join("\t".join(r) + "\n" for r in ROWS)
DOC = "Digital strategy 2025 to 2028\n\nOur commitments\n\n" + TABLE


def test_each_line_is_a_row_and_each_column_a_cell():
    document = read_text(DOC, "plan.txt")
    cells = [b for b in document.blocks if b.kind == TABLE_CELL]
    assert len(cells) == 4 * (len(ROWS) + 1)
    assert [c.text for c in cells if c.header] == ["Commitment", "Owner", "Date", "Measure"]
    rows = {}
    for cell in cells:
        rows.setdefault(cell.row, []).append(cell.text)
        assert document.text[cell.start:cell.end] == cell.text   # offsets point at the source
    assert list(rows.values())[1:] == [list(r) for r in ROWS]


def test_a_table_is_not_one_long_sentence():
    found = lint_text(DOC, "plan.txt", {"select": ["long-sentence"]})
    assert found == []


def test_a_single_line_with_a_tab_is_still_prose():
    document = read_text("Plan\n\nWe will do this\tnow.\n", "plan.txt")
    assert all(b.kind != TABLE_CELL for b in document.blocks)


PIPED = ("Commitment | Owner | Date | Measure\n--- | --- | --- | ---\n"
         + "".join(" | ".join(r) + "\n" for r in ROWS))


def test_pipe_separated_lines_are_a_table_too():
    """A table typed with " | " between columns, or flattened from a PDF that way."""
    document = read_text("Digital strategy 2025 to 2028\n\nOur commitments\n\n" + PIPED,
                         "plan.txt")
    cells = [b for b in document.blocks if b.kind == TABLE_CELL]
    assert len(cells) == 4 * (len(ROWS) + 1)   # the rule row under the header is not a row
    assert [c.text for c in cells if c.header] == ["Commitment", "Owner", "Date", "Measure"]
    for cell in cells:
        assert document.text[cell.start:cell.end] == cell.text
    assert lint_text("Plan\n\n" + PIPED, "plan.txt", {"select": ["long-sentence"]}) == []


def test_a_sentence_with_one_pipe_is_still_prose():
    document = read_text("Plan\n\nWe chose speed | not polish, this year only.\n", "plan.txt")
    assert not [b for b in document.blocks if b.kind == TABLE_CELL]


def test_page_footers_and_form_feeds_of_text_taken_from_a_pdf_are_not_prose():
    text = ("DIGITAL STRATEGY 2022 TO 2026\n\nOur students told us the timetable app is slow.\n"
            "University of Caldermoor | Page 3\n\f1 INTRODUCTION\n\nWe will fix it by 2024.\n"
            "Page 4 of 18\n")
    document = read_text(text, "plan.txt")
    said = [(b.kind, b.text) for b in document.blocks]
    assert not [t for _k, t in said if "Page" in t]
    assert ("heading", "1 INTRODUCTION") in [(str(k), t) for k, t in said]
    assert not [f for f in lint_text(text, "plan.txt", {"select": ["insider-jargon"]})]
