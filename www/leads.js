// The leads page (leads.html): files in, the worker (leads-worker.js) does the matching, both views
// shown with their reasons, filtered, and exported as CSV. Every text of the data is put in the
// page with textContent (never as HTML). The files never leave the browser.

const BUNDLED_LIST = "data/opportunity-list.json";
const SHOWN_AT_MOST = 300;

const TEXT = {
  "zh-Hans": {
    title: "招商线索匹配", language: "语言", drop: "把企业线索表拖到这里（CSV、TSV、JSON 或 Excel）", pickLeads: "选择线索表",
    list: "机遇清单：", pickList: "换用其他清单", useBundled: "使用内置清单", bundled: "内置清单", top: "每项显示前",
    private: "所有文件只在本浏览器中处理，不会上传。", reading: "表格是如何读取的", rejected: "未采用的行", byLead: "按企业线索",
    byProject: "按项目", filter: "筛选", export: "导出 CSV", working: "正在匹配…", done: (l, p) => `已匹配 ${l} 条线索、${p} 个项目。`,
    shown: (n, all) => (n < all ? `显示 ${n} / ${all} 项` : `共 ${all} 项`), projects: "适合推介的项目", leadsFor: "建议联系的企业",
    asked: "意向：", score: "匹配度", noLeads: "请先选择线索表。", nothing: "没有符合筛选的结果。",
  },
  "zh-Hant": {
    title: "招商線索匹配", language: "語言", drop: "把企業線索表拖到這裡（CSV、TSV、JSON 或 Excel）", pickLeads: "選擇線索表",
    list: "機遇清單：", pickList: "換用其他清單", useBundled: "使用內建清單", bundled: "內建清單", top: "每項顯示前",
    private: "所有檔案只在本瀏覽器中處理，不會上傳。", reading: "表格是如何讀取的", rejected: "未採用的列", byLead: "按企業線索",
    byProject: "按項目", filter: "篩選", export: "匯出 CSV", working: "正在匹配…", done: (l, p) => `已匹配 ${l} 條線索、${p} 個項目。`,
    shown: (n, all) => (n < all ? `顯示 ${n} / ${all} 項` : `共 ${all} 項`), projects: "適合推介的項目", leadsFor: "建議聯絡的企業",
    asked: "意向：", score: "匹配度", noLeads: "請先選擇線索表。", nothing: "沒有符合篩選的結果。",
  },
  en: {
    title: "Matching investor leads", language: "Language", drop: "Drop a sheet of investor leads here (CSV, TSV, JSON or Excel)",
    pickLeads: "Choose a leads sheet", list: "Opportunity list:", pickList: "Use another list", useBundled: "Use the bundled list",
    bundled: "bundled list", top: "Show the best", private: "Files are read in this browser only; nothing is uploaded.",
    reading: "How the table was read", rejected: "Rows not used", byLead: "By lead", byProject: "By project", filter: "Filter",
    export: "Export CSV", working: "Matching…", done: (l, p) => `Matched ${l} leads and ${p} projects.`,
    shown: (n, all) => (n < all ? `Showing ${n} of ${all}` : `${all} in all`), projects: "Projects to pitch", leadsFor: "Companies to call",
    asked: "Looking for: ", score: "score", noLeads: "Choose a leads sheet first.", nothing: "Nothing matches the filter.",
  },
};

const $ = (id) => document.getElementById(id);
const state = { lang: "zh-Hans", leads: null, list: null, out: null, tab: "leads", busy: false };
const t = (key) => TEXT[state.lang][key];

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function startLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  const nav = (navigator.language || "").toLowerCase();
  if (asked && TEXT[asked]) return asked;
  if (nav.startsWith("zh-tw") || nav.startsWith("zh-hk") || nav.includes("hant")) return "zh-Hant";
  if (nav.startsWith("zh")) return "zh-Hans";
  return nav ? "en" : "zh-Hans";
}

function applyLang() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  document.title = t("title");
  $("lang").value = state.lang;
  $("list-name").textContent = state.list ? state.list.name : t("bundled");
  $("filter").setAttribute("aria-label", t("filter"));
}

// -- the worker ------------------------------------------------------------------------------------
// `makeWorker` is the one place the worker is created (scripts/dist-leads.mjs replaces it for the
// offline file).
function makeWorker() {
  return new Worker(new URL("leads-worker.js", import.meta.url), { type: "module" });
}
const worker = makeWorker();
let csvWaiting = null;
worker.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === "progress") {
    $("progress").value = msg.done / Math.max(1, msg.total);
  } else if (msg.type === "done") {
    state.busy = false;
    state.out = JSON.parse(msg.json);
    $("progress").hidden = true;
    $("message").className = "";
    $("message").textContent = t("done")(state.out.report.leads.length, state.out.list.projects);
    showResults();
  } else if (msg.type === "csv" && csvWaiting) {
    csvWaiting(msg.text);
    csvWaiting = null;
  } else if (msg.type === "error") {
    state.busy = false;
    $("progress").hidden = true;
    $("message").className = "error";
    $("message").textContent = msg.message;
  }
};

async function fileBytes(file) {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

async function bundledList() {
  const res = await fetch(BUNDLED_LIST);
  return { name: "opportunity-list.json", bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function run() {
  if (!state.leads) {
    $("message").textContent = t("noLeads");
    return;
  }
  state.busy = true;
  $("progress").hidden = false;
  $("progress").value = 0;
  $("message").className = "";
  $("message").textContent = t("working");
  const list = state.list || (await bundledList());
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  // Copies: the page keeps its files to run again (another language, another top N).
  worker.postMessage({
    type: "run",
    list: { name: list.name, bytes: list.bytes.slice() },
    leads: { name: state.leads.name, bytes: state.leads.bytes.slice() },
    top: Number($("top").value),
    lang: state.lang,
    today,
  });
}

// -- the views -------------------------------------------------------------------------------------
function matches(filter, texts) {
  if (!filter) return true;
  return texts.some((x) => x && String(x).toLowerCase().includes(filter));
}

function leadCard(lead) {
  const li = el("li", "card");
  li.dataset.id = lead.id;
  li.append(el("h3", "", lead.company));
  const asked = [lead.asked.industry, lead.asked.budget, lead.asked.region].filter(Boolean).join(" · ");
  li.append(el("p", "sub", `${lead.id} · ${t("asked")}${asked}${lead.contact ? " · " + lead.contact : ""}`));
  for (const w of lead.warnings) li.append(el("p", "warn", w));
  const ol = el("ol");
  for (const r of lead.results) {
    const item = el("li");
    item.append(el("span", "score", r.score.toFixed(3)), document.createTextNode(` ${r.name} (${r.id})`));
    const reasons = el("ul", "reasons");
    for (const x of r.reasons) reasons.append(el("li", "", x));
    item.append(reasons);
    ol.append(item);
  }
  li.append(el("p", "sub", t("projects")), ol);
  return li;
}

function projectCard(project) {
  const li = el("li", "card");
  li.dataset.id = project.id;
  li.append(el("h3", "", project.name), el("p", "sub", project.id));
  const ol = el("ol");
  for (const f of project.leads) {
    const item = el("li");
    item.append(el("span", "score", f.score.toFixed(3)), document.createTextNode(` ${f.company} (${f.id})${f.contact ? " · " + f.contact : ""}`));
    const reasons = el("ul", "reasons");
    for (const x of f.reasons) reasons.append(el("li", "", x));
    item.append(reasons);
    ol.append(item);
  }
  li.append(el("p", "sub", t("leadsFor")), ol);
  return li;
}

function filtered() {
  const filter = $("filter").value.trim().toLowerCase();
  const report = state.out.report;
  if (state.tab === "leads") {
    return report.leads.filter((l) =>
      matches(filter, [l.id, l.company, l.contact, l.asked.industry, l.asked.region, ...l.results.flatMap((r) => [r.id, r.name])]),
    );
  }
  return report.projects.filter((p) => matches(filter, [p.id, p.name, ...p.leads.flatMap((f) => [f.id, f.company])]));
}

function renderView() {
  const items = filtered();
  const view = $("view");
  view.replaceChildren();
  const shown = items.slice(0, SHOWN_AT_MOST);
  for (const item of shown) view.append(state.tab === "leads" ? leadCard(item) : projectCard(item));
  $("shown").textContent = items.length ? t("shown")(shown.length, items.length) : t("nothing");
}

function showResults() {
  const report = state.out.report;
  $("results").hidden = false;
  $("reading-lines").replaceChildren(...report.reading.map((line) => el("li", "", line)));
  $("rejected-box").hidden = report.rejected.length === 0;
  $("rejected").replaceChildren(...report.rejected.map((r) => el("li", "", r.message)));
  renderView();
}

function selectTab(tab) {
  state.tab = tab;
  $("tab-leads").setAttribute("aria-selected", String(tab === "leads"));
  $("tab-projects").setAttribute("aria-selected", String(tab === "projects"));
  if (state.out) renderView();
}

// The CSV of the view as filtered: the worker writes the rows of the leads (or projects) shown.
function exportCsv() {
  if (!state.out) return;
  const ids = filtered().map((x) => x.id);
  csvWaiting = (text) => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    a.download = state.tab === "leads" ? "leads-projects.csv" : "projects-leads.csv";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  worker.postMessage({ type: "csv", view: state.tab, ids });
}

// -- wiring ----------------------------------------------------------------------------------------
async function takeLeads(file) {
  state.leads = await fileBytes(file);
  $("leads-name").textContent = file.name;
  run();
}

$("leads-file").addEventListener("change", (e) => e.target.files[0] && takeLeads(e.target.files[0]));
$("list-file").addEventListener("change", async (e) => {
  if (!e.target.files[0]) return;
  state.list = await fileBytes(e.target.files[0]);
  applyLang();
  if (state.leads) run();
});
$("bundled").addEventListener("click", () => {
  state.list = null;
  applyLang();
  if (state.leads) run();
});
const drop = $("drop");
drop.addEventListener("dragover", (e) => {
  e.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  const file = e.dataTransfer.files[0];
  if (file) takeLeads(file);
});
$("lang").addEventListener("change", () => {
  state.lang = $("lang").value;
  applyLang();
  if (state.leads) run();
});
$("top").addEventListener("change", () => state.leads && run());
$("tab-leads").addEventListener("click", () => selectTab("leads"));
$("tab-projects").addEventListener("click", () => selectTab("projects"));
$("filter").addEventListener("input", () => state.out && renderView());
$("export").addEventListener("click", exportCsv);

state.lang = startLang();
applyLang();
