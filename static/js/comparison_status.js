// "Computing…" page: poll the status endpoint and open the comparison when it is done.
// Without JavaScript the page refreshes itself (meta refresh) instead.
(function () {
  "use strict";
  const box = document.getElementById("computing");
  if (!box || !box.dataset.statusUrl) return;
  const bar = document.getElementById("progress");
  const text = document.getElementById("progress-text");
  async function poll() {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const data = await response.json();
        if (data.status === "done" || data.status === "failed") {
          window.location.replace(data.url);
          return;
        }
        bar.value = data.progress;
        bar.textContent = data.progress + "%";
        text.textContent = "Computing: " + data.progress + "% done. This page updates by itself.";
      }
    } catch (err) {
      // A network hiccup: the next poll (or the meta refresh) tries again.
    }
    window.setTimeout(poll, 1500);
  }
  window.setTimeout(poll, 1000);
})();
