// Step-through: whenever another change is shown (a key, a button), bring its text into
// view, both sides, so a reader stepping by keyboard never has to scroll to find it.
// comparison.js switches the steps; this file only watches which one is shown.
(function () {
  "use strict";

  const box = document.querySelector(".steps[data-count]");
  if (!box || !("MutationObserver" in window)) return;
  const MARGIN = 8;

  function reveal(step) {
    const texts = step.querySelector(".step-texts") || step;
    const r = texts.getBoundingClientRect();
    const room = window.innerHeight;
    if (r.top >= 0 && r.bottom <= room) return; // already in view
    // Prefer the whole change (heading, explanation, texts) at the top of the screen;
    // when that leaves the texts' start in the lower part of the screen, put the texts first.
    const top = step.getBoundingClientRect().top;
    const target = r.top - top > room / 3 ? r.top : top;
    window.scrollBy({ top: target - MARGIN, left: 0, behavior: "instant" });
  }

  const seen = new MutationObserver((changes) => {
    for (const change of changes) {
      const step = change.target;
      if (!step.hidden) reveal(step);
    }
  });
  box.querySelectorAll(".step[data-step]").forEach((step) => {
    seen.observe(step, { attributes: true, attributeFilter: ["hidden"] });
  });
})();
