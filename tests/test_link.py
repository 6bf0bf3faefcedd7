"""Linking: one node per entity across documents and scripts, one type, facts that fit their relation."""

from __future__ import annotations

from aigraph.graph.iris import entity_iri
from aigraph.graph.link import link
from aigraph.graph.rdf import build_quads
from aigraph.model import Document, Fact, Mention, Quantity, Reading, Sentence


def _analysis(doc: str, index: int, text: str, mentions: list[tuple[str, str, str]], facts=(), score=1.0) -> Reading:
    """mentions: (surface, type, name); each surface must occur in text."""
    sent = Sentence(doc, index, text, ((0, len(text)),))
    ms = tuple(Mention(text.index(s), text.index(s) + len(s), s, t, n, "lexicon", score) for s, t, n in mentions)
    return Reading(sent, ms, tuple(facts))


def _corpus() -> list[Reading]:
    return [
        _analysis("a.txt", 0, "DeepSeek-V3由深度求索发布。", [("DeepSeek-V3", "Model", "DeepSeek-V3"), ("深度求索", "Company", "DeepSeek")],
                  [Fact("DeepSeek-V3", "developedBy", "DeepSeek", 0.9)]),
        _analysis("b.txt", 0, "DeepSeek V3 is built by DeepSeek.", [("DeepSeek V3", "Model", "DeepSeek V3"), ("DeepSeek", "Company", "DeepSeek")],
                  [Fact("DeepSeek V3", "developedBy", "DeepSeek", 0.8)]),
        _analysis("c.txt", 0, "英偉達與微軟合作。", [("英偉達", "Company", "英偉達"), ("微軟", "Company", "微軟")],
                  [Fact("英偉達", "partnerOf", "微軟", 0.7)]),
        _analysis("d.txt", 3, "英伟达的H100。", [("英伟达", "Company", "NVIDIA"), ("H100", "Chip", "H100")]),
        _analysis("d.txt", 4, "Pantheon-AI raised money; Pantheon AI again.", [("Pantheon-AI", "Company", "Pantheon-AI"),
                                                                          ("Pantheon AI", "Company", "Pantheon AI")]),
    ]


def test_aliases_spellings_and_scripts_land_on_one_entity():
    linked = link(_corpus(), 0.5)
    by_name = {e.name: e for e in linked.entities}
    v3 = [e for e in linked.entities if e.type == "Model"]
    assert len(v3) == 1 and {"DeepSeek-V3", "DeepSeek V3"} <= v3[0].aliases | {v3[0].name}
    assert {"英偉達", "英伟达"} <= by_name["NVIDIA"].aliases
    assert "微軟" in by_name["Microsoft"].aliases
    assert len([e for e in linked.entities if "Pantheon" in e.name]) == 1
    # the two statements of the same fact in two documents are one fact with two evidence sentences
    dev = [e for e in linked.evidence if e.fact.predicate == "developedBy"]
    assert {(e.fact.subject, e.fact.object) for e in dev} == {(v3[0].name, "DeepSeek")}
    assert len(dev) == 2
    part = [e.fact for e in linked.evidence if e.fact.predicate == "partnerOf"]
    assert [(f.subject, f.object) for f in part] == [("Microsoft", "NVIDIA")]


def test_labels_carry_language_tags_for_every_alias_seen():
    linked = link(_corpus(), 0.5)
    docs = [Document(d, d, "", f"{i:064x}") for i, d in enumerate(["a.txt", "b.txt", "c.txt", "d.txt"])]
    quads = build_quads(docs, linked)
    nvidia = entity_iri("NVIDIA")
    labels = {(q.object.value, q.object.language) for q in quads if q.subject == nvidia and "altLabel" in q.predicate.value}
    assert {("英偉達", "zh"), ("英伟达", "zh")} <= labels
    names = [q.object for q in quads if q.subject == nvidia and q.predicate.value.endswith("#label")]
    assert [(n.value, n.language) for n in names] == [("NVIDIA", "en")]


def test_one_type_per_entity_by_weight_of_evidence():
    mentions = [_analysis("a.txt", i, "Acme Robotics rocks", [("Acme Robotics", t, "Acme Robotics")], score=s)
                for i, (t, s) in enumerate([("Company", 0.9), ("Product", 0.6), ("Company", 0.5), ("Product", 0.6)])]
    linked = link(mentions, 0.5)
    assert [(e.name, e.type) for e in linked.entities] == [("Acme Robotics", "Company")]


def test_result_does_not_depend_on_document_order():
    corpus = _corpus()
    assert link(corpus, 0.5) == link(list(reversed(corpus)), 0.5)


def test_facts_that_do_not_fit_the_relation_are_set_aside():
    a = _analysis("a.txt", 0, "英伟达发布DeepSeek V3，黄仁勋领导英伟达。",
                  [("英伟达", "Company", "NVIDIA"), ("DeepSeek V3", "Model", "DeepSeek V3"), ("黄仁勋", "Person", "Jensen Huang")],
                  [Fact("NVIDIA", "developedBy", "DeepSeek V3", 0.9),  # a company is not developed by a model
                   Fact("Jensen Huang", "leads", "NVIDIA", 0.9),
                   Fact("DeepSeek V3", "competesWith", "NVIDIA", 0.9)])  # competitors have one type
    linked = link([a], 0.5)
    assert [(e.fact.subject, e.fact.predicate) for e in linked.evidence] == [("Jensen Huang", "leads")]
    assert sorted(e.fact.predicate for e in linked.rejected) == ["competesWith", "developedBy"]


def test_a_fact_read_twice_in_one_sentence_is_kept_once_with_its_best_reading():
    money = Quantity("1亿美元", "100000000", "USD")
    a = _analysis("a.txt", 0, "红杉资本领投OpenAI 1亿美元。", [("红杉资本", "Investor", "Sequoia Capital"), ("OpenAI", "Company", "OpenAI")],
                  [Fact("Sequoia Capital", "investedIn", "OpenAI", 0.6), Fact("Sequoia Capital", "investedIn", "OpenAI", 0.6, amount=money)])
    linked = link([a], 0.5)
    assert len(linked.evidence) == 1 and linked.evidence[0].fact.amount == money


def test_traditional_and_simplified_chinese_in_two_documents_give_one_entity(extract_text):
    """Through the real extractor: 英偉達 (traditional) in one document, 英伟达 in another, NVIDIA in a third."""
    analyses = (extract_text("英偉達發布了新一代晶片。", doc="tw.txt") + extract_text("英伟达发布了新一代芯片。", doc="cn.txt")
                + extract_text("NVIDIA released a new chip.", doc="en.txt"))
    linked = link(analyses, 0.5)
    nvidia = [e for e in linked.entities if {"英偉達", "英伟达", "NVIDIA"} & (e.aliases | {e.name})]
    assert len(nvidia) == 1 and nvidia[0].name == "NVIDIA" and {"英偉達", "英伟达"} <= nvidia[0].aliases
    assert {doc for name, doc, _ in linked.mentions if name == "NVIDIA"} == {"tw.txt", "cn.txt", "en.txt"}


def _m(doc: str, i: int, surface: str, typ: str, name: str, source: str = "lexicon", score: float = 1.0) -> Reading:
    text = f"{surface}。"
    return Reading(Sentence(doc, i, text, ((0, len(text)),)), (Mention(0, len(surface), surface, typ, name, source, score),), ())


def _entities(readings, lexicon=None) -> dict[str, tuple[str, frozenset]]:
    return {e.name: (e.type, e.aliases) for e in link(readings, 0.5, lexicon).entities}


def test_merge_by_alias_seen_in_another_document():
    # a.txt read "Moonshot" as Moonshot AI (月之暗面 Moonshot); b.txt only says "Moonshot"
    found = _entities([_m("a.txt", 0, "月之暗面", "Company", "Moonshot AI"),
                       _m("a.txt", 1, "Moonshot", "Company", "Moonshot AI", "short-form", 0.8),
                       _m("b.txt", 0, "Moonshot", "Company", "Moonshot", "pattern:latin-name", 0.52)])
    assert list(found) == ["Moonshot AI"]
    assert {"月之暗面", "Moonshot"} <= found["Moonshot AI"][1]


def test_merge_by_matching_key():
    found = _entities([_m("a.txt", 0, "Zentrix Labs", "Company", "Zentrix Labs", "pattern:latin-company", 0.75),
                       _m("b.txt", 0, "ZENTRIX-LABS", "Company", "ZENTRIX-LABS", "pattern:latin-company", 0.75),
                       _m("c.txt", 0, "Ｚｅｎｔｒｉｘ Labs", "Company", "Ｚｅｎｔｒｉｘ Labs", "pattern:latin-company", 0.75)])
    assert len(found) == 1


def test_merge_by_short_name_and_descriptor():
    found = _entities([_m("a.txt", 0, "Pantheon", "Company", "Pantheon", "pattern:latin-name", 0.6),
                       _m("b.txt", 0, "Pantheon AI", "Company", "Pantheon AI", "pattern:latin-company", 0.75),
                       _m("b.txt", 1, "Pantheon AI", "Company", "Pantheon AI", "pattern:latin-company", 0.75),
                       _m("c.txt", 0, "澜舟星图", "Company", "澜舟星图", "pattern:cn-org", 0.6),
                       _m("d.txt", 0, "澜舟星图科技", "Company", "澜舟星图科技", "pattern:cn-org", 0.6)])
    assert len(found) == 2 and "Pantheon AI" in found
    assert "Pantheon" in found["Pantheon AI"][1]
    # the lexicon's Moonshot AI takes a document's bare "Moonshot" and its Chinese name with a descriptor
    found = _entities([_m("a.txt", 0, "Moonshot", "Company", "Moonshot", "pattern:latin-name", 0.52),
                       _m("b.txt", 0, "月之暗面科技", "Company", "Moonshot AI")])
    assert list(found) == ["Moonshot AI"]


def test_no_merge_of_things_that_share_a_word():
    found = _entities([_m("a.txt", 0, "Meta", "Company", "Meta"), _m("b.txt", 0, "元宇宙", "Trend", "Metaverse"),
                       _m("c.txt", 0, "Apple", "Company", "Apple"),
                       _m("d.txt", 0, "Apple Intelligence", "Product", "Apple Intelligence")])
    assert {n: t for n, (t, _) in found.items()} == {"Meta": "Company", "Metaverse": "Trend", "Apple": "Company",
                                                    "Apple Intelligence": "Product"}
    # nor two organisations the lexicon tells apart, short name and descriptor notwithstanding
    from aigraph.extraction.lexicon import Lexicon, entry_from_record

    lex = Lexicon([entry_from_record({"name": "Acme", "type": "Company"}, "t"),
                   entry_from_record({"name": "Acme AI", "type": "Company"}, "t")])
    found = _entities([_m("a.txt", 0, "Acme", "Company", "Acme"), _m("b.txt", 0, "Acme AI", "Company", "Acme AI")], lex)
    assert set(found) == {"Acme", "Acme AI"}


def test_merges_do_not_depend_on_document_order():
    readings = [_m("b.txt", 0, "Moonshot", "Company", "Moonshot", "pattern:latin-name", 0.52),
                _m("a.txt", 1, "Moonshot", "Company", "Moonshot AI", "short-form", 0.8),
                _m("c.txt", 0, "Pantheon", "Company", "Pantheon", "pattern:latin-name", 0.6),
                _m("d.txt", 0, "Pantheon AI", "Company", "Pantheon AI", "pattern:latin-company", 0.75)]
    assert link(readings, 0.5) == link(list(reversed(readings)), 0.5)


def test_trends_carry_their_definition_and_wider_trends():
    from aigraph.vocab import SKOS

    linked = link([_m("a.txt", 0, "RLHF", "Trend", "RLHF")], 0.5)
    by_name = {e.name: e for e in linked.entities}
    assert by_name["RLHF"].broader == "Reinforcement learning" and by_name["RLHF"].definition
    assert by_name["Reinforcement learning"].type == "Trend"  # the wider trend joins the graph
    quads = build_quads([Document("a.txt", "a.txt", "", "0" * 64)], linked)
    rlhf = entity_iri("RLHF")
    assert [q.object for q in quads if q.subject == rlhf and q.predicate == SKOS.broader] == [entity_iri("Reinforcement learning")]
    [definition] = [q.object for q in quads if q.subject == rlhf and q.predicate == SKOS.definition]
    assert definition.language == "en" and "human" in definition.value


def test_a_version_the_lexicon_lists_as_an_alias_stays_its_own_entity():
    # YOLOv8 is an alias of the lexicon's YOLO record; a plain other alias still joins the record
    readings = [
        _analysis("v.txt", 0, "团队用YOLOv8做检测。", [("YOLOv8", "Model", "YOLOv8")]),
        _analysis("v.txt", 1, "早期的YOLO更慢。", [("YOLO", "Model", "YOLO")]),
    ]
    names = {e.name for e in link(readings, 0.5).entities}
    assert {"YOLOv8", "YOLO"} <= names
