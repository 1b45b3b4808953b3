// Fan-out page: pointing at a sentence in either table marks it in both.
(function () {
  "use strict";
  var tables = document.querySelectorAll(".disc-heat tbody, .disc-matrix tbody");
  if (tables.length < 2) return;
  function mark(index, on) {
    tables.forEach(function (body) {
      var row = body.rows[index];
      if (row) row.classList.toggle("hl", on);
    });
  }
  tables.forEach(function (body) {
    Array.prototype.forEach.call(body.rows, function (row, index) {
      row.addEventListener("mouseenter", function () { mark(index, true); });
      row.addEventListener("mouseleave", function () { mark(index, false); });
    });
  });
})();
