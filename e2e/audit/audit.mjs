// make audit: runs Lighthouse (desktop preset) against a running
// backendgrid and prints the four category scores. Usage:
//   node audit.mjs http://127.0.0.1:8000/ [results.md]
import fs from "node:fs";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";

const url = process.argv[2];
const out = process.argv[3];
if (!url) {
  console.error("usage: node audit.mjs URL [results.md]");
  process.exit(2);
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" }, desktop);
  const lhr = result.lhr;
  const order = ["performance", "accessibility", "best-practices", "seo"];
  const rows = order.map((id) => [lhr.categories[id].title, Math.round(lhr.categories[id].score * 100)]);
  const lines = [
    `Lighthouse ${lhr.lighthouseVersion}, desktop preset, ${url} (${lhr.fetchTime.slice(0, 10)})`,
    "",
    "| category | score |",
    "|---|---|",
    ...rows.map(([name, score]) => `| ${name} | ${score} |`),
  ];
  // Anything short of 100 lists what cost points, so the score explains itself.
  for (const id of order) {
    const cat = lhr.categories[id];
    const lost = cat.auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
      .map((a) => `${a.id} (${Math.round(a.score * 100)})`);
    if (lost.length) lines.push("", `${cat.title}: ${lost.join(", ")}`);
  }
  const text = lines.join("\n") + "\n";
  process.stdout.write(text);
  if (out) fs.writeFileSync(out, text);
} finally {
  await chrome.kill();
}
