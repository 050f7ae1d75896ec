"""Helpers for pack and plugin authors to test their own rules, with pytest or without.

    from stratlint.testing import assert_fires, assert_quiet, check_examples

    def test_examples():
        check_examples("house-abbreviation")          # the rule's YAML examples still hold

    def test_defined_abbreviation_is_fine():
        assert_quiet("The target operating model (TOM) is agreed. The TOM ...",
                     "house-abbreviation")

A rule is named by its name, its code, or a loaded ``Rule``. ``config`` is anything
``stratlint.api.lint_text`` accepts (a Config, a config mapping, or a config file's path); use
it to reach rules that are neither built in nor installed as a plugin, for example
``{"rule-paths": ["my_rules"]}``. Each helper runs only the rule under test, so other rules'
findings never get in the way. A failure raises ``RuleExampleError``, an AssertionError whose
message says which rule, which text and what was (or was not) found.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Union

from .api import _as_config, lint_text
from .config import Config
from .findings import Finding
from .packs import Rule, load_rules

__all__ = ["RuleExampleError", "assert_fires", "assert_quiet", "check_examples", "find_rule"]

ConfigLike = Union[Config, Mapping[str, Any], str, Path, None]


class RuleExampleError(AssertionError):
    """A rule did not behave as its examples or a test said it would."""


def _base(config: ConfigLike) -> Config:
    return _as_config(config) or Config()


def find_rule(rule: str | Rule, config: ConfigLike = None) -> tuple[Rule, Config]:
    """The loaded rule (by name, code or Rule) and a config from which it can be run."""
    base = _base(config)
    rules = load_rules(base.rule_paths, dict(base.lexicons))
    if isinstance(rule, Rule):
        if rule.name in rules:
            return rules[rule.name], base
        if not rule.source:
            raise RuleExampleError(f"rule {rule.name!r} is not loaded and has no source file")
        # A rule loaded from a file the config does not name: add that file to the run.
        base = dataclasses.replace(base, rule_paths=base.rule_paths + (Path(rule.source),))
        rules = load_rules(base.rule_paths, dict(base.lexicons))
        return rules[rule.name], base
    found = rules.get(rule) or next((r for r in rules.values() if r.code == rule.upper()), None)
    if found is None:
        raise RuleExampleError(f"no rule called {rule!r} (is its pack installed, or named in "
                               f"the config's rule-paths?)")
    return found, base


def _only(rule: Rule, base: Config, options: Mapping[str, Any] | None) -> Config:
    """The base config, running just this rule, with extra option values on top."""
    settings = dict(base.rules.get(rule.name, {}))
    settings.update(options or {})
    rules = {**base.rules, rule.name: MappingProxyType(settings)}
    return dataclasses.replace(base, select=(rule.name,), ignore=(),
                               rules=MappingProxyType(rules))


def _findings(text: str, rule: Rule, base: Config, path: str,
              options: Mapping[str, Any] | None) -> list[Finding]:
    found = lint_text(text, path, _only(rule, base, options))
    return [f for f in found if f.rule == rule.name]


def _show(text: str) -> str:
    return "\n".join("    | " + line for line in text.rstrip("\n").split("\n"))


def _describe(findings: list[Finding]) -> str:
    return "\n".join(f"    {f.line}:{f.column}: {f.code} {f.rule}: {f.message}" for f in findings)


def assert_fires(text: str, rule: str | Rule, path: str = "x.md", config: ConfigLike = None,
                 options: Mapping[str, Any] | None = None, count: int | None = None
                 ) -> list[Finding]:
    """Assert that `rule` finds something in `text` (read as the file `path`).

    `options` overrides the rule's options for this call; `count`, when given, is the exact
    number of findings expected. Returns the rule's findings, for further asserts.
    """
    found_rule, base = find_rule(rule, config)
    findings = _findings(text, found_rule, base, path, options)
    if not findings:
        raise RuleExampleError(f"rule {found_rule.name} ({found_rule.code}) did not fire on "
                               f"{path}:\n{_show(text)}")
    if count is not None and len(findings) != count:
        raise RuleExampleError(f"rule {found_rule.name} ({found_rule.code}) fired "
                               f"{len(findings)} times on {path}, expected {count}:\n"
                               f"{_describe(findings)}\n{_show(text)}")
    return findings


def assert_quiet(text: str, rule: str | Rule, path: str = "x.md", config: ConfigLike = None,
                 options: Mapping[str, Any] | None = None) -> None:
    """Assert that `rule` finds nothing in `text` (read as the file `path`)."""
    found_rule, base = find_rule(rule, config)
    findings = _findings(text, found_rule, base, path, options)
    if findings:
        raise RuleExampleError(f"rule {found_rule.name} ({found_rule.code}) should be quiet "
                               f"on {path} but found:\n{_describe(findings)}\n{_show(text)}")


def check_examples(rule: str | Rule, config: ConfigLike = None, path: str = "example.md"
                   ) -> list[Finding]:
    """Run a rule's YAML examples: `fire` must give at least one finding, `quiet` none.

    The examples' `options`, if any, are applied on top of the rule's own options, as a config
    {"select": [name], "rules": {name: options}} would. Returns the findings on `fire`;
    raises RuleExampleError when an example misbehaves or the rule has no examples.
    """
    found_rule, base = find_rule(rule, config)
    examples = found_rule.examples
    if not examples.get("fire") and not examples.get("quiet"):
        raise RuleExampleError(f"rule {found_rule.name} ({found_rule.code}) has no examples "
                               f"(add examples.fire and examples.quiet in {found_rule.source})")
    options = dict(examples.get("options") or {})
    where = f"rule {found_rule.name} ({found_rule.code}) in {found_rule.source}"
    fired: list[Finding] = []
    if examples.get("fire"):
        fired = _findings(examples["fire"], found_rule, base, path, options)
        if not fired:
            raise RuleExampleError(f"{where}: examples.fire did not fire:\n"
                                   f"{_show(examples['fire'])}")
    if examples.get("quiet"):
        noisy = _findings(examples["quiet"], found_rule, base, path, options)
        if noisy:
            raise RuleExampleError(f"{where}: examples.quiet is not quiet:\n{_describe(noisy)}\n"
                                   f"{_show(examples['quiet'])}")
    return fired
