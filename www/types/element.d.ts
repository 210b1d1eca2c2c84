// TypeScript declarations of the `<opportunity-matcher>` element (`opportunity-matcher`, the
// loader www/opportunity-matcher.js). Importing the module defines the element. Written by hand;
// tests/e2e/package.test.mjs type-checks an example against it and runs the example in Chromium.
//
//   import "opportunity-matcher";
//   const el = document.createElement("opportunity-matcher");   // an OpportunityMatcher
//   el.setAttribute("src", "/data/projects.json");
//   document.body.append(el);
//   await el.ready;
//   el.query = { industry: "新能源", region: "成都" };
//   el.addEventListener("om-project-open", (e) => console.log(e.detail.id));

import type { Lang, WidgetHandle } from "./pkg/opportunity_matcher.js";

export type { Lang, WidgetHandle } from "./pkg/opportunity_matcher.js";

/** The element's attributes (all strings, as in HTML). */
export interface OpportunityMatcherAttributes {
  /** The list: JSON or CSV (UTF-8, UTF-16 or GB18030/GBK), or the compact `.oml` form; any of them may be gzipped. */
  src?: string;
  /** `zh-Hans`, `zh-Hant` or `en` (any BCP 47 tag); default: the page's `<html lang>`. */
  lang?: string;
  /** `portal` (default) or `kiosk` (fair mode). */
  mode?: "portal" | "kiosk";
  /** Ranking weights: `industry=0.5,budget=0.2,region=0.3` or JSON. */
  weights?: string;
  /** Kiosk: seconds before an idle kiosk resets (default 90, `0` = never). */
  idle?: string;
  /** Kiosk: the public page the QR code's share link points at. */
  "share-base"?: string;
}

/** The query as typed (strings; empty when unused): what `query` returns and takes. */
export interface MatcherQuery {
  /** Industry, e.g. `动力电池` or `new energy`. */
  industry: string;
  /** Budget, e.g. `30亿` or `USD 50 million`. */
  budget: string;
  /** Region, e.g. `成都` or `Chengdu`. */
  region: string;
  /** Sector filter: a sector key of `sectors()` (e.g. `manufacturing`), or empty. */
  sector: string;
  /** Cooperation filter as written in the list, or empty. */
  cooperation: string;
  /** Stage filter as written in the list, or empty. */
  stage: string;
}

/** `detail` of `om-results-change`: the ranked results shown changed, or the query behind them (also the first results after a list loads). */
export interface ResultsChangeDetail {
  /** Ids of the results shown, in rank order. */
  ids: string[];
  /** How many projects match the query (more than are shown). */
  matched: number;
  /** Projects in the list. */
  total: number;
  query: MatcherQuery;
}

/** `detail` of `om-shortlist-change`: the visitor starred or unstarred a project, or cleared the shortlist. */
export interface ShortlistChangeDetail {
  /** Ids of the shortlist, in the order they were starred. */
  ids: string[];
  /** The id just starred, or null. */
  added: string | null;
  /** The id just unstarred (the first, when the shortlist was cleared), or null. */
  removed: string | null;
}

/** `detail` of `om-project-open`: the visitor opened a project's details. */
export interface ProjectOpenDetail {
  id: string;
  /** The project's name as the list gives it (null when the id is not in the list loaded). */
  name: string | null;
  /** Its position in the list (null when the id is not in the list loaded). */
  index: number | null;
}

/**
 * The events the element dispatches, beyond those of any HTML element. They bubble and are
 * composed (they leave a shadow root the element sits in); the widget never waits for a listener.
 */
export interface OpportunityMatcherEventMap extends HTMLElementEventMap {
  "om-results-change": CustomEvent<ResultsChangeDetail>;
  "om-shortlist-change": CustomEvent<ShortlistChangeDetail>;
  "om-project-open": CustomEvent<ProjectOpenDetail>;
}

/** The `<opportunity-matcher>` element. */
export class OpportunityMatcher extends HTMLElement {
  /** The attributes whose changes the element applies at once. */
  static readonly observedAttributes: readonly ["src", "lang", "mode", "weights"];
  /** The widget, once the wasm has started (`null` before). */
  readonly handle: WidgetHandle | null;
  /** Resolves when the widget is mounted and the first list has been handed over (never rejects: a failure is shown in the element). */
  readonly ready: Promise<void>;
  /**
   * The query as typed. Setting it (an object, a field left out is cleared; or a string, the
   * industry) fills the form and ranks, also before the widget has started.
   */
  get query(): MatcherQuery;
  set query(value: Partial<MatcherQuery> | string);
  /** Loads a list given as text (e.g. a file dropped on the page); `name` guides the format (`.csv`, `.json`). */
  loadText(text: string, name?: string): void;

  addEventListener<K extends keyof OpportunityMatcherEventMap>(
    type: K,
    listener: (this: OpportunityMatcher, ev: OpportunityMatcherEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof OpportunityMatcherEventMap>(
    type: K,
    listener: (this: OpportunityMatcher, ev: OpportunityMatcherEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** True for gzip data. */
export function isGzip(buffer: ArrayBuffer): boolean;
/** The bytes of a gzip file, inflated by the browser. */
export function gunzip(buffer: ArrayBuffer): Promise<ArrayBuffer>;
/** Compiles the widget's wasm: streaming when the server sends `application/wasm`, else from its bytes. */
export function compileWasm(url: URL | string): Promise<WebAssembly.Module>;
/** Lists from this size on show how much has arrived while they download. */
export const PROGRESS_FROM_BYTES: number;

declare global {
  interface HTMLElementTagNameMap {
    "opportunity-matcher": OpportunityMatcher;
  }
}
