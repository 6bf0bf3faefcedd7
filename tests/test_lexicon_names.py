"""Models, chips and products in the lexicon: their written forms find them, ordinary words do not."""

from __future__ import annotations

import pytest

from aigraph.extraction.lexicon import default_lexicon

LEXICON_TYPES = ("Model", "Chip", "Product")


@pytest.mark.parametrize("written, name, typ", [
    ("通义千问", "Qwen", "Model"),
    ("Qwen2.5", "Qwen2.5", "Model"),
    ("文心大模型4.0", "ERNIE 4.0", "Model"),
    ("腾讯混元大模型", "Hunyuan", "Model"),
    ("豆包大模型", "Doubao", "Model"),
    ("Claude-3.5-Sonnet", "Claude 3.5 Sonnet", "Model"),
    ("ChatGPT-4o", "GPT-4o", "Model"),
    ("DALL-E 3", "DALL·E 3", "Model"),
    ("SDXL", "Stable Diffusion XL", "Model"),
    ("可灵", "Kling", "Model"),
    ("昇腾910B", "Ascend 910B", "Chip"),
    ("思元590", "MLU590", "Chip"),
    ("天玑9400", "Dimensity 9400", "Chip"),
    ("第三代骁龙8", "Snapdragon 8 Gen 3", "Chip"),
    ("至强", "Xeon", "Chip"),
    ("文心一言", "ERNIE Bot", "Product"),
    ("豆包", "Doubao app", "Product"),
    ("Kimi智能助手", "Kimi", "Product"),
    ("剪映", "CapCut", "Product"),
    ("鸿蒙", "HarmonyOS", "Product"),
    ("Vision Pro", "Apple Vision Pro", "Product"),
    ("地球2号", "Earth-2", "Product"),
])
def test_written_forms_find_their_entry(written, name, typ):
    entry = default_lexicon().canonical(written)
    assert entry is not None and (entry.name, entry.type) == (name, typ)


def test_app_and_model_of_one_brand_are_two_entries():
    """豆包 the app and 豆包大模型 the model family are different things (SCHEMA: an app is a Product)."""
    lex = default_lexicon()
    assert lex.canonical("豆包").type == "Product" and lex.canonical("豆包大模型").type == "Model"
    assert lex.canonical("文心一言").type == "Product" and lex.canonical("文心大模型").type == "Model"


@pytest.mark.parametrize("alias", ["Cursor", "Windows", "Excel", "Whisper", "Falcon", "Atlas", "Optimus", "Flow",
                                   "Canvas", "Premiere", "o3", "星火", "盘古", "征程", "商量", "扣子", "元宝", "Yi"])
def test_words_with_an_everyday_meaning_are_weak(alias):
    claims = default_lexicon().lookup(alias)
    ours = [strong for entry, strong in claims if entry.type in LEXICON_TYPES]
    assert ours and not any(ours)


@pytest.mark.parametrize("sentence", [
    "Models can excel at coding tasks, but the cursor still blinks when you open the windows.",
    "She began to ascend the stairs while a falcon flew over the atlas of the world.",
    "The flow of water, the Orion nebula and pixel art were discussed over mac and cheese.",
    "Step 1: install the package. Step 2: run it. Then check the O3 levels near the M1 motorway.",
    "The whisper of the crowd, a jukebox, the bark of a dog and a flamingo near the aurora.",
    "他们在会议上商量了一下，决定沿着新的征程前进，像盘古开天一样。",
    "孟子说过，书生意气；九天揽月，星辰大海；百灵鸟在山海之间歌唱，元宝和铁蛋在玩魔方。",
    "草莓很好吃，深蓝色的大海，云雀在天空中飞翔，快意人生，有利可图。",
    "开源大模型越来越多，企业的开源2.0战略和资源2.0计划同时启动。",
])
def test_ordinary_text_names_no_model_chip_or_product(extract_text, sentence):
    [a] = extract_text(sentence)
    assert not [m for m in a.mentions if m.type in LEXICON_TYPES], a.mentions


def test_news_sentence_finds_models_chips_and_products(extract_text):
    [a] = extract_text("英伟达H20对华出口受限后，字节跳动的豆包App接入了豆包大模型1.5 Pro，训练改用昇腾910C。")
    found = {(m.surface, m.type) for m in a.mentions}
    assert {("H20", "Chip"), ("豆包App", "Product"), ("昇腾910C", "Chip")} <= found
    assert any(m.type == "Model" and m.surface.startswith("豆包大模型") for m in a.mentions)
