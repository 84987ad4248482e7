/** Keys, the audit trail and erasure from the real binary, as an operator would use them. */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ADA, NOW } from "../api/fixture.ts";
import { BIN, cliWorkspace } from "./binary.ts";

const { dir, db, run } = cliWorkspace("access");
const runJson = (...args: string[]) => JSON.parse(run(...args, "--json").stdout);

beforeAll(() => {
  writeFileSync(join(dir, "ada.json"), JSON.stringify(ADA));
  expect(run("ingest", join(dir, "ada.json")).status).toBe(0);
});

describe("ler-match keys", () => {
  it("create prints the key once; list never shows it; the database holds only its hash", () => {
    const created = runJson(
      "keys",
      "create",
      "--name",
      "ats",
      "--scope",
      "match",
      "read",
      "--expires-in",
      "30",
    );
    expect(created.token).toMatch(/^lm_[\w-]{43}$/);
    expect(created.key).toMatchObject({
      name: "ats",
      scopes: ["match", "read"],
      expiresAt: new Date(NOW + 30 * 86_400_000).toISOString(),
    });
    const listed = run("keys", "list");
    expect(listed.stdout).toContain("ats");
    expect(listed.stdout).not.toContain(created.token);
    expect(readFileSync(db).includes(created.token)).toBe(false);
  });

  it("an unknown scope is a usage error (exit 2) naming the scopes", () => {
    const r = run("keys", "create", "--name", "x", "--scope", "superuser");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid_input/);
  });

  it("revoke marks every live key of a name revoked; revoking again is not_found", () => {
    const { revoked } = runJson("keys", "revoke", "ats");
    expect(revoked).toHaveLength(1);
    expect(runJson("keys", "list").keys[0].revokedAt).toBe(new Date(NOW).toISOString());
    expect(run("keys", "revoke", "ats").status).toBe(3);
  });
});

describe("ler-match --org", () => {
  it("ingest is in the audit trail like an API ingest: the operator, the organisation, the person", () => {
    const trail = runJson("audit", "--person", "p-ada");
    expect(trail.entries).toEqual([
      expect.objectContaining({
        action: "ingest",
        org: "default",
        remote: "local",
        keyName: expect.stringMatching(/^cli:/),
      }),
    ]);
  });

  it("keys, people and the audit trail of another organisation are not seen from the default one", () => {
    writeFileSync(
      join(dir, "bo.json"),
      JSON.stringify({ ...ADA, id: "doc-bo", person: { id: "p-bo", name: "Bo" } }),
    );
    expect(run("ingest", join(dir, "bo.json"), "--org", "org-b").status).toBe(0);
    const bKey = runJson("keys", "create", "--name", "b-key", "--scope", "read", "--org", "org-b");
    expect(bKey.key.org).toBe("org-b");
    expect(runJson("keys", "list").keys.map((k: { name: string }) => k.name)).not.toContain("b-key");
    expect(runJson("keys", "list", "--org", "org-b").keys.map((k: { name: string }) => k.name)).toEqual([
      "b-key",
    ]);
    expect(runJson("audit", "--person", "p-bo").entries).toEqual([]);
    expect(runJson("audit", "--person", "p-bo", "--org", "org-b").entries).toHaveLength(1);
    expect(run("erase", "--person", "p-bo").status).toBe(3);
    expect(run("keys", "revoke", "b-key").status).toBe(3);
  });

  it("an organisation name that is not letters, digits, '.', '_' or '-' is a usage error", () => {
    expect(run("keys", "list", "--org", "no spaces").status).toBe(2);
  });
});

describe("ler-match erase and audit", () => {
  it("erase removes the person, prints a receipt without them, and audit still tells who did it", () => {
    const { receipt } = runJson("erase", "--person", "p-ada");
    expect(receipt).toMatchObject({ reason: "request", removed: { candidates: 1, documents: 1 } });
    expect(JSON.stringify(receipt)).not.toMatch(/p-ada|Ada/);
    const trail = runJson("audit", "--person", "p-ada");
    expect(trail.entries.map((e: { action: string }) => e.action)).toEqual(["ingest", "audit", "erase"]);
    expect(trail.entries[2].keyName).toMatch(/^cli:/);
    expect(trail.erasures).toEqual([receipt]);
    expect(run("erase", "--person", "p-ada").status).toBe(3);
  });

  it("retention without a setting is a usage error", () => {
    const r = spawnSync(process.execPath, [BIN, "retention", "--db", db], {
      encoding: "utf8",
      env: { ...process.env, LER_MATCH_RETENTION_DAYS: "" },
    });
    expect(r.status).toBe(2);
  });
});
