"""The command line's own words in Chinese: --help, and usage errors with
suggestions that point somewhere useful.

Help is in Chinese when `--lang zh` is on the command line or the locale is
Chinese (LC_ALL, LC_MESSAGES, LANG starting with zh); otherwise in English.
Texts are keyed by their English wording, so a help text without a Chinese
entry stays English rather than vanishing (a test holds every `check` option
to having one).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import click

from auditor.terminal import locale_lang

HELP_ZH: dict[str, str] = {
    # commands
    "Audit the figures in Chinese work reports (工作总结、工作汇报、情况报告).":
        "检查中文工作报告(工作总结、工作汇报、情况报告)中的数据。",
    "Reads .txt .md .docx .pdf .html (and - for standard input), pulls out every figure, checks them against the rule pack and reports what is wrong.":
        "读取 .txt .md .docx .pdf .html(- 表示标准输入),提取每个数字,按规则包核对,报告有问题之处。",
    "Audit PATHS (files, directories, or - for standard input; none: the current directory) and report findings.":
        "检查 PATHS(文件、目录,- 表示标准输入;不给则检查当前目录)并报告问题。",
    "Exit status: 0 when nothing is at or above --fail-on, 1 when something is, 2 for a usage error or a file that could not be read.":
        "退出码:没有达到 --fail-on 级别的问题为 0,有则为 1;用法错误或有文件无法读取为 2。",
    "List every rule, or explain RULE_ID (an id or a name): what it checks, why it matters, a failing and a passing example, its params.":
        "列出全部规则,或说明 RULE_ID(编号或名称):检查什么、为什么重要、一个不通过和一个通过的例子、参数。",
    "Print the configuration in force and where each value came from.": "显示当前生效的配置及每一项的来源。",
    "Export the figures table (and the relations between figures) of PATHS.": "导出 PATHS 的数据表(以及数字之间的关系表)。",
    "A local web page: drop reports in, see every finding marked, download the results.":
        "本地网页:拖入报告,查看标出的每个问题,下载结果。",
    "great_expectations integration: the figure checks as an ExpectationSuite.":
        "great_expectations 集成:把数字核对写成 ExpectationSuite。",
    "Write the suite as great_expectations JSON, to run on an exported figures table.":
        "把核对套件写成 great_expectations JSON,可在导出的数据表上运行。",
    # options
    "Output format.": "输出格式。",
    "Language of messages: zh (default) or en.": "提示语言:zh(默认)或 en。",
    "Exit 1 when a finding is at or above this severity (default: error).": "有问题达到此级别时退出码为 1(默认 error)。",
    "Write the report to FILE instead of standard output.": "把报告写入 FILE,而不是标准输出。",
    "A directory of YAML rules added on top of the built-in pack (repeatable).": "在内置规则包之外再加一个 YAML 规则目录(可重复)。",
    "Ignore every config file.": "不读取任何配置文件。",
    "Use this config file instead of searching for auditor.toml / pyproject.toml.":
        "使用此配置文件,不再查找 auditor.toml / pyproject.toml。",
    "json: a figures list per file; csv/xlsx: the figures table (xlsx: a second sheet).":
        "json:每个文件附数据列表;csv/xlsx:附数据表(xlsx 为第二个工作表)。",
    "Report only findings not in this baseline file.": "只报告基线文件中没有的问题。",
    "Write every current finding to FILE as the accepted baseline.": "把当前全部问题写入 FILE,作为已接受的基线。",
    "Files audited in parallel (0: one per core).": "并行检查的文件数(0:每个 CPU 核一个)。",
    "gx: run the figure checks as a great_expectations suite.": "gx:用 great_expectations 套件运行数字核对。",
    "A reference table (csv/xlsx: metric, value[, subject, unit, tolerance]) to check figures against.":
        "用于核对数字的参考表(csv/xlsx:metric、value[、subject、unit、tolerance])。",
    "With --engine gx: build great_expectations Data Docs for this run in DIR.":
        "配合 --engine gx:在 DIR 中生成本次运行的 great_expectations Data Docs。",
    "Refuse files larger than this (default 50 MB).": "拒绝读取大于此字节数的文件(默认 50 MB)。",
    "Never show a progress bar.": "不显示进度条。",
    "Also compare figures between the reports (same area, period and metric).": "同时在报告之间比对数字(同一地区、时期和指标)。",
    "Audit on a dask.distributed cluster: a scheduler address, or 'local' for a LocalCluster.":
        "在 dask.distributed 集群上检查:调度器地址,或 local(在本机启动 LocalCluster)。",
    "With --dask: documents per task.": "配合 --dask:每个任务处理的文件数。",
    "With --format parquet: build the tables on a dask.distributed cluster (or 'local') as a partitioned dataset in the --output directory.":
        "配合 --format parquet:在 dask.distributed 集群(或 local)上生成数据表,以分区数据集写入 --output 目录。",
    "With --dask: documents per task (and per part of the dataset).": "配合 --dask:每个任务(即数据集每个分区)处理的文件数。",
    "Only these rules: ids, id prefixes, names, categories or ALL, comma-separated (replaces the config's).":
        "只运行这些规则:编号、编号前缀、名称、类别或 ALL,用逗号分隔(取代配置中的 select)。",
    "Add these rules to the selection.": "在已选规则之外再加上这些规则。",
    "Leave these rules out.": "不运行这些规则。",
    "Print how many findings each rule gave, most first (text or json).": "按规则统计问题数,从多到少(text 或 json)。",
    "Print findings and errors only.": "只输出问题和错误。",
    "Print nothing; the exit status says it all.": "什么都不输出,只看退出码。",
    "Colour the text report (auto honours NO_COLOR, FORCE_COLOR and TERM=dumb).":
        "文本报告是否着色(auto 遵从 NO_COLOR、FORCE_COLOR 和 TERM=dumb)。",
    "The name of the file read from standard input: shown in every format, and its suffix picks the reader.":
        "标准输入的文件名:各种格式都显示这个名字,并按其后缀选择读取方式。",
    "Apply exclude to files named on the command line too.": "命令行上直接给出的文件也按 exclude 排除。",
    "Report `auditor: ignore` markers that silenced nothing (rule AU001, a note).":
        "报告没有屏蔽任何问题的 `auditor: ignore` 标记(规则 AU001,提示级)。",
    "Write to FILE (needed for parquet and xlsx).": "写入 FILE(parquet 和 xlsx 必须指定)。",
    "With csv/parquet: also write the relations table to this file.": "配合 csv/parquet:同时把关系表写入此文件。",
    "Address to listen on (keep it local).": "监听地址(请只在本机使用)。",
    "Port to listen on.": "监听端口。",
    "Largest upload, in MB.": "上传文件的大小上限(MB)。",
    "Open the page in the browser.": "在浏览器中打开页面。",
    "Where to write the suite JSON.": "套件 JSON 的写入位置。",
    # click's own words
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
}

# click's headings and brackets, replaced in the formatted help
FRAME_ZH: tuple[tuple[str, str], ...] = (
    ("Usage:", "用法:"),
    ("Options:", "选项:"),
    ("Commands:", "命令:"),
    ("[default: ", "[默认:"),
    ("[required]", "[必填]"),
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("Show the version and exit.", "显示版本并退出。"),
)

# what users of other tools type, and the option that does it here (None: nothing here does)
ALIASES: dict[str, str | None] = {
    "--output-format": "--format",
    "--output-file": "--output",
    "--exit-zero": "--fail-on never",
    "--no-color": "--color never",
    "--no-colour": "--color never",
    "--colour": "--color",
    "--language": "--lang",
    "--exclude": None,
    "--fix": None,
}


def help_lang(args: Sequence[str]) -> str:
    """zh or en, from --lang on the command line, else the locale."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return "zh" if args[index + 1] == "zh" else "en"
        if arg.startswith("--lang="):
            return "zh" if arg.split("=", 1)[1] == "zh" else "en"
    return locale_lang() or "en"


def translate(text: str | None) -> str | None:
    """The Chinese of a help text, paragraph by paragraph (line breaks in
    docstrings do not matter); untranslated paragraphs stay as they are."""
    if not text:
        return text
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(HELP_ZH.get(p, p) for p in paragraphs)


def frame_zh(text: str) -> str:
    import re

    text = re.sub(r"\[default:\s+", "[默认:", text)
    for english, chinese in FRAME_ZH:
        text = text.replace(english, chinese)
    return text


def suggestion(option: str, known: Iterable[str]) -> str | None:
    """The option meant by a mistyped or foreign one, only when it is close:
    `--formats` → `--format`, `--output-format` → `--format`, `--fix` → none."""
    if option in ALIASES:
        return ALIASES[option]
    close = difflib.get_close_matches(option, [k for k in known if k.startswith("--")], n=1, cutoff=0.8)
    return close[0] if close else None


class LocalisedUsageError(click.UsageError):
    """A usage error told in the help language."""

    def __init__(self, text: str, ctx: click.Context, lang: str) -> None:
        super().__init__(text, ctx)
        self.lang = lang

    def show(self, file=None) -> None:
        if self.lang != "zh":
            return super().show(file)
        ctx = self.ctx
        lines = []
        if ctx is not None:
            lines.append(frame_zh(ctx.get_usage()))
            lines.append(f"运行 '{ctx.command_path} {ctx.help_option_names[0]}' 查看帮助。\n")
        lines.append(f"错误:{self.format_message()}")
        click.echo("\n".join(lines), err=True)


def no_such_option(exc: click.NoSuchOption, command: click.Command, ctx: click.Context, lang: str) -> click.UsageError:
    known = [name for param in command.get_params(ctx) for name in (*param.opts, *param.secondary_opts)]
    meant = suggestion(exc.option_name, known)
    if lang == "zh":
        text = f"没有这个选项:{exc.option_name}" + (f"。是不是要用 {meant}?" if meant else "")
    else:
        text = f"No such option: {exc.option_name}" + (f". Did you mean {meant}?" if meant else "")
    return LocalisedUsageError(text, ctx, lang)


class LocalisedHelp:
    """Mixed into click's Command and Group."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        lang = ctx.meta.setdefault("auditor.help_lang", help_lang(args))
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except click.NoSuchOption as exc:
            raise no_such_option(exc, self, ctx, lang) from None  # type: ignore[arg-type]

    def get_help(self, ctx: click.Context) -> str:
        if ctx.meta.get("auditor.help_lang", help_lang([])) != "zh":
            return super().get_help(ctx)  # type: ignore[misc]
        params = [p for p in self.get_params(ctx) if isinstance(p, click.Option)]  # type: ignore[attr-defined]
        commands = list(getattr(self, "commands", {}).values())
        saved = ([(p, p.help) for p in params], [(c, c.short_help) for c in commands], self.help)  # type: ignore[attr-defined]
        try:
            for param in params:
                param.help = translate(param.help)
            for command in commands:
                command.short_help = translate((command.help or "").split("\n\n")[0])
            self.help = translate(self.help)  # type: ignore[attr-defined]
            return frame_zh(super().get_help(ctx))  # type: ignore[misc]
        finally:
            for param, text in saved[0]:
                param.help = text
            for command, text in saved[1]:
                command.short_help = text
            self.help = saved[2]  # type: ignore[attr-defined]
