/**
 * The command line acts as the operator: what it does to people is audited like an API key's
 * action, under the name "cli:<user>", in the organisation the command runs in (--org).
 */
import { userInfo } from "node:os";
import type { AuditAction } from "../domain/access.ts";
import type { Engine } from "../engine/types.ts";

export const operator = (): string => `cli:${userInfo().username}`;

export function recordOperator(engine: Engine, action: AuditAction, personIds: readonly string[]): void {
  engine.access.record({
    action,
    personIds,
    actor: { keyId: null, keyName: operator(), org: engine.org },
    remote: "local",
    requestId: null,
  });
}
