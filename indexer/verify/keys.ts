/**
 * Public keys, resolved without the network: did:key and did:jwk carry the key in the identifier;
 * anything else (did:web, https issuer URLs) is resolved only from keys the operator added with
 * `ler-match trust add-key`. The answers are JSON-LD documents (a DID document, a verification
 * method, a controller document) for the JSON-LD document loader, and JWKs for JOSE.
 */

import * as didKey from "@digitalbazaar/did-method-key";
import * as EcdsaMultikey from "@digitalbazaar/ecdsa-multikey";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import type { IssuerKey, TrustSnapshot } from "../../src/domain/verification.ts";

const DID_CONTEXT = "https://www.w3.org/ns/did/v1";
const MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

/** Multibase headers of the key types did:key may carry: Ed25519 and the NIST curves P-256, P-384, P-521. */
const DID_KEY_TYPES: readonly [string, MultikeyModule][] = [
  ["z6Mk", Ed25519Multikey],
  ["zDna", EcdsaMultikey],
  ["z82L", EcdsaMultikey],
  ["z2J9", EcdsaMultikey],
];

const didKeyDriver = didKey.driver();
for (const [multibaseMultikeyHeader, module] of DID_KEY_TYPES)
  didKeyDriver.use({ multibaseMultikeyHeader, fromMultibase: module.from });

const baseOf = (url: string): string => url.split("#")[0]!;

const moduleFor = (jwk: Record<string, unknown>): MultikeyModule =>
  jwk.kty === "OKP" ? Ed25519Multikey : EcdsaMultikey;

/** A JWK as a Multikey verification method, so the Data Integrity suites can read it. */
async function multikeyFromJwk(jwk: Record<string, unknown>, id: string, controller: string) {
  const pair = await moduleFor(jwk).fromJwk({ jwk });
  return {
    "@context": MULTIKEY_CONTEXT,
    id,
    type: "Multikey",
    controller,
    publicKeyMultibase: pair.publicKeyMultibase,
  };
}

function didJwkKey(did: string): Record<string, unknown> {
  const encoded = did.slice("did:jwk:".length);
  return JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as Record<string, unknown>;
}

async function didJwkDocument(did: string) {
  const vm = await multikeyFromJwk(didJwkKey(did), `${did}#0`, did);
  const { "@context": _c, ...method } = vm;
  return {
    "@context": [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: [method],
    assertionMethod: [vm.id],
    authentication: [vm.id],
  };
}

async function operatorMethod(key: IssuerKey) {
  if (key.publicKeyJwk) return multikeyFromJwk(key.publicKeyJwk, key.id, key.controller);
  return {
    "@context": MULTIKEY_CONTEXT,
    id: key.id,
    type: "Multikey",
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
  };
}

/** The controller document the operator's keys imply: each key may assert for its controller. */
function operatorController(controller: string, keys: readonly IssuerKey[]) {
  const ids = keys.map((k) => k.id);
  return {
    "@context": [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: controller,
    assertionMethod: ids,
    authentication: ids,
  };
}

export class KeyNotFound extends Error {
  readonly url: string;
  constructor(url: string) {
    super(
      `no key for ${url}: not a did:key or did:jwk, and the operator supplied none (ler-match trust add-key)`,
    );
    this.url = url;
  }
}

/** A DID document, verification method or controller document, for the JSON-LD loader; null if not a key. */
export async function keyDocument(url: string, trust: TrustSnapshot): Promise<unknown> {
  const operatorKey = trust.keys.get(url);
  if (operatorKey) return operatorMethod(operatorKey);
  const controlled = [...trust.keys.values()].filter((k) => k.controller === url);
  if (controlled.length > 0) return operatorController(url, controlled);
  if (url.startsWith("did:key:")) return didKeyDriver.get({ url });
  if (url.startsWith("did:jwk:")) {
    const doc = await didJwkDocument(baseOf(url));
    return url.includes("#") ? { "@context": MULTIKEY_CONTEXT, ...doc.verificationMethod[0] } : doc;
  }
  return null;
}

/**
 * The JWK a JOSE signature is checked with: from the header's `kid` when it names a key we can
 * resolve, else from the issuer (`iss`) when it is a did:key / did:jwk or has exactly one operator key.
 */
export async function jwkFor(kid: string | null, iss: string | null, trust: TrustSnapshot) {
  const candidates = [kid, iss].filter((u): u is string => !!u);
  for (const url of candidates) {
    const operatorKey = trust.keys.get(url);
    if (operatorKey) return { jwk: await operatorJwk(operatorKey), controller: operatorKey.controller };
    const controlled = [...trust.keys.values()].filter((k) => k.controller === url);
    if (controlled.length === 1) return { jwk: await operatorJwk(controlled[0]!), controller: url };
    if (url.startsWith("did:jwk:")) return { jwk: didJwkKey(baseOf(url)), controller: baseOf(url) };
    if (url.startsWith("did:key:")) {
      const did = baseOf(url);
      const fingerprint = did.slice("did:key:".length);
      return { jwk: await jwkOfMethod({ publicKeyMultibase: fingerprint }), controller: did };
    }
  }
  throw new KeyNotFound(kid ?? iss ?? "(no kid, no iss)");
}

/** RSA keys (RS256) exist only as JWKs; the others may come either way. */
const operatorJwk = (key: IssuerKey) =>
  key.publicKeyJwk ? Promise.resolve(key.publicKeyJwk) : jwkOfMethod(key);

async function jwkOfMethod(method: { publicKeyMultibase?: unknown }): Promise<Record<string, unknown>> {
  const multibase = String(method.publicKeyMultibase);
  const module = DID_KEY_TYPES.find(([header]) => multibase.startsWith(header))?.[1];
  if (!module) throw new Error(`unsupported key type ${multibase.slice(0, 4)}`);
  const pair = await module.from({ type: "Multikey", publicKeyMultibase: multibase });
  const { key_ops: _ops, ext: _ext, ...jwk } = await module.toJwk({ keyPair: pair });
  return jwk;
}
