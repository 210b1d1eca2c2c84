#!/usr/bin/env node
// Two builds of the wasm API side by side in one tab, for a change at the JavaScript boundary
// (BENCHMARKS.md, "Values across the boundary"): both load the same list, then the 60 queries of
// benches/queries.json are ranked by A and by B in alternation (A first in even rounds, B first in
// odd ones), so that both see the same machine load. Reports p50/p95 of `m.rank(query)` (top 20
// and top 100: the whole call, the response arriving as a JS object) and of `m.project(i)` for
// each build, and the median of the paired differences.
//
//   node scripts/bench-boundary.mjs A_PKG_DIR B_PKG_DIR [--n 2062] [--rounds 30]
//
// Reports, never gates.

import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const [a, b] = args.filter((x, i) => !x.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")));
if (!a || !b) {
  console.error("usage: bench-boundary.mjs A_PKG_DIR B_PKG_DIR [--n 2062] [--rounds 30]");
  process.exit(2);
}
const n = Number(opt("n", "2062"));
const rounds = Number(opt("rounds", "30"));
const list = path.join(root, `target/bench/list-${n}.oml`);
if (!existsSync(list)) {
  console.error(`bench-boundary.mjs: ${path.relative(root, list)} is missing; \`make bench\` (or scripts/bench-phone.mjs) writes it`);
  process.exit(2);
}

const server = await serve({
  root: path.join(root, "www"),
  port: 0,
  mounts: [["/a/", path.resolve(a)], ["/b/", path.resolve(b)], ["/list.oml", list], ["/queries.json", path.join(root, "benches/queries.json")]],
  // Cross-origin isolation: performance.now() at 5 µs instead of 100 µs.
  headers: { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" },
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--js-flags=--expose-gc"] });
const page = await browser.newPage();
await page.goto(server.url + "favicon.svg");
const result = await page.evaluate(
  async ({ rounds }) => {
    const now = () => performance.now();
    const bytes = new Uint8Array(await (await fetch("/list.oml")).arrayBuffer());
    const queries = (await (await fetch("/queries.json")).json()).queries;
    const builds = [];
    for (const p of ["/a/", "/b/"]) {
      const glue = await import(`${p}opportunity_matcher.js`);
      await glue.default({ module_or_path: `${p}opportunity_matcher_bg.wasm` });
      builds.push({ glue, m: glue.Matcher.fromCompact(bytes), times: { top20: [], top100: [], project: [] } });
    }
    const lang = (q) => ([q.industry, q.region].filter(Boolean).every((t) => /^[\x00-\x7f]*$/.test(t)) ? "en" : "zh-Hans");
    const run = (build, q, top) => {
      const t = now();
      build.m.rank({ ...q, top, lang: lang(q), today: "2026-11-01" });
      return now() - t;
    };
    // Warm-up: every query once on each build (tier-up of the hot functions).
    for (const build of builds) for (const q of queries) run(build, q, 100);
    const diffs = { top20: [], top100: [], project: [] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? [1, 0] : [0, 1];
      for (const q of queries) {
        for (const top of [20, 100]) {
          const t = [0, 0];
          for (const i of order) t[i] = run(builds[i], q, top);
          builds[0].times[`top${top}`].push(t[0]);
          builds[1].times[`top${top}`].push(t[1]);
          diffs[`top${top}`].push(t[1] - t[0]);
        }
        const index = (r * 7919 + queries.indexOf(q) * 104729) % builds[0].m.length;
        const t = [0, 0];
        for (const i of order) {
          const s = now();
          builds[i].m.project(index, "en");
          t[i] = now() - s;
        }
        builds[0].times.project.push(t[0]);
        builds[1].times.project.push(t[1]);
        diffs.project.push(t[1] - t[0]);
      }
    }
    const pct = (v, p) => {
      const s = v.slice().sort((x, y) => x - y);
      return s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
    };
    const out = {};
    for (const k of ["top20", "top100", "project"]) {
      out[k] = { a: { p50: pct(builds[0].times[k], 0.5), p95: pct(builds[0].times[k], 0.95) }, b: { p50: pct(builds[1].times[k], 0.5), p95: pct(builds[1].times[k], 0.95) }, medianDiff: pct(diffs[k], 0.5), samples: diffs[k].length };
    }
    return out;
  },
  { rounds },
);
await browser.close();
await server.close();

const f = (v) => v.toFixed(3);
const gz = (dir) => {
  const sizes = ["opportunity_matcher_bg.wasm", "opportunity_matcher.js"].map((file) => {
    const p = path.join(dir, file);
    return { raw: statSync(p).size, gz: Number(execFileSync("bash", ["-c", `gzip -9 -c '${p}' | wc -c`], { encoding: "utf8" })) };
  });
  return sizes.reduce((x, s) => ({ raw: x.raw + s.raw, gz: x.gz + s.gz }), { raw: 0, gz: 0 });
};
const [sa, sb] = [gz(a), gz(b)];
console.log(`A = ${a}, B = ${b}; ${n} projects (compact), ${rounds} rounds of the 60 queries, alternating\n`);
console.log("| call | A p50 ms | A p95 ms | B p50 ms | B p95 ms | median B − A ms | samples |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const [k, label] of [["top20", "rank, top 20"], ["top100", "rank, top 100"], ["project", "project(i)"]]) {
  const r = result[k];
  console.log(`| ${label} | ${f(r.a.p50)} | ${f(r.a.p95)} | ${f(r.b.p50)} | ${f(r.b.p95)} | ${r.medianDiff >= 0 ? "+" : ""}${f(r.medianDiff)} | ${r.samples} |`);
}
console.log(`\nwasm + glue: A ${(sa.raw / 1024).toFixed(1)} KB raw, ${(sa.gz / 1024).toFixed(1)} KB gzipped; B ${(sb.raw / 1024).toFixed(1)} KB raw, ${(sb.gz / 1024).toFixed(1)} KB gzipped (${sb.gz >= sa.gz ? "+" : ""}${((sb.gz - sa.gz) / 1024).toFixed(1)} KB)`);
