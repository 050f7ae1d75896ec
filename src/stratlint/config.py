"""Find, read and validate configuration; decide which rules run and how."""
from __future__ import annotations

import difflib
import fnmatch
import math
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any, Mapping

from .errors import StratlintError
from .findings import Severity
from .resources import validator

CONFIG_NAMES = (".stratlint.yaml", "stratlint.yaml")
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    rule_paths: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    # Globs of the files a folder walk checks; empty means every file type stratlint reads.
    include: tuple[str, ...] = ()
    fail_on: str = "warning"
    # A strategy is tens of thousands of words (well under 1 MB); ten times that is generous,
    # and a bigger file is far more likely to be a data dump than a document to check.
    max_file_size: float = 10.0   # megabytes
    lexicons: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    source: str | None = None   # the file it was read from, for messages
    root: Path | None = None    # the folder that relative paths in it are relative to
    # The files it was built from, nearest first (a config and those it extends).
    sources: tuple[str, ...] = ()
    # Rules named by --select and --ignore, so a bad one is blamed on the option, not on
    # whichever config file happened to apply.
    option_select: tuple[str, ...] = ()
    option_ignore: tuple[str, ...] = ()

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_size * 1_000_000)

    def excludes(self, path: Path) -> bool:
        """Whether a path matches one of the exclude globs."""
        return self._matches(path, self.exclude)

    def includes(self, path: Path) -> bool:
        """Whether a folder walk should check this file (always, without include globs)."""
        return not self.include or self._matches(path, self.include)

    def _matches(self, path: Path, patterns: tuple[str, ...]) -> bool:
        if not patterns:
            return False
        candidates = [path.name]
        try:
            rel = path.resolve().relative_to((self.root or Path.cwd()).resolve())
            candidates.append(rel.as_posix())
            candidates.extend(parent.as_posix() for parent in rel.parents if str(parent) != ".")
        except ValueError:
            candidates.append(path.as_posix())
        for pattern in patterns:
            pattern = pattern.rstrip("/")
            for candidate in candidates:
                if fnmatch.fnmatch(candidate, pattern) or PurePosixPath(candidate).match(pattern):
                    return True
        return False

    def overridden(self, select=None, ignore=None, fail_on=None) -> "Config":
        """Command-line options on top: --select replaces, --ignore adds."""
        changes: dict[str, Any] = {}
        if select:
            changes["select"] = tuple(select)
            changes["option_select"] = tuple(select)
        if ignore:
            changes["ignore"] = self.ignore + tuple(ignore)
            changes["option_ignore"] = tuple(ignore)
        if fail_on:
            changes["fail_on"] = fail_on
        return replace(self, **changes) if changes else self


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def validate(data: Any, where: str) -> None:
    """Check config data against the schema; raise one clear line on the first problem."""
    if not isinstance(data, dict):
        raise StratlintError(f"{where}: configuration must be a mapping of keys to values")
    errors = sorted(validator("config").iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    error = errors[0]
    path = ".".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = error.schema.get("properties", {})
        extra = [k for k in error.instance if k not in allowed]
        key = extra[0] if extra else "?"
        full = f"{path}.{key}" if path else key
        raise StratlintError(f"{where}: unknown key {full!r}{_did_you_mean(key, allowed)}")
    raise StratlintError(f"{where}: {path or 'top level'}: {error.message}")


def from_mapping(data: Mapping[str, Any] | None, source: str | None = None,
                 root: Path | None = None) -> Config:
    """Build a Config from already-parsed data (a config file's contents, or API input)."""
    where = source or "configuration"
    if data is not None and not isinstance(data, Mapping):
        validate(data, where)   # a list or scalar at the top: one clear line, not dict()'s crash
    data = dict(data or {})
    validate(data, where)
    size = data.get("max-file-size", 10.0)
    if not math.isfinite(size):   # .inf or .nan would lift the limit or break comparisons
        raise StratlintError(f"{where}: max-file-size: must be a finite number of megabytes, "
                             f"not {size!r}")
    base = root or Path.cwd()
    return Config(
        select=tuple(data.get("select", ())),
        ignore=tuple(data.get("ignore", ())),
        rules=MappingProxyType({k: MappingProxyType(dict(v))
                                for k, v in (data.get("rules") or {}).items()}),
        rule_paths=tuple((base / p) for p in data.get("rule-paths", ())),
        exclude=tuple(data.get("exclude", ())),
        include=tuple(data.get("include", ())),
        fail_on=data.get("fail-on", "warning"),
        max_file_size=data.get("max-file-size", 10.0),
        lexicons=MappingProxyType({k: tuple(v) for k, v in (data.get("lexicons") or {}).items()}),
        source=source,
        root=base,
        sources=(source,) if source else (),
    )


def _read_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StratlintError(f"{path}: invalid TOML: {exc}") from None


def _read_data(path: Path) -> dict:
    """A config file's raw mapping (YAML, or pyproject.toml's [tool.stratlint])."""
    from .safety import yaml_loader   # imported only when there is a config to read

    if path.name == "pyproject.toml":
        return _read_toml(path).get("tool", {}).get("stratlint", {})
    data = yaml_loader.load_file(path, "config")
    return {} if data is None else data


# Keys whose values are mappings: an extending config adds to them entry by entry.
_MERGED_KEYS = ("rules", "lexicons")


def _extended(data: dict, path: Path, chain: tuple[Path, ...]) -> tuple[dict, tuple[str, ...]]:
    """`data` on top of the config it extends (if any), and the files used, nearest first.

    Paths in each file (rule-paths) stay relative to the file that wrote them."""
    validate(data, str(path))
    data = dict(data)
    if data.get("rule-paths"):
        data["rule-paths"] = [str(path.parent.resolve() / p) for p in data["rule-paths"]]
    target = data.pop("extend", None)
    if target is None:
        return data, (str(path),)
    base_path = path.parent / target
    if base_path.is_dir():
        base_path = base_path / ".stratlint.yaml"
    base_path = resolved = base_path.resolve()
    if resolved in chain:
        raise StratlintError(f"{path}: extend: {target!r} extends this file again (a loop)")
    if not base_path.is_file():
        raise StratlintError(f"{path}: extend: no config file at {target!r}")
    base, used = _extended(_read_data(base_path), base_path, chain + (resolved,))
    merged = {**base, **data}
    for key in _MERGED_KEYS:
        if key in base and key in data:
            merged[key] = {**base[key], **data[key]}
    return merged, (str(path),) + used


def load_file(path: Path) -> Config:
    """Read one config file, and the files it extends."""
    data = _read_data(path)
    if not isinstance(data, Mapping):
        validate(data, str(path))
    data, used = _extended(dict(data), path, (path.resolve(),))
    config = replace(from_mapping(data, str(path), path.parent.resolve()), sources=used)
    check_rule_paths(config.rule_paths, path)
    return config


def repository_of(folder: Path) -> Path:
    """The top of the git repository holding `folder`, or the folder itself outside one."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def check_rule_paths(rule_paths, config_file: Path) -> None:
    """A config file's rule-paths must be YAML packs (or folders of them) inside the config's
    own repository: a repository under check must not make stratlint read /, a home folder
    or a file that is not a pack, nor quote such a file in an error."""
    from .safety.escape import short
    from .safety.files import lies_within

    repository = repository_of(config_file.parent.resolve())
    for path in rule_paths:
        if not lies_within(path, repository):
            raise StratlintError(
                f"{config_file}: rule-paths: {short(path)} is outside the repository "
                f"{short(repository)}; a pack must live in it or come from an installed "
                "package")
        if path.is_file() and path.suffix.lower() not in (".yaml", ".yml"):
            raise StratlintError(f"{config_file}: rule-paths: {short(path)} is not a YAML "
                                 "rule pack (.yaml or .yml)")


def _pyproject_has_section(path: Path) -> bool:
    try:
        return "[tool.stratlint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:   # a folder that cannot be searched holds no config we can read
        return False


class ConfigFinder:
    """Finds the nearest config for each checked file, walking up; caches per folder."""

    def __init__(self, explicit: Config | None = None):
        self.explicit = explicit
        self._by_folder: dict[Path, Config] = {}
        self._by_file: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self.explicit is not None:
            return self.explicit
        folder = (path if path.is_dir() else path.parent).resolve()
        return self._for_folder(folder)

    def _for_folder(self, folder: Path) -> Config:
        if folder in self._by_folder:
            return self._by_folder[folder]
        found = self._config_in(folder)
        if found is None:
            parent = folder.parent
            found = Config(root=folder) if parent == folder else self._for_folder(parent)
        self._by_folder[folder] = found
        return found

    def _config_in(self, folder: Path) -> Config | None:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if _is_file(candidate):
                return self._load(candidate)
        candidate = folder / "pyproject.toml"
        if _is_file(candidate) and _pyproject_has_section(candidate):
            return self._load(candidate)
        return None

    def _load(self, path: Path) -> Config:
        if path not in self._by_file:
            self._by_file[path] = load_file(path)
        return self._by_file[path]


def matches(token: str, rule) -> bool:
    """A select/ignore token names a rule by name, by code, by code prefix, or 'all'."""
    return token == "all" or token == rule.name or rule.code.startswith(token.upper())


def check_tokens(tokens, rules: Mapping, where: str, key: str) -> None:
    for token in tokens:
        if not any(matches(token, rule) for rule in rules.values()):
            hint = _did_you_mean(token, list(rules) + [r.code for r in rules.values()])
            label = where if where.startswith("--") else f"{where}: {key}"
            raise StratlintError(f"{label}: no rule matches {token!r}{hint}")


def effective_rules(config: Config, rules: Mapping) -> list:
    """The configured rules this config runs, each with its severity and options applied."""
    where = config.source or "configuration"
    check_tokens(config.select, rules,
                 "--select" if config.option_select else where, "select")
    from_file = config.ignore[:len(config.ignore) - len(config.option_ignore)]
    check_tokens(from_file, rules, where, "ignore")
    check_tokens(config.option_ignore, rules, "--ignore", "ignore")
    for name in config.rules:
        if name not in rules:
            raise StratlintError(f"{where}: rules: unknown rule {name!r}"
                                 f"{_did_you_mean(name, rules)}")
    chosen = []
    for rule in rules.values():
        if config.select and not any(matches(t, rule) for t in config.select):
            continue
        if any(matches(t, rule) for t in config.ignore):
            continue
        settings = dict(config.rules.get(rule.name, {}))
        severity = settings.pop("severity", None)
        chosen.append(rule.configured(Severity.parse(severity) if severity else None,
                                      settings, where))
    return chosen


def fail_threshold(fail_on: str) -> Severity | None:
    if fail_on not in FAIL_ON:
        raise StratlintError(f"fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    return None if fail_on == "never" else Severity.parse(fail_on)
