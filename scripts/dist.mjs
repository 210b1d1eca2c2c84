#!/usr/bin/env node
// `make dist`: the fair page as one self-contained HTML file for a USB stick —
// dist/opportunity-matcher-fair.html, which works opened from file:// with no network at all.
//
//   node scripts/dist.mjs [--www www] [--out dist/opportunity-matcher-fair.html] [--list www/data/opportunity-list.json]
//
// Inlined into the one file:
// - the wasm, base64-encoded and instantiated with wasm-bindgen's `initSync` (a page opened from
//   file:// may not fetch, so there is no streaming compile);
// - the wasm-bindgen JS glue (www/pkg/opportunity_matcher.js) and the element's loader
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
const glue = read(path.join(WWW, "pkg/opportunity_matcher.js"));
const wasm = read(path.join(WWW, "pkg/opportunity_matcher_bg.wasm"), null);
const exported = [...glue.matchAll(/^export (?:async )?(?:function|class|const|let) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
const finalExport = /^export \{ initSync, __wbg_init as default \};\s*$/m;
if (!finalExport.test(glue) || exported.length === 0) {
  fail("www/pkg/opportunity_matcher.js does not look like wasm-bindgen --target web output");
}
const glueBody = glue
  .replace(finalExport, "")
  .replace(/^export (?=(?:async )?(?:function|class|const|let) )/gm, "");
if (/^\s*(import|export)\b/m.test(glueBody)) fail("the wasm-bindgen glue has an import or export this script does not handle");

const moduleObject = `const OpportunityMatcherInline = (() => {
${glueBody}
  // The wasm, inlined: decoded from base64 and instantiated synchronously (no fetch from file://).
  const b64 = document.getElementById("om-wasm").textContent.trim();
  const raw = atob(b64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  initSync({ module: bytes });
  const exports = { ${exported.join(", ")}, initSync };
  // The loader calls the default export as wasm-bindgen's async init: already done.
  exports.default = async () => exports;
  return exports;
})();
`;

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
replaceOnce(/(<opportunity-matcher\b[^>]*?\s)src="[^"]*"/, (_, head) => `${head}src="${listUrl}"`, "the element's src");
replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`, "the CSP meta element");
if (favicon) {
  replaceOnce(/<link rel="icon" href="favicon\.svg" type="image\/svg\+xml">/, () => `<link rel="icon" href="data:image/svg+xml;base64,${favicon.toString("base64")}" type="image/svg+xml">`, "the favicon link");
}
replaceOnce(/<link rel="stylesheet" href="fair\.css">/, () => `<style>${css}</style>`, "the fair.css link");
replaceOnce(/<script type="module" src="opportunity-matcher\.js"><\/script>/, () => `<script type="module">${script}</script>`, "the loader script");
const bodyEnd = page.lastIndexOf("</body>");
if (bodyEnd < 0) fail("www/fair.html has no </body>");
page = `${page.slice(0, bodyEnd)}  <script type="application/wasm-base64" id="om-wasm">${wasm.toString("base64")}</script>\n${page.slice(bodyEnd)}`;
page = page.replace(/<head>/, `<head>\n  <!-- Built by scripts/dist.mjs from www/fair.html: works from file:// with no network. -->`);
// The hash in the CSP must still be that of the script as written into the page.
const written = page.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!written || written[1] !== script) fail("the inline script changed after it was hashed");

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, page);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`dist: wrote ${path.relative(process.cwd(), OUT) || OUT} (${kb(Buffer.byteLength(page))}: wasm ${kb(wasm.length)}, list ${kb(Buffer.byteLength(list))})`);
