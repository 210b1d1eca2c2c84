// The browser benchmark (BENCHMARKS.md): one workload per page load, the result left in
// `window.benchResult` for scripts/bench.mjs, which serves /bench-data/ (lists, queries) and
// /vendor/ (Fuse.js, MiniSearch) next to www/.
//
//   bench.html?n=100000&engine=om-json|om-compact|fuse|minisearch&runs=5&budget=60
//
// Times are from the list in memory (text or bytes) to a matcher that answers; for
// opportunity-matcher the one-time parsing of the reference data is timed before, as `initMs`.
// opportunity-matcher: time to queryable from a JSON file's bytes (Matcher.fromBytes, as a page loads a list) or from the compact form
// (Matcher.fromCompact), wasm heap after loading, rank latency (top 20 with reasons, the result as
// a JS object) over the 60 queries of benches/queries.json. Fuse.js and MiniSearch: the same lists
// and queries, configured as a web developer would for the same fields, budget and region applied
// as a post-filter. `budget` (seconds) bounds the query runs of slow engines: the queries done by
// then are reported, with their count.

import { FUSE_OPTIONS, textOf, topResults, withAmounts } from "./bench-common.js";

const params = new URLSearchParams(location.search);
const n = Number(params.get("n") || 2062);
const engine = params.get("engine") || "om-compact";
const runs = Number(params.get("runs") || 5);
const budgetMs = Number(params.get("budget") || 60) * 1000;
const out = document.getElementById("out");
const now = () => performance.now();

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
}

async function jsHeap() {
  if (typeof gc === "function") gc();
  await new Promise((r) => setTimeout(r, 50));
  return performance.memory ? performance.memory.usedJSHeapSize : null;
}

/** Runs `rank(q)` over the queries: a warm-up pass, then `runs` passes (or until the budget). */
function timeQueries(queries, rank) {
  // Warm-up: one pass, cut short after a quarter of the budget (slow engines at a million).
  const warm = now();
  for (const q of queries) {
    rank(q);
    if (now() - warm > budgetMs / 4) break;
  }
  const times = [];
  const start = now();
  let counts = [];
  outer: for (let r = 0; r < runs; r++) {
    for (const q of queries) {
      const t = now();
      const res = rank(q);
      times.push(now() - t);
      if (r === 0) counts.push(res);
      if (now() - start > budgetMs) break outer;
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1], samples: times.length, counts };
}

// ---- what a web developer writes around a general-purpose search library (bench-common.js) ------

/** Results of a text search (best first), post-filtered, top 20; without text, the list order. */
function top20(projects, hits, q) {
  return topResults(projects, hits, q, 20).length;
}

/** CJK bigrams (a lone CJK character alone) and Latin words, lower case: MiniSearch's tokenizer. */
function bigrams(text) {
  const tokens = [];
  for (const run of String(text).toLowerCase().match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) || []) {
    if (/^[a-z0-9]/.test(run)) tokens.push(run);
    else if (run.length === 1) tokens.push(run);
    else for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}

// ---- engines --------------------------------------------------------------------------------------

async function runOM(queries, compact) {
  const glue = await import("./pkg/opportunity_matcher.js");
  await glue.default();
  // The reference data (gazetteer, taxonomy) is parsed on first use; a page does that while the
  // list downloads (type-ahead needs it too), so it is timed apart from making the list queryable.
  let t0 = now();
  glue.sectors("en");
  glue.suggestRegion("成都", "en", 1);
  const initMs = now() - t0;
  const heapAtStart = glue.heapBytes();
  const res = await fetch(`/bench-data/list-${n}.${compact ? "oml" : "json"}`);
  let m, loadMs, inputBytes;
  if (compact) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    inputBytes = bytes.length;
    const t = now();
    m = glue.Matcher.fromCompact(bytes);
    loadMs = now() - t;
  } else {
    // As a page gets a list file (the widget's `src`, a kiosk drop): its bytes, read by the one
    // path every page uses (`Matcher.fromBytes`).
    const bytes = new Uint8Array(await res.arrayBuffer());
    inputBytes = bytes.length;
    const t = now();
    m = await glue.Matcher.fromBytes(bytes, "list.json", "en");
    loadMs = now() - t;
  }
  const projects = m.length;
  const wasmHeap = glue.heapBytes();
  const breakdown = m.heapBreakdown();
  const lang = (q) => ([q.industry, q.region].filter(Boolean).every((t) => /^[\x00-\x7f]*$/.test(t)) ? "en" : "zh-Hans");
  const timing = timeQueries(queries, (q) => m.rank({ ...q, top: 20, lang: lang(q), today: "2026-11-01" }).results.length);
  return { projects, initMs, loadMs, inputBytes, wasmHeap, heapAtStart, breakdown, jsHeap: await jsHeap(), ...timing };
}

async function runFuse(queries) {
  const { default: Fuse } = await import("/vendor/fuse.js/dist/fuse.mjs");
  const text = await (await fetch(`/bench-data/list-${n}.json`)).text();
  const t = now();
  const projects = withAmounts(JSON.parse(text).projects);
  const fuse = new Fuse(projects, FUSE_OPTIONS);
  const loadMs = now() - t;
  const timing = timeQueries(queries, (q) => {
    const text = textOf(q);
    const hits = text ? fuse.search(text).map((r) => r.refIndex) : null;
    return top20(projects, hits, q);
  });
  return { projects: projects.length, loadMs, jsHeap: await jsHeap(), ...timing };
}

async function runMiniSearch(queries) {
  const { default: MiniSearch } = await import("/vendor/minisearch/dist/es/index.js");
  const text = await (await fetch(`/bench-data/list-${n}.json`)).text();
  const t = now();
  const projects = withAmounts(JSON.parse(text).projects);
  const ms = new MiniSearch({
    fields: ["name", "name_en", "sector", "tags", "description"],
    idField: "_i",
    extractField: (doc, field) => (field === "tags" ? (doc.tags || []).join(" ") : doc[field]),
    tokenize: bigrams,
    processTerm: (t) => t,
    searchOptions: { boost: { name: 3, tags: 2, sector: 2 }, combineWith: "OR" },
  });
  projects.forEach((p, i) => (p._i = i));
  ms.addAll(projects);
  const loadMs = now() - t;
  const timing = timeQueries(queries, (q) => {
    const text = textOf(q);
    const hits = text ? ms.search(text).map((r) => r.id) : null;
    return top20(projects, hits, q);
  });
  return { projects: projects.length, loadMs, jsHeap: await jsHeap(), ...timing };
}

async function main() {
  const queries = (await (await fetch("/bench-data/queries.json")).json()).queries;
  const run = { "om-json": () => runOM(queries, false), "om-compact": () => runOM(queries, true), fuse: () => runFuse(queries), minisearch: () => runMiniSearch(queries) }[engine];
  if (!run) throw new Error(`unknown engine ${engine}`);
  const result = { n, engine, runs, queries: queries.length, ...(await run()) };
  delete result.counts;
  return result;
}

main().then(
  (r) => {
    window.benchResult = r;
    out.textContent = JSON.stringify(r, null, 2);
  },
  (e) => {
    window.benchResult = { n, engine, error: String(e && e.message ? e.message : e) };
    out.textContent = "error: " + window.benchResult.error;
  },
);
