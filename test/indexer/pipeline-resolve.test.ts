import { describe, expect, it } from "vitest";
import { newDocument } from "../../indexer/formats/common.ts";
import { buildHintIndex, resolveAssertions, resolveConcept } from "../../indexer/resolve-assertions.ts";
import type { ParsedDocument, RawAssertion } from "../../indexer/types.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import type { ResolveOptions } from "../../taxonomy/model.ts";

const taxonomy = buildTaxonomy([
  { id: "python", label: "Python", type: "skill" },
  { id: "programmers", label: "Computer programmers", type: "occupation", onetCode: "15-1251.00" },
  { id: "welding", label: "Welding", type: "skill", caseUri: "https://case.example.org/uri/abc-123" },
]);
const hints = buildHintIndex(taxonomy);
const raw = (skillText: string, conceptHint?: RawAssertion["conceptHint"]): RawAssertion => ({
  skillText,
  rawLevel: null,
  scale: null,
  sourcePath: "$.x",
  ...(conceptHint ? { conceptHint } : {}),
});

describe("resolveConcept", () => {
  it("uses an O*NET code hint before the text", () => {
    expect(resolveConcept(raw("Coding people", { code: "15-1251.00" }), taxonomy, hints, "")).toEqual({
      conceptId: "programmers",
      method: "code",
      confidence: 1,
    });
  });

  it("matches a URI hint whatever its scheme, case or trailing slash", () => {
    const hint = { uri: "HTTP://case.example.org/uri/ABC-123/" };
    expect(resolveConcept(raw("Joining metal", hint), taxonomy, hints, "")).toMatchObject({
      conceptId: "welding",
      method: "uri",
    });
  });

  it("falls back to the text when the hint names nothing known", () => {
    expect(
      resolveConcept(raw("Python", { uri: "http://nowhere/x", code: "99" }), taxonomy, hints, ""),
    ).toEqual({
      conceptId: "python",
      method: "exact",
      confidence: 1,
    });
  });

  it("keeps a text that names nothing as unresolved", () => {
    expect(resolveConcept(raw("Basket weaving"), taxonomy, hints, "")).toEqual({
      conceptId: null,
      method: "unresolved",
      confidence: 0,
    });
  });
});

describe("resolveAssertions", () => {
  it("resolves each skill text with the document's other skill texts as context", () => {
    const seen: [string, string | undefined][] = [];
    const spying = {
      ...taxonomy,
      resolve: (text: string, options?: ResolveOptions) => {
        seen.push([text, options?.context]);
        return taxonomy.resolve(text, options);
      },
    };
    const doc: ParsedDocument = newDocument(
      "native",
      "self-asserted",
      { id: "p", name: null, email: null, location: null },
      { documentId: "d", assertions: [raw("Go"), raw("Python"), raw("Kubernetes")] },
    );
    resolveAssertions(doc, { documentId: "d", candidateId: "p" }, spying, hints, Date.parse("2026-01-01"));
    expect(seen).toEqual([
      ["Go", "Python, Kubernetes"],
      ["Python", "Go, Kubernetes"],
      ["Kubernetes", "Go, Python"],
    ]);
  });
});
