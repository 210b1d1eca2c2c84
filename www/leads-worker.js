// The leads page's worker (www/leads.html): loads the publisher module once (it holds the leads
// entry and reads spreadsheets itself) and matches a leads sheet against a list off the page's
// thread, posting progress as it goes, so the page never freezes.
// Nothing is sent anywhere: the files arrive as bytes from the page and the answer goes back to it.
//
// Messages in:  {type: "run", list: {bytes, name}, leads: {bytes, name}, top, lang, today}
//               {type: "csv", view: "leads" | "projects", ids: [...]}   (of the last answer)
// Messages out: {type: "progress", done, total} · {type: "done", json} (the answer as JSON text:
//               parsed once, by the page, instead of copied as a large object) · {type: "csv", text} ·
//               {type: "error", message}

import init, { matchLeads } from "./pkg/opportunity_matcher_publish.js";

const ready = init();
let answer = null;

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    await ready;
    if (msg.type === "run") {
      if (answer) answer.free();
      answer = null;
      answer = matchLeads(msg.list.bytes, msg.list.name, msg.leads.bytes, msg.leads.name, { top: msg.top, lang: msg.lang, today: msg.today }, (done, total) =>
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
