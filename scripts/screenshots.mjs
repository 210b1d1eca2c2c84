#!/usr/bin/env node
// Screenshots of the demo portal for docs/screenshots/: phone (390×844) and desktop (1440×900), in
// zh-Hans, zh-Hant and en, each on a typical query, plus a project's details and the shortlist
// comparison on the desktop. The e2e suite calls `takeScreenshots`; run it alone with
// `node scripts/screenshots.mjs` after `make build`.

import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUT = path.join(ROOT, "docs/screenshots");

export const QUERIES = {
  "zh-Hans": { q: "动力电池", b: "30亿", r: "成都" },
  "zh-Hant": { q: "動力電池", b: "30億", r: "成都" },
  en: { q: "power battery", b: "3 billion yuan", r: "Chengdu" },
};

export const VIEWPORTS = {
  phone: { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { width: 1440, height: 900, deviceScaleFactor: 1 },
};

const W = "opportunity-matcher";

/** Waits until the results are shown — in 繁 drawn through the Traditional table (`data-hant`). */
async function shown(page, lang) {
  await page.locator(`${W} [role=listitem]`).first().waitFor();
  if (lang === "zh-Hant") await page.locator(`${W} .om[data-hant=ready]`).waitFor();
  await page.evaluate(() => document.fonts.ready);
}

function fragment(lang, extra = "") {
  const { q, b, r } = QUERIES[lang];
  const enc = encodeURIComponent;
  return `#q=${enc(q)}&b=${enc(b)}&r=${enc(r)}${extra}&lang=${lang}`;
}

/** Takes the screenshots; returns the files written. */
export async function takeScreenshots({ browser, baseUrl, outDir = OUT }) {
  mkdirSync(outDir, { recursive: true });
  const files = [];
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const lang of Object.keys(QUERIES)) {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: viewport.deviceScaleFactor, isMobile: viewport.isMobile, hasTouch: viewport.hasTouch });
      const page = await context.newPage();
      await page.goto(baseUrl + fragment(lang));
      await shown(page, lang);
      await page.evaluate(() => document.querySelector("opportunity-matcher").scrollIntoView({ block: "start" }));
      if (device === "phone") await page.evaluate(() => window.scrollBy(0, 560));
      const file = path.join(outDir, `${device}-${lang}.png`);
      await page.screenshot({ path: file });
      files.push(file);
      await context.close();
    }
  }
  // A project's details, in each language (the list's own text in 繁, English where the data allows).
  for (const lang of Object.keys(QUERIES)) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseUrl + fragment(lang));
    await shown(page, lang);
    const first = page.locator(`${W} [role=listitem]`).first();
    await first.locator("button[data-action=detail]").click();
    await page.locator(`${W} [role=listitem]`).first().evaluate((e) => e.scrollIntoView({ block: "start" }));
    const file = path.join(outDir, `desktop-${lang}-detail.png`);
    await page.screenshot({ path: file });
    files.push(file);
    await context.close();
  }
  // The dark demo page (www/dark.html: the widget themed by its custom properties).
  {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}dark.html${fragment("en")}`);
    await shown(page, "en");
    const file = path.join(outDir, "desktop-dark-en.png");
    await page.screenshot({ path: file });
    files.push(file);
    await context.close();
  }
  // The shortlist compared side by side.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl + fragment("en"));
  const items = page.locator(`${W} [role=listitem]`);
  await items.first().waitFor();
  for (let i = 0; i < 3; i++) await items.nth(i).locator("button[data-action=star]").click();
  await page.locator(`${W} button[data-action=view-shortlist]`).click();
  await page.locator(`${W} table.om-compare`).waitFor();
  await page.evaluate(() => document.querySelector("opportunity-matcher").shadowRoot.querySelector(".om-tabs").scrollIntoView({ block: "start" }));
  const file = path.join(outDir, "desktop-en-shortlist.png");
  await page.screenshot({ path: file });
  files.push(file);
  await context.close();
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { launch, startServer } = await import("../tests/e2e/helpers.mjs");
  const [browser, server] = await Promise.all([launch(), startServer()]);
  try {
    for (const f of await takeScreenshots({ browser, baseUrl: server.url })) console.log(path.relative(ROOT, f));
  } finally {
    await browser.close();
    await server.close();
  }
}
