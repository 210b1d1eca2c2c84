#!/usr/bin/env node
// Prints raw and gzipped sizes of every module the widget ships: the loader
// (www/opportunity-matcher.js), each wasm-bindgen JS glue and wasm in www/pkg/ (the portal build
// and the full build, see the Makefile), and the CSS (compiled into the wasm, also shown alone);
// which page loads each; what a portal page loads before its first result against the target of
// issue 15 (200 KB gzipped) and the budget of SPEC §7 (150 KB for wasm + JS + CSS); and what the
// fair page (mode="kiosk") loads. `make build` runs it; `--markdown` prints the table that
// `make bench` writes into BENCHMARKS.md.
//
//   node scripts/size.mjs [--json | --markdown] [--budget 150] [--check]   (--check: exit 1 when over budget)

import { readFileSync, existsSync, readdirSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const json = args.includes("--json");
const markdown = args.includes("--markdown");
const check = args.includes("--check");
const budgetIndex = args.indexOf("--budget");
const budgetKB = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 150;

const pkg = path.join(root, "www/pkg");
if (!existsSync(pkg)) {
  console.error("size.mjs: www/pkg/ is missing; run `make build` first");
  process.exit(2);
}

const files = [
  "www/opportunity-matcher.js",
  ...readdirSync(pkg)
    .filter((f) => f.endsWith(".wasm") || f.endsWith(".js"))
    .sort()
    .map((f) => `www/pkg/${f}`),
];
/** Which pages load a module: the portal build is what the element loads unless mode="kiosk". */
function loadedBy(file) {
  const name = path.basename(file);
  if (name === "opportunity-matcher.js") return { portal: true, kiosk: true, what: "the element's loader" };
  if (name.startsWith("opportunity_matcher_portal")) return { portal: true, kiosk: false, what: name.endsWith(".wasm") ? "portal build: widget, matcher, reference data" : "portal build: wasm-bindgen glue" };
  return { portal: false, kiosk: true, what: name.endsWith(".wasm") ? "full build: + fair mode, QR encoder, Matcher API (mode=kiosk, npm ./matcher)" : "full build: wasm-bindgen glue" };
}
/** Target of issue 15 for what the portal page loads before its first result, in KB gzipped. */
const FIRST_RESULT_KB = 200;

// Stylesheets compiled into the wasm (the widget's, and fair mode's when present).
const cssInside = ["src/widget/style.css", "src/widget/fair/style.css"].filter((f) => existsSync(path.join(root, f)));

const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
const rows = files.map((rel) => {
  const buf = readFileSync(path.join(root, rel));
  return { file: rel, raw: buf.length, gzip: gz(buf), ...loadedBy(rel) };
});
const cssRows = cssInside.map((rel) => {
  const buf = readFileSync(path.join(root, rel));
  return { file: rel, raw: buf.length, gzip: gz(buf), note: "inside the wasm" };
});
const sum = (list) => list.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
const portalPage = sum(rows.filter((r) => r.portal));
const kioskPage = sum(rows.filter((r) => r.kiosk));
const budget = budgetKB * 1024;
const within = portalPage.gzip <= budget;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (json) {
  console.log(JSON.stringify({ files: rows, css: cssRows, portalPage, kioskPage, firstResultTarget: FIRST_RESULT_KB * 1024, budget, within }, null, 2));
} else if (markdown) {
  const pages = (r) => [r.portal && "portal", r.kiosk && "kiosk"].filter(Boolean).join(", ");
  console.log("| module | what | raw | gzip | loaded by |\n|---|---|---:|---:|---|");
  for (const r of rows) console.log(`| \`${r.file}\` | ${r.what} | ${kb(r.raw)} | ${kb(r.gzip)} | ${pages(r)} |`);
  for (const c of cssRows) console.log(`| \`${c.file}\` | inside the wasm (counted there) | ${kb(c.raw)} | ${kb(c.gzip)} | |`);
  console.log(`| **portal page before its first result** | loader + portal build (target ${FIRST_RESULT_KB} KB, SPEC ${budgetKB} KB) | ${kb(portalPage.raw)} | **${kb(portalPage.gzip)}** | |`);
  console.log(`| fair page (mode=kiosk) | loader + full build | ${kb(kioskPage.raw)} | ${kb(kioskPage.gzip)} | |`);
} else {
  const pad = (n) => kb(n).padStart(10);
  console.log(`${"module".padEnd(44)}${"raw".padStart(10)}${"gzip".padStart(10)}  loaded by`);
  for (const r of rows) console.log(`${r.file.padEnd(44)}${pad(r.raw)}${pad(r.gzip)}  ${r.portal ? "portal page" : "mode=kiosk only"}${r.kiosk && r.portal ? ", kiosk" : ""}`);
  for (const c of cssRows) console.log(`${(c.file + " (in wasm)").padEnd(44)}${pad(c.raw)}${pad(c.gzip)}`);
  console.log(`${"portal page before its first result".padEnd(44)}${pad(portalPage.raw)}${pad(portalPage.gzip)}  (issue 15 target ${FIRST_RESULT_KB} KB: ${portalPage.gzip <= FIRST_RESULT_KB * 1024 ? "within" : "over"})`);
  console.log(`${"fair page (mode=kiosk)".padEnd(44)}${pad(kioskPage.raw)}${pad(kioskPage.gzip)}`);
  console.log(`budget ${budgetKB} KB gzipped (SPEC §7, the portal page): ${within ? "within" : "OVER"} (${((portalPage.gzip / budget) * 100).toFixed(0)}%)`);
}
process.exit(within || !check ? 0 : 1);
