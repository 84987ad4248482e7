import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const CODE = ["api", "src", "indexer", "taxonomy"];

function* indexFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* indexFiles(path);
    else if (name === "index.ts") yield path;
  }
}

/** `export … from "…"`: the only statement an index.ts may hold. */
function isReExport(statement: ts.Statement): boolean {
  return ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined;
}

function implementationIn(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022);
  return source.statements.filter((s) => !isReExport(s)).map((s) => s.getText(source).split("\n")[0] ?? "");
}

describe("an index.ts", () => {
  it("holds only re-exports: the implementation lives in a file named for what it does", () => {
    const offenders = CODE.flatMap((d) => [...indexFiles(join(ROOT, d))])
      .map((f) => relative(ROOT, f))
      .map((f) => ({ file: f, statements: implementationIn(join(ROOT, f)) }))
      .filter((o) => o.statements.length > 0)
      .map((o) => o.file);
    expect(offenders).toEqual([]);
  });

  it("is told apart from one that implements", () => {
    const probe = ts.createSourceFile(
      "x.ts",
      'export * from "./a.ts";\nconst x = 1;',
      ts.ScriptTarget.ES2022,
    );
    expect(probe.statements.map(isReExport)).toEqual([true, false]);
  });
});
