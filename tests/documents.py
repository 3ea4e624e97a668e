"""Make .docx and .pdf files on the fly for the tests."""

from __future__ import annotations

from pathlib import Path


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None, numbered: list[str] | None = None) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for text in numbered or []:
        document.add_paragraph(text, style="List Number")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with a real text layer: a CID font with a ToUnicode map, no glyphs
    embedded (text extraction does not need them)."""
    chars = sorted({ch for page in pages for line in page for ch in line})
    mapping = "".join(
        f"{len(block)} beginbfchar\n" + "".join(f"<{ord(c):04X}> <{ord(c):04X}>\n" for c in block) + "endbfchar\n"
        for block in (chars[i : i + 100] for i in range(0, len(chars), 100))
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{mapping}endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    objects: list[str] = []
    page_ids = []
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(None)  # pages, filled later
    objects.append("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
                   "/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
    objects.append("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
    objects.append(f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}endstream")
    for page in pages:
        ops = ["BT", "/F1 10 Tf"]
        y = 800
        for line in page:
            hexed = "".join(f"{ord(c):04X}" for c in line)
            ops.append(f"1 0 0 1 40 {y} Tm <{hexed}> Tj")
            y -= 20
        ops.append("ET")
        content = "\n".join(ops) + "\n"
        objects.append(f"<< /Length {len(content.encode())} >>\nstream\n{content}endstream")
        content_id = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>")
        page_ids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] /Count {len(page_ids)} >>"
    return _write_pdf(path, objects)


def make_image_only_pdf(path: Path) -> Path:
    content = "0 0 1 rg 100 100 200 200 re f\n"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}endstream",
    ]
    return _write_pdf(path, objects)


def _write_pdf(path: Path, objects: list[str]) -> Path:
    """Objects numbered from 1 (the first is the catalog), an xref table, a trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def planted_docx(path: Path) -> Path:
    """A report with defects in a paragraph cut into several runs (one figure
    split across two runs), a hyperlink, list numbering and a table."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("东区疾控中心2025年上半年工作小结")
    paragraph = document.add_paragraph()
    for piece in ["全区应", "检测3", "600份,实际检测3", "420份,检测率为9", "6.50%", "。"]:
        paragraph.add_run(piece)
    paragraph = document.add_paragraph("辖区学生近视筛查率")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), "rId99")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "104.5%"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    paragraph.add_run(",组织演练××次。")
    for item in ["健全监测网络", "规范样本转运", "加强人员培训"]:
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("6.做好应急值守")
    rows = [["街道", "应检人数", "实检人数", "检测率"], ["北街", "800", "760", "95.00%"],
            ["南街", "1200", "1150", "96.00%"], ["合计", "2000", "1930", "96.50%"]]
    table = document.add_table(rows=4, cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))
    return path
