#!/usr/bin/env node
// Prints raw and gzipped sizes of every module the widget ships: the loader
// (www/opportunity-matcher.js), each wasm-bindgen JS glue and wasm in www/pkg/, and the CSS
// (compiled into the wasm, also shown alone); what a portal page loads before its first result
// (every module not listed in ON_DEMAND) against the target of issue 15 (200 KB gzipped); and the
// gzipped total against the budget of SPEC §7 (150 KB for wasm + JS + CSS). `make build` runs it;
// `make bench` tables it in BENCHMARKS.md.
//
//   node scripts/size.mjs [--json] [--budget 150] [--check]   (--check: exit 1 when over budget)

import { readFileSync, existsSync, readdirSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const json = args.includes("--json");
const check = args.includes("--check");
const budgetIndex = args.indexOf("--budget");
const budgetKB = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 150;

const pkg = path.join(root, "www/pkg");
if (!existsSync(pkg)) {
  console.error("size.mjs: www/pkg/ is missing; run `make build` first");
  process.exit(2);
}

const shipped = [
  ...readdirSync(pkg)
    .filter((f) => f.endsWith(".wasm") || f.endsWith(".js"))
    .sort()
    .map((f) => `www/pkg/${f}`),
  "www/opportunity-matcher.js",
];
// Modules the portal page fetches only when they are used (kiosk, QR encoder, spreadsheet reader,
// Traditional display table …, once they are split out of the main wasm): file name patterns.
const ON_DEMAND = [];
const onDemand = (file) => ON_DEMAND.some((re) => re.test(path.basename(file)));
/** Target of issue 15 for what the portal page loads before its first result, in KB gzipped. */
const FIRST_RESULT_KB = 200;

// Stylesheets compiled into the wasm (the widget's, and fair mode's when present).
const cssInside = ["src/widget/style.css", "src/widget/fair/style.css"].filter((f) => existsSync(path.join(root, f)));

const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
const rows = shipped.map((rel) => {
  const buf = readFileSync(path.join(root, rel));
  return { file: rel, raw: buf.length, gzip: gz(buf), loaded: onDemand(rel) ? "on demand" : "portal page" };
});
const cssRows = cssInside.map((rel) => {
  const buf = readFileSync(path.join(root, rel));
  return { file: rel, raw: buf.length, gzip: gz(buf), note: "inside the wasm" };
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
const firstResult = rows.filter((r) => r.loaded === "portal page").reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
const budget = budgetKB * 1024;
const within = total.gzip <= budget;

if (json) {
  console.log(JSON.stringify({ files: rows, css: cssRows, total, firstResult, firstResultTarget: FIRST_RESULT_KB * 1024, budget, within }, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(`${"module".padEnd(40)}${"raw".padStart(10)}${"gzip".padStart(10)}  loaded`);
  for (const r of rows) console.log(`${r.file.padEnd(40)}${kb(r.raw)}${kb(r.gzip)}  ${r.loaded}`);
  for (const c of cssRows) console.log(`${(c.file + " (in wasm)").padEnd(40)}${kb(c.raw)}${kb(c.gzip)}`);
  console.log(`${"total shipped (wasm + JS + CSS)".padEnd(40)}${kb(total.raw)}${kb(total.gzip)}`);
  console.log(`${"portal page before its first result".padEnd(40)}${kb(firstResult.raw)}${kb(firstResult.gzip)}  (issue 15 target ${FIRST_RESULT_KB} KB: ${firstResult.gzip <= FIRST_RESULT_KB * 1024 ? "within" : "over"})`);
  console.log(`budget ${budgetKB} KB gzipped: ${within ? "within" : "OVER"} (${((total.gzip / budget) * 100).toFixed(0)}%)`);
}
process.exit(within || !check ? 0 : 1);
