/**
 * The JSON-LD document loader verification runs with: bundled contexts and locally resolved keys
 * only. Anything else is refused with an UnknownContext, so no proof check can reach the network.
 */
import type { TrustSnapshot } from "../../src/domain/verification.ts";
import { CONTEXTS } from "./contexts.ts";
import { KeyNotFound, keyDocument } from "./keys.ts";

export class UnknownContext extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`the JSON-LD context ${url} is not bundled; nothing is fetched`);
    this.url = url;
  }
}

const looksLikeKey = (url: string) => url.startsWith("did:") || url.includes("#");

export function staticLoader(trust: TrustSnapshot): DocumentLoader {
  return async (url) => {
    const context = CONTEXTS.get(url);
    if (context !== undefined) return { contextUrl: null, documentUrl: url, document: context };
    const key = await keyDocument(url, trust);
    if (key !== null) return { contextUrl: null, documentUrl: url, document: key };
    throw looksLikeKey(url) ? new KeyNotFound(url) : new UnknownContext(url);
  };
}
