// Issue 15, item 6 — a list over 1 MB shows how much has arrived while it downloads. The loader
// reads the response in chunks and calls the widget's setProgress; here the widget's side is
// driven directly (the download of a test list is too quick to watch) and the loader's side with a
// list over 1 MB that the server sends slowly.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { watch, W, usingBrowserAndServer } from "./helpers.mjs";

// A list of about 2.5 MB, served from a folder of its own (the page's network is slowed below).
const BIG = path.join(mkdtempSync(path.join(tmpdir(), "om-progress-")), "big-list.json");
const projects = [];
for (let i = 0; i < 1800; i++) {
  projects.push({ id: `P-${i}`, name: `测试项目${i}号`, sector: "装备制造", tags: ["动力电池"], region: "四川省成都市", investment: "5亿元", description: "项目说明".repeat(120) });
}
writeFileSync(BIG, JSON.stringify({ format: "opportunity-list/1", projects }));
const env = usingBrowserAndServer({ mounts: [["/big-list.json", BIG]], gzip: false });
// The visible status line (the live region, role="status", only speaks once typing pauses).
const statusText = (page) => page.evaluate((w) => document.querySelector(w).shadowRoot.querySelector(".om-status")?.textContent ?? "", W);

test("while a large list downloads, the status line says how many MB have arrived, with a bar", async () => {
  const page = await env.browser.newPage();
  const problems = watch(page);
  await page.goto(new URL("index.html?lang=en", env.server.url).href);
  await page.locator(`${W} [role=listitem]`).first().waitFor();
  await page.evaluate((w) => {
    const h = document.querySelector(w).handle;
    h.setLang("en");
    h.setLoading();
    h.setProgress(3 * 1048576, 12 * 1048576);
  }, W);
  assert.match(await statusText(page), /3\.0 \/ 12\.0 MB/);
  const bar = await page.evaluate((w) => {
    const p = document.querySelector(w).shadowRoot.querySelector("progress");
    return p && { value: p.value, max: p.max };
  }, W);
  assert.deepEqual(bar, { value: 3 * 1048576, max: 12 * 1048576 });
  // Size unknown (a compressed response): received only, and an indeterminate bar.
  await page.evaluate((w) => document.querySelector(w).handle.setProgress(5 * 1048576, 0), W);
  assert.match(await statusText(page), /5\.0 MB/);
  assert.equal(await page.evaluate((w) => document.querySelector(w).shadowRoot.querySelector("progress").hasAttribute("value"), W), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the loader reports progress for a list over 1 MB, then shows it ranked", async () => {
  const page = await env.browser.newPage();
  const problems = watch(page);
  // Every status line shown, read once a frame (a shadow root is not seen by a document's observer).
  await page.addInitScript(() => {
    window.__statuses = [];
    const look = () => {
      const s = document.querySelector("opportunity-matcher")?.shadowRoot?.querySelector("[role=status]")?.textContent;
      if (s && window.__statuses.at(-1) !== s) window.__statuses.push(s);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  // 8 Mbit/s: the list takes a few seconds to arrive, in many chunks.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: 1_000_000, uploadThroughput: 1_000_000 });
  await page.route("**/big.html", (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>big</title><link rel="icon" href="data:,"></head><body>
<opportunity-matcher src="/big-list.json" lang="en"></opportunity-matcher><script type="module" src="opportunity-matcher.js"></script></body></html>`,
    }),
  );
  await page.goto(new URL("big.html", env.server.url).href);
  await page.locator(`${W} [role=listitem]`).first().waitFor();
  const statuses = await page.evaluate(() => window.__statuses);
  assert.ok(statuses.some((s) => /\d+\.\d MB/.test(s)), `a status line with MB received among ${JSON.stringify(statuses)}`);
  assert.deepEqual(problems, []);
  await page.close();
});
