"""`auditor serve`: the JSON API on a live server, and the page end to end in
a real headless Chromium (the Debian package CI installs; never downloaded)."""

import json
import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

from auditor.render.docx_comments import read_comments
from conftest import REPORTS
from documents import planted_docx

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

PASTED = "本季度应随访1500人,实际随访1380人,随访率为93.00%。\n"  # 1380/1500 = 92.00%


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, **options):
        from auditor.serve import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(**options), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            assert time.time() < deadline, "the server did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def server():
    with Server() as running:
        yield running


def post(server, files=(), text="", lang="zh"):
    return httpx.post(f"{server.url}/api/check", files=[("files", f) for f in files],
                      data={"text": text, "lang": lang}, timeout=60)


def test_check_files_and_pasted_text_and_download_everything(server, tmp_path):
    docx_path = planted_docx(tmp_path / "报告.docx")
    answer = post(server, files=[("报告.docx", docx_path.read_bytes()), ("坏文件.docx", b"PK\x03\x04 broken")], text=PASTED)
    assert answer.status_code == 200
    data = answer.json()
    assert data["version"] == 1 and data["lang"] == "zh"
    docx_file, broken, pasted = data["files"]
    assert [f["rule"] for f in docx_file["findings"]] == ["RT001", "RB002", "PH001", "NB001", "TB002", "TB001"]
    first = docx_file["findings"][0]
    assert docx_file["text"][first["start"] : first["end"]] == "96.50%"
    assert (first["message"], first["severity_name"], first["category_name"], first["where"]) == (
        "检测率96.50%与3420/3600=95.00%不符", "错误", "比率计算", "第2段")
    assert broken["error"]["code"] == "corrupt_docx" and broken["error"]["message"].startswith("不是有效的 .docx 文件")
    assert broken["findings"] == [] and broken["downloads"] == {}
    assert pasted["path"] == "粘贴的文本.txt" and [f["message"] for f in pasted["findings"]] == ["随访率93.00%与1380/1500=92.00%不符"]
    assert data["summary"]["findings"] == 7 and data["summary"]["errors"] == 1

    reviewed = httpx.get(server.url + docx_file["downloads"]["docx"])
    assert reviewed.status_code == 200 and "filename*=UTF-8''" in reviewed.headers["content-disposition"]
    assert [c.anchored for c in read_comments(reviewed.content)] == ["96.50%", "104.5%", "××", "6.", "96.00%", "1930"]
    pasted_docx = httpx.get(server.url + pasted["downloads"]["docx"]).content
    assert [c.anchored for c in read_comments(pasted_docx)] == ["93.00%"]

    import openpyxl

    (tmp_path / "r.xlsx").write_bytes(httpx.get(server.url + data["downloads"]["xlsx"]).content)
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["问题"]
    assert sheet.max_row == 1 + 7 and sheet["A2"].value == "报告.docx"
    report = httpx.get(server.url + data["downloads"]["html"]).text
    assert report.count('<tr class="finding"') == 7


def test_english_answers(server):
    data = post(server, text=PASTED, lang="en").json()
    (finding,) = data["files"][0]["findings"]
    assert finding["message"] == "随访率 93.00% does not match 1380/1500 = 92.00%"
    assert finding["severity_name"] == "error" and data["files"][0]["path"] == "pasted-text.txt"


def test_nothing_given_and_unknown_downloads(server):
    answer = post(server, text="   ")
    assert answer.status_code == 400 and answer.json()["error"]["message"] == "请选择文件或粘贴文本"
    assert httpx.get(server.url + "/api/jobs/nope/xlsx").status_code == 404


def test_unsupported_file_type_is_a_clear_message(server):
    data = post(server, files=[("图片.png", b"\x89PNG\r\n\x1a\n")]).json()
    assert data["files"][0]["error"] == {"code": "unsupported", "message": "不支持的文件类型 .png"}


def test_size_limit():
    with Server(max_upload=20_000) as small:
        answer = post(small, files=[("大.txt", "接种率为97.66%。".encode() * 2000)])
        assert answer.status_code == 413
        assert answer.json()["error"]["message"] == "上传内容过大(上限 19 KB)"


def test_uploads_are_deleted(server, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert post(server, files=[("a.txt", PASTED.encode())]).status_code == 200
    assert list(tmp_path.iterdir()) == []


def test_page_is_self_contained(server):
    page = httpx.get(server.url + "/").text
    assert "<script src" not in page and "<link" not in page and "http://" not in page and "https://" not in page
    assert '"Noto Sans CJK SC"' in page and "PingFang SC" in page


# --- the page in a real browser ------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (CI installs Debian's chromium)")
def test_the_page_in_headless_chromium(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    docx_path = planted_docx(tmp_path / "报告.docx")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page.goto(server.url + "/")
            assert page.inner_text("h1") == "数据质量审核"
            page.set_input_files("#file", [str(docx_path), str(REPORTS / "01_county_health_2024.txt")])
            page.fill("#text", "")
            page.click("#run")
            page.wait_for_selector("#f0 mark")
            assert page.locator("#f0 .doc mark").count() == 6
            assert page.locator("#f0 .finding").count() == 6
            assert page.locator("#f0 mark.error").first.inner_text() == "96.50%"
            assert page.locator("#f1 .finding").count() == 9
            assert "共检查 2 个文件,发现 15 个问题" in page.inner_text("#summary")
            # the list is grouped by category: the ratio group holds the two ratio findings
            assert page.locator('#f0 .group[data-category="ratio"] .finding').count() == 2
            # click a finding: its mark is focused
            page.click("#f0 .group[data-category=\"sum\"] .finding")
            focused = page.locator("#f0 mark.focus")
            assert focused.count() == 1 and focused.inner_text() == "1930"
            # filter a category out: its group hides and its marks go plain
            page.uncheck('#f0 .filters input[data-filter="placeholder"]')
            assert page.locator('#f0 .group[data-category="placeholder"]').is_hidden()
            assert page.locator('#f0 mark.off').inner_text() == "××"
            # download the commented Word file and reopen it
            with page.expect_download() as download_info:
                page.click("#f0 .dl-docx")
            saved = tmp_path / "downloaded.docx"
            download_info.value.save_as(saved)
            assert [c.anchored for c in read_comments(saved)] == ["96.50%", "104.5%", "××", "6.", "96.00%", "1930"]
            if os.environ.get("AUDITOR_SCREENSHOT"):  # the README's picture: the page on a sample report
                page.set_input_files("#file", [str(REPORTS / "01_county_health_2024.txt")])
                page.click("#run")
                page.wait_for_function("document.querySelectorAll('#f0 .finding').length === 9 && !document.querySelector('#f1')")
                page.click('#f0 .group[data-category="ratio"] .finding')
                page.wait_for_timeout(800)
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=os.environ["AUDITOR_SCREENSHOT"], full_page=False)
            # English: the same findings again, told in English
            shown = page.locator(".finding").count()
            page.click('.langs button[data-lang="en"]')
            page.wait_for_function("document.querySelector('#summary') && document.querySelector('#summary').textContent.includes('files audited')")
            assert page.inner_text("h1") == "Data-quality audit"
            assert page.locator(".finding").count() == shown
            assert "does not match" in page.inner_text("#f0 .group[data-category=\"ratio\"]")
            page.evaluate("localStorage.clear()")
            # a file dropped on the drop zone
            page.evaluate("""() => {
                const dropped = new DataTransfer();
                dropped.items.add(new File([%s], '拖入.txt', {type: 'text/plain'}));
                document.getElementById('drop').dispatchEvent(
                    new DragEvent('drop', {dataTransfer: dropped, bubbles: true, cancelable: true}));
            }""" % json.dumps(PASTED))
            assert "拖入.txt" in page.inner_text("#chosen")
            page.click("#run")
            page.wait_for_function("document.querySelector('#f0 h2') && document.querySelector('#f0 h2').textContent.includes('拖入.txt')")
            assert page.locator("#f0 .doc mark").all_inner_texts() == ["93.00%"]
            # a file it cannot read: a clear message
            page.set_input_files("#file", [])
            broken = tmp_path / "坏.pdf"
            broken.write_bytes(b"%PDF-1.4 garbage")
            page.set_input_files("#file", [str(broken)])
            page.click("#run")
            page.wait_for_selector(".file-error")
            assert "坏.pdf" in page.inner_text(".file-error") and "PDF" in page.inner_text(".file-error")
        finally:
            browser.close()


def test_the_serve_command_listens_on_loopback(tmp_path):
    import subprocess
    import sys

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "auditor.cli", "serve", "--isolated", "--no-open", "--port", str(port)],
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.time() < deadline, "auditor serve did not start"
                time.sleep(0.2)
        assert answer.json()["status"] == "ok"
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    assert f"审核页面已打开:http://127.0.0.1:{port}/" in err
