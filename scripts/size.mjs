#!/usr/bin/env node
// Prints raw and gzipped sizes of what the widget ships: the wasm, the wasm-bindgen JS glue (and its
// snippets), the loader (www/opportunity-matcher.js) and the CSS (compiled into the wasm, also shown
// alone), and the gzipped total against the budget of the quality bars of docs/contract.md (150 KB
// for wasm + JS + CSS). The spreadsheet module (www/pkg/opportunity_matcher_sheets*), fetched only
// when a spreadsheet is opened, and the publisher module (www/pkg/opportunity_matcher_publish*),
// loaded only by www/publish.html, are listed apart and not counted in the widget's total.
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

const isSheets = (f) => f.startsWith("opportunity_matcher_sheets");
const isPublish = (f) => f.startsWith("opportunity_matcher_publish");
const snippets = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? snippets(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : [],
      )
    : [];
const shipped = [
  ...readdirSync(pkg)
    .filter((f) => (f.endsWith(".wasm") || f.endsWith(".js")) && !isSheets(f) && !isPublish(f))
    .sort()
    .map((f) => `www/pkg/${f}`),
  ...snippets(path.join(pkg, "snippets"))
    .sort()
    .map((f) => path.relative(root, f)),
  "www/opportunity-matcher.js",
];
const moduleFiles = (is) =>
  readdirSync(pkg)
    .filter((f) => (f.endsWith(".wasm") || f.endsWith(".js")) && is(f))
    .sort()
    .map((f) => `www/pkg/${f}`);
const sheetsFiles = moduleFiles(isSheets);
const publishFiles = moduleFiles(isPublish);
// Stylesheets compiled into the wasm (the widget's, and fair mode's when present).
const cssInside = ["src/widget/style.css", "src/widget/fair/style.css"].filter((f) => existsSync(path.join(root, f)));

const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
const rows = shipped.map((rel) => {
  const buf = readFileSync(path.join(root, rel));
  return { file: rel, raw: buf.length, gzip: gz(buf) };
});
const cssRows = cssInside.map((rel) => {
  const buf = readFileSync(path.join(root, rel));
  return { file: rel, raw: buf.length, gzip: gz(buf), note: "inside the wasm" };
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
const measure = (files) =>
  files.map((rel) => {
    const buf = readFileSync(path.join(root, rel));
    return { file: rel, raw: buf.length, gzip: gz(buf) };
  });
const sum = (rs) => rs.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
const sheetsRows = measure(sheetsFiles);
const sheetsTotal = sum(sheetsRows);
const publishRows = measure(publishFiles);
const publishTotal = sum(publishRows);
const budget = budgetKB * 1024;
const within = total.gzip <= budget;

if (json) {
  console.log(JSON.stringify({ files: rows, css: cssRows, total, budget, within, sheets: { files: sheetsRows, total: sheetsTotal }, publish: { files: publishRows, total: publishTotal } }, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(`${"file".padEnd(40)}${"raw".padStart(10)}${"gzip".padStart(10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(40)}${kb(r.raw)}${kb(r.gzip)}`);
  for (const c of cssRows) console.log(`${(c.file + " (in wasm)").padEnd(40)}${kb(c.raw)}${kb(c.gzip)}`);
  console.log(`${"total shipped (wasm + JS + CSS)".padEnd(40)}${kb(total.raw)}${kb(total.gzip)}`);
  console.log(`budget ${budgetKB} KB gzipped: ${within ? "within" : "OVER"} (${((total.gzip / budget) * 100).toFixed(0)}%)`);
  if (sheetsRows.length) {
    console.log("spreadsheet module (fetched only when a spreadsheet is opened; not in the total above):");
    for (const r of sheetsRows) console.log(`${r.file.padEnd(40)}${kb(r.raw)}${kb(r.gzip)}`);
    console.log(`${"spreadsheet module total".padEnd(40)}${kb(sheetsTotal.raw)}${kb(sheetsTotal.gzip)}`);
  }
  if (publishRows.length) {
    console.log("publisher module (loaded only by publish.html; not in the total above):");
    for (const r of publishRows) console.log(`${r.file.padEnd(40)}${kb(r.raw)}${kb(r.gzip)}`);
    console.log(`${"publisher module total".padEnd(40)}${kb(publishTotal.raw)}${kb(publishTotal.gzip)}`);
  }
}
process.exit(within || !check ? 0 : 1);
