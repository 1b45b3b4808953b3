// Comparison page: cross-highlighting of counterpart passages, keyboard moves
// between passages, the step-through and finding links (printing has its own handout
// page, presenting its own page: handout.js, present.js). The page is
// complete without this file; it only adds interaction.
(function () {
  "use strict";

  const texts = Array.from(
    document.querySelectorAll(".columns .text[data-side], .inline-col .text[data-side]")
  );

  function scrollWithin(el, container) {
    // Scroll only the column, not the page, when the column scrolls by itself.
    if (!container || container.scrollHeight <= container.clientHeight + 1) return;
    const box = container.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top >= box.top && r.bottom <= box.bottom) return;
    container.scrollTop += r.top - box.top - container.clientHeight / 3;
  }

  function marksFor(p) {
    return document.querySelectorAll('.columns mark.p[data-p="' + p + '"]');
  }

  let lit = null;
  function highlight(mark) {
    const p = mark ? mark.dataset.p : null;
    if (p === lit) return;
    document.querySelectorAll(".columns mark.p.hl").forEach((m) => m.classList.remove("hl"));
    lit = p;
    if (p === null) return;
    marksFor(p).forEach((m) => {
      m.classList.add("hl");
      const box = m.closest(".text");
      if (m !== mark && box) scrollWithin(m, box);
    });
  }

  texts.forEach((text) => {
    const marks = Array.from(text.querySelectorAll("mark.p[data-p]"));
    // One tab stop per column; the arrow keys move within it (a roving tabindex).
    marks.forEach((m, i) => m.setAttribute("tabindex", i === 0 ? "0" : "-1"));
    text.addEventListener("mouseover", (e) => {
      const m = e.target.closest("mark.p[data-p]");
      if (m) highlight(m);
    });
    text.addEventListener("mouseleave", () => highlight(null));
    text.addEventListener("focusin", (e) => {
      const m = e.target.closest("mark.p[data-p]");
      if (m) highlight(m);
    });
    text.addEventListener("keydown", (e) => {
      const m = e.target.closest("mark.p[data-p]");
      if (!m) return;
      const i = marks.indexOf(m);
      let next = null;
      if (e.key === "ArrowDown" || e.key === "ArrowRight") next = marks[i + 1];
      else if (e.key === "ArrowUp" || e.key === "ArrowLeft") next = marks[i - 1];
      else if (e.key === "Home") next = marks[0];
      else if (e.key === "End") next = marks[marks.length - 1];
      else if (e.key === "Enter") {
        const other = Array.from(marksFor(m.dataset.p)).find((x) => x.closest(".text") !== text);
        if (other) {
          e.preventDefault();
          other.focus();
        }
        return;
      } else return;
      e.preventDefault();
      if (!next) return;
      m.setAttribute("tabindex", "-1");
      next.setAttribute("tabindex", "0");
      next.focus();
    });
  });

  // Finding links: light up every piece of the finding and bring it into view.
  document.querySelectorAll(".findings a[href^='#']").forEach((a) => {
    a.addEventListener("click", (e) => {
      const target = document.getElementById(a.getAttribute("href").slice(1));
      if (!target) return;
      e.preventDefault();
      const f = a.getAttribute("href").replace(/^#[a-z]+-f/, "");
      document.querySelectorAll(".find.hl").forEach((x) => x.classList.remove("hl"));
      if (f) {
        document.querySelectorAll(".find[data-f]").forEach((x) => {
          if (x.dataset.f.split(" ").includes(f)) x.classList.add("hl");
        });
      }
      target.scrollIntoView({ block: "center" });
      const mark = target.closest("mark.p");
      if (mark) {
        highlight(mark);
        mark.focus({ preventScroll: true });
      }
      history.replaceState(null, "", a.getAttribute("href"));
    });
  });

  // Step-through: one change at a time, by buttons or keys.
  const stepsBox = document.querySelector(".steps[data-count]");
  if (stepsBox) {
    const steps = Array.from(stepsBox.querySelectorAll(".step[data-step]"));
    const pos = stepsBox.querySelector("#step-pos .n");
    const prev = stepsBox.querySelector("[data-step-go='-1']");
    const next = stepsBox.querySelector("[data-step-go='1']");
    let current = Math.max(0, steps.findIndex((s) => !s.hidden));

    function go(i) {
      if (i < 0 || i >= steps.length) return;
      steps[current].hidden = true;
      current = i;
      steps[current].hidden = false;
      const n = current + 1;
      if (pos) pos.textContent = String(n);
      [prev, next].forEach((link, k) => {
        if (!link) return;
        const to = k === 0 ? n - 1 : n + 1;
        link.href = "?view=steps&step=" + to;
        if (to < 1 || to > steps.length) link.setAttribute("aria-disabled", "true");
        else link.removeAttribute("aria-disabled");
      });
      history.replaceState(null, "", "?view=steps&step=" + n);
    }

    [prev, next].forEach((link) => {
      if (!link) return;
      link.addEventListener("click", (e) => {
        e.preventDefault();
        go(current + Number(link.dataset.stepGo));
      });
    });
    document.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.target.closest("input, select, textarea, [contenteditable]")) return;
      const keys = { ArrowRight: 1, j: 1, J: 1, ArrowLeft: -1, k: -1, K: -1 };
      if (e.key in keys) go(current + keys[e.key]);
      else if (e.key === "Home") go(0);
      else if (e.key === "End") go(steps.length - 1);
      else return;
      e.preventDefault();
    });
  }

  // Share links: select the whole URL on focus so it is easy to copy.
  document.querySelectorAll(".share-url").forEach((input) => {
    input.addEventListener("focus", () => input.select());
  });
})();
