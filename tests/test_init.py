"""`stratlint init`: a starter strategy whose placeholders trip the rules until filled in."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from stratlint import lint_paths
from stratlint.config import load_file
from stratlint.readers import read_path
from stratlint.analysis.placeholders import PLACEHOLDER
from stratlint.readers.structured.schema import jsonable

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"

# The evidence rules behind the guide's ten questions for boards, and the other rules a
# fresh starter must trip until its sections are written.
# A commitment's gaps are one finding, under the first rule whose part it lacks (here the
# measure): its message names the date and owner it lacks too.
BOARD_RULES = {
    "not-integrated", "missing-mission", "missing-user-needs", "missing-service-map",
    "missing-not-doing", "commitment-not-measurable", "missing-success-measures",
    "missing-system-alignment", "missing-organisational-change", "missing-risks",
}
OTHER_RULES = {"missing-principles", "missing-delivered-so-far", "missing-prioritisation",
               "missing-exemplars", "missing-review-cadence", "missing-decommissioning",
               "unfilled-placeholder"}

# What a trust would write in place of each placeholder of the Markdown starter, in order.
MARKDOWN_ANSWERS = [
    ("[TODO: organisation name]", "Brookfield Community Health NHS Trust"),
    ("[TODO: who your organisation serves and employs, with numbers]",
     "Our 3,900 staff care for 350,000 people across Brookfield and the Marsh villages."),
    ("[TODO: one-sentence mission: what digital will do for the people you serve and your "
     "staff]", "Our mission is care that is easy for patients to reach and easy for staff "
               "to give."),
    ("[TODO: name your organisation's own strategy and plans, and the aims of theirs this "
     "work serves]",
     "Our board agreed the trust strategy, Care at Home First, in 2024. Digital work serves "
     "its three aims: more care at home, fewer avoidable hospital stays and shorter waits "
     "for therapy."),
    ("[TODO: the research, feedback and complaints you drew on, and the biggest needs they "
     "showed]",
     "In 2024 we interviewed 50 patients and carers and 40 staff, and read 300 complaints. "
     "Patients told us they cannot get through on the phone. Nurses said they spend 90 "
     "minutes a day writing notes."),
    ("[TODO: busiest service]", "District nursing visits"),
    ("[TODO: uses a year]", "280,000"),
    ("[TODO: cost per use]", "£60"),
    ("[TODO: share online]", "70% of notes written at the visit"),
    ("[TODO: owner]", "Head of Community Nursing"),
    ("[TODO: second service]", "Single point of access calls"),
    ("[TODO: uses a year]", "150,000"),
    ("[TODO: cost per use]", "£7"),
    ("[TODO: share online]", "5% of referrals made online"),
    ("[TODO: owner]", "Director of Operations"),
    ("[TODO: third service]", "Podiatry appointments"),
    ("[TODO: uses a year]", "48,000"),
    ("[TODO: cost per use]", "£40"),
    ("[TODO: share online]", "20% rebooked by text"),
    ("[TODO: owner]", "Head of Podiatry"),
    ("[TODO: three to six principles that guide everyday decisions]",
     "Teams use these to decide:\n\n- Start with the problem, not the product.\n"
     "- Fix the basics first.\n- Keep a phone route for people who are not online."),
    ("[TODO: what you have delivered already, with the difference it made]",
     "Last year we moved all 12 nursing teams onto one patient record. Text reminders cut "
     "missed podiatry appointments from 11% to 6%."),
    ("[TODO: how you weigh value against effort, and what goes first]",
     "We score each proposal for value to patients and staff against the effort it needs. "
     "High value, low effort work goes first."),
    ("[TODO: work you will stop, defer or leave to others, and why]",
     "We will not build our own patient app, and we have paused the intranet rebuild "
     "until 2027."),
    ("[TODO: two or three small pieces of work that show results within six months]",
     "Two small pieces of work go first: call-backs at the single point of access, and "
     "online rebooking in podiatry. Both should show results within six months."),
    ("[TODO: first commitment]", "Patients get through on the phone first time."),
    ("[TODO: measure, today's value and target]",
     "Unanswered calls fall from 25% to under 10%."),
    ("[TODO: month and year]", "March 2026"),
    ("[TODO: accountable role]", "Director of Operations"),
    ("[TODO: second commitment]", "Patients can move or cancel podiatry appointments online."),
    ("[TODO: measure, today's value and target]", "Online changes rise from 20% to 50%."),
    ("[TODO: month and year]", "September 2026"),
    ("[TODO: accountable role]", "Head of Podiatry"),
    ("[TODO: third commitment]", "District nurses spend more time with patients."),
    ("[TODO: measure, today's value and target]",
     "Time on notes falls from 90 to 45 minutes a day."),
    ("[TODO: month and year]", "March 2027"),
    ("[TODO: accountable role]", "Chief Nursing Information Officer"),
    ("[TODO: indicators, each with today's value and a target]",
     "We track three figures. Unanswered calls are 25% now, with a target of 10%. Online "
     "changes are 20% now, with a target of 50%. Minutes a day on notes are 90 now, with a "
     "target of 45."),
    ("[TODO: how often you show progress, review the measures and refresh this strategy]",
     "The digital committee reviews progress every month, and we refresh this strategy "
     "each March."),
    ("[TODO: how this fits your integrated care system, partnership or sector plans, and "
     "what you do with partners]",
     "We are part of the Brookfield and Marsh integrated care system (ICS). Our nursing "
     "notes feed the shared care record, so GPs and hospital teams can see them."),
    ("[TODO: changes to funding, governance, skills and ways of working]",
     "We will fund lasting service teams rather than one-off projects, and team leads will "
     "decide spending under £25,000."),
    ("[TODO: the main risks and how each is reduced]",
     "A cyber attack could lock staff out of records, so all staff use two-step login and "
     "we test backups every quarter. If a system fails, teams use a paper pack."),
    ("[TODO: the old systems you will switch off, and when]",
     "All 30 fax machines switch off by September 2026, and the old patient administration "
     "system closes in March 2027."),
]

YAML_ANSWERS = [
    ("[TODO: organisation name]", "Brookfield Community Health NHS Trust"),
    ("[TODO: organisation name]", "Brookfield Community Health NHS Trust"),
    ("[TODO: one-sentence mission: what digital will do for the people you serve and your "
     "staff]", "Care that is easy for patients to reach and easy for staff to give."),
    ("[TODO: your organisation's own strategy or plan, and the aim this serves]",
     "Care at Home First, our trust strategy, and its aim of more care at home."),
    ("[TODO: the system or partnership plan this fits]",
     "The Brookfield and Marsh integrated care system plan for a shared care record."),
    ("[TODO: a group of users, such as carers or district nurses]", "District nurses"),
    ("[TODO: the biggest need they told you about, with the evidence]",
     "In 40 interviews, nurses said they spend 90 minutes a day writing notes."),
    ("[TODO: busiest service]", "District nursing visits"),
    ("[TODO: uses a year]", "280000"),
    ("[TODO: cost of one use]", "£60"),
    ("[TODO: share done online]", "70%"),
    ("[TODO: accountable role]", "Head of Community Nursing"),
    ("[TODO: a principle that helps teams decide]", "Fix the basics first."),
    ("[TODO: how you weigh value against effort, and what goes first]",
     "High value, low effort work goes first."),
    ("[TODO: work you will stop, defer or leave to others, and why]",
     "We will not build our own patient app."),
    ("[TODO: a small piece of work that shows results within six months]",
     "Online rebooking in podiatry within six months."),
    ("[TODO: first commitment]", "Patients get through on the phone first time."),
    ("[TODO: the difference it makes, and for whom]", "Fewer patients give up and call again."),
    ("[TODO: how anyone can tell it was kept]", "Unanswered calls"),
    ("[TODO: the value that counts as done]", "under 10%"),
    ("[TODO: month and year]", "March 2026"),
    ("[TODO: accountable role]", "Director of Operations"),
    ("[TODO: second commitment]", "District nurses spend more time with patients."),
    ("[TODO: the difference it makes, and for whom]", "Patients get longer visits."),
    ("[TODO: how anyone can tell it was kept]", "Minutes a day each nurse spends on notes"),
    ("[TODO: the value that counts as done]", "45"),
    ("[TODO: month and year]", "March 2027"),
    ("[TODO: accountable role]", "Chief Nursing Information Officer"),
    ("[TODO: an indicator]", "Unanswered calls"),
    ("[TODO: its value today]", "25%"),
    ("[TODO: the value aimed for]", "10%"),
    ("[TODO: year]", "2027"),
    ("[TODO: how often you show progress, review the measures and refresh this strategy]",
     "Monthly progress reviews, and a refresh of this strategy each March."),
    ("[TODO: a change to funding, governance, skills or ways of working]",
     "Lasting service teams with three-year budgets."),
    ("[TODO: a risk, stated plainly]", "A cyber attack locks staff out of records."),
    ("[TODO: how it is reduced]", "Two-step login for all staff, and tested backups."),
    ("[TODO: the role that watches it]", "Senior Information Risk Owner"),
    ("[TODO: something delivered already, and the difference it made]",
     "Text reminders cut missed podiatry appointments from 11% to 6%."),
    ("[TODO: an old system to retire]", "The last 30 fax machines"),
    ("[TODO: year]", "2026"),
]


def fill(text: str, answers) -> str:
    """Replace each placeholder, in order, with the answer written for it."""
    found = PLACEHOLDER.findall(text)
    assert found == [placeholder for placeholder, _answer in answers]
    replies = iter(answer for _placeholder, answer in answers)
    return PLACEHOLDER.sub(lambda _m: next(replies), text)


def rules_fired(path) -> set[str]:
    return {f.rule for f in lint_paths([path])}


@pytest.mark.parametrize("fmt, name, answers", [
    ("markdown", "strategy.md", MARKDOWN_ANSWERS),
    ("yaml", "strategy.yaml", YAML_ANSWERS),
])
def test_init_then_check_reports_the_placeholders_and_filling_them_clears_them(
        run_cli, tmp_path, fmt, name, answers):
    result = run_cli("init", "--format", fmt, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    strategy = tmp_path / name
    assert strategy.is_file() and (tmp_path / ".stratlint.yaml").is_file()
    assert result.stdout == ""
    assert f"wrote {name}" in result.stderr

    check = run_cli("check", name, cwd=tmp_path)
    assert check.exit_code == 1
    fired = rules_fired(strategy)
    assert BOARD_RULES | OTHER_RULES <= fired
    placeholders = [f for f in lint_paths([strategy]) if f.rule == "unfilled-placeholder"]
    assert len(placeholders) == len(answers)
    assert "schema-violation" not in fired

    strategy.write_text(fill(strategy.read_text(encoding="utf-8"), answers), encoding="utf-8")
    left = lint_paths([strategy])
    assert [(f.rule, f.line, f.message) for f in left] == []
    assert run_cli("check", name, cwd=tmp_path).exit_code == 0


def test_a_half_filled_starter_reports_only_what_is_left(run_cli, tmp_path):
    run_cli("init", cwd=tmp_path)
    strategy = tmp_path / "strategy.md"
    text = fill(strategy.read_text(encoding="utf-8"), MARKDOWN_ANSWERS)
    text = text.replace("We will not build our own patient app, and we have paused the "
                        "intranet rebuild until 2027.",
                        "[TODO: work you will stop, defer or leave to others, and why]")
    strategy.write_text(text, encoding="utf-8")
    found = [(f.rule, f.line) for f in lint_paths([strategy])]
    line = text.splitlines().index("[TODO: work you will stop, defer or leave to others, "
                                   "and why]") + 1
    assert sorted(found) == [("missing-not-doing", 1), ("unfilled-placeholder", line)]


def test_the_yaml_starter_validates_against_the_strategy_schema(run_cli, tmp_path):
    assert run_cli("init", "--format", "yaml", cwd=tmp_path).exit_code == 0
    text = (tmp_path / "strategy.yaml").read_text(encoding="utf-8")
    schema = json.loads((SCHEMAS / "strategy.schema.json").read_text(encoding="utf-8"))
    data = jsonable(yaml.safe_load(text))
    assert set(data) == set(schema["properties"])   # a field for every part of the schema
    errors = list(Draft202012Validator(schema).iter_errors(data))
    assert not errors, [e.message for e in errors]
    assert read_path(tmp_path / "strategy.yaml").problems == ()
    # ...and so does it once filled in.
    filled = yaml.safe_load(fill(text, YAML_ANSWERS))
    assert not list(Draft202012Validator(schema).iter_errors(jsonable(filled)))


def test_the_starter_config_is_valid(run_cli, tmp_path):
    run_cli("init", cwd=tmp_path)
    config = load_file(tmp_path / ".stratlint.yaml")
    assert config.fail_on == "warning"
    schema = json.loads((SCHEMAS / "config.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((tmp_path / ".stratlint.yaml").read_text(encoding="utf-8"))
    assert Draft202012Validator(schema).is_valid(data)


def test_the_markdown_starter_has_a_section_for_each_board_question(run_cli, tmp_path):
    run_cli("init", cwd=tmp_path)
    text = (tmp_path / "strategy.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert len(headings) >= 10
    for question in ("How integrated are", "succinct mission", "users and their biggest needs",
                     "Which services are run", "not prioritising", "realistic and tangible",
                     "know if it is working", "align with the wider system",
                     "organisation change", "What could go wrong"):
        assert question in text, question


# Never overwriting ------------------------------------------------------------------------

def test_init_never_overwrites_without_force(run_cli, tmp_path):
    strategy = tmp_path / "strategy.md"
    strategy.write_text("# Our own strategy\n", encoding="utf-8")
    result = run_cli("init", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "strategy.md already exists; use --force" in result.stderr
    assert strategy.read_text(encoding="utf-8") == "# Our own strategy\n"
    assert not (tmp_path / ".stratlint.yaml").exists()   # nothing written at all


def test_force_overwrites_the_strategy_but_keeps_the_config(run_cli, tmp_path):
    assert run_cli("init", cwd=tmp_path).exit_code == 0
    strategy, config = tmp_path / "strategy.md", tmp_path / ".stratlint.yaml"
    strategy.write_text("# Our own strategy\n", encoding="utf-8")
    config.write_text("fail-on: error\n", encoding="utf-8")
    assert run_cli("init", cwd=tmp_path).exit_code == 2
    result = run_cli("init", "--force", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "[TODO: organisation name]" in strategy.read_text(encoding="utf-8")
    assert config.read_text(encoding="utf-8") == "fail-on: error\n"
    assert "kept the existing configuration" in result.stderr


def test_no_config_is_written_where_one_already_applies(run_cli, tmp_path):
    (tmp_path / "stratlint.yaml").write_text("ignore: [SL5]\n", encoding="utf-8")
    result = run_cli("init", "plans/2026.md", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "plans" / "2026.md").is_file()
    assert not (tmp_path / "plans" / ".stratlint.yaml").exists()
    assert "stratlint.yaml" in result.stderr


@pytest.mark.parametrize("args, written", [
    (["docs"], "docs/strategy.md"),
    (["--format", "yaml", "docs"], "docs/strategy.yaml"),
    (["board/plan.yml"], "board/plan.yml"),
    (["board/plan.markdown"], "board/plan.markdown"),
])
def test_path_may_be_a_file_or_a_folder(run_cli, tmp_path, args, written):
    (tmp_path / "docs").mkdir()
    result = run_cli("init", *args, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / written
    assert path.is_file()
    assert (path.parent / ".stratlint.yaml").is_file()
    fmt = "yaml" if written.endswith((".yaml", ".yml")) else "markdown"
    assert read_path(path).format == fmt


def test_a_format_that_does_not_match_the_name_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("init", "--format", "yaml", "strategy.md", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "needs a name ending in .yaml or .yml" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_init_is_listed_in_help(run_cli):
    result = run_cli("--help")
    assert "init" in result.stdout
    assert "--force" in run_cli("init", "--help").stdout
