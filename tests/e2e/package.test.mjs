// The npm package (`make package`, scripts/package.mjs) as a web team uses it: the tarball is
// installed offline into an empty project, an example in TypeScript that uses both entry points
// (the element and the Matcher API) is type-checked with `tsc` under strict settings (bundler and
// Node resolution), then compiled and run in Chromium from a served page. The declarations are kept
// true to the running wasm: every value the example collects is compared, key by key and type by
// type, with the interface the .d.ts declares for it (read with the TypeScript compiler API).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { launch, watch, ROOT, WWW } from "./helpers.mjs";
import { serve } from "../../scripts/serve.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "om-package-"));
const project = path.join(dir, "project");
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
let tarball, browser, server;

// The example a web team would write: both entry points, typed. The functions under `typeErrors`
// are never called: each line must be a type error (`@ts-expect-error` fails the check otherwise),
// so the declarations are shown to reject misuse, not just to accept everything.
const EXAMPLE = `import "opportunity-matcher";
import type { OpportunityMatcher, MatcherQuery, ResultsChangeDetail } from "opportunity-matcher";
import init, { Matcher, mount, prepare, suggestIndustry, suggestRegion, sectors, regionTree } from "opportunity-matcher/matcher";
import type { RankResponse, RankedProject, ProjectView, ListMeta, RejectedRow, LoadWarning, ListStats, RankQuery } from "opportunity-matcher/matcher";

export interface Sample {
  type: string;
  value: unknown;
}

async function run(): Promise<void> {
  await init();
  prepare();
  const text: string = await (await fetch("./projects.json")).text();
  const m: Matcher = Matcher.fromText(text, "projects.json");
  const query: RankQuery = { industry: "power battery", budget: "3 billion yuan", region: "Chengdu", keywords: "电池", top: 5, lang: "en" };
  const r: RankResponse = m.rank(query);
  const first: RankedProject = r.results[0];
  const view: ProjectView | null = m.project(first.index, "en");
  const meta: ListMeta = m.meta("en");
  const stats: ListStats = m.stats("zh-Hant");
  const vague: RankResponse = m.rank({ industry: "zzqx", region: "火星", budget: "很多钱", lang: "zh-Hans" });
  const bad = Matcher.fromText(await (await fetch("./bad-rows.csv")).text(), "bad-rows.csv");
  const rejected: RejectedRow[] = bad.rejected("en");
  const warnings: LoadWarning[] = bad.warnings("en");

  // The element, typed through HTMLElementTagNameMap.
  const el: OpportunityMatcher = document.createElement("opportunity-matcher");
  el.setAttribute("src", "./projects.json");
  el.setAttribute("lang", "en");
  document.body.append(el);
  await el.ready;
  const shown: string[] = el.handle?.resultIds() ?? [];

  // mount() into an element of the page's own.
  const host = document.createElement("div");
  document.body.append(host);
  const handle = mount(host, { lang: "zh-Hant", mode: "portal" });
  handle.loadText(text, "projects.json");

  // The host page's hooks (after mount(): a query set writes the page's address, which mount() reads): the query property and the element's events.
  let announced: ResultsChangeDetail | null = null;
  el.addEventListener("om-results-change", (e) => (announced = e.detail));
  el.query = { industry: "power battery", region: "Chengdu" };
  const typed: MatcherQuery = el.query;

  const samples: Sample[] = [
    { type: "RankResponse", value: r },
    { type: "RankResponse", value: vague },
    { type: "RankResponse", value: m.rank() },
    { type: "ProjectView", value: view },
    { type: "ListMeta", value: meta },
    { type: "ListStats", value: stats },
    { type: "RejectedRow[]", value: rejected },
    { type: "LoadWarning[]", value: warnings },
    { type: "IndustryItem[]", value: suggestIndustry("電池", "zh-Hant", 5) },
    { type: "RegionSuggestion[]", value: suggestRegion("成", "en", 8) },
    { type: "IndustryItem[]", value: sectors("en") },
    { type: "ProvinceItem[]", value: regionTree("en") },
    { type: "HeapBreakdown", value: m.heapBreakdown() },
  ];
  (window as unknown as { example: unknown }).example = {
    first: first.id,
    reasons: first.reasons.length,
    name: view?.name ?? null,
    length: m.length,
    indexOfFirst: m.indexOf(first.id),
    shown,
    typedIndustry: typed.industry,
    announcedIds: (announced as ResultsChangeDetail | null)?.ids ?? null,
    queriedIds: el.handle?.resultIds() ?? [],
    mountedLang: handle.lang,
    mountedIds: handle.resultIds().length,
    samples,
  };
  m.free();
  bad.free();
}

export function typeErrors(m: Matcher, el: OpportunityMatcher): void {
  // @ts-expect-error: a query is an object, not a string
  m.rank("动力电池");
  // @ts-expect-error: top is a number
  m.rank({ top: "5" });
  // @ts-expect-error: a score is a number
  const score: string = m.rank().results[0].score;
  // @ts-expect-error: no such field on a result
  m.rank().results[0].rank;
  // @ts-expect-error: project() may return null
  const name: string = m.project(0).name;
  // @ts-expect-error: the handle is null until the widget has started
  el.handle.resultIds();
  // @ts-expect-error: an event's ids are strings
  el.addEventListener("om-results-change", (e) => { const n: number = e.detail.ids[0]; void n; });
  // @ts-expect-error: the query's fields are strings
  el.query = { industry: 5 };
  // @ts-expect-error: rejections carry a reason object, not a string
  const reason: string = m.rejected()[0].reason;
  void [score, name, reason];
}

run().catch((e: unknown) => {
  (window as unknown as { example: unknown }).example = { error: String(e instanceof Error ? e.message : e) };
});
`;

// Rows that are rejected or warned about, each for another reason.
const BAD_ROWS = `项目编号,项目名称,所属行业,项目地点,总投资,链接,奇怪的列
B-1,电池项目,装备制造,成都市双流区,很多钱,https://example.org/b1,1
B-2,,装备制造,成都市,1亿元,,2
B-3,区级项目,装备制造,朝阳区,1亿元,,3
B-4,绵阳项目,装备制造,绵阳市,2亿元,,4
B-5,外地项目,装备制造,火星市,2亿元,,5
B-6,链接项目,装备制造,德阳市,3亿元,javascript:alert(1),6
B-4,重复的项目,装备制造,德阳市,2亿元,,7
`;

function tsconfig(moduleResolution, extra = {}) {
  const module = moduleResolution === "bundler" ? "ES2022" : "NodeNext";
  return {
    compilerOptions: {
      target: "ES2022",
      module,
      moduleResolution,
      lib: ["ES2022", "DOM", "DOM.Iterable", "ESNext.Disposable"],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
      ...extra,
    },
    files: ["example.ts"],
  };
}

function tsc(config) {
  const file = path.join(project, `tsconfig.${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  try {
    return execFileSync(process.execPath, [TSC, "-p", file], { cwd: project, encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    throw new Error(`tsc failed:\n${e.stdout}${e.stderr}`);
  } finally {
    rmSync(file, { force: true });
  }
}

before(async () => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/package.mjs"), "--www", WWW, "--out", dir, "--stage", path.join(dir, "stage")], { stdio: "pipe" });
  tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  mkdirSync(project);
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "portal-example", private: true, type: "module" }, null, 2));
  execFileSync("npm", ["install", path.join(dir, tarball), "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: project, stdio: "pipe" });
  writeFileSync(path.join(project, "example.ts"), EXAMPLE);
  writeFileSync(path.join(project, "bad-rows.csv"), BAD_ROWS);
  copyFileSync(path.join(WWW, "data/opportunity-list.json"), path.join(project, "projects.json"));
  // The page: an import map names the package's two entry points, as a site without a bundler does.
  const imports = { "opportunity-matcher": "./node_modules/opportunity-matcher/opportunity-matcher.js", "opportunity-matcher/matcher": "./node_modules/opportunity-matcher/pkg/opportunity_matcher.js" };
  writeFileSync(
    path.join(project, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>example</title><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module" src="./build/example.js"></script></head><body></body></html>`,
  );
  [browser, server] = await Promise.all([launch(), serve({ root: project, port: 0 })]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the tarball: package.json with exports, types, files and licence; the files it names", () => {
  const listing = execFileSync("tar", ["tzf", path.join(dir, tarball)], { encoding: "utf8" }).trim().split("\n").sort();
  const pkg = JSON.parse(readFileSync(path.join(project, "node_modules/opportunity-matcher/package.json"), "utf8"));
  assert.equal(pkg.name, "opportunity-matcher");
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  assert.equal(pkg.types, "./opportunity-matcher.d.ts");
  assert.deepEqual(Object.keys(pkg.exports).sort(), [".", "./matcher", "./package.json", "./pkg/opportunity_matcher_bg.wasm"]);
  assert.equal(pkg.exports["."].types, "./opportunity-matcher.d.ts");
  assert.equal(pkg.exports["./matcher"].types, "./pkg/opportunity_matcher.d.ts");
  assert.deepEqual(listing, [...pkg.files, "package.json"].map((f) => `package/${f}`).sort());
  assert.match(tarball, new RegExp(`^opportunity-matcher-${pkg.version.replace(/\./g, "\\.")}\\.tgz$`));
});

for (const resolution of ["bundler", "NodeNext"]) {
  test(`the example type-checks with tsc --noEmit (strict, moduleResolution ${resolution}), misuse included as errors`, () => {
    tsc(tsconfig(resolution));
  });
}

test("the declarations reject misuse: without @ts-expect-error the misuse lines fail the check", () => {
  const original = readFileSync(path.join(project, "example.ts"), "utf8");
  writeFileSync(path.join(project, "example.ts"), original.replaceAll("// @ts-expect-error", "// (expected error)"));
  try {
    assert.throws(() => tsc(tsconfig("bundler")), (e) => (e.message.match(/error TS/g) || []).length === 9);
  } finally {
    writeFileSync(path.join(project, "example.ts"), original);
  }
});

// ---- the declarations against the running wasm -----------------------------------------------------

/** The checker of the installed package's declarations (the example's program). */
function declarations() {
  const options = { ...tsconfig("bundler").compilerOptions, noEmit: true, lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.esnext.disposable.d.ts"] };
  options.module = ts.ModuleKind.ES2022;
  options.moduleResolution = ts.ModuleResolutionKind.Bundler;
  options.target = ts.ScriptTarget.ES2022;
  const program = ts.createProgram([path.join(project, "example.ts")], options);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(path.join(project, "node_modules/opportunity-matcher/pkg/opportunity_matcher.d.ts"));
  const types = new Map();
  ts.forEachChild(file, (node) => {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name) types.set(node.name.text, checker.getTypeAtLocation(node.name));
  });
  return { checker, types };
}

/** Where `value` does not fit `type`: keys not declared, declared keys missing, wrong kinds of value. */
function mismatches(checker, value, type, at, out) {
  const flags = type.flags;
  if (type.isUnion()) {
    const candidates = type.types.filter((t) => mismatches(checker, value, t, at, []).length === 0);
    if (candidates.length === 0) {
      // Report against the closest member (a discriminated union: the one whose `kind` matches).
      const byKind = value && typeof value === "object" && type.types.find((t) => {
        const kind = t.getProperty?.("kind");
        return kind && checker.typeToString(checker.getTypeOfSymbol(kind)) === JSON.stringify(value.kind);
      });
      if (byKind) mismatches(checker, value, byKind, at, out);
      else out.push(`${at}: ${JSON.stringify(value)?.slice(0, 80)} is none of ${checker.typeToString(type)}`);
    }
    return out;
  }
  if (flags & ts.TypeFlags.Null) return value === null ? out : (out.push(`${at}: expected null, got ${JSON.stringify(value)?.slice(0, 60)}`), out);
  if (flags & ts.TypeFlags.Undefined) return value === undefined ? out : (out.push(`${at}: expected undefined`), out);
  if (flags & ts.TypeFlags.StringLiteral) return value === type.value ? out : (out.push(`${at}: expected "${type.value}", got ${JSON.stringify(value)}`), out);
  if (flags & ts.TypeFlags.String) return typeof value === "string" ? out : (out.push(`${at}: expected a string, got ${JSON.stringify(value)?.slice(0, 60)}`), out);
  if (flags & ts.TypeFlags.Number) return typeof value === "number" ? out : (out.push(`${at}: expected a number, got ${JSON.stringify(value)?.slice(0, 60)}`), out);
  if (flags & ts.TypeFlags.BooleanLike) return typeof value === "boolean" ? out : (out.push(`${at}: expected a boolean, got ${JSON.stringify(value)}`), out);
  if (checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type);
    if (!Array.isArray(value) || value.length !== elements.length) return out.push(`${at}: expected a tuple of ${elements.length}`), out;
    elements.forEach((t, i) => mismatches(checker, value[i], t, `${at}[${i}]`, out));
    return out;
  }
  if (checker.isArrayType(type)) {
    if (!Array.isArray(value)) return out.push(`${at}: expected an array, got ${JSON.stringify(value)?.slice(0, 60)}`), out;
    const [element] = checker.getTypeArguments(type);
    value.forEach((v, i) => mismatches(checker, v, element, `${at}[${i}]`, out));
    return out;
  }
  if (flags & ts.TypeFlags.Object) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return out.push(`${at}: expected an object, got ${JSON.stringify(value)?.slice(0, 60)}`), out;
    const declared = new Map(checker.getPropertiesOfType(type).map((p) => [p.name, p]));
    for (const key of Object.keys(value)) if (!declared.has(key)) out.push(`${at}.${key}: returned but not declared`);
    for (const [name, symbol] of declared) {
      const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
      if (!(name in value)) {
        if (!optional) out.push(`${at}.${name}: declared but not returned`);
        continue;
      }
      mismatches(checker, value[name], checker.getTypeOfSymbol(symbol), `${at}.${name}`, out);
    }
    return out;
  }
  out.push(`${at}: cannot check against ${checker.typeToString(type)}`);
  return out;
}

test("the example runs in Chromium: the Matcher ranks, the element and mount() show results", async () => {
  tsc(tsconfig("bundler", { noEmit: false, outDir: "build" }));
  const page = await browser.newPage();
  const problems = watch(page);
  await page.goto(server.url);
  await page.waitForFunction(() => window.example, null, { timeout: 60_000 });
  const example = await page.evaluate(() => window.example);
  await page.close();
  assert.equal(example.error, undefined, example.error);
  assert.equal(example.first, "SC-0001");
  assert.equal(example.name, "Chengdu NEV Power Battery Supporting Industrial Park");
  assert.ok(example.reasons >= 3, "a reason per part");
  assert.equal(example.indexOfFirst, 0);
  assert.equal(example.length, JSON.parse(readFileSync(path.join(WWW, "data/opportunity-list.json"), "utf8")).projects.length);
  assert.equal(example.shown.length, 20, "the element shows a page of results");
  assert.equal(example.typedIndustry, "power battery", "the query property reads back what was set");
  assert.deepEqual(example.announcedIds, example.queriedIds, "om-results-change names the results of the query set");
  assert.equal(example.queriedIds[0], "SC-0001");
  assert.equal(example.mountedLang, "zh-Hant");
  assert.equal(example.mountedIds, 20);
  assert.deepEqual(problems, []);

  // Every value against its declaration.
  const { checker, types } = declarations();
  const found = [];
  const kinds = new Set();
  for (const { type, value } of example.samples) {
    const name = type.replace(/\[\]$/, "");
    assert.ok(types.has(name), `${name} is declared`);
    const values = type.endsWith("[]") ? value : [value];
    assert.ok(values.length > 0, `a ${name} to check`);
    for (const [i, v] of values.entries()) mismatches(checker, v, types.get(name), `${name}${type.endsWith("[]") ? `[${i}]` : ""}`, found);
    if (name === "RejectedRow") for (const v of values) kinds.add(v.reason.kind);
  }
  assert.deepEqual(found, [], "the values the wasm returns are what the .d.ts declares");
  assert.deepEqual([...kinds].sort(), ["ambiguous_region", "duplicate_id", "missing_name", "unknown_region", "unreadable_amount"], "the rejections checked cover the reasons");
});
