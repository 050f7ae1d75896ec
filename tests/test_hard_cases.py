"""The hard cases a digital team meets in real strategies, each checked end to end."""
from __future__ import annotations

from stratlint import lint_paths, lint_text

COMMITMENT_RULES = {"commitment-not-measurable", "commitment-not-time-bound",
                    "commitment-no-owner", "commitment-names-solution"}


def rules_fired(text: str, path: str = "strategy.md") -> set[str]:
    return {f.rule for f in lint_text(text, path=path)}


def test_strategy_that_will_not_chase_ai_yet_is_not_unproven_tech():
    text = """# Westbrook Community Trust Digital Strategy 2025 to 2028

## What we will not do

We will not buy artificial intelligence tools in this period. Our records are still
incomplete, and machine learning trained on poor data gives confident wrong answers.
We will look again at AI only once our data quality audit passes, not before 2027.
Generative AI is not part of this strategy, and neither is blockchain.
"""
    assert "unproven-tech" not in rules_fired(text)


def test_same_document_that_promises_ai_is_unproven_tech():
    text = """# Westbrook Community Trust Digital Strategy 2025 to 2028

## Our ambition

Artificial intelligence will triage every referral. Machine learning will predict which
patients miss appointments, and a generative AI assistant will write discharge letters.
"""
    assert "unproven-tech" in rules_fired(text)


def test_three_year_strategy_citing_the_long_term_plan_is_not_too_long_term():
    text = """# Digital Strategy 2025 to 2028

The NHS Long Term Plan, published in 2019, set a ten-year direction for the health
service. Our strategy covers three years and is refreshed every April.

> The NHS Long Term Plan sets out a ten-year programme to make digitally enabled care
> mainstream across the NHS.
"""
    assert "too-long-term" not in rules_fired(text)


def test_ten_year_strategy_is_too_long_term():
    text = """# Digital Strategy 2025 to 2035

This ten-year strategy sets out our direction for the next decade.
"""
    assert "too-long-term" in rules_fired(text)


def test_good_commitment_as_a_table_row_passes_every_commitment_rule():
    text = """# Digital Strategy 2025 to 2028

## Our commitments

| Commitment | Measure and target | By when | Owner |
|---|---|---|---|
| Patients can rebook outpatient appointments online | 40% of changes made online, from 9% | March 2027 | Director of Operations |
| Nurses see test results on the ward | Results viewed within 1 hour for 90% of tests | December 2026 | Chief Nurse |
"""
    assert not rules_fired(text) & COMMITMENT_RULES


def test_weak_commitment_as_a_table_row_is_reported():
    text = """# Digital Strategy 2025 to 2028

## Our commitments

| Commitment | Measure and target | By when | Owner |
|---|---|---|---|
| Improve the patient experience | Better experience | Ongoing | |
"""
    from stratlint.api import lint_text

    gaps = [f for f in lint_text(text, "s.md", config={}) if f.rule in COMMITMENT_RULES]
    # One finding for the commitment, naming everything it lacks (not three).
    assert len(gaps) == 1
    assert gaps[0].rule == "commitment-not-measurable"
    for part in ("a measure or target", "a date or timescale", "a named owner"):
        assert part in gaps[0].message


def test_commitment_owned_by_a_named_clinical_director_has_an_owner():
    text = """# Digital Strategy 2025 to 2028

## What we will do

By March 2026 we will cut the time from referral to first appointment in community
paediatrics from 14 weeks to 8 weeks. This is led by Dr Amara Okafor, Clinical Director
for Children's Services.
"""
    findings = lint_text(text, path="strategy.md")
    assert not [f for f in findings if f.rule == "commitment-no-owner"]
    assert not [f for f in findings if f.rule in ("commitment-not-measurable",
                                                   "commitment-not-time-bound")]


def test_text_shared_between_two_strategies_is_cookie_cutter(tmp_path):
    shared = ("Our residents deserve services that work first time, on any device, at any "
              "hour. We will design every service around the people who use it, test it with "
              "them before launch, and keep improving it once it is live. Staff will have the "
              "tools and training they need to help residents who cannot or will not go "
              "online, so that nobody is left behind by the changes we make.")
    (tmp_path / "north.md").write_text(f"# North Council\n\n{shared}\n\nNorth runs 14 libraries.\n")
    (tmp_path / "south.md").write_text(f"# South Council\n\nSouth has a new market.\n\n{shared}\n")
    findings = [f for f in lint_paths([tmp_path]) if f.rule == "cookie-cutter"]
    paths = {f.path.rsplit("/", 1)[-1] for f in findings}
    assert paths == {"north.md", "south.md"}
    assert all("same as in" in f.message for f in findings)


def test_different_strategies_share_no_text(tmp_path):
    (tmp_path / "north.md").write_text(
        "# North Council\n\nNorth will move library bookings online by March 2026, owned by "
        "the Head of Libraries, so that 60% of bookings are made without a phone call.\n")
    (tmp_path / "south.md").write_text(
        "# South Council\n\nSouth will let tenants report repairs with photos by June 2026; "
        "the Director of Housing owns this and expects repeat visits to fall by a fifth.\n")
    assert not [f for f in lint_paths([tmp_path]) if f.rule == "cookie-cutter"]
