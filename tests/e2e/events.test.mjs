// Issue 15, item 3 — host page integration: the element's events and its `query` property, as a
// portal uses them to feed its own enquiry form or analytics. Every event is recorded by a listener
// on `document` (they bubble and are composed) installed before the page's own scripts run; what an
// event says is compared with what the widget shows.

import { test } from "node:test";
import assert from "node:assert/strict";
import { bundledList, watch, W, usingBrowserAndServer } from "./helpers.mjs";

const env = usingBrowserAndServer();
const EVENTS = ["om-results-change", "om-shortlist-change", "om-project-open"];

/** Records every widget event on `document` into window.__events (before any page script). */
async function recordEvents(page) {
  await page.addInitScript((names) => {
    window.__events = [];
    for (const name of names) {
      document.addEventListener(name, (e) => window.__events.push({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail)), composed: e.composed }));
    }
  }, EVENTS);
}

const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
const shownIds = (page) =>
  page.evaluate((w) => [...document.querySelector(w).shadowRoot.querySelectorAll("[role=listitem][data-project-id]")].map((li) => li.getAttribute("data-project-id")), W);
/** The project whose first tag the fewest projects share (so that it ranks among the first for it). */
function rarest(list) {
  const count = (tag) => list.projects.filter((p) => (p.tags || []).includes(tag)).length;
  const tagged = list.projects.filter((p) => p.tags?.length && p.region);
  return tagged.reduce((best, p) => (count(p.tags[0]) < count(best.tags[0]) ? p : best));
}
const lastEvent = async (page, type) => (await events(page, type)).at(-1);

test("the first results, a query set by the host page, a star and an opened project each dispatch their event with ids", async () => {
  const list = bundledList();
  const page = await env.browser.newPage();
  const problems = watch(page);
  await recordEvents(page);
  await page.goto(new URL("index.html", env.server.url).href);
  await page.waitForFunction(() => window.__events.some((e) => e.type === "om-results-change"));

  // The first results after the list loaded.
  const first = await lastEvent(page, "om-results-change");
  assert.equal(first.composed, true);
  assert.equal(first.detail.total, list.projects.length);
  assert.deepEqual(first.detail.ids, await shownIds(page));
  assert.deepEqual(first.detail.query, { industry: "", budget: "", region: "", sector: "", cooperation: "", stage: "" });

  // The host page sets a query: the form shows it, the results follow, the event says so.
  const project = rarest(list);
  const query = { industry: project.tags[0], region: project.region };
  const count = (await events(page, "om-results-change")).length;
  await page.evaluate(([w, q]) => (document.querySelector(w).query = q), [W, query]);
  await page.waitForFunction(([n]) => window.__events.filter((e) => e.type === "om-results-change").length > n, [count]);
  const after = await lastEvent(page, "om-results-change");
  assert.deepEqual(after.detail.query, { ...query, budget: "", sector: "", cooperation: "", stage: "" });
  assert.deepEqual(after.detail.ids, await shownIds(page));
  assert.ok(after.detail.ids.includes(project.id), `${project.id} is among the results for its own industry and place`);
  const inputs = await page.evaluate((w) => {
    const root = document.querySelector(w).shadowRoot;
    return { industry: root.querySelector("input[name=industry]").value, region: root.querySelector("input[name=region]").value };
  }, W);
  assert.deepEqual(inputs, query);
  assert.deepEqual(await page.evaluate((w) => document.querySelector(w).query, W), after.detail.query);

  // A star: the shortlist event names the project starred.
  const id = after.detail.ids[0];
  await page.locator(`${W} [data-action=star][data-id="${id}"]`).first().click();
  await page.waitForFunction(() => window.__events.some((e) => e.type === "om-shortlist-change"));
  assert.deepEqual((await lastEvent(page, "om-shortlist-change")).detail, { ids: [id], added: id, removed: null });

  // Opening a project's details.
  await page.locator(`${W} [data-action=detail][data-id="${id}"]`).first().click();
  await page.waitForFunction(() => window.__events.some((e) => e.type === "om-project-open"));
  const opened = await lastEvent(page, "om-project-open");
  const index = list.projects.findIndex((p) => p.id === id);
  assert.deepEqual(opened.detail, { id, name: list.projects[index].name, index });

  // Unstarring says which project left the shortlist.
  await page.locator(`${W} [data-action=star][data-id="${id}"]`).first().click();
  await page.waitForFunction(() => window.__events.filter((e) => e.type === "om-shortlist-change").length === 2);
  assert.deepEqual((await lastEvent(page, "om-shortlist-change")).detail, { ids: [], added: null, removed: id });
  assert.deepEqual(problems, []);
  await page.close();
});

test("a query set before the element is defined is taken over, and re-rendering the same view dispatches nothing", async () => {
  const list = bundledList();
  const project = rarest(list);
  const page = await env.browser.newPage();
  const problems = watch(page);
  await recordEvents(page);
  // A host page of its own (no CSP: it sets the property in an inline script before the module runs).
  await page.route("**/events-host.html", (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head><body>
<opportunity-matcher src="data/opportunity-list.json" lang="en"></opportunity-matcher>
<script>document.querySelector("opportunity-matcher").query = ${JSON.stringify({ industry: project.tags[0] })};</script>
<script type="module" src="opportunity-matcher.js"></script></body></html>`,
    }),
  );
  await page.goto(new URL("events-host.html", env.server.url).href);
  await page.waitForFunction(() => window.__events.some((e) => e.type === "om-results-change"));
  const first = await lastEvent(page, "om-results-change");
  assert.equal(first.detail.query.industry, project.tags[0]);
  assert.ok(first.detail.ids.includes(project.id));
  assert.deepEqual(first.detail.ids, await shownIds(page));

  // A language switch re-renders everything but changes no result, shortlist or open project.
  const before = (await page.evaluate(() => window.__events.length));
  await page.evaluate((w) => document.querySelector(w).setAttribute("lang", "zh-Hant"), W);
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector(".om")?.getAttribute("lang") === "zh-Hant", W);
  assert.equal(await page.evaluate(() => window.__events.length), before);
  assert.deepEqual(problems, []);
  await page.close();
});
