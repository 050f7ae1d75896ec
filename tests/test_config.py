"""Configuration: discovery, rule selection, overrides, excludes, fail-on and clear errors."""
from __future__ import annotations

import json

import pytest

from stratlint import lint_paths

# Two vague words, one 48-word sentence and one short one: enough for select, ignore and
# option overrides to show.
STRATEGY = """\
# Riverside Digital Strategy

## Our approach

We will leverage the shared care record so that clinicians in the emergency department,
outpatient clinics, community nursing teams and mental health services see the same test
results, clinic letters, care plans and medicines for every patient they treat, wherever
that patient was last seen in the county.

We will transform discharge.
"""


def _json(result):
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def rules_fired(result):
    return {f["rule"] for f in _json(result)["findings"]}


def assert_one_line_error(result, *fragments):
    assert result.exit_code == 2
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("stratlint: error:")
    assert "Traceback" not in result.stdout + result.stderr
    for fragment in fragments:
        assert fragment in err, err


@pytest.fixture
def project(tmp_path, write):
    """repo/ with a strategy two folders down: repo/docs/strategy/strategy.md."""
    doc = write(tmp_path, "repo/docs/strategy/strategy.md", STRATEGY)
    return tmp_path / "repo", doc


# Discovery -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", [".stratlint.yaml", "stratlint.yaml"])
def test_yaml_config_found_walking_up(project, write, run_cli, name):
    repo, doc = project
    write(repo, name, "select: [vague-language]\n")
    assert rules_fired(run_cli("check", "--format", "json", doc, cwd=repo.parent)) == {
        "vague-language"}


def test_pyproject_tool_section_found(project, write, run_cli):
    repo, doc = project
    write(repo, "pyproject.toml", '[project]\nname = "riverside-strategy"\n\n'
                                  '[tool.stratlint]\nselect = ["long-sentence"]\n')
    assert rules_fired(run_cli("check", "--format", "json", doc)) == {"long-sentence"}


def test_pyproject_without_tool_section_is_passed_over(project, write, run_cli):
    repo, doc = project
    write(repo, ".stratlint.yaml", "select: [vague-language]\n")
    write(repo / "docs", "pyproject.toml", '[project]\nname = "riverside-docs"\n')
    assert rules_fired(run_cli("check", "--format", "json", doc)) == {"vague-language"}


def test_nearest_config_wins(project, write, run_cli):
    repo, doc = project
    write(repo, ".stratlint.yaml", "select: [vague-language]\n")
    write(repo / "docs", "stratlint.yaml", "select: [long-sentence]\n")
    other = write(repo, "other/plan.md", STRATEGY)
    data = _json(run_cli("check", "--format", "json", doc, other))
    by_path = {}
    for finding in data["findings"]:
        by_path.setdefault(finding["path"].replace("\\", "/").split("/")[-1], set()).add(
            finding["rule"])
    assert by_path == {"strategy.md": {"long-sentence"}, "plan.md": {"vague-language"}}


def test_dotted_yaml_beats_pyproject_in_the_same_folder(project, write, run_cli):
    repo, doc = project
    write(repo, "pyproject.toml", '[tool.stratlint]\nselect = ["long-sentence"]\n')
    write(repo, ".stratlint.yaml", "select: [vague-language]\n")
    assert rules_fired(run_cli("check", "--format", "json", doc)) == {"vague-language"}


def test_explicit_config_overrides_discovery(project, write, run_cli, tmp_path):
    repo, doc = project
    write(repo / "docs", ".stratlint.yaml", "select: [vague-language]\n")
    chosen = write(tmp_path, "ci/stratlint-ci.yaml", "select: [long-sentence]\n")
    result = run_cli("check", "--format", "json", "--config", chosen, doc)
    assert rules_fired(result) == {"long-sentence"}


# Select and ignore ----------------------------------------------------------------------

@pytest.mark.parametrize("token", ["vague-language", "SL104", "sl104"])
def test_select_by_name_or_code(tmp_path, write, run_cli, token):
    doc = write(tmp_path, "s.md", STRATEGY)
    write(tmp_path, ".stratlint.yaml", f"select: [{token}]\n")
    data = _json(run_cli("check", "--format", "json", doc))
    assert {f["rule"] for f in data["findings"]} == {"vague-language"}
    assert len(data["findings"]) == 2


def test_select_by_code_prefix(tmp_path, write, run_cli):
    doc = write(tmp_path, "s.md", STRATEGY)
    write(tmp_path, ".stratlint.yaml", "select: [SL1]\n")
    data = _json(run_cli("check", "--format", "json", doc))
    codes = {f["code"] for f in data["findings"]}
    assert "SL104" in codes
    assert all(code.startswith("SL1") for code in codes)


def test_ignore_by_name_code_and_prefix(tmp_path, write, run_cli):
    doc = write(tmp_path, "s.md", STRATEGY)
    before = {f["code"] for f in _json(run_cli("check", "--format", "json", doc))["findings"]}
    assert {"SL104", "SL506"} <= before
    assert any(code.startswith("SL3") for code in before)
    write(tmp_path, ".stratlint.yaml", "ignore: [vague-language, SL506, SL3]\n")
    after = {f["code"] for f in _json(run_cli("check", "--format", "json", doc))["findings"]}
    assert after == {c for c in before if c not in ("SL104", "SL506") and not c.startswith("SL3")}
    assert after


def test_command_line_select_replaces_and_ignore_adds(tmp_path, write, run_cli):
    doc = write(tmp_path, "s.md", STRATEGY)
    write(tmp_path, ".stratlint.yaml", "select: [vague-language]\nignore: [long-sentence]\n")
    result = run_cli("check", "--format", "json", "--select", "long-sentence,SL104", doc)
    # --select replaces the config's select, but the config's ignore still applies.
    assert rules_fired(result) == {"vague-language"}
    result = run_cli("check", "--format", "json", "--ignore", "SL104", doc)
    assert rules_fired(result) == set()


# Per-rule severity and options ----------------------------------------------------------

def test_severity_override(tmp_path, write, run_cli):
    doc = write(tmp_path, "s.md", STRATEGY)
    write(tmp_path, ".stratlint.yaml",
          "select: [vague-language]\nrules:\n  vague-language:\n    severity: error\n")
    data = _json(run_cli("check", "--format", "json", doc))
    assert [f["severity"] for f in data["findings"]] == ["error", "error"]
    assert data["summary"]["error"] == 2 and data["summary"]["warning"] == 0


def _default_max():
    from stratlint.packs import load_rules

    return load_rules(include_plugins=False)["long-sentence"].options["max"]


@pytest.mark.parametrize("limit, expected", [(None, None), (50, []), (47, [5]), (3, [5, 10])])
def test_option_override_long_sentence_max(tmp_path, write, run_cli, limit, expected):
    doc = write(tmp_path, "s.md", STRATEGY)
    config = "select: [long-sentence]\n"
    if limit is not None:
        config += f"rules:\n  long-sentence:\n    max: {limit}\n"
    else:
        # The pack's own default applies: the 48-word sentence fires only if it is over it.
        limit = _default_max()
        expected = [5] if limit < 48 else []
    write(tmp_path, ".stratlint.yaml", config)
    findings = _json(run_cli("check", "--format", "json", doc))["findings"]
    assert [(f["line"], f["column"]) for f in findings] == [(line, 1) for line in expected]
    assert all(f"limit {limit}" in f["message"] for f in findings)


def test_options_and_severity_together(tmp_path, write):
    doc = write(tmp_path, "s.md", STRATEGY)
    findings = lint_paths([doc], {"select": ["long-sentence"], "rules": {
        "long-sentence": {"severity": "warning", "max": 3}}})
    assert [(f.line, str(f.severity)) for f in findings] == [(5, "warning"), (10, "warning")]


# Exclude --------------------------------------------------------------------------------

def test_exclude_globs(tmp_path, write, run_cli):
    repo = tmp_path / "repo"
    for name in ("strategy.md", "drafts/early.md", "drafts/old/earlier.md",
                 "archive/2019.md", "board/notes.txt", "board/paper.md"):
        write(repo, name, STRATEGY)
    write(repo, ".stratlint.yaml", 'select: [vague-language]\n'
                                   'exclude: ["drafts/*", archive, "*.txt"]\n')
    data = _json(run_cli("check", "--format", "json", "repo", cwd=tmp_path))
    paths = {f["path"].replace("\\", "/") for f in data["findings"]}
    assert paths == {"repo/strategy.md", "repo/board/paper.md"}
    assert data["files_checked"] == 2


def test_exclude_is_relative_to_the_config_folder(tmp_path, write, run_cli):
    repo = tmp_path / "repo"
    write(repo, "strategy.md", STRATEGY)
    write(repo, "board/paper.md", STRATEGY)
    write(repo, ".stratlint.yaml", 'select: [vague-language]\nexclude: ["board/paper.md"]\n')
    data = _json(run_cli("check", "--format", "json", ".", cwd=repo / "board"))
    assert data["files_checked"] == 0
    data = _json(run_cli("check", "--format", "json", repo, cwd=tmp_path))
    assert {f["path"].replace("\\", "/") for f in data["findings"]} == {"repo/strategy.md"}


def test_file_named_directly_is_checked_even_if_excluded(tmp_path, write, run_cli):
    doc = write(tmp_path, "archive/2019.md", STRATEGY)
    write(tmp_path, ".stratlint.yaml", "select: [vague-language]\nexclude: [archive]\n")
    assert rules_fired(run_cli("check", "--format", "json", doc)) == {"vague-language"}


# fail-on --------------------------------------------------------------------------------

@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("info", 1),
                                           ("never", 0)])
def test_fail_on_from_config(tmp_path, write, run_cli, fail_on, code):
    doc = write(tmp_path, "s.md", STRATEGY)
    write(tmp_path, ".stratlint.yaml", f"select: [vague-language]\nfail-on: {fail_on}\n")
    result = run_cli("check", "-q", doc, cwd=tmp_path)
    assert result.exit_code == code
    assert "SL104" in result.stdout


def test_fail_on_info_counts_info_findings(tmp_path, write, run_cli):
    doc = write(tmp_path, "s.md", STRATEGY)
    write(tmp_path, ".stratlint.yaml", "select: [long-sentence]\nfail-on: warning\n")
    assert run_cli("check", "-q", doc, cwd=tmp_path).exit_code == 0
    assert run_cli("check", "-q", "--fail-on", "info", doc, cwd=tmp_path).exit_code == 1


def test_command_line_fail_on_beats_config(tmp_path, write, run_cli):
    doc = write(tmp_path, "s.md", STRATEGY)
    write(tmp_path, ".stratlint.yaml", "select: [vague-language]\nfail-on: never\n")
    assert run_cli("check", "-q", "--fail-on", "warning", doc, cwd=tmp_path).exit_code == 1


def test_fail_on_of_the_documents_own_config_applies_from_any_folder(project, write,
                                                                      run_cli, tmp_path):
    # Regression: fail-on was read from the config above the working folder, so running
    # from outside the repository ignored the repository's fail-on.
    repo, doc = project
    write(repo, ".stratlint.yaml", "select: [vague-language]\nfail-on: never\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert run_cli("check", "-q", doc, cwd=elsewhere).exit_code == 0
    assert run_cli("check", "-q", repo, cwd=elsewhere).exit_code == 0
    assert run_cli("check", "-q", doc, cwd=repo).exit_code == 0


def test_broken_config_above_working_folder_does_not_affect_other_files(project, write,
                                                                         run_cli, tmp_path):
    repo, doc = project
    write(repo, ".stratlint.yaml", "select: [vague-language]\n")
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere, ".stratlint.yaml", "selct: [vague-language]\n")
    result = run_cli("check", "-q", doc, cwd=elsewhere)
    assert result.exit_code == 1, result.stderr
    assert result.stderr == ""


# Errors: exit 2, one line, no traceback -------------------------------------------------

@pytest.mark.parametrize("text, fragments", [
    ("selct: [vague-language]\n", ["unknown key 'selct'", "did you mean 'select'?"]),
    ("fail_on: error\n", ["unknown key 'fail_on'", "did you mean 'fail-on'?"]),
    ("select: vague-language\n", ["select", "not of type 'array'"]),
    ("rules:\n  long-sentence:\n    max: forty\n", ["long-sentence", "max", "forty"]),
    ("rules:\n  long-sentence:\n    severity: critical\n", ["severity", "critical"]),
    ("rules:\n  long-sentence:\n    maxx: 20\n", ["long-sentence", "maxx"]),
    ("rules:\n  long-sentance:\n    max: 20\n", ["long-sentance", "did you mean 'long-sentence'"]),
    ("fail-on: sometimes\n", ["fail-on", "sometimes"]),
    ("exclude: drafts\n", ["exclude", "not of type 'array'"]),
    ("select: [vague-language\n", ["invalid YAML", "line 2"]),
    ("select: [vague-lang]\n", ["no rule matches 'vague-lang'", "did you mean 'vague-language'"]),
    ("ignore: [SL999]\n", ["ignore", "SL999"]),
    ("- vague-language\n- long-sentence\n", ["mapping"]),
])
def test_config_errors_are_one_line_exit_2(tmp_path, write, run_cli, text, fragments):
    doc = write(tmp_path, "s.md", STRATEGY)
    config = write(tmp_path, ".stratlint.yaml", text)
    result = run_cli("check", doc, cwd=tmp_path)
    assert_one_line_error(result, str(config), *fragments)
    assert result.stdout == ""


def test_config_error_in_pyproject(tmp_path, write, run_cli):
    doc = write(tmp_path, "s.md", STRATEGY)
    write(tmp_path, "pyproject.toml", "[tool.stratlint]\nselcet = ['vague-language']\n")
    assert_one_line_error(run_cli("check", doc), "pyproject.toml", "did you mean 'select'?")
    write(tmp_path, "pyproject.toml", "[tool.stratlint]\nselect = ['vague-language'\n")
    assert_one_line_error(run_cli("check", doc), "pyproject.toml", "invalid TOML")


def test_missing_explicit_config(tmp_path, write, run_cli):
    doc = write(tmp_path, "s.md", STRATEGY)
    assert_one_line_error(run_cli("check", "--config", tmp_path / "nope.yaml", doc),
                          "nope.yaml", "not found")


def test_unknown_rule_on_command_line(tmp_path, write, run_cli):
    doc = write(tmp_path, "s.md", STRATEGY)
    assert_one_line_error(run_cli("check", "--select", "vauge-language", doc),
                          "vauge-language", "did you mean 'vague-language'")


def test_config_errors_exit_2_in_a_real_process(tmp_path, write, run_stratlint):
    doc = write(tmp_path, "s.md", STRATEGY)
    write(tmp_path, ".stratlint.yaml", "rules:\n  long-sentence:\n    max: [40]\n")
    result = run_stratlint("check", doc, cwd=tmp_path)
    assert result.returncode == 2
    err = result.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "long-sentence" in err
    assert b"Traceback" not in result.stderr


def test_config_as_mapping_in_api(tmp_path, write):
    doc = write(tmp_path, "s.md", STRATEGY)
    findings = lint_paths([doc], {"select": ["SL104"], "rules": {
        "vague-language": {"severity": "info"}}})
    assert [(f.rule, str(f.severity)) for f in findings] == [("vague-language", "info")] * 2
