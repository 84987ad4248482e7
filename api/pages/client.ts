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
      form.addEventListener("change", (e) => { if (e.target.matches("select")) form.requestSubmit(); });
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
