"""Render a rule's documentation: used by `stratlint explain` and docs/rules.md."""
from __future__ import annotations

import json
import textwrap

from .packs import Rule


def _value(value) -> str:
    """An option's value in full: a word list is what an author needs to see to act on a
    finding, so every entry is listed, never a count."""
    if isinstance(value, (tuple, list)):
        return ", ".join(_item(v) for v in value) or "(none)"
    if hasattr(value, "items"):
        pairs = [f"{_item(k)} → {_item(v)}" for k, v in value.items() if v]
        bare = [_item(k) for k, v in value.items() if not v]
        if bare:
            pairs.append("with nothing to swap in: " + ", ".join(bare))
        return "; ".join(pairs) or "(none)"
    return json.dumps(value, ensure_ascii=False)


def _item(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _evidence_doc(rule: Rule) -> str:
    """The rule's check kind's account of what counts as evidence, if it gives one."""
    from . import checks

    try:
        kind = checks.get(rule.check)
    except Exception:   # an unknown or broken plugin kind: nothing to say
        return ""
    return kind.describe(rule.options) if kind.describe else ""


def render(rule: Rule, markdown: bool = False) -> str:
    """Plain text for the terminal, or a Markdown section for docs/rules.md."""
    lines = []
    if markdown:
        lines += [f"## {rule.name} ({rule.code})", "",
                  f"*{rule.summary}* Default severity: **{rule.severity}**. "
                  f"Guide section: *{rule.guide_section}*. Check: `{rule.check}`.", ""]
        lines += [rule.rationale.strip(), ""]
    else:
        lines += [f"{rule.name} ({rule.code}), {rule.severity}", "", rule.summary, "",
                  f"Guide section: {rule.guide_section}", f"Check: {rule.check}", "",
                  "Why:", textwrap.indent(textwrap.fill(rule.rationale.strip(), 88), "  "), ""]
    evidence = _evidence_doc(rule)
    if evidence:
        if markdown:
            lines += [f"**What counts as evidence.** {evidence}", ""]
        else:
            lines += ["What counts as evidence:", textwrap.indent(textwrap.fill(evidence, 88),
                                                                 "  "), ""]
    options = {k: v for k, v in rule.options.items()}
    if options:
        lines.append("Options:" if not markdown else "Options (set under `rules:` in config):")
        if markdown:
            lines.append("")
        for key in sorted(options):
            doc = rule.option_docs.get(key, "")
            suffix = f" — {doc}" if doc else ""
            if markdown:
                lines.append(f"- `{key}`: {_value(options[key])}{suffix}")
            else:   # word lists run long: wrapped, and indented under their option
                lines.append(textwrap.fill(f"  {key}: {_value(options[key])}{suffix}", 88,
                                           subsequent_indent="      ",
                                           break_on_hyphens=False, break_long_words=False))
        lines.append("")
    for label, key in (("Fires on", "fire"), ("Quiet on", "quiet")):
        example = rule.examples.get(key)
        if not example:
            continue
        if markdown:
            lines += [f"{label}:", "", "```markdown", example.rstrip(), "```", ""]
        else:
            lines += [f"{label}:", textwrap.indent(example.rstrip(), "  | "), ""]
    return "\n".join(lines).rstrip() + "\n"
