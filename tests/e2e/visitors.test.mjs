// Issue 14, as visitors meet it: a Taiwan investor in 繁 reads the list's own text in Traditional
// characters (the table fetched only then), a foreign investor in English meets Chinese only where
// the list has nothing else (and marked lang="zh"), money reads one way, a screen-reader user is told
// once when the typing pauses and can skip over the form and the cards, a dark portal theme keeps
// its contrast, filter options and labels are said once, share links stay whole, and the kiosk's
// staff panel is kept from visitors.

import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { bundledList, fillQuery, openWidget, resultIds, ROOT, W, watch, usingBrowserAndServer } from "./helpers.mjs";

const env = usingBrowserAndServer();
const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1440, height: 1000 } };

// Characters that exist only in Simplified Chinese (each has a different Traditional form and is
// never written in Traditional text): any of them in a 繁 view is list text left unconverted.
const SIMPLIFIED_ONLY = /[电动产业区项资术发经济开设务这们时为说会过还进现实样体关点长东车门间问题习书历买卖乐达见观规记议识话讲论证试调谈负责贸费运边选钢铁钱银锂锅阳际陆随隐难须领频风飞饮馆驱验鱼鸡龙]/u;

async function page(options = DESKTOP) {
  const context = await env.browser.newContext(options);
  const p = await context.newPage();
  const problems = watch(p);
  const requests = [];
  p.on("request", (r) => requests.push(new URL(r.url()).pathname));
  return { context, p, problems, requests };
}

const lang = (p, l) => p.locator(`${W} button[data-action=lang][data-id=${l}]`).click();

/** Text nodes with Han characters in `selector` (inside the widget) whose nearest `lang` is not Chinese. */
async function chineseOutsideZh(p, selector) {
  return p.evaluate(([w, sel]) => {
    const root = document.querySelector(w).shadowRoot;
    const out = [];
    for (const scope of root.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!/\p{Script=Han}/u.test(n.data)) continue;
        const el = n.parentElement;
        if (el.closest("[hidden], .om-langs, .om-lang")) continue; // the language switch names 简 and 繁 in their own script
        const l = el.closest("[lang]")?.getAttribute("lang") ?? "";
        if (!l.startsWith("zh")) out.push(`${n.data.trim()} (in ${el.tagName.toLowerCase()}.${el.className})`);
      }
    }
    return out;
  }, [W, selector]);
}

for (const [device, options] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`繁 (${device}): the list's own text is shown in Traditional, the table fetched only once 繁 is chosen, search on the folded form`, async () => {
    const { context, p, problems, requests } = await page(options);
    await openWidget(p, env.server.url);
    await fillQuery(p, { industry: "动力电池", region: "成都" });
    await lang(p, "en");
    await lang(p, "zh-Hans");
    assert.equal(requests.filter((r) => r.endsWith("/s2twp.tsv")).length, 0, "not fetched before 繁 is chosen");
    const simplified = await p.locator(`${W} [role=listitem] h3`).first().innerText();
    assert.match(simplified, SIMPLIFIED_ONLY, "the list is written in Simplified characters");

    await lang(p, "zh-Hant");
    await p.waitForFunction((w) => !/[电动产业区项]/u.test(document.querySelector(w).shadowRoot.querySelector("[role=listitem] h3").textContent), W);
    const card = p.locator(`${W} [role=listitem]`).first();
    await card.locator("button[data-action=detail]").click();
    await card.locator(".om-detail").waitFor();
    const text = await p.locator(`${W} .om-results`).innerText();
    // What the visitor typed is quoted as typed (「动力电池」).
    const left = text.split("\n").map((line) => line.replace(/「[^」]*」/g, "")).filter((line) => SIMPLIFIED_ONLY.test(line));
    assert.deepEqual(left, [], "names, tags, places, parks, descriptions and contacts in Traditional");
    // A tag and a reason spell the same industry the same way.
    const tags = await card.locator(".om-tag").allInnerTexts();
    const reasons = await card.locator(".om-reasons").innerText();
    assert.ok(tags.some((t) => reasons.includes(t)), `a tag appears in the reasons as written: ${tags} / ${reasons}`);
    // Filter options are list text too.
    await p.locator(`${W} summary`).first().click();
    const stages = await p.locator(`${W} select[name=stage] option`).allTextContents();
    assert.doesNotMatch(stages.join(" "), SIMPLIFIED_ONLY, `stages: ${stages}`);

    // Typing Simplified in 繁 finds the same projects: search runs on the folded form.
    const shown = await resultIds(p);
    await fillQuery(p, { industry: "動力電池" });
    assert.deepEqual(await resultIds(p), shown);

    // Once, however often 繁 is chosen again.
    await lang(p, "en");
    await lang(p, "zh-Hant");
    await p.locator(`${W} .om[lang=zh-Hant]`).waitFor();
    assert.equal(requests.filter((r) => r.endsWith("/s2twp.tsv")).length, 1, "fetched once");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`English (${device}): the card is English wherever the data allows; what stays Chinese is marked lang="zh"`, async () => {
    const { context, p, problems, requests } = await page(options);
    await openWidget(p, env.server.url);
    await lang(p, "en");
    await fillQuery(p, { industry: "batteries, food", region: "Sichuan" });
    const card = p.locator(`${W} [role=listitem]`).first();
    await card.locator("button[data-action=detail]").click();
    await card.locator(".om-detail").waitFor();
    assert.deepEqual(await chineseOutsideZh(p, ".om-results, .om-status, .om-footer, .om-filters, .om-form"), []);
    // Tags, sector, cooperation and stage come in English for the bundled list's vocabulary.
    const facts = await card.innerText();
    assert.match(facts, /Joint venture|Sole|Cooperation|In negotiation|Preparation|Planning/);
    assert.ok((await card.locator('.om-tag:not([lang="zh"])').count()) > 0, "tags through the taxonomy's English labels");
    // Parks with a known kind of zone read in English (the gazetteer and the zone table).
    const parks = await p.locator(`${W} .om-fact-place dd`).allInnerTexts();
    assert.ok(parks.some((t) => /Zone|Park|Area/.test(t)), `some park in English: ${parks}`);

    // The comparison and the print view follow the same rule.
    for (const b of await p.locator(`${W} [role=listitem] button[data-action=star]`).all().then((a) => a.slice(0, 3))) await b.click();
    await p.locator(`${W} button[data-action=view-shortlist]`).click();
    await p.locator(`${W} table.om-compare`).waitFor();
    assert.deepEqual(await chineseOutsideZh(p, "table.om-compare"), []);
    assert.equal(requests.filter((r) => r.endsWith("/s2twp.tsv")).length, 0, "English never needs the Traditional table");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [device, options] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`money in English (${device}) reads one way everywhere, and a budget in another currency is echoed in it`, async () => {
    const { context, p, problems } = await page(options);
    await openWidget(p, env.server.url);
    await lang(p, "en");
    await fillQuery(p, { industry: "power battery", budget: "USD 500 million" });
    await p.locator(`${W} [role=listitem]`).first().locator("button[data-action=detail]").click();
    const understood = await p.locator(`${W} #om-budget-understood`).innerText();
    assert.match(understood, /500 million USD/, "the typed currency");
    assert.match(understood, /billion yuan|million yuan/, "and the yuan it is compared as");
    const text = await p.locator(`${W} .om-results`).innerText();
    assert.doesNotMatch(text, /\d,\d{3} million/, "never thousands of millions");
    assert.match(text, /\d billion yuan/, "billions as billions");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// The same echo in Chinese: a budget in US dollars is said in dollars and in the yuan it is
// compared as, with the script's own units.
for (const [l, typed, units] of [
  ["zh-Hans", "5000万美元", /亿元|万元/],
  ["zh-Hant", "5000萬美元", /億元|萬元/],
]) {
  test(`money in ${l}: a budget in US dollars is echoed in dollars and in yuan`, async () => {
    const { context, p, problems } = await page(PHONE);
    await openWidget(p, env.server.url);
    await lang(p, l);
    await fillQuery(p, { industry: "动力电池", budget: typed });
    await p.locator(`${W} [role=listitem]`).first().waitFor();
    const understood = await p.locator(`${W} #om-budget-understood`).innerText();
    assert.match(understood, /美元/, `the typed currency: ${understood}`);
    assert.match(understood, units, `and the yuan it is compared as: ${understood}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

const SPOKEN = {
  "zh-Hans": { typed: ["锂电池", "成都"], said: /^已重新排序：共 \d+ 个项目，.*第一名：/, skip: "跳到匹配结果", list: "匹配结果列表" },
  "zh-Hant": { typed: ["鋰電池", "成都"], said: /^已重新排序：共 \d+ 個項目，.*第一名：/, skip: "跳到匹配結果", list: "匹配結果列表" },
  en: { typed: ["lithium batery", "Chengdu"], said: /^Re-ranked: \d+ of .*projects.*, first: /, skip: "Skip to the results", list: "Ranked projects" },
};

for (const [device, options] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  for (const [l, words] of Object.entries(SPOKEN)) {
    test(`screen readers (${l}, ${device}; Chromium's accessibility tree): told once when typing pauses; skip links; two tab stops per card`, async () => {
      const { context, p, problems } = await page(options);
      await p.clock.install();
      await openWidget(p, env.server.url);
      await lang(p, l);
      if (l === "zh-Hant") await p.locator(`${W} .om[data-hant=ready]`).waitFor();
      const cdp = await context.newCDPSession(p);
      await cdp.send("Accessibility.enable");
      const tree = async () => (await cdp.send("Accessibility.getFullAXTree")).nodes;
      const prop = (n, name) => n.properties?.find((x) => x.name === name)?.value?.value;

      // One live region (polite); the visible status line is not one.
      let nodes = await tree();
      const live = nodes.filter((n) => prop(n, "live") && prop(n, "live") !== "off" && n.role?.value === "status");
      assert.equal(live.length, 1, "one live region");
      assert.equal(prop(live[0], "live"), "polite");

      // Typing key by key while the clock stands still: nothing is announced until the pause.
      await p.evaluate((w) => {
        const region = document.querySelector(w).shadowRoot.querySelector("[role=status]");
        window.__announcements = [];
        new MutationObserver(() => window.__announcements.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
      }, W);
      await p.clock.pauseAt(Date.now() + 60_000);
      await p.locator(`${W} input[name=industry]`).pressSequentially(words.typed[0]);
      await p.locator(`${W} input[name=region]`).pressSequentially(words.typed[1]);
      assert.deepEqual(await p.evaluate(() => window.__announcements), [], "nothing said while typing");
      await p.clock.runFor(2000);
      const said = await p.evaluate(() => window.__announcements);
      assert.equal(said.length, 1, `said once: ${JSON.stringify(said)}`);
      const firstName = (await p.locator(`${W} [role=listitem] h3`).first().innerText()).split("\n").pop().trim();
      assert.match(said[0], words.said);
      assert.ok(said[0].includes(firstName), `${said[0]} names ${firstName}`);
      nodes = await tree();
      const texts = (n) => [n.name?.value ?? "", ...(n.childIds ?? []).map((id) => nodes.find((x) => x.nodeId === id)).filter(Boolean).map(texts)].join("");
      const status = nodes.find((n) => n.role?.value === "status" && prop(n, "live") === "polite");
      assert.ok(texts(status).includes(firstName), `the accessibility tree's live region says it: ${texts(status)}`);

      // Skip links: from the form to the results, from the results past the cards to "show more".
      const names = nodes.filter((n) => n.role?.value === "button").map((n) => n.name?.value);
      assert.ok(names.includes(words.skip), "the skip link is in the tree with its name");
      await p.locator(`${W} input[name=region]`).focus();
      await p.keyboard.press("Tab");
      const focused = () => p.evaluate((w) => { const a = document.querySelector(w).shadowRoot.activeElement; return a && (a.getAttribute("data-key") ?? a.tagName); }, W);
      assert.equal(await focused(), "skip:results");
      await p.keyboard.press("Enter");
      assert.equal(await focused(), "results-list", "the results have the focus");
      await p.keyboard.press("Tab");
      assert.equal(await focused(), "skip:more");
      await p.keyboard.press("Enter");
      assert.equal(await focused(), "more", "past every card to show more");

      // Few tab stops per card: the star and the details button (Chromium's focusable nodes).
      nodes = await tree();
      const byId = new Map(nodes.map((n) => [n.nodeId, n]));
      const list = nodes.find((n) => n.role?.value === "list" && n.name?.value === words.list);
      assert.ok(list, "the ranked list is in the tree");
      const cards = (list.childIds ?? []).map((id) => byId.get(id)).filter((n) => n?.role?.value === "listitem");
      assert.ok(cards.length >= 10, `${cards.length} cards`);
      const focusableUnder = (n) => (n.childIds ?? []).map((id) => byId.get(id)).filter(Boolean).reduce((sum, c) => sum + (prop(c, "focusable") ? 1 : 0) + focusableUnder(c), 0);
      for (const card of cards) assert.ok(focusableUnder(card) <= 2, `a card has ${focusableUnder(card)} tab stops`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

async function axe(p, rules) {
  await p.addScriptTag({ path: AXE });
  return p.evaluate(async (only) => {
    const r = await window.axe.run(document, { runOnly: { type: "rule", values: only }, resultTypes: ["violations"] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary}`));
  }, rules);
}

for (const l of ["zh-Hans", "zh-Hant", "en"]) {
  test(`dark theme (${l}): every colour from the custom properties, axe colour-contrast passes`, async () => {
    const context = await env.browser.newContext({ ...DESKTOP, bypassCSP: true });
    const p = await context.newPage();
    const problems = watch(p);
    await openWidget(p, `${env.server.url}dark.html`);
    await lang(p, l);
    await fillQuery(p, { industry: l === "en" ? "power battery" : "动力电池", budget: "abc", region: l === "en" ? "Chengdu" : "成都" });
    const card = p.locator(`${W} [role=listitem]`).first();
    await card.locator("button[data-action=detail]").click();
    await card.locator("button[data-action=star]").click();
    await p.locator(`${W} .om-more summary`).click();
    // The reasons follow the theme's text colour (they were a fixed dark grey).
    const colours = await p.evaluate((w) => {
      const root = document.querySelector(w).shadowRoot;
      return { reasons: getComputedStyle(root.querySelector(".om-reasons")).color, fg: getComputedStyle(root.querySelector(".om-title")).color };
    }, W);
    assert.equal(colours.reasons, "rgb(232, 236, 241)");
    assert.deepEqual(await axe(p, ["color-contrast"]), []);
    await p.screenshot({ path: path.join(ROOT, `target/screenshots/dark-${l}.png`), fullPage: false });
    await p.locator(`${W} button[data-action=view-shortlist]`).click();
    await p.locator(`${W} table.om-compare`).waitFor();
    assert.deepEqual(await axe(p, ["color-contrast"]), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("said once: a value spelt in both scripts is one filter option and keeps both spellings' projects", async () => {
  const list = bundledList();
  // Half the joint ventures written in Traditional characters, as merged lists do.
  let n = 0;
  for (const project of list.projects) {
    if (Array.isArray(project.cooperation) && project.cooperation.includes("合资") && n++ % 2 === 0) {
      project.cooperation = project.cooperation.map((c) => (c === "合资" ? "合資" : c));
    }
  }
  const jv = list.projects.filter((x) => (x.cooperation ?? []).some((c) => c === "合资" || c === "合資")).length;
  const { context, p, problems } = await page();
  await p.route("**/data/opportunity-list.json", (r) => r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(list) }));
  await openWidget(p, env.server.url);
  for (const [l, label] of [["zh-Hans", "合资"], ["zh-Hant", "合資"], ["en", "Joint venture"]]) {
    await lang(p, l);
    await p.locator(`${W} .om[lang=${l}]`).waitFor();
    const options = await p.locator(`${W} select[name=cooperation] option`).allTextContents();
    assert.equal(options.filter((o) => /合[资資]|Joint venture/.test(o)).length, 1, `${l}: ${options}`);
    assert.ok(options.includes(label), `${l}: ${options}`);
    const stages = await p.locator(`${W} select[name=stage] option`).allTextContents();
    assert.equal(stages.filter((o) => /在[谈談]|In negotiation/.test(o)).length, 1, `${l}: ${stages}`);
  }
  await p.locator(`${W} summary`).first().click();
  await p.locator(`${W} select[name=cooperation]`).selectOption({ label: "Joint venture" });
  await p.waitForFunction(([w, n]) => new RegExp(`\\b${n} pass the filters`).test(document.querySelector(w).shadowRoot.querySelector(".om-status").textContent), [W, jv]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("said once: the comparison and the print view never repeat a label in its value; the share link keeps spaces encoded", async () => {
  for (const l of ["zh-Hans", "zh-Hant", "en"]) {
    const { context, p, problems } = await page();
    await openWidget(p, env.server.url);
    await lang(p, l);
    await fillQuery(p, { industry: l === "en" ? "power battery" : "动力电池 AI" });
    for (const b of await p.locator(`${W} [role=listitem] button[data-action=star]`).all().then((a) => a.slice(0, 2))) await b.click();
    await p.locator(`${W} button[data-action=view-shortlist]`).click();
    await p.locator(`${W} table.om-compare`).waitFor();
    const doubled = await p.evaluate((w) => {
      const out = [];
      for (const tr of document.querySelector(w).shadowRoot.querySelectorAll("table.om-compare tbody tr")) {
        const label = tr.querySelector("th").textContent.trim();
        for (const td of tr.querySelectorAll("td")) if (label && td.textContent.includes(label)) out.push(`${label} | ${td.textContent}`);
      }
      return out;
    }, W);
    assert.deepEqual(doubled, [], l);
    const link = await p.locator(`${W} .om-share-url`).inputValue();
    assert.ok(!/\s/.test(link), `no space in the share link: ${link}`);
    assert.match(link, /%20/);
    assert.deepEqual(problems, []);
    await context.close();
  }

  // The kiosk: its printed facts and its readable link.
  const { context, p, problems } = await page({ viewport: { width: 1920, height: 1080 } });
  await p.goto(`${env.server.url}fair.html#q=${encodeURIComponent("power battery")}&lang=en`);
  await p.locator(`${W} [role=listitem]`).first().waitFor();
  await p.locator(`${W} [role=listitem] button[data-action=detail]`).first().waitFor();
  const linkText = await p.locator(`${W} .om-k-link-text`).innerText();
  assert.match(linkText, /q=power%20battery/, linkText);
  const printed = await p.evaluate((w) => {
    const out = [];
    for (const pair of document.querySelector(w).shadowRoot.querySelectorAll(".om-print .om-fact, .om-print dl > div")) {
      const dt = pair.querySelector("dt")?.textContent.trim();
      const dd = pair.querySelector("dd")?.textContent ?? "";
      if (dt && dd.includes(dt)) out.push(`${dt} | ${dd}`);
    }
    return out;
  }, W);
  assert.deepEqual(printed, []);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [l, device, options] of [
  ["en", "desktop", { viewport: { width: 1920, height: 1080 } }],
  ["zh-Hans", "desktop", { viewport: { width: 1920, height: 1080 } }],
  ["zh-Hant", "tablet", { viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true }],
]) {
  test(`kiosk (${l}, ${device}): the staff panel is hidden from visitors — five quick taps on the title or Ctrl+Shift+L open it, a reset closes it`, async () => {
    const { context, p, problems } = await page(options);
    await p.goto(`${env.server.url}fair.html#q=AI&lang=${l}`);
    const staff = p.locator(`${W} .om-k-staff`);
    const load = p.locator(`${W} button[data-action=k-load]`);
    await p.locator(`${W} [role=listitem]`).first().waitFor();
    assert.equal(await load.isVisible(), false, "not offered to every visitor");
    const title = p.locator(`${W} .om-title`);
    const tap = () => (options.hasTouch ? title.tap() : title.click());
    for (let i = 0; i < 4; i++) await tap();
    assert.equal(await staff.isVisible(), false, "four taps are not the gesture");
    await tap();
    await load.waitFor({ state: "visible" });
    assert.equal(await p.evaluate((w) => document.querySelector(w).shadowRoot.activeElement?.getAttribute("data-key"), W), "k-load");
    // The panel speaks the visitor's language (its buttons are not English in a Chinese kiosk).
    const said = await staff.innerText();
    if (l === "en") assert.doesNotMatch(said, /\p{Script=Han}/u, said);
    else assert.match(said, /\p{Script=Han}/u, said);
    await p.locator(`${W} button[data-action=k-staff]`).click();
    await staff.waitFor({ state: "hidden" });
    await p.locator("body").click({ position: { x: 2, y: 2 } });
    await p.keyboard.press("Control+Shift+L");
    await load.waitFor({ state: "visible" });
    await p.evaluate(() => document.querySelector("opportunity-matcher").handle.resetKiosk());
    await p.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector(".om-k-staff").hidden, W);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [l, viewport] of [
  ["en", { width: 1920, height: 1080 }],
  ["en", { width: 1280, height: 800 }],
  ["zh-Hans", { width: 1920, height: 1080 }],
  ["zh-Hant", { width: 1920, height: 1080 }],
]) {
  test(`kiosk at ${viewport.width}×${viewport.height} in ${l}: a chosen sector's name is never cut off in its tab`, async () => {
    const { context, p, problems } = await page({ viewport });
    await p.goto(`${env.server.url}fair.html#q=AI&lang=${l}`);
    await p.locator(`${W} [role=listitem]`).first().waitFor();
    const chips = p.locator(`${W} .om-k-pickers button[data-action=k-industry]`);
    const labels = await chips.allInnerTexts();
    const longest = labels.reduce((a, b) => (b.length > a.length ? b : a), "");
    await chips.filter({ hasText: longest }).first().click();
    const cut = await p.evaluate((w) =>
      [...document.querySelector(w).shadowRoot.querySelectorAll(".om-k-tab-value, .om-k-tab-label")]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === "ellipsis" && e.scrollWidth > e.clientWidth)
        .map((e) => e.textContent), W);
    assert.deepEqual(cut, [], `chose ${longest}`);
    await p.screenshot({ path: path.join(ROOT, `target/screenshots/fair-tabs-${l}-${viewport.width}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}
