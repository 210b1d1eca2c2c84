#!/usr/bin/env node
// `make dist`: the release folder for a portal, dist/portal/, ready to copy to any static host
// under any path (the loader finds its pkg/ files relative to itself):
//
//   opportunity-matcher.js          the element's loader (the one <script> a page includes)
//   pkg/opportunity_matcher_portal.js, _portal_bg.wasm   the portal build (glue, wasm): what a page loads
//   pkg/opportunity_matcher.js, _bg.wasm                 the full build, fetched only for mode="kiosk"
//   pkg/opportunity_matcher_sheets.js, _bg.wasm          the spreadsheet reader, fetched only for a spreadsheet
//   pkg/s2twp.tsv                   the Traditional display table, fetched only when 繁 is chosen
//   data/opportunity-list.json      the bundled (illustrative) list, to replace with your own
//   index.html                      an example page (www/example.html)
//   README.md                       the three steps, and what a host should send
//
//   node scripts/portal.mjs [--www www] [--out dist/portal]

import { copyFileSync, existsSync, readdirSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : fallback;
};
const WWW = opt("--www", path.join(ROOT, "www"));
const OUT = opt("--out", path.join(ROOT, "dist/portal"));

/** wasm-bindgen's inline_js snippets (pkg/snippets/…/*.js), which the glue imports: [from, to]. */
function snippetFiles(www) {
  const walk = (dir) =>
    existsSync(path.join(www, dir))
      ? readdirSync(path.join(www, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith(".js") ? [`${dir}/${e.name}`] : []))
      : [];
  return walk("pkg/snippets").map((f) => [f, f]);
}

/** What the folder holds: [from (under www/), to (under the folder)]. */
export const FILES = [
  ["opportunity-matcher.js", "opportunity-matcher.js"],
  ["pkg/opportunity_matcher_portal.js", "pkg/opportunity_matcher_portal.js"],
  ["pkg/opportunity_matcher_portal_bg.wasm", "pkg/opportunity_matcher_portal_bg.wasm"],
  ["pkg/opportunity_matcher.js", "pkg/opportunity_matcher.js"],
  ["pkg/opportunity_matcher_bg.wasm", "pkg/opportunity_matcher_bg.wasm"],
  ["pkg/opportunity_matcher_sheets.js", "pkg/opportunity_matcher_sheets.js"],
  ["pkg/opportunity_matcher_sheets_bg.wasm", "pkg/opportunity_matcher_sheets_bg.wasm"],
  // The Simplified→Traditional display table, fetched from beside the wasm the first time 繁 is chosen.
  ["pkg/s2twp.tsv", "pkg/s2twp.tsv"],
  ...snippetFiles(WWW),
  ["data/opportunity-list.json", "data/opportunity-list.json"],
  ["example.html", "index.html"],
];

for (const [from] of FILES) {
  if (!existsSync(path.join(WWW, from))) {
    console.error(`portal.mjs: ${path.relative(ROOT, path.join(WWW, from))} is missing${from.startsWith("pkg/") ? "; run `make build` first" : ""}`);
    process.exit(1);
  }
}
rmSync(OUT, { recursive: true, force: true });
for (const [from, to] of FILES) {
  mkdirSync(path.dirname(path.join(OUT, to)), { recursive: true });
  copyFileSync(path.join(WWW, from), path.join(OUT, to));
}

const version = (readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m) || [])[1] || "";
writeFileSync(
  path.join(OUT, "README.md"),
  `# opportunity-matcher ${version}: the portal folder

Ranks an investment opportunity list (机遇清单) against what an investor enters (industry, budget,
region), with the reason for every rank, entirely in the visitor's browser.

## Embed it in three steps

1. Copy this folder to your site, at any path, e.g. \`/static/opportunity-matcher/\`. Keep
   \`opportunity-matcher.js\` and \`pkg/\` together: the script finds \`pkg/\` next to itself.
2. Publish your list on the same site: JSON or CSV (UTF-8 or GBK), or for a large list the compact
   form with its stored index (\`opportunity-matcher convert list.json list.oml\`; gzip it as
   \`list.oml.gz\` if your host does not compress it). \`data/opportunity-list.json\` is an
   illustrative example.
3. Add two lines to the page:

\`\`\`html
<script type="module" src="/static/opportunity-matcher/opportunity-matcher.js"></script>
<opportunity-matcher src="/static/opportunity-matcher/data/opportunity-list.json" lang="zh-Hans"></opportunity-matcher>
\`\`\`

\`index.html\` here is such a page. Attributes: \`src\`, \`lang\` (\`zh-Hans\`, \`zh-Hant\`, \`en\`),
\`mode\` (\`portal\`, \`kiosk\`), \`weights\`.

## Hook your own form or analytics to it

The element dispatches \`CustomEvent\`s (they bubble and are composed): \`om-results-change\`
(\`detail\`: \`{ids, matched, total, query}\`), \`om-shortlist-change\` (\`{ids, added, removed}\`),
\`om-project-open\` (\`{id, name, index}\`). Its \`query\` property reads and sets what is typed:
\`{industry, budget, region, sector, cooperation, stage}\`.

\`\`\`js
const matcher = document.querySelector("opportunity-matcher");
matcher.query = { industry: "动力电池", region: "成都" };
matcher.addEventListener("om-project-open", (e) => (enquiryForm.project.value = e.detail.id));
\`\`\`

## What the host should send

- \`.wasm\` as \`application/wasm\`: the widget then compiles while it downloads. Any other type
  still works (it compiles once downloaded, a little later).
- Compressed responses (gzip or brotli) for \`.js\`, \`.wasm\`, \`.json\` and \`.csv\`: the wasm is
  about ${Math.round(gzipSync(readFileSync(path.join(OUT, "pkg/opportunity_matcher_portal_bg.wasm"))).length / 1024)} KB gzipped, ${Math.round(statSync(path.join(OUT, "pkg/opportunity_matcher_portal_bg.wasm")).size / 1024)} KB as it is (\`opportunity_matcher_portal_bg.wasm\`, what a
  portal page loads; \`opportunity_matcher_bg.wasm\`, with fair mode, is fetched only for \`mode="kiosk"\`).
- A Content-Security-Policy, if any, must allow \`'wasm-unsafe-eval'\` in \`script-src\`; nothing
  else is needed (no inline script or style, no other origin). The widget requests only its own
  files and the list.
`,
);
const size = (f) => statSync(path.join(OUT, f)).size;
const total = FILES.reduce((a, [, to]) => a + size(to), 0);
console.log(`dist: wrote ${path.relative(process.cwd(), OUT) || OUT}/ (${FILES.length} files and README.md, ${Math.round(total / 1024)} KB)`);
