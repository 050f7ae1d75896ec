"""Every rule's fire/quiet cases: the examples in its pack entry and tests/rules/RULE.yaml.

Each case file holds named cases:

    cases:
      - name: negated-mention-is-quiet
        text: |
          ...
        fires: false          # or true, or a number of findings
        path: x.md            # optional; picks the reader
        options: {max: 3}     # optional rule option overrides
        lines: [4, 9]         # optional; the lines the findings must be on
        xfail: "why"          # optional; a known weakness of the rule, kept visible
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from stratlint import lint_text
from stratlint.packs import load_rules

CASES = Path(__file__).resolve().parents[1] / "rules"
RULES = load_rules(include_plugins=False)
ENGINE_RULES = {"schema-violation", "unreadable-file", "unused-suppression"}


def _run(rule: str, text: str, path: str = "x.md", options: dict | None = None):
    config = {"select": [rule], "rules": {rule: dict(options or {})}}
    return [f for f in lint_text(text, path=path, config=config) if f.rule == rule]


def _example_cases():
    for name, rule in sorted(RULES.items()):
        if name in ENGINE_RULES:
            continue
        options = dict(rule.examples.get("options", {}))
        for key, fires in (("fire", True), ("quiet", False)):
            yield pytest.param(name, rule.examples.get(key), fires, options,
                               id=f"{name}-example-{key}")


def _file_cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            # A known rule weakness stays visible as a strict xfail until the rule is fixed.
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            yield pytest.param(path.stem, case, id=f"{path.stem}-{case['name']}", marks=marks)


@pytest.mark.parametrize("rule,text,fires,options", list(_example_cases()))
def test_pack_examples(rule, text, fires, options):
    assert text, f"rule {rule} needs a '{'fire' if fires else 'quiet'}' example in its pack"
    found = _run(rule, text, options=options)
    if fires:
        assert found, f"{rule} should fire on its 'fire' example"
    else:
        assert not found, f"{rule} fired on its 'quiet' example: {[f.message for f in found]}"


@pytest.mark.parametrize("rule,case", list(_file_cases()))
def test_case_files(rule, case):
    assert rule in RULES, f"tests/rules/{rule}.yaml names no rule"
    found = _run(rule, case["text"], case.get("path", "x.md"), case.get("options"))
    expected = case["fires"]
    detail = [(f.line, f.column, f.message) for f in found]
    if expected is True:
        assert found, f"{rule} should fire on case {case['name']!r}"
    elif expected is False:
        assert not found, f"{rule} fired on case {case['name']!r}: {detail}"
    else:
        assert len(found) == expected, f"expected {expected} findings, got {detail}"
    if "lines" in case:
        assert sorted({f.line for f in found}) == case["lines"], detail


def test_every_rule_has_fire_and_quiet_examples():
    """Every rule carries a firing and a quiet example in its pack (run above); the case
    files in tests/rules/ add the harder cases rule by rule."""
    for name, rule in RULES.items():
        if name not in ENGINE_RULES:
            assert rule.examples.get("fire") and rule.examples.get("quiet"), name


def test_every_case_file_has_fire_and_quiet_cases():
    for path in sorted(CASES.glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert any(c["fires"] not in (False, 0) for c in cases), f"{path.name}: no firing case"
        assert any(c["fires"] in (False, 0) for c in cases), f"{path.name}: no quiet case"
