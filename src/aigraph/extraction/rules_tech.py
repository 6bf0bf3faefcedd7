"""Relation constructions about technology: comparisons and ties to trends (foundations and chips: rules_stack)."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt

_BEAT = re.compile(r"(?:替换|取代|替代|超过|超越|比肩|对标|媲美|击败|优于|逼近|追赶|赶超|挑战(?![赛杯])|匹敌|碾压|领先于?|不输于?|胜过|打败|抗衡|叫板|直追)"
                   r"(?:了)?\s?[^，,；;。]{0,4}$")
_LIKE_AFTER = re.compile(r"^[^，,；;。]{0,14}?(?:不相上下|相当|相似|相近|媲美|差距微弱|持平|旗鼓相当|类似|相仿|一较高下|竞争|比拼|抗衡|同级别|同一水平|看齐|比肩|互有胜负|并驾齐驱|平分秋色)")
_WITH_BEFORE = re.compile(r"(?:与|和|跟|同|比)\s?[^，,；;。]{0,4}$")
# "与B竞争": B follows the word that joins it to the one compared with it
_WITH_SIDE = re.compile(r"(?:与|跟|同|在和|正和|要和)\s?$")
_REACH = re.compile(r"(?:达到|达到了|接近|追平|实现了?)\s?[^，,；;。]{0,2}$")
_LEVEL_AFTER = re.compile(r"^\s?(?:的)?(?:满血版|正式版|完整版|最新版)?\s?(?:同级别|同等|相当|同一|水平|级别|表现|性能)")


# "其推理性能是H100的30倍", "性能约为Y的60%": a measure of one side given as a share of the other's
_TIMES_BEFORE = re.compile(r"(?:是|为|约为|仅为|达到?|相当于)\s?$")
_TIMES_AFTER = re.compile(r"^\s?的\s?(?:约)?\s?(?:[0-9.]+|[一二两三四五六七八九十百几]+)\s?(?:倍|%|％)")
_NOT_PERFORMANCE = re.compile(alt("compare.not_performance"))
# "A的得分比B高40%", "A比B更聪明": a better performance than the other side's
_THAN = re.compile(r"比\s?$")
_CLAUSE_REST = re.compile(r"[^，,；;。]*")
_RELEASED = re.compile(r"(?:发布|推出|上线|开源|亮相)(?:了)?[^，,；;。]{0,8}$")
# "A相较于B有显著提升", "…，性能较B提升了60%": an improvement over the other side
_OVER = re.compile(r"(?:较|相比|相较于?|对比)\s?$")
_IMPROVED_AFTER = re.compile(r"^[^，,；;。]{0,10}?(?:提升|提高|增强|更强|更好|更快|更优|领先|优于)")
# "GPT-6会比GPT-5聪明得多": a prediction, not a comparison of what exists
_WILL_BE = re.compile(r"(?:会|将|将会|可能|也许|应该|能够|可以)\s?比\s?$")
_BETTER_AFTER = re.compile(r"^\s?(?:还|更|要|都)*\s?(?:高|强|好|快|优秀|出色|聪明|准确|先进|强大)")
_NOT_RIVALRY = re.compile(rf"^\s?(?:的)?\s?{alt('compare.not_rivalry')}|{alt('compare.not_rivalry')}|{alt('compare.contest')}")
# "超过了B推出X时的投资额": what is beaten is an amount of B's, named at the end of its clause
_OWN_AMOUNT = re.compile(rf"的\s?{alt('compare.not_rivalry')}\s?$")
_BEATEN_THING = re.compile(rf"\s?(?:的)?\s?{alt('compare.beaten_thing')}")
_HELPS = re.compile(alt("compare.helps"))
# "模式和X类似", "都有类似的版本": a likeness is a rivalry only when what is alike is a measure of performance
_SIMILAR_END = re.compile(rf"{alt('compare.similar')}$")
_MEASURE = re.compile(alt("compare.measure"))


_RIVALS_AFTER = re.compile(r"^\s?(?:等(?:公司|企业|巨头|厂商)?)?\s?(?:(?:之间|彼此|相互|互相)\s?(?:的)?\s?(?:激烈)?(?:竞争|较量|竞赛|角逐|对决|厮杀)"
                           r"|(?:的)?[^，,；;。]{0,12}?(?:并无|没有|无)(?:显著|明显|太大|什么)?(?:差异|差别|区别)|(?:不相上下|旗鼓相当|难分伯仲|互有胜负|平分秋色|并驾齐驱))")


_CITED_BY = re.compile(r"(?:根据|据|来自|来源[:：]|援引|引用)\s?[^，,；;。]{0,8}$")
_OF = re.compile(r"^\s?的\s?$")
_ETC = re.compile(r"^\s?等")
_STOP = re.compile(r"[；;。]")
_BLANK = re.compile(r"^[\s*#]*$")
# a sentence with none of the comparison words above compares nothing (a quick test first)
_COMPARE_CUE = re.compile("|".join(sorted({w[:2] for p in (_BEAT, _LIKE_AFTER, _WITH_BEFORE, _REACH, _LEVEL_AFTER, _RIVALS_AFTER)
                                           for w in re.findall(r"[\u4e00-\u9fff]+", p.pattern)})))


@construction("zh.tech.competes", version=2)
def competes(s: Parse) -> Found:
    """A超过B / A与B不相上下 / A达到了B的同级别表现 / 表现与A和B相似."""
    ents = s.ents
    if not _COMPARE_CUE.search(s.text):
        return
    for j, b in enumerate(ents):
        if b.owned is not None or b.type not in ("Company", "Model", "Chip"):
            continue
        lead = s.text[max(0, s.chain_start(j) - 16):s.chain_start(j)]
        kind = None
        if _BEAT.search(lead):
            kind, conf = "beats", 0.75
        elif _WITH_BEFORE.search(lead) and _LIKE_AFTER.match(_after_list(s, j)) and _measured(s, j):
            kind, conf = "alike", 0.75
        elif _REACH.search(lead) and _LEVEL_AFTER.match(s.after(j, 8)):
            kind, conf = "reaches", 0.7
        elif _THAN.search(lead) and _BETTER_AFTER.match(s.after(j, 6)) and not _WILL_BE.search(lead) \
                and not _NOT_PERFORMANCE.search(s.text[s.clauses[b.clause].start:b.start] + _CLAUSE_REST.match(s.after(j, 16)).group()):
            kind, conf = "better", 0.7
        elif _OVER.search(lead) and _IMPROVED_AFTER.match(s.after(j, 14)) \
                and not _NOT_PERFORMANCE.search(s.text[s.clauses[b.clause].start:b.start] + _CLAUSE_REST.match(s.after(j, 16)).group()):
            kind, conf = "improves", 0.7
        elif _TIMES_BEFORE.search(lead) and _TIMES_AFTER.match(s.after(j, 10)) \
                and not _NOT_PERFORMANCE.search(s.text[s.clauses[b.clause].start:b.start] + _CLAUSE_REST.match(s.after(j, 16)).group()):
            kind, conf = "times", 0.7
        if kind is None and _WITH_BEFORE.search(lead) and _RIVALS_AFTER.match(_after_list(s, j)):
            kind, conf = "alike", 0.75  # "A、B和C的新模型在跑分上没有明显差距"
        if kind is None or _NOT_RIVALRY.search(s.text[s.clauses[b.clause].start:s.chain_start(j)]) \
                or _NOT_RIVALRY.match(s.after(j, 8)) or _BEATEN_THING.match(s.after(j, 8)) \
                or _OWN_AMOUNT.search(_CLAUSE_REST.match(s.after(j, 20)).group()):
            continue  # "A的融资额超过了B": money or size compared, not a rivalry; "击败X游戏": a game beaten
        a = _compared_with(s, j)
        if kind in ("better", "improves") and a is not None and s.ents[a].clause != b.clause \
                and (kind == "better" or len(s.text[s.clauses[b.clause].start:s.chain_start(j)].strip(" ，,")) > 6):
            a = None  # "…，比B更好": what is better is in this clause, or unsaid; "X，性能较B提升": X's
        if kind == "alike" and a is not None and ents[a].clause == b.clause and _WITH_SIDE.search(s.before(s.coordinated(a)[0], 4)):
            a = None  # "我正在与A的芯片、B和C竞争": A and B are both the speaker's rivals
        if a is not None and _HELPS.search(s.text[ents[a].end:s.chain_start(j)]):
            a = None  # "A帮助出租车公司与B竞争": A helps the rivals, it is not one
        if kind == "alike" and _RIVALS_AFTER.match(_after_list(s, j)):
            group = s.coordinated(j)  # "A和B之间的竞争": the list's members are each other's rivals
            for x in group:
                for y in group:
                    if x < y and ents[x].type == ents[y].type:
                        yield Hit("competesWith", x, y, 0.75, "rivals-among")
            if a is None:
                continue
        if a is not None:
            for k in s.coordinated(j):
                if ents[k].type == ents[a].type:
                    yield Hit("competesWith", a, k, conf, f"compare-{kind}")


def _measured(s: Parse, j: int) -> bool:
    """Whether the likeness after `j` (and its list) is one of performance, or a word that is never mere likeness."""
    like = _LIKE_AFTER.match(_after_list(s, j)).group()
    if not _SIMILAR_END.search(like):
        return True
    return bool(_MEASURE.search(s.text[s.clauses[s.ents[j].clause].start:s.chain_start(j)] + like))


def _after_list(s: Parse, j: int) -> str:
    return s.after(s.coordinated(j)[-1], 24)


def _compared_with(s: Parse, j: int) -> int | None:
    """The other side of a comparison: the same-type entity the clause is about, else the nearest
    one before (skipping possessors and the list B belongs to)."""
    b = s.ents[j]
    group = set(s.coordinated(j))
    # the same-type entity named before it in its own clause comes first ("也就是说A的…足以比肩B")
    for k in range(j - 1, -1, -1):
        e = s.ents[k]
        if e.clause != b.clause:
            break
        if k not in group and e.owned is None and e.type == b.type and e.name != b.name:
            return k
    subj = s.clauses[b.clause].subject
    if subj is not None and subj not in group and s.ents[subj].type == b.type and s.ents[subj].start < b.start \
            and s.ents[subj].name != b.name:
        # "星河千问推出新模型Fan-3，评测成绩超过Y": what the subject released is compared
        released = [k for k in range(subj + 1, j) if s.ents[k].type == b.type and s.ents[k].clause < b.clause
                    and k not in group and s.ents[k].owned is None and _RELEASED.search(s.before(k, 10))]
        return released[-1] if released else subj
    for k in range(j - 1, -1, -1):
        e = s.ents[k]
        if k in group or e.owned is not None or e.type != b.type or e.name == b.name:
            continue
        if _STOP.search(s.text[e.end:b.start]):
            return None
        if _compared(s, k):
            # "A超越B和C，并与D比肩": B and C are what A beat, D is compared with A too
            group |= set(s.coordinated(k))
            continue
        return k
    return None


def _compared(s: Parse, k: int) -> bool:
    """Whether entity `k` (or its list) is itself the beaten side of a comparison ("超越B和C"), or the other
    side of a rivalry with the same speaker ("我在和B竞争，我在和C竞争": B and C are not each other's)."""
    first = s.coordinated(k)[0]
    lead = s.text[max(0, s.chain_start(first) - 16):s.chain_start(first)]
    return bool(_BEAT.search(lead)) or bool(_WITH_SIDE.search(lead) and _LIKE_AFTER.match(_after_list(s, k)))


_CATEGORY = r"(?:大模型|模型|产品|工具|平台|系统|功能|应用|初创|公司|企业|芯片|助手|框架|服务|解决方案|智能体|赛道|领域|方案|引擎|技术)"
_T_BEFORE_E = re.compile(rf"^\s?(?:AI|人工智能)?\s?{_CATEGORY}?[^，,；;。、]{{0,6}}?{_CATEGORY}\s?[“\"]?\s?$|^\s?{_CATEGORY}\s?[，,]\s?$")
# "X全新多模态模型", "X等大型开源模型" (the list's kind, whatever its size)
_E_BEFORE_T = re.compile(r"^\s?[”\"」]?\s?(?:的|等\s?(?:小型|大型|主流|知名|优秀的?|领先的?)?)?\s?(?:全新|最新|新一代|新款|一款|首款|首个|新)?\s?$")
# "X…，它们完全是开源的": a clause on 它 that says what the thing named before it is
_IT_IS = re.compile(r"\s?(?:它|它们)\s?(?:也|都|完全|全部|本身|基本上)*\s?是\s?(?:完全|真正)?\s?")
_IT_IS_END = re.compile(r"\s?的\s?[，,；;。！!]")
_OBJECT_OF_VERB = re.compile(r"(?:对标|比肩|超越|超过|类似于?|基于|采用|使用|媲美|替代|取代|利用|接入)\s?$")
_T_CATEGORY_AFTER = re.compile(rf"^\s?(?:AI|人工智能)?\s?(?:大)?{_CATEGORY}")
_REPORTER = re.compile(r"^\s?(?:的)?(?:预测|表示|认为|称|指出|提出|透露|估计|统计|报告|调查|研究|数据|显示|观察|分析|看来|发布的《|在其?《|的《)")
_NOUN_GAP = re.compile(r"^[^，,；;。]{0,6}?(?:模型|大模型|产品|工具|平台|应用|技术|公司|企业|方案|系统|芯片|领域)?\s?[，,：:]?\s?$")
_EXAMPLES = re.compile(r"(?:例如|比如|譬如|诸如|包括|像是|(?<![正假犹恰诚])如(?!下|何|果|今|同|此|期|实))\s?[，,:：]?\s?")
# a list of examples ends with its sentence, with a new clause of contrast or of the speaker
# ("…，但像X这样的…", "…，或者X等闭源供应商", "…，我们可以…"; 它们 goes on with the examples), and inside brackets with the bracket
_SPAN_END = re.compile(r"[；;。]|[，,]\s?(?:但|而|然而|不过|或者|或是|我们)")
_PASSIVE_AGENT = re.compile(r"被\s?(?:[^，,；;。（）()“”的]{0,8}[、和与及])?\s?$")
_VERBAL = re.compile(r"发布|推出|超越|超过|达到|实现|是|成为|获得|完成|采用|使用|通过|提升|表现")
_ITEM_SEP = re.compile(alt("list.item_sep"))
_EXEMPLAR = re.compile(r"(?:践行者|代表|典型|先驱|先行者|引领者|领头羊|佼佼者|代表企业|代表产品)\s?(?:是|为|有|——|—|：|:|，|,)?\s?$")


@construction("zh.tech.related", version=2)
def related(s: Parse) -> Found:
    """An entity the sentence explicitly ties to a trend: its kind (多模态模型GPT-4o, Agent产品Devin), what
    a subject does with the trend (Two Sigma使用AI Agent), examples given for it (如GPT-4的可解释性…)."""
    ents = s.ents
    trends = [t for t, e in enumerate(ents) if e.type == "Trend"]
    if not trends:
        return
    things = [i for i, e in enumerate(ents) if e.type in ("Company", "Investor", "Model", "Chip", "Product")
              and e.owned is None and not _reporter(s, i)]
    examples = _example_spans(s)
    # a trend that names the kind of a thing ("AI搜索工具SearchGPT") is about that thing
    kinds: set[int] = set()
    for t in trends:
        te = ents[t]
        for i in things:
            e = ents[i]
            start = s.chain_start(i)
            # category apposition, either order
            if te.end <= start and _T_BEFORE_E.match(s.text[te.end:start]) \
                    and ("的" in s.text[te.end:start] or not _describes_before(s, t, i)):
                kinds.add(t)
                yield Hit("relatedTo", i, t, 0.8, "trend-kind-of")
            elif e.end <= te.start and _E_BEFORE_T.match(s.text[e.end:te.start]) and _T_CATEGORY_AFTER.match(s.after(t, 8)) \
                    and not e.relative and not _OBJECT_OF_VERB.search(s.before(i, 4)):
                kinds.add(t)
                yield Hit("relatedTo", i, t, 0.8, "kind-trend")
            elif e.end <= te.start and _OF.match(s.text[e.end:te.start]) and not _OBJECT_OF_VERB.search(s.before(i, 4)):
                yield Hit("relatedTo", i, t, 0.7, "its-trend")
            elif e.end <= te.start and _ENTERS.match(s.text[e.end:te.start]):
                yield Hit("relatedTo", i, t, 0.7, "enters-trend")
            elif te.end <= start and e.type in ("Model", "Product", "Chip") and (
                    _VERB_OBJECT.match(s.text[te.end:start]) or _DONE_OBJECT.match(s.text[te.end:start])):
                kinds.add(t)  # "Meta陆续开源Llama系列模型", "英伟达开源的Nemotron": the thing is open
                yield Hit("relatedTo", i, t, 0.75, "trend-verb-object")
            elif _EXEMPLAR.search(s.text[te.end:start]) and len(s.text[te.end:start]) <= 20:
                yield Hit("relatedTo", i, t, 0.75, "exemplar")
    # what the subject of a clause does with a trend later in the sentence
    for ci, c in enumerate(s.clauses):
        subj = c.subject
        if subj is None or subj not in things:
            continue
        for t in trends:
            te = ents[t]
            if te.clause < ci or te.start <= ents[subj].end or s.clauses[te.clause].subject != subj or t in kinds:
                continue
            # a thing named between the subject and the trend, outside an example list, is what
            # the trend is about instead
            group = set(s.coordinated(subj))
            between = [k for k in range(len(ents)) if k not in group and ents[k].type != "Trend"
                       and ents[k].owned is None and ents[subj].end <= ents[k].start < te.start
                       and ents[k].name != ents[subj].name and not _ETC.match(s.after(k, 2))
                       and not any(a <= ents[k].start < b for a, b in examples)]
            if between:
                continue
            if any(a <= ents[subj].start < b and a <= te.start < b for a, b in examples) \
                    and _ITEM_SEP.search(s.text[max(ents[k].end for k in group):te.start]):
                continue  # "包括A、一些开源的东西": items of one list of examples are not tied
            for k in group:
                if k in things:
                    yield Hit("relatedTo", k, t, 0.65, "subject-does-trend")
    # "我们有X模型，…，它们完全是开源的"
    for t in trends:
        te = ents[t]
        if te.clause and _IT_IS.fullmatch(s.text, s.clauses[te.clause].start, te.start) and _IT_IS_END.match(s.text + "。", te.end):
            named = [k for k in things if ents[k].type in ("Model", "Product") and ents[k].clause in (te.clause - 1, te.clause - 2)]
            if named:
                yield Hit("relatedTo", named[-1], t, 0.65, "it-is-trend")
    # "以DeepSeek为例，…可解释性": the sentence is about its topic
    if s.topic is not None and s.topic in things:
        for t in trends:
            yield Hit("relatedTo", s.topic, t, 0.65, "topic-of-sentence")
    # items of one example list with the trend: "如A的隐私保护版本和B的多语种推理功能"
    for a, b in examples:
        inside = [t for t in trends if a <= ents[t].start < b]
        for t in inside:
            for i in things:
                # the thing's own list ("A、B等开源项目") is one item
                gap = s.text[ents[s.coordinated(i)[-1]].end:ents[t].start] if ents[i].end <= ents[t].start else s.between(i, t)
                if a <= ents[i].start < b and not _ITEM_SEP.search(gap) and not _agent(s, i):
                    yield Hit("relatedTo", i, t, 0.6, "same-example-list")
    # examples given after the trend: "…多模态模型，如Sora、GPT-4o"
    for t in trends:
        te = ents[t]
        rest = s.text[te.end:]
        m = _EXAMPLES.search(rest)
        if not m or not _NOUN_GAP.match(rest[:m.start()]):
            continue
        lo = te.end + m.end()
        hi = _span_end(s.text, te.end + m.start(), lo)
        for i in things:
            if lo <= ents[i].start < hi and not _agent(s, i):
                yield Hit("relatedTo", i, t, 0.6, "example-of-trend")


_VERB_OBJECT = re.compile(r"^\s?(?:了|的|出)?\s?(?:其|自家|自己的|最新的?|新一代的?|旗下的?)?\s?$")
# "开源了一款80亿参数的小模型X": the thing the verb was done to, after a description of it
_DONE_OBJECT = re.compile(rf"^了\s?[^，,；;。、“”]{{0,16}}?{_CATEGORY}\s?$")
_ENTERS = re.compile(r"^\s?(?:已经|已|正式|率先|全面|开始|正在)?\s?(?:迈入|进入|步入|转向|迈向|拥抱|布局|入局|押注|发力|加码|深耕|进军)"
                     r"[^，,；;。]{0,6}?$")


_TRAILING = re.compile(r"\s?[^，,；;。、：:（）()“”\"]{0,4}?\s?")


def _describes_before(s: Parse, t: int, i: int) -> bool:
    """Whether the trend's phrase before thing `i` follows another thing directly ("A实时多模态助手B…"):
    in a run of names and descriptions without punctuation, the description is the earlier name's (one
    that ends in 的 is the later one's: "…架构的模型B")."""
    te = s.ents[t]
    for k, e in enumerate(s.ents):
        if k != i and e.type in ("Model", "Product", "Chip") and e.end <= te.start and e.owned is None \
                and _TRAILING.fullmatch(s.text, e.end, te.start):
            return True
    return False


def _example_spans(s: Parse) -> list[tuple[int, int]]:
    """Stretches of the sentence that list examples ("如…", "例如…"), up to the next ；or 。."""
    out = []
    for m in _EXAMPLES.finditer(s.text):
        if m.start() == 0 or _BLANK.match(s.text[:m.start()]):
            continue  # "如X发布了…" opens the sentence: the whole sentence is the example
        end = _span_end(s.text, m.start(), m.end())
        if not _VERBAL.search(s.text[m.end():end]):
            out.append((m.end(), end))
    return out


def _span_end(text: str, opens: int, lo: int) -> int:
    """Where a list of examples that starts at `lo` (its word at `opens`) ends."""
    stop = _SPAN_END.search(text, lo)
    end = stop.start() if stop else len(text)
    if text[:opens].count("（") + text[:opens].count("(") > text[:opens].count("）") + text[:opens].count(")"):
        close = re.compile(r"[）)]").search(text, lo, end)
        end = close.start() if close else end
    return end


def _agent(s: Parse, i: int) -> bool:
    """Whether the thing (with its list) is the agent of a passive (如Y（被A、B等使用）): not an example."""
    return bool(_PASSIVE_AGENT.search(s.before(s.coordinated(i)[0], 12)))


def _reporter(s: Parse, i: int) -> bool:
    """Whether an entity only reports or predicts (根据X的统计, X预测, X表示)."""
    if _CITED_BY.search(s.before(i, 10)):
        return True
    return bool(_REPORTER.match(s.after(i, 8)))
