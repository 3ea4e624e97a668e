"""What `auditor rules` prints and docs/rules.md holds, from one source: the
rule pack (what a rule checks, why it matters, its params) and the rule cases
(a failing and a passing example). Nothing here is written by hand twice."""

from __future__ import annotations

import unicodedata
from typing import Any

import msgspec

from auditor.i18n import category_name, message
from auditor.rulecases import RuleCase, load_cases
from auditor.rulepack import Rule, RulePack

LABELS = {
    "zh": {"id": "编号", "name": "名称", "category": "类别", "severity": "级别", "description": "检查内容",
           "what": "检查什么", "why": "为什么重要", "fail": "会报告(反例)", "pass": "不会报告(正例)",
           "params": "参数", "none": "(无)", "default": "默认", "now": "当前", "message": "提示语",
           "check": "检查", "disabled": "(已停用)", "source": "定义于", "finding": "报告"},
    "en": {"id": "id", "name": "name", "category": "category", "severity": "severity", "description": "what it finds",
           "what": "What it checks", "why": "Why it matters", "fail": "Flagged (anti-pattern)", "pass": "Not flagged (best practice)",
           "params": "Params", "none": "(none)", "default": "default", "now": "now", "message": "Message",
           "check": "Check", "disabled": "(disabled)", "source": "defined in", "finding": "finding"},
}


def display_width(text: str) -> int:
    """Columns a terminal gives the text: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def rule_table(pack: RulePack, lang: str) -> str:
    """Every rule, one line each, columns aligned by display width, with a header."""
    label = LABELS[lang]
    rows = [[label["id"], label["name"], label["category"], label["severity"], label["description"]]]
    for rule in pack.rules:
        state = "" if rule.enabled else " " + label["disabled"]
        rows.append([rule.id, rule.name, category_name(rule.category, lang), message(rule.severity, lang),
                     rule.text("description", lang) + state])
    widths = [max(display_width(row[i]) for row in rows) for i in range(4)]
    return "\n".join("  ".join(pad(cell, widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4] for row in rows) + "\n"


def find_rule(pack: RulePack, name: str) -> Rule | None:
    """A rule by id (any case) or by name."""
    return next((r for r in pack.rules if r.id.lower() == name.lower() or r.name == name), None)


def param_lines(rule: Rule, lang: str) -> list[str]:
    from auditor.checks import registry

    check = registry().get(rule.check)
    label = LABELS[lang]
    lines = []
    for info in msgspec.structs.fields(check.params):
        default = info.default if info.default is not msgspec.NODEFAULT else None
        now = rule.params.get(info.name)
        line = f"{info.name}: {label['default']} {_shown(default)}"
        if now != default:
            line += f"; {label['now']} {_shown(now)}"
        lines.append(line)
    return lines


def _shown(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def examples(rule: Rule) -> tuple[RuleCase | None, RuleCase | None]:
    cases = load_cases(rule.id)
    failing = next((c for c in cases if c.kind == "fail" and not c.params and c.lang == "zh"), None)
    passing = next((c for c in cases if c.kind == "pass" and not c.params), None)
    return failing, passing


def example_messages(rule: Rule, case: RuleCase, lang: str) -> list[str]:
    """What the auditor says on a failing example, in `lang`: run live on a
    text case, as recorded for a case that needs more than one text."""
    from auditor.audit import audit_document
    from auditor.read import Document
    from auditor.rulepack import load_rulepack

    if case.path.endswith((".txt", ".md")) and not getattr(case, "others", ()):
        _, found, _ = audit_document(Document(case.path, case.text, "utf-8"), load_rulepack(), lang)
        said = [f.message for f in found if f.rule == rule.id]
        if said:
            return said
    return [e.message for e in case.expect if e.message]


def explain(rule: Rule, lang: str) -> str:
    """`auditor rules ID`: one rule, as a writer or a CI maintainer needs it."""
    label = LABELS[lang]
    failing, passing = examples(rule)
    state = "" if rule.enabled else " " + label["disabled"]
    out = [f"{rule.id} {rule.name} · {category_name(rule.category, lang)} · {message(rule.severity, lang)}{state}", ""]
    out += [f"{label['what']}: {rule.text('description', lang)}", f"{label['why']}: {rule.text('rationale', lang)}", ""]
    if failing is not None:
        out.append(f"{label['fail']}:")
        out.append(f"    {_one_line(failing.text)}")
        out += [f"    → {line}" for line in example_messages(rule, failing, lang)]
    if passing is not None:
        out.append(f"{label['pass']}:")
        out.append(f"    {_one_line(passing.text)}")
    out += ["", f"{label['params']}:"]
    out += [f"    {line}" for line in param_lines(rule, lang)] or [f"    {label['none']}"]
    out += ["", f"{label['message']}: {rule.text('message', lang)}", f"{label['check']}: {rule.check} · {label['source']} {rule.source}"]
    return "\n".join(out) + "\n"


def _one_line(text: str) -> str:
    return text.replace("\n", " ⏎ ")


def rules_markdown(pack: RulePack, lang: str = "en") -> str:
    """docs/rules.md: the rule table and one section per rule with its
    anti-pattern (a failing case) and best practice (a passing case)."""
    label = LABELS[lang]
    out = ["# Rules", "", "Generated from the rule pack and the rule cases by `auditor rules --format markdown`;"
           " `auditor rules ID` prints one rule in the terminal.", "",
           f"| {label['id']} | {label['name']} | {label['category']} | {label['severity']} | {label['description']} |",
           "| --- | --- | --- | --- | --- |"]
    out += [f"| [{r.id}](#{r.id.lower()}) | {r.name} | {r.category} | {r.severity} | {_cell(r.text('description', lang))} |"
            for r in pack.rules]
    for rule in pack.rules:
        failing, passing = examples(rule)
        out += ["", f"## {rule.id}", "", f"**{rule.name}** · {rule.category} · {rule.severity}", "",
                rule.text("description", lang), "", f"{label['why']}: {rule.text('rationale', lang)}"]
        if failing is not None:
            out += ["", f"{label['fail']}:", "", "```", failing.text, "```"]
            out += [f"→ {line}" for line in example_messages(rule, failing, lang)]
        if passing is not None:
            out += ["", f"{label['pass']}:", "", "```", passing.text, "```"]
        params = param_lines(rule, lang)
        out += ["", f"{label['params']}: " + ("; ".join(f"`{p}`" for p in params) if params else label["none"])]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
