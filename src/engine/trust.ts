/**
 * The operator's trust list, issuer keys and JSON-LD contexts, behind the engine: the CLI
 * (`ler-match trust …`) and the admin API routes are adapters over these. A change applies to
 * documents ingested afterwards, and to stored ones on `reverify`.
 */
import type { z } from "zod";
import { sha256Hex } from "../../indexer/canonical.ts";
import type { ReverifyReport } from "../../indexer/types.ts";
import { CONTEXTS, isIntact } from "../../indexer/verify/contexts.ts";
import type { Clock } from "../domain/clock.ts";
import { fromZod, LerError } from "../domain/errors.ts";
import {
  IssuerKey,
  OperatorContextInput,
  type PinnedContext,
  TrustedIssuer,
} from "../domain/verification.ts";
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
  contexts(): ContextListing[];
  /**
   * Pins a JSON-LD context for its exact URL (`{ url, content, sha256? }`): refused when the text
   * is not a JSON-LD context, does not hash to the `sha256` given, names a bundled URL, or differs
   * from the bytes already pinned for that URL (remove that one first).
   */
  addContext(input: unknown): { context: ContextListing; created: boolean };
  removeContext(url: string): void;
  /** Re-runs verification over the stored documents that carry a proof, after the lists change. */
  reverify(): Promise<ReverifyReport>;
  /** Documents whose signature did not hold (tampered or forged), for administrators. */
  tampered(): TamperedDocument[];
}

/** A pinned context as listed: never its text; `intact` is false when its stored bytes changed. */
export interface ContextListing {
  url: string;
  sha256: string;
  bytes: number;
  addedAt: string;
  intact: boolean;
}

const listing = (c: PinnedContext): ContextListing => ({
  url: c.url,
  sha256: c.sha256,
  bytes: Buffer.byteLength(c.content, "utf8"),
  addedAt: c.addedAt,
  intact: isIntact(c),
});

function readContext(input: OperatorContextInput): unknown {
  let document: unknown;
  try {
    document = JSON.parse(input.content);
  } catch (cause) {
    throw new LerError(
      "invalid_input",
      `the context for ${input.url} is not JSON: ${(cause as Error).message}`,
      {
        cause,
        details: [{ path: ["content"] }],
      },
    );
  }
  const inner = isRecord(document) ? document["@context"] : undefined;
  if (!isRecord(inner) && !Array.isArray(inner))
    throw new LerError(
      "invalid_input",
      `the file for ${input.url} is not a JSON-LD context: no "@context" object`,
      {
        details: [{ path: ["content"] }],
      },
    );
  return document;
}

function pinOf(input: OperatorContextInput, addedAt: string): PinnedContext {
  if (CONTEXTS.has(input.url))
    throw new LerError(
      "conflict",
      `${input.url} is bundled with ler-match; an operator copy cannot replace it`,
    );
  readContext(input);
  const sha256 = sha256Hex(input.content);
  if (input.sha256 !== undefined && input.sha256 !== sha256)
    throw new LerError(
      "invalid_input",
      `the context's SHA-256 is ${sha256}, not the ${input.sha256} expected: the file is not the one pinned`,
      { details: [{ path: ["sha256"] }] },
    );
  return { url: input.url, sha256, content: input.content, addedAt };
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

export function createTrustService(
  store: TrustStore,
  now: Clock,
  reverify: () => Promise<ReverifyReport>,
): TrustService {
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
    contexts: () => store.listContexts().map(listing),
    addContext(input) {
      const pin = pinOf(parse(OperatorContextInput, input, "context"), stamp());
      const pinned = store.getContext(pin.url);
      if (pinned && pinned.sha256 !== pin.sha256)
        throw new LerError(
          "conflict",
          `${pin.url} is pinned to SHA-256 ${pinned.sha256}; these bytes hash to ${pin.sha256}. A pinned context never changes: remove it first to replace it`,
        );
      // the same bytes again restore a stored copy that was damaged
      const kept = pinned && isIntact(pinned) ? pinned : pin;
      if (kept === pin) store.putContext(pin);
      return { context: listing(kept), created: !pinned };
    },
    removeContext(url) {
      if (!store.removeContext(url)) throw new LerError("not_found", `no context added for "${url}"`);
    },
    reverify,
    tampered: () => store.tamperedDocuments(),
  };
}
