/**
 * Revocation decided offline, from status lists the user supplies (never fetched):
 *   - a W3C Bitstring Status List or StatusList2021 credential: `encodedList` is a gzipped bitstring,
 *     base64url (Bitstring lists add a multibase "u" prefix); bit i, counted from the most
 *     significant bit of the first byte, is the status of the credential whose credentialStatus
 *     has statusListIndex i and statusListCredential = the list's id;
 *   - a simple revocation list `{ "id"?: list url, "revoked": [credential ids], "suspended"?: [...] }`.
 * A credential no supplied list covers stays "unchecked": absence from a list is never taken as
 * "active" unless the list says it covers that credential.
 */
import { gunzipSync } from "node:zlib";
import { LerError } from "../src/domain/errors.ts";
import type { RevocationStatus } from "../src/domain/schemas.ts";
import type { Store } from "../src/store/types.ts";
import { asArray, hasType, isObject, type Json, objects, text } from "./json-path.ts";

export type StatusPurpose = "revocation" | "suspension";

export type StatusList =
  | { kind: "bitstring"; id: string; purpose: StatusPurpose; bits: Uint8Array }
  | { kind: "ids"; id: string | null; revoked: ReadonlySet<string>; suspended: ReadonlySet<string> };

/** A decompressed list larger than this is refused: the spec's minimum is 16 KB, real ones are small. */
const MAX_LIST_BYTES = 16 * 1024 * 1024;
const BITSTRING_TYPES = ["BitstringStatusListCredential", "StatusList2021Credential"];
const PURPOSES: Record<string, StatusPurpose> = { revocation: "revocation", suspension: "suspension" };
/** When several entries or lists speak, the strongest status wins. */
const STRENGTH: Record<RevocationStatus, number> = { unchecked: 0, active: 1, suspended: 2, revoked: 3 };

const invalid = (message: string, path = "$") =>
  new LerError("invalid_input", message, { details: { path } });

export function parseStatusList(json: unknown): StatusList {
  if (!isObject(json)) throw invalid("a status list must be a JSON object");
  if (hasType(json, ...BITSTRING_TYPES)) return bitstringList(json);
  if (objects(json.credentialSubject).some((s) => typeof s.encodedList === "string"))
    return bitstringList(json);
  if (Array.isArray(json.revoked) || Array.isArray(json.suspended)) return idList(json);
  throw invalid(
    "not a status list: expected a BitstringStatusListCredential / StatusList2021Credential or { revoked: [ids] }",
  );
}

function bitstringList(vc: Json): StatusList {
  const id = text(vc.id);
  if (!id) throw invalid("the status list credential has no id", "$.id");
  const subject = objects(vc.credentialSubject)[0];
  const encoded = subject ? text(subject.encodedList) : null;
  if (!subject || !encoded)
    throw invalid("the status list has no credentialSubject.encodedList", "$.credentialSubject");
  const purpose = PURPOSES[text(subject.statusPurpose) ?? "revocation"];
  if (!purpose)
    throw invalid(`status purpose ${JSON.stringify(subject.statusPurpose)} is not revocation or suspension`);
  return { kind: "bitstring", id, purpose, bits: decodeBits(encoded) };
}

function decodeBits(encoded: string): Uint8Array {
  const base64url = encoded.startsWith("u") ? encoded.slice(1) : encoded;
  try {
    return gunzipSync(Buffer.from(base64url, "base64url"), { maxOutputLength: MAX_LIST_BYTES });
  } catch (cause) {
    throw new LerError("invalid_input", "encodedList is not a gzipped, base64url-encoded bitstring", {
      cause,
      details: { path: "$.credentialSubject.encodedList" },
    });
  }
}

function idList(json: Json): StatusList {
  const ids = (field: string) =>
    new Set(
      asArray(json[field])
        .map(text)
        .filter((v) => v !== null),
    );
  return { kind: "ids", id: text(json.id), revoked: ids("revoked"), suspended: ids("suspended") };
}

const withoutFragment = (url: string): string => url.replace(/#.*$/, "");

function bitAt(bits: Uint8Array, index: number): boolean | null {
  const byte = bits[Math.floor(index / 8)];
  if (byte === undefined) return null;
  return ((byte >> (7 - (index % 8))) & 1) === 1;
}

function entryStatus(
  entry: Json,
  lists: readonly StatusList[],
  credentialId: string | null,
): RevocationStatus {
  const listUrl = text(entry.statusListCredential);
  const index = Number(text(entry.statusListIndex) ?? Number.NaN);
  const entryId = text(entry.id);
  let status: RevocationStatus = "unchecked";
  for (const list of lists) {
    const found =
      list.kind === "bitstring" ? bitStatus(list, listUrl, index) : idStatus(list, entryId, credentialId);
    if (STRENGTH[found] > STRENGTH[status]) status = found;
  }
  return status;
}

function bitStatus(list: Extract<StatusList, { kind: "bitstring" }>, url: string | null, index: number) {
  if (!url || withoutFragment(url) !== withoutFragment(list.id) || !Number.isInteger(index) || index < 0)
    return "unchecked";
  const set = bitAt(list.bits, index);
  if (set === null) return "unchecked";
  if (!set) return "active";
  return list.purpose === "revocation" ? "revoked" : "suspended";
}

function idStatus(
  list: Extract<StatusList, { kind: "ids" }>,
  entryId: string | null,
  credentialId: string | null,
): RevocationStatus {
  if (credentialId && list.revoked.has(credentialId)) return "revoked";
  if (credentialId && list.suspended.has(credentialId)) return "suspended";
  // Only a list that names itself as this credential's list vouches for the credentials it omits.
  const covers =
    list.id !== null && entryId !== null && withoutFragment(entryId) === withoutFragment(list.id);
  return covers && credentialId ? "active" : "unchecked";
}

/**
 * The status the supplied lists give a credential. `credentialStatus` is the document's own field
 * (one entry or several); `credentialId` is needed for id lists, which name credentials by id.
 */
export function statusFor(
  credentialStatus: unknown,
  lists: readonly StatusList[],
  credentialId: string | null = null,
): RevocationStatus {
  let status: RevocationStatus = "unchecked";
  for (const entry of objects(credentialStatus)) {
    const found = entryStatus(entry, lists, credentialId);
    if (STRENGTH[found] > STRENGTH[status]) status = found;
  }
  return status;
}

export type StatusCounts = Record<RevocationStatus, number>;

export interface StatusApplied {
  /** Documents by the status the lists gave them ("unchecked": no list covers them, left as they were). */
  counts: StatusCounts;
  /** Candidates with a re-marked document, for the caller to re-index. */
  candidateIds: string[];
}

/** Re-marks every stored document that carries a credentialStatus and is covered by a list. */
export function applyStatusLists(store: Store, lists: readonly StatusList[]): StatusApplied {
  const counts: StatusCounts = { unchecked: 0, active: 0, revoked: 0, suspended: 0 };
  const candidates = new Set<string>();
  for (const doc of store.documentsWithCredentialStatus()) {
    const status = statusFor(doc.credentialStatus, lists, doc.id);
    counts[status]++;
    if (status === "unchecked") continue;
    store.setRevocation(doc.id, status);
    candidates.add(doc.candidateId);
  }
  return { counts, candidateIds: [...candidates] };
}
