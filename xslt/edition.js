/* Reading edition: the view switch (diplomatic / reading), the "Copy citation" button and the
   explanations of the editorial marks. Without this script the page shows the diplomatic view,
   hides both controls, and a mark explains itself only in its tooltip (title). */
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

  // A message in the page's interface language, when the page gives translations (an edition
  // site's script#interface-messages, read when needed: it may come after this script).
  var interfaceMessage = function (message) {
    var given = document.getElementById("interface-messages");
    return (given && JSON.parse(given.textContent)[message]) || message;
  };

  var copy = document.querySelector(".copy-citation");
  if (copy && navigator.clipboard) {
    var actions = copy.parentNode;
    var status = actions.querySelector(".copy-status");
    copy.addEventListener("click", function () {
      var text = document.getElementById(copy.getAttribute("data-copy")).textContent;
      navigator.clipboard.writeText(text.replace(/\s+/g, " ").trim()).then(
        function () { status.textContent = interfaceMessage("Citation copied."); },
        function () { status.textContent = interfaceMessage("Select the citation and copy it."); }
      );
    });
    actions.hidden = false;
  }

  /* Each editorial mark is focusable and shows its explanation in a popover when pointed at,
     focused (Tab) or tapped; Escape closes it. The popover is the mark's description. */
  var marks = Array.prototype.slice.call(document.querySelectorAll(".text .ed[title], .source-document .ed[title]"));
  if (marks.length) {
    var tip = document.createElement("span");
    tip.id = "mark-explanation";
    tip.className = "mark-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    body.appendChild(tip);
    var shown = null;

    var hideTip = function () {
      if (shown) { shown.removeAttribute("aria-describedby"); }
      shown = null;
      tip.hidden = true;
    };
    var showTip = function (mark) {
      if (shown && shown !== mark) { shown.removeAttribute("aria-describedby"); }
      shown = mark;
      tip.textContent = mark.getAttribute("data-explanation");
      tip.hidden = false;
      mark.setAttribute("aria-describedby", tip.id);
      var at = mark.getBoundingClientRect(), room = document.documentElement.clientWidth;
      var left = Math.max(8, Math.min(at.left, room - tip.offsetWidth - 8));
      tip.style.left = (left + window.pageXOffset) + "px";
      var below = at.bottom + tip.offsetHeight + 8 <= document.documentElement.clientHeight || at.top < tip.offsetHeight + 8;
      tip.style.top = ((below ? at.bottom + 4 : at.top - tip.offsetHeight - 4) + window.pageYOffset) + "px";
    };

    marks.forEach(function (mark) {
      mark.setAttribute("data-explanation", mark.getAttribute("title"));
      mark.removeAttribute("title");  /* the popover takes the tooltip's place: not both */
      if (!mark.closest("a, button")) { mark.tabIndex = 0; }
      mark.addEventListener("mouseenter", function () { showTip(mark); });
      mark.addEventListener("mouseleave", function () { if (shown === mark && document.activeElement !== mark) { hideTip(); } });
      mark.addEventListener("focus", function () { showTip(mark); });
      mark.addEventListener("blur", function () { if (shown === mark) { hideTip(); } });
      mark.addEventListener("click", function (event) {
        if (mark.closest("a")) { return; }
        event.stopPropagation();
        if (shown === mark && document.activeElement !== mark) { hideTip(); } else { showTip(mark); }
      });
    });
    /* a nested mark explains itself, not its outer mark */
    marks.forEach(function (mark) {
      mark.addEventListener("mouseover", function (event) {
        var inner = event.target.closest && event.target.closest(".ed[data-explanation]");
        if (inner === mark) { event.stopPropagation(); showTip(mark); }
      });
    });
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hideTip(); } });
    document.addEventListener("click", function () { hideTip(); });
  }
})();
