// The plain-JavaScript peer of `make bench`: what a team would write instead
// of backendgrid's wasm for the search box. Fuse.js over the items' names and
// aliases; on each input event the matching rows, as the prerendered page
// has them, go back into the grid's tbody in Fuse's order.
import Fuse from "./fuse.min.mjs";

const cfg = JSON.parse(document.getElementById("peer-data").textContent);
const rows = document.querySelectorAll(cfg.rows);
const tbody = rows[0].parentElement;
const html = new Map(Array.from(rows, (tr) => [tr.id, tr.outerHTML]));
const all = Array.from(html.keys());
const fuse = new Fuse(cfg.items, { keys: ["name", "aliases"] });
const search = document.querySelector(cfg.search);
const count = document.querySelector(cfg.count);
let timer;

search.addEventListener("input", () => {
  const q = search.value.trim();
  const ids = q ? fuse.search(q).map((r) => r.item.row) : all;
  tbody.innerHTML = ids.map((id) => html.get(id)).join("");
  count.textContent = ids.length + " of " + all.length;
  // Like backendgrid, the query goes into the address once typing pauses.
  clearTimeout(timer);
  timer = setTimeout(() => history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname), 300);
});
window.peerReady = true;
