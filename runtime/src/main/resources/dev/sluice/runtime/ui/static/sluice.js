// Sluice monitoring page: polls the JSON API under api/v1/ and draws it; no library, no build.
"use strict";

const COLORS = ["#1f6feb", "#1a7f37", "#b26b00", "#8a5bd1", "#c62828", "#00838f"];
const POLL_MS = 1000;
const $ = id => document.getElementById(id);

function text(value) { return value == null ? "–" : String(value); }
function ms(value) { return value == null ? "–" : Charts.label(value, "ms"); }
function count(value) { return value == null ? "–" : Number(value).toLocaleString("en-US"); }
function bytes(value) { return value == null ? "–" : Charts.bytes(value); }
// A snapshot's copy takes microseconds: shown as such rather than as 0.0 ms.
function fineMs(value) { return value != null && value > 0 && value < 1 ? (value * 1000).toFixed(0) + " µs" : ms(value); }
function stateText(stage) { return stage.name + ": " + count(stage.entries) + " entries, " + bytes(stage.bytes); }
function rate(value) { return value == null ? "–" : Charts.label(value, "") + " records/s"; }
function when(time) {
  if (time == null) return "–";
  const d = new Date(time), two = n => String(n).padStart(2, "0");
  return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + " " + Charts.clock(time);
}
function batchLabel(time) { return Charts.clock(time) + " (" + time + ")"; }
function span(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s + " s";
  if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
  return Math.floor(s / 3600) + " h " + Math.floor(s % 3600 / 60) + " min";
}
function cell(row, content, cls) {
  const td = row.insertCell();
  if (content instanceof Node) td.appendChild(content); else td.textContent = content;
  if (cls) td.className = cls;
  return td;
}
function statusSpan(status) {
  const s = document.createElement("span");
  s.className = "status " + status.replace(/ /g, "-");
  s.textContent = status;
  return s;
}
function link(href, label) { const a = document.createElement("a"); a.href = href; a.textContent = label; return a; }
function card(parent, label, value) {
  const c = document.createElement("div"); c.className = "card";
  c.innerHTML = '<div class="label"></div><div class="value"></div>';
  c.children[0].textContent = label; c.children[1].textContent = value;
  parent.appendChild(c);
}
async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(path + ": HTTP " + response.status);
  return response.json();
}
function stat(values) {
  if (!values.length) return "no batches yet";
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const p = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { mean, p50: p(0.5), p99: p(0.99), max: sorted[sorted.length - 1] };
}
function statText(id, values, unit) {
  const s = stat(values);
  const f = v => unit === "ms" ? ms(v) : rate(v);
  $(id).textContent = typeof s === "string" ? s : "mean " + f(s.mean) + " · p50 " + f(s.p50) + " · p99 " + f(s.p99) + " · max " + f(s.max);
}

let pipeline = null;

function renderHeader(p) {
  pipeline = p;
  document.title = (p.name || "Sluice") + " · Sluice";
  $("pipeline-name").textContent = p.name || "";
  const badge = $("status");
  badge.textContent = p.status; badge.className = "badge " + p.status;
  const interval = p.batchIntervalMs == null ? "–" : ms(p.batchIntervalMs);
  const verb = p.status === "running" ? "Running" : p.status === "failed" ? "Failed after running" : "Ran";
  $("summary").textContent = p.startTime == null ? "Starting…" :
    verb + " batches of " + interval + " since " + when(p.startTime) + " (" + count(p.batchesCompleted) +
    " completed batches, " + count(p.recordsProcessed) + " records), parallelism " + p.parallelism + ".";
  const failure = $("failure");
  failure.hidden = !p.failure; failure.textContent = p.failure || "";
  const cards = $("cards"); cards.innerHTML = "";
  card(cards, "Batch interval", interval);
  card(cards, "Batches completed", count(p.batchesCompleted));
  card(cards, "Records processed", count(p.recordsProcessed));
  card(cards, "Active batches", count(p.activeBatches));
  card(cards, "Mean processing", ms(p.meanProcessingTimeMs));
  card(cards, "Failed batches", count(p.batchesFailed));
}

function renderCharts(batches, p) {
  const done = batches.filter(b => b.status === "completed").reverse();
  const interval = (p.batchIntervalMs || 1000) / 1000;
  const names = p.inputs.length ? p.inputs : ["records"];
  const perInput = names.map((name, i) => ({
    name, color: COLORS[i % COLORS.length],
    points: done.map(b => [b.batchTime, (b.inputRecords[name] ?? b.records) / interval])
  }));
  const total = done.map(b => b.records / interval);
  const open = time => { location.hash = "#/batch/" + time; };
  const series = names.length > 1
    ? [{ name: "all inputs", color: "#5b6675", points: done.map(b => [b.batchTime, b.records / interval]) }, ...perInput]
    : perInput;
  const legend = $("rate-legend"); legend.innerHTML = "";
  series.forEach(s => {
    const row = document.createElement("div");
    row.innerHTML = '<span class="swatch"></span>'; row.firstChild.style.background = s.color;
    row.appendChild(document.createTextNode(s.name));
    legend.appendChild(row);
  });
  statText("rate-text", total, "");
  Charts.timeline($("rate-timeline"), series, { unit: "", onClick: open });
  Charts.histogram($("rate-histogram"), total, { unit: "", color: COLORS[0] });
  const rows = [
    ["scheduling", b => b.schedulingDelayMs, COLORS[2], null],
    ["processing", b => b.processingTimeMs, COLORS[1], { value: p.batchIntervalMs, color: "#c62828" }],
    ["total", b => b.totalDelayMs, COLORS[3], null]];
  for (const [id, value, color, line] of rows) {
    const values = done.map(value);
    statText(id + "-text", values, "ms");
    Charts.timeline($(id + "-timeline"), [{ name: id === "total" ? "total delay" : id === "processing" ? "processing time" : "scheduling delay", color, points: done.map(b => [b.batchTime, value(b)]) }],
      { unit: "ms", line, onClick: open });
    Charts.histogram($(id + "-histogram"), values, { unit: "ms", color, line });
  }
  $("stats-note").textContent = "over the last " + done.length + " completed batches";
}

// The last state snapshots: a timeline of their copy and write times, and a table; hidden until the
// first, since only a pipeline with a checkpoint directory and state takes them.
function renderCheckpoints(checkpoints, p) {
  const panel = $("checkpoints-panel");
  panel.hidden = !checkpoints.length;
  if (!checkpoints.length) return;
  const shown = checkpoints.length < p.checkpointsCompleted ? ", the last " + checkpoints.length + " shown" : "";
  $("checkpoints-count").textContent = "(" + count(p.checkpointsCompleted) + " written" + shown + ")";
  const body = $("checkpoints").tBodies[0]; body.innerHTML = "";
  checkpoints.forEach(c => {
    const row = body.insertRow();
    cell(row, link("#/batch/" + c.batchTime, batchLabel(c.batchTime)));
    cell(row, String(c.batchIndex), "num"); cell(row, fineMs(c.copyMs), "num"); cell(row, fineMs(c.writeMs), "num");
    cell(row, bytes(c.bytes), "num"); cell(row, c.stages.map(stateText).join(" · "));
  });
  const oldestFirst = [...checkpoints].reverse();
  const writes = stat(oldestFirst.map(c => c.writeMs)), copies = stat(oldestFirst.map(c => c.copyMs));
  $("checkpoint-text").textContent = "write: mean " + fineMs(writes.mean) + " · max " + fineMs(writes.max) +
    "; copy: mean " + fineMs(copies.mean) + " · max " + fineMs(copies.max);
  const open = time => { location.hash = "#/batch/" + time; };
  Charts.timeline($("checkpoint-timeline"), [
    { name: "copy", color: COLORS[1], points: oldestFirst.map(c => [c.batchTime, c.copyMs]) },
    { name: "write", color: COLORS[0], points: oldestFirst.map(c => [c.batchTime, c.writeMs]) }],
  { unit: "ms", onClick: open });
  const sizes = oldestFirst.map(c => c.bytes);
  $("checkpoint-size-text").textContent = "last " + bytes(sizes[sizes.length - 1]) + " · max " + bytes(Math.max(...sizes));
  Charts.timeline($("checkpoint-size-timeline"), [
    { name: "snapshot file", color: COLORS[3], points: oldestFirst.map(c => [c.batchTime, c.bytes]) }],
  { unit: "B", onClick: open });
}

function outputOps(b) { return b.outputOpsSucceeded + " / " + b.outputOpsTotal; }

function renderBatches(batches) {
  const active = batches.filter(b => b.status === "queued" || b.status === "processing");
  const finished = batches.filter(b => b.status === "completed" || b.status === "failed");
  const activeBody = $("active").tBodies[0]; activeBody.innerHTML = "";
  active.forEach(b => {
    const row = activeBody.insertRow();
    cell(row, link("#/batch/" + b.batchTime, batchLabel(b.batchTime)));
    cell(row, count(b.records), "num"); cell(row, ms(b.schedulingDelayMs), "num"); cell(row, ms(b.processingTimeMs), "num");
    cell(row, outputOps(b)); cell(row, statusSpan(b.status));
  });
  $("active-count").textContent = "(" + active.length + ")";
  const body = $("completed").tBodies[0]; body.innerHTML = "";
  finished.slice(0, 100).forEach(b => {
    const row = body.insertRow();
    cell(row, link("#/batch/" + b.batchTime, batchLabel(b.batchTime)));
    cell(row, count(b.records), "num"); cell(row, ms(b.schedulingDelayMs), "num"); cell(row, ms(b.processingTimeMs), "num");
    cell(row, ms(b.totalDelayMs), "num"); cell(row, outputOps(b)); cell(row, statusSpan(b.status)); cell(row, b.error || "", "error-cell");
  });
  $("completed-count").textContent = "(last " + Math.min(100, finished.length) + " of " + finished.length + " retained)";
}

function renderInputs(inputs) {
  const body = $("inputs").tBodies[0]; body.innerHTML = "";
  inputs.forEach(input => {
    const row = body.insertRow();
    cell(row, input.name); cell(row, input.source + (input.kind === "batch" ? " (asked per batch)" : ""));
    cell(row, statusSpan(input.status)); cell(row, rate(input.rate), "num"); cell(row, rate(input.meanRate), "num");
    if (input.kind === "receiver") {
      const share = input.queueCapacity ? input.queuePeak / input.queueCapacity : 0;
      const meter = document.createElement("div");
      meter.className = "meter" + (share >= 0.99 ? " full" : share >= 0.5 ? " hot" : "");
      meter.innerHTML = "<span></span><em></em>";
      meter.firstChild.style.width = Math.max(share * 100, 0.5) + "%";
      meter.lastChild.textContent = count(input.queuePeak) + " / " + count(input.queueCapacity) + " (" + (share * 100).toFixed(share < 0.1 ? 1 : 0) + "%)";
      cell(row, meter);
    } else {
      cell(row, "no queue");
    }
    cell(row, ms(input.receiverBlockedMs), "num"); cell(row, count(input.records), "num");
    const error = cell(row, input.lastError || "", "error-cell");
    if (input.lastErrorTime != null) {
      const at = document.createElement("div"); at.className = "error-time";
      at.textContent = "at " + Charts.clock(input.lastErrorTime) + " (" + input.lastErrorTime + "), " +
        count(input.errors) + (input.errors === 1 ? " error" : " errors") + " reported";
      error.appendChild(at);
    }
  });
}

function renderSegments(stages) {
  const body = $("segments").tBodies[0]; body.innerHTML = "";
  stages.segments.forEach(s => {
    const row = body.insertRow();
    cell(row, String(s.index)); cell(row, s.name); cell(row, String(s.tasks), "num");
    cell(row, ms(s.lastTimeMs), "num"); cell(row, ms(s.meanTimeMs), "num"); cell(row, ms(s.maxTimeMs), "num");
  });
}

// The last data drawn, so that an unchanged poll leaves the page (and a text selection) alone.
let drawn = null;

async function overview() {
  const [p, batches, inputs, stages, checkpoints] = await Promise.all([
    getJson("api/v1/pipeline"), getJson("api/v1/batches"), getJson("api/v1/inputs"), getJson("api/v1/stages"),
    getJson("api/v1/checkpoints")]);
  const data = JSON.stringify([p, batches, inputs, stages, checkpoints, window.innerWidth]);
  if (data === drawn) return;
  drawn = data;
  renderHeader(p);
  Graph.draw($("graph-small"), stages);
  renderBatches(batches);
  renderInputs(inputs);
  $("checkpoints-panel").hidden = !checkpoints.length; // before the charts: it moves the layout
  renderCharts(batches, p); // last: the tables settle the layout, and so the canvases' sizes
  renderCheckpoints(checkpoints, p);
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Java with its comments, strings and keywords marked; everything else escaped as text.
function highlight(code) {
  const tokens = /(\/\*[\s\S]*?\*\/|\/\/[^\n]*)|("(?:\\.|[^"\\])*")|\b(private|static|final|void|for|int|long|double|boolean|try|catch|throw|new|return|if|else|while)\b/g;
  let html = "", last = 0, match;
  while ((match = tokens.exec(code))) {
    html += escapeHtml(code.slice(last, match.index));
    html += '<span class="' + (match[1] ? "comment" : match[2] ? "string" : "keyword") + '">' + escapeHtml(match[0]) + "</span>";
    last = tokens.lastIndex;
  }
  return html + escapeHtml(code.slice(last));
}

function renderCode(stages) {
  const box = $("code"); box.innerHTML = "";
  stages.segments.forEach(s => {
    const details = document.createElement("details");
    details.open = true; details.className = "code"; details.id = "code-" + s.index;
    const summary = document.createElement("summary");
    summary.textContent = "Segment " + s.index + ": " + s.name;
    const pre = document.createElement("pre");
    if (s.code) pre.innerHTML = highlight(s.code);
    else pre.textContent = "No code saved: the pipeline was compiled by a processor without the code view.";
    details.append(summary, pre);
    box.appendChild(details);
  });
}

function renderState(stages) {
  $("state-panel").hidden = !stages.state.length;
  $("state-as-of").textContent = stages.stateAsOf == null ? "" : "as of the last checkpoint, batch " + batchLabel(stages.stateAsOf);
  const body = $("state").tBodies[0]; body.innerHTML = "";
  stages.state.forEach(s => {
    const row = body.insertRow();
    cell(row, s.name); cell(row, count(s.entries), "num"); cell(row, bytes(s.bytes), "num");
  });
}

async function graphPage() {
  const [p, stages] = await Promise.all([getJson("api/v1/pipeline"), getJson("api/v1/stages")]);
  const data = JSON.stringify([p, stages, window.innerWidth]);
  if (data === drawn) return;
  drawn = data;
  renderHeader(p);
  Graph.draw($("graph-large"), stages);
  renderSegments(stages);
  renderState(stages);
  renderCode(stages);
}

async function batchPage(time) {
  const [p, b, stages] = await Promise.all([getJson("api/v1/pipeline"), getJson("api/v1/batches/" + time), getJson("api/v1/stages")]);
  renderHeader(p);
  $("batch-title").textContent = "Batch " + batchLabel(b.batchTime);
  const cards = $("batch-cards"); cards.innerHTML = "";
  card(cards, "Status", b.status); card(cards, "Records", count(b.records));
  card(cards, "Scheduling delay", ms(b.schedulingDelayMs)); card(cards, "Processing time", ms(b.processingTimeMs));
  card(cards, "Total delay", ms(b.totalDelayMs)); card(cards, "Output ops", outputOps(b));
  const error = $("batch-error"); error.hidden = !b.error; error.textContent = b.error || "";

  const segBody = $("batch-segments").tBodies[0]; segBody.innerHTML = "";
  const processing = b.processingTimeMs || 0;
  b.segments.forEach((s, i) => {
    if (i > 0) {
      const row = segBody.insertRow(); row.className = "shuffle";
      const td = cell(row, "shuffle: segment " + (i - 1) + " wrote its map side, segment " + i + " reads its reduce side"); td.colSpan = 4;
    }
    const row = segBody.insertRow();
    cell(row, String(i)); cell(row, s.name); cell(row, ms(s.timeMs), "num");
    const share = document.createElement("div"); share.className = "share"; share.innerHTML = "<span></span>";
    share.firstChild.style.width = (processing ? Math.min(100, s.timeMs / processing * 100) : 0) + "%";
    cell(row, share);
  });
  if (!b.segments.length) { const row = segBody.insertRow(); cell(row, "no segment times: the batch did not complete").colSpan = 4; }

  const stageBody = $("batch-stages").tBodies[0]; stageBody.innerHTML = "";
  b.inputs.forEach(input => {
    const row = stageBody.insertRow();
    cell(row, input.name); cell(row, "input"); cell(row, count(input.records), "num"); cell(row, count(input.records), "num");
    cell(row, ms(input.receiverBlockedMs), "num"); cell(row, count(input.queuePeak), "num");
  });
  b.outputs.forEach(o => {
    const row = stageBody.insertRow();
    cell(row, o.name); cell(row, "output"); cell(row, count(o.records), "num"); cell(row, o.status === "succeeded" ? count(o.records) : "–", "num");
    cell(row, ""); cell(row, "");
  });

  const outBody = $("batch-outputs").tBodies[0]; outBody.innerHTML = "";
  b.outputs.forEach((o, i) => {
    const row = outBody.insertRow();
    cell(row, String(i)); cell(row, o.name); cell(row, count(o.records), "num"); cell(row, ms(o.durationMs), "num");
    cell(row, statusSpan(o.status)); cell(row, o.error || "", "error-cell");
  });
}

let timer = null;
let shown = null;
async function refresh() {
  clearTimeout(timer);
  const hash = location.hash || "#/";
  if (hash !== shown) { drawn = null; shown = hash; }
  const batch = hash.match(/^#\/batch\/(\d+)$/);
  $("overview").hidden = !!batch || hash === "#/graph";
  $("graph-page").hidden = hash !== "#/graph";
  $("batch-page").hidden = !batch;
  try {
    if (batch) await batchPage(batch[1]);
    else if (hash === "#/graph") await graphPage();
    else await overview();
    $("updated").textContent = "updated " + Charts.clock(Date.now());
  } catch (e) {
    $("updated").textContent = "cannot reach the pipeline (" + e.message + ")";
  }
  if (!pipeline || pipeline.status === "running" || pipeline.status === "starting") timer = setTimeout(refresh, POLL_MS);
}

// In the history server a run's page links back to the list of runs.
if (/\/runs\/[^/]+\/$/.test(location.pathname)) {
  const back = document.createElement("a");
  back.href = "../../"; back.textContent = "All runs";
  document.querySelector(".bar nav").prepend(back);
}

window.addEventListener("hashchange", refresh);
window.addEventListener("resize", refresh);
refresh();
