import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDegrees } from "../../indexer/degrees.ts";
import { parserFor } from "../../indexer/detect.ts";

const SAMPLES = join(import.meta.dirname, "../../../shared/data/ler-samples");
const sample = (path: string) => JSON.parse(readFileSync(join(SAMPLES, path), "utf8"));

describe("degrees read from LERs, apart from skills", () => {
  it("an OB3 degree achievement: level from achievementType, field from fieldOfStudy, issuer and date from the credential", () => {
    const [degree] = readDegrees("ob3", sample("ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json"));
    expect(degree).toMatchObject({
      title: "Mock Bachelor of Science in Biology",
      level: "bachelor",
      field: "biology",
      issuer: "Massachusetts Institute of Technology",
      sourcePath: "$.credentialSubject.achievement",
    });
  });

  it("a degree's name is not read as a skill", () => {
    const [doc] = parserFor("ob3").parse(sample("ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json"), {
      fileName: null,
    });
    expect(doc!.assertions.map((a) => a.skillText)).not.toContain("Mock Bachelor of Science in Biology");
  });

  it("JSON Resume education: studyType is the level, area the field", () => {
    expect(readDegrees("jsonresume", sample("jsonresume/0xA1337_resume.json"))).toMatchObject([
      { level: "master", field: "software science and engineering", issuer: "University of Strasbourg" },
      { level: "bachelor", field: "computer science", sourcePath: "$.education[1]" },
    ]);
  });

  it("LER-RS educationDegrees: ISCED level, the major as the field; a degree in progress is not held", () => {
    expect(readDegrees("ler-rs", sample("ler-rs/LER-RS_V2_VCwrapper.json"))).toMatchObject([
      { title: "Bachelor of Commerce", level: "bachelor", field: "corporate business" },
    ]);
    expect(readDegrees("ler-rs", sample("ler-rs/LER-RS_V2_UC010_applying.json"))).toEqual([]);
  });

  it("a CLR's embedded degree credential keeps its own issuer", () => {
    const vc = sample("ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json");
    const clr = {
      type: ["ClrCredential"],
      issuer: { name: "Registrar" },
      credentialSubject: { verifiableCredential: [vc] },
    };
    expect(readDegrees("clr2", clr)).toMatchObject([
      {
        issuer: "Massachusetts Institute of Technology",
        sourcePath: "$.credentialSubject.verifiableCredential[0].credentialSubject.achievement",
      },
    ]);
  });

  it("formats without a reader record no degrees", () => {
    expect(readDegrees("csv", "person,skill\np,Python")).toEqual([]);
  });
});
