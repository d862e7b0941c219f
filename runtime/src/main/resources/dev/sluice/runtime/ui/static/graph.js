// Sluice pipeline graph: segments as boxes of fused stages, shuffles as dashed arrows, in SVG.
"use strict";

const Graph = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const NODE_H = 40, GAP_X = 46, GAP_Y = 18, SEG_PAD = 14, SEG_TOP = 22, SEG_GAP_X = 70, SEG_GAP_Y = 24;

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }

  function fmtMs(v) { return v == null ? "–" : Charts.label(v, "ms"); }

  function draw(svg, stages) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const nodes = stages.nodes, edges = stages.edges, segments = stages.segments;
    if (!nodes.length) { svg.setAttribute("height", 20); return; }
    const byName = new Map(nodes.map(n => [n.name, n]));
    const sub = n => n.kind === "input" ? "input · " + (n.records ?? 0).toLocaleString("en-US") + " records"
      : n.kind === "output" ? "output · " + (n.records ?? 0).toLocaleString("en-US") + " records"
      : n.stateEntries != null ? "state · " + n.stateEntries.toLocaleString("en-US") + " entries · " + Charts.bytes(n.stateBytes)
      : "stage";
    const longest = Math.max(...nodes.map(n => Math.max(n.name.length * 7.6, sub(n).length * 6.2)));
    const nodeW = Math.max(110, longest + 24);
    const arrow = svg.id + "-arrow";

    // depth and row of each stage inside its segment
    const fused = edges.filter(e => e.kind === "fused");
    const shuffles = edges.filter(e => e.kind === "shuffle");
    const children = new Map(), hasParent = new Set();
    fused.forEach(e => { (children.get(e.from) || children.set(e.from, []).get(e.from)).push(e.to); hasParent.add(e.to); });
    const place = new Map();
    const segBoxes = segments.map(() => ({ rows: 0, depth: 0 }));
    nodes.filter(n => !hasParent.has(n.name)).forEach(root => {
      const seg = segBoxes[root.segment];
      const visit = (name, depth) => {
        const kids = children.get(name) || [];
        let row;
        if (!kids.length) { row = seg.rows++; }
        else { const rows = kids.map(k => visit(k, depth + 1)); row = rows[0]; }
        place.set(name, { depth, row });
        seg.depth = Math.max(seg.depth, depth + 1);
        return row;
      };
      visit(root.name, 0);
    });

    // columns of segments: after every segment that shuffles into them
    const column = segments.map(() => 0);
    segments.forEach((s, i) => {
      shuffles.filter(e => byName.get(e.to).segment === i)
        .forEach(e => { column[i] = Math.max(column[i], column[byName.get(e.from).segment] + 1); });
    });
    const colX = [], colY = [];
    let x = 8;
    const columns = Math.max(...column) + 1;
    for (let c = 0; c < columns; c++) {
      colX[c] = x; colY[c] = 8;
      const widest = Math.max(0, ...segments.map((s, i) => column[i] === c ? segBoxes[i].depth : 0));
      x += widest * nodeW + (widest - 1) * GAP_X + 2 * SEG_PAD + SEG_GAP_X;
    }
    segments.forEach((s, i) => {
      const box = segBoxes[i], c = column[i];
      box.x = colX[c]; box.y = colY[c];
      box.w = box.depth * nodeW + (box.depth - 1) * GAP_X + 2 * SEG_PAD;
      box.h = box.rows * NODE_H + (box.rows - 1) * GAP_Y + SEG_PAD + SEG_TOP;
      colY[c] += box.h + SEG_GAP_Y;
    });
    // centre shorter columns vertically
    const totalH = Math.max(...colY);
    for (let c = 0; c < columns; c++) {
      const shift = (totalH - colY[c]) / 2;
      segments.forEach((s, i) => { if (column[i] === c) segBoxes[i].y += shift; });
    }
    const pos = name => {
      const n = byName.get(name), p = place.get(name), box = segBoxes[n.segment];
      return { x: box.x + SEG_PAD + p.depth * (nodeW + GAP_X), y: box.y + SEG_TOP + p.row * (NODE_H + GAP_Y) };
    };

    const defs = el("defs", {}, svg);
    [[arrow, "#5a6b80"], [arrow + "-shuffle", "#8a5bd1"]].forEach(([id, color]) => {
      const m = el("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
      el("path", { d: "M0,0 L10,5 L0,10 z", fill: color }, m);
    });
    segments.forEach((s, i) => {
      const box = segBoxes[i];
      el("rect", { class: "segment", x: box.x, y: box.y, width: box.w, height: box.h, rx: 8 }, svg);
      const t = el("text", { class: "segment-label", x: box.x + 10, y: box.y + 15 }, svg);
      t.textContent = "segment " + i + " · " + s.tasks + " tasks · mean " + fmtMs(s.meanTimeMs);
    });
    const edgeLayer = el("g", {}, svg);
    edges.forEach(e => {
      const a = pos(e.from), b = pos(e.to);
      const x1 = a.x + nodeW, y1 = a.y + NODE_H / 2, x2 = b.x - 2, y2 = b.y + NODE_H / 2;
      const mid = (x1 + x2) / 2;
      const shuffle = e.kind === "shuffle";
      el("path", { class: "edge " + e.kind, d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`,
        "marker-end": "url(#" + arrow + (shuffle ? "-shuffle)" : ")") }, edgeLayer);
      if (shuffle) {
        const t = el("text", { class: "edge-label", x: x1 + 8, y: y1 - 6 }, edgeLayer); // by its source, clear of the curve
        t.textContent = "shuffle";
      }
    });
    nodes.forEach(n => {
      const p = pos(n.name);
      const g = el("g", { class: "node " + n.kind + (n.stateEntries != null ? " stateful" : ""), "data-stage": n.name }, svg);
      if (n.stateEntries != null) el("title", {}, g).textContent = "state as of the last checkpoint, batch " + stages.stateAsOf;
      el("rect", { x: p.x, y: p.y, width: nodeW, height: NODE_H, rx: 6 }, g);
      const name = el("text", { x: p.x + 10, y: p.y + 17 }, g);
      name.textContent = n.name;
      const detail = el("text", { class: "sub", x: p.x + 10, y: p.y + 31 }, g);
      detail.textContent = sub(n);
    });
    const width = Math.max(...segBoxes.map(b => b.x + b.w)) + 10;
    svg.setAttribute("width", width);
    svg.setAttribute("height", totalH);
    svg.setAttribute("viewBox", `0 0 ${width} ${totalH}`);
  }

  return { draw };
})();
