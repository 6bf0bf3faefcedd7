"""Foundations and chips of `rules_stack` on invented sentences whose entities are given."""

from __future__ import annotations

from aigraph.extraction import rules_stack

from .given import hits as _hits


def test_a_chip_maker_or_foundry_does_not_use_the_chips():
    names = dict(云帆科技="Company", 星河芯片="Chip")
    assert ("云帆科技", "usesChip", "星河芯片") in _hits(rules_stack.hardware, "云帆科技在数据中心部署了星河芯片。", **names)
    assert not _hits(rules_stack.hardware, "云帆科技代工所有这些芯片，还在提升星河芯片的良率。", **names)
    assert not _hits(rules_stack.hardware, "云帆科技负责制造这批芯片，正在努力提升星河芯片的产量。", **names)


def test_a_model_built_into_a_product_is_what_the_product_is_based_on():
    names = dict(北辰手机系统="Product", 星河模型="Model")
    assert ("北辰手机系统", "basedOn", "星河模型") in _hits(rules_stack.based_on, "云帆科技宣布将星河模型集成到北辰手机系统中。", **names)
    assert ("北辰手机系统", "basedOn", "星河模型") in _hits(rules_stack.based_on, "云帆科技在北辰手机系统中接入了星河模型。", **names)
    assert ("北辰手机系统", "basedOn", "星河模型") in _hits(rules_stack.based_on, "北辰手机系统就基于星河模型推出了语音助手。", **names)
    # built side by side, or compared: no foundation
    assert not _hits(rules_stack.based_on, "云帆科技将星河模型和北辰手机系统放在同一场发布会上。", **names)
    assert not _hits(rules_stack.based_on, "北辰手机系统的用户可以在设置中选择星河模型。", **names)


def test_a_clause_of_description_names_what_the_thing_is_built_on():
    names = dict(星河助手="Product", 云帆学院="Company", 北辰大模型="Model", 极光模型="Model")
    got = _hits(rules_stack.based_described, "云帆学院推出了星河助手，这是一种由北辰大模型驱动的写作助手。", **names)
    assert got == {("星河助手", "basedOn", "北辰大模型")}
    got = _hits(rules_stack.based_described, "星河助手是一个应用程序，最初是基于北辰大模型构建的。", **names)
    assert got == {("星河助手", "basedOn", "北辰大模型")}
    assert not _hits(rules_stack.based_described, "云帆学院推出了星河助手，极光模型是基于北辰大模型构建的。", **names)
    assert not _hits(rules_stack.based_described, "星河助手是一个应用程序，它的对手是由北辰大模型团队开发的。", **names)


def test_a_clause_on_it_names_what_the_thing_runs_on():
    names = dict(星河助手="Product", 北辰大模型="Model")
    got = _hits(rules_stack.based_described, "你可以在星河助手里试试看，它由北辰大模型提供支持。", **names)
    assert got == {("星河助手", "basedOn", "北辰大模型")}
    got = _hits(rules_stack.based_described, "他们还发布了星河助手，它基本上是在北辰大模型之上构建的一套工具。", **names)
    assert got == {("星河助手", "basedOn", "北辰大模型")}
    assert not _hits(rules_stack.based_described, "他们还发布了星河助手，它的名字是在北辰大模型发布会上公布的。", **names)


def test_chips_bought_or_carried_by_every_firm_of_a_list():
    names = dict(云帆科技="Company", 星河科技="Company", 极光科技="Company", 北辰芯片="Chip")
    got = _hits(rules_stack.hardware, "据悉，云帆科技、星河科技已经从极光科技采购了一批北辰芯片。", **names)
    assert {("云帆科技", "usesChip", "北辰芯片"), ("星河科技", "usesChip", "北辰芯片")} <= got
    assert ("极光科技", "usesChip", "北辰芯片") not in got
    got = _hits(rules_stack.hardware, "云帆科技、星河科技等品牌今年的旗舰机都搭载北辰芯片。", **names)
    assert {("云帆科技", "usesChip", "北辰芯片"), ("星河科技", "usesChip", "北辰芯片")} <= got
    assert not _hits(rules_stack.hardware, "云帆科技、星河科技等厂商正在量产北辰芯片。", **names)


def test_the_product_a_chip_goes_into_uses_it():
    names = dict(云帆科技="Company", 星河手机="Product", 北辰芯片="Chip")
    got = _hits(rules_stack.hardware, "云帆科技则在星河手机系列中搭载了北辰芯片。", **names)
    assert got == {("星河手机", "usesChip", "北辰芯片")}
    got = _hits(rules_stack.hardware, "云帆科技在星河手机发布会上展示了北辰芯片。", **names)
    assert ("星河手机", "usesChip", "北辰芯片") not in got


def test_the_agents_of_a_passive_deploy_the_last_chip_named():
    names = dict(云帆云="Company", 星河云="Company", 北辰芯片="Chip", 南极芯片="Chip")
    got = _hits(rules_stack.hardware, "由四颗北辰芯片组成的南极芯片模组，今后会被云帆云和星河云大规模部署。", **names)
    assert got == {("云帆云", "usesChip", "南极芯片"), ("星河云", "usesChip", "南极芯片")}
    assert not _hits(rules_stack.hardware, "南极芯片的设计，曾被云帆云和星河云公开批评。", **names)
