/* Reading edition: the view switch (diplomatic / reading) and the "Copy citation" button.
   Without this script the page shows the diplomatic view and hides both controls. */
(function () {
  "use strict";
  var body = document.body;
  var storageKey = "tei-edition-view";

  function remember(view) {
    try { window.localStorage.setItem(storageKey, view); } catch (e) { /* storage may be off */ }
  }

  function recalled() {
    try { return window.localStorage.getItem(storageKey); } catch (e) { return null; }
  }

  function setView(view, buttons) {
    body.classList.remove("view-diplomatic", "view-reading");
    body.classList.add("view-" + view);
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
    });
  }

  var switcher = document.querySelector(".view-switch");
  if (switcher) {
    var buttons = Array.prototype.slice.call(switcher.querySelectorAll("button[data-view]"));
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var view = button.getAttribute("data-view");
        setView(view, buttons);
        remember(view);
      });
    });
    var saved = recalled();
    if (saved === "diplomatic" || saved === "reading") { setView(saved, buttons); }
    switcher.hidden = false;
  }

  var copy = document.querySelector(".copy-citation");
  if (copy && navigator.clipboard) {
    var actions = copy.parentNode;
    var status = actions.querySelector(".copy-status");
    copy.addEventListener("click", function () {
      var text = document.getElementById(copy.getAttribute("data-copy")).textContent;
      navigator.clipboard.writeText(text.replace(/\s+/g, " ").trim()).then(
        function () { status.textContent = "Citation copied."; },
        function () { status.textContent = "Select the citation and copy it."; }
      );
    });
    actions.hidden = false;
  }
})();
