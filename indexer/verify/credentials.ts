/** The credentials inside a document: itself, and every credential embedded in it (a CLR's, an LER-RS's). */
import { asArray, childPath, isObject, type Json } from "../json-path.ts";

export interface FoundCredential {
  path: string;
  credential: Json;
}

const isCredential = (node: Json): boolean => node.credentialSubject !== undefined || node.proof !== undefined;

export function findCredentials(root: Json): FoundCredential[] {
  const found: FoundCredential[] = [{ path: "$", credential: root }];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, childPath(path, i)));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "proof" || key === "@context") continue;
      const at = childPath(path, key);
      for (const [i, item] of asArray(value).entries()) {
        const itemPath = Array.isArray(value) ? childPath(at, i) : at;
        if (isObject(item) && isCredential(item) && item["@context"] !== undefined)
          found.push({ path: itemPath, credential: item });
        walk(item, itemPath);
      }
    }
  };
  walk(root, "$");
  return found;
}
