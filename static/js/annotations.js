// Annotations on the comparison page: highlight the annotated words, and let a
// moderator annotate a selection, a passage or a finding by mouse or keyboard.
// Without this file the panel still lists every annotation and links each
// finding to the annotate form; this only adds the in-text parts.
//
// Offsets: side by side with all text, and in the step-through, the rendered
// texts keep every character of the document text, in order (labels come from
// CSS generated content), so a DOM Range's toString() length from the start of
// a text box is a character offset into the text. The redline (inline view)
// interleaves both texts and "differences only" folds text away; there the
// server wraps each piece of text in a run, <span data-side data-start
// data-end>, and offsets count from the start of the run.
(function () {
  "use strict";

  const cfgEl = document.getElementById("anno-config");
  if (!cfgEl) return;
  const cfg = JSON.parse(cfgEl.textContent);
  const SIDE_NAME = { s: "source", d: "derivative" };
  const RUN = "span.r[data-start]";

  // Every box of text we can map to offsets: {box, side, segments}, where each
  // segment {el, side, start, end} is a stretch of one side's text, in page order.
  function entry(box, side, base) {
    const runs = box.querySelectorAll(RUN);
    if (runs.length || side === "i" || box.querySelector(".fold")) {
      const segments = Array.from(runs, (el) => ({
        el,
        side: el.dataset.side,
        start: Number(el.dataset.start),
        end: Number(el.dataset.end),
      }));
      return { box, side, segments };
    }
    const end = base + box.textContent.length;
    return { box, side, segments: [{ el: box, side, start: base, end }] };
  }

  function textBoxes() {
    const boxes = [];
    document.querySelectorAll(".columns .text[data-side], .inline-col .text[data-side]").forEach((box) => {
      const side = box.dataset.side;
      if (side === "s" || side === "d" || side === "i") boxes.push(entry(box, side, 0));
    });
    document.querySelectorAll(".step[data-step]").forEach((step) => {
      const spans = (cfg.stepSpans || {})[step.dataset.step];
      if (!spans) return;
      step.querySelectorAll(".step-side").forEach((col, i) => {
        const side = i === 0 ? "s" : "d";
        const box = col.querySelector(".text");
        if (box && spans[side]) boxes.push(entry(box, side, spans[side][0]));
      });
    });
    return boxes;
  }
  const boxes = textBoxes();

  function boxOf(node) {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el ? boxes.find((b) => b.box.contains(el)) : undefined;
  }

  // Characters of text from the start of el to a DOM point inside it.
  function offsetIn(el, node, offset) {
    const r = document.createRange();
    r.setStart(el, 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }

  // Where a DOM point falls: {index, side, offset} of the segment holding it. A
  // point between segments (in a fold or a space the redline adds) moves to the
  // start of the next segment, or for the end of a selection, the end of the last.
  function locate(entry, node, offset, isEnd) {
    const segs = entry.segments;
    const r = document.createRange();
    let lo = 0;
    let hi = segs.length;
    while (lo < hi) {
      // The first segment the point is not after.
      const mid = (lo + hi) >> 1;
      r.selectNodeContents(segs[mid].el);
      if (r.comparePoint(node, offset) > 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo < segs.length) {
      r.selectNodeContents(segs[lo].el);
      if (r.comparePoint(node, offset) === 0) {
        const seg = segs[lo];
        return { index: lo, side: seg.side, offset: seg.start + offsetIn(seg.el, node, offset) };
      }
    }
    const index = isEnd ? lo - 1 : lo;
    if (index < 0 || index >= segs.length) return null;
    const seg = segs[index];
    return { index, side: seg.side, offset: isEnd ? seg.end : seg.start };
  }

  // Highlight [start, end) of one side by wrapping the text nodes it covers.
  function wrap(entry, side, start, end, mark) {
    const pieces = [];
    entry.segments.forEach((seg) => {
      if (seg.side !== side || seg.end <= start || seg.start >= end) return;
      const walker = document.createTreeWalker(seg.el, NodeFilter.SHOW_TEXT);
      let pos = seg.start;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.data.length;
        const lo = Math.max(start, pos);
        const hi = Math.min(end, pos + len);
        if (lo < hi) pieces.push([node, lo - pos, hi - pos]);
        pos += len;
        if (pos >= end) break;
      }
    });
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

  function showMark(mark) {
    let shown = false;
    boxes.forEach((entry) => {
      if (wrap(entry, mark.side, mark.start, mark.end, mark)) shown = true;
    });
    const link = document.querySelector('.anno-show[data-anno="' + mark.id + '"]');
    if (link && shown) link.hidden = false;
  }
  cfg.marks.forEach(showMark);

  function flash(el) {
    el.classList.add("anno-flash");
    setTimeout(() => el.classList.remove("anno-flash"), 1600);
  }

  // Delegated, so the link of an annotation added in place works too.
  document.addEventListener("click", (e) => {
    const link = e.target.closest && e.target.closest(".anno-show");
    if (!link) return;
    const id = link.dataset.anno;
    const first = document.getElementById("anno-" + id);
    if (!first) return;
    e.preventDefault();
    first.scrollIntoView({ block: "center" });
    document.querySelectorAll('.anno-mark[data-anno="' + id + '"]').forEach(flash);
    history.replaceState(null, "", "#anno-" + id);
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

  function go(params, quote) {
    if (panel) {
      openPanel(params, quote);
      return;
    }
    const q = new URLSearchParams(Object.assign({ comparison: cfg.comparison, next: cfg.next }, params));
    location.assign(cfg.createUrl + "?" + q.toString());
  }

  // The panel beside the texts: the annotations app's form, posted with its CSRF
  // token by fetch, so the moderator stays on the comparison.
  const panel = document.getElementById("anno-inplace");
  const TARGET = ["version", "start", "end", "passage", "finding", "side"];
  let returnFocus = null;

  function field(name) {
    return panel.querySelector('[name="' + name + '"]');
  }

  function openPanel(params, quote) {
    TARGET.forEach((name) => {
      const input = field(name);
      if (input) input.value = params[name] === undefined ? "" : String(params[name]);
    });
    const where = panel.querySelector("#anno-inplace-where");
    const side = params.side || (params.version === cfg.versions.s ? "source" : params.version === cfg.versions.d ? "derivative" : "");
    where.textContent = params.finding !== undefined ? "A finding:" : side ? "In the " + side + ":" : "";
    panel.querySelector("#anno-inplace-quote").textContent = quote || "";
    const error = panel.querySelector("#anno-inplace-error");
    error.hidden = true;
    error.textContent = "";
    returnFocus = document.activeElement;
    panel.hidden = false;
    document.body.classList.add("anno-open");
    button.hidden = true;
    field("label").focus();
  }

  function closePanel() {
    panel.hidden = true;
    document.body.classList.remove("anno-open");
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
    returnFocus = null;
  }

  function added(data) {
    const list = document.querySelector(".anno-list");
    if (list) {
      list.insertAdjacentHTML("beforeend", data.item);
      list.hidden = false;
    }
    const empty = document.querySelector(".anno-empty");
    if (empty) empty.remove();
    const count = document.querySelector("#anno-h .count");
    if (count && list) count.textContent = "(" + list.children.length + ")";
    showMark(data);
    window.getSelection().removeAllRanges();
    closePanel();
    // A status line of its own: the selection's live note is cleared as the selection goes.
    const status = document.getElementById("anno-inplace-status");
    if (status) status.textContent = data.message;
    const first = document.getElementById("anno-" + data.id);
    if (first) document.querySelectorAll('.anno-mark[data-anno="' + data.id + '"]').forEach(flash);
  }

  if (panel) {
    panel.addEventListener("submit", (e) => {
      e.preventDefault();
      const error = panel.querySelector("#anno-inplace-error");
      const save = panel.querySelector('button[type="submit"]');
      save.disabled = true;
      fetch(panel.action, {
        method: "POST",
        body: new FormData(panel),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then((r) => r.json().catch(() => ({ error: "The annotation was not saved (" + r.status + "). Try again." })))
        .then((data) => {
          if (data && data.id) added(data);
          else {
            error.textContent = (data && data.error) || "The annotation was not saved. Try again.";
            error.hidden = false;
          }
        })
        .catch(() => {
          error.textContent = "The annotation was not saved: the server could not be reached. Try again.";
          error.hidden = false;
        })
        .finally(() => {
          save.disabled = false;
        });
    });
    panel.querySelector("[data-anno-cancel]").addEventListener("click", closePanel);
    panel.addEventListener("keydown", (e) => {
      if (e.key === "Escape") closePanel();
    });
  }

  // The selection as a span of one text: {version, start, end, rect, kept}. A
  // selection across both texts (the redline) keeps the side it starts in, up to
  // the last of that side's words it covers; `kept` then says what was kept.
  function currentSelection() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    const entry = boxOf(range.startContainer);
    if (!entry || entry !== boxOf(range.endContainer)) return null;
    const a = locate(entry, range.startContainer, range.startOffset, false);
    const b = locate(entry, range.endContainer, range.endOffset, true);
    if (!a || !b || b.index < a.index) return null;
    const side = a.side;
    let end = a.offset;
    let clamped = false;
    const words = [];
    for (let i = a.index; i <= b.index; i++) {
      const seg = entry.segments[i];
      if (seg.side !== side) {
        clamped = true;
        continue;
      }
      const lo = i === a.index ? a.offset : seg.start;
      const hi = i === b.index ? b.offset : seg.end;
      if (lo < end) {
        // This side's text runs backwards here (a moved passage): stop before it.
        clamped = true;
        break;
      }
      if (hi <= lo) continue;
      // Words of this side the page does not show here (the redline) stand as "…".
      if (words.length && lo > end) words.push(" … ");
      end = hi;
      words.push(seg.el.textContent.slice(lo - seg.start, hi - seg.start));
    }
    const text = words.join("").replace(/\s+/g, " ").trim();
    if (end <= a.offset || !text) return null;
    return {
      version: cfg.versions[side],
      start: a.offset,
      end,
      text,
      rect: range.getBoundingClientRect(),
      kept: clamped ? { side: SIDE_NAME[side], text } : null,
    };
  }

  // Says, politely, what a selection across both texts was cut down to.
  const live = document.createElement("p");
  live.className = "anno-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);

  function keptMessage(kept) {
    if (!kept) return "";
    const words = kept.text.length > 80 ? kept.text.slice(0, 79).trimEnd() + "…" : kept.text;
    const other = kept.side === "source" ? "derivative" : "source";
    return (
      "Your selection takes in words from both texts. An annotation is on one text, so only the " +
      kept.side + "’s words are kept: “" + words + "”. To annotate the " + other +
      "’s words, select them on their own."
    );
  }

  const button = document.createElement("button");
  button.type = "button";
  button.className = "anno-float";
  button.textContent = "Annotate";
  button.hidden = true;
  button.setAttribute("aria-keyshortcuts", "A");
  document.body.appendChild(button);
  let picked = null;

  function say(message) {
    if (live.textContent !== message) live.textContent = message;
  }

  function place() {
    picked = currentSelection();
    if (!picked) {
      button.hidden = true;
      say("");
      return;
    }
    button.hidden = false;
    const top = window.scrollY + picked.rect.bottom + 6;
    const left = window.scrollX + Math.max(8, picked.rect.left);
    button.style.top = top + "px";
    button.style.left = left + "px";
    live.style.top = top + button.offsetHeight + 6 + "px";
    live.style.left = left + "px";
    say(keptMessage(picked.kept));
  }
  document.addEventListener("selectionchange", () => {
    // Wait for the selection to settle (dragging fires many events).
    clearTimeout(place.timer);
    place.timer = setTimeout(place, 120);
  });
  button.addEventListener("mousedown", (e) => e.preventDefault()); // keep the selection
  button.addEventListener("click", () => {
    const sel = picked || currentSelection();
    if (sel) go({ version: sel.version, start: sel.start, end: sel.end }, sel.text);
  });

  function passageTarget(el) {
    const mark = el.closest && el.closest("mark.p[data-p]");
    const entry = mark && boxOf(mark);
    if (!mark || !entry) return null;
    let side = SIDE_NAME[entry.side];
    if (!side) {
      // The redline: a passage with derivative words is annotated there, else in the source.
      side = mark.querySelector(RUN + '[data-side="d"]') ? "derivative" : "source";
    }
    return { passage: mark.dataset.p, side, text: mark.textContent.replace(/\s+/g, " ").trim() };
  }

  document.addEventListener("keydown", (e) => {
    if (e.key !== "a" && e.key !== "A") return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest && e.target.closest("input, textarea, select, [contenteditable]")) return;
    const sel = currentSelection();
    if (sel) {
      e.preventDefault();
      go({ version: sel.version, start: sel.start, end: sel.end }, sel.text);
      return;
    }
    const passage = passageTarget(document.activeElement || e.target);
    if (passage) {
      e.preventDefault();
      go(passage, passage.text);
    }
  });

  // A visible path for keyboard users: an Annotate link on each finding and each step.
  const nextParam = "&next=" + encodeURIComponent(cfg.next);
  document.querySelectorAll(".finding-list li[data-f]").forEach((li) => {
    const a = document.createElement("a");
    a.className = "anno-add";
    a.href = cfg.createUrl + "?comparison=" + cfg.comparison + "&finding=" + li.dataset.f + nextParam;
    a.innerHTML = 'Annotate<span class="vh"> this finding</span>';
    a.addEventListener("click", (e) => {
      if (!panel) return;
      e.preventDefault();
      const msg = li.querySelector(".fmsg");
      openPanel({ finding: li.dataset.f }, msg ? msg.textContent.trim() : "");
    });
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
