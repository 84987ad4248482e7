import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLR_2_0_1, CLR_CONTEXT_TEXT } from "../verify/clr-contexts.fixture.ts";
import { cliWorkspace } from "./binary.ts";

const MIT = join(
  import.meta.dirname,
  "../../../shared/data/ler-samples/ob3/mit-learn_courseCertificate.json",
);
const MIT_ISSUER = "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q";
const { dir, run } = cliWorkspace("trust-cli", "2026-01-01T00:00:00Z");

describe("ler-match trust", () => {
  it("adds an issuer and a key file, lists them, and refuses an unknown removal with exit 3", () => {
    expect(run("trust", "add", MIT_ISSUER, "--name", "MIT Open Learning").status).toBe(0);
    const keyFile = join(dir, "keys.json");
    writeFileSync(
      keyFile,
      JSON.stringify({
        id: "https://example.com/issuers/876543#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
        controller: "https://example.com/issuers/876543",
        publicKeyMultibase: "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
      }),
    );
    expect(run("trust", "add-key", keyFile).status).toBe(0);
    const listed = JSON.parse(run("trust", "list", "--json").stdout);
    expect(listed.issuers.map((i: { name: string }) => i.name)).toEqual(["MIT Open Learning"]);
    expect(listed.keys).toHaveLength(1);
    const missing = run("trust", "remove", "did:key:nobody", "--json");
    expect([missing.status, JSON.parse(missing.stdout).error.code]).toEqual([3, "not_found"]);
  });

  it("the ingest table gives each document's verification status and reason", () => {
    const r = run("ingest", MIT);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/verification: 1 verified/);
    expect(r.stdout).toMatch(
      /verified\s+Ed25519Signature2020: proof valid; issuer did:key:\S+ is trusted as "MIT Open Learning"/,
    );
  });

  it("--attested-by keeps a native document's own verification claim", () => {
    const file = join(dir, "claim.json");
    writeFileSync(
      file,
      JSON.stringify({
        format: "ler-match/v1",
        person: { id: "p-1" },
        verification: "verified",
        sourceKind: "verified-credential",
        assertions: [{ skill: "Python", level: "advanced" }],
      }),
    );
    const report = JSON.parse(run("ingest", file, "--attested-by", "acme-hr", "--json").stdout);
    expect(report.documents[0]).toMatchObject({ warnings: [], verification: { attestedBy: "acme-hr" } });
  });
});

describe("ler-match trust add-context, list-contexts, remove-context, reverify", () => {
  it("pins a context file, refuses other bytes for its URL with exit 3, lists and removes it", () => {
    const file = join(dir, "clr.jsonld");
    writeFileSync(file, CLR_CONTEXT_TEXT[CLR_2_0_1]!);
    const added = run("trust", "add-context", CLR_2_0_1, file, "--json");
    expect(added.status).toBe(0);
    const { context } = JSON.parse(added.stdout);
    expect(run("trust", "add-context", CLR_2_0_1, file, "--sha256", context.sha256).stdout).toMatch(
      /^already pinned/,
    );
    const other = join(dir, "other.jsonld");
    writeFileSync(other, '{"@context": {}}');
    const refused = run("trust", "add-context", CLR_2_0_1, other, "--json");
    expect([refused.status, JSON.parse(refused.stdout).error.code]).toEqual([3, "conflict"]);
    expect(run("trust", "list-contexts").stdout).toMatch(
      new RegExp(`${context.sha256}\\s+\\d+\\s+\\S+\\s+yes`),
    );
    expect(run("trust", "remove-context", CLR_2_0_1).status).toBe(0);
    expect(JSON.parse(run("trust", "list-contexts", "--json").stdout)).toEqual({ contexts: [] });
  });

  it("reverify prints a table of the documents whose status changed", () => {
    expect(run("trust", "remove", MIT_ISSUER).status).toBe(0);
    const r = run("trust", "reverify");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d+ document\(s\) with a proof checked, 1 changed, 0 skipped/);
    expect(r.stdout).toMatch(/mit-learn_courseCertificate\.json\s+verified\s+signed-untrusted-issuer\s+/);
  });
});
