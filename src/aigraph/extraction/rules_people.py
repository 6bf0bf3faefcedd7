"""Relation constructions about people: founders and chiefs, read from chains of titles around names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigraph.extraction.clauses import CONTEXT, Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt, words

ORGS = frozenset({"Company"})
"""Organisations a person founds or leads (an investor typed so is not one, by the annotation rules)."""
_FOUNDER, _HEAD = frozenset(words("people.founder")), frozenset(words("people.head"))
_TITLE = alt("people.founder", "people.head", "people.other")
_FORMER = alt("people.former")
_ITEM = rf"(?:{_FORMER}\s?)?(?:现任\s?|创始\s?)?{_TITLE}"
_FORMER_BEFORE = re.compile(rf"(?:{_FORMER})\s?$")
_SEP = rf"\s?(?:{alt('people.sep')})\s?"
# "的首席技术官兼联合创始人", "创始人、CEO", "前CEO", "联合创始人之一"; a count may stand before the
# titles ("的三位创始人之一", "的另一位联合创始人")
_COUNT = r"(?:(?:另外|另|其他|其余)?\s?[一二三四五六七八九十两]\s?(?:位|名)\s?)?"
CHAIN = rf"(?:公司|事业群|事业部)?\s?(?:的)?\s?{_COUNT}{_ITEM}(?:{_SEP}{_ITEM})*(?:之一)?"
# "星河公司、董事长兼CEO 李明", "云帆科技及其CEO王强"
# "Fireworks的CEO林乔（Lin Qiao）": the name in the other script is the one recognised
_OTHER_SCRIPT = r"(?:[\u4e00-\u9fff·•]{2,8}\s?[（(]\s?)?"
_ORG_TITLE_PERSON = re.compile(rf"\s?(?:公司)?\s?(?:[、，,]|及其|和其|与其)?\s?{CHAIN}\s?[-—–:：，,]?\s?{_OTHER_SCRIPT}")
# "他最为人熟知的身份是X的CEO", "他最为人知的是创立了X": what a profile says its person is known for
_BEST_KNOWN = r"(?:最|更)?为人(?:所)?熟?知的(?:身份|角色)?(?:是|为)"
# "P于2019年正式成为X的CEO", "P接任了X的CEO": taking the title is holding it
_PERSON_IS = re.compile(r"[）)]?\s?(?:[（(][^（()）]{1,30}[）)])?\s?[，,]?\s?(?:他|她)?\s?(?:同时|也|还|曾|曾经|现在|目前|现|如今|则|便)?\s?"
                        r"(?:(?:于|在)?\s?(?:\d{4}\s?年(?:\s?\d{1,2}\s?月)?|近期|最近|日前|近日)\s?)?(?:正式|随后|后来)?"
                        r"(?:是|为|担任|出任|任|作为|身为|成为了?|接任了?|升任|就任|" + _BEST_KNOWN + r"(?:其?作为)?)\s?")
# "P是人工智能初创公司X的CEO": a description of the organisation between 是 and its name
_KIND = rf"(?:[^，,。；;、：:（()）\s][^，,。；;、：:（()）]{{0,13}}?{alt('people.kind')}\s?)?"
_PERSON_IS_KIND = re.compile(_PERSON_IS.pattern + _KIND)
_REPLACED = re.compile(r"(?:接替|取代|替代|替换|继任)\s?$")
_PAREN = re.compile(r"\s?[（(]\s?$")
# "P，美国最大的燃料服务公司之一 X 的CEO": a description of the organisation may open the apposition
_APPOSED = re.compile(r"\s?(?:[，,]|——|—)\s?(?:作为|身为)?\s?(?:(?![^，,]*?(?:他|她|我|你|投资|收购|加入|离开))"
                      r"[^，,。；;、：:（()）\s][^，,。；;、：:（()）]{0,19}?" + alt("people.kind") + r"(?:之一)?)?\s?$")
# "英伟达公司 (NVIDIA) 联合创始人": the organisation's other name in brackets may stand before the titles
_CLOSE = re.compile(rf"(?:\s?(?:公司|Inc\.?|Corp\.?|Ltd\.?|LLC))?(?:\s?[（(][^（()）]{{1,30}}[）)])?\s?{CHAIN}\s?(?:[）)]|[，,。；;]|$|表示|说|称|认为|指出|透露|介绍)")
_WITH_OTHERS = r"(?:与他人|和他人|与人)?"
_FOUNDED = re.compile(r"\s?(?:等人?)?\s?(?:还|也|随后|后来|曾|先后|最终|又|便|则|继续|再次|亲自)?\s?(?:" + _BEST_KNOWN + r")?" + _WITH_OTHERS
                      + r"\s?(?:(?:大约|约|早)?(?:在[^，,；;。]{0,14}?|于[^，,；;。]{0,14}?)(?:就)?)?" + _WITH_OTHERS
                      + r"(?:联合|共同|参与)?(?:创立|创办|创建|成立)(?:了|的)?")
# "由P（别名）联合创立": an alias in brackets may close the list of founders
# "由A院士和B教授联合创立", "由A、B和众多其他成员于2021年创立": a title of honour, others unnamed
_FOUNDED_BY = re.compile(r"\s?[）)]?\s?(?:" + alt("people.honour") + r")?\s?(?:等人?)?\s?(?:[一二三四五六七八九十两]\s?(?:人|位))?"
                         r"(?:(?:和|与|以及)(?:众多|多位|其他|另外|几位)[^，,；;。由]{0,8}?)?"
                         r"(?:[于在][^，,；;。]{1,14}?)?(?:联合|共同)?(?:创立|创办|创建)")
# "P是一位企业家，他于2010年共同创立了X": the person named before in the sentence
_HE = re.compile(r"(?<![其吉])[他她](?![们人])")
_DENIED = re.compile(rf"(?:{alt('modal.negation')}|不)\s?$")
# "创办了X大学的机器人研究中心": a unit of the organisation named, not the organisation
# also "创立了X旗下的Y", "创建FAIR（某公司的研究机构）": a unit, said after the name or in brackets
# ("创立了X的AI研究项目": a unit of X was founded, X was not)
_UNIT_AFTER = re.compile(r"(?:\s?的?\s?[^，,；;。的\s]{0,12}?(?:研究所|研究院|实验室|研究中心|中心|学院|基金会|项目|部门|课程|产品|功能)|\s?(?:旗下|下属|内部)"
                         r"|\s?[（(][^（()）]{0,16}?(?:研究机构|研究所|研究院|实验室|部门|大学|学院|基金会)[）)])")
# "他创立了某大学", "创建了某基金会": a school or a foundation is no company (by its name's ending)
_NOT_COMPANY = re.compile(rf"(?:{alt('people.not_company')})$", re.I)


def _unit(s: Parse, j: int) -> bool:
    """Whether the organisation founded at `j` is a unit, a school or a foundation, not a company."""
    return bool(_UNIT_AFTER.match(s.text, s.ents[j].end) or _NOT_COMPANY.search(s.ents[j].name))


@dataclass(frozen=True)
class Titles:
    """What a chain of titles says about a person and an organisation."""

    founder: bool
    """A founder's title is in it."""
    head: bool
    """A chief's title is in it, and not a former one."""


def titles(chain: str) -> Titles:
    """The founder and chief titles of a chain ("前CEO兼联合创始人": founder, not a chief any more)."""
    founder = head = False
    for m in re.finditer(rf"(?P<former>{_FORMER}\s?)?(?:现任\s?|创始\s?)?(?P<title>{_TITLE})", chain):
        t = m["title"]
        founder = founder or t in _FOUNDER
        head = head or (t in _HEAD and not m["former"])
    return Titles(founder, head)


def _facts(person: int, org: int, chain: str, conf: float, rule: str, former_org: bool = False) -> Found:
    t = titles(chain)
    if t.founder:
        yield Hit("founderOf", person, org, conf, f"{rule}-founder")
    if t.head and not former_org:
        yield Hit("leads", person, org, conf, f"{rule}-chief")


def _former_org(s: Parse, j: int) -> bool:
    """"前OpenAI CEO": a title at a former employer."""
    return bool(_FORMER_BEFORE.search(s.before(j, 3)))


# "X的联合创始人A和B", "X联合创始人A（Alias）、B": the people listed after a plural founder's title
_CO_FOUNDERS = re.compile(r"联合创始人|共同创始人|联合创办人")
_NEXT_LISTED = re.compile(r"\s?(?:[（(][A-Za-z][A-Za-z .'-]{1,30}[）)])?\s?(?:、|和|与|及|以及)\s?")
_OWN_TITLE = re.compile(rf"\s?[（(][^（()）]{{0,20}}?{_TITLE}")


def _co_founders(s: Parse, i: int, org: int) -> Found:
    """The people listed right after person `i`, who holds a co-founder's title of `org`."""
    ents, k = s.ents, i
    while k + 1 < len(ents) and ents[k + 1].type == "Person":
        if ents[k + 1].name == ents[k].name or re.fullmatch(r"\s?[（(]\s?", s.text[ents[k].end:ents[k + 1].start]):
            k += 1
            continue  # the same person's other name in brackets
        if not _NEXT_LISTED.fullmatch(s.text, ents[k].end, ents[k + 1].start) or _OWN_TITLE.match(s.text, ents[k + 1].end):
            return
        k += 1
        yield Hit("founderOf", k, org, 0.75, "org-title-people-founder")


# "X联合创始人兼Y主席P", "X的创始人、Y董事会主席P": each organisation with its own titles, one person
_TITLE_LINK = re.compile(rf"\s?{CHAIN}\s?(?:兼任|兼|、|，|,|和|以及|及|暨)\s?(?:同时也是|也是)?\s?(?:{_FORMER}\s?)?"
                         rf"(?:[^，,；;。、]{{0,8}}?{alt('people.kind')}\s?)?$")


def _titled_before(s: Parse, i: int, j: int) -> Found:
    """The organisations listed before `j` with titles of their own, all of person `i`."""
    ents = s.ents
    k = j - 1
    while k >= 0 and ents[k].type in ORGS:
        m = _TITLE_LINK.fullmatch(s.text, ents[k].end, ents[k + 1].start)
        if not m or ents[k + 1].type not in ORGS:
            return
        chain = re.match(rf"\s?{CHAIN}", m.group()).group()
        yield from _facts(i, k, chain, 0.8, "org-title-org-title-person", _former_org(s, k))
        k -= 1


def _listed_orgs(s: Parse, j: int) -> list[int]:
    """Organisation `j` and those listed right after it with 和 or 、 ("X和Y的联合创始人"): the titles after
    the last are of each."""
    out = [j]
    while out[-1] + 1 < len(s.ents) and s.ents[out[-1] + 1].type in ORGS \
            and re.fullmatch(r"\s?(?:和|、|与|及)\s?", s.between(out[-1], out[-1] + 1)):
        out.append(out[-1] + 1)
    return out


@construction("zh.people.titles")
def people_titles(s: Parse) -> Found:
    """X创始人兼CEO P / X的CEO，P / P是X的联合创始人之一 / P（X联合创始人） / P，X的总裁兼CEO."""
    ents = s.ents
    if not any(e.type == "Person" for e in ents):
        return
    for i, e in enumerate(ents):
        if e.type != "Person":
            continue
        # "Acme的首席技术官兼联合创始人Jane Doe", "云帆科技总裁王强"
        for j in range(i - 1, -1, -1):
            org = ents[j]
            if org.type == "Person":
                break
            if org.type not in ORGS:
                continue
            m = _ORG_TITLE_PERSON.fullmatch(s.text, org.end, e.start)
            subj = s.clauses[org.clause].subject
            if m and re.match(r"\s?(?:公司)?\s?[，,]", m.group()) and subj is not None and subj != j \
                    and ents[subj].type in ORGS:
                break  # "A脱胎于B，董事长P": the title is of the clause's subject (zh.people.bare-title)
            if m:
                yield from _facts(i, j, m.group(), 0.85, "org-title-person", _former_org(s, j))
                if _CO_FOUNDERS.search(m.group()):
                    yield from _co_founders(s, i, j)
                yield from _titled_before(s, i, j)
            break
        for j in range(i + 1, min(i + 3, len(ents))):
            org = ents[j]
            if org.type not in ORGS:
                continue
            gap = s.text[e.end:org.start]
            orgs = _listed_orgs(s, j)
            close = _CLOSE.match(s.text, ents[orgs[-1]].end)
            if not close:
                break
            chain = close.group()
            # "Alexandr Wang是Scale AI的创始人兼CEO", "林乔（Lin Qiao）是Fireworks AI的首席执行官"
            # "A接替P成为X的CEO": P is the one replaced, not the chief
            if _PERSON_IS_KIND.fullmatch(gap) and all(ents[k].name == e.name for k in range(i + 1, j)) \
                    and not _REPLACED.search(s.text, max(0, e.start - 4), e.start):
                # "P曾是X的CEO": a founder still, a chief no more; "P是X和Y的CEO": of both
                for k in orgs:
                    yield from _facts(i, k, chain, 0.8, "person-is-title-of", former_org=bool(re.search(r"曾|(?<![目之])前", gap)))
            # "Sergey Brin（谷歌联合创始人）"
            elif _PAREN.fullmatch(gap) and chain.rstrip().endswith(("）", ")")):
                yield from _facts(i, j, chain, 0.8, "person-paren-title")
            # "我是王强，云帆科技的总裁兼CEO"
            elif _APPOSED.fullmatch(gap):
                yield from _facts(i, j, chain, 0.75, "person-apposed-title")
            break


# "创建了X的第一个版本": something of X was made, not X ("创建X的时候" is X's founding still; 创立 and
# 创办 found whatever follows: "创办X的初衷")
_OWNED_AFTER = re.compile(r"\s?的(?!时候|时|过程|那)")


def _founded_after(s: Parse, i: int, at: int, rule: str) -> Found:
    """P (or 他 standing for P) at `at`, then 创立了X: P founded the organisation named next."""
    ents = s.ents
    m = _FOUNDED.match(s.text, at)
    if not m:
        return
    for j in range(i + 1, len(ents)):
        if ents[j].start < at:
            continue
        if ents[j].type in ORGS and ents[j].start >= m.end() - 1:
            if len(s.text[at:ents[j].start]) <= 30 and not re.search(r"[，,；;。]", s.text[m.end():ents[j].start]) \
                    and not _unit(s, j) and not ("创建" in m.group() and _OWNED_AFTER.match(s.text, ents[j].end)):
                yield Hit("founderOf", i, j, 0.8, rule)
                yield from _then_heads(s, i, j)
            break


# "创立了X，并至今仍担任首席执行官": the founder holds the titles of what they founded
_THEN_HOLDS = re.compile(rf"\s?[，,]?\s?并\s?(?:至今|一直|同时)?\s?(?:仍然|仍)?\s?(?:担任|出任)\s?(?:该公司|公司)?\s?{CHAIN}\s?(?:[，,。；;]|$)")


def _then_heads(s: Parse, i: int, j: int) -> Found:
    """P创立了X，并担任CEO: the titles the clause after the founding gives, of X."""
    m = _THEN_HOLDS.match(s.text, s.ents[j].end)
    if m and not any(s.ents[k].start < m.end() for k in range(j + 1, len(s.ents))):
        yield from (h for h in _facts(i, j, m.group(), 0.75, "founded-then-holds") if h.predicate == "leads")


@construction("zh.people.founded")
def founded(s: Parse) -> Found:
    """其联合创始人P / P创立的X / P创立了X / 公司由A和B等联合创立."""
    ents = s.ents
    if not any(e.type == "Person" for e in ents):
        return
    for i, e in enumerate(ents):
        if e.type != "Person":
            continue
        # "其联合创始人David Baker", "…是Anthropic，其CEO Dario Amodei"
        its = s.text.rfind("其", max(0, e.start - 24), e.start)
        m = _ORG_TITLE_PERSON.fullmatch(s.text, its + 1, e.start) if its >= 0 else None
        if m:
            # the organisation named last before 其, else the clause's subject
            subj = next((k for k in range(i - 1, -1, -1) if ents[k].end <= its and ents[k].type in ORGS
                         and ents[k].clause >= e.clause - 1 and not ents[k].relative), None)
            if subj is None:
                subj = s.clauses[e.clause].subject
            if subj is not None and ents[subj].type in ORGS:
                yield from _facts(i, subj, m.group(), 0.8, "its-title")
        # "P在2023年7月创立的xAI", "P创立了X"
        yield from _founded_after(s, i, e.end, "person-founded-org")
        # "P是…企业家，他于2010年共同创立了X"
        nxt = next((k for k in range(i + 1, len(ents)) if ents[k].type == "Person"), None)
        if s.clauses[e.clause].subject != i:
            continue  # "A与他的老友B一起…，他创办了X": only the clause's subject is the one 他 stands for
        for he in _HE.finditer(s.text, e.end, ents[nxt].start if nxt is not None else len(s.text)):
            yield from _founded_after(s, i, he.end(), "he-founded-org")
    # "公司由A和B等联合创立": the founders of the clause subject
    for m in re.finditer(r"由", s.text):
        if _DENIED.search(s.text, max(0, m.start() - 4), m.start()):
            continue  # "并不是由P创立": the founders are named elsewhere
        members = [i for i, e in enumerate(ents) if e.type == "Person" and e.start >= m.end()
                   and e.start - m.end() <= 60 and not re.search(r"[，,；;。]", s.text[m.end():e.start])]
        if not members or not _FOUNDED_BY.match(s.text, ents[members[-1]].end):
            continue
        clause = ents[members[0]].clause
        subj = s.clauses[clause].subject
        target = subj if subj is not None and ents[subj].type in ORGS else None
        if target is None:
            # what was founded stands before 由 ("由谷歌研究员A创立": Google is A's employer)
            target = next((k for k in range(members[0] - 1, -1, -1) if ents[k].type in ORGS and ents[k].end <= m.start()
                           and not re.search(r"前\s?$", s.before(k, 2))), None)
        if target is None and s.context is not None and _IT_BY.search(s.text, 0, m.start()) \
                and not any(e.type in ORGS and e.end <= m.start() for e in ents):
            target = CONTEXT  # "它由A和B共同创办": the organisation the paragraph is about
        if target is not None:
            for k in members:
                yield Hit("founderOf", k, target, 0.8, "founded-by")


# "它由A和B共同创办" opening a clause: "it" stands for the organisation spoken of
_IT_BY = re.compile(r"(?:^|[，,；;。：:])\s?(?:[^，,；;。]{0,12}?[，,]\s?)?它\s?$")


# a clause that opens on a title and the person holding it ("…，CEO Sam Altman表示"): the title's
# organisation is what the sentence spoke of just before
_BARE_TITLE = re.compile(rf"[\s，,：:]*(?:{CHAIN})\s?{_OTHER_SCRIPT}")


@construction("zh.people.bare-title")
def bare_title(s: Parse) -> Found:
    """X推出了Y，CEO P称… / 在X的大会上，创始人P… : a title without its organisation, after a clause about one."""
    ents = s.ents
    for i, e in enumerate(ents):
        if e.type != "Person" or e.clause == 0:
            continue
        c = s.clauses[e.clause]
        m = _BARE_TITLE.fullmatch(s.text, c.start, e.start)
        if not m:
            continue
        earlier = [k for k in range(i) if ents[k].clause < e.clause]
        if any(ents[k].type == "Person" for k in earlier):
            continue  # another person was named before: the title may be of that one's organisation
        prev = s.clauses[e.clause - 1].subject
        if prev is not None and ents[prev].type in ORGS and not ents[prev].relative and len(s.coordinated(prev)) == 1:
            org = prev
        else:
            orgs = [k for k in earlier if ents[k].type in ORGS]
            if len(orgs) != 1 or prev is not None and ents[prev].type in ORGS:
                continue
            org = orgs[0]
        yield from _facts(i, org, m.group(), 0.7, "bare-title")


# a later clause of a sentence about a person, its subject left out: "…，并于2015年与他人共同创立了X"
_THEN = r"[\s，,]*(?:并且|并|而|随后|后来|之后|此后|然后|还|也|又|便|最终|先后)*\s?"
_THEN_FOUNDED = re.compile(rf"{_THEN}(?P<span>[^，,；;。]{{0,50}}?)(?:联合|共同|参与)?(?:创立|创办|创建)了")
_SPAN_OK = re.compile(r"^\s?(?:(?:于|在)\s?[^，,；;。与和同]{1,12}?)?\s?(?:(?:与|和|同)\s?(?P<with>.*?))?\s?$")
# "创办了一家做机器人软件的初创公司 X": a longer description, of a company
_A_COMPANY = re.compile(rf"\s?一家[^，,；;。]{{0,24}}?{alt('people.kind')}\s?")
_NOT_FOUNDING = re.compile(r"投资|加入|离开|收购|担任|发布|推出|帮助|支持|资助")


@construction("zh.people.then-founded")
def then_founded(s: Parse) -> Found:
    """P离开X，并与Q共同创立了Y / P加入了X，并于2015年与他人共同创立了Y: the sentence's person founded Y."""
    ents = s.ents
    for ci in range(1, len(s.clauses)):
        c = s.clauses[ci]
        subj = c.subject
        if subj is not None and ents[subj].clause == ci and _A_COMPANY.search(s.text, c.start, ents[subj].start):
            subj = c.previous  # "，并创办了一家…公司Y": Y, after its description, was taken for the subject
        if subj is None or ents[subj].type != "Person" or ents[subj].clause >= ci:
            continue
        m = _THEN_FOUNDED.match(s.text, c.start)
        if not m:
            continue
        span = _SPAN_OK.match(m["span"])
        inside = [k for k in range(len(ents)) if m.start("span") <= ents[k].start < m.end("span")]
        if not span or _NOT_FOUNDING.search(m["span"]) or any(ents[k].type != "Person" for k in inside):
            continue
        if inside and not span["with"]:
            continue  # a person named without 与: the subject of its own clause
        org = next((k for k in range(len(ents)) if ents[k].start >= m.end() and ents[k].clause == ci), None)
        if org is None or ents[org].type not in ORGS or _unit(s, org) \
                or re.search(r"[，,；;。]", s.text[m.end():ents[org].start]) \
                or ents[org].start - m.end() > 16 and not _A_COMPANY.fullmatch(s.text, m.end(), ents[org].start):
            continue
        for k in [subj, *inside]:
            yield Hit("founderOf", k, org, 0.75, "then-founded")
        if not inside:
            yield from _then_heads(s, subj, org)


# "马斯克领导的特斯拉", "P（…）执掌的X": the person heads the organisation named right after
_LED = re.compile(r"\s?(?:[（(][^（()）]{0,60}[）)])?\s?(?:所|一手|长期)?(?:领导|执掌|掌舵)的\s?")
_TEAM_AFTER = re.compile(r"[^，,；;。]{0,12}?(?:团队|小组|项目|部门|研究组|课题组)")


# "P带领X从…发展成为…", "他成功带领X完成转型": P steers X somewhere; "在P的带领下，X…"
_STEERS = re.compile(r"\s?(?:[（(][^（()）]{0,60}[）)])?\s?(?:已经|一直|曾经?|成功|出色地|先后|并|则|还|亲自|一手)*\s?"
                     + alt("people.steer") + r"(?:着|了)?\s?")
_STEERED_TO = re.compile(r"\s?(?:公司|集团)?\s?(?:(?!团队|的)[^，,。；;]){0,4}?(?:" + alt("people.steered_to") + ")")
_UNDER = re.compile(r"在\s?$")
_UNDER_AFTER = re.compile(r"\s?的\s?" + alt("people.steer") + r"下\s?[，,]?\s?")


@construction("zh.people.led", version=2)
def led(s: Parse) -> Found:
    """P领导的X / P执掌的X: P leads X (not a team inside X: "P领导的谷歌团队"); P带领X从…发展成为… /
    在P的带领下，X…: P steers X somewhere."""
    ents = s.ents
    for i, e in enumerate(ents):
        if e.type != "Person":
            continue
        m = _LED.match(s.text, e.end)
        j = next((k for k, o in enumerate(ents) if m and o.start == m.end()), None)
        if j is not None and ents[j].type in ORGS and not _TEAM_AFTER.match(s.text, ents[j].end):
            yield Hit("leads", i, j, 0.75, "person-led-org")
        for m in (_STEERS.match(s.text, e.end), _UNDER_AFTER.match(s.text, e.end) if _UNDER.search(s.before(i, 2)) else None):
            j = next((k for k, o in enumerate(ents) if m and o.start == m.end()), None)
            if j is not None and ents[j].type in ORGS and _STEERED_TO.match(s.text, ents[j].end):
                yield Hit("leads", i, j, 0.75, "person-steers-org")


# "在创立X之前，P曾是…": the person the main clause opens on founded X
_BEFORE_FOUNDING = re.compile(r"(?:在|于)\s?(?:联合|共同)?(?:创立|创办|创建)(?:了)?\s?$")
_FOUNDING_TIME = re.compile(r"\s?(?:之前|之后|以前|以后|前|后|时|的时候)\s?[，,]\s?")


@construction("zh.people.before-founding")
def before_founding(s: Parse) -> Found:
    """在创立X之前，P… / 在创办X时，P…: P founded X."""
    ents = s.ents
    for j, org in enumerate(ents):
        if org.type not in ORGS or not _BEFORE_FOUNDING.search(s.text, max(0, org.start - 8), org.start):
            continue
        m = _FOUNDING_TIME.match(s.text, org.end)
        if m and j + 1 < len(ents) and ents[j + 1].type == "Person" and ents[j + 1].start == m.end() and not _unit(s, j):
            yield Hit("founderOf", j + 1, j, 0.75, "before-founding")


_LABEL_AFTER = re.compile(r"\s?(?:\*\*)?\s?[：:]")
_HE_IS = re.compile(r"\s?(?:也|同时|还|现在|目前|如今|现|曾|曾经)?\s?(?:是|作为|担任|出任)\s?")


@construction("zh.people.he-is-title")
def he_is_title(s: Parse) -> Found:
    """P是一位企业家，他是X的联合创始人 / 嘉宾是P，他是X的CEO: 他 is the person of the clause before."""
    ents = s.ents
    for he in _HE.finditer(s.text):
        c = next((k for k, cl in enumerate(s.clauses) if cl.start <= he.start() < cl.end), None)
        if not c:
            continue
        # a speaker's label ("P：她是X的CEO") is who speaks, not whom 她 stands for
        people = [k for k, e in enumerate(ents) if e.type == "Person" and s.clauses[c - 1].start <= e.start < he.start()
                  and not _LABEL_AFTER.match(s.text, e.end)]
        if len({ents[k].name for k in people}) != 1:
            continue  # none, or two people before: whom 他 stands for is not clear
        m = _HE_IS.match(s.text, he.end())
        org = next((k for k, e in enumerate(ents) if m and e.start == m.end()), None)
        if org is None or ents[org].type not in ORGS:
            continue
        orgs = _listed_orgs(s, org)
        close = _CLOSE.match(s.text, ents[orgs[-1]].end)
        if close:
            for k in orgs:
                yield from _facts(people[0], k, close.group(), 0.75, "he-is-title-of", former_org=bool(re.search(r"曾", m.group())))


# "P（别名），1963年出生于某地，是一位企业家，现任X联合创始人兼CEO" / "P：研究员和企业家，X的创始人": a
# profile opens on its person and describes them clause by clause, the organisation and titles last
_BIO_HEAD = re.compile(r"\s?(?:[（(][^（()）]{1,40}[）)])?\s?(?:[，,：:]|是|为)")
_BIO_CLAUSE = re.compile(r"\s?(?:也|同时|还|现在|目前|如今|现)?\s?(?:是|为|任|现任|担任|作为)?\s?(?:一家|一位)?" + _KIND)
# "被誉为先驱", "被业内称为教父": what others call the person is no verb of saying in the sentence
_CALLED = re.compile(r"被[^，,。]{0,8}?(?:称为|誉为|称作|称之为)")
_BIO_NOT = re.compile(alt("anaphora.speech") + r"|加入|离开|投资了|投资过|创立|创办|收购|发布|推出|曾|他|她|我|你")


@construction("zh.people.bio")
def bio(s: Parse) -> Found:
    """P（Alias），1963年出生于…，是一位企业家，现任X的联合创始人、总裁兼CEO: the profile's person."""
    ents = s.ents
    if not ents or ents[0].type != "Person" or s.text[:ents[0].start].strip(" *#-•>\u3000"):
        return
    e = ents[0]
    j = next((k for k in range(1, len(ents)) if ents[k].type != "Person"), None)
    if j is None or any(ents[k].name != e.name and ents[k].start - e.end > 3 for k in range(1, j)):
        return  # another person before the organisation (their other name in brackets is the same one)
    if ents[j].type not in ORGS or re.fullmatch(_FORMER, s.text[ents[j].start:ents[j].end].strip(), re.I) or ents[j].clause <= e.clause or ents[j].start - e.end > 80:
        return
    gap = _CALLED.sub("", s.text[e.end:ents[j].start])
    c = s.clauses[ents[j].clause]
    close = _CLOSE.match(s.text, ents[j].end)
    if _BIO_HEAD.match(gap) and not _BIO_NOT.search(gap) and close \
            and _BIO_CLAUSE.fullmatch(s.text, c.start, ents[j].start):
        yield from _facts(0, j, close.group(), 0.75, "bio-title", _former_org(s, j))


# "他与A（别名）和B于2008年共同创立了X", "A与B、C一起共同创立的X": the people listed with 与 founded X
# together (with whoever stands before 与: a name, or a 他 left to other rules)
_WITH = re.compile(r"(?:与|和|同|跟)\s?$")
# between two names of the list: a separator, or the bracket opening the first one's other name
_MEMBER_SEP = re.compile(r"\s?[（(]\s?|\s?[）)]?\s?(?:、|和|与|及|以及|,|，)\s?")
_TOGETHER = re.compile(r"\s?[）)]?\s?(?:等人?)?\s?(?:以及其他[^，,；;。]{0,6}?|和其他[^，,；;。]{0,6}?)?"
                       r"(?:一起|一同)?\s?(?:(?:于|在)[^，,；;。与和]{1,14}?)?(?:一起|一同)?\s?(?:联合|共同)(?:创立|创办|创建)(?:了|的)\s?")


@construction("zh.people.with-founded")
def with_founded(s: Parse) -> Found:
    """…与A和B于2008年共同创立了X / A与B、C一起共同创立的X: A, B (and C) founded X."""
    ents = s.ents
    listed: set[int] = set()
    for i, e in enumerate(ents):
        if e.type != "Person" or i in listed or not _WITH.search(s.text, max(0, e.start - 2), e.start):
            continue
        members, k = [i], i
        while k + 1 < len(ents) and ents[k + 1].type == "Person" and _MEMBER_SEP.fullmatch(s.text, ents[k].end, ents[k + 1].start):
            k += 1
            members.append(k)
        listed.update(members)
        m = _TOGETHER.match(s.text, ents[k].end)
        if not m or k + 1 >= len(ents) or ents[k + 1].start != m.end() or ents[k + 1].type not in ORGS \
                or _unit(s, k + 1):
            continue
        before = i - 1 if i > 0 and ents[i - 1].type == "Person" and re.fullmatch(r"\s?(?:[（(][^（()）]{1,30}[）)])?\s?(?:与|和|同|跟)\s?",
                                                                                   s.text[ents[i - 1].end:e.start]) else None
        for p in ([before] if before is not None else []) + members:
            yield Hit("founderOf", p, k + 1, 0.75, "with-founded")


# a later clause of a sentence about a person, its subject left out: "P被誉为先驱，是X的联合创始人"
_THEN_IS = re.compile(r"[\s，,]*(?:并且|并|而|他|她)?\s?(?:也|还|同时|现|目前|现在|如今)?\s?(?:是|现任|担任|出任)\s?(?:一家|一位)?" + _KIND)


@construction("zh.people.then-is-title")
def then_is_title(s: Parse) -> Found:
    """P被誉为先驱，是X的联合创始人 / P生于1970年，现任X的CEO: the sentence's person holds the titles."""
    ents = s.ents
    for j, org in enumerate(ents):
        c = s.clauses[org.clause]
        subj = c.subject
        if org.type not in ORGS or org.clause == 0 or subj is None or ents[subj].type != "Person" \
                or ents[subj].clause >= org.clause or not _THEN_IS.fullmatch(s.text, c.start, org.start):
            continue
        if any(ents[k].type == "Person" and ents[k].name != ents[subj].name for k in range(subj + 1, j)):
            continue  # someone else named since: whose title it is, is not clear
        if any(ents[k].clause < org.clause and ents[k].type in ORGS for k in range(subj + 1, j)) \
                or _BIO_NOT.search(_CALLED.sub("", s.text[ents[subj].end:c.start])):
            continue  # another organisation, or a verb of saying, joining, leaving, between them
        close = _CLOSE.match(s.text, org.end)
        if close:
            yield from _facts(subj, j, close.group(), 0.75, "then-is-title", _former_org(s, j))
