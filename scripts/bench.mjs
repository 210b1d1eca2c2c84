#!/usr/bin/env node
// The browser benchmark (`make bench`): generates the lists, writes their compact form with the
// native `convert`, serves www/bench.html with the lists and the two libraries, runs every
// workload in a fresh headless Chromium page, prints the comparison table and writes BENCHMARKS.md
// (figures between the GENERATED markers; the analysis around them is kept).
//
//   node scripts/bench.mjs [--sizes 2062,100000,1000000] [--engines om-json,om-compact,fuse,minisearch]
//                          [--runs 5] [--budget 60] [--no-write]
//
// Nothing here gates: the benchmark reports (quality bars (docs/contract.md) are compared in the table, not asserted).

import { createServer } from "node:http";
import { createReadStream, existsSync, promises as fs, readFileSync, statSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt("sizes", "2062,100000,1000000").split(",").map(Number);
const engines = opt("engines", "om-json,om-compact,fuse,minisearch").split(",").filter(Boolean); // "" with --reuse: report only
const runs = Number(opt("runs", "5"));
// opportunity-matcher's one-time figures (reference-data init, making the list queryable) are one
// sample per tab: each such workload up to 100,000 projects runs in this many fresh tabs, and the
// tab with the median init + load is reported (the spread is printed under the table).
const tabs = Number(opt("tabs", "3"));
const budget = Number(opt("budget", "60"));
const write = !args.includes("--no-write");
// --pkg DIR: serve another wasm-bindgen output as /pkg/ (e.g. a build with other profile settings).
const pkgDir = opt("pkg", null);
const dataDir = path.join(root, "target/bench");
const log = (...a) => console.error("bench:", ...a);

// ---- data ------------------------------------------------------------------------------------------
await fs.mkdir(dataDir, { recursive: true });
const cli = path.join(root, "target/release/opportunity-matcher");
// cargo decides whether the command line is out of date (a no-op when it is not): a list of source
// files to compare dates with goes stale when a module moves.
log("building the native command line (for convert)");
execFileSync("cargo", ["build", "--release", "--bin", "opportunity-matcher"], { cwd: root, stdio: "inherit" });
for (const n of sizes) {
  const json = path.join(dataDir, `list-${n}.json`);
  const oml = path.join(dataDir, `list-${n}.oml`);
  if (!existsSync(json)) {
    log(`generating ${n} projects`);
    const extra = n === 2062 ? ["--province", "51"] : [];
    execFileSync("node", [path.join(root, "scripts/gen-list.mjs"), "--count", String(n), "--seed", "1", ...extra, "--out", json], { stdio: "inherit" });
  }
  if (!existsSync(oml) || statSync(oml).mtimeMs < Math.max(statSync(json).mtimeMs, statSync(cli).mtimeMs)) {
    log(`converting ${n} projects to the compact form`);
    execFileSync(cli, ["convert", json, oml], { stdio: "inherit" });
  }
}

// ---- server ----------------------------------------------------------------------------------------
const MIME = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8", ".svg": "image/svg+xml", ".css": "text/css", ".oml": "application/octet-stream" };
const mounts = [
  ["/bench-data/queries.json", path.join(root, "benches/queries.json")],
  ["/bench-data/", dataDir],
  ["/vendor/fuse.js/", path.join(root, "node_modules/fuse.js")],
  ["/vendor/minisearch/", path.join(root, "node_modules/minisearch")],
  ...(pkgDir ? [["/pkg/", path.resolve(pkgDir)]] : []),
  ["/", path.join(root, "www")],
];
const server = createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
  for (const [prefix, dir] of mounts) {
    if (!url.startsWith(prefix) && url !== prefix) continue;
    const file = prefix.endsWith("/") ? path.join(dir, url.slice(prefix.length)) : dir;
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) break;
    res.writeHead(200, { "content-type": MIME[path.extname(file)] || "application/octet-stream", "content-length": statSync(file).size, "cache-control": "no-store",
      // Cross-origin isolation: performance.now() at 5 µs instead of 100 µs.
      "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" });
    createReadStream(file).pipe(res);
    return;
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- runs ------------------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info", "--js-flags=--expose-gc --max-old-space-size=12288"],
});
const browserVersion = browser.version();
// --reuse: keep the previous run's figures (target/bench/results.json) for the workloads not run
// now (e.g. re-measure opportunity-matcher only, without the many minutes of Fuse.js and
// MiniSearch at a million).
const previous = args.includes("--reuse") && existsSync(path.join(dataDir, "results.json")) ? JSON.parse(readFileSync(path.join(dataDir, "results.json"), "utf8")).results : [];
const results = [];
async function workload(n, engine) {
    const page = await browser.newPage();
    // BENCH_CONSOLE=1: the page's console too (for timing phases while profiling).
    if (process.env.BENCH_CONSOLE) page.on("console", (m) => log(`page: ${m.text()}`));
    const url = `${base}/bench.html?n=${n}&engine=${engine}&runs=${runs}&budget=${budget}`;
    log(`${n} ${engine} …`);
    const started = Date.now();
    let r;
    try {
      await page.goto(url);
      await page.waitForFunction(() => window.benchResult, null, { timeout: 15 * 60_000, polling: 500 });
      r = await page.evaluate(() => window.benchResult);
    } catch (e) {
      r = { n, engine, error: String(e.message || e).split("\n")[0] };
    }
    r.wallS = (Date.now() - started) / 1000;
    log(JSON.stringify(r));
    await page.close().catch(() => {});
    return r;
}

for (const n of sizes) {
  for (const engine of engines) {
    const repeat = engine.startsWith("om-") && n <= 100000 ? Math.max(1, tabs) : 1;
    const runsHere = [];
    for (let t = 0; t < repeat; t++) runsHere.push(await workload(n, engine));
    const ok = runsHere.filter((r) => !r.error).sort((a, b) => a.loadMs + (a.initMs || 0) - (b.loadMs + (b.initMs || 0)));
    const r = ok.length ? ok[Math.floor((ok.length - 1) / 2)] : runsHere[0];
    if (ok.length > 1) r.tabs = ok.map((x) => ({ initMs: x.initMs, loadMs: x.loadMs }));
    results.push(r);
  }
}
await browser.close();
server.close();
for (const r of previous) {
  if (!results.some((x) => x.n === r.n && x.engine === r.engine)) results.push({ ...r, reused: true });
}
const allEngines = ["om-json", "om-compact", "fuse", "minisearch"].filter((e) => results.some((r) => r.engine === e));
const allSizes = [...new Set(results.map((r) => r.n))].sort((a, b) => a - b);

// ---- report ----------------------------------------------------------------------------------------
const MB = (b) => (b == null ? "–" : `${(b / 1048576).toFixed(1)}`);
const ms = (v) => (v == null ? "–" : v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : v.toFixed(0));
const get = (n, e) => results.find((r) => r.n === n && r.engine === e);
const ratio = (a, b) => (a == null || b == null || !b ? "–" : `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`);
const lines = [];
lines.push("| projects | engine | queryable ms | rank p50 ms | rank p95 ms | queries timed | wasm heap MiB | JS heap MiB | p95 ÷ om-compact | queryable ÷ om-compact |");
lines.push("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const n of allSizes) {
  const om = get(n, "om-compact");
  for (const e of allEngines) {
    const r = get(n, e);
    if (!r) continue;
    if (r.error) {
      lines.push(`| ${n.toLocaleString("en")} | ${e} | failed: ${r.error.replace(/\|/g, "/").slice(0, 120)} | | | | | | | |`);
      continue;
    }
    const timed = (r.samples < r.runs * r.queries ? `${r.samples} (budget)` : `${r.samples}`) + (r.reused ? " ‡" : "");
    const init = r.initMs != null ? ` (+${ms(r.initMs)} init)` : "";
    lines.push(`| ${n.toLocaleString("en")} | ${e} | ${ms(r.loadMs)}${init} | ${ms(r.p50)} | ${ms(r.p95)} | ${timed} | ${MB(r.wasmHeap)} | ${MB(r.jsHeap)} | ${e === "om-compact" ? "1×" : ratio(r.p95, om?.p95)} | ${e === "om-compact" ? "1×" : ratio(r.loadMs, om?.loadMs)} |`);
  }
}
const breakdown = results
  .filter((r) => r.breakdown)
  .map((r) => `| ${r.n.toLocaleString("en")} | ${r.engine} | ${MB(r.breakdown.structs)} | ${MB(r.breakdown.text)} | ${MB(r.breakdown.index)} | ${MB(r.wasmHeap)} | ${MB(r.inputBytes)} |`);

// Bars of the quality bars of docs/contract.md.
const bar = (ok, text) => `- ${ok == null ? "–" : ok ? "met" : "MISSED"}: ${text}`;
const c100 = get(100000, "om-compact"), j100 = get(100000, "om-json"), c1m = get(1000000, "om-compact");
const bars = [
  bar(c100 && !c100.error ? c100.p95 <= 2 : null, `rank p95 ≤ 2 ms at 100,000 — ${c100?.p95 != null ? ms(c100.p95) + " ms" : "not run"}`),
  bar(c1m && !c1m.error ? c1m.p95 <= 20 : null, `rank p95 ≤ 20 ms at 1,000,000 — ${c1m?.p95 != null ? ms(c1m.p95) + " ms" : "not run"}`),
  bar(c100 && !c100.error ? c100.loadMs <= 300 : null, `queryable ≤ 300 ms at 100,000, compact form — ${c100?.loadMs != null ? ms(c100.loadMs) + " ms" : "not run"}`),
  bar(
    c100 && !c100.error && c100.initMs != null ? c100.loadMs + c100.initMs <= 300 : null,
    `queryable ≤ 300 ms at 100,000 on a fresh page, compact form plus the one-time reference-data init — ${c100?.initMs != null ? ms(c100.loadMs + c100.initMs) + " ms" : "not run"}`,
  ),
  bar(j100 && !j100.error ? j100.loadMs <= 300 : null, `queryable ≤ 300 ms at 100,000, JSON text — ${j100?.loadMs != null ? ms(j100.loadMs) + " ms" : "not run"}`),
  bar(c100 && !c100.error ? c100.wasmHeap <= 50 * 1048576 : null, `wasm heap ≤ 50 MB at 100,000, compact form — ${c100?.wasmHeap != null ? MB(c100.wasmHeap) + " MiB" : "not run"}`),
  bar(j100 && !j100.error ? j100.wasmHeap <= 50 * 1048576 : null, `wasm heap ≤ 50 MB at 100,000, JSON text — ${j100?.wasmHeap != null ? MB(j100.wasmHeap) + " MiB" : "not run"}`),
];

// Bundle size and twiggy.
let size = "";
let sizeOk = null;
try {
  const s = JSON.parse(execFileSync("node", [path.join(root, "scripts/size.mjs"), "--json"], { encoding: "utf8" }));
  size = execFileSync("node", [path.join(root, "scripts/size.mjs"), "--markdown"], { encoding: "utf8" }).trim();
  sizeOk = s.within;
  bars.push(bar(sizeOk, `wasm + JS glue + CSS that a portal page loads ≤ 150 KB gzipped — ${(s.portalPage.gzip / 1024).toFixed(1)} KB`));
} catch (e) {
  size = `(scripts/size.mjs failed: ${String(e.message).split("\n")[0]})`;
}
let twiggy = "";
const tw = spawnSync("twiggy", ["top", "-n", "12", path.join(root, "www/pkg/opportunity_matcher_portal_bg.wasm")], { encoding: "utf8" });
twiggy = tw.status === 0 ? tw.stdout.trim() : "(twiggy not installed: `cargo install twiggy`)";

const spread = results
  .filter((r) => r.tabs && !r.reused)
  .map((r) => `- ${r.n.toLocaleString("en")} ${r.engine}: ${r.tabs.map((t) => `${ms(t.initMs)} + ${ms(t.loadMs)}`).join(", ")}`);
const cpu = (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) || [])[1] || "unknown";
const machine = `${os.cpus().length} cores (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Chromium ${browserVersion} headless, one tab per workload; node ${process.version}`;
const fuseV = JSON.parse(readFileSync(path.join(root, "node_modules/fuse.js/package.json"))).version;
const miniV = JSON.parse(readFileSync(path.join(root, "node_modules/minisearch/package.json"))).version;
const command = `node scripts/bench.mjs ${args.join(" ")}`.trim();
const generated = [
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`${command}\` (\`make bench\`).`,
  "",
  `Machine: ${machine}. Fuse.js ${fuseV}, MiniSearch ${miniV}. Each rank figure is over ${runs} runs of the 60 queries of \`benches/queries.json\` after a warm-up pass (fewer where a budget of ${budget} s per workload ran out).`,
  "",
  lines.join("\n"),
  "",
  ...(results.some((r) => r.reused) ? ["‡ carried over from the previous run (`--reuse`, `target/bench/results.json`).", ""] : []),
  "\"init\": the one-time parsing of the reference data (gazetteer, taxonomy) on first use, timed before the list is loaded.",
  "",
  ...(spread.length ? [`opportunity-matcher's init and queryable figures up to 100,000 projects are those of the median of ${tabs} fresh tabs (by init + queryable); every tab, as init + queryable ms:`, "", ...spread, ""] : []),
  "Where the wasm heap goes (capacities, without allocator overhead; input = the list as loaded):",
  "",
  "| projects | loaded from | project structs MiB | project text MiB | index MiB | wasm memory MiB | input MiB |",
  "|---:|---|---:|---:|---:|---:|---:|",
  ...breakdown,
  "",
  "quality bars (docs/contract.md):",
  "",
  ...bars,
  "",
  "Bundle: every module the widget ships, gzipped at level 9, and which page loads it (`node scripts/size.mjs --markdown`; `make build` prints the same):",
  "",
  size,
  "",
  "`twiggy top -n 12 www/pkg/opportunity_matcher_portal_bg.wasm`:",
  "",
  "```text",
  twiggy,
  "```",
].join("\n");

console.log(generated);
if (write) {
  const file = path.join(root, "BENCHMARKS.md");
  const START = "<!-- GENERATED by scripts/bench.mjs: start -->";
  const END = "<!-- GENERATED by scripts/bench.mjs: end -->";
  let doc = existsSync(file) ? readFileSync(file, "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
  if (!doc.includes(START)) doc += `\n${START}\n${END}\n`;
  doc = doc.slice(0, doc.indexOf(START) + START.length) + "\n" + generated + "\n" + doc.slice(doc.indexOf(END));
  await fs.writeFile(file, doc);
  log("wrote BENCHMARKS.md");
}
await fs.writeFile(path.join(dataDir, "results.json"), JSON.stringify({ machine, command, results }, null, 2));
