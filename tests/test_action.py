"""action.yml, the composite GitHub Action: its metadata, and its scripts run as the runner would.

The runner substitutes `${{ ... }}` expressions and runs each step's script with bash; the
tests below do the same with a small substitution of the few expressions the action uses.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ACTION = ROOT / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def steps(action) -> list[dict]:
    return action["runs"]["steps"]


@pytest.fixture(scope="module")
def check_help() -> str:
    from click.testing import CliRunner

    from stratlint.cli import main

    result = CliRunner().invoke(main, ["check", "--help"], terminal_width=200)
    assert result.exit_code == 0
    return result.output


def _step(steps, name) -> dict:
    [found] = [s for s in steps if s.get("name") == name]
    return found


def _stratlint_check_calls(script: str) -> list[list[str]]:
    """The arguments after `stratlint check` on each line of a script that runs it."""
    calls = []
    for line in script.splitlines():
        tokens = shlex.split(line, comments=True)
        for i, token in enumerate(tokens[:-1]):
            if token.rsplit("/", 1)[-1] == "stratlint" and tokens[i + 1] == "check":
                calls.append(tokens[i + 2:])
    return calls


def test_metadata(action):
    assert action["name"] == "stratlint"
    assert action["description"]
    assert action["runs"]["using"] == "composite"
    assert set(action["branding"]) == {"icon", "color"}


def test_inputs(action):
    inputs = action["inputs"]
    assert set(inputs) == {"paths", "format", "fail-on", "version", "args", "output-file"}
    assert inputs["paths"]["default"] == "."
    assert inputs["format"]["default"] == "github"
    assert inputs["fail-on"]["default"] == "warning"
    assert inputs["version"].get("default", "") == ""
    assert inputs["args"].get("default", "") == ""
    for name, spec in inputs.items():
        assert spec.get("description"), f"input {name} has no description"
        assert spec.get("required", False) is False, f"input {name} should be optional"


def test_defaults_are_values_the_cli_accepts(action, check_help):
    from stratlint.cli import check

    choices = {p.name: p.type.choices for p in check.params if hasattr(p.type, "choices")}
    assert action["inputs"]["format"]["default"] in choices["output_format"]
    assert action["inputs"]["fail-on"]["default"] in choices["fail_on"]


def test_every_step_is_a_bash_run_step(steps):
    assert [s["name"] for s in steps] == ["Install stratlint", "Run stratlint"]
    for step in steps:
        assert step.get("shell") == "bash", "composite run steps must name their shell"
        assert step.get("run")


def test_run_steps_use_only_flags_that_check_lists(steps, check_help):
    listed = set(re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", check_help))
    calls = [call for step in steps for call in _stratlint_check_calls(step["run"])]
    assert calls, "no step runs `stratlint check`"
    for call in calls:
        flags = {arg.split("=", 1)[0] for arg in call if arg.startswith("-") and arg != "--"}
        assert flags, call
        assert flags <= listed, f"`stratlint check` has no {sorted(flags - listed)}"


def test_inputs_reach_scripts_only_through_the_environment(action, steps):
    # Pasting ${{ inputs.x }} into a script lets an input inject shell code.
    used = set()
    for step in steps:
        assert "${{" not in step["run"], f"step {step['name']!r} expands an expression in run"
        for value in step.get("env", {}).values():
            used |= {m.split(".", 1)[1] for m in EXPRESSION.findall(str(value))
                     if m.startswith("inputs.")}
    assert used == set(action["inputs"]), "every input is used, and only declared ones"


def test_install_uses_the_actions_own_copy_unless_version_is_given(steps):
    install = _step(steps, "Install stratlint")
    assert install["env"]["STRATLINT_ACTION_PATH"] == "${{ github.action_path }}"
    assert install["env"]["STRATLINT_VERSION"] == "${{ inputs.version }}"
    assert 'requirement="$STRATLINT_ACTION_PATH"' in install["run"]
    assert "pip install" in install["run"]


@needs_bash
@pytest.mark.parametrize("name", ["Install stratlint", "Run stratlint"])
def test_scripts_are_valid_bash(steps, name):
    result = subprocess.run(["bash", "-n"], input=_step(steps, name)["run"], text=True,
                            capture_output=True)
    assert result.returncode == 0, result.stderr


def _substitute(value: str, context: dict[str, str]) -> str:
    def one(match):
        assert match.group(1) in context, f"unexpected expression {match.group(0)}"
        return context[match.group(1)]

    return EXPRESSION.sub(one, str(value))


def _run_step(step: dict, action: dict, inputs: dict, extra: dict, cwd: Path, env: dict):
    """Run one step's script with bash, as the runner would: expressions substituted into
    the step's env, the script itself given verbatim."""
    context = {f"inputs.{k}": str(inputs.get(k, v.get("default", "")))
               for k, v in action["inputs"].items()}
    context.update(extra)
    step_env = {**env, **{k: _substitute(v, context) for k, v in step.get("env", {}).items()}}
    return subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c",
                           step["run"]], cwd=cwd, env=step_env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def workspace(tmp_path):
    work = tmp_path / "workspace"
    (work / "docs").mkdir(parents=True)
    shutil.copy(EXAMPLES / "weak-hillcrest-trust.md", work / "docs")
    shutil.copy(EXAMPLES / "strong-riverside-trust.md", work / "docs")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "STRATLINT_"))}
    env.pop("NO_COLOR", None)
    return work, env


def _installed_bin() -> Path:
    """The folder holding the stratlint script of the Python running the tests."""
    folder = Path(sys.executable).parent
    if not (folder / "stratlint").exists() and not (folder / "stratlint.exe").exists():
        pytest.skip(f"no stratlint script next to {sys.executable}")
    return folder


@needs_bash
@pytest.mark.parametrize("inputs,code,expected,unexpected", [
    ({}, 1, "::warning file=docs/weak-hillcrest-trust.md,line=", None),
    ({"paths": "docs/strong-riverside-trust.md"}, 0, None, "::warning"),
    ({"paths": "docs/weak-hillcrest-trust.md docs/strong-riverside-trust.md",
      "fail-on": "never"}, 0, "::warning file=docs/weak-hillcrest-trust.md", "strong-riverside"),
    ({"format": "text", "args": "--select too-long-term --statistics"}, 1,
     "SL105 too-long-term", "SL101"),
    ({"fail-on": "error"}, 0, "::warning", None),
])
def test_run_step(action, steps, workspace, inputs, code, expected, unexpected):
    work, env = workspace
    extra = {"steps.install.outputs.bin": str(_installed_bin())}
    result = _run_step(_step(steps, "Run stratlint"), action, inputs, extra, work, env)
    assert result.returncode == code, result.stdout + result.stderr
    if expected:
        assert expected in result.stdout
    if unexpected:
        assert unexpected not in result.stdout


@needs_bash
def test_run_step_does_not_let_an_input_run_shell_code(action, steps, workspace):
    work, env = workspace
    extra = {"steps.install.outputs.bin": str(_installed_bin())}
    inputs = {"paths": "docs/strong-riverside-trust.md", "args": "$(touch pwned) `touch pwned`"}
    _run_step(_step(steps, "Run stratlint"), action, inputs, extra, work, env)
    assert not (work / "pwned").exists()


@pytest.mark.slow
@needs_bash
def test_install_step_installs_the_actions_own_copy(action, steps, workspace, tmp_path):
    """The install step for real: a virtual environment, `pip install` of this repository
    (build backend and dependencies come from the package index), outputs for the next step."""
    work, env = workspace
    runner_temp, output, path_file = tmp_path / "runner-temp", tmp_path / "out", tmp_path / "path"
    runner_temp.mkdir()
    env.update({"RUNNER_TEMP": str(runner_temp), "GITHUB_OUTPUT": str(output),
                "GITHUB_PATH": str(path_file), "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    extra = {"github.action_path": str(ROOT)}
    result = _run_step(_step(steps, "Install stratlint"), action, {}, extra, work, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().startswith("stratlint, version ")
    [line] = output.read_text().splitlines()
    key, _, bin_dir = line.partition("=")
    assert key == "bin" and Path(bin_dir).is_dir()
    assert Path(bin_dir).parent.parent == runner_temp
    assert path_file.read_text().splitlines() == [bin_dir]

    extra = {"steps.install.outputs.bin": bin_dir}
    result = _run_step(_step(steps, "Run stratlint"), action, {}, extra, work, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "::warning file=docs/weak-hillcrest-trust.md" in result.stdout


def _readme_workflow() -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
               if b.startswith("# .github/workflows/")]
    return yaml.safe_load(block)


def test_readme_workflow_runs_the_action_and_uploads_sarif(check_help):
    workflow = _readme_workflow()
    assert workflow["permissions"]["security-events"] == "write"
    [job] = workflow["jobs"].values()
    steps = job["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert uses[0].startswith("actions/checkout@")
    [lint] = [s for s in steps if s.get("uses", "").split("@")[0].endswith("/stratlint")]
    assert set(lint.get("with", {})) <= {"paths", "format", "fail-on", "version", "args",
                                         "output-file"}
    [sarif] = [s for s in steps if "--format sarif" in s.get("run", "")]
    [call] = _stratlint_check_calls(sarif["run"])
    listed = set(re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", check_help))
    assert {a for a in call if a.startswith("-")} <= listed
    assert ">" not in call, "the SARIF is written with --output-file, not redirected"
    target = call[call.index("--output-file") + 1]
    [upload] = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == target
    assert steps.index(lint) < steps.index(sarif) < steps.index(upload)
    assert "cancelled()" in sarif["if"] and "cancelled()" in upload["if"]


@needs_bash
def test_run_step_checks_only_the_strategies_of_a_repository(action, steps, tmp_path):
    """The Action checks '.' by default: README, CHANGELOG, requirements and workflows are
    not strategies (issue 12, point 2)."""
    from test_discovery import make_repository

    work = make_repository(tmp_path / "repository")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "STRATLINT_"))}
    extra = {"steps.install.outputs.bin": str(_installed_bin())}
    result = _run_step(_step(steps, "Run stratlint"), action, {"format": "json"}, extra, work,
                       {**env, "STRATLINT_NO_CACHE": "1"})
    import json

    data = json.loads(result.stdout)
    assert data["files_checked"] == 2, result.stderr
    assert {f["path"] for f in data["findings"]} <= {"docs/strategy.md", "docs/plan.yaml"}


@needs_bash
def test_run_step_writes_the_output_file(action, steps, workspace):
    work, env = workspace
    extra = {"steps.install.outputs.bin": str(_installed_bin())}
    inputs = {"format": "sarif", "output-file": "results.sarif"}
    result = _run_step(_step(steps, "Run stratlint"), action, inputs, extra, work, env)
    assert result.returncode == 1
    assert result.stdout == ""
    assert '"version": "2.1.0"' in (work / "results.sarif").read_text(encoding="utf-8")
