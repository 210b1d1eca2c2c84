// What a web developer writes around a general-purpose search library (Fuse.js, MiniSearch) to
// answer an investor's industry, budget and region: the text search, then the region and the budget
// as post-filters. Shared by the benchmark pages (bench.js, bench-fuse.js); nothing here ships.

/** Amount text → yuan, for 亿/万 (both scripts), plain yuan and "million/billion". */
export function parseYuan(text) {
  if (text == null) return null;
  if (typeof text === "number") return text;
  const m = String(text).replace(/,/g, "").match(/([\d.]+)\s*(亿|億|万|萬|billion|million)?/i);
  if (!m) return null;
  const unit = { 亿: 1e8, 億: 1e8, 万: 1e4, 萬: 1e4, billion: 1e9, million: 1e6 }[(m[2] || "").toLowerCase()] || 1;
  return Number(m[1]) * unit;
}

/** Budget text → [min, max] in yuan: "30亿", "5000万以内", "10亿以上", "1-5亿", "up to 200 million USD". */
export function parseBudget(text) {
  if (!text) return null;
  const usd = /usd|\$|美元/i.test(text) ? 7.1 : 1;
  const range = text.match(/([\d.]+)\s*[-~至到]\s*([\d.]+)\s*(亿|億|万|萬)/);
  if (range) return [parseYuan(range[1] + range[3]), parseYuan(range[2] + range[3])];
  const v = parseYuan(text);
  if (v == null) return null;
  if (/以上|at least/i.test(text)) return [v * usd, Infinity];
  if (/以内|以內|up to/i.test(text)) return [0, v * usd];
  return [0, v * usd];
}

/** Whether a project passes the region (a place name contained in its region) and budget filters. */
export function postFilter(p, q, budget) {
  if (q.region) {
    const places = q.region.split(/[、,，\s]+/).filter(Boolean);
    if (!places.some((r) => String(p.region).includes(r))) return false;
  }
  if (budget && p._amount != null && (p._amount > budget[1] || p._amount < budget[0])) return false;
  return true;
}

/** The search text of a query: industry and keywords. */
export function textOf(q) {
  return [q.industry, q.keywords].filter(Boolean).join(" ");
}

/** Adds `_amount` (the amount sought, else the investment, in yuan) to every project. */
export function withAmounts(projects) {
  for (const p of projects) p._amount = parseYuan(p.seeking ?? p.investment);
  return projects;
}

/** Results of a text search (indexes, best first), post-filtered, the first `top`; without text, the list order. */
export function topResults(projects, hits, q, top = 20) {
  const budget = parseBudget(q.budget);
  const out = [];
  const source = hits ?? projects.map((p, i) => i);
  for (const i of source) {
    const p = projects[i];
    if (postFilter(p, q, budget)) out.push(p);
    if (out.length === top) break;
  }
  return out;
}

/** The options a developer would give Fuse.js for these fields. */
export const FUSE_OPTIONS = {
  keys: [{ name: "name", weight: 3 }, { name: "tags", weight: 2 }, { name: "sector", weight: 2 }, "name_en", "description"],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
};
