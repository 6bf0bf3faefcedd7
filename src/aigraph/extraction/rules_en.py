"""Relation constructions of English sentences: launches, rounds, deals, founders, chiefs, chips and rivals."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction

MADE = frozenset({"Model", "Product", "Chip"})
ORG = frozenset({"Company"})
FUNDERS = frozenset({"Investor", "Company", "Person"})
PEOPLE = frozenset({"Person"})

# an aside that a subject may carry before its verb: ", the San Francisco start-up backed by Amazon,"
_ASIDE = re.compile(r",\s(?:the|a|an|which|who|whose|its|their|one|now|formerly|also|based|founded|backed|led|with|"
                    r"[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2}['’]s)\b"
                    r"[^,;()]{0,120}?,|\([^()]{0,100}\)")
# what may stand between a subject and its verb once asides are removed
_AUX = (r"(?:has|have|had|will|would|is|are|was|were|also|just|quietly|officially|reportedly|recently|finally|"
        r"first|today|yesterday|now|jointly|together|on\s\w+day|this\s\w+|last\s\w+|earlier\s\w+|"
        r"said\s(?:it|they)(?:\s(?:has|had|will|would))?|says\s(?:it|they)(?:\s(?:has|will))?|"
        r"announced\s(?:that\s)?(?:it|they)\s(?:has|had|will|would)|"
        r"plans\sto|planned\sto|is\sset\sto|agreed\sto|has\sagreed\sto|is\sexpected\sto|is\sin\stalks\sto|"
        r"began\sto|begun\sto|started\sto|is\splanning\sto|is\sgoing\sto|aims\sto|wants\sto|hopes\sto|"
        r"and\s(?:its\s)?(?:\w+\s)?(?:subsidiary|unit|arm|lab)|Inc\.?|Corp\.?|Ltd\.?|AI|which|that|"
        r"to)")  # "AMD to buy ZT Systems": a headline's future
_SUBJ_GAP = re.compile(rf"^(?:['’]s\s\w+\s)?(?:\s(?:model|models|chip|chips|GPU|GPUs|processor|accelerator|"
                       rf"chatbot|app|assistant|start-?up|company|lab|platform|family|series|unit|team))?"
                       rf"\s*,?\s*(?:{_AUX}\s*,?\s*)*$")
_OBJ_GAP = re.compile(r"^\s*(?:(?:its|their|his|her|the|a|an|two|three|new|its\snew)\s+)?(?:[^;.!?]|\.(?=\d)){0,60}?$")
_LIST_GAP = re.compile(r"^\s?$|^\s*(?:,\s*(?:and\s+|as\swell\sas\s+|plus\s+)?|\s+and\s+|\s+as\swell\sas\s+|\s*&\s*|\s+or\s+|"
                       r"\s+along\swith\s+)(?:the\s+|also\s+|existing\sinvestor\s+)?"
                       # "…, as well as chipmakers Nvidia and AMD", "…, Saudi Arabia's Kingdom Holding"
                       r"(?:(?<=as\swell\sas\s)[a-z]+s\s+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?['’]s\s+)?$")


def _asides(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ASIDE.finditer(text)]


def _gap(text: str, a: int, b: int, asides: list[tuple[int, int]]) -> str:
    """Text from a to b without the asides inside it."""
    out, pos = [], a
    for x, y in asides:
        if x >= a and y <= b:
            out.append(text[pos:x])
            pos = y
    out.append(text[pos:b])
    return "".join(out)


def _in_aside(s: Parse, i: int, asides: list[tuple[int, int]]) -> bool:
    e = s.ents[i]
    return any(x < e.start and e.end <= y for x, y in asides)


def _subject(s: Parse, at: int, types: frozenset[str], asides) -> int | None:
    """The entity of `types` whose verb starts at `at`: the nearest one before it, asides skipped."""
    for i in range(len(s.ents) - 1, -1, -1):
        e = s.ents[i]
        if e.end > at or _in_aside(s, i, asides):
            continue
        if e.type in types and _SUBJ_GAP.match(_gap(s.text, e.end, at, asides)):
            return i
        return None
    return None


def _objects(s: Parse, at: int, types: frozenset[str], stop: frozenset[str] = ORG, span: int = 70) -> list[int]:
    """The entities of `types` a verb ending at `at` takes: the first one after it and the list it heads."""
    for j, e in enumerate(s.ents):
        if e.start < at:
            continue
        if e.start - at > span or not _OBJ_GAP.match(s.text[at:e.start]):
            return []
        if e.type in types:
            return items(s, j, types)
        if e.type in stop and not re.match(r"['’]s\b", s.text[e.end:e.end + 3]) and not _owner_before(s, j):
            return []
    return []


def _owner_before(s: Parse, j: int) -> bool:
    """Whether entity j owns the entity right after it ("Google Gemini", "OpenAI's GPT-4o")."""
    if j + 1 >= len(s.ents):
        return False
    return bool(re.fullmatch(r"(?:['’]s)?\s?", s.between(j, j + 1))) and s.ents[j + 1].type in MADE


def items(s: Parse, j: int, types: frozenset[str]) -> list[int]:
    out = [j]
    k = j + 1
    while k < len(s.ents):
        gap = s.text[s.ents[out[-1]].end:s.ents[k].start]
        if s.ents[k].type in types and re.fullmatch(r"['’]s\s", gap):
            out[-1] = k  # "SoftBank's Vision Fund 2": the item is the one owned
        elif s.ents[k].type in types and _LIST_GAP.match(gap):
            out.append(k)
        elif not (s.ents[k].type in ORG and k + 1 < len(s.ents) and _owner_before(s, k) and _LIST_GAP.match(gap)):
            break
        k += 1
    return out


def before_list(s: Parse, i: int, types: frozenset[str]) -> list[int]:
    """The list that ends in entity i ("Y, Z and W" read backwards from W)."""
    out = [i]
    while out[0] > 0:
        k = out[0] - 1
        if s.ents[k].type in types and _LIST_GAP.match(s.text[s.ents[k].end:s.ents[out[0]].start]):
            out.insert(0, k)
        else:
            break
    return out


def verb_facts(s: Parse, verb: re.Pattern, pred: str, subj: frozenset[str], obj: frozenset[str],
                conf: float, rule: str, reverse: bool = False, stop: frozenset[str] = ORG) -> Found:
    """SUBJECT verb OBJECT(s); `reverse` when the fact runs from the object to the subject."""
    asides = _asides(s.text)
    for m in verb.finditer(s.text):
        i = _subject(s, m.start(), subj, asides)
        if i is None:
            continue
        for k in before_list(s, i, subj):
            for j in _objects(s, m.end(), obj, stop):
                if j != k:
                    yield Hit(pred, j, k, conf, rule) if reverse else Hit(pred, k, j, conf, rule)


def after_facts(s: Parse, pattern: re.Pattern, pred: str, left: frozenset[str], right: frozenset[str],
                 conf: float, rule: str, reverse: bool = False) -> Found:
    """LEFT <pattern> RIGHT with the pattern filling the whole gap ("Y, developed by X")."""
    for i, a in enumerate(s.ents):
        if a.type not in left:
            continue
        for j in range(i + 1, len(s.ents)):
            b = s.ents[j]
            if b.type in right and pattern.fullmatch(s.text[a.end:b.start]):
                for k in items(s, j, right):
                    yield Hit(pred, k, i, conf, rule) if reverse else Hit(pred, i, k, conf, rule)
                break


_DEV = re.compile(r"\b(?:released|releases|launched|launches|unveiled|unveils|introduced|introduces|announced|"
                  r"announces|debuted|debuts|rolled\sout|rolls\sout|open-?sourced|open-?sources|open\ssourced|built|"
                  r"builds|developed|develops|designed|designs|shipped|ships|showcased|previewed|unleashed|teased|"
                  r"created|creates|upgraded|updated|published|(?:is|was)\s(?:releasing|launching|building|developing)|"
                  r"(?:to|will)\s(?:release|launch|unveil|introduce|build|develop|debut|open-source|ship))\b")
_DEV_BY = re.compile(r"\s?,?\s?(?:which\s)?(?:(?:was|were|is|are|has\sbeen|had\sbeen)\s)?(?:\w+ly\s)?"
                     r"(?:developed|built|made|created|released|launched|designed|unveiled|introduced|trained|"
                     r"open-?sourced|produced|manufactured|published|owned|operated)\s(?:\w+\s){0,2}?by\s(?:the\s)?")
_DEV_FROM = re.compile(r"\s?(?:models?|chips?|GPUs?|apps?|chatbot|assistant|platform|AI)?\s?,?\s(?:from|by)\s")
_DEV_POSS = re.compile(r"(?:['’]s?|-(?:developed|made|built|designed|owned))\s(?:(?:new|latest|own|flagship|newest|"
                       r"upcoming|next-generation|next-gen|open-source|open-weight|first|popular|in-house|homegrown|"
                       r"custom|AI|frontier|reasoning|coding|video|image|chatbot|model|chip|GPU|accelerator|"
                       r"assistant|app|platform|service|language|large|agent)\s){0,3}")


@construction("en.org.developed")
def developed(s: Parse) -> Found:
    """X released/launched/unveiled Y; Y, developed by X; Y from X; X's Y; X-built Y."""
    yield from verb_facts(s, _DEV, "developedBy", ORG, MADE, 0.8, "en-org-released-thing", reverse=True)
    yield from after_facts(s, _DEV_BY, "developedBy", MADE, ORG, 0.85, "en-thing-by-org")
    for i, a in enumerate(s.ents):
        if i + 1 < len(s.ents) and a.type in MADE and s.ents[i + 1].type in ORG \
                and _DEV_FROM.fullmatch(s.between(i, i + 1)):
            yield Hit("developedBy", i, i + 1, 0.75, "en-thing-from-org")
    yield from after_facts(s, _DEV_POSS, "developedBy", ORG, MADE, 0.8, "en-possessive", reverse=True)


_RAISE = re.compile(r"\b(?:raised|raises|raise|raising|secured|secures|closed|closes|landed|lands|bagged|nabbed|"
                    r"received|receives|attracted|completed|announced|got|gets|won|picked\sup|pulled\sin|snagged)\b"
                    r"(?=[^;.]{0,90}?(?:[$€£¥]|\bUS\$|funding|round|investment|financing|capital|Series\s[A-H]|seed))")
_FROM_INVESTORS = re.compile(r"\b(?:co-led\sby|led\sby|from|participation\s(?:from|of|by)|joined\sby|backed\sby|"
                             r"including|investors?\s(?:include|included|including|such\sas|like)|funds?\sfrom|"
                             r"support\sfrom|money\sfrom|investment\sfrom|with)\s+(?:the\s+|existing\sinvestors?\s+|"
                             r"investors?\s+|firms?\s+)?(?:such\sas\s+|including\s+)?")
_INVEST = re.compile(r"\b(?:invested|invests|invest|investing|poured|pours|put|puts|committed|commits|injected|"
                     r"injects|pumped)\b(?:\s(?:another|an\sadditional|a\sfurther|up\sto|about|around|nearly|over|more"
                     r"\sthan))?(?:\s(?:[^;.]|\.(?=\d)){0,40}?)?\s(?:in|into)\s$")
_LED_ROUND = re.compile(r"\s(?:\w+\s)?(?:led|co-led|leads|co-leads|headed|anchored|participated\sin|joined|backed|"
                        r"backs|funded|funds|financed)\s(?:the\s|a\s|an\s)?$")
_BACKED = re.compile(r"\s?,?\s?(?:(?:the|a|an)\s[^,;.]{0,50}?\s|which\sis\s|which\shas\sbeen\s|is\s|was\s|has\sbeen\s)?(?:also\s)?"
                     r"(?:backed|funded|financed|bankrolled)\s(?:\w+\s)?by\s(?:the\s)?")
_LED_FOR = re.compile(r"\s(?:\w+\s)?(?:led|co-led|leads|co-leads|headed|anchored|joined|participated\sin)\s"
                      r"(?:the\s|a\s|an\s)?[^;.]{0,50}?(?:round|funding|financing|investment|raise)\s"
                      r"(?:for|in|into|of)\s(?:the\s)?")
_INVESTORS_OF = re.compile(r"\b(?:investors|backers|shareholders)\s(?:in|of)\s(?:the\s)?$", re.I)
_INCLUDED = re.compile(r"^(?:['’]s)?\s(?:[^;.]{0,30}?\s)?(?:included|include|includes|including|were|are|such\sas)\s"
                       r"(?:the\s)?$")
# "Perplexity's previous backers include A, B and C"
_OWN_BACKERS = re.compile(r"['’]s\s(?:(?:previous|early|earlier|existing|other|current|main|major|big|biggest|largest|notable)\s)?"
                          r"(?:investors|backers|shareholders)\s(?:include|included|includes|are|were)\s(?:the\s)?")
# "Mistral, whose backers include A and B, …"
_WHOSE_BACKERS = re.compile(r",\swhose\s(?:(?:previous|early|earlier|existing|other|current|main|major|big|biggest|largest|notable)\s)?"
                            r"(?:investors|backers|shareholders)\s(?:include|included|includes|are|were)\s(?:the\s)?")
# "Mistral counts A and B among its investors"
_COUNTS = re.compile(r"\s(?:also\s|now\s)?(?:counts|counted|lists|listed)\s")
_AMONG = re.compile(r"\s(?:as\s)?among\s(?:its|their)\s(?:(?:early|existing|major|big|biggest|largest|notable)\s)?"
                    r"(?:investors|backers|shareholders)\b")
# "Google, another Anthropic backer, …": an investor named through the company it backs
_ANOTHER = re.compile(r",\s(?:another|an?|the|one)\s(?:(?:early|existing|major|big|key|longtime|long-time|large|prominent|"
                      r"big|biggest|largest|other)\s)?")
_BACKER_NOUN = re.compile(r"\s(?:backer|investor|shareholder)\b")
# "Y backed X in the round, alongside A, B and C": the others put money into the same round
_ALONGSIDE = re.compile(r",?\s(?:alongside|together\swith|along\swith)\s(?:(?:existing\s)?(?:investors?|backers?|firms?)\s)?")
_BACKED_X = re.compile(r"\s(?:also\s|have\s|has\s|had\s)?(?:backed|back|backs|funded|fund|funds)\s$")
_INVESTOR_IN = re.compile(r"(?:['’]s\s(?:\w+\s)?investment\sin|,\s(?:an?|the)\s(?:\w+\s){0,2}(?:investor|backer|"
                          r"shareholder)\sin)\s")


@construction("en.org.invested", version=2)
def invested(s: Parse) -> Found:
    """X raised $N led by Y and Z; Y invested $N in X; Y led X's round; X, backed by Y; Y-backed X; X's
    backers include Y; Y, another X backer; … alongside Y and Z."""
    hits = list(_invested(s))
    yield from hits
    # "…also backed Mistral in the round, alongside Nvidia and Samsung": the round's company, once more
    for m in _ALONGSIDE.finditer(s.text):
        earlier = [h for h in hits if s.ents[h.subject].end <= m.start() and s.ents[h.object].end <= m.start()
                   and not re.search(r"[;.]\s", s.text[s.ents[h.subject].start:m.start()])]
        j = next((k for k, e in enumerate(s.ents) if e.start == m.end() and e.type in FUNDERS), None)
        if earlier and j is not None and len({h.object for h in earlier}) == 1:
            for k in items(s, j, FUNDERS):
                if k != earlier[0].object:
                    yield Hit("investedIn", k, earlier[0].object, 0.75, "en-alongside")
    for c, e in enumerate(s.ents):
        if e.type not in ORG:
            continue
        own = _OWN_BACKERS.match(s.text, e.end) or _WHOSE_BACKERS.match(s.text, e.end)
        j = next((k for k, x in enumerate(s.ents) if own and x.start == own.end() and x.type in FUNDERS), None)
        if j is not None:
            for k in items(s, j, FUNDERS):
                if k != c:
                    yield Hit("investedIn", k, c, 0.8, "en-own-backers-include")
        counts = _COUNTS.match(s.text, e.end)
        j = next((k for k, x in enumerate(s.ents) if counts and x.start == counts.end() and x.type in FUNDERS), None)
        if j is not None and _AMONG.match(s.text, s.ents[items(s, j, FUNDERS)[-1]].end):
            for k in items(s, j, FUNDERS):
                if k != c:
                    yield Hit("investedIn", k, c, 0.8, "en-counts-among-backers")
        if c > 0 and s.ents[c - 1].type in FUNDERS and _ANOTHER.fullmatch(s.between(c - 1, c)) \
                and _BACKER_NOUN.match(s.text, e.end):
            yield Hit("investedIn", c - 1, c, 0.75, "en-another-backer")


def _invested(s: Parse) -> Found:
    asides = _asides(s.text)
    for m in _RAISE.finditer(s.text):
        c = _subject(s, m.start(), ORG, asides)
        if c is None:
            continue
        tail_end = len(s.text)
        nxt = re.search(r";|\.\s|\b(?:while|whereas)\b", s.text[m.end():])
        if nxt:
            tail_end = m.end() + nxt.start()
        for t in _FROM_INVESTORS.finditer(s.text, m.end(), tail_end):
            for j, e in enumerate(s.ents):
                if e.start == t.end() and e.type in FUNDERS and j != c:
                    for k in items(s, j, FUNDERS):
                        if k != c:
                            yield Hit("investedIn", k, c, 0.8, "en-raised-from")
        for j, e in enumerate(s.ents):  # "…, with Sequoia and Benchmark participating"
            if e.start > m.end() and e.end <= tail_end and e.type in FUNDERS and j != c and \
                    re.match(r"\s(?:also\s)?(?:led|co-led|participated|joined|invested|participating|leading)\b",
                             s.text[e.end:e.end + 20]):
                for k in before_list(s, j, FUNDERS):
                    if k != c:
                        yield Hit("investedIn", k, c, 0.75, "en-raised-investor-led")
    for i, a in enumerate(s.ents):
        if a.type not in FUNDERS:
            continue
        for j in range(i + 1, len(s.ents)):
            b = s.ents[j]
            gap = s.text[a.end:b.start]
            if b.type in ORG and (_INVEST.search(gap) and ";" not in gap or _LED_ROUND.fullmatch(gap)
                                  and re.match(r"['’]s\s[^;.]{0,40}?(?:round|funding|financing|raise)",
                                               s.text[b.end:b.end + 60])):
                for k in before_list(s, i, FUNDERS):
                    yield Hit("investedIn", k, j, 0.85, "en-investor-invested-in")
                break
            if b.type in ORG and (_INVESTOR_IN.fullmatch(gap) or _LED_FOR.fullmatch(gap)):
                for k in before_list(s, i, FUNDERS):  # "A and B participated in the round for X": each of them
                    yield Hit("investedIn", k, j, 0.8, "en-investor-in")
            if b.type in FUNDERS:
                break
    yield from after_facts(s, _BACKED, "investedIn", ORG, FUNDERS, 0.75, "en-backed-by", reverse=True)
    for c, e in enumerate(s.ents):
        if e.type in ORG and _INVESTORS_OF.search(s.before(c, 30)):
            for j in range(c + 1, len(s.ents)):
                if s.ents[j].type in FUNDERS and _INCLUDED.match(s.text[e.end:s.ents[j].start]):
                    for k in items(s, j, FUNDERS):
                        yield Hit("investedIn", k, c, 0.8, "en-investors-in-x-included")
                    break
    for i in range(len(s.ents) - 1):
        if s.ents[i].type in FUNDERS and s.ents[i + 1].type in ORG and _BACKED_X.fullmatch(s.between(i, i + 1)):
            for k in before_list(s, i, FUNDERS):
                yield Hit("investedIn", k, i + 1, 0.75, "en-x-backed-y")
    for i in range(len(s.ents) - 1):
        a, b = s.ents[i], s.ents[i + 1]
        if a.type in FUNDERS and b.type in ORG and re.fullmatch(r"-backed\s(?:[\w-]+\s){0,3}", s.between(i, i + 1)):
            for k in before_list(s, i, FUNDERS):
                yield Hit("investedIn", k, i + 1, 0.75, "en-x-backed")
        if a.type in ORG and b.type in FUNDERS and re.fullmatch(r",\s(?:the|a|an)\s(?:\w+\s)?", s.between(i, i + 1)) \
                and s.text.startswith("-backed", b.end):
            for k in items(s, i + 1, FUNDERS):
                yield Hit("investedIn", k, i, 0.75, "en-company-the-x-backed")


_ACQUIRE = re.compile(r"\b(?:acquired|acquires|acquire|acquiring|bought|buys|buy|buying|snapped\sup|took\sover|"
                      r"takes\sover|take\sover|(?:completed|completes|announced|closed|finalized)\s(?:its|the)\s"
                      r"(?:\$?[\d.,]+\s(?:billion|million)\s)?(?:acquisition|purchase|takeover)\sof|"
                      r"merged\swith|absorbed)\b")
_ACQ_POSS = re.compile(r"['’]s\s(?:\$?[\d.,]+\s?(?:billion|million|bn|m)\s)?(?:planned\s|proposed\s)?"
                       r"(?:acquisition|purchase|takeover|buyout)\sof\s")
_ACQ_BY = re.compile(r"\s?,?\s?(?:which\s)?(?:was|were|is|has\sbeen|had\sbeen|is\sbeing|will\sbe)?\s?"
                     r"(?:acquired|bought|purchased|taken\sover|snapped\sup)\s(?:\w+\s)?by\s")


@construction("en.org.acquisitions")
def acquisitions(s: Parse) -> Found:
    """X acquired Y; X's acquisition of Y; Y was acquired by X."""
    yield from verb_facts(s, _ACQUIRE, "acquired", ORG, ORG, 0.85, "en-org-acquired-org", stop=frozenset())
    yield from after_facts(s, _ACQ_POSS, "acquired", ORG, ORG, 0.85, "en-acquisition-of")
    yield from after_facts(s, _ACQ_BY, "acquired", ORG, ORG, 0.9, "en-acquired-by", reverse=True)


_PARTNER = re.compile(r"\b(?:partnered|partners|partner|partnering|teamed\sup|teams\sup|team\sup|collaborates|"
                      r"collaborated|collaborating|collaborate|allied|(?:signed|signs|struck|strikes|inked|inks|"
                      r"formed|forms|announced|announces|unveiled|expanded|expands|deepened|extended|reached|"
                      r"entered\sinto)\s(?:a|an|its|their)\s[^;.,]{0,40}?(?:deal|agreement|partnership|pact|alliance|"
                      r"joint\sventure|collaboration|tie-up)|(?:is|are)\sworking)\s(?:together\s)?with\s(?:the\s)?")
_PAIR = re.compile(r"\b(?:partnership|collaboration|alliance|joint\sventure|tie-up|deal|agreement)\s(?:between|of)\s$")
_PAIR_VERB = re.compile(r"^\s(?:have\s|has\s|had\s|will\s)?(?:jointly\s)?(?:partnered|teamed\sup|formed\sa\s"
                        r"(?:joint\sventure|partnership|alliance)|announced\sa\s(?:\w+\s)?(?:partnership|"
                        r"collaboration|alliance|joint\sventure)|are\scollaborating|signed\sa\s(?:\w+\s){0,3}"
                        r"(?:agreement|deal|partnership))\b")


@construction("en.org.partners")
def partners(s: Parse) -> Found:
    """X partnered with Y; X signed a deal with Y; a partnership between X and Y; X and Y teamed up."""
    asides = _asides(s.text)
    for m in _PARTNER.finditer(s.text):
        i = _subject(s, m.start(), ORG, asides)
        if i is None:
            continue
        for j in _objects(s, m.end(), ORG, frozenset(), span=6):
            for k in before_list(s, i, ORG):
                yield Hit("partnerOf", k, j, 0.8, "en-partnered-with")
    for i, a in enumerate(s.ents):
        if a.type in ORG and _PAIR.search(s.text[max(0, a.start - 40):a.start]):
            pair = items(s, i, ORG)
            for x in pair:
                for y in pair:
                    if x < y:
                        yield Hit("partnerOf", x, y, 0.8, "en-partnership-between")
        if a.type in ORG and i + 1 < len(s.ents) and s.ents[i + 1].type in ORG \
                and re.fullmatch(r"\s(?:and|&)\s", s.between(i, i + 1)) and _PAIR_VERB.match(s.after(i + 1, 60)):
            yield Hit("partnerOf", i, i + 1, 0.8, "en-x-and-y-partnered")


_TITLE = (r"(?:co-?CEO|CEO|chief\sexecutive(?:\sofficer)?|co-chief\sexecutive|president|chairman|chairwoman|"
          r"chair|boss|executive\schairman|managing\sdirector)")
_FOUNDER = r"(?:co-?founder|founder|co-?founders|founders)"
_TITLE_BEFORE = re.compile(rf"(?:['’]s)?\s(?:(?:\w+\s)?{_FOUNDER}\s(?:and|&)\s)?{_TITLE}(?:\s(?:and|&)\s{_FOUNDER})?"
                           r"(?:,)?\s")
_TITLE_OF = re.compile(rf",?\s(?:the\s|its\s|a\s)?(?:{_FOUNDER}\s(?:and|&)\s)?(?:\w+\s)?{_TITLE}"
                       rf"(?:\s(?:and|&)\s(?:co-?)?founder)?\s(?:of|at)\s(?:the\s)?|,\s(?:the\s)?|,\s")
_FOUNDER_BEFORE = re.compile(rf"(?:['’]s)?\s(?:(?:\w+\s)?{_TITLE}\s(?:and|&)\s)?{_FOUNDER}(?:\s(?:and|&)\s{_TITLE})?,?\s")
_FOUNDER_OF = re.compile(rf",?\s(?:the\s|a\s|who\sis\sa\s|who\sis\sthe\s)?(?:{_TITLE}\s(?:and|&)\s)?"
                         rf"(?:\w+\s)?{_FOUNDER}(?:\s(?:and|&)\s(?:\w+\s)?{_TITLE})?\s(?:of|at)\s(?:the\s)?")
_FOUNDED = re.compile(r",?\s(?:who\s)?(?:also\s)?(?:co-?founded|founded|started|set\sup|established|"
                      r"launched|created)\s(?:the\s)?")
_FOUNDED_VERB = re.compile(r"\b(?:co-?founded|founded|co-?founds|founds|set\sup|established)\b")
_HIRED = re.compile(r"\s(?:has\s|have\s)?(?:hired|appointed|named|tapped|promoted)\s$")
_FOUNDED_BY = re.compile(r"\s?,?\s?(?:which\s|that\s)?(?:was\s|is\s)?(?:co-?founded|founded|started|set\sup|"
                         r"established|created)\s(?:in\s(?:\d{4}|[A-Z]\w+)\s)?by\s(?:former\s[^,;.]{0,40}?\s)?")
_LEADS = re.compile(r"\s?,?\s(?:who\s)?(?:leads|led|runs|ran|heads|headed|helms)\s(?:the\s)?")
_TITLE_WORD = re.compile(rf"\b{_TITLE}\b", re.I)
_FOUNDER_WORD = re.compile(rf"\b{_FOUNDER}\b", re.I)
_NO_TITLE = re.compile(r"(?!)")
_FORMER = re.compile(r"\b(?:former|ex-|then-|onetime|departing|outgoing)")


@construction("en.org.people")
def people(s: Parse) -> Found:
    """X CEO Y; Y, CEO of X; Y, X's chief executive; X co-founder Y; Y founded X; X, founded by Y."""
    for i in range(len(s.ents) - 1):
        j = i + 1
        a, b = s.ents[i], s.ents[j]
        gap = s.text[a.end:b.start]
        # a former chief leads no more; founders stay founders
        title = _NO_TITLE if _FORMER.search(gap) else _TITLE_WORD
        if a.type in ORG and b.type in PEOPLE:
            if _TITLE_BEFORE.fullmatch(gap) or _FOUNDER_BEFORE.fullmatch(gap):
                if title.search(gap):
                    yield Hit("leads", j, i, 0.85, "en-org-title-person")
                if _FOUNDER_WORD.search(gap):
                    yield Hit("founderOf", j, i, 0.85, "en-org-founder-person")
            if _FOUNDED_BY.fullmatch(gap):
                for k in items(s, j, PEOPLE):
                    yield Hit("founderOf", k, i, 0.85, "en-org-founded-by")
            if re.fullmatch(rf",\s(?:whose\s){_TITLE}\s(?:is\s)?", gap):
                yield Hit("leads", j, i, 0.8, "en-org-whose-title")
        if a.type in PEOPLE and b.type in ORG:
            m = re.fullmatch(rf",?\s(?:the\s|its\s)?{_FOUNDER}?\s?(?:and\s)?(?:\w+\s)?(?:{_TITLE}\s)?(?:of|at)\s"
                             rf"(?:the\s)?|,\s(?:\w+\s)?$", gap)
            possessive_title = re.match(rf"['’]s\s(?:{_FOUNDER}\s(?:and\s)?)?(?:{_TITLE})?", s.text[b.end:b.end + 40])
            if (_TITLE_OF.fullmatch(gap) or _FOUNDER_OF.fullmatch(gap) or m) and (
                    title.search(gap) or _FOUNDER_WORD.search(gap)):
                if title.search(gap):
                    yield Hit("leads", i, j, 0.85, "en-person-title-of-org")
                if _FOUNDER_WORD.search(gap):
                    yield Hit("founderOf", i, j, 0.85, "en-person-founder-of-org")
            elif re.fullmatch(r",\s(?:the\s)?", gap) and possessive_title and possessive_title.group().strip("'’s "):
                tail = possessive_title.group()
                if title.search(tail):
                    yield Hit("leads", i, j, 0.85, "en-person-org-s-title")
                if _FOUNDER_WORD.search(tail):
                    yield Hit("founderOf", i, j, 0.85, "en-person-org-s-founder")
            if _FOUNDED.fullmatch(gap):
                for k in before_list(s, i, PEOPLE):
                    yield Hit("founderOf", k, j, 0.8, "en-person-founded-org")
            if _LEADS.fullmatch(gap):
                yield Hit("leads", i, j, 0.75, "en-person-leads-org")
        if a.type in ORG and b.type in PEOPLE and _HIRED.fullmatch(gap) and re.match(
                rf",?\s(?:as\s)?(?:its\s|the\s)?(?:new\s)?{_TITLE}\b", s.text[b.end:b.end + 40]):
            yield Hit("leads", j, i, 0.8, "en-org-named-person-title")
    yield from verb_facts(s, _FOUNDED_VERB, "founderOf", PEOPLE, ORG, 0.8, "en-person-founded-org", stop=frozenset())
