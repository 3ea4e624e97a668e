"""SARIF 2.1.0 for code-scanning uploads; columns count Unicode code points."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePath
from urllib.parse import quote

from auditor import __version__
from auditor.baseline import project_path
from auditor.locate import describe, source_position
from auditor.model import FileResult
from auditor.render import RenderContext, Tally
from auditor.rulepack import RulePack

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_location(path: str, root: Path | None) -> dict:
    """A relative URI reference (RFC 3986: spaces, #, % and non-ASCII
    percent-encoded) against the project root, or an absolute file URI for a
    file outside it; standard input is "-", as in every other format."""
    if path == "-":
        return {"uri": "-"}
    relative = project_path(path, root) if root is not None else PurePath(path).as_posix()
    if relative.startswith("/"):
        return {"uri": Path(relative).as_uri()}
    return {"uri": quote(relative, safe="/")}


def documentation_url() -> str | None:
    """The project's own documentation (package metadata Project-URL
    "Documentation"); none rather than a page about something else."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("auditor").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    return None


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


def _rule_entry(rule, lang: str, docs: str | None) -> dict:
    from auditor.i18n import category_name

    description = rule.description.get(lang) or rule.description.get("zh", rule.id)
    entry = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": description},
        "fullDescription": {"text": f"{description} ({category_name(rule.category, lang)})"},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }
    if docs:
        entry["helpUri"] = f"{docs.split('#')[0]}#{rule.id.lower()}"
    return entry


def document(results: list[FileResult], lang: str, pack: RulePack, root: Path | None = None) -> dict:
    rules = list(pack.rules)
    index = {rule.id: i for i, rule in enumerate(rules)}
    docs = documentation_url()
    driver_rules = [_rule_entry(rule, lang, docs) for rule in rules]
    sarif_results = []
    notifications = []
    for result in results:
        if result.error is not None:
            notifications.append({"level": "error", "message": {"text": f"{result.path}: {result.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path, root)}}]})
            continue
        if result.notice is not None:
            notifications.append({"level": "note", "message": {"text": f"{result.path}: {result.notice}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path, root)}}]})
        stable_path = project_path(result.path, root) if root is not None else result.path
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
                        "artifactLocation": artifact_location(result.path, root),
                        "region": region,
                    },
                    **logical_locations(finding.location, lang),
                }],
                "partialFingerprints": {
                    "auditorFinding/v1": fingerprint(stable_path, finding.rule, finding.excerpt,
                                                     finding.excerpt[finding.mark[0]:finding.mark[1]]),
                },
                "properties": {"category": finding.category},
            }
            if finding.rule in index:
                entry["ruleIndex"] = index[finding.rule]
            sarif_results.append(entry)
    run = {
        "tool": {"driver": {"name": "auditor", "version": __version__, **({"informationUri": docs} if docs else {}),
                            "rules": driver_rules}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if notifications:
        failed = any(n["level"] == "error" for n in notifications)
        run["invocations"] = [{"executionSuccessful": not failed, "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def emit(results, counts: Tally, write, context: RenderContext) -> None:
    from auditor.rulepack import load_rulepack

    pack = context.pack or load_rulepack()
    write(json.dumps(document(list(results), context.lang, pack, context.root), ensure_ascii=False, indent=2) + "\n")
