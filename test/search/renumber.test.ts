/**
 * The embedded index hands out a new ordinal on every upsert and never reuses one; once the dead
 * outnumber the live it renumbers from what it holds, so a server that re-ingests the same people
 * for months stays the size of its population — and answers as a freshly built index would.
 */
import { describe, expect, it } from "vitest";
import type { IndexedCandidate } from "../../src/domain/evidence.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { EmbeddedIndex, RENUMBER_MIN_DEAD } from "../../src/search/embedded/index.ts";
import { candidate, query, requirement, skill, taxonomy } from "../elasticsearch/fixtures.ts";

const PEOPLE = 50;
const person = (i: number, round: number): IndexedCandidate => ({
  ...candidate(
    `p${i}`,
    skill(`p${i}-py`, "python", 1 + ((i + round) % 5)),
    skill(`p${i}-x`, "excel", (i * round) % 6),
  ),
  org: i % 2 ? "org-a" : "org-b",
});
const ASKED = query([requirement("python", 3, true), requirement("excel", 2)]);
const ranked = (index: EmbeddedIndex, org?: string) =>
  index
    .retrieveSync(org ? { ...ASKED, filters: { ...ASKED.filters, org } } : ASKED, PEOPLE)
    .map((h) => [h.candidateId, h.score]);

describe("an index whose people are re-ingested over and over", () => {
  const rounds = Math.ceil((3 * RENUMBER_MIN_DEAD) / PEOPLE);
  const index = new EmbeddedIndex(taxonomy, DEFAULT_SCORING);
  for (let round = 0; round < rounds; round++)
    void index.upsert(Array.from({ length: PEOPLE }, (_, i) => person(i, round)));
  void index.remove(["p0", "p1"]);
  const fresh = new EmbeddedIndex(taxonomy, DEFAULT_SCORING);
  void fresh.rebuild(Array.from({ length: PEOPLE }, (_, i) => person(i, rounds - 1)).slice(2));

  it("stays about the size of its population instead of growing with every write", () => {
    expect(rounds * PEOPLE).toBeGreaterThan(3 * RENUMBER_MIN_DEAD);
    expect(index.ordinalsHandedOut).toBeLessThanOrEqual(2 * RENUMBER_MIN_DEAD + PEOPLE);
  });

  it("answers as an index built afresh from the same people would, per organisation too", () => {
    expect(ranked(index).length).toBeGreaterThan(0);
    expect(ranked(index)).toEqual(ranked(fresh));
    expect(ranked(index, "org-a")).toEqual(ranked(fresh, "org-a"));
    expect(ranked(index).map(([id]) => id)).not.toContain("p0");
  });
});
