/** The embedded backend: the in-process candidate index. */
export * from "./embedded-index.ts";
