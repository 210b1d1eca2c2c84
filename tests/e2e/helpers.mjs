// Shared helpers of the end-to-end tests: a static server on a free port (scripts/serve.mjs, with
// the strict CSP) and Debian's Chromium driven by playwright-core. Nothing here waits for a fixed
// time: every wait is on a condition in the page.

import { chromium } from "playwright-core";
import { before, after } from "node:test";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The directory served (`OM_WWW` to try another build). */
export const WWW = process.env.OM_WWW ? path.resolve(process.env.OM_WWW) : path.join(ROOT, "www");

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launch() {
  if (!existsSync(path.join(WWW, "pkg/opportunity_matcher_bg.wasm"))) {
    throw new Error(`${WWW}/pkg is missing: run \`make build\` first`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function startServer(options = {}) {
  return serve({ root: WWW, port: 0, csp: true, ...options });
}

/**
 * Chromium and the static server for a test file: started before its tests, stopped after them.
 * Returns `{ browser, server }`, filled in once they are up (`serverOptions` as for `startServer`).
 */
export function usingBrowserAndServer(serverOptions = {}) {
  const env = { browser: null, server: null };
  before(async () => {
    [env.browser, env.server] = await Promise.all([launch(), startServer(serverOptions)]);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The bundled list, for picking expectations from the data itself. */
export function bundledList() {
  return JSON.parse(readFileSync(path.join(WWW, "data/opportunity-list.json"), "utf8"));
}

export const W = "opportunity-matcher";

/**
 * The widget's own module files beyond the glue and the wasm: the wasm-bindgen snippets the glue
 * imports (`/pkg/snippets/…/inline0.js`, which imports the spreadsheet module only when a
 * spreadsheet is opened), read from the built glue so the tests allow exactly those.
 */
export function glueSnippets(glueFile = "pkg/opportunity_matcher.js") {
  const glue = readFileSync(path.join(WWW, glueFile), "utf8");
  return [...glue.matchAll(/^import \{[^}]*\} from '\.\/(snippets\/[^']+)';$/gm)].map((m) => `/pkg/${m[1]}`);
}

/** Collects page errors, console errors and CSP violations of a page. */
export function watch(page) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return problems;
}

/** Opens a page and waits until the widget shows results. */
export async function openWidget(page, url) {
  await page.goto(url);
  await page.locator(`${W} [role=list] [role=listitem]`).first().waitFor();
}

/** Ids of the results, in rank order. */
export async function resultIds(page) {
  return page.locator(`${W} [role=listitem][data-project-id]`).evaluateAll((els) => els.map((e) => e.getAttribute("data-project-id")));
}

/** Fills the three inputs (each fill fires `input`, and the widget re-ranks at once). */
export async function fillQuery(page, query) {
  for (const [name, value] of Object.entries(query)) {
    await page.locator(`${W} input[name=${name}]`).fill(value);
  }
}

/** Waits until the first result satisfies `predicate(id)`; returns the ids. */
export async function waitForFirst(page, ids) {
  await page.waitForFunction(
    ([sel, wanted]) => {
      const first = document.querySelector("opportunity-matcher")?.shadowRoot?.querySelector(sel);
      return first && wanted.includes(first.getAttribute("data-project-id"));
    },
    [`[role=listitem][data-project-id]`, ids],
  );
  return resultIds(page);
}

/** Text of the widget's shadow root. */
export async function widgetText(page) {
  return page.evaluate(() => document.querySelector("opportunity-matcher").shadowRoot.textContent);
}

/** Projects of the bundled list in a city whose name or tags hold a term (any script folded by hand). */
export function projectsWhere(list, { place, terms }) {
  const hay = (p) => [p.name, p.name_en, p.sector, ...(p.tags || [])].filter(Boolean).join(" ");
  return list.projects
    .filter((p) => String(p.region).includes(place))
    .filter((p) => terms.some((t) => hay(p).includes(t)))
    .map((p) => p.id);
}

/** The policy of issue 6 item 4, sent as a header for www/csp.html (scripts/serve.mjs `csp` option). */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Records Content-Security-Policy violations of a page two independent ways: `securitypolicyviolation`
 * events (a listener installed before any script of the page runs; the event is composed, so
 * violations inside the shadow root arrive too) and Chromium's own CSP issues (CDP `Audits`). Call
 * before `goto`. `violations()` resolves to both lists.
 */
export async function watchCsp(page) {
  await page.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener(
      "securitypolicyviolation",
      (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile || "?"}:${e.lineNumber}`),
      true,
    );
  });
  const issues = [];
  let wake = () => {};
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Audits.issueAdded", ({ issue }) => {
    if (issue.code !== "ContentSecurityPolicyIssue") return;
    issues.push(JSON.stringify(issue.details.contentSecurityPolicyIssueDetails));
    wake();
  });
  await cdp.send("Audits.enable");
  return {
    issues,
    /** Resolves once Chromium has reported at least one CSP issue. */
    issueReported() {
      return issues.length ? Promise.resolve() : new Promise((resolve) => (wake = resolve));
    },
    async violations() {
      return { events: await page.evaluate(() => window.__cspViolations.slice()), issues: issues.slice() };
    },
  };
}
