// Step-through: whenever another change is shown (a key, a button), bring its text into
// view, both sides, so a reader stepping by keyboard never has to scroll to find it.
// comparison.js switches the steps; this file only watches which one is shown.
(function () {
  "use strict";

  const box = document.querySelector(".steps[data-count]");
  if (!box || !("MutationObserver" in window)) return;
  const MARGIN = 8;

  // A claim finding's deciding words ("linked to" / "cuts") are what the class must read:
  // bring each side's into view too, should a long passage have pushed it out.
  function revealCues(step) {
    step.querySelectorAll("strong.cue").forEach((cue) => {
      const r = cue.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) {
        cue.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
      }
    });
  }

  function reveal(step) {
    revealTexts(step);
    revealCues(step);
  }

  function revealTexts(step) {
    const texts = step.querySelector(".step-texts") || step;
    const r = texts.getBoundingClientRect();
    const room = window.innerHeight;
    if (r.top >= 0 && r.bottom <= room) return; // already in view
    // Put the highest of these at the top of the screen that still leaves the texts' start
    // in its upper part: the counter ("Change 3 of 5"), the change's heading, the texts.
    const nav = box.querySelector(".step-nav");
    const anchors = [nav, step, texts].filter(Boolean).map((el) => el.getBoundingClientRect().top);
    const target = anchors.find((top) => r.top - top <= room * 0.4);
    window.scrollBy({ top: (target === undefined ? r.top : target) - MARGIN, left: 0, behavior: "instant" });
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
