"""The check as a plain function: paths and an options record in, results out.

    from auditor.api import CheckOptions, run_check
    outcome = run_check(["reports/"], CheckOptions(lang="en", fail_on="warning"))
    outcome.exit_code, outcome.summary, outcome.results

`auditor check` is this plus argument parsing and a renderer. A problem with
what the caller gave (config, rule pack, baseline, reference table, options)
is a `CheckError` whose text is already in the caller's language; a file that
cannot be read is never an exception, only a result with an `error`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.config import Config, ConfigError, load_config, rule_overrides
from auditor.i18n import message
from auditor.model import FileResult
from auditor.read import Target, expand_paths
from auditor.render import Tally
from auditor.rulepack import RulePack, RulePackError, load_rulepack
from auditor.selection import Selection, SelectionError, apply_selection

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class CheckError(Exception):
    """A usage problem, told in the user's language; exit status 2."""


@dataclass(frozen=True)
class CheckOptions:
    """Everything `auditor check` can be told, except where its report goes."""

    lang: str | None = None  # None: the config's, else zh
    fail_on: str | None = None  # None: the config's, else error
    rule_dirs: tuple[Path, ...] = ()
    config_path: Path | None = None
    isolated: bool = False  # no config file at all
    engine: str = "default"  # or gx
    jobs: int = 0  # 0: one per core
    max_bytes: int | None = None  # None: the config's
    reference: Path | None = None
    baseline: Path | None = None
    record_baseline: bool = False  # collect every finding for --write-baseline
    with_figures: bool = False
    keep_text: bool = False  # keep each document's text on its result (the html report shows it)
    data_docs: Path | None = None  # with engine gx
    across: bool = False  # also compare figures between the reports
    select: tuple[str, ...] | None = None  # rule ids, id prefixes, names, categories; None: the config's
    extend_select: tuple[str, ...] = ()  # added to the config's
    ignore: tuple[str, ...] = ()  # added to the config's
    stdin_filename: str | None = None  # the name standard input goes by (its suffix picks the reader)
    force_exclude: bool = False  # exclude applies to files named explicitly too
    report_unused_suppressions: bool = False  # AU001 for each `auditor: ignore` that silenced nothing
    dask: str | None = None  # a scheduler address, or "local" for a LocalCluster: audit on Dask
    batch_size: int = 100  # documents per Dask task


@dataclass(frozen=True)
class Settings:
    """The configuration and rule pack in force, and the language they speak."""

    config: Config
    pack: RulePack
    lang: str


def load_settings(config_path: Path | None = None, isolated: bool = False, rule_dirs: Iterable[Path] = (),
                  lang: str | None = None, selection: Selection | None = None) -> Settings:
    """Config and rule pack; `selection` (from the command line) on top of the config's."""
    try:
        config = load_config(explicit=config_path, use_files=not isolated)
    except ConfigError as exc:
        raise CheckError(message("config_error", lang or "zh", reason=exc.text(lang or "zh"))) from None
    lang = lang or config.get("lang")
    try:
        pack = load_rulepack([*map(Path, config.get("rules")), *rule_dirs], **rule_overrides(config))
    except RulePackError as exc:
        raise CheckError(message("rulepack_error", lang, reason=exc.text(lang))) from None
    given = selection or Selection()
    config_select = config.get("select")
    chosen = Selection(
        select=given.select if given.select is not None else (tuple(config_select) if config_select is not None else None),
        extend_select=(*config.get("extend-select"), *given.extend_select),
        ignore=(*config.get("ignore"), *given.ignore),
    )
    try:
        pack = apply_selection(pack, chosen, config.get("disable"))
    except SelectionError as exc:
        raise CheckError(message("selection_error", lang, reason=exc.text(lang))) from None
    return Settings(config, pack, lang)


@dataclass
class CheckRun:
    """A prepared check: targets found, nothing read yet. `iter_results()`
    audits lazily, file by file, and fills `counts` as results pass."""

    options: CheckOptions
    settings: Settings
    targets: list[Target]
    pack: RulePack
    fail_on: str
    accepted_keys: Any = None  # a Counter of baseline keys, or None
    counts: Tally = field(default_factory=Tally)
    baseline_entries: list[dict[str, str]] = field(default_factory=list)
    client: Any = None  # a dask.distributed Client when options.dask is given

    @property
    def lang(self) -> str:
        return self.settings.lang

    @property
    def root(self) -> Path:
        return project_root(self.settings.config)

    def iter_results(self, progress: Callable[[Iterable], Iterable] | None = None,
                     on_error: Callable[[FileResult], None] | None = None,
                     on_notice: Callable[[str, str], None] | None = None) -> Iterator[FileResult]:
        """Each file's result in target order, through the baseline, counted;
        `on_error` sees each result with an error or a notice first, `on_notice`
        each warning about the file (unknown rule names in ignore comments)."""
        from auditor.baseline import entries, without_accepted

        root = self.root
        for result in self._audit(progress):
            if (result.error is not None or result.notice is not None) and on_error is not None:
                on_error(result)
            for notice in result.notices if on_notice is not None else ():
                on_notice(result.path, notice)
            if self.options.report_unused_suppressions and result.unused_suppressions:
                result = with_unused_suppressions(result)
            if self.options.record_baseline:
                self.baseline_entries.extend(entries(result, root))
            if self.accepted_keys is not None:
                result, accepted = without_accepted(result, self.accepted_keys, root)
                self.counts.baseline += accepted
            self.counts.add(result)
            yield result

    def _audit(self, progress) -> Iterator[FileResult]:
        options, limit = self.options, self.options.max_bytes or self.settings.config.get("max-bytes")
        if options.engine == "gx":
            from auditor.gx_engine import audit_with_gx

            results = audit_with_gx(self.targets, self.pack, self.lang, limit, data_docs=options.data_docs,
                                    keep_text=options.keep_text)
        elif self.client is not None:
            from auditor.distributed import iter_audit_dask

            results = iter_audit_dask(self.targets, self.pack, self.lang, self.client, options.batch_size, limit,
                                      keep_figures=options.with_figures, keep_text=options.keep_text,
                                      keep_facts=options.across)
            if progress is not None:
                results = progress(results)
        else:
            from auditor.runner import iter_audit

            results = iter_audit(self.targets, self.pack, self.lang, jobs=options.jobs, max_bytes=limit,
                                 progress=progress, keep_figures=options.with_figures, keep_text=options.keep_text,
                                 keep_facts=options.across)
        if options.across:  # needs every report before it can say anything
            from auditor.across import with_cross_findings

            results = with_cross_findings(list(results), self.pack, self.lang)
        try:
            yield from results
        finally:
            if self.client is not None:
                from auditor.distributed import disconnect

                disconnect(self.client)
                self.client = None

    @property
    def exit_code(self) -> int:
        """Once the results are consumed: 2 if a file could not be read, 1 if
        something is at or above fail-on, else 0."""
        if self.counts.errors:
            return EXIT_USAGE
        return EXIT_FINDINGS if self.counts.failing(self.fail_on) else EXIT_OK


def start_check(paths: Iterable[str], options: CheckOptions = CheckOptions()) -> CheckRun:
    """Load config, rule pack, reference table and baseline, and find the files;
    every usage problem is raised here, before anything is audited or written."""
    selection = Selection(options.select, options.extend_select, options.ignore)
    settings = load_settings(options.config_path, options.isolated, options.rule_dirs, options.lang, selection)
    lang, config, pack = settings.lang, settings.config, settings.pack
    if options.engine == "gx" and (options.across or options.dask):
        raise CheckError(message("gx_default_only", lang, option="--across" if options.across else "--dask"))
    if options.engine == "gx":
        try:
            import auditor.gx_engine  # noqa: F401 - fail now, not half-way through the output
        except ImportError:
            raise CheckError(message("gx_missing", lang)) from None
    elif options.data_docs is not None:
        raise CheckError(message("data_docs_needs_gx", lang))
    if options.reference is not None:
        from auditor.reference import ReferenceTableError, load_reference, with_reference

        try:
            pack = with_reference(pack, load_reference(options.reference))
        except ReferenceTableError as exc:
            raise CheckError(message("reference_error", lang, reason=exc.text(lang))) from None
    accepted_keys = None
    if options.baseline is not None:
        from auditor.baseline import BaselineError, load_keys

        try:
            accepted_keys = load_keys(options.baseline)
        except BaselineError as exc:
            raise CheckError(message("baseline_error", lang, reason=exc.text(lang))) from None
    targets = expand_paths(list(paths), config.get("include"), config.get("exclude"), root=project_root(config),
                           force_exclude=options.force_exclude, stdin_name=options.stdin_filename)
    client = dask_client(options.dask, lang) if options.dask and options.engine != "gx" else None
    return CheckRun(options, settings, targets, pack, options.fail_on or config.get("fail-on"), accepted_keys,
                    client=client)


def dask_client(address: str, lang: str):
    """A dask.distributed client for --dask, or the reason there is none as a CheckError."""
    from auditor.distributed import DaskUnavailable, connect

    try:
        return connect(address)
    except DaskUnavailable as exc:
        raise CheckError(message(str(exc), lang, address=address)) from None


def project_root(config: Config) -> Path:
    """Where the config file is; without one, the current directory. Baseline
    entries, include/exclude patterns and report paths are relative to it."""
    return (config.path.parent if config.path is not None else Path.cwd()).resolve()


def with_unused_suppressions(result: FileResult) -> FileResult:
    from dataclasses import replace

    findings = tuple(sorted((*result.findings, *result.unused_suppressions), key=lambda f: (f.start, f.end, f.rule)))
    return replace(result, findings=findings)


def refuse_outputs(outputs: Iterable[tuple[Path | None, str]], targets: Iterable[Target], lang: str,
                   named: dict[str, Path | None] | None = None, rule_dirs: Iterable[Path] = (),
                   directory_ok: bool = False) -> None:
    """Each (output, option) checked against every input: the audited files,
    the files `named` by options (--baseline …) and the rule-pack files."""
    from auditor.output import OutputRefused, given_files, refuse_outputs as check

    try:
        check(outputs, given_files(targets, named, rule_dirs), directory_ok)
    except OutputRefused as exc:
        raise CheckError(exc.text(lang)) from None


@dataclass(frozen=True)
class CheckOutcome:
    results: tuple[FileResult, ...]
    summary: dict[str, Any]
    exit_code: int
    baseline_entries: tuple[dict[str, str], ...] = ()


def run_check(paths: Iterable[str], options: CheckOptions = CheckOptions()) -> CheckOutcome:
    """Audit `paths` (files, directories, "-") and return every result."""
    run = start_check(paths, options)
    results = tuple(run.iter_results())
    return CheckOutcome(results, run.counts.as_summary(), run.exit_code, tuple(run.baseline_entries))
