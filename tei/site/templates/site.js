// The interface's messages in the edition's language (tei/site.py's SCRIPT_MESSAGES, translated
// from the catalogue into the page); English, the messages' own language, has none.
var interfaceMessage = (function () {
  "use strict";
  var given = document.getElementById("interface-messages");
  var messages = given ? JSON.parse(given.textContent) : {};
  return function (message, values) {
    return (messages[message] || message).replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  };
})();

// The home page's table: sorting by column and filtering by words, type and language.
// Without scripts the table is still there, complete, in date order.
(function () {
  "use strict";
  var t = interfaceMessage;
  var table = document.getElementById("documents");
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var text = document.getElementById("filter-text");
    var type = document.getElementById("filter-type");
    var language = document.getElementById("filter-language");
    var count = document.getElementById("filter-count");
    var filter = function () {
      var words = (text.value || "").toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!words || row.textContent.toLowerCase().indexOf(words) !== -1) &&
          (!type.value || row.dataset.type === type.value) &&
          (!language.value || row.dataset.language.split("|").indexOf(language.value) !== -1);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = t("{shown} of {total} documents", {shown: shown, total: rows.length});
    };
    [text, type, language].forEach(function (el) { el.addEventListener("input", filter); });
    filter();
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var button = th.querySelector("button");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var key = function (row) {
          var cell = row.cells[column];
          return (cell.dataset.value || cell.textContent).trim().toLowerCase();
        };
        rows.sort(function (a, b) { return (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (ascending ? 1 : -1); });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  // Search: Pagefind's index, our own small interface (type and year filter the results).
  var form = document.getElementById("search-form");
  if (form) {
    var input = document.getElementById("search-input");
    var typeSelect = document.getElementById("search-type");
    var yearSelect = document.getElementById("search-year");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    if (window.location.protocol === "file:") {
      document.getElementById("search-unavailable").hidden = false;
      form.hidden = true;
      return;
    }
    // Resolved against the page, not this script (which lives in assets/). A large edition's
    // index comes in parts (data-bundles): the first is loaded, the others merged into it.
    var bundles = (form.getAttribute("data-bundles") || "pagefind/").split(" ");
    var engine = import(new URL(bundles[0] + "pagefind.js", document.baseURI).href).then(function (pagefind) {
      return Promise.all(bundles.slice(1).map(function (bundle) {
        return pagefind.mergeIndex(new URL(bundle, document.baseURI).href);
      })).then(function () { return pagefind; });
    });
    var SHOWN = 50;  // results shown at most
    var BATCH = 50;  // results whose data is loaded at a time, until enough pass the filters
    var EXAMINED = 1000;  // results looked at at most: each one's data is a request
    var latest = 0;
    var matches = function (r) {
      return (!typeSelect.value || r.meta.type === typeSelect.value) &&
        (!yearSelect.value || r.meta.year === yearSelect.value);
    };
    // Filters apply to all the results, not only to the first ones: data is loaded in batches
    // until SHOWN results pass, or none are left, or EXAMINED have been looked at.
    var collect = function (results, from, shown) {
      if (shown.length >= SHOWN || from >= Math.min(results.length, EXAMINED)) {
        return Promise.resolve({shown: shown.slice(0, SHOWN), more: shown.length > SHOWN || from < results.length});
      }
      return Promise.all(results.slice(from, from + BATCH).map(function (r) { return r.data(); }))
        .then(function (loaded) { return collect(results, from + BATCH, shown.concat(loaded.filter(matches))); });
    };
    // The results: Pagefind's (an excerpt with <mark> around the words, as HTML) or the catalogue's
    // (a summary, as text).
    var show = function (shown, more) {
      list.innerHTML = "";
      shown.forEach(function (r) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = r.url.replace(/^\//, "");
        link.textContent = r.meta.title || r.url;
        var date = document.createElement("span");
        date.className = "date";
        date.textContent = (r.meta.date || "") + (r.meta.type ? " · " + r.meta.type : "");
        var excerpt = document.createElement("p");
        if (r.excerpt !== undefined) {
          excerpt.innerHTML = r.excerpt;  // Pagefind's excerpt: the page's own text with <mark> around the words
        } else {
          excerpt.textContent = r.summary || "";
        }
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(date);
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      status.textContent = t(shown.length === 1 ? "{count} document found" : "{count} documents found", {count: shown.length}) +
        (more ? t(" (there are more: add words to narrow the search)") : "");
    };
    // A filter without words lists every document that passes it, from the catalogue.
    var catalogue = null;
    var listed = function () {
      catalogue = catalogue || fetch(new URL("documents.json", document.baseURI).href).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      });
      return catalogue;
    };
    var filtered = function (ticket) {
      status.textContent = t("Searching…");
      listed().then(function (data) {
        if (ticket !== latest) { return; }
        show(data.documents.map(function (d) {
          return {url: d.page, summary: d.summary,
                  meta: {title: d.title, date: d.date_text || "Undated", type: d.type, year: (d.date || "").slice(0, 4) || "Undated"}};
        }).filter(matches), false);
      }).catch(function () { catalogue = null; status.textContent = t("Search is not available here."); });
    };
    var run = function () {
      var words = input.value.trim();
      var ticket = ++latest;
      if (!words && (typeSelect.value || yearSelect.value)) { filtered(ticket); return; }
      if (!words) { list.innerHTML = ""; status.textContent = ""; return; }
      status.textContent = t("Searching…");
      engine.then(function (pagefind) { return pagefind.search(words); })
        .then(function (search) { return collect(search.results, 0, []); })
        .then(function (found) {
          if (ticket !== latest) { return; }  // a newer search has started
          show(found.shown, found.more);
        })
        .catch(function () { status.textContent = t("Search is not available here."); });
    };
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    [typeSelect, yearSelect].forEach(function (el) { el.addEventListener("change", run); });
    input.addEventListener("input", run);
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { input.value = query; run(); }
  }
})();
