"""JUnit XML, as GitLab and Jenkins read it: one test suite, one test case a
file (passing when clean), one failure element a finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from auditor.locate import describe, source_position
from auditor.model import FileResult
from auditor.render import RenderContext, Tally
from auditor.render.text import summary_text


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    results = list(results)
    findings = sum(len(r.findings) for r in results)
    errors = sum(1 for r in results if r.error is not None)
    cases = sum(max(len(r.findings), 1) for r in results)
    root = ET.Element("testsuites", name="auditor", tests=str(cases), failures=str(findings), errors=str(errors))
    suite = ET.SubElement(root, "testsuite", name="auditor", tests=str(cases), failures=str(findings), errors=str(errors), skipped="0")
    for result in results:
        if result.error is not None:
            case = ET.SubElement(suite, "testcase", classname=result.path, name=result.path)
            ET.SubElement(case, "error", message=result.error, type="input").text = result.error
            continue
        if not result.findings:
            ET.SubElement(suite, "testcase", classname=result.path, name=result.path)
            continue
        for finding in result.findings:
            line, column, _, _ = source_position(finding)
            where = describe(finding.location, context.lang)
            name = f"{finding.rule} {line}:{column}" + (f" {where}" if where else "")
            case = ET.SubElement(suite, "testcase", classname=result.path, name=name, file=result.path, line=str(line))
            failure = ET.SubElement(case, "failure", message=finding.message, type=finding.severity)
            place = f"{line}:{column}" + (f" ({where})" if where else "")
            failure.text = f"{result.path}:{place}: [{finding.rule}] {finding.message}\n{finding.excerpt}"
    ET.SubElement(suite, "system-out").text = summary_text(counts.as_summary(), context.lang)
    ET.indent(root)
    write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
