/**
 * Baseline (b): the population in a real SQLite file and one GROUP BY query per position that
 * sums weighted matches on the exact requirement concepts (trust × level fit, no taxonomy
 * expansion, no recency, no per-requirement max, no explanation). A floor for "just use SQL".
 */
import Database from "better-sqlite3";
import type { Requirement } from "../../src/domain/schemas.ts";
import { SourceKind } from "../../src/domain/schemas.ts";
import { DEFAULT_SCORING } from "../../src/scoring/config.ts";
import { FLAG_REVOKED, type SyntheticPopulation } from "../synthetic.ts";

export class SqlBaseline {
  private readonly db: Database.Database;
  private readonly conceptIndex: Map<string, number>;
  private readonly statements = new Map<number, Database.Statement>();

  constructor(file: string, pop: SyntheticPopulation) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = OFF");
    this.conceptIndex = new Map(pop.conceptIds.map((id, i) => [id, i]));
    this.load(pop);
  }

  private load(pop: SyntheticPopulation): void {
    this.db.exec(`CREATE TABLE assertions (
      candidate INTEGER NOT NULL, concept INTEGER NOT NULL, level REAL, trust REAL NOT NULL,
      date_ms REAL, valid_until REAL, revoked INTEGER NOT NULL)`);
    const insert = this.db.prepare("INSERT INTO assertions VALUES (?, ?, ?, ?, ?, ?, ?)");
    const trust = SourceKind.options.map((k) => DEFAULT_SCORING.trust[k]);
    const nullable = (x: number) => (Number.isNaN(x) ? null : x);
    this.db.transaction(() => {
      for (let c = 0; c < pop.size; c++)
        for (let i = pop.offsets[c]!; i < pop.offsets[c + 1]!; i++)
          insert.run(
            c,
            pop.concept[i]!,
            nullable(pop.level[i]!),
            trust[pop.kind[i]!]!,
            nullable(pop.dateMs[i]!),
            nullable(pop.validUntilMs[i]!),
            pop.flags[i]! & FLAG_REVOKED ? 1 : 0,
          );
    })();
    this.db.exec("CREATE INDEX assertions_concept ON assertions (concept)");
    this.db.exec("ANALYZE");
  }

  /** Top `limit` candidate ordinals for the position. */
  query(
    requirements: readonly Requirement[],
    nowMs: number,
    limit: number,
  ): { candidate: number; score: number }[] {
    const params: (number | null)[] = [];
    for (const r of requirements) params.push(this.conceptIndex.get(r.conceptId) ?? -1, r.weight, r.minLevel);
    const totalWeight = requirements.reduce((s, r) => s + r.weight, 0);
    return this.statement(requirements.length).all(...params, { now: nowMs, total: totalWeight, limit }) as {
      candidate: number;
      score: number;
    }[];
  }

  private statement(n: number): Database.Statement {
    let stmt = this.statements.get(n);
    if (!stmt) {
      const values = Array.from({ length: n }, () => "(?, ?, ?)").join(", ");
      stmt = this.db.prepare(`
        WITH req(concept, weight, min_level) AS (VALUES ${values})
        SELECT a.candidate AS candidate,
          SUM(req.weight * a.trust * CASE
            WHEN a.level IS NULL THEN 0.6
            WHEN req.min_level IS NULL THEN 0.5 + 0.1 * a.level
            WHEN a.level >= req.min_level THEN 1.0
            ELSE (a.level / req.min_level) * (a.level / req.min_level) END) / @total AS score
        FROM req JOIN assertions a ON a.concept = req.concept
        WHERE a.revoked = 0 AND (a.valid_until IS NULL OR a.valid_until >= @now)
        GROUP BY a.candidate
        ORDER BY score DESC, a.candidate
        LIMIT @limit`);
      this.statements.set(n, stmt);
    }
    return stmt;
  }

  close(): void {
    this.db.close();
  }
}
