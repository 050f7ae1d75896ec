"""Load rule packs: validate each YAML file, resolve lexicons, check options, refuse clashes."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from .. import checks
from ..errors import StratlintError
from ..findings import Severity
from ..resources import data_path, validator
from ..safety.escape import short
from ..safety.files import lies_within
from .plugins import PACKS_GROUP as PACK_ENTRY_POINT_GROUP
from .plugins import entry_points


@dataclass(frozen=True)
class Rule:
    name: str
    code: str
    severity: Severity
    summary: str
    message: str
    rationale: str
    guide_section: str
    check: str
    options: Mapping[str, Any]
    examples: Mapping[str, Any] = field(default_factory=dict)
    option_docs: Mapping[str, str] = field(default_factory=dict)
    source: str = ""
    # Where the assurance report uses the rule: {"question": 5, "role": "evidence"}, and the
    # guide's good or bad sign it tests ({"kind": "good", "name": ..., "meaning": ...}).
    board: Mapping[str, Any] = field(default_factory=dict)
    sign: Mapping[str, Any] = field(default_factory=dict)
    # From stratlint's own pack: its regular expressions are reviewed and tested like its
    # code, so they run in Python's own engine; any other runs with a time limit.
    trusted: bool = field(default=False, compare=False)

    @cached_property
    def compiled(self):
        """The rule's check, compiled once: patterns.PhraseSets built, defaults filled."""
        return checks.get(self.check).compiled(self.options, self.trusted)

    def format_message(self, args: Mapping[str, Any]) -> str:
        # Quoted words may wrap across source lines; a message is always one line.
        flat = {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in args.items()}
        try:
            return self.message.format_map(flat)
        except (KeyError, IndexError, ValueError):
            return self.message  # a template naming a value the check does not give

    def configured(self, severity: Severity | None, overrides: Mapping[str, Any],
                   where: str) -> "Rule":
        """This rule with a config's severity and options, the options re-validated."""
        options = self.options
        if overrides:
            merged = {**_thaw(self.options), **overrides}
            options = _check_options(self.check, merged, f"{where}: rules.{self.name}")
        # A config may reuse the pack's own patterns, but any new one makes them untrusted.
        shipped = {p for name, value in self.options.items() if name.endswith("patterns")
                   for p in value}
        trusted = self.trusted and all(p in shipped for name, value in overrides.items()
                                       if name.endswith("patterns") for p in value)
        return dataclasses.replace(self, severity=severity or self.severity, options=options,
                                   trusted=trusted)


def _freeze(value):
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value):
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def _key_path(parts: Iterable) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _check_options(check_name: str, options: dict, where: str) -> Mapping[str, Any]:
    """Validate options against the check's schema, fill defaults, and freeze them."""
    from jsonschema import Draft202012Validator

    kind = checks.get(check_name)
    errors = sorted(Draft202012Validator(dict(kind.options_schema)).iter_errors(options),
                    key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        key = ".".join(str(p) for p in error.absolute_path)
        detail = error.message
        if error.validator == "additionalProperties":
            allowed = sorted(kind.options_schema.get("properties", {}))
            detail += f" (options of check {check_name!r}: {', '.join(allowed) or 'none'})"
        raise StratlintError(f"{where}: options{'.' + key if key else ''}: {detail}")
    _check_patterns(options, where)
    return _freeze(dict(checks.with_defaults(kind.options_schema, options)))


def _check_patterns(options: dict, where: str) -> None:
    """A regular expression that does not compile is one error when the pack is loaded,
    not one per checked file."""
    import regex

    for key, value in options.items():
        if not key.endswith("patterns") or not isinstance(value, list):
            continue
        for index, pattern in enumerate(value):
            if not isinstance(pattern, str):
                continue
            try:
                regex.compile(pattern, regex.V0)
            except regex.error as exc:
                raise StratlintError(f"{where}: options.{key}[{index}]: invalid regular "
                                     f"expression {pattern!r}: {exc}") from None


def _resolve_lexicons(value, lexicons: Mapping[str, list], where: str):
    """Replace {lexicon: NAME} with the named list, inside lists too."""
    if isinstance(value, dict):
        if set(value) == {"lexicon"}:
            name = value["lexicon"]
            if name not in lexicons:
                raise StratlintError(f"{where}: unknown lexicon {name!r}")
            return list(lexicons[name])
        return {k: _resolve_lexicons(v, lexicons, where) for k, v in value.items()}
    if isinstance(value, list):
        out = []
        for item in value:
            resolved = _resolve_lexicons(item, lexicons, where)
            out.extend(resolved if isinstance(item, dict) and set(item) == {"lexicon"}
                       else [resolved])
        return out
    return value


def read_pack_file(path: Path) -> dict:
    """Parse and schema-check one pack file; raise StratlintError naming the file and key."""
    from ..safety import yaml_loader   # not needed when the compiled packs come from the pack cache

    data = yaml_loader.load_file(path, "rule pack")
    errors = sorted(validator("rule").iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        # The schema's message quotes the offending value whole: a short, escaped excerpt.
        raise StratlintError(f"{path}: {_key_path(error.absolute_path)}: "
                             f"{short(error.message, 160)}")
    return data


def pack_files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise StratlintError(f"{folder}: rule path does not exist")
    real = folder.resolve()
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
                  and lies_within(p, real))   # not a link out of the pack folder


def plugin_pack_folders() -> list[Path]:
    """Folders named by installed `stratlint.packs` entry points."""
    folders = []
    for ep in entry_points(PACK_ENTRY_POINT_GROUP):
        try:
            folders.append(_pack_folder(ep.load()))
        except Exception as exc:  # one line, never a traceback, whatever the plugin does
            raise StratlintError(f"rule pack plugin {ep.name!r} could not be loaded: "
                                 f"{type(exc).__name__}: {exc}") from None
    return folders


def _pack_folder(target) -> Path:
    """A pack entry point names a folder: a path, a callable returning one, or a package."""
    if callable(target):
        target = target()
    if hasattr(target, "__path__"):   # a package, with or without __init__.py
        return Path(list(target.__path__)[0])
    if getattr(target, "__file__", None):
        return Path(target.__file__).parent
    if isinstance(target, (str, Path)):
        return Path(target)
    raise TypeError(f"expected a folder, a callable or a package, got {type(target).__name__}")


def builtin_pack_folder() -> Path:
    return data_path("rules")


def load_rules(extra_paths: Iterable[Path] = (), extra_lexicons: Mapping[str, list] | None = None,
               include_plugins: bool = True) -> dict[str, Rule]:
    """Every rule from the built-in pack, installed plugin packs and the given paths.

    The built-in pack ships compiled (see packs/builtin.py), so a run with no other pack
    validates nothing. Validating and compiling other packs is most of stratlint's start-up,
    so their result is cached (see cache/user.py), keyed on the packs' exact contents, the
    extra lexicons, the installed plugins and stratlint's version: any change to any of them
    misses the cache.
    """
    from . import builtin
    from ..cache import user as user_cache

    builtin_folder = builtin_pack_folder()
    builtin_files = pack_files(builtin_folder)
    folders = plugin_pack_folders() if include_plugins else []
    folders += list(extra_paths)
    other_files = [f for folder in folders for f in pack_files(Path(folder))]
    shipped = builtin.load(builtin_folder, builtin_files)
    if shipped is not None and not other_files and not extra_lexicons:
        rules = dict(shipped.rules)
    else:
        files = builtin_files + other_files
        key = user_cache.pack_key(files, extra_lexicons, include_plugins)
        cached = user_cache.read_packs(key)
        if cached is not None:
            rules = {spec["name"]: rule_from_data(spec) for spec in cached}
        else:
            rules = (build_rules(other_files, extra_lexicons, shipped) if shipped is not None
                     else build_rules(files, extra_lexicons))
            user_cache.write_packs(key, [rule_to_data(rule) for rule in rules.values()])
    return _trust_builtin(rules)


def _trust_builtin(rules: dict[str, Rule]) -> dict[str, Rule]:
    """The built-in pack ships with stratlint and is tested like its code (every default rule
    runs on a 1 MB line in the tests), so its regular expressions may run in Python's own
    engine, which compiles far faster. Any other pattern, from a user's pack, a plugin or
    a config's options, still runs in the time-bounded engine (see patterns.py)."""
    builtin = builtin_pack_folder().resolve()
    return {name: dataclasses.replace(rule, trusted=Path(rule.source).resolve()
                                      .is_relative_to(builtin))
            for name, rule in rules.items()}


def rule_to_data(rule: Rule) -> dict:
    """A rule as plain JSON data (for the pack caches)."""
    data = {f.name: getattr(rule, f.name) for f in dataclasses.fields(rule)
            if f.name != "trusted"}   # decided by where the rule is loaded from, each time
    data["severity"] = str(rule.severity)
    for key in ("options", "examples", "option_docs", "board", "sign"):
        data[key] = _thaw(data[key])
    return data


_RULE_FIELDS = frozenset(f.name for f in dataclasses.fields(Rule))


def rule_from_data(data: dict) -> Rule:
    known = {k: v for k, v in data.items() if k in _RULE_FIELDS}
    return Rule(**{**known, "severity": Severity.parse(data["severity"]),
                   "options": _freeze(data["options"]),
                   "examples": MappingProxyType(data["examples"]),
                   "option_docs": MappingProxyType(data["option_docs"]),
                   "board": MappingProxyType(data.get("board") or {}),
                   "sign": MappingProxyType(data.get("sign") or {})})


def merged_lexicons(raw: list[tuple[Path, dict]], extra_lexicons=None,
                    start: Mapping[str, list] | None = None) -> dict[str, list]:
    """Each lexicon's words: `start`'s, then the packs' in order, then the config's."""
    lexicons = {name: list(words) for name, words in (start or {}).items()}
    for _path, data in raw:
        for name, words in (data.get("lexicons") or {}).items():
            lexicons.setdefault(name, []).extend(words)
    for name, words in (extra_lexicons or {}).items():
        lexicons.setdefault(name, []).extend(words)
    return lexicons


def lexicon_references(value) -> set[str]:
    """The lexicons named by {lexicon: NAME} anywhere in a rule's options."""
    if isinstance(value, dict):
        if set(value) == {"lexicon"}:
            return {value["lexicon"]}
        return set().union(*(lexicon_references(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(lexicon_references(v) for v in value))
    return set()


def build_rules(files: list[Path], extra_lexicons, builtin=None) -> dict[str, Rule]:
    """Validate the pack files and compile their rules (the uncached path).

    With `builtin` (a builtin.BuiltinPack), `files` are the packs besides the built-in
    one, whose shipped rules are kept as they are, unless these packs or the config add
    words to a lexicon the built-in rules use: then the built-in pack is compiled again."""
    raw = [(f, read_pack_file(f)) for f in files]
    if builtin is not None:
        added = set(merged_lexicons(raw, extra_lexicons))
        if added & builtin.lexicons_used:
            raw = [(f, read_pack_file(f)) for f in builtin.files] + raw
            builtin = None
    lexicons = merged_lexicons(raw, extra_lexicons, builtin.lexicons if builtin else None)
    rules: dict[str, Rule] = dict(builtin.rules) if builtin else {}
    codes: dict[str, str] = {rule.code: rule.name for rule in rules.values()}
    for path, data in raw:
        for index, spec in enumerate(data.get("rules") or []):
            where = f"{path}: rules[{index}] ({spec['name']})"
            if spec["name"] in rules:
                raise StratlintError(f"{where}: rule name {spec['name']!r} is already defined "
                                     f"in {rules[spec['name']].source}")
            if spec["code"] in codes:
                raise StratlintError(f"{where}: code {spec['code']!r} is already used by "
                                     f"{codes[spec['code']]}")
            options = _resolve_lexicons(spec.get("options", {}), lexicons, where)
            try:
                checked = _check_options(spec["check"], options, where)
            except StratlintError as exc:
                if "unknown check" in str(exc):
                    raise StratlintError(f"{where}: check: {exc}") from None
                raise
            rules[spec["name"]] = Rule(
                name=spec["name"],
                code=spec["code"],
                severity=Severity.parse(spec["severity"]),
                summary=spec["summary"],
                message=spec["message"],
                rationale=spec["rationale"],
                guide_section=spec["guide-section"],
                check=spec["check"],
                options=checked,
                examples=MappingProxyType(dict(spec.get("examples", {}))),
                option_docs=MappingProxyType(dict(spec.get("option-docs", {}))),
                source=str(path),
                board=MappingProxyType(dict(spec.get("board", {}))),
                sign=MappingProxyType(dict(spec.get("sign", {}))),
            )
            codes[spec["code"]] = spec["name"]
    return rules
