// Upload page: show upload progress for large files. Import job page: poll progress.
// Both pages work without this script (plain form post; reload to refresh).
(function () {
  "use strict";

  function setupUploadForm(form) {
    var box = form.querySelector(".upload-progress");
    var bar = box && box.querySelector("progress");
    var label = box && box.querySelector(".upload-progress-text");
    if (!box || !window.FormData || !window.XMLHttpRequest) return;
    form.addEventListener("submit", function (event) {
      var files = form.querySelector('input[type="file"]');
      var hasFiles = files && files.files && files.files.length > 0;
      var fetching = !hasFiles && form.querySelector('[name="url"]') && form.querySelector('[name="url"]').value;
      if (!hasFiles && !fetching) return; // small text posts need no progress bar
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
      var action = (event.submitter && event.submitter.getAttribute("formaction")) || form.getAttribute("action") || window.location.href;
      var xhr = new XMLHttpRequest();
      xhr.open("POST", action);
      box.hidden = false;
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round((100 * e.loaded) / e.total);
        bar.value = percent;
        label.textContent = percent < 100 ? percent + "% uploaded" : "Uploaded; reading the documents…";
      });
      xhr.addEventListener("load", function () {
        // Redirected to a document or an import job: go there. Otherwise show the form's errors.
        if (xhr.responseURL && xhr.responseURL.split("#")[0] !== new URL(action, window.location.href).href) {
          window.location.assign(xhr.responseURL);
          return;
        }
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener("error", function () {
        label.textContent = "The upload failed. Check your connection and try again.";
        form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
      });
      xhr.send(data);
    });
  }

  function setupJob(job) {
    var url = job.getAttribute("data-status-url");
    if (job.getAttribute("data-finished") === "true") return;
    var progress = job.querySelector("progress");
    function set(name, value) {
      var el = job.querySelector("." + name);
      if (el) el.textContent = value;
    }
    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          set("status", s.status_display);
          ["processed", "total", "added", "new_versions", "duplicates", "rejected"].forEach(function (k) { set(k, s[k]); });
          progress.value = s.percent;
          progress.textContent = s.percent + "%";
          if (s.finished) {
            window.location.reload(); // the server renders the full result table
          } else {
            window.setTimeout(poll, 1000);
          }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 500);
  }

  var form = document.getElementById("upload-form");
  if (form) setupUploadForm(form);
  var job = document.querySelector(".import-job[data-status-url]");
  if (job) setupJob(job);
})();
