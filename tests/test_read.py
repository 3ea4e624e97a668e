"""Reading: encodings detected, bad input named in one line, nothing modified."""

from pathlib import Path

import pytest

from auditor.read import InputError, decode_bytes, expand_paths

TEXT = "全县累计建立居民健康档案59.5万份,建档率达到96.9%。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"])
def test_simplified_encodings(encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    text, _ = decode_bytes(data)
    assert text == TEXT


def test_big5_traditional():
    source = "衛生局雙十工程工作匯報,全縣累計建立居民健康檔案59.5萬份,建檔率達到96.9%。"
    text, encoding = decode_bytes(source.encode("big5"))
    assert text == source and encoding.lower().startswith("big5")


@pytest.mark.parametrize(
    "data, code",
    [(b"", "empty"), (b"   \n", "empty"), (bytes(range(256)) * 20, "binary"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(200), "binary")],
)
def test_bad_bytes(data, code):
    with pytest.raises(InputError) as info:
        decode_bytes(data)
    assert info.value.code == code


def test_expand_paths_reports_missing_and_empty_directories(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "docs" / "a.md").write_text("甲", encoding="utf-8")
    (tmp_path / "docs" / "image.png").write_bytes(b"\x89PNG")
    targets = expand_paths([str(tmp_path / "nope.txt"), str(tmp_path / "empty"), str(tmp_path / "docs")], [], [])
    assert [t.error.code if t.error else Path(t.display).name for t in targets] == ["missing", "nothing_to_audit", "a.md", "b.txt"]


def test_symlink_loop_is_walked_once(tmp_path: Path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    targets = expand_paths([str(tmp_path / "d")], [], [])
    assert [Path(t.display).name for t in targets] == ["a.txt"]


def test_include_and_exclude_globs(tmp_path: Path):
    for name in ("keep.txt", "drafts/skip.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("甲", encoding="utf-8")
    targets = expand_paths([str(tmp_path)], [], ["*/drafts/*"])
    assert [Path(t.display).name for t in targets] == ["keep.txt"]
