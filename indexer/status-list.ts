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

/**
 * Decompressed bytes one request may expand its lists to, all lists together: the spec's minimum
 * list is 16 KB and real ones are small, while a gzip bomb expands a thousandfold.
 */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;
const BITSTRING_TYPES = ["BitstringStatusListCredential", "StatusList2021Credential"];
const PURPOSES: Record<string, StatusPurpose> = { revocation: "revocation", suspension: "suspension" };
/** When several entries or lists speak, the strongest status wins. */
const STRENGTH: Record<RevocationStatus, number> = { unchecked: 0, active: 1, suspended: 2, revoked: 3 };

const invalid = (message: string, path = "$") =>
  new LerError("invalid_input", message, { details: { path } });

export function parseStatusList(json: unknown, maxBytes = MAX_STATUS_LIST_BYTES): StatusList {
  if (!isObject(json)) throw invalid("a status list must be a JSON object");
  if (hasType(json, ...BITSTRING_TYPES)) return bitstringList(json, maxBytes);
  if (objects(json.credentialSubject).some((s) => typeof s.encodedList === "string"))
    return bitstringList(json, maxBytes);
  if (Array.isArray(json.revoked) || Array.isArray(json.suspended)) return idList(json);
  throw invalid(
    "not a status list: expected a BitstringStatusListCredential / StatusList2021Credential or { revoked: [ids] }",
  );
}

/**
 * Every list of one request, within one decompressed budget for all of them; a list that fails is
 * named by its position.
 */
export function parseStatusLists(
  lists: readonly unknown[],
  budgetBytes = MAX_STATUS_LIST_BYTES,
): StatusList[] {
  let remaining = budgetBytes;
  return lists.map((list, i) => {
    try {
      const parsed = parseStatusList(list, remaining);
      if (parsed.kind === "bitstring") remaining -= parsed.bits.length;
      return parsed;
    } catch (cause) {
      const e = cause as LerError;
      throw new LerError(e.code ?? "invalid_input", `status list ${i + 1}: ${e.message}`, {
        cause,
        details: e.details,
      });
    }
  });
}

function bitstringList(vc: Json, maxBytes: number): StatusList {
  const id = text(vc.id);
  if (!id) throw invalid("the status list credential has no id", "$.id");
  const subject = objects(vc.credentialSubject)[0];
  const encoded = subject ? text(subject.encodedList) : null;
  if (!subject || !encoded)
    throw invalid("the status list has no credentialSubject.encodedList", "$.credentialSubject");
  const purpose = PURPOSES[text(subject.statusPurpose) ?? "revocation"];
  if (!purpose)
    throw invalid(`status purpose ${JSON.stringify(subject.statusPurpose)} is not revocation or suspension`);
  return { kind: "bitstring", id, purpose, bits: decodeBits(encoded, maxBytes) };
}

function decodeBits(encoded: string, maxBytes: number): Uint8Array {
  const base64url = encoded.startsWith("u") ? encoded.slice(1) : encoded;
  try {
    return gunzipSync(Buffer.from(base64url, "base64url"), { maxOutputLength: Math.max(1, maxBytes) });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw new LerError(
        "payload_too_large",
        `the status lists expand past the ${MAX_STATUS_LIST_BYTES}-byte budget of one request; send fewer or smaller lists`,
        { cause, details: { limitBytes: MAX_STATUS_LIST_BYTES } },
      );
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
