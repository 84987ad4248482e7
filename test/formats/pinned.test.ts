/**
 * Exact assertions for real samples, written from reading each document: skill text, raw level,
 * scale hint, source kind, dates, where practiced and the path the assertion came from.
 */
import { describe, expect, it } from "vitest";
import { parserFor } from "../../indexer/detect.ts";
import { onlyDocument } from "./helpers.ts";

describe("Open Badges 3.0", () => {
  it("spec skill assertion (CASE): the aligned competency, issued by the university", () => {
    const doc = onlyDocument("ob3/spec_skillAssertionCase.json");
    expect(doc).toMatchObject({
      format: "ob3",
      documentId: "http://1edtech.edu/credentials/3732",
      person: { id: "did:example:ebfeb1f712ebc6f1c276e12ec21" },
      issuer: "1EdTech University",
      issuedAt: "2022-07-01T00:00:00Z",
      validUntil: null,
      sourceKind: "issued-credential",
      verification: "unverified",
      revocation: "unchecked",
    });
    expect(doc.assertions).toEqual([
      {
        skillText: "Robot Programming",
        conceptHint: {
          uri: "https://robotics-competencies.example.com/competencies/robot-programming",
          framework: "Example Robotics Framework",
        },
        rawLevel: null,
        scale: null,
        issuer: "1EdTech University",
        issuedAt: "2022-07-01T00:00:00Z",
        validUntil: null,
        wherePracticed: "Final Project Code",
        lastPracticedAt: null,
        sourcePath: "$.credentialSubject.achievement.alignment[0]",
      },
    ]);
  });

  it("spec full badge: alignments, a letter grade on its allowed values, a rubric level, role and activity dates", () => {
    const doc = onlyDocument("ob3/spec_fullOpenBadge.json");
    expect(doc.person).toEqual({
      id: "did:example:ebfeb1f712ebc6f1c276e12ec21",
      name: null,
      email: "student@1edtech.edu",
      location: null,
    });
    expect(doc.credentialStatus).toEqual({
      id: "https://1edtech.edu/credentials/3732/revocations",
      type: "1EdTechRevocationList",
    });
    const summary = doc.assertions.map((a) => [a.skillText, a.rawLevel, a.scale, a.sourcePath]);
    expect(summary).toEqual([
      ["1EdTech University Degree", null, null, "$.credentialSubject.achievement.alignment[0]"],
      ["1EdTech University Degree", null, null, "$.credentialSubject.achievement.alignment[1]"],
      ["Final Project", "A", { levels: ["D", "C", "B", "A"] }, "$.credentialSubject.result[0]"],
      // Both rubric levels are worth 4 points, so no order is claimed for them.
      ["Final Project", "Mastered", null, "$.credentialSubject.result[1]"],
    ]);
    expect(doc.assertions[2]).toMatchObject({
      conceptHint: { uri: "https://1edtech.edu/catalog/degree/project/result/1", code: "project" },
      issuedAt: "2010-01-01T00:00:00Z",
      validUntil: "2030-01-01T00:00:00Z",
      wherePracticed: "Major Domo, 1EdTech College of Arts",
      lastPracticedAt: "2010-01-02T00:00:00Z",
    });
    expect(doc.warnings).toEqual([
      '$.credentialSubject.result[0]: requires value "C", achieved "A"',
      "$.credentialSubject.result[1]: rubric levels share points, their order is unknown",
      '$.credentialSubject.result[1]: requires level "Mastered", achieved "Mastered"',
    ]);
  });

  it("expired 1EdTech fixture: the unaligned achievement's name, with VCDM 2.0 dates", () => {
    const doc = onlyDocument("ob3/1edtech-validator_simple-err-expired.json");
    expect(doc.assertions).toEqual([
      {
        skillText: "Teamwork",
        rawLevel: null,
        scale: null,
        issuer: "Example Corp",
        issuedAt: "2010-01-01T00:00:00Z",
        validUntil: "2010-01-01T00:00:00Z",
        wherePracticed: null,
        lastPracticedAt: null,
        sourcePath: "$.credentialSubject.achievement",
      },
    ]);
  });

  it("DCC expired fixture: VCDM 1.1 issuanceDate/expirationDate, a subject known only by name", () => {
    const doc = onlyDocument("ob3/dcc-fixtures_oidf-noStatus-expired.json");
    expect(doc).toMatchObject({
      documentId: "urn:uuid:2fe53dc9-b2ec-4939-9b2c-0d00f6663b6c",
      issuer: "Digital Credentials Consortium Test Issuer",
      issuedAt: "2025-01-09T15:06:31Z",
      validUntil: "2025-01-09T16:23:24Z",
      person: { name: "Jane Doe", email: null },
    });
    expect(doc.person.id).toMatch(/^anon:[0-9a-f]{24}$/);
    expect(doc.assertions.map((a) => [a.skillText, a.issuedAt, a.validUntil])).toEqual([
      ["Badge", "2025-01-09T15:06:31Z", "2025-01-09T16:23:24Z"],
    ]);
  });

  it("DCC revoked fixture keeps its BitstringStatusListEntry for a later status-list check", () => {
    const doc = onlyDocument("ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json");
    expect(doc.revocation).toBe("unchecked");
    expect(doc.credentialStatus).toMatchObject({ type: "BitstringStatusListEntry", statusListIndex: "6" });
  });
});

describe("CLR 2.0", () => {
  it("complex nursing CLR: one document, each embedded credential's achievement, the course grade as a level", () => {
    const doc = onlyDocument("clr2/1edtech-validator_complex.json");
    expect(doc).toMatchObject({
      format: "clr2",
      documentId: "http://example.edu/credentials/3732",
      person: { id: "urn:uuid:360a0e1e-c3f4-4fc4-9975-379889927d54" },
      issuer: "Western High School, RSD",
      issuedAt: "2022-12-05T21:39:07Z",
      sourceKind: "issued-credential",
    });
    expect(doc.assertions.map((a) => [a.skillText, a.rawLevel, a.issuedAt, a.sourcePath])).toEqual([
      [
        "Nurse Assistant 1 Program with Licensure",
        null,
        "2018-06-06T00:00:00Z",
        "$.credentialSubject.verifiableCredential[0].credentialSubject.achievement",
      ],
      [
        "Health Careers 1",
        "A",
        "2018-06-06T00:00:00Z",
        "$.credentialSubject.verifiableCredential[1].credentialSubject.result[0]",
      ],
      [
        "Human Anatomy and Physiology",
        null,
        "2018-06-06T00:00:00Z",
        "$.credentialSubject.verifiableCredential[2].credentialSubject.achievement",
      ],
      [
        "Intro to Health Careers",
        null,
        "2018-06-06T00:00:00Z",
        "$.credentialSubject.verifiableCredential[3].credentialSubject.achievement",
      ],
      [
        "Nurse Assisting 1",
        null,
        "2018-06-06T00:00:00Z",
        "$.credentialSubject.verifiableCredential[4].credentialSubject.achievement",
      ],
      [
        "Oregon State Board of Nursing - Certified Nursing Assistant",
        null,
        "2018-06-06T00:00:00Z",
        "$.credentialSubject.verifiableCredential[5].credentialSubject.achievement",
      ],
    ]);
    expect(doc.warnings).toEqual(["$.credentialSubject.association: 5 associations kept, not scored"]);
  });
});

describe("JSON Resume", () => {
  it("schema sample: the group level on each keyword, fluency, the position with its company and end date", () => {
    const doc = onlyDocument("jsonresume/jsonresume-schema_sample.resume.json");
    expect(doc.person).toEqual({
      id: "richard.hendriks@mail.com",
      name: "Richard Hendriks",
      email: "richard.hendriks@mail.com",
      location: "San Francisco, California, US",
    });
    expect(doc.sourceKind).toBe("self-asserted");
    expect(doc.assertions).toEqual([
      { skillText: "HTML", rawLevel: "Master", scale: null, sourcePath: "$.skills[0].keywords[0]" },
      { skillText: "CSS", rawLevel: "Master", scale: null, sourcePath: "$.skills[0].keywords[1]" },
      { skillText: "Javascript", rawLevel: "Master", scale: null, sourcePath: "$.skills[0].keywords[2]" },
      { skillText: "Mpeg", rawLevel: "Master", scale: null, sourcePath: "$.skills[1].keywords[0]" },
      { skillText: "MP4", rawLevel: "Master", scale: null, sourcePath: "$.skills[1].keywords[1]" },
      { skillText: "GIF", rawLevel: "Master", scale: null, sourcePath: "$.skills[1].keywords[2]" },
      { skillText: "English", rawLevel: "Native speaker", scale: null, sourcePath: "$.languages[0]" },
      {
        skillText: "CEO/President",
        rawLevel: null,
        scale: null,
        wherePracticed: "Pied Piper",
        lastPracticedAt: "2014-12-01",
        sourcePath: "$.work[0]",
      },
    ]);
  });

  it("a real résumé: CEFR fluency gets the cefr scale, a current job is practiced until present, certificates keep issuer and date", () => {
    const doc = onlyDocument("jsonresume/0bCdian_resume.json");
    const bySkill = (text: string) => doc.assertions.find((a) => a.skillText === text);
    expect(bySkill("English")).toEqual({
      skillText: "English",
      rawLevel: "C2",
      scale: { scale: "cefr" },
      sourcePath: "$.languages[1]",
    });
    expect(bySkill("Spanish")).toMatchObject({ rawLevel: "Native", scale: null });
    expect(bySkill("DevOps Engineer - Devoteam")).toMatchObject({
      wherePracticed: "Devoteam",
      lastPracticedAt: "present",
      sourcePath: "$.work[0]",
    });
    expect(bySkill("Professional Cloud Architect")).toEqual({
      skillText: "Professional Cloud Architect",
      rawLevel: null,
      scale: null,
      issuer: "Google",
      issuedAt: "2025-01",
      sourcePath: "$.certificates[0]",
    });
    expect(bySkill("TypeScript")).toMatchObject({ rawLevel: null, sourcePath: "$.skills[0].keywords[0]" });
    // A group with keywords is not itself a skill.
    expect(bySkill("Programming Languages")).toBeUndefined();
  });

  it("a résumé of keyword-less groups: each group name is the skill", () => {
    const doc = onlyDocument("jsonresume/AJMosley345_resume.json");
    expect(doc.assertions[0]).toEqual({
      skillText: "Systems Management",
      rawLevel: null,
      scale: null,
      sourcePath: "$.skills[0]",
    });
  });
});

describe("HR Open", () => {
  it("LER-RS wrapper: years of experience as the level, positions, certifications, studied specializations", () => {
    const doc = onlyDocument("ler-rs/LER-RS_V2_VCwrapper.json");
    expect(doc).toMatchObject({
      format: "ler-rs",
      documentId: "71202e91-a760-4173-a595-97bdfb514a63",
      person: { id: "gunilla.klein@example.com", name: "Gunilla Klein", location: "Frankfurt am Main" },
      issuer: "Resume Builder",
      issuedAt: "2012-05-01T19:23:24Z",
      sourceKind: "self-asserted",
    });
    expect(doc.assertions).toEqual([
      {
        skillText: "Project Management",
        rawLevel: 5,
        scale: { scale: "years" },
        lastPracticedAt: null,
        sourcePath: "$.credentialSubject.skills[0]",
      },
      {
        skillText: "Corporate Project Manager",
        rawLevel: null,
        scale: null,
        wherePracticed: "AllSoftware",
        lastPracticedAt: "2022-11-04",
        sourcePath: "$.credentialSubject.employmentHistories[0].positionHistories[0]",
      },
      {
        skillText: "Product Management Certificate",
        rawLevel: null,
        scale: null,
        issuer: "Cornell University",
        issuedAt: "2014-08-25",
        validUntil: "2024-08-25T00:00:00.0",
        sourcePath: "$.credentialSubject.certifications[0]",
      },
      {
        skillText: "Corporate Business",
        rawLevel: null,
        scale: null,
        wherePracticed: "University of California, Berkeley",
        lastPracticedAt: "2000",
        sourcePath: "$.credentialSubject.educationAndLearnings[0].educationDegrees[0].specializations[0]",
      },
    ]);
  });

  it("LER-RS with an embedded Open Badge: the badge's achievement is issued-credential evidence", () => {
    const doc = onlyDocument("ler-rs/LER-RS_V2_UC008_portability.json");
    expect(doc.assertions.find((a) => a.skillText === "Digital Marketing Certificate")).toMatchObject({
      sourceKind: "issued-credential",
      issuer: "American Council for Education (ACE)",
      issuedAt: "2022-01-01T00:00:00Z",
      validUntil: "2032-01-01T00:00:00Z",
      sourcePath: "$.credentialSubject.certifications[0].verifications[0].credentialSubject.achievement",
    });
  });

  it("PersonCompetency: O*NET code, score 80 on 0–100, last used date", () => {
    const doc = onlyDocument("hropen/instance_PersonCompetencyType.json");
    expect(doc.sourceKind).toBe("employer-record");
    expect(doc.assertions).toEqual([
      {
        skillText: "Reading Comprehension",
        conceptHint: { code: "2.A.1.a", framework: "O*NET" },
        rawLevel: 80,
        scale: { min: 0, max: 100 },
        lastPracticedAt: "2019-11-04",
        sourcePath: "$",
      },
    ]);
    expect(doc.warnings).toEqual(["$: 5 years of experience"]);
  });
});

describe("Velocity", () => {
  it("certification offer: localized name and authority, partial date, Credential Engine alignment", () => {
    const doc = onlyDocument("velocity/vendor-offer_marko-certification.json");
    expect(doc.person).toEqual({
      id: "marko.nikolic@example.com",
      name: null,
      email: "marko.nikolic@example.com",
      location: null,
    });
    const shared = {
      issuer: "LABIT training academy",
      issuedAt: "2020-04-12",
      validUntil: null,
      wherePracticed: null,
    };
    expect(doc.assertions).toEqual([
      {
        skillText: "Clean room technician",
        rawLevel: null,
        scale: null,
        ...shared,
        sourcePath: "$.credentialSubject",
      },
      {
        skillText: "Clean Room Technician Certification",
        conceptHint: {
          uri: "https://sandbox.credentialengine.org/finder/credential/20151/Clean_Room_Technician_Certification",
          code: "ce-b37c73ba-61c9-41c9-b6c4-7cb17f6d694e",
          framework: "Credential Engine",
        },
        rawLevel: null,
        scale: null,
        ...shared,
        sourcePath: "$.credentialSubject.alignment[0]",
      },
    ]);
  });

  it("past employment with month-only dates: an employer record practiced until 2020-01", () => {
    const doc = onlyDocument("velocity/vendor-offer_montse-reyes-past-employment.json");
    expect(doc.sourceKind).toBe("employer-record");
    expect(doc.assertions).toEqual([
      {
        skillText: "Derivatives Analyst",
        rawLevel: null,
        scale: null,
        issuer: "Banco de Badalona",
        issuedAt: "2020-01",
        validUntil: null,
        wherePracticed: "Banco de Badalona",
        lastPracticedAt: "2020-01",
        sourcePath: "$.credentialSubject",
      },
    ]);
  });

  it("JWT-wrapped Open Badge: the vc claim parsed as OB3, subject from sub, unverified", () => {
    const doc = onlyDocument("velocity/1edtech-validator_velocity.jwt");
    expect(doc).toMatchObject({
      format: "ob3",
      verification: "unverified",
      title: "Velocity Network Board Member 2022",
      issuedAt: "2022-12-31T00:00:00Z",
      credentialStatus: { type: "VelocityRevocationListJan2021" },
    });
    expect(doc.person.id).toMatch(/^did:jwk:eyJjcnYiOiJzZWNwMjU2azEi/);
    expect(doc.assertions.map((a) => [a.skillText, a.sourcePath])).toEqual([
      ["Velocity Network Board Member 2022", "$.vc.credentialSubject.achievement"],
    ]);
    expect(doc.warnings).toEqual([]);
  });
});

describe("JSON Resume edge shapes", () => {
  it("warns about a section that is not a list and reads the rest", () => {
    const [doc] = parserFor("jsonresume").parse(
      { basics: { name: "Kim" }, skills: "lots", languages: [{ language: "Dutch", fluency: "B1" }] },
      { fileName: null },
    );
    expect(doc?.warnings).toEqual(["$.skills: not a list, skipped"]);
    expect(doc?.assertions).toEqual([
      { skillText: "Dutch", rawLevel: "B1", scale: { scale: "cefr" }, sourcePath: "$.languages[0]" },
    ]);
    expect(doc?.person.id).toBe("name:kim");
  });
});

describe("JSON Resume numeric levels", () => {
  it("keeps a numeric group level a number", () => {
    const [doc] = parserFor("jsonresume").parse(
      { basics: { name: "Kim" }, skills: [{ name: "Go", level: 4 }] },
      { fileName: null },
    );
    expect(doc?.assertions).toEqual([
      { skillText: "Go", rawLevel: 4, scale: null, sourcePath: "$.skills[0]" },
    ]);
  });
});
