/** Verification of one ingested input. */
export * from "./verify-document.ts";
