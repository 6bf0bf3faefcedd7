"""Comparisons and trend ties of `rules_tech` on invented sentences whose entities are given."""

from __future__ import annotations

from aigraph.extraction import rules_tech

from .given import hits as _hits


def test_a_game_or_a_player_beaten_is_no_rival():
    assert ("云帆科技", "competesWith", "星河科技") in _hits(rules_tech.competes, "云帆科技在市场上击败了星河科技。",
                                                      云帆科技="Company", 星河科技="Company")
    assert not _hits(rules_tech.competes, "十年前云帆科技的程序击败了星河科技游戏的高手。", 云帆科技="Company", 星河科技="Company")
    assert not _hits(rules_tech.competes, "云帆科技的棋类程序战胜了星河科技的世界冠军，也击败了星河科技 棋手。",
                     云帆科技="Company", 星河科技="Company")


def test_who_helps_others_compete_is_no_rival():
    text = "疫情期间，云帆科技正在帮助本地的小旅馆与星河科技和极光科技激烈竞争。"
    assert not _hits(rules_tech.competes, text, 云帆科技="Company", 星河科技="Company", 极光科技="Company")
    text = "疫情期间，云帆科技正在与星河科技和极光科技激烈竞争。"
    assert ("云帆科技", "competesWith", "星河科技") in _hits(rules_tech.competes, text, 云帆科技="Company", 星河科技="Company",
                                                      极光科技="Company")


def test_items_of_a_list_of_examples_are_tied_only_within_their_item():
    names = dict(晨星实验室="Company", 开源="Trend", 星河模型="Model", 多模态="Trend")
    got = _hits(rules_tech.related, "我们做的很多事都是如此，包括晨星实验室、一些开源的东西。", **names)
    assert ("晨星实验室", "relatedTo", "开源") not in got
    got = _hits(rules_tech.related, "新的应用层出不穷，例如星河模型的多模态版本和晨星实验室的工具。", **names)
    assert ("星河模型", "relatedTo", "多模态") in got


def test_a_description_between_two_names_is_the_earlier_names():
    names = dict(星河助手="Product", 极光助手="Product", 多模态="Trend", 智能体="Trend")
    got = _hits(rules_tech.related, "发布会介绍了星河助手实时多模态助手极光助手浏览器智能体。", **names)
    assert ("极光助手", "relatedTo", "多模态") not in got
    got = _hits(rules_tech.related, "发布会介绍了实时多模态助手极光助手。", **names)
    assert ("极光助手", "relatedTo", "多模态") in got


def test_a_list_of_things_named_with_a_trend_is_one_item():
    names = dict(北辰系统="Product", 南岭数据库="Product", 开源="Trend")
    got = _hits(rules_tech.related, "他负责多个社区的运营，包括北辰系统、南岭数据库等开源项目。", **names)
    assert {("北辰系统", "relatedTo", "开源"), ("南岭数据库", "relatedTo", "开源")} <= got


def test_a_second_comparison_after_a_first_ones_list_has_the_same_subject():
    names = {"Fan-3": "Model", "Ray-1": "Model", "Ray-2": "Model", "Orb-5": "Model"}
    got = _hits(rules_tech.competes, "云帆发布了Fan-3，其评测成绩超越Ray-1和Ray-2，并与Orb-5比肩。", **names)
    assert ("Fan-3", "competesWith", "Orb-5") in got
    assert ("Ray-2", "competesWith", "Orb-5") not in got and ("Ray-1", "competesWith", "Orb-5") not in got


def test_a_multiple_of_the_others_performance_is_a_comparison_and_of_its_price_is_not():
    names = {"X9": "Chip", "Y7": "Chip"}
    assert ("X9", "competesWith", "Y7") in _hits(rules_tech.competes, "星河发布了X9，其推理性能是Y7的20倍。", **names)
    assert not _hits(rules_tech.competes, "星河发布了X9，其价格仅为Y7的60%。", **names)
    assert not _hits(rules_tech.competes, "星河发布了X9，其算力是Y7的4倍。", **names)
    # the price in the next clause is another statement
    assert _hits(rules_tech.competes, "X9的推理速度是Y7的两倍，价格也低了一半。", **names)


def test_even_results_and_a_version_before_level():
    names = {"Fan-3": "Model", "Orb-5": "Model"}
    assert _hits(rules_tech.competes, "在多项测试中，Fan-3与Orb-5互有胜负。", **names)
    assert _hits(rules_tech.competes, "官方称Fan-3的推理能力达到Orb-5正式版水平。", **names)
    assert not _hits(rules_tech.competes, "在多项测试中，Fan-3与Orb-5都被用作基线。", **names)


def test_better_than_the_other_side_and_more_compute_than_it():
    names = {"Fan-3": "Model", "Orb-5": "Model"}
    assert _hits(rules_tech.competes, "在问答测试中，Fan-3的得分比Orb-5高出12分。", **names)
    assert not _hits(rules_tech.competes, "据估计，训练Fan-3所用的算力比Orb-5高出十倍。", **names)
    assert not _hits(rules_tech.competes, "Fan-3发布了，比Orb-5更好的模型还没有出现。", **names)


def test_a_prediction_that_one_will_be_better_and_more_compute_named_after_are_no_comparison():
    names = {"Fan-3": "Model", "Fan-4": "Model"}
    assert not _hits(rules_tech.competes, "他说Fan-4会比Fan-3聪明得多。", **names)
    assert not _hits(rules_tech.competes, "Fan-4代表着比Fan-3高百倍的计算量。", **names)


def test_what_a_model_family_released_is_what_is_compared():
    names = {"星河千问": "Model", "Fan-3 Max": "Model", "Orb-5": "Model"}
    got = _hits(rules_tech.competes, "昨天，星河千问推出新一代模型Fan-3 Max，各项评测成绩都超过了Orb-5。", **names)
    assert got == {("Fan-3 Max", "competesWith", "Orb-5")}


def test_an_improvement_over_the_other_side():
    names = {"X9": "Chip", "Y7": "Chip"}
    assert ("X9", "competesWith", "Y7") in _hits(rules_tech.competes, "星河发布了新芯片X9，性能较Y7提升了40%。", **names)
    assert not _hits(rules_tech.competes, "星河发布了新芯片X9，售价较Y7提高了一倍。", **names)
    # a clause that names its own subject elsewhere: the improvement is not said of X9
    assert not _hits(rules_tech.competes, "星河发布了新芯片X9，而友商的新一代产品较Y7也提升了不少。", **names)


def test_a_likeness_is_a_rivalry_only_when_performance_is_alike():
    names = dict(云帆科技="Company", 星河科技="Company", 云帆模型="Model", 星河模型="Model")
    assert not _hits(rules_tech.competes, "云帆科技的订阅模式和星河科技很类似。", **names)
    assert not _hits(rules_tech.competes, "早在几年前，云帆科技和星河科技都推出过类似的版本。", **names)
    got = _hits(rules_tech.competes, "在多项评测中，云帆模型的表现和星河模型相近。", **names)
    assert ("云帆模型", "competesWith", "星河模型") in got


def test_two_rivals_of_one_speaker_are_not_each_others():
    names = dict(云帆科技="Company", 星河科技="Company", 极光科技="Company")
    got = _hits(rules_tech.competes, "如今我们在和星河科技竞争，我们也在和极光科技竞争。", **names)
    assert ("星河科技", "competesWith", "极光科技") not in got
    got = _hits(rules_tech.competes, "如今云帆科技在和星河科技竞争。", **names)
    assert ("云帆科技", "competesWith", "星河科技") in got


def test_a_list_of_examples_ends_at_a_contrast_a_bracket_or_a_passive():
    names = dict(星河模型="Model", 极光科技="Company", 北辰库="Product", 云帆科技="Company", 开源="Trend",
                 多模态="Trend")
    got = _hits(rules_tech.related, "市面上还有开源模型，例如星河模型，或者极光科技等闭源厂商。", **names)
    assert ("星河模型", "relatedTo", "开源") in got and ("极光科技", "relatedTo", "开源") not in got
    got = _hits(rules_tech.related, "他维护过几个开源项目，如北辰库（被 某机构、云帆科技等使用）。", **names)
    assert ("北辰库", "relatedTo", "开源") in got and ("云帆科技", "relatedTo", "开源") not in got
    got = _hits(rules_tech.related, "在分析较大的模型（如星河模型）时，团队找到了一些多模态特征。", **names)
    assert ("星河模型", "relatedTo", "多模态") not in got
    got = _hits(rules_tech.related, "正如极光科技的分析师所言，多模态会越来越重要。", **names)
    assert ("极光科技", "relatedTo", "多模态") not in got


def test_two_rivals_named_after_one_with_are_not_each_others():
    names = dict(云帆科技="Company", 极光科技="Company", 星河芯片="Chip")
    assert not _hits(rules_tech.competes, "我们正在与云帆科技的芯片、星河芯片和极光科技以及所有这些东西竞争。", **names)


def test_a_thing_a_trend_is_likened_to_is_not_of_that_kind():
    names = dict(星河模型="Model", 开源="Trend")
    assert not _hits(rules_tech.related, "拥有一个类似于星河模型的开源模型是件好事。", **names)
    assert ("星河模型", "relatedTo", "开源") in _hits(rules_tech.related, "拥有一个星河模型的开源版本是件好事。", **names)


def test_an_amount_of_the_other_side_or_a_contest_is_no_rivalry():
    names = dict(云帆科技="Company", 星河科技="Company")
    assert not _hits(rules_tech.competes, "云帆科技今年投入了两百亿元，远远超过了星河科技推出首款手机时的投资额。", **names)
    assert ("云帆科技", "competesWith", "星河科技") in _hits(
        rules_tech.competes, "云帆科技今年的新手机远远超过了星河科技推出的首款手机。", **names)
    assert not _hits(rules_tech.competes, "云帆科技起源于一场挑战赛： 星河科技的团队也参加过。", **names)


def test_a_list_named_by_its_kind_and_a_clause_on_it():
    names = dict(星河模型="Model", 北辰模型="Model", 开源="Trend", 云帆科技="Company")
    got = _hits(rules_tech.related, "近来星河模型等大型开源模型接连发布。", **names)
    assert ("星河模型", "relatedTo", "开源") in got
    got = _hits(rules_tech.related, "我们还有北辰模型，专门用于翻译，它们完全是开源的。", **names)
    assert ("北辰模型", "relatedTo", "开源") in got
    got = _hits(rules_tech.related, "我们还有北辰模型，专门用于翻译，它们是开源社区里最受欢迎的。", **names)
    assert ("北辰模型", "relatedTo", "开源") not in got
