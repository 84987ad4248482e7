/** The API under attack: a rig with one key per scope, and a helper to call as any of them. */
import type { Scope } from "../../src/domain/access.ts";
import { type JsonResponse, makeRig, type TestRig, withKey } from "../api/fixture.ts";

export const SCOPES: readonly Scope[] = ["read", "match", "write", "attest", "admin"];

export interface AttackRig extends TestRig {
  keys: Record<Scope, string>;
  as(scope: Scope, path: string, init?: RequestInit): Promise<JsonResponse>;
}

export async function makeAttackRig(...args: Parameters<typeof makeRig>): Promise<AttackRig> {
  const rig = await makeRig(...args);
  const keys = Object.fromEntries(
    SCOPES.map((s) => [s, rig.engine.access.createKey({ name: `${s}-key`, scopes: [s] }).token]),
  ) as Record<Scope, string>;
  return {
    ...rig,
    keys,
    as: async (scope, path, init) =>
      (await rig.app.request(path, withKey(keys[scope], init))) as JsonResponse,
  };
}

/** The error code of a JSON error response. */
export const codeOf = async (res: JsonResponse): Promise<string> => (await res.json()).error?.code;
