/**
 * The evidence model's principles (docs/scoring.md), each pinned on the starter taxonomy over
 * several fields: software, healthcare, trades, finance, languages and office skills.
 */
import { describe, expect, it } from "vitest";
import { YEAR_MS } from "../../src/domain/dates.ts";
import type { EvidenceRow } from "../../src/domain/evidence.ts";
import type { Requirement, SourceKind } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { compareRanked } from "../../src/scoring/ranking-order.ts";
import { type CandidateScore, type ScoringContext, scoreCandidate } from "../../src/scoring/score.ts";
import { loadStarterTaxonomy } from "../../taxonomy/starter.ts";
import { scoringContext } from "./fixtures.ts";

const taxonomy = loadStarterTaxonomy();
const NOW = Date.UTC(2026, 5, 1);
const yearsAgo = (y: number) => new Date(NOW - y * YEAR_MS).toISOString().slice(0, 10);

interface Said {
  concept: string;
  level?: number | null;
  source?: SourceKind;
  issuer?: string;
  practiced?: string | null;
  validUntil?: string;
  revoked?: boolean;
}

let serial = 0;
function person(id: string, ...said: Said[]): EvidenceRow[] {
  return said.map((s) => {
    serial++;
    return {
      id: `${id}-a${String(serial).padStart(4, "0")}`,
      candidateId: id,
      documentId: `${id}-d${serial}`,
      conceptId: s.concept,
      skillText: taxonomy.get(s.concept)?.label ?? s.concept,
      resolution: { method: "exact", confidence: 1 },
      rawLevel: s.level === undefined || s.level === null ? null : String(s.level),
      scale: null,
      level: s.level === undefined ? 4 : s.level,
      sourceKind: s.source ?? "employer-record",
      issuer: s.issuer ?? (s.source === "self-asserted" ? null : "Acme"),
      issuedAt: null,
      lastPracticedAt: s.practiced === undefined ? yearsAgo(0.5) : s.practiced,
      validUntil: s.validUntil ?? null,
      wherePracticed: null,
      sourcePath: "$",
      verified: s.source === "verified-credential",
      revoked: s.revoked ?? false,
      documentTitle: null,
      documentFormat: "native",
    };
  });
}

function need(concept: string, minLevel: number | null = null, required = false, weight = 1): Requirement {
  return { conceptId: concept, label: taxonomy.get(concept)?.label ?? concept, minLevel, weight, required };
}

/** The starter taxonomy and this file's now in place of the fixtures'. */
const ctx = (over: Partial<ScoringContext> = {}): ScoringContext =>
  scoringContext({ taxonomy, nowMs: NOW, ...over });
const score = (
  reqs: Requirement[],
  rows: EvidenceRow[],
  over: Partial<ScoringContext> = {},
): CandidateScore =>
  scoreCandidate(reqs, rows, ctx({ candidateId: rows[0]?.candidateId ?? "nobody", ...over }));
const first = (s: CandidateScore) => s.explanation.requirements[0]!;
const ranked = (...scores: CandidateScore[]) => [...scores].sort(compareRanked).map((s) => s.candidateId);

describe("1. estimate, then compare: every piece of evidence counts", () => {
  it("independent sources that agree raise confidence (software: Python from two employers and an assessment)", () => {
    const python = [need("sw.python", 4)];
    const acme = { concept: "sw.python", level: 4, issuer: "Acme" };
    const globex = { ...acme, issuer: "Globex" };
    const assessed = { ...acme, source: "assessment" as const, issuer: "TestCo" };
    const one = score(python, person("one", acme));
    const three = score(python, person("three", acme, globex, assessed));
    expect(first(three).confidence).toBeGreaterThan(first(one).confidence);
    expect(three.score).toBeGreaterThan(one.score);
    expect(first(three).evidence).toHaveLength(3);
  });

  it("corroboration works in healthcare too: IV therapy attested by a hospital and a certification", () => {
    const iv = [need("hc.nursing.iv-therapy", 3, true)];
    const hospital = { concept: "hc.nursing.iv-therapy", level: 3, issuer: "St Mary's" };
    const certified = {
      ...hospital,
      source: "issued-credential" as const,
      issuer: "Infusion Nurses Society",
    };
    const alone = score(iv, person("alone", hospital));
    const both = score(iv, person("both", hospital, certified));
    expect(ranked(alone, both)).toEqual(["both", "alone"]);
  });

  it("sources that contradict each other lower how sure we are that the level is met", () => {
    const accounting = [need("fin.accounting", 4)];
    const employer = { concept: "fin.accounting", level: 5, issuer: "Ledger & Co" };
    const assessed = { ...employer, level: 1, source: "assessment" as const, issuer: "TestCo" };
    const agreed = score(accounting, person("agreed", employer));
    const contradicted = score(accounting, person("contradicted", employer, assessed));
    expect(first(contradicted).meets).toBeLessThan(first(agreed).meets);
  });

  it("a later record of the same issuer supersedes an earlier one", () => {
    const welding = [need("trades.welding.gmaw", 4)];
    const later = { concept: "trades.welding.gmaw", level: 4, issuer: "Forge Ltd", practiced: yearsAgo(0.2) };
    const earlier = { concept: "trades.welding.gmaw", level: 2, issuer: "Forge Ltd", practiced: yearsAgo(4) };
    const both = score(welding, person("both", earlier, later));
    const onlyLater = score(welding, person("only", later));
    expect(both.score).toBe(onlyLater.score);
    expect(first(both).setAside.map((s) => s.reason)).toEqual(["superseded"]);
  });

  it("one person's repeated self-claims are one voice, not independent corroboration", () => {
    const spanish = [need("lang.spanish", 4)];
    const claim = { concept: "lang.spanish", level: 4, source: "self-asserted" as const };
    const once = score(spanish, person("once", claim));
    const thrice = score(spanish, person("thrice", claim, claim, claim));
    expect(thrice.score).toBe(once.score);
  });

  it("lists every piece that counted with its share; shares add to 1 and contributions to the score", () => {
    const position = [need("sw.python", 3, true, 2), need("biz.microsoft-excel", 2), need("lang.spanish")];
    const employed = { concept: "sw.python", level: 4, issuer: "Acme" };
    const claimed = { concept: "sw.python", level: 3, source: "self-asserted" as const };
    const assessed = {
      concept: "biz.microsoft-excel",
      level: 2,
      source: "assessment" as const,
      issuer: "TestCo",
    };
    const s = score(position, person("p", employed, claimed, assessed));
    const reqs = s.explanation.requirements;
    expect(reqs[0]!.evidence).toHaveLength(2);
    for (const r of reqs.filter((x) => x.evidence.length)) {
      expect(r.evidence.reduce((a, e) => a + e.share, 0)).toBeCloseTo(1, 12);
      expect(r.evidence.reduce((a, e) => a + e.contribution, 0)).toBeCloseTo(r.contribution, 12);
    }
    let sum = 0;
    for (const r of reqs) sum += r.contribution;
    expect(sum).toBe(s.score);
  });
});

describe("2. trust lowers confidence, never turns a claim into a gap", () => {
  const spanish = [need("lang.spanish", 4, true)];
  const selfClaimed = person("self", { concept: "lang.spanish", level: 4, source: "self-asserted" });
  const attested = person("tested", {
    concept: "lang.spanish",
    level: 4,
    source: "assessment",
    issuer: "Instituto Cervantes",
  });

  it("a self-asserted skill at the asked level meets a required requirement", () => {
    const s = score(spanish, selfClaimed);
    expect(s.qualified).toBe(true);
    expect(first(s).outcome).toBe("met");
  });

  it("…ranked below the same level attested by an issuer", () => {
    expect(ranked(score(spanish, selfClaimed), score(spanish, attested))).toEqual(["tested", "self"]);
  });

  it("an employer-attested advanced beats a self-claimed expert when advanced is asked (finance)", () => {
    const accounting = [need("fin.accounting", 4)];
    const employer = score(accounting, person("employer", { concept: "fin.accounting", level: 4 }));
    const claims = score(
      accounting,
      person("claims", { concept: "fin.accounting", level: 5, source: "self-asserted" }),
    );
    expect(ranked(claims, employer)).toEqual(["employer", "claims"]);
  });

  it("verifiedOnly is the recruiter's explicit way to demand attestation", () => {
    const filters = { verifiedOnly: true, practicedSinceMs: null };
    expect(score(spanish, selfClaimed, { filters }).qualified).toBe(false);
  });
});

describe("3. the skill itself beats its neighbours", () => {
  it("direct evidence, even below the level and unstated, outranks any amount of neighbouring evidence", () => {
    const python = [need("sw.python", 4)];
    const weakDirect = score(
      python,
      person("direct", { concept: "sw.python", level: null, source: "self-asserted", practiced: null }),
    );
    const lowDirect = score(
      python,
      person("low", { concept: "sw.python", level: 1, source: "self-asserted" }),
    );
    const neighbours = score(
      python,
      person(
        "neighbours",
        ...[
          "sw.sql",
          "sw.java",
          "sw.javascript",
          "sw.r",
          "sw.go",
          "data.pandas",
          "data.machine-learning",
        ].map((concept) => ({ concept, level: 5, source: "verified-credential" as const, issuer: concept })),
      ),
    );
    expect(weakDirect.score).toBeGreaterThan(neighbours.score);
    expect(lowDirect.score).toBeGreaterThan(neighbours.score);
  });

  it("SQL is not half of Python: a tree sibling earns nothing unless the two are measured to go together", () => {
    const s = score([need("sw.python", 4)], person("sql", { concept: "sw.sql", level: 5 }));
    expect(first(s).estimate).toBeLessThan(DEFAULT_SCORING.directFloor);
    expect(first(s).outcome).not.toBe("met");
  });

  it("a neighbour lifts a missing skill at most to partly, never to met (trades: GTAW for GMAW)", () => {
    const s = score(
      [need("trades.welding.gmaw", 3, true)],
      person("tig", { concept: "trades.welding.gtaw", level: 5, source: "verified-credential" }),
    );
    expect(first(s).outcome).not.toBe("met");
    expect(s.qualified).toBe(false);
  });

  it("a card's level is what we know of the asked skill, not the neighbour's", () => {
    const s = score([need("cloud.kubernetes", 4)], person("ci", { concept: "cloud.ci-cd", level: 5 }));
    expect(first(s).estimatedLevel).toBeNull();
  });
});

describe("4. missing data is never agreement, extra data is never noise", () => {
  const python = [need("sw.python", 3), need("sw.sql", 2)];
  const base = person("base", { concept: "sw.python", level: 4 }, { concept: "sw.sql", level: 3 });

  it("unrelated skills neither help nor hurt", () => {
    const extra = [
      ...base,
      ...person(
        "base",
        { concept: "trades.welding.gmaw", level: 5 },
        { concept: "hc.nursing.triage", level: 1 },
      ),
    ];
    expect(score(python, extra).score).toBe(score(python, base).score);
  });

  it("a level not stated is weaker than a stated level meeting the bar and stronger than no evidence", () => {
    const req = [need("biz.microsoft-excel", 4)];
    const stated = score(req, person("stated", { concept: "biz.microsoft-excel", level: 4 }));
    const unstated = score(req, person("unstated", { concept: "biz.microsoft-excel", level: null }));
    const none = score(req, person("none", { concept: "trades.welding.gmaw", level: 4 }));
    expect(stated.score).toBeGreaterThan(unstated.score);
    expect(unstated.score).toBeGreaterThan(none.score);
    expect(none.score).toBe(0);
  });

  it("a date not stated is neither new nor old", () => {
    const req = [need("fin.accounting", 3)];
    const at = (practiced: string | null) =>
      score(req, person("x", { concept: "fin.accounting", level: 3, practiced })).score;
    expect(at(null)).toBeLessThan(at(yearsAgo(0.5)));
    expect(at(null)).toBeGreaterThan(at(yearsAgo(20)));
  });

  it("an empty profile scores 0", () => {
    expect(score(python, []).score).toBe(0);
  });
});

describe("5. time matters gently", () => {
  const req = [need("hc.nursing.iv-therapy", 3)];
  const at = (practiced: string) =>
    first(score(req, person("n", { concept: "hc.nursing.iv-therapy", level: 3, practiced }))).evidence[0]!
      .factors.recency;

  it("practice within the grace period counts as current", () => {
    expect(at(yearsAgo(0.1))).toBe(1);
    expect(at(yearsAgo(DEFAULT_SCORING.recency.graceYears - 0.1))).toBe(1);
  });

  it("older practice decays toward a floor, never below it", () => {
    expect(at(yearsAgo(6))).toBeLessThan(1);
    expect(at(yearsAgo(12))).toBeLessThan(at(yearsAgo(6)));
    expect(at(yearsAgo(60))).toBe(DEFAULT_SCORING.recency.floor);
  });

  it("expired and revoked credentials never count, and the explanation names them", () => {
    const licence = [need("hc.nursing", null, true)];
    const s = score(
      licence,
      person(
        "lapsed",
        { concept: "hc.nursing", source: "verified-credential", validUntil: yearsAgo(1) },
        { concept: "hc.nursing", source: "issued-credential", revoked: true },
      ),
    );
    expect(s.qualified).toBe(false);
    expect(s.score).toBe(0);
    expect(s.explanation.excluded.map((e) => e.reason).sort()).toEqual(["expired", "revoked"]);
  });
});

describe("6. the score means something", () => {
  const position = [need("sw.python", 4, true), need("sw.sql", 3), need("cloud.docker", 2)];

  it("strong attested evidence for everything reads as very likely meeting nearly all of it", () => {
    const s = score(
      position,
      person(
        "strong",
        { concept: "sw.python", level: 5, issuer: "Acme" },
        { concept: "sw.python", level: 5, source: "verified-credential", issuer: "Python Institute" },
        { concept: "sw.sql", level: 4, issuer: "Acme" },
        { concept: "sw.sql", level: 4, source: "assessment", issuer: "TestCo" },
        { concept: "cloud.docker", level: 3, issuer: "Acme" },
        { concept: "cloud.docker", level: 3, source: "assessment", issuer: "TestCo" },
      ),
    );
    expect(s.score).toBeGreaterThan(0.85);
  });

  it("qualified people come first; among the disqualified, those closest to qualifying", () => {
    const two = [need("sw.python", 4, true), need("sw.sql", 3, true), need("cloud.docker")];
    const qualified = score(
      two,
      person(
        "q",
        { concept: "sw.python", level: 4, source: "self-asserted" },
        { concept: "sw.sql", level: 3, source: "self-asserted" },
      ),
    );
    const oneShort = score(
      two,
      person("one", { concept: "sw.python", level: 5 }, { concept: "cloud.docker", level: 5 }),
    );
    const twoShort = score(
      two,
      person(
        "two",
        { concept: "cloud.docker", level: 5, source: "verified-credential" },
        { concept: "sw.python", level: 2 },
      ),
    );
    expect(ranked(twoShort, oneShort, qualified)).toEqual(["q", "one", "two"]);
  });
});
