// Accessibility: an axe-core scan of the whole page, shadow root included (results with details
// open, the shortlist comparison, each language), and keyboard-only use with a visible focus.

import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { openWidget, fillQuery, ROOT, W, usingBrowserAndServer } from "./helpers.mjs";

const env = usingBrowserAndServer();

const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");

/** Runs axe on the document (it descends into open shadow roots); returns serious and critical violations. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const QUERIES = {
  "zh-Hans": { industry: "动力电池", budget: "30亿", region: "成都" },
  "zh-Hant": { industry: "動力電池", budget: "30億", region: "成都" },
  en: { industry: "power battery", budget: "3 billion yuan", region: "Chengdu" },
};

for (const [lang, query] of Object.entries(QUERIES)) {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 360, height: 780 }]) {
    test(`axe: no serious or critical violation (${lang}, ${viewport.width}px, details open, shortlist compared)`, async () => {
      // bypassCSP lets the test inject axe; the widget itself runs under the page's CSP elsewhere.
      const context = await env.browser.newContext({ viewport, bypassCSP: true });
      const p = await context.newPage();
      await openWidget(p, env.server.url);
      await p.locator(`${W} button[data-action=lang][data-id=${lang}]`).click();
      await fillQuery(p, query);
      await p.locator(`${W} [role=listitem]`).first().locator("button[data-action=detail]").click();
      await p.locator(`${W} .om-more summary`).click();
      const results = await axe(p);
      assert.deepEqual(results, [], JSON.stringify(results, null, 2));

      await p.locator(`${W} [role=listitem]`).nth(0).locator("button[data-action=star]").click();
      await p.locator(`${W} [role=listitem]`).nth(1).locator("button[data-action=star]").click();
      await p.locator(`${W} button[data-action=view-shortlist]`).click();
      await p.locator(`${W} table.om-compare`).waitFor();
      const shortlist = await axe(p);
      assert.deepEqual(shortlist, [], JSON.stringify(shortlist, null, 2));

      // The type-ahead listbox, open.
      await p.locator(`${W} button[data-action=view-results]`).click();
      await p.locator(`${W} input[name=industry]`).fill("");
      await p.locator(`${W} input[name=industry]`).pressSequentially(lang === "en" ? "pow" : "动力");
      await p.locator(`${W} #om-industry-list [role=option]`).first().waitFor();
      await p.locator(`${W} input[name=industry]`).press("ArrowDown");
      const listbox = await axe(p);
      assert.deepEqual(listbox, [], JSON.stringify(listbox, null, 2));
      await context.close();
    });
  }
}

/** The element focused inside the widget: its tag, name/action and outline. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.querySelector("opportunity-matcher").shadowRoot.activeElement;
    if (!e) return null;
    const s = getComputedStyle(e);
    return { tag: e.tagName.toLowerCase(), name: e.getAttribute("name"), action: e.getAttribute("data-action"), id: e.getAttribute("data-id"), outline: `${s.outlineStyle} ${s.outlineWidth}`, pressed: e.getAttribute("aria-pressed") };
  });

test("keyboard only: tab through the form and results with a visible focus, star with Space, open details with Enter", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  await openWidget(p, env.server.url);
  // Start from the language switch and walk forward.
  await p.locator(`${W} button[data-action=lang][data-id=zh-Hans]`).focus();
  const seen = [];
  for (let i = 0; i < 25; i++) {
    await p.keyboard.press("Tab");
    const f = await focused(p);
    if (!f) break;
    seen.push(f);
    assert.notEqual(f.outline.split(" ")[0], "none", `visible focus on ${JSON.stringify(f)}`);
    if (f.name === "industry") await p.keyboard.type("动力电池");
    if (f.action === "star") break;
  }
  const names = seen.map((f) => f.name).filter(Boolean);
  for (const n of ["industry", "budget", "region"]) assert.ok(names.includes(n), `Tab reaches ${n}: ${JSON.stringify(seen)}`);
  const star = seen.at(-1);
  assert.equal(star.action, "star", `Tab reaches the first result's star: ${JSON.stringify(seen)}`);
  await p.keyboard.press("Space");
  const after = await focused(p);
  assert.equal(after.action, "star", "focus stays on the star after re-rendering");
  assert.equal(after.pressed, "true");
  await p.keyboard.press("Tab");
  const toggle = await focused(p);
  assert.equal(toggle.action, "detail");
  await p.keyboard.press("Enter");
  assert.equal(await p.locator(`${W} [role=listitem]`).first().locator(".om-detail").count(), 1);
  assert.equal((await focused(p)).action, "detail");
  await context.close();
});
