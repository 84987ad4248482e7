import { describe, expect, it } from "vitest";
import { relationsFor } from "../../src/scoring/relations.ts";
import { CONCEPT_IDS, taxonomy } from "./fixtures.ts";

describe("relationsFor", () => {
  it("answers exactly as taxonomy.relation for every pair of concepts", () => {
    for (const asked of CONCEPT_IDS) {
      const relationTo = relationsFor(taxonomy, asked);
      for (const held of [...CONCEPT_IDS, "not-a-concept"])
        expect({ asked, held, ...relationTo(held) }).toEqual({
          asked,
          held,
          ...taxonomy.relation(asked, held),
        });
    }
  });

  it("reports co-occurrence with its cosine", () => {
    expect(relationsFor(taxonomy, "docker")("python")).toEqual({ relation: "cooccurrence", strength: 0.3 });
  });
});
