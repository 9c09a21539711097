from importlib import resources

from claimclf.corpus.presumed import EXTRA_NAMES, HEADER, presumed_cosmetic_names, write_presumed_cosmetic
from claimclf.corpus.procedures import all_procedures
from claimclf.corpus.spec import en, procedure, zh
from claimclf.text import normalize


def _shipped() -> str:
    return (resources.files("claimclf") / "resources" / "presumed_cosmetic.txt").read_text(encoding="utf-8")


def test_names_are_the_presumed_procedures_and_the_extras_normalised_and_sorted():
    names = presumed_cosmetic_names()
    assert names == sorted(set(names))
    assert all(n == normalize(n) and n for n in names)
    assert {normalize(n) for n in EXTRA_NAMES} <= set(names)
    for p in all_procedures():
        own = {normalize(n) for n in (*p.names_en, *p.names_zh)}
        if p.presumed_cosmetic:
            assert own <= set(names), p.key
    assert "双眼皮" in names and "botox" in names
    assert "septoplasty" not in names and "鼻中隔矫正术" not in names


def test_a_procedure_marked_presumed_cosmetic_adds_its_names():
    marked = procedure("new_thing", ["Glow Lift"], ["水光提拉"], [en("cosmetic", "clear", "!x")],
                       presumed_cosmetic=True)
    unmarked = procedure("other_thing", ["Plain Repair"], ["普通修复"], [zh("therapeutic", "clear", "!y")])
    names = presumed_cosmetic_names([marked, unmarked])
    assert {"glow lift", "水光提拉"} <= set(names) and "plain repair" not in names


def test_written_file_has_a_header_and_one_name_per_line(tmp_path):
    path = tmp_path / "presumed.txt"
    names = write_presumed_cosmetic(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER and lines[0].startswith("#") and "claimclf data generate" in lines[0]
    assert lines[1:] == names == presumed_cosmetic_names()


def test_shipped_file_is_what_the_generator_writes(tmp_path):
    path = tmp_path / "presumed.txt"
    write_presumed_cosmetic(path)
    assert _shipped() == path.read_text(encoding="utf-8"), "run `claimclf data generate` and commit"
