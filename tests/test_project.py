"""The README's two commands are the ones CI runs; the rule pack ships with the package."""

import re

from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", section)


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_second():
    commands = readme_commands()
    assert len(commands) == 2
    assert "auditor check reports/" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == commands[1]


def test_rule_pack_is_installed_as_package_data():
    from importlib import resources

    names = {entry.name for entry in resources.files("auditor.builtin_rules").iterdir()}
    assert {"placeholder.yaml", "rates.yaml", "consistency.yaml", "structure.yaml", "residue.yaml", "vocabulary.yaml"} <= names


def test_every_rule_has_both_languages_and_a_known_check():
    from auditor.checks import registry
    from auditor.rulepack import load_rulepack

    for rule in load_rulepack().rules:
        assert registry().get(rule.check) is not None, rule.id
        for key in ("message", "description", "rationale"):
            assert getattr(rule, key).get("zh") and getattr(rule, key).get("en"), (rule.id, key)


def test_every_user_facing_message_exists_in_both_languages():
    from auditor.i18n import CATEGORY_NAMES, MESSAGES

    for key, entry in {**MESSAGES, **CATEGORY_NAMES}.items():
        assert set(entry) == {"zh", "en"}, key


def test_plain_check_does_not_import_great_expectations_or_pandas():
    import subprocess
    import sys

    code = (
        "import sys; from auditor.cli import main\n"
        "try:\n    main(['check', '--isolated', 'reports/07_clean_report.txt'])\n"
        "except SystemExit: pass\n"
        "print('great_expectations' in sys.modules, 'pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "False False"


def test_no_import_cycles_between_modules():
    """The stages depend one way: records at the bottom, the CLI at the top
    (imports made only for type checking do not count)."""
    import grimp

    graph = grimp.build_graph("auditor", exclude_type_checking_imports=True)
    cycles = sorted({
        tuple(sorted((a, b)))
        for a in graph.modules
        for b in graph.find_modules_directly_imported_by(a)
        if graph.chain_exists(importer=b, imported=a)
    })
    assert cycles == []
