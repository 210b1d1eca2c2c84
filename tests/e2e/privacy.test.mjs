// Issue 6, item 5 — privacy. Every request of the browser context is intercepted over a whole
// session (queries typed in 简体, 繁體 and English, details, stars, the side-by-side comparison, the
// CSV export, language switches): the widget asks for nothing but its own files and the list, sets
// no cookie, and what the investor typed is in no storage (localStorage, sessionStorage, IndexedDB,
// Cache Storage, cookies) nor in any request; the only thing kept is the starred ids, in
// localStorage, on the portal — and nothing at all in kiosk mode. The README's "Privacy" section
// says the same.

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fillQuery, waitForFirst, resultIds, watch, bundledList, projectsWhere, glueSnippets, ROOT, W, usingBrowserAndServer } from "./helpers.mjs";

const env = usingBrowserAndServer();
const chengduBattery = projectsWhere(bundledList(), { place: "成都", terms: ["动力电池", "power battery", "Power Battery"] });
const STORAGE_KEY = "opportunity-matcher:shortlist";

// What the investor types, one query per language. None of it may be stored or sent.
const QUERIES = [
  { lang: "zh-Hans", query: { industry: "动力电池", budget: "30亿", region: "成都" }, understood: /成都市/ },
  { lang: "zh-Hant", query: { industry: "食品飲料", budget: "5000萬", region: "宜賓" }, understood: /宜賓市/ },
  { lang: "en", query: { industry: "artificial intelligence", budget: "USD 50 million", region: "Mianyang" }, understood: /Mianyang/ },
];
const TYPED = QUERIES.flatMap(({ query }) => Object.values(query));

before(async () => {
  assert.ok(chengduBattery.length > 0, "the bundled list has a Chengdu power-battery project");
});

/** Intercepts every request of a context (the page, its modules, fetches, downloads). */
async function intercept(context) {
  const requests = [];
  await context.route("**/*", (route) => {
    const r = route.request();
    requests.push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() ?? "" });
    return route.continue();
  });
  return requests;
}

/** Everything a page could have kept: Web Storage, IndexedDB, Cache Storage, cookies. */
async function storage(context, p) {
  const inPage = await p.evaluate(async () => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    documentCookie: document.cookie,
  }));
  return { ...inPage, cookies: await context.cookies(), state: await context.storageState({ indexedDB: true }) };
}

/** Every form in which a typed text could be kept or sent. */
const forms = (text) => [text, encodeURIComponent(text), encodeURIComponent(text).replace(/%20/g, "+"), JSON.stringify(text).slice(1, -1)];

function assertNothingTyped(haystack, where) {
  for (const typed of TYPED) {
    for (const form of forms(typed)) assert.ok(!haystack.includes(form), `the typed "${typed}" is in ${where} (as ${form})`);
  }
}

test("privacy, portal: a whole session in three languages requests only the widget's own files and the list", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const requests = await intercept(context);
  const p = await context.newPage();
  const problems = watch(p);
  await p.goto(env.server.url);
  await p.locator(`${W} [role=list] [role=listitem]`).first().waitFor();

  const starred = [];
  for (const { lang, query, understood } of QUERIES) {
    await p.locator(`${W} button[data-action=lang][data-id=${lang}]`).click();
    await p.locator(`${W} .om[lang=${lang}]`).waitFor();
    await fillQuery(p, query);
    await p.waitForFunction(
      ([w, re]) => new RegExp(re).test(document.querySelector(w).shadowRoot.querySelector("#om-region-understood")?.textContent ?? ""),
      [W, understood.source],
    );
    if (lang === "zh-Hans") await waitForFirst(p, chengduBattery);
    // Open the details of the first result not starred yet, and star it.
    const id = (await resultIds(p)).find((i) => !starred.includes(i));
    const item = p.locator(`${W} [role=listitem][data-project-id="${id}"]`);
    await item.locator("button[data-action=detail]").click();
    await item.locator(".om-detail").waitFor();
    await item.locator("button[data-action=star]").click();
    await p.locator(`${W} [role=listitem][data-project-id="${id}"] button[data-action=star][aria-pressed=true]`).waitFor();
    starred.push(id);
  }

  // Compare side by side, export the CSV, switch the language there.
  await p.locator(`${W} button[data-action=view-shortlist]`).click();
  await p.locator(`${W} table.om-compare`).waitFor();
  const [download] = await Promise.all([p.waitForEvent("download"), p.locator(`${W} button[data-action=export]`).click()]);
  const csv = readFileSync(await download.path(), "utf8");
  for (const id of starred) assert.ok(csv.includes(id), `the export holds ${id}`);
  await p.locator(`${W} button[data-action=lang][data-id=zh-Hant]`).click();
  await p.locator(`${W} .om[lang=zh-Hant] table.om-compare`).waitFor();

  // Only the page, the widget's own files and the list, all from this origin, each once.
  const origin = new URL(env.server.url).origin;
  // s2twp.tsv: the Traditional display table, fetched once when the session first chose 繁.
  const OWN = ["/", "/site.css", "/favicon.svg", "/opportunity-matcher.js", "/pkg/opportunity_matcher_portal.js", "/pkg/opportunity_matcher_portal_bg.wasm", ...glueSnippets("pkg/opportunity_matcher_portal.js"), "/pkg/s2twp.tsv"];
  const LIST = "/data/opportunity-list.json";
  const paths = [];
  for (const r of requests) {
    const u = new URL(r.url);
    if (u.protocol === "blob:" && u.origin === origin) continue; // the CSV export, made in the page
    assert.equal(u.origin, origin, `a request to another origin: ${r.url}`);
    assert.equal(r.method, "GET", `only GET: ${r.method} ${r.url}`);
    assert.equal(u.search, "", `no query string: ${r.url}`);
    paths.push(u.pathname);
  }
  for (const path of paths) assert.ok(OWN.includes(path) || path === LIST, `unexpected request: ${path}`);
  assert.equal(paths.filter((x) => x === LIST).length, 1, "the list is fetched once");
  assert.equal(paths.filter((x) => x === "/pkg/s2twp.tsv").length, 1, "the Traditional table is fetched once");
  assert.deepEqual(
    OWN.filter((x) => !paths.includes(x)),
    [],
    "every file of the widget was seen through the interception (it is not blind)",
  );
  // Nothing typed travels in a request: not in a url, a header or a body.
  assertNothingTyped(JSON.stringify(requests), "a request");

  // No cookie, either side.
  const kept = await storage(context, p);
  assert.deepEqual(kept.cookies, [], "context.cookies() is empty");
  assert.equal(kept.documentCookie, "", "document.cookie is empty");
  // Nothing typed in any storage.
  assert.deepEqual(kept.session, [], "sessionStorage is empty");
  assert.deepEqual(kept.indexedDB, [], "no IndexedDB database");
  assert.deepEqual(kept.caches, [], "no Cache Storage");
  assertNothingTyped(JSON.stringify(kept), "storage");
  // Only the starred ids, under the widget's one key.
  assert.deepEqual(kept.local.map(([k]) => k), [STORAGE_KEY], "one localStorage key");
  const ids = kept.local[0][1].split(",").map(decodeURIComponent);
  assert.deepEqual([...ids].sort(), [...starred].sort(), "localStorage holds exactly the starred ids");

  // The query lives in the address fragment (for sharing), which browsers never send to a env.server.
  assert.match(decodeURIComponent(new URL(p.url()).hash), /artificial intelligence/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("privacy, kiosk: a fair-mode session keeps nothing at all (no storage, no cookie) and requests only its files and the list", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const requests = await intercept(context);
  const p = await context.newPage();
  const problems = watch(p);
  await p.goto(`${env.server.url}fair.html`);
  await p.locator(`${W} .om-a-start`).click();
  await p.locator(`${W} input[name=industry]`).fill("动力电池");
  await p.locator(`${W} [role=list] [role=listitem]`).first().waitFor();
  const ids = await resultIds(p);
  await p.locator(`${W} [data-action=star][data-id="${ids[0]}"]`).click();
  await p.locator(`${W} [data-action=star][data-id="${ids[0]}"][aria-pressed=true]`).first().waitFor();
  await p.locator(`${W} [data-action=lang][data-id=en]`).first().click();
  await p.locator(`${W} .om[lang=en]`).waitFor();

  const kept = await storage(context, p);
  assert.deepEqual(kept.local, [], "nothing in localStorage, not even the starred ids");
  assert.deepEqual(kept.session, [], "nothing in sessionStorage");
  assert.deepEqual(kept.indexedDB, [], "no IndexedDB database");
  assert.deepEqual(kept.caches, [], "no Cache Storage");
  assert.deepEqual(kept.cookies, [], "no cookie");
  assert.equal(kept.documentCookie, "");

  const origin = new URL(env.server.url).origin;
  const allowed = [
    "/fair.html",
    "/fair.css",
    "/favicon.svg",
    "/opportunity-matcher.js",
    "/pkg/opportunity_matcher.js",
    "/pkg/opportunity_matcher_bg.wasm",
    ...glueSnippets(),
    "/data/opportunity-list.json",
  ];
  for (const r of requests) {
    const u = new URL(r.url);
    assert.equal(u.origin, origin, `a request to another origin: ${r.url}`);
    assert.ok(allowed.includes(u.pathname), `unexpected request: ${u.pathname}`);
  }
  assert.ok(!JSON.stringify(requests).includes("动力电池"), "the typed industry is in no request");
  assert.deepEqual(problems, []);
  await context.close();
});

test("privacy: the README's Privacy section states what is kept and what is requested", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Privacy"));
  assert.ok(section, "README.md has a Privacy section");
  assert.match(section, /localStorage/);
  assert.match(section, /starred/i);
  assert.match(section, /kiosk/i);
  assert.match(section, /cookie/i);
  assert.match(section, /request/i);
});
