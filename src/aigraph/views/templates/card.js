// The side panel of an entity page: its card (type, aliases, facts with amounts, dates and the sentences
// they were read from, funding rounds, documents). Built with textContent only: names stay text.
(function () {
  "use strict";
  var api = window.aigraph, c = api && api.data.card;
  if (!c) return;
  var side = document.getElementById("side");
  side.hidden = false;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  // a name: a link to its page when served, else a button that finds it in the graph
  function name(text, href, id) {
    if (href) {
      var a = el("a", text);
      a.href = href;
      return a;
    }
    var b = el("button", text, "link");
    b.type = "button";
    b.addEventListener("click", function () {
      if (api.nodes.get(id)) {
        api.network.selectNodes([id]);
        api.network.focus(id, { scale: Math.max(api.network.getScale(), 1.2), animation: { duration: 300 } });
      }
    });
    return b;
  }

  var h1 = el("h1", c.name);
  side.appendChild(h1);
  var kind = el("span", c.type, "kind");
  kind.style.background = c.color;
  var line = el("div");
  line.appendChild(kind);
  line.appendChild(el("span", "  " + c.degree + " fact" + (c.degree === 1 ? "" : "s") + " · rank " + c.rank +
                      " of " + c.ranked + " by facts", "muted"));
  side.appendChild(line);
  if (c.aliases.length) {
    side.appendChild(el("h2", "Also called"));
    side.appendChild(el("div", c.aliases.join(" · ")));
  }

  if (c.rounds.length) {
    side.appendChild(el("h2", "Funding rounds"));
    c.rounds.forEach(function (r) {
      var box = el("div", null, "fact");
      var head = el("div", null, "head");
      head.appendChild(el("span", (r.amount || "amount not stated") + (r.normalised ? " (" + r.normalised + ")" : "")));
      head.appendChild(el("span", r.date ? "  " + r.date : r.reported ? "  reported " + r.reported : "", "pred"));
      box.appendChild(head);
      box.appendChild(el("div", r.investors.join(", ") + " → " + r.company, "muted"));
      r.sources.forEach(function (s) {
        var q = el("blockquote", s.text);
        q.appendChild(el("div", s.document + ", sentence " + s.sentence, "src"));
        box.appendChild(q);
      });
      side.appendChild(box);
    });
  }

  side.appendChild(el("h2", "Facts (" + c.facts.length + ")"));
  if (!c.facts.length) side.appendChild(el("div", "No facts yet: it is only mentioned.", "muted"));
  c.facts.forEach(function (f) {
    var box = el("div", null, "fact");
    var head = el("div", null, "head");
    if (f.direction === "out") {
      head.appendChild(el("span", f.predicate + " ", "pred"));
      head.appendChild(name(f.other, f.href, f.id));
    } else {
      head.appendChild(name(f.other, f.href, f.id));
      head.appendChild(el("span", " " + f.predicate + " this", "pred"));
    }
    head.appendChild(el("span", " (" + f.other_type + ")", "pred"));
    box.appendChild(head);
    var meta = [];
    if (f.confidence !== null) meta.push("confidence " + f.confidence.toFixed(2));
    if (f.support) meta.push(f.support + " sentence" + (f.support === 1 ? "" : "s"));
    if (meta.length) box.appendChild(el("div", meta.join(" · "), "muted"));
    if (f.quantities.length) {
      var q = el("div");
      f.quantities.forEach(function (t) { q.appendChild(el("span", t, "qty")); });
      box.appendChild(q);
    }
    f.sources.forEach(function (s) {
      var quote = el("blockquote", s.text);
      quote.appendChild(el("div", (s.title ? s.title + " — " : "") + s.document + ", sentence " + s.sentence, "src"));
      box.appendChild(quote);
    });
    if (f.more) box.appendChild(el("div", "and " + f.more + " more sentence" + (f.more === 1 ? "" : "s"), "src"));
    side.appendChild(box);
  });

  if (c.documents.length) {
    side.appendChild(el("h2", "Mentioned in (" + c.documents.length + ")"));
    var ul = el("ul");
    c.documents.forEach(function (d) {
      ul.appendChild(el("li", d.label + (d.title ? " — " + d.title : "") + (d.date ? " (" + d.date + ")" : "")));
    });
    side.appendChild(ul);
  }
})();
