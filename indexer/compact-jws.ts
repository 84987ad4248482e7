/**
 * Compact JWS (header.payload.signature) decoding. The signature is checked later, by the
 * verifier (indexer/verify/jose.ts), from the compact text the decoder keeps beside the payload.
 */
import { LerError } from "../src/domain/errors.ts";
import { assertJsonDepth } from "./json-depth.ts";
import { isObject, type Json } from "./json-path.ts";

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export const isCompactJws = (text: string): boolean => COMPACT_JWS.test(text.trim());

function segment(part: string, which: string): Json {
  const text = Buffer.from(part, "base64url").toString("utf8");
  assertJsonDepth(text, `JWT ${which}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new LerError("parse_failed", `JWT ${which} is not base64url-encoded JSON`, {
      cause,
      details: { path: which },
    });
  }
  if (!isObject(value))
    throw new LerError("parse_failed", `JWT ${which} is not a JSON object`, { details: { path: which } });
  return value;
}

export function decodeCompactJws(text: string): { header: Json; payload: Json } {
  const trimmed = text.trim();
  if (!isCompactJws(trimmed))
    throw new LerError("parse_failed", "not a compact JWS (three base64url parts separated by dots)", {
      details: { path: "$" },
    });
  const [header = "", payload = ""] = trimmed.split(".");
  return { header: segment(header, "header"), payload: segment(payload, "payload") };
}
