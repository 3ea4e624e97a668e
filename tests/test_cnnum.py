"""The standard-form reader of Chinese numerals agrees with cn2an wherever it
answers, and answers for every standard form, so cn2an is imported only for
irregular numerals."""

import itertools
import subprocess
import sys
from decimal import Decimal

import pytest

from auditor.cnnum import standard_number, written

cn2an = pytest.importorskip("cn2an")


def through_cn2an(text: str) -> Decimal | None:
    for mode in ("strict", "normal"):
        try:
            return Decimal(str(cn2an.cn2an(text.replace("〇", "零"), mode)))
        except (ValueError, KeyError, IndexError):
            continue
    return None


def test_every_short_string_is_read_as_cn2an_reads_it_or_left_to_it():
    alphabet = "零〇一二两三四五六七八九十百千万亿点"
    answered = 0
    for length in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            mine = standard_number(text)
            if mine is not None:
                answered += 1
                assert str(mine) == str(through_cn2an(text)), text
    assert answered > 300


@pytest.mark.parametrize("value", [*range(0, 2100), 10005, 100010, 120000, 1000000, 20240000, 3050000000])
def test_the_standard_form_of_each_number_is_read_back(value):
    text = cn2an.an2cn(value)
    assert standard_number(text) == value == standard_number(written(value))


def test_written_is_cn2an_an2cn():
    assert [written(n) for n in range(0, 30000)] == [cn2an.an2cn(n) for n in range(0, 30000)]


@pytest.mark.parametrize("text, value", [
    ("十二", "12"), ("两万", "20000"), ("两千零二十四", "2024"), ("九十五点五", "95.5"), ("五点零", "5.0"),
    ("三点五零", "3.5"), ("〇点五", "0.5"), ("一亿零五千", "100005000"),
])
def test_examples(text, value):
    assert str(standard_number(text)) == value


@pytest.mark.parametrize("text", ["一百五", "一万二", "点五", "一点", "十十", "万", "两点两", "五点五点五"])
def test_irregular_forms_are_left_to_cn2an(text):
    assert standard_number(text) is None


def test_a_report_with_standard_numerals_does_not_import_cn2an(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("清河县2024年工作总结\n建成三个中心,开展十二项活动,培训两千零二十四人次,达标率百分之九十五点五。\n"
                      "一是加强领导。二是完善制度。四是强化考核。\n", encoding="utf-8")
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom auditor.cli import main\n"
        f"result = CliRunner().invoke(main, ['check', '--isolated', {str(report)!r}, '--format', 'json'])\n"
        "import json; data = json.loads(result.stdout)\n"
        "assert [f['rule'] for f in data['files'][0]['findings']] == ['NB001'], result.stdout\n"
        "print(result.exit_code in (0, 1), len(data['files']), 'cn2an' in sys.modules)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.stdout.split() == ["True", "1", "False"], completed.stderr
