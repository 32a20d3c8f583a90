// The case page: pick evidence by selecting report text, preview corrections (the server
// recomputes the decision), then save them signed. Offsets are code points, as in the records.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("case-data").textContent);
  const $ = (id) => document.getElementById(id);
  const pending = [];      // corrections not yet saved: {field, value, evidence}
  let selected = null;     // {start, end, text} chosen in the report

  const reviewer = $("reviewer");
  reviewer.value = localStorage.getItem("pathspan-reviewer") || "";
  reviewer.addEventListener("change", () => localStorage.setItem("pathspan-reviewer", reviewer.value));

  function say(text, kind) {
    const box = $("message");
    box.textContent = text;
    box.className = "message " + (kind || "info");
    box.hidden = !text;
  }

  // --- offsets of a DOM selection inside the report text ---------------------------------
  function codePoints(s) { return Array.from(s).length; }

  function offsetOf(node, off) {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest("[data-start]");
      if (!seg) return null;
      return Number(seg.dataset.start) + codePoints(node.data.slice(0, off));
    }
    const el = node;
    if (el.dataset && el.dataset.start !== undefined) {
      return off === 0 ? Number(el.dataset.start) : Number(el.dataset.end);
    }
    const kids = el.children;  // the <pre> itself: a boundary between segments
    if (off < kids.length && kids[off].dataset.start !== undefined) return Number(kids[off].dataset.start);
    if (kids.length && off >= kids.length) return Number(kids[kids.length - 1].dataset.end);
    return null;
  }

  function currentSelection() {
    const pre = $("report-text");
    const sel = window.getSelection();
    if (!pre || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!pre.contains(range.startContainer) || !pre.contains(range.endContainer)) return null;
    const a = offsetOf(range.startContainer, range.startOffset);
    const b = offsetOf(range.endContainer, range.endOffset);
    if (a === null || b === null || a === b) return null;
    return {start: Math.min(a, b), end: Math.max(a, b), text: sel.toString()};
  }

  document.addEventListener("mouseup", () => {
    const s = currentSelection();
    if (s) { selected = s; showEvidence(); }
  });

  function showEvidence() {
    $("corr-evidence").textContent = selected
      ? "evidence: «" + selected.text + "» (" + selected.start + "–" + selected.end + ")"
      : "evidence: keep current spans";
  }

  $("use-selection").addEventListener("click", () => {
    const s = currentSelection();
    if (s) selected = s;
    if (!selected) say("Select the text that proves the value in the report first.", "error");
    showEvidence();
  });

  // --- value suggestions per field ---------------------------------------------------------
  function fillChoices() {
    const choice = data.choices[$("corr-field").value] || {kind: "text", values: []};
    $("corr-values").innerHTML = "";
    for (const v of choice.values) {
      const o = document.createElement("option");
      o.value = v;
      $("corr-values").appendChild(o);
    }
    $("corr-value").placeholder = choice.kind === "number" ? "a number (empty = not stated)"
      : "empty = not stated";
  }
  $("corr-field").addEventListener("change", fillChoices);
  fillChoices();

  // Evidence links and highlights: jump between a span and its finding.
  document.addEventListener("click", (ev) => {
    const mark = ev.target.closest("mark.ev");
    if (mark && window.getSelection().isCollapsed) {
      const field = mark.dataset.fields.split(" ")[0];
      const row = $("f-" + field);
      if (row) { row.scrollIntoView({block: "center"}); flash(row); }
    }
    const btn = ev.target.closest(".correct-btn");
    if (btn) {
      $("corr-field").value = btn.dataset.field;
      fillChoices();
      $("corr-value").focus();
    }
  });

  function flash(el) {
    el.classList.add("flash");
    setTimeout(() => el.classList.remove("flash"), 1200);
  }

  // --- preview, save, accept --------------------------------------------------------------
  async function post(path, body) {
    const resp = await fetch(path, {
      method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify(body), credentials: "same-origin",
    });
    let payload = {};
    try { payload = await resp.json(); } catch (e) { /* empty body */ }
    return {ok: resp.ok, status: resp.status, payload};
  }

  function renderPending() {
    const ul = $("pending");
    ul.innerHTML = "";
    pending.forEach((c, i) => {
      const li = document.createElement("li");
      li.className = "pending-correction";
      li.textContent = c.field + " → " + (c.value === null ? "(not stated)" : c.value) +
        (c.evidence ? " «" + c.evidence.map((s) => s.text).join("», «") + "»" : "");
      const rm = document.createElement("button");
      rm.type = "button"; rm.textContent = "remove";
      rm.addEventListener("click", () => { pending.splice(i, 1); renderPending(); preview(); });
      li.appendChild(rm);
      ul.appendChild(li);
    });
    $("save").disabled = pending.length === 0;
    $("discard").disabled = pending.length === 0;
    $("accept").disabled = pending.length !== 0;
  }

  function payloadCorrections() {
    return pending.map((c) => ({
      field: c.field, value: c.value,
      evidence: c.evidence ? c.evidence.map((s) => ({start: s.start, end: s.end})) : null,
    }));
  }

  async function preview() {
    const r = await post("/api/case/" + data.id + "/preview", {corrections: payloadCorrections()});
    if (!r.ok) { say(r.payload.detail || "Preview failed (" + r.status + ")", "error"); return false; }
    for (const part of ["report", "findings", "checks", "recommendation"]) {
      $(part).innerHTML = r.payload.html[part];
    }
    const banner = $("preview-banner");
    if (pending.length) {
      const recChange = r.payload.changes.find((c) => c.field === "recommendation");
      banner.textContent = "Preview, not saved: " + (recChange
        ? "recommendation " + recChange.old + " → " + recChange.new
        : "recommendation unchanged (" + r.payload.record.recommendation.code + ")");
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
    say("");
    return true;
  }

  $("add-correction").addEventListener("click", async () => {
    const raw = $("corr-value").value.trim();
    const c = {field: $("corr-field").value, value: raw === "" ? null : raw,
               evidence: selected ? [selected] : null};
    pending.push(c);
    renderPending();
    if (!(await preview())) { pending.pop(); renderPending(); return; }
    selected = null;
    showEvidence();
    $("corr-value").value = "";
  });

  $("discard").addEventListener("click", () => { pending.length = 0; renderPending(); preview(); });

  async function save(corrections) {
    if (!reviewer.value.trim()) { say("Sign the review: enter your name.", "error"); reviewer.focus(); return; }
    localStorage.setItem("pathspan-reviewer", reviewer.value);
    const r = await post("/api/case/" + data.id + "/save", {
      reviewer: reviewer.value.trim(), base_version: data.version,
      corrections, comment: $("comment").value || null,
    });
    if (r.status === 409) {
      say(r.payload.detail + " Your corrections are kept below; reload to see the other change.", "error");
      return;
    }
    if (!r.ok) { say(r.payload.detail || "Save failed (" + r.status + ")", "error"); return; }
    window.location.reload();
  }

  $("save").addEventListener("click", () => save(payloadCorrections()));
  $("accept").addEventListener("click", () => save([]));
  renderPending();
})();
