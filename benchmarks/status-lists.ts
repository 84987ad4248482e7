/**
 * Memory of one POST /v1/status-lists carrying 100 gzip-bomb lists (16 MiB of zeros each, about
 * 2.2 MB on the wire): peak resident memory of a child process that parses them the way the
 * server does now (one decompressed budget for the whole request) beside the baseline measured in
 * the same run (each list decompressed to its own 16 MiB cap, every list held, as before).
 *
 *   npx tsx benchmarks/status-lists.ts
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { MAX_STATUS_LIST_BYTES, parseStatusList, parseStatusLists } from "../indexer/status-list.ts";

const LISTS = 100;
const mode = process.argv[2];

function lists(): unknown[] {
  const encoded = `u${gzipSync(Buffer.alloc(MAX_STATUS_LIST_BYTES)).toString("base64url")}`;
  return Array.from({ length: LISTS }, (_, i) => ({
    id: `https://issuer.example/lists/${i}`,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    credentialSubject: { type: "BitstringStatusList", statusPurpose: "revocation", encodedList: encoded },
  }));
}

const RUNS: Record<string, (l: unknown[]) => unknown> = {
  budget: (l) => {
    try {
      return parseStatusLists(l);
    } catch (e) {
      return (e as { code: string }).code;
    }
  },
  "per-list cap (before)": (l) => l.map((x) => parseStatusList(x, MAX_STATUS_LIST_BYTES)),
};

if (mode) {
  const input = lists();
  const before = process.memoryUsage().rss;
  const result = RUNS[mode]!(input);
  const wire = JSON.stringify({ lists: input }).length;
  process.stdout.write(
    JSON.stringify({
      wire,
      before,
      peak: process.resourceUsage().maxRSS * 1024,
      result: typeof result === "string" ? result : "parsed",
    }),
  );
} else {
  const self = fileURLToPath(import.meta.url);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  for (const name of Object.keys(RUNS)) {
    const out = spawnSync(process.execPath, ["--import", "tsx", self, name], { encoding: "utf8" });
    const r = JSON.parse(out.stdout);
    console.log(
      `${name.padEnd(24)} wire ${(r.wire / 1e6).toFixed(1)} MB  rss before ${mb(r.before)}  peak ${mb(r.peak)}  → ${r.result}`,
    );
  }
}
