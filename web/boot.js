// backendgrid boot script: runs on the prerendered page before the wasm.
//
// The wasm adopts the prerendered DOM when it starts (the nodes stay, with
// what the reader typed, the focus, the selection and the scroll), but it
// starts from the address. So this script keeps what the reader typed or
// ticked in the meantime in the address (history.replaceState), and
// records where the caret was, for a part the wasm has to draw anew. It
// also makes "/" focus the search box, before and after the wasm starts.
(function () {
  "use strict";

  // controlled: whether a service worker served this page. When it did
  // not (a first visit), the worker's first activation is the install,
  // not an update, and must not offer a reload.
  var boot = (window.backendgridBoot = {
    ready: false,
    focus: "",
    start: null,
    end: null,
    controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
    open: null,
  });
  var root = document.documentElement;
  root.classList.add("js");

  // Theme and accent apply to the whole document before the first paint
  // (the wasm keeps them in sync later). The accent is checked
  // to be six hex digits and set through the CSSOM, which the CSP allows.
  var params = new URLSearchParams(location.search);
  var embedded = params.get("embed") === "1" || params.get("embed") === "true" || params.get("embed") === "on";
  var themeKey = "backendgrid:theme";
  // The theme picked with the switch (full page only). Storage access can
  // throw (blocked storage, sandboxed frames): it stays in try blocks here,
  // and the wasm goes through these two.
  boot.theme = "";
  if (!embedded) {
    try {
      boot.theme = JSON.parse(localStorage.getItem(themeKey) || '""');
    } catch (e) {}
  }
  boot.saveTheme = function (value) {
    try {
      localStorage.setItem(themeKey, JSON.stringify(value));
    } catch (e) {}
  };
  var theme = (params.get("theme") || boot.theme || "").toLowerCase();
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  var accent = /^#?([0-9a-fA-F]{6})$/.exec((params.get("accent") || "").trim());
  if (accent) {
    var hex = accent[1].toLowerCase();
    root.style.setProperty("--accent-custom", "#" + hex);
    root.style.setProperty("--accent-custom-text", accentText(hex));
  }

  // Same rule as app.AccentText: the better contrast of white and #111.
  function accentText(hex) {
    var c = [0, 2, 4].map(function (i) {
      var s = parseInt(hex.substr(i, 2), 16) / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    var l = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    return 1.05 / (l + 0.05) >= (l + 0.05) / 0.0556 ? "#ffffff" : "#111111";
  }

  // Inside an iframe, tell the parent page how tall the content is, every
  // time it changes, so the iframe needs no scrollbar of its own. Message:
  // {type: "backendgrid:resize", height: <CSS pixels>}; web/embed.js is the
  // receiving side. The height is not a secret, so any parent may read it.
  if (window.parent !== window && "ResizeObserver" in window) {
    var last = 0;
    var post = function () {
      var body = document.body;
      if (!body) return;
      var cs = getComputedStyle(body);
      var h = Math.ceil(body.getBoundingClientRect().height + parseFloat(cs.marginTop) + parseFloat(cs.marginBottom));
      if (h > 0 && h !== last) {
        last = h;
        window.parent.postMessage({ type: "backendgrid:resize", height: h }, "*");
      }
    };
    var observe = function () {
      new ResizeObserver(post).observe(document.body);
      post();
    };
    if (document.body) observe();
    else document.addEventListener("DOMContentLoaded", observe);
  }

  function controls() {
    return document.getElementById("controls");
  }

  // Mirrors the form in the address the same way the wasm does: one
  // parameter per facet with comma-separated values. Parameters the form
  // does not carry (embed, only, theme, compare...) are kept as they are.
  function sync() {
    if (boot.ready) return;
    var form = controls();
    if (!form) return;
    var params = new URLSearchParams(location.search);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name) params.delete(el.name);
    });
    var lists = {};
    new FormData(form).forEach(function (value, name) {
      value = String(value).trim();
      if (value === "") return;
      if (name === "q" || name === "sort" || name === "cols") {
        params.set(name, value);
        return;
      }
      (lists[name] = lists[name] || []).push(value);
    });
    Object.keys(lists).forEach(function (name) {
      params.set(name, lists[name].join(","));
    });
    // Readable separators, as the wasm writes them (app.EncodeQuery).
    var query = params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":").replace(/%7C/g, "|");
    history.replaceState(history.state, "", query ? "?" + query : location.pathname);
  }

  function remember(el) {
    if (boot.ready || !el || !el.id) return;
    boot.focus = el.id;
    // Only text fields have a caret; anything else must not get one back.
    var text = typeof el.selectionStart === "number";
    boot.start = text ? el.selectionStart : null;
    boot.end = text ? el.selectionEnd : null;
  }

  document.addEventListener("input", function (e) {
    remember(e.target);
    sync();
  });
  document.addEventListener("change", sync);
  // A value clicked before the wasm starts: the wasm opens its details
  // once it is there (the details are drawn by the wasm).
  document.addEventListener("click", function (e) {
    var value = !boot.ready && e.target.closest && e.target.closest("button.bg-cell");
    if (value) boot.open = value;
  });
  document.addEventListener("focusin", function (e) {
    remember(e.target);
  });
  document.addEventListener("keyup", function (e) {
    remember(e.target);
  });

  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    var tag = t && t.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
    var search = document.getElementById("search");
    if (!search) return;
    e.preventDefault();
    search.focus();
    search.select();
  });
})();
