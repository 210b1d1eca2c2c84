#!/usr/bin/env node
// Prints raw and gzipped sizes of every module the widget ships, and which page loads it: the
// loader (www/opportunity-matcher.js); the portal build (www/pkg/opportunity_matcher_portal*, what
// the element loads on a portal page) and the full build (www/pkg/opportunity_matcher*, fetched only
// for mode="kiosk"; see the Makefile), each a wasm-bindgen JS glue and wasm, with their snippets; the
// spreadsheet module (opportunity_matcher_sheets*, fetched only when a spreadsheet is opened); the
// publisher module (opportunity_matcher_publish*, loaded only by www/publish.html and the leads page's worker); the CSS (compiled
// into the wasm, also shown alone). Then what a portal page loads before its first result against
// the target of issue 15 (200 KB gzipped) and the budget of the quality bars of docs/contract.md
// (150 KB for wasm + JS + CSS), and what the fair page loads. `make build` runs it; `--markdown`
// prints the table of BENCHMARKS.md, `--json` the figures.
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

const snippets = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? snippets(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : [],
      )
    : [];
const files = [
  "www/opportunity-matcher.js",
  ...readdirSync(pkg)
    .filter((f) => f.endsWith(".wasm") || f.endsWith(".js"))
    .sort()
    .map((f) => `www/pkg/${f}`),
  ...snippets(path.join(pkg, "snippets"))
    .sort()
    .map((f) => path.relative(root, f)),
];

/** Which pages load a module, and what it is. */
function loadedBy(file) {
  const name = path.basename(file);
  const kind = name.endsWith(".wasm") ? "wasm" : "wasm-bindgen glue";
  if (name === "opportunity-matcher.js") return { portal: true, kiosk: true, what: "the element's loader" };
  if (file.includes("/snippets/")) return { portal: true, kiosk: true, what: "wasm-bindgen snippet (imports the spreadsheet module when needed)" };
  if (name.startsWith("opportunity_matcher_portal")) return { portal: true, kiosk: false, what: `portal build, ${kind}: widget, matcher, reference data` };
  if (name.startsWith("opportunity_matcher_sheets")) return { portal: false, kiosk: false, what: `spreadsheet module, ${kind}: fetched only when a spreadsheet is opened` };
  if (name.startsWith("opportunity_matcher_publish")) return { portal: false, kiosk: false, what: `publisher module, ${kind}: loaded only by publish.html and the leads page` };
  return { portal: false, kiosk: true, what: `full build, ${kind}: + fair mode, QR encoder, Matcher API (mode=kiosk, npm ./matcher)` };
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
const pages = (r) => [r.portal && "portal page", r.kiosk && "kiosk"].filter(Boolean).join(", ") || "on demand";

if (json) {
  console.log(JSON.stringify({ files: rows, css: cssRows, portalPage, kioskPage, firstResultTarget: FIRST_RESULT_KB * 1024, budget, within }, null, 2));
} else if (markdown) {
  console.log("| module | what | raw | gzip | loaded by |\n|---|---|---:|---:|---|");
  for (const r of rows) console.log(`| \`${r.file}\` | ${r.what} | ${kb(r.raw)} | ${kb(r.gzip)} | ${pages(r)} |`);
  for (const c of cssRows) console.log(`| \`${c.file}\` | inside the wasm (counted there) | ${kb(c.raw)} | ${kb(c.gzip)} | |`);
  console.log(`| **portal page before its first result** | loader + portal build (target ${FIRST_RESULT_KB} KB, contract ${budgetKB} KB) | ${kb(portalPage.raw)} | **${kb(portalPage.gzip)}** | |`);
  console.log(`| fair page (mode=kiosk) | loader + full build | ${kb(kioskPage.raw)} | ${kb(kioskPage.gzip)} | |`);
} else {
  const pad = (n) => kb(n).padStart(10);
  console.log(`${"module".padEnd(52)}${"raw".padStart(10)}${"gzip".padStart(10)}  loaded by`);
  for (const r of rows) console.log(`${r.file.padEnd(52)}${pad(r.raw)}${pad(r.gzip)}  ${pages(r)}`);
  for (const c of cssRows) console.log(`${(c.file + " (in wasm)").padEnd(52)}${pad(c.raw)}${pad(c.gzip)}`);
  console.log(`${"portal page before its first result".padEnd(52)}${pad(portalPage.raw)}${pad(portalPage.gzip)}  (issue 15 target ${FIRST_RESULT_KB} KB: ${portalPage.gzip <= FIRST_RESULT_KB * 1024 ? "within" : "over"})`);
  console.log(`${"fair page (mode=kiosk)".padEnd(52)}${pad(kioskPage.raw)}${pad(kioskPage.gzip)}`);
  console.log(`budget ${budgetKB} KB gzipped (docs/contract.md, the portal page): ${within ? "within" : "OVER"} (${((portalPage.gzip / budget) * 100).toFixed(0)}%)`);
}
process.exit(within || !check ? 0 : 1);
