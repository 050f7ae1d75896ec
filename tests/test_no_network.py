"""stratlint opens no network connection, and runs no code from the folders it checks.

Sockets are blocked for the whole of each test; every command of the CLI runs in-process on
the examples. A call that reached the network would fail the test even if stratlint caught
the error, because every attempt is recorded.

Plugins: rule code loads only from installed entry points; a config's rule-paths name YAML
rule packs and never Python. That is tested end to end, in real processes, in
tests/packs/test_plugin.py (test_pip_installs_both_entry_points_and_the_pack_data,
test_without_the_plugin_its_rule_does_not_exist and
test_config_in_checked_folder_cannot_import_python); test_no_code_is_imported_from_the_checked_folder
below checks the same in-process with the network blocked.
"""
from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
FORMATS = ["auto", "text", "json", "sarif", "github", "gitlab", "junit"]
REPORT_FORMATS = ["html", "markdown", "json", "csv"]


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network blocked by test: {name}")
        return blocked

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    yield attempts
    assert attempts == [], f"stratlint tried to use the network: {attempts}"


def test_the_block_works(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80), timeout=1)
    no_network.clear()


@pytest.mark.parametrize("output_format", FORMATS)
def test_check_in_every_format_without_network(no_network, run_cli, output_format, tmp_path):
    result = run_cli("check", "--format", output_format, "--statistics", EXAMPLES,
                     cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    assert result.stdout
    if output_format in ("json", "sarif", "gitlab"):
        json.loads(result.stdout)


def test_check_stdin_baseline_and_config_without_network(no_network, run_cli, tmp_path):
    text = (EXAMPLES / "weak-hillcrest-trust.md").read_text(encoding="utf-8")
    assert run_cli("check", "-", "--stdin-filename", "plan.md", input=text,
                   cwd=tmp_path).exit_code == 1
    baseline = tmp_path / "baseline.json"
    assert run_cli("check", "--write-baseline", baseline, EXAMPLES, cwd=tmp_path).exit_code == 0
    assert run_cli("check", "--baseline", baseline, EXAMPLES, cwd=tmp_path).exit_code == 0
    config = tmp_path / "house.yaml"
    config.write_text("select: [vague-language]\n", encoding="utf-8")
    assert run_cli("check", "--config", config, EXAMPLES, cwd=tmp_path).exit_code == 1


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_rules_without_network(no_network, run_cli, output_format):
    result = run_cli("rules", "--format", output_format)
    assert result.exit_code == 0 and "vague-language" in result.stdout


def test_explain_every_rule_without_network(no_network, run_cli):
    names = [rule["name"] for rule in json.loads(run_cli("rules", "--format", "json").stdout)]
    assert names
    for name in names:
        result = run_cli("explain", name)
        assert result.exit_code == 0, name


@pytest.mark.parametrize("name", ["rules", "config", "strategy", "output"])
def test_schema_without_network(no_network, run_cli, name):
    assert run_cli("schema", name).exit_code == 0


@pytest.mark.parametrize("output_format", REPORT_FORMATS)
def test_report_without_network(no_network, run_cli, output_format, tmp_path):
    out = tmp_path / f"report.{output_format}"
    result = run_cli("report", "--format", output_format, "-o", out, EXAMPLES)
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0


def test_init_then_check_without_network(no_network, run_cli, tmp_path):
    assert run_cli("init", cwd=tmp_path).exit_code == 0
    result = run_cli("check", "strategy.md", cwd=tmp_path)
    assert result.exit_code in (0, 1), result.stderr


def test_no_code_is_imported_from_the_checked_folder(no_network, run_cli, tmp_path):
    folder = tmp_path / "untrusted"
    (folder / "rules").mkdir(parents=True)
    payload = "raise SystemExit('imported from the checked folder')\n"
    for name in ("stratlint_evil.py", "rules/__init__.py", "rules/evil.py", "conftest.py"):
        (folder / name).write_text(payload, encoding="utf-8")
    (folder / ".stratlint.yaml").write_text("rule-paths: [rules]\n", encoding="utf-8")
    (folder / "strategy.md").write_text("# Plan\n\nWe will leverage data.\n", encoding="utf-8")
    before = set(sys.modules)
    result = run_cli("check", "--format", "json", folder, cwd=folder)
    # A rule folder without YAML packs loads no rules and imports nothing.
    assert result.exit_code == 1, result.stderr
    for name in set(sys.modules) - before:
        origin = getattr(sys.modules[name], "__file__", None) or ""
        assert str(folder) not in origin, f"imported {name} from {origin}"
