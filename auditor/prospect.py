"""A figure spoken of as to come: 预计明年合格率为99.5%, 计划到2025年医护比达到1:1.5,
力争每万人拥有医师35名. A target or a forecast is no result of the figures the
text states: no relation is judged on it."""

from __future__ import annotations

import re

# 计划免疫 and 完成目标任务的 are no future: only words that put the figure ahead
_PROSPECT_RE = re.compile(
    r"预计|预期|力争|争取|有望|明年|下一年|下年度|来年|今后|未来|远期|"
    r"(?:计划|规划|目标|拟|将)(?:在|于|到|至)?\s*(?:(?:19|20)\d{2}\s*年|年底|年末|明年|\d{1,2}\s*月)|"
    r"目标(?:为|是|值)|确保|(?<![截])(?:到|至)\s*20[2-9]\d\s*年(?:底|末)?[^,。;]{0,20}?(?:达到|提高|提升|降低|下降|控制|实现|突破|不低于|保持)|"
    r"将(?:达到|提高到|提升到|提高至|提升至|控制在|保持在|实现)"
)
_REACH = 40


def spoken_of_as_to_come(text, offset: int) -> bool:
    """Whether the clause (and its sentence's opening clause) before `offset` puts the figure there ahead."""
    clause_start, _ = text.clause_span(offset)
    if _PROSPECT_RE.search(text.norm, max(clause_start, offset - _REACH), offset):
        return True
    sentence_start, _ = text.sentence_span(offset)
    if sentence_start < clause_start:  # 到2025年,全县…,每万人拥有…: a lead clause puts the whole sentence ahead
        first_end = text.clause_span(sentence_start)[1]
        lead = text.norm[sentence_start : min(first_end, sentence_start + _REACH)]
        return bool(_PROSPECT_RE.search(lead)) and not _DONE_RE.search(text.norm, first_end, offset)
    return False


_DONE_RE = re.compile(r"已|实际|完成|达到了")
