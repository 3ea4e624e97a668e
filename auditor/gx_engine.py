"""The great_expectations engine: the numeric rules as an ExpectationSuite.

The rules judged on the check columns of the figures table (rate bounds,
ratio, sum, change, direction; see auditor.checks.base.NumericCheck) become expectations
on that table; the rest run as in the default engine. Validation happens in an
ephemeral context, so nothing is written to disk unless Data Docs are asked
for. Failing rows are turned into findings by the same hit builders the
default engine uses, so the JSON output is the same, byte for byte.

Imported only for `--engine gx` and `auditor gx …`: great_expectations takes
seconds to import.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import great_expectations as gx
import pandas as pd
from great_expectations.data_context.types.base import ProgressBarsConfig

from auditor.audit import check_columns, numeric_rules, run_rules, to_findings
from auditor.checks import registry
from auditor.model import Analysis, FileResult, Hit
from auditor.read import Target
from auditor.rulepack import Rule, RulePack
from auditor.runner import prepare

SUITE_NAME = "auditor.figures"
ID_COLUMN = "row_id"
RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": [ID_COLUMN]}


def build_suite(pack: RulePack) -> gx.ExpectationSuite:
    suite = gx.ExpectationSuite(name=SUITE_NAME, meta={"generated_by": "auditor", "table": "figures"})
    for rule, check in numeric_rules(pack):
        for expectation in check.expectations(rule):
            suite.add_expectation(expectation)
    return suite


def suite_json(pack: RulePack) -> dict[str, Any]:
    """The suite as JSON, without the random ids GX gives every object (same input, same bytes)."""
    new_context()  # GX builds suites only with a context in force
    data = build_suite(pack).to_json_dict()
    data.pop("id", None)
    for expectation in data["expectations"]:
        expectation.pop("id", None)
    data.get("meta", {}).pop("great_expectations_version", None)
    return data


def write_suite(pack: RulePack, output: Path) -> None:
    output.write_text(json.dumps(suite_json(pack), ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def new_context():
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def validate(frame: pd.DataFrame, suite_of, data_docs: Path | None = None):
    """Validate the figures table in a fresh ephemeral context; build Data Docs if asked.
    `suite_of` makes the suite once the context exists (GX needs one in force)."""
    context = new_context()
    suite = suite_of()
    asset = context.data_sources.add_pandas("auditor").add_dataframe_asset(name="figures")
    batch_definition = asset.add_batch_definition_whole_dataframe("all")
    suite = context.suites.add(suite)
    if data_docs is None:
        return batch_definition.get_batch(batch_parameters={"dataframe": frame}).validate(suite, result_format=RESULT_FORMAT)
    from great_expectations.checkpoint import UpdateDataDocsAction

    context.add_data_docs_site(site_name="auditor", site_config={
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(data_docs)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    })
    definition = context.validation_definitions.add(gx.ValidationDefinition(name="auditor", data=batch_definition, suite=suite))
    checkpoint = context.checkpoints.add(gx.Checkpoint(
        name="auditor", validation_definitions=[definition], result_format=RESULT_FORMAT,
        actions=[UpdateDataDocsAction(name="data_docs", site_names=["auditor"])],
    ))
    return next(iter(checkpoint.run(batch_parameters={"dataframe": frame}).run_results.values()))


def failing_rows(validation) -> dict[tuple[str, str], set[int]]:
    """(rule id, role) → row ids that did not meet the expectation."""
    failing: dict[tuple[str, str], set[int]] = {}
    for result in validation.results:
        meta = result.expectation_config.meta or {}
        if result.exception_info and result.exception_info.get("raised_exception"):
            raise RuntimeError(f"great_expectations could not evaluate {meta.get('rule')}: {result.exception_info.get('exception_message')}")
        rows = {int(entry[ID_COLUMN]) for entry in (result.result or {}).get("unexpected_index_list") or []}
        failing.setdefault((meta.get("rule", ""), meta.get("role", "")), set()).update(rows)
    return failing


def _hits(analysis: Analysis, offset: int, rule: Rule, roles: dict[str, set[int]]) -> list[Hit]:
    """Findings of one rule in one document from the row ids that failed."""
    check = registry().numeric(rule.check)
    judged = check.judged(analysis, rule)
    failed: dict[int, set[str]] = {}
    for role, rows in roles.items():
        for row in rows:
            if offset <= row < offset + len(analysis.figures):
                failed.setdefault(row - offset, set()).add(role)
    return [check.hit(analysis, rule, judged[index], analysis.row(index), frozenset(failed[index]))
            for index in sorted(failed) if index in judged]


def figures_frame(analyses: list[tuple[Analysis, int]], pack: RulePack) -> pd.DataFrame:
    """The check columns of every document's figures, one table, one row id a figure."""
    columns = ["file", "figure", ID_COLUMN, *check_columns(pack)]
    rows = []
    for number, (analysis, offset) in enumerate(analyses):
        for figure, row in zip(analysis.figures, analysis.rows):
            rows.append({"file": number, "figure": figure.index, ID_COLUMN: offset + figure.index, **row})
    return pd.DataFrame(rows, columns=columns)


def judge(analyses: list[Analysis], pack: RulePack, lang: str, data_docs: Path | None = None) -> list[tuple[list, int]]:
    """(findings, suppressed) of each analysed document: the numeric rules
    judged by one great_expectations validation over the figures of all of
    them, every other rule as in the default engine."""
    numeric = [rule for rule, _ in numeric_rules(pack)]
    numeric_ids = {rule.id for rule in numeric}
    other_rules = [r for r in pack.enabled() if r.id not in numeric_ids]
    offsets, offset = [], 0
    for analysis in analyses:
        offsets.append(offset)
        offset += len(analysis.figures)
    frame = figures_frame(list(zip(analyses, offsets)), pack)
    failing = failing_rows(validate(frame, lambda: build_suite(pack), data_docs)) if analyses else {}
    judged = []
    for analysis, start in zip(analyses, offsets):
        hits = run_rules(analysis, other_rules)
        for rule in numeric:
            roles = {role: rows for (rule_id, role), rows in failing.items() if rule_id == rule.id}
            hits.extend((rule, hit) for hit in _hits(analysis, start, rule, roles))
        judged.append(to_findings(analysis, hits, lang))
    return judged


def audit_with_gx(targets: list[Target], pack: RulePack, lang: str, max_bytes: int,
                  data_docs: Path | None = None, keep_text: bool = False) -> list[FileResult]:
    """Every file read and checked as in the default engine (the same
    load-and-guard path), except that the numeric rules are judged by one
    great_expectations validation over the figures of all files."""
    prepared: list[Analysis | FileResult] = [prepare(target, pack, lang, max_bytes) for target in targets]
    analyses = [item for item in prepared if isinstance(item, Analysis)]
    judged = iter(judge(analyses, pack, lang, data_docs))
    results = []
    for target, item in zip(targets, prepared):
        if isinstance(item, FileResult):
            results.append(item)
            continue
        findings, quiet = next(judged)
        results.append(FileResult(target.display, tuple(findings), text=item.text.original if keep_text else "", suppressed=quiet))
    return results
