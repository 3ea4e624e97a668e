"""What the terminal and the environment ask of the output: colour, language."""

from __future__ import annotations

import os
from collections.abc import Mapping


def use_colour(choice: str, isatty: bool, env: Mapping[str, str] | None = None) -> bool:
    """--color always/never wins; then NO_COLOR (https://no-color.org), FORCE_COLOR,
    TERM=dumb; then colour only on a terminal."""
    env = os.environ if env is None else env
    if choice in ("always", "never"):
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    return isatty


def locale_lang(env: Mapping[str, str] | None = None) -> str | None:
    """zh when the locale is Chinese (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them)."""
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return None
