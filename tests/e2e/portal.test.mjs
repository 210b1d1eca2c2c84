// The release folder (`make dist` → dist/portal/, scripts/portal.mjs), as a webmaster deploys it:
// copied under a sub-path of another site (/some/portal/path/) on a host that sends .wasm as
// application/octet-stream (so the wasm cannot compile while it streams and the loader must fall
// back) and gzips what it compresses. Its example page ranks, and a page of the host site
// elsewhere embeds the widget from that path with the two lines of the README; the only requests
// are the widget's own files and the list.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launch, resultIds, fillQuery, waitForFirst, watch, watchCsp, ROOT, WWW, W, STRICT_CSP } from "./helpers.mjs";
import { serve } from "../../scripts/serve.mjs";
import { PNG } from "pngjs";

const dir = mkdtempSync(path.join(tmpdir(), "om-portal-"));
const portal = path.join(dir, "portal");
const site = path.join(dir, "site");
const SUB = "/some/portal/path/";
let browser, server;

before(async () => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/portal.mjs"), "--www", WWW, "--out", portal], { stdio: "pipe" });
  // Another site: its own page, which embeds the widget from the sub-path (absolute URLs, as the
  // README's third step shows).
  mkdirSync(path.join(site, "news"), { recursive: true });
  // The host site's own icon (browsers ask for /favicon.ico at the root of every site).
  const icon = new PNG({ width: 1, height: 1 });
  writeFileSync(path.join(site, "favicon.ico"), PNG.sync.write(icon));
  writeFileSync(
    path.join(site, "news/invest.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invest</title>
<script type="module" src="${SUB}opportunity-matcher.js"></script></head>
<body><h1>Projects seeking investors</h1>
<opportunity-matcher src="${SUB}data/opportunity-list.json" lang="en"></opportunity-matcher></body></html>`,
  );
  [browser, server] = await Promise.all([
    launch(),
    serve({ root: site, port: 0, csp: STRICT_CSP, gzip: true, mounts: [[SUB, portal]], types: { ".wasm": "application/octet-stream" } }),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the folder holds the loader, pkg/, an example page, the list and a README with the three steps", () => {
  for (const f of ["opportunity-matcher.js", "pkg/opportunity_matcher_portal.js", "pkg/opportunity_matcher_portal_bg.wasm", "pkg/opportunity_matcher.js", "pkg/opportunity_matcher_bg.wasm", "data/opportunity-list.json", "index.html", "README.md"]) {
    assert.ok(existsSync(path.join(portal, f)), `${f} is in the folder`);
  }
  const readme = readFileSync(path.join(portal, "README.md"), "utf8");
  assert.match(readme, /## Embed it in three steps/);
  assert.match(readme, /<script type="module" src="[^"]*opportunity-matcher\.js"><\/script>/);
  for (const f of ["pkg/opportunity_matcher_bg.wasm", "pkg/opportunity_matcher_portal_bg.wasm"]) {
    assert.deepEqual(readFileSync(path.join(portal, f)), readFileSync(path.join(WWW, f)));
  }
});

/** Opens `url`, recording every request, problems and CSP violations; ranks a query; returns what it saw. */
async function rankOn(url, query, expectFirst) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const problems = watch(page);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const csp = await watchCsp(page);
  await page.goto(server.url.replace(/\/$/, "") + url);
  await page.locator(`${W} [role=list] [role=listitem]`).first().waitFor();
  await fillQuery(page, query);
  const ids = await waitForFirst(page, [expectFirst]);
  const violations = await csp.violations();
  await context.close();
  return { ids, requests, problems, warnings, violations };
}

for (const [what, url, lang] of [
  ["the example page of the folder, under the sub-path", SUB, "zh-Hans"],
  ["a page elsewhere on the host site that embeds the folder from the sub-path", "/news/invest.html", "en"],
]) {
  test(`${what} ranks, with .wasm sent as application/octet-stream`, async () => {
    const query = lang === "en" ? { industry: "power battery", budget: "3 billion yuan", region: "Chengdu" } : { industry: "动力电池", budget: "30亿", region: "成都" };
    const seen = await rankOn(url, query, "SC-0001");
    assert.equal(seen.ids[0], "SC-0001");
    assert.ok(seen.ids.length >= 5, "a ranked list, not one card");
    assert.deepEqual(seen.problems, [], "no error");
    assert.deepEqual(seen.violations, { events: [], issues: [] }, "no CSP violation");
    assert.deepEqual(seen.warnings.filter((w) => /wasm|MIME/i.test(w)), [], "no MIME warning: the loader compiles from the bytes itself");
    const own = new Set([`${SUB}opportunity-matcher.js`, `${SUB}pkg/opportunity_matcher_portal.js`, `${SUB}pkg/opportunity_matcher_portal_bg.wasm`, `${SUB}data/opportunity-list.json`, url]);
    const snippet = (r) => r.startsWith(`${SUB}pkg/snippets/`) && r.endsWith(".js"); // the glue's wasm-bindgen snippet
    assert.deepEqual(seen.requests.filter((r) => !own.has(r) && !snippet(r)), [], "only the page, the widget's own files (under the sub-path) and the list");
    for (const f of own) assert.ok(seen.requests.includes(f), `${f} was requested`);
  });
}

test("the folder's page in 繁 fetches the Traditional table from beside the wasm, under the sub-path, and shows the list's text in Traditional", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  const fetched = [];
  page.on("response", (r) => fetched.push([new URL(r.url()).pathname, r.status()]));
  await page.goto(server.url.replace(/\/$/, "") + SUB);
  await page.locator(`${W} [role=list] [role=listitem]`).first().waitFor();
  // The table's response is waited for, not guessed from the card: the card shows taxonomy words in
  // Traditional (動力電池 as a sector) before the table that turns the list's own text arrives.
  const table = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith("s2twp.tsv"), { timeout: 30_000 });
  await page.locator(`${W} button[data-action=lang][data-id=zh-Hant]`).click();
  await table;
  // 成都 … 动力电池 in the bundled list's first project: shown as 動力電池 once the table has arrived.
  await page.waitForFunction((w) => /動力電池|電池/.test(document.querySelector(w).shadowRoot.querySelector("[role=listitem]")?.textContent ?? ""), W, { timeout: 30_000 });
  assert.deepEqual(fetched.filter(([p]) => p.endsWith("s2twp.tsv")), [[`${SUB}pkg/s2twp.tsv`, 200]]);
  assert.deepEqual(problems, []);
  await context.close();
});
