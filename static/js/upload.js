// Upload page: show upload progress for large files. Import job page: poll progress.
// Both pages work without this script (plain form post; reload to refresh).
(function () {
  "use strict";

  function setButtons(form, disabled) {
    form.querySelectorAll("button").forEach(function (b) { b.disabled = disabled; });
  }

  // Show the server's answer as the page, at the address it came from. The answer is shown as
  // received rather than fetched again, so one-time messages ("Added …") are not lost.
  function showResponse(xhr, requested) {
    var finalURL = xhr.responseURL && xhr.responseURL.split("#")[0];
    if (finalURL && finalURL !== requested) window.history.replaceState(null, "", finalURL);
    document.open();
    document.write(xhr.responseText);
    document.close();
  }

  // After a rejected upload the page comes back with errors: take the keyboard there.
  function focusFirstError(form) {
    var summary = form.querySelector(".errors");
    var field = form.querySelector(".field .errorlist");
    if (summary) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    } else if (field) {
      var input = field.closest(".field").querySelector("input, textarea, select");
      if (input) input.focus();
    }
  }

  function setupUploadForm(form) {
    var box = form.querySelector(".upload-progress");
    var bar = box && box.querySelector("progress");
    var label = box && box.querySelector(".upload-progress-text");
    if (!box || !window.FormData || !window.XMLHttpRequest) return;
    focusFirstError(form);
    // Coming back to this page (Back button): it must not stay stuck "uploading".
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      box.hidden = true;
      setButtons(form, false);
    });
    form.addEventListener("submit", function (event) {
      var files = form.querySelector('input[type="file"]');
      var hasFiles = files && files.files && files.files.length > 0;
      // Text and URLs post at once (a URL is fetched by the worker): no progress bar.
      if (!hasFiles) return;
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
      var action = (event.submitter && event.submitter.getAttribute("formaction")) || form.getAttribute("action") || window.location.href;
      var requested = new URL(action, window.location.href).href.split("#")[0];
      var xhr = new XMLHttpRequest();
      xhr.open("POST", requested);
      bar.value = 0;
      label.textContent = "Starting the upload…";
      box.hidden = false;
      setButtons(form, true);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round((100 * e.loaded) / e.total);
        bar.value = percent;
        label.textContent = percent < 100 ? percent + "% uploaded" : "Uploaded; reading the documents…";
      });
      xhr.addEventListener("load", function () {
        // A document, an import job, or this form again with its errors.
        showResponse(xhr, requested);
      });
      function failed() {
        label.textContent = "The upload failed. Check your connection and try again.";
        setButtons(form, false);
      }
      xhr.addEventListener("error", failed);
      xhr.addEventListener("abort", failed);
      xhr.addEventListener("timeout", failed);
      xhr.send(data);
    });
  }

  function setupJob(job) {
    var url = job.getAttribute("data-status-url");
    // A finished job has nothing to follow; a stalled one waits for its Resume button.
    if (job.getAttribute("data-finished") === "true" || job.hasAttribute("data-stalled")) return;
    var progress = job.querySelector("progress");
    function set(name, value) {
      // Only real changes: rewriting the live region every second makes screen readers repeat it.
      var el = job.querySelector("." + name);
      if (el && el.textContent !== String(value)) el.textContent = value;
    }
    // The job is over: show the server's result table in place of the live counts.
    function showResults() {
      fetch(window.location.href, { credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.text();
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html");
          var freshJob = fresh.querySelector(".import-job");
          if (!freshJob) throw new Error("no job on the page");
          var oldItems = document.querySelector(".import-items");
          var newItems = fresh.querySelector(".import-items");
          if (oldItems) oldItems.remove();
          job.replaceWith(freshJob);
          if (newItems) freshJob.after(newItems);
        })
        .catch(function () { window.location.reload(); });
    }
    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then(function (s) {
          set("status", s.status_display);
          ["processed", "total", "added", "new_versions", "duplicates", "rejected"].forEach(function (k) { set(k, s[k]); });
          if (progress.value !== s.percent) {
            progress.value = s.percent;
            progress.textContent = s.percent + "%";
          }
          if (s.finished || s.stalled) {
            showResults();
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
