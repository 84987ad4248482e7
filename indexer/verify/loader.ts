/**
 * The JSON-LD document loader verification runs with: bundled and operator-pinned contexts and
 * locally resolved keys only. Anything else is refused with an UnknownContext, so no proof check
 * can reach the network.
 */
import type { TrustSnapshot } from "../../src/domain/verification.ts";
import { contextFor, UnknownContext } from "./contexts.ts";
import { KeyNotFound, keyDocument } from "./keys.ts";

const looksLikeKey = (url: string) => url.startsWith("did:") || url.includes("#");

export function staticLoader(trust: TrustSnapshot): DocumentLoader {
  return async (url) => {
    const context = contextFor(url, trust);
    if (context !== undefined) return { contextUrl: null, documentUrl: url, document: context };
    const key = await keyDocument(url, trust);
    if (key !== null) return { contextUrl: null, documentUrl: url, document: key };
    throw looksLikeKey(url) ? new KeyNotFound(url) : new UnknownContext(url);
  };
}
