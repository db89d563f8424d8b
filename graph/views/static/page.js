// The actor graph page: reads the JSON in #ag-data and drives vis-network (inlined before this script).
// Every data string reaches the page through el() / textContent, never as markup: article text is
// untrusted. The page fetches nothing; window.actorgraph exposes the live objects for tests.
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
  function fmt(x, d) {
    if (x === null || x === undefined) return "";
    if (typeof x !== "number") return String(x);
    return Number.isInteger(x) ? String(x) : x.toFixed(d === undefined ? 3 : d);
  }
  // Thousands separated as in the CLI's summary line ("1,476 relations"), whatever the browser's locale.
  function num(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function plural(n, word) { return num(n) + " " + word + (n === 1 ? "" : "s"); }

  var REL = {}; DATA.relations.forEach(function (r) { REL[r.id] = r; });
  var TYPE = {}; DATA.types.forEach(function (t) { TYPE[t.id] = t; });
  var NODE = {}; DATA.nodes.forEach(function (n) { NODE[n.id] = n; });
  var EDGE = {}; DATA.edges.forEach(function (e) { EDGE[e.id] = e; });
  var AFF = {}; DATA.affiliations.forEach(function (a) { AFF[a.id] = a; });
  var label = function (id) { return NODE[id] ? NODE[id].label : id; };
  var big = DATA.nodes.length > 300;
  var MONTHS = DATA.months || [];
  // Strongest first: the overview shows the top N actors by weighted degree (interactions on their edges).
  var RANK = {};
  DATA.nodes.slice().sort(function (a, b) { return (b.weight - a.weight) || a.label.localeCompare(b.label); })
    .forEach(function (n, i) { RANK[n.id] = i; });

  var state = {
    rels: new Set(DATA.relations.map(function (r) { return r.id; })),
    types: new Set(DATA.types.map(function (t) { return t.id; })),
    showAll: false, hideIsolated: true, showAff: true, datedOnly: false,
    from: 0, to: Math.max(0, MONTHS.length - 1),
    topN: DATA.overview || 0, focus: null, colourBy: DATA.overview ? "bloc" : "type"
  };

  // ------------------------------------------------------------------ vis data
  function nodeColour(n) { return state.colourBy === "bloc" ? n.communityColour : TYPE[n.type].colour; }
  function edgeTitle(e) {
    var m = Object.keys(e.modalities).map(function (k) { return k + " " + e.modalities[k]; }).join(", ");
    return label(e.from) + " " + REL[e.rel].label + " " + label(e.to) + "\n" + plural(e.n, "sentence") + " (" + m + ")";
  }
  function relationEdge(e) {
    var r = REL[e.rel];
    return { id: e.id, from: e.from, to: e.to, kind: "relation", rel: e.rel, asserted: e.asserted,
             color: { color: r.colour, highlight: r.colour, hover: r.colour, opacity: e.asserted ? 0.9 : 0.7 },
             width: 1 + 1.6 * Math.log2(e.n), dashes: !e.asserted, hidden: false,
             arrows: { to: { enabled: !r.symmetric, scaleFactor: 0.6 } },
             smooth: e.curve ? { enabled: true, type: e.curve.type, roundness: e.curve.roundness } : false,
             title: edgeTitle(e) };
  }
  function officeEdge(a) {
    return { id: a.id, from: a.from, to: a.to, kind: "office", color: { color: "#aaaaaa", opacity: 0.8 },
             width: 1, dashes: [2, 4], arrows: { to: { enabled: false } }, smooth: false, hidden: false,
             title: label(a.from) + (a.title ? " \u2014 " + a.title + " of " : " \u2014 acts for ") + label(a.to) };
  }
  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    var t = TYPE[n.type];
    return { id: n.id, label: n.label, value: n.value, shape: t.shape, color: nodeColour(n), hidden: false,
             title: n.label + " \u2014 " + t.label + "\n" + DATA.sizeMetric + ": " + fmt(n.centrality) +
                    "\n" + plural(n.weight, "interaction") };
  }));
  var edges = new vis.DataSet(DATA.edges.map(relationEdge).concat(DATA.affiliations.map(officeEdge)));

  // ------------------------------------------------------------------ filters
  function periodBounds() {
    if (!MONTHS.length) return null;
    return [MONTHS[state.from] + "-01", MONTHS[state.to] + "-31"];
  }
  // An interaction passes when its modality is shown and its date (the event's, else the date it was
  // reported) overlaps the period; an interaction with neither passes unless "dated only". Every
  // interaction of an edge is in its stubs ([first day, last day, modality, count]), embedded or not.
  function passes(lo, hi, modality) {
    if (!state.showAll && modality !== "asserted") return false;
    if (!lo) return !state.datedOnly;
    var b = periodBounds();
    return !b || (hi >= b[0] && lo <= b[1]);
  }
  function evPasses(i) { var ev = DATA.evidence[i]; return passes(ev.lo, ev.hi, ev.modality); }
  function stubPasses(s) { return passes(s[0], s[1], s[2]); }
  function typeOk(id) {
    var n = NODE[id];
    return !!n && state.types.has(n.type) && (n.type !== "Official" || state.showAff);
  }
  function edgePasses(e) {
    return state.rels.has(e.rel) && typeOk(e.from) && typeOk(e.to) && e.stubs.some(stubPasses);
  }
  function neighbourhood(id, passing) {
    var out = new Set([id]);
    passing.forEach(function (e) {
      if (e.from === id) out.add(e.to);
      if (e.to === id) out.add(e.from);
    });
    DATA.affiliations.forEach(function (a) {
      if (a.from === id) out.add(a.to);
      if (a.to === id && state.showAff) out.add(a.from);
    });
    return out;
  }
  function scope(passing) {
    var allowed = null;
    if (state.topN) {
      allowed = new Set();
      DATA.nodes.forEach(function (n) { if (RANK[n.id] < state.topN) allowed.add(n.id); });
    }
    var near = state.focus ? neighbourhood(state.focus, passing) : null;
    if (allowed && near) near.forEach(function (id) { allowed.add(id); });
    return { allowed: allowed, near: near };
  }
  // The overview keeps the strongest ties among its actors too: at most TIES_PER_ACTOR per actor
  // shown, by interactions (a focused actor keeps all of its own).
  var TIES_PER_ACTOR = 2;
  function strongest(list) {
    if (!state.topN) return list;
    var own = list.filter(function (e) { return e.from === state.focus || e.to === state.focus; });
    var rest = list.filter(function (e) { return e.from !== state.focus && e.to !== state.focus; })
      .sort(function (a, b) { return (b.total - a.total) || (b.n - a.n) || (a.id < b.id ? -1 : 1); });
    return own.concat(rest.slice(0, TIES_PER_ACTOR * state.topN));
  }
  var visible = { nodes: new Set(), edges: new Set(), near: null, cut: 0 };
  function computeVisibility() {
    var passing = DATA.edges.filter(edgePasses);
    var sc = scope(passing), vn = new Set(), ve = new Set();
    var inScope = function (id) { return sc.allowed === null || sc.allowed.has(id); };
    var within = passing.filter(function (e) { return inScope(e.from) && inScope(e.to); });
    var kept = strongest(within);
    kept.forEach(function (e) { ve.add(e.id); vn.add(e.from); vn.add(e.to); });
    if (state.showAff) DATA.affiliations.forEach(function (a) {
      if (typeOk(a.from) && typeOk(a.to) && inScope(a.from) && inScope(a.to)) { ve.add(a.id); vn.add(a.from); vn.add(a.to); }
    });
    if (!state.hideIsolated) DATA.nodes.forEach(function (n) { if (typeOk(n.id) && inScope(n.id)) vn.add(n.id); });
    if (state.focus && NODE[state.focus] && typeOk(state.focus)) vn.add(state.focus);
    return { nodes: vn, edges: ve, near: sc.near, cut: within.length - kept.length };
  }
  var FADED = "rgba(200,200,200,0.35)";
  function styleNode(n, v) {
    var hidden = !v.nodes.has(n.id), faded = v.near && !v.near.has(n.id);
    var c = faded ? { background: FADED, border: FADED } : nodeColour(n);
    return { id: n.id, hidden: hidden, physics: !hidden, color: c,
             font: { color: faded ? "rgba(120,120,120,0.45)" : "#222" } };
  }
  function styleEdge(id, v) {
    var hidden = !v.edges.has(id), e = EDGE[id] || AFF[id];
    var faded = v.near && !(e.from === state.focus || e.to === state.focus);
    var base = EDGE[id] ? relationEdge(EDGE[id]).color : officeEdge(AFF[id]).color;
    return { id: id, hidden: hidden, physics: !hidden, color: faded ? { color: FADED, opacity: 0.25 } : base };
  }
  function applyFilters() {
    var v = computeVisibility();
    visible = v;
    nodes.update(DATA.nodes.map(function (n) { return styleNode(n, v); }));
    edges.update(edges.getIds().map(function (id) { return styleEdge(id, v); }));
    updateSummary();
    updateHistogram();
    if (network && layoutNeeded()) relayout();
  }
  function visibleCounts() {
    var rel = 0; visible.edges.forEach(function (id) { if (EDGE[id]) rel += 1; });
    return { nodes: visible.nodes.size, edges: rel, affiliations: visible.edges.size - rel };
  }
  function updateSummary() {
    var c = visibleCounts();
    $("ag-counts").textContent = DATA.countsLine;
    var s = "\u00b7 showing " + num(c.nodes) + " of " + num(DATA.nodes.length) + " actors, " + num(c.edges) + " of " +
      num(DATA.edges.length) + " relations";
    if (state.topN) s += " (overview: the " + state.topN + " actors with most interactions" +
      (visible.cut ? ", their " + c.edges + " strongest ties" : "") + ")";
    if (DATA.droppedNodes) s += " \u00b7 " + DATA.droppedNodes + " of " + DATA.totalNodes + " actors left out of this page (--max-nodes)";
    $("ag-summary").textContent = s;
  }

  // ------------------------------------------------------------------ controls
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
  function setupRelations() {
    DATA.relations.forEach(function (r) {
      var sw = el("span", null, "ag-swatch"); sw.style.background = r.colour;
      var n = DATA.edges.filter(function (e) { return e.rel === r.id; }).length;
      relBoxes[r.id] = checkbox($("ag-relations"), r.label + (r.symmetric ? " \u2194" : " \u2192"), true,
        function (on) { if (on) state.rels.add(r.id); else state.rels.delete(r.id); }, sw, n);
      relBoxes[r.id].dataset.relation = r.id;
    });
    function setAll(on) {
      DATA.relations.forEach(function (r) { relBoxes[r.id].checked = on; if (on) state.rels.add(r.id); else state.rels.delete(r.id); });
      applyFilters();
    }
    $("ag-rel-all").addEventListener("click", function () { setAll(true); });
    $("ag-rel-none").addEventListener("click", function () { setAll(false); });
  }
  function setupTypes() {
    DATA.types.forEach(function (t) {
      if (t.id === "Official") return;  // the officials toggle below shows and hides them
      var g = el("span", t.glyph, "ag-glyph"); g.style.color = t.colour;
      var n = DATA.nodes.filter(function (x) { return x.type === t.id; }).length;
      checkbox($("ag-types"), t.label, true, function (on) { if (on) state.types.add(t.id); else state.types.delete(t.id); }, g, n)
        .dataset.type = t.id;
    });
    $("ag-show-aff").addEventListener("change", function (ev) { state.showAff = ev.target.checked; applyFilters(); });
    $("ag-show-all").addEventListener("change", function (ev) { state.showAll = ev.target.checked; applyFilters(); });
    $("ag-hide-isolated").addEventListener("change", function (ev) { state.hideIsolated = ev.target.checked; applyFilters(); });
  }
  function setupColour() {
    $("ag-colour-" + state.colourBy).checked = true;
    ["type", "bloc"].forEach(function (k) {
      $("ag-colour-" + k).addEventListener("change", function () { state.colourBy = k; applyFilters(); drawBlocs(); });
    });
    drawBlocs();
  }
  function drawBlocs() {
    var box = $("ag-blocs"); box.replaceChildren();
    if (state.colourBy !== "bloc") return;
    var blocs = {};
    DATA.nodes.forEach(function (n) {
      if (n.community === null || n.community === undefined) return;
      (blocs[n.community] = blocs[n.community] || []).push(n);
    });
    var keys = Object.keys(blocs).sort(function (a, b) { return blocs[b].length - blocs[a].length; });
    keys.slice(0, 8).forEach(function (k) {
      var members = blocs[k].sort(function (a, b) { return b.weight - a.weight; });
      var row = el("div"), dot = el("span", null, "ag-dot");
      dot.style.background = members[0].communityColour;
      row.appendChild(dot);
      row.appendChild(el("span", members.slice(0, 3).map(function (n) { return n.label; }).join(", ") +
        (members.length > 3 ? " +" + (members.length - 3) : "")));
      box.appendChild(row);
    });
    box.appendChild(el("div", "blocs: communities of the cooperation ties (Louvain)"));
  }
  function setupOverview() {
    var sel = $("ag-top"), sizes = [20, 40, 80, 150].filter(function (k) { return k < DATA.nodes.length; });
    if (state.topN && sizes.indexOf(state.topN) < 0) sizes.push(state.topN);
    sizes.sort(function (a, b) { return a - b; }).forEach(function (k) {
      var o = el("option", "the top " + k); o.value = String(k); sel.appendChild(o);
    });
    var all = el("option", "all " + DATA.nodes.length); all.value = "0"; sel.appendChild(all);
    sel.value = String(state.topN);
    sel.addEventListener("change", function () { setTopN(parseInt(sel.value, 10)); });
    $("ag-top-note").textContent = "ranked by weighted degree (interactions on their edges); a focused actor's neighbours are always shown.";
  }
  function setTopN(k) {
    state.topN = k; $("ag-top").value = String(k);
    applyFilters();
    if (network) network.fit({ nodes: Array.from(visible.nodes) });
  }

  // ------------------------------------------------------------------ time
  function setupTime() {
    if (!MONTHS.length) {
      $("ag-date-range").textContent = "no interaction carries a date.";
      $("ag-from").disabled = $("ag-to").disabled = true;
      return;
    }
    ["ag-from", "ag-to"].forEach(function (id) { $(id).max = String(MONTHS.length - 1); });
    $("ag-from").value = "0"; $("ag-to").value = String(MONTHS.length - 1);
    function onSlide(which) {
      var f = parseInt($("ag-from").value, 10), t = parseInt($("ag-to").value, 10);
      if (f > t) { if (which === "from") t = f; else f = t; }
      setPeriod(f, t);
    }
    $("ag-from").addEventListener("input", function () { onSlide("from"); });
    $("ag-to").addEventListener("input", function () { onSlide("to"); });
    $("ag-dated-only").addEventListener("change", function (ev) { state.datedOnly = ev.target.checked; applyFilters(); });
    $("ag-date-range").textContent = "An interaction sits at its own date, else at the date its document was reported (" +
      DATA.dateRange[0] + " \u2013 " + DATA.dateRange[1] + "); undated ones stay unless \u201cdated only\u201d is ticked.";
    var hist = $("ag-histogram"), per = {}, peak = 1;
    DATA.edges.forEach(function (e) {
      e.stubs.forEach(function (s) { if (s[0]) { var m = s[0].slice(0, 7); per[m] = (per[m] || 0) + s[3]; } });
    });
    MONTHS.forEach(function (m) { peak = Math.max(peak, per[m] || 0); });
    MONTHS.forEach(function (m) {
      var bar = el("div"); bar.style.height = Math.round(100 * (per[m] || 0) / peak) + "%";
      bar.title = m + ": " + plural(per[m] || 0, "interaction"); bar.dataset.month = m; hist.appendChild(bar);
    });
    showPeriod();
  }
  function setPeriod(f, t) {
    state.from = Math.max(0, Math.min(f, MONTHS.length - 1));
    state.to = Math.max(state.from, Math.min(t, MONTHS.length - 1));
    $("ag-from").value = String(state.from); $("ag-to").value = String(state.to);
    showPeriod();
    applyFilters();
  }
  function showPeriod() {
    if (!MONTHS.length) return;
    $("ag-period").textContent = MONTHS[state.from] + (state.to !== state.from ? " \u2013 " + MONTHS[state.to] : "");
  }
  function updateHistogram() {
    Array.prototype.forEach.call($("ag-histogram").children, function (bar, i) {
      bar.className = (i < state.from || i > state.to) ? "ag-out" : "";
    });
  }

  // ------------------------------------------------------------------ network and layout
  var iterations = DATA.nodes.length <= 100 ? 1000 : 400;
  // Layout is bounded twice: by iterations, and by wall-clock time (checked every few iterations),
  // so a slow machine gets a rougher layout rather than a long wait. Only visible actors take part.
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
  var network = null, laidOut = new Set(), layoutStart = null;
  function layoutNeeded() {
    var needed = false;
    visible.nodes.forEach(function (id) { if (!laidOut.has(id)) needed = true; });
    return needed;
  }
  function relayout() {
    if (!network) return;
    window.__stabilizedAt = undefined;  // tests and screenshots wait for the new layout
    document.body.removeAttribute("data-ready");
    $("ag-loading").hidden = false;
    layoutStart = null;
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(iterations);
  }
  function startNetwork() {
    if (!DATA.nodes.length) {
      $("ag-loading").hidden = true;
      $("ag-graph-wrap").appendChild(el("div", "No interactions in this graph.", "")).id = "ag-empty";
      window.__stabilizedAt = performance.now();
      return;
    }
    T.beforeNetwork = performance.now();
    network = new vis.Network($("ag-graph"), { nodes: nodes, edges: edges }, options);
    T.network = performance.now();
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
      visible.nodes.forEach(function (id) { laidOut.add(id); });
      network.setOptions({ physics: { enabled: false } });
      network.fit({ nodes: Array.from(visible.nodes) });
      $("ag-loading").hidden = true;
      window.__stabilizedAt = performance.now();
      document.body.setAttribute("data-ready", "1");
    });
    network.on("click", function (p) {
      if (p.nodes.length) { focusOn(p.nodes[0]); showNode(p.nodes[0]); }
      else if (p.edges.length) showEdge(p.edges[0]);
      else { clearFocus(); clearPanel(); }
    });
  }

  // ------------------------------------------------------------------ focus
  function focusOn(id) {
    if (!NODE[id]) return;
    state.focus = id;
    $("ag-focus-bar").hidden = false;
    $("ag-focus-label").textContent = "Focus: " + label(id) + " and its neighbours";
    applyFilters();
  }
  function clearFocus() {
    if (!state.focus) return;
    state.focus = null;
    $("ag-focus-bar").hidden = true;
    applyFilters();
  }
  $("ag-focus-exit").addEventListener("click", function () { clearFocus(); if (network) network.unselectAll(); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") clearFocus(); });

  // ------------------------------------------------------------------ search
  // Labels, ids and every other name the gazetteer or the text gives (aliases, abbreviations,
  // capitals, demonyms, surnames), compared without case, dots or spaces: "U.S." finds "US".
  function norm(s) { return String(s || "").toLowerCase().replace(/[.\s\u2019']+/g, ""); }
  var byLabel = DATA.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); });
  var NAMES = {};
  DATA.nodes.forEach(function (n) {
    [n.label, n.id].concat(n.names || []).forEach(function (name) {
      var k = norm(name); if (!k) return;
      (NAMES[k] = NAMES[k] || []).push(n);
    });
  });
  function setupSearch() {
    var list = $("ag-actors"), seen = new Set();
    byLabel.forEach(function (n) {
      [n.label].concat(n.names || []).forEach(function (name) {
        if (seen.has(name + "\u0000" + n.id)) return;
        seen.add(name + "\u0000" + n.id);
        var o = el("option"); o.value = name; if (name !== n.label) o.label = n.label; list.appendChild(o);
      });
    });
    $("ag-search-go").addEventListener("click", search);
    $("ag-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });
    $("ag-search").addEventListener("change", search);
  }
  function best(list) {
    return list.slice().sort(function (a, b) { return (b.weight - a.weight) || a.label.localeCompare(b.label); })[0] || null;
  }
  function findActor(q) {
    var k = norm(q);
    if (!k) return null;
    if (NAMES[k]) return best(NAMES[k]);
    var keys = Object.keys(NAMES), pre = [], sub = [];
    keys.forEach(function (name) {
      if (name.indexOf(k) === 0) pre = pre.concat(NAMES[name]);
      else if (name.indexOf(k) > 0) sub = sub.concat(NAMES[name]);
    });
    return best(pre.length ? pre : sub);
  }
  function search() {
    var n = findActor($("ag-search").value);
    $("ag-search-msg").textContent = n ? "" : "no such actor";
    if (!n) return null;
    focusOn(n.id);
    if (network && visible.nodes.has(n.id)) {
      network.selectNodes([n.id], true);
      network.focus(n.id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400 } });
    }
    showNode(n.id);
    return n.id;
  }

  // ------------------------------------------------------------------ side panel
  var panel = $("ag-panel-body");
  function clearPanel() {
    panel.replaceChildren(el("p", "Select an actor or an edge.", "ag-hint"));
    panel.removeAttribute("data-edge"); panel.removeAttribute("data-node");
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
  function arrow(r) { return r.symmetric ? " \u2194 " : " \u2192 "; }
  function edgeText(e) {
    var r = REL[e.rel];
    return label(e.from) + arrow(r) + r.label + arrow(r) + label(e.to) + " (" + e.n + ")";
  }
  function relationList(list, max) {
    var ul = el("ul");
    list.slice(0, max).forEach(function (e) {
      var li = el("li");
      li.appendChild(linkButton(edgeText(e), function () { selectEdge(e.id); }));
      if (!e.asserted) li.appendChild(el("span", " not asserted", "ag-meta"));
      ul.appendChild(li);
    });
    if (list.length > max) ul.appendChild(el("li", "\u2026 and " + (list.length - max) + " more (strongest listed first)", "ag-meta"));
    return ul;
  }
  function nodeHead(n) {
    var t = TYPE[n.type], head = el("h2", null, "ag-title"), g = el("span", t.glyph + " ", "ag-glyph");
    g.style.color = t.colour; head.appendChild(g); head.appendChild(document.createTextNode(n.label));
    return head;
  }
  function showNode(id) {
    var n = NODE[id]; if (!n) return;
    var t = TYPE[n.type], parts = [nodeHead(n), el("div", n.iri, "ag-iri")];
    if (!visible.nodes.has(id)) parts.push(el("p", "Hidden by the current filters.", "ag-note"));
    var wd = null;
    if (n.wikidata && /^Q[0-9]+$/.test(n.wikidata)) {
      wd = el("a", "Wikidata " + n.wikidata);
      wd.href = "https://www.wikidata.org/wiki/" + n.wikidata; wd.target = "_blank"; wd.rel = "noopener noreferrer";
    }
    var aff = DATA.affiliations.filter(function (a) { return a.from === id; }).map(function (a) { return label(a.to); });
    var others = (n.names || []).filter(function (x) { return x !== n.label; });
    parts.push(dl([["type", t.label], ["acts for", aff.join(", ")], ["also called", others.slice(0, 12).join(", ")], ["link", wd]]));
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
    var rows = [["relations (all claims)", n.degree], ["interactions", n.weight], ["size by", DATA.sizeMetric]];
    Object.keys(n.metrics).forEach(function (k) { rows.push([k, fmt(n.metrics[k], 4)]); });
    parts.push(dl(rows));
    var mine = DATA.edges.filter(function (e) { return e.from === id || e.to === id; });
    mine.sort(function (a, b) { return (b.asserted - a.asserted) || (b.n - a.n) || a.rel.localeCompare(b.rel); });
    if (mine.length) { parts.push(el("h2", "Relations (" + mine.length + ")")); parts.push(relationList(mine, 150)); }
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
  function evidenceMeta(ev, e) {
    var bits = [];
    if (ev.confidence != null) bits.push("confidence " + fmt(ev.confidence, 2));
    if (ev.date) bits.push("date " + ev.date + (ev.dateText ? " (\u201c" + ev.dateText + "\u201d)" : ""));
    if (ev.reportedOn) bits.push("reported " + ev.reportedOn);
    if (!ev.date && !ev.reportedOn) bits.push("undated");
    if (ev.cameo) bits.push("CAMEO " + ev.cameo);
    if (ev.quad) bits.push(ev.quad);
    if (ev.goldstein != null) bits.push("Goldstein " + fmt(ev.goldstein, 1));
    if (ev.trigger) bits.push("trigger \u201c" + ev.trigger + "\u201d");
    if (ev.reportedBy) bits.push("reported by " + ev.reportedBy);
    if (ev.otherParty) bits.push("between " + label(e.to) + " and " + ev.otherParty);
    if (ev.official) bits.push("through " + ev.official);
    if (ev.rule) bits.push("rule " + ev.rule);
    var meta = el("div", null, "ag-meta");
    meta.appendChild(el("span", ev.modality, "ag-badge " + ev.modality));
    meta.appendChild(document.createTextNode(bits.join(" \u00b7 ")));
    return meta;
  }
  function evidenceItem(i, e) {
    var ev = DATA.evidence[i], li = el("li");
    if (!evPasses(i)) { li.className = "ag-filtered"; li.title = "outside the current filters"; }
    li.appendChild(sentence(ev));
    li.appendChild(evidenceMeta(ev, e));
    var d = DATA.documents[ev.doc] || {};
    li.appendChild(el("div", "\u2014 " + (d.title || "untitled document") + (d.date ? ", " + d.date : "") + (d.source ? " \u00b7 " + d.source : ""), "ag-meta ag-doc"));
    li.setAttribute("data-evidence", String(i));
    return li;
  }
  // The page embeds the first sentences of a busy edge; the rest are one query away.
  function moreEvidence(e, r) {
    var p = el("p", null, "ag-note ag-more");
    p.appendChild(document.createTextNode("\u2026 and " + plural(e.total - e.ev.length, "more interaction") +
      " (the first " + e.ev.length + " are shown). All of them: "));
    var iri = function (id) { return /^[A-Za-z0-9_]+$/.test(id) ? id : "<" + (NODE[id] ? NODE[id].iri : id) + ">"; };
    p.appendChild(el("code", "actorgraph query --name evidence --bind source=" + iri(e.from) + " --bind relation=" +
      e.rel + " --bind target=" + iri(e.to)));
    if (r.symmetric) p.appendChild(document.createTextNode(" (and with source and target swapped)"));
    return p;
  }
  function showEdge(id) {
    if (AFF[id]) { var a = AFF[id]; return showNode(a.from); }
    var e = EDGE[id]; if (!e) return;
    var r = REL[e.rel];
    var head = el("h2", null, "ag-title"), sw = el("span", null, "ag-swatch");
    sw.style.background = r.colour; head.appendChild(sw);
    head.appendChild(document.createTextNode(" " + label(e.from) + arrow(r) + r.label + arrow(r) + label(e.to)));
    var parts = [head];
    var mods = Object.keys(e.modalities).map(function (k) { return k + " " + e.modalities[k]; }).join(", ");
    parts.push(dl([["sentences", e.n], ["interactions", num(e.total) + " (" + mods + ")"], ["class", r.quad + (r.sign ? " (" + (r.sign > 0 ? "+" : "\u2212") + ")" : "")],
                   ["acting through", e.officials.map(label).join(", ")]]));
    if (!e.asserted) parts.push(el("p", "No interaction on this edge is asserted as fact: it is drawn dashed.", "ag-note"));
    parts.push(el("h2", "Evidence"));
    var ol = el("ol", null, "ag-evidence");
    e.ev.forEach(function (i) { ol.appendChild(evidenceItem(i, e)); });
    parts.push(ol);
    if (e.total > e.ev.length) parts.push(moreEvidence(e, r));
    // every relation between the same two actors, so parallel edges can be told apart and reached
    var also = DATA.edges.filter(function (x) {
      return x.id !== e.id && ((x.from === e.from && x.to === e.to) || (x.from === e.to && x.to === e.from));
    });
    if (also.length) { parts.push(el("h2", "Also between these two (" + also.length + ")", "ag-also")); parts.push(relationList(also, 50)); }
    panel.replaceChildren.apply(panel, parts);
    panel.setAttribute("data-edge", id); panel.removeAttribute("data-node");
  }

  // ------------------------------------------------------------------ start
  setupRelations();
  setupTypes();
  setupColour();
  setupOverview();
  setupTime();
  setupSearch();
  applyFilters();
  startNetwork();
  $("ag-fit").addEventListener("click", function () { if (network) network.fit({ nodes: Array.from(visible.nodes), animation: { duration: 300 } }); });
  $("ag-relayout").addEventListener("click", relayout);

  // For tests and for the curious: the live objects, read-only by convention.
  window.actorgraph = {
    data: DATA, network: network, nodes: nodes, edges: edges, state: state,
    applyFilters: applyFilters, showNode: showNode, showEdge: showEdge, selectEdge: selectEdge, search: search,
    findActor: function (q) { var n = findActor(q); return n ? n.id : null; },
    focus: focusOn, clearFocus: clearFocus, setTopN: setTopN, setPeriod: setPeriod,
    visibleCounts: visibleCounts, visibleIds: function () { return { nodes: Array.from(visible.nodes), edges: Array.from(visible.edges) }; }
  };
})();
