// The leads page's worker (www/leads.html): loads the main wasm module once and matches a leads
// sheet against a list off the page's thread, posting progress as it goes, so the page never
// freezes. Spreadsheets go through the sheets module first (fetched only when one is given).
// Nothing is sent anywhere: the files arrive as bytes from the page and the answer goes back to it.
//
// Messages in:  {type: "run", list: {bytes, name}, leads: {bytes, name}, top, lang, today}
//               {type: "csv", view: "leads" | "projects", ids: [...]}   (of the last answer)
// Messages out: {type: "progress", done, total} · {type: "done", json} (the answer as JSON text:
//               parsed once, by the page, instead of copied as a large object) · {type: "csv", text} ·
//               {type: "error", message}

import init, { matchLeads } from "./pkg/opportunity_matcher.js";

const ready = init();
let sheets = null;
let answer = null;

const isWorkbook = (b) =>
  (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) ||
  (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0);

async function asTable(file) {
  if (!isWorkbook(file.bytes)) return file.bytes;
  if (!sheets) {
    sheets = import("./pkg/opportunity_matcher_sheets.js").then(async (m) => {
      await m.default();
      return m;
    });
  }
  return (await sheets).readSpreadsheet(file.bytes, file.name);
}

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    await ready;
    if (msg.type === "run") {
      const list = await asTable(msg.list);
      const leads = await asTable(msg.leads);
      if (answer) answer.free();
      answer = null;
      answer = matchLeads(list, msg.list.name, leads, msg.leads.name, { top: msg.top, lang: msg.lang, today: msg.today }, (done, total) =>
        self.postMessage({ type: "progress", done, total }),
      );
      self.postMessage({ type: "done", json: answer.json() });
    } else if (msg.type === "csv" && answer) {
      self.postMessage({ type: "csv", text: answer.csv(msg.view, msg.ids) });
    }
  } catch (e) {
    self.postMessage({ type: "error", message: String(e && e.message ? e.message : e) });
  }
};
