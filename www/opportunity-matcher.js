// <opportunity-matcher> — ranks an investment opportunity list (机遇清单) in the browser.
//
//   <script type="module" src="opportunity-matcher.js"></script>
//   <opportunity-matcher src="data/opportunity-list.json" lang="zh-Hans"></opportunity-matcher>
//
// Attributes: src (a list: JSON, CSV, TSV, .xlsx/.xls/.ods or the compact .oml, any of them
// possibly gzipped; any encoding the core detects: UTF-8, UTF-16, GB18030/GBK, Big5), lang
// (zh-Hans, zh-Hant, en; default: the page's <html lang>), mode (portal | kiosk), weights
// ("industry=0.5,region=0.3" or JSON). Theme with CSS custom properties (--om-accent, --om-bg,
// --om-fg, --om-font …).
//
// This file only defines the element, fetches the list's bytes, and hands over to the
// WebAssembly widget; everything else (ranking, rendering, URL fragment) happens in wasm. Its other
// files (pkg/…) are found relative to this module, wherever it is served from. No request leaves
// the page other than this module's own files and the list's src.
//
// Events (CustomEvent on the element; they bubble and are composed): om-results-change
// {ids, matched, total, query}, om-shortlist-change {ids, added, removed}, om-project-open
// {id, name, index}. The `query` property ({industry, budget, region, sector, cooperation, stage})
// reads and sets what is typed; it can be set before the widget has started.
//
// Performance marks (User Timing, for a portal's own measurements): opportunity-matcher:wasm-ready,
// :mounted, :list-downloaded and :list-shown (the first results rendered).

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

/** A URL next to this module: its pkg/ files, and any module it fetches later. */
function here(path) {
  return new URL(path, import.meta.url);
}

function mark(name) {
  if (typeof performance !== "undefined" && performance.mark) performance.mark(`opportunity-matcher:${name}`);
}

/**
 * Compiles the widget's wasm: while it downloads (streaming compilation) when the server sends it
 * as `application/wasm`, else from its bytes once downloaded (a host that sends
 * `application/octet-stream` still works, only later).
 */
export async function compileWasm(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText || ""} — ${url}`.replace("  ", " "));
  const type = response.headers.get("content-type") || "";
  // The test of the WebAssembly Web API: the MIME type's essence must be application/wasm.
  if (typeof WebAssembly.compileStreaming === "function" && /^\s*application\/wasm\s*(;|$)/i.test(type)) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * The two builds of the widget's wasm (one crate, `make build`): the portal build, without fair
 * mode and the `Matcher` API, is what a portal page loads; the full build is fetched only for
 * `mode="kiosk"`. Each: its glue's URL, and its wasm compiling (started when first asked for).
 */
const BUILDS = {
  portal: () => [here("./pkg/opportunity_matcher_portal.js"), compileWasm(here("./pkg/opportunity_matcher_portal_bg.wasm"))],
  full: () => [here("./pkg/opportunity_matcher.js"), compileWasm(here("./pkg/opportunity_matcher_bg.wasm"))],
};
const started = {};
/** The wasm-bindgen glue of a build, initialised; the wasm downloads and compiles while the glue loads. */
function loadWasm(build) {
  if (!started[build]) {
    const [glue, compiled] = BUILDS[build]();
    compiled.catch(() => {}); // reported through the glue's init below
    started[build] = import(glue.href).then(async (mod) => {
      await mod.default({ module_or_path: await compiled });
      mark("wasm-ready");
      return mod;
    });
  }
  return started[build];
}

/** The build a widget in this mode needs. */
function buildFor(mode) {
  return /^\s*kiosk\s*$/i.test(mode || "") ? "full" : "portal";
}

/** True for gzip data (a list published as `list.oml.gz`, `list.json.gz` …, sent without Content-Encoding). */
export function isGzip(buffer) {
  const b = new Uint8Array(buffer, 0, Math.min(3, buffer.byteLength));
  return b.length === 3 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 8;
}

/** The bytes of a gzip file, inflated by the browser (DecompressionStream). */
export async function gunzip(buffer) {
  const stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

/** Lists from this size on show how much has arrived while they download. */
export const PROGRESS_FROM_BYTES = 1 << 20;

/**
 * The list's bytes; an HTTP error status is an error naming it. `onProgress(received, total)` is
 * called as bytes arrive once the list is known to be large (`total` is 0 when unknown, e.g. a
 * gzipped response, whose Content-Length counts the compressed bytes).
 */
async function download(src, onProgress = null) {
  const response = await fetch(src, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText || ""} — ${src}`.replace("  ", " "));
  if (!onProgress || !response.body) return response.arrayBuffer();
  const length = Number(response.headers.get("content-length")) || 0;
  const total = response.headers.get("content-encoding") ? 0 : length;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (length >= PROGRESS_FROM_BYTES || received >= PROGRESS_FROM_BYTES) onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes.buffer;
}

/** "3.2 MB" or "3.2 / 12.0 MB" (the widget words its own progress line the same way). */
function megabytes(received, total) {
  const mb = (n) => (n / 1048576).toFixed(1);
  return total ? `${mb(received)} / ${mb(total)} MB` : `${mb(received)} MB`;
}

/** A list file's name as its reader sees it: `list.oml.gz` is read, inflated, as `list.oml`. */
function inflatedName(name) {
  return name.replace(/\.gz$/i, "");
}

/** The name of the list file at `src`, as its reader sees it. */
function fileName(src) {
  try {
    const path = new URL(src, document.baseURI).pathname;
    return inflatedName(decodeURIComponent(path.slice(path.lastIndexOf("/") + 1)) || "list.json");
  } catch {
    return "list.json";
  }
}

export class OpportunityMatcher extends HTMLElement {
  static observedAttributes = ["src", "lang", "mode", "weights"];

  #handle = null;
  #starting = null;
  #fetchToken = 0;
  #progressShown = null;
  #pendingQuery = undefined;
  #build = null;
  #listeningForDrops = false;

  constructor() {
    super();
    if (!this.shadowRoot) this.attachShadow({ mode: "open" });
    // A `query` set on the element before this module defined it is an own property hiding the
    // accessor: take it over.
    if (Object.prototype.hasOwnProperty.call(this, "query")) {
      const value = this.query;
      delete this.query;
      this.query = value;
    }
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
    // Fair mode is in the full build only: start again with it (the query is kept). The full
    // build also runs a portal, so switching back needs no restart.
    if (name === "mode" && buildFor(value) === "full" && this.#build !== "full") {
      this.#restart();
      return;
    }
    this.#guard(() => {
      if (name === "lang") this.#handle.setLang(this.#lang);
      else if (name === "mode") this.#handle.setMode(value || "portal");
      else if (name === "weights") this.#handle.setWeights(value || "");
      else if (name === "src") this.#fetchList();
    });
  }

  /**
   * The query as typed: `{industry, budget, region, sector, cooperation, stage}` (strings; empty
   * when unused). Setting it (an object, any field left out is cleared; or a string, the industry)
   * fills the form and ranks, also before the widget has started.
   */
  get query() {
    if (this.#handle) return this.#handle.query;
    const q = { industry: "", budget: "", region: "", sector: "", cooperation: "", stage: "" };
    const p = this.#pendingQuery;
    if (typeof p === "string") q.industry = p;
    else if (p && typeof p === "object") for (const k of Object.keys(q)) if (p[k] != null) q[k] = String(p[k]);
    return q;
  }

  set query(value) {
    if (!this.#handle) {
      this.#pendingQuery = value;
      return;
    }
    const ignored = this.#guard(() => this.#handle.setQuery(value));
    if (ignored && ignored.length) console.warn(`opportunity-matcher: query fields not understood: ${ignored.join(", ")}`);
  }

  /** Loads a list given as text (e.g. a file an official dropped on the widget). */
  loadText(text, name = "list.csv") {
    this.#guard(() => this.#handle.loadText(text, name));
  }

  /** Unmounts the widget and starts it again (another build of the wasm), keeping the query. */
  #restart() {
    const old = this.#handle;
    const query = old && this.#pendingQuery === undefined ? this.#guard(() => old.query) : null;
    if (query && Object.values(query).some((v) => v !== "")) this.#pendingQuery = query;
    this.#handle = null;
    this.#starting = null;
    this.#fetchToken++;
    this.#guard(() => old?.free());
    this.#placeholder();
    return this.#start();
  }

  #start() {
    if (!this.#starting) {
      // The wasm first (the larger download, needed whatever the list), then the list: both
      // download together while the wasm compiles, and the widget mounts as soon as it can.
      this.#build = buildFor(this.getAttribute("mode"));
      const ready = loadWasm(this.#build);
      const src = this.getAttribute("src");
      // A list published gzipped (list.oml.gz) is inflated as soon as it arrives, while the wasm
      // still downloads.
      // `bytes`: the list once it has arrived (inflated).
      const early = src ? { src, buffer: download(src, this.#progress).then((b) => (isGzip(b) ? gunzip(b) : b)), bytes: null } : null;
      early?.buffer.then(
        (bytes) => (early.bytes = bytes),
        () => {}, // an error is reported when awaited, after mounting
      );
      this.#starting = ready
        .then((mod) => {
          const options = { lang: this.#lang, mode: this.getAttribute("mode") || "portal", weights: this.getAttribute("weights") || "" };
          // The list arrived before the wasm (the wasm is the larger download): the widget starts
          // with it and is drawn once, with its results.
          // (A pkg/ older than this loader has no mountWithList: the list is then loaded after mounting.)
          const arrived = early && early.bytes && early.src === this.getAttribute("src") && typeof mod.mountWithList === "function" ? early.bytes : null;
          this.#handle = arrived
            ? mod.mountWithList(this.shadowRoot, options, new Uint8Array(arrived), fileName(early.src))
            : mod.mount(this.shadowRoot, options);
          mark("mounted");
          // The mode changed to or from fair mode while the wasm loaded: start again with its build.
          if (buildFor(this.getAttribute("mode")) === "full" && this.#build !== "full") return this.#restart();
          if (this.#pendingQuery !== undefined) {
            const query = this.#pendingQuery;
            this.#pendingQuery = undefined;
            this.query = query;
          }
          this.#listenForDrops();
          if (arrived) {
            this.#fetchToken++;
            mark("list-downloaded");
            mark("list-shown");
            this.#prepareTypeAheadWhenIdle();
            return undefined;
          }
          // Still downloading: build the reference data meanwhile (loading the list needs it).
          if (early && !early.bytes) mod.prepare();
          return this.#fetchList(early);
        })
        .catch((error) => this.#fail(error));
    }
    return this.#starting;
  }

  /** Shows how much of a large list has arrived, at most once a frame. */
  #progress = (received, total) => {
    const first = !this.#progressShown;
    this.#progressShown = [received, total];
    if (!first) return;
    requestAnimationFrame(() => {
      const [r, t] = this.#progressShown;
      this.#progressShown = null;
      if (this.#handle) this.#guard(() => this.#handle.setProgress(r, t));
      else this.#placeholder(r, t);
    });
  };

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
      buffer = await (early && early.src === src ? early.buffer : download(src, this.#progress));
      mark("list-downloaded");
      if (isGzip(buffer)) buffer = await gunzip(buffer);
    } catch (error) {
      if (token === this.#fetchToken) this.#guard(() => this.#handle.loadError(`${error && error.message ? error.message : error} (${src})`));
      return;
    }
    if (token === this.#fetchToken) {
      this.#loadBuffer(buffer, fileName(src));
      mark("list-shown");
      this.#prepareTypeAheadWhenIdle();
    }
  }

  /** The type-ahead index of place names, built before the visitor types (not before the results). */
  #prepareTypeAheadWhenIdle() {
    const idle = typeof requestIdleCallback === "function" ? requestIdleCallback : (f) => setTimeout(f, 200);
    const build = this.#build;
    idle(() => loadWasm(build).then((mod) => mod.prepareTypeAhead()));
  }

  /** A list's bytes, handed to wasm as they are: the core tells the compact form, a spreadsheet,
   *  JSON, CSV or TSV and the text encoding apart (one reader for every page and the CLI). */
  #loadBuffer(buffer, name) {
    this.#guard(() => this.#handle.loadBytes(new Uint8Array(buffer), name));
  }

  #listenForDrops() {
    if (this.#listeningForDrops) return;
    this.#listeningForDrops = true;
    this.addEventListener("dragover", (event) => {
      if (carriesFiles(event.dataTransfer)) event.preventDefault();
    });
    this.addEventListener("drop", async (event) => {
      // Fair mode handles its own drops (with a validation report) inside the widget.
      if (event.defaultPrevented) return;
      const file = event.dataTransfer && event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      const token = ++this.#fetchToken;
      let buffer = await file.arrayBuffer();
      if (isGzip(buffer)) buffer = await gunzip(buffer);
      if (token === this.#fetchToken) this.#loadBuffer(buffer, inflatedName(file.name));
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

  /** The loading line shown until the wasm has started (with the list's progress once it is large). */
  #placeholder(received = 0, total = 0) {
    const m = MESSAGES[this.#lang];
    const p = document.createElement("p");
    p.setAttribute("role", "status");
    p.textContent = received ? `${m.loading} ${megabytes(received, total)}` : m.loading;
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
