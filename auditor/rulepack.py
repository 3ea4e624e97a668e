"""Load the rule pack: YAML files in `rules/`, then the user's packs on top.

A pack file may hold:

    rules:        a list of rules (id, name, category, severity, check,
                  description {zh, en}, message {zh, en}, params)
    vocabulary:   named word lists shared by the checks (lists are extended)
    disable:      ids of rules to switch off

A rule in a user pack whose id already exists is merged into it: the keys it
gives replace the built-in ones (`params` key by key), so a one-line entry
`{id: RB001, severity: warning}` is enough to change a severity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.i18n import UserError

CATEGORIES = (
    "placeholder", "rate_bound", "ratio", "sum", "change", "direction", "respectively",
    "count", "numbering", "date", "residue", "conflict", "other",
)
SEVERITIES = ("error", "warning", "info")


class RulePackError(UserError):
    """A rule pack that cannot be used."""


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: str
    check: str
    description: dict[str, str]
    message: dict[str, str]
    params: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    source: str = ""


@dataclass(frozen=True)
class RulePack:
    rules: tuple[Rule, ...]
    vocabulary: dict[str, tuple[str, ...]]

    def enabled(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.enabled)

    def words(self, name: str) -> tuple[str, ...]:
        return self.vocabulary.get(name, ())


def builtin_files() -> list[tuple[str, str]]:
    root = resources.files("auditor.builtin_rules")
    files = sorted((entry.name, entry.read_text(encoding="utf-8")) for entry in root.iterdir() if entry.name.endswith(".yaml"))
    return [(f"rules/{name}", text) for name, text in files]


def user_files(directory: Path) -> list[tuple[str, str]]:
    if not directory.is_dir():
        raise RulePackError("pack_not_dir", where=directory)
    found = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml"))
    if not found:
        raise RulePackError("pack_empty", where=directory)
    return [(str(p), p.read_text(encoding="utf-8")) for p in found]


def load_rulepack(
    user_dirs: list[Path] | tuple[Path, ...] = (),
    disable: list[str] | tuple[str, ...] = (),
    severity: dict[str, str] | None = None,
    params: dict[str, dict[str, Any]] | None = None,
) -> RulePack:
    """Built-in pack, then each user pack in order, then config overrides."""
    rules: dict[str, Rule] = {}
    vocabulary: dict[str, list[str]] = {}
    sources = builtin_files()
    for directory in user_dirs:
        sources += user_files(Path(directory))
    for source, text in sources:
        _apply_file(source, text, rules, vocabulary)
    for rule_id in disable:
        _require(rules, rule_id, "disable")
        rules[rule_id] = replace(rules[rule_id], enabled=False)
    for rule_id, level in (severity or {}).items():
        _require(rules, rule_id, "severity")
        rules[rule_id] = replace(rules[rule_id], severity=_severity(level, rule_id))
    for rule_id, values in (params or {}).items():
        _require(rules, rule_id, "params")
        rules[rule_id] = replace(rules[rule_id], params={**rules[rule_id].params, **values})
    ordered = tuple(sorted(rules.values(), key=lambda r: r.id))
    return RulePack(ordered, {k: tuple(v) for k, v in vocabulary.items()})


def _require(rules: dict[str, Rule], rule_id: str, what: str) -> None:
    if rule_id not in rules:
        raise RulePackError("pack_unknown_id", where=what, rule=rule_id)


def _severity(level: str, rule_id: str) -> str:
    if level not in SEVERITIES:
        raise RulePackError("pack_bad_severity", rule=rule_id, value=level)
    return level


def _apply_file(source: str, text: str, rules: dict[str, Rule], vocabulary: dict[str, list[str]]) -> None:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise RulePackError("pack_bad_yaml", where=source, line=where) from None
    if not isinstance(data, dict):
        raise RulePackError("pack_not_mapping", where=source)
    for name, words in (data.get("vocabulary") or {}).items():
        if not isinstance(words, list):
            raise RulePackError("pack_vocabulary_list", where=source, name=name)
        vocabulary.setdefault(name, []).extend(str(w) for w in words if str(w) not in vocabulary.get(name, []))
    for entry in data.get("rules") or []:
        rule = _rule(source, entry, rules.get(entry.get("id", "") if isinstance(entry, dict) else ""))
        rules[rule.id] = rule
    for rule_id in data.get("disable") or []:
        _require(rules, rule_id, f"{source}: disable")
        rules[rule_id] = replace(rules[rule_id], enabled=False)


def _rule(source: str, entry: Any, base: Rule | None) -> Rule:
    if not isinstance(entry, dict) or "id" not in entry:
        raise RulePackError("pack_no_id", where=source)
    rule_id = str(entry["id"])
    if base is not None:
        merged_params = {**base.params, **(entry.get("params") or {})}
        changes = {k: entry[k] for k in ("name", "category", "severity", "check", "enabled") if k in entry}
        for key in ("description", "message"):
            if key in entry:
                changes[key] = {**getattr(base, key), **entry[key]}
        rule = replace(base, params=merged_params, source=source, **changes)
    else:
        missing = [k for k in ("category", "severity", "check", "message") if k not in entry]
        if missing:
            raise RulePackError("pack_missing_keys", where=source, rule=rule_id, keys=", ".join(missing))
        rule = Rule(
            id=rule_id,
            name=str(entry.get("name", rule_id)),
            category=str(entry["category"]),
            severity=str(entry["severity"]),
            check=str(entry["check"]),
            description=dict(entry.get("description") or {}),
            message=dict(entry["message"]),
            params=dict(entry.get("params") or {}),
            enabled=bool(entry.get("enabled", True)),
            source=source,
        )
    if rule.category not in CATEGORIES:
        raise RulePackError("pack_bad_category", where=source, rule=rule_id, value=rule.category)
    _severity(rule.severity, rule_id)
    if rule.check == "pattern":
        for expression in rule.params.get("patterns", []):
            try:
                re.compile(expression)
            except re.error as exc:
                raise RulePackError("pack_bad_pattern", where=source, rule=rule_id, value=expression, reason=exc) from None
    for lang in ("zh", "en"):
        if lang not in rule.message:
            raise RulePackError("pack_needs_both", where=source, rule=rule_id)
    return rule
