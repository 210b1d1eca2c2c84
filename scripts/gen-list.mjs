#!/usr/bin/env node
// Deterministic synthetic opportunity lists of any size, for benchmarks (BENCHMARKS.md).
//
//   node scripts/gen-list.mjs --count 100000 --seed 1 > /tmp/list-100k.json
//   node scripts/gen-list.mjs --count 2062 --province 51 --out target/bench/list-2062.json
//
// Options: --count N (default 2062) · --seed S (default 1) · --province CODE (two-digit or
// six-digit code: only places in that province, like one province's own list) · --out FILE
// (default stdout).
//
// Same seed and options, same bytes. The spread is meant to look like a national list merged from
// provincial ones: places are drawn from the gazetteer (data/regions.tsv), provinces weighted by
// their number of counties, written as full paths, city + county, a city alone, a development zone
// or a province; industries from data/taxonomy.json with a skewed popularity, sectors written as
// publishers write them (label, a synonym, sometimes missing), tags from the node, its parent,
// siblings and chains; amounts log-normal around a few 亿 in the forms officials use (亿元, 万元,
// ranges, bare yuan, sometimes missing); descriptions of one to three sentences; the optional fields
// filled at about the rates of published lists. Everything is fictional (example.org contacts).
//
// Output is the normalised JSON form (`{"format": "opportunity-list/1", ..., "projects": [...]}`),
// one project a line, written as it is generated (a million projects need no big string).

import { readFileSync, createWriteStream } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---- options ----------------------------------------------------------------------------------
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const count = Number(opt("count", "2062"));
const seed = Number(opt("seed", "1"));
const provinceOpt = opt("province", null);
const outPath = opt("out", null);
if (!Number.isInteger(count) || count < 0 || !Number.isFinite(seed)) {
  console.error("usage: gen-list.mjs [--count N] [--seed S] [--province CODE] [--out FILE]");
  process.exit(2);
}

// ---- seeded PRNG (splitmix32 seeding, sfc32) ---------------------------------------------------
function makeRng(s) {
  let x = s >>> 0;
  const split = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const rnd = makeRng(seed * 2654435761 + 12345);
const chance = (p) => rnd() < p;
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const normal = () => {
  const u = Math.max(rnd(), 1e-12), v = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};
/** Cumulative weights → picker. */
function weighted(items, weightOf) {
  const cum = [];
  let total = 0;
  for (const it of items) cum.push((total += weightOf(it)));
  return () => {
    const r = rnd() * total;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > r) hi = mid; else lo = mid + 1;
    }
    return items[lo];
  };
}
const sample = (arr, k) => {
  const copy = arr.slice();
  const out = [];
  while (out.length < k && copy.length) out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0]);
  return out;
};

// ---- gazetteer (data/regions.tsv) --------------------------------------------------------------
const regionsText = readFileSync(path.join(root, "data/regions.tsv"), "utf8");
const pinyinOf = new Map();
const regions = [];
const byCode = new Map();
let prefix4 = "";
for (const line of regionsText.split("\n")) {
  if (!line || line.startsWith("#") || line.startsWith("~")) continue;
  if (line.startsWith("^")) {
    for (const part of line.slice(1).split(" ")) {
      const m = part.match(/^([a-z]+)(.*)$/);
      if (m) for (const ch of m[2]) if (!pinyinOf.has(ch)) pinyinOf.set(ch, m[1]);
    }
    continue;
  }
  const cells = line.split("\t");
  let code = cells[0];
  if (code.length === 6) prefix4 = code.slice(0, 4);
  else code = prefix4 + code;
  const name = cells[1];
  const short = cells[5] || (name.length > 2 ? name.slice(0, -1) : name);
  const pinyin = cells[4] || [...short].map((c) => pinyinOf.get(c) || "").join("");
  const english = cells[6] || "";
  const level = code.endsWith("0000") ? "province" : code.endsWith("00") ? "city" : Number(code.slice(4)) >= 71 && Number(code.slice(4)) <= 80 ? "zone" : "county";
  const r = { code, name, short, pinyin, english, level, children: [] };
  regions.push(r);
  byCode.set(code, r);
}
for (const r of regions) {
  if (r.level === "province") continue;
  const city = byCode.get(r.code.slice(0, 4) + "00");
  const parent = r.level !== "city" && city ? city : byCode.get(r.code.slice(0, 2) + "0000");
  r.parent = parent;
  parent.children.push(r);
}
const capital = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const englishOf = (r) => r.english || capital(r.pinyin);
const provinceOf = (r) => (r.level === "province" ? r : provinceOf(r.parent));

// Mainland provinces (no synthetic Taiwan/Hong Kong/Macau codes), or the one asked for.
let provinces = regions.filter((r) => r.level === "province" && !["71", "81", "82"].includes(r.code.slice(0, 2)));
if (provinceOpt) {
  const want = provinceOpt.length === 2 ? provinceOpt + "0000" : provinceOpt;
  provinces = provinces.filter((p) => p.code === want || p.name === provinceOpt || p.short === provinceOpt);
  if (!provinces.length) {
    console.error(`gen-list.mjs: no province ${provinceOpt}`);
    process.exit(2);
  }
}
const descendants = (r) => r.children.flatMap((c) => [c, ...descendants(c)]);
const pickProvince = weighted(provinces, (p) => descendants(p).filter((d) => d.level === "county").length + 5);
const cityPickers = new Map();
const pickCity = (p) => {
  if (!cityPickers.has(p.code)) {
    const cities = p.children.filter((c) => c.level === "city");
    cityPickers.set(p.code, cities.length ? weighted(cities, (c) => c.children.length + 2) : () => p);
  }
  return cityPickers.get(p.code)();
};

/** A place and the text a publisher writes for it. */
function place() {
  const p = pickProvince();
  const city = pickCity(p);
  const counties = city.children.filter((c) => c.level === "county");
  const zones = city.children.filter((c) => c.level === "zone");
  const municipality = city.name === p.name;
  const cityPath = municipality ? p.name : p.name + city.name;
  const r = rnd();
  if ((r < 0.7 || (r >= 0.92 && !zones.length)) && counties.length) {
    const county = pick(counties);
    const text = chance(0.8) ? cityPath + county.name : municipality ? p.name + county.name : city.name + county.name;
    return { text, province: p, city, local: county };
  }
  if (r < 0.88 || (!zones.length && r < 0.97)) return { text: cityPath, province: p, city, local: city };
  if (r < 0.97 && zones.length) {
    const zone = pick(zones);
    return { text: (municipality ? p.name : city.name) + zone.name, province: p, city, local: zone };
  }
  return { text: p.name, province: p, city: null, local: p };
}

// ---- taxonomy (data/taxonomy.json) -------------------------------------------------------------
const taxonomy = JSON.parse(readFileSync(path.join(root, "data/taxonomy.json"), "utf8"));
const nodes = taxonomy.nodes;
const byKey = new Map(nodes.map((n) => [n.key, n]));
const sectorOf = (n) => (n.kind === "sector" ? n : sectorOf(byKey.get(n.parent)));
const cjk = (s) => /^[\u3400-\u9fff]+$/.test(s);
const synonyms = (n) => (n.syn || []).filter((s) => !s.startsWith("=") && cjk(s) && s.length >= 2);
const industries = nodes.filter((n) => n.kind !== "sector");
// Popularity: a fixed, skewed weight per industry (a few industries dominate real lists).
const popularity = new Map(industries.map((n, i) => [n.key, 0.3 + 3 / (1 + ((i * 7919) % industries.length) / 6)]));
const pickIndustry = weighted(industries, (n) => popularity.get(n.key));

const SUFFIX = {
  default: [["产业园", "Industrial Park"], ["生产基地", "Production Base"], ["建设项目", "Construction"], ["扩能改造", "Capacity Expansion"], ["产业化", "Industrialisation"], ["研发及产业化", "R&D and Industrialisation"], ["配套产业园", "Supporting Park"], ["智能制造基地", "Smart Manufacturing Base"], ["产业集群", "Industry Cluster"], ["示范基地", "Demonstration Base"]],
  services: [["综合体", "Complex"], ["中心", "Centre"], ["产业园", "Park"], ["提升项目", "Upgrade"], ["运营项目", "Operation"], ["示范区", "Demonstration Zone"]],
  agri: [["种植基地", "Planting Base"], ["示范园", "Demonstration Park"], ["精深加工", "Deep Processing"], ["产业园", "Industrial Park"], ["标准化基地", "Standard Base"]],
  infra: [["建设项目", "Construction"], ["PPP项目", "PPP Project"], ["提升改造", "Upgrade"], ["工程", "Works"]],
};
const COOPERATION = ["独资", "合资", "合作", "PPP", "股权合作", "特许经营", "BOT", "租赁", "EPC"];
const STAGE = ["策划", "前期", "在谈", "储备", "已签约", "可研", "立项"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
const OPENERS = [
  (c, l, t) => `依托${c}${l}产业基础，建设${t}生产线及配套设施。`,
  (c, l, t) => `项目拟在${c}新建${l}项目，主要建设${t}研发中心、生产厂房及仓储物流设施。`,
  (c, l, t) => `围绕${c}${l}产业链补链强链，引进${t}龙头企业。`,
  (c, l, t) => `规划建设${t}产业化基地，打造${c}${l}产业集群。`,
  (c, l, t) => `利用${c}现有园区标准厂房，发展${t}等${l}细分领域。`,
];
const MIDDLES = [
  (l, t, n) => `达产后年产${t}约${n}万件（套），实现年销售收入${n * 2}亿元。`,
  (l, t, n) => `项目分${int(2, 3)}期建设，一期用地约${n * 10}亩，建设期${int(2, 4)}年。`,
  (l, t, n) => `当地${l}上下游企业${n * 3}余家，原材料和配套供应充足。`,
  (l, t, n) => `区域内交通便利，距高速公路出口${n}公里，具备铁路专用线接入条件。`,
  (l, t, n) => `可与区内${t}企业形成配套，带动就业${n * 100}人。`,
];
const CLOSERS = ["欢迎有实力的企业投资合作。", "拟引进战略投资者共同建设。", "土地、能评、环评等前期工作已启动。", "已纳入省重点项目储备库。", ""];
const BENEFITS = [
  (l) => `${l}市场需求持续增长，项目投产后具有稳定的市场空间和较好的经济效益。`,
  (l) => `区域${l}产业配套完善，物流成本低，投资回报稳定。`,
  (l) => `项目符合国家产业政策，预计投资回收期较短，社会效益显著。`,
];
const POLICIES = ["享受西部大开发15%企业所得税优惠。", "按设备投资额给予最高10%的补助。", "前三年租金减免，人才公寓优先保障。", "一事一议，给予土地、税收等综合支持。"];

// ---- amounts ---------------------------------------------------------------------------------
/** An amount in yuan, log-normal around 5亿, rounded the way officials round. */
function amountYuan(scale = 1) {
  const wan = Math.exp(Math.log(50000) + 1.25 * normal()) * scale; // in 万元
  if (wan >= 10000) return Math.max(1, Math.round(wan / 1000)) * 1000 * 10000; // 0.1亿
  if (wan >= 1000) return Math.round(wan / 100) * 100 * 10000;
  return Math.max(10, Math.round(wan / 10) * 10) * 10000;
}
function amountText(yuan) {
  const r = rnd();
  if (r < 0.1) return yuan; // a bare number in yuan (JSON number)
  const wan = yuan / 10000;
  if (wan >= 10000) {
    const yi = wan / 10000;
    const s = Number.isInteger(yi) ? String(yi) : yi.toFixed(1);
    return r < 0.15 ? `${s}億元` : r < 0.2 ? `${s}亿` : `${s}亿元`;
  }
  return r < 0.15 ? `${wan}萬元` : `${wan}万元`;
}
function rangeText(yuan) {
  const wan = yuan / 10000;
  if (wan >= 10000) {
    const lo = Math.max(1, Math.round(wan / 10000));
    return `${lo}-${lo * 2}亿元`;
  }
  return `${Math.max(10, Math.round(wan / 2))}-${Math.round(wan)}万元`;
}
const date = () => {
  const day = int(0, 365 * 3 + 300); // 2023-01-01 … 2026-10-28
  const d = new Date(Date.UTC(2023, 0, 1) + day * 86400000);
  return d.toISOString().slice(0, 10);
};

// ---- one project ---------------------------------------------------------------------------------
function project(i) {
  const where = place();
  const node = pickIndustry();
  const sector = sectorOf(node);
  const parent = byKey.get(node.parent);
  const siblings = industries.filter((n) => n.parent === node.parent && n !== node);
  const chains = (node.chains || []).map((k) => byKey.get(k)).filter(Boolean);
  const nodeWord = chance(0.75) || !synonyms(node).length ? node["zh-Hans"] : pick(synonyms(node));
  const cityShort = (where.city || where.province).short;
  const localShort = where.local.level === "county" && chance(0.4) ? where.local.short : "";
  const suffixes = SUFFIX[sector.key] || SUFFIX.default;
  const [suffix, suffixEn] = pick(suffixes);
  const p = {};
  p.id = `${where.province.code.slice(0, 2)}-${String(i + 1).padStart(7, "0")}`;
  p.name = `${cityShort}${localShort}${chance(0.25) ? pick(["年产", "新建", "高端", "绿色", "数字化"]) : ""}${nodeWord}${suffix}${chance(0.6) && !suffix.endsWith("项目") ? "项目" : ""}`;
  if (chance(0.35)) p.name_en = `${englishOf(where.city || where.province)} ${node.en} ${suffixEn}`;
  const sr = rnd();
  if (sr < 0.78) p.sector = sector["zh-Hans"];
  else if (sr < 0.9 && synonyms(sector).length) p.sector = pick(synonyms(sector));
  else if (sr < 0.96) p.sector = parent && parent !== sector ? parent["zh-Hans"] : sector["zh-Hans"];
  // else: no sector (a warning, as in real lists)
  const tagPool = [node["zh-Hans"], ...synonyms(node).slice(0, 4)];
  if (parent && parent !== sector) tagPool.push(parent["zh-Hans"]);
  for (const s of sample(siblings, 2)) tagPool.push(s["zh-Hans"]);
  for (const c of chains) tagPool.push(c["zh-Hans"]);
  const tags = [...new Set([node["zh-Hans"], ...sample(tagPool.slice(1), int(0, 3))])];
  if (chance(0.9)) p.tags = tags;
  p.region = where.text;
  if (chance(0.3)) p.park = `${cityShort}${pick(["经济技术开发区", "高新技术产业开发区", "工业园区", "产业园", "现代农业园区", "物流园区"])}`;
  const inv = amountYuan(sector.key === "infra" ? 3 : 1);
  const ar = rnd();
  if (ar < 0.05) { /* not published */ }
  else if (ar < 0.1) p.investment = rangeText(inv);
  else p.investment = amountText(inv);
  if (ar >= 0.05 && chance(0.35)) p.seeking = amountText(Math.max(100000, Math.round((inv * (0.3 + 0.5 * rnd())) / 1e6) * 1e6));
  p.cooperation = sample(COOPERATION.slice(0, chance(0.8) ? 4 : COOPERATION.length), int(1, 3));
  if (chance(0.7)) p.stage = pick(STAGE);
  if (chance(0.45)) p.land_mu = int(1, 200) * 10;
  const label = sector["zh-Hans"];
  const tagWord = pick(tags);
  const n = int(2, 30);
  let desc = pick(OPENERS)(cityShort, node["zh-Hans"], tagWord);
  for (let k = int(0, 2); k > 0; k--) desc += pick(MIDDLES)(label, tagWord, n + k);
  desc += pick(CLOSERS);
  if (chance(0.95)) p.description = desc;
  if (chance(0.2)) p.description_en = `${pick(["Build", "Expand", "Set up"])} ${node.en.toLowerCase()} ${pick(["lines", "capacity", "facilities", "R&D and production"])} in ${englishOf(where.city || where.province)}, ${pick(["close to the local supply chain", "next to existing industrial parks", "with land and utilities ready"])}.`;
  if (chance(0.35)) p.benefits = pick(BENEFITS)(node["zh-Hans"]);
  if (chance(0.25)) p.policies = sample(POLICIES, int(1, 2)).join("");
  if (chance(0.85)) p.contact_org = `${where.local.name}${pick(["投资促进局", "经济合作局", "商务局", "招商服务中心"])}`;
  if (chance(0.6)) p.contact_name = `${pick(SURNAMES)}${chance(0.5) ? "先生" : "女士"}`;
  if (chance(0.7)) p.contact_phone = `0${int(10, 999)}-${String(i + 1).padStart(8, "0")}`;
  if (chance(0.4)) p.contact_email = `invest-${p.id.toLowerCase()}@example.org`;
  if (chance(0.25)) p.priority = int(1, 10) * 10;
  if (chance(0.3)) p.irr_pct = int(50, 250) / 10;
  if (chance(0.3)) p.payback_years = int(3, 15);
  if (chance(0.4)) p.jobs = int(1, 300) * 10;
  if (chance(0.35)) p.annual_output = amountText(amountYuan(1.5));
  if (chance(0.9)) p.updated = date();
  if (chance(0.3)) p.url = `https://example.org/opportunities/${p.id.toLowerCase()}`;
  return p;
}

// ---- output ----------------------------------------------------------------------------------
const out = outPath ? createWriteStream(outPath) : process.stdout;
const header = {
  format: "opportunity-list/1",
  title: `合成测试清单（${count}个项目，种子${seed}${provinceOpt ? `，${provinces[0].name}` : ""}） / Synthetic benchmark list`,
  publisher: "opportunity-matcher scripts/gen-list.mjs（虚构数据 / fictional data）",
  notice: "合成数据，仅用于性能测试。Synthetic data for benchmarks only: every project, amount and contact is fictional.",
  updated: "2026-10-31",
  currency: "CNY",
  fx: { USD: 7.1, HKD: 0.91, EUR: 7.7 },
};
let buf = JSON.stringify(header).slice(0, -1) + ',"projects":[\n';
const flush = async () => {
  if (!out.write(buf)) await new Promise((r) => out.once("drain", r));
  buf = "";
};
for (let i = 0; i < count; i++) {
  buf += JSON.stringify(project(i)) + (i + 1 < count ? ",\n" : "\n");
  if (buf.length > 1 << 20) await flush();
}
buf += "]}\n";
await flush();
if (outPath) out.end();
