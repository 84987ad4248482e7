/**
 * A page that renders the OpenAPI document with no network: every operation, its request body and
 * its responses, with the schemas inline. The raw document is at /openapi.json.
 */
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is read field by field, each guarded with ?? and ?.
type Json = Record<string, any>;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

const schemaBlock = (schema: unknown) =>
  schema ? `<pre class="schema">${escapeHtml(JSON.stringify(schema, null, 2))}</pre>` : "";

function operation(path: string, method: string, op: Json): string {
  const body = op.requestBody?.content ?? {};
  const params = (op.parameters ?? []) as Json[];
  const responses = Object.entries((op.responses ?? {}) as Json);
  return `<section class="op" id="${escapeHtml(`${method}-${path}`)}">
  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  <p>${escapeHtml(op.summary ?? "")}</p>
  ${op.description ? `<p class="desc">${escapeHtml(op.description)}</p>` : ""}
  ${params.length ? `<h4>Parameters</h4><ul>${params.map((p) => `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ", required" : ""})</li>`).join("")}</ul>` : ""}
  ${Object.entries(body as Json)
    .map(
      ([type, c]) =>
        `<details><summary>Request body: ${escapeHtml(type)}</summary>${schemaBlock((c as Json).schema)}</details>`,
    )
    .join("")}
  <h4>Responses</h4>
  ${responses.map(([status, r]) => `<details><summary><b>${escapeHtml(status)}</b> ${escapeHtml((r as Json).description ?? "")}</summary>${schemaBlock((r as Json).content?.["application/json"]?.schema)}</details>`).join("")}
</section>`;
}

/** Served as /assets/docs.css: the CSP allows no inline style. */
export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:0 auto;padding:1rem;color:#1a1a1a}
.op{border:1px solid #ccd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:4.5em;text-align:center;border-radius:4px;color:#fff;padding:0 .4em;font-size:.85em}
.get{background:#1f6f43}.post{background:#1d4f91}.delete{background:#9b1c1c}.put{background:#7a4b00}
pre.schema{background:#f5f5f8;padding:.5rem;overflow:auto;font-size:12px}
summary{cursor:pointer}
`;

export function renderApiDocs(doc: Json): string {
  const ops = Object.entries((doc.paths ?? {}) as Json).flatMap(([path, methods]) =>
    Object.entries(methods as Json).map(([method, op]) => ({ path, method, op: op as Json })),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info?.title ?? "API")} — reference</title>
<link rel="stylesheet" href="/assets/docs.css"></head><body>
<h1>${escapeHtml(doc.info?.title ?? "API")}</h1>
<p>${escapeHtml(doc.info?.description ?? "")} The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.</p>
<nav><ul>${ops.map(({ path, method, op }) => `<li><a href="#${escapeHtml(`${method}-${path}`)}">${method.toUpperCase()} ${escapeHtml(path)}</a> — ${escapeHtml(op.summary ?? "")}</li>`).join("")}</ul></nav>
${ops.map(({ path, method, op }) => operation(path, method, op)).join("\n")}
</body></html>`;
}
