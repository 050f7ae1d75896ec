"""The registries are the one place each extension point is listed: the modules they name
keep their contract, and the command line, discovery, the pre-commit hook and the README
follow them."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from stratlint import registry
from stratlint.cli import main
from stratlint.config import Config
from stratlint.discover import skip_reason
from stratlint.readers import format_for

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _choices(command: str) -> list[str]:
    option = next(p for p in main.commands[command].params if p.name == "output_format")
    return list(option.type.choices)


@pytest.mark.parametrize("fmt", registry.INPUT_FORMATS.values(), ids=lambda f: f.name)
def test_each_input_format_reads_its_own_extensions(fmt):
    reader = importlib.import_module(fmt.module)
    assert callable(reader.read)
    for extension in fmt.extensions:
        assert extension == extension.lower() and extension.startswith(".")
        assert format_for(f"plans/strategy{extension.upper()}") == fmt.name


def test_an_unknown_extension_is_read_as_plain_text():
    assert format_for("notes.rst") == registry.FALLBACK_INPUT_FORMAT == "text"


def test_no_extension_belongs_to_two_formats():
    assert len(registry.INPUT_EXTENSIONS) == len(set(registry.INPUT_EXTENSIONS))


@pytest.mark.parametrize("extension", registry.INPUT_EXTENSIONS)
def test_a_folder_walk_looks_for_every_registered_extension(tmp_path, extension):
    path = tmp_path / f"plan{extension}"
    path.write_text("mission: Care closer to home.\nnot_doing: [A new building]\n")
    assert skip_reason(path, Config()) is None


def test_a_folder_walk_leaves_out_other_extensions(tmp_path):
    for name in ("plan.rst", "plan.text", "plan.json", "plan.doc"):
        assert skip_reason(tmp_path / name, Config()) == "not a file type stratlint reads"


def _hook_files_pattern() -> re.Pattern:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return re.compile(hook["files"])


def _near_misses(extension: str) -> list[str]:
    """Extensions one edit away from a registered one, and other document types."""
    body = extension[1:]
    misses = {extension[:-1], extension + "x", "." + body[1:], ".x" + body}
    misses |= {".rst", ".text", ".json", ".doc", ".odt", ".tex", ".xml", ".csv", ".rtf", ""}
    return sorted(misses - set(registry.INPUT_EXTENSIONS) - {"."})


def test_precommit_hook_files_pattern_accepts_exactly_the_registered_extensions():
    pattern = _hook_files_pattern()
    for extension in registry.INPUT_EXTENSIONS:
        assert pattern.search(f"docs/board/strategy{extension}"), extension
        for miss in _near_misses(extension):
            assert not pattern.search(f"docs/board/strategy{miss}"), miss


def test_check_format_choices_are_the_lint_formats():
    assert _choices("check") == [registry.AUTO_LINT_FORMAT, *registry.LINT_FORMATS]


def test_report_format_choices_are_the_report_formats():
    assert _choices("report") == list(registry.REPORT_FORMATS)


def test_check_help_names_every_extension_and_format():
    text = " ".join(CliRunner().invoke(main, ["check", "--help"]).output.split())
    for extension in registry.INPUT_EXTENSIONS:
        assert f"*{extension}" in text, extension
    for name, fmt in registry.LINT_FORMATS.items():
        assert f"{name}: {' '.join(fmt.summary.split())}" in text, name


@pytest.mark.parametrize("fmt", registry.LINT_FORMATS.values(), ids=lambda f: f.name)
def test_each_lint_reporter_has_write(fmt):
    assert callable(importlib.import_module(fmt.module).write)


@pytest.mark.parametrize("fmt", registry.REPORT_FORMATS.values(), ids=lambda f: f.name)
def test_each_report_renderer_has_render(fmt):
    assert callable(importlib.import_module(fmt.module).render)


@pytest.mark.parametrize("name", registry.CHECK_KINDS)
def test_each_builtin_check_kind_is_its_modules_kind(name):
    assert importlib.import_module(registry.CHECK_KINDS[name]).KIND.name == name


def test_readme_lists_the_extensions_a_folder_walk_looks_for():
    sentence = README.split("Folders are searched for ", 1)[1].split(". ", 1)[0]
    assert re.findall(r"`\*(\.\w+)`", sentence) == list(registry.INPUT_EXTENSIONS)


def test_readme_lists_the_check_formats():
    row = next(line for line in README.splitlines() if line.startswith("| `--format "))
    listed = row.split("`")[1].removeprefix("--format ").split("\\|")
    assert listed == [registry.AUTO_LINT_FORMAT, *registry.LINT_FORMATS]


def test_readme_lists_the_report_formats():
    line = next(line for line in README.splitlines() if line.startswith("stratlint report "))
    listed = re.search(r"--format ([\w|]+)", line).group(1).split("|")
    assert listed == list(registry.REPORT_FORMATS)


def test_readme_lists_the_builtin_check_kinds():
    section = README.split("## Extending stratlint", 1)[1].split("\n## ", 1)[0]
    sentence = section.split("The built-in check kinds are ", 1)[1].split(".\n", 1)[0]
    assert re.findall(r"`(\w+)`", sentence) == list(registry.CHECK_KINDS)

