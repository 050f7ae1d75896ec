"""Structured strategies against schemas/strategy.schema.json: where each field is, and
what is wrong with it.

A structured strategy is data: a YAML file whose top level is a mapping, or the front matter
of a Markdown file. This module

- indexes where each field is (``index``: a path such as ``("commitments", 2, "owner")`` ->
  ``Node`` with offsets, lines and columns), so findings point at the YAML node;
- validates the data against the strategy schema and turns each error into one plain-words
  problem located at the offending node (``validate``), never the validator's own text.

What counts as filled in (``filled``: nothing, blank text and placeholders such as
``[TODO: one-sentence mission]`` do not) is analysis.placeholders.

Decisions (documented in the schema's description too):

- A field with no value (``owner:``) or blank text counts as absent, so a commitment without
  an owner is the rule ``commitment-no-owner``, not a schema error.
- YAML dates (``due: 2026-03-31``) are read as ISO text before validation.
- In Markdown front matter, keys the schema does not know are allowed (authors keep other
  metadata there) unless they look like a misspelt strategy field (``organization``,
  ``principle``); and front matter is only validated when it holds a strategy field other
  than ``title``. A YAML strategy is validated strictly.
"""
from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from ...document import Problem


def looks_like_strategy(data) -> bool:
    """Front matter that holds a strategy field other than the title."""
    properties = _schema()["properties"]
    return isinstance(data, dict) and any(key in properties and key != "title" for key in data)


# Where each field is ------------------------------------------------------------------------

@dataclass(frozen=True)
class Node:
    """Where a structured value is: offsets in Document.text, 1-based lines and columns. For
    a mapping's value, key_* locate its key; for a list item they equal the value's."""

    start: int
    end: int
    line: int
    column: int
    key_start: int
    key_end: int
    key_line: int
    key_column: int


def index(root, text: str, offset: int = 0, line_offset: int = 0) -> dict[tuple, Node]:
    """Every value of a composed YAML tree by its path. `text` is the YAML source the marks
    refer to; `offset` and `line_offset` place it in the document (front matter)."""
    import yaml   # only YAML input gets here; a Markdown-only run never loads it

    nodes: dict[tuple, Node] = {}
    open_nodes: set[int] = set()   # a recursive alias must not send the walk round forever

    def span(node) -> tuple[int, int]:
        start, end = node.start_mark.index, node.end_mark.index
        while end > start and text[end - 1] in " \t\n":
            end -= 1
        return start, end

    def visit(node, path: tuple, key) -> None:
        if id(node) in open_nodes:
            return
        start, end = span(node)
        mark = node.start_mark
        if key is not None:
            key_start, key_end = span(key)
            key_mark = key.start_mark
        else:
            key_start, key_end, key_mark = start, end, mark
        nodes[path] = Node(offset + start, offset + end, line_offset + mark.line + 1,
                           mark.column + 1, offset + key_start, offset + key_end,
                           line_offset + key_mark.line + 1, key_mark.column + 1)
        open_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    visit(value, path + (key_node.value,), key_node)
        elif isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value):
                visit(item, path + (number,), None)
        open_nodes.discard(id(node))

    if root is not None:
        visit(root, (), None)
    return nodes


def locate(nodes: dict, path) -> Node | None:
    """The node at path, or the deepest one on the way there."""
    path = tuple(path)
    while path not in nodes and path:
        path = path[:-1]
    return nodes.get(path)


# Data as JSON ------------------------------------------------------------------------------

def jsonable(value, _open: frozenset = frozenset()):
    """YAML data as JSON data: dates become ISO text, keys text, sets lists."""
    if isinstance(value, (dict, list, tuple, set)):
        if id(value) in _open:
            return None   # a recursive alias
        inner = _open | {id(value)}
        if isinstance(value, dict):
            return {k if isinstance(k, str) else _key_text(k): jsonable(v, inner)
                    for k, v in value.items()}
        items = sorted(value, key=str) if isinstance(value, set) else value
        return [jsonable(v, inner) for v in items]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return "(binary data)"
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _key_text(key) -> str:
    if isinstance(key, (datetime.date, datetime.datetime)):
        return key.isoformat()
    if isinstance(key, bool):
        return str(key).lower()
    return str(key)


def _pruned(value):
    """Mappings without their empty fields (no value, or blank text): those count as absent."""
    if isinstance(value, dict):
        return {k: _pruned(v) for k, v in value.items()
                if v is not None and not (isinstance(v, str) and not v.strip())}
    if isinstance(value, list):
        return [_pruned(v) for v in value]
    return value


# Validation --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _schema() -> dict:
    from ...resources import schema

    return schema("strategy")


@lru_cache(maxsize=2)
def _validator(strict: bool):
    from jsonschema import Draft202012Validator

    schema = _schema()
    if not strict:
        schema = {**schema, "additionalProperties": True}
    return Draft202012Validator(schema)


def validate(data: dict, nodes: dict, strict: bool = True) -> tuple[Problem, ...]:
    """Problems (line, column, message) of JSON data against the strategy schema, sorted.
    Not strict: unknown top-level keys are allowed unless they look like a misspelt field."""
    instance = _pruned(data)
    problems: list[Problem] = []
    for error in _validator(strict).iter_errors(instance):
        problems.extend(_describe(error, nodes))
    if not strict and isinstance(instance, dict):
        properties = _schema()["properties"]
        for key in instance:
            if key in properties:
                continue
            guess = _suggest(key, properties, strict=False)
            if guess:
                problems.append(_at(nodes, (key,), f"unknown field '{key}' (did you mean "
                                                   f"'{guess}'?)", key=True))
    return tuple(sorted(set(problems)))


def check_yaml(root, data, text: str):
    """A YAML strategy: (its data as JSON, problems, nodes)."""
    nodes = index(root, text)
    data = jsonable(data)
    return data, validate(data, nodes, strict=True), nodes


def check_front_matter(raw: str, data, first_line: int, offset: int):
    """Markdown front matter that parsed to `data`: (problems, nodes). `first_line` is the
    1-based line of its first line in the document, `offset` where that line starts."""
    if not isinstance(data, dict):
        return (), {}
    from ...safety import yaml_loader

    try:
        root = yaml_loader.compose(raw)
    except yaml_loader.YamlError:
        return (), {}
    nodes = index(root, raw, offset, first_line - 1)
    if not looks_like_strategy(data):
        return (), nodes
    return validate(jsonable(data), nodes, strict=False), nodes


def _at(nodes: dict, path, message: str, key: bool = False) -> Problem:
    node = locate(nodes, path)
    if node is None:
        return Problem(1, 1, message)
    if key:
        return Problem(node.key_line, node.key_column, message)
    return Problem(node.line, node.column, message)


_TYPE_NAMES = {"object": "a set of fields", "array": "a list", "string": "text",
               "number": "a number", "integer": "a whole number", "boolean": "true or false",
               "null": "nothing"}

_DEF_MESSAGES = {
    "year": "must be a year such as 2025 (or a date such as 2025-04-01)",
    "when": "must be a date such as 2026-03-31, a month such as 'March 2026', a quarter such "
            "as 'Q3 2026' or a year such as 2026",
    "quantity": "must be a number such as 45, or a number with its unit such as '45%' or "
                "'£4.20'",
}

# Names authors reach for, and the field the schema calls them.
_SYNONYMS = {
    "vision": "mission", "purpose": "mission", "aim": "mission", "ambition": "mission",
    "organization": "organisation", "org": "organisation", "owner_organisation": "organisation",
    "name": "title", "horizon": "period", "timescale": "period", "years": "period",
    "alignment": "aligns_with", "aligned_with": "aligns_with", "strategic_fit": "aligns_with",
    "deadline": "due", "date": "due", "when": "due", "by_when": "due", "by": "due",
    "lead": "owner", "responsible": "owner", "accountable": "owner", "sponsor": "owner",
    "kpi": "measure", "metric": "measure", "indicator": "measure",
    "kpis": "measures", "metrics": "measures", "indicators": "measures",
    "success_measures": "measures", "actions": "commitments", "deliverables": "commitments",
    "promises": "commitments", "values": "principles", "design_principles": "principles",
    "not_prioritising": "not_doing", "not_prioritizing": "not_doing",
    "deprioritised": "not_doing", "out_of_scope": "not_doing", "will_not_do": "not_doing",
    "wont_do": "not_doing", "stopping": "not_doing",
    "decommission": "switch_off", "decommissioning": "switch_off", "legacy": "switch_off",
    "retire": "switch_off", "switching_off": "switch_off",
    "achievements": "delivered", "delivered_so_far": "delivered", "so_far": "delivered",
    "review": "review_cadence", "reviews": "review_cadence", "cadence": "review_cadence",
    "organisational_changes": "organisational_change",
    "organizational_change": "organisational_change", "change": "organisational_change",
    "pilots": "exemplars", "quick_wins": "exemplars", "starting_points": "exemplars",
    "where_we_start": "exemplars", "user_needs": "users", "service_map": "services",
    "mitigations": "mitigation",
}


def _normal(key: str) -> str:
    return re.sub(r"[\s\-']+", "_", key.strip().lower()).replace("won_t", "wont")


def _suggest(key: str, properties, strict: bool = True) -> str | None:
    """The field the author probably meant. Not strict (front matter): only near spellings."""
    names = list(properties)
    normal = _normal(str(key))
    if normal in names and normal != key:
        return normal
    if strict and _SYNONYMS.get(normal) in names:
        return _SYNONYMS[normal]
    close = difflib.get_close_matches(normal, names, n=1, cutoff=0.75 if strict else 0.85)
    return close[0] if close else None


def _singular(name: str) -> str:
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith("s") and not name.endswith("ss"):
        return name[:-1]
    return f"{name} entry"


def _label(path) -> str:
    """("commitments", 2, "due") -> "commitment 3.due"; the top level is "the strategy"."""
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            noun = _singular(parts.pop()) if parts else "item"
            parts.append(f"{noun} {part + 1}")
        else:
            parts.append(str(part))
    return ".".join(parts) or "the strategy"


def _got(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return "a value of another kind"


def _resolve(subschema: dict) -> dict:
    ref = subschema.get("$ref", "")
    if ref.startswith("#/$defs/"):
        resolved = dict(_schema()["$defs"].get(ref[len("#/$defs/"):], {}))
        resolved.update({k: v for k, v in subschema.items() if k != "$ref"})
        return resolved
    return subschema


def _def_name(subschema) -> str | None:
    for name, definition in _schema()["$defs"].items():
        if subschema == definition:
            return name
    return None


def _fits_type(subschema: dict, value) -> bool:
    subschema = _resolve(subschema)
    if "type" not in subschema:
        branches = subschema.get("oneOf") or subschema.get("anyOf") or ()
        return any(_fits_type(b, value) for b in branches) if branches else True
    types = subschema["type"]
    types = [types] if isinstance(types, str) else types
    checks = {"object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
              "string": lambda v: isinstance(v, str), "null": lambda v: v is None,
              "boolean": lambda v: isinstance(v, bool),
              "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
              "integer": lambda v: isinstance(v, int) and not isinstance(v, bool)}
    return any(checks.get(t, lambda v: False)(value) for t in types)


def _kind(subschema: dict) -> str:
    """What a schema expects, in words: 'text', 'a list of texts', 'a set of fields (a, b)'."""
    subschema = _resolve(subschema)
    name = _def_name(subschema)
    if name == "texts":
        return "a list of texts"
    if "type" not in subschema:
        branches = subschema.get("oneOf") or subschema.get("anyOf") or ()
        return " or ".join(_kind(b) for b in branches) or "a value"
    types = subschema["type"]
    types = [types] if isinstance(types, str) else types
    if types == ["object"] and subschema.get("properties"):
        return f"a set of fields ({', '.join(subschema['properties'])})"
    return " or ".join(_TYPE_NAMES.get(t, t) for t in types)


def _list_hint(subschema: dict, path) -> str:
    items = _resolve(subschema.get("items", {}))
    first = (items.get("required") or [None])[0]
    if first and path and isinstance(path[-1], str):
        return f" (start each {_singular(path[-1])} on its own line with '- {first}: ')"
    return " (start each entry on its own line with '- ')"


def _describe(error, nodes: dict) -> list[Problem]:
    """One schema error as plain-words problems at the node it is about."""
    path = tuple(error.absolute_path)
    label = _label(path)
    validator = error.validator
    subschema = error.schema if isinstance(error.schema, dict) else {}
    definition = _def_name(subschema)
    value = error.instance

    if validator == "required":
        problems = []
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                about = subschema.get("properties", {}).get(name, {}).get("description", "")
                hint = f" ({about[0].lower()}{about[1:].rstrip('.')})" if about else ""
                problems.append(_at(nodes, path, f"{label} has no '{name}'{hint}"))
        return problems
    if validator == "additionalProperties":
        properties = subschema.get("properties", {})
        problems = []
        for key in value if isinstance(value, dict) else ():
            if key in properties:
                continue
            where = f" in {label}" if path else ""
            guess = _suggest(key, properties)
            if guess:
                advice = f" (did you mean '{guess}'?)"
            elif path:
                owner = (f"a {_singular(str(path[-2]))}" if len(path) > 1
                         and isinstance(path[-1], int) else label)
                advice = f"; the fields of {owner} are {', '.join(properties)}"
            else:
                advice = "; 'stratlint schema strategy' lists the fields"
            problems.append(_at(nodes, path + (key,), f"unknown field '{key}'{where}{advice}",
                                key=True))
        return problems
    if validator in ("oneOf", "anyOf"):
        branches = list(enumerate(error.validator_value))
        fitting = [i for i, branch in branches if _fits_type(branch, value)]
        if len(fitting) == 1:
            inner = [e for e in error.context if e.relative_schema_path
                     and e.relative_schema_path[0] == fitting[0]]
            problems = [p for e in inner for p in _describe(e, nodes)]
            if problems:
                return problems
        expected = " or ".join(_kind(branch) for _i, branch in branches)
        return [_at(nodes, path, f"{label}: expected {expected}, got {_got(value)}")]
    if definition in _DEF_MESSAGES:
        return [_at(nodes, path, f"{label}: {_DEF_MESSAGES[definition]}")]
    if validator == "type":
        types = error.validator_value
        types = [types] if isinstance(types, str) else list(types)
        if "array" in types:
            return [_at(nodes, path, f"{label}: expected a list, got {_got(value)}"
                                     f"{_list_hint(subschema, path)}")]
        hint = ""
        if "object" in types and subschema.get("required"):
            hint = f"; begin it with '{subschema['required'][0]}: '"
        return [_at(nodes, path, f"{label}: expected {_kind(subschema)}, got {_got(value)}"
                                 f"{hint}")]
    if validator == "minLength":
        return [_at(nodes, path, f"{label} is empty; fill it in or remove it")]
    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return [_at(nodes, path, f"{label}: {value} is out of range")]
    return [_at(nodes, path, f"{label}: this value does not fit the strategy format "
                             f"(see 'stratlint schema strategy')")]
