"""A page saved from the browser (no <main>/<article>) is read as its article:
trafilatura finds it, the reader keeps its own lines, so positions still
point into the saved file."""

import sys

from auditor.read import Target
from auditor.read_html import read_html
from auditor.runner import audit_target
from conftest import _PACK

SAVED = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>城关镇卫生院2025年上半年工作小结_通知公告_城关镇人民政府</title>
<script>var pv = "访问量 9999 次";</script></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hd">互动交流</a> | 无障碍浏览 | 长者模式</div>
<div class="nav"><ul><li><a>机构概况</a></li><li><a>政策文件</a></li><li><a>通知公告</a></li><li><a>办事服务</a></li></ul></div>
<div class="crumb">当前位置:首页 &gt; 通知公告 &gt; 正文</div>
<div class="main-box">
<h1 class="title">城关镇卫生院2025年上半年工作小结</h1>
<div class="meta">发布日期:2025-07-03 来源:城关镇卫生院 阅读:356</div>
<div class="article-body">
<p>上半年,我院围绕基本医疗和公共卫生两条主线,稳步推进各项重点工作,现小结如下。</p>
<p>一是家庭医生签约。辖区常住人口21600人,签约9180人,签约率为43.50%,重点人群签约率保持在七成以上。</p>
<table>
<tr><td>村</td><td>应随访人数</td><td>实随访人数</td><td>随访率</td></tr>
<tr><td>东村</td><td>420</td><td>399</td><td>95.00%</td></tr>
<tr><td>西村</td><td>380</td><td>361</td><td>96.00%</td></tr>
</table>
<p>二是慢病管理。高血压规范管理人数由1250人增加到1320人,增长6.1%,糖尿病管理同步加强。</p>
<p>下半年将继续补齐短板,推动基层卫生服务能力再上新台阶,确保全年各项指标顺利完成。</p>
</div>
</div>
<div class="share">分享到:微信 微博 QQ空间 打印本页 关闭窗口</div>
<div class="pages">上一篇:镇卫生院开展义诊活动 下一篇:关于调整门诊时间的通知</div>
<div class="footer">主办单位:城关镇人民政府 网站标识码:0000000000 备案号:某ICP备00000000号 技术支持:某网络科技有限公司</div>
</body></html>
"""


def saved(tmp_path):
    path = tmp_path / "saved.html"
    path.write_text(SAVED, encoding="utf-8")
    return path


def test_a_saved_page_is_read_as_its_article_with_its_title(tmp_path):
    text = read_html(saved(tmp_path), "saved.html").text
    lines = text.splitlines()
    assert lines[0] == "城关镇卫生院2025年上半年工作小结"
    assert lines[1].startswith("上半年,我院围绕") and lines[-1].startswith("下半年将继续补齐短板")
    for furniture in ("首页", "当前位置", "分享到", "上一篇", "主办单位", "发布日期", "访问量"):
        assert furniture not in text
    assert "东村" in text and "96.00%" in text  # the table inside the article stays


def test_findings_on_the_article_point_into_the_saved_file(tmp_path):
    path = saved(tmp_path)
    result = audit_target(Target(path, str(path)), _PACK, "zh")
    found = [(f.rule, result.text[f.start : f.end]) for f in result.findings]
    assert found == [("RT001", "43.50%"), ("TB002", "96.00%"), ("CH001", "6.1%")]
    source = SAVED.split("\n")
    for finding in result.findings:
        line, column = finding.location["source_line"], finding.location["source_column"]
        quoted = result.text[finding.start : finding.end]
        assert source[line - 1][column - 1 : column - 1 + len(quoted)] == quoted
    assert not any(f.rule.startswith("RD") for f in result.findings)  # no navigation reported as debris


def test_without_trafilatura_the_whole_page_is_read(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    text = read_html(saved(tmp_path), "saved.html").text
    assert "当前位置" in text and "上半年,我院围绕" in text


def test_a_page_with_main_is_not_given_to_trafilatura(tmp_path, monkeypatch):
    import types

    calls = []
    fake = types.SimpleNamespace(extract=lambda *a, **k: calls.append(a))
    monkeypatch.setitem(sys.modules, "trafilatura", fake)
    path = tmp_path / "m.html"
    path.write_text("<nav>首页</nav><main><p>应接种1000剂次,实际接种990剂次,接种率为99.00%。</p></main>", encoding="utf-8")
    assert read_html(path, "m.html").text == "应接种1000剂次,实际接种990剂次,接种率为99.00%。\n"
    assert calls == []
    read_html(saved(tmp_path), "saved.html")
    assert len(calls) == 1
