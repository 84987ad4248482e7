/**
 * The one direction of imports (issue #15), as rules `npm run deps` checks: data flows
 * formats → indexer → store → index → ranking → api, so nothing imports against that flow.
 * The README's "Allowed imports" diagram is drawn from these rules — change both together.
 */
/** Every rule is an error: a wrong-way import fails `npm run deps`, it does not warn. */
const forbid = (name, from, to, comment) => ({ name, severity: "error", comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid(
      "no-circular",
      {},
      { circular: true },
      "A cycle means neither side can be understood, tested or moved on its own.",
    ),
    forbid(
      "pure-layers-not-adapters",
      { path: "^(taxonomy|indexer)/" },
      { path: "^(api/|src/cli/)" },
      "The taxonomy and the indexer are libraries the adapters call, never the reverse.",
    ),
    forbid(
      "taxonomy-stays-pure",
      { path: "^taxonomy/" },
      { path: "^(src/(?!domain/|text/)|indexer/)" },
      "The taxonomy is graph, merge, resolver, scales and job descriptions; its tables are read and written by src/store.",
    ),
    forbid(
      "store-knows-no-ranking",
      { path: "^src/store/" },
      { path: "^src/(scoring|search)/" },
      "The store returns plain rows; scoring and search read them, not the other way.",
    ),
    forbid(
      "scoring-knows-no-search",
      { path: "^src/scoring/" },
      { path: "^src/search/" },
      "Scoring is the evidence model every backend shares; it takes its inputs from src/domain.",
    ),
    forbid(
      "generate-feeds-quality",
      { path: "^src/generate/" },
      { path: "^src/quality/" },
      "The generator writes datasets the quality bench reads; their contract is src/domain/bench-dataset.ts.",
    ),
    forbid(
      "domain-is-the-floor",
      { path: "^src/domain/" },
      { path: "^(api|indexer|taxonomy|src/(?!domain/))" },
      "Shared types live in src/domain so every layer can import them; it imports no layer.",
    ),
    forbid(
      "nothing-imports-benchmarks",
      { pathNot: "^benchmarks/" },
      { path: "^benchmarks/" },
      "Benchmarks measure the code; the code never depends on them.",
    ),
    forbid(
      "not-to-unresolvable",
      {},
      { couldNotResolve: true },
      "An import that does not resolve is a typo or a missing dependency.",
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|drizzle|\\.data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".cjs", ".mjs", ".json"],
    },
  },
};
