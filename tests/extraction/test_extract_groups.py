"""Whom each offer is for: the people its own tier of the sentence names (the
finder shows a graduate only what a graduate gets). Texts written for these tests."""
from policies.extraction import extract


def _groups(text):
    return [(i.quantity.value, i.groups) for i in extract(text).incentives]


def test_a_run_of_figures_after_a_list_of_degrees_gives_each_its_own():
    assert _groups("东海县按照博士、硕士、本科每人每年发放2万元、1.2万元、0.6万元租房补贴。") == [
        (20000, ("doctorates",)), (12000, ("masters",)), (6000, ("bachelors",))]
    assert _groups("某县对全日制博士、硕士，可分别享受生活补贴11万元、5万元。") == [
        (110000, ("doctorates",)), (50000, ("masters",))]


def test_each_tier_of_a_sentence_is_for_the_people_it_names():
    assert _groups("某县对引进的高校毕业生，博士给予5万元安家补贴，硕士3万元，本科1万元。") == [
        (50000, ("doctorates",)), (30000, ("masters",)), (10000, ("bachelors",))]
    assert _groups("某县对高层次人才给予100万元购房补贴，对青年人才每月发放1000元生活补贴。") == [
        (1000000, ("high_level",)), (1000, ("graduates",))]


def test_a_tier_begins_after_the_figure_before_it_not_at_the_last_comma():
    assert _groups("某县每月发放租房补贴，博士每月2000元、硕士每月1200元、本科每月600元。") == [
        (2000, ("doctorates",)), (1200, ("masters",)), (600, ("bachelors",))]
    assert _groups("入住人才公寓可享受硕士5折、本科7折的优惠。") == [(50, ("masters",)), (70, ("bachelors",))]
    # a tier naming nobody after one that does is still the sentence's people's
    assert _groups("某县引进博士给予10万元安家补贴和5万元购房补贴。") == [
        (100000, ("doctorates",)), (50000, ("doctorates",))]


def test_a_tier_naming_nobody_takes_the_sentences_people():
    assert _groups("某县为来县创业的高校毕业生，提供人才公寓300套。") == [(300, ("graduates", "entrepreneurs"))]


def test_and_above_takes_in_the_higher_degrees_and_a_degree_is_more_precise_than_graduates():
    assert _groups("某县对本科学历及以上的高校毕业生给予每月1000元租房补贴。") == [
        (1000, ("bachelors", "masters", "doctorates"))]
    assert _groups("某县对硕士以上毕业生给予每月1500元租房补贴。") == [(1500, ("masters", "doctorates"))]


def test_graduates_named_first_in_a_sentence_stay_graduates():
    assert _groups("青年人才每月发放1000元生活补贴。") == [(1000, ("graduates",))]


def test_fei_excludes_a_group_and_a_postdoc_is_a_researcher_not_a_phd():
    assert _groups("某县对非医疗卫生单位引进的全日制博士，给予购房补贴最高100万元。") == [
        (1000000, ("doctorates",))]
    assert _groups("某县对进站博士后给予10万元生活补贴。") == [(100000, ("researchers",))]


def test_a_tier_naming_nobody_does_not_take_the_people_other_tiers_name():
    """奖励9万元 stands in a sentence whose other tiers are for masters and bachelors: it is theirs
    no more than it is anyone's, so it takes the sentence's other people only."""
    assert _groups("某县对来县创业的青年，奖励9万元,硕士3.6万元,本科毕业生2.52万元。") == [
        (90000, ("graduates", "entrepreneurs")), (36000, ("masters",)), (25200, ("bachelors",))]
    assert _groups("某县住房补贴:拔尖人才9万元,硕士3.6万元,本科毕业生2.52万元。")[0] == (90000, ("high_level",))


def test_principals_and_master_teachers_are_education_talent():
    # a grade of the same people is theirs too: 合格 names nobody, but only principals are graded
    assert _groups("某县第一类名优校长年度考核优秀给予生活补贴20万元/年，合格给予生活补贴15万元/年。") == [
        (200000, ("education",)), (150000, ("education",))]


def test_a_grant_without_a_figure_ends_the_tier_of_the_people_it_is_for():
    """博士全免 has no figure to end the doctorates' tier: the 4折 after it is the masters' alone."""
    assert _groups("入住期间可享受博士全免、硕士或“双一流”本科4折、本科7折的优惠。") == [
        (40, ("bachelors", "masters")), (70, ("bachelors",))]
    assert _groups("入住人才公寓，博士免费、硕士5折。") == [(50, ("masters",))]
    # the figure's own grant word is its own tier's: the flats are the doctorates'
    assert _groups("某县对博士免费提供人才公寓50套。") == [(50, ("doctorates",))]
