/** The credentials inside a document: itself, and every credential embedded in it (a CLR's, an LER-RS's). */
import { childPath, isObject, type Json } from "../json-path.ts";

export interface FoundCredential {
  path: string;
  credential: Json;
}

/** An embedded credential names its own contexts and carries a subject or a proof. */
const isCredential = (node: Json): boolean =>
  node["@context"] !== undefined && (node.credentialSubject !== undefined || node.proof !== undefined);

const SKIPPED = new Set(["proof", "@context"]);

export function findCredentials(root: Json): FoundCredential[] {
  const found: FoundCredential[] = [{ path: "$", credential: root }];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, childPath(path, i));
      return;
    }
    if (!isObject(node)) return;
    if (path !== "$" && isCredential(node)) found.push({ path, credential: node });
    for (const [key, value] of Object.entries(node)) if (!SKIPPED.has(key)) walk(value, childPath(path, key));
  };
  walk(root, "$");
  return found;
}
