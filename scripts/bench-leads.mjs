#!/usr/bin/env node
// Browser benchmark of the leads page (issue 16; BENCHMARKS.md, "Matching investor leads"):
// 10,000 generated leads × the 2,062-project generated list, matched both ways in headless
// Chromium by the page itself — files given to its inputs, the work in its Web Worker — timed from
// giving the leads sheet to the page showing the answer. Reports, never gates.
//
//   node scripts/bench-leads.mjs [--leads 10000] [--projects 2062] [--runs 3]
//
// Needs `make build` (www/pkg). Lists and leads are generated into target/bench/ when missing.

import { existsSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : dflt;
};
const LEADS = opt("leads", 10000);
const PROJECTS = opt("projects", 2062);
const RUNS = opt("runs", 3);

const bench = path.join(root, "target/bench");
mkdirSync(bench, { recursive: true });
const list = path.join(bench, `list-${PROJECTS}.json`);
if (!existsSync(list)) {
  const extra = PROJECTS === 2062 ? ["--province", "51"] : [];
  execFileSync("node", [path.join(root, "scripts/gen-list.mjs"), "--count", String(PROJECTS), "--seed", "1", ...extra, "--out", list], { stdio: "inherit" });
}
const leads = path.join(bench, `leads-${LEADS}-from-${PROJECTS}.csv`);
if (!existsSync(leads)) {
  execFileSync("node", [path.join(root, "scripts/gen-leads.mjs"), "--list", list, "--count", String(LEADS), "--seed", "1", "--out", leads], { stdio: "inherit" });
}
if (!existsSync(path.join(root, "www/pkg/opportunity_matcher_bg.wasm"))) {
  console.error("bench-leads.mjs: www/pkg is missing; run `make build` first");
  process.exit(1);
}

const server = await serve({ root: path.join(root, "www"), port: 0, csp: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const times = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    await page.goto(`${server.url}leads.html?lang=en`);
    await page.setInputFiles("#list-file", list);
    await page.locator("#list-name").filter({ hasText: path.basename(list) }).waitFor();
    const t0 = Date.now();
    await page.setInputFiles("#leads-file", leads);
    await page.locator("#message").filter({ hasText: /^Matched/ }).waitFor({ timeout: 600_000 });
    const ms = Date.now() - t0;
    const summary = await page.locator("#message").textContent();
    times.push(ms);
    console.log(`run ${run + 1}: ${ms} ms (${summary})`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
console.log(`leads page, ${LEADS} leads × ${PROJECTS} projects, both views with reasons, in the worker: median ${times[Math.floor(times.length / 2)]} ms (min ${times[0]}, max ${times[times.length - 1]}) over ${RUNS} runs`);
