"""Configuration: `auditor.toml`, or `[tool.auditor]` in `pyproject.toml`, found
by walking up from the current directory; command-line flags win over it.

Keys (all optional):

    rules = ["my-rules"]             # extra rule packs, relative to the file
    disable = ["CF001"]              # rule ids to switch off
    select = ["RT", "ratio"]         # only these rules (ids, id prefixes, names, categories, ALL)
    extend-select = ["DT001"]        # add to the selection
    ignore = ["placeholder"]         # take away from the selection
    severity = { RS001 = "error" }   # severity overrides
    params = { RT001 = { … } }       # parameter overrides, key by key
    may-exceed = ["覆盖率"]           # metrics allowed over 100% (added to RB001/RB002)
    include = ["reports/**"]         # globs for files found in directories
    exclude = ["drafts/**"]
    fail-on = "error"                # error | warning | never
    lang = "zh"                      # zh | en
    max-bytes = 52428800             # larger files are refused
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.i18n import UserError
from auditor.read import DEFAULT_MAX_BYTES

KEYS = ("rules", "disable", "select", "extend-select", "ignore", "severity", "params", "may-exceed", "include", "exclude", "fail-on", "lang", "max-bytes")
SELECTION_KEYS = ("select", "extend-select", "ignore")
DEFAULTS: dict[str, Any] = {
    "rules": [],
    "disable": [],
    "select": None,
    "extend-select": [],
    "ignore": [],
    "severity": {},
    "params": {},
    "may-exceed": [],
    "include": [],
    "exclude": [],
    "fail-on": "error",
    "lang": "zh",
    "max-bytes": DEFAULT_MAX_BYTES,
}


class ConfigError(UserError):
    pass


@dataclass(frozen=True)
class Config:
    values: dict[str, Any]
    sources: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def get(self, key: str) -> Any:
        return self.values[key]


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    for directory in (start, *start.parents):
        candidate = directory / "auditor.toml"
        if candidate.is_file():
            return candidate, _load(candidate, table=None)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            data = _load(pyproject, table="tool.auditor")
            if data is not None:
                return pyproject, data
    return None


def _load(path: Path, table: str | None) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError("config_bad_toml", where=path, reason=exc) from None
    if table:
        for part in table.split("."):
            data = data.get(part) if isinstance(data, dict) else None
            if data is None:
                return None
    return data


def load_config(start: Path | None = None, explicit: Path | None = None, use_files: bool = True) -> Config:
    values = {k: (list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v) for k, v in DEFAULTS.items()}
    sources = {k: "default" for k in DEFAULTS}
    found = None
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("no_such_file", where=explicit)
        data = _load(explicit, "tool.auditor" if explicit.name == "pyproject.toml" else None) or {}
        found = (explicit, data)
    elif use_files:
        found = find_config_file((start or Path.cwd()).resolve())
    if found is None:
        return Config(values, sources)
    path, data = found
    for key, value in data.items():
        normal = key.replace("_", "-")
        if normal not in KEYS:
            raise ConfigError("config_unknown_key", where=path, key=key, known=", ".join(KEYS))
        _validate(path, normal, value)
        if normal == "rules":
            value = [str((path.parent / v).resolve()) for v in value]
        values[normal] = value
        sources[normal] = str(path)
    return Config(values, sources, path)


def _validate(path: Path, key: str, value: Any) -> None:
    expected = list if key == "select" else type(DEFAULTS[key])
    if not isinstance(value, expected) or (key in SELECTION_KEYS and not all(isinstance(v, str) for v in value)):
        raise ConfigError("config_bad_type", where=path, key=key, kind=expected.__name__)
    if key == "fail-on" and value not in ("error", "warning", "never"):
        raise ConfigError("config_bad_choice", where=path, key=key, choices="error, warning, never")
    if key == "lang" and value not in ("zh", "en"):
        raise ConfigError("config_bad_choice", where=path, key=key, choices="zh, en")


def rule_overrides(config: Config) -> dict[str, Any]:
    """The keyword arguments of load_rulepack that come from the config:
    disable, severity, params, and `may-exceed`, which extends the
    `may_exceed_extra` param of every rule whose check declares it."""
    may_exceed = list(config.get("may-exceed"))
    return {
        "disable": list(config.get("disable")),
        "severity": dict(config.get("severity")),
        "params": {k: dict(v) if isinstance(v, dict) else v for k, v in config.get("params").items()},
        "extend_params": {"may_exceed_extra": may_exceed} if may_exceed else {},
        "config_source": str(config.path) if config.path else "config",
    }
