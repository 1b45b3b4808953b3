// Annotations on the comparison page: highlight the annotated words, and let a
// moderator annotate a selection, a passage or a finding by mouse or keyboard.
// Without this file the panel still lists every annotation and links each
// finding to the annotate form; this only adds the in-text parts.
//
// Offsets: the rendered texts keep every character of the document text, in
// order (labels come from CSS generated content), so a DOM Range's toString()
// length from the start of a text box is a character offset into the text.
(function () {
  "use strict";

  const cfgEl = document.getElementById("anno-config");
  if (!cfgEl) return;
  const cfg = JSON.parse(cfgEl.textContent);
  const SIDE_NAME = { s: "source", d: "derivative" };

  // Every box of text we can map to offsets: {box, side, base}.
  function textBoxes() {
    const boxes = [];
    document.querySelectorAll(".columns .text[data-side]").forEach((box) => {
      // "Differences only" folds text away, so offsets would not add up there.
      if (box.querySelector(".fold")) return;
      const side = box.dataset.side;
      if (side === "s" || side === "d") boxes.push({ box, side, base: 0 });
    });
    document.querySelectorAll(".step[data-step]").forEach((step) => {
      const spans = (cfg.stepSpans || {})[step.dataset.step];
      if (!spans) return;
      step.querySelectorAll(".step-side").forEach((col, i) => {
        const side = i === 0 ? "s" : "d";
        const box = col.querySelector(".text");
        if (box && spans[side]) boxes.push({ box, side, base: spans[side][0] });
      });
    });
    return boxes;
  }
  const boxes = textBoxes();

  function boxOf(node) {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el ? boxes.find((b) => b.box.contains(el)) : undefined;
  }

  function offsetIn(box, node, offset) {
    const r = document.createRange();
    r.setStart(box, 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }

  // Highlight [start, end) of one box by wrapping the text nodes it covers.
  function wrap(entry, start, end, mark) {
    const walker = document.createTreeWalker(entry.box, NodeFilter.SHOW_TEXT);
    const pieces = [];
    let pos = entry.base;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.data.length;
      const lo = Math.max(start, pos);
      const hi = Math.min(end, pos + len);
      if (lo < hi) pieces.push([node, lo - pos, hi - pos]);
      pos += len;
      if (pos >= end) break;
    }
    pieces.forEach(([node, lo, hi], i) => {
      let target = node;
      if (lo > 0) target = target.splitText(lo);
      if (hi - lo < target.data.length) target.splitText(hi - lo);
      const span = document.createElement("span");
      span.className = "anno-mark status-" + mark.status;
      span.dataset.anno = mark.id;
      span.title = mark.label + " (" + mark.status + ")";
      if (i === 0 && !document.getElementById("anno-" + mark.id)) span.id = "anno-" + mark.id;
      if (i === pieces.length - 1) span.dataset.label = mark.label;
      target.parentNode.insertBefore(span, target);
      span.appendChild(target);
    });
    return pieces.length > 0;
  }

  cfg.marks.forEach((mark) => {
    let shown = false;
    boxes.forEach((entry) => {
      if (entry.side === mark.side && wrap(entry, mark.start, mark.end, mark)) shown = true;
    });
    const link = document.querySelector('.anno-show[data-anno="' + mark.id + '"]');
    if (link && shown) link.hidden = false;
  });

  function flash(el) {
    el.classList.add("anno-flash");
    setTimeout(() => el.classList.remove("anno-flash"), 1600);
  }

  document.querySelectorAll(".anno-show").forEach((link) => {
    link.addEventListener("click", (e) => {
      const id = link.dataset.anno;
      const first = document.getElementById("anno-" + id);
      if (!first) return;
      e.preventDefault();
      first.scrollIntoView({ block: "center" });
      document.querySelectorAll('.anno-mark[data-anno="' + id + '"]').forEach(flash);
      history.replaceState(null, "", "#anno-" + id);
    });
  });

  document.addEventListener("click", (e) => {
    const mark = e.target.closest && e.target.closest(".anno-mark");
    if (!mark || !window.getSelection().isCollapsed) return;
    const item = document.getElementById("anno-item-" + mark.dataset.anno);
    if (item) {
      item.scrollIntoView({ block: "nearest" });
      flash(item);
    }
  });

  if (location.hash.startsWith("#anno-")) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView({ block: "center" });
  }

  // Annotating: only for people who may (the server checks again).
  if (!cfg.createUrl) return;

  function go(params) {
    const q = new URLSearchParams(Object.assign({ comparison: cfg.comparison, next: cfg.next }, params));
    location.assign(cfg.createUrl + "?" + q.toString());
  }

  function currentSelection() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    const a = boxOf(range.startContainer);
    const b = boxOf(range.endContainer);
    if (!a || a !== b) return null;
    const start = a.base + offsetIn(a.box, range.startContainer, range.startOffset);
    const end = a.base + offsetIn(a.box, range.endContainer, range.endOffset);
    if (end <= start || !range.toString().trim()) return null;
    return { version: cfg.versions[a.side], start, end, rect: range.getBoundingClientRect() };
  }

  const button = document.createElement("button");
  button.type = "button";
  button.className = "anno-float";
  button.textContent = "Annotate";
  button.hidden = true;
  button.setAttribute("aria-keyshortcuts", "A");
  document.body.appendChild(button);
  let picked = null;

  function place() {
    picked = currentSelection();
    if (!picked) {
      button.hidden = true;
      return;
    }
    button.hidden = false;
    button.style.top = window.scrollY + picked.rect.bottom + 6 + "px";
    button.style.left = window.scrollX + Math.max(8, picked.rect.left) + "px";
  }
  document.addEventListener("selectionchange", () => {
    // Wait for the selection to settle (dragging fires many events).
    clearTimeout(place.timer);
    place.timer = setTimeout(place, 120);
  });
  button.addEventListener("mousedown", (e) => e.preventDefault()); // keep the selection
  button.addEventListener("click", () => {
    const sel = picked || currentSelection();
    if (sel) go({ version: sel.version, start: sel.start, end: sel.end });
  });

  function passageTarget(el) {
    const mark = el.closest && el.closest("mark.p[data-p]");
    const entry = mark && boxOf(mark);
    if (!mark || !entry) return null;
    return { passage: mark.dataset.p, side: SIDE_NAME[entry.side] };
  }

  document.addEventListener("keydown", (e) => {
    if (e.key !== "a" && e.key !== "A") return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest && e.target.closest("input, textarea, select, [contenteditable]")) return;
    const sel = currentSelection();
    if (sel) {
      e.preventDefault();
      go({ version: sel.version, start: sel.start, end: sel.end });
      return;
    }
    const passage = passageTarget(document.activeElement || e.target);
    if (passage) {
      e.preventDefault();
      go(passage);
    }
  });

  // A visible path for keyboard users: an Annotate link on each finding and each step.
  const nextParam = "&next=" + encodeURIComponent(cfg.next);
  document.querySelectorAll(".finding-list li[data-f]").forEach((li) => {
    const a = document.createElement("a");
    a.className = "anno-add";
    a.href = cfg.createUrl + "?comparison=" + cfg.comparison + "&finding=" + li.dataset.f + nextParam;
    a.innerHTML = 'Annotate<span class="vh"> this finding</span>';
    (li.querySelector(".flinks") || li).appendChild(a);
  });
  document.querySelectorAll(".step[data-step]").forEach((step) => {
    const index = (cfg.stepPassages || {})[step.dataset.step];
    if (index === undefined) return;
    const a = document.createElement("a");
    a.className = "anno-add button secondary";
    a.href = cfg.createUrl + "?comparison=" + cfg.comparison + "&passage=" + index + nextParam;
    a.textContent = "Annotate this change";
    const explain = step.querySelector(".explain");
    if (explain) explain.after(a);
  });
})();
