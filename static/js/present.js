// Presentation mode: one change per screen. Keys and presenter clickers (which send
// Page Down / Page Up) move between changes; each slide's type shrinks in steps until
// it fits the screen, then the context around what the slide is about gives way.
// The page works without this file, one slide per link.
(function () {
  "use strict";

  const stage = document.getElementById("stage");
  if (!stage) return;
  const slides = Array.from(stage.querySelectorAll(".slide[data-slide]"));
  const pos = document.querySelector("#pr-pos .n");
  const prev = document.querySelector("[data-go='-1']");
  const next = document.querySelector("[data-go='1']");
  const order = new URLSearchParams(location.search).get("order") || "story";
  const FIT_STEPS = 4; // fit-0 (largest type) … fit-3 (24 px, tighter lines)
  let current = Math.max(0, slides.findIndex((s) => !s.hidden));

  function overflows(slide) {
    return slide.scrollHeight > slide.clientHeight || stage.scrollHeight > stage.clientHeight;
  }

  function fit(slide) {
    // Largest type first; step down while the slide would not fit. Type never goes below
    // 24 px: past the last step the text around the subject gives way ("…"), never the subject.
    delete slide.dataset.trim;
    for (let level = 0; level < FIT_STEPS; level++) {
      slide.dataset.fit = String(level);
      if (!overflows(slide)) return;
    }
    slide.dataset.trim = "";
  }

  function link(el, to) {
    if (!el) return;
    el.href = "?order=" + order + "&step=" + to;
    if (to < 1 || to > slides.length) el.setAttribute("aria-disabled", "true");
    else el.removeAttribute("aria-disabled");
  }

  function go(i) {
    if (i < 0 || i >= slides.length) return;
    slides[current].hidden = true;
    current = i;
    slides[current].hidden = false;
    fit(slides[current]);
    const n = current + 1;
    if (pos) pos.textContent = String(n);
    link(prev, n - 1);
    link(next, n + 1);
    history.replaceState(null, "", "?order=" + order + "&step=" + n);
  }

  [prev, next].forEach((el) => {
    if (!el) return;
    el.addEventListener("click", (e) => {
      e.preventDefault();
      go(current + Number(el.dataset.go));
    });
  });

  const full = document.querySelector("[data-fullscreen]");
  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(() => {});
  }
  if (full && document.fullscreenEnabled) {
    full.hidden = false;
    full.addEventListener("click", toggleFullscreen);
    document.addEventListener("fullscreenchange", () => {
      full.setAttribute("aria-pressed", document.fullscreenElement ? "true" : "false");
      if (slides[current]) fit(slides[current]);
    });
  }

  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Keys typed on a focused control do what the control does.
    if (e.target.closest("input, select, textarea, button, [contenteditable]") && e.key !== "Escape") return;
    const forward = ["PageDown", "ArrowRight", "ArrowDown"];
    const back = ["PageUp", "ArrowLeft", "ArrowUp"];
    if (forward.includes(e.key) || (e.key === " " && !e.shiftKey)) go(current + 1);
    else if (back.includes(e.key) || (e.key === " " && e.shiftKey)) go(current - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(slides.length - 1);
    else if (e.key === "f" || e.key === "F") {
      if (full && !full.hidden) toggleFullscreen();
    } else if (e.key === "Escape") {
      // In full screen the browser takes Escape to leave full screen; otherwise leave the mode.
      location.href = stage.dataset.exit;
    } else return;
    e.preventDefault();
  });

  window.addEventListener("resize", () => {
    if (slides[current]) fit(slides[current]);
  });
  if (slides[current]) fit(slides[current]);
})();
