import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING, ScoringConfig } from "../../src/scoring/config.ts";
import { parseIsoDateMs, YEAR_MS } from "../../src/scoring/dates.ts";
import {
  exclusionOf,
  levelFit,
  levelSurplus,
  recency,
  satisfiesHardFilter,
  similarity,
  trust,
} from "../../src/scoring/factors.ts";
import { NOW } from "./fixtures.ts";

const cfg = DEFAULT_SCORING;
const noFilters = { verifiedOnly: false, practicedSinceMs: null };

describe("similarity", () => {
  it("follows the v1 table", () => {
    expect(similarity("same", 1, cfg)).toBe(1);
    expect(similarity("narrower", 1, cfg)).toBe(0.9);
    expect(similarity("broader", 1, cfg)).toBe(0.6);
    expect(similarity("sibling", 1, cfg)).toBe(0.5);
    expect(similarity("related", 1, cfg)).toBe(0.4);
    expect(similarity("none", 0, cfg)).toBe(0);
  });

  it("scales co-occurrence by its cosine", () => {
    expect(similarity("cooccurrence", 0.5, cfg)).toBe(0.2);
  });

  it("counts only the same concept when expansion is off", () => {
    const off = ScoringConfig.parse({ expansion: false });
    expect(similarity("same", 1, off)).toBe(1);
    expect(similarity("narrower", 1, off)).toBe(0);
    expect(similarity("cooccurrence", 0.9, off)).toBe(0);
  });
});

describe("levelFit", () => {
  it("is (level/min)² below the minimum", () => {
    expect(levelFit(2, 4, cfg)).toBe(0.25);
  });

  it("is 1 at or above the minimum", () => {
    expect(levelFit(4, 4, cfg)).toBe(1);
    expect(levelFit(5, 3, cfg)).toBe(1);
  });

  it("is 0.6 for an unstated level, with or without a minimum", () => {
    expect(levelFit(null, 4, cfg)).toBe(0.6);
    expect(levelFit(null, null, cfg)).toBe(0.6);
  });

  it("is 0.5 + 0.1·level without a minimum", () => {
    expect(levelFit(3, null, cfg)).toBe(0.8);
    expect(levelFit(0, null, cfg)).toBe(0.5);
  });

  it("is 1 when disabled", () => {
    expect(levelFit(1, 5, ScoringConfig.parse({ fit: { ...cfg.fit, enabled: false } }))).toBe(1);
  });
});

describe("trust", () => {
  it("uses the default trust per source kind", () => {
    expect(trust("self-asserted", cfg)).toBe(0.5);
    expect(trust("verified-credential", cfg)).toBe(1);
    expect(trust("issued-credential", cfg)).toBe(0.85);
    expect(trust("employer-record", cfg)).toBe(0.85);
    expect(trust("assessment", cfg)).toBe(0.9);
  });

  it("is 1 when disabled", () => {
    expect(trust("self-asserted", ScoringConfig.parse({ trustEnabled: false }))).toBe(1);
  });
});

describe("recency", () => {
  it("halves over one half-life", () => {
    expect(recency(NOW - 5 * YEAR_MS, NOW, cfg)).toBe(0.5);
  });

  it("never falls below the floor", () => {
    expect(recency(NOW - 20 * YEAR_MS, NOW, cfg)).toBe(0.3);
  });

  it("is 0.8 for an unknown date", () => {
    expect(recency(null, NOW, cfg)).toBe(0.8);
  });

  it("treats a future date as today", () => {
    expect(recency(NOW + YEAR_MS, NOW, cfg)).toBe(1);
  });

  it("is 1 when disabled", () => {
    expect(recency(null, NOW, ScoringConfig.parse({ recency: { ...cfg.recency, enabled: false } }))).toBe(1);
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
    expect(exclusionOf(true, NOW - 1, true, null, NOW, noFilters)).toBe("revoked");
  });

  it("excludes evidence whose validity ended before now", () => {
    expect(exclusionOf(false, NOW - 1, true, null, NOW, noFilters)).toBe("expired");
    expect(exclusionOf(false, NOW + 1, true, null, NOW, noFilters)).toBeNull();
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
  });

  it("accepts the same or a narrower skill at the minimum level", () => {
    expect(satisfiesHardFilter("same", 4, 4, cfg)).toBe(true);
    expect(satisfiesHardFilter("narrower", 5, 4, cfg)).toBe(true);
    expect(satisfiesHardFilter("same", 3, 4, cfg)).toBe(false);
    expect(satisfiesHardFilter("same", null, 4, cfg)).toBe(false);
    expect(satisfiesHardFilter("broader", 5, 4, cfg)).toBe(false);
    expect(satisfiesHardFilter("related", 5, null, cfg)).toBe(false);
  });
});
