/* Name cards: a name in the text that links to the edition's index opens a small card (role,
   dates, note, authority) on hover, on keyboard focus and on a tap; Escape closes it. The data
   is the page's own (script#name-cards, written from the registers when the site is built).
   Without this script a name is a plain link to its index entry. */
(function () {
  "use strict";
  var source = document.getElementById("name-cards");
  if (!source) { return; }
  var cards;
  try { cards = JSON.parse(source.textContent); } catch (e) { return; }
  var card = null, owner = null, hideTimer = null, touched = false, returning = false;
  // The card's labels in the edition's language (script#interface-messages, as in site.js).
  var given = document.getElementById("interface-messages");
  var messages = given ? JSON.parse(given.textContent) : {};

  function anchorOf(link) {
    var href = link.getAttribute("href") || "";
    return href.slice(href.indexOf("#") + 1);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function hide(returnFocus) {
    window.clearTimeout(hideTimer);
    if (!card) { return; }
    var link = owner;
    card.parentNode.removeChild(card);
    link.removeAttribute("aria-describedby");
    link.setAttribute("aria-expanded", "false");
    card = null; owner = null;
    if (returnFocus) { returning = true; link.focus(); returning = false; }
  }

  function laterHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () { hide(false); }, 250);
  }

  function show(link) {
    window.clearTimeout(hideTimer);
    if (owner === link) { return; }
    hide(false);
    var data = cards[anchorOf(link)];
    if (!data) { return; }
    card = element("span", "name-card");
    card.id = "name-card";
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-labelledby", "name-card-name");
    var name = element("strong", "name-card-name", data.name);
    name.id = "name-card-name";
    card.appendChild(name);
    var about = element("span", "name-card-about");
    about.id = "name-card-about";
    about.appendChild(element("span", "name-card-role", data.role + (data.dates ? ", " + data.dates : "")));
    if (data.note) { about.appendChild(element("span", "name-card-note", data.note)); }
    card.appendChild(about);
    var links = element("span", "name-card-links");
    var index = element("a", "", (messages["Documents that name {name}"] || "Documents that name {name}").replace("{name}", data.name));
    index.href = link.getAttribute("href");
    links.appendChild(index);
    if (data.authority && /^https?:\/\//i.test(data.authority)) {
      var authority = element("a", "name-card-authority", messages["Authority record"] || "Authority record");
      authority.href = data.authority;
      authority.rel = "external";
      links.appendChild(authority);
    }
    card.appendChild(links);
    card.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    card.addEventListener("mouseleave", laterHide);
    card.addEventListener("focusout", function (event) {
      if (!card || (event.relatedTarget && (card.contains(event.relatedTarget) || event.relatedTarget === owner))) { return; }
      laterHide();
    });
    /* right after the name, so that Tab goes from the name into its card */
    link.parentNode.insertBefore(card, link.nextSibling);
    owner = link;
    link.setAttribute("aria-describedby", "name-card-about");
    link.setAttribute("aria-expanded", "true");
    place(link);
  }

  function place(link) {
    var host = card.offsetParent || document.body;
    var box = host.getBoundingClientRect(), at = link.getBoundingClientRect();
    var width = card.offsetWidth, room = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(at.left, room - width - 8));
    card.style.left = (left - box.left) + "px";
    var height = card.offsetHeight;
    var below = at.bottom + height + 8 <= document.documentElement.clientHeight || at.top < height + 8;
    card.style.top = ((below ? at.bottom + 4 : at.top - height - 4) - box.top) + "px";
  }

  Array.prototype.forEach.call(document.querySelectorAll("a.name[href]"), function (link) {
    if (!cards[anchorOf(link)]) { return; }
    link.setAttribute("aria-expanded", "false");
    link.addEventListener("mouseenter", function () { if (!touched) { show(link); } });
    link.addEventListener("mouseleave", function () { if (!touched) { laterHide(); } });
    link.addEventListener("focus", function () { if (!returning) { show(link); } });
    link.addEventListener("blur", function (event) {
      if (card && event.relatedTarget && card.contains(event.relatedTarget)) { return; }
      laterHide();
    });
    link.addEventListener("touchstart", function () { touched = true; }, { passive: true });
    link.addEventListener("click", function (event) {
      /* a tap opens the card first; the card's own link leads to the index */
      if (touched && owner !== link) { event.preventDefault(); show(link); }
      else if (touched && owner === link && card) { event.preventDefault(); }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && card) {
      var inside = card.contains(document.activeElement) || document.activeElement === owner;
      hide(inside);
    }
  });
  document.addEventListener("click", function (event) {
    if (card && !card.contains(event.target) && event.target !== owner && !owner.contains(event.target)) { hide(false); }
  });
})();
