/**
 * bench:verify — offline verification of 1,000 signed credentials on one core (one event loop,
 * sequential), by proof family, beside two baselines measured in the same run: reading the
 * credential (JSON parse + stringify) and a raw Ed25519 signature check with node:crypto over a
 * message of the credential's size (what the signature alone costs, without JSON-LD
 * canonicalisation). The network is closed while verifying: any socket, DNS lookup or fetch fails
 * the run.
 */
import { generateKeyPairSync, sign, verify } from "node:crypto";
import type { VerifyTarget } from "../indexer/verify/index.ts";
import { verifyDocument } from "../indexer/verify/index.ts";
import type { TrustSnapshot } from "../src/domain/verification.ts";
import { forbidNetwork } from "./lib/no-network.ts";
import { didKeyIssuer, jwtIssuer, NO_TRUST, type Suite, skillCredential } from "./lib/sign-credentials.ts";

const TOTAL = Number(process.env.BENCH_VERIFY_N ?? 1000);
const NOW = Date.parse("2026-01-01T00:00:00Z");
const SKILLS = ["Python", "SQL", "Welding", "Nursing", "Kubernetes"];
const FAMILIES = ["eddsa-rdfc-2022", "ecdsa-rdfc-2019", "Ed25519Signature2020", "VC-JWT EdDSA"] as const;
type Family = (typeof FAMILIES)[number];

const claim = (i: number) => ({
  holder: `holder-${i}`,
  skill: SKILLS[i % SKILLS.length]!,
  level: "Proficient" as const,
  validFrom: "2024-05-01T00:00:00Z",
});

async function signAll(): Promise<Map<Family, VerifyTarget[]>> {
  const perFamily = Math.ceil(TOTAL / FAMILIES.length);
  const out = new Map<Family, VerifyTarget[]>();
  for (const family of FAMILIES) {
    const targets: VerifyTarget[] = [];
    if (family === "VC-JWT EdDSA") {
      const issuer = await jwtIssuer("EdDSA");
      for (let i = 0; i < perFamily; i++) {
        const jws = await issuer.sign(skillCredential(issuer.did, claim(i)));
        targets.push({ content: JSON.parse(Buffer.from(jws.split(".")[1]!, "base64url").toString()), jws });
      }
    } else {
      const issuer = await didKeyIssuer(family as Suite);
      for (let i = 0; i < perFamily; i++)
        targets.push({ content: await issuer.sign(skillCredential(issuer.did, claim(i))) });
    }
    out.set(family, targets);
  }
  return out;
}

async function timeVerify(targets: readonly VerifyTarget[], trust: TrustSnapshot) {
  const t0 = performance.now();
  let valid = 0;
  for (const t of targets)
    if ((await verifyDocument(t, { trust, nowMs: NOW })).credentials[0]?.code === "valid") valid++;
  return { seconds: (performance.now() - t0) / 1000, valid };
}

function timeParse(targets: readonly VerifyTarget[]) {
  const texts = targets.map((t) => JSON.stringify(t.content));
  const t0 = performance.now();
  let bytes = 0;
  for (const text of texts) bytes += JSON.stringify(JSON.parse(text)).length;
  return { seconds: (performance.now() - t0) / 1000, meanBytes: bytes / texts.length };
}

function timeRawEd25519(count: number, messageBytes: number) {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const message = Buffer.alloc(Math.round(messageBytes), 7);
  const signature = sign(null, message, privateKey);
  const t0 = performance.now();
  let ok = 0;
  for (let i = 0; i < count; i++) if (verify(null, message, publicKey, signature)) ok++;
  return { seconds: (performance.now() - t0) / 1000, ok };
}

const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString("en")}/s`;

async function main() {
  process.stdout.write(`signing ${TOTAL} credentials (not timed)…\n`);
  const signed = await signAll();
  const all = [...signed.values()].flat();
  const guard = forbidNetwork();
  const rows: [string, number, string, number][] = [];
  try {
    await timeVerify(all.slice(0, 20), NO_TRUST); // warm-up: module and context caches
    for (const [family, targets] of signed) {
      const { seconds, valid } = await timeVerify(targets, NO_TRUST);
      rows.push([family, targets.length, rate(targets.length, seconds), valid]);
    }
    const whole = await timeVerify(all, NO_TRUST);
    rows.push(["all, mixed", all.length, rate(all.length, whole.seconds), whole.valid]);
  } finally {
    guard.release();
  }
  const parse = timeParse(all);
  const raw = timeRawEd25519(all.length, parse.meanBytes);
  const width = Math.max(...rows.map((r) => r[0].length), 34);
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(width)}  ${b.padStart(6)}  ${c.padStart(12)}  ${d.padStart(6)}\n`;
  process.stdout.write(`\nverification on one core (node ${process.version}), network closed\n`);
  process.stdout.write(line("proof family", "creds", "rate", "valid"));
  for (const [family, n, r, valid] of rows) process.stdout.write(line(family, String(n), r, String(valid)));
  process.stdout.write("\nbaselines, same run and credentials\n");
  process.stdout.write(
    line("read only (JSON parse + stringify)", String(all.length), rate(all.length, parse.seconds), "-"),
  );
  process.stdout.write(
    line(
      `raw Ed25519 verify, ${Math.round(parse.meanBytes)} B message`,
      String(all.length),
      rate(all.length, raw.seconds),
      String(raw.ok),
    ),
  );
  process.stdout.write(`\nnetwork attempts while verifying: ${guard.attempts.length}\n`);
  const invalid = rows.some(([, n, , valid]) => valid !== n);
  if (guard.attempts.length > 0 || invalid) {
    process.stderr.write(
      `bench:verify failed: ${guard.attempts.join("; ") || "a signed credential did not verify"}\n`,
    );
    process.exitCode = 1;
  }
}

await main();
