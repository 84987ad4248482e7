import { describe, expect, it } from "vitest";
import { parseConll, scoreSpans, tokenRanges } from "../../benchmarks/extraction.ts";
import { createBm25 } from "../../src/text/bm25.ts";
import { buildTaxonomy } from "../../taxonomy/graph.ts";
import { Concept } from "../../taxonomy/model.ts";
import { createExtractor, extractConcepts } from "../../taxonomy/resolver/extract.ts";
import { loadStarterConcepts, loadStarterOccupations, loadStarterTaxonomy } from "../../taxonomy/starter.ts";
import { matchTitles } from "../../taxonomy/titles.ts";

const taxonomy = loadStarterTaxonomy();

describe("extractConcepts", () => {
  const text = "Welded stainless steel with TIG welding and read blueprints daily";

  it("ranks the concepts named in the text first, with offsets of the words that named them", () => {
    const out = extractConcepts(text, taxonomy, 3);
    expect(out.map((c) => c.id).slice(0, 2)).toEqual(["trades.welding.gtaw", "trades.blueprint-reading"]);
    const [tig] = out;
    expect(tig && text.slice(tig.start, tig.end)).toBe("TIG welding");
  });

  it("returns at most k results, best first", () => {
    const out = extractConcepts(text, taxonomy, 5);
    expect(out.length).toBe(5);
    expect(out.map((c) => c.score)).toEqual([...out.map((c) => c.score)].sort((a, b) => b - a));
  });

  it("with the taxonomy's occupations, prefers the skill the text's occupations ask for", () => {
    const teams = buildTaxonomy([
      { id: "textile-teams", label: "work in textile teams", aliases: ["work in team"], type: "skill" },
      { id: "teams", label: "work in teams", type: "skill" },
    ]);
    const occupations = [
      { id: "dev", label: "software developer", description: "writes software code", essential: ["teams"] },
      {
        id: "weaver",
        label: "textile operator",
        description: "operates looms",
        essential: ["textile-teams"],
      },
    ];
    const text = "you work in a team operating looms";
    expect(extractConcepts(text, teams, 2).map((c) => c.id)).toEqual(["teams", "textile-teams"]);
    expect(extractConcepts(text, teams, 2, occupations).map((c) => c.id)).toEqual(["textile-teams", "teams"]);
  });

  it("literal-only weights find only names written in the text", () => {
    const literal = createExtractor(loadStarterConcepts(), {
      weights: { stemmedPhrase: 0, names: 0, description: 0, prior: 0 },
    });
    expect(
      literal
        .extract("Python and Docker", 10)
        .map((c) => c.id)
        .sort(),
    ).toEqual(["cloud.docker", "sw.python"]);
  });
});

const skill = (id: string, label: string, aliases: string[] = []) =>
  Concept.parse({ id, label, aliases, type: "skill", source: "esco" });

/** Scores from coverage alone, so each test sees one signal. */
const ONLY_COVERAGE = {
  phrase: 0,
  stemmedPhrase: 0,
  names: 0.001,
  description: 0,
  prior: 0,
  coverage: 1,
  coveragePower: 2,
  coverageIdf: 0,
  coverageSingle: 1,
  graph: 0,
};

describe("createExtractor scoring", () => {
  const pool = [
    skill("manage-staff", "manage staff"),
    skill("staff-training", "train staff in safety procedures"),
    skill("java", "Java (computer programming)"),
    skill("javanese", "Javanese"),
  ];

  it("ranks the concept whose whole name the text covers above one it covers in part", () => {
    const out = createExtractor(pool, { weights: ONLY_COVERAGE }).extract("the staff you manage", 2);
    expect(out.map((c) => c.id)).toEqual(["manage-staff", "staff-training"]);
    expect(out[0]?.score).toBe(1.001); // whole name, squared, plus the tiny BM25 share
    expect(out[1]?.score).toBeCloseTo(0.25 ** 2, 2); // one word of four
  });

  it("counts a name without its bracketed qualifier as the whole name", () => {
    const out = createExtractor(pool, { weights: ONLY_COVERAGE }).extract("Java developer", 1);
    expect(out.map((c) => [c.id, c.score])).toEqual([["java", 1.001]]);
  });

  it("reads a hyphenated name written closed as the whole name ('life-cycle' is 'lifecycle')", () => {
    const sdlc = [skill("sdlc", "systems development life-cycle"), skill("lifecycle", "product life-cycle")];
    const out = createExtractor(sdlc, { weights: ONLY_COVERAGE }).extract(
      "the systems development lifecycle",
      1,
    );
    expect(out.map((c) => [c.id, c.score])).toEqual([["sdlc", 1.001]]);
  });

  it("never reads 'etc.' or 'vs' as a name, while an acronym Porter would cut to one still counts", () => {
    const etcs = [skill("etcs", "European Train Control System", ["ETCS"]), skill("sonar", "SonarQube")];
    const extractor = createExtractor(etcs);
    expect(
      extractor.extract("static analysis tools (SonarQube etc.) vs manual review", 5).map((c) => c.id),
    ).toEqual(["sonar"]);
    expect(extractor.extract("signalling on ETCS lines", 1).map((c) => c.id)).toEqual(["etcs"]);
  });

  it("discounts coverage by a one-word name by coverageSingle", () => {
    const weights = { ...ONLY_COVERAGE, names: 0.000001, coverageSingle: 0.5, coveragePower: 1 };
    const out = createExtractor(pool, { weights }).extract("Javanese speaker", 1);
    expect(out.map((c) => [c.id, c.score])).toEqual([["javanese", 0.5]]);
  });

  it("lifts a candidate whose co-occurring skill also scored above an equal one without", () => {
    const pair = [skill("a", "alpha beta"), skill("b", "alpha gamma"), skill("c", "delta")];
    const cooccurrence = new Map([["b", new Map([["c", 1]])]]);
    const flat = createExtractor(pair, { weights: ONLY_COVERAGE, cooccurrence });
    const graph = createExtractor(pair, { weights: { ...ONLY_COVERAGE, graph: 0.5 }, cooccurrence });
    expect(flat.extract("alpha delta", 3).map((c) => c.id)).toEqual(["c", "a", "b"]);
    expect(graph.extract("alpha delta", 3).map((c) => c.id)).toEqual(["c", "b", "a"]);
  });

  it("reads a generic phrase as the skill the sentence's occupations ask for", () => {
    const teams = [
      skill("teams", "work in teams"),
      skill("textile-teams", "work in textile teams", ["work in team"]),
    ];
    const occupations = [
      {
        label: "software developer",
        description: "writes software code",
        essential: ["teams"],
        optional: [],
      },
      {
        label: "textile operator",
        description: "operates looms",
        essential: ["textile-teams"],
        optional: [],
      },
    ];
    const weights = { ...ONLY_COVERAGE, coverageIdf: 0 };
    const text = "write software code in a team";
    const without = createExtractor(teams, { weights: { ...weights, context: 0 }, occupations });
    const within = createExtractor(teams, { weights: { ...weights, context: 1 }, occupations });
    const [a, b] = without.extract(text, 2);
    expect(a?.score).toBe(b?.score); // both names wholly in the text: lexically a tie
    const ranked = within.extract(text, 2);
    expect(ranked.map((c) => c.id)).toEqual(["teams", "textile-teams"]);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 0);
  });

  it("scores names one by one when asked, so many aliases neither lengthen nor repeat a concept's words", () => {
    const crowd = [
      skill("plain", "data entry"),
      skill("crowded", "data keying", ["data typing", "data capture", "data input", "data recording"]),
    ];
    const weights = { ...ONLY_COVERAGE, coverage: 0, names: 1 };
    const asField = createExtractor(crowd, { weights, nameField: "field" }).extract("data", 2);
    const asBest = createExtractor(crowd, { weights, nameField: "best" }).extract("data", 2);
    expect(asField[0]?.id).toBe("crowded");
    expect(asBest.map((c) => c.score)).toEqual([1, 1]);
  });

  it("places a description-free BM25 hit on the densest run of its words", () => {
    const text = "Staff rota, then we manage the staff";
    const [hit] = createExtractor(pool, { weights: { ...ONLY_COVERAGE, coverage: 0, names: 1 } }).extract(
      text,
      1,
    );
    expect(hit && text.slice(hit.start, hit.end)).toBe("manage the staff");
  });
});

describe("span scoring (benchmark helpers)", () => {
  const conll =
    "we\tO\tO\nneed\tO\tO\nstrong\tB-Skill\tO\nteamwork\tI-Skill\tO\nand\tO\tO\nSQL\tO\tB-Knowledge\n";

  it("reads both BIO layers of a CoNLL sentence as token ranges over the space-joined text", () => {
    const [s] = parseConll(conll);
    expect(s?.text).toBe("we need strong teamwork and SQL");
    expect(s?.gold).toEqual([
      [2, 3],
      [5, 5],
    ]);
  });

  it("maps character spans to the tokens they touch and merges overlaps", () => {
    const [s] = parseConll(conll);
    const spans = [
      { start: 15, end: 23 },
      { start: 8, end: 20 },
      { start: -1, end: -1 },
    ];
    expect(tokenRanges(s?.tokens ?? [], spans)).toEqual([[2, 3]]);
  });

  it("scores exact, partial and token overlap separately", () => {
    const sentences = parseConll(conll);
    const found = [
      { id: "x", label: "teamwork", score: 1, start: 15, end: 23 },
      { id: "y", label: "SQL", score: 1, start: 28, end: 31 },
    ];
    const m = scoreSpans(sentences, () => found);
    expect(m.exact).toEqual({ p: 0.5, r: 0.5, f1: 0.5 });
    expect(m.partial).toEqual({ p: 1, r: 1, f1: 1 });
    expect(m.token.p).toBe(1);
    expect(m.token.r).toBeCloseTo(2 / 3, 10);
  });
});

describe("matchTitles", () => {
  const occupations = loadStarterOccupations();

  it("matches a title equal to an alias after dropping seniority words", () => {
    expect(matchTitles("Senior Software Engineer", occupations, 1)[0]).toMatchObject({
      id: "occ.software-developer",
      score: 1,
    });
  });

  it("ranks by shared words when nothing matches exactly", () => {
    expect(matchTitles("Welder (night shift, structural steel)", occupations, 1)[0]?.id).toBe("occ.welder");
  });

  it("returns nothing for an empty or noise-only title", () => {
    expect(matchTitles("Urgent hiring!!", occupations, 3)).toEqual([]);
  });
});

describe("BM25", () => {
  it("scores by term frequency, saturating, and by rarity", () => {
    const bm25 = createBm25([["a", "b"], ["a", "a", "c"], ["d"]]);
    const [top, next] = bm25.search(["a", "c"], 3);
    expect(top?.doc).toBe(1);
    expect(next?.doc).toBe(0);
    expect(bm25.search(["zzz"], 3)).toEqual([]);
  });
});
