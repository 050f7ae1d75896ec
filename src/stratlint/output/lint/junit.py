"""JUnit XML: one testsuite per file, one failing testcase per finding.

A file with no findings gets one passing testcase, so CI dashboards count it as checked.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from ...safety.escape import xml_text
from ._common import display_path

# Characters XML 1.0 cannot hold at all (control characters from a PDF, say).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text) -> str:
    return _NOT_XML.sub("\ufffd", str(text))


def _paths(report) -> list[str]:
    """Every file checked, in order; findings' files too, should a RunResult lack paths."""
    paths = list(dict.fromkeys(report.paths))
    paths += sorted({f.path for f in report.findings} - set(paths))
    return paths


def as_element(report) -> ET.Element:
    by_path = defaultdict(list)
    for finding in report.findings:
        by_path[finding.path].append(finding)
    root = ET.Element("testsuites", name="stratlint")
    total_tests = total_failures = 0
    for path in _paths(report):
        findings = by_path.get(path, [])
        name = _clean(display_path(path))
        tests = max(1, len(findings))
        suite = ET.SubElement(root, "testsuite", name=name, tests=str(tests),
                              failures=str(len(findings)), errors="0", skipped="0")
        if not findings:
            ET.SubElement(suite, "testcase", name="stratlint", classname=name)
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=name,
                                 name=_clean(f"{f.rule} at line {f.line}, column {f.column}"))
            failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.rule)
            detail = f"{display_path(f.path)}:{f.line}:{f.column}: {f.code} {f.rule} " \
                     f"[{f.severity}] {f.message}"
            if f.excerpt:
                detail += f"\n    {f.excerpt}"
            if f.suggestion:
                detail += f"\n    suggestion: {f.suggestion}"
            failure.text = _clean(detail)
        total_tests += tests
        total_failures += len(findings)
    if report.errors:   # internal problems (exit code 2): one erroring testcase each
        suite = ET.SubElement(root, "testsuite", name="stratlint", tests=str(len(report.errors)),
                              failures="0", errors=str(len(report.errors)), skipped="0")
        for number, error in enumerate(report.errors, 1):
            case = ET.SubElement(suite, "testcase", classname="stratlint",
                                 name=f"internal error {number}")
            ET.SubElement(case, "error", message=_clean(error), type="internal-error")
        total_tests += len(report.errors)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(len(report.errors)))
    return root


def write(report, stream, options) -> None:
    root = as_element(report)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(xml_text(ET.tostring(root, encoding="unicode")))
    stream.write("\n")
