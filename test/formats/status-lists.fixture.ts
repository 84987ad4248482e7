/** Status lists as an issuer would publish them, built in the tests (nothing is fetched). */
import { gzipSync } from "node:zlib";

/** A gzipped, base64url bitstring of `bytes` bytes with the given indexes set (bit 0 = MSB of byte 0). */
export function encodedList(setBits: number[], bytes = 16 * 1024, multibase = true): string {
  const bits = new Uint8Array(bytes);
  for (const i of setBits) bits[Math.floor(i / 8)] = (bits[Math.floor(i / 8)] ?? 0) | (0x80 >> (i % 8));
  return (multibase ? "u" : "") + gzipSync(bits).toString("base64url");
}

/** The list the DCC revoked fixture points at (its entry is bit 6). */
export const DCC_LIST =
  "https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj";

export const bitstringCredential = (id: string, setBits: number[], purpose = "revocation") => ({
  "@context": ["https://www.w3.org/ns/credentials/v2"],
  id,
  type: ["VerifiableCredential", "BitstringStatusListCredential"],
  credentialSubject: {
    id: `${id}#list`,
    type: "BitstringStatusList",
    statusPurpose: purpose,
    encodedList: encodedList(setBits),
  },
});
