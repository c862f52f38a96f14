"""The review site's style sheet and script, written inline into every page (no CDN, no
framework, no server: the pages open from disk).

In: nothing. Out: ``CSS`` and ``SCRIPT`` (plain JavaScript). The script reads the page's
records, flag meanings, figures and document links from its ``review-data`` JSON, shows a
record in the side panel when its box is hovered, pins it when clicked (or named in the
address: ``#r-<record_id>``), and lists the other sources of its figure. Every text from a
document goes into the page through ``textContent``, never as HTML.
"""

from __future__ import annotations

# One colour per outcome; the legend and the boxes share these class names.
OUTCOMES: tuple[tuple[str, str], ...] = (
    ("clean", "read, no flag"),
    ("flagged", "flagged: check before use"),
    ("absent", "suppressed, nil, missing or not applicable"),
    ("illegible", "illegible"),
    ("conflict", "figure in conflict with another source"),
    ("unmapped", "table not mapped"),
)

CSS = """
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #111; background: #f3f4f6; }
header { padding: 8px 16px; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 4px 0; overflow-wrap: anywhere; }
.note { color: #92400e; background: #fef3c7; padding: 4px 8px; margin: 4px 0; }
.layout { display: flex; align-items: flex-start; gap: 16px; padding: 16px; }
main { flex: 1 1 auto; min-width: 0; }
aside { flex: 0 0 380px; position: sticky; top: 8px; max-height: calc(100vh - 16px);
  overflow: auto; background: #fff; border: 1px solid #ddd; padding: 8px 12px; }
section.page { margin-bottom: 24px; }
section.page h2, section.grid h2 { font-size: 14px; margin: 0 0 4px; }
.sheet { position: relative; width: 100%; max-width: 900px; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.25); }
.sheet img { display: block; width: 100%; height: auto; }
.box { position: absolute; display: block; border: 2px solid var(--c); border-radius: 2px; }
.clean { --c: #15803d; background: rgba(21,128,61,.12); }
.flagged { --c: #d97706; background: rgba(245,158,11,.30); }
.absent { --c: #6b7280; background: rgba(107,114,128,.22); }
.illegible { --c: #dc2626; background: rgba(220,38,38,.30); }
.conflict { box-shadow: 0 0 0 2px #c026d3; }
.box.conflict::after { content: "\\2260"; position: absolute; top: -10px; right: -10px;
  font: bold 11px/14px sans-serif; width: 14px; text-align: center; color: #fff;
  background: #c026d3; border-radius: 7px; }
.unmapped { --c: #7c3aed; border: 2px dashed var(--c); background: rgba(124,58,237,.06); }
.selected { outline: 3px solid #2563eb; outline-offset: 1px; z-index: 2; }
.legend span { display: inline-block; margin: 2px 10px 2px 0; }
.legend i { display: inline-block; width: 14px; height: 10px; border: 2px solid var(--c);
  vertical-align: middle; margin-right: 4px; }
.legend i.conflict { --c: #c026d3; box-shadow: none; }
.legend i.unmapped { border-style: dashed; }
#panel dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 4px 0; }
#panel dt { color: #555; }
#panel dd { margin: 0; overflow-wrap: anywhere; }
#panel .value { font-size: 20px; font-weight: 600; }
#panel li.conflicting { color: #a21caf; }
#panel li.this { font-weight: 600; }
aside h2 { font-size: 15px; margin: 12px 0 4px; }
aside ul { padding-left: 18px; margin: 4px 0; }
table.cells { border-collapse: collapse; background: #fff; font-size: 12px; }
table.cells th, table.cells td { border: 1px solid #ddd; padding: 2px 6px;
  max-width: 260px; overflow-wrap: anywhere; vertical-align: top; }
table.cells th { background: #f3f4f6; font-weight: normal; color: #555; }
table.cells td[data-rid] { cursor: pointer; border: 2px solid var(--c); text-align: right; }
.grid-wrap { overflow: auto; max-height: 80vh; }
table.docs { border-collapse: collapse; background: #fff; }
table.docs th, table.docs td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
td.num { text-align: right; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var panel = document.getElementById("panel");
  var pinned = null;

  function add(parent, tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    parent.appendChild(node);
    return node;
  }
  function field(dl, label, value, cls) {
    if (value === undefined || value === null || value === "") return;
    add(dl, "dt", label);
    add(dl, "dd", value, cls);
  }
  function place(r) {
    if (r.page !== null && r.page !== undefined) {
      return "page " + r.page + (r.cell_ref ? ", cell " + r.cell_ref : "");
    }
    return (r.sheet !== null && r.sheet !== undefined ? "sheet '" + r.sheet + "', " : "") +
      "cell " + (r.cell_ref || "?");
  }
  function entity(r) {
    if (r.entity_scope === "hele_landet") return "Hele landet";
    return (r.municipality || "?") + (r.municipality_code ? " (" + r.municipality_code + ")" : "");
  }
  function sources(rid) {
    add(panel, "h3", "Other sources of the same figure");
    if (!data.figures_known) {
      add(panel, "p", "No other sources are known (this run's folder has no figures.jsonl).",
          "no-sources");
      return;
    }
    var fig = data.figures[data.figure_of[rid]];
    if (!fig || !fig.sources || fig.sources.length < 2) {
      add(panel, "p", "No other source of this figure was found.", "no-sources");
      return;
    }
    add(panel, "p", "Sources " + (fig.agreement === "conflict" ? "disagree" : "agree") +
        (fig.spread ? " (spread " + fig.spread + ")" : "") + ":",
        "agreement agreement-" + fig.agreement);
    var ul = add(panel, "ul", null, "sources");
    fig.sources.forEach(function (s) {
      var li = add(ul, "li");
      var conflicting = s.conflicts_with && s.conflicts_with.length > 0;
      if (conflicting) li.className = "conflicting";
      if (s.record_id === rid) li.className += " this";
      var href = data.docs[s.source_file];
      var label = s.source_file + ", " + place(s);
      var link = href ? add(li, "a", label) : add(li, "span", label);
      if (href) link.href = href + "#r-" + s.record_id;
      add(li, "span", ": " + (s.value === null || s.value === undefined ? "no value" : s.value) +
          " (printed '" + s.cell_text + "', " + s.status + ")");
      if (conflicting) add(li, "strong", " \u2260 conflicts", "conflict-mark");
      if (s.record_id === rid) add(li, "em", " (this value)");
      if (s.record_id === fig.preferred_record_id) add(li, "em", " (preferred)");
    });
  }
  function show(rid) {
    var r = data.records[rid];
    if (!r) return;
    panel.replaceChildren();
    panel.setAttribute("data-showing", rid);
    add(panel, "div", r.value === null || r.value === undefined ? "no value" : r.value, "value");
    var dl = add(panel, "dl");
    field(dl, "Printed", "'" + r.cell_text + "'", "printed");
    field(dl, "Status", r.status, "status");
    field(dl, "Entity", entity(r), "entity");
    field(dl, "Period", r.period, "period");
    field(dl, "Law area", r.law_label ? r.law_label + " (" + r.law_area + ")" : r.law_area,
          "law");
    field(dl, "Provision", r.provision, "provision");
    field(dl, "Measure", r.measure + " (" + r.unit + ")", "measure");
    field(dl, "Table", r.table_id + (r.table_title ? ": " + r.table_title : ""), "table");
    field(dl, "Row", r.row_label, "row");
    field(dl, "Column", r.column_label, "column");
    field(dl, "Place", place(r), "place");
    field(dl, "OCR confidence", r.ocr_confidence, "confidence");
    field(dl, "Record id", r.record_id, "rid");
    add(panel, "h3", "Flags");
    if (!r.flags.length) add(panel, "p", "No flags.", "flags");
    var ul = add(panel, "ul", null, "flags");
    r.flags.forEach(function (code) {
      var li = add(ul, "li");
      add(li, "code", code);
      add(li, "span", ": " + (data.meanings[code] || "(no meaning in this engine's catalogue)"));
    });
    sources(rid);
  }
  function pin(rid) {
    var old = document.querySelector(".selected");
    if (old) old.classList.remove("selected");
    var box = document.getElementById("r-" + rid);
    if (box) box.classList.add("selected");
    pinned = rid;
    show(rid);
  }
  document.querySelectorAll("[data-rid]").forEach(function (box) {
    var rid = box.getAttribute("data-rid");
    box.addEventListener("mouseenter", function () { show(rid); });
    box.addEventListener("mouseleave", function () { if (pinned) show(pinned); });
    box.addEventListener("click", function () { pin(rid); });
  });
  function fromAddress() {
    var hash = location.hash || "";
    try { hash = decodeURIComponent(hash); } catch (e) { return; }
    if (hash.indexOf("#r-") !== 0) return;
    var box = document.getElementById(hash.slice(1));
    if (!box) return;
    pin(hash.slice(3));
    box.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
"""
