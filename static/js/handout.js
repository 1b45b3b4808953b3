// Handout: the edited questions print as they are typed (the form also sends them to
// the server, so the page works without this file), and a button opens the print dialog.
(function () {
  "use strict";

  document.querySelectorAll("textarea[data-mirror]").forEach((box) => {
    const target = document.getElementById(box.dataset.mirror);
    if (!target) return;
    box.addEventListener("input", () => {
      target.textContent = box.value.trim() || box.defaultValue;
    });
  });

  const print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", () => window.print());
  }
})();
