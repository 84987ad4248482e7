/**
 * Progressive enhancement, served as /assets/pages.js: everything works without it. With it:
 * changing a requirement chip re-ranks at once, skill inputs autocomplete from the taxonomy,
 * and "add a skill" adds a row.
 */
export const CLIENT_JS = `
(() => {
  const ready = (fn) => document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", fn) : fn();
  ready(() => {
    document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
      form.addEventListener("change", async (e) => {
        if (!e.target.matches("select")) return;
        await refreshAnalysis(form);
        form.requestSubmit();
      });
    });
    document.querySelectorAll("button[data-remove-row]").forEach((b) => b.addEventListener("click", (e) => {
      e.preventDefault();
      const form = b.closest("form");
      b.closest("[data-row]").remove();
      if (form && form.hasAttribute("data-autosubmit")) form.requestSubmit();
    }));
    document.querySelectorAll("button[data-add-row]").forEach((b) => b.addEventListener("click", (e) => {
      e.preventDefault();
      const rows = document.getElementById(b.dataset.addRow);
      const last = rows.querySelector("[data-row]:last-of-type");
      const copy = last.cloneNode(true);
      copy.querySelectorAll("input").forEach((i) => (i.value = ""));
      rows.appendChild(copy);
      bindAutocomplete(copy.querySelector("input[list]"));
    }));
    document.querySelectorAll("input[list]").forEach(bindAutocomplete);
  });
  // The cost panel follows the chips: the requirements as they stand now, the form's own query.
  async function refreshAnalysis(form) {
    const panel = document.getElementById("analysis");
    if (!panel || !form.querySelector("#chips [data-row]")) return;
    const res = await fetch("/match/analysis?" + new URLSearchParams(new FormData(form)));
    if (!res.ok) return;
    renderAnalysis(panel, await res.json());
  }
  const LEVELS = ["none", "awareness", "working", "practitioner", "advanced", "expert"];
  const levelText = (l) => l === null ? "any level" : "≥ " + LEVELS[Math.max(0, Math.min(5, Math.floor(l)))];
  function renderAnalysis(panel, a) {
    const el = (tag, text, attrs) => { const n = document.createElement(tag); if (text !== undefined) n.textContent = text; Object.assign(n, attrs || {}); return n; };
    const qualified = el("p"); qualified.dataset.qualified = "";
    qualified.append(el("strong", String(a.qualified)), " of " + a.population + " people meet every required requirement.");
    const parts = [el("h2", "What each requirement costs"), qualified];
    if (a.bottleneck) { const b = el("p", "Bottleneck: " + a.bottleneck + "."); b.dataset.bottleneck = ""; parts.push(b); }
    if (a.costs.length) {
      const table = el("table", undefined, { className: "data" });
      const head = el("tr"); ["required", "shuts out", "if preferred", "one level lower"].forEach((h) => head.append(el("th", h)));
      table.append(el("thead")); table.tHead.append(head);
      const body = el("tbody");
      for (const c of a.costs) {
        const tr = el("tr");
        const name = el("td", c.label + " "); name.append(el("span", levelText(c.minLevel), { className: "muted" }));
        tr.append(name, el("td", c.removes + " of " + c.otherwiseQualified), el("td", String(c.ifPreferred)), el("td", c.ifLowered ? String(c.ifLowered.qualified) : "–"));
        body.append(tr);
      }
      table.append(body); parts.push(table);
    } else parts.push(el("p", "No requirement is required: nobody is shut out.", { className: "muted" }));
    panel.replaceChildren(...parts);
  }
  function bindAutocomplete(input) {
    if (!input) return;
    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2) return;
      timer = setTimeout(async () => {
        const res = await fetch("/v1/concepts?limit=8&q=" + encodeURIComponent(q));
        if (!res.ok) return;
        const { concepts } = await res.json();
        const list = document.getElementById(input.getAttribute("list"));
        list.replaceChildren(...concepts.map((c) => { const o = document.createElement("option"); o.value = c.label; return o; }));
      }, 150);
    });
  }
})();
`;
