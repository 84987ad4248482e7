/**
 * API key tokens: 256 random bits with a recognisable prefix (so a leaked key is easy to spot in
 * logs and by secret scanners). Only the SHA-256 of a token is stored; a presented token is
 * hashed and the hashes compared in constant time.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

export const TOKEN_PREFIX = "lm_";
/** 32 random bytes as base64url: 43 characters. */
const TOKEN_SHAPE = /^lm_[A-Za-z0-9_-]{43}$/;

export const newToken = (): string => `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
export const newKeyId = (): string => `key_${randomUUID()}`;

export const isTokenShaped = (token: string): boolean => TOKEN_SHAPE.test(token);

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A person's id as the audit trail and erasure receipts keep it: keyed, so not guessable offline. */
export const pseudonym = (secret: string, personId: string): string =>
  createHmac("sha256", secret).update(personId).digest("hex");
