"""The rule book: loaded packs, and the rules each configuration switches on, once per run."""
from __future__ import annotations

from .. import checks, patterns
from ..config import Config, effective_rules
from ..packs import Rule, load_rules


class RuleBook:
    """Loaded packs and each config's effective rules, computed once per run."""

    def __init__(self):
        self._packs: dict[tuple, dict[str, Rule]] = {}
        self._effective: dict[int, tuple[Config, list[Rule]]] = {}
        self._fingerprints: dict[int, str] = {}
        self._scanners: dict[int, patterns.Scanner] = {}

    def all_rules(self, config: Config) -> dict[str, Rule]:
        key = (config.rule_paths, tuple(sorted((k, tuple(v)) for k, v in config.lexicons.items())))
        if key not in self._packs:
            self._packs[key] = load_rules(config.rule_paths, dict(config.lexicons))
        return self._packs[key]

    def rules_for(self, config: Config) -> list[Rule]:
        entry = self._effective.get(id(config))
        if entry is None:
            entry = (config, effective_rules(config, self.all_rules(config)))
            self._effective[id(config)] = entry   # keeps config alive so its id stays unique
        return entry[1]

    def scanner_for(self, config: Config) -> patterns.Scanner:
        """The phrase sets of a config's rules, for the one scan of each block (compiling
        every rule once, before any worker starts)."""
        if id(config) not in self._scanners:
            self._scanners[id(config)] = patterns.Scanner(
                phrase_set for rule in self.rules_for(config)
                for phrase_set in _phrase_sets(rule))
        return self._scanners[id(config)]

    def fingerprint(self, config: Config) -> str:
        """Everything besides a file's content that decides its results: the effective rules
        (with their options), the size limit, and the code that runs them."""
        if id(config) not in self._fingerprints:
            import hashlib
            import json

            from ..packs import _thaw
            from ..cache.results import code_fingerprint

            rules = self.rules_for(config)
            described = [[r.name, r.code, str(r.severity), r.check, _thaw(r.options), r.message]
                         for r in rules]
            if any(r.check not in checks.BUILTIN for r in rules):
                from ..cache.user import installed_plugins

                described.append(installed_plugins())   # a plugin upgrade changes results
            described.append([config.max_file_size, code_fingerprint()])
            text = json.dumps(described, sort_keys=True, default=str)
            self._fingerprints[id(config)] = hashlib.sha256(text.encode()).hexdigest()
        return self._fingerprints[id(config)]


def _phrase_sets(rule: Rule) -> tuple:
    """The phrase sets a rule's check announces (none, for a plugin's own kind that keeps
    its matching to itself)."""
    try:
        return tuple(getattr(rule.compiled, "phrase_sets", ()))
    except Exception:   # a check that cannot be compiled fails where it runs, one line a file
        return ()
