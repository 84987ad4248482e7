/** An engine over its own SQLite file in a fresh temporary folder, on a fixed clock. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConfigInput } from "../../src/config.ts";
import { openEngine } from "../../src/engine/open.ts";
import type { Engine } from "../../src/engine/types.ts";

export interface TempEngine {
  engine: Engine;
  /** the SQLite file, for reading or rewriting rows underneath the engine */
  db: string;
  /** Closes the engine and removes its folder. */
  close(): Promise<void>;
}

export async function openTempEngine(name: string, config: ConfigInput, now: number): Promise<TempEngine> {
  const dir = mkdtempSync(join(tmpdir(), `ler-match-${name}-`));
  const db = join(dir, `${name}.db`);
  const engine = await openEngine({ ...config, db, clock: () => now });
  return {
    engine,
    db,
    async close() {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
