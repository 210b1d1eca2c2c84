#!/usr/bin/env node
// Screenshots of the leads page (www/leads.html) for docs/screenshots/: the fixture leads sheet
// (tests/fixtures/leads/investor-leads.csv) against the bundled list, by lead in zh-Hans, by
// project in en and zh-Hant, at 1280×900. Run after `make build`:
//
//   node scripts/screenshots-leads.mjs [--out docs/screenshots]

import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const i = process.argv.indexOf("--out");
const OUT = i > 0 ? path.resolve(process.argv[i + 1]) : path.join(ROOT, "docs/screenshots");
const SHEET = path.join(ROOT, "tests/fixtures/leads/investor-leads.csv");
const SHOTS = [
  { lang: "zh-Hans", tab: "leads", file: "leads-by-lead-zh-Hans.png" },
  { lang: "en", tab: "projects", file: "leads-by-project-en.png" },
  { lang: "zh-Hant", tab: "projects", file: "leads-by-project-zh-Hant.png" },
];

mkdirSync(OUT, { recursive: true });
const server = await serve({ root: path.join(ROOT, "www"), port: 0, csp: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const { lang, tab, file } of SHOTS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}leads.html?lang=${lang}`);
    await page.setInputFiles("#leads-file", SHEET);
    await page.locator("#view > li.card").first().waitFor();
    if (tab === "projects") {
      await page.click("#tab-projects");
      await page.locator("#view > li.card").first().waitFor();
    }
    await page.screenshot({ path: path.join(OUT, file) });
    console.log(`screenshots-leads: ${path.relative(ROOT, path.join(OUT, file))}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
