/**
 * meetsProbability by level code (postings.ts), one table per asked minimum: a posting's P(meets)
 * is then one array read. A code stands for exactly the level it was made from, so the table holds
 * the model's own value; LEVEL_OTHER is computed from the level itself. The minimums asked are few
 * (levels of a scale), so tables are kept for the index's life.
 */
import type { ScoringConfig } from "../../scoring/config.ts";
import { meetsProbability } from "../../scoring/factors.ts";
import { LEVEL_CODES, LEVEL_UNKNOWN, levelOfCode, SELF_CODE } from "./postings.ts";

export class MeetsTables {
  private readonly tables = new Map<number | null, Float64Array>();

  constructor(private readonly config: ScoringConfig) {}

  /** Indexed by level code (+ SELF_CODE when self-asserted); NaN at LEVEL_OTHER. */
  of(minLevel: number | null): Float64Array {
    let table = this.tables.get(minLevel);
    if (table) return table;
    table = new Float64Array(2 * SELF_CODE).fill(Number.NaN);
    const fill = (c: number) => {
      const lvl = levelOfCode(c);
      table![c] = meetsProbability(lvl, minLevel, "issued-credential", this.config);
      table![SELF_CODE + c] = meetsProbability(lvl, minLevel, "self-asserted", this.config);
    };
    for (let c = 0; c < LEVEL_CODES; c++) fill(c);
    fill(LEVEL_UNKNOWN);
    if (this.tables.size > 64) this.tables.clear(); // odd minimums: stay small
    this.tables.set(minLevel, table);
    return table;
  }
}
