// The offline single file (`make dist`, scripts/dist.mjs): built from the current www/ into a
// temporary folder, opened from file:// in a browser whose network is cut (offline, and every
// request that is not file: or data: aborted and recorded). It must rank the bundled list, show a
// QR code that decodes to the share link, and reset when left idle, under its own strict CSP.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, resultIds, watch, bundledList, ROOT, WWW, W } from "./helpers.mjs";
import { SCREENS, shareLink, decodeQr, waitForAttract } from "./fair-helpers.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "om-dist-"));
const file = path.join(dir, "opportunity-matcher-fair.html");
let browser;

before(async () => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/dist.mjs"), "--www", WWW, "--out", file], { stdio: "pipe" });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the single file carries everything and a strict CSP without eval", () => {
  const html = readFileSync(file, "utf8");
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  const tags = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, "$1</script>");
  assert.doesNotMatch(tags, /<script[^>]+src=|<link[^>]+href="(?!data:)|<img|<iframe/, "no external script, stylesheet or icon");
  assert.doesNotMatch(html, /\beval\(|new Function\(/);
  assert.equal((html.match(/<script type="module">/g) || []).length, 1);
});

for (const screen of ["1080p", "phone"]) {
  test(`dist ${screen}: from file:// with the network cut it ranks, shows a scannable QR code and resets when idle`, async () => {
    const context = await browser.newContext({ ...SCREENS[screen], offline: true });
    const blocked = [];
    const requests = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (/^(file|data):/.test(url)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const p = await context.newPage();
    const problems = watch(p);
    p.on("request", (r) => requests.push(r.url()));
    await p.clock.install();
    await p.goto(pathToFileURL(file).href);

    await waitForAttract(p);
    assert.equal(await p.locator(`${W} .om-a-projects .om-a-num`).innerText(), String(bundledList().projects.length));
    await p.locator(`${W} .om-a-start`).click();
    await p.locator(`${W} input[name=industry]`).fill("动力电池");
    await p.locator(`${W} [data-action=k-picker][data-id=budget]`).click();
    await p.locator(`${W} [data-action=k-budget][data-id="3000000000"]`).click();
    await p.locator(`${W} input[name=region]`).fill("成都");
    const ids = await resultIds(p);
    assert.equal(ids[0], "SC-0001");
    await p.locator(`${W} [data-action=star][data-id="${ids[0]}"]`).click();
    const qr = p.locator(`${W} .om-k-handoff .om-qr`);
    await qr.scrollIntoViewIfNeeded();
    assert.equal(await decodeQr(qr), shareLink("https://invest.example.gov.cn/match/", { q: "动力电池", b: "30亿元", r: "成都", s: [ids[0]], lang: "zh-Hans" }));

    await p.clock.fastForward(91_000);
    await waitForAttract(p);
    assert.equal(await p.evaluate(() => location.hash), "");
    await p.locator(`${W} .om-a-start`).click();
    assert.equal(await p.locator(`${W} input[name=industry]`).inputValue(), "");
    assert.equal(await p.locator(`${W} [data-action=star][aria-pressed=true]`).count(), 0);

    assert.deepEqual(blocked, [], "no request had to be blocked");
    assert.deepEqual(requests.filter((u) => !/^(file|data|blob):/.test(u)), [], "no request left the file");
    assert.deepEqual(problems, [], "no error, no CSP violation");
    await context.close();
  });
}

/** A context whose network is cut: only file: and data: pass; anything else is recorded. */
async function offline() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true, acceptDownloads: true });
  const blocked = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const p = await context.newPage();
  return { context, p, blocked, problems: watch(p) };
}

/** Drops a fixture on `selector` in the page, or inside the widget's shadow root with `inWidget`. */
async function dropOn(p, { selector, inWidget = false }, fixture, name) {
  const bytes = [...readFileSync(path.join(ROOT, fixture))];
  await p.evaluate(
    ({ selector, inWidget, bytes, name }) => {
      const root = inWidget ? document.querySelector("opportunity-matcher").shadowRoot : document;
      const target = root.querySelector(selector);
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      for (const ty of ["dragenter", "dragover", "drop"]) target.dispatchEvent(new DragEvent(ty, { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
    },
    { selector, inWidget, bytes, name },
  );
}

test("dist: a workbook dropped on the offline kiosk is read by the inlined spreadsheet module", async () => {
  const { context, p, blocked, problems } = await offline();
  await p.goto(pathToFileURL(file).href);
  await waitForAttract(p);
  await p.locator(`${W} .om-a-start`).click();
  await dropOn(p, { selector: ".om-k-main", inWidget: true }, "tests/fixtures/published/workbook.xlsx", "workbook.xlsx");
  const report = p.locator(`${W} dialog.om-k-report`);
  await report.locator(".om-k-report-loaded").waitFor();
  assert.equal(await report.locator(".om-k-report-loaded").getAttribute("data-loaded"), "6");
  assert.match(await report.locator(".om-k-reading").innerText(), /表头在第3、4行/);
  assert.deepEqual(blocked, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("dist: the publisher page works as a second offline file (read a workbook, correct a column, download)", async () => {
  const publish = path.join(dir, "opportunity-matcher-publish.html");
  const html = readFileSync(publish, "utf8");
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  const { context, p, blocked, problems } = await offline();
  await p.goto(pathToFileURL(publish).href + "?lang=en");
  await p.locator("body[data-ready=true]").waitFor();
  await dropOn(p, { selector: "#pub-drop" }, "tests/fixtures/published/publisher-drop.xlsx", "publisher-drop.xlsx");
  await p.locator("#pub-reading li").first().waitFor();
  assert.match(await p.locator("#pub-reading").innerText(), /header in row 3/);
  await p.locator(".pub-field[data-column='4']").selectOption("investment");
  await p.locator(".pub-unit[data-column='4']").selectOption("万元");
  await p.waitForFunction(() => /as you chose/.test(document.querySelector("#pub-reading").innerText));
  const [download] = await Promise.all([p.waitForEvent("download"), p.locator("#pub-json").click()]);
  const list = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.deepEqual(list.projects.map((x) => x.investment), [1_500_000_000, 800_000_000, 2_000_000_000, 600_000_000]);
  assert.deepEqual(blocked, []);
  assert.deepEqual(problems, []);
  await context.close();
});
