// Issue 6, item 6 — a hostile host page. tests/e2e/fixtures/hostile-host.html sets
// `* { all: unset }`, `* { display: block }`, `html { font-size: 8px }`, `body { font: 8px serif }`
// (and more) in an external stylesheet, and an external script loaded before the widget patches
// built-ins: Array.prototype.includes / indexOf / map / filter, Object.prototype.toString,
// String.prototype.trim / startsWith return wrong values; Prototype.js-style enumerable additions and
// Array#toJSON; JSON.parse mangles; fetch, addEventListener and setTimeout are wrapped (still
// working); the innerHTML setter and document.write throw. The widget still renders in its own
// language, ranks a typed query exactly as on a clean page, stays readable (no text under 12 px,
// its own computed styles unchanged), opens details, stars, switches language and accepts a dropped
// list. The page runs under the strict CSP, so the hostile CSS and script are external files.
//
// In-page code here avoids the patched helpers (plain loops), since it runs in the same page.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fillQuery, watch, ROOT, W, usingBrowserAndServer } from "./helpers.mjs";

const env = usingBrowserAndServer();
const FIXTURES = path.join(ROOT, "tests/e2e/fixtures");
const HOST_FILES = { "hostile-host.html": "text/html; charset=utf-8", "hostile-host.css": "text/css; charset=utf-8", "hostile-host.js": "text/javascript; charset=utf-8" };
const QUERY = { industry: "动力电池", budget: "30亿", region: "成都" };

/** Ids shown, in rank order (a plain loop: Array.prototype.map is patched on the hostile page). */
const ids = (p) =>
  p.evaluate((w) => {
    const out = [];
    const items = document.querySelector(w).shadowRoot.querySelectorAll("[role=listitem][data-project-id]");
    for (let i = 0; i < items.length; i++) out.push(items[i].getAttribute("data-project-id"));
    return out;
  }, W);

/** Waits until the first result is `id`. */
const waitForFirstId = (p, id) =>
  p.waitForFunction(
    ([w, id]) => document.querySelector(w).shadowRoot.querySelector("[role=listitem][data-project-id]")?.getAttribute("data-project-id") === id,
    [W, id],
  );

/** Computed styles the widget sets for itself, for comparing a clean page with the hostile one. */
const ownStyles = (p) =>
  p.evaluate((w) => {
    const root = document.querySelector(w).shadowRoot;
    const props = ["fontSize", "fontFamily", "lineHeight", "color", "backgroundColor", "letterSpacing", "textTransform", "wordSpacing", "display"];
    const out = {};
    for (const sel of [".om", ".om-title", "input[name=industry]", "[role=listitem]", ".om-name", "button[data-action=detail]", ".om-reasons"]) {
      const s = getComputedStyle(root.querySelector(sel));
      const o = {};
      for (let i = 0; i < props.length; i++) o[props[i]] = s[props[i]];
      out[sel] = o;
    }
    return out;
  }, W);

/** The smallest computed font size of any visible text in the shadow root, and where. */
const smallestText = (p) =>
  p.evaluate((w) => {
    const root = document.querySelector(w).shadowRoot;
    let min = { size: Infinity, where: "" };
    const all = root.querySelectorAll("*");
    for (let i = 0; i < all.length; i++) {
      const e = all[i];
      let text = "";
      for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) text += c.data;
      if (!/\S/.test(text) || e.getClientRects().length === 0) continue;
      if (e.closest(".om-sr")) continue; // visually hidden on purpose, for screen readers
      const size = parseFloat(getComputedStyle(e).fontSize);
      if (size < min.size) min = { size, where: `${e.tagName.toLowerCase()}.${e.className} "${text.slice(0, 20)}"` };
    }
    return min;
  }, W);

test("a hostile host page (global resets, 8 px page font, patched built-ins loaded first): the widget renders, ranks as on a clean page, stays readable and works", async () => {
  // The clean reference: the same query on the demo portal.
  const clean = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const c = await clean.newPage();
  await c.goto(env.server.url);
  await c.locator(`${W} [role=listitem]`).first().waitFor();
  await fillQuery(c, QUERY);
  await c.locator(`${W} #om-region-understood`).filter({ hasText: "成都市" }).waitFor();
  const expected = await ids(c);
  const expectedStyles = await ownStyles(c);
  await clean.close();
  assert.ok(expected.length > 0);

  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const problems = watch(p);
  for (const [file, type] of Object.entries(HOST_FILES)) {
    await p.route(`**/${file}`, (route) => route.fulfill({ status: 200, contentType: type, body: readFileSync(path.join(FIXTURES, file)) }));
  }
  await p.goto(`${env.server.url}hostile-host.html`);
  await p.locator(`${W} [role=list] [role=listitem]`).first().waitFor();

  // The host really is hostile: its rules and patches are in force around the widget.
  const host = await p.evaluate(() => ({
    bodyFont: getComputedStyle(document.body).fontSize,
    headDisplay: getComputedStyle(document.head).display,
    includes: [1].includes(1),
    toString: Object.prototype.toString.call([]),
    trim: " x ".trim(),
    mapped: [1, 2].map((x) => x).length,
    fetches: window.__hostHooks.fetches.slice(),
    listeners: window.__hostHooks.listeners,
  }));
  assert.equal(host.bodyFont, "8px");
  assert.equal(host.headDisplay, "block", "* { display: block } applies on the page");
  assert.deepEqual([host.includes, host.toString, host.trim, host.mapped], [false, "[object Hostile]", "trimmed by the host", 0], "the built-ins are patched");
  let listFetched = false;
  for (let i = 0; i < host.fetches.length; i++) listFetched ||= /\/data\/opportunity-list\.json$/.test(host.fetches[i]);
  assert.ok(listFetched, `the widget fetched its list through the host's wrapped fetch: ${host.fetches}`);
  assert.ok(host.listeners > 0, "the widget's listeners went through the host's wrapped addEventListener");

  // Rendered, in the language of its lang attribute, and not collapsed.
  const box = await p.locator(W).boundingBox();
  assert.ok(box.width >= 600 && box.height >= 400, `the widget has room: ${box.width}×${box.height}`);
  assert.equal(await p.locator(`${W} .om`).getAttribute("lang"), "zh-Hans", "lang=\"zh-Hans\" is honoured");

  // The widget's own styles are those of a clean page: the resets do not reach in.
  assert.deepEqual(await ownStyles(p), expectedStyles);

  // A typed query ranks exactly as on the clean page.
  await fillQuery(p, QUERY);
  await waitForFirstId(p, expected[0]);
  assert.deepEqual(await ids(p), expected);

  // Readable: no visible text under 12 px inside the widget (the page's is 8 px).
  const smallest = await smallestText(p);
  assert.ok(smallest.size >= 12, `smallest text ${smallest.size}px: ${smallest.where}`);

  // Details, a star, the language switch.
  const item = p.locator(`${W} [role=listitem][data-project-id="${expected[0]}"]`);
  await item.locator("button[data-action=detail]").click();
  await item.locator(".om-detail").waitFor();
  await item.locator("button[data-action=star]").click();
  await item.locator("button[data-action=star][aria-pressed=true]").waitFor();
  await p.locator(`${W} button[data-action=lang][data-id=en]`).click();
  await p.locator(`${W} .om[lang=en]`).waitFor();
  assert.match(await item.innerText(), /yuan/);
  const smallestEn = await smallestText(p);
  assert.ok(smallestEn.size >= 12, `smallest text in English ${smallestEn.size}px: ${smallestEn.where}`);

  // A file dragged over the widget is accepted (the loader does not rely on Array#includes), and a
  // dropped list replaces the bundled one.
  const drop = await p.evaluate((w) => {
    const el = document.querySelector(w);
    const dt = new DataTransfer();
    dt.items.add(new File(["name,sector,region,investment\n宿主页测试项目,食品饮料,四川省宜宾市,1亿元\n"], "host.csv", { type: "text/csv" }));
    const over = new DragEvent("dragover", { dataTransfer: dt, bubbles: true, composed: true, cancelable: true });
    el.dispatchEvent(over);
    const dropped = new DragEvent("drop", { dataTransfer: dt, bubbles: true, composed: true, cancelable: true });
    el.dispatchEvent(dropped);
    return { accepted: over.defaultPrevented, handled: dropped.defaultPrevented };
  }, W);
  assert.deepEqual(drop, { accepted: true, handled: true }, "the drag is accepted and the drop handled");
  await waitForFirstId(p, "row-2"); // ids default to the spreadsheet row number
  assert.deepEqual(await ids(p), ["row-2"]);

  assert.deepEqual(problems, [], "no page error, no console error");
  await context.close();
});
