"""Curator's tool: frequent names in a corpus of articles that the lexicon does not know yet.

Run from the repository root:

    .venv/bin/python tools/lexicon_candidates.py CORPUS_DIR [--exclude LIST] [--outdir DIR] [--min-docs N]

CORPUS_DIR is read recursively (`*.md`, `*.txt`); `--exclude` names a file listing articles (paths relative to
CORPUS_DIR, one a line) left out entirely, such as the articles of a test set. Candidates come from:

- `latin`: Latin-script runs inside Chinese text (Kimi, MiniMax, Llama 3);
- `dot`:   transliterated names written with a middle dot (萨姆·奥尔特曼);
- `cue`:   Chinese words beside a cue (X公司, 创始人X, X领投, 发布了X, X大模型, X资本, 《X》, “X”);
- `pos`:   words jieba tags as proper nouns, or finds outside its dictionary.

A name is dropped when the packaged lexicon (or `--lexicon DIR`) knows it or lists it as a stopword, compared
by the package's matching key (`aigraph.folding.norm`). Each group is written to `DIR/<group>.tsv`, ranked by
the number of articles, then by frequency, with the surface forms seen and one example. Every record added
from this list is checked by hand for type and aliases; `tools/lexicon_report.py` must stay clean after.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from aigraph.extraction.lexicon import load_lexicon
from aigraph.folding import norm

HAN = "\u4e00-\u9fff"
# page furniture of WeChat articles: author and link lines, images, links, markdown marks
_BOILER = re.compile(r"^(?:文章作者|发布时间|发布地|原文链接|封面图链接)\s*[:：]")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|cn|ai|org|net|io)\S*")
_MARKS = re.compile(r"[*_#>`]+")
_LATIN_RUN = re.compile(r"(?<![A-Za-z0-9À-ÿ])[A-Za-zÀ-ÿ][A-Za-z0-9À-ÿ]*"
                        r"(?:(?:[ .\-&+'’]|\. )[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ]*)*\+?")
_ROLE_EN = re.compile(r"\b(?:CEO|CTO|COO|CFO|VP|founder|co-founder|cofounder)\b")
_MARKED = [(re.compile(r"《(?P<x>[^《》\n]{2,20})》"), "《X》"),
           (re.compile(r"[“\"「](?P<x>[^“”\"「」\n，。！？]{2,12})[”\"」]"), "“X”")]
_DOT_NAME = re.compile(rf"(?P<x>[{HAN}]{{1,6}}(?:[·・•][{HAN}]{{1,8}})+)")
# a role or verb glued before a transliterated name ("创始人萨姆·奥尔特曼")
_BEFORE_NAME = re.compile(r"^.*?(?:创始人|创办人|董事长|总裁|首席执行官|首席科学家|科学家|教授|院士|主席|经理|合伙人|负责人|作者|"
                          r"主持人|研究员|工程师|投资人|之父|CEO|CTO|兼|和|与|及|、|的|是|说|对|被|由|让|向|跟|据|称|问|请|像|如|在|以)")
# jieba words after a name (X公司) and before one (创始人X)
_AFTER = {"公司": "X公司", "集团": "X公司", "实验室": "X公司", "研究院": "X公司", "大学": "X大学",
          "领投": "X领投", "跟投": "X领投", "参投": "X领投", "联合领投": "X领投", "独家投资": "X领投",
          "资本": "X资本", "基金": "X基金", "创投": "X创投", "风投": "X创投",
          "大模型": "X大模型", "模型": "X大模型", "芯片": "X芯片", "平台": "X平台", "App": "X平台", "APP": "X平台",
          "科技": "X科技", "智能": "X科技", "半导体": "X科技", "机器人": "X科技"}
_PART_OF_NAME = frozenset(("科技", "智能", "半导体", "机器人", "集团", "资本", "创投", "基金", "实验室", "研究院", "大学"))
_BEFORE = {"创始人": "创始人X", "联合创始人": "创始人X", "创办人": "创始人X", "CEO": "创始人X", "首席执行官": "创始人X",
           "董事长": "创始人X", "总裁": "创始人X", "CTO": "创始人X", "首席科学家": "创始人X", "合伙人": "创始人X",
           "发布": "发布X", "推出": "发布X", "上线": "发布X", "开源": "发布X", "旗下": "发布X", "发布了": "发布X",
           "推出了": "发布X"}
_GENERIC_HEAD = frozenset("这那该其此每各某本我你他她它们一二三四五六七八九十几多个在和与及的了是为将把被让从对向于")


@dataclass
class Tally:
    """What was seen of the candidates."""

    freq: Counter = field(default_factory=Counter)
    docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kinds: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    surfaces: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    example: dict[str, str] = field(default_factory=dict)


def clean(text: str) -> str:
    """An article without its page furniture, links and markdown marks."""
    lines = []
    for line in text.splitlines():
        if _BOILER.match(line):
            continue
        line = _MARKS.sub(" ", _URL.sub(" ", _LINK.sub(r"\1", _IMAGE.sub(" ", line))))
        lines.append(line)
    return "\n".join(lines)


def articles(corpus: Path, exclude: set[str]) -> list[Path]:
    """The corpus files, less the excluded ones."""
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt") and p.is_file())
    return [p for p in files if str(p.relative_to(corpus)) not in exclude and p.name != "README.md"]


class Collector:
    """Collects candidates the lexicon does not know."""

    def __init__(self, known: set[str], ordinary: set[str]) -> None:
        self.known = known
        self.ordinary = ordinary
        self.tally = Tally()

    def add(self, surface: str, kind: str, doc: str, text: str, pos: int) -> None:
        surface = surface.strip(" .-&'’")
        key = norm(surface)
        if not key or key in self.known:
            return
        t = self.tally
        t.freq[key] += 1
        t.docs[key].add(doc)
        t.kinds[key][kind] += 1
        t.surfaces[key][surface] += 1
        if key not in t.example:
            t.example[key] = " ".join(text[max(0, pos - 30):pos + len(surface) + 30].split())

    def usable(self, x: str) -> bool:
        """Whether a word beside a cue may be a name (not a pronoun, number or ordinary word)."""
        x = x.strip(" .-")
        return len(x) >= 2 and x[0] not in _GENERIC_HEAD and x not in self.ordinary \
            and not re.fullmatch(r"[0-9.\- ]+", x) and not re.fullmatch(r"\W+", x)

    def read(self, doc: str, text: str, pseg) -> None:
        for m in _LATIN_RUN.finditer(text):
            run = m.group(0).rstrip(" .-&'’")
            around = text[max(0, m.start() - 15):m.end() + 15]
            if len(re.findall(f"[{HAN}]", around)) < 3 or len(run.split()) > 4 or len(run) < 2:
                continue  # only Latin names inside Chinese text
            for part in _ROLE_EN.split(run):
                if len(part.strip(" .-&'’")) >= 2:
                    self.add(part, "latin", doc, text, m.start())
        for rx, kind in _MARKED:
            for m in rx.finditer(text):
                if self.usable(m["x"]):
                    self.add(m["x"], kind, doc, text, m.start("x"))
        for m in _DOT_NAME.finditer(text):
            x = _BEFORE_NAME.sub("", m["x"])
            if self.usable(x):
                self.add(x, "dot", doc, text, m.start("x"))
        for para in text.split("\n"):
            if re.search(f"[{HAN}]", para):
                self._words(doc, para, [tuple(t) for t in pseg.cut(para)], pseg)

    def _words(self, doc: str, para: str, toks: list[tuple[str, str]], pseg) -> None:
        offs, o = [], 0
        for w, _ in toks:
            offs.append(o)
            o += len(w)
        for i, (w, flag) in enumerate(toks):
            if flag in ("nt", "nz", "nrt") and len(w) >= 2 and re.search(f"[{HAN}]", w):
                self.add(w, "pos:" + flag, doc, para, offs[i])
            elif 2 <= len(w) <= 6 and re.fullmatch(f"[{HAN}]+", w) and w not in pseg.dt.word_tag_tab:
                self.add(w, "oov", doc, para, offs[i])  # a word jieba's HMM found: often a new name
            if w in _AFTER and i > 0 and self.usable(prev := toks[i - 1][0].strip()):
                self.add(prev, _AFTER[w], doc, para, offs[i - 1])
                if w in _PART_OF_NAME:
                    self.add(prev + w, _AFTER[w] + "+", doc, para, offs[i - 1])
            if w in _BEFORE and i + 1 < len(toks):
                j = i + 1
                while j < len(toks) and toks[j][0].strip() in ("", "兼", "了"):
                    j += 1
                if j < len(toks):
                    nxt, fl = toks[j]
                    person_cue = _BEFORE[w] == "创始人X"
                    if self.usable(nxt) and (not person_cue or fl.startswith("nr") or re.match("[A-Za-z]", nxt)):
                        self.add(nxt, _BEFORE[w], doc, para, offs[j])


def group_of(kinds: Counter) -> str:
    """Which list a candidate goes to."""
    if "latin" in kinds:
        return "latin"
    if "dot" in kinds:
        return "dot"
    if all(k.startswith("pos:") or k == "oov" for k in kinds):
        return "pos"
    return "cue"


def write(tally: Tally, outdir: Path, min_docs: int) -> dict[str, int]:
    """The candidate lists, one TSV file per group; returns how many each holds."""
    groups: dict[str, list[str]] = {"latin": [], "dot": [], "cue": [], "pos": []}
    keys = [k for k in tally.freq if len(tally.docs[k]) >= min_docs]
    keys.sort(key=lambda k: (-len(tally.docs[k]), -tally.freq[k], tally.surfaces[k].most_common(1)[0][0]))
    for k in keys:
        surface = tally.surfaces[k].most_common(1)[0][0]
        kinds = ",".join(x for x, _ in tally.kinds[k].most_common())
        forms = "|".join(x for x, _ in tally.surfaces[k].most_common(5))
        groups[group_of(tally.kinds[k])].append(
            f"{len(tally.docs[k])}\t{tally.freq[k]}\t{surface}\t{kinds}\t{forms}\t{tally.example[k]}")
    outdir.mkdir(parents=True, exist_ok=True)
    for g, rows in groups.items():
        (outdir / f"{g}.tsv").write_text("docs\tfreq\tsurface\tkinds\tsurfaces\texample\n"
                                         + "".join(r + "\n" for r in rows), "utf-8")
    return {g: len(rows) for g, rows in groups.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="folder of articles (read recursively)")
    ap.add_argument("--exclude", type=Path, help="file listing articles to leave out (relative paths, one a line)")
    ap.add_argument("--lexicon", help="lexicon folder or JSONL file (default: the packaged lexicon)")
    ap.add_argument("--outdir", type=Path, default=Path("candidates"), help="where the TSV lists go")
    ap.add_argument("--min-docs", type=int, default=2, help="keep names seen in at least this many articles")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not a folder", file=sys.stderr)
        return 2
    exclude: set[str] = set()
    if args.exclude:
        try:
            exclude = {line.strip() for line in args.exclude.read_text("utf-8").splitlines() if line.strip()}
        except OSError as exc:
            print(f"{args.exclude}: cannot read ({exc.strerror})", file=sys.stderr)
            return 2
    lexicon = load_lexicon(args.lexicon)
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    pseg.initialize()
    # ordinary words of jieba's dictionary (not tagged as names) are no candidates beside a cue
    ordinary = {w for w, tag in pseg.dt.word_tag_tab.items() if not (tag.startswith("nr") or tag in ("nt", "nz", "ns", "eng", "x"))}
    collector = Collector(set(lexicon.by_key) | set(lexicon.stopwords), ordinary)
    files = articles(args.corpus, exclude)
    for i, p in enumerate(files, 1):
        collector.read(str(p.relative_to(args.corpus)), clean(p.read_text("utf-8", errors="replace")), pseg)
        if i % 50 == 0 or i == len(files):
            print(f"\r{i}/{len(files)} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    for g, n in write(collector.tally, args.outdir, args.min_docs).items():
        print(f"{g}: {n} candidates -> {args.outdir / (g + '.tsv')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
