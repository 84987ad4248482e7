/** Every format ler-match reads, as data: detection picks the parser with the highest score. */
import type { FormatParser } from "../types.ts";
import { nativeParser } from "./native.ts";

export const PARSERS: readonly FormatParser[] = [nativeParser];
