(function () {
  "use strict";
  var T = window.__timings = { start: performance.now() };
  var DATA = JSON.parse(document.getElementById("ag-data").textContent);
  T.parsed = performance.now();
  var $ = function (id) { return document.getElementById(id); };

  // Every data string reaches the page through this function: text nodes only, never markup.
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fmt(x, d) { return (x === null || x === undefined) ? "" : (typeof x === "number" ? (Number.isInteger(x) ? String(x) : x.toFixed(d === undefined ? 3 : d)) : String(x)); }

  var REL = {}; DATA.relations.forEach(function (r) { REL[r.id] = r; });
  var TYPE = {}; DATA.types.forEach(function (t) { TYPE[t.id] = t; });
  var NODE = {}; DATA.nodes.forEach(function (n) { NODE[n.id] = n; });
  var EDGE = {}; DATA.edges.forEach(function (e) { EDGE[e.id] = e; });
  var AFF = {}; DATA.affiliations.forEach(function (a) { AFF[a.id] = a; });
  var label = function (id) { return NODE[id] ? NODE[id].label : id; };
  var big = DATA.nodes.length > 300;

  var state = {
    rels: new Set(DATA.relations.map(function (r) { return r.id; })),
    types: new Set(DATA.types.map(function (t) { return t.id; })),
    showAll: false, hideIsolated: true, showAff: true, datedOnly: false, from: "", to: ""
  };

  // ------------------------------------------------------------------ vis data
  function edgeTitle(e) {
    var m = Object.keys(e.modalities).map(function (k) { return k + " " + e.modalities[k]; }).join(", ");
    return label(e.from) + " " + REL[e.rel].label + " " + label(e.to) + "\n" + e.n + " sentence" + (e.n === 1 ? "" : "s") + " (" + m + ")";
  }
  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    var t = TYPE[n.type];
    return { id: n.id, label: n.label, value: n.value, shape: t.shape, color: t.colour, hidden: false,
             title: n.label + " \u2014 " + t.label + "\n" + DATA.sizeMetric + ": " + fmt(n.centrality) };
  }));
  var edges = new vis.DataSet(DATA.edges.map(function (e) {
    var r = REL[e.rel];
    return { id: e.id, from: e.from, to: e.to, kind: "relation", rel: e.rel, asserted: e.asserted,
             color: { color: r.colour, highlight: r.colour, hover: r.colour, opacity: e.asserted ? 0.9 : 0.7 },
             width: 1 + 1.6 * Math.log2(e.n), dashes: !e.asserted, hidden: false,
             arrows: { to: { enabled: !r.symmetric, scaleFactor: 0.6 } },
             smooth: e.curve ? { enabled: true, type: e.curve.type, roundness: e.curve.roundness } : false,
             title: edgeTitle(e) };
  }).concat(DATA.affiliations.map(function (a) {
    return { id: a.id, from: a.from, to: a.to, kind: "affiliation", color: { color: "#aaaaaa", opacity: 0.8 },
             width: 1, dashes: [2, 4], arrows: { to: { enabled: false } }, smooth: false, hidden: false,
             title: label(a.from) + (a.title ? " \u2014 " + a.title + " of " : " \u2014 acts for ") + label(a.to) };
  })));

  // ------------------------------------------------------------------ filters
  function evPasses(i) {
    var ev = DATA.evidence[i];
    if (!state.showAll && ev.modality !== "asserted") return false;
    if (!ev.lo) return !state.datedOnly;
    if (state.from && ev.hi < state.from) return false;
    if (state.to && ev.lo > state.to) return false;
    return true;
  }
  var visible = { nodes: new Set(), edges: new Set() };
  function computeVisibility() {
    var vn = new Set(), ve = new Set(), touched = new Set();
    DATA.edges.forEach(function (e) {
      if (!state.rels.has(e.rel) || !state.types.has(NODE[e.from].type) || !state.types.has(NODE[e.to].type)) return;
      if (!e.ev.some(evPasses)) return;
      ve.add(e.id); touched.add(e.from); touched.add(e.to);
      e.officials.forEach(function (p) { if (NODE[p] && state.types.has(NODE[p].type)) touched.add(p); });
    });
    if (state.showAff) DATA.affiliations.forEach(function (a) {
      if (touched.has(a.from) && state.types.has(NODE[a.to].type)) touched.add(a.to);
    });
    DATA.nodes.forEach(function (n) {
      if (state.types.has(n.type) && (!state.hideIsolated || touched.has(n.id))) vn.add(n.id);
    });
    if (state.showAff) DATA.affiliations.forEach(function (a) {
      if (vn.has(a.from) && vn.has(a.to)) ve.add(a.id);
    });
    return { nodes: vn, edges: ve };
  }
  function applyFilters() {
    var v = computeVisibility(), nu = [], eu = [];
    DATA.nodes.forEach(function (n) { var h = !v.nodes.has(n.id); if (h !== !visible.nodes.has(n.id) || !applyFilters.done) nu.push({ id: n.id, hidden: h }); });
    edges.getIds().forEach(function (id) { var h = !v.edges.has(id); if (h !== !visible.edges.has(id) || !applyFilters.done) eu.push({ id: id, hidden: h }); });
    visible = v; applyFilters.done = true;
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    updateSummary();
  }
  function updateSummary() {
    var rel = 0; visible.edges.forEach(function (id) { if (EDGE[id]) rel += 1; });
    var s = visible.nodes.size + " of " + DATA.nodes.length + " actors \u00b7 " + rel + " of " + DATA.edges.length + " relations shown";
    if (DATA.droppedNodes) s += " \u00b7 " + DATA.droppedNodes + " of " + DATA.totalNodes + " actors left out (least central)";
    $("ag-summary").textContent = s;
  }

  function checkbox(parent, text, checked, onchange, decorate, count) {
    var lab = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = checked;
    box.addEventListener("change", function () { onchange(box.checked); applyFilters(); });
    lab.appendChild(box); if (decorate) lab.appendChild(decorate);
    lab.appendChild(el("span", text));
    if (count !== undefined) lab.appendChild(el("span", count, "ag-count"));
    parent.appendChild(lab); return box;
  }
  var relBoxes = {};
  DATA.relations.forEach(function (r) {
    var sw = el("span", null, "ag-swatch"); sw.style.background = r.colour;
    var n = DATA.edges.filter(function (e) { return e.rel === r.id; }).length;
    relBoxes[r.id] = checkbox($("ag-relations"), r.label + (r.symmetric ? " \u2194" : " \u2192"), true,
      function (on) { if (on) state.rels.add(r.id); else state.rels.delete(r.id); }, sw, n);
    relBoxes[r.id].dataset.relation = r.id;
  });
  function setAllRels(on) {
    DATA.relations.forEach(function (r) { relBoxes[r.id].checked = on; if (on) state.rels.add(r.id); else state.rels.delete(r.id); });
    applyFilters();
  }
  $("ag-rel-all").addEventListener("click", function () { setAllRels(true); });
  $("ag-rel-none").addEventListener("click", function () { setAllRels(false); });
  DATA.types.forEach(function (t) {
    var g = el("span", t.glyph, "ag-glyph"); g.style.color = t.colour;
    var n = DATA.nodes.filter(function (x) { return x.type === t.id; }).length;
    checkbox($("ag-types"), t.label, true, function (on) { if (on) state.types.add(t.id); else state.types.delete(t.id); }, g, n)
      .dataset.type = t.id;
  });
  $("ag-show-all").addEventListener("change", function (ev) { state.showAll = ev.target.checked; applyFilters(); });
  $("ag-hide-isolated").addEventListener("change", function (ev) { state.hideIsolated = ev.target.checked; applyFilters(); });
  $("ag-show-aff").addEventListener("change", function (ev) { state.showAff = ev.target.checked; applyFilters(); });
  $("ag-dated-only").addEventListener("change", function (ev) { state.datedOnly = ev.target.checked; applyFilters(); });
  $("ag-from").addEventListener("change", function (ev) { state.from = ev.target.value; applyFilters(); });
  $("ag-to").addEventListener("change", function (ev) { state.to = ev.target.value; applyFilters(); });
  if (DATA.dateRange) {
    $("ag-from").min = $("ag-to").min = DATA.dateRange[0];
    $("ag-from").max = $("ag-to").max = DATA.dateRange[1];
    $("ag-date-range").textContent = "interactions dated " + DATA.dateRange[0] + " \u2013 " + DATA.dateRange[1] + "; undated ones are kept unless \u201cdated only\u201d is ticked.";
  } else {
    $("ag-date-range").textContent = "no interaction carries a date.";
  }

  // ------------------------------------------------------------------ network
  var nEdges = DATA.edges.length + DATA.affiliations.length;
  // Layout is bounded twice: by iterations, and by wall-clock time (checked every few iterations),
  // so a slow machine gets a rougher layout rather than a long wait.
  var iterations = DATA.nodes.length <= 100 ? 1000 : 400;
  var LAYOUT_BUDGET_MS = DATA.nodes.length <= 300 ? 1500 : 2000;
  var options = {
    autoResize: true,
    nodes: {
      borderWidth: 1, borderWidthSelected: 3,
      font: { face: "system-ui, sans-serif", color: "#222", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 8, max: 40, label: { enabled: true, min: 11, max: 22, maxVisible: 24, drawThreshold: big ? 7 : 4 } }
    },
    edges: { selectionWidth: 2, hoverWidth: 0.5, smooth: false, color: { inherit: false } },
    interaction: { hover: !big, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false, multiselect: false },
    physics: {
      enabled: true,
      solver: big ? "forceAtlas2Based" : "barnesHut",
      barnesHut: { gravitationalConstant: -8000, centralGravity: 0.25, springLength: 170, springConstant: 0.03, damping: 0.35, avoidOverlap: 0.4 },
      forceAtlas2Based: { theta: 0.9, gravitationalConstant: -40, centralGravity: 0.008, springLength: 60, springConstant: 0.08, damping: 0.6, avoidOverlap: 0 },
      stabilization: { enabled: true, iterations: iterations, updateInterval: big ? 5 : 20, fit: true },
      minVelocity: 1, timestep: 0.5
    },
    layout: { randomSeed: 7, improvedLayout: DATA.nodes.length <= 100 }
  };
  applyFilters();
  var network = null;
  if (!DATA.nodes.length) {
    $("ag-loading").hidden = true;
    $("ag-graph-wrap").appendChild(el("div", "No interactions in this graph.", "")).id = "ag-empty";
    window.__stabilizedAt = performance.now();
  } else {
    T.beforeNetwork = performance.now();
    network = new vis.Network($("ag-graph"), { nodes: nodes, edges: edges }, options);
    T.network = performance.now();
    var layoutStart = null;
    network.on("stabilizationProgress", function (p) {
      T.iterations = p.iterations;
      if (layoutStart === null) layoutStart = performance.now();
      else if (performance.now() - layoutStart > LAYOUT_BUDGET_MS) network.stopSimulation(false);
      $("ag-loading").textContent = "laying out\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
    });
    // Freeze: once laid out, physics stops for good, so 2,000 actors cost nothing while you read.
    network.on("stabilizationIterationsDone", function () {
      T.iterationsDone = performance.now();
      layoutStart = null;
      network.setOptions({ physics: { enabled: false } });
      $("ag-loading").hidden = true;
      window.__stabilizedAt = performance.now();
      document.body.setAttribute("data-ready", "1");
    });
    network.on("click", function (p) {
      if (p.nodes.length) showNode(p.nodes[0]);
      else if (p.edges.length) showEdge(p.edges[0]);
      else clearPanel();
    });
  }
  $("ag-fit").addEventListener("click", function () { if (network) network.fit({ animation: { duration: 300 } }); });
  $("ag-relayout").addEventListener("click", function () {
    if (!network) return;
    $("ag-loading").hidden = false;
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(iterations);
  });

  // ------------------------------------------------------------------ search
  var byLabel = DATA.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); });
  byLabel.forEach(function (n) { var o = el("option"); o.value = n.label; $("ag-actors").appendChild(o); });
  function findActor(q) {
    q = String(q || "").trim().toLowerCase();
    if (!q) return null;
    var exact = byLabel.find(function (n) { return n.label.toLowerCase() === q || n.id.toLowerCase() === q; });
    if (exact) return exact;
    var pre = byLabel.filter(function (n) { return n.label.toLowerCase().indexOf(q) === 0; });
    var sub = pre.length ? pre : byLabel.filter(function (n) { return n.label.toLowerCase().indexOf(q) >= 0; });
    sub.sort(function (a, b) { return b.centrality - a.centrality; });
    return sub[0] || null;
  }
  function search() {
    var n = findActor($("ag-search").value);
    $("ag-search-msg").textContent = n ? "" : "no such actor";
    if (!n || !network) return null;
    if (visible.nodes.has(n.id)) {
      network.selectNodes([n.id], true);
      network.focus(n.id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400 } });
    }
    showNode(n.id);
    return n.id;
  }
  $("ag-search-go").addEventListener("click", search);
  $("ag-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });
  $("ag-search").addEventListener("change", search);

  // ------------------------------------------------------------------ side panel
  var panel = $("ag-panel-body");
  function clearPanel() {
    panel.replaceChildren(el("p", "Select an actor or an edge.", "ag-hint"));
  }
  function dl(rows) {
    var d = el("dl");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      d.appendChild(el("dt", r[0]));
      var dd = el("dd");
      if (r[1] instanceof Node) dd.appendChild(r[1]); else dd.textContent = String(r[1]);
      d.appendChild(dd);
    });
    return d;
  }
  function linkButton(text, onclick) {
    var b = el("button", text, "ag-link"); b.type = "button"; b.addEventListener("click", onclick); return b;
  }
  function selectEdge(id) {
    if (network && visible.edges.has(id)) network.selectEdges([id]);
    showEdge(id);
  }
  function showNode(id) {
    var n = NODE[id]; if (!n) return;
    var t = TYPE[n.type];
    var head = el("h2", null, "ag-title"), g = el("span", t.glyph + " ", "ag-glyph");
    g.style.color = t.colour; head.appendChild(g); head.appendChild(document.createTextNode(n.label));
    var parts = [head, el("div", n.iri, "ag-iri")];
    if (!visible.nodes.has(id)) parts.push(el("p", "Hidden by the current filters.", "ag-note"));
    var wd = null;
    if (n.wikidata && /^Q[0-9]+$/.test(n.wikidata)) {
      wd = el("a", "Wikidata " + n.wikidata);
      wd.href = "https://www.wikidata.org/wiki/" + n.wikidata; wd.target = "_blank"; wd.rel = "noopener noreferrer";
    }
    var aff = DATA.affiliations.filter(function (a) { return a.from === id; }).map(function (a) { return label(a.to); });
    parts.push(dl([["type", t.label], ["acts for", aff.join(", ")], ["link", wd]]));
    if (n.offices.length) {
      parts.push(el("h2", "Offices held"));
      var ul = el("ul"); n.offices.forEach(function (o) { ul.appendChild(el("li", o.label)); }); parts.push(ul);
    }
    if (n.officesOf.length) {
      parts.push(el("h2", "Offices"));
      var ul2 = el("ul");
      n.officesOf.forEach(function (o) { ul2.appendChild(el("li", (o.title || o.label) + (o.holders.length ? ": " + o.holders.join(", ") : ""))); });
      parts.push(ul2);
    }
    parts.push(el("h2", "Metrics"));
    var rows = [["relations (all claims)", n.degree], ["size by", DATA.sizeMetric]];
    Object.keys(n.metrics).forEach(function (k) { rows.push([k, fmt(n.metrics[k], 4)]); });
    parts.push(dl(rows));
    var mine = DATA.edges.filter(function (e) { return e.from === id || e.to === id; });
    mine.sort(function (a, b) { return (b.asserted - a.asserted) || (b.n - a.n) || a.rel.localeCompare(b.rel); });
    if (mine.length) {
      var LIST_MAX = 150;
      parts.push(el("h2", "Relations (" + mine.length + ")"));
      var ul3 = el("ul");
      mine.slice(0, LIST_MAX).forEach(function (e) {
        var li = el("li"), sym = REL[e.rel].symmetric;
        var txt = label(e.from) + (sym ? " \u2194 " : " \u2192 ") + REL[e.rel].label + (sym ? " \u2194 " : " \u2192 ") + label(e.to) + " (" + e.n + ")";
        li.appendChild(linkButton(txt, function () { selectEdge(e.id); }));
        if (!e.asserted) li.appendChild(el("span", " not asserted", "ag-meta"));
        ul3.appendChild(li);
      });
      if (mine.length > LIST_MAX) ul3.appendChild(el("li", "\u2026 and " + (mine.length - LIST_MAX) + " more (strongest listed first)", "ag-meta"));
      parts.push(ul3);
    }
    panel.replaceChildren.apply(panel, parts);
    panel.setAttribute("data-node", id); panel.removeAttribute("data-edge");
  }
  function sentence(ev) {
    var q = el("blockquote");
    if (ev.mark && ev.mark[0] >= 0 && ev.mark[1] <= ev.text.length && ev.mark[0] < ev.mark[1]) {
      q.appendChild(document.createTextNode(ev.text.slice(0, ev.mark[0])));
      q.appendChild(el("mark", ev.text.slice(ev.mark[0], ev.mark[1])));
      q.appendChild(document.createTextNode(ev.text.slice(ev.mark[1])));
    } else {
      q.textContent = ev.text;
    }
    return q;
  }
  function showEdge(id) {
    if (AFF[id]) { var a = AFF[id]; return showNode(a.from); }
    var e = EDGE[id]; if (!e) return;
    var r = REL[e.rel], sym = r.symmetric;
    var head = el("h2", null, "ag-title"), sw = el("span", null, "ag-swatch");
    sw.style.background = r.colour; head.appendChild(sw);
    head.appendChild(document.createTextNode(" " + label(e.from) + (sym ? " \u2194 " : " \u2192 ") + r.label + (sym ? " \u2194 " : " \u2192 ") + label(e.to)));
    var parts = [head];
    var mods = Object.keys(e.modalities).map(function (k) { return k + " " + e.modalities[k]; }).join(", ");
    parts.push(dl([["sentences", e.n], ["interactions", e.ev.length + " (" + mods + ")"], ["class", r.quad + (r.sign ? " (" + (r.sign > 0 ? "+" : "\u2212") + ")" : "")],
                   ["acting through", e.officials.map(label).join(", ")]]));
    if (!e.asserted) parts.push(el("p", "No interaction on this edge is asserted as fact: it is drawn dashed.", "ag-note"));
    parts.push(el("h2", "Evidence"));
    var ol = el("ol", null, "ag-evidence");
    e.ev.forEach(function (i) {
      var ev = DATA.evidence[i], li = el("li");
      if (!evPasses(i)) { li.className = "ag-filtered"; li.title = "outside the current filters"; }
      li.appendChild(sentence(ev));
      var meta = el("div", null, "ag-meta");
      meta.appendChild(el("span", ev.modality, "ag-badge " + ev.modality));
      var bits = [];
      if (ev.confidence !== null) bits.push("confidence " + fmt(ev.confidence, 2));
      if (ev.date) bits.push("date " + ev.date + (ev.dateText ? " (\u201c" + ev.dateText + "\u201d)" : ""));
      else bits.push("undated");
      if (ev.cameo) bits.push("CAMEO " + ev.cameo);
      if (ev.quad) bits.push(ev.quad);
      if (ev.goldstein !== null) bits.push("Goldstein " + fmt(ev.goldstein, 1));
      if (ev.trigger) bits.push("trigger \u201c" + ev.trigger + "\u201d");
      if (ev.reportedBy) bits.push("reported by " + ev.reportedBy);
      if (ev.otherParty) bits.push("between " + label(e.to) + " and " + ev.otherParty);
      if (ev.official) bits.push("through " + ev.official);
      if (ev.rule) bits.push("rule " + ev.rule);
      meta.appendChild(document.createTextNode(bits.join(" \u00b7 ")));
      li.appendChild(meta);
      var d = DATA.documents[ev.doc] || {};
      li.appendChild(el("div", "\u2014 " + (d.title || "untitled document") + (d.date ? ", " + d.date : "") + (d.source ? " \u00b7 " + d.source : ""), "ag-meta ag-doc"));
      li.setAttribute("data-evidence", String(i));
      ol.appendChild(li);
    });
    parts.push(ol);
    panel.replaceChildren.apply(panel, parts);
    panel.setAttribute("data-edge", id); panel.removeAttribute("data-node");
  }

  // For tests and for the curious: the live objects, read-only by convention.
  window.actorgraph = {
    data: DATA, network: network, nodes: nodes, edges: edges, state: state,
    applyFilters: applyFilters, showNode: showNode, showEdge: showEdge, selectEdge: selectEdge, search: search,
    visibleCounts: function () {
      var rel = 0; visible.edges.forEach(function (id) { if (EDGE[id]) rel += 1; });
      return { nodes: visible.nodes.size, edges: rel, affiliations: visible.edges.size - rel };
    }
  };
})();
