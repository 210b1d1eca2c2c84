// Issue 6, item 4 — strict Content-Security-Policy. www/csp.html is served with the header
// `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`
// (no inline script, no inline style, no eval beyond compiling WebAssembly). A whole use of the
// widget there — load, a typed query ranked, the language switch, details, a star — reports no CSP
// violation (neither a `securitypolicyviolation` event nor a Chromium CSP issue) and no console error;
// and the watch is shown to be live by a deliberate violation at the end.

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { fillQuery, waitForFirst, watch, watchCsp, bundledList, projectsWhere, STRICT_CSP, W, usingBrowserAndServer } from "./helpers.mjs";

// Every file is served with exactly the policy of the issue (only the page's own header counts).
const env = usingBrowserAndServer({ csp: STRICT_CSP });
const chengduBattery = projectsWhere(bundledList(), { place: "成都", terms: ["动力电池", "power battery", "Power Battery"] });

before(async () => {
  assert.ok(chengduBattery.length > 0, "the bundled list has a Chengdu power-battery project");
});

test("csp.html under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`: load, rank a typed query, switch language, open details, star — no CSP violation, no console error", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const problems = watch(p);
  const csp = await watchCsp(p);

  const response = await p.goto(`${env.server.url}csp.html`);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP, "the page is served with the strict policy as a header");
  await p.locator(`${W} [role=list] [role=listitem]`).first().waitFor();

  // Styled through constructable stylesheets: nothing inline that the policy would block.
  const styling = await p.evaluate(() => {
    const root = document.querySelector("opportunity-matcher").shadowRoot;
    const om = root.querySelector(".om");
    return {
      adopted: root.adoptedStyleSheets.length,
      styleElements: root.querySelectorAll("style").length,
      styleAttributes: root.querySelectorAll("[style]").length,
      inlineScripts: document.querySelectorAll("script:not([src])").length,
      // The widget's own sheet applies (not the browser's defaults).
      display: getComputedStyle(om).display,
      fontSize: getComputedStyle(om).fontSize,
      radius: getComputedStyle(om).borderTopLeftRadius,
    };
  });
  assert.ok(styling.adopted >= 1, "the shadow root adopts a constructable stylesheet");
  assert.equal(styling.styleElements, 0, "no <style> element in the shadow root");
  assert.equal(styling.styleAttributes, 0, "no style attribute in the shadow root");
  assert.equal(styling.inlineScripts, 0, "csp.html has no inline script");
  assert.deepEqual([styling.display, styling.fontSize, styling.radius], ["block", "16px", "10px"], "the widget's stylesheet is applied");

  // A typed query is ranked.
  await fillQuery(p, { industry: "动力电池", budget: "30亿", region: "成都" });
  const ids = await waitForFirst(p, chengduBattery);
  const first = ids[0];

  // The language switch.
  await p.locator(`${W} button[data-action=lang][data-id=en]`).click();
  await p.locator(`${W} .om[lang=en]`).waitFor();
  const item = p.locator(`${W} [role=listitem][data-project-id="${first}"]`);
  assert.match(await item.innerText(), /yuan/, "the result is shown in English");

  // Details.
  await item.locator("button[data-action=detail]").click();
  await item.locator(".om-detail").waitFor();
  assert.equal(await item.locator("button[data-action=detail]").getAttribute("aria-expanded"), "true");

  // A star: the shortlist counts it and keeps it.
  await item.locator("button[data-action=star]").click();
  await p.waitForFunction(
    ([w, id]) => document.querySelector(w).shadowRoot.querySelector(`[role=listitem][data-project-id="${id}"] button[data-action=star]`)?.getAttribute("aria-pressed") === "true",
    [W, first],
  );
  assert.match(await p.evaluate(() => localStorage.getItem("opportunity-matcher:shortlist")), new RegExp(first));

  assert.deepEqual(await csp.violations(), { events: [], issues: [] }, "no CSP violation during the session");
  assert.deepEqual(problems, [], "no page error and no console error");

  // The watch is live: an inline style attribute, which this policy forbids, is reported both ways.
  await p.evaluate(() => {
    const probe = document.createElement("div");
    probe.setAttribute("style", "color: red");
    document.body.append(probe);
  });
  await p.waitForFunction(() => window.__cspViolations.length > 0);
  await csp.issueReported();
  const seen = await csp.violations();
  assert.match(seen.events[0], /^style-src/);
  assert.match(seen.issues[0], /style-src|inline/i);
  await context.close();
});
