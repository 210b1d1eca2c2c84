// Issue 6, item 7 — memory. The element's `src` is switched 50 times, alternating between the
// bundled list and a generated list of 2,000 projects (made by scripts/gen-list.mjs in the test, not
// committed), with a query typed so that every load is also ranked. WebAssembly memory never shrinks,
// so `heapBytes()` (the glue's export: the size of the wasm linear memory) is the high-water mark: a
// list kept alive after it is replaced would push it up by that list's heap on every second load.
// The bound: memory after 50 loads ≤ memory after the first 10 loads + 16 MB. The test also checks
// that it could see such a leak (20 leaked copies of the generated list would exceed the margin).

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fillQuery, watch, ROOT, W, usingBrowserAndServer } from "./helpers.mjs";

const LOADS = 50;
const BASELINE_AFTER = 10;
const MARGIN = 16 * 1024 * 1024;
const GENERATED = "/generated/memory-list.json";

const env = usingBrowserAndServer();
let generated;

before(async () => {
  generated = execFileSync(process.execPath, [path.join(ROOT, "scripts/gen-list.mjs"), "--count", "2000", "--seed", "7"], { maxBuffer: 64 << 20 });
});

test(`memory: switching the list ${LOADS} times does not grow wasm memory without bound (≤ after ${BASELINE_AFTER} loads + 16 MB)`, async (t) => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const problems = watch(p);
  await p.route(`**${GENERATED}`, (route) => route.fulfill({ status: 200, contentType: "application/json; charset=utf-8", body: generated }));
  await p.goto(env.server.url);
  await p.locator(`${W} [role=list] [role=listitem]`).first().waitFor();
  await fillQuery(p, { industry: "动力电池", budget: "30亿", region: "成都" });

  // The glue module the loader imported (the portal build; same URL, same instance): its
  // heapBytes() reads this widget's memory. How much heap one generated list takes, measured the
  // same way the benchmark does, with the Matcher API of the full build (an instance of its own).
  const probe = await p.evaluate(async (url) => {
    const full = await import("/pkg/opportunity_matcher.js");
    await full.default();
    const text = await (await fetch(url)).text();
    const m = full.Matcher.fromText(text, "memory-list.json");
    const b = m.heapBreakdown();
    const projects = m.length;
    m.free();
    const widget = await import("/pkg/opportunity_matcher_portal.js");
    return { heap: widget.heapBytes(), projects, listHeap: b.structs + b.text + b.index };
  }, GENERATED);
  assert.equal(probe.projects, 2000);
  assert.ok(probe.heap > 0, "heapBytes() reads the widget's memory");
  assert.ok(((LOADS - BASELINE_AFTER) / 2) * probe.listHeap > MARGIN, `leaking each generated list (${probe.listHeap} bytes) after load ${BASELINE_AFTER} would exceed the margin`);

  const heap = [];
  for (let i = 1; i <= LOADS; i++) {
    const big = i % 2 === 1;
    await p.evaluate(([w, src]) => document.querySelector(w).setAttribute("src", src), [W, big ? GENERATED : "data/opportunity-list.json"]);
    // Loaded and ranked: the first result now comes from the new list (generated ids are `51-0000001`
    // style, the bundled list's `SC-0001`).
    await p.waitForFunction(
      ([w, pattern]) => {
        const ids = document.querySelector(w).handle?.resultIds() ?? [];
        const first = document.querySelector(w).shadowRoot.querySelector("[role=listitem][data-project-id]");
        return ids.length > 0 && new RegExp(pattern).test(ids[0]) && first?.getAttribute("data-project-id") === ids[0];
      },
      [W, big ? "^\\d\\d-\\d{7}$" : "^SC-\\d+$"],
    );
    heap.push(await p.evaluate(async () => (await import("/pkg/opportunity_matcher_portal.js")).heapBytes()));
  }

  const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
  t.diagnostic(`wasm memory: start ${mb(probe.heap)}, after load 1 ${mb(heap[0])}, after ${BASELINE_AFTER} ${mb(heap[BASELINE_AFTER - 1])}, after ${LOADS} ${mb(heap[LOADS - 1])}; one generated list ${mb(probe.listHeap)}`);
  assert.ok(
    heap[LOADS - 1] <= heap[BASELINE_AFTER - 1] + MARGIN,
    `wasm memory after ${LOADS} loads ${mb(heap[LOADS - 1])} > after ${BASELINE_AFTER} ${mb(heap[BASELINE_AFTER - 1])} + 16 MB; all: ${heap.map(mb).join(", ")}`,
  );
  // The widget still works on the last list.
  assert.equal(await p.locator(`${W} [role=listitem]`).first().getAttribute("data-project-id"), (await p.evaluate((w) => document.querySelector(w).handle.resultIds(), W))[0]);
  assert.deepEqual(problems, []);
  await context.close();
});
