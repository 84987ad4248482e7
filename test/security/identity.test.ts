/**
 * Mass assignment of who a person is: a `write` key stores documents about people, but only an
 * admin key (or the operator's CLI) may change the name or email of a person already on record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA, json } from "../api/fixture.ts";
import { type AttackRig, makeAttackRig } from "./rig.ts";

let rig: AttackRig;
beforeAll(async () => {
  rig = await makeAttackRig();
  expect((await rig.request("/v1/documents", json(ADA))).status).toBe(200);
});
afterAll(() => rig.close());

const about = (person: Record<string, string>, id: string) => ({
  ...ADA,
  id,
  person: { id: ADA.person.id, ...person },
});
const nameOnRecord = async () => (await rig.engine.profile(ADA.person.id)).candidate;

describe("a write key", () => {
  it("cannot rename a person on record: 409 identity_locked naming the field, nothing stored", async () => {
    const res = await rig.as("write", "/v1/documents", json(about({ name: "Mallory" }, "doc-rename")));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.documents[0].error).toMatchObject({ code: "identity_locked" });
    expect(body.documents[0].error.message).toContain("name");
    expect((await nameOnRecord()).name).toBe(ADA.person.name);
    expect((await rig.engine.profile(ADA.person.id)).documents.map((d) => d.id)).not.toContain("doc-rename");
  });

  it("cannot change an email on record", async () => {
    await rig.request("/v1/documents", json(about({ email: "ada@example.org" }, "doc-email")));
    const res = await rig.as(
      "write",
      "/v1/documents",
      json(about({ email: "mallory@example.org" }, "doc-email-2")),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).documents[0].error).toMatchObject({ code: "identity_locked" });
    expect((await nameOnRecord()).email).toBe("ada@example.org");
  });

  it("may write documents that name the person as on record, or not at all", async () => {
    const same = await rig.as("write", "/v1/documents", json(about({ name: ADA.person.name }, "doc-same")));
    expect(same.status).toBe(200);
    const unnamed = await rig.as("write", "/v1/documents", json(about({}, "doc-unnamed")));
    expect(unnamed.status).toBe(200);
    expect(await nameOnRecord()).toMatchObject({ name: ADA.person.name, email: "ada@example.org" });
  });

  it("fails alone in a batch: the other documents land (207)", async () => {
    const res = await rig.as(
      "write",
      "/v1/documents",
      json([about({ name: "Mallory" }, "doc-rename-2"), about({}, "doc-fine")]),
    );
    expect(res.status).toBe(207);
    const codes = (await res.json()).documents.map(
      (d: { error?: { code: string } }) => d.error?.code ?? null,
    );
    expect(codes).toEqual(["identity_locked", null]);
  });
});

describe("an admin key", () => {
  it("may correct who a person is", async () => {
    const res = await rig.as(
      "admin",
      "/v1/documents",
      json(about({ name: "Augusta Ada King", email: "countess@example.org" }, "doc-correction")),
    );
    expect(res.status).toBe(200);
    expect(await nameOnRecord()).toMatchObject({ name: "Augusta Ada King", email: "countess@example.org" });
  });
});
