/** Text to ranked concepts. */
export * from "./resolver.ts";
