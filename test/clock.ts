/** The instant tests that do not care about time pin their engine to. */
export const TEST_NOW = Date.parse("2026-01-01T00:00:00Z");
