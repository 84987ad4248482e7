/**
 * The one direction of imports (issue #15), as rules `npm run deps` checks: data flows
 * formats → indexer → store → index → ranking → api, so nothing imports against that flow.
 * The README's "Allowed imports" diagram is drawn from these rules — change both together.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle means neither side can be understood, tested or moved on its own.",
      from: {},
      to: { circular: true },
    },
    {
      name: "pure-layers-not-adapters",
      severity: "error",
      comment: "The taxonomy and the indexer are libraries the adapters call, never the reverse.",
      from: { path: "^(taxonomy|indexer)/" },
      to: { path: "^(api/|src/cli/)" },
    },
    {
      name: "taxonomy-stays-pure",
      severity: "error",
      comment:
        "The taxonomy is graph, merge, resolver, scales and job descriptions; its tables are read and written by src/store.",
      from: { path: "^taxonomy/" },
      to: { path: "^(src/(?!domain/|text/)|indexer/)" },
    },
    {
      name: "store-knows-no-ranking",
      severity: "error",
      comment: "The store returns plain rows; scoring and search read them, not the other way.",
      from: { path: "^src/store/" },
      to: { path: "^src/(scoring|search)/" },
    },
    {
      name: "scoring-knows-no-search",
      severity: "error",
      comment: "Scoring is the evidence model every backend shares; it takes its inputs from src/domain.",
      from: { path: "^src/scoring/" },
      to: { path: "^src/search/" },
    },
    {
      name: "generate-feeds-quality",
      severity: "error",
      comment:
        "The generator writes datasets the quality bench reads; their contract is src/domain/bench-dataset.ts.",
      from: { path: "^src/generate/" },
      to: { path: "^src/quality/" },
    },
    {
      name: "domain-is-the-floor",
      severity: "error",
      comment: "Shared types live in src/domain so every layer can import them; it imports no layer.",
      from: { path: "^src/domain/" },
      to: { path: "^(api|indexer|taxonomy|src/(?!domain/))" },
    },
    {
      name: "nothing-imports-benchmarks",
      severity: "error",
      comment: "Benchmarks measure the code; the code never depends on them.",
      from: { pathNot: "^benchmarks/" },
      to: { path: "^benchmarks/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve is a typo or a missing dependency.",
      from: {},
      to: { couldNotResolve: true },
    },
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
