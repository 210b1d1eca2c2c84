// TypeScript declarations of the JavaScript API (`opportunity-matcher/matcher`, the wasm-bindgen
// module pkg/opportunity_matcher.js): the `Matcher` class, its options and results, and the
// widget's `mount`. Written by hand from src/wasm.rs and the structs it serialises (src/rank/,
// src/present.rs, src/list/); tests/e2e/package.test.mjs type-checks an example against them and
// compares every interface below with the objects the running wasm returns.
//
//   import init, { Matcher } from "opportunity-matcher/matcher";
//   await init();
//   const m = Matcher.fromText(await (await fetch("list.json")).text(), "list.json");
//   const r = m.rank({ industry: "动力电池", budget: "30亿", region: "成都", top: 10 });

/** A display language. Any BCP 47 tag is accepted where a `Lang` is taken (`zh-TW` → `zh-Hant`, other non-Chinese tags → `en`). */
export type Lang = "zh-Hans" | "zh-Hant" | "en";

/** A currency an amount can be given in. */
export type Currency = "CNY" | "USD" | "HKD" | "EUR" | "GBP" | "JPY";

/** Weights of the score's parts; a part left out keeps its default (industry 0.45, budget 0.25, region 0.30, keywords 0.20, priority 0.05). */
export interface Weights {
  industry: number;
  budget: number;
  region: number;
  keywords: number;
  /** Share of the score given to the publisher's priority (0–100 in the list). */
  priority: number;
}

/** What an investor asks for; every field is optional. */
export interface RankQuery {
  /** What the investor does or seeks: `动力电池`, `power battery`, `食品饮料`, `AI`. */
  industry?: string | null;
  /** How much they can invest: `30亿`, `5000万以内`, `1-5亿`, `up to 200 million USD`. */
  budget?: string | null;
  /** Where: `成都`, `川`, `Chengdu`, `成渝`, `长三角`, `成都、重庆`. */
  region?: string | null;
  /** Free keywords matched against names, tags and descriptions. */
  keywords?: string | null;
  /** Filter: only projects of this sector (a taxonomy sector, any script). */
  sector?: string | null;
  /** Filter: only projects open to this cooperation mode (`合资`, `PPP`). */
  cooperation?: string | null;
  /** Filter: only projects at this stage (`在谈`, `前期`). */
  stage?: string | null;
  /** Filter: only projects whose total investment lies in this range (`1-10亿`). */
  investment?: string | null;
  /** How many results (default 20). */
  top?: number | null;
  /** Language of reasons and warnings (default `zh-Hans`). */
  lang?: Lang | string | null;
  /** Weights of the parts. */
  weights?: Partial<Weights> | null;
  /** Today's date (`YYYY-MM-DD`), for marking stale entries; none means no staleness check. */
  today?: string | null;
}

/** One industry term as understood. */
export interface IndustryUnderstood {
  /** What was typed. */
  typed: string;
  /** The taxonomy node's key (`em.nev.battery`), if one was found. */
  key: string | null;
  /** The node's label in the query language. */
  label: string | null;
  /** True when found as a near-miss spelling. */
  near_miss: boolean;
}

/** The budget as understood. */
export interface BudgetUnderstood {
  /** Lower end in yuan. */
  min_yuan: number;
  /** Upper end in yuan (`null` when open). */
  max_yuan: number | null;
  bound: "exact" | "range" | "up_to" | "at_least";
  /** The currency the investor typed. */
  currency: Currency;
  /** As shown back, in the query language. */
  text: string;
}

/** One place as understood. */
export interface RegionUnderstood {
  /** Display name in the query language. */
  name: string;
  /** GB/T 2260 code. */
  code: number;
}

/** What the matcher understood of a query. */
export interface Understood {
  industry: IndustryUnderstood[];
  budget: BudgetUnderstood | null;
  region: RegionUnderstood[];
  /** Economic zones (`成渝地区双城经济圈`), in the query language. */
  zones: string[];
  /** Places the investor left out (`成都以外`, `Sichuan except Chengdu`): their projects are not ranked. */
  excluded: RegionUnderstood[];
  /** Economic zones left out, in the query language. */
  excluded_zones: string[];
  /** Industries the investor left out (`不要房地产`, `not real estate`), as labels in the query language: their projects are not ranked. */
  excluded_industries: string[];
  /** Keywords as folded. */
  keywords: string | null;
  /** Sector filter, as a taxonomy label. */
  sector: string | null;
  /** Cooperation filter, folded. */
  cooperation: string | null;
  /** Stage filter, folded. */
  stage: string | null;
  /** Investment range filter. */
  investment: string | null;
  /** Results asked for. */
  top: number;
  /** Language of reasons. */
  lang: Lang;
  /** Weights in force. */
  weights: Weights;
}

/** The part scores of one result, each in [0, 1]; a part the investor left empty is `null`. */
export interface Parts {
  industry: number | null;
  budget: number | null;
  region: number | null;
  /** Present only when keywords were given. */
  keywords?: number | null;
}

/** One ranked project. */
export interface RankedProject {
  id: string;
  name: string;
  /** Score in [0, 1], rounded to three decimals. */
  score: number;
  parts: Parts;
  /** One sentence per part (and for priority and staleness), in the query language. */
  reasons: string[];
  /** Position of the project in the list, for `Matcher.project(index)`. */
  index: number;
}

/** The answer to a query. */
export interface RankResponse {
  query: Understood;
  /** Parts of the query that were not understood, and other notes. */
  warnings: string[];
  /** Results, best first. */
  results: RankedProject[];
  /** How many projects passed the filters. */
  matched: number;
  /** What to loosen when few projects fit (a wider region, a larger budget, a related industry). */
  suggestions: string[];
}

/** A project with every field formatted for one language. Text fields are untrusted: render them as text, never as HTML. */
export interface ProjectView {
  id: string;
  /** Name in the chosen language where the list gives one (English name for `en`). */
  name: string;
  /** The other name (Chinese name when English is shown), if any. */
  alt_name: string | null;
  /** Sector as written by the publisher. */
  sector: string;
  /** The sector's taxonomy label in the chosen language, if it maps. */
  sector_label: string | null;
  tags: string[];
  /** Place as a full path in the chosen language. */
  place: string;
  /** GB/T 2260 code of the place (0 for zones without one). */
  place_code: number;
  /** Park or carrier. */
  park: string | null;
  /** Total investment, formatted (`50亿元`, `5 billion yuan`). */
  investment: string | null;
  /** Amount sought, formatted. */
  seeking: string | null;
  /** Total investment in yuan (lower end), for sorting and export. */
  investment_yuan: number | null;
  cooperation: string[];
  stage: string | null;
  /** Land in mu. */
  land_mu: number | null;
  description: string | null;
  benefits: string | null;
  policies: string | null;
  contact_org: string | null;
  contact_name: string | null;
  /** Phone as written. */
  contact_phone: string | null;
  /** Phone reduced to `tel:` characters, if it has digits. */
  contact_tel: string | null;
  /** Email, only if it looks like one. */
  contact_email: string | null;
  /** Publisher priority, 0–100. */
  priority: number | null;
  /** IRR, formatted (`12.5%`). */
  irr: string | null;
  /** Payback, formatted (`6年`, `6 years`). */
  payback: string | null;
  jobs: number | null;
  /** Annual output, formatted. */
  annual_output: string | null;
  /** Last update (ISO date). */
  updated: string | null;
  /** An http(s) link (checked at load). */
  url: string | null;
  /**
   * The fields shown in Chinese in an English view because the list gives them in Chinese only
   * (`name`, `sector`, `park`, `stage`, `description`, …, and `tags.N` / `cooperation.N` for one
   * list item): mark them `lang="zh"`. Empty in the Chinese views.
   */
  untranslated: string[];
}

/** A list field, by its English key. */
export type Field =
  | "id" | "name" | "name_en" | "sector" | "tags" | "region" | "park" | "investment" | "seeking" | "cooperation" | "stage"
  | "land_mu" | "description" | "description_en" | "benefits" | "policies" | "contact_org" | "contact_name" | "contact_phone"
  | "contact_email" | "priority" | "irr_pct" | "payback_years" | "jobs" | "annual_output" | "updated" | "url";

/** Why an amount could not be read. */
export type MoneyError = "not_understood" | "negative" | "too_large" | "inverted_range";

/** Why a row was rejected. */
export type RejectReason =
  | { kind: "missing_name" }
  | { kind: "missing_region" }
  | { kind: "unknown_region" }
  | { kind: "ambiguous_region"; /** The candidate places, as full paths. */ candidates: string[] }
  | { kind: "unreadable_amount"; error: MoneyError }
  | { kind: "duplicate_id"; /** The row that first used the id. */ first_row: number };

/** A row that could not be used; every other row still loads. */
export interface RejectedRow {
  /** Row number as a spreadsheet shows it (header = row 1; in JSON the first project is row 1). */
  row: number;
  /** The project id, if the row gave one. */
  id: string | null;
  field: Field;
  /** The offending value, as written (cut to 200 characters). */
  value: string;
  reason: RejectReason;
  /** Row, field, value and reason in plain words, in the language asked for. */
  message: string;
}

/** What a load warning is about. */
export type WarningKind =
  | "unknown_header" | "duplicate_header" | "url_dropped" | "place_note" | "value_dropped" | "priority_clamped"
  | "seeking_above_investment" | "extra_cells" | "list_setting" | "missing_sector";

/** A problem that does not stop the row (or the list) from loading. */
export interface LoadWarning {
  /** Row number, or `null` for the header or the list as a whole. */
  row: number | null;
  field: Field | null;
  /** The value concerned (a header, a url …), cut to 200 characters. */
  value: string;
  kind: { kind: WarningKind };
  /** The warning in plain words, in the language asked for. */
  message: string;
}

/** The list's own description and settings, and how it was read. */
export interface ListMeta {
  title: string | null;
  publisher: string | null;
  /** Date of the list. */
  updated: string | null;
  /** Currency of bare figures. */
  currency: Currency;
  /** A notice to show with the list (e.g. "illustrative data"). */
  notice: string | null;
  format: "json" | "csv" | "compact";
  encoding: "utf8" | "utf16" | "gb18030" | "utf8-lossy";
  /** `loaded 211 projects, rejected 0 rows, 8 warnings`, in the language asked for. */
  summary: string;
}

/** Headline figures: `[label, projects, investment in yuan]` per sector and per province. */
export interface ListStats {
  projects: number;
  /** Total investment, formatted. */
  total_investment: string;
  total_investment_yuan: number;
  by_sector: [label: string, projects: number, yuan: number][];
  by_province: [label: string, projects: number, yuan: number][];
}

/** Where a list's wasm heap goes, in bytes. */
export interface HeapBreakdown {
  structs: number;
  text: number;
  index: number;
}

/** A taxonomy node for type-ahead and filters. */
export interface IndustryItem {
  key: string;
  label: string;
}

/** A place for type-ahead. */
export interface RegionSuggestion {
  label: string;
  path: string;
  /** GB/T 2260 code (0 for an economic zone). */
  code: number;
  level: "province" | "city" | "county" | "zone" | "economic-zone";
}

/** A province and its cities (for a municipality, its districts). */
export interface ProvinceItem {
  label: string;
  code: number;
  cities: { label: string; code: number }[];
}

/** A loaded, indexed opportunity list. Free it with `free()` (or `using`) when it is no longer needed. */
export class Matcher {
  private constructor();
  /**
   * Loads a list from text (JSON or CSV; `name` guides the format). Throws an `Error` whose
   * message says what is wrong when the whole list cannot be read; bad rows do not throw, see `rejected()`.
   */
  static fromText(text: string, name: string): Matcher;
  /** Loads a list in the compact form written by `opportunity-matcher convert LIST OUT.oml`, with its stored index. Throws on damaged bytes. */
  static fromCompact(bytes: Uint8Array): Matcher;
  /** Number of projects loaded. */
  readonly length: number;
  rejected(lang?: Lang | string | null): RejectedRow[];
  warnings(lang?: Lang | string | null): LoadWarning[];
  meta(lang?: Lang | string | null): ListMeta;
  /** Ranks the list. Throws an `Error` when the query has a field of the wrong type. */
  rank(query?: RankQuery | null): RankResponse;
  /** A project formatted for display, by its position in the list; `null` past the end. */
  project(index: number, lang?: Lang | string | null): ProjectView | null;
  /** The position of the project with this id, or -1. */
  indexOf(id: string): number;
  stats(lang?: Lang | string | null): ListStats;
  heapBreakdown(): HeapBreakdown;
  free(): void;
  [Symbol.dispose](): void;
}

/** Options of `mount`. */
export interface MountOptions {
  lang?: Lang | string;
  mode?: "portal" | "kiosk";
  /** `industry=0.5,region=0.3` or JSON, or an object of weights. */
  weights?: string | Partial<Weights>;
  /** Kiosk: seconds before an idle kiosk resets (default 90, 0 = never). */
  idle?: number | string;
  /** Kiosk: the public page the QR code's share link points at. */
  shareBase?: string;
}

/** The widget mounted by `mount` (the `<opportunity-matcher>` element's `handle`). */
export class WidgetHandle {
  private constructor();
  /** Loads a list from text and shows it ranked. */
  loadText(text: string, name: string): void;
  /** Loads a list in the compact form and shows it ranked. */
  loadCompact(bytes: Uint8Array): void;
  /** Loads a list from its file's bytes (JSON, CSV, TSV, a spreadsheet or the compact form; any encoding) and shows it ranked. */
  loadBytes(bytes: Uint8Array, name: string): void;
  /** Shows that the list could not be fetched, with the cause. */
  loadError(message: string): void;
  /** Shows the loading state. */
  setLoading(): void;
  /** Shows how much of a large list has arrived (`total` 0 when unknown). */
  setProgress(received: number, total: number): void;
  setLang(tag: Lang | string): void;
  /** The language shown. */
  readonly lang: Lang;
  setMode(mode: "portal" | "kiosk" | string): void;
  /** `industry=0.5,region=0.3` or JSON; empty restores the defaults. */
  setWeights(weights: string): void;
  /** The ids shown, in rank order. */
  resultIds(): string[];
  /** The query as typed: `{industry, budget, region, sector, cooperation, stage}`. */
  readonly query: { industry: string; budget: string; region: string; sector: string; cooperation: string; stage: string };
  /** Replaces the query (a field left out is cleared; a string is the industry) and ranks; returns the names of fields that are not part of a query. */
  setQuery(query: Partial<{ industry: string; budget: string; region: string; sector: string; cooperation: string; stage: string }> | string): string[];
  /** Kiosk: resets now, as the idle timer does. */
  resetKiosk(): void;
  /** Kiosk: the share link of the current view; empty when there is nothing to share. */
  shareLink(): string;
  free(): void;
  [Symbol.dispose](): void;
}

/** Mounts the widget into a shadow root or an element (whose open shadow root is used or attached). */
export function mount(root: ShadowRoot | Element, options?: MountOptions | null): WidgetHandle;
/**
 * `mount` with the list's bytes already at hand (`name`: its file name): the widget is drawn once,
 * with its results (the element calls it when the list arrived before the wasm). A workbook is shown
 * loading until the spreadsheet module has read it.
 */
export function mountWithList(root: ShadowRoot | Element, options: MountOptions | null | undefined, bytes: Uint8Array, name: string): WidgetHandle;

/** Builds the reference data now rather than on first use (the element calls it while the list downloads). */
export function prepare(): void;
/** Builds the type-ahead index of place names now rather than on the first keystroke (the element calls it when idle after the first results). */
export function prepareTypeAhead(): void;

/** Industry suggestions for type-ahead. */
export function suggestIndustry(prefix: string, lang?: Lang | string | null, limit?: number | null): IndustryItem[];
/** Region suggestions for type-ahead. */
export function suggestRegion(prefix: string, lang?: Lang | string | null, limit?: number | null): RegionSuggestion[];
/** The taxonomy's sectors, for a sector filter. */
export function sectors(lang?: Lang | string | null): IndustryItem[];
/** Provinces and their cities, for a picker. */
export function regionTree(lang?: Lang | string | null): ProvinceItem[];
/** Size of the wasm linear memory in bytes. */
export function heapBytes(): number;

/** What `init` accepts: the wasm's URL, a `Response`, its bytes or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The instantiated module's exports (internal; only `memory` is of use outside). */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/** Loads and instantiates the wasm (default: pkg/opportunity_matcher_bg.wasm next to this module). Call once before anything else. */
export default function init(module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
/** Instantiates the wasm synchronously from its bytes or a compiled module. */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;
