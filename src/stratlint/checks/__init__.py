"""Check kinds: the code behind rules. Built-ins here, third-party kinds via entry points.

A check is a pure function ``run(document, analysis, options) -> Iterable[Hit]``: no I/O, no
state, and no knowledge of its rule's name or severity (the engine stamps those on).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from ..errors import StratlintError
from ..plugins import CHECKS_GROUP as ENTRY_POINT_GROUP
from ..registry import CHECK_KINDS


@dataclass(frozen=True)
class Hit:
    """Where a check found something, and the values its rule's message template needs."""

    start: int
    end: int
    args: Mapping[str, Any] = field(default_factory=dict)
    suggestion: str | None = None


@dataclass(frozen=True)
class CheckKind:
    name: str
    run: Callable[..., Iterable[Hit]]
    options_schema: Mapping[str, Any] = field(default_factory=lambda: {"type": "object"})
    # "document" checks see one document. "run" checks see every document of the run at
    # once, in two steps: prepare(document, analysis, options) sums up one document as plain
    # JSON data (in a worker, and kept in the results cache), then
    # run([(document, summary), ...], options) -> Iterable[(path, Hit)] compares them. At that
    # point a document may come from the cache: only its path and text are there.
    scope: str = "document"
    prepare: Callable[..., Any] | None = None
    # describe(options) -> str: what counts as evidence for a rule using this kind, for
    # `stratlint explain` and docs/rules.md.
    describe: Callable[..., str] | None = None


# Built-in kinds (registered in stratlint.registry), imported only when a rule uses them.
BUILTIN = CHECK_KINDS

_loaded: dict[str, CheckKind] = {}


def _entry_points() -> dict:
    from ..plugins import entry_points

    return {ep.name: ep for ep in entry_points(ENTRY_POINT_GROUP)}


def _as_kind(name: str, obj: Any) -> CheckKind:
    if isinstance(obj, CheckKind):
        return obj
    if callable(obj):
        return CheckKind(name, obj, getattr(obj, "options_schema", {"type": "object"}))
    raise StratlintError(f"check {name!r}: entry point is neither a CheckKind nor a function")


def get(name: str) -> CheckKind:
    """The check kind called `name`; raises StratlintError when there is none."""
    if name in _loaded:
        return _loaded[name]
    if name in BUILTIN:
        kind = importlib.import_module(BUILTIN[name]).KIND
    else:
        plugins = _entry_points()
        if name not in plugins:
            known = ", ".join(sorted(set(BUILTIN) | set(plugins)))
            raise StratlintError(f"unknown check {name!r} (known checks: {known})")
        try:
            kind = _as_kind(name, plugins[name].load())
        except StratlintError:
            raise
        except Exception as exc:  # a broken plugin must not take the run down with a traceback
            raise StratlintError(f"check {name!r} could not be loaded from its plugin: "
                                 f"{type(exc).__name__}: {exc}") from None
    _loaded[name] = kind
    return kind


def available() -> list[str]:
    return sorted(set(BUILTIN) | set(_entry_points()))
