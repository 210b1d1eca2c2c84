// The publisher page (publish.html): an official's published list → the files the portal serves.
//
// Everything is read by the same core reader as the widget, the kiosk and `check`
// (`ListDraft.fromBytes` = `list::load_bytes_with`, the one decode-and-detect path), built into the
// publisher module (www/pkg/opportunity_matcher_publish*, with the spreadsheet reader and the
// JSON / .oml writers) that only this page loads. This file only lays out what the reader
// says: how the table was read, each column's field and unit (with menus to correct them: the
// corrections are `ReadingChoices`, the same as `check --columns`), the rejected rows, and the
// downloads. The file never leaves the browser.

import init, { ListDraft } from "./pkg/opportunity_matcher_publish.js";

const TEXT = {
  "zh-Hans": {
    title: "发布机遇清单",
    subtitle: "把已发布的项目表变成门户网站可用的清单",
    starting: "正在启动……",
    ready: "请选择清单文件。",
    reading: "正在读取……",
    step1: "1. 选择清单文件",
    drop: "把清单文件拖到这里，或点此选择",
    dropHint: "Excel（.xlsx / .xls）、WPS 或 LibreOffice（.ods）、CSV / TSV（UTF-8、GBK、Big5、UTF-16 均可）、门户 JSON",
    privacy: "文件只在您的浏览器中读取，不会上传到任何服务器。",
    step2: "2. 核对读取结果",
    readingTitle: "表格是这样读取的",
    columnsTitle: "各列对应的字段（读错了可在此更正）",
    column: "列",
    header: "表头",
    field: "字段",
    unit: "金额单位",
    unitFrom: "单位来源",
    auto: (what) => `自动：${what}`,
    notUsed: "不使用",
    rowUnits: "各行金额的单位",
    joined: (label) => `${label}（接前列）`,
    autoPlain: "自动",
    noUnit: "无",
    sources: {
      header: "表头",
      sub_header: "第二行表头 / 单位行",
      unit_row: "表格上方的单位行",
      note: "表下说明",
      json_key: "JSON 键名",
      format: "英文字段名（元）",
      magnitudes: "推测：按数字大小",
      calibrated: "推测：参照写明单位的金额",
      chosen: "由您选定",
    },
    rejectedTitle: (n) => `未能载入的行（${n}）`,
    row: "行号",
    sheet: "工作表",
    value: "内容",
    reason: "原因",
    warningsTitle: (n) => `提示（${n}）`,
    failed: "这份文件无法作为清单读取：",
    quote: (t) => `“${t}”`,
    step3: "3. 下载并发布",
    publishHint: "下载清单文件，放到门户网站上（例如 data/ 目录）。.oml 是紧凑格式，载入最快；JSON 便于查看。",
    downloadJson: "下载 JSON",
    downloadOml: "下载紧凑格式 .oml",
    snippetHint: "把下面的代码粘贴到门户页面中需要显示匹配器的位置：",
    copy: "复制代码",
    copied: "已复制",
    cliHint: "命令行同样的读取：",
    footer: "opportunity-matcher · 清单在本机读取，不上传。",
  },
  "zh-Hant": {
    title: "發布機遇清單",
    subtitle: "把已發布的項目表變成入口網站可用的清單",
    starting: "正在啟動……",
    ready: "請選擇清單檔案。",
    reading: "正在讀取……",
    step1: "1. 選擇清單檔案",
    drop: "把清單檔案拖到這裡，或點此選擇",
    dropHint: "Excel（.xlsx / .xls）、WPS 或 LibreOffice（.ods）、CSV / TSV（UTF-8、GBK、Big5、UTF-16 均可）、入口網站 JSON",
    privacy: "檔案只在您的瀏覽器中讀取，不會上傳到任何伺服器。",
    step2: "2. 核對讀取結果",
    readingTitle: "表格是這樣讀取的",
    columnsTitle: "各欄對應的欄位（讀錯了可在此更正）",
    column: "欄",
    header: "表頭",
    field: "欄位",
    unit: "金額單位",
    unitFrom: "單位來源",
    auto: (what) => `自動：${what}`,
    notUsed: "不使用",
    rowUnits: "各列金額的單位",
    joined: (label) => `${label}（接前欄）`,
    autoPlain: "自動",
    noUnit: "無",
    sources: {
      header: "表頭",
      sub_header: "第二行表頭 / 單位行",
      unit_row: "表格上方的單位行",
      note: "表下說明",
      json_key: "JSON 鍵名",
      format: "英文欄位名（元）",
      magnitudes: "推測：按數字大小",
      calibrated: "推測：參照寫明單位的金額",
      chosen: "由您選定",
    },
    rejectedTitle: (n) => `未能載入的行（${n}）`,
    row: "行號",
    sheet: "工作表",
    value: "內容",
    reason: "原因",
    warningsTitle: (n) => `提示（${n}）`,
    failed: "這份檔案無法作為清單讀取：",
    quote: (t) => `「${t}」`,
    step3: "3. 下載並發布",
    publishHint: "下載清單檔案，放到入口網站上（例如 data/ 目錄）。.oml 是精簡格式，載入最快；JSON 便於查看。",
    downloadJson: "下載 JSON",
    downloadOml: "下載精簡格式 .oml",
    snippetHint: "把下面的程式碼貼到入口網頁中需要顯示匹配器的位置：",
    copy: "複製程式碼",
    copied: "已複製",
    cliHint: "命令列同樣的讀取：",
    footer: "opportunity-matcher · 清單在本機讀取，不上傳。",
  },
  en: {
    title: "Publish your opportunity list",
    subtitle: "From the table you published to the list your portal serves",
    starting: "Starting…",
    ready: "Choose your list file.",
    reading: "Reading…",
    step1: "1. Choose the list file",
    drop: "Drop the list file here, or click to choose it",
    dropHint: "Excel (.xlsx / .xls), WPS or LibreOffice (.ods), CSV / TSV (UTF-8, GBK, Big5 or UTF-16), portal JSON",
    privacy: "The file is read in your browser and never uploaded anywhere.",
    step2: "2. Check how it was read",
    readingTitle: "How your table was read",
    columnsTitle: "The field of each column (correct it here if it was read wrong)",
    column: "Column",
    header: "Header",
    field: "Field",
    unit: "Amount unit",
    unitFrom: "Unit from",
    auto: (what) => `Auto: ${what}`,
    notUsed: "Not used",
    rowUnits: "Each row's unit of its amounts",
    joined: (label) => `${label} (continued)`,
    autoPlain: "Auto",
    noUnit: "none",
    sources: {
      header: "the header",
      sub_header: "the second header row / a unit row",
      unit_row: "a unit row above the table",
      note: "a note under the table",
      json_key: "the JSON key",
      format: "the English key (yuan)",
      magnitudes: "ASSUMED from the size of the figures",
      calibrated: "ASSUMED from amounts written with a unit",
      chosen: "your choice",
    },
    rejectedTitle: (n) => `Rows not loaded (${n})`,
    row: "Row",
    sheet: "Sheet",
    value: "Value",
    reason: "Reason",
    warningsTitle: (n) => `Notes (${n})`,
    failed: "This file cannot be read as a list: ",
    quote: (t) => `"${t}"`,
    step3: "3. Download and publish",
    publishHint: "Download the list and put it on your portal (e.g. in data/). The compact .oml loads fastest; the JSON is easy to inspect.",
    downloadJson: "Download JSON",
    downloadOml: "Download compact .oml",
    snippetHint: "Paste this where the matcher should appear on your portal page:",
    copy: "Copy the code",
    copied: "Copied",
    cliHint: "The same reading on the command line:",
    footer: "opportunity-matcher · your list is read on this computer and not uploaded.",
  },
};

const AMOUNT_ROLES = new Set(["investment", "seeking", "annual_output"]);
const $ = (id) => document.getElementById(id);

function langOf(tag) {
  const t = String(tag || "").toLowerCase();
  if (t.startsWith("zh")) return /hant|-tw|-hk|-mo/.test(t) ? "zh-Hant" : "zh-Hans";
  return t ? "en" : "zh-Hans";
}

const state = {
  lang: langOf(new URLSearchParams(location.search).get("lang") || document.documentElement.lang),
  file: null, // { bytes: Uint8Array, name }
  choices: { columns: [] },
  draft: null,
  error: null,
  ready: false,
};

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c) e.append(c);
  return e;
}

function letter(c) {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function baseName(name) {
  const dot = name.lastIndexOf(".");
  return (dot > 0 ? name.slice(0, dot) : name).replace(/[\\/:*?"<>|\s]+/g, "-") || "list";
}

// ---- reading ---------------------------------------------------------------------------------

async function read() {
  if (!state.file) return;
  $("pub-status").textContent = TEXT[state.lang].reading;
  document.body.classList.add("pub-busy");
  try {
    state.draft?.free();
    // Let the status paint before a large workbook is read.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    state.draft = ListDraft.fromBytes(state.file.bytes, state.file.name, state.choices, state.lang);
    state.error = null;
  } catch (e) {
    state.draft = null;
    state.error = e && e.message ? e.message : String(e);
  }
  document.body.classList.remove("pub-busy");
  render();
}

async function open(file) {
  if (!file) return;
  state.file = { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
  state.choices = { columns: [] };
  await read();
}

/** Sets (or clears, with null) the field or unit chosen for a column of a sheet. */
function choose(sheet, column, what, value) {
  let c = state.choices.columns.find((x) => x.column === column && (x.sheet ?? null) === sheet);
  if (!c) {
    c = { column };
    if (sheet !== null) c.sheet = sheet;
    state.choices.columns.push(c);
  }
  if (value) c[what] = value;
  else delete c[what];
  state.choices.columns = state.choices.columns.filter((x) => x.role || x.unit);
  read();
}

/** The choices as `--columns` for the command line. */
function cliSpec() {
  return state.choices.columns
    .map((c) => `${c.sheet ? `${c.sheet}!` : ""}${letter(c.column)}=${c.role || ""}${c.unit ? `:${c.unit}` : ""}`)
    .join(",");
}

// ---- rendering -------------------------------------------------------------------------------

function renderStatic() {
  const t = TEXT[state.lang];
  document.documentElement.lang = state.lang;
  document.title = `${t.title} · opportunity-matcher`;
  for (const node of document.querySelectorAll("[data-t]")) {
    const v = t[node.dataset.t];
    if (typeof v === "string") node.textContent = v;
  }
  for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang));
  if (state.ready && !state.file) $("pub-status").textContent = t.ready;
}

function renderReading(reading) {
  const t = TEXT[state.lang];
  if (!reading) return null;
  const items = reading.lines.map((line) => {
    const depth = line.length - line.trimStart().length;
    return el("li", { class: depth >= 4 ? "pub-detail" : depth >= 2 ? "pub-sub" : "pub-line", text: line.trimStart() });
  });
  return el("details", { class: "pub-reading", open: true }, el("summary", { text: t.readingTitle }), el("ul", {}, items));
}

function renderColumns(reading) {
  const t = TEXT[state.lang];
  if (!reading) return null;
  const roles = ListDraft.columnRoles(state.lang);
  const label = new Map(roles.map((r) => [r.key, r.label]));
  const units = ListDraft.units(state.lang);
  const tables = reading.sheets.map((sheet) => {
    // A correction names its sheet only when the workbook has several lists.
    const sheetName = reading.sheets.length > 1 ? (sheet.name ?? null) : null;
    // A JSON list's columns are its keys, a sheet of project cards' its labels: no letters to show.
    const json = reading.kind === "json" || (sheet.cards?.length ?? 0) > 0;
    const rows = sheet.columns.map((col) => {
      const chosen = state.choices.columns.find((x) => x.column === col.column && (x.sheet ?? null) === sheetName) || {};
      // A second text column (建设内容 beside 项目简介, 备注) is added to the first one's text.
      const used = col.role && (!col.ignored || col.ignored === "joined");
      const read = used
        ? col.ignored === "joined"
          ? t.joined(label.get(col.role))
          : label.get(col.role)
        : col.ignored === "row_units"
          ? t.rowUnits
          : t.notUsed;
      const fieldSelect = el(
        "select",
        { class: "pub-field", "data-column": col.column, "aria-label": `${t.field} ${json ? col.header : letter(col.column)}` },
        el("option", { value: "", text: chosen.role ? t.autoPlain : t.auto(read) }),
        el("option", { value: "ignore", text: t.notUsed, selected: chosen.role === "ignore" }),
        roles.map((r) => el("option", { value: r.key, text: r.label, selected: chosen.role === r.key })),
      );
      fieldSelect.addEventListener("change", () => choose(sheetName, col.column, "role", fieldSelect.value));
      const isAmount = col.role && AMOUNT_ROLES.has(col.role) && !col.ignored;
      let unitCell = el("td", { class: "pub-muted", text: "—" });
      let fromCell = el("td", { class: "pub-muted", text: "" });
      if (isAmount) {
        const current = col.unit ? unitLabel(col.unit.unit, units) : t.noUnit;
        const unitSelect = el(
          "select",
          { class: "pub-unit", "data-column": col.column, "aria-label": `${t.unit} ${json ? col.header : letter(col.column)}` },
          el("option", { value: "", text: chosen.unit ? t.autoPlain : t.auto(current) }),
          units.map((u) => el("option", { value: u.key, text: u.label, selected: chosen.unit === u.key })),
        );
        unitSelect.addEventListener("change", () => choose(sheetName, col.column, "unit", unitSelect.value));
        unitCell = el("td", {}, unitSelect);
        const kind = col.unit?.source?.kind;
        const assumed = kind === "magnitudes" || kind === "calibrated";
        fromCell = el("td", { class: assumed ? "pub-assumed" : "", text: kind ? t.sources[kind] || kind : "—" });
      }
      return el(
        "tr",
        { class: used ? "" : "pub-unused", "data-column": col.column },
        el("td", { class: "pub-letter", text: json ? "" : letter(col.column) }),
        el("td", { class: "pub-header", text: col.header }),
        el("td", {}, fieldSelect),
        unitCell,
        fromCell,
      );
    });
    const caption = sheet.name ? `${t.columnsTitle} — ${t.sheet} ${t.quote(sheet.name)}` : t.columnsTitle;
    return el(
      "div",
      { class: "pub-table-wrap", tabindex: 0, role: "region", "aria-label": caption },
      el(
        "table",
        { class: "pub-table pub-columns-table", "data-sheet": sheetName ?? "" },
        el("caption", { text: caption }),
        el(
          "thead",
          {},
          el("tr", {}, [t.column, t.header, t.field, t.unit, t.unitFrom].map((h) => el("th", { scope: "col", text: h }))),
        ),
        el("tbody", {}, rows),
      ),
    );
  });
  return el("div", {}, tables);
}

function unitLabel(unit, units) {
  const u = units.find((x) => x.scale === unit.scale && x.currency === unit.currency);
  return u ? u.label : `×${unit.scale} ${unit.currency}`;
}

function renderRejected(draft) {
  const t = TEXT[state.lang];
  const rejected = draft.rejected(state.lang);
  if (!rejected.length) return null;
  const label = new Map(ListDraft.columnRoles(state.lang).map((r) => [r.key, r.label]));
  const several = rejected.some((r) => r.sheet);
  const head = [t.row, ...(several ? [t.sheet] : []), t.field, t.value, t.reason];
  const rows = rejected.map((r) =>
    el(
      "tr",
      { class: "pub-rejected", "data-row": r.row, "data-field": r.field },
      el("td", { class: "pub-row", text: String(r.row) }),
      several ? el("td", { text: r.sheet || "" }) : null,
      el("td", { text: label.get(r.field) || r.field }),
      el("td", { class: "pub-value", text: r.value }),
      el("td", { class: "pub-reason", title: r.message, text: r.reason_text }),
    ),
  );
  return el(
    "div",
    { class: "pub-table-wrap", tabindex: 0, role: "region", "aria-label": t.rejectedTitle(rejected.length) },
    el(
      "table",
      { class: "pub-table pub-rejected-table" },
      el("caption", { text: t.rejectedTitle(rejected.length) }),
      el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, rows),
    ),
  );
}

function renderWarnings(draft) {
  const t = TEXT[state.lang];
  const warnings = draft.warnings(state.lang);
  if (!warnings.length) return null;
  return el(
    "details",
    { class: "pub-warnings", open: warnings.length <= 10 },
    el("summary", { text: t.warningsTitle(warnings.length) }),
    el("ul", {}, warnings.map((w) => el("li", { class: /ASSUMED|推测|推測/.test(w.message) ? "pub-assumed" : "", text: w.message }))),
  );
}

function render() {
  renderStatic();
  const t = TEXT[state.lang];
  if (!state.file) return;
  $("pub-result").hidden = false;
  const error = $("pub-error");
  const draft = state.draft;
  error.hidden = !state.error;
  error.textContent = state.error ? `${t.failed}${state.error}` : "";
  const reading = draft ? draft.reading(state.lang) : null;
  const report = draft ? draft.report(state.lang) : [];
  const summary = draft ? report[reading ? reading.lines.length : 0] : "";
  $("pub-summary").textContent = draft ? `${state.file.name} — ${summary}` : state.file.name;
  $("pub-status").textContent = draft ? summary : t.failed.replace(/[：:]\s*$/, "");
  $("pub-reading").replaceChildren(...[draft && renderReading(reading)].filter(Boolean));
  $("pub-columns").replaceChildren(...[draft && renderColumns(reading)].filter(Boolean));
  $("pub-rejected").replaceChildren(...[draft && renderRejected(draft)].filter(Boolean));
  $("pub-warnings").replaceChildren(...[draft && renderWarnings(draft)].filter(Boolean));
  const publishable = draft && draft.length > 0;
  $("pub-publish").hidden = !publishable;
  if (publishable) {
    const name = baseName(state.file.name);
    $("pub-snippet").textContent =
      `<script type="module" src="opportunity-matcher.js"></script>\n` +
      `<opportunity-matcher src="data/${name}.oml" lang="${state.lang}"></opportunity-matcher>`;
    const spec = cliSpec();
    $("pub-cli").textContent = `opportunity-matcher convert "${state.file.name}" ${name}.oml${spec ? ` --columns "${spec}"` : ""}`;
  }
}

function download(bytes, name, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---- wiring ----------------------------------------------------------------------------------

function wire() {
  for (const b of document.querySelectorAll("[data-lang]")) {
    b.addEventListener("click", () => {
      state.lang = b.dataset.lang;
      const url = new URL(location.href);
      url.searchParams.set("lang", state.lang);
      history.replaceState(null, "", url);
      if (state.file) read();
      else renderStatic();
    });
  }
  const input = $("pub-file");
  input.addEventListener("change", () => {
    const f = input.files && input.files[0];
    input.value = "";
    open(f);
  });
  const drop = $("pub-drop");
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add("pub-dragging");
    });
  }
  drop.addEventListener("dragleave", () => drop.classList.remove("pub-dragging"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("pub-dragging");
    open(e.dataTransfer && e.dataTransfer.files[0]);
  });
  // A file dropped anywhere else on the page is read too, instead of the browser opening it.
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", (e) => {
    if (e.defaultPrevented) return;
    e.preventDefault();
    open(e.dataTransfer && e.dataTransfer.files[0]);
  });
  $("pub-json").addEventListener("click", () => {
    if (state.draft) download(state.draft.json(), `${baseName(state.file.name)}.json`, "application/json");
  });
  $("pub-oml").addEventListener("click", () => {
    if (state.draft) download(state.draft.compact(), `${baseName(state.file.name)}.oml`, "application/octet-stream");
  });
  $("pub-copy").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText($("pub-snippet").textContent);
      $("pub-copy").textContent = TEXT[state.lang].copied;
    } catch {
      getSelection().selectAllChildren($("pub-snippet"));
    }
  });
}

async function start() {
  renderStatic();
  wire();
  // (In the single-file build of `make dist` the module is inlined and already instantiated.)
  await init();
  state.ready = true;
  document.body.dataset.ready = "true";
  renderStatic();
}

start().catch((e) => {
  $("pub-status").textContent = `${TEXT[state.lang].failed}${e && e.message ? e.message : e}`;
  console.error("publish:", e);
});
