// The "being checked" page: reload it every few seconds until the check is finished
// (the server then shows the result or the reason it failed). Without JavaScript the
// page's own "Reload this page" link does the same.
(function () {
  "use strict";
  var pending = document.querySelector("[data-check-pending]");
  if (!pending) {
    return;
  }
  var seconds = parseInt(pending.getAttribute("data-check-pending"), 10) || 3;
  window.setTimeout(function () {
    window.location.reload();
  }, seconds * 1000);
})();
