/** Understanding a pasted job description. */
export * from "./parse.ts";
