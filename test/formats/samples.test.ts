import { describe, expect, it } from "vitest";
import { isLerError } from "../../src/domain/errors.ts";
import { parseSample, sampleFiles } from "./helpers.ts";

/** What each real sample must become: a format, or the error code it is rejected with. */
const EXPECTED: Record<string, string> = {
  "case/opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json": "not_a_person_record",
  "case/opensalt-tests_ACT-Holistic-Framework-Math.json": "not_a_person_record",
  "case/opensalt-tests_SmartLevelFramework.json": "not_a_person_record",
  "clr2/1edtech-validator_complex.json": "clr2",
  "clr2/1edtech-validator_simple.json": "clr2",
  "clr2/1edtech-validator_simple_v1.json": "clr2",
  "ctdl/Course-1a.json": "not_a_person_record",
  "ctdl/Credential-1.json": "not_a_person_record",
  "hropen/badge_instance.json": "hropen-competency",
  "hropen/certification_instance.json": "hropen-competency",
  "hropen/instance_PersonCompetencyType.json": "hropen-competency",
  "hropen/instance_SpecifiedCompetencyType.json": "not_a_person_record",
  "hropen/instance_scoreTypes.json": "not_a_person_record",
  "jsonresume/0-o0_resume.json": "jsonresume",
  "jsonresume/0bCdian_resume.json": "jsonresume",
  "jsonresume/0xA1337_resume.json": "jsonresume",
  "jsonresume/0xadada_resume.json": "jsonresume",
  "jsonresume/1987cr_resume.json": "jsonresume",
  "jsonresume/5c077m4n_resume.json": "jsonresume",
  "jsonresume/AJLab-GH_resume.json": "jsonresume",
  "jsonresume/AJMosley345_resume.json": "jsonresume",
  "jsonresume/AYastrebov_resume.json": "jsonresume",
  "jsonresume/jsonresume-schema_sample.job.json": "not_a_person_record",
  "jsonresume/jsonresume-schema_sample.resume.json": "jsonresume",
  "jsonresume/jsonresume-schema_test-skills.json": "unknown_format",
  "ler-rs/LER-RS_V2_UC008_portability.json": "ler-rs",
  "ler-rs/LER-RS_V2_UC009_exchanging.json": "ler-rs",
  "ler-rs/LER-RS_V2_UC010_applying.json": "ler-rs",
  "ler-rs/LER-RS_V2_VCwrapper.json": "ler-rs",
  "ob2/1edtech-validator_valid-alignment-object.json": "not_a_person_record",
  "ob3/1edtech-validator_complete.json": "ob3",
  "ob3/1edtech-validator_complete_v1.json": "ob3",
  "ob3/1edtech-validator_credential-status-revoked.json": "ob3",
  "ob3/1edtech-validator_endorsement-valid.json": "not_a_person_record",
  "ob3/1edtech-validator_simple-err-expired.json": "ob3",
  "ob3/1edtech-validator_simple.json": "ob3",
  "ob3/dcc-fixtures_legacyRegistry-noStatus-noExpiry-OBSpecExample.json": "ob3",
  "ob3/dcc-fixtures_oidf-noStatus-expired.json": "ob3",
  "ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json": "ob3",
  "ob3/mit-learn_courseCertificate.json": "ob3",
  "ob3/spec_achievementAlignmentCase.json": "ob3",
  "ob3/spec_achievementAlignmentCe.json": "ob3",
  "ob3/spec_assessmentExtension_v2p0.json": "ob3",
  "ob3/spec_basicOpenBadgeCredential.json": "ob3",
  "ob3/spec_fullOpenBadge.json": "ob3",
  "ob3/spec_skillAssertionCase.json": "ob3",
  "ob3/spec_skillAssertionCtdl.json": "ob3",
  // A JWT yields the format of the credential inside it.
  "velocity/1edtech-validator_velocity.jwt": "ob3",
  "velocity/1edtech-validator_velocity.jwt.payload.json": "ob3",
  "velocity/open-badge-credential-example.json": "ob3",
  "velocity/vendor-offer_marko-certification.json": "velocity",
  "velocity/vendor-offer_marko-past-employment.json": "velocity",
  "velocity/vendor-offer_michelle-harris-course.json": "velocity",
  "velocity/vendor-offer_montse-reyes-past-employment.json": "velocity",
  "velocity/vendor-offer_olivia-hafez-license.json": "velocity",
};

function outcome(name: string): string {
  try {
    const formats = new Set(parseSample(name).map((d) => d.format));
    return [...formats].join(",");
  } catch (e) {
    if (isLerError(e)) return e.code;
    throw e;
  }
}

describe("every real sample", () => {
  it("is listed here, so a new sample cannot go untested", () => {
    expect(sampleFiles()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s → %s", (name, expected) => {
    expect(outcome(name)).toBe(expected);
  });

  it("names the CASE framework and the command that imports it", () => {
    expect(() => parseSample("case/opensalt-tests_SmartLevelFramework.json")).toThrow(
      "a CASE framework (CFPackage), not a person's record: import it with `ler-match taxonomy import case`",
    );
  });

  it("gives every parsed sample's assertions a skill text and a source path", () => {
    const parsed = Object.entries(EXPECTED).filter(([, v]) => !v.includes("_"));
    for (const [name] of parsed)
      for (const doc of parseSample(name))
        for (const a of doc.assertions) {
          expect(a.skillText.length, name).toBeGreaterThan(0);
          expect(a.sourcePath, name).toMatch(/^(\$|line \d+)/);
        }
  });
});

describe("expired samples", () => {
  // The samples were collected before this date; each expired one ended before it.
  const COLLECTED = "2026-01-01";
  it.each([
    ["ob3/1edtech-validator_simple-err-expired.json", "2010-01-01T00:00:00Z"],
    ["ob3/dcc-fixtures_oidf-noStatus-expired.json", "2025-01-09T16:23:24Z"],
    ["ob3/1edtech-validator_complete_v1.json", "2020-01-01T00:00:00Z"],
    ["hropen/badge_instance.json", "2017-12-01T12:00:00"],
  ])("%s has validUntil %s, in the past", (name, validUntil) => {
    const [doc] = parseSample(name);
    expect(doc?.validUntil).toBe(validUntil);
    expect((doc?.validUntil ?? "") < COLLECTED).toBe(true);
    expect(doc?.assertions.every((a) => a.validUntil === validUntil)).toBe(true);
  });
});
