// Saves the screenshots of docs/screenshots/ (phone and desktop, three languages, and the
// shortlist comparison) — look at them after a change to the widget's look.

import { test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { usingBrowserAndServer } from "./helpers.mjs";
import { takeScreenshots } from "../../scripts/screenshots.mjs";

const env = usingBrowserAndServer();

test("screenshots: phone and desktop in zh-Hans, zh-Hant and en", async () => {
  const files = await takeScreenshots({ browser: env.browser, baseUrl: env.server.url });
  assert.equal(files.length, 8);
  for (const f of files) assert.ok(statSync(f).size > 10_000, `${f} is a real picture`);
});
