/** Every format ler-match reads, as data: detection picks the parser with the highest score. */
import type { FormatParser } from "../types.ts";
import { clr2Parser } from "./clr2.ts";
import { csvParser } from "./csv.ts";
import { hropenParser } from "./hropen.ts";
import { jsonResumeParser } from "./jsonresume.ts";
import { jwtParser } from "./jwt.ts";
import { lerRsParser } from "./ler-rs.ts";
import { withinFieldLimits } from "./limits.ts";
import { nativeParser } from "./native.ts";
import { ob2Parser } from "./ob2.ts";
import { ob3Parser } from "./ob3.ts";
import { velocityParser } from "./velocity.ts";

/** Every parser's documents within FIELD_LIMITS (limits.ts), whatever the format wrote. */
const limitingFields = (parser: FormatParser): FormatParser => ({
  ...parser,
  parse: (doc, ctx) => parser.parse(doc, ctx).map(withinFieldLimits),
});

export const PARSERS: readonly FormatParser[] = [
  nativeParser,
  ob3Parser,
  ob2Parser,
  clr2Parser,
  jsonResumeParser,
  lerRsParser,
  hropenParser,
  velocityParser,
  csvParser,
  jwtParser,
].map(limitingFields);
