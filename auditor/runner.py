"""Audit many files: every file on its own, bad ones reported, order stable."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from auditor.audit import analyse, run_rules, suppression_notices, to_findings, unused_suppression_notes
from auditor.i18n import message
from auditor.model import Analysis, FileResult
from auditor.pieces import audit_in_pieces, pieceable
from auditor.read import DEFAULT_MAX_BYTES, Document, InputError, Target, load_target
from auditor.rulepack import RulePack


def prepare(target: Target, pack: RulePack, lang: str, max_bytes: int = DEFAULT_MAX_BYTES,
            stdin: bytes | None = None) -> Analysis | FileResult:
    """Read and analyse one file, or the FileResult that says why it could
    not be: the load-and-guard path every engine shares. Never raises for a
    bad file."""
    document = load(target, lang, max_bytes, stdin)
    if isinstance(document, FileResult):
        return document
    try:
        return analyse(document, pack)
    except Exception as exc:  # a bug of ours must not cost the other files their audit
        return _internal(target, lang, exc)


def load(target: Target, lang: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: bytes | None = None) -> Document | FileResult:
    """Read one file, or the FileResult that says why it could not be read."""
    try:
        return load_target(target, max_bytes, stdin)
    except InputError as exc:
        return input_failure(target.display, exc, lang)
    except Exception as exc:
        return _internal(target, lang, exc)


NOTICES = ("empty",)  # input problems that leave nothing to audit but are not errors


def input_failure(display: str, exc: InputError, lang: str) -> FileResult:
    """A file that gave no text: an error (exit 2), or for an empty file a notice."""
    text = message(exc.code, lang, **exc.params)
    if exc.code in NOTICES:
        return FileResult(display, notice=text, notice_code=exc.code)
    return FileResult(display, error=text, error_code=exc.code)


def _internal(target: Target, lang: str, exc: Exception) -> FileResult:
    reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
    return FileResult(target.display, error=message("internal", lang, reason=reason), error_code="internal")


def audit_target(target: Target, pack: RulePack, lang: str, max_bytes: int = DEFAULT_MAX_BYTES,
                 stdin: bytes | None = None, keep_figures: bool = False, keep_text: bool = True,
                 keep_facts: bool = False) -> FileResult:
    """One file in, one result out; never raises for a bad file."""
    document = load(target, lang, max_bytes, stdin)
    if isinstance(document, FileResult):
        return document
    if not keep_figures and not keep_facts and pieceable(document):
        return _audit_in_pieces(target, document, pack, lang, keep_text)
    try:
        analysis = analyse(document, pack)
    except Exception as exc:  # a bug of ours must not cost the other files their audit
        return _internal(target, lang, exc)
    del document
    try:
        hits = run_rules(analysis, pack.enabled())
        findings, quiet = to_findings(analysis, hits, lang)
        unused = unused_suppression_notes(analysis, hits, lang)
        figures: tuple = ()
        relations: tuple = ()
        if keep_figures:
            from auditor.table import figure_rows, relation_rows

            figures = tuple(figure_rows(analysis, analysis.rows))  # with the check columns, as `auditor figures`
            relations = tuple(relation_rows(analysis, analysis.relations))
        facts = None
        if keep_facts:
            from auditor.across import document_facts

            facts = document_facts(analysis, analysis.relations)
    except Exception as exc:  # as above: one file's failure is that file's error
        return _internal(target, lang, exc)
    return FileResult(
        target.display,
        tuple(findings),
        text=analysis.text.original if keep_text else "",
        figures=figures,
        relations=relations,
        suppressed=quiet,
        facts=facts,
        notices=suppression_notices(analysis, lang),
        unused_suppressions=unused,
        **revision_notice(analysis, lang),
    )


def _audit_in_pieces(target: Target, document: Document, pack: RulePack, lang: str, keep_text: bool) -> FileResult:
    """A long plain-text document, a piece at a time (auditor.pieces): memory
    bounded by the piece, findings held compressed."""
    try:
        findings, quiet, unused, notices = audit_in_pieces(document, pack, lang)
    except Exception as exc:  # as above: one file's failure is that file's error
        return _internal(target, lang, exc)
    return FileResult(target.display, findings, text=document.text if keep_text else "", suppressed=quiet,
                      notices=notices, unused_suppressions=unused)


def revision_notice(analysis: Analysis, lang: str) -> dict[str, str]:
    """A .docx with tracked changes is audited as Word shows it with them
    accepted; the report says so, since the writer may yet reject some."""
    if not analysis.revisions:
        return {}
    return {"notice": message("pending_revisions", lang, count=analysis.revisions), "notice_code": "pending_revisions"}


def _worker(args: tuple) -> FileResult:
    return audit_target(*args)


_SHARED: tuple = ()  # in a pool worker: what every file is audited with, sent once per process


def _share(*settings) -> None:
    global _SHARED
    _SHARED = settings
    import signal

    # Ctrl-C is the parent's to handle: a worker killed by it mid-task left the
    # pool's shutdown waiting forever (a run that could not be interrupted)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pooled(target: Target) -> FileResult:
    pack, lang, max_bytes, keep_figures, keep_text, keep_facts = _SHARED
    return audit_target(target, pack, lang, max_bytes, None, keep_figures, keep_text, keep_facts)


def iter_audit(
    targets: list[Target],
    pack: RulePack,
    lang: str,
    jobs: int = 0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[Iterable], Iterable] | None = None,
    keep_figures: bool = False,
    keep_text: bool = False,
    keep_facts: bool = False,
) -> Iterator[FileResult]:
    """Results in the order of `targets`, whatever order the workers finish in,
    one at a time, so a caller that writes them out holds only a few."""
    jobs = jobs or os.cpu_count() or 1
    work = [(t, pack, lang, max_bytes, None, keep_figures, keep_text, keep_facts) for t in targets]
    if jobs == 1 or len(targets) < 4 or any(t.path is None and t.error is None for t in targets):
        iterator = map(_worker, work)
        yield from (progress(iterator) if progress else iterator)
        return
    from concurrent.futures import ProcessPoolExecutor  # not on the one-file path: 20 ms to import

    shared = (pack, lang, max_bytes, keep_figures, keep_text, keep_facts)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(targets)), initializer=_share, initargs=shared)
    try:
        iterator = pool.map(_pooled, targets, chunksize=max(1, min(16, len(targets) // (jobs * 8))))
        yield from (progress(iterator) if progress else iterator)
    except BaseException:  # Ctrl-C, a closed pipe: stop the workers now, do not wait for their queue
        _quiet_cancelled_futures()
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _quiet_cancelled_futures() -> None:
    """The pool's manager thread, seeing its workers stopped, tries to fail
    futures that were already cancelled; CPython raises InvalidStateError in
    that thread and prints its traceback. Once the run is being stopped that
    is expected, and no traceback may reach the user."""
    import threading
    from concurrent.futures import InvalidStateError

    previous = threading.excepthook

    def hook(args) -> None:
        if not issubclass(args.exc_type, InvalidStateError):
            previous(args)

    threading.excepthook = hook


def audit_targets(targets: list[Target], pack: RulePack, lang: str, **options) -> list[FileResult]:
    return list(iter_audit(targets, pack, lang, **options))
