// TypeScript declarations of the `<opportunity-matcher>` element (`opportunity-matcher`, the
// loader www/opportunity-matcher.js). Importing the module defines the element. Written by hand;
// tests/e2e/package.test.mjs type-checks an example against it and runs the example in Chromium.
//
//   import "opportunity-matcher";
//   const el = document.createElement("opportunity-matcher");   // an OpportunityMatcher
//   el.setAttribute("src", "/data/projects.json");
//   document.body.append(el);
//   await el.ready;
//   el.handle?.resultIds();

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

/**
 * The events the element dispatches, beyond those of any HTML element. The widget has none of its
 * own yet: results, shortlist and opened-project events are planned (issue 15, item 3) and will be
 * declared here.
 */
export interface OpportunityMatcherEventMap extends HTMLElementEventMap {}

/** The `<opportunity-matcher>` element. */
export class OpportunityMatcher extends HTMLElement {
  /** The attributes whose changes the element applies at once. */
  static readonly observedAttributes: readonly ["src", "lang", "mode", "weights"];
  /** The widget, once the wasm has started (`null` before). */
  readonly handle: WidgetHandle | null;
  /** Resolves when the widget is mounted and the first list has been handed over (never rejects: a failure is shown in the element). */
  readonly ready: Promise<void>;
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

/** Decodes list bytes: UTF-8 (strict), UTF-16 with a BOM, else GB18030 (which covers GBK). */
export function decodeList(buffer: ArrayBuffer): string;
/** True for the compact list form written by `opportunity-matcher convert LIST OUT.oml`. */
export function isCompact(buffer: ArrayBuffer): boolean;
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
