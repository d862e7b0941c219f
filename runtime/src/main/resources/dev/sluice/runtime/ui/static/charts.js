// Sluice charts: a timeline and a histogram drawn on a canvas, no library.
"use strict";

const Charts = (() => {
  const AXIS = "#8792a2", GRID = "#edf0f4", TEXT = "#5b6675";
  const PAD = { left: 52, right: 12, top: 10, bottom: 24 };

  function setup(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = "11px system-ui, sans-serif";
    return { ctx, width, height };
  }

  // A "nice" upper bound and step for an axis from 0 to max.
  function niceScale(max) {
    if (!(max > 0)) max = 1;
    const rough = max / 4, power = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 2.5, 5, 10].map(f => f * power).find(s => s >= rough);
    return { max: Math.ceil(max / step) * step, step };
  }

  function label(value, unit) {
    if (unit === "B") return bytes(value);
    if (unit === "ms") {
      if (value >= 10000) return (value / 1000).toFixed(0) + " s";
      if (value >= 1000) return (value / 1000).toFixed(1) + " s";
      return (value >= 10 || value === 0 ? value.toFixed(0) : value.toFixed(1)) + " ms";
    }
    if (value >= 1e6) return (value / 1e6).toFixed(1) + "M";
    if (value >= 1e3) return (value / 1e3).toFixed(1) + "k";
    return value >= 10 || value === 0 ? value.toFixed(0) : value.toFixed(1);
  }

  // Bytes in binary units: 133 B, 1.5 KiB, 210 MiB.
  function bytes(value) {
    if (value < 1024) return value + " B";
    const units = ["KiB", "MiB", "GiB", "TiB"];
    let v = value / 1024, u = 0;
    while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
    return (v >= 100 ? v.toFixed(0) : v.toFixed(1)) + " " + units[u];
  }

  function clock(ms) {
    const d = new Date(ms);
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map(n => String(n).padStart(2, "0")).join(":");
  }

  // series: [{name, color, points: [[batchTime, value]]}], options: {unit ("" for records/s, "ms", "B"),
  // line: {value, color}, onClick(x)}
  function timeline(canvas, series, options) {
    const { ctx, width, height } = setup(canvas);
    const all = series.flatMap(s => s.points);
    const plotW = width - PAD.left - PAD.right, plotH = height - PAD.top - PAD.bottom;
    let maxY = Math.max(0, ...all.map(p => p[1]));
    if (options.line) maxY = Math.max(maxY, options.line.value * 1.15);
    const y = niceScale(maxY);
    const xs = all.map(p => p[0]);
    let minX = Math.min(...xs), maxX = Math.max(...xs);
    if (!all.length) { minX = 0; maxX = 1; }
    if (minX === maxX) { minX -= 1; maxX += 1; }
    const px = x => PAD.left + (x - minX) / (maxX - minX) * plotW;
    const py = v => PAD.top + plotH - v / y.max * plotH;

    ctx.strokeStyle = GRID; ctx.fillStyle = TEXT; ctx.lineWidth = 1;
    ctx.textAlign = "right"; ctx.textBaseline = "middle";
    for (let v = 0; v <= y.max + 1e-9; v += y.step) {
      ctx.beginPath(); ctx.moveTo(PAD.left, py(v)); ctx.lineTo(width - PAD.right, py(v)); ctx.stroke();
      ctx.fillText(label(v, options.unit), PAD.left - 6, py(v));
    }
    ctx.strokeStyle = AXIS;
    ctx.beginPath(); ctx.moveTo(PAD.left, PAD.top); ctx.lineTo(PAD.left, PAD.top + plotH); ctx.lineTo(width - PAD.right, PAD.top + plotH); ctx.stroke();
    if (all.length) {
      ctx.textAlign = "center"; ctx.textBaseline = "top";
      const ticks = Math.max(2, Math.min(6, Math.floor(plotW / 90)));
      for (let i = 0; i <= ticks; i++) {
        const x = minX + (maxX - minX) * i / ticks;
        ctx.textAlign = i === 0 ? "left" : i === ticks ? "right" : "center";
        ctx.fillText(clock(x), px(x), PAD.top + plotH + 6);
      }
    } else {
      ctx.textAlign = "center"; ctx.fillText("no completed batches yet", PAD.left + plotW / 2, PAD.top + plotH / 2);
    }
    if (options.line) {
      ctx.save(); ctx.strokeStyle = options.line.color; ctx.setLineDash([6, 4]); ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.moveTo(PAD.left, py(options.line.value)); ctx.lineTo(width - PAD.right, py(options.line.value)); ctx.stroke();
      ctx.restore();
    }
    for (const s of series) {
      if (!s.points.length) continue;
      // a light area under the first series, then the line and the points
      if (series.length === 1) {
        ctx.beginPath(); ctx.moveTo(px(s.points[0][0]), py(0));
        s.points.forEach(p => ctx.lineTo(px(p[0]), py(p[1])));
        ctx.lineTo(px(s.points[s.points.length - 1][0]), py(0)); ctx.closePath();
        ctx.fillStyle = s.color + "22"; ctx.fill();
      }
      ctx.strokeStyle = s.color; ctx.lineWidth = 1.8; ctx.beginPath();
      s.points.forEach((p, i) => i ? ctx.lineTo(px(p[0]), py(p[1])) : ctx.moveTo(px(p[0]), py(p[1])));
      ctx.stroke();
      if (s.points.length <= 120) {
        ctx.fillStyle = s.color;
        s.points.forEach(p => { ctx.beginPath(); ctx.arc(px(p[0]), py(p[1]), 2.4, 0, 2 * Math.PI); ctx.fill(); });
      }
    }
    canvas._chart = { series, px, py, unit: options.unit, onClick: options.onClick, height };
    if (!canvas._bound) bindHover(canvas);
  }

  function nearest(canvas, event) {
    const chart = canvas._chart;
    if (!chart) return null;
    const rect = canvas.getBoundingClientRect(), mx = event.clientX - rect.left;
    let best = null;
    for (const s of chart.series) for (const p of s.points) {
      const d = Math.abs(chart.px(p[0]) - mx);
      if (!best || d < best.d) best = { d, x: p[0], rows: [] };
    }
    if (!best || best.d > 24) return null;
    for (const s of chart.series) for (const p of s.points) if (p[0] === best.x) best.rows.push(s.name + ": " + label(p[1], chart.unit) + (chart.unit === "" ? " records/s" : ""));
    return best;
  }

  function bindHover(canvas) {
    canvas._bound = true;
    const tip = document.getElementById("tooltip");
    canvas.addEventListener("mousemove", e => {
      const hit = nearest(canvas, e);
      if (!hit) { tip.hidden = true; canvas.style.cursor = ""; return; }
      tip.textContent = "Batch " + clock(hit.x) + " (" + hit.x + ")\n" + hit.rows.join("\n");
      tip.style.left = (e.clientX + 14) + "px"; tip.style.top = (e.clientY + 10) + "px"; tip.hidden = false;
      canvas.style.cursor = canvas._chart.onClick ? "pointer" : "";
    });
    canvas.addEventListener("mouseleave", () => { tip.hidden = true; });
    canvas.addEventListener("click", e => {
      const hit = nearest(canvas, e);
      if (hit && canvas._chart.onClick) canvas._chart.onClick(hit.x);
    });
  }

  // Horizontal bars: how many batches fell in each value bucket, values on the vertical axis.
  function histogram(canvas, values, options) {
    const { ctx, width, height } = setup(canvas);
    const plotW = width - PAD.left - PAD.right, plotH = height - PAD.top - PAD.bottom;
    let maxY = Math.max(0, ...values);
    if (options.line) maxY = Math.max(maxY, options.line.value * 1.15);
    const y = niceScale(maxY);
    const buckets = 10, counts = new Array(buckets).fill(0);
    values.forEach(v => counts[Math.min(buckets - 1, Math.floor(v / y.max * buckets))]++);
    const maxCount = Math.max(1, ...counts);
    const py = v => PAD.top + plotH - v / y.max * plotH;
    ctx.fillStyle = TEXT; ctx.textAlign = "right"; ctx.textBaseline = "middle"; ctx.strokeStyle = GRID;
    for (let v = 0; v <= y.max + 1e-9; v += y.step) {
      ctx.beginPath(); ctx.moveTo(PAD.left, py(v)); ctx.lineTo(width - PAD.right, py(v)); ctx.stroke();
      ctx.fillText(label(v, options.unit), PAD.left - 6, py(v));
    }
    const bandH = plotH / buckets;
    counts.forEach((count, i) => {
      if (!count) return;
      const w = count / maxCount * (plotW - 28);
      const top = PAD.top + plotH - (i + 1) * bandH + 1;
      ctx.fillStyle = options.color + "bb";
      ctx.fillRect(PAD.left + 1, top, Math.max(2, w), bandH - 2);
      ctx.fillStyle = TEXT; ctx.textAlign = "left";
      ctx.fillText(String(count), PAD.left + w + 5, top + bandH / 2);
    });
    ctx.strokeStyle = AXIS;
    ctx.beginPath(); ctx.moveTo(PAD.left, PAD.top); ctx.lineTo(PAD.left, PAD.top + plotH); ctx.lineTo(width - PAD.right, PAD.top + plotH); ctx.stroke();
    ctx.fillStyle = TEXT; ctx.textAlign = "center"; ctx.textBaseline = "top";
    ctx.fillText("batches", PAD.left + plotW / 2, PAD.top + plotH + 6);
    if (options.line) {
      ctx.save(); ctx.strokeStyle = options.line.color; ctx.setLineDash([6, 4]); ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.moveTo(PAD.left, py(options.line.value)); ctx.lineTo(width - PAD.right, py(options.line.value)); ctx.stroke();
      ctx.restore();
    }
  }

  return { timeline, histogram, label, bytes, clock };
})();
