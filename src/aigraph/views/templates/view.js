// The interactive view: draws the graph from the JSON block, wires search and the type filter.
// Every name reaches the page through textContent or vis-network's canvas and string tooltips
// (shown as text): never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("aigraph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("net"), { nodes: nodes, edges: edges }, data.options);
  var api = { network: network, nodes: nodes, edges: edges, data: data, ready: false, search: search };
  window.aigraph = api;

  document.getElementById("count").textContent = data.count;
  if (data.focus.length) {
    network.fit({ nodes: data.focus, animation: false });
  }
  network.once("afterDrawing", function () {
    api.ready = true;
    api.readyMs = performance.now();
    document.body.dataset.ready = "1";
  });

  function norm(s) {
    return String(s).toLowerCase().replace(/[\s\-_·.]+/g, "");
  }

  // ids of the entities whose name or an alias contains the query: exact names first, then by importance
  function search(query) {
    var key = norm(query);
    if (!key) return [];
    var found = [];
    data.names.forEach(function (row, i) {
      var all = [row[1]].concat(row[2]).map(norm);
      var exact = all.indexOf(key) >= 0;
      if (exact || all.some(function (n) { return n.indexOf(key) >= 0; })) {
        found.push({ id: row[0], exact: exact, rank: i });
      }
    });
    found.sort(function (a, b) { return (b.exact - a.exact) || (a.rank - b.rank); });
    return found.map(function (f) { return f.id; });
  }

  var status = document.getElementById("status");
  function show(query) {
    var ids = search(query).filter(function (id) { return !nodes.get(id).hidden; });
    if (!query.trim()) {
      status.textContent = "";
      network.unselectAll();
      return ids;
    }
    if (!ids.length) {
      status.textContent = "no match";
      network.unselectAll();
      return ids;
    }
    var label = nodes.get(ids[0]).label;
    status.textContent = ids.length === 1 ? "found: " + label : ids.length + " found; first: " + label;
    network.selectNodes(ids.slice(0, 200), false);
    network.focus(ids[0], { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
    return ids;
  }
  api.show = show;
  var box = document.getElementById("search");
  var timer = null;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(box.value); }, 200);
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { clearTimeout(timer); show(box.value); }
  });

  // the legend doubles as the type filter
  var holder = document.getElementById("types");
  data.types.forEach(function (t) {
    var label = document.createElement("label");
    var tick = document.createElement("input");
    tick.type = "checkbox";
    tick.checked = true;
    tick.value = t.type;
    var glyph = document.createElement("span");
    glyph.className = "glyph";
    glyph.style.color = t.color;
    glyph.textContent = t.glyph;
    label.appendChild(tick);
    label.appendChild(glyph);
    label.appendChild(document.createTextNode(t.type + " (" + t.count + ")"));
    holder.appendChild(label);
    tick.addEventListener("change", function () {
      var ids = nodes.getIds({ filter: function (n) { return n.group === t.type; } });
      nodes.update(ids.map(function (id) { return { id: id, hidden: !tick.checked }; }));
    });
  });
})();
