"""The `auditor` command.

    auditor check PATH...        audit reports and print the issues found
    auditor figures PATH...      export the figures table the rules run on
    auditor rules                list every rule in the pack in force
    auditor config               show the configuration and where it came from
    auditor gx suite             write the great_expectations suite
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from auditor.config import Config, ConfigError, load_config, rule_overrides
from auditor.i18n import category_name, message
from auditor.read import expand_paths
from auditor.rulepack import RulePack, RulePackError, load_rulepack

FORMATS = ("text", "json", "sarif", "junit", "github", "html", "csv", "xlsx", "markdown", "docx")
BINARY_FORMATS = ("xlsx", "docx")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageFailure(click.ClickException):
    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"auditor: {self.format_message()}", err=True)


def _lang_option(function):
    return click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                        help="Language of messages: zh (default) or en.")(function)


def _rules_option(function):
    return click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path),
                        help="A directory of YAML rules added on top of the built-in pack (repeatable).")(function)


def _config_options(function):
    function = click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
                            help="Use this config file instead of searching for auditor.toml / pyproject.toml.")(function)
    function = click.option("--isolated", is_flag=True, help="Ignore every config file.")(function)
    return function


def _load(config_path: Path | None, isolated: bool, rule_dirs: tuple[Path, ...], lang: str | None) -> tuple[Config, RulePack, str]:
    try:
        config = load_config(explicit=config_path, use_files=not isolated)
    except ConfigError as exc:
        raise UsageFailure(message("config_error", lang or "zh", reason=exc.text(lang or "zh"))) from None
    lang = lang or config.get("lang")
    disable, severity, params = rule_overrides(config)
    try:
        pack = load_rulepack([*map(Path, config.get("rules")), *rule_dirs], disable, severity, params)
    except RulePackError as exc:
        raise UsageFailure(message("rulepack_error", lang, reason=exc.text(lang))) from None
    return config, pack, lang


class GuardedGroup(click.Group):
    """No traceback reaches a user: an unexpected error is one line and exit 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except BrokenPipeError:  # `auditor … | head`: the reader has gone, nothing left to say
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_FINDINGS)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            click.echo(f"auditor: {message('internal', 'zh', reason=reason)} / internal error", err=True)
            ctx.exit(EXIT_USAGE)


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="auditor")
def main() -> None:
    """Audit the figures in Chinese work reports (工作总结、工作汇报、情况报告).

    Reads .txt .md .docx .pdf .html (and - for standard input), pulls out every
    figure, checks them against the rule pack and reports what is wrong.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@_lang_option
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default=None,
              help="Exit 1 when a finding is at or above this severity (default: error).")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None, help="Write the report to FILE instead of standard output.")
@_rules_option
@_config_options
@click.option("--figures", "with_figures", is_flag=True, help="With csv/xlsx: add the figures table (xlsx: a second sheet).")
@click.option("--baseline", type=click.Path(path_type=Path), default=None, help="Report only findings not in this baseline file.")
@click.option("--write-baseline", type=click.Path(path_type=Path), default=None, help="Write every current finding to FILE as the accepted baseline.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Files audited in parallel (0: one per core).")
@click.option("--engine", type=click.Choice(["default", "gx"]), default="default", show_default=True,
              help="gx: run the figure checks as a great_expectations suite.")
@click.option("--reference", type=click.Path(path_type=Path), default=None,
              help="A reference table (csv/xlsx: metric, value[, subject, unit, tolerance]) to check figures against.")
@click.option("--data-docs", type=click.Path(path_type=Path), default=None,
              help="With --engine gx: build great_expectations Data Docs for this run in DIR.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Refuse files larger than this (default 50 MB).")
@click.option("--no-progress", is_flag=True, help="Never show a progress bar.")
@click.option("--across", is_flag=True, help="Also compare figures between the reports (same area, period and metric).")
def check(paths, output_format, lang, fail_on, output, rule_dirs, config_path, isolated, with_figures,
          baseline, write_baseline, jobs, engine, reference, data_docs, max_bytes, no_progress, across) -> None:
    """Audit PATHS (files, directories, or - for standard input) and report findings.

    Exit status: 0 when nothing is at or above --fail-on, 1 when something is,
    2 for a usage error or a file that could not be read.
    """
    config, pack, lang = _load(config_path, isolated, rule_dirs, lang)
    fail_on = fail_on or config.get("fail-on")
    if (output_format in BINARY_FORMATS or (output_format == "csv" and with_figures)) and output is None:
        raise UsageFailure(message("format_needs_output", lang, format=output_format))
    if reference is not None:
        from auditor.reference import ReferenceTableError, load_reference, with_reference

        try:
            pack = with_reference(pack, load_reference(reference))
        except ReferenceTableError as exc:
            raise UsageFailure(message("reference_error", lang, reason=exc.text(lang))) from None
    accepted_keys = None
    if baseline is not None:
        from auditor.baseline import BaselineError, load_keys

        try:
            accepted_keys = load_keys(baseline)
        except BaselineError as exc:
            raise UsageFailure(message("baseline_error", lang, reason=exc.text(lang))) from None
    targets = expand_paths(list(paths), config.get("include"), config.get("exclude"))
    _refuse_overwrite(output, targets, lang)
    _refuse_overwrite(write_baseline, targets, lang)
    if output_format == "docx":
        _refuse_docx_overwrite(output, targets, lang)

    limit = max_bytes or config.get("max-bytes")
    keep_text = output_format in ("html", "docx")
    if engine == "gx":
        results = iter(_audit_with_gx(targets, pack, lang, limit, data_docs, keep_text))
    else:
        if data_docs is not None:
            raise UsageFailure("--data-docs " + ("需要 --engine gx" if lang == "zh" else "needs --engine gx"))
        from auditor.runner import iter_audit

        progress = None if no_progress else _progress_bar(len(targets))
        results = iter_audit(targets, pack, lang, jobs=jobs, max_bytes=limit, progress=progress,
                             keep_figures=with_figures, keep_text=keep_text, keep_facts=across)
    if across:
        from auditor.across import with_cross_findings

        results = iter(with_cross_findings(list(results), pack, lang))

    from auditor.render import Tally

    counts = Tally()
    accepted_entries: list[dict[str, str]] = []  # filled as results pass, for --write-baseline
    results = _through_baseline(results, accepted_keys, write_baseline is not None, accepted_entries, counts)
    renderer = importlib.import_module(f"auditor.render.{_module(output_format)}")
    if output_format in STREAMING:
        colour = output is None and output_format == "text" and sys.stdout.isatty()
        options = {"colour": colour} if output_format == "text" else {}
        if output is None:
            renderer.stream(results, lambda text: click.echo(text, nl=False), counts, lang, **options)
        else:
            with output.open("w", encoding="utf-8") as handle:
                renderer.stream(results, handle.write, counts, lang, **options)
    else:
        collected = [counts.add(r) for r in results]
        if output_format in BINARY_FORMATS:
            renderer.write(output, collected, lang, with_figures=with_figures)
        elif output_format == "csv" and with_figures:
            renderer.write_figures_csv(output.with_name(output.stem + ".figures.csv"), collected)
            output.write_text(renderer.render(collected, lang, baseline_accepted=counts.baseline), encoding="utf-8")
        else:
            rendered = renderer.render(collected, lang, baseline_accepted=counts.baseline, with_figures=with_figures, pack=pack)
            if output is None:
                click.echo(rendered, nl=False)
            else:
                output.write_text(rendered, encoding="utf-8")
    if write_baseline is not None:
        from auditor.baseline import write_baseline as write

        click.echo(message("baseline_written", lang, path=write_baseline, count=write(write_baseline, accepted_entries)), err=True)
    if counts.errors:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if counts.failing(fail_on) else EXIT_OK)


STREAMING = ("text", "json", "github")


def _through_baseline(results, keys, record: bool, recorded: list, counts):
    """Report unreadable files on stderr, record baseline entries, drop accepted findings; lazily."""
    from auditor.baseline import entries, without_accepted

    for result in results:
        if result.error is not None:
            click.echo(f"{result.path}: {result.error}", err=True)
        if record:
            recorded.extend(entries(result))
        if keys is not None:
            result, accepted = without_accepted(result, keys)
            counts.baseline += accepted
        yield result


def _module(output_format: str) -> str:
    return {"json": "json_format", "csv": "table", "xlsx": "table", "markdown": "markdown",
            "docx": "docx_comments"}.get(output_format, output_format)


def _refuse_overwrite(output: Path | None, targets, lang: str) -> None:
    if output is None:
        return
    resolved = output.resolve()
    for target in targets:
        if target.path is not None and target.path.resolve() == resolved:
            raise UsageFailure(f"{output}: " + ("不会覆盖被检查的文件" if lang == "zh" else "refusing to overwrite a file being audited"))


def _refuse_docx_overwrite(output: Path, targets, lang: str) -> None:
    from auditor.render.docx_comments import OutputConflict, plan_outputs

    try:
        plan_outputs(output, [t.display for t in targets], [t.path for t in targets])
    except OutputConflict as exc:
        raise UsageFailure(f"{exc.path}: " + message("output_is_input", lang)) from None


def _progress_bar(count: int):
    import os

    if count <= 5 or not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def wrap(iterator):
        with click.progressbar(iterator, length=count, file=sys.stderr, label="auditor") as bar:
            yield from bar

    return wrap


def _audit_with_gx(targets, pack, lang, max_bytes, data_docs, keep_text):
    try:
        from auditor.gx_engine import audit_with_gx
    except ImportError:
        raise UsageFailure(message("gx_missing", lang)) from None
    return audit_with_gx(targets, pack, lang, max_bytes, data_docs=data_docs, keep_text=keep_text)


@main.command()
@_lang_option
@_rules_option
@_config_options
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(lang, rule_dirs, config_path, isolated, output_format) -> None:
    """List every rule: id, category, severity and what it checks."""
    _, pack, lang = _load(config_path, isolated, rule_dirs, lang)
    if output_format == "json":
        import json

        data = [
            {"id": r.id, "name": r.name, "category": r.category, "severity": r.severity, "enabled": r.enabled,
             "description": r.description.get(lang, ""), "source": r.source}
            for r in pack.rules
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for rule in pack.rules:
        state = "" if rule.enabled else (" (已停用)" if lang == "zh" else " (disabled)")
        description = rule.description.get(lang) or rule.description.get("zh", "")
        click.echo(f"{rule.id}  {rule.name:<22} {category_name(rule.category, lang):<8} {message(rule.severity, lang):<4} {description}{state}")


@main.command()
@_lang_option
@_config_options
def config(lang, config_path, isolated) -> None:
    """Print the configuration in force and where each value came from."""
    try:
        current = load_config(explicit=config_path, use_files=not isolated)
    except ConfigError as exc:
        raise UsageFailure(message("config_error", lang or "zh", reason=exc.text(lang or "zh"))) from None
    lang = lang or current.get("lang")
    where = current.path or ("(无配置文件)" if lang == "zh" else "(no config file)")
    click.echo(("配置文件: " if lang == "zh" else "config file: ") + str(where))
    for key in sorted(current.values):
        click.echo(f"{key} = {current.values[key]!r}    # {current.sources[key]}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["csv", "json", "parquet", "xlsx"]), default="csv", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None, help="Write to FILE (needed for parquet and xlsx).")
@click.option("--relations", "relations_output", type=click.Path(path_type=Path), default=None,
              help="With csv/parquet: also write the relations table to this file.")
@_lang_option
@_rules_option
@_config_options
def figures(paths, output_format, output, relations_output, lang, rule_dirs, config_path, isolated) -> None:
    """Export the figures table (and the relations between figures) of PATHS."""
    config, pack, lang = _load(config_path, isolated, rule_dirs, lang)
    if output_format in ("parquet", "xlsx") and output is None:
        raise UsageFailure(message("format_needs_output", lang, format=output_format))
    targets = expand_paths(list(paths), config.get("include"), config.get("exclude"))
    _refuse_overwrite(output, targets, lang)
    from auditor.table import export_figures

    failed = export_figures(targets, pack, lang, output_format, output, relations_output, config.get("max-bytes"))
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


@main.group()
def gx() -> None:
    """great_expectations integration: the figure checks as an ExpectationSuite."""


@gx.command("suite")
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="Where to write the suite JSON.")
@_rules_option
@_config_options
def gx_suite(output, rule_dirs, config_path, isolated) -> None:
    """Write the suite as great_expectations JSON, to run on an exported figures table."""
    _, pack, lang = _load(config_path, isolated, rule_dirs, None)
    try:
        from auditor.gx_engine import write_suite
    except ImportError:
        raise UsageFailure(message("gx_missing", lang)) from None
    write_suite(pack, output)


if __name__ == "__main__":  # pragma: no cover
    main()
