"""Render a rule's documentation: used by `stratlint explain` and docs/rules.md."""
from __future__ import annotations

import json
import textwrap

from .packs import Rule


def _value(value) -> str:
    if isinstance(value, tuple) and len(value) > 8:
        shown = ", ".join(str(v) for v in value[:8])
        return f"{shown}, ... ({len(value)} in all)"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "(none)"
    if hasattr(value, "items"):
        return f"{len(value)} entries"
    return json.dumps(value)


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
            lines.append(f"{'- ' if markdown else '  '}`{key}`: {_value(options[key])}{suffix}"
                         if markdown else f"  {key}: {_value(options[key])}{suffix}")
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
