"""Loading the rule pack: user packs on top of the built-in one, overrides, and
every mistake in a pack refused at load with a line naming the file and rule."""

from auditor.rulepack import load_rulepack
from conftest import hits


def test_may_exceed_is_data_a_user_pack_can_change(tmp_path):
    (tmp_path / "mine.yaml").write_text("rules:\n  - id: RB001\n    params:\n      may_exceed: [住院分娩率]\n", encoding="utf-8")
    pack = load_rulepack([tmp_path])
    assert hits("住院分娩率103%。", pack=pack) == []
    assert hits("合格率103%。", pack=pack) == [("RB001", "103%")]
