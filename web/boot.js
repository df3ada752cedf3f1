// backendgrid boot script: runs on the prerendered page before the wasm.
//
// The wasm replaces the prerendered DOM when it starts, so anything the
// reader typed or ticked in the meantime would be lost. This script keeps
// it in the address (history.replaceState), which the wasm reads on start,
// and records where the caret was so the wasm can put it back. It also makes
// "/" focus the search box, before and after the wasm starts.
(function () {
  "use strict";

  var boot = (window.backendgridBoot = { ready: false, focus: "", start: 0, end: 0 });
  document.documentElement.classList.add("js");

  function controls() {
    return document.getElementById("controls");
  }

  // Mirrors the form in the address the same way the wasm does: one
  // parameter per facet with comma-separated values.
  function sync() {
    if (boot.ready) return;
    var form = controls();
    if (!form) return;
    var params = new URLSearchParams();
    var facets = {};
    new FormData(form).forEach(function (value, name) {
      value = String(value);
      if (name === "q") {
        if (value.trim() !== "") params.set("q", value.trim());
        return;
      }
      if (name === "sort" || name === "cols") {
        params.set(name, value);
        return;
      }
      (facets[name] = facets[name] || []).push(value);
    });
    Object.keys(facets).forEach(function (name) {
      params.set(name, facets[name].join(","));
    });
    var query = params.toString().replace(/%2C/g, ",");
    history.replaceState(history.state, "", query ? "?" + query : location.pathname);
  }

  function remember(el) {
    if (boot.ready || !el || !el.id) return;
    boot.focus = el.id;
    if (typeof el.selectionStart === "number") {
      boot.start = el.selectionStart;
      boot.end = el.selectionEnd;
    }
  }

  document.addEventListener("input", function (e) {
    remember(e.target);
    sync();
  });
  document.addEventListener("change", sync);
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
