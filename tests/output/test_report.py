"""The board assurance report: scorecards, ratings, and the html, markdown, json and csv forms."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from jsonschema import Draft202012Validator

from stratlint import api
from stratlint.output.assurance.assess import AMBER, GREEN, QUESTIONS, RED, UNRATED, Question, rate_question
from stratlint.findings import Finding, Severity
from stratlint.output.assurance import render

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = REPO / "schemas"
STRONG = REPO / "examples" / "strong-riverside-trust.md"
WEAK = REPO / "examples" / "weak-hillcrest-trust.md"

HOSTILE = """---
organisation: "Evil <img src=x onerror=alert(1)> Trust"
title: "Evil Trust <script>alert(1)</script> Digital Strategy"
---
# Evil Trust <script>alert(1)</script> Digital Strategy 2025 to 2027

## Our mission

Our mission is <script>alert(1)</script> care for everyone.

## What could go wrong

A cyber attack <img src=x onerror=alert(1)> could stop services, so we test backups.

We will cut waiting times by 20% by March 2026 <script>alert(1)</script>, led by the
Director of Operations.
"""

SHARED = ("Our people are at the heart of everything we do and we will work with partners "
          "across the region to join up care, share information safely, support carers, "
          "reduce duplication, make services easier to reach for every resident, and make "
          "sure that nobody is left behind as more of our services move online over the "
          "coming years, whatever their age, income, language or disability.")


@pytest.fixture(scope="module")
def examples():
    assessment = api.assess_paths([STRONG, WEAK])
    cards = {Path(card.path).name: card for card in assessment.scorecards}
    return assessment, cards[STRONG.name], cards[WEAK.name]


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    return api.assess_paths([path])


def _line_of(path, text):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


# --- scorecards ----------------------------------------------------------------------------

def test_strong_example_is_green_on_every_question(examples):
    _assessment, strong, _weak = examples
    assert [r.rating for r in strong.questions] == [GREEN] * 10
    assert strong.counts() == {RED: 0, AMBER: 0, GREEN: 10, UNRATED: 0}
    assert all(r.evidence for r in strong.questions), "every green question quotes its evidence"


def test_weak_example_is_mostly_red(examples):
    _assessment, _strong, weak = examples
    ratings = {r.question.number: r.rating for r in weak.questions}
    assert weak.counts()[RED] >= 7
    for number in (3, 4, 5, 6, 7, 8, 9, 10):
        assert ratings[number] == RED, number
    q6 = weak.questions[5]
    assert "17 of 17 commitments" in q6.reason
    assert {f.rule for f in q6.findings} >= {"commitment-no-owner", "commitment-not-time-bound"}


def test_evidence_is_quoted_with_its_line(examples):
    _assessment, strong, _weak = examples
    risks = strong.questions[9]
    # The section's heading and the sentence of its body that supports it, never the
    # bare heading.
    assert risks.evidence[0].text.startswith("What could go wrong: ")
    assert risks.evidence[0].line > _line_of(STRONG, "## What could go wrong")
    mission = strong.questions[1].evidence[0]
    assert mission.text.startswith("Our mission is care that is easy")
    assert mission.line == _line_of(STRONG, "Our mission is care")
    # Question 5 quotes both the not-doing section and how work is chosen.
    assert {e.rule for e in strong.questions[4].evidence} == {"missing-not-doing",
                                                              "missing-prioritisation"}


def test_red_questions_carry_the_findings_behind_them(examples):
    _assessment, _strong, weak = examples
    risks = weak.questions[9]
    assert risks.rating == RED and not risks.evidence
    assert [f.rule for f in risks.findings] == ["missing-risks"]
    assert weak.about_whole_document(risks.findings[0])


def test_signs_are_rated(examples):
    _assessment, strong, weak = examples
    assert {s.rating for s in strong.signs} == {GREEN}
    weak_signs = {s.sign.rule: s.rating for s in weak.signs}
    for rule in ("it-driven", "cookie-cutter", "unproven-tech", "vague-language", "too-long-term",
                 "wish-list", "missing-user-needs", "missing-principles",
                 "missing-delivered-so-far", "missing-not-doing"):
        assert weak_signs[rule] == RED, rule
    good = [s for s in strong.signs if s.sign.kind == "good"]
    assert len(good) == 5 and all(s.evidence for s in good)


def test_commitments_are_checked(examples):
    _assessment, strong, weak = examples
    assert len(strong.commitments) == 6 and all(c.complete for c in strong.commitments)
    assert len(weak.commitments) == 17 and not any(c.complete for c in weak.commitments)
    by_text = {c.text: c for c in weak.commitments}
    explore = by_text["We will explore blockchain for patient records."]
    assert not explore.tangible and explore.solution.lower() == "blockchain"
    m365 = by_text["We will roll out Microsoft 365 to the whole workforce."]
    assert m365.outcome_focused is False and m365.solution == "Microsoft 365"
    assert not m365.time_bound and not m365.owned
    assert m365.line == _line_of(WEAK, "Microsoft 365 to the whole workforce")


def _finding(rule, line=1):
    return Finding(path="x.md", line=line, column=1, rule=rule, code="SL000",
                   severity=Severity.WARNING, message="m", end_line=line, end_column=2)


def test_rating_rule():
    question = Question(99, "x", "?", "", ("evidence-rule",), ("supporting-rule",))
    ran = frozenset({"evidence-rule", "supporting-rule"})
    assert rate_question(question, [], ran)[0] == GREEN
    assert rate_question(question, [_finding("supporting-rule")], ran)[0] == AMBER
    assert rate_question(question, [_finding("evidence-rule"), _finding("supporting-rule")],
                         ran)[0] == RED
    assert rate_question(question, [], frozenset())[0] == UNRATED
    # Evidence rules switched off: never green, as nothing looked for the evidence.
    assert rate_question(question, [], frozenset({"supporting-rule"}))[0] == AMBER


def test_switched_off_rules_leave_a_question_unrated():
    card = api.assess_paths([STRONG], {"ignore": ["missing-risks"]}).scorecards[0]
    assert card.questions[9].rating == UNRATED
    assert card.questions[0].rating == GREEN


def test_a_few_failing_commitments_are_amber(tmp_path):
    text = STRONG.read_text(encoding="utf-8").replace(
        "| March 2026 | Director of Operations. |", "| March 2026 | |", 1)
    path = tmp_path / "one-unowned.md"
    path.write_text(text, encoding="utf-8")
    card = api.assess_paths([path]).scorecards[0]
    actions = card.questions[5]
    assert actions.rating == AMBER, actions.reason
    assert "1 of 6 commitments" in actions.reason


def test_unreadable_documents_are_not_rated(tmp_path):
    bad = tmp_path / "board-paper.docx"
    bad.write_bytes(b"not a zip file")
    assessment = api.assess_paths([bad, STRONG])
    card = assessment.scorecards[0]
    assert not card.readable and card.problem
    assert {r.rating for r in card.questions} == {UNRATED}
    assert assessment.scorecards[1].counts()[GREEN] == 10


def test_text_shared_between_documents_is_listed(tmp_path):
    first = tmp_path / "a-trust.md"
    second = tmp_path / "b-trust.md"
    first.write_text(f"# A Trust Digital Strategy\n\n## Our approach\n\n{SHARED}\n",
                     encoding="utf-8")
    second.write_text(f"# B Trust Digital Strategy\n\nIntro.\n\n{SHARED}\n", encoding="utf-8")
    assessment = api.assess_paths([first, second])
    assert {(Path(s.path).name, Path(s.other).name) for s in assessment.shared} == {
        ("a-trust.md", "b-trust.md"), ("b-trust.md", "a-trust.md")}
    assert all("heart of everything we do" in s.text for s in assessment.shared)
    page = render("html", assessment)
    assert "Text shared between documents" in page and "heart of everything we do" in page
    assert "Same as in" in page
    signs = {s.sign.rule: s for s in assessment.scorecards[0].signs}
    assert signs["cookie-cutter"].rating == RED


def test_run_paths_keeps_no_documents_unless_asked():
    assert api.run_paths([STRONG]).documents == {}
    report = api.run_paths([STRONG], keep_documents=True)
    kept = report.documents[report.paths[0]]
    assert kept.document.path == report.paths[0] and kept.analysis.document is kept.document
    assert "missing-risks" in kept.rule_names


def test_required_locate_agrees_with_satisfied(examples):
    assessment, _strong, _weak = examples
    report = api.run_paths([STRONG, WEAK], keep_documents=True)
    for kept in report.documents.values():
        document, analysis = kept.document, kept.analysis
        for rule in report.rules.values():
            if rule.check == "required":
                found = rule.compiled.locate(document, analysis)
                assert bool(found) == rule.compiled.satisfied(document, analysis), \
                    (document.path, rule.name)


# --- formats -------------------------------------------------------------------------------

def test_json_validates_against_its_schema(examples, hostile, tmp_path):
    schema = json.loads((SCHEMAS / "report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    for assessment in (examples[0], hostile, api.assess_paths([bad])):
        data = json.loads(render("json", assessment))
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        assert not errors, errors[0]
    data = json.loads(render("json", examples[0]))
    assert [d["summary"]["green"] for d in data["documents"]] == [10, 0]
    assert data["documents"][1]["questions"][9]["findings"][0]["rule"] == "missing-risks"


def test_csv_has_a_row_per_document_and_question(examples):
    rows = list(csv.DictReader(io.StringIO(render("csv", examples[0]))))
    assert len(rows) == 2 * len(QUESTIONS)
    assert {r["rating"] for r in rows} <= {RED, AMBER, GREEN, UNRATED}
    strong = [r for r in rows if r["path"].endswith(STRONG.name)]
    assert [int(r["question_number"]) for r in strong] == list(range(1, 11))
    assert strong[9]["evidence"].startswith("What could go wrong: ")
    weak_risks = next(r for r in rows
                      if r["path"].endswith(WEAK.name) and r["question_number"] == "10")
    assert weak_risks["rating"] == RED and weak_risks["rules_fired"] == "missing-risks"


def test_csv_cells_cannot_start_a_formula(tmp_path):
    path = tmp_path / "formula.md"
    path.write_text('---\norganisation: "=HYPERLINK(\\"http://x\\")"\n---\n# Plan\n\nText.\n',
                    encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(render("csv", api.assess_paths([path])))))
    assert rows[0]["organisation"].startswith("'=")


def test_markdown_has_the_ten_questions(examples, hostile):
    text = render("markdown", examples[0])
    for question in QUESTIONS:
        assert question.text in text
    assert "## Comparison" in text and "| Riverside Community Health NHS Trust | Green" in text
    hostile_text = render("markdown", hostile)
    assert "<script>" not in hostile_text and "<img" not in hostile_text
    assert "Evil &lt;img src=x onerror=alert(1)&gt; Trust" in hostile_text


def test_html_is_self_contained(examples):
    page = render("html", examples[0])
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "@page" in page and "size: A4" in page
    assert page.count("<svg") == 3   # the overview chart and one row of lights per document
    for match in re.finditer(r"""\b(?:src|href|xlink:href)\s*=\s*["']?([^"'\s>]*)""", page,
                             re.IGNORECASE):
        assert not re.match(r"(?:[a-z][a-z0-9+.-]*:|//)", match.group(1), re.IGNORECASE), \
            match.group(0)
    assert not re.search(r"@import|url\(", page)
    for question in QUESTIONS:
        assert question.text in page
    assert "Comparison" in page and "Text shared between documents" in page


def test_html_shows_the_words_behind_bad_signs(examples):
    page = render("html", examples[0])
    assert "Words found: \u2018leverage\u2019" in page
    assert "\u2018digital first\u2019" in page
    # Good signs that are missing say what is missing, not which words were found.
    assert "No guiding principles" in page
    assert "Words found: \u2018Hillcrest" not in page


def test_html_escapes_document_text(hostile):
    page = render("html", hostile)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "onerror=alert(1)>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # The only tags in the page are the report's own.
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", page))
    assert tags <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2",
                    "h3", "p", "div", "span", "section", "table", "thead", "tbody", "tr", "th",
                    "td", "ul", "li", "svg", "rect", "text", "circle", "line", "cite", "code",
                    "strong", "br"}, tags


def test_single_document_has_no_comparison(hostile):
    page = render("html", hostile)
    assert "Comparison" not in page and "Text shared between documents" not in page


# --- command line --------------------------------------------------------------------------

def test_cli_report_writes_html_by_default(run_cli):
    result = run_cli("report", STRONG, WEAK)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "Hillcrest Hospitals NHS Foundation Trust" in result.stdout


@pytest.mark.parametrize("fmt", ["html", "markdown", "json", "csv"])
def test_cli_report_formats_to_a_file(run_cli, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = run_cli("report", WEAK, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr   # red ratings do not fail the command
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "Hillcrest" in text
    if fmt == "json":
        assert json.loads(text)["documents"][0]["summary"]["red"] >= 7


def test_cli_report_refuses_to_overwrite_a_document(run_cli, tmp_path):
    doc = tmp_path / "strategy.md"
    doc.write_text(STRONG.read_text(encoding="utf-8"), encoding="utf-8")
    before = doc.read_bytes()
    result = run_cli("report", doc, "-o", doc)
    assert result.exit_code == 2
    assert "one of the documents" in result.stderr
    assert doc.read_bytes() == before


def test_cli_report_with_config(run_cli, tmp_path):
    config = tmp_path / "stratlint.yaml"
    config.write_text("ignore: [missing-risks]\n", encoding="utf-8")
    result = run_cli("report", STRONG, "--format", "json", "--config", config)
    assert result.exit_code == 0, result.stderr
    questions = json.loads(result.stdout)["documents"][0]["questions"]
    assert questions[9]["rating"] == UNRATED


def test_cli_report_needs_a_path(run_cli):
    assert run_cli("report").exit_code == 2


STRUCTURED = REPO / "examples" / "strong-structured-strategy.yaml"


@pytest.mark.skipif(not STRUCTURED.exists(), reason="no structured strategy example")
def test_structured_strategy_quotes_its_fields():
    card = api.assess_paths([STRUCTURED]).scorecards[0]
    assert card.counts()[GREEN] == 10
    risks = card.questions[9].evidence[0]
    assert risks.where == "field" and risks.text.startswith("risks (")
    lines = STRUCTURED.read_text(encoding="utf-8").splitlines()
    # The quote points at the first risk, not at the document's first line.
    assert risks.text.split(": ", 1)[1][:20] in lines[risks.line - 1]
