"""SH001: a share (其中A 718人,占31.6%; 占总数的…) against its part and total."""

from __future__ import annotations

from auditor.checks.ratio import RatioCheck


class ShareCheck(RatioCheck):
    """A stated share against part / total, both rounding and truncation accepted."""

    name = "share"
    kind = "share"
    prefix = "share"


CHECKS = (ShareCheck(),)
