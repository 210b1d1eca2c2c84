// The publisher page (www/publish.html) and spreadsheets in the widget, in a real browser: an official
// drops an .xlsx whose amount column no vocabulary could map, sees how the table was read, corrects
// the column's field and unit from the menus, downloads the normalised JSON and the compact .oml; the
// portal widget then ranks the download exactly like the command line ranks the original with the
// same corrections. A workbook dropped on the kiosk is read through the spreadsheet module (fetched
// only then) and its report says how the table was read. Screenshots in the three languages.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT, W, watch, resultIds, fillQuery, usingBrowserAndServer } from "./helpers.mjs";
import { dropFile, waitForAttract } from "./fair-helpers.mjs";

const env = usingBrowserAndServer();
const FIXTURE = "tests/fixtures/published/publisher-drop.xlsx";
const CORRECTION = "E=investment:万元";
// The README's pictures are refreshed on purpose by `make screenshots` (OM_SCREENSHOTS_DIR); a test
// run writes them under target/ and leaves the tree clean.
const SHOTS = process.env.OM_SCREENSHOTS_DIR ?? path.join(ROOT, "target/screenshots");

/** Drops a file on an element of the page (not the widget), as dragging it from the desktop does. */
async function dropOnPage(page, selector, bytes, name) {
  await page.evaluate(
    ({ selector, bytes, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      const target = document.querySelector(selector);
      for (const ty of ["dragenter", "dragover", "drop"]) target.dispatchEvent(new DragEvent(ty, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { selector, bytes: [...bytes], name },
  );
}

async function publisher(lang, { viewport = { width: 1280, height: 900 }, bypassCSP = false } = {}) {
  // bypassCSP only to inject axe-core (as tests/e2e/a11y.test.mjs does); the page runs under its CSP otherwise.
  const context = await env.browser.newContext({ viewport, acceptDownloads: true, bypassCSP });
  const p = await context.newPage();
  const problems = watch(p);
  await p.goto(`${env.server.url}publish.html?lang=${lang}`);
  await p.locator("body[data-ready=true]").waitFor();
  return { context, p, problems };
}

const readingText = (p) => p.locator("#pub-reading").innerText();

/** Serious and critical axe-core violations of the page. */
async function axe(page) {
  await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

test("publisher page: drop an .xlsx, correct a column, download; the widget ranks the download like the CLI ranks the original", async () => {
  const { context, p, problems } = await publisher("zh-Hans");
  // Only the publisher module is loaded here: not the portal widget's.
  await dropOnPage(p, "#pub-drop", readFileSync(path.join(ROOT, FIXTURE)), "publisher-drop.xlsx");
  await p.locator("#pub-reading li").first().waitFor();
  const before = await readingText(p);
  assert.match(before, /Excel 工作簿（\.xlsx）/);
  assert.match(before, /表头在第3行/);
  assert.match(before, /1 “附件1”；2 “宁波市2024年重点招商引资项目清单”/, "title rows named with their row numbers");
  assert.match(before, /E “资金盘子” → 未使用（不是已知字段）/);
  assert.match(before, /合计行：8/);
  assert.match(await p.locator("#pub-summary").innerText(), /已载入4个项目/);
  assert.match(await p.locator("#pub-warnings").innerText(), /资金盘子/, "the unmapped column is named in a warning");
  assert.equal(await p.locator("#pub-columns tr[data-column='4']").getAttribute("class"), "pub-unused");

  // The correction, from the menus: column E is the total investment, in 万元.
  await p.locator(".pub-field[data-column='4']").selectOption("investment");
  await p.locator(".pub-unit[data-column='4']").waitFor();
  await p.locator(".pub-unit[data-column='4']").selectOption("万元");
  await p.waitForFunction(() => /万元（由您选定）/.test(document.querySelector("#pub-reading").innerText));
  const after = await readingText(p);
  assert.match(after, /E “资金盘子” → 总投资（由您选定），单位万元（由您选定）/);
  assert.equal(await p.locator("#pub-warnings li").count(), 0, "no warning left");
  assert.match(await p.locator("#pub-cli").innerText(), new RegExp(`--columns "${CORRECTION}"`));
  assert.match(await p.locator("#pub-snippet").innerText(), /<opportunity-matcher src="data\/publisher-drop\.oml" lang="zh-Hans"><\/opportunity-matcher>/);

  const [json] = await Promise.all([p.waitForEvent("download"), p.locator("#pub-json").click()]);
  assert.equal(json.suggestedFilename(), "publisher-drop.json");
  const jsonBytes = readFileSync(await json.path());
  const published = JSON.parse(jsonBytes.toString("utf8"));
  // The corrected amounts, in yuan, in the file the portal will serve.
  assert.deepEqual(
    published.projects.map((x) => [x.name, x.investment]),
    [
      ["杭州湾新区汽车零部件产业园项目", 1_500_000_000],
      ["梅山保税港区冷链物流中心项目", 800_000_000],
      ["鄞州区集成电路设计产业园项目", 2_000_000_000],
      ["北仑区港口装备智能制造项目", 600_000_000],
    ],
  );
  const [oml] = await Promise.all([p.waitForEvent("download"), p.locator("#pub-oml").click()]);
  assert.equal(oml.suggestedFilename(), "publisher-drop.oml");
  assert.equal(readFileSync(await oml.path()).subarray(0, 6).toString(), "OMLIST");
  assert.deepEqual(problems, []);
  await context.close();

  // The command line on the original workbook, with the same correction.
  const query = { industry: "汽车零部件", budget: "10亿", region: "宁波" };
  const cli = JSON.parse(
    execFileSync(
      "cargo",
      ["run", "--quiet", "--", "rank", "--data", FIXTURE, "--columns", CORRECTION, "--industry", query.industry, "--budget", query.budget, "--region", query.region, "--top", "20"],
      { cwd: ROOT, encoding: "utf8" },
    ),
  );
  const cliIds = cli.results.map((r) => r.id);
  assert.equal(cliIds.length, 4);

  // The portal widget with the downloaded JSON dropped on it.
  const portal = await env.browser.newContext();
  const w = await portal.newPage();
  const wProblems = watch(w);
  await w.goto(env.server.url);
  await w.locator(`${W} [role=list] [role=listitem]`).first().waitFor();
  await dropOnPage(w, W, jsonBytes, "publisher-drop.json");
  await w.waitForFunction(() => /共 4 个项目/.test(document.querySelector("opportunity-matcher").shadowRoot.querySelector("[role=status]").textContent));
  await fillQuery(w, query);
  await w.waitForFunction((first) => document.querySelector("opportunity-matcher").shadowRoot.querySelector("[role=listitem][data-project-id]")?.getAttribute("data-project-id") === first, cliIds[0]);
  assert.deepEqual(await resultIds(w), cliIds, "the widget ranks the download as the CLI ranks the original");
  // And the original workbook dropped on the widget (through the spreadsheet module) reads the same projects.
  await dropOnPage(w, W, readFileSync(path.join(ROOT, FIXTURE)), "publisher-drop.xlsx");
  await w.waitForFunction(() => /共 4 个项目/.test(document.querySelector("opportunity-matcher").shadowRoot.querySelector("[role=status]").textContent));
  assert.deepEqual(wProblems, []);
  await portal.close();
});

test("publisher page: every word in the chosen language, rejected rows with row, field and reason; screenshots", async () => {
  mkdirSync(SHOTS, { recursive: true });
  const expected = {
    "zh-Hans": { header: /表头在第3行/, loaded: /已载入/, rejectedCaption: /未能载入的行/ },
    "zh-Hant": { header: /表頭在第3行/, loaded: /已載入/, rejectedCaption: /未能載入的行/ },
    en: { header: /header in row 3/, loaded: /loaded 4 projects/, rejectedCaption: /Rows not loaded/ },
  };
  for (const [lang, want] of Object.entries(expected)) {
    const { context, p, problems } = await publisher(lang, { bypassCSP: true });
    await dropOnPage(p, "#pub-drop", readFileSync(path.join(ROOT, FIXTURE)), "publisher-drop.xlsx");
    await p.locator("#pub-reading li").first().waitFor();
    assert.match(await readingText(p), want.header, lang);
    assert.match(await p.locator("#pub-summary").innerText(), want.loaded, lang);
    await p.locator(".pub-field[data-column='4']").selectOption("investment");
    await p.locator(".pub-unit[data-column='4']").selectOption("万元");
    await p.waitForFunction(() => document.querySelectorAll("#pub-warnings li").length === 0);
    await p.screenshot({ path: path.join(SHOTS, `publish-${lang}.png`), fullPage: true });
    assert.deepEqual(await axe(p), [], `axe, ${lang}`);
    // A list with bad rows: each rejected row with its row number, field and reason.
    await dropOnPage(p, "#pub-drop", readFileSync(path.join(ROOT, "tests/fixtures/bad-rows.csv")), "bad-rows.csv");
    await p.locator("tr.pub-rejected").first().waitFor();
    assert.match(await p.locator(".pub-rejected-table caption").innerText(), want.rejectedCaption, lang);
    const rows = await p.locator("tr.pub-rejected").evaluateAll((trs) => trs.map((tr) => [tr.dataset.row, tr.dataset.field]));
    assert.deepEqual(rows.slice(0, 2), [["3", "name"], ["4", "region"]], lang);
    const first = p.locator("tr.pub-rejected .pub-reason").first();
    assert.ok((await first.innerText()).length > 4, `${lang}: the reason in words`);
    if (lang === "en") assert.match(await first.getAttribute("title"), /row 3/i);
    assert.deepEqual(problems, [], lang);
    await context.close();
  }
});

test("one file, one reader: `check`, the publisher page, the kiosk and the portal widget read the workbook alike", async () => {
  // What `check` prints first: how the table was read (every line up to the summary).
  let out;
  try {
    out = execFileSync("cargo", ["run", "--quiet", "--", "check", FIXTURE, "--lang", "zh-Hans"], { cwd: ROOT, encoding: "utf8" });
  } catch (e) {
    out = e.stdout; // exit 1 only when a row is rejected; none is here
  }
  const lines = out.split("\n");
  const summary = lines.findIndex((l) => l.startsWith("已载入"));
  const cliReading = lines.slice(0, summary).map((l) => l.trim());
  assert.ok(cliReading.length >= 8, out);
  assert.match(lines[summary], /^已载入4个项目，拒绝0行，1条提示/);

  const { context, p, problems } = await publisher("zh-Hans");
  await dropOnPage(p, "#pub-drop", readFileSync(path.join(ROOT, FIXTURE)), "publisher-drop.xlsx");
  await p.locator("#pub-reading li").first().waitFor();
  assert.deepEqual(await p.locator("#pub-reading li").allInnerTexts(), cliReading, "the publisher page reads it as check does");
  assert.match(await p.locator("#pub-summary").innerText(), new RegExp(lines[summary].slice(0, 8)));
  assert.deepEqual(problems, []);
  await context.close();

  const kioskContext = await env.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const k = await kioskContext.newPage();
  const kProblems = watch(k);
  await k.goto(env.server.url + "fair.html");
  await waitForAttract(k);
  await k.locator(`${W} .om-a-start`).click();
  await dropFile(k, ".om-k-main", FIXTURE);
  const report = k.locator(`${W} dialog.om-k-report`);
  await report.locator(".om-k-reading li").first().waitFor();
  assert.deepEqual(await report.locator(".om-k-reading li").allInnerTexts(), cliReading, "the kiosk reads it as check does");
  assert.equal(await report.locator(".om-k-report-loaded").getAttribute("data-loaded"), "4");
  assert.match(await report.locator(".om-k-report-warnings").textContent(), /资金盘子/);
  await report.locator("[data-action=k-report-close]").click();
  const kioskNames = await k.locator(`${W} [role=listitem] h3`).allInnerTexts();
  assert.deepEqual(kProblems, []);
  await kioskContext.close();

  const portal = await env.browser.newContext();
  const w = await portal.newPage();
  const wProblems = watch(w);
  await w.goto(env.server.url);
  await w.locator(`${W} [role=list] [role=listitem]`).first().waitFor();
  await dropOnPage(w, W, readFileSync(path.join(ROOT, FIXTURE)), "publisher-drop.xlsx");
  await w.waitForFunction(() => /共 4 个项目/.test(document.querySelector("opportunity-matcher").shadowRoot.querySelector("[role=status]").textContent));
  const widgetNames = await w.locator(`${W} [role=listitem] h3`).allInnerTexts();
  assert.deepEqual([...widgetNames].sort(), [...kioskNames].sort(), "the widget and the kiosk load the same projects");
  assert.equal(widgetNames.length, 4);
  assert.deepEqual(wProblems, []);
  await portal.close();
});

test("a workbook dropped on the kiosk is read through the spreadsheet module and reported: header, units, skipped rows; screenshots", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const p = await context.newPage();
  const problems = watch(p);
  const fetched = [];
  p.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await p.goto(env.server.url + "fair.html");
  await waitForAttract(p);
  assert.ok(!fetched.some((f) => f.includes("sheets")), "the spreadsheet module is not fetched before a spreadsheet is opened");
  await p.locator(`${W} .om-a-start`).click();
  await dropFile(p, ".om-k-main", "tests/fixtures/published/workbook.xlsx");
  const report = p.locator(`${W} dialog.om-k-report`);
  await report.locator(".om-k-report-loaded").waitFor();
  assert.ok(fetched.some((f) => f.endsWith("opportunity_matcher_sheets_bg.wasm")), "fetched when the workbook was dropped");
  assert.equal(await report.locator(".om-k-report-loaded").getAttribute("data-loaded"), "6");
  assert.match(await report.locator(".om-k-report-loaded").innerText(), /workbook\.xlsx.*XLSX/);
  const reading = await report.locator(".om-k-reading").innerText();
  assert.match(reading, /表格是这样读取的/);
  assert.match(reading, /工作表“先进制造”：表头在第3、4行/);
  assert.match(reading, /万元/);
  assert.match(reading, /合计行：9/);
  assert.match(reading, /工作表“填表说明”没有含“项目名称”的表头/);
  await p.screenshot({ path: path.join(SHOTS, "fair-report-xlsx-zh-Hans.png") });
  await report.locator("[data-action=k-report-close]").click();
  await p.locator(`${W} input[name=industry]`).fill("储能");
  assert.match(await p.locator(`${W} [role=list]`).innerText(), /肥西县光伏储能一体化项目/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("publisher page: a county's list that names its place only in its title loads there, said in the chosen language", async () => {
  mkdirSync(SHOTS, { recursive: true });
  // As a county office exports it: a title row, no place column.
  const csv = "雅安市荥经县2026年度招商引资重点项目清单\n序号,项目名称,项目类别,投资额\n1,绿色建材产业园,工业项目,8000万\n2,茶叶精深加工项目,农业项目,5000万元\n";
  const expected = {
    "zh-Hans": { loaded: /已载入\s*2/, said: /清单标题.*荥经县/ },
    "zh-Hant": { loaded: /已載入\s*2/, said: /清單標題.*滎經縣/ },
    en: { loaded: /loaded 2 projects/, said: /title names.*Yingjing|Yingjing.*title/ },
  };
  for (const [lang, want] of Object.entries(expected)) {
    const { context, p, problems } = await publisher(lang);
    await dropOnPage(p, "#pub-drop", Buffer.from(csv, "utf8"), "county-list.csv");
    await p.locator("#pub-warnings li").first().waitFor();
    assert.match(await p.locator("#pub-summary").innerText(), want.loaded, lang);
    assert.match(await p.locator("#pub-warnings").innerText(), want.said, lang);
    assert.equal(await p.locator(".pub-rejected-table").count(), 0, `${lang}: no row refused`);
    await p.screenshot({ path: path.join(SHOTS, `publish-title-place-${lang}.png`), fullPage: true });
    assert.deepEqual(problems, [], lang);
    await context.close();
  }
});
