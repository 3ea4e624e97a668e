"""`auditor figures`: many files in, the figures table and the relations
table out (csv, json, parquet, xlsx), and the same table for one text from
Python. Rows come from auditor.table; files are read and analysed on the
same load-and-guard path as `auditor check` (auditor.runner.prepare)."""

from __future__ import annotations

from pathlib import Path

from auditor.model import FileResult
from auditor.runner import prepare
from auditor.table import FIGURE_COLUMNS, RELATION_COLUMNS, figure_rows, frame, relation_rows, write_xlsx


def collect(targets, pack, lang: str, max_bytes: int) -> tuple[list[dict], list[dict], list[str]]:
    figures, relations, errors = [], [], []
    for target in targets:
        analysis = prepare(target, pack, lang, max_bytes)
        if isinstance(analysis, FileResult):
            errors.append(f"{target.display}: {analysis.error}")
            continue
        figures.extend(figure_rows(analysis, analysis.rows))
        relations.extend(relation_rows(analysis, analysis.relations))
    return figures, relations, errors


def export_figures(targets, pack, lang: str, fmt: str, output: Path | None, relations_output: Path | None, max_bytes: int) -> bool:
    import click

    from auditor.output import replacing, write_text

    figures, relations, errors = collect(targets, pack, lang, max_bytes)
    for line in errors:
        click.echo(line, err=True)
    check_columns = [c for c in (figures[0] if figures else {}) if c not in FIGURE_COLUMNS]
    figures_frame = frame(figures, FIGURE_COLUMNS + check_columns)
    relations_frame = frame(relations, RELATION_COLUMNS)
    if fmt == "xlsx":
        with replacing(output) as temporary:
            write_xlsx(temporary, {"figures": figures_frame, "relations": relations_frame})
    elif fmt == "parquet":
        with replacing(output) as temporary:
            _typed(figures_frame).to_parquet(temporary, index=False)
        if relations_output is not None:
            with replacing(relations_output) as temporary:
                _typed(relations_frame).to_parquet(temporary, index=False)
    elif fmt == "json":
        import json

        text = json.dumps({"figures": figures, "relations": relations}, ensure_ascii=False, indent=2) + "\n"
        _emit(text, output)
    else:
        _emit(figures_frame.to_csv(index=False, lineterminator="\n"), output)
        if relations_output is not None:
            write_text(relations_output, relations_frame.to_csv(index=False, lineterminator="\n"))
    return bool(errors)


def _typed(table):
    """Columns that mix kinds (exact decimals as text, booleans, blanks) as strings for Arrow."""
    mixed = [c for c in table.columns if table[c].dtype == object]
    return table.astype({c: "string" for c in mixed})


def _emit(text: str, output: Path | None) -> None:
    import click

    from auditor.output import write_text

    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text)


def figures_table(text: str, path: str = "-", pack=None):
    """The figures table of a text as a pandas DataFrame, for use from Python:

        >>> from auditor.figures import figures_table
        >>> figures_table("接种率为97.66%。")[["text", "value", "kind", "metric"]]
    """
    from auditor.audit import analyse
    from auditor.read import Document
    from auditor.rulepack import load_rulepack

    analysis = analyse(Document(path, text, "str"), pack or load_rulepack())
    rows = figure_rows(analysis, analysis.rows)
    return frame(rows, FIGURE_COLUMNS + [c for c in (rows[0] if rows else {}) if c not in FIGURE_COLUMNS])
