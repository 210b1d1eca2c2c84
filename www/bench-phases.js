// Where the widget's first result spends its time (scripts/bench-phone.mjs --phases): the steps
// of www/opportunity-matcher.js done one at a time and timed, under the same throttling as the
// phone benchmark. The wasm and the list download together, as on the page; then, on the main
// thread: instantiate, the reference data's one-time init (gazetteer, taxonomy, folding table),
// the list parsed and indexed alone (Matcher.fromText / fromCompact, dropped again), the widget
// mounted (the form), the list shown (loadText / loadCompact: parse + index + rank + render), the
// paint. The result is left in `window.phases`.

import { isGzip, gunzip } from "./opportunity-matcher.js";

const src = new URLSearchParams(location.search).get("src") || "data/opportunity-list.json";
const now = () => performance.now();
const phases = {};
const time = (name, f) => {
  const t = now();
  const v = f();
  phases[name] = now() - t;
  return v;
};

async function main() {
  const wasmUrl = new URL("./pkg/opportunity_matcher_bg.wasm", import.meta.url);
  const compiled = fetch(wasmUrl).then(async (r) => {
    const module = await WebAssembly.compileStreaming(r);
    phases.compiled = now();
    return module;
  });
  const list = fetch(src).then(async (r) => {
    let buffer = await r.arrayBuffer();
    phases.listDownloaded = now();
    if (isGzip(buffer)) buffer = await gunzip(buffer);
    return buffer;
  });
  const glue = await import("./pkg/opportunity_matcher.js");
  const module = await compiled;
  let t = now();
  await glue.default({ module_or_path: module });
  phases.instantiate = now() - t;
  const wasmEntry = performance.getEntriesByName(wasmUrl.href)[0];
  phases.wasmDownloaded = wasmEntry ? wasmEntry.responseEnd : null;

  time("init", () => {
    glue.sectors("zh-Hans");
    glue.suggestRegion("成都", "zh-Hans", 1);
    glue.suggestIndustry("动力", "zh-Hans", 1);
  });
  const buffer = await list;
  const compact = new Uint8Array(buffer, 0, 6).every((b, i) => b === "OMLIST".charCodeAt(i));
  const text = compact ? null : new TextDecoder().decode(buffer);
  time("parseIndex", () => (compact ? glue.Matcher.fromCompact(new Uint8Array(buffer)) : glue.Matcher.fromText(text, "list.json")).free());

  const host = document.getElementById("host");
  const handle = time("mount", () => glue.mount(host.attachShadow({ mode: "open" }), { lang: "zh-Hans" }));
  time("show", () => (compact ? handle.loadCompact(new Uint8Array(buffer)) : handle.loadText(text, "list.json")));
  phases.showMinusParse = phases.show - phases.parseIndex;
  t = now();
  await new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    }),
  );
  phases.paint = now() - t;
  phases.total = now();
  phases.cards = host.shadowRoot.querySelectorAll("[role=listitem]").length;
}

main().then(
  () => {
    window.phases = phases;
    document.getElementById("out").textContent = JSON.stringify(phases, null, 2);
  },
  (e) => {
    window.phases = { error: String(e && e.message ? e.message : e) };
    document.getElementById("out").textContent = window.phases.error;
  },
);
