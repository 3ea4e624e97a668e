"""The checks a rule can name in its `check:` field.

Every module of this package may define `CHECKS`, a tuple of checks
(`auditor.checks.base.Check` or `NumericCheck`); the registry is built from
all of them, so adding a check means adding its module and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from auditor.checks.base import Check, NumericCheck, Registry


@lru_cache(maxsize=1)
def registry() -> Registry:
    checks: dict[str, Check | NumericCheck] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for check in getattr(module, "CHECKS", ()):
            if check.name in checks:
                raise RuntimeError(f"two checks named {check.name}: {module.__name__}")
            checks[check.name] = check
    return Registry(checks)
