/**
 * text → concepts. This first version matches ids, exact labels and aliases after normalisation;
 * the full resolver (stemming, fuzzy, context) replaces its internals behind the same function.
 */
import type { Concept, Resolution, ResolveOptions } from "../model.ts";

export type Resolver = (text: string, options?: ResolveOptions) => Resolution[];

export const normaliseText = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9+#.]+/g, " ")
    .trim();

export function createResolver(concepts: readonly Concept[]): Resolver {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const byLabel = new Map<string, Concept[]>();
  const add = (key: string, c: Concept) => {
    const k = normaliseText(key);
    if (!k) return;
    const list = byLabel.get(k) ?? [];
    if (!list.includes(c)) list.push(c);
    byLabel.set(k, list);
  };
  for (const c of concepts) {
    add(c.label, c);
    for (const a of c.aliases) add(a, c);
    for (const a of c.ambiguousAliases) add(a, c);
  }
  return (text, options = {}) => {
    const limit = options.limit ?? 5;
    const direct = byId.get(text.trim());
    if (direct)
      return [{ conceptId: direct.id, label: direct.label, confidence: 1, method: "id", ambiguous: false }];
    const hits = byLabel.get(normaliseText(text)) ?? [];
    const ambiguous = hits.length > 1;
    return hits.slice(0, limit).map((c) => ({
      conceptId: c.id,
      label: c.label,
      confidence: ambiguous ? 0.5 : normaliseText(c.label) === normaliseText(text) ? 1 : 0.95,
      method: normaliseText(c.label) === normaliseText(text) ? "exact" : "alias",
      ambiguous,
    }));
  };
}
