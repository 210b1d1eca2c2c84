// <opportunity-matcher> — ranks an investment opportunity list (机遇清单) in the browser.
//
//   <script type="module" src="opportunity-matcher.js"></script>
//   <opportunity-matcher src="data/opportunity-list.json" lang="zh-Hans"></opportunity-matcher>
//
// Attributes: src (a list: JSON, CSV, TSV, .xlsx/.xls/.ods or the compact .oml; any encoding the
// core detects: UTF-8, UTF-16, GB18030/GBK, Big5), lang (zh-Hans, zh-Hant, en;
// default: the page's <html lang>), mode (portal | kiosk), weights ("industry=0.5,region=0.3" or
// JSON). Theme with CSS custom properties (--om-accent, --om-bg, --om-fg, --om-font …).
//
// This file only defines the element, fetches the list's bytes, and hands over to the
// WebAssembly widget; everything else (ranking, rendering, URL fragment) happens in wasm. No request
// leaves the page other than this module's own files and the list's src.

const MESSAGES = {
  "zh-Hans": {
    loading: "正在载入机遇清单……",
    failed: "匹配器未能启动",
    hint: "请刷新页面重试；如果问题仍然存在，请联系本网站管理员。",
    cause: "原因：",
  },
  "zh-Hant": {
    loading: "正在載入機遇清單……",
    failed: "匹配器未能啟動",
    hint: "請重新整理頁面再試；如果問題仍然存在，請聯絡本網站管理員。",
    cause: "原因：",
  },
  en: {
    loading: "Loading the opportunity list…",
    failed: "The matcher could not start",
    hint: "Reload the page to try again; if it persists, contact this site's webmaster.",
    cause: "Cause: ",
  },
};

// A host page may have patched built-ins (String.prototype.startsWith, Array.prototype.includes …)
// before this module runs, so that capturing them here would not help: this file keeps to syntax,
// indexing and comparisons where a patched helper could change the answer.

function langTag(tag) {
  const t = String(tag || "").toLowerCase();
  if (t.slice(0, 2) === "zh") {
    return /hant|-tw|-hk|-mo/.test(t) ? "zh-Hant" : "zh-Hans";
  }
  return t ? "en" : "zh-Hans";
}

/** Whether a drag carries files (a plain loop, see above). */
function carriesFiles(dataTransfer) {
  const types = dataTransfer ? dataTransfer.types : null;
  if (!types) return false;
  for (let i = 0; i < types.length; i++) if (types[i] === "Files") return true;
  return false;
}

let wasm = null;
function loadWasm() {
  if (!wasm) {
    const glue = new URL("./pkg/opportunity_matcher.js", import.meta.url);
    wasm = import(glue.href).then(async (mod) => {
      await mod.default({ module_or_path: new URL("./pkg/opportunity_matcher_bg.wasm", import.meta.url) });
      return mod;
    });
  }
  return wasm;
}

/** The list's bytes; an HTTP error status is an error naming it. */
async function download(src) {
  const response = await fetch(src, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText || ""} — ${src}`.replace("  ", " "));
  return response.arrayBuffer();
}

function fileName(src) {
  try {
    const path = new URL(src, document.baseURI).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1)) || "list.json";
  } catch {
    return "list.json";
  }
}

export class OpportunityMatcher extends HTMLElement {
  static observedAttributes = ["src", "lang", "mode", "weights"];

  #handle = null;
  #starting = null;
  #fetchToken = 0;

  constructor() {
    super();
    if (!this.shadowRoot) this.attachShadow({ mode: "open" });
    this.#placeholder();
  }

  /** The widget handle (`loadText`, `setLang`, `resultIds` …) once the wasm has started. */
  get handle() {
    return this.#handle;
  }

  /** Resolves when the widget is mounted and the first list has been handed over. */
  get ready() {
    return this.#start();
  }

  get #lang() {
    return langTag(this.getAttribute("lang") || document.documentElement.lang || "zh-Hans");
  }

  connectedCallback() {
    this.#start();
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.#handle) return;
    // The language may differ from the attribute after the visitor used the switch: re-apply it.
    if (name !== "lang" && oldValue === value) return;
    this.#guard(() => {
      if (name === "lang") this.#handle.setLang(this.#lang);
      else if (name === "mode") this.#handle.setMode(value || "portal");
      else if (name === "weights") this.#handle.setWeights(value || "");
      else if (name === "src") this.#fetchList();
    });
  }

  /** Loads a list given as text (e.g. a file an official dropped on the widget). */
  loadText(text, name = "list.csv") {
    this.#guard(() => this.#handle.loadText(text, name));
  }

  #start() {
    if (!this.#starting) {
      // The list downloads while the wasm compiles and the widget mounts.
      const src = this.getAttribute("src");
      const early = src ? { src, buffer: download(src) } : null;
      early?.buffer.catch(() => {}); // reported when awaited, after mounting
      this.#starting = loadWasm()
        .then((mod) => {
          this.#handle = mod.mount(this.shadowRoot, {
            lang: this.#lang,
            mode: this.getAttribute("mode") || "portal",
            weights: this.getAttribute("weights") || "",
          });
          this.#listenForDrops();
          return this.#fetchList(early);
        })
        .catch((error) => this.#fail(error));
    }
    return this.#starting;
  }

  /** Fetches `src` (or takes the download started with the wasm) and hands it to the widget. */
  async #fetchList(early = null) {
    const src = this.getAttribute("src");
    const token = ++this.#fetchToken;
    if (!src) {
      this.#guard(() => this.#handle.loadError("no src attribute: <opportunity-matcher src=\"list.json\">"));
      return;
    }
    this.#guard(() => this.#handle.setLoading());
    let buffer;
    try {
      buffer = await (early && early.src === src ? early.buffer : download(src));
    } catch (error) {
      if (token === this.#fetchToken) this.#guard(() => this.#handle.loadError(`${error && error.message ? error.message : error} (${src})`));
      return;
    }
    if (token === this.#fetchToken) this.#loadBuffer(buffer, fileName(src));
  }

  /** A list's bytes, handed to wasm as they are: the core tells the compact form, a spreadsheet,
   *  JSON, CSV or TSV and the text encoding apart (one reader for every page and the CLI). */
  #loadBuffer(buffer, name) {
    this.#guard(() => this.#handle.loadBytes(new Uint8Array(buffer), name));
  }

  #listenForDrops() {
    this.addEventListener("dragover", (event) => {
      if (carriesFiles(event.dataTransfer)) event.preventDefault();
    });
    this.addEventListener("drop", async (event) => {
      // Fair mode handles its own drops (with a validation report) inside the widget.
      if (event.defaultPrevented) return;
      const file = event.dataTransfer && event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      ++this.#fetchToken;
      this.#loadBuffer(await file.arrayBuffer(), file.name);
    });
  }

  /** Runs a call into wasm; if it throws (a panic, a bug), shows why instead of a frozen box. */
  #guard(call) {
    try {
      return call();
    } catch (error) {
      this.#fail(error);
      return undefined;
    }
  }

  #placeholder() {
    const m = MESSAGES[this.#lang];
    const p = document.createElement("p");
    p.setAttribute("role", "status");
    p.textContent = m.loading;
    this.shadowRoot.replaceChildren(p);
  }

  #fail(error) {
    // The wasm side already rendered its own message for a panic; keep that one.
    if (this.shadowRoot.querySelector(".om-crash")) return;
    const m = MESSAGES[this.#lang];
    const box = document.createElement("div");
    box.className = "om-state om-error om-crash";
    box.setAttribute("role", "alert");
    const title = document.createElement("h3");
    title.textContent = m.failed;
    const hint = document.createElement("p");
    hint.textContent = m.hint;
    const cause = document.createElement("p");
    cause.className = "om-cause";
    cause.textContent = m.cause + (error && error.message ? error.message : String(error));
    box.append(title, hint, cause);
    this.shadowRoot.replaceChildren(box);
    console.error("opportunity-matcher:", error);
  }
}

if (!customElements.get("opportunity-matcher")) {
  customElements.define("opportunity-matcher", OpportunityMatcher);
}
