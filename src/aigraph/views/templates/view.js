// The interactive view: draws the laid-out graph from the JSON block, fitted to the window, with its
// community clusters; wires search and the type filter. Every name reaches the page through
// textContent, vis-network's canvas or its string tooltips (shown as text): never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("aigraph-data").textContent);
  var container = document.getElementById("net");
  var fonts = getComputedStyle(document.documentElement).getPropertyValue("--fonts").trim() || "sans-serif";
  if (data.card) document.body.classList.add("with-side");
  var MARGIN = 12;
  var served = /^https?:$/.test(location.protocol);

  function fitScale(box) {
    var w = container.clientWidth, h = container.clientHeight;
    return Math.min((w - 2 * MARGIN) / Math.max(box[2] - box[0], 1), (h - 2 * MARGIN) / Math.max(box[3] - box[1], 1),
                    data.max_scale || Infinity);
  }
  // the labels of the most central entities are drawn at the fitted zoom, whatever the window's size;
  // the others' labels are smaller and appear as one zooms in
  var scale0 = fitScale(data.extent);
  var threshold = Math.max(5, Math.min(data.options.nodes.scaling.label.drawThreshold, 0.98 * scale0 * data.top_font));
  data.options.nodes.scaling.label.drawThreshold = threshold;

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var api = { network: network, nodes: nodes, edges: edges, data: data, ready: false, threshold: threshold };
  window.aigraph = api;
  document.getElementById("count").textContent = data.count;

  function fit(box) {
    network.moveTo({ position: { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2 }, scale: fitScale(box),
                     animation: false });
  }
  api.fit = fit;
  fit(data.extent);
  var touched = false;
  network.on("dragStart", function () { touched = true; });
  network.on("zoom", function () { touched = true; });
  window.addEventListener("resize", function () { if (!touched) fit(api.extent || data.extent); });

  network.once("afterDrawing", function () {
    api.ready = true;
    api.readyMs = performance.now();
    document.body.dataset.ready = "1";
  });

  // community clusters: a faint area behind the members, a title above them
  var clusters = (data.clusters || []).map(function (c) { return { c: c, outline: c.outline }; });
  network.on("beforeDrawing", function (ctx) {
    clusters.forEach(function (k) {
      if (k.outline.length < 3) return;
      ctx.save();
      ctx.globalAlpha = 0.14;
      ctx.fillStyle = k.c.color;
      ctx.beginPath();
      k.outline.forEach(function (p, i) { if (i) ctx.lineTo(p[0], p[1]); else ctx.moveTo(p[0], p[1]); });
      ctx.closePath();
      ctx.fill();
      ctx.restore();
    });
  });
  network.on("afterDrawing", function (ctx) {
    clusters.forEach(function (k) {
      if (k.outline.length < 3) return;
      ctx.save();
      ctx.font = "bold 15px " + fonts;
      ctx.textAlign = "center";
      ctx.textBaseline = "alphabetic";
      ctx.lineWidth = 4;
      ctx.strokeStyle = "#ffffff";
      ctx.lineJoin = "round";
      ctx.strokeText(k.c.title, k.c.at[0], k.c.at[1]);
      ctx.fillStyle = k.c.ink || "#333333";
      ctx.fillText(k.c.title, k.c.at[0], k.c.at[1]);
      ctx.restore();
    });
  });

  // the convex hull of the shown members' boxes, rounded by `pad`
  function outline(members, pad) {
    var pts = [];
    members.forEach(function (id) {
      var n = nodes.get(id);
      if (!n || n.hidden) return;
      [[-n.box[0], -n.box[1]], [n.box[0], -n.box[1]], [-n.box[0], n.box[2]], [n.box[0], n.box[2]]].forEach(function (d) {
        for (var a = 0; a < 8; a++) {
          pts.push([n.x + d[0] + pad * Math.cos(a * Math.PI / 4), n.y + d[1] + pad * Math.sin(a * Math.PI / 4)]);
        }
      });
    });
    pts.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    function cross(o, a, b) { return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]); }
    var lower = [], upper = [];
    pts.forEach(function (p) {
      while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
      lower.push(p);
    });
    pts.slice().reverse().forEach(function (p) {
      while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
      upper.push(p);
    });
    return pts.length < 3 ? [] : lower.slice(0, -1).concat(upper.slice(0, -1));
  }

  // the extent of the shown nodes' boxes and clusters
  function shownExtent() {
    var box = [Infinity, Infinity, -Infinity, -Infinity];
    nodes.forEach(function (n) {
      if (n.hidden) return;
      box = [Math.min(box[0], n.x - n.box[0]), Math.min(box[1], n.y - n.box[1]),
             Math.max(box[2], n.x + n.box[0]), Math.max(box[3], n.y + n.box[2])];
    });
    clusters.forEach(function (k) {
      k.outline.forEach(function (p) {
        box = [Math.min(box[0], p[0]), Math.min(box[1], p[1]), Math.max(box[2], p[0]), Math.max(box[3], p[1])];
      });
      if (k.outline.length >= 3) box[1] = Math.min(box[1], k.c.at[1] - 16);
    });
    return isFinite(box[0]) ? box : data.extent;
  }

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
  api.search = search;
  var byId = {};
  data.names.forEach(function (row) { byId[row[0]] = row; });

  function entityHref(name) {
    return "/entity/" + encodeURIComponent(name).replace(/\./g, "%2E");
  }
  api.entityHref = entityHref;

  var status = document.getElementById("status");
  function say(text, linkTo) {
    status.textContent = text;
    if (linkTo && served) {
      var a = document.createElement("a");
      a.href = entityHref(linkTo);
      a.textContent = " open its page";
      status.appendChild(a);
    }
  }
  function show(query) {
    var ids = search(query).filter(function (id) { var n = nodes.get(id); return !n || !n.hidden; });
    if (!query.trim()) {
      say("");
      network.unselectAll();
      return ids;
    }
    if (!ids.length) {
      say("no match");
      network.unselectAll();
      return ids;
    }
    var first = byId[ids[0]];
    var drawn = ids.filter(function (id) { return nodes.get(id); });
    if (!nodes.get(ids[0])) {
      say(first[1] + " (" + first[3] + ") has no facts: not drawn" + (ids.length > 1 ? "; " + ids.length + " found" : ""),
          first[1]);
    } else {
      say(ids.length === 1 ? "found: " + first[1] : ids.length + " found; first: " + first[1]);
    }
    network.selectNodes(drawn.slice(0, 200), false);
    if (drawn.length && drawn[0] === ids[0]) {
      network.focus(ids[0], { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
    }
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

  // served by `aigraph serve`: a double click opens the entity's page
  network.on("doubleClick", function (p) {
    if (served && p.nodes.length) location.href = entityHref(nodes.get(p.nodes[0]).label);
  });

  // the legend doubles as the type filter: the rest is fitted to the window again, clusters redrawn
  var holder = document.getElementById("types");
  data.types.forEach(function (t) {
    if (!t.count) return;
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
      clusters.forEach(function (k) { k.outline = outline(k.c.members, data.hull_margin || 14); });
      api.extent = shownExtent();
      fit(api.extent);
      touched = false;
    });
  });
  api.shownExtent = shownExtent;
})();
