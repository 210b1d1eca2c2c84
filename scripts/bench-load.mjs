#!/usr/bin/env node
// A list file made queryable by the wasm module in Node, as a page does it (`Matcher.fromBytes`
// on the file's bytes): the time and the wasm memory afterwards (memory never shrinks, so this is
// the high-water mark of the load). One load per process: run it again for another sample.
//
//   node scripts/bench-load.mjs LIST.json [--as-csv] [--pkg DIR]
//
// --as-csv: the same projects written as a CSV table first (their keys the header, lists joined
// with 、), for the table reader's path. --pkg: another wasm-bindgen output (default www/pkg, after
// `make build`). Reported, never gated.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const file = args[0];
const pkg = path.resolve(opt("pkg", path.join(root, "www/pkg")));

let bytes = new Uint8Array(readFileSync(file));
let name = path.basename(file);
if (args.includes("--as-csv")) {
  const { projects } = JSON.parse(new TextDecoder().decode(bytes));
  const keys = [...new Set(projects.flatMap((p) => Object.keys(p)))];
  const cell = (v) => {
    const t = v == null ? "" : Array.isArray(v) ? v.join("、") : String(v);
    return /[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
  };
  const lines = [keys.join(","), ...projects.map((p) => keys.map((k) => cell(p[k])).join(","))];
  bytes = new TextEncoder().encode(lines.join("\r\n") + "\r\n");
  name = name.replace(/\.json$/, ".csv");
}
const glue = await import(path.join(pkg, "opportunity_matcher.js"));
glue.initSync({ module: readFileSync(path.join(pkg, "opportunity_matcher_bg.wasm")) });
const start = performance.now();
const m = await glue.Matcher.fromBytes(bytes, name);
const ms = performance.now() - start;
const mib = glue.heapBytes() / 1048576;
console.log(`${name}: ${m.length} projects queryable in ${ms.toFixed(0)} ms, wasm memory ${mib.toFixed(1)} MiB (${(bytes.length / 1e6).toFixed(1)} MB of input)`);
