"""Sources and graph folders: document ids from paths, links, permissions, refusals, one-line errors."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from aigraph.api import build as api_build
from aigraph.cli import cli
from aigraph.errors import StoreError
from aigraph.graph import cache
from aigraph.graph.store import is_graph_folder
from aigraph.ingest.reader import find_sources
from aigraph.pipeline.build import build
from aigraph.pipeline.commit import FILES
from aigraph.pipeline.update import add, remove
from aigraph.views.html import safe_filename

NEWS = "深度求索发布了DeepSeek-R1模型。\n"
OTHER = "月之暗面发布了Kimi大模型。\n"


def _tree(root, files: dict[str, str]):
    for rel, text in files.items():
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    return root


# ---------------------------------------------------------------- document ids (item 6)

def test_same_file_names_in_two_subfolders_build_and_keep_readable_ids(tmp_path):
    src = _tree(tmp_path / "src", {"ai/2024-10-07-014.md": NEWS, "people/2024-10-07-014.md": OTHER})
    out = tmp_path / "g"
    report = api_build(src, out)
    assert report.documents == 2 and not report.skipped
    assert sorted(e.document.id for e in cache.load(out)) == ["ai/2024-10-07-014.md", "people/2024-10-07-014.md"]
    # the ids are the paths in the source folder: the same on every build, whatever else is built with them
    assert [s.id for s in find_sources([src / "ai"])] == ["2024-10-07-014.md"]


def test_the_same_name_from_two_folders_is_told_apart_by_the_folder(tmp_path):
    a = _tree(tmp_path / "a", {"x.txt": NEWS})
    b = _tree(tmp_path / "b", {"x.txt": OTHER})
    assert [s.id for s in find_sources([a, b])] == ["a/x.txt", "b/x.txt"]
    assert [s.id for s in find_sources([a / "x.txt", a / "x.txt"])] == ["x.txt"]


def test_newlines_and_tabs_in_file_names_stay_out_of_ids(tmp_path):
    src = _tree(tmp_path / "src", {"two\nlines\tand tab.txt": NEWS})
    [s] = find_sources([src])
    assert s.id == "two lines and tab.txt"


def test_a_file_given_on_its_own_replaces_the_document_of_its_path(tmp_path):
    src = _tree(tmp_path / "src", {"ai/x.md": NEWS, "people/x.md": OTHER})
    out = tmp_path / "g"
    api_build(src, out)
    (src / "ai/x.md").write_text(NEWS.replace("DeepSeek-R1", "DeepSeek-V3"), encoding="utf-8")
    report = add([src / "ai/x.md"], out)
    assert report.replaced == ("ai/x.md",) and report.documents == 2
    assert remove([str(src / "people/x.md")], out).removed == ("people/x.md",)


# ---------------------------------------------------------------- links and own output (item 4)

def test_a_link_out_of_the_source_folder_is_not_followed(tmp_path):
    secret = _tree(tmp_path / "private", {"secret.txt": "OpenAI发布了机密模型。\n"})
    src = _tree(tmp_path / "src", {"news.txt": NEWS})
    (src / "passwd.txt").symlink_to(secret / "secret.txt")
    (src / "sub").symlink_to(secret, target_is_directory=True)
    (src / "inside.txt").symlink_to(src / "news.txt")
    out = tmp_path / "g"
    report = api_build(src, out)
    assert report.documents == 1
    assert any("passwd.txt: a link to" in r and "not followed" in r for r in report.skipped)
    assert not any("机密" in e.document.text for e in cache.load(out))


def test_a_build_does_not_read_its_own_output_or_other_graphs(tmp_path):
    src = _tree(tmp_path / "src", {"news.txt": NEWS})
    api_build(src, src / "graph")
    api_build(src, tmp_path / "elsewhere")
    (src / "graph" / "aigraph.md").write_text("# not a source\n")
    report = api_build(src, src / "graph")
    assert report.documents == 1
    report = api_build(tmp_path, tmp_path / "elsewhere")  # src/graph/ is a graph folder: left out too
    assert report.documents == 1


def test_build_src_out_src_is_refused(tmp_path):
    src = _tree(tmp_path / "src", {"news.txt": NEWS})
    with pytest.raises(StoreError, match="holds other files and no graph"):
        api_build(src, src)
    assert sorted(p.name for p in src.iterdir()) == ["news.txt"]


# ---------------------------------------------------------------- graph folders (item 4)

def test_a_build_keeps_the_graph_folders_permissions(tmp_path):
    src = _tree(tmp_path / "src", {"news.txt": NEWS})
    out = tmp_path / "g"
    build([src / "news.txt"], out)
    out.chmod(0o700)
    build([src / "news.txt"], out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o700


@pytest.mark.parametrize("files", [{"notes.txt": "mine"}, {"store/keep.bin": "x", "cache/keep.txt": "y"}])
def test_out_on_a_folder_that_is_not_a_graph_is_refused_and_left_alone(tmp_path, files):
    src = _tree(tmp_path / "src", {"news.txt": NEWS})
    out = _tree(tmp_path / "mine", files)
    with pytest.raises(StoreError, match="holds other files and no graph"):
        build([src / "news.txt"], out)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == sorted(files)


def test_exports_checked_in_without_their_store_are_rebuilt(tmp_path):
    # a fresh clone has the exports a build wrote but no store (the store is not checked in)
    src = _tree(tmp_path / "src", {"news.txt": NEWS})
    out = tmp_path / "exports"
    build([src / "news.txt"], out)
    for p in list(out.iterdir()):
        if p.name not in FILES:
            shutil.rmtree(p) if p.is_dir() else p.unlink()
    assert not is_graph_folder(out)
    build([src / "news.txt"], out)
    assert is_graph_folder(out)
    (out / "notes.txt").write_text("mine")
    for p in list(out.iterdir()):
        if p.name not in FILES and p.name != "notes.txt":
            shutil.rmtree(p) if p.is_dir() else p.unlink()
    with pytest.raises(StoreError, match="holds other files and no graph"):
        build([src / "news.txt"], out)


def test_add_to_a_mistyped_graph_folder_is_refused(tmp_path):
    news = _tree(tmp_path / "src", {"news.txt": NEWS}) / "news.txt"
    r = CliRunner().invoke(cli, ["add", str(news), "--graph", str(tmp_path / "exprots")])
    assert r.exit_code == 1 and r.output.startswith("Error: No graph store in") and r.output.count("\n") == 1
    assert not (tmp_path / "exprots").exists()


def test_a_fifo_in_the_graph_folder_does_not_hang_a_writer(tmp_path):
    src = _tree(tmp_path / "src", {"news.txt": NEWS})
    out = tmp_path / "g"
    build([src / "news.txt"], out)
    os.mkfifo(out / "pipe")
    done = threading.Event()
    worker = threading.Thread(target=lambda: (build([src / "news.txt"], out), done.set()), daemon=True)
    worker.start()
    worker.join(120)
    if not done.is_set():  # free the writer before failing
        with open(out / "pipe", "wb"):
            pass
    assert done.is_set()


# ---------------------------------------------------------------- one-line errors (item 7)

@pytest.mark.parametrize(("out", "says"), [
    ("", "--out is empty"),
    ("/", "/ cannot be a graph folder"),
    ("{tmp}/afile/sub", "is a file, so"),
    ("{tmp}/afile", "is a file"),
    ("/proc/aigraph-test/g", "Cannot write the graph folder"),
])
def test_bad_out_folders_give_one_line_errors(tmp_path, out, says):
    (tmp_path / "afile").write_text("x")
    news = _tree(tmp_path / "src", {"news.txt": NEWS}) / "news.txt"
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    (cwd / "mine.txt").write_text("not to be replaced")
    r = subprocess.run([sys.executable, "-m", "aigraph.cli", "build", str(news), "--out", out.format(tmp=tmp_path),
                        "-q"], capture_output=True, text=True, timeout=120, cwd=cwd)
    assert r.returncode == 1 and r.stderr.startswith("Error: ") and r.stderr.count("\n") == 1, r.stderr
    assert says in r.stderr
    assert sorted(p.name for p in cwd.iterdir()) == ["mine.txt"]


def test_a_file_name_from_a_very_long_entity_name_fits_the_file_system(tmp_path):
    name = "超长名字" * 200
    f = tmp_path / (safe_filename(name) + ".html")
    f.write_text("ok")
    assert f.read_text() == "ok" and safe_filename(name) != safe_filename(name + "x")
    assert safe_filename("DeepSeek-R1") == "DeepSeek-R1"
