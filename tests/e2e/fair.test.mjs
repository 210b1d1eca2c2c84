// The fair page (www/fair.html, mode="kiosk") in a real browser, on a 1080p kiosk, a 4K screen and a
// phone: the attract screen with the list's figures as SVG charts; one-tap language switch; the
// query entered with quick choices; touch targets and type size; the QR code, decoded, is the share
// link, and opening it restores the same view; the idle reset keeps nothing of the visitor; lists
// dropped or picked (GBK CSV, JSON, a file with bad rows, a broken file) with their report; print.
// Time is Playwright's fake clock, so the 90-second idle timer is tested as configured.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { resultIds, watch, bundledList, ROOT, W, usingBrowserAndServer } from "./helpers.mjs";
import { SCREENS, shareLink, decodeQr, dropFile, pdfPages, smallTargets, waitForAttract, scrollColumnsToTop } from "./fair-helpers.mjs";

const PORTAL = "https://invest.example.gov.cn/match/"; // the share-base of www/fair.html
// Screenshots go to target/ (git status stays clean); `make screenshots` points this at
// docs/screenshots/ to refresh the README's pictures on purpose.
const SHOTS = process.env.OM_SCREENSHOTS_DIR ?? path.join(ROOT, "target/screenshots");
const list = bundledList();
const env = usingBrowserAndServer();

async function kiosk(screen, { url = "fair.html", clock = true } = {}) {
  const context = await env.browser.newContext(SCREENS[screen]);
  const p = await context.newPage();
  const problems = watch(p);
  if (clock) await p.clock.install();
  await p.goto(env.server.url + url);
  return { context, p, problems };
}

const state = (p) =>
  p.evaluate(() => {
    const el = document.querySelector("opportunity-matcher");
    const root = el.shadowRoot;
    const value = (n) => root.querySelector(`input[name=${n}]`)?.value;
    return {
      attract: !!root.querySelector(".om-attracting"),
      industry: value("industry"),
      budget: value("budget"),
      region: value("region"),
      hash: location.hash,
      stored: Object.keys(localStorage).filter((k) => localStorage.getItem(k)),
      shareLink: el.handle.shareLink(),
      starred: [...root.querySelectorAll("[data-action=star][aria-pressed=true]")].map((b) => b.dataset.id),
      scrollY: window.scrollY,
      columnsScrolled: [...root.querySelectorAll(".om-k-col")].some((c) => c.scrollTop > 0),
      lang: root.querySelector(".om").getAttribute("lang"),
    };
  });

/** Enters 动力电池 / 30亿元 / 成都市 with the on-screen choices (typing only the industry). */
async function query(p) {
  await p.locator(`${W} input[name=industry]`).fill("动力电池");
  await p.locator(`${W} [data-action=k-picker][data-id=budget]`).click();
  await p.locator(`${W} [data-action=k-budget][data-id="3000000000"]`).click();
  await p.locator(`${W} [data-action=k-picker][data-id=region]`).click();
  await p.locator(`${W} [data-action=k-province][data-id="510000"]`).click();
  await p.locator(`${W} [data-action=k-city][data-id="510100"]`).click();
}

for (const screen of Object.keys(SCREENS)) {
  test(`kiosk ${screen}: attract screen, quick choices, QR hand-off, idle reset`, async () => {
    const { context, p, problems } = await kiosk(screen);
    const { width } = SCREENS[screen].viewport;

    // The attract screen: the list's headline figures and two SVG charts, in the page's language.
    await waitForAttract(p);
    assert.equal((await state(p)).attract, true);
    assert.equal(await p.locator(`${W} .om-a-projects .om-a-num`).innerText(), String(list.projects.length));
    assert.match(await p.locator(`${W} .om-a-total .om-a-num`).innerText(), /亿元$/);
    assert.equal(await p.locator(`${W} .om-attract svg.om-chart`).count(), 2);
    assert.ok((await p.locator(`${W} .om-a-by-sector rect.om-chart-bar`).count()) >= 5, "a bar per sector");
    assert.match(await p.locator(`${W} .om-a-by-province svg`).textContent(), /四川省/);
    // One tap switches the language, charts included.
    await p.locator(`${W} .om-attract [data-action=lang][data-id=en]`).click();
    assert.match(await p.locator(`${W} .om-a-by-province svg`).textContent(), /Sichuan/);
    assert.match(await p.locator(`${W} .om-a-total`).innerText(), /billion yuan/);
    await p.locator(`${W} .om-attract [data-action=lang][data-id=zh-Hant]`).click();
    assert.match(await p.locator(`${W} .om-a-by-province figcaption`).innerText(), /各省/);
    assert.match(await p.locator(`${W} .om-a-by-province svg`).textContent(), /四川省/);
    await p.locator(`${W} .om-attract [data-action=lang][data-id=zh-Hans]`).click();
    if (screen !== "phone") {
      assert.ok(await p.locator(`${W} .om-a-start`).isVisible(), "the start button is on the screen");
      const box = await p.locator(`${W} .om-a-start`).boundingBox();
      assert.ok(box.y + box.height <= SCREENS[screen].viewport.height, `the attract screen fits the screen (start button ends at ${box.y + box.height})`);
    }
    await p.locator(`${W} .om-a-start`).click();
    assert.equal((await state(p)).attract, false);

    // Type readable from three metres: the body text scales with the screen.
    const size = await p.locator(`${W} .om-intro`).evaluate((e) => parseFloat(getComputedStyle(e.closest(".om")).fontSize));
    const minSize = { 1920: 24, 3840: 48, 390: 18 }[width];
    assert.ok(size >= minSize, `base font ${size}px on a ${width}px screen (at least ${minSize}px)`);

    // Quick choices write into the inputs; a second tap clears.
    const sector = p.locator(`${W} [data-action=k-industry]:not(.om-k-any)`).first();
    const sectorLabel = await sector.getAttribute("data-id");
    await sector.click();
    assert.equal((await state(p)).industry, sectorLabel);
    await p.locator(`${W} [data-action=k-industry][data-id="${sectorLabel}"]`).click();
    assert.equal((await state(p)).industry, "");
    await query(p);
    const s1 = await state(p);
    assert.deepEqual([s1.industry, s1.budget, s1.region], ["动力电池", "30亿元", "成都市"]);
    const ids = await resultIds(p);
    assert.equal(ids[0], "SC-0001", `first result: ${ids.slice(0, 5)}`);

    // Touch: everything tappable is at least 48 px each way, on the results as well.
    assert.deepEqual(await smallTargets(p), []);

    // Star two projects: the QR code is the share link of this query and shortlist.
    await p.locator(`${W} [data-action=star][data-id="${ids[0]}"]`).click();
    await p.locator(`${W} [data-action=star][data-id="${ids[1]}"]`).click();
    const expected = shareLink(PORTAL, { q: "动力电池", b: "30亿元", r: "成都市", s: [ids[0], ids[1]], lang: "zh-Hans" });
    const qr = p.locator(`${W} .om-k-handoff .om-qr`);
    await qr.scrollIntoViewIfNeeded();
    assert.equal(await decodeQr(qr), expected);
    assert.equal((await state(p)).shareLink, expected);
    assert.deepEqual((await state(p)).stored, [], "a kiosk never stores the shortlist, even while in use");
    assert.match(await p.locator(`${W} .om-k-link-text`).innerText(), /invest\.example\.gov\.cn\/match\/#q=动力电池&b=30亿元&r=成都市/);
    const qrBox = await p.locator(`${W} .om-qr svg`).boundingBox();
    if (screen !== "phone") {
      // 10 cm on a 96 dpi screen is 378 px; a phone reads that from a metre away.
      assert.ok(qrBox.width >= 370, `QR code ${Math.round(qrBox.width)} px wide`);
    }
    const modules = Number(await p.locator(`${W} .om-qr svg`).getAttribute("data-modules"));
    assert.ok(qrBox.width / modules >= 3, `${(qrBox.width / modules).toFixed(1)} px per module`);

    // Left alone: a visible countdown, then back to the attract screen with nothing kept.
    assert.match(await p.locator(`${W} .om-k-countdown`).innerText(), /1:(30|29)/);
    await p.clock.fastForward(75_000);
    await p.locator(`${W} .om-k-warning`).waitFor();
    assert.match(await p.locator(`${W} .om-k-warning`).innerText(), /1[456] 秒后将清除/);
    assert.notEqual((await state(p)).hash, "", "the view is in the URL fragment while in use");
    await p.clock.fastForward(16_000);
    await waitForAttract(p);
    const s2 = await state(p);
    assert.equal(s2.attract, true);
    assert.equal(s2.hash, "", "no fragment left in the address");
    assert.deepEqual(s2.stored, [], "nothing in localStorage");
    assert.equal(s2.shareLink, "", "nothing to share");
    assert.equal(s2.scrollY, 0);
    await p.locator(`${W} .om-a-start`).click();
    const s3 = await state(p);
    assert.deepEqual([s3.industry, s3.budget, s3.region, s3.starred, s3.columnsScrolled], ["", "", "", [], false]);
    assert.match(await p.locator(`${W} .om-k-handoff`).innerText(), /二维码/);
    assert.equal(await p.locator(`${W} .om-k-handoff svg`).count(), 0, "no QR code of the last visitor");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the QR code opens the same view on a phone, in the portal and in the fair page", async () => {
  const { context, p, problems } = await kiosk("1080p");
  await waitForAttract(p);
  await p.locator(`${W} .om-attract [data-action=lang][data-id=zh-Hant]`).click();
  await p.locator(`${W} .om-a-start`).click();
  await query(p);
  const ids = await resultIds(p);
  await p.locator(`${W} [data-action=star][data-id="${ids[2]}"]`).click();
  await p.locator(`${W} [data-action=star][data-id="${ids[0]}"]`).click();
  for (const target of ["index.html", "fair.html"]) {
    // The public portal is this test's server here; the kiosk picks up a new share-base at once.
    await p.locator(W).evaluate((el, base) => el.setAttribute("share-base", base), env.server.url + target);
    await p.clock.runFor(1100);
    const link = await decodeQr(p.locator(`${W} .om-k-handoff .om-qr`));
    assert.ok(link.startsWith(env.server.url + target + "#"), link);
    const phone = await env.browser.newContext(SCREENS.phone);
    const q = await phone.newPage();
    const qProblems = watch(q);
    await q.goto(link);
    await q.locator(`${W} [role=listitem]`).first().waitFor();
    const v = await q.evaluate(() => {
      const root = document.querySelector("opportunity-matcher").shadowRoot;
      return {
        inputs: ["industry", "budget", "region"].map((n) => root.querySelector(`input[name=${n}]`).value),
        lang: root.querySelector(".om").getAttribute("lang"),
        attract: !!root.querySelector(".om-attracting"),
      };
    });
    assert.deepEqual(v.inputs, ["动力电池", "30億元", "成都市"], "the budget preset is written in the kiosk's script");
    assert.equal(v.lang, "zh-Hant");
    assert.equal(v.attract, false, "a shared link opens on its results");
    assert.deepEqual((await resultIds(q)).slice(0, 10), ids.slice(0, 10), "same ranking");
    await q.locator(`${W} [data-action=view-shortlist]`).click();
    const shortlisted = await q.locator(`${W} .om-compare thead [data-action=remove]`).evaluateAll((els) => els.map((e) => e.dataset.id));
    assert.deepEqual(shortlisted, [ids[2], ids[0]], "same shortlist, same order");
    assert.deepEqual(qProblems, []);
    await phone.close();
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("no keyboard needed for a narrow industry: a sector chip opens its industries, down to a leaf, and back", async () => {
  const { context, p, problems } = await kiosk("1080p", { clock: false });
  await waitForAttract(p);
  await p.locator(`${W} .om-a-start`).click();
  const chips = `${W} .om-k-choices [data-action=k-industry]:not(.om-k-any):not(.om-k-back)`;
  const sector = p.locator(chips).first();
  const sectorLabel = await sector.getAttribute("data-id");
  await sector.click();
  assert.equal((await state(p)).industry, sectorLabel);
  // The sector, pressed, then its narrower industries; a way back.
  await p.locator(`${W} .om-k-choices .om-k-back`).waitFor();
  const labels = await p.locator(chips).evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
  assert.equal(labels[0], sectorLabel);
  assert.ok(labels.length >= 3, `narrower industries of ${sectorLabel}: ${labels.slice(1)}`);
  const child = labels[1];
  await p.locator(`${chips}[data-id="${child}"]`).click();
  assert.equal((await state(p)).industry, child);
  assert.equal(await p.locator(`${chips}[data-id="${child}"]`).getAttribute("aria-pressed"), "true");
  assert.ok((await p.locator(`${W} [role=listitem]`).count()) > 0, "results for the narrow industry");
  // Back: from an industry with narrower ones to its sector; from a leaf (shown among its
  // siblings, under the sector) to all sectors.
  const opened = (await p.locator(chips).first().getAttribute("data-id")) === child;
  await p.locator(`${W} .om-k-choices .om-k-back`).click();
  assert.equal((await state(p)).industry, opened ? sectorLabel : "");
  assert.deepEqual(await smallTargets(p), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("dropping a list in the compact form (.oml) loads it and reports it", async () => {
  // The GBK fixture converted by the command line, as a publisher would send a national list.
  const oml = path.join(mkdtempSync(path.join(tmpdir(), "om-kiosk-")), "sample.oml");
  execFileSync("cargo", ["run", "--quiet", "--", "convert", path.join(ROOT, "tests/fixtures/sample-gbk.csv"), oml], { cwd: ROOT, stdio: "inherit" });
  const { context, p, problems } = await kiosk("1080p", { clock: false });
  await waitForAttract(p);
  await p.locator(`${W} .om-a-start`).click();
  await dropFile(p, ".om-k-main", oml);
  const report = p.locator(`${W} dialog.om-k-report`);
  await report.locator(".om-k-report-loaded").waitFor();
  assert.equal(await report.locator(".om-k-report-loaded").getAttribute("data-loaded"), "32");
  assert.match(await report.locator(".om-k-report-loaded").innerText(), /sample\.oml/);
  await report.locator("[data-action=k-report-close]").click();
  await p.locator(`${W} input[name=industry]`).fill("调味品");
  assert.match(await p.locator(`${W} [role=list]`).innerText(), /眉山"东坡味道"川菜调味品产业园项目/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("dropping a GBK CSV loads it in place of the list and reports it; bad rows are listed row by row", async () => {
  const { context, p, problems } = await kiosk("1080p", { clock: false });
  await waitForAttract(p);
  await p.locator(`${W} .om-a-start`).click();
  await dropFile(p, ".om-k-main", "tests/fixtures/sample-gbk.csv", { type: "text/csv" });
  const report = p.locator(`${W} dialog.om-k-report`);
  await report.locator(".om-k-report-loaded").waitFor();
  assert.equal(await report.evaluate((d) => d.open), true);
  assert.equal(await report.locator(".om-k-report-loaded").getAttribute("data-loaded"), "32");
  assert.match(await report.locator(".om-k-report-loaded").innerText(), /已载入 32 个项目（sample-gbk\.csv）.*GBK/);
  assert.equal(await report.locator("tr.om-k-rejected").count(), 0);
  await report.locator("[data-action=k-report-close]").click();
  assert.equal(await report.evaluate((d) => d.open), false);
  // The GBK text decoded right, and the new list is what ranks now (no reload).
  await p.locator(`${W} input[name=industry]`).fill("调味品");
  assert.match(await p.locator(`${W} [role=list]`).innerText(), /眉山"东坡味道"川菜调味品产业园项目/);
  assert.match(await p.locator(`${W} .om-count`).innerText(), /共 32 个项目/);
  await p.evaluate(() => (window.sameDocument = true));

  await dropFile(p, ".om-k-query", "tests/fixtures/bad-rows.csv", { type: "text/csv" });
  await report.locator("tr.om-k-rejected").first().waitFor();
  assert.equal(await report.locator(".om-k-report-loaded").getAttribute("data-loaded"), "6");
  const rows = await report.locator("tr.om-k-rejected").evaluateAll((trs) => trs.map((tr) => [tr.dataset.row, tr.dataset.field, tr.querySelector(".om-k-reason").textContent]));
  assert.deepEqual(
    rows.map(([row, field]) => [row, field]),
    [["3", "name"], ["4", "region"], ["5", "region"], ["6", "investment"], ["7", "id"], ["8", "region"]],
  );
  assert.deepEqual(
    rows.map(([, , reason]) => reason),
    ["缺少项目名称，无法展示", "缺少项目地点，无法按地区匹配", rows[2][2], rows[3][2], "编号与第2行重复", rows[5][2]],
  );
  assert.match(rows[2][2], /找不到该省、市或县区/);
  assert.match(rows[5][2], /地名有歧义.*北京市.*朝阳区.*请写上所在市/);
  assert.ok(rows[3][2].length > 4, `an unreadable amount says why: ${rows[3][2]}`);
  assert.match(await report.locator("tr.om-k-rejected").nth(3).locator(".om-k-value").innerText(), /很多钱/);
  assert.match(await report.locator("tr.om-k-rejected").nth(2).locator(".om-k-value").innerText(), /火星市/);
  // The report is in the kiosk's language: switch and it follows.
  await report.locator("[data-action=k-report-close]").click();
  await p.locator(`${W} .om-header [data-action=lang][data-id=en]`).click();
  await p.locator(`${W} input[name=industry]`).fill("物流");
  assert.match(await p.locator(`${W} [role=list]`).innerText(), /<script>alert\(1\)<\/script>顺庆物流园项目/, "the payload is text");
  assert.equal(await p.evaluate(() => document.querySelector("opportunity-matcher").shadowRoot.querySelectorAll("script, img").length), 0);

  // The file picker (in the staff panel, opened with the staff key) does the same for JSON; a
  // broken file keeps the list in use.
  await p.keyboard.press("Control+Shift+L");
  const chooser = p.waitForEvent("filechooser");
  await p.locator(`${W} [data-action=k-load]`).click();
  await (await chooser).setFiles(path.join(ROOT, "tests/fixtures/sample.json"));
  await report.locator(".om-k-report-loaded").waitFor();
  assert.match(await report.locator(".om-k-report-loaded").innerText(), /Loaded 32 projects \(sample\.json\)/);
  await report.locator("[data-action=k-report-close]").click();
  await p.evaluate(() => {
    const target = document.querySelector("opportunity-matcher").shadowRoot.querySelector(".om-k-main");
    const dt = new DataTransfer();
    dt.items.add(new File(["{ not json"], "broken.json", { type: "application/json" }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
  });
  await report.locator(".om-k-report-failed").waitFor();
  assert.match(await report.innerText(), /could not be read as a list[\s\S]*previous list stays in use/);
  await report.locator("[data-action=k-report-close]").click();
  assert.match(await p.locator(`${W} .om-count`).innerText(), /^32 projects/);
  assert.equal(await p.evaluate(() => window.sameDocument), true, "no reload");
  assert.deepEqual(problems, []);
  await context.close();
});

test("print: the shortlist one page per project with contacts and the QR code, or a compact summary", async () => {
  const { context, p, problems } = await kiosk("1080p", { clock: false });
  await waitForAttract(p);
  await p.locator(`${W} .om-a-start`).click();
  await query(p);
  const ids = (await resultIds(p)).slice(0, 3);
  for (const id of ids) await p.locator(`${W} [data-action=star][data-id="${id}"]`).click();
  await p.evaluate(() => {
    window.printed = 0;
    window.print = () => window.printed++;
  });
  await p.locator(`${W} [data-action=k-print][data-id=pages]`).click();
  assert.equal(await p.evaluate(() => window.printed), 1);
  await p.emulateMedia({ media: "print" });
  const pages = p.locator(`${W} .om-print-page`);
  assert.deepEqual(await pages.evaluateAll((a) => a.map((e) => e.dataset.projectId)), ids);
  const byId = Object.fromEntries(list.projects.map((x) => [x.id, x]));
  for (let i = 0; i < ids.length; i++) {
    const text = await pages.nth(i).innerText();
    const contact = byId[ids[i]].contact_phone;
    if (contact) assert.ok(text.includes(contact), `${ids[i]}: contact ${contact} printed`);
    assert.equal(await pages.nth(i).locator("svg.om-qr-code").count(), 1, "each page carries the QR code");
  }
  assert.equal(await p.locator(`${W} .om-k-cols`).isVisible(), false, "only the print view prints");
  assert.equal(pdfPages(await p.pdf({ format: "A4" })), ids.length, "one page per project");
  await p.emulateMedia({ media: "screen" });
  await p.locator(`${W} [data-action=k-print][data-id=summary]`).click();
  await p.emulateMedia({ media: "print" });
  assert.equal(await p.locator(`${W} .om-print-table tbody tr`).count(), ids.length);
  assert.equal(await p.locator(`${W} .om-print-head svg.om-qr-code`).isVisible(), true);
  assert.equal(pdfPages(await p.pdf({ format: "A4" })), 1, "the summary fits one page");
  assert.deepEqual(problems, []);
  await context.close();
});

test("screenshots of the fair page (attract screen and results, 1920×1080, three languages)", async () => {
  mkdirSync(SHOTS, { recursive: true });
  const queries = { "zh-Hans": "动力电池", "zh-Hant": "動力電池", en: "power battery" };
  for (const [lang, industry] of Object.entries(queries)) {
    const { context, p, problems } = await kiosk("1080p", { clock: false });
    await waitForAttract(p);
    await p.locator(`${W} .om-attract [data-action=lang][data-id=${lang}]`).click();
    await p.screenshot({ path: path.join(SHOTS, `fair-attract-${lang}.png`) });
    await p.locator(`${W} .om-a-start`).click();
    await p.locator(`${W} input[name=industry]`).fill(industry);
    await p.locator(`${W} [data-action=k-picker][data-id=budget]`).click();
    await p.locator(`${W} [data-action=k-budget][data-id="3000000000"]`).click();
    await p.locator(`${W} [data-action=k-picker][data-id=region]`).click();
    await p.locator(`${W} [data-action=k-province][data-id="510000"]`).click();
    await p.locator(`${W} [data-action=k-city][data-id="510100"]`).click();
    const ids = await resultIds(p);
    await p.locator(`${W} [data-action=star][data-id="${ids[0]}"]`).click();
    await p.locator(`${W} [data-action=star][data-id="${ids[1]}"]`).click();
    await scrollColumnsToTop(p);
    await p.screenshot({ path: path.join(SHOTS, `fair-results-${lang}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("axe: no serious or critical violation on the kiosk (attract screen, results with quick choices, the list report)", async () => {
  const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
  const scan = async (p) => {
    if (!(await p.evaluate(() => typeof window.axe === "object"))) await p.addScriptTag({ path: AXE });
    const found = await p.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`) }));
    });
    return found.filter((v) => v.impact === "serious" || v.impact === "critical");
  };
  for (const lang of ["zh-Hans", "en"]) {
    // bypassCSP lets the test inject axe; the kiosk runs under the page's CSP in the other tests.
    const context = await env.browser.newContext({ ...SCREENS["1080p"], bypassCSP: true });
    const p = await context.newPage();
    await p.goto(env.server.url + "fair.html");
    await waitForAttract(p);
    await p.locator(`${W} .om-attract [data-action=lang][data-id=${lang}]`).click();
    assert.deepEqual(await scan(p), [], "attract screen");
    await p.locator(`${W} .om-a-start`).click();
    await query(p);
    await p.locator(`${W} [data-action=star]`).first().click();
    assert.deepEqual(await scan(p), [], "results, region picker, QR code");
    await dropFile(p, ".om-k-main", "tests/fixtures/bad-rows.csv", { type: "text/csv" });
    await p.locator(`${W} dialog.om-k-report tr.om-k-rejected`).first().waitFor();
    assert.deepEqual(await scan(p), [], "the list report");
    await context.close();
  }
});
