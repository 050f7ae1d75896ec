"""`stratlint schema NAME`: the shipped JSON Schemas, for editors and other tools."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from stratlint import resources

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["rules", "config", "strategy", "output"]


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_prints_as_a_valid_json_schema(run_cli, name):
    result = run_cli("schema", name)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    Draft202012Validator.check_schema(data)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert data.get("title") and data.get("description")


def test_rules_is_the_rule_pack_schema(run_cli):
    data = json.loads(run_cli("schema", "rules").stdout)
    assert data == resources.schema("rule")


def test_shipped_rule_packs_validate_against_the_printed_schema(run_cli):
    validator = Draft202012Validator(json.loads(run_cli("schema", "rules").stdout))
    packs = sorted((ROOT / "rules").rglob("*.yaml"))
    assert packs
    for pack in packs:
        errors = list(validator.iter_errors(yaml.safe_load(pack.read_text(encoding="utf-8"))))
        assert not errors, f"{pack.name}: {errors[0].message}"


def test_unknown_name_exits_2(run_cli):
    result = run_cli("schema", "nonsense")
    assert result.exit_code == 2
    assert "nonsense" in result.stderr


def test_a_missing_schema_file_is_one_line_and_exit_2(run_cli, monkeypatch, tmp_path):
    (tmp_path / "schemas").mkdir()
    monkeypatch.setattr(resources, "data_path", lambda name: tmp_path / name)
    result = run_cli("schema", "strategy")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "strategy schema is not available" in result.stderr


def test_schema_help_lists_every_name(run_cli):
    result = run_cli("schema", "--help")
    assert result.exit_code == 0
    for name in NAMES:
        assert name in result.stdout


def _readme_yaml_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)


def test_readme_config_example_validates_against_the_config_schema(run_cli):
    validator = Draft202012Validator(json.loads(run_cli("schema", "config").stdout))
    [block] = [b for b in _readme_yaml_blocks() if b.startswith("# .stratlint.yaml")]
    config = yaml.safe_load(block)
    assert config and "rules" in config
    errors = list(validator.iter_errors(config))
    assert not errors, errors[0].message


def test_readme_modeline_example(run_cli):
    validator = Draft202012Validator(json.loads(run_cli("schema", "config").stdout))
    [block] = [b for b in _readme_yaml_blocks() if b.startswith("# yaml-language-server:")]
    assert block.splitlines()[0] == "# yaml-language-server: $schema=stratlint.schema.json"
    assert validator.is_valid(yaml.safe_load(block))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "stratlint schema config > stratlint.schema.json" in readme


def test_config_schema_rejects_an_unknown_key(run_cli):
    validator = Draft202012Validator(json.loads(run_cli("schema", "config").stdout))
    assert not validator.is_valid({"fail_on": "warning"})   # the key is fail-on


# A structured strategy that uses every field the schema describes.
FULL_STRATEGY = """\
title: Riverside Community Health NHS Trust digital strategy 2025 to 2028
organisation: Riverside Community Health NHS Trust
period: {start: April 2025, end: 2028}
mission: Care that is easy for patients to reach and easy for staff to give.
aligns_with: [Care Closer to Home, Riverside and Eastbank ICS digital plan]
users:
  - name: District nurses
    needs: [Write notes once, at the bedside]
services:
  - name: Community nursing referrals
    volume: 48000
    cost_per_use: "£31"
    quality: Two in five referrals need a follow-up call.
    digital_take_up: 35
    owner: Director of community services
    opportunity: One online referral form for GPs and hospitals.
principles: [Start with the problem, Keep a human route]
priorities: [Fix the basics first]
not_doing: [We will not build our own patient app]
exemplars: [Online referral form for GP practices by September 2025]
commitments:
  - what: Give every district nurse a working mobile record.
    outcome: Nurses spend less time writing notes.
    measure: Minutes a day spent on notes
    target: 45
    due: "2026-03-31"
    owner: Chief nursing information officer
measures:
  - {name: Unanswered calls, baseline: "22%", target: "5%", by: 2027}
risks:
  - {risk: Supplier failure, mitigation: Exit plan for each contract, owner: Chief digital officer}
organisational_change: [A product manager for each service, Digital skills in every induction]
review_cadence: Monthly progress reviews and a yearly refresh of this strategy.
delivered: [Wi-Fi in every clinic in 2024]
switch_off:
  - Paper referral forms
  - {system: Old scheduling system, by: 2026}
"""


def test_a_full_structured_strategy_validates(run_cli):
    schema = json.loads(run_cli("schema", "strategy").stdout)
    data = yaml.safe_load(FULL_STRATEGY)
    assert set(data) == set(schema["properties"]), "the example should use every field"
    errors = list(Draft202012Validator(schema).iter_errors(data))
    assert not errors, [e.message for e in errors]


@pytest.mark.parametrize("change,where", [
    ({"vision": "An unknown top-level field"}, "vision"),
    ({"commitments": [{"owner": "CDO"}]}, "what"),
    ({"commitments": [{"what": "x", "deadline": "2026"}]}, "deadline"),
    ({"period": {"start": 2025, "finish": 2028}}, "finish"),
    ({"users": [{"needs": ["x"]}]}, "name"),
    ({"risks": ["a plain string"]}, "object"),
])
def test_the_strategy_schema_rejects(run_cli, change, where):
    schema = json.loads(run_cli("schema", "strategy").stdout)
    data = {**yaml.safe_load(FULL_STRATEGY), **change}
    errors = list(Draft202012Validator(schema).iter_errors(data))
    assert errors and any(where in e.message for e in errors), [e.message for e in errors]
