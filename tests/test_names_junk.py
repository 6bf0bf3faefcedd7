"""No fragments and no generic nouns: each rejection rule on real sentences of the seed reports (not annotated
in any evaluation set), with a sentence of the same kind where the name is kept."""

from __future__ import annotations

import pytest


def _surfaces(analyses) -> set[tuple[str, str]]:
    return {(m.surface, m.type) for a in analyses for m in a.mentions}


@pytest.mark.parametrize("rule,sentence,junk", [
    # a line of a table or a figure: a cut-off label is no name ("Emu Vide" for Emu Video)
    ("label line", "Emu Vide", "Emu Vide"),
    ("label line", "Alaya FM", "Alaya FM"),
    # a short form spelt out in ordinary words is a term, wherever it stands in the document
    ("glossed term", "面对产品运营，通过寻求从MPF（Model-Product Fit）到PMF（Product-Market Fit）的过渡构筑产品护城河",
     "PMF"),
    # an acronym or an English word before a noun is a kind of that noun
    ("word before a noun", "中国人工智能内容创作场景AMC应用曲线", "AMC"),
    ("word before a noun", "具类角色为主 Super APP", "Super"),
    # number formats are written like chip codes
    ("number format", "以Llama3 8B的FP16版本模型为例，作为目前未过量化稳定可用的版本，其模型大小为16G", "FP16"),
    # a Chinese organisation name does not start with a measure word, an adverb or a verb
    ("measure word", "到2023年，布局建设20个左右试验区，产出一批重大原创科技成果，创新一批切实有效的政策工具。", "批重大原创科技"),
    ("function word", "期望后续与更多同行者一道推进科技赋能与产业创新，共创、共建、共享智能美好未来。", "道推进科技"),
    ("function word", "2023年中以前，许多投资人对AIGC持观望态度，但仍有不少资本势力躬身入局。", "仍有不少资本"),
    ("function word", "过去一年，我们在硅谷，这个北美将近50%投融资发生的地区以及最能够代表北美创投发展的地方", "最能够代表北美创投"),
    ("function word", "多垂类厂商结合开源模型研发契合自身业务的行业大模型产品。根据艾瑞不完全统计，截止2023年底，中国行业大模型的个数占比",
     "不完全"),
    ("some", "某国有银行案例：数字洞察定制策略内容运营话术迭代", "某国有银行"),
    # a kind of model is not a model's name
    ("kind of model", "国内外技术公司、高校、研究院的语言、图像、视频、音频大模型在2023年以极快的速度相继推出和迭代", "音频大模型"),
    # a table header is no person ("公司名称": 称 is no verb of saying there)
    ("not a name", "公司名称 赛道 进展 问询内容", "公司名"),
    # a term glossed after a colon is no interview speaker
    ("speaker", "• 应用层：受底层资源与模型技术等限制，预训练大模型带来的产业变革尚", "应用层"),
    # a Latin word with no cue, written once: a term ("MMORPG", "Adapters"), not a company
    ("lone guess", "目前正在从MOBA拓展到FPS等强竞技类品类，重点方向是优化拟人化；并正在向MMORPG、开放世界品类延伸。", "MMORPG"),
    ("lone guess", "近年来，随着PEFT（如IA3、Adapters、Soft Prompts、LoRA）技术的发展，所需的专属数据量能降低90%。", "Adapters"),
])
def test_fragments_and_generic_nouns_are_no_entities(extract_text, rule, sentence, junk):
    found = _surfaces(extract_text(sentence))
    assert not [s for s, _ in found if junk in s or s in junk and len(s) >= 2 and s != sentence], (rule, found)


@pytest.mark.parametrize("sentence,kept", [
    ("生成式AI产品排名：AI视频工具Zorvex正在快速增长。", ("Zorvex", "Product")),       # a left cue, not a label line
    ("名为Quillmate的写作助手上线一周用户过万。", ("Quillmate", "Product")),          # an English word named as a product
    ("初创公司Corvane完成融资，Corvane将扩大团队。", ("Corvane", "Company")),        # written twice, with a cue
    ("杭州深言科技完成新一轮融资。", ("深言科技", "Company")),                            # a real organisation name
    ("九思大模型正式发布，思特奇称其已用于运营商。", ("九思大模型", "Model")),            # a brand before 大模型
])
def test_names_of_the_same_kinds_are_kept(extract_text, sentence, kept):
    assert kept in _surfaces(extract_text(sentence))


def test_a_bare_number_is_no_chip(extract_text):
    found = _surfaces(extract_text("新一代座舱芯片的性能相比8155提升至最高12倍，骁龙8295也在量产。"))
    assert ("骁龙8295", "Chip") in found
    assert not any(s.isdigit() for s, _ in found)


def test_a_company_inside_an_event_name_is_not_marked(extract_text):
    found = _surfaces(extract_text("谷歌在Google I/O 2025上发布了新模型。"))
    assert ("谷歌", "Company") in found and ("Google", "Company") not in found


def test_a_name_does_not_start_inside_a_number(extract_text):
    # "5纳米" is five nanometres: the product 纳米AI does not start there
    found = _surfaces(extract_text("这家公司正在研发一款3纳米AI加速芯片。"))
    assert not any(s.startswith("纳米") for s, _ in found)


def test_an_app_is_named_with_its_app_word(extract_text):
    assert ("豆包App", "Product") in _surfaces(extract_text("豆包App的日活用户再创新高。"))


def test_the_makers_name_glued_before_a_product_is_two_mentions(extract_text):
    found = _surfaces(extract_text("设计师开始用阿里鹿班批量生成海报。"))
    assert {("阿里", "Company"), ("鹿班", "Product")} <= found
    # a brand that carries its maker's name in its own name stays whole
    assert ("腾讯元宝", "Product") in _surfaces(extract_text("腾讯元宝接入了新的推理模型。"))


def test_a_weak_alias_after_a_number_is_its_unit_not_a_name(extract_text):
    # 安培 names NVIDIA's architecture only weakly (it is also the ampere); GPU in the sentence is its context word
    [unit] = extract_text("这台GPU服务器满载时电流可达120安培。")
    assert ("安培", "Chip") not in _surfaces([unit])
    [name] = extract_text("英伟达的安培架构GPU仍在大量出货。")
    assert ("安培", "Chip") in _surfaces([name])


@pytest.mark.parametrize("rule,sentence,junk", [
    # a clause that opens with a function word is no person beside a verb of saying
    ("clause", "这套流程很好用，但我不认为它能替代人工。", "但我不"),
    ("clause", "方案不少，但很难说哪一个更好。", "但很难"),
    # an organisation word inside a common noun ends no name, a pronoun or a verb opens none
    ("common noun", "所以，当你观察资本支出和收入之间的关系时，会发现规律。", "资本"),
    ("pronoun", "这也是我把那家公司推荐给我风险投资基金的原因。", "风险投资基金"),
    ("verb", "说到供应链，我想谈谈半导体行业的变化。", "半导体"),
    ("inside a word", "那些企业仍然有很多资本可以投入研发。", "资本"),
    # an acronym of ordinary vocabulary after 的 is no product of the company before it
    ("acronym", "这就是那家芯片公司的DNA。", "DNA"),
    ("acronym", "他毕业于某理工大学，后来读了MBA。", "MBA"),
    # "雄文：" titles an essay; a byline's lone 文 stands after no other character
    ("byline", "奥特曼发表雄文：AI 将带来前所未有的繁荣", "AI"),
])
def test_clauses_and_common_nouns_are_no_names(extract_text, rule, sentence, junk):
    found = _surfaces(extract_text(sentence))
    assert not [s for s, _ in found if junk in s], (rule, found)


@pytest.mark.parametrize("sentence,kept", [
    ("本轮融资由澄湖资本领投，老股东跟投。", ("澄湖资本", "Investor")),
    ("某机器人公司创始人林晓峰表示，今年将量产。", ("林晓峰", "Person")),
    ("文：林晓峰", ("林晓峰", "Person")),
    ("这项研究由盖特曼家族基金会资助。", ("盖特曼家族基金会", "Company")),   # a foundation grants, it does not invest
])
def test_names_beside_the_rejected_kinds_are_kept(extract_text, sentence, kept):
    assert kept in _surfaces(extract_text(sentence))


def test_a_kind_of_robot_before_company_is_no_name(extract_text):
    found = _surfaces(extract_text("全球有二十多家类人机器人公司，其中捷迈机器人公司刚刚融资。"))
    assert not any(s.startswith("类人") for s, _ in found) and ("捷迈机器人", "Company") in found
