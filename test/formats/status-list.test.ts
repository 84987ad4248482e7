import { describe, expect, it } from "vitest";
import { applyStatusLists, parseStatusList, type StatusList, statusFor } from "../../indexer/status-list.ts";
import type { RevocationStatus } from "../../src/domain/schemas.ts";
import type { Store } from "../../src/store/types.ts";
import { onlyDocument } from "./helpers.ts";
import { bitstringCredential, DCC_LIST, encodedList } from "./status-lists.fixture.ts";

const entry = (list: string, index: number, type = "BitstringStatusListEntry") => ({
  id: `${list}#${index}`,
  type,
  statusPurpose: "revocation",
  statusListCredential: list,
  statusListIndex: String(index),
});

describe("status lists", () => {
  it("marks the real DCC revoked fixture revoked when its bit 6 is set", () => {
    const doc = onlyDocument("ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json");
    const list = parseStatusList(bitstringCredential(DCC_LIST, [6]));
    expect(statusFor(doc.credentialStatus, [list])).toBe("revoked");
  });

  it("marks it active when the list covers it and its bit is clear", () => {
    const doc = onlyDocument("ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json");
    expect(statusFor(doc.credentialStatus, [parseStatusList(bitstringCredential(DCC_LIST, [5, 7]))])).toBe(
      "active",
    );
  });

  it("leaves it unchecked when no supplied list is its list", () => {
    const doc = onlyDocument("ob3/dcc-fixtures_oidf-revokedStatus-noExpiry.json");
    const other = parseStatusList(bitstringCredential("https://example.org/other-list", [6]));
    expect(statusFor(doc.credentialStatus, [other])).toBe("unchecked");
  });

  it("reads StatusList2021 lists (no multibase prefix) and suspension purposes", () => {
    const list = "https://example.org/lists/2021";
    const vc = {
      id: list,
      type: ["VerifiableCredential", "StatusList2021Credential"],
      credentialSubject: {
        type: "StatusList2021",
        statusPurpose: "suspension",
        encodedList: encodedList([3], 16384, false),
      },
    };
    expect(statusFor(entry(list, 3, "StatusList2021Entry"), [parseStatusList(vc)])).toBe("suspended");
  });

  it("treats an index beyond the list as not covered", () => {
    const list = parseStatusList(bitstringCredential("https://example.org/l", [1]));
    expect(statusFor(entry("https://example.org/l", 16 * 1024 * 8), [list])).toBe("unchecked");
  });

  it("lets the strongest status win across entries", () => {
    const revocations = parseStatusList(bitstringCredential("https://example.org/r", [9]));
    const suspensions = parseStatusList(bitstringCredential("https://example.org/s", [9], "suspension"));
    const status = [entry("https://example.org/s", 9), entry("https://example.org/r", 9)];
    expect(statusFor(status, [suspensions, revocations])).toBe("revoked");
  });

  it("reads a simple revocation list by credential id; only a list naming itself vouches for the others", () => {
    const anonymous = parseStatusList({ revoked: ["http://example.com/credentials/3527"] });
    const named = parseStatusList({ id: "https://1edtech.edu/credentials/3527/revocations", revoked: [] });
    const status = { id: "https://1edtech.edu/credentials/3527/revocations", type: "1EdTechRevocationList" };
    expect(statusFor(status, [anonymous], "http://example.com/credentials/3527")).toBe("revoked");
    expect(statusFor(status, [anonymous], "http://example.com/credentials/other")).toBe("unchecked");
    expect(statusFor(status, [named], "http://example.com/credentials/other")).toBe("active");
  });

  it("refuses what is not a status list, and an encodedList that is not gzip", () => {
    expect(() => parseStatusList({ hello: 1 })).toThrow(/^not a status list/);
    const broken = {
      ...bitstringCredential("https://example.org/x", []),
      credentialSubject: { encodedList: "uAAAA" },
    };
    expect(() => parseStatusList(broken)).toThrow(
      "encodedList is not a gzipped, base64url-encoded bitstring",
    );
  });

  it("re-marks stored documents that a list covers, and leaves the rest", () => {
    const marked: [string, RevocationStatus][] = [];
    const docs = [
      { id: "a", candidateId: "c1", credentialStatus: entry("https://example.org/l", 1) },
      { id: "b", candidateId: "c1", credentialStatus: entry("https://example.org/l", 2) },
      { id: "c", candidateId: "c2", credentialStatus: entry("https://example.org/unknown", 1) },
    ];
    const store = {
      documentsWithCredentialStatus: () => docs,
      setRevocation: (id: string, status: RevocationStatus) => void marked.push([id, status]),
    } as unknown as Store;
    const lists: StatusList[] = [parseStatusList(bitstringCredential("https://example.org/l", [1]))];
    expect(applyStatusLists(store, lists)).toEqual({
      counts: { unchecked: 1, active: 1, revoked: 1, suspended: 0 },
      candidateIds: ["c1"],
    });
    expect(marked).toEqual([
      ["a", "revoked"],
      ["b", "active"],
    ]);
  });
});
