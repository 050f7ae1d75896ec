"""Judgement on strategies written the way real ones are: hollow sections, commitments as
items, repeated terms said once, and the pieces of analysis behind them."""
from __future__ import annotations

from pathlib import Path

import pytest

from stratlint.analysis import hollow
from stratlint.analysis.delivered import delivery
from stratlint.patterns import compile_phrases, plain
from stratlint.api import assess_paths, lint_text
from stratlint.output.assurance.assess import RED

ROOT = Path(__file__).resolve().parents[2]
STRONG = ROOT / "examples" / "strong-riverside-trust.md"

# Each evidence rule and the heading of the strong example's section that answers it.
SECTION_RULES = {
    "missing-mission": "Our mission",
    "not-integrated": "How this supports our clinical strategy",
    "missing-user-needs": "What our users told us",
    "missing-principles": "Our principles",
    "missing-delivered-so-far": "What we have delivered so far",
    "missing-service-map": "Our services",
    "missing-prioritisation": "How we will choose",
    "missing-not-doing": "What we will not do",
    "missing-exemplars": "Where we start",
    "missing-system-alignment": "Working with our system partners",
    "missing-organisational-change": "How the trust will change",
    "missing-risks": "What could go wrong",
    "missing-decommissioning": "Switching off old technology",
    "missing-success-measures": "How we will know it is working",
    "missing-review-cadence": "Keeping it current",
}
FILLERS = ["To be agreed at the next board meeting.", "TBC", "[To follow]",
           "This section will be added later.", ""]


def _hollow_copy(tmp_path: Path, filler: str) -> Path:
    """The strong example's headings, each over nothing but `filler`."""
    lines = []
    for line in STRONG.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            lines += [line, ""] + ([filler, ""] if line.startswith("## ") and filler else [])
    path = tmp_path / "hollow.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _fired(path: Path) -> set[str]:
    return {f.rule for f in lint_text(path.read_text(encoding="utf-8"), path.name, config={})}


def test_the_strong_example_passes_every_evidence_rule():
    assert not _fired(STRONG) & set(SECTION_RULES)


@pytest.mark.parametrize("filler", FILLERS)
def test_a_hollow_strategy_fails_every_rule_whose_section_is_hollow(tmp_path, filler):
    path = _hollow_copy(tmp_path, filler)
    assert set(SECTION_RULES) <= _fired(path)
    findings = lint_text(path.read_text(encoding="utf-8"), path.name, config={})
    risks = next(f for f in findings if f.rule == "missing-risks")
    if filler:   # the finding says which section came close and why it did not count
        assert "'What could go wrong' has nothing written in it yet" in risks.message


def test_a_hollow_strategys_report_rates_those_questions_red(tmp_path):
    path = _hollow_copy(tmp_path, FILLERS[0])
    (card,) = assess_paths([path], config={}).scorecards
    assert all(result.rating == RED for result in card.questions), \
        [(r.question.key, r.rating) for r in card.questions]
    # No quote of a bare heading or of the filler anywhere.
    assert not [e for r in card.questions for e in r.evidence]


def test_one_written_section_is_enough_again(tmp_path):
    path = _hollow_copy(tmp_path, FILLERS[0])
    text = path.read_text(encoding="utf-8").replace(
        "## What could go wrong\n\nTo be agreed at the next board meeting.",
        "## What could go wrong\n\nA cyber attack could take the record offline for days; "
        "we test restoring it every quarter.")
    path.write_text(text, encoding="utf-8")
    assert "missing-risks" not in _fired(path)


@pytest.mark.parametrize("text, expected", [
    ("To be agreed at the next board meeting.", True),
    ("TBC", True),
    ("Details to follow.", True),
    ("Consultation findings will be added once the resident survey closes.", True),
    ("This section will be completed after consultation.", True),
    ("[insert baseline]", True),
    ("Findings were added to the record once the survey closed in May.", False),
    ("We will agree these at the next board, once the budget is to be confirmed, and "
     "publish the list of services with their owners and volumes in the annual report.",
     False),
    ("A cyber attack could stop the booking service for a day.", False),
])
def test_filler(text, expected):
    assert hollow.filler(text) is expected


@pytest.mark.parametrize("sentence, word, expected", [
    ("We will develop KPIs for each priority.", "KPIs", True),
    ("Key performance indicators will also be developed next year.", "Key", True),
    ("Measures are yet to be agreed with the board.", "Measures", True),
    ("A framework, including key performance indicators (KPIs) and baselines for each "
     "outcome, will be developed during 2024/25.", "key", True),
    ("Decisions will be built into the financial planning cycle, and a workforce plan will "
     "be developed.", "financial", False),
    ("Our KPIs are reported to the board every month.", "KPIs", False),
    ("We track three indicators: calls, waits and complaints.", "indicators", False),
])
def test_intention(sentence, word, expected):
    assert hollow.intention(sentence, sentence.index(word)) is expected


@pytest.mark.parametrize("sentence, words, expected", [
    ("Our work applies the principles set out in the Industrial Strategy.", "principles", True),
    ("Executive Order 13960 establishes principles for agency use of AI.", "principles", True),
    ("We have five principles that guide our decisions.", "principles", False),
])
def test_another_bodys_document(sentence, words, expected):
    start = sentence.index(words)
    assert hollow.elsewhere(sentence, start, start + len(words)) is expected


@pytest.mark.parametrize("sentence, expected", [
    ("We have migrated 40 systems to the cloud.", True),
    ("Last year the council rolled out a new repairs app.", True),
    ("In 2020, agencies nominated 61 staff for a data skills pilot.", True),
    ("We onboarded 14 schools last spring.", True),
    ("By 2027 we will have moved every record.", False),
    ("In 2026 the portal will be replaced.", False),
    ("We have seen demand grow every year.", False),
    ("We surveyed 800 tenants in May.", False),
    ("The vision we have developed guides this plan.", False),
    ("We tested early drafts with our board and staff.", False),
    ("We will not switch it on until the data is sound and we have completed a review.",
     False),
    ("When we launched the app in 2022, calls fell by a third.", True),
    ("It has meant that we have tended to invest in one-off fixes.", False),
    ("We have had to cut costs every year.", False),
    ("We have moved our records to the cloud.", True),
    ("By 2030, routine checks are done automatically.", False),
    ("Callers ask questions our website should have answered.", False),
    ("Our community nursing team has moved to tablets.", True),
])
def test_delivered_work_in_any_verb(sentence, expected):
    assert (delivery(sentence) is not None) is expected


def test_typographic_marks_match_their_plain_twins():
    text = "We\u2019ve delivered \u201cdigital first\u201d \u2013 and we\u2019ll go on."
    assert plain(text) == "We've delivered \"digital first\" - and we'll go on."
    assert len(plain(text)) == len(text)
    assert compile_phrases(("we have delivered", "we will go on")).findall(plain(text)) == [
        "We've delivered", "we'll go on"]


def test_contents_entries_and_glossary_definitions_are_not_evidence():
    text = """# Digital Strategy 2025 to 2028

## Contents

- What could go wrong
- What we will not do

## Our plan

We will open online booking by March 2026.

## Glossary

- Cyber security: keeping systems and data safe from attack and outage.
- Risk register: the list of threats the board reviews.
"""
    fired = {f.rule for f in lint_text(text, "s.md", config={})}
    assert {"missing-risks", "missing-not-doing"} <= fired


# --- commitments ---------------------------------------------------------------------------

THEMED = """# Fernhill Trust Digital Strategy

## Priority 1: Fewer wasted trips

*Executive lead: Chief Operating Officer.*

### By March 2026

1. Let patients change appointments online, so that 40% of changes need no call.
2. Send letters digitally to 60% of patients who agree to it.

## Priority 2: Time back for nurses

*Executive lead: Chief Nursing Information Officer.*

### By March 2027

3. Cut log-ins at the start of a shift from six to two.
4. Redesign the emergency department handover with the staff who do it.
"""


def test_items_under_theme_headings_take_their_date_and_owner_from_above():
    gaps = [f for f in lint_text(THEMED, "s.md", config={}) if f.rule.startswith("commitment-")]
    # Only item 4 lacks anything (a measure); the dates and owners come from the headings.
    assert [(f.rule, f.line) for f in gaps] == [("commitment-not-measurable", 19)]
    assert "has no measure or target" in gaps[0].message


MISSIONS = """# Permits Agency Strategy 2025 to 2028

## Mission {n}: Make applying simple

**Lead: Director of Operations**

- Publish a plain guide to the rules by September 2025.
- Show applicants the status of every application online by March 2026.
- Replace the paper renewal form with an online service by December 2025.
- Remove duplicate entry of applicant details by March 2027.
- Bring appeals online by March 2027.

**We'll know this is working when:**

- calls about application status fall by 50% by March 2027;
- 90% of renewals are made online by March 2027.
"""


def test_bullets_under_mission_headings_are_commitments_and_measures_lists_are_not():
    text = "".join(MISSIONS.format(n=n).split("\n", 2)[2] if n > 1 else MISSIONS.format(n=n)
                   for n in (1, 2, 3))
    count = next(f for f in lint_text(text, "s.md", config={})
                 if f.rule == "too-many-commitments")
    assert count.message.startswith("15 commitments")   # 5 per mission, no measures
    # A heading about beliefs stays out, even when numbered like a theme.
    values = text.replace("Mission 2: Make applying simple", "Mission 2: our values")
    assert "too-many-commitments" not in {f.rule for f in lint_text(values, "s.md",
                                                                    config={})}


def test_table_rows_take_dates_from_the_heading_above_their_table_unless_a_column_decides():
    text = """# Borough Digital Plan 2025 to 2028

## What we will do

### 2025/26 priorities

| Action | Lead |
|---|---|
| Open drop-in help in 20 libraries | Head of Libraries |

### 2026/27 priorities

| Action | Lead |
|---|---|
| Offer help in four community languages at 10 hubs | Head of Customer Services |

## Our commitments

Each commitment has one accountable owner and we review them every quarter.

| Commitment | Target | By when | Owner |
|---|---|---|---|
| Answer calls first time | 90% answered | June 2026 | Head of Contact |
| Book repairs online | 40% online |  |  |
"""
    gaps = [f for f in lint_text(text, "s.md", config={}) if f.rule.startswith("commitment-")]
    # The dated headings cover the first two tables; the last row's empty cells are gaps,
    # whatever the paragraph above the table says.
    assert [(f.rule, f.line) for f in gaps] == [("commitment-not-time-bound", 24)]
    assert "a date or timescale and a named owner" in gaps[0].message


HORIZONS = """# Licensing Digital Strategy 2023 to 2030

## Our roadmap

### Horizon 1: Build the foundations (2023-2025)

**What we will do**

- Move licence renewals to an online service, led by the Director of Operations.
- Give 400 assessors one login, led by the Chief Information Officer.

**What success looks like**

- Customers renew without calling us.
- Assessors spend less time re-typing.
"""


def test_phase_headings_date_their_items_and_success_lists_are_not_commitments():
    gaps = [f for f in lint_text(HORIZONS, "s.md", config={}) if f.rule.startswith("commitment-")]
    # Two commitments, dated by the horizon's range; the first lacks only a measure. The
    # success list under its bold label holds results, not actions.
    assert [(f.rule, f.line) for f in gaps] == [("commitment-not-measurable", 9)], \
        [(f.rule, f.line, f.message) for f in gaps]


def test_a_group_label_row_across_a_table_is_not_a_commitment():
    from stratlint.analysis import Analysis
    from stratlint.api import read_string

    text = """# Action plan

## Annex A: Action plan

| # | Action | Lead | By |
|---|---|---|---|
| **Data** | | | |
| 1 | Publish address data standards | Data Office | June 2026 |
| **Artificial intelligence** | | | |
| 2 | Pilot an assistant for contact centre staff | Digital Ministry | March 2027 |
"""
    commitments = Analysis(read_string(text, "s.md")).commitments
    assert [c.text.split(" | ")[1] for c in commitments] == [
        "Publish address data standards", "Pilot an assistant for contact centre staff"]


def test_a_short_item_titles_the_paragraph_that_details_it():
    text = """# Community Health Strategy 2025 to 2028

## Our commitments

1. Fewer logins

Cut the logins a nurse makes in a shift from 11 to three. Lead: Chief Nursing Information
Officer. By December 2026.

2. Confident staff

Help staff feel more confident with their systems. Lead: Head of Training. By March 2027.
"""
    gaps = [f for f in lint_text(text, "s.md", config={}) if f.rule.startswith("commitment-")]
    # Each title takes its measure, owner and date from the paragraph under it; only the
    # second has no measure.
    assert [(f.rule, f.line) for f in gaps] == [("commitment-not-measurable", 10)], \
        [(f.rule, f.line, f.message) for f in gaps]


def test_item_numbers_and_counts_of_parts_are_not_measures():
    text = """# Digital Strategy

## Our commitments

- 1.2 Improve the booking service by March 2026 (Director of Operations).
- Deliver our 5 enablers by March 2027 (Chief Digital Officer).
"""
    gaps = [f for f in lint_text(text, "s.md", config={}) if f.rule.startswith("commitment-")]
    assert [f.rule for f in gaps] == ["commitment-not-measurable"] * 2


def test_each_commitment_is_one_finding_naming_all_it_lacks():
    text = "# Plan\n\n## Our commitments\n\n- Improve the patient experience.\n"
    gaps = [f for f in lint_text(text, "s.md", config={}) if f.rule.startswith("commitment-")]
    assert len(gaps) == 1
    assert "lacks a measure or target, a date or timescale and a named owner" in gaps[0].message
    # With the first part's rule off, the next rule says it all instead.
    gaps = [f for f in lint_text(text, "s.md", config={"ignore": ["commitment-not-measurable"]})
            if f.rule.startswith("commitment-")]
    assert [f.rule for f in gaps] == ["commitment-not-time-bound"]


def test_many_commitments_lacking_a_part_are_counted_in_one_finding():
    items = "\n".join(f"- Improve service {n} by March 2026." for n in range(1, 9))
    text = f"# Plan\n\n## Our commitments\n\n{items}\n"
    owners = [f for f in lint_text(text, "s.md", config={})
              if f.rule == "commitment-no-owner"]
    assert len(owners) == 1
    assert owners[0].message.startswith("8 of 8 commitments (lines 5, 6, 7, 8, 9, ...)")


def test_action_headings_are_one_commitment_each():
    sections = "\n".join(f"## Action {n}: Improve service {n}\n\nMilestone: a pilot by "
                         f"March 2026, led by the Head of Service {n}.\n" for n in range(1, 14))
    text = f"# Action Plan\n\n{sections}"
    fired = {f.rule for f in lint_text(text, "s.md", config={})}
    assert "too-many-commitments" in fired
    count = next(f for f in lint_text(text, "s.md", config={})
                 if f.rule == "too-many-commitments")
    assert count.message.startswith("13 commitments")


def test_a_title_over_the_whole_document_is_not_a_commitments_section():
    body = "\n".join(f"We will improve service {n}." for n in range(1, 15))
    text = f"# Smart City Roadmap\n\n## Vision\n\nA better city.\n\n## Our approach\n\n{body}\n"
    assert "too-many-commitments" in {f.rule for f in lint_text(text, "s.md", config={})}
    values = text.replace("## Our approach", "## Our values")
    assert "too-many-commitments" not in {f.rule for f in lint_text(values, "s.md", config={})}


# --- signal --------------------------------------------------------------------------------

def test_a_term_is_reported_once_per_section():
    text = ("# Plan\n\n## Booking\n\nWe will leverage the app. We will leverage the web.\n\n"
            "## Records\n\nWe will leverage the record.\n")
    vague = [f.line for f in lint_text(text, "s.md", config={}) if f.rule == "vague-language"]
    assert vague == [5, 9]


def test_hype_technology_is_reported_once_per_document_and_only_when_frequent():
    dense = "# Plan\n\n" + "AI will triage every call. AI will book every visit. " * 3 + "\n"
    found = [f for f in lint_text(dense, "s.md", config={}) if f.rule == "unproven-tech"]
    assert len(found) == 1 and "6 mentions" in found[0].message
    filler = "Patients book, change and cancel visits online with the care team. " * 120
    sparse = f"# Plan\n\n{filler}\n\nAI will triage calls. AI will book visits. AI helps.\n"
    assert "unproven-tech" not in {f.rule for f in lint_text(sparse, "s.md", config={})}


def test_terms_in_contents_lists_and_glossaries_are_not_reported():
    text = """# Plan

## Contents

- Leveraging the shared care record
- Our plan

## Our plan

Nurses see results on the ward.

## Glossary

- Blockchain: a shared ledger. AI: software that learns. RPA: robotic process automation.
- Synergy: joint working that leverages each partner.
"""
    fired = {f.rule for f in lint_text(text, "s.md", config={})}
    assert not fired & {"vague-language", "unproven-tech", "cookie-cutter"}
    as_prose = text.replace("## Glossary", "## Our approach").replace("## Contents", "## Aims")
    assert "vague-language" in {f.rule for f in lint_text(as_prose, "s.md", config={})}


def test_findings_on_one_line_print_together_with_the_line_once(tmp_path):
    from click.testing import CliRunner

    from stratlint.cli import main

    weak = ROOT / "examples" / "weak-hillcrest-trust.md"
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "text", str(weak)])
    lines = result.output.splitlines()
    title = "    # Hillcrest Hospitals NHS Foundation Trust Digital Strategy 2024-2034"
    assert lines.count(title) == 1
    at_title = [line for line in lines if line.startswith(f"{weak}:1:")
                or line.split(":")[1:2] == ["1"] and " SL" in line]
    assert len(at_title) > 10
    # Read left to right, then by code.
    keys = [(int(line.split(":")[2]), line.split()[1]) for line in at_title]
    assert keys == sorted(keys)
    # The title's own findings are printed before its line, with a marker for each span.
    after = lines[lines.index(title) + 1:lines.index(title) + 3]
    assert all(set(marker.strip()) == {"^"} for marker in after)


def test_a_rule_with_only_decisive_patterns_finds_its_evidence():
    from stratlint.analysis import Analysis
    from stratlint.checks import required
    from stratlint.readers import read_text

    document = read_text("# Plan\n\nOlder tenants are in danger of being left out.\n", "x.md")
    options = {"decisive-patterns": [r"\bin danger of\b"], "evidence": "a risk"}
    assert required.satisfied(document, Analysis(document), options)
    assert not required.satisfied(document, Analysis(document),
                                  {"decisive-patterns": [r"\bcyber\b"], "evidence": "a risk"})
