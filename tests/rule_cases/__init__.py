"""Rule cases, one YAML file per rule (see auditor.rulecases)."""
