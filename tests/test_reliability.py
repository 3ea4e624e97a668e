"""The reproducers of ../shared/reliability/ (issue 11), one test each, named
after its folder. Big inputs are generated here; each would take minutes (or
hang) before its fix and takes well under a second after it.

`no_hang` is a guard, not a timing assertion: a test that used to run for
minutes fails after 60 s instead of blocking the suite."""

from __future__ import annotations

import itertools
from pathlib import Path
import re

import pytest

from auditor import relate
from conftest import audit, hits


# --- regex_backtracking_spaces ----------------------------------------------------------


def test_regex_backtracking_spaces(no_hang):
    # before: 300 blanks 14 s, 1,000 blanks > 300 s; now a few milliseconds
    assert hits("全县门诊量52.6万人次" + "\u3000" * 5000 + "占比12.5%。\n") == []
    assert hits("门诊量52.6万人次,比上年" + " " * 5000 + "稳步增加12.5%。\n") == []
    assert hits("早孕建册2215" + "\u3000" * 5000 + "人,建册率为95%。\n") == []
    # blanks between the words still allowed where they were
    text = "今年门诊量52.6万人次,与上年同期( 40万人次 ) 相比 ,增长12.5%。"
    assert hits(text) == [("CH001", "12.5%")]
    text = "全县门诊量由40万人次增加到52.6万人次,同比 增长 12.5%。"
    assert hits(text) == [("CH001", "12.5%")]


_OLD_STATED = (
    r"^\s*[,,]?\s*(?:同比|比上年|较上年)?\s*"
    r"(?:(?P<word>增加|提高|上升|增长|扩大|提升|上涨|下降|减少|降低|缩减|缩小|回落|下跌)了?"
    r"|(?P<rate>增幅|降幅|增长率|下降率|增速|降低率)(?:为|达|达到)?)\s*$"
)
_OLD_COMPARE_TAIL = (
    r"^\s*\)?\s*(?:相比|相较)?\s*[,,]?\s*(?:同比)?"
    r"(?P<word>增加|提高|上升|增长|扩大|提升|上涨|下降|减少|降低|缩减|回落|下跌)了?\s*$"
)
_OLD_COMPARE = r"(?:与|比|较)(?:上年|去年|上一年|前一年|上年同期|去年同期|同期)(?:的)?\s*\(?\s*$"


def _gaps(tokens: list[str]) -> list[str]:
    """Every way of writing some of the tokens, in order, with 0–2 blanks around each."""
    found = []
    for mask in itertools.product((0, 1), repeat=len(tokens)):
        chosen = [t for t, keep in zip(tokens, mask) if keep]
        for blanks in itertools.product(("", " ", "  "), repeat=len(chosen) + 1):
            found.append("".join(b + t for b, t in zip(blanks, chosen + [""])))
    return found


@pytest.mark.parametrize(
    "old, new, tokens",
    [
        (_OLD_STATED, relate._STATED_RE, [",", "同比", "增长", "了"]),
        (_OLD_STATED, relate._STATED_RE, ["，", "比上年", "增幅", "达"]),
        (_OLD_COMPARE_TAIL, relate._COMPARE_TAIL_RE, [")", "相比", ",", "同比", "下降", "了"]),
        (_OLD_COMPARE, relate._COMPARE_RE, ["比上年同期", "的", "(", "x"]),
    ],
)
def test_regex_backtracking_spaces_same_matches(old, new, tokens):
    """The rewritten patterns accept exactly what the old ones did."""
    old = re.compile(old)
    for text in _gaps(tokens):
        assert bool(old.search(text)) == bool(new.search(text)), text


# --- quadratic_long_alnum_run -----------------------------------------------------------


def test_quadratic_long_alnum_run(no_hang):
    # before: 64 k digits 12 s, 1 MB of digits > 300 s; now well under a second
    body = "全县适龄儿童应接种2000人,实际接种1900人,接种率为96%。\n"
    found = hits("覆盖率为" + "9" * 1_000_000 + "%。\n" + body)
    assert found == [("RB002", "9" * 1_000_000 + "%"), ("RT001", "96%")]
    found = hits(body + "-" * 300_000 + "\n" + "a." * 100_000 + "\n")
    assert ("RT001", "96%") in found
    # addresses are still found and still hide their digits from the figures
    assert hits("联系邮箱zhang.san2024@example.com。") == [("RD002", "zhang.san2024@example.com")]
    assert hits("详见 www.example.gov.cn/a/2024 。") == [("RD002", "www.example.gov.cn/a/2024")]


# --- superlinear_figures_one_sentence ---------------------------------------------------


def test_superlinear_figures_one_sentence(no_hang):
    # before: 32 k characters ~1.9 s each, 200 KB 22 s; quadratic
    listing = "全县共" + "1人," * 20_000 + "合计3人。\n"
    assert hits(listing) == [("SM001", "3人")]
    changes = "由1人增加到" * 20_000 + "2人。\n"
    assert hits(changes) == []
    many_totals = "甲乡2人、乙乡3人,合计5人," * 5_000 + "\n"
    assert hits(many_totals) == []
    # a second total in the sentence sums only what follows the first
    assert hits("甲乡2人、乙乡3人,合计5人,丙乡4人、丁乡4人,合计9人。") == [("SM001", "9人")]
    # every 分别 of a sentence looked back at every earlier one: minutes on one long sentence
    respectively = "城镇和农村分别为1元和2元,分别增长3%和4%," * 8_000 + "\n"
    assert hits(respectively) == []
    # the words before each per-thousand figure were read to the start of a line-long clause: 20 s
    per_thousand = "全县常住人口36.8万人医疗机构实有床位2206张每千人口床位数达到6.8张" * 3_000 + "\n"
    assert {rule for rule, _ in hits(per_thousand)} <= {"PC001", "CF001"}
    # each 其它收入 walked back over every kind before it: a minute on 6,000 of them
    others = "其它收入1万元、" * 6_000 + "\n"
    assert [rule for rule, _ in hits(others)] in ([], ["CF001"])


# --- decimal_quantize_sum ---------------------------------------------------------------


def test_decimal_quantize_sum():
    # 26+ digits overflowed the 28-digit decimal context while writing the message (the total
    # above its parts: a part above the total is none of its parts)
    found = audit("甲单位投入99999999999999999999999999元,乙单位投入5元,总计199999999999999999999999999元。")
    assert [(f.rule, f.message) for f in found] == [
        ("SM001", "合计199999999999999999999999999元与分项之和99999999999999999999999999元+5元=100000000000000000000000004元不符")
    ]
    found = audit("全县总人口123456789012345678901234567人,其中男性1.5人,女性2人,其他3人。")
    assert [f.rule for f in found] == ["SM001"]
    assert "6.50人" in found[0].message
    assert hits("人口总数" + "8" * 400 + "人,其中城镇" + "4" * 400 + "人,乡村" + "4" * 400 + "人。") == []


def test_round_half_up_matches_decimal_on_ordinary_values():
    from decimal import ROUND_HALF_UP, Decimal
    from fractions import Fraction

    from auditor.arith import round_half_up

    for numerator, denominator, places in itertools.product((-2093, -508, -5, 0, 5, 125, 2215, 99995), (1, 3, 8, 400, 2093), (0, 1, 2, 3)):
        value = Fraction(numerator, denominator)
        expected = (Decimal(numerator) / Decimal(denominator)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        assert str(round_half_up(value, places)) == str(expected)
    assert str(round_half_up(Fraction(10**40 + 1, 3), 2)) == "3" * 40 + ".67"


# --- output safety: output_hardlink_destroys_input, output_overwrites_other_inputs, -----
# --- output_unwritable_internal_error, sigint_partial_output ----------------------------

REPORT = "全县适龄儿童应接种2000人,实际接种1900人,接种率为96%。\n"


def _check(*args, cwd=None):
    from click.testing import CliRunner

    from auditor.cli import main

    return CliRunner().invoke(main, ["check", *args])


def _sha(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def inputs(tmp_path):
    audited = tmp_path / "in"
    audited.mkdir()
    (audited / "report.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def test_output_hardlink_destroys_input(inputs):
    report = inputs / "in" / "report.txt"
    link = inputs / "hard.txt"
    import os

    os.link(report, link)
    before = _sha(report)
    for output_format in ("text", "json", "sarif", "xlsx"):
        result = _check("--isolated", str(inputs / "in"), "--format", output_format, "-o", str(link))
        assert result.exit_code == 2
        assert result.output == f"auditor: --output {link}:不会覆盖被检查的文件\n"
        assert _sha(report) == before
    symlink = inputs / "soft.txt"
    symlink.symlink_to(report)
    result = _check("--isolated", str(report), "-o", str(symlink))
    assert result.exit_code == 2 and _sha(report) == before


def test_output_overwrites_other_inputs(inputs):
    base, ref, config = inputs / "base.json", inputs / "ref.csv", inputs / "cfg.toml"
    rules = inputs / "rules"
    rules.mkdir()
    (rules / "pack.yaml").write_text("vocabulary:\n  metrics: [接种率]\n", encoding="utf-8")
    ref.write_text("metric,value\n覆盖率,90\n", encoding="utf-8")
    config.write_text('lang = "zh"\n', encoding="utf-8")
    audited = str(inputs / "in")
    assert _check("--isolated", audited, "--write-baseline", str(base), "--fail-on", "never").exit_code == 0
    sums = {p: _sha(p) for p in (base, ref, config, rules / "pack.yaml")}
    cases = [
        (["--isolated", "--baseline", str(base), "-o", str(base)], f"--output {base}:不会覆盖 --baseline 给出的输入文件"),
        (["--isolated", "--reference", str(ref), "-o", str(ref)], f"--output {ref}:不会覆盖 --reference 给出的输入文件"),
        (["--isolated", "--rules", str(rules), "-o", str(rules / "pack.yaml")],
         f"--output {rules / 'pack.yaml'}:不会覆盖 --rules 给出的输入文件"),
        (["--config", str(config), "-o", str(config)], f"--output {config}:不会覆盖 --config 给出的输入文件"),
        (["--isolated", "--reference", str(ref), "--write-baseline", str(ref)],
         f"--write-baseline {ref}:不会覆盖 --reference 给出的输入文件"),
    ]
    for options, error in cases:
        result = _check(audited, *options)
        assert (result.exit_code, result.output) == (2, f"auditor: {error}\n"), options
    assert {p: _sha(p) for p in sums} == sums
    # replacing the baseline on purpose stays allowed
    assert _check("--isolated", audited, "--baseline", str(base), "--write-baseline", str(base)).exit_code == 0


def test_output_unwritable_internal_error(inputs, monkeypatch):
    import auditor.runner

    def must_not_run(*args, **kwargs):
        raise AssertionError("audited before the output was checked")

    monkeypatch.setattr(auditor.runner, "iter_audit", must_not_run)
    monkeypatch.chdir(inputs)
    for output_format in ("json", "sarif", "html", "xlsx", "junit"):
        result = _check("--isolated", "in", "--format", output_format, "-o", f"nodir/sub/out.{output_format}")
        assert (result.exit_code, result.output) == (2, f"auditor: --output nodir/sub/out.{output_format}:目录 nodir/sub 不存在\n")
    result = _check("--isolated", "in", "--format", "json", "-o", "in")
    assert (result.exit_code, result.output) == (2, "auditor: --output in:是目录,不能写入报告\n")
    result = _check("--isolated", "in", "--write-baseline", "nodir/base.json")
    assert (result.exit_code, result.output) == (2, "auditor: --write-baseline nodir/base.json:目录 nodir 不存在\n")
    result = _check("--isolated", "--lang", "en", "in", "--format", "csv", "--figures", "-o", "nodir/out.csv")
    assert (result.exit_code, result.output) == (2, "auditor: --output nodir/out.csv: the directory nodir does not exist\n")


def test_output_replaced_only_when_complete(inputs, monkeypatch):
    """A renderer that fails half-way leaves the earlier report as it was, and no temporary file."""
    import auditor.render.json_format as json_format

    output = inputs / "report.json"
    assert _check("--isolated", str(inputs / "in"), "--format", "json", "-o", str(output)).exit_code == 1
    before = output.read_bytes()
    output.chmod(0o640)

    def broken(results, counts, write, context):
        write('{"files": [')
        raise KeyboardInterrupt

    monkeypatch.setattr(json_format, "emit", broken)
    result = _check("--isolated", str(inputs / "in"), "--format", "json", "-o", str(output))
    assert result.exit_code == 130
    assert output.read_bytes() == before
    assert sorted(p.name for p in inputs.iterdir()) == ["in", "report.json"]
    monkeypatch.undo()
    assert _check("--isolated", str(inputs / "in"), "--format", "json", "-o", str(output)).exit_code == 1
    assert oct(output.stat().st_mode & 0o777) == oct(0o640)  # a replaced report keeps its permissions


def test_sigint_partial_output(tmp_path):
    """Ctrl-C in the middle of a real run: exit 130, the earlier report intact."""
    import json
    import os
    import shutil
    import subprocess
    import sys
    import time

    many = tmp_path / "many"
    many.mkdir()
    text = (REPORT * 40 + "全县门诊量由40万人次增加到52.6万人次,增长12.5%。\n") * 5
    for index in range(400):
        (many / f"r{index:04d}.txt").write_text(text, encoding="utf-8")
    output = tmp_path / "report.json"
    output.write_text('{"earlier": "complete report"}\n', encoding="utf-8")
    script = shutil.which("auditor", path=os.path.dirname(sys.executable)) or "auditor"
    for jobs in ("1", "2"):
        process = subprocess.Popen([script, "check", "--isolated", str(many), "--format", "json", "--jobs", jobs,
                                    "-o", str(output)], stderr=subprocess.PIPE, start_new_session=True)
        try:
            deadline = time.monotonic() + 30
            while not any(p.name.startswith(".report.json.") for p in tmp_path.iterdir()):
                assert process.poll() is None and time.monotonic() < deadline, "the run ended before it was interrupted"
                time.sleep(0.01)
            time.sleep(0.2)
            os.killpg(process.pid, 2)  # SIGINT to the group, as a terminal's Ctrl-C does
            _, stderr = process.communicate(timeout=30)
        finally:
            if process.poll() is None:  # it hung: leave nothing behind
                os.killpg(process.pid, 9)
                process.wait()
        assert process.returncode == 130, stderr
        assert stderr.decode().splitlines()[-1] == "auditor: 已中断 / interrupted"
        assert json.loads(output.read_text(encoding="utf-8")) == {"earlier": "complete report"}
        assert sorted(p.name for p in tmp_path.iterdir()) == ["many", "report.json"]


# --- one_line_findings_dropped, superlinear_one_line_find_ratios, -----------------------
# --- superlinear_realistic_to_findings --------------------------------------------------

SMALL_REPORT = [
    "青石乡卫生院2025年上半年工作汇报",
    "上半年,乡卫生院在乡党委、乡政府的领导下,围绕基本医疗和公共卫生两条主线,扎实推进各项重点任务,群众看病就医更加方便,"
    "主要指标稳中有升,现将有关情况汇报如下。",
    "一、基本公共卫生服务",
    "全乡65岁以上老年人应管理3150人,实际健康管理2890人,健康管理率为93.75%。高血压患者规范管理1120人,其中男性560人,"
    "女性540人,另有随访中断的患者20人,糖尿病患者规范管理410人,较去年同期的380人增长了9.2%,各村卫生室均按要求完成了季度随访任务。",
    "二、医疗服务",
    "门诊量由去年同期的21500人次增加到24080人次,增长12.0%。住院病人由去年同期的640人次下降到590人次,下降7.81%,"
    "平均住院日为6.2天,药占比控制在38.5%以内,门诊次均费用为86.4元,群众满意度为96.3%,较上年提高了1.1个百分点。",
    "三、下一步打算",
    "XX年下半年,我们将继续抓好家庭医生签约服务,力争签约率达到70%以上,重点人群签约率达到85%以上,同时加强村医培训,"
    "确保每名村医每年参加培训不少于40学时,不断提升基层医疗卫生服务能力和水平。",
]
# 1120 = 男性560 + 女性540 + 另有…20: the 糖尿病 figure after them is a new statement, not a part
SMALL_FINDINGS = [("RT001", "93.75%"), ("CH001", "9.2%"), ("PH001", "XX")]
FURNITURE = "上一篇:白沙镇卫生院工作计划,完成率为130%"


def test_one_line_findings_dropped():
    multi = "\n".join(SMALL_REPORT) + "\n" + FURNITURE + "\n"
    assert hits(multi) == SMALL_FINDINGS + [("RD001", "上一篇")]  # the 130% of the page furniture is not the report's
    one_line = " ".join(SMALL_REPORT) + " " + FURNITURE + "\n"
    assert hits(one_line) == SMALL_FINDINGS + [("RD001", "上一篇")]
    marked = multi.replace("不断提升基层医疗", "(详见相关推荐名单)不断提升基层医疗")
    assert [h for h in hits(marked) if h[0] != "RD001"] == SMALL_FINDINGS
    pasted = "。".join(SMALL_REPORT) + "\n"  # no furniture at all
    assert hits(pasted) == SMALL_FINDINGS
    # furniture run on after the text in the last paragraph of a multi-line page
    run_on = "\n".join(SMALL_REPORT) + " " + FURNITURE + "\n"
    assert hits(run_on) == SMALL_FINDINGS + [("RD001", "上一篇")]


def test_superlinear_one_line_find_ratios(no_hang):
    # every rate walked back over every earlier figure of a one-line document
    text = " ".join(SMALL_REPORT * 400) + "\n"
    found = hits(text)
    assert len(found) == len(SMALL_FINDINGS) * 400 and set(found) == set(SMALL_FINDINGS)


def test_superlinear_realistic_to_findings(no_hang):
    # the text was searched for "auditor:" once per finding
    text = "\n".join(SMALL_REPORT * 400) + "\n"
    per_report = len(SMALL_FINDINGS)
    assert len(hits(text)) == per_report * 400
    suppressed = text.replace("力争签约率", "<!-- auditor: ignore PH001 -->力争签约率", 1)
    found = hits(suppressed)
    # the first report's PH001 (its last finding) is suppressed: the second report's RT001 moves up
    assert len(found) == per_report * 400 - 1 and found[per_report - 1] == ("RT001", "93.75%")


# --- fifo_hang, deep_nesting_recursion, unreadable_dir_silent ---------------------------


def test_fifo_hang(tmp_path, no_hang):
    import os

    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block until a writer comes
    refused = f"{folder / 'pipe.txt'}: 不是普通文件(命名管道、设备或套接字),未读取"
    result = _check("--isolated", str(folder / "pipe.txt"))
    assert result.exit_code == 2 and refused in result.stderr.splitlines()
    for jobs in ("1", "0"):
        result = _check("--isolated", str(folder), "--format", "json", "--jobs", jobs)
        assert result.exit_code == 2
        assert refused in result.stderr.splitlines()
        assert '"path": "' + (folder / "good.txt").as_posix() + '"' in result.output


def test_deep_nesting_recursion(tmp_path):
    import os

    top = tmp_path / "dir"
    top.mkdir()
    (top / "good.txt").write_text(REPORT, encoding="utf-8")
    os.chdir(top)  # short relative names: 1,200 levels of "d/" stay under PATH_MAX
    try:
        deep = "/".join(["d"] * 1200)
        for level in range(1, 1201):  # os.makedirs recurses too
            os.mkdir("/".join(["d"] * level))
        (Path(deep) / "deep.txt").write_text(REPORT.replace("1900", "1800"), encoding="utf-8")
        result = _check("--isolated", ".", "--format", "json")
    finally:
        import contextlib

        with contextlib.suppress(OSError):
            (Path(deep) / "deep.txt").unlink()
        for level in range(1200, 0, -1):  # pytest's clean-up (shutil.rmtree) recurses as well
            with contextlib.suppress(OSError):
                os.rmdir("/".join(["d"] * level))
        os.chdir(tmp_path)
    assert result.exit_code == 1, result.output
    import json

    data = json.loads(result.output)
    assert [f["path"] for f in data["files"]] == ["good.txt", deep + "/deep.txt"]
    assert [f["findings"][0]["rule"] for f in data["files"]] == ["RT001", "RT001"]


def test_unreadable_dir_silent(tmp_path, monkeypatch):
    """As root permission bits are not enforced, so the refusals are simulated
    where the operating system gives them."""
    import errno
    import os

    folder = tmp_path / "dir"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "locked" / "inner.txt").write_text(REPORT, encoding="utf-8")
    locked = str(folder / "locked")
    real_scandir, real_lstat = os.scandir, os.lstat

    def scandir(path="."):
        if str(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    def lstat(path, *args, **kwargs):
        if str(path).startswith(locked + "/"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "lstat", lstat)
    denied = "无法读取:Permission denied"
    result = _check("--isolated", str(folder))
    assert result.exit_code == 2
    assert f"{locked}: {denied}" in result.stderr.splitlines()
    assert "共检查 1 个文件" in result.output
    result = _check("--isolated", locked)
    assert result.exit_code == 2 and f"{locked}: {denied}" in result.stderr.splitlines()
    result = _check("--isolated", locked + "/inner.txt")
    assert result.exit_code == 2 and f"{locked}/inner.txt: {denied}" in result.stderr.splitlines()


# --- docx_corrupt_member_internal_error, html_marked_section_assertion, -----------------
# --- pdf_lone_surrogate, junit_invalid_xml_control_char ---------------------------------


def _docx_bytes(tmp_path) -> bytes:
    from documents import make_docx

    return make_docx(tmp_path / "made.docx", [REPORT.strip(), "全年培训村医120人次,培训覆盖率为100%。"]).read_bytes()


def _member_headers(data: bytes, name: bytes) -> tuple[int, int]:
    """Offsets of the local and central-directory headers of one zip member."""
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    import struct

    local = struct.unpack("<I", data[central + 42 : central + 46])[0]
    return local, central


def test_docx_corrupt_member_internal_error(tmp_path):
    import struct

    good = _docx_bytes(tmp_path)
    local, central = _member_headers(good, b"word/document.xml")
    name_length, extra_length = struct.unpack("<HH", good[local + 26 : local + 30])
    data_start = local + 30 + name_length + extra_length
    damaged = {}
    flipped = bytearray(good)  # deflate data garbled: zlib.error
    for i in range(data_start + 20, data_start + 80):
        flipped[i] ^= 0x5A
    damaged["zlib_error.docx"] = flipped
    method = bytearray(good)  # a compression method zipfile does not know: NotImplementedError
    method[local + 8 : local + 10] = method[central + 10 : central + 12] = struct.pack("<H", 97)
    damaged["compression_method.docx"] = method
    version = bytearray(good)  # needs zip version 21.9: NotImplementedError
    version[central + 6 : central + 8] = struct.pack("<H", 219)
    damaged["zip_version.docx"] = version
    seek = bytearray(good)  # member offset before the start of the file: OSError on seek
    seek[central + 42 : central + 46] = struct.pack("<I", 0xFFFFFF00)
    damaged["seek.docx"] = seek
    damaged["truncated.docx"] = good[: len(good) // 2]
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in damaged.items():
        (folder / name).write_bytes(bytes(data))
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    result = _check("--isolated", str(folder), "--format", "json")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == len(damaged)
    assert all(": 不是有效的 .docx 文件(已损坏或被截断):" in line for line in lines), lines
    assert '"rule": "RT001"' in result.stdout  # the good file is still audited


def test_html_marked_section_assertion(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text("<html><body><p>全县适龄儿童应接种2000人,实际接种1900人,接种率为96%。</p>"
                    "<![CDA[ 不是合法的标记 ]]><p>已完成。</p><![if", encoding="utf-8")
    result = _check("--isolated", str(page))
    assert result.exit_code == 1, result.output
    assert "[RT001]" in result.stdout and "检查时出错" not in result.output


def _surrogate_pdf(path):
    """A one-page PDF whose ToUnicode map sends glyph A to the lone surrogate U+D800."""
    from documents import _write_pdf

    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Adobe-Identity-UCS def\n"
            "/CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n"
            "1 beginbfrange <41> <41> [55296] endbfrange\n"
            "1 beginbfrange <42> <42> <0042> endbfrange\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n")
    content = "BT /F1 20 Tf 72 700 Td (ABBA) Tj ET\n"
    return _write_pdf(path, [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}endstream",
    ])


def test_pdf_lone_surrogate(tmp_path):
    from auditor.read import read_document

    pdf = _surrogate_pdf(tmp_path / "surrogate.pdf")
    document = read_document(pdf, "surrogate.pdf")
    assert document.text.strip() == "\ufffdBB\ufffd"
    for output_format in ("text", "json", "sarif", "junit", "html"):
        result = _check("--isolated", str(pdf), "--format", output_format)
        assert result.exit_code == 0 and "检查时出错" not in result.output, (output_format, result.output)


def test_junit_invalid_xml_control_char(tmp_path):
    import xml.etree.ElementTree as ET

    from openpyxl import load_workbook

    report = tmp_path / "report.txt"
    report.write_text("全县儿童免疫接种率为101%\x0b。\n全县适龄儿童应接种2000人,实际接种1900人,接种率为96%\x01。\n", encoding="utf-8")
    junit = tmp_path / "out.xml"
    result = _check("--isolated", str(report), "--format", "junit", "--fail-on", "warning", "-o", str(junit))
    assert result.exit_code == 1, result.output
    tree = ET.parse(junit)  # well-formed
    texts = " ".join(e.text or "" for e in tree.iter())
    assert "\x0b" not in texts and "101%\ufffd。" in texts and "96%\ufffd。" in texts
    workbook = tmp_path / "out.xlsx"
    result = _check("--isolated", str(report), "--format", "xlsx", "-o", str(workbook))
    assert result.exit_code == 1, result.output  # RT001 is an error
    cells = [c.value for row in load_workbook(workbook).worksheets[0].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("101%\ufffd。" in c for c in cells)


# --- reference_nan_inf_huge, baseline_malformed_internal_error --------------------------


@pytest.mark.parametrize(
    "value, error",
    [
        ("NaN", "第 2 行的 value 值 NaN 不是数字"),
        ("sNaN", "第 2 行的 value 值 sNaN 不是数字"),
        ("-Infinity", "第 2 行的 value 值 -Infinity 不是数字"),
        ("", "第 2 行的 value 值  不是数字"),
        ("1e100000000", "第 2 行的 value 值 1e100000000 超出范围"),
        ("1E-99999", "第 2 行的 value 值 1E-99999 超出范围"),
    ],
)
def test_reference_nan_inf_huge(inputs, value, error, monkeypatch, no_hang):
    import auditor.runner

    monkeypatch.setattr(auditor.runner, "iter_audit", lambda *a, **k: pytest.fail("audited with a bad table"))
    table = inputs / "ref.csv"
    table.write_text(f"metric,value\n接种率,{value}\n", encoding="utf-8")
    result = _check("--isolated", str(inputs / "in"), "--reference", str(table))
    assert (result.exit_code, result.output) == (2, f"auditor: 参考表有误:{table}:{error}\n")


def test_reference_ordinary_values_still_work(inputs):
    table = inputs / "ref.csv"
    table.write_text("metric,value\n接种率,96\n", encoding="utf-8")
    assert _check("--isolated", str(inputs / "in"), "--reference", str(table)).exit_code == 1  # RT001 only


@pytest.mark.parametrize(
    "content, error",
    [
        ('{"version": 1, "findings": [{"key": ["a"]}]}', "第 1 条记录的 key 应为字符串"),
        ("[" * 100_000 + "]" * 100_000, "不是基线文件(nested too deeply)"),
        ('{"version": 1, "findings": [' + "9" * 5000 + "]}",
         "不是基线文件(Exceeds the limit (4300 digits) for integer string conversion)"),
        ('{"version": true, "findings": []}', "不是第 1 版基线文件"),
        ('{"version": 1.0, "findings": []}', "不是第 1 版基线文件"),
        (None, "不是基线文件(Is a directory)"),
    ],
)
def test_baseline_malformed_internal_error(inputs, content, error, monkeypatch):
    import auditor.runner

    monkeypatch.setattr(auditor.runner, "iter_audit", lambda *a, **k: pytest.fail("audited with a bad baseline"))
    baseline = inputs / "base.json"
    if content is None:
        baseline.mkdir()
    else:
        baseline.write_text(content, encoding="utf-8")
    result = _check("--isolated", str(inputs / "in"), "--baseline", str(baseline))
    assert (result.exit_code, result.output) == (2, f"auditor: 基线文件有误:{baseline}:{error}\n")


# --- one_bad_byte_whole_file_refused, bom_only_is_clean ---------------------------------


def test_one_bad_byte_whole_file_refused(tmp_path):
    """Decision: a few stray bytes in otherwise good UTF-8 are read as U+FFFD and
    reported where they are (RD003); text in another encoding is still detected."""
    body = "\n".join(SMALL_REPORT).encode("utf-8")
    middle = body.index("各村卫生室".encode())
    damaged = tmp_path / "report.txt"
    damaged.write_bytes(body[:middle] + b"\xff" + body[middle:])
    result = _check("--isolated", str(damaged), "--format", "json")
    import json

    found = [(f["rule"], f["line"], f["excerpt"][f["mark"][0]:f["mark"][1]] if "mark" in f else None)
             for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert ("RD003", 4) in [(rule, line) for rule, line, _ in found]
    assert {rule for rule, _, _ in found} >= {"RT001", "CH001", "PH001", "RD003"}
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("\n".join(SMALL_REPORT).encode("gb18030"))
    assert "[RT001]" in _check("--isolated", str(gbk)).stdout
    noise = tmp_path / "noise.txt"
    noise.write_bytes(body[:200] + bytes(range(0x80, 0xC0)) * 4 + body[200:])  # far more than a stray byte
    assert "RD003" not in _check("--isolated", str(noise)).stdout


def test_bom_only_is_clean(tmp_path):
    """An empty file, a byte-order mark alone, or a BOM with blank lines: one rule
    and one code path for all (decode_bytes' `empty`), a notice "文件为空"."""
    cases = {"empty.txt": b"", "bom8.txt": b"\xef\xbb\xbf", "bom16.txt": b"\xff\xfe",
             "bom_blank.txt": b"\xef\xbb\xbf\r\n  \n\xe3\x80\x80\n", "blank.txt": b" \n\t\n"}
    outcomes = set()
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = _check("--isolated", str(path))
        outcomes.add((result.exit_code, result.stderr.replace(str(path), "FILE")))
    assert outcomes == {(0, "FILE: 文件为空\n")}


# --- pdf_memory_per_page ----------------------------------------------------------------


def test_pdf_memory_per_page(tmp_path, monkeypatch):
    """Each page is released once its text is taken (pdfplumber kept all of them:
    ~3.7 MiB a page). Peak memory itself is printed by benchmarks/bench.py."""
    import pdfplumber.page

    from auditor.read import read_document
    from documents import make_pdf

    pages = [[f"第{p}页:全县适龄儿童应接种{2000 + p}人,实际接种1900人。"] for p in range(1, 31)]
    pdf = make_pdf(tmp_path / "pages.pdf", pages)
    closed: list[int] = []
    real_close = pdfplumber.page.Page.close

    def close(page):
        closed.append(page.page_number)
        return real_close(page)

    real_extract = pdfplumber.page.Page.extract_text

    def extract_text(page, *args, **kwargs):
        assert closed[: page.page_number - 1] == list(range(1, page.page_number)), "an earlier page is still held"
        return real_extract(page, *args, **kwargs)

    monkeypatch.setattr(pdfplumber.page.Page, "close", close)
    monkeypatch.setattr(pdfplumber.page.Page, "extract_text", extract_text)
    document = read_document(pdf, "pages.pdf")
    assert closed[:30] == list(range(1, 31))  # each as soon as it is read (pdfplumber closes them again at the end)
    assert document.text.splitlines()[29] == "第30页:全县适龄儿童应接种2030人,实际接种1900人。"
    assert dict(document.blocks[29].label) == {"page": 30, "line": 1}


def test_long_chinese_numeral_run():
    """Found by tests/test_properties.py: thousands of 一 in a row were read as
    one numeral past Python's 4,300-digit int limit (ValueError: file lost)."""
    assert hits("一" * 5000 + "\n" + REPORT) == [("RT001", "96%")]
