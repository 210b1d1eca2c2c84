#!/usr/bin/env node
// `make package`: the npm package, in wasm-pack's layout, as an `npm pack` tarball:
// dist/opportunity-matcher-VERSION.tgz.
//
//   opportunity-matcher.js          the <opportunity-matcher> element (exports ".")
//   opportunity-matcher.d.ts        its types (www/types/element.d.ts)
//   pkg/opportunity_matcher.js      the wasm-bindgen glue: Matcher, mount … (exports "./matcher")
//   pkg/opportunity_matcher.d.ts    their types (www/types/matcher.d.ts)
//   pkg/opportunity_matcher_bg.wasm
//   README.md, package.json
//
// The element finds pkg/ relative to itself, so a bundler or a plain static copy of the package
// folder both work. The version, description and licence come from Cargo.toml.
//
//   node scripts/package.mjs [--www www] [--out dist] [--stage target/package]

import { copyFileSync, existsSync, readdirSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : fallback;
};
const WWW = opt("--www", path.join(ROOT, "www"));
const OUT = opt("--out", path.join(ROOT, "dist"));
const STAGE = path.join(opt("--stage", path.join(ROOT, "target/package")), "opportunity-matcher");

const cargo = readFileSync(path.join(ROOT, "Cargo.toml"), "utf8");
const field = (name) => (cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m")) || [])[1];

/** wasm-bindgen's inline_js snippets (pkg/snippets/…/*.js), which the glue imports: [from, to]. */
function snippetFiles(www) {
  const walk = (dir) =>
    existsSync(path.join(www, dir))
      ? readdirSync(path.join(www, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith(".js") ? [`${dir}/${e.name}`] : []))
      : [];
  return walk("pkg/snippets").map((f) => [f, f]);
}

/** [from, to]: from is under www/, to under the package. */
export const FILES = [
  ["opportunity-matcher.js", "opportunity-matcher.js"],
  ["types/element.d.ts", "opportunity-matcher.d.ts"],
  ["pkg/opportunity_matcher.js", "pkg/opportunity_matcher.js"],
  ["types/matcher.d.ts", "pkg/opportunity_matcher.d.ts"],
  ["pkg/opportunity_matcher_bg.wasm", "pkg/opportunity_matcher_bg.wasm"],
  // The portal build the element loads unless mode="kiosk" (no fair mode, no Matcher API).
  ["pkg/opportunity_matcher_portal.js", "pkg/opportunity_matcher_portal.js"],
  ["pkg/opportunity_matcher_portal_bg.wasm", "pkg/opportunity_matcher_portal_bg.wasm"],
  // The spreadsheet module, imported the first time a spreadsheet is opened, and the glue's snippet that imports it.
  ["pkg/opportunity_matcher_sheets.js", "pkg/opportunity_matcher_sheets.js"],
  ["pkg/opportunity_matcher_sheets_bg.wasm", "pkg/opportunity_matcher_sheets_bg.wasm"],
  // The Simplified→Traditional display table, fetched from beside the wasm the first time 繁 is chosen.
  ["pkg/s2twp.tsv", "pkg/s2twp.tsv"],
  ...snippetFiles(WWW),
];

export const PACKAGE = {
  name: "opportunity-matcher",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  module: "./opportunity-matcher.js",
  types: "./opportunity-matcher.d.ts",
  exports: {
    ".": { types: "./opportunity-matcher.d.ts", default: "./opportunity-matcher.js" },
    "./matcher": { types: "./pkg/opportunity_matcher.d.ts", default: "./pkg/opportunity_matcher.js" },
    "./pkg/opportunity_matcher_bg.wasm": "./pkg/opportunity_matcher_bg.wasm",
    "./package.json": "./package.json",
  },
  files: [...FILES.map(([, to]) => to), "README.md"],
  // Importing the element's module defines <opportunity-matcher>.
  sideEffects: ["./opportunity-matcher.js"],
  keywords: ["investment", "opportunity list", "机遇清单", "招商", "ranking", "webassembly", "web component", "custom element"],
};

for (const [from] of FILES) {
  if (!existsSync(path.join(WWW, from))) {
    console.error(`package.mjs: ${path.relative(ROOT, path.join(WWW, from))} is missing${from.startsWith("pkg/") ? "; run `make build` first" : ""}`);
    process.exit(1);
  }
}
rmSync(STAGE, { recursive: true, force: true });
for (const [from, to] of FILES) {
  mkdirSync(path.dirname(path.join(STAGE, to)), { recursive: true });
  copyFileSync(path.join(WWW, from), path.join(STAGE, to));
}
writeFileSync(path.join(STAGE, "package.json"), JSON.stringify(PACKAGE, null, 2) + "\n");
writeFileSync(
  path.join(STAGE, "README.md"),
  `# opportunity-matcher

${PACKAGE.description}

Everything runs in the visitor's browser: nothing typed is sent anywhere. Licence: ${PACKAGE.license}.

## The element

\`\`\`js
import "opportunity-matcher"; // defines <opportunity-matcher>
\`\`\`

\`\`\`html
<opportunity-matcher src="/data/projects.json" lang="zh-Hans"></opportunity-matcher>
\`\`\`

Attributes: \`src\` (JSON or CSV list, UTF-8 or GBK, or the compact \`.oml\` form; gzipped files
too), \`lang\` (\`zh-Hans\`, \`zh-Hant\`, \`en\`), \`mode\` (\`portal\`, \`kiosk\`), \`weights\`
(\`industry=0.5,region=0.3\`); kiosk: \`idle\`, \`share-base\`. Properties: \`handle\` (the mounted
widget), \`ready\` (a promise), \`loadText(text, name)\`. The element fetches
\`pkg/opportunity_matcher_portal.js\` and \`pkg/opportunity_matcher_portal_bg.wasm\` (for
\`mode="kiosk"\`: \`pkg/opportunity_matcher.js\` and \`pkg/opportunity_matcher_bg.wasm\`) relative
to its own module: serve the package folder as it is (or let your bundler copy \`pkg/\` next to the
element's module), and send \`.wasm\` as \`application/wasm\` for the fastest start.

## The matcher API

\`\`\`ts
import init, { Matcher, type RankResponse } from "opportunity-matcher/matcher";
await init();
const m = Matcher.fromText(await (await fetch("/data/projects.json")).text(), "projects.json");
const r: RankResponse = m.rank({ industry: "动力电池", budget: "30亿", region: "成都", top: 10, lang: "en" });
for (const p of r.results) console.log(p.id, p.score, p.reasons.join("; "));
\`\`\`

Types for both entry points are included (\`opportunity-matcher.d.ts\`, \`pkg/opportunity_matcher.d.ts\`).
`,
);
mkdirSync(OUT, { recursive: true });
const packed = execFileSync("npm", ["pack", "--pack-destination", OUT, "--loglevel=error"], { cwd: STAGE, encoding: "utf8" }).trim().split("\n").pop();
console.log(`package: wrote ${path.relative(process.cwd(), path.join(OUT, packed)) || packed}`);
