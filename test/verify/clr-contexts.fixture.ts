/**
 * CLR 2.0 JSON-LD contexts written for the tests, NOT the files 1EdTech publishes: no npm package
 * bundles those, and nothing is fetched. Each defines the terms the CLR samples in
 * ../shared/data/ler-samples/clr2 use (ClrCredential, ClrSubject and its verifiableCredential,
 * achievement and association, Association's fields), mapped to the CLR vocabulary's IRIs; an
 * operator supplies the published file with `ler-match trust add-context`.
 */
import { sha256Hex } from "../../indexer/canonical.ts";
import type { PinnedContext } from "../../src/domain/verification.ts";

export const CLR_2_0_1 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
export const CLR_V2P0 = "https://purl.imsglobal.org/spec/clr/v2p0/context.json";

/** The context for a CLR vocabulary namespace (`clr`) and the OB 3.0 one its achievements use (`ob`). */
export function clrContext(clr: string, ob: string): Record<string, unknown> {
  const set = (term: string, type: string) => ({
    "@id": `${clr}${term}`,
    "@type": type,
    "@container": "@set",
  });
  const local = { id: "@id", type: "@type" };
  return {
    "@context": {
      ...local,
      ClrCredential: { "@id": `${clr}ClrCredential`, "@context": local },
      ClrSubject: {
        "@id": `${clr}ClrSubject`,
        "@context": {
          ...local,
          cred: "https://www.w3.org/2018/credentials#",
          obi: ob,
          verifiableCredential: set("verifiableCredential", "cred:verifiableCredential"),
          achievement: set("achievement", "obi:Achievement"),
          association: set("association", `${clr}Association`),
        },
      },
      Association: {
        "@id": `${clr}Association`,
        "@context": {
          associationType: { "@id": `${clr}AssociationType` },
          sourceId: { "@id": `${clr}sourceId`, "@type": "xsd:anyURI" },
          targetId: { "@id": `${clr}targetId`, "@type": "xsd:anyURI" },
        },
      },
    },
  };
}

/** CLR 2.0.1 (the v2 data model samples) and the first CLR 2.0 context (the VCDM 1.1 samples). */
export const CLR_CONTEXT_TEXT: Record<string, string> = {
  [CLR_2_0_1]: JSON.stringify(
    clrContext(
      "https://purl.imsglobal.org/spec/vc/clr/vocab.html#",
      "https://purl.imsglobal.org/spec/vc/ob/vocab.html#",
    ),
    null,
    2,
  ),
  [CLR_V2P0]: JSON.stringify(
    clrContext(
      "https://purl.imsglobal.org/spec/clr/v2p0/vocab.html#",
      "https://purl.imsglobal.org/spec/ob/v3p0/vocab.html#",
    ),
    null,
    2,
  ),
};

export const pinned = (url: string, content: string): PinnedContext => ({
  url,
  sha256: sha256Hex(content),
  content,
  addedAt: "2026-01-01T00:00:00.000Z",
});

export const CLR_CONTEXTS: ReadonlyMap<string, PinnedContext> = new Map(
  Object.entries(CLR_CONTEXT_TEXT).map(([url, text]) => [url, pinned(url, text)]),
);
