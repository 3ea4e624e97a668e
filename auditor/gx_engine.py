"""The great_expectations engine: the numeric rules as an ExpectationSuite.

The rules judged on the check columns of the figures table (rate bounds,
ratio, sum, change, direction; see auditor.checkcolumns) become expectations
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
import great_expectations.expectations as gxe
import pandas as pd
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.expectations.row_conditions import Column

from auditor.audit import Context, analyse, run_rules, to_findings
from auditor.checkcolumns import BOUND_CHECKS, bound_of
from auditor.checks import TABULAR
from auditor.checks.arithmetic import change_hit, direction_hit, sum_hit
from auditor.checks.rates import bound_hit, ratio_hit
from auditor.i18n import message
from auditor.model import FileResult, Hit
from auditor.read import InputError, Target, load_target
from auditor.rulepack import Rule, RulePack

SUITE_NAME = "auditor.figures"
ID_COLUMN = "row_id"
RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": [ID_COLUMN]}


def _pair(rule: Rule, a: str, b: str, or_equal: bool, condition=None, role: str = "") -> gxe.Expectation:
    kwargs: dict[str, Any] = dict(column_A=a, column_B=b, or_equal=or_equal, ignore_row_if="either_value_is_missing",
                                  meta={"rule": rule.id, "role": role})
    if condition is not None:
        kwargs["row_condition"] = condition
    return gxe.ExpectColumnPairValuesAToBeGreaterThanB(**kwargs)


def expectations_for(rule: Rule) -> list[gxe.Expectation]:
    """The expectations that stand for one rule; [] for rules that are not numeric."""
    if rule.check in BOUND_CHECKS:
        side, bound = bound_of(rule)
        limit = {"max_value": float(bound)} if side == "max" else {"min_value": float(bound)}
        return [gxe.ExpectColumnValuesToBeBetween(
            column="value_num", row_condition=Column(f"applies_{rule.id}") == True,  # noqa: E712 - a GX condition
            meta={"rule": rule.id, "role": "bound"}, **limit)]
    if rule.check == "ratio":
        return [_pair(rule, "ratio_scaled", "ratio_low", True, role="low"),
                _pair(rule, "ratio_high", "ratio_scaled", False, role="high")]
    if rule.check == "sum_total":
        complete = Column("sum_complete") == True  # noqa: E712 - a GX condition
        return [_pair(rule, "sum_value", "sum_low", True, complete, "low"),
                _pair(rule, "sum_high", "sum_value", True, complete, "high")]
    if rule.check == "parts_exceed":
        return [_pair(rule, "sum_high", "sum_value", True, Column("sum_complete") == False, "high")]  # noqa: E712
    if rule.check == "change":
        return [_pair(rule, "change_scaled", "change_low", True, role="low"),
                _pair(rule, "change_high", "change_scaled", False, role="high")]
    if rule.check == "direction":
        return [
            _pair(rule, "direction_new", "direction_old", True, Column(f"direction_says_{n}") == "up", f"word{n}")
            for n in (1, 2)
        ] + [
            _pair(rule, "direction_old", "direction_new", True, Column(f"direction_says_{n}") == "down", f"word{n}")
            for n in (1, 2)
        ]
    return []


def build_suite(pack: RulePack) -> gx.ExpectationSuite:
    suite = gx.ExpectationSuite(name=SUITE_NAME, meta={"generated_by": "auditor", "table": "figures"})
    for rule in pack.enabled():
        if rule.check in TABULAR:
            for expectation in expectations_for(rule):
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


def load_suite(path: Path) -> gx.ExpectationSuite:
    new_context()
    return gx.ExpectationSuite(**json.loads(path.read_text(encoding="utf-8")))


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


def _hits(entry, rule: Rule, roles: dict[str, set[int]]) -> list[Hit]:
    """Findings of one rule in one document from the row ids that failed."""
    analysis, context, offset = entry
    failed = {row - offset for rows in roles.values() for row in rows if offset <= row < offset + len(analysis.figures)}
    hits: list[Hit] = []
    for index in sorted(failed):
        figure = analysis.figures[index]
        if rule.check in BOUND_CHECKS:
            hits.append(bound_hit(analysis, rule, figure))
        elif rule.check == "ratio":
            hits.append(ratio_hit(analysis, context.hosted.ratios[index]))
        elif rule.check in ("sum_total", "parts_exceed"):
            hits.append(sum_hit(analysis, context.hosted.parts[index]))
        elif rule.check == "change":
            hits.append(change_hit(analysis, context.hosted.changes[index], context.rows[index]["change_reading"]))
        elif rule.check == "direction":
            change = context.hosted.changes[index]
            first_word_failed = offset + index in roles.get("word1", set())
            hits.append(direction_hit(analysis, change, change.word if first_word_failed else change.stated_word))
    return hits


def figures_frame(entries, pack: RulePack) -> pd.DataFrame:
    """The check columns of every document's figures, one table, one row id a figure."""
    columns = ["file", "figure", ID_COLUMN]
    rows = []
    for number, (analysis, context, offset) in enumerate(entries):
        for figure, row in zip(analysis.figures, context.rows):
            rows.append({"file": number, "figure": figure.index, ID_COLUMN: offset + figure.index, **row})
    frame = pd.DataFrame(rows)
    if frame.empty:
        frame = pd.DataFrame(columns=columns + list(_empty_columns(pack)))
    return frame


def _empty_columns(pack: RulePack):
    from auditor.checkcolumns import INTERVAL_COLUMNS

    yield from INTERVAL_COLUMNS
    for rule in pack.enabled():
        if rule.check in BOUND_CHECKS:
            yield f"applies_{rule.id}"


def audit_with_gx(targets: list[Target], pack: RulePack, lang: str, max_bytes: int,
                  data_docs: Path | None = None, keep_text: bool = False) -> list[FileResult]:
    """Every file read and checked as in the default engine, except that the
    numeric rules are judged by one great_expectations validation over the
    figures of all files."""
    other_rules = [r for r in pack.enabled() if r.check not in TABULAR]
    tabular_rules = [r for r in pack.enabled() if r.check in TABULAR]
    documents: list[tuple[Target, Any]] = []
    entries = []
    offset = 0
    for target in targets:
        try:
            document = load_target(target, max_bytes)
        except InputError as exc:
            documents.append((target, FileResult(target.display, error=message(exc.code, lang, **exc.params), error_code=exc.code)))
            continue
        analysis = analyse(document, pack)
        context = Context(analysis)
        _ = context.rows
        entry = (analysis, context, offset)
        offset += len(analysis.figures)
        entries.append(entry)
        documents.append((target, (document, entry, run_rules(analysis, other_rules, context))))
    failing = failing_rows(validate(figures_frame(entries, pack), lambda: build_suite(pack), data_docs)) if entries else {}
    results = []
    for target, item in documents:
        if isinstance(item, FileResult):
            results.append(item)
            continue
        document, entry, hits = item
        analysis = entry[0]
        for rule in tabular_rules:
            roles = {role: rows for (rule_id, role), rows in failing.items() if rule_id == rule.id}
            hits.extend((rule, hit) for hit in _hits(entry, rule, roles))
        findings, quiet = to_findings(analysis, hits, lang)
        results.append(FileResult(target.display, tuple(findings), text=document.text if keep_text else "", suppressed=quiet))
    return results


