"""Load the rule pack: YAML files in `rules/`, then the user's packs on top,
then the config's overrides; every rule validated before anything runs.

A pack file may hold:

    rules:        a list of rules (id, name, category, severity, check,
                  description {zh, en}, rationale {zh, en}, message {zh, en},
                  params, enabled)
    vocabulary:   named word lists shared by the checks (lists are extended)
    disable:      ids of rules to switch off

A rule in a user pack whose id already exists is merged into it: the keys it
gives replace the built-in ones (`params` key by key), so a one-line entry
`{id: RB001, severity: warning}` is enough to change a severity.

Validation at load, each failure one line naming the file and the rule: an
unknown key in a file or a rule, a value of the wrong type (`enabled: 'no'`,
`params` as a list), an unknown `check` (with the nearest name), params the
check does not declare or of the wrong type (`may_exced`), a message
placeholder the check cannot fill (`{phrse}`), YAML aliases (a pack is small
and written by hand; aliases are how a few hundred bytes expand to gigabytes).
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import msgspec

from auditor import recache
from auditor.i18n import Localised, UserError

CATEGORIES = (
    "placeholder", "rate_bound", "ratio", "sum", "change", "direction", "respectively",
    "count", "numbering", "date", "residue", "conflict", "other", "share", "grim", "points", "unit",
)
SEVERITIES = ("error", "warning", "info")
LANGUAGES = ("zh", "en")


def _yaml():
    """PyYAML and its fastest safe loader, imported when a text is read (a start
    whose pack data is cached, auditor.recache, does without: 5 ms)."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    params: dict[str, Any] = field(default_factory=dict)  # validated, defaults filled in
    enabled: bool = True
    source: str = ""
    rationale: dict[str, str] = field(default_factory=dict)
    options: Any = None  # the check's typed Params, as validated

    def text(self, key: str, lang: str) -> str:
        """description, rationale or message in `lang`, else in Chinese."""
        values = getattr(self, key)
        return values.get(lang) or values.get("zh", "")


@dataclass(frozen=True)
class RulePack:
    rules: tuple[Rule, ...]
    vocabulary: dict[str, tuple[str, ...]]
    notices: tuple[tuple[str, dict[str, str]], ...] = ()  # (message code, params): warnings worth a line

    def enabled(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.enabled)

    def words(self, name: str) -> tuple[str, ...]:
        return self.vocabulary.get(name, ())

    def get(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def names(self) -> set[str]:
        """Everything a suppression or a selection may name: ids, names, categories."""
        return {r.id for r in self.rules} | {r.name for r in self.rules} | set(CATEGORIES)


# --- the shape of a pack file ---------------------------------------------------------------


class _RuleEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    id: str
    name: str | None = None
    category: str | None = None
    severity: str | None = None
    check: str | None = None
    description: dict[str, str] | None = None
    rationale: dict[str, str] | None = None
    message: dict[str, str] | None = None
    params: dict[str, Any] | None = None
    enabled: bool | None = None


class _PackFile(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    rules: list[_RuleEntry] = []
    vocabulary: dict[str, list[str]] = {}
    disable: list[str] = []


@dataclass
class _Draft:
    """A rule while the packs are merged; `sources` says where each part came from."""

    fields: dict[str, Any]
    params: dict[str, Any]
    source: str
    param_sources: dict[str, str]


# --- reading files ---------------------------------------------------------------------------


def builtin_files() -> list[tuple[str, str]]:
    directory = _builtin_directory()
    if directory is not None:  # installed as files, as pip does: read without importlib.resources (5 ms to import)
        names = sorted(name for name in os.listdir(directory) if name.endswith(".yaml"))
        files = [(name, Path(directory, name).read_text(encoding="utf-8")) for name in names]
    else:
        from importlib import resources

        root = resources.files("auditor.builtin_rules")
        files = sorted((entry.name, entry.read_text(encoding="utf-8")) for entry in root.iterdir() if entry.name.endswith(".yaml"))
    return [(f"rules/{name}", text) for name, text in files]


def _builtin_directory() -> str | None:
    """The directory of the built-in pack, where it is one directory of files."""
    try:
        spec = importlib.util.find_spec("auditor.builtin_rules")
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    return locations[0] if len(locations) == 1 and os.path.isdir(locations[0]) else None


def user_files(directory: Path) -> list[tuple[str, str]]:
    if not directory.is_dir():
        raise RulePackError("pack_not_dir", where=directory)
    found = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml"))
    if not found:
        raise RulePackError("pack_empty", where=directory)
    files = []
    for path in found:
        if not path.is_file():
            raise RulePackError("pack_not_file", where=path)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise RulePackError("pack_not_utf8", where=path) from None
        except OSError as exc:
            raise RulePackError("pack_unreadable", where=path, reason=exc.strerror or exc) from None
        _refuse_aliases(str(path), text)
        files.append((str(path), text))
    return files


def _refuse_aliases(source: str, text: str) -> None:
    yaml, loader = _yaml()
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                raise RulePackError("pack_alias", where=source, line=mark.line + 1 if mark else "?")
    except yaml.YAMLError:
        pass  # reported with its line when the file is loaded


def _parse(source: str, text: str) -> _PackFile:
    data = _load_yaml(source, text)
    if data is None:
        return _PackFile()
    if not isinstance(data, dict):
        raise RulePackError("pack_not_mapping", where=source)
    try:
        return msgspec.convert(data, _PackFile)
    except msgspec.ValidationError as exc:
        rule = _rule_at(data, str(exc))
        if rule is None:
            raise RulePackError("pack_invalid_file", where=source, reason=explain(exc)) from None
        raise RulePackError("pack_invalid", where=source, rule=rule, reason=explain(exc)) from None


def _load_yaml(source: str, text: str):
    """The YAML text's data. The command keeps it between runs (auditor.recache),
    for the PyYAML installed then: reading the built-in pack's YAML is 8 ms of
    every start."""
    kind = _yaml_kind()
    data = recache.recall_data(kind, text) if kind else None
    if data is None:
        yaml, loader = _yaml()
        try:
            data = yaml.load(text, Loader=loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 1})" if mark else ""
            raise RulePackError("pack_bad_yaml", where=source, line=where) from None
        if kind:
            recache.keep_data(kind, text, data)
    return data


@lru_cache(maxsize=1)
def _yaml_kind() -> str:
    """Which PyYAML reads the texts (where it is installed, the size and time of
    its files), without importing it; '' when it cannot be told."""
    try:
        spec = importlib.util.find_spec("yaml")
        stamps = [spec.origin]
        for name in ("__init__.py", "constructor.py", "resolver.py"):
            stat = os.stat(os.path.join(os.path.dirname(spec.origin), name))
            stamps.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    except (ImportError, AttributeError, TypeError, ValueError, OSError):
        return ""
    return "yaml|" + "|".join(stamps)


def _rule_at(data: dict, error: str) -> str | None:
    """The id of the rule a validation error points into ($.rules[3]…), if it has one."""
    match = re.search(r"\$\.rules\[(\d+)\]", error)
    if match and isinstance(data.get("rules"), list):
        entry = data["rules"][int(match.group(1))]
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            return entry["id"]
    return None


_UNKNOWN_FIELD_RE = re.compile(r"Object contains unknown field `([^`]*)`")
_EXPECTED_RE = re.compile(r"Expected `([^`]*)`, got `([^`]*)`")
_MISSING_RE = re.compile(r"Object missing required field `([^`]*)`")
_AT_RE = re.compile(r" - at `\$\.?([^`]*)`")


def explain(exc: Exception) -> Localised:
    """A validation error in both languages."""
    text = str(exc)
    at = _AT_RE.search(text)
    where_zh = f"(位置 {at.group(1)})" if at and at.group(1) else ""
    where_en = f" (at {at.group(1)})" if at and at.group(1) else ""
    if match := _UNKNOWN_FIELD_RE.search(text):
        return Localised(f"未知的键“{match.group(1)}”{where_zh}", f"unknown key “{match.group(1)}”{where_en}")
    if match := _EXPECTED_RE.search(text):
        expected = match.group(1).removesuffix(" | null")
        return Localised(f"应为 {expected},实为 {match.group(2)}{where_zh}",
                         f"expected {expected}, got {match.group(2)}{where_en}")
    if match := _MISSING_RE.search(text):
        return Localised(f"缺少“{match.group(1)}”{where_zh}", f"“{match.group(1)}” is missing{where_en}")
    return Localised(text, text)


# --- merging ---------------------------------------------------------------------------------


def load_rulepack(
    user_dirs: list[Path] | tuple[Path, ...] = (),
    disable: list[str] | tuple[str, ...] = (),
    severity: dict[str, str] | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    extend_params: dict[str, list[str]] | None = None,
    config_source: str = "config",
) -> RulePack:
    """Built-in pack, then each user pack in order, then config overrides, then
    validation of every rule.

    `extend_params` (param name → words) extends that param of every rule
    whose check declares it: the config's `may-exceed` is one."""
    drafts: dict[str, _Draft] = {}
    vocabulary: dict[str, list[str]] = {}
    notices: list[tuple[str, dict[str, str]]] = []
    sources = builtin_files()
    for directory in user_dirs:
        sources += user_files(Path(directory))
    for source, text in sources:
        _apply_file(source, _parse(source, text), drafts, vocabulary, notices)
    for rule_id in disable:
        if rule_id in drafts:
            drafts[rule_id].fields["enabled"] = False
        else:
            notices.append(("notice_unknown_disable", {"where": config_source, "rule": rule_id}))
    for rule_id, level in (severity or {}).items():
        _require(drafts, rule_id, config_source, "severity")
        drafts[rule_id].fields["severity"] = level
        drafts[rule_id].source = config_source
    for rule_id, values in (params or {}).items():
        _require(drafts, rule_id, config_source, "params")
        if not isinstance(values, dict):
            raise RulePackError("pack_invalid", where=config_source, rule=rule_id,
                                reason=Localised("params 应为映射", "params must be a mapping"))
        _merge_params(drafts[rule_id], values, config_source)
    rules = {rule_id: _finish(rule_id, draft, extend_params or {}, config_source) for rule_id, draft in drafts.items()}
    ordered = tuple(sorted(rules.values(), key=lambda r: r.id))
    return RulePack(ordered, {k: tuple(v) for k, v in vocabulary.items()}, tuple(notices))


def _require(drafts: dict[str, _Draft], rule_id: str, where: str, what: str) -> None:
    if rule_id not in drafts:
        raise RulePackError("pack_unknown_id", where=f"{where}: {what}", rule=rule_id)


def _merge_params(draft: _Draft, values: dict[str, Any], source: str) -> None:
    draft.params.update(values)
    draft.param_sources.update(dict.fromkeys(values, source))


def _apply_file(source: str, pack: _PackFile, drafts: dict[str, _Draft], vocabulary: dict[str, list[str]],
                notices: list) -> None:
    for name, words in pack.vocabulary.items():
        if name.endswith("_patterns"):
            _compile_all(source, name, words)
        known = vocabulary.setdefault(name, [])
        known.extend(w for w in dict.fromkeys(words) if w not in known)
    for entry in pack.rules:
        given = {k: v for k, v in msgspec.structs.asdict(entry).items() if v is not None and k not in ("id", "params")}
        draft = drafts.get(entry.id)
        if draft is None:
            missing = [k for k in ("category", "severity", "check", "message") if k not in given]
            if missing:
                raise RulePackError("pack_missing_keys", where=source, rule=entry.id, keys=", ".join(missing))
            draft = drafts[entry.id] = _Draft({"name": entry.id, "description": {}, "rationale": {}}, {}, source, {})
        for key in ("description", "rationale", "message"):
            if key in given:
                given[key] = {**draft.fields.get(key, {}), **given[key]}
        draft.fields.update(given)
        draft.source = source
        _merge_params(draft, entry.params or {}, source)
    for rule_id in pack.disable:
        if rule_id in drafts:
            drafts[rule_id].fields["enabled"] = False
        else:
            notices.append(("notice_unknown_disable", {"where": source, "rule": rule_id}))


def _compile_all(source: str, name: str, expressions: list[str]) -> None:
    """A vocabulary list named *_patterns holds regular expressions: each must compile."""
    for expression in expressions:
        try:
            re.compile(expression)
        except re.error as exc:
            raise RulePackError("pack_bad_vocabulary_pattern", where=source, name=name, value=expression, reason=exc) from None


# --- validation --------------------------------------------------------------------------------


def _finish(rule_id: str, draft: _Draft, extend_params: dict[str, list[str]], config_source: str) -> Rule:
    from auditor.checks import registry

    fields, source = draft.fields, draft.source
    if fields["category"] not in CATEGORIES:
        raise RulePackError("pack_bad_category", where=source, rule=rule_id, value=fields["category"])
    if fields["severity"] not in SEVERITIES:
        raise RulePackError("pack_bad_severity", where=source, rule=rule_id, value=fields["severity"])
    for key in ("message", "description", "rationale"):
        unknown = sorted(set(fields.get(key, {})) - set(LANGUAGES))
        if unknown:
            raise RulePackError("pack_bad_language", where=source, rule=rule_id, key=key, value=", ".join(unknown))
    if any(lang not in fields["message"] for lang in LANGUAGES):
        raise RulePackError("pack_needs_both", where=source, rule=rule_id)
    check = registry().get(fields["check"])
    if check is None:
        nearest = difflib.get_close_matches(fields["check"], registry().names(), n=1)
        raise RulePackError("pack_unknown_check", where=source, rule=rule_id, value=fields["check"],
                            hint=nearest[0] if nearest else "-")
    values = dict(draft.params)
    declared = getattr(check.params, "__struct_fields__", ())
    for name, words in extend_params.items():
        if name in declared:
            values[name] = [*values.get(name, []), *words]
    try:
        options = msgspec.convert(values, check.params)
    except (msgspec.ValidationError, ValueError) as exc:
        key = _param_named(str(exc), values)
        where = draft.param_sources.get(key, source)
        nearest = difflib.get_close_matches(key, declared, n=1) if key and key not in declared else []
        reason = explain(exc)
        if nearest:
            reason = Localised(f"{reason.zh};是否应为“{nearest[0]}”?", f"{reason.en}; did you mean “{nearest[0]}”?")
        raise RulePackError("pack_bad_params", where=where, rule=rule_id, reason=reason) from None
    for lang in LANGUAGES:
        for placeholder in _placeholders(fields["message"][lang]):
            if placeholder not in check.provides:
                raise RulePackError("pack_bad_placeholder", where=source, rule=rule_id, value=placeholder,
                                    known=", ".join(sorted(check.provides)) or "-")
    return Rule(
        id=rule_id,
        name=str(fields["name"]),
        category=fields["category"],
        severity=fields["severity"],
        check=fields["check"],
        description=dict(fields.get("description", {})),
        message=dict(fields["message"]),
        params=msgspec.structs.asdict(options),
        enabled=fields.get("enabled", True),
        source=source,
        rationale=dict(fields.get("rationale", {})),
        options=options,
    )


def _param_named(error: str, values: dict[str, Any]) -> str:
    for pattern in (_UNKNOWN_FIELD_RE, re.compile(r"at `\$\.([A-Za-z_][A-Za-z0-9_]*)")):
        match = pattern.search(error)
        if match:
            return match.group(1)
    return next(iter(values), "")


def _placeholders(template: str) -> list[str]:
    """The names a message template asks for: {metric}, {stated} …"""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return ["{"]
    return [re.split(r"[.\[]", name, maxsplit=1)[0] for _, name, _, _ in parsed if name is not None]
