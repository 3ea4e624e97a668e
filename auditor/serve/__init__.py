"""`auditor serve`: a local web page to audit reports in a browser.

A Starlette app served by uvicorn on 127.0.0.1. The page (page.html, one
self-contained file: no CDN, a CJK system font stack) posts the files or the
pasted text to `POST /api/check` and shows the text with every finding
marked. Uploads are written to a temporary directory only while they are
audited and deleted before the answer goes back; the downloads (commented
.docx, xlsx, HTML report) are made then and kept in memory for the last
`KEEP_JOBS` checks. The JSON API is documented in docs/serve.md.
"""

from __future__ import annotations

import re
import secrets
import tempfile
from collections import OrderedDict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.i18n import category_name, message
from auditor.model import FileResult
from auditor.rulepack import CATEGORIES, RulePack

DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
KEEP_JOBS = 32
SUFFIXES = (".docx", ".pdf", ".txt", ".md", ".markdown", ".html", ".htm")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Job:
    """What one check left to download."""

    names: list[str]
    docx: list[bytes | None] = field(default_factory=list)
    xlsx: bytes = b""
    html: str = ""


def human_size(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def safe_name(name: str, fallback: str) -> str:
    """The file's own name, without any folders, and nothing a file system minds."""
    base = re.split(r"[\\/]", name or "")[-1].strip().lstrip(".")
    base = re.sub(r"[\x00-\x1f<>:\"|?*]", "_", base)[:120]
    return base or fallback


def audit_uploads(uploads: list[tuple[str, bytes]], text: str, pack: RulePack, lang: str,
                  max_bytes: int) -> tuple[list[FileResult], Job]:
    """Audit the uploaded files (name, bytes) and the pasted text in a temporary
    directory that is gone when this returns; make the downloads meanwhile."""
    from auditor.read import Target
    from auditor.render import render_string
    from auditor.render.docx_comments import commented_docx
    from auditor.render.xlsx_review import write as write_xlsx
    from auditor.runner import audit_target

    results: list[FileResult] = []
    job = Job(names=[])
    with tempfile.TemporaryDirectory(prefix="auditor-serve-") as folder:
        root = Path(folder)
        entries = list(uploads)
        if text.strip():
            entries.append((message("serve_pasted_name", lang), text.encode("utf-8")))
        for index, (name, data) in enumerate(entries):
            display = safe_name(name, f"file-{index + 1}.txt")
            path = root / str(index) / display
            path.parent.mkdir()
            path.write_bytes(data)
            suffix = path.suffix.lower()
            if suffix not in SUFFIXES:
                from auditor.read import InputError

                target = Target(None, display, InputError("unsupported", suffix=suffix or "?"))
            else:
                target = Target(path, display)
            result = audit_target(target, pack, lang, max_bytes, keep_text=True, keep_figures=True)
            results.append(result)
            job.names.append(display)
            job.docx.append(commented_docx(result, lang, source=path) if result.error is None else None)
        xlsx_path = root / "findings.xlsx"
        write_xlsx(xlsx_path, results, lang, with_figures=True)
        job.xlsx = xlsx_path.read_bytes()
    job.html = render_string("html", results, lang)
    return results, job


def file_json(result: FileResult, index: int, job_id: str, lang: str) -> dict[str, Any]:
    from auditor.locate import describe

    findings = []
    for finding in result.findings:
        entry = finding.as_json_in(lang)
        entry["severity_name"] = message(finding.severity, lang)
        entry["category_name"] = category_name(finding.category, lang)
        entry["where"] = describe(finding.location, lang) or f"{finding.line}:{finding.column}"
        findings.append(entry)
    return {
        "path": result.path,
        "error": {"code": result.error_code, "message": result.error} if result.error is not None else None,
        "text": result.text,
        "findings": findings,
        "downloads": {"docx": f"/api/jobs/{job_id}/docx/{index}"} if result.error is None else {},
    }


def create_app(pack: RulePack | None = None, default_lang: str = "zh", max_upload: int = DEFAULT_MAX_UPLOAD):
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    from auditor.render import tally
    from auditor.render.text import summary_text
    from auditor.rulepack import load_rulepack

    pack = pack or load_rulepack()
    jobs: OrderedDict[str, Job] = OrderedDict()
    page = resources.files("auditor.serve").joinpath("page.html").read_text(encoding="utf-8")

    def refuse(status: int, code: str, lang: str, **params) -> JSONResponse:
        return JSONResponse({"error": {"code": code, "message": message(code, lang, **params)}}, status_code=status)

    async def index(request: Request) -> HTMLResponse:
        return HTMLResponse(page.replace("__DEFAULT_LANG__", default_lang).replace("__MAX_UPLOAD__", str(max_upload)))

    async def check(request: Request) -> JSONResponse:
        lang = request.query_params.get("lang", default_lang)
        lang = lang if lang in ("zh", "en") else default_lang
        declared = int(request.headers.get("content-length") or 0)
        limit = human_size(max_upload)
        if declared > max_upload + 64 * 1024:
            return refuse(413, "serve_too_large", lang, limit=limit)
        try:
            form = await request.form(max_files=50, max_fields=20, max_part_size=max_upload)
        except Exception:  # noqa: BLE001 - a malformed or oversized body, whatever the parser's error
            if declared > max_upload:
                return refuse(413, "serve_too_large", lang, limit=limit)
            return refuse(400, "serve_bad_upload", lang)
        lang = form.get("lang") if form.get("lang") in ("zh", "en") else lang
        uploads = []
        total = 0
        for item in form.getlist("files"):
            if isinstance(item, str):
                continue
            data = await item.read()
            total += len(data)
            if total > max_upload:
                return refuse(413, "serve_too_large", lang, limit=limit)
            uploads.append((item.filename or "", data))
        text = form.get("text") or ""
        text = text if isinstance(text, str) else ""
        if not uploads and not text.strip():
            return refuse(400, "serve_nothing", lang)
        results, job = await run_in_threadpool(audit_uploads, uploads, text, pack, lang, max_upload)
        job_id = secrets.token_hex(8)
        jobs[job_id] = job
        while len(jobs) > KEEP_JOBS:
            jobs.popitem(last=False)
        counts = tally(results).as_summary()
        return JSONResponse({
            "version": 1,
            "job": job_id,
            "lang": lang,
            "summary": counts,
            "summary_text": summary_text(counts, lang),
            "categories": {c: category_name(c, lang) for c in CATEGORIES},
            "files": [file_json(r, i, job_id, lang) for i, r in enumerate(results)],
            "downloads": {"xlsx": f"/api/jobs/{job_id}/xlsx", "html": f"/api/jobs/{job_id}/html"},
        })

    def _job(request: Request) -> Job | None:
        return jobs.get(request.path_params["job"])

    def attachment(data: bytes | str, media_type: str, name: str) -> Response:
        from urllib.parse import quote

        disposition = f"attachment; filename=\"{quote(name)}\"; filename*=UTF-8''{quote(name)}"
        return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})

    async def docx_download(request: Request) -> Response:
        job, index = _job(request), request.path_params["index"]
        if job is None or index >= len(job.docx) or job.docx[index] is None:
            return refuse(404, "serve_gone", default_lang)
        return attachment(job.docx[index], DOCX_TYPE, Path(job.names[index]).stem + ".审核.docx")

    async def xlsx_download(request: Request) -> Response:
        job = _job(request)
        if job is None:
            return refuse(404, "serve_gone", default_lang)
        return attachment(job.xlsx, XLSX_TYPE, "auditor-findings.xlsx")

    async def html_download(request: Request) -> Response:
        job = _job(request)
        if job is None:
            return refuse(404, "serve_gone", default_lang)
        return attachment(job.html, "text/html; charset=utf-8", "auditor-report.html")

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "version": __version__})

    return Starlette(routes=[
        Route("/", index),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/jobs/{job}/docx/{index:int}", docx_download),
        Route("/api/jobs/{job}/xlsx", xlsx_download),
        Route("/api/jobs/{job}/html", html_download),
        Route("/api/health", health),
    ])


def serve(host: str = "127.0.0.1", port: int = 8765, **options: Any) -> None:
    import uvicorn

    uvicorn.run(create_app(**options), host=host, port=port, log_level="warning")
