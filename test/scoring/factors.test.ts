import { describe, expect, it } from "vitest";
import { parseIsoDateMs, YEAR_MS } from "../../src/domain/dates.ts";
import { NO_FILTERS } from "../../src/domain/evidence.ts";
import { DEFAULT_SCORING, ScoringConfig } from "../../src/scoring/config.ts";
import {
  exclusionOf,
  levelSurplus,
  meetsProbability,
  recency,
  relatedness,
  satisfiesHardFilter,
  trust,
} from "../../src/scoring/factors.ts";
import { NOW } from "./fixtures.ts";

const cfg = DEFAULT_SCORING;
/** A configuration whose numbers the tests below state, whatever the tuned defaults become. */
const explicit = ScoringConfig.parse({
  relatedness: { narrower: 0.9, related: 0.4, cooccurrence: 0.8, broader: 0.2 },
  recency: { graceYears: 2, halfLifeYears: 5, floor: 0.3, unknownDate: 0.7, enabled: true },
  level: { slope: 2, selfInflation: 0.5, assumedLevel: 3, unknownSlopeFactor: 0.5, defaultMinimum: 2 },
});

describe("relatedness", () => {
  it("is 1 for the skill itself", () => {
    expect(relatedness("same", 1, cfg)).toBe(1);
    expect(relatedness("same", 0, explicit)).toBe(1);
  });

  it("takes a narrower skill's discount from the configuration", () => {
    expect(relatedness("narrower", 1, cfg)).toBe(cfg.relatedness.narrower);
    expect(relatedness("narrower", 1, explicit)).toBe(0.9);
    expect(relatedness("narrower", 1, cfg)).toBeLessThan(1);
  });

  it("gives a tree sibling nothing unless the two are measured to co-occur", () => {
    expect(relatedness("sibling", 0, cfg)).toBe(0);
    expect(relatedness("sibling", 0, explicit)).toBe(0);
    expect(relatedness("sibling", 0.5, explicit)).toBe(0.8 * 0.5);
  });

  it("scales co-occurrence by its cosine", () => {
    expect(relatedness("cooccurrence", 0.5, explicit)).toBe(0.8 * 0.5);
    expect(relatedness("cooccurrence", 0.5, cfg)).toBe(cfg.relatedness.cooccurrence * 0.5);
    expect(relatedness("cooccurrence", 0.25, cfg)).toBeLessThan(relatedness("cooccurrence", 0.5, cfg));
    expect(relatedness("cooccurrence", 0, cfg)).toBe(0);
  });

  it("gives an explicit related edge or a broader skill at least their configured weight, more when measured", () => {
    expect(relatedness("related", 0, explicit)).toBe(0.4);
    expect(relatedness("related", 0.9, explicit)).toBe(0.8 * 0.9);
    expect(relatedness("broader", 0, explicit)).toBe(0.2);
    expect(relatedness("broader", 0.5, explicit)).toBe(0.8 * 0.5);
    expect(relatedness("related", 0, cfg)).toBe(cfg.relatedness.related);
    expect(relatedness("broader", 0, cfg)).toBe(cfg.relatedness.broader);
  });

  it("keeps every neighbour below the skill itself", () => {
    for (const relation of ["related", "broader", "sibling", "cooccurrence"] as const)
      expect(relatedness(relation, 1, cfg)).toBeLessThan(1);
  });

  it("is 0 for an unrelated concept", () => {
    expect(relatedness("none", 0, cfg)).toBe(0);
  });

  it("counts only the same concept when expansion is off", () => {
    const off = ScoringConfig.parse({ expansion: false });
    expect(relatedness("same", 1, off)).toBe(1);
    for (const relation of ["narrower", "broader", "sibling", "related", "cooccurrence", "none"] as const)
      expect(relatedness(relation, 0.9, off)).toBe(0);
  });
});

describe("meetsProbability", () => {
  const levels = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

  it("rises with the stated level, for every minimum and source", () => {
    for (const min of [null, 1, 2, 3, 3.5, 4, 5])
      for (const kind of ["issued-credential", "self-asserted"] as const)
        for (let i = 1; i < levels.length; i++)
          expect(meetsProbability(levels[i]!, min, kind, cfg)).toBeGreaterThan(
            meetsProbability(levels[i - 1]!, min, kind, cfg),
          );
  });

  it("falls as the asked minimum rises", () => {
    for (let min = 1; min <= 5; min++)
      expect(meetsProbability(3, min, "employer-record", cfg)).toBeLessThan(
        meetsProbability(3, min - 1, "employer-record", cfg),
      );
  });

  it("reads a level at the bar as likely, above it as near-certain, below it as unlikely", () => {
    const at = meetsProbability(4, 4, "employer-record", cfg);
    expect(at).toBeGreaterThan(0.5);
    expect(meetsProbability(5, 4, "employer-record", cfg)).toBeGreaterThan(at);
    expect(meetsProbability(3, 4, "employer-record", cfg)).toBeLessThan(0.5);
  });

  it("puts a level well under the bar well under 0.5", () => {
    const twoUnder = meetsProbability(2, 4, "employer-record", cfg);
    const oneUnder = meetsProbability(3, 4, "employer-record", cfg);
    expect(twoUnder).toBeLessThan(oneUnder);
    expect(oneUnder).toBeLessThan(0.5);
    // one level under the bar is as unlikely as a level at the bar is likely
    expect(oneUnder + meetsProbability(4, 4, "employer-record", cfg)).toBeCloseTo(1, 12);
    expect(meetsProbability(2, 4, "employer-record", explicit)).toBeCloseTo(1 / (1 + Math.exp(3)), 15);
    expect(meetsProbability(2, 4, "employer-record", explicit)).toBeLessThan(0.05);
  });

  it("is a logistic around the minimum with the configured slope", () => {
    const logistic = (x: number) => 1 / (1 + Math.exp(-x));
    expect(meetsProbability(4, 4, "assessment", explicit)).toBe(logistic(2 * 0.5));
    expect(meetsProbability(3, 4, "assessment", explicit)).toBe(logistic(2 * -0.5));
    const steep = ScoringConfig.parse({ level: { ...explicit.level, slope: 6 } });
    expect(meetsProbability(5, 4, "assessment", steep)).toBeGreaterThan(
      meetsProbability(5, 4, "assessment", explicit),
    );
    expect(meetsProbability(2, 4, "assessment", steep)).toBeLessThan(
      meetsProbability(2, 4, "assessment", explicit),
    );
  });

  it("reads a self-claimed level lower than the same level attested", () => {
    const cfg = ScoringConfig.parse({ level: { ...DEFAULT_SCORING.level, selfInflation: 0.5 } });
    for (const level of levels)
      expect(meetsProbability(level, 4, "self-asserted", cfg)).toBeLessThan(
        meetsProbability(level, 4, "employer-record", cfg),
      );
    // the same as an attested level lowered by the inflation
    const inflation = cfg.level.selfInflation;
    expect(meetsProbability(4, 3, "self-asserted", cfg)).toBe(
      meetsProbability(4 - inflation, 3, "employer-record", cfg),
    );
  });

  it("reads self-claims as attested when there is no inflation", () => {
    const honest = ScoringConfig.parse({ level: { ...cfg.level, selfInflation: 0 } });
    expect(meetsProbability(3, 4, "self-asserted", honest)).toBe(
      meetsProbability(3, 4, "employer-record", honest),
    );
  });

  it("reads an unstated level as the assumed level, less certainly", () => {
    const unstated = meetsProbability(null, 4, "employer-record", explicit);
    const assumed = meetsProbability(explicit.level.assumedLevel, 4, "employer-record", explicit);
    // assumed 3 below a minimum of 4: unlikely, but nearer the middle than a stated 3
    expect(unstated).toBeLessThan(0.5);
    expect(unstated).toBeGreaterThan(assumed);
    const low = meetsProbability(null, 1, "employer-record", explicit);
    expect(low).toBeGreaterThan(0.5);
    expect(low).toBeLessThan(meetsProbability(3, 1, "employer-record", explicit));
  });

  it("uses the default minimum when the requirement names none", () => {
    const min = cfg.level.defaultMinimum;
    for (const level of [null, 0, 2, 5])
      expect(meetsProbability(level, null, "assessment", cfg)).toBe(
        meetsProbability(level, min, "assessment", cfg),
      );
  });

  it("stays a probability", () => {
    for (const level of [null, ...levels])
      for (const min of [null, 0, 5]) {
        const p = meetsProbability(level, min, "self-asserted", cfg);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThan(1);
      }
  });
});

describe("trust", () => {
  it("uses the configured trust per source kind", () => {
    for (const kind of [
      "self-asserted",
      "verified-credential",
      "issued-credential",
      "employer-record",
      "assessment",
    ] as const)
      expect(trust(kind, cfg)).toBe(cfg.trust[kind]);
  });

  it("believes a verified credential more than a self-claim", () => {
    expect(trust("verified-credential", cfg)).toBeGreaterThan(trust("self-asserted", cfg));
    expect(trust("assessment", cfg)).toBeGreaterThan(trust("self-asserted", cfg));
  });

  it("is 1 when disabled", () => {
    expect(trust("self-asserted", ScoringConfig.parse({ trustEnabled: false }))).toBe(1);
  });
});

describe("recency", () => {
  const ago = (years: number) => NOW - years * YEAR_MS;

  it("is 1 within the grace period", () => {
    expect(recency(NOW, NOW, explicit)).toBe(1);
    expect(recency(ago(1.9), NOW, explicit)).toBe(1);
    expect(recency(ago(2), NOW, explicit)).toBe(1);
    expect(recency(ago(cfg.recency.graceYears), NOW, cfg)).toBe(1);
  });

  it("halves over one half-life after the grace period", () => {
    expect(recency(ago(2 + 5), NOW, explicit)).toBeCloseTo(0.5, 12);
    const { graceYears, halfLifeYears } = cfg.recency;
    expect(recency(ago(graceYears + halfLifeYears), NOW, cfg)).toBeCloseTo(
      Math.max(cfg.recency.floor, 0.5),
      12,
    );
  });

  it("decays monotonically", () => {
    let previous = 1;
    for (let years = 0; years <= 40; years += 0.5) {
      const r = recency(ago(years), NOW, cfg);
      expect(r).toBeLessThanOrEqual(previous);
      previous = r;
    }
  });

  it("never falls below the floor", () => {
    expect(recency(ago(40), NOW, explicit)).toBe(0.3);
    expect(recency(ago(100), NOW, cfg)).toBe(cfg.recency.floor);
  });

  it("reads an unknown date as neither new nor old", () => {
    expect(recency(null, NOW, explicit)).toBe(0.7);
    expect(recency(null, NOW, cfg)).toBe(cfg.recency.unknownDate);
  });

  it("treats a future date as today", () => {
    expect(recency(NOW + YEAR_MS, NOW, cfg)).toBe(1);
  });

  it("with no grace period decays from the first day", () => {
    const noGrace = ScoringConfig.parse({ recency: { ...explicit.recency, graceYears: 0 } });
    expect(recency(ago(1), NOW, noGrace)).toBeLessThan(1);
    expect(recency(ago(5), NOW, noGrace)).toBeCloseTo(0.5, 12);
  });

  it("is 1 when disabled", () => {
    const off = ScoringConfig.parse({ recency: { ...cfg.recency, enabled: false } });
    expect(recency(null, NOW, off)).toBe(1);
    expect(recency(ago(50), NOW, off)).toBe(1);
  });
});

describe("parseIsoDateMs", () => {
  it("reads partial dates as the start of their period", () => {
    expect(parseIsoDateMs("2019")).toBe(Date.UTC(2019, 0, 1));
    expect(parseIsoDateMs("2019-05")).toBe(Date.UTC(2019, 4, 1));
    expect(parseIsoDateMs("2019-05-17")).toBe(Date.UTC(2019, 4, 17));
  });

  it("reads a date-time without a zone as UTC and honours an explicit zone", () => {
    expect(parseIsoDateMs("2019-05-17T10:30:00")).toBe(Date.UTC(2019, 4, 17, 10, 30));
    expect(parseIsoDateMs("2019-05-17T10:30:00+02:00")).toBe(Date.UTC(2019, 4, 17, 8, 30));
  });

  it("returns null for no date", () => {
    expect(parseIsoDateMs(null)).toBeNull();
    expect(parseIsoDateMs("soon")).toBeNull();
  });
});

describe("exclusionOf", () => {
  it("excludes revoked before expired", () => {
    expect(exclusionOf(true, NOW - 1, true, null, NOW, NO_FILTERS)).toBe("revoked");
  });

  it("excludes evidence whose validity ended before now", () => {
    expect(exclusionOf(false, NOW - 1, true, null, NOW, NO_FILTERS)).toBe("expired");
    expect(exclusionOf(false, NOW + 1, true, null, NOW, NO_FILTERS)).toBeNull();
  });

  it("applies the verified-only filter", () => {
    expect(exclusionOf(false, null, false, NOW, NOW, { verifiedOnly: true, practicedSinceMs: null })).toBe(
      "filtered-unverified",
    );
  });

  it("treats old and undated evidence as stale under a practiced-since filter", () => {
    const since = { verifiedOnly: false, practicedSinceMs: NOW - YEAR_MS };
    expect(exclusionOf(false, null, false, NOW - 2 * YEAR_MS, NOW, since)).toBe("filtered-stale");
    expect(exclusionOf(false, null, false, null, NOW, since)).toBe("filtered-stale");
    expect(exclusionOf(false, null, false, NOW - 0.5 * YEAR_MS, NOW, since)).toBeNull();
  });
});

describe("levelSurplus and the hard filter", () => {
  it("counts only the level above the minimum", () => {
    expect(levelSurplus(5, 3)).toBe(2);
    expect(levelSurplus(2, 3)).toBe(0);
    expect(levelSurplus(5, null)).toBe(0);
    expect(levelSurplus(null, 3)).toBe(0);
  });

  it("accepts the same or a narrower skill at the minimum level", () => {
    expect(satisfiesHardFilter("same", 4, 4, cfg)).toBe(true);
    expect(satisfiesHardFilter("narrower", 5, 4, cfg)).toBe(true);
    expect(satisfiesHardFilter("same", null, null, cfg)).toBe(true);
    expect(satisfiesHardFilter("same", 3, 4, cfg)).toBe(false);
    expect(satisfiesHardFilter("same", null, 4, cfg)).toBe(false);
    expect(satisfiesHardFilter("broader", 5, 4, cfg)).toBe(false);
    expect(satisfiesHardFilter("related", 5, null, cfg)).toBe(false);
    expect(satisfiesHardFilter("sibling", 5, null, cfg)).toBe(false);
  });

  it("accepts only the skill itself when expansion is off", () => {
    const off = ScoringConfig.parse({ expansion: false });
    expect(satisfiesHardFilter("same", 4, 4, off)).toBe(true);
    expect(satisfiesHardFilter("narrower", 5, 4, off)).toBe(false);
  });
});
