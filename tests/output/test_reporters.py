"""The CI reporters: SARIF, GitHub annotations, GitLab Code Quality, JUnit, and --format auto."""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from stratlint import __version__, api
from stratlint.output import lint as lint_output
from stratlint.run.result import RunResult
from stratlint.findings import Finding, Severity
from stratlint.output.lint import github, gitlab, junit, sarif

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT / "tests" / "corpus"
WEAK = EXAMPLES / "weak-hillcrest-trust.md"
STRONG = EXAMPLES / "strong-riverside-trust.md"
SARIF_SCHEMA = ROOT.parent / "shared" / "external" / "sarif" / "sarif-schema-2.1.0.json"

PLAN = """\
# Northfield Community Health NHS Trust: Digital Strategy 2025 to 2028

This strategy runs from April 2025 to March 2028. The board approved it in March 2025.

## What our patients told us

We spoke to 52 patients and 40 district nurses. Patients said they repeat their story at
every visit. Nurses said they spend 80 minutes a day typing up notes.

## What we will do

We will leverage the shared care record so that nurses see the same notes as GPs.
Leveraging our data, we will publish waiting times for community services every month.
We will become a world-class digital organisation.
"""

UNRELATED = """\
## A note on this version

This version adds the results of our winter survey. It replaces the draft of January 2025.

"""


def sarif_validator():
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"official SARIF 2.1.0 schema not found at {SARIF_SCHEMA}")
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def assert_valid_sarif(data: dict) -> None:
    errors = sorted(sarif_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def render(fmt: str, report: RunResult) -> str:
    stream = io.StringIO()
    lint_output.write(fmt, report, stream, lint_output.Options())
    return stream.getvalue()


def lint(folder: Path, monkeypatch, *names: str) -> RunResult:
    """Run the whole pipeline from `folder`, as CI does from the repository root."""
    monkeypatch.chdir(folder)
    return api.run_paths(list(names) or ["."])


@pytest.fixture
def repo(tmp_path, write):
    """A strategy repository: a weak and a strong strategy and a draft with a few problems."""
    write(tmp_path, "strategy/weak.md", WEAK.read_text(encoding="utf-8"))
    write(tmp_path, "strategy/strong.md", STRONG.read_text(encoding="utf-8"))
    write(tmp_path, "drafts/plan.md", PLAN)
    return tmp_path


def hand_report(*findings: Finding, lines=None, paths=()) -> RunResult:
    report = RunResult(findings=sorted(findings),
                       files=len(set(paths) | {f.path for f in findings}))
    report.paths = list(paths)
    report.source_lines.update(lines or {})
    return report


def finding(**changes) -> Finding:
    base = dict(path="plan.md", line=3, column=9, rule="vague-language", code="SL104",
                severity=Severity.WARNING, message="Vague wording 'leverage': write 'use' instead",
                end_line=3, end_column=17, excerpt="leverage", suggestion="use")
    base.update(changes)
    return Finding(**base)


def results(data: dict) -> list[dict]:
    return data["runs"][0]["results"]


def result_for(data: dict, rule: str, text: str, source: str) -> dict:
    """The one result of `rule` whose region covers `text` in the file's `source`."""
    lines = source.split("\n")
    found = []
    for result in results(data):
        region = result["locations"][0]["physicalLocation"]["region"]
        line = lines[region["startLine"] - 1]
        if result["ruleId"] == rule and \
                line[region["startColumn"] - 1:region["endColumn"] - 1] == text:
            found.append(result)
    assert len(found) == 1, found
    return found[0]


# Registry and --format ------------------------------------------------------------------

def test_every_format_is_registered_and_offered_by_the_cli():
    from stratlint.cli import check

    option = next(p for p in check.params if p.name == "output_format")
    assert set(option.type.choices) == set(lint_output.FORMATS) | {"auto"}
    assert option.default == "auto"
    assert {"sarif", "github", "gitlab", "junit"} <= set(lint_output.FORMATS)


@pytest.mark.parametrize("environ, expected", [
    ({"GITHUB_ACTIONS": "true"}, "github"),
    ({"GITHUB_ACTIONS": "false"}, "text"),
    ({"CI": "true"}, "text"),
    ({}, "text"),
])
def test_auto_resolves_from_the_environment(environ, expected):
    assert lint_output.resolve("auto", environ) == expected
    assert lint_output.resolve("sarif", environ) == "sarif"


def test_auto_is_the_default_and_picks_github_in_actions(run_cli, tmp_path, write):
    write(tmp_path, "plan.md", PLAN)
    result = run_cli("check", "plan.md", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::warning ", "::notice ", "::error "))
                         for line in lines)
    assert any("title=SL104 vague-language::" in line for line in lines)

    outside = run_cli("check", "plan.md", cwd=tmp_path)
    assert outside.exit_code == 1
    assert "plan.md:12:9: SL104 vague-language [warning]" in outside.stdout
    assert "::warning" not in outside.stdout
    explicit = run_cli("check", "--format", "text", "plan.md", cwd=tmp_path,
                       env={"GITHUB_ACTIONS": "true"})
    assert explicit.stdout == outside.stdout


@pytest.mark.parametrize("fmt", ["sarif", "github", "gitlab", "junit"])
def test_exit_codes_do_not_depend_on_the_format(run_cli, fmt):
    assert run_cli("check", "--format", fmt, WEAK, cwd=ROOT).exit_code == 1
    assert run_cli("check", "--format", fmt, STRONG, cwd=ROOT).exit_code == 0


def test_json_output_carries_the_suggestion(run_cli, tmp_path, write):
    write(tmp_path, "plan.md", PLAN)
    data = json.loads(run_cli("check", "--format", "json", "plan.md", cwd=tmp_path).stdout)
    vague = {f["excerpt"]: f["suggestion"] for f in data["findings"]
             if f["rule"] == "vague-language"}
    assert vague["leverage"] == "use"
    assert vague["Leveraging"] == "using"
    assert vague["world-class"] is None


def test_report_knows_the_rules_that_ran_and_the_files_checked(repo, monkeypatch):
    report = lint(repo, monkeypatch, "strategy", "drafts")
    assert report.paths == ["strategy/strong.md", "strategy/weak.md", "drafts/plan.md"]
    assert {f.rule for f in report.findings} <= set(report.rules)
    assert report.rules["vague-language"].code == "SL104"

    selected = api.run_paths(["drafts"], overrides={"select": ["vague-language"]})
    assert set(selected.rules) == {"vague-language"}


# SARIF ----------------------------------------------------------------------------------

@pytest.mark.parametrize("names", [
    ["examples/weak-hillcrest-trust.md"],
    ["examples/strong-riverside-trust.md"],
    ["examples"],
    ["tests/corpus/a04-northern-plains-ambulance-trust.txt",
     "tests/corpus/b04-eastmere-hospitals-nhs-foundation-trust.md",
     "tests/corpus/b11-migraine-and-headache-alliance.md"],
])
def test_sarif_validates_against_the_official_schema(monkeypatch, names):
    data = json.loads(render("sarif", lint(ROOT, monkeypatch, *names)))
    assert_valid_sarif(data)


def test_sarif_validates_for_odd_files(tmp_path, monkeypatch, write):
    write(tmp_path, "board papers/strategy, v2: final #3.md", PLAN)
    write(tmp_path, "scan.md", b"\x00\x01binary")          # unreadable-file (error)
    write(tmp_path, "empty.md", "")
    outside = write(tmp_path.parent / f"{tmp_path.name}-elsewhere", "plan.md", PLAN)
    report = lint(tmp_path, monkeypatch, ".", str(outside.resolve()), "missing.md")
    data = json.loads(render("sarif", report))
    assert_valid_sarif(data)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in results(data)}
    assert "board%20papers/strategy%2C%20v2%3A%20final%20%233.md" in uris
    assert "scan.md" in uris and "missing.md" in uris
    assert outside.resolve().as_uri() in uris    # outside the root: an absolute file URI
    levels = {r["ruleId"]: r["level"] for r in results(data)}
    assert levels["unreadable-file"] == "error"
    assert levels["vague-language"] == "warning"
    assert "note" in levels.values()


def test_sarif_validates_with_internal_errors_and_hand_built_reports():
    report = hand_report(finding(), finding(line=9, rule="house-style", code="X1",
                                            severity=Severity.INFO, suggestion=None))
    report.errors.append("plan.md: rule house-style failed: ValueError: bad option")
    data = json.loads(render("sarif", report))
    assert_valid_sarif(data)
    assert data["runs"][0]["invocations"][0]["executionSuccessful"] is False
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    for result in results(data):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_driver_describes_every_rule_that_ran(repo, monkeypatch):
    report = lint(repo, monkeypatch, "strategy", "drafts")
    data = json.loads(render("sarif", report))
    assert data["version"] == "2.1.0"
    driver = data["runs"][0]["tool"]["driver"]
    assert driver["name"] == "stratlint"
    assert driver["version"] == __version__
    assert driver["informationUri"] == sarif.INFORMATION_URI
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    assert set(by_id) == set(report.rules)
    vague = by_id["vague-language"]
    source = report.rules["vague-language"]
    assert vague["name"] == "VagueLanguage"
    assert vague["shortDescription"]["text"] == " ".join(source.summary.split())
    assert vague["fullDescription"]["text"] == " ".join(source.rationale.split())
    assert "Signs of a bad digital strategy" in vague["help"]["text"]
    assert vague["defaultConfiguration"]["level"] == "warning"
    assert by_id["unreadable-file"]["defaultConfiguration"]["level"] == "error"
    assert by_id["missing-exemplars"]["defaultConfiguration"]["level"] == "note"


def test_sarif_results_are_located_in_the_repository(repo, monkeypatch):
    report = lint(repo, monkeypatch, "strategy", "drafts")
    data = json.loads(render("sarif", report))
    assert len(results(data)) == len(report.findings) > 100
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    sources = {p: (repo / p).read_text(encoding="utf-8").split("\n") for p in report.paths}
    for result, f in zip(results(data), report.findings):
        assert result["ruleId"] == f.rule == rules[result["ruleIndex"]]["id"]
        assert result["level"] == {"error": "error", "warning": "warning",
                                   "info": "note"}[str(f.severity)]
        assert result["message"]["text"] == f.message
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": f.path, "uriBaseId": "%SRCROOT%"}
        assert "\\" not in location["artifactLocation"]["uri"]
        region = location["region"]
        assert region["startLine"] == f.line and region["startColumn"] == f.column
        assert region["endLine"] >= region["startLine"]
        if region["endLine"] == region["startLine"]:
            assert region["endColumn"] >= region["startColumn"]
            line = sources[f.path][f.line - 1]
            # endColumn is exclusive: the region is exactly the offending words
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == f.excerpt
        assert result["partialFingerprints"]["primaryLocationLineHash"]


def test_sarif_fingerprint_survives_unrelated_lines_moving(tmp_path, monkeypatch, write):
    write(tmp_path, "plan.md", PLAN)
    before = json.loads(render("sarif", lint(tmp_path, monkeypatch, "plan.md")))
    moved = PLAN.replace("## What we will do", UNRELATED + "## What we will do")
    write(tmp_path, "plan.md", moved)
    after = json.loads(render("sarif", lint(tmp_path, monkeypatch, "plan.md")))

    old = result_for(before, "vague-language", "leverage", PLAN)
    new = result_for(after, "vague-language", "leverage", moved)
    old_line = old["locations"][0]["physicalLocation"]["region"]["startLine"]
    new_line = new["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert new_line == old_line + UNRELATED.count("\n")
    assert new["partialFingerprints"] == old["partialFingerprints"]

    # every finding that was there before keeps its fingerprint
    def prints(data):
        return Counter(r["partialFingerprints"]["primaryLocationLineHash"]
                       for r in results(data) if r["ruleId"] != "too-long-document")
    assert not prints(before) - prints(after)


def test_sarif_fingerprint_changes_with_the_words_and_is_unique(tmp_path, monkeypatch, write):
    write(tmp_path, "plan.md", PLAN)
    first = json.loads(render("sarif", lint(tmp_path, monkeypatch, "plan.md")))
    changed = PLAN.replace("the shared care record", "the shared care record and the app")
    write(tmp_path, "plan.md", changed)
    second = json.loads(render("sarif", lint(tmp_path, monkeypatch, "plan.md")))
    assert result_for(first, "vague-language", "leverage", PLAN)["partialFingerprints"] != \
        result_for(second, "vague-language", "leverage", changed)["partialFingerprints"]
    keys = [(r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"])
            for r in results(first)]
    assert len(keys) == len(set(keys))


def test_sarif_identical_lines_get_distinct_fingerprints():
    line = "We will leverage our data."
    report = hand_report(finding(line=3), finding(line=7),
                         lines={("plan.md", 3): line, ("plan.md", 7): line})
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"]
              for r in results(sarif.as_data(report))]
    assert hashes[0] != hashes[1]
    assert hashes[0].split(":")[0] == hashes[1].split(":")[0]


def test_sarif_fixes_for_vague_language_substitutions(tmp_path, monkeypatch, write):
    write(tmp_path, "plan.md", PLAN)
    data = json.loads(render("sarif", lint(tmp_path, monkeypatch, "plan.md")))
    assert_valid_sarif(data)
    for text, replacement in [("leverage", "use"), ("Leveraging", "Using")]:
        result = result_for(data, "vague-language", text, PLAN)
        region = result["locations"][0]["physicalLocation"]["region"]
        (fix,) = result["fixes"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"] == {"uri": "plan.md", "uriBaseId": "%SRCROOT%"}
        (replacement_entry,) = change["replacements"]
        assert replacement_entry["deletedRegion"] == region
        assert replacement_entry["insertedContent"]["text"] == replacement
    # no direct replacement: advice in the message, no fix
    assert "fixes" not in result_for(data, "vague-language", "world-class", PLAN)
    assert all("fixes" not in r for r in results(data) if r["ruleId"] != "vague-language")


# GitHub annotations ---------------------------------------------------------------------

def test_github_escaping_rules():
    assert github.escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert github.escape_property("100% done\r\nnext: a, b") == \
        "100%25 done%0D%0Anext%3A a%2C b"
    assert github.escape_property("%0A") == "%250A"   # escaped once, not twice


def _parse_annotation(line: str) -> tuple[str, dict, str]:
    assert line.startswith("::")
    command_and_props, message = line[2:].split("::", 1)
    command, props = command_and_props.split(" ", 1)
    unescape = (lambda s: s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
                .replace("%2C", ",").replace("%25", "%"))
    pairs = dict(item.split("=", 1) for item in props.split(","))
    return command, {k: unescape(v) for k, v in pairs.items()}, unescape(message)


def test_github_annotation_escapes_file_names_and_messages():
    odd = finding(path="board papers/strategy, v2: final.md",
                  message="Vague wording '100%':\nsay what will change, for whom")
    line = github.annotation(odd)
    assert "\n" not in line
    assert line.startswith("::warning file=board papers/strategy%2C v2%3A final.md,line=3,")
    assert line.endswith("::Vague wording '100%25':%0Asay what will change, for whom")
    command, props, message = _parse_annotation(line)
    assert command == "warning"
    assert props == {"file": odd.path, "line": "3", "col": "9", "endLine": "3",
                     "endColumn": "17", "title": "SL104 vague-language"}
    assert message == odd.message


@pytest.mark.parametrize("severity, command", [
    (Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")])
def test_github_commands_by_severity(severity, command):
    assert github.annotation(finding(severity=severity)).startswith(f"::{command} file=")


def test_github_multi_line_ranges_drop_columns():
    _cmd, props, _msg = _parse_annotation(github.annotation(finding(end_line=5, end_column=2)))
    assert props["line"] == "3" and props["endLine"] == "5"
    assert "col" not in props and "endColumn" not in props


def test_github_output_for_a_real_run(tmp_path, monkeypatch, write):
    write(tmp_path, "board papers/strategy, v2: final.md", PLAN)
    report = lint(tmp_path, monkeypatch, ".")
    lines = render("github", report).splitlines()
    assert len(lines) == len(report.findings)
    for line, f in zip(lines, report.findings):
        command, props, message = _parse_annotation(line)
        assert props["file"] == "board papers/strategy, v2: final.md"
        assert int(props["line"]) == f.line and message == f.message
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[
            str(f.severity)]


def test_github_step_summary_lists_every_finding(tmp_path, monkeypatch, write):
    summary = tmp_path / "summary.md"
    summary.write_text("## Earlier step\n\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    write(tmp_path, "repo/strategy/weak.md", WEAK.read_text(encoding="utf-8"))
    write(tmp_path, "repo/plan | draft.md", PLAN)
    report = lint(tmp_path / "repo", monkeypatch, ".")
    assert len(report.findings) > 10          # more than GitHub shows as annotations
    render("github", report)

    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Earlier step\n\n## stratlint\n")   # appended, not replaced
    rows = [line for line in text.splitlines() if line.startswith("| ") and
            not line.startswith("| File ")]
    assert len(rows) == len(report.findings)
    assert f"Found {len(report.findings)} problems" in text
    assert "| plan \\| draft.md | 12 | 9 | warning | SL104 vague-language |" in text
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 7 for row in rows)   # six cells each


def test_github_step_summary_when_clean_and_when_unset(tmp_path, monkeypatch, write):
    write(tmp_path, "repo/strong.md", STRONG.read_text(encoding="utf-8"))
    report = lint(tmp_path / "repo", monkeypatch, ".")
    assert render("github", report) == ""
    assert list(tmp_path.glob("*.md")) == []           # unset: nothing written anywhere

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    render("github", report)
    assert "No problems found in 1 file." in summary.read_text(encoding="utf-8")


def test_github_step_summary_through_the_cli(run_cli, tmp_path, write):
    write(tmp_path, "plan.md", PLAN)
    summary = tmp_path / "summary.md"
    result = run_cli("check", "plan.md", cwd=tmp_path,
                     env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    annotations = result.stdout.splitlines()
    assert sum(line.startswith("| ") for line in summary.read_text().splitlines()) == \
        len(annotations) + 1   # plus the header row


# GitLab Code Quality --------------------------------------------------------------------

def test_gitlab_fields(repo, monkeypatch):
    report = lint(repo, monkeypatch, "strategy", "drafts")
    issues = json.loads(render("gitlab", report))
    assert isinstance(issues, list) and len(issues) == len(report.findings)
    for issue, f in zip(issues, report.findings):
        assert issue["description"] == f.message
        assert issue["check_name"] == f.rule
        assert issue["location"]["path"] == f.path
        assert issue["location"]["lines"]["begin"] == f.line
        assert issue["location"]["lines"]["end"] >= f.line
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(fingerprints) == len(set(fingerprints))


def test_gitlab_severities(tmp_path, monkeypatch, write):
    write(tmp_path, ".stratlint.yaml", "rules:\n  vague-language:\n    severity: error\n")
    write(tmp_path, "plan.md", PLAN)
    write(tmp_path, "scan.md", b"\x00\x01binary")
    issues = json.loads(render("gitlab", lint(tmp_path, monkeypatch, ".")))
    by_rule = {issue["check_name"]: issue["severity"] for issue in issues}
    assert by_rule["vague-language"] == "major"       # error
    assert by_rule["unreadable-file"] == "major"      # error
    assert by_rule["missing-exemplars"] == "info"     # info
    assert "minor" in by_rule.values()                # warning
    assert gitlab.SEVERITIES == {Severity.ERROR: "major", Severity.WARNING: "minor",
                                 Severity.INFO: "info"}


def test_gitlab_fingerprint_survives_unrelated_lines_moving(tmp_path, monkeypatch, write):
    write(tmp_path, "plan.md", PLAN)
    before = json.loads(render("gitlab", lint(tmp_path, monkeypatch, "plan.md")))
    write(tmp_path, "plan.md", PLAN.replace("## What we will do", UNRELATED + "## What we will do"))
    after = json.loads(render("gitlab", lint(tmp_path, monkeypatch, "plan.md")))

    def leverage(issues):
        (issue,) = [i for i in issues if i["description"].startswith("Vague wording 'leverage'")]
        return issue
    assert leverage(after)["location"]["lines"]["begin"] != \
        leverage(before)["location"]["lines"]["begin"]
    assert leverage(after)["fingerprint"] == leverage(before)["fingerprint"]


# JUnit ----------------------------------------------------------------------------------

def test_junit_parses_and_counts_match(repo, monkeypatch):
    report = lint(repo, monkeypatch, "strategy", "drafts")
    root = ET.fromstring(render("junit", report))
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == report.paths
    per_file = Counter(f.path for f in report.findings)
    for path, suite in suites.items():
        cases = suite.findall("testcase")
        failures = [case.find("failure") for case in cases if case.find("failure") is not None]
        assert int(suite.get("failures")) == len(failures) == per_file[path]
        assert int(suite.get("tests")) == len(cases) == max(1, per_file[path])
    assert int(root.get("tests")) == sum(len(s.findall("testcase")) for s in suites.values())
    assert int(root.get("failures")) == len(report.findings)

    clean = suites["strategy/strong.md"]
    assert per_file["strategy/strong.md"] == 0
    (case,) = clean.findall("testcase")
    assert case.find("failure") is None

    failure = suites["drafts/plan.md"].find("testcase/failure[@type='vague-language']")
    assert failure.get("message").startswith("Vague wording")
    assert "drafts/plan.md:" in failure.text


def test_junit_survives_odd_text_and_internal_errors():
    report = hand_report(
        finding(path="a&b <draft>.md", message="Vague \x0c wording \"x\" & <y>", excerpt="x\x01"),
        paths=["a&b <draft>.md", "clean.md"])
    report.errors.append("rule house-style failed: ValueError: <bad>")
    root = ET.fromstring(render("junit", report))
    names = [suite.get("name") for suite in root.findall("testsuite")]
    assert names == ["a&b <draft>.md", "clean.md", "stratlint"]
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "Vague \ufffd wording \"x\" & <y>"
    assert root.get("errors") == "1" and root.get("tests") == "3"
    assert root.find("testsuite[@name='stratlint']/testcase/error") is not None


def test_junit_through_the_cli_on_the_examples(run_cli):
    result = run_cli("check", "--format", "junit", "examples", cwd=ROOT)
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert set(suites) == {"examples/strong-riverside-trust.md",
                           "examples/strong-structured-strategy.yaml",
                           "examples/weak-hillcrest-trust.md"}
    assert suites["examples/strong-riverside-trust.md"].get("failures") == "0"
    assert suites["examples/strong-structured-strategy.yaml"].get("failures") == "0"
    assert int(suites["examples/weak-hillcrest-trust.md"].get("failures")) > 10


def test_junit_for_an_empty_run():
    root = junit.as_element(hand_report())
    assert (root.get("tests"), root.get("failures"), root.findall("testsuite")) == ("0", "0", [])
