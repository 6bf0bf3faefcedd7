"""What a build does not pay for: jieba's dictionary read from our cache, spaCy's CLI and matplotlib unimported."""

from __future__ import annotations

import subprocess
import sys

import pytest

from aigraph.extraction import jiebadict


@pytest.fixture(scope="module")
def jieba_tables():
    """jieba's prefix dictionary, total and tags as jieba itself loads them (a fresh tokenizer)."""
    import jieba

    jieba.setLogLevel(60)
    t = jieba.Tokenizer()
    t.initialize()
    f = t.get_dict_file()
    try:
        fields = f.read().decode("utf-8").split()
    finally:
        f.close()
    return t.FREQ, t.total, dict(zip(fields[0::3], fields[2::3]))


def test_the_jieba_cache_gives_back_jiebas_own_tables(jieba_tables, tmp_path):
    freq, total, tags = jieba_tables
    path = tmp_path / "jieba.bin"
    jiebadict.write(path, freq, total, tags)
    assert jiebadict.read(path) == (freq, total, tags)


def test_a_damaged_or_foreign_jieba_cache_is_not_read(jieba_tables, tmp_path):
    path = tmp_path / "jieba.bin"
    jiebadict.write(path, {"AI": 3, "A": 0}, 3, {"AI": "eng"})
    data = path.read_bytes()
    assert jiebadict.read(path) == ({"AI": 3, "A": 0}, 3, {"AI": "eng"})
    for bad in (data[:-3], data + b"x", b"pickle" + data[6:], b""):
        path.write_bytes(bad)
        assert jiebadict.read(path) is None
    assert jiebadict.read(tmp_path / "missing.bin") is None


def test_the_cache_is_written_once_and_named_by_the_dictionary(tmp_path):
    # a fresh process with an empty cache folder: it writes the cache; the next reads it, same segmentation
    code = ("import os, jieba; from aigraph.extraction import jiebadict; jiebadict.loaded(); "
            "print(os.path.exists(jiebadict.cache_path()), jieba.dt.initialized, jieba.lcut('人工智能体系', HMM=False))")
    env = {**_env(), "AIGRAPH_CACHE": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and files[0].name.startswith("jieba-")
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert first == second == "True True ['人工智能', '体系']\n"


def _env() -> dict:
    import os

    return dict(os.environ)


def test_extraction_and_analyses_import_neither_spacys_cli_nor_matplotlib():
    code = ("import sys; import aigraph.extraction.lexicon; assert 'spacy' not in sys.modules; "
            "from aigraph.extraction.nlp import build_nlp; build_nlp(); "
            "from aigraph.views.netgraph import load_igraph; load_igraph(); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'typer', 'weasel'}), "
            "'spacy.cli' in sys.modules); "
            "import spacy.cli; print(callable(spacy.cli.info), 'typer' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True).stdout
    assert out == "[] False\nTrue True\n"  # and spaCy's CLI still loads when asked for


def test_norm_folds_each_character_as_fold_char_does_and_drops_separators():
    from aigraph.folding import DROP, fold_char, norm

    def by_char(text: str) -> str:
        return "".join(f for f in map(fold_char, text) if f not in DROP)

    every = "".join(chr(c) for c in range(0x20000) if not 0xD800 <= c < 0xE000)
    assert norm(every) == by_char(every)
    for name in ("DeepSeek V3", "ＤｅｅｐＳｅｅｋ－Ｖ３", "深度求索·DeepSeek", "GPT_4o mini", "", "  "):
        assert norm(name) == by_char(name)


def test_pages_inline_vis_network_without_importing_pyvis():
    code = ("import sys; from aigraph.views.html import render_page; page = render_page({}, 't'); "
            "print('vis.Network' in page or 'vis-network' in page, "
            "sorted({m.split('.')[0] for m in sys.modules} & {'pyvis', 'IPython', 'jinja2'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True).stdout
    assert out == "True []\n"


def test_jieba_loads_its_hmm_tables_only_when_a_cut_needs_them():
    text = "他来到了网易杭研大厦"
    code = ("import sys; import aigraph.extraction; import jieba; jieba.setLogLevel(60); "
            f"print(jieba.lcut({text!r}, HMM=False), 'jieba.finalseg.prob_emit' in sys.modules); "
            f"print(jieba.lcut({text!r}), 'jieba.finalseg.prob_emit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True).stdout
    plain = ("import jieba; jieba.setLogLevel(60); "
             f"print(jieba.lcut({text!r}, HMM=False), False); print(jieba.lcut({text!r}), True)")
    assert out == subprocess.run([sys.executable, "-c", plain], capture_output=True, text=True, check=True).stdout
