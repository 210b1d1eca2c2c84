#!/usr/bin/env node
// A tiny static file server for the demo, the tests and the benchmarks (no dependencies).
//
//   node scripts/serve.mjs [--port 8080] [--root www] [--host 127.0.0.1] [--csp] [--no-gzip] [--quiet]
//
// Correct MIME types (application/wasm for streaming compilation), index.html for directories, no
// directory listing, no path escaping the root. Compressible responses (text, JavaScript, JSON, CSV,
// SVG, wasm: what static hosts compress by default) are sent gzipped when the client accepts it,
// as any static host does; --no-gzip sends every file as it is. --csp sends the strict
// Content-Security-Policy the widget is built for. --port 0 picks a free port.
//
// Also importable: `serve({root, port, csp, gzip, mounts, types})`, where `csp` is `true` (the
// policy below) or a policy string sent as it is; `mounts` is a list of `[urlPrefix, path]` served
// before `root` (a prefix ending in `/` maps a folder, any other prefix one file), e.g. a release
// folder under a sub-path of another site; `types` overrides MIME types by extension (e.g.
// `{".wasm": "application/octet-stream"}`, as a misconfigured host sends); `headers` are added to
// every file sent (e.g. cross-origin isolation for a benchmark's fine-grained timer).

import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".oml": "application/octet-stream",
};

/** Types a static host compresses (nginx's gzip_types as hosting services set them, Netlify, Pages …). */
export function compressible(type) {
  return /^(text\/|application\/(javascript|json|wasm|xml)|image\/svg\+xml)/.test(type);
}

// Gzipped bodies by file, path + size + mtime, so that a benchmark measures the transfer, not the
// compression (static hosts keep compressed copies too).
const gzipped = new Map();
async function gzipOf(file, stat) {
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  let body = gzipped.get(key);
  if (!body) {
    body = gzipSync(await fs.readFile(file), { level: 6 }); // zlib's default, as most hosts use
    gzipped.set(key, body);
  }
  return body;
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Starts a server; resolves to `{ server, url, close() }`. */
export function serve({ root = "www", port = 8080, host = "127.0.0.1", csp = false, quiet = true, gzip = true, mounts = [], types = {}, headers: extra = {} } = {}) {
  const base = path.resolve(root);
  const mounted = mounts.map(([prefix, target]) => [prefix, path.resolve(target)]);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = "text/plain; charset=utf-8") => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      return send(400, "bad request\n");
    }
    // The first mount whose prefix matches, else the root.
    let [dir, rest] = [base, pathname];
    const mount = mounted.find(([prefix]) => (prefix.endsWith("/") ? pathname.startsWith(prefix) : pathname === prefix));
    if (mount) [dir, rest] = mount[0].endsWith("/") ? [mount[1], pathname.slice(mount[0].length - 1)] : [mount[1], ""];
    let file = rest ? path.join(dir, rest) : dir;
    if (file !== dir && !file.startsWith(dir + path.sep)) return send(403, "forbidden\n");
    try {
      let stat = await fs.stat(file);
      if (stat.isDirectory()) {
        file = path.join(file, "index.html");
        stat = await fs.stat(file);
      }
      const ext = path.extname(file).toLowerCase();
      const type = types[ext] || MIME[ext] || "application/octet-stream";
      const headers = {
        "Content-Type": type,
        "Content-Length": stat.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        ...extra,
      };
      if (csp) headers["Content-Security-Policy"] = typeof csp === "string" ? csp : CSP;
      const zip = gzip && compressible(type) && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
      if (gzip && compressible(type)) headers["Vary"] = "Accept-Encoding";
      if (zip) {
        const body = await gzipOf(file, stat);
        Object.assign(headers, { "Content-Encoding": "gzip", "Content-Length": body.length });
        res.writeHead(200, headers);
        res.end(req.method === "HEAD" ? undefined : body);
        if (!quiet) console.log(`200 ${pathname} (gzip)`);
        return;
      }
      res.writeHead(200, headers);
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
      if (!quiet) console.log(`200 ${pathname}`);
    } catch {
      if (!quiet) console.log(`404 ${pathname}`);
      send(404, `not found: ${pathname}\n`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const url = `http://${host}:${actual}/`;
      resolve({ server, url, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT || 8080), root: "www", host: "127.0.0.1", csp: false, quiet: false, gzip: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === "--port") opts.port = Number(value());
    else if (a.startsWith("--port=")) opts.port = Number(a.slice(7));
    else if (a === "--root") opts.root = value();
    else if (a.startsWith("--root=")) opts.root = a.slice(7);
    else if (a === "--host") opts.host = value();
    else if (a === "--csp") opts.csp = true;
    else if (a === "--quiet") opts.quiet = true;
    else if (a === "--no-gzip") opts.gzip = false;
    else if (a === "--help" || a === "-h") {
      console.log("usage: node scripts/serve.mjs [--port 8080] [--root www] [--host 127.0.0.1] [--csp] [--no-gzip] [--quiet]");
      process.exit(0);
    } else {
      console.error(`serve.mjs: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error("serve.mjs: --port needs a number between 0 and 65535");
    process.exit(2);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  serve(opts)
    .then(({ url }) => console.log(`serving ${path.resolve(opts.root)} at ${url}${opts.csp ? " (with CSP)" : ""} — Ctrl+C to stop`))
    .catch((e) => {
      console.error(`serve.mjs: ${e.message}${e.code === "EADDRINUSE" ? ` (use PORT= or --port to pick another)` : ""}`);
      process.exit(1);
    });
}
