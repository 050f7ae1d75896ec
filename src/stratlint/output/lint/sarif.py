"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from ...findings import Finding
from ...safety.escape import json_text
from ._common import SARIF_LEVELS, end_column, end_line, fingerprints, relative_path

SCHEMA_URI = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
              "sarif-schema-2.1.0.json")
INFORMATION_URI = "https://github.com/stratlint/stratlint"
GUIDE = "Building a digital strategy (NHS Providers and Public Digital, 2021)"
SRCROOT = "%SRCROOT%"


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("-"))


def _rule_descriptor(rule) -> dict:
    rationale = " ".join(rule.rationale.split())
    text = (f"{rationale}\n\nGuide section: '{rule.guide_section}' in {GUIDE}.\n"
            f"Run `stratlint explain {rule.name}` for examples and options.")
    return {
        "id": rule.name,
        "name": _pascal(rule.name),
        "shortDescription": {"text": " ".join(rule.summary.split())},
        "fullDescription": {"text": rationale},
        "help": {"text": text, "markdown": text},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
        "properties": {"code": rule.code, "guide-section": rule.guide_section,
                       "tags": ["strategy", "documentation"]},
    }


def _bare_descriptor(finding: Finding) -> dict:
    """For a finding whose rule the report does not describe (a hand-built RunResult)."""
    return {"id": finding.rule, "name": _pascal(finding.rule),
            "shortDescription": {"text": finding.rule},
            "defaultConfiguration": {"level": SARIF_LEVELS[finding.severity]},
            "properties": {"code": finding.code}}


def _artifact(path: str) -> dict:
    relative = relative_path(path)
    if relative is not None:
        return {"uri": quote(relative, safe="/"), "uriBaseId": SRCROOT}
    return {"uri": Path(path).resolve().as_uri()}


def _region(finding: Finding) -> dict:
    return {"startLine": finding.line, "startColumn": finding.column,
            "endLine": end_line(finding), "endColumn": end_column(finding)}


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict:
    artifact = _artifact(finding.path)
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact,
                                            "region": _region(finding)}}],
        "partialFingerprints": {"primaryLocationLineHash": fingerprint},
        "properties": {"code": finding.code},
    }
    if finding.fix:   # only the safe fixes that `check --fix` would apply
        replacement = finding.fix
        result["fixes"] = [{
            "description": {"text": f"Replace '{finding.excerpt}' with '{replacement}'"},
            "artifactChanges": [{
                "artifactLocation": dict(artifact),
                "replacements": [{"deletedRegion": _region(finding),
                                  "insertedContent": {"text": replacement}}],
            }],
        }]
    return result


def as_data(report) -> dict:
    from ... import __version__

    rules = [_rule_descriptor(report.rules[name]) for name in sorted(report.rules)]
    index = {descriptor["id"]: i for i, descriptor in enumerate(rules)}
    for finding in report.findings:
        if finding.rule not in index:
            index[finding.rule] = len(rules)
            rules.append(_bare_descriptor(finding))
    hashes = fingerprints(report)
    results = [_result(f, index[f.rule], hashes[i]) for i, f in enumerate(report.findings)]
    invocation = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": error}} for error in report.errors]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "stratlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "results": results,
        }],
    }


def write(report, stream, options) -> None:
    stream.write(json_text(json.dumps(as_data(report), indent=2, ensure_ascii=False)) + "\n")
