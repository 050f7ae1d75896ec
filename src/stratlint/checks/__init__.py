"""Check kinds: the code behind rules. Built-ins here, third-party kinds via entry points.

A kind is compiled once per rule: ``compile(options, trusted) -> Check``, where `options`
are the rule's options with the schema's defaults filled in and `trusted` says whether its
regular expressions come from stratlint's own pack (run unbounded) or from elsewhere (run
with a time limit). A document-scope Check has ``run(document, analysis) -> Iterable[Hit]``;
a run-scope one has ``summarise(document, analysis)`` and ``compare([(document, summary),
...]) -> Iterable[(path, Hit)]``. Checks are pure: no I/O, no state between documents, and
no knowledge of their rule's name or severity (the engine stamps those on).

A kind may instead give a plain function ``run(document, analysis, options)`` (and, for run
scope, ``prepare`` and ``run(items, options)``): it is wrapped into a Check as it is.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, Protocol

from ..errors import StratlintError
from ..packs.plugins import CHECKS_GROUP as ENTRY_POINT_GROUP
from ..registry import CHECK_KINDS


@dataclass(frozen=True)
class Hit:
    """Where a check found something, and the values its rule's message template needs."""

    start: int
    end: int
    args: Mapping[str, Any] = field(default_factory=dict)
    suggestion: str | None = None


class Check(Protocol):
    """A compiled document-scope check. `phrase_sets` are the patterns.PhraseSets it
    searches with, announced so that one scan of each block serves them all."""

    phrase_sets: tuple

    def run(self, document, analysis) -> Iterable[Hit]: ...


class CrossCheck(Protocol):
    """A compiled run-scope check: sums up each document as plain data (kept in the results
    cache), then compares the summaries of every document of the run."""

    phrase_sets: tuple

    def summarise(self, document, analysis) -> Any: ...

    def compare(self, items: list) -> Iterable[tuple[str, Hit]]: ...


@dataclass(frozen=True)
class CheckKind:
    name: str
    run: Callable[..., Iterable[Hit]] | None = None
    options_schema: Mapping[str, Any] = field(default_factory=lambda: {"type": "object"})
    # "document" checks see one document. "run" checks see every document of the run at
    # once, in two steps (CrossCheck): summarise one document as plain JSON data (in a
    # worker, and kept in the results cache), then compare the summaries. At that point a
    # document may come from the cache: only its path and text are there. As plain
    # functions: prepare(document, analysis, options) and run(items, options).
    scope: str = "document"
    prepare: Callable[..., Any] | None = None
    # describe(options) -> str: what counts as evidence for a rule using this kind, for
    # `stratlint explain` and docs/rules.md.
    describe: Callable[..., str] | None = None
    # compile(options, trusted) -> Check or CrossCheck; without it, `run` (and `prepare`)
    # are wrapped as they are.
    compile: Callable[..., Any] | None = None

    def compiled(self, options: Mapping[str, Any], trusted: bool = False):
        """This kind's Check for a rule's (validated) options."""
        options = with_defaults(self.options_schema, options)
        if self.compile is not None:
            return self.compile(options, trusted)
        if self.scope == "run":
            return _FunctionCrossCheck(self, options)
        return _FunctionCheck(self, options)


def with_defaults(schema: Mapping[str, Any], options: Mapping[str, Any]) -> Mapping[str, Any]:
    """The options, with every property the schema gives a default for filled in: the
    defaults live in the schema alone, and checks read options["name"]."""
    filled = {name: spec["default"] for name, spec in schema.get("properties", {}).items()
              if isinstance(spec, Mapping) and "default" in spec}
    filled.update(options)
    return MappingProxyType(filled)


@dataclass(frozen=True)
class _Wrapped:
    """A kind given as plain functions, with the options they are called with."""

    kind: CheckKind
    options: Mapping[str, Any]
    phrase_sets: tuple = ()


class _FunctionCheck(_Wrapped):
    def run(self, document, analysis):
        return self.kind.run(document, analysis, self.options)


class _FunctionCrossCheck(_Wrapped):
    def summarise(self, document, analysis):
        if self.kind.prepare is None:
            return analysis
        return self.kind.prepare(document, analysis, self.options)

    def compare(self, items):
        return self.kind.run(items, self.options)


# Built-in kinds (registered in stratlint.registry), imported only when a rule uses them.
BUILTIN = CHECK_KINDS

_loaded: dict[str, CheckKind] = {}


def _entry_points() -> dict:
    from ..packs.plugins import entry_points

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
