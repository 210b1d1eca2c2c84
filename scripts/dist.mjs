#!/usr/bin/env node
// `make dist`: the fair page as one self-contained HTML file for a USB stick —
// dist/opportunity-matcher-fair.html, which works opened from file:// with no network at all — and
// the publisher page the same way, dist/opportunity-matcher-publish.html (see the end of this file).
//
//   node scripts/dist.mjs [--www www] [--out dist/opportunity-matcher-fair.html] [--list www/data/opportunity-list.json]
//
// Inlined into the one file:
// - the wasm, base64-encoded and instantiated with wasm-bindgen's `initSync` (a page opened from
//   file:// may not fetch, so there is no streaming compile);
// - the spreadsheet module (www/pkg/opportunity_matcher_sheets*), instantiated only when a spreadsheet
//   is dropped;
// - the wasm-bindgen JS glue (www/pkg/opportunity_matcher.js, its inline_js snippet) and the element's loader
//   (www/opportunity-matcher.js), in one inline module script; the loader's dynamic import of the
//   glue is pointed at the inlined copy;
// - the widget's CSS (already inside the wasm) and the page's CSS (www/fair.css);
// - the list, as a data: URL in the element's `src`;
// - the favicon, as a data: URL.
//
// The file carries its own Content-Security-Policy: nothing may be loaded from anywhere
// (`default-src 'none'`), the one inline script and the one inline style are allowed by their
// SHA-256 hashes (no 'unsafe-inline', no eval: only 'wasm-unsafe-eval' to compile the wasm).

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
const OUT = opt("--out", path.join(ROOT, "dist/opportunity-matcher-fair.html"));
const LIST = opt("--list", path.join(WWW, "data/opportunity-list.json"));

function fail(message) {
  console.error(`dist.mjs: ${message}`);
  process.exit(1);
}

function read(file, encoding = "utf8") {
  if (!existsSync(file)) fail(`${path.relative(ROOT, file)} is missing${file.includes("/pkg/") ? "; run `make build` first" : ""}`);
  return readFileSync(file, encoding);
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** `</script` (and `<!--`) cannot appear inside an inline script; escape them in string contexts. */
function scriptSafe(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

// --- the wasm-bindgen glue, turned into a local module object -----------------------------------
/** A wasm-bindgen `--target web` module as an inline object: the glue without its exports, the wasm
 *  (read from the page's `<script id=wasmId>`, base64) instantiated synchronously. */
function inlineModule(glueFile, wasmFile, varName, wasmId, { lazy = false, snippet = (js) => js } = {}) {
  // wasm-bindgen's inline_js snippets (pkg/snippets/…), imported by the glue: inlined in their place.
  const glue = read(path.join(WWW, glueFile)).replace(/^import \{[^}]*\} from '(\.\/snippets\/[^']+)';$/gm, (_, rel) =>
    snippet(read(path.join(WWW, path.dirname(glueFile), rel)).replace(/^export (?=function |const |let |class )/gm, "")),
  );
  const wasm = read(path.join(WWW, wasmFile), null);
  const exported = [...glue.matchAll(/^export (?:async )?(?:function|class|const|let) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  const finalExport = /^export \{ initSync, __wbg_init as default \};\s*$/m;
  if (!finalExport.test(glue) || exported.length === 0) {
    fail(`www/${glueFile} does not look like wasm-bindgen --target web output`);
  }
  const glueBody = glue
    .replace(finalExport, "")
    .replace(/^export (?=(?:async )?(?:function|class|const|let) )/gm, "");
  if (/^\s*(import|export)\b/m.test(glueBody)) fail(`the wasm-bindgen glue www/${glueFile} has an import or export this script does not handle`);
  // A lazy module is instantiated the first time it is asked for (`${varName}()`).
  const code = `const ${varName} = ${lazy ? "(() => { let made = null; return () => (made ??= (() => {" : "(() => {"}
${glueBody}
  // The wasm, inlined: decoded from base64 and instantiated synchronously (no fetch from file://).
  const b64 = document.getElementById("${wasmId}").textContent.trim();
  const raw = atob(b64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  initSync({ module: bytes });
  const exports = { ${exported.join(", ")}, initSync };
  // The page calls the default export as wasm-bindgen's async init: already done.
  exports.default = async () => exports;
  return exports;
})${lazy ? "()); })()" : "()"};
`;
  return { code, wasm };
}
// The spreadsheet module rides along in its own script element and is instantiated only when a
// spreadsheet is dropped on the kiosk (the main module's snippet imports it by URL, which a file://
// page cannot: that import is pointed at the inlined copy).
const { code: sheetsModule, wasm: sheetsWasm } = inlineModule(
  "pkg/opportunity_matcher_sheets.js",
  "pkg/opportunity_matcher_sheets_bg.wasm",
  "OpportunityMatcherSheetsInline",
  "om-sheets-wasm",
  { lazy: true },
);
const importSheets = /\bimport\(url\)/g;
const { code: mainModule, wasm } = inlineModule("pkg/opportunity_matcher.js", "pkg/opportunity_matcher_bg.wasm", "OpportunityMatcherInline", "om-wasm", {
  snippet: (js) => {
    if ((js.match(importSheets) || []).length !== 1) fail("the spreadsheet snippet no longer imports the module as `import(url)`; update scripts/dist.mjs");
    return js.replace(importSheets, "Promise.resolve(OpportunityMatcherSheetsInline())");
  },
});
const moduleObject = `${sheetsModule}\n${mainModule}`;

// --- the element's loader, with its import of the glue pointed at the inlined copy -------------
const loader = read(path.join(WWW, "opportunity-matcher.js"));
const importGlue = /import\(\s*glue\.href\s*\)/g;
const found = loader.match(importGlue) || [];
if (found.length !== 1) {
  fail("www/opportunity-matcher.js no longer imports the glue as `import(glue.href)`; update scripts/dist.mjs");
}
// …and its compiles of pkg/opportunity_matcher_bg.wasm (the full build, which the inlined glue is)
// and of the portal build skipped: the inlined glue has the wasm already, whichever build is asked for.
const compileCall = /compileWasm\(here\("\.\/pkg\/opportunity_matcher(_portal)?_bg\.wasm"\)\)/g;
if ((loader.match(compileCall) || []).length !== 2) {
  fail('www/opportunity-matcher.js no longer compiles the two builds as `compileWasm(here("./pkg/opportunity_matcher[_portal]_bg.wasm"))`; update scripts/dist.mjs');
}
const loaderInline = loader.replace(importGlue, "Promise.resolve(OpportunityMatcherInline)").replace(compileCall, "Promise.resolve(null)");

const script = scriptSafe(`// opportunity-matcher, offline single-file build (scripts/dist.mjs).\n${moduleObject}\n${loaderInline}`);
if (/\beval\s*\(|new Function\s*\(/.test(script)) fail("the inlined script would use eval or new Function");

// --- the page --------------------------------------------------------------------------------------
const html = read(path.join(WWW, "fair.html"));
const css = read(path.join(WWW, "fair.css"));
const list = read(LIST);
try {
  JSON.parse(list);
} catch (e) {
  fail(`${path.relative(ROOT, LIST)} is not valid JSON: ${e.message}`);
}
const favicon = existsSync(path.join(WWW, "favicon.svg")) ? readFileSync(path.join(WWW, "favicon.svg")) : null;
const listUrl = `data:application/json;base64,${Buffer.from(list, "utf8").toString("base64")}`;
// The Simplified→Traditional display table, fetched by the widget only when 繁 is chosen: on the
// portal from next to the wasm, here from the element's `hant-src` (file:// may not fetch files).
const hant = readFileSync(path.join(ROOT, "data/s2twp.tsv"));
const hantUrl = `data:text/plain;charset=utf-8;base64,${hant.toString("base64")}`;

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  "connect-src data:",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

let page = html;
const replaceOnce = (pattern, replacement, what) => {
  const before = page;
  page = page.replace(pattern, replacement);
  if (page === before) fail(`www/fair.html: ${what} not found`);
};
// The element's src first: the inlined loader's comments show an example element too.
replaceOnce(/(<opportunity-matcher\b[^>]*?\s)src="[^"]*"/, (_, head) => `${head}src="${listUrl}" hant-src="${hantUrl}"`, "the element's src");
replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`, "the CSP meta element");
if (favicon) {
  replaceOnce(/<link rel="icon" href="favicon\.svg" type="image\/svg\+xml">/, () => `<link rel="icon" href="data:image/svg+xml;base64,${favicon.toString("base64")}" type="image/svg+xml">`, "the favicon link");
}
replaceOnce(/<link rel="stylesheet" href="fair\.css">/, () => `<style>${css}</style>`, "the fair.css link");
replaceOnce(/<script type="module" src="opportunity-matcher\.js"><\/script>/, () => `<script type="module">${script}</script>`, "the loader script");
const bodyEnd = page.lastIndexOf("</body>");
if (bodyEnd < 0) fail("www/fair.html has no </body>");
page =
  `${page.slice(0, bodyEnd)}  <script type="application/wasm-base64" id="om-wasm">${wasm.toString("base64")}</script>\n` +
  `  <script type="application/wasm-base64" id="om-sheets-wasm">${sheetsWasm.toString("base64")}</script>\n${page.slice(bodyEnd)}`;
page = page.replace(/<head>/, `<head>\n  <!-- Built by scripts/dist.mjs from www/fair.html: works from file:// with no network. -->`);
// The hash in the CSP must still be that of the script as written into the page.
const written = page.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!written || written[1] !== script) fail("the inline script changed after it was hashed");

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, page);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(
  `dist: wrote ${path.relative(process.cwd(), OUT) || OUT} (${kb(Buffer.byteLength(page))}: wasm ${kb(wasm.length)}, spreadsheet wasm ${kb(sheetsWasm.length)}, list ${kb(Buffer.byteLength(list))}, Traditional table ${kb(hant.length)})`,
);

// --- the publisher page, the second offline file ----------------------------------------------------
// www/publish.html with the publisher module (reader, spreadsheet reader, JSON and .oml writers) and
// publish.js inlined, its two stylesheets in one inline style: an official without a network or a
// Rust toolchain turns a spreadsheet into the portal's files from a USB stick.
{
  const { code: publishModule, wasm: publishWasm } = inlineModule(
    "pkg/opportunity_matcher_publish.js",
    "pkg/opportunity_matcher_publish_bg.wasm",
    "OpportunityMatcherPublishInline",
    "om-publish-wasm",
  );
  const pageScript = read(path.join(WWW, "publish.js"));
  const importLine = /^import init, \{ ListDraft \} from "\.\/pkg\/opportunity_matcher_publish\.js";$/m;
  if (!importLine.test(pageScript)) fail("www/publish.js no longer imports the publisher module as this script expects; update scripts/dist.mjs");
  const script = scriptSafe(
    `// opportunity-matcher publisher page, offline single-file build (scripts/dist.mjs).\n${publishModule}\n` +
      pageScript.replace(importLine, "const { default: init, ListDraft } = OpportunityMatcherPublishInline;"),
  );
  if (/\beval\s*\(|new Function\s*\(/.test(script)) fail("the inlined publisher script would use eval or new Function");
  const css = `${read(path.join(WWW, "site.css"))}\n${read(path.join(WWW, "publish.css"))}`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join("; ");
  let html = read(path.join(WWW, "publish.html"));
  const once = (pattern, replacement, what) => {
    const before = html;
    html = html.replace(pattern, replacement);
    if (html === before) fail(`www/publish.html: ${what} not found`);
  };
  once(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`, "the CSP meta element");
  if (favicon) {
    const icon = `data:image/svg+xml;base64,${favicon.toString("base64")}`;
    once(/<link rel="icon" href="favicon\.svg" type="image\/svg\+xml">/, () => `<link rel="icon" href="${icon}" type="image/svg+xml">`, "the favicon link");
    once(/<img src="favicon\.svg"/, () => `<img src="${icon}"`, "the logo");
  }
  once(/<link rel="stylesheet" href="site\.css">\s*<link rel="stylesheet" href="publish\.css">/, () => `<style>${css}</style>`, "the stylesheet links");
  once(/<script type="module" src="publish\.js"><\/script>/, () => `<script type="module">${script}</script>`, "the page script");
  const end = html.lastIndexOf("</body>");
  html = `${html.slice(0, end)}  <script type="application/wasm-base64" id="om-publish-wasm">${publishWasm.toString("base64")}</script>\n${html.slice(end)}`;
  html = html.replace(/<head>/, `<head>\n  <!-- Built by scripts/dist.mjs from www/publish.html: works from file:// with no network. -->`);
  const out = path.join(path.dirname(OUT), "opportunity-matcher-publish.html");
  writeFileSync(out, html);
  console.log(`dist: wrote ${path.relative(process.cwd(), out) || out} (${kb(Buffer.byteLength(html))}: wasm ${kb(publishWasm.length)})`);
}
