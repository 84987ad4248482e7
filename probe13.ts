import { readFileSync } from "node:fs";
import { verifyDocument } from "./indexer/verify/index.ts";
const keys = new Map<string, any>();
for (const vm of (process.env.KEYS ?? "").split(",").filter(Boolean)) { const [controller, frag] = vm.split("#"); keys.set(vm, { id: vm, controller, type: "Multikey", publicKeyMultibase: frag }); }
const trust = { issuers: new Map(), keys };
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, "utf8").trim();
  const t0 = performance.now();
  const target = f.endsWith(".jwt") ? { content: JSON.parse(Buffer.from(text.split(".")[1]!, "base64url").toString()), jws: text } : { content: JSON.parse(text) };
  const v = await verifyDocument(target, { trust, nowMs: Date.parse("2026-01-01") });
  console.log(f.split("/").slice(-2).join("/"), (performance.now() - t0).toFixed(0) + "ms", v.status, "|", v.reason.slice(0, 200));
  for (const c of v.credentials.slice(1)) console.log("   ", c.path, c.status, c.code, c.reason.slice(0, 120));
}
