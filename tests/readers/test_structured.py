"""Structured strategies: schema errors in plain words at their YAML node, and rules that read
the structured fields exactly (issue 4, parts 1 and 2)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from stratlint import lint_text
from stratlint.analysis import Analysis
from stratlint.readers import read_text
from stratlint.analysis.placeholders import filled
from stratlint.readers.structured.schema import jsonable

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "strong-structured-strategy.yaml"
STRONG = EXAMPLE.read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "schemas" / "strategy.schema.json").read_text(encoding="utf-8"))
# Words of jsonschema's own messages, which a user must never see.
RAW = re.compile(r"is not of type|is a required property|Additional properties|is not valid "
                 r"under any|does not match|is too short|is less than|\$defs|\[\d+\]")


def findings(text: str, path: str = "x.yaml", select=None):
    config = {"select": select} if select else {}
    return [(f.rule, f.line, f.column, f.message) for f in lint_text(text, path, config)]


def rules_and_lines(text: str, path: str = "x.yaml"):
    return [(rule, line) for rule, line, _column, _message in findings(text, path)]


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line that contains needle."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def drop_field(text: str, key: str) -> str:
    """The text without a top-level field and everything indented under it."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "".join(out)


def drop_line(text: str, needle: str, after: str = "") -> str:
    """The text without the first line holding needle (below the line holding `after`)."""
    lines = text.splitlines(keepends=True)
    start = line_of(text, after) if after else 0
    index = next(n for n in range(start, len(lines)) if needle in lines[n])
    return "".join(lines[:index] + lines[index + 1:])


# The strong example -------------------------------------------------------------------------

def test_the_strong_structured_example_is_clean():
    assert findings(STRONG, "strong-structured-strategy.yaml") == []


def test_the_strong_example_uses_every_field_and_validates_against_the_schema():
    data = yaml.safe_load(STRONG)
    assert set(data) == set(SCHEMA["properties"])
    errors = list(Draft202012Validator(SCHEMA).iter_errors(jsonable(data)))
    assert not errors, [e.message for e in errors]
    assert read_text(STRONG, "s.yaml").problems == ()


def test_commitments_come_from_the_commitments_list_exactly():
    doc = read_text(STRONG, "s.yaml")
    found = Analysis(doc).commitments
    whats = [item["what"] for item in doc.data["commitments"]]
    assert [c.text for c in found] == whats
    assert all(c.has_measure and c.has_date and c.has_owner for c in found)
    # Each is located at its item: the line of its "- what:".
    assert [doc.position(c.start)[0] for c in found] == [line_of(STRONG, w) for w in whats]
    assert found[0].when == "2026-03-31"   # a YAML date, read as ISO text


def test_yaml_dates_become_iso_text_before_validation():
    doc = read_text("commitments:\n  - what: Open the new clinic.\n    due: 2026-03-31\n"
                    "period: {start: 2025-04-01, end: 2028-03-31}\n", "d.yaml")
    assert doc.problems == ()
    assert doc.data["commitments"][0]["due"] == "2026-03-31"
    assert Analysis(doc).period.years == 3


# Removing a part trips exactly the right rule at the right line ----------------------------

COMMITMENT_2 = "People can book, move and cancel talking therapy sessions online."


@pytest.mark.parametrize("remove, rule", [
    (["owner: Head of Psychological Therapies"], "commitment-no-owner"),
    (["due: 2026-09-30"], "commitment-not-time-bound"),
    (["measure: Sessions booked or moved online", 'target: "40%"'], "commitment-not-measurable"),
])
def test_a_commitment_missing_a_part_is_reported_at_its_item(remove, rule):
    text = STRONG
    for needle in remove:
        text = drop_line(text, needle, after=COMMITMENT_2)
    assert rules_and_lines(text) == [(rule, line_of(text, COMMITMENT_2))]


def test_a_commitment_with_a_target_but_no_measure_is_still_measurable():
    text = drop_line(STRONG, "measure: Sessions booked or moved online", after=COMMITMENT_2)
    assert rules_and_lines(text) == []


@pytest.mark.parametrize("value", ["", " ", "TBC", "tbd", '"[TODO: accountable role]"'])
def test_an_owner_left_empty_or_to_be_confirmed_is_no_owner(value):
    text = STRONG.replace("owner: Head of Psychological Therapies\n    opportunity",
                          "OWNER-OF-SERVICE")   # the service's owner stays as it is
    text = text.replace("owner: Head of Psychological Therapies", f"owner: {value}".rstrip())
    text = text.replace("OWNER-OF-SERVICE", "owner: Head of Psychological Therapies\n"
                                            "    opportunity")
    expected = [("commitment-no-owner", line_of(text, COMMITMENT_2))]
    if "TODO" in value:
        expected.append(("unfilled-placeholder", line_of(text, "[TODO: accountable role]")))
    elif value.strip():   # an editor's "TBC" left in is a placeholder too
        expected.append(("unfilled-placeholder", line_of(text, f"owner: {value}")))
    assert sorted(rules_and_lines(text)) == sorted(expected)


@pytest.mark.parametrize("field, rules", [
    ("not_doing", ["missing-not-doing"]),
    ("mission", ["missing-mission"]),
    ("risks", ["missing-risks"]),
    ("measures", ["missing-success-measures"]),
    ("principles", ["missing-principles"]),
    ("users", ["missing-user-needs"]),
    ("services", ["missing-service-map"]),
    ("exemplars", ["missing-exemplars"]),
    ("review_cadence", ["missing-review-cadence"]),
    ("switch_off", ["missing-decommissioning"]),
    ("delivered", ["missing-delivered-so-far"]),
    ("aligns_with", ["missing-system-alignment", "not-integrated"]),
    ("organisational_change", ["missing-organisational-change"]),
    ("priorities", ["missing-prioritisation"]),
])
def test_a_missing_field_trips_its_rule_at_the_top(field, rules):
    text = drop_field(STRONG, field)
    assert field not in yaml.safe_load(text)
    top = line_of(text, "title:")
    assert sorted(rules_and_lines(text)) == [(rule, top) for rule in rules]


@pytest.mark.parametrize("empty", ["[]", "", '["[TODO: work you will stop]"]'])
def test_an_empty_not_doing_is_reported_at_its_key(empty):
    text = drop_field(STRONG, "not_doing") + f"not_doing: {empty}\n"
    found = rules_and_lines(text)
    assert ("missing-not-doing", line_of(text, "not_doing:")) in found
    assert {rule for rule, _line in found} <= {"missing-not-doing", "unfilled-placeholder"}


def test_the_fields_decide_even_when_the_prose_would_satisfy_the_rule():
    # The words "we will not" appear in a principle, but a structured strategy states what
    # it is not doing in not_doing, or not at all.
    text = drop_field(STRONG, "not_doing").replace(
        "- Reuse before we build.", "- We will not build what we can reuse.")
    assert ("missing-not-doing", line_of(text, "title:")) in rules_and_lines(text)


def test_a_mission_that_is_too_long_is_reported_at_the_mission():
    long = " ".join(["Every person who uses our services gets help sooner."] * 6)
    text = STRONG.replace(
        "mission: People get the right mental health care sooner, and tell their story only once.",
        f"mission: {long}")
    assert rules_and_lines(text) == [("missing-mission", line_of(text, "mission:"))]


def test_a_period_over_five_years_is_too_long_term_at_the_period():
    text = STRONG.replace("end: 2028-03-31", "end: 2035-03-31")
    assert rules_and_lines(text) == [("too-long-term", line_of(text, "period:") + 1)]
    finding = lint_text(text, "x.yaml", {"select": ["too-long-term"]})[0]
    assert "10 years" in finding.message


def test_front_matter_commitments_are_read_as_data():
    text = ("---\ntitle: Brookfield digital plan\ncommitments:\n"
            "  - what: Patients get through on the phone first time.\n"
            "    measure: Unanswered calls fall from 25% to under 10%.\n"
            "    due: March 2026\n"
            "---\n\n# Brookfield digital plan\n\nWe will keep the phone line open.\n")
    found = findings(text, "x.md", select=["commitment-no-owner", "commitment-not-measurable",
                                           "commitment-not-time-bound", "schema-violation"])
    assert [(rule, line, column) for rule, line, column, _m in found] == [
        ("commitment-no-owner", 4, 5)]
    doc = read_text(text, "x.md")
    [commitment] = Analysis(doc).commitments
    assert doc.position(commitment.start) == (4, 5)


# Schema errors in plain words, at the node -------------------------------------------------

BROKEN = """\
title: Kestrel Vale digital plan
period:
  start: next spring
  end: 2028
missions: Residents deal with us once.
risks: A cyber attack could stop services.
commitments:
  - what: Answer every call within a minute.
    owner: Head of Customer Services
  - what: Publish waiting times.
  - outcome: Residents know where their request is.
    deadline: 2026
users:
  - name: Carers
    needs: Help at weekends.
review_cadence: 12
switch_off:
  - {by: 2026}
services:
  - Council tax
"""

EXPECTED = [
    (3, 10, "period.start: must be a year such as 2025 (or a date such as 2025-04-01)"),
    (5, 1, "unknown field 'missions' (did you mean 'mission'?)"),
    (6, 8, "risks: expected a list, got text (start each risk on its own line with "
           "'- risk: ')"),
    (11, 5, "commitment 3 has no 'what' (the commitment in one sentence)"),
    (12, 5, "unknown field 'deadline' in commitment 3 (did you mean 'due'?)"),
    (15, 12, "user 1.needs: expected a list, got text (start each entry on its own line "
             "with '- ')"),
    (16, 17, "review_cadence: expected text or a list of texts, got a number"),
    (18, 5, "switch_off entry 1 has no 'system' (the system or product to switch off)"),
    (20, 5, "service 1: expected a set of fields (name, volume, cost_per_use, quality, "
            "digital_take_up, owner, opportunity), got text; begin it with 'name: '"),
]


def test_schema_errors_are_plain_words_at_the_offending_node():
    found = [(line, column, message) for rule, line, column, message in findings(BROKEN)
             if rule == "schema-violation"]
    assert found == EXPECTED


def test_commitments_without_an_owner_are_a_rule_not_a_schema_error():
    found = findings(BROKEN, select=["schema-violation", "commitment-no-owner"])
    assert ("commitment-no-owner", 10) in [(rule, line) for rule, line, _c, _m in found]
    assert not any("has no 'owner'" in message for rule, _l, _c, message in found
                   if rule == "schema-violation")


@pytest.mark.parametrize("text", [
    BROKEN,
    "period: 2025\n",
    "period: {start: 25, end: 2028}\n",
    "commitments: [{what: [a, b], due: {when: soon}, target: [1]}]\n",
    "commitments: {what: x}\n",
    "switch_off: [12, [a]]\n",
    "users: [{name: ''}]\n",
    "principles: [Start with users, 3, null]\n",
    "not_doing: true\n",
    "2025: a year as a key\n",
    "measures: [{name: x, by: [2026]}]\n",
    "title: Caf\u00e9 \u2014 plan\nrisks: {risk: a}\n",
])
def test_no_message_is_raw_validator_text(text):
    doc = read_text(text, "x.yaml")
    assert doc.problems
    for line, column, message in doc.problems:
        assert not RAW.search(message), message
        assert "\n" not in message
        assert 1 <= line <= len(text.splitlines()) and column >= 1


def test_columns_count_characters_not_bytes():
    doc = read_text("title: Caf\u00e9 \u2014 plan \u00a3\u00a3\nrisks: some\n", "x.yaml")
    assert [(line, column) for line, column, _m in doc.problems] == [(2, 8)]


def test_fields_left_empty_count_as_absent_not_as_errors():
    doc = read_text("mission:\nnot_doing:\ncommitments:\n  - what: Open a clinic.\n"
                    "    owner:\n    due: ''\n", "x.yaml")
    assert doc.problems == ()
    text = "mission:\nnot_doing:\ncommitments:\n  - what: Open a clinic.\n    owner:\n"
    rules = {rule for rule, _line in rules_and_lines(text)}
    assert {"missing-mission", "missing-not-doing", "commitment-not-measurable"} <= rules
    # The commitment's one finding names the owner it lacks as well.
    (gap,) = [f for f in lint_text(text, "x.yaml") if f.rule.startswith("commitment-")]
    assert "a named owner" in gap.message


def test_text_commitments_are_a_schema_error_and_are_read_as_prose():
    text = ("commitments:\n"
            "  - Residents report a missed bin online by October 2025 (Head of Waste).\n")
    found = findings(text, select=["schema-violation", "commitment-no-owner",
                                   "commitment-not-time-bound"])
    assert [(rule, line) for rule, line, _c, _m in found] == [("schema-violation", 2)]
    assert found[0][3].startswith("commitment 1: expected a set of fields")


# Front matter ------------------------------------------------------------------------------

def test_front_matter_other_keys_are_allowed_but_misspelt_fields_are_not():
    text = ("---\ntitle: Brookfield digital plan\nauthor: Sam Okoro\ndate: 2025-01-10\n"
            "tags: [digital, strategy]\nperiod: 2025 to 2028\norganization: Brookfield Trust\n"
            "commitments:\n  - what: Answer calls first time.\n    lead: Director of Operations\n"
            "---\n\n# Brookfield digital plan\n")
    assert read_text(text, "x.md").problems == (
        (7, 1, "unknown field 'organization' (did you mean 'organisation'?)"),
        (10, 5, "unknown field 'lead' in commitment 1 (did you mean 'owner'?)"),
    )
    found = [(f.line, f.column) for f in lint_text(text, "x.md", {"select": ["schema-violation"]})]
    assert found == [(7, 1), (10, 5)]


def test_front_matter_without_a_strategy_field_is_not_validated():
    text = "---\ntitle: Notes\nrisk: low\nmissions: 3\n---\n\n# Notes\n"
    assert read_text(text, "x.md").problems == ()


def test_front_matter_with_a_strategy_field_is_validated():
    text = "---\ntitle: Plan\nmission: [a, b]\n---\n\n# Plan\n"
    assert read_text(text, "x.md").problems == (
        (3, 10, "mission: expected text, got a list"),)


def test_the_corpus_front_matter_is_valid():
    for path in sorted((ROOT / "tests" / "corpus").glob("*.md")):
        assert read_text(path.read_text(encoding="utf-8"), path.name).problems == (), path.name


# Placeholders ------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("[TODO: owner]", False), ("  [todo]  ", False), ("TBC", False), ("n/a", False),
    ("", False), (None, False), ([], False), (["[TODO: a]", " "], False),
    ({"risk": "[TODO: a risk]"}, False), ("Director of Nursing", True), (0, True),
    (["[TODO: a]", "Real words"], True), ("Head of IT [TODO: check the title]", True),
])
def test_what_counts_as_filled(value, expected):
    assert filled(value) is expected


def test_a_section_of_placeholders_is_not_evidence_and_each_is_reported():
    text = ("# Digital plan\n\n## What we will not do\n\n"
            "[TODO: work you will stop, defer or leave to others]\n")
    found = rules_and_lines(text, "x.md")
    assert ("missing-not-doing", 1) in found
    assert ("unfilled-placeholder", 5) in found
    written = text.replace("[TODO: work you will stop, defer or leave to others]",
                           "We have paused the intranet rebuild until 2027.")
    assert not {"missing-not-doing", "unfilled-placeholder"} & {r for r, _l in
                                                                rules_and_lines(written, "x.md")}


def test_words_inside_a_placeholder_are_not_evidence_or_jargon():
    text = ("# Digital plan\n\nWe will publish waiting times every month. [TODO: say what we "
            "will not do, and our mission is to be named]\n")
    rules = {rule for rule, _line in rules_and_lines(text, "x.md")}
    assert {"missing-not-doing", "missing-mission", "unfilled-placeholder"} <= rules
    assert "insider-jargon" not in rules
