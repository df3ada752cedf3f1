/*! backendgrid embed: turns <div data-backendgrid="https://host/path/?only=..."> into
 * a lazy-loaded, titled iframe whose height follows its content.
 *
 * The widget posts {type: "backendgrid:resize", height: <px>} to its parent
 * whenever its content height changes. This script accepts such a message
 * only from the iframe it created, only from that iframe's origin, and only
 * when the height is a sane number; then it sizes the iframe so it needs no
 * scrollbar of its own. Plain JavaScript, no dependencies.
 *
 * Optional attributes on the div: data-title (the iframe's accessible name),
 * data-height (initial height in px before the first message, default 600).
 */
(function () {
  "use strict";

  var MESSAGE = "backendgrid:resize";
  var MIN_HEIGHT = 80;
  var MAX_HEIGHT = 100000;

  function mount(host) {
    if (host.getAttribute("data-backendgrid-mounted")) return;
    var src;
    try {
      src = new URL(host.getAttribute("data-backendgrid"), document.baseURI);
    } catch (e) {
      return;
    }
    if (src.protocol !== "https:" && src.protocol !== "http:") return;
    src.searchParams.set("embed", "1");

    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = host.getAttribute("data-title") || "backendgrid: compare backend frameworks";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    var initial = parseInt(host.getAttribute("data-height"), 10);
    frame.style.height = (initial >= MIN_HEIGHT && initial <= MAX_HEIGHT ? initial : 600) + "px";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.display = "block";
    host.setAttribute("data-backendgrid-mounted", "1");
    host.appendChild(frame);

    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow || event.origin !== src.origin) return;
      var data = event.data;
      if (!data || typeof data !== "object" || data.type !== MESSAGE) return;
      var height = data.height;
      if (typeof height !== "number" || !isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
      frame.style.height = Math.ceil(height) + "px";
    });
  }

  function mountAll() {
    var hosts = document.querySelectorAll("[data-backendgrid]");
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
