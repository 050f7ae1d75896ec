"""The assurance report as CSV for spreadsheets: one row per document and question."""
from __future__ import annotations

import csv
import io

COLUMNS = ["path", "organisation", "question_number", "question", "rating", "reason",
           "evidence", "evidence_lines", "findings", "rules_fired"]

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(assessment):
    for card in assessment.scorecards:
        for result in card.questions:
            yield {
                "path": card.path,
                "organisation": card.organisation,
                "question_number": result.question.number,
                "question": result.question.text,
                "rating": result.rating,
                "reason": result.reason,
                "evidence": " | ".join(e.text for e in result.evidence),
                "evidence_lines": "; ".join(e.location for e in result.evidence),
                "findings": len(result.findings),
                "rules_fired": " ".join(sorted({f.rule for f in result.findings})),
            }


def render(assessment) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(assessment):
        writer.writerow({k: v if isinstance(v, int) else _cell(v) for k, v in row.items()})
    return out.getvalue()
