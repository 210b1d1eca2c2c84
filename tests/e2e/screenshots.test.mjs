// Saves the screenshots of docs/screenshots/ (phone and desktop, three languages, and the
// shortlist comparison) — look at them after a change to the widget's look.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { launch, startServer } from "./helpers.mjs";
import { takeScreenshots } from "../../scripts/screenshots.mjs";

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("screenshots: phone and desktop in zh-Hans, zh-Hant and en", async () => {
  const files = await takeScreenshots({ browser, baseUrl: server.url });
  assert.equal(files.length, 8);
  for (const f of files) assert.ok(statSync(f).size > 10_000, `${f} is a real picture`);
});
