/** drizzle wants a non-empty tuple for a text enum; zod 4 gives the options as a plain array. */
export const enumValues = <T extends string>(options: readonly T[]) => options as [T, ...T[]];
