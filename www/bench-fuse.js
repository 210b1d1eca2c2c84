// The comparison page of the phone benchmark (scripts/bench-phone.mjs): what a web team would
// build with Fuse.js instead of the widget — fetch the list, build a Fuse index, search the
// industry typed (the region and budget as post-filters, bench-common.js) and render cards. The
// query comes from the URL fragment like the widget's (#q=动力电池&b=30亿&r=成都), so that both
// pages answer the same shared link. Fuse.js is served by the benchmark under vendor/.

import Fuse from "./vendor/fuse.min.mjs";
import { FUSE_OPTIONS, textOf, topResults, withAmounts } from "./bench-common.js";

const form = document.getElementById("fuse-form");
const status = document.getElementById("fuse-status");
const list = document.getElementById("fuse-results");

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

function amount(p) {
  const v = p.seeking ?? p.investment;
  return v == null ? "" : typeof v === "number" ? `${(v / 1e8).toFixed(2)}亿元` : String(v);
}

function render(projects, fuse) {
  const q = { industry: form.industry.value, budget: form.budget.value, region: form.region.value };
  const text = textOf(q);
  const hits = text ? fuse.search(text).map((r) => r.refIndex) : null;
  const shown = topResults(projects, hits, q, 20);
  status.textContent = `${projects.length} 个项目，显示 ${shown.length} 个`;
  list.replaceChildren(
    ...shown.map((p) => {
      const li = el("li", "fuse-card");
      li.setAttribute("role", "listitem");
      li.dataset.projectId = p.id;
      li.append(
        el("h3", null, p.name),
        el("p", "fuse-meta", [p.sector, p.region, amount(p)].filter(Boolean).join(" · ")),
        el("p", null, String(p.description || "").slice(0, 120)),
      );
      return li;
    }),
  );
}

async function main() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  form.industry.value = fragment.get("q") || "";
  form.budget.value = fragment.get("b") || "";
  form.region.value = fragment.get("r") || "";
  const response = await fetch(form.dataset.src);
  const data = await response.json();
  const projects = withAmounts(Array.isArray(data) ? data : data.projects);
  const fuse = new Fuse(projects, FUSE_OPTIONS);
  render(projects, fuse);
  form.addEventListener("input", () => render(projects, fuse));
  form.addEventListener("submit", (e) => e.preventDefault());
}

main().catch((e) => {
  status.textContent = `错误 Error: ${e.message}`;
});
