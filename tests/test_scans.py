"""Scans written for speed find what the plain regex search finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.relate import _AMONG_RE, _among_matches

_PIECES = ["其中", "当中", "包括", "包含", "分别为", "分别是", "结果为", "结果是", "测试", "(", ")", ":", ",", ";",
           "\n", " ", "\u3000", "\t", "人", "12", "年", "含", "如", "、", "。", "其", "中"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_among_matches_are_the_among_pattern_s_matches(pieces):
    norm = "".join(pieces)
    assert [(m.span(), m.groups()) for m in _among_matches(norm)] == [(m.span(), m.groups()) for m in _AMONG_RE.finditer(norm)]
