"""What a document is about from sentence to sentence: the paragraph's company, the speakers of an
interview and their organisations, and the phrases that point back to them (该公司, 其, 我们, the company)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aigraph.extraction.clauses import Ent, Parse, opener_only
from aigraph.extraction.rules_known import kin
from aigraph.extraction.words import alt
from aigraph.model import Fact

LIFETIME = 5
"""Sentences a topic lives on without being named again (a paragraph, roughly)."""
PERSON_LIFETIME = 3
"""Sentences without a person that 他 still stands for the profile's person across."""
TYPES = frozenset({"Company", "Investor"})
"""What a topic may be: the organisations 该公司 and the company point back to."""

_ZH = re.compile(alt("anaphora.zh_company"))
# "其" points back when a role, a product or a round follows it ("其CEO", "其最新模型", "其B轮融资")
_ITS = re.compile(r"其(?=(?:的)?\s?(?:联合创始人|创始人|CEO|首席执行官|CTO|首席\w{1,4}官|总裁|董事长|(?:最新|新一代|首款|旗舰|核心|主力)?"
                  r"(?:产品|模型|大模型|芯片|平台|应用)|(?:新一轮|最新一轮|本轮|[A-H]\+?\s?轮|天使轮|种子轮)?融资))")
# "此前，其已完成B轮融资": 其 opening a clause whose verb is a round received (not "使其获得…")
_ITS_ROUND = re.compile(r"其(?=\s?(?:已经?|也|还|又|再次|近日|日前|此前|先后|曾|刚刚|于[^，,；;。]{1,10}?)?\s?(?:宣布)?\s?"
                        r"(?:完成|获得|拿到|获)(?:了)?[^，,；;。]{0,24}?(?:融资|投资))")
_EN = re.compile(rf"(?:^|(?<=[,;]\s)|(?<=\band\s))(?:{alt('anaphora.en_company')})\b(?=\s(?:has\s|have\s|had\s|also\s|"
                 r"will\s|is\s|was\s|said\s|says\s|recently\s|just\s|now\s)?\w+(?:ed|s)\b)", re.I)
# "我们" is the speaker's organisation, not "we humans", "all of us"
_NOT_US = r"(?!人类|这些|这一代|这代|每个|大家|所有人|普通人|个人|用户)"
_WE = re.compile(alt("anaphora.zh_we") + _NOT_US)
_YOU = re.compile(alt("anaphora.zh_you") + _NOT_US)
# a speaker's label opening an interview's paragraph ("Chuck Robbins：", "**主持人：**")
_LABEL = re.compile(r"^\s*(?:\*\*)?\s?([^：:，,。\n]{1,32}?)\s?(?:\*\*)?\s?[：:]")
_HOST = re.compile(alt("anaphora.host"))
_EDITORIAL = re.compile(r"[\s*★☆·•>#]*" + alt("anaphora.editorial") + r"\s?$")
_SAYS = re.compile(r"\s?(?:也|还|则|曾|随后|进一步)?" + alt("anaphora.speech") + r"(?:了|过)?\s?[，,：:]?\s?“?")
# an organisation's title between it and a person's name ("首席产品官", "的CTO", "前任…" is not one)
_TITLED = re.compile(r"\s?的?\s?(?:联合)?" + alt("people.head", "people.other", "people.founder") + r"(?:兼" +
                     alt("people.head", "people.other", "people.founder") + r")?\s?")
_LEADERS = frozenset({"leads", "founderOf"})
_ALIAS = re.compile(r"\s?[（(]\s?")
_GUEST = re.compile(alt("anaphora.guest"))
_TURN = re.compile(r"\s?(?:[（(][^（()）]{1,40}[）)])?\s?\**\s?[：:]")
_FIRST_SECOND = re.compile(r"我|你|您|咱")
# 他 or 她 opening a sentence, after a connective at most ("此外，他", "同时她"): not 他们, 他人
_HE_OPENS = re.compile(r"\s*(?:(?:此外|另外|同时|后来|随后|之后|此前|如今|目前|现在|其中)\s?[，,]?\s?|"
                       r"(?:就在|早在)?(?:\d{4}\s?年[^，,。！？!?；;]{0,6}?|[^，,。！？!?；;\d]{0,8}?(?:之后|以后|之前|以前|后|时|期间|"
                       r"今年|去年|同年|次年|那年|早年))\s?[，,]\s?)?([他她])(?![们人])")
# "我们在2015年创立了X", "我共同创办了X": the speaker founded X
_ME_FOUNDED = re.compile(r"(?<![你他她自])(我们|我)(?=\s?(?:(?:大约|约|早)?(?:在|于)[^，,；;。]{0,14}?)?(?:就)?(?:联合|共同|参与)?"
                         r"(?:创立|创办|创建)(?:了)?)")
_HE = re.compile(r"(?<![其吉])([他她])(?![们人])")
_DENIED = re.compile(r"(?:不是|并非|而非)\s?$")
# or after an opening clause that gives their role ("作为OpenAI的CEO，他…"; not "作为2001年到2011年X的CEO": a former role)
_HE_AFTER_AS = re.compile(r"\s*(?:作为|身为)[^，,；;。他她\d]{1,40}[，,]\s?([他她])(?![们人])")
# or after the time the sentence opens on ("2005年，他…", "就在今年，她…")
_HE_AFTER_TIME = re.compile(r"\s*(?:就在|早在|在|于)?\s?(?:\d{4}\s?年(?:\d{1,2}\s?月)?(?:\d{1,2}\s?[日号])?(?:初|底|末|中)?|今年|去年|前年|当年|那年|"
                            r"同年|次年|第二年|\d{1,2}\s?岁时|[一二三四五六七八九十]{1,3}\s?岁时)\s?[，,]?\s?([他她])(?![们人])")
# a person given the stage: "P在大会上发表了主题演讲" (a verb of giving), "P日本峰会主题演讲" (the venue
# before it), "P班加罗尔演讲" (a title naming the speech right after them); one who attends, hears or
# watches one, or whose speech someone else's is ("P的演讲"), gives none
_NOT_GIVING = r"(?!参加|出席|听|观看|看完|聆听)"
_STRETCH = r"(?:" + _NOT_GIVING + r"[^。！？!?；;，,])"
_KEYNOTE = re.compile(r"\s?(?:[（(][^（()）]{1,40}[）)])?(?:" + _STRETCH + r"{0,40}?" + alt("anaphora.keynote_verb")
                      + r"(?:了)?\s?(?:一场|一次|一篇|一个)?" + _STRETCH + r"{0,30}?|" + _STRETCH + r"{0,30}?"
                      + alt("anaphora.keynote_venue") + r"\s?(?:上)?\s?(?:的)?\s?|(?:" + _NOT_GIVING
                      + r"[^。！？!?；;，,的]){0,12}?)" + alt("anaphora.keynote"))
# "我是创始人兼CEO P": a chief names themselves on the stage (a host or a guest in the audience has no such title)
_SELF_INTRO = re.compile(alt("anaphora.self_intro") + r"[^，,。！？!?；;]{0,12}?" + alt("people.head", "people.founder")
                         + r"[^，,。！？!?；;]{0,4}$")
# "我们创办了X", "我在2010年联合创立了X": the speaker founding the organisation named right after
_I_FOUNDED = re.compile(r"(我们|我)(?![们的])\s?(?:在\s?\d{4}\s?年|" + alt("anaphora.self_found")[3:-1]
                        + r")*\s?(?:创立|创办|创建)(?:了)?\s?(?:一家(?:名为|叫做?)?)?\s?")


@dataclass(frozen=True)
class Topic:
    """An organisation a document is about at some point."""

    name: str
    """Its canonical name."""
    type: str
    """Its entity type."""
    sentence: str
    """The sentence that last named it."""
    age: int = 0
    """Sentences read since."""
    passing: bool = False
    """Only named in passing: the one organisation of a sentence that made none its subject. 该公司 and
    公司 may point back to it for a sentence or two; a sentence leaving its company out does not mean it."""

    def older(self) -> Topic | None:
        """The topic a sentence later, or None once it has lived `LIFETIME` sentences unnamed."""
        return None if self.age + 1 >= LIFETIME else Topic(self.name, self.type, self.sentence, self.age + 1, self.passing)


@dataclass
class Discourse:
    """What one document has said so far that later sentences point back to."""

    topic: Topic | None = None
    """The company of the current paragraph."""
    affiliations: dict[str, Topic] = field(default_factory=dict)
    """Each person's organisation (the one they were said to lead or found), by the person's name."""
    workplaces: dict[str, Topic] = field(default_factory=dict)
    """Each person's organisation as a title before their name gives it ("OpenAI首席产品官P")."""
    guest: Topic | None = None
    """The organisation first said to be led or founded by someone: an interview's guest's."""
    speaker: str | None = None
    """The speaker of the current paragraph: a person's name, "" for the host, None if unknown."""
    label: str = ""
    """The sentence whose label named the speaker."""
    hosting: bool = False
    """Whether the speaker's label calls them the host ("主持人SWYX："), whatever their own organisation."""
    seen: dict[str, str] = field(default_factory=dict)
    """Each organisation the document has named so far, with the last sentence that named it."""
    person: Topic | None = None
    """The person a profile's sentences are about: the one the last sentence naming people opened on."""
    heading: bool = False
    """Whether the current paragraph's label is a name the lexicon does not know, or a heading ("处理能力："),
    rather than the host's."""
    orator: str | None = None
    """The person the article puts on a stage ("P发表了主题演讲", "我是…P"): the transcript that follows
    is theirs, so 我们 where no label names a speaker is their organisation."""

    def meet(self, text: str, ents: list[Ent]) -> None:
        """Takes note of the person a sentence opens on ("P（Alias）是一位企业家…"): 他 or 她 opening
        the next sentences stands for them; a sentence naming anyone else leaves 他 unclear."""
        # "P（Alias）": the other name in brackets right after the first is the same person
        people = {e.name for k, e in enumerate(ents) if e.type == "Person" and not e.anaphor
                  and not (k > 0 and ents[k - 1].type == "Person" and _ALIAS.fullmatch(text, ents[k - 1].end, e.start))}
        if not people:
            self.person = self.person.older() if self.person and self.person.age + 1 < PERSON_LIFETIME else None
            return
        first = ents[0]
        guest = _GUEST.search(text)
        after = [e for e in ents if guest and e.type == "Person" and e.start >= guest.end()]
        if len(people) == 1 and first.type == "Person" and opener_only(text[:first.start]):
            turn = _TURN.match(text, first.end)
            # "P：我有个朋友。他是X的CEO。": in a speaker's turn 他 is whoever they speak of, not themselves
            self.person = None if turn and _FIRST_SECOND.search(text, turn.end()) else \
                Topic(_latin_alias(text, ents) or first.name, "Person", text)
        elif len(people) == 1 and self.person is None and (p := _sole_person(text, ents)) is not None:
            self.person = Topic(p.name, "Person", text)
        elif after and after[0].start - guest.end() <= 2 and len({e.name for e in after}) == 1:
            self.person = Topic(after[0].name, "Person", text)  # "主持人Q：今天的嘉宾是P。"
        elif not (self.person and people == {self.person.name}):
            self.person = None

    def he(self, text: str, ents: list[Ent]) -> Ent | None:
        """The person 他 or 她 stands for when it opens the sentence ("他还创办了X", "此外，她是X的CEO")
        and no person is named before it."""
        m = _HE_OPENS.match(text) or _HE_AFTER_TIME.match(text) or _HE_AFTER_AS.match(text)
        if m is None and (first := _HE.search(text, 0, 30)) and opener_only(text[:first.start()]):
            m = first  # "然而，他…", "随后在1987年，他…": after connectives and time words only
        if self.person is None or not m or any(e.type == "Person" and e.start < m.end() for e in ents):
            return None
        return Ent(m.start(1), m.end(1), "Person", self.person.name, anaphor=True, antecedent=self.person.sentence)

    def me(self, text: str, ents: list[Ent]) -> Ent | None:
        """The speaker 我 or 我们 stands for right before a verb of founding ("我们在2015年创立了X"),
        in a turn a label gave to a named person: they are one of the founders. (The relation extractor
        asks only in the sentence that carries the label: later in a long turn the speaker is less sure.)"""
        m = _ME_FOUNDED.search(text)
        if not self.speaker or not m or any(e.start < m.end() and m.start() < e.end for e in ents):
            return None
        return Ent(m.start(1), m.end(1), "Person", self.speaker, anaphor=True, antecedent=self.label)

    def founder(self, text: str, ents: list[Ent]) -> Ent | None:
        """The person 我 or 我们 stands for where the speaker says they founded the organisation named
        next ("P：我们创办了X"): the speaker whose label opens this very sentence, or the speech's speaker
        in an article that has labelled nobody (an unlabelled paragraph may be anyone's)."""
        m = _I_FOUNDED.search(text)
        if m is None or not any(e.type in TYPES and e.start == m.end() for e in ents) \
                or any(e.start < m.end(1) and m.start(1) < e.end for e in ents):
            return None
        label = _LABEL.match(text)
        own = label is not None and any(e.type == "Person" and e.name == self.speaker and e.end <= label.end() for e in ents)
        who = self.speaker if own else self.orator if self.speaker is None else None
        if not who:
            return None
        return Ent(m.start(1), m.end(1), "Person", who, anaphor=True, antecedent=text)

    def note(self, sentence: str, ents: list[Ent]) -> None:
        """Takes note of the organisations a sentence names."""
        for e in ents:
            if e.type in TYPES and not e.anaphor:
                self.seen[e.name] = sentence

    def claimant(self, text: str, ents: list[Ent]) -> Topic | None:
        """The organisation 我们 stands for when the speaker claims a thing as their own make ("我们最新
        发布的X", "X是我们最新的模型"), the lexicon knows the thing's maker and the document has named
        that maker (or its parent, or its lab) before: whoever speaks, speaks for it."""
        if not _WE_ANY.search(text):
            return None
        for e in ents:
            if not e.developer or e.anaphor or not (_CLAIM_BEFORE.search(text, 0, e.start) or _CLAIM_AFTER.match(text, e.end)):
                continue
            named = [n for n in self.seen if n.casefold() == e.developer.casefold() or kin(n, e.developer, e)]
            own = [n for n in named if n.casefold() == e.developer.casefold()]
            if own or len(named) == 1:
                name = (own or named)[0]
                return Topic(name, "Company", self.seen[name])
        return None

    def hear(self, text: str, ents: list[Ent]) -> None:
        """Takes note of a speaker's label at the start of a sentence."""
        head = text[:40]
        if "：" not in head and ":" not in head:
            return
        m = _LABEL.match(text)
        if not m:
            return
        if _EDITORIAL.match(m.group(1)):
            return  # the editor's note: nobody's turn
        named = [e for e in ents if e.type == "Person" and m.start(1) <= e.start and e.end <= m.end(1)]
        self.hosting = bool(_HOST.search(m.group(1)))
        if named:
            self.speaker = named[0].name
            self.label = text
            if not self.hosting and (place := self._place_of(self.speaker)):
                self.guest = place  # 你们 in the host's mouth is the last guest who spoke
        elif _HOST.search(m.group(1)) or re.fullmatch(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3}|[\u4e00-\u9fff·]{2,6}", m.group(1)):
            self.speaker = ""  # the host, or a name the lexicon does not know: not the guest
            self.heading = not _HOST.search(m.group(1))

    def place(self, text: str, ents: list[Ent]) -> None:
        """Takes note of where a person works when the sentence puts an organisation and a title before
        them ("OpenAI首席产品官Kevin Weil", "Acme的CTO Jane Doe"): whoever they are, 我们 in their mouth is it."""
        for k, e in enumerate(ents):
            if e.type != "Person" or e.name in self.workplaces or k == 0:
                continue
            org = ents[k - 1]
            if org.type in TYPES and not org.anaphor and _TITLED.fullmatch(text[org.end:e.start]):
                self.workplaces[e.name] = Topic(org.name, org.type, text)

    def _place_of(self, person: str) -> Topic | None:
        # the company a person leads or founded wins over a title seen elsewhere
        return self.affiliations.get(person) or self.workplaces.get(person)

    def said_by(self, text: str, ents: list[Ent]) -> Topic | None:
        """The organisation 我们 stands for in a sentence that reports a person's words ("Kevin Weil表示，
        我们…"): the one place the document gave that person, when 我们 comes after the verb of saying."""
        for e in ents:
            if e.type == "Person" and (place := self._place_of(e.name)) and (m := _SAYS.match(text, e.end)) \
                    and _WE.search(text, m.end()):
                return place
        return None

    def attend(self, text: str, ents: list[Ent]) -> None:
        """Takes note of a speech: a person said to give one ("P在大会上发表了主题演讲") or naming
        themselves on the stage ("我是创始人兼CEO P")."""
        if self.orator is not None:
            return  # the first person staged is the speech's; a guest in the audience may name themselves later
        turn = _LABEL.match(text) if "：" in text[:40] or ":" in text[:40] else None
        for k, e in enumerate(ents):
            if e.type != "Person" or e.anaphor:
                continue
            nxt = next((x for x in ents[k + 1:] if x.type == "Person" and x.name != e.name), None)
            talk = _KEYNOTE.match(text, e.end)
            if talk and (nxt is None or nxt.start >= talk.end()) \
                    or turn is None and _SELF_INTRO.search(text, max(0, e.start - 24), e.start):
                self.orator = e.name
                return

    def voices(self) -> tuple[Topic | None, Topic | None]:
        """The organisations 我们 and 你们 stand for: the speaker's own, and the guest's when the host
        speaks; with no label, the organisation of the speech's speaker when the article gives one (a
        keynote's transcript), else none."""
        if self.speaker and (place := self._place_of(self.speaker)):
            # a host with a company of their own still speaks to the guest ("主持人P：你们…")
            guest = self.guest if self.hosting and self.guest and self.guest.name != place.name else None
            return place, guest
        stage = self._place_of(self.orator) if self.orator else None
        if self.speaker == "" and self.heading and stage is not None:
            return stage, None  # a heading in the speech's transcript ("处理能力："), not the host
        if self.speaker is not None:
            return None, self.guest
        return stage, None  # nobody labelled: 我们 may be the writer, the host or any guest

    def learn(self, facts: list[Fact], sentence: str) -> None:
        """Takes note of who leads or founded what."""
        for f in facts:
            if f.predicate in _LEADERS and f.context is None:
                t = Topic(f.object, "Company", sentence)
                self.affiliations.setdefault(f.subject, t)
                self.guest = self.guest or t  # an interview names its guest first


def _sole_person(text: str, ents: list[Ent]) -> Ent | None:
    """The one person a sentence names, wherever it stands ("后来，我遇到了P教授。他…", "毫无疑问，P改变了…。
    他…"): whom 他 opening the next sentence stands for when no profile's person is current, unless the
    sentence is a speaker's turn (whose 他 is someone the speaker tells of), a 他 before the name speaks of
    someone else, or the name is denied (不是P)."""
    p = next(e for e in ents if e.type == "Person")
    if _LABEL.match(text) or _HE.search(text, 0, p.start) or _DENIED.search(text[max(0, p.start - 4):p.start]):
        return None
    return p


def _latin_alias(text: str, ents: list[Ent]) -> str | None:
    """The other name in Latin letters a sentence gives its opening person in brackets ("盖伊·波贾尼（Guy
    Podjarny）"): the graph knows people by it more often than by a transliteration no lexicon holds."""
    first = ents[0]
    if len(ents) > 1 and ents[1].type == "Person" and re.search(r"[\u4e00-\u9fff]", first.name) \
            and _ALIAS.fullmatch(text, first.end, ents[1].start) and re.fullmatch(r"[A-Za-z][\w .'-]*", ents[1].name):
        return ents[1].name
    return None


def anaphors(text: str, ents: list[Ent], topic: Topic | None, we: Topic | None = None,
             you: Topic | None = None) -> list[Ent]:
    """Entities for the phrases of a sentence that point back (flagged `anaphor`): 该公司, 其 and the
    company to the paragraph's topic, where no company is named before them in the sentence (the
    clause constructions read that one); 我们 and 你们 to the speakers' organisations. A bare "公司"
    counts only where it opens a clause (not in 子公司, 上市公司)."""
    out: list[Ent] = []
    if not _ANY.search(text):
        return out
    taken = [(e.start, e.end) for e in ents]

    def add(a: int, b: int, t: Topic) -> None:
        out.append(Ent(a, b, t.type, t.name, anaphor=True, antecedent=t.sentence))
        taken.append((a, b))

    for pattern, target in ((_WE, we), (_YOU, you)):
        if target is None:
            continue
        for m in pattern.finditer(text):
            if not any(x < m.end() and m.start() < y for x, y in taken):
                add(m.start(), m.end(), target)
    opening_its = [m for m in _ITS_ROUND.finditer(text) if opener_only(_clause_head(text, m.start()))]
    for m in [*_ZH.finditer(text), *_ITS.finditer(text), *opening_its, *_EN.finditer(text)]:
        a, b = m.start(), m.end()
        if any(x < b and a < y for x, y in taken):
            continue
        if m.group() == "公司" and not opener_only(_clause_head(text, a)):
            continue
        before = [e for e in ents if e.end <= a and e.type in TYPES and not e.anaphor]
        if before and _SAYS_OF.fullmatch(text, before[-1].end, a):
            before = []  # "X是该公司的第一位投资人", "X领投了该公司的B轮": the phrase is not X itself
        if before:
            # "X创立了Y，公司在2024年获得…": the company named last before it, in this sentence (其 is
            # left to the clause constructions, which know the clause's subject)
            if m.group() != "其":
                out.append(Ent(a, b, before[-1].type, before[-1].name))
                taken.append((a, b))
            continue
        if topic is not None:
            add(a, b, topic)
    return out


# what an organisation says of another in the same clause: copulas and investing verbs
_SAYS_OF = re.compile(r"\s?(?:也|还|亦|都|均|同样|曾|已经?)?\s?(?:是|为|成为|领投了?|投资了?|参投了?|跟投了?|注资了?|收购了?)\s?")

# a quick test before the phrases are looked for one by one
_ANY = re.compile(r"公司|企业|团队|独角兽|其|我们|我司|咱们|你们|\b(?:[Tt]he\s+(?:company|startup|start-up|firm|lab)|[Ii]t)\b")
_CUES = re.compile("|".join(p.pattern for p in (_ZH, _ITS, _ITS_ROUND, _WE, _YOU))
                   + r"|融资|投资|领投|跟投|参投|注资|认购|股东|轮|\b(?:round|raised|stake|led|joined|backed|it|the\s+(?:company|startup|firm))\b",
                   re.I)


def points_back(text: str) -> bool:
    """Whether a sentence may speak of an organisation it does not name (a pointing phrase, a round):
    a sentence with one entity and none of these states no fact."""
    return bool(_CUES.search(text))


_WE_ANY = re.compile(alt("anaphora.zh_we") + _NOT_US)
# "我们最新发布的X", "我们推出了X", "我们最先进的X": the speakers made what follows
_CLAIM_BEFORE = re.compile(alt("anaphora.zh_we") + rf"(?:自己)?(?:(?:{alt('develop.adverb')}|之前|刚刚|今天)*(?:{alt('develop.verb', 'develop.claim')})"
                           r"(?:了|的)|(?:的)?(?:最新|最先进|新一代|自研)(?:的)?)\s?[“\"]?\s?$")
# "X是我们最新的模型", "X是我们新一代的…"
_CLAIM_AFTER = re.compile(r"\s?[”\"]?\s?(?:模型)?\s?(?:则|也|就)?是" + alt("anaphora.zh_we") + r"(?:最新|新一代|最先进|第一个|首个)")


_DEGREE = re.compile(alt("topic.degree"))
_GRADUATED = re.compile(r"(?:毕业于|毕业自|就读于|求学于|考入|攻读于)\s?$")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")


def schooling(text: str, e: Ent) -> bool:
    """Whether an organisation is named as someone's school ("某大学计算机博士", "毕业于某大学"): its clause
    goes on to a degree, or it follows 毕业于, so the paragraph is not about it."""
    if _GRADUATED.search(text, max(0, e.start - 6), e.start):
        return True
    end = _CLAUSE_END.search(text, e.end)
    degree = _DEGREE.search(text, e.end, end.start() if end else len(text))
    # "X创始人P毕业于某大学": the school is the one after 毕业于, not X
    return bool(degree) and not text.startswith(("毕业于", "毕业自"), degree.start())


def opening(text: str, ents: list[Ent]) -> Topic | None:
    """The topic a sentence with a single entity sets: the organisation it opens on ("Mistral AI is
    a Paris start-up…"), else none (the sentence is not parsed)."""
    if len(ents) == 1 and ents[0].type in TYPES and opener_only(text[:ents[0].start]) and not schooling(text, ents[0]):
        return Topic(ents[0].name, ents[0].type, text)
    return None


def _clause_head(text: str, at: int) -> str:
    """The text of the clause holding `at`, up to `at`."""
    start = max(text.rfind(p, 0, at) for p in "，,；;：:。！？!?") + 1
    return text[start:at]


def next_topic(s: Parse, topic: Topic | None, funded: int | None = None, used: bool = False,
               founded: int | None = None) -> Topic | None:
    """The topic after a sentence: the first company it makes a clause's subject (or the company a
    round it states funds; else one it says was founded: "P创立了X"), else the topic before it, a
    sentence older (and gone after `LIFETIME`) unless the sentence spoke of it (`used`)."""
    if used and topic is not None:
        return Topic(topic.name, topic.type, topic.sentence)  # the sentence went on about it
    candidates = [funded] if funded is not None and funded >= 0 else []
    candidates += [c.subject for c in s.clauses if c.subject is not None]
    candidates += [founded] if founded is not None and founded >= 0 else []
    for k in candidates:
        e = s.ents[k]
        if e.type in TYPES and not e.anaphor and not schooling(s.text, e):
            return Topic(e.name, e.type, s.text)
    if topic is None or topic.passing:
        # "Altman重返OpenAI，担任CEO。公司最大的投资方…": the one organisation named in passing
        named = {e.name: e for e in s.ents if e.type in TYPES and not e.anaphor and not schooling(s.text, e)}
        if len(named) == 1:
            e = next(iter(named.values()))
            return Topic(e.name, e.type, s.text, LIFETIME - 2, passing=True)
        return topic.older() if topic is not None and not named else None
    if any(e.name == topic.name and not e.anaphor for e in s.ents):
        return Topic(topic.name, topic.type, s.text)
    return topic.older()

