/**
 * The operator's trust list and issuer keys, behind the engine: the CLI (`ler-match trust …`) and
 * the admin API routes are adapters over these. A change applies to documents ingested afterwards;
 * re-ingesting a document re-verifies it (its verification is part of its content hash).
 */
import type { z } from "zod";
import type { Clock } from "../domain/clock.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import { IssuerKey, TrustedIssuer } from "../domain/verification.ts";
import type { TrustStore } from "../store/trust-store.ts";

export const TrustedIssuerInput = TrustedIssuer.omit({ addedAt: true });

export interface TrustService {
  issuers(): TrustedIssuer[];
  addIssuer(input: unknown): { issuer: TrustedIssuer; created: boolean };
  removeIssuer(id: string): void;
  keys(): IssuerKey[];
  addKey(input: unknown): { key: IssuerKey; created: boolean };
  removeKey(id: string): void;
}

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, what);
  return parsed.data;
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
    addKey(input) {
      const key = parse(IssuerKey, input, "issuer key");
      return { key, created: store.putKey(key, stamp()) };
    },
    removeKey(id) {
      if (!store.removeKey(id)) throw new LerError("not_found", `no issuer key "${id}"`);
    },
  };
}
