#!/usr/bin/env python3
"""Write docs/rules.md from the built-in rule pack (tests fail when it is out of date).

    python scripts/gen_rules_doc.py          # rewrite docs/rules.md
    python scripts/gen_rules_doc.py --check  # exit 1 if docs/rules.md is stale
"""
from __future__ import annotations

import sys
from pathlib import Path

from _generated import write_or_check  # beside this script

OUT = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def render_all() -> str:
    from stratlint.explain import render
    from stratlint.packs import load_rules

    rules = sorted(load_rules(include_plugins=False).values(), key=lambda r: r.code)
    lines = ["# stratlint rules", "",
             "Generated from `rules/guide/` by `python scripts/gen_rules_doc.py`; do not edit.",
             "", "| code | rule | severity | summary |", "|---|---|---|---|"]
    for rule in rules:
        lines.append(f"| {rule.code} | [{rule.name}](#{rule.name}-{rule.code.lower()}) | "
                     f"{rule.severity} | {rule.summary} |")
    lines.append("")
    for rule in rules:
        lines.append(render(rule, markdown=True))
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    return write_or_check(OUT, render_all(), argv, "gen_rules_doc.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
