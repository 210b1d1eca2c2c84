// Hostile list text renders as text and runs nothing; the page asks for nothing but its own files
// and the list; the strict CSP holds (no violation); the host page's CSS does not reach inside.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { openWidget, resultIds, fillQuery, watch, glueSnippets, ROOT, W, usingBrowserAndServer } from "./helpers.mjs";
import { CSP } from "../../scripts/serve.mjs";

const env = usingBrowserAndServer();

// The shared fixture (tests/fixtures/hostile.json) when present, and our own.
const HOSTILE = [path.join(ROOT, "tests/fixtures/hostile.json"), path.join(ROOT, "tests/e2e/fixtures/hostile.json")].filter((f) => existsSync(f));

const HOST_PAGE = (src) => `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>hostile list</title>
<script type="module" src="/opportunity-matcher.js"></script></head>
<body><opportunity-matcher src="${src}" lang="zh-Hans"></opportunity-matcher></body></html>`;

/** Records CSP violations and sets up tripwires that any script from the list would trip. */
const TRIPWIRES = () => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.__alerts = [];
  window.alert = (m) => window.__alerts.push(String(m));
};

for (const fixture of HOSTILE) {
  test(`a hostile list (${path.relative(ROOT, fixture)}) renders as text and runs nothing`, async () => {
    const context = await env.browser.newContext({ acceptDownloads: true });
    const p = await context.newPage();
    const problems = watch(p);
    await p.addInitScript(TRIPWIRES);
    const requests = [];
    p.on("request", (r) => requests.push(r.url()));
    await p.route("**/hostile.html", (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers: { "Content-Security-Policy": CSP }, body: HOST_PAGE("/hostile.json") }),
    );
    await p.route("**/hostile.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: readFileSync(fixture) }));
    await openWidget(p, `${env.server.url}hostile.html`);

    // Open every project's details so that each text field is rendered, and hover everything.
    const count = await p.locator(`${W} [role=listitem]`).count();
    for (let i = 0; i < count; i++) {
      await p.locator(`${W} [role=listitem]`).nth(i).locator("button[data-action=detail]").click();
      await p.locator(`${W} [role=listitem]`).nth(i).hover();
    }
    await fillQuery(p, { industry: "<img src=x onerror=alert(1)>", region: "<script>alert(1)</script>" });
    await p.locator(`${W} button[data-action=lang][data-id=en]`).click();

    const report = await p.evaluate(() => {
      const root = document.querySelector("opportunity-matcher").shadowRoot;
      return {
        elements: root.querySelectorAll("img, script, iframe, svg, object, embed, style, b, a:not([href])").length,
        hrefs: [...root.querySelectorAll("[href]")].map((a) => a.getAttribute("href")),
        handlers: [...root.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
        text: root.textContent,
        alerts: window.__alerts,
        pwned: window.__pwned ?? null,
        violations: window.__violations,
      };
    });
    assert.equal(report.elements, 0, "no element made from list text");
    assert.deepEqual(report.handlers, [], "no event-handler attribute");
    for (const href of report.hrefs) assert.match(href, /^(tel:|mailto:|https?:\/\/)/, `no javascript: link (${href})`);
    assert.match(report.text, /<script>/, "the payload is shown as text");
    assert.deepEqual(report.alerts, []);
    assert.equal(report.pwned, null, "no payload ran");
    assert.deepEqual(report.violations, []);
    assert.deepEqual(problems, []);
    assert.ok(!requests.some((u) => /\/x$|javascript:/.test(u)), `no request made by a payload: ${requests}`);

    // The CSV export neutralises formulas.
    const ids = await resultIds(p);
    const items = p.locator(`${W} [role=listitem]`);
    for (let i = 0; i < ids.length; i++) await items.nth(i).locator("button[data-action=star]").click();
    await p.locator(`${W} button[data-action=view-shortlist]`).click();
    const [download] = await Promise.all([p.waitForEvent("download"), p.locator(`${W} button[data-action=export]`).click()]);
    const csv = readFileSync(await download.path(), "utf8");
    const cells = csv.match(/"(?:[^"]|"")*"/g).map((c) => c.slice(1, -1));
    for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell neutralised: ${cell}`);
    if (readFileSync(fixture, "utf8").includes("=HYPERLINK")) assert.ok(cells.some((c) => /^'[=+\-@]/.test(c)), "formula cells kept, neutralised");
    await context.close();
  });
}

test("the page makes no request except its own files and the list, and the CSP holds", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const problems = watch(p);
  await p.addInitScript(TRIPWIRES);
  const requests = [];
  const failed = [];
  p.on("request", (r) => requests.push(r.url()));
  p.on("requestfailed", (r) => failed.push(r.url()));
  p.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await openWidget(p, env.server.url);
  // A whole session: type, open details, star, switch language, compare.
  await fillQuery(p, { industry: "动力电池", budget: "30亿", region: "成都" });
  const first = p.locator(`${W} [role=listitem]`).first();
  await first.locator("button[data-action=detail]").click();
  await p.locator(`${W} [role=listitem]`).first().locator("button[data-action=star]").click();
  await p.locator(`${W} button[data-action=lang][data-id=zh-Hant]`).click();
  await p.locator(`${W} button[data-action=view-shortlist]`).click();
  await p.locator(`${W} table.om-compare`).waitFor();

  const origin = new URL(env.server.url).origin;
  const allowed = new Set([
    "/",
    "/site.css",
    "/favicon.svg",
    "/opportunity-matcher.js",
    "/pkg/opportunity_matcher_portal.js",
    "/pkg/opportunity_matcher_portal_bg.wasm",
    ...glueSnippets("pkg/opportunity_matcher_portal.js"),
    "/data/opportunity-list.json",
    "/pkg/s2twp.tsv", // the Traditional display table, once 繁 was chosen
  ]);
  for (const url of requests) {
    const u = new URL(url);
    assert.equal(u.origin, origin, `request to another origin: ${url}`);
    assert.ok(allowed.has(u.pathname), `unexpected request: ${u.pathname}`);
  }
  assert.equal(requests.filter((u) => u.endsWith("/data/opportunity-list.json")).length, 1, "the list is fetched once");
  assert.deepEqual(failed, []);
  assert.deepEqual(await p.evaluate(() => window.__violations), [], "no CSP violation");
  assert.deepEqual(problems, []);
  // Nothing typed is kept in storage: only starred ids.
  const stored = await p.evaluate(() => Object.entries(localStorage));
  for (const [, value] of stored) assert.doesNotMatch(decodeURIComponent(value), /动力电池|成都|30亿/);
  await context.close();
});

test("the host page's CSS does not reach inside the widget", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const p = await context.newPage();
  await openWidget(p, env.server.url);
  const probe = () =>
    p.evaluate(() => {
      const root = document.querySelector("opportunity-matcher").shadowRoot;
      const pick = (sel, props) => {
        const s = getComputedStyle(root.querySelector(sel));
        return Object.fromEntries(props.map((k) => [k, s[k]]));
      };
      return {
        container: pick(".om", ["fontFamily", "fontSize", "color", "lineHeight", "letterSpacing", "textTransform"]),
        name: pick(".om-name", ["color", "fontSize", "textTransform"]),
        input: pick("input[name=industry]", ["borderTopStyle", "borderTopColor", "fontSize"]),
        button: pick("button[data-action=detail]", ["backgroundColor", "borderRadius", "fontSize"]),
        item: pick("[role=listitem]", ["marginTop", "paddingTop"]),
      };
    });
  const before = await probe();
  await p.addStyleTag({
    content: `
      html, body { font: 31px/3 "Comic Sans MS", serif !important; color: red !important; letter-spacing: 5px; text-transform: uppercase; }
      opportunity-matcher { font-size: 40px; color: lime; line-height: 5; letter-spacing: 9px; text-transform: lowercase; }
      * { margin: 20px; padding: 20px; }
      button { background: hotpink !important; border-radius: 0 !important; font-size: 30px !important; }
      input, select { border: 3px dotted green !important; }
      h3, li { color: rebeccapurple !important; text-transform: uppercase !important; }
    `,
  });
  const afterStyle = await probe();
  assert.deepEqual(afterStyle, before);
  await context.close();
});
