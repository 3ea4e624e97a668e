"""JUnit XML, as GitLab and Jenkins read it: one test suite; one failing test
case for each finding at or above --fail-on; a file's other findings (below
--fail-on: they do not fail the job, so they must not show as failed tests)
in the <system-out> of one passing test case for the file."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from auditor.locate import describe, source_position
from auditor.model import FileResult
from auditor.output import xml_safe
from auditor.render import RenderContext, Tally
from auditor.render.text import summary_text


FAILING = {"error": ("error",), "warning": ("error", "warning"), "never": ()}


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    results = list(results)
    failing_levels = FAILING.get(context.fail_on, ("error",))
    failures = sum(1 for r in results for f in r.findings if f.severity in failing_levels)
    errors = sum(1 for r in results if r.error is not None)
    cases = sum(_case_count(r, failing_levels) for r in results)
    root = ET.Element("testsuites", name="auditor", tests=str(cases), failures=str(failures), errors=str(errors))
    suite = ET.SubElement(root, "testsuite", name="auditor", tests=str(cases), failures=str(failures), errors=str(errors), skipped="0")
    for result in results:
        if result.error is not None:
            case = ET.SubElement(suite, "testcase", classname=result.path, name=result.path)
            ET.SubElement(case, "error", message=result.error, type="input").text = result.error
            continue
        passing = [f for f in result.findings if f.severity not in failing_levels]
        for finding in result.findings:
            if finding.severity not in failing_levels:
                continue
            line, column, _, _ = source_position(finding)
            where = describe(finding.location, context.lang)
            name = f"{finding.rule} {line}:{column}" + (f" {where}" if where else "")
            case = ET.SubElement(suite, "testcase", classname=result.path, name=name, file=result.path, line=str(line))
            failure = ET.SubElement(case, "failure", message=finding.message, type=finding.severity)
            failure.text = _line(result.path, finding, context.lang)
        if passing or not result.findings:
            case = ET.SubElement(suite, "testcase", classname=result.path, name=result.path)
            notes = [_line(result.path, f, context.lang) for f in passing] + ([result.notice] if result.notice else [])
            if notes:
                ET.SubElement(case, "system-out").text = "\n".join(notes)
    ET.SubElement(suite, "system-out").text = summary_text(counts.as_summary(), context.lang)
    ET.indent(root)
    # ElementTree writes control characters raw: the report would not be XML
    write('<?xml version="1.0" encoding="UTF-8"?>\n' + xml_safe(ET.tostring(root, encoding="unicode")) + "\n")


def _case_count(result: FileResult, failing_levels: tuple[str, ...]) -> int:
    if result.error is not None:
        return 1
    failing = sum(1 for f in result.findings if f.severity in failing_levels)
    return failing + (1 if failing < len(result.findings) or not result.findings else 0)


def _line(path: str, finding, lang: str) -> str:
    line, column, _, _ = source_position(finding)
    where = describe(finding.location, lang)
    place = f"{line}:{column}" + (f" ({where})" if where else "")
    return f"{path}:{place}: [{finding.rule}] {finding.message}\n{finding.excerpt}"
