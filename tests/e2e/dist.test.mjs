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
