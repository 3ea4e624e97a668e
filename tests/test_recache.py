"""The command's cache of compiled regular expressions (auditor.recache): a
faster start, the same findings, and a bad cache file ignored and rebuilt."""

from __future__ import annotations

import hashlib
import marshal
import os
import subprocess
import sys

import pytest

from conftest import ROOT

REPORT = "全县应接种48320剂次,实际接种47105剂次,接种率为98.12%。\n(三)工作XX项,完成率x%。\n"


def _check(tmp_path, cache, *extra_env: tuple[str, str]) -> subprocess.CompletedProcess:
    report = tmp_path / "报告.txt"
    report.write_text(REPORT, encoding="utf-8")
    env = {**os.environ, "AUDITOR_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    env.pop("AUDITOR_NO_CACHE", None)
    env.update(dict(extra_env))
    return subprocess.run([sys.executable, "-m", "auditor.cli", "check", "--isolated", "--format", "json",
                           "--fail-on", "never", str(report)], env=env, capture_output=True, text=True, timeout=120)


def _cache_files(cache):
    return sorted(cache.glob("regex-*.marshal")) if cache.exists() else []


def test_first_run_writes_the_cache_and_the_next_reads_it_with_the_same_output(tmp_path):
    cache = tmp_path / "cache"
    first = _check(tmp_path, cache)
    assert first.returncode == 0, first.stderr
    [written] = _cache_files(cache)
    before = written.read_bytes()
    second = _check(tmp_path, cache)
    assert second.stdout == first.stdout and second.stderr == first.stderr
    assert '"RT001"' in second.stdout and '"PH001"' in second.stdout
    assert written.read_bytes() == before  # nothing new compiled: not rewritten
    assert list(cache.iterdir()) == [written]  # no temporary left behind


def test_patterns_no_run_uses_are_dropped_from_the_file(tmp_path):
    """The file is read at every start: what a test run or an old pack left in it goes."""
    cache = tmp_path / "cache"
    _check(tmp_path, cache)
    [path] = _cache_files(cache)
    used = marshal.loads(path.read_bytes()[32:])
    junk = {(f"stale{i}", 0): (32, [1], 0, {}, (None,)) for i in range(2 * len(used) + 100)}  # mostly stale
    payload = marshal.dumps({**used, **junk})
    path.write_bytes(hashlib.blake2b(payload, digest_size=32).digest() + payload)
    _check(tmp_path, cache)
    kept = set(marshal.loads(path.read_bytes()[32:]))
    # the second run's: no junk; not PyYAML's own patterns either, its data read from the cache
    assert kept <= set(used) and not any(key[0].startswith("stale") for key in kept)
    assert r"(?<![A-Za-z])_+(?![A-Za-z0-9])" in {pattern for pattern, _ in kept}
    assert any(flags & (1 << 25) for _, flags in kept) and any(flags & (1 << 26) for _, flags in kept)


def test_the_rule_pack_read_from_the_cache_is_the_pack_read_from_its_yaml(tmp_path):
    """The pack's YAML data is kept between runs: the second run has every rule, with the
    same fields, as the first (checked through `auditor rules`, which shows them all)."""
    cache = tmp_path / "cache"
    env = {**os.environ, "AUDITOR_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    env.pop("AUDITOR_NO_CACHE", None)

    def rules() -> str:
        return subprocess.run([sys.executable, "-m", "auditor.cli", "rules", "--format", "json", "--isolated"], env=env,
                              capture_output=True, text=True, timeout=120, check=True).stdout

    first = rules()
    [path] = _cache_files(cache)
    assert any(flags & (1 << 26) for _, flags in marshal.loads(path.read_bytes()[32:]))  # the YAML's data is kept
    assert rules() == first and '"RT001"' in first


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "good digest, not marshal",
                                    "good digest, wrong shape", "good digest, code the engine refuses",
                                    "good digest, a reading not of literals"])
def test_a_corrupt_cache_is_ignored_and_rebuilt(tmp_path, damage):
    cache = tmp_path / "cache"
    reference = _check(tmp_path, tmp_path / "clean")
    assert reference.returncode == 0
    _check(tmp_path, cache)
    [path] = _cache_files(cache)
    good = path.read_bytes()
    entries = marshal.loads(good[32:])

    def signed(payload: bytes) -> bytes:
        return hashlib.blake2b(payload, digest_size=32).digest() + payload

    damaged = {
        "garbage": os.urandom(4096),
        "truncated": good[: len(good) // 2],
        "empty": b"",
        "good digest, not marshal": signed(b"\xff\x00not marshal"),
        "good digest, wrong shape": signed(marshal.dumps({("x", 0): "not an entry"})),
        "good digest, code the engine refuses": signed(marshal.dumps(
            {key: (entry[0], [1, 2, 3], *entry[2:]) if len(entry) == 5 else entry for key, entry in entries.items()})),
        "good digest, a reading not of literals": signed(marshal.dumps(
            {key: entry if len(entry) == 5 else ((1,), (), ()) for key, entry in entries.items()})),
    }[damage]
    path.write_bytes(damaged)
    again = _check(tmp_path, cache)
    assert again.returncode == 0, again.stderr
    assert again.stdout == reference.stdout and again.stderr == reference.stderr
    rebuilt = path.read_bytes()
    assert hashlib.blake2b(rebuilt[32:], digest_size=32).digest() == rebuilt[:32]  # a whole, valid file again
    assert set(marshal.loads(rebuilt[32:])) >= {key for key in entries if key[0] == r"(?<![A-Za-z])_+(?![A-Za-z0-9])"}


def test_no_cache_when_turned_off_or_unwritable(tmp_path):
    off = _check(tmp_path, tmp_path / "off", ("AUDITOR_NO_CACHE", "1"))
    assert off.returncode == 0 and not (tmp_path / "off").exists()
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    unwritable = _check(tmp_path, blocked / "cache")  # its parent is a file: nothing can be written
    assert unwritable.returncode == 0 and unwritable.stderr == "" and unwritable.stdout == off.stdout


def test_a_cached_pattern_behaves_as_a_compiled_one(tmp_path):
    """The engine code read back gives the same pattern object: groups, names, flags, matches."""
    code = (
        "import re, sys\n"
        "from auditor import recache\n"
        "recache.install()\n"
        "p = re.compile(r'(?P<y>(?:19|20)\\d{2})年(?:(?P<m>\\d{1,2})月)?|[\\u4e00-\\u9fff]{2}率', re.M)\n"
        "print(p.pattern == r'(?P<y>(?:19|20)\\d{2})年(?:(?P<m>\\d{1,2})月)?|[\\u4e00-\\u9fff]{2}率', p.flags, p.groups,"
        " sorted(p.groupindex.items()), [m.span() for m in p.finditer('2024年5月接种率达到98%;2023年')])\n"
    )
    env = {**os.environ, "AUDITOR_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("AUDITOR_NO_CACHE", None)
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    plain = subprocess.run([sys.executable, "-c", code.replace("recache.install()", "pass")], env=env,
                           capture_output=True, text=True, check=True).stdout
    assert first == second == plain
    assert plain.startswith("True 40 2 [('m', 2), ('y', 1)] [(0, 7), (7, 10), (16, 21)]")


# --- compile_scanning: a leading lookbehind hoisted, the same matches ----------------------------

import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from auditor.recache import compile_scanning, hoist_lookbehinds  # noqa: E402


def test_hoisting_moves_the_lookbehind_after_the_first_character():
    from re import _parser

    for written, hoisted in [
        (r"(?<=[\u4e00-\u9fff])(?P<slot>个)", r"(?P<slot>个(?<=[\u4e00-\u9fff]个))"),
        (r"(?<![A-Za-z])_+(?!\d)", r"_(?<![A-Za-z]_)_*(?!\d)"),
        (r"(?<![零〇])[〇○]{2,}", r"[〇○](?<![零〇][〇○])[〇○]{1,}"),
        (r"(?<!第)(?:万元|亿元)", r"(?:万(?<!第万)元|亿(?<!第亿)元)"),
    ]:
        tree = _parser.parse(written)
        assert hoist_lookbehinds(tree.data)
        assert str(tree.data) == str(_parser.parse(hoisted).data)
    for unchanged in [r"(?<=a)\d*x", r"(?<=a)(?=b)x", r"a(?<=a)b", r"(?<=a)(?i:b)", r"(?<=a)(?:b|\d*)"]:
        tree = _parser.parse(unchanged)
        before = str(tree.data)
        assert not hoist_lookbehinds(tree.data) and str(tree.data) == before


def _scanned_patterns() -> list[tuple[str, int]]:
    """Every pattern the checks compile with compile_scanning that it rewrites."""
    import auditor.checks.placeholder as placeholder
    import auditor.checks.structure as structure
    import auditor.checks.typos as typos
    import auditor.extract as extract
    from re import _parser

    found = [(v.pattern, v.flags & ~re.UNICODE) for module in (placeholder, structure, typos, extract)
             for v in vars(module).values() if isinstance(v, re.Pattern)]
    pack = load_rulepack_for_tests()
    found += [(p, re.MULTILINE) for rule in pack.rules for p in getattr(rule.options, "patterns", ())]
    return [(p, f) for p, f in found if hoist_lookbehinds(_parser.parse(p, f).data)]


def load_rulepack_for_tests():
    from auditor.rulepack import load_rulepack

    return load_rulepack()


SCANNED = _scanned_patterns()
ALPHABET = "一中人个年月日号第某有达万元亿份 \t\n0123456789.,、。%‰xX*?_〇○□nN()“”总结报告篇页@abc.-"


def test_the_checks_have_patterns_to_hoist():
    assert len(SCANNED) >= 10


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10_000), st.text(alphabet=ALPHABET, max_size=60))
def test_a_hoisted_pattern_finds_what_the_written_one_finds(which, text):
    pattern, flags = SCANNED[which % len(SCANNED)]
    written, scanning = re.compile(pattern, flags), compile_scanning(pattern, flags)
    assert scanning.pattern == written.pattern and scanning.groupindex == written.groupindex
    assert [(m.span(), m.groups()) for m in scanning.finditer(text)] == [(m.span(), m.groups()) for m in written.finditer(text)]


# --- the first characters of a match, for the engine to scan for --------------------------------

from auditor.recache import _compile_parsed, _first_characters  # noqa: E402


def _first(pattern: str, flags: int = 0):
    from re import _parser

    found = _first_characters(list(_parser.parse(pattern, flags).data))
    return None if found is None else (sorted(map(str, found[0])), found[1])


def test_the_first_characters_skip_assertions_and_join_optional_parts_and_alternatives():
    assert _first(r"(?<=[,;])\s*当中|包括|\(") == _first(r"\s|当|包|\(")
    assert _first(r"(?<![一二])(?P<n>[二三])(?P<name>\w):") == _first(r"[二三]")
    assert _first(r"(?=a)b?c*d") == _first(r"[bcd]")
    assert _first(r"^[ \t]*[%‰]", re.MULTILINE) == _first(r"[ \t%‰]")
    assert _first(r"a?b*")[1] is True  # may consume nothing: no scan for it
    for unknown in (r"[^x]y", r".a", r"(a)?\1b", r"(?i:a)b", r"(a)?(?(1)a|b)"):
        assert _first(unknown) is None


def _sped_up_patterns() -> list[tuple[str, int]]:
    """The patterns of the package and the pack whose engine code gains first characters."""
    import importlib
    import pkgutil
    from re import _parser

    import auditor

    found = set()
    for info in pkgutil.walk_packages(auditor.__path__, "auditor."):
        if ".serve" in info.name or info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception:  # an optional dependency missing: its patterns are not on the default path
            continue
        found.update((v.pattern, v.flags) for v in vars(module).values() if isinstance(v, re.Pattern) and type(v.pattern) is str)
    pack = load_rulepack_for_tests()
    found.update((p, re.MULTILINE) for rule in pack.rules for p in getattr(rule.options, "patterns", ()))
    sped = []
    for pattern, flags in sorted(found):
        compiled, _entry = _compile_parsed(pattern, _parser.parse(pattern, flags), flags)
        plain = [int(op) for op in re._compiler._code(_parser.parse(pattern, flags), flags)]
        if list(_entry[1]) != plain:
            sped.append((pattern, flags))
    return sped


SPED_UP = _sped_up_patterns()


def test_many_patterns_gain_first_characters():
    assert len(SPED_UP) >= 100


@settings(max_examples=500, deadline=None)
@given(st.integers(0, 100_000), st.text(alphabet=ALPHABET + "其中包括含分别为是结果:;,(\u3000按类划看", max_size=80),
       st.integers(0, 80), st.integers(0, 80))
def test_a_pattern_with_first_characters_finds_what_the_compiled_one_finds(which, text, a, b):
    from re import _parser

    pattern, flags = SPED_UP[which % len(SPED_UP)]
    written = re.compile(pattern, flags)
    scanning, _entry = _compile_parsed(pattern, _parser.parse(pattern, flags), flags)
    assert [(m.span(), m.groups()) for m in scanning.finditer(text)] == [(m.span(), m.groups()) for m in written.finditer(text)]
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    found, expected = scanning.search(text, start, end), written.search(text, start, end)
    assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
    assert scanning.sub("#", text) == written.sub("#", text)
