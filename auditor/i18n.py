"""Every message the tool itself prints, in Chinese (default) and English.

Rule messages live in the rule pack; these are the rest: input errors,
summaries, labels in reports.
"""

from __future__ import annotations

from dataclasses import dataclass

MESSAGES: dict[str, dict[str, str]] = {
    # input errors, one line each, after the path
    "empty": {"zh": "文件为空", "en": "the file is empty"},
    "binary": {"zh": "不是文本文件(二进制内容)", "en": "not a text file (binary content)"},
    "undecodable": {"zh": "无法识别文件编码", "en": "cannot work out the text encoding"},
    "missing": {"zh": "文件或目录不存在", "en": "no such file or directory"},
    "broken_link": {"zh": "符号链接指向的文件不存在", "en": "a symbolic link to nothing"},
    "symlink_loop": {"zh": "符号链接循环指向自身", "en": "a symbolic link loop"},
    "nothing_to_audit": {"zh": "目录中没有可检查的文件(.txt .md .docx .pdf .html)", "en": "no files to audit in this directory (.txt .md .docx .pdf .html)"},
    "not_regular": {"zh": "不是普通文件(命名管道、设备或套接字),未读取", "en": "not a regular file (a named pipe, device or socket); not read"},
    "unreadable": {"zh": "无法读取:{reason}", "en": "cannot read it: {reason}"},
    "too_large": {"zh": "文件过大({size} 字节,上限 {limit} 字节)", "en": "too large ({size} bytes, the limit is {limit})"},
    "unsupported": {"zh": "不支持的文件类型 {suffix}", "en": "unsupported file type {suffix}"},
    "legacy_word": {
        "zh": "不支持旧版 {suffix} 格式,请先另存为 .docx(Word/WPS:文件 → 另存为),或运行 libreoffice --headless --convert-to docx 文件名",
        "en": "old {suffix} format is not supported; save it as .docx first (Word/WPS: File → Save As) or run libreoffice --headless --convert-to docx FILE",
    },
    "corrupt_docx": {"zh": "不是有效的 .docx 文件(已损坏或被截断):{reason}", "en": "not a valid .docx file (corrupt or truncated): {reason}"},
    "zip_bomb": {"zh": "解压后体积异常({size} 字节),拒绝读取", "en": "expands to an implausible size ({size} bytes); refused"},
    "corrupt_pdf": {"zh": "不是有效的 PDF 文件:{reason}", "en": "not a valid PDF: {reason}"},
    "encrypted_pdf": {"zh": "PDF 已加密,请先解除密码保护", "en": "the PDF is password-protected; remove the password first"},
    "pdf_needs_ocr": {"zh": "PDF 没有文字层(扫描件),需要先进行 OCR 文字识别", "en": "the PDF has no text layer (a scan); it needs OCR first"},
    "internal": {"zh": "检查时出错:{reason}", "en": "internal error while auditing: {reason}"},
    # summaries and labels
    "summary": {
        "zh": "共检查 {files} 个文件,发现 {findings} 个问题(错误 {error},警告 {warning},提示 {info})",
        "en": "{files_phrase} audited, {findings_phrase} ({error_phrase}, {warning_phrase}, {info_phrase})",
    },
    "summary_errors": {"zh": ",{count} 个文件无法读取", "en": "; {count_phrase} could not be read"},
    "summary_baseline": {"zh": ",基线已接受 {count} 个", "en": "; {count} accepted by the baseline"},
    "summary_suppressed": {"zh": ",行内忽略 {count} 个", "en": "; {count} suppressed inline"},
    "no_findings": {"zh": "未发现问题", "en": "no findings"},
    "error": {"zh": "错误", "en": "error"},
    "warning": {"zh": "警告", "en": "warning"},
    "info": {"zh": "提示", "en": "note"},
    "baseline_written": {"zh": "已写入基线 {path}({count} 个问题)", "en": "baseline written to {path} ({count_phrase})"},
    "rulepack_error": {"zh": "规则包有误:{reason}", "en": "rule pack error: {reason}"},
    "config_error": {"zh": "配置有误:{reason}", "en": "configuration error: {reason}"},
    "baseline_error": {"zh": "基线文件有误:{reason}", "en": "baseline file error: {reason}"},
    "reference_error": {"zh": "参考表有误:{reason}", "en": "reference table error: {reason}"},
    "output_is_input": {"zh": "不会覆盖被检查的文件", "en": "refusing to overwrite a file being audited"},
    "gx_default_only": {"zh": "{option} 只能与默认引擎一起使用,不能与 --engine gx 同用", "en": "{option} works with the default engine, not with --engine gx"},
    "data_docs_needs_gx": {"zh": "--data-docs 需要 --engine gx", "en": "--data-docs needs --engine gx"},
    "disabled": {"zh": "(已停用)", "en": "(disabled)"},
    "config_file": {"zh": "配置文件:", "en": "config file:"},
    "no_config_file": {"zh": "(无配置文件)", "en": "(no config file)"},
    "unknown_selector": {"zh": "{where}:{selector} 不是规则编号、编号前缀、规则名称或类别", "en": "{where}: {selector} is not a rule id, id prefix, rule name or category"},
    "selection_error": {"zh": "规则选择有误:{reason}", "en": "rule selection error: {reason}"},
    "figures_not_held": {"zh": "--figures:{format} 格式无法包含数据表,已忽略(json、csv、xlsx 可以)", "en": "--figures: the {format} format cannot hold the figures table; ignored (json, csv and xlsx can)"},
    "statistics_formats": {"zh": "--statistics 只能用于 text 或 json 格式", "en": "--statistics works with the text and json formats only"},
    "unused_suppression": {"zh": "“auditor: ignore{names}”没有屏蔽任何问题", "en": "“auditor: ignore{names}” silenced nothing"},
    "format_needs_output": {"zh": "{format} 格式需要 --output 文件", "en": "the {format} format needs --output FILE"},
    # outputs refused before the audit starts (auditor/output.py)
    "output_is_audited_file": {"zh": "{where}:不会覆盖被检查的文件", "en": "{where}: refusing to overwrite a file being audited"},
    "output_is_given_file": {"zh": "{where}:不会覆盖 {option} 给出的输入文件", "en": "{where}: refusing to overwrite the input file given by {option}"},
    "output_is_dir": {"zh": "{where}:是目录,不能写入报告", "en": "{where}: is a directory, not a file to write"},
    "output_no_dir": {"zh": "{where}:目录 {directory} 不存在", "en": "{where}: the directory {directory} does not exist"},
    "output_not_writable": {"zh": "{where}:无法写入({reason})", "en": "{where}: cannot write it ({reason})"},
    "interrupted": {"zh": "已中断", "en": "interrupted"},
    # reasons inside those errors (rule packs, config, baseline, reference table)
    "no_such_file": {"zh": "{where}:文件不存在", "en": "{where}: no such file"},
    "pack_not_dir": {"zh": "{where}:不是规则目录", "en": "{where}: not a directory of rule files"},
    "pack_empty": {"zh": "{where}:目录中没有 .yaml 规则文件", "en": "{where}: no .yaml rule files"},
    "pack_unknown_id": {"zh": "{where}:没有编号为 {rule} 的规则", "en": "{where}: unknown rule id {rule}"},
    "pack_bad_severity": {"zh": "{where}:规则 {rule} 的级别只能是 error、warning 或 info,而不是 {value}", "en": "{where}: rule {rule}: severity must be error, warning or info, not {value}"},
    "pack_bad_yaml": {"zh": "{where}:YAML 格式有误{line}", "en": "{where}: invalid YAML{line}"},
    "pack_not_mapping": {"zh": "{where}:应为含 rules、vocabulary 或 disable 的映射", "en": "{where}: expected a mapping with rules, vocabulary or disable"},
    "pack_missing_keys": {"zh": "{where}:规则 {rule} 缺少 {keys}", "en": "{where}: rule {rule} lacks {keys}"},
    "pack_bad_category": {"zh": "{where}:规则 {rule} 的类别 {value} 不存在", "en": "{where}: rule {rule}: unknown category {value}"},
    "pending_revisions": {"zh": "文件含有 {count} 处未处理的修订,已按全部接受后的文本检查", "en": "the file has {count} pending tracked changes; audited as if all were accepted"},
    "no_such_rule": {"zh": "没有编号或名称为 {rule} 的规则(全部见 auditor rules)", "en": "no rule with the id or name {rule} (see auditor rules)"},
    "pack_bad_vocabulary_pattern": {"zh": "{where}:词表 {name} 中的正则表达式 {value} 有误:{reason}", "en": "{where}: vocabulary {name}: bad regular expression {value}: {reason}"},
    "pack_invalid_file": {"zh": "{where}:{reason}", "en": "{where}: {reason}"},
    "pack_invalid": {"zh": "{where}:规则 {rule}:{reason}", "en": "{where}: rule {rule}: {reason}"},
    "pack_bad_params": {"zh": "{where}:规则 {rule} 的参数有误:{reason}", "en": "{where}: rule {rule}: bad params: {reason}"},
    "pack_unknown_check": {"zh": "{where}:规则 {rule} 的检查 {value} 不存在(最接近的是 {hint};全部见 auditor rules)",
                           "en": "{where}: rule {rule}: unknown check {value} (nearest: {hint}; see auditor rules)"},
    "pack_bad_placeholder": {"zh": "{where}:规则 {rule} 的说明中的 {{{value}}} 无法填写(可用:{known})",
                             "en": "{where}: rule {rule}: the message asks for {{{value}}}, which the check does not give (it gives: {known})"},
    "pack_bad_language": {"zh": "{where}:规则 {rule} 的 {key} 只能有 zh、en,而不是 {value}", "en": "{where}: rule {rule}: {key} may only have zh and en, not {value}"},
    "pack_not_utf8": {"zh": "{where}:不是 UTF-8 编码的文件,请另存为 UTF-8", "en": "{where}: not UTF-8; save the file as UTF-8"},
    "pack_not_file": {"zh": "{where}:不是文件", "en": "{where}: not a file"},
    "pack_unreadable": {"zh": "{where}:无法读取:{reason}", "en": "{where}: cannot read it: {reason}"},
    "pack_alias": {"zh": "{where}:第 {line} 行使用了 YAML 别名(*名称),规则包中不支持", "en": "{where}: line {line}: YAML aliases (*name) are not supported in rule packs"},
    "notice_unknown_disable": {"zh": "{where}:要停用的规则 {rule} 不存在,已忽略", "en": "{where}: no rule {rule} to disable; ignored"},
    "notice_unknown_ignore": {"zh": "第 {line} 行的忽略注释中,“{name}”不是规则编号、规则名或类别", "en": "line {line}: “{name}” in the ignore comment is not a rule id, rule name or category"},
    "pack_needs_both": {"zh": "{where}:规则 {rule} 的说明需要中文(zh)和英文(en)两种", "en": "{where}: rule {rule}: message needs both zh and en"},
    "config_bad_toml": {"zh": "{where}:TOML 格式有误:{reason}", "en": "{where}: invalid TOML: {reason}"},
    "config_unknown_key": {"zh": "{where}:未知的配置项 {key}(可用:{known})", "en": "{where}: unknown key {key} (known: {known})"},
    "config_bad_type": {"zh": "{where}:{key} 应为 {kind}", "en": "{where}: {key} must be a {kind}"},
    "config_bad_choice": {"zh": "{where}:{key} 只能是 {choices}", "en": "{where}: {key} must be one of {choices}"},
    "baseline_not_json": {"zh": "{where}:不是基线文件({reason})", "en": "{where}: not a baseline file ({reason})"},
    "baseline_bad_version": {"zh": "{where}:不是第 {version} 版基线文件", "en": "{where}: not a version {version} baseline file"},
    "reference_unreadable": {"zh": "{where}:无法读取表格({reason})", "en": "{where}: cannot read the table ({reason})"},
    "reference_columns": {"zh": "{where}:缺少列 {columns}(须有 metric、value;可有 subject、unit、tolerance)", "en": "{where}: missing column {columns} (needs metric, value; may have subject, unit, tolerance)"},
    "reference_out_of_range": {"zh": "{where}:第 {row} 行的 {key} 值 {value} 超出范围", "en": "{where}: row {row}: {key} {value} is out of range"},
    "baseline_bad_key": {"zh": "{where}:第 {index} 条记录的 key 应为字符串", "en": "{where}: entry {index}: key must be a string"},
    "reference_not_number": {"zh": "{where}:第 {row} 行的 {key} 值 {value} 不是数字", "en": "{where}: row {row}: {key} {value} is not a number"},
    "dask_missing": {"zh": "--dask 需要 dask[distributed]:pip install 'auditor[dask]'", "en": "--dask needs dask[distributed]: pip install 'auditor[dask]'"},
    "dask_unreachable": {"zh": "无法连接 Dask 调度器 {address}", "en": "cannot reach the Dask scheduler at {address}"},
    "dask_parquet_only": {"zh": "--dask 只能与 --format parquet 一起使用(--output 为数据集目录)", "en": "--dask works with --format parquet only (--output is the dataset directory)"},
    "gx_missing": {"zh": "需要 great-expectations:pip install 'auditor[gx]'", "en": "needs great-expectations: pip install 'auditor[gx]'"},
    "html_title": {"zh": "数据质量审核报告", "en": "Data-quality audit report"},
    "category": {"zh": "类别", "en": "Category"},
    "severity": {"zh": "级别", "en": "Severity"},
    "file": {"zh": "文件", "en": "File"},
    "location": {"zh": "位置", "en": "Location"},
    "rule": {"zh": "规则", "en": "Rule"},
    "message": {"zh": "说明", "en": "Message"},
    "excerpt": {"zh": "原文", "en": "Excerpt"},
    "all": {"zh": "全部", "en": "All"},
    "count": {"zh": "数量", "en": "Count"},
    "loc_paragraph": {"zh": "第{paragraph}段", "en": "paragraph {paragraph}"},
    "loc_table": {"zh": "表{table}第{row}行第{cell}列", "en": "table {table}, row {row}, cell {cell}"},
    "loc_page": {"zh": "第{page}页第{line}行", "en": "page {page}, line {line}"},
    "loc_source": {"zh": "源文件第{line}行第{column}列", "en": "source line {line}, column {column}"},
    "serve_pasted_name": {"zh": "粘贴的文本.txt", "en": "pasted-text.txt"},
    "serve_too_large": {"zh": "上传内容过大(上限 {limit})", "en": "the upload is too large (the limit is {limit})"},
    "serve_bad_upload": {"zh": "无法读取上传的内容", "en": "cannot read the upload"},
    "serve_nothing": {"zh": "请选择文件或粘贴文本", "en": "choose a file or paste some text"},
    "serve_gone": {"zh": "下载已过期,请重新检查", "en": "this download has expired; run the check again"},
    "serve_listening": {"zh": "审核页面已打开:{url}(按 Ctrl+C 退出)", "en": "the audit page is at {url} (Ctrl+C to stop)"},
    "serve_missing": {"zh": "需要 starlette 和 uvicorn:pip install 'auditor[serve]'", "en": "needs starlette and uvicorn: pip install 'auditor[serve]'"},
    "figures_sheet": {"zh": "数据", "en": "figures"},
    "relations_sheet": {"zh": "关系", "en": "relations"},
    "findings_sheet": {"zh": "问题", "en": "findings"},
}

CATEGORY_NAMES: dict[str, dict[str, str]] = {
    "placeholder": {"zh": "占位未填", "en": "placeholder"},
    "rate_bound": {"zh": "比率越界", "en": "rate bound"},
    "ratio": {"zh": "比率计算", "en": "ratio"},
    "sum": {"zh": "分项合计", "en": "sum"},
    "change": {"zh": "增减幅度", "en": "change"},
    "direction": {"zh": "增减方向", "en": "direction"},
    "respectively": {"zh": "分别对应", "en": "respectively"},
    "count": {"zh": "数目列举", "en": "count"},
    "numbering": {"zh": "序号", "en": "numbering"},
    "date": {"zh": "日期", "en": "date"},
    "residue": {"zh": "残留内容", "en": "residue"},
    "conflict": {"zh": "前后矛盾", "en": "conflict"},
    "other": {"zh": "其他", "en": "other"},
    "share": {"zh": "占比计算", "en": "share"},
    "grim": {"zh": "样本比率", "en": "rate of a sample"},
    "points": {"zh": "百分点", "en": "percentage points"},
    "unit": {"zh": "计量单位", "en": "unit"},
}


@dataclass(frozen=True)
class Localised:
    """A value to put into a message that itself exists in both languages."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.en


class UserError(Exception):
    """An error in what the user gave us (a rule pack, a config file …), told in their language."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(message(code, "en", **params))
        self.code = code
        self.params = params

    def text(self, lang: str) -> str:
        return message(self.code, lang, **{k: getattr(v, lang) if isinstance(v, Localised) else v for k, v in self.params.items()})


def message(code: str, lang: str, /, **params: object) -> str:
    entry = MESSAGES[code]
    template = entry.get(lang) or entry["zh"]
    return template.format(**params)


ENGLISH_NOUNS = {"files": ("file", "files"), "findings": ("finding", "findings"), "error": ("error", "errors"),
                 "warning": ("warning", "warnings"), "info": ("note", "notes")}


def counted_noun(count: int, noun: str, lang: str) -> str:
    """`1 file`, `2 files` in English; the bare number in Chinese (the template has the measure word)."""
    if lang != "en":
        return str(count)
    singular, plural = ENGLISH_NOUNS[noun]
    return f"{count} {singular if count == 1 else plural}"


def category_name(category: str, lang: str) -> str:
    return CATEGORY_NAMES.get(category, {}).get(lang, category)
