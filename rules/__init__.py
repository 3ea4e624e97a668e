"""The built-in rule pack: YAML data, installed with the package as auditor.builtin_rules."""
