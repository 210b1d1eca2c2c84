#!/usr/bin/env node
// `make dist`, second file: the leads page as one self-contained HTML file —
// dist/opportunity-matcher-leads.html, which works opened from file:// with no network.
//
//   node scripts/dist-leads.mjs [--www www] [--out dist/opportunity-matcher-leads.html] [--list www/data/opportunity-list.json]
//
// Inlined into the one file (as scripts/dist.mjs does for the fair page):
// - the worker: www/leads-worker.js with the wasm-bindgen glue of the main module (and of the
//   spreadsheet module, when built) wrapped into it as plain script, the wasm as base64,
//   instantiated with `initSync`; the page starts it from a blob: URL (a page opened from file://
//   may not load a worker file);
// - the page's script (www/leads.js) with its `makeWorker` pointed at that blob, its CSS, the
//   bundled list as a data: URL, the favicon.
// The file carries its own Content-Security-Policy: nothing is loaded from anywhere; the one inline
// script and style are allowed by their SHA-256 hashes, the worker by `worker-src blob:`, the wasm
// by 'wasm-unsafe-eval'.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : fallback;
};
const WWW = opt("--www", path.join(ROOT, "www"));
const OUT = opt("--out", path.join(ROOT, "dist/opportunity-matcher-leads.html"));
const LIST = opt("--list", path.join(WWW, "data/opportunity-list.json"));

function fail(message) {
  console.error(`dist-leads.mjs: ${message}`);
  process.exit(1);
}
function read(file, encoding = "utf8") {
  if (!existsSync(file)) fail(`${path.relative(ROOT, file)} is missing${file.includes("/pkg/") ? "; run `make build` first" : ""}`);
  return readFileSync(file, encoding);
}
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const scriptSafe = (js) => js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");

/**
 * A wasm-bindgen `--target web` glue and its wasm as an expression: a function scope that
 * instantiates the inlined wasm synchronously and returns the exports. Plain script (no import or
 * export, no `import.meta`), so it runs in a classic worker.
 */
function moduleExpression(name) {
  // wasm-bindgen's inline_js snippets (pkg/snippets/…), imported by the glue, if any: inlined in
  // their place. A snippet's `import(url)` (the main module's, which fetches the spreadsheet
  // module) becomes a clear refusal instead of a fetch a file:// page cannot make.
  const glue = read(path.join(WWW, `pkg/${name}.js`)).replace(/^import \{[^}]*\} from '(\.\/snippets\/[^']+)';$/gm, (_, rel) => {
    const snippet = read(path.join(WWW, "pkg", rel)).replace(/^export (?=function |const |let |class )/gm, "");
    const importUrl = /\bimport\(url\)/g;
    if ((snippet.match(importUrl) || []).length > 1) fail(`www/pkg/${rel} imports more than one module; update scripts/dist-leads.mjs`);
    return snippet.replace(importUrl, `Promise.reject(new Error("the offline leads page reads spreadsheets in its worker"))`);
  });
  const wasm = read(path.join(WWW, `pkg/${name}_bg.wasm`), null);
  const exported = [...glue.matchAll(/^export (?:async )?(?:function|class|const|let) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  const finalExport = /^export \{ initSync, __wbg_init as default \};\s*$/m;
  if (!finalExport.test(glue) || exported.length === 0) fail(`www/pkg/${name}.js does not look like wasm-bindgen --target web output`);
  const body = glue
    .replace(finalExport, "")
    .replace(/^export (?=(?:async )?(?:function|class|const|let) )/gm, "")
    .replace(/import\.meta\.url/g, "self.location.href");
  if (/^\s*(import|export)\b/m.test(body)) fail(`the glue of ${name} has an import or export this script does not handle`);
  return `(() => {
${body}
  const raw = atob(${JSON.stringify(wasm.toString("base64"))});
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  initSync({ module: bytes });
  return { ${exported.join(", ")} };
})()`;
}

// --- the worker -------------------------------------------------------------------------------------
const workerSource = read(path.join(WWW, "leads-worker.js"));
const importMain = /^import init, \{ matchLeads \} from "\.\/pkg\/opportunity_matcher_publish\.js";\s*$/m;
const initMain = /^const ready = init\(\);\s*$/m;
for (const [re, what] of [[importMain, "the import of the publisher module"], [initMain, "`const ready = init();`"]]) {
  if (!re.test(workerSource)) fail(`www/leads-worker.js: ${what} not found; update scripts/dist-leads.mjs`);
}
// The publisher module reads spreadsheets itself: the offline page takes every format.
const worker = workerSource
  .replace(importMain, `const { matchLeads } = ${moduleExpression("opportunity_matcher_publish")};`)
  .replace(initMain, "const ready = Promise.resolve();");

// --- the page ---------------------------------------------------------------------------------------
const pageScript = read(path.join(WWW, "leads.js"));
const makeWorker = /return new Worker\(new URL\("leads-worker\.js", import\.meta\.url\), \{ type: "module" \}\);/;
if (!makeWorker.test(pageScript)) fail("www/leads.js: makeWorker no longer creates the worker as expected; update scripts/dist-leads.mjs");
const list = read(LIST);
const listUrl = `data:application/json;base64,${Buffer.from(list, "utf8").toString("base64")}`;
const bundled = /const BUNDLED_LIST = "data\/opportunity-list\.json";/;
if (!bundled.test(pageScript)) fail("www/leads.js: BUNDLED_LIST not found");
const script = scriptSafe(
  pageScript
    .replace(makeWorker, `return new Worker(URL.createObjectURL(new Blob([document.getElementById("om-worker").textContent], { type: "text/javascript" })));`)
    .replace(bundled, `const BUNDLED_LIST = ${JSON.stringify(listUrl)};`),
);
const css = read(path.join(WWW, "leads.css"));
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  "worker-src blob:",
  `style-src ${sha256(css)}`,
  "connect-src data:",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

let page = read(path.join(WWW, "leads.html"));
const replaceOnce = (pattern, replacement, what) => {
  const before = page;
  page = page.replace(pattern, replacement);
  if (page === before) fail(`www/leads.html: ${what} not found`);
};
replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`, "the CSP meta element");
const favicon = existsSync(path.join(WWW, "favicon.svg")) ? readFileSync(path.join(WWW, "favicon.svg")) : null;
if (favicon) {
  replaceOnce(/<link rel="icon" href="favicon\.svg" type="image\/svg\+xml">/, () => `<link rel="icon" href="data:image/svg+xml;base64,${favicon.toString("base64")}" type="image/svg+xml">`, "the favicon link");
}
replaceOnce(/<link rel="stylesheet" href="leads\.css">/, () => `<style>${css}</style>`, "the leads.css link");
replaceOnce(/<script type="module" src="leads\.js"><\/script>/, () => `<script type="module">${script}</script>`, "the page script");
const bodyEnd = page.lastIndexOf("</body>");
page = `${page.slice(0, bodyEnd)}  <script type="text/plain" id="om-worker">${scriptSafe(worker)}</script>\n${page.slice(bodyEnd)}`;
page = page.replace(/<head>/, `<head>\n  <!-- Built by scripts/dist-leads.mjs from www/leads.html: works from file:// with no network. -->`);
const written = page.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!written || written[1] !== script) fail("the inline script changed after it was hashed");

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, page);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`dist: wrote ${path.relative(process.cwd(), OUT) || OUT} (${kb(Buffer.byteLength(page))}, spreadsheets included)`);
