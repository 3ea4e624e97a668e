"""SARIF 2.1.0 for code-scanning uploads; columns count Unicode code points."""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath

from auditor import __version__
from auditor.locate import describe, source_position
from auditor.model import FileResult
from auditor.render import RenderContext, Tally
from auditor.rulepack import RulePack

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return PurePath(path).as_posix() if path != "-" else "stdin"


def fingerprint(path: str, rule: str, excerpt: str, start_text: str) -> str:
    return hashlib.sha256(f"{rule}\0{path}\0{excerpt}\0{start_text}".encode()).hexdigest()[:32]


def logical_locations(location: dict, lang: str) -> dict:
    """The paragraph / table cell / page and the heading above, as SARIF logical locations."""
    if not location:
        return {}
    where = describe({k: v for k, v in location.items() if k != "heading"}, lang)
    heading = location.get("heading", "")
    entries = []
    if heading:
        entries.append({"name": heading, "kind": "namespace"})
    if where:
        entries.append({"name": where, "fullyQualifiedName": f"{heading} › {where}" if heading else where,
                        "kind": "element",
                        "properties": {k: v for k, v in location.items() if k != "heading"}})
    return {"logicalLocations": entries} if entries else {}


def document(results: list[FileResult], lang: str, pack: RulePack) -> dict:
    rules = list(pack.rules)
    index = {rule.id: i for i, rule in enumerate(rules)}
    driver_rules = [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.description.get(lang) or rule.description.get("zh", rule.id)},
            "fullDescription": {"text": rule.description.get("en" if lang == "zh" else "zh", "") or rule.id},
            "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
            "properties": {"category": rule.category, "tags": [rule.category]},
        }
        for rule in rules
    ]
    sarif_results = []
    notifications = []
    for result in results:
        if result.error is not None:
            notifications.append({"level": "error", "message": {"text": f"{result.path}: {result.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}]})
            continue
        for finding in result.findings:
            line, column, end_line, end_column = source_position(finding)
            region = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
            if "source_line" not in finding.location:  # offsets count characters of the file itself
                region.update(charOffset=finding.start, charLength=max(finding.end - finding.start, 0))
            region["snippet"] = {"text": finding.excerpt}
            entry = {
                "ruleId": finding.rule,
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(result.path)},
                        "region": region,
                    },
                    **logical_locations(finding.location, lang),
                }],
                "partialFingerprints": {
                    "auditorFinding/v1": fingerprint(result.path, finding.rule, finding.excerpt,
                                                     finding.excerpt[finding.mark[0]:finding.mark[1]]),
                },
                "properties": {"category": finding.category},
            }
            if finding.rule in index:
                entry["ruleIndex"] = index[finding.rule]
            sarif_results.append(entry)
    run = {
        "tool": {"driver": {"name": "auditor", "version": __version__, "informationUri": "https://pypi.org/project/auditor/",
                            "rules": driver_rules}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    from auditor.rulepack import load_rulepack

    pack = context.pack or load_rulepack()
    write(json.dumps(document(list(results), context.lang, pack), ensure_ascii=False, indent=2) + "\n")
