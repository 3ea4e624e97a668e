"""The `auditor` command.

    auditor check PATH...        audit reports and print the issues found
    auditor figures PATH...      export the figures table the rules run on
    auditor rules                list every rule in the pack in force
    auditor config               show the configuration and where it came from
    auditor gx suite             write the great_expectations suite
"""

from __future__ import annotations

import sys
from pathlib import Path

from auditor import recache

recache.install()  # before the imports below compile their regular expressions

import click  # noqa: E402

from auditor.api import (EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CheckError, CheckOptions, load_settings, refuse_outputs,
                         start_check)
from auditor.cli_help import LocalisedHelp
from auditor.config import Config, ConfigError, load_config
from auditor.i18n import counted_noun, message
from auditor.output import open_replacing
from auditor.read import expand_paths
from auditor.render import FORMATS, STATISTICS, RenderContext, render_report
from auditor.selection import split_selectors
from auditor.terminal import use_colour
from auditor.rulepack import RulePack


EXIT_INTERRUPTED = 130


def _silence_stderr() -> None:
    """After the last line the user is meant to see, nothing more reaches the terminal."""
    import os

    try:
        sys.stderr.flush()
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())
    except (OSError, ValueError):  # no real stderr (embedded, closed): nothing to protect
        pass


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
        settings = load_settings(config_path, isolated, rule_dirs, lang)
    except CheckError as exc:
        raise UsageFailure(str(exc)) from None
    for code, params in settings.pack.notices:
        click.echo(f"auditor: {message(code, settings.lang, **params)}", err=True)
    return settings.config, settings.pack, settings.lang


class LocalisedCommand(LocalisedHelp, click.Command):
    """--help and usage errors in Chinese when asked for (auditor.cli_help)."""


class GuardedGroup(LocalisedHelp, click.Group):
    """No traceback reaches a user: an unexpected error is one line and exit 2."""

    command_class = LocalisedCommand
    group_class = type  # subgroups guarded and localised the same way

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:  # Ctrl-C: exit 130; an --output is replaced only when complete
            click.echo(f"auditor: {message('interrupted', 'zh')} / interrupted", err=True)
            _silence_stderr()  # a worker pool's threads, torn down as the process exits, may still print
            ctx.exit(EXIT_INTERRUPTED)
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
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help="Output format.")
@_lang_option
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default=None,
              help="Exit 1 when a finding is at or above this severity (default: error).")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None, help="Write the report to FILE instead of standard output.")
@_rules_option
@_config_options
@click.option("--figures", "with_figures", is_flag=True, help="json: a figures list per file; csv/xlsx: the figures table (xlsx: a second sheet).")
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
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules: ids, id prefixes, names, categories or ALL, comma-separated (replaces the config's).")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Add these rules to the selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Leave these rules out.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule gave, most first (text or json).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings and errors only.")
@click.option("--silent", is_flag=True, help="Print nothing; the exit status says it all.")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text report (auto honours NO_COLOR, FORCE_COLOR and TERM=dumb).")
@click.option("--stdin-filename", metavar="NAME", default=None,
              help="The name of the file read from standard input: shown in every format, and its suffix picks the reader.")
@click.option("--force-exclude", is_flag=True, help="Apply exclude to files named on the command line too.")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Report `auditor: ignore` markers that silenced nothing (rule AU001, a note).")
@click.option("--dask", default=None, metavar="ADDRESS",
              help="Audit on a dask.distributed cluster: a scheduler address, or 'local' for a LocalCluster.")
@click.option("--batch-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="With --dask: documents per task.")
def check(paths, output_format, output, write_baseline, no_progress, statistics, quiet, silent, colour, **given) -> None:
    """Audit PATHS (files, directories, or - for standard input; none: the current directory) and report findings.

    Exit status: 0 when nothing is at or above --fail-on, 1 when something is,
    2 for a usage error or a file that could not be read.
    """
    form = FORMATS[output_format]
    options = _check_options(given, write_baseline is not None, form)
    try:
        run = start_check(paths or (("-",) if options.stdin_filename else (".",)), options)
        _refuse_bad_output(run, output_format, output, write_baseline, options.with_figures, statistics)
    except CheckError as exc:
        raise UsageFailure(str(exc)) from None
    quiet = quiet or silent
    say = (lambda text: None) if silent else (lambda text: click.echo(text, err=True))
    if options.with_figures and form.figures == "none" and not quiet:
        say(message("figures_not_held", run.lang, format=output_format))
    progress = None if no_progress or quiet or options.engine == "gx" else _progress_bar(len(run.targets))
    results = run.iter_results(progress, on_error=lambda r: say(f"{r.path}: {r.error or r.notice}") if r.error or not quiet else None,
                               on_notice=lambda path, notice: None if quiet else say(f"{path}: {notice}"))
    context = RenderContext(lang=run.lang, pack=run.pack, with_figures=options.with_figures, output=output, quiet=quiet,
                            fail_on=run.fail_on, root=run.root,
                            colour=output is None and output_format == "text" and use_colour(colour, sys.stdout.isatty()))
    _render(STATISTICS[output_format] if statistics else form, results, run.counts, output, context, silent)
    if write_baseline is not None:
        from auditor.baseline import write_baseline as write

        count = write(write_baseline, run.baseline_entries)
        if not quiet:
            say(message("baseline_written", run.lang, path=write_baseline, count=count,
                        count_phrase=counted_noun(count, "findings", run.lang)))
    sys.exit(run.exit_code)


def _check_options(given: dict, record_baseline: bool, form) -> CheckOptions:
    selectors = {key: split_selectors(given.pop(key)) for key in ("select", "extend_select", "ignore")}
    rule_dirs = tuple(given.pop("rule_dirs"))
    return CheckOptions(**given, rule_dirs=rule_dirs, select=selectors["select"] or None,
                        extend_select=selectors["extend_select"], ignore=selectors["ignore"],
                        record_baseline=record_baseline, keep_text=form.keeps_text)


def _refuse_bad_output(run, output_format: str, output: Path | None, write_baseline: Path | None,
                       with_figures: bool, statistics: bool) -> None:
    if statistics and output_format not in STATISTICS:
        raise CheckError(message("statistics_formats", run.lang))
    if not statistics and FORMATS[output_format].needs_output(with_figures) and output is None:
        raise CheckError(message("format_needs_output", run.lang, format=output_format))
    outputs = [(output, "--output"), (write_baseline, "--write-baseline")]
    if with_figures and FORMATS[output_format].figures == "side-file" and output is not None:
        outputs.append((output.with_name(output.stem + ".figures.csv"), "--figures"))
    named = {"--baseline": run.options.baseline, "--reference": run.options.reference, "--config": run.settings.config.path}
    rule_dirs = [*map(Path, run.settings.config.get("rules")), *run.options.rule_dirs]
    refuse_outputs(outputs, run.targets, run.lang, named, rule_dirs, directory_ok=output_format == "docx")
    if output_format == "docx" and not statistics:
        _refuse_docx_overwrite(output, run.targets, run.lang)


def _render(form, results, counts, output: Path | None, context: RenderContext, silent: bool = False) -> None:
    """Render to standard output, or to --output (binary formats write it themselves)."""
    if output is None:
        write = (lambda text: None) if silent else (lambda text: click.echo(text, nl=False, color=context.colour or None))
        render_report(form, results, write, context, counts)
    elif form.binary:
        render_report(form, results, lambda text: None, context, counts)
    else:
        with open_replacing(output) as handle:
            render_report(form, results, handle.write, context, counts)


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


@main.command()
@click.argument("rule_id", required=False)
@_lang_option
@_rules_option
@_config_options
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def rules(rule_id, lang, rule_dirs, config_path, isolated, output_format) -> None:
    """List every rule, or explain RULE_ID (an id or a name): what it checks,
    why it matters, a failing and a passing example, its params."""
    from auditor import ruledocs

    _, pack, lang = _load(config_path, isolated, rule_dirs, lang)
    if rule_id is not None:
        rule = ruledocs.find_rule(pack, rule_id)
        if rule is None:
            raise UsageFailure(message("no_such_rule", lang, rule=rule_id))
        click.echo(ruledocs.explain(rule, lang), nl=False)
        return
    if output_format == "json":
        import json

        data = [
            {"id": r.id, "name": r.name, "category": r.category, "severity": r.severity, "enabled": r.enabled,
             "description": r.text("description", lang), "rationale": r.text("rationale", lang),
             "check": r.check, "params": {k: list(v) if isinstance(v, tuple) else v for k, v in r.params.items()},
             "source": r.source}
            for r in pack.rules
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif output_format == "markdown":
        click.echo(ruledocs.rules_markdown(pack, lang), nl=False)
    else:
        click.echo(ruledocs.rule_table(pack, lang), nl=False)


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
    where = current.path or message("no_config_file", lang)
    click.echo(message("config_file", lang) + " " + str(where))
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
@click.option("--dask", default=None, metavar="ADDRESS",
              help="With --format parquet: build the tables on a dask.distributed cluster (or 'local') "
                   "as a partitioned dataset in the --output directory.")
@click.option("--batch-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="With --dask: documents per task (and per part of the dataset).")
def figures(paths, output_format, output, relations_output, lang, rule_dirs, config_path, isolated, dask, batch_size) -> None:
    """Export the figures table (and the relations between figures) of PATHS."""
    config, pack, lang = _load(config_path, isolated, rule_dirs, lang)
    if output_format in ("parquet", "xlsx") and output is None:
        raise UsageFailure(message("format_needs_output", lang, format=output_format))
    targets = expand_paths(list(paths), config.get("include"), config.get("exclude"))
    try:
        refuse_outputs([(output, "--output"), (relations_output, "--relations")], targets, lang, {"--config": config.path},
                       [*map(Path, config.get("rules")), *rule_dirs])
    except CheckError as exc:
        raise UsageFailure(str(exc)) from None
    if dask is not None:
        _figures_on_dask(targets, pack, lang, output_format, output, dask, batch_size, config.get("max-bytes"))
    from auditor.figures import export_figures

    failed = export_figures(targets, pack, lang, output_format, output, relations_output, config.get("max-bytes"))
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it local).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8765, show_default=True)
@click.option("--max-upload", type=click.IntRange(min=1), default=20, show_default=True, help="Largest upload, in MB.")
@click.option("--open/--no-open", "open_browser", default=True, help="Open the page in the browser.")
@_lang_option
@_rules_option
@_config_options
def serve(host, port, max_upload, open_browser, lang, rule_dirs, config_path, isolated) -> None:
    """A local web page: drop reports in, see every finding marked, download the results."""
    _, pack, lang = _load(config_path, isolated, rule_dirs, lang)
    try:
        from auditor.serve import serve as run_server
    except ImportError:
        raise UsageFailure(message("serve_missing", lang)) from None
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise UsageFailure(message("serve_missing", lang)) from None
    url = f"http://{host}:{port}/"
    click.echo(message("serve_listening", lang, url=url), err=True)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    run_server(host, port, pack=pack, default_lang=lang, max_upload=max_upload * 1024 * 1024)


def _figures_on_dask(targets, pack, lang: str, output_format: str, output: Path, address: str, batch_size: int,
                     max_bytes: int) -> None:
    if output_format != "parquet":
        raise UsageFailure(message("dask_parquet_only", lang))
    from auditor.api import dask_client
    from auditor.distributed import disconnect, export_figures_dask

    try:
        client = dask_client(address, lang)
    except CheckError as exc:
        raise UsageFailure(str(exc)) from None
    try:
        _, _, errors = export_figures_dask(targets, pack, lang, output, max_bytes, client, batch_size)
    finally:
        disconnect(client)
    for line in errors:
        click.echo(line, err=True)
    sys.exit(EXIT_USAGE if errors else EXIT_OK)


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
