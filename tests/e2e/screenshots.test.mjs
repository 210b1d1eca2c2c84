// Takes the screenshots of the portal (phone and desktop, three languages, and the shortlist
// comparison) into target/screenshots/ — look at them after a change to the widget's look.
// `make screenshots` writes them to docs/screenshots/ instead (OM_SCREENSHOTS_DIR), for the README.

import { test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { usingBrowserAndServer } from "./helpers.mjs";
import { takeScreenshots } from "../../scripts/screenshots.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const env = usingBrowserAndServer();

test("screenshots: phone and desktop in zh-Hans, zh-Hant and en", async () => {
  const outDir = process.env.OM_SCREENSHOTS_DIR ?? path.join(ROOT, "target/screenshots");
  const files = await takeScreenshots({ browser: env.browser, baseUrl: env.server.url, outDir });
  assert.equal(files.length, 11);
  for (const f of files) assert.ok(statSync(f).size > 10_000, `${f} is a real picture`);
});
