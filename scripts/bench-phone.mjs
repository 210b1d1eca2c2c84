#!/usr/bin/env node
// First results on a phone (`make bench`, or alone: `make bench-phone`): navigation → first ranked
// card painted, on the demo page (the widget) and on a plain Fuse.js page of the same list
// (www/bench-fuse.html), in headless Chromium with the CPU throttled 4× (CDP
// Emulation.setCPUThrottlingRate), a "Fast 4G" network (CDP Network.emulateNetworkConditions:
// 9 Mbit/s down, 1.5 Mbit/s up, 60 ms latency) and gzip as a static host sends it
// (scripts/serve.mjs). Every run is a fresh browser context (no HTTP cache, no compiled-code
// cache); the median of the runs is reported. Prints the table and rewrites its section of
// BENCHMARKS.md (between the PHONE markers). Reports, never gates.
//
//   node scripts/bench-phone.mjs [--runs 7] [--lists bundled,2062] [--pages widget,widget-omlgz,fuse]
//                                [--phases] [--no-write] [--label TEXT] [--variant NAME=DIR …]
//
// Lists: `bundled` (www/data/opportunity-list.json, 211 projects) and `2062` (a province's list
// made by scripts/gen-list.mjs --province 51). Pages: `widget` (the demo page, www/index.html, its
// src the JSON list), `widget-oml` (the same page, its src the list's compact form with its stored
// index, written by `opportunity-matcher convert`, which hosts send uncompressed), `widget-omlgz`
// (the compact form gzipped by the publisher, list.oml.gz), `fuse` (bench-fuse.html). The query is a shared
// link's fragment, #q=动力电池&b=30亿&r=成都, on every page.
//
// The first card is found by a script installed before the page's own (a requestAnimationFrame
// loop looking for the first [role=listitem], in the widget's shadow root or the page); the time
// is taken in a task posted from that frame, after the frame that shows the card was painted.
// --phases: also runs www/bench-phases.html under the same conditions, which does the widget's
// steps one at a time and times each (where the time goes). --variant NAME=DIR (repeatable) adds
// the widget pages once more with the files of DIR laid over www/ (e.g. an earlier loader and
// pkg/), measured in the same interleaved runs, for a before/after under the same load.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const runs = Number(opt("runs", "7"));
const listNames = opt("lists", "bundled,2062").split(",").filter(Boolean);
const pageNames = opt("pages", "widget,widget-omlgz,fuse").split(",").filter(Boolean);
const phases = args.includes("--phases");
const write = !args.includes("--no-write");
const variants = args.flatMap((a, i) => (a === "--variant" ? [args[i + 1]] : [])).map((v) => {
  const [name, dir] = v.split("=");
  return { name, dir: path.resolve(dir) };
});
const label = opt("label", null);
const log = (...a) => console.error("bench-phone:", ...a);

export const NETWORK = { offline: false, latency: 60, downloadThroughput: (9e6 / 8) | 0, uploadThroughput: (1.5e6 / 8) | 0, connectionType: "cellular4g" };
export const CPU_SLOWDOWN = 4;
const FRAGMENT = "#q=%E5%8A%A8%E5%8A%9B%E7%94%B5%E6%B1%A0&b=30%E4%BA%BF&r=%E6%88%90%E9%83%BD"; // q=动力电池&b=30亿&r=成都

// ---- lists and pages ------------------------------------------------------------------------------
const dataDir = path.join(root, "target/bench");
const pagesDir = path.join(dataDir, "phone");
mkdirSync(pagesDir, { recursive: true });
const cli = path.join(root, "target/release/opportunity-matcher");
const newest = (...files) => Math.max(...files.map((f) => statSync(f).mtimeMs));
function ensureCli() {
  // cargo decides whether the command line is out of date (a no-op when it is not).
  if (ensureCli.done) return;
  log("building the native command line (for convert)");
  execFileSync("cargo", ["build", "--release", "--bin", "opportunity-matcher"], { cwd: root, stdio: "inherit" });
  ensureCli.done = true;
}
function ensureOml(json, oml) {
  ensureCli();
  if (!existsSync(oml) || statSync(oml).mtimeMs < newest(json, cli)) execFileSync(cli, ["convert", json, oml], { stdio: "inherit" });
  // The same, gzipped by the publisher (hosts send .gz as it is; the loader inflates it).
  if (!existsSync(`${oml}.gz`) || statSync(`${oml}.gz`).mtimeMs < statSync(oml).mtimeMs) writeFileSync(`${oml}.gz`, gzipSync(readFileSync(oml), { level: 9 }));
}
const LISTS = {
  bundled: () => {
    const json = path.join(root, "www/data/opportunity-list.json");
    ensureOml(json, path.join(dataDir, "bundled.oml"));
    return { json: "data/opportunity-list.json", oml: "bench-data/bundled.oml", omlgz: "bench-data/bundled.oml.gz", projects: JSON.parse(readFileSync(json, "utf8")).projects.length };
  },
  2062: () => {
    const json = path.join(dataDir, "list-2062.json");
    if (!existsSync(json)) {
      log("generating 2,062 projects");
      execFileSync("node", [path.join(root, "scripts/gen-list.mjs"), "--count", "2062", "--seed", "1", "--province", "51", "--out", json], { stdio: "inherit" });
    }
    ensureOml(json, path.join(dataDir, "list-2062.oml"));
    return { json: "bench-data/list-2062.json", oml: "bench-data/list-2062.oml", omlgz: "bench-data/list-2062.oml.gz", projects: 2062 };
  },
};

/** www/index.html (or bench-fuse.html) with its list replaced: one page file per list and page kind. */
function pageFile(kind, list, name, dir = pagesDir, prefix = "", www = path.join(root, "www")) {
  const src = { "widget-oml": list.oml, "widget-omlgz": list.omlgz }[kind] || list.json;
  const template = kind === "fuse" ? "bench-fuse.html" : "index.html";
  const original = readFileSync(path.join(www, template), "utf8");
  // Every mention of the bundled list (the element's src, the Fuse.js page's data-src, a preload link).
  const html = original.replaceAll('"data/opportunity-list.json"', `"${src}"`);
  if (!html.includes(`"${src}"`)) throw new Error(`${template}: the list's src was not found`);
  const file = path.join(dir, `phone-${kind}-${name}.html`);
  writeFileSync(file, html);
  return { url: `${prefix}/phone-${kind}-${name}.html`, file };
}

// ---- the first-card watcher (runs before any script of the page) ----------------------------------
function watchFirstCard() {
  const found = () => {
    const host = document.querySelector("opportunity-matcher");
    const scope = host ? host.shadowRoot : document;
    return scope ? scope.querySelector("[role=list] [role=listitem]") : null;
  };
  const frame = () => {
    if (!found()) return requestAnimationFrame(frame);
    // Found in this frame's callbacks: the frame is painted before the next task runs.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (window.__firstCard = performance.now());
    channel.port2.postMessage(null);
  };
  requestAnimationFrame(frame);
}

async function emulatePhone(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return cdp;
}

const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: "zh-CN" };

async function firstCard(browser, base, url) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript(watchFirstCard);
  await emulatePhone(context, page);
  try {
    await page.goto(base + url + FRAGMENT);
    await page.waitForFunction(() => window.__firstCard, null, { timeout: 120_000, polling: 100 });
    return await page.evaluate(() => ({
      ms: window.__firstCard,
      marks: Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])),
      resources: performance.getEntriesByType("resource").map((r) => ({ name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, transfer: r.transferSize, encoded: r.encodedBodySize, decoded: r.decodedBodySize })),
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    }));
  } catch (e) {
    return { error: `${String(e.message || e).split("\n")[0]}${errors.length ? ` (${errors.join("; ")})` : ""}` };
  } finally {
    await context.close();
  }
}

async function phaseRun(browser, base, list, kind) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await emulatePhone(context, page);
  try {
    await page.goto(`${base}/bench-phases.html?src=${encodeURIComponent(kind === "omlgz" ? list.omlgz : list.json)}${FRAGMENT}`);
    await page.waitForFunction(() => window.phases, null, { timeout: 120_000, polling: 100 });
    return await page.evaluate(() => window.phases);
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const v = values.filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? v[(v.length - 1) >> 1] : null;
};

// ---- runs ------------------------------------------------------------------------------------------
const lists = Object.fromEntries(listNames.map((name) => [name, LISTS[name]()]));
const pages = [];
for (const [name, list] of Object.entries(lists)) {
  for (const kind of pageNames) pages.push({ name, list, kind, variant: null, ...pageFile(kind, list, name) });
}
// A variant: a copy of www/ with DIR's files laid over it, served under /v/NAME/.
const variantMounts = [];
for (const v of variants) {
  const dir = path.join(pagesDir, `v-${v.name}`);
  execFileSync("rm", ["-rf", dir]);
  execFileSync("cp", ["-r", path.join(root, "www"), dir]);
  execFileSync("cp", ["-r", `${v.dir}/.`, dir]);
  for (const [name, list] of Object.entries(lists)) {
    for (const kind of pageNames.filter((k) => k !== "fuse")) pages.push({ name, list, kind, variant: v.name, ...pageFile(kind, list, name, dir, `/v/${v.name}`, dir) });
  }
  variantMounts.push([`/v/${v.name}/bench-data/`, dataDir], [`/v/${v.name}/`, dir]);
}
// The generated pages at the site's root (relative URLs resolve as on the demo page).
const pageServer = await serve({
  root: path.join(root, "www"),
  port: 0,
  gzip: true,
  mounts: [
    ...pages.filter((p) => !p.variant).map((p) => [p.url, p.file]),
    ["/bench-data/", dataDir],
    ["/vendor/", path.join(root, "node_modules/fuse.js/dist")],
    ...variantMounts,
  ],
});
const site = pageServer.url.replace(/\/$/, "");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const results = [];
// Interleaved (run 1 of every page, then run 2 …), so that a slow spell of the shared machine
// does not land on one page only.
const samples = new Map(pages.map((p) => [p.url, []]));
for (let r = 0; r < runs; r++) {
  for (const p of pages) {
    const s = await firstCard(browser, site, p.url);
    if (s.error) log(`${p.variant || ""} ${p.kind} ${p.name}: ${s.error}`);
    samples.get(p.url).push(s);
  }
  log(`run ${r + 1}/${runs}: ${pages.map((p) => `${p.variant ? p.variant + ":" : ""}${p.kind}-${p.name} ${Math.round(samples.get(p.url)[r].ms ?? NaN)}`).join(", ")}`);
}
for (const p of pages) {
  const ok = samples.get(p.url).filter((s) => !s.error);
  const ms = median(ok.map((s) => s.ms));
  // The run closest to the median, for its marks and bytes.
  const typical = ok.slice().sort((a, b) => Math.abs(a.ms - ms) - Math.abs(b.ms - ms))[0];
  const transfer = typical ? typical.resources.reduce((a, r) => a + (r.transfer || 0), 0) : null;
  results.push({
    variant: p.variant,
    list: p.name,
    projects: p.list.projects,
    page: p.kind,
    ms,
    min: ok.length ? Math.min(...ok.map((s) => s.ms)) : null,
    max: ok.length ? Math.max(...ok.map((s) => s.ms)) : null,
    runs: ok.length,
    failed: samples.get(p.url).length - ok.length,
    error: samples.get(p.url).find((s) => s.error)?.error,
    transfer,
    marks: typical?.marks,
    resources: typical?.resources,
    fcp: median(ok.map((s) => s.fcp)),
  });
}

const phaseResults = [];
if (phases) {
  for (const [name, list] of Object.entries(lists)) {
    for (const kind of ["json", "omlgz"]) {
      const all = [];
      for (let r = 0; r < runs; r++) all.push(await phaseRun(browser, site, list, kind));
      const keys = Object.keys(all[0]).filter((k) => typeof all[0][k] === "number");
      phaseResults.push({ list: name, kind, ...Object.fromEntries(keys.map((k) => [k, median(all.map((a) => a[k]))])) });
      log(`phases ${name} ${kind}: ${JSON.stringify(phaseResults.at(-1))}`);
    }
  }
}
const browserVersion = browser.version();
await browser.close();
await pageServer.close();

// ---- report ----------------------------------------------------------------------------------------
const fmt = (v) => (v == null ? "–" : `${Math.round(v)}`);
const KB = (b) => (b == null ? "–" : `${Math.round(b / 1024)}`);
const lines = [
  "| list | page | first card ms (median) | min–max ms | runs | bytes transferred KB | ÷ Fuse.js page |",
  "|---|---|---:|---:|---:|---:|---:|",
];
const PAGE_NAMES = { widget: "widget, JSON list", "widget-oml": "widget, compact list (.oml)", "widget-omlgz": "widget, compact list gzipped (.oml.gz)", fuse: "Fuse.js page, JSON list" };
for (const r of results) {
  const fuse = results.find((x) => x.list === r.list && x.page === "fuse");
  const ratio = r.page === "fuse" || !fuse?.ms || r.ms == null ? "" : `${(r.ms / fuse.ms).toFixed(2)}×`;
  const what = `${r.list === "bundled" ? "bundled" : r.list} (${r.projects.toLocaleString("en")})`;
  const pageName = `${PAGE_NAMES[r.page]}${r.variant ? ` [${r.variant}]` : ""}`;
  if (r.ms == null) lines.push(`| ${what} | ${pageName} | failed: ${(r.error || "").replace(/\|/g, "/").slice(0, 100)} | | | | |`);
  else lines.push(`| ${what} | ${pageName} | ${fmt(r.ms)} | ${fmt(r.min)}–${fmt(r.max)} | ${r.runs} | ${KB(r.transfer)} | ${ratio} |`);
}
// Where the widget's time goes on the real page: the loader's performance marks and the resources.
const markLines = [];
for (const r of results.filter((x) => x.page !== "fuse" && x.marks)) {
  const res = (re) => r.resources.find((x) => re.test(x.name));
  const wasm = res(/\.wasm$/), list = res(/\.(json|oml)$/);
  const m = r.marks;
  const at = (name) => (m[name] == null ? "–" : fmt(m[name]));
  markLines.push(
    `| ${r.list} | ${PAGE_NAMES[r.page]}${r.variant ? ` [${r.variant}]` : ""} | ${fmt(wasm?.end)} (${KB(wasm?.transfer)} KB) | ${at("opportunity-matcher:wasm-ready")} | ${at("opportunity-matcher:mounted")} | ${fmt(list?.end)} (${KB(list?.transfer)} KB) | ${at("opportunity-matcher:list-shown")} | ${fmt(r.ms)} |`,
  );
}
const phaseLines = phaseResults.map(
  (p) =>
    `| ${p.list} | ${p.kind} | ${fmt(p.wasmDownloaded)} | ${fmt(p.compiled)} | ${fmt(p.listDownloaded)} | ${fmt(p.instantiate)} | ${fmt(p.init)} | ${fmt(p.parseIndex)} | ${fmt(p.mount)} | ${fmt(p.show)} | ${fmt(p.showMinusParse)} | ${fmt(p.paint)} | ${fmt(p.total)} |`,
);
const cpu = (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) || [])[1] || "unknown";
const command = `node scripts/bench-phone.mjs ${args.join(" ")}`.trim();
const generated = [
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`${command}\`${label ? ` (${label})` : ""}: ${runs} fresh runs of each page, interleaved; Chromium ${browserVersion} headless on ${os.cpus().length} cores (${cpu}), CPU throttled ${CPU_SLOWDOWN}×, network 9 Mbit/s down, 1.5 Mbit/s up, 60 ms latency, gzip (level 6) for text, JavaScript, JSON and wasm; the .oml is sent as it is (application/octet-stream, which hosts do not compress). Query: the shared link #q=动力电池&b=30亿&r=成都.`,
  "",
  lines.join("\n"),
  "",
  "Where the widget's time goes on the page (the run nearest the median; ms since navigation): wasm downloaded, wasm compiled and instantiated (`opportunity-matcher:wasm-ready`), widget mounted (the form shown), list downloaded, list loaded and its results rendered (`opportunity-matcher:list-shown`), first card painted.",
  "",
  "| list | page | wasm downloaded | wasm ready | mounted | list downloaded | list shown | first card |",
  "|---|---|---:|---:|---:|---:|---:|---:|",
  ...markLines,
  ...(phaseLines.length
    ? [
        "",
        "The same steps one at a time (`www/bench-phases.html`, same conditions, medians; downloaded and compiled are times since navigation, the rest durations in ms): reference-data init, parse + index (`Matcher.fromText` / `fromCompact`), mount (the form), show (`loadText` / `loadCompact`: parse + index + rank + render), show − parse + index ≈ rank + render, paint.",
        "",
        "| list | form | wasm downloaded | compiled | list downloaded | instantiate | init | parse + index | mount | show | show − parse | paint | total |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ...phaseLines,
      ]
    : []),
].join("\n");
console.log(generated);
const resultsFile = path.join(dataDir, "phone-results.json");
writeFileSync(resultsFile, JSON.stringify({ command, label, results, phases: phaseResults }, null, 2));
if (write) {
  const file = path.join(root, "BENCHMARKS.md");
  const START = "<!-- GENERATED by scripts/bench-phone.mjs: start -->";
  const END = "<!-- GENERATED by scripts/bench-phone.mjs: end -->";
  let doc = readFileSync(file, "utf8");
  if (!doc.includes(START)) doc += `\n${START}\n${END}\n`;
  doc = doc.slice(0, doc.indexOf(START) + START.length) + "\n" + generated + "\n" + doc.slice(doc.indexOf(END));
  writeFileSync(file, doc);
  log("wrote BENCHMARKS.md");
}
