import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EvidenceRow } from "../../src/domain/evidence.ts";
import { askedConcepts, type Requirement } from "../../src/domain/schemas.ts";
import type { ScoringConfig } from "../../src/scoring/config.ts";
import { isDirect, relatedness } from "../../src/scoring/factors.ts";
import { toIndexedCandidate } from "../../src/scoring/indexed.ts";
import { neighbourhoodOf } from "../../src/scoring/relations.ts";
import { scoreCandidate } from "../../src/scoring/score.ts";
import { ForwardStore } from "../../src/search/embedded/forward.ts";
import { PostingList } from "../../src/search/embedded/postings.ts";
import { type TermList, termsOf } from "../../src/search/embedded/terms.ts";
import { config, type Population, population, requirements } from "../scoring/arbitraries.ts";
import { NOW, scoringContext, taxonomy } from "../scoring/fixtures.ts";

/** Every candidate's assertions posted per concept, as the index posts them (voices and concept ordinals do not matter here). */
function postingsOf(pop: Population, cfg: ScoringConfig): Map<string, PostingList> {
  const store = new ForwardStore();
  const lists = new Map<string, PostingList>();
  pop.ids.forEach((id, ord) => {
    for (const a of toIndexedCandidate(id, pop.evidence.get(id) ?? [], cfg).assertions) {
      const list = lists.get(a.conceptId) ?? new PostingList(store);
      lists.set(a.conceptId, list);
      list.push(ord, store.append(a, 0, 0));
    }
  });
  return lists;
}

/** A requirement's lists, as the index gives them: an any-of requirement's alternatives' together. */
function listsFor(lists: Map<string, PostingList>, cfg: ScoringConfig) {
  return (req: Requirement): TermList[] =>
    askedConcepts(req).flatMap((asked) =>
      [...neighbourhoodOf(taxonomy, asked)].flatMap(([held, rel]) => {
        const list = lists.get(held);
        const rho = relatedness(rel.relation, rel.strength, cfg);
        return list && rho > 0 ? [{ list, relatedness: rho, direct: isDirect(rel.relation) }] : [];
      }),
    );
}

describe("a query's terms", () => {
  it("each bound what any candidate's evidence in it does for the ranking key", () => {
    fc.assert(
      fc.property(population, requirements, config, (pop, reqs: Requirement[], cfg) => {
        const terms = termsOf(reqs, listsFor(postingsOf(pop, cfg), cfg), NOW, cfg);
        const gain = (r: number, direct: boolean) =>
          terms.find((t) => t.requirement === r && t.direct === direct)?.gain ?? 0;
        for (const id of pop.ids) {
          const rows: EvidenceRow[] = pop.evidence.get(id) ?? [];
          const model = scoreCandidate(reqs, rows, scoringContext({ config: cfg }));
          model.explanation.requirements.forEach((r, i) => {
            if (r.basis === "none") return;
            const taken = r.contribution / 2 + (r.required && r.outcome === "met" ? 1 : 0);
            expect(taken).toBeLessThanOrEqual(gain(i, r.basis === "direct") + 1e-9);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("come highest gain first", () => {
    fc.assert(
      fc.property(population, requirements, config, (pop, reqs, cfg) => {
        const gains = termsOf(reqs, listsFor(postingsOf(pop, cfg), cfg), NOW, cfg).map((t) => t.gain);
        expect(gains).toEqual([...gains].sort((a, b) => b - a));
      }),
    );
  });
});
