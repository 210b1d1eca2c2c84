// Issue 16 — the leads page (www/leads.html) as an official uses it: a leads sheet dropped on the
// page, both views with reasons, a filter, the CSV export; the work in a Web Worker with a
// progress bar; nothing sent anywhere; zh-Hans, zh-Hant and en. Screenshots go to target/.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT, watch, usingBrowserAndServer } from "./helpers.mjs";

const env = usingBrowserAndServer();
const SHEET = path.join(ROOT, "tests/fixtures/leads/investor-leads.csv");
const BAD = path.join(ROOT, "tests/fixtures/leads/bad-leads.csv");
const WORKBOOK = path.join(ROOT, "tests/fixtures/leads/investor-leads.xlsx");
const SHOTS = path.join(ROOT, "target/e2e-screenshots");

async function openPage(lang) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r));
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(`${env.server.url}leads.html?lang=${lang}`);
  return { context, page, problems, requests, workers };
}

/** Drops a file on the page's drop zone, as dragging it from the desktop does. */
async function dropFile(page, file) {
  const bytes = [...readFileSync(file)];
  const name = path.basename(file);
  const transfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
      return dt;
    },
    { bytes, name },
  );
  await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
}

const cards = (page) => page.locator("#view > li.card");

test("a dropped leads sheet gives both views with reasons, a filter and a formula-safe CSV, all in the browser", async () => {
  const { context, page, problems, requests, workers } = await openPage("zh-Hans");
  await assert.doesNotReject(page.waitForFunction(() => document.title === "招商线索匹配"));
  await dropFile(page, SHEET);
  await page.locator("#message").filter({ hasText: "已匹配 12 条线索、211 个项目" }).waitFor();
  assert.ok(workers.some((u) => u.endsWith("/leads-worker.js")), `the matching runs in a worker: ${workers}`);

  // By lead: twelve cards, each with its best ten projects and a reason per part.
  assert.equal(await cards(page).count(), 12);
  const first = cards(page).first();
  assert.match(await first.locator("h3").textContent(), /川渝储能科技有限公司/);
  assert.equal(await first.locator("ol > li").count(), 10);
  assert.match(await first.locator(".reasons").first().textContent(), /行业/);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, "leads-by-lead-zh-Hans.png"), fullPage: false });

  // The filter keeps the leads that mention what is typed.
  await page.fill("#filter", "Golden Bridge");
  await page.locator("#shown").filter({ hasText: "共 1 项" }).waitFor();
  assert.match(await cards(page).first().locator("h3").textContent(), /Golden Bridge Semiconductor/);

  // By project: the companies to call for each project, the same score as in the lead's view.
  const leadScore = await cards(page).first().locator("ol > li").first().locator(".score").textContent();
  const projectName = await cards(page).first().locator("ol > li").first().evaluate((li) => li.childNodes[1].textContent);
  const projectId = /\(([^)]+)\)\s*$/.exec(projectName)[1];
  await page.fill("#filter", projectId);
  await page.click("#tab-projects");
  const card = page.locator(`#view > li.card[data-id="${projectId}"]`);
  await card.waitFor();
  const row = card.locator("ol > li").filter({ hasText: "Golden Bridge Semiconductor" });
  assert.equal(await row.locator(".score").textContent(), leadScore, "a pair has one score in both views");
  await page.screenshot({ path: path.join(SHOTS, "leads-by-project-zh-Hans.png") });

  // The CSV of the filtered projects view: a BOM, the header, the project's rows only.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
  const text = readFileSync(await download.path(), "utf8");
  assert.ok(text.startsWith("\u{feff}\"项目编号\",\"项目名称\",\"名次\",\"线索编号\",\"企业名称\""), text.slice(0, 80));
  const lines = text.trim().split("\r\n");
  assert.ok(lines.length >= 2 && lines.slice(1).every((l) => l.startsWith(`"${projectId}"`)), text);

  // Nothing left the browser: only the page's own files were asked for.
  const origin = env.server.url;
  assert.deepEqual(requests.filter((r) => !r.url().startsWith(origin) && !r.url().startsWith("blob:")).map((r) => r.url()), []);
  assert.ok(requests.every((r) => r.method() === "GET"), "no upload");
  assert.deepEqual(problems, []);
  await context.close();
});

test("rows that cannot be used are named with their reason, in Traditional Chinese and English", async () => {
  for (const [lang, expected, title] of [
    ["zh-Hant", "第3行，企業名稱：缺少企業名稱", "招商線索匹配"],
    ["en", "row 5, lead id \"L-01\": the same lead id is already used in row 2", "Matching investor leads"],
  ]) {
    const { context, page, problems } = await openPage(lang);
    await page.waitForFunction((t) => document.title === t, title);
    await page.setInputFiles("#leads-file", BAD);
    await page.locator("#rejected li").first().waitFor();
    const rejected = await page.locator("#rejected li").allTextContents();
    assert.equal(rejected.length, 3, rejected.join("\n"));
    assert.ok(rejected.some((r) => r.startsWith(expected)), `${lang}: ${rejected.join("\n")}`);
    assert.equal(await cards(page).count(), 2, "the usable rows still match");
    // A lead part that was not understood is said on the lead.
    assert.match(await cards(page).nth(1).locator(".warn").first().textContent(), /一些钱|火星/);
    await page.screenshot({ path: path.join(SHOTS, `leads-rejected-${lang}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the offline copy (make dist) matches a sheet from file:// with no network", async () => {
  const out = path.join(ROOT, "target/e2e-dist/opportunity-matcher-leads.html");
  execFileSync("node", [path.join(ROOT, "scripts/dist-leads.mjs"), "--out", out], { stdio: "pipe" });
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`file://${out}?lang=en`);
  await page.setInputFiles("#leads-file", SHEET);
  await page.locator("#message").filter({ hasText: "Matched 12 leads and 211 projects." }).waitFor();
  assert.equal(await cards(page).count(), 12);
  assert.deepEqual(requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:")), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a leads workbook (.xlsx) is read in the worker, on the page and in the offline copy, as its CSV is", async () => {
  // The worker's module (the publisher module) reads spreadsheets itself: no other module is fetched.
  const { context, page, problems, requests } = await openPage("en");
  await page.setInputFiles("#leads-file", WORKBOOK);
  await page.locator("#message").filter({ hasText: "Matched 12 leads and 211 projects." }).waitFor();
  assert.equal(await cards(page).count(), 12);
  const modules = requests.map((r) => r.url()).filter((u) => u.includes("/pkg/"));
  assert.ok(modules.some((u) => u.endsWith("/pkg/opportunity_matcher_publish_bg.wasm")), modules.join(", "));
  assert.deepEqual(modules.filter((u) => /opportunity_matcher(_sheets|_portal)?(_bg\.wasm|\.js)$/.test(u)), []);
  assert.deepEqual(problems, []);
  await context.close();

  const out = path.join(ROOT, "target/e2e-dist/opportunity-matcher-leads.html");
  execFileSync("node", [path.join(ROOT, "scripts/dist-leads.mjs"), "--out", out], { stdio: "pipe" });
  const offline = await env.browser.newContext();
  const offlinePage = await offline.newPage();
  const offlineProblems = watch(offlinePage);
  await offlinePage.goto(`file://${out}?lang=en`);
  await offlinePage.setInputFiles("#leads-file", WORKBOOK);
  await offlinePage.locator("#message").filter({ hasText: "Matched 12 leads and 211 projects." }).waitFor();
  assert.equal(await cards(offlinePage).count(), 12);
  assert.deepEqual(offlineProblems, []);
  await offline.close();
});
