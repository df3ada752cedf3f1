// make audit: runs Lighthouse (desktop preset) RUNS times against a running
// backendgrid, each in a fresh Chromium, and writes the median of each
// category score and of Total Blocking Time, with every run beside it.
// Usage:
//   node audit.mjs http://127.0.0.1:8000/ [results.md]
// The results file ends with one machine-readable line,
// <!-- audit {...} -->, which `make bench` reads for its targets.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";

const RUNS = 3;
// The targets of the issue "Instant: keys as fast as plain JavaScript".
const TARGET_PERFORMANCE = 98;
const TARGET_TBT_MS = 50;

const url = process.argv[2];
const out = process.argv[3];
if (!url) {
  console.error("usage: node audit.mjs URL [results.md]");
  process.exit(2);
}

// The server was just started: wait until it answers.
async function waitFor(u, seconds) {
  for (let i = 0; i < seconds * 10; i++) {
    try {
      const res = await fetch(u);
      if (res.ok) return;
    } catch (e) {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${u} did not answer within ${seconds} s`);
}

async function audit() {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
    chromeFlags: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" }, desktop);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

// The commit audited, as `make bench` records it.
function commit() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  try {
    const git = (...args) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" }).trim();
    const head = git("rev-parse", "--short=12", "HEAD");
    return git("status", "--porcelain", "--untracked-files=no") ? head + " with uncommitted changes" : head;
  } catch (e) {
    return "";
  }
}

// median of an odd or even number of values.
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

await waitFor(url, 30);
const lhrs = [];
for (let i = 0; i < RUNS; i++) {
  const lhr = await audit();
  lhrs.push(lhr);
  const perf = Math.round(lhr.categories.performance.score * 100);
  console.error(`run ${i + 1}/${RUNS}: performance ${perf}, TBT ${Math.round(lhr.audits["total-blocking-time"].numericValue)} ms`);
}

const order = ["performance", "accessibility", "best-practices", "seo"];
const score = (lhr, id) => Math.round(lhr.categories[id].score * 100);
const tbt = (lhr) => lhr.audits["total-blocking-time"].numericValue;
const med = {};
for (const id of order) med[id] = median(lhrs.map((l) => score(l, id)));
med.tbt = Math.round(median(lhrs.map(tbt)));
const first = lhrs[0];
const info = {
  version: first.lighthouseVersion,
  date: first.fetchTime.slice(0, 10),
  commit: commit(),
  url,
  runs: RUNS,
  median: med,
};
const met = (ok) => (ok ? "met" : "**missed**");
const runCols = lhrs.map((_, i) => `run ${i + 1}`);
const lines = [
  `Lighthouse ${info.version}, desktop preset, ${url}: ${RUNS} runs, each in a fresh Chromium, on ${info.date}, commit ${info.commit || "unknown"}. Written by \`make audit\`.`,
  "",
  `| | median | ${runCols.join(" | ")} |`,
  `|---|---|${runCols.map(() => "---|").join("")}`,
  ...order.map((id) => `| ${first.categories[id].title} | ${med[id]} | ${lhrs.map((l) => score(l, id)).join(" | ")} |`),
  `| Total Blocking Time | ${Math.round(med.tbt)} ms | ${lhrs.map((l) => Math.round(tbt(l)) + " ms").join(" | ")} |`,
  "",
  `Targets: performance at least ${TARGET_PERFORMANCE}: ${met(med.performance >= TARGET_PERFORMANCE)}; Total Blocking Time within ${TARGET_TBT_MS} ms: ${met(med.tbt <= TARGET_TBT_MS)}.`,
];
// What cost points, in the run whose performance score is the median, so
// the score explains itself.
const byPerf = lhrs.map((l, i) => [score(l, "performance"), i]).sort((a, b) => a[0] - b[0]);
const mid = byPerf[(byPerf.length - 1) >> 1][1];
const lost = [];
for (const id of order) {
  const cat = lhrs[mid].categories[id];
  const audits = cat.auditRefs
    .map((ref) => lhrs[mid].audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
    .map((a) => `${a.id} (${Math.round(a.score * 100)})`);
  if (audits.length) lost.push("", `${cat.title}: ${audits.join(", ")}`);
}
if (lost.length) lines.push("", `What cost points in run ${mid + 1} (the median performance):`, ...lost);
lines.push("", `<!-- audit ${JSON.stringify(info)} -->`);
const text = lines.join("\n") + "\n";
process.stdout.write(text);
if (out) fs.writeFileSync(out, text);
