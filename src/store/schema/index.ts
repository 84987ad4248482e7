/** The store's own tables (taxonomy.ts is imported directly by its owner); drizzle.config.ts reads the whole folder. */
export * from "./assertions.ts";
export * from "./candidates.ts";
export * from "./degrees.ts";
export * from "./documents.ts";
export * from "./outbox.ts";
export * from "./positions.ts";
export * from "./security.ts";
export * from "./trust.ts";
