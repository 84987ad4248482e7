/** Every format ler-match reads. */
export * from "./parsers.ts";
