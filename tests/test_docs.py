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


def test_the_extending_examples_in_the_readme_work(tmp_path):
    """The rule and the check kind that README's "Extending" section shows do what it says:
    the rule fires on its fire example and stays quiet on its quiet one, and the check
    kind, compiled from its options, finds the word."""
    import re as _re
    import textwrap

    import yaml as _yaml

    from stratlint.analysis import Analysis
    from stratlint.api import lint_text
    from stratlint.readers import read_text

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Extending stratlint"):readme.index("## pre-commit")]
    # The blocks sit inside list items, indented with them.
    pack_text = textwrap.dedent(_re.search(r"```yaml\n(.*?)```", section, _re.S).group(1))
    kind_source = textwrap.dedent(_re.search(r"```python\n(.*?)```", section, _re.S).group(1))

    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house.yaml").write_text(pack_text, encoding="utf-8")
    rule = _yaml.safe_load(pack_text)["rules"][0]
    config = {"rule-paths": [str(tmp_path / "house")], "select": [rule["name"]]}
    assert [f.rule for f in lint_text(rule["examples"]["fire"], config=config)] == [rule["name"]]
    assert lint_text(rule["examples"]["quiet"], config=config) == []

    namespace: dict = {}
    exec(compile(kind_source, "README.md", "exec"), namespace)
    check = namespace["KIND"].compiled({"words": ["paperless"]})
    document = read_text("# Plan\n\nWe will be paperless by 2027.\n", "x.md")
    hits = list(check.run(document, Analysis(document)))
    assert [document.text[h.start:h.end] for h in hits] == ["paperless"]
