// Issue 15, item 5 — the portal bundle: a portal page loads the portal build of the wasm (no fair
// mode, no QR encoder, no Matcher API), and fair mode's build is fetched only when it is used,
// including when a running portal widget is switched to mode="kiosk" (the query is kept).

import { test } from "node:test";
import assert from "node:assert/strict";
import { watch, W, usingBrowserAndServer } from "./helpers.mjs";

const env = usingBrowserAndServer();
const PORTAL = ["/pkg/opportunity_matcher_portal.js", "/pkg/opportunity_matcher_portal_bg.wasm"];
const FULL = ["/pkg/opportunity_matcher.js", "/pkg/opportunity_matcher_bg.wasm"];

test("a portal page fetches the portal build only; mode=kiosk then fetches the full build and shows fair mode with the query kept", async () => {
  const page = await env.browser.newPage();
  const problems = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(new URL("index.html#q=%E5%8A%A8%E5%8A%9B%E7%94%B5%E6%B1%A0&r=%E6%88%90%E9%83%BD", env.server.url).href);
  await page.locator(`${W} .om-portal [role=listitem]`).first().waitFor();
  for (const f of PORTAL) assert.ok(requests.includes(f), `${f} is fetched`);
  for (const f of FULL) assert.ok(!requests.includes(f), `${f} is not fetched by a portal page`);
  const before = await page.evaluate((w) => document.querySelector(w).handle.resultIds(), W);

  await page.evaluate((w) => document.querySelector(w).setAttribute("mode", "kiosk"), W);
  await page.locator(`${W} .om-kiosk [role=listitem]`).first().waitFor();
  for (const f of FULL) assert.ok(requests.includes(f), `${f} is fetched for fair mode`);
  const after = await page.evaluate((w) => ({ query: document.querySelector(w).query, ids: document.querySelector(w).handle.resultIds() }), W);
  assert.equal(after.query.industry, "动力电池");
  assert.equal(after.query.region, "成都");
  assert.deepEqual(after.ids.slice(0, 5), before.slice(0, 5), "the same query ranks the same projects first");
  assert.deepEqual(problems, []);
  await page.close();
});
