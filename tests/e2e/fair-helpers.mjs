// Helpers of the fair-mode tests (fair.test.mjs, dist.test.mjs): reading a QR code off the screen,
// dropping a file on the kiosk, counting the pages of a PDF, the three screen sizes.

import jsQR from "jsqr";
import { PNG } from "pngjs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, W } from "./helpers.mjs";

/** The screens the fair page is tested on: a 1080p kiosk, a 4K screen, a phone. */
export const SCREENS = {
  "1080p": { viewport: { width: 1920, height: 1080 } },
  "4K": { viewport: { width: 3840, height: 2160 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

/** The share link the widget writes for a query and shortlist (the widget's URL fragment format). */
export function shareLink(base, { q, b, r, s = [], lang }) {
  const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const parts = [];
  if (q) parts.push(`q=${enc(q)}`);
  if (b) parts.push(`b=${enc(b)}`);
  if (r) parts.push(`r=${enc(r)}`);
  if (s.length) parts.push(`s=${s.map(enc).join(",")}`);
  parts.push(`lang=${lang}`);
  return `${base}#${parts.join("&")}`;
}

/** Screenshots an element holding a QR code and decodes it with jsQR; returns the text. */
export async function decodeQr(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!code) throw new Error(`no QR code could be read from a ${png.width}×${png.height} screenshot`);
  return code.data;
}

/** Drops a file on an element inside the widget, as dragging it from the desktop does. */
export async function dropFile(page, selector, file, { name = path.basename(file), type = "" } = {}) {
  const bytes = [...readFileSync(path.resolve(ROOT, file))];
  await page.evaluate(
    ({ selector, bytes, name, type }) => {
      const target = document.querySelector("opportunity-matcher").shadowRoot.querySelector(selector);
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
      for (const ty of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(new DragEvent(ty, { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
      }
    },
    { selector, bytes, name, type },
  );
}

/** Number of pages of a PDF made by Chromium. */
export function pdfPages(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) || []).length;
}

/** Interactive elements of the widget (visible ones) smaller than `min` CSS pixels either way. */
export async function smallTargets(page, min = 48) {
  return page.evaluate((min) => {
    const root = document.querySelector("opportunity-matcher").shadowRoot;
    const all = root.querySelectorAll("button, a[href], input:not([type=hidden]):not([type=file]), select, summary, [role=option]");
    const small = [];
    for (const e of all) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === "hidden") continue;
      if (r.height < min || r.width < min) small.push(`${e.tagName.toLowerCase()}.${e.className} "${(e.textContent || e.value || "").trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return small;
  }, min);
}

/** Waits until the kiosk shows its attract screen (charts drawn). */
export async function waitForAttract(page) {
  await page.locator(`${W} .om-attract .om-chart`).first().waitFor();
}

/** Scrolls every kiosk column back to the top (for screenshots). */
export async function scrollColumnsToTop(page) {
  await page.evaluate(() => {
    for (const c of document.querySelector("opportunity-matcher").shadowRoot.querySelectorAll(".om-k-col")) c.scrollTop = 0;
    window.scrollTo(0, 0);
  });
}
