"""The rule reference and the catalogue contract."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from stratlint.cli import main
from stratlint.packs import load_rules

ROOT = Path(__file__).resolve().parents[1]

# The rule names of the design's catalogue are a public contract.
CATALOGUE = {
    "it-driven", "cookie-cutter", "unproven-tech", "vague-language", "too-long-term",
    "wish-list", "not-integrated", "missing-user-needs", "missing-principles",
    "missing-delivered-so-far", "hard-to-read", "missing-mission", "missing-service-map",
    "missing-not-doing", "missing-success-measures", "missing-system-alignment",
    "missing-organisational-change", "missing-risks", "too-many-commitments",
    "commitment-not-measurable", "commitment-not-time-bound", "commitment-no-owner",
    "commitment-names-solution", "insider-jargon", "missing-exemplars",
    "missing-prioritisation", "missing-review-cadence", "missing-decommissioning",
    "too-long-document", "long-sentence", "schema-violation", "unreadable-file",
}


def test_rules_json_lists_the_whole_catalogue():
    result = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert result.exit_code == 0
    names = {rule["name"] for rule in json.loads(result.output)}
    assert CATALOGUE <= names


def test_rules_md_is_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_rules_doc.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_rule_explains_itself():
    for rule in load_rules(include_plugins=False).values():
        assert len(rule.rationale.split()) >= 20, rule.name
        assert rule.guide_section, rule.name
        result = CliRunner().invoke(main, ["explain", rule.name])
        assert result.exit_code == 0
        assert rule.guide_section in result.output
        if rule.check != "builtin":
            assert "Fires on:" in result.output and "Quiet on:" in result.output, rule.name


def test_rationale_does_not_copy_the_guide():
    guide = ROOT.parent / "shared" / "guide" / "building-a-digital-strategy.txt"
    if not guide.exists():
        return
    words = guide.read_text(encoding="utf-8").lower().split()
    runs = {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}
    for rule in load_rules(include_plugins=False).values():
        own = rule.rationale.lower().split()
        for i in range(len(own) - 7):
            assert " ".join(own[i:i + 8]) not in runs, f"{rule.name} copies the guide"
