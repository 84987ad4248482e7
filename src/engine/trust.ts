/**
 * The operator's trust list and issuer keys, behind the engine: the CLI (`ler-match trust …`) and
 * the admin API routes are adapters over these. A change applies to documents ingested afterwards;
 * re-ingesting a document re-verifies it (its verification is part of its content hash).
 */
import type { z } from "zod";
import type { Clock } from "../domain/clock.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import { IssuerKey, TrustedIssuer } from "../domain/verification.ts";
import type { TamperedDocument, TrustStore } from "../store/trust-store.ts";

export const TrustedIssuerInput = TrustedIssuer.omit({ addedAt: true });

export interface TrustService {
  issuers(): TrustedIssuer[];
  addIssuer(input: unknown): { issuer: TrustedIssuer; created: boolean };
  removeIssuer(id: string): void;
  keys(): IssuerKey[];
  /** One verification method, an array of them, or a DID / controller document listing them. */
  addKeys(input: unknown): { keys: IssuerKey[]; created: number };
  removeKey(id: string): void;
  /** Documents whose signature did not hold (tampered or forged), for administrators. */
  tampered(): TamperedDocument[];
}

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, what);
  return parsed.data;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The verification methods a key file holds; a DID document's methods default to its own controller. */
function methodsOf(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (isRecord(input) && Array.isArray(input.verificationMethod))
    return input.verificationMethod.map((m) => (isRecord(m) ? { controller: input.id, ...m } : m));
  return [input];
}

export function createTrustService(store: TrustStore, now: Clock): TrustService {
  const stamp = () => new Date(now()).toISOString();
  return {
    issuers: () => store.listIssuers(),
    addIssuer(input) {
      const issuer = { ...parse(TrustedIssuerInput, input, "trusted issuer"), addedAt: stamp() };
      return { issuer, created: store.putIssuer(issuer) };
    },
    removeIssuer(id) {
      if (!store.removeIssuer(id)) throw new LerError("not_found", `no trusted issuer "${id}"`);
    },
    keys: () => store.listKeys(),
    addKeys(input) {
      const keys = parse(IssuerKey.array().min(1), methodsOf(input), "issuer key");
      const at = stamp();
      return { keys, created: keys.filter((k) => store.putKey(k, at)).length };
    },
    removeKey(id) {
      if (!store.removeKey(id)) throw new LerError("not_found", `no issuer key "${id}"`);
    },
    tampered: () => store.tamperedDocuments(),
  };
}
