// Share links on a comparison page: copy a link, and ask before revoking one.
// Without this file the page still works: the link is shown in full to select by
// hand, and Revoke posts to a page that asks the same question.
(() => {
  "use strict";
  const panel = document.getElementById("share-links");
  if (!panel) return;

  const say = (button, words) => {
    const status = button.parentElement.querySelector(".share-copied");
    if (status) status.textContent = words;
  };

  // Select the link's text, so Ctrl+C (or a long press) copies it where the clipboard API cannot.
  const selectText = (element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copied = (button) => {
    button.classList.add("is-copied");
    button.firstChild.textContent = "Copied";
    say(button, "Link copied to the clipboard.");
    window.setTimeout(() => {
      button.classList.remove("is-copied");
      button.firstChild.textContent = "Copy link";
      say(button, "");
    }, 4000);
  };

  const fallback = (button, element) => {
    selectText(element);
    say(button, "Link selected: press Ctrl+C (⌘C on a Mac) to copy it.");
  };

  panel.querySelectorAll("button.share-copy").forEach((button) => {
    const element = document.getElementById(button.dataset.copy);
    if (!element) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      const text = element.textContent.trim();
      // The clipboard API exists only on secure pages (https, or this machine).
      if (!navigator.clipboard || !window.isSecureContext) {
        fallback(button, element);
        return;
      }
      navigator.clipboard.writeText(text).then(() => copied(button), () => fallback(button, element));
    });
  });

  panel.querySelectorAll("form.revoke-form").forEach((form) => {
    const ask = form.querySelector(".revoke-ask");
    const confirm = form.querySelector(".revoke-confirm");
    const cancel = form.querySelector(".revoke-cancel");
    if (!ask || !confirm || !cancel) return;
    ask.addEventListener("click", (event) => {
      event.preventDefault();
      ask.hidden = true;
      confirm.hidden = false;
      confirm.querySelector("button[name=confirm]").focus();
    });
    cancel.addEventListener("click", () => {
      confirm.hidden = true;
      ask.hidden = false;
      ask.focus();
    });
  });
})();
