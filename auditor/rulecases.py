"""Rule cases: for each rule, texts it must flag and traps it must leave alone.

One YAML file per rule, `tests/rule_cases/<RULE_ID>.yaml` (installed with the
package as `auditor.rule_cases`), read by the test runner and by
`auditor rules ID`, which shows a failing and a passing example from it:

    rule: RT001
    fail:
      - text: "应接种66775人次,实际接种65127人次,接种率为97.66%。"
        expect:
          - span: "97.66%"
            message: "接种率97.66%与65127/66775=97.53%不符"   # optional
            severity: error                                  # optional
    pass:
      - "接种率达100%。"
      - text: "…"
        note: why this is fine

Any case may also give `params` (overrides of this rule's params), `lang`
(the language `message` is written in), `path` (the file name the text is
audited under, for rules that depend on it) and, for the rules between
reports (--across), `others`: the other reports audited with it, each
`{path, text}`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import msgspec

# structural validation of the case files: an unknown key is a typo, not a silent no-op


class ExpectedFinding(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    span: str
    message: str | None = None
    severity: str | None = None


class OtherDocument(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    path: str
    text: str


class _Case(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    text: str
    expect: tuple[ExpectedFinding, ...] = ()
    note: str = ""
    params: dict[str, Any] = {}
    lang: str = "zh"
    path: str = "case.txt"
    others: tuple[OtherDocument, ...] = ()


class _CaseFile(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    rule: str
    fail: tuple[_Case, ...] = ()
    # `pass` is a Python keyword
    passing: tuple[_Case | str, ...] = msgspec.field(default=(), name="pass")


@dataclass(frozen=True)
class RuleCase:
    rule: str
    kind: str  # "fail" or "pass"
    number: int  # 1-based within its kind, for test ids
    text: str
    expect: tuple[ExpectedFinding, ...]
    note: str
    params: dict[str, Any]
    lang: str
    path: str
    others: tuple[OtherDocument, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.kind}-{self.number}"


class RuleCaseError(ValueError):
    pass


def parse_case_file(name: str, text: str) -> list[RuleCase]:
    import yaml

    try:
        raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        data = msgspec.convert(raw, _CaseFile)
    except (yaml.YAMLError, msgspec.ValidationError) as exc:
        raise RuleCaseError(f"{name}: {exc}") from None
    cases: list[RuleCase] = []
    for kind, entries in (("fail", data.fail), ("pass", data.passing)):
        for number, entry in enumerate(entries, start=1):
            case = _Case(text=entry) if isinstance(entry, str) else entry
            if kind == "fail" and not case.expect:
                raise RuleCaseError(f"{name}: fail case {number} expects no finding")
            if kind == "pass" and case.expect:
                raise RuleCaseError(f"{name}: pass case {number} expects findings")
            cases.append(RuleCase(data.rule, kind, number, case.text, case.expect, case.note,
                                  dict(case.params), case.lang, case.path, case.others))
    return cases


def case_files() -> dict[str, str]:
    """Rule id → the YAML text of its case file, for every file installed."""
    root = resources.files("auditor.rule_cases")
    return {
        entry.name.removesuffix(".yaml"): entry.read_text(encoding="utf-8")
        for entry in sorted(root.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    }


def load_cases(rule_id: str | None = None) -> list[RuleCase]:
    cases: list[RuleCase] = []
    for name, text in case_files().items():
        if rule_id is None or name == rule_id:
            cases.extend(parse_case_file(f"{name}.yaml", text))
    return cases
