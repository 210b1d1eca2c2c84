#!/usr/bin/env node
// Deterministic synthetic sheets of investor leads, for the leads benchmarks (BENCHMARKS.md).
//
//   node scripts/gen-leads.mjs --list target/bench/list-2062.json --count 10000 --seed 1 --out target/bench/leads-10000.csv
//
// Leads are drawn from a list (the normalised JSON of scripts/gen-list.mjs, or any list in that
// form) so that what they ask for is what lists hold: a company name, an industry sought (a tag or
// the sector of a project, sometimes two), a main business (another tag), a budget around the
// project's amount written as officials write it (万元 figures under a 万元 header, 亿, ranges,
// sometimes missing), one or two preferred places (the project's city or province, or another
// project's), a contact. Same list, seed and count, same bytes. Everything is fictional.

import { readFileSync, writeFileSync } from "node:fs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const listPath = opt("list", null);
const count = Number(opt("count", "10000"));
let seed = Number(opt("seed", "1"));
const out = opt("out", null);
if (!listPath || !Number.isInteger(count) || count < 0) {
  console.error("usage: gen-leads.mjs --list LIST.json [--count N] [--seed S] [--out FILE]");
  process.exit(2);
}

// mulberry32: small, seeded, the same everywhere.
function random() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(random() * a.length)];

const doc = JSON.parse(readFileSync(listPath, "utf8"));
const projects = (Array.isArray(doc) ? doc : doc.projects).filter((p) => p && p.name);
if (projects.length === 0) {
  console.error(`gen-leads.mjs: ${listPath} holds no projects`);
  process.exit(1);
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
const FIRMS = ["科技", "实业", "集团", "股份", "控股", "新材料", "智能", "能源", "生物", "食品", "装备", "数据"];
const PLACES = ["华东", "华南", "蓉城", "江淮", "岭南", "渝州", "齐鲁", "燕赵", "荆楚", "湖湘", "闽南", "秦川"];

/** The city (or province) part of a place written as a path: `四川省成都市双流区` → `成都市`. */
function cityOf(place) {
  const m = /^(.*?(?:省|自治区|市))(.*?(?:市|州|盟|地区))?/.exec(place || "");
  if (!m) return place || "";
  return m[2] && random() < 0.7 ? m[2] : m[1];
}

/** Yuan of an amount as gen-list writes it, roughly (`30亿元`, `5000万元`, `1-5亿元`, bare yuan). */
function yuanOf(text) {
  const m = /([\d.]+)(?:-[\d.]+)?\s*(亿|万)?/.exec(String(text || ""));
  if (!m) return 0;
  return Number(m[1]) * (m[2] === "亿" ? 1e8 : m[2] === "万" ? 1e4 : 1);
}

function budgetText(yuan) {
  if (!yuan || random() < 0.1) return "";
  const wan = Math.max(100, Math.round((yuan * (0.5 + random())) / 1e4 / 100) * 100);
  const r = random();
  if (r < 0.6) return String(wan); // under the 万元 header
  if (r < 0.85) return `${(wan / 1e4).toFixed(wan >= 1e5 ? 0 : 1)}亿元`;
  return `${Math.round(wan / 2e4) || 1}-${Math.round(wan / 5e3) || 2}亿`;
}

const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const lines = ["线索编号,企业名称,主营业务,意向行业,投资意向金额（万元）,意向地区,联系人,联系电话,备注"];
for (let i = 0; i < count; i++) {
  const p = pick(projects);
  const tags = Array.isArray(p.tags) ? p.tags : [];
  const industry = tags.length && random() < 0.7 ? pick(tags) : p.sector || pick(tags) || "";
  const business = tags.length && random() < 0.5 ? pick(tags) : "";
  let region = random() < 0.15 ? "" : cityOf(p.region);
  if (region && random() < 0.2) region = `${region}、${cityOf(pick(projects).region)}`;
  const budget = budgetText(yuanOf(p.seeking || p.investment));
  const company = `${pick(PLACES)}${pick(FIRMS)}${i + 1}号有限公司`;
  const contact = `${pick(SURNAMES)}先生`;
  const phone = `139${String(10000000 + i).padStart(8, "0")}`;
  lines.push([`L${String(i + 1).padStart(6, "0")}`, company, business, industry, budget, region, contact, phone, ""].map(quote).join(","));
}
const text = lines.join("\n") + "\n";
if (out) writeFileSync(out, text);
else process.stdout.write(text);
