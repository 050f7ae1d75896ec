"""The plugin interface end to end, as a third party would use it.

tests/plugin_dist is a real setuptools distribution with a `stratlint.checks` entry point (a
check kind) and a `stratlint.packs` entry point (a folder of rule YAML). It is built and
installed once per module with pip into a temporary folder, and stratlint is then run in a
subprocess with that folder on PYTHONPATH, exactly as an installed plugin would be found.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from stratlint import checks
from stratlint.packs import plugins
from stratlint.packs import load_rules
from stratlint.testing import RuleExampleError, assert_fires, assert_quiet, check_examples

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("pip") is None,
        reason="pip is not available in this Python, so the example plugin cannot be installed"),
    pytest.mark.slow,   # builds and installs a distribution
]

PLUGIN_DIST = Path(__file__).resolve().parents[1] / "plugin_dist"
RULE = "house-abbreviation"
CODE = "XP101"
CHECK = "banned-abbreviation"

BAD_TEXT = """\
# Digital Strategy 2025 to 2028

## Where we start

From April the service desk moves into BAU, and the new TOM for digital services is
agreed by the SRO before the OBC goes to the board in June.
"""

GOOD_TEXT = """\
# Digital Strategy 2025 to 2028

## Where we start

From April the service desk moves into business as usual. The new target operating model
(TOM) for digital services is agreed by our senior responsible owner before the outline
business case goes to the board in June. The TOM is reviewed every quarter.
"""


# ----------------------------------------------------------------------------- helpers

def _env(site: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(NO_COLOR="1", PYTHONIOENCODING="utf-8", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_NO_INPUT="1")
    if site is not None:
        env["PYTHONPATH"] = str(site)
    return env


def stratlint(*args: str, site: Path | None, cwd: Path) -> subprocess.CompletedProcess:
    """Run `python -m stratlint ARGS` in a fresh interpreter with `site` on PYTHONPATH."""
    return subprocess.run([sys.executable, "-m", "stratlint", *args], cwd=cwd, env=_env(site),
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


def findings_of(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


def _position(text: str, needle: str) -> tuple[int, int]:
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _write_dist(root: Path, files: dict[str, str]) -> Path:
    """Lay out an installed distribution (module files plus a .dist-info) in `root`."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


# ----------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    """The example plugin, built and installed by pip into a temporary folder."""
    work = tmp_path_factory.mktemp("plugin")
    # Build from a copy: pip builds setuptools projects in place, and the build/ and
    # *.egg-info it leaves must not land in the source tree.
    source = work / "src"
    shutil.copytree(PLUGIN_DIST, source,
                    ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    site = work / "site"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "--target", str(site), str(source)],
        env=_env(None), capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.fail("pip could not build and install tests/plugin_dist (setuptools and wheel "
                    f"come with the test extras: pip install '.[test]'):\n{result.stdout}\n"
                    f"{result.stderr}", pytrace=False)
    return site


@pytest.fixture
def plugin_in_process(plugin_site, monkeypatch):
    """The installed plugin visible to this process too, and forgotten afterwards."""
    monkeypatch.syspath_prepend(str(plugin_site))
    monkeypatch.setattr(checks, "_loaded", dict(checks._loaded))  # no loaded kind outlives us
    monkeypatch.setattr(plugins, "_found", None)   # look the entry points up again, with it
    yield plugin_site
    for name in [m for m in sys.modules if m.partition(".")[0] == "stratlint_example_plugin"]:
        del sys.modules[name]


@pytest.fixture
def documents(tmp_path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bad.md").write_text(BAD_TEXT, encoding="utf-8")
    (folder / "good.md").write_text(GOOD_TEXT, encoding="utf-8")
    return folder


# ----------------------------------------------------------------------------- installed plugin

def test_pip_installs_both_entry_points_and_the_pack_data(plugin_site):
    dist_info = next(plugin_site.glob("stratlint_example_plugin-*.dist-info"))
    entry_points = (dist_info / "entry_points.txt").read_text(encoding="utf-8")
    assert "[stratlint.checks]" in entry_points and CHECK in entry_points
    assert "[stratlint.packs]" in entry_points
    assert (plugin_site / "stratlint_example_plugin" / "rules" / "house-style.yaml").is_file()


def test_plugin_rule_fires_on_realistic_text(plugin_site, documents):
    result = stratlint("check", "--format", "json", "bad.md", site=plugin_site, cwd=documents)
    assert result.returncode == 1, result.stderr
    found = findings_of(result)
    mine = [f for f in found if f["rule"] == RULE]
    assert [f["excerpt"] for f in mine] == ["BAU", "TOM", "SRO", "OBC"]
    assert {f["code"] for f in mine} == {CODE}
    assert {f["severity"] for f in mine} == {"warning"}
    first = mine[0]
    assert (first["line"], first["column"]) == _position(BAD_TEXT, "BAU")
    assert first["message"] == ("'BAU' is internal shorthand; write 'business as usual', "
                                "or spell it out once as 'business as usual (BAU)'")
    assert first["suggestion"] == "business as usual"
    # The plugin adds to the built-in pack; it does not replace it.
    assert any(f["code"].startswith("SL") for f in found)


def test_plugin_rule_is_quiet_on_good_text(plugin_site, documents):
    result = stratlint("check", "--format", "json", "good.md", site=plugin_site, cwd=documents)
    assert [f for f in findings_of(result) if f["rule"] == RULE] == []


def test_plugin_rule_text_output_names_file_line_and_code(plugin_site, documents):
    result = stratlint("check", "--select", CODE, "bad.md", site=plugin_site, cwd=documents)
    assert result.returncode == 1, result.stderr
    line, column = _position(BAD_TEXT, "BAU")
    assert f"bad.md:{line}:{column}: {CODE} {RULE} [warning]" in result.stdout


def test_plugin_rule_is_listed_and_explained(plugin_site, tmp_path):
    result = stratlint("rules", "--format", "json", site=plugin_site, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = {r["name"]: r for r in json.loads(result.stdout)}
    assert listed[RULE] == {
        "name": RULE, "code": CODE, "severity": "warning", "check": CHECK,
        "summary": "Internal programme shorthand used without being spelled out.",
        "guide_section": "House style - abbreviations",
    }
    assert "missing-mission" in listed   # built-in rules are still there
    explained = stratlint("explain", CODE, site=plugin_site, cwd=tmp_path)
    assert explained.returncode == 0, explained.stderr
    assert RULE in explained.stdout and "allow-defined" in explained.stdout


def test_without_the_plugin_its_rule_does_not_exist(documents):
    result = stratlint("rules", "--format", "json", site=None, cwd=documents)
    assert RULE not in {r["name"] for r in json.loads(result.stdout)}


@pytest.mark.parametrize("token", [CODE, RULE, "XP"])
def test_plugin_rule_can_be_ignored(plugin_site, documents, token):
    result = stratlint("check", "--format", "json", "--ignore", token, "bad.md",
                       site=plugin_site, cwd=documents)
    found = findings_of(result)
    assert found, "the built-in rules should still run"
    assert [f for f in found if f["rule"] == RULE] == []


def test_plugin_rule_options_come_from_the_config(plugin_site, documents):
    (documents / ".stratlint.yaml").write_text(textwrap.dedent(f"""\
        select: [{CODE}]
        rules:
          {RULE}:
            severity: error
            abbreviations: {{SRO: senior responsible owner}}
    """), encoding="utf-8")
    result = stratlint("check", "--format", "json", "bad.md", site=plugin_site, cwd=documents)
    assert [(f["excerpt"], f["severity"]) for f in findings_of(result)] == [("SRO", "error")]


def test_bad_plugin_options_are_one_line_errors(plugin_site, documents):
    (documents / ".stratlint.yaml").write_text(
        f"rules:\n  {RULE}:\n    abbreviations: {{sro: [not, a, string]}}\n", encoding="utf-8")
    result = stratlint("check", "bad.md", site=plugin_site, cwd=documents)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"rules.{RULE}" in result.stderr and "abbreviations" in result.stderr


# ----------------------------------------------------------------------------- stratlint.testing

def test_plugin_rule_examples_hold(plugin_in_process):
    fired = check_examples(RULE)
    assert {f.code for f in fired} == {CODE}
    assert [f.excerpt for f in fired] == ["TOM", "BAU", "SRO"]
    assert check_examples(CODE) == fired  # by code too


def test_plugin_rule_cases(plugin_in_process):
    assert_fires(BAD_TEXT, RULE, count=4)
    assert_quiet(GOOD_TEXT, RULE)
    # Plurals and possessives are the same abbreviation.
    [plural] = assert_fires("Each team writes its own TOMs.\n", RULE)
    assert plural.excerpt == "TOMs"
    # Case matters: Tom is a person, not a target operating model.
    assert_quiet("Tom from the service desk will lead the pilot.\n", RULE)
    # Someone else's words are theirs.
    assert_quiet('The auditor wrote "the SRO was unclear".\n', RULE)
    assert_quiet("> The SRO role was unclear.\n", RULE)
    # A use before the definition still fires; the definition and later uses do not.
    [early] = assert_fires("The TOM matters.\n\nThe target operating model (TOM) is new.\n",
                           RULE)
    assert early.line == 1
    assert_fires("The target operating model (TOM) is new.\n", RULE,
                 options={"allow-defined": False})
    # Any reader: plain text too.
    assert_fires("The TOM is agreed.\n", RULE, path="strategy.txt")


def test_helpers_explain_what_went_wrong(plugin_in_process):
    with pytest.raises(RuleExampleError, match=r"house-abbreviation \(XP101\) did not fire"):
        assert_fires(GOOD_TEXT.replace("(TOM)", "").replace("The TOM", "It"), RULE)
    with pytest.raises(RuleExampleError, match=r"should be quiet.*\n.*BAU"):
        assert_quiet(BAD_TEXT, RULE)
    with pytest.raises(RuleExampleError, match=r"fired 4 times.*expected 1"):
        assert_fires(BAD_TEXT, RULE, count=1)
    with pytest.raises(RuleExampleError, match=r"no rule called 'no-such-rule'"):
        assert_quiet("text\n", "no-such-rule")


PACK = """\
rules:
  - name: xp-test-system-acronyms
    code: XP901
    severity: info
    summary: Test rule.
    message: "Spell out {{match}}"
    rationale: A test.
    guide-section: Tests
    check: banned-abbreviation
    options:
      abbreviations: {{ICS: integrated care system}}
    examples:
      fire: |
        The integrated care system (ICS) sets the priorities.
      quiet: |
        The integrated care system sets the priorities.
{options}"""


def test_check_examples_applies_example_options_and_rule_paths(plugin_in_process, tmp_path):
    # The fire example defines ICS, so it fires only with the examples' own options applied.
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK.format(options="      options: {allow-defined: false}\n"),
                    encoding="utf-8")
    config = {"rule-paths": [str(pack)]}
    assert [f.code for f in check_examples("xp-test-system-acronyms", config)] == ["XP901"]
    # A Rule loaded from a file that no config names works as well.
    rule = load_rules([pack])["xp-test-system-acronyms"]
    assert [f.code for f in check_examples(rule)] == ["XP901"]

    pack.write_text(PACK.format(options=""), encoding="utf-8")
    with pytest.raises(RuleExampleError, match=r"XP901.*pack\.yaml: examples\.fire did not fire"):
        check_examples("xp-test-system-acronyms", config)


# ----------------------------------------------------------------------------- broken plugins

BROKEN_ON_IMPORT = "raise RuntimeError('simulated bug in the plugin')\n"

BROKEN_PACK_YAML = """\
rules:
  - name: xp-broken
    code: XP999
    severity: warning
    summary: Uses a check whose plugin is broken.
    message: "{match}"
    rationale: A test.
    guide-section: Tests
    check: exploding-check
"""

BROKEN_PLUGINS = {
    # The rule pack's entry point raises when stratlint imports it.
    "pack-import": {
        "entry_points": "[stratlint.packs]\nbroken = stratlint_broken_plugin\n",
        "stratlint_broken_plugin/__init__.py": BROKEN_ON_IMPORT,
    },
    # The pack loads, but the check kind its rule uses raises on import.
    "check-import": {
        "entry_points": ("[stratlint.packs]\nbroken = stratlint_broken_plugin.rules\n\n"
                         "[stratlint.checks]\nexploding-check = stratlint_broken_plugin.check:KIND\n"),
        "stratlint_broken_plugin/__init__.py": "",
        "stratlint_broken_plugin/rules/__init__.py": "",
        "stratlint_broken_plugin/rules/broken.yaml": BROKEN_PACK_YAML,
        "stratlint_broken_plugin/check.py": BROKEN_ON_IMPORT,
    },
    # The check kind imports, but is not a check at all.
    "check-not-a-check": {
        "entry_points": ("[stratlint.packs]\nbroken = stratlint_broken_plugin.rules\n\n"
                         "[stratlint.checks]\nexploding-check = stratlint_broken_plugin.check:KIND\n"),
        "stratlint_broken_plugin/__init__.py": "",
        "stratlint_broken_plugin/rules/__init__.py": "",
        "stratlint_broken_plugin/rules/broken.yaml": BROKEN_PACK_YAML,
        "stratlint_broken_plugin/check.py": "KIND = 42\n",
    },
}


def _broken_site(root: Path, variant: str) -> Path:
    spec = dict(BROKEN_PLUGINS[variant])
    dist_info = "stratlint_broken_plugin-0.1.0.dist-info"
    files = {
        f"{dist_info}/METADATA": ("Metadata-Version: 2.1\nName: stratlint-broken-plugin\n"
                                  "Version: 0.1.0\n"),
        f"{dist_info}/entry_points.txt": spec.pop("entry_points"),
    }
    files.update(spec)
    return _write_dist(root, files)


@pytest.mark.parametrize("variant", sorted(BROKEN_PLUGINS))
@pytest.mark.parametrize("command", [("check", "bad.md"), ("rules",)], ids=["check", "rules"])
def test_broken_plugin_is_one_line_and_exit_2(tmp_path, documents, variant, command):
    site = _broken_site(tmp_path / "broken-site", variant)
    result = stratlint(*command, site=site, cwd=documents)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("stratlint: error: ")
    assert ("simulated bug in the plugin" in lines[0]) == variant.endswith("import")
    assert "broken" in lines[0] or "exploding-check" in lines[0]


def test_check_that_crashes_while_running_is_one_line_per_file(tmp_path, documents):
    site = _broken_site(tmp_path / "broken-site", "check-import")
    (site / "stratlint_broken_plugin" / "check.py").write_text(textwrap.dedent("""\
        from stratlint.checks import CheckKind

        def run(document, analysis, options):
            raise ZeroDivisionError("simulated bug while checking")
            yield

        KIND = CheckKind("exploding-check", run)
    """), encoding="utf-8")
    result = stratlint("check", "bad.md", "good.md", site=site, cwd=documents)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr
    assert all("xp-broken failed: ZeroDivisionError: simulated bug while checking" in line
               for line in lines)
    assert "missing-" in result.stdout  # the other rules still ran and were reported


# ----------------------------------------------------------------------------- no code from configs

@pytest.mark.parametrize("config", [
    "rule-paths: [rules]\n",
    "rule-paths: [rules/evil.py]\n",
    "rule-paths: [rules/pack.yaml]\n",
    "select: !!python/object/apply:evil.boom []\n",
], ids=["rules-folder", "python-file", "pack-naming-python-check", "yaml-python-tag"])
def test_config_in_checked_folder_cannot_import_python(tmp_path, config):
    marker = tmp_path / "IMPORTED"
    folder = tmp_path / "untrusted"
    payload = f"open({str(marker)!r}, 'w').write('imported')\nKIND = None\ndef boom(): pass\n"
    _write_dist(folder, {
        ".stratlint.yaml": config,
        "strategy.md": "# Digital Strategy\n\nOur mission is to make booking easy.\n",
        "evil.py": payload,
        "rules/__init__.py": payload,
        "rules/evil.py": payload,
        "rules/pack.yaml": BROKEN_PACK_YAML.replace("exploding-check", "evil"),
        # An installed-looking plugin, should anything put this folder on sys.path.
        "evil-0.1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: evil\nVersion: 0.1.0\n",
        "evil-0.1.0.dist-info/entry_points.txt": ("[stratlint.checks]\nevil = evil:KIND\n\n"
                                                  "[stratlint.packs]\nevil = rules\n"),
    })
    elsewhere = tmp_path / "elsewhere"   # `python -m` itself puts the working folder on sys.path
    elsewhere.mkdir()
    result = stratlint("check", str(folder / "strategy.md"), site=None, cwd=elsewhere)
    assert not marker.exists(), "stratlint imported Python from the checked folder"
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
